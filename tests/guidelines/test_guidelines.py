"""Guideline files: schema, expression language, version choice, and each file's own fact sets."""

from __future__ import annotations

import datetime as dt

import pytest

from openimr.engine.selfcheck import run_guideline_tests
from openimr.guidelines.loader import GuidelineError, all_guidelines, candidates, load_guideline
from openimr.guidelines.logic import LogicError, compile_logic, evaluate

RESULTS = run_guideline_tests()


def test_every_guideline_file_validates_and_has_fact_set_tests() -> None:
    guidelines = all_guidelines()
    assert len(guidelines) >= 40
    tested = {r.guideline for r in RESULTS}
    assert tested == {g.id for g in guidelines}


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: f"{r.guideline}:{r.case}")
def test_fact_set_gives_its_expected_decision(result) -> None:
    assert result.got == result.expected
    assert result.got_criteria == result.expected_criteria


def test_every_criterion_cites_its_guideline() -> None:
    for g in all_guidelines():
        assert g.spec.citation.title and g.spec.citation.source in {"MTUS", "ACOEM", "ODG", "Other"}
        for criterion in g.spec.criteria:
            assert len(criterion.text.split()) >= 4, f"{g.id}:{criterion.id} has no sentence for a text"
            assert "/" not in criterion.text.split()[0], f"{g.id}:{criterion.id} text looks like a path"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2015, 3, 1), "mtus-cpmtg-physical-medicine-2009"),
        (dt.date(2016, 12, 1), "mtus-cpmtg-physical-medicine-2016"),
    ],
)
def test_version_is_chosen_by_date(day: dt.date, expected: str) -> None:
    ids = [g.id for g in candidates("physical_therapy", day)]
    assert ids[0] == expected
    assert "odg-physical-therapy-2016" in ids


def test_search_sequence_puts_mtus_before_odg() -> None:
    ranks = [g.spec.rank for g in candidates("mri", dt.date(2016, 12, 1))]
    assert ranks == sorted(ranks) and ranks[0] == 1


def test_three_valued_logic() -> None:
    values = {"case.neuro_deficit": None, "request.count": 6}
    constants = {"params": {"limit": 6}, "defs": {}}

    def run(source: str) -> object:
        return evaluate(compile_logic(source), values.get, constants)

    assert run("case.neuro_deficit and request.count <= params.limit") is None
    assert run("case.neuro_deficit or request.count <= params.limit") is True
    assert run("not yes(case.neuro_deficit)") is True
    assert run("default(case.neuro_deficit, False)") is False
    # a definition not in force on the review date is not documented; an unknown parameter is an error
    assert run("request.count >= defs.chronic_pain_weeks") is None
    assert run("not yes(case.neuro_deficit) or request.count >= defs.chronic_pain_weeks") is True
    with pytest.raises(LogicError):
        run("request.count >= params.no_such_limit")


@pytest.mark.parametrize("source", ["__import__('os')", "open('x')", "case.age.__class__", "lambda: 1", "x + 1"])
def test_unsafe_or_unknown_expressions_are_refused(source: str) -> None:
    with pytest.raises(LogicError):
        compile_logic(source)


def _one_criterion_guideline(logic: str) -> str:
    """A guideline file of one criterion whose logic is ``logic``."""
    return f"""
id: broken
citation: {{source: MTUS, title: Broken}}
rank: 1
in_force: {{start: 2009-01-01}}
topics: [acupuncture]
criteria:
  - {{id: c, text: t, logic: "{logic}"}}
decision:
  pathways: [{{name: p, all: [c]}}]
"""


def test_a_guideline_naming_an_unknown_fact_fails_validation() -> None:
    with pytest.raises(GuidelineError, match="unknown fact 'case.no_such_fact'"):
        load_guideline("broken.yaml", _one_criterion_guideline("case.no_such_fact == True"), set())


def test_a_comparison_with_none_is_refused_for_it_is_always_unknown() -> None:
    with pytest.raises(GuidelineError, match="comparison with None"):
        load_guideline("broken.yaml", _one_criterion_guideline("case.psych != None"), set())


def test_a_guideline_with_an_unknown_key_fails_validation() -> None:
    text = (
        "id: x\ncitation: {source: MTUS, title: X}\nrank: 1\nin_force: {start: 2009-01-01}\ntopics: [a]\nthreshold: 3\n"
    )
    with pytest.raises(GuidelineError, match="threshold"):
        load_guideline("x.yaml", text, set())


@pytest.mark.parametrize(
    ("review_date", "expected"),
    [
        ("2016-06-01", "ACOEM Practice Guidelines, Low Back Complaints"),
        ("2018-06-01", "ACOEM Low Back Disorders Guideline"),
    ],
)
def test_imaging_follows_the_acoem_incorporation_of_december_2017(review_date: str, expected: str) -> None:
    from openimr import api

    result = api.review(
        {
            "case_summary": "Low back pain since 01/10/2015.",
            "requests": [{"text": "MRI of the lumbar spine"}],
            "review_date": review_date,
        }
    )
    assert result.determinations[0].guideline.title.startswith(expected)


@pytest.mark.parametrize("review_date", ["2014-06-01", "2016-06-01", "2018-06-01", "2020-06-01"])
@pytest.mark.parametrize(
    "request_text",
    ["X-ray of the lumbar spine", "MRI of the right knee", "Acupuncture x6", "Norco 10/325 #90", "TENS unit rental"],
)
def test_common_requests_have_a_guideline_on_every_review_date(review_date: str, request_text: str) -> None:
    """No common request falls between two versions of its guideline (x-rays after December 2017 once did)."""
    from openimr import api

    result = api.review(
        {
            "case_summary": "Low back pain since 01/10/2013.",
            "requests": [{"text": request_text}],
            "review_date": review_date,
        }
    )
    assert result.determinations[0].coverage == "encoded"


def test_unverified_params_must_name_params() -> None:
    text = """
id: x
citation: {source: ODG, title: X}
rank: 2
in_force: {start: 2013-01-01}
topics: [massage]
params: {max_visits: 6}
unverified_params: [max_vistis]
"""
    with pytest.raises(GuidelineError, match="unverified_params"):
        load_guideline("x.yaml", text, set())


def test_unconfirmed_thresholds_are_marked() -> None:
    massage = next(g for g in all_guidelines() if g.id == "mtus-cpmtg-massage-2009")
    assert massage.spec.unverified_params == ["max_visits"]
