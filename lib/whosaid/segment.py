"""Cutting an article into bounded pieces for the parser, so that its cost does not grow with the longest run.

spaCy's memory grows with the length of the document it parses (about 3 KB per character for the small English
pipeline), and the parser makes one sentence of a run without a sentence end, which later steps that walk a
sentence per token (`Token.sent`) pay for with the square of its length. Two cuts bound both, and neither inserts
or removes a character, so every offset still indexes the article's text:

- `pieces`: the text as consecutive (start, end) pieces of at most `limit` characters, cut at the strongest
  boundary near the limit (a blank line, a line break, a sentence end, a clause mark, a space, else anywhere);
  each piece is parsed on its own and the parses joined (`whosaid.nlp.parse`). An ordinary article is one piece.
- `cap_sentences`: a pipeline step before the parser that starts a new sentence when a run has gone `max_tokens`
  tokens without a sentence end or line break, at its last comma, semicolon, colon or dash if it has one, and
  after a dateline ("WASHINGTON (AP) — ", "New York (AFP) – "), which names where the story was filed and is
  no part of the sentence after it (parsed with it, "WASHINGTON" becomes the subject of the first verb).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

PIECE_CHARS = 50_000  # longer than any article of the benchmarks (22,000 at most), about 120 MB to parse
MAX_SENT_TOKENS = 250  # a run this long without a sentence end is cut (news sentences rarely pass 80 tokens)
SENT_END = {".", "!", "?", "…", "...", "?!", "!?"}
CLAUSE_MARKS = {",", ";", ":", "—", "–", "--", "-"}
# boundaries from strongest to weakest; a match's end is where the next piece starts
BOUNDARIES = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?…][\"'”’)\]]*\s+"),
    re.compile(r"[;:,—–]\s+"),
    re.compile(r"\s+"),
)

# A dateline opening a line: a place in capitals ("DES MOINES", "MANCHESTER, N.H."), or in any case before a news
# agency ("New York (AFP)"), an optional date, then a dash.
_AGENCY = r"\((?:AP|AFP|Reuters|UPI|CNN|Bloomberg|dpa|Xinhua)\)"
_DATE = r"(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)?"
DATELINE = re.compile(
    r"^[^\S\n]*(?:[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    rf"{_DATE}(?: {_AGENCY})?|[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}}{_DATE} {_AGENCY})[^\S\n]*(?:—|–|--?)[^\S\n]*",
    re.M)


def dateline_ends(text: str) -> list[int]:
    """Where the text after each dateline starts (the character after its dash and spaces)."""
    return [m.end() for m in DATELINE.finditer(text) if m.end() < len(text) and text[m.end()] not in "\n"]


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece that begins at `start` should end: the last strongest boundary in its second half."""
    lo, hi = start + limit // 2, start + limit
    for pattern in BOUNDARIES:
        end = None
        for m in pattern.finditer(text, lo, hi):
            end = m.end()
        if end is not None and end > start:
            return min(end, hi)
    return hi  # no space at all in `limit` characters: cut anywhere


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Consecutive (start, end) pieces covering `text`, each at most `limit` characters."""
    limit = max(2, limit)
    out, start = [], 0
    while len(text) - start > limit:
        end = _cut(text, start, limit)
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def _ends_run(tok) -> bool:
    return tok.text in SENT_END or "\n" in tok.text or "\n" in tok.whitespace_


def cap_sentences(doc: Doc, max_tokens: int = MAX_SENT_TOKENS) -> Doc:
    """Mark sentence starts so that no run of more than `max_tokens` tokens lacks one, and after each dateline
    (the parser keeps them)."""
    for end in dateline_ends(doc.text):
        span = doc.char_span(end, end + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    run_start = 0
    last_mark = -1
    for tok in doc:
        if tok.i > run_start and _ends_run(doc[tok.i - 1]):
            run_start, last_mark = tok.i, -1
        if tok.text in CLAUSE_MARKS and tok.i + 1 < len(doc):
            last_mark = tok.i
        if tok.i - run_start >= max_tokens:
            cut = last_mark + 1 if last_mark - run_start >= max_tokens // 2 else tok.i
            doc[cut].is_sent_start = True
            run_start, last_mark = cut, -1
    return doc
