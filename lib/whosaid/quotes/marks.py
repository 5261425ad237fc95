"""Pairing quotation marks in raw text: straight or curly, unbalanced, or running over several paragraphs.

Hand-written because the library option (textacy's quote extractor) raises on unbalanced or mixed marks,
which real articles have; this scanner never raises: a mark it cannot pair is ignored or closed at the end
of its paragraph. Only double marks open top-level quotations; single marks are paired only outside
double ones (headlines and scare quotes use them) and never when they are apostrophes (don't, the '90s).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_D, CLOSE_D, AMBI_D = "“„«", "”»", '"'
OPEN_S, CLOSE_S, AMBI_S = "‘‚‹", "’›", "'`"
OPENERS_BEFORE = " \t\n([{—–-/:;,"  # characters after which a straight mark opens


@dataclass(frozen=True)
class Quoted:
    """A stretch of quoted text: `start` at the opening mark, `end` after the closing mark (or paragraph end)."""

    start: int
    end: int
    closed: bool  # False when the paragraph ended before a closing mark
    single: bool = False  # paired single marks (‘…’ or '…')

    def inner(self, text: str) -> str:
        """The quoted words without the marks."""
        return text[self.start + 1:self.end - (1 if self.closed else 0)].strip()


def _role(text: str, i: int, opens: str, closes: str, ambi: str) -> str | None:
    """'open', 'close' or None for the mark at `i`, judged by the mark and the characters around it."""
    ch = text[i]
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    opens_ctx = before.isspace() or before in OPENERS_BEFORE or before in opens
    closes_ctx = after.isspace() or after in ".,;:!?)]}—–-" or after in closes or after in ambi
    if ch in opens:
        # a curly opener typed where a closer belongs ("word“ ") is a closer
        return "close" if (closes_ctx and not opens_ctx and not before.isspace()) else "open"
    if ch in closes:
        return "open" if (opens_ctx and not closes_ctx) else "close"
    if opens_ctx and not after.isspace():
        return "open"
    if closes_ctx or not before.isspace():
        return "close"
    return None


def _pair_role(text: str, i: int) -> str | None:
    """'open' or 'close' for a two-character typewriter mark ('' or ``) at `i`."""
    if text[i] == "`":
        return "open"
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 2] if i + 2 < len(text) else "\n"
    if (before.isspace() or before in OPENERS_BEFORE) and not after.isspace():
        return "open"
    return "close"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of text."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _pair_double(text: str, ps: int, pe: int, runs_on: bool = True) -> list[Quoted]:
    """Double-mark quotations within one paragraph.

    Curly marks nest (“... “hell” ...”); a quotation still open at the paragraph's end runs on when the
    next paragraph opens with a mark (the multi-paragraph convention) and is a stray mark otherwise, in
    which case the paragraph is paired again without it.
    """
    out: list[Quoted] = []
    start = None
    depth = 0
    skip = -1
    i = ps
    while i < pe:
        if i <= skip:
            i += 1
            continue
        ch = text[i]
        pair = text[i:i + 2] in ("''", "``")  # typewriter doubles: ''quoted'' and ``quoted''
        if ch not in OPEN_D and ch not in CLOSE_D and ch != AMBI_D and not pair:
            i += 1
            continue
        if pair:
            skip = i + 1
            role = _pair_role(text, i)
        else:
            role = _role(text, i, OPEN_D, CLOSE_D, AMBI_D)
        width = 2 if pair else 1
        if start is None:
            if role == "open":
                start, depth = i, 0
        elif role == "open" and ch in OPEN_D and text[start] in OPEN_D:
            depth += 1  # a curly quotation inside a curly one
        elif role == "close" or (role is None and i > start + 1):
            if depth and ch in CLOSE_D:
                depth -= 1
            else:
                out.append(Quoted(start, i + width, True))
                start = None
        i += 1
    if start is not None:
        end = pe
        while end > start + 1 and text[end - 1].isspace():
            end -= 1
        if runs_on or depth:
            if end > start + 1:
                out.append(Quoted(start, end, False))
        else:
            out.extend(_pair_double(text, start + 1, pe, runs_on=True))
    return out


def _is_apostrophe(text: str, i: int) -> bool:
    """True for a single mark inside or closing a word (don't, Chicago's, the '90s, Jones')."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    return not before.isalnum() and after.isdigit() and text[i + 1:i + 3].isdigit()


def _pair_single(text: str, ps: int, pe: int, taken: list[Quoted]) -> list[Quoted]:
    """Single-mark quotations within one paragraph, outside the double ones already found."""
    out: list[Quoted] = []
    start = None
    inside = [(q.start, q.end) for q in taken]
    for i in range(ps, pe):
        ch = text[i]
        if ch not in OPEN_S and ch not in CLOSE_S and ch not in AMBI_S:
            continue
        if any(s <= i < e for s, e in inside) or _is_apostrophe(text, i) or text[i:i + 2] == "''" \
                or (i > 0 and text[i - 1:i + 1] == "''"):
            continue
        role = _role(text, i, OPEN_S, CLOSE_S, AMBI_S)
        if start is None:
            if role == "open":
                start = i
        elif role == "close":
            out.append(Quoted(start, i + 1, True, single=True))
            start = None
    return out  # an unclosed single mark is most likely an apostrophe: no quotation


def find_quoted(text: str) -> list[Quoted]:
    """Every quotation in the text, in order; never raises on unbalanced or mixed marks."""
    out: list[Quoted] = []
    paras = _paragraphs(text)
    for k, (ps, pe) in enumerate(paras):
        nxt = text[paras[k + 1][0]:paras[k + 1][0] + 2].lstrip() if k + 1 < len(paras) else ""
        runs_on = bool(nxt) and (nxt[0] in OPEN_D or nxt[0] in CLOSE_D or nxt[0] == AMBI_D or nxt[:2] == "''")
        doubles = _pair_double(text, ps, pe, runs_on)
        out.extend(doubles)
        out.extend(_pair_single(text, ps, pe, doubles))
    return sorted(out, key=lambda q: q.start)


def word_count(text: str) -> int:
    """Number of words in a piece of text."""
    return len(re.findall(r"\w+(?:['’]\w+)*", text))
