"""Offsets-preserving text primitives: paragraphs, sentences, tokens and quotation marks.

Everything here works on code-point offsets into one string and never copies text
into a shifted coordinate system, so every later stage can slice the original.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "mr", "mrs", "ms", "mx", "dr", "st", "sen", "rep", "del", "gov", "gen", "col", "lt", "sgt", "capt", "maj",
    "cmdr", "adm", "prof", "rev", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "fig",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
    "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "d.c", "i.e", "e.g", "al", "approx", "dept", "est", "govt",
}

# A pronoun's contraction is two words ("He's claiming" is "He" + "'s"); any other word keeps
# its "'s", which is a possessive ("Pakistan's").
WORD = re.compile(r"\b(?i:he|she|it|they|we|i|you|who|that|there|what)(?=[’'](?:s|re|m|ve|d|ll)\b)"
                  r"|(?<=\w)[’'](?:s|re|m|ve|d|ll)\b|\w+(?:[’'.\-&/]\w+)*(?:[’']s\b)?|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)  # one per word of an article: keep it small
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def possessive(tok: Token) -> bool:
    """"Pakistan's", "the ministry’s" (not the "'s" of "He's", a word of its own)."""
    return tok.is_word and tok.text.endswith(("’s", "'s"))


class Spans:
    """Sorted, non-overlapping (start, end) spans with a fast `pos in spans`."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.spans[i][1]


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, end)]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped.  A newline always ends a paragraph."""
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return out


_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]{0,2}[A-Z0-9])")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] (one paragraph) into sentences, as (start, end) pairs."""
    out, s = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        word = re.search(r"([\w.]+)[.!?…]*$", text[s:m.start() + 1])
        stem = word.group(1).lower().rstrip(".") if word else ""
        initial = (len(stem) == 1 and stem.isalpha()) or re.fullmatch(r"[a-z](?:\.[a-z])+", stem)
        if text[m.start()] == "." and (stem in ABBREVIATIONS or (initial and _initial(text, s, m.start()))):
            continue
        out.append((s, m.end()))
        s = m.end()
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        out.append((s, end))
    return out


def _initial(text: str, lo: int, dot: int) -> bool:
    """'George W. Bush' has an initial; 'the platform X. He said' ends a sentence."""
    before = text[lo:dot - 1].rstrip().split()
    return bool(before) and before[-1][:1].isupper()


# --- quotation marks -------------------------------------------------------------------
DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
OPEN_CONTEXT = set(" \t([{—–-/\n") | set(DOUBLE_OPEN) | set(SINGLE_OPEN) | {'"', "'"}


# A transcript line: `"WALLACE: Let's start …` — a new speaker, never a continued quote.
TRANSCRIPT = re.compile(r"[\"“]?([A-Z][A-Z.'’ -]{1,30}[A-Z]):\s+")


@dataclass(frozen=True)
class QuoteMarks:
    """A stretch of text between quotation marks, possibly over several paragraphs.

    `parts` are (start, end) per paragraph including the marks; `start`/`end` span them all.
    """

    parts: tuple[tuple[int, int], ...]
    closed: bool

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def inner(self, text: str) -> str:
        return " ".join(text[s:e].strip(" \"“”„«»‘’'") for s, e in self.parts)


def _is_opener(text: str, i: int, lo: int) -> bool:
    return i == lo or text[i - 1] in OPEN_CONTEXT


def _is_closer(text: str, i: int, hi: int) -> bool:
    return i + 1 >= hi or not text[i + 1].isalnum()


_DOUBLE = re.compile("''|[\"“”„«»]")


_CURLY_DOUBLE = re.compile("[“”]")


def _nested_close(text: str, i: int, hi: int) -> int | None:
    """Where the quote opening at i closes, if it is nested in an open quote with the same marks:
    it closes, and so does the outer one, before any other quote opens (“A “B” C”)."""
    closers = []
    for m in _CURLY_DOUBLE.finditer(text, i + 1, hi):
        k = m.start()
        if text[k] == "“" and _is_opener(text, k, i):
            return None
        if text[k] == "”" and _is_closer(text, k, hi):
            closers.append(k)
            if len(closers) == 2:
                return closers[0]
    return None


_MARK = {'"': re.compile('"'), "”": re.compile("”")}


def _other_marks_close(text: str, i: int, hi: int, outer_straight: bool) -> int | None:
    """Where a quote opening at i in the other kind of marks than the open quote closes, if the open
    quote closes after it: "… comes across as “too loud” or “too shrill.”" and “… say "no" to it.”"""
    inner, outer = (_MARK["”"], _MARK['"']) if outer_straight else (_MARK['"'], _MARK["”"])
    close = next((m.start() for m in inner.finditer(text, i + 1, hi) if _is_closer(text, m.start(), hi)), None)
    if close is None:
        return None
    return close if any(_is_closer(text, m.start(), hi) for m in outer.finditer(text, close + 1, hi)) else None


def _double_marks(text: str, lo: int, hi: int) -> list[tuple[int, int | None]]:
    """Pair double quotation marks in one paragraph; an unclosed quote gets end None.

    Two apostrophes ('') are a double mark too: some newspapers' archives write them so."""
    spans: list[tuple[int, int | None]] = []
    open_at = None
    nested_until = -1  # a “nested” quote of the same marks inside an open one, skipped whole
    for m in _DOUBLE.finditer(text, lo, hi):
        i = m.start()
        if i <= nested_until:
            continue
        ch = '"' if m.group() == "''" else text[i]
        if m.group() == "''":
            i = m.end() - 1 if open_at is not None else i  # a closer ends after both marks
        if open_at is None and i > lo and text[i - 1].isalnum() and i + 1 < hi and text[i + 1].isalnum():
            continue  # a mark inside a word (rock“n”roll) opens nothing
        if ch == '"' and i > lo and text[i - 1].isdigit() and (open_at is None or text[i - 2:i - 1] == "'"):
            continue  # an inch mark: 6'3" tall
        if open_at is None:
            if (ch in DOUBLE_CLOSE or ch == '"' and text[i - 1:i].isalnum() and _is_closer(text, i, hi)) \
                    and not _is_opener(text, i, lo):
                continue  # a stray closer: `a review of [his] systems" including …` lost its opener
            open_at = i
        elif ch in DOUBLE_OPEN and ch != "”" and _is_opener(text, i, lo) and not _is_closer(text, i, hi):
            outer_straight = text[open_at] in "\"'"
            inner_end = _other_marks_close(text, i, hi, True) if outer_straight else _nested_close(text, i, hi)
            if inner_end is not None:
                nested_until = inner_end  # “… what he calls “hell” than …”: one quote inside another
                continue
            # A second opener while one is open: the first was never closed.
            spans.append((open_at, None))
            open_at = i
        elif ch == '"' and _is_opener(text, i, lo) and not _is_closer(text, i, hi):
            inner_end = None if text[open_at] in "\"'" else _other_marks_close(text, i, hi, False)
            if inner_end is not None:
                nested_until = inner_end
                continue
            spans.append((open_at, None))
            open_at = i
        else:
            if not is_nickname(text, open_at, i + 1, lo, hi):
                spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        spans.append((open_at, None))
    return spans


def is_nickname(text: str, s: int, e: int, lo: int, hi: int) -> bool:
    """`Marcia "Cia" Price`: one or two capitalised words in quotes between two parts of a name."""
    if not re.fullmatch(r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)?", text[s + 1:e - 1]):
        return False  # most quotes are no nickname: the cheap test first
    return bool(re.search(r"(?:^|\s)[A-Z][\w.’'-]*\s$", text[max(lo, s - 30):s])
                and re.match(r"\s[A-Z][\w’'-]+", text[e:min(hi, e + 30)]))


def _single_marks(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Single-quoted stretches outside double quotes; apostrophes (don’t, Pakistan’s) never pair."""
    out, open_at = [], None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in SINGLE_OPEN and ch not in SINGLE_CLOSE and ch != "'":
            continue
        if any(s <= i < e for s, e in taken) or text[i:i + 2] == "''" or text[i - 1:i + 1] == "''":
            continue
        prev_alnum = i > lo and text[i - 1].isalnum()
        next_alnum = i + 1 < hi and text[i + 1].isalnum()
        if open_at is None:
            if ch not in SINGLE_CLOSE and _is_opener(text, i, lo) and next_alnum:
                open_at = i
        elif not next_alnum and (prev_alnum or text[i - 1] in ".,!?;:…)") and ch != "‘":
            # "players’ union" could close early; a closer must be followed by a non-letter
            # and the quoted stretch must not end in a plural-possessive-looking "s’ ".
            out.append((open_at, i + 1))
            open_at = None
    return out


def quote_marks(text: str) -> list[QuoteMarks]:
    """Every quoted stretch in text, in order, nested quotes folded into their outer quote.

    News convention: a quote that runs over several paragraphs has no closing mark until
    its last paragraph, and each continuing paragraph opens with a mark.
    """
    paras = paragraphs(text)
    per_para: list[list[tuple[int, int | None]]] = []
    for lo, hi in paras:
        doubles = _double_marks(text, lo, hi)
        closed = [(s, e if e is not None else hi) for s, e in doubles]
        singles = _single_marks(text, lo, hi, closed)
        per_para.append(sorted(doubles + singles, key=lambda x: x[0]))
    out: list[QuoteMarks] = []
    carry: list[tuple[int, int]] | None = None
    for n, ((lo, hi), spans) in enumerate(zip(paras, per_para)):
        for k, (s, e) in enumerate(spans):
            # An unclosed quote ends where the next one opens, or with its paragraph.
            stop = spans[k + 1][0] if k + 1 < len(spans) else hi
            while stop > s + 1 and text[stop - 1].isspace():
                stop -= 1
            if carry is not None:
                if k == 0 and s == lo:
                    carry.append((s, e if e is not None else stop))
                    nxt = paras[n + 1] if n + 1 < len(paras) else None
                    if e is not None or stop != hi or (nxt and TRANSCRIPT.match(text, nxt[0], nxt[1])):
                        # closed, or the next paragraph is another speaker's transcript line
                        out.append(QuoteMarks(tuple(carry), e is not None or stop != hi))
                        carry = None
                    continue
                out.append(QuoteMarks(tuple(carry), False))
                carry = None
            if e is not None:
                out.append(QuoteMarks(((s, e),), True))
                continue
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            last = k == len(spans) - 1
            # The next paragraph continues the quote only if it opens with the same kind of mark:
            # a stray straight quote is not continued by a curly one.
            if last and nxt and text[nxt[0]] in DOUBLE_OPEN + '"' and (text[nxt[0]] == '"') == (text[s] == '"') \
                    and not TRANSCRIPT.match(text, nxt[0], nxt[1]):
                carry = [(s, hi)]
            else:
                out.append(QuoteMarks(((s, stop),), False))
        if carry is not None and (not spans or carry[-1][1] != hi):
            out.append(QuoteMarks(tuple(carry), False))
            carry = None
    if carry is not None:
        out.append(QuoteMarks(tuple(carry), False))
    return out
