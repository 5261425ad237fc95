"""Resolving speaker mentions ("he", "Sessions", "the attorney general") to one canonical speaker.

Baseline: the mention's text is the speaker. To be replaced by the full resolver (issue 4).
"""
from __future__ import annotations

from spacy.tokens import Doc

from .model import Quote, Speaker


def resolve_speakers(doc: Doc, quotes: list[Quote]) -> tuple[list[Quote], list[Speaker]]:
    """Quotes with `speaker`/`speaker_id` filled in, and the article's speakers."""
    speakers: dict[str, Speaker] = {}
    out = []
    for q in quotes:
        if not q.speaker_spans:
            out.append(q)
            continue
        s, e = q.speaker_spans[0]
        name = doc.text[s:e]
        sp = speakers.setdefault(name, Speaker(id=f"s{len(speakers)}", name=name))
        q.speaker, q.speaker_id = sp.name, sp.id
        out.append(q)
    return out, list(speakers.values())
