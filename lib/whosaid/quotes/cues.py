"""The reporting-cue lexicon: verbs, nouns and phrases that introduce what someone said or thinks.

The list lives in resources/cues.tsv (lemma, part of speech, frames, class, sets) so it can be maintained without
touching code; this module loads it once and answers "is this token a cue, and in which frame", "which class of
attribution does it make" (speech, writing, stance, no comment), and names the subsets of it that other rules read
("report", "report_core" for the temporal rules, "document" nouns), so there is one list.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Token

from whosaid.model import CUE_CLASSES

CUES_FILE = files("whosaid") / "resources" / "cues.tsv"


@dataclass(frozen=True)
class Cue:
    """One lexicon entry."""

    lemma: str
    pos: str  # VERB | NOUN | PHRASE
    frames: frozenset[str]  # ccomp | xcomp | dobj | inv | that | phrase
    cls: str  # speech | writing | stance | no_comment | action (not a cue)
    sets: frozenset[str] = frozenset()  # named subsets the entry belongs to (report | report_core)


@dataclass(frozen=True)
class Lexicon:
    """Cue entries indexed by (lemma, part of speech), and the multiword phrases."""

    entries: dict[tuple[str, str], Cue]
    phrases: tuple[tuple[str, ...], ...]


def parse_cues(text: str) -> Lexicon:
    """A lexicon from the TSV text (comment lines start with #, the first other line is the header)."""
    entries: dict[tuple[str, str], Cue] = {}
    phrases = []
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for line in lines[1:]:
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 4:
            continue
        lemma, pos, frames, cls = parts[:4]
        sets = parts[4] if len(parts) > 4 else ""
        cue = Cue(lemma.lower(), pos.upper(), frozenset(f for f in frames.split(",") if f), cls,
                  frozenset(s for s in sets.split(",") if s))
        if cue.pos == "PHRASE":
            phrases.append(tuple(cue.lemma.split()))
        entries[(cue.lemma, cue.pos)] = cue
    return Lexicon(entries, tuple(phrases))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped cue lexicon."""
    return parse_cues(CUES_FILE.read_text(encoding="utf-8"))


CLASSES = CUE_CLASSES  # the classes an attribution can have (their one home is whosaid.model)
ACTION = "action"  # the class of verbs that report no words: never a cue


def entry_for(token: Token) -> Cue | None:
    """The lexicon row for a verb or noun token, action verbs included."""
    pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ == "NOUN" else None
    if pos is None:
        return None
    entries = lexicon().entries
    return entries.get((token.lemma_.lower(), pos)) or entries.get((token.lower_, pos))


def cue_for(token: Token) -> Cue | None:
    """The lexicon entry for a verb or noun token, or None when it is not a reporting cue."""
    entry = entry_for(token)
    return None if entry is None or entry.cls == ACTION else entry


def reports_no_words(token: Token) -> bool:
    """True for an action verb of the lexicon ("order", "see", "offer"): never a cue."""
    entry = entry_for(token)
    return entry is not None and entry.cls == ACTION


def attribution_class(cue_lemma: str, words_after: list[str], source_head: str | None, *, quoted: bool) -> str:
    """The class of an attribution: from the lexicon row of its cue, a no-comment phrase, or a document source.

    cue_lemma: the cue's lemma ("say", "decline", "according to", ":"); words_after: the lemmas of the cue's
    content, first words first ("to", "comment"); source_head: the lemma of the source's head word;
    quoted: the attribution holds a quotation. A cue the lexicon does not list (one the learned tagger found)
    is speech when it introduces a quotation and a stance otherwise.
    """
    lex = lexicon()
    said = " ".join([cue_lemma, *words_after[:3]])
    for phrase in lex.phrases:
        text = " ".join(phrase)
        if (said + " ").startswith(text + " ") and lex.entries[(text, "PHRASE")].cls == "no_comment":
            return "no_comment"
    entry = lex.entries.get((cue_lemma, "VERB")) or lex.entries.get((cue_lemma, "NOUN")) \
        or lex.entries.get((cue_lemma, "PHRASE"))
    if entry is not None and entry.cls in CLASSES:
        cls = entry.cls
    else:  # a colon or a dash before a name ("Sessions: ...", "“...” ― Sonya Herridge") is a speech cue
        cls = "speech" if quoted or not cue_lemma[:1].isalpha() else "stance"
    if source_head is not None and source_head in cue_set("document"):
        return "writing"
    return cls


@lru_cache(maxsize=8)
def cue_set(name: str) -> frozenset[str]:
    """Lemmas of the entries in a named subset of the lexicon (the `sets` column); ValueError for an unknown name."""
    lemmas = frozenset(cue.lemma for cue in lexicon().entries.values() if name in cue.sets)
    if not lemmas:
        raise ValueError(f"no cue set named {name!r} in {CUES_FILE.name}")
    return lemmas


def verb_lemmas() -> set[str]:
    """Lemmas of all verb cues."""
    return {lemma for (lemma, pos) in lexicon().entries if pos == "VERB"}
