"""The engine against the 99 real decisions of the dev set: the targets of the review engine."""

from __future__ import annotations

import pytest

from openimr import api
from tests.conftest import CORPUS, needs_corpus


@needs_corpus
@pytest.mark.slow
def test_dev_set_agreement_meets_the_targets() -> None:
    result, errors = api.evaluate([CORPUS / "cases-dev.jsonl"])
    assert not errors
    assert result.items == 217
    assert result.accuracy >= 0.93
    assert result.kappa >= 0.65
    assert result.accuracy > result.baseline_accuracy


@needs_corpus
@pytest.mark.slow
def test_letters_score_the_same_as_their_case_files() -> None:
    letters = sorted((CORPUS / "dwc-letters" / "txt").glob("*.txt"))[:20]
    from_letters, errors = api.evaluate(letters)
    assert not errors and from_letters.items > 20


REWORDINGS = [
    (r"\bphysical therapy\b", "PT"),
    (r"\binjured worker\b", "claimant"),
    (r"\bUtilization Review\b", "UR"),
    (r"\bnon-?certified\b", "denied"),
    (r"\bmedications\b", "meds"),
    (r"\bout of 10\b", "/10"),
    (r"\bdecreased\b", "diminished"),
    (r"\bcomplained of\b", "reported"),
    (r"\bnumbness\b", "paresthesias"),
    (r"\brange of motion\b", "ROM"),
    (r"\bmagnetic resonance imaging\b", "MRI"),
]


@needs_corpus
@pytest.mark.slow
def test_rewording_the_record_changes_no_decision() -> None:
    """Cases described in other words: synonyms, abbreviations and spelled-out dates."""
    import datetime as dt
    import json
    import re

    def spell_dates(text: str) -> str:
        def rep(m: re.Match) -> str:
            try:
                year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
                return dt.date(year, int(m.group(1)), int(m.group(2))).strftime("%B %d, %Y")
            except ValueError:
                return m.group(0)

        return re.sub(r"\b(\d{1,2})-(\d{1,2})-(\d{2,4})\b", rep, text)

    changed = []
    for line in (CORPUS / "cases-dev.jsonl").read_text().splitlines():
        record = json.loads(line)
        record.pop("expected")
        summary = record["case_summary"]
        for pattern, replacement in REWORDINGS:
            summary = re.sub(pattern, replacement, summary, flags=re.IGNORECASE)
        original = api.review(record)
        reworded = api.review({**record, "case_summary": spell_dates(summary)})
        changed += [
            (record["id"], a.request)
            for a, b in zip(original.determinations, reworded.determinations, strict=True)
            if a.decision != b.decision
        ]
    assert changed == []
