"""Add articles: upload files or paste text, processed into the store (and saved on disk); remove articles."""
import streamlit as st
from whosaid.dashboard import (
    ADD_ARTICLES,
    ARTICLE,
    MAX_BYTES,
    OPTION_LIMIT,
    IngestError,
    check_params,
    current_aliases,
    data_or_stop,
    library,
    link_box,
    md,
    nlp,
    paths,
    queries,
)

st.title("Add articles")
check_params({})
store_dir, articles_dir = paths()
st.caption(f"Articles are saved in `{articles_dir}` and processed into the store `{store_dir}`; they join every "
           "page as soon as they are done.")

with st.form("add_form", clear_on_submit=True, border=True):
    files = st.file_uploader("Article files (.txt, .html, .md) — several at once is fine", key="upload_files",
                             type=["txt", "text", "html", "htm", "xhtml", "md", "markdown"],
                             accept_multiple_files=True, max_upload_size=max(1, MAX_BYTES // 1_000_000))
    pasted = st.text_area("…or paste an article's text", key="paste_text", height=180)
    c1, c2, c3 = st.columns(3)
    title = c1.text_input("Title (optional)", key="add_title", help="Used for pasted text or a single file.")
    pub = c2.date_input("Publication date (optional)", value=None, key="add_date", format="YYYY-MM-DD",
                        help="A date you give wins over the page's metadata and the text.")
    url = c3.text_input("Source URL (optional)", key="add_url")
    any_language = st.checkbox("Also add articles that are not in English", key="add_any_language",
                               help="Such an article is read with the English pipeline: expect few quotes and dates.")
    submitted = st.form_submit_button("Add to the dashboard", type="primary", key="add_button")

if submitted:
    jobs = [(f.name, f.getvalue()) for f in files or []]
    if pasted and pasted.strip():
        jobs.append((None, pasted))
    if not jobs:
        st.warning("Choose one or more files or paste some text first.")
    else:
        done, failed = [], []
        with st.status(f"Processing {len(jobs)} article{'s' * (len(jobs) != 1)} …", expanded=True) as status:
            bar = st.progress(0.0)
            model = nlp()
            for i, (name, payload) in enumerate(jobs):
                label = name or "pasted text"
                st.write(f"{label} …")
                one = len(jobs) == 1 or name is None
                try:
                    if name is None:
                        added = library.add_text(payload, store_dir, articles_dir, title=title, url=url, nlp=model,
                                                 date=pub.isoformat() if pub else None, any_language=any_language,
                                                 aliases=current_aliases())
                    else:
                        added = library.add_bytes(payload, name, store_dir, articles_dir, url=url, nlp=model,
                                                  title=title if one else None, date=pub.isoformat() if pub else None,
                                                  any_language=any_language, aliases=current_aliases())
                    done.append(added)
                except IngestError as exc:
                    failed.append(str(exc))
                except OSError as exc:
                    failed.append(f"{label}: could not be saved ({exc.strerror or exc}).")
                bar.progress((i + 1) / len(jobs))
            state = "complete" if not failed else ("error" if not done else "complete")
            status.update(label=f"Added {len(done)}, failed {len(failed)}", state=state, expanded=bool(failed))
        for msg in failed:
            st.error(md(msg) + " The store was left as it was for this article.")
        for a in done:
            st.success(f"Added “{md(a.title or a.doc)}”: {a.quotes} quotes, {a.events} events, "
                       f"published {a.date or 'date unknown'} (from {a.date_source}).")
            for note in a.notes:
                st.caption(f"{md(a.title or a.doc)}: {md(note)}")
            st.page_link(ARTICLE.file, label=f"Read {md(a.title or a.doc)}", icon=":material/article:",
                         query_params={"doc": a.doc})

st.subheader("Remove an article")
data = data_or_stop(allow_empty=True)
docs = data.ask(queries.docs, OPTION_LIMIT.value())
if not docs:
    st.caption("The store holds no article.")
else:
    titles = data.ask(queries.titles, tuple(docs))
    capped = len(docs) >= OPTION_LIMIT.value()
    with st.form("remove_form", border=True):
        doc = st.selectbox("Article to remove", docs, index=None, key="remove_doc", placeholder="choose an article",
                           format_func=lambda d: f"{titles.get(d) or d} ({d})", accept_new_options=capped,
                           help=f"The first {len(docs):,} articles by id; type the id of another." if capped else None)
        sure = st.checkbox("Yes, remove it from the store and delete its saved file", key="remove_confirm")
        go = st.form_submit_button("Remove article", key="remove_button")
    if go:
        if not doc or doc not in data.ask(queries.known, "doc", (doc,)):
            st.warning("Choose the article to remove.")
        elif not sure:
            st.warning("Tick the box to confirm the removal.")
        else:
            try:
                gone = library.remove_article(doc, store_dir, articles_dir, aliases=current_aliases())
                st.success(f"Removed {md(doc)}" + (f" and deleted {md(gone)}." if gone else "."))
            except (IngestError, OSError) as exc:
                st.error(f"Could not remove {md(doc)}: {md(exc)}")
link_box(ADD_ARTICLES)
