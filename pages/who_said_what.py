"""Who said what: quotes per speaker by kind, each speaker's roles, and what the chosen speaker said."""
import streamlit as st
from whosaid.dashboard import (
    ARTICLE,
    QUOTES,
    SPEAKER,
    TIMELINE,
    UNATTRIBUTED,
    WHO_SAID_WHAT,
    charts,
    check_params,
    data_or_stop,
    link_box,
    md,
    queries,
    quote_block,
)

TOP = 25  # speakers drawn in the chart
st.title("Who said what")
data = data_or_stop()
docs = list(data.tables["articles"]["doc"])
check_params({"who": data.persons, "article": docs})

with st.sidebar:
    st.header("Filters")
    chosen_docs = st.multiselect("Article", docs, key="article", bind="query-params", placeholder="all articles")

q = queries.filter_quotes(data.quotes, docs=chosen_docs)
counts = queries.kind_counts(q)


def on_bar_select() -> None:
    """A click on a bar chooses that speaker (the speaker box is bound to the URL)."""
    points = st.session_state["speaker_chart"]["selection"]["points"]
    custom = points[0].get("customdata") if points else None
    person = custom[0] if isinstance(custom, list) and custom else custom
    if person in data.persons:
        st.session_state["who"] = person


speaker = st.session_state.get("who") or st.query_params.get("who")
speaker = speaker if speaker in data.persons else None
roles = queries.roles_by_person(data.tables["speakers"])
if counts.empty:
    st.info("No attributed quote in these articles. Clear the article filter in the sidebar to see every article.")
else:
    st.caption("Quotes per speaker; the pattern tells direct (solid), indirect (striped) and mixed (dotted) quotes "
               "apart. Click a bar to choose a speaker.")
    top = list(dict.fromkeys(counts["person"]))[:TOP]
    if speaker and speaker not in top:
        top.append(speaker)
    if counts["person"].nunique() > TOP:
        st.caption(f"The {TOP} most quoted of {counts['person'].nunique()} speakers; everyone is in the table "
                   "below and in the Speaker box.")
    st.plotly_chart(charts.kind_bar(counts[counts["person"].isin(top)], data.colors, speaker, roles), key="speaker_chart", on_select=on_bar_select,
                    selection_mode="points", config={"displaylogo": False})
n_un = int((q["person"] == UNATTRIBUTED).sum())
if n_un:
    st.page_link(QUOTES.file, label=f"{n_un} quote{'s' * (n_un != 1)} without an identified speaker",
                 icon=":material/help:", query_params={"speaker": UNATTRIBUTED})

speaker = st.selectbox("Speaker", data.persons, index=None, key="who", bind="query-params",
                       placeholder="choose a speaker", help="Or click their bar in the chart.")

table = counts.pivot_table(index="person", columns="kind", values="quotes", fill_value=0).reindex(
    columns=queries.KINDS, fill_value=0) if len(counts) else None
if table is not None:
    table = table.reindex(list(dict.fromkeys(counts["person"]))).reset_index()
    table["roles"] = table["person"].map(lambda p: "; ".join(roles.get(p, [])))
    table["total"] = table[queries.KINDS].sum(axis=1)
    with st.expander("Speakers and their roles as the texts give them", expanded=not speaker):
        st.dataframe(table[["person", "roles", "total", *queries.KINDS]], hide_index=True, key="roles_table",
                     column_config={"person": "Speaker", "roles": st.column_config.TextColumn("Roles", width="large")})

if speaker:
    mine = q[q["person"] == speaker]
    st.subheader(md(speaker))
    if roles.get(speaker):
        st.caption("Described as: " + md("; ".join(roles[speaker])))
    links = st.columns(3)
    links[0].page_link(SPEAKER.file, label="Speaker page", icon=":material/person:",
                       query_params={"name": speaker})
    links[1].page_link(QUOTES.file, label="Their quotes in the table", icon=":material/format_quote:",
                       query_params={"speaker": speaker, **({"article": chosen_docs} if chosen_docs else {})})
    links[2].page_link(TIMELINE.file, label="Their events on the timeline", icon=":material/timeline:",
                       query_params={"actor": speaker})
    if mine.empty:
        st.info("This speaker has no quote in the chosen articles; clear the article filter to see them all.")
    if len(mine) > 60:
        st.caption(f"The first 60 of {len(mine)} quotes; the quote table has them all.")
    for r in mine.head(60).itertuples():
        with st.container(border=True):
            st.markdown(f"*{md(r.kind)}* · {md(r.date or 'date unknown')} · {md(r.title)}")
            quote_block(r.text)
            st.page_link(ARTICLE.file, label="In context", icon=":material/article:",
                         query_params={"doc": r.doc, "quote": r.quote_id})
link_box(WHO_SAID_WHAT)
