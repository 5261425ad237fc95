"""Time: the publication date, temporal expressions valued in TimeML, and dated events.

Names are imported on first use (PEP 562): the store and the dashboard read `temporal.timeml` without
loading spaCy, which the events and timexes modules need.
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {"extract_events": "whosaid.temporal.events", "find_timexes": "whosaid.temporal.timexes",
            "infer_pubdate": "whosaid.temporal.pubdate", "value_interval": "whosaid.temporal.timeml"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'whosaid.temporal' has no attribute {name!r}")
