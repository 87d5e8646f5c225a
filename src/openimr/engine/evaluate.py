"""Evaluate one guideline's criteria and decision rule against the facts of one request."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from openimr.extract.facts import FactSet
from openimr.guidelines.loader import LoadedGuideline, defs_for
from openimr.guidelines.logic import Expression, evaluate
from openimr.guidelines.schema import Criterion


@dataclass
class CriterionOutcome:
    criterion: Criterion
    met: bool | None
    evidence: list[dict] = field(default_factory=list)
    facts: dict[str, object] = field(default_factory=dict)


@dataclass
class GuidelineOutcome:
    guideline: LoadedGuideline
    decision: str
    pathway: str | None
    outcomes: dict[str, CriterionOutcome]
    considered: list[str]  # criterion ids of the pathway(s) that were applicable
    # The criteria that decided: those of the pathway met (Overturned); for Upheld, the unmet criteria of every
    # applicable pathway (a pathway's ``when`` says whether it applies; each that applies had to fail for the
    # request to fail, and what it failed on is why).
    deciding: list[str] = field(default_factory=list)


def _truth(value: object) -> bool | None:
    if value is None:
        return None
    return bool(value)


def applies(guideline: LoadedGuideline, facts: FactSet, day: dt.date) -> bool:
    """Whether the guideline addresses this request (its ``applies`` expression; True when it has none)."""
    if guideline.applies is None:
        return True
    return _truth(_eval(guideline, guideline.applies, facts, day)) is True


def _constants(guideline: LoadedGuideline, day: dt.date) -> dict[str, dict]:
    """The names a guideline's expressions read besides facts: its params and the definitions in force."""
    return {"params": guideline.spec.params, "defs": defs_for(day)}


def _eval(guideline: LoadedGuideline, expr: Expression, facts: FactSet, day: dt.date) -> object:
    return evaluate(expr, lambda name: facts.get(name).value, _constants(guideline, day))


def evaluate_guideline(guideline: LoadedGuideline, facts: FactSet, day: dt.date) -> GuidelineOutcome:
    """Every criterion's result (met / not met / not documented) with its evidence, and the decision."""
    outcomes: dict[str, CriterionOutcome] = {}
    # A criterion whose ``when`` does not hold does not apply to this request (the ketorolac limit to a
    # naproxen request): a pathway that lists it is decided by its other criteria.
    not_applicable: set[str] = set()
    for criterion in guideline.spec.criteria:
        logic, when = guideline.criteria[criterion.id]
        if when is not None and _truth(_eval(guideline, when, facts, day)) is not True:
            not_applicable.add(criterion.id)
            continue
        met = _truth(_eval(guideline, logic, facts, day))
        evidence: list[dict] = []
        values = {name: facts.get(name).value for name in logic.facts}
        deciders = _deciders(guideline, logic, values, day) if met is True else list(logic.facts)
        for name in deciders:
            fact = facts.get(name)
            if _decides(fact.value, met):
                evidence += fact.spans()
        outcomes[criterion.id] = CriterionOutcome(criterion, met, _dedupe(evidence), values)

    applicable = [
        p
        for p in guideline.spec.decision.pathways
        if guideline.pathways[p.name] is None or _truth(_eval(guideline, guideline.pathways[p.name], facts, day))
    ]
    considered: list[str] = []
    for path in applicable:
        needed = [c for c in path.all if c not in not_applicable]
        considered += [c for c in needed if c not in considered]
        if all(outcomes.get(c) is not None and outcomes[c].met is True for c in needed):
            return GuidelineOutcome(guideline, "Overturned", path.name, outcomes, needed, needed)
    # Explain the pathway the worker's situation fits: one that nothing in the record rules out (its unmet
    # criteria are only undocumented) before one a documented fact excludes ("no severe acute injury" does not
    # explain the denial of a long-standing opioid); then the one closest to being met.
    best = max(
        applicable,
        key=lambda p: (
            not any(outcomes.get(c) is not None and outcomes[c].met is False for c in p.all),
            sum(1 for c in p.all if outcomes.get(c) and outcomes[c].met is True) / len(p.all),
        ),
        default=None,
    )
    chosen = [c for c in best.all if c not in not_applicable] if best else list(outcomes)
    deciding = [c for p in applicable for c in p.all if c not in not_applicable and _met(outcomes, c) is not True]
    return GuidelineOutcome(
        guideline, "Upheld", best.name if best else None, outcomes, chosen, list(dict.fromkeys(deciding))
    )


def _met(outcomes: dict[str, CriterionOutcome], criterion: str) -> bool | None:
    outcome = outcomes.get(criterion)
    return outcome.met if outcome is not None else None


def _deciders(guideline: LoadedGuideline, logic: Expression, values: dict[str, object], day: dt.date) -> list[str]:
    """The facts that made a met criterion met: each that alone (the others unknown) meets it, or without which
    it is no longer met. Why: "age 65 or older, or a comorbidity" met by the comorbidity must not quote the
    sentence that gives the age of 62; a fact that only names the request ("the request is post-operative")
    is kept when nothing else decides."""
    constants = _constants(guideline, day)

    def met_with(known: dict[str, object]) -> bool:
        return _truth(evaluate(logic, lambda name: known.get(name), constants)) is True

    names = list(values)
    out = [
        name
        for name in names
        if met_with({name: values[name]}) or not met_with({n: v for n, v in values.items() if n != name})
    ]
    return out or names


def _decides(value: object, met: bool | None) -> bool:
    """Whether a fact of this value can be what decided a criterion with this result: a present fact (True,
    a number, a name, a non-empty list) for a met criterion, any known one for an unmet one. The
    evidence shown is the words that decided, not every word each fact of the criterion touched: a met
    criterion does not quote the sentence that denied one of its alternatives."""
    if met is True:
        return value is not None and value is not False and value != []
    if met is False:
        return value is not None and value != []  # a denial, a number past a limit, a fact that rules it out
    return False


def _dedupe(spans: list[dict]) -> list[dict]:
    seen = set()
    out = []
    for span in sorted(spans, key=lambda s: (s["start"], s["end"])):
        key = (span["start"], span["end"])
        if key not in seen:
            seen.add(key)
            out.append(span)
    return out


def silent_result(guideline: LoadedGuideline, criterion_id: str) -> bool | None:
    """The criterion's result on a record that says nothing (every record fact at its silent value, the
    request plain): True marks an exclusion, met unless the record shows the excluded thing."""
    from openimr.engine.selfcheck import FixedFacts

    logic, _ = guideline.criteria[criterion_id]
    return _truth(_eval(guideline, logic, FixedFacts({}), guideline.spec.in_force.start))  # type: ignore[arg-type]
