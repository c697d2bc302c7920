"""Attribution: find every quotation in an article and say who said it.

`extract(text)` is a pure function from an article body to `Quote` records.  It runs these
passes, one module each, in this order:

1. `lexicon`: the words the rules look for, cue verbs and nouns with their properties, and
   the nouns for people, organisations, places and times.  No logic but deriving sets.
2. `sentence`: quotation marks are paired (`text.quote_marks`, quotes over several
   paragraphs included; a show's quoted name is no quotation), and paragraphs are cut into
   sentences that never break inside a quotation.
3. `frames`: every speech or cognition cue outside quotation marks becomes a `Frame`: the
   cue, its speaker noun phrase (before it, or after it in `"…," said X`), and the content it
   introduces (a that-clause, a to-infinitive, a quote after a comma or colon, or the
   quote/clause before `, X said`).
4. `sieves`: an ordered list of named rules decides each quotation's attribution: frames
   claim the quoted stretches next to them; quotes nobody claims are transcript lines, dash
   bylines, colon introductions, follow-ons of the previous speaker's quote, or unattributed;
   short quoted terms with no cue are scare quotes, not quotations.
5. `speakers`: a speaker mention becomes a person, organisation or description
   (`describe`): names, roles and affiliations, pronouns, surnames and definite descriptions
   resolved against the article (`Discourse`) and the cross-article speaker registry.
"""
from __future__ import annotations

from .frames import find_frames
from .sentence import _MarkIndex, quotations
from .sieves import attribute
from .speakers import Discourse
from ..model import Quote
from ..text import Spans, paragraphs


def extract(text: str, source: str = "", title: str = "", trace: list[tuple[int, str]] | None = None) -> list[Quote]:
    """All quotes in `text`, in order of position.  Pure: no I/O.  `trace` receives each
    (quotation start, sieve name) the sieves decide, those that give no record included."""
    marks = quotations(text)
    mark_spans = Spans(p for m in marks for p in m.parts)
    discourse = Discourse(text, mark_spans)
    paras = paragraphs(text)
    index = _MarkIndex(marks)
    frames = find_frames(text, paras, index, mark_spans)
    return attribute(text, marks, index, frames, paras, discourse, source, title, trace)
