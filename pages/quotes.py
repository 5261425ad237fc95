"""Quotes: the filterable quote table, a page at a time, its downloads (every quote the filters keep), and a
click that opens the quote in its article."""
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
    in_span,
    link_box,
    listed,
    outlet_filter,
    pager,
    positive,
    queries,
    reset_page,
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
              "outlet": outlets, "class": queries.CUE_CLASS_LIST})

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
table, n = data.ask(queries.quote_page, f, int(asked) if asked.isdigit() else 1, size)
caption = st.empty()
caption.caption(f"{n} of {total} quotes.")
if total == 0:
    st.info("The articles in the store contain no quote that whosaid recognised. Add articles with quotations "
            "on the Add articles page.")
elif n == 0:
    st.info("No quote matches these filters. Widen them: remove a speaker, article, kind, outlet or cue class, "
            "clear the search text, or reset the date range in the sidebar.")
else:
    page, shown_rows = pager(n, size, "quotes")
    if str(page) != asked:  # past the last page: the first
        table, _ = data.ask(queries.quote_page, f, page, size)
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
