"""What one request may cost the server, or make it say (issue 20): the spelling
suggester's work and lock, the number of filter values and the page they make, giant
and non-ASCII numbers, export file names outside Latin-1, the Host header, and queries
typed in NFD.  Work is counted (automata, candidates, bytes), never timed.

Limits and promises tested here are written down in SECURITY.md.
"""
from __future__ import annotations

import email.message
import http.client
import json
import logging
import threading
import unicodedata
from urllib.parse import quote as urlquote
from urllib.parse import urlencode

import pytest
from werkzeug.http import parse_options_header
from whoosh.automata import fsa, lev

import fixtures
from search.cli import main as cli_main
from search.errors import QuotesError
from search.service import QuoteService
from web.app import EXPORT_TYPES, create_app

ASIF_OPEN_WAR = fixtures.find("open war", "pk/open-war.txt")
EVIL = "evil.example"
# Words in no quote, none longer than 20 characters: each one is a spelling to correct.
GIBBERISH = " ".join("zq" + "".join("bcdfghjklmnpqrstvwxz"[(i * 7 + j * 3) % 20] for j in range(3 + i % 5))
                     for i in range(120))


def words_prefix(text: str, n: int) -> str:
    return text[:n].rsplit(" ", 1)[0]


class SpellingWork:
    """Counts what did-you-mean costs: Levenshtein automata built (one per word and edit
    distance tried) and vocabulary candidates visited (DFA.next_valid_string calls).
    Whoosh's own corrector and the service's word list both go through these two."""

    def __init__(self, monkeypatch, on_automaton=None):
        self.automata = self.candidates = 0
        real_automaton, real_next = lev.levenshtein_automaton, fsa.DFA.next_valid_string

        def automaton(*args, **kwargs):
            self.automata += 1
            if on_automaton:
                on_automaton()
            return real_automaton(*args, **kwargs)

        def next_valid_string(dfa, *args, **kwargs):
            self.candidates += 1
            return real_next(dfa, *args, **kwargs)

        monkeypatch.setattr(lev, "levenshtein_automaton", automaton)
        monkeypatch.setattr(fsa.DFA, "next_valid_string", next_valid_string)

    def take(self) -> tuple[int, int]:
        out, self.automata, self.candidates = (self.automata, self.candidates), 0, 0
        return out


# -- 4: the spelling suggester ------------------------------------------------------------

def test_suggester_work_is_capped_whatever_the_query_length(index_dir, monkeypatch):
    work = SpellingWork(monkeypatch)
    short, long = words_prefix(GIBBERISH, 300), words_prefix(GIBBERISH, 480)
    assert len(short.split()) > 30
    QuoteService(index_dir).suggest(short)
    automata, candidates = work.take()
    assert 0 < automata <= 2 * 5  # edit distance 1, then 2, for the first five unknown words
    QuoteService(index_dir).suggest(long)
    assert work.take() == (automata, candidates)  # past the cap, a longer query costs nothing more
    from search.spelling import LOOKUP_BUDGET
    assert candidates <= LOOKUP_BUDGET
    # a word longer than 20 characters is not corrected at all
    QuoteService(index_dir).suggest("x" * 300)
    QuoteService(index_dir).suggest("patiensepatiensepatiense")
    assert work.take() == (0, 0)
    # and ordinary corrections still work
    svc = QuoteService(index_dir)
    assert svc.suggest("patiense") == "patience"
    assert svc.suggest("Midnigt windows") == "Midnight windows"
    assert svc.suggest("qqqqzzzz") is None


def test_suggester_answers_are_cached(index_dir, monkeypatch):
    work = SpellingWork(monkeypatch)
    svc = QuoteService(index_dir)
    for q in ("patiense", "qqqqzzzz", words_prefix(GIBBERISH, 300)):
        first = svc.suggest(q)
        assert work.take()[0] > 0, q
        assert svc.suggest(q) == first
        assert work.take() == (0, 0), q  # the second time costs no correction at all


def hold_the_suggester(monkeypatch):
    """(inside, release): the suggester sets `inside` when it starts correcting, then waits for `release`."""
    inside, release = threading.Event(), threading.Event()

    def hold():
        if not inside.is_set():
            inside.set()
            release.wait(30)

    SpellingWork(monkeypatch, on_automaton=hold)
    return inside, release


def test_suggester_does_not_hold_the_searcher_lock_while_correcting(index_dir, monkeypatch):
    svc = QuoteService(index_dir)
    svc.search("war")  # open the searcher first
    inside, release = hold_the_suggester(monkeypatch)
    answer = {}
    attacker = threading.Thread(target=lambda: answer.update(s=svc.suggest("patiense")))
    attacker.start()
    try:
        assert inside.wait(30), "the suggester never started correcting"
        found = {}
        victim = threading.Thread(target=lambda: found.update(total=svc.search("war").total))
        victim.start()
        victim.join(30)  # a deadlock guard, not a timing: it can only finish if the lock is free
        assert not victim.is_alive() and found["total"] == 5, "search waited for the suggester"
    finally:
        release.set()
        attacker.join(30)
    assert answer == {"s": "patience"}


def test_the_vocabulary_is_read_once_per_searcher_a_chunk_per_hold_of_the_lock(index_dir, monkeypatch):
    from search import spelling
    from search.index import open_index

    monkeypatch.setattr(spelling, "VOCABULARY_CHUNK", 7)
    reads = []
    real_read = spelling.VocabularyReader.read
    monkeypatch.setattr(spelling.VocabularyReader, "read", lambda self, s: reads.append(1) or real_read(self, s))
    svc = QuoteService(index_dir)
    assert svc.suggest("patiense") == "patience"
    with open_index(index_dir).searcher() as searcher:
        lexicon = [t.decode("utf-8") for t in searcher.reader().lexicon("text")]
    assert len(lexicon) > 30 and svc._vocabulary.words.words == lexicon  # resumed exactly where it stopped
    assert len(reads) == len(lexicon) // 7 + 1  # one chunk per call, each under its own hold of the lock
    assert svc.suggest("Midnigt") == "Midnight" and len(reads) == len(lexicon) // 7 + 1  # read once


def test_suggestions_follow_the_index(tmp_path):
    from search.index import add_articles, build_index
    from search.model import Article, Quote

    build_index(tmp_path / "ix", fixtures.corpus())
    svc = QuoteService(tmp_path / "ix")
    assert svc.suggest("Zanzibat") is None  # cached for this searcher
    text = "\u201cZanzibar will stay calm,\u201d the governor said."
    start, end = 1, text.index(",\u201d")
    article = Article(source="new/zanzibar.txt", title="Zanzibar", text=text, body=text, publisher="Wire")
    quote = Quote(text=text[start:end], kind="direct", start=start, end=end, source=article.source,
                  title=article.title, spans=((start, end),), context=text, context_start=0, paragraph=1,
                  speaker="the governor", speaker_type="anonymous", confidence=0.7)
    add_articles(tmp_path / "ix", [(article, [quote])])
    assert svc.suggest("Zanzibat") == "Zanzibar"  # a new searcher: a new word list, an emptied cache


# -- a real server on loopback, in this process (so a hook can hold the suggester) --------------

@pytest.fixture(scope="module")
def live(index_dir):
    from waitress.server import create_server

    app = create_app({"INDEX_DIR": str(index_dir), "BASE_URL": "http://quotes.test"})
    server = create_server(app, host="127.0.0.1", port=0, threads=4, ident="quotes")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield server.effective_port
    server.close()
    server.task_dispatcher.shutdown()


def get(port: int, target: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", target, headers=headers or {})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, dict(resp.getheaders()), body


def test_real_server_serves_searches_while_a_suggestion_is_being_computed(live, monkeypatch):
    inside, release = hold_the_suggester(monkeypatch)
    attack = {}
    attacker = threading.Thread(target=lambda: attack.update(r=get(live, "/api/search?" + urlencode(
        {"q": words_prefix(GIBBERISH, 300)}))))
    attacker.start()
    try:
        assert inside.wait(30), "the suggester never started correcting"
        status, _, body = get(live, "/api/search?q=war")  # would wait behind the attacker if it held the lock
        assert status == 200 and json.loads(body)["total"] == 5
    finally:
        release.set()
        attacker.join(30)
    assert attack["r"][0] == 200


# -- 5: filter values -------------------------------------------------------------------------

def qs(pairs) -> str:
    return urlencode(pairs)


@pytest.mark.parametrize("pairs, limit", [
    ([("speaker", f"Speaker {i}") for i in range(21)], "at most 20"),
    ([(f, f"value {i}") for f in ("speaker", "affiliation", "source") for i in range(17)], "at most 50"),
    ([("source", "x" * 501)], "at most 500"),
])
def test_too_many_or_too_long_filter_values_are_a_400_naming_the_limit(client, pairs, limit):
    for url in ("/api/search", "/api/export", "/"):
        resp = client.get(url + "?" + qs(pairs))
        assert resp.status_code == 400, url
        message = resp.get_json()["error"] if url.startswith("/api") else resp.get_data(as_text=True)
        assert limit in message, (url, message[:300])
    spec = client.get("/api/openapi.json").get_json()
    speaker = next(p for p in spec["paths"]["/api/search"]["get"]["parameters"] if p["name"] == "speaker")
    assert "20" in speaker["description"] and "50" in speaker["description"]
    assert speaker["schema"]["maxItems"] == 20 and speaker["schema"]["items"]["maxLength"] == 500


def test_the_search_page_grows_linearly_with_the_request(client):
    base = len(client.get("/?q=war").get_data())
    # 19 distinct speakers (one under the cap): every link carries the 19 once, nothing squares
    many = [("q", "war")] + [("speaker", n) for n in ("Khawaja Asif", "Farah Qureshi")] + [
        ("speaker", f"Nobody Number {i:02}") for i in range(17)]
    resp = client.get("/?" + qs(many))
    assert resp.status_code == 200 and len(soupless_chips(resp)) == 19
    assert len(resp.get_data()) - base < 60 * len(qs(many))
    # the same value 2,000 times, and a parameter repeated: one filter, one value carried
    repeated = [("q", "war"), *[("speaker", "Khawaja Asif")] * 2000, *[("per_page", "5")] * 500]
    resp = client.get("/?" + qs(repeated))
    assert resp.status_code == 200 and len(soupless_chips(resp)) == 1
    assert len(resp.get_data()) < 2 * base
    assert resp.get_data(as_text=True).count("per_page=5") < 30


def soupless_chips(resp) -> list[str]:
    return resp.get_data(as_text=True).split('class="chip"')[1:]


# -- 10: giant and non-ASCII numbers ------------------------------------------------------------

GIANT = "9" * 5000


@pytest.mark.parametrize("url, param", [
    ("/", "page"), ("/", "per_page"), ("/api/search", "page"), ("/api/search", "per_page"),
    ("/api/export", "limit"), ("/export.csv", "limit"), ("/speakers/khawaja-asif", "page"),
    ("/", "min_confidence"), ("/api/search", "min_confidence"), ("/api/export", "min_confidence"),
])
@pytest.mark.parametrize("value", [GIANT, "1" + "0" * 4400, "0." + "1" * 5000, "\u0663", "\u0660.\u0665",
                                   "\uff11"])
def test_giant_or_non_ascii_numbers_are_a_400_without_a_traceback(client, caplog, url, param, value):
    with caplog.at_level(logging.ERROR):
        resp = client.get(url, query_string={param: value})
    assert resp.status_code == 400, (url, param, value[:10], resp.status_code)
    if url.startswith("/api"):
        assert param in resp.get_json()["error"]
    assert len(resp.get_data()) < 20_000  # the giant value is not echoed back whole
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_plain_numbers_still_work(client):
    assert client.get("/api/search?page=1&per_page=100&min_confidence=0.5").status_code == 200
    assert client.get("/api/search?min_confidence=1e-3").status_code == 200
    assert client.get("/api/export?limit=0001").status_code == 200


# -- 6: export file names outside Latin-1 -------------------------------------------------------

NAMES = {"中文": "quotes-中文", "İstanbul": "quotes-i̇stanbul", "\u0663\u0664": "quotes-\u0663\u0664",
         "Москва": "quotes-москва", "open war": "quotes-open-war"}
ASCII_NAMES = {"中文": "quotes", "İstanbul": "quotes-istanbul", "\u0663\u0664": "quotes-34", "Москва": "quotes",
               "open war": "quotes-open-war"}


@pytest.mark.parametrize("q", list(NAMES))
def test_export_file_names_outside_latin1(client, q):
    urls = [f"/api/export?format={fmt}&q={urlquote(q)}" for fmt in EXPORT_TYPES]
    urls += [f"/export.{ext}?q={urlquote(q)}" for ext in ("csv", "json", "bib", "ris")]
    for url in urls:
        resp = client.get(url)
        assert resp.status_code == 200, url
        header = resp.headers["Content-Disposition"]
        header.encode("ascii")  # WSGI sends headers as Latin-1; this one needs no more than ASCII
        ext = resp.headers["Content-Disposition"].rsplit(".", 1)[-1].rstrip('"')
        ext = "csl.json" if "csljson" in url else ext
        kind, params = parse_options_header(header)
        assert kind == "attachment" and params["filename"] == f"{NAMES[q]}.{ext}", (url, header)
        if "filename*=" in header:  # the RFC 5987 value, read alone by the email package's RFC 2231 decoder
            msg = email.message.EmailMessage()
            msg["Content-Disposition"] = "attachment; filename*=" + header.split("filename*=", 1)[1]
            assert msg.get_filename() == f"{NAMES[q]}.{ext}", (url, header)
        fallback = header.split('filename="', 1)[1].split('"', 1)[0]
        assert fallback == f"{ASCII_NAMES[q]}.{ext}", (url, header)


def test_real_server_exports_a_query_outside_latin1(live):
    for q in NAMES:
        status, headers, _ = get(live, "/api/export?format=csv&q=" + urlquote(q))
        assert status == 200, q
        assert parse_options_header(headers["Content-Disposition"])[1]["filename"] == f"{NAMES[q]}.csv"


# -- 12: the Host header ----------------------------------------------------------------------

def host_pages():
    q = ASIF_OPEN_WAR
    return (["/?q=war", "/?q=patiense", "/speakers", "/speakers/khawaja-asif", f"/sources/pk/open-war.txt?quote={q.id}",
             "/api/search?q=war", f"/api/quotes/{q.id}", "/api/speakers", "/api/speakers/khawaja-asif",
             "/api/openapi.json", "/export.csv?q=war", "/export.bib?q=war", "/export.ris?q=war",
             f"/quotes/{q.id}", "/sources//pk/open-war.txt", "/nope", "/api/nope"]
            + [f"/api/export?format={fmt}&q=war" for fmt in EXPORT_TYPES])


def test_the_host_header_is_never_reflected(index_dir):
    client = create_app({"INDEX_DIR": str(index_dir), "BASE_URL": "https://quotes.example.org/"}).test_client()
    for url in host_pages():
        for headers in ({"Host": EVIL}, {"Host": "localhost", "X-Forwarded-Host": EVIL}):
            resp = client.get(url, headers=headers)
            assert resp.status_code < 500, url
            assert EVIL not in resp.get_data(as_text=True), url
            assert EVIL not in str(resp.headers), url
    data = client.get("/api/search?q=war", headers={"Host": EVIL}).get_json()
    assert {r["permalink"].rsplit("/", 1)[0] for r in data["results"]} == {"https://quotes.example.org/quotes"}
    assert all("https://quotes.example.org/quotes/" in r["citations"]["apa"] for r in data["results"])
    spec = client.get("/api/openapi.json", headers={"Host": EVIL}).get_json()
    assert spec["servers"] == [{"url": "https://quotes.example.org"}]
    ris = client.get("/export.ris?q=war", headers={"Host": EVIL}).get_data(as_text=True)
    assert f"UR  - https://quotes.example.org/quotes/{ASIF_OPEN_WAR.id}" in ris


def test_base_url_comes_from_config_then_environment_then_the_bound_address(index_dir, monkeypatch):
    def permalink(app):
        data = app.test_client().get(f"/api/quotes/{ASIF_OPEN_WAR.id}", headers={"Host": EVIL}).get_json()
        return data["permalink"].removesuffix(f"/quotes/{ASIF_OPEN_WAR.id}")

    monkeypatch.delenv("QUOTES_BASE_URL", raising=False)
    assert permalink(create_app({"INDEX_DIR": str(index_dir)})) == "http://127.0.0.1:5000"
    assert permalink(create_app({"INDEX_DIR": str(index_dir), "SERVER_HOST": "10.0.0.7",
                                 "SERVER_PORT": 8080})) == "http://10.0.0.7:8080"
    assert permalink(create_app({"INDEX_DIR": str(index_dir), "SERVER_HOST": "::1",
                                 "SERVER_PORT": 8080})) == "http://[::1]:8080"
    monkeypatch.setenv("QUOTES_BASE_URL", "https://env.example/quotes/")
    assert permalink(create_app({"INDEX_DIR": str(index_dir), "SERVER_HOST": "10.0.0.7"})) == \
        "https://env.example/quotes"
    assert permalink(create_app({"INDEX_DIR": str(index_dir), "BASE_URL": "http://cfg.example"})) == \
        "http://cfg.example"
    for bad in ("quotes.example.org", "ftp://x.example", "https://x.example/?a=1", "https:///nohost"):
        with pytest.raises(QuotesError, match="base URL"):
            create_app({"INDEX_DIR": str(index_dir), "BASE_URL": bad})


def test_quotes_serve_passes_the_base_url_and_the_bound_address(index_dir, monkeypatch):
    import waitress

    seen = []
    monkeypatch.delenv("QUOTES_BASE_URL", raising=False)
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: seen.append((app.config["BASE_URL"], kw["port"])))
    assert cli_main(["serve", "--index", str(index_dir), "--port", "8765"]) == 0
    assert cli_main(["serve", "--index", str(index_dir), "--port", "8765", "--host", "0.0.0.0",
                     "--base-url", "https://quotes.example.org"]) == 0
    assert seen == [("http://127.0.0.1:8765", 8765), ("https://quotes.example.org", 8765)]


# -- 13c: queries and filters typed in NFD -----------------------------------------------------

def test_nfd_queries_and_filters_match_the_nfc_index(seeds_index_dir):
    nfc, nfd = "Ant\u00f3nio", unicodedata.normalize("NFD", "Ant\u00f3nio")
    assert nfd != nfc
    svc = QuoteService(seeds_index_dir)
    want = svc.search(nfc)
    assert want.total > 0
    assert [h.quote.id for h in svc.search(nfd).hits] == [h.quote.id for h in want.hits]
    assert svc.suggest(nfd) is None  # nothing to correct
    speaker = next(f.value for f in want.facets["speaker"] if "Guterres" in f.value)
    by_nfc = svc.search(filters={"speaker": [speaker]})
    assert by_nfc.total > 0
    by_nfd = svc.search(filters={"speaker": [unicodedata.normalize("NFD", speaker)]})
    assert [h.quote.id for h in by_nfd.hits] == [h.quote.id for h in by_nfc.hits]
    assert svc.select(q=nfd).total == svc.select(q=nfc).total == want.total
    client = create_app({"INDEX_DIR": str(seeds_index_dir), "BASE_URL": "http://x.test"}).test_client()
    for url in ("/api/search?", "/api/export?format=json&"):
        a = client.get(url + qs([("q", nfd), ("speaker", unicodedata.normalize("NFD", speaker))])).get_json()
        b = client.get(url + qs([("q", nfc), ("speaker", speaker)])).get_json()
        assert a["results"] and [r["id"] for r in a["results"]] == [r["id"] for r in b["results"]], url


def test_page_links_are_computed_not_looped_over_every_page():
    """per_page=1 on a large index has 10^5 pages; the template looped over all of them."""
    from web.app import page_numbers

    assert page_numbers(1, 1) == [1]
    assert page_numbers(1, 3) == [1, 2, 3]
    assert page_numbers(5, 9) == [1, None, 3, 4, 5, 6, 7, None, 9]
    assert page_numbers(4, 100_000) == [1, 2, 3, 4, 5, 6, None, 100_000]
    assert page_numbers(100_000, 100_000) == [1, None, 99_998, 99_999, 100_000]
    assert len(page_numbers(50_000, 10**9)) == 9
