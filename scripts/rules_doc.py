#!/usr/bin/env python3
"""Rewrite the list of frame rules and sieves in docs/extraction.md from the code.

    .venv/bin/python scripts/rules_doc.py          # rewrite the section between the markers
    .venv/bin/python scripts/rules_doc.py --check  # exit 1 if the section is stale

The names, one-line descriptions and examples come from `search.attribution.frames.FRAME_RULES`
and `search.attribution.sieves.SIEVES` (a sieve's description is its docstring's first line),
so the documented order is the order the code tries them.  `tests/test_sieves.py` runs the check.
"""
import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.attribution.frames import FRAME_RULES  # noqa: E402
from search.attribution.sieves import SIEVES  # noqa: E402

DOC = ROOT / "docs" / "extraction.md"
BEGIN, END = "<!-- rules: begin (scripts/rules_doc.py) -->", "<!-- rules: end -->"


def _example(text: str) -> str:
    return "`" + text.replace("\n", " ⏎ ").replace("`", "'") + "`"


def section() -> str:
    lines = [BEGIN, "", "Every record's `rule` names what decided it. Frame rules, in the order a cue tries them",
             "(a record a frame claims carries its frame's rule):", ""]
    lines += [f"{n}. `{r.name}`: {r.doc}. {_example(r.example)}" for n, r in enumerate(FRAME_RULES, 1)]
    lines += ["", "Sieves, tried in this order on each quotation no frame claimed; the first that decides",
              "wins (some decide that there is no record):", ""]
    lines += [f"{n}. `{s.name}`: {s.decide.__doc__.strip().splitlines()[0]} {_example(s.example)}"
              for n, s in enumerate(SIEVES, 1)]
    return "\n".join(lines + ["", END])


def rewritten(doc: str) -> str:
    head, rest = doc.split(BEGIN, 1)
    return head + section() + rest.split(END, 1)[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    args = ap.parse_args()
    doc = DOC.read_text(encoding="utf-8")
    new = rewritten(doc)
    if new == doc:
        return 0
    if args.check:
        print(f"{DOC.relative_to(ROOT)} is stale: run scripts/rules_doc.py")
        return 1
    DOC.write_text(new, encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
