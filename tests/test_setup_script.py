"""scripts/_env.sh: the Python it needs is said, not discovered by a failure; a .venv of another Python is rebuilt."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _project(tmp_path: Path) -> Path:
    """A copy of the setup script and pyproject.toml, where the script cannot harm the real checkout."""
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "_env.sh", project / "scripts" / "_env.sh")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    return project


def _fake_python(path: Path, version: str) -> Path:
    """A 'python' that reports ``version`` and fails at anything else (making a venv, installing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'#!/bin/sh\nif [ "$1" = "-c" ]; then echo "{version}"; exit 0; fi\nexit 3\n')
    path.chmod(0o755)
    return path


def _run(project: Path, python: Path, tools: Path) -> subprocess.CompletedProcess:
    """Run the script with a PATH of the few tools it needs and no python3.11."""
    tools.mkdir(exist_ok=True)
    for tool in ("sed", "grep", "dirname", "rm", "id", "cat"):
        found = shutil.which(tool)
        if found and not (tools / tool).exists():
            (tools / tool).symlink_to(found)
    return subprocess.run(
        ["/bin/bash", str(project / "scripts" / "_env.sh")],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": str(tools), "PYTHON": str(python), "HOME": str(project)},
    )


def test_another_python_is_refused_with_what_to_install(tmp_path: Path) -> None:
    project = _project(tmp_path)
    run = _run(project, _fake_python(tmp_path / "bin" / "python", "3.13"), tmp_path / "tools")
    assert run.returncode == 1
    assert "OpenIMR needs Python 3.11" in run.stderr and "is 3.13" in run.stderr
    assert "PYTHON=/path/to/python3.11" in run.stderr
    assert not (project / ".venv").exists()


def test_a_venv_made_with_another_python_is_rebuilt(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _fake_python(project / ".venv" / "bin" / "python", "3.12")
    run = _run(project, _fake_python(tmp_path / "bin" / "python", "3.11"), tmp_path / "tools")
    assert "Rebuilding .venv: it was made with Python 3.12, OpenIMR needs 3.11" in run.stderr
    # the old .venv is gone; this fake Python then fails to make the new one, which stops the script
    assert not (project / ".venv").exists() and run.returncode != 0
