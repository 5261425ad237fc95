"""Timeline: events at their granularity (days as points, months and years as spans; counted per day or week
when there are too many to draw), filters, undated events apart, and the chosen event with its sentence,
article and the quotes around its date."""
import pandas as pd
import streamlit as st
from whosaid.dashboard import (
    ARTICLE,
    OPTION_LIMIT,
    TABLE_ROWS,
    TIMELINE,
    TIMELINE_MARKS,
    charts,
    check_params,
    data_or_stop,
    date_range,
    exports,
    in_span,
    link_box,
    listed,
    md,
    queries,
    set_param,
    short,
    url_pick,
)

st.title("Timeline")
data = data_or_stop()
limit = OPTION_LIMIT.value()
actor_options = data.ask(queries.actors_in_events, None, limit)
docs = data.ask(queries.docs, limit)
span = data.ask(queries.event_span)
check_params({"actor": lambda v: v in actor_options or v in data.ask(queries.known, "actor", (v,)),
              "article": lambda v: v in docs or v in data.ask(queries.known, "doc", (v,)),
              "dates": in_span(span), "event": lambda v: v in data.ask(queries.known, "event", (v,))})

with st.sidebar:
    st.header("Filters")
    actors = st.multiselect("Actor or speaker", sorted(listed(actor_options, "actor"), key=str.casefold),
                            key="actor", bind="query-params", placeholder="everyone",
                            help="Events where this person speaks or is named.",
                            accept_new_options=len(actor_options) >= limit)
    chosen_docs = st.multiselect("Article", listed(docs, "article"), key="article", bind="query-params",
                                 placeholder="all articles", accept_new_options=len(docs) >= limit)
    rng = date_range("Date range", span)

f = queries.EventFilter.of(actors, chosen_docs, rng)
everywhere = queries.EventFilter(f.actors, f.docs)  # undated events know no date range
n_dated, n_undated = data.ask(queries.event_counts, f)
rows = TABLE_ROWS.value()
marks = TIMELINE_MARKS.value()
drawn = n_dated <= marks  # one by one, with their sentences; else counted per day or week
dated = data.ask(queries.events, f, True, max(marks, rows) if drawn else rows, 0, drawn)
undated = data.ask(queries.events, everywhere, False, rows, 0, False)
selected = st.query_params.get("event")


def on_chart_select() -> None:
    """A click on the chart chooses that event (kept in the URL)."""
    points = st.session_state["timeline_chart"]["selection"]["points"]
    if points and points[0].get("customdata"):
        set_param("event", points[0]["customdata"][0])



if span is None:
    st.info("No event in these articles has a date whosaid could place; the events are listed below.")
elif n_dated == 0:
    st.info("No dated event matches these filters. Widen them: clear the actor or article filter, or reset the "
            "date range (the × in the sidebar boxes).")
elif drawn:
    st.caption("One lane per article. Days are points (● date written in the sentence, ◆ inherited from an "
               "earlier date, □ the publication date); weeks, months and years are bars across their whole span. "
               "Colour: the speaker (or first person named) in the event, as on every page; grey: nobody known. "
               "Hover for the sentence, click to choose an event.")
    _, _, hidden = charts.initial_range(dated)
    if hidden:
        st.caption(f"{hidden} earlier event{'s' * (hidden != 1)} lie left of the opening view: drag the range "
                   "slider under the chart, or narrow the date range.")
    st.plotly_chart(charts.timeline(dated, data.colors, selected), key="timeline_chart", on_select=on_chart_select,
                    selection_mode="points", config={"displaylogo": False, "scrollZoom": True})
else:
    lo, hi = data.ask(queries.event_extent, f)
    unit = "day" if (hi - lo).days <= 120 else "week"
    bins = data.ask(queries.event_bins, f, unit)
    st.caption(f"{n_dated:,} dated events: too many to draw one by one (more than {marks:,}), so they are counted "
               f"per {unit} of their first day (hover a bar for its dates). Narrow the date range or the other filters in "
               "the sidebar to see them one by one; the table below lists the first of them by date.")
    st.plotly_chart(charts.event_bins(bins, unit), key="timeline_bins",
                    config={"displaylogo": False, "scrollZoom": True})

if n_dated:
    with st.expander(f"Dated events as a table ({n_dated})"):
        if n_dated > len(dated.head(rows)):
            st.caption(f"The first {rows:,} of {n_dated:,} by date; the download below holds them all.")
        st.dataframe(queries.event_table(dated.head(rows))[["date", "granularity", "how", "summary", "persons",
                                                            "title"]], hide_index=True)

pick_ids = list(dated["event_id"].head(rows)) + list(undated["event_id"])
if selected and selected not in pick_ids:
    pick_ids.insert(0, selected)
chosen = data.ask(queries.event, selected) if selected else None
labels = {r.event_id: f"{r.date or 'date unknown'} — {short(r.summary, 80)}"
          for r in pd.concat([dated.head(rows), undated]).itertuples()}
if chosen:
    labels[selected] = f"{chosen['date'] or 'date unknown'} — {short(chosen['summary'], 80)}"
event_id = url_pick("Event", pick_ids, "event", "event_pick", format_func=labels.get,
                    help="Or click a point on the timeline.")

if event_id:
    e = chosen if event_id == selected and chosen else data.ask(queries.event, event_id)
    with st.container(border=True):
        st.markdown(f"**{md(e['date'] or 'Date unknown')}** · granularity {md(e['granularity'] or '—')} · "
                    f"date found: **{md(e['how'])}** · in *{md(e['title'])}*")
        st.text(" ".join(str(e["sentence"]).split()))
        inside = data.ask(queries.first_quote_in, e["doc"], int(e["start"]), int(e["end"]))
        params = {"doc": e["doc"], **({"quote": inside} if inside else {"event": event_id})}
        st.page_link(ARTICLE.file, label="Read it in the article", icon=":material/article:",
                     query_params=params)
        if e["date_start"]:
            near = data.ask(queries.quotes_around, e["date_start"], e["date_end"], 3, rows)
            n_near = data.ask(queries.quote_count, queries.QuoteFilter(date_range=queries.around(
                e["date_start"], e["date_end"], 3)))
            st.markdown(f"**Quotes dated within 3 days of {md(e['date'])}** ({n_near})")
            if n_near > len(near):
                st.caption(f"The first {len(near):,} in article order.")
            if len(near):
                st.dataframe(queries.quote_table(near)[["person", "kind", "text", "date", "title"]], hide_index=True,
                             key="near_quotes")

st.subheader(f"Date unknown ({n_undated})")
st.caption("Events whose sentence gives no date of its own; they are listed here, never placed on the "
           "publication date." + (f" The first {rows:,} of {n_undated:,}." if n_undated > rows else ""))
if len(undated):
    st.dataframe(queries.event_table(undated)[["summary", "persons", "how", "title"]], hide_index=True,
                 key="undated_table")

db = data.db
c1, c2 = st.columns(2)
c1.download_button("Timeline as CSV", lambda: exports.events_csv(pd.concat(
    [queries.event_table(queries.events(db, f, True)), queries.event_table(queries.events(db, everywhere, False))],
    ignore_index=True)), "whosaid-timeline.csv", "text/csv", key="download_events_csv",
    help="Every event the filters keep, dated and undated.")
c2.download_button("Timeline as TimelineJS JSON", lambda: exports.timelinejs(queries.events(db, f, True)),
                   "whosaid-timelinejs.json", "application/json", key="download_timelinejs",
                   help="Load it in Knight Lab's TimelineJS.")
link_box(TIMELINE)
