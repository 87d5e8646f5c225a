"""A real ``openimr serve`` process on a free localhost port, for tests that need a server to kill or browse."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

OPENIMR = str(Path(sys.executable).with_name("openimr"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_refused(cwd: Path, *options: str, database_url: str | None = None) -> subprocess.CompletedProcess:
    """``openimr serve`` run for a start it must refuse (a busy port, a bad option or database URL): it ends
    by itself, and its output is returned."""
    return subprocess.run(
        [OPENIMR, "serve", *options],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, "OPENIMR_DATABASE_URL": database_url or f"sqlite:///{cwd / 'x.db'}"},
    )


class LiveServer:
    def __init__(self, db_url: str, cwd: Path, *options: str) -> None:
        self.db_url = db_url
        self.cwd = cwd
        self.options = options
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        # standard error goes to a file, not a pipe nobody reads: the access log writes a line per request
        self.stderr_path = cwd / f"serve-{self.port}.stderr"

    @property
    def stderr(self) -> str:
        return self.stderr_path.read_text() if self.stderr_path.exists() else ""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LiveServer:
        env = {**os.environ, "OPENIMR_DATABASE_URL": self.db_url}
        with self.stderr_path.open("w") as stderr:
            self.process = subprocess.Popen(
                [OPENIMR, "serve", "--port", str(self.port), *self.options],
                cwd=self.cwd,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.stderr[-2000:]}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("server did not start in 30 s")

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, as when a machine loses power."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
