"""The one set of functions every interface calls: CLI, HTTP service, batch runner and tests.

No rule, threshold or parsing trick lives in an interface; they all come through here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openimr.errors import Err, OpenIMRError
from openimr.ingest.casefile import case_from_letter, iter_cases_from_text
from openimr.ingest.document import decode_text, read_bytes
from openimr.ingest.letter import parse_letter_text
from openimr.ingest.reader import read_letter_bytes
from openimr.model import Case, Letter

__all__ = ["CaseInput", "iter_case_inputs", "letter_to_case", "parse_letter", "parse_letter_file"]


def parse_letter(text: str, source: str = "<text>") -> Letter:
    """Read a Final Determination Letter given as text."""
    return parse_letter_text(text, source)


def parse_letter_file(path: str | Path) -> Letter:
    """Read a Final Determination Letter from a text or PDF file."""
    return read_letter_bytes(read_bytes(path), str(path))


def letter_to_case(letter: Letter) -> Case:
    """The redacted case file a letter describes."""
    return case_from_letter(letter)


@dataclass
class CaseInput:
    """One case read from an input, or the error that stopped it. ``record`` is the raw JSON object
    (it may hold ``expected`` labels for evaluation); ``letter`` is set when the case came from a letter."""

    where: str
    case: Case | None = None
    error: OpenIMRError | None = None
    record: dict = field(default_factory=dict)
    letter: Letter | None = None


def _is_json(data: bytes) -> bool:
    head = data.lstrip()[:1]
    return head in (b"{", b"[")


def iter_case_inputs(paths: Iterable[str | Path]) -> Iterator[CaseInput]:
    """Cases from case files (JSON object, array or JSONL) and from letters (text or PDF), in order.

    A file or record that cannot be read yields a ``CaseInput`` with its error; the rest go on."""
    for path in paths:
        where = str(path)
        try:
            data = read_bytes(path)
            if not data.strip():
                raise OpenIMRError(Err.E102, where)
            if _is_json(data):
                text = decode_text(data, where)
                for rec_where, case_or_err, record in iter_cases_from_text(text, where):
                    if isinstance(case_or_err, OpenIMRError):
                        yield CaseInput(rec_where, error=case_or_err, record=record)
                    else:
                        yield CaseInput(rec_where, case=case_or_err, record=record)
            else:
                letter = read_letter_bytes(data, where)
                yield CaseInput(where, case=case_from_letter(letter), letter=letter)
        except OpenIMRError as err:
            yield CaseInput(where, error=err)
