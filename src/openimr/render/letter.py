"""Render a case's determinations as a Final Determination Letter: text, HTML, PDF.

The letter keeps the structure of the DWC letters (header, how the determination was made, clinical case
summary, issues with decision, both guidelines and rationale) so that ``openimr parse`` reads it back, and
adds what readers of the real letters lack: what the record would need to show for each upheld item, the
documents considered, and the decision id. Standard paragraphs are our own words.
"""

from __future__ import annotations

import textwrap
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from openimr.model import Case, CaseDetermination, Letter
from openimr.render.view import LetterContext, build_view

_WIDTH = 100


def _wrap(text: str) -> str:
    return textwrap.fill(" ".join(str(text).split()), width=_WIDTH, break_on_hyphens=False)


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("openimr.render", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    env.globals["wrap"] = _wrap
    return env


def render_text(
    case: Case, result: CaseDetermination, letter: Letter | None = None, context: LetterContext | None = None
) -> str:
    """The letter as plain text (the engine's draft recommendation without the service's ``context``)."""
    return _environment().get_template("letter.txt.j2").render(view=build_view(case, result, letter, context))


def render_html(
    case: Case, result: CaseDetermination, letter: Letter | None = None, context: LetterContext | None = None
) -> str:
    """The letter as a standalone HTML page (styles inline; prints as the PDF does)."""
    return _environment().get_template("letter.html.j2").render(view=build_view(case, result, letter, context))


def render_pdf(
    case: Case, result: CaseDetermination, letter: Letter | None = None, context: LetterContext | None = None
) -> bytes:
    """The letter as PDF through WeasyPrint: selectable text, embedded fonts, page numbers."""
    from weasyprint import HTML  # loads Pango; only when a PDF is asked for

    return HTML(string=render_html(case, result, letter, context)).write_pdf()
