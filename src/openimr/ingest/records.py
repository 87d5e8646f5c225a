"""Records (progress reports, imaging reports, a review's determination...) from PDF and text files, as case
documents with their pages.

Why rebuild the text: a PDF gives lines, wrapped where the page ended them, and pages, cut wherever the paper
ran out. Read as they come, a sentence wrapped over two lines or two pages becomes two fragments, and each
fragment's words lose the cue that governed them ("no evidence of" / "radiculopathy" across a page). Lines
that continue a sentence are joined; the page's running furniture (its number, "Page 2 of 7") is dropped;
where each page begins is kept, so that evidence can be shown on its page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from openimr.errors import Err, OpenIMRError
from openimr.ingest.casefile import field_errors
from openimr.ingest.document import decode_text, is_pdf, read_bytes
from openimr.ingest.layout import normalize_newlines
from openimr.model import CaseDocument

# A line that only numbers the page ("Page 2 of 7", "- 2 -", "2", "Page 2"), at a page's top or bottom.
_PAGE_FURNITURE = re.compile(r"^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|-\s*\d+\s*-|\d{1,4}|\d+\s*/\s*\d+)\s*$", re.IGNORECASE)
_FURNITURE_LINES = 2  # how many lines at each end of a page may be furniture
# A line that ends a sentence, a heading or a list item: the next line starts afresh.
_ENDS = re.compile(r"[.!?:;]\s*$")
# A line that cannot end a sentence: a comma, a conjunction, a preposition or an article at its end.
_OPEN_END = re.compile(
    r"(?:,|\b(?:and|or|but|of|the|a|an|to|with|without|by|for|in|on|at|from|as|is|are|was|were|has|have|had|"
    r"no|not|than|that|which|who|per|x|into|over|under|after|before|since|due))\s*$",
    re.IGNORECASE,
)
_CONTINUES = re.compile(r"^\s*[a-z0-9(]")
_HYPHEN_END = re.compile(r"[A-Za-z]-$")


@dataclass(frozen=True)
class RecordText:
    text: str
    page_starts: list[int]


def _page_lines(page: str) -> list[str]:
    """The page's lines, its running furniture removed ("" marks a blank line: a paragraph break)."""
    lines = [line.rstrip() if line.strip() else "" for line in normalize_newlines(page).split("\n")]
    for _ in range(_FURNITURE_LINES + 1):
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        if lines and _PAGE_FURNITURE.match(lines[0]):
            lines.pop(0)
        if lines and _PAGE_FURNITURE.match(lines[-1]):
            lines.pop()
    return lines


def _joint(before: str, after: str) -> str:
    """What goes between two lines: nothing after a word broken by a hyphen, a space where the first line
    continues into the second, else a line break."""
    if _HYPHEN_END.search(before) and after[:1].islower():
        return ""
    if not _ENDS.search(before) and (_CONTINUES.match(after) or _OPEN_END.search(before)):
        return " "
    return "\n"


def rebuild(pages: list[str]) -> RecordText:
    """One text from a document's pages: wrapped lines and sentences cut by a page break joined, blank lines
    kept as paragraph breaks, and where each page's first line begins in the text (a page without text
    begins where the next text would)."""
    text = ""
    starts: list[int] = []
    for page in pages:
        starts.append(len(text))
        first = True
        blank_before = False  # a page break is judged by its lines, not by the blank space around them
        for line in _page_lines(page):
            if not line:
                blank_before = True
                continue
            line = line.strip()
            if text:
                joint = "\n" if blank_before else _joint(text, line)
                # a new line at a page's top that does not continue the sentence starts a new paragraph
                text += "\n\n" if joint == "\n" and (blank_before or first) else joint
            if first:
                starts[-1] = len(text)
                first = False
            text += line
            blank_before = False
    return RecordText(text, starts or [0])


def record_from_bytes(data: bytes, where: str) -> RecordText:
    """The text and pages of a record file: a PDF's pages, or a text file's pages cut by form feeds."""
    if not data.strip():
        raise OpenIMRError(Err.E102, where)
    if is_pdf(data):
        from openimr.ingest.pdf import pdf_pages  # the PDF libraries load only when a PDF comes

        pages = pdf_pages(data, where)
    else:
        pages = decode_text(data, where).split("\f")
    record = rebuild(pages)
    if not record.text.strip():
        raise OpenIMRError(Err.E102, where)
    return record


def document_from_file(path: str | Path, **fields: object) -> CaseDocument:
    """A case document from a record file on disk, titled by its file name unless ``fields`` say otherwise."""
    record = record_from_bytes(read_bytes(path), str(path))
    pages = record.page_starts if len(record.page_starts) > 1 else None
    try:
        return CaseDocument.model_validate(
            {"title": Path(path).name, **fields, "text": record.text, "page_starts": pages}
        )
    except ValidationError as exc:
        raise OpenIMRError(Err.E202, str(path), detail=field_errors(exc)) from exc
