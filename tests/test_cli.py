"""The `quotes` command, run for real as a subprocess."""
import json
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def quotes(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "search.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd)


def test_extract_jsonl_contract():
    seed = SEEDS / "002_7cc9e9b6d37a4a9c.txt"
    proc = quotes("extract", "--jsonl", seed)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    text = seed.read_text(encoding="utf-8")
    assert records
    for rec in records:
        assert rec["source"] == str(seed)
        assert rec["kind"] in ("direct", "partial", "indirect")
        assert text[rec["start"]:rec["end"]].startswith(rec["text"][:10])
        if rec["speaker_start"] is not None:
            assert text[rec["speaker_start"]:rec["speaker_end"]] == rec["speaker_mention"]
    assert any(r["speaker"] == "Zabihullah Mujahid" and r["speaker_mention"] == "Mujahid" for r in records)


def test_extract_offsets_point_into_the_file_even_when_nfc_shortens_it(tmp_path):
    # Decomposed accents (e + U+0301) before the quote: NFC makes the text shorter.
    raw = "Jose\u0301 and Ame\u0301lie met. “We will not back down,” said Franc\u0327ois Hollande.\n"
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8")
    proc = quotes("extract", "--jsonl", path)
    assert proc.returncode == 0, proc.stderr
    [rec] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert raw[rec["start"]:rec["end"]] == "“We will not back down,”"
    assert raw[rec["speaker_start"]:rec["speaker_end"]] == "Franc\u0327ois Hollande"
    assert rec["speaker"] == "François Hollande"  # the record itself is NFC


def test_index_skips_a_broken_file_and_indexes_the_rest(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("“We will not back down from this fight,” Jane Doe said.", encoding="utf-8")
    (corpus / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    index = tmp_path / "index"
    proc = quotes("index", corpus, "--index", index, "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "skipped" in proc.stderr and "broken.txt" in proc.stderr and "binary" in proc.stderr
    assert "Indexed 1 quotes from 1 articles" in proc.stdout
    found = quotes("search", "fight", "--speaker", "Jane Doe", "--index", index, "--json")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["total"] == 1


def test_index_fails_when_nothing_could_be_indexed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = quotes("index", tmp_path / "empty.txt", "--index", tmp_path / "index", "--quiet")
    assert proc.returncode == 1
    assert "empty file" in proc.stderr and "nothing to index" in proc.stderr


def test_search_without_an_index_gives_a_hint(tmp_path):
    proc = quotes("search", "war", "--index", tmp_path / "none")
    assert proc.returncode == 1
    assert proc.stderr.startswith("quotes: error:") and "Traceback" not in proc.stderr


def test_bad_query_is_a_clear_error(tmp_path):
    assert quotes("index", SEEDS, "--index", tmp_path / "ix", "--quiet").returncode == 0
    proc = quotes("search", "x" * 5000, "--index", tmp_path / "ix")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
