"""Test helper: the Wikinews Apple articles (TimeML, in ../shared) as plain-text articles with their dates."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import SHARED

WIKINEWS = SHARED / "corpora" / "wikinews-timeline" / "Corpus-trial-data_task4_TimeML"


def detokenise(text: str) -> str:
    """Undo the corpus' spaces around punctuation ("Apple 's" -> "Apple's", "( SMB )" -> "(SMB)")."""
    text = re.sub(r" ([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    return re.sub(r" (['’](?:s|re|ve|ll|d|t)\b|n't)", r"\1", text)


def write_articles(out: Path, limit: int | None = None) -> Path:
    """Write DOCID.txt (headline, blank line, body) for each article and dates.tsv; returns dates.tsv."""
    out.mkdir(parents=True, exist_ok=True)
    dates = []
    for tml in sorted(WIKINEWS.glob("*.tml"))[:limit]:
        root = ET.fromstring(tml.read_text(encoding="utf-8"))
        doc = root.findtext("DOCID").strip()
        dct = root.find("DCT/TIMEX3").get("value")
        if re.fullmatch(r"\d\d-\d\d-\d{4}", dct):
            dct = f"{dct[6:]}-{dct[3:5]}-{dct[:2]}"
        sentences = [detokenise(" ".join("".join(s.itertext()).split())) for s in root.find("TEXT").findall("s")]
        title = detokenise(root.findtext("EXTRAINFO") or tml.stem.split("-", 1)[-1].replace("_", " "))
        (out / f"wikinews-{doc}.txt").write_text(f"{title}\n\n" + "\n\n".join(sentences[1:]) + "\n", encoding="utf-8")
        dates.append(f"wikinews-{doc}\t{dct[:10]}")
    (out / "dates.tsv").write_text("\n".join(dates) + "\n", encoding="utf-8")
    return out / "dates.tsv"
