"""A fresh database per test, on SQLite and (when a server is configured) PostgreSQL, and API clients."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from openimr import service
from openimr.config import Settings
from openimr.store.db import engine_for, migrate, session_scope

POSTGRES_URL = os.environ.get("OPENIMR_TEST_POSTGRES_URL")
REQUIRE_POSTGRES = os.environ.get("OPENIMR_REQUIRE_POSTGRES") == "1"


def _reset_postgres(url: str) -> None:
    engine_for(url).dispose()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'openimr.db'}"
    else:
        if not POSTGRES_URL:
            if REQUIRE_POSTGRES:
                pytest.fail("OPENIMR_REQUIRE_POSTGRES=1 but OPENIMR_TEST_POSTGRES_URL is not set")
            pytest.skip("no PostgreSQL server (export OPENIMR_TEST_POSTGRES_URL=$(bash scripts/postgres.sh))")
        url = POSTGRES_URL
        _reset_postgres(url)
    migrate(url)
    return url


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(database_url=db_url, max_body_bytes=200_000)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    from openimr.web.app import create_app

    with TestClient(create_app(settings)) as c:
        yield c


class Tokens(dict):
    def header(self, name: str) -> dict:
        return {"Authorization": f"Bearer {self[name]}"}


@pytest.fixture
def tokens(db_url: str) -> Tokens:
    """admin, intake, auditor, and two reviewers on the panel (rev1 orthopedics/PM&R, rev2 chiropractic)."""
    out = Tokens()
    with session_scope(db_url) as session:
        rev1 = service.add_reviewer(
            session,
            name="Dr. One",
            specialties=["Physical Medicine & Rehabilitation", "Orthopedic Surgery"],
            licensure_states=["California"],
            years_in_practice=12,
            weekly_hours=30,
            affiliations=[],
        )
        rev2 = service.add_reviewer(
            session,
            name="Dr. Two",
            specialties=["Chiropractic", "Acupuncture"],
            licensure_states=["California"],
            years_in_practice=8,
            weekly_hours=30,
            affiliations=["Acme Insurance"],
        )
        for role in ("admin", "intake", "auditor"):
            out[role] = service.create_user(session, role, role)
        out["rev1"] = service.create_user(session, "rev1", "reviewer", rev1.id)
        out["rev2"] = service.create_user(session, "rev2", "reviewer", rev2.id)
        out["rev1_id"], out["rev2_id"] = rev1.id, rev2.id
    return out


CASE = {
    "id": "T-100",
    "case_summary": (
        "The injured worker is a 45 year old male injured on 09/01/2016 with low back pain. "
        "Treatment to date has included medications. On 10/20/2016 he reported low back pain; "
        "the exam showed tenderness. The provider requested acupuncture 2 times a week for 3 weeks and "
        "a lumbar MRI."
    ),
    "requests": [{"text": "Acupuncture 2x3 for the lumbar spine"}, {"text": "MRI of the lumbar spine"}],
    "date_of_injury": "2016-09-01",
    "ur_denial_date": "2016-11-01",
    "review_date": "2016-12-01",
}


def application(**extra) -> dict:
    body = {"case": CASE, "signed": True, "ur_decision_date": "2016-11-01", "insurer": "Acme Insurance"}
    body.update(extra)
    return body
