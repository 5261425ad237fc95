"""What a speaker's name is: its parts (nameparser) and its type (person, organisation, group, source, unresolved).

The parts come from `nameparser` (titles, middle names and initials, suffixes, nicknames), told a few more titles
and the tagger's non-name prefixes from resources/persons.tsv; short first names are read as their formal form
from resources/nicknames.tsv ("Joe" -> "joseph"). The type is read from the per-article kind (PERSON, ORG, GPE,
OTHER) and the head word of the name, against the same persons.tsv: hand-written, because no maintained library
types the speakers of news quotes, and the words are data a user can edit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from nameparser import HumanName
from nameparser.config import Constants

from whosaid.names import name_key

LEXICON_FILE = files("whosaid") / "resources" / "persons.tsv"
NICKNAMES_FILE = files("whosaid") / "resources" / "nicknames.tsv"
TYPES = ("person", "organisation", "group", "source", "unresolved")
PERSON, ORGANISATION, GROUP, SOURCE, UNRESOLVED = TYPES
BREAKS = {"of", "for", "at", "in", "on", "from", "with", "to", "by", "about", "who", "that", "which", "after",
          "over", "during", "and", "or"}
QUANTIFIERS = {"one", "some", "many", "most", "all", "few", "several", "two", "three", "four", "five", "dozens",
               "hundreds", "thousands", "half", "third", "majority", "share", "percent", "number", "%", "each",
               "none", "both", "chorus", "group"}
JUNK = re.compile(r"[<>=@#{}\[\]|]|https?:|\d{3,}")
MAX_WORDS = 6  # longer capitalised "names" are clause or headline fragments


def _rows(path) -> list[list[str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return [[p.strip() for p in ln.split("\t")] for ln in lines[1:]]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """Words of resources/persons.tsv by type (unresolved, group, source, organisation, title, prefix)."""
    out: dict[str, set[str]] = {}
    for row in _rows(LEXICON_FILE):
        if len(row) >= 2:
            out.setdefault(row[1], set()).add(row[0].lower())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def nicknames() -> dict[str, str]:
    """Short first name -> formal first name, from resources/nicknames.tsv."""
    return {row[0].lower(): row[1].lower() for row in _rows(NICKNAMES_FILE) if len(row) >= 2}


@lru_cache(maxsize=1)
def _constants() -> Constants:
    """nameparser's constants with the lexicon's extra titles (a copy: the library's defaults stay as they are)."""
    c = Constants()
    c.titles.add(*lexicon().get("title", ()))
    return c


@dataclass(frozen=True)
class NameParts:
    """A personal name in parts, as written (case kept); `dropped` holds non-name words removed from its front."""

    title: str = ""
    first: str = ""
    middle: str = ""
    last: str = ""
    suffix: str = ""
    nickname: str = ""
    dropped: str = ""

    @property
    def words(self) -> list[str]:
        """The name's words without title and suffix."""
        return " ".join(x for x in (self.first, self.middle, self.last) if x).split()

    @property
    def full(self) -> str:
        """The name as it reads without title and dropped words ("Donald J. Trump", "Joseph R. Biden Jr")."""
        return " ".join(x for x in (self.first, self.middle, self.last, self.suffix) if x)


def first_key(first: str) -> str:
    """A first name folded for matching, short forms read as the formal one ("Joe" -> "joseph")."""
    f = name_key(first).rstrip(".")
    return nicknames().get(f, f)


def middle_key(middle: str) -> str:
    """A middle name or initials folded for comparison ("H.W." -> "hw", "Rodham" -> "rodham")."""
    return re.sub(r"[^\w]", "", name_key(middle))


def middles_agree(a: str, b: str) -> bool:
    """True when two folded middles can be the same person's: either is missing, or one is the other's initial(s)."""
    if not a or not b or a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) <= 2 and long_.startswith(short[0]) and (len(short) == 1 or len(long_) == len(short))


@lru_cache(maxsize=1 << 16)
def parse_name(name: str) -> NameParts:
    """The parts of a personal name: title, first, middle, last, suffix, nickname (nameparser), front non-names off."""
    words = name.split()
    dropped = []
    prefixes = lexicon().get("prefix", frozenset())
    while len(words) > 1 and words[0].lower().strip(".,") in prefixes:
        dropped.append(words.pop(0))
    h = HumanName(" ".join(words), constants=_constants())
    first, middle, last = h.first, h.middle, h.last
    title = h.title
    if first and not last and not middle:
        first, last = "", first  # one word: a surname until the corpus says otherwise
    elif not (first or middle or last):
        title, last = "", " ".join(words)  # a name that is all title words ("King"): the name itself
    return NameParts(title=title, first=first, middle=middle, last=last, suffix=h.suffix.rstrip("."),
                     nickname=h.nickname, dropped=" ".join(dropped))


def head_word(words: list[str]) -> str:
    """The head noun of a name or description: its last word before a preposition or clause ("45% of Republicans"
    -> "republicans", "spokeswoman for Fiorina" -> "spokeswoman")."""
    cut = next((k for k, w in enumerate(words) if w in BREAKS and k > 0), len(words))
    head = words[cut - 1] if cut else (words[0] if words else "")
    if (head in QUANTIFIERS or head.rstrip("%").isdigit()) and cut < len(words) and words[cut] == "of":
        rest = words[cut + 1:]
        return head_word([w for w in rest if w not in ("the", "a", "an")]) if rest else head
    return head


def name_type(name: str, kind: str | None = None) -> str:
    """person | organisation | group | source | unresolved, from a per-article speaker's name and kind."""
    key = name_key(name)
    words = re.sub(r"['’]s\b", "", key).split()
    lex = lexicon()
    if not words or JUNK.search(name):
        return UNRESOLVED
    if len(words) == 1 and (words[0] in lex.get("unresolved", ()) or len(words[0]) == 1):
        return UNRESOLVED
    head = head_word(words)
    text = display = re.sub(r"^(?:[Tt]he|[Aa]n?) ", "", name.strip())
    if head in lex.get("source", ()):
        return SOURCE
    if head in lex.get("group", ()) and len(words) <= MAX_WORDS:
        return GROUP
    if not text[:1].isupper() or len(words) > MAX_WORDS:
        return UNRESOLVED  # a description no rule resolved ("the official"), or a clause
    if kind in ("ORG", "GPE") or any(w in lex.get("organisation", ()) for w in words):
        return ORGANISATION
    if any(w[:1].islower() for w in display.split()[1:] if w.lower() not in BREAKS | {"de", "van", "von", "la", "da"}):
        return UNRESOLVED  # "Trump demands accountability": a headline fragment, not a name
    return PERSON
