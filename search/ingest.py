"""Ingest: turn `.txt`, `.html` and `.htm` files (or folders of them) into `Article`s.

Offsets matter downstream (`quotes extract --jsonl` promises code-point offsets into
the decoded file), so boilerplate is never cut out of a text file: it is blanked with
spaces in `Article.body`, which keeps every offset of `Article.text` valid.
"""
from __future__ import annotations

import codecs
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
# A whole line of page furniture left in an article's text: ad slots, "continues below"
# markers, photo captions and credits, newsletter and share prompts, wire credit lines.
# None of it is the article, and a name in it ("STAFF PHOTO by Tom Reyes") must not
# become a speaker that a later "he" resolves to.
PAGE_FURNITURE = re.compile(
    r"^\s*(?:advertisement|advertising|sponsored(?: content)?|supported by|skip advertisement"
    r"|(?:the )?(?:story|article) continues (?:below|after (?:this )?advertisement)(?: advertisement)?"
    r"|continue reading(?: (?:below|the main story|the full story))?"
    r"|listen to (?:this|the) (?:article|story)(?: \S+ min(?:ute)?s?)?"
    r"|share (?:this|the) (?:article|story)|share (?:on|via) \w+(?: \w+)?"
    # captions and credits: a name after "by", no sentence punctuation or quotation marks
    r"|(?:(?:staff|file|ap|afp|reuters|getty)\s+)?photo(?:graph)?s?\s*(?::|(?:by|credit|courtesy)\b:?\s*(?-i:[A-Z]))"
    r"[^.!?\"“”]{0,150}|(?:staff|file)\s+photo(?:graph)?s?"
    r"|(?:image|picture|video)(?:\s+(?:source|caption|credit))?\s*:.{0,200}|image (?:source|caption),.{0,200}"
    r"|caption\s*:.{0,200}"
    r"|.{0,250}\((?:ap|afp|reuters|getty images|epa|upi)(?: photo)?\s*/[^()]{0,80}\)"
    r"|\(?(?:additional )?(?:reporting|writing|editing|compiled|contributed) by\s+(?-i:[A-Z])[^\"“”]{0,200}"
    r"|sign up (?:for|to)\b.{0,120}|subscribe (?:to|now|today)\b.{0,120}|click here\b.{0,120}"
    r"|follow (?:us|\w+) on (?:twitter|x|facebook|instagram|threads|bluesky)\b.{0,60}"
    r"|(?:copyright\s*)?©.{0,120}|copyright \d{4}\b.{0,120}|all rights reserved)\s*[.;)]?\s*$",
    re.I,
)
SOURCE_LINE = re.compile(r"^\s*(source|via)\s*:\s*(?P<publisher>\S.{0,200}?)\s*$", re.I)
MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>\n]{0,2000})?/?>")
MIN_REPEAT = 40  # shorter repeated lines ("What happened?") are legitimately repeated
# A well-formed UTF-8 sequence of two or more bytes: text with more of these than bad bytes
# is damaged UTF-8, not Windows-1252 (whose high bytes almost never form one).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# UTF-32 first: its little-endian mark begins like UTF-16's.
BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))
# `<meta charset="koi8-r">` or `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">`
META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([\w.:+-]+)", re.I)
# Labels whose codec in Python is narrower than what pages labelled so use (the WHATWG
# Encoding Standard): "iso-8859-1" and "ascii" pages are Windows-1252, and so on.
WHATWG_CODECS = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254", "tis-620": "cp874",
                 "iso8859-11": "cp874", "shift_jis": "cp932", "euc_kr": "cp949", "gb2312": "gb18030",
                 "gbk": "gb18030", "big5": "big5hkscs"}
MAX_RUN = 30  # code points normalised together at most (see _nfc)
# What a source key and a printed path may not hold as is (see escape_name).
_UNPRINTABLE = re.compile(r"[\\\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def escape_name(name: str) -> str:
    """A file name as a printable, one-line string: the source key an article is indexed
    under, and how the CLI prints paths.  Undecodable bytes (which `os.fsdecode` keeps as
    lone surrogates) become `\\xNN`, the byte; control characters become `\\xNN` below
    U+0080 and `\\uNNNN` above, as do line and paragraph separators; a backslash is
    doubled, so no two names get one key.  Any other name is returned unchanged."""
    return _UNPRINTABLE.sub(_escape_char, name)


def _escape_char(m: re.Match) -> str:
    code = ord(m.group())
    if code == 0x5C:
        return "\\\\"
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, str]]:
    """Yield (path, source name) for every article file under `paths`, sorted.

    The source name is relative to the folder that was given, or the bare file name
    for a file given directly, through `escape_name`.  Symlinked folders are not
    followed, so loops can't hang us.
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
                yield path, escape_name(path.relative_to(root).as_posix())
        else:
            yield root, escape_name(root.name)


def decode(data: bytes, path: str = "", html: bool = False) -> tuple[str, str | None]:
    """Bytes to text; returns (text, note) where note says when a fallback was used.

    A byte-order mark decides first; then valid UTF-8 is UTF-8 (even if a page declares
    otherwise); then the charset an HTML page declares; then the guesses below."""
    if not data.strip():
        raise IngestError(path, "empty file")
    for bom, codec in BOMS:  # before the NUL check: UTF-16 and UTF-32 text is full of NULs
        if data.startswith(bom):
            return _decode_as(data[len(bom):], codec)
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise IngestError(path, "binary file, not text or HTML")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        codec = _declared_charset(data) if html else None
        if codec:
            return _decode_as(data, codec)
        # UTF-8 with a few damaged bytes keeps its UTF-8 (and its curly quotes); otherwise
        # Windows-1252 is what mis-declared news text usually is.  Say so, don't guess silently.
        text = data.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd") - data.count("\ufffd".encode())
        if len(_UTF8_MULTIBYTE.findall(data)) > bad:
            return text, f"not valid UTF-8 (byte {exc.start}); decoded as UTF-8 with {bad} bad byte(s) replaced"
        text = data.decode("cp1252", errors="replace")
        return text, f"not valid UTF-8 (byte {exc.start}); decoded as Windows-1252"


def _decode_as(data: bytes, codec: str) -> tuple[str, str | None]:
    try:
        return data.decode(codec), None
    except UnicodeDecodeError as exc:
        text = data.decode(codec, errors="replace")
        return text, f"not valid {codec} (byte {exc.start}); decoded with the bad bytes replaced"


def _declared_charset(data: bytes) -> str | None:
    """The codec for the charset an HTML page declares in a `<meta>`, if Python knows it.

    Searched for in the first 8 KB (further than a browser's 1,024 bytes: saved pages often
    have long heads).  UTF-8 is left to `decode`'s guesses (this page is not valid UTF-8), and
    so is a charset that can't spell the `<meta>` itself (UTF-16, UTF-7, EBCDIC)."""
    m = META_CHARSET.search(data, 0, 8192)
    if not m:
        return None
    try:
        codec = codecs.lookup(m.group(1).decode("ascii")).name
        codec = WHATWG_CODECS.get(codec, codec)
        if codec == "utf-8" or "<meta charset=".encode(codec) != b"<meta charset=":
            return None
    except (LookupError, ValueError, UnicodeError):  # unknown, or no text codec ("base64")
        return None
    return codec


def read_file(path: Path, source: str | None = None) -> tuple[Article, str | None]:
    """Read one file into an Article; raises IngestError with the reason when it can't."""
    source = source or escape_name(path.name)
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
    is_html = path.suffix.lower() in (".html", ".htm")
    text, note = decode(data, str(path), html=is_html)
    if is_html:
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
    the next character composes with nothing before it, or after MAX_RUN code points.
    No real text stacks that many marks, and the cap keeps this linear: `unicodedata`
    sorts the marks of a run in quadratic time (Unicode's stream-safe format cuts at 30 too)."""
    if unicodedata.is_normalized("NFC", raw):
        return raw, None
    nfc = unicodedata.normalize
    pieces: list[str] = []
    offsets: list[int] = []
    start, cut = 0, False
    for i in range(1, len(raw) + 1):
        if i < len(raw):
            if i - start >= MAX_RUN:
                cut = True
            elif unicodedata.combining(raw[i]):
                continue  # a mark joins the run; it is normalised once, when the run ends
            else:
                piece = raw[start] if i - start == 1 else nfc("NFC", raw[start:i])
                if nfc("NFC", raw[start:i + 1]) != piece + nfc("NFC", raw[i]):
                    continue  # raw[i] composes with the run (or a lone character changes, U+212B)
        piece = nfc("NFC", raw[start:i])
        pieces.append(piece)
        offsets.extend(start + min(k, i - start - 1) for k in range(len(piece)))
        start = i
    text = "".join(pieces)
    # The whole text's NFC decides when the length is kept (runs can miss a mark that composes
    # past a decomposing character, "a\u0f73\u0308"), unless a run was cut: then it is quadratic.
    whole = text if cut else nfc("NFC", raw)
    if len(whole) == len(raw):
        return whole, None
    offsets.append(len(raw))
    return text, tuple(offsets)


def blank_boilerplate(text: str) -> tuple[str, list[tuple[int, int, str]], str | None]:
    """Blank teasers, page furniture, a trailing `Source:` line and repeated paragraphs; keep offsets."""
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
    for i in content:
        if i not in drop and len(lines[i]) <= 300 and PAGE_FURNITURE.match(lines[i]):
            drop[i] = "page furniture"
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
    # A run of repeats next to each other goes together once one of them is a paragraph.
    repeated, run = set(repeats), []
    for i in content + [-1]:
        if i in repeated:
            run.append(i)
            continue
        if any(drop.get(j) == "repeated paragraph" for j in run):
            for j in run:
                drop[j] = "repeated paragraph"
        run = []

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
    blocks = root.find_all(BLOCKS)
    outer = _with_blocks_inside(blocks)
    paragraphs = []
    for block in blocks:
        if id(block) in outer:  # the innermost block carries the text
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
    soup.decompose()  # the tree is all cycles: freed now, not at some later collection
    return parse_text(text, source, title=title or None)


def _with_blocks_inside(blocks) -> set[int]:
    """ids of the blocks with another block inside: each block marks its nearest block
    ancestor.  Linear: a tag that is no block is walked through once (`block.find(BLOCKS)`
    for every block walked the whole nesting of 20,000 nested blockquotes each time)."""
    names, outer, passed = set(BLOCKS), set(), set()
    for block in blocks:
        tag = block.parent
        while tag is not None and id(tag) not in passed:
            if tag.name in names:
                outer.add(id(tag))
                break
            passed.add(id(tag))  # its nearest block ancestor, if any, is marked from here on
            tag = tag.parent
    return outer


def _html_title(soup: BeautifulSoup) -> str:
    meta = soup.find("meta", property="og:title")
    if meta and meta.get("content", "").strip():
        return " ".join(meta["content"].split())
    for name in ("h1", "title"):
        tag = soup.find(name)
        if tag and tag.get_text(strip=True):
            return " ".join(tag.get_text(" ").split())
    return ""
