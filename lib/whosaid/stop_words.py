"""spaCy's English stop words, read from its word-list module alone: importing `spacy.lang.en.stop_words` imports
spaCy itself first, a second or more that a dashboard visitor would wait for (a speaker's distinctive words, the
stories of a store built before they were stored)."""
from __future__ import annotations

import functools
import importlib.util
from pathlib import Path


@functools.cache
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (lower case), without importing spaCy when its word list is where it should be."""
    spec = importlib.util.find_spec("spacy")
    path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py" if spec and spec.origin else None
    if path is None or not path.is_file():  # another layout: the plain import, slower but sure
        from spacy.lang.en.stop_words import STOP_WORDS

        return frozenset(STOP_WORDS)
    words = importlib.util.spec_from_file_location("_whosaid_stop_words", path)
    module = importlib.util.module_from_spec(words)
    words.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)
