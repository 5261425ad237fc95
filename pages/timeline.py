"""Timeline: events at their granularity (days as points, months and years as spans), filters, undated events
apart, and the chosen event with its sentence, article and the quotes around its date. A corpus opens on where
its coverage is (far-off dates one click away) and, past a few hundred marks, draws stories (one happening
reported by several articles) one by one or counted per day or week; a chosen story lists every article that
reported it."""
from datetime import date

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
window = data.ask(queries.event_window)  # None for one article, or when no date lies far off
corpus = data.counts["articles"] > 1
check_params({"actor": lambda v: v in actor_options or v in data.ask(queries.known, "actor", (v,)),
              "article": lambda v: v in docs or v in data.ask(queries.known, "doc", (v,)),
              "dates": in_span(span), "event": lambda v: v in data.ask(queries.known, "event", (v,)),
              "story": lambda v: corpus and v in data.ask(queries.known, "story", (v,))})

with st.sidebar:
    st.header("Filters")
    actors = st.multiselect("Actor or speaker", sorted(listed(actor_options, "actor"), key=str.casefold),
                            key="actor", bind="query-params", placeholder="everyone",
                            help="Events where this person speaks or is named.",
                            accept_new_options=len(actor_options) >= limit)
    chosen_docs = st.multiselect("Article", listed(docs, "article"), key="article", bind="query-params",
                                 placeholder="all articles", accept_new_options=len(docs) >= limit)
    rng = date_range("Date range", span, default=(window.lo, window.hi) if window else None)


def show_dates(value: tuple[date, date]) -> None:
    """Set the date range (it is in the URL) to `value`."""
    st.session_state["dates"] = value


if window and rng == (window.lo, window.hi):
    st.caption(f"Opens on {window.lo} → {window.hi}: the articles' publication span "
               f"({window.published[0]} → {window.published[1]}) and where most dated events fall "
               f"({window.share:.0%} of them). **{window.outside:,} event{'s' * (window.outside != 1)} outside "
               f"this window** (dated {window.span[0]} → {window.span[1]}; some may be misread dates).")
    st.button(f"Show all dates ({window.span[0].year}–{window.span[1].year})", key="show_all_dates",
              on_click=show_dates, args=(window.span,), help="Widen the date range to every dated event.")
elif window:  # widened to every date, or narrowed (a bar clicked, the box changed)
    st.caption(f"Showing {rng[0]} → {rng[1]}." if rng else f"Showing every date, {window.span[0]} → "
               f"{window.span[1]}.")
    st.button(f"Back to {window.lo.year}–{window.hi.year}", key="default_dates", on_click=show_dates,
              args=((window.lo, window.hi),), help=f"Where {window.share:.0%} of the dated events fall.")

f = queries.EventFilter.of(actors, chosen_docs, rng)
everywhere = queries.EventFilter(f.actors, f.docs)  # undated events know no date range
n_dated, n_undated = data.ask(queries.event_counts, f)
rows = TABLE_ROWS.value()
marks = TIMELINE_MARKS.value()
drawn = n_dated <= marks  # one by one, with their sentences; else counted per day or week
dated = data.ask(queries.events, f, True, max(marks, rows) if drawn else rows, 0, drawn)
undated = data.ask(queries.events, everywhere, False, rows, 0, False)
selected = st.query_params.get("event")
chosen_story = st.query_params.get("story") if corpus else None
n_stories = data.ask(queries.story_count, f) if corpus and n_dated else 0
n_fine = data.ask(queries.story_count, f, True) if corpus and not drawn else 0  # dated to a day or a week
coarse = (f" {n_stories - n_fine:,} stories dated only to a month or coarser are listed in the table below, not "
          "drawn." if n_stories > n_fine else "")


def on_chart_select() -> None:
    """A click on the chart chooses that event (kept in the URL)."""
    points = st.session_state["timeline_chart"]["selection"]["points"]
    if points and points[0].get("customdata"):
        set_param("event", points[0]["customdata"][0])


def on_story_select() -> None:
    """A click on a story chooses it (kept in the URL)."""
    points = st.session_state["story_chart"]["selection"]["points"]
    if points and points[0].get("customdata"):
        set_param("story", points[0]["customdata"][0])


def on_bin_select() -> None:
    """A click on a bar narrows the date range to its day or week (kept in the URL)."""
    points = st.session_state["timeline_bins"]["selection"]["points"]
    if points and points[0].get("customdata"):
        first, last = points[0]["customdata"][1:3]
        lo, hi = max(date.fromisoformat(first), span[0]), min(date.fromisoformat(last), span[1])
        if lo <= hi:
            show_dates((lo, hi))


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
elif corpus and n_fine <= marks:
    st.caption(f"{n_dated:,} dated events, more than {marks:,}: drawn as the {n_fine:,} stories they report "
               "(one happening reported by several articles is one story). Height: how many articles reported it; "
               "a day is a point (a day's stories spread across it), a week a bar; colour: its leading actor. Hover "
               "for the sentence, click "
               "to choose a story." + coarse)
    marks_df = data.ask(queries.stories, f, None, "date", True)
    st.plotly_chart(charts.story_marks(marks_df, data.colors, chosen_story, window=rng), key="story_chart",
                    on_select=on_story_select, selection_mode="points",
                    config={"displaylogo": False, "scrollZoom": True})
else:
    bounds = rng or span
    unit = "day" if (bounds[1] - bounds[0]).days <= 120 else "week"
    if corpus:
        bins = data.ask(queries.story_bins, f, unit)
        st.caption(f"{n_dated:,} dated events in {n_stories:,} stories: too many to draw one by one (more than "
                   f"{marks:,}), so the stories are counted per {unit} of their first day, coloured by their "
                   "leading actor (hover a bar for its dates). Click a bar to zoom into its "
                   f"{unit}, or narrow the date range or the other filters in the sidebar." + coarse)
        st.plotly_chart(charts.story_bins(bins, unit, data.colors), key="timeline_bins", on_select=on_bin_select,
                        selection_mode="points", config={"displaylogo": False, "scrollZoom": True})
    else:
        bins = data.ask(queries.event_bins, f, unit)
        st.caption(f"{n_dated:,} dated events: too many to draw one by one (more than {marks:,}), so they are "
                   f"counted per {unit} of their first day (hover a bar for its dates). Narrow the date range or "
                   "the other filters in the sidebar to see them one by one; the table below lists the first of "
                   "them by date.")
        st.plotly_chart(charts.event_bins(bins, unit), key="timeline_bins",
                        config={"displaylogo": False, "scrollZoom": True})

if corpus and n_dated:
    listed_stories = data.ask(queries.stories, f, rows, "reports")

    def on_story_row() -> None:
        """A row chosen in the stories table chooses that story (kept in the URL)."""
        picked = st.session_state["stories_table"]["selection"]["rows"]
        if picked:
            set_param("story", listed_stories["story_id"].iloc[picked[0]])

    with st.expander(f"Stories, most reported first ({n_stories:,})", expanded=not chosen_story):
        if n_stories > len(listed_stories):
            st.caption(f"The {len(listed_stories):,} reported by most articles of {n_stories:,}.")
        st.dataframe(queries.story_table(listed_stories), key="stories_table", hide_index=True,
                     on_select=on_story_row, selection_mode="single-row",
                     column_order=["date", "articles", "summary", "actors", "lead"],
                     column_config={"summary": st.column_config.TextColumn("summary", width="large"),
                                    "lead": st.column_config.TextColumn("leading actor")})

if chosen_story:
    s = data.ask(queries.story, chosen_story)
    reports = s["reports"]
    with st.container(border=True, key="story_box"):
        st.markdown(f"**Story: {md(s['summary'])}**")
        first = reports.iloc[0] if len(reports) else None
        st.markdown(f"**{md(s['date'])}** · granularity {md(s['granularity'])} · reported by "
                    f"**{int(s['n_articles'])}** article{'s' * (int(s['n_articles']) != 1)} "
                    f"({int(s['n_events'])} event{'s' * (int(s['n_events']) != 1)})"
                    + (f" · first report: *{md(first['title'])}*, {md(first['published'] or 'date unknown')}"
                       if first is not None else ""))
        actors = [a for a in (s["actors"] if s["actors"] is not None else []) if isinstance(a, str)]
        st.markdown("Actors: " + (", ".join(md(a) for a in actors) if actors else "none named"))
        if len(reports) > rows:
            st.caption(f"The first {rows:,} of {len(reports):,} articles, by publication date.")
        for r in reports.head(rows).itertuples(index=False):
            st.page_link(ARTICLE.file, label=f"{md(r.published or 'date unknown')} — {md(short(r.title, 90))}: "
                         f"{md(short(r.summary, 80))}", icon=":material/article:",
                         query_params={"doc": r.doc, "event": r.event_id})
        st.button("Close this story", key="close_story", on_click=set_param, args=("story", None))

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
        story_of = data.ask(queries.story_of, event_id) if corpus else None
        if story_of and story_of[1] > 1 and story_of[0] != chosen_story:
            st.button(f"Its story, reported by {story_of[1]} articles", key="event_story", on_click=set_param,
                      args=("story", story_of[0]))
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
