"""Resolving speaker mentions ("he", "Sessions", "the attorney general") to one canonical speaker per article.

Rules over the spaCy parse, not NER alone, because the small model misses or mislabels names ("Emanuel"
but not "Rahm Emanuel", "Sessions Slams Chicago" as a person in a headline):
- a name mention is the run of proper nouns around the mention's head, with leading titles split off as
  roles ("Chicago Mayor Rahm Emanuel" -> name "Rahm Emanuel", role "Chicago Mayor");
- a surname alone joins the full name that ends with it ("Sessions" -> "Jeff Sessions");
- a title or description ("the attorney general", "the president") joins the name it precedes elsewhere in
  the article ("Attorney General Jeff Sessions", "President Donald Trump");
- "the city" joins "the City of X" when the article names one, else the last city named;
- pronouns ("he", "she", "who") join the antecedent: the relative clause's noun, or the latest person
  mentioned before them.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from whosaid.model import Quote, Speaker
from whosaid.names import display_name
from whosaid.quotes.cues import verb_lemmas

TITLE_WORDS = {
    "president", "vice", "attorney", "general", "mayor", "governor", "gov", "gov.", "senator", "sen", "sen.",
    "rep", "rep.", "representative", "secretary", "director", "executive", "chairman", "chairwoman", "chair",
    "chief", "spokesman", "spokeswoman", "spokesperson", "minister", "prime", "judge", "justice", "speaker",
    "leader", "commissioner", "superintendent", "sheriff", "officer", "dr", "dr.", "mr", "mr.", "mrs", "mrs.",
    "ms", "ms.", "sir", "lord", "pope", "rev", "rev.", "reverend", "father", "king", "queen", "prince",
    "candidate", "nominee", "deputy", "assistant", "press", "adviser", "advisor", "aide", "ambassador",
    "lt.", "gen.", "col.", "sgt.", "capt.", "u.s.", "former", "acting", "first", "lady", "house", "senate",
    "state", "republican", "democratic", "democrat", "gop", "sens.", "reps.", "presidential", "campaign",
    "manager", "chairperson", "founder", "ceo", "professor", "prof.", "coach", "host", "anchor", "councilman",
    "alderman", "congressman", "congresswoman", "lawmaker", "economist", "analyst", "pollster", "strategist",
}
NOT_TITLE_HEADS = {"u.s.", "former", "acting", "first", "house", "senate", "state", "republican", "democratic",
                   "democrat", "gop", "presidential", "campaign", "vice", "deputy", "assistant", "press", "prime"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "i", "me", "my", "we", "us", "our"}
RELATIVE = {"who", "that", "which", "whom", "whose"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "miss"}


def _text_of(tokens: list[Token]) -> str:
    """Tokens as they read in the article (original spacing), cleaned."""
    if not tokens:
        return ""
    out = ""
    for k, t in enumerate(tokens):
        out += t.text + (t.whitespace_ if k + 1 < len(tokens) and tokens[k + 1].i == t.i + 1 else " ")
    return display_name(out)


def _is_title(tok: Token) -> bool:
    return tok.lower_ in TITLE_WORDS or tok.lower_.rstrip(".") in TITLE_WORDS


def _role(titles: list[Token]) -> str:
    """The role a name's title words give it ("Republican presidential nominee"), honorifics left out; none when
    the words end in a modifier whose noun was not kept ("former", "presidential") that is no party or nation, or
    when the name is one imagined ("a President Donald Trump")."""
    words = [t for t in titles if t.lower_.rstrip(".") not in HONORIFICS]
    if not words or (words[-1].pos_ == "ADJ" and words[-1].ent_type_ != "NORP"):
        return ""
    if titles[0].i and titles[0].nbor(-1).lower_ in ("a", "an"):  # "a President Donald Trump": one imagined
        return ""
    return _text_of(words)


def _name_run(head: Token) -> tuple[list[Token], list[Token]]:
    """(name tokens, title tokens) of the proper-noun run ending at or around `head`."""
    doc = head.doc
    end = head.i
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].head.i in (head.i, end + 1) \
            and "\n" not in doc[end].whitespace_:
        end += 1
    def joins(tok: Token) -> bool:
        return (tok.pos_ == "PROPN" or (tok.pos_ in ("NOUN", "ADJ") and _is_title(tok))) \
            and "\n" not in tok.whitespace_ and tok.text not in ",;:"

    start = head.i
    while start - 1 >= 0 and joins(doc[start - 1]) and doc[start - 1].dep_ in ("compound", "amod", "nmod", "punct", "poss"):
        start -= 1
    # "U.S. Conference of Mayors Executive Director Tom Cochran": an "X of Y" organisation before the title
    while start - 2 >= 0 and doc[start - 1].lower_ == "of" and doc[start - 2].pos_ == "PROPN" \
            and any(_is_title(t) for t in doc[start:head.i]):
        start -= 2
        while start - 1 >= 0 and joins(doc[start - 1]):
            start -= 1
    run = [t for t in doc[start:end + 1] if not t.is_punct or t.text in (".", "-")]
    # split leading titles off: the name is the run after the last title word
    last_title = max((k for k, t in enumerate(run) if _is_title(t)), default=-1)
    titles, name = run[:last_title + 1], run[last_title + 1:]
    if not name:
        name, titles = run[-1:], run[:-1]
    return name, titles


def _bad_name(tokens: list[Token], cue_verbs: set[str]) -> bool:
    """A 'name' that is really a headline fragment ("Sessions Slams Chicago")."""
    if len(tokens) > 4:
        return True
    for t in tokens[1:]:
        low = t.lower_
        if low in cue_verbs or (low.endswith("s") and low[:-1] in cue_verbs) or t.tag_ in ("VBZ", "VBD"):
            return True
    return False


class _Registry:
    """Speakers of one article, found by name, alias or title."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.speakers: list[Speaker] = []
        self.by_name: dict[str, Speaker] = {}
        cue_verbs = verb_lemmas()
        self.full_names: dict[str, str] = {}  # surname -> full name
        self.title_of: dict[str, str] = {}  # "attorney general" -> "Jeff Sessions"
        self.kind_of: dict[str, str] = {}
        self.titles_by_name: dict[str, list[str]] = {}  # "Jeff Sessions" -> ["Attorney General"]
        # a name that modifies a noun ("Young Sanders supporters", "the Hillary Clinton campaign") gives a surname
        # its full name only when no name standing on its own does
        for ent in sorted(doc.ents, key=lambda e: e.root.dep_ == "compound" and e.root.head.pos_ == "NOUN"):
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            name, titles = _name_run(ent.root)
            if ent.label_ != "PERSON" or _bad_name(name, cue_verbs):
                self.kind_of.setdefault(display_name(ent.text), "GPE" if ent.label_ == "GPE" else "ORG")
                continue
            full = _text_of(name)
            self.kind_of[full] = "PERSON"
            if len(name) >= 2:
                self.full_names.setdefault(name[-1].text, full)
            title = " ".join(t.lower_ for t in titles if t.lower_ not in HONORIFICS).strip()
            if title:
                self._add_title(title, full, _role(titles))
        self.bare: set[str] = self._introduced_bare(doc)
        for tok in doc:  # titles before names the NER missed: "President Donald Trump's orders"
            if tok.pos_ == "PROPN" and not _is_title(tok) and (tok.i + 1 == len(doc) or doc[tok.i + 1].pos_ != "PROPN"):
                name, titles = _name_run(tok)
                if titles and name and not _bad_name(name, cue_verbs) and name[0].is_title:
                    full = _text_of(name)
                    title = " ".join(t.lower_ for t in titles if t.lower_ not in HONORIFICS)
                    if len(name) >= 2:
                        self.full_names.setdefault(name[-1].text, full)
                        self.kind_of.setdefault(full, "PERSON")
                    self._add_title(title, self.canonical(name), _role(titles))
        for tok in doc:  # people the NER missed: a two-word proper name that does something ("Rahm Emanuel said")
            if tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "nsubjpass") and tok.ent_type_ in ("", "PERSON"):
                name, titles = _name_run(tok)
                if len(name) in (2, 3) and all(t.is_title for t in name) and not _bad_name(name, cue_verbs):
                    full = _text_of(name)
                    self.kind_of.setdefault(full, "PERSON")
                    self.full_names.setdefault(name[-1].text, full)
        self.bare = self._introduced_bare(doc)
        text = doc.text
        m = re.search(r"\b[Cc]ity of ([A-Z][a-z]+(?: [A-Z][a-z]+)?)", text)
        self.city = f"City of {m.group(1)}" if m else None
        self.recent: list[str] = []  # people mentioned as subjects or speakers so far, latest last
        self.gender: dict[str, str] = {}  # "m" / "f" from Mr./Mrs./Ms. and from pronouns already resolved
        for tok in doc:
            low = tok.lower_.rstrip(".")
            if low in ("mr", "mrs", "ms", "miss") and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
                name, _ = _name_run(doc[tok.i + 1])
                self.gender.setdefault(self.canonical(name), "m" if low == "mr" else "f")
                self.kind_of.setdefault(self.canonical(name), "PERSON")

    def _introduced_bare(self, doc: Doc) -> set[str]:
        """Surnames the body of the article introduces with a title before any full name of that surname
        ("President Obama" long before "the first lady, Michelle Obama"): such a surname is not that full name's."""
        first_full: dict[str, int] = {}
        for full in self.full_names.values():
            words = full.split()
            for m in re.finditer(r"\b" + re.escape(full) + r"\b", doc.text):
                first_full[words[-1]] = min(first_full.get(words[-1], m.start()), m.start())
                break
        bare = set()
        body = doc.text.find("\n") + 1  # the headline names people by title and surname before any article does
        for tok in doc[:-1]:
            nxt = doc[tok.i + 1]
            if tok.idx >= body > 0 and (tok.lower_ in HONORIFICS or _is_title(tok)) and nxt.text in first_full \
                    and nxt.idx < first_full[nxt.text] and (nxt.i + 1 == len(doc) or doc[nxt.i + 1].pos_ != "PROPN"):
                bare.add(nxt.text)
        return bare

    def _add_title(self, title: str, name: str, shown: str = "") -> None:
        """Remember that a title (and each of its endings: "attorney general", "general") names someone."""
        if shown and shown not in self.titles_by_name.setdefault(name, []):
            self.titles_by_name[name].append(shown)
        words = title.split()
        for k in range(len(words)):
            key = " ".join(words[k:])
            if words[-1] not in NOT_TITLE_HEADS:
                self.title_of.setdefault(key, name)

    def saw_person(self, pos: int, name: str) -> None:
        """Note a person mentioned at character `pos` (an antecedent for later pronouns)."""
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)

    def antecedent(self, pronoun: str) -> str | None:
        """The latest person a pronoun can refer to, skipping those of the other gender when known."""
        want = "m" if pronoun in ("he", "him", "his") else "f" if pronoun in ("she", "her", "hers") else None
        for name in reversed(self.recent):
            if want is None or self.gender.get(name, want) == want:
                if want:
                    self.gender.setdefault(name, want)
                return name
        return None

    def get(self, name: str, kind: str) -> Speaker:
        sp = self.by_name.get(name)
        if sp is None:
            sp = Speaker(id=f"s{len(self.speakers)}", name=name, kind=kind)
            self.speakers.append(sp)
            self.by_name[name] = sp
        return sp

    def canonical(self, name_tokens: list[Token]) -> str:
        """The full name a (possibly partial) name refers to."""
        name = _text_of(name_tokens)
        if not name_tokens:
            return name
        if len(name_tokens) == 1 or (len(name_tokens) == 2 and name_tokens[0].lower_ in HONORIFICS):
            if name_tokens[-1].text in self.bare:
                return name_tokens[-1].text
            full = self.full_names.get(name_tokens[-1].text)
            if full:
                return full
        return name


def _ent_end(doc: Doc, i: int) -> int:
    """End (token index) of the entity that the token at `i` begins or continues."""
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _mention_head(span: Span) -> Token:
    """The token that names the speaker: the last person named in the mention, else its syntactic head.
    (Read from the mention's own tokens: `Span.ents` walks every entity of the document, once per quote.)"""
    doc = span.doc
    persons = [doc[t.i:_ent_end(doc, t.i)] for t in span if t.ent_iob_ == "B" and t.ent_type_ == "PERSON"]
    persons = [e for e in persons if e.end <= span.end]
    if persons:
        return persons[-1].root
    return span.root


def _resolve_pronoun(reg: _Registry, tok: Token) -> tuple[str, str] | None:
    """The antecedent (name, kind) of a pronoun mention."""
    low = tok.lower_
    if low in RELATIVE:
        verb = tok.head
        if verb.dep_ in ("relcl", "acl"):
            r = _resolve_np(reg, verb.head)
            if r is None or r[0] is None:
                return None, _text_of([t for t in verb.head.subtree if t.i <= verb.head.i])  # type: ignore[return-value]
            return r
        return None
    if low in PERSON_PRONOUNS:
        name = reg.antecedent(low)
        return (name, "PERSON") if name else None
    return None


def _resolve_np(reg: _Registry, head: Token) -> tuple[str, str] | None:
    """(canonical name, kind) for a noun phrase headed by `head`."""
    doc = reg.doc
    if head.pos_ == "PRON":
        return _resolve_pronoun(reg, head)
    if head.is_lower and head.pos_ in ("PROPN", "NOUN"):
        return _resolve_description(reg, head)
    if head.ent_type_ in ("ORG", "GPE", "NORP"):
        start = head.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        ent = Span(doc, start, _ent_end(doc, start), label=doc[start].ent_type_) if doc[start].ent_iob_ == "B" else None
        if ent is not None and ent.label_ != "PERSON":
            name = re.sub(r"^[Tt]he ", "", display_name(ent.text))
            if ent.label_ == "GPE" and reg.city and reg.city.endswith(name):
                return reg.city, "GPE"
            return name, "GPE" if ent.label_ == "GPE" else "ORG"
    if head.pos_ == "PROPN" or head.ent_type_ == "PERSON" or (head.is_title and head.text in reg.full_names):
        name_toks, titles = _name_run(head)
        name = reg.canonical(name_toks)
        kind = reg.kind_of.get(name, "PERSON" if (titles or head.ent_type_ == "PERSON" or len(name_toks) >= 2
                                                  and head.ent_type_ not in ("ORG", "GPE")) else "OTHER")
        return name, kind
    return _resolve_description(reg, head)


def _resolve_description(reg: _Registry, head: Token) -> tuple[str, str] | None:
    """A description ("the attorney general", "the president", "the city") resolved to a named speaker."""
    words = [t for t in head.subtree if t.i <= head.i and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.dep_ != "poss"]
    desc = " ".join(t.lower_ for t in words)
    for k in range(len(words)):
        key = " ".join(t.lower_ for t in words[k:])
        if key in reg.title_of:
            name = reg.title_of[key]
            known = " ".join(reg.titles_by_name.get(name, [])).lower().split()
            if any(_is_title(t) and t.lower_ not in known for t in words[:k]):
                continue  # "the Democratic nominee" is not "Republican nominee Donald Trump", whose title ends alike
            return name, "PERSON"
    if head.lower_ == "city" and reg.city:
        return reg.city, "GPE"
    return None if not desc else (None, desc)  # type: ignore[return-value]


def resolve_speakers(doc: Doc, quotes: list[Quote]) -> tuple[list[Quote], list[Speaker]]:
    """Quotes with `speaker`/`speaker_id` filled in, and the article's speakers."""
    reg = _Registry(doc)
    order = sorted(range(len(quotes)), key=lambda k: (quotes[k].speaker_spans or quotes[k].content_spans)[0][0])
    seen_upto = 0
    for k in order:
        q = quotes[k]
        if not q.speaker_spans:
            continue
        s, e = q.speaker_spans[0]
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        # people named as subjects since the last mention, in order (antecedents for pronouns)
        for tok in doc[seen_upto:span.start]:
            if tok.dep_ not in ("nsubj", "nsubjpass", "ROOT") or not (tok.pos_ == "PROPN" or tok.is_title):
                continue
            if tok.ent_type_ == "PERSON" or reg.kind_of.get(reg.canonical([tok])) == "PERSON":
                name, _ = _name_run(tok)
                if not _bad_name(name, verb_lemmas()):
                    reg.saw_person(tok.idx, reg.canonical(name))
        seen_upto = max(seen_upto, span.start)
        head = _mention_head(span)
        resolved = _resolve_np(reg, head)
        mention = display_name(span.text)
        if resolved is None or resolved[0] is None:
            name, kind = (resolved[1] if resolved and head.lower_ in RELATIVE else mention.split(",")[0]), "OTHER"
            name = re.sub(r"^(?:[Tt]he|[Aa]n?) ", "", name)
        else:
            name, kind = resolved
        if not name:
            continue
        sp = reg.get(name, kind)
        if kind != "OTHER" and sp.kind == "OTHER":
            sp.kind = kind
        if mention and mention not in sp.aliases:
            sp.aliases.append(mention)
        if head.pos_ == "PROPN" and not head.is_lower:
            _, titles = _name_run(head)
            title = _role(titles)
            if title and title not in sp.roles:
                sp.roles.append(title)
        elif head.is_lower and head.pos_ in ("NOUN", "PROPN") and kind != "OTHER":
            desc = _text_of([t for t in span if t.i <= head.i])
            desc = re.sub(r"^(?:[Tt]he|[Aa]n?) ", "", desc)
            if desc and desc.lower() != name.lower() and desc not in sp.roles:
                sp.roles.append(desc)
        if sp.kind == "PERSON":
            reg.saw_person(span.start_char, sp.name)
        q.speaker, q.speaker_id = sp.name, sp.id
    for sp in reg.speakers:  # titles the article gives the speaker anywhere ("Attorney General Jeff Sessions")
        titles = reg.titles_by_name.get(sp.name, [])
        rest = [r for r in sp.roles if r not in titles and not any(r.lower() == t.lower() for t in titles)]
        sp.roles = titles + rest
    return quotes, reg.speakers
