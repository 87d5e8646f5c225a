"""Sections of a clinical note by their headings (resources/sections.yaml): a list under "Plan:" is asked for,
the lines under "Subjective:" are the worker's complaints.

Why headings of their own line only: notes written as lists carry their meaning in the heading above the
lines, which the sentences under it do not repeat; a heading inside a sentence ("Subjective: tingling") is
read with its sentence (mentions.reported_by_worker).
"""

from __future__ import annotations

import re
from functools import cache

from openimr.vocabulary import load_resource

# Any heading of its own line: where the section above it ends.
_ANY_HEADING = re.compile(r"^[ \t]*[A-Za-z][A-Za-z /&()'-]{0,40}:", re.MULTILINE)


@cache
def _heading(kind: str) -> re.Pattern[str]:
    headings = load_resource("sections.yaml")["sections"][kind]["headings"]
    return re.compile(rf"^[ \t]*(?:{'|'.join(headings)})\b[^:\n]{{0,30}}:", re.IGNORECASE | re.MULTILINE)


def section_kinds() -> list[str]:
    return list(load_resource("sections.yaml")["sections"])


def headed_sections(text: str, kind: str) -> list[tuple[int, int]]:
    """Character spans of the sections of ``kind``: from each heading line of that kind to the next heading
    line or blank line."""
    spans = []
    for found in _heading(kind).finditer(text):
        following = _ANY_HEADING.search(text, found.end())
        blank = text.find("\n\n", found.end())
        ends = [e for e in (following.start() if following else -1, blank) if e >= 0]
        spans.append((found.start(), min(ends) if ends else len(text)))
    return spans
