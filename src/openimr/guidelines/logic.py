"""The small expression language of guideline criteria, with three-valued logic.

A criterion's ``logic`` is a Python-syntax expression over fact names (``case.neuro_deficit``,
``request.count``, ``prior.sessions``), the guideline's ``params`` and the shared ``defs``. Only
comparisons, ``and``/``or``/``not``, ``in``, arithmetic, conditional expressions, literals and a few
named functions are allowed; anything else is refused when the guideline is validated.

Why three-valued: a fact the record does not document is ``None``, and ``None`` propagates (Kleene logic),
so a criterion is met (True), not met (False) or not documented (None), and the engine can tell "the
record shows it is not met" from "the record does not say".
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

_ROOTS = {"case", "prior", "request", "params", "defs"}
_FACT_ROOTS = {"case", "prior", "request"}

_COMPARE: dict[type, Callable[[Any, Any], bool]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
_ARITH: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


def _overlap(a: Any, b: Any) -> bool | None:
    if a is None or b is None:
        return None
    return bool(set(a) & set(b))


def _default(value: Any, fallback: Any) -> Any:
    return fallback if value is None else value


def _length(value: Any) -> int | None:
    return None if value is None else len(value)


def _lookup(text: Any, table: Any, fallback: Any) -> Any:
    """The value of the first ``[keyword, value]`` row of ``table`` whose keyword ``text`` contains."""
    if not text or not table:
        return fallback
    lowered = str(text).lower()
    for keyword, value in table:
        if str(keyword).lower() in lowered:
            return value
    return fallback


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "lookup": _lookup,
    "overlap": _overlap,
    "known": lambda value: value is not None,
    # yes(x): the record affirms x. Never unknown: "not yes(case.radicular)" reads "radicular pain is not
    # documented", which is what an exclusion criterion means.
    "yes": lambda value: value is True,
    "default": _default,
    "len": _length,
    "contains": lambda text, word: None if text is None else word.lower() in str(text).lower(),
}


class LogicError(ValueError):
    """A guideline expression that is not allowed or does not parse."""


@dataclass(frozen=True)
class Expression:
    """A parsed criterion expression and the fact names it reads."""

    source: str
    tree: ast.Expression
    facts: tuple[str, ...]
    params: tuple[str, ...]


def _dotted(node: ast.AST) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def compile_logic(source: str) -> Expression:
    """Parse and check an expression; raise ``LogicError`` naming what is not allowed."""
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise LogicError(f"cannot parse {source!r}: {exc.msg}") from exc
    facts: list[str] = []
    params: list[str] = []
    nodes = list(ast.walk(tree))
    inner = {id(n.value) for n in nodes if isinstance(n, ast.Attribute)}
    for node in nodes:
        if isinstance(node, ast.Attribute):
            name = _dotted(node)
            if name is None:
                raise LogicError(f"{source!r}: attribute of a non-name")
            if name.count(".") != 1 and id(node) not in inner:
                raise LogicError(f"{source!r}: '{name}' is not a fact or parameter name (root.name)")
        elif isinstance(node, ast.Name):
            if node.id not in _ROOTS and node.id not in FUNCTIONS and node.id not in {"True", "False", "None"}:
                raise LogicError(f"{source!r}: unknown name '{node.id}'")
        elif isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
                raise LogicError(f"{source!r}: only these functions may be called: {sorted(FUNCTIONS)}")
        elif not isinstance(
            node,
            ast.Expression
            | ast.BoolOp
            | ast.UnaryOp
            | ast.Compare
            | ast.BinOp
            | ast.IfExp
            | ast.Constant
            | ast.List
            | ast.Tuple
            | ast.Load
            | ast.And
            | ast.Or
            | ast.Not
            | ast.USub
            | ast.In
            | ast.NotIn
            | ast.cmpop
            | ast.operator,
        ):
            raise LogicError(f"{source!r}: {type(node).__name__} is not allowed")
    for node in nodes:
        if isinstance(node, ast.Attribute) and id(node) not in inner:
            name = _dotted(node)
            if name and name.split(".")[0] in _FACT_ROOTS and name.count(".") == 1:
                facts.append(name)
            elif name and name.split(".")[0] in {"params", "defs"}:
                params.append(name)
    return Expression(source, tree, tuple(dict.fromkeys(facts)), tuple(dict.fromkeys(params)))


class _Evaluator:
    def __init__(self, lookup: Callable[[str], Any], constants: Mapping[str, Mapping[str, Any]]) -> None:
        self.lookup = lookup
        self.constants = constants

    def eval(self, node: ast.AST) -> Any:
        method = getattr(self, f"_{type(node).__name__}", None)
        if method is None:
            raise LogicError(f"{type(node).__name__} is not allowed")
        return method(node)

    def _Expression(self, node: ast.Expression) -> Any:
        return self.eval(node.body)

    def _Constant(self, node: ast.Constant) -> Any:
        return node.value

    def _List(self, node: ast.List) -> Any:
        return [self.eval(e) for e in node.elts]

    _Tuple = _List

    def _Name(self, node: ast.Name) -> Any:
        raise LogicError(f"'{node.id}' needs an attribute (e.g. case.age)")

    def _Attribute(self, node: ast.Attribute) -> Any:
        name = _dotted(node) or ""
        root, _, rest = name.partition(".")
        if root in self.constants:
            table = self.constants[root]
            if rest in table:
                return table[rest]
            if root == "defs":
                # A definition not yet in force on the review date (the 2009 definition of chronic pain on a
                # 2008 review) is not known then: the comparison it feeds is not documented. Names that no
                # definitions file has are refused when the guidelines are loaded.
                return None
            raise LogicError(f"unknown {root} entry '{rest}'")
        return self.lookup(name)

    def _BoolOp(self, node: ast.BoolOp) -> Any:
        values = [self.eval(v) for v in node.values]
        if isinstance(node.op, ast.And):
            if any(v is False or (v is not None and not v) for v in values):
                return False
            return None if any(v is None for v in values) else True
        if any(v is not None and bool(v) for v in values):
            return True
        return None if any(v is None for v in values) else False

    def _UnaryOp(self, node: ast.UnaryOp) -> Any:
        value = self.eval(node.operand)
        if value is None:
            return None
        if isinstance(node.op, ast.Not):
            return not value
        if isinstance(node.op, ast.USub):
            return -value
        raise LogicError(f"{type(node.op).__name__} is not allowed")

    def _Compare(self, node: ast.Compare) -> Any:
        left = self.eval(node.left)
        result: Any = True
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = self.eval(comparator)
            if isinstance(op, ast.In | ast.NotIn):
                value = None if right is None or left is None else (left in right)
                value = value if value is None or isinstance(op, ast.In) else not value
            elif left is None or right is None:
                value = None
            else:
                value = _COMPARE[type(op)](left, right)
            if value is False:
                return False
            if value is None:
                result = None
            left = right
        return result

    def _BinOp(self, node: ast.BinOp) -> Any:
        left, right = self.eval(node.left), self.eval(node.right)
        if left is None or right is None:
            return None
        return _ARITH[type(node.op)](left, right)

    def _IfExp(self, node: ast.IfExp) -> Any:
        test = self.eval(node.test)
        if test is None:
            return None
        return self.eval(node.body) if test else self.eval(node.orelse)

    def _Call(self, node: ast.Call) -> Any:
        func = FUNCTIONS[node.func.id]  # type: ignore[union-attr]
        return func(*(self.eval(a) for a in node.args))


def evaluate(expr: Expression, lookup: Callable[[str], Any], constants: Mapping[str, Mapping[str, Any]]) -> Any:
    """Value of ``expr``: True, False, None (not documented) or a number/list."""
    return _Evaluator(lookup, constants).eval(expr.tree)
