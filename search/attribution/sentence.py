"""Quotation regions and sentences that never break inside a quotation."""
from __future__ import annotations

import bisect
import re

from .lexicon import BROADCAST_NOUNS, CUES, QUOTE_CHARS, TITLE_SMALL
from ..text import QuoteMarks, quote_marks, sentences, tokens


def quotations(text: str) -> list[QuoteMarks]:
    """The article's quotations: paired quotation marks that are not a show's name."""
    return [m for m in quote_marks(text) if not _programme_name(text, m)]


class _MarkIndex:
    """Quote-mark parts sorted by position, for overlap queries in O(log n)."""

    def __init__(self, marks: list[QuoteMarks]):
        parts = sorted((s, e, n) for n, m in enumerate(marks) for s, e in m.parts)
        self.parts = parts
        self.starts = [p[0] for p in parts]

    def overlapping(self, span: tuple[int, int]) -> list[tuple[int, int, int]]:
        lo = max(0, bisect.bisect_right(self.starts, span[0]) - 1)
        hi = bisect.bisect_left(self.starts, span[1])
        return [p for p in self.parts[lo:hi] if p[0] < span[1] and span[0] < p[1]]

    def marks_in(self, span: tuple[int, int]) -> list[int]:
        return sorted({n for _, _, n in self.overlapping(span)})

    def quoted_chars(self, span: tuple[int, int]) -> int:
        return sum(min(e, span[1]) - max(s, span[0]) for s, e, _ in self.overlapping(span))


_OWNER = re.compile(r"(?:\b(?:on|told|tells|telling)\s+(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*[’']s"
                    r"|\b(?:" + "|".join(sorted(BROADCAST_NOUNS)) + r")\s+(?:of|on)|(?:^|[.!?]\s+|\n)On)\s*$")


def _programme_name(text: str, m: QuoteMarks) -> bool:
    """A show's name in quotation marks (`on CNN's “State of the Union”`, `told MSNBC’s “Morning
    Joe”`, `an episode of “Shark Tank”`) names where something was said; it is not speech."""
    if len(m.parts) > 1:
        return False
    words = re.findall(r"[\w’'-]+", m.inner(text))
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper() \
            or not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL for w in words):
        return False
    return _OWNER.search(text, max(0, m.start - 60), m.start) is not None


# --- sentences that never break inside a quotation ----------------------------------------
def _sentences(text: str, lo: int, hi: int, index: "_MarkIndex") -> list[tuple[int, int]]:
    inside = [(s, e) for s, e, _ in index.overlapping((lo, hi)) if s >= lo and e <= hi]
    out: list[tuple[int, int]] = []
    for s, e in sentences(text, lo, hi):
        if out and (any(a < s < b for a, b in inside) or (
                _tag_after_quote(text, out[-1], s, e) and not index.overlapping((s, e)))):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _char_before(text: str, pos: int, skip: str) -> str:
    """The last character before `pos` that is not in `skip` ('' if none) — the punctuation a
    closing mark stands after (`“… ago,”` → ','), without copying the text before it."""
    k = pos - 1
    while k >= 0 and text[k] in skip:
        k -= 1
    return text[k] if k >= 0 else ""


def _tag_after_quote(text: str, prev: tuple[int, int], s: int, e: int) -> bool:
    """`“Why?” Clinton said.` is one sentence although `?”` is followed by a capital."""
    if text[prev[1] - 1] not in QUOTE_CHARS or _char_before(text, prev[1], QUOTE_CHARS) not in ("?", "!"):
        return False
    toks = tokens(text, s, e)
    if len(toks) > 30:
        return False
    # The cue comes early, or right after the speaker's appositive or parenthesis
    # (`“…!” Scott's niece, state Del. Marcia Price (D-Newport News), shouted`).
    return any(t.lower in CUES and t.text[:1].islower() and (k < 7 or toks[k - 1].text == ",")
               for k, t in enumerate(toks[:25]))
