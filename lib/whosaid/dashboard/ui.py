"""Pieces every dashboard page shares: loading with empty/error states, URL parameter checks, the
'link to this view' box, date-range and quote/event pickers that live in the URL."""
from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from urllib.parse import urlencode

import streamlit as st

from whosaid.dashboard.queries import CUE_CLASS_LIST, PERSON_TYPES
from whosaid.dashboard.routes import ADD_ARTICLES, Route, routes
from whosaid.dashboard.state import Data, articles_dir, load_data, store_root
from whosaid.dates import is_day, parse_day
from whosaid.settings import ROLES_SHOWN, read_only


def _leave_pages_folder_mode() -> None:
    """Use st.navigation even on a fresh server's first visit.

    Streamlit 1.67 has no setting for this: it starts in its old pages-folder mode when a `pages/` folder sits
    beside the main script (`PagesManager.uses_pages_directory`, a private class attribute), and a first visit
    to a deep link (/quotes?speaker=…) then runs that page alone, without dashboard.py's navigation. Every page
    imports this package, so that first run switches the mode off and reruns through dashboard.py, keeping the
    URL and its parameters (tests/browser checks it). Should a Streamlit upgrade drop the attribute, the page
    still opens, with a notice and a link home; pyproject.toml pins the Streamlit minor version tested.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager

        in_folder_mode = PagesManager.uses_pages_directory
    except (ImportError, AttributeError):
        st.caption(":material/info: If this page shows without the sidebar, open the dashboard's home page first.")
        return
    if in_folder_mode:
        PagesManager.uses_pages_directory = False
        st.rerun()


_leave_pages_folder_mode()

BUILD_HINT = "whosaid build data/articles --out {root}"


def data_or_stop(allow_empty: bool = False) -> Data:
    """The store's data; an unreadable or empty store shows what to do and stops the page."""
    data = load_data()
    if data.error:
        st.error(f"The store cannot be read: {data.error}")
        st.code(BUILD_HINT.format(root=data.root), language="bash")
        st.stop()
    if data.empty and not allow_empty:
        st.info("There are no articles yet. Build the store from a folder of articles with the command below "
                "(then reload this page)" + ("." if read_only() else ", or add articles on the **Add articles** page."))
        st.code(BUILD_HINT.format(root=data.root), language="bash")
        if ADD_ARTICLES in routes():
            st.page_link(ADD_ARTICLES.file, label=ADD_ARTICLES.title, icon=ADD_ARTICLES.icon)
        st.stop()
    return data


Validator = Callable[[str], bool] | Iterable[str] | None


def _ok(check: Validator, value: str) -> bool:
    if check is None:
        return True
    if callable(check):
        return check(value)
    return value in check


def in_span(span: tuple[date, date] | None) -> Callable[[str], bool]:
    """A URL-value check: an ISO date within the data's date span."""
    return lambda v: bool(span) and is_day(v) and span[0] <= parse_day(v) <= span[1]


def check_params(allowed: dict[str, Validator]) -> list[str]:
    """Warn about (and drop) URL parameters this page does not know or whose values are not valid here;
    returns the notices shown. A validator is a collection of the valid values, a check of one value, or
    None for anything."""
    notices = []
    for key in list(st.query_params.keys()):
        values = st.query_params.get_all(key)
        given = [v for v in values if v != ""]
        if key not in allowed:
            notices.append(f"the link parameter “{key}” is not used on this page")
            keep = None
        else:
            wrong = [v for v in given if not _ok(allowed[key], v)]
            if wrong:
                notices.append(f"“{key}={wrong[0]}” is not a valid value here")
            keep = [v for v in given if v not in wrong] if wrong else values
        if keep != values:
            with contextlib.suppress(Exception):  # a widget bound to it drops the value itself
                if keep:
                    st.query_params[key] = keep
                else:
                    del st.query_params[key]
    if notices:
        msg = "Ignored " + "; ".join(notices) + "."
        st.toast(msg, icon=":material/link_off:")
        st.caption(f":material/link_off: {msg}")
    return notices


def positive(v: str) -> bool:
    """A URL-value check: a whole number from 1 (a page number)."""
    return v.isdigit() and int(v) >= 1


def listed(options: Sequence[str], param: str) -> list[str]:
    """A filter box's options: `options` plus the values the URL gives for `param` that are not among them
    (check_params has already dropped the invalid ones), so a link to anyone works when a box lists only the
    most quoted."""
    extra = [v for v in st.query_params.get_all(param) if v and v not in options]
    return list(options) + list(dict.fromkeys(extra))


CUE_CLASS_HELP = ("What the attribution reports: speech (said, told), writing (wrote, a report found), stance "
                  "(believes, refused to acknowledge), no_comment (declined to comment). None chosen: all of them.")
TYPE_HELP = ("Who the speaker is: a person, an organisation, a group (Republicans, officials) or a source (the "
             "report, a lawsuit). None chosen: all of them. Quotes whose speaker is a pronoun or description that "
             "was not resolved are counted apart, below the chart.")


def outlet_filter(outlets: Sequence[str], on_change: Callable[[], None] | None = None) -> list[str]:
    """The Outlet box, bound to the URL parameter `outlet` (no box when the store names no outlet)."""
    if not outlets:
        return []
    return st.multiselect("Outlet", listed(outlets, "outlet"), key="outlet", bind="query-params",
                          placeholder="all outlets", on_change=on_change,
                          help="The publisher of each article: the build's --meta file, the page's site name, "
                               "or the folder the file came from.")


def cue_class_filter(default: Sequence[str] = (), on_change: Callable[[], None] | None = None) -> list[str]:
    """The Cue class pills, bound to the URL parameter `class`."""
    return st.pills("Cue class", CUE_CLASS_LIST, selection_mode="multi", default=list(default), key="class",
                    bind="query-params", help=CUE_CLASS_HELP, on_change=on_change) or []


def type_filter(default: Sequence[str] = ()) -> list[str]:
    """The Speaker type pills, bound to the URL parameter `type`."""
    return st.pills("Speaker type", PERSON_TYPES, selection_mode="multi", default=list(default), key="type",
                    bind="query-params", help=TYPE_HELP) or []


def reset_page(key: str = "page") -> None:
    """Go back to the first page (a filter changed)."""
    if key in st.query_params:
        del st.query_params[key]


def pager(total: int, size: int, label: str = "rows", key: str = "page") -> tuple[int, str]:
    """The page of `total` rows in pages of `size` the URL parameter `key` names (1 when absent or past the
    end), with a box to choose another when there are several; returns (page, "rows a–b of total")."""
    pages = max(1, -(-total // size))
    raw = st.query_params.get(key, "1")
    page = int(raw) if raw.isdigit() and 1 <= int(raw) <= pages else 1
    box = f"{key}_box"
    if pages > 1:
        if st.session_state.get(box) != page:
            st.session_state[box] = page

        def sync() -> None:
            chosen = st.session_state.get(box) or 1
            set_param(key, str(chosen) if chosen > 1 else None)

        st.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, step=1, key=box, on_change=sync,
                        help=f"{size:,} {label} a page; the page number is part of the link.")
    first, last = (page - 1) * size + 1, min(page * size, total)
    return page, (f"{label} {first:,}–{last:,} of {total:,}" if total else f"no {label}")


def link_box(route: Route) -> None:
    """A sidebar box with the link to exactly this view (page and every filter), ready to copy."""
    pairs = [(k, v) for k in st.query_params for v in st.query_params.get_all(k)]
    query = ("?" + urlencode(pairs)) if pairs else ""
    base = st.context.url
    link = (base + query) if base else f"/{route.url_path}{query}"
    with st.sidebar:
        st.caption("Link to this view (filters included) — copy with the button at its right:")
        st.code(link, language=None, wrap_lines=True)


def date_range(label: str, span: tuple[date, date] | None, key: str = "dates",
               on_change: Callable[[], None] | None = None, *,
               default: tuple[date, date] | None = None) -> tuple[date, date] | None:
    """A date-range input bound to the URL, opening on `default` (else the whole span); None when it covers
    the whole span (no filtering). A single day (a range of one day, which the URL holds as one date) is that
    day."""
    if not span:
        return None
    lo, hi = span
    if lo == hi:
        st.caption(f"All dated items fall on {lo.isoformat()}.")
        return None
    value = st.date_input(label, value=default or (lo, hi), min_value=lo, max_value=hi, key=key,
                          bind="query-params",
                          on_change=on_change, help="Keeps what overlaps the range. Items without a date are left out once you narrow it.")
    if isinstance(value, (tuple, list)) and len(value) == 1:
        value = (value[0], value[0])
    if isinstance(value, (tuple, list)) and len(value) == 2 and (value[0], value[1]) != (lo, hi):
        return value[0], value[1]
    return None


def url_pick(label: str, options: Sequence[str], param: str, key: str,
             format_func: Callable[[str], str] = str, help: str | None = None,
             clear: Sequence[str] = (), accept_new: bool = False) -> str | None:
    """A selectbox mirrored into the URL parameter `param` (for choices whose labels are not URL-friendly:
    the URL holds the id, the box shows the label); changing it drops the `clear` parameters. With
    `accept_new`, an id not listed can be typed (the page checks it on the next run)."""
    current = st.query_params.get(param)
    current = current if current in options else None
    if key not in st.session_state or st.session_state[key] != current:
        st.session_state[key] = current

    def sync() -> None:
        chosen = st.session_state.get(key)
        for other in clear:
            if other in st.query_params:
                del st.query_params[other]
        if chosen:
            st.query_params[param] = chosen
        elif param in st.query_params:
            del st.query_params[param]

    return st.selectbox(label, list(options), key=key, format_func=format_func, on_change=sync,
                        placeholder="none chosen", help=help, accept_new_options=accept_new)


def set_param(param: str, value: str | None) -> None:
    """Set or clear a URL parameter that no widget is bound to."""
    if value:
        st.query_params[param] = value
    elif param in st.query_params:
        del st.query_params[param]


MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def md(text: object) -> str:
    """Article-derived text made inert for st.markdown and labels: HTML-escaped, Markdown characters escaped,
    whitespace collapsed to single spaces."""
    return MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text or "").split()), quote=False))


def quote_block(text: object) -> None:
    """A quote's text as an escaped, indented block."""
    st.html('<blockquote style="border-left:3px solid #ccc;margin:0.2rem 0 0.2rem 0;padding:0.1rem 0.8rem;">'
            + html.escape(" ".join(str(text or "").split())) + "</blockquote>")


def roles_line(roles: Sequence[str]) -> str:
    """A speaker's roles for a line of Markdown, escaped: the first `roles_shown` (the most attested) and how many
    more there are."""
    n = ROLES_SHOWN.value()
    more = f" and {len(roles) - n} more" if len(roles) > n else ""
    return md("; ".join(roles[:n])) + more


def short(text: object, n: int = 90) -> str:
    """A one-line excerpt of at most n characters."""
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def paths() -> tuple[str, str]:
    """(store folder, articles folder) as shown to the user."""
    return str(store_root()), str(articles_dir())
