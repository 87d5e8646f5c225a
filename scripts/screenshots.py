"""Screenshots of the workbench's main pages at a desktop's and a phone's width, into docs/.

Run: ``.venv/bin/python scripts/screenshots.py`` (needs Debian's chromium, as the browser tests do). It
starts ``openimr serve`` on a fresh SQLite database with the demo data, files a two-page record with the
first application, screens, assigns and starts its review as the demo admin, then photographs the queue,
that application (its evidence opened in the record) and the statistics at 1440 and 390 pixels wide.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
OPENIMR = str(Path(sys.executable).with_name("openimr"))
RECORD = (
    b"PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT\nSubjective: low back pain radiating to the left leg.\n"
    b"Page 1 of 2\fPage 2 of 2\nObjective: decreased sensation in the left L5 dermatome and a positive "
    b"straight leg raise on the left. He completed six physical therapy visits without improvement.\n"
    b"Plan: MRI of the lumbar spine."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db_url: str, port: int) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "OPENIMR_DATABASE_URL": db_url}
    server = subprocess.Popen(
        [OPENIMR, "serve", "--demo", "--port", str(port)], env=env, stdout=subprocess.PIPE, text=True
    )
    admin = ""
    for line in server.stdout:  # type: ignore[union-attr]
        if line.startswith("admin token:"):
            admin = line.split(":", 1)[1].strip()
        if line.startswith("OpenIMR on"):
            break
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return server, admin
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start")


def main() -> None:
    from playwright.sync_api import sync_playwright

    out = ROOT / "docs"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        port = _free_port()
        server, admin = _serve(f"sqlite:///{Path(folder) / 'shots.db'}", port)
        url = f"http://127.0.0.1:{port}"
        auth = {"Authorization": f"Bearer {admin}"}
        try:
            first = httpx.get(f"{url}/v1/applications", headers=auth).json()[0]["id"]
            files = {"file": ("pr2-2016-10-25.txt", RECORD, "text/plain")}
            httpx.post(f"{url}/v1/applications/{first}/documents", files=files, headers=auth).raise_for_status()
            for step in ("eligibility", "assignment", "review"):
                httpx.post(f"{url}/v1/applications/{first}/{step}", headers=auth, timeout=60).raise_for_status()
            chromium = shutil.which("chromium") or "/usr/bin/chromium"
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"], headless=True)
                for width, height in ((1440, 1000), (390, 844)):
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(f"{url}/ui/login")
                    page.fill("#token", admin)
                    page.click("button[type=submit]")
                    page.wait_for_url(f"{url}/ui/")
                    page.screenshot(path=str(out / f"workbench-queue-{width}.png"), full_page=True)
                    page.goto(f"{url}/ui/applications/{first}")
                    link = page.locator("a.evidence-link", has_text="decreased sensation").first
                    if link.count():
                        link.click()
                    page.screenshot(path=str(out / f"workbench-application-{width}.png"), full_page=True)
                    page.goto(f"{url}/ui/stats")
                    page.screenshot(path=str(out / f"workbench-stats-{width}.png"), full_page=True)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    for shot in sorted(out.glob("workbench-*.png")):
        print(f"wrote {shot.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
