"""The intake screen, the queue's search and filters, and the decision log with its exports (server side)."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from tests.service.conftest import Tokens, application

FORM = {
    "case_id": "W-7",
    "case_summary": "A 51 year old roofer fell from a ladder on 03/02/2016 and hurt his low back.",
    "requests": "MRI of the lumbar spine\nPhysical therapy 2x6",
    "ur_decision_date": "2016-11-01",
    "signed": "true",
    "insurer": "Acme Insurance",
}
NOTE = ("pr2.txt", b"PR-2\nObjective: positive straight leg raise on the left.", "text/plain")
REVIEW = ("ur.txt", b"NOTICE OF NON-CERTIFICATION\nThe MRI is not certified.", "text/plain")


def _as(client: TestClient, tokens: Tokens, who: str) -> TestClient:
    client.cookies.set("openimr_token", tokens[who])
    return client


def test_intake_files_an_application_with_its_records(client: TestClient, tokens: Tokens) -> None:
    page = _as(client, tokens, "intake").post(
        "/ui/applications/new", data=FORM, files=[("documents", NOTE), ("documents", REVIEW)], follow_redirects=False
    )
    assert page.status_code == 303
    app_id = int(page.headers["location"].rsplit("/", 1)[1])
    created = client.get(f"/v1/applications/{app_id}", headers=tokens.header("intake")).json()
    assert created["case_id"] == "W-7" and created["priority"] == "standard"
    assert [d["filename"] for d in created["documents"]] == ["pr2.txt", "ur.txt"]


def test_a_bad_filing_keeps_what_was_typed_and_stores_nothing(client: TestClient, tokens: Tokens) -> None:
    bad = _as(client, tokens, "intake").post(
        "/ui/applications/new",
        data=FORM,
        files=[("documents", NOTE), ("documents", ("scan.pdf", b"%PDF-1.4 junk", "application/pdf"))],
    )
    assert bad.status_code == 422 and "scan.pdf: [E104]" in bad.text
    assert "A 51 year old roofer" in bad.text  # the summary typed is still in the form
    assert client.get("/v1/applications", headers=tokens.header("intake")).json() == []
    blank = client.post("/ui/applications/new", data={**FORM, "requests": "  "})
    assert blank.status_code == 422 and "[E202]" in blank.text and "requests" in blank.text


def test_only_intake_and_administrators_file(client: TestClient, tokens: Tokens) -> None:
    assert _as(client, tokens, "rev1").get("/ui/applications/new").status_code == 403
    assert _as(client, tokens, "auditor").post("/ui/applications/new", data=FORM).status_code == 403


def test_the_queue_searches_filters_and_pages(client: TestClient, tokens: Tokens) -> None:
    for n in range(30):
        body = application(received="2016-11-11T09:00:00", priority="expedited" if n % 3 == 0 else "standard")
        body["case"] = {**body["case"], "id": f"Q-{n:02d}"}
        client.post("/v1/applications", json=body, headers=tokens.header("intake"))
    queue = _as(client, tokens, "intake")
    assert "30 application(s), page 1 of 2" in queue.get("/ui/").text
    assert "Q-29" in queue.get("/ui/?sort=id&page=2").text and "Q-00" not in queue.get("/ui/?sort=id&page=2").text
    found = queue.get("/ui/?q=q-07").text
    assert "1 application(s)" in found and "Q-07" in found
    assert "10 application(s)" in queue.get("/ui/?priority=expedited").text
    assert "0 application(s)" in queue.get("/ui/?status=issued").text
    assert queue.get("/ui/?reviewer=99999999999999999999999").status_code == 422
    assert "30 application(s)" in queue.get("/ui/?reviewer=&status=&q=").text  # the form sends empty fields


def test_the_log_filters_and_exports_what_it_shows(client: TestClient, tokens: Tokens) -> None:
    first = client.post("/v1/applications", json=application(), headers=tokens.header("intake")).json()["id"]
    client.post("/v1/applications", json=application(), headers=tokens.header("intake"))
    client.post(f"/v1/applications/{first}/eligibility", headers=tokens.header("intake"))
    auditor = _as(client, tokens, "auditor")
    page = auditor.get(f"/ui/log?application={first}")
    assert page.status_code == 200 and "2 entries" in page.text
    rows = list(csv.DictReader(io.StringIO(auditor.get(f"/ui/log.csv?application={first}").text)))
    assert [r["action"] for r in rows] == ["received", "eligibility"]
    assert all(r["application_id"] == str(first) for r in rows)
    received = auditor.get("/ui/log.json?action=received").json()
    assert len(received) == 2 and {r["action"] for r in received} == {"received"}
    assert _as(client, tokens, "rev1").get("/ui/log").status_code == 403


def test_the_letter_page_of_an_application_not_yet_issued_says_so(client: TestClient, tokens: Tokens) -> None:
    filed = client.post("/v1/applications", json=application(), headers=tokens.header("intake")).json()
    client.cookies.set("openimr_token", tokens["intake"])
    page = client.get(f"/ui/applications/{filed['id']}/letter")
    assert page.status_code == 409 and "no issued determination yet" in page.text
    client.cookies.clear()
    assert client.get(f"/ui/applications/{filed['id']}/letter", follow_redirects=False).status_code == 303
