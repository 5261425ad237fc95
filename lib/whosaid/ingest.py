"""Reading articles from files, folders and pasted text into `Article` records.

Every input gets an answer: an article, or an `IngestError` whose one-line message says why it was refused
(empty, binary, too large, no article text, a paywall stub, not English). The encoding comes from the bytes,
never from the name: a byte-order mark first, then UTF-8, then charset-normalizer's reading (Windows-1252 when
it fits as well as the best guess, since that is what the web means by Latin-1). What reading changed or noticed
is kept in `Article.notes`.
"""
from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from whosaid.dates import is_day, parse_day
from whosaid.language import detect as detect_language
from whosaid.language import foreign_language
from whosaid.model import Article
from whosaid.sidecar import Meta, folder_outlet

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
MAX_BYTES = 2_000_000  # about 300 pages of text: larger files are refused, not truncated
MIN_CHARS = 20
STUB_CHARS = 300  # a web page with less text than this is a paywall, consent or teaser page, not an article
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
MAGIC = (  # file signatures of what people save by mistake, to say what the file is
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or a Word, EPUB or OpenDocument file)"), (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"), (b"{\\rtf", "an RTF document"),
)
MAGIC_WITH_NUL = (  # signatures that are letters too: believed only when a NUL byte follows
    (b"GIF8", "a GIF image"), (b"Rar!", "a RAR archive"), (b"MZ", "a Windows program"), (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg audio file"), (b"wOFF", "a web font"), (b"SQLite format 3", "an SQLite database"),
)
CMS_TITLES = {"escenic", "wordpress", "drupal", "joomla", "arc publishing", "brightspot", "sitecore", "typo3",
              "ghost", "squarespace", "wix", "contentful", "untitled", "untitled document", "home", "homepage",
              "index", "document", "article", "page", "news"}


class IngestError(ValueError):
    """An input that cannot be read as an article; the message says why and what to do."""


def content_hash(data: bytes) -> str:
    """Short stable fingerprint of an input's bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def doc_id(name: str) -> str:
    """A document id from a file name: its stem, with characters unsafe in URLs replaced (no leading dot)."""
    stem = Path(name).stem if "." in Path(name).name else Path(name).name
    return re.sub(r"[^\w.\-]+", "-", stem).lstrip(".") or "article"


def _kind_of_binary(data: bytes) -> str | None:
    """What a binary file is, by its signature ('a PNG image'), or None."""
    head = data[:16]
    if head[4:8] == b"ftyp":
        return "a video or audio file"
    if head[:4] == b"RIFF" and b"\x00" in head:
        return "a WebP image, WAV or AVI file"
    what = next((what for magic, what in MAGIC if head.startswith(magic)), None)
    if what is None and b"\x00" in data[:8192]:
        what = next((what for magic, what in MAGIC_WITH_NUL if head.startswith(magic)), None)
    return what


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes read as UTF-16 text without a byte-order mark."""
    sample = data[:8192]
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    half = len(sample) // 2
    if half and odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if half and even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> str | None:
    """The encoding charset-normalizer reads the bytes in, preferring Windows-1252 when it fits as well."""
    from charset_normalizer import from_bytes as detect_encoding

    matches = detect_encoding(data[:200_000])
    best = matches.best()
    if best is None:
        return None
    for m in matches:  # encodings that read the bytes the same way come as one match
        if "cp1252" in m.could_be_from_charset and m.chaos <= best.chaos + 0.01:
            return "cp1252"
    return best.encoding


def decode(data: bytes, name: str = "input") -> tuple[str, list[str]]:
    """Bytes to text, with a note for each thing done to them; empty, binary and over-large data are refused."""
    if len(data) > MAX_BYTES:
        raise IngestError(f"{name}: {len(data):,} bytes is more than the {MAX_BYTES:,} an article may have; split it.")
    what = _kind_of_binary(data)
    if what:
        raise IngestError(f"{name}: this is {what}, not text or HTML.")
    encoding = next((enc for bom, enc in BOMS if data.startswith(bom)), None)
    how = "its byte-order mark" if encoding else "its bytes"
    encoding = encoding or _utf16_without_bom(data)  # before UTF-8, which ASCII with NUL bytes between also is
    if encoding is None:
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = _detect(data)
    if encoding is None or (b"\x00" in data[:8192] and not encoding.startswith(("utf-16", "utf-32"))):
        raise IngestError(f"{name}: this looks like a binary file, not text or HTML.")
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise IngestError(f"{name}: the text's encoding could not be told ({encoding} does not fit).") from None
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise IngestError(f"{name}: the file is empty.")
    controls = sum(1 for ch in text[:10000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 10000):  # a few (a bell, colour codes) are text; binary has 1 in 8
        raise IngestError(f"{name}: this looks like a binary file, not text or HTML.")
    notes = [] if encoding == "utf-8" else ["a UTF-8 byte-order mark left out"] if encoding == "utf-8-sig" else [
        f"read as {codecs.lookup(encoding).name} (told by {how})"]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append("Windows or old Mac line ends made \\n (offsets index the text given with the article)")
    return text, notes


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


def _first_h1(html: str) -> str | None:
    """The text of the page's first <h1>, if it has one."""
    import lxml.html

    try:
        h1 = lxml.html.fromstring(html).xpath("//h1")
    except (ValueError, lxml.etree.LxmlError):
        return None
    text = re.sub(r"\s+", " ", h1[0].text_content()).strip() if h1 else ""
    return text if 3 <= len(text) <= 300 else None


def page_title(meta: dict, html: str, text: str) -> tuple[str | None, str | None]:
    """(title, note): the metadata's title, or the headline when that title names the CMS or the site."""
    title = re.sub(r"\s+", " ", meta.get("title") or "").strip()
    site = (meta.get("sitename") or "").strip().casefold()
    if title and title.casefold() not in CMS_TITLES and title.casefold() != site:
        return title, None
    better = _first_h1(html) or guess_title(text)
    if title and better:
        return better, f"the page's title {title!r} names its software or site: the headline is used instead"
    return better or title or None, None


def from_html(html: str, doc: str, path: str | None = None) -> Article:
    """Main text and metadata (title, date, URL) of an HTML page, via trafilatura; a paywall stub is refused."""
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
    if len(text) < STUB_CHARS:
        raise IngestError(f"{doc}: only {len(text)} characters of text in this page, too short to be an article "
                          "(a paywall, consent or teaser page?); save the page when it shows the whole article.")
    date = meta.get("date")
    title, note = page_title(meta, html, text)
    return Article(
        doc=doc, text=text + "\n", title=title,
        date=date if is_day(date) else None,
        date_source="metadata" if date else "none", date_confidence=0.9 if date else 0.0,
        url=meta.get("url"), path=path, outlet=page_outlet(meta), author=_clean(meta.get("author")), fmt="html",
        notes=[note] if note else [], verbatim=False,
    )


def _clean(value: object) -> str | None:
    """A metadata value with its white space folded, or None when empty."""
    text = re.sub(r"\s+", " ", value).strip() if isinstance(value, str) else ""
    return text or None


def host_of(url: str | None) -> str | None:
    """A URL's host name without a leading 'www.' ('https://www.nytimes.com/x' -> 'nytimes.com')."""
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def page_outlet(meta: dict) -> str | None:
    """The publisher a page's metadata names: its site name (og:site_name and the like, as trafilatura reads
    them), else its URL's host."""
    return _clean(meta.get("sitename")) or host_of(meta.get("url"))


def from_text(text: str, doc: str, path: str | None = None, fmt: str = "text") -> Article:
    """An article from plain text or Markdown (kept as written, so offsets match the file)."""
    if len(text.strip()) < MIN_CHARS:
        raise IngestError(f"{doc}: there is too little text here to be an article.")
    title = guess_title(text)
    if fmt == "markdown" and title:
        title = title.lstrip("# ").strip() or None
    return Article(doc=doc, text=text, title=title, path=path, fmt=fmt)


def check_language(article: Article, name: str, any_language: bool = False) -> Article:
    """The article with its language noted; one surely not in English is refused unless `any_language`."""
    found = detect_language(article.text)
    article.lang = found[0] if found else None
    foreign = foreign_language(found)
    if foreign and not any_language:
        raise IngestError(f"{name}: the article is in {foreign} ({article.lang}), and whosaid's pipeline reads "
                          "English only; ask for any language (--any-language) to process it anyway.")
    if foreign:
        article.notes.append(f"in {foreign} ({article.lang}): read with the English pipeline as asked, "
                             "so expect few quotes and dates")
    return article


def from_bytes(data: bytes, name: str, path: str | None = None, *, any_language: bool = False) -> Article:
    """An article from a file's bytes; the name's suffix (or the content) tells text from HTML. A text not in
    English is refused unless `any_language`."""
    text, notes = decode(data, name)
    doc = doc_id(name)
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
        article = from_html(text, doc, path)
    else:
        article = from_text(text, doc, path, fmt="markdown" if suffix in {".md", ".markdown"} else "text")
    article.notes = notes + article.notes
    article.verbatim = article.verbatim and not notes
    return check_language(article, name, any_language)


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


def give_meta(article: Article, meta: Meta | None, *, folder: str | None = None) -> Article:
    """The article with a sidecar row's values, which win over what the file says, and its folder's outlet,
    which only fills in for a page that names no site (sidecar > page metadata > folder)."""
    if article.outlet is None:
        article.outlet = folder
    if meta is None:
        return article
    given = meta.given()
    for name in ("title", "url", "outlet", "author"):
        if name in given:
            setattr(article, name, given[name])
    return give_date(article, meta.date)


def iter_sources(sources: Iterable[str | Path]) -> Iterator[Path]:
    """Article files named directly or found (recursively, by suffix) in the folders given."""
    for path, _ in walk_sources(sources):
        yield path


def walk_sources(sources: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """(file, the outlet its folder names) for the article files named directly or found (recursively, by
    suffix) in the folders given; see `whosaid.sidecar.folder_outlet` for the folder rule."""
    for src in sources:
        p = Path(src)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            yield from ((f, folder_outlet(f, p)) for f in found)
        else:
            yield p, None
