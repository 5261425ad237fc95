"""Person and organisation names: the one place that says how a name reads and how it is matched.

`display_name` is a name as it should read in the dashboard (the speakers stage writes it to the store);
`name_key` folds that display form further so that the same name written two ways matches (merging speakers
across articles, the aliases file, event actors, names found in quotes).
"""
from __future__ import annotations

import re
import unicodedata

EDGE_CHARS = " ,.;:'\"“”‘’()"  # trimmed from both ends of a display name
KEY_EDGE_CHARS = " \t\n.,;:\"'()[]"  # and these from a match key, after folding


def display_name(text: str) -> str:
    """A name as it should read: single spaces, no possessive, no edge punctuation or quotation marks."""
    text = re.sub(r"\s+", " ", text).strip(EDGE_CHARS)
    return re.sub(r"(?:'s|’s)$", "", text).strip()


def name_key(name: str) -> str:
    """A name folded for matching: its display form, NFKC, case-folded, without a leading 'the' or possessive."""
    s = unicodedata.normalize("NFKC", display_name(str(name))).replace("’", "'").casefold()
    s = re.sub(r"\s+", " ", s).strip(KEY_EDGE_CHARS)
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"'s?$", "", s)
    return s.strip()
