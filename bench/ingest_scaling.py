"""Ingest + extraction time against input size, for inputs that used to be super-linear.

    .venv/bin/python bench/ingest_scaling.py [--kb 10] [--factor 4]

Each pathological input is timed at about KB and FACTOR x KB, side by side with a
baseline of the same sizes (a normal article repeated with numbered sentences), and the
growth ratios are printed: near-linear code grows about FACTOR x, like the baseline.
`tests/test_ingest_scaling.py` checks the same inputs by counting work, not by timing.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search.ingest import parse_html, parse_text  # noqa: E402
from search.pipeline import quotes_of  # noqa: E402

LONG = "This long paragraph was scraped twice, as the page repeats its body under the comments."


def headings(kb: float) -> tuple[str, str]:
    """A chain of repeated headings ending in a repeated paragraph (blank_boilerplate)."""
    n = int(kb * 1024 / 8)
    return LONG + "\n" + "Heading\n" * n + LONG + "\n", ".txt"


def accents(kb: float) -> tuple[str, str]:
    """One letter with thousands of combining accents (_nfc)."""
    return "a" + "\u0301" * int(kb * 1024 / 2) + "\n", ".txt"


def mixed_accents(kb: float) -> tuple[str, str]:
    """Combining marks of two classes, which NFC must reorder (_nfc, unicodedata)."""
    return "a" + "\u0301\u0316" * int(kb * 1024 / 4) + "\n", ".txt"


def short_lines(kb: float) -> tuple[str, str]:
    """The same one-letter line, over and over (blank_boilerplate)."""
    return "x\n" * int(kb * 1024 / 2), ".txt"


def pronoun_quotes(kb: float) -> tuple[str, str]:
    """The same short quote by "he", over and over (the extractor's pronoun lookup)."""
    line = "\u201cNo,\u201d he said.\n"
    return line * int(kb * 1024 / len(line.encode())), ".txt"


def blockquotes(kb: float) -> tuple[str, str]:
    """Nested <blockquote>s (parse_html)."""
    n = int(kb * 1024 / 25)
    return ("<html><body>" + "<blockquote>" * n + "\u201cWe will win,\u201d Jane Doe said."
            + "</blockquote>" * n + "</body></html>"), ".html"


def capitalised_claims(kb: float) -> tuple[str, str]:
    """Sentences that open with a capitalised word used nowhere else (the extractor's
    "Early reports …" check)."""
    lines, size, i = [], 0, 0
    while size < kb * 1024:
        lines.append(f"Zorg{i} claims the vote was rigged.\n")
        size += len(lines[-1])
        i += 1
    return "".join(lines), ".txt"


PATHOLOGICAL = {f.__name__: f for f in (headings, accents, mixed_accents, short_lines, pronoun_quotes, blockquotes,
                                        capitalised_claims)}

PARAGRAPH = ("\u201cWe will not back down from this fight number {i},\u201d Jane Doe, a spokeswoman for the "
             "council, said on Monday. The council met for {i} hours and voted on the budget, officials said.")


def baseline(kb: float, suffix: str = ".txt") -> tuple[str, str]:
    """A normal article of about `kb` KB: distinct paragraphs with quotes and attributions."""
    paras, size, i = [], 0, 0
    while size < kb * 1024:
        paras.append(PARAGRAPH.format(i=i))
        size += len(paras[-1]) + 1
        i += 1
    if suffix == ".html":
        return "<html><body>" + "".join(f"<p>{p}</p>" for p in paras) + "</body></html>", suffix
    return "Council votes\n" + "\n".join(paras) + "\n", suffix


def ingest_and_extract(text: str, suffix: str) -> int:
    """What `quotes extract` does with one decoded file; returns the number of quotes."""
    article = parse_html(text, "x.html") if suffix == ".html" else parse_text(text, "x.txt")
    return len(quotes_of(article))


def seconds(text: str, suffix: str) -> float:
    started = time.perf_counter()
    ingest_and_extract(text, suffix)
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kb", type=float, default=10, help="the smaller size, in KB (default 10)")
    ap.add_argument("--factor", type=int, default=4, help="the larger size is this many times the smaller")
    args = ap.parse_args()
    small, large = args.kb, args.kb * args.factor
    print(f"| input | {small:g} KB s | {large:g} KB s | ratio | baseline {small:g} KB s "
          f"| baseline {large:g} KB s | baseline ratio |")
    print("|---|---|---|---|---|---|---|")
    for name, make in PATHOLOGICAL.items():
        t1, t2 = seconds(*make(small)), seconds(*make(large))
        suffix = make(1)[1]
        b1, b2 = seconds(*baseline(small, suffix)), seconds(*baseline(large, suffix))
        print(f"| {name} | {t1:.3f} | {t2:.3f} | {t2 / t1:.1f}x | {b1:.3f} | {b2:.3f} | {b2 / b1:.1f}x |")


if __name__ == "__main__":
    main()
