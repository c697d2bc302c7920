"""Shared by the scripts that measure against a gold set: the scorer's own functions and
the extractor's predictions, so that every figure matches the way `score_quotes.py` scores.

Nothing from the gold set is written anywhere but the scorer's temporary folder."""
import importlib.util
import json
import sys
from pathlib import Path

DEFAULT_CMD = f"{sys.executable} -m search.cli extract --jsonl {{dir}}"


def scorer(gold: Path):
    """`score_quotes.py` beside the gold file, as a module."""
    spec = importlib.util.spec_from_file_location("score_quotes", gold.parent / "score_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(gold_path: Path, cmd: str = DEFAULT_CMD):
    """(scorer module, gold articles, predictions by doc_id) for `cmd` over the gold texts."""
    S = scorer(gold_path)
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return S, gold, S.load_pred(S.run_extractor(gold, cmd), {d["doc_id"] for d in gold})
