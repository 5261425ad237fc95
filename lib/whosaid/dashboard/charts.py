"""Plotly figures for the dashboard (pure: data frames in, figures out)."""
from __future__ import annotations

import textwrap
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

from whosaid.dashboard.colors import PALETTE, color_of

KIND_PATTERNS = {"direct": "", "indirect": "/", "mixed": "."}
HOW_SYMBOLS = {"explicit": "circle", "inherited": "diamond", "publication": "square-open"}
DAY_MS = 86_400_000


def _wrap(text: object, width: int = 70, lines: int = 6) -> str:
    """Hover text: wrapped, at most `lines` lines, with <br> breaks (plotly hover labels are HTML-ish)."""
    import html

    parts = textwrap.wrap(" ".join(str(text or "").split()), width) or [""]
    if len(parts) > lines:
        parts = parts[:lines - 1] + [parts[lines - 1] + " …"]
    return "<br>".join(html.escape(p, quote=False) for p in parts)


def kind_bar(counts: pd.DataFrame, colors: dict[str, str], selected: str | None = None,
             roles: dict[str, list[str]] | None = None) -> go.Figure:
    """Quotes per speaker, stacked by kind (pattern), each speaker in their colour, roles in the hover; click
    selects a speaker (customdata[0] is the speaker)."""
    persons = list(dict.fromkeys(counts["person"]))
    roles = roles or {}
    fig = go.Figure()
    for kind, pattern in KIND_PATTERNS.items():
        sub = counts[counts["kind"] == kind]
        if sub.empty:
            continue
        fig.add_bar(
            y=sub["person"], x=sub["quotes"], orientation="h", name=kind,
            customdata=[[p, _wrap("; ".join(roles.get(p, [])), 60, 2), _wrap(p, 200, 1)] for p in sub["person"]],
            marker={"color": [color_of(p, colors) for p in sub["person"]],
                    "pattern": {"shape": pattern, "fgcolor": "white", "solidity": 0.35},
                    "opacity": [1.0 if not selected or p == selected else 0.35 for p in sub["person"]],
                    "line": {"color": "white", "width": 0.5}},
            hovertemplate="<b>%{customdata[2]}</b><br>%{customdata[1]}<br>" + kind + " quotes: %{x}<extra></extra>",
            showlegend=False)
        fig.add_bar(x=[0], y=[persons[0]], orientation="h", name=kind, hoverinfo="skip",  # legend entry only
                    marker={"color": "#BBBBBB", "pattern": {"shape": pattern, "fgcolor": "#333333", "solidity": 0.4}})
    fig.update_layout(
        barmode="stack", height=max(260, 34 * len(persons) + 90), margin={"l": 10, "r": 10, "t": 30, "b": 40},
        yaxis={"categoryorder": "array", "categoryarray": persons[::-1], "title": None,
               "tickvals": persons, "ticktext": [_wrap(p, 200, 1) for p in persons]},  # names shown as written
        xaxis={"title": "quotes", "dtick": 1 if counts["quotes"].sum() < 15 else None},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0, "title": {"text": "kind (pattern)"},
                "traceorder": "normal"},
        clickmode="event+select", dragmode=False)
    return fig


def outlet_heatmap(counts: pd.DataFrame) -> go.Figure:
    """Whom each outlet quotes, and how often: a heat map of quotes per person (rows, in the order of `counts`)
    and outlet (columns, by name), each cell's count written in it; the hover adds the person's share of the
    outlet's quotes drawn here."""
    persons = list(dict.fromkeys(counts["person"]))
    table = counts.pivot_table(index="person", columns="outlet", values="quotes", aggfunc="sum", fill_value=0)
    table = table.reindex(index=persons, columns=sorted(table.columns), fill_value=0)
    totals = table.sum(axis=0).replace(0, 1)
    share = (table / totals * 100).round(1)
    fig = go.Figure(go.Heatmap(
        z=table.values, x=list(table.columns), y=persons, customdata=share.values, colorscale="Blues",
        texttemplate="%{z}", hovertemplate="<b>%{y}</b> in %{x}: %{z} quotes (%{customdata}% of the outlet's quotes "
                                           "shown)<extra></extra>", colorbar={"title": {"text": "quotes"}}))
    fig.update_layout(height=max(260, 28 * len(persons) + 120), margin={"l": 10, "r": 10, "t": 30, "b": 40},
                      yaxis={"autorange": "reversed", "title": None}, xaxis={"title": None, "side": "top"},
                      dragmode=False)
    return fig


MAX_LANES = 40


def _lanes(ev: pd.DataFrame) -> dict[str, int]:
    """One lane per article, in order of their first event; past MAX_LANES articles, one shared lane."""
    titles = list(dict.fromkeys(ev.sort_values("date_start", kind="stable")["title"]))
    if len(titles) > MAX_LANES:
        return {t: 0 for t in titles}
    return {t: i for i, t in enumerate(titles)}


def _levels(spans: pd.DataFrame) -> list[int]:
    """A row level for each span so spans in one lane never overlap (greedy interval packing)."""
    levels = [0] * len(spans)
    ends: dict[tuple[int, int], str] = {}
    order = sorted(range(len(spans)), key=lambda i: (spans["date_start"].iloc[i], spans["date_end"].iloc[i]))
    for i in order:
        lane, start = spans["lane"].iloc[i], spans["date_start"].iloc[i]
        lvl = 0
        while (lane, lvl) in ends and ends[(lane, lvl)] >= start:
            lvl += 1
        ends[(lane, lvl)] = spans["date_end"].iloc[i]
        levels[i] = lvl % 6
    return levels


def initial_range(ev: pd.DataFrame) -> tuple[date, date, int]:
    """(first day, last day, events left of it) the timeline opens on: everything, unless a few far older
    events would squeeze the rest into a sliver; then it opens where 95 % of the events start (the range
    slider and zoom reach the others)."""
    starts = sorted(ev["date_start"].dropna())
    hi = date.fromisoformat(ev["date_end"].dropna().max()) + timedelta(days=3)
    lo = date.fromisoformat(starts[0]) - timedelta(days=3)
    if len(starts) >= 20:
        cut = date.fromisoformat(starts[int(0.05 * len(starts))])
        if (hi - cut).days * 4 < (hi - lo).days:
            lo = cut - timedelta(days=max(3, (hi - cut).days // 20))
    hidden = sum(1 for s, e in zip(ev["date_start"], ev["date_end"]) if isinstance(e, str) and e < lo.isoformat())
    return lo, hi, hidden


def timeline(ev: pd.DataFrame, colors: dict[str, str], selected: str | None = None) -> go.Figure:
    """Dated events, one lane per article: day events as points, longer ones (week, month, year...) as bars
    across their whole span; coloured by the first speaker or actor involved; hover shows the sentence, the
    date value and how it was found. customdata[0] is the event id (for on_select)."""
    fig = go.Figure()
    lanes = _lanes(ev)
    if ev.empty:
        return fig
    rows = ev.assign(lane=ev["title"].map(lanes))
    rows = rows.assign(who=[next((p for p in ps), None) if isinstance(ps, list) else None for ps in rows["persons"]])
    # days sit on the lane, spread when they share a day; spans stack below it without overlapping
    is_day = rows["granularity"] == "day"
    rows["y"] = rows["lane"] + rows.groupby(["lane", "date_start"]).cumcount().map(lambda k: (k % 4) * 0.1)
    rows.loc[~is_day, "y"] = [r.lane - 0.12 - 0.1 * lvl for r, lvl in zip(rows[~is_day].itertuples(),
                                                                          _levels(rows[~is_day]))]
    hover = ("<b>%{customdata[1]}</b><br>%{customdata[2]}<br>date: %{customdata[3]} (%{customdata[4]}), "
             "found: %{customdata[5]}<extra>%{customdata[6]}</extra>")

    def custom(df: pd.DataFrame) -> list[list]:
        return [[r.event_id, _wrap(r.sentence), _wrap(", ".join(r.persons) if isinstance(r.persons, list) else "", 70, 2),
                 r.date, r.granularity, r.how, _wrap(r.title, 40, 1)] for r in df.itertuples(index=False)]

    spans = rows[rows["granularity"] != "day"]
    if len(spans):
        starts = pd.to_datetime(spans["date_start"])
        ends = pd.to_datetime(spans["date_end"]) + pd.Timedelta(days=1)
        fig.add_bar(
            base=starts, x=(ends - starts).dt.total_seconds() * 1000, y=spans["y"], orientation="h", width=0.08,
            name="spans (week, month, year …)", customdata=custom(spans), hovertemplate=hover,
            marker={"color": [color_of(w, colors) for w in spans["who"]],
                    "opacity": [1.0 if selected in (None, e) else 0.3 for e in spans["event_id"]]})
    days = rows[rows["granularity"] == "day"]
    if len(days):
        fig.add_scatter(
            x=pd.to_datetime(days["date_start"]) + pd.Timedelta(hours=12), y=days["y"], mode="markers",
            name="days", customdata=custom(days), hovertemplate=hover,
            marker={"size": [16 if e == selected else (11 if len(lanes) <= 8 else 8) for e in days["event_id"]],
                    "color": [color_of(w, colors) for w in days["who"]],
                    "symbol": [HOW_SYMBOLS.get(h, "circle") for h in days["how"]],
                    "line": {"color": "black", "width": [2 if e == selected else 0.5 for e in days["event_id"]]}})
    n_lanes = len(set(lanes.values()))
    lane_px = 70 if n_lanes <= 8 else 44
    lo, hi, hidden = initial_range(rows)
    fig.update_layout(
        height=max(260, lane_px * n_lanes + 120), margin={"l": 10, "r": 10, "t": 30, "b": 40},
        xaxis={"type": "date", "range": [lo.isoformat(), hi.isoformat()], "title": None,
               "rangeslider": {"visible": bool(hidden) or (hi - lo).days > 730, "thickness": 0.06}},
        yaxis={"tickvals": sorted(set(lanes.values())), "range": [-0.85, n_lanes - 0.5], "title": None,
               "zeroline": False, "ticktext": [_wrap(t, 28, 2) for t in lanes] if n_lanes == len(lanes)
               else [f"{len(lanes)} articles"]},
        showlegend=False, clickmode="event+select", dragmode="pan", hoverlabel={"align": "left"})
    return fig


def event_bins(bins: pd.DataFrame, unit: str) -> go.Figure:
    """Dated events counted per day or week (columns bin, events) as bars, each with its first and last day
    (customdata ["bin", first, last]) in the hover."""
    fig = go.Figure()
    if bins.empty:
        return fig
    days = 1 if unit == "day" else 7
    first = pd.to_datetime(bins["bin"])
    last = first + pd.Timedelta(days=days - 1)
    fig.add_bar(x=first + pd.Timedelta(hours=12 * days), y=bins["events"], width=DAY_MS * days * 0.9,
                marker={"color": "#5B7FA6"}, name="events",
                customdata=[["bin", a.date().isoformat(), b.date().isoformat()] for a, b in zip(first, last)],
                hovertemplate=("%{customdata[1]}" + (" to %{customdata[2]}" if days > 1 else "")
                               + ": %{y} events<extra></extra>"))
    span = (last.max() - first.min()).days
    fig.update_layout(
        height=300, margin={"l": 10, "r": 10, "t": 30, "b": 40}, showlegend=False, bargap=0.05,
        xaxis={"type": "date", "title": None, "rangeslider": {"visible": span > 730, "thickness": 0.06}},
        yaxis={"title": f"events per {unit}", "rangemode": "tozero"},
        dragmode="pan")
    return fig


GREYS = {"other actors": "#B8B8B8", "nobody named": "#E0E0E0"}


def _lead_colors(leads: list[str], colors: dict[str, str]) -> dict[str, str]:
    """A colour for each leading actor of a legend: the speaker's own unless an earlier one in the legend has it
    (an actor nobody quotes has a hashed one), then the first palette colour still free; greys for the others
    and for nobody."""
    out: dict[str, str] = {}
    for lead in leads:
        if lead in GREYS:
            out[lead] = GREYS[lead]
            continue
        color = color_of(lead, colors)
        if color in out.values():
            color = next((c for c in PALETTE if c not in out.values()), color)
        out[lead] = color
    return out


def story_bins(bins: pd.DataFrame, unit: str, colors: dict[str, str]) -> go.Figure:
    """Stories counted per day or week (columns bin, lead, stories) as bars stacked by leading actor, one legend
    entry per actor (escaped); each bar carries its first and last day (customdata ["bin", first, last, lead]),
    so a click can narrow the window to it."""
    fig = go.Figure()
    if bins.empty:
        return fig
    days = 1 if unit == "day" else 7
    palette = _lead_colors(list(dict.fromkeys(bins["lead"])), colors)
    for lead in palette:
        sub = bins[bins["lead"] == lead]
        first = pd.to_datetime(sub["bin"])
        last = first + pd.Timedelta(days=days - 1)
        fig.add_bar(x=first + pd.Timedelta(hours=12 * days), y=sub["stories"], width=DAY_MS * days * 0.9,
                    name=_wrap(lead, 30, 1), marker={"color": palette[lead]},
                    customdata=[["bin", a.date().isoformat(), b.date().isoformat(), _wrap(lead, 40, 1)]
                                for a, b in zip(first, last)],
                    hovertemplate=("%{customdata[1]}" + (" to %{customdata[2]}" if days > 1 else "")
                                   + ": %{y} stories led by %{customdata[3]}<extra></extra>"))
    fig.update_layout(
        barmode="stack", height=380, margin={"l": 10, "r": 10, "t": 30, "b": 40}, bargap=0.05,
        xaxis={"type": "date", "title": None}, yaxis={"title": f"stories per {unit}", "rangemode": "tozero"},
        legend={"title": {"text": "leading actor"}, "orientation": "v", "traceorder": "normal"},
        clickmode="event+select", dragmode="pan", hoverlabel={"align": "left"})
    return fig


def story_marks(stories: pd.DataFrame, colors: dict[str, str], selected: str | None = None, top: int = 8,
                window: tuple[date, date] | None = None) -> go.Figure:
    """Stories one by one: a story of a day is a point, a longer one a bar across its span; the height is how
    many articles reported it, the stories of one day spread across it; coloured by its leading actor (the `top`
    ones in the legend, escaped); the x axis shows `window` when given (a week may reach past it). Hover
    shows its sentence (of the event most like the others), actors and date; customdata[0] is the story id
    (for on_select)."""
    fig = go.Figure()
    if stories.empty:
        return fig
    rows = stories.assign(lead=stories["lead"].where(stories["lead"].map(lambda x: isinstance(x, str)), None))
    counts = rows["lead"].value_counts()
    leading = list(counts.index[:top])
    rows["group"] = [x if x in leading else ("other actors" if isinstance(x, str) else "nobody named")
                     for x in rows["lead"]]
    palette = _lead_colors([*leading, "other actors", "nobody named"], colors)
    same_day = rows.groupby(["n_articles", "date_start"])
    rows["y"] = rows["n_articles"]
    rows["x"] = pd.to_datetime(rows["date_start"]) + pd.to_timedelta(
        (same_day.cumcount() + 0.5) / same_day["story_id"].transform("size") * 24, unit="h")
    hover = ("<b>%{customdata[1]}</b><br>%{customdata[2]}<br>date: %{customdata[3]} (%{customdata[4]}), "
             "reported by %{customdata[5]} article(s)<extra></extra>")

    def custom(df: pd.DataFrame) -> list[list]:
        return [[r.story_id, _wrap(r.sentence if isinstance(r.sentence, str) else r.summary), _wrap(", ".join(a for a in r.actors if isinstance(a, str))
                                                     if r.actors is not None else "", 70, 2),
                 r.date, r.granularity, int(r.n_articles)] for r in df.itertuples(index=False)]

    spans = rows[rows["granularity"] != "day"]
    if len(spans):
        starts = pd.to_datetime(spans["date_start"])
        ends = pd.to_datetime(spans["date_end"]) + pd.Timedelta(days=1)
        fig.add_bar(base=starts, x=(ends - starts).dt.total_seconds() * 1000, y=spans["y"] - 0.25,
                    orientation="h", width=0.05, name="longer than a day", showlegend=False,
                    customdata=custom(spans), hovertemplate=hover,
                    marker={"color": [palette[g] for g in spans["group"]],
                            "opacity": [1.0 if selected in (None, s) else 0.35 for s in spans["story_id"]]})
    days = rows[rows["granularity"] == "day"]
    for group in [*leading, "other actors", "nobody named"]:
        sub = days[days["group"] == group]
        if sub.empty:
            continue
        fig.add_scatter(
            x=sub["x"], y=sub["y"], mode="markers",
            name=_wrap(group, 30, 1), customdata=custom(sub), hovertemplate=hover,
            marker={"color": palette[group], "line": {"color": "black",
                    "width": [2.5 if s == selected else 0.5 for s in sub["story_id"]]},
                    "size": [18 if s == selected else 7 + 3 * min(n, 6) for s, n in zip(sub["story_id"],
                                                                                     sub["n_articles"])]})
    top_y = int(rows["n_articles"].max())
    fig.update_layout(
        height=max(300, 60 * top_y + 160), margin={"l": 10, "r": 10, "t": 30, "b": 40},
        xaxis={"type": "date", "title": None, **({"range": [window[0].isoformat(), (window[1] + timedelta(days=1))
                                                           .isoformat()]} if window else {})},
        yaxis={"title": "articles reporting it", "range": [0.5, top_y + 0.7], "dtick": 1, "zeroline": False},
        legend={"title": {"text": "leading actor"}}, clickmode="event+select", dragmode="pan",
        hoverlabel={"align": "left"})
    return fig


def weekly_quotes(weekly: pd.DataFrame, colors: dict[str, str]) -> go.Figure:
    """Quotes per week (columns person, week: its Monday, quotes), a line per person in their colour, weeks
    without a quote at 0. A click on a point selects that person's week: customdata is [person, first day, last
    day]. It opens on the weeks that hold 98 % of the quotes when a few far-off ones would squeeze the rest."""
    fig = go.Figure()
    if weekly.empty:
        return fig
    weeks = pd.date_range(weekly["week"].min(), weekly["week"].max(), freq="7D")
    for person, rows in weekly.groupby("person", sort=False):
        counts = rows.set_index("week")["quotes"].reindex(weeks, fill_value=0)
        color = color_of(person, colors)
        fig.add_scatter(
            x=weeks + pd.Timedelta(days=3, hours=12), y=counts.values, mode="lines+markers", name=person,
            line={"color": color, "width": 2, "shape": "hvh"}, marker={"color": color, "size": 6},
            customdata=[[person, w.date().isoformat(), (w + pd.Timedelta(days=6)).date().isoformat()] for w in weeks],
            hovertemplate=(f"<b>{_wrap(person, 40, 1)}</b><br>week of %{{customdata[1]}}: %{{y}} quotes"
                           "<extra>click to list them</extra>"))
    lo, hi = weeks[0], weeks[-1] + pd.Timedelta(days=7)
    starts = weekly.loc[weekly.index.repeat(weekly["quotes"]), "week"].sort_values()
    cut = starts.iloc[int(0.02 * len(starts))]
    if len(starts) >= 20 and (hi - cut).days * 4 < (hi - lo).days:
        lo = cut - pd.Timedelta(days=7)
    fig.update_layout(
        height=320, margin={"l": 10, "r": 10, "t": 30, "b": 40}, hovermode="closest",
        xaxis={"type": "date", "title": None, "range": [lo, hi],
               "rangeslider": {"visible": (weeks[-1] - weeks[0]).days > 365, "thickness": 0.06}},
        yaxis={"title": "quotes per week", "rangemode": "tozero"},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        clickmode="event+select", dragmode="pan")
    return fig
