"""Overview: what the store holds, where each article's date came from (a page of articles at a time), and the
way into every view."""
import streamlit as st
from whosaid.dashboard import (
    ADD_ARTICLES,
    ARTICLE,
    OVERVIEW,
    PAGE_SIZE,
    QUOTES,
    SPEAKER,
    TIMELINE,
    WHO_SAID_WHAT,
    check_params,
    data_or_stop,
    link_box,
    md,
    pager,
    positive,
    queries,
    routes,
)

st.title("whosaid")
st.caption("Who said what, and when — quotes, speakers and a timeline of events from news articles.")
check_params({"page": positive})
data = data_or_stop()
facts = data.ask(queries.overview)

cols = st.columns(5)
cols[0].metric("Articles", facts["articles"])
cols[1].metric("Quotes", facts["quotes"])
cols[2].metric("Speakers", facts["speakers"],
               help="Everyone quoted, across articles: people, organisations, groups and sources (the report, a "
                    "lawsuit). Pronouns that name nobody are not counted. Who said what counts people by default.")
cols[3].metric("Events", facts["events"])
window = data.ask(queries.event_window)  # where most dated events fall, when a few lie far off
ends = (window.lo.isoformat(), window.hi.isoformat()) if window else (facts["events_from"], facts["events_to"])
years = sorted({d[:4] for d in (*ends, facts["published_from"], facts["published_to"]) if d})
cols[4].metric("Years covered", "–".join(dict.fromkeys([years[0], years[-1]])) if years else "—",
               help="Where most dated events fall and when the articles were published." if window else None)
if window:
    st.caption(f"Published {facts['published_from']} → {facts['published_to']}; {window.share:.0%} of the dated "
               f"events fall in {window.lo} → {window.hi} (where the timeline opens); all of them run "
               f"{facts['events_from']} → {facts['events_to']} ({window.outside:,} outside that window, some "
               "of them perhaps misread dates).")
else:
    st.caption(f"Published {facts['published_from'] or '?'} → {facts['published_to'] or '?'}; dated events run "
               + (f"{facts['events_from']} → {facts['events_to']}." if facts["events_from"] else "— none is dated."))

nav = st.columns(5)
nav[0].page_link(TIMELINE.file, label="Timeline of events", icon=":material/timeline:")
nav[1].page_link(WHO_SAID_WHAT.file, label="Who said what", icon=":material/bar_chart:")
nav[2].page_link(QUOTES.file, label="All quotes", icon=":material/format_quote:")
nav[3].page_link(SPEAKER.file, label="Speakers", icon=":material/person:")
if ADD_ARTICLES in routes():  # not on a dashboard shared read-only
    nav[4].page_link(ADD_ARTICLES.file, label="Add articles", icon=":material/upload_file:")

st.subheader("Articles")
st.caption("Publication date and where it came from: **given** by you, read from the page's **metadata**, or "
           "inferred from the **text** (with how sure whosaid is). Click a row to read the article.")
size = PAGE_SIZE.value()
page, shown = pager(facts["articles"], size, "articles")
if facts["articles"] > size:
    st.caption(f"Showing {shown}, by id.")
table = data.ask(queries.articles_table, page, size)
picked = st.dataframe(
    table, key="articles_table", hide_index=True, on_select="rerun", selection_mode="single-row",
    column_order=["title", "outlet", "published", "date from", "confidence", "quotes", "events", "source"],
    column_config={
        "title": st.column_config.TextColumn("Title", width="large"),
        "outlet": st.column_config.TextColumn("Outlet"),
        "published": st.column_config.TextColumn("Published"),
        "date from": st.column_config.TextColumn("Date from", help="given | metadata | text | none"),
        "confidence": st.column_config.ProgressColumn("Date confidence", min_value=0.0, max_value=1.0, format="%.1f"),
        "quotes": st.column_config.NumberColumn("Quotes"),
        "events": st.column_config.NumberColumn("Events"),
        "source": st.column_config.TextColumn("Source (URL or file)"),
    })
if picked.selection.rows:
    st.switch_page(ARTICLE.file, query_params={"doc": table.iloc[picked.selection.rows[0]]["doc"]})

if len(data.persons):
    st.subheader("Most quoted")
    counts = data.ask(queries.person_weights, tuple(data.persons[:8]))
    chips = st.columns(2)
    for i, person in enumerate(data.persons[:8]):
        n = counts[person]
        chips[i % len(chips)].page_link(SPEAKER.file, label=f"{md(person)} — {n} quote{'s' * (n != 1)}",
                                        icon=":material/person:", query_params={"name": person})
link_box(OVERVIEW)
