"""The building blocks of facts: a value with its evidence, the case context, and the helpers that turn
mentions into three-valued facts (affirmed / denied / not documented), by body region where it matters."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from openimr.dates import find_dates
from openimr.extract.mentions import Mention, Mentions
from openimr.extract.regions import find_region_spans
from openimr.extract.requests import RequestInfo
from openimr.vocabulary import body_regions, sign_regions

if TYPE_CHECKING:
    from openimr.extract.record import Record

# Words that place a service after a surgery ("20 post-operative therapy visits", "a cold unit for the first
# week after surgery", "8 sessions since the arthroplasty").
AFTER_SURGERY = re.compile(
    r"\b(?:post[- ]?op(?:erative(?:ly)?)?|(?:since|after|following) (?:the |his |her |their |this |that )?"
    r"(?:surgery|operation|procedure|arthroscopy|repair|release|fusion|replacement|arthroplasty))\b",
    re.IGNORECASE,
)

Value = bool | int | float | str | list | None

# The review date's source when the case shows no date at all (engine.decide.resolve_review_date).
NO_DATE_SOURCE = "today (the case shows no date)"


@dataclass
class Fact:
    value: Value
    evidence: list[Mention | tuple[int, int, str]] = field(default_factory=list)

    def spans(self) -> list[dict]:
        out = []
        for ev in self.evidence:
            if isinstance(ev, Mention):
                out.append({"text": ev.text, "start": ev.start, "end": ev.end})
            else:
                out.append({"text": ev[2], "start": ev[0], "end": ev[1]})
        return out


@dataclass
class CaseContext:
    """What is known of the case as a whole when one request is judged."""

    summary: str
    mentions: Mentions
    date_of_injury: dt.date | None
    review_date: dt.date
    review_date_source: str
    request_date: dt.date | None = None  # when the treatment was asked for (the UR decision), if known
    # Every request of the case, as understood, and the decision of each topic some request depends on
    # ("Overturned" when any of its requests is): the facts of one item that rest on another (a PPI on the
    # NSAID, post-operative equipment on the surgery) read them. The engine fills them in dependency order.
    requests: list[RequestInfo] = field(default_factory=list)
    decisions: dict[str, str] = field(default_factory=dict)
    # The parts ``summary`` is made of (the case summary and the case file's documents): where evidence lies.
    record: Record | None = None

    @property
    def as_of(self) -> dt.date | None:
        """The date a request is judged as of: its own (the UR decision), else the review date the case states
        or shows (the latest date of the record); never a date the engine made up when the case shows none:
        durations are then unknown rather than counted to today."""
        if self.request_date:
            return self.request_date
        return None if self.review_date_source == NO_DATE_SOURCE else self.review_date


# --- helpers ------------------------------------------------------------------------------------------


def given(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.given]


def negated(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.negated and not m.requested]


def tri(pos: list[Mention], neg: list[Mention]) -> Fact:
    """True with the affirmed mentions; False with the negated ones; None when the record is silent.
    A record that both affirms and denies a finding counts as affirming it (findings vary by visit)."""
    if pos:
        return Fact(True, pos[:4])
    if neg:
        return Fact(False, neg[:4])
    return Fact(None)


def latest_says(ctx: CaseContext, pos: list[Mention], neg: list[Mention]) -> Fact:
    """Like ``tri``, except that in a case file of dated documents the latest examination wins: a finding
    every dated document affirms before a later one denies it ("straight leg raise positive" in May,
    "negative" in September) is no longer present. Where the summary (undated) affirms it, it stands."""
    fact = tri(pos, neg)
    if not (pos and neg) or ctx.record is None:
        return fact
    affirmed_on = [ctx.record.date_at(m.start) for m in pos]
    denied_on = [(ctx.record.date_at(m.start), m) for m in neg]
    dated_denials = [(day, m) for day, m in denied_on if day is not None]
    if None in affirmed_on or not dated_denials:
        return fact
    latest = max(day for day, _ in dated_denials)
    if latest > max(affirmed_on):  # type: ignore[type-var] - no None left in affirmed_on
        return Fact(False, [m for day, m in dated_denials if day == latest][:4])
    return fact


def concept_fact(ctx: CaseContext, label: str) -> Fact:
    ms = ctx.mentions.concept(label)
    return latest_says(ctx, given(ms), negated(ms))


def compatible_regions(req: RequestInfo) -> set[str]:
    related = body_regions().related
    regions = set(req.regions)
    for region in req.regions:
        regions |= set(related.get(region, []))
    return regions


_WINDOW_BEFORE = 45
_WINDOW_AFTER = 25
_OF_PHRASE_REACH = 50


_CLAUSE_BREAK = re.compile(r"[,;:()]|\band\b|\bwith\b", re.IGNORECASE)
_OF_PHRASE = re.compile(
    r"^\s+(?:of|to|in|at|over|involving|about)\s+(?:the\s+|his\s+|her\s+|their\s+)?"
    r"(?:(?:right|left|bilateral|both)\s+)?(?:(?:proximal|distal|mid|medial|lateral|upper|lower)\s+)?$",
    re.IGNORECASE,
)


def regions_near(ctx: CaseContext, m: Mention) -> set[str]:
    """Body regions that a mention is about: the region an examination sign tests by anatomy (a straight leg
    raise is lumbar), else the region that qualifies it in its own phrase ("right ulna
    fracture" is about the wrist and hand, even after "thoracic spine and"; "a fracture of the right ulna"),
    else regions named close to it (its clause), else anywhere in its sentence."""
    for pattern, region in sign_regions():
        if pattern.search(m.text):
            return {region}
    sentence = ctx.mentions.sentences[m.sentence]
    start = max(sentence.start, m.start - _WINDOW_BEFORE)
    end = min(sentence.end, m.end + _WINDOW_AFTER)
    # A region word inside the mention itself ("drop arm" test) does not place it.
    spans = [
        (s, e, name)
        for s, e, name in find_region_spans(ctx.summary[start:end])
        if not (m.start <= start + s and start + e <= m.end)
    ]
    own = [
        (s, e, name)
        for s, e, name in spans
        if start + e <= m.start and not _CLAUSE_BREAK.search(ctx.summary[start + e : m.start])
    ]
    if own:
        return {own[-1][2]}
    # ... or the region its "of" phrase names ("a fracture of the right ulna", "tenderness over the knee")
    # (read a little further than the window: "over the proximal humerus")
    tail = ctx.summary[m.end : min(sentence.end, m.end + _OF_PHRASE_REACH)]
    after = [(s, e, name) for s, e, name in find_region_spans(tail) if _OF_PHRASE.match(tail[:s])]
    if after:
        return {after[0][2]}
    near = {name for _, _, name in spans}
    if near:
        return near
    return {
        name
        for s, e, name in find_region_spans(sentence.text)
        if not (m.start <= sentence.start + s and sentence.start + e <= m.end)
    }


_DIAGNOSIS_LIST = re.compile(
    r"^\W*(?:the |his |her |current |working |primary |admitting )*(?:diagnos[ei]s|impressions?)\b"
    r"|\b(?:was|were|been|is) diagnosed with\b|\bbeing treated for\b|\btreatment for\b",
    re.IGNORECASE,
)


def in_diagnosis_list(ctx: CaseContext, m: Mention) -> bool:
    """The mention is part of a list of diagnoses ("Diagnoses are left shoulder labral tear, ..."): a
    working diagnosis, which is what a study would confirm, not an examination or imaging finding. A
    sentence that names the study that showed it ("diagnosed with a meniscal tear on MRI") is a finding."""
    sentence = ctx.mentions.sentences[m.sentence]
    if not _DIAGNOSIS_LIST.search(sentence.text):
        return False
    return not ctx.mentions.in_sentences("concept", "imaging_done", {m.sentence})


def regional_fact(
    ctx: CaseContext,
    req: RequestInfo,
    label: str,
    related: bool = True,
    findings_only: bool = False,
    examined: bool = False,
) -> Fact:
    """Like ``concept_fact``, counting only findings about the requested body region (with ``related``,
    also regions whose findings bear on it, as arm numbness does on a cervical study), or findings that
    name no region: a wrist finding does not justify a lumbar study, nor an ulna fracture a neck MRI.
    With ``findings_only``, a diagnosis listed as such does not count as a finding; with ``examined``, neither
    does the worker's complaint ("she reports weakness"): the criterion asks for the examiner's finding."""
    mentions = ctx.mentions.concept(label)
    if findings_only:
        mentions = [m for m in mentions if not in_diagnosis_list(ctx, m)]
    if examined:
        mentions = [m for m in mentions if not m.reported]
    kept = in_requested_region(ctx, req, mentions, related)
    return latest_says(ctx, given(kept), negated(kept))


def in_requested_region(
    ctx: CaseContext, req: RequestInfo, mentions: list[Mention], related: bool = True
) -> list[Mention]:
    """The mentions about the requested body region (with ``related``, also regions whose findings bear on
    it) or about no region; all of them when the request names no region."""
    if not req.regions:
        return list(mentions)
    wanted = compatible_regions(req) if related else set(req.regions)
    return [m for m in mentions if not regions_near(ctx, m) or regions_near(ctx, m) & wanted]


def judged_as_of(ctx: CaseContext, req: RequestInfo) -> dt.date | None:
    """The date a request is judged as of: a retrospective request's date of service, else the case's
    (the UR decision, else the review date)."""
    return req.service_date or ctx.as_of


def reports_the_service(ctx: CaseContext, req: RequestInfo, m: Mention) -> bool:
    """Whether a mention reports the service a retrospective request asks about rather than an earlier one:
    the date told nearest to it in its sentence is on or after the date of service ("ketorolac 60 mg was given
    in the office on 03/03/2016" for a request dated 03/03/2016), on its own line and in its own clause.
    Undated mentions are earlier ones."""
    if not req.service_date:
        return False
    sentence = ctx.mentions.sentences[m.sentence]
    # the mention's own line: a note's lists run several lines into one sentence ("medications (Norco,
    # cyclobenzaprine)" above "MRI lumbar spine 11/25/2016:")
    # ... and its own clause: "a screen was collected on 04/10/2017; the previous screen was on 03/15/2017"
    start = max(sentence.start, ctx.summary.rfind("\n", 0, m.start) + 1, ctx.summary.rfind(";", 0, m.start) + 1)
    ends = [e for e in (ctx.summary.find("\n", m.end), ctx.summary.find(";", m.end)) if e != -1]
    end = min([sentence.end, *ends])
    found = list(find_dates(ctx.summary[start:end]))
    if not found:
        return False
    nearest = min(found, key=lambda d: abs(start + d.start - m.start))
    return nearest.date >= req.service_date


def weeks_between(a: dt.date | None, b: dt.date | None) -> float | None:
    if a is None or b is None:
        return None
    return round((b - a).days / 7, 1)


_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014\u00b7]|\d{1,2}[.)])\s")


def with_list_items(ctx: CaseContext, sentences: set[int]) -> set[int]:
    """The sentences and, for one that heads a list ("Right shoulder MRI 10/27/2016:"), the items under it
    ("- a small supraspinatus tear"): in notes written as lists, a study's findings follow its heading."""
    out = set(sentences)
    all_sentences = ctx.mentions.sentences
    for n in sentences:
        if not all_sentences[n].text.rstrip().endswith(":"):
            continue
        k = n + 1
        while k < len(all_sentences) and _LIST_ITEM.match(all_sentences[k].text):
            out.add(k)
            k += 1
    return out


def sentences_of(ms: list[Mention]) -> set[int]:
    return {m.sentence for m in ms}
