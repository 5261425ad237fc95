"""whosaid dashboard: `streamlit run dashboard.py` (reads the store at $WHOSAID_STORE, default data/processed)."""
import streamlit as st

st.set_page_config(page_title="whosaid", page_icon=":material/record_voice_over:", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("pages/who_said_what.py", title="Who said what", icon=":material/bar_chart:", url_path="who_said_what"),
    st.Page("pages/quotes.py", title="Quotes", icon=":material/format_quote:", url_path="quotes"),
    st.Page("pages/article.py", title="Article", icon=":material/article:", url_path="article"),
    st.Page("pages/speaker.py", title="Speaker", icon=":material/person:", url_path="speaker"),
    st.Page("pages/add_articles.py", title="Add articles", icon=":material/upload_file:", url_path="add_articles"),
]

# Each page's URL path is its file name: a fresh Streamlit server starts in its old pages-folder mode (there
# is a `pages/` folder here) and then runs a deep link's page file directly; pages/_ui.py, which every page
# imports first, ends that mode and reruns the same URL through this navigation.
st.navigation(PAGES).run()
