"""Decide every disputed item of a case, following the medical evidence search sequence (8 CCR 9792.21.1).

For each request: understand it (topic, quantities, role); take the guidelines of its topic in force on
the review date, MTUS first, then ACOEM/ODG, then others; the first that addresses the request governs.
Its criteria are evaluated against the facts of the record and its decision rule gives Upheld or
Overturned. Associated surgical services follow the surgery they serve when it is decided in the same
case. A request the engine cannot classify, or whose topic has no encoded guideline, is decided as
reviewers do when medical necessity cannot be established (Upheld), and the determination says so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from functools import cache

from openimr import __version__
from openimr.dates import find_dates
from openimr.engine.confidence import with_confidence
from openimr.engine.evaluate import GuidelineOutcome, applies, evaluate_guideline
from openimr.engine.rationale import cite, compose, fill, standing_notes
from openimr.extract.fact_base import NO_DATE_SOURCE
from openimr.extract.facts import CaseContext, FactSet
from openimr.extract.mentions import find_mentions
from openimr.extract.prior_course import partial_certification
from openimr.extract.quantities import NUM, TIME_AGO, to_number
from openimr.extract.record import Record, assemble_record
from openimr.extract.requests import RequestInfo, understand_request
from openimr.guidelines.loader import (
    all_guidelines,
    candidates,
    compiled_when,
    criterion_about,
    defs_for,
    general_dependencies,
)
from openimr.guidelines.logic import evaluate
from openimr.guidelines.schema import Dependency
from openimr.model import (
    Case,
    CaseDetermination,
    CriterionResult,
    Determination,
    EvidenceSpan,
    GuidelineRef,
)

_INJURY_NEAR = 90
# Every determination's confidence is set once the case is decided (engine/confidence.py).
_UNCALIBRATED = 0.5


@cache
def ruleset_hash() -> str:
    """A digest of every guideline file's content: which rules decided."""
    digest = hashlib.sha256()
    for g in all_guidelines():
        digest.update(g.spec.model_dump_json().encode())
    return digest.hexdigest()[:16]


def resolve_review_date(case: Case, today: dt.date | None = None) -> tuple[dt.date, str]:
    """The date whose guidelines apply: the case's review date, else the latest date the case shows."""
    today = today or dt.date.today()
    if case.review_date:
        return case.review_date, "review_date"
    shown = [d for d in (case.ur_denial_date, case.date_of_injury) if d]
    shown += [d.date for d in case.documents if d.date and d.date <= today]
    text = assemble_record(case).text
    shown += [f.date for f in find_dates(text, today) if f.date <= today]
    # "records from 2013": a year alone is a date the case shows too (its first day).
    shown += [dt.date(int(y), 1, 1) for y in _YEAR_ALONE.findall(text) if int(y) <= today.year]
    if shown:
        return max(shown), "latest date in the case"
    return today, NO_DATE_SOURCE


_YEAR_ALONE = re.compile(r"\b(?:in|from|since|of|during|through|until)\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_INJURY_CUE = re.compile(r"\b(?:date of injury|date of loss|injur(?:y|ed|ies)|DOI|D/I)\b", re.IGNORECASE)
_DATE_JUST_BEFORE = 20  # "for a 3/4/2015 injury": the date that qualifies the injury word
# Weaker cues, tried only when no injury word leads to a date: how records also tell the event.
_EVENT_CUE = re.compile(
    r"\b(?:hurt|accident|fell|slipped|tripped|incident|cumulative trauma|trauma|on the job|at work|work-related|"
    r"(?:industrial|occupational|workers'? compensation|work) claim|claim dated|strained|sprained|twisted|"
    r"assaulted|struck|crushed|lifting|a fall|fall(?:ing)? (?:from|off|onto|down)|rear[- ]ended|collision|crash)\b",
    re.IGNORECASE,
)


def _date_of_injury(case: Case, review_date: dt.date) -> dt.date | None:
    """The case's date of injury, else the first date within a short reach after a mention of the injury
    ("injured his low back lifting boxes on 11/01/2016", "date of injury: 10-14-2016")."""
    if case.date_of_injury:
        return case.date_of_injury
    text = assemble_record(case).text
    for cues in (_INJURY_CUE, _EVENT_CUE):
        for cue in cues.finditer(text):
            window = text[cue.end() : cue.end() + _INJURY_NEAR]
            window = window.split(". ")[0]
            for found in find_dates(window):
                if found.date <= review_date:
                    return found.date
    for cue in _INJURY_CUE.finditer(text):
        before = [f.date for f in find_dates(text[max(0, cue.start() - _DATE_JUST_BEFORE) : cue.start()])]
        if before and before[-1] <= review_date:
            return before[-1]
    # "On 01/05/2016 she fell at work": a date, its subject, then the event
    for found in find_dates(text):
        if _SUBJECT_THEN_EVENT.match(text, found.end) and found.date <= review_date:
            return found.date
    # "neck pain since 03/14/2015": when the record tells no injury, the onset of the complaint it treats
    for onset in _ONSET.finditer(text):
        if (found := next(iter(find_dates(text[onset.end() : onset.end() + _DATE_JUST_BEFORE])), None)) and (
            found.date <= review_date
        ):
            return found.date
        if (year := _YEAR_START.match(text, onset.end())) and int(year.group(1)) <= review_date.year:
            return dt.date(int(year.group(1)), 1, 1)
    # "hurt his back at work about three months ago": counted back from the request (else the review date)
    for cues in (_INJURY_CUE, _EVENT_CUE):
        for cue in cues.finditer(text):
            window = re.split(r"[.;,]\s", text[cue.end() : cue.end() + 45])[0]
            if ago := TIME_AGO.search(window):
                amount = to_number(ago.group("n")) or 1
                return _counted_back(case, review_date, amount * _DAYS_IN[ago.group("unit").lower().rstrip("s")])
            if day := _RELATIVE_DAY.search(window):
                return _counted_back(case, review_date, _DAYS_BACK[day.group(1).lower()])
    # "a 2014 injury", "injured in 2014": a year alone, read as its first day (chronicity is what it decides)
    if (year := _INJURY_YEAR.search(text)) and int(year.group("y") or year.group("z")) <= review_date.year:
        return dt.date(int(year.group("y") or year.group("z")), 1, 1)
    # "right wrist pain for several months": how long the complaint has lasted, counted back from the request;
    # "6 months after a lumbar strain": the time since the injury; else "despite 6 months of therapy": the
    # complaint is at least as old as the care given for it
    for lasting in (_COMPLAINT_FOR, _TIME_AFTER_INJURY, _CARE_FOR):
        if (lasted := lasting.search(text)) and (
            amount := _FEW.get(lasted.group("n").lower()) or to_number(lasted.group("n"))
        ):
            return _counted_back(case, review_date, amount * _DAYS_IN[lasted.group("unit").lower().rstrip("s")])
    return None


def _counted_back(case: Case, review_date: dt.date, days: float) -> dt.date:
    """The day ``days`` before the request (the UR decision, else the review): a time the record counts back."""
    return (case.ur_denial_date or review_date) - dt.timedelta(days=round(days))


_SUBJECT_THEN_EVENT = re.compile(
    r",?\s+(?:he|she|they|the (?:injured )?(?:worker|patient|claimant|employee|applicant)|"
    r"(?:a|an|the)\s+\d{1,2}[- ]year[- ]old\s+(?:[\w-]+\s+){0,2}?)\s*(?:was\s+|were\s+)?"
    r"(?:hurt|fell|slipped|tripped|injured|strained|sprained|twisted|inverted|rolled|was struck|was assaulted|"
    r"was crushed)\b",
    re.IGNORECASE,
)
# A complaint and when it began ("low back pain since 06/06/2013", "numbness of the fingers at night since
# 04/2016"), not when it changed ("pain has been worse since ...").
_ONSET = re.compile(
    r"\b(?:pain|symptoms|complaints|numbness|tingling|weakness|swelling|stiffness)\b"
    r"(?:(?!\b(?:worse|worsened|increased|better|improved|flared?|again)\b)[^.;]){0,70}?"
    r"\bsince\s+(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
    re.IGNORECASE,
)
_YEAR_START = re.compile(r"((?:19|20)\d{2})\b")
# "has had right wrist pain for several months", "symptoms for the past two years": the duration of the complaint
_COMPLAINT_FOR = re.compile(
    r"\b(?:pain|symptoms|complaints|numbness|tingling)\b[^.;]{0,40}?\bfor (?:the (?:past|last) )?(?:about )?"
    rf"(?P<n>several|a few|a couple of|{NUM}) (?P<unit>weeks?|months?|years?)\b",
    re.IGNORECASE,
)
# "6 months after a lumbar strain", "three weeks since his fall": the time from the injury to the visit
_TIME_AFTER_INJURY = re.compile(
    rf"\b(?P<n>several|a few|a couple of|{NUM}) (?P<unit>weeks?|months?|years?) (?:after|since|following|out from) "
    r"(?:a|an|his|her|their|the) (?:[\w-]+ ){0,3}?(?:injury|strain|sprain|fall|accident|fracture|trauma|crush|"
    r"collision)\b",
    re.IGNORECASE,
)
# "6 months of therapy", "after several weeks of conservative care": how long the care given has lasted
_CARE_FOR = re.compile(
    rf"\b(?P<n>several|a few|a couple of|{NUM}) (?P<unit>weeks?|months?|years?) of (?:\w+ ){{0,2}}?"
    r"(?:therapy|treatment|care|medications?|management|splinting|bracing|injections?)\b",
    re.IGNORECASE,
)
# a word of quantity read as the fewest it can mean: a duration read long would make a case chronic
_FEW = {"several": 3, "a few": 2, "a couple of": 2}
# "fell at work yesterday", "hurt his back this morning": a day named relative to the visit, counted back
_RELATIVE_DAY = re.compile(r"\b(yesterday|today|this morning|last night|last week|the day before)\b", re.IGNORECASE)
_DAYS_BACK = {"yesterday": 1, "today": 0, "this morning": 0, "last night": 1, "last week": 7, "the day before": 1}
# the days of a unit of time, for a time counted back from the request
_DAYS_IN = {"day": 1, "week": 7, "month": 30.4, "year": 365.25}
_INJURY_YEAR = re.compile(
    r"\b(?:a|an|the|his|her|their)\s+(?P<y>(?:19|20)\d{2})\s+(?:(?:work|industrial|occupational|work-related)\s+)?"
    r"(?:injury|injuries|accident|fall)\b"
    r"|\b(?:injured|hurt|injury|injuries|accident)\s+(?:\w+\s+){0,3}?(?:in|from|during|of)\s+(?P<z>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)


def _subject(req: RequestInfo) -> str:
    return req.disputed_text.strip().rstrip(".")


def _placed(evidence: dict, record: Record | None) -> EvidenceSpan:
    """Evidence as the case file holds it: offsets into the summary, or into a document and on its page."""
    if record is None:
        return EvidenceSpan(**evidence)
    place = record.place(evidence["start"], evidence["end"])
    return EvidenceSpan(
        text=evidence["text"], start=place.start, end=place.end, document=place.document, page=place.page
    )


def _determination_from(
    req: RequestInfo, result: GuidelineOutcome, facts: FactSet, summary: str, searched: list[str], day: dt.date
) -> Determination:
    spec = result.guideline.spec
    lookup = lambda name: (  # noqa: E731 - a tiny adapter
        spec.params.get(name.split(".", 1)[1]) if name.startswith("params.") else facts.get(name).value
    )
    considered = [result.outcomes[c] for c in result.considered if c in result.outcomes]
    criteria = [
        CriterionResult(
            id=o.criterion.id,
            text=fill(o.criterion.text, lookup),
            met=o.met,
            evidence=[_placed(e, facts.ctx.record) for e in o.evidence],
            facts=dict(o.facts),
            about=criterion_about(result.guideline, o.criterion.id),
        )
        for o in result.outcomes.values()
    ]
    missing = [fill(o.criterion.missing, lookup) for o in considered if o.met is None and o.criterion.missing]
    if result.decision == "Upheld":
        change = [fill(o.criterion.change or o.criterion.text, lookup) for o in considered if o.met is not True]
        if spec.recommendation == "not_recommended":
            change = ["evidence that rebuts the guideline's recommendation against this treatment for this condition"]
    else:
        change = [f"the record no longer showed: {fill(o.criterion.text, lookup).rstrip('.')}" for o in considered]
    deciding = [] if spec.recommendation == "not_recommended" else result.deciding
    return Determination(
        request=req.text,
        decision=result.decision,  # type: ignore[arg-type]
        treatment=req.topic,
        category=req.category,
        coverage="encoded",
        guideline=GuidelineRef(
            source=spec.citation.source,
            title=spec.citation.title,
            section=spec.citation.section,
            pages=spec.citation.pages,
            version=spec.citation.edition,
        ),
        guidelines_searched=searched,
        rationale=compose(
            result, summary, lookup, _subject(req), standing_notes(spec, day, req.drug is not None, defs_for(day))
        ),
        criteria=criteria,
        deciding=deciding,
        missing_documentation=list(dict.fromkeys(missing)),
        would_change_if=list(dict.fromkeys(change)),
        confidence=_UNCALIBRATED,
    )


def _not_decidable(req: RequestInfo, searched: list[str]) -> Determination:
    if req.topic is None:
        rationale = (
            f"The request for {_subject(req)} could not be matched to a treatment that the MTUS, ACOEM or ODG "
            "address, so no guideline criteria could be applied. Without criteria that the record meets, medical "
            "necessity is not established, and the request is not medically necessary."
        )
        return Determination(
            request=req.text,
            decision="Upheld",
            treatment=None,
            category=req.category,
            coverage="unclassified",
            guidelines_searched=searched,
            rationale=rationale,
            missing_documentation=["a description of the requested treatment that names what it is"],
            would_change_if=["a request that names the treatment, its quantity and the body part"],
            confidence=_UNCALIBRATED,
        )
    rationale = (
        f"The request for {_subject(req)} falls under the topic {req.topic.replace('_', ' ')} (category: "
        f"{req.category}). The search sequence "
        "would look to the MTUS, then ACOEM or ODG, then other evidence-based guidelines, but no criteria for this "
        "topic are encoded for the review date. Medical necessity is not established from the record, so the "
        "request is not medically necessary."
    )
    return Determination(
        request=req.text,
        decision="Upheld",
        treatment=req.topic,
        category=req.category,
        coverage="not_encoded",
        guidelines_searched=searched or ["MTUS", "ACOEM", "ODG"],
        rationale=rationale,
        missing_documentation=["a guideline-based rationale for the requested treatment"],
        would_change_if=["documentation that establishes medical necessity under the applicable guideline"],
        confidence=_UNCALIBRATED,
    )


def _follows(req: RequestInfo, primary: Determination) -> Determination:
    """The determination of a request that follows another item of the case (``follows`` in its
    dependencies) when that item is not medically necessary: an associated surgical service and its surgery."""
    rationale = (
        f"The request for {_subject(req)} depends on another item of this review, {primary.request.rstrip('.')}, "
        "which is itself not medically necessary, so this request is not medically necessary either."
    )
    return Determination(
        request=req.text,
        decision="Upheld",
        treatment=req.topic,
        category=req.category,
        coverage="encoded",
        guideline=primary.guideline,
        guidelines_searched=primary.guidelines_searched,
        rationale=rationale,
        deciding=["primary_item_supported"],
        criteria=[
            CriterionResult(
                id="primary_item_supported",
                text=f"The item this request depends on ({primary.request.rstrip('.')}) is medically necessary",
                met=False,
            )
        ],
        would_change_if=[f"{primary.request.rstrip('.')} being found medically necessary"],
        confidence=_UNCALIBRATED,
    )


def decide_request(req: RequestInfo, ctx: CaseContext) -> Determination:
    """The determination of one request under the guideline that governs it. A partial certification the
    record states makes the request the remainder of its original course, as a modified request's title does."""
    if stated := partial_certification(ctx, req):
        req = dataclasses.replace(
            req, modified=True, partial=True, original_count=stated[0], authorized_count=stated[1]
        )
    facts = FactSet(ctx, req)
    topic = req.topic
    if topic is None:
        return _not_decidable(req, [])
    searched: list[str] = []
    for guideline in candidates(topic, ctx.review_date):
        searched.append(cite(guideline.spec.citation))
        if applies(guideline, facts, ctx.review_date):
            result = evaluate_guideline(guideline, facts, ctx.review_date)
            return _determination_from(req, result, facts, ctx.summary, searched, ctx.review_date)
    return _not_decidable(req, searched)


def input_digest(case: Case) -> str:
    """A digest of the case as the engine received it (its canonical JSON)."""
    return hashlib.sha256(json.dumps(case.contract_dump(), sort_keys=True).encode()).hexdigest()


def _decision_id(case: Case, review_date: dt.date) -> str:
    """Stable for the same engine, rules, input and review date: a rerun gives the same id."""
    digest = hashlib.sha256(
        f"{__version__}|{ruleset_hash()}|{input_digest(case)}|{review_date.isoformat()}".encode()
    ).hexdigest()
    return f"d-{digest[:20]}"


def case_context(case: Case, today: dt.date | None = None) -> CaseContext:
    """What the engine knows of the case as a whole: its mentions, dates and review date. The record is the
    summary and the case file's documents, each read as its kind (extract/record.py)."""
    review_date, source = resolve_review_date(case, today)
    record = assemble_record(case)
    return CaseContext(
        summary=record.text,
        record=record,
        mentions=find_mentions(record.text, record.spans()),
        date_of_injury=_date_of_injury(case, review_date),
        review_date=review_date,
        review_date_source=source,
        request_date=case.ur_denial_date or _review_decision_date(record.text, review_date),
    )


# A sentence that tells the utilization review's decision: "Utilization review denied naproxen on 02/05/2016",
# "the UR determination dated 3/2/2016 non-certified the MRI".
_REVIEW_DECISION = re.compile(
    r"\b(?:utilization review|UR)\b[^.;]{0,80}?\b(?:denied|non-?certified|modified|determination|decision|"
    r"denial|certified)\b|\b(?:denied|non-?certified|modified) by (?:utilization review|UR)\b",
    re.IGNORECASE,
)


def _review_decision_date(text: str, review_date: dt.date) -> dt.date | None:
    """When the case does not give the utilization review's date, the date of the sentence that tells its
    decision (the latest date in it, not after the review): the request is judged as of then, not months later
    at the independent review."""
    for sentence in re.split(r"(?<=\.)\s+", text):
        if _REVIEW_DECISION.search(sentence):
            dates = [f.date for f in find_dates(sentence) if f.date <= review_date]
            if dates:
                return max(dates)
    return None


def dependencies(req: RequestInfo, ctx: CaseContext) -> list[Dependency]:
    """What ``req`` depends on: the ``depends_on`` of the guidelines of its topic in force, and the
    dependencies every request has (definitions/dependencies.yaml), each where its ``when`` holds."""
    found = [d for g in candidates(req.topic, ctx.review_date) for d in g.spec.depends_on] if req.topic else []
    found += general_dependencies()
    facts = FactSet(ctx, req)
    held = [
        d
        for d in found
        if d.when is None or evaluate(compiled_when(d.when), lambda name: facts.get(name).value, {}) is True
    ]
    return list({(d.topic, d.follows): d for d in held}.values())


def _primaries(n: int, dep: Dependency, requests: list[RequestInfo], deps: list[list[Dependency]]) -> list[int]:
    """The requests of the case that a dependency of request ``n`` points to: those of its topic that do not
    themselves follow that topic (a surgery, not another associated service named as one)."""
    return [
        k
        for k, other in enumerate(requests)
        if k != n and other.topic == dep.topic and not any(d.topic == dep.topic and d.follows for d in deps[k])
    ]


def _decide_with_dependencies(
    n: int,
    requests: list[RequestInfo],
    deps: list[list[Dependency]],
    decided: dict[int, Determination],
    ctx: CaseContext,
) -> Determination:
    """Decide request ``n`` once what it depends on is decided: the decision of each topic it depends on
    ("Overturned" when any of that topic's requests is) is set where its facts read it, and a request that
    ``follows`` an item found not medically necessary is not medically necessary either."""
    for dep in deps[n]:
        primaries = [decided[k] for k in _primaries(n, dep, requests, deps) if k in decided]
        if not primaries:
            continue
        supported = [p for p in primaries if p.decision == "Overturned"]
        ctx.decisions[dep.topic] = "Overturned" if supported else "Upheld"
        if dep.follows and not supported:
            return _follows(requests[n], primaries[-1])
    return decide_request(requests[n], ctx)


def review_case(case: Case, today: dt.date | None = None, refer_below: float | None = None) -> CaseDetermination:
    """Decide every request of ``case``, in request order for the output; in dependency order for the
    deciding: an item that others depend on (a surgery, an NSAID, an opioid) is decided before them, as the
    guideline files' ``depends_on`` say. Each determination carries its calibrated confidence; with
    ``refer_below``, those under it are marked for referral to a physician reviewer."""
    ctx = case_context(case, today)
    review_date, source = ctx.review_date, ctx.review_date_source
    requests = [understand_request(r.text) for r in case.requests]
    ctx.requests = requests
    deps = [dependencies(req, ctx) for req in requests]
    waits_for = [{k for d in deps[n] for k in _primaries(n, d, requests, deps)} for n in range(len(requests))]
    decided: dict[int, Determination] = {}
    while len(decided) < len(requests):
        ready = [n for n in range(len(requests)) if n not in decided and waits_for[n] <= set(decided)]
        # a cycle of dependencies (none in the guideline files) would leave nothing ready: decide in order
        for n in ready or [min(set(range(len(requests))) - set(decided))]:
            decided[n] = _decide_with_dependencies(n, requests, deps, decided, ctx)
    return CaseDetermination(
        id=case.id,
        decision_id=_decision_id(case, review_date),
        review_date=review_date,
        review_date_source=source,
        engine_version=__version__,
        ruleset=ruleset_hash(),
        input_digest=input_digest(case),
        determinations=[with_confidence(decided[n], refer_below) for n in range(len(requests))],
    )
