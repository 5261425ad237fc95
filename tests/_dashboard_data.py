"""A small hand-made store for the dashboard tests: two articles, two people named differently in each,
a day, a month and a year event, an undated one, and article text with markup in it."""
from __future__ import annotations

from pathlib import Path

from whosaid import store
from whosaid.model import Article, Event, Extraction, Quote, Speaker

TEXT_A = ('Attorney General Jeff Sessions spoke in Miami on Wednesday. '
          '"Chicago is a sad example of lawlessness," Sessions said. '
          'Mayor Rahm Emanuel hit back. '
          '"We will not cave to pressure from Jeff Sessions," Emanuel said. '
          'Sessions said that cities must cooperate. '
          'The rules were announced in July 2017. '
          'Officials met <script>alert("x")</script> often.\n')
TEXT_B = ('Sessions said the city would lose its grants. '
          '"The lawsuit is frivolous," Sessions added. '
          'The city sued in 2017. '
          'Emanuel said the city will win in court.\n')


def _span(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    i = text.index(piece, after)
    return i, i + len(piece)


def _quote(text: str, content: str, speaker: str, cue: str, name: str, sid: str, kind: str) -> Quote:
    c = _span(text, content)
    return Quote(content_spans=[c], speaker_spans=[_span(text, speaker, c[1] if kind == "direct" else 0)],
                 cue_spans=[_span(text, cue, c[1] if kind == "direct" else 0)], kind=kind, speaker=name,
                 speaker_id=sid, cue="say", text=content)


def _event(text: str, sentence: str, date: str | None, how: str, actors: list[str]) -> Event:
    s, e = _span(text, sentence)
    return Event(s, e, sentence, sentence[:40], date, how, actors, "event")


def extractions() -> list[Extraction]:
    """The two articles' extractions."""
    a = Extraction(
        article=Article(doc="a-sanctuary", text=TEXT_A, title="Sessions slams Chicago", date="2017-08-16",
                        date_source="given", date_confidence=1.0, url="https://example.org/a"),
        speakers=[Speaker("s0", "Jeff Sessions", "PERSON", ["Attorney General"], ["Sessions"]),
                  Speaker("s1", "Rahm Emanuel", "PERSON", ["Mayor"], ["Emanuel"])],
        quotes=[_quote(TEXT_A, '"Chicago is a sad example of lawlessness,"', "Sessions", "said", "Jeff Sessions",
                       "s0", "direct"),
                _quote(TEXT_A, '"We will not cave to pressure from Jeff Sessions,"', "Emanuel", "said",
                       "Rahm Emanuel", "s1", "direct"),
                _quote(TEXT_A, "that cities must cooperate", "Sessions said that", "said that", "Jeff Sessions",
                       "s0", "indirect")],
        events=[_event(TEXT_A, "Attorney General Jeff Sessions spoke in Miami on Wednesday.", "2017-08-16",
                       "explicit", ["Jeff Sessions", "Miami"]),
                _event(TEXT_A, '"We will not cave to pressure from Jeff Sessions," Emanuel said.', "2017-08-16",
                       "inherited", ["Jeff Sessions"]),
                _event(TEXT_A, "The rules were announced in July 2017.", "2017-07", "explicit", []),
                _event(TEXT_A, 'Officials met <script>alert("x")</script> often.', None, "unknown", [])],
    )
    b = Extraction(
        article=Article(doc="b-lawsuit", text=TEXT_B, title="Chicago sues", date="2018-03-01", date_source="text",
                        date_confidence=0.6),
        speakers=[Speaker("s0", "Sessions", "PERSON", [], []), Speaker("s1", "Emanuel", "PERSON", [], [])],
        quotes=[_quote(TEXT_B, "the city would lose its grants", "Sessions said the", "said the", "Sessions", "s0",
                       "indirect"),
                _quote(TEXT_B, '"The lawsuit is frivolous,"', "Sessions", "added", "Sessions", "s0", "direct"),
                _quote(TEXT_B, "the city will win in court", "Emanuel said the", "said the", "Emanuel", "s1",
                       "indirect")],
        events=[_event(TEXT_B, "Sessions said the city would lose its grants.", "2018-03-01", "publication",
                       ["Sessions"]),
                _event(TEXT_B, "The city sued in 2017.", "2017", "explicit", [])],
    )
    return [a, b]


def build(root: Path) -> Path:
    """Write the two articles into a store at `root`."""
    store.upsert(root, [(ex, f"hash-{ex.article.doc}") for ex in extractions()])
    return root


ROLES_PERSON = "Jane Roe"
ROLES_TEXT = 'Jane Roe spoke. "We will win," Jane Roe said.\n'


def build_roles(root: Path) -> Path:
    """A store of four articles quoting one person, who is given roles: Senator by three (spelt two ways), Mayor by
    two and first, Former mayor by one."""
    t = ROLES_TEXT
    c0, n0, s0 = t.index('"We'), t.rindex(ROLES_PERSON), t.index("said")
    said = Quote([(c0, t.index(',"') + 2)], [(n0, n0 + len(ROLES_PERSON))], [(s0, s0 + 4)], "direct", ROLES_PERSON,
                 "s0", "say", t[c0:t.index(',"') + 2])

    def article(doc: str, roles: list[str]) -> Extraction:
        return Extraction(article=Article(doc=doc, text=t, title=doc, date="2020-01-02", date_source="given",
                                          date_confidence=1.0),
                          speakers=[Speaker("s0", ROLES_PERSON, "PERSON", roles, [ROLES_PERSON])], quotes=[said],
                          events=[])

    store.upsert(root, [(article("a", ["Mayor", "Former mayor"]), "ha"), (article("b", ["Senator"]), "hb"),
                        (article("c", ["senator", "Mayor"]), "hc"), (article("d", ["Senator"]), "hd")])
    return root
