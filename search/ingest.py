"""Ingest: turn `.txt`, `.html` and `.htm` files (or folders of them) into `Article`s.

Offsets matter downstream (`quotes extract --jsonl` promises code-point offsets into
the decoded file), so boilerplate is never cut out of a text file: it is blanked with
spaces in `Article.body`, which keeps every offset of `Article.text` valid.
"""
from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from bs4 import BeautifulSoup, Comment

from .errors import IngestError
from .model import Article

SUFFIXES = (".txt", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024  # larger files are refused, not read into memory
BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b")

# A line that only announces links to other stories.  When it stands alone it heads a
# teaser list that runs to the end of the article; with text after it, it is one teaser.
TEASER_HEAD = re.compile(
    r"^\s*(you may also like|you might also like|also read|read also|read more|related"
    r"( articles| stories| news| coverage)?|recommended( for you| stories)?|more from \w+|"
    r"most read|trending( now)?|more stories|top stories|see also)\s*[:\-–—]?\s*(?P<rest>.*)$",
    re.I,
)
SOURCE_LINE = re.compile(r"^\s*(source|via)\s*:\s*(?P<publisher>\S.{0,200}?)\s*$", re.I)
MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>\n]{0,2000})?/?>")
MIN_REPEAT = 40  # shorter repeated lines ("What happened?") are legitimately repeated
# A well-formed UTF-8 sequence of two or more bytes: text with more of these than bad bytes
# is damaged UTF-8, not Windows-1252 (whose high bytes almost never form one).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, str]]:
    """Yield (path, source name) for every article file under `paths`, sorted.

    The source name is relative to the folder that was given, or the bare file name
    for a file given directly.  Symlinked folders are not followed, so loops can't hang us.
    """
    for given in paths:
        root = Path(given)
        if root.is_dir():
            found = []
            for dirpath, dirnames, filenames in os.walk(root, onerror=None):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in filenames:
                    if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                        found.append(Path(dirpath) / name)
            for path in sorted(found):
                yield path, path.relative_to(root).as_posix()
        else:
            yield root, root.name


def decode(data: bytes, path: str = "") -> tuple[str, str | None]:
    """Bytes to text; returns (text, note) where note says when a fallback was used."""
    if not data.strip():
        raise IngestError(path, "empty file")
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise IngestError(path, "binary file, not text or HTML")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        # UTF-8 with a few damaged bytes keeps its UTF-8 (and its curly quotes); otherwise
        # Windows-1252 is what mis-declared news text usually is.  Say so, don't guess silently.
        text = data.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd") - data.count("\ufffd".encode())
        if len(_UTF8_MULTIBYTE.findall(data)) > bad:
            return text, f"not valid UTF-8 (byte {exc.start}); decoded as UTF-8 with {bad} bad byte(s) replaced"
        text = data.decode("cp1252", errors="replace")
        return text, f"not valid UTF-8 (byte {exc.start}); decoded as Windows-1252"


def read_file(path: Path, source: str | None = None) -> tuple[Article, str | None]:
    """Read one file into an Article; raises IngestError with the reason when it can't."""
    source = source or path.name
    limit = f"the limit is {MAX_BYTES // (1024 * 1024)} MB"
    try:
        _regular_file(path, path.stat())  # before open(): opening a FIFO would block
        _check_link(path, source)
        # O_NONBLOCK: a file swapped for a FIFO after the check still can't hang us.
        with open(path, "rb", opener=lambda p, flags: os.open(p, flags | os.O_NONBLOCK)) as f:
            size = _regular_file(path, os.fstat(f.fileno())).st_size
            if size > MAX_BYTES:
                raise IngestError(path, f"file is {size / (1024 * 1024):.1f} MB; {limit}")
            data = f.read(MAX_BYTES + 1)  # never more than the limit, even if the file grows
        if len(data) > MAX_BYTES:
            raise IngestError(path, f"file grew past {MAX_BYTES // (1024 * 1024)} MB while being read; {limit}")
    except IngestError:
        raise
    except FileNotFoundError:
        why = "broken symbolic link" if path.is_symlink() else "no such file (missing, or deleted before it could be read)"
        raise IngestError(path, why) from None
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from None
    text, note = decode(data, str(path))
    if path.suffix.lower() in (".html", ".htm"):
        article = parse_html(text, source)
    else:
        article = parse_text(text, source)
    if not article.body.strip():
        raise IngestError(path, "no article text found")
    return article, note


def _regular_file(path: Path, st: os.stat_result) -> os.stat_result:
    if not stat.S_ISREG(st.st_mode):
        raise IngestError(path, "not a regular file (a device, pipe or socket); not read")
    return st


def _check_link(path: Path, source: str) -> None:
    """Refuse a symlinked file that leads outside the folder being indexed (`path` minus `source`).

    A corpus unpacked from an archive could otherwise publish any file on the machine
    (`story.txt -> ~/.ssh/id_rsa`) through the article pages."""
    if not path.is_symlink():
        return
    depth = len(PurePosixPath(source).parts)
    root = path.parents[depth - 1] if 0 < depth <= len(path.parents) else path.parent
    target = path.resolve()
    if not target.is_relative_to(root.resolve()):
        raise IngestError(path, f"symbolic link to {target}, outside the folder being indexed; not followed")


def parse_text(text: str, source: str, title: str | None = None) -> Article:
    """A plain-text article.  Offsets into the result are offsets into `text` (after NFC)."""
    text, offsets = _nfc(text)
    body, skipped, publisher = blank_boilerplate(text)
    return Article(source=source, title=title or guess_title(body, source), text=text,
                   body=body, publisher=publisher, skipped=tuple(skipped), file_offsets=offsets)


def _nfc(raw: str) -> tuple[str, tuple[int, ...] | None]:
    """NFC text (so "António" matches however it was typed) and, when that changed its
    length, each offset's place in `raw`.  Normalised a run at a time: a run ends where
    the next character composes with nothing before it."""
    text = unicodedata.normalize("NFC", raw)
    if len(text) == len(raw):
        return text, None
    pieces: list[str] = []
    offsets: list[int] = []
    start = 0
    piece = raw[:1]
    for i in range(1, len(raw) + 1):
        if i < len(raw) and (unicodedata.combining(raw[i])
                             or unicodedata.normalize("NFC", raw[start:i + 1])
                             != piece + unicodedata.normalize("NFC", raw[i])):
            piece = unicodedata.normalize("NFC", raw[start:i + 1])
            continue
        piece = unicodedata.normalize("NFC", piece)  # a lone character can change too (U+212B)
        pieces.append(piece)
        offsets.extend(start + min(k, i - start - 1) for k in range(len(piece)))
        start = i
        piece = raw[i:i + 1]
    offsets.append(len(raw))
    return "".join(pieces), tuple(offsets)


def blank_boilerplate(text: str) -> tuple[str, list[tuple[int, int, str]], str | None]:
    """Blank teasers, a trailing `Source:` line and repeated paragraphs; keep offsets."""
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    content = [i for i, line in enumerate(lines) if line.strip()]
    drop: dict[int, str] = {}
    publisher = None

    # Teasers: a lone heading in the last part of the article starts a list to the end.
    for n, i in enumerate(content):
        m = TEASER_HEAD.match(lines[i])
        if not m:
            continue
        if m.group("rest").strip():
            drop[i] = "teaser link"
        elif n >= len(content) // 2:
            for j in content[n:]:
                drop[j] = "teaser list"
            break
        else:
            drop[i] = "teaser heading"
    kept = [i for i in content if i not in drop]
    if kept:
        m = SOURCE_LINE.match(lines[kept[-1]])
        if m:
            publisher = m.group("publisher")
            drop[kept[-1]] = "source line"
    # A repeated body: long paragraphs seen before, then the short lines (headings)
    # repeated inside that run.
    seen: set[str] = set()
    repeats: list[int] = []
    for i in content:
        key = " ".join(lines[i].split()).lower()
        if i not in drop and key in seen:
            repeats.append(i)
        seen.add(key)
    for i in repeats:
        if len(lines[i].strip()) >= MIN_REPEAT:
            drop[i] = "repeated paragraph"
    changed = True
    while changed:
        changed = False
        for i in repeats:
            n = content.index(i)
            near = content[max(0, n - 1):n] + content[n + 1:n + 2]
            if i not in drop and any(drop.get(j) == "repeated paragraph" for j in near):
                drop[i] = "repeated paragraph"
                changed = True

    out = list(text)
    for i in range(len(lines)):
        # CR stays a character (offsets) but must not look like text to the extractor.
        if i in drop:
            for k in range(starts[i], starts[i] + len(lines[i])):
                out[k] = " "
        elif "\r" in lines[i]:
            for k in range(starts[i], starts[i] + len(lines[i])):
                if out[k] == "\r":
                    out[k] = " "
    skipped = [(starts[i], starts[i] + len(lines[i]), why) for i, why in sorted(drop.items())]
    # Markup left in a text file (`<tweet tweet-author="…">`): its attribute values are not quotes.
    for m in MARKUP.finditer(text) if "<" in text else ():
        out[m.start():m.end()] = " " * (m.end() - m.start())
        skipped.append((m.start(), m.end(), "markup tag"))
    skipped.sort()
    return "".join(out), skipped, publisher


def guess_title(body: str, source: str) -> str:
    """The first short line without final punctuation is a headline; else the first sentence."""
    lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
    for line in lines[:2]:
        if len(line) <= 150 and not line.endswith((".", "?", "!", ":", ",")):
            return line
    if not lines:
        return Path(source).stem
    first = re.split(r"(?<=[.!?])\s", lines[0], maxsplit=1)[0]
    return first if len(first) <= 150 else first[:147].rsplit(" ", 1)[0] + "…"


# --- HTML -----------------------------------------------------------------------------
DROP_TAGS = ["script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "svg",
             "button", "template", "header", "figure", "select", "input", "menu", "dialog"]
BOILERPLATE_ATTR = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|footer|sidebar|related|teaser|promo|share|sharing|social|"
    r"newsletter|comments?|advert|ads?|cookie|subscribe|recommend\w*|breadcrumbs?|byline-share|"
    r"more-stories|read-more|also-read|outbrain|taboola)($|[\s_-])",
    re.I,
)
BLOCKS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "figcaption"]


def parse_html(html: str, source: str) -> Article:
    soup = BeautifulSoup(html, "lxml")
    title = _html_title(soup)
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(True):
        if tag.attrs is None or tag.name in ("html", "body", "article", "main"):
            continue
        attrs = " ".join([tag.get("id") or "", *(tag.get("class") or []), tag.get("role") or ""])
        if attrs.strip() and BOILERPLATE_ATTR.search(attrs):
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    paragraphs = []
    for block in root.find_all(BLOCKS):
        if block.find(BLOCKS):  # the innermost block carries the text
            continue
        text = " ".join(block.get_text(" ").split())
        if text:
            paragraphs.append(text)
    if not paragraphs:
        paragraphs = [" ".join(line.split()) for line in root.get_text("\n").split("\n") if line.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    # A page that is nothing but its title is no article: its text stays empty.
    text = "\n".join(([title] if title and paragraphs else []) + paragraphs)
    return parse_text(text, source, title=title or None)


def _html_title(soup: BeautifulSoup) -> str:
    meta = soup.find("meta", property="og:title")
    if meta and meta.get("content", "").strip():
        return " ".join(meta["content"].split())
    for name in ("h1", "title"):
        tag = soup.find(name)
        if tag and tag.get_text(strip=True):
            return " ".join(tag.get_text(" ").split())
    return ""
