"""Mentions found in a case summary, each with its context, in a form the facts can query."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import cache

from openimr.extract.pipeline import ABSENT_SUFFIX, CONCEPT_LABEL, DRUG_LABEL, SPAN_GROUP, TREATMENT_LABEL, process
from openimr.extract.sections import headed_sections
from openimr.vocabulary import drug_names, load_resource, treatments

_NEGATED = {"NEGATED_EXISTENCE"}
_HYPOTHETICAL = {"HYPOTHETICAL"}
_UNCERTAIN = {"POSSIBLE_EXISTENCE", "UNCERTAIN"}
_HISTORICAL = {"HISTORICAL"}
_REQUESTED = {"REQUESTED"}
_FAMILY = {"FAMILY"}
_OCCUPATION = {"OCCUPATION"}
_NOT_DOCUMENTED = {"NOT_DOCUMENTED"}
_ORDERED = {"ORDERED"}
# medspaCy's default rules read "as needed" as hypothetical; in a medication list it is how a drug taken now
# is taken (p.r.n.), so it modifies nothing. Its "return" (as in "return if symptoms worsen") is, in these
# records, the return to work ("has a job to return to, has plateaued in therapy"): it modifies nothing either.
_NOT_CUES = {"as needed", "as necessary", "return"}


@dataclass(frozen=True)
class Mention:
    """One mention of a concept, treatment or drug, with character offsets into the summary."""

    kind: str  # "concept" | "treatment" | "drug"
    label: str
    text: str
    start: int
    end: int
    sentence: int
    negated: bool = False
    historical: bool = False
    hypothetical: bool = False
    uncertain: bool = False
    requested: bool = False
    family: bool = False
    occupation: bool = False  # the word names the worker's job ("working as a massage therapist")
    reported: bool = False  # said as the worker's complaint ("she reports weakness"), not found on examination
    generic: str | None = None

    @property
    def affirmed(self) -> bool:
        """Stated as present: not negated, hypothetical, uncertain, about a relative or the worker's job."""
        return not (self.negated or self.hypothetical or self.uncertain or self.family or self.occupation)

    @property
    def given(self) -> bool:
        """A treatment or finding the record reports, not one it requests or plans."""
        return self.affirmed and not self.requested


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Mentions:
    """All mentions of one text, indexed by (kind, label)."""

    text: str
    sentences: list[Sentence]
    items: list[Mention]
    _index: dict[tuple[str, str], list[Mention]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        for m in self.items:
            index[(m.kind, m.label)].append(m)
        self._index = dict(index)

    def of(self, kind: str, label: str) -> list[Mention]:
        return self._index.get((kind, label), [])

    def concept(self, label: str) -> list[Mention]:
        return self.of("concept", label)

    def in_sentences(self, kind: str, label: str, sentences: set[int]) -> list[Mention]:
        return [m for m in self.of(kind, label) if m.sentence in sentences]


# A sentence that reports the utilization review's decision or reasoning, or a request for authorization,
# speaks of the request, not of the worker's findings: what it names is neither a finding nor a treatment
# given (even past a semicolon, where ConText's cues stop, unless the part after it has a verb of its own).
_UR_SENTENCE = re.compile(
    r"\b(?:utilization review(?:er)?|UR|non-?certifi\w*|(?:peer|physician|UR) reviewer|"
    r"(?:the )?reviewer (?:stated|noted|opined|felt|indicated|wrote|commented|found|concluded)|"
    r"denied (?:the|by|a|an|authorization|certification)|"
    r"(?:was|were|been) denied|modified the|certified|IMR|claims administrator|"
    r"request for authorization|RFA|"
    # the review's conclusion, said of the request: "was previously deemed not medically necessary given..."
    r"not (?:deemed |found |considered |felt to be )?medically necessary|medically unnecessary|"
    # the same decision said in other words: "was turned down", "was not authorized", "the carrier"
    r"(?:was|were|been) (?:turned down|rejected|declined|not (?:authorized|approved|certified))|"
    r"(?:did|does) not (?:approve|authorize|certify)|declined (?:to authorize|to approve|authorization)|"
    r"(?:insurer|carrier|adjuster|reviewer)(?:'s)?(?: \w+)? (?:declined|denied|rejected|turned down|refused))\b",
    re.IGNORECASE,
)


# A sentence that quotes or paraphrases a guideline ("the MTUS states that imaging is indicated when cauda
# equina or fracture is suspected") speaks of the guideline's conditions, not of the worker.
_GUIDELINE_QUOTE = re.compile(
    r"\b(?:MTUS|ACOEM|ODG|Official Disability Guidelines?|guidelines?|Medical Treatment Utilization Schedule)\b",
    re.IGNORECASE,
)


# A sentence that reports a study's results ("the MRI ordered in October showed a protrusion") tells of a
# study done, whatever word introduced it.
_RESULTS = re.compile(
    r"\b(?:showed|shows|revealed|reveals|demonstrated|demonstrates|was (?:normal|unremarkable|negative|positive)|"
    r"were (?:normal|unremarkable|negative|positive)|findings|impression)\b",
    re.IGNORECASE,
)


@cache
def finding_concepts() -> frozenset[str]:
    """Concepts marked ``finding`` in concepts.yaml: findings about the worker, which a plan in the same
    sentence does not turn into a request."""
    concepts = load_resource("concepts.yaml")["concepts"]
    return frozenset(name for name, concept in concepts.items() if concept.get("finding"))


# A request to refill, continue or renew a drug says the worker takes it ("requests a refill of his Norco",
# "continuation of tramadol was requested"): the drug is taken, the request is for more of it.
_REFILL = re.compile(r"\b(?:refills?|refilled|continu\w*|renew\w*|ongoing|remains on|still taking)\b", re.IGNORECASE)
# History of a drug said in a sentence that also asks for it or reports the review ("UR denied Norco; the
# patient has been on it since 2014"): the drug is taken, whatever is decided about its refill.
_DRUG_HISTORY = re.compile(
    r"\b(?:has|have|had) been (?:on|taking|using|prescribed)\b|\b(?:has|have) (?:taken|used)\b|"
    r"\b(?:on|taking|using) (?:\w+ ){0,3}?since (?:at least )?(?:(?:19|20)\d{2}|\d{1,2}[/-]\d{1,2}[/-]\d{2,4})\b",
    re.IGNORECASE,
)


# What the worker says ("she reports weakness", "c/o numbness", "Subjective: tingling") is a symptom, not a
# finding of the examination: an objective-findings criterion needs the examiner's words.
_COMPLAINT = re.compile(
    r"\b(?:complain\w*|c/o|complaints?|endors\w+|describ\w+|admits? to|reports? of|symptoms? of|"
    r"(?:he|she|they|patient|worker|claimant|applicant|employee|iw)\s+(?:\w+\s+)?"
    r"(?:reports?|reported|reporting|states?|stated|notes?|noted|feels?|felt|experienc\w+|describ\w+)|"
    # "she has right hand numbness in the median nerve distribution": a sensation the worker has is what
    # she feels, not what the examiner found
    r"(?:also\s+|still\s+)?(?<!\bexam\s)(?<!\bexamination\s)\b(?:has|have|had)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:numbness|tingling|paresthesias?|pins and needles))\b",
    re.IGNORECASE,
)
_SUBJECTIVE_HEADING = re.compile(
    r"\b(?:s|subjective|complaints?|chief complaints?|cc|hpi|history)\s*:[^:;]*$", re.IGNORECASE
)
# Words of the examination after a complaint cue: "she reports numbness and on exam there is weakness"
_EXAMINED = re.compile(
    r"\b(?:exam\w*|objective\w*|revealed|reveals|demonstrat\w+|showed|shows|found|elicited|"
    r"palpation|inspection|testing|tested)\b|\bo\s*:",
    re.IGNORECASE,
)
_ELICITED_SIGN = re.compile(
    r"\b(?:positive|negative|sign|signs|test|maneuver|reflex\w*|jerks?|atrophy|wasting|tenderness|dermatom\w*|"
    r"myotom\w*|tinel\S*|phalen\S*|durkan\S*|mcmurray\S*|lachman\S*|spurling\S*|hawkins\S*|neer\S*)\b|\d[+-]?/5",
    re.IGNORECASE,
)
_COMPLAINT_AFTER = re.compile(
    r"\s+(?:that |which )?(?:he|she|they|the (?:patient|worker|claimant|applicant))\s+"
    r"(?:reports?|reported|describes?|described|complains? of|complained of|notes|noted|feels?|endorses?)\b",
    re.IGNORECASE,
)
_PURPOSE = re.compile(r"\bfor (?:the |his |her |their |any |muscle |ongoing |continued |persistent )*$", re.IGNORECASE)
_PLAN_WORDS = re.compile(
    r"\b(?:plan\w*|request\w*|recommend\w*|prescri\w+|refill\w*|dispens\w+|order\w*|to treat|will (?:start|try|use))\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(
    r"[;:]|\b(?:but|however|whereas|although|while)\b|\band (?:there|on|the (?:exam\w*|physician|provider))\b",
    re.IGNORECASE,
)


# "PT REPORTS PAIN", "PT IS A 55 Y/O M": in a record written in capitals "PT" is the patient when a verb of
# the patient follows it, not physical therapy.
_PATIENT_VERB_AFTER = re.compile(
    r"\s+(?:reports?|reported|states?|stated|denies|denied|notes?|noted|complains?|c/o|presents?|presented|"
    r"returns?|returned|feels?|felt|ambulates?|walks?|admits?|endorses?|arrives?|underwent|takes?|took|wants|"
    r"(?:is|was) (?:an? \d+|\d+|seen|here|s/p|status post)|has (?:not )?had|remains on|"
    r"continues to (?:have|complain|report))\b",
    re.IGNORECASE,
)


def _the_patient(text: str, words: str, end: int) -> bool:
    """Whether the abbreviation "PT" at ``end`` names the patient: a verb of the patient right after it."""
    return words.upper() == "PT" and bool(_PATIENT_VERB_AFTER.match(text, end))


def reported_by_worker(
    text: str, sentence: Sentence, start: int, words: str = "", under_complaint_heading: bool = False
) -> bool:
    """Whether the ``words`` at ``start`` are the worker's complaint: a complaint verb earlier in their clause
    ("he reports weakness", "complains of numbness") with no word of the examination between, one right after
    them ("the spasms he reports"), a subjective heading ("S:", "Subjective:") before them in their sentence or
    on a line of its own over their section (``under_complaint_heading``), or the purpose a plan
    names ("Plan: a relaxer for the spasms"), which is the requester's, not a finding. A sign that only an
    examination elicits ("positive Tinel sign", "4/5", "atrophy") is a finding wherever it is written."""
    if _ELICITED_SIGN.search(words):
        return False
    before = text[sentence.start : start]
    after = text[start + len(words) : sentence.end]
    if _COMPLAINT_AFTER.match(after):
        return True  # "the spasms he reports"
    if _PURPOSE.search(before) and _PLAN_WORDS.search(sentence.text):
        return True  # "Plan: a relaxer for the spasms": the requester's purpose, not a finding

    if _SUBJECTIVE_HEADING.search(before):
        return True
    if under_complaint_heading and not _EXAMINED.search(before):
        return True  # "Subjective:\nWeakness of the left leg."
    clause = _CLAUSE.split(before)[-1]
    cues = list(_COMPLAINT.finditer(clause))
    return bool(cues) and not _EXAMINED.search(clause[cues[-1].end() :])


def _kind_label(label: str) -> tuple[str, str]:
    for prefix, kind in ((CONCEPT_LABEL, "concept"), (TREATMENT_LABEL, "treatment"), (DRUG_LABEL, "drug")):
        if label.startswith(prefix):
            return kind, label[len(prefix) :]
    return "concept", label


# ConText's terminators, and "with", which ends every cue but a request's (pipeline._end_at_with)
_TERMINATORS = {"TERMINATE", "WITH"}


def _cut_short_by_own_word(doc, span) -> set[str]:  # noqa: ANN001 - spaCy Doc and Span
    """Categories of cues whose scope a terminator inside the mention cut short: in "no documentation of
    pain levels with and without medications" the "with" that ends the scope of "no documentation" is the
    mention's own first word, so the cue still reaches the mention."""
    modifiers = doc._.context_graph.modifiers
    terminator_inside = any(
        m.category in _TERMINATORS and span.start <= m.modifier_span[0] < span.end for m in modifiers
    )
    if not terminator_inside:
        return set()
    return {
        m.category
        for m in modifiers
        if m.category not in _TERMINATORS
        and span.sent.start <= m.modifier_span[0]  # a cue of the sentence before ends where this one begins
        and m.modifier_span[1] <= span.start
        and m.scope_span[1] == span.start
    }


def _cue_over_first_word(doc, span) -> set[str]:  # noqa: ANN001 - spaCy Doc and Span
    """Categories of negation and requirement cues that begin before the mention and take its first word:
    medspaCy's "no" may take a following "new" or "abnormal" into the cue, so in "no new neurological
    deficit" the cue "no new" overlaps the mention "new neurological deficit", and ConText leaves a target it
    overlaps alone; so does "need objective" over "objective functional improvement"."""
    return {
        m.category
        for m in doc._.context_graph.modifiers
        if m.category in _NEGATED | _HYPOTHETICAL
        and m.modifier_span[0] < span.start < m.modifier_span[1]
        # "with no" over "no improvement": the word taken is the mention's own negation, not a qualifier
        and not any(t.lower_ in _NEGATION_WORDS for t in doc[span.start : m.modifier_span[1]])
    }


_LIST_REACH = 6  # tokens past the end of a cue's reach that a list it began may still run


def _denied_lists(doc) -> list:  # noqa: ANN001 - spaCy Doc; returns medspaCy ConText modifiers
    """The negation cues that look forward over a list (a comma inside their reach): the only cues a list
    may run past (computed once a document, not for each mention)."""
    return [
        m
        for m in doc._.context_graph.modifiers
        if m.category in _NEGATED
        and m.rule.direction == "FORWARD"
        and any(t.text == "," for t in doc[m.modifier_span[1] : m.scope_span[1]])
    ]


def _continues_a_denied_list(doc, span, denied_lists: list) -> set[str]:  # noqa: ANN001 - spaCy Doc and Span
    """The negation of a cue whose limited reach ended inside a list it denies: in "negative for fever,
    chills, weight loss, bowel or bladder dysfunction" the cue's six tokens end before the last item. The
    list goes on while only its items, commas and "or"/"and" follow (no subject, verb or preposition)."""
    for m in denied_lists:
        end = m.scope_span[1]
        if not (span.sent.start <= m.modifier_span[0] and end <= span.start):
            continue
        gap = doc[end : span.start]
        if len(gap) <= _LIST_REACH and all(
            t.text == "," or (not t.is_punct and t.lower_ not in _NOT_A_LIST_WORD) for t in gap
        ):
            return {m.category}
    return set()


# The words that report a study's result: "x-rays were negative", "a negative EMG", "the urine screen was
# negative" say the study was done and found nothing, not that there was no study.
_RESULT_WORDS = {"negative", "normal", "unremarkable", "nonrevealing", "non-revealing"}


@cache
def _study_labels() -> frozenset[tuple[str, str]]:
    """The mentions that name a study (imaging, electrodiagnostic or laboratory test): treatments.yaml's
    topics of kind imaging or test, and the concepts that say a study was done."""
    topics = {("treatment", t) for t, spec in treatments().topics.items() if spec.kind in {"imaging", "test"}}
    return frozenset(topics | {("concept", "imaging_done"), ("concept", "drug_screen")})


def _is_study(kind: str, label: str) -> bool:
    return (kind, label) in _study_labels()


def _states_a_result(doc, modifier, span) -> bool:  # noqa: ANN001 - spaCy Doc, ConText modifier and Span
    """Whether a negation cue is the study's own result word ("were negative", "negative x-rays") rather
    than a denial ("no x-rays were taken"): the cue is made of result words (and "for", "was", "is")."""
    words = {t.lower_ for t in doc[modifier.modifier_span[0] : modifier.modifier_span[1]]}
    return bool(words & _RESULT_WORDS) and words <= _RESULT_WORDS | {"for", "was", "were", "is", "are", "been", "be"}


_NEGATION_WORDS = {"no", "not", "without", "never", "none", "nor", "neither", "negative", "denies", "denied"}


# Words that a list of findings does not contain: where one of them stands between a phrase of absence and a
# later mention, the mention is in another clause; where none does, the mention is the next item of the same
# list ("without radiation, numbness or tingling") and the phrase's cue reaches it.
# fmt: off
_NOT_A_LIST_WORD = frozenset((
    "there", "is", "are", "was", "were", "has", "have", "had", "be", "been", "he", "she", "they", "his", "her",
    "their", "on", "in", "at", "of", "the", "a", "an", "to", "from", "but", "with", "which", "who", "that",
))
# fmt: on


# The verbs that make a clause of its own, and the words that open one after a comma: a subject ("his urine
# drug screens") or a verb ("are").
_CLAUSE_VERBS = frozenset(("is", "are", "was", "were", "has", "have", "had"))
_CLAUSE_WORDS = _CLAUSE_VERBS | {"he", "she", "they", "his", "her", "their"}


_CUE_VERBS = _NEGATION_WORDS | {"declined", "declines", "refused", "refuses"}
_VERBS_OF_A_CLAUSE = _CLAUSE_VERBS | {"shows", "showed", "remains"}
_LIST_JOINS = frozenset(("or", "and", "nor"))
_SUBJECT_REACH = 4  # tokens after a mention in which its own verb may stand ("screen of 08/2016 was")


def _in_a_later_clause(doc, cue: tuple[int, int], span) -> bool:  # noqa: ANN001
    """Whether a negation cue before ``span`` is separated from it by a comma and a clause of its own: in "he
    has no side effects, his urine drug screens are consistent and the CURES report shows one prescriber" the
    "no" denies the side effects only; a cue the comma follows at once has no object ("she declined, choosing
    therapy"); a mention that is the subject of its own verb after the comma ("the urine drug screen of 08/2016
    was consistent") is in a clause of its own. A list after the cue ("no numbness, tingling or weakness") has no
    subject or verb between its items and stays denied."""
    if cue[1] > span.start:
        return False
    between = doc[cue[1] : span.start]
    commas = [t.i for t in between if t.text in {",", ";"}]
    if not commas:
        return False
    if commas[0] == cue[1] and doc[cue[1] - 1].lower_ in _CUE_VERBS:
        return True  # a cue with no object: "she declined, choosing therapy and an epidural"
    if any(t.lower_ in _CLAUSE_WORDS for t in doc[commas[0] + 1 : span.start]):
        return True
    # the mention is the subject of its own verb: "no side effects, the urine drug screen of 08/2016 was consistent"
    # (not the last item of a list the verb closes: "no fever, chills, night sweats or weight loss is reported")
    if len(commas) > 1 or any(t.lower_ in _LIST_JOINS for t in doc[commas[0] + 1 : span.start]):
        return False
    after = []
    for t in doc[span.end : min(span.end + _SUBJECT_REACH, span.sent.end)]:
        if t.is_punct and t.text != "/":
            break
        after.append(t.lower_)
    return any(w in _VERBS_OF_A_CLAUSE for w in after)


def _before_a_clause_of_the_cue(doc, cue: tuple[int, int], span) -> bool:  # noqa: ANN001
    """Whether a plan cue after ``span`` opens a clause of its own: in "persisting after six months of therapy,
    medications and an epidural, and recommended a spine surgery consultation" the therapy given is not the
    plan; a comma and "and" (or a semicolon) between them part the clauses."""
    if span.end > cue[0]:
        return False
    between = doc[span.end : cue[0]]
    return any(
        t.text == ";" or (t.text == "," and t.i + 1 < cue[0] and doc[t.i + 1].lower_ in {"and", "but"}) for t in between
    )


def _held_by_another_phrase(doc, cue: tuple[int, int], span, holders: list[tuple[int, int, bool]]) -> bool:  # noqa: ANN001
    """Whether the cue is a word of another finding's phrase that ends before ``span`` in another clause: in
    "she still cannot bear weight on the leg and there is bony tenderness", "cannot" belongs to "cannot bear
    weight" and does not deny the bony tenderness. A phrase that states an absence ("without radiation")
    heading a list ("without radiation, numbness or tingling") denies the whole list. A mention that overlaps
    the phrase ("no improvement in her ability to work") still takes the cue."""
    for start, end, absence in holders:
        if start <= cue[0] and cue[1] <= end and end <= span.start:
            gap = [t.lower_ for t in doc[end : span.start] if not t.is_punct]
            listed = absence and len(gap) <= _LIST_REACH and not any(w in _NOT_A_LIST_WORD for w in gap)
            if not listed:
                return True
    return False


def _review_clauses(sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Character spans of what reports the utilization review ("UR non-certified the MRI"): a sentence that
    says so, except a part of it between semicolons with a verb of its own ("he has been to four therapy
    visits; an EMG was denied" keeps the therapy visits as care given). A list after a semicolon ("UR denied
    Norco 10/325 #90; Flexeril 7.5mg #60") stays the review's."""
    spans = []
    for s in sentences:
        if not _UR_SENTENCE.search(s.text):
            continue
        start = s.start
        for part in s.text.split(";"):
            if _UR_SENTENCE.search(part) or not _OWN_VERB.search(part):
                spans.append((start, start + len(part)))
            start += len(part) + 1
    return spans


_OWN_VERB = re.compile(
    r"\b(?:has|have|had|is|are|was|were|reports?|reported|takes?|took|completed|attended|underwent|continues?|"
    r"describes?|described|notes?|noted|states?|stated|complains?|complained)\b",
    re.IGNORECASE,
)


# A long record is read in pieces of about this many characters, cut at a paragraph or a sentence's end:
# ConText relates every cue to every target of what it is given, so one piece of a record 600 KB long costs
# what the whole record costs squared; cues never reach past a sentence, so the pieces read the same.
PIECE_CHARS = 6_000
_PIECE_END = re.compile(r"\n\s*\n|(?<=[.!?])\s+(?=[A-Z(\[\-\u2022*0-9])")


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces a record is read in: the whole text when it is short."""
    spans = []
    start = 0
    while len(text) - start > PIECE_CHARS * 3 // 2:
        cut = _PIECE_END.search(text, start + PIECE_CHARS, start + PIECE_CHARS * 3 // 2)
        if cut is None:
            space = text.rfind(" ", start + PIECE_CHARS // 2, start + PIECE_CHARS * 3 // 2)
            end = space if space > start else start + PIECE_CHARS
        else:
            end = cut.end()
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


# Who is told how far the reading of a long record has gone (characters read, characters in all): the command
# line shows a progress bar with it. A context variable, so that the engine's signatures need not carry it.
READING_PROGRESS: ContextVar[Callable[[int, int], None] | None] = ContextVar("reading_progress", default=None)


def find_mentions(text: str, parts: Sequence[tuple[int, int, bool]] | None = None) -> Mentions:
    """Run the pipeline over ``text`` and return its mentions with their context flags.

    ``parts`` are the documents the text is made of, as (start, end, findings): each is read apart, so that no
    sentence runs from one document into the next, and all that a document without findings names (a
    utilization review's determination, the application) speaks of the request, not of the worker. A long
    part is read piece by piece (``_pieces``), so that the time grows with its length, not with its square.
    """
    pieces: list[tuple[int, int, _Sections]] = []
    for part_start, part_end, findings in parts or [(0, len(text), True)]:
        body = text[part_start:part_end]
        # A list under "Plan:" may run past a cut: its sections are found in the whole part.
        sections = _sections(body) if findings else _Sections([(0, len(body))], [])
        for a, b in _pieces(body):
            pieces.append((part_start + a, part_start + b, sections.within(a, b)))
    sentences: list[Sentence] = []
    items: list[Mention] = []
    for start, end, within in pieces:
        part = _find_mentions_in(text[start:end], within)
        base = len(sentences)
        sentences += [Sentence(s.start + start, s.end + start, s.text) for s in part.sentences]
        items += [replace(m, start=m.start + start, end=m.end + start, sentence=m.sentence + base) for m in part.items]
        if len(pieces) > 1 and (report := READING_PROGRESS.get()) is not None:
            report(end, len(text))
    return Mentions(text=text, sentences=sentences, items=items)


@dataclass(frozen=True)
class _Sections:
    """Spans of a text that speak of the request (under a request heading, or a whole document without
    findings) and spans of the worker's complaints (under a complaint heading)."""

    request: list[tuple[int, int]]
    complaint: list[tuple[int, int]]

    def within(self, start: int, end: int) -> _Sections:
        """The sections as seen from the piece ``start:end``, in its offsets."""

        def clip(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
            return [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start]

        return _Sections(clip(self.request), clip(self.complaint))


def _sections(text: str) -> _Sections:
    return _Sections(headed_sections(text, "request"), headed_sections(text, "complaint"))


def _find_mentions_in(text: str, sections: _Sections | None = None) -> Mentions:
    """The mentions of one text read whole; ``sections`` are its sections when they were found in the part it
    is a piece of."""
    sections = sections or _sections(text)
    doc = process(text)
    sentences = [Sentence(s.start_char, s.end_char, s.text) for s in doc.sents]
    ur_clauses = (
        _review_clauses(sentences)
        + sections.request
        + [(s.start, s.end) for s in sentences if _GUIDELINE_QUOTE.search(s.text)]
    )
    result_sentences = {n for n, s in enumerate(sentences) if _RESULTS.search(s.text)}
    refill_sentences = {n for n, s in enumerate(sentences) if _REFILL.search(s.text)}
    drug_history_sentences = {n for n, s in enumerate(sentences) if _DRUG_HISTORY.search(s.text)}
    sent_of_token = {}
    for n, s in enumerate(doc.sents):
        for i in range(s.start, s.end):
            sent_of_token[i] = n
    items: list[Mention] = []
    seen: set[tuple[str, str, int, int]] = set()
    # Phrases of findings that hold their own cue ("cannot bear weight", "no relief"): the cue is that
    # phrase's word, and it does not reach the mentions after it.
    findings = finding_concepts()
    cue_holders = [
        (sp.start, sp.end, sp.label_.endswith(ABSENT_SUFFIX))
        for sp in doc.spans.get(SPAN_GROUP, [])
        if _kind_label(sp.label_.removesuffix(ABSENT_SUFFIX))[1] in findings
    ]
    denied_lists = _denied_lists(doc)
    for span in doc.spans.get(SPAN_GROUP, []):
        absent = span.label_.endswith(ABSENT_SUFFIX)
        kind, label = _kind_label(span.label_.removesuffix(ABSENT_SUFFIX))
        key = (kind, label, span.start_char, span.end_char)
        if key in seen or (kind == "treatment" and _the_patient(text, span.text, span.end_char)):
            continue
        seen.add(key)
        # A cue inside the phrase is part of its meaning ("has not worked", "function has not changed"):
        # only cues outside the mention modify it.
        categories = (
            {
                m.category
                for m in span._.modifiers
                if not (span.start <= m.modifier_span[0] and m.modifier_span[1] <= span.end)
                and m.rule.literal.lower() not in _NOT_CUES
                and not _held_by_another_phrase(doc, m.modifier_span, span, cue_holders)
                and not (m.category in _NEGATED and _is_study(kind, label) and _states_a_result(doc, m, span))
                and not (m.category in _NEGATED and _in_a_later_clause(doc, m.modifier_span, span))
                and not (m.category in _REQUESTED and _before_a_clause_of_the_cue(doc, m.modifier_span, span))
            }
            | _cut_short_by_own_word(doc, span)
            | _cue_over_first_word(doc, span)
            | _continues_a_denied_list(doc, span, denied_lists)
        )
        meta = (span._.target_rule.metadata if getattr(span._, "target_rule", None) else None) or {}
        sentence = sent_of_token.get(span.start, 0)
        items.append(
            Mention(
                kind=kind,
                label=label,
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                sentence=sentence,
                # A phrase that states the concept's absence ("function has not changed", "sensation is
                # intact") is a negated mention of it whatever cue stands near: in an examination sentence
                # the cue is another finding's ("strength is normal and sensation is intact"), and a double
                # negation would turn the normal finding into a deficit. "Not documented" denies findings, not
                # the treatments named beside them.
                negated=absent
                or bool(categories & _NEGATED)
                or (kind == "concept" and bool(categories & _NOT_DOCUMENTED)),
                historical=bool(categories & _HISTORICAL),
                hypothetical=bool(categories & _HYPOTHETICAL),
                uncertain=bool(categories & _UNCERTAIN),
                # An order or prescription is a request for a treatment, but a drug prescribed is taken; a
                # finding stays a finding in a sentence that plans something for it.
                requested=(
                    bool(categories & _REQUESTED)
                    and not (kind == "concept" and label in finding_concepts())
                    and not (kind == "drug" and sentence in refill_sentences | drug_history_sentences)
                )
                or (kind == "treatment" and bool(categories & _ORDERED) and sentence not in result_sentences)
                or (
                    any(start <= span.start_char < end for start, end in ur_clauses)
                    and not (kind == "drug" and sentence in drug_history_sentences)
                ),
                family=bool(categories & _FAMILY),
                occupation=bool(categories & _OCCUPATION),
                reported=kind == "concept"
                and reported_by_worker(
                    text,
                    sentences[sentence],
                    span.start_char,
                    span.text,
                    any(a <= span.start_char < b for a, b in sections.complaint),
                ),
                # (by the drug's name when another rule on the same words took its metadata)
                generic=meta.get("generic")
                or (drug_names().get(span.text.lower(), (None,))[0] if kind == "drug" else None),
            )
        )
    # A mention inside a longer mention of the same label is the same finding ("improvement" in
    # "functional improvement" is kept only as the longer phrase).
    items = [
        m
        for m in items
        if not any(
            o is not m
            and o.kind == m.kind
            and o.label == m.label
            and o.start <= m.start
            and m.end <= o.end
            and (o.end - o.start) > (m.end - m.start)
            for o in items
        )
    ]
    items.sort(key=lambda m: (m.start, m.end))
    return Mentions(text=text, sentences=sentences, items=items)
