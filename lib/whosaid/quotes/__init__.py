"""Quotes and speakers: quotation marks paired, reporting cues, quotes attributed, speakers resolved per article."""
from whosaid.quotes.attribution import extract_quotes
from whosaid.quotes.cues import Cue, cue_for, cue_set, lexicon
from whosaid.quotes.marks import Quoted, find_quoted
from whosaid.quotes.speakers import resolve_speakers

__all__ = ["Cue", "Quoted", "cue_for", "cue_set", "extract_quotes", "find_quoted", "lexicon", "resolve_speakers"]
