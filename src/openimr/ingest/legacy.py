"""Older DWC letter formats, read as far as their own wording allows.

Two older layouts exist. The 2013 letters ("INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE",
"DOCUMENTS REVIEWED") state each decision as a numbered sentence, "1. X is not medically necessary and
appropriate", and explain it under "N) Regarding the request for X:". The "MEDICAL PROFESSIONAL REVIEW"
letters list the "ISSUE AT DISPUTE" and explain it under "RATIONALE FOR WHY ...". In both, the sentence
that states the determination is the decision: a letter in which no such sentence can be tied to an item
is refused as an unsupported format rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from openimr.errors import Err, OpenIMRError
from openimr.ingest.layout import Line, paragraphs, unwrap
from openimr.model import Letter, LetterItem

FORMAT_2013 = "dwc-2013"
FORMAT_MPR = "medical-professional-review"

_MARKERS = {
    FORMAT_2013: re.compile(r"^(INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE|DOCUMENTS REVIEWED)\b"),
    FORMAT_MPR: re.compile(r"^(MEDICAL PROFESSIONAL REVIEW|ISSUES? AT DISPUTE)\b"),
}
_STATEMENT = re.compile(
    r"(?:^|\s)(?P<n>\d{1,2})[.)]\s+(?:The\s+)?(?:requested\s+|request\s+for\s+)?(?P<title>.+?)\s+"
    r"(?:is|are|was|were)\s+(?P<neg>not\s+)?medically\s+necessary(?:\s+and\s+appropriate)?\s*\.",
    re.IGNORECASE,
)
_MPR_STATEMENT = re.compile(
    r"(?:determined|determination is|concluded) that (?:the )?(?:requested |request for )?(?P<title>.+?)\s+"
    r"(?:is|are|was|were)\s+(?P<neg>not\s+)?medically\s+necessary",
    re.IGNORECASE,
)
_BLOCK_DECISION = re.compile(
    r"(?:is|are|was|were)\s+(?P<neg>not\s+)?medically\s+necessary(?:\s+and\s+appropriate)?", re.IGNORECASE
)
_REGARDING = re.compile(r"\d{1,2}\)\s*Regarding the request for\s+(?P<title>.+?):\s*", re.IGNORECASE)
_CA_USED = re.compile(r"Medical Treatment Guideline\(s\) the Claims Administrator used:\s*", re.IGNORECASE)
_REVIEWER_USED = re.compile(r"Medical Treatment Guideline\(s\) used by the Expert Reviewer:\s*", re.IGNORECASE)
_RATIONALE = re.compile(r"Rationale for the Decision:\s*", re.IGNORECASE)


def detect(lines: Sequence[Line]) -> str | None:
    """The older format these lines are in, or None."""
    for line in lines:
        upper = line.text.upper()
        for name, marker in _MARKERS.items():
            if marker.match(upper):
                return name
    return None


def _decision(neg: str | None) -> str:
    return "Upheld" if neg else "Overturned"


def _explanations(text: str) -> list[dict[str, str | None]]:
    """Guidelines and rationale of each "N) Regarding the request for X:" block, in order."""
    blocks = list(_REGARDING.finditer(text))
    out = []
    for n, m in enumerate(blocks):
        body = text[m.end() : blocks[n + 1].start() if n + 1 < len(blocks) else len(text)]
        fields: dict[str, str | None] = {"title": m.group("title").strip(), "body": body}
        marks = [(p.search(body), key) for p, key in ((_CA_USED, "ca"), (_REVIEWER_USED, "rev"), (_RATIONALE, "rat"))]
        found = sorted(((mm.start(), mm.end(), key) for mm, key in marks if mm), key=lambda t: t[0])
        for k, (_, end, key) in enumerate(found):
            stop = found[k + 1][0] if k + 1 < len(found) else len(body)
            fields[key] = body[end:stop].strip() or None
        out.append(fields)
    return out


def _block_decision(body: str) -> str | None:
    """The decision a "Regarding the request for" block states last ("... is not medically necessary and
    appropriate")."""
    found = list(_BLOCK_DECISION.finditer(body))
    return _decision(found[-1].group("neg")) if found else None


def parse(fmt: str, lines: Sequence[Line], source: str, header: dict | None = None) -> Letter:
    """Read a letter of an older format, or refuse it with E108."""
    text = "\n".join(paragraphs(lines))
    items: list[LetterItem] = []
    if fmt == FORMAT_2013:
        seen: set[str] = set()
        for m in _STATEMENT.finditer(text):
            if m.group("n") in seen or "regarding the request" in m.group("title").lower():
                break
            seen.add(m.group("n"))
            items.append(LetterItem(title=unwrap([m.group("title")]), decision=_decision(m.group("neg"))))
        explanations = _explanations(text)
        if not items:
            # No numbered list of decisions: each explanation block states its own.
            for extra in explanations:
                decision = _block_decision(extra.get("rat") or extra.get("body") or "")
                if decision:
                    items.append(LetterItem(title=str(extra["title"]), decision=decision))
        for item, extra in zip(items, explanations, strict=False):
            item.claims_administrator_guideline = extra.get("ca")
            item.reviewer_guideline = extra.get("rev")
            item.rationale = extra.get("rat")
    else:
        for m in _MPR_STATEMENT.finditer(text):
            items.append(LetterItem(title=unwrap([m.group("title")]), decision=_decision(m.group("neg"))))
    if not items:
        raise OpenIMRError(Err.E108, source, detail=f"{fmt} letter without a decision statement for its items")
    return Letter(source=source, format=fmt, items=items, **(header or {}))
