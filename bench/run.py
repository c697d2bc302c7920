"""Benchmark: ingest → extract → index → HTTP queries, against a naive Whoosh baseline.

    .venv/bin/python bench/run.py --quotes 100000

Writes a synthetic corpus (bench/corpus.py) under --workdir, extracts it through
`search.pipeline.extract_paths`, builds the index with `search.index.build_index`
(and, side by side, a naive Whoosh index: default `ix.writer()`, no columns), starts
the real server (`quotes serve`, waitress) on a free loopback port and measures query
latency per query shape, throughput under concurrent load, peak RSS and an
incremental add of 100 articles while the server answers.  The naive baseline is
queried in-process (a new searcher per query, facets counted from stored fields), so
its latencies carry no HTTP cost and every ratio is conservative.  Prints one table
and writes bench/results-<N>.json.  See bench/README.md.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import pickle
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from corpus import WORDS, Corpus, write_registry  # noqa: E402

SHAPES = ("keyword", "phrase", "keyword+speaker", "keyword+facets", "broad", "page50")
TARGETS = {"p50_ms": 50.0, "p95_ms": 200.0, "speedup_p50": 3.0, "build_ratio": 3.0, "load_rps": 100.0,
           "server_rss_mb": 1024.0, "incremental_s": 10.0}


# -- helpers -----------------------------------------------------------------------------

def vmhwm_mb(pid: int | str = "self") -> float:
    """Peak resident set size of a process, from /proc (Linux)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# -- building (run in a child process so its peak RSS is its own) -------------------------

def iter_items(path: Path):
    with open(path, "rb") as f:
        while True:
            try:
                yield pickle.load(f)
            except EOFError:
                return


def naive_schema():
    from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

    from search.index import ANALYZER
    return Schema(doctype=ID(stored=True), id=ID(unique=True, stored=True), key=ID, text=TEXT(analyzer=ANALYZER),
                  context=TEXT(analyzer=ANALYZER), speaker=ID, speaker_id=ID, affiliation=ID, role=ID, kind=ID,
                  speaker_type=ID, source=ID, start=NUMERIC(int), confidence=NUMERIC(float), data=STORED)


def naive_whoosh() -> None:
    """Undo search.index's Whoosh fix (remembering absent length columns) for the baseline."""
    from whoosh.codec import whoosh3
    current = whoosh3.W3PerDocReader._cached_reader
    whoosh3.W3PerDocReader._cached_reader = getattr(current, "original", current)


def naive_doc(quote) -> dict:
    """The document as the first version of search/index.py built it."""
    doc = dict(doctype="quote", id=quote.id, key=quote.key, text=quote.text, context=quote.context, kind=quote.kind,
               speaker_type=quote.speaker_type, source=quote.source, start=quote.start,
               confidence=float(quote.confidence), data=json.dumps(quote.to_dict(), ensure_ascii=False))
    doc.update((n, getattr(quote, n)) for n in ("speaker", "speaker_id", "affiliation", "role") if getattr(quote, n))
    return doc


def naive_write(writer, items, replace=False) -> tuple[int, int]:
    from dataclasses import asdict

    naive_whoosh()
    articles = quotes = 0
    for article, qs in items:
        if replace:
            writer.delete_by_term("source", article.source)
        writer.add_document(doctype="article", source=article.source,
                            data=json.dumps(asdict(article), ensure_ascii=False))
        for q in qs:
            writer.add_document(**naive_doc(q))
        articles += 1
        quotes += len(qs)
    writer.commit()
    return articles, quotes


def child_build(kind: str, items_path: Path, out: Path) -> None:
    started = time.perf_counter()
    if kind == "ours":
        from search.index import build_index
        stats = build_index(out, iter_items(items_path))
        articles, quotes, where = stats.articles, stats.quotes, stats.path
    else:
        from whoosh import index as wi
        out.mkdir(parents=True, exist_ok=True)
        articles, quotes = naive_write(wi.create_in(str(out), naive_schema()).writer(), iter_items(items_path))
        where = out
    seconds = time.perf_counter() - started
    # Writer processes (search.index.PROCS) are children: report the largest one's peak too.
    print(json.dumps({"seconds": seconds, "articles": articles, "quotes": quotes, "rss_mb": vmhwm_mb(),
                      "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                      "bytes": dir_size(where)}))


def run_child(*args: str) -> dict:
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], capture_output=True, text=True,
                          cwd=ROOT)
    if proc.returncode:
        raise SystemExit(f"child {args} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- the naive baseline's queries ---------------------------------------------------------

def naive_search(index_dir: Path, q: str, filters: dict, page: int = 1, per_page: int = 10, sort: str = "relevance"):
    """A new searcher per query, all hits collected, facets counted from stored JSON."""
    from whoosh import index as wi
    from whoosh import sorting

    from search.query import FACET_FIELDS, build_query
    naive_whoosh()
    ix = wi.open_dir(str(index_dir))
    with ix.searcher() as s:
        sortedby = [sorting.FieldFacet("source"), sorting.FieldFacet("start")] if sort == "source" else None
        results = s.search(build_query(q, filters), limit=None, sortedby=sortedby)
        facets = {f: Counter() for f in FACET_FIELDS}
        for hit in results:
            d = json.loads(hit["data"])
            for f in FACET_FIELDS:
                if d.get(f):
                    facets[f][d[f]] += 1
        shown = [json.loads(h["data"]) for h in results[(page - 1) * per_page: page * per_page]]
        return len(results), facets, shown


# -- HTTP -----------------------------------------------------------------------------------

class Client:
    def __init__(self, port: int):
        self.port = port
        self.conn = None

    def get(self, params: dict) -> tuple[float, int, dict | None]:
        path = "/api/search?" + urllib.parse.urlencode(params, doseq=True)
        started = time.perf_counter()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.conn.request("GET", path)
            resp = self.conn.getresponse()
            body = resp.read()
            elapsed = time.perf_counter() - started
            return elapsed, resp.status, (json.loads(body) if resp.status == 200 else None)
        except (OSError, http.client.HTTPException, ValueError):
            if self.conn is not None:
                self.conn.close()
            self.conn = None
            return time.perf_counter() - started, 0, None


def start_server(index_dir: Path, port: int, threads: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    cmd = [str(Path(sys.executable).with_name("quotes")), "serve", "--index", str(index_dir), "--port", str(port),
           "--threads", str(threads), "--seeds", str(index_dir / "no-seeds")]
    if not Path(cmd[0]).exists():
        cmd = [sys.executable, "-m", "search.cli"] + cmd[1:]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def wait_ready(port: int, proc: subprocess.Popen, timeout: float = 300) -> float:
    started = time.perf_counter()
    client = Client(port)
    while time.perf_counter() - started < timeout:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read()[-3000:]}")
        _, status, _ = client.get({"q": "zzzready"})
        if status == 200:
            return time.perf_counter() - started
        time.sleep(0.2)
    raise SystemExit("server did not start")


# -- query pools -------------------------------------------------------------------------------

def query_pools(index_dir: Path, speakers: Counter, quotes_total: int, texts: list[str], n: int, seed: int) -> dict:
    """Per shape, n distinct API parameter dicts, chosen from the built index's term statistics."""
    from search.index import open_index
    rng = random.Random(seed)
    reader = open_index(index_dir).reader()
    try:
        real = {w for w in WORDS}
        df = {}
        for w in WORDS:
            from search.index import ANALYZER
            toks = [t.text for t in ANALYZER(w)]
            if len(toks) == 1:
                df[w] = reader.doc_frequency("context", toks[0])
    finally:
        reader.close()

    def band(lo, hi):
        return sorted(w for w, f in df.items() if lo * quotes_total <= f <= hi * quotes_total)

    def pick(words, k):
        words = list(words)
        rng.shuffle(words)
        return (words * (k // max(len(words), 1) + 1))[:k] if words else []

    broad = band(0.10, 1.0)
    heavy = band(0.01, 0.10)
    light = band(0.0005, 0.01) or heavy
    deep = [w for w, f in df.items() if f >= 600] or broad
    top_speakers = [s for s, _ in speakers.most_common(50)]
    phrases = {'"open war"'}
    tries = 0
    while len(phrases) < n and tries < 100 * n:
        tries += 1
        words = rng.choice(texts).lower().replace(",", "").split()
        i = rng.randrange(max(len(words) - 1, 1))
        pair = words[i:i + 2]
        if len(pair) == 2 and all(w in real for w in pair):
            phrases.add(f'"{pair[0]} {pair[1]}"')
    pools = {
        "keyword": [{"q": w} for w in pick(light, n)],
        "phrase": [{"q": p} for p in sorted(phrases)[:n]],
        "keyword+speaker": [{"q": w, "speaker": rng.choice(top_speakers[:10])} for w in pick(heavy, n)],
        "keyword+facets": [{"q": w} for w in pick(heavy, n)],
        # Distinct broad searches: each broad word alone, filtered by kind, or in source order.
        "broad": [dict({"q": w}, **v) for w, v in zip(pick(broad, n), itertools_cycle(
            [{}, {"sort": "source"}, {"kind": "direct"}, {"speaker_type": "person"}], n))],
        "page50": [{"q": w, "page": 50} for w in pick(deep, n)],
    }
    # No query twice across shapes: the cold pass must be cold.
    seen, out = set(), {}
    for shape, items in pools.items():
        out[shape] = []
        for p in items:
            key = json.dumps(p, sort_keys=True)
            if key not in seen:
                seen.add(key)
                out[shape].append(p)
    return out


def itertools_cycle(values, n):
    return [values[i % len(values)] for i in range(n)]


def params_to_call(p: dict) -> tuple[str, dict, int, str]:
    filters = {k: [v] for k, v in p.items() if k in ("speaker", "kind", "speaker_type", "affiliation", "source")}
    return p["q"], filters, int(p.get("page", 1)), p.get("sort", "relevance")


# -- measurements --------------------------------------------------------------------------------

def measure_http(port: int, pools: dict, passes: int = 2) -> tuple[dict, dict]:
    """Cold pass (each query's first time) and warm pass (repeats), interleaving shapes."""
    client = Client(port)
    lat = {s: [[] for _ in range(passes)] for s in pools}
    totals = {s: [] for s in pools}
    errors = 0
    longest = max(len(v) for v in pools.values())
    for pass_no in range(passes):
        for i in range(longest):
            for shape, items in pools.items():
                if i >= len(items):
                    continue
                elapsed, status, body = client.get(items[i])
                if status != 200 or body is None or set(body["facets"]) != {"speaker", "affiliation", "kind",
                                                                               "speaker_type", "source"}:
                    errors += 1
                    continue
                lat[shape][pass_no].append(elapsed * 1000)
                if pass_no == 0:
                    totals[shape].append(body["total"])
    summary = {}
    for shape in pools:
        cold, warm = lat[shape][0], lat[shape][-1]
        summary[shape] = {"n": len(cold), "p50_ms": pct(cold, 50), "p95_ms": pct(cold, 95), "max_ms": max(cold or [0]),
                          "warm_p50_ms": pct(warm, 50), "warm_p95_ms": pct(warm, 95),
                          "median_hits": statistics.median(totals[shape]) if totals[shape] else 0}
    return summary, {"errors": errors}


def measure_naive(index_dir: Path, pools: dict, limit: int) -> dict:
    out = {}
    for shape, items in pools.items():
        times, hits = [], []
        for p in items[:limit]:
            q, filters, page, sort = params_to_call(p)
            started = time.perf_counter()
            total, _, _ = naive_search(index_dir, q, filters, page, 10, sort)
            times.append((time.perf_counter() - started) * 1000)
            hits.append(total)
        out[shape] = {"n": len(times), "p50_ms": pct(times, 50), "p95_ms": pct(times, 95), "max_ms": max(times),
                      "median_hits": statistics.median(hits)}
    return out


def load_mix(pools: dict, seed: int, count: int) -> list[dict]:
    """Mostly new searches: a pool query with a random page (1-3) and sometimes a kind filter."""
    rng = random.Random(seed)
    every = [p for items in pools.values() for p in items]
    out = []
    for _ in range(count):
        p = dict(rng.choice(every))
        if "page" not in p:
            p["page"] = rng.choice([1, 1, 2, 3])
        if rng.random() < 0.3 and "kind" not in p:
            p["kind"] = rng.choice(["direct", "indirect", "partial"])
        out.append(p)
    return out


def measure_load(call, mix: list[dict], threads: int, seconds: float, max_requests: int) -> dict:
    """`call(params, state) -> ok` from `threads` threads until `seconds` or `max_requests` are spent."""
    lock = threading.Lock()
    state = {"next": 0, "ok": 0, "errors": 0, "lat": []}
    deadline = time.perf_counter() + seconds

    def worker():
        local = {}
        while time.perf_counter() < deadline:
            with lock:
                i = state["next"]
                if i >= max_requests:
                    return
                state["next"] = i + 1
            started = time.perf_counter()
            ok = call(mix[i % len(mix)], local)
            elapsed = time.perf_counter() - started
            with lock:
                state["ok" if ok else "errors"] += 1
                state["lat"].append(elapsed * 1000)

    started = time.perf_counter()
    ts = [threading.Thread(target=worker) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    wall = time.perf_counter() - started
    distinct = len({json.dumps(p, sort_keys=True) for p in mix[: state["next"]]})
    return {"threads": threads, "seconds": wall, "requests": state["ok"] + state["errors"], "errors": state["errors"],
            "rps": state["ok"] / wall, "p50_ms": pct(state["lat"], 50), "p95_ms": pct(state["lat"], 95),
            "distinct": distinct}


def http_call(port: int):
    def call(p, local):
        client = local.setdefault("client", Client(port))
        _, status, body = client.get(p)
        return status == 200 and body is not None
    return call


def naive_call(index_dir: Path):
    def call(p, local):
        try:
            naive_search(index_dir, *params_to_call(p)[:3])
            return True
        except Exception:
            return False
    return call


def prepare(corpus, articles_dir: Path, registry: Path, items_path: Path, seed: int):
    """Write the corpus, run it through extract_paths, pickle the results; the extraction timings."""
    from search.errors import IngestError
    from search.pipeline import extract_paths
    shutil.rmtree(articles_dir, ignore_errors=True)
    write_registry(corpus, registry)
    t = time.perf_counter()
    files, size = corpus.write(articles_dir)
    corpus_info = {"articles": files, "bytes": size, "speakers_pool": len(corpus.speakers),
                   "write_s": time.perf_counter() - t}
    log(f"corpus: {files} articles, {size / 1e6:.1f} MB")
    speakers, texts, n_quotes, n_articles, spent = Counter(), [], 0, 0, 0.0
    rng = random.Random(seed)
    with open(items_path, "wb") as f:
        gen = extract_paths([articles_dir])
        while True:
            t = time.perf_counter()
            item = next(gen, None)
            spent += time.perf_counter() - t
            if item is None:
                break
            if isinstance(item, IngestError):
                continue
            article, quotes = item
            n_articles += 1
            n_quotes += len(quotes)
            speakers.update(q.speaker for q in quotes if q.speaker)
            if rng.random() < 0.05:
                texts.extend(q.text for q in quotes)
            pickle.dump(item, f, protocol=pickle.HIGHEST_PROTOCOL)
    extract = {"seconds": spent, "articles": n_articles, "quotes": n_quotes,
               "mb_per_s": size / 1e6 / spent, "articles_per_s": n_articles / spent,
               "quotes_per_s": n_quotes / spent, "distinct_speakers": len(speakers),
               "top_speaker_share": speakers.most_common(1)[0][1] / n_quotes if speakers else 0}
    log(f"extracted {n_quotes} quotes in {spent:.1f}s")
    return corpus_info, extract, speakers, texts


# -- the run ---------------------------------------------------------------------------------------

def main(argv=None) -> int:
    if argv is None and len(sys.argv) > 1 and sys.argv[1] == "_build":
        child_build(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quotes", type=int, default=100_000, help="corpus size in quotes (about 10 per article)")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--workdir", help="where the corpus and indexes go (default: a temp dir, removed after)")
    ap.add_argument("--keep", action="store_true", help="keep the workdir")
    ap.add_argument("--out", help="JSON results file (default bench/results-<N>.json)")
    ap.add_argument("--queries", type=int, default=30, help="distinct queries per shape")
    ap.add_argument("--baseline-queries", type=int, default=10, help="of those, how many the naive baseline runs")
    ap.add_argument("--load-seconds", type=float, default=15)
    ap.add_argument("--load-threads", type=int, default=8)
    ap.add_argument("--load-requests", type=int, default=5000)
    ap.add_argument("--server-threads", type=int, default=8)
    ap.add_argument("--add-articles", type=int, default=100)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--reuse", action="store_true", help="reuse the corpus and extraction already in --workdir")
    args = ap.parse_args(argv)

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="quotes-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    out_path = Path(args.out) if args.out else HERE / f"results-{args.quotes}.json"
    res: dict = {"quotes_requested": args.quotes, "seed": args.seed, "python": sys.version.split()[0],
                 "cpus": os.cpu_count(), "command": " ".join(["bench/run.py"] + (argv or sys.argv[1:]))}
    server = None
    try:
        # 1. corpus, 2. ingest + extraction (reused with --reuse when the workdir has them)
        corpus = Corpus(args.quotes, args.seed)
        articles_dir, items_path, meta_path = work / "articles", work / "items.pkl", work / "extract.json"
        registry = work / "speakers.json"
        os.environ["QUOTES_SPEAKERS"] = str(registry)
        key = {"quotes": args.quotes, "seed": args.seed}
        meta = json.loads(meta_path.read_text()) if args.reuse and meta_path.exists() else None
        if meta and meta.get("key") == key and items_path.exists():
            res["corpus"], res["extract"] = meta["corpus"], meta["extract"]
            speakers, texts = Counter(meta["speakers"]), meta["texts"]
            n_quotes = res["extract"]["quotes"]
            log("reusing the corpus and extraction of a previous run")
        else:
            res["corpus"], res["extract"], speakers, texts = prepare(corpus, articles_dir, registry, items_path,
                                                                     args.seed)
            n_quotes = res["extract"]["quotes"]
            meta_path.write_text(json.dumps({"key": key, "corpus": res["corpus"], "extract": res["extract"],
                                             "speakers": dict(speakers), "texts": texts}))
        # 3. builds
        index_dir, naive_dir = work / "index", work / "naive"
        shutil.rmtree(index_dir, ignore_errors=True)
        shutil.rmtree(naive_dir, ignore_errors=True)
        res["build"] = b = run_child("_build", "ours", str(items_path), str(index_dir))
        b["quotes_per_s"] = b["quotes"] / b["seconds"]
        log(f"built ours: {b['quotes_per_s']:.0f} quotes/s")
        if not args.no_baseline:
            res["naive_build"] = nb = run_child("_build", "naive", str(items_path), str(naive_dir))
            nb["quotes_per_s"] = nb["quotes"] / nb["seconds"]
            log(f"built naive: {nb['quotes_per_s']:.0f} quotes/s")

        # 4. queries over HTTP
        pools = query_pools(index_dir, speakers, n_quotes, texts, args.queries, args.seed)
        port = free_port()
        t = time.perf_counter()
        server = start_server(index_dir, port, args.server_threads)
        res["server_start_s"] = wait_ready(port, server)
        log(f"server up on :{port} in {res['server_start_s']:.1f}s")
        res["queries"], errs = measure_http(port, pools)
        res["query_errors"] = errs["errors"]
        if not args.no_baseline:
            res["naive_queries"] = measure_naive(naive_dir, pools, args.baseline_queries)
        log("latency measured")

        # 5. load
        mix = load_mix(pools, args.seed + 1, args.load_requests)
        res["load"] = measure_load(http_call(port), mix, args.load_threads, args.load_seconds, args.load_requests)
        if not args.no_baseline:
            res["naive_load"] = measure_load(naive_call(naive_dir), mix, args.load_threads,
                                             min(args.load_seconds, 10), args.load_requests)
        log(f"load: {res['load']['rps']:.0f} req/s")

        # 6. incremental add while a query loop runs
        new_dir = work / "new-articles"
        shutil.rmtree(new_dir, ignore_errors=True)
        corpus.rng.seed(args.seed + 1)  # the same new articles whether or not --reuse
        corpus.write(new_dir, first=corpus.n_articles, count=args.add_articles)
        stop = threading.Event()
        loop = {"ok": 0, "errors": 0, "max_ms": 0.0}

        def query_loop():
            client, i = Client(port), 0
            while not stop.is_set():
                elapsed, status, body = client.get(mix[i % len(mix)])
                i += 1
                loop["ok" if status == 200 and body is not None else "errors"] += 1
                loop["max_ms"] = max(loop["max_ms"], elapsed * 1000)

        loopers = [threading.Thread(target=query_loop) for _ in range(2)]
        for th in loopers:
            th.start()
        t = time.perf_counter()
        quotes_bin = Path(sys.executable).with_name("quotes")
        proc = subprocess.run([str(quotes_bin), "index", str(new_dir), "--index", str(index_dir), "--quiet"],
                              cwd=ROOT, capture_output=True, text=True)
        add_s = time.perf_counter() - t
        # The server must show the new articles: wait for its next refresh to see one.
        probe = Client(port)
        new_source = sorted(str(p.relative_to(new_dir)) for p in new_dir.rglob("*.txt"))[0]
        seen_after = None
        for _ in range(100):
            _, status, body = probe.get({"q": "", "source": new_source})
            if status == 200 and body and body["total"] > 0:
                seen_after = time.perf_counter() - t
                break
            time.sleep(0.05)
        stop.set()
        for th in loopers:
            th.join()
        res["incremental"] = {"articles": args.add_articles, "seconds": add_s, "rc": proc.returncode,
                              "output": (proc.stdout + proc.stderr).strip()[-300:], "visible_after_s": seen_after,
                              "loop_requests": loop["ok"] + loop["errors"], "loop_errors": loop["errors"],
                              "loop_max_ms": loop["max_ms"]}
        if not args.no_baseline:
            from whoosh import index as wi

            from search.errors import IngestError
            from search.pipeline import extract_paths
            new_items = [i for i in extract_paths([new_dir]) if not isinstance(i, IngestError)]
            t = time.perf_counter()
            naive_write(wi.open_dir(str(naive_dir)).writer(), new_items, replace=True)
            res["naive_incremental"] = {"seconds": time.perf_counter() - t}
        log(f"incremental add: {add_s:.1f}s, loop errors {loop['errors']}")
        res["server_rss_mb"] = vmhwm_mb(server.pid)
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        if not args.workdir and not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    res["verdict"] = verdict(res)
    out_path.write_text(json.dumps(res, indent=1, default=str) + "\n")
    print(table(res))
    print(f"\nresults: {out_path}")
    return 0


def ratio(ours, base, higher_is_better=True):
    if not ours or not base:
        return None
    return ours / base if higher_is_better else base / ours


def verdict(res: dict) -> dict:
    v = {}
    if "naive_build" in res:
        v["build >= 3x baseline"] = ratio(res["build"]["quotes_per_s"], res["naive_build"]["quotes_per_s"]) >= 3
    for shape, q in res["queries"].items():
        ok = q["p50_ms"] <= TARGETS["p50_ms"] and q["p95_ms"] <= TARGETS["p95_ms"]
        v[f"{shape}: p50<=50ms, p95<=200ms"] = ok
        if "naive_queries" in res:
            v[f"{shape}: p50 >= 3x baseline"] = (ratio(q["p50_ms"], res["naive_queries"][shape]["p50_ms"], False)
                                                 or 0) >= 3
    v["load >= 100 req/s, no errors"] = res["load"]["rps"] >= 100 and res["load"]["errors"] == 0
    v["server RSS <= 1 GB"] = res["server_rss_mb"] <= 1024
    inc = res["incremental"]
    v["incremental add < 10s, server answering"] = (inc["seconds"] < 10 and inc["rc"] == 0
                                                   and inc["loop_errors"] == 0 and inc["loop_requests"] > 0)
    return v


def table(res: dict) -> str:
    rows = [("metric", "ours", "naive", "ratio")]

    def fmt(x, unit=""):
        if x is None:
            return "-"
        if isinstance(x, float):
            x = f"{x:,.1f}" if abs(x) >= 10 else f"{x:,.2f}" if abs(x) >= 0.1 else f"{x:.3f}"
        return f"{x}{unit}"

    def r(x):
        return "-" if x is None else f"{x:.1f}×"

    ex = res["extract"]
    rows.append(("corpus: articles / quotes / MB", f"{ex['articles']:,} / {ex['quotes']:,} / "
                 f"{res['corpus']['bytes'] / 1e6:.1f}", "", ""))
    rows.append(("extract MB/s | articles/s", f"{ex['mb_per_s']:.2f} | {ex['articles_per_s']:.0f}", "", ""))
    b, nb = res["build"], res.get("naive_build")
    rows.append(("build quotes/s", fmt(b["quotes_per_s"]), fmt(nb and nb["quotes_per_s"]),
                 r(nb and ratio(b["quotes_per_s"], nb["quotes_per_s"]))))
    rows.append(("build seconds", fmt(b["seconds"]), fmt(nb and nb["seconds"]), ""))
    rows.append(("index size MB", fmt(b["bytes"] / 1e6), fmt(nb and nb["bytes"] / 1e6), ""))
    workers = f" + writers ≤ {b['worker_rss_mb']:,.0f} each" if b.get("worker_rss_mb") else ""
    rows.append(("indexer peak RSS MB", fmt(b["rss_mb"]) + workers, fmt(nb and nb["rss_mb"]), ""))
    nq = res.get("naive_queries", {})
    for shape, q in res["queries"].items():
        n = nq.get(shape)
        rows.append((f"{shape} p50 / p95 ms (hits {q['median_hits']:,.0f})",
                     f"{fmt(q['p50_ms'])} / {fmt(q['p95_ms'])}",
                     f"{fmt(n['p50_ms'])} / {fmt(n['p95_ms'])}" if n else "-",
                     f"{r(ratio(q['p50_ms'], n['p50_ms'], False))} / {r(ratio(q['p95_ms'], n['p95_ms'], False))}"
                     if n else "-"))
        rows.append((f"  {shape} repeated p50 / p95 ms", f"{fmt(q['warm_p50_ms'])} / {fmt(q['warm_p95_ms'])}", "",
                     ""))
    ld, nl = res["load"], res.get("naive_load")
    rows.append((f"load req/s ({ld['threads']} clients; errors)", f"{ld['rps']:.0f} ({ld['errors']})",
                 f"{nl['rps']:.1f} ({nl['errors']})" if nl else "-", r(nl and ratio(ld["rps"], nl["rps"]))))
    rows.append(("load p50 / p95 ms", f"{fmt(ld['p50_ms'])} / {fmt(ld['p95_ms'])}",
                 f"{fmt(nl['p50_ms'])} / {fmt(nl['p95_ms'])}" if nl else "-", ""))
    rows.append(("server peak RSS MB", fmt(res["server_rss_mb"]), "", ""))
    inc, ni = res["incremental"], res.get("naive_incremental")
    rows.append((f"add {inc['articles']} articles s (loop reqs/errors)",
                 f"{fmt(inc['seconds'])} ({inc['loop_requests']}/{inc['loop_errors']})",
                 fmt(ni and ni["seconds"]), ""))
    widths = [max(len(str(row[i])) for row in rows) for i in range(4)]
    lines = ["| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines.append("")
    lines += [f"{'MET ' if ok else 'MISS'} {name}" for name, ok in res["verdict"].items()]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
