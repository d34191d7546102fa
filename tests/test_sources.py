import pytest

from hqd.errors import BinarySourceError, EmptySourceError, SourceTooLargeError, UndecodableSourceError, UnreadableSourceError
from hqd.sources import html_to_text, read_source


def test_utf8_bom_is_removed_and_nothing_else_changes(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"\xef\xbb\xbfLine one\r\n\r\nGDP grew 9.1%.\n")
    src = read_source(str(p))
    assert src.text == "Line one\r\n\r\nGDP grew 9.1%.\n"
    assert not src.warnings


def test_gb18030_is_decoded_with_a_warning(tmp_path):
    p = tmp_path / "zh.txt"
    p.write_bytes("上海 GDP 增长 9.1%".encode("gb18030"))
    src = read_source(str(p))
    assert "上海" in src.text
    assert any("GB18030" in w for w in src.warnings)


@pytest.mark.parametrize(
    "content, error",
    [(b"", EmptySourceError), (b"  \n\n ", EmptySourceError), (b"\x00\x01\x02binary\x00", BinarySourceError)],
)
def test_bad_files_raise_named_errors(tmp_path, content, error):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(error) as info:
        read_source(str(p))
    assert str(p) in str(info.value)


def test_missing_and_directory_and_too_large(tmp_path):
    with pytest.raises(UnreadableSourceError, match="missing.txt"):
        read_source(str(tmp_path / "missing.txt"))
    with pytest.raises(UnreadableSourceError, match="directory"):
        read_source(str(tmp_path))
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000)
    with pytest.raises(SourceTooLargeError, match="2000 bytes"):
        read_source(str(big), max_bytes=1000)


def test_undecodable_bytes(tmp_path):
    p = tmp_path / "odd.txt"
    p.write_bytes(b"\xff\xfe\xfd\xfc" * 10)
    with pytest.raises((UndecodableSourceError, BinarySourceError)):
        read_source(str(p))


def test_html_keeps_visible_article_text_only():
    html = """<html><head><title>Briefing</title><style>p{color:red}</style></head>
    <body><nav>Home | News</nav><script>var x = 100;</script>
    <h1>Press Release</h1><p>GDP grew <b>9.1%</b> to 124.83 billion
    yuan.</p><p>Second para.</p><footer>Copyright 2023</footer></body></html>"""
    text = html_to_text(html)
    assert "GDP grew 9.1% to 124.83 billion yuan." in text
    assert "var x" not in text and "Home | News" not in text and "Copyright" not in text
    assert "\n\nSecond para." in text


def test_html_file_is_detected_by_content(tmp_path):
    p = tmp_path / "page.dat"
    p.write_text("<!DOCTYPE html><html><body><p>Revenue rose 5%.</p></body></html>")
    src = read_source(str(p))
    assert src.is_html and src.text.strip() == "Revenue rose 5%."


def test_html_prefers_the_article_block_over_page_furniture():
    html = """<html><head><title>Pudong news</title></head><body>
    <div class="top-links"><a>Home</a> <a>English</a> <a>Services</a> Visitors: 12,345</div>
    <h1>Pudong's GDP grows</h1>
    <div id="detail-content" class="article-content"><p>In 2023, Pudong's GDP reached 1.7 trillion yuan.</p>
    <p>It rose 5.6 percent year on year, officials said at a briefing held in the district on Tuesday.</p></div>
    <div class="related"><p>Related: 3 new parks open</p></div>
    <div class="share">Share to WeChat</div></body></html>"""
    text = html_to_text(html)
    assert "1.7 trillion yuan" in text and "Pudong's GDP grows" in text
    assert "12,345" not in text and "Related" not in text and "WeChat" not in text
    assert text.startswith("Pudong news\n\n")  # the <title> stays the first line


def test_html_keeps_the_release_date_printed_above_the_article(tmp_path):
    page = tmp_path / "release.html"
    page.write_text("""<html><head><title>Press Release for Media Briefing on August 22, 2023</title></head><body>
    <div class="nav"><a href="/">Home</a> Visitors: 5,678</div>
    <div class="detail"><h2>Press Release for Media Briefing on August 22, 2023</h2><div class="info">2023.08.24</div>
    <div class="TRS_Editor"><p>The Information Office held the seventh press briefing (Jiading District special session).</p>
    <p>In the first half of this year, GDP was 124.83 billion yuan, marking an increase of 9.1%.</p></div></div>
    <div class="footer">Copyright 2023</div></body></html>""", encoding="utf-8")
    from hqd.extraction import extract_path

    doc = extract_path(str(page))
    assert doc.meta.published == "2023-08-24" and doc.meta.date == "2023-08-22"
    assert "5,678" not in doc.text and [q.text for q in doc.quantities] == ["124.83 billion yuan", "9.1%"]


def test_html_keeps_a_source_line_with_the_date_above_the_article():
    page = """<html><head><title>Baoshan steps up - Shanghai Eye</title></head><body><nav><a href="/">Home</a></nav>
    <h1>Baoshan steps up</h1><div class="meta">Source: ShanghaiEye | 2023-03-21 | Editor: Zhou Ming</div>
    <article><p>Baoshan District's revenue totaled 17.5 billion yuan in 2022, down 3.2 percent.</p>
    <p>Its port handled 4.1 million TEUs.</p></article><div class="share">Share | 2023-03-21 12:00</div></body></html>"""
    text = html_to_text(page)
    assert text.startswith("Baoshan steps up\n\nSource: ShanghaiEye | 2023-03-21 | Editor: Zhou Ming\n\nBaoshan District's")
    assert "Share" not in text  # a dated line after the article is not its release line


def test_html_data_tables_become_one_line_a_row_and_layout_tables_stay_prose():
    text = html_to_text(
        "<html><body><h1>Indicators</h1><table>"
        "<tr><th>Indicator</th><th>Value</th><th>Growth (%)</th></tr>"
        "<tr><td>Regional GDP (100 million yuan)</td><td>1,402.3</td><td><b>5.8</b></td></tr>"
        "</table><table><tr><td><p>First paragraph of the story.</p><p>Second one.</p></td><td>menu</td></tr></table>"
        "</body></html>"
    )
    lines = text.split("\n\n")
    assert "Indicator | Value | Growth (%)" in lines
    assert "Regional GDP (100 million yuan) | 1,402.3 | 5.8" in lines
    assert "First paragraph of the story." in lines and "Second one." in lines


def test_html_page_title_with_the_site_name_gives_way_to_the_headline():
    text = html_to_text("<html><head><title>Songjiang charts its course - Shanghai Daily</title></head>"
                        "<body><article><h1>Songjiang charts its course</h1><p>The district grew.</p></article></body></html>")
    assert text.split("\n\n")[0] == "Songjiang charts its course"
    assert "Shanghai Daily" not in text


def test_html_takes_a_lower_heading_as_the_headline_when_the_page_title_repeats_it():
    page = """<html><head><title>Xuhui District: AI industry accelerates - english.shanghai.gov.cn</title></head><body>
    <div class="header"><ul><li>Home</li><li>News</li></ul></div><div class="detail"><h2>Xuhui District: AI industry accelerates</h2>
    <div class="TRS_Editor"><p>The district's AI revenue reached 52.6 billion yuan, up 15.3 percent year on year.</p>
    <p>It has 1,000 AI enterprises.</p></div></div></body></html>"""
    assert html_to_text(page).startswith("Xuhui District: AI industry accelerates\n\nThe district's AI revenue")


def test_html_drops_small_blocks_marked_as_furniture_but_not_the_page():
    html = ("<html><body><div class=\"header\">Jinshan District People's Government | English</div>"
            "<h1>Jinshan at a glance</h1><p>GDP reached 118.7 billion yuan.</p>"
            "<div id=\"site-footer\">Copyright 2024</div></body></html>")
    text = html_to_text(html)
    assert text.splitlines()[0] == "Jinshan at a glance"
    assert "People's Government" not in text and "Copyright" not in text
    wrapped = "<html><body><div class=\"page-header\"><h1>Jinshan at a glance</h1><p>GDP reached 118.7 billion yuan.</p></div></body></html>"
    assert "118.7 billion yuan" in html_to_text(wrapped)  # a block holding the headline or most of the page stays


def test_language_switches_are_page_furniture():
    from hqd.sources import html_to_text, is_page_furniture

    for furniture in ("| 中文版 |", "| 繁体 | 简体 |", "English | 中文", "中文 / English"):
        assert is_page_furniture(furniture), furniture
    for content in ("English is the working language.", "China's GDP grew 5%.", "| Indicator | Value |"):
        assert not is_page_furniture(content), content
    html = "<html><body><p>| 中文版 |</p><p>| 繁体 | 简体 |</p><p>Jiading's GDP grew 9.1%.</p></body></html>"
    assert html_to_text(html) == "Jiading's GDP grew 9.1%.\n"

# --- hardening (issue 14): odd bytes and odd pages are read or refused by name, never crash ---

from hqd.sources import read_limited, source_from_bytes  # noqa: E402

BRIEFING = "In the first half of 2023, Jiading's GDP reached 124.83 billion yuan, up 9.1%.\n"


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                        ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_utf16_and_utf32_with_a_bom_are_decoded(tmp_path, codec, bom):
    p = tmp_path / "wide.txt"
    p.write_bytes(bom + ("上海 " + BRIEFING).encode(codec))
    src = read_source(str(p))
    assert src.text == "上海 " + BRIEFING and not src.warnings


def test_a_utf16_page_is_sniffed_as_html(tmp_path):
    p = tmp_path / "page.dat"
    p.write_bytes(b"\xff\xfe" + "<!DOCTYPE html><html><body><p>Revenue rose 5%.</p></body></html>".encode("utf-16-le"))
    src = read_source(str(p))
    assert src.is_html and src.text.strip() == "Revenue rose 5%."


def test_a_nul_anywhere_makes_a_file_binary(tmp_path):
    p = tmp_path / "late.txt"
    p.write_bytes(BRIEFING.encode() * 200 + b"\x00" + BRIEFING.encode())  # the NUL is past the first 8 KiB
    assert p.stat().st_size > 8192
    with pytest.raises(BinarySourceError, match="late.txt"):
        read_source(str(p))
    wide = tmp_path / "wide.txt"
    wide.write_bytes(b"\xff\xfe" + (BRIEFING * 200 + "\x00").encode("utf-16-le"))
    with pytest.raises(BinarySourceError):
        read_source(str(wide))


@pytest.mark.parametrize("text, codec, name", [
    ("In 2023 the café district's GDP grew 5%, Señor Zoë said; naïve forecasts had 4½%.\n", "latin-1", "Windows-1252"),
    ("The “key” figure – GDP – grew 5% to €3 billion… in the café quarter.\n", "cp1252", "Windows-1252"),
    ("上海市嘉定区2023年上半年地区生产总值达到1248.3亿元，同比增长9.1%。\n", "gb18030", "GB18030"),
])
def test_legacy_encodings_are_told_apart(tmp_path, text, codec, name):
    p = tmp_path / "legacy.txt"
    p.write_bytes(text.encode(codec))
    src = read_source(str(p))
    assert src.text == text  # Latin-1 read as GB18030 would be mojibake: 'caf' + an ideograph
    assert src.warnings == [f"{p}: not UTF-8, decoded as {name}"]


def test_stdin_is_read_up_to_the_limit_and_no_further():
    import io

    stream = io.BytesIO(b"x" * 5_000_000)
    assert read_limited(stream, 1000) is None
    assert stream.tell() == 1001  # one byte past the limit tells; the rest stays unread
    small = io.BytesIO(b"y" * 1000)
    assert read_limited(small, 1000) == b"y" * 1000


@pytest.mark.parametrize("depth", [1000, 5000])
@pytest.mark.parametrize("tag", ["div", "div class='article-content'", "section", "b", "span"])
def test_html_nested_thousands_deep_is_read_without_recursion(depth, tag):
    name = tag.split()[0]
    html = "<html><body>" + f"<{tag}>" * depth + "<p>In 2023 GDP grew 5%.</p>" + f"</{name}>" * depth + "</body></html>"
    assert source_from_bytes("deep.html", html.encode(), is_html=True).text == "In 2023 GDP grew 5%.\n"
    unclosed = "<html><body>" + f"<{tag}>" * depth + "In 2023 GDP grew 5%."  # never closed
    assert source_from_bytes("open.html", unclosed.encode(), is_html=True).text == "In 2023 GDP grew 5%.\n"


def test_nested_html_costs_time_in_proportion_to_its_size():
    import time

    def seconds(depth: int) -> float:
        html = ("<html><body>" + "<div class='content'>" * depth + "<p>GDP grew 5%.</p>" + "x " * 300
                + "</div>" * depth + "</body></html>").encode()
        started = time.process_time()
        source_from_bytes("deep.html", html, is_html=True)
        return time.process_time() - started

    small, large = min(seconds(1000) for _ in range(2)), min(seconds(4000) for _ in range(2))
    assert large < 12 * small + 0.05, (small, large)  # 4x the page: about 4x the time (it was 16x: each block measured its subtree)


def test_a_content_block_inside_the_headline_does_not_loop():
    """The headline is moved into the article block; when the block is inside the headline, that would make the
    tree a loop (a RecursionError before, an endless walk with an iterative one)."""
    html = ("<html><head><title>T</title></head><body><h1><div id='content'>Revenue rose 3 billion yuan in 2023."
            "</div> Source: X | 2023-03-21</h1><p>x</p></body></html>")
    text = source_from_bytes("h1.html", html.encode(), is_html=True).text
    assert "Revenue rose 3 billion yuan in 2023." in text
