"""Dated events: one per statement or happening, with actors, summary and how its date was found.

Baseline: one event per sentence holding a DATE timex, dated by it. To be replaced (issue 5).
"""
from __future__ import annotations

from spacy.tokens import Doc

from .model import Event, Quote, Speaker, Timex


def extract_events(doc: Doc, timexes: list[Timex], quotes: list[Quote], speakers: list[Speaker],
                   dct: str | None) -> list[Event]:
    """Events of a parsed article, each dated at its granularity or left undated."""
    events = []
    for sent in doc.sents:
        tx = [t for t in timexes if sent.start_char <= t.start < sent.end_char and t.type == "DATE"]
        actors = sorted({e.text for e in sent.ents if e.label_ in ("PERSON", "ORG", "GPE")})
        events.append(Event(
            start=sent.start_char, end=sent.end_char, sentence=sent.text, summary=sent.text[:120],
            date=tx[0].value if tx else None, how="explicit" if tx else "unknown", actors=actors,
        ))
    return events
