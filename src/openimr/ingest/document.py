"""Read a file (text or PDF) into text, or say exactly why it cannot be read."""

from __future__ import annotations

from pathlib import Path

from openimr.errors import Err, OpenIMRError

_PDF_MAGIC = b"%PDF-"


def _looks_binary(data: bytes) -> bool:
    """True for data that no letter or case file would be: NUL bytes or mostly control characters."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def decode_text(data: bytes, where: str) -> str:
    """Decode bytes of a text file: UTF-8 (with or without BOM), else Windows-1252 as DWC text often is."""
    if _looks_binary(data):
        raise OpenIMRError(Err.E103, where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def is_pdf(data: bytes) -> bool:
    """A PDF by its magic number (some writers put white space before it)."""
    return data.lstrip()[:5] == _PDF_MAGIC


def bytes_to_text(data: bytes, where: str) -> str:
    """The text of a document given as bytes: a PDF by its magic number, else text."""
    if not data.strip():
        raise OpenIMRError(Err.E102, where)
    if is_pdf(data):
        from openimr.ingest.pdf import pdf_text  # the PDF libraries load only when a PDF comes

        return pdf_text(data, where)
    text = decode_text(data, where)
    if not text.strip():
        raise OpenIMRError(Err.E102, where)
    return text


def read_bytes(path: str | Path) -> bytes:
    """Read a file, turning every OS error into a numbered error that names the file."""
    try:
        return Path(path).read_bytes()
    except IsADirectoryError as exc:
        raise OpenIMRError(Err.E101, str(path), detail="it is a directory") from exc
    except OSError as exc:
        raise OpenIMRError(Err.E101, str(path), detail=exc.strerror or str(exc)) from exc


def read_document(path: str | Path) -> str:
    """The text of a letter or case file on disk."""
    return bytes_to_text(read_bytes(path), str(path))
