"""A long record is read in pieces so that its time grows with its length; the pieces must read as the whole."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest

from openimr.extract import mentions
from tests.conftest import SAMPLES


def _flags(found: mentions.Mentions) -> set[tuple]:
    return {
        (
            m.kind,
            m.label,
            m.start,
            m.end,
            m.negated,
            m.historical,
            m.hypothetical,
            m.uncertain,
            m.requested,
            m.family,
            m.reported,
            found.sentences[m.sentence].start,
        )
        for m in found.items
    }


def _long_record() -> str:
    """The bundled sample summaries one after another, with a plan list of its own at the end."""
    summaries = [json.loads(line)["case_summary"] for line in SAMPLES.joinpath("cases.jsonl").read_text().splitlines()]
    plan = "Plan:\nMRI of the lumbar spine.\nPhysical therapy two times a week for six weeks.\nNorco 10/325 #60."
    return "\n\n".join(summaries * 3) + "\n\n" + plan


@pytest.mark.parametrize("piece_chars", [400, 900, 2_500])
def test_a_record_read_in_pieces_has_the_mentions_of_the_record_read_whole(monkeypatch, piece_chars):
    text = _long_record()
    whole = mentions._find_mentions_in(text)
    monkeypatch.setattr(mentions, "PIECE_CHARS", piece_chars)
    assert len(mentions._pieces(text)) > 1
    in_pieces = mentions.find_mentions(text)
    assert _flags(in_pieces) == _flags(whole)
    assert all(text[s.start : s.end] == s.text for s in in_pieces.sentences)


def test_a_plan_list_cut_in_two_keeps_its_items_requested(monkeypatch):
    """The heading is in one piece and its items in the next: the items are still what the plan asks for."""
    lines = "\n".join(f"Item {n}: follow-up visit in clinic number {n}." for n in range(40))
    text = "Treatment plan:\n" + lines.replace("Item 39", "Physical therapy for the low back, item 39")
    monkeypatch.setattr(mentions, "PIECE_CHARS", 300)
    assert len(mentions._pieces(text)) > 2
    therapy = [m for m in mentions.find_mentions(text).items if m.kind == "treatment"]
    assert therapy and all(m.requested for m in therapy)


def test_pieces_cover_the_text_once_in_order():
    text = "A sentence of a note. " * 2_000
    spans = mentions._pieces(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(spans))
    assert all(end - start <= mentions.PIECE_CHARS * 3 // 2 for start, end in spans)


def test_the_reading_of_a_long_record_reports_its_progress_to_the_end(monkeypatch):
    text = _long_record()
    monkeypatch.setattr(mentions, "PIECE_CHARS", 900)
    seen: list[tuple[int, int]] = []
    token = mentions.READING_PROGRESS.set(lambda done, total: seen.append((done, total)))
    try:
        mentions.find_mentions(text)
    finally:
        mentions.READING_PROGRESS.reset(token)
    assert len(seen) == len(mentions._pieces(text))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1] == (len(text), len(text))
