"""The dashboard layer: the only code that imports Streamlit. Pages import what they need from here.

db (DuckDB over the store's files) → queries (what a page asks of the data, in SQL) → state (where the store
is, the caches) → charts, colors, highlight, exports (what it shows) → ui (shared widgets and URL state) →
routes (the pages, defined once).
"""
from typing import Any

from whosaid.corpus.persons import UNATTRIBUTED
from whosaid.dashboard import charts, exports, highlight, queries
from whosaid.dashboard.colors import color_of, tint
from whosaid.dashboard.routes import (
    ADD_ARTICLES,
    ARTICLE,
    OVERVIEW,
    QUOTES,
    ROUTES,
    SPEAKER,
    TIMELINE,
    WHO_SAID_WHAT,
    Route,
    routes,
    run,
)
from whosaid.dashboard.state import (
    Data,
    aliases_path,
    current_aliases,
    load_data,
    nlp,
    speaker_options,
)
from whosaid.dashboard.ui import (
    check_params,
    cue_class_filter,
    data_or_stop,
    date_range,
    in_span,
    link_box,
    listed,
    md,
    outlet_filter,
    pager,
    paths,
    positive,
    quote_block,
    reset_page,
    roles_line,
    set_param,
    short,
    type_filter,
    url_pick,
)
from whosaid.ingest import MAX_BYTES, IngestError
from whosaid.settings import (
    CHART_SPEAKERS,
    OPTION_LIMIT,
    OUTLET_PERSONS,
    PAGE_SIZE,
    ROLES_SHOWN,
    SPEAKER_QUOTES,
    TABLE_ROWS,
    TEXT_QUOTES,
    TIMELINE_MARKS,
)

__all__ = ["ADD_ARTICLES", "ARTICLE", "CHART_SPEAKERS", "Data", "IngestError", "MAX_BYTES", "OPTION_LIMIT",
           "OUTLET_PERSONS", "OVERVIEW", "PAGE_SIZE", "QUOTES", "ROLES_SHOWN", "ROUTES", "Route", "SPEAKER",
           "SPEAKER_QUOTES", "TABLE_ROWS", "TEXT_QUOTES", "TIMELINE", "TIMELINE_MARKS", "UNATTRIBUTED",
           "WHO_SAID_WHAT", "aliases_path", "charts", "check_params", "color_of", "cue_class_filter",
           "current_aliases", "data_or_stop", "date_range", "exports", "highlight", "in_span", "library", "link_box",
           "listed", "load_data", "md", "nlp", "outlet_filter", "pager", "paths", "positive", "queries", "quote_block",
           "reset_page", "roles_line", "routes", "run", "set_param", "short", "speaker_options", "tint", "type_filter",
           "url_pick"]


def __getattr__(name: str) -> Any:
    """`library` (adding and removing articles) is imported on first use: it brings spaCy, which only the Add
    articles page needs, and keeps it out of every other page's start."""
    if name == "library":
        from whosaid import library

        return library
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
