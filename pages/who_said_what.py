"""Who said what: quotes per speaker by kind (people, and words said or written, unless asked otherwise), whom
each outlet quotes, each speaker's roles, and what the chosen speaker said."""
import pandas as pd
import streamlit as st
from whosaid.dashboard import (
    ARTICLE,
    CHART_SPEAKERS,
    OPTION_LIMIT,
    OUTLET_PERSONS,
    QUOTES,
    SPEAKER,
    SPEAKER_QUOTES,
    TABLE_ROWS,
    TIMELINE,
    UNATTRIBUTED,
    WHO_SAID_WHAT,
    charts,
    check_params,
    cue_class_filter,
    data_or_stop,
    link_box,
    listed,
    md,
    outlet_filter,
    queries,
    quote_block,
    roles_line,
    type_filter,
)

st.title("Who said what")
data = data_or_stop()
docs = data.ask(queries.docs, OPTION_LIMIT.value())
outlets = data.ask(queries.outlet_counts)
check_params({"who": data.is_person, "article": lambda v: v in docs or v in data.ask(queries.known, "doc", (v,)),
              "outlet": list(outlets["outlet"]), "class": queries.CUE_CLASS_LIST, "type": queries.PERSON_TYPES})

with st.sidebar:
    st.header("Filters")
    chosen_docs = st.multiselect("Article", listed(docs, "article"), key="article", bind="query-params",
                                 placeholder="all articles", accept_new_options=len(docs) >= OPTION_LIMIT.value())
    chosen_outlets = outlet_filter(list(outlets["outlet"]))
    classes = cue_class_filter(queries.SAID_CLASSES)
    types = type_filter(["person"])

f = queries.QuoteFilter.of(docs=chosen_docs, outlets=chosen_outlets, cue_classes=classes, types=types)
_quote_params = {k: v for k, v in (("article", chosen_docs), ("outlet", chosen_outlets), ("class", classes)) if v}
top = CHART_SPEAKERS.value()


def on_bar_select() -> None:
    """A click on a bar chooses that speaker (the speaker box is bound to the URL)."""
    points = st.session_state["speaker_chart"]["selection"]["points"]
    custom = points[0].get("customdata") if points else None
    person = custom[0] if isinstance(custom, list) and custom else custom
    if data.is_person(person):
        st.session_state["who"] = person


speaker = st.session_state.get("who") or st.query_params.get("who")
speaker = speaker if data.is_person(speaker) else None
counts = data.ask(queries.kind_counts, f, top)  # the same for every speaker chosen: cached
if speaker and speaker not in set(counts["person"]):  # the chosen speaker's bar, after the most quoted
    counts = pd.concat([counts, data.ask(queries.kind_counts, f.of_person(speaker))],
                       ignore_index=True)
n_speakers = data.ask(queries.speaker_count, f)
table_counts = data.ask(queries.kind_counts, f, TABLE_ROWS.value())
roles = data.ask(queries.roles_by_person, tuple(dict.fromkeys(table_counts["person"])))
if speaker and speaker not in roles:
    roles = {**roles, **data.ask(queries.roles_by_person, (speaker,))}
if counts.empty:
    st.info("No attributed quote here. Widen the filters in the sidebar: every article and outlet, more cue "
            "classes or speaker types.")
else:
    st.caption("Quotes per speaker; the pattern tells direct (solid), indirect (striped) and mixed (dotted) quotes "
               "apart. Click a bar to choose a speaker.")
    if n_speakers > top:
        st.caption(f"The {top} most quoted of {n_speakers} speakers; everyone is in the Speaker box.")
    st.plotly_chart(charts.kind_bar(counts, data.colors, speaker, roles), key="speaker_chart",
                    on_select=on_bar_select, selection_mode="points", config={"displaylogo": False})
n_un = data.ask(queries.unattributed_count, f)
if n_un:
    st.page_link(QUOTES.file, label=f"{n_un} quote{'s' * (n_un != 1)} without an identified speaker",
                 icon=":material/help:", query_params={"speaker": UNATTRIBUTED, **_quote_params})
if len(outlets) >= 2:
    by_outlet = data.ask(queries.outlet_persons, f, OUTLET_PERSONS.value())
    st.subheader("Whom each outlet quotes")
    if by_outlet.empty:
        st.caption("No quote of these speakers comes from an article with a known outlet.")
    else:
        st.caption(f"Quotes of the {by_outlet['person'].nunique()} speakers the outlets quote most, per outlet "
                   "(with the filters in the sidebar).")
        st.plotly_chart(charts.outlet_heatmap(by_outlet), key="outlet_chart", config={"displaylogo": False})

speaker = st.selectbox("Speaker", listed(data.persons, "who"), index=None, key="who", bind="query-params",
                       placeholder="choose a speaker", help="Or click their bar in the chart.",
                       accept_new_options=data.capped)

if len(table_counts):
    table = queries.speaker_table(table_counts, roles)
    with st.expander("Speakers and their roles as the texts give them", expanded=not speaker):
        if n_speakers > len(table):
            st.caption(f"The {len(table)} most quoted of {n_speakers} speakers.")
        st.dataframe(table, hide_index=True, key="roles_table",
                     column_config={"person": "Speaker", "roles": st.column_config.TextColumn("Roles", width="large")})

if speaker and data.is_person(speaker):
    mine_filter = f.of_person(speaker)
    shown = SPEAKER_QUOTES.value()
    n_mine = data.ask(queries.quote_count, mine_filter)
    mine = data.ask(queries.quotes, mine_filter, 1, shown)
    st.subheader(md(speaker))
    my_roles = data.ask(queries.roles_by_person, (speaker,)).get(speaker)
    if my_roles:
        st.caption("Described as: " + roles_line(my_roles))
    links = st.columns(3)
    links[0].page_link(SPEAKER.file, label="Speaker page", icon=":material/person:",
                       query_params={"name": speaker})
    links[1].page_link(QUOTES.file, label="Their quotes in the table", icon=":material/format_quote:",
                       query_params={"speaker": speaker, **_quote_params})
    links[2].page_link(TIMELINE.file, label="Their events on the timeline", icon=":material/timeline:",
                       query_params={"actor": speaker})
    if mine.empty:
        st.info("This speaker has no quote in the chosen articles; clear the article filter to see them all.")
    if n_mine > shown:
        st.caption(f"The first {shown} of {n_mine} quotes; the quote table has them all.")
    for r in mine.itertuples():
        with st.container(border=True):
            st.markdown(f"*{md(r.kind)}* · {md(r.cue_class)} · {md(r.date or 'date unknown')} · {md(r.title)}"
                        + (f" · {md(r.outlet)}" if r.outlet else ""))
            quote_block(r.text)
            st.page_link(ARTICLE.file, label="In context", icon=":material/article:",
                         query_params={"doc": r.doc, "quote": r.quote_id})
link_box(WHO_SAID_WHAT)
