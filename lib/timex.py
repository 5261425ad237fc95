"""Finding temporal expressions and normalising them to TimeML values against a reference date.

Baseline: spaCy DATE/TIME entities valued by dateparser. To be replaced (issue 5).
"""
from __future__ import annotations

from datetime import datetime

import dateparser
from spacy.tokens import Doc

from .model import Timex


def find_timexes(doc: Doc, dct: str | None) -> list[Timex]:
    """Temporal expressions in a parsed article, valued relative to the publication date `dct`."""
    base = datetime.fromisoformat(dct) if dct else None
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"} if base else {}
        d = dateparser.parse(ent.text, languages=["en"], settings=settings)
        value = d.date().isoformat() if d else "XXXX-XX-XX"
        out.append(Timex(ent.start_char, ent.end_char, ent.text, ent.label_, value))
    return out
