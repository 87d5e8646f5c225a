"""Right for the right reason: the vocabulary of reasons covers every criterion, the dev annotations load, and
an item decided as the reviewer did for another reason is not counted right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from openimr import api
from openimr.eval.reasons import (
    AnnotationError,
    engine_reasons,
    load_annotations,
    reason_of_criterion,
    reason_vocabulary,
    score_reasons,
)
from openimr.guidelines.loader import all_guidelines
from openimr.model import Determination
from tests.conftest import CORPUS, needs_corpus

ANNOTATIONS = Path(__file__).resolve().parents[2] / "bench" / "data" / "dev-reasons.jsonl"


def test_every_criterion_of_every_guideline_states_exactly_one_reason() -> None:
    ids = {c.id for g in all_guidelines() for c in g.spec.criteria}
    listed = [c for reason in reason_vocabulary().values() for c in reason.criteria]
    assert len(listed) == len(set(listed)), "a criterion is listed under two reasons"
    assert ids <= set(reason_of_criterion()), f"criteria without a reason: {sorted(ids - set(reason_of_criterion()))}"


def test_the_dev_annotations_hold_known_reasons_for_every_item() -> None:
    annotations = load_annotations(ANNOTATIONS)
    assert len(annotations) == 217
    assert all(reasons for reasons in annotations.values())


def _upheld(deciding: list[str]) -> Determination:
    return Determination(
        request="Physical therapy 12 visits",
        decision="Upheld",
        treatment="physical_therapy",
        rationale="...",
        deciding=deciding,
        guideline={"source": "MTUS", "title": "t"},
        confidence=0.5,
    )


def test_agreeing_for_another_reason_is_not_right_for_the_right_reason() -> None:
    annotations = {("c1", 0): {"exceeds_limits"}, ("c2", 0): {"exceeds_limits"}, ("c3", 0): {"criteria_met"}}
    items = [
        ("c1", 0, "Upheld", _upheld(["within_allowance"])),  # right, for the reviewer's reason
        ("c2", 0, "Upheld", _upheld(["improvement_from_prior"])),  # right, for another reason
        ("c3", 0, "Overturned", _upheld(["within_allowance"])),  # wrong
    ]
    result = score_reasons(items, annotations)
    assert (result.annotated, result.right, result.right_for_reason) == (3, 2, 1)
    assert result.wrong_reason[0]["id"] == "c2"
    assert engine_reasons(_upheld([])) == {"not_recommended"}


def test_an_annotation_with_an_unknown_reason_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "reasons.jsonl"
    bad.write_text(json.dumps({"id": "x", "item": 0, "reasons": ["because"]}) + "\n")
    with pytest.raises(AnnotationError, match="unknown reasons"):
        load_annotations(bad)


@needs_corpus
@pytest.mark.slow
def test_the_engine_is_right_for_the_right_reason_on_most_dev_items() -> None:
    result, errors = api.evaluate([CORPUS / "cases-dev.jsonl"], ANNOTATIONS)
    assert not errors and result.reasons is not None
    assert result.reasons["annotated"] == 217
    assert result.reasons["rate"] >= 0.80
