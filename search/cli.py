"""`quotes`: the command line.  A thin layer: it parses arguments, calls the library and
turns the library's named errors into one-line messages and exit codes."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .errors import IngestError, QuotesError

DEFAULT_INDEX = os.environ.get("QUOTES_INDEX", "index")
DEFAULT_SEEDS = os.environ.get("QUOTES_SEEDS", "seeds")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="quotes", description="Who said what, where: quote search over news articles.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("serve", help="run the web UI and JSON API (builds the index from the seeds if missing)")
    p.add_argument("--host", default=os.environ.get("QUOTES_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("QUOTES_PORT", "5000")))
    p.add_argument("--index", default=DEFAULT_INDEX, help="index directory (env QUOTES_INDEX; default: index)")
    p.add_argument("--seeds", default=DEFAULT_SEEDS, help="articles to index on first start (default: seeds)")
    p.add_argument("--threads", type=int, default=8, help="waitress worker threads (default: 8)")
    p.add_argument("--base-url", help="the public URL that permalinks, citations and exports name, e.g. "
                                      "https://quotes.example.org (env QUOTES_BASE_URL; default: http://HOST:PORT)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("index", help="add or replace articles in the index")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.html/.htm files or folders of them")
    p.add_argument("--index", default=DEFAULT_INDEX)
    p.add_argument("--rebuild", action="store_true", help="build a fresh index from PATHs and swap it in")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="search the index from the terminal")
    p.add_argument("query", nargs="?", default="")
    for name in ("speaker", "affiliation", "kind", "source", "speaker_type"):
        p.add_argument(f"--{name.replace('_', '-')}", dest=name, action="append", default=[])
    p.add_argument("--page", type=int, default=1)
    p.add_argument("--per-page", type=int, default=10)
    p.add_argument("--index", default=DEFAULT_INDEX)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("extract", help="extract quotes from files without indexing them")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--jsonl", action="store_true", help="one JSON object per quote (the scorer's contract)")
    p.set_defaults(func=cmd_extract)

    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except QuotesError as exc:
        print(f"quotes: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _warn(msg: str) -> None:
    print(f"quotes: warning: {msg}", file=sys.stderr)


def _progress(done: int, total: int, label: str) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:40]:<40}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _collect(paths, progress: bool):
    """Run the pipeline over paths; returns (items, skipped) and reports as it goes."""
    from .ingest import escape_name, iter_files
    from .pipeline import extract_files

    files = list(iter_files(paths))  # walked once: the progress bar needs the total
    items, skipped = [], []
    for n, result in enumerate(extract_files(files, on_note=_warn), 1):
        if isinstance(result, IngestError):
            skipped.append(result)
            sys.stderr.write("\n" if progress else "")
            label = escape_name(result.path)  # a name that is not UTF-8 or holds a newline
            print(f"quotes: skipped {label}: {result.reason}", file=sys.stderr)
        else:
            _, article, quotes = result
            items.append((article, quotes))
            label = article.source
        if progress:
            _progress(n, len(files), label)
    return items, skipped


def build_if_missing(index_dir: str, seeds: str) -> None:
    """Build the index from `seeds` only when the folder holds no generation at all: a lost
    `CURRENT` is recovered instead, and a damaged index is reported, never replaced."""
    from .errors import IndexUnavailable
    from .index import build_index, open_searcher, recover_index

    if recover_index(index_dir, on_note=_warn):
        try:
            open_searcher(index_dir)[1].close()
        except IndexUnavailable as exc:  # served anyway: 503s until it is rebuilt, which the server follows
            _warn(str(exc))
        return
    if not Path(seeds).is_dir():
        raise QuotesError(f"no index at {index_dir} and no seed folder {seeds} to build one from; "
                          f"run `quotes index PATH --index {index_dir}` first")
    print(f"Building the index at {index_dir} from {seeds} …", file=sys.stderr)
    items, _ = _collect([seeds], progress=sys.stderr.isatty())
    stats = build_index(index_dir, items, on_note=_warn)
    print(f"Indexed {stats.quotes} quotes from {stats.articles} articles.", file=sys.stderr)


def cmd_serve(args) -> int:
    from waitress import serve

    from web.app import create_app

    build_if_missing(args.index, args.seeds)
    config = {"INDEX_DIR": str(Path(args.index).resolve()), "SERVER_HOST": args.host, "SERVER_PORT": args.port}
    if args.base_url:
        config["BASE_URL"] = args.base_url
    app = create_app(config)  # absolute links name BASE_URL, never a request's Host header
    if not (args.base_url or os.environ.get("QUOTES_BASE_URL")) and args.host in ("0.0.0.0", "::", ""):
        _warn(f"links in citations and exports will name {app.config['BASE_URL']}; "
              "set --base-url to the address readers use")
    print(f"Serving on http://{args.host}:{args.port}/ (index: {args.index}); Ctrl-C to stop.", file=sys.stderr)
    serve(app, host=args.host, port=args.port, threads=args.threads, ident="quotes")
    return 0


def cmd_index(args) -> int:
    from .index import add_articles, build_index

    items, skipped = _collect(args.paths, progress=not args.quiet and sys.stderr.isatty())
    if not items:
        print(f"quotes: error: nothing to index ({len(skipped)} file(s) skipped)", file=sys.stderr)
        return 1
    stats = (build_index if args.rebuild else add_articles)(args.index, items, on_note=_warn)
    print(f"Indexed {stats.quotes} quotes from {stats.articles} articles into {args.index}"
          f"{f'; skipped {len(skipped)} file(s)' if skipped else ''}.")
    return 0


def cmd_search(args) -> int:
    from .service import QuoteService

    filters = {k: getattr(args, k) for k in ("speaker", "affiliation", "kind", "source", "speaker_type") if getattr(args, k)}
    page = QuoteService(args.index).search(args.query, filters, page=args.page, per_page=args.per_page)
    if args.json:
        print(json.dumps({"total": page.total, "page": page.page,
                          "results": [h.quote.to_dict() for h in page.hits],
                          "facets": {k: [{"value": f.value, "count": f.count} for f in v] for k, v in page.facets.items()}},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"{page.total} quote(s); page {page.page} of {max(page.pages, 1)}")
    for hit in page.hits:
        q = hit.quote
        who = q.speaker or "unattributed"
        extra = ", ".join(x for x in (q.role, q.affiliation) if x)
        print(f"\n[{q.kind}] {who}{f' ({extra})' if extra else ''}")
        print(f"  {q.text}")
        print(f"  — {q.source}, para. {q.paragraph} · id {q.id}")
    return 0


def cmd_extract(args) -> int:
    from .ingest import escape_name, iter_files
    from .pipeline import extract_files

    failures = 0
    for result in extract_files(iter_files(args.paths), on_note=_warn):
        if isinstance(result, IngestError):
            print(f"quotes: skipped {escape_name(result.path)}: {result.reason}", file=sys.stderr)
            failures += 1
            continue
        path, article, quotes = result
        shown = escape_name(str(path))  # printable on one line, whatever the file is called
        for q in quotes:
            if args.jsonl:
                rec = article.in_file(q).to_dict()  # offsets into the decoded file (not the NFC text)
                rec["source"] = shown
                print(json.dumps(rec, ensure_ascii=False))
            else:
                print(f"{shown}:{q.start}-{q.end} [{q.kind}] {q.speaker or 'unattributed'}: {q.text}")
    return 0 if failures == 0 or failures < len(args.paths) else 1


if __name__ == "__main__":
    sys.exit(main())
