"""Schemathesis against the service's OpenAPI with a valid token: does any request get a 500?

Starts ``openimr serve`` on a fresh SQLite database in a temporary folder with an admin user, runs
``st run --checks all`` (bounded by ``--max-examples``), and prints schemathesis' summary and the count of
server errors, which must be zero. The other checks (undocumented status codes, response schemas) are
conformance of the published schema, reported as they are.

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python bench/api_fuzz.py [--max-examples 30] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "OPENIMR_DATABASE_URL": f"sqlite:///{folder}/fuzz.db"}
        created = subprocess.run(
            [BIN / "openimr", "users", "create", "fuzz", "--role", "admin"], env=env, capture_output=True, text=True
        )
        token = created.stdout.strip().splitlines()[-1]
        port = _free_port()
        server = subprocess.Popen(
            [BIN / "openimr", "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            for _ in range(120):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.5)
            run = subprocess.run(
                [
                    BIN / "st",
                    "run",
                    f"http://127.0.0.1:{port}/openapi.json",
                    "--checks",
                    "all",
                    "-H",
                    f"Authorization: Bearer {token}",
                    "--max-examples",
                    str(args.max_examples),
                    "--seed",
                    str(args.seed),
                    "--workers",
                    "1",
                ],
                capture_output=True,
                text=True,
            )
        finally:
            server.terminate()
            log = server.communicate(timeout=30)[1]
    summary = run.stdout[run.stdout.find("SUMMARY") - 40 :] if "SUMMARY" in run.stdout else run.stdout[-3000:]
    print(summary.strip())
    server_errors = len(re.findall(r"\bST100\b|Server error", run.stdout)) + log.count("Traceback")
    print(f"\nserver errors (5xx responses or tracebacks in the server log): {server_errors}")
    if server_errors:
        Path("api_fuzz.log").write_text(run.stdout + "\n\n--- server log ---\n" + log)
        print("the full report and the server's log: api_fuzz.log")
    sys.exit(1 if server_errors else 0)


if __name__ == "__main__":
    main()
