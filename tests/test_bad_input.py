"""Bad input from the web: every broken file is named with its reason and skipped, the rest indexed.

Extends tests/test_ingest.py (which covers empty, PNG, all-script HTML, Windows-1252,
BOM + CRLF and a symlinked folder) with the cases a scraped corpus brings, mostly
through the real `quotes index` command.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from search import ingest
from search.errors import IngestError
from search.attribution import extract
from search.ingest import MAX_BYTES, read_file
from search.pipeline import extract_paths

GOOD = "\u201cWe will not back down from this fight,\u201d Jane Doe said on Monday.\n"


def quotes(*args, timeout=60):
    return subprocess.run([sys.executable, "-m", "search.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout)


def skipped_lines(stderr: str) -> dict[str, str]:
    """`quotes: skipped PATH: REASON` lines as {file name: reason}."""
    out = {}
    for line in stderr.splitlines():
        if line.startswith("quotes: skipped "):
            path, reason = line[len("quotes: skipped "):].split(": ", 1)
            out[Path(path).name] = reason
    return out


@pytest.fixture
def hostile_corpus(tmp_path):
    """A folder with one good article and every kind of broken file next to it."""
    c = tmp_path / "corpus"
    c.mkdir()
    (c / "good.txt").write_text(GOOD, encoding="utf-8")
    (c / "empty.txt").write_bytes(b"")
    (c / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    with open(c / "huge.txt", "wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(50 * 1024 * 1024)
    (c / "head-only.html").write_text("<html><head><title>Only a title</title></head></html>", encoding="utf-8")
    (c / "all-script.html").write_text("<script>var a = '\u201cHi,\u201d he said';</script>" * 3, encoding="utf-8")
    (c / "loop-a.txt").symlink_to("loop-b.txt")
    (c / "loop-b.txt").symlink_to("loop-a.txt")
    (c / "self.txt").symlink_to("self.txt")
    (c / "dangling.txt").symlink_to("nowhere.txt")
    (c / "escape.txt").symlink_to("/etc/hostname")
    os.mkfifo(c / "pipe.txt")
    (c / "zeros.txt").symlink_to("/dev/zero")
    (c / "sub").mkdir()
    (c / "sub" / "back-up.txt").symlink_to(c)  # a folder loop (named .txt): not walked, not read
    # Readable oddities that must be indexed, not skipped:
    (c / "cp1252.txt").write_bytes("\u201cWe will win the war,\u201d she said, Ren\u00e9e Doe added.".encode("cp1252"))
    (c / "damaged-utf8.txt").write_bytes(GOOD.encode("utf-8").replace(b"back", b"b\xffck"))
    (c / "bom-crlf.txt").write_bytes(("\ufeff" + GOOD.replace("\n", "\r\n")).encode("utf-8"))
    (c / "malformed.html").write_text("<html><p>\u201cWe will fight on,\u201d said Jane Doe<div><p>unclosed <b>bold",
                                      encoding="utf-8")
    (c / "no-body.html").write_text("<p>\u201cWe will fight on,\u201d said Jane Doe.</p>", encoding="utf-8")
    (c / "unbalanced.txt").write_text('He said "we will win and then left. She said "no.\n', encoding="utf-8")
    (c / "in-word.txt").write_text("The \u201cin\u201dword and rock\u201cn\u201droll, said Jane Doe. O\u2019Neil"
                                   " said it\u2019s \u201cfine\u201d.\n", encoding="utf-8")
    return c


EXPECTED_SKIPS = {
    "empty.txt": "empty file",
    "image.txt": "binary file",
    "huge.txt": "the limit is 20 MB",
    "head-only.html": "no article text",
    "all-script.html": "no article text",
    "loop-a.txt": "symbolic links",
    "loop-b.txt": "symbolic links",
    "self.txt": "symbolic links",
    "dangling.txt": "broken symbolic link",
    "escape.txt": "outside the folder being indexed",
    "pipe.txt": "not a regular file",
    "zeros.txt": "not a regular file",
}
INDEXED = {"good.txt", "cp1252.txt", "damaged-utf8.txt", "bom-crlf.txt", "malformed.html", "no-body.html",
           "unbalanced.txt", "in-word.txt"}


def test_cli_skips_each_broken_file_with_one_line_and_indexes_the_rest(hostile_corpus, tmp_path):
    index = tmp_path / "index"
    proc = quotes("index", hostile_corpus, "--index", index, "--quiet")  # a FIFO or /dev/zero would hang it
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    skipped = skipped_lines(proc.stderr)
    assert set(skipped) == set(EXPECTED_SKIPS), proc.stderr
    for name, reason in EXPECTED_SKIPS.items():
        assert reason in skipped[name], (name, skipped[name])
    assert "50.0 MB" in skipped["huge.txt"]
    warnings = [ln for ln in proc.stderr.splitlines() if ln.startswith("quotes: warning: ")]
    assert any("cp1252.txt" in w and "Windows-1252" in w for w in warnings), warnings
    assert any("damaged-utf8.txt" in w and "UTF-8 with 1 bad byte" in w for w in warnings), warnings
    assert f"from {len(INDEXED)} articles" in proc.stdout
    assert f"skipped {len(EXPECTED_SKIPS)} file(s)" in proc.stdout

    found = quotes("search", "", "--index", index, "--json", "--per-page", "100")
    assert found.returncode == 0, found.stderr
    sources = {f["value"] for f in json.loads(found.stdout)["facets"]["source"]}
    assert {"good.txt", "cp1252.txt", "damaged-utf8.txt", "bom-crlf.txt"} <= sources


def test_cli_fails_only_when_nothing_could_be_indexed(hostile_corpus, tmp_path):
    for name in INDEXED:
        (hostile_corpus / name).unlink()
    proc = quotes("index", hostile_corpus, "--index", tmp_path / "index", "--quiet")
    assert proc.returncode == 1
    assert "nothing to index" in proc.stderr and f"{len(EXPECTED_SKIPS)} file(s) skipped" in proc.stderr
    assert not (tmp_path / "index" / "CURRENT").exists()


def test_a_missing_path_is_named(tmp_path):
    proc = quotes("index", tmp_path / "typo.txt", tmp_path / "no-folder", "--index", tmp_path / "index", "--quiet")
    assert proc.returncode == 1
    skipped = skipped_lines(proc.stderr)
    assert "no such file" in skipped["typo.txt"] and "no such file" in skipped["no-folder"]


# -- decoding --------------------------------------------------------------------------------

def test_damaged_utf8_keeps_its_utf8(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(GOOD.encode("utf-8").replace(b"back", b"b\xffck"))
    article, note = read_file(path)
    assert article.text.startswith("\u201cWe will not b\ufffdck")  # curly quotes survive, one byte replaced
    assert "not valid UTF-8 (byte" in note and "1 bad byte(s) replaced" in note
    assert [q.speaker for q in extract(article.body)] == ["Jane Doe"]


def test_windows_1252_with_undefined_bytes(tmp_path):
    path = tmp_path / "w.txt"
    path.write_bytes(b"\x93We will win,\x94 Jane Doe said. \x81\x8d\x8f\x90\x9d caf\xe9")
    article, note = read_file(path)
    assert "Windows-1252" in note
    assert article.text.startswith("\u201cWe will win,\u201d") and article.text.endswith("caf\u00e9")


def test_control_characters_and_late_nul_bytes_are_indexed(tmp_path):
    from search.index import build_index
    from search.service import QuoteService

    path = tmp_path / "c.txt"
    # A NUL past the first 8 KB is not taken as binary; nor are escapes, bidi marks, a mid-text BOM.
    path.write_text("Intro.\n" + "x " * 5000 + "\n\u202e" + GOOD.strip() + "\x00\x1b[31m\u200b\ufeff\n",
                    encoding="utf-8")
    article, _ = read_file(path)
    quotes_ = extract(article.body, source=article.source)
    build_index(tmp_path / "ix", [(article, quotes_)])
    assert QuoteService(tmp_path / "ix").search("fight").total == 1


# -- size: refused before it is read ---------------------------------------------------------

def test_a_50_mb_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read the whole file"))
    tracemalloc.start()  # reading it, even up to the limit, would allocate 20 MB or more
    try:
        with pytest.raises(IngestError) as err:
            read_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "50.0 MB" in err.value.reason and "the limit is 20 MB" in err.value.reason
    assert str(path) in str(err.value)
    assert peak < 1024 * 1024, f"{peak} bytes allocated"


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "growing.txt"
    path.write_bytes(b"a" * 1000)
    monkeypatch.setattr(ingest, "MAX_BYTES", 500)  # fstat said it was small; then it grew
    real_fstat = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:])))
    with pytest.raises(IngestError, match="grew past"):
        read_file(path)


def test_the_limit_is_twenty_mb():
    assert MAX_BYTES == 20 * 1024 * 1024


# -- files that change under the indexer -----------------------------------------------------

def test_a_file_deleted_after_listing_is_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "c.txt").write_text(GOOD, encoding="utf-8")
    results = extract_paths([tmp_path])
    first = next(results)  # the folder has been listed by now
    (tmp_path / "b.txt").unlink()
    rest = list(results)
    assert first[0].source == "a.txt"
    assert isinstance(rest[0], IngestError) and rest[0].path == str(tmp_path / "b.txt")
    assert "deleted before it could be read" in rest[0].reason
    assert rest[1][0].source == "c.txt"


def test_a_file_swapped_for_a_fifo_after_the_check_does_not_hang(tmp_path, monkeypatch):
    path = tmp_path / "swap.txt"
    os.mkfifo(path)
    regular = (tmp_path / "regular.txt")
    regular.write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(Path, "stat", lambda self, **kw: os.stat(regular))  # the pre-open check is fooled
    with pytest.raises(IngestError, match="not a regular file"):
        read_file(path)


def test_unreadable_file_chmod_000(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root reading; "
                    "test_unreadable_file_permission_error simulates it")
    path = tmp_path / "locked.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(IngestError, match="cannot read: Permission denied"):
            read_file(path)
    finally:
        path.chmod(0o644)


def test_unreadable_file_permission_error(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked.txt").write_text(GOOD, encoding="utf-8")
    real_open = os.open

    def deny(path, flags, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    results = list(extract_paths([tmp_path]))
    assert results[0][0].source == "a.txt"
    assert isinstance(results[1], IngestError)
    assert results[1].reason == "cannot read: Permission denied" and results[1].path.endswith("locked.txt")


# -- symlinks --------------------------------------------------------------------------------

def test_symlinks_inside_the_folder_are_followed(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "story.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real" / "story.txt")
    sources = [r[0].source for r in extract_paths([tmp_path]) if not isinstance(r, IngestError)]
    assert sources == ["alias.txt", "real/story.txt"]


def test_a_symlink_leaving_the_folder_is_not_followed(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("\u201cThe password is hunter2,\u201d the admin said.", encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "story.txt").symlink_to(outside)
    (corpus / "sub" / "rel.txt").symlink_to("../../secret.txt")
    results = list(extract_paths([corpus]))
    assert all(isinstance(r, IngestError) and "outside the folder being indexed" in r.reason for r in results)
    assert len(results) == 2


# -- odd text that must still work -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    'He said "we will win and then left. She said "no.\n',  # unbalanced
    "\u201cWe will win,\u201d she said. \u201cAnd then\n\nAnother paragraph, never closed.\n",
    "The \u201cin\u201dword and rock\u201cn\u201droll, said Jane Doe. O\u2019Neil said it\u2019s fine.\n",
    "\u201d\u201c\u201d\u201c said \u201c\u201c\u201d\u201d\n",
    "''''' \"\"\" said '' \" '\n",
])
def test_odd_quotation_marks_never_break_offsets(tmp_path, text):
    path = tmp_path / "odd.txt"
    path.write_text(text, encoding="utf-8")
    [(article, found)] = list(extract_paths([path]))
    for q in found:
        assert article.text[q.start:q.end].strip()
        if q.speaker_start is not None:
            assert article.text[q.speaker_start:q.speaker_end] == q.speaker_mention


@pytest.mark.parametrize("html", [
    "<html><p>\u201cWe will fight on,\u201d said Jane Doe<div><p>unclosed <b>bold",
    "<p>\u201cWe will fight on,\u201d said Jane Doe.</p>",
    "\u201cWe will fight on,\u201d said Jane Doe.",  # no tags at all
    "<html><body><p>\u201cWe will fight on,\u201d said Jane Doe.</p></html></body></p></html>",
    "<!-- <p>not this</p> --><p>\u201cWe will fight on,\u201d said Jane Doe.</p><![CDATA[ x ]]>",
])
def test_malformed_html_still_yields_the_article(tmp_path, html):
    path = tmp_path / "m.html"
    path.write_text(html, encoding="utf-8")
    article, _ = read_file(path)
    assert "We will fight on" in article.body and "not this" not in article.body
    assert [q.speaker for q in extract(article.body)] == ["Jane Doe"]


@pytest.mark.parametrize("html", [
    "<html><head><title>Only a title</title></head></html>",
    "<html><body></body></html>",
    "<script>x()</script><style>p{}</style><noscript></noscript>",
    "<html><body><nav>Home</nav><footer>\u00a9 2024</footer></body></html>",
])
def test_html_without_article_text_is_refused(tmp_path, html):
    path = tmp_path / "n.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(IngestError, match="no article text found"):
        read_file(path)


# -- pathological but small articles ---------------------------------------------------------

def test_one_huge_paragraph_of_cues_has_bounded_memory():
    """Memory grows with the text, not with quotes x paragraph length (each quote's context
    is a window around it, not its whole paragraph)."""
    def peak_for(n):
        text = "".join(f"Jane Doe said that we will win number {i}. " for i in range(n))  # one line
        tracemalloc.start()
        try:
            found = extract(text)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert len(found) == n
        assert max(len(q.context) for q in found) < 1000
        return peak

    small, large = peak_for(400), peak_for(1600)  # 17 KB and 70 KB of text
    assert large < 5 * small, f"{small / 1e6:.1f} MB for 400 quotes but {large / 1e6:.1f} MB for 1,600"


# -- file names: bytes that are not UTF-8, control characters -------------------------------

def _write_raw_name(folder: Path, name: bytes, data: bytes) -> None:
    fd = os.open(os.fsencode(folder) + b"/" + name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def test_escape_name_shows_undecodable_bytes_and_control_characters():
    from search.ingest import escape_name

    for plain in ("good.txt", "caf\u00e9.txt", "sub/\u65e5\u672c \u2014 x.html", "a b'c\".txt"):
        assert escape_name(plain) == plain
    assert escape_name(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"  # the byte, as \xNN
    assert escape_name("a\nb\tc\x1b[1m\x7f.txt") == "a\\x0ab\\x09c\\x1b[1m\\x7f.txt"
    assert escape_name("a\x85b\u2028c") == "a\\u0085b\\u2028c"  # a character, not a byte
    assert escape_name("a\\xe9.txt") == "a\\\\xe9.txt"  # a real backslash is doubled: no two names meet


def test_a_file_name_that_is_not_utf8_is_indexed_under_an_escaped_name(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    _write_raw_name(corpus, b"caf\xe9.txt", GOOD.replace("Jane", "Anna").encode())
    _write_raw_name(corpus, b"bad\xff.txt", b"")  # skipped: its line must print too
    _write_raw_name(corpus, b"w\xe9.txt", "\u201cWe will win the war,\u201d Ren\u00e9e Doe said.".encode("cp1252"))
    index = tmp_path / "index"
    proc = quotes("index", corpus, "--index", index, "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "from 3 articles" in proc.stdout and "skipped 1 file(s)" in proc.stdout
    assert f"quotes: skipped {corpus}/bad\\xff.txt: empty file" in proc.stderr.splitlines()
    assert any(ln.startswith(f"quotes: warning: {corpus}/w\\xe9.txt: ") for ln in proc.stderr.splitlines())
    found = quotes("search", "", "--index", index, "--json", "--per-page", "100")
    assert found.returncode == 0, found.stderr
    sources = {f["value"] for f in json.loads(found.stdout)["facets"]["source"]}
    assert sources == {"good.txt", "caf\\xe9.txt", "w\\xe9.txt"}


def test_extract_prints_escaped_file_names(tmp_path):
    _write_raw_name(tmp_path, b"caf\xe9.txt", GOOD.encode())
    (tmp_path / "a\nb.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    proc = quotes("extract", "--jsonl", tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["source"] for r in records] == [f"{tmp_path}/a\\x0ab.txt", f"{tmp_path}/caf\\xe9.txt",
                                              f"{tmp_path}/good.txt"]
    proc = quotes("extract", tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert len(proc.stdout.splitlines()) == 3  # one line per quote: the newline is escaped
    assert f"{tmp_path}/caf\\xe9.txt:0-40 [direct] Jane Doe" in proc.stdout


def test_a_newline_in_a_file_name_has_a_working_article_page_and_permalink(tmp_path):
    from urllib.parse import quote as urlquote

    from search.index import build_index
    from web.app import create_app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a\nb.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "tab\there.txt").write_text(GOOD.replace("Jane", "Anna"), encoding="utf-8")
    items = [x for x in extract_paths([corpus]) if isinstance(x, tuple)]
    build_index(tmp_path / "ix", items)
    client = create_app({"INDEX_DIR": str(tmp_path / "ix"), "TESTING": True}).test_client()
    for article, found in items:
        page = client.get("/sources/" + urlquote(article.source))
        assert page.status_code == 200, article.source
        [q] = found
        link = client.get(f"/quotes/{q.id}")
        assert link.status_code == 302
        assert client.get(link.headers["Location"]).status_code == 200
    assert [a.source for a, _ in items] == ["a\\x0ab.txt", "tab\\x09here.txt"]  # printable, one line


# -- encodings: byte-order marks and declared charsets ---------------------------------------

@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                       ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")])
@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_utf16_and_utf32_with_a_bom_are_decoded(tmp_path, codec, bom, suffix):
    text = "\u201cWe will not back down,\u201d Ren\u00e9e \u0141uczak said. \u65e5\u672c \U0001F600\n"
    body = text if suffix == ".txt" else f"<html><body><p>{text}</p></body></html>"
    path = tmp_path / f"wide{suffix}"
    path.write_bytes(bom + body.encode(codec))
    article, note = read_file(path)
    assert note is None
    assert article.text.strip() == text.strip()
    assert [q.speaker for q in extract(article.body)] == ["Ren\u00e9e \u0141uczak"]


RUSSIAN = "\u00abМы не отступим\u00bb, \u2014 сказал Иван Петров журналистам в понедельник."
RUSSIAN_ASCII_MARKS = '"Мы не отступим", - сказал Иван Петров журналистам в понедельник.'  # KOI8-R has no \u00ab
JAPANESE = "\u300c私たちは戦い続ける\u300dと田中太郎氏は月曜日に述べた。"


@pytest.mark.parametrize("head,text,codec", [
    ('<meta charset="koi8-r">', RUSSIAN_ASCII_MARKS, "koi8-r"),
    ("<META CHARSET=KOI8-R>", RUSSIAN_ASCII_MARKS, "koi8-r"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', JAPANESE, "shift_jis"),
    ("<meta http-equiv='content-type' content='text/html;charset=windows-1251'>", RUSSIAN, "cp1251"),
], ids=["koi8-r", "KOI8-R-unquoted", "http-equiv-shift_jis", "http-equiv-windows-1251"])
def test_a_declared_charset_is_honoured(tmp_path, head, text, codec):
    path = tmp_path / "declared.html"
    path.write_bytes(f"<html><head>{head}<title>T</title></head><body><p>{text}</p></body></html>".encode(codec))
    article, note = read_file(path)
    assert note is None
    assert text in article.text


def test_a_page_declaring_latin1_is_read_as_windows_1252(tmp_path):
    path = tmp_path / "latin1.html"
    path.write_bytes(b'<meta charset="iso-8859-1"><p>\x93We will win,\x94 Jane Doe said at the caf\xe9.</p>')
    article, note = read_file(path)
    assert note is None
    assert "\u201cWe will win,\u201d Jane Doe said at the caf\u00e9." in article.text  # not U+0093/U+0094
    assert [q.speaker for q in extract(article.body)] == ["Jane Doe"]


@pytest.mark.parametrize("head", ['<meta charset="koi8-r">', '<meta charset="utf-16">', '<meta charset="utf-7">',
                                  '<meta charset="no-such-charset">', '<meta charset="base64">'])
def test_a_wrong_declaration_does_not_break_valid_utf8(tmp_path, head):
    path = tmp_path / "wrong.html"
    path.write_text(f"<html><head>{head}</head><body><p>{GOOD}</p><p>Ren\u00e9e \u65e5\u672c</p></body></html>",
                    encoding="utf-8")
    article, note = read_file(path)
    assert note is None
    assert GOOD.strip() in article.text and "Ren\u00e9e \u65e5\u672c" in article.text


def test_an_unusable_declaration_on_other_bytes_falls_back_as_before(tmp_path):
    path = tmp_path / "unknown.html"
    path.write_bytes(b'<meta charset="no-such-charset"><p>\x93We will win,\x94 Jane Doe said.</p>')
    article, note = read_file(path)
    assert "Windows-1252" in note
    assert "\u201cWe will win,\u201d Jane Doe said." in article.text
