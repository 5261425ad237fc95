"""The stop words that keep 'the' and 'said' out of a speaker's distinctive words are spaCy's English list, read
without importing spaCy (which made choosing the first speaker a second slower)."""
from __future__ import annotations

import subprocess
import sys

from whosaid.stop_words import stop_words


def test_the_stop_words_are_spacys_english_list():
    from spacy.lang.en.stop_words import STOP_WORDS

    assert stop_words() == STOP_WORDS
    assert {"the", "and", "because"} <= stop_words() and "president" not in stop_words()


def test_reading_them_does_not_import_spacy():
    code = ("import sys; from whosaid.dashboard import queries; from whosaid.corpus import stories; "
            "queries.stop_words(); stories.unlike_acts(); print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
