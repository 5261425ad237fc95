"""whosaid: who said what and when, from news articles.

The public surface: `extract_article` / `extract_articles` (article to quotes, speakers, timexes and events),
`read_file` and `from_bytes` (files to articles), `load_nlp` (the spaCy pipeline) and the data classes of
`whosaid.model`. Stages live in subpackages: ingest → quotes → temporal → corpus → store → dashboard; `cli`
is the command line. Names are imported on first use, so `whosaid --version` does not load spaCy.
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Article": "whosaid.model", "Event": "whosaid.model", "Extraction": "whosaid.model", "Quote": "whosaid.model",
    "Speaker": "whosaid.model", "Timex": "whosaid.model",
    "extract_article": "whosaid.extract", "extract_articles": "whosaid.extract",
    "IngestError": "whosaid.ingest", "from_bytes": "whosaid.ingest", "read_file": "whosaid.ingest",
    "load_nlp": "whosaid.nlp",
}
__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use (PEP 562)."""
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'whosaid' has no attribute {name!r}")
