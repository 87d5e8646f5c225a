"""A bounded fuzz of the letter, case and document readers: any exception other than a numbered error is a
crash. Hypothesis generates inputs shaped like the real ones (letter headings and item lines, JSON case
files, PDF and text bytes) as well as arbitrary text and bytes.

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python bench/readers_fuzz.py [--examples 2000]
"""

from __future__ import annotations

import argparse
import json
import time
import traceback

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openimr.errors import OpenIMRError
from openimr.ingest.casefile import iter_cases_from_text
from openimr.ingest.document import bytes_to_text
from openimr.ingest.letter import parse_letter_text

HEADINGS = [
    "HOW THE IMR FINAL DETERMINATION WAS MADE",
    "CLINICAL CASE SUMMARY",
    "IMR ISSUES, DECISIONS AND RATIONALES",
    "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE",
    "DOCUMENTS REVIEWED",
    "Claims Administrator guideline:",
    "MAXIMUS guideline:",
    "Decision rationale:",
    "MRI of the lumbar spine: Upheld",
    "Acupuncture 2x3 was the original request. 4 sessions was authorized by the Claims Administrator. "
    "The remaining IMR eligible portion of the original request, 2 sessions is: Overturned",
    "1. Norco 10/325 #90 is not medically necessary and appropriate.",
    "Regarding the request for",
    "Case Number: CM16-0000000",
    "Date of Injury: 01/10/2015",
    " ",
    "",
]
letter_text = st.lists(st.one_of(st.sampled_from(HEADINGS), st.text(max_size=200)), max_size=40).map("\n".join)
json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=50)),
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=10), inner, max_size=5)),
    max_leaves=30,
)
case_like = st.fixed_dictionaries(
    {
        "case_summary": st.one_of(st.text(max_size=300), json_value),
        "requests": st.one_of(json_value, st.just([{"text": "MRI"}])),
    },
    optional={"id": json_value, "date_of_injury": json_value, "review_date": json_value, "expected": json_value},
)
case_text = st.one_of(
    case_like.map(json.dumps),
    st.lists(case_like.map(json.dumps), max_size=5).map("\n".join),
    json_value.map(json.dumps),
    st.text(max_size=300),
)
document_bytes = st.one_of(
    st.binary(max_size=2000),
    st.binary(max_size=2000).map(lambda b: b"%PDF-1.4\n" + b),
    letter_text.map(lambda t: t.encode("utf-8", "surrogatepass") if t else b""),
)

CRASHES: list[str] = []


def _guard(reader, value) -> None:  # noqa: ANN001 - any reader, any input
    try:
        result = reader(value)
        if hasattr(result, "__iter__") and not isinstance(result, (str, bytes, dict)):
            list(result)
    except OpenIMRError:
        pass
    except Exception:  # noqa: BLE001 - a crash is what this looks for
        CRASHES.append(f"{reader.__name__}({value!r:.200}):\n{traceback.format_exc(limit=3)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000)
    args = parser.parse_args()
    fuzz = settings(max_examples=args.examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)

    def letters(text: str) -> object:
        return parse_letter_text(text, "fuzz.txt")

    def cases(text: str) -> object:
        return iter_cases_from_text(text, "fuzz.json")

    def documents(data: bytes) -> object:
        return bytes_to_text(data, "fuzz.bin")

    runs = [(letters, letter_text), (cases, case_text), (documents, document_bytes)]
    for reader, strategy in runs:
        started = time.perf_counter()
        before = len(CRASHES)

        def probe(value: object, reader=reader) -> None:  # noqa: ANN001
            _guard(reader, value)

        fuzz(given(value=strategy)(lambda value: probe(value)))()
        elapsed = time.perf_counter() - started
        print(f"{reader.__name__}: {args.examples} examples in {elapsed:.1f} s, {len(CRASHES) - before} crashes")
    for crash in CRASHES[:5]:
        print(crash)
    raise SystemExit(1 if CRASHES else 0)


if __name__ == "__main__":
    main()
