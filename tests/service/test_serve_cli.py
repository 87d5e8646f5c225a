"""'openimr serve': a busy port is an error before any banner; the demo finds its samples from anywhere."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from openimr.demo import sample_cases
from tests.service.live import free_port, serve_refused


def test_a_busy_port_is_an_error_before_the_banner(tmp_path: Path) -> None:
    with socket.socket() as holder:
        port = free_port()
        holder.bind(("127.0.0.1", port))
        holder.listen()
        run = serve_refused(tmp_path, "--port", str(port))
    assert run.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in run.stderr
    assert "OpenIMR on http" not in run.stdout


def test_the_demo_finds_the_sample_cases_from_another_directory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert sample_cases().is_file() and sample_cases().name == "cases.jsonl"


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("mysql://kim:hunter2@db.example/imr", "names mysql, which OpenIMR does not support"),
        ("postgresql+psycopg2://kim:hunter2@db.example/imr", "names postgresql+psycopg2"),
        ("not a url", "is not a URL"),
    ],
)
def test_an_unsupported_database_url_is_a_one_line_error(tmp_path: Path, url: str, says: str) -> None:
    run = serve_refused(tmp_path, "--port", str(free_port()), database_url=url)
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and says in run.stderr and "use sqlite:///FILE or postgresql://" in run.stderr
    assert "hunter2" not in run.stderr and "Traceback" not in run.stderr
    assert "OpenIMR on http" not in run.stdout


def test_the_database_is_shown_without_its_password() -> None:
    from openimr.store.db import redacted_url, supported_url

    shown = redacted_url(supported_url("postgresql://kim:hunter2@db.example:5432/imr"))
    assert shown == "postgresql://kim:***@db.example:5432/imr"
