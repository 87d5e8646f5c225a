"""Fixtures shared by the whole suite: where the shared corpus is, and the dev cases with their labels."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("OPENIMR_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
SAMPLES = REPO / "samples"


def corpus_letters() -> list[Path]:
    """Every text letter of the shared corpus (seed letters and DWC letters)."""
    return sorted(CORPUS.glob("seed-letters/*.txt")) + sorted(CORPUS.glob("dwc-letters/txt/*.txt"))


def corpus_pdfs() -> list[Path]:
    return sorted(CORPUS.glob("dwc-letters/pdf/*.pdf"))


def dev_cases() -> dict[str, dict]:
    path = CORPUS / "cases-dev.jsonl"
    if not path.exists():
        return {}
    return {rec["id"]: rec for rec in map(json.loads, path.read_text().splitlines())}


needs_corpus = pytest.mark.skipif(not (CORPUS / "cases-dev.jsonl").exists(), reason="shared corpus not present")


@pytest.fixture(scope="session")
def dev() -> dict[str, dict]:
    return dev_cases()
