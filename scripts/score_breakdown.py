"""Where the quoted-view score of the dev-set scorer goes, for the figures in docs/extraction.md.

    .venv/bin/python scripts/score_breakdown.py ../shared/eval/polnear_dev.jsonl

Runs `quotes extract --jsonl` on the gold texts through the scorer's own functions
(`score_quotes.py` beside the gold file) and prints:
- the quoted-view false positives whose best overlap (IoU >= 0.3) is a gold quote of kind
  `indirect` and whose text is quoted with `''` or opens with a reversed `”`: the gold
  derives `kind` from `"` and `“` only, so these count against a correct `direct`;
- quoted F1 with those set aside;
- quoted F1 when each prediction's `spans` (its quoted parts, without the attribution
  between them) are scored instead of its one `start`..`end` span.
Nothing from the dev set is written anywhere.
"""
import argparse
from pathlib import Path

import gold_run  # beside this script


def _matches(S, gsets, psets, threshold):
    pairs = sorted(((S.iou(g, p), i, j) for i, g in enumerate(gsets) for j, p in enumerate(psets)), reverse=True)
    used_g, used_p = set(), set()
    for ov, i, j in pairs:
        if ov < threshold:
            break
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return used_p


def _f1(tp, n_pred, n_gold):
    p, r = tp / n_pred, tp / n_gold
    return 2 * p * r / (p + r)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--cmd", default=gold_run.DEFAULT_CMD)
    args = ap.parse_args()
    S, gold, pred = gold_run.run(args.gold, args.cmd)
    n_gold = n_pred = tp = artefacts = tp_spans = 0
    for doc in gold:
        text = doc["text"]
        gq = [q for q in doc["quotes"] if q.get("kind") in S.QUOTED_GOLD]
        pq = [p for p in pred.get(doc["doc_id"], []) if p.get("kind") in S.QUOTED_PRED]
        n_gold, n_pred = n_gold + len(gq), n_pred + len(pq)
        gsets = [S.char_set(S.spans_of(q)) for q in gq]
        matched = _matches(S, gsets, [S.char_set([(p["start"], p["end"])]) for p in pq], 0.3)
        tp += len(matched)
        tp_spans += len(_matches(S, gsets, [S.char_set(p.get("spans") or [(p["start"], p["end"])]) for p in pq], 0.8))
        indirect = [S.char_set(S.spans_of(q)) for q in doc["quotes"] if q.get("kind") == "indirect"]
        for j, p in enumerate(pq):
            span = text[p["start"]:p["end"]]
            if j not in matched and ("''" in span or span.startswith("”")) and any(
                    S.iou(S.char_set([(p["start"], p["end"])]), g) >= 0.3 for g in indirect):
                artefacts += 1
    print(f"quoted IoU 0.3: F1 {_f1(tp, n_pred, n_gold):.3f} (gold {n_gold}, pred {n_pred}, matched {tp})")
    print(f"  false positives that are indirect in the gold only by their marks: {artefacts}")
    print(f"  F1 with those set aside: {_f1(tp, n_pred - artefacts, n_gold):.3f}")
    print(f"quoted IoU 0.8 with prediction spans scored: F1 {_f1(tp_spans, n_pred, n_gold):.3f}")


if __name__ == "__main__":
    main()
