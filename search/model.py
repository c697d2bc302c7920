"""The records that flow through the pipeline: an ingested `Article` and the `Quote`s found in it.

Both are frozen: the extractor builds a `Quote` once and the index, the API and the
templates read that same record, so no stage can quietly rewrite another's result.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, replace

KINDS = ("direct", "partial", "indirect")
SPEAKER_TYPES = ("person", "organisation", "publication", "anonymous", "unattributed")
# Below this confidence a record is shown as uncertain and one click hides it: on the dev
# set about half of those records are right, against 0.73 and more in each value at or above it
# (docs/extraction.md, Calibration).
UNCERTAIN_BELOW = 0.6


@dataclass(frozen=True)
class Article:
    """One ingested article.

    `text` is the article as ingested (NFC, paragraphs separated by newlines).  For a
    `.txt` file it is the decoded file with the same code-point offsets, unless NFC
    changed its length: then `file_offsets[i]` is the file's offset for offset i; boilerplate
    (teasers, a repeated body, a trailing `Source:` line) is blanked out with spaces
    in `body`, not removed, so offsets into `body` are offsets into `text`.
    """

    source: str  # path relative to the corpus root, with forward slashes
    title: str
    text: str
    body: str  # `text` with the boilerplate blanked; extraction reads this
    publisher: str | None = None
    skipped: tuple[tuple[int, int, str], ...] = ()  # (start, end, reason) of blanked parts
    file_offsets: tuple[int, ...] | None = None  # len(text) + 1 entries, only when NFC changed lengths

    def in_file(self, q: "Quote") -> "Quote":
        """`q` with its offsets into the file the article was read from (`quotes extract`)."""
        if self.file_offsets is None:
            return q
        at = self.file_offsets.__getitem__
        return replace(q, start=at(q.start), end=at(q.end), spans=tuple((at(s), at(e)) for s, e in q.spans),
                       speaker_start=None if q.speaker_start is None else at(q.speaker_start),
                       speaker_end=None if q.speaker_end is None else at(q.speaker_end),
                       context_start=at(q.context_start))

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of every non-blank paragraph of `body`."""
        from .text import paragraphs
        return paragraphs(self.body)


@dataclass(frozen=True)
class Quote:
    """One attribution: who said what, where.

    `start`/`end` are code-point offsets into the article text, and
    `text[start:end]` is the quote as written (for a quote split around its
    attribution it includes the interruption; `spans` lists the quoted parts).
    """

    text: str
    kind: str  # direct | partial | indirect
    start: int
    end: int
    source: str = ""
    title: str = ""
    spans: tuple[tuple[int, int], ...] = ()
    cue: str | None = None
    speaker: str | None = None  # canonical name, None when unattributed
    speaker_id: str | None = None
    speaker_mention: str | None = None  # as written near the quote: "he", "Mujahid"
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_type: str = "unattributed"
    role: str | None = None
    affiliation: str | None = None
    context: str = ""
    context_start: int = 0
    paragraph: int = 0
    confidence: float = 0.0
    publisher: str | None = None
    rule: str = ""  # the frame rule or sieve that decided the attribution (search.attribution)

    @property
    def id(self) -> str:
        return quote_id(self.source, self.start, self.end)

    @property
    def uncertain(self) -> bool:
        return self.confidence < UNCERTAIN_BELOW

    @property
    def key(self) -> str:
        """Groups the same words across articles: lower-cased letters and digits only."""
        return text_key(self.text)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["spans"] = [list(s) for s in self.spans]
        d["id"] = self.id
        d["key"] = self.key
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Quote":
        names = {f for f in cls.__dataclass_fields__}
        kw = {k: v for k, v in d.items() if k in names}
        kw["spans"] = tuple(tuple(s) for s in kw.get("spans") or ())
        return cls(**kw)


def quote_id(source: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{source}\0{start}\0{end}".encode("utf-8")).hexdigest()[:16]


def text_key(text: str) -> str:
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in text).split()
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:16]


def slug(name: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in name)
    return "-".join(p for p in out.split("-") if p)


__all__ = ["Article", "Quote", "KINDS", "SPEAKER_TYPES", "UNCERTAIN_BELOW", "quote_id", "text_key", "slug"]
