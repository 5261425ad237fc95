"""Quotes: the filterable quote table, its downloads, and a click that opens the quote in its article."""
import streamlit as st
from whosaid.dashboard import (
    ARTICLE,
    QUOTES,
    UNATTRIBUTED,
    check_params,
    color_of,
    data_or_stop,
    date_range,
    exports,
    in_span,
    link_box,
    queries,
    tint,
)

st.title("Quotes")
data = data_or_stop()
docs = list(data.tables["articles"]["doc"])
speakers = data.persons + ([UNATTRIBUTED] if (data.quotes["person"] == UNATTRIBUTED).any() else [])
span = queries.full_span(data.quotes["date_start"], data.quotes["date_end"])
check_params({"speaker": speakers, "article": docs, "kind": queries.KINDS, "dates": in_span(span), "q": None})

with st.sidebar:
    st.header("Filters")
    chosen = st.multiselect("Speaker", speakers, key="speaker", bind="query-params", placeholder="everyone")
    chosen_docs = st.multiselect("Article", docs, key="article", bind="query-params", placeholder="all articles")
    kinds = st.pills("Kind", queries.KINDS, selection_mode="multi", key="kind", bind="query-params",
                     help="direct: in quotation marks; indirect: reported speech; mixed: both.")
    rng = date_range("Date range", span)
    text = st.text_input("Search the quotes", key="q", bind="query-params", placeholder="words in the quote or name")

q = queries.filter_quotes(data.quotes, chosen, chosen_docs, kinds or [], rng, text)
table = queries.quote_table(q)
st.caption(f"{len(table)} of {len(data.quotes)} quotes. Click a row to read the quote in its article.")
if data.quotes.empty:
    st.info("The articles in the store contain no quote that whosaid recognised. Add articles with quotations "
            "on the Add articles page.")
elif table.empty:
    st.info("No quote matches these filters. Widen them: remove a speaker, article or kind, clear the search "
            "text, or reset the date range in the sidebar.")
else:
    shown = table
    if len(table) <= 3000:  # each speaker's cell in their colour, as on every page
        shown = table.style.map(lambda p: f"background-color: {tint(color_of(p, data.colors), 0.22)}",
                                subset=["person"])
    picked = st.dataframe(
        shown, key="quote_table", hide_index=True, on_select="rerun", selection_mode="single-row",
        column_order=["person", "kind", "text", "date", "title"],
        column_config={"person": st.column_config.TextColumn("Speaker"),
                       "kind": st.column_config.TextColumn("Kind"),
                       "text": st.column_config.TextColumn("Quote", width="large"),
                       "date": st.column_config.TextColumn("Date"),
                       "title": st.column_config.TextColumn("Article")})
    if picked.selection.rows:
        row = table.iloc[picked.selection.rows[0]]
        st.switch_page(ARTICLE.file, query_params={"doc": row["doc"], "quote": row["quote_id"]})

c1, c2 = st.columns(2)
c1.download_button("Download these quotes as CSV", exports.quotes_csv(table), "whosaid-quotes.csv", "text/csv",
                   key="download_quotes_csv", disabled=table.empty)
c2.download_button("Download these quotes as JSON", exports.quotes_json(table), "whosaid-quotes.json",
                   "application/json", key="download_quotes_json", disabled=table.empty)
link_box(QUOTES)
