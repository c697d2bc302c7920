"""Ingest: files and folders to Articles, boilerplate blanked with offsets kept."""
import unicodedata

import pytest

from search.errors import IngestError
from search.ingest import iter_files, parse_html, parse_text, read_file
from search.pipeline import extract_paths

ARTICLE_HTML = """<!doctype html><html><head><title>Site | Border clash</title>
<meta property="og:title" content="Border clash escalates">
<script>var tracking = "“Not a quote,” said Nobody.";</script><style>p {color: red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header class="site-header">Daily Planet</header>
<article><h1>Border clash escalates</h1>
<p>Fighting resumed overnight along the frontier.</p>
<p>“We will defend every inch of our land,” said Jane Doe, the defence minister.</p>
<div class="related-stories"><h3>Related</h3><ul><li>“Shocking,” says celebrity about diet</li></ul></div>
<p>Also read: Ten things to know about the border</p>
<p>Officials said the talks would resume next week.</p>
</article>
<aside>“Subscribe now,” urged the newsletter.</aside>
<footer>© Daily Planet</footer></body></html>"""


def test_html_keeps_title_and_body_and_drops_boilerplate():
    article = parse_html(ARTICLE_HTML, "clash.html")
    assert article.title == "Border clash escalates"
    body = article.body
    assert "Fighting resumed overnight" in body and "defend every inch" in body
    for junk in ("tracking", "Home", "Daily Planet", "Shocking", "Subscribe", "color: red", "Ten things"):
        assert junk not in body, junk
    assert body.count("Border clash escalates") == 1  # the h1 is the title line, not repeated


def test_html_pipeline_attributes_the_quote(tmp_path):
    (tmp_path / "clash.html").write_text(ARTICLE_HTML, encoding="utf-8")
    [(article, quotes)] = list(extract_paths([tmp_path]))
    assert [(q.speaker, q.kind) for q in quotes if q.kind == "direct"] == [("Jane Doe", "direct")]
    assert all(article.text[q.start:q.end].startswith(q.text[:5]) for q in quotes)


def test_text_teasers_source_line_and_repeated_body_are_blanked_not_removed():
    body = ("Headline here\n"
            "“We are ready for anything that comes,” Jane Doe said on Monday.\n"
            "Also read: Unrelated story about gardens\n"
            "“We are ready for anything that comes,” Jane Doe said on Monday.\n"
            "Source: The Daily Planet\n"
            "You may also like\n"
            "'Keep in close touch': celebrity e-mails leaked\n")
    article = parse_text(body, "a.txt")
    assert len(article.body) == len(article.text)
    assert article.publisher == "The Daily Planet"
    assert article.body.count("We are ready") == 1
    for gone in ("Unrelated story", "Daily Planet", "close touch", "You may also like"):
        assert gone not in article.body
    reasons = {why for _, _, why in article.skipped}
    assert reasons == {"teaser link", "repeated paragraph", "source line", "teaser list"}
    assert article.title == "Headline here"


def test_nfc_normalisation():
    decomposed = "Anto\u0301nio Guterres said the talks were over."
    article = parse_text(decomposed, "n.txt")
    assert article.text == unicodedata.normalize("NFC", decomposed)
    assert "António" in article.text


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"<html><script>x()</script></html>", "no article text"),
])
def test_unreadable_files_are_refused_with_a_reason(tmp_path, content, reason):
    path = tmp_path / ("bad.html" if content.startswith(b"<") else "bad.txt")
    path.write_bytes(content)
    with pytest.raises(IngestError) as err:
        read_file(path)
    assert reason in str(err.value) and str(path) in str(err.value)


def test_windows_1252_is_decoded_with_a_note(tmp_path):
    path = tmp_path / "cp.txt"
    path.write_bytes("\u201cWe will win,\u201d she said.".encode("cp1252"))
    article, note = read_file(path)
    assert article.text.startswith("\u201cWe will win")
    assert "Windows-1252" in note


def test_bom_and_crlf_keep_offsets(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffIntro line\r\n\u201cWe will win the war,\u201d she said.\r\n".encode("utf-8"))
    article, _ = read_file(path)
    assert not article.text.startswith("\ufeff")
    assert "\r" not in article.body and len(article.body) == len(article.text)


def test_folders_are_walked_and_a_broken_file_is_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text("“We will win the war soon,” Jane Doe said.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)  # a symlinked folder is not followed
    assert [name for _, name in iter_files([tmp_path])] == ["empty.txt", "sub/good.txt"]
    results = list(extract_paths([tmp_path]))
    assert isinstance(results[0], IngestError) and results[0].reason == "empty file"
    article, quotes = results[1]
    assert article.source == "sub/good.txt" and quotes[0].speaker == "Jane Doe"


def test_markup_in_a_text_file_is_blanked_not_quoted():
    text = ('<tweet author="we rate it Mostly True, so say the fact-checkers">Jane Doe said the rate was '
            '“51 percent.”</tweet>\nIf a < b and c > d, the sum is small.')
    article = parse_text(text, "m.txt")
    assert len(article.body) == len(text)  # blanked, offsets kept
    assert "Mostly True" not in article.body and "<" not in article.body.split("\n")[0]
    assert "a < b and c > d" in article.body  # a comparison is not a tag
    assert ("markup tag" in {why for _, _, why in article.skipped})


# Page furniture: whole lines that are not the article (ads, "continues below", captions,
# credits, share and newsletter prompts).  Prose that merely starts like them stays.
FURNITURE = [
    "Advertisement", "ADVERTISEMENT", "Story continues below", "Story continues below advertisement",
    "Article continues after this advertisement", "Continue reading the main story", "Skip advertisement",
    "Supported by", "STAFF PHOTO", "STAFF PHOTO by Tom Reyes", "Photo: Jane Roe/The Daily Planet", "FILE PHOTO: A view of the port",
    "Image source, Getty Images", "Image caption, The minister arrives in Kabul",
    "Protesters march in Lahore on Friday. (AP Photo/K.M. Chaudary)",
    "Reporting by Sam Patel; editing by Ruth Green", "(Reporting by Sam Patel in Islamabad; Editing by Ruth Green)",
    "Additional reporting by Li Wei", "Sign up for our morning newsletter", "Share this article",
    "Share on Facebook", "Follow us on Twitter", "© 2026 The Daily Planet",
    "Copyright 2026 Example Wire. All rights reserved.", "Listen to this article", "Click here to read the full report",
]
NOT_FURNITURE = [
    "Advertisement revenue fell 12 percent, the company said.",
    "Photos by the agency showed the damage, officials said.",
    "\u201cSign up for the draft,\u201d he said.",
    "Copyright law has not kept up, she said.",
    "Video, taken by a bystander, shows the officer pushing the man.",
    "Editing by committee has ruined the bill, she said.",
    "Share prices fell 3 percent in afternoon trading.",
    "The story continues to unfold, he said.",
    "Reporting by the Associated Press found that \u201cmany records were missing.\u201d",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_page_furniture_lines_are_blanked(line):
    text = f"Minister quits\n\n{line}\n\n\u201cI am leaving today,\u201d the minister said."
    article = parse_text(text, "a.txt")
    start = text.index(line)
    assert (start, start + len(line), "page furniture") in article.skipped
    assert article.body[start:start + len(line)].strip() == ""
    assert len(article.body) == len(text)  # blanked, not removed: offsets hold


@pytest.mark.parametrize("line", NOT_FURNITURE)
def test_prose_that_starts_like_furniture_is_kept(line):
    article = parse_text(f"Minister quits\n\n{line}\n", "a.txt")
    assert line in article.body and not article.skipped
