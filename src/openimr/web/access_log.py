"""The service's access log: one line per HTTP request with its method, path, status, time and user id.

Why a log of our own rather than uvicorn's: uvicorn's access log prints the query string, which holds what a
user typed in the queue's search box (a worker's name, a request's words), and it cannot know the user. This
one logs the path without its query and the id of the user the request authenticated as, never case text;
``log_format`` (``OPENIMR_LOG_FORMAT``, ``serve --log-format``) chooses a line of text, a JSON object per
line for a log collector, or nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
import time

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOG_FORMATS = ("text", "json", "off")
logger = logging.getLogger("openimr.access")


def note_user(request: Request, user_id: int | None) -> None:
    """Tell the access log which user the request authenticated as."""
    request.state.user_id = user_id


_HANDLER_NAME = "openimr-access"


def _handler() -> logging.Handler:
    """A handler to standard error: the service's own output, whatever logging the host configured (each
    line is already formatted, text or JSON)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.set_name(_HANDLER_NAME)
    return handler


class AccessLog:
    """ASGI middleware that logs each HTTP request once its response has started (or failed)."""

    def __init__(self, app: ASGIApp, log_format: str = "text") -> None:
        if log_format not in LOG_FORMATS:
            raise ValueError(f"log format must be one of {', '.join(LOG_FORMATS)}, not {log_format!r}")
        self.app = app
        self.log_format = log_format
        if log_format != "off":
            logger.setLevel(logging.INFO)
            logger.propagate = False
            if not any(h.get_name() == _HANDLER_NAME for h in logger.handlers):
                logger.addHandler(_handler())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.log_format == "off":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client gets if the application fails before it answers

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            ms = (time.perf_counter() - started) * 1000
            user_id = (scope.get("state") or {}).get("user_id")
            logger.info(self.line(scope["method"], scope["path"], status, ms, user_id))

    def line(self, method: str, path: str, status: int, ms: float, user_id: int | None) -> str:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        if self.log_format == "json":
            record = {"time": now, "method": method, "path": path, "status": status, "ms": round(ms, 1)}
            return json.dumps(record | {"user": user_id})
        user = "-" if user_id is None else str(user_id)
        return f"{now} {method} {path} {status} {ms:.1f}ms user={user}"
