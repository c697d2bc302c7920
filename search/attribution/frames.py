"""Frames: every cue outside quotation marks, with its speaker and content."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (ADDRESSED, ADDRESSEE, ADVERBIAL_STARTS, ATTITUDES, AUX, BARE_ADVERBS, BE_FORMS, BOUNDARY_WORDS,
                      CLAUSE_PRONOUNS, CONNECTIVES, CONTRAST, CUES, DASHES, DAY_PARTS, ENQUIRIES, FINITE, GLOSSES,
                      GO_ON, HEDGES, INVERTING, NAMING, NOT_ADVERBS, NOT_SPEAKERS, NOT_VERBS, NOUNISH, NOUN_CUES,
                      NOUN_EXTENDERS, NOUN_MARKERS, OPENERS, PARTY_TAG, PASSIVE_BE, PASSIVE_COMPLEMENTS,
                      POSTMODIFIERS, PREPOSITIONS, QUOTE_CHARS, STANCES, STANCE_VERBS, STATES, SUBJECT_PRONOUNS,
                      SUBORDINATORS, TERMS, TIME_NOUNS, TIME_WORDS, TITLE_SMALL, TOOK, TO_HEADS, VERBISH,
                      WHOLE_OBJECT)
from .sentence import _MarkIndex, _char_before, _sentences
from .speakers import Speaker, classify_name, fold, people_plural, place_of, singular
from .words import (COLLECTIVE, DEMONYMS, DETERMINERS, MESSAGES, NUMBER_WORDS, ORG_NOUNS, PARTY_WORDS, PEOPLE_NOUNS,
                    PEOPLE_OR_ORG_NOUNS, PERSON_WORDS, PLACES, POSSESSIVE_PRONOUNS, PRONOUNS, PUBLICATION_HEADS,
                    PUBLICATION_WORDS, ROLE_WORDS, SENTENCE_START_WORDS)
from ..text import ABBREVIATIONS, Spans, Token, possessive, tokens


@dataclass
class Frame:
    cue: str
    cue_start: int
    cue_end: int
    np: tuple[int, int] | None  # the speaker noun phrase (mention)
    appositive: tuple[int, int] | None = None
    role_prefix: tuple[int, int] | None = None
    after: tuple[int, int] | None = None  # content after the cue
    before: tuple[int, int] | None = None  # content before the speaker ("…," X said)
    according: bool = False
    inherit: bool = False
    antecedent: tuple[int, int] | None = None  # what a relative pronoun subject ("who") stands for
    passive: bool = False  # "It was announced that …": a cue with no speaker to find
    speaker: Speaker | None = None
    rule: str = ""  # the frame rule that found it: a key of FRAME_RULES


@dataclass(frozen=True)
class FrameRule:
    """A way a cue finds its speaker and content; frames stamp its name, and so do their records."""
    name: str
    doc: str
    example: str


# In the order `_frames` and `_cue_frame` try them.
FRAME_RULES: tuple[FrameRule, ...] = (
    FrameRule("frame_according_to", "`according to` a noun phrase", "The plan will fail, according to Jane Doe."),
    FrameRule("frame_noun_cue", "a possessive or name-as-adjective noun cue with a that-clause",
              "They seized on Donald Trump’s claim that the war was lost."),
    FrameRule("frame_noun_from", "a noun cue with `from`/`by` its owner",
              "There were warnings from his attorney that the deal was illegal."),
    FrameRule("frame_as_put_it", "`as X put it`", "The deal is dead, as one senator put it."),
    FrameRule("frame_put_it", "`X put it …:` before a quote", "Doe put it bluntly: “We lost the vote.”"),
    FrameRule("frame_went_on", "`went on to say`, `took to Twitter to …`: the subject of went/took",
              "Jane Doe went on to say that the plan would fail."),
    FrameRule("frame_message_that", "a message's relative clause speaks for its issuer",
              "The ministry released a statement that said the talks had failed."),
    FrameRule("frame_agent_first", "a passive cue with its agent first",
              "The plan was described by one diplomat as “a betrayal of trust.”"),
    FrameRule("frame_passive_own_words", "a passive whose `for his claim that …` is the subject's own",
              "Jane Doe was criticised for her claim that the vote was rigged."),
    FrameRule("frame_passive", "a passive speech verb: no speaker, unattributed",
              "It was announced that the border would close."),
    FrameRule("frame_passive_agent", "a passive speech verb with an agent after it",
              "The deal was described as “a betrayal” by opposition leaders."),
    FrameRule("frame_name_participle", "a name before a participle speaks",
              "The video shows Hillary Clinton asking, “Why aren’t I ahead?”"),
    FrameRule("frame_opening_participle", "a participle opening the sentence speaks for the main clause's subject",
              "Calling the deal “a disaster,” Trump left the room."),
    FrameRule("frame_quoted_as", "`X quoted Y as saying`: Y speaks",
              "The Times quoted Jane Doe as saying the plan would fail."),
    FrameRule("frame_participle", "a participle after a comma speaks for the clause it hangs on",
              "Jane Doe criticised the plan, adding that it would fail."),
    FrameRule("frame_coordinated", "a cue after `and` takes the sentence's subject",
              "Trump bemoaned the unrest and said he thought the police were right."),
    FrameRule("frame_inverted", "the speaker after the cue: `“…,” said X`",
              "“The plan will fail,” said Jane Doe, the mayor."),
    FrameRule("frame_parenthetical", "a parenthetical tag: the sentence around it is the content",
              "The museum, Mr. Obama said on Tuesday, would open next year."),
    FrameRule("frame_subject", "the speaker before the cue, the content after it or before the subject",
              "Jane Doe said that the plan would fail."),
    FrameRule("frame_colon_headline", "a headline `Name: …` with a quote after the colon",
              "Sanders: Clinton needs to ‘get away from all of this personality stuff’"),
)


# --- frames -------------------------------------------------------------------------------
def find_frames(text: str, paras: list[tuple[int, int]], index: _MarkIndex, mark_spans: Spans) -> list[Frame]:
    """Every sentence's frames, in order of their cues."""
    frames: list[Frame] = []
    for lo, hi in paras:
        for s, e in _sentences(text, lo, hi, index):
            found = _frames(text, s, e, mark_spans)
            _end_before_next(text, found)
            frames.extend(found)
    frames.sort(key=lambda f: f.cue_start)
    return frames


def _end_before_next(text: str, found: list[Frame]) -> None:
    """A frame's content after its cue ends where the next frame in the sentence begins."""
    for f, g in zip(found, found[1:]):
        if f.after and g.before and f.after[0] <= g.before[0] < f.after[1] \
                and text[g.before[0]] in QUOTE_CHARS and g.np and g.np[0] >= g.before[1]:
            # `referenced the impact …: “…,” the union wrote`: the quote is the union's
            cut = len(text[f.after[0]:g.before[0]].rstrip(" :,;―—–-"))
            f.after = (f.after[0], f.after[0] + cut) if cut else None
            continue
        # "She said A, and when pressed, the mother replied, “B”": A ends before the next speaker
        nxt = g.np[0] if g.np and f.after and g.np[0] > f.after[0] else g.cue_start
        joined = re.search(r"(,|;|\band|\bbut|[―—–]|--)(\s+\w+ly)*\s*$", text[f.after[0]:nxt]) \
            if f.after else None
        if f.after and f.after[0] < nxt < f.after[1] and not g.inherit and joined:
            end = nxt
            end = f.after[0] + len(re.sub(r"(?:[\s,;―—–]|--|\band\b|\bbut\b|\b\w+ly\b)+$", "",
                                          text[f.after[0]:end]))
            f.after = (f.after[0], end)


def _frames(text: str, s: int, e: int, mark_spans: Spans) -> list[Frame]:
    toks = tokens(text, s, e)
    quoted = [t.start in mark_spans for t in toks]
    titled = _title_case(toks)
    out = []
    for i, tok in enumerate(toks):
        if quoted[i]:
            continue
        low = tok.lower
        if low == "according" and i + 1 < len(toks) and toks[i + 1].lower == "to":
            f = _according(text, toks, quoted, i, e)
        elif low in NOUN_CUES and i > 0 and i + 2 < len(toks) and toks[i + 1].lower == "that" and (
                toks[i + 2].is_cap or toks[i + 2].lower in CLAUSE_PRONOUNS or toks[i + 2].lower in DETERMINERS
                or toks[i + 2].lower == "there" or quoted[i + 2] or toks[i + 2].text[:1].isdigit()
                or (i + 3 < len(toks) and toks[i + 2].is_word and toks[i + 3].lower in FINITE)) \
                and (_owner_at(toks, quoted, i) is not None or _name_as_adjective(toks, quoted, i)):
            # "Trump's claim that the war …", "a New York Times report that Trump …"; not a relative
            # clause ("Trump's claim that angered many")
            f = _noun_cue_frame(text, toks, quoted, i, e)
        elif low in NOUN_CUES and i + 3 < len(toks) and toks[i + 1].lower in ("from", "by"):
            f = _noun_from_frame(text, toks, quoted, i, e)  # "warnings from his attorney that …"
        elif low == "put" and i + 1 < len(toks) and toks[i + 1].lower == "it":
            f = _put_it_frame(text, toks, quoted, i, e)
        elif low in CUES:
            f = _cue_frame(text, toks, quoted, i, e, titled)
            if f is not None and CUES[low] in STANCE_VERBS:  # the cue is "expressed concern", not "expressed"
                f.cue_end = toks[_stance(toks, quoted, i)].end
                f.cue = text[f.cue_start:f.cue_end]
        elif tok.text == ":" and i > 0:
            f = _colon_frame(text, toks, quoted, i)
        else:
            f = None
        if f is not None:
            out.append(f)
    return out




def _np_ok(toks: list[Token], lenient: bool = False) -> bool:
    """Is this run of tokens a plausible speaker noun phrase?

    `lenient` when it stands right next to a quote (`"…," the businessman said`), where
    any short description will do."""
    words = [t for t in toks if t.is_word]
    if not words or len(words) > 14:
        return False
    low = [fold(t.text) for t in words]
    if len(words) >= 3 and all(t.text.isupper() for t in words):
        return False  # "CONGRESS HAS INVESTIGATED HIM — …": a kicker in capitals, not a name
    if lenient and low[0] in DETERMINERS and 2 <= len(words) <= 7 and not any(
            w in CUES or w in BOUNDARY_WORDS or w == "to" for w in low[1:]) and low[-1] not in PREPOSITIONS:
        return True
    if len(words) == 1 and low[0] in PRONOUNS and low[0] not in ("him", "her"):
        return True
    if len(words) == 1 and low[0] in ("one", "another") and lenient:
        return True  # "“People were running,” one said": one of those just named
    if low[0] in SUBJECT_PRONOUNS:
        return False  # "he left the race in February": a clause, not a noun phrase
    last = re.sub(r"[’']s$", "", low[-1])
    last = re.sub(r"^(?:ex|co|vice)-", "", last)  # "his ex-wife", "a co-founder"
    if last in PREPOSITIONS or last in BOUNDARY_WORDS or last in AUX or last in ("the", "a", "an", "and", "or"):
        return False
    if any(w in BOUNDARY_WORDS for w in low[1:]) and not any(w in ("who", "which") for w in low):
        return False
    for n, (t, w) in enumerate(zip(words[:-1], low[:-1])):
        nxt = low[n + 1]
        participle = w.endswith("ed") and "-" not in w and w not in NOT_VERBS and (
            nxt in DETERMINERS or nxt in PREPOSITIONS or nxt in PRONOUNS or words[n + 1].is_cap) \
            and not (nxt == "by" and n > 0 and _speakers_noun(low[n - 1]))  # "Economists polled by Reuters"
        # "state Rep. Marcia Price", "the New York state attorney general": an adjective
        titled = (words[n + 1].is_cap and nxt.rstrip(".") in ROLE_WORDS) or (
            w == "state" and (nxt in ROLE_WORDS or nxt in PEOPLE_NOUNS or nxt in PUBLICATION_HEADS
                              or nxt in ORG_NOUNS))  # "state media", "the state department"
        # not "sources close to", "an aide to the senator"
        to = w == "to" and not (n > 0 and low[n - 1] in TO_HEADS)
        if not t.is_cap and (w in CUES or to or participle) and not titled:
            return False  # a verb inside: this is a clause, not a noun phrase ("registered voters" is fine)
    if any(t.is_cap for t in words[1:]) or (words[0].is_cap and fold(words[0].text) not in
                                             {"the", "a", "an", "one", "another", "some", "this", "that"}):
        # Capitalised, so a name, unless the capital letters are only sentence-initial.
        if last in PEOPLE_NOUNS or last in ORG_NOUNS or words[-1].is_cap or last.endswith(".com"):
            return True
    if last in PEOPLE_NOUNS or last in ORG_NOUNS or last in PUBLICATION_WORDS or last in ROLE_WORDS \
            or singular(last) in ORG_NOUNS:  # "several environmental groups"
        return True
    for n, w in enumerate(low[1:], 1):
        before = re.sub(r"[’']s$", "", low[n - 1])
        if w in ("of", "on", "at", "from", "in", "for", "with") \
                or (w == "to" and before in TO_HEADS):
            # "Experts on North Korea and nuclear nonproliferation": the head is before the preposition,
            # or before its adjective ("people familiar with the matter", "sources close to")
            if before in POSTMODIFIERS and n >= 2:
                before = re.sub(r"[’']s$", "", low[n - 2])
            return before in PEOPLE_OR_ORG_NOUNS or (w == "of" and (last in PEOPLE_NOUNS or people_plural(last)) and (
                before in COLLECTIVE or before in NUMBER_WORDS or before.isdigit()))  # "eight of 10 voters"
        if w.endswith("ing") and not words[n].is_cap and w not in CUES and before in PEOPLE_NOUNS:
            return True  # "Protesters marching through the streets"
    # "The clip says", "The New York businessman says": a short determiner-led description
    return low[0] in ("the", "a", "an", "one", "another") and 2 <= len(words) <= 5 \
        and not last.endswith("ly") and last not in DETERMINERS and not any(w in CUES or w in FINITE for w in low[1:])


def _subject(text: str, toks: list[Token], quoted: list[bool], i: int, split_and: bool = True) -> tuple[
        tuple[int, int] | None, tuple[int, int] | None, tuple[int, int] | None, int]:
    """The speaker noun phrase left of the cue at toks[i].

    Returns (np, appositive, role_prefix, k) where k is the index of the first token of
    the whole subject region (so content before it can be found).  An "and" before a
    lower-case word first ends the region ("… and officials said"); if that leaves no
    speaker, the region is tried whole ("Experts on X and nuclear nonproliferation said")."""
    aside = _dash_aside(text, toks, quoted, i)
    if aside is not None:
        return aside
    first = _subject_region(toks, quoted, i, split_and)
    if not split_and or (first[0] is not None and not (first[3] > 0 and toks[first[3] - 1].lower == "and")):
        return first
    whole = _subject_region(toks, quoted, i, False)
    if first[0] is not None:
        if whole[1] is not None and whole[1][0] <= first[0][0] and first[0][1] <= whole[1][1]:
            return whole  # "Jane Doe, an economist and tax expert, said": the "and" is the appositive's
        left = toks[whole[3]:first[3] - 1]
        if whole[0] is not None and whole[1] is None and left and _np_ok(left) \
                and _speakers_noun(fold(left[-1].text)):
            return whole  # "Regulators and environmental groups worried": both speak
        return first
    if whole[0] is not None:
        return whole
    return _before_relative(toks, quoted, i) or _restrictive_relative(toks, quoted, i) \
        or _after_conjunction(toks, quoted, i) or first


def _after_conjunction(toks: list[Token], quoted: list[bool], i: int) -> tuple[
        tuple[int, int], None, None, int] | None:
    """`… mishandled the investigation and Democrats accused …`: a clause, "and", then the subject."""
    j = _before_auxiliaries(toks, quoted, i)
    for a in range(j - 1, max(0, j - 8), -1):
        if quoted[a] or (not toks[a].is_word and toks[a].text != "-"):
            return None
        if toks[a].lower in ("and", "but"):
            np = toks[a + 1:j + 1]
            clause = any(t.lower in FINITE or (t.lower.endswith("ed") and not t.is_cap) for t in toks[max(0, a - 6):a])
            if clause and np and (np[0].is_cap or np[0].lower in DETERMINERS) and _np_ok(np):
                return (np[0].start, np[-1].end), None, None, a + 1
            return None
    return None


def _speakers_noun(word: str) -> bool:
    """Is this the head noun of people or bodies ("regulators", "unions", "police")?"""
    return word in PEOPLE_OR_ORG_NOUNS or people_plural(word) or singular(word) in PEOPLE_OR_ORG_NOUNS


def _before_relative(toks: list[Token], quoted: list[bool], i: int) -> tuple[
        tuple[int, int], tuple[int, int], None, int] | None:
    """`Christie, who has campaigned … since he …, blasted`, `Biden, asked by reporters whether he …,
    said`: a relative or participle clause between commas, too long for the subject region, before
    the verb; the name before it speaks."""
    j = _before_auxiliaries(toks, quoted, i)
    if j < 2 or toks[j].text != ",":
        return None
    for k in range(j - 1, max(0, j - 40), -1):
        if quoted[k] or toks[k].text in (";", ":", ".") + DASHES:
            return None
        aside = (_relative(toks[k]) and toks[k].lower != "whom") or (  # or a participle: ", asked by …,"
            not toks[k].is_cap and toks[k].lower.endswith(("ed", "ing")) and toks[k].lower not in NOUN_EXTENDERS)
        if aside and toks[k - 1].text == ",":
            np, _, prefix, start = _subject_region(toks, quoted, k - 1, True)
            if np is None:
                return None
            return np, (toks[k].start, toks[j - 1].end), prefix, start
    return None


def _restrictive_relative(toks: list[Token], quoted: list[bool], i: int) -> tuple[
        tuple[int, int], tuple[int, int], None, int] | None:
    """`Dairy farmers who blocked the motorway near Carrow Bridge said`: the sentence's subject,
    then a `who` clause without commas, then the cue; the noun phrase before `who` speaks (a
    name inside the clause never does)."""
    j = _before_auxiliaries(toks, quoted, i)
    for k in range(j - 1, max(0, j - 25), -1):
        if quoted[k] or not (toks[k].is_word or toks[k].text in ("-", "’", "'")):
            return None
        if toks[k].lower == "who" and not toks[k].text.isupper():
            np = toks[:k]
            while np and np[0].lower in CONNECTIVES:
                np = np[1:]
            if not np or k == j or not _np_ok(np) or any(t.lower in VERBISH or t.lower in PREPOSITIONS for t in np):
                return None
            return (np[0].start, np[-1].end), (toks[k].start, toks[j].end), None, k - len(np)
    return None


def _relative(tok: Token) -> bool:
    """A relative pronoun, not the acronym in "WHO Director-General Tedros … told"."""
    return tok.lower in ("who", "which", "whom", "whose") and not tok.text.isupper()


def _dash_aside(text: str, toks: list[Token], quoted: list[bool], i: int) -> tuple[
        tuple[int, int], tuple[int, int], tuple[int, int] | None, int] | None:
    """`The mayor — who has faced criticism for months — said`, `Kall -- co-editor of a book --
    said`: an aside between dashes before the verb; the noun phrase before it speaks."""
    j = _before_auxiliaries(toks, quoted, i)
    close = _dash_at(text, toks, j, closing=True)
    if close is None:
        return None
    for k in range(close - 1, max(0, close - 40), -1):
        if quoted[k] or toks[k].text in (";", ":", "!", "?") or (toks[k].text == "." and not _abbrev(toks[k - 1])):
            return None
        start = _dash_at(text, toks, k, closing=True)
        if start is not None:
            if start == 0 or k + 1 >= close:
                return None
            np, _, prefix, first = _subject_region(toks, quoted, start, True)
            if np is None:
                return None
            if first > 1 and toks[first - 1].text == "," and toks[first].lower in ("the", "a", "an") \
                    and toks[first - 2].is_cap:
                # "John Dickey, the chief executive of Ora Media -- the company … -- told me": the name
                n = _name_start(toks, quoted, first - 2)
                if _np_ok(toks[n:first - 1]):
                    return (toks[n].start, toks[first - 2].end), np, None, n
            return np, (toks[k + 1].start, toks[close - 1].end), prefix, first
    return None


def _dash_at(text: str, toks: list[Token], k: int, closing: bool = False) -> int | None:
    """Where the dash at toks[k] starts: k for `—`, a spaced ` - ` or the first half of a typed ` -- `;
    with `closing`, also k - 1 for the second half of ` -- `."""
    if k < 0:
        return None
    t = toks[k]
    if _dash(text, t) or (t.text == "-" and text[t.start - 1:t.end + 1] == " - "):
        return k
    if closing and t.text == "-" and k > 0 and _dash(text, toks[k - 1]) and toks[k - 1].end == t.start:
        return k - 1
    return None



def _adverb(tok: Token) -> bool:
    """'cynically dismissed', 'steadily pounding', 'has long said': an adverb between subject and verb."""
    if tok.lower in BARE_ADVERBS:
        return not tok.is_cap
    return tok.lower.endswith("ly") and len(tok.lower) > 4 and not tok.is_cap and tok.lower not in NOT_ADVERBS


def _before_auxiliaries(toks: list[Token], quoted: list[bool], i: int) -> int:
    """The index before the auxiliaries and adverbs that precede the cue at toks[i]."""
    j = i - 1
    while j >= 0 and not quoted[j] and (toks[j].lower in AUX or _adverb(toks[j])):
        j -= 1
    return j


def _name_start(toks: list[Token], quoted: list[bool], k: int) -> int:
    """Where the run of capitalised words ending at toks[k] begins."""
    while k > 0 and toks[k - 1].is_cap and toks[k - 1].is_word and not quoted[k - 1]:
        k -= 1
    return k


def _time_word(tok: Token) -> bool:
    """A day, month, 'last'/'earlier' or a number ("Tuesday", "Sept", "2010")."""
    return fold(tok.text) in TIME_WORDS or tok.text[:1].isdigit()


def _of_time(toks: list[Token], j: int) -> bool:
    """Is toks[j] a preposition of time ("since 2010", "on Tuesday", "after last week")?"""
    return toks[j].lower in ("since", "after", "before", "until", "on", "in", "at", "during", "by") \
        and j + 1 < len(toks) and _time_word(toks[j + 1])


def _inner_phrase(toks: list[Token], quoted: list[bool], j: int, end: int) -> bool:
    """Is the boundary word at toks[j] a preposition inside an appositive that closes with a
    comma before the cue ("Jane Doe, speaking to reporters after the meeting, said")?"""
    return toks[j].lower in ("after", "before", "since", "until", "as") and j + 1 <= end \
        and toks[j + 1].lower in DETERMINERS and toks[end].text == "," \
        and not any(quoted[k] or toks[k].lower in CUES for k in range(j + 1, end))


def _subject_region(toks: list[Token], quoted: list[bool], i: int, split_and: bool) -> tuple[
        tuple[int, int] | None, tuple[int, int] | None, tuple[int, int] | None, int]:
    j = _before_auxiliaries(toks, quoted, i)
    end = j
    if j >= 0 and toks[j].lower in ("and", "but") and not quoted[j]:
        return None, None, None, i  # "… to the test and warned …": coordinated, no subject of its own
    while j >= 0 and not quoted[j] and toks[j].text not in (";", ":", "(", "[", "]") + DASHES \
            and (toks[j].lower not in BOUNDARY_WORDS - {"who", "which", "whose"} or _of_time(toks, j)
                 or _inner_phrase(toks, quoted, j, end)):
        if split_and and toks[j].lower == "and" and j + 1 <= end and not toks[j + 1].is_cap:
            break
        if toks[j].text == ")":
            # "Rep. Elijah E. Cummings (D-Md.) said": skip a short parenthesis after a name
            k = j - 1
            while k >= 0 and j - k <= 8 and toks[k].text != "(" and not quoted[k]:
                k -= 1
            if k < 0 or toks[k].text != "(" or k == 0 or not toks[k - 1].is_cap:
                break
            j = k
        j -= 1
    region = [k for k in range(j + 1, end + 1) if not _in_parens(toks, k, j + 1)]
    if not region:
        return None, None, None, i
    segs: list[list[int]] = [[]]
    for k in region:
        if toks[k].text == ",":
            segs.append([])
        else:
            segs[-1].append(k)
    trailing = not segs[-1]
    if trailing:
        segs.pop()
    segs = [sg for sg in segs if sg]
    if not segs:
        return None, None, None, i

    def span(sg: list[int]) -> tuple[int, int]:
        return toks[sg[0]].start, toks[sg[-1]].end

    def clean(sg: list[int]) -> list[int]:
        # Leading connectives or a prepositional phrase without a comma ("On Sunday officials").
        while sg and toks[sg[0]].lower in CONNECTIVES:
            sg = sg[1:]
        rel = [n for n, k in enumerate(sg) if _relative(toks[k]) and n + 1 < len(sg)]
        if rel:
            sg = sg[rel[-1] + 1:]  # "…, in which he said": the subject follows the relative pronoun
        n = len(sg)
        while n > 1 and (_time_word(toks[sg[n - 1]]) or toks[sg[n - 1]].text == "."):
            n -= 1
        if n < len(sg) and any(fold(toks[k].text) in TIME_NOUNS or re.fullmatch(r"(19|20)\d\d", toks[k].text)
                               for k in sg[n:]):
            # "Sanders on Tuesday said", "The Times last week wrote", "a poll released in August found":
            # a time after the subject (not "HuffPollster 4.3 points")
            if n > 1 and toks[sg[n - 1]].lower in ("on", "in", "at", "during", "since", "by"):
                n -= 1
            if n > 1 and not toks[sg[n - 1]].is_cap and toks[sg[n - 1]].lower.endswith("ed"):
                n -= 1
            sg = sg[:n]
        if sg and toks[sg[0]].lower in PREPOSITIONS and _of_time(toks, sg[0]):
            n = 1  # "On Tuesday Jane Doe said": past the time, a name
            while n < len(sg) and (_time_word(toks[sg[n]]) or toks[sg[n]].text in (".", ",")):
                n += 1
            return sg[n:]
        if len(sg) > 1 and toks[sg[0]].lower == "as" and toks[sg[1]].lower in DETERMINERS:
            return sg[1:]  # "As many tax experts, including Mr. Goldberg, have pointed out, …"
        if sg and toks[sg[0]].lower in PREPOSITIONS:
            starts = [n for n, k in enumerate(sg) if toks[k].lower in ("the", "a", "an", "one", "another")]
            # "At the meeting the minister said"; not "in a box labeled …", where the noun phrase
            # is the preposition's own object
            sg = sg[starts[-1]:] if starts and (starts[-1] > 1 or toks[sg[-1]].is_cap) else []
        return sg

    def titled_name(sg: list[int]) -> bool:
        # "state Rep. Marcia Price", "former Sen. John Doe": lower-case first, still the name
        ws = [toks[k] for k in sg if toks[k].is_word]
        return any(t.is_cap and fold(t.text.rstrip(".")) in ROLE_WORDS and all(w.is_cap for w in ws[n + 1:])
                   and not any(w.lower in PREPOSITIONS for w in ws[:n])  # not "released by the Foreign Office"
                   for n, t in enumerate(ws[:-1]))

    def looks_appositive(sg: list[int]) -> bool:
        first = toks[sg[0]]
        words = [toks[k] for k in sg if toks[k].is_word]
        if first.lower in NOUN_EXTENDERS:
            return True  # "Several lawmakers, including Sen. Jane Doe, called for …"
        if not first.is_cap and first.lower not in DETERMINERS and first.lower not in ("who", "which") \
                and titled_name(sg):
            return False
        if first.lower in PARTY_WORDS and len(sg) > 1 and toks[sg[1]].lower in ("of", "from"):
            return True  # "Dianne Feinstein, Democrat of California, said"
        if PARTY_TAG.fullmatch(first.text):
            return True  # "Rep. Jim Jordan, R-Ohio, said"
        return first.lower in ("the", "a", "an", "who", "which", "currently", "then", "now", "himself",
                               "herself", "whose", "also") or not first.is_cap or first.lower.endswith("ly") \
            or possessive(first) \
            or (len(words) == 1 and (fold(words[0].text) in PLACES or (len(sg) > 1 and toks[sg[-1]].text == ".")))
            # "China, Pyongyang's only ally, said"; "of Springfield, Va., said"

    if trailing and len(segs) >= 2 and looks_appositive(segs[-1]):
        # "Ms. Jennings, 59, of Ashton, Md., who watched it, said": walk back over the
        # appositives; the first segment that is none is the name.
        n = len(segs) - 1
        while n > 0 and looks_appositive(segs[n]):
            n -= 1
        core = clean(segs[n])
        if core and _np_ok([toks[k] for k in core]):
            roles = [sg for sg in segs[n + 1:] if toks[sg[0]].lower in ("the", "a", "an")]
            appos = roles[0] if roles else segs[n + 1]
            prefix = None
            if n >= 1 and _is_role([toks[k] for k in segs[n - 1]]):
                prefix = span(segs[n - 1])
            return span(core), span(appos), prefix, (segs[n - 1] if prefix else segs[n])[0]
        return None, None, None, i
    last = segs[-1]
    if toks[last[-1]].lower in SUBJECT_PRONOUNS:
        # "in an interview with RT he blasted …": a pronoun right before the verb is its subject
        return span(last[-1:]), None, None, last[-1]
    rel = [k for k in last if _relative(toks[k]) and toks[k].lower in ("who", "which")]
    inner = last[last.index(rel[-1]) + 1:] if rel else []
    if inner and (toks[inner[-1]].lower in CLAUSE_PRONOUNS or _speakers_noun(fold(toks[inner[-1]].text))) \
            and _np_ok([toks[k] for k in inner]):
        # "…, which it alleges is …", "which advocates say …": the relative is the object, a new subject speaks
        return span(inner), None, None, inner[0]
    if rel and len(last) - last.index(rel[-1]) <= 4 and not any(
            toks[k].is_cap for k in last[last.index(rel[-1]) + 1:]):
        # "…, which has strongly denied …", "who in 2010 said": the relative pronoun is the mention
        return span([rel[-1]]), None, None, rel[-1]
    core = clean(segs[-1])
    lenient = j >= 0 and (quoted[j] or (toks[j].text == "," and j > 0 and quoted[j - 1]))
    if not core or not _np_ok([toks[k] for k in core], lenient):
        return None, None, None, i
    prefix = None
    if len(segs) >= 2 and (toks[core[0]].is_cap or titled_name(core)) \
            and _is_role([toks[k] for k in segs[-2]]):
        prefix = span(segs[-2])
    return span(core), None, prefix, (segs[-2] if prefix else core)[0]


def _sentence_subject(toks: list[Token], quoted: list[bool], limit: int
                      ) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """The noun phrase a sentence opens with (after leading adverbials), and its appositive."""
    segs: list[list[int]] = [[]]
    for k in range(limit):
        if quoted[k] and not any(segs):
            return None  # the sentence opens with a quote: no subject of its own
        if toks[k].text == ",":
            segs.append([])
        else:
            segs[-1].append(k)
    order = [len(segs) - 1] + list(range(len(segs) - 1))  # the cue's own clause first
    for n in order:
        sg = segs[n]
        if n == len(segs) - 1 and len(sg) > 1 and toks[sg[0]].lower in SUBORDINATORS:
            sg = sg[1:]  # "Though she called … and called for …": the cue's own clause's subject
        if len(sg) > 1 and toks[sg[0]].lower == "even":
            sg = sg[1:]
        if not sg:
            continue
        head: list[int] = []
        depth = 0
        if quoted[sg[0]] or toks[sg[0]].text in QUOTE_CHARS:
            continue
        if toks[sg[0]].lower in PREPOSITIONS:
            # "On September 27 they published …": a pronoun after the opening adverbial
            pron = next((k for k in sg[2:7] if toks[k].lower in SUBJECT_PRONOUNS and not quoted[k]), None)
            if pron is not None and all(not quoted[k] and toks[k].lower not in CUES for k in sg[:sg.index(pron)]):
                return (toks[pron].start, toks[pron].end), None
        for n2, k in enumerate(sg):
            t = toks[k]
            if quoted[k] or t.text in QUOTE_CHARS:
                break
            depth += (t.text == "(") - (t.text == ")")
            nouns = {fold(toks[x].text) for x in sg[n2:n2 + 3]}
            nouns |= {singular(w) for w in nouns}  # "several environmental groups granted …"
            # "issued a statement": a past tense before a determiner is the verb, not the head
            # and so is one after a person or body ("The mayor angered residents by saying …")
            verb = t.lower.endswith("ed") and k + 1 < len(toks) and (
                toks[k + 1].lower in DETERMINERS or (head and fold(toks[head[-1]].text) in PEOPLE_OR_ORG_NOUNS))
            owner = len(head) == 1 and toks[head[0]].lower in POSSESSIVE_PRONOUNS  # "His ex-wife agreed"
            if head and not depth and t.text != ")" and not t.is_cap and not owner \
                    and t.lower not in DETERMINERS | {"of", "for", "at", "and"} \
                    and not (nouns & PEOPLE_OR_ORG_NOUNS and t.lower not in CUES and not verb):
                break
            head.append(k)
            if head and toks[head[0]].lower in PRONOUNS:
                break
        low = toks[head[0]].lower
        if low in SENTENCE_START_WORDS - {"he", "she", "it", "they", "we", "the", "a", "an", "this", "these",
                                          "those"} or low.endswith("ly") or low in PREPOSITIONS \
                or (low.endswith(("ing", "ed")) and (not toks[head[0]].is_cap or (  # "Chastened by the analyses,"
                    low not in NOT_VERBS and head[0] + 1 < limit and toks[head[0] + 1].lower in PREPOSITIONS))):
            continue  # "Meanwhile," / "On Tuesday," / "When my mother …,"
        if not _np_ok([toks[k] for k in head]) or (n == len(segs) - 1 and head[-1] + 1 < limit
                                                          and toks[head[-1] + 1].lower in BOUNDARY_WORDS):
            continue
        appos = None
        if len(head) == len(sg) and n + 2 < len(segs) and segs[n + 1] and toks[segs[n + 1][0]].lower in ("a", "an", "the"):
            appos = (toks[segs[n + 1][0]].start, toks[segs[n + 1][-1]].end)
        return (toks[head[0]].start, toks[head[-1]].end), appos
    return None


def _subordinate_subject(toks: list[Token], quoted: list[bool], k: int
                         ) -> tuple[tuple[int, int], None] | None:
    """The pronoun subject of a subordinate clause that the 'and' at toks[k] is inside of
    (`after she attacked … and blamed …`), if no comma or quote intervenes."""
    for n in range(k - 1, 0, -1):
        if toks[n].text in (",", ";", ":") or quoted[n]:
            return None
        if toks[n].lower in SUBJECT_PRONOUNS and toks[n - 1].lower in SUBORDINATORS | {"that"}:
            return (toks[n].start, toks[n].end), None
    return None


def _in_parens(toks: list[Token], k: int, lo: int) -> bool:
    depth = 0
    for t in toks[lo:k + 1]:
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0 or toks[k].text == ")"


def _is_role(toks: list[Token]) -> bool:
    """'Pakistan's Defense Minister' before ', Haja Muhammad Asif'."""
    words = [fold(t.text) for t in toks if t.is_word]
    if not words or len(words) > 8 or any(w in VERBISH for w in words):
        return False  # "The plan could address clean energy, X says"
    if words[0] in ("these", "those") or people_plural(words[-1]):
        return False  # "These employees, Stumpf explained, were …": many people, not one's title
    if words[-1] in ROLE_WORDS:
        return True
    # "his wife, Mary,", "a spokesman for the ministry, John Smith,": a description of one person
    head = next((words[n - 1] for n in range(1, len(words)) if words[n] in PREPOSITIONS), words[-1])
    return (words[0] in DETERMINERS or possessive(toks[0])) \
        and (head in ROLE_WORDS or head in PEOPLE_NOUNS)


def _quoted_name_end(toks: list[Token], quoted: list[bool], n: int) -> int | None:
    """After a quoted name in title case followed by "that" (`on CNN's “State of the Union” that`),
    the index of that "that"; None for any other quote."""
    m = n
    while m + 1 < len(toks) and quoted[m + 1]:
        m += 1
    words = [t for t in toks[n:m + 1] if t.is_word]
    if 1 <= len(words) <= 5 and all(t.is_cap or t.lower in TITLE_SMALL for t in words) \
            and m + 1 < len(toks) and toks[m + 1].lower == "that":
        return m + 1
    return None


def _object_end(toks: list[Token], quoted: list[bool], k: int, limit: int) -> int:
    """Skip an addressee or adverbial after the cue; return the index where content starts."""
    n = k
    while n < len(toks) and n - k < limit:
        if quoted[n]:
            after = _quoted_name_end(toks, quoted, n)
            if after is None:
                break
            n = after  # "told MSNBC's “Morning Joe” that …": a show's name belongs to the addressee
            continue
        low = toks[n].lower
        if low in ("that", "to", "of", "for", "on") or toks[n].text in (",", ":", ";") \
                or (n > k and low in CLAUSE_PRONOUNS) \
                or (n > k and low in ("the", "a", "an") and toks[n - 1].is_word
                    and toks[n - 1].lower not in PREPOSITIONS and toks[n - 1].lower not in NOUN_MARKERS):
            # "told African-Americans this weekend he would …", "told police the gunman fired …":
            # the clause starts at the pronoun or the next noun phrase
            break
        n += 1
    return n




def _title_case(toks: list[Token]) -> bool:
    """A headline in title case ('Chris Christie Calls Hillary Clinton ‘A Disgrace’'), where a
    capitalised verb is still a verb."""
    words = [t for t in toks if t.is_word and t.text[:1].isalpha()]
    if not 4 <= len(words) <= 24:
        return False
    content = [t for t in words if t.lower not in TITLE_SMALL]
    return len(content) >= 3 and all(t.is_cap for t in content)


def _cue_frame(text: str, toks: list[Token], quoted: list[bool], i: int, e: int, titled: bool = False) -> Frame | None:
    tok = toks[i]
    lemma = CUES[tok.lower]
    if tok.is_cap and not titled and i > 0 and not quoted[i - 1] and toks[i - 1].text not in QUOTE_CHARS:
        return None  # "the Cook Political Report": a capitalised cue inside a sentence is a name
    took = next((k for k in range(i - 3, max(-1, i - 9), -1) if toks[k].lower in TOOK and toks[k + 1].lower == "to"
                 and not any(quoted[k:i])), None) if i > 3 and toks[i - 1].lower == "to" else None
    if took is not None or (i > 2 and [t.lower for t in toks[i - 2:i]] == ["on", "to"] and toks[i - 3].lower in GO_ON):
        # "He went on to say that …", ", going on to say that …", "took to Twitter to accuse …":
        # the going-on (taking-to) verb's speaker
        k = took if took is not None else i - 3
        f = Frame(cue=text[toks[k].start:tok.end], cue_start=toks[k].start, cue_end=tok.end, np=None,
                  after=_after(text, toks, quoted, i, lemma, e), rule="frame_went_on")
        if k > 0 and toks[k - 1].text == ",":
            f.inherit = True  # ", going on to say": the clause it hangs on speaks
            f.np, f.appositive = _sentence_subject(toks, quoted, k) or (None, None)
        else:
            f.np, f.appositive, f.role_prefix, _ = _subject(text, toks, quoted, k)
        return f if f.after and (f.np or f.inherit) else None
    aux = _before_auxiliaries(toks, quoted, i)
    if aux > 0 and toks[aux].lower == "that" and not quoted[aux] and not tok.lower.endswith("ing") \
            and _after_message(toks, quoted, aux):
        return _inherited(text, toks, quoted, i, lemma, e, "frame_message_that")  # "a statement that said …"
    if i > 0 and not quoted[i - 1] and (toks[i - 1].lower in NOUN_MARKERS or toks[i - 1].lower in ("to", "of")):
        return None  # a noun ("the report") or an infinitive ("to say")
    if i + 1 < len(toks) and toks[i + 1].lower == "by":
        return _agent_first(text, toks, quoted, i, aux, e)
    if i + 1 < len(toks) and toks[i + 1].lower == "to" and tok.lower != lemma and i > 0 \
            and any(t.lower in BE_FORMS for t in toks[aux + 1:i]) and not tok.lower.endswith("ing"):
        return None  # "Doe is expected to announce …", "is said to be ill": hearsay, no speaker
    if lemma == "say" and 0 < i < len(toks) - 1 and toks[i - 1].lower == "having" \
            and toks[i + 1].lower in ("that", "this"):
        return None  # "Having said that, …": a discourse marker
    if _anonymity(text, toks, i):
        return None  # "one woman, who asked not to be named": a request for anonymity
    if tok.lower in NOUNISH and i > 0 and possessive(toks[i - 1]):
        return None
    if tok.lower in NOUNISH and _name_as_adjective(toks, quoted, i):
        return None  # "features a New York Times report": a noun
    if lemma == "use":
        # "Trump has used the phrase “Islamic terrorism”": the quote is the subject's words
        if not (i + 3 < len(toks) and toks[i + 1].lower == "the" and toks[i + 2].lower in TERMS and quoted[i + 3]):
            return None
    if lemma in STANCE_VERBS and _stance(toks, quoted, i) is None:
        return None  # "voiced the character", "expressed his feelings": no stance to report
    if lemma in ("plan", "offer") and not (i + 1 < len(toks) and toks[i + 1].lower == "to"):
        return None  # "The tax plan drew fire", "offered a reward": an intention is reported only with its "to …"
    if lemma in ("find", "show", "hold") and not (i + 1 < len(toks) and toks[i + 1].lower == "that"):
        return None  # "found themselves", "the Apple Music show", "held dreams of …": only "… that" reports
    if tok.lower == "state" and not (i + 1 < len(toks) and (toks[i + 1].lower == "that" or quoted[i + 1]
                                                           or toks[i + 1].text in (",", ":"))):
        return None  # "state Del. Marcia Price", "state officials": an adjective
    impersonal = aux >= 0 and toks[aux].lower == "it"  # "It is believed that …" has no believer
    if tok.lower != lemma and not tok.lower.endswith("ing") and (lemma not in STATES or impersonal) \
            and any(t.lower in PASSIVE_BE for t in toks[aux + 1:i]):
        return _passive_frame(text, toks, quoted, i, lemma, e)
    b = i - 1
    while b > 0 and _adverb(toks[b]):
        b -= 1  # "has been steadily pounding"
    progressive = b >= 0 and toks[b].lower in BE_FORMS
    if tok.lower.endswith("ing") and not progressive:
        if i > 0 and toks[i - 1].is_cap and not quoted[i - 1] and i + 2 < len(toks) \
                and _quote_after_adverbial(toks, quoted, i + 1):
            # "footage of Hillary Clinton asking, “Why …?”": the name before the participle speaks
            k = _name_start(toks, quoted, i - 1)
            if _np_ok(toks[k:i]):
                return Frame(cue=tok.text, cue_start=tok.start, cue_end=tok.end, np=(toks[k].start, toks[i - 1].end),
                             after=_after(text, toks, quoted, i, lemma, e), rule="frame_name_participle")
        opener = i == 1 and toks[0].lower in OPENERS
        if (opener or (i == 0 and tok.is_cap)) and lemma not in ATTITUDES:
            if len(toks) > i + 1 and toks[i + 1].lower in PREPOSITIONS and not (
                    lemma == "call" and toks[i + 1].lower in ("on", "upon", "for")):
                return None  # "Speaking to reporters, Jane Doe said …": whom and where, not what
            f = _opening_participle(toks, quoted, i)
            # "Calling for calm, the mayor …" is not speech; "Calling the deal “a disaster,”" is
            return f if f and (lemma != "call" or any(q and f.after[0] <= t.start < f.after[1]
                                                      for t, q in zip(toks, quoted))) else None
        quoted_as = i > 1 and toks[i - 1].lower == "as" and toks[i - 2].lower in ("quoted", "cited")
        obj = next((k for k in range(i - 3, max(-1, i - 9), -1) if toks[k].lower in ("quoted", "cited")), None) \
            if i > 2 and toks[i - 1].lower == "as" and not quoted_as else None
        if obj is not None and toks[obj + 1].lower == "by":
            obj, quoted_as = None, True  # "He was quoted by Reuters as saying …": the subject speaks
        if obj is not None and not any(quoted[obj:i]) and _np_ok(toks[obj + 1:i - 1]):
            # "The Times quoted Doe as saying …": Doe speaks, the Times only reports it
            after = _after(text, toks, quoted, i, lemma, e)
            return Frame(cue=tok.text, cue_start=tok.start, cue_end=tok.end,
                         np=(toks[obj + 1].start, toks[i - 2].end), after=after,
                         rule="frame_quoted_as") if after else None
        # ", adding that …", "issued a statement calling …", "was quoted as saying": the speaker is
        # the subject of the clause it hangs on.
        after_comma = _after_comma(text, toks, quoted, i) or (  # ", even suggesting …"
            i > 1 and _adverb(toks[i - 1]) and toks[i - 1].lower not in HEDGES
            and _after_comma(text, toks, quoted, i - 1))
        if not (i > 0 and (after_comma or toks[i - 1].lower in ("by", "for", "after", "while", "before", "when")
                           or _after_message(toks, quoted, i) or quoted_as)) \
                or lemma in ATTITUDES or (after_comma and lemma in GLOSSES
                                          and not (i + 1 < len(toks) and toks[i + 1].lower == "that")):
            return None
        return _inherited(text, toks, quoted, i, lemma, e, "frame_participle")
    np, appos, prefix, k = _subject(text, toks, quoted, i)
    if np and tok.lower in NOUNISH and _modifier_before(text, np):
        return None  # "the most basic question:", "one question that has emerged": a noun, not a verb
    if np and tok.lower in NOUNISH and k == 0 and np[1] == toks[0].end and toks[0].lower not in PRONOUNS \
            and toks[0].lower not in PEOPLE_NOUNS and toks[0].lower not in ORG_NOUNS \
            and not _mid_sentence(text, toks[0].text):
        return None  # "Early reports …": a capitalised first word that is never a name elsewhere
    frame = Frame(cue=tok.text, cue_start=tok.start, cue_end=tok.end, np=np, appositive=appos, role_prefix=prefix,
                  rule="frame_subject")
    if np is not None and toks[k].lower in ("who", "which") and np == (toks[k].start, toks[k].end):
        frame.antecedent = _antecedent(text, toks, quoted, k)
    if tok.lower in NOUNISH and np is None:
        # "…," said X — inversion right after a quote or clause.
        if not (lemma in INVERTING and i > 0 and (toks[i - 1].text == "," or quoted[i - 1])):
            return None
    if np is None and aux >= 0 and toks[aux].lower in ("and", "but"):
        # "Trump bemoaned the unrest and said he thought …": coordinated with the main verb,
        # or with the verb of a subordinate clause ("after she attacked … and blamed …")
        inner = _subordinate_subject(toks, quoted, aux)
        np, frame.appositive = inner or _sentence_subject(toks, quoted, i) or (None, None)
        frame.np = np
        if np is not None:
            frame.after = _after(text, toks, quoted, i, lemma, e)
            frame.rule = "frame_coordinated"
            return frame if frame.after else None
    if np is None:
        if not (lemma in INVERTING and i > 0 and (toks[i - 1].text == "," or quoted[i - 1]
                                                 or toks[i - 1].text in QUOTE_CHARS)):
            return None
        inv = _inverted_subject(text, toks, quoted, i + 1)
        if inv is None:
            return None
        frame.np, frame.appositive = inv
        frame.before = _content_before(text, toks, quoted, 0, i - 1)
        frame.rule = "frame_inverted"
        return frame

    frame.after = _after(text, toks, quoted, i, lemma, e)
    if frame.after and i + 2 < len(toks) and not quoted[i + 1] and toks[i + 1].start == frame.after[0] \
            and toks[i + 1].lower in ("is", "are", "was", "were", "has", "have", "had"):
        if k > 0 and toks[k - 1].lower == "what" and toks[i + 1].lower in ("is", "was"):
            frame.after = (toks[i + 2].start, frame.after[1])  # "what the senators said was X": X
        elif not any(t.lower in ("which", "that", "who") for t in toks[max(k - 1, 0):i]):  # "which it alleges is …"
            frame.after = None  # "The four loopholes he cited are …": the cue is in the subject's relative clause
    if frame.after and aux > 0 and toks[aux].lower in ("who", "which") and toks[aux - 1].text == ",":
        frame.after = _relative_clause_end(text, toks, quoted, frame.after)
    # Content before the subject: "…, X said." / "“…,” X said."
    frame.before = _content_before(text, toks, quoted, 0, k - 1) if k > 0 else None
    if lemma == "continue" and frame.before and text[frame.before[0]] not in QUOTE_CHARS:
        frame.before = None  # "According to residents, the shelling continued": not `“…,” he continued`
    if k > 1 and toks[k - 1].lower == "as" and (toks[k - 2].text == "," or quoted[k - 2]) and not frame.after:
        frame.before = _content_before(text, toks, quoted, 0, k - 2)  # "…, as one senator said."
    close = _parenthetical_close(toks, quoted, i + 1 + _particle(toks, i))
    # the comma that opens a parenthetical tag: "The museum, Mr. Obama said, …", "Hawaii, as one adviser noted, …"
    opening = k - 1 if k > 1 and toks[k - 1].text == "," else \
        k - 2 if k > 2 and toks[k - 1].lower == "as" and toks[k - 2].text == "," \
        and toks[0].lower not in SUBORDINATORS else None  # not "If, as I've suggested, …, he has …"
    if (frame.before or opening == k - 2) and close is not None and opening is not None and not any(quoted[:k]) \
            and toks[opening - 1].lower not in ("and", "but", "or") \
            and toks[k].lower not in ("who", "which"):  # not `… and, Mr. King said, has …` or `X, who said …,`
        if _resumes(toks, quoted, close + 1):
            # a parenthetical "The museum, Mr. Obama said on Tuesday, would …": the sentence around
            # it is the content, and it ends after the parenthetical, not at its comma
            frame.after, frame.rule = None, "frame_parenthetical"
            c = 1 if toks[0].lower in ("and", "but", "so", "yet") and opening > 1 else 0
            if opening == 1 and toks[0].lower in CONNECTIVES:
                c = close + 1  # "Still, Doe said, the plan could work"
            elif toks[c].lower in PREPOSITIONS and toks[c].lower != "to":
                c = close + 1  # "During his years in office, Mr. Obama said, a majority …": an adverbial
            frame.before = (toks[c].start, _clause_end(text, toks, quoted, close, e))
        elif close == i + 1 and not any(quoted[close:]):
            # a tag before another clause ("…, Twitter announced, gaining …"): the content is before it
            frame.after = None
            frame.before = (toks[0].start, _clause_end(text, toks, quoted, 0, e))
    if frame.after is None and frame.before is None:
        return frame if frame.np and lemma != "read" else None
    if lemma == "read" and not any(side and text[side[0]] in QUOTE_CHARS and text[side[1] - 1] in QUOTE_CHARS
                                   for side in (frame.before, frame.after)):
        return None  # `“…,” the letter reads`, but not `he read the statement aloud`
    return frame


_AFTER_LOWER = re.compile(r"(?<=[a-z,;])\s+(\w+)")
_BOUNDARY_AFTER = re.compile(r".\b", re.S)


def _mid_sentence(text: str, word: str) -> bool:
    """Is `word` written after a lower-case letter, comma or semicolon and a space anywhere in
    `text`?  `re.search(r"[a-z,;]\\s+" + re.escape(word) + r"\\b", text)`, but through an index
    of the text built once: a search of the whole text per sentence was quadratic."""
    head = re.match(r"\w+", word)
    if not head or re.search(r"\s", word):  # not a word token: search, as before
        return bool(re.search(r"[a-z,;]\s+" + re.escape(word) + r"\b", text))
    # Where `word` matches, the text's word there is `word`'s first word (the \b sees to that).
    words, joined = _words_after_lower(text)
    if head.end() == len(word):
        return word in words
    return any(text.startswith(word, p) and _BOUNDARY_AFTER.match(text, p + len(word) - 1)
               for p in joined.get(head.group(), ()))


@lru_cache(maxsize=1)  # one article at a time
def _words_after_lower(text: str) -> tuple[set[str], dict[str, list[int]]]:
    """The words written after a lower-case letter, comma or semicolon and a space; and where
    those that go on with punctuation ("U.S.", "O'Neil") stand."""
    words: set[str] = set()
    joined: dict[str, list[int]] = {}
    for m in _AFTER_LOWER.finditer(text):
        words.add(m.group(1))
        if not text[m.end():m.end() + 1].isspace():
            joined.setdefault(m.group(1), []).append(m.start(1))
    return words, joined


def _modifier_before(text: str, np: tuple[int, int]) -> bool:
    """Does the "subject" of a noun-like cue end in a word that modifies the noun, not in anyone
    ("the most basic question", "the top 33 percent rate", "one question")?"""
    words = re.findall(r"\w[\w’'-]*", text[np[0]:np[1]])
    if words == ["one"] or words == ["another"]:
        return True
    if not words:
        return False
    # the head comes before a prepositional phrase: "Political observers in Virginia"
    head = next((words[n - 1] for n in range(1, len(words)) if fold(words[n]) in PREPOSITIONS), words[-1])
    low = fold(head)
    return (head.islower() or head.isdigit()) and not _speakers_noun(low) and low not in PRONOUNS \
        and low not in DETERMINERS and low not in NUMBER_WORDS and low not in PUBLICATION_WORDS \
        and low not in ("others", "few", "people", "who", "which", "that")


def _inherited(text: str, toks: list[Token], quoted: list[bool], i: int, lemma: str, e: int,
               rule: str) -> Frame | None:
    """A cue with no subject of its own (", adding that …", "issued a statement calling …"): the
    cue its clause hangs on speaks, or with none in the sentence, the sentence's subject."""
    tok = toks[i]
    frame = Frame(cue=tok.text, cue_start=tok.start, cue_end=tok.end, np=None, inherit=True, rule=rule)
    frame.after = _after(text, toks, quoted, i, lemma, e)
    frame.np, frame.appositive = _sentence_subject(toks, quoted, i) or (None, None)
    return frame if frame.after else None


def _passive_frame(text: str, toks: list[Token], quoted: list[bool], i: int, lemma: str, e: int) -> Frame | None:
    """A passive speech verb at toks[i]: "It was announced that …", "He was accused of …" name no
    speaker, so the content stands unattributed. "He was told that …", "I'm told" (the subject only
    heard it) and "was criticised for saying …" (the participle has the speaker) give none of their
    own; "was charged with" is an indictment; an agent after it speaks ("… by opposition leaders")."""
    tok = toks[i]
    if lemma in ADDRESSED or lemma == "charge" or i + 2 >= len(toks) or not toks[i + 1].is_word \
            or (toks[i + 1].lower in ("for", "of", "after") and toks[i + 2].lower.endswith("ing")
                and CUES.get(toks[i + 2].lower) not in (None, "use")):
        return None
    if toks[i + 1].lower == "for" and toks[i + 2].lower in ("his", "her", "its", "their"):
        # "was ridiculed for its prediction that …", "criticised for his claim that …": the
        # subject's own words
        n = next((n for n in range(i + 3, min(len(toks) - 1, i + 6)) if toks[n].lower in NOUN_CUES), None)
        if n is not None and toks[n + 1].lower == "that" and not any(quoted[i + 3:n + 1]):
            np, appos, _, _ = _subject(text, toks, quoted, i)
            if np:
                return Frame(cue=toks[n].text, cue_start=toks[n].start, cue_end=toks[n].end, np=np,
                             appositive=appos, after=(toks[n + 1].start, _clause_end(text, toks, quoted, n + 1, e)),
                             rule="frame_passive_own_words")
    after = _after(text, toks, quoted, i, lemma, e)
    first = next((n for n in range(i + 1, len(toks)) if toks[n].start >= after[0]), None) if after else None
    if first is None or not (quoted[first] or toks[first].text in QUOTE_CHARS
                             or toks[first].lower in PASSIVE_COMPLEMENTS or lemma in NAMING):
        return None  # "was welcomed in Kabul": where, not what
    f = Frame(cue=tok.text, cue_start=tok.start, cue_end=tok.end, np=None, after=after, passive=True,
              rule="frame_passive")
    # "was described as “a betrayal” by opposition leaders": the agent speaks
    by = next((n for n in range(i + 1, len(toks)) if toks[n].lower == "by" and not quoted[n]
               and toks[n].start <= after[1] + 1), None)
    if by is not None:
        agent = _inverted_subject(text, toks, quoted, by + 1)
        if agent is None or toks[by - 1].start < after[0]:
            return None
        f.after = (after[0], toks[by - 1].end)
        f.np, f.appositive = agent
        f.passive, f.rule = False, "frame_passive_agent"
    return f


def _agent_first(text: str, toks: list[Token], quoted: list[bool], i: int, aux: int, e: int) -> Frame | None:
    """A passive cue with its agent first: `was rejected by Kabul as baseless`, `was described by one
    diplomat as “…”` (the agent speaks); any other cue before "by" reports nothing."""
    if not any(t.lower in PASSIVE_BE for t in toks[aux + 1:i]) or i + 2 >= len(toks):
        return None
    agent = _inverted_subject(text, toks, quoted, i + 2)
    if agent is None:
        return None
    n = next((n for n in range(i + 2, len(toks)) if toks[n].start >= agent[0][1]), len(toks))
    if n >= len(toks) or toks[n].lower not in ("as", "that"):
        return None
    tok = toks[i]
    return Frame(cue=tok.text, cue_start=tok.start, cue_end=tok.end, np=agent[0], appositive=agent[1],
                 after=(toks[n].start, _clause_end(text, toks, quoted, n, e)), rule="frame_agent_first")


def _parenthetical_close(toks: list[Token], quoted: list[bool], c: int) -> int | None:
    """The comma that closes a parenthetical cue, right at toks[c] or after a short adverbial
    (`, Stumpf explained earlier in the committee hearing,`), else None."""
    if c < len(toks) and toks[c].text == ",":
        return c
    if c >= len(toks) or not (toks[c].lower in PREPOSITIONS or fold(toks[c].text) in TIME_WORDS
                              or _adverb(toks[c])) or toks[c].lower in ("to", "that", "as", "of", "like"):
        return None
    for n in range(c + 1, min(c + 8, len(toks))):
        if quoted[n] or not (toks[n].is_word or toks[n].text == ",") or toks[n].lower in CUES \
                or toks[n].lower in BOUNDARY_WORDS:
            return None
        if toks[n].text == ",":
            return n
    return None


def _resumes(toks: list[Token], quoted: list[bool], n: int) -> bool:
    """Does the sentence go on at toks[n] after a parenthetical cue? Not with a quote of its own
    (`…, he said, “Quote”`), another clause (`, as they bristled`, `, and …`) or a participle
    (`, gaining 22,000 followers`)."""
    if n >= len(toks) or quoted[n] or not toks[n].is_word:
        return False
    w = toks[n].lower
    return w not in BOUNDARY_WORDS and w not in CONTRAST and w not in ("and", "or", "nor") \
        and not (w.endswith("ing") and not toks[n].is_cap)


def _opening_participle(toks: list[Token], quoted: list[bool], c: int = 0) -> Frame | None:
    """`Calling the deal “a disaster,” Trump said …`, `After warning that …, the envoy left`: the
    participle (at toks[c]) has its content up to the comma, and the main clause's subject speaks."""
    main = end = None
    for n in range(c + 1, len(toks) - 1):
        if quoted[n]:
            if toks[n].text in QUOTE_CHARS and toks[n - 1].text == "," and not quoted[n + 1]:
                main, end = n + 1, toks[n].end  # the comma inside the quote: `“a disaster,” Trump`
                break
        elif toks[n].text == ",":
            main, end = n + 1, toks[n].start
            break
        elif toks[n].text in (".", ";", ":", "?", "!"):
            return None
    if main is None or main >= len(toks) or end <= toks[c + 1].start:
        return None
    j = main
    if toks[main].lower in SUBJECT_PRONOUNS:
        j = main + 1
    else:
        while j < len(toks) and not quoted[j] and toks[j].is_word and (toks[j].is_cap or toks[j].lower == "the"):
            j += 1
        if toks[main].lower in DETERMINERS:
            # "the envoy left …", "the Pakistani defence minister said …": up to the person or body noun
            j = next((n + 1 for n in range(min(len(toks), main + 5) - 1, main, -1)
                      if (fold(toks[n].text) in PERSON_WORDS or fold(toks[n].text) in ORG_NOUNS)
                      and not any(quoted[main:n + 1])), j)
    if j == main or j >= len(toks) or toks[j].is_cap or not toks[j].is_word \
            or not _np_ok(toks[main:j]):
        return None  # no "Name verb" after the comma
    cue = toks[c]
    return Frame(cue=cue.text, cue_start=cue.start, cue_end=cue.end, np=(toks[main].start, toks[j - 1].end),
                 after=(toks[c + 1].start, end), rule="frame_opening_participle")


def _after_message(toks: list[Token], quoted: list[bool], i: int) -> bool:
    """Does the participle at toks[i] follow a message noun, maybe past a time
    (`a series of tweets early Friday saying …`)?"""
    k = i - 1
    while k > 0 and not quoted[k] and (fold(toks[k].text) in TIME_WORDS or _adverb(toks[k])
                                        or toks[k].lower in ("early", "late", "last", "on", "this")):
        k -= 1
    return not quoted[k] and toks[k].lower in MESSAGES


def _quote_after_adverbial(toks: list[Token], quoted: list[bool], c: int) -> bool:
    """Does a quote follow toks[c], right away (`asking, “…”`) or after a short adverbial
    (`saying during the debate last week, “…”`)?"""
    if c + 1 < len(toks) and toks[c].text in (",", ":") and quoted[c + 1]:
        return True
    if c >= len(toks) or not (toks[c].lower in PREPOSITIONS or fold(toks[c].text) in TIME_WORDS):
        return False
    for n in range(c + 1, min(c + 10, len(toks) - 1)):
        if quoted[n] or toks[n].text in (".", ";", "!", "?") or toks[n].lower in CUES:
            return False
        if toks[n].text in (",", ":"):
            return quoted[n + 1]
    return False


def _after(text: str, toks: list[Token], quoted: list[bool], i: int, lemma: str, e: int) -> tuple[int, int] | None:
    """The content after the cue at toks[i]: a quote, a that-clause, a to-infinitive or a clause."""
    c = i + 1 + _particle(toks, i)
    if lemma in STANCE_VERBS:  # "expressed deep concern that …" / "… about the policy"
        n = _stance(toks, quoted, i)
        if n is None or n + 2 >= len(toks) or quoted[n + 1]:
            return None
        if toks[n + 1].lower == "that":
            return toks[n + 1].start, _clause_end(text, toks, quoted, n + 1, e)
        if toks[n + 1].lower in ("about", "over", "at", "for", "with", "regarding", "in", "on") \
                and toks[n + 2].is_word:
            return toks[n + 2].start, _clause_end(text, toks, quoted, n + 2, e)
        return None
    if lemma == "continue" and not (c < len(toks) and (quoted[c] or toks[c].lower == "that" or (
            toks[c].text in (",", ":") and c + 1 < len(toks) and quoted[c + 1]))):
        return None  # "will continue their attacks" says nothing; `he continued, “…”` does
    if lemma == "use":  # "used the phrase “…”": the quote alone
        n = i + 3
        while n + 1 < len(toks) and quoted[n + 1]:
            n += 1
        return toks[i + 3].start, toks[n].end
    if c + 1 < len(toks) and toks[c].text in (",", ":") and quoted[c + 1]:
        return _after(text, toks, quoted, c, "say", e)  # `asked, “…”`: the quote, whatever the verb
    if lemma == "call":
        if c < len(toks) and toks[c].lower in ("on", "for", "upon"):
            c += 1
        elif any(quoted[c:]):  # "called Friday's decision a “huge win”"
            return (toks[c].start, _clause_end(text, toks, quoted, c, e)) if c < len(toks) else None
        else:
            return None
    elif lemma in ("respond", "reply") and c < len(toks) and toks[c].lower == "to":
        # "responded to the mother by saying …" is the participle's; "responded to X that …" says
        # that; "did not respond to requests for comment" is all there is
        for n in range(c + 1, len(toks)):
            if quoted[n] or toks[n].text in (";", "!", "?") or (toks[n].text == "." and not _abbrev(toks[n - 1])):
                break
            if toks[n].lower == "that":
                return toks[n].start, _clause_end(text, toks, quoted, n, e)
            if toks[n].lower == "by" and n + 1 < len(toks) and toks[n + 1].lower.endswith("ing"):
                return None
        if not any(t.lower in ENQUIRIES for t in toks[c + 1:c + 5]):
            return None  # "forces responded to the attack with artillery" is no speech
        end = _clause_end(text, toks, quoted, c, e)
        comma = next((t.start for t in toks[c + 1:] if t.text == "," and t.start < end), end)
        return toks[c].start, comma
    elif lemma in ADDRESSEE and c < len(toks) and toks[c].lower != "that":
        if lemma == "accuse":
            n = _object_end(toks, quoted, c, 12)
            while n < len(toks) and toks[n].text == ",":  # "accused the North's leader, Kim Jong Un, of …"
                n = _object_end(toks, quoted, n + 1, 12)
            if n < len(toks) and toks[n].lower == "of":
                return toks[n].start, _clause_end(text, toks, quoted, n, e)
        if lemma in WHOLE_OBJECT:
            # "urged both sides to …", "urged restraint": what was urged, addressee included
            return (toks[c].start, _clause_end(text, toks, quoted, c, e)) if toks[c].is_word else None
        c = _object_end(toks, quoted, c, 10)
    if toks[0].lower == "as" and c < len(toks) and toks[c].lower in PREPOSITIONS and lemma not in WHOLE_OBJECT \
            and not any(t.text == "," for t in toks[1:i]):
        # "As one user pointed out with a side-by-side, the gap …": the main clause after the adverbial
        c = next((n + 1 for n in range(c, min(c + 12, len(toks))) if toks[n].text == "," and not quoted[n]), c)
    # "said on Thursday that …", "declared on X, “…”": skip a short adverbial.
    n = c
    while n < len(toks) and n - c < 12 and toks[n].lower != "that" \
            and toks[n].text not in (".", ";", "!", "?") and (toks[n].lower not in CUES or toks[n].is_cap
                                                              or toks[n - 1].lower in NOUN_MARKERS  # "in a report"
                                                              or _adverbial_noun(toks, c, n)):
        if quoted[n]:
            after = _quoted_name_end(toks, quoted, n) if n > c else None
            if after is None:
                break
            n = after  # "said on CNN's “State of the Union” that …"
            continue
        if toks[n].text in (",", ":") and n + 1 < len(toks) and quoted[n + 1]:
            break
        n += 1
    if n < len(toks) and n > c and (toks[n].lower == "that" or (toks[n].text in (",", ":") and n + 1 < len(toks)
                                                                 and quoted[n + 1])):
        infinitive = toks[c].lower == "to" and lemma in ADDRESSEE  # "warned X to refrain from … that …"
        if (toks[c].lower in PREPOSITIONS and not infinitive) or fold(toks[c].text) in TIME_WORDS \
                or (toks[n].lower != "that" and not _clause_start(toks, c, n)) or all(_adverb(t) for t in toks[c:n]) \
                or (toks[c].text == "," and toks[n - 1].text == ","):  # "complain bitterly that", "claimed, without evidence, that"
            c = n
    while c < len(toks) and toks[c].text in (",", ":"):
        c += 1
    if c >= len(toks):
        return None
    if _dash(text, toks[c]) and not any(quoted[c + 1:c + 3]):
        # "said — and he meant it — that …": skip the aside; a lone dash starts the writer's own
        # ("a 15 percent rate -- far lower …")
        close = next((k for k in range(c + 2, min(c + 25, len(toks))) if _dash(text, toks[k])), None)
        if close is None:
            return None
        c = close + (2 if toks[close].text == "-" else 1)
        if c >= len(toks):
            return None
    nxt = toks[c]
    if nxt.text in (".", "?", "!", ";") or (nxt.lower in ("but", "and", "or", "yet") and toks[c - 1].text == ","
                                            and not (c + 1 < len(toks) and quoted[c + 1])):
        return None  # "agreed, but also contended that …": the next verb's; not `said, and “…”`
    t = c
    while t < len(toks) and not quoted[t] and (_time_word(toks[t]) or (toks[t].text == "." and t > c)):
        t += 1
    if c < t < len(toks) and any(fold(x.text) in TIME_NOUNS for x in toks[c:t]) \
            and (toks[t].lower in CLAUSE_PRONOUNS or toks[t].lower in ("the", "a", "an") or toks[t].is_cap):
        c, nxt = t, toks[t]  # "said Monday he had not decided": the clause after the day
    if nxt.lower in PREPOSITIONS and lemma not in WHOLE_OBJECT and not _quantity(toks, c):
        # "said after the convention he would …": skip the adverbial to the clause's subject
        for n in range(c + 1, min(c + 7, len(toks))):
            if quoted[n] or toks[n].text in (",", ".", ";"):
                break
            if toks[n].lower in CLAUSE_PRONOUNS or (toks[n].lower in ("the", "a", "an")
                                                     and fold(toks[n - 1].text) in TIME_NOUNS):
                c, nxt = n, toks[n]  # "told CNN on Sunday the talks had failed"
                break
    body_end = _clause_end(text, toks, quoted, c, e)
    if quoted[c]:
        # `declared, “…,” signaling …`: the quote is the content, not what trails it.
        n = c
        while n + 1 < len(toks) and quoted[n + 1]:
            n += 1
        if n + 2 < len(toks) and not quoted[n + 2] and (toks[n + 1].text == "," or toks[n + 1].lower in (
                "and", "but", "until", "before", "after", "while", "as", "when", "because", "then")
                and _char_before(text, toks[n].end, QUOTE_CHARS) in ".,!?"
                or toks[n + 1].lower in ("until", "before", "after", "while", "when", "because")
                or (toks[n + 1].lower == "as" and toks[n + 2].lower in CLAUSE_PRONOUNS)):
            # `chanted “What curfew?” and kept going`, `says, “Don't,” until …`, `chanted "No justice,
            # no peace" as they marched`; not `said “budget reforms” and the collection of taxes would …`
            return nxt.start, toks[n].end
    if quoted[c] or nxt.text in QUOTE_CHARS or nxt.lower == "that" or lemma in WHOLE_OBJECT:
        if all(_time_word(t) or t.lower in DAY_PARTS for t in toks[c:] if t.is_word and t.start < body_end):
            return None  # "…, a spokesman announced Monday morning.": only a time; the content is before
        return nxt.start, body_end
    if (lemma in ADDRESSEE or lemma in ("hope", "agree")) and nxt.lower == "to":
        return nxt.start, body_end  # "tells his supporters to “go vote”", "hopes to offset …"
    if lemma in ADDRESSEE and c > i + 1 and (nxt.lower in CLAUSE_PRONOUNS or (
            nxt.lower in ("the", "a", "an") and any(t.lower in FINITE or (t.lower.endswith("ed") and not t.is_cap)
                                                    for t in toks[c + 2:c + 6]))):
        return nxt.start, body_end  # "told the forum he was …", "told police the gunman …": the clause after
    if lemma == "tell" or lemma in ADDRESSEE:
        return None
    if nxt.is_word and (nxt.lower not in PREPOSITIONS or _quantity(toks, c)) and fold(nxt.text) not in TIME_WORDS \
            and not (nxt.lower in CUES and nxt.lower.endswith("ing")) \
            and not nxt.lower.endswith("ly") and nxt.lower not in ("so", "yes", "not", "goodbye", "hello") \
            and not (nxt.lower == "no" and (c + 1 >= len(toks) or not toks[c + 1].is_word
                                            or toks[c + 1].lower in ("to", "one", "more"))):  # "said no to …"
        return nxt.start, body_end  # a clause without "that": "said more would follow"
    return None


def _particle(toks: list[Token], i: int) -> int:
    """1 when the cue at toks[i] has a particle that is no content ("pointed out, …"), else 0."""
    return int(CUES.get(toks[i].lower) == "point" and i + 1 < len(toks) and toks[i + 1].lower == "out")


def _stance(toks: list[Token], quoted: list[bool], i: int) -> int | None:
    """`expressed deep concern`, `voiced his support`: the stance noun after the verb at toks[i]."""
    for n in range(i + 1, min(i + 5, len(toks))):
        if quoted[n] or not toks[n].is_word or toks[n].is_cap:
            return None
        if toks[n].lower in STANCES:
            return n
        if toks[n].lower in PREPOSITIONS or toks[n].lower in BOUNDARY_WORDS:
            return None
    return None


def _adverbial_noun(toks: list[Token], c: int, n: int) -> bool:
    """Is the cue word at toks[n] a noun inside an adverbial opened by a preposition at toks[c]: two
    words after its article (`said in a blog post on Tuesday that …`), or just before "that" (`told
    analysts on a conference call that …`)?"""
    if n - 2 >= c and toks[n - 2].lower in NOUN_MARKERS and toks[c].lower in PREPOSITIONS \
            and toks[n - 1].lower not in CUES:
        return True
    return n > c + 1 and toks[c].lower in ("on", "in", "at", "during", "via", "over") and n + 1 < len(toks) \
        and toks[n + 1].lower == "that" and toks[n - 1].is_word and toks[n - 1].lower not in CLAUSE_PRONOUNS \
        and not toks[n].lower.endswith("ing")


def _clause_start(toks: list[Token], c: int, n: int) -> bool:
    """Does toks[c:n] open a clause of its own ("said she has what the job needs: “…”"), rather than
    name when or where ("said on Monday: “…”")?"""
    return toks[c].lower not in PREPOSITIONS and any(t.lower in FINITE for t in toks[c + 1:n])


_ANONYMITY = re.compile(r"\s*(?:(?:not )?to be|that (?:only )?(?:his|her|their|its) (?:full |last |first )?names?"
                        r"(?:, [^,]{1,40},)? (?:not )?be) (?:named|identified|used|published|quoted)")
# "speaking on condition of anonymity": the terms of speaking, where "said on condition of …" says something
_ANONYMOUS_SPEAKING = re.compile(r"\s*(?:(?:on|under) (?:the )?condition of anonymity|anonymously\b)")


def _anonymity(text: str, toks: list[Token], i: int) -> bool:
    """Does the cue at toks[i] only ask for, or grant, anonymity ("asked not to be named", "did not want
    to be identified", "asked that her last name not be used", "speaking on condition of anonymity")?"""
    return _ANONYMITY.match(text, toks[i].end) is not None \
        or (CUES[toks[i].lower] == "speak" and _ANONYMOUS_SPEAKING.match(text, toks[i].end) is not None)


def _quantity(toks: list[Token], c: int) -> bool:
    """Does a number phrase start at toks[c] ("at least 12 people", "about 300 troops"), which is
    a clause's subject rather than an adverbial?"""
    if c + 2 < len(toks) and toks[c].lower == "at" and toks[c + 1].lower in ("least", "most"):
        return True
    return c + 1 < len(toks) and toks[c].lower in ("about", "around", "over", "under", "nearly", "almost", "roughly",
                                                   "some", "up") \
        and (toks[c + 1].text[:1].isdigit() or toks[c + 1].lower in ("to", "a", "half", "one", "two", "three", "dozens",
                                                                      "hundreds", "thousands", "millions"))


def _clause_end(text: str, toks: list[Token], quoted: list[bool], c: int, e: int) -> int:
    """Where the content that starts at toks[c] ends: before ', X said' or the final stop."""
    end = e
    if toks[0].lower in SUBORDINATORS and not any(t.text == "," and not quoted[k] for k, t in enumerate(toks[:c])):
        # "Though she called X “outrageous”, Clinton restricted …": the subordinate clause ends
        # at the comma before the main clause's subject
        for n in range(c + 1, len(toks) - 1):
            if toks[n].text == "," and not quoted[n] and (toks[n + 1].is_cap or toks[n + 1].lower in SUBJECT_PRONOUNS):
                end = e = toks[n].start
                break
    for n in range(c + 1, len(toks)):
        if quoted[n]:
            continue
        if toks[n].text == ";" or (toks[n].text == ":" and toks[c].lower == "that" and n + 1 < len(toks)
                                   and quoted[n + 1] and text[toks[n + 1].end:toks[n + 1].end + 1].isupper()):
            # `warned that Kabul would act: “We want …”`: a that-clause is a report complete in
            # itself; the full quote after its colon is the speaker's own words, a record of its own
            end = toks[n].start
            break
        if (_dash(text, toks[n]) or (quoted[n - 1] and text[toks[n].start - 1:toks[n].end + 1] == " - ")) \
                and n > c + 1 and not any(_dash(text, t) for t in toks[n + 1:]) \
                and sum(_dash(text, t) for t in toks[c:n]) % 2 == 0 and not (n + 1 < len(toks) and quoted[n + 1]):
            # "… as a “con artist” ― just as he did …": an unpaired dash ends it (not `— “my friend.”`)
            end = toks[n].start
            break
        if toks[n].text == "," and n + 2 < len(toks) and ((toks[n + 1].lower in ("he", "she", "they", "it")
                                                           and toks[n + 2].lower in CUES)
                                                          or (toks[n + 1].lower in ("a", "an")
                                                              and toks[n + 2].lower in NOUN_CUES)):
            # ", he said" ends it, and so does the writer's ", a claim Kabul denies"
            end = toks[n].start
            break
        if quoted[n - 1] and toks[n].lower not in ("and", "or") and toks[n].text not in QUOTE_CHARS \
                and _as_quoted(toks, quoted, c, n - 1):
            end = toks[n].start  # `Clinton as a “disgrace” Wednesday on …`: the predicate ends with its quote
            break
        if _after_comma(text, toks, quoted, n) and (toks[n].lower in CONTRAST or _participle_after(toks, n, c)):
            # ", stating that …" is an attribution of its own; ", but he has …" and ", (implicitly)
            # engaging in …" are the writer's, not the speaker's. A comma inside a closing quote
            # (`“jobs, jobs, jobs,” but he has …`, `“… ago,” adding that …`) stays with the quote.
            end = toks[n - 1].start if toks[n - 1].text == "," and not quoted[n - 1] else toks[n].start
            break
    while end > toks[c].start and text[end - 1] in " .\n" and not _ends_in_quote(text, end):
        end -= 1
    return end


def _after_comma(text: str, toks: list[Token], quoted: list[bool], n: int) -> bool:
    """Does toks[n] follow a comma, a plain one or one inside a closing quote (`“… ago,” adding`)?"""
    return n > 0 and (toks[n - 1].text == "," or (
        quoted[n - 1] and _char_before(text, toks[n].start, QUOTE_CHARS + " ") == ","))


def _participle_after(toks: list[Token], n: int, c: int) -> bool:
    """Does a participle open at toks[n] (after an adverb: "implicitly putting"), in a clause that
    began at toks[c]?  "including" extends a noun phrase instead, and opens nothing."""
    if n + 1 < len(toks) and _adverb(toks[n]) and toks[n + 1].lower.endswith("ing"):
        if toks[n].lower in HEDGES:
            return False  # ", potentially leading to …": the speaker's own forecast goes on
        n += 1
    tok = toks[n]
    return tok.lower.endswith("ing") and tok.lower not in NOUN_EXTENDERS \
        and (tok.lower in CUES or (not tok.is_cap and n > c + 4))


def _antecedent(text: str, toks: list[Token], quoted: list[bool], k: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at toks[k] stands for: `McConnell, now the majority
    leader, who …` → McConnell; of `Patti LaBelle and Stevie Wonder, who …`, the last."""
    if k == 0:
        return None
    comma = toks[k - 1].text in (",", "—", "–", "--")  # "Hillary Clinton — who's called for …"
    np = _subject_region(toks, quoted, k - 1 if comma else k, True)[0]
    if np is None and toks[k - 1].text != "," and comma and k > 1 and toks[k - 2].is_cap and not quoted[k - 2]:
        # "with Hillary Clinton — who's called for …": a name after a preposition
        n = _name_start(toks, quoted, k - 2)
        np = (toks[n].start, toks[k - 2].end) if _np_ok(toks[n:k - 1]) else None
    if np is None and (toks[k - 1].text == "," or not comma):
        np = _object_before(toks, quoted, k, comma)  # "alarm among regional actors who are urging …"
    if np is None:
        return None
    dets = [t for t in toks if np[0] <= t.start < np[1] and t.lower in ("the", "a", "an")]
    if not comma and dets:
        np = (dets[0].start, np[1])  # "cutting off a reporter who asked": the noun phrase only
    there = re.match(r"there\s+(?:are|is|were|was)\s+", text[np[0]:np[1]], re.I)
    if there and there.end() < np[1] - np[0]:
        np = (np[0] + there.end(), np[1])  # "there are some economists who argue …": the economists
    last_and = max((n for n, t in enumerate(toks) if np[0] < t.start < np[1] and t.lower == "and"), default=None)
    return (toks[last_and + 1].start, np[1]) if last_and is not None else np


LOCATIVES = {"in", "on", "at", "near", "inside", "outside", "across", "around", "along", "throughout", "within",
             "behind", "beyond", "over", "under", "through", "into", "toward", "towards"}  # their object is a place: "in Ferguson, which …"


def _object_before(toks: list[Token], quoted: list[bool], k: int, comma: bool) -> tuple[int, int] | None:
    """The noun phrase right before a relative pronoun at toks[k] after a preposition or verb:
    `among regional actors who`, `turned to the Chicago Police Department which`, `disclosed them
    to the AP, which`; never the object of a place preposition (`along the Durand Line who`)."""
    end = k - 1 if comma else k
    n = end
    while n > 0 and end - n < 6 and toks[n - 1].is_word and not quoted[n - 1] \
            and not _governs(toks[n - 1]) and toks[n - 1].lower not in VERBISH | (BOUNDARY_WORDS - {"and"}):
        n -= 1
    if n == end or n == 0 or not _governs(toks[n - 1]) or toks[n - 1].lower in LOCATIVES:
        return None  # "Democrats on Capitol Hill, who …": a place is no antecedent
    return toks[n].start, toks[end - 1].end


def _governs(tok: Token) -> bool:
    """A preposition or a verb form, whose object a noun phrase can be."""
    return tok.lower in PREPOSITIONS or (tok.lower.endswith(("ed", "ing")) and tok.lower not in NOT_VERBS)


def _relative_clause_end(text: str, toks: list[Token], quoted: list[bool], after: tuple[int, int]) -> tuple[int, int]:
    """`The senator, who called the plan “a disaster,” left early`: a clause between commas
    ends at its closing comma, inside a quote or not."""
    for n, t in enumerate(toks):
        if not after[0] < t.start < after[1] or n + 1 >= len(toks) or quoted[n + 1]:
            continue
        if t.text == "," and not quoted[n]:
            return after[0], t.start
        if quoted[n] and t.text in QUOTE_CHARS and _char_before(text, t.start, "") == ",":
            return after[0], t.end
    return after


def _dash(text: str, tok: Token) -> bool:
    """A dash, or the first half of ` -- ` typed for one (a lone ` - ` joins as often as it ends)."""
    return tok.text in DASHES or (tok.text == "-" and text[tok.start - 1:tok.end + 2] == " -- ")


def _as_quoted(toks: list[Token], quoted: list[bool], c: int, last: int) -> bool:
    """Does the quote ending at toks[last] follow 'as (a|an|the)' (`described X as a “…”`)?"""
    first = last
    while first > c and quoted[first - 1]:
        first -= 1
    lead = [t.lower for t in toks[max(c, first - 3):first] if t.text not in QUOTE_CHARS]
    return "as" in lead[-2:] and (lead[-1] == "as" or lead[-1] in ("a", "an", "the"))


def _ends_in_quote(text: str, end: int) -> bool:
    return end >= 2 and text[end - 1] == "." and text[end - 2] in QUOTE_CHARS


def _content_before(text: str, toks: list[Token], quoted: list[bool], lo: int, hi: int) -> tuple[int, int] | None:
    """Content before the speaker: from the sentence start to the comma or quote before it."""
    if lo == 0 and toks[0].is_cap and toks[0].lower.endswith("ing") and toks[0].lower in CUES:
        return None  # "Calling the deal “a disaster,” Trump said": the participle's own content
    n = hi
    if n < lo or not (toks[n].text in (",",) + DASHES or (quoted[n] and _char_before(
            text, toks[n].end, QUOTE_CHARS + " ") in (",", ".", "!", "?", "…", "-", "—"))):
        return None
    while n >= lo and toks[n].text in (",",) + DASHES:
        n -= 1
    if n < lo:
        return None
    if quoted[n]:
        # `… so. “Quote,” he said`: the content is the quotation, not the sentence before it
        end, m = toks[n].end, n
        while m > lo and quoted[m - 1]:
            m -= 1
        if m == lo or toks[m - 1].text in (".", "?", "!", ":", ";"):
            return toks[m].start, end
    start = toks[lo].start
    end = toks[n].end
    if end - start < 2:
        return None
    return start, end


def _inverted_subject(text: str, toks: list[Token], quoted: list[bool], k: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """`said X, the director of Y` → (X, appositive)."""
    n = k
    while n < len(toks) and not quoted[n] and (toks[n].text not in (",", ".", ";", ":", "!", "?")
                                               or (toks[n].text == "." and n > k and _abbrev(toks[n - 1])))\
            and toks[n].lower not in ("in", "on", "at", "during", "after", "that", "to", "when", "as", "before",
                                      "who", "whose", "which") \
            and _dash_at(text, toks, n) is None:  # "said a woman who gave …"
        n += 1
    while n > k and toks[n - 1].text == ".":
        n -= 1
    if n == k:
        return None
    np = toks[k:n]
    if not _np_ok(np, lenient=len(np) == 1) or (
            np[0].lower in PRONOUNS and len(np) == 1 and np[0].lower not in ("he", "she", "they", "it")):
        return None
    appos = None
    if n + 3 < len(toks) and toks[n].text == "," and toks[n + 1].text.isdigit() and toks[n + 2].text == ",":
        n += 2  # "said Tom Baker, 62, a retired machinist": past the age
    if n < len(toks) and toks[n].text == ",":
        m = n + 1
        while m < len(toks) and not quoted[m] and toks[m].text not in (".", ";", "!", "?", "—"):
            m += 1
        if m > n + 1 and (toks[n + 1].lower in ("the", "a", "an", "who") or _bare_role(toks[n + 1:m])):
            appos = (toks[n + 1].start, toks[m - 1].end)
    elif n < len(toks) and not quoted[n]:  # "said Jane Doe — the group's director — on Monday"
        a = n + (2 if toks[n].text == "-" and _dash(text, toks[n]) else 1)
        m = a
        while m < len(toks) and not quoted[m] and toks[m].text not in (".", ";", "!", "?") \
                and _dash_at(text, toks, m) is None:
            m += 1
        if m > a and toks[a].lower not in CONNECTIVES and toks[a].lower not in BOUNDARY_WORDS:
            appos = (toks[a].start, toks[m - 1].end)
    return (np[0].start, np[-1].end), appos


def _bare_role(toks: list[Token]) -> bool:
    """`director of the South Asia Institute`, `deputy mayor of Springfield`: a role with no article."""
    for t in toks[:4]:
        if t.is_cap or not t.is_word or t.lower in PREPOSITIONS:
            return False
        if fold(t.text) in PERSON_WORDS:
            return True
    return False


def _abbrev(tok: Token) -> bool:
    return tok.lower in ABBREVIATIONS or (tok.is_cap and len(tok.text.replace(".", "")) <= 2)


def _according(text: str, toks: list[Token], quoted: list[bool], i: int, e: int) -> Frame | None:
    n = i + 2
    while n < len(toks) and not quoted[n] and toks[n].text not in (",", ".", ";", ":"):
        n += 1
    np = toks[i + 2:n]

    def ok(run: list[Token]) -> bool:  # a cue word after "the" is a noun or adjective: "the state news agency"
        return bool(run) and (_np_ok(run) or (len(run) <= 8 and not any(
            t.lower in CUES and not (k and run[k - 1].lower in NOUN_MARKERS) for k, t in enumerate(run))))

    if np and not ok(np):
        # "according to a complaint filed by the SEC and …": the head before its modifiers
        cut = next((k for k, t in enumerate(np) if k >= 2 and (t.text == "(" or (
            not t.is_cap and (t.lower in PREPOSITIONS - {"of"} or t.lower.endswith("ed"))))), None)
        np = np[:cut] if cut else []
    if not ok(np):
        return None
    frame = Frame(cue="according to", cue_start=toks[i].start, cue_end=toks[i + 1].end,
                  np=(np[0].start, np[-1].end), according=True, rule="frame_according_to")
    if i > 0:
        frame.before = _content_before(text, toks, quoted, 0, i - 1)
    if n < len(toks) and toks[n].text == "," and n + 1 < len(toks) and not frame.before:
        # "According to X, S": S follows; in "S, according to X, more …" it precedes
        frame.after = (toks[n + 1].start, _clause_end(text, toks, quoted, n + 1, e))
    return frame


def _name_as_adjective(toks: list[Token], quoted: list[bool], i: int) -> bool:
    """`a New York Times report`: a name between "a" and the word at i, which is a noun."""
    if i < 2 or not toks[i - 1].is_cap or quoted[i - 1]:
        return False
    k = _name_start(toks, quoted, i - 1)
    return k > 0 and toks[k - 1].lower in ("a", "an")


def _noun_cue_frame(text: str, toks: list[Token], quoted: list[bool], i: int, e: int) -> Frame | None:
    """`Donald Trump’s claim that there have been “thousands of shootings”`, `contrary to his claim
    that …`: the owner speaks; `a New York Times report that …`: the name does."""
    own = _owner_at(toks, quoted, i)
    if own is None:
        own = i - 1  # "a New York Times report": the name before the noun
    k = own if toks[own].lower in POSSESSIVE_PRONOUNS else _name_start(toks, quoted, own)
    if k == 0 and k < own and (toks[0].lower in PREPOSITIONS or toks[0].lower == "contrary"
                               or toks[0].lower.endswith("ing")):
        k = 1  # "Despite Trump's claim that …", "Contradicting police's claim that …": no part of the name
    if k == 0 or not (toks[k].is_cap or k == own and toks[k].lower in POSSESSIVE_PRONOUNS) or quoted[k]:
        # "the minister's claim" has no name to give; as the sentence's subject ("Trump's claim that
        # … angered many") the clause ends before a main verb that only a parser could find
        return None
    np = (toks[k].start, toks[own].end - (2 if possessive(toks[own]) else 0))
    if fold(text[np[0]:np[1]]) in TIME_WORDS:
        return None  # "Monday’s statement that …"
    return Frame(cue=toks[i].text, cue_start=toks[i].start, cue_end=toks[i].end, np=np,
                 after=(toks[i + 1].start, _noun_content_end(text, toks, quoted, i, i + 1, e)), rule="frame_noun_cue")


def _owner_at(toks: list[Token], quoted: list[bool], i: int) -> int | None:
    """The possessive that owns the noun cue at toks[i], right before it or past one or two modifiers
    ("Trump's claim", "his claim", "police's earlier claim", "Kabul's repeated false claims")."""
    for n in range(i - 1, max(0, i - 4), -1):
        if quoted[n]:
            return None
        if possessive(toks[n]) or toks[n].lower in POSSESSIVE_PRONOUNS:
            return n
        owned = n > 0 and (possessive(toks[n - 1]) or toks[n - 1].lower in POSSESSIVE_PRONOUNS)
        if toks[n].is_cap or not toks[n].is_word or toks[n].lower in FINITE or toks[n].lower in DETERMINERS \
                or (toks[n].lower in CUES and not (owned and toks[n].lower.endswith("ed"))):  # "her repeated claims"
            return None
    return None


def _noun_from_frame(text: str, toks: list[Token], quoted: list[bool], i: int, e: int) -> Frame | None:
    """`despite repeated warnings from his attorney that …`, `claims by officials that …`: the noun
    phrase after "from"/"by" speaks; the that-clause is the content."""
    that = next((n for n in range(i + 3, min(i + 10, len(toks) - 1)) if toks[n].lower == "that"), None)
    if that is None or any(quoted[i:that + 1]) or all(t.lower in DETERMINERS for t in toks[:i]):
        return None  # as the sentence's subject ("Claims by officials that … proved false"), see _noun_cue_frame
    np = toks[i + 2:that]
    nxt = toks[that + 1]
    clause = nxt.is_cap or nxt.lower in CLAUSE_PRONOUNS or nxt.lower in DETERMINERS or nxt.lower == "there" \
        or (that + 2 < len(toks) and nxt.is_word and toks[that + 2].lower in FINITE)
    if not clause or not _np_ok(np) or any(t.lower in CUES or t.text == "," for t in np):
        return None  # "the report by the agency that was released Monday": a relative clause
    return Frame(cue=toks[i].text, cue_start=toks[i].start, cue_end=toks[i].end, np=(np[0].start, np[-1].end),
                 after=(toks[that].start, _noun_content_end(text, toks, quoted, i, that, e)), rule="frame_noun_from")


def _noun_content_end(text: str, toks: list[Token], quoted: list[bool], i: int, c: int, e: int) -> int:
    """Where a noun cue's content from toks[c] ends: "Contrary to his claim that …, wages fell" at the
    comma that closes the opening adverbial the noun is in, else where the clause ends."""
    end = _clause_end(text, toks, quoted, c, e)
    opener = toks[0].lower in ADVERBIAL_STARTS or toks[0].lower == "contrary" or toks[0].lower.endswith("ing")
    if opener and not any(t.text == "," for t in toks[:i]):
        comma = next((n for n in range(c + 1, len(toks)) if not quoted[n] and toks[n].start < end
                      and _after_comma(text, toks, quoted, n)), None)
        if comma is not None:
            end = toks[comma - 1].end if quoted[comma - 1] else toks[comma - 1].start
    return end


def _put_it_frame(text: str, toks: list[Token], quoted: list[bool], i: int, e: int) -> Frame | None:
    """`…, as a Homeland Security memo put it.` / `as The New Yorker put it, “the operator.”`"""
    a = None
    for k in range(i - 1, max(-1, i - 40), -1):
        if quoted[k] or toks[k].text in (";", ":"):
            return None
        if toks[k].lower == "as":
            a = k
            break
    if a is None:  # "Doe put it bluntly: “We lost.”"
        c = i + 2
        if c + 1 < len(toks) and toks[c].lower == "this" and toks[c + 1].lower == "way":
            c += 2
        while c < len(toks) and not quoted[c] and _adverb(toks[c]):
            c += 1
        span, appositive, _, _ = _subject(text, toks, quoted, i)
        if span is None or not (c + 1 < len(toks) and toks[c].text in (",", ":") and quoted[c + 1]):
            return None
        return Frame(cue="put it", cue_start=toks[i].start, cue_end=toks[i + 1].end, np=span, appositive=appositive,
                     after=_after(text, toks, quoted, c - 1, "say", e), rule="frame_put_it")
    if a + 1 >= i:
        return None
    np = toks[a + 1:i]
    if _np_ok(np, lenient=True):
        span, appositive = (np[0].start, np[-1].end), None
    else:  # "as Jane Doe, a tax lawyer and fellow at the center, recently put it"
        span, appositive, _, first = _subject(text, toks, quoted, i)
        if span is None or first <= a:
            return None
    frame = Frame(cue="put it", cue_start=toks[i].start, cue_end=toks[i + 1].end, np=span, appositive=appositive,
                  rule="frame_as_put_it")
    rest = next((k for k in range(i + 2, len(toks)) if quoted[k] or toks[k].text in (".", ";")), len(toks))
    if rest < len(toks) and quoted[rest] and toks[rest - 1].text in (",", ":"):
        frame.after = _after(text, toks, quoted, rest - 2, "say", e)  # "put it in an exposé, “the operator.”"
    elif a > 0:
        frame.before = _content_before(text, toks, quoted, 0, a - 1)
    else:  # "As one analyst put it, …", "As Ms. Simonyan put it in a statement to a colleague in July, …"
        comma = next((k for k in range(i + 2, min(i + 20, len(toks) - 1)) if toks[k].text == "," and not quoted[k]),
                     None)
        if comma is not None and not any(t.text in (".", ";") and not _abbrev(toks[n - 1])
                                         for n, t in enumerate(toks[i + 2:comma], i + 2)):
            frame.after = (toks[comma + 1].start, _clause_end(text, toks, quoted, comma + 1, e))
    return frame if frame.after or frame.before else None


def _colon_frame(text: str, toks: list[Token], quoted: list[bool], i: int) -> Frame | None:
    """Headline style 'Sanders: Clinton needs to …' (or 'Obama on Climate Change: …') — a
    short name, a colon, the content to the headline's end."""
    if quoted[i] or i > 8 or i + 1 >= len(toks):
        return None
    on = next((k for k in range(1, i) if toks[k].lower == "on"), i)  # "Obama on Climate Change:"
    if on == i and i > 4:
        return None
    np = toks[:on]
    if not all(t.is_cap or not t.is_word for t in np) or not _np_ok(np):
        return None
    if classify_name(text[np[0].start:np[-1].end]) not in ("person", "organisation", "publication"):
        return None
    if place_of(text[np[0].start:np[-1].end]) or fold(np[0].text) in DEMONYMS or fold(np[0].text) in NOT_SPEAKERS:
        return None
    content = (toks[i + 1].start, toks[-1].end if toks[-1].text not in (".", "!", "?") or quoted[-1]
               else toks[-2].end)
    if not any(quoted[i + 1:]):
        return None  # only quoted material makes "X: …" an attribution
    return Frame(cue=":", cue_start=toks[i].start, cue_end=toks[i].end, np=(np[0].start, np[-1].end), after=content,
                 rule="frame_colon_headline")
