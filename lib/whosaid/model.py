"""Plain data records passed between pipeline stages (no behaviour beyond JSON conversion)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

Span = tuple[int, int]
CUE_CLASSES = ("speech", "writing", "stance", "no_comment")  # what an attribution reports: words said, words
# written (or a document's finding), a stance or belief, a refusal to comment (whosaid.quotes.cues assigns them)
SAID = ("speech", "writing")  # the classes that report words: who-said-what counts these unless asked for more


@dataclass
class Article:
    """One input article: its text and what we know about where and when it was published."""

    doc: str
    text: str
    title: str | None = None
    date: str | None = None  # publication date YYYY-MM-DD
    date_source: str = "none"  # given | metadata | text | none
    date_confidence: float = 0.0  # 0..1, how sure we are of `date`
    url: str | None = None
    path: str | None = None
    outlet: str | None = None  # the publisher ("The Guardian"): the build's sidecar, page metadata, or the folder
    author: str | None = None  # the byline: the build's sidecar, or page metadata
    fmt: str = "text"  # text | html | markdown
    lang: str | None = None  # ISO 639-1 code of the text's language when it could be told
    notes: list[str] = field(default_factory=list)  # what reading the input noticed or changed, one line each
    verbatim: bool = True  # the text is the file's bytes read as UTF-8, so offsets index the file as well


@dataclass
class Speaker:
    """A person or organisation that speaks in one article, with every way the article refers to it."""

    id: str  # stable within the article, e.g. "s0"
    name: str  # canonical name, e.g. "Jeff Sessions"
    kind: str = "PERSON"  # PERSON | ORG | GPE | OTHER
    roles: list[str] = field(default_factory=list)  # titles/descriptions from the text
    aliases: list[str] = field(default_factory=list)  # surface forms seen ("Sessions", "he", ...)


@dataclass
class Quote:
    """An attributed statement: who (speaker mention), how (cue) and what (content spans)."""

    content_spans: list[Span]
    speaker_spans: list[Span] = field(default_factory=list)
    cue_spans: list[Span] = field(default_factory=list)
    kind: str = "direct"  # direct | indirect | mixed
    speaker: str | None = None  # canonical speaker name
    speaker_id: str | None = None
    cue: str | None = None  # cue lemma, e.g. "say"
    text: str = ""  # the content as it reads (spans joined by " … ")
    date: str | None = None  # when it was said (TimeML value): whosaid.temporal.statements, never a date it quotes
    cue_class: str = "speech"  # one of CUE_CLASSES (last: fields are added at the end, so positional use holds)


@dataclass
class Timex:
    """A temporal expression with its TimeML type and normalised value."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TimeML value: 2017-08-16, 2017-07, P2W, PRESENT_REF, XXXX-04 ...


@dataclass
class Event:
    """Something that happened or was said, with its date (TimeML value) and how the date was found."""

    start: int
    end: int
    sentence: str
    summary: str
    date: str | None  # TimeML value at its granularity; None when unknown
    how: str = "unknown"  # explicit | inherited | publication | unknown
    actors: list[str] = field(default_factory=list)
    kind: str = "event"  # event | statement


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_json(self, with_text: bool = False) -> dict:
        """The `extract` command's JSON object for this article."""
        a = self.article
        out = {
            "doc": a.doc,
            "title": a.title,
            "date": a.date,
            "date_source": a.date_source,
            "date_confidence": a.date_confidence,
            "lang": a.lang,
            "outlet": a.outlet,
            "notes": list(a.notes),
            "quotes": [
                {k: (list(map(list, v)) if k.endswith("_spans") else v) for k, v in asdict(q).items()}
                for q in self.quotes
            ],
            "speakers": [asdict(s) for s in self.speakers],
            "timexes": [asdict(t) for t in self.timexes],
            "events": [asdict(e) for e in self.events],
        }
        if with_text:
            out["text"] = a.text
        return out
