"""Read a DWC IMR Final Determination Letter (the format in use since 2014) into a ``Letter``.

The letter is found by its three upper-case headings; within the issues section an item opens on a line
that ends ``: Upheld`` or ``: Overturned`` (or on such a word alone after a line ending in a colon), and
``Claims Administrator guideline:``, ``<organisation> guideline:`` and ``Decision rationale:`` open its
fields. The decision is read only from the item's own decision word, never inferred from the rationale.
Older formats are handed to :mod:`openimr.ingest.legacy`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from openimr.dates import parse_date
from openimr.errors import Err, OpenIMRError
from openimr.ingest import legacy
from openimr.ingest.layout import Line, layout, paragraphs, unwrap
from openimr.model import Letter, LetterItem, ReviewerQualifications

FORMAT = "dwc-fdl"

_HEADINGS = {
    "how": re.compile(r"^HOW THE IMR FINAL DETERMINATION WAS MADE\b"),
    "summary": re.compile(r"^CLINICAL CASE SUMMARY$"),
    "issues": re.compile(r"^IMR ISSUES,? DECISIONS,? AND RATIONALES?$"),
    # Sections OpenIMR's own letters add after the issues; they close the last item's rationale.
    "extra": re.compile(r"^(WHAT THE RECORD WOULD NEED TO SHOW|DOCUMENTS AND RECORDS CONSIDERED|DECISION RECORD)$"),
}
_DECISION_AT_END = re.compile(r"^(?P<title>.*?):\s*(?P<decision>upheld|overturned)\s*\.?$", re.IGNORECASE)
_DECISION_ALONE = re.compile(r"^(?P<decision>upheld|overturned)\s*\.?$", re.IGNORECASE)
_CA_LABEL = re.compile(r"^Claims Administrator guidelines?:\s*", re.IGNORECASE)
_REVIEWER_LABEL = re.compile(r"^(?!Claims\b)[A-Z][A-Za-z&.' -]{1,40}? guidelines?:\s*")
_RATIONALE_LABEL = re.compile(r"^Decision rationale:\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"""[.!?]["')\]]?$""")
_INTRO_END = re.compile(r"(set forth below|following|as follows)\s*:$", re.IGNORECASE)
_SUMMARY_INTRO = re.compile(
    r"^The expert reviewer developed the following clinical case summary.*?medical records:\s*", re.IGNORECASE
)
_MAX_TITLE_LINES = 8
_PAGE_FOOTER = re.compile(r"^Page \d+ of \d+$")


@dataclass
class _Section:
    name: str
    lines: list[Line]


def _heading(text: str) -> str | None:
    upper = text.upper()
    for name, pattern in _HEADINGS.items():
        if pattern.match(upper):
            return name
    return None


def _sections(lines: Sequence[Line]) -> list[_Section]:
    sections = [_Section("header", [])]
    for line in lines:
        if _PAGE_FOOTER.match(line.text):
            continue
        name = _heading(line.text)
        if name:
            sections.append(_Section(name, []))
        else:
            sections[-1].lines.append(line)
    return sections


# --- header -------------------------------------------------------------------------------------------

_HEADER_DATES = {
    "date_assigned": r"Date Assigned",
    "date_of_injury": r"Date of Injury",
    "decision_date": r"Decision Date",
    "ur_denial_date": r"UR Denial Date",
    "application_received": r"(?:Application\s+)?Received",
}


def _header_fields(lines: Sequence[Line]) -> dict:
    text = unwrap(line.text for line in lines)
    fields: dict = {}
    case = re.search(r"Case (?:Number|No\.?)\s*:\s*([A-Za-z0-9][\w.-]*)", text, re.IGNORECASE)
    if case:
        number = case.group(1)
        fields["case_number"] = number.upper() if re.fullmatch(r"[A-Za-z]{2}\d{2}-\d{5,8}", number) else number
    for key, label in _HEADER_DATES.items():
        m = re.search(rf"{label}\s*:\s*(\S+(?:\s\S+){{0,2}})", text, re.IGNORECASE)
        if m:
            fields[key] = parse_date(m.group(1))
    priority = re.search(r"Priority\s*:\s*(Standard|Expedited|Regular|Urgent)", text, re.IGNORECASE)
    if priority:
        fields["priority"] = priority.group(1).capitalize()
    return fields


# --- reviewer -----------------------------------------------------------------------------------------

_LICENSURE = re.compile(r"State\(s\) of Licensure:\s*(.*?)\s*(?=Certification\(s\)|$)", re.IGNORECASE)
_SPECIALTY = re.compile(r"Certification\(s\)/Specialty:\s*(.*?)\s*$", re.IGNORECASE)
_OLD_SENTENCE = re.compile(
    r"(?:The )?expert reviewer is (?P<kind>Board Certified|licensed) in (?P<spec>.+?),? and is licensed to "
    r"practice in (?P<state>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*)",
    re.IGNORECASE,
)


def _split_list(text: str, *, on_and: bool = False) -> list[str]:
    parts = re.split(r"\s*,\s*" + (r"|\s+and\s+" if on_and else ""), text.strip().rstrip("."))
    return [p.strip() for p in parts if p.strip()]


def reviewer_qualifications(lines: Sequence[Line]) -> ReviewerQualifications:
    """The reviewer's licensure and specialties from the 'how it was made' section."""
    text = unwrap(line.text for line in lines)
    licensure = _LICENSURE.search(text)
    specialty = _SPECIALTY.search(text)
    if licensure or specialty:
        return ReviewerQualifications(
            licensure_states=_split_list(licensure.group(1)) if licensure else [],
            specialties=_split_list(specialty.group(1)) if specialty else [],
        )
    old = _OLD_SENTENCE.search(text)
    if old:
        return ReviewerQualifications(
            licensure_states=[old.group("state")],
            specialties=_split_list(old.group("spec"), on_and=True),
            board_certified=old.group("kind").lower() == "board certified",
            statement=old.group(0).strip() + ".",
        )
    return ReviewerQualifications()


# --- items --------------------------------------------------------------------------------------------


def _decision_at(lines: Sequence[Line], i: int) -> tuple[str, str] | None:
    """If line ``i`` closes an item title, return (text of the title on this line, decision)."""
    text = lines[i].text
    m = _DECISION_AT_END.match(text)
    if m and (m.group("title").strip() or (i > 0 and not lines[i].para_start)):
        return m.group("title").strip(), m.group("decision").capitalize()
    m = _DECISION_ALONE.match(text)
    if m and i > 0 and lines[i - 1].text.rstrip().endswith(":"):
        return "", m.group("decision").capitalize()
    return None


def _is_label(text: str) -> bool:
    return bool(_CA_LABEL.match(text) or _RATIONALE_LABEL.match(text) or _REVIEWER_LABEL.match(text))


def _needs_more(title: str) -> bool:
    """A modified-request title cut at one of its inner sentences still lacks its first part."""
    lowered = title.lower()
    inner = ("remaining imr eligible", "was authorized by", "claims administrator authorized", "the original request,")
    return any(k in lowered for k in inner) and "was the original request" not in lowered


def _title_start(lines: Sequence[Line], last: int, floor: int, has_breaks: bool) -> int:
    """Index of the first line of the title whose last line is ``last``.

    A title runs back to its paragraph start when the text marks paragraphs; otherwise (or when the
    paragraph looks wrong) back to the line after one that ends a sentence or the section's intro."""
    if has_breaks:
        start = last
        while start > floor and not lines[start].para_start:
            start -= 1
        while start > floor and _needs_more(unwrap(x.text for x in lines[start : last + 1])):
            start -= 1
            while start > floor and not lines[start].para_start:
                start -= 1
        block = lines[start : last + 1]
        if last - start < _MAX_TITLE_LINES and not any(_is_label(line.text) for line in block):
            # A paragraph mark can be lost at a page break: never let a title begin before the end of the
            # sentence that precedes it (a modified request's inner sentences excepted).
            return max(start, _sentence_start(lines, last, floor))
    return _sentence_start(lines, last, floor, has_breaks)


def _sentence_start(lines: Sequence[Line], last: int, floor: int, has_breaks: bool = False) -> int:
    """Walk back from ``last`` to the line after one that ends a sentence, a label or the section intro."""
    start = last
    while start > floor:
        prev = lines[start - 1].text
        if _is_label(prev) or _INTRO_END.search(prev):
            break
        if _SENTENCE_END.search(prev) and not _needs_more(unwrap(x.text for x in lines[start : last + 1])):
            break
        if has_breaks and lines[start].para_start and not _needs_more(unwrap(x.text for x in lines[start : last + 1])):
            break
        start -= 1
    return start


_MODIFIED = re.compile(r"^(?P<original>.+?)\s+was the original request\.\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_AUTHORIZED_A = re.compile(r"^(?P<authorized>.+?)\s+was authorized by the Claims Administrator\.\s*(?P<rest>.*)$", re.I)
_AUTHORIZED_B = re.compile(
    r"^The Claims Administrator (?:authorized|certified|approved|modified the request to)\s+(?P<authorized>.+?),?"
    r"\s+leaving\s+(?P<leaving>.*?)\.\s*(?P<rest>.*)$",
    re.I,
)
_DISPUTED = re.compile(
    r"^.*?\boriginal request(?:,|\s+is|\s+are)\s*(?P<disputed>.+?)(?:\s+(?:is|are))?\.?\s*$", re.IGNORECASE
)
# "leaving the remaining 6 sessions IMR eligible" (the remainder named in the leaving clause)
_LEAVING_REMAINDER = re.compile(r"^the remaining\s+(?P<disputed>.+?)\s+(?:IMR eligible|in dispute)\b", re.I)


def split_modified_request(title: str) -> dict[str, str]:
    """Original, authorized and disputed parts of a modified request's title; empty for a plain one."""
    m = _MODIFIED.match(title)
    if not m:
        return {}
    parts = {"original_request": m.group("original").strip()}
    rest = m.group("rest")
    auth = _AUTHORIZED_A.match(rest) or _AUTHORIZED_B.match(rest)
    if auth:
        parts["authorized"] = auth.group("authorized").strip()
        rest = auth.group("rest")
        leaving = auth.groupdict().get("leaving")
        if leaving and (remainder := _LEAVING_REMAINDER.match(leaving)):
            parts["disputed"] = remainder.group("disputed").strip()
    disputed = _DISPUTED.match(rest)
    if disputed:
        parts["disputed"] = disputed.group("disputed").strip()
    return parts


def _fields(lines: Sequence[Line]) -> dict[str, str | None]:
    """Split an item's body into its guideline and rationale fields, by the labels that open them."""
    buckets: dict[str, list[Line]] = {"ca": [], "reviewer": [], "rationale": [], "none": []}
    current = "none"
    for line in lines:
        text = line.text
        for key, pattern in (("ca", _CA_LABEL), ("rationale", _RATIONALE_LABEL), ("reviewer", _REVIEWER_LABEL)):
            m = pattern.match(text)
            if m and not buckets[key]:
                current = key
                text = text[m.end() :]
                line = Line(text, para_start=True)
                break
        if text:
            buckets[current].append(line)

    def joined(key: str, keep_paragraphs: bool = False) -> str | None:
        if not buckets[key]:
            return None
        if keep_paragraphs:
            return "\n\n".join(paragraphs(buckets[key])) or None
        return unwrap(line.text for line in buckets[key]) or None

    return {
        "claims_administrator_guideline": joined("ca"),
        "reviewer_guideline": joined("reviewer"),
        "rationale": joined("rationale", keep_paragraphs=True),
    }


def read_items(lines: Sequence[Line], has_breaks: bool) -> list[LetterItem]:
    """Every disputed item of the issues section, in order."""
    closers = [(i, found) for i in range(len(lines)) if (found := _decision_at(lines, i))]
    spans = []
    # The section's intro sentence ("... set forth below:") is never part of the first title.
    floor = next((i + 1 for i in range(min(len(lines), 4)) if _INTRO_END.search(lines[i].text)), 0)
    for i, (own_text, decision) in closers:
        last = i if own_text else i - 1
        start = _title_start(lines, last, floor, has_breaks)
        spans.append((start, i, decision))
        floor = i + 1
    items = []
    for n, (start, close, decision) in enumerate(spans):
        title_lines = [line.text for line in lines[start : close + 1]]
        title = unwrap(title_lines)
        title = re.sub(r":\s*(upheld|overturned)\s*\.?$", "", title, flags=re.IGNORECASE).strip().rstrip(":").strip()
        body_end = spans[n + 1][0] if n + 1 < len(spans) else len(lines)
        items.append(
            LetterItem(
                title=title,
                decision=decision,
                **_fields(lines[close + 1 : body_end]),
                **split_modified_request(title),
            )
        )
    return items


# --- the letter ---------------------------------------------------------------------------------------


def _summary(lines: Sequence[Line]) -> list[str]:
    paras = paragraphs(lines)
    if paras:
        paras[0] = _SUMMARY_INTRO.sub("", paras[0]).strip()
    return [p for p in paras if p]


_CASE_NUMBER_LINE = re.compile(r"^[ \t]*Case Number:[ \t]*(\S+)", re.IGNORECASE | re.MULTILINE)


def _refuse_several_letters(text: str, sections: list[_Section], source: str) -> None:
    """A file of several letters one after another is refused, naming where each begins: read as one, the
    first letter's header would stand for all and the others' items would be lost or misattributed."""
    letters = max(sum(1 for s in sections if s.name == name) for name in ("how", "issues"))
    if letters <= 1:
        return
    numbers = [m.group(1) for m in _CASE_NUMBER_LINE.finditer(text)]
    if len(numbers) == letters:
        where_each = "case numbers " + ", ".join(numbers)
    else:
        starts = [n + 1 for n, line in enumerate(text.splitlines()) if _heading(line.strip()) == "how"]
        where_each = "beginning at lines " + ", ".join(str(n) for n in starts)
    raise OpenIMRError(Err.E110, source, count=str(letters), where_each=where_each)


def parse_letter_text(text: str, source: str) -> Letter:
    """Read one letter's text. Raises a numbered ``OpenIMRError`` naming ``source`` when it cannot."""
    if not text.strip():
        raise OpenIMRError(Err.E102, source)
    lines, has_breaks = layout(text)
    sections = _sections(lines)
    _refuse_several_letters(text, sections, source)
    by_name: dict[str, _Section] = {}
    for section in sections:
        by_name.setdefault(section.name, section)
    header = _header_fields(by_name["header"].lines)
    if "issues" not in by_name:
        older = legacy.detect(lines)
        if older:
            return legacy.parse(older, lines, source, header)
        raise OpenIMRError(Err.E107, source, detail="no 'IMR ISSUES, DECISIONS AND RATIONALES' section")
    items = read_items(by_name["issues"].lines, has_breaks)
    if not items:
        # Letters of 2013-2014 have the same headings but state each decision in a sentence.
        try:
            return legacy.parse(legacy.FORMAT_2013, lines, source, header)
        except OpenIMRError:
            raise OpenIMRError(Err.E109, source) from None
    return Letter(
        source=source,
        format=FORMAT,
        reviewer=reviewer_qualifications(by_name["how"].lines) if "how" in by_name else ReviewerQualifications(),
        case_summary=_summary(by_name["summary"].lines) if "summary" in by_name else [],
        items=items,
        **header,
    )
