"""Reading articles from files, folders and pasted text into `Article` records."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from whosaid.dates import is_day, parse_day
from whosaid.model import Article

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
MAX_BYTES = 2_000_000  # about 300 pages of text (the parser's limit): larger files are refused, not truncated
MIN_CHARS = 20


class IngestError(ValueError):
    """An input that cannot be read as an article; the message says why and what to do."""


def content_hash(data: bytes) -> str:
    """Short stable fingerprint of an input's bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def doc_id(name: str) -> str:
    """A document id from a file name: its stem, with characters unsafe in URLs replaced."""
    stem = Path(name).stem if "." in Path(name).name else Path(name).name
    return re.sub(r"[^\w.\-]+", "-", stem) or "article"


def decode(data: bytes, name: str = "input") -> str:
    """Bytes to text (UTF-8, BOM tolerated, cp1252 fallback); binary data is refused."""
    if not data.strip():
        raise IngestError(f"{name}: the file is empty.")
    if len(data) > MAX_BYTES:
        raise IngestError(f"{name}: {len(data):,} bytes is more than the {MAX_BYTES:,} an article may have; split it.")
    if b"\x00" in data[:8192]:
        raise IngestError(f"{name}: this looks like a binary file, not text or HTML.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise IngestError(f"{name}: not valid UTF-8 text ({exc.reason}).") from None
    controls = sum(1 for ch in text[:10000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 10000):
        raise IngestError(f"{name}: this looks like a binary file, not text or HTML.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_like_html(text: str) -> bool:
    """Whether a text is HTML markup rather than prose."""
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or bool(re.search(r"<(p|div|article|body)\b", head))


def guess_title(text: str) -> str | None:
    """The first short line that reads like a headline (no closing full stop), if any."""
    for line in text.splitlines()[:12]:
        line = line.strip()
        if 3 <= len(line) <= 200 and len(line.split()) <= 25 and not line.endswith((".", "?", "!", ":", '"', "”")):
            return line
    return None


def from_html(html: str, doc: str, path: str | None = None) -> Article:
    """Main text and metadata (title, date, URL) of an HTML page, via trafilatura."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise IngestError(f"{doc}: the HTML could not be parsed ({type(exc).__name__}).") from None
    meta = result.as_dict() if result is not None and hasattr(result, "as_dict") else (result or {})
    text = (meta.get("text") or "").strip()
    if len(text) < MIN_CHARS:
        raise IngestError(f"{doc}: no article text was found in this HTML page.")
    date = meta.get("date")
    return Article(
        doc=doc, text=text + "\n", title=meta.get("title") or guess_title(text),
        date=date if is_day(date) else None,
        date_source="metadata" if date else "none", date_confidence=0.9 if date else 0.0,
        url=meta.get("url"), path=path, fmt="html",
    )


def from_text(text: str, doc: str, path: str | None = None, fmt: str = "text") -> Article:
    """An article from plain text or Markdown (kept as written, so offsets match the file)."""
    if len(text.strip()) < MIN_CHARS:
        raise IngestError(f"{doc}: there is too little text here to be an article.")
    title = guess_title(text)
    if fmt == "markdown" and title:
        title = title.lstrip("# ").strip() or None
    return Article(doc=doc, text=text, title=title, path=path, fmt=fmt)


def from_bytes(data: bytes, name: str, path: str | None = None) -> Article:
    """An article from a file's bytes; the name's suffix (or the content) tells text from HTML."""
    text = decode(data, name)
    doc = doc_id(name)
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
        return from_html(text, doc, path)
    return from_text(text, doc, path, fmt="markdown" if suffix in {".md", ".markdown"} else "text")


def read_file(path: str | Path) -> Article:
    """An article from one file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise IngestError(f"{p}: cannot be read ({exc.strerror}).") from None
    return from_bytes(data, p.name, str(p))


def read_dates(path: str | Path) -> dict[str, str]:
    """Publication dates by file stem from a TSV file (stem, tab, YYYY-MM-DD)."""
    dates = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.strip().split("\t")
        if len(parts) >= 2 and parse_day(parts[1]) is not None:
            dates[parts[0].strip()] = parts[1].strip()[:10]
    return dates


def give_date(article: Article, date: str | None) -> Article:
    """The article with a user-given publication date (which wins over metadata and text)."""
    if date:
        article.date, article.date_source, article.date_confidence = date, "given", 1.0
    return article


def iter_sources(sources: Iterable[str | Path]) -> Iterator[Path]:
    """Article files named directly or found (recursively, by suffix) in the folders given."""
    for src in sources:
        p = Path(src)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                              and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            yield p
