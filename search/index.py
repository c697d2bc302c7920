"""The Whoosh index: schema, full rebuilds into generations, incremental updates.

Layout of an index root::

    index/CURRENT       one line naming the live generation, e.g. "gen-000002"
    index/gen-000001/   the previous generation, kept for readers still holding it
    index/gen-000002/   the live generation

A full rebuild writes a new generation completely and only then swaps `CURRENT`
with `os.replace`, so readers see either the old index or the new one, never a
half-built one.  An incremental update (`add_articles`) commits into the live
generation; Whoosh commits are atomic for readers.

Every document stores its record as JSON in one `data` field and is rebuilt with
`Quote.from_dict` / `load_article`; the other fields are indexed or column-only.
Each article has one quote document per quote (doctype "quote") plus one article
document (doctype "article"), so the article view is served from the index alone.
"""
from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError
from whoosh.multiproc import MpWriter
from whoosh.writing import SegmentWriter

from .errors import IndexUnavailable, QuotesError
from .model import Article, Quote

try:
    import fcntl
except ImportError:  # not POSIX: Whoosh's own write lock is all there is
    fcntl = None

ANALYZER = StemmingAnalyzer()
# Filterable/facetable fields are column-backed (sortable) so facet counts read
# columns instead of unpickling stored fields.
SCHEMA = Schema(
    doctype=ID(sortable=True),  # "quote" | "article"
    id=ID(unique=True),
    key=ID(sortable=True),
    text=TEXT(analyzer=ANALYZER),
    context=TEXT(analyzer=ANALYZER),
    speaker=ID(sortable=True),
    speaker_id=ID(sortable=True),
    affiliation=ID(sortable=True),
    role=ID(sortable=True),
    kind=ID(sortable=True),
    speaker_type=ID(sortable=True),
    source=ID(sortable=True),
    # One term per value (shift_step=0): the default tiered encoding indexes 8 terms for
    # an int and 16 for a float, which made these two fields most of a build's postings;
    # `start` is only sorted on (column) and `confidence` has few distinct values, so a
    # range over it enumerates few terms.
    start=NUMERIC(int, sortable=True, shift_step=0),
    confidence=NUMERIC(float, shift_step=0),
    data=STORED,
)

CURRENT = "CURRENT"
_GENERATION = re.compile(r"gen-(\d{6,})")
_WRITER_MB = 256
# A full rebuild of more than PARALLEL_MIN_ARTICLES articles runs PROCS writer processes,
# each writing its own segment (a search reads the segments one after another).
PROCS = min(os.cpu_count() or 1, 2)
PARALLEL_MIN_ARTICLES = 500
_OPTIONAL_IDS = ("speaker", "speaker_id", "affiliation", "role")


def _remember_missing_columns() -> None:
    """Make Whoosh's per-document reader remember that a length column is absent.

    `W3PerDocReader._cached_reader` caches the column readers it finds but not a miss,
    so every posting of a field without lengths (all ID and NUMERIC fields) costs a
    `stat()` of a file that does not exist when a segment is flushed or a query is
    scored: a quarter of a build's time in the profile.  Segment files never change
    once written, so a miss stays a miss for the reader's lifetime."""
    from whoosh.codec import whoosh3

    reader_class = whoosh3.W3PerDocReader
    original = reader_class._cached_reader
    if getattr(original, "remembers_missing", False):
        return

    def _cached_reader(self, fieldname, column):
        try:
            return self._readers[fieldname]
        except KeyError:
            reader = self._readers[fieldname] = original(self, fieldname, column)
            return reader

    _cached_reader.remembers_missing = True
    _cached_reader.original = original  # the benchmark's naive baseline runs without it
    reader_class._cached_reader = _cached_reader


_remember_missing_columns()


class IndexBusy(QuotesError):
    """Another process holds the index's write lock."""


@dataclass(frozen=True)
class IndexStats:
    articles: int
    quotes: int
    seconds: float
    path: Path  # the generation written to


def build_index(index_dir, items: Iterable[tuple[Article, Sequence[Quote]]], timeout: float = 10.0,
                on_note: Callable[[str], None] | None = None) -> IndexStats:
    """Full rebuild into a new generation; on any failure the live index is untouched.

    Holds the index's writer lock (`_writer_lock`): waits up to `timeout` seconds for
    another writer, then raises `IndexBusy`.  `on_note` hears about a stale lock cleared."""
    with _writer_lock(Path(index_dir), timeout, on_note):
        return _build(Path(index_dir), items)


def _build(root: Path, items) -> IndexStats:
    started = time.perf_counter()
    previous = _live_name(root)
    generation = _claim_generation(root)
    try:
        ix = whoosh_index.create_in(generation, SCHEMA)
        items = iter(items)
        first = list(itertools.islice(items, PARALLEL_MIN_ARTICLES))
        if PROCS > 1 and len(first) == PARALLEL_MIN_ARTICLES:
            writer = _ParallelWriter(ix, procs=PROCS, multisegment=True, limitmb=_WRITER_MB // PROCS)
        else:
            writer = ix.writer(limitmb=_WRITER_MB)
        articles, quotes = _write(writer, itertools.chain(first, items))
        with ix.reader() as reader:
            if reader.doc_count_all() != articles + quotes:  # a worker's segment lost: never serve that
                raise QuotesError(f"the new index holds {reader.doc_count_all()} documents, "
                                  f"not {articles + quotes}; the previous index stays live")
        _point_to(root, generation.name)
    except BaseException:
        shutil.rmtree(generation, ignore_errors=True)
        raise
    _prune(root, keep={generation.name, previous})
    return IndexStats(articles, quotes, time.perf_counter() - started, generation)


class _ParallelWriter(MpWriter):
    """Whoosh's multiprocess writer, each worker committing its own segment.

    Its `cancel()` only sets a flag on the parent's copies of the worker processes, so
    the workers stayed blocked on the job queue (and the interpreter waited for them
    at exit): here they are stopped.  Its commit takes each worker's segment with
    `get(timeout=1)` and drops it on a timeout: `_build` counts the documents."""

    def cancel(self):
        try:
            for task in self.tasks:
                task.terminate()
            for task in self.tasks:
                task.join()
        finally:
            SegmentWriter.cancel(self)


def add_articles(
    index_dir, items: Iterable[tuple[Article, Sequence[Quote]]], timeout: float = 10.0,
    on_note: Callable[[str], None] | None = None,
) -> IndexStats:
    """Add or replace articles (by `source`) in the live generation, creating the index if needed.

    Waits up to `timeout` seconds for another writer (an add or a rebuild: they share
    `_writer_lock`), then raises `IndexBusy`.
    """
    with _writer_lock(Path(index_dir), timeout, on_note):
        if not index_exists(index_dir):
            return _build(Path(index_dir), items)
        return _add(index_dir, items, timeout)


def _add(index_dir, items, timeout: float) -> IndexStats:
    started = time.perf_counter()
    ix = open_index(index_dir)
    try:
        writer = ix.writer(timeout=timeout, limitmb=_WRITER_MB)
    except LockError:
        raise IndexBusy(
            f"another process is writing the index at {ix.storage.folder}; "
            "try again when it has finished"
        ) from None
    articles, quotes = _write(writer, items, replace=True)
    return IndexStats(articles, quotes, time.perf_counter() - started, Path(ix.storage.folder))


def index_exists(index_dir) -> bool:
    try:
        current_generation(index_dir)
    except IndexUnavailable:
        return False
    return True


def current_generation(index_dir) -> Path:
    """The live generation directory; IndexUnavailable when there is none or it is unusable."""
    root = Path(index_dir)
    try:
        name = (root / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise IndexUnavailable(f"there is no search index at {root}; build it first") from None
    except OSError as e:
        raise IndexUnavailable(f"cannot read the search index at {root}: {e}") from None
    # A listing, not whoosh's exists_in(): that opens the index, and fails now and then when
    # a commit in another process deletes the table of contents it has just listed.
    if not _GENERATION.fullmatch(name) or not any((root / name).glob("_MAIN_*.toc")):
        raise IndexUnavailable(f"the search index at {root} is damaged ({CURRENT} names {name!r}); rebuild it")
    return root / name


def open_index(index_dir):
    """The live generation as a Whoosh index."""
    generation = current_generation(index_dir)
    for attempt in range(20):
        try:
            # Without mmap: a mapped index counted every touched page in the server's RSS
            # (318 MB after one search of a 150 MB, 95k-quote index, against 40 MB read
            # through files) for ~20% less CPU per search.
            return FileStorage(str(generation), supports_mmap=False).open_index()
        except FileNotFoundError:
            # A commit in another process replaced the table of contents between listing
            # it and reading it: the next attempt reads the new one.
            if attempt == 19:
                raise IndexUnavailable(f"the search index at {generation} keeps changing; try again") from None
            time.sleep(0.01)
        except (OSError, whoosh_index.IndexError) as e:
            raise IndexUnavailable(f"cannot open the search index at {generation}: {e}") from None


def load_quote(stored: dict) -> Quote:
    return Quote.from_dict(json.loads(stored["data"]))


def load_article(stored: dict) -> Article:
    d = json.loads(stored["data"])
    d["skipped"] = tuple(tuple(s) for s in d.get("skipped") or ())
    if d.get("file_offsets") is not None:
        d["file_offsets"] = tuple(d["file_offsets"])
    return Article(**d)


def _write(writer, items, replace: bool = False) -> tuple[int, int]:
    articles = quotes = 0
    seen: set[str] = set()
    try:
        for article, article_quotes in items:
            if article.source in seen:
                raise ValueError(f"article {article.source!r} given twice")
            seen.add(article.source)
            if replace:
                writer.delete_by_term("source", article.source)
            writer.add_document(
                doctype="article",
                source=article.source,
                data=json.dumps(asdict(article), ensure_ascii=False),
            )
            for quote in article_quotes:
                if quote.source != article.source:
                    raise ValueError(f"quote {quote.id} has source {quote.source!r}, not {article.source!r}")
                writer.add_document(**_quote_doc(quote))
            articles += 1
            quotes += len(article_quotes)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return articles, quotes


def _quote_doc(quote: Quote) -> dict:
    record = quote.to_dict()  # computes id and key once
    doc = dict(
        doctype="quote",
        id=record["id"],
        key=record["key"],
        text=quote.text,
        context=quote.context,
        kind=quote.kind,
        speaker_type=quote.speaker_type,
        source=quote.source,
        start=quote.start,
        confidence=float(quote.confidence),
        data=json.dumps(record, ensure_ascii=False),
    )
    # An empty ID would be indexed as a real "" term; leaving the field out keeps
    # unattributed quotes out of the speaker facet.
    doc.update((name, getattr(quote, name)) for name in _OPTIONAL_IDS if getattr(quote, name))
    return doc


def _live_name(root: Path) -> str | None:
    try:
        return (root / CURRENT).read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def _number(name: str) -> int:
    match = _GENERATION.fullmatch(name)
    return int(match.group(1)) if match else -1


def _claim_generation(root: Path) -> Path:
    n = max((_number(p.name) for p in root.iterdir()), default=0)
    while True:  # mkdir is the atomic claim if two builds race
        n = max(n, 0) + 1
        path = root / f"gen-{n:06d}"
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue


def _point_to(root: Path, name: str) -> None:
    tmp = root / f".{CURRENT}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, root / CURRENT)


def _prune(root: Path, keep: set[str | None]) -> None:
    # Keep the previous generation: Whoosh opens segment files lazily, so a reader
    # that still holds it must find its files.  Every other generation goes: older
    # ones, and half-built ones of rebuilds that were killed (no build is running:
    # the caller holds the writer lock).  So do pointer files a kill left behind.
    for path in root.iterdir():
        if path.is_dir() and _number(path.name) >= 0 and path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)
        elif path.name.startswith(f".{CURRENT}.") and path.name.endswith(".tmp"):
            path.unlink(missing_ok=True)


LOCK = "LOCK"  # index/LOCK: flock-ed by the one process writing under this root; holds its pid


@contextmanager
def _writer_lock(root: Path, timeout: float, on_note: Callable[[str], None] | None = None):
    """One writer per index root, across processes: rebuilds and adds wait for each other.

    An flock dies with its process, so a writer killed with SIGKILL never blocks the
    next one; the lock file it leaves behind (with its pid) tells the next writer that
    it did not finish.  A writer that finishes removes the file."""
    root.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    path, deadline = root / LOCK, time.monotonic() + timeout
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            if time.monotonic() >= deadline:
                raise IndexBusy(f"another process (pid {holder}) is writing the index at {root}; "
                                "try again when it has finished") from None
            time.sleep(0.05)
            continue
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # the holder removed the file as we opened it: lock the new one
    try:
        stale = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        if stale and on_note:
            on_note(f"cleared a stale lock on {root} left by indexer pid {stale}, which did not finish "
                    "(killed?); the live index is the last one that was completed")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        path.unlink(missing_ok=True)  # still locked: nobody else can hold this file now
        os.close(fd)  # releases the flock
