"""Inferring an article's publication date from its text (dateline, caption) when no metadata gives it.

Baseline: the first full date written out in the text. To be replaced (issue 5).
"""
from __future__ import annotations

import re

import dateparser

FULL_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (?:19|20)\d\d\b")


def infer_pubdate(text: str) -> tuple[str | None, float]:
    """(YYYY-MM-DD or None, confidence 0..1) for the publication date that the text itself suggests."""
    m = FULL_DATE.search(text)
    if not m:
        return None, 0.0
    d = dateparser.parse(m.group(0), languages=["en"])
    return (d.date().isoformat(), 0.5) if d else (None, 0.0)
