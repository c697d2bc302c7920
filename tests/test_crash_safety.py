"""Crash safety of the index: real `quotes index` processes killed with SIGKILL mid-write.

After every kill, a QuoteService on the index (one opened before, like a running
server, and a fresh one) must answer from a complete index: the last good one, or the
new one if the kill came after it was made live, never anything in between.  Then a
new run must complete, clear the stale lock with a message and remove the half-built
generations.  Corpora are small (about a second of writing) to keep this quick.
"""
from __future__ import annotations

import functools
import re
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from search.errors import IngestError
from search.index import (BUILDING, LOCK, IndexBusy, _writer_lock, add_articles, build_index,
                          current_generation)
from search.model import Article, Quote
from search.pipeline import extract_paths
from search.service import QuoteService

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Jane Doe", "Khawaja Asif", "Farah Qureshi", "Nadia Rahman", "Omar Farooq", "Lena Berg"]
QUOTES_PER_ARTICLE = 8
KILLS = 3


def write_corpus(folder: Path, names: list[str], tag: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(tag)
    for name in names:
        paras = [f"Story {name} {tag} about the border talks"]
        for j in range(QUOTES_PER_ARTICLE):
            paras.append(f"\u201cWe will keep talking about {tag} issue {j} until it is solved,\u201d "
                         f"{rng.choice(NAMES)} said on Monday.")
            paras.append(f"Officials said meeting {j} in the {tag} round would resume next week.")
        (folder / f"{name}.txt").write_text("\n".join(paras) + "\n", encoding="utf-8")


@functools.lru_cache(maxsize=None)
def items(folder: Path):
    out = [r for r in extract_paths([folder]) if not isinstance(r, IngestError)]
    assert out
    return out


def fingerprint(service: QuoteService) -> tuple[int, int, int]:
    """(articles, quotes, hits for "talking"): what a complete index of a corpus answers."""
    stats = service.stats()
    return stats["articles"], stats["quotes"], service.search("talking").total


def counts(index: Path) -> tuple[int, int, int]:
    return fingerprint(QuoteService(index))


def spawn(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "search.cli", "index", *map(str, args), "--quiet"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_while_writing(proc: subprocess.Popen, index: Path, rng: random.Random) -> bool:
    """SIGKILL `proc` at a random moment after it took the writer lock; True if it was still running."""
    deadline = time.monotonic() + 60
    while not (index / LOCK).exists() and proc.poll() is None:
        assert time.monotonic() < deadline, "the indexer never started writing"
        time.sleep(0.005)
    time.sleep(rng.uniform(0.0, 0.3))
    alive = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    return alive


def check_serving(services, index: Path, allowed: set[tuple[int, int, int]]) -> tuple[int, int, int]:
    """Every service answers, with what one complete index answers."""
    seen = set()
    for service in services:
        got = fingerprint(service)
        assert got in allowed, f"served a half-written index: {got}, allowed {allowed}"
        seen.add(got)
    assert len(seen) == 1
    assert current_generation(index).is_dir()
    return seen.pop()


def generations(index: Path) -> list[str]:
    return sorted(p.name for p in index.iterdir() if p.is_dir())


class Corpora(type(Path())):
    """The corpora folder, with `refs`: state -> fingerprint of a complete index of it."""


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    base = Corpora(tmp_path_factory.mktemp("corpora"))
    old = [f"a{i:03d}" for i in range(30)]
    write_corpus(base / "old", old, "old")
    write_corpus(base / "new", [f"b{i:03d}" for i in range(50)], "new")
    # An update: 10 articles of "old" rewritten (fewer quotes each) and 30 new ones.
    write_corpus(base / "update", [f"c{i:03d}" for i in range(30)], "upd")
    for name in old[:10]:
        (base / "update" / f"{name}.txt").write_text(
            f"\u201cWe keep talking about {name},\u201d Jane Doe said.\n", encoding="utf-8")
    # What complete indexes of each state answer, built in-process.
    refs = {}
    for state, steps in {"old": ["old"], "new": ["new"], "updated": ["old", "update"],
                         "both": ["old", "new", "update"]}.items():
        build_index(base / f"ref-{state}", items(base / steps[0]))
        for step in steps[1:]:
            add_articles(base / f"ref-{state}", items(base / step))
        refs[state] = counts(base / f"ref-{state}")
    base.refs = refs
    return base


def test_killed_rebuilds_never_lose_or_half_serve_the_index(corpora, tmp_path):
    index, rng = tmp_path / "index", random.Random(6)
    build_index(index, items(corpora / "old"))
    old, new = corpora.refs["old"], corpora.refs["new"]
    assert counts(index) == old
    running = QuoteService(index)  # like a server that was already up
    running.search("talking")

    interrupted = 0
    for _ in range(KILLS):
        interrupted += kill_while_writing(spawn("--rebuild", corpora / "new", "--index", index), index, rng)
        check_serving([running, QuoteService(index)], index, {old, new})
    assert interrupted, "no kill landed while the rebuild was running"

    stale_lock = (index / LOCK).exists()
    done = subprocess.run([sys.executable, "-m", "search.cli", "index", "--rebuild", corpora / "new",
                           "--index", index, "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert ("cleared a stale lock" in done.stderr) == stale_lock, done.stderr
    assert check_serving([running, QuoteService(index)], index, {new}) == new
    # Only the live generation and the one before it are left; half-built ones are gone.
    assert len(generations(index)) == 2 and current_generation(index).name == generations(index)[-1]
    assert not (index / LOCK).exists()
    assert not [p for p in index.iterdir() if p.name.endswith(".tmp")]


def test_killed_incremental_adds_commit_all_or_nothing(corpora, tmp_path):
    index, rng = tmp_path / "index", random.Random(7)
    build_index(index, items(corpora / "old"))
    before, after = corpora.refs["old"], corpora.refs["updated"]
    running = QuoteService(index)
    running.search("talking")
    generation = current_generation(index)

    interrupted = 0
    for _ in range(KILLS):
        interrupted += kill_while_writing(spawn(corpora / "update", "--index", index), index, rng)
        check_serving([running, QuoteService(index)], index, {before, after})
    assert interrupted, "no kill landed while the update was running"
    # Whoosh's lock is an flock: the WRITELOCK file a killed writer leaves does not block.
    assert list(generation.glob("*WRITELOCK"))

    done = subprocess.run([sys.executable, "-m", "search.cli", "index", corpora / "update", "--index", index,
                           "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert check_serving([running, QuoteService(index)], index, {after}) == after
    assert current_generation(index) == generation  # an add commits in place
    rewritten = running.search("", filters={"source": "a000.txt"})
    assert rewritten.total == 1 and rewritten.hits[0].quote.text.startswith("\u201cWe keep talking about a000")


def test_two_index_runs_at_once_both_land_one_after_the_other(corpora, tmp_path):
    index = tmp_path / "index"
    build_index(index, items(corpora / "old"))
    first, second = spawn(corpora / "new", "--index", index), spawn(corpora / "update", "--index", index)
    for proc in (first, second):
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    assert counts(index) == corpora.refs["both"]
    assert not (index / LOCK).exists()


def test_a_second_writer_waits_then_refuses_clearly(corpora, tmp_path):
    index = tmp_path / "index"
    build_index(index, items(corpora / "old"))
    before = counts(index)
    with _writer_lock(index, timeout=1):
        started = time.monotonic()
        with pytest.raises(IndexBusy, match=rf"another process \(pid {os.getpid()}\) is writing the index"):
            add_articles(index, items(corpora / "update"), timeout=0.3)
        with pytest.raises(IndexBusy, match="try again when it has finished"):
            build_index(index, items(corpora / "new"), timeout=0.3)
        assert time.monotonic() - started >= 0.6  # it waited before refusing
        assert counts(index) == before
    add_articles(index, items(corpora / "update"), timeout=0.3)  # free again
    assert counts(index) != before


def test_stale_lock_and_half_built_generations_are_cleared(corpora, tmp_path):
    index = tmp_path / "index"
    build_index(index, items(corpora / "old"))
    live = current_generation(index).name
    # What a killed rebuild leaves: its lock file with its pid, a half-built generation
    # (numbered after the live one, still marked BUILDING), one killed before it could
    # mark it (empty) and a pointer file it never renamed.
    (index / LOCK).write_text("999999\n")
    half, empty = index / "gen-000007", index / "gen-000008"
    half.mkdir()
    (half / BUILDING).touch()
    (half / "_MAIN_0.toc").write_bytes(b"\x00garbage")
    empty.mkdir()
    (index / ".CURRENT.999999.tmp").write_text("gen-000007\n")
    assert current_generation(index).name == live  # never served

    notes = []
    build_index(index, items(corpora / "new"), on_note=notes.append)
    assert len(notes) == 3 and "cleared a stale lock" in notes[0] and "999999" in notes[0]
    for name in (half.name, empty.name):
        assert any(f"removed half-built generation {name}" in note for note in notes[1:]), notes
    assert generations(index) == [live, current_generation(index).name]
    assert not half.exists() and not empty.exists() and not (index / ".CURRENT.999999.tmp").exists()
    assert not (index / LOCK).exists()
    assert counts(index) == corpora.refs["new"]


def test_an_interrupted_first_build_leaves_no_index_and_the_next_one_builds(corpora, tmp_path):
    index, rng = tmp_path / "index", random.Random(8)
    for _attempt in range(5):  # a kill that lands after the indexer exited proves nothing: try again
        proc = spawn("--rebuild", corpora / "new", "--index", index)
        if kill_while_writing(proc, index, rng) and proc.returncode == -signal.SIGKILL:
            break
        shutil.rmtree(index, ignore_errors=True)
    else:
        pytest.fail("the indexer finished before every kill: nothing was interrupted")
    if (index / "CURRENT").exists():  # the kill came after the swap
        assert counts(index) == corpora.refs["new"]
    done = subprocess.run([sys.executable, "-m", "search.cli", "index", corpora / "old", "--index", index,
                           "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert counts(index)[0] in (30, 80)  # "old" alone, or added to a completed "new"


def test_search_totals_count_every_segment_after_incremental_adds(corpora, tmp_path):
    # Each add commits a new segment; a top-k collector skips segments that cannot make
    # the top k, so counting matches through one once lost a whole segment's hits.
    index, final = tmp_path / "index", {}
    build_index(index, items(corpora / "old"))
    for step in ("old", "update", "new"):
        if step != "old":
            add_articles(index, items(corpora / step))
        final.update((a.source, qs) for a, qs in items(corpora / step))
    expected = sum("talking" in (q.text + q.context).lower() for qs in final.values() for q in qs)
    service = QuoteService(index)
    page = service.search("talking", per_page=100)
    assert page.total == expected
    last = service.search("talking", per_page=100, page=page.pages)
    assert (page.pages - 1) * 100 + len(last.hits) == expected


ADDER = """
import sys
from search.index import add_articles
from search.model import Article, Quote
for i in range(int(sys.argv[2])):
    text = f'"We will win round {i} zephyr," he said.'
    a = Article(source=f"s{i % 7}.txt", title="t", text=text, body=text)
    add_articles(sys.argv[1], [(a, [Quote(text="We will win", kind="direct", start=1, end=12, source=a.source,
                                          context=text)])])
"""


def test_searches_during_many_small_commits_never_fail(tmp_path):
    # Each commit deletes the previous table of contents; opening the index used to trip
    # over one that vanished between listing and reading it (a 500 under load).
    from web.app import create_app

    index = tmp_path / "index"
    text = '"We will win zephyr," he said.'
    build_index(index, [(Article(source="base.txt", title="t", text=text, body=text),
                         [Quote(text="We will win zephyr", kind="direct", start=1, end=19, source="base.txt",
                                context=text)])])
    service, client = QuoteService(index), create_app({"INDEX_DIR": str(index)}).test_client()
    adder = subprocess.Popen([sys.executable, "-c", ADDER, str(index), "80"], cwd=ROOT)
    searches, failures = 0, []
    try:
        while adder.poll() is None:
            try:
                total = service.search("zephyr").total
                assert 1 <= total <= 8, total
                fresh = QuoteService(index).stats()  # a new reader each time: opens the index anew
                assert 1 <= fresh["articles"] <= 8, fresh
            except Exception as exc:  # noqa: BLE001 - every failure is the finding
                failures.append(repr(exc))
            resp = client.get("/api/search?q=zephyr")
            if resp.status_code != 200:
                failures.append(resp.get_data(as_text=True)[:200])
            searches += 1
    finally:
        adder.wait(timeout=120)
    assert adder.returncode == 0
    assert searches > 20 and not failures, failures[:5]


def test_loadtest_smoke():
    """scripts/loadtest.py, shortened: searches on a real server while two adds land."""
    proc = subprocess.run([sys.executable, "scripts/loadtest.py", "--duration", "3", "--clients", "3",
                           "--articles", "6", "--batches", "2", "--base", "20", "--html-share", "0.1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "errors: 0" in proc.stdout and "RESULT: ok" in proc.stdout
    assert re.search(r"requests/s: [\d.]+", proc.stdout) and "p95" in proc.stdout
