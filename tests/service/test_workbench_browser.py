"""The workbench end to end in a real browser (Debian's chromium driven by Playwright)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import httpx
import pytest

from tests.service.conftest import Tokens, application
from tests.service.live import LiveServer

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
REQUIRE_BROWSER = os.environ.get("OPENIMR_REQUIRE_BROWSER") == "1"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists():
        if REQUIRE_BROWSER:
            pytest.fail("OPENIMR_REQUIRE_BROWSER=1 but chromium is not installed")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _login(page, server: LiveServer, token: str) -> None:
    page.goto(f"{server.url}/ui/login")
    page.fill("#token", token)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server.url}/ui/")


def test_intake_to_letter_in_the_browser(browser, db_url: str, tokens: Tokens, tmp_path: Path) -> None:
    server = LiveServer(db_url, tmp_path).start()
    try:
        created = httpx.post(
            f"{server.url}/v1/applications",
            json=application(received="2016-11-11T09:00:00"),
            headers={**tokens.header("intake"), "Idempotency-Key": "browser"},
            timeout=10,
        ).json()
        page = browser.new_page()

        # Intake: eligibility and assignment from the application page.
        _login(page, server, tokens["intake"])
        page.click(f"text={created['case_id']}")
        page.click("text=Screen eligibility")
        assert page.inner_text("#status") == "eligible"
        page.click("text=Assign a reviewer")
        assert page.inner_text("#status") == "assigned"
        assert "Dr. One" in page.inner_text(".assignment")
        page.goto(f"{server.url}/ui/logout")

        # The other reviewer does not see it.
        _login(page, server, tokens["rev2"])
        assert "No applications assigned to you" in page.inner_text("main")
        page.goto(f"{server.url}/ui/applications/{created['id']}")
        assert "assigned to another reviewer" in page.inner_text("main")
        page.goto(f"{server.url}/ui/logout")

        # The assigned reviewer: the record with its evidence marked, accept one item, override the other.
        _login(page, server, tokens["rev1"])
        page.click(f"text={created['case_id']}")
        page.click("text=Start review")
        assert page.inner_text("#status") == "under review"
        assert page.locator(".record mark").count() > 0
        page.click("#item-0 button.accept")
        page.wait_for_selector("#item-0 .final")
        page.select_option("#item-1 select[name=decision]", "Overturned")
        page.fill("#item-1 input[name=reason]", "Objective findings justify the study.")
        page.click("#item-1 form.override button")
        page.wait_for_selector("#item-1 .final")
        assert "Overturned" in page.inner_text("#item-1 .final")
        page.screenshot(path=str(tmp_path / "workbench.png"), full_page=True)
        page.click("text=Issue determination")
        assert page.inner_text("#status") == "issued"
        link = page.get_attribute("text=Final Determination Letter (PDF)", "href")
        pdf = httpx.get(f"{server.url}{link}", headers=tokens.header("rev1"), timeout=30)
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        # the HTML letter opens inside the workbench, and there is a way back
        page.click("text=Letter (HTML)")
        letter = page.frame_locator("iframe.letter")
        letter.locator("text=IMR ISSUES, DECISIONS AND RATIONALES").wait_for()
        page.click("text=Back to the application")
        assert page.inner_text("#status") == "issued"
    finally:
        server.stop()


PAGED_RECORD = (
    b"PROGRESS REPORT 10/25/2016\nSubjective: low back pain radiating to the left leg since the injury.\n"
    b"Page 1 of 2\f"
    b"Page 2 of 2\nObjective: decreased sensation in the left L5 dermatome and a positive straight leg raise "
    b"on the left. He completed six physical therapy visits without improvement."
)
REVIEW = (
    b"NOTICE OF NON-CERTIFICATION\nImaging is indicated when cauda equina syndrome, a fracture or a tumor is "
    b"suspected. None is documented."
)


def test_evidence_opens_its_document_at_the_page_with_the_words_highlighted(
    browser, db_url: str, tokens: Tokens, tmp_path: Path
) -> None:
    server = LiveServer(db_url, tmp_path).start()
    try:
        created = httpx.post(
            f"{server.url}/v1/applications",
            json=application(received="2016-11-11T09:00:00"),
            headers=tokens.header("intake"),
            timeout=10,
        ).json()
        for name, body, kind in (("pr2.txt", PAGED_RECORD, None), ("ur.txt", REVIEW, "utilization_review")):
            uploaded = httpx.post(
                f"{server.url}/v1/applications/{created['id']}/documents",
                files={"file": (name, body, "text/plain")},
                data={"kind": kind} if kind else {},
                headers=tokens.header("intake"),
                timeout=10,
            )
            assert uploaded.status_code == 201, uploaded.text
        assert uploaded.json()["kind"] == "utilization_review"
        for step in ("eligibility", "assignment"):
            done = httpx.post(f"{server.url}/v1/applications/{created['id']}/{step}", headers=tokens.header("intake"))
            assert done.status_code == 200, done.text
        page = browser.new_page()
        _login(page, server, tokens["rev1"])
        page.goto(f"{server.url}/ui/applications/{created['id']}")
        page.click("text=Start review")
        assert page.locator("details.document").count() == 2, page.inner_text("main")[:3000]
        assert page.locator("details#doc-0[open]").count() == 0  # documents start closed
        link = page.locator("#item-1 a.evidence-link", has_text="decreased sensation").first
        assert "document 1, page 2" in link.locator("xpath=following-sibling::span[1]").inner_text()
        link.click()
        focused = page.locator(".record mark.focus")
        assert focused.count() == 1 and focused.is_visible()
        assert "decreased sensation" in focused.inner_text()
        assert page.locator("details#doc-0[open] #doc-0-page-2 mark.focus").count() == 1
        assert page.locator("details#doc-1 mark").count() == 0  # the review's quotation is evidence of nothing
        page.screenshot(path=str(tmp_path / "evidence.png"), full_page=True)
    finally:
        server.stop()


def test_the_api_reference_loads_offline_and_offers_authorize(browser, db_url: str, tmp_path: Path) -> None:
    server = LiveServer(db_url, tmp_path).start()
    try:
        page = browser.new_page()
        hosts: list[str] = []
        page.on("request", lambda request: hosts.append(request.url.split("/")[2]))
        page.goto(f"{server.url}/docs")
        page.wait_for_selector(".swagger-ui .information-container", timeout=20_000)
        assert page.locator("button.authorize").is_visible()
        assert "POST/v1/applications" in page.inner_text(".swagger-ui").replace(" ", "").replace("\n", "")
        assert set(hosts) == {server.url.split("/")[2]}  # nothing from another host
    finally:
        server.stop()


def test_a_decision_clears_the_stale_banner_and_the_page_stacks_on_a_phone(
    browser, db_url: str, tokens: Tokens, tmp_path: Path
) -> None:
    server = LiveServer(db_url, tmp_path).start()
    try:
        created = httpx.post(
            f"{server.url}/v1/applications",
            json=application(received="2016-11-11T09:00:00"),
            headers=tokens.header("intake"),
            timeout=10,
        ).json()
        for step in ("eligibility", "assignment"):
            httpx.post(f"{server.url}/v1/applications/{created['id']}/{step}", headers=tokens.header("intake"))
        page = browser.new_page(viewport={"width": 390, "height": 844})
        _login(page, server, tokens["rev1"])
        page.goto(f"{server.url}/ui/applications/{created['id']}")
        page.click("text=Start review")
        page.click("text=Issue determination")
        assert "no final decision yet" in page.inner_text("#page-error")
        page.click("#item-0 button.accept")
        page.wait_for_selector("#item-0 .final")
        assert page.inner_text("#page-error").strip() == ""
        record, items = page.locator("section.record").bounding_box(), page.locator("section.items").bounding_box()
        assert items["y"] >= record["y"] + record["height"] - 1  # stacked, not side by side
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        server.stop()


def test_intake_files_through_the_form_and_the_auditor_reads_the_log(
    browser, db_url: str, tokens: Tokens, tmp_path: Path
) -> None:
    server = LiveServer(db_url, tmp_path).start()
    try:
        note, review = tmp_path / "pr2.txt", tmp_path / "ur.txt"
        note.write_bytes(PAGED_RECORD)
        review.write_bytes(REVIEW)
        page = browser.new_page()
        _login(page, server, tokens["intake"])
        page.click("text=New application")
        page.fill("input[name=case_id]", "FORM-1")
        page.fill(
            "textarea[name=case_summary]", "A 45 year old warehouse worker hurt his low back lifting on 09/01/2016."
        )
        page.fill("textarea[name=requests]", "MRI of the lumbar spine\nAcupuncture 2x3 for the low back")
        # filed now, five days after the review's decision: within the time to apply
        page.fill("input[name=ur_decision_date]", (dt.date.today() - dt.timedelta(days=5)).isoformat())
        page.check("input[name=signed]")
        page.set_input_files("input[name=documents]", [str(note), str(review)])
        page.click("text=File the application")
        assert page.locator("details.document").count() == 2
        page.click("text=Screen eligibility")
        page.click("text=Assign a reviewer")
        assert page.inner_text("#status") == "assigned"
        page.goto(f"{server.url}/ui/")
        page.fill("input[name=q]", "form-1")
        page.click("form.filters button[type=submit]")
        assert "1 application(s)" in page.inner_text("#count")
        page.goto(f"{server.url}/ui/logout")

        _login(page, server, tokens["rev1"])
        page.click("text=FORM-1")
        page.click("text=Start review")
        for position in (0, 1):
            page.click(f"#item-{position} button.accept")
            page.wait_for_selector(f"#item-{position} .final")
        page.click("text=Issue determination")
        assert page.inner_text("#status") == "issued"
        page.goto(f"{server.url}/ui/logout")

        _login(page, server, tokens["auditor"])
        page.click("text=Decision log")
        page.fill("input[name=actor]", "rev1")
        page.click("button:has-text('Filter')")
        actions = page.locator("table.log td:nth-child(5)").all_inner_texts()
        assert "determination issued" in actions and actions.count("item accept") == 2
        with page.expect_download() as download:
            page.click("a:has-text('CSV')")
        assert "determination_issued" in Path(download.value.path()).read_text()
    finally:
        server.stop()
