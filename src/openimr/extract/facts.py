"""Clinical facts of a case for one request, each with the words of the record it rests on.

A fact is a value (True/False/a number/None) and its evidence: the mentions, with character offsets into
the case summary, it was read from. ``None`` means the record does not say; the engine reports it as
missing documentation instead of guessing. Facts are named ``case.*`` (about the worker and the record),
``prior.*`` (about earlier courses of the requested treatment) and ``request.*`` (about what is asked);
the guideline files use these names in their logic, and ``FACTS`` lists them so a guideline that names an
unknown fact fails validation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from openimr.dates import find_dates
from openimr.extract.fact_base import (
    AFTER_SURGERY,
    CaseContext,
    Fact,
    Value,
    concept_fact,
    given,
    in_requested_region,
    judged_as_of,
    negated,
    regional_fact,
    regions_near,
    reports_the_service,
    sentences_of,
    tri,
    weeks_between,
    with_list_items,
)
from openimr.extract.mentions import Mention
from openimr.extract.morphine import total_med
from openimr.extract.prior_course import (
    _prior_given,
    _prior_improvement,
    _prior_postop_sessions,
    _prior_relief,
    _prior_sessions,
    _total_with_prior,
    earlier_tens_failed,
)
from openimr.extract.quantities import NUM, TIME_AGO, to_number
from openimr.extract.regions import find_regions
from openimr.extract.requests import RequestInfo
from openimr.vocabulary import body_regions, treatments

__all__ = ["FACTS", "CaseContext", "Fact", "FactSet", "Value", "concept_fact", "regional_fact"]

_AGE = re.compile(r"\b(\d{2})[- ](?:year|yr)s?[- ]old\b", re.IGNORECASE)
# "a sixty-two year old man"
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_AGE_IN_WORDS = re.compile(
    rf"\b({'|'.join(_TENS)})(?:[- ]({'|'.join(_UNITS_WORDS)}))?[- ](?:year|yr)s?[- ]old\b", re.IGNORECASE
)
_SEX = re.compile(r"\b(male|female|man|woman|gentleman|lady|he|she)\b", re.IGNORECASE)
_SEX_WORDS = {
    "male": "male",
    "man": "male",
    "gentleman": "male",
    "he": "male",
    "female": "female",
    "woman": "female",
    "lady": "female",
    "she": "female",
}
_PAIN = re.compile(
    r"\b(?P<n>10|[0-9](?:\.5)?|zero|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:/\s*10|out of (?:10|ten))\b",
    re.IGNORECASE,
)
_DIAGNOSES = re.compile(
    r"\bdiagnos(?:ed|is|es)\b(?:\s+(?:is|are|were|was|include[sd]?|including|of|with|as having|as))+\s+"
    r"(?P<list>[^.;]+)",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\bsince(?: at least)?\b", re.IGNORECASE)


# --- case facts ---------------------------------------------------------------------------------------


def _age(ctx: CaseContext, req: RequestInfo) -> Fact:
    if m := _AGE.search(ctx.summary):
        return Fact(int(m.group(1)), [(m.start(), m.end(), m.group(0))])
    if m := _AGE_IN_WORDS.search(ctx.summary):
        age = _TENS[m.group(1).lower()] + (_UNITS_WORDS[m.group(2).lower()] if m.group(2) else 0)
        return Fact(age, [(m.start(), m.end(), m.group(0))])
    return Fact(None)


def _sex(ctx: CaseContext, req: RequestInfo) -> Fact:
    """'male' or 'female' from the first word that says it (the summaries open with age and sex)."""
    if m := _SEX.search(ctx.summary):
        return Fact(_SEX_WORDS[m.group(1).lower()], [(m.start(), m.end(), m.group(0))])
    return Fact(None)


def _pain_score(ctx: CaseContext, req: RequestInfo) -> Fact:
    """The last pain score on a 0-10 scale the record gives ("7/10", "6 out of 10")."""
    found = list(_PAIN.finditer(ctx.summary))
    if not found:
        return Fact(None)
    m = found[-1]
    score = 0.0 if m.group("n").lower() == "zero" else to_number(m.group("n"))
    return Fact(score, [(m.start(), m.end(), m.group(0))])


def _diagnoses(ctx: CaseContext, req: RequestInfo) -> Fact:
    """The diagnoses the record lists ("diagnosed with X, Y and Z"), as written."""
    names: list[str] = []
    evidence = []
    for m in _DIAGNOSES.finditer(ctx.summary):
        start = m.start("list")
        evidence.append((start, m.end("list"), m.group("list")))
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("list")):
            part = part.strip(" :")
            if part and part.lower() not in {n.lower() for n in names}:
                names.append(part)
    return Fact(names, evidence[:3]) if names else Fact(None)


def _weeks_since_injury(ctx: CaseContext, req: RequestInfo) -> Fact:
    """Weeks from the injury to the request (the UR decision date; the review date when it is unknown):
    the reviewer judges the request as of when it was made."""
    weeks = weeks_between(ctx.date_of_injury, judged_as_of(ctx, req))
    return Fact(weeks if weeks is None or weeks >= 0 else None)


def _red_flags(ctx: CaseContext, req: RequestInfo) -> Fact:
    """A red flag in the requested body region: one that is a flag by itself (cauda equina, a progressive
    deficit, a tumour, a dislocation), or two different signs that together raise the question of a tumour or
    an infection (fever and night pain; a history of cancer and weight loss). One such sign alone is not."""
    strong = regional_fact(ctx, req, "red_flag")
    if strong.value:
        return strong
    signs = in_requested_region(ctx, req, given(ctx.mentions.concept("red_flag_sign")))
    if len({m.text.lower() for m in signs}) >= 2:
        return Fact(True, signs[:3])
    return strong


_AT_THE_INJURY = re.compile(
    r"\b(?:while|when|whilst)\s+$|(?<!since the )(?<!after the )\binjur\w*(?: [\w-]+){0,4} $", re.IGNORECASE
)


def _at_the_injury(ctx: CaseContext, m: Mention) -> bool:
    """A bare "working"/"works" in the account of the injury ("injured while working as a cashier") tells
    what the worker was doing then, not the work status now."""
    if m.text.lower() not in {"working", "works"}:
        return False
    sentence = ctx.mentions.sentences[m.sentence]
    return bool(_AT_THE_INJURY.search(ctx.summary[sentence.start : m.start]))


def _working(ctx: CaseContext, req: RequestInfo) -> Fact:
    """At work or not: "unable to return to work" is a negated mention of working, so it counts as off."""
    off = given(ctx.mentions.concept("not_working")) + negated(ctx.mentions.concept("working"))
    on = [
        m
        for m in given(ctx.mentions.concept("working"))
        if (not off or m.sentence not in sentences_of(off)) and not _at_the_injury(ctx, m)
    ]
    if on:
        return Fact(True, on[:3])
    if off:
        return Fact(False, off[:3])
    return Fact(None)


_CONSERVATIVE_TOPICS = (
    "physical_therapy",
    "chiropractic",
    "acupuncture",
    "massage",
    "aquatic_therapy",
    "tens",
    "h_wave",
    "passive_modalities",
    "nsaids",
    "muscle_relaxants",
    "home_exercise",
)


# Care that is not given to one body part: drugs, rest, modified work, and care named only in general.
_SYSTEMIC_CARE = re.compile(
    r"\b(?:medications?|meds|nsaids?|anti-inflammator\w*|rest|activity modification|modified (?:activity|duty)|"
    r"work restrictions|conservative \w+)\b",
    re.IGNORECASE,
)


_SUPPORT_EQUIPMENT = re.compile(
    r"\b(?:splints?|braces?|bracing|slings?|orthos[ie]s|orthotics?|supports?)\b", re.IGNORECASE
)


def _conservative_mentions(ctx: CaseContext, req: RequestInfo) -> list[Mention]:
    """Conservative care the record reports: the concept's phrases and any conservative treatment by name
    (so "PT" counts as physical therapy), including the first-line drugs by name ("Naproxen" is an NSAID
    tried). A treatment of one body part is care of that part: therapy for the neck is no care of the
    shoulder a study would image (drugs act on the whole body and count for any part)."""
    said = given(ctx.mentions.concept("conservative_care"))
    found = [m for m in said if _SYSTEMIC_CARE.search(m.text)]
    found += in_requested_region(ctx, req, [m for m in said if not _SYSTEMIC_CARE.search(m.text)])
    for topic in _CONSERVATIVE_TOPICS:
        found += in_requested_region(ctx, req, [m for m in ctx.mentions.of("treatment", topic) if m.given])
        found += [m for m in ctx.mentions.of("drug", topic) if m.given]
    # of the equipment, what rests or supports a part ("wrist splints", "a knee brace"); a wheelchair is not care
    supports = [m for m in ctx.mentions.of("treatment", "dme") if m.given and _SUPPORT_EQUIPMENT.search(m.text)]
    found += in_requested_region(ctx, req, supports)
    by_span = {(m.start, m.end): m for m in reversed(found)}  # a word both a concept and a treatment, once
    return sorted(by_span.values(), key=lambda m: m.start)


def _conservative_care(ctx: CaseContext, req: RequestInfo) -> Fact:
    care = _conservative_mentions(ctx, req)
    return Fact(True, care[:4]) if care else Fact(None)


def _failed_conservative_care(ctx: CaseContext, req: RequestInfo) -> Fact:
    care = _conservative_care(ctx, req)
    if not care.value:
        return Fact(None)
    persistent = given(ctx.mentions.concept("no_change"))
    if persistent:
        return Fact(True, care.evidence[:2] + persistent[:2])
    fi = concept_fact(ctx, "functional_improvement")
    if fi.value is False:
        return Fact(True, care.evidence[:2] + fi.evidence[:2])
    return Fact(None, care.evidence[:2])


def _same_service(ctx: CaseContext, req: RequestInfo, mentions: list[Mention]) -> list[Mention]:
    """The mentions that name the requested service for the same body region (a knee MRI is not a repeat
    of a lumbar one, although knee findings bear on a lumbar question)."""
    by_limb = req.topic is not None and treatments().topics[req.topic].covers == "limb"
    wanted = _limbs_of(req.regions) if by_limb else set(req.regions)
    hits = []
    for m in mentions:
        regions = find_regions(ctx.mentions.sentences[m.sentence].text)
        named = _limbs_of(regions) if by_limb else set(regions)
        if not req.regions or not named or named & wanted:
            hits.append(m)
    return hits


def _limbs_of(regions: list[str]) -> set[str]:
    """The limbs the regions belong to (body_regions.yaml ``limbs``); a region of no limb stands for itself."""
    limbs = body_regions().limbs
    return {next((limb for limb, parts in limbs.items() if r in parts), r) for r in regions}


def _already_approved(ctx: CaseContext, req: RequestInfo) -> Fact:
    """The record says the same service was already approved ("was previously approved for the
    neurosurgeon evaluation"): a new request for it duplicates the approval."""
    if not req.topic:
        return Fact(None)
    approvals = [m for m in ctx.mentions.concept("already_approved") if m.affirmed]
    sentences = sentences_of(approvals)
    named = [m for m in ctx.mentions.of("treatment", req.topic) if m.sentence in sentences and m.affirmed]
    hits = _same_service(ctx, req, named)
    evidence = [a for a in approvals if a.sentence in sentences_of(hits)]
    return Fact(True, (evidence + hits)[:3]) if hits else Fact(None)


def _dated_before(ctx: CaseContext, mention: Mention, day: dt.date) -> bool:
    """Whether the sentence of ``mention`` dates it before ``day``. A retrospective request is for a service
    already given on its date of service, and the record describes that very service: only a study the
    record dates earlier is another one."""
    dates = [d.date for d in find_dates(ctx.mentions.sentences[mention.sentence].text)]
    return bool(dates) and max(dates) < day


def _prior_study(ctx: CaseContext, req: RequestInfo) -> Fact:
    """A study of the same kind and region already done, or already approved (a request for it would be a
    repeat)."""
    if not req.topic:
        return Fact(None)
    hits = _same_service(ctx, req, given(ctx.mentions.of("treatment", req.topic)))
    hits = [m for m in hits if not _only_offered(ctx.mentions.sentences[m.sentence].text)]
    if req.service_date:
        hits = [m for m in hits if _dated_before(ctx, m, req.service_date)]
    if hits:
        return Fact(True, hits[:3])
    if _A_REPEAT.search(req.disputed_text) and not req.service_date:
        return Fact(True, [])  # "Repeat MRI of the lumbar spine": the request itself says one was done
    planned = _same_service(ctx, req, [m for m in ctx.mentions.of("treatment", req.topic) if not m.negated])
    told = [m for m in planned if _told_as_a_repeat(ctx, m)]
    if told:
        return Fact(True, told[:2])
    approved = _already_approved(ctx, req)
    return approved if approved.value else Fact(False)


# The words that make a study a repeat of one done before: "a repeat MRI", "an updated cervical MRI"; and a
# study before it told beside the planned one: "a cervical MRI (the last was in 2013)".
_REPEAT_WORDS = r"(?:repeat|repeated|another|updated)"
_A_REPEAT = re.compile(rf"\b{_REPEAT_WORDS}\b", re.IGNORECASE)
_REPEAT_BEFORE = re.compile(rf"\b{_REPEAT_WORDS}\s+(?:[\w/-]+\s+){{0,2}}$", re.IGNORECASE)
_LAST_ONE_AFTER = re.compile(
    r"^[^.;]{0,15}?\b(?:the )?(?:last|previous|prior|most recent|earlier)(?: one| study| scan| test| mri| ct| emg)?"
    r"\s+(?:was|were|one was|done|performed|obtained|dated|in|on|from)\b",
    re.IGNORECASE,
)


# A study offered, discussed or declined and never done: "An MRI was discussed in March but he declined it."
_OFFERED = re.compile(r"\b(?:declined|refused|was discussed|were discussed|was offered|were offered|offered)\b", re.I)
_A_RESULT = re.compile(r"\b(?:showed|shows|revealed|reveals|demonstrated|results?|findings|impression|dated)\b", re.I)


def _only_offered(sentence: str) -> bool:
    """Whether a sentence names a study only as offered, discussed or declined (no result of it)."""
    return bool(_OFFERED.search(sentence)) and not _A_RESULT.search(sentence)


def _told_as_a_repeat(ctx: CaseContext, m: Mention) -> bool:
    """Whether the record's words make the study named at ``m`` a repeat: "repeat" or "updated" just before
    it, or a study before it told right after ("(the last was in 2013)")."""
    sentence = ctx.mentions.sentences[m.sentence]
    before = ctx.summary[max(sentence.start, m.start - 40) : m.start]
    after = ctx.summary[m.end : sentence.end]
    return bool(_REPEAT_BEFORE.search(before) or _LAST_ONE_AFTER.match(after))


def _not_the_requested_test(ctx: CaseContext, req: RequestInfo, screens: list[Mention]) -> list[Mention]:
    """The drug tests of the record other than the one a retrospective request asks about: a sentence
    dated on or after the date of service reports the requested test itself ("a urine screen was
    collected on 10/12/2016"), not an earlier one that would make it a repeat."""
    return [m for m in screens if not reports_the_service(ctx, req, m)]


def _drug_screen(ctx: CaseContext, req: RequestInfo) -> Fact:
    """A urine drug test the record reports, other than the one a retrospective request is for."""
    screens = ctx.mentions.concept("drug_screen")
    return tri(_not_the_requested_test(ctx, req, given(screens)), negated(screens))


def _weeks_since_drug_screen(ctx: CaseContext, req: RequestInfo) -> Fact:
    """Weeks from the latest dated urine drug test the record reports to the request (to the date of
    service of a retrospective one): testing frequency follows risk, and a worker at low risk is tested
    about once a year. A test's date is the one nearest to it in its sentence; undated tests leave the fact
    unknown."""
    as_of = judged_as_of(ctx, req)
    if as_of is None:
        return Fact(None)
    latest: tuple[dt.date, Mention] | None = None
    for m in _not_the_requested_test(ctx, req, given(ctx.mentions.concept("drug_screen"))):
        sentence = ctx.mentions.sentences[m.sentence]
        dates = [d for d in find_dates(sentence.text) if d.date <= as_of]
        if not dates:
            continue
        start, end = m.start - sentence.start, m.end - sentence.start
        nearest = min(dates, key=lambda d: d.start - end if d.start >= end else start - d.end)
        if latest is None or nearest.date > latest[0]:
            latest = (nearest.date, m)
    if latest is None:
        return Fact(None)
    return Fact(weeks_between(latest[0], as_of), [latest[1]])


def _requested_after_surgery(ctx: CaseContext, req: RequestInfo) -> Fact:
    """The requested item is for the time after a surgery although its title does not say post-operative:
    the record asks for it so ("a cold therapy unit for the first week after surgery"), or the same
    application asks for the surgery (a sling, a cold unit or a walker asked with a shoulder or knee
    operation is for its recovery), or the record reports the surgery authorized and not yet done (equipment
    only: a drug asked then is not for that reason a post-operative course)."""
    if not req.topic:
        return Fact(None)
    if req.topic != "surgery" and any(r.topic == "surgery" and not r.associated_surgical for r in ctx.requests):
        return Fact(True)
    if req.kind == "dme" and not _surgery_done(ctx, req).value and (authorized := _surgery_authorized(ctx, req)).value:
        return authorized  # equipment asked while a surgery of its region is authorized, not yet done
    for m in ctx.mentions.of("treatment", req.topic) + ctx.mentions.of("drug", req.topic):
        if m.requested and AFTER_SURGERY.search(ctx.mentions.sentences[m.sentence].text):
            return Fact(True, [m])
    return Fact(False)


def _surgery_done(ctx: CaseContext, req: RequestInfo) -> Fact:
    done = given(ctx.mentions.concept("surgery_done"))
    procedures = given(ctx.mentions.concept("surgery_procedure"))
    sentences = sentences_of(procedures)
    hits = [m for m in done if m.sentence in sentences]
    return Fact(True, hits[:3]) if hits else Fact(None)


def _surgery_description(ctx: CaseContext, req: RequestInfo) -> Fact:
    """What surgery the case is about: the surgery requested in the same case, else the sentences that
    report a surgery done or one reported authorized and not in dispute (for choosing a postsurgical course,
    and the tests a surgery of that size calls for)."""
    texts = [r.disputed_text for r in ctx.requests if r.topic == "surgery" and not r.associated_surgical]
    done = _surgery_done(ctx, req)
    evidence = [m for m in done.evidence if isinstance(m, Mention)]
    if not texts and not evidence and "surgery" not in ctx.decisions:
        authorized = _surgery_authorized(ctx, req)
        evidence = [m for m in authorized.evidence if isinstance(m, Mention)][:1]
    texts += [ctx.mentions.sentences[m.sentence].text for m in evidence]
    return Fact(" ".join(texts), evidence) if texts else Fact(None)


def _weeks_since_surgery(ctx: CaseContext, req: RequestInfo) -> Fact:
    done = _surgery_done(ctx, req)
    if not done.value:
        return Fact(None)
    for m in done.evidence:
        if isinstance(m, Mention) and (weeks := _weeks_after(ctx, req, m)) is not None:
            return Fact(weeks, [m])
    return Fact(None)


def _weeks_after(ctx: CaseContext, req: RequestInfo, surgery: Mention) -> float | None:
    """Weeks from the surgery a mention reports to the request (to the date of service of a retrospective
    one): the latest date of its sentence, or the time said since it ("eight weeks out from a rotator cuff
    repair", "3 months status post fusion")."""
    sentence = ctx.mentions.sentences[surgery.sentence]
    as_of = judged_as_of(ctx, req)
    dates = [d.date for d in find_dates(sentence.text) if d.date <= ctx.review_date]
    if dates:
        # As of the request, like the weeks since the injury: the reviewer judges it when it was made.
        return weeks_between(max(dates), as_of)
    # a time said right beside the surgery ("a knee arthroscopy two weeks ago", "surgery on his knee in
    # 2014"), not one that belongs to another event of the sentence
    near = ctx.summary[surgery.start : min(sentence.end, surgery.end + _NEAR_SURGERY)]
    for pattern, text in ((_TIME_SINCE_SURGERY, sentence.text), (TIME_AGO, near), (_LAST_PERIOD, near)):
        if since := pattern.search(text):
            value = 1.0 if since.group("n").lower() in {"a", "an", "last"} else to_number(since.group("n"))
            if value is not None:
                unit = since.group("unit").lower()
                weeks = {"day": 1 / 7, "week": 1, "month": 4.3, "year": 52.2}[unit.rstrip("s")]
                return round(value * weeks, 1)
    if year := _IN_YEAR.search(near):
        # from the middle of that year
        return weeks_between(dt.date(int(year.group(1)), 7, 1), as_of)
    return None


_NEAR_SURGERY = 50


def _weeks_since_surgery_in_region(ctx: CaseContext, req: RequestInfo) -> Fact:
    """Weeks since the latest surgery the record reports on the requested body region (or naming none):
    therapy within a surgery's postsurgical period is postsurgical physical medicine, whatever the title."""
    done = _surgery_done(ctx, req)
    wanted = set(req.regions)

    def on_region(m: Mention) -> bool:
        # the region the procedure names ("a right total knee arthroplasty"), else the regions near it
        where = set(find_regions(m.text)) or regions_near(ctx, m)
        return not wanted or not where or bool(where & wanted)

    surgeries = [m for m in done.evidence if isinstance(m, Mention) and on_region(m)]
    found = [(weeks, m) for m in surgeries if (weeks := _weeks_after(ctx, req, m)) is not None]
    if not found:
        return Fact(None)
    weeks, mention = min(found, key=lambda pair: pair[0])
    return Fact(weeks, [mention])


# "last month": a surgery told by the time since it
_LAST_PERIOD = re.compile(r"\b(?P<n>last)\s+(?P<unit>week|month|year)\b", re.IGNORECASE)
_IN_YEAR = re.compile(r"\bin ((?:19|20)\d{2})\b")
_TIME_SINCE_SURGERY = re.compile(
    rf"\b(?P<n>{NUM})\s+(?P<unit>days?|weeks?|months?)\s+(?:out from|out of|after|following|since|"
    r"post[- ]?op(?:erative)?(?: from)?|status post|s/p|post)\b",
    re.IGNORECASE,
)


def _requested_drug_use(ctx: CaseContext, req: RequestInfo) -> Fact:
    """The requested drug is already being taken (the request continues it). A sentence that starts it
    ("prescribed today for the first time") or stops it ("Norco was discontinued in June") does not report
    continued use, nor one that reports the dose a retrospective request asks about."""
    if not req.drug:
        return Fact(None)
    ms = [m for m in _requested_drug_mentions(ctx, req) if m.affirmed]
    cues = [m for label in ("new_start", "drug_stopped") for m in ctx.mentions.concept(label) if m.affirmed]
    taken = [
        m
        for m in ms
        if not m.requested
        and not any(c.sentence == m.sentence and _starts(ctx, req, c, m) for c in cues)
        and not reports_the_service(ctx, req, m)
    ]
    return Fact(True, taken[:3]) if taken else Fact(False)


def _requested_drug_mentions(ctx: CaseContext, req: RequestInfo) -> list[Mention]:
    """Every mention of the requested drug (by its generic name), whatever its context."""
    return [m for m in ctx.mentions.of("drug", req.drug_topic or "") if m.generic == req.drug]


def _starts_requested_drug(ctx: CaseContext, req: RequestInfo) -> Fact:
    """The record starts the requested drug now ("plans a trial of tramadol", "Norco was newly prescribed"):
    a new-start word in a sentence that names the drug."""
    if not req.drug:
        return Fact(None)
    ms = [m for m in _requested_drug_mentions(ctx, req) if not m.negated]
    starts = [m for m in ctx.mentions.concept("new_start") if m.affirmed]
    hits = [m for m in ms if any(s.sentence == m.sentence and _starts(ctx, req, s, m) for s in starts)]
    return Fact(True, hits[:2] + [s for s in starts if s.sentence in sentences_of(hits)][:1]) if hits else Fact(None)


_CHANGE_OF_DRUG = re.compile(r"^(?:switch|chang|rotat|convert|transition)", re.IGNORECASE)


def _starts(ctx: CaseContext, req: RequestInfo, cue: Mention, drug: Mention) -> bool:
    """Whether a cue that starts or stops a drug is about ``drug`` now: a change of drug ("switched from Norco to
    Butrans") starts only the drug named just after it; a start told long before the request ("was started on
    Nucynta six months ago", "in 2015") began a drug taken since, which the request continues."""
    if _CHANGE_OF_DRUG.match(cue.text) and not 0 <= drug.start - cue.end <= 25:
        return False
    return cue.label != "new_start" or not _told_weeks_before(ctx, req, cue.sentence, _A_NEW_START_WEEKS)


# A start told this long before the request (or longer) is no start now.
_A_NEW_START_WEEKS = 4.0


def _told_weeks_before(ctx: CaseContext, req: RequestInfo, sentence: int, weeks: float) -> bool:
    """Whether the sentence places its event at least ``weeks`` before the request: by a time counted back
    ("six months ago") or by its latest date."""
    text = ctx.mentions.sentences[sentence].text
    for ago in TIME_AGO.finditer(text):
        unit = ago.group("unit").lower().rstrip("s")
        n = to_number(ago.group("n")) or 1.0
        if unit in _WEEKS_PER and n * _WEEKS_PER[unit] >= weeks:
            return True
    as_of = judged_as_of(ctx, req)
    # a year alone ("in 2015") is dated by its last day, the latest it can mean
    dates = [d.date for d in find_dates(text)] + [dt.date(int(y), 12, 31) for y in _IN_YEAR.findall(text)]
    elapsed = weeks_between(max(dates), as_of) if dates else None
    return elapsed is not None and elapsed >= weeks


def _requested_drug_status(ctx: CaseContext, req: RequestInfo) -> Fact:
    """Whether the requested drug is ``new`` (started now), ``continued`` (already taken), ``stopped`` (no
    longer taken) or unknown (None). The record decides first; the request's own words ("refill", "continue";
    "trial", "initial") and a utilization review that modified it (a weaning supply of a drug taken) decide
    when the record is silent. Unknown is never read as new: the criteria for continued use cannot be met
    by the record's silence, and a trial needs a record that says it starts the drug."""
    if not req.drug:
        return Fact(None)
    taken = _requested_drug_use(ctx, req)
    if taken.value:
        return Fact("continued", taken.evidence)
    starts = _starts_requested_drug(ctx, req)
    if starts.value:
        return Fact("new", starts.evidence)
    named = sentences_of(_requested_drug_mentions(ctx, req))
    topic = req.drug_topic or ""
    of_class = sentences_of(ctx.mentions.of("treatment", topic) + ctx.mentions.of("drug", topic))
    never = [m for m in ctx.mentions.concept("never_taken") if m.sentence in named | of_class]
    if never:
        return Fact("new", never[:2])
    stopped = [m for m in ctx.mentions.concept("drug_stopped") if m.affirmed and m.sentence in named]
    if stopped:
        return Fact("stopped", stopped[:2])
    if req.additional or req.modified:
        return Fact("continued")
    if req.initial:
        return Fact("new")
    return Fact(None)


_MEDICATION_WORDS = re.compile(r"\b(?:medications?|meds|medicines?|pain pills|pills)\b", re.IGNORECASE)


def _drug_lost_effect(ctx: CaseContext, req: RequestInfo) -> Fact:
    """The record says the requested drug (or the medications) no longer helps: in a sentence that names the
    drug or the medications. Another treatment that no longer helps says nothing of the drug."""
    if not req.drug:
        return Fact(None)
    named = {m.sentence for m in _requested_drug_mentions(ctx, req)}
    hits = [
        m
        for m in ctx.mentions.concept("lost_effect")
        if m.affirmed and (m.sentence in named or _MEDICATION_WORDS.search(ctx.mentions.sentences[m.sentence].text))
    ]
    return Fact(True, hits[:2]) if hits else Fact(None)


def _current_drugs(ctx: CaseContext, req: RequestInfo) -> Fact:
    """Generic names of the drugs the record says the worker takes (not those only requested)."""
    ms = [m for m in ctx.mentions.items if m.kind == "drug" and m.given and m.generic]
    return Fact(sorted({m.generic for m in ms if m.generic}), ms[:5])


def _standing(decision: str | None, taken: Fact) -> Fact:
    """A drug of a class the worker takes that stands: one requested in the same case and supported (its
    ``decision``), else what the record says is ``taken``. One requested here and not supported leaves nothing
    for a drug that guards against its harm (a PPI beside an NSAID, a laxative beside an opioid)."""
    if decision == "Upheld":
        return Fact(False)
    if decision == "Overturned":
        return Fact(True)
    return taken


def _opioid_continues(ctx: CaseContext, req: RequestInfo) -> Fact:
    """The worker takes an opioid that stands (see ``_standing``)."""
    return _standing(ctx.decisions.get("opioids"), _opioid_use(ctx, req))


def _opioid_use(ctx: CaseContext, req: RequestInfo) -> Fact:
    """The record says the worker takes an opioid (not one only requested or planned)."""
    ms = given(ctx.mentions.of("drug", "opioids"))
    return Fact(True, ms[:3]) if ms else Fact(None)


def _other_in_class(ctx: CaseContext, req: RequestInfo) -> Fact:
    """Another drug of the requested drug's class is already being taken (a switch or a duplicate); one of the
    past ("a history of a GI bleed on ibuprofen") or stopped by name is not."""
    if not req.drug_topic:
        return Fact(False)
    ms = [
        m
        for m in ctx.mentions.of("drug", req.drug_topic)
        if m.given and not m.historical and m.generic and m.generic != req.drug and not _stopped_by_name(ctx, m)
    ]
    return Fact(True, ms[:3]) if ms else Fact(False)


def _stopped_by_name(ctx: CaseContext, drug: Mention) -> bool:
    """Whether a word of stopping in the drug's sentence is said of this drug: the drug named nearest to it
    ("she stopped ibuprofen because of dyspepsia and takes acetaminophen" stops the ibuprofen only)."""
    stops = [m for m in ctx.mentions.concept("drug_stopped") if m.affirmed and m.sentence == drug.sentence]
    if not stops:
        return False
    named = [m for m in ctx.mentions.items if m.kind == "drug" and m.sentence == drug.sentence]
    return any(min(named, key=lambda d: abs(d.start - stop.start)) is drug for stop in stops)


def _drug_weeks(ctx: CaseContext, req: RequestInfo) -> Fact:
    """How long the requested drug has been taken, from 'since (at least) DATE' or the earliest dated note."""
    use = _requested_drug_use(ctx, req)
    if not use.value:
        return Fact(None)
    earliest: dt.date | None = None
    evidence = []
    for m in use.evidence:
        if not isinstance(m, Mention):
            continue
        window = ctx.summary[m.end : m.end + 60]
        if _SINCE.search(window):
            dates = [d.date for d in find_dates(window)]
            if dates:
                earliest = min([earliest, *dates]) if earliest else min(dates)
                evidence.append(m)
    if earliest is None:
        return _drug_weeks_from_duration(ctx, use.evidence)
    return Fact(weeks_between(earliest, judged_as_of(ctx, req)), evidence)


_DURATION = re.compile(
    r"\bfor (?:the (?:past|last) )?(?:about |approximately |over |more than |at least |nearly )?"
    rf"(?P<n>{NUM}|several|many) (?P<unit>years?|months?|weeks?)\b",
    re.IGNORECASE,
)
# "Flexeril was started three weeks ago": the time since the drug began
_STARTED_AGO = re.compile(
    rf"\b(?:started|began|begun|initiated|prescribed|added)(?: \w+){{0,3}}? (?P<n>{NUM}|several|a few) "
    r"(?P<unit>years?|months?|weeks?) ago\b",
    re.IGNORECASE,
)
_VAGUE_COUNT = {"several": 3.0, "many": 3.0, "a few": 3.0}  # "for several years": at least a few
_WEEKS_PER = {"year": 52.0, "month": 4.3, "week": 1.0}


def _drug_weeks_from_duration(ctx: CaseContext, evidence: list) -> Fact:
    """'has been on Norco for two years': the duration said in the drug's sentence."""
    for m in evidence:
        if not isinstance(m, Mention):
            continue
        sentence = ctx.mentions.sentences[m.sentence]
        found = _DURATION.search(sentence.text) or _STARTED_AGO.search(sentence.text)
        if found:
            raw = found.group("n").lower()
            n = _VAGUE_COUNT.get(raw) or to_number(raw) or 0
            unit = found.group("unit").lower().rstrip("s")
            return Fact(round(n * _WEEKS_PER[unit], 1), [m])
    return Fact(None, evidence[:1])


_PERCENT = re.compile(r"\b(\d{1,3}) ?(?:%|percent)")
_SCORE = re.compile(r"\b(\d{1,2})(?: ?(?:/ ?10|out of 10))?\b")
_SHARE_WORDS = {"half": 50.0, "a third": 33.0, "two-thirds": 67.0, "two thirds": 67.0}


def _relief_percent(ctx: CaseContext, req: RequestInfo) -> Fact:
    """How much the measured relief is, in percent of the pain: the largest a mention of measured relief gives
    (a percentage, or two scores: "7/10 with medications and 9/10 without" is 22%). Unknown when no mention
    gives numbers ("pain scores with and without medications are recorded"). Why: reviewers weigh whether the
    relief is meaningful, not only whether it was measured."""
    best: float | None = None
    evidence = []
    for m in given(ctx.mentions.concept("quantified_relief")):
        text = m.text.lower()
        share = next((v for w, v in _SHARE_WORDS.items() if w in text), None)
        if percent := _PERCENT.search(text):
            share = float(percent.group(1))
        elif share is None:
            scores = [int(n) for n in _SCORE.findall(text) if 0 <= int(n) <= 10]
            if len(scores) >= 2 and max(scores[:2]) > 0:
                high, low = max(scores[:2]), min(scores[:2])
                share = round(100.0 * (high - low) / high)
        if share is not None and (best is None or share > best):
            best, evidence = share, [m]
    return Fact(best, evidence)


def _quantified_relief(ctx: CaseContext, req: RequestInfo) -> Fact:
    pos = given(ctx.mentions.concept("quantified_relief"))
    if pos:
        return Fact(True, pos[:2])
    neg = [m for m in ctx.mentions.concept("quantified_relief") if m.negated]
    return Fact(False, neg[:2]) if neg else Fact(None)


# --- request facts ------------------------------------------------------------------------------------


def _request_fact(attr: str) -> Callable[[CaseContext, RequestInfo], Fact]:
    def get(ctx: CaseContext, req: RequestInfo) -> Fact:
        if hasattr(req.quantities, attr):
            return Fact(getattr(req.quantities, attr))
        return Fact(getattr(req, attr))

    get.__doc__ = f"The request's {attr.replace('_', ' ')}."
    return get


def _concept(label: str, *also: str, planned: bool = False) -> Callable[[CaseContext, RequestInfo], Fact]:
    """A fact read from one concept (and ``also`` others). ``planned`` concepts are about the future (a
    surgery under consideration), so what the record plans or recommends counts too."""

    def get(ctx: CaseContext, req: RequestInfo) -> Fact:
        if not also and not planned:
            return concept_fact(ctx, label)
        ms = [m for name in (label, *also) for m in ctx.mentions.concept(name)]
        pos = [m for m in ms if (m.affirmed if planned else m.given)]
        return tri(sorted(pos, key=lambda m: m.start), negated(ms))

    get.__doc__ = f"The record documents {label.replace('_', ' ')}."
    return get


def _examined(label: str) -> Callable[[CaseContext, RequestInfo], Fact]:
    """A finding the examiner must document: the worker's complaint of it, or the purpose a plan names,
    does not count."""

    def get(ctx: CaseContext, req: RequestInfo) -> Fact:
        ms = [m for m in ctx.mentions.concept(label) if not m.reported]
        return tri(given(ms), negated(ms))

    get.__doc__ = f"The examination documents {label.replace('_', ' ')}."
    return get


def _regional(
    label: str, related: bool = True, findings_only: bool = False, examined: bool = False
) -> Callable[[CaseContext, RequestInfo], Fact]:
    def get(ctx: CaseContext, req: RequestInfo) -> Fact:
        return regional_fact(ctx, req, label, related, findings_only, examined)

    get.__doc__ = f"The record documents {label.replace('_', ' ')} in the requested body region."
    return get


def _improving(ctx: CaseContext, req: RequestInfo) -> Fact:
    """The worker is improving with the care under way (relief or functional gain said of a treatment)."""
    care = _conservative_mentions(ctx, req)
    sentences = sentences_of(care)
    gains = [
        m
        for label in ("functional_improvement", "symptom_relief")
        for m in ctx.mentions.in_sentences("concept", label, sentences)
        if m.given
    ]
    # relief the record measures ("decreased his pain from 8/10 to 5/10", "50% relief"), not a bare "with
    # medications" that the relief concept also holds
    gains += [
        m
        for m in ctx.mentions.in_sentences("concept", "quantified_relief", sentences)
        if m.given and _MEASURED.search(m.text)
    ]
    worse = [m for m in ctx.mentions.in_sentences("concept", "no_change", sentences) if m.given]
    if gains and not worse:
        return Fact(True, gains[:3])
    if worse:
        return Fact(False, worse[:3])
    return Fact(None)


_MEASURED = re.compile(r"\d|%|\bhalf\b|\bpercent\b", re.IGNORECASE)
_IMAGING_TOPICS = ("mri", "ct", "xray", "other_imaging", "electrodiagnostics")


def _imaging_lesion(ctx: CaseContext, req: RequestInfo) -> Fact:
    """A lesion shown by a study already done: a tear, derangement, nerve root compromise or nerve
    entrapment (carpal tunnel syndrome on a nerve conduction study) named in a sentence that reports imaging
    or electrodiagnostic testing, in the requested region."""
    studies = [m for t in _IMAGING_TOPICS for m in ctx.mentions.of("treatment", t) if m.given]
    sentences = with_list_items(ctx, sentences_of(studies))
    lesions = [
        m
        for label in ("internal_derangement", "nerve_compromise_imaging", "entrapment_signs", "impingement")
        for m in ctx.mentions.in_sentences("concept", label, sentences)
        if m.given
    ]
    hits = in_requested_region(ctx, req, lesions, related=False)
    return Fact(True, hits[:3]) if hits else Fact(None)


_INVASIVE_TOPICS = ("joint_injection", "epidural_injection", "facet_injection", "platelet_rich_plasma")


# "two-level", "multilevel", "L4-S1" or "C4-6" (a span of more than one segment), "L4-5 and L5-S1"
_MULTILEVEL = re.compile(
    r"\b(?:two|three|four|2|3|4|multi|multiple)[- ]?levels?\b|"
    r"\b(?P<r1>[CTL])(?P<a>\d{1,2})\s*-\s*(?:(?P<r2>[CTLS])(?P<b>\d{1,2})|(?P<c>\d{1,2}))\b",
    re.IGNORECASE,
)
_SPINE_ORDER = {"C": 0, "T": 7, "L": 19, "S": 24}


def _segments(match: re.Match[str]) -> int:
    """Segments a level range spans: L4-5 is one, L4-S1 two, C4-6 two."""
    if not match.group("r1"):
        return 2
    start = _SPINE_ORDER[match.group("r1").upper()] + int(match.group("a"))
    if match.group("c"):
        return int(match.group("c")) - int(match.group("a"))
    return _SPINE_ORDER[match.group("r2").upper()] + int(match.group("b")) - start


def _multilevel_fusion(ctx: CaseContext, req: RequestInfo) -> Fact:
    """The surgery the case is about fuses more than one level (ODG counts it a risk for a fusion that does
    not heal): a range over two segments or more, or two ranges named."""
    surgery = _surgery_description(ctx, req)
    if not surgery.value:
        return Fact(None)
    ranges = list(_MULTILEVEL.finditer(surgery.value))
    segments = sum(_segments(m) for m in ranges)
    return Fact(True, surgery.evidence) if segments >= 2 else Fact(None)


_PSYCHOTHERAPY = re.compile(r"\b(?:therapy|psychotherapy|cbt|counsel\w*|sessions?|treatment)\b", re.IGNORECASE)


def _cbt_under_way(ctx: CaseContext, req: RequestInfo) -> Fact:
    """Psychological treatment (cognitive behavioral therapy, psychotherapy, counseling) the record says the
    worker has or is having, not an evaluation: biofeedback is an option only inside such a program."""
    given_care = [
        m
        for m in given(ctx.mentions.of("treatment", "psychological"))
        if _PSYCHOTHERAPY.search(m.text) or _PSYCHOTHERAPY.search(ctx.summary[m.end : m.end + 12])
    ]
    return Fact(True, given_care[:2]) if given_care else Fact(None)


def _xray_done(ctx: CaseContext, req: RequestInfo) -> Fact:
    """Plain films of the requested region were taken: a suspected fracture they did not show is the case for
    a study that sees more."""
    films = in_requested_region(ctx, req, given(ctx.mentions.of("treatment", "xray")))
    return Fact(True, films[:2]) if films else Fact(None)


def _procedure_planned(ctx: CaseContext, req: RequestInfo) -> Fact:
    """Surgery or an invasive procedure (an injection) is planned or considered for the requested region: a
    study that clarifies the anatomy first would guide it."""
    surgery = _surgery_planned(ctx, req)
    if surgery.value:
        return surgery
    planned = [
        m
        for topic in _INVASIVE_TOPICS
        for m in ctx.mentions.of("treatment", topic)
        if m.affirmed and (m.requested or m.hypothetical)
    ]
    hits = in_requested_region(ctx, req, planned, related=False)
    return Fact(True, hits[:3]) if hits else Fact(None)


_REHABILITATION_TOPICS = ("physical_therapy", "aquatic_therapy", "work_hardening", "functional_restoration")


def _physical_rehabilitation(ctx: CaseContext, req: RequestInfo) -> Fact:
    """A programme of physical rehabilitation under way or planned beside the request (therapy, an exercise
    programme, work conditioning): what acupuncture may be an adjunct to (9792.24.1(a))."""
    therapy = [m for topic in _REHABILITATION_TOPICS for m in ctx.mentions.of("treatment", topic) if m.affirmed]
    therapy += [m for m in ctx.mentions.concept("home_exercise") if m.affirmed]
    return Fact(True, sorted(therapy, key=lambda m: m.start)[:3]) if therapy else Fact(None)


_INJECTION_TOPICS = ("joint_injection", "epidural_injection", "facet_injection", "trigger_point_injection")


def _injection_given(ctx: CaseContext, req: RequestInfo) -> Fact:
    """An injection already given in the requested body region (a subacromial or sheath injection before a
    decompression or a trigger finger release; an epidural before a discectomy)."""
    given_ = [m for topic in _INJECTION_TOPICS for m in ctx.mentions.of("treatment", topic) if m.given]
    hits = in_requested_region(ctx, req, given_, related=False)
    return Fact(True, hits[:3]) if hits else Fact(None)


_NORMAL_STUDY = re.compile(
    r"\b(?:normal|unremarkable|negative|within normal limits|no (?:electro\w+ )?evidence)\b", re.IGNORECASE
)


_ELECTRODIAGNOSTIC_WORDS = re.compile(r"\belectrophysiolog\w*|\belectrodiagnostic|\bnerve conduction\b", re.IGNORECASE)


def _entrapment_ruled_out(ctx: CaseContext, req: RequestInfo) -> Fact:
    """An electrodiagnostic study the record reports found no nerve entrapment or neuropathy ("negative for
    ... focal neuropathy", "normal nerve conduction"): examination signs alone then do not establish it."""
    studies = [m for m in ctx.mentions.of("treatment", "electrodiagnostics") if m.given]
    sentences = sentences_of(studies) | {
        n for n, s in enumerate(ctx.mentions.sentences) if _ELECTRODIAGNOSTIC_WORDS.search(s.text)
    }
    denied = [
        m
        for label in ("entrapment_signs", "neuropathic")
        for m in ctx.mentions.in_sentences("concept", label, sentences)
        if m.negated
    ]
    normal = [m for m in studies if _NORMAL_STUDY.search(ctx.mentions.sentences[m.sentence].text)]
    # a study negative for neuropathy speaks of every limb it tested, which its sentence may not name
    hits = denied or normal
    return Fact(True, hits[:2]) if hits else Fact(None)


# "a spine surgery evaluation was non-certified": the consultation about a surgery, not the surgery
_A_CONSULTATION = re.compile(r"\s+(?:evaluation|consult|consultation|referral|opinion|eval)\b", re.IGNORECASE)


def _surgery_authorized(ctx: CaseContext, req: RequestInfo) -> Fact:
    """The surgery is authorized: found medically necessary in this review when the case also asks for it,
    else reported approved in the record ("the shoulder arthroscopy has been approved"), for the requested
    body region; false when the record reports it denied ("UR non-certified the arthroscopy") and nothing later
    approves it. Post-operative equipment, medication and tests follow it."""
    if "surgery" in ctx.decisions:
        return Fact(ctx.decisions["surgery"] == "Overturned", [])
    told = []
    for label, value in (("approved", True), ("denied", False)):
        cues = [m for m in ctx.mentions.concept(label) if not m.negated]
        sentences = sentences_of(cues)
        surgeries = [
            m
            for m in ctx.mentions.concept("surgery_procedure")
            if m.sentence in sentences and not m.negated and not _A_CONSULTATION.match(ctx.summary[m.end :])
        ]
        for surgery in in_requested_region(ctx, req, surgeries):
            cue = max((c for c in cues if c.sentence == surgery.sentence), key=lambda c: c.start)
            told.append((cue.start, value, [surgery, cue]))
    if not told:
        return Fact(None)
    # the last word of the record on the surgery decides: approved after a first denial goes ahead
    _, value, evidence = max(told, key=lambda t: t[0])
    return Fact(value, evidence)


def _surgery_planned(ctx: CaseContext, req: RequestInfo) -> Fact:
    """A surgery the record plans or considers for the requested body region (or one that names no region):
    a hip replacement under consideration is no reason for a shoulder MRI."""
    mentions = in_requested_region(ctx, req, ctx.mentions.concept("surgery_planned"))
    affirmed = [m for m in mentions if m.affirmed]
    return tri(sorted(affirmed, key=lambda m: m.start), negated(mentions))


def _nsaid_use(ctx: CaseContext, req: RequestInfo) -> Fact:
    """The worker takes an NSAID that stands (see ``_standing``)."""
    taken = given(ctx.mentions.of("drug", "nsaids")) + given(ctx.mentions.of("treatment", "nsaids"))
    found = Fact(True, sorted(taken, key=lambda m: m.start)[:3]) if taken else Fact(None)
    return _standing(ctx.decisions.get("nsaids"), found)


def _surgery_decision(ctx: CaseContext, req: RequestInfo) -> Fact:
    return Fact(ctx.decisions.get("surgery"))


FACTS: dict[str, Callable[[CaseContext, RequestInfo], Fact]] = {
    "case.age": _age,
    "case.sex": _sex,
    "case.pain_score": _pain_score,
    "case.diagnoses": _diagnoses,
    "case.weeks_since_injury": _weeks_since_injury,
    "case.pain_called_chronic": _concept("chronic_pain"),
    "case.working": _working,
    "case.functional_improvement": _concept("functional_improvement"),
    "case.red_flags": _red_flags,
    "case.fracture": _regional("fracture", related=False),
    "case.fracture_suspected": _regional("fracture_suspected", related=False),
    "case.major_trauma": _concept("major_trauma"),
    "case.neuro_deficit": _regional("neuro_deficit", examined=True),
    "case.neuro_symptoms": _regional("neuro_deficit"),
    "case.entrapment_signs": _regional("entrapment_signs", examined=True),
    "case.impingement": _regional("impingement", related=False, examined=True),
    "case.improving": _improving,
    "case.radicular": _concept("radicular"),
    "case.nerve_compromise_imaging": _concept("nerve_compromise_imaging"),
    "case.internal_derangement": _regional("internal_derangement", related=False, findings_only=True),
    "case.current_drugs": _current_drugs,
    "case.imaging_lesion": _imaging_lesion,
    "case.takes_other_in_class": _other_in_class,
    "case.opioid_use": _opioid_use,
    "case.opioid_continues": _opioid_continues,
    "case.conservative_care": _conservative_care,
    "case.failed_conservative_care": _failed_conservative_care,
    "case.prior_study": _prior_study,
    "case.already_approved": _already_approved,
    "case.surgery_done": _surgery_done,
    "case.weeks_since_surgery": _weeks_since_surgery,
    "case.weeks_since_surgery_in_region": _weeks_since_surgery_in_region,
    "case.surgery_description": _surgery_description,
    "case.surgery_planned": _surgery_planned,
    "case.surgery_authorized": _surgery_authorized,
    "case.requested_after_surgery": _requested_after_surgery,
    "case.procedure_planned": _procedure_planned,
    "case.nsaid_use": _nsaid_use,
    "case.hospital": _concept("hospital"),
    "case.homebound": _concept("homebound"),
    "case.wound": _concept("wound"),
    "case.spasm": _examined("spasm"),
    "case.acute_flare": _concept("acute_flare"),
    "case.gi_risk": _concept("gi_risk"),
    "case.neuropathic": _concept("neuropathic", "radicular"),
    "case.drug_screen": _drug_screen,
    "case.xray_done": _xray_done,
    "case.multilevel_fusion": _multilevel_fusion,
    "case.foot_orthotic_condition": _concept("foot_orthotic_condition"),
    "case.fusion_risk": _concept("fusion_risk"),
    "case.osteonecrosis_risk": _concept("osteonecrosis_risk"),
    "case.relief_percent": _relief_percent,
    "case.medical_comorbidity": _concept("medical_comorbidity"),
    "case.cardiopulmonary_disease": _concept("cardiopulmonary_disease"),
    "case.unicompartmental_oa": _concept("unicompartmental_oa"),
    "case.prior_viscosupplement": _concept("prior_viscosupplement"),
    "case.cannot_self_transport": _concept("cannot_self_transport"),
    "case.spasticity": _concept("spasticity"),
    "case.locked_knee": _concept("locked_knee"),
    "case.total_med": total_med,
    "case.cbt_under_way": _cbt_under_way,
    "case.weeks_since_drug_screen": _weeks_since_drug_screen,
    "case.cures_check": _concept("cures_check"),
    "case.opioid_agreement": _concept("opioid_agreement"),
    "case.aberrant": _concept("aberrant"),
    "case.adverse_effects": _concept("adverse_effects"),
    "case.quantified_relief": _quantified_relief,
    "case.home_exercise": _concept("home_exercise"),
    "case.psych": _concept("psych"),
    "case.sleep_problem": _concept("sleep"),
    "case.sleep_disorder_signs": _concept("sleep_disorder_signs"),
    "case.brain_injury": _concept("brain_injury"),
    "case.cognitive_symptoms": _concept("cognitive_symptoms"),
    "case.osteoarthritis": _concept("osteoarthritis"),
    "case.weight_bearing_limit": _concept("weight_bearing_limit"),
    "case.scs_indication": _concept("scs_indication"),
    "case.psych_clearance": _concept("psych_clearance"),
    "case.crps": _concept("crps"),
    "case.migraine": _concept("migraine"),
    "case.cervical_dystonia": _concept("cervical_dystonia"),
    "case.hypogonadism": _concept("hypogonadism"),
    "case.manual_mobility_insufficient": _concept("manual_mobility_insufficient"),
    "case.vitamin_deficiency": _concept("vitamin_deficiency"),
    "case.sacroiliac_signs": _concept("sacroiliac_signs"),
    "case.program_evaluation": _concept("program_evaluation"),
    "case.drug_no_longer_helps": _drug_lost_effect,
    "case.rtw_barrier": _concept("rtw_barrier"),
    "case.near_mmi": _concept("near_mmi"),
    "case.rtw_goal": _concept("rtw_goal"),
    "case.takes_requested_drug": _requested_drug_use,
    "case.starts_requested_drug": _starts_requested_drug,
    "case.requested_drug_status": _requested_drug_status,
    "case.weeks_on_requested_drug": _drug_weeks,
    "case.surgery_decision": _surgery_decision,
    "case.injection_given": _injection_given,
    "case.full_thickness_tear": _regional("full_thickness_tear", related=False),
    "case.mechanical_symptoms": _regional("mechanical_symptoms", related=False),
    "case.ligament_instability": _regional("ligament_instability", related=False, examined=True),
    "case.operative_fracture": _regional("operative_fracture", related=False),
    "case.spinal_instability": _regional("spinal_instability", related=False),
    "case.smoker": _concept("smoker"),
    "case.triggering": _regional("triggering", related=False),
    "case.severe_entrapment": _regional("severe_entrapment"),
    "case.ac_joint": _regional("ac_joint", related=False),
    "case.tendinopathy": _regional("tendinopathy", related=False),
    "case.gait_impairment": _concept("gait_impairment"),
    "case.physical_rehabilitation": _physical_rehabilitation,
    "case.medication_reduction": _concept("medication_reduction"),
    "case.bed_confined": _concept("bed_confined"),
    "case.entrapment_ruled_out": _entrapment_ruled_out,
    "case.simple_pack_insufficient": _concept("simple_pack_insufficient"),
    "prior.given": _prior_given,
    "prior.sessions": _prior_sessions,
    "prior.postop_sessions": _prior_postop_sessions,
    "prior.improvement": _prior_improvement,
    "case.tens_failed": earlier_tens_failed,
    "prior.relief": _prior_relief,
    "prior.total_with_request": _total_with_prior,
}
_REQUEST_ATTRIBUTES = [
    "topic",
    "count",
    "per_week",
    "weeks",
    "quantity",
    "refills",
    "day_supply",
    "hours_per_day",
    "doses_per_day",
    "unspecified",
    "regions",
    "sides",
    "associated_surgical",
    "post_op",
    "retrospective",
    "additional",
    "initial",
    "pre_op",
    "purchase",
    "rental",
    "modified",
    "original_count",
    "authorized_count",
    "is_topical",
    "is_liquid",
    "drug",
    "ingredients",
    "levels",
    "components",
    "procedure",
    "equipment",
    "partial",
    "for_medications",
    "strength_stated",
]
for _attr in _REQUEST_ATTRIBUTES:
    FACTS[f"request.{_attr}"] = _request_fact(_attr)


class FactSet:
    """The facts of one request, computed on first use (a guideline reads only what it needs)."""

    def __init__(self, ctx: CaseContext, req: RequestInfo, overrides: dict[str, Value] | None = None) -> None:
        self.ctx = ctx
        self.req = req
        self._cache: dict[str, Fact] = {name: Fact(v) for name, v in (overrides or {}).items()}

    def get(self, name: str) -> Fact:
        if name not in self._cache:
            if name not in FACTS:
                raise KeyError(f"unknown fact '{name}'")
            self._cache[name] = FACTS[name](self.ctx, self.req)
        return self._cache[name]

    def computed(self) -> dict[str, Fact]:
        return dict(self._cache)
