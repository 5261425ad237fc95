"""Article: the text with every quote highlighted in its speaker's colour; a chosen quote is shown in context,
outlined in the text and scrolled to."""
import json

import streamlit as st
from whosaid.dashboard import (
    ARTICLE,
    OPTION_LIMIT,
    SPEAKER,
    check_params,
    data_or_stop,
    highlight,
    link_box,
    listed,
    md,
    queries,
    set_param,
    short,
    url_pick,
)

st.title("Article")
data = data_or_stop()
docs = data.ask(queries.docs, OPTION_LIMIT.value())
capped = len(docs) >= OPTION_LIMIT.value()
check_params({"doc": lambda v: v in docs or v in data.ask(queries.known, "doc", (v,)),
              "quote": lambda v: v in data.ask(queries.known, "quote", (v,)),
              "event": lambda v: v in data.ask(queries.known, "event", (v,))})

# a link that names only a quote or an event opens its article
for param in ("quote", "event"):
    wanted = st.query_params.get(param)
    if wanted and "doc" not in st.query_params:
        found = data.ask(queries.doc_of, param, wanted)
        if found:
            st.query_params["doc"] = found

if data.counts["articles"] == 1 and "doc" not in st.query_params:
    st.query_params["doc"] = docs[0]
options = listed(docs, "doc")
titles = data.ask(queries.titles, tuple(options))
doc = url_pick("Article", options, "doc", "doc_pick", clear=("quote", "event"), accept_new=capped,
               format_func=lambda d: f"{short(titles.get(d, d), 100)} · {d}")
if doc and doc not in titles and doc not in data.ask(queries.known, "doc", (doc,)):
    doc = None  # typed, not an article
if not doc:
    st.info("Choose an article above, or click a quote in the Quotes page to open it here.")
    for i, d in enumerate(docs[:50]):
        st.button(md(titles[d]), key=f"open_doc_{i}", icon=":material/article:", type="tertiary",
                  on_click=set_param, args=("doc", d))
    link_box(ARTICLE)
    st.stop()

a = data.ask(queries.article, doc)
quotes = data.ask(queries.article_quotes, doc)
st.header(md(a["shown_title"]))
meta = [f"published {a['date']} (date from {a['date_source']}, confidence {float(a['date_confidence'] or 0):.1f})"
        if isinstance(a["date"], str) else "publication date unknown", f"{len(quotes)} quotes"]
if isinstance(a["url"], str) and a["url"]:
    meta.append(f"[source]({a['url']})")
st.caption(" · ".join(meta))

persons = list(dict.fromkeys(quotes["person"]))
st.html(highlight.legend_html(persons, data.colors))

labels = {r.quote_id: f"{r.person}: {short(r.text, 70)}" for r in quotes.itertuples()}
quote_id = url_pick("Jump to quote", list(quotes["quote_id"]), "quote", "quote_pick", format_func=labels.get)
if st.query_params.get("quote") and not quote_id:
    st.caption("The quote in the link belongs to another article.")

event_id = st.query_params.get("event")
e = data.ask(queries.event, event_id) if event_id else None
if e and e["doc"] == doc:
    with st.container(border=True, key="event_box"):
        st.markdown(f"**Event** · {md(e['date'] or 'date unknown')} · date found: {md(e['how'])}")
        st.text(" ".join(str(e["sentence"]).split()))

if quote_id:
    r = quotes[quotes["quote_id"] == quote_id].iloc[0]
    with st.container(border=True, key="quote_box"):
        st.markdown(f"**{md(r['person'])}** · {md(r['kind'])} quote · {md(r['date'] or 'date unknown')}")
        st.html(highlight.context_html(a["text"], quotes, data.colors, quote_id))
        st.page_link(SPEAKER.file, label=f"Everything {md(r['person'])} said", icon=":material/person:",
                     query_params={"name": r["person"]}, disabled=not data.is_person(r["person"]))

st.html(highlight.article_html(a["text"], quotes, data.colors, selected=quote_id))
if quote_id:  # our own script (no article text in it): bring the chosen quote into view
    target = json.dumps(highlight.anchor_id(quote_id)).replace("<", "\\u003c")  # never a "</script>"
    st.html(f"<script>const el=document.getElementById({target});"
            f"if(el){{el.scrollIntoView({{block:'center'}});}}</script>", unsafe_allow_javascript=True)
link_box(ARTICLE)
