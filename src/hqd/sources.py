"""Sources -> documents: read bytes, decode them, turn HTML into text.

The text returned here is the one every offset indexes; ``hqd text`` prints it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag

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

            raw = sys.stdin.buffer.read()
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
    return name.lower().endswith((".html", ".htm")) or bool(_HTML_SNIFF.match(raw[:512]))


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


def decode_bytes(source: str, raw: bytes) -> tuple[str, list[str]]:
    if b"\x00" in raw[:8192]:
        raise BinarySourceError(source)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        raise UndecodableSourceError(source) from None
    if _control_ratio(text) > 0.05:
        raise BinarySourceError(source)
    return text, [f"{source}: not UTF-8, decoded as GB18030"]


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
    sample = text[:4096]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return bad / max(1, len(sample))


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
    best = None
    for tag in candidates:
        size = len(tag.get_text(" ", strip=True))
        if size >= 0.5 * total and (best is None or size < best[0]):
            best = (size, tag)  # the smallest block that still holds most of the text
    if best is None:
        return body
    date_line = _date_line_before(best[1])
    if date_line is not None:
        best[1].insert(0, date_line.extract())  # the release date printed above the article
    # the headline: the <h1>, or a lower heading that the page title repeats ("Headline - Site")
    title = soup.find("h1") or next((h for h in soup.find_all(["h2", "h3"])
                                     if page_title and _same_headline(page_title, h.get_text(" ", strip=True))), None)
    if title is not None and title not in best[1].descendants:
        best[1].insert(0, title.extract())  # keep the headline when it sits outside the content block
    return best[1]


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
    for tag in soup.find_all(["div", "section", "ul", "p", "span", "table"]):
        if tag.decomposed:
            continue
        marks = " ".join(tag.get("class", [])) + " " + (tag.get("id") or "")
        if _FURNITURE_HINT.search(marks) and not tag.find("h1") and len(tag.get_text(" ", strip=True)) < max(120, 0.2 * total):
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
    global BeautifulSoup, Comment, NavigableString, Tag
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag


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

    def walk(node: Tag) -> None:
        for child in node.children:
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
            walk(child)
            if block:
                parts.append("\n\n")

    walk(body)
    raw = "".join(parts)
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", raw)]
    paragraphs = [p for p in paragraphs if p and not is_page_furniture(p)]
    if title and not any(_same_headline(title, p) for p in paragraphs[:3]):
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs) + "\n"
