"""A letter from the bytes of a file, whichever form it has (text or PDF)."""

from __future__ import annotations

from openimr.errors import Err, OpenIMRError
from openimr.ingest.document import bytes_to_text, is_pdf
from openimr.ingest.letter import parse_letter_text
from openimr.model import Letter

_NOT_READ_AS_LETTER = {Err.E107, Err.E108, Err.E109}


def read_letter_bytes(data: bytes, where: str) -> Letter:
    """Read a letter; a PDF whose fast text does not read as a letter is read again through pypdf."""
    text = bytes_to_text(data, where)
    try:
        return parse_letter_text(text, where)
    except OpenIMRError as err:
        if not is_pdf(data) or err.code not in _NOT_READ_AS_LETTER:
            raise
    from openimr.ingest.pdf import pdf_text_exact

    return parse_letter_text(pdf_text_exact(data, where), where)
