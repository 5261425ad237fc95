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

from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from whosaid.names import name_key

UNATTRIBUTED = "(unattributed)"
MERGE_COLUMNS = ["person", "name", "kind", "doc", "how"]


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
            out[name_key(parts[0])] = parts[1]
    return out


def _display(names: list[str]) -> str:
    """The most frequent surface form, longest first on ties."""
    counts = Counter(names)
    return max(counts, key=lambda n: (counts[n], len(n), n))


def person_map(speakers: pd.DataFrame, aliases: dict[str, str] | None = None) -> tuple[dict[tuple[str, str], str], pd.DataFrame]:
    """((doc, speaker_id) -> person display name, merges table) for the speakers of every article."""
    aliases = aliases or {}
    if speakers.empty:
        return {}, pd.DataFrame(columns=MERGE_COLUMNS)
    rows = speakers.assign(name=[" ".join(str(n).split()) if isinstance(n, str) else "" for n in speakers["name"]],
                           kind=speakers["kind"].fillna("OTHER"))
    rows = rows[rows["name"].str.strip() != ""]
    key_of: dict[tuple[str, str], tuple[str, str]] = {}
    how: dict[tuple[str, str], str] = {}
    surface: dict[tuple[str, str], list[str]] = defaultdict(list)
    canon = {name_key(v): v for v in aliases.values()}
    fixed: dict[tuple[str, str], str] = {}
    for r in rows.itertuples(index=False):
        norm = name_key(r.name)
        target = aliases.get(norm) or canon.get(norm)
        if target:
            key = ("alias", name_key(target))
            fixed[key] = target
            how[(r.doc, r.speaker_id)] = "aliases file" if norm in aliases and aliases[norm] != r.name else "same name"
        else:
            key = (r.kind, norm)
            how[(r.doc, r.speaker_id)] = "same name"
        key_of[(r.doc, r.speaker_id)] = key
        surface[key].append(r.name)
    # rule 2: surnames
    persons = {k for k in surface if k[0] == "PERSON"}
    multi = [k for k in persons if " " in k[1]]
    redirect = {}
    docs_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (doc, _), key in key_of.items():
        docs_of[key].add(doc)
    for k in surface:
        if " " in k[1] or k[1] in aliases or k[1] in canon or k[0] in ("alias", "GPE"):
            continue
        matches = [m for m in multi if m[1].rsplit(" ", 1)[-1] == k[1]]
        if k[0] != "PERSON":  # a surname mis-typed as ORG/OTHER joins the person named in the same article
            matches = [m for m in matches if docs_of[m] & docs_of[k]]
        if len(matches) == 1:
            redirect[k] = matches[0]
    for sid, key in key_of.items():
        if key in redirect:
            key_of[sid] = redirect[key]
            surface[redirect[key]].extend(surface[key])
            how[sid] = "surname"
    display = {k: fixed.get(k) or _display(v) for k, v in surface.items()}
    mapping = {sid: display[key] for sid, key in key_of.items()}
    merges = pd.DataFrame(
        [{"person": mapping[(r.doc, r.speaker_id)], "name": r.name, "kind": r.kind, "doc": r.doc,
          "how": how[(r.doc, r.speaker_id)]} for r in rows.itertuples(index=False)], columns=MERGE_COLUMNS)
    return mapping, merges.sort_values(["person", "doc", "name"], kind="stable").reset_index(drop=True)


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
    return persons.get(name_key(name), name)


def name_index(merges: pd.DataFrame) -> dict[str, str]:
    """Normalised surface name -> person, for matching names found in text (actors, mentions)."""
    out = {}
    for r in merges.itertuples(index=False):
        out.setdefault(name_key(r.name), r.person)
        out.setdefault(name_key(r.person), r.person)
    return out
