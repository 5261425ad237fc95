"""Write the large hostile inputs (too big to commit) into a folder; the small ones are committed beside this file.

Usage: python tests/hostile/make_hostile.py OUT_DIR [--scale 1.0]

- `huge-article.txt`: a 20 MB article of ordinary paragraphs (more than an article may have);
- `long-paragraph.txt`: a 2 MB paragraph with no sentence end (just under the limit, so it must run through);
- `many-quotes.txt`: 5,000 short quotes in one article, by a few speakers, pronouns and colons.

`--scale` shrinks or grows every size but the huge article's, which stays over the 2 MB limit (the tests use a
small scale; the defaults are the sizes of issue 15).
The text is the same on every run (a seeded generator), so timings can be compared.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = ("the", "council", "city", "mayor", "officials", "program", "budget", "plan", "vote", "members", "residents",
         "police", "school", "water", "bridge", "funding", "report", "county", "state", "federal", "court", "ruling",
         "agency", "board", "committee", "public", "week", "month", "spring", "project", "workers", "union",
         "contract", "talks", "meeting", "agreement", "support", "law", "policy", "new", "old", "local", "national",
         "proposal", "costs", "taxes", "roads", "housing", "market", "district", "hearing")
VERBS = ("voted", "approved", "rejected", "discussed", "expanded", "reviewed", "delayed", "announced", "questioned",
         "funded")
SPEAKERS = ("Mayor Jane Smith", "Police Chief Omar Reyes", "Governor Ann Lee", "council member Tom Brooks")
PARAGRAPH = ("The city council voted on Tuesday to expand the program, officials said in a statement. "
             "The mayor said the plan would cost about $2 million a year and would start in the spring. "
             "Critics questioned the timing, arguing that the budget had been cut twice since 2015.\n\n")


def long_paragraph(chars: int, seed: int = 15) -> str:
    """One paragraph of words and commas, `chars` characters long, without a sentence end."""
    rng = random.Random(seed)
    out, n = [], 0
    while n < chars:
        w = rng.choice(WORDS) if rng.random() > 0.15 else rng.choice(VERBS)
        if rng.random() < 0.05:
            w += ","
        out.append(w)
        n += len(w) + 1
    return "Council Debate Runs On\n\n" + " ".join(out)[:max(0, chars - 24)] + "\n"


def many_quotes(n: int, seed: int = 15) -> str:
    """An article of `n` short quotes, one to four to a paragraph, in the usual attribution patterns."""
    rng = random.Random(seed)
    lines = ["Hearing Draws Thousands of Comments", ""]
    para: list[str] = []
    for i in range(n):
        who = SPEAKERS[i % len(SPEAKERS)]
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8)))
        pattern = i % 4
        if pattern == 0:
            para.append(f"“We will keep the {words} open, number {i},” {who} said.")
        elif pattern == 1:
            para.append(f"“The {words} matters,” she said on Monday.")
        elif pattern == 2:
            para.append(f"{who.split()[-1]} said: “This {words} is item {i}.”")
        else:
            para.append(f"“Nobody asked about the {words},” he added, “and that is item {i}.”")
        if len(para) >= rng.randint(1, 4):
            lines += [" ".join(para), ""]
            para = []
    if para:
        lines.append(" ".join(para))
    return "\n".join(lines) + "\n"


def huge_article(chars: int) -> str:
    """Ordinary paragraphs repeated to `chars` characters."""
    return ("Council Votes to Expand Program\n\n" + PARAGRAPH * (chars // len(PARAGRAPH) + 1))[:chars]


def write_all(out: Path, scale: float = 1.0) -> dict[str, Path]:
    """Write the large inputs into `out`; returns their paths by name."""
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "huge-article.txt": huge_article(max(int(20_000_000 * scale), 2_000_001)),  # always over the limit
        "long-paragraph.txt": long_paragraph(int(1_990_000 * scale)),
        "many-quotes.txt": many_quotes(max(1, int(5_000 * scale))),
    }
    paths = {}
    for name, text in files.items():
        paths[name] = out / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args()
    for path in write_all(args.out, args.scale).values():
        print(f"{path}\t{path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
