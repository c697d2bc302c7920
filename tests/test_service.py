"""QuoteService over real temporary indexes built from a hand-made corpus."""
import sys
import threading

import pytest

from search.errors import IndexUnavailable, NotFound, QueryError
from search.index import add_articles, build_index
from search.model import Article, Quote
from search.service import ArticleView, Facet, QuoteService

ASIF = dict(speaker="Khawaja Asif", speaker_id="khawaja-asif", speaker_type="person",
            affiliation="Government of Pakistan", role="defence minister")
MUJAHID = dict(speaker="Zabihullah Mujahid", speaker_id="zabihullah-mujahid", speaker_type="person",
               affiliation="Taliban")


def make_article(source, title, paragraphs):
    """paragraphs: (paragraph, quoted words, Quote fields); the quote's context is its paragraph."""
    text = "\n".join(p for p, _, _ in paragraphs)
    quotes, pos = [], 0
    for number, (para, words, fields) in enumerate(paragraphs):
        start = pos + para.index(words)
        end = start + len(words)
        quotes.append(Quote(text=words, start=start, end=end, source=source, title=title, spans=((start, end),),
                            context=para, context_start=pos, paragraph=number, publisher="Example", **fields))
        pos += len(para) + 1
    return Article(source=source, title=title, text=text, body=text, publisher="Example"), quotes


DAWN = make_article("news/dawn.txt", "Border tension", [
    ('Defence minister Khawaja Asif said Pakistan was in an "open war" with its neighbour.',
     "open war", dict(kind="partial", confidence=0.9, cue="said", **ASIF)),
    ('"We will defend our land against any aggression," said Zabihullah Mujahid.',
     "We will defend our land against any aggression", dict(kind="direct", confidence=0.8, **MUJAHID)),
    ('"The nights are loud with wars," one resident said.',
     "The nights are loud with wars", dict(kind="direct", confidence=0.5, speaker_type="anonymous",
                                           speaker_mention="one resident")),
])
GEO = make_article("news/geo.txt", "Minister repeats warning", [
    ('Asif repeated that this was "open war".',
     "open war", dict(kind="partial", confidence=0.7, **ASIF)),
    ('"Fighters <script>alert(1)</script> declared war & more," read a leaflet.',
     "Fighters <script>alert(1)</script> declared war & more", dict(kind="direct", confidence=0.3)),
    ("Mujahid said the talks had failed.",
     "the talks had failed", dict(kind="indirect", confidence=0.6, **MUJAHID)),
])
ALL_QUOTES = DAWN[1] + GEO[1]


@pytest.fixture
def index_dir(tmp_path):
    build_index(tmp_path / "index", [DAWN, GEO])
    return tmp_path / "index"


@pytest.fixture
def service(index_dir):
    return QuoteService(index_dir)


def texts(page):
    return sorted(hit.quote.text for hit in page.hits)


def test_keyword_search(service):
    page = service.search("war")
    assert page.total == 4
    assert texts(page) == sorted([ALL_QUOTES[0].text, ALL_QUOTES[2].text, ALL_QUOTES[3].text, ALL_QUOTES[4].text])
    assert service.search("WARS").total == 4  # stemmed, case-insensitive
    assert texts(service.search("NOT war")) == sorted([ALL_QUOTES[1].text, ALL_QUOTES[5].text])


def test_phrase_search(service):
    page = service.search('"open war"')
    assert texts(page) == ["open war", "open war"]
    assert {hit.quote.source for hit in page.hits} == {"news/dawn.txt", "news/geo.txt"}
    assert service.search('"war open"').total == 0


def test_context_words_match_and_quote_text_ranks_first(service):
    page = service.search("leaflet")
    assert texts(page) == [ALL_QUOTES[4].text]
    assert service.search("aggression").hits[0].quote == ALL_QUOTES[1]


def test_filters_single_combined_and_ored(service):
    assert service.search(filters={"speaker": "Khawaja Asif"}).total == 2
    assert service.search("war", {"speaker": ["Khawaja Asif"], "source": ["news/geo.txt"]}).total == 1
    assert service.search(filters={"speaker": ["Khawaja Asif", "Zabihullah Mujahid"]}).total == 4
    assert service.search(filters={"speaker": ["Zabihullah Mujahid"], "kind": ["partial"]}).total == 0
    assert service.search(filters={"speaker_type": ["unattributed"]}).hits[0].quote == ALL_QUOTES[4]
    assert service.search(filters={"speaker_id": ["khawaja-asif"], "speaker": [""]}).total == 2


def test_min_confidence(service):
    assert texts(service.search(min_confidence=0.75)) == sorted([ALL_QUOTES[0].text, ALL_QUOTES[1].text])


def test_facet_counts_over_the_whole_result_set(service):
    page = service.search(per_page=1)
    assert page.total == 6 and len(page.hits) == 1
    assert page.facets == {
        "speaker": [Facet("Khawaja Asif", 2), Facet("Zabihullah Mujahid", 2)],
        "affiliation": [Facet("Government of Pakistan", 2), Facet("Taliban", 2)],
        "kind": [Facet("direct", 3), Facet("partial", 2), Facet("indirect", 1)],
        "speaker_type": [Facet("person", 4), Facet("anonymous", 1), Facet("unattributed", 1)],
        "source": [Facet("news/dawn.txt", 3), Facet("news/geo.txt", 3)],
    }
    filtered = service.search("war", {"source": ["news/geo.txt"]})
    assert filtered.facets["speaker"] == [Facet("Khawaja Asif", 1)]
    assert filtered.facets["kind"] == [Facet("direct", 1), Facet("partial", 1)]


def test_sort_by_source_order(service):
    page = service.search(sort="source", per_page=100)
    assert [hit.quote for hit in page.hits] == ALL_QUOTES
    assert page.sort == "source"


def test_pagination(service):
    pages = [service.search(page=n, per_page=4, sort="source") for n in (1, 2, 3)]
    assert [(p.page, p.pages, p.total, len(p.hits)) for p in pages] == [(1, 2, 6, 4), (2, 2, 6, 2), (3, 2, 6, 0)]
    assert [hit.quote for p in pages for hit in p.hits] == ALL_QUOTES
    assert service.search(page="2", per_page="4").page == 2
    assert service.search("nothingmatches").pages == 0


@pytest.mark.parametrize("kwargs", [
    {"per_page": 0}, {"per_page": 101}, {"page": 0}, {"page": -1}, {"page": "x"}, {"page": 1.5},
    {"sort": "date"}, {"filters": {"title": "x"}}, {"q": "open*"}, {"min_confidence": 2},
])
def test_bad_parameters_raise_query_error(service, kwargs):
    with pytest.raises(QueryError):
        service.search(**kwargs)


def test_highlighting_is_html_safe(service):
    hit = service.search("war", {"speaker_type": ["unattributed"]}).hits[0]
    assert hit.text_html == "Fighters &lt;script&gt;alert(1)&lt;/script&gt; declared <mark>war</mark> &amp; more"
    assert hit.context_html == (
        '&quot;<mark class="quote">Fighters &lt;script&gt;alert(1)&lt;/script&gt; declared <mark>war</mark>'
        " &amp; more</mark>,&quot; read a leaflet."
    )
    plain = service.search(filters={"speaker_type": ["unattributed"]}).hits[0]
    assert "<mark>" not in plain.text_html and "<script>" not in plain.context_html


def test_highlighting_marks_stemmed_words_in_quote_and_context(service):
    hit = service.search("wars", {"speaker": ["Khawaja Asif"]}, sort="source").hits[0]
    assert hit.text_html == "open <mark>war</mark>"
    assert hit.context_html == (
        "Defence minister Khawaja Asif said Pakistan was in an "
        '&quot;<mark class="quote">open <mark>war</mark></mark>&quot; with its neighbour.'
    )


def test_quote_round_trip_and_not_found(service):
    for quote in ALL_QUOTES:
        assert service.quote(quote.id) == quote
    with pytest.raises(NotFound):
        service.quote("0000000000000000")
    with pytest.raises(NotFound):
        service.quote("")


def test_article_round_trip_and_not_found(service):
    article, quotes = GEO
    assert service.article("news/geo.txt") == ArticleView(article, quotes)
    for source in ("news/missing.txt", "", "../etc/passwd"):
        with pytest.raises(NotFound):
            service.article(source)


def test_same_quote_groups_across_articles(service):
    assert service.same_quote(ALL_QUOTES[0]) == [ALL_QUOTES[3]]
    assert service.same_quote(ALL_QUOTES[1]) == []


def test_speakers_and_stats(service):
    assert service.speakers() == [Facet("Khawaja Asif", 2), Facet("Zabihullah Mujahid", 2)]
    assert service.stats() == {"articles": 2, "quotes": 6, "generation": "gen-000001"}


def test_missing_index_is_unavailable(tmp_path):
    service = QuoteService(tmp_path / "nowhere")
    for call in (service.search, service.speakers, service.stats, lambda: service.quote("x"),
                 lambda: service.article("x")):
        with pytest.raises(IndexUnavailable):
            call()
    (tmp_path / "empty").mkdir()
    with pytest.raises(IndexUnavailable):
        QuoteService(tmp_path / "empty").search()


def test_index_without_articles_is_searchable(tmp_path):
    build_index(tmp_path, [])
    service = QuoteService(tmp_path)
    page = service.search("war")
    assert (page.total, page.pages, page.hits) == (0, 0, [])
    assert service.stats() == {"articles": 0, "quotes": 0, "generation": "gen-000001"}


def test_live_service_sees_incremental_updates(service, index_dir):
    assert service.search("ceasefire").total == 0
    replacement = make_article("news/geo.txt", "Ceasefire", [
        ("Asif now spoke of a ceasefire.", "ceasefire", dict(kind="partial", confidence=0.9, **ASIF)),
    ])
    add_articles(index_dir, [replacement])
    assert service.search("ceasefire").total == 1
    assert service.search('"open war"').total == 1  # geo's old quotes are gone, no duplicates
    assert service.article("news/geo.txt") == ArticleView(*replacement)
    assert service.stats() == {"articles": 2, "quotes": 4, "generation": "gen-000001"}


def test_live_service_follows_a_rebuild_and_survives_a_failed_one(service, index_dir):
    assert service.stats()["quotes"] == 6
    build_index(index_dir, [DAWN])
    assert service.stats() == {"articles": 1, "quotes": 3, "generation": "gen-000002"}

    def failing():
        yield GEO
        raise OSError("disk full")

    with pytest.raises(OSError):
        build_index(index_dir, failing())
    assert service.stats() == {"articles": 1, "quotes": 3, "generation": "gen-000002"}
    assert sorted(p.name for p in index_dir.iterdir()) == ["CURRENT", "gen-000001", "gen-000002"]
    with pytest.raises(NotFound):
        service.article("news/geo.txt")


def test_concurrent_searches_share_one_searcher_safely(service):
    # Whoosh readers share file positions; without the service's lock this reads garbage.
    errors, expected = [], service.search("war").total
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)

    def run():
        try:
            for _ in range(30):
                assert service.search("war", per_page=100).total == expected
                assert service.search(filters={"speaker": ["Khawaja Asif"]}).total == 2
        except Exception as e:  # collected so the main thread can report it
            errors.append(e)

    try:
        threads = [threading.Thread(target=run) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
