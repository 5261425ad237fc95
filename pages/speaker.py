"""Speaker: everything one person said across articles, their quotes per week (beside others'), their roles, who
they mention, their distinctive words, and how speakers were merged across articles."""
import streamlit as st
from whosaid.dashboard import (
    ARTICLE,
    QUOTES,
    SPEAKER,
    SPEAKER_QUOTES,
    TABLE_ROWS,
    TEXT_QUOTES,
    TIMELINE,
    WHO_SAID_WHAT,
    aliases_path,
    charts,
    check_params,
    data_or_stop,
    link_box,
    listed,
    md,
    queries,
    quote_block,
    roles_line,
)

st.title("Speaker")
data = data_or_stop()
check_params({"name": data.is_person, "compare": data.is_person})

if not data.persons:
    st.info("No quote in the store has an identified speaker yet.")
    st.stop()

speaker = st.selectbox("Speaker", listed(data.persons, "name"), index=None, key="name", bind="query-params",
                       placeholder="choose a speaker", accept_new_options=data.capped)
speaker = speaker if data.is_person(speaker) else None
if not speaker:
    st.caption("Choose a speaker above, or one of the most quoted:")
    def choose(person: str) -> None:
        st.session_state["name"] = person

    for i, p in enumerate(data.persons[:10]):
        st.button(md(p), key=f"choose_speaker_{i}", icon=":material/person:", type="tertiary", on_click=choose,
                  args=(p,))

if speaker:
    facts = data.ask(queries.speaker_facts, speaker)
    roles = data.ask(queries.roles_by_person, (speaker,)).get(speaker, [])
    st.header(md(speaker))
    st.markdown("**Roles and titles in the texts:** " + (roles_line(roles) if roles else "none given"))
    cols = st.columns(3)
    cols[0].metric("Quotes", facts["quotes"])
    cols[1].metric("Articles", facts["articles"])
    cols[2].metric("Direct quotes", facts["direct"])
    with st.expander("Names and roles, with the articles they come from"):
        names_col, roles_col = st.columns(2)
        names_col.dataframe(data.ask(queries.name_variants, speaker), hide_index=True, key="variants_table",
                            column_config={"name": "Written as", "quotes": "Quotes", "articles": "Articles"})
        roles_col.dataframe(data.ask(queries.role_sources, speaker), hide_index=True, key="role_sources_table",
                            column_order=["role", "title"], column_config={"role": "Role", "title": "Article"})
    links = st.columns(3)
    links[0].page_link(QUOTES.file, label="In the quote table", icon=":material/format_quote:",
                       query_params={"speaker": speaker})
    links[1].page_link(TIMELINE.file, label="On the timeline", icon=":material/timeline:",
                       query_params={"actor": speaker})
    links[2].page_link(WHO_SAID_WHAT.file, label="Compared with others", icon=":material/bar_chart:",
                       query_params={"who": speaker})

    st.subheader("Quotes per week")
    others = [p for p in data.persons if p != speaker]
    compare = st.multiselect("Compare with", listed(others, "compare"), key="compare", bind="query-params",
                             placeholder="other speakers", max_selections=5, accept_new_options=data.capped)
    shown_persons = tuple(dict.fromkeys([speaker, *(p for p in compare if data.is_person(p))]))
    weekly = data.ask(queries.weekly_quotes, shown_persons)
    if weekly.empty:
        st.caption("None of these quotes is dated to a day or a week.")
    else:
        st.caption("Quotes dated to a day or a week, by the week they were said (those dated only to a month or a "
                   "year are left out). Click a point to list that speaker's quotes of that week in the quote table.")
        picked = st.plotly_chart(charts.weekly_quotes(weekly, data.colors), key="weekly_chart", on_select="rerun",
                                 selection_mode="points", config={"displaylogo": False})
        points = (picked or {}).get("selection", {}).get("points", [])
        custom = points[0].get("customdata") if points else None
        if isinstance(custom, list) and len(custom) == 3 and data.is_person(custom[0]):
            st.switch_page(QUOTES.file, query_params={
                "speaker": custom[0], "dates": queries.week_range(custom[1], custom[2], data.ask(queries.quote_span))})

    left, right = st.columns([3, 2])
    with left:
        st.subheader("What they said")
        show = SPEAKER_QUOTES.value()
        shown = data.ask(queries.quotes, queries.QuoteFilter.of(persons=[speaker]), 1, show, "date")
        if facts["quotes"] > show:
            st.caption(f"The first {show} of {facts['quotes']} quotes by date; the quote table has them all.")
        for title, group in shown.groupby("title", sort=False):
            st.markdown(f"**{md(title)}**")
            for r in group.itertuples():
                quote_block(r.text)
                st.page_link(ARTICLE.file, label=f"{r.kind} · {r.date or 'date unknown'} · read in context",
                             icon=":material/article:", query_params={"doc": r.doc, "quote": r.quote_id})
    with right:
        read = TEXT_QUOTES.value()
        if facts["quotes"] > read:
            st.caption(f"Read from their first {read:,} quotes in article order.")
        st.subheader("Who they mention")
        named = data.ask(queries.mentions, speaker, read)
        if named.empty:
            st.caption("Their quotes name no other known speaker.")
        else:
            st.dataframe(named.rename(columns={"person": "Person", "quotes": "Quotes naming them"}),
                         hide_index=True, key="mentions_table")
        st.subheader("Words that set them apart")
        words = data.ask(queries.distinctive_words, speaker, 15, read)
        if words.empty:
            st.caption("Too little text to compare.")
        else:
            st.caption("Log-odds (z-score) of each word in their quotes against everyone else's.")
            st.dataframe(words, hide_index=True, key="words_table",
                         column_config={"z": st.column_config.ProgressColumn(
                             "distinctiveness", min_value=0.0, max_value=float(max(words["z"].max(), 1.0)),
                             format="%.2f")})

with st.expander("Speakers merged across articles", expanded=False):
    merges, n_merges = data.ask(queries.merges, speaker, TABLE_ROWS.value())
    st.caption(f"The same name and kind in two articles is one speaker; a lone surname joins the one full name "
               f"ending with it. Override in `{aliases_path()}` (alias TAB canonical name; map a name to itself "
               f"to keep it apart). Changes show on the next page load."
               + (f" The first {len(merges)} of {n_merges} names." if n_merges > len(merges) else ""))
    st.dataframe(merges, hide_index=True, key="merges_table")
link_box(SPEAKER)
