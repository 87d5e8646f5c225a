"""What a request asks for: its guideline topic, how much of it, where, and in what role.

The disputed portion of a modified request is what is decided; the original request is kept beside it
because the guideline allowance is judged against the whole course asked for. Topics come from the
packaged vocabularies (``treatments.yaml``, ``drugs.yaml``): whole-word matches first, then fuzzy
matches for misspellings of long terms (short abbreviations never match fuzzily).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from openimr.dates import find_dates
from openimr.extract.plain import plain
from openimr.extract.quantities import NUM, SPINAL_LEVEL, Quantities, parse_quantities, to_number
from openimr.extract.regions import find_regions, find_sides
from openimr.ingest.letter import split_modified_request
from openimr.vocabulary import drug_names, drugs, kind_of, phrase_pattern, treatments

_ASSOCIATED = re.compile(r"^\s*associated surgical services?\s*:\s*", re.IGNORECASE)
# "post-op", "after surgery", and the care after the surgery's hospital stay ("after discharge")
_POSTOP = re.compile(
    r"\b(?:post[- ]?op(?:erative)?|(?:after|following) (?:the )?surgery|(?:after|following|upon) discharge)\b",
    re.IGNORECASE,
)
_RETRO = re.compile(r"\bretro(?:spective)?\b|\bDOS\b", re.IGNORECASE)
_SERVICE_DATE = re.compile(
    r"\b(?:DOS|dates? of service|provided on|performed on|done on|dispensed(?: on)?)\b\s*:?\s*", re.IGNORECASE
)
_ADDITIONAL = re.compile(
    r"\b(?:additional|continued?|continuing|further|more|extension|remaining|repeat|another|"
    r"ongoing|refills?)\b",
    re.IGNORECASE,
)
# A title that tells, in a few words, what utilization review certified of it: "Physical therapy 12 visits
# (modified to 6)", "Norco 10/325 #90, modified to #60", "PT x12 - UR certified 6", "Acupuncture 12 (6 approved)",
# "Remaining 6 of 12 acupuncture sessions". The letter's long form is read by ``split_modified_request``.
_CERTIFIED_PART = re.compile(
    rf"\b(?:modified|reduced|changed) to #?\s?(?P<a>{NUM})\b"
    rf"|\b(?:UR |utilization review |the reviewer )?(?:certified|approved|authorized) #?\s?(?P<b>{NUM})\b"
    rf"|\b(?P<c>{NUM}) (?:(?:were|was|are|is) )?(?:certified|approved|authorized)\b"
    rf"|\bremaining (?P<d>{NUM}) of\b",
    re.IGNORECASE,
)
_INITIAL = re.compile(r"\b(?:initial|trial|new|first|evaluate and treat|eval and treat)\b", re.IGNORECASE)
_PURCHASE = re.compile(r"\b(?:purchase|buy)\b", re.IGNORECASE)
_RENTAL = re.compile(r"\b(?:rental|rent|rented)\b", re.IGNORECASE)
# The words after which a request title qualifies its main item: what comes "with" it ("ESI with consult"), what
# it is "for" ("Anesthesia for lumbar fusion"), its occasion ("Lumbar brace post fusion", "Bone growth stimulator
# after fusion"). The item asked for comes first.
_WITH_CLAUSE = re.compile(
    r"\s(?:with|plus|including|followed by|and then|for|after|post|following|s/p)\s", re.IGNORECASE
)
_COMPONENTS = {
    "emg": re.compile(r"\bEMG\b|electromyogra", re.IGNORECASE),
    "ncs": re.compile(r"\bNC[SV]\b|nerve conduction", re.IGNORECASE),
    "ssep": re.compile(r"\bSSEPs?\b|somatosensory", re.IGNORECASE),
    "skilled": re.compile(r"\b(?:RN|LVN|nurse|nursing|wound|therapist|therapy|infusion|injections?)\b", re.IGNORECASE),
    "custodial": re.compile(
        r"\b(?:aide|homemaker|housekeep\w*|chores?|attendant|caregiver|companion|"
        r"personal care|bathing|dressing|meals?|cleaning|ADL'?s|activities of daily living)\b",
        re.IGNORECASE,
    ),
    # therapy given at home: the skilled service is the therapy itself
    "home_therapy": re.compile(r"\b(?:physical|occupational) therap\w*|\b(?:PT|OT)\b|\btherapist", re.IGNORECASE),
    # the interlaminar (or caudal) route of an epidural injection, one level a session
    "interlaminar": re.compile(r"\binterlaminar|\bcaudal\b|\bIL\s?ESI\b", re.IGNORECASE),
    # the psychological evaluation that comes before a device (a stimulator or a pump), asked as such
    "psych_evaluation": re.compile(
        r"\bpsych\w*\s+(?:evaluation|eval|assessment|testing|screening|clearance)\b", re.IGNORECASE
    ),
    # lidocaine as a cream, lotion, gel or spray: only the dermal patch is recommended (CPMTG topical analgesics)
    "lidocaine_not_patch": re.compile(
        r"\blidocaine\b(?![^,;]*\bpatch)[^,;]*?\b(?:cream|lotion|gel|ointment|spray|solution|liquid)\b", re.IGNORECASE
    ),
    "cox2": re.compile(r"\bcelecoxib|celebrex\b", re.IGNORECASE),
    # a chest film before surgery, judged apart from the blood tests (it is for heart or lung disease)
    "chest_film": re.compile(r"\bchest (?:x-?rays?|films?|radiographs?|xr)\b|\bCXR\b", re.IGNORECASE),
    "non_medical": re.compile(
        r"\b(?:gloves?|wipes?|hygiene|towels?|soap|diapers?|recliner|mattress|bedding|"
        r"exercise equipment|gym|pool|hot tub|spa)\b",
        re.IGNORECASE,
    ),
    "testing": re.compile(r"\btest(?:s|ing)?\b|\bbattery\b|\binventory\b", re.IGNORECASE),
    # supplies for a device already in use (electrodes, batteries), not the device
    "supplies": re.compile(r"\b(?:supplies|electrodes|batteries|pads|lead wires)\b", re.IGNORECASE),
    # a viscosupplement, which ODG recommends for the knee only
    "hyaluronic": re.compile(
        r"\b(?:hyaluron\w*|synvisc\w*|euflexxa|orthovisc|monovisc|gel-?one|supartz|hyalgan|durolane|gelsyn|"
        r"viscosupplement\w*)",
        re.IGNORECASE,
    ),
    # an evaluation for a program, not the program ("Functional restoration program evaluation")
    "evaluation": re.compile(r"\b(?:evaluation|eval|assessment|screening|consultation)\b", re.IGNORECASE),
    "cold_therapy": re.compile(r"\bcold\b|cryo|\bice\b|vascutherm|game ready|polar care", re.IGNORECASE),
    "implant": re.compile(r"\bimplant\w*|\bpermanent\b", re.IGNORECASE),
    "radiofrequency": re.compile(r"\bradio ?frequency|\brhizotomy|\bneurotomy|\bablation\b|\bRFA\b", re.IGNORECASE),
    # a blood count or chemistry (not an electrocardiogram, a chest film, a genetic test)
    "blood_test": re.compile(
        r"\b(?:CBC|CMP|BMP|blood (?:count|work|tests?|panel)|(?:chem(?:istry)?|metabolic|hepatic|liver|renal|kidney)"
        r" (?:panel|profile|function(?: tests?| panel)?)|liver function tests?|labs?|lab work|laboratory)\b",
        re.IGNORECASE,
    ),
    "pain_specialist": re.compile(
        r"\bpain (?:management|medicine|specialist|clinic|physician|doctor|consult\w*)\b|\binterventional pain\b",
        re.IGNORECASE,
    ),
}
_COMPOUND_FORM = re.compile(r"\b(?:cream|gel|ointment|lotion|compound\w*)\b|%", re.IGNORECASE)
_MEDICATION_PURPOSE = re.compile(r"\bmedications?\b|\bmeds\b|\bprescriptions?\b", re.IGNORECASE)
_BARE_INJECTION = re.compile(r"injections?|shots?", re.IGNORECASE)
_FUZZY_MIN_LEN = 6
_FUZZY_SCORE = 86


@dataclass
class RequestInfo:
    """A request understood: the fields the guideline criteria read."""

    text: str
    disputed_text: str
    topic: str | None
    category: str
    kind: str | None
    matched: str | None = None
    match_method: str | None = None
    drug: str | None = None
    drug_topic: str | None = None
    is_topical: bool = False
    is_liquid: bool = False
    ingredients: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    sides: list[str] = field(default_factory=list)
    associated_surgical: bool = False
    post_op: bool = False
    pre_op: bool = False
    retrospective: bool = False
    service_date: dt.date | None = None
    additional: bool = False
    initial: bool = False
    purchase: bool = False
    rental: bool = False
    modified: bool = False
    original_text: str | None = None
    original_count: int | None = None
    authorized_text: str | None = None
    authorized_count: int | None = None
    quantities: Quantities = field(default_factory=Quantities)
    components: list[str] = field(default_factory=list)
    procedure: str | None = None
    equipment: str | None = None
    partial: bool = False
    for_medications: bool = False
    strength_stated: bool = False

    @property
    def count(self) -> int | None:
        return self.quantities.count

    @property
    def levels(self) -> int:
        """The spinal levels (motion segments) the request names: "L4-5, L5-S1" is two, and so is the range
        "L4-S1"; "C5-7" is two; a level named twice counts once."""
        segments: set[int] = set()
        for m in SPINAL_LEVEL.finditer(plain(self.disputed_text)):
            low = _vertebra(m.group("r1"), m.group("n1"))
            high = _vertebra(m.group("r2") or m.group("r1"), m.group("n2"))
            if low is not None and high is not None and 0 < high - low <= 8:
                segments.update(range(low, high))
        return len(segments)


# The first vertebra of each region in one count down the spine (C1 = 1 ... C7, T1 = 8 ... T12, L1 = 20 ... L5, S1)
_REGION_START = {"c": (1, 7), "t": (8, 12), "l": (20, 5), "s": (25, 5)}


def _vertebra(region: str, number: str) -> int | None:
    """The vertebra's place down the spine, or None for a number its region does not have."""
    start, size = _REGION_START[region.lower()]
    n = int(number)
    return start + n - 1 if 1 <= n <= size else None


@dataclass(frozen=True)
class _Term:
    topic: str
    pattern: re.Pattern[str]
    priority: int
    exact: bool = False


# Abbreviations that, lower-cased, are English words or say something else in a title ("if needed", "home
# help", "pt" for patient, "Mr."): matched only as written.
_CASE_SENSITIVE_ONLY = {"if", "help", "sad", "mr", "pt", "ot", "ems", "lint", "ics", "pens"}


@cache
def _term_patterns() -> list[_Term]:
    out = []
    for name, topic in treatments().topics.items():
        if p := phrase_pattern(topic.terms + topic.request_terms):
            out.append(_Term(name, p, topic.priority))
        if topic.exact:
            alternatives = "|".join(sorted((re.escape(t) for t in topic.exact), key=len, reverse=True))
            out.append(_Term(name, re.compile(rf"(?<![\w/])(?:{alternatives})(?![\w/])"), topic.priority, exact=True))
            # A title written in lower or mixed case ("mri of the lumbar spine", "Emg/Ncs BUE") names the same
            # study; abbreviations that are words are left to their exact case.
            loose = sorted({t.lower() for t in topic.exact} - _CASE_SENSITIVE_ONLY, key=len, reverse=True)
            if loose:
                pattern = re.compile(rf"(?<![\w/])(?:{'|'.join(map(re.escape, loose))})(?![\w/])", re.IGNORECASE)
                out.append(_Term(name, pattern, topic.priority, exact=True))
    # "pt 2x6", "Pt x 8 visits", "pt for the lumbar spine": "pt" before a course or a body part is therapy
    therapy = treatments().topics["physical_therapy"]
    out.append(_Term("physical_therapy", _PT_LOWER, therapy.priority, exact=True))
    # "XR lumbar spine 2 views" is films; "Voltaren XR 100mg" is an extended-release drug
    out.append(_Term("xray", _XR_FILMS, treatments().topics["xray"].priority, exact=True))
    out.append(_Term("mri", _MR_IMAGING, treatments().topics["mri"].priority, exact=True))
    # "Psychiatric medication management visits": the service named (visits that manage the drugs) decides over
    # the specialty that gives it, which alone would file the request as psychotherapy
    psych = treatments().topics["psychological"].priority
    out.append(_Term("office_visits", _MEDICATION_MANAGEMENT_VISITS, psych + 1, exact=True))
    return out


_MEDICATION_MANAGEMENT_VISITS = re.compile(
    r"\b(?:medication|med|medicine|pharmacologic(?:al)?) management "
    r"(?:visits?|sessions?|appointments?|follow[- ]?ups?)\b"
    r"|\bfollow[- ]?ups? (?:visits? )?(?:for|of) (?:the )?(?:medication|med)s? management\b",
    re.IGNORECASE,
)


# The words after "XR" or "MR" that make them films or imaging rather than a drug's release form.
_BODY_PARTS = (
    r"left|right|bilateral|both|lumbar|cervical|thoracic|lumbosacral|spine|chest|pelvis|knee|knees|shoulder|"
    r"shoulders|hip|hips|wrist|hand|elbow|ankle|foot|feet|neck|back"
)
_MR_IMAGING = re.compile(
    rf"(?<![\w/])MR(?=\s+(?:of\s+)?(?:the\s+)?(?:{_BODY_PARTS}|brain|head|arthrogram|arthrography|angiogram|"
    r"imaging|scan)\b)"
)
_XR_FILMS = re.compile(rf"(?<![\w/])XRs?(?=\s+(?:of\s+)?(?:the\s+)?(?:{_BODY_PARTS}|\d\s*views?))")


_PT_LOWER = re.compile(
    r"(?<![\w/])pt(?=\s*(?:x\s*\d|\d|\(|times\b|sessions?\b|visits?\b|treatments?\b|for (?:the )?(?:lumbar|cervical|"
    r"thoracic|low back|neck|back|shoulder|knee|hip|wrist|hand|elbow|ankle|foot|left|right|bilateral)|to the\b|"
    r"eval|re-?eval|evaluation))",
    re.IGNORECASE,
)


@cache
def _drug_names() -> list[tuple[str, str, str]]:
    """(name, generic, topic) for every drug name, longest first."""
    names = [(name, generic, topic) for name, (generic, topic) in drug_names().items()]
    return sorted(names, key=lambda x: len(x[0]), reverse=True)


@cache
def _drug_pattern() -> re.Pattern[str]:
    return phrase_pattern([n for n, _, _ in _drug_names()])  # type: ignore[return-value]


@cache
def _fuzzy_pool() -> list[tuple[str, str, int]]:
    """(term, topic, priority) of the long terms that may match a misspelling."""
    pool = []
    topics = treatments().topics
    for name, topic in topics.items():
        pool += [(t.lower(), name, topic.priority) for t in topic.terms if len(t) >= _FUZZY_MIN_LEN]
    pool += [(n, t, topics[t].priority) for n, _, t in _drug_names() if len(n) >= _FUZZY_MIN_LEN]
    return pool


def _find_drugs(text: str) -> list[tuple[int, str, str, str]]:
    """(position, name as written, generic, topic) of every drug named in ``text``."""
    lookup = drug_names()
    out = []
    for m in _drug_pattern().finditer(text):
        generic, topic = lookup[m.group(0).lower()]
        out.append((m.start(), m.group(0), generic, topic))
    return out


def _fuzzy(text: str) -> tuple[str, str, int] | None:
    words = re.findall(r"[a-zA-Z][a-zA-Z-]+", text.lower())
    best: tuple[float, str, str, int] | None = None
    for term, topic, priority in _fuzzy_pool():
        size = len(term.split())
        for i in range(len(words) - size + 1):
            window = " ".join(words[i : i + size])
            if abs(len(window) - len(term)) > 3:
                continue
            # A word with a prefix more or less is a different word, not a misspelling (compression,
            # decompression); a letter more or less at the end is a misspelling ("gabapentine", "omeprazol").
            if window != term and (term.endswith(window) or window.endswith(term)):
                continue
            score = fuzz.ratio(window, term)
            if score >= _FUZZY_SCORE and (best is None or score > best[0]):
                best = (score, term, topic, priority)
    return (best[1], best[2], best[3]) if best else None


def _has_marker(text: str, markers: list[str]) -> bool:
    lowered = text.lower()
    return any((m in lowered) if not m.isalpha() else re.search(rf"\b{re.escape(m)}\b", lowered) for m in markers)


def classify(text: str) -> tuple[str | None, str | None, str | None]:
    """(topic, matched words, method) for a request text; (None, None, None) when nothing matches."""
    candidates: list[tuple[int, int, int, str, str]] = []  # (start, end, priority, topic, words)
    for term in _term_patterns():
        for m in term.pattern.finditer(text):
            candidates.append((m.start(), m.end(), term.priority, term.topic, m.group(0)))
    for pos, name, _, topic in _find_drugs(text):
        candidates.append((pos, pos + len(name), treatments().topics[topic].priority, topic, name))
    if not candidates:
        found = _fuzzy(text)
        return (found[1], found[0], "fuzzy") if found else (None, None, None)
    # A match inside a longer match of another topic is part of that phrase ("surgery" in "surgery evaluation").
    kept = [
        c
        for c in candidates
        if not any(
            o is not c and o[3] != c[3] and o[0] <= c[0] and c[1] <= o[1] and (o[1] - o[0]) > (c[1] - c[0])
            for o in candidates
        )
    ]
    # What follows "with ..." qualifies the main item ("ESI with consult", "acupuncture with capsaicin patch").
    first = min(c[0] for c in kept)
    clause = _WITH_CLAUSE.search(text, first + 1)
    if clause:
        head = [c for c in kept if c[0] < clause.start()]
        kept = head or kept
    start, _, _, topic, words = max(kept, key=lambda c: (c[2], -c[0]))
    if _BARE_INJECTION.fullmatch(words):
        # "Toradol 60mg IM injection": the drug injected decides, unless it is the procedure's own drug.
        injected = [
            (pos, name, topic)
            for pos, name, generic, topic in _find_drugs(text)
            if generic not in drugs().procedure_drugs and topic != "topical_analgesics"
        ]
        if injected:
            return injected[0][2], injected[0][1], "exact"
    return topic, words, "exact"


def _service_date(text: str) -> dt.date | None:
    """The date of service a retrospective request names ("(DOS 11/18/16)", "date of service: ...")."""
    marker = _SERVICE_DATE.search(text)
    if not marker:
        return None
    found = next(iter(find_dates(text[marker.end() : marker.end() + 40])), None)
    return found.date if found and found.start == 0 else None


_PREOP = re.compile(r"\bpre-?\s?op(?:erative)?\b|\bbefore (?:the )?surgery\b|\bclearance\b", re.IGNORECASE)
_DRUG_TEST_WORDS = re.compile(r"\bdrug|\btox|\bscreen|\bUDS\b|\bUDT\b", re.IGNORECASE)


# A strength written after the drug's name without its unit: "Norco 10/325 #90", "Naproxen 550 #60",
# "Tramadol ER 100 #30" (not a count: "Norco 90 tablets", "Norco x 2 refills").
_STRENGTH_AFTER_NAME = re.compile(
    r"(?:\s*\(?[\w-]+\)?){0,2}?\s+\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)?\b"
    r"(?!\s*(?:refills?|tabs?|tablets?|caps?|capsules?|count|ct|pills?|patch(?:es)?|days?|weeks?|months?))",
    re.IGNORECASE,
)
_NOT_A_PATCH = re.compile(r"\b(?:cream|lotion|gel|ointment|spray|solution|liquid|roll-on)\b", re.IGNORECASE)
_SLASHED = re.compile(r"[A-Za-z][\w-]*(?:\s*/\s*[A-Za-z][\w-]*)+")


def _abbreviated_ingredients(text: str, found: list[tuple[int, str, str, str]]) -> list[tuple[int, str, str, str]]:
    """The ingredients a compound's title gives by their pharmacy short names ("Keto/Gaba/Lido cream"), as
    (position, name, generic, topic) like ``_find_drugs``: only in a group of names joined by slashes, at least
    two of which name drugs, so that "w/o" or "EMG/NCS" name nothing."""
    abbreviations = drugs().compound_abbreviations
    names = drug_names()
    known = {pos for pos, _, _, _ in found}
    out = []
    for group in _SLASHED.finditer(text):
        parts = [(group.start() + m.start(), m.group(0)) for m in re.finditer(r"[A-Za-z][\w-]*", group.group(0))]
        short = [(pos, word) for pos, word in parts if word.lower() in abbreviations and pos not in known]
        named = [pos for pos, word in parts if word.lower() in names or pos in known]
        if len(short) + len(named) < 2:
            continue
        for pos, word in short:
            generic = abbreviations[word.lower()]
            topic = next((t for g, t in names.values() if g == generic), "topical_analgesics")
            out.append((pos, word, generic, topic))
    return sorted(out)


def _opioid_component(found: list[tuple[int, str, str, str]]) -> tuple[str, str] | None:
    """The opioid of a combination of several drugs, as (generic, topic), if it holds one."""
    if len({g for _, _, g, _ in found}) < 2:
        return None
    return next(((g, t) for _, _, g, t in found if t == "opioids"), None)


def understand_request(text: str) -> RequestInfo:
    """Everything the engine needs to know about one request text."""
    parts = split_modified_request(text)
    disputed = parts.get("disputed") or text
    working = plain(disputed)
    associated = bool(_ASSOCIATED.search(working))
    working = _ASSOCIATED.sub("", working)
    topic, words, method = classify(working)
    if topic is None and parts.get("original_request"):
        topic, words, method = classify(parts["original_request"])
    vocab = treatments().topics
    kind = vocab[topic].kind if topic else None
    found_drugs = _find_drugs(working) or (_find_drugs(parts.get("original_request", "")) if parts else [])
    info = RequestInfo(
        text=text,
        disputed_text=disputed,
        topic=topic,
        category=vocab[topic].category if topic else "Unclassified",
        kind=kind,
        matched=words,
        match_method=method,
        associated_surgical=associated,
        post_op=bool(_POSTOP.search(working)) or associated,
        pre_op=bool(_PREOP.search(working)),
        retrospective=bool(_RETRO.search(working)),
        service_date=_service_date(working),
        additional=bool(_ADDITIONAL.search(working)),
        initial=bool(_INITIAL.search(working)),
        purchase=bool(_PURCHASE.search(working)),
        rental=bool(_RENTAL.search(working)),
        regions=find_regions(working) or find_regions(parts.get("original_request", "")),
        sides=find_sides(working),
        modified=bool(parts),
        original_text=parts.get("original_request"),
        authorized_text=parts.get("authorized"),
    )
    if not found_drugs and method == "fuzzy" and words:
        # A misspelt drug name ("Naproxin") names the drug it is closest to.
        found_drugs = [(0, words, generic, topic) for name, generic, topic in _drug_names() if name == words]
    found_drugs = sorted(found_drugs + _abbreviated_ingredients(working, found_drugs))
    if found_drugs:
        info.drug = found_drugs[0][2]
        info.drug_topic = found_drugs[0][3]
        # "Voltaren (diclofenac) gel" names one drug twice: a brand and its generic are one ingredient
        info.ingredients = list(dict.fromkeys(g for _, _, g, _ in found_drugs))
    is_drug = kind == "drug" or bool(found_drugs)
    info.is_liquid = is_drug and _has_marker(working, drugs().liquid_markers)
    info.is_topical = is_drug and _has_marker(working, drugs().topical_markers) and not info.is_liquid
    if info.drug in drugs().systemic_patches and not _COMPOUND_FORM.search(working):
        info.is_topical = False
    if info.is_topical and topic in {
        None,
        "nsaids",
        "muscle_relaxants",
        "anticonvulsants",
        "antidepressants",
        "opioids",
        "other_drugs",
        "topical_analgesics",
    }:
        info.topic, info.kind, info.category = "topical_analgesics", "drug", vocab["topical_analgesics"].category
    if not info.is_topical and (opioid := _opioid_component(found_drugs)):
        # an oral combination with an opioid ("acetaminophen with codeine") is judged as the opioid it holds
        info.drug, info.drug_topic = opioid
        info.topic, info.kind, info.category = "opioids", "drug", vocab["opioids"].category
    if info.is_liquid and info.kind == "drug" and info.topic != "medical_foods":
        # a compounded oral suspension of a drug sold as tablets is judged as such (decision-principles 5)
        info.topic, info.category = "medical_foods", vocab["medical_foods"].category
    if info.topic == "drug_testing" and (associated or _PREOP.search(working)) and not _DRUG_TEST_WORDS.search(working):
        # a pre-operative urinalysis is a laboratory test, not a drug test
        info.topic, info.kind, info.category = "labs", vocab["labs"].kind, vocab["labs"].category
    info.quantities = parse_quantities(working, is_drug=info.kind == "drug")
    info.strength_stated = bool(info.quantities.strengths) or any(
        _STRENGTH_AFTER_NAME.match(working, pos + len(name)) for pos, name, _, _ in found_drugs
    )
    info.components = [name for name, pattern in _COMPONENTS.items() if pattern.search(working)]
    if "lidocaine" in info.ingredients and _NOT_A_PATCH.search(working) and not re.search(r"\bpatch", working, re.I):
        # lidocaine named by a short or brand name in a cream ("Keto/Gaba/Lido cream") is still not the patch
        info.components = list(dict.fromkeys([*info.components, "lidocaine_not_patch"]))
    if kind == "surgery" and not associated:
        info.procedure = kind_of("procedures.yaml", working, info.regions)
    if kind == "dme":
        info.equipment = kind_of("equipment.yaml", working, info.regions)
    info.for_medications = bool(_MEDICATION_PURPOSE.search(working))
    if parts:
        info.original_count = parse_quantities(parts["original_request"], is_drug=info.kind == "drug").count
        if parts.get("authorized"):
            info.authorized_count = parse_quantities(parts["authorized"], is_drug=info.kind == "drug").count
        # The remainder of a modified request is judged against the whole original course (decision-principles
        # 5): a first course part of which UR authorized is still a first course, not an extension, so the
        # authorization does not make the request "additional"; the guidelines read ``original_count``.
        # A remaining portion (not the whole original request left IMR eligible).
        info.partial = bool(parts.get("disputed")) and parts.get("disputed") != parts.get("original_request")
    elif certified := _CERTIFIED_PART.search(working):
        _read_certified_part(info, working, certified)
    return info


def _read_certified_part(info: RequestInfo, working: str, certified: re.Match[str]) -> None:
    """A title that says in a few words what UR certified of it: the request is the whole original course (its
    count, the first the title gives) of which part was certified; what remains is not an extension of a course
    ("the remaining 6 of 12" is still the first 12)."""
    rest = working[: certified.start()] + working[certified.end() :]
    if certified.group("d"):  # "Remaining 6 of 12 ...": the 12 are the original, the other 6 were certified
        remaining = to_number(certified.group("d")) or 0
        original = parse_quantities(rest, is_drug=info.kind == "drug").count
        authorized = original - remaining if original else None
    else:
        original = info.quantities.count
        authorized = to_number(next(g for g in certified.groups() if g))
    info.modified = info.partial = True
    info.original_count = int(original) if original else None
    info.authorized_count = int(authorized) if authorized is not None else None
    info.additional = bool(_ADDITIONAL.search(rest.replace("remaining", "")))
