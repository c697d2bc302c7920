"""Extraction throughput in KB/s of article text, side by side with a baseline checkout.

    .venv/bin/python scripts/extract_speed.py ../shared/eval/polnear_dev.jsonl --baseline /tmp/old

The corpus is a folder of .txt files or a JSONL file whose lines carry a "text" field (the
dev set's gold file: its texts are read in memory, never written anywhere). Each version runs
in its own process, its `extract` (`search.attribution.extract`, or `search.extract.extract` in
checkouts before the attribution package) over every text, best of --repeat passes;
--rounds alternate the two versions so that machine noise falls on both alike. Prints each
round and the median ratio new/baseline. A baseline is any checkout of this project, e.g.
`git worktree add /tmp/old <commit>`.
"""
import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WORKER = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
# The old layout first: an editable install maps a subpackage the checkout lacks
# (search.attribution) to the installed tree, so a baseline would run the new code.
try:
    from search.extract import extract
except ImportError:
    from search.attribution import extract
texts = json.load(sys.stdin)
best = float("inf")
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    for text in texts:
        extract(text)
    best = min(best, time.perf_counter() - t0)
print(best)
"""


def load_texts(corpus: Path) -> list[str]:
    if corpus.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    return [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]


def seconds(src: Path, texts: list[str], repeat: int) -> float:
    out = subprocess.run([sys.executable, "-c", _WORKER, str(src), str(repeat)], input=json.dumps(texts),
                         capture_output=True, text=True, check=True)
    return float(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="a folder of .txt files, or a JSONL file with a 'text' field")
    ap.add_argument("--baseline", type=Path, help="another checkout of this project to compare against")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=5, help="passes per round; the best one counts")
    args = ap.parse_args()
    texts = load_texts(args.corpus)
    if not texts:
        sys.exit(f"no texts in {args.corpus}")
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1024
    print(f"{len(texts)} texts, {kb:.0f} KB")
    ratios = []
    for n in range(1, args.rounds + 1):
        base = kb / seconds(args.baseline, texts, args.repeat) if args.baseline else None
        new = kb / seconds(ROOT, texts, args.repeat)
        line = f"round {n}: this checkout {new:.0f} KB/s"
        if base:
            ratios.append(new / base)
            line += f", baseline {base:.0f} KB/s, ratio {new / base:.2f}"
        print(line, flush=True)
    if ratios:
        print(f"median ratio this/baseline: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
