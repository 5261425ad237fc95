"""whosaid dashboard: `streamlit run dashboard.py`.

It reads the store at $WHOSAID_STORE, else data/processed beside this file (see whosaid.settings).
The pages are listed once, in whosaid.dashboard.routes.
"""
from whosaid.dashboard import run

run()
