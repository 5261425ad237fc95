"""A small corpus for the timeline tests, built from real extraction: three articles of 2–3 March 2016 that
report one happening (Ted Cruz won the Oklahoma primary on 1 March), other Super Tuesday events, and two dates
far off (1787, 1789) in one of them."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

ARTICLES = {
    "cruz-nyt": ("2016-03-02", """Cruz Takes Oklahoma

Senator Ted Cruz won the Oklahoma primary on March 1, 2016, beating Donald Trump by six points in a state where \
evangelical voters turned out in force.

"Oklahoma has spoken," Cruz told supporters in Houston.

Trump said the result did not worry him. "We won big almost everywhere else," Trump said.

The electoral college was created by the framers in 1787, and the first president took office in 1789.
"""),
    "cruz-politico": ("2016-03-02", """Cruz Wins Oklahoma Primary

Ted Cruz won the Oklahoma primary on March 1, 2016, beating Donald Trump there by six points as evangelical voters \
turned out.

"This is a victory for conservatives," Cruz said in Houston.

Marco Rubio won the Minnesota caucuses on March 1, 2016, his first victory of the campaign.

Hillary Clinton said on March 2, 2016, that the Democratic race was nearly settled.
"""),
    "cruz-wapo": ("2016-03-03", """Super Tuesday Results

Ted Cruz won the Oklahoma primary on March 1, 2016, beating Donald Trump by six points with the help of \
evangelical voters.

Donald Trump won seven states on March 1, 2016, including Georgia and Virginia.

"I am a unifier," Trump said at a news conference in Florida.

Bernie Sanders won Vermont on March 1, 2016, and said he would fight on.
"""),
}


def build_corpus(base: Path) -> Path:
    """Write the articles and their dates under `base` and build them with `whosaid build --dates`; the store."""
    folder = base / "articles"
    folder.mkdir(parents=True)
    for doc, (_, text) in ARTICLES.items():
        (folder / f"{doc}.txt").write_text(text, encoding="utf-8")
    dates = base / "dates.tsv"
    dates.write_text("".join(f"{doc}\t{day}\n" for doc, (day, _) in ARTICLES.items()), encoding="utf-8")
    out = base / "store"
    proc = subprocess.run([sys.executable, "-m", "whosaid", "build", str(folder), "--dates", str(dates), "--out",
                           str(out), "--workers", "1"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return out
