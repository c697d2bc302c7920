#!/usr/bin/env python3
"""Bounded load test on loopback: concurrent searches while articles are added to the index.

    .venv/bin/python scripts/loadtest.py                      # 60 s, 8 clients, 100 articles in 10 adds
    .venv/bin/python scripts/loadtest.py --duration 5 --articles 10 --clients 4   # smoke test
    .venv/bin/python scripts/loadtest.py --rebuild            # and a full rebuild half-way through

It builds a base index in a temporary folder, starts `quotes serve` (waitress) on
127.0.0.1 and a free port, and runs `--clients` threads that search for `--duration`
seconds while `quotes index` adds `--articles` new articles in `--batches` commits.
Every search for the marker word that only the new articles contain must report a
total that a complete index had at some point (0, then the total after each commit),
with facet counts that add up to it and never going backwards for one client: a
response from a half-written index would break one of these.  With `--rebuild`, a full
`quotes index --rebuild` of everything indexed so far runs half-way through: it swaps in
a new generation with the same content, so the same totals must hold.  It prints requests/s
and latency percentiles, and exits 1 on any error or inconsistent answer.

Only 127.0.0.1 is contacted; duration and clients are capped (120 s, 32 threads).
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.errors import IngestError  # noqa: E402
from search.index import build_index  # noqa: E402
from search.pipeline import extract_paths  # noqa: E402

MARKER = "zephyrine"  # only the added articles say it
NAMES = ["Jane Doe", "Khawaja Asif", "Farah Qureshi", "Nadia Rahman", "Omar Farooq", "Lena Berg"]
WORDS = ["war", "talks", "border", "ceasefire", "minister", "peace", "army", "election", "budget", "strike"]


def write_article(path: Path, n: int, rng: random.Random, marker: str | None) -> None:
    paras = [f"Report {n}: {rng.choice(WORDS)} and {rng.choice(WORDS)} dominate the week"]
    for j in range(6):
        extra = f" {marker}" if marker else ""
        paras.append(f"\u201cThe {rng.choice(WORDS)} question{extra} will shape round {n}.{j},\u201d "
                     f"{rng.choice(NAMES)} said on Monday.")
        paras.append(f"Officials said the {rng.choice(WORDS)} meeting {j} would resume next week.")
    path.write_text("\n".join(paras) + "\n", encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of searching (max 120)")
    ap.add_argument("--clients", type=int, default=8, help="concurrent client threads (max 32)")
    ap.add_argument("--articles", type=int, default=100, help="articles added during the run")
    ap.add_argument("--batches", type=int, default=10, help="commits they are added in")
    ap.add_argument("--base", type=int, default=200, help="articles in the index before the run")
    ap.add_argument("--threads", type=int, default=8, help="waitress worker threads")
    ap.add_argument("--html-share", type=float, default=0.2, help="share of requests for the HTML search page")
    ap.add_argument("--rebuild", action="store_true",
                    help="run a full rebuild of everything indexed so far half-way through")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", action="store_true", help="keep the temporary index and server log")
    args = ap.parse_args()
    duration = min(max(args.duration, 1.0), 120.0)
    clients = min(max(args.clients, 1), 32)
    batches = max(1, min(args.batches, args.articles))
    rng = random.Random(args.seed)

    work = Path(tempfile.mkdtemp(prefix="quotes-load-"))
    index = work / "index"
    base = work / "base"
    base.mkdir()
    for n in range(args.base):
        write_article(base / f"base-{n:04d}.txt", n, rng, None)
    build_index(index, [r for r in extract_paths([base]) if not isinstance(r, IngestError)])

    # The new articles, in batches, and the marker totals a complete index has after each commit.
    folders, allowed, running_total = [], [0], 0
    per_batch = -(-args.articles // batches)
    for b in range(batches):
        folder = work / f"batch-{b:02d}"
        folder.mkdir()
        for n in range(b * per_batch, min(args.articles, (b + 1) * per_batch)):
            write_article(folder / f"new-{n:04d}.txt", 10_000 + n, rng, MARKER)
        items = [r for r in extract_paths([folder]) if not isinstance(r, IngestError)]
        running_total += sum(MARKER in (q.text + " " + q.context) for _, qs in items for q in qs)
        folders.append(folder)
        allowed.append(running_total)

    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    log = open(work / "server.log", "w+", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "search.cli", "serve", "--index", str(index),
                               "--host", "127.0.0.1", "--port", str(port), "--threads", str(args.threads)],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    print("server did not start:", (work / "server.log").read_text(), file=sys.stderr)
                    return 1
                time.sleep(0.1)
        status = run(port, index, base, folders, set(allowed), allowed[-1], duration, clients, args)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    logged = (work / "server.log").read_text(encoding="utf-8")
    if "Traceback" in logged:
        print("server log (tracebacks):")
        print(logged[logged.index("Traceback"):][-4000:])
        status = 1
    if args.keep:
        print(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return status


def run(port, index, base, folders, allowed, final_total, duration, clients, args) -> int:
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    seen_totals: set[int] = set()
    stop = threading.Event()
    started = time.monotonic()

    def client(k: int) -> None:
        rng = random.Random(k)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        last_marker = 0
        while not stop.is_set():
            roll = rng.random()
            if roll < 0.4:
                path, check = "/api/search?" + urlencode({"q": MARKER, "per_page": 5}), True
            elif roll < 1 - args.html_share:
                path, check = "/api/search?" + urlencode({"q": " ".join(rng.sample(WORDS, rng.choice((1, 2)))),
                                                          "page": rng.choice((1, 1, 2, 3))}), False
            else:
                path, check = "/?" + urlencode({"q": rng.choice(WORDS)}), False
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                body = resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                with lock:
                    errors.append(f"{path}: {type(exc).__name__}: {exc}")
                continue
            dt = time.perf_counter() - t0
            problem = None
            if status != 200:
                problem = f"HTTP {status}: {body[:200]!r}"
            elif check:
                data = json.loads(body)
                total = data["total"]
                kinds = sum(f["count"] for f in data["facets"]["kind"])
                if total not in allowed:
                    problem = f"marker total {total} is no complete index's (allowed {sorted(allowed)})"
                elif kinds != total:
                    problem = f"facet counts add up to {kinds}, total says {total}"
                elif len(data["results"]) != min(total, 5):
                    problem = f"{len(data['results'])} results for a total of {total}"
                elif total < last_marker:
                    problem = f"total went back from {last_marker} to {total}"
                last_marker = max(last_marker, total)
                with lock:
                    seen_totals.add(total)
            with lock:
                latencies.append(dt)
                if problem:
                    errors.append(f"{path}: {problem}")
        conn.close()

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()

    # Add the batches spread over the first 80% of the run, each as a real `quotes index`.
    add_log = []
    gap = duration * 0.8 / len(folders)

    def run_indexer(label: str, *cli_args) -> None:
        t0 = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "search.cli", "index", *map(str, cli_args),
                               "--index", str(index), "--quiet"],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
        add_log.append(f"  {label} at {t0 - started:5.1f}s took {time.monotonic() - t0:4.1f}s: "
                       + (proc.stdout.strip() or proc.stderr.strip()))
        if proc.returncode != 0:
            errors.append(f"quotes index {label} failed: {proc.stderr.strip()}")

    for b, folder in enumerate(folders):
        wait = started + gap * (b + 0.5) - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        run_indexer(f"add {b + 1:2d}/{len(folders)}", folder)
        if args.rebuild and b == (len(folders) - 1) // 2:
            # Same content as the live index, so every total stays one a complete index had.
            run_indexer("rebuild", "--rebuild", base, *folders[:b + 1])
    remaining = started + duration - time.monotonic()
    if remaining > 0:
        time.sleep(remaining)
    # A slow last commit (a loaded machine) may end after the run: give the clients up to
    # 10 s more to see it, so the check is about the server, not about the clock.
    grace = time.monotonic() + 10
    while time.monotonic() < grace:
        with lock:
            if final_total in seen_totals:
                break
        time.sleep(0.05)
    stop.set()
    for t in threads:
        t.join(timeout=60)
    elapsed = time.monotonic() - started

    lat = sorted(latencies)
    q = statistics.quantiles(lat, n=100) if len(lat) >= 2 else [lat[0] * 1000] * 99 if lat else [0] * 99
    print(f"load test: {clients} clients for {elapsed:.1f} s against waitress ({args.threads} threads) "
          f"on 127.0.0.1; {args.base} articles indexed, {args.articles} added in {len(folders)} commits"
          f"{', with a full rebuild half-way' if args.rebuild else ''}")
    print("\n".join(add_log))
    print(f"requests: {len(lat)} ({args.html_share:.0%} HTML pages)  errors: {len(errors)}  "
          f"requests/s: {len(lat) / elapsed:.1f}")
    if lat:
        print(f"latency ms: p50 {q[49] * 1000:.1f}  p95 {q[94] * 1000:.1f}  p99 {q[98] * 1000:.1f}  "
              f"max {lat[-1] * 1000:.1f}")
    print(f"marker totals seen: {sorted(seen_totals)} (complete-index totals: {sorted(allowed)})")
    final_ok = final_total in seen_totals
    if not final_ok:
        errors.append(f"never saw the final total {final_total}")
    for e in errors[:20]:
        print("ERROR", e)
    print("RESULT:", "ok" if not errors else f"FAILED ({len(errors)} errors)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
