"""One stable colour per speaker, the same on every page.

The ten most quoted speakers get ten clearly different colours (category10 without its grey, plus gold); each
name starts from a hashed slot and moves to the next free one on a collision, so a speaker keeps their colour
as long as the set of main speakers does. Less quoted speakers share a second, paler set the same way.
Unattributed quotes are grey.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from whosaid.corpus.persons import UNATTRIBUTED

MAIN = ["#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#17BECF", "#BCBD22",
        "#F0B400"]
MORE = ["#393B79", "#637939", "#8C6D31", "#843C39", "#7B4173", "#3182BD", "#E6550D", "#31A354", "#756BB1",
        "#636363", "#AEC7E8", "#FFBB78", "#98DF8A", "#FF9896"]
PALETTE = MAIN + MORE
GREY = "#8C8C8C"


def _hash(name: str) -> int:
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16)


def _slot(name: str) -> int:
    return _hash(name) % len(PALETTE)


def color_map(names_by_weight: Iterable[str]) -> dict[str, str]:
    """Colour for every name; pass names most-quoted first (the first ten get the ten main colours)."""
    out: dict[str, str] = {UNATTRIBUTED: GREY}
    used: set[str] = set()
    for name in names_by_weight:
        if name in out:
            continue
        group = MAIN if len(used) < len(MAIN) else MORE
        free = [c for c in group if c not in used]
        if not free:
            out[name] = PALETTE[_slot(name)]
            continue
        start = _hash(name) % len(group)
        color = next(group[(start + k) % len(group)] for k in range(len(group))
                     if group[(start + k) % len(group)] not in used)
        used.add(color)
        out[name] = color
    return out


def color_of(name: str | None, colors: dict[str, str]) -> str:
    """The colour of a name (its hashed colour when the map does not know it)."""
    if not isinstance(name, str) or not name or name == UNATTRIBUTED:
        return GREY
    return colors.get(name) or PALETTE[_slot(name)]


def tint(hex_color: str, alpha: float = 0.25) -> str:
    """A CSS rgba() of a #rrggbb colour at the given opacity (for highlight backgrounds)."""
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, {alpha})"
