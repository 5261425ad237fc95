"""Article metadata given beside the files (`whosaid build --meta FILE.csv|.tsv`), and the outlet a file's folder
names.

A sidecar is a CSV or TSV file (a `.tsv` name, or a tab in its header row, means tab-separated) with a header row
naming its columns, in any order and any subset: the file (`file`, `stem`, `doc` or `filename`: the file's stem or
its name, with or without its folder) and any of `title`, `date` (YYYY-MM-DD), `outlet` (or `publisher`), `url`
and `author`. A non-empty value wins over what the file itself says; an empty one says nothing. Read with the
standard `csv` module, so quoted fields may hold commas, tabs and line breaks.

The folder rule (`folder_outlet`): when `build` or `extract` is given a folder, a file inside one of that folder's
subfolders takes the subfolder's name as its outlet (`articles/guardian/2016/x.txt` given `articles` is
"guardian"); a file directly in the given folder, or named on the command line, has no folder outlet.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, fields
from pathlib import Path

from whosaid.dates import is_day

KEYS = ("file", "stem", "doc", "filename")  # the column naming the article file, first found wins
SYNONYMS = {"publisher": "outlet", "publication_date": "date"}  # other names of a field (PolNeAR's metadata.tsv)
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class Meta:
    """What a sidecar row says of one article (None: nothing)."""

    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    author: str | None = None

    def given(self) -> dict[str, str]:
        """The fields this row gives, by name."""
        return {f.name: v for f in fields(self) if (v := getattr(self, f.name))}


FIELDS = tuple(f.name for f in fields(Meta))


class SidecarError(ValueError):
    """A sidecar that cannot be used at all; the message says why."""


def stem_of(value: str) -> str:
    """The file stem a sidecar's file column means: its last path part, without an article suffix."""
    name = value.strip().replace("\\", "/").rsplit("/", 1)[-1]
    return Path(name).stem if name.lower().endswith(TEXT_SUFFIXES) else name


def _dialect(path: Path, head: str) -> str:
    return "\t" if path.suffix.lower() == ".tsv" or "\t" in head else ","


def read_meta(path: str | Path) -> tuple[dict[str, Meta], list[str]]:
    """(what the sidecar says of each file stem, a one-line reason for each row or value left out); raises
    SidecarError when the file has no header naming a file column."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise SidecarError(f"{p}: cannot be read ({exc.strerror}).") from None
    except UnicodeDecodeError:
        raise SidecarError(f"{p}: is not UTF-8 text; save the sidecar as UTF-8.") from None
    rows = csv.reader(text.splitlines(keepends=True), delimiter=_dialect(p, text.split("\n", 1)[0]))
    header = [SYNONYMS.get(h.strip().casefold(), h.strip().casefold()) for h in next(rows, [])]
    key = next((header.index(k) for k in KEYS if k in header), None)
    if key is None:
        raise SidecarError(f"{p}: the header row names no file column ({', '.join(KEYS)}); found "
                           f"{', '.join(header) or 'nothing'}.")
    cols = {name: header.index(name) for name in FIELDS if name in header}
    out, problems, where = {}, [], {}
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cell = {name: (row[i].strip() if i < len(row) else "") for name, i in cols.items()}
        stem = stem_of(row[key]) if key < len(row) else ""
        if not stem:
            problems.append(f"{p}: line {line}: names no file (the {header[key]!r} column is empty); row left out.")
            continue
        if cell.get("date") and not is_day(cell["date"][:10]):
            problems.append(f"{p}: line {line}: {cell['date']!r} is not a date like 2017-08-16; the row's date is "
                            "left out.")
            cell["date"] = ""
        cell["date"] = cell.get("date", "")[:10]
        if stem in where:
            problems.append(f"{p}: line {line}: {stem} was named on line {where[stem]} too; the later row is used.")
        where[stem] = line
        out[stem] = Meta(**{name: value or None for name, value in cell.items()})
    return out, problems


def folder_outlet(path: Path, given: Path) -> str | None:
    """The outlet a file's folder names: the first subfolder of the folder `given` on the command line that holds
    it, or None for a file directly in `given`."""
    parts = path.relative_to(given).parts
    return parts[0] if len(parts) > 1 else None
