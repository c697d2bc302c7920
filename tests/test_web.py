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
from search.model import Quote
from web.app import CSP, create_app

WEB = Path(__file__).resolve().parent.parent / "web"
SCRIPT = "<script>alert(1)</script>"
ASIF_OPEN_WAR = fixtures.find("open war", "pk/open-war.txt")
RESIDENT = fixtures.find("Around midnight the windows shook and the children would not stop crying.")
HOSTILE = fixtures.find(fixtures.SCRIPT_TEXT)
RESULT_FIELDS = ["id", "text", "kind", "cue", "speaker", "speaker_id", "speaker_mention", "speaker_type",
                 "role", "affiliation", "context", "source", "title", "start", "end", "paragraph",
                 "confidence", "uncertain", "rule", "permalink", "citations", "highlight"]


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


@pytest.mark.parametrize("url", ["/", "/?q=war", "/sources/pk/open-war.txt", "/quotes/nope", "/?page=x",
                                 "/speakers", "/speakers/khawaja-asif", f"/sources/pk/open-war.txt?quote={RESIDENT.id}",
                                 "/?q=patiense", "/?q=war&kind=indirect&speaker=Farah+Qureshi"])
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
    ("get", "/?page=x"), ("get", "/speakers"), ("get", "/speakers/khawaja-asif"), ("get", "/api/export?format=csv"),
    ("get", "/export.ris"), ("get", "/api/openapi.json"), ("get", "/api/speakers/nope"),
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


def test_mark_title_names_the_rule():
    """Hovering a quote shows who, its kind and the rule that attributed it."""
    from dataclasses import replace

    from web.app import _open_mark
    mark = _open_mark(replace(ASIF_OPEN_WAR, rule="frame_subject"), set())
    assert f'title="Khawaja Asif · {ASIF_OPEN_WAR.kind} · rule: frame_subject"' in mark


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
                                   "unknown=1", "page=", "q=war&page=500", "_anchor=x&endpoint=y&_external=1",
                                   "format=xml", "limit=0", "limit=5000", "sort=name", "q=%C3%A9t%C3%A9"])
def test_odd_input_never_500s(client, query):
    for prefix in ("/?", "/api/search?", "/api/export?", "/speakers?", "/speakers/khawaja-asif?", "/export.csv?"):
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


# -- cards: speaker links, corroboration -------------------------------------------------

def test_card_links_the_speaker_and_lists_other_reports(client):
    page = soup(client.get("/?q=open+war&source=pk/open-war.txt"))
    card = page.select_one(f"#r-{ASIF_OPEN_WAR.id}")
    who = card.select_one("a.speaker-name")
    assert who.get_text() == "Khawaja Asif" and who["href"] == "/speakers/khawaja-asif"
    assert card.select_one(".credentials").get_text() == ", Defence Minister, Pakistan"
    assert card.select_one(".badge")["title"].startswith("Partial quote")
    also = card.select_one("section.also")
    assert also.h3.get_text() == "Also reported in 1 other source · 2 reports"  # both in one article
    items = also.select("li")
    assert [i.select_one(".also-text").get_text() for i in items] == [
        "Our cup of patience has overflowed. Now it is open war between us and you.", "open war"]
    assert {a["href"] for i in items for a in i.select("a[href^='/quotes/']")} == {
        f"/quotes/{fixtures.find(t, 'wire/strikes-kabul.txt').id}"
        for t in ("open war", "Our cup of patience has overflowed. Now it is open war between us and you.")}
    assert [i.select_one(".why").get_text() for i in items] == ["shares the quoted words “open war”", "same words"]
    # anonymous and unattributed speakers have no page to link to
    resident = soup(client.get("/?q=midnight")).select_one(f"#r-{RESIDENT.id}")
    assert resident.select_one("a.speaker-name") is None and resident.select_one("span.speaker-name")
    assert resident.select_one("section.also") is None


def test_every_citation_style_is_in_the_menu_with_a_copy_button(client):
    card = soup(client.get("/?q=midnight")).select_one(f"#r-{RESIDENT.id}")
    buttons = card.select("details.cite button.copy")
    assert [b["aria-label"] for b in buttons] == [
        "Copy Plain text citation", "Copy APA 7 citation", "Copy MLA 9 citation", "Copy Chicago (notes) citation",
        "Copy BibTeX citation", "Copy RIS citation", "Copy CSL-JSON citation"]
    assert all(b.has_attr("hidden") and b["type"] == "button" for b in buttons)  # shown by script only
    assert "TY  - NEWS" in card.find("textarea", id=f"cite-{RESIDENT.id}-ris").get_text()


# -- empty results -----------------------------------------------------------------------

def test_empty_result_suggests_a_spelling(client):
    page = soup(client.get("/?q=patiense&sort=source"))
    empty = page.select_one("#empty")
    assert "No quotes match “patiense”" in empty.get_text()
    link = empty.select_one(".suggestion a")
    assert link.get_text() == "patience" and args_of(link["href"]) == {"q": ["patience"], "sort": ["source"]}
    assert client.get("/api/search?q=patiense").get_json()["suggestion"] == "patience"
    assert client.get("/api/search?q=Midnigt+windows").get_json()["suggestion"] == "Midnight windows"
    assert client.get("/api/search?q=qqqqzzzz").get_json()["suggestion"] is None
    assert soup(client.get("/?q=qqqqzzzz")).select_one("#empty .suggestion") is None


def test_empty_result_blames_the_filters_when_they_are_to_blame(client):
    empty = soup(client.get("/?q=midnight&kind=indirect")).select_one("#empty")
    assert "with this filter" in empty.get_text()
    assert "1 quote matches without the filter" in empty.get_text()
    assert args_of(empty.select_one(".unfiltered a")["href"]) == {"q": ["midnight"]}


# -- speakers ----------------------------------------------------------------------------

def test_speakers_index_sorts_by_count_and_by_name(client):
    page = soup(client.get("/speakers"))
    rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in page.select("table.speakers tbody tr")]
    assert rows == [["Khawaja Asif", "person", "3"], ["Zabihullah Mujahid", "person", "2"],
                    ["Farah Qureshi", "person", "1"], ["Nadia Rahman", "person", "1"]]
    assert page.select_one("table.speakers th[aria-sort]").get_text(strip=True).startswith("Quotes")
    assert page.select_one("table.speakers tbody a")["href"] == "/speakers/khawaja-asif"
    assert page.select_one("table.speakers thead a")["href"] == "/speakers?sort=name"
    by_name = soup(client.get("/speakers?sort=name"))
    assert [a.get_text() for a in by_name.select("table.speakers tbody a")] == [
        "Farah Qureshi", "Khawaja Asif", "Nadia Rahman", "Zabihullah Mujahid"]
    assert by_name.select_one(".sort-links [aria-current]").get_text() == "Name"
    assert client.get("/speakers?sort=bogus").status_code == 400


def test_speaker_page_profile(client):
    resp = client.get("/speakers/khawaja-asif")
    assert resp.status_code == 200
    page = soup(resp)
    assert page.h1.get_text() == "Khawaja Asif"
    facts = {dt.get_text(): dt.find_next_sibling("dd") for dt in page.select(".speaker-facts dt")}
    assert facts["Quotes"].get_text(strip=True) == "3 in 2 sources"
    assert [li.get_text() for li in facts["Also known as"].select("li")] == [
        "Khawaja Muhammad Asif", "Haja Muhammad Asif", "Khawaja M. Asif"]  # from the speaker registry
    assert [li.get_text(" ", strip=True) for li in facts["Named in the articles as"].select("li")] == [
        "Khawaja Asif 2", "Asif 1"]
    assert [li.get_text(" ", strip=True) for li in facts["Role"].select("li")] == ["Defence Minister 3"]
    assert [li.get_text(" ", strip=True) for li in facts["Affiliation"].select("li")] == ["Pakistan 3"]
    rows = page.select("table.per-source tbody tr")
    assert [(r.select_one(".path").get_text(), r.select_one(".num").get_text(strip=True)) for r in rows] == [
        ("wire/strikes-kabul.txt", "2"), ("pk/open-war.txt", "1")]
    per_source = rows[0].select_one(".num a")["href"]
    assert args_of(per_source) == {"speaker_id": ["khawaja-asif"], "source": ["wire/strikes-kabul.txt"],
                                   "sort": ["source"]}
    assert len(soup(client.get(per_source)).select(".card")) == 2
    assert len(page.select(".card")) == 3


def test_speaker_page_searches_within_the_speaker(client):
    page = soup(client.get("/speakers/khawaja-asif?q=overflowed"))
    assert page.select_one("form[role=search]")["action"] == "/speakers/khawaja-asif"
    assert page.find("label", attrs={"for": "q"}).get_text() == "Search Khawaja Asif’s quotes"
    assert [c["id"] for c in page.select(".card")] == [
        "r-" + fixtures.find("Our cup of patience has overflowed. Now it is open war between us and you.").id]
    # Farah Qureshi said "open war" too, but not on this page
    assert len(soup(client.get("/speakers/khawaja-asif?q=open+war")).select(".card")) == 3
    none = soup(client.get("/speakers/khawaja-asif?q=patiense"))
    assert none.select_one("#empty .suggestion a")["href"] == "/speakers/khawaja-asif?q=patience"
    paged = soup(client.get("/speakers/khawaja-asif?per_page=1&sort=source"))
    nxt = paged.select_one(".pagination a[rel=next]")["href"]
    assert args_of(nxt) == {"sort": ["source"], "per_page": ["1"], "page": ["2"]}
    assert len(soup(client.get(nxt)).select(".card")) == 1


def test_unknown_speaker_is_404(client):
    assert client.get("/speakers/nobody").status_code == 404
    resp = client.get("/api/speakers/nobody")
    assert resp.status_code == 404 and resp.is_json


# -- article view: the quote a permalink opened ------------------------------------------

def test_permalinked_quote_is_selected_with_its_own_cite_menu(client):
    page = soup(client.get(f"/sources/pk/open-war.txt?quote={ASIF_OPEN_WAR.id}"))
    panel = page.select_one("section.selected-quote")
    assert panel.select_one(".quote-text").get_text() == "open war"
    assert panel.select_one("a.speaker-name")["href"] == "/speakers/khawaja-asif"
    assert panel.select_one("a[href^='#q-']")["href"] == f"#q-{ASIF_OPEN_WAR.id}"
    for style, text in cite(ASIF_OPEN_WAR).items():
        assert panel.find("textarea", id=f"pcite-{ASIF_OPEN_WAR.id}-{style}").get_text() == text
    assert panel.select_one("section.also h3").get_text() == "Also reported in 1 other source · 2 reports"
    assert page.select_one(f"mark#q-{ASIF_OPEN_WAR.id}")["class"] == ["quote", "kind-partial", "selected"]
    assert len(page.select("mark.selected")) == 1
    # The speaker shows on hover and focus (title and the CSS tooltip from data-speaker).
    assert page.select_one(f"mark#q-{ASIF_OPEN_WAR.id}")["data-speaker"] == "Khawaja Asif \u00b7 partial"
    # an unknown or foreign quote id is ignored, not an error
    for other in ("nope", fixtures.find("open war", "wire/strikes-kabul.txt").id):
        resp = client.get(f"/sources/pk/open-war.txt?quote={other}")
        assert resp.status_code == 200 and not soup(resp).select("section.selected-quote, mark.selected")


# -- export ------------------------------------------------------------------------------

def _csv_rows(resp):
    import csv
    import io

    text = resp.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_export_csv_is_the_whole_result_set_in_order(client):
    resp = client.get("/api/export?format=csv&q=war&sort=source&page=3&per_page=1")  # paging is ignored
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert resp.headers["Content-Disposition"] == 'attachment; filename="quotes-war.csv"'
    rows = _csv_rows(resp)
    search = client.get("/api/search?q=war&sort=source&per_page=100").get_json()
    assert [r["id"] for r in rows] == [r["id"] for r in search["results"]]
    assert resp.headers["X-Total-Count"] == resp.headers["X-Exported-Count"] == str(search["total"]) == "5"
    first = next(r for r in rows if r["id"] == ASIF_OPEN_WAR.id)
    assert (first["text"], first["speaker"], first["paragraph"], first["start"]) == (
        "open war", "Khawaja Asif", str(ASIF_OPEN_WAR.paragraph), str(ASIF_OPEN_WAR.start))
    assert first["permalink"] == f"http://localhost/quotes/{ASIF_OPEN_WAR.id}"
    assert client.get("/export.csv?q=war&sort=source").get_data() == resp.get_data()


def test_export_is_capped_and_says_so(client):
    resp = client.get("/api/export?format=json&limit=2&speaker=Khawaja+Asif&sort=source")
    data = resp.get_json()
    assert (data["total"], data["exported"], data["truncated"], data["limit"]) == (3, 2, True, 2)
    assert data["filters"] == {"speaker": ["Khawaja Asif"]} and data["sort"] == "source"
    assert list(data["results"][0]) == RESULT_FIELDS[:-2]
    assert (resp.headers["X-Total-Count"], resp.headers["X-Exported-Count"]) == ("3", "2")
    from web.app import EXPORT_LIMIT
    assert EXPORT_LIMIT == 1000
    assert client.get("/api/export?limit=1001").status_code == 400
    assert client.get("/api/export?format=xml").status_code == 400
    assert client.get("/export.xml").status_code == 404


def test_export_reference_formats_parse(client):
    import json as jsonlib

    import bibtexparser
    import rispy

    from search.citations import bibtex_key

    ids = [r["id"] for r in client.get("/api/search?speaker=Khawaja+Asif&sort=source").get_json()["results"]]
    by_id = {q.id: q for q in fixtures.quotes()}
    bib = client.get("/api/export?format=bibtex&speaker=Khawaja+Asif&sort=source")
    assert bib.headers["Content-Disposition"].endswith('.bib"')
    entries = bibtexparser.loads(bib.get_data(as_text=True)).entries
    assert [e["ID"] for e in entries] == [bibtex_key(by_id[i]) for i in ids]
    ris = client.get("/export.ris?speaker=Khawaja+Asif&sort=source")
    records = rispy.loads(ris.get_data(as_text=True))
    assert [r["type_of_reference"] for r in records] == ["NEWS"] * 3
    assert [r["urls"] for r in records] == [[f"http://localhost/quotes/{i}"] for i in ids]
    csl = jsonlib.loads(client.get("/api/export?format=csljson&speaker=Khawaja+Asif").get_data(as_text=True))
    assert {i["type"] for i in csl} == {"article-newspaper"} and len(csl) == 3


def test_csv_cells_that_a_spreadsheet_would_run_are_defused(tmp_path):
    article = fixtures.articles()[1]
    words = "Pakistan launched airstrikes on Kabul overnight"
    start = article.text.index(words)
    evil = Quote(text="=HYPERLINK(\"http://x\")", kind="direct", start=start, end=start + len(words),
                 source=article.source, title=article.title, speaker_mention="@handle", speaker_type="unattributed")
    build_index(tmp_path / "ix", [(article, [evil])])
    client = create_app({"INDEX_DIR": str(tmp_path / "ix"), "TESTING": True}).test_client()
    [row] = _csv_rows(client.get("/export.csv"))
    assert row["text"] == "'=HYPERLINK(\"http://x\")" and row["speaker_mention"] == "'@handle"
    assert client.get("/api/export?format=json").get_json()["results"][0]["text"] == evil.text  # JSON keeps it


def test_search_page_offers_the_export_of_the_current_search(client):
    page = soup(client.get("/?q=war&speaker=Khawaja+Asif&sort=source&page=2&per_page=2"))
    links = {a.get_text(): a["href"] for a in page.select("details.export a")}
    assert list(links) == ["CSV", "JSON", "BibTeX", "RIS", "CSL-JSON"]
    assert args_of(links["RIS"]) == {"format": ["ris"], "q": ["war"], "sort": ["source"],
                                     "speaker": ["Khawaja Asif"]}
    assert soup(client.get("/?q=qqqqzzzz")).select_one("details.export") is None


# -- API: speakers, OpenAPI --------------------------------------------------------------

def test_api_speakers(client):
    data = client.get("/api/speakers").get_json()
    assert data["speakers"][0] == {"id": "khawaja-asif", "name": "Khawaja Asif", "speaker_type": "person",
                                   "count": 3, "url": "http://localhost/speakers/khawaja-asif"}
    one = client.get("/api/speakers/khawaja-asif").get_json()
    assert one["names_as_written"] == [{"value": "Khawaja Asif", "count": 2}, {"value": "Asif", "count": 1}]
    assert one["sources"] == [{"source": "wire/strikes-kabul.txt", "title": fixtures.STRIKES, "count": 2},
                              {"source": "pk/open-war.txt", "title": fixtures.OPEN_WAR, "count": 1}]


def _resolve(schema: dict, root: dict) -> dict:
    """`schema` with $ref followed and allOf merged into one object schema."""
    while "$ref" in schema:
        node = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    if "allOf" in schema:
        merged = {"type": "object", "required": [], "properties": {}}
        for part in schema["allOf"]:
            part = _resolve(part, root)
            merged["required"] += part.get("required", [])
            merged["properties"].update(part.get("properties", {}))
        return merged
    return schema


_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "array": list,
          "object": dict, "null": type(None)}


def validate(value, schema: dict, root: dict, where: str = "$") -> None:
    """A strict check for the JSON Schema subset the description uses: types, required,
    enum, items, properties, and no field the description does not document."""
    schema = _resolve(schema, root)
    types = schema.get("type")
    if types:
        types = [types] if isinstance(types, str) else types
        ok = any(isinstance(value, _TYPES[t]) and not (t in ("integer", "number") and isinstance(value, bool))
                 for t in types)
        assert ok, f"{where}: {value!r} is not {types}"
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r} not in {schema['enum']}"
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            validate(item, schema["items"], root, f"{where}[{i}]")
    if isinstance(value, dict):
        missing = set(schema.get("required", [])) - set(value)
        assert not missing, f"{where}: missing {sorted(missing)}"
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        if props and extra is None:
            assert set(value) <= set(props), f"{where}: undocumented {sorted(set(value) - set(props))}"
        for key, item in value.items():
            if key in props:
                validate(item, props[key], root, f"{where}.{key}")
            elif isinstance(extra, dict):
                validate(item, extra, root, f"{where}.{key}")


def test_openapi_describes_the_real_responses(client):
    spec = client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.") and spec["servers"] == [{"url": "http://localhost"}]
    assert set(spec["paths"]) == {"/api/search", "/api/quotes/{id}", "/api/speakers", "/api/speakers/{id}",
                                  "/api/export", "/api/openapi.json"}
    schemas = {path: op["get"]["responses"] for path, op in spec["paths"].items()}

    def body(path, status="200", mime="application/json"):
        return _resolve(schemas[path][status], spec)["content"][mime]["schema"]

    cases = [
        ("/api/search?q=open+war&speaker=Khawaja+Asif", body("/api/search")),
        ("/api/search?q=patiense", body("/api/search")),
        (f"/api/quotes/{ASIF_OPEN_WAR.id}", body("/api/quotes/{id}")),
        (f"/api/quotes/{RESIDENT.id}", body("/api/quotes/{id}")),
        ("/api/speakers", body("/api/speakers")),
        ("/api/speakers/khawaja-asif", body("/api/speakers/{id}")),
        ("/api/export?format=json&q=war", body("/api/export")),
        ("/api/search?page=x", body("/api/search", "400")),
        ("/api/quotes/nope", body("/api/quotes/{id}", "404")),
    ]
    for url, schema in cases:
        resp = client.get(url)
        assert str(resp.status_code) in {"200", "400", "404"}
        validate(resp.get_json(), schema, spec, url)
    # the documented search parameters are the ones the app reads
    names = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    from web.app import FILTERS
    assert names == {"q", "min_confidence", "sort", "page", "per_page", *FILTERS}
    # a response with a field the description lacks fails the check
    with pytest.raises(AssertionError, match="undocumented"):
        validate({**client.get("/api/speakers").get_json(), "extra": 1}, body("/api/speakers"), spec)


def test_nav_links_every_page(client):
    for url in ("/", "/speakers", "/speakers/khawaja-asif", "/sources/pk/open-war.txt"):
        nav = soup(client.get(url)).select_one("nav.site-nav")
        assert [a["href"] for a in nav.select("a")] == ["/", "/speakers", "/api/openapi.json"], url


@pytest.mark.parametrize("url", ["/?q=war", "/?q=war&speaker=Khawaja+Asif&kind=partial", "/speakers",
                                 "/speakers/khawaja-asif?q=war", f"/sources/pk/open-war.txt?quote={RESIDENT.id}",
                                 "/?q=patiense"])
def test_controls_are_labelled_and_ids_unique(client, url):
    page = soup(client.get(url))
    ids = [t["id"] for t in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for control in page.find_all(["input", "select", "textarea"]):
        if control.get("type") == "hidden":
            continue
        assert control.get("aria-label") or page.find("label", attrs={"for": control.get("id")}), control
    for button in page.find_all("button"):
        assert button.get_text(strip=True) or button.get("aria-label"), button
    for ref in page.select("[aria-labelledby]"):
        for target in ref["aria-labelledby"].split():
            assert page.find(id=target), target
    assert page.find("html")["lang"] == "en" and page.select_one("a.skip-link")["href"] == "#main"


# -- uncertain records -------------------------------------------------------------------

BANNER = fixtures.find("No war, no borders.")  # confidence 0.4: below UNCERTAIN_BELOW


def test_uncertain_records_are_labelled_and_one_link_hides_them(client):
    page = soup(client.get("/?q=war"))
    card = page.select_one(f"#r-{BANNER.id}")
    assert "uncertain" in card["class"] and card.select_one(".badge.uncertain")
    sure = page.select_one(f"#r-{fixtures.find('open war', 'pk/open-war.txt').id}")
    assert "uncertain" not in sure["class"] and not sure.select_one(".badge.uncertain")

    hide = page.select_one("a.uncertain-toggle")
    assert hide.get_text(strip=True) == "Hide uncertain quotes"
    assert args_of(hide["href"]) == {"q": ["war"], "min_confidence": ["0.6"]}
    hidden = soup(client.get(hide["href"]))
    assert not hidden.select_one(f"#r-{BANNER.id}") and not hidden.select(".card.uncertain")
    assert hidden.select_one(f"#r-{fixtures.find('open war', 'pk/open-war.txt').id}")

    show = hidden.select_one("a.uncertain-toggle")
    assert show.get_text(strip=True) == "Show uncertain quotes too"
    assert args_of(show["href"]) == {"q": ["war"]}


def test_the_api_says_which_records_are_uncertain(client):
    found = {r["id"]: r["uncertain"] for r in client.get("/api/search?q=war&per_page=100").get_json()["results"]}
    assert found[BANNER.id] is True
    assert found[fixtures.find("open war", "pk/open-war.txt").id] is False
