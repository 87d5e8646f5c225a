"""Bad input: each gives a numbered error that names the file, and nothing else is lost."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfWriter

from openimr import api
from openimr.errors import Err, OpenIMRError


def _pdf(password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if password:
        writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


CASES = {
    "empty.txt": (b"", Err.E102),
    "blank.txt": (b"  \n\n \n", Err.E102),
    "binary.bin": (bytes(range(256)) * 8, Err.E103),
    "corrupt.pdf": (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without xref", Err.E104),
    "protected.pdf": (_pdf("secret"), Err.E105),
    "image-only.pdf": (_pdf(), Err.E106),
    "not-a-letter.txt": (b"Shopping list: eggs, milk.\n", Err.E107),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_file_gives_its_numbered_error_naming_the_file(tmp_path: Path, name: str) -> None:
    data, code = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(OpenIMRError) as info:
        api.parse_letter_file(path)
    assert info.value.code is code
    assert str(path) in str(info.value)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(OpenIMRError) as info:
        api.parse_letter_file(tmp_path / "nope.pdf")
    assert info.value.code is Err.E101
    assert "nope.pdf" in str(info.value)


def test_directory_is_not_a_letter(tmp_path: Path) -> None:
    with pytest.raises(OpenIMRError) as info:
        api.parse_letter_file(tmp_path)
    assert info.value.code is Err.E101
    assert "directory" in str(info.value)


def test_cp1252_text_is_read() -> None:
    from openimr.ingest.document import bytes_to_text

    assert bytes_to_text("the worker\u2019s knee".encode("cp1252"), "x") == "the worker\u2019s knee"
