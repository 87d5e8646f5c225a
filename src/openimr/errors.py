"""Every error OpenIMR reports, numbered, in one place.

Why numbered: a user who meets ``E104`` in a batch log can look it up, and a test can assert the exact
problem rather than a phrase. Messages name the file (or case, or line) and the problem; callers add the
``where`` part so the same message serves the CLI, the API and the batch runner.
"""

from __future__ import annotations

from enum import StrEnum


class Err(StrEnum):
    """Numbered messages. ``{detail}`` is filled in by the raiser."""

    E101 = "cannot read the file: {detail}"
    E102 = "the file is empty"
    E103 = "the file holds binary data, not text or PDF"
    E104 = "the PDF is corrupt or unreadable: {detail}"
    E105 = "the PDF is protected by a password that is not known"
    E106 = "the PDF has no extractable text (a scanned image needs OCR first)"
    E107 = "this is not an IMR Final Determination Letter: {detail}"
    E108 = "unsupported letter format: {detail}"
    E109 = "the letter has no disputed items with a decision"
    E110 = "the file holds {count} letters one after another ({where_each}): give each letter a file of its own"
    E201 = "malformed JSON: {detail}"
    E202 = "invalid case file: {detail}"
    E203 = "the dataset has no cases"
    E204 = "unknown input kind: {detail}"
    E205 = "the JSON nests deeper than {limit} levels"
    E206 = "a number in the JSON has more digits than can be read: {detail}"
    E207 = "the case is too large: {detail}"
    E208 = "the PDF inflates to more than {limit} bytes (a compression bomb?)"
    E209 = "the PDF has {pages} pages; the limit is {limit}"
    E210 = "not a case folder: {detail}"
    E299 = "an unexpected error, which is a bug to report: {detail}"


class OpenIMRError(Exception):
    """An input problem that names where it happened and what is wrong."""

    def __init__(self, code: Err, where: str = "", **detail: str) -> None:
        self.code = code
        self.where = where
        self.detail = detail
        super().__init__(self.render())

    @property
    def message(self) -> str:
        return self.code.value.format(**{"detail": "", **self.detail}).rstrip(": ")

    def render(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}[{self.code.name}] {self.message}"
