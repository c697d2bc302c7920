"""The posting-list evaluator (`search.matchset`) against Whoosh's own matcher walk.

A seeded corpus with frequent words (posting lists over many blocks), indexed as
several segments with deleted documents (articles replaced by an incremental add), is
searched both ways over many query shapes: totals, facet counts, scores and the order
of every page must be identical."""
import random
from collections import Counter

import pytest
from whoosh import sorting
from whoosh.codec import whoosh3
from whoosh.writing import NO_MERGE

from search import matchset
from search.index import _quote_doc, add_articles, build_index, load_quote, open_index
from search.model import Article, Quote
from search.query import FACET_FIELDS, FACET_LIMIT, _executed, build_query, search_page

WORDS = ["war", "peace", "talks", "border", "open", "people", "minister", "strikes", "ceasefire", "army",
         "city", "crossing"]
SPEAKERS = [("Khawaja Asif", "khawaja-asif", "Pakistan"), ("Zabihullah Mujahid", "zabihullah-mujahid", "Taliban"),
            ("Ann Lee", "ann-lee", "UN"), (None, None, None)]
KINDS = ["direct", "indirect", "partial"]


def _words(rng, n):
    # Zipf-like: "war" and "peace" are in most quotes, so their postings span many blocks.
    return " ".join(rng.choices(WORDS, weights=[1 / (i + 1) for i in range(len(WORDS))], k=n))


def _article(rng, source, n_quotes):
    quotes, parts = [], []
    for _ in range(n_quotes):
        text = _words(rng, rng.randint(2, 9))
        pos = sum(len(p) + 1 for p in parts)
        parts.append(f'"{text}," someone said about {_words(rng, 3)}.')
        speaker, sid, aff = rng.choice(SPEAKERS)
        quotes.append(Quote(text=text, kind=rng.choice(KINDS), start=pos + 1, end=pos + 1 + len(text),
                            source=source, context=parts[-1], speaker=speaker, speaker_id=sid, affiliation=aff,
                            speaker_type="person" if speaker else "unattributed",
                            confidence=rng.choice([0.3, 0.6, 0.9])))
    body = " ".join(parts)
    return Article(source=source, title=source, text=body, body=body), quotes


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    rng = random.Random(7)
    root = tmp_path_factory.mktemp("matchset")
    build_index(root, [_article(rng, f"a{i:03d}.txt", rng.randint(3, 12)) for i in range(120)])
    # Replace some articles (deletions in the first segment), then write two more segments
    # without merging, so the searcher has several segments and deleted documents.
    add_articles(root, [_article(rng, f"a{i:03d}.txt", 4) for i in range(0, 120, 7)])
    for batch in range(2):
        writer = open_index(root).writer()
        for i in range(10):
            article, quotes = _article(rng, f"b{batch}-{i}.txt", rng.randint(2, 8))
            writer.delete_by_term("source", f"a{batch * 10 + i:03d}.txt")
            writer.add_document(doctype="article", source=article.source, data="{}")
            for q in quotes:
                writer.add_document(**_quote_doc(q))
        writer.commit(merge=False, mergetype=NO_MERGE)
    return root


@pytest.fixture(scope="module")
def searcher(index_dir):
    with open_index(index_dir).searcher() as s:
        assert len(s.leaf_searchers()) >= 3
        assert any(sub.reader().has_deletions() for sub, _ in s.leaf_searchers())
        yield s


QUERIES = ["war", "ceasefire", "crossing", "war peace", "war OR crossing", "war NOT peace", "NOT war",
           "(army OR city) AND talks", "talks ANDNOT war", '"war peace"', '"war war"', '"peace talks border"',
           '"open war" OR city', 'text:strikes', 'context:someone', "war ANDMAYBE city", '"war peace" ANDMAYBE army',
           '"war war peace"', "nosuchword OR army", ""]
FILTERS = [{}, {"kind": ["direct"]}, {"speaker": ["Khawaja Asif", "Ann Lee"], "kind": ["partial", "indirect"]},
           {"affiliation": ["Taliban"]}]


def _reference(searcher, q, filters, min_confidence=0.0, sort="relevance"):
    """Whoosh's own walk: every hit scored, facets from the stored records."""
    order = [sorting.FieldFacet("source"), sorting.FieldFacet("start")] if sort == "source" else None
    results = searcher.search(_executed(build_query(q, filters, min_confidence)), limit=None, sortedby=order)
    facets = {name: Counter() for name in FACET_FIELDS}
    for hit in results:
        quote = load_quote(hit.fields())
        for name in FACET_FIELDS:
            if getattr(quote, name):
                facets[name][getattr(quote, name)] += 1
    return results, facets


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("q", QUERIES)
def test_scores_equal_whooshs_for_every_match(searcher, q, filters):
    run = _executed(build_query(q, filters))
    results = searcher.search(run, limit=None)
    ours = {offset + d: s for _, offset, found in matchset.scored_matches(searcher, run) for d, s in found.items()}
    assert ours == {hit.docnum: hit.score for hit in results}


@pytest.mark.parametrize("sort", ["relevance", "source"])
@pytest.mark.parametrize("filters", FILTERS[::2])  # scores are compared under all of them above
@pytest.mark.parametrize("q", QUERIES)
def test_pages_totals_and_facets_equal_whooshs(searcher, q, filters, sort):
    results, facets = _reference(searcher, q, filters, sort=sort)
    ids = [load_quote(hit.fields()).id for hit in results]
    for page in (1, 2, 4):
        found = search_page(searcher, q, filters, page=page, per_page=7, sort=sort)
        assert found.total == len(results)
        assert [h.quote.id for h in found.hits] == ids[(page - 1) * 7: page * 7]
    assert {name: [(f.value, f.count) for f in values] for name, values in found.facets.items()} == {
        name: sorted(c.items(), key=lambda vc: (-vc[1], vc[0]))[:FACET_LIMIT] for name, c in facets.items()}


def test_min_confidence_and_phrase_with_deleted_documents(searcher):
    results, _ = _reference(searcher, '"war peace"', {}, min_confidence=0.5)
    found = search_page(searcher, '"war peace"', {}, per_page=100, min_confidence=0.5)
    assert found.total == len(results) > 0
    assert [h.quote.id for h in found.hits] == [load_quote(h.fields()).id for h in results][:100]


def test_unknown_matchers_are_walked(searcher, monkeypatch):
    """Without the posting-list path for leaves, every query still gives Whoosh's answer."""
    monkeypatch.setattr(matchset, "W3LeafMatcher", type("Other", (), {}))
    for q in ("war NOT peace", '"war peace"', "NOT war"):
        run = _executed(build_query(q))
        ours = {o + d: s for _, o, found in matchset.scored_matches(searcher, run) for d, s in found.items()}
        assert ours == {hit.docnum: hit.score for hit in searcher.search(run, limit=None)}


def test_the_index_uses_the_codec_this_module_reads(searcher):
    run = _executed(build_query("war"))
    kinds = set()
    stack = [run.matcher(searcher.leaf_searchers()[0][0], searcher.context())]
    while stack:
        m = stack.pop()
        kinds.add(type(m))
        stack.extend(m.children())
    assert whoosh3.W3LeafMatcher in kinds


def test_cached_posting_lists_give_the_same_answers(searcher, monkeypatch):
    """Cached leaves are combined in place by their callers: a second search must not see
    the first one's changes."""
    monkeypatch.setattr(matchset, "LEAF_CACHE_MIN", 1)
    monkeypatch.setattr(matchset, "_LEAF_CACHES", matchset.weakref.WeakKeyDictionary())
    for q in ("war NOT peace", "war peace", "war OR peace", '"war peace"', "war", "peace"):
        for filters in FILTERS[:2]:
            run = _executed(build_query(q, filters))
            expected = {hit.docnum: hit.score for hit in searcher.search(run, limit=None)}
            for _ in range(2):
                ours = {o + d: s for _, o, found in matchset.scored_matches(searcher, run) for d, s in found.items()}
                assert ours == expected
    assert matchset._LEAF_CACHES[searcher].size > 0


@pytest.mark.parametrize("sort", ["relevance", "source"])
def test_pages_served_from_the_cache_equal_fresh_searches(searcher, monkeypatch, sort):
    import search.query as query_module
    monkeypatch.setattr(query_module, "RANKED_KEEP", 12)  # page 3 of 5 fits, page 4 needs a new search
    cache = {}
    for page in (1, 2, 3, 4, 9, 1):
        cached = search_page(searcher, "war", {"kind": ["direct"]}, page=page, per_page=5, sort=sort, cache=cache)
        fresh = search_page(searcher, "war", {"kind": ["direct"]}, page=page, per_page=5, sort=sort)
        assert cached == fresh
    assert len(cache[("ranked", sort, "war", (("kind", ("direct",)),), 0.0)]) == 45
