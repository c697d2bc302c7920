"""Smoke test of the benchmark (bench/run.py) at 2,000 quotes, so that it keeps working.

Not a timed test: it checks that every stage runs and reports, that the server
answered every query shape without errors, and that an incremental add reached the
running server.  The figures themselves are for bench/README.md."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_runs_end_to_end(tmp_path):
    out = tmp_path / "results.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quotes", "2000", "--workdir", str(tmp_path / "work"),
         "--out", str(out), "--queries", "4", "--baseline-queries", "2", "--load-seconds", "2",
         "--load-requests", "300", "--add-articles", "10"],
        cwd=ROOT, capture_output=True, text=True, timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    res = json.loads(out.read_text())
    assert "build quotes/s" in proc.stdout and "naive" in proc.stdout
    assert res["extract"]["quotes"] > 1000
    assert res["extract"]["mb_per_s"] > 0
    assert res["build"]["quotes"] == res["extract"]["quotes"]
    assert res["build"]["bytes"] > 0 and res["build"]["rss_mb"] > 0
    assert res["naive_build"]["quotes"] == res["build"]["quotes"]
    assert set(res["queries"]) == {"keyword", "phrase", "keyword+speaker", "keyword+facets", "broad", "page50"}
    assert res["query_errors"] == 0
    assert all(q["n"] > 0 for q in res["queries"].values())
    assert res["queries"]["broad"]["median_hits"] > 0.1 * res["extract"]["quotes"]
    assert res["load"]["requests"] > 0 and res["load"]["errors"] == 0
    assert res["server_rss_mb"] > 0
    inc = res["incremental"]
    assert inc["rc"] == 0 and inc["loop_errors"] == 0 and inc["visible_after_s"] is not None


def test_extract_speed_compares_two_checkouts():
    """scripts/extract_speed.py on the seeds, with this checkout as its own baseline."""
    proc = subprocess.run([sys.executable, "scripts/extract_speed.py", "seeds", "--baseline", str(ROOT),
                           "--rounds", "2", "--repeat", "1"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("5 texts,")
    assert [line.split(":")[0] for line in lines[1:3]] == ["round 1", "round 2"]
    assert "baseline" in lines[1] and lines[-1].startswith("median ratio this/baseline:")
    assert float(lines[-1].split(":")[1]) > 0
