"""Sources -> documents: read bytes, decode them, turn HTML into text.

The text returned here is the one every offset indexes; ``hqd text`` prints it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, CData, Comment, NavigableString, PageElement, Tag

from .errors import (
    BinarySourceError,
    EmptySourceError,
    SourceTooLargeError,
    UndecodableSourceError,
    UnreadableSourceError,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_DROPPED_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "select", "template", "head"}
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "table", "tr", "td", "th", "blockquote", "pre", "br", "hr", "dd", "dt", "dl", "figure", "figcaption", "title",
}
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<p[\s>]|<div[\s>])", re.IGNORECASE)


@dataclass(slots=True)
class SourceText:
    source: str
    text: str
    sha256: str
    is_html: bool = False
    warnings: list[str] = field(default_factory=list)


def read_source(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read one file (or ``-`` for stdin) into text, raising a SourceError naming the file."""
    try:
        if path == "-":
            import sys

            raw = read_limited(sys.stdin.buffer, max_bytes)
            if raw is None:
                raise SourceTooLargeError("-", None, max_bytes)
        else:
            p = Path(path)
            size = p.stat().st_size
            if size > max_bytes:
                raise SourceTooLargeError(path, size, max_bytes)
            raw = p.read_bytes()
    except IsADirectoryError:
        raise UnreadableSourceError(path, "it is a directory") from None
    except OSError as exc:
        raise UnreadableSourceError(path, exc.strerror or str(exc)) from None
    if len(raw) > max_bytes:
        raise SourceTooLargeError(path, len(raw), max_bytes)
    return source_from_bytes(path, raw, is_html=looks_like_html(path, raw))


def looks_like_html(name: str, raw: bytes) -> bool:
    """HTML by its name's suffix, or by how its bytes begin (a doctype, <html>, <head>, <body>, <meta>, <p>, <div>)."""
    return name.lower().endswith((".html", ".htm")) or bool(_HTML_SNIFF.match(_sniff_head(raw)))


def read_limited(stream, max_bytes: int) -> bytes | None:
    """At most ``max_bytes`` from a stream, or None when it holds more: a stream has no size to check first,
    so one byte past the limit is read to tell, and no more (200 MB piped in are not held in memory)."""
    chunks, total = [], 0
    while total <= max_bytes:
        chunk = stream.read(min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return None if total > max_bytes else b"".join(chunks)


def _sniff_head(raw: bytes) -> bytes:
    """The first bytes as ASCII-compatible bytes for the HTML sniff (a UTF-16 or UTF-32 page starts with a BOM)."""
    for bom, codec in _WIDE_BOMS:
        if raw.startswith(bom):
            return raw[len(bom):len(bom) + 2048].decode(codec, "replace").encode("ascii", "replace")
    return raw[:512]


def source_from_bytes(source: str, raw: bytes, is_html: bool = False, encoding: str | None = None) -> SourceText:
    """Decode raw bytes (with ``encoding`` when the server or the page declares one); HTML is reduced to its visible text."""
    if not raw.strip():
        raise EmptySourceError(source)
    declared = _declared_decoding(raw, encoding)
    text, warnings = (declared, []) if declared is not None else decode_bytes(source, raw)
    if is_html:
        text = html_to_text(text)
        if not text.strip():
            raise EmptySourceError(source)
    return SourceText(source, text, hashlib.sha256(raw).hexdigest(), is_html, warnings)


# UTF-32 before UTF-16: the UTF-32LE mark begins with the UTF-16LE one
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
              (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# Legacy encodings a briefing may come in. GB18030 covers GBK and GB2312; Windows-1252 covers the printable
# Latin-1 and adds the curly quotes and dashes of Western word processors. Bytes that decode under several are
# judged by charset-normalizer, which measures how plausible each decoding reads (Latin-1 prose decoded as
# GB18030 is a run of rare ideographs, and a GB18030 text decoded as Windows-1252 is a run of accented letters).
_LEGACY = {"gb18030": "GB18030", "cp1252": "Windows-1252", "latin_1": "Latin-1"}


def decode_bytes(source: str, raw: bytes) -> tuple[str, list[str]]:
    """Text from bytes: a byte-order mark names the encoding (UTF-8, UTF-16, UTF-32); otherwise UTF-8, else the
    likeliest legacy encoding with a warning naming it. A NUL anywhere outside UTF-16/32 means binary."""
    for bom, codec in _WIDE_BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise UndecodableSourceError(source) from None
            if "\x00" in text or _control_ratio(text) > 0.05:
                raise BinarySourceError(source)
            return text, []
    if b"\x00" in raw:
        raise BinarySourceError(source)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=list(_LEGACY)).best()
    if best is None or best.encoding not in _LEGACY:
        raise UndecodableSourceError(source)
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise BinarySourceError(source)
    return text, [f"{source}: not UTF-8, decoded as {_LEGACY[best.encoding]}"]


# Pages labelled GB2312 or GBK routinely hold characters only GB18030 has; it is a superset of both.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-1": "cp1252", "latin-1": "cp1252"}


def _declared_decoding(raw: bytes, encoding: str | None) -> str | None:
    """The text in a declared encoding, or None when there is no declaration, Python does not know it, or it fails."""
    if not encoding:
        return None
    import codecs

    name = _SUPERSETS.get(encoding.lower(), encoding)
    try:
        codecs.lookup(name)
        return raw.decode(name).removeprefix("\ufeff")
    except (LookupError, UnicodeDecodeError):
        return None


def _control_ratio(text: str) -> float:
    """The share of control and format characters (and private, unassigned or surrogate code points) in a sample:
    bytes that decode but are no text, such as a stray byte-order mark every other character."""
    sample = text[:4096]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or (ord(c) > 127 and unicodedata.category(c) in _NOT_TEXT))
    return bad / max(1, len(sample))


_NOT_TEXT = {"Cc", "Cf", "Co", "Cn", "Cs"}


_CONTENT_HINT = re.compile(r"article|content|detail|story|post-body|main-text|TRS_Editor|news_text", re.IGNORECASE)


_DATE_ONLY = re.compile(
    r"^\s*(?:(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+(?:19|20)\d{2})\s*$"
)


# A short line of page furniture with a date: "Source: ShanghaiEye | 2023-03-21 | Editor: Zhou Ming", "Updated: 2024-01-18 10:00"
_DATED_FURNITURE = re.compile(
    r"^(?=.{0,160}$)(?=.*\b(?:Source|Editor|Author|Updated|Published|Released?|Reporter|By)\b).*?(?<!\d)(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?!\d)",
    re.DOTALL,
)


def _is_date_line(text: str) -> bool:
    return bool(_DATE_ONLY.match(text) or _DATED_FURNITURE.match(text.strip()))


def _date_line_before(block: Tag) -> Tag | None:
    """A short element holding only a date, or furniture with one, printed before the article block (the release date)."""
    for element in block.find_all_previous(string=_is_date_line, limit=5):
        parent = element.parent
        if isinstance(parent, Tag) and parent.name not in ("title", "script", "style"):
            return parent
    return None


def _main_content(soup: BeautifulSoup, page_title: str = "") -> Tag:
    """The article itself when the page marks it (<article>, <main>, or a content-classed block holding
    most of the page's text); otherwise the whole body. Menus, share bars and link lists fall away."""
    body = soup.body or soup
    total = len(body.get_text(" ", strip=True)) or 1
    candidates = soup.find_all(["article", "main"]) + [
        tag for tag in soup.find_all(["div", "section", "td"])
        if _CONTENT_HINT.search(" ".join(tag.get("class", [])) + " " + (tag.get("id") or ""))
    ]
    sizes = _text_sizes(body, candidates)
    best = None
    for tag in candidates:
        size = sizes[id(tag)][0]
        if size >= 0.5 * total and (best is None or size < best[0]):
            best = (size, tag)  # the smallest block that still holds most of the text
    if best is None:
        return body
    date_line = _date_line_before(best[1])
    if date_line is not None and not _holds(date_line, best[1]):
        best[1].insert(0, date_line.extract())  # the release date printed above the article
    # the headline: the <h1>, or a lower heading that the page title repeats ("Headline - Site")
    title = soup.find("h1") or next((h for h in soup.find_all(["h2", "h3"])
                                     if page_title and _same_headline(page_title, h.get_text(" ", strip=True))), None)
    if title is not None and title not in best[1].descendants and not _holds(title, best[1]):
        best[1].insert(0, title.extract())  # keep the headline when it sits outside the content block
    return best[1]


def _holds(outer: Tag, inner: Tag) -> bool:
    """``inner`` lies inside ``outer`` (moving ``outer`` into ``inner`` would make the tree a loop)."""
    return any(parent is outer for parent in inner.parents)


def _text_sizes(root: Tag, tags: list[Tag]) -> dict[int, tuple[int, bool]]:
    """For each of ``tags`` (by id) inside ``root``: ``len(tag.get_text(" ", strip=True))`` and whether it holds an
    <h1>, all in one walk of the tree. Measuring each block on its own costs its size, and blocks nested
    thousands deep would cost the square of the page. (Block tags read NavigableString and CData, as get_text does.)"""
    wanted = {id(t) for t in tags}
    sizes: dict[int, tuple[int, bool]] = {}
    entered: dict[int, tuple[int, int, int]] = {}
    length = count = h1s = 0
    stack: list[tuple[PageElement, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            length0, count0, h1s0 = entered.pop(id(node))
            sizes[id(node)] = (length - length0 + max(0, count - count0 - 1), h1s > h1s0)
            continue
        if isinstance(node, NavigableString):
            if type(node) in (NavigableString, CData) and (stripped := node.strip()):
                length += len(stripped)
                count += 1
            continue
        if not isinstance(node, Tag):
            continue
        if id(node) in wanted:
            entered[id(node)] = (length, count, h1s)
            stack.append((node, True))
        if node.name == "h1" and node is not root:
            h1s += 1
        stack.extend((child, False) for child in reversed(node.contents))
    return sizes


_LAYOUT_INSIDE = ["p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote"]


def _data_row_cells(tag: Tag) -> list[str] | None:
    """The cells' texts of a table row holding data, or None: not a row, or a layout row that holds paragraphs."""
    if tag.name != "tr":
        return None
    cells = tag.find_all(["td", "th"], recursive=False)
    if len(cells) < 2 or any(cell.find(_LAYOUT_INSIDE) for cell in cells):
        return None
    return [re.sub(r"\s+", " ", cell.get_text(" ", strip=True)).replace("|", "/") for cell in cells]


def _same_headline(title: str, paragraph: str) -> bool:
    """The page title is the headline, perhaps with the site's name after it ("Headline - Shanghai Daily")."""
    return title == paragraph or (title.startswith(paragraph) and bool(re.match(r"\s*[-|_–—:]\s", title[len(paragraph):])))


def _drop_furniture(soup: BeautifulSoup) -> None:
    """Drop blocks a page marks as its furniture (class or id "header", "nav", "menu", "footer", "breadcrumb") when they
    are small: "<div class="header">Jinshan District People's Government | English</div>" is no headline."""
    total = len((soup.body or soup).get_text(" ", strip=True)) or 1
    marked = [tag for tag in soup.find_all(["div", "section", "ul", "p", "span", "table"])
              if _FURNITURE_HINT.search(" ".join(tag.get("class", [])) + " " + (tag.get("id") or ""))]
    # measured before any is dropped: a block comes before the blocks inside it, and dropping one changes no other's size
    sizes = _text_sizes(soup, marked)
    for tag in marked:
        if vars(tag).get("_decomposed"):  # inside a block dropped before (bs4's `decomposed` property searches the subtree)
            continue
        size, has_h1 = sizes[id(tag)]
        if not has_h1 and size < max(120, 0.2 * total):
            tag.decompose()


_FURNITURE_HINT = re.compile(r"(?:^|[\s_-])(?:header|top-?bar|nav(?:bar|igation)?|menu|footer|breadcrumbs?|copyright|site-?links)(?:$|[\s_-])",
                             re.IGNORECASE)


# A language or script switch a site prints on every page: "| 中文版 |", "| 繁体 | 简体 |", "English | 中文"
_SWITCH_WORD = r"(?:中文版?|English|EN|CN|繁[体體]|[简簡][体體]|日本語|한국어|Français|Русский|Español|Deutsch)"
_LANGUAGE_SWITCH = re.compile(rf"^[\s|｜/·•]*{_SWITCH_WORD}(?:[\s|｜/·•]+{_SWITCH_WORD})*[\s|｜/·•]*$")


def is_page_furniture(paragraph: str) -> bool:
    """A paragraph that is only a language or script switch ("| 中文版 |", "| 繁体 | 简体 |"): no content of the article."""
    return len(paragraph) <= 60 and bool(_LANGUAGE_SWITCH.match(paragraph))


def _import_bs4() -> None:
    """BeautifulSoup takes about 80 ms to import: only a page of HTML pays for it, not every plain-text run of hqd."""
    global BeautifulSoup, CData, Comment, NavigableString, PageElement, Tag
    from bs4 import BeautifulSoup, CData, Comment, NavigableString, PageElement, Tag


def html_to_text(html: str) -> str:
    """Visible article text: one paragraph per block element, blank line between blocks."""
    _import_bs4()
    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(list(_DROPPED_TAGS)):
        tag.decompose()
    _drop_furniture(soup)
    body = _main_content(soup, title)
    parts: list[str] = []
    # An explicit stack, not recursion: a page nested a thousand levels deep is read like any other.
    # Entries are nodes still to visit, or strings to emit once a block's children are done.
    stack: list[Tag | NavigableString | str] = list(reversed(list(body.children)))
    while stack:
        child = stack.pop()
        if isinstance(child, str) and not isinstance(child, NavigableString):
            parts.append(child)  # a block's closing break
            continue
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            parts.append(str(child))
            continue
        if not isinstance(child, Tag) or child.name in _DROPPED_TAGS:
            continue
        cells = _data_row_cells(child)
        if cells is not None:
            parts.append("\n\n" + " | ".join(cells) + "\n\n")  # one line a row, for extraction to read by headers
            continue
        block = child.name in _BLOCK_TAGS
        if block:
            parts.append("\n\n")
            stack.append("\n\n")
        stack.extend(reversed(list(child.children)))

    raw = "".join(parts)
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", raw)]
    paragraphs = [p for p in paragraphs if p and not is_page_furniture(p)]
    if title and not any(_same_headline(title, p) for p in paragraphs[:3]):
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs) + "\n"
