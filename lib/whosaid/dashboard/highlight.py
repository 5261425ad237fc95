"""Article text as safe HTML with each quote highlighted in its speaker's colour.

Every piece of article text goes through html.escape: the page never renders the article's own markup.
Overlapping quote spans are cut at their boundaries; the earlier quote keeps the overlapping characters.
"""
from __future__ import annotations

import difflib
import html
import math
from collections.abc import Iterable

import pandas as pd

from whosaid.dashboard.colors import color_of, tint

ANCHOR_PREFIX = "whosaid-q"


def anchor_id(quote_id: str) -> str:
    """The HTML id of a quote's highlight (safe characters only)."""
    return ANCHOR_PREFIX + "-" + "".join(c if c.isalnum() else "-" for c in str(quote_id))


def _spans(value: object) -> list[tuple[int, int]]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return [(int(s), int(e)) for s, e in value]


def _marks(quotes: pd.DataFrame, n: int) -> list[tuple[int, int, str, str]]:
    """(start, end, role, quote_id) for content, speaker and cue spans, clipped to the text, no overlaps."""
    marks = []
    for r in quotes.itertuples(index=False):
        for role, col in (("content", "content_spans"), ("speaker", "speaker_spans"), ("cue", "cue_spans")):
            for s, e in _spans(getattr(r, col, None)):
                s, e = max(0, s), min(n, e)
                if e > s:
                    marks.append((s, e, role, r.quote_id))
    marks.sort(key=lambda m: (m[0], -m[1]))
    out, last = [], 0
    for s, e, role, qid in marks:
        s = max(s, last)
        if e > s:
            out.append((s, e, role, qid))
            last = e
    return out


def _text(piece: str) -> str:
    """Escaped text with line breaks kept."""
    return html.escape(piece).replace("\n", "<br>")


def article_html(text: str, quotes: pd.DataFrame, colors: dict[str, str], selected: str | None = None) -> str:
    """The article text as HTML: quotes as <mark> in the speaker's colour (the selected one outlined), speaker
    mentions bold in that colour, cues underlined; everything else escaped text."""
    text = str(text or "")
    info = {r.quote_id: (r.person, r.kind) for r in quotes.itertuples(index=False)}
    parts, pos, opened = [], 0, set()
    for s, e, role, qid in _marks(quotes, len(text)):
        parts.append(_text(text[pos:s]))
        person, kind = info[qid]
        color = color_of(person, colors)
        title = html.escape(f"{person} — {kind} quote", quote=True)
        piece = _text(text[s:e])
        if role == "content":
            sel = qid == selected
            style = (f"background:{tint(color, 0.45 if sel else 0.22)};border-bottom:2px solid {color};"
                     "padding:0 1px;border-radius:2px;color:inherit;")
            if sel:
                style += f"outline:3px solid {color};outline-offset:2px;"
            ident = "" if qid in opened else f' id="{anchor_id(qid)}"'
            opened.add(qid)
            parts.append(f'<mark{ident} class="whosaid-quote" title="{title}" style="{style}">{piece}</mark>')
        elif role == "speaker":
            parts.append(f'<b style="color:{color}" title="{title}">{piece}</b>')
        else:
            parts.append(f'<u title="{html.escape(str(kind), quote=True)} cue">{piece}</u>')
        pos = e
    parts.append(_text(text[pos:]))
    body = "".join(parts)
    return f'<div class="whosaid-article" style="line-height:1.7;font-size:1.02rem;">{body}</div>'


def legend_html(persons: Iterable[str], colors: dict[str, str]) -> str:
    """Coloured chips naming each speaker."""
    chips = []
    for p in persons:
        c = color_of(p, colors)
        chips.append(f'<span style="background:{tint(c, 0.22)};border-bottom:2px solid {c};padding:2px 6px;'
                     f'margin:0 6px 6px 0;display:inline-block;border-radius:3px;">{html.escape(str(p))}</span>')
    return '<div class="whosaid-legend">' + "".join(chips) + "</div>"


def context_html(text: str, quotes: pd.DataFrame, colors: dict[str, str], quote_id: str, chars: int = 300) -> str:
    """The passage around one quote (about `chars` characters either side), highlighted, as HTML."""
    row = quotes[quotes["quote_id"] == quote_id]
    if row.empty:
        return ""
    r = row.iloc[0]
    text = str(text or "")
    lo, hi = max(0, int(r["start"]) - chars), min(len(text), int(r["end"]) + chars)
    lo = text.rfind("\n", 0, int(r["start"])) + 1 if text.rfind("\n", lo, int(r["start"])) >= 0 else lo
    nl = text.find("\n", int(r["end"]), hi)
    hi = nl if nl >= 0 else hi
    local = quotes[(quotes["end"] > lo) & (quotes["start"] < hi)].copy()
    shift = lambda spans: [(max(0, s - lo), max(0, e - lo)) for s, e in _spans(spans)]
    for col in ("content_spans", "speaker_spans", "cue_spans"):
        local[col] = local[col].map(shift)
    inner = article_html(text[lo:hi], local, colors, selected=quote_id)
    inner = inner.replace(f' id="{anchor_id(quote_id)}"', "")  # the full text keeps the anchor
    return ("…" if lo > 0 else "") + inner + ("…" if hi < len(text) else "")


def _word_key(word: str) -> str:
    """A word as versions of a quotation are compared: lower case, quotation marks and punctuation dropped."""
    return "".join(c for c in word.casefold() if c.isalnum())


def wording_diff_html(base: object, other: object) -> str:
    """`other`, a version of the quotation `base`, as escaped HTML with its wording differences marked (difflib
    over words, quotation marks and case ignored): words it adds or changes in <ins>, words of `base` it changes
    or drops inside it in <del>, and words it leaves off at either end as a count ("[… 12 words not carried]")."""
    a, b = str(base or "").split(), str(other or "").split()
    matcher = difflib.SequenceMatcher(a=[_word_key(w) for w in a], b=[_word_key(w) for w in b], autojunk=False)
    ops = matcher.get_opcodes()
    parts = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            parts.append(html.escape(" ".join(b[j1:j2])))
            continue
        if tag == "delete" and k in (0, len(ops) - 1):
            n = i2 - i1
            parts.append(f'<span class="whosaid-trim" style="color:#777;font-size:0.85em;">[… {n} word'
                         f'{"s" * (n != 1)} not carried]</span>')
            continue
        if tag in ("delete", "replace"):
            parts.append('<del style="background:#fbe3e3;color:#8a1f1f;">' + html.escape(" ".join(a[i1:i2])) + "</del>")
        if tag in ("insert", "replace"):
            parts.append('<ins style="background:#dff3e3;color:#1d5e2b;text-decoration:none;">'
                         + html.escape(" ".join(b[j1:j2])) + "</ins>")
    return '<div class="whosaid-diff" style="line-height:1.6;">' + " ".join(parts) + "</div>"
