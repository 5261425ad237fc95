"""The dashboard layer: the only code that imports Streamlit. Pages import what they need from here.

state (where the store is, cached loading) → queries (what a page asks of the data) → charts, colors,
highlight, exports (what it shows) → ui (shared widgets and URL state) → routes (the pages, defined once).
"""
from whosaid import library
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
    run,
)
from whosaid.dashboard.state import Data, aliases_path, load_data, nlp
from whosaid.dashboard.ui import (
    check_params,
    data_or_stop,
    date_range,
    in_span,
    link_box,
    md,
    paths,
    quote_block,
    set_param,
    short,
    url_pick,
)
from whosaid.ingest import MAX_BYTES, IngestError

__all__ = ["ADD_ARTICLES", "ARTICLE", "MAX_BYTES", "OVERVIEW", "QUOTES", "ROUTES", "SPEAKER", "TIMELINE",
           "UNATTRIBUTED", "WHO_SAID_WHAT", "Data", "IngestError", "Route", "aliases_path", "charts",
           "check_params", "color_of", "data_or_stop", "date_range", "exports", "highlight", "in_span", "library",
           "link_box", "load_data", "md", "nlp", "paths", "queries", "quote_block", "run", "set_param", "short",
           "tint", "url_pick"]
