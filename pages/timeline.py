"""Timeline: events at their granularity (days as points, months and years as spans), filters, undated events
apart, and the chosen event with its sentence, article and the quotes around its date."""
import pandas as pd
import streamlit as st
from whosaid.dashboard import (
    ARTICLE,
    TIMELINE,
    charts,
    check_params,
    data_or_stop,
    date_range,
    exports,
    in_span,
    link_box,
    md,
    queries,
    set_param,
    short,
    url_pick,
)

st.title("Timeline")
data = data_or_stop()
ev_all = data.events
actor_options = sorted({p for ps in ev_all["persons"] for p in ps}, key=str.casefold)
docs = list(data.tables["articles"]["doc"])
span = queries.full_span(ev_all["date_start"], ev_all["date_end"])
check_params({"actor": actor_options, "article": docs, "dates": in_span(span), "event": list(ev_all["event_id"])})

with st.sidebar:
    st.header("Filters")
    actors = st.multiselect("Actor or speaker", actor_options, key="actor", bind="query-params",
                            placeholder="everyone", help="Events where this person speaks or is named.")
    chosen_docs = st.multiselect("Article", docs, key="article", bind="query-params", placeholder="all articles")
    rng = date_range("Date range", span)

ev = queries.filter_events(ev_all, actors, chosen_docs, rng)
dated, undated = queries.split_dated(ev)
if rng:
    undated = queries.filter_events(ev_all, actors, chosen_docs)[lambda d: d["date_start"].isna()]

selected = st.query_params.get("event")
selected = selected if selected in set(ev_all["event_id"]) else None


def on_chart_select() -> None:
    """A click on the chart chooses that event (kept in the URL)."""
    points = st.session_state["timeline_chart"]["selection"]["points"]
    if points and points[0].get("customdata"):
        set_param("event", points[0]["customdata"][0])


if ev_all["date_start"].isna().all():
    st.info("No event in these articles has a date whosaid could place; the events are listed below.")
elif dated.empty:
    st.info("No dated event matches these filters. Widen them: clear the actor or article filter, or reset the "
            "date range (the × in the sidebar boxes).")
else:
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

if len(dated):
    with st.expander(f"Dated events as a table ({len(dated)})"):
        st.dataframe(queries.event_table(dated.sort_values("date_start", kind="stable"))[
            ["date", "granularity", "how", "summary", "persons", "title"]], hide_index=True)

labels = {r.event_id: f"{r.date or 'date unknown'} — {short(r.summary, 80)}" for r in ev_all.itertuples()}
pick_ids = list(dated.sort_values("date_start", kind="stable")["event_id"]) + list(undated["event_id"])
if selected and selected not in pick_ids:
    pick_ids.insert(0, selected)
event_id = url_pick("Event", pick_ids, "event", "event_pick", format_func=labels.get,
                    help="Or click a point on the timeline.")

if event_id:
    e = ev_all[ev_all["event_id"] == event_id].iloc[0]
    with st.container(border=True):
        st.markdown(f"**{md(e['date'] or 'Date unknown')}** · granularity {md(e['granularity'] or '—')} · "
                    f"date found: **{md(e['how'])}** · in *{md(e['title'])}*")
        st.text(" ".join(str(e["sentence"]).split()))
        inside = data.quotes[(data.quotes["doc"] == e["doc"]) & (data.quotes["start"] >= e["start"])
                             & (data.quotes["start"] < e["end"])]
        params = {"doc": e["doc"], **({"quote": inside.iloc[0]["quote_id"]} if len(inside) else
                                          {"event": event_id})}
        st.page_link(ARTICLE.file, label="Read it in the article", icon=":material/article:",
                     query_params=params)
        if e["date_start"]:
            near = queries.quotes_around(data.quotes, e["date_start"], e["date_end"])
            st.markdown(f"**Quotes dated within 3 days of {md(e['date'])}** ({len(near)})")
            if len(near):
                st.dataframe(queries.quote_table(near)[["person", "kind", "text", "date", "title"]], hide_index=True,
                             key="near_quotes")

st.subheader(f"Date unknown ({len(undated)})")
st.caption("Events whose sentence gives no date of its own; they are listed here, never placed on the "
           "publication date.")
if len(undated):
    st.dataframe(queries.event_table(undated)[["summary", "persons", "how", "title"]], hide_index=True,
                 key="undated_table")

c1, c2 = st.columns(2)
c1.download_button("Timeline as CSV", exports.events_csv(pd.concat([queries.event_table(dated),
                                                                  queries.event_table(undated)], ignore_index=True)),
                   "whosaid-timeline.csv", "text/csv", key="download_events_csv",
                   help="The events on screen, dated and undated.")
c2.download_button("Timeline as TimelineJS JSON", exports.timelinejs(dated), "whosaid-timelinejs.json",
                   "application/json", key="download_timelinejs", help="Load it in Knight Lab's TimelineJS.")
link_box(TIMELINE)
