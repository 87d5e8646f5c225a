"""The clinical NLP pipeline: spaCy's rule-based sentencizer, medspaCy's target matcher and ConText.

Everything is built from packaged data (concept phrases, the treatment and drug vocabularies, the domain
ConText rules) on first use, never at import, and runs fully offline on a blank English pipeline: no model
is downloaded. Why medspaCy: its ConText implementation gives each mention its negation, history,
hypothetical and uncertainty context with the cue that caused it, which is what an explanation needs.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import threading
import types
from functools import cache
from importlib import resources

from openimr.extract.plain import plain
from openimr.vocabulary import drugs, load_resource, treatments

CONCEPT_LABEL = "C:"
# A phrase of a concept's absence carries it in its label: spaCy keeps a span's extension values (the
# matching rule and its metadata) by offsets only, so when two concepts match the same words ("no objective
# measures of improvement" is both an absence of functional improvement and a phrase of no change) one rule
# would overwrite the other.
ABSENT_SUFFIX = "|absent"
TREATMENT_LABEL = "T:"
DRUG_LABEL = "D:"
SPAN_GROUP = "openimr"


def _quiet_loguru() -> None:
    """PyRuSH (a medspaCy dependency) logs every token through loguru at DEBUG; silence it."""
    try:
        from loguru import logger

        logger.remove()
    except Exception:  # noqa: BLE001 - loguru is optional here
        logging.getLogger(__name__).debug("loguru not present")


def _phrase_rules(label: str, phrases: list[str], meta: dict | None = None) -> list:
    """Case-insensitive phrase rules: medspaCy matches them with spaCy's PhraseMatcher on lower-cased
    tokens, tokenizing each phrase as the text is tokenized ("Speed's" is two tokens in both)."""
    from medspacy.ner import TargetRule

    return [TargetRule(phrase.lower(), label, metadata=meta or {}) for phrase in phrases if phrase.strip()]


_SPECIAL = set("\\.^$*+?{}[]()|")
_QUANTIFIERS = set("?*{")


def leading_literals(pattern: str) -> tuple[str, ...] | None:
    """The literal words one of which every match of ``pattern`` begins with, lowercased, when the pattern
    opens with them (``\\b(?:walks|walking) ...``, ``\\bepworth ...``); else None. Why: scanning the text
    once per pattern was most of a case's time, and a pattern none of whose first words the text holds
    cannot match (a substring test costs far less than a regular-expression scan)."""
    body = _without_leading_lookarounds(pattern)
    body = body[2:] if body.startswith("\\b") else body
    body = _without_leading_lookarounds(body)
    if body.startswith("(?:"):
        i = _group_end(body) - 1  # the group's closing parenthesis
        if i >= len(body) or (i + 1 < len(body) and body[i + 1] in _QUANTIFIERS):
            return None
        alternatives, level, start = [], 0, 3
        for j in range(3, i):
            if body[j] == "\\" or (j > 0 and body[j - 1] == "\\"):
                continue
            level += body[j] == "("
            level -= body[j] == ")"
            if body[j] == "|" and level == 0:
                alternatives.append(body[start:j])
                start = j + 1
        alternatives.append(body[start:i])
    else:
        alternatives = [body]
    literals = []
    for alternative in alternatives:
        run = ""
        for c in alternative:
            if c in _SPECIAL:
                break
            run += c
        if run and len(alternative) > len(run) and alternative[len(run)] in _QUANTIFIERS:
            run = run[:-1]  # "tablets?": the last letter is optional
        if not run.strip():
            return None
        literals.append(run.lower())
    return tuple(literals)


def _without_leading_lookarounds(pattern: str) -> str:
    """The pattern without the lookbehinds and lookaheads it opens with ("(?<!both )", "(?!not )"): they match no
    text, so the words that follow them are still the first a match holds."""
    while pattern.startswith(("(?<!", "(?<=", "(?!", "(?=")):
        pattern = pattern[_group_end(pattern) :]
    return pattern


def _group_end(pattern: str) -> int:
    """The index just past the group ``pattern`` opens with (its parentheses balanced, escapes skipped); past
    the end when the group is not closed."""
    depth, i = 0, 0
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        depth += pattern[i] == "("
        depth -= pattern[i] == ")"
        i += 1
        if depth == 0:
            return i
    return len(pattern) + 1


@cache
def regex_targets() -> list[tuple[re.Pattern[str], str, object]]:
    """(compiled pattern, label, rule) of every concept's regular expressions: the ways a finding is said
    that a fixed phrase cannot list ("sensation was reduced in the L5 dermatome", "able to walk twice as
    far"), and the expressions of absence (marked ``absent`` in the rule's metadata); and the treatments'
    record patterns ("therapy" alone, where the words before it leave it physical therapy)."""
    from medspacy.ner import TargetRule

    out = []
    for name, concept in load_resource("concepts.yaml")["concepts"].items():
        for key, meta, suffix in (("patterns", {}, ""), ("absent_patterns", {"absent": True}, ABSENT_SUFFIX)):
            for pattern in concept.get(key, []):
                label = CONCEPT_LABEL + name + suffix
                rule = TargetRule(pattern, label, pattern=pattern, metadata=meta)
                out.append((re.compile(pattern, re.IGNORECASE), label, rule))
    for name, topic in treatments().topics.items():
        for pattern in topic.record_patterns:
            rule = TargetRule(pattern, TREATMENT_LABEL + name, pattern=pattern)
            out.append((re.compile(pattern, re.IGNORECASE), TREATMENT_LABEL + name, rule))
    return out


@cache
def _prefiltered_targets() -> list[tuple[re.Pattern[str], str, object, tuple[str, ...] | None]]:
    """Every regex target with the words it begins with (``leading_literals``), read once."""
    return [(pattern, label, rule, leading_literals(pattern.pattern)) for pattern, label, rule in regex_targets()]


def add_regex_targets(doc):  # noqa: ANN001, ANN201 - a spaCy pipeline component
    """Add the concepts' regular-expression matches to the mentions, scanning the text once per pattern.

    Why not medspaCy's regex rules: its RegexMatcher rebuilds the document text for every pattern, which
    cost a third of the time per case. The spans carry a medspaCy TargetRule like the matcher's own, so
    ConText and the mention reader treat them alike.
    """
    text = doc.text
    lowered = text.lower()
    spans = list(doc.spans.get(SPAN_GROUP, []))
    for pattern, label, rule, literals in _prefiltered_targets():
        if literals is not None and not any(literal in lowered for literal in literals):
            continue
        for found in pattern.finditer(text):
            start, end = found.span("t") if "t" in pattern.groupindex else found.span()
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None or not len(span):
                continue
            span._.target_rule = rule
            spans.append(span)
    doc.spans[SPAN_GROUP] = spans
    return doc


def with_plurals(terms: list[str]) -> list[str]:
    """Each term and its plural ("cervical injection", "cervical injections"; "therapy", "therapies"): a
    record says "he had 2 epidural injections" as often as "an epidural injection"."""
    out: list[str] = []
    for term in terms:
        out.append(term)
        last = term.rsplit(" ", 1)[-1]
        if not last.isalpha() or last.endswith("s") or len(last) < 4:
            continue
        if last.endswith("y") and last[-2] not in "aeiou":
            out.append(term[:-1] + "ies")
        elif last.endswith(("ch", "sh", "x")):
            out.append(term + "es")
        else:
            out.append(term + "s")
    return out


def _exact_rules(label: str, words: list[str], tokenizer, meta: dict | None = None) -> list:  # noqa: ANN001
    from medspacy.ner import TargetRule

    return [
        TargetRule(word, label, pattern=[{"TEXT": t.text} for t in tokenizer(word)], metadata=meta or {})
        for word in words
    ]


def target_rules(tokenizer) -> list:  # noqa: ANN001 - spaCy's Tokenizer
    """Every target rule: clinical concepts, treatments by topic, drugs by generic name. Abbreviations are
    split by ``tokenizer`` (the pipeline's own) so that they match as the text is tokenized."""
    rules = []
    for name, concept in load_resource("concepts.yaml")["concepts"].items():
        rules += _phrase_rules(CONCEPT_LABEL + name, concept.get("phrases", []))
        rules += _phrase_rules(CONCEPT_LABEL + name + ABSENT_SUFFIX, concept.get("absent", []), {"absent": True})
    for name, topic in treatments().topics.items():
        rules += _phrase_rules(TREATMENT_LABEL + name, with_plurals(topic.terms))
        rules += _exact_rules(TREATMENT_LABEL + name, [w for w in topic.exact if len(w) >= 2], tokenizer)
    for drug in drugs().drugs:
        rules += _phrase_rules(DRUG_LABEL + drug.topic, drug.names, {"generic": drug.generic})
    return rules


def _import_medspacy() -> None:
    """Import medspaCy without QuickUMLS, and spaCy without its command line.

    ``medspacy.util`` imports QuickUMLS (and through it NLTK) at import time, about 0.2 s of a cold start,
    although OpenIMR never adds the QuickUMLS component. A placeholder stands in for that one module while
    medspaCy is imported and is removed right after, so a later ``import quickumls`` gets the real one.
    """
    if "medspacy" in sys.modules:
        return
    placeholders: dict[str, types.ModuleType] = {}
    if "quickumls" not in sys.modules:
        placeholders["quickumls"] = types.ModuleType("quickumls")
        placeholders["quickumls"].spacy_component = None  # type: ignore[attr-defined]
    if "spacy" not in sys.modules:
        # spaCy's __init__ imports its command line (``spacy.cli.info``, which imports ``requests`` and the
        # training commands): about 0.1 s of a cold start for code a pipeline never runs. A stand-in serves
        # that one import; ``import spacy.cli`` later gets the real package.
        info = types.ModuleType("spacy.cli.info")
        info.info = _spacy_cli_unavailable  # type: ignore[attr-defined]
        cli = types.ModuleType("spacy.cli")
        cli.info = info  # type: ignore[attr-defined]
        placeholders.update({"spacy.cli": cli, "spacy.cli.info": info})
    sys.modules.update(placeholders)
    try:
        import medspacy  # noqa: F401 - registers the medspaCy factories
    finally:
        for name, module in placeholders.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        spacy = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "cli", None) is placeholders.get("spacy.cli"):
            del spacy.cli


def _spacy_cli_unavailable(*args: object, **kwargs: object) -> None:
    raise RuntimeError("spaCy's command line was not loaded with the OpenIMR pipeline; import spacy.cli first")


_BUILD_LOCK = threading.Lock()


def nlp():
    """The pipeline, built once per process. The first build is not thread-safe (spaCy's registries,
    medspaCy's rules): concurrent first calls, as two requests to a freshly started server, wait for one build."""
    with _BUILD_LOCK:
        return _build()


@cache
def _build():
    _quiet_loguru()
    _import_medspacy()
    import spacy
    from medspacy.context import ConTextRule
    from spacy.language import Language

    pipeline = spacy.blank("en")
    # spaCy's million-character guard is for its parser and NER, which this pipeline has not: the size of a
    # case is bounded by OPENIMR_MAX_CASE_CHARS (a numbered error) before it gets here.
    pipeline.max_length = 50_000_000
    pipeline.add_pipe("sentencizer")
    if not Language.has_factory("openimr_line_breaks"):
        Language.component("openimr_line_breaks", func=break_at_lines)
    pipeline.add_pipe("openimr_line_breaks")
    # Mentions overlap ("acupuncture" is both a treatment and conservative care): keep them in a span group.
    matcher = pipeline.add_pipe(
        "medspacy_target_matcher",
        config={"result_type": "group", "span_group_name": SPAN_GROUP, "prune": False},
    )
    matcher.add(target_rules(pipeline.tokenizer))
    if not Language.has_factory("openimr_regex_targets"):
        Language.component("openimr_regex_targets", func=add_regex_targets)
    pipeline.add_pipe("openimr_regex_targets")
    context = pipeline.add_pipe(
        "medspacy_context",
        config={"rules": None, "input_span_type": "group", "span_group_name": SPAN_GROUP},
    )
    data = json.loads(resources.files("openimr.resources").joinpath("context_rules.json").read_text())
    # medspaCy tokenizes each phrase rule with the whole pipeline: with the other components off it only
    # tokenizes (a third of the cold start went to running the target matcher over ConText's phrases).
    with pipeline.select_pipes(enable=[]):
        context.add(ConTextRule.from_json(context.DEFAULT_RULES_FILEPATH))
        context.add([ConTextRule.from_dict(rule) for rule in data["context_rules"]])
    _limit_backward_negation(context.rules, data["backward_negation_max_scope"])
    _end_at_close_paren(context.rules, set(data["ended_by_close_paren"]))
    _end_at_with(context.rules, set(data["with_does_not_end"]))
    return pipeline


def _limit_backward_negation(rules, max_scope: int) -> None:  # noqa: ANN001 - medspaCy ConTextRules
    """Give every negation cue that looks back without a limit ("negative on", "was negative", "not
    documented") a reach of ``max_scope`` tokens. An examination sentence lists several findings before the
    one a cue denies: in "strength was 4+/5, sensation was diminished in L5, and straight leg raising was
    positive on the left and negative on the right", an unlimited "negative on" denied all three."""
    for rule in rules:
        negation = rule.category in {"NEGATED_EXISTENCE", "NOT_DOCUMENTED"}
        if negation and rule.direction == "BACKWARD" and rule.max_scope is None:
            rule.max_scope = max_scope


def _end_at_close_paren(rules, categories: set[str]) -> None:  # noqa: ANN001 - medspaCy ConTextRules
    """Let a closing parenthesis end the cues of ``categories`` (negation, uncertainty) but not a request's:
    in "asked for naproxen, a cream of lidocaine and capsaicin (120 g), and a cream of flurbiprofen", the
    flurbiprofen is requested too, while "no assessment (of function) of acupuncture" stops at the ")"."""
    for rule in rules:
        if rule.category in categories:
            rule.terminated_by.add("CLOSE_PAREN")


def _end_at_with(rules, open_categories: set[str]) -> None:  # noqa: ANN001 - medspaCy ConTextRules
    """Let "with" end every cue but those of ``open_categories`` (a request, an order): "no assessment of
    efficacy with prior acupuncture" does not deny the acupuncture, while "the plan included a knee
    arthroscopy with meniscectomy, Terocin lotion and a urine drug screen" plans the whole list."""
    for rule in rules:
        if rule.category not in open_categories and rule.direction.upper() not in {"TERMINATE", "PSEUDO"}:
            rule.terminated_by.add("WITH")


_BULLETS = {"-", "•", "*", "–", "—", "·", "o"}


def break_at_lines(doc):  # noqa: ANN001, ANN201 - a spaCy pipeline component
    """End a sentence at a line break that starts a new item: a blank line, a bullet ("- 6 visits so far"),
    a numbered item, a heading ("Plan:") or the line after one. A list written without full stops would
    otherwise be one sentence, and a cue of one item ("Request:") would reach every other item; a line
    wrapped in the middle of a sentence stays one sentence."""
    tokens = list(doc)
    for i, token in enumerate(tokens[:-1]):
        if not (token.is_space and "\n" in token.text):
            continue
        following = tokens[i + 1]
        before = tokens[i - 1].text if i else ""
        line = []
        for t in tokens[i + 1 :]:
            if t.is_space and "\n" in t.text:
                break
            line.append(t.text)
        starts_item = (
            "\n\n" in token.text
            or following.text in _BULLETS
            or (following.like_num and len(line) > 1 and line[1] in {".", ")"})
            or before == ":"
            or (following.is_title and ":" in line[1:6])
        )
        if starts_item:
            following.is_sent_start = True
    return doc


def process(text: str):
    """Run the pipeline over a case summary. Blank lines and the lines of a list also end sentences."""
    return nlp()(plain(text))
