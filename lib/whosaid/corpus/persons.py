"""One speaker across articles: merge per-article speakers into persons, with a user-editable aliases file.

Rules, applied at read time (the store keeps each article's own speakers):
1. the same normalised name and kind in two articles is one person;
2. a one-word PERSON name that is the last word of exactly one longer PERSON name is that person
   ("Sessions" -> "Jeff Sessions"); so is a one-word ORG/OTHER name when that person is named in the
   same article (the tagger often calls a lone surname an organisation);
3. the aliases file (alias TAB canonical name, `#` comments) overrides both: an alias line maps a name to
   the canonical one, and a line mapping a name to itself keeps it apart from rule 2.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import pandas as pd

UNATTRIBUTED = "(unattributed)"
MERGE_COLUMNS = ["person", "name", "kind", "doc", "how"]


@lru_cache(maxsize=1 << 18)  # names repeat across articles, actors and mentions
def normalise(name: str) -> str:
    """A name folded for matching: NFKC, case-folded, single spaces, no leading 'the', no possessive."""
    s = unicodedata.normalize("NFKC", str(name)).replace("’", "'").casefold()
    s = re.sub(r"\s+", " ", s).strip(" \t\n.,;:\"'()[]")
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"'s?$", "", s)
    return s.strip()


def read_aliases(path: str | Path | None) -> dict[str, str]:
    """Normalised alias -> canonical display name from an aliases TSV file (missing file: no aliases)."""
    if not path:
        return {}
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    out = {}
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [x.strip() for x in line.split("\t")]
        if len(parts) >= 2 and parts[0] and parts[1]:
            out[normalise(parts[0])] = parts[1]
    return out


PERSON_COLUMNS = ["doc", "speaker_id", "person", "name", "kind", "how"]


def _surname_redirects(keys: dict[tuple[str, str], set[str]], aliases: dict[str, str],
                       canon: dict[str, str]) -> dict[tuple[str, str], tuple[str, str]]:
    """Rule 2 on the distinct (kind, normalised name) keys, given the articles of each: a one-word key -> the
    one longer PERSON key ending with that word (for a one-word ORG/OTHER key, only a person named in one of
    the same articles). An index by last word keeps this linear in the number of keys."""
    by_last: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for k in keys:
        if k[0] == "PERSON" and " " in k[1]:
            by_last[k[1].rsplit(" ", 1)[-1]].append(k)
    redirect = {}
    for k, docs in keys.items():
        if " " in k[1] or k[1] in aliases or k[1] in canon or k[0] in ("alias", "GPE"):
            continue
        matches = by_last.get(k[1], [])
        if k[0] != "PERSON":  # a surname mis-typed as ORG/OTHER joins the person named in the same article
            matches = [m for m in matches if keys[m] & docs]
        if len(matches) == 1:
            redirect[k] = matches[0]
    return redirect


def person_table(speakers: pd.DataFrame, aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per named speaker of an article (columns PERSON_COLUMNS): the person it is across articles and
    how it was merged. Each distinct name is normalised once and the rules run on the distinct keys, so the
    cost grows with the number of rows, not with its square."""
    aliases = aliases or {}
    canon = {normalise(v): v for v in aliases.values()}
    rows, keys, fixed = [], defaultdict(set), {}
    surface: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for doc, sid, raw, kind in zip(speakers["doc"].tolist(), speakers["speaker_id"].tolist(),
                                   speakers["name"].tolist(), speakers["kind"].tolist()):
        name = " ".join(raw.split()) if isinstance(raw, str) else ""
        if not name.strip():
            continue
        kind = kind if isinstance(kind, str) else "OTHER"
        norm = normalise(name)
        target = aliases.get(norm) or canon.get(norm)
        if target:
            key = ("alias", normalise(target))
            fixed[key] = target
            how = "aliases file" if norm in aliases and aliases[norm] != name else "same name"
        else:
            key, how = (kind, norm), "same name"
        keys[key].add(doc)
        surface[key][name] += 1
        rows.append((doc, sid, key, name, kind, how))
    redirect = _surname_redirects(keys, aliases, canon)
    for k, to in redirect.items():
        surface[to].update(surface[k])
    display = {k: fixed.get(k) or max(c, key=lambda n: (c[n], len(n), n)) for k, c in surface.items()}
    out = [(doc, sid, display[redirect.get(key, key)], name, kind, "surname" if key in redirect else how)
           for doc, sid, key, name, kind, how in rows]
    return pd.DataFrame(out, columns=PERSON_COLUMNS)


def person_map(speakers: pd.DataFrame, aliases: dict[str, str] | None = None) -> tuple[dict[tuple[str, str], str], pd.DataFrame]:
    """((doc, speaker_id) -> person display name, merges table) for the speakers of every article."""
    table = person_table(speakers, aliases)
    mapping = dict(zip(zip(table["doc"], table["speaker_id"]), table["person"]))
    return mapping, merges_of(table)


def merges_of(table: pd.DataFrame) -> pd.DataFrame:
    """The merges table (columns MERGE_COLUMNS) of a person table, by person, article and name."""
    return table[MERGE_COLUMNS].sort_values(["person", "doc", "name"], kind="stable").reset_index(drop=True)


def apply_aliases(tables: dict[str, pd.DataFrame], aliases: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """The tables with a `person` column on speakers and quotes, plus a `merges` table."""
    speakers, quotes = tables["speakers"], tables["quotes"]
    mapping, merges = person_map(speakers, aliases)

    def lookup(df: pd.DataFrame) -> list[str]:
        return [mapping.get((d, s), UNATTRIBUTED) if isinstance(s, str) else UNATTRIBUTED
                for d, s in zip(df["doc"], df["speaker_id"])]

    out = dict(tables)
    out["speakers"] = speakers.assign(person=lookup(speakers) if len(speakers) else pd.Series(dtype=object))
    out["quotes"] = quotes.assign(person=lookup(quotes) if len(quotes) else pd.Series(dtype=object))
    out["merges"] = merges
    return out


def canonical(name: str, persons: dict[str, str]) -> str:
    """The person a free name (e.g. an event actor) refers to, given normalised name -> person; else the name."""
    return persons.get(normalise(name), name)


def name_index(merges: pd.DataFrame) -> dict[str, str]:
    """Normalised surface name -> person, for matching names found in text (actors, mentions)."""
    out: dict[str, str] = {}
    for name, person in zip(merges["name"].tolist(), merges["person"].tolist()):
        out.setdefault(normalise(name), person)
        out.setdefault(normalise(person), person)
    return out
