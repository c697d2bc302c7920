"""The Whoosh index: schema, full rebuilds into generations, incremental updates.

Layout of an index root::

    index/CURRENT       one line naming the live generation, e.g. "gen-000002"
    index/gen-000001/   the previous generation, kept for readers still holding it
    index/gen-000002/   the live generation
    index/LOCK          while an indexer runs: flock-ed, holds its pid (`_writer_lock`)

A full rebuild writes a new generation completely and only then swaps `CURRENT`
with `os.replace`, so readers see either the old index or the new one, never a
half-built one.  An incremental update (`add_articles`) commits into the live
generation; Whoosh commits are atomic for readers.

Recovery rules (every writer applies them under the lock, before it writes):

* Nothing is deleted that this run did not create, except what is provably dead: a
  generation holding `BUILDING` (written first thing into a new generation, removed
  right after `CURRENT` names it, so only a generation never swapped in keeps it; the
  next writer clears a marker left on the live one) or an empty one is a killed
  build's and is removed with a note; a generation older than the one that was live
  when a rebuild started has been replaced twice and goes.  Anything else that is
  not live (a damaged generation, one a person put there) stays,
  and the rebuild says so.
* A missing or garbled `CURRENT` is pointed again at the newest complete generation
  (one that opens and holds documents), with a note; only a folder without any
  generation is built from scratch (`quotes serve` builds the seeds only then).
* A damaged live generation is `IndexUnavailable` (HTTP 503, one CLI line) naming the
  fix, `quotes index --rebuild`; the generation before it stays on disk.
* A write that fails (a full disk: `DiskFull`) removes the files it created; a rebuild
  first checks that its estimated size fits.
* Writer processes of a parallel rebuild die with the indexer and never hold `LOCK`.

Every document stores its record as JSON in one `data` field and is rebuilt with
`Quote.from_dict` / `load_article`; the other fields are indexed or column-only.
Each article has one quote document per quote (doctype "quote") plus one article
document (doctype "article"), so the article view is served from the index alone.
"""
from __future__ import annotations

import errno
import itertools
import json
import math
import multiprocessing
import os
import pickle
import re
import shutil
import signal
import stat
import struct
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import SegmentWriter

from .errors import DiskFull, IndexUnavailable, QuotesError
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
BUILDING = "BUILDING"  # in a generation from its first moment until it is complete
_GENERATION = re.compile(r"gen-(\d{6,})")
_TOC = re.compile(r"_MAIN_\d+\.toc")
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT}
# What reading damaged segment files raises (seen by corrupting real ones); a service
# turns these into IndexUnavailable, and nothing wider, so a bug still shows as one.
READ_DAMAGE = (OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError, UnicodeDecodeError,
               OverflowError)
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
    another writer, then raises `IndexBusy`.  `on_note` hears about a stale lock cleared,
    a lost `CURRENT` recovered and generations removed or left (see the module's rules).
    `DiskFull` when the estimated index does not fit (for a list of items) or a write failed for space."""
    root = Path(index_dir)
    with _writer_lock(root, timeout, on_note):
        return _build(root, items, _recover(root, on_note), on_note)


def _build(root: Path, items, previous: str | None, on_note) -> IndexStats:
    started = time.perf_counter()
    if isinstance(items, Sequence):
        _check_space(root, items)
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
        if any(task.exitcode in _DISK_FULL for task in getattr(writer, "tasks", ())):
            raise OSError(errno.ENOSPC, "a writer process ran out of space")
        with ix.reader() as reader:
            if reader.doc_count_all() != articles + quotes:  # a worker's segment lost: never serve that
                raise QuotesError(f"the new index holds {reader.doc_count_all()} documents, "
                                  f"not {articles + quotes}; the previous index stays live")
        # Swapped in while still marked: a kill between the two steps leaves a live generation
        # with a stale marker (which the next run clears, as only complete ones are swapped
        # in), never a complete one that nothing names and nobody may remove.
        _point_to(root, generation.name)
    except BaseException as exc:
        shutil.rmtree(generation, ignore_errors=True)
        if _is_disk_full(exc):
            raise DiskFull(f"disk full: no space left to rebuild the index at {root}; the live index is "
                           "unchanged; free some space and run again") from None
        raise
    (generation / BUILDING).unlink(missing_ok=True)
    _prune(root, generation.name, previous, on_note)
    return IndexStats(articles, quotes, time.perf_counter() - started, generation)


def _check_space(root: Path, items: Sequence) -> None:
    """DiskFull before writing when the new generation cannot fit.

    A floor, not a guess: about the JSON stored per document (article text twice, quote
    text and context, field overhead) was measured against the free space rebuilds
    needed on a small tmpfs (the seeds, tiny articles, the crash-safety corpus): 2.3 to
    5.6 times it, for job files, sort runs and a segment on disk twice while Whoosh
    assembles it.  So twice it is asked for."""
    need = 2 * sum(len(a.text) + len(a.body) + 200 + sum(len(q.text) + len(q.context) + 400 for q in qs)
                   for a, qs in items)
    free = shutil.disk_usage(root).free
    if free < need:
        raise DiskFull(f"disk full: rebuilding the index at {root} needs at least {math.ceil(need / 1e5) / 10} MB "
                       f"and {math.floor(free / 1e5) / 10} MB are free; free some space and run again "
                       "(the live index is unchanged)")


def _is_disk_full(exc: BaseException | None) -> bool:
    while exc is not None:  # a failure while cancelling may hide the ENOSPC that caused it
        if isinstance(exc, OSError) and exc.errno in _DISK_FULL:
            return True
        exc = exc.__context__
    return False


class _ParallelWriter(MpWriter):
    """Whoosh's multiprocess writer, each worker committing its own segment.

    Its `cancel()` only sets a flag on the parent's copies of the worker processes, so
    the workers stayed blocked on the job queue (and the interpreter waited for them
    at exit): here they are stopped.  Its commit takes each worker's segment with
    `get(timeout=1)` and drops it on a timeout: `_build` counts the documents.  Its
    workers die with the indexer (`_WriterTask`)."""

    def _new_task(self):
        task = _WriterTask(self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs,
                           self.multisegment)
        self.tasks.append(task)
        task.start()
        return task

    def cancel(self):
        try:
            for task in self.tasks:
                task.terminate()
            for task in self.tasks:
                task.join()
        finally:
            SegmentWriter.cancel(self)


class _WriterTask(SubWriterTask):
    """A worker that dies with the indexer: one orphaned by a SIGKILL-ed indexer waited
    forever on its job queue.  A full disk ends it with exit code ENOSPC, no traceback."""

    def __init__(self, *args):
        super().__init__(*args)
        # Forked, its parent is the indexer; started by a fork server, it is not.
        self.indexer = os.getpid() if multiprocessing.get_start_method() == "fork" else None

    def run(self):
        _die_with_parent(self.indexer)
        try:
            super().run()
        except OSError as exc:
            if exc.errno in _DISK_FULL:
                sys.exit(exc.errno)
            raise


def _die_with_parent(parent: int | None) -> None:
    """Have Linux SIGKILL this process when its parent dies (PR_SET_PDEATHSIG)."""
    if sys.platform.startswith("linux"):
        import ctypes

        with suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, ctypes.c_ulong(signal.SIGKILL))  # 1: PR_SET_PDEATHSIG
    if parent is not None and os.getppid() != parent:  # it died before the request took effect
        os._exit(1)


def add_articles(
    index_dir, items: Iterable[tuple[Article, Sequence[Quote]]], timeout: float = 10.0,
    on_note: Callable[[str], None] | None = None,
) -> IndexStats:
    """Add or replace articles (by `source`) in the live generation, creating the index if needed.

    Waits up to `timeout` seconds for another writer (an add or a rebuild: they share
    `_writer_lock`), then raises `IndexBusy`.  A lost `CURRENT` is recovered first; a
    folder whose generations are all damaged is `IndexUnavailable` (never rebuilt from
    these items alone).  `DiskFull` when a write fails for space, with its files removed.
    """
    root = Path(index_dir)
    with _writer_lock(root, timeout, on_note):
        if _recover(root, on_note) is None:
            _refuse_if_generations(root)
            return _build(root, items, None, on_note)
        return _add(root, items, timeout)


def _add(root: Path, items, timeout: float) -> IndexStats:
    started = time.perf_counter()
    ix, searcher = open_searcher(root)  # a damaged generation fails here, before anything is written
    searcher.close()
    generation = Path(ix.storage.folder)
    before = set(generation.rglob("*"))
    try:
        writer = ix.writer(timeout=timeout, limitmb=_WRITER_MB)
    except LockError:
        raise IndexBusy(
            f"another process is writing the index at {ix.storage.folder}; "
            "try again when it has finished"
        ) from None
    try:
        articles, quotes = _write(writer, items, replace=True)
    except BaseException as exc:
        _remove_new_files(generation, before)
        if _is_disk_full(exc):
            raise DiskFull(f"disk full: no space left to add to the index at {root}; it is unchanged; "
                           "free some space and run again") from None
        if isinstance(exc, OSError):
            raise QuotesError(f"cannot write the index at {root}: {exc}; it is unchanged") from exc
        if isinstance(exc, READ_DAMAGE):  # merging read a damaged segment
            raise index_damaged(generation, exc) from exc
        raise
    return IndexStats(articles, quotes, time.perf_counter() - started, generation)


def _remove_new_files(generation: Path, before: set[Path]) -> None:
    """After a failed write, remove what it created (a partial segment, Whoosh's MAIN.tmp
    with its runs and *.ctmp), unless its table of contents landed: then the commit is in."""
    new = set(generation.rglob("*")) - before
    if any(p.parent == generation and _TOC.fullmatch(p.name) for p in new):
        return
    for path in sorted(new, key=lambda p: len(p.parts), reverse=True):  # files before their folders
        with suppress(OSError):
            path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()


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
        name = _read_current(root)
    except OSError as e:
        raise IndexUnavailable(f"cannot read the search index at {root}: {e}") from None
    if name is None:
        if _generation_dirs(root):
            raise IndexUnavailable(f"the search index at {root} has lost its {CURRENT} file; the next "
                                   "`quotes index` or start of `quotes serve` recovers it")
        raise IndexUnavailable(f"there is no search index at {root}; build it first")
    # A listing, not whoosh's exists_in(): that opens the index, and fails now and then when
    # a commit in another process deletes the table of contents it has just listed.
    if not _GENERATION.fullmatch(name) or not any((root / name).glob("_MAIN_*.toc")):
        raise IndexUnavailable(f"the search index at {root} is damaged ({CURRENT} names {name[:40]!r}); the next "
                               "`quotes index` or start of `quotes serve` recovers it")
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
        except OSError as e:
            raise IndexUnavailable(f"cannot open the search index at {generation}: {e}") from None
        except Exception as e:  # noqa: BLE001 - only the table of contents was read: it is damaged
            raise index_damaged(generation, e) from e


def open_searcher(index_dir):
    """(index, searcher) of the live generation; IndexUnavailable naming the fix when it is damaged."""
    for attempt in range(20):
        ix = open_index(index_dir)
        try:
            return ix, ix.searcher()
        except FileNotFoundError as e:
            # A commit in another process merged away a segment this table of contents
            # lists: the next attempt reads the new one.  Twenty times: the file is gone.
            if attempt == 19:
                raise index_damaged(Path(ix.storage.folder), e) from e
            time.sleep(0.01)
        except Exception as e:  # noqa: BLE001 - opening reads only the generation's files
            raise index_damaged(Path(ix.storage.folder), e) from e


def index_damaged(generation: Path, exc: BaseException) -> IndexUnavailable:
    detail = (str(exc).splitlines() or [""])[0][:120]
    root = generation.parent
    return IndexUnavailable(f"the search index at {root} is damaged ({generation.name}: {type(exc).__name__}"
                            f"{': ' + detail if detail else ''}); run `quotes index --rebuild PATH --index {root}` "
                            "to build it anew from the articles")


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
        writer.commit()
    except BaseException:
        _abandon(writer)
        raise
    return articles, quotes


def _abandon(writer) -> None:
    """Cancel a failed writer.  Cancelling may fail too (a full disk again, or a commit
    that got halfway): the first error is the one to report, and Whoosh's lock must go."""
    try:
        writer.cancel()
    except Exception:
        if getattr(writer, "writelock", None):
            with suppress(Exception):
                writer.writelock.release()


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


def _read_current(root: Path) -> str | None:
    """The name `CURRENT` holds, None without one; garbage reads as a name no generation has."""
    try:
        return (root / CURRENT).read_bytes()[:200].decode("utf-8", "replace").strip()
    except FileNotFoundError:
        return None


def _number(name: str) -> int:
    match = _GENERATION.fullmatch(name)
    return int(match.group(1)) if match else -1


def _generation_dirs(root: Path) -> list[Path]:
    """The generation folders under `root`, newest first."""
    try:
        entries = list(root.iterdir())
    except OSError:
        return []
    return sorted((p for p in entries if _number(p.name) >= 0 and p.is_dir() and not p.is_symlink()),
                  key=lambda p: _number(p.name), reverse=True)


def _claim_generation(root: Path) -> Path:
    n = max((_number(p.name) for p in root.iterdir()), default=0)
    while True:  # mkdir is the atomic claim if two builds race
        n = max(n, 0) + 1
        path = root / f"gen-{n:06d}"
        try:
            path.mkdir()
        except FileExistsError:
            continue
        try:
            (path / BUILDING).touch()  # before anything else: a kill from here on leaves it marked
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        return path


def _half_built(generation: Path) -> bool:
    """Provably never completed: marked, or killed between its mkdir and its marker."""
    return (generation / BUILDING).exists() or not any(generation.iterdir())


def _why_unusable(generation: Path) -> str | None:
    """None when the generation is complete: unmarked, opens and holds documents."""
    if _half_built(generation):
        return "half-built"
    try:
        with FileStorage(str(generation), supports_mmap=False).open_index().searcher() as searcher:
            docs = searcher.doc_count_all()
    except Exception as exc:  # noqa: BLE001 - a probe of the files: whatever they make Whoosh raise
        return f"damaged, {type(exc).__name__}"
    return None if docs > 0 else "empty"


def _recover(root: Path, on_note: Callable[[str], None] | None) -> str | None:
    """The live generation's name, once what killed runs left is cleared and a lost or
    garbled `CURRENT` points at the newest complete generation again; None when no
    generation is complete.  Callers hold the writer lock, so no build is running."""
    note = on_note or (lambda _message: None)
    live = _read_current(root)
    if live and _GENERATION.fullmatch(live):
        (root / live / BUILDING).unlink(missing_ok=True)  # swapped in complete; killed before unmarking
    for path in _generation_dirs(root):
        if path.name != live and _half_built(path):
            shutil.rmtree(path, ignore_errors=True)
            note(f"removed half-built generation {path.name} of the index at {root}, left by a run that did not finish")
    for path in root.glob(f".{CURRENT}.*.tmp"):  # a pointer a kill left before renaming it
        path.unlink(missing_ok=True)
    if index_exists(root):
        return live
    passed = []
    for path in _generation_dirs(root):
        why = _why_unusable(path)
        if why is None:
            _point_to(root, path.name)
            was = "was missing" if live is None else f"named {live[:40]!r}"
            note(f"recovered {CURRENT} of the index at {root}: it names {path.name}, the newest complete generation "
                 f"({CURRENT} {was}{''.join(f'; passed over {p}' for p in passed)})")
            return path.name
        passed.append(f"{path.name}, {why}")
    return None


def _refuse_if_generations(root: Path) -> None:
    """IndexUnavailable when `root` holds generations but none is complete: a new index of
    just the articles at hand would take the real one's place."""
    found = _generation_dirs(root)
    if found:
        raise IndexUnavailable(
            f"the search index at {root} is damaged: no generation is complete ({', '.join(p.name for p in found)}); "
            f"run `quotes index --rebuild PATH --index {root}` to build it anew from the articles")


def recover_index(index_dir, timeout: float = 10.0, on_note: Callable[[str], None] | None = None) -> bool:
    """True when there is a live index (a lost `CURRENT` recovered first), False when the
    folder holds no generation at all (so one may be built from scratch); IndexUnavailable
    when it holds generations but none is complete."""
    root = Path(index_dir)
    if index_exists(root):
        return True
    if not _generation_dirs(root):  # nothing to recover (and no folder made for nothing)
        return False
    with _writer_lock(root, timeout, on_note):
        if _recover(root, on_note) is not None:
            return True
        _refuse_if_generations(root)
        return False


def _point_to(root: Path, name: str) -> None:
    tmp = root / f".{CURRENT}.{os.getpid()}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(name + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, root / CURRENT)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _prune(root: Path, new: str, previous: str | None, on_note: Callable[[str], None] | None) -> None:
    # Keep the previous generation: Whoosh opens segment files lazily, so a reader that
    # still holds it must find its files.  Numbers only grow, so a generation older than
    # it has been replaced twice: it goes.  Any other was not made by this run (a build
    # killed after completing, before its swap; one recovery passed over as damaged): it
    # stays for a person to look at, and the note says so.
    floor = _number(previous) if previous else -1
    for path in _generation_dirs(root):
        if path.name in (new, previous):
            continue
        if _number(path.name) < floor:
            shutil.rmtree(path, ignore_errors=True)
        elif on_note:
            on_note(f"left {path} in place: it is not the live index and this run did not make it; "
                    "remove it if it is not needed")


LOCK = "LOCK"  # index/LOCK: flock-ed by the one process writing under this root; holds its pid
_HELD_LOCKS: set[int] = set()  # descriptors of the LOCK files this process holds


def _close_held_locks() -> None:
    # In a child forked while a lock is held (a parallel rebuild's worker): an flock
    # belongs to the open file, so a child keeping the descriptor kept the lock after
    # the indexer died, and every later run waited for it and failed.
    for fd in _HELD_LOCKS:
        with suppress(OSError):
            os.close(fd)
    _HELD_LOCKS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_held_locks)


def _open_lock(path: Path) -> int:
    """The lock file, never through a symlink nor as a hard link or special file: the
    writer truncates and rewrites it."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError as e:
        if path.is_symlink():
            raise QuotesError(f"{path} is a symbolic link, which the indexer does not follow; "
                              "remove it and run again") from None
        raise QuotesError(f"cannot open the lock file {path}: {e.strerror}") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or st.st_nlink > 1:  # 0 links: its holder just removed it, see below
        os.close(fd)
        raise QuotesError(f"{path} is not a plain lock file (a hard link or a special file); "
                          "remove it and run again")
    return fd


def _pid_in(fd: int) -> str:
    """The pid a lock file holds, or "unknown": nothing else in it is ever shown."""
    raw = os.pread(fd, 32, 0).strip()
    return raw.decode("ascii") if raw.isdigit() else "unknown"


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
        fd = _open_lock(path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _pid_in(fd)
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
    _HELD_LOCKS.add(fd)
    try:
        if os.pread(fd, 1, 0) and on_note:
            on_note(f"cleared a stale lock on {root} left by indexer pid {_pid_in(fd)}, which did not finish "
                    "(killed?); the live index is the last one that was completed")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        path.unlink(missing_ok=True)  # still locked: nobody else can hold this file now
        _HELD_LOCKS.discard(fd)
        os.close(fd)  # releases the flock
