"""The packaged vocabularies (treatments, drugs, body regions, number words), loaded once and validated.

They are data, read with ``importlib.resources`` and checked against pydantic schemas that refuse unknown
keys, so a typo in a YAML file fails loudly at load time instead of silently matching nothing.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_load(text: str):
    """YAML through libyaml when it is there (several times faster), else the pure-Python loader."""
    return yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader


Kind = Literal["visits", "drug", "procedure", "imaging", "test", "surgery", "service", "dme"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TopicVocabulary(_Strict):
    category: str
    kind: Kind
    priority: int = 50
    terms: list[str] = Field(default_factory=list)
    exact: list[str] = Field(default_factory=list)
    request_terms: list[str] = Field(default_factory=list)
    # Regular expressions that name the topic in a record (not in a request title); a group named ``t``
    # marks the words of the mention when the pattern also needs its context.
    record_patterns: list[str] = Field(default_factory=list)
    # What one study of the topic covers: "limb" when it tests the whole limb (an EMG/NCS of the upper
    # extremities tests the nerves from the neck to the hand), so that a study done for any part of the limb
    # is the same study; "region" when it images one region (a wrist MRI is not a shoulder MRI).
    covers: Literal["region", "limb"] = "region"


class TreatmentVocabulary(_Strict):
    version: int
    topics: dict[str, TopicVocabulary]


class Drug(_Strict):
    generic: str
    topic: str
    names: list[str]


class DrugVocabulary(_Strict):
    version: int
    drugs: list[Drug]
    liquid_markers: list[str]
    topical_markers: list[str]
    # Drugs whose patch is a systemic delivery system (a transdermal opioid), not a topical analgesic.
    systemic_patches: list[str] = Field(default_factory=list)
    procedure_drugs: list[str] = Field(default_factory=list)
    # the short names of a compound's ingredients ("gaba" for gabapentin), read between a title's slashes
    compound_abbreviations: dict[str, str] = Field(default_factory=dict)
    # mg of oral morphine per mg of each opioid (per mcg/hr of transdermal fentanyl)
    morphine_equivalents: dict[str, float] = Field(default_factory=dict)
    unverified_morphine_equivalents: bool = False


class BodyRegionVocabulary(_Strict):
    version: int
    regions: dict[str, list[str]]
    spine_levels: dict[str, str]
    related: dict[str, list[str]] = Field(default_factory=dict)
    limbs: dict[str, list[str]] = Field(
        default_factory=dict, description="Each limb and the regions whose nerves a study of the limb tests."
    )
    signs: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Examination signs that belong to one region by anatomy, whatever region their sentence names.",
    )


class NamedKind(_Strict):
    """One kind of a topic's requests (an operation, a kind of equipment) that has rules of its own."""

    key: str
    terms: list[str] = Field(default_factory=list)
    exact: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)


class KindVocabulary(_Strict):
    version: int
    kinds: list[NamedKind]


class FactEntry(_Strict):
    type: Literal["bool", "number", "text", "list", "status"]
    evidence: list[str] = Field(min_length=1)
    meaning: str


class FactCatalogue(_Strict):
    version: int
    kinds: list[str]
    spanless: list[str]
    facts: dict[str, FactEntry]

    @model_validator(mode="after")
    def _known_kinds(self) -> FactCatalogue:
        for name, entry in self.facts.items():
            if unknown := set(entry.evidence) - set(self.kinds):
                raise ValueError(f"fact {name} accepts unknown evidence kinds {sorted(unknown)}")
        if unknown := set(self.spanless) - set(self.kinds):
            raise ValueError(f"spanless names unknown kinds {sorted(unknown)}")
        return self


class NumberWords(_Strict):
    version: int
    words: dict[str, int]


def load_resource(name: str) -> dict:
    """A YAML file of ``openimr/resources``."""
    text = resources.files("openimr.resources").joinpath(name).read_text(encoding="utf-8")
    return yaml_load(text)


@cache
def treatments() -> TreatmentVocabulary:
    vocab = TreatmentVocabulary.model_validate(load_resource("treatments.yaml"))
    drug_topics = {d.topic for d in drugs().drugs}
    unknown = drug_topics - set(vocab.topics)
    if unknown:
        raise ValueError(f"drugs.yaml names topics that treatments.yaml lacks: {sorted(unknown)}")
    return vocab


@cache
def drugs() -> DrugVocabulary:
    return DrugVocabulary.model_validate(load_resource("drugs.yaml"))


@cache
def drug_names() -> dict[str, tuple[str, str]]:
    """Every drug name in drugs.yaml, lower-cased, to its (generic, topic); names are unique there."""
    return {name.lower(): (drug.generic, drug.topic) for drug in drugs().drugs for name in drug.names}


@cache
def body_regions() -> BodyRegionVocabulary:
    return BodyRegionVocabulary.model_validate(load_resource("body_regions.yaml"))


@cache
def fact_catalogue() -> FactCatalogue:
    """The facts the guideline files may name, with the evidence each accepts (facts.yaml)."""
    return FactCatalogue.model_validate(load_resource("facts.yaml"))


@cache
def number_words() -> dict[str, int]:
    return NumberWords.model_validate(load_resource("numbers.yaml")).words


@cache
def kinds(resource: str) -> list[tuple[NamedKind, list[re.Pattern[str]]]]:
    """The kinds a resource file lists (procedures.yaml: operations; equipment.yaml: kinds of equipment), in
    order, each with its patterns: its terms as whole words, its exact abbreviations, its expressions."""
    vocab = KindVocabulary.model_validate(load_resource(resource))
    known = set(body_regions().regions)
    out = []
    for k in vocab.kinds:
        if unknown := set(k.regions) - known:
            raise ValueError(f"{resource}: {k.key} names unknown regions {sorted(unknown)}")
        found = [phrase_pattern(k.terms)] if k.terms else []
        if k.exact:
            found.append(re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, k.exact)) + r")(?![\w])"))
        found += [re.compile(pattern, re.IGNORECASE) for pattern in k.patterns]
        out.append((k, [f for f in found if f is not None]))
    return out


def kind_of(resource: str, text: str, regions: list[str]) -> str | None:
    """The first kind of ``resource`` that ``text`` names, among those whose regions (if any) it names."""
    for kind, patterns in kinds(resource):
        if kind.regions and not set(kind.regions) & set(regions):
            continue
        if any(p.search(text) for p in patterns):
            return kind.key
    return None


@cache
def sign_regions() -> list[tuple[re.Pattern[str], str]]:
    """Each region's examination signs as one pattern: a straight leg raise is a lumbar sign, a Spurling
    test a cervical one, a McMurray test a knee one."""
    out = []
    for region, terms in body_regions().signs.items():
        if pattern := phrase_pattern(terms):
            out.append((pattern, region))
    return out


def phrase_pattern(terms: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of ``terms`` as whole words (longest first)."""
    if not terms:
        return None
    alternatives = sorted({re.escape(t.lower()) for t in terms}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)
