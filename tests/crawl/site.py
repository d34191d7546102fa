"""Fixture publishers served on 127.0.0.1, in the shape of the real ones: paginated list pages, articles wrapped in
navigation bars, breadcrumbs, language toggles, share buttons and footers, and the failures real sites have.

Used by the crawl tests and by bench/bench_crawl.py; nothing here reaches outside this machine.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FURNITURE_TOP = ('<div class="header"><a href="/">Shanghai Municipal Government</a> | <a href="/zh/">中文版</a> | '
                 '<a href="/tw/">繁体</a></div><nav class="navbar"><a href="/news/index.html">News</a> <a href="/about">About</a></nav>'
                 '<div class="breadcrumb">Home &gt; News &gt; Press Releases</div>')
FURNITURE_BOTTOM = ('<div class="share">Share: WeChat Weibo LinkedIn</div>'
                    '<div class="footer">Copyright 2024 Information Office. All rights reserved. Tel 021-12345678</div>')

DISTRICTS = ["Jiading", "Qingpu", "Songjiang", "Minhang", "Baoshan", "Fengxian", "Jinshan", "Putuo"]


def article_text(i: int) -> tuple[str, list[str]]:
    district = DISTRICTS[i % len(DISTRICTS)]
    title = f"Press Release for Media Briefing of the Shanghai Municipal Government on August {1 + i % 28}, 2023"
    paragraphs = [
        f"{district} District held a press briefing on its high-quality development, release number {i}.",
        f"In the first half of this year, the district's GDP reached {100 + i}.5 billion yuan, up {3 + i % 7}.1% year on year.",
        f"The district is home to {1000 + 37 * i} high-tech enterprises and aims to reach {3000 + i} by 2025.",
    ]
    return title, paragraphs


def article_html(i: int, version: int = 1) -> str:
    title, paragraphs = article_text(i)
    if version > 1:
        paragraphs = paragraphs + [f"Revised: fixed-asset investment grew by {version}.5% in the first half."]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} - SHIO</title></head><body>{FURNITURE_TOP}"
            f"<div class='article'><h1>{title}</h1><div class='date'>2023-08-{1 + i % 28:02d}</div>{body}</div>"
            f"{FURNITURE_BOTTOM}</body></html>")


ZH_ARTICLES = [
    ("嘉定区举行高质量发展专场新闻发布会", "今年上半年，嘉定区实现地区生产总值1245.6亿元，同比增长9.1%。全区新设市场主体2.4万户。"),
    ("青浦区经济运行情况", "1-8月，青浦区规上工业总产值达到1400.2亿元，同比增长5.3%。"),
    ("松江区统计公报", "2023年，松江区一般公共预算收入185.3亿元，比上年增长8.2%。"),
]


def zh_article_html(i: int) -> bytes:
    title, text = ZH_ARTICLES[i]
    html = (f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=gbk'><title>{title}</title></head><body>"
            f"<div class='nav'>首页 | 政务公开 | 统计数据</div><div class='TRS_Editor'><h1>{title}</h1><p>{text}</p></div>"
            f"<div class='footer'>版权所有 上海市人民政府</div></body></html>")
    return html.encode("gbk")


class Site:
    """One publisher: pages by path, each a function of the request, and a log of every request made."""

    def __init__(self, articles: int = 30, per_page: int = 10, special: bool = True, language: str = "en") -> None:
        self.language = language
        self.articles = articles
        self.per_page = per_page
        self.special = special
        self.versions: dict[str, int] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.hits: Counter[str] = Counter()
        self.hold: dict[str, float] = {}  # path -> seconds to wait before answering (every time)
        self.arrived = threading.Event()  # set when a held path's request arrives
        self.lock = threading.Lock()
        self.huge_bytes = 600_000
        self.crawl_delay: float | None = None  # a Crawl-delay line in robots.txt
        self.times: dict[str, float] = {}  # path -> monotonic time of its latest request

    # pages

    def article_paths(self) -> list[str]:
        return [f"/news/content/{2023080000 + i}.html" for i in range(self.articles)]

    def special_paths(self) -> list[str]:
        if not self.special:
            return []
        return ["/news/content/missing.html", "/news/content/flaky.html", "/news/content/busy.html", "/news/content/slow.html",
                "/news/content/loop.html", "/news/content/moved.html", "/private/content/secret.html", "/news/content/huge.html"]

    def list_page(self, n: int) -> str:
        paths = self.article_paths()
        pages = max(1, -(-len(paths) // self.per_page))
        chunk = paths[(n - 1) * self.per_page:n * self.per_page]
        if n == 1:
            chunk = chunk + self.special_paths()
        items = "".join(f"<li><a href='{p}'>Briefing {p.rsplit('/', 1)[-1]}</a> <span>2023-08-{1 + k % 28:02d}</span></li>"
                        for k, p in enumerate(chunk))
        nav = f"<a href='index_{n + 1}.html'>Next</a>" if n < pages else ""
        return (f"<html><head><meta charset='utf-8'><title>Press Releases</title></head><body>{FURNITURE_TOP}<ul class='list'>{items}</ul>"
                f"<div class='pages'>{nav} <a href='mailto:press@example.org'>Contact</a></div>{FURNITURE_BOTTOM}</body></html>")

    def change(self, path: str) -> None:
        self.versions[path] = self.versions.get(path, 1) + 1

    def respond(self, path: str, headers: dict[str, str]) -> tuple[int, list[tuple[str, str]], bytes]:
        with self.lock:
            self.requests.append((path, headers))
            self.hits[path] += 1
            self.times[path] = time.monotonic()
            count = self.hits[path]
        if path in self.hold:
            self.arrived.set()
            time.sleep(self.hold[path])
        html = [("Content-Type", "text/html; charset=utf-8")]
        if path == "/robots.txt":
            delay = f"Crawl-delay: {self.crawl_delay}\n" if self.crawl_delay else ""
            return 200, [("Content-Type", "text/plain")], f"User-agent: *\nDisallow: /private/\n{delay}".encode()
        if self.language == "zh":
            if path == "/zh/list.html":
                items = "".join(f"<li><a href='/zh/art/{i}.html'>{t}</a> 2023年8月{i + 1}日</li>" for i, (t, _) in enumerate(ZH_ARTICLES))
                page = f"<html><head><meta charset='gbk'></head><body><ul>{items}</ul></body></html>".encode("gbk")
                return 200, [("Content-Type", "text/html")], page
            if path.startswith("/zh/art/"):
                i = int(path.rsplit("/", 1)[-1].split(".")[0])
                return 200, [("Content-Type", "text/html")], zh_article_html(i)
            return 404, html, b"<html><body>Not found</body></html>"
        if path == "/news/index.html" or path.startswith("/news/index_"):
            n = 1 if path == "/news/index.html" else int(path.split("_")[1].split(".")[0])
            return 200, html, self.list_page(n).encode()
        if path in self.special_paths():
            name = path.rsplit("/", 1)[-1]
            if name == "missing.html":
                return 404, html, b"<html><body>Not found</body></html>"
            if name == "flaky.html" and count == 1:
                return 500, html, b"<html><body>Internal error</body></html>"
            if name == "busy.html" and count == 1:
                return 429, html + [("Retry-After", "1")], b"<html><body>Slow down</body></html>"
            if name == "slow.html" and count == 1:
                time.sleep(1.5)
            if name == "loop.html":
                return 302, [("Location", "/news/content/loop2.html")], b""
            if name == "moved.html":
                return 301, [("Location", self.article_paths()[0])], b""
            if name == "huge.html":
                return 200, html, b"<html><body>" + b"<p>filler text</p>" * (self.huge_bytes // 17) + b"</body></html>"
            return 200, html, article_html(900 + self.special_paths().index(path)).encode()
        if path == "/news/content/loop2.html":
            return 302, [("Location", "/news/content/loop.html")], b""
        if path in self.article_paths():
            i = self.article_paths().index(path)
            body = article_html(i, self.versions.get(path, 1)).encode()
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            modified = formatdate(1_690_000_000 + 86_400 * self.versions.get(path, 1), usegmt=True)
            if headers.get("if-none-match") == etag:
                return 304, [("ETag", etag)], b""
            return 200, html + [("ETag", etag), ("Last-Modified", modified)], body
        return 404, html, b"<html><body>Not found</body></html>"


class Server:
    """A real HTTP server on 127.0.0.1 and a free port, in a thread, serving a Site."""

    def __init__(self, site: Site) -> None:
        self.site = site
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                status, headers, body = owner.site.respond(self.path, {k.lower(): v for k, v in self.headers.items()})
                try:
                    self.send_response(status)
                    for key, value in headers:
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def handle(self) -> None:
                try:
                    super().handle()
                except (ConnectionResetError, BrokenPipeError):
                    pass  # the crawler gave up on a slow answer: that is what the test wanted

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Server":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def sources_toml(en_base: str, zh_base: str | None = None, delay: float = 0.0, timeout: float = 1.0, max_page_bytes: int = 300_000) -> str:
    text = (f'[crawl]\nuser_agent = "hqd-test"\ncontact = "tests@example.org"\ndelay = {delay}\ntimeout = {timeout}\nretries = 2\n'
            f'max_redirects = 3\nmax_page_bytes = {max_page_bytes}\n\n'
            f'[[source]]\nname = "fixture-en"\nlanguage = "en"\nstart_urls = ["{en_base}/news/index.html"]\n'
            f"article = '/content/[\\w-]+\\.html$'\nnext_page = '^Next$|index_\\d+\\.html$'\n")
    if zh_base:
        text += (f'\n[[source]]\nname = "fixture-zh"\nlanguage = "zh"\nstart_urls = ["{zh_base}/zh/list.html"]\n'
                 f"article = '/zh/art/\\d+\\.html$'\n")
    return text


# Page layouts of the kinds the publishers use, for measuring main-text extraction: each takes a headline and
# paragraphs and returns the page and the furniture strings that must not reach the article text.
def _shio(title: str, paragraphs: list[str]) -> str:
    return article_page(title, paragraphs)


def article_page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} - SHIO</title></head><body>{FURNITURE_TOP}"
            f"<div class='article'><h1>{title}</h1><div class='date'>2023-08-22</div>{body}</div>{FURNITURE_BOTTOM}</body></html>")


def _gov_cn(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p style='text-indent:2em'>{p}</p>" for p in paragraphs)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><table width='100%'><tr><td class='top'>"
            f"<a href='/'>首页</a> | <a href='/zwgk'>政务公开</a> | <a href='/hdjl'>互动交流</a></td></tr><tr><td>"
            f"<div class='position'>当前位置：首页 &gt; 政务公开 &gt; 统计数据</div><div class='title'>{title}</div>"
            f"<div class='info'>发布日期：2023-08-22 来源：区统计局 字号：大 中 小</div><div class='TRS_Editor'>{body}</div>"
            f"<div class='print'>【打印本页】【关闭窗口】</div></td></tr></table><div class='bottom'>主办单位：上海市嘉定区人民政府办公室 "
            f"沪ICP备12345678号</div></body></html>")


def _news(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    related = "".join(f"<li><a href='/news/{k}'>Related story number {k} about the city</a></li>" for k in range(6))
    return (f"<html><head><title>{title} | SHINE News</title></head><body><header><a href='/'>SHINE</a> Metro Business Culture</header>"
            f"<main><article><h1>{title}</h1><div class='byline'>By Reporter Li Qian | Updated: 2023-08-22</div>{body}"
            f"<div class='share-bar'>Share this story on Facebook Twitter</div></article><aside><h3>Most read</h3><ul>{related}</ul></aside>"
            f"</main><footer>Shanghai Daily 2023 沪ICP备05050403</footer></body></html>")


def _plain(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<div>{p}</div>" for p in paragraphs)
    links = " ".join(f"<a href='/c/{k}'>Channel {k}</a>" for k in range(8))
    return (f"<html><head><title>{title}</title></head><body><div>{links}</div><div><b>{title}</b></div>{body}"
            f"<div>Contact us: office@example.org Phone 021-87654321</div></body></html>")


LAYOUTS = {
    "shio": (_shio, ["中文版", "Copyright", "Share: WeChat", "Home > News", "About"]),
    "gov.cn": (_gov_cn, ["当前位置", "打印本页", "主办单位", "互动交流", "字号"]),
    "news": (_news, ["Related story number", "Share this story", "Most read", "Metro Business Culture"]),
    "plain": (_plain, ["Channel 3", "Contact us"]),
}
