"""The extraction pipeline: article → parse → quotes and speakers → publication date → timexes → events."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from whosaid.model import Article, Extraction
from whosaid.nlp import load_nlp, parse, parse_all
from whosaid.quotes.attribution import extract_quotes
from whosaid.quotes.speakers import resolve_speakers
from whosaid.temporal.events import NonEventHook, extract_events, fence
from whosaid.temporal.pubdate import infer_pubdate
from whosaid.temporal.statements import statement_dates
from whosaid.temporal.timexes import find_timexes


def settle_date(article: Article) -> Article:
    """The article with its publication date filled from the text when neither user nor metadata gave one."""
    if article.date:
        return article
    date, confidence = infer_pubdate(article.text)
    if date:
        article.date, article.date_source, article.date_confidence = date, "text", confidence
    return article


def extract_doc(article: Article, doc: Doc, *, on_non_event: NonEventHook | None = None) -> Extraction:
    """Everything whosaid extracts from one article, given its spaCy parse (`on_non_event(event, reason)`: called
    for each undated predicate left out as no happening, see `temporal.events.non_event`)."""
    article = settle_date(article)
    quotes, speakers = resolve_speakers(doc, extract_quotes(doc))
    timexes = find_timexes(doc, article.date)
    events = extract_events(doc, timexes, quotes, speakers, article.date, on_non_event=on_non_event)
    dating = fence(timexes, article.date, doc.text)  # a far date without a written year dates no quote either
    quotes = [replace(q, date=d) for q, d in zip(quotes, statement_dates(quotes, dating, events, article.date))]
    return Extraction(article=article, quotes=quotes, speakers=speakers, timexes=timexes, events=events)


def extract_article(article: Article, nlp: Language | None = None) -> Extraction:
    """Everything whosaid extracts from one article."""
    nlp = nlp or load_nlp()
    return extract_doc(article, parse(article.text, nlp))


def extract_articles(articles: Iterable[Article], nlp: Language | None = None,
                     batch_size: int = 16) -> Iterator[tuple[Article, Extraction | Exception]]:
    """(article, extraction) for many articles parsed in batches, in order; a failure is yielded, not raised."""
    nlp = nlp or load_nlp()
    items = list(articles)
    for article, doc in zip(items, parse_all((a.text for a in items), nlp)):
        try:
            yield article, extract_doc(article, doc)
        except Exception as exc:  # one bad article must not lose the others
            yield article, exc
