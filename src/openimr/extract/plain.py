"""Plain text for the readers: typographic characters as the rules write them."""

from __future__ import annotations

# Typographic characters written one for one as their plain forms, so that "McMurray’s", "doesn’t",
# "x‑ray" (a non-breaking hyphen) and "straight\u00a0leg" read as the rules write them. One character for
# one keeps every offset into the summary valid.
_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)


def plain(text: str) -> str:
    """``text`` with typographic quotes, dashes and spaces as their plain forms, the same length."""
    return text.translate(_PLAIN)
