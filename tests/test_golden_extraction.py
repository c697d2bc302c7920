"""The extractor's whole output on the seeds and the battery equals the golden files.

A refactoring must leave them byte-identical; a change in behaviour regenerates them on
purpose (`scripts/golden_extraction.py`), so the diff shows every record it changed."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_extraction_output_matches_the_golden_files():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "golden_extraction.py"), "--check"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, ("extraction output changed; if on purpose, run "
                                  "scripts/golden_extraction.py and review the diff:\n" + proc.stdout[-6000:]
                                  + proc.stderr[-2000:])
