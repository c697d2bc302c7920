"""Is this the same quote as that one?  The pure rules behind "Also reported in N sources".

Two outlets rarely carry a quote with the same boundaries: one prints the whole
sentence, another two words of it inside its own paraphrase ("Pakistan was in “open
war” with Afghanistan"), and the extractor's spans differ accordingly.  So besides
exact equality of `Quote.key` (the normalised words), a quote from another article
counts as the same one when:

* **shared quoted words**: a run of words the writer put inside quotation marks in one
  quote occurs word for word in the other (any case and punctuation).  Two words are
  enough when both quotes are attributed to the same speaker (same `speaker_id`), or
  when one article only describes its speaker (an anonymous source or a body, not a
  named person) and that description's affiliation is the named speaker's side
  ("Pakistan's defence leadership" and Khawaja Asif, Defence Minister of Pakistan);
  otherwise at least `MIN_PHRASE_OTHER_SPEAKER` words, so that two people who both said
  "open war" are not merged.  For a direct or partial quote without inner marks, the
  whole quote counts as quoted words.
* **similar wording**: same speaker, and the two quotes share most of their content
  words (Jaccard overlap of words of three or more letters, outside a few function
  words, at least `MIN_OVERLAP`, with at least three words in common).

What this does not do: it does not merge speakers (a described source stays as the
article described it; only the two articles are linked), and paraphrases of the same
statement in different words are not linked.  Quotes from the same article are
never "other sources".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Quote

MIN_PHRASE_SAME_SPEAKER = 2
MIN_PHRASE_OTHER_SPEAKER = 4
MIN_OVERLAP = 0.5

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Text between a pair of quotation marks (straight, curly, guillemets, single curly).
_QUOTED = re.compile(r"[\"\u201c\u201e\u00ab\u2018]([^\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]{2,}?)[\"\u201d\u00bb\u2019](?![^\W_])")
_FUNCTION = frozenset(
    "the and that this with from have has had was were are for not but they them their its his her "
    "our you your who which what when will would could should been being into than then there these "
    "those also said says about over under after before very can just all any some".split())


@dataclass(frozen=True)
class Match:
    """Another article's quote judged to be the same, and why."""

    quote: Quote
    reason: str  # "same words" | "shared quoted words" | "similar wording"
    phrase: str = ""  # the shared quoted words, for "shared quoted words"


def words(text: str) -> list[str]:
    """Lower-cased words, the same normalisation as `Quote.key`."""
    return [w.lower() for w in _WORD.findall(text)]


def quoted_phrases(q: Quote) -> list[list[str]]:
    """Runs of words inside quotation marks in `q.text`; the whole quote for a direct or
    partial quote without inner marks.  Reported speech has only its inner quoted runs."""
    inner = [words(m.group(1)) for m in _QUOTED.finditer(q.text)]
    inner = [w for w in inner if w]
    whole = words(q.text)
    if q.kind in ("direct", "partial") and whole:
        # A quote whose text is wrapped in its own marks yields itself as the inner run too.
        if not inner or (len(inner) == 1 and len(inner[0]) >= len(whole) - 1):
            return [whole]
    return inner


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    if not n or n > len(haystack):
        return False
    first = needle[0]
    return any(haystack[i] == first and haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def _content(ws: list[str]) -> set[str]:
    return {w for w in ws if len(w) >= 3 and w not in _FUNCTION}


def _same_speaker(a: Quote, b: Quote) -> bool:
    return bool(a.speaker_id) and a.speaker_id == b.speaker_id


def _may_be_same_speaker(a: Quote, b: Quote) -> bool:
    """One quote names a person, the other only describes its source (anonymous, or a body)
    with an affiliation that the person's affiliation or role names: the description may be
    that person, as outlets often write "Pakistan's defence leadership" for the minister."""
    for named, described in ((a, b), (b, a)):
        side = words(described.affiliation or "")
        if named.speaker_type == "person" and described.speaker_type in ("anonymous", "organisation") and side:
            if _contains(words(f"{named.affiliation or ''} {named.role or ''}"), side):
                return True
    return False


def shared_phrase(a: Quote, b: Quote) -> list[str] | None:
    """The longest quoted run of one quote found word for word in the other, if long enough."""
    near = _same_speaker(a, b) or _may_be_same_speaker(a, b)
    least = MIN_PHRASE_SAME_SPEAKER if near else MIN_PHRASE_OTHER_SPEAKER
    wa, wb = words(a.text), words(b.text)
    best: list[str] | None = None
    for phrase, other in [(p, wb) for p in quoted_phrases(a)] + [(p, wa) for p in quoted_phrases(b)]:
        if len(phrase) >= least and len(_content(phrase)) >= 1 and _contains(other, phrase):
            if best is None or len(phrase) > len(best):
                best = phrase
    return best


def match(a: Quote, b: Quote) -> Match | None:
    """`b` as a report of the same quote as `a` (from another article), or None."""
    if a.source == b.source or a.id == b.id:
        return None
    if a.key == b.key:
        return Match(b, "same words")
    phrase = shared_phrase(a, b)
    if phrase:
        return Match(b, "shared quoted words", " ".join(phrase))
    if _same_speaker(a, b):
        ca, cb = _content(words(a.text)), _content(words(b.text))
        common = ca & cb
        if len(common) >= 3 and len(common) / len(ca | cb) >= MIN_OVERLAP:
            return Match(b, "similar wording")
    return None


def matches(a: Quote, candidates: list[Quote]) -> list[Match]:
    """The candidates that report the same quote as `a`, one per quote, in the given order."""
    seen, out = set(), []
    for b in candidates:
        if b.id in seen:
            continue
        seen.add(b.id)
        m = match(a, b)
        if m:
            out.append(m)
    return out


__all__ = ["Match", "match", "matches", "quoted_phrases", "shared_phrase", "words",
           "MIN_PHRASE_SAME_SPEAKER", "MIN_PHRASE_OTHER_SPEAKER", "MIN_OVERLAP"]
