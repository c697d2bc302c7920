"""The Flask app through its test client, over a real index of the fixture corpus."""
from __future__ import annotations

import ast
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

import fixtures
from search.citations import citations
from search.index import build_index
from web.app import CSP, create_app

WEB = Path(__file__).resolve().parent.parent / "web"
SCRIPT = "<script>alert(1)</script>"
ASIF_OPEN_WAR = fixtures.find("open war", "pk/open-war.txt")
RESIDENT = fixtures.find("Around midnight the windows shook and the children would not stop crying.")
HOSTILE = fixtures.find(fixtures.SCRIPT_TEXT)
RESULT_FIELDS = ["id", "text", "kind", "cue", "speaker", "speaker_id", "speaker_mention", "speaker_type",
                 "role", "affiliation", "context", "source", "title", "start", "end", "paragraph",
                 "confidence", "permalink", "citations", "highlight"]


def cite(quote) -> dict[str, str]:
    """The citations the app serves: every style links to the quote's permalink."""
    return citations(quote, url=f"http://localhost/quotes/{quote.id}")


def soup(resp) -> BeautifulSoup:
    return BeautifulSoup(resp.get_data(as_text=True), "html.parser")


def args_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


# -- search page -------------------------------------------------------------------------

def test_search_page_lists_cards_facets_and_count(client):
    resp = client.get("/?q=open+war")
    assert resp.status_code == 200
    page = soup(resp)
    assert page.find("label", attrs={"for": "q"}) and page.find("input", id="q")["value"] == "open war"
    assert "4 quotes" in page.find(id="result-count").get_text()
    assert len(page.select(".card")) == 4
    speakers = {a.get_text(strip=True): a for a in page.select("#facet-speaker + ul a")}
    assert set(speakers) == {"Khawaja Asif", "Farah Qureshi"}
    li = speakers["Khawaja Asif"].find_parent("li")
    assert li.select_one(".count").get_text() == "3"
    assert args_of(speakers["Khawaja Asif"]["href"]) == {"q": ["open war"], "speaker": ["Khawaja Asif"]}
    for field in ("affiliation", "kind", "speaker_type", "source"):
        assert page.select(f"#facet-{field} + ul a"), field


def test_facet_filter_and_remove_link(client):
    page = soup(client.get("/?q=open+war&speaker=Khawaja+Asif"))
    assert {s.get_text() for s in page.select(".card .speaker-name")} == {"Khawaja Asif"}
    remove = page.select_one(".active-filters a.chip")
    assert "Khawaja Asif" in remove.get_text()
    assert args_of(remove["href"]) == {"q": ["open war"]}
    # the query box keeps the filter when a new search is submitted
    assert page.select_one('form input[type=hidden][name=speaker]')["value"] == "Khawaja Asif"
    kept = soup(client.get("/?q=war&per_page=5&min_confidence=0.5")).select("form input[type=hidden]")
    assert {(i["name"], i["value"]) for i in kept} == {("per_page", "5"), ("min_confidence", "0.5")}
    # the active facet value links to its own removal
    on = page.select_one("#facet-speaker + ul li.on a")
    assert on.get_text(strip=True) == "Khawaja Asif" and args_of(on["href"]) == {"q": ["open war"]}


def test_repeated_filters_are_ored_and_kept(client):
    page = soup(client.get("/?speaker=Khawaja+Asif&speaker=Farah+Qureshi"))
    assert len(page.select(".card")) == 4
    assert len(page.select(".active-filters a.chip")) == 2
    assert args_of(page.select_one(".active-filters a.clear")["href"]) == {}


def test_pagination_links_keep_state(client):
    page = soup(client.get("/?kind=direct&per_page=2&sort=source"))
    assert "page 1 of 3" in page.find(id="result-count").get_text()
    nxt = page.select_one('.pagination a[rel=next]')
    assert args_of(nxt["href"]) == {"kind": ["direct"], "per_page": ["2"], "sort": ["source"], "page": ["2"]}
    page2 = soup(client.get(nxt["href"]))
    assert page2.select_one('.pagination [aria-current=page]').get_text() == "2"
    assert args_of(page2.select_one('.pagination a[rel=prev]')["href"]).get("page") is None


def test_card_shows_attribution_context_links_and_citations(client):
    page = soup(client.get("/?q=midnight"))
    card = page.select_one(f"#r-{RESIDENT.id}")
    assert card.select_one(".badge").get_text() == "direct"
    assert card.select_one(".speaker-name").get_text() == "one resident (anonymous)"
    assert "66% confidence" in card.get_text()
    assert card.select_one(".context mark.quote")
    assert card.select_one(".quote-text mark").get_text() == "midnight"
    src = card.select_one("a.source-link")
    assert src["href"] == f"/sources/pk/open-war.txt?quote={RESIDENT.id}#q-{RESIDENT.id}"
    assert fixtures.OPEN_WAR in src.get_text()
    assert card.select_one("a.permalink")["href"] == f"/quotes/{RESIDENT.id}"
    menu = card.select_one("details.cite")
    assert menu.summary.get_text(strip=True) == "Cite"
    for style, text in cite(RESIDENT).items():
        area = menu.find("textarea", id=f"cite-{RESIDENT.id}-{style}")
        assert area.has_attr("readonly") and area.get_text() == text
        assert menu.find("label", attrs={"for": area["id"]})
        assert menu.find("button", attrs={"data-copy": area["id"]})


def test_kind_labels_and_unattributed(client):
    page = soup(client.get("/?q=outposts+OR+borders"))
    badges = {c.select_one(".speaker-name").get_text(): c.select_one(".badge").get_text() for c in page.select(".card")}
    assert badges == {"Zabihullah Mujahid": "reported", "Unattributed": "direct"}
    assert "reported" in [a.get_text(strip=True) for a in page.select("#facet-kind + ul a")]


def test_empty_query_lists_everything(client):
    page = soup(client.get("/"))
    assert "9 quotes" in page.find(id="result-count").get_text()


# -- escaping and headers ----------------------------------------------------------------

@pytest.mark.parametrize("url", ["/?q=attackers", "/sources/wire/strikes-kabul.txt", "/?q=attackers&source=wire/strikes-kabul.txt"])
def test_hostile_text_is_escaped(client, url):
    html = client.get(url).get_data(as_text=True)
    assert SCRIPT not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    page = soup(client.get(url))
    assert all(s.get("src") for s in page.find_all("script")), "inline script"
    assert "alert(1)" in page.get_text()


def test_api_highlight_is_escaped(client):
    result = client.get("/api/search?q=attackers").get_json()["results"][0]
    assert result["text"] == fixtures.SCRIPT_TEXT
    assert SCRIPT not in result["highlight"] and "&lt;script&gt;" in result["highlight"]
    assert "<mark>Attackers</mark>" in result["highlight"]
    assert client.get(f"/api/quotes/{HOSTILE.id}").get_json()["highlight"].startswith("Attackers tried &lt;script&gt;")


@pytest.mark.parametrize("url", ["/", "/?q=war", "/sources/pk/open-war.txt", "/quotes/nope", "/?page=x"])
def test_pages_need_no_inline_script_or_style(client, url):
    page = soup(client.get(url))
    assert not page.find_all("style") and not page.find_all(style=True)
    assert all(s.get("src") for s in page.find_all("script"))
    assert not [t for t in page.find_all(True) if any(a.startswith("on") for a in t.attrs)]
    for link in page.find_all(["link", "script"]):
        ref = link.get("href") or link.get("src")
        assert ref.startswith(("/", "data:")), ref  # nothing from another origin


@pytest.mark.parametrize("method, url", [
    ("get", "/"), ("get", "/api/search"), ("get", "/static/app.css"), ("get", "/static/app.js"),
    ("get", f"/quotes/{RESIDENT.id}"), ("get", "/nope"), ("get", "/api/nope"), ("post", "/api/search"),
    ("get", "/?page=x"),
])
def test_security_headers_everywhere(client, method, url):
    resp = getattr(client, method)(url)
    assert resp.headers["Content-Security-Policy"] == CSP
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Referrer-Policy"] == "no-referrer"


# -- article view and permalinks ---------------------------------------------------------

def test_article_view_marks_every_quote(client):
    resp = client.get("/sources/pk/open-war.txt")
    assert resp.status_code == 200
    page = soup(resp)
    article = fixtures.articles()[0]
    assert page.h1.get_text() == article.title and "Frontier Ledger" in page.get_text()
    paras = page.select(".article-body > p")
    assert len(paras) == len(article.paragraphs)
    for p, (s, e) in zip(paras, article.paragraphs):
        p.select_one(".pnum").extract()
        assert p.get_text() == article.text[s:e]
    for q in fixtures.corpus()[0][1]:
        mark = page.select_one(f"mark#q-{q.id}")
        assert mark.get_text() == q.text
        assert mark["class"] == ["quote", f"kind-{q.kind}"] and mark["tabindex"] == "0"
        assert mark.find_parent("p")["id"] == f"p-{q.paragraph}"  # the numbering citations use
    assert page.select_one(f"mark#q-{RESIDENT.id}")["title"] == "one resident (anonymous)"
    assert page.select_one(f"mark#q-{ASIF_OPEN_WAR.id}")["title"] == "Khawaja Asif"
    assert "source line" in page.select_one("details.skipped").get_text()


def test_overlapping_quotes_nest_or_clip_but_keep_every_anchor():
    from dataclasses import replace

    from search.service import ArticleView
    from web.app import _article_paragraphs

    article = fixtures.articles()[0]
    s, e = article.paragraphs[ASIF_OPEN_WAR.paragraph - 1]
    base = ASIF_OPEN_WAR
    quotes = [replace(base, start=s, end=e), base,  # a quote nested in a longer one
              replace(base, start=s + 10, end=e + 30),  # crossing into the next paragraph
              replace(base, start=e + 5, end=e + 5),  # empty, in the next paragraph
              replace(base, start=len(article.text), end=len(article.text) + 3)]  # outside every paragraph
    paragraphs, orphans = _article_paragraphs(ArticleView(article, quotes))
    html = "".join(paragraphs)
    page = BeautifulSoup(html, "html.parser")
    assert page.get_text() == "".join(article.text[a:b] for a, b in article.paragraphs)
    for q in quotes[:4]:
        assert html.count(f'id="q-{q.id}"') == 1, q
    assert page.select_one(f"mark#q-{quotes[0].id} mark#q-{base.id}").get_text() == "open war"
    assert orphans == [quotes[4]]


def test_page_past_the_end_links_back(client):
    page = soup(client.get("/?q=war&page=50"))
    assert args_of(page.select_one(".empty a")["href"]) == {"q": ["war"]}


def test_permalink_redirects_to_anchor(client):
    resp = client.get(f"/quotes/{ASIF_OPEN_WAR.id}")
    assert resp.status_code == 302
    assert resp.headers["Location"] == f"/sources/pk/open-war.txt?quote={ASIF_OPEN_WAR.id}#q-{ASIF_OPEN_WAR.id}"


@pytest.mark.parametrize("url", ["/sources/nope.txt", "/sources/../../etc/passwd", "/sources/%2e%2e/etc/passwd",
                                 "/sources//etc/passwd", "/quotes/0000000000000000", "/quotes/%00", "/nope"])
def test_unknown_pages_are_friendly_404s(client, url):
    resp = client.get(url, follow_redirects=True)  # werkzeug merges "//" with a redirect first
    assert resp.status_code == 404 and resp.mimetype == "text/html"
    assert "Not found" in soup(resp).h1.get_text()
    assert "root:" not in resp.get_data(as_text=True)


# -- JSON API ----------------------------------------------------------------------------

def test_api_search_shape(client):
    data = client.get("/api/search?q=open+war&speaker=Khawaja+Asif&per_page=2").get_json()
    assert list(data) == ["total", "page", "per_page", "pages", "query", "sort", "suggestion", "results", "facets"]
    assert (data["total"], data["page"], data["per_page"], data["pages"], data["query"]) == (3, 1, 2, 2, "open war")
    assert (data["sort"], data["suggestion"]) == ("relevance", None)
    assert list(data["facets"]) == ["speaker", "affiliation", "kind", "speaker_type", "source"]
    assert data["facets"]["speaker"] == [{"value": "Khawaja Asif", "count": 3}]
    for result in data["results"]:
        assert list(result) == RESULT_FIELDS
        quote = next(q for q in fixtures.quotes() if q.id == result["id"])
        assert result["citations"] == cite(quote)
        assert result["permalink"] == f"http://localhost/quotes/{quote.id}"
        assert (result["text"], result["start"], result["paragraph"]) == (quote.text, quote.start, quote.paragraph)


def test_api_filters_repeat_and_confidence(client):
    both = client.get("/api/search?speaker=Khawaja+Asif&speaker=Zabihullah+Mujahid").get_json()
    assert both["total"] == 5
    sure = client.get("/api/search?speaker=Khawaja+Asif&min_confidence=0.9").get_json()
    assert sorted(r["confidence"] for r in sure["results"]) == [0.91, 0.95]
    ordered = client.get("/api/search?sort=source&per_page=100").get_json()["results"]
    assert [(r["source"], r["start"]) for r in ordered] == sorted((r["source"], r["start"]) for r in ordered)


def test_api_quote(client):
    resp = client.get(f"/api/quotes/{RESIDENT.id}")
    data = resp.get_json()
    assert resp.status_code == 200 and list(data) == RESULT_FIELDS + ["also_reported"]
    assert data["speaker_type"] == "anonymous" and data["citations"] == cite(RESIDENT)
    assert data["also_reported"] == []
    missing = client.get("/api/quotes/nope")
    assert missing.status_code == 404 and missing.is_json and "nope" in missing.get_json()["error"]


def test_html_and_api_make_the_same_service_call(app, client, monkeypatch):
    from search.service import QuoteService

    calls = []
    real = QuoteService.search
    monkeypatch.setattr(QuoteService, "search", lambda self, **kw: calls.append(kw) or real(self, **kw))
    query = "?q=war&speaker=Khawaja+Asif&kind=partial&page=1&per_page=5&sort=source&min_confidence=0.5"
    assert client.get("/" + query).status_code == 200
    assert client.get("/api/search" + query).status_code == 200
    assert calls[0] == calls[1] == dict(q="war", filters={"speaker": ["Khawaja Asif"], "kind": ["partial"]},
                                        page=1, per_page=5, min_confidence=0.5, sort="source")


# -- errors ------------------------------------------------------------------------------

BAD = ["page=abc", "page=0", "page=-1", "page=1.5", "page=99999999999999999999", "per_page=0",
       "per_page=1000", "per_page=x", "min_confidence=abc", "min_confidence=2", "min_confidence=nan",
       "min_confidence=-inf", "sort=bogus", "q=(", "q=%22open", "q=war*", "q=" + "a" * 600, "q=the"]


@pytest.mark.parametrize("query", BAD)
def test_bad_input_is_400_not_500(client, query):
    api = client.get("/api/search?" + query)
    assert api.status_code == 400 and api.is_json and api.get_json()["error"]
    html = client.get("/?" + query)
    assert html.status_code == 400 and html.mimetype == "text/html"
    assert api.get_json()["error"] in html.get_data(as_text=True).replace("&#39;", "'").replace("&#34;", '"')


@pytest.mark.parametrize("query", ["q=%00", "q=%FF%FE", "q=speaker:x", "q=AND", "q=NOT+war", "q=)(",
                                   "speaker=%00", "source=../../x", "q=%E2%80%9Copen+war%E2%80%9D",
                                   "unknown=1", "page=", "q=war&page=500", "_anchor=x&endpoint=y&_external=1"])
def test_odd_input_never_500s(client, query):
    for prefix in ("/?", "/api/search?"):
        assert client.get(prefix + query).status_code in (200, 400), prefix + query


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_non_get_is_405(client, method):
    api = getattr(client, method)("/api/search")
    assert api.status_code == 405 and api.is_json and api.get_json() == {"error": api.get_json()["error"]}
    assert "GET" in api.headers["Allow"]
    assert getattr(client, method)(f"/api/quotes/{RESIDENT.id}").status_code == 405
    html = getattr(client, method)("/")
    assert html.status_code == 405 and html.mimetype == "text/html"


def test_unknown_api_route_is_json_404(client):
    resp = client.get("/api/nope")
    assert resp.status_code == 404 and resp.is_json


def test_missing_index_is_503_then_recovers(tmp_path):
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    api = client.get("/api/search?q=war")
    assert api.status_code == 503 and api.is_json and "index" in api.get_json()["error"]
    html = client.get(f"/quotes/{RESIDENT.id}")
    assert html.status_code == 503 and "index" in soup(html).h1.get_text()
    build_index(tmp_path / "index", fixtures.corpus())
    assert client.get("/api/search?q=war").status_code == 200


# -- configuration and layering ----------------------------------------------------------

def test_index_dir_config(monkeypatch):
    monkeypatch.delenv("QUOTES_INDEX", raising=False)
    assert create_app().config["INDEX_DIR"] == str(WEB.parent / "index")
    monkeypatch.setenv("QUOTES_INDEX", "/somewhere/else")
    assert create_app().config["INDEX_DIR"] == "/somewhere/else"
    assert create_app({"INDEX_DIR": "/explicit"}).config["INDEX_DIR"] == "/explicit"


def test_web_never_imports_whoosh():
    for path in WEB.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not [n for n in names if n.split(".")[0] == "whoosh"], f"{path} imports whoosh"
