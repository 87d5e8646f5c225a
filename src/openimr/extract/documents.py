"""The kind of each document of a case file (resources/document_kinds.yaml): a progress report, an imaging
report, a utilization review's determination... The kind decides whether what a document says can be a
finding about the worker: a utilization review quotes guideline criteria that are not the worker's signs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from openimr.vocabulary import load_resource

OTHER = "other"
# A first line this short is the document's heading ("MRI LUMBAR SPINE", "Notice of Modification"); a longer
# one is a sentence of its body, whose words ("the MRI was denied") say nothing of the document's kind.
HEADING_CHARS = 80


@dataclass(frozen=True)
class DocumentKind:
    name: str
    label: str
    findings: bool
    title: tuple[re.Pattern[str], ...]
    body: tuple[re.Pattern[str], ...]


def _cues(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(
        re.compile(rf"(?<!\w){p}(?!\w)" if p[-1].isalnum() else rf"(?<!\w){p}", re.IGNORECASE) for p in patterns
    )


@dataclass(frozen=True)
class _Vocabulary:
    kinds: dict[str, DocumentKind]
    classify_chars: int
    min_body_cues: int
    min_body_cues_without_findings: int


@cache
def _vocabulary() -> _Vocabulary:
    data = load_resource("document_kinds.yaml")
    kinds = {
        name: DocumentKind(name, spec["label"], bool(spec["findings"]), _cues(spec["title"]), _cues(spec["body"]))
        for name, spec in data["kinds"].items()
    }
    if OTHER not in kinds:
        raise ValueError(f"document_kinds.yaml must define the kind '{OTHER}'")
    return _Vocabulary(
        kinds, int(data["classify_chars"]), int(data["min_body_cues"]), int(data["min_body_cues_without_findings"])
    )


def document_kinds() -> dict[str, DocumentKind]:
    """Every kind of document, by name, in the order the file gives them (the order title cues are tried)."""
    return _vocabulary().kinds


def classify_document(text: str, title: str | None = None) -> str:
    """The kind of a document the case file does not name: by a title cue in its title or first line, else by
    the body cues of its beginning, else ``other``."""
    vocabulary = _vocabulary()
    first_line = text.strip().split("\n", 1)[0]
    headings = [title or ""] + ([first_line] if len(first_line) <= HEADING_CHARS else [])
    for heading in headings:
        for kind in vocabulary.kinds.values():
            if any(cue.search(heading) for cue in kind.title):
                return kind.name
    beginning = text[: vocabulary.classify_chars]
    counts = {name: sum(1 for cue in kind.body if cue.search(beginning)) for name, kind in vocabulary.kinds.items()}
    with_findings = max((n for name, n in counts.items() if vocabulary.kinds[name].findings), default=0)
    best = max(counts, key=lambda name: counts[name])
    if not vocabulary.kinds[best].findings and (
        counts[best] < vocabulary.min_body_cues_without_findings or with_findings >= vocabulary.min_body_cues
    ):
        best = max((name for name in counts if vocabulary.kinds[name].findings), key=lambda name: counts[name])
    return best if counts[best] >= vocabulary.min_body_cues else OTHER
