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

    @property
    def expected(self) -> list | None:
        """The real reviewers' decisions, when the input carries them: a letter's, or a record's ``expected``."""
        if self.letter is not None:
            return [item.decision for item in self.letter.items]
        value = self.record.get("expected")
        return value if isinstance(value, list) else None


def _is_json(data: bytes) -> bool:
    head = data.lstrip()[:1]
    return head in (b"{", b"[")


def iter_case_inputs(paths: Iterable[str | Path]) -> Iterator[CaseInput]:
    """Cases from case files (JSON object, array or JSONL), from case folders (a ``case.json`` manifest and the
    record files beside it) and from letters (text or PDF), in order.

    A file or record that cannot be read yields a ``CaseInput`` with its error; the rest go on."""
    for path in paths:
        where = str(path)
        try:
            if Path(path).is_dir():
                from openimr.ingest.casefolder import case_from_folder

                yield CaseInput(where, case=case_from_folder(path))
                continue
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


# --- review and evaluation ------------------------------------------------------------------------------


def review(case: Case | dict, refer_below: float | None = None):
    """Decide every disputed item of a case (a ``Case`` or a dict in the case-file contract); items whose
    confidence is under ``refer_below`` are marked for referral to a physician reviewer."""
    from openimr.engine.decide import review_case
    from openimr.ingest.casefile import case_from_dict

    if isinstance(case, dict):
        case = case_from_dict(case, "<case>")
    return review_case(case, refer_below=refer_below)


def evaluate(paths: Iterable[str | Path], reasons: str | Path | None = None, confidence: bool = False):
    """Score the engine against real decisions: JSONL cases with ``expected``, or letters. With ``reasons``
    (a JSONL file of the reviewers' reasons per item), also how often it is right for the right reason; with
    ``confidence``, how well the confidence ranks and calibrates, from cross-validated confidences (each
    item's from a model fitted on the other cases' items).

    Returns (Agreement, errors) where errors are the inputs that could not be read or scored."""
    from openimr.eval.metrics import Scored, agreement
    from openimr.eval.reasons import load_annotations, score_reasons

    annotations = load_annotations(reasons) if reasons else None
    decided: list = []
    scored: list[Scored] = []
    errors: list[OpenIMRError] = []
    for inp in iter_case_inputs(paths):
        if inp.error or inp.case is None:
            errors.append(inp.error or OpenIMRError(Err.E202, inp.where, detail="no case"))
            continue
        expected = inp.expected
        if expected is None or len(expected) != len(inp.case.requests):
            errors.append(
                OpenIMRError(Err.E202, inp.where, detail="field 'expected': one decision per request is needed")
            )
            continue
        result = review(inp.case)
        for n, (det, exp) in enumerate(zip(result.determinations, expected, strict=True)):
            scored.append(Scored(inp.case.id, det.request, det.category, exp, det.decision))
            decided.append((str(inp.case.id), n, exp, det))
    measured = agreement(scored)
    if confidence:
        measured.confidence = _confidence_measures(decided)
    if annotations is not None:
        by_reason = score_reasons(decided, annotations)
        measured.reasons = {
            "annotated": by_reason.annotated,
            "right": by_reason.right,
            "right_for_the_right_reason": by_reason.right_for_reason,
            "rate": by_reason.rate,
            "right_for_another_reason": by_reason.wrong_reason,
        }
    return measured, errors


def _confidence_measures(decided: list) -> dict:
    from openimr.engine.confidence import signals
    from openimr.eval.calibration import Item, accuracy_at, auc, cross_validated, reliability

    items = [Item(case_id, signals(det), det.decision == expected) for case_id, _, expected, det in decided]
    correct = [i.correct for i in items]
    cv = cross_validated(items, folds=min(5, len({i.case_id for i in items})))
    return {
        "auc": auc(cv, correct),
        "reliability": reliability(cv, correct, bins=10),
        "accuracy_at": {f"{int(c * 100)}%": accuracy_at(cv, correct, c) for c in (0.6, 0.8, 1.0)},
    }


def render_letter(case: Case, result, fmt: str = "text", letter: Letter | None = None, context=None) -> str | bytes:
    """The Final Determination Letter of a reviewed case: ``text``, ``html`` (str) or ``pdf`` (bytes). With the
    service's ``context`` (a ``render.view.LetterContext``) it is the reviewer's determination; without it, the
    engine's draft recommendation."""
    from openimr.render import letter as render

    if fmt == "text":
        return render.render_text(case, result, letter, context)
    if fmt == "html":
        return render.render_html(case, result, letter, context)
    if fmt == "pdf":
        return render.render_pdf(case, result, letter, context)
    raise ValueError(f"unknown letter format {fmt!r}")
