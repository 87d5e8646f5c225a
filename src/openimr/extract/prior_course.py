"""Facts about the earlier course of the requested treatment: given or not, how many sessions, with what
result, and the whole course the guideline limits (earlier sessions plus those asked for)."""

from __future__ import annotations

import dataclasses
import re

from openimr.extract.fact_base import (
    AFTER_SURGERY,
    CaseContext,
    Fact,
    concept_fact,
    reports_the_service,
    sentences_of,
    tri,
    with_list_items,
)
from openimr.extract.mentions import Mention
from openimr.extract.quantities import NUM, frequency_course, upper_bound
from openimr.extract.regions import find_region_spans
from openimr.extract.requests import RequestInfo
from openimr.vocabulary import body_regions

# The nouns a count of sessions is said with ("12 visits", "3 injections").
_SESSION_NOUNS = r"(?:sessions?|visits?|treatments?|appointments?|adjustments?|manipulations?|injections?|blocks?)"
_COUNT_NEAR = re.compile(
    rf"(?P<n>{NUM})(?:\s*\(\d+\))?\s+(?:(?:prior|previous|completed|authorized|approved|additional|"
    r"recent|total|sessions of|visits of|treatments of)\s+)*(?:[a-z/-]+\s+){0,3}?"
    rf"{_SESSION_NOUNS}\b"
    rf"|(?:x|times|total of|totaling|total)\s*(?P<m>{NUM})\b"
    rf"|(?P<k>{NUM})\s+times\b(?!\s+(?:a|per|each|daily|weekly)\b)"
    rf"|(?:completed|attended|finished|received|had)\s+(?P<j>{NUM})\s+(?:of|out of)\s+(?:the\s+)?{NUM}\b"
    # "4 of 6 approved visits are done"
    rf"|\b(?P<i>{NUM})\s+(?:of|out of)\s+(?:the\s+)?{NUM}\s+(?:(?:approved|authorized|certified|prescribed)\s+)?"
    rf"{_SESSION_NOUNS}\s+(?:are|were|have been|has been)\s+(?:done|completed|attended|finished|used)\b",
    re.IGNORECASE,
)


def _count_of(match: re.Match[str]) -> float | None:
    """The number a ``_COUNT_NEAR`` match counts, whichever of its forms matched."""
    raw = match.group("n") or match.group("m") or match.group("k") or match.group("j") or match.group("i")
    return upper_bound(raw) if raw else None


# "8 of physical therapy" (the noun said once for two counts: "6 sessions of acupuncture and 8 of PT")
_COUNT_OF_BEFORE = re.compile(
    rf"(?P<n>{NUM})\s+(?:(?:sessions?|visits?|treatments?|appointments?)\s+)?of\s+$", re.IGNORECASE
)
# "6 sessions in 2015 and 8 more in 2016": a second count added to the first
_MORE_AFTER = re.compile(
    rf"^(?:[^.;]{{0,40}}?)\b(?:and|then|plus|followed by)\s+(?:another\s+|an additional\s+|a further\s+)?"
    rf"(?P<n>{NUM})\s+(?:more|additional|further)\b",
    re.IGNORECASE,
)


_RELATED_TOPICS = {
    "physical_therapy": ["physical_therapy", "aquatic_therapy"],
    "chiropractic": ["chiropractic"],
    "acupuncture": ["acupuncture"],
}


def _course_topics(req: RequestInfo) -> list[str]:
    """The topics whose sessions make up the course of the requested treatment (aquatic therapy counts
    toward physical therapy)."""
    return _RELATED_TOPICS.get(req.topic or "", [req.topic] if req.topic else [])


# A course authorized or scheduled that has not begun ("acupuncture x 6 was authorized but has not been
# started"): said just after the treatment, in its sentence.
_NOT_STARTED = re.compile(
    r"^[^.;]{0,80}?\b(?:(?:has|have|had) not (?:yet )?(?:been )?(?:started|begun|initiated|scheduled|attended)|"
    r"(?:was|were|is|are) not (?:yet )?(?:started|begun|initiated|scheduled)|not yet (?:been )?(?:started|begun|"
    r"initiated|scheduled|attended)|(?:has|have) yet to (?:start|begin|be scheduled|attend))\b",
    re.IGNORECASE,
)


def _prior_mentions(ctx: CaseContext, req: RequestInfo) -> list[Mention]:
    """The earlier course of the requested treatment: given, begun, and of the requested body part or its limb
    (therapy of the low back is no earlier course of therapy of a knee that has never had any; therapy of "the
    right upper extremity" is of the elbow's limb)."""
    topics = _course_topics(req)
    out = []
    for topic in topics:
        out += [
            m
            for m in ctx.mentions.of("treatment", topic)
            if m.given
            and not _NOT_STARTED.search(ctx.summary[m.end : ctx.mentions.sentences[m.sentence].end])
            and not reports_the_service(ctx, req, m)  # a retrospective request's own visits are no earlier course
        ]
    return sorted(_of_requested_part(ctx, req, out), key=lambda m: m.start)


def _of_requested_part(ctx: CaseContext, req: RequestInfo, courses: list[Mention]) -> list[Mention]:
    """The courses of the requested body part or its limb, or placed nowhere by their own phrase."""
    if not req.regions:
        return courses
    wanted = set(req.regions) | {limb for limb, parts in body_regions().limbs.items() if set(req.regions) & set(parts)}
    return [m for m in courses if not _course_regions(ctx, m) or _course_regions(ctx, m) & wanted]


# "physical therapy for her low back", "6 visits of therapy to the right knee", "therapy treating left shoulder"
_COURSE_OBJECT = re.compile(
    r"^[^.;,]{0,30}?\b(?:for|to|of|on|treating|at)\s+(?:the\s+|his\s+|her\s+|their\s+)?"
    r"(?:(?:right|left|bilateral|both)\s+)?$",
    re.IGNORECASE,
)


# "low back pain for which she completed physical therapy", "knee pain treated with therapy and a brace"
_COURSE_SUBJECT = re.compile(
    r"^,?\s+(?:[\w-]+,?\s+){0,2}?(?:for which|treated with|treated by|managed with)\b[^.;,]{0,40}$", re.IGNORECASE
)


def _course_regions(ctx: CaseContext, m: Mention) -> set[str]:
    """The body part a course of treatment is said to be of, in its own phrase: "lumbar physical therapy",
    "therapy for her low back", "low back pain for which she completed physical therapy". Another region of
    its sentence ("punched in the face at work, she has had eight therapy visits") does not place the
    course."""
    sentence = ctx.mentions.sentences[m.sentence]
    found = set()
    for s, e, name in find_region_spans(sentence.text):
        start, end = sentence.start + s, sentence.start + e
        before = end <= m.start and (m.start - end <= 3 or _COURSE_SUBJECT.match(ctx.summary[end : m.start]))
        after = start >= m.end and _COURSE_OBJECT.match(ctx.summary[m.end : start])
        if before or after:
            found.add(name)
    return found


def _prior_given(ctx: CaseContext, req: RequestInfo) -> Fact:
    ms = _prior_mentions(ctx, req)
    return Fact(True, ms[:3]) if ms else Fact(False)


_COUNT_NOUN = re.compile(_SESSION_NOUNS, re.IGNORECASE)


def _other_treatments(ctx: CaseContext, req: RequestInfo, sentence: int) -> list[Mention]:
    """Mentions of other treatments in the sentence; the counted noun itself ("visits", which is also an
    office-visit term) is not another treatment."""
    topics = set(_course_topics(req))
    return [
        m
        for m in ctx.mentions.items
        if m.kind == "treatment"
        and m.sentence == sentence
        and m.label not in topics
        and not _COUNT_NOUN.fullmatch(m.text)
    ]


def _belongs_to_another(others: list[Mention], count: tuple[int, int], mention: Mention) -> bool:
    """A count belongs to another treatment when that treatment is named inside the count's phrase or
    between it and the mention ("two of eight acupuncture sessions and physical therapy": the eight are
    acupuncture sessions)."""
    low, high = min(count[0], mention.start), max(count[1], mention.end)
    return any(low <= o.start and o.end <= high and not (mention.start <= o.start < mention.end) for o in others)


# In a sentence about the review ("denied, noting 12 prior visits") a count is history only when the words
# say so: "12 prior visits", "had completed 8 sessions".
_HISTORY_COUNT = re.compile(
    rf"(?P<n>{NUM})\s+(?:prior|previous|past|completed|earlier)\s+(?:[a-z/-]+\s+){{0,3}}?"
    r"(?:sessions?|visits?|treatments?)\b"
    rf"|(?:had|has had|completed|attended|received|underwent)\s+(?:a total of\s+)?(?P<m>{NUM})\s+"
    r"(?:[a-z/-]+\s+){0,3}?(?:sessions?|visits?|treatments?)\b",
    re.IGNORECASE,
)


def _review_sentence_count(ctx: CaseContext, req: RequestInfo) -> tuple[int | None, list]:
    """The earlier course a review sentence reports in words of history, for the requested treatment."""
    topics = _course_topics(req)
    for m in (m for topic in topics for m in ctx.mentions.of("treatment", topic)):
        if not m.requested or m.negated:
            continue
        sentence = ctx.mentions.sentences[m.sentence]
        for cm in _HISTORY_COUNT.finditer(sentence.text):
            value = upper_bound(cm.group("n") or cm.group("m"))
            start = sentence.start + cm.start()
            if value and value <= 100 and abs(start - m.start) <= 80:
                return int(value), [m, (start, sentence.start + cm.end(), cm.group(0))]
    return None, []


def _prior_sessions(ctx: CaseContext, req: RequestInfo) -> Fact:
    """Sessions of the treatment already given; none when the record says it was never given ("he has not
    received physical therapy") and tells no course of it."""
    prior = _prior_mentions(ctx, req)
    counted = _counted_sessions(ctx, req, prior, review_sentences=True)
    if counted.value is None and not prior and (denied := _denied_course(ctx, req)):
        return Fact(0, denied[:1])
    return counted


def _denied_course(ctx: CaseContext, req: RequestInfo) -> list[Mention]:
    """Mentions of the requested treatment that the record denies was given, of its body part or its limb."""
    # (a request the review denied is no denial that the treatment was given)
    topics = _course_topics(req)
    denied = [m for t in topics for m in ctx.mentions.of("treatment", t) if m.negated and not m.requested]
    return _of_requested_part(ctx, req, denied)


def _prior_postop_sessions(ctx: CaseContext, req: RequestInfo) -> Fact:
    """Sessions of the treatment already given after the surgery: counts said in a sentence that places
    the course after it. A course before the surgery does not count against the postsurgical one."""
    after = [m for m in _prior_mentions(ctx, req) if AFTER_SURGERY.search(ctx.mentions.sentences[m.sentence].text)]
    return _counted_sessions(ctx, req, after, review_sentences=False)


def _counted_sessions(ctx: CaseContext, req: RequestInfo, mentions: list[Mention], review_sentences: bool) -> Fact:
    """The largest count of sessions said next to one of ``mentions`` (else, with ``review_sentences``, the
    history a review sentence reports)."""
    best: int | None = None
    evidence: list = []
    for m in mentions:
        sentence = ctx.mentions.sentences[m.sentence]
        others = _other_treatments(ctx, req, m.sentence)
        for cm in _COUNT_NEAR.finditer(sentence.text):
            value = _count_of(cm)
            span = (sentence.start + cm.start(), sentence.start + cm.end())
            distance = min(abs(span[0] - m.end), abs(m.start - span[1]))
            between = ctx.summary[min(span[1], m.end) : max(span[0], m.start)]
            if value is None or distance > 60 or value > 100 or ";" in between or _belongs_to_another(others, span, m):
                continue
            if more := _MORE_AFTER.match(sentence.text[cm.end() :]):
                value += upper_bound(more.group("n")) or 0
            if best is None or value > best:
                best = int(value)
                start = sentence.start + cm.start()
                evidence = [m, (start, sentence.start + cm.end(), cm.group(0))]
        before = _COUNT_OF_BEFORE.search(ctx.summary[max(sentence.start, m.start - 30) : m.start])
        if before and (value := upper_bound(before.group("n"))) and (best is None or value > best):
            best, evidence = int(value), [m]
        course = frequency_course(re.split(r"[;.]", ctx.summary[m.start : min(sentence.end, m.end + 50)])[0])
        if course and (best is None or course > best):
            best, evidence = course, [m]
    if best is None:
        best, evidence = _count_in_list_items(ctx, req, mentions)
    if best is None and review_sentences:
        best, evidence = _review_sentence_count(ctx, req)
    return Fact(best, evidence)


def _count_in_list_items(ctx: CaseContext, req: RequestInfo, mentions: list[Mention]) -> tuple[int | None, list]:
    """A count in the list under a treatment's heading ("Physical therapy:" then "- 12 visits completed"),
    in an item that names no other treatment."""
    for m in mentions:
        for n in sorted(with_list_items(ctx, {m.sentence}) - {m.sentence}):
            if _other_treatments(ctx, req, n):
                continue
            sentence = ctx.mentions.sentences[n]
            for cm in _COUNT_NEAR.finditer(sentence.text):
                value = _count_of(cm)
                if value and value <= 100:
                    return int(value), [m, (sentence.start + cm.start(), sentence.start + cm.end(), cm.group(0))]
    return None, []


# The words of no change that speak of symptoms that remain, not of function or of the course's effect.
_RESIDUAL_SYMPTOMS = re.compile(
    r"(?:still (?:has|have|had|reports?)|continues? to have|continued to have|persist\w*|"
    r"(?:continued|ongoing) (?:pain|symptoms)|remains symptomatic|despite|in spite of|notwithstanding)$",
    re.IGNORECASE,
)


# Medication already reduced ("cut her gabapentin dose", "the dose was tapered"), not a plan to reduce it
_LESS_TAKEN = re.compile(
    r"^(?:reduced|decreased|cut|tapered|lowered|weaned)\b|\b(?:was|were|has been|have been|had been) "
    r"(?:reduced|decreased|tapered|lowered|cut|stopped)\b",
    re.IGNORECASE,
)


def _prior_improvement(ctx: CaseContext, req: RequestInfo) -> Fact:
    """Functional improvement from the earlier course: said in a sentence that names the treatment (or
    the next one), else what the record says of functional improvement in general."""
    prior = _prior_mentions(ctx, req)
    sentences = with_list_items(ctx, sentences_of(prior)) | {s + 1 for s in sentences_of(prior)}
    fi = ctx.mentions.in_sentences("concept", "functional_improvement", sentences)
    no_change = [m for m in ctx.mentions.in_sentences("concept", "no_change", sentences) if m.affirmed]
    # less medication taken since is a gain too (9792.20: less dependence on medical treatment)
    reductions = ctx.mentions.in_sentences("concept", "medication_reduction", sentences)
    less = [m for m in reductions if _LESS_TAKEN.search(m.text)]
    pos = [m for m in fi + less if m.given]
    if pos:
        # pain that is still there beside gains in function ("his Oswestry score improved from 42% to 24%; he
        # still has pain with prolonged sitting") is the reason to go on, not a course that did not help
        no_change = [m for m in no_change if not _RESIDUAL_SYMPTOMS.match(m.text)]
    neg = [m for m in fi if m.negated] + no_change
    if neg and pos and max(m.start for m in pos) > max(m.start for m in neg):
        # the course told in order: no change at first, gains by its end ("by the sixth session she had
        # returned to full duty") is a course that helped; the other way round it stopped helping
        return Fact(True, pos[:3])
    if neg:
        return Fact(False, neg[:3])
    if pos:
        return Fact(True, pos[:3])
    return concept_fact(ctx, "functional_improvement") if prior else Fact(None)


def _prior_relief(ctx: CaseContext, req: RequestInfo) -> Fact:
    """Relief from the earlier course, said in a sentence that names it; "did not help" is its absence."""
    prior = _prior_mentions(ctx, req)
    sentences = with_list_items(ctx, sentences_of(prior))
    no_change = [m for m in ctx.mentions.in_sentences("concept", "no_change", sentences) if m.affirmed]
    # "relief" inside a phrase of no change ("only 2 days of relief") is that phrase's word, not relief
    relief = [
        m
        for m in ctx.mentions.in_sentences("concept", "symptom_relief", sentences) + _told_next(ctx, req, prior)
        if not any(n.start <= m.start and m.end <= n.end for n in no_change)
    ]
    return tri([m for m in relief if m.given], [m for m in relief if m.negated] + no_change)


def _told_next(ctx: CaseContext, req: RequestInfo, prior: list[Mention]) -> list[Mention]:
    """Relief told in the sentence after the course's, before that sentence names any other treatment: "He had
    an injection on 09/15/2016. He reported 60% relief for three months, during which he cut his hydrocodone"
    tells the injection's result; "Ibuprofen gives him 50% relief" tells the drug's."""
    named = sentences_of(prior)
    out = []
    for n in {s + 1 for s in named} - named:
        drugs = [m for m in ctx.mentions.items if m.kind == "drug" and m.sentence == n]
        first_other = min((o.start for o in _other_treatments(ctx, req, n) + drugs), default=None)
        out += [
            m
            for m in ctx.mentions.in_sentences("concept", "symptom_relief", {n})
            if first_other is None or m.end <= first_other
        ]
    return out


def earlier_tens_failed(ctx: CaseContext, req: RequestInfo) -> Fact:
    """A TENS trial of the requested body part that did not help (true), that helped (false), or none told
    (unknown). Why: H-wave stimulation is considered only after a TENS trial has failed, so the course asked
    about is not the requested treatment's own."""
    tens = dataclasses.replace(req, topic="tens")
    if not _prior_mentions(ctx, tens):
        return Fact(None)
    improvement, relief = _prior_improvement(ctx, tens), _prior_relief(ctx, tens)
    for result, failed in ((False, True), (True, False)):
        told = [f for f in (improvement, relief) if f.value is result]
        if told:
            return Fact(failed, [ev for f in told for ev in f.evidence])
    return Fact(None)


def _total_with_prior(ctx: CaseContext, req: RequestInfo) -> Fact:
    """Sessions asked for (the whole original request when part was authorized) plus those already given:
    the course the guideline limits. Unknown when a prior course is documented without its count."""
    count = req.original_count if req.modified and req.original_count else req.count
    prior = _prior_sessions(ctx, req)
    if count is None or (prior.value is None and _prior_given(ctx, req).value):
        return Fact(None, prior.evidence)
    return Fact(count + (prior.value or 0), prior.evidence)


# A partial certification the record states rather than the request's title: "UR approved 6 of the 12
# requested visits", "the request for 12 sessions was modified to 6", "certified 4 out of 8 sessions".
_APPROVAL_VERBS = r"(?:approved|authorized|authorised|certified|modified)"
_PART_OF_WHOLE = re.compile(
    rf"\b(?P<n>{NUM})\s+(?:of|out of)\s+(?:the\s+)?(?P<m>{NUM})\b[^.;]{{0,60}}?\b"
    rf"(?:was|were|had been|have been|been)\s+{_APPROVAL_VERBS}\b"
    rf"|\b{_APPROVAL_VERBS}\s+(?:only\s+)?(?P<n2>{NUM})\s+(?:\w+\s+){{0,3}}?(?:of|out of)\s+(?:the\s+)?(?P<m2>{NUM})\b"
    rf"|\b(?P<m3>{NUM})\s+(?:\w+\s+){{0,4}}?{_SESSION_NOUNS}\b[^.;]{{0,60}}?\b(?:modified|reduced|certified|approved)\s+"
    rf"(?:\w+\s+){{0,3}}?to\s+(?P<n3>{NUM})\b",
    re.IGNORECASE,
)
# ... or the part alone, the whole being the request: "modified the physical therapy to 6 sessions"
_PART_ALONE = re.compile(
    rf"\b(?:modified|reduced)\s+(?:the\s+)?(?:request\s+(?:for\s+)?)?(?:[\w-]+\s+){{0,4}}?to\s+(?P<n>{NUM})\s+"
    rf"(?:\w+\s+){{0,2}}?{_SESSION_NOUNS}\b",
    re.IGNORECASE,
)


def partial_certification(ctx: CaseContext, req: RequestInfo) -> tuple[int, int] | None:
    """(original, authorized) when the record says the utilization review certified part of a course of the
    requested treatment and the request is the rest of it (decision-principles 5: the remainder is judged
    against the whole original course). None when the record says no such thing, or the counts do not
    make the request the remainder."""
    if req.modified or not req.topic or req.count is None:
        return None
    named = {m.sentence for m in ctx.mentions.of("treatment", req.topic)}
    for n in sorted(named):
        text = ctx.mentions.sentences[n].text
        for found in _PART_OF_WHOLE.finditer(text):
            part = upper_bound(found.group("n") or found.group("n2") or found.group("n3"))
            whole = upper_bound(found.group("m") or found.group("m2") or found.group("m3"))
            # the request is the remainder, or the whole course of which the part was certified
            if part and whole and part < whole and req.count in (whole - part, whole):
                return int(whole), int(part)
        for found in _PART_ALONE.finditer(text):
            part = upper_bound(found.group("n"))
            if part and part < req.count:
                return int(req.count), int(part)
    return None
