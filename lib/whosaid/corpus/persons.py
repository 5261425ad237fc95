"""One person across articles: the store's per-article speakers merged into corpus persons, every merge with its reason.

`build_persons(speakers, quotes)` is a pure step from the store's tables to three new ones: `persons` (one row per
corpus person: id, canonical name, type, name variants with quote counts, roles with their article), `quote_persons`
(every quote's person id) and `merges` (every per-article speaker, the person it joined and why). Rules, in order:
1. the aliases file (alias TAB canonical, `#` comments) wins: an alias joins its canonical name, a name mapped to
   itself stays apart from every rule below;
2. each name is typed (corpus.nametypes): pronouns and descriptions no rule resolved are "unresolved" (one row per
   written form, never a person), plurals of people are groups, documents are sources;
3. full names are parsed (nameparser) and merge on first name (short forms read as formal: Joe = Joseph), surname
   and suffix; middle names and initials merge unless two disagree (George W. and George H.W. Bush stay apart);
   words a tagger glued before a name are dropped ("Rip Donald Trump");
4. a suffixed name joins the same name without it only when they share a role (Joseph R. Biden Jr = Joe Biden,
   not Donald Trump Jr); a near-miss spelling joins a larger person only when the same article names that person
   or they share a role ("Hilary Clinton");
5. a surname alone joins the person of that surname the article names (the first named when it names several:
   Bill or Hillary Clinton), else the one the corpus names in most articles when that one dominates ("Trump");
   a first name alone joins likewise ("Hillary").
The person id is derived from the merged name's key (first name, middle when needed, surname, suffix), so it is
the same on every rebuild of the same articles.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

from whosaid.corpus.nametypes import (
    GROUP,
    ORGANISATION,
    PERSON,
    UNRESOLVED,
    NameParts,
    first_key,
    lexicon,
    middle_key,
    middles_agree,
    name_type,
    parse_name,
)
from whosaid.names import display_name, name_key

UNATTRIBUTED = "(unattributed)"
UNATTRIBUTED_ID = "unattributed"
MERGE_COLUMNS = ["person", "name", "kind", "doc", "how", "speaker_id", "person_id", "type", "why"]
PERSON_COLUMNS = ["person_id", "name", "type", "variants", "roles", "n_quotes", "n_articles", "n_speakers"]
QUOTE_COLUMNS = ["doc", "quote_id", "speaker_id", "person_id"]
DOMINANCE = 0.8  # share of a surname's articles one person must hold for a bare surname to join them
NEAR_MISS = 90  # rapidfuzz ratio of two full names for a near-miss spelling


def read_aliases(path: str | Path | None) -> dict[str, str]:
    """Normalised alias -> canonical display name from an aliases TSV file (missing file: no aliases)."""
    if not path:
        return {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
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


@dataclass
class _Speaker:
    """One per-article speaker on its way to a person."""

    doc: str
    sid: str
    name: str
    kind: str
    roles: list[str]
    n_quotes: int
    pos: int  # first speaker mention in the article (characters), for "named first"
    type: str = PERSON
    parts: NameParts = field(default_factory=NameParts)
    cluster: tuple = ()
    how: str = ""
    why: str = ""


@dataclass
class _Cluster:
    key: tuple
    type: str
    members: list[_Speaker] = field(default_factory=list)
    display: str = ""
    fixed: bool = False  # named by the aliases file
    apart: bool = False  # kept apart by the aliases file
    frozen_forms: list[str] | None = None  # forms() once the full names are merged

    @property
    def docs(self) -> set[str]:
        return {m.doc for m in self.members}

    def forms(self) -> list[str]:
        """Full written forms (two words or more), most quoted first."""
        if self.frozen_forms is not None:
            return self.frozen_forms
        c = Counter()
        for m in self.members:
            if len(m.parts.words) >= 2:
                c[m.parts.full] += m.n_quotes + 1
        return [f for f, _ in c.most_common()]


def _fold(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name_key(text)) if not unicodedata.combining(ch))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(text)).strip("-") or "x"


def _org_key(name: str) -> str:
    return re.sub(r"['’]s\b", "", name_key(name))


def _speakers(speakers: pd.DataFrame, quotes: pd.DataFrame) -> list[_Speaker]:
    """The per-article speakers with their quote counts and first mention."""
    n = Counter(zip(quotes["doc"], quotes["speaker_id"])) if len(quotes) else Counter()
    pos: dict[tuple, int] = {}
    if len(quotes) and "speaker_spans" in quotes:
        for d, s, spans in zip(quotes["doc"], quotes["speaker_id"], quotes["speaker_spans"]):
            if spans is not None and len(spans):
                pos[(d, s)] = min(pos.get((d, s), 1 << 30), int(spans[0][0]))
    out = []
    for r in speakers.itertuples(index=False):
        name = display_name(r.name) if isinstance(r.name, str) else ""
        if not name:
            continue
        roles = [str(x) for x in r.roles] if r.roles is not None and not isinstance(r.roles, float) else []
        kind = r.kind if isinstance(r.kind, str) else "OTHER"
        out.append(_Speaker(r.doc, r.speaker_id, name, kind, roles, n[(r.doc, r.speaker_id)],
                            pos.get((r.doc, r.speaker_id), 1 << 30)))
    return out


def _role_keys(members: list[_Speaker]) -> set[str]:
    return {name_key(r) for m in members for r in m.roles if len(r) > 3}


class _Builder:
    """The merge rules over one corpus (the state they share: clusters, article texts, aliases)."""

    def __init__(self, rows: list[_Speaker], texts: dict[str, str], aliases: dict[str, str]):
        self.rows, self.texts, self.aliases = rows, texts, aliases
        self.clusters: dict[tuple, _Cluster] = {}
        self._roles: dict[tuple, set[str]] = {}

    def cluster(self, key: tuple, type_: str) -> _Cluster:
        if key not in self.clusters:
            self.clusters[key] = _Cluster(key, type_)
        return self.clusters[key]

    def put(self, row: _Speaker, key: tuple, type_: str, how: str = "", why: str = "") -> None:
        row.cluster, row.type = key, type_
        row.how, row.why = how or row.how, why or row.why
        self.cluster(key, type_).members.append(row)

    def move(self, src: _Cluster, dst: _Cluster, how: str, why: str) -> None:
        for m in src.members:
            m.cluster, m.type, m.how, m.why = dst.key, dst.type, how, why
        dst.members.extend(src.members)
        del self.clusters[src.key]

    # rule 1 and 2
    def type_and_alias(self) -> list[_Speaker]:
        """Place aliased and non-person speakers; the person names left, parsed."""
        canon = {name_key(v): v for v in self.aliases.values()}
        people = []
        for row in self.rows:
            key = name_key(row.name)
            target = self.aliases.get(key) or canon.get(key)
            if target:
                c = self.cluster(("alias", name_key(target)), PERSON)
                c.fixed, c.display = True, target
                c.apart = c.apart or name_key(target) == key and key in self.aliases
                row.parts = parse_name(row.name)
                how = "aliases file" if key in self.aliases and self.aliases[key] != row.name else "same name"
                self.put(row, c.key, PERSON, how, f"data/aliases.tsv maps ‘{row.name}’ to ‘{target}’"
                         if how == "aliases file" else "")
                continue
            type_ = name_type(row.name, row.kind)
            if type_ in (PERSON, ORGANISATION):
                row.parts = parse_name(row.name)
                if type_ == PERSON or len(row.parts.words) == 1 or row.kind != "GPE":
                    row.type = type_
                    people.append(row)
                    continue
            self.put(row, (type_, _org_key(row.name) if type_ != UNRESOLVED else name_key(row.name)), type_,
                     "unresolved" if type_ == UNRESOLVED else "same name",
                     "a pronoun or description no rule resolved" if type_ == UNRESOLVED else "")
        return people

    # rule 3
    def full_names(self, people: list[_Speaker]) -> list[_Speaker]:
        """Cluster the full names; the one-word names left."""
        full = [r for r in people if len(r.parts.words) >= 2]
        said = [r for r in full if r.kind == "PERSON"]
        two = {(first_key(r.parts.first), _fold(r.parts.last)) for r in said if len(r.parts.words) == 2}
        firsts = Counter(first_key(r.parts.first) for r in said if len(r.parts.words) == 2)
        lasts = {_fold(r.parts.last) for r in said if len(r.parts.words) == 2}
        for r in full:
            self._drop_glued_words(r, two, firsts, lasts)
        org_words = lexicon().get("organisation", frozenset())
        for r in [r for r in full if r.type != PERSON]:  # an ORG-tagged name that reads as a person's, or not
            if any(w in org_words for w in name_key(r.name).split()) or not r.parts.first \
                    or firsts[first_key(r.parts.first)] == 0 and _fold(r.parts.last) not in lasts:
                self.put(r, (ORGANISATION, _org_key(r.name)), ORGANISATION, "same name")
        full = [r for r in full if r.cluster == ()]
        groups: dict[tuple, list[_Speaker]] = defaultdict(list)
        for r in full:
            r.type = PERSON
            groups[(first_key(r.parts.first), _fold(r.parts.last), _fold(r.parts.suffix))].append(r)
        for (first, last, suffix), rows in groups.items():
            for middle, members in self._split_middles(rows).items():
                key = ("person", first, middle, last, suffix)
                for r in members:
                    self.put(r, key, PERSON)
        return [r for r in people if len(r.parts.words) < 2]

    @staticmethod
    def _drop_glued_words(r: _Speaker, two: set, firsts: Counter, lasts: set) -> None:
        """A known full name with a word glued before it that is no one's first name ("Rip Donald Trump"), or after
        it that is no one's surname ("Donald Trump Wins"): the word dropped."""
        w = r.parts.words
        if len(w) != 3 or r.parts.suffix or len(w[1].rstrip(".")) < 2 or not w[1][:1].isupper():
            return
        if (first_key(w[1]), _fold(w[2])) in two and firsts[first_key(w[0])] == 0:
            keep, drop = w[1:], w[0]
        elif (first_key(w[0]), _fold(w[1])) in two and _fold(w[2]) not in lasts:
            keep, drop = w[:2], w[2]
        else:
            return
        r.parts = NameParts(title=r.parts.title, first=keep[0], last=keep[1],
                            dropped=" ".join(x for x in (r.parts.dropped, drop) if x))

    @staticmethod
    def _split_middles(rows: list[_Speaker]) -> dict[str, list[_Speaker]]:
        """Rows of one first name and surname by middle: agreeing middles together, a bare name with them when
        they all agree (else apart, under "?")."""
        counts = Counter(middle_key(r.parts.middle) for r in rows if r.parts.middle)
        reps: list[str] = []
        for m, _ in counts.most_common():
            if not any(middles_agree(m, rep) for rep in reps):
                reps.append(m)
        out: dict[str, list[_Speaker]] = defaultdict(list)
        for r in rows:
            m = middle_key(r.parts.middle)
            if not m:
                out["" if len(reps) <= 1 else "?"].append(r)
            else:
                out[next(rep for rep in reps if middles_agree(m, rep)) if len(reps) > 1 else ""].append(r)
        return out

    # rule 4
    def suffixes_and_near_misses(self) -> None:
        """Join a suffixed name to the bare one on a shared role, a near-miss spelling on the same article or role."""
        persons = [c for c in self.clusters.values() if c.key[0] == "person"]
        by_name: dict[tuple, list[_Cluster]] = defaultdict(list)
        for c in persons:
            by_name[("last", c.key[3])].append(c)
            by_name[("first", c.key[1])].append(c)
        size = {c.key: sum(m.n_quotes for m in c.members) for c in persons}
        for c in sorted(persons, key=lambda c: size[c.key]):
            if c.key not in self.clusters:
                continue
            _, first, middle, last, suffix = c.key
            if self._initials(c, by_name[("last", last)]):
                continue
            if suffix:
                base = next((o for o in by_name[("last", last)] if o.key[1] == first and not o.key[4] and o.key in self.clusters
                             and middles_agree(middle, o.key[2])), None)
                shared = base and sorted(_role_keys(c.members) & _role_keys(base.members))
                same_middle = {middle_key(m.parts.middle) for m in c.members} - {""} \
                    & {middle_key(m.parts.middle) for m in base.members} if base else set()
                if base and (shared or same_middle):
                    evidence = f"share the role ‘{shared[0]}’" if shared else "have the same middle name"
                    self.move(c, base, "suffix", f"‘{c.forms()[0]}’ and ‘{base.forms()[0]}’ {evidence}")
                continue
            self._near_miss(c, by_name[("last", c.key[3])] + by_name[("first", c.key[1])], size)

    def _initials(self, c: _Cluster, same_last: list[_Cluster]) -> bool:
        """Join a full name to the person whose first name is its initials ("John Ellis Bush" is "Jeb Bush")."""
        _, first, _, last, suffix = c.key
        middle = next((m.parts.middle for m in c.members if m.parts.middle), "")
        words = [first, *name_key(middle).split()]
        if not middle or not all(w[:1].isalpha() for w in words):
            return False
        short = "".join(w[0] for w in words) + last[:1]
        target = next((o for o in same_last if o.key[1] == short and o.key[4] == suffix and o.key in self.clusters
                       and o.key != c.key), None)
        if target is None:
            return False
        self.move(c, target, "initials", f"‘{target.forms()[0].split()[0]}’ is made of the initials of "
                                         f"‘{c.forms()[0]}’")
        return True

    def _near_miss(self, c: _Cluster, cands: list[_Cluster], size: dict[tuple, int]) -> None:
        """Join a person to a larger one with the same first name or surname and a near miss for the other, on the
        evidence of a shared article or role."""
        name = " ".join((c.key[1], c.key[3]))
        best = None
        for o in cands:
            if (o.key[1] == c.key[1]) == (o.key[3] == c.key[3]) or o.key not in self.clusters \
                    or o.key[4] != c.key[4] or size[o.key] <= size[c.key]:
                continue
            score = fuzz.ratio(name, " ".join((o.key[1], o.key[3])))
            if score >= NEAR_MISS and (best is None or score > best[0]):
                best = (score, o)
        if best is None:
            return
        o = best[1]
        docs = sorted(d for d in c.docs if d in o.docs or any(f in self.texts.get(d, "") for f in o.forms()[:3]))
        roles = sorted(_role_keys(c.members) & _role_keys(o.members))
        if docs or roles:
            evidence = f"the article {docs[0]} also names ‘{o.forms()[0]}’" if docs else f"same role ‘{roles[0]}’"
            self.move(c, o, "near-miss spelling", f"‘{c.forms()[0]}’ read as ‘{o.forms()[0]}’: {evidence}")

    # rule 5
    def short_names(self, short: list[_Speaker]) -> None:
        """Join each one-word name to the person the article or the corpus makes unambiguous, else keep it."""
        for c in self.clusters.values():
            c.frozen_forms = c.forms()  # one-word names joining below do not change them
        persons = [c for c in self.clusters.values() if c.type == PERSON and not c.apart and self._parts(c)]
        by_last, by_first = defaultdict(list), defaultdict(list)
        for c in persons:
            first, last = self._parts(c)
            by_last[last].append(c)
            by_first[first].append(c)
        plural = {k + "s" for k in by_last}
        for row in short:
            token = _fold(row.parts.last)
            if row.parts.suffix:  # "Donald Jr" is not Donald Trump
                self.put(row, ("person", "", "", f"{token} {_fold(row.parts.suffix)}", ""), PERSON, "same name")
                continue
            found = self._join(row, by_last.get(token, []), "surname") if token in by_last else None
            if found is None and first_key(token) in by_first and token not in by_last:
                found = self._join(row, by_first[first_key(token)], "first name")
            if found is not None:
                self.put(row, found.key, PERSON)
            elif token in plural and token not in by_last:
                self.put(row, (GROUP, token), GROUP, "same name", f"the {row.name}: a family")
            else:
                type_ = PERSON if row.type == PERSON or token in by_last or token in by_first else ORGANISATION
                self.put(row, (type_, token) if type_ != PERSON else ("person", "", "", token, ""), type_, "same name")

    def _parts(self, c: _Cluster) -> tuple[str, str] | None:
        if c.key[0] == "person" and c.key[1]:
            return c.key[1], c.key[3]
        full = [m.parts for m in c.members if len(m.parts.words) >= 2]
        return (first_key(full[0].first), _fold(full[0].last)) if full else None

    def _join(self, row: _Speaker, cands: list[_Cluster], what: str) -> _Cluster | None:
        """The candidate a one-word name stands for, with the reason set on the row, or None."""
        text = self.texts.get(row.doc, "")
        mine = _role_keys([row])
        titled = [c for c in cands if mine & self.roles(c)]
        if titled:  # "President Obama" is the Obama who is president, whoever else of that name the article has
            cands = titled
        named = {}
        for c in cands:
            at = [m.pos for m in c.members if m.doc == row.doc]
            at += [i for f in c.forms()[:4] if (i := text.find(f)) >= 0]
            if at:
                named[c.key] = min(at)
        body = text.find("\n") + 1  # past the headline
        if named and 0 < body <= row.pos < min(named.values()):
            named = {}  # the body names the speaker so before any full name: that full name is someone else's
        if named:
            order = sorted(named, key=named.get)
            c = self.clusters[order[0]]
            others = ", ".join(f"‘{self.label(self.clusters[k])}’" for k in order[1:])
            row.how = what
            row.why = f"the article names ‘{self.label(c)}’" + (f" first (also {others})" if others else "")
            return c
        if row.kind == "GPE" or row.kind != "PERSON" and not any(len(c.docs) >= 3 for c in cands):
            return None  # a place or organisation by its tag: only the article's own names make it a person
        docs = {c.key: len(c.docs) for c in cands}
        total = sum(docs.values())
        best = max(cands, key=lambda c: (docs[c.key], sum(m.n_quotes for m in c.members)))
        if total and docs[best.key] / total >= DOMINANCE and (what == "surname" or docs[best.key] >= 3):
            row.how = what
            row.why = (f"the article names no one else of that {what}; the corpus names ‘{self.label(best)}’ in "
                       f"{docs[best.key]} of the {total} articles naming one")
            return best
        return None

    def roles(self, c: _Cluster) -> set[str]:
        """The cluster's roles, folded (kept once the full names are merged)."""
        if c.key not in self._roles:
            self._roles[c.key] = _role_keys(c.members)
        return self._roles[c.key]

    def label(self, c: _Cluster) -> str:
        if c.display:
            return c.display
        forms = c.forms()
        if forms:
            return forms[0]
        names = Counter()
        for m in c.members:
            names[m.name if c.type != UNRESOLVED else m.name.casefold()] += m.n_quotes + 1
        return max(names, key=lambda n: (names[n], n[:1].isupper(), n)) if names else ""

    def finish(self) -> None:
        """Canonical names and the remaining reasons (same name, middle name, short form, dropped words)."""
        for c in self.clusters.values():
            c.display = self.label(c)
            canon = parse_name(c.display) if c.type == PERSON else None
            for m in c.members:
                if m.how:
                    continue
                if canon is None or name_key(m.name) == name_key(c.display):
                    m.how = "same name"
                elif m.parts.dropped:
                    m.how, m.why = "words dropped", f"‘{m.parts.dropped}’ is not part of the name"
                elif first_key(m.parts.first) == first_key(canon.first) and _fold(m.parts.first) != _fold(canon.first):
                    m.how, m.why = "short form", f"‘{m.parts.first}’ and ‘{canon.first}’ are one first name"
                elif middle_key(m.parts.middle) != middle_key(canon.middle):
                    m.how, m.why = "middle name", "the same first name and surname, middle names agree"
                else:
                    m.how = "same name"

    def ids(self) -> dict[tuple, str]:
        """A stable id per cluster: from its key, typed for non-persons, numbered only on a clash."""
        out, seen = {}, Counter()
        for key in sorted(self.clusters, key=lambda k: (str(k), )):
            c = self.clusters[key]
            if key[0] == "person":
                _, first, middle, last, suffix = key
                base = _slug(" ".join(x for x in (first, middle if middle not in ("", "?") else "", last, suffix)
                                       if x))
            elif key[0] == "alias":
                base = _slug(c.display)
            else:
                base = f"{c.type}-{_slug(key[1])}"
            seen[base] += 1
            out[key] = base if seen[base] == 1 else f"{base}-{seen[base]}"
        return out


def build_persons(speakers: pd.DataFrame, quotes: pd.DataFrame, *, articles: pd.DataFrame | None = None,
                  aliases: dict[str, str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(persons, quote_persons, merges) for a store's speakers and quotes.

    `articles` (doc, text) lets a bare surname follow the full names its article mentions without quoting them;
    `aliases` (from `read_aliases`) overrides every rule.
    """
    texts = dict(zip(articles["doc"], articles["text"])) if articles is not None and len(articles) else {}
    b = _Builder(_speakers(speakers, quotes), texts, aliases or {})
    short = b.full_names(b.type_and_alias())
    b.suffixes_and_near_misses()
    b.short_names(short)
    b.finish()
    ids = b.ids()
    merges = pd.DataFrame([{
        "person": b.clusters[r.cluster].display, "name": r.name, "kind": r.kind, "doc": r.doc, "how": r.how,
        "speaker_id": r.sid, "person_id": ids[r.cluster], "type": r.type, "why": r.why} for r in b.rows],
        columns=MERGE_COLUMNS)
    merges = merges.sort_values(["person", "doc", "name"], kind="stable").reset_index(drop=True)
    return _persons_table(b, ids, quotes), _quote_persons(quotes, merges), merges


def _persons_table(b: _Builder, ids: dict[tuple, str], quotes: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for key, c in b.clusters.items():
        variants = Counter()
        for m in c.members:
            variants[m.name] += m.n_quotes
        roles = list(dict.fromkeys((r, m.doc) for m in c.members for r in m.roles))
        rows.append({"person_id": ids[key], "name": c.display, "type": c.type,
                     "variants": [{"name": n, "n_quotes": k} for n, k in variants.most_common()],
                     "roles": [{"role": r, "doc": d} for r, d in roles],
                     "n_quotes": sum(variants.values()), "n_articles": len(c.docs), "n_speakers": len(c.members)})
    if len(quotes):
        n_un = int(quotes["speaker_id"].isna().sum()) if "speaker_id" in quotes else 0
        known = {(r.doc, r.sid) for r in b.rows}
        n_un += sum(1 for d, s in zip(quotes["doc"], quotes["speaker_id"]) if isinstance(s, str) and (d, s) not in known)
        if n_un:
            rows.append({"person_id": UNATTRIBUTED_ID, "name": UNATTRIBUTED, "type": UNRESOLVED, "variants": [],
                         "roles": [], "n_quotes": n_un, "n_articles": 0, "n_speakers": 0})
    out = pd.DataFrame(rows, columns=PERSON_COLUMNS)
    return out.sort_values(["n_quotes", "person_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _quote_persons(quotes: pd.DataFrame, merges: pd.DataFrame) -> pd.DataFrame:
    if not len(quotes):
        return pd.DataFrame(columns=QUOTE_COLUMNS)
    pid = dict(zip(zip(merges["doc"], merges["speaker_id"]), merges["person_id"]))
    return pd.DataFrame({"doc": quotes["doc"].to_numpy(), "quote_id": quotes["quote_id"].to_numpy(),
                         "speaker_id": quotes["speaker_id"].to_numpy(),
                         "person_id": [pid.get((d, s), UNATTRIBUTED_ID) for d, s in zip(quotes["doc"], quotes["speaker_id"])]},
                        columns=QUOTE_COLUMNS)


def person_map(speakers: pd.DataFrame, aliases: dict[str, str] | None = None, *,
               articles: pd.DataFrame | None = None) -> tuple[dict[tuple[str, str], str], pd.DataFrame]:
    """((doc, speaker_id) -> person name, merges table); unresolved speakers map to UNATTRIBUTED."""
    _, _, merges = build_persons(speakers, pd.DataFrame(columns=QUOTE_COLUMNS), articles=articles, aliases=aliases)
    mapping = {(d, s): (p if t != UNRESOLVED else UNATTRIBUTED)
               for d, s, p, t in zip(merges["doc"], merges["speaker_id"], merges["person"], merges["type"])}
    return mapping, merges


def apply_aliases(tables: dict[str, pd.DataFrame], aliases: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """The tables with `person`, `person_id` and `person_type` on speakers and quotes, plus `persons` and `merges`
    (unresolved speakers — pronouns, unresolved descriptions — show as UNATTRIBUTED)."""
    speakers, quotes = tables["speakers"], tables["quotes"]
    persons, _, merges = build_persons(speakers, quotes, articles=tables.get("articles"), aliases=aliases)
    info = {(d, s): (p, i, t) for d, s, p, i, t in
            zip(merges["doc"], merges["speaker_id"], merges["person"], merges["person_id"], merges["type"])}
    none = (UNATTRIBUTED, UNATTRIBUTED_ID, UNRESOLVED)

    def columns(df: pd.DataFrame) -> dict[str, list]:
        got = [info.get((d, s), none) if isinstance(s, str) else none for d, s in zip(df["doc"], df["speaker_id"])]
        return {"person": [p if t != UNRESOLVED else UNATTRIBUTED for p, _, t in got],
                "person_id": [i for _, i, _ in got], "person_type": [t for _, _, t in got]}

    out = dict(tables)
    out["speakers"] = speakers.assign(**columns(speakers)) if len(speakers) else \
        speakers.assign(person=pd.Series(dtype=object), person_id=pd.Series(dtype=object),
                        person_type=pd.Series(dtype=object))
    out["quotes"] = quotes.assign(**columns(quotes)) if len(quotes) else \
        quotes.assign(person=pd.Series(dtype=object), person_id=pd.Series(dtype=object),
                      person_type=pd.Series(dtype=object))
    out["persons"], out["merges"] = persons, merges
    return out


def canonical(name: str, persons: dict[str, str]) -> str:
    """The person a free name (e.g. an event actor) refers to, given normalised name -> person; else the name."""
    return persons.get(name_key(name), name)


def name_index(merges: pd.DataFrame) -> dict[str, str]:
    """Normalised surface name -> person, for matching names found in text (actors, mentions); unresolved names
    (pronouns, descriptions) are left out, so "it" or "he" never counts as a person."""
    out: dict[str, str] = {}
    types = merges["type"] if "type" in merges else [PERSON] * len(merges)
    for name, person, type_ in zip(merges["name"], merges["person"], types):
        if type_ == UNRESOLVED:
            continue
        out.setdefault(name_key(name), person)
        out.setdefault(name_key(person), person)
    return out
