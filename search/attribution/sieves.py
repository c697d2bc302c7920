"""Sieves: which frame, if any, each quotation belongs to."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .frames import Frame, _sentence_subject
from .lexicon import (ADDRESSEE, ADVERBIAL_STARTS, CLAUSAL, CLAUSE_PRONOUNS, CUES, EVIDENCE_NOUNS, EVIDENTIAL,
                      FINITE, MIN_QUOTE_WORDS, NOUN_CUES, PLAIN, PREPOSITIONS, QUOTE_CHARS, SUBORDINATORS)
from .sentence import _MarkIndex, _sentences, quotations
from .speakers import (Discourse, Speaker, affiliation_from_role, describe, fold, load_registry, people_plural,
                       singular)
from .words import (DOCUMENT_NOUNS, MESSAGES, PEOPLE_OR_ORG_NOUNS, PRONOUNS, PUBLICATION_HEADS, PUBLICATION_WORDS,
                    WORKS)
from ..model import Quote
from ..text import TRANSCRIPT, QuoteMarks, tokens

# reported content that opens with these is a clause: `that …`, `whether …`, `to …` (urge X to …), `he …`
CLAUSE_OPENERS = CLAUSE_PRONOUNS | {"that", "whether", "if", "how", "why", "what", "when", "where", "who", "to",
                                    "there"}
RELATIVES = {"who", "which", "whom", "that"}
REFERRING = {"the", "this", "that", "these", "those", "such", "his", "her", "their", "its"}
SPEECH_NOUNS = NOUN_CUES | {"criticism", "criticisms", "complaint", "complaints", "story", "stories"}
SOURCE_NOUNS = PEOPLE_OR_ORG_NOUNS | DOCUMENT_NOUNS | MESSAGES | WORKS | PUBLICATION_WORDS | PUBLICATION_HEADS \
    | EVIDENCE_NOUNS
# `“…” ― Krystal Correa`: a dash and a bare name closing the paragraph
_DASH_NAME = re.compile(r"\s*[―—–]\s*([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s*\.?\s*$")
MAX_CONTEXT, CONTEXT_MARGIN = 2000, 300  # characters of context kept around a quote


@dataclass
class Attribution:
    """A record as the sieves build it: the quoted parts, their kind, and who said them."""
    parts: list[tuple[int, int]]
    kind: str
    frame: Frame | None
    speaker: Speaker | None
    confidence: float
    rule: str  # the frame rule or sieve that decided it


class _Records:
    """Attributions kept sorted by start offset."""

    def __init__(self):
        self.items: list[Attribution] = []
        self.starts: list[int] = []

    def add(self, rec: Attribution) -> None:
        i = bisect.bisect_right(self.starts, rec.parts[0][0])
        self.starts.insert(i, rec.parts[0][0])
        self.items.insert(i, rec)

    def last_before(self, pos: int) -> Attribution | None:
        i = bisect.bisect_left(self.starts, pos)
        return self.items[i - 1] if i else None

    def contains(self, parts: list[tuple[int, int]]) -> bool:
        """Does an earlier attribution already cover these parts?  (Only nearby ones can.)"""
        i = bisect.bisect_right(self.starts, parts[0][0])
        return any(r.parts[-1][1] >= parts[-1][1] for r in self.items[max(0, i - 50):i])


class _Document:
    """What the sieves share: the article, its quotations and frames, and the records so far."""

    def __init__(self, text: str, marks: list[QuoteMarks], index: _MarkIndex, frames: list[Frame],
                 paras: list[tuple[int, int]], discourse: Discourse):
        self.text, self.marks, self.index, self.frames = text, marks, index, frames
        self.paras, self.discourse = paras, discourse
        self.para_of = _para_index(paras)
        self.records = _Records()
        self.claimed: set[int] = set()  # indexes into marks
        self.cue_starts = [f.cue_start for f in frames]


@dataclass
class _Quotation:
    """A quotation no frame claimed, and where it stands."""
    m: QuoteMarks
    inner: str
    para: int
    p_hi: int
    starts_para: bool
    full_sentence: bool
    whole_para: bool
    short: bool


@dataclass(frozen=True)
class Sieve:
    """A named rule for a quotation no frame claimed: `decide` returns True when it has decided
    (a record, a record continued, or no record at all), and no later sieve is tried."""
    name: str
    decide: Callable[[_Document, _Quotation], bool]
    example: str


def attribute(text: str, marks: list[QuoteMarks], index: _MarkIndex, frames: list[Frame],
              paras: list[tuple[int, int]], discourse: Discourse, source: str, title: str,
              trace: list[tuple[int, str]] | None = None) -> list[Quote]:
    """Frames claim the quotations next to them; each quotation left is passed down `SIEVES`.
    `trace`, when given, receives (quotation start, sieve name) for every sieve decision."""
    doc = _Document(text, marks, index, frames, paras, discourse)
    _claim_by_frames(doc)
    for n, m in enumerate(marks):
        if n in doc.claimed:
            continue
        q = _quotation(doc, m)
        for sieve in SIEVES:
            if sieve.decide(doc, q):
                if trace is not None:
                    trace.append((m.start, sieve.name))
                break
    return [_to_quote(text, r, paras, doc.para_of, source, title) for r in doc.records.items]


def _claim_by_frames(doc: _Document) -> None:
    """Each frame, in order of its cue, claims the quotations in its content, stamped with its rule."""
    text, marks, index, discourse = doc.text, doc.marks, doc.index, doc.discourse
    marks_in = index.marks_in
    prev: Frame | None = None
    for f in doc.frames:
        if f.inherit and prev is not None and prev.speaker is not None \
                and _same_sentence(text, prev.cue_end, f.cue_start) and not _subordinate(text, prev):
            f.speaker = prev.speaker
        elif f.inherit and f.np is not None:
            f.speaker = describe(text, f.np[0], f.np[1], discourse, f.appositive)
        elif f.inherit:
            continue
        elif f.passive:
            f.speaker = None  # recorded, unattributed
        elif f.np is None:
            continue
        elif f.antecedent is None and text[f.np[0]:f.np[1]].lower() in RELATIVES:
            continue  # a relative clause speaks for its antecedent or for nobody, never a name nearby
        elif f.antecedent is not None:
            sp = describe(text, f.antecedent[0], f.antecedent[1], discourse)
            f.speaker = sp and replace(sp, mention=text[f.np[0]:f.np[1]], start=f.np[0], end=f.np[1])
        else:
            f.speaker = describe(text, f.np[0], f.np[1], discourse, f.appositive)
        prev = f
        if f.speaker is None and not f.passive or f.speaker and not _source(f.speaker, f.cue):
            continue
        if f.role_prefix and f.speaker and f.speaker.type == "person":
            role = text[f.role_prefix[0]:f.role_prefix[1]].strip()
            aff = affiliation_from_role(text, tokens(text, *f.role_prefix))
            f.speaker = Speaker(f.speaker.mention, f.speaker.start, f.speaker.end, f.speaker.type,
                                f.speaker.name, f.speaker.role or role, f.speaker.affiliation or aff,
                                f.speaker.guessed)
        parts: list[tuple[int, int]] = []
        kind = None
        sides = [f.before, f.after]
        if f.before and f.after:
            full = [_all_quoted(side, index) for side in sides]
            if full[0] != full[1]:
                sides = [side for side, q in zip(sides, full) if q]
        for side in sides:
            if side is None:
                continue
            inside = [n for n in marks_in(side) if n not in doc.claimed]
            quoted_chars = sum(min(p[1], side[1]) - max(p[0], side[0]) for n in inside for p in marks[n].parts
                               if _overlaps(p, side))
            if inside and _mostly_quoted(quoted_chars, side) and _unquoted_words(text, side, marks, inside) < 2:
                for n in inside:
                    doc.claimed.add(n)
                    parts.extend(marks[n].parts)
                kind = kind or "direct"
            elif inside:
                for n in inside:
                    doc.claimed.add(n)
                parts.append(side)
                kind = "partial" if kind in (None, "partial") else kind
            elif side is f.after or (f.after is None and _words(text[side[0]:side[1]]) >= 3):
                if side is f.before and f.after is not None:
                    continue
                if len(re.sub(r"\W", "", text[side[0]:side[1]])) < 8:
                    continue
                parts.append(side)
                kind = kind or "indirect"
            if kind == "direct" and side is f.before and f.after is not None and (
                    not marks_in(f.after) or _unquoted_words(text, f.after, marks, marks_in(f.after)) >= 2):
                # `"…," he said on Monday, adding that …` (with or without a quote in it): the quote
                # before is this cue's content; the clause after is the participle's.
                break
        parts.sort()
        if kind == "indirect" and (_lemma(f.cue) in CLAUSAL and not _clausal(text[parts[0][0]:parts[0][1]], f.cue)
                                   or _words_named(text[parts[0][0]:parts[0][1]])):
            # "Islamabad maintained working ties with …": no speech without a clause; "rejected those
            # assertions", "defended the remark": words named, not given
            continue
        lead = _lead_clause(text, f, parts) if kind == "direct" else None
        if lead:
            parts, kind = [lead] + parts, "partial"
        if not parts or doc.records.contains(parts):
            continue
        doc.records.add(Attribution(parts, kind, f, f.speaker, _confidence(f, kind, text[parts[0][0]:parts[0][1]]),
                                    f.rule))
        if f.speaker:
            discourse.speakers.append(f.speaker)


def _quotation(doc: _Document, m: QuoteMarks) -> _Quotation:
    text = doc.text
    inner = m.inner(text)
    para = doc.para_of(m.start)
    p_lo, p_hi = doc.paras[para]
    starts_para = m.start == p_lo
    full_sentence = starts_para or text[m.start - 2:m.start].strip() in ("", ".", ":", "?", "!") or \
        re.search(r"[.!?]\W*$", text[m.start:m.end]) is not None
    whole_para = starts_para and m.end >= p_hi - 1
    return _Quotation(m, inner, para, p_hi, starts_para, full_sentence, whole_para,
                      short=_words(inner) < MIN_QUOTE_WORDS and not whole_para)


# --- the sieves, in the order they are tried ----------------------------------------------
def _scare_quote(doc: _Document, q: _Quotation) -> bool:
    """A short quoted term is a scare quote, no record, unless it is a sentence of its own."""
    return q.short and not (doc.text[q.m.start - 2:q.m.start] in (". ", "? ", "! ") and q.inner[:1].isupper())


def _heading(doc: _Document, q: _Quotation) -> bool:
    """A short quoted paragraph is a quoted headline or section heading, no record."""
    return q.whole_para and _words(q.inner) <= 6 and len(q.m.parts) == 1 \
        and not TRANSCRIPT.match(doc.text, q.m.start, q.p_hi)


def _transcript_line(doc: _Document, q: _Quotation) -> bool:
    """A transcript line's capitalised name speaks the rest of its paragraph, quotes inside included."""
    text, m = doc.text, q.m
    tag = TRANSCRIPT.match(text, m.start, q.p_hi) if q.starts_para else None
    sp = tag and _transcript_speaker(text, tag.start(1), tag.end(1), doc.discourse)
    if not sp:
        return False
    f = Frame(cue=":", cue_start=tag.end(1), cue_end=tag.end(1) + 1, np=(tag.start(1), tag.end(1)), speaker=sp)
    doc.claimed.update(doc.index.marks_in((m.start, q.p_hi)))
    doc.records.add(Attribution([(tag.end(), max(m.end, q.p_hi))], "direct", f, sp, _confidence(f, "direct"),
                                "transcript_line"))
    return True


def _dash_byline(doc: _Document, q: _Quotation) -> bool:
    """A paragraph's quote signed with a dash and a bare name is that name's."""
    text, m = doc.text, q.m
    dash = _DASH_NAME.match(text, m.end, q.p_hi)
    sp = dash and q.starts_para and describe(text, dash.start(1), dash.end(1), doc.discourse)
    if not sp:
        return False
    f = Frame(cue=text[dash.start():dash.start(1)].strip(), cue_start=m.end, cue_end=dash.start(1),
              np=(dash.start(1), dash.end(1)), speaker=sp)
    doc.records.add(Attribution(list(m.parts), "direct", f, sp, _confidence(f, "direct"), "dash_byline"))
    return True


def _colon_intro_sieve(doc: _Document, q: _Quotation) -> bool:
    """A sentence ending in a colon right before the quote introduces it: its cue's speaker, or its subject."""
    intro = _colon_intro(doc.text, q.m.start, doc.frames, doc.cue_starts, doc.paras, q.para, doc.index,
                         doc.discourse)
    if intro is None:
        return False
    doc.records.add(Attribution(list(q.m.parts), "direct", intro, intro.speaker,
                                _confidence(intro, "direct") if intro.cue != ":" else 0.6, "colon_intro"))
    return True


def _short_quote(doc: _Document, q: _Quotation) -> bool:
    """A short quote that is a sentence of its own but follows no direct quote in its paragraph: no record."""
    last = doc.records.last_before(q.m.start)
    return q.short and (last is None or last.kind != "direct" or doc.para_of(last.parts[-1][0]) != q.para)


def _follows(doc: _Document, q: _Quotation) -> tuple[Attribution, int] | None:
    """The attribution before the quotation, and its paragraph, when the quotation may be the same
    speaker's: in the same paragraph with no other speaker's cue between, or opening the next one."""
    text, m = doc.text, q.m
    last = doc.records.last_before(m.start)
    if last is None or last.speaker is None:
        return None
    last_para = doc.para_of(last.parts[-1][0])
    paraphrased = last.kind == "indirect" and q.full_sentence and last_para == q.para \
        and _only_frame_between(text, last.parts[-1][1], m.start, last.frame)
    # (an inherited participle: `“…,” X said, emphasizing why …. “B.”` — B is still X's;
    # a paraphrase then its quote: `X said the plan would fail. “It is a disaster.”`)
    if not (last.kind in ("direct", "partial") or last.frame.inherit or paraphrased):
        return None
    near = m.start - last.parts[-1][1] <= 200 and q.full_sentence
    if last_para == q.para and near and _no_frame_between(doc.frames, doc.cue_starts, last.parts[-1][1], m.start,
                                                          last.frame) or (q.para == last_para + 1 and q.starts_para):
        return last, last_para
    return None


def _continues_quote(doc: _Document, q: _Quotation) -> bool:
    """The quote goes on after its attribution, one record in two parts.

    After a reported clause it completes that attribution (kind partial): `The summit did
    "too little," he added. "Europe risks a lot."`"""
    found = _follows(doc, q)
    if found is None:
        return False
    last, last_para = found
    same_para = last_para == q.para
    frames, cue_starts = doc.frames, doc.cue_starts
    tag_ends_para = not same_para and last.kind == "direct" and last_para == q.para - 1 \
        and last.frame.cue_start > last.parts[-1][1] and q.m.end >= q.p_hi - 1 \
        and last.frame.cue_end >= doc.paras[last_para][1] - 40 \
        and _no_frame_between(frames, cue_starts, last.frame.cue_end, q.m.start, last.frame)
    if not (tag_ends_para or same_para and (last.kind == "direct" or not last.frame.inherit
                                            and not _frames_in(frames, cue_starts, *last.parts[-1]))):
        return False
    last.parts.extend(q.m.parts)
    if last.kind == "indirect":
        last.kind = "partial"
    return True


def _follow_on(doc: _Document, q: _Quotation) -> bool:
    """A new paragraph, or a full quote after a participle's clause: the same speaker's next quote."""
    found = _follows(doc, q)
    if found is None:
        return False
    last = found[0]
    doc.records.add(Attribution(list(q.m.parts), "direct", last.frame, last.speaker, 0.6, "follow_on"))
    return True


def _fragment(doc: _Document, q: _Quotation) -> bool:
    """A quoted fragment of under eight words inside a sentence, with nobody to say it: no record."""
    return not q.full_sentence and _words(q.inner) < 8


def _unattributed(doc: _Document, q: _Quotation) -> bool:
    """Any other quotation is kept, unattributed."""
    doc.records.add(Attribution(list(q.m.parts), "direct" if q.full_sentence else "partial", None, None, 0.3,
                                "unattributed"))
    return True


SIEVES: tuple[Sieve, ...] = (
    Sieve("scare_quote", _scare_quote, "The so-called “peace deal” was signed on Monday."),
    Sieve("heading", _heading, "Jane Doe arrived.\n“Peace Now”\nShe left."),
    Sieve("transcript_line", _transcript_line, "\"WALLACE: Let’s start with the economy, Senator."),
    Sieve("dash_byline", _dash_byline, "“We will rebuild this town together.” ― Krystal Correa"),
    Sieve("colon_intro", _colon_intro_sieve,
          "Sanders made the following comment: “We need to do far better than this.”"),
    Sieve("short_quote", _short_quote, "The plan failed. “Not again.” Nobody came."),
    Sieve("continues_quote", _continues_quote, "“I would,” Melanie said. “I would, Donald.”"),
    Sieve("follow_on", _follow_on,
          "Jane Doe said: “We will win this race.”\n“Nobody can stop us now, not the courts and not the"
          " governor.”"),
    Sieve("fragment", _fragment, "It was a policy of “maximum pressure and more” on Iran."),
    Sieve("unattributed", _unattributed, "“It was the worst day of our lives, and we will never forget it.”"),
)


def _words(s: str) -> int:
    return len(re.findall(r"\w+", s))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _lead_clause(text: str, f: Frame, parts: list[tuple[int, int]]) -> tuple[int, int] | None:
    """`So when the deal came, Mr. Barrett said, "we were floored."`: a quote that opens in lower case
    after `X said,` finishes the sentence the clause before the speaker began; that clause is content too."""
    if f.before is None or f.after is None or parts[0][0] < f.cue_end or text[f.cue_end:parts[0][0]].strip() != ",":
        return None
    clause = text[slice(*f.before)]
    if not text[parts[0][0] + 1:parts[0][0] + 2].islower() or any(ch in QUOTE_CHARS for ch in clause):
        return None
    words = clause.split()
    if len(words) < 4 or words[0].lower() in ADVERBIAL_STARTS:
        return None  # "On Monday, X said, "we …"" — an adverbial, not the quote's beginning
    return f.before


def _transcript_speaker(text: str, start: int, end: int, discourse: Discourse) -> Speaker | None:
    """`PENCE:` in a transcript is a person, not an acronym: the Pence named earlier, if any."""
    sp = describe(text, start, end, discourse)
    if sp is None or not sp.name or not sp.name.isupper():
        return sp
    titled = sp.name.title()
    full = discourse.full_name(titled, start)
    if sp.type == "organisation" and (full or len(sp.name) > 4) and load_registry().get(fold(sp.name)) is None:
        sp = replace(sp, type="person", affiliation=None)
    return replace(sp, name=full or titled) if sp.type == "person" else sp


def _frames_in(frames: list[Frame], cue_starts: list[int], a: int, b: int) -> list[Frame]:
    return frames[bisect.bisect_left(cue_starts, a):bisect.bisect_left(cue_starts, b)]


def _colon_intro(text: str, start: int, frames: list[Frame], cue_starts: list[int], paras, para: int,
                 index: _MarkIndex, discourse: Discourse) -> Frame | None:
    """A sentence ending in a colon right before the quote introduces it: its cue's speaker
    (`Trump tweeted:`), or else its subject (`Sanders made the following comment:`).  A
    paragraph ending in a colon introduces a quote opening the next one, failing those,
    through the last cue anywhere in it (`Jane Doe said … . In full:`)."""
    lo, hi = paras[para]
    if text[lo:start].strip():
        if not text[lo:start].rstrip().endswith(":"):
            return None
        hi = start
    elif para == 0 or text[paras[para - 1][1] - 1] != ":":
        return None
    else:
        lo, hi = paras[para - 1]
    s, e = _sentences(text, lo, hi, index)[-1]
    said = [f for f in _frames_in(frames, cue_starts, s, e) if f.speaker is not None]
    if said:
        return said[-1]
    toks = tokens(text, s, e)
    quoted = [index.quoted_chars((t.start, t.end)) > 0 for t in toks]
    found = _sentence_subject(toks, quoted, len(toks) - 1)
    if found is not None and found[0][1] < toks[-1].start \
            and fold(text[found[0][0]:found[0][1]]).split()[0] not in ("here", "there", "this", "these", "it", "below"):
        # a subject, but not "Here is the list:", which names nobody
        speaker = describe(text, found[0][0], found[0][1], discourse, found[1])
        if speaker is not None:
            return Frame(cue=":", cue_start=toks[-1].start, cue_end=toks[-1].end, np=found[0], speaker=speaker)
    if hi == start:
        return None
    said = [f for f in _frames_in(frames, cue_starts, lo, hi) if f.speaker is not None]
    return said[-1] if said else None


def _subordinate(text: str, f: Frame) -> bool:
    """Is f's speaker the subject of a subordinate clause ("… if both parties agree, highlighting …"),
    which a later participle does not hang on?  A relative clause's is (`not paying an architect
    who said he was stiffed, saying …`: the participle is the main clause's)."""
    if f.antecedent is not None:
        return True
    before = text[max(0, f.np[0] - 12):f.np[0]].split() if f.np else []
    return bool(before) and before[-1].lower() in SUBORDINATORS - {"as"}


def _same_sentence(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b] and not re.search(r"[.!?][\"”’]?\s+[A-Z“\"]", text[a:b])


def _unquoted_words(text: str, side: tuple[int, int], marks: list[QuoteMarks], inside: list[int]) -> int:
    """Words of `side` outside its quotes, but for a leading 'that': `that Trump would be “…”`
    is a reported clause with a quote in it, not a direct quote."""
    chars = list(text[side[0]:side[1]])
    for n in inside:
        for a, b in marks[n].parts:
            for k in range(max(a, side[0]), min(b, side[1])):
                chars[k - side[0]] = " "
    words = re.findall(r"\w+", "".join(chars))
    return len(words) - (1 if words[:1] == ["that"] else 0)


def _mostly_quoted(quoted_chars: int, span: tuple[int, int]) -> bool:
    """Content this much inside quotation marks is a direct quote, not a clause."""
    return quoted_chars >= 0.85 * (span[1] - span[0]) - 3


def _all_quoted(span: tuple[int, int], index: _MarkIndex) -> bool:
    return _mostly_quoted(index.quoted_chars(span), span)


def _only_frame_between(text: str, a: int, b: int, f: Frame) -> bool:
    """Nothing but this frame's own speaker and cue between a and b (`…, Schiff said. “…”`)."""
    own = [span for span in (f.np, f.appositive, (f.cue_start, f.cue_end)) if span]
    return not any(ch.isalnum() and not any(lo <= k < hi for lo, hi in own)
                   for k, ch in enumerate(text[a:b], a))


def _no_frame_between(frames: list[Frame], cue_starts: list[int], a: int, b: int, own: Frame | None) -> bool:
    """No other speaker's cue between a and b (`…," X said, adding …. "…"` is still X)."""
    who = own.speaker.name if own is not None and own.speaker is not None else None
    return not any(f is not own and f.speaker is not None and (who is None or f.speaker.name != who)
                   for f in _frames_in(frames, cue_starts, a, b))


def _para_index(paras: list[tuple[int, int]]):
    starts = [p[0] for p in paras]

    def find(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)
    return find


def _confidence(f: Frame, kind: str | None, content: str = "") -> float:
    """How sure the record is, from a few kinds of evidence.

    A direct quote next to its cue starts at 0.9, a partial one at 0.85; reported content at 0.8 after a plain verb of
    saying (`said`, `told`, `according to`), 0.7 after any other cue (`attacked`, `suggested`,
    `wants`), less 0.05 when it is no clause (`mentioned Machado`).  A speaker reached through
    a pronoun, surname or description costs 0.05, a pronoun that names no person (`they`,
    `it`, `who`) 0.2 more, unless it stands for a role (`he` for "the FBI director").  Measured
    on the dev set in docs/extraction.md (Calibration)."""
    sp = f.speaker
    if sp is None:
        return 0.3
    if kind == "indirect":
        c = (0.8 if _plain_cue(f.cue) else 0.7) - (0 if _clausal(content, f.cue) else 0.05)
    else:  # the clause around partial quotes is our reading of where the speaker's words end
        c = 0.9 if kind == "direct" else 0.85
    if sp.guessed:
        c -= 0.05
    if sp.mention.lower() in PRONOUNS and sp.type != "person" and not sp.role:
        c -= 0.2
    return round(max(0.1, c), 2)


def _source(sp: Speaker, cue: str) -> bool:
    """Can this speaker report with this cue?  After an evidential verb a description must name
    people, a body, a document or data (`Analysts suggest`, `The figures show`), not a fact
    (`The tit-for-tat military actions suggest`, `The Taliban's assertive response indicates`)."""
    if sp.type != "anonymous" or _lemma(cue) not in EVIDENTIAL or sp.mention.lower() in PRONOUNS:
        return True
    words = [re.sub(r"[’']s$", "", w) for w in re.findall(r"[\w’'-]+", sp.mention.lower())]
    cut = next((n for n, w in enumerate(words) if w in PREPOSITIONS), len(words))
    return any(w in SOURCE_NOUNS or singular(w) in SOURCE_NOUNS or people_plural(w)
               for w in {words[cut - 1] if cut else words[-1], words[-1]})


def _words_named(content: str) -> bool:
    """Is reported content only a reference to words said elsewhere (`those assertions`, `the remark
    on Monday`), not a clause or a predication (`the criticism as …`, `the criticism of X is …`)?"""
    words = re.findall(r"[\w’'-]+", content.lower())
    if any(w in FINITE for w in words):
        return False
    words = words[:next((n for n, w in enumerate(words) if w in PREPOSITIONS - {"as", "of"}), len(words))]
    return 2 <= len(words) <= 4 and words[0] in REFERRING and words[-1] in SPEECH_NOUNS


def _lemma(cue: str) -> str | None:
    words = cue.lower().split()
    return CUES.get(words[0]) if words else None


def _plain_cue(cue: str) -> bool:
    return cue.lower() == "according to" or _lemma(cue) in PLAIN


def _clausal(content: str, cue: str) -> bool:
    """Is reported content a clause (`that …`, `he would …`, `the plan will fail`, `both sides to
    talk` after urge/call on/ask), not a bare object (`restraint`, `those assertions`)?"""
    words = re.findall(r"[\w’']+", content.lower())
    return bool(words) and (words[0] in CLAUSE_OPENERS or any(w in FINITE for w in words[1:12])
                            or _lemma(cue) in ADDRESSEE and "to" in words[1:6])


def _to_quote(text: str, r: Attribution, paras, para_of, source: str, title: str) -> Quote:
    parts = sorted(r.parts)
    start, end = parts[0][0], parts[-1][1]
    content = " ".join(" ".join(text[s:e].split()) for s, e in parts)
    para = para_of(start)
    c_lo = paras[para][0]
    c_hi = max(paras[para_of(end - 1)][1], end)
    if c_hi - c_lo > MAX_CONTEXT:
        # A huge paragraph (a page with no breaks): a window around the quote, cut at spaces,
        # so memory stays proportional to the quotes, not quotes x paragraph.
        lo, hi = max(c_lo, start - CONTEXT_MARGIN), min(c_hi, end + CONTEXT_MARGIN)
        c_lo = lo if lo == c_lo else text.find(" ", lo, start) + 1 or lo
        cut = text.rfind(" ", end, hi)
        c_hi = hi if hi == c_hi or cut < 0 else cut
    sp, f = r.speaker, r.frame
    speaker_type = sp.type if sp else "unattributed"
    name = sp.name if sp else None
    return Quote(
        text=content, kind=r.kind, start=start, end=end, source=source, title=title,
        spans=tuple((s, e) for s, e in parts) if len(parts) > 1 else (),
        cue=f.cue if f else None,
        speaker=name, speaker_id=sp.id if sp else None,
        speaker_mention=sp.mention if sp else None,
        speaker_start=sp.start if sp else None, speaker_end=sp.end if sp else None,
        speaker_type=speaker_type, role=sp.role if sp else None, affiliation=sp.affiliation if sp else None,
        context=text[c_lo:c_hi], context_start=c_lo, paragraph=para + 1, confidence=r.confidence,
        rule=r.rule,
    )
