"""Facts of one short record, for the extraction tests: the record as the engine would read it on a fixed
review date, for one request."""

from __future__ import annotations

import datetime as dt

from openimr.extract.facts import CaseContext, FactSet
from openimr.extract.mentions import find_mentions
from openimr.extract.plain import plain
from openimr.extract.requests import understand_request

REVIEW_DATE = dt.date(2017, 1, 15)


def facts(summary: str, request: str = "Physical therapy 6 sessions", injury: dt.date | None = None) -> FactSet:
    summary = plain(summary)  # as the engine reads a record (see engine.decide.case_context)
    ctx = CaseContext(
        summary=summary,
        mentions=find_mentions(summary),
        date_of_injury=injury,
        review_date=REVIEW_DATE,
        review_date_source="test",
    )
    return FactSet(ctx, understand_request(request))
