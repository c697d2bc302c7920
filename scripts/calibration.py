"""How well `confidence` separates right records from wrong ones, on a gold set.

    .venv/bin/python scripts/calibration.py ../shared/eval/polnear_dev.jsonl [--iou 0.3]

Runs `quotes extract --jsonl` on the gold texts through the scorer's own functions
(`score_quotes.py` beside the gold file) and matches every record to the gold's
attributions as the scorer's "all" view does (one-to-one, greedy by overlap). A record
is *right* when it matches a gold attribution and its speaker is right by the scorer's
rule (or the gold names no speaker). Prints, per kind and for all records:
- each confidence value: records, right, precision;
- each threshold: precision of the records at or above it, and the share of all right
  records they keep (coverage).
Nothing from the gold set is written anywhere.
"""
import argparse
from collections import Counter
from pathlib import Path

import gold_run  # beside this script


def judged(S, gold, pred, threshold):
    """(kind, confidence, right) for every predicted record."""
    out = []
    for doc in gold:
        gq, pq = doc["quotes"], pred.get(doc["doc_id"], [])
        gsets = [S.char_set(S.spans_of(q)) for q in gq]
        psets = [S.char_set(S.pred_spans(p)) for p in pq]
        pairs = sorted(((S.iou(g, p), i, j) for i, g in enumerate(gsets) for j, p in enumerate(psets)),
                       reverse=True)
        used_g, match = set(), {}
        for ov, i, j in pairs:
            if ov < threshold:
                break
            if i not in used_g and j not in match:
                used_g.add(i)
                match[j] = i
        for j, p in enumerate(pq):
            i = match.get(j)
            right = i is not None and (not (gq[i].get("speaker_start") is not None or gq[i].get("speaker"))
                                       or S.speaker_ok(gq[i], p, doc["text"]))
            out.append((p.get("kind"), float(p.get("confidence") or 0), right))
    return out


def table(rows, label: str) -> list[str]:
    if not rows:
        return []
    total_right = sum(r for _, _, r in rows)
    by_value = Counter((c, r) for _, c, r in rows)
    values = sorted({c for _, c, _ in rows}, reverse=True)
    lines = [f"\n{label}: {len(rows)} records, {total_right} right ({total_right / len(rows):.3f})",
             "| confidence | records | right | precision | at or above: precision | coverage |",
             "|---|---|---|---|---|---|"]
    seen = right_seen = 0
    for v in values:
        n, k = by_value[(v, True)] + by_value[(v, False)], by_value[(v, True)]
        seen, right_seen = seen + n, right_seen + k
        lines.append(f"| {v:.2f} | {n} | {k} | {k / n:.3f} | {right_seen / seen:.3f} | "
                     f"{right_seen / total_right if total_right else 0:.3f} |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--cmd", default=gold_run.DEFAULT_CMD)
    ap.add_argument("--iou", type=float, default=0.3)
    args = ap.parse_args()
    S, gold, pred = gold_run.run(args.gold, args.cmd)
    rows = judged(S, gold, pred, args.iou)
    print(f"calibration at IoU {args.iou} (right = matched, with the right speaker where the gold names one)")
    out = table(rows, "all records")
    for kind in ("direct", "partial", "indirect"):
        out += table([r for r in rows if r[0] == kind], kind)
    print("\n".join(out))


if __name__ == "__main__":
    main()
