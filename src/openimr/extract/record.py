"""The record the engine reads: the case summary and the case file's documents in one text, with where each
part lies, what kind it is, and whether what it says can be a finding about the worker.

Why one text: every fact reads the record as a whole (a course's visits may be in one note and its benefit in
another). Why the parts: each is read apart (no sentence runs from one document into the next), a document
without findings speaks only of the request, and evidence found in a document is given back with the
document's own offsets and page.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass

from openimr.extract.documents import classify_document, document_kinds
from openimr.extract.plain import plain
from openimr.model import Case

SUMMARY = "summary"
# Between two parts: a blank line, which also ends any list heading's section.
SEPARATOR = "\n\n"


@dataclass(frozen=True)
class RecordPart:
    """Where one part lies in the record's text."""

    start: int
    end: int
    document: int | None  # index in the case's documents; None: the summary
    kind: str
    findings: bool
    page_starts: tuple[int, ...] = ()
    date: dt.date | None = None  # the document's date; None for the summary or an undated document


@dataclass(frozen=True)
class Place:
    """Where words of the record are in the case file."""

    start: int
    end: int
    document: int | None
    page: int | None


@dataclass(frozen=True)
class Record:
    text: str
    parts: tuple[RecordPart, ...]

    def spans(self) -> list[tuple[int, int, bool]]:
        """(start, end, findings) of each part: how the mentions are read."""
        return [(p.start, p.end, p.findings) for p in self.parts]

    def not_findings(self) -> list[tuple[int, int]]:
        return [(p.start, p.end) for p in self.parts if not p.findings]

    def _part_at(self, offset: int) -> RecordPart:
        starts = [p.start for p in self.parts]
        return self.parts[max(bisect_right(starts, offset) - 1, 0)]

    def date_at(self, offset: int) -> dt.date | None:
        """The date of the document the record's character ``offset`` is in (None in the summary or an
        undated document)."""
        return self._part_at(offset).date

    def place(self, start: int, end: int) -> Place:
        """Where the record's characters ``start:end`` are: in the summary, or in a document and on its page."""
        part = self._part_at(start)
        if part.document is None:
            return Place(start, end, None, None)
        local_start, local_end = start - part.start, min(end, part.end) - part.start
        page = bisect_right(part.page_starts, local_start) if part.page_starts else None
        return Place(local_start, local_end, part.document, page)


def assemble_record(case: Case) -> Record:
    """The summary, then each document in the case file's order, separated by a blank line. Texts are
    normalized one character for one (``plain``): offsets stay those of the case file."""
    kinds = document_kinds()
    text = plain(case.case_summary)
    parts = [RecordPart(0, len(text), None, SUMMARY, True)]
    for n, document in enumerate(case.documents):
        kind = document.kind or classify_document(document.text, document.title)
        start = len(text) + len(SEPARATOR)
        text += SEPARATOR + plain(document.text)
        pages = tuple(document.page_starts or ())
        parts.append(RecordPart(start, len(text), n, kind, kinds[kind].findings, pages, document.date))
    return Record(text, tuple(parts))
