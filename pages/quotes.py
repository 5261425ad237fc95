"""Quotes: the filterable quote table, a page at a time, its downloads (every quote the filters keep), and a
click that opens the quote in its article; or one row per quotation (copies carried by several articles shown
once), where a click shows the quotation's path: the articles that carried it and how their wording differs."""
import streamlit as st
from whosaid.dashboard import (
    ARTICLE,
    OPTION_LIMIT,
    PAGE_SIZE,
    QUOTES,
    check_params,
    color_of,
    cue_class_filter,
    data_or_stop,
    date_range,
    exports,
    highlight,
    in_span,
    link_box,
    listed,
    outlet_filter,
    md,
    pager,
    positive,
    queries,
    reset_page,
    set_param,
    speaker_options,
    tint,
)

st.title("Quotes")
data = data_or_stop()
speakers = speaker_options(data)
docs = data.ask(queries.docs, OPTION_LIMIT.value())
span = data.ask(queries.quote_span)
outlets = list(data.ask(queries.outlet_counts)["outlet"])
check_params({"speaker": lambda v: v in speakers or data.is_person(v),
              "article": lambda v: v in docs or v in data.ask(queries.known, "doc", (v,)),
              "kind": queries.KINDS, "dates": in_span(span), "q": None, "page": positive,
              "outlet": outlets, "class": queries.CUE_CLASS_LIST,
              "quotations": ("true", "false"), "path": lambda v: bool(data.ask(queries.known, "path", (v,)))})

with st.sidebar:
    st.header("Filters")
    chosen = st.multiselect("Speaker", listed(speakers, "speaker"), key="speaker", bind="query-params",
                            placeholder="everyone", on_change=reset_page, accept_new_options=data.capped)
    chosen_docs = st.multiselect("Article", listed(docs, "article"), key="article", bind="query-params",
                                 placeholder="all articles", on_change=reset_page,
                                 accept_new_options=len(docs) >= OPTION_LIMIT.value())
    kinds = st.pills("Kind", queries.KINDS, selection_mode="multi", key="kind", bind="query-params",
                     help="direct: in quotation marks; indirect: reported speech; mixed: both.", on_change=reset_page)
    chosen_outlets = outlet_filter(outlets, on_change=reset_page)
    classes = cue_class_filter(on_change=reset_page)
    rng = date_range("Date range", span, on_change=reset_page)
    text = st.text_input("Search the quotes", key="q", bind="query-params", placeholder="words in the quote or name",
                         on_change=reset_page)

f = queries.QuoteFilter.of(chosen, chosen_docs, kinds, rng, text, outlets=chosen_outlets, cue_classes=classes)
total = data.counts["quotes"]
size = PAGE_SIZE.value()
asked = st.query_params.get("page", "1")
per_quotation = st.toggle("One row per quotation", key="quotations", bind="query-params", on_change=reset_page,
                          help="Copies of one quotation carried by several articles (trimmed or lightly edited) "
                               "make one row, with how many articles carried it and when first.")


def show_path(path_id: str) -> None:
    """The articles that carried one quotation, in order, each version's wording compared with the first."""
    copies = data.ask(queries.quote_path, path_id)
    if copies.empty:
        return
    first = copies.iloc[0]
    with st.container(border=True, key="quote_path"):
        head, close = st.columns([6, 1])
        head.markdown("**A quotation " + md(queries.carried(copies["doc"].nunique(), first["published"])) + "**")
        close.button("Close", key="close_path", icon=":material/close:", on_click=set_param, args=("path", None))
        st.caption("Every article that carried it, in the order they were published. Each later version is "
                   "compared with the first: words it adds or changes in green, words it changes or drops struck "
                   "through in red, words it leaves off at either end counted.")
        for k, r in enumerate(copies.itertuples()):
            st.page_link(ARTICLE.file, label=f"{md(r.published or 'date unknown')} · {md(r.title)}",
                         icon=":material/article:", query_params={"doc": r.doc, "quote": r.quote_id})
            st.caption(f"{md(r.person)} · {md(r.kind)}" + (" · the first version" if k == 0 else ""))
            st.html(highlight.wording_diff_html(first["text"] if k else r.text, r.text))


if st.query_params.get("path"):
    show_path(st.query_params["path"])

ask = queries.quotation_page if per_quotation else queries.quote_page
table, n = data.ask(ask, f, int(asked) if asked.isdigit() else 1, size)
caption = st.empty()
unit = "quotations" if per_quotation else "quotes"
caption.caption(f"{n} {unit}" + (f" in {total} quotes." if per_quotation else f" of {total} quotes."))
if total == 0:
    st.info("The articles in the store contain no quote that whosaid recognised. Add articles with quotations "
            "on the Add articles page.")
elif n == 0:
    st.info("No quote matches these filters. Widen them: remove a speaker, article, kind, outlet or cue class, "
            "clear the search text, or reset the date range in the sidebar.")
elif per_quotation:
    if not data.ask(queries.paths_grouped):
        st.caption(":material/info: This store was built before whosaid grouped the copies of a quotation: every "
                   "quote is shown as a quotation of its own. Run `whosaid build` again to group them.")
    page, shown_rows = pager(n, size, "quotations")
    if str(page) != asked:  # past the last page: the first
        table, _ = data.ask(ask, f, page, size)

    shown = table.style.map(lambda p: f"background-color: {tint(color_of(p, data.colors), 0.22)}", subset=["person"])
    picked = st.dataframe(
        shown, key="quotation_table", hide_index=True, on_select="rerun", selection_mode="single-row",
        column_order=["person", "kind", "text", "carried", "title"],
        column_config={"person": st.column_config.TextColumn("Speaker"),
                       "kind": st.column_config.TextColumn("Kind"),
                       "text": st.column_config.TextColumn("Quotation (as first carried)", width="large"),
                       "carried": st.column_config.TextColumn("Carried by"),
                       "title": st.column_config.TextColumn("First article")})
    rows = picked.selection.rows
    pick = table.iloc[rows[0]]["path_id"] if rows and rows[0] < len(table) else None
    if pick != st.session_state.get("picked_path"):  # a new click (a selection kept after Close is not one)
        st.session_state["picked_path"] = pick
        if pick:
            set_param("path", pick)
            st.rerun()
    caption.caption(f"{n} quotations in the {data.ask(queries.quote_count, f)} quotes the filters keep"
                    + (f" (showing {shown_rows})" if n > size else "")
                    + ". The most widely carried first; click a row to see the articles that carried it.")
else:
    page, shown_rows = pager(n, size, "quotes")
    if str(page) != asked:  # past the last page: the first
        table, _ = data.ask(ask, f, page, size)
    table = queries.quote_table(table)
    shown = table.style.map(lambda p: f"background-color: {tint(color_of(p, data.colors), 0.22)}", subset=["person"])
    picked = st.dataframe(
        shown, key="quote_table", hide_index=True, on_select="rerun", selection_mode="single-row",
        column_order=["person", "kind", "cue_class", "text", "date", "title", "outlet"],
        column_config={"person": st.column_config.TextColumn("Speaker"),
                       "kind": st.column_config.TextColumn("Kind"),
                       "text": st.column_config.TextColumn("Quote", width="large"),
                       "date": st.column_config.TextColumn("Date"),
                       "title": st.column_config.TextColumn("Article"),
                       "cue_class": st.column_config.TextColumn("Cue class"),
                       "outlet": st.column_config.TextColumn("Outlet")})
    if picked.selection.rows:
        row = table.iloc[picked.selection.rows[0]]
        st.switch_page(ARTICLE.file, query_params={"doc": row["doc"], "quote": row["quote_id"]})
    caption.caption(f"{n} of {total} quotes" + (f" (showing {shown_rows})" if n > size else "")
                    + ". Click a row to read the quote in its article.")

db = data.db
c1, c2 = st.columns(2)
c1.download_button("Download these quotes as CSV", lambda: exports.quotes_csv(queries.quotes(db, f)),
                   "whosaid-quotes.csv", "text/csv", key="download_quotes_csv", disabled=n == 0,
                   help="Every quote the filters keep, on every page.")
c2.download_button("Download these quotes as JSON", lambda: exports.quotes_json(queries.quotes(db, f)),
                   "whosaid-quotes.json", "application/json", key="download_quotes_json", disabled=n == 0,
                   help="Every quote the filters keep, on every page.")
link_box(QUOTES)
