"""Lines and paragraphs of extracted letter text.

Text extracted from DWC PDFs wraps every line and marks paragraphs in one of several ways: a line holding
only spaces (pypdf), an empty line after every wrapped line with the paragraph mark as a run of them
(double-spaced text), plain empty lines (hand-cleaned text), or nothing at all. ``layout`` finds which one
a document uses and returns each non-empty line with a flag saying whether a paragraph starts there, so
the readers above never look at blank lines themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Line:
    """A non-blank line of the document, stripped; ``para_start`` when a paragraph break precedes it."""

    text: str
    para_start: bool


def normalize_newlines(text: str) -> str:
    """CRLF, CR and form feeds become newlines; non-breaking spaces become spaces."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\xa0", " ")


def layout(text: str) -> tuple[list[Line], bool]:
    """The document's lines and whether it marks paragraphs at all (False: every line is one flow)."""
    raw = normalize_newlines(text).split("\n")
    space_only = sum(1 for line in raw if line and not line.strip())
    empty = sum(1 for line in raw if not line)
    filled = len(raw) - space_only - empty

    if space_only:
        is_break = [bool(line) and not line.strip() for line in raw]
        min_run = 1
    elif empty and empty >= 0.6 * filled:
        is_break = [not line for line in raw]
        min_run = 2
    elif empty:
        is_break = [not line for line in raw]
        min_run = 1
    else:
        is_break = [False] * len(raw)
        min_run = 1

    lines: list[Line] = []
    run = 0
    for line, brk in zip(raw, is_break, strict=True):
        if not line.strip():
            run += 1 if brk else 0
            continue
        lines.append(Line(_WS.sub(" ", line.strip()), para_start=run >= min_run))
        run = 0
    return lines, any(line.para_start for line in lines[1:])


def unwrap(lines: Iterable[str]) -> str:
    """Join wrapped lines into one string: a line that ends in a hyphen after a letter or digit joins the
    next without a space (``1-`` / ``3 times`` reads ``1-3 times``); white space is folded."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif len(out) >= 2 and out.endswith("-") and out[-2].isalnum():
            out += line
        else:
            out += " " + line
    return _WS.sub(" ", out).strip()


def paragraphs(lines: Sequence[Line]) -> list[str]:
    """Unwrapped paragraphs of a run of lines."""
    groups: list[list[str]] = []
    for line in lines:
        if line.para_start or not groups:
            groups.append([])
        groups[-1].append(line.text)
    return [p for p in (unwrap(g) for g in groups) if p]
