"""One stable colour per speaker, the same on every page.

Each name hashes to a preferred slot of a colour-blind-friendly palette; names are placed in order of how
much they say, so the main speakers keep their hashed colour as the store grows and a collision moves the
less quoted name to the next free slot. Unattributed quotes are grey.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from .aliases import UNATTRIBUTED

# Okabe-Ito + Tol "muted"/"bright" colours: distinct, readable on white, and on white as 25 % tints.
PALETTE = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#117733",
    "#AA4499", "#44AA99", "#999933", "#332288", "#EE6677", "#228833", "#4477AA", "#CCBB44",
    "#66CCEE", "#AA3377", "#EE7733", "#0077BB", "#33BBEE", "#EE3377", "#CC3311", "#009988",
]
GREY = "#8C8C8C"


def _slot(name: str) -> int:
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16) % len(PALETTE)


def color_map(names_by_weight: Iterable[str]) -> dict[str, str]:
    """Colour for every name; pass names most-quoted first (the order decides who wins a collision)."""
    out: dict[str, str] = {UNATTRIBUTED: GREY}
    used: set[int] = set()
    for name in names_by_weight:
        if name in out:
            continue
        slot = _slot(name)
        if len(used) < len(PALETTE):
            while slot in used:
                slot = (slot + 1) % len(PALETTE)
        used.add(slot)
        out[name] = PALETTE[slot]
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
