"""Finding attributions: direct, indirect and mixed quotes with their cue and speaker mention.

Three passes over one spaCy parse, all linear in the number of tokens:
1. Cue-driven: every token in the cue lexicon (quotes/cues.py) that has its content in a known frame
   ("said (that) ...", "vowed to ...", "called the policy ...", "..., he said", "according to X", "referred to X
   as ...", the passive "the plan was criticized by X" with its subject as content) gives an
   attribution whose content is that clause and whose source is the subject (or the participle's or the
   relative clause's antecedent).
2. Quote-driven: every stretch in quotation marks (quotes/marks.py) joins the attribution that holds
   most of it, or takes a cue of its own paragraph: the cue of its sentence ('“...,” he said'), a verb
   right before or after it ('a man yelled “...”', '“...,” Oliver barked', 'used the phrase “...”'),
   a dash and a name ('“...” ― Sonya Herridge'), a colon ('Lombardi said: “...”', a name line
   'Rep. Trey Gowdy (R-S.C.):'), a preceding "He said:" or "Smith agreed." sentence; or it continues the
   quote just before it ('“A,” he said. “B.”' and quotes that run over paragraphs): the strategies in
   QUOTE_STRATEGIES, tried in that order. Short quoted words that no one is said to say (scare quotes,
   titles) are left out.
3. Headline and transcript colons ("Sessions: ...", "Q: ...").
Sentences from the parser may run over paragraph breaks; contents, sources and cues never do.
Hand-written on top of spaCy because textacy's extractor (the library option) covers direct quotes only
and raises on unbalanced quotation marks.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from whosaid.model import Quote
from whosaid.quotes.cues import attribution_class, cue_for, reports_no_words
from whosaid.quotes.learned import DocFeatures, Hint, QuoteTagger, shipped_tagger
from whosaid.quotes.marks import Quoted, find_quoted, word_count

SUBJ = ("nsubj", "csubj")
OBJECT_CONTROL = {  # verbs whose object does what the infinitive after it says ('forced his rival to distance herself')
    "force", "prompt", "lead", "require", "urge", "ask", "push", "press", "pressure", "encourage",
    "allow", "leave", "cause", "drive", "convince", "persuade", "invite", "inspire", "get", "want", "expect",
    "compel", "spur", "tell", "challenge", "dare", "call", "implore", "beg", "order", "advise", "remind",
    "warn", "motivate", "provoke",
}
EDGE_PUNCT = set(",;:—–-()[]") | {"...", "…"}
SCARE_MAX_WORDS = 4  # quoted words up to this many are a quote only when a cue says so
WORDING_NOUNS = {"phrase", "word", "term", "slogan", "line", "message", "motto", "mantra", "refrain",
                 "catchphrase", "expression", "question", "words"}  # "used the phrase “...”"
SOURCE_DROP_DEPS = {"relcl", "acl", "punct", "cc", "conj", "advcl"}
COLON_LABELS = {
    "image", "photo", "photos", "video", "watch", "read", "related", "update", "updated", "editor", "note",
    "source", "sources", "caption", "credit", "advertisement", "listen", "see", "more", "also", "correction",
    "disclosure", "warning", "breaking", "exclusive", "analysis", "opinion", "subscribe", "follow", "click",
    "published", "posted", "filed", "tags", "topics", "share", "email", "print", "getty", "ap", "reuters",
    "background", "summary", "context", "why", "what", "how", "when", "where", "who", "bottom", "key",
    "takeaway", "takeaways", "details", "location", "date", "time", "contact", "phone", "category", "section",
    "headline", "byline", "dateline", "via", "pictured", "above", "below", "top", "file", "graphic", "map",
    "chart", "infographic", "audio", "podcast", "transcript", "live", "latest", "developing", "step", "part",
    "chapter", "question", "answer", "fact", "facts", "result", "results", "score", "final", "price", "cost",
}


@dataclass
class _Attr:
    """An attribution under construction (token indices for content, cue and source)."""

    content: set[int]
    cue: list[int]
    source: list[int] = field(default_factory=list)
    lemma: str = ""
    extra: list[tuple[int, int]] = field(default_factory=list)  # char spans added from quotation marks
    quoted: bool = False  # built from a quotation (direct) rather than from the parse
    subject: bool = False  # the content is the subject the cue is about ("the plan was criticized by X"), kept short

    def start(self, doc: Doc) -> int:
        starts = [doc[min(self.content)].idx] if self.content else []  # token offsets grow with the index
        starts += [s for s, _ in self.extra]
        return min(starts) if starts else 0


# ---------------------------------------------------------------- parse-based attributions

def _subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def _subject(verb: Token) -> Token | None:
    """The token that says it: the verb's subject, or the subject its participle, conjunct or clause inherits."""
    cur = verb
    for _ in range(4):
        subj = _nearest_subject(cur)
        if subj is not None and cur is not verb and subj.pos_ == "PRON":
            return _reporter(cur) or subj
        if subj is not None:
            return subj  # "who" too: PolNeAR marks the relative pronoun; speakers.py resolves it
        agent = next((c for c in cur.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if any(c.dep_ == "nsubjpass" for c in cur.children):
            return None  # "he was asked": the subject is the addressee
        if cur.dep_ in ("relcl", "acl") and cur.head.pos_ in ("NOUN", "PROPN") and cur.tag_ == "VBG":
            return cur.head  # "Sessions, who said ...", "a spokesman saying ..."
        controller = _object_controller(cur)
        if controller is not None:
            return controller
        if (cur.dep_ in ("advcl", "conj", "xcomp", "pcomp") or (cur.dep_ == "prep" and cur.pos_ == "ADP")) \
                and cur.head.i != cur.i:
            cur = cur.head  # "... began by saying": the subject of the verb the clause hangs from
            continue
        return _preceding_name(verb) if verb.dep_ == "ROOT" else None
    return None


def _object_controller(clause: Token) -> Token | None:
    """The object an infinitive's subject is ('it has forced his rival, Hillary Clinton, to distance herself',
    'prompting them to focus on'): the noun the verb above takes before the clause."""
    if clause.dep_ != "xcomp" or clause.head.i == clause.i:
        return None
    if clause.head.lemma_.lower() not in OBJECT_CONTROL:
        return None  # 'used the comments to urge': the subject does it
    obj = next((c for c in clause.head.children if c.dep_ == "dobj" and c.i < clause.i), None)
    return obj if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON") else None


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of several (a misparse: '“... Michigan, Ohio,” Mr. Trump said'), the nearest."""
    subjects = [c for c in verb.children if c.dep_ in SUBJ]
    named = [c for c in subjects if c.pos_ != "DET"] or subjects  # 'Republican figures — ... — both suggested'
    return min(named, key=lambda c: abs(c.i - verb.i)) if named else None


def _reporter(clause: Token) -> Token | None:
    """The subject of the cue that reports `clause` ('Trump insisted that he has ..., claiming ...'): a verb
    joined to a reported clause whose subject is a pronoun is said by the reporter, as PolNeAR marks it."""
    head = clause.head
    if clause.dep_ != "ccomp" or not head.i < clause.i or cue_for(head) is None:
        return None
    subj = _nearest_subject(head)
    return subj if subj is not None and subj.lower_ not in ("it", "there", "that", "this") else None


def _preceding_name(verb: Token) -> Token | None:
    """The noun just before a subjectless verb the parser got wrong ("..., her adviser, Jake Sullivan, said:")."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].text in (",", "—", "–"):
        i -= 1
    if i >= 0 and doc[i].pos_ in ("PROPN", "NOUN", "PRON") and doc[i].sent.start == verb.sent.start \
            and not doc[i].is_space and doc[i].dep_ in ("appos", "pobj", "npadvmod", "dep", "conj", "dobj"):
        return _name_before_aside(doc[i]) or doc[i]
    return None


def _name_before_aside(tok: Token) -> Token | None:
    """The name before a phrase set off by commas that ends in `tok` ('Trump, in Kentucky, said')."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return None
    doc, start = tok.doc, min(t.i for t in tok.head.subtree)
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].pos_ == "PROPN" \
            and doc[start - 2].sent.start == tok.sent.start:
        return doc[start - 2]
    return None


def _source_ids(tok: Token | None) -> list[int]:
    """Token indices of the source mention: the subject's phrase without clauses hanging off it."""
    if tok is None:
        return []
    drop: set[int] = set()
    for c in tok.children:
        if c.dep_ in SOURCE_DROP_DEPS or (c.dep_ == "appos" and c.i > tok.i and c.nbor(-1).text == ","):
            drop |= _subtree_ids(c)
    ids = sorted(i for i in _subtree_ids(tok) if i not in drop)
    doc = tok.doc
    # keep the contiguous run around the head
    run = [tok.i]
    for i in range(tok.i - 1, -1, -1):
        if i in ids and i == run[0] - 1:
            run.insert(0, i)
        else:
            break
    for i in range(tok.i + 1, len(doc)):
        if i in ids and i == run[-1] + 1:
            run.append(i)
        else:
            break
    while run and (doc[run[0]].is_punct or doc[run[0]].dep_ == "cc"):
        run.pop(0)
    while run and doc[run[-1]].is_punct:
        run.pop()
    return run


def doc_comma_before(tok: Token) -> bool:
    """True when a comma or dash precedes the clause of `tok` ("Many of them, he said, have ...")."""
    first = min(_subtree_ids(tok))
    return tok.doc[first].text in (",", "—", "–", "-") or (first > 0 and tok.doc[first - 1].text in (",", "—", "–", "-"))


def _content_from_frames(tok: Token, frames: frozenset[str]) -> set[int]:
    """Content token indices for a cue token in the frames its lexicon entry allows."""
    kids = list(tok.children)
    ccomps = [c for c in kids if c.dep_ == "ccomp" and not (c.i < tok.i and c.lower_ in ("so",))]
    if "ccomp" in frames and ccomps:
        out: set[int] = set()
        for c in ccomps:
            out |= _subtree_ids(c)
        return out
    if "xcomp" in frames:
        xs = [c for c in kids if c.dep_ == "xcomp" and c.i > tok.i]
        if xs:
            out = set()
            for c in xs:
                out |= _subtree_ids(c)
            objs = [c for c in kids if c.dep_ in ("dobj", "dative") and c.i < xs[0].i and c.i > tok.i]
            for o in objs:  # "urged voters to ..."
                out |= _subtree_ids(o)
            return out
    if "dobj" in frames:
        objs = [c for c in kids if c.dep_ == "dobj" and c.i > tok.i]
        if objs:
            out = _subtree_ids(objs[0])
            for c in kids:  # "called the policy 'a ...'", "accused him of ...", "defended X against ..."
                if c.i > objs[0].i and c.dep_ in ("oprd", "xcomp", "ccomp", "prep", "dative", "advmod"):
                    if c.dep_ == "prep" and c.lower_ in ("on", "at", "in", "during", "after", "before") \
                            and any(g.ent_type_ in ("DATE", "TIME") for g in c.subtree):
                        continue
                    out |= _subtree_ids(c)
            return out
        comps = [c for c in kids if c.dep_ in ("oprd", "ccomp", "xcomp") and c.i > tok.i]
        if comps and (tok.dep_ == "relcl" or any(c.dep_ == "dobj" and c.i < tok.i for c in kids)):
            # "a clip that the judge called “distasteful”", "what Mr. Hedge called “the prior model”"
            out = set()
            for c in comps:
                out |= _subtree_ids(c)
            obj = next((c for c in kids if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None and obj.lower_ in ("what",):
                out.add(obj.i)
            elif tok.dep_ == "relcl":
                out.add(tok.head.i)
            return out
    preps = {f[5:] for f in frames if f.startswith("prep:")}
    if preps:
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i:
                obj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if obj:  # "referred to Rubio as “a bright leader”": what he was called goes with him
                    return _subtree_ids(obj[0]).union(*(_subtree_ids(g) for g in kids if g.i > c.i and (
                        g.dep_ == "oprd" or g.dep_ == "prep" and g.lower_ == "as")))
    if "inv" in frames and tok.dep_ in ("parataxis", "ccomp", "conj", "advcl") and not any(
            c.dep_ in ("dobj", "xcomp") or (c.dep_ == "prep" and c.i < tok.i) for c in kids) \
            and any(c.dep_ == "nsubj" for c in kids) \
            and (tok.head.i < tok.i or doc_comma_before(tok)):
        own = _subtree_ids(tok)
        if tok.head.i < tok.i:  # '“...,” she said, blaming ...': the content is what comes before the cue
            return {i for i in _subtree_ids(tok.head) if i < min(own)}
        return {i for i in _subtree_ids(tok.head) if i not in own}  # "A comic tone, she said, would ..."
    return set()


def _passive_content(tok: Token, frames: frozenset[str]) -> set[int]:
    """The passive subject of a cue whose active object is its content, with its agent ("the plan was criticized by
    Democrats")."""
    if "dobj" not in frames or tok.tag_ != "VBN":
        return set()
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
    if not any(c.dep_ == "agent" for c in tok.children):
        return set()  # "The report was released": with no one who says it, mostly an action
    if subj is None or subj.lower_ in ("who", "that", "which") or subj.pos_ == "PRON":
        return set()
    out = _subtree_ids(subj)
    for c in tok.children:  # "Trump was described as “a ...”"
        if c.i > tok.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")):
            out |= _subtree_ids(c)
    return out


def _according(tok: Token) -> _Attr | None:
    """'..., according to X' and 'According to X, ...'."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    sent = tok.sent
    clause = tok.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.pos_ not in ("VERB", "AUX"):
        clause = sent.root
    own = _subtree_ids(tok)
    content = _same_para(tok.doc, tok, {i for i in _subtree_ids(clause) if i not in own and sent.start <= i < sent.end})
    if not content:
        return None
    src = sorted(i for i in _subtree_ids(pobj) if not tok.doc[i].is_punct)
    return _Attr(content=content, cue=[tok.i, to.i], source=src, lemma="according to")


def _cue_span_ids(tok: Token) -> list[int]:
    """The cue token with its particle ("pointed out") and negation/aux left out for brevity."""
    ids = [tok.i]
    for c in tok.children:
        if c.dep_ == "prt" and c.i == tok.i + 1:
            ids.append(c.i)
    return ids


def _parse_attributions(doc: Doc, in_long_quote: list[bool]) -> list[_Attr]:
    """Attributions found from cue tokens and the dependency parse."""
    out = []
    for tok in doc:
        if in_long_quote[tok.i]:
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            a = _according(tok)
            if a:
                out.append(a)
            continue
        cue = cue_for(tok)
        if cue is None:
            continue
        if cue.pos == "NOUN":
            a = _noun_attribution(tok, cue.frames)
            if a:
                out.append(a)
            continue
        content = _content_from_frames(tok, cue.frames)
        passive = not content
        content = _same_para(doc, tok, content or _passive_content(tok, cue.frames))
        if not content:
            continue
        subj = _subject(tok)
        src = sorted(_same_para(doc, tok, set(_source_ids(subj))))
        if any(in_long_quote[i] for i in src):
            src = []  # a subject inside someone else's quotation is the parser's mistake
        content -= set(src)
        content.discard(tok.i)
        if not content or (not src and tok.tag_ != "VBN" and tok.dep_ not in ("advcl",)):
            continue
        out.append(_Attr(content=content, cue=_cue_span_ids(tok), source=src, lemma=cue.lemma, subject=passive))
    return out


def _same_para(doc: Doc, tok: Token, ids: set[int]) -> set[int]:
    """The token indices that lie in the same paragraph (between blank lines or newlines) as `tok`."""
    if not ids:
        return ids
    lo, hi = min(ids | {tok.i}), max(ids | {tok.i})
    start, end = lo, hi + 1
    for i in range(tok.i, lo - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            start = i + 1 if i < tok.i else i
            break
    for i in range(tok.i, hi + 1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            end = i + 1
            break
    return {i for i in ids if start <= i < end and not doc[i].is_space}


def _noun_attribution(tok: Token, frames: frozenset[str]) -> _Attr | None:
    """'his claim that ...', 'the campaign's decision to ...'."""
    clause = None
    for c in tok.children:
        if c.dep_ in ("acl", "ccomp") and c.i > tok.i:
            that = "that" in frames and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            if that or ("xcomp" in frames and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)):
                clause = c
    preps = {f[5:] for f in frames if f.startswith("prep:")}
    if clause is None and preps:  # "his support for Trump", "criticism of the plan"
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i), None)
        obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        clause = obj
    if clause is None:
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    src = _source_ids(poss) if poss is not None else []
    if not src and tok.dep_ in ("dobj",):
        src = _source_ids(_subject(tok.head))
    if not src:
        return None
    return _Attr(content=_subtree_ids(clause), cue=[tok.i], source=src, lemma=tok.lemma_.lower())


# ---------------------------------------------------------------- quotation marks

def _token_range(doc: Doc, q: Quoted) -> tuple[int, int]:
    """First and last+1 token index inside a quotation's characters."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return 0, 0
    return span.start, span.end


def _is_scare(text: str, q: Quoted) -> bool:
    """Quoted words that are a label or a title rather than something said ("sanctuary city")."""
    inner = q.inner(text)
    if word_count(inner) > SCARE_MAX_WORDS:
        return False
    return not inner.rstrip("'’\"”").endswith(("!", "?", "."))  # "Stay there!" is said


def _sent_of(doc: Doc, i: int) -> Span:
    return doc[i].sent


def _speech_cue_in(doc: Doc, lo: int, hi: int, skip: list[bool], last: bool = False) -> Token | None:
    """The first (or last) verb cue between token indices lo and hi (outside quotations) with a source."""
    for i in (range(hi - 1, lo - 1, -1) if last else range(lo, hi)):
        t = doc[i]
        if skip[i] or t.pos_ not in ("VERB", "AUX"):
            continue
        cue = cue_for(t)
        if cue is not None and _subject(t) is not None:
            return t
    return None


def _verb_after_quote(doc: Doc, q: Quoted, hi: int, text: str | None = None) -> Token | None:
    """Any verb in a short '“...,” Oliver barked.' / '“...!” beamed Hartley' clause right after a quotation
    (`text`: the doc's text, which `Doc.text` builds anew from every token at each call)."""
    inner = q.inner(doc.text if text is None else text).rstrip("'’\"”“")
    if not inner.endswith((",", "!", "?", "—")):
        return None
    end = min(len(doc), hi + 8)
    for i in range(hi, end):
        t = doc[i]
        if t.is_space or "\n" in t.text or t.text in (".", ";") or (t.text == "," and i > hi):
            return None
        if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP"):
            if reports_no_words(t):
                return None
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is None and i == hi and t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("PROPN", "NOUN", "DET"):
                return t  # '“...,” says Myra Gutin, a historian': the parser misses the inverted subject
            if subj is not None and hi <= subj.i < end and not any(c.dep_ == "dobj" and c.i > t.i
                                                                   for c in t.children):
                return t
            return None
    return None


def _verb_before(doc: Doc, q: Quoted, lo: int) -> Token | None:
    """The verb with a subject that introduces the quotation ('as The New Yorker put it, “the operator.”')."""
    i = lo - 1
    while i >= 0 and doc[i].text in (",", ":") or (i >= 0 and doc[i].is_space and "\n" not in doc[i].text):
        i -= 1
    if i > 0 and doc[i].lower_ in ("it", "this", "them") and doc[i - 1].pos_ == "VERB":
        i -= 1  # "as Rosenthal put it, ..."
    elif i > 0 and doc[i].lemma_.lower() in WORDING_NOUNS and doc[i].head.pos_ == "VERB" \
            and doc[i].head.i < doc[i].i and doc[i].dep_ in ("dobj", "attr", "pobj"):
        i = doc[i].head.i  # "Trump has used the phrase “Islamic terrorism”", "recites the line: ..."
    if i < 0 or doc[i].pos_ != "VERB" or "\n" in doc[i].whitespace_:
        return None
    if doc[i].tag_ not in ("VBD", "VBZ", "VBP", "VBG") and not (
            doc[i].tag_ == "VBN" and any(c.dep_ == "aux" for c in doc[i].children)):  # "a doctor had typed"
        return None
    if (doc[i].lower_ in ("called",) and i > 0 and doc[i - 1].lower_ in ("so", "so-")) or reports_no_words(doc[i]):
        return None  # "so-called", "order a “...”"
    return doc[i] if _subject(doc[i]) is not None else None


def _depends_on(tok: Token, head_i: int, steps: int = 3) -> bool:
    """True when `tok` hangs (within a few arcs) from the token at `head_i` (", suggesting that ...")."""
    for _ in range(steps):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == head_i:
            return True
    return False


def _para_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """First and last+1 token index of the paragraph (text between line breaks) holding token i."""
    start = i
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    end = i + 1
    while end < len(doc) and "\n" not in doc[end - 1].whitespace_ and "\n" not in doc[end].text:
        end += 1
    return start, end


def _paragraphs_apart(text: str, a: int, b: int) -> int:
    """How many paragraph breaks (runs of newlines) lie between two offsets."""
    return len(re.findall(r"\n+", text[min(a, b):max(a, b)]))


# ---------------------------------------------------------------- spans

def _char_spans(doc: Doc, ids: set[int]) -> list[tuple[int, int]]:
    """Contiguous character spans of a token set, with edge punctuation trimmed (quotation marks kept)."""
    ids_sorted = sorted(ids)
    spans: list[list[int]] = []
    for i in ids_sorted:
        if spans and i == spans[-1][-1] + 1:
            spans[-1].append(i)
        else:
            spans.append([i])
    out = []
    for run in spans:
        while run and (doc[run[0]].text in EDGE_PUNCT or doc[run[0]].is_space):
            run.pop(0)
        while run and (doc[run[-1]].text in EDGE_PUNCT or doc[run[-1]].is_space or doc[run[-1]].text == "."):
            run.pop()
        if run:
            out.append((doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]].text)))
    return out


def _merge_spans(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or adjacent ones (only spaces/punctuation between) merged."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or not text[out[-1][1]:s].strip(" ,;")):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _around(doubles: list[Quoted], starts: list[int], spans: list[tuple[int, int]]) -> list[Quoted]:
    """The double-mark quotations that may overlap `spans` (`doubles` in order; they never overlap each other),
    so that telling each quote's kind looks at its neighbours, not at every quotation of the article."""
    lo = max(0, bisect_right(starts, min(s for s, _ in spans)) - 1)
    return doubles[lo:bisect_left(starts, max(e for _, e in spans))]


def _kind(text: str, spans: list[tuple[int, int]], quoted: list[Quoted]) -> str:
    """direct when the content is all within quotation marks, mixed when part of it is, indirect otherwise."""
    total = sum(e - s for s, e in spans)
    inside = sum(max(0, min(e, q.end) - max(s, q.start)) for s, e in spans for q in quoted if not q.single)
    if total and inside >= 0.9 * total:
        return "direct"
    return "mixed" if inside else "indirect"


# ---------------------------------------------------------------- headline and transcript colons

DASH_NAME_RE = re.compile(r"\s*(―|—|–|--|-)[^\S\n]*((?:[A-Z][\w.'’-]*\.?)(?:[^\S\n]+[A-Z][\w.'’-]*\.?){0,4})[^\S\n.,]*[.,]?[^\S\n]*(?:\n|$)")
COLON_RE = re.compile(r"^([A-Z][\w.'’\- ]{0,40}?):\s+(\S.*)$")


def _colon_attributions(doc: Doc) -> list[_Attr]:
    """'Sessions: Chicago ...' headlines and 'Q: ...' transcript lines."""
    out = []
    text = doc.text
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        cm = COLON_RE.match(line.strip())
        if not cm:
            continue
        lead = len(line) - len(line.lstrip())
        prefix = cm.group(1).strip()
        words = prefix.split()
        if not words or len(words) > 4 or words[0].lower().strip(".") in COLON_LABELS or prefix[-1].isdigit():
            continue
        ps = m.start() + lead
        pspan = doc.char_span(ps, ps + len(prefix), alignment_mode="expand")
        if pspan is None or any(t.like_num for t in pspan):
            continue
        if not all((t.pos_ in ("PROPN", "NOUN") and (t.is_title or t.is_upper)) or t.is_punct or
                   (t.pos_ == "ADP" and t.is_lower) for t in pspan):
            continue  # "Sessions:", "Hillary Clinton:", "Poll:", "Q:" — not "In short:" or "Watch the video:"
        colon = ps + len(prefix)
        while colon < len(text) and text[colon] != ":":
            colon += 1
        cs = colon + 1 + (len(text[colon + 1:]) - len(text[colon + 1:].lstrip()))
        ce = m.end()
        cspan = doc.char_span(cs, ce, alignment_mode="expand")
        ctok = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if cspan is None or ctok is None or word_count(cspan.text) < 3:
            continue
        out.append(_Attr(content=set(range(cspan.start, cspan.end)), cue=[ctok.start],
                         source=list(range(pspan.start, pspan.end)), lemma=":"))
    return out


# ---------------------------------------------------------------- assembly

SPLIT_DEPS = {"advcl", "conj", "parataxis"}


def _split_nested(doc: Doc, attrs: list[_Attr]) -> list[_Attr]:
    """One attribution per token: a cue inside another's content either splits it or is dropped.

    ", saying ...", ", telling X that ..." (a clause hanging from the outer cue or from its content's head)
    and "according to X" make their own attribution and are cut out of the outer content; a cue deeper in
    the content ("X said Y believes Z", "the first one to say ...") is part of it, as PolNeAR annotates.
    """
    attrs = sorted(attrs, key=lambda a: len(a.content), reverse=True)
    keep: list[_Attr] = []
    held: dict[int, list[int]] = {}  # token -> positions in `keep` of the attributions whose content took it in

    def keep_it(a: _Attr) -> None:
        keep.append(a)
        for i in a.content:
            held.setdefault(i, []).append(len(keep) - 1)

    for a in attrs:
        # the first kept attribution whose content (cut since, perhaps) still holds one of the cue's tokens
        first = min((k for i in a.cue for k in held.get(i, ()) if i in keep[k].content), default=None)
        outer = None if first is None else keep[first]
        if outer is None:
            keep_it(a)
            continue
        head = doc[a.cue[0]]
        tops = {i for i in outer.content if doc[i].head.i not in outer.content}  # the content's own roots
        if a.lemma == "according to" or (head.dep_ in SPLIT_DEPS and (head.head.i in tops or head.head.i in outer.cue)):
            cut = _subtree_ids(head) | a.content | set(a.source) | set(a.cue)
            outer.content -= cut
            keep_it(a)
    return [a for a in keep if a.content or a.extra]


def _holders(attrs: list[_Attr]) -> dict[int, list[_Attr]]:
    """For each token, the attributions whose content holds it."""
    out: dict[int, list[_Attr]] = {}
    for a in attrs:
        for i in a.content:
            out.setdefault(i, []).append(a)
    return out


def _host(attrs: list[_Attr], holders: dict[int, list[_Attr]], lo: int, hi: int) -> _Attr | None:
    """The attribution holding most of the tokens lo..hi of a quotation, the nearest cue on a tie, the first in
    `attrs` on a tie of both: what a scan of every attribution finds, from the quotation's own tokens."""
    inside: dict[int, int] = {}
    by_id: dict[int, _Attr] = {}
    for i in range(lo, hi):
        for a in holders.get(i, ()):
            inside[id(a)] = inside.get(id(a), 0) + 1
            by_id[id(a)] = a
    if not inside:
        return None
    rank = {k: (n, -abs(by_id[k].cue[0] - lo)) for k, n in inside.items()}
    top = max(rank.values())
    tied = [k for k, r in rank.items() if r == top]
    if len(tied) > 1:
        order = {id(a): n for n, a in enumerate(attrs)}
        tied.sort(key=order.__getitem__)
    return by_id[tied[0]]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass(frozen=True)
class _Quotations:
    """The article's quotations with the tokens they cover."""

    quoted: list[Quoted]
    ranges: list[tuple[Quoted, int, int, bool]]  # quotation, first token, last+1 token, scare quotes
    in_long: list[bool]  # tokens inside a quotation that is not a scare quote
    in_any: list[bool]  # tokens inside any quotation


def _quotations(doc: Doc) -> _Quotations:
    """Quotations paired in the text; single marks only after a colon or a verb, scare quotes marked."""
    text = doc.text
    quoted = find_quoted(text)
    in_long = [False] * len(doc)
    qranges = []
    for q in quoted:
        lo, hi = _token_range(doc, q)
        said = _verb_before(doc, q, lo)
        if q.single and not said and not (text[:q.start].rstrip(" \t").endswith(":")
                                          and word_count(q.inner(text)) >= 3):
            continue  # single marks quote only after a colon or a verb ("Warren: 'You Should Be ...'")
        scare = _is_scare(text, q) and not said and not _verb_after_quote(doc, q, hi, text)
        qranges.append((q, lo, hi, scare))
        if not scare:
            for i in range(lo, hi):
                in_long[i] = True
    in_any = list(in_long)
    for q in quoted:
        lo, hi = _token_range(doc, q)
        for i in range(lo, hi):
            in_any[i] = True
    return _Quotations(quoted, qranges, in_long, in_any)


def _rule_attributions(doc: Doc, in_long: list[bool]) -> list[_Attr]:
    """Attributions from the cue lexicon and the parse, and headline colons, nested ones split."""
    attrs = _parse_attributions(doc, in_long) + _colon_attributions(doc)
    # nested attributions: the one whose content holds the other's cue wins ("X said Y believes Z")
    return _split_nested(doc, attrs)


def _hints(attrs: list[_Attr]) -> list[Hint]:
    return [Hint(cue=tuple(a.cue), content=frozenset(a.content), source=tuple(a.source), lemma=a.lemma)
            for a in attrs]


def rule_hints(doc: Doc) -> list[Hint]:
    """What the rules attribute from the parse (before quotations are attached): the model's hints."""
    if not doc.text.strip() or not doc.has_annotation("DEP"):
        return []
    return _hints(_rule_attributions(doc, _quotations(doc).in_long))


def _learned_attributions(doc: Doc, tagger: QuoteTagger, attrs: list[_Attr]) -> tuple[list[_Attr], DocFeatures]:
    """The model's attributions where the rules found none (learned.py keeps them clear of the rules'), and the
    model's source for a rule attribution whose subject the rules could not find (not for one whose content is that
    subject: "the plan was criticized by X"); with the features the tagger computed (the veto reads them)."""
    proposals, sources, feats = tagger.propose(doc, _hints(attrs))
    taken: set[int] = set()
    worded: set[int] = set()  # contents and cues: never a source, while one speaker can say several things
    for a, src in zip(attrs, sources):
        if not a.source and src and not a.subject and not any(i in a.content for i in src):
            a.source = src
        taken |= a.content | set(a.cue) | set(a.source)
        worded |= a.content | set(a.cue)
    out = []
    for p in proposals:
        content = p.content - taken
        if not p.source or any(i in taken for i in p.cue) or len(content) < 0.5 * len(p.content):
            continue  # no one says it (who-said-what needs a who), or it overlaps a surer proposal
        out.append(_Attr(content=content, cue=p.cue, source=[i for i in p.source if i not in worded], lemma=p.lemma))
        taken |= content | set(p.cue) | set(p.source)
        worded |= content | set(p.cue)
    return out, feats


def extract_quotes(doc: Doc, *, tagger: QuoteTagger | None | bool = True) -> list[Quote]:
    """Quotes in a parsed article, each with content, cue and speaker mention spans.

    tagger: the learned tagger that proposes attributions beside the rules and vetoes the rules' least likely
    quotes (never a direct quote); True for the one shipped in the package (rules only when it is absent), False or
    None for the rules alone.
    """
    if tagger is True:
        tagger = shipped_tagger()
    text = doc.text
    if not text.strip() or not doc.has_annotation("DEP"):
        return []  # nothing to attribute without a dependency parse (e.g. a blank pipeline)
    qs = _quotations(doc)
    quoted, qranges, in_any = qs.quoted, qs.ranges, qs.in_any
    doubles = [q for q in quoted if not q.single]  # _kind looks only at those near each quote (linear in quotes)
    double_starts = [q.start for q in doubles]
    attrs = _rule_attributions(doc, qs.in_long)
    learned: list[_Attr] = []
    feats = None
    if tagger:
        learned, feats = _learned_attributions(doc, tagger, attrs)
        attrs += learned
    model_made = {id(a) for a in learned}

    # quotations: extend the attribution they overlap, or attribute them
    attrs.sort(key=lambda a: a.start(doc))
    holders = _holders(attrs)  # attributions made below hold no tokens, only quotations
    for q, lo, hi, scare in qranges:
        host = _host(attrs, holders, lo, hi)
        if host is not None:
            host.extra.append((q.start, q.end))
            host.quoted = True
            continue
        if scare or lo >= hi:
            continue
        found = _attribute_quote(_site(doc, text, q, lo, hi, attrs, in_any))
        if isinstance(found, _Join):
            found.host.extra.append((q.start, q.end))
            found.host.quoted = found.host.quoted or found.direct
        elif found is not None:
            attrs.append(found)
            attrs.sort(key=lambda x: x.start(doc))

    quotes = []
    for a in attrs:
        if not a.extra and not a.subject and len(a.content) <= 2 and not any(doc[i].pos_ in ("VERB", "AUX") for i in a.content):
            continue  # "slammed Chicago", "denied it": a stance toward a name, nothing said
        spans = _char_spans(doc, a.content) + a.extra
        spans = _merge_spans(spans, text)
        if not spans:
            continue
        src = _char_spans(doc, _same_para(doc, doc[a.cue[0]], set(_source_outside_quote(doc, a))))
        src = [(min(s for s, _ in src), max(e for _, e in src))] if src else []
        cue = _char_spans(doc, set(a.cue)) or [(doc[a.cue[0]].idx, doc[a.cue[0]].idx + len(doc[a.cue[0]]))]
        body = " … ".join(text[s:e].strip() for s, e in spans)
        q = Quote(content_spans=spans, speaker_spans=src, cue_spans=cue,
                  kind=_kind(text, spans, _around(doubles, double_starts, spans)), cue=a.lemma, text=body,
                  cue_class=_class(doc, a))
        if tagger and feats is not None and id(a) not in model_made and not tagger.keeps_rule_quote(feats, q):
            continue  # the veto: a rule quote (not a direct one) the model finds unlikely
        quotes.append(q)
    quotes.sort(key=lambda q: q.content_spans[0][0])
    return quotes


def _source_outside_quote(doc: Doc, a: _Attr) -> list[int]:
    """The source, unless the parser took it from inside the attribution's own quotation ('“Like Oakland. Or
    Ferguson,” Trump said', '“We were wrong,” Ramos, 58, told AFP'): then the phrase between the quotation
    and the cue, or none."""
    if not a.source:
        return a.source
    first, last, cue = doc[a.source[0]].idx, doc[a.source[-1]].idx, doc[a.cue[0]].idx
    for s, e in a.extra:
        if not (s <= first and last < e) or s <= cue < e:
            continue
        j = next((t.i for t in doc[a.source[-1]:a.cue[0]] if t.idx >= e), a.cue[0])
        while j < a.cue[0] and (doc[j].is_punct or doc[j].is_space):
            j += 1
        if j >= a.cue[0] or doc[j].pos_ not in ("PROPN", "NOUN", "PRON", "DET"):
            return []
        head = doc[j]
        while head.head.i > head.i and head.dep_ in ("compound", "amod", "det", "poss") and head.head.i < a.cue[0]:
            head = head.head
        return [i for i in _source_ids(head) if i < a.cue[0]]
    return a.source


def _class(doc: Doc, a: _Attr) -> str:
    """The attribution's class (speech, writing, stance, no_comment) from its cue, first words and source."""
    words = [doc[i].lemma_.lower() for i in sorted(a.content)[:3]]
    src = set(a.source)
    head = next((doc[i] for i in sorted(src) if doc[i].head.i not in src or doc[i].head.i == i), None)
    return attribution_class(a.lemma, words, head.lemma_.lower() if head is not None else None, quoted=a.quoted)


# ---------------------------------------------------------------- quotations no parse attribution covers

@dataclass(frozen=True)
class _Site:
    """A quotation to attribute, with the stretches of text the strategies look in."""

    doc: Doc
    text: str  # doc.text, built once per article (spaCy rebuilds it on every access)
    q: Quoted
    lo: int  # first token inside the quotation
    hi: int  # last+1 token inside the quotation
    attrs: tuple[_Attr, ...]  # the attributions found so far, in text order
    in_any: list[bool]  # tokens inside any quotation
    s_start: int  # the quotation's sentence(s), cut to its paragraph (sentences can run over paragraphs)
    s_end: int
    last_end: int  # end of the quotation's last sentence, uncut
    p_end: int  # end of the quotation's paragraph


@dataclass(frozen=True)
class _Join:
    """The quotation belongs to an attribution already found: the one with its cue, or the quote it goes on."""

    host: _Attr
    direct: bool  # the host becomes a direct attribution (a continuation leaves the host's kind as it was)


def _site(doc: Doc, text: str, q: Quoted, lo: int, hi: int, attrs: list[_Attr], in_any: list[bool]) -> _Site:
    """The quotation between tokens lo and hi with its sentence and paragraph bounds."""
    p_start, p_end = _para_bounds(doc, lo)
    sent, last_sent = _sent_of(doc, lo), _sent_of(doc, hi - 1)
    return _Site(doc, text, q, lo, hi, tuple(attrs), in_any, s_start=max(sent.start, p_start),
                 s_end=min(last_sent.end, p_end), last_end=last_sent.end, p_end=p_end)


def _direct(q: Quoted, cue: list[int], source: list[int], lemma: str) -> _Attr:
    """A direct attribution whose content is the quotation."""
    return _Attr(content=set(), cue=cue, source=source, lemma=lemma, extra=[(q.start, q.end)], quoted=True)


def _cue_after(site: _Site) -> Token | None:
    """The cue after the quotation in its own sentence ('“...,” he said'), unless it belongs to another clause."""
    doc, lo, hi = site.doc, site.lo, site.hi
    cue = _speech_cue_in(doc, hi, site.s_end, site.in_any)
    if cue is None:
        return None
    subj = _subject(cue)
    own = _subtree_ids(subj) if subj is not None else set()
    if any(t.pos_ in ("VERB", "AUX") and t.i not in own and not site.in_any[t.i] for t in doc[hi:cue.i]) \
            or (subj is not None and subj.i < lo):
        return None  # "“...” and continued threatening": the cue belongs to another clause
    return cue


def _cue_in_next_sentence(site: _Site) -> Token | None:
    """The cue of a short sentence right after the quotation's ('“...” Tulsa police Chief Chuck Jordan said Monday.')."""
    doc, p_end = site.doc, site.p_end
    if site.s_end != site.last_end or site.last_end >= p_end:
        return None
    nxt = doc[site.last_end].sent
    if len(nxt) <= 16:
        cue = _speech_cue_in(doc, nxt.start, min(nxt.end, nxt.start + 9, p_end), site.in_any)
        if cue is not None and _subject(cue) is not None and _subject(cue).i >= nxt.start:
            return cue
    root = nxt.root
    if root.i < p_end and cue_for(root) is not None and _subject(root) is not None \
            and min(_subtree_ids(_subject(root))) == nxt.start \
            and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in root.children):
        return root  # '“...!” Scott's niece, state Del. Marcia Price (D-Va.), shouted to the crowd.
    return None


def _nearby_cue(site: _Site) -> Token | None:
    """The cue of the quotation's sentence after or before it, of the next sentence, or a verb right beside it."""
    doc, q = site.doc, site.q
    return _cue_after(site) or _cue_in_next_sentence(site) \
        or _speech_cue_in(doc, site.s_start, site.lo, site.in_any, last=True) \
        or _verb_after_quote(doc, q, site.hi, site.text) or _verb_before(doc, q, site.lo)


def _subject_after(cue: Token) -> Token:
    """The phrase right after a subjectless cue that opens the text after a quotation ('“...,” says Myra Gutin')."""
    nxt = cue.doc[cue.i + 1]
    subj = nxt.head if nxt.pos_ == "DET" and nxt.head.i > nxt.i else nxt
    while subj.head.i > subj.i and subj.dep_ in ("compound", "amod", "det", "poss") and subj.head.i < cue.i + 6:
        subj = subj.head
    return subj


def _by_nearby_cue(site: _Site) -> _Attr | _Join | None:
    """The attribution of the cue beside the quotation: the one already found with that cue, or a new one."""
    cue = _nearby_cue(site)
    if cue is None:
        return None
    existing = next((a for a in site.attrs if cue.i in a.cue), None)
    if existing is not None:
        return _Join(existing, direct=True)
    doc = site.doc
    subj = _subject(cue)
    if subj is None and cue.i + 1 < len(doc) and cue.i == site.hi:
        subj = _subject_after(cue)
    src = sorted(_same_para(doc, cue, set(_source_ids(subj))))
    return _direct(site.q, _cue_span_ids(cue), src, cue.lemma_.lower())


def _by_dash_name(site: _Site) -> _Attr | None:
    """'“...” ― Sonya Herridge': a dash and a name after the quotation."""
    doc, q = site.doc, site.q
    m = DASH_NAME_RE.match(site.text, q.end)
    if not m:
        return None
    dash = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    name = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
    if dash is None or name is None or not any(t.pos_ == "PROPN" for t in name):
        return None
    return _direct(q, [dash.start], list(range(name.start, name.end)), "―")


def _by_name_line_above(site: _Site) -> _Attr | None:
    """A short line ending in a colon above the quotation, with a name: 'Rep. Trey Gowdy (R-S.C.):'."""
    doc, q, text = site.doc, site.q, site.text
    line = text[:q.start].rstrip()
    if text[:q.start].rstrip(" \t").endswith(":") or not line.endswith(":"):
        return None
    ls = line.rfind("\n") + 1
    name = re.sub(r"\s*\([^()]*\)\s*$", "", line[ls:-1]).strip()
    nspan = doc.char_span(ls, ls + len(name), alignment_mode="expand") if name else None
    colon = doc.char_span(len(line) - 1, len(line), alignment_mode="expand")
    if word_count(line[ls:]) > 10 or nspan is None or colon is None or not any(t.pos_ == "PROPN" for t in nspan):
        return None
    return _direct(q, [colon.start], list(range(nspan.start, nspan.end)), ":")


def _colon_before(site: _Site) -> Span | None:
    """The colon that ends the text before the quotation, on its line ('He said: “...”') or the line above."""
    before = site.text[:site.q.start].rstrip()
    if not before.endswith(":") or site.lo <= 0:
        return None
    return site.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")


def _by_verb_before_colon(site: _Site) -> _Attr | None:
    """A verb with a subject just before that colon: 'as Cornyn put it: “...”', 'Cruz called them on it:'."""
    doc, colon = site.doc, _colon_before(site)
    if colon is None:
        return None
    verb = None
    for k in range(colon.start - 1, max(-1, colon.start - 5), -1):
        if doc[k].pos_ == "VERB" and _subject(doc[k]) is not None and not reports_no_words(doc[k]):
            verb = doc[k]
            break
        if doc[k].is_punct or doc[k].is_space:
            break
    if verb is None:
        return None
    src = sorted(_same_para(doc, verb, set(_source_ids(_subject(verb)))))
    return _direct(site.q, _cue_span_ids(verb), src, verb.lemma_.lower()) if src else None


def _by_name_before_colon(site: _Site) -> _Attr | None:
    """'More from Blumenthal and Cohen: “...”': the colon is the cue, the subject or name before it the source."""
    colon = _colon_before(site)
    if colon is None:
        return None
    csent = site.doc[colon.start].sent
    root = csent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "attr") and c.i < colon.start
                 and c.pos_ in ("PROPN", "PRON", "NOUN")), None) if root.i < colon.start else None
    if subj is not None and (subj.pos_ != "NOUN" or subj.dep_ == "nsubj"):
        src = _source_ids(subj)
    else:
        chunk = next((c for c in reversed(list(csent.noun_chunks)) if c.end <= colon.start
                      and c.root.pos_ == "PROPN" and colon.start - c.end <= 1), None)
        src = list(range(chunk.start, chunk.end)) if chunk is not None else []
    return _direct(site.q, [colon.start], src, ":") if src else None


def _is_bare(sent: Span) -> bool:
    """A short sentence that ends in a full stop ('Dianne Bystrom agreed.')."""
    return sent.text.rstrip().endswith(".") and len(sent) <= 12


def _lead_in(site: _Site) -> Span | None:
    """The sentence before the quotation's when it leads into it: ending in a colon or comma, or short and bare."""
    if site.s_start <= 0:
        return None
    prev = _sent_of(site.doc, site.s_start - 1)
    return prev if prev.text.rstrip().endswith((":", ",")) or _is_bare(prev) else None


def _by_lead_in_cue(site: _Site) -> _Attr | None:
    """The cue of that sentence ('He said:'), or of a bare one that says nothing of its own ('Smith agreed.')."""
    prev = _lead_in(site)
    if prev is None:
        return None
    cue = _speech_cue_in(site.doc, prev.start, prev.end, site.in_any)
    if cue is None or (_is_bare(prev) and any(c.dep_ in ("ccomp", "dobj", "xcomp", "prep") for c in cue.children)):
        return None
    return _direct(site.q, _cue_span_ids(cue), _source_ids(_subject(cue)), cue.lemma_.lower())


def _by_lead_in_name(site: _Site) -> _Attr | None:
    """A speaker's name on its own line as that sentence: 'Rep. Trey Gowdy (R-S.C.):' then the quotation."""
    prev = _lead_in(site)
    if prev is None:
        return None
    toks = [t for t in prev if not t.is_space]
    if not toks or toks[-1].text != ":" or len(toks) > 12 or not any(t.pos_ == "PROPN" for t in toks):
        return None
    names = [t.i for t in toks[:-1] if t.pos_ == "PROPN" or (t.is_title and t.pos_ == "NOUN")]
    return _direct(site.q, [toks[-1].i], list(range(names[0], names[-1] + 1)), ":")


def _by_continuation(site: _Site) -> _Join | None:
    """The direct quote just before it goes on ('“A,” he said. “B.”', quotes that run over paragraphs)."""
    doc, q, attrs, text = site.doc, site.q, site.attrs, site.text
    prev = [a for a in attrs if a.start(doc) < q.start]
    if not prev:
        return None

    def end_of(a: _Attr) -> int:
        return max([e for _, e in a.extra] + [doc[i].idx for i in a.content])

    p = max(prev, key=end_of)
    quoted_prev = [a for a in prev if a.quoted]
    if not p.quoted and quoted_prev:
        last_quoted = max(quoted_prev, key=end_of)
        if _paragraphs_apart(text, end_of(last_quoted), q.start) <= 1:
            p = last_quoted  # '“...,” Obama said. He didn't suggest retaliation. “...”': the quote goes on
    p_end = max([e for _, e in p.extra] + [doc[i].idx + len(doc[i]) for i in p.content])
    p_src = {doc[i].lower_ for i in p.source}
    between_cues = [a for a in attrs if a is not p and p_end <= a.start(doc) < q.start
                    and not _depends_on(doc[a.cue[0]], p.cue[0])
                    and not (len(a.source) == 1 and doc[a.source[0]].pos_ == "PRON")
                    and not ({doc[i].lower_ for i in a.source} <= p_src and a.source)]
    gap = _paragraphs_apart(text, p_end, q.start)
    para_start = q.start == 0 or text[q.start - 1] == "\n"
    speech = p.quoted or (cue_for(doc[p.cue[0]]) is not None and cue_for(doc[p.cue[0]]).cls == "speech")
    if not between_cues and speech and (gap == 0 and p.quoted or (gap == 1 and para_start)):
        return _Join(p, direct=False)
    return None


QUOTE_STRATEGIES = (_by_nearby_cue, _by_dash_name, _by_name_line_above, _by_verb_before_colon,
                    _by_name_before_colon, _by_lead_in_cue, _by_lead_in_name, _by_continuation)


def _attribute_quote(site: _Site) -> _Attr | _Join | None:
    """A new attribution for a quotation no parse attribution covers, one it joins, or None: the first strategy's."""
    return next((r for r in (strategy(site) for strategy in QUOTE_STRATEGIES) if r is not None), None)
