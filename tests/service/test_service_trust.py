"""The service can be trusted with real cases: the letter is the decision that was made, stored once; a
double click does one thing; a bad request saves nothing. Each test failed before its fix."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from openimr import service
from openimr.store.db import session_scope
from openimr.store.models import DecisionLogEntry, ItemReview
from tests.service.conftest import Tokens, application

RECORD = (
    b"Progress report 10/25/2016. Examination: decreased sensation in the left L5 dermatome and a positive "
    b"straight leg raise on the left. He completed six physical therapy visits without improvement."
)


def _to_review(client: TestClient, tokens: Tokens, upload: bool = True) -> int:
    body = application(received="2016-11-11T09:00:00")
    app_id = client.post("/v1/applications", json=body, headers=tokens.header("intake")).json()["id"]
    if upload:
        files = {"file": ("pr2-2016-10-25.txt", RECORD, "text/plain")}
        assert (
            client.post(
                f"/v1/applications/{app_id}/documents", files=files, headers=tokens.header("intake")
            ).status_code
            == 201
        )
    client.post(f"/v1/applications/{app_id}/eligibility", headers=tokens.header("intake"))
    client.post(f"/v1/applications/{app_id}/assignment", headers=tokens.header("intake"))
    return app_id


def _items(db_url: str, app_id: int) -> list[ItemReview]:
    with session_scope(db_url) as session:
        from sqlalchemy import select

        return list(session.scalars(select(ItemReview).where(ItemReview.application_id == app_id)))


def _log_actions(db_url: str, app_id: int) -> list[str]:
    with session_scope(db_url) as session:
        from sqlalchemy import select

        rows = session.scalars(select(DecisionLogEntry).where(DecisionLogEntry.application_id == app_id))
        return [r.action for r in rows]


def test_the_letter_is_the_stored_decision_fetched_twice_alike(client: TestClient, tokens: Tokens, db_url: str) -> None:
    app_id = _to_review(client, tokens)
    reviewed = client.post(f"/v1/applications/{app_id}/review", headers=tokens.header("rev1")).json()
    engine = [i["engine_decision"] for i in reviewed["items"]]
    for item in reviewed["items"]:
        client.post(
            f"/v1/applications/{app_id}/items/{item['position']}",
            json={"action": "accept"},
            headers=tokens.header("rev1"),
        )
    assert client.post(f"/v1/applications/{app_id}/determination", headers=tokens.header("rev1")).status_code == 200
    first = client.get(f"/v1/applications/{app_id}/letter?format=text", headers=tokens.header("rev1")).text
    again = client.get(f"/v1/applications/{app_id}/letter?format=text", headers=tokens.header("rev1")).text
    pdf1 = client.get(f"/v1/applications/{app_id}/letter?format=pdf", headers=tokens.header("rev1")).content
    pdf2 = client.get(f"/v1/applications/{app_id}/letter?format=pdf", headers=tokens.header("rev1")).content
    assert first == again and pdf1 == pdf2 and pdf1.startswith(b"%PDF")
    # the accepted decisions, no override note, the uploaded record among the documents considered
    for title, decision in zip(
        ["Acupuncture 2x3 for the lumbar spine", "MRI of the lumbar spine"], engine, strict=True
    ):
        assert f"{title}: {decision}" in first
    assert "did not follow the engine's recommendation" not in first
    assert "pr2-2016-10-25.txt" in first
    # the assigned reviewer's qualifications, the application's dates; not a draft
    assert "Physical Medicine & Rehabilitation" in first and "DRAFT" not in first
    assert "Priority: Standard" in first and "Application Received:" in first and "Date Assigned:" in first


def test_the_review_reads_the_uploaded_record_and_the_letter_does_not_rerun_the_engine(
    client: TestClient, tokens: Tokens, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_id = _to_review(client, tokens)
    client.post(f"/v1/applications/{app_id}/review", headers=tokens.header("rev1"))
    with session_scope(db_url) as session:
        from openimr.store.models import Application

        app = session.get(Application, app_id)
        documents = app.reviewed_case["documents"]
        assert any("decreased sensation in the left L5" in d["text"] for d in documents)
        assert "decreased sensation" not in app.reviewed_case["case_summary"]  # a document, not pasted text
    for position in (0, 1):
        client.post(
            f"/v1/applications/{app_id}/items/{position}", json={"action": "accept"}, headers=tokens.header("rev1")
        )

    def no_engine(*args, **kwargs):
        raise AssertionError("the engine ran again")

    monkeypatch.setattr("openimr.api.review", no_engine)
    assert client.post(f"/v1/applications/{app_id}/determination", headers=tokens.header("rev1")).status_code == 200
    assert client.get(f"/v1/applications/{app_id}/letter?format=html", headers=tokens.header("rev1")).status_code == 200


def test_after_issue_the_application_is_closed(client: TestClient, tokens: Tokens) -> None:
    app_id = _to_review(client, tokens, upload=False)
    client.post(f"/v1/applications/{app_id}/review", headers=tokens.header("rev1"))
    for position in (0, 1):
        client.post(
            f"/v1/applications/{app_id}/items/{position}", json={"action": "accept"}, headers=tokens.header("rev1")
        )
    client.post(f"/v1/applications/{app_id}/determination", headers=tokens.header("rev1"))
    files = {"file": ("late.txt", b"A late record.", "text/plain")}
    assert (
        client.post(f"/v1/applications/{app_id}/documents", files=files, headers=tokens.header("intake")).status_code
        == 409
    )
    override = {"action": "override", "decision": "Overturned", "reason": "changed my mind"}
    assert (
        client.post(f"/v1/applications/{app_id}/items/0", json=override, headers=tokens.header("rev1")).status_code
        == 409
    )
    assert (
        client.post(
            f"/v1/applications/{app_id}/items/0", json={"action": "accept"}, headers=tokens.header("rev1")
        ).status_code
        == 409
    )
    rerun = client.post(f"/v1/applications/{app_id}/review", headers=tokens.header("rev1"))
    assert rerun.status_code == 200 and rerun.json()["status"] == "issued"  # the current state, nothing rerun


def test_an_override_to_the_engines_own_decision_is_an_accept(client: TestClient, tokens: Tokens, db_url: str) -> None:
    app_id = _to_review(client, tokens, upload=False)
    item = client.post(f"/v1/applications/{app_id}/review", headers=tokens.header("rev1")).json()["items"][0]
    same = {"action": "override", "decision": item["engine_decision"], "reason": "agree"}
    after = client.post(f"/v1/applications/{app_id}/items/0", json=same, headers=tokens.header("rev1")).json()
    assert after["items"][0]["final_decision"] == item["engine_decision"]
    assert after["items"][0]["override_reason"] is None
    assert "item_accept" in _log_actions(db_url, app_id) and "item_override" not in _log_actions(db_url, app_id)


def test_two_simultaneous_start_review_calls_store_the_items_once(
    client: TestClient, tokens: Tokens, db_url: str
) -> None:
    app_id = _to_review(client, tokens, upload=False)
    results: list[int] = []

    def start() -> None:
        results.append(client.post(f"/v1/applications/{app_id}/review", headers=tokens.header("rev1")).status_code)

    threads = [threading.Thread(target=start) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [200, 200, 200]
    assert sorted(i.position for i in _items(db_url, app_id)) == [0, 1]
    assert _log_actions(db_url, app_id).count("engine_run") == 1
    for position in (0, 1):
        client.post(
            f"/v1/applications/{app_id}/items/{position}", json={"action": "accept"}, headers=tokens.header("rev1")
        )
    assert client.post(f"/v1/applications/{app_id}/determination", headers=tokens.header("rev1")).status_code == 200


def test_screening_and_assignment_twice_act_and_log_once(client: TestClient, tokens: Tokens, db_url: str) -> None:
    body = application(received="2016-11-11T09:00:00")
    app_id = client.post("/v1/applications", json=body, headers=tokens.header("intake")).json()["id"]
    for _ in range(2):
        assert client.post(f"/v1/applications/{app_id}/eligibility", headers=tokens.header("intake")).status_code == 200
    for _ in range(2):
        assert client.post(f"/v1/applications/{app_id}/assignment", headers=tokens.header("intake")).status_code == 200
    actions = _log_actions(db_url, app_id)
    assert actions.count("eligibility") == 1 and actions.count("assignment") == 1


def test_a_timezone_aware_received_time_is_accepted_and_saves_one_application(
    client: TestClient, tokens: Tokens
) -> None:
    before = len(client.get("/v1/applications", headers=tokens.header("admin")).json())
    response = client.post(
        "/v1/applications", json=application(received="2026-12-01T09:00:00Z"), headers=tokens.header("intake")
    )
    assert response.status_code == 201, response.text
    assert response.json()["received_at"].startswith("2026-12-01T09:00:00")
    assert len(client.get("/v1/applications", headers=tokens.header("admin")).json()) == before + 1


def test_an_idempotency_key_with_another_body_is_refused_and_an_empty_one_is_422(
    client: TestClient, tokens: Tokens
) -> None:
    headers = {**tokens.header("intake"), "Idempotency-Key": "k-1"}
    assert client.post("/v1/applications", json=application(), headers=headers).status_code == 201
    other = client.post("/v1/applications", json=application(priority="expedited"), headers=headers)
    assert other.status_code == 409 and "k-1" in other.json()["detail"]
    empty = client.post(
        "/v1/applications", json=application(), headers={**tokens.header("intake"), "Idempotency-Key": ""}
    )
    assert empty.status_code == 422


def test_a_reviewer_user_without_a_reviewer_is_refused(db_url: str) -> None:
    with session_scope(db_url) as session, pytest.raises(service.ServiceError) as refused:
        service.create_user(session, "nobody", "reviewer")
    assert refused.value.status == 422 and "--reviewer-id" in refused.value.message


def test_a_letter_from_the_command_line_is_the_engines_draft() -> None:
    from openimr import api

    case = api.letter_to_case(api.parse_letter_file("samples/letters/004_76180013faa2d739.txt"))
    text = api.render_letter(case, api.review(case), "text")
    assert "DRAFT: THE ENGINE'S RECOMMENDATION, NOT A DETERMINATION" in text
    assert "Recommendation Date" in text and "assigned this case to an independent expert reviewer" not in text


def test_bad_requests_get_a_client_error_not_a_500(client: TestClient, tokens: Tokens) -> None:
    headers = {**tokens.header("admin"), "Content-Type": "application/json"}
    deep = '{"case_summary": "x", "requests": [{"text": "MRI"}], "x": ' + "[" * 3000 + "]" * 3000 + "}"
    assert 400 <= client.post("/v1/review", content=deep, headers=headers).status_code < 500
    digits = '{"id": ' + "9" * 5000 + ', "case_summary": "x", "requests": [{"text": "MRI"}]}'
    assert 400 <= client.post("/v1/review", content=digits, headers=headers).status_code < 500
    huge = client.post(
        "/v1/review",
        json={"case_summary": "pain " * 220_000, "requests": [{"text": "MRI"}]},
        headers=tokens.header("admin"),
    )
    assert huge.status_code in (413, 422)
    newline = client.post(
        "/v1/review",
        json={"id": "a\nb", "case_summary": "x", "requests": [{"text": "MRI"}]},
        headers=tokens.header("admin"),
    )
    assert newline.status_code == 422
    assert client.get(f"/v1/applications/{2**63}", headers=tokens.header("admin")).status_code == 422
    assert client.get("/v1/applications/0", headers=tokens.header("admin")).status_code == 422


def test_a_database_error_does_not_carry_the_record_it_was_writing(db_url: str) -> None:
    from sqlalchemy.exc import IntegrityError

    from openimr.store.models import Document

    with pytest.raises(IntegrityError) as failed, session_scope(db_url) as session:
        session.add(
            Document(application_id=999_999, filename="x.txt", content_type="text/plain", size=1, text="SECRET RECORD")
        )
        session.flush()
    assert "SECRET RECORD" not in str(failed.value)


def test_a_query_id_beyond_a_database_integer_is_422(client: TestClient, tokens: Tokens) -> None:
    """Found by bench/api_fuzz.py: the decision log's application_id reached SQLite unbounded (a 500)."""
    huge = -(10**33)
    assert client.get(f"/v1/decision-log?application_id={huge}", headers=tokens.header("admin")).status_code == 422


def test_referred_items_come_first_in_the_workbench_and_the_stats_show_the_rate(tokens: Tokens, db_url: str) -> None:
    from openimr.config import Settings
    from openimr.web.app import create_app

    with TestClient(create_app(Settings(database_url=db_url, refer_below=0.99))) as referring:
        app_id = _to_review(referring, tokens, upload=False)
        reviewed = referring.post(f"/v1/applications/{app_id}/review", headers=tokens.header("rev1")).json()
        assert all(i["determination"]["status"] == "refer" for i in reviewed["items"])
        referring.cookies.set("openimr_token", tokens["rev1"])
        page = referring.get(f"/ui/applications/{app_id}").text
        assert "Referred to a physician reviewer (2)" in page and page.index("Referred to a physician") < page.index(
            "Acupuncture 2x3"
        )
        for position in (0, 1):
            referring.post(
                f"/v1/applications/{app_id}/items/{position}", json={"action": "accept"}, headers=tokens.header("rev1")
            )
        referring.cookies.set("openimr_token", tokens["auditor"])
        stats = referring.get("/ui/stats").text
        assert "Referral to a physician reviewer" in stats and "2 of 2 items referred" in stats
