"""Which publishers to crawl and how, declared as data (``sources.toml``) and read into typed objects."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import HqdError


class SourcesFileError(HqdError):
    """A sources file that cannot be read or does not describe sources."""


@dataclass(frozen=True, slots=True)
class Source:
    """One publisher: its list pages, which of their links are articles, and how the list goes on to its next page."""

    name: str
    start_urls: tuple[str, ...]
    article: re.Pattern[str]  # an article link's absolute URL matches this
    next_page: re.Pattern[str] | None = None  # a list page's link to its next page matches this (URL or link text)
    language: str | None = None
    encoding: str | None = None  # when the site's headers and meta tags are known to lie
    hosts: frozenset[str] = field(default_factory=frozenset)  # links are followed only within these hosts

    def allows(self, url: str) -> bool:
        return (urlsplit(url).hostname or "") in self.hosts


@dataclass(frozen=True, slots=True)
class CrawlSettings:
    user_agent: str = "hqd-crawler"
    contact: str = ""
    delay: float = 1.0  # seconds between requests to one host; a larger Crawl-delay in robots.txt wins
    timeout: float = 20.0
    retries: int = 3
    max_retry_after: float = 60.0  # a Retry-After longer than this is not waited for: the page fails this time
    max_redirects: int = 5
    max_page_bytes: int = 5 * 1024 * 1024

    @property
    def agent_header(self) -> str:
        return f"{self.user_agent} (+{self.contact})" if self.contact else self.user_agent


def _source(entry: dict, where: str) -> Source:
    try:
        name = str(entry["name"])
        starts = entry["start_urls"]
        if isinstance(starts, str):
            starts = [starts]
        if not starts or not all(isinstance(u, str) and u.startswith(("http://", "https://")) for u in starts):
            raise SourcesFileError(f"{where}: source {name!r}: start_urls must be http(s) URLs")
        hosts = frozenset(entry.get("hosts") or {urlsplit(u).hostname for u in starts})
        return Source(
            name=name, start_urls=tuple(starts), article=re.compile(entry["article"]),
            next_page=re.compile(entry["next_page"]) if entry.get("next_page") else None,
            language=entry.get("language"), encoding=entry.get("encoding"), hosts=hosts,
        )
    except KeyError as exc:
        raise SourcesFileError(f"{where}: a source lacks {exc.args[0]!r} (each needs name, start_urls, article)") from None
    except re.error as exc:
        raise SourcesFileError(f"{where}: source {entry.get('name')!r}: bad pattern: {exc}") from None


def load_sources(path: str | Path | None = None) -> tuple[CrawlSettings, list[Source]]:
    """The crawl settings and sources of a TOML file; the ones shipped with hqd when ``path`` is None."""
    where = str(path) if path else "hqd/crawl/sources.toml"
    try:
        raw = Path(path).read_text("utf-8") if path else resources.files(__package__).joinpath("sources.toml").read_text("utf-8")
        data = tomllib.loads(raw)
    except OSError as exc:
        raise SourcesFileError(f"{where}: cannot be read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourcesFileError(f"{where}: not valid TOML: {exc}") from None
    known = {f for f in CrawlSettings.__dataclass_fields__}
    options = {k: v for k, v in (data.get("crawl") or {}).items() if k in known}
    unknown = set(data.get("crawl") or {}) - known
    if unknown:
        raise SourcesFileError(f"{where}: unknown [crawl] settings {sorted(unknown)} (known: {sorted(known)})")
    sources = [_source(entry, where) for entry in data.get("source", [])]
    names = [s.name for s in sources]
    if len(set(names)) != len(names):
        raise SourcesFileError(f"{where}: source names must be unique")
    return CrawlSettings(**options), sources


def source_for_url(url: str, language: str | None = None) -> Source:
    """A one-off source for a URL given on the command line: that page, and the links on it below its folder
    (a list page's articles sit below it: /news/index.html lists /news/content/...; the site's menu does not)."""
    parts = urlsplit(url)
    folder = parts.path.rsplit("/", 1)[0] + "/"
    prefix = f"{parts.scheme}://{parts.netloc}{folder}"
    return Source(name=parts.hostname or url, start_urls=(url,), article=re.compile(re.escape(prefix) + r"."), language=language,
                  hosts=frozenset({parts.hostname or ""}))
