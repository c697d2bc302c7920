"""Regression floor for extraction quality on the PolNeAR dev set (`../shared/eval`).

The floors are the best figures reached so far; raise them as the scores rise. The dev
set is never copied into the project: without `../shared/eval` this test is skipped.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SCORER, GOLD = EVAL / "score_quotes.py", EVAL / "polnear_dev.jsonl"

# (view, iou) -> (f1 floor, speaker-accuracy floor); the scorer reads each record's `spans`.
FLOORS = {
    ("quoted", 0.3): (0.9012, 0.9511),
    ("quoted", 0.8): (0.8369, 0.9685),
    ("all", 0.3): (0.7350, 0.9621),
}


@pytest.mark.skipif(not GOLD.exists(), reason="../shared/eval is not beside this checkout")
def test_dev_set_scores_do_not_drop(tmp_path):
    out = tmp_path / "scores.json"
    cmd = f"{sys.executable} -m search.cli extract --jsonl {{dir}}"
    subprocess.run([sys.executable, str(SCORER), str(GOLD), "--cmd", cmd, "--json", str(out)],
                   check=True, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
    scores = {(r["view"], r["iou"]): r for r in json.loads(out.read_text())}
    for key, (f1, speaker) in FLOORS.items():
        assert scores[key]["f1"] >= f1, (key, scores[key])
        if speaker is not None:
            assert scores[key]["speaker_accuracy"] >= speaker, (key, scores[key])
