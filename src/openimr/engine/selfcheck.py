"""Run every guideline's ``_test.yaml`` fact sets: each must give its expected decision."""

from __future__ import annotations

from dataclasses import dataclass, field

from openimr.engine.evaluate import evaluate_guideline
from openimr.extract.facts import FACTS, Fact
from openimr.extract.requests import RequestInfo
from openimr.guidelines.loader import guideline_tests

# Facts that the extractors always know (a flag is False when the record or request does not raise it).
_ALWAYS_KNOWN = {
    "prior.given": False,
    "case.takes_requested_drug": False,
    "case.takes_other_in_class": False,
    "case.prior_study": False,
    "case.current_drugs": [],
}


class FixedFacts:
    """Facts given by hand. A request fact not given takes the value of a plain request (no flags, no
    counts); a flag the extractors always decide is False; every other fact is undocumented (None)."""

    def __init__(self, values: dict) -> None:
        unknown = set(values) - set(FACTS)
        if unknown:
            raise KeyError(f"unknown facts {sorted(unknown)}")
        self.values = values
        self.blank = RequestInfo(text="", disputed_text="", topic=None, category="", kind=None)

    def get(self, name: str) -> Fact:
        if name not in FACTS:
            raise KeyError(f"unknown fact '{name}'")
        if name in self.values:
            return Fact(self.values[name])
        if name.startswith("request."):
            return FACTS[name](None, self.blank)  # type: ignore[arg-type]
        return Fact(_ALWAYS_KNOWN.get(name))


@dataclass
class CheckResult:
    guideline: str
    case: str
    expected: str
    got: str
    expected_criteria: dict[str, bool | None] = field(default_factory=dict)
    got_criteria: dict[str, bool | None] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.expected == self.got and self.expected_criteria == self.got_criteria


def run_guideline_tests() -> list[CheckResult]:
    results = []
    for guideline, tests in guideline_tests():
        for case in tests.cases:
            values = dict(case.facts)
            if case.surgery_decision:
                values["case.surgery_decision"] = case.surgery_decision
            day = case.date or guideline.spec.in_force.start
            outcome = evaluate_guideline(guideline, FixedFacts(values), day)  # type: ignore[arg-type]
            got = {
                cid: (outcome.outcomes[cid].met if cid in outcome.outcomes else "not applicable")
                for cid in case.criteria
            }
            results.append(
                CheckResult(guideline.id, case.name, case.decision, outcome.decision, dict(case.criteria), got)
            )
    return results
