"""Load, validate and choose guideline files.

Files live in ``openimr/guidelines/<source>/<topic>/<version>.yaml`` with tests beside them in
``<version>_test.yaml``. Released versions are not edited: a change is a new file with its own dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

import yaml
from pydantic import ValidationError

from openimr.extract.facts import FACTS
from openimr.guidelines.logic import Expression, LogicError, compile_logic
from openimr.guidelines.schema import Definitions, Dependency, DependencyRules, Guideline, GuidelineTests
from openimr.vocabulary import fact_catalogue
from openimr.vocabulary import yaml_load as _yaml_load

_PACKAGE = "openimr.guidelines"
_DATA = "data"


class GuidelineError(ValueError):
    """A guideline file that does not validate, with its path and the problem."""


@dataclass(frozen=True)
class LoadedGuideline:
    """A validated guideline with its expressions compiled."""

    path: str
    spec: Guideline
    applies: Expression | None
    criteria: dict[str, tuple[Expression, Expression | None]]
    pathways: dict[str, Expression | None]

    @property
    def id(self) -> str:
        return self.spec.id


def _files(root: Traversable, suffix: str = ".yaml") -> list[tuple[str, Traversable]]:
    out = []
    for entry in root.iterdir():
        if entry.is_dir():
            out += [(f"{entry.name}/{p}", f) for p, f in _files(entry, suffix)]
        elif entry.name.endswith(suffix):
            out.append((entry.name, entry))
    return sorted(out)


def _data_root() -> Traversable:
    return resources.files(_PACKAGE).joinpath(_DATA)


def _check_names(expr: Expression, where: str, params: set[str], defs: set[str]) -> None:
    catalogue = fact_catalogue().facts
    for fact in expr.facts:
        if fact not in FACTS or fact not in catalogue:
            raise GuidelineError(f"{where}: unknown fact '{fact}' (facts.yaml lists the facts a guideline may name)")
    for name in expr.params:
        root, _, key = name.partition(".")
        if (root == "params" and key not in params) or (root == "defs" and key not in defs):
            raise GuidelineError(f"{where}: unknown {root} entry '{key}'")


# "x != None" is unknown whatever x is (a comparison with the unknown is unknown): known(x) says what it means
_COMPARED_WITH_NONE = re.compile(r"[!=]=\s*None\b|\bNone\s*[!=]=")


def _compile(source: str, where: str, params: set[str], defs: set[str]) -> Expression:
    if _COMPARED_WITH_NONE.search(source):
        raise GuidelineError(f"{where}: a comparison with None is always unknown; use known(...) or yes(...)")
    try:
        expr = compile_logic(source)
    except LogicError as exc:
        raise GuidelineError(f"{where}: {exc}") from exc
    _check_names(expr, where, params, defs)
    return expr


def load_guideline(path: str, text: str, defs: set[str]) -> LoadedGuideline:
    """Validate one guideline file's text."""
    try:
        spec = Guideline.model_validate(_yaml_load(text))
    except (ValidationError, yaml.YAMLError) as exc:
        raise GuidelineError(f"{path}: {exc}") from exc
    params = set(spec.params)
    applies = _compile(spec.applies, f"{path}: applies", params, defs) if spec.applies else None
    criteria = {
        c.id: (
            _compile(c.logic, f"{path}: criterion {c.id}", params, defs),
            _compile(c.when, f"{path}: criterion {c.id} when", params, defs) if c.when else None,
        )
        for c in spec.criteria
    }
    pathways = {
        p.name: _compile(p.when, f"{path}: pathway {p.name}", params, defs) if p.when else None
        for p in spec.decision.pathways
    }
    for dep in spec.depends_on:
        if dep.when:
            _compile(dep.when, f"{path}: depends_on {dep.topic}", params, defs)
    return LoadedGuideline(path, spec, applies, criteria, pathways)


_DEPENDENCY_RULES = "dependencies.yaml"


@cache
def general_dependencies() -> tuple[Dependency, ...]:
    """The dependencies every request has whatever its topic (definitions/dependencies.yaml), their ``when``
    expressions checked."""
    entry = _data_root().joinpath("definitions").joinpath(_DEPENDENCY_RULES)
    try:
        rules = DependencyRules.model_validate(_yaml_load(entry.read_text(encoding="utf-8")))
    except (ValidationError, yaml.YAMLError) as exc:
        raise GuidelineError(f"definitions/{_DEPENDENCY_RULES}: {exc}") from exc
    for dep in rules.depends_on:
        if dep.when:
            _compile(dep.when, f"definitions/{_DEPENDENCY_RULES}: depends_on {dep.topic}", set(), set())
    return tuple(rules.depends_on)


@cache
def compiled_when(source: str) -> Expression:
    """A dependency's ``when`` expression, compiled once."""
    return compile_logic(source)


@cache
def definitions() -> tuple[Definitions, ...]:
    out = []
    for path, entry in _files(_data_root().joinpath("definitions")):
        if path == _DEPENDENCY_RULES:
            continue
        try:
            out.append(Definitions.model_validate(_yaml_load(entry.read_text(encoding="utf-8"))))
        except (ValidationError, yaml.YAMLError) as exc:
            raise GuidelineError(f"definitions/{path}: {exc}") from exc
    return tuple(out)


def defs_for(day: dt.date) -> dict[str, float | int | str | bool]:
    """The shared definitions in force on ``day``."""
    values: dict = {}
    for d in definitions():
        if d.in_force.covers(day):
            values.update(d.values)
    return values


@cache
def all_guidelines() -> tuple[LoadedGuideline, ...]:
    """Every guideline file, validated. Raises ``GuidelineError`` for the first bad file."""
    def_names = {k for d in definitions() for k in d.values}
    out = []
    for path, entry in _files(_data_root()):
        if path.startswith("definitions/") or path.endswith("_test.yaml"):
            continue
        out.append(load_guideline(path, entry.read_text(encoding="utf-8"), def_names))
    ids = [g.id for g in out]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise GuidelineError(f"duplicate guideline ids: {sorted(dupes)}")
    return tuple(out)


def guideline_tests() -> list[tuple[LoadedGuideline, GuidelineTests]]:
    """Each guideline with the fact sets of its ``_test.yaml`` file."""
    by_path = {g.path: g for g in all_guidelines()}
    out = []
    for path, entry in _files(_data_root(), "_test.yaml"):
        guideline = by_path.get(path.replace("_test.yaml", ".yaml"))
        if guideline is None:
            raise GuidelineError(f"{path}: no guideline file beside it")
        try:
            tests = GuidelineTests.model_validate(_yaml_load(entry.read_text(encoding="utf-8")))
        except (ValidationError, yaml.YAMLError) as exc:
            raise GuidelineError(f"{path}: {exc}") from exc
        out.append((guideline, tests))
    return out


def candidates(topic: str, day: dt.date) -> list[LoadedGuideline]:
    """Guidelines for ``topic`` in force on ``day``, in the order of the evidence search sequence."""
    found = [g for g in all_guidelines() if topic in g.spec.topics and g.spec.in_force.covers(day)]
    return sorted(found, key=lambda g: (g.spec.rank, g.id))


def criterion_about(guideline: LoadedGuideline, criterion_id: str) -> str:
    """What a criterion is about: ``request`` (it reads only the request: quantity stated, frequency within
    limits), ``exclusion`` (a record criterion met when the record is silent: not a repeat, no second NSAID),
    or ``record`` (met only by what the record documents: every such "met" needs evidence of the kind its
    facts accept). Derived from the logic, so it cannot drift from it."""
    return _criterion_kinds().get((guideline.id, criterion_id), "record")


@cache
def _criterion_kinds() -> dict[tuple[str, str], str]:
    from openimr.engine.evaluate import silent_result

    kinds: dict[tuple[str, str], str] = {}
    for g in all_guidelines():
        for c in g.spec.criteria:
            logic, _ = g.criteria[c.id]
            record = [f for f in logic.facts if not f.startswith("request.")]
            if not record:
                kinds[(g.id, c.id)] = "request"
            else:
                kinds[(g.id, c.id)] = "exclusion" if silent_result(g, c.id) is True else "record"
    return kinds
