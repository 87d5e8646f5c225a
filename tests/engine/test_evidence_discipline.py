"""Evidence discipline over the whole dev set: every record criterion the engine finds met rests on words of
the record of a kind its facts accept, or on facts that have no span by nature (dates, another item's
decision, the request, a computed total). The catalogue of facts and the extractors agree."""

from __future__ import annotations

import pytest

from openimr import api
from openimr.extract.facts import FACTS
from openimr.guidelines.loader import all_guidelines
from openimr.vocabulary import fact_catalogue
from tests.conftest import CORPUS, needs_corpus


def test_the_catalogue_lists_exactly_the_facts_the_extractors_compute() -> None:
    catalogue = fact_catalogue()
    assert set(catalogue.facts) == set(FACTS)
    meanings = [entry.meaning for entry in catalogue.facts.values()]
    assert all(m and not m.startswith(("case.", "prior.")) for m in meanings)


def test_every_fact_a_guideline_names_is_in_the_catalogue() -> None:
    named = {f for g in all_guidelines() for logic, _ in g.criteria.values() for f in logic.facts}
    assert named <= set(fact_catalogue().facts)


@needs_corpus
@pytest.mark.slow
def test_every_met_record_criterion_in_the_dev_output_has_evidence_of_an_accepted_kind() -> None:
    catalogue = fact_catalogue()
    spanless = set(catalogue.spanless)
    unsupported = []
    checked = 0
    for inp in api.iter_case_inputs([CORPUS / "cases-dev.jsonl"]):
        for det in api.review(inp.case).determinations:
            for c in det.criteria:
                if c.met is not True or c.about != "record":
                    continue
                checked += 1
                if c.evidence:
                    continue
                # without a span, a fact that has none by nature (a date, another item's decision, the request,
                # a computed total) must be what made a record criterion met: the evidence is that of the facts
                # that decided (engine.evaluate._deciders), so a present fact with a span that did not decide
                # is not quoted
                present = [f for f, v in c.facts.items() if v is not None and v is not False and v != []]
                spanless_present = [f for f in present if set(catalogue.facts[f].evidence) & spanless]
                if not spanless_present:
                    unsupported.append((inp.case.id, det.request[:40], c.id, present))
    assert checked > 100
    assert not unsupported, unsupported[:10]
    assert not unsupported, unsupported[:10]
