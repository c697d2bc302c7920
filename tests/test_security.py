"""Hostile requests and hostile content: escaping, headers, path traversal, query abuse,
methods and types, a schemathesis run over the JSON API, and a real server on loopback.

Limits and promises tested here are written down in SECURITY.md.
"""
from __future__ import annotations

import http.client
import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote as urlquote

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.errors import IngestError
from search.index import build_index
from search.model import Article, Quote, slug
from search.pipeline import extract_paths
from web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
PAYLOAD = "<script>alert(\"x\")</script><img src=x onerror=alert('y')>"
BREAKOUT = "</textarea></title></script><svg onload=alert(1)>\"'><b>"
SOURCE = "evil/\"'><script>alert(1)</script>.txt"
SPEAKER = "Eve \"<b>\" O'Hara" + BREAKOUT
SPEAKER_ID = slug(SPEAKER)
INJECTED_TAGS = {"img", "svg", "b", "iframe", "object", "embed"}


def hostile_corpus():
    lines = [PAYLOAD + " headline",
             "\u201c" + BREAKOUT + " & it\u2019s \"fine\" " + PAYLOAD + "\u201d said " + SPEAKER + ".",
             "Second paragraph with " + PAYLOAD + " in plain text."]
    text = "\n".join(lines)
    article = Article(source=SOURCE, title=PAYLOAD + " title", text=text, body=text,
                      publisher=BREAKOUT + " Wire", skipped=((0, 5, BREAKOUT),))
    start = text.index(BREAKOUT)
    end = text.index("\u201d said")
    quote = Quote(text=text[start:end], kind="direct", start=start, end=end, source=SOURCE,
                  title=article.title, spans=((start, end),), cue="said", speaker=SPEAKER,
                  speaker_id=SPEAKER_ID, speaker_mention=SPEAKER, speaker_type="person",
                  role=BREAKOUT + " role", affiliation=PAYLOAD + " org", context=lines[1],
                  context_start=len(lines[0]) + 1, paragraph=2, confidence=0.9, publisher=article.publisher)
    return [(article, [quote])]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    index = tmp_path_factory.mktemp("hostile-index")
    build_index(index, hostile_corpus())
    app = create_app({"INDEX_DIR": str(index), "TESTING": True})
    return app.test_client(), hostile_corpus()[0][1][0]


def assert_inert(html: str, where: str) -> BeautifulSoup:
    """Nothing the content carried became markup: no inline script, no injected element or handler."""
    assert "<script>alert" not in html and "<svg" not in html and "<img" not in html, where
    page = BeautifulSoup(html, "html.parser")
    for tag in page.find_all(True):
        assert tag.name not in INJECTED_TAGS, (where, str(tag)[:120])
        assert not [a for a in tag.attrs if a.lower().startswith("on")], (where, str(tag)[:120])
        for attr in ("href", "src", "action"):
            assert not str(tag.get(attr, "")).strip().lower().startswith(("javascript:", "data:text")), where
    for script in page.find_all("script"):
        assert script.get("src") and not script.string, (where, "inline script")  # no inline JSON either
    return page


def hostile_pages(q: Quote) -> list[str]:
    return ["/", "/?q=alert", "/?q=hostile+OR+alert&sort=source", f"/?speaker={urlquote(SPEAKER)}",
            f"/?source={urlquote(SOURCE)}", "/sources/" + urlquote(SOURCE), "/speakers",
            f"/speakers/{urlquote(SPEAKER_ID)}", f"/quotes/{q.id}",
            "/?q=" + urlquote(PAYLOAD), "/?page=" + urlquote(PAYLOAD), "/?per_page=" + urlquote(BREAKOUT),
            "/sources/" + urlquote(PAYLOAD), "/speakers/" + urlquote(PAYLOAD), "/quotes/" + urlquote(PAYLOAD),
            "/?speaker=" + urlquote(PAYLOAD), "/?min_confidence=" + urlquote(BREAKOUT)]


def test_hostile_content_and_parameters_are_escaped_on_every_page(hostile):
    client, q = hostile
    for url in hostile_pages(q):
        resp = client.get(url, follow_redirects=True)
        assert resp.status_code in (200, 400, 404), (url, resp.status_code)
        assert resp.mimetype == "text/html", url
        assert_inert(resp.get_data(as_text=True), url)


def test_hostile_content_is_shown_as_text(hostile):
    client, q = hostile
    page = assert_inert(client.get("/?q=alert").get_data(as_text=True), "search")
    card = page.select_one(".card")
    assert BREAKOUT in card.select_one(".quote-text").get_text()
    assert SPEAKER in card.get_text()
    article = assert_inert(client.get("/sources/" + urlquote(SOURCE)).get_data(as_text=True), "article")
    assert PAYLOAD + " title" in article.h1.get_text()
    assert article.select_one(f"mark#q-{q.id}").get_text() == q.text


def test_citations_are_text_in_read_only_boxes_never_html(hostile):
    client, q = hostile
    page = assert_inert(client.get("/?q=alert").get_data(as_text=True), "search")
    api = client.get(f"/api/quotes/{q.id}").get_json()["citations"]
    boxes = page.select("textarea.cite-text")
    assert boxes and all(box.has_attr("readonly") for box in boxes)
    by_style = {box["id"].rsplit("-", 1)[1]: box.get_text() for box in boxes}
    for style, text in api.items():
        assert by_style[style] == text  # exactly the citation, "</textarea>" and all, as text
    assert any(BREAKOUT in text for text in by_style.values())
    # The copy script reads textarea values and writes text: it never builds HTML from them.
    js = (ROOT / "web" / "static" / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js, sink


def test_api_and_exports_are_data_not_pages(hostile):
    client, q = hostile
    for url in ("/api/search?q=alert", f"/api/quotes/{q.id}", "/api/speakers", f"/api/speakers/{urlquote(SPEAKER_ID)}",
                "/api/search?q=" + urlquote(PAYLOAD), "/api/nope/" + urlquote(PAYLOAD)):
        resp = client.get(url)
        assert resp.mimetype == "application/json", url
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
    data = client.get("/api/search?q=alert").get_json()["results"][0]
    assert data["text"] == q.text and data["speaker"] == SPEAKER and data["source"] == SOURCE
    assert "<script>" not in data["highlight"] and "&lt;script&gt;" in data["highlight"]
    for fmt in ("csv", "json", "bibtex", "ris", "csljson"):
        resp = client.get(f"/api/export?format={fmt}&q=" + urlquote('alert OR "x" OR ' + PAYLOAD[:20]))
        if resp.status_code == 400 and "format" in resp.get_json()["error"]:
            continue  # a format this build does not offer
        assert resp.status_code in (200, 400), fmt
        if resp.status_code == 200:
            assert resp.headers["Content-Disposition"].startswith("attachment;"), fmt
            name = re.search(r'filename="([^"]*)"', resp.headers["Content-Disposition"]).group(1)
            assert re.fullmatch(r"[A-Za-z0-9._-]+", name), name
            assert resp.mimetype != "text/html"


# -- headers -------------------------------------------------------------------------------

def csp(resp) -> dict[str, list[str]]:
    out = {}
    for part in resp.headers["Content-Security-Policy"].split(";"):
        if part.strip():
            name, *values = part.split()
            out[name] = values
    return out


@pytest.mark.parametrize("method, url", [
    ("get", "/"), ("get", "/?q=war"), ("get", "/sources/pk/open-war.txt"), ("get", "/speakers"),
    ("get", "/api/search"), ("get", "/api/openapi.json"), ("get", "/static/app.js"), ("get", "/nope"),
    ("get", "/?page=x"), ("post", "/api/search"), ("delete", "/"), ("get", "/quotes/x"), ("head", "/"),
    ("get", "/api/export?format=csv"),
])
def test_every_response_has_a_strict_csp_and_nosniff(client, method, url):
    resp = getattr(client, method)(url)
    policy = csp(resp)
    scripts = policy.get("script-src", policy.get("default-src"))
    assert scripts and "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert "*" not in scripts and not [s for s in scripts if s.startswith(("http:", "https:", "data:"))]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert resp.headers["X-Content-Type-Options"] == "nosniff"


# -- path traversal ---------------------------------------------------------------------------

TRAVERSALS = [
    "/sources/../../etc/passwd", "/sources/%2e%2e/%2e%2e/etc/passwd", "/sources/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    "/sources/..%2f..%2fetc%2fpasswd", "/sources/%252e%252e%252fetc%252fpasswd", "/sources//etc/passwd",
    "/sources/%2Fetc%2Fpasswd", "/sources/..\\..\\etc\\passwd", "/sources/..%5c..%5cetc%5cpasswd",
    "/sources/pk/../../../etc/passwd", "/sources/pk/open-war.txt/../../../etc/passwd",
    "/sources/pk/open-war.txt%00.html", "/sources/%c0%ae%c0%ae/etc/passwd", "/sources/~root/.ssh/id_rsa",
    "/sources/file:///etc/passwd", "/sources/" + "../" * 30 + "etc/passwd",
    "/static/../search/index.py", "/static/%2e%2e/search/index.py", "/static/..%2fsearch%2findex.py",
    "/static//etc/passwd", "/quotes/../../etc/passwd", "/speakers/..%2f..%2fetc%2fpasswd",
    "/api/quotes/..%2f..%2fetc%2fpasswd", "/api/speakers/%2e%2e",
]


@pytest.mark.parametrize("url", TRAVERSALS)
def test_path_traversal_is_404(client, url):
    resp = client.get(url, follow_redirects=True)
    assert resp.status_code == 404, (url, resp.status_code)
    body = resp.get_data(as_text=True)
    assert "root:" not in body and "import " not in body


def test_symlinks_leaving_the_corpus_are_never_served(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("\u201cThe launch code is 0000,\u201d the general said.\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text("\u201cWe will win,\u201d Jane Doe said.\n", encoding="utf-8")
    (corpus / "leak.txt").symlink_to(secret)
    (corpus / "leak2.html").symlink_to("../secret.txt")
    results = list(extract_paths([corpus]))
    skipped = [r for r in results if isinstance(r, IngestError)]
    assert sorted(Path(e.path).name for e in skipped) == ["leak.txt", "leak2.html"]
    build_index(tmp_path / "index", [r for r in results if not isinstance(r, IngestError)])
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    assert client.get("/sources/story.txt").status_code == 200
    for url in ("/sources/leak.txt", "/sources/leak2.html", "/sources/../secret.txt", "/sources/%2e%2e/secret.txt"):
        assert client.get(url, follow_redirects=True).status_code == 404, url
    for url in ("/?q=launch", "/api/search?q=launch", "/api/export?format=json&q=launch"):
        assert "launch code" not in client.get(url).get_data(as_text=True), url


# -- query abuse ----------------------------------------------------------------------------

ABUSE = [
    "a" * 10_000, "war " * 2_500, "(" * 500 + "war" + ")" * 500, "(" * 240 + "war" + ")" * 240,
    "*a*", "a*", "*", "a~5", "war~", "war~1000", "war^1000", "NOT NOT war", "NOT OR war", "war ANDNOT ANDNOT war",
    "NOT " * 120 + "war", " OR ".join(["war"] * 120), '"' + "war " * 120 + '"', "[a TO z]", "text:(" * 80 + "x" + ")" * 80,
    "\x00", "\\", "%", "\ud7ff" * 100, "\u202e war", "war\r\nSet-Cookie: x=1",
]


@pytest.mark.parametrize("q", ABUSE, ids=lambda q: repr(q[:24]))
def test_query_abuse_gets_a_quick_400_or_a_bounded_answer(client, q):
    for url in ("/api/search", "/", "/api/export"):
        started = time.perf_counter()
        resp = client.get(url, query_string={"q": q})
        elapsed = time.perf_counter() - started
        assert resp.status_code in (200, 400), (url, resp.status_code)
        assert elapsed < 3, (url, elapsed)
        if url.startswith("/api") and resp.status_code == 400:
            assert resp.is_json and resp.get_json()["error"]
        assert "Set-Cookie" not in resp.headers


@pytest.mark.parametrize("params", ["page=10000&per_page=100", "page=10001", "page=99999999999999999999",
                                    "per_page=101", "per_page=100000", "page=-1", "page=0x10", "page=1e3",
                                    "page=%EF%BC%91", "page=%D9%A1", "limit=100000000", "limit=-5"])
def test_huge_or_odd_page_numbers_are_bounded(client, params):
    for url in ("/api/search", "/", "/api/speakers", "/speakers", "/api/export"):
        started = time.perf_counter()
        resp = client.get(f"{url}?{params}")
        assert resp.status_code in (200, 400), (url, params, resp.status_code)
        assert time.perf_counter() - started < 3
        if resp.status_code == 200 and url == "/api/search":
            assert resp.get_json()["page"] <= 10_000  # the deepest page served (MAX_PAGE)


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(q=st.lists(st.sampled_from(["war", "open", "NOT", "AND", "OR", "ANDNOT", "(", ")", '"', "text:", "speaker:",
                                   "~", "~2", "^", "^3", "*", "?", "[", "]", "{", "}", "TO", "\\", "'", "-", "+",
                                   ":", "\u201c", "\u201d", " ", " ", "the", "/", "!", "\x00"]),
                  max_size=20).map("".join),
       page=st.integers(min_value=-2, max_value=10_002))
def test_query_language_fuzz_never_500s(client, q, page):
    resp = client.get("/api/search", query_string={"q": q, "page": page})
    assert resp.status_code in (200, 400), (q, page, resp.get_data(as_text=True)[:200])


# -- methods and parameter types ------------------------------------------------------------

API_GETS = ["/api/search", "/api/quotes/abc", "/api/speakers", "/api/speakers/khawaja-asif", "/api/export",
            "/api/openapi.json"]


@pytest.mark.parametrize("url", API_GETS)
@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_non_get_on_the_api_is_a_json_405(client, url, method):
    resp = getattr(client, method)(url, data=b'{"q": "war"}', content_type="application/json")
    assert resp.status_code == 405 and resp.is_json and resp.get_json()["error"]
    assert "GET" in resp.headers["Allow"]


@pytest.mark.parametrize("url", API_GETS)
def test_head_and_options_are_not_errors(client, url):
    assert client.head(url).status_code < 500
    assert client.options(url).status_code < 500


@pytest.mark.parametrize("params", ["page=abc", "per_page=abc", "page=1.5", "per_page=", "min_confidence=abc",
                                    "min_confidence=nan", "sort=%00", "page[]=1", "page=1&page=x", "q[]=war",
                                    "format=exe", "limit=abc"])
def test_bad_parameter_types_are_4xx_json(client, params):
    for url in ("/api/search", "/api/export"):
        resp = client.get(f"{url}?{params}")
        assert resp.status_code < 500, (url, params, resp.status_code)
        if resp.status_code >= 400:
            assert resp.is_json and resp.get_json()["error"]


# -- schemathesis over /api/openapi.json -----------------------------------------------------

@pytest.fixture
def api_schema(app):
    schemathesis = pytest.importorskip("schemathesis")
    if app.test_client().get("/api/openapi.json").status_code != 200:
        pytest.skip("/api/openapi.json is not served (yet): nothing to fuzz against")
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    return schema


def test_schemathesis_finds_no_server_error(api_schema):
    from hypothesis import HealthCheck as HC
    from hypothesis import Phase, given
    from hypothesis import settings as hsettings
    from schemathesis.checks import not_a_server_error

    ops = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.path for op in ops} >= {"/api/search", "/api/quotes/{id}"}
    failures, calls = [], []
    for op in ops:
        @hsettings(max_examples=25, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
                   suppress_health_check=list(HC))
        @given(case=op.as_strategy())
        def run(case):
            response = case.call()
            calls.append(op.path)
            if response.status_code >= 500:
                failures.append((op.path, case.path_parameters, case.query, response.status_code))
            case.validate_response(response, checks=[not_a_server_error])

        run()
    assert not failures
    assert len(set(calls)) == len(ops) and len(calls) >= 5 * len(ops)  # it did exercise every operation


# -- a real server on loopback --------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    index = tmp_path_factory.mktemp("served-index")
    build_index(index, hostile_corpus())
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "search.cli", "serve", "--index", index, "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)
    yield port
    proc.terminate()
    _, err = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in err  # binds to loopback unless told otherwise


def raw_get(port: int, target: str) -> tuple[int, dict, str]:
    """A request line sent as is: no client-side normalisation of `..` or encodings."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.putrequest("GET", target, skip_host=False, skip_accept_encoding=True)
    conn.endheaders()
    resp = conn.getresponse()
    body = resp.read().decode("utf-8", "replace")
    conn.close()
    return resp.status, dict(resp.getheaders()), body


@pytest.mark.parametrize("target", ["/sources/../../etc/passwd", "/sources/%2e%2e/%2e%2e/etc/passwd",
                                    "/sources/..%2f..%2fetc%2fpasswd", "/static/../search/index.py",
                                    "/static/%2e%2e/search/index.py", "/../../etc/passwd", "//etc/passwd",
                                    "/sources/%00", "/sources/" + "%2e%2e%2f" * 20 + "etc/passwd"])
def test_real_server_refuses_traversal(server, target):
    status, headers, body = raw_get(server, target)
    assert status in (400, 404), (target, status)
    assert "root:" not in body and "import " not in body


def test_real_server_escapes_and_sets_headers(server):
    status, headers, body = raw_get(server, "/?q=alert")
    assert status == 200
    assert_inert(body, "served search page")
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, headers, body = raw_get(server, "/api/search?q=" + "a" * 10_000)
    assert status == 400 and headers["Content-Type"].startswith("application/json")


def test_real_server_links_name_its_bound_address_not_the_host_header(server):
    conn = http.client.HTTPConnection("127.0.0.1", server, timeout=10)
    conn.request("GET", "/api/search?q=alert", headers={"Host": "evil.example"})
    resp = conn.getresponse()
    body = resp.read().decode("utf-8")
    conn.close()
    assert resp.status == 200 and "evil.example" not in body
    [result] = json.loads(body)["results"]
    assert result["permalink"] == f"http://127.0.0.1:{server}/quotes/{result['id']}"  # from `quotes serve --port`
