"""The index is never lost or wedged: real `quotes` processes, real SIGKILL, real files.

A killed parallel rebuild leaves no writer process behind; a lost or garbled `CURRENT`
is recovered from the generations instead of replaced by a build of the seeds; a
damaged generation is a 503 and a one-line CLI error that names the fix; a full disk
is one line and leaves no debris; the lock file is never opened through a link nor
echoed.  Each test failed on the code before these fixes.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import suppress
from pathlib import Path

import pytest

from search.index import CURRENT, LOCK, PARALLEL_MIN_ARTICLES, build_index, current_generation
from search.pipeline import extract_paths
from search.service import QuoteService

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
LINUX = sys.platform.startswith("linux") and Path("/proc/self/stat").exists()


def quotes(*args, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "search.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def write_articles(folder: Path, n: int, tag: str, per_article: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        lines = [f"Story {tag} {i}"] + [
            f"\u201cWe will keep talking about {tag} issue {i}-{j},\u201d Jane Doe said on Monday."
            for j in range(per_article)]
        (folder / f"{tag}{i:04d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def items(folder: Path):
    return [x for x in extract_paths([folder]) if isinstance(x, tuple)]


def counts(index: Path) -> tuple[int, int]:
    stats = QuoteService(index).stats()
    return stats["articles"], stats["quotes"]


def generations(index: Path) -> list[str]:
    return sorted(p.name for p in index.iterdir() if p.is_dir() and p.name.startswith("gen-"))


def two_generations(tmp_path: Path) -> tuple[Path, tuple[int, int]]:
    """An index whose live generation (gen-000002, 12 articles) follows a complete one (gen-000001)."""
    index = tmp_path / "index"
    build_index(index, items(write_articles(tmp_path / "first", 5, "first")))
    build_index(index, items(write_articles(tmp_path / "second", 12, "second")))
    assert generations(index) == ["gen-000001", "gen-000002"]
    return index, counts(index)


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


# -- processes, read from /proc ------------------------------------------------------------

def _stat(pid) -> tuple[str, int, int] | None:
    """(state, ppid, process group) of a process, None when it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    state, ppid, pgrp = raw[raw.rindex(")") + 2:].split()[:3]
    return state, int(ppid), int(pgrp)


def group_members(pgid: int) -> list[int]:
    """Every live process of the process group (a writer child stays in it when orphaned)."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            st = _stat(entry)
            # A zombie is dead: here nobody may reap it (PID 1 of a container often does not).
            if st and st[2] == pgid and st[0] not in "ZXx":
                out.append(int(entry))
    return out


def _stopped(pids: list[int], deadline: float) -> bool:
    while time.monotonic() < deadline:
        states = [_stat(p) for p in pids]
        if any(s is None or s[0] in "ZXx" for s in states):
            return False  # one finished before it was stopped
        if all(s[0] in "Tt" for s in states):
            return True
        time.sleep(0.01)
    return False


@pytest.mark.skipif(not LINUX, reason="reads /proc to find the writer processes")
def test_a_killed_parallel_rebuild_leaves_no_writer_behind_and_the_next_run_goes_on(tmp_path):
    index = tmp_path / "index"
    small = write_articles(tmp_path / "small", 3, "small")
    big = write_articles(tmp_path / "big", PARALLEL_MIN_ARTICLES + 100, "big")
    assert quotes("index", small, "--index", index, "--quiet").returncode == 0
    before = counts(index)

    # Catch the rebuild while its writer children run: stop them (so none can finish
    # on its own), SIGKILL the indexer, then let them go on.  Its own session makes
    # every process it forks findable by process group after the kill orphans it.
    for _attempt in range(5):
        with open(tmp_path / "killed.err", "w") as err:
            proc = subprocess.Popen([sys.executable, "-m", "search.cli", "index", "--rebuild", big, "--index", index,
                                     "--quiet"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err,
                                    start_new_session=True)
        deadline = time.monotonic() + 60
        workers = []
        while proc.poll() is None and time.monotonic() < deadline:
            workers = [p for p in group_members(proc.pid) if p != proc.pid]
            if workers and (index / LOCK).exists():
                break
            time.sleep(0.005)
        if workers and proc.poll() is None:
            for pid in workers:
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGSTOP)
            caught = _stopped(workers, time.monotonic() + 5)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            for pid in workers:
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGCONT)
            if caught:
                break
        proc.kill()
        proc.wait(timeout=30)
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        shutil.rmtree(index)
        assert quotes("index", small, "--index", index, "--quiet").returncode == 0
    else:
        pytest.fail("never caught the rebuild while its parallel writer was running")
    assert proc.returncode == -signal.SIGKILL

    try:
        deadline = time.monotonic() + 20  # a safety limit, not a timing
        while group_members(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert group_members(proc.pid) == [], "writer processes outlived the indexer that was killed"
    finally:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)

    assert counts(index) == before  # the killed rebuild was never served
    done = quotes("index", small / "small0000.txt", "--index", index, "--quiet", timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert f"cleared a stale lock on {index} left by indexer pid {proc.pid}" in done.stderr, done.stderr
    assert "half-built generation gen-000002" in done.stderr, done.stderr
    assert generations(index) == ["gen-000001"]
    assert counts(index) == before
    assert not (index / LOCK).exists()


# -- a lost or garbled CURRENT ---------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_recovers_a_lost_current_pointer_instead_of_indexing_the_seeds(tmp_path):
    index, live = two_generations(tmp_path)
    (index / CURRENT).unlink()
    port = _free_port()
    with open(tmp_path / "serve.err", "w") as err:
        server = subprocess.Popen([sys.executable, "-m", "search.cli", "serve", "--index", index, "--port", str(port),
                                   "--seeds", SEEDS, "--threads", "2"], cwd=ROOT, stdout=subprocess.DEVNULL,
                                  stderr=err)
    try:
        deadline, answer = time.monotonic() + 60, None
        while answer is None and server.poll() is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q=talking&per_page=1",
                                            timeout=5) as resp:
                    answer = json.load(resp)
            except OSError:
                time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=30)
    stderr = (tmp_path / "serve.err").read_text()
    assert answer is not None, stderr
    assert "Building the index" not in stderr
    assert f"recovered {CURRENT} of the index at {index}: it names gen-000002" in stderr, stderr
    assert answer["total"] == live[1]
    assert generations(index) == ["gen-000001", "gen-000002"]
    assert current_generation(index).name == "gen-000002"


@pytest.mark.parametrize("damage", ["missing", "garbage"])
def test_an_add_after_current_was_lost_goes_into_the_real_index(tmp_path, damage):
    index, (articles, quotes_before) = two_generations(tmp_path)
    if damage == "missing":
        (index / CURRENT).unlink()
    else:
        (index / CURRENT).write_bytes(b"\x00\xffgen-99\n")
    one = write_articles(tmp_path / "one", 1, "one") / "one0000.txt"
    proc = quotes("index", one, "--index", index, "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"recovered {CURRENT} of the index at {index}: it names gen-000002" in proc.stderr, proc.stderr
    assert counts(index) == (articles + 1, quotes_before + 1)
    assert generations(index) == ["gen-000001", "gen-000002"]


def test_recovery_passes_over_a_damaged_newest_generation(tmp_path):
    index, _ = two_generations(tmp_path)
    first = counts_of_generation(index, "gen-000001")
    (index / CURRENT).unlink()
    for toc in (index / "gen-000002").glob("_MAIN_*.toc"):
        toc.write_bytes(b"garbage")
    proc = quotes("index", "--rebuild", tmp_path / "first", "--index", index, "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "it names gen-000001" in proc.stderr and "gen-000002" in proc.stderr, proc.stderr
    # The damaged generation was not made here: it stays for a person to look at.
    assert generations(index) == ["gen-000001", "gen-000002", "gen-000003"]
    assert counts(index) == first


def test_a_rebuild_killed_between_its_swap_and_unmarking_keeps_the_live_generation(tmp_path):
    """CURRENT names a new generation before its BUILDING marker goes: a kill in between
    leaves the live generation marked, and the next writer clears the marker instead of
    taking it for a half-built one (and, a rebuild later, removing it)."""
    index, second = two_generations(tmp_path)
    (index / "gen-000002" / "BUILDING").touch()
    proc = quotes("index", write_articles(tmp_path / "third", 1, "third"), "--index", index, "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert not (index / "gen-000002" / "BUILDING").exists()
    assert generations(index) == ["gen-000001", "gen-000002"]
    assert counts(index) == (second[0] + 1, second[1] + 1)


def counts_of_generation(index: Path, name: str) -> tuple[int, int]:
    copy = index.parent / f"copy-{name}"
    shutil.copytree(index / name, copy / name)
    (copy / CURRENT).write_text(name + "\n")
    return counts(copy)


def test_a_folder_with_only_a_damaged_generation_is_not_rebuilt_from_the_seeds(tmp_path):
    index = tmp_path / "index"
    build_index(index, items(write_articles(tmp_path / "first", 3, "first")))
    (index / CURRENT).unlink()
    for toc in (index / "gen-000001").glob("_MAIN_*.toc"):
        toc.write_bytes(b"garbage")
    proc = quotes("serve", "--index", index, "--seeds", SEEDS, "--port", _free_port(), timeout=30)
    assert proc.returncode == 1
    line = one_line_error(proc)
    assert "damaged" in line and "quotes index --rebuild" in line, line
    assert generations(index) == ["gen-000001"]


# -- a damaged generation ---------------------------------------------------------------------

def _damage(generation: Path, how: str) -> None:
    if how == "truncated segment":
        [seg] = generation.glob("*.seg")
        os.truncate(seg, seg.stat().st_size // 2)
    elif how == "garbage segment":
        [seg] = generation.glob("*.seg")
        seg.write_bytes(bytes(range(256)) * (seg.stat().st_size // 256 + 1))
    else:
        [toc] = generation.glob("_MAIN_*.toc")
        toc.write_bytes(toc.read_bytes()[:200])


@pytest.mark.parametrize("how", ["truncated segment", "garbage segment", "truncated toc"])
def test_a_damaged_index_is_a_503_and_the_cli_names_the_fix(tmp_path, how):
    from web.app import create_app

    index, _ = two_generations(tmp_path)
    _damage(index / "gen-000002", how)
    client = create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client()
    resp = client.get("/api/search?q=war")
    assert resp.status_code == 503, resp.get_data(as_text=True)[:500]
    assert "damaged" in resp.get_json()["error"] and "quotes index --rebuild" in resp.get_json()["error"]

    one = write_articles(tmp_path / "one", 1, "one") / "one0000.txt"
    proc = quotes("index", one, "--index", index, "--quiet")
    assert proc.returncode == 1
    line = one_line_error(proc)
    assert "gen-000002" in line and "damaged" in line and "quotes index --rebuild" in line, line
    # The last good generation is still there to fall back to.
    assert generations(index) == ["gen-000001", "gen-000002"]

    # The fix the message names works, and the server follows it.
    proc = quotes("index", "--rebuild", tmp_path / "second", "--index", index, "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert client.get("/api/search?q=talking").status_code == 200


def test_damage_met_only_while_reading_results_is_a_503_too(tmp_path):
    from whoosh.filedb.compound import CompoundStorage
    from whoosh.filedb.filestore import FileStorage

    from web.app import create_app

    index, _ = two_generations(tmp_path)
    # Zero the start of the stored fields inside the segment: it opens, and a search
    # fails only when it reads its hits.
    [seg] = (index / "gen-000002").glob("*.seg")
    compound = CompoundStorage(FileStorage(str(seg.parent)).open_file(seg.name), use_mmap=False)
    [stored] = [v for name, v in compound._dir.items() if name.endswith("._stored.col")]
    compound.close()
    data = bytearray(seg.read_bytes())
    data[stored["offset"]:stored["offset"] + stored["length"] // 2] = bytes(stored["length"] // 2)
    seg.write_bytes(bytes(data))

    client = create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client()
    assert client.get("/api/search?q=nothingmatchesthis").status_code == 200  # it opened
    resp = client.get("/api/search?q=talking")
    assert resp.status_code == 503, resp.get_data(as_text=True)[:500]
    assert "damaged" in resp.get_json()["error"] and "quotes index --rebuild" in resp.get_json()["error"]


# -- a full disk -------------------------------------------------------------------------------

@pytest.fixture
def small_fs(tmp_path):
    """A real 2 MB file system (tmpfs), unmounted afterwards."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mnt = tmp_path / "fs"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)


def _fill(fs: Path, leave: int) -> Path:
    filler = fs / "filler"
    with open(filler, "wb") as f:
        f.write(b"\0" * max(shutil.disk_usage(fs).free - leave, 0))
    return filler


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_a_full_disk_is_one_line_leaves_no_debris_and_the_next_add_works(small_fs, tmp_path):
    index = small_fs / "index"
    proc = quotes("index", SEEDS, "--index", index, "--quiet")
    assert proc.returncode == 0, proc.stderr
    before, generation = counts(index), current_generation(index)
    listing = _listing(index)
    big = write_articles(tmp_path / "big", 200, "big", per_article=3)
    filler = _fill(small_fs, leave=64 * 1024)

    proc = quotes("index", big, "--index", index, "--quiet")
    assert proc.returncode == 1
    line = one_line_error(proc)
    assert "disk full" in line, line
    assert _listing(index) == listing  # no MAIN.tmp, no *.ctmp, no partial segment
    assert not list(index.rglob("*.ctmp")) and not list(index.rglob("MAIN.tmp"))
    assert counts(index) == before

    filler.unlink()
    proc = quotes("index", big, "--index", index, "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert counts(index) == (before[0] + 200, before[1] + 600)
    assert current_generation(index) == generation


def test_a_rebuild_that_cannot_fit_is_refused_before_it_writes(small_fs, tmp_path):
    index = small_fs / "index"
    assert quotes("index", SEEDS, "--index", index, "--quiet").returncode == 0
    before, listing = counts(index), _listing(index)
    big = write_articles(tmp_path / "big", 200, "big", per_article=3)
    _fill(small_fs, leave=256 * 1024)

    proc = quotes("index", "--rebuild", big, "--index", index, "--quiet")
    assert proc.returncode == 1
    line = one_line_error(proc)
    assert "disk full" in line and "MB" in line, line
    assert _listing(index) == listing
    assert counts(index) == before


# -- the lock file ------------------------------------------------------------------------------

SECRET = "ghp_s3cretTOKENvalue 12345\nsecond line of a private file\n"


@pytest.mark.parametrize("link", ["symbolic link", "hard link"])
def test_a_linked_lock_file_is_neither_followed_nor_echoed(tmp_path, link):
    index = tmp_path / "index"
    build_index(index, items(write_articles(tmp_path / "first", 2, "first")))
    before = counts(index)
    target = tmp_path / "private.txt"
    target.write_text(SECRET)
    if link == "symbolic link":
        (index / LOCK).symlink_to(target)
    else:
        os.link(target, index / LOCK)

    one = write_articles(tmp_path / "one", 1, "one") / "one0000.txt"
    proc = quotes("index", one, "--index", index, "--quiet")
    assert target.read_text() == SECRET
    assert (index / LOCK).exists() or (index / LOCK).is_symlink()
    assert "s3cret" not in proc.stdout + proc.stderr and "private file" not in proc.stdout + proc.stderr
    assert proc.returncode == 1
    line = one_line_error(proc)
    assert link in line, line
    assert counts(index) == before


def test_a_stale_lock_file_with_anything_but_a_pid_is_not_echoed(tmp_path):
    index = tmp_path / "index"
    build_index(index, items(write_articles(tmp_path / "first", 2, "first")))
    (index / LOCK).write_text(SECRET)
    one = write_articles(tmp_path / "one", 1, "one") / "one0000.txt"
    proc = quotes("index", one, "--index", index, "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "s3cret" not in proc.stdout + proc.stderr and "private file" not in proc.stdout + proc.stderr
    assert "cleared a stale lock" in proc.stderr and "pid unknown" in proc.stderr, proc.stderr
