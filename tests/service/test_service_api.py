"""The IMR service through its HTTP API, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from openimr.ingest.reader import read_letter_bytes
from openimr.store.db import session_scope
from openimr.store.models import DecisionLogEntry
from tests.service.conftest import CASE, Tokens, application


def _intake(client: TestClient, tokens: Tokens, key: str = "k-1", **extra) -> dict:
    body = {"received": "2016-11-11T09:00:00", **extra}
    response = client.post(
        "/v1/applications", json=application(**body), headers={**tokens.header("intake"), "Idempotency-Key": key}
    )
    assert response.status_code in (200, 201), response.text
    return response.json()


def test_health_is_open_and_everything_else_needs_a_token(client: TestClient) -> None:
    assert client.get("/health").json()["status"] == "ok"
    assert client.get("/v1/applications").status_code == 401
    assert client.post("/v1/review", json=CASE).status_code == 401
    assert client.get("/v1/applications", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_intake_to_issued_letter(client: TestClient, tokens: Tokens, db_url: str) -> None:
    app = _intake(client, tokens)
    assert app["status"] == "received" and app["due_at"]
    doc = client.post(
        f"/v1/applications/{app['id']}/documents",
        files={"file": ("progress-note.txt", b"Progress note: pain persists despite medications.", "text/plain")},
        headers=tokens.header("intake"),
    )
    assert doc.status_code == 201, doc.text

    screened = client.post(f"/v1/applications/{app['id']}/eligibility", headers=tokens.header("intake")).json()
    assert screened["status"] == "eligible"
    assigned = client.post(f"/v1/applications/{app['id']}/assignment", headers=tokens.header("intake")).json()
    assert assigned["status"] == "assigned"
    # Dr. Two is affiliated with the insurer: never chosen.
    assert assigned["reviewer_id"] == tokens["rev1_id"]
    assert "Dr. Two is affiliated with Acme Insurance" in assigned["assignment_explanation"]

    reviewing = client.post(f"/v1/applications/{app['id']}/review", headers=tokens.header("rev1")).json()
    assert reviewing["status"] == "under_review"
    items = reviewing["items"]
    assert [i["request"] for i in items] == [r["text"] for r in CASE["requests"]]
    assert all(i["determination"]["criteria"] for i in items)

    accepted = client.post(
        f"/v1/applications/{app['id']}/items/0", json={"action": "accept"}, headers=tokens.header("rev1")
    ).json()
    assert accepted["items"][0]["final_decision"] == items[0]["engine_decision"]
    flipped = "Overturned" if items[1]["engine_decision"] == "Upheld" else "Upheld"
    no_reason = client.post(
        f"/v1/applications/{app['id']}/items/1",
        json={"action": "override", "decision": flipped},
        headers=tokens.header("rev1"),
    )
    assert no_reason.status_code == 422
    overridden = client.post(
        f"/v1/applications/{app['id']}/items/1",
        json={"action": "override", "decision": flipped, "reason": "The reviewer weighed the radicular findings."},
        headers=tokens.header("rev1"),
    ).json()
    assert overridden["items"][1]["final_decision"] == flipped

    issued = client.post(f"/v1/applications/{app['id']}/determination", headers=tokens.header("rev1")).json()
    assert issued["status"] == "issued"
    pdf = client.get(f"/v1/applications/{app['id']}/letter", headers=tokens.header("rev1"))
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    letter = read_letter_bytes(pdf.content, "letter.pdf")
    assert [i.decision for i in letter.items] == [items[0]["engine_decision"], flipped]
    assert letter.case_number == "T-100"

    log = client.get("/v1/decision-log", params={"application_id": app["id"]}, headers=tokens.header("auditor")).json()
    actions = [e["action"] for e in log]
    assert actions == [
        "received",
        "document_added",
        "eligibility",
        "assignment",
        "engine_run",
        "item_accept",
        "item_override",
        "determination_issued",
    ]
    run = log[actions.index("engine_run")]
    assert run["decision_id"] == issued["decision_id"] and run["ruleset"] and run["input_digest"]
    assert run["guideline_versions"]


def test_reviewer_sees_only_their_own_applications(client: TestClient, tokens: Tokens) -> None:
    app = _intake(client, tokens)
    client.post(f"/v1/applications/{app['id']}/eligibility", headers=tokens.header("intake"))
    client.post(f"/v1/applications/{app['id']}/assignment", headers=tokens.header("intake"))
    assert client.get(f"/v1/applications/{app['id']}", headers=tokens.header("rev2")).status_code == 403
    assert client.get("/v1/applications", headers=tokens.header("rev2")).json() == []
    assert client.post(f"/v1/applications/{app['id']}/review", headers=tokens.header("rev2")).status_code == 403
    assert len(client.get("/v1/applications", headers=tokens.header("rev1")).json()) == 1


def test_auditor_reads_and_changes_nothing(client: TestClient, tokens: Tokens) -> None:
    app = _intake(client, tokens)
    assert client.get(f"/v1/applications/{app['id']}", headers=tokens.header("auditor")).status_code == 200
    for path in (f"/v1/applications/{app['id']}/eligibility", "/v1/applications", "/v1/review"):
        assert client.post(path, json={}, headers=tokens.header("auditor")).status_code == 403


def test_repeated_post_with_the_same_key_creates_nothing(client: TestClient, tokens: Tokens) -> None:
    first = _intake(client, tokens, key="same")
    again = client.post(
        "/v1/applications",
        json=application(received="2016-11-11T09:00:00"),
        headers={**tokens.header("intake"), "Idempotency-Key": "same"},
    )
    assert again.status_code == 200 and again.json()["id"] == first["id"]
    assert len(client.get("/v1/applications", headers=tokens.header("admin")).json()) == 1


def test_malformed_case_gets_422_naming_the_field(client: TestClient, tokens: Tokens) -> None:
    body = application(case={**CASE, "requests": [{"text": "   "}]})
    response = client.post("/v1/applications", json=body, headers=tokens.header("intake"))
    assert response.status_code == 422
    locations = [e["loc"] for e in response.json()["detail"]]
    assert ["body", "case", "requests", 0, "text"] in locations
    review = client.post("/v1/review", json={"requests": []}, headers=tokens.header("admin"))
    assert review.status_code == 422


def test_body_over_the_limit_gets_413(client: TestClient, tokens: Tokens) -> None:
    big = b"x" * 300_000
    response = client.post(
        "/v1/applications/1/documents", files={"file": ("big.txt", big, "text/plain")}, headers=tokens.header("intake")
    )
    assert response.status_code == 413

    def chunks():
        yield b'{"case_summary": "'
        yield b"y" * 300_000
        yield b'"}'

    streamed = client.post(
        "/v1/review", content=chunks(), headers={**tokens.header("admin"), "Content-Type": "application/json"}
    )
    assert streamed.status_code == 413


def test_unreadable_upload_is_refused_and_names_the_file(client: TestClient, tokens: Tokens) -> None:
    app = _intake(client, tokens)
    response = client.post(
        f"/v1/applications/{app['id']}/documents",
        files={"file": ("scan.pdf", b"%PDF-1.7 broken", "application/pdf")},
        headers=tokens.header("intake"),
    )
    assert response.status_code == 422 and "scan.pdf" in response.json()["detail"]


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ({"signed": False}, "not signed"),
        ({"ur_decision_attached": False}, "No utilization review decision"),
        ({"ur_decision_kind": "conditional_non_certification"}, "conditional non-certification"),
        ({"ur_decision_date": "2016-01-01"}, "days after the utilization review decision"),
    ],
)
def test_ineligible_applications_say_why(client: TestClient, tokens: Tokens, extra: dict, reason: str) -> None:
    app = _intake(client, tokens, key=f"inel-{reason}", **extra)
    screened = client.post(f"/v1/applications/{app['id']}/eligibility", headers=tokens.header("intake")).json()
    assert screened["status"] == "ineligible"
    assert reason in screened["status_reason"]


def test_duplicate_application_is_ineligible(client: TestClient, tokens: Tokens) -> None:
    first = _intake(client, tokens, key="a")
    client.post(f"/v1/applications/{first['id']}/eligibility", headers=tokens.header("intake"))
    second = _intake(client, tokens, key="b")
    screened = client.post(f"/v1/applications/{second['id']}/eligibility", headers=tokens.header("intake")).json()
    assert screened["status"] == "ineligible" and "duplicates" in screened["status_reason"]


def test_waits_when_no_reviewer_is_free_of_conflict(client: TestClient, tokens: Tokens) -> None:
    app = _intake(client, tokens, key="c", treating_providers=["Valley Orthopedics"])
    client.post(f"/v1/applications/{app['id']}/eligibility", headers=tokens.header("intake"))
    # Dr. Two is affiliated with the insurer; Dr. One practises with the treating provider's group.
    from openimr.store.models import Reviewer

    with session_scope(client.app.state.settings.database_url) as session:
        session.get(Reviewer, tokens["rev1_id"]).affiliations = ["Valley Orthopedics"]
    waiting = client.post(f"/v1/applications/{app['id']}/assignment", headers=tokens.header("intake")).json()
    assert waiting["status"] == "waiting" and waiting["reviewer_id"] is None
    assert "No reviewer" in waiting["status_reason"] and "affiliated" in waiting["status_reason"]


def test_expedited_deadline_and_overdue_flag(client: TestClient, tokens: Tokens) -> None:
    app = _intake(client, tokens, key="e", priority="expedited")
    received = dt.datetime.fromisoformat(app["received_at"])
    assert dt.datetime.fromisoformat(app["due_at"]) - received == dt.timedelta(days=3)
    from openimr.store.models import Application

    with session_scope(client.app.state.settings.database_url) as session:
        row = session.get(Application, app["id"])
        row.due_at = row.received_at - dt.timedelta(days=1)
    assert client.get(f"/v1/applications/{app['id']}", headers=tokens.header("admin")).json()["overdue"] is True


def test_review_endpoint_follows_the_contract(client: TestClient, tokens: Tokens) -> None:
    result = client.post("/v1/review", json=CASE, headers=tokens.header("rev1")).json()
    assert result["id"] == "T-100" and len(result["determinations"]) == 2
    assert {"request", "decision", "treatment", "guideline", "rationale", "criteria"} <= set(
        result["determinations"][0]
    )


def test_decision_log_is_append_only(client: TestClient, tokens: Tokens, db_url: str) -> None:
    _intake(client, tokens)
    with pytest.raises(PermissionError), session_scope(db_url) as session:
        entry = session.scalar(select(DecisionLogEntry))
        entry.actor = "someone else"
        session.flush()


def test_database_down_gives_503(tokens: Tokens) -> None:
    from openimr.config import Settings
    from openimr.web.app import create_app

    app = create_app(Settings(database_url="postgresql+psycopg://x:y@127.0.0.1:1/none"))
    client = TestClient(app)  # no lifespan: the service is up, its database is not
    response = client.get("/v1/applications", headers={"Authorization": "Bearer t"})
    assert response.status_code == 503
    assert "database" in response.json()["detail"] and "y@" not in response.json()["detail"]


def test_statistics_page_in_the_workbench(client: TestClient, tokens: Tokens) -> None:
    app = _intake(client, tokens)
    for step in ("eligibility", "assignment"):
        client.post(f"/v1/applications/{app['id']}/{step}", headers=tokens.header("intake"))
    client.post(f"/v1/applications/{app['id']}/review", headers=tokens.header("rev1"))
    client.cookies.set("openimr_token", tokens["auditor"])
    page = client.get("/ui/stats")
    assert page.status_code == 200
    assert (
        "Decision statistics" in page.text and "2 decided items" in page.text and "data:image/png;base64," in page.text
    )
    client.cookies.set("openimr_token", tokens["rev1"])
    assert client.get("/ui/stats").status_code == 403


def test_statistics_for_a_period(client: TestClient, tokens: Tokens) -> None:
    app = _intake(client, tokens)
    for step in ("eligibility", "assignment"):
        client.post(f"/v1/applications/{app['id']}/{step}", headers=tokens.header("intake"))
    client.post(f"/v1/applications/{app['id']}/review", headers=tokens.header("rev1"))
    client.cookies.set("openimr_token", tokens["auditor"])  # the application was received on 2016-11-11
    page = client.get("/ui/stats", params={"from": "2016-11-11", "to": "2016-11-11"}).text
    assert "2 decided items, received from 2016-11-11 to 2016-11-11" in page and 'value="2016-11-11"' in page
    earlier = client.get("/ui/stats", params={"to": "2016-11-10"}).text
    assert "0 decided items, received to 2016-11-10" in earlier
    assert "2 decided items" in client.get("/ui/stats", params={"from": "", "to": ""}).text
    bad = client.get("/ui/stats", params={"from": "31/01/2017"})
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.text


def test_the_agreement_table_counts_the_reviewers_overrides() -> None:
    from openimr.batch import stats as analytics

    rows = [
        {"source": "a", "case_id": "1", "request": "MRI", "category": "Imaging", "decision": "Overturned",
         "engine_decision": "Upheld", "expected": "Overturned", "year": 2017},
        {"source": "a", "case_id": "1", "request": "PT", "category": "PT / OT", "decision": "Upheld",
         "engine_decision": "Upheld", "expected": "Upheld", "year": 2017},
        {"source": "a", "case_id": "2", "request": "CT", "category": "Imaging", "decision": "Upheld",
         "engine_decision": "Upheld", "expected": "Upheld", "year": 2017},
    ]  # fmt: skip
    html = analytics.html_report(analytics.compute(rows), [])
    imaging = html.split("<td>Imaging</td>")[-1].split("</tr>")[0]
    assert '<td class="n">2</td>' in imaging and '<td class="n">1</td>' in imaging and "50.0%" in imaging
    assert "1 / 0" in imaging  # overturned by the reviewer / by the engine


def test_the_charts_count_whole_items(tmp_path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    from openimr.batch import stats as analytics

    rows = [{"source": "a", "case_id": str(n), "request": "MRI", "category": "Imaging", "decision": "Upheld",
             "year": 2017} for n in range(3)]  # fmt: skip
    captured = []
    original = plt.Figure.savefig

    def keep(fig, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        captured.append(fig.axes[0].xaxis.get_major_locator())
        return original(fig, *args, **kwargs)

    plt.Figure.savefig = keep
    try:
        analytics.charts(analytics.compute(rows), tmp_path)
    finally:
        plt.Figure.savefig = original
    assert captured and all(isinstance(loc, MaxNLocator) for loc in captured)
    ticks = captured[0].tick_values(0, 3)
    assert all(float(t).is_integer() for t in ticks)


def test_openapi_is_published(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert "/v1/review" in spec["paths"] and "/v1/applications/{app_id}/letter" in spec["paths"]


def test_cli_users_create_prints_the_token_last(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from openimr import config
    from openimr.cli import app
    from openimr.store.db import session_scope as scope
    from openimr.web import deps  # noqa: F401 - the service layer's users are the API's users

    monkeypatch.setenv("OPENIMR_DATABASE_URL", db_url)
    config.settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["users", "create", "nurse-kim", "--role", "intake"])
        assert result.exit_code == 0, result.output
        token = result.stdout.strip().splitlines()[-1]
        from openimr import service

        with scope(db_url) as session:
            user = service.authenticate(session, token)
            assert user is not None and user.role == "intake"
        bad = CliRunner().invoke(app, ["users", "create", "x", "--role", "king"])
        assert bad.exit_code == 1 and "role must be one of" in bad.stderr
    finally:
        config.settings.cache_clear()
