"""A polite HTTP client: robots.txt honoured, one request at a time per host with a delay, retries with backoff.

Politeness follows RFC 9309 (robots.txt: a 4xx file allows everything, a 5xx or an unreachable one disallows
everything) and the conventions crawlers share: a User-Agent naming the crawler and a contact, a Crawl-delay that
can only slow us down, Retry-After honoured on 429 and 503.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from .config import CrawlSettings

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class FetchError(Exception):
    """A page that could not be fetched, with the reason (and the status, where the server answered)."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


class _Retryable(Exception):
    def __init__(self, url: str, reason: str, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.url = url
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


@dataclass(slots=True)
class Response:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    request_headers: list[tuple[str, str]]
    fetched_at: datetime
    redirects: list[tuple[str, int]] = field(default_factory=list)  # (url, status) of each hop before the final one

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class PoliteClient:
    """Fetches pages one at a time per host, never faster than the delay, never where robots.txt says no."""

    def __init__(self, settings: CrawlSettings, transport: httpx.BaseTransport | None = None,
                 sleep=time.sleep, clock=time.monotonic) -> None:
        self.settings = settings
        self._client = httpx.Client(timeout=settings.timeout, follow_redirects=False, transport=transport,
                                    headers={"User-Agent": settings.agent_header})
        self._robots: dict[str, Protego | None] = {}  # None: robots.txt unreachable, so nothing is allowed
        self._next_time: dict[str, float] = {}
        self._sleep = sleep
        self._clock = clock
        self.requests = 0

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "PoliteClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # robots.txt

    def _origin(self, url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}"

    def robots(self, url: str) -> Protego | None:
        origin = self._origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        return self._robots[origin]

    def _load_robots(self, origin: str) -> Protego | None:
        try:
            response = self._request(origin + "/robots.txt", {}, check_robots=False)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return Protego.parse("")
            return None
        if response.status >= 400:
            return Protego.parse("") if response.status < 500 else None
        return Protego.parse(response.body.decode("utf-8", "replace"))

    def allowed(self, url: str) -> bool:
        rules = self.robots(url)
        return rules is not None and rules.can_fetch(url, self.settings.user_agent)

    def _delay_for(self, url: str) -> float:
        rules = self._robots.get(self._origin(url))
        crawl_delay = rules.crawl_delay(self.settings.user_agent) if rules is not None else None
        return max(self.settings.delay, float(crawl_delay or 0))

    # fetching

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        now = self._clock()
        due = self._next_time.get(host, now)
        if due > now:
            self._sleep(due - now)
        self._next_time[host] = max(now, due) + self._delay_for(url)

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` (conditionally, given a validator), following redirects within the limit and within robots.txt.

        Raises FetchError for a disallowed URL, a redirect loop or too many redirects, an oversized page, and a
        page still failing (429, 5xx, timeout) after the retries.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        hops: list[tuple[str, int]] = []
        current = url
        for _ in range(self.settings.max_redirects + 1):
            response = self._request(current, headers)
            if response.status not in REDIRECT_STATUSES:
                response.url = url
                response.redirects = hops
                return response
            location = response.header("location")
            if not location:
                raise FetchError(url, f"redirect {response.status} without a Location", response.status)
            hops.append((current, response.status))
            current = urljoin(current, location)
            if current in {u for u, _ in hops}:
                raise FetchError(url, f"redirect loop through {current}", response.status)
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects", 310)

    def _request(self, url: str, headers: dict[str, str], check_robots: bool = True) -> Response:
        if check_robots and not self.allowed(url):
            raise FetchError(url, "disallowed by robots.txt")

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            backoff = min(30.0, 2 ** (state.attempt_number - 1))
            if isinstance(exc, _Retryable) and exc.retry_after is not None:
                return max(backoff, exc.retry_after)
            return backoff

        retrying = Retrying(stop=stop_after_attempt(self.settings.retries + 1), wait=wait, sleep=self._sleep,
                            retry=retry_if_exception(lambda e: isinstance(e, _Retryable)), reraise=True)
        try:
            return retrying(self._once, url, headers)
        except _Retryable as exc:
            raise FetchError(url, exc.reason, exc.status) from None

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        self._wait_turn(url)
        self.requests += 1
        request = self._client.build_request("GET", url, headers=headers)
        fetched_at = datetime.now(timezone.utc)
        try:
            with self._client.stream("GET", url, headers=headers) as reply:
                declared = reply.headers.get("content-length")
                limit = self.settings.max_page_bytes
                if declared and declared.isdigit() and int(declared) > limit:
                    raise FetchError(url, f"page is {declared} bytes, over the {limit}-byte limit", reply.status_code)
                body = bytearray()
                for chunk in reply.iter_bytes():
                    body.extend(chunk)
                    if len(body) > limit:
                        raise FetchError(url, f"page is over the {limit}-byte limit", reply.status_code)
                status = reply.status_code
                reply_headers = list(reply.headers.multi_items())
        except httpx.TimeoutException:
            raise _Retryable(url, f"timed out after {self.settings.timeout:g} s") from None
        except httpx.TransportError as exc:
            raise _Retryable(url, f"connection failed: {type(exc).__name__}") from None
        if status in RETRY_STATUSES:
            retry_after = _retry_after(dict((k.lower(), v) for k, v in reply_headers).get("retry-after"))
            if retry_after is not None and retry_after > self.settings.max_retry_after:
                raise FetchError(url, f"HTTP {status}, Retry-After {retry_after:.0f} s is longer than we wait", status)
            raise _Retryable(url, f"HTTP {status}", status, retry_after)
        return Response(url=url, final_url=url, status=status, headers=reply_headers, body=bytes(body),
                        request_headers=list(request.headers.multi_items()), fetched_at=fetched_at)
