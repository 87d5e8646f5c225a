"""Records uploaded to an application are documents of the case: paged, of a kind, read as that kind."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.service.conftest import Tokens, application
from tests.service.test_workbench_browser import PAGED_RECORD, REVIEW


def _upload(client: TestClient, tokens: Tokens, app_id: int, name: str, body: bytes, **form: str):
    files = {"file": (name, body, "text/plain")}
    return client.post(f"/v1/applications/{app_id}/documents", files=files, data=form, headers=tokens.header("intake"))


def test_an_upload_is_paged_and_keeps_its_kind_and_date(client: TestClient, tokens: Tokens) -> None:
    app_id = client.post("/v1/applications", json=application(), headers=tokens.header("intake")).json()["id"]
    paged = _upload(client, tokens, app_id, "pr2.txt", PAGED_RECORD, date="2016-10-25")
    assert paged.status_code == 201 and paged.json()["pages"] == 2 and paged.json()["kind"] is None
    review = _upload(client, tokens, app_id, "ur.txt", REVIEW, kind="utilization_review")
    assert review.status_code == 201 and review.json()["kind"] == "utilization_review"


def test_an_unknown_kind_is_refused_with_the_kinds(client: TestClient, tokens: Tokens) -> None:
    app_id = client.post("/v1/applications", json=application(), headers=tokens.header("intake")).json()["id"]
    refused = _upload(client, tokens, app_id, "x.txt", b"A record.", kind="memo")
    assert refused.status_code == 422 and "progress_report" in refused.text


def test_the_reviewed_case_holds_the_uploads_as_documents_read_as_their_kind(
    client: TestClient, tokens: Tokens
) -> None:
    app_id = client.post(
        "/v1/applications", json=application(received="2016-11-11T09:00:00"), headers=tokens.header("intake")
    ).json()["id"]
    _upload(client, tokens, app_id, "pr2.txt", PAGED_RECORD, date="2016-10-25")
    _upload(client, tokens, app_id, "ur.txt", REVIEW)
    for step in ("eligibility", "assignment"):
        assert client.post(f"/v1/applications/{app_id}/{step}", headers=tokens.header("intake")).status_code == 200
    result = client.post(f"/v1/applications/{app_id}/review", headers=tokens.header("rev1")).json()
    mri = result["items"][1]["determination"]
    placed = [e for c in mri["criteria"] for e in c["evidence"] if e.get("document") is not None]
    assert placed and all(e["document"] == 0 and e["page"] == 2 for e in placed)
    red_flag = next(c for c in mri["criteria"] if c["id"] == "red_flag")
    assert red_flag["met"] is not True  # the review's quotation (classified by its title) is no finding
