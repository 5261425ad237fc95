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
from collections.abc import Callable
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
NAME_COLUMNS = ["raw", "raw_kind", "name", "kind", "person", "how", "norm", "person_norm"]
Key = tuple[str, str]  # (kind, normalised name), or ("alias", normalised canonical name)
DocsOf = Callable[[list[tuple[object, object]]], dict[tuple[object, object], set[str]]]


def _surname_redirects(keys: list[Key], docs_of: Callable[[list[Key]], dict[Key, set[str]]],
                       aliases: dict[str, str], canon: dict[str, str]) -> dict[Key, Key]:
    """Rule 2 on the distinct keys: a one-word key -> the one longer PERSON key ending with that word (for a
    one-word ORG/OTHER key, only a person named in one of the same articles; `docs_of` gives the articles
    of the keys that need them). An index by last word keeps this linear in the number of keys."""
    by_last: dict[str, list[Key]] = defaultdict(list)
    for k in keys:
        if k[0] == "PERSON" and " " in k[1]:
            by_last[k[1].rsplit(" ", 1)[-1]].append(k)
    found = [(k, by_last[k[1]]) for k in keys
             if " " not in k[1] and k[1] not in aliases and k[1] not in canon and k[0] not in ("alias", "GPE")
             and k[1] in by_last]
    docs = docs_of(list({x for k, matches in found if k[0] != "PERSON" for x in (k, *matches)}))
    redirect = {}
    for k, matches in found:
        if k[0] != "PERSON":  # a surname mis-typed as ORG/OTHER joins the person named in the same article
            matches = [m for m in matches if docs.get(m, set()) & docs.get(k, set())]
        if len(matches) == 1:
            redirect[k] = matches[0]
    return redirect


def merge_names(names: pd.DataFrame, aliases: dict[str, str] | None = None, docs_of: DocsOf | None = None
                ) -> pd.DataFrame:
    """The person each distinct speaker name of the articles is, by the rules above.

    `names` has one row per distinct (raw, raw_kind): a speaker's name and kind as the store holds them, and
    `n`, how many article speakers carry them. `docs_of` gives the articles of some (raw, raw_kind) pairs
    (only a surname tagged ORG/OTHER needs them). Returns NAME_COLUMNS: the pair, the name with its spaces
    tidied, the kind (OTHER when missing), the person, how it was merged, and the normalised name and person.
    The work grows with the number of distinct names, not of article speakers."""
    aliases = aliases or {}
    canon = {normalise(v): v for v in aliases.values()}
    rows, fixed = [], {}
    members: dict[Key, list[tuple[object, object]]] = defaultdict(list)
    surface: dict[Key, Counter[str]] = defaultdict(Counter)
    for raw, raw_kind, n in zip(names["raw"].tolist(), names["raw_kind"].tolist(), names["n"].tolist()):
        name = " ".join(raw.split()) if isinstance(raw, str) else ""
        if not name.strip():
            continue
        kind = raw_kind if isinstance(raw_kind, str) else "OTHER"
        norm = normalise(name)
        target = aliases.get(norm) or canon.get(norm)
        if target:
            key: Key = ("alias", normalise(target))
            fixed[key] = target
            how = "aliases file" if norm in aliases and aliases[norm] != name else "same name"
        else:
            key, how = (kind, norm), "same name"
        members[key].append((raw, raw_kind))
        surface[key][name] += int(n)
        rows.append((raw, raw_kind, name, kind, key, how, norm))

    def key_docs(keys: list[Key]) -> dict[Key, set[str]]:
        pairs = [pair for k in keys for pair in members[k]]
        by_pair = docs_of(pairs) if (docs_of and pairs) else {}
        return {k: set().union(*(by_pair.get(pair, set()) for pair in members[k])) for k in keys}

    redirect = _surname_redirects(list(surface), key_docs, aliases, canon)
    for k, to in redirect.items():
        surface[to].update(surface[k])
    display = {k: fixed.get(k) or max(c, key=lambda n: (c[n], len(n), n)) for k, c in surface.items()}
    out = []
    for raw, raw_kind, name, kind, key, how, norm in rows:
        person = display[redirect.get(key, key)]
        out.append((raw, raw_kind, name, kind, person, "surname" if key in redirect else how, norm, normalise(person)))
    return pd.DataFrame(out, columns=NAME_COLUMNS)


def person_table(speakers: pd.DataFrame, aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per named speaker of an article (columns PERSON_COLUMNS): the person it is across articles and
    how it was merged (merge_names on the distinct names, joined back to the rows)."""
    if speakers.empty:
        return pd.DataFrame(columns=PERSON_COLUMNS)
    rows = pd.DataFrame({"doc": speakers["doc"].tolist(), "speaker_id": speakers["speaker_id"].tolist(),
                         "raw": speakers["name"].tolist(),
                         "raw_kind": [k if isinstance(k, str) else None for k in speakers["kind"].tolist()]},
                        dtype=object)
    pair = list(zip(rows["raw"], rows["raw_kind"]))
    names = pd.Series(pair).value_counts(sort=False)
    distinct = pd.DataFrame({"raw": [p[0] for p in names.index], "raw_kind": [p[1] for p in names.index],
                             "n": names.to_numpy()})

    def docs_of(pairs: list[tuple[object, object]]) -> dict[tuple[object, object], set[str]]:
        wanted, out = set(pairs), defaultdict(set)
        for p, doc in zip(pair, rows["doc"]):
            if p in wanted:
                out[p].add(doc)
        return out

    merged = merge_names(distinct, aliases, docs_of)
    by_pair = dict(zip(zip(merged["raw"], merged["raw_kind"]), merged[["person", "name", "kind", "how"]].itertuples(
        index=False, name=None)))
    out = [(doc, sid, *by_pair[p]) for doc, sid, p in zip(rows["doc"], rows["speaker_id"], pair) if p in by_pair]
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
