"""Links on a list page: which are articles, which is the next page, and the date printed beside each article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urldefrag, urljoin

from bs4 import BeautifulSoup

from .config import Source

# List pages print each article's date beside its link: "2023-08-22", "2023/08/22", "2023.08.22", "2023年8月22日".
_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)")


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    text: str
    listed: date | None  # the date printed beside the link on the list page, if any


def date_in(text: str) -> date | None:
    match = _DATE.search(text)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def list_links(source: Source, page_url: str, html: str) -> tuple[list[Link], list[str]]:
    """The article links (in page order, each once) and the next-page URLs of a list page, all within the source."""
    soup = BeautifulSoup(html, "html.parser")
    articles: dict[str, Link] = {}
    pages: list[str] = []
    for anchor in soup.find_all("a", href=True):
        href = anchor["href"].strip()
        if href.startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        url = urldefrag(urljoin(page_url, href))[0]
        if not url.startswith(("http://", "https://")) or not source.allows(url) or url == page_url:
            continue
        text = " ".join(anchor.get_text(" ", strip=True).split())
        if source.next_page is not None and (source.next_page.search(url) or source.next_page.search(text)):
            if url not in pages:
                pages.append(url)
        elif source.article.search(url) and url not in articles:
            holder = anchor.find_parent(["li", "tr", "p", "div", "dd"]) or anchor
            articles[url] = Link(url, text, date_in(holder.get_text(" ", strip=True)))
    return list(articles.values()), pages
