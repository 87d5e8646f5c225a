"""The access log: a line per request with method, path, status, time and user id, never the query or case text."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from openimr.config import Settings
from openimr.web.access_log import logger
from tests.service.conftest import Tokens, application
from tests.service.live import LiveServer, serve_refused


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def lines() -> Iterator[list[str]]:
    handler = _Lines()
    logger.addHandler(handler)
    try:
        yield handler.lines
    finally:
        logger.removeHandler(handler)


def _client(settings: Settings, log_format: str) -> TestClient:
    from openimr.web.app import create_app

    return TestClient(create_app(settings.model_copy(update={"log_format": log_format})))


def test_each_request_is_a_json_line_with_its_user_and_no_query(settings, tokens: Tokens, lines) -> None:
    with _client(settings, "json") as client:
        filed = client.post("/v1/applications", json=application(), headers=tokens.header("intake"))
        assert filed.status_code == 201
        client.get("/ui/?q=Jane+Roe+lumbar", headers=tokens.header("rev1"))
        client.get("/v1/applications", headers={"Authorization": "Bearer not-a-token"})
    records = [json.loads(line) for line in lines]
    assert [(r["method"], r["path"], r["status"]) for r in records] == [
        ("POST", "/v1/applications", 201),
        ("GET", "/ui/", 200),
        ("GET", "/v1/applications", 401),
    ]
    assert records[0]["user"] is not None and records[0]["user"] != records[1]["user"]
    assert records[2]["user"] is None
    assert all(r["ms"] >= 0 and r["time"].endswith("Z") for r in records)
    logged = "\n".join(lines)
    assert "Jane" not in logged and "q=" not in logged
    assert "low back pain" not in logged  # the case text filed in the body


def test_text_lines_and_off(settings, tokens: Tokens, lines) -> None:
    with _client(settings, "text") as client:
        client.get("/health")
    assert len(lines) == 1 and lines[0].split()[1:4] == ["GET", "/health", "200"]
    assert lines[0].endswith("user=-")
    with _client(settings, "off") as client:
        client.get("/health")
    assert len(lines) == 1


def test_a_body_over_the_limit_is_logged_with_its_413(settings, lines) -> None:
    with _client(settings, "text") as client:
        answer = client.post("/v1/applications", content=b"x" * (settings.max_body_bytes + 1))
    assert answer.status_code == 413
    assert lines[-1].split()[1:4] == ["POST", "/v1/applications", "413"]


def test_serve_writes_json_lines_to_standard_error(tmp_path: Path) -> None:
    server = LiveServer(f"sqlite:///{tmp_path / 'log.db'}", tmp_path, "--log-format", "json").start()
    try:
        assert httpx.get(f"{server.url}/docs?token=secret").status_code == 200
    finally:
        server.stop()
    records = [json.loads(line) for line in server.stderr.splitlines() if line.startswith("{")]
    assert {"method": "GET", "path": "/docs", "status": 200} in [
        {k: r[k] for k in ("method", "path", "status")} for r in records
    ]
    assert "secret" not in server.stderr


def test_an_unknown_log_format_is_refused_before_the_server_starts(tmp_path: Path) -> None:
    run = serve_refused(tmp_path, "--log-format", "xml")
    assert run.returncode == 2
    assert "--log-format must be one of text, json, off" in run.stderr
    assert "OpenIMR on http" not in run.stdout
