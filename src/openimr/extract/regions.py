"""Body regions and sides named in a text."""

from __future__ import annotations

import re
from functools import cache

from openimr.vocabulary import body_regions, phrase_pattern

_LEVEL = re.compile(r"\b([CTLS])\s?(\d{1,2})\b(?:\s*-\s*[CTLS]?\s?\d{1,2})?", re.IGNORECASE)
_SIDE = re.compile(r"\b(bilateral|both|left|right|lt|rt)\b", re.IGNORECASE)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {name: p for name, terms in body_regions().regions.items() if (p := phrase_pattern(terms))}


def find_regions(text: str) -> list[str]:
    """Regions named in ``text``, in order of first mention, without repeats."""
    found: list[tuple[int, str]] = []
    for name, pattern in _patterns().items():
        if m := pattern.search(text):
            found.append((m.start(), name))
    for m in _LEVEL.finditer(text):
        region = body_regions().spine_levels.get(m.group(1).upper())
        if region:
            found.append((m.start(), region))
    seen: list[str] = []
    for _, name in sorted(found):
        if name not in seen:
            seen.append(name)
    return seen


def find_region_spans(text: str) -> list[tuple[int, int, str]]:
    """Every (start, end, region) named in ``text``, in order of position."""
    found: list[tuple[int, int, str]] = []
    for name, pattern in _patterns().items():
        found += [(m.start(), m.end(), name) for m in pattern.finditer(text)]
    for m in _LEVEL.finditer(text):
        region = body_regions().spine_levels.get(m.group(1).upper())
        if region:
            found.append((m.start(), m.end(), region))
    return sorted(found)


def find_sides(text: str) -> list[str]:
    """'left', 'right' and/or 'bilateral' as named in ``text``."""
    sides = []
    for m in _SIDE.finditer(text):
        word = m.group(1).lower()
        side = {"lt": "left", "rt": "right", "both": "bilateral"}.get(word, word)
        if side not in sides:
            sides.append(side)
    return sides
