"""The record as the workbench shows it: the summary and each document page by page, every criterion's
evidence marked where it lies, and a link from each criterion to its evidence.

Why ids on marks: a criterion's evidence may be on page 40 of a 300-page file; the reviewer clicks the words
under the criterion and the workbench opens that document at that page with the words highlighted
(static/workbench.js). Overlapping spans are merged into one mark that answers to each of their ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from openimr.extract.documents import classify_document, document_kinds


@dataclass(frozen=True)
class Evidence:
    """One evidence span of one criterion of one item, with where it lies and the id its link points to."""

    ev_id: str
    label: str
    text: str
    start: int
    end: int
    document: int | None
    page: int | None

    @property
    def where(self) -> str:
        if self.document is None:
            return "summary"
        return f"document {self.document + 1}" + (f", page {self.page}" if self.page else "")


@dataclass
class Page:
    number: int | None
    html: Markup


@dataclass
class DocumentView:
    index: int
    title: str
    kind: str
    date: str | None
    pages: list[Page] = field(default_factory=list)
    marks: int = 0


def evidence_of(items) -> dict[tuple[int, int], list[Evidence]]:  # noqa: ANN001 - ItemReview rows
    """Every evidence span of the engine's determinations, by (item position, criterion index)."""
    out: dict[tuple[int, int], list[Evidence]] = {}
    for item in items:
        for ci, criterion in enumerate(item.engine_determination.get("criteria", [])):
            out[(item.position, ci)] = [
                Evidence(
                    ev_id=f"ev-{item.position}-{ci}-{k}",
                    label=f"item {item.position + 1}: {criterion['id']}",
                    text=ev.get("text", ""),
                    start=ev["start"],
                    end=ev["end"],
                    document=ev.get("document"),
                    page=ev.get("page"),
                )
                for k, ev in enumerate(criterion.get("evidence", []))
            ]
    return out


def highlight(text: str, spans: list[Evidence], offset: int = 0) -> Markup:
    """``text`` (which begins at ``offset`` of its document) with the spans that fall in it marked; spans
    that overlap are merged, and a span cut by the text's end is marked up to it."""
    clipped = sorted(
        (
            (max(e.start, offset) - offset, min(e.end, offset + len(text)) - offset, e)
            for e in spans
            if e.start < offset + len(text) and e.end > offset and e.start < e.end
        ),
        key=lambda span: span[:2],
    )
    merged: list[list] = []
    for start, end, ev in clipped:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(ev)
        else:
            merged.append([start, end, [ev]])
    out, pos = [], 0
    for start, end, evs in merged:
        out.append(escape(text[pos:start]))
        labels = "; ".join(sorted({e.label for e in evs}))
        ids = " ".join(e.ev_id for e in evs)
        out.append(Markup('<mark title="{}" data-ev="{}">{}</mark>').format(labels, ids, text[start:end]))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def summary_view(summary: str, evidence: list[Evidence]) -> Markup:
    return highlight(summary, [e for e in evidence if e.document is None])


def document_views(documents: list[dict], evidence: list[Evidence]) -> list[DocumentView]:
    """Each document of the reviewed case, page by page, with its evidence marked."""
    kinds = document_kinds()
    views = []
    for n, document in enumerate(documents):
        text = document["text"]
        kind = document.get("kind") or classify_document(text, document.get("title"))
        spans = [e for e in evidence if e.document == n]
        starts = document.get("page_starts") or [0]
        bounds = [*starts, len(text)]
        pages = [
            Page(p + 1 if len(starts) > 1 else None, highlight(text[bounds[p] : bounds[p + 1]], spans, bounds[p]))
            for p in range(len(starts))
        ]
        title = document.get("title") or f"Document {n + 1}"
        views.append(DocumentView(n, title, kinds[kind].label, document.get("date"), pages, len(spans)))
    return views
