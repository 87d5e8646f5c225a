"""Text out of PDF letters, encrypted ones included.

Two real PDF libraries, one job each:

* ``pypdfium2`` (PDFium, the engine of Chromium's viewer) is the fast path, about ten times faster than
  pure-Python extraction on these letters. It gives lines but no paragraph marks, so a line whose
  baseline sits well below the one before (more than 1.5 of the page's usual line step) gets a
  space-only line before it: the same mark pypdf writes, which the letter reader understands. PDFium
  writes a line-end hyphen as U+FFFE; it becomes a hyphen again.
* ``pypdf`` (with ``cryptography`` for the AES-encrypted DWC files) extracts text in exactly the form of
  the corpus's text letters. It is the second opinion: the letter reader retries with it when the fast
  text does not read as a letter.

DWC letters open with an empty user password; one that needs another password is refused (E105).
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import zlib

import pypdfium2 as pdfium
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from openimr.config import settings
from openimr.errors import Err, OpenIMRError

logging.getLogger("pypdf").setLevel(logging.ERROR)

_PARAGRAPH_GAP = 1.5
_PDFIUM_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD


def _pdfium_page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        rows: list[tuple[float | None, str]] = []
        pos = 0
        for raw in text.split("\r\n"):
            index = pos + len(raw) - len(raw.lstrip())
            pos += len(raw) + 2
            if not raw.strip() or index >= count:
                rows.append((None, raw))
                continue
            rows.append((textpage.get_charbox(index)[1], raw))
    finally:
        textpage.close()
    baselines = [b for b, _ in rows if b is not None]
    steps = [a - b for a, b in zip(baselines, baselines[1:], strict=False) if a - b > 0]
    step = statistics.median(steps) if steps else 0.0
    out: list[str] = []
    previous: float | None = None
    for baseline, raw in rows:
        if baseline is not None and previous is not None and step and previous - baseline > _PARAGRAPH_GAP * step:
            out.append(" ")
        out.append(raw.replace("\ufffe", "-").replace("\x02", "-"))
        if baseline is not None:
            previous = baseline
    return "\n".join(out)


_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 20


def check_inflated_size(data: bytes, where: str) -> None:
    """Refuse a PDF whose compressed streams inflate beyond the limit (E208) before any library inflates
    them: a stream of a few hundred kilobytes can hold gigabytes of zeros. Each Flate stream is inflated in
    bounded pieces and counted, never kept. Streams that are not Flate, or are encrypted (the DWC letters'
    are), do not inflate here and count as their stored size."""
    limit = settings().max_pdf_inflated_bytes
    total = 0
    for found in _STREAM.finditer(data):
        end = data.find(b"endstream", found.end())
        raw = data[found.end() : end if end >= 0 else len(data)]
        inflater = zlib.decompressobj()
        try:
            piece = inflater.decompress(raw, _CHUNK)
            total += len(piece)
            while inflater.unconsumed_tail and total <= limit:
                piece = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
                total += len(piece)
        except zlib.error:
            total += len(raw)
        if total > limit:
            raise OpenIMRError(Err.E208, where, limit=f"{limit:,}")


def _check_pages(count: int, where: str) -> None:
    limit = settings().max_pdf_pages
    if count > limit:
        raise OpenIMRError(Err.E209, where, pages=str(count), limit=str(limit))


def pdf_pages_fast(data: bytes, where: str) -> list[str]:
    """Every page's text through PDFium."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PDFIUM_PASSWORD_ERROR:
            raise OpenIMRError(Err.E105, where) from exc
        raise OpenIMRError(Err.E104, where, detail=str(exc)) from exc
    try:
        _check_pages(len(document), where)
        pages = [_pdfium_page_text(document[i]) for i in range(len(document))]
    except pdfium.PdfiumError as exc:
        raise OpenIMRError(Err.E104, where, detail=str(exc)) from exc
    finally:
        document.close()
    if not "".join(pages).strip():
        raise OpenIMRError(Err.E106, where)
    return pages


def pdf_text_fast(data: bytes, where: str) -> str:
    """Every page's text through PDFium, pages separated by a newline."""
    return "\n".join(pdf_pages_fast(data, where))


def pdf_pages_exact(data: bytes, where: str) -> list[str]:
    """Every page's text through pypdf, in the form of the corpus's text letters."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise OpenIMRError(Err.E105, where)
        _check_pages(len(reader.pages), where)
        pages = [page.extract_text() or "" for page in reader.pages]
    except OpenIMRError:
        raise
    except FileNotDecryptedError as exc:
        raise OpenIMRError(Err.E105, where) from exc
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of exception on broken files
        raise OpenIMRError(Err.E104, where, detail=f"{type(exc).__name__}: {exc}") from exc
    if not "".join(pages).strip():
        raise OpenIMRError(Err.E106, where)
    return pages


def pdf_text_exact(data: bytes, where: str) -> str:
    """Every page's text through pypdf, pages separated by a newline."""
    return "\n".join(pdf_pages_exact(data, where))


def pdf_pages(data: bytes, where: str) -> list[str]:
    """The text of each page of a PDF: PDFium's; pypdf's when PDFium cannot open it for a reason other than
    a password."""
    check_inflated_size(data, where)
    try:
        return pdf_pages_fast(data, where)
    except OpenIMRError as err:
        if err.code in (Err.E105, Err.E208, Err.E209):
            raise
        return pdf_pages_exact(data, where)


def pdf_text(data: bytes, where: str) -> str:
    """The text of a PDF, pages separated by a newline (``pdf_pages``)."""
    return "\n".join(pdf_pages(data, where))
