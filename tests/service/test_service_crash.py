"""Killing the server in the middle of intake loses nothing; a retried POST with the same key gives the same
application."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx

from tests.service.conftest import Tokens, application
from tests.service.live import LiveServer


def test_kill_during_intake_then_retry_with_the_same_key(db_url: str, tokens: Tokens, tmp_path: Path) -> None:
    server = LiveServer(db_url, tmp_path).start()
    headers = {**tokens.header("intake"), "Idempotency-Key": "crash-1"}
    body = application(received="2016-11-11T09:00:00")
    outcome: dict = {}

    def post() -> None:
        try:
            outcome["response"] = httpx.post(f"{server.url}/v1/applications", json=body, headers=headers, timeout=10)
        except httpx.HTTPError as exc:
            outcome["error"] = exc

    try:
        sender = threading.Thread(target=post)
        sender.start()
        server.kill()  # somewhere in the request: before, during or after the commit
        sender.join(timeout=15)
    finally:
        server.stop()

    server = LiveServer(db_url, tmp_path).start()
    try:
        retried = httpx.post(f"{server.url}/v1/applications", json=body, headers=headers, timeout=10)
        assert retried.status_code in (200, 201), retried.text
        if "response" in outcome and outcome["response"].status_code in (200, 201):
            assert retried.status_code == 200
            assert retried.json()["id"] == outcome["response"].json()["id"]
        again = httpx.post(f"{server.url}/v1/applications", json=body, headers=headers, timeout=10)
        assert again.status_code == 200 and again.json()["id"] == retried.json()["id"]
        listed = httpx.get(f"{server.url}/v1/applications", headers=tokens.header("admin"), timeout=10).json()
        assert [a["id"] for a in listed] == [retried.json()["id"]]
        assert listed[0]["requests"] == [r["text"] for r in body["case"]["requests"]]
    finally:
        server.stop()


def test_completed_intake_survives_a_kill(db_url: str, tokens: Tokens, tmp_path: Path) -> None:
    server = LiveServer(db_url, tmp_path).start()
    headers = {**tokens.header("intake"), "Idempotency-Key": "crash-2"}
    body = application(received="2016-11-11T09:00:00")
    try:
        created = httpx.post(f"{server.url}/v1/applications", json=body, headers=headers, timeout=10)
        assert created.status_code == 201
    finally:
        server.kill()
    server = LiveServer(db_url, tmp_path).start()
    try:
        fetched = httpx.get(f"{server.url}/v1/applications/{created.json()['id']}", headers=tokens.header("admin"))
        assert fetched.status_code == 200 and fetched.json()["case_id"] == "T-100"
    finally:
        server.stop()
