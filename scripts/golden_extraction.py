#!/usr/bin/env python3
"""Write the extraction golden files: every record `quotes extract --jsonl` gives for the
seeds and for the battery of hand-written articles in `tests/golden/battery/`.

    .venv/bin/python scripts/golden_extraction.py          # rewrite them (on purpose only)
    .venv/bin/python scripts/golden_extraction.py --check  # exit 1 and show a diff if output changed

`tests/test_golden_extraction.py` runs the check, so a change in what the extractor
says is always a visible, reviewed diff of these files, never a silent one.
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.errors import IngestError  # noqa: E402
from search.ingest import iter_files  # noqa: E402
from search.pipeline import extract_files  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "extraction"
SETS = {"seeds": ROOT / "seeds", "battery": ROOT / "tests" / "golden" / "battery"}


def records(folder: Path) -> str:
    """The JSONL `quotes extract --jsonl` prints for `folder`, with sources relative to it."""
    lines = []
    for result in extract_files(iter_files([folder])):
        if isinstance(result, IngestError):
            raise SystemExit(f"{result.path}: {result.reason}")
        _, article, quotes = result
        for q in quotes:
            lines.append(json.dumps(article.in_file(q).to_dict(), ensure_ascii=False, sort_keys=True))
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    args = ap.parse_args()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    changed = 0
    for name, folder in SETS.items():
        path, now = GOLDEN / f"{name}.jsonl", records(folder)
        before = path.read_text(encoding="utf-8") if path.exists() else ""
        if now == before:
            continue
        changed += 1
        if args.check:
            sys.stdout.writelines(difflib.unified_diff(before.splitlines(True), now.splitlines(True),
                                                       f"{path.name} (golden)", f"{path.name} (now)", n=0))
        else:
            path.write_text(now, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
