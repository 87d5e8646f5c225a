"""'openimr serve': a busy port is an error before any banner; the demo finds its samples from anywhere."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

from openimr.demo import sample_cases
from tests.service.live import OPENIMR, free_port


def test_a_busy_port_is_an_error_before_the_banner(tmp_path: Path) -> None:
    with socket.socket() as holder:
        port = free_port()
        holder.bind(("127.0.0.1", port))
        holder.listen()
        run = subprocess.run(
            [OPENIMR, "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
            env={**os.environ, "OPENIMR_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"},
        )
    assert run.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in run.stderr
    assert "OpenIMR on http" not in run.stdout


def test_the_demo_finds_the_sample_cases_from_another_directory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert sample_cases().is_file() and sample_cases().name == "cases.jsonl"
