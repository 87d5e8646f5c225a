"""Decision analytics over a run folder (or the service's database): what reviewers decide, by treatment
category, guideline, reviewer specialty and year; the engine's agreement by category; consistency checks;
charts as PNG and an HTML report."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from openimr.batch.tables import rows
from openimr.eval.metrics import Scored, agreement


@dataclass
class Stats:
    items: int
    by_category: dict[str, Counter] = field(default_factory=dict)
    by_guideline: dict[str, Counter] = field(default_factory=dict)
    by_specialty: dict[str, Counter] = field(default_factory=dict)
    by_year: dict[str, Counter] = field(default_factory=dict)
    agreement: dict | None = None
    referral: dict | None = None
    inconsistencies: list[dict] = field(default_factory=list)


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def compute(data: list[dict]) -> Stats:
    stats = Stats(items=len(data))
    tables = {
        "by_category": "category",
        "by_guideline": "guideline_source",
        "by_specialty": "reviewer_specialties",
        "by_year": "year",
    }
    for attr, column in tables.items():
        table: dict[str, Counter] = defaultdict(Counter)
        for row in data:
            key = row.get(column)
            if key in (None, ""):
                continue
            table[str(key)][row["decision"]] += 1
        setattr(stats, attr, dict(sorted(table.items())))
    scored = [
        Scored(
            row.get("case_id"),
            row["request"],
            row.get("category") or "Unclassified",
            row["expected"],
            row.get("engine_decision") or row["decision"],
        )
        for row in data
        if row.get("expected") in ("Upheld", "Overturned")
    ]
    stats.referral = _referral(data)
    if scored:
        result = agreement(scored)
        stats.agreement = {
            "items": result.items,
            "accuracy": result.accuracy,
            "kappa": result.kappa,
            "by_category": result.by_category,
        }
    # The same claimant (case number) and the same request decided both ways.
    groups: dict[tuple, set] = defaultdict(set)
    sources: dict[tuple, set] = defaultdict(set)
    for row in data:
        if not row.get("case_id"):
            continue
        key = (row["case_id"], _norm(row["request"]))
        groups[key].add(row["decision"])
        sources[key].add(row["source"])
    stats.inconsistencies = [
        {"case_id": k[0], "request": k[1], "decisions": sorted(v), "sources": sorted(sources[k])}
        for k, v in groups.items()
        if len(v) > 1
    ]
    return stats


def _referral(data: list[dict]) -> dict | None:
    """How many items the engine referred to a physician reviewer, and how often the engine's leaning agreed
    with the reviewer's final decision on the items it decided and on those it referred."""
    engine_rows = [r for r in data if r.get("status")]
    if not engine_rows:
        return None

    def agreement_of(rows_: list[dict]) -> tuple[int, float | None]:
        known = [r for r in rows_ if r.get("expected") in ("Upheld", "Overturned")]
        if not known:
            return 0, None
        return len(known), round(sum(r["engine_decision"] == r["expected"] for r in known) / len(known), 3)

    referred = [r for r in engine_rows if r["status"] == "refer"]
    decided = [r for r in engine_rows if r["status"] != "refer"]
    return {
        "items": len(engine_rows),
        "referred": len(referred),
        "rate": round(len(referred) / len(engine_rows), 3),
        "decided_agreement": agreement_of(decided),
        "referred_agreement": agreement_of(referred),
    }


def load(folder: Path) -> list[dict]:
    return list(rows(folder / "results.jsonl"))


def charts(stats: Stats, out: Path) -> list[str]:
    """Bar charts (PNG) of decisions by category and by year; return the file names."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    names = []
    for attr, title in (("by_category", "Decisions by treatment category"), ("by_year", "Decisions by year")):
        table = getattr(stats, attr)
        if not table:
            continue
        labels = list(table)
        upheld = [table[k]["Upheld"] for k in labels]
        overturned = [table[k]["Overturned"] for k in labels]
        fig, ax = plt.subplots(figsize=(9, max(2.5, 0.32 * len(labels) + 1)))
        ax.barh(labels, upheld, color="#8a1c1c", label="Upheld")
        ax.barh(labels, overturned, left=upheld, color="#1c5e20", label="Overturned")
        ax.set_title(title)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts of items: no half items on the axis
        ax.invert_yaxis()
        ax.legend(loc="lower right")
        fig.tight_layout()
        name = f"{attr}.png"
        fig.savefig(out / name, dpi=90)
        plt.close(fig)
        names.append(name)
    return names


def html_report(stats: Stats, images: list[str], period: str = "") -> str:
    """The report as a page; ``period`` says which applications it counts ("received 2017-01-01 to ...")."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("openimr.batch", "templates"), autoescape=select_autoescape(["html", "j2"]))
    return env.get_template("stats.html.j2").render(stats=stats, images=images, period=period)


def write_report(stats: Stats, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    images = charts(stats, out)
    target = out / "report.html"
    target.write_text(html_report(stats, images), encoding="utf-8")
    return target
