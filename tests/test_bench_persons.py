"""The corpus persons benchmark on a tiny hand-made store: its JSON line and its floors."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from whosaid import store
from whosaid.model import Article, Event, Extraction, Quote, Speaker, Timex

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus_persons.py"
KEYS = {"benchmark", "articles", "quotes", "people", "share_min", "share_pooled", "persons_per_real_person",
        "pronoun_quotes_as_person", "dated_outside", "dated_outside_store", "dated_quotes", "persons_seconds",
        "per_person"}


def _article(doc: str, names: list[str]) -> tuple[Extraction, str]:
    text = " ".join(f'"We won in 1999," {n} said on Tuesday.' for n in names)
    quotes, speakers, at = [], [], 0
    for i, n in enumerate(names):
        s = text.index(f'"We won in 1999," {n}', at)
        sp = s + len('"We won in 1999," ')
        quotes.append(Quote(content_spans=[(s, s + 16)], speaker_spans=[(sp, sp + len(n))],
                            cue_spans=[(sp + len(n) + 1, sp + len(n) + 5)], speaker=n, speaker_id=f"s{i}",
                            cue="say", text="We won in 1999,"))
        speakers.append(Speaker(f"s{i}", n, "PERSON" if n[0].isupper() else "OTHER"))
        at = sp
    timexes = [Timex(q.content_spans[0][0] + 11, q.content_spans[0][0] + 15, "1999", "DATE", "1999") for q in quotes]
    timexes += [Timex(q.cue_spans[0][1] + 4, q.cue_spans[0][1] + 11, "Tuesday", "DATE", "2016-05-10") for q in quotes]
    events = [Event(0, len(text), text, "said", "1999", "explicit", [], "statement")]
    ex = Extraction(Article(doc=doc, text=text, date="2016-05-12"), quotes, speakers, timexes, events)
    return ex, doc


def test_benchmark_json_on_a_tiny_store(tmp_path, capsys):
    root = tmp_path / "store"
    store.upsert(root, [_article("a", ["Donald Trump", "they"]), _article("b", ["Donald J. Trump", "Trump"]),
                        _article("c", ["Rip Donald Trump", "Hillary Clinton"])])
    spec = importlib.util.spec_from_file_location("corpus_persons", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--store", str(root)]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert KEYS <= set(out)
    assert out["people"] == 2 and out["share_min"] >= 0.98 and out["persons_per_real_person"] == 1.0
    assert out["pronoun_quotes_as_person"] == 0
    assert out["dated_outside"] <= 0.005  # the quoted "1999" never dates the quote
    assert len(bench.PEOPLE) == 30
