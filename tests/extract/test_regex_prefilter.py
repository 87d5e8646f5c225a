"""The concepts' regular expressions are skipped when the text holds none of the words they begin with: the
skip must never lose a match."""

from __future__ import annotations

import json

import pytest

from openimr.extract.pipeline import leading_literals, regex_targets
from tests.conftest import SAMPLES


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\b(?:walks|walking) far", ("walks", "walking")),
        (r"\bepworth[^.;]{0,30}", ("epworth",)),
        (r"\b(?:tablets?|tabs?) a day", ("tablet", "tab")),  # the optional last letter is dropped
        (r"\b(?:no|not) (?:\w+ )?relief", ("no", "not")),
        (r"(?<!both )\bpatellar", ("patellar",)),  # a look-behind matches no text: the word after it begins
        (r"(?<!not )(?:was|is) tolerated", ("was", "is")),
        (r"\b(?:a|b)?x", None),  # an optional first group
        (r"\b(?:[\w-]+ ){0,2}?fractures?", None),  # a word class first
    ],
)
def test_the_words_a_pattern_begins_with(pattern: str, literals: tuple[str, ...] | None) -> None:
    assert leading_literals(pattern) == literals


def test_no_pattern_matches_a_text_without_one_of_its_first_words() -> None:
    texts = [json.loads(line)["case_summary"] for line in (SAMPLES / "cases.jsonl").read_text().splitlines()]
    texts += [
        "Dorsiflexion was 5/5 last month and is now 3/5 on the left; he walks twice as far with the medication.",
        "Epworth Sleepiness Scale score of 14; pain drops from 8/10 to 4/10 with Norco, four tablets a day.",
    ]
    checked = 0
    for pattern, _, _ in regex_targets():
        literals = leading_literals(pattern.pattern)
        if literals is None:
            continue
        for text in texts:
            if pattern.search(text):
                checked += 1
                assert any(literal in text.lower() for literal in literals), pattern.pattern
    assert checked > 20  # the texts exercise many patterns, so the assertion above is tested
