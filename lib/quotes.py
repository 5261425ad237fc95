"""Finding quotations (direct, indirect, mixed) with their cue and speaker mention.

Baseline: direct quotations closed by a quote mark, attributed to the subject of the nearest
reporting verb in the same sentence. To be replaced by the full extractor (issue 4).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .model import Quote

CUE_LEMMAS = {"say", "add", "tell", "state", "write", "warn", "argue", "claim", "allege", "insist"}
QUOTE_RE = re.compile(r"[\"“]([^\"“”]{15,}?)[\"”]")


def extract_quotes(doc: Doc) -> list[Quote]:
    """Quotes in a parsed article, each with content, cue and speaker mention spans."""
    quotes = []
    for m in QUOTE_RE.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        cue = next((t for t in sent if t.lemma_ in CUE_LEMMAS and t.pos_ == "VERB"), None)
        if cue is None:
            continue
        subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        speaker_spans = []
        if subj is not None:
            sub = list(subj.subtree)
            speaker_spans = [(sub[0].idx, sub[-1].idx + len(sub[-1]))]
        quotes.append(Quote(
            content_spans=[(m.start(), m.end())], speaker_spans=speaker_spans,
            cue_spans=[(cue.idx, cue.idx + len(cue))], kind="direct", cue=cue.lemma_, text=m.group(1),
        ))
    return quotes
