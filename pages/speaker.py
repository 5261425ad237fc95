"""Speaker: everything one person said across articles, their roles, who they mention, their distinctive words,
and how speakers were merged across articles."""
import streamlit as st
from whosaid.dashboard import (
    ARTICLE,
    QUOTES,
    SPEAKER,
    TIMELINE,
    WHO_SAID_WHAT,
    aliases_path,
    check_params,
    data_or_stop,
    link_box,
    md,
    queries,
    quote_block,
)

SHOW = 60  # quotes listed here; the quote table has the rest
st.title("Speaker")
data = data_or_stop()
check_params({"name": data.persons})

if not data.persons:
    st.info("No quote in the store has an identified speaker yet.")
    st.stop()

speaker = st.selectbox("Speaker", data.persons, index=None, key="name", bind="query-params",
                       placeholder="choose a speaker")
if not speaker:
    st.caption("Choose a speaker above, or one of the most quoted:")
    def choose(person: str) -> None:
        st.session_state["name"] = person

    for i, p in enumerate(data.persons[:10]):
        st.button(md(p), key=f"choose_speaker_{i}", icon=":material/person:", type="tertiary", on_click=choose,
                  args=(p,))

if speaker:
    mine = data.quotes[data.quotes["person"] == speaker]
    roles = queries.roles_by_person(data.tables["speakers"]).get(speaker, [])
    st.header(md(speaker))
    st.markdown("**Roles and titles in the texts:** " + (md("; ".join(roles)) if roles else "none given"))
    cols = st.columns(3)
    cols[0].metric("Quotes", len(mine))
    cols[1].metric("Articles", mine["doc"].nunique())
    cols[2].metric("Direct quotes", int((mine["kind"] == "direct").sum()))
    links = st.columns(3)
    links[0].page_link(QUOTES.file, label="In the quote table", icon=":material/format_quote:",
                       query_params={"speaker": speaker})
    links[1].page_link(TIMELINE.file, label="On the timeline", icon=":material/timeline:",
                       query_params={"actor": speaker})
    links[2].page_link(WHO_SAID_WHAT.file, label="Compared with others", icon=":material/bar_chart:",
                       query_params={"who": speaker})

    left, right = st.columns([3, 2])
    with left:
        st.subheader("What they said")
        shown = mine.sort_values(["date_start", "doc", "start"], na_position="last", kind="stable").head(SHOW)
        if len(mine) > SHOW:
            st.caption(f"The first {SHOW} of {len(mine)} quotes by date; the quote table has them all.")
        for title, group in shown.groupby("title", sort=False):
            st.markdown(f"**{md(title)}**")
            for r in group.itertuples():
                quote_block(r.text)
                st.page_link(ARTICLE.file, label=f"{r.kind} · {r.date or 'date unknown'} · read in context",
                             icon=":material/article:", query_params={"doc": r.doc, "quote": r.quote_id})
    with right:
        st.subheader("Who they mention")
        kinds = dict(zip(data.merges["person"], data.merges["kind"]))
        named = queries.mentions(data.quotes, speaker, data.names, kinds)
        if named.empty:
            st.caption("Their quotes name no other known speaker.")
        else:
            st.dataframe(named.rename(columns={"person": "Person", "quotes": "Quotes naming them"}),
                         hide_index=True, key="mentions_table")
        st.subheader("Words that set them apart")
        words = queries.distinctive_words(data.quotes, speaker)
        if words.empty:
            st.caption("Too little text to compare.")
        else:
            st.caption("Log-odds (z-score) of each word in their quotes against everyone else's.")
            st.dataframe(words, hide_index=True, key="words_table",
                         column_config={"z": st.column_config.ProgressColumn(
                             "distinctiveness", min_value=0.0, max_value=float(max(words["z"].max(), 1.0)),
                             format="%.2f")})

with st.expander("Speakers merged across articles", expanded=False):
    merges = data.merges
    if speaker:
        merges = merges[merges["person"] == speaker]
    st.caption(f"The same name and kind in two articles is one speaker; a lone surname joins the one full name "
               f"ending with it. Override in `{aliases_path()}` (alias TAB canonical name; map a name to itself "
               f"to keep it apart). Changes show on the next page load.")
    st.dataframe(merges, hide_index=True, key="merges_table")
link_box(SPEAKER)
