"""Demonstration data for ``openimr serve --demo``: a reviewer panel, one user per role, the sample cases."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select

from openimr import service
from openimr.config import Settings
from openimr.model import Case
from openimr.store.db import session_scope
from openimr.store.models import Reviewer, User
from openimr.vocabulary import load_resource


def sample_cases() -> Path:
    """The bundled sample cases: ``samples/cases.jsonl`` of the working directory, else of the checkout this
    package runs from, so that ``serve --demo`` finds them from any directory."""
    here = Path("samples/cases.jsonl")
    checkout = Path(__file__).resolve().parents[2] / "samples" / "cases.jsonl"
    return here if here.exists() else checkout


def load_demo(settings: Settings, cases: Path) -> Iterator[str]:
    """Load the demo once (a second run finds it there); yield lines to print, tokens included."""
    with session_scope(settings.database_url) as session:
        if session.scalar(select(User).where(User.name == "demo-admin")) is not None:
            yield "demo data already loaded (tokens were printed the first time)"
            return
        reviewers = [service.add_reviewer(session, **r) for r in load_resource("demo_reviewers.yaml")["reviewers"]]
        admin_token = service.create_user(session, "demo-admin", "admin")
        admin = session.scalar(select(User).where(User.name == "demo-admin"))
        yield f"admin token: {admin_token}"
        yield f"intake token: {service.create_user(session, 'demo-intake', 'intake')}"
        yield f"auditor token: {service.create_user(session, 'demo-auditor', 'auditor')}"
        for reviewer in reviewers:
            token = service.create_user(session, f"demo-{reviewer.id}", "reviewer", reviewer.id)
            yield f"reviewer token ({reviewer.name}): {token}"
        if cases.exists():
            now = dt.datetime.now().replace(microsecond=0)
            for n, line in enumerate(cases.read_text().splitlines()):
                record = json.loads(line)
                record.pop("expected", None)
                case = Case.model_validate(record)
                # The demo pretends the applications arrive now, a few days apart, each filed five days after
                # its utilization review decision, so that the queue shows deadlines near and far.
                received = now - dt.timedelta(days=2 * n)
                service.create_application(
                    session,
                    service.NewApplication(
                        case=case,
                        ur_decision_date=(received - dt.timedelta(days=5)).date(),
                        signed=True,
                        received=received,
                        priority="expedited" if n % 5 == 4 else "standard",
                    ),
                    admin,
                    settings,
                    idempotency_key=f"demo-{case.id}",
                )
            yield f"loaded the sample cases from {cases}"
        else:
            yield f"no sample cases at {cases}: the queue starts empty"
        assert session.scalar(select(Reviewer.id)) is not None
