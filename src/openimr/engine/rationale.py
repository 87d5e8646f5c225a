"""Rationales in plain clinical English, composed from the criteria and the words of the record.

Every sentence is built from the guideline file's own criterion text (written in our words), the facts'
values and quotations of the record; nothing is copied from published letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from openimr.engine.evaluate import CriterionOutcome, GuidelineOutcome
from openimr.guidelines.schema import Citation

_PLACEHOLDER = re.compile(r"\{([a-z_]+\.[a-z_]+)\}")
_QUOTE_MAX = 140


def fill(text: str, lookup: Callable[[str], object]) -> str:
    """Replace ``{request.count}``-style placeholders with values ('not stated' when unknown)."""

    def sub(m: re.Match[str]) -> str:
        value = lookup(m.group(1))
        if value is None:
            return "not stated"
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, list):
            return ", ".join(str(v) for v in value) or "none"
        return str(value)

    return _PLACEHOLDER.sub(sub, text)


def cite(citation: Citation, section: str | None = None, pages: str | None = None) -> str:
    """'MTUS Acupuncture Medical Treatment Guidelines (9792.24.1, pages 8-9, 2007)'."""
    parts = [p for p in (section or citation.section, _pages(pages or citation.pages), citation.edition) if p]
    own_name = citation.title.startswith((citation.source, "Official Disability", "ACOEM"))
    title = citation.title if own_name else f"{citation.source} {citation.title}"
    return f"{title} ({', '.join(parts)})" if parts else title


def _pages(pages: str | None) -> str | None:
    if not pages:
        return None
    return f"page {pages}" if re.fullmatch(r"\d+", pages) else f"pages {pages}"


def _quote(outcome: CriterionOutcome, summary: str) -> str:
    """The words of the record around the first evidence span: its sentence, trimmed at word boundaries, and
    long enough to hold the other spans of that sentence ("splinting ... gave only temporary relief" shows
    the result with the care)."""
    if not outcome.evidence:
        return ""
    span = outcome.evidence[0]
    previous = summary.rfind(". ", 0, span["start"])
    start = previous + 2 if previous >= 0 else 0  # the record's first sentence keeps its first letter
    if span["start"] - start > 70:
        start = summary.find(" ", span["start"] - 70) + 1
    end = summary.find(". ", span["end"])
    end = len(summary) if end == -1 else end
    last = max((e["end"] for e in outcome.evidence if span["start"] <= e["start"] < end), default=span["end"])
    if end - last > 70:
        end = summary.rfind(" ", last, last + 70)
    words = " ".join(summary[start:end].split()).rstrip(".")
    if len(words) > _QUOTE_MAX:
        words = words[: _QUOTE_MAX - 3].rsplit(" ", 1)[0] + "..."
    return f' ("{words}")'


def criterion_sentence(outcome: CriterionOutcome, summary: str, lookup: Callable[[str], object]) -> str:
    text = fill(outcome.criterion.text.strip(), lookup).rstrip(".")
    if outcome.met is True:
        return f"{text}: met{_quote(outcome, summary)}."
    if outcome.met is False:
        return f"{text}: not met{_quote(outcome, summary)}."
    missing = fill(outcome.criterion.missing or "what this requires", lookup)
    return f"{text}: the record does not document {missing}."


def compose(
    result: GuidelineOutcome,
    summary: str,
    lookup: Callable[[str], object],
    subject: str,
    notes: list[str] | None = None,
) -> str:
    """The rationale: the governing guideline, each criterion with the record's words, the conclusion, and
    the ``notes`` a reader must know about the guideline's standing (a superseded text, the formulary)."""
    spec = result.guideline.spec
    lines = [f"The {cite(spec.citation)} govern this request for {subject}."]
    if spec.recommendation == "not_recommended":
        lines.append(fill(spec.decision.upheld_reason or "The guideline does not recommend this treatment.", lookup))
    for cid in result.considered:
        outcome = result.outcomes.get(cid)
        if outcome is not None:
            lines.append(criterion_sentence(outcome, summary, lookup))
    if result.decision == "Overturned":
        lines.append("The criteria of the guideline are met, so the request is medically necessary.")
    else:
        lines.append(
            "Medical necessity is not established under the guideline, so the request is not medically necessary."
        )
    lines += notes or []
    return " ".join(lines)


def standing_notes(spec, day, is_drug: bool, defs: dict) -> list[str]:  # noqa: ANN001 - a guideline spec, a date
    """What the reader must know of the guideline's standing on ``day``: that the MTUS has since incorporated
    another text for the topic, and that a drug also falls under the formulary."""
    notes = []
    if spec.superseded is not None and day >= spec.superseded.since:
        notes.append(
            f"From {spec.superseded.since.isoformat()} the MTUS incorporates {spec.superseded.by} for this topic; "
            "the criteria applied here are those of the earlier MTUS text, not verified against the new one."
        )
    if is_drug and defs.get("drug_formulary"):
        notes.append(
            f"The drug also falls under {defs['drug_formulary']}; whether it needs prospective review (Exempt or "
            "Non-Exempt on the MTUS Drug List) is a separate question that this review does not decide."
        )
    return notes
