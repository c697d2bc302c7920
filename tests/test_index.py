"""Index generations: full rebuilds, atomic swaps, failed builds, incremental updates, locking."""
import pytest
from whoosh import index as whoosh_index

from search.errors import IndexUnavailable, QuotesError
from search.index import (
    IndexBusy,
    add_articles,
    build_index,
    current_generation,
    index_exists,
    load_quote,
    open_index,
)
from search.model import Article, Quote


def article(source, *quote_texts):
    text = " ".join(f'"{t}," he said.' for t in quote_texts)
    quotes = [
        Quote(text=t, kind="direct", start=text.index(t), end=text.index(t) + len(t), source=source,
              context=text, speaker="Khawaja Asif", speaker_type="person", confidence=0.9)
        for t in quote_texts
    ]
    return Article(source=source, title=source, text=text, body=text), quotes


CORPUS = [article("a.txt", "open war", "no talks"), article("b.txt", "peace now")]


def doc_count(index_dir):
    with open_index(index_dir).searcher() as s:
        return s.doc_count()


def generations(root):
    return sorted(p.name for p in root.iterdir() if p.is_dir())


def test_build_writes_a_generation_and_points_to_it(tmp_path):
    stats = build_index(tmp_path, CORPUS)
    assert (stats.articles, stats.quotes) == (2, 3)
    assert stats.path == tmp_path / "gen-000001" == current_generation(tmp_path)
    assert (tmp_path / "CURRENT").read_text() == "gen-000001\n"
    assert index_exists(tmp_path)
    assert doc_count(tmp_path) == 5  # 3 quote documents + 2 article documents


def test_rebuild_swaps_and_keeps_only_the_previous_generation(tmp_path):
    build_index(tmp_path, CORPUS)
    build_index(tmp_path, CORPUS[:1])
    assert current_generation(tmp_path).name == "gen-000002"
    assert generations(tmp_path) == ["gen-000001", "gen-000002"]
    build_index(tmp_path, CORPUS)
    assert generations(tmp_path) == ["gen-000002", "gen-000003"]
    assert doc_count(tmp_path) == 5


def test_failed_rebuild_leaves_the_old_index_serving(tmp_path):
    build_index(tmp_path, CORPUS)

    def items():
        yield CORPUS[0]
        raise RuntimeError("extractor crashed")

    with pytest.raises(RuntimeError, match="extractor crashed"):
        build_index(tmp_path, items())
    assert current_generation(tmp_path).name == "gen-000001"
    assert generations(tmp_path) == ["gen-000001"]
    assert doc_count(tmp_path) == 5


def test_inconsistent_items_abort_the_build(tmp_path):
    a, quotes = CORPUS[0]
    with pytest.raises(ValueError, match="given twice"):
        build_index(tmp_path, [CORPUS[0], CORPUS[0]])
    with pytest.raises(ValueError, match="has source"):
        build_index(tmp_path, [(a, [Quote(text="x", kind="direct", start=0, end=1, source="other.txt")])])
    assert not index_exists(tmp_path)
    assert generations(tmp_path) == []


@pytest.mark.parametrize("current", [None, "gen-000009", "../elsewhere", ""])
def test_missing_or_damaged_index_is_unavailable(tmp_path, current):
    if current is not None:
        (tmp_path / "CURRENT").write_text(current)
    assert not index_exists(tmp_path)
    with pytest.raises(IndexUnavailable):
        current_generation(tmp_path)
    with pytest.raises(IndexUnavailable):
        open_index(tmp_path)


def test_add_articles_creates_the_index_when_missing(tmp_path):
    stats = add_articles(tmp_path / "new", CORPUS)
    assert stats.quotes == 3
    assert current_generation(tmp_path / "new").name == "gen-000001"


def test_add_articles_replaces_by_source(tmp_path):
    build_index(tmp_path, CORPUS)
    stats = add_articles(tmp_path, [article("a.txt", "open war again"), article("c.txt", "ceasefire")])
    assert (stats.articles, stats.quotes) == (2, 2)
    assert stats.path == current_generation(tmp_path)  # same generation, new commit
    with open_index(tmp_path).searcher() as s:
        assert s.doc_count() == 6  # a: 1 quote + article, b: 1 + article, c: 1 + article
        quotes = [load_quote(s.stored_fields(n)) for n in s.document_numbers(source="a.txt", doctype="quote")]
        assert [q.text for q in quotes] == ["open war again"]


def test_failed_add_leaves_the_index_unchanged(tmp_path):
    build_index(tmp_path, CORPUS)

    def items():
        yield article("a.txt", "replaced")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        add_articles(tmp_path, items())
    assert doc_count(tmp_path) == 5


def test_concurrent_writer_gets_a_clear_error(tmp_path):
    build_index(tmp_path, CORPUS)
    writer = open_index(tmp_path).writer()
    try:
        with pytest.raises(IndexBusy, match="another process is writing") as caught:
            add_articles(tmp_path, [article("c.txt", "x y")], timeout=0.2)
        assert isinstance(caught.value, QuotesError)
    finally:
        writer.cancel()
    add_articles(tmp_path, [article("c.txt", "x y")], timeout=0.2)


def test_lock_file_left_by_a_killed_writer_does_not_block(tmp_path):
    build_index(tmp_path, CORPUS)
    # Whoosh locks with flock, which dies with the process; only the file remains.
    # (Its name is <indexname>_WRITELOCK; the file must be the one a real writer uses.)
    lock = current_generation(tmp_path) / "MAIN_WRITELOCK"
    lock.touch()
    assert lock.exists()
    add_articles(tmp_path, [article("c.txt", "ceasefire")], timeout=0.2)
    assert whoosh_index.exists_in(current_generation(tmp_path))
    assert doc_count(tmp_path) == 7


def many_articles(n):
    return [article(f"p{i:03d}.txt", f"open war {i}", f"talks number {i % 7}") for i in range(n)]


def quote_ids(index_dir):
    with open_index(index_dir).searcher() as s:
        return sorted(load_quote(s.stored_fields(n)).id for n in s.document_numbers(doctype="quote"))


def test_a_large_rebuild_runs_writer_processes_with_the_same_documents(tmp_path, monkeypatch):
    import search.index as index_module
    monkeypatch.setattr(index_module, "PARALLEL_MIN_ARTICLES", 10)
    monkeypatch.setattr(index_module, "PROCS", 2)
    stats = build_index(tmp_path / "mp", many_articles(40))
    monkeypatch.setattr(index_module, "PROCS", 1)
    build_index(tmp_path / "one", many_articles(40))
    assert stats.quotes == 80
    assert doc_count(tmp_path / "mp") == doc_count(tmp_path / "one") == 120
    assert quote_ids(tmp_path / "mp") == quote_ids(tmp_path / "one")
    with open_index(tmp_path / "mp").searcher() as s:
        assert len(s.leaf_searchers()) >= 2  # each worker wrote a segment


def test_a_failed_parallel_rebuild_stops_its_workers(tmp_path, monkeypatch):
    import multiprocessing

    import search.index as index_module
    monkeypatch.setattr(index_module, "PARALLEL_MIN_ARTICLES", 10)
    monkeypatch.setattr(index_module, "PROCS", 2)
    build_index(tmp_path, CORPUS)

    def items():
        yield from many_articles(400)  # enough batches to start both workers
        raise RuntimeError("extractor crashed")

    with pytest.raises(RuntimeError, match="extractor crashed"):
        build_index(tmp_path, items())
    assert multiprocessing.active_children() == []
    assert generations(tmp_path) == ["gen-000001"]
    assert doc_count(tmp_path) == 5


def test_a_parallel_rebuild_that_lost_documents_is_not_served(tmp_path, monkeypatch):
    import search.index as index_module
    monkeypatch.setattr(index_module, "PARALLEL_MIN_ARTICLES", 10)
    monkeypatch.setattr(index_module, "PROCS", 2)
    build_index(tmp_path, CORPUS)
    real_write = index_module._write

    def write_claiming_one_more(writer, items):  # as if a worker's segment had been dropped
        articles, quotes = real_write(writer, items)
        return articles, quotes + 1

    monkeypatch.setattr(index_module, "_write", write_claiming_one_more)
    with pytest.raises(QuotesError, match="previous index stays live"):
        build_index(tmp_path, many_articles(40))
    assert current_generation(tmp_path).name == "gen-000001"
    assert generations(tmp_path) == ["gen-000001"]
