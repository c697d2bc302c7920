"""Attribution: who a speaker mention is.

Given the noun phrase next to a cue ("Afghan foreign minister Amir Khan Muttaqi",
"he", "one resident", "the ministry"), work out the canonical name, role, affiliation
and speaker type, resolving pronouns, surnames and definite descriptions against the
people and organisations named earlier in the same article, and names against the
cross-article speaker registry.  Pure: no I/O but reading the registry file once.
"""
from __future__ import annotations

import bisect
import json
import os
import re
from collections import Counter
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .words import (ABBREVIATED_TITLES, BODY_NOUNS, COLLECTIVE, COMPASS, DEMONYMS, DETERMINERS, DOCUMENT_NOUNS,
                    HEADLINE_WORDS, HONORIFICS, IDENTITY_WORDS, INDEFINITE, MESSAGES, MODIFIED_NOUNS, NAME_PARTICLES,
                    NAME_SUFFIXES, NAMING_TITLES, NUMBER_WORDS, ORG_NAME_ENDS, ORG_NOUNS, PARTY_WORDS, PEOPLE_NOUNS,
                    PEOPLE_OR_ORG_NOUNS, PERSON_TITLES, PERSON_WORDS, PLACES, POSSESSIVE_PRONOUNS, PRONOUNS,
                    PUBLICATION_HEADS, PUBLICATION_WORDS, ROLE_JOINERS, ROLE_WORDS, SEATS, SENTENCE_START_WORDS,
                    STATE_ABBREVIATIONS, TITLES, TITLE_FORMS, TITLE_QUALIFIERS, TITLE_WORDS, WORKS)
from ..entities import entity_type, is_first_name
from .lexicon import CUES, VERBISH
from ..gender import gender_of, pronoun_gender
from ..model import slug
from ..text import WORD, Spans, Token, is_nickname, possessive, tokens

# "released by Amnesty International on Monday": who issued a document, up to a time or place.
_ISSUED_BY = re.compile(r"[\s,]*(?:released|published|issued|written|signed|compiled|produced|commissioned|sent|"
                        r"posted|prepared)\s+(?:\w+ly\s+)?by\s+(.+?)(?=\s+(?:on|in|at|last|this|earlier|after|"
                        r"before|during|to|for|and|which|that)\b|[\s,.]*$)")


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker.  `mention`/`start`/`end` are the words next to the quote."""

    mention: str
    start: int
    end: int
    type: str  # person | organisation | publication | anonymous
    name: str | None = None
    role: str | None = None
    affiliation: str | None = None
    guessed: bool = False  # resolved through a pronoun, surname or description

    @property
    def id(self) -> str | None:
        # Anonymous descriptions ("one resident") name nobody, so they get no speaker page.
        return slug(self.name) if self.name and self.type != "anonymous" else None


def fold(s: str) -> str:
    """Case- and accent-insensitive key for names."""
    if s.isascii():
        return " ".join(s.lower().replace("’", "'").split())  # the common case, without NFKD
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.lower().replace("’", "'").split())


@dataclass(frozen=True)
class RegistryEntry:
    name: str
    aliases: tuple[str, ...]
    type: str
    role: str | None
    affiliation: str | None


@lru_cache(maxsize=4)
def load_registry(path: str | None = None) -> dict[str, RegistryEntry]:
    """Map folded alias → entry.  QUOTES_SPEAKERS overrides the bundled registry."""
    path = path or os.environ.get("QUOTES_SPEAKERS") or str(Path(__file__).parents[1] / "data" / "speakers.json")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    out = {}
    for item in data.get("speakers", []):
        entry = RegistryEntry(item["name"], tuple(item.get("aliases", [])), item.get("type", "person"),
                              item.get("role"), item.get("affiliation"))
        for alias in (entry.name, *entry.aliases):
            out[fold(alias)] = entry
    return out


def _strip_possessive(word: str) -> str:
    return re.sub(r"[’']s$", "", word)


def is_name_token(tok: Token) -> bool:
    t = tok.text
    return (t[:1].isupper() and any(c.isalpha() for c in t)) or fold(t) in NAME_PARTICLES


def place_of(words: str) -> str | None:
    """A country for a demonym or place mention ("Afghan" → Afghanistan, "Pakistan's" → Pakistan)."""
    w = fold(_strip_possessive(words.strip()))
    if w in DEMONYMS:
        return DEMONYMS[w]
    if w in PLACES:
        return _strip_possessive(words.strip())
    return None


def classify_name(name: str) -> str:
    """person | organisation | publication for a capitalised name."""
    words = [fold(w) for w in re.findall(r"[\w.'’-]+", name)]
    low = fold(name)
    if low.endswith((".com", ".org", ".net")) or (words and words[-1] in PUBLICATION_WORDS and len(words) <= 4
                                                  and not any(w in ORG_NOUNS for w in words)):
        return "publication"
    bare = low.removeprefix("the ")
    if bare in PLACES or bare in ORG_NOUNS or any(w in ORG_NOUNS for w in words):  # "White House" whole
        return "organisation"
    if words and (words[-1] in ORG_NAME_ENDS or words[-1].rsplit("-", 1)[-1] in ORG_NOUNS):
        return "organisation"  # "Inter-Services Public Relations", "Acme Industries", "Joint Inter-Agency"
    if all(w.isupper() for w in re.findall(r"[\w]+", name)) and len(name) <= 6:
        return "organisation"  # an acronym: UN, TTP, NATO
    if " and " in f" {low} " and all(fold(p.strip()) in PLACES for p in re.split(r"\band\b|,", low) if p.strip()):
        return "organisation"
    return "person"


# What entities.py can call a name that no one can be: never a speaker nor what "he" or "it" means.
NOT_SPEAKER_TYPES = frozenset({"place", "date", "event", "building", "furniture"})
# A trade before a name ("Painter Celeste Amari", "Epidemiologist Fatima Qureshi"): a noun for
# someone who does something, by its ending; PERSON_WORDS has the rest ("Chef", "Nurse").
_AGENT_NOUN = re.compile(r"[a-z]{2,}(?:er|or|ist|ian|ant|ent|man|woman|monger|master|smith|wright)")
_TRADES = {"chef", "guide", "pilot", "poet", "cook", "clerk", "nurse", "coach", "midwife", "priest", "monk",
           "nun", "pastor", "chief", "owner", "trader", "farmer", "baker", "butcher", "barber", "tailor",
           "marshal", "sheriff", "warden", "chaplain", "medic", "surgeon"}


def _trade(word: str) -> bool:
    w = fold(word)
    return w in PERSON_WORDS or w in _TRADES or bool(_AGENT_NOUN.fullmatch(w))


def trade_word(words: list[str]) -> bool:
    """Is the first of a name's words (part of) a trade, not a name ("Chef Vivian Ng", "Fire
    Marshal Owen Pryce"; not "Harper Lee")?

    Evidence, not capitalisation: a known first name follows a trade of one or two words, none of
    them a known first name, and a surname follows the first name."""
    return any(len(words) >= i + 2 and is_first_name(words[i]) and _trade(words[i - 1])
               and not any(is_first_name(w) for w in words[:i]) for i in (1, 2))


USAGE_WINDOW = 20_000  # characters either side of a name that entities.usage reads
_AGE_AFTER = re.compile(r",\s*(\d{1,3}),")  # the age news gives after a name
NEAR_NAME = 250  # characters: a surname this close after a full name means that person


def _headline_end(text: str) -> int:
    """The end of a title-case first line ("Obama Seeks More Refugees As He …"), else 0."""
    first = text[:300].split("\n", 1)[0]
    words = re.findall(r"[^\W\d_][\w’'-]*", first)
    long_words = [w for w in words if len(w) > 3]
    if len(words) >= 3 and long_words and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words):
        return len(first)
    return 0


_DEMONYMS_OF = {c: {d for d, of in DEMONYMS.items() if of == c} for c in set(DEMONYMS.values())}  # Kenya → kenyan

_PARTY_STATE = re.compile(r",\s*([DRI])-([A-Z][A-Za-z.]*(?: [A-Z][a-z]+)?)")
_PARTIES = {"D": "democrat", "R": "republican", "I": "independent"}


def _party_state(text: str, end: int) -> set[str]:
    """'Sen. Ellen Marsh, D-Vt.' → {'democrat', 'vermont'}: what 'the Vermont Democrat' means."""
    m = _PARTY_STATE.match(text, end)
    if not m:
        return set()
    state = fold(m.group(2)).rstrip(".")
    return {_PARTIES[m.group(1)], *STATE_ABBREVIATIONS.get(state, state).split()}


_ROLE_ENDS = {"for", "of", "at", "who", "with", "from", "in", "to", "and", "which", "that", "whose", "on", "by",
              "since", "as", "whom"}


def _role_head(role: str | None) -> list[str]:
    """The words of an appositive role before its modifiers: 'veteran diplomat who served …' →
    ['veteran', 'diplomat'] (not 'victim' of 'lawyer for the victim')."""
    words = []
    for w in re.findall(r"[\w-]+", fold(role or "")):
        if w in _ROLE_ENDS:
            break
        words.append(w)
    return words


def _nouns_before(toks: list[Token], i: int) -> set[str]:
    """Person nouns written just before a name: 'Head coach Darnell Price' → {'head', 'coach'};
    and any lower-case noun right before it, as news writes a trade the lists do not hold
    ('signed striker Mateo Vargas', 'film star Desmond Pryor'): only "the striker" will match it."""
    out, k = set(), i - 1
    while k >= 0 and i - k <= 3 and (fold(toks[k].text) in ROLE_WORDS
                                     or not toks[k].is_cap and fold(toks[k].text) in PEOPLE_NOUNS):
        out.add(fold(toks[k].text))
        k -= 1
    if k == i - 1 and k >= 0 and _bare_noun(toks[k]):
        out.add(toks[k].text)
    return out


def _bare_noun(tok: Token) -> bool:
    """A lower-case word that can be a noun before a name: not a verb form, an adverb or a function word."""
    w = tok.text
    return w.isalpha() and w.islower() and len(w) >= 4 and not w.endswith(("ed", "ing", "ly")) \
        and w not in _NP_STOP and w not in VERBISH and w not in CUES  # "told Mateo Vargas"


def _double_barrelled(run: list[Token]) -> bool:
    """'Margaret Hale-Dunmore': a first name, then a surname of two capitalised halves (not
    'Pro-Trump', 'Al-Qaeda' or 'Coca-Cola')."""
    halves = run[-1].text.split("-")
    return len(halves) == 2 and all(h[:1].isupper() and h[1:].islower() for h in halves) \
        and is_first_name(run[0].text)


_TITLE_CASE_LOWER = {"a", "an", "the", "of", "on", "in", "at", "to", "for", "and", "or", "but", "nor", "by", "with",
                     "from", "as", "vs", "via", "per", "into", "over"}  # what title case leaves small


def _heading_line(text: str, start: int, end: int) -> bool:
    """Is text[start:end] on a short title-case line ("What Comes Next", "An Ambitious, Divisive
    Legacy.", "“Open War”: Pakistan Accuses Afghanistan of Harboring Militants", "STAFF PHOTO"): a
    heading or a caption, where capitals name no one a later "he" or "she" can mean?"""
    first, last = text.rfind("\n", 0, start) + 1, text.find("\n", end) % (len(text) + 1)
    if last - first > 150:
        return False  # a paragraph, not a heading
    line = text[first:last]
    words = re.findall(r"[^\W\d_][\w’'-]*", line)
    return len(words) <= 12 and all(w[0].isupper() or w in _TITLE_CASE_LOWER for w in words)


def _titled_work(text: str, toks: list[Token], i: int, j: int) -> bool:
    """Is toks[i:j + 1] a work's title: `the film Selma`, or set off by commas, `her book, Living
    History, …` (but not `In the film, Michael Moore says`, nor a name opening the paragraph after a
    headline that ends in `Memoir`)?"""
    if i > 1 and toks[i - 1].text == ",":
        return fold(toks[i - 2].text) in WORKS and j + 1 < len(toks) and toks[j + 1].text == ","
    return i > 0 and fold(toks[i - 1].text) in WORKS and "\n" not in text[toks[i - 1].end:toks[i].start]


def _ends_with(full: str, key: str) -> bool:
    """Is key the last name of full, maybe before a suffix ("biden" in "joseph r. biden jr")?"""
    if full.endswith(" " + key):
        return True
    head, _, last = full.rpartition(" ")
    return last in NAME_SUFFIXES and head.endswith(" " + key)


class Discourse:
    """What an article has named so far, for pronouns, surnames and 'the ministry'."""

    def __init__(self, text: str, quoted: Spans):
        self.text = text
        self.people: list[tuple[int, str, Speaker]] = []  # (offset, folded full name, speaker)
        self.orgs: list[tuple[int, str]] = []
        self.speakers: list[Speaker] = []  # resolved speakers in order of attribution
        self.titled: list[tuple[int, set[str], Speaker]] = []  # people with their title words
        self.described: list[tuple[int, set[str], Speaker]] = []  # people with the nouns that describe them
        self.genders: dict[str, str] = {}  # folded name -> "f" | "m", where the text tells
        self._types: dict[str, str] = {}  # name -> entity_type(name, text)
        self._by_word: dict[str, list[tuple[int, str, Speaker]]] = {}  # a name's first or last word -> people
        self._index_names(quoted)
        # For person_before and last_speaker, so neither scans every earlier speaker (quadratic
        # over an article of "he said" quotes): the people who can be "he" or "she" sorted by
        # (start, then who comes first on a tie), for any gender and for each of "f" and "m"
        # (a person of unknown gender is in both); and the last speaker of each name.
        self._persons: dict[str | None, list[tuple[int, int, int, Speaker]]] = {None: [], "f": [], "m": []}
        self._last_named: dict[str | None, Speaker] = {}
        self._seen = 0  # how many of self.speakers the two above include
        for n, (start, _, sp) in enumerate(self.people):
            self._add_candidate((start, 0, -n), sp)  # named in the text: before a speaker on a tie

    def _index_names(self, quoted: Spans) -> None:
        # Only the words outside quotes become Tokens: a list of every word first was the largest
        # allocation of `quotes extract` on a 15 MB page.
        toks = [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(self.text) if m.start() not in quoted]
        headline_end = self.headline_end = _headline_end(self.text)
        i = 0
        while i < len(toks):
            if not toks[i].is_cap or not toks[i].is_word:
                i += 1
                continue
            j = i
            while j + 1 < len(toks):
                nxt = toks[j + 1]
                if j + 2 < len(toks) and nxt.text == "." and len(toks[j].text) == 1 and toks[j].is_cap \
                        and self.text[nxt.end:toks[j + 2].start] == " " and toks[j + 2].is_cap and j > i:
                    j += 1  # the middle initial of "Joseph R. Biden"
                    continue
                close = next((c for c in (j + 3, j + 4) if c + 1 < len(toks) and toks[c].text in "\"”"), None)
                if nxt.text in "\"“" and close is not None and toks[close + 1].is_cap \
                        and is_nickname(self.text, nxt.start, toks[close].end, toks[i].start, toks[close + 1].end):
                    j = close + 1  # past the nickname of 'Robert "Bobby" Tran'
                    continue
                if not (is_name_token(nxt) and nxt.is_word) or self.text[toks[j].end:nxt.start] != " " \
                        or possessive(toks[j]):
                    break
                j += 1
            run = toks[i:j + 1]
            after = toks[j + 1] if j + 1 < len(toks) else None
            if any(fold(t.text) in HEADLINE_WORDS for t in run) or _titled_work(self.text, toks, i, j) or (
                    after is not None and not after.is_cap and fold(after.text) in MODIFIED_NOUNS):
                # title case ("Trump Is Merely a Small Fry"), a modifier ("the Kent County
                # Republican headquarters") or a work's title ("her book, Living History,"), not a name
                i = j + 1
                continue
            # Drop a sentence-initial function word and leading titles/roles (kept as the titles
            # "the senator" can later mean), with lower-case title words just before the run.
            titles = set()
            k = i - 1
            while k >= 0 and i - k <= 5 and (fold(toks[k].text) in ROLE_WORDS or (
                    toks[k].text == "." and k > 0 and toks[k - 1].is_cap and len(toks[k - 1].text) <= 4)):
                if toks[k].text != ".":  # "Sen." comes as "Sen" and "."
                    titles.add(fold(toks[k].text))
                k -= 1
            trade = None
            while run:
                if not (fold(run[0].text) in SENTENCE_START_WORDS or fold(run[0].text.rstrip(".")) in ROLE_WORDS
                        or fold(run[0].text) in DEMONYMS or fold(run[0].text) in NAME_PARTICLES
                        or fold(run[0].text.rstrip(".")) in HONORIFICS):
                    if not trade_word([t.text for t in run]):
                        break
                    trade = run[0].text  # "Painter Celeste Amari": the trade is her role, not her name
                titles.add(fold(run[0].text.rstrip(".")))
                run = run[1:]
            cut = [n for n, t in enumerate(run[:-1]) if fold(t.text) in TITLE_WORDS]
            if cut:  # "House Speaker Paul D. Ryan": the name follows the last title word
                titles.update(fold(t.text) for t in run[:cut[-1] + 1])
                run = run[cut[-1] + 1:]
            if run:
                name = _NICKNAME.sub(" ", self.text[run[0].start:run[-1].end])  # 'Robert "Bobby" Tran'
                name = _strip_possessive(name)
                kind = classify_name(name)
                if kind == "person" and (len(run) >= 2 or titles) and (
                        _heading_line(self.text, run[0].start, run[-1].end) or self.never_speaks(name, run[0].start)
                        or self.entity(name, run[0].start) == "organisation"):
                    pass  # "Cedar Point", "Good Friday", "Roth Mills", a heading: no one "he" or "she" can mean
                elif kind == "person" and run[0].start < headline_end:
                    pass  # "Obama Sees 'Personal Insult' …": in a title-case headline every word is capitalised
                elif kind == "person" and len(run) >= 2 and not any(fold(_strip_possessive(t.text)) in PLACES
                                                                   or "-" in t.text for t in run[:-1]) \
                        and ("-" not in run[-1].text or _double_barrelled(run)):
                    role, aff = self._appositive(run[-1].end)
                    role = role or trade
                    self._add_person(run[0].start, fold(name),
                                     Speaker(name, run[0].start, run[-1].end, "person", name, role, aff))
                    titles.update(re.findall(r"[\w-]+", fold(role or "")))
                    self._learn_gender(name, titles)
                    nouns = set(_role_head(role)) | _nouns_before(toks, i) | _party_state(self.text, run[-1].end) \
                        | {w for w in titles if w in DEMONYMS}  # "Kenyan Joseph Kiprono"
                    if i > 0 and possessive(toks[i - 1]) and (country := place_of(toks[i - 1].text)):
                        nouns |= _DEMONYMS_OF.get(country, set())  # "Kenya's Joseph Kiprono" is "the Kenyan"
                    if nouns:  # "Head coach Darnell Price", "Sigrid Aalto, a veteran diplomat who …"
                        self.described.append((run[0].start, nouns, self.people[-1][2]))
                    age = _AGE_AFTER.match(self.text, run[-1].end)
                    if age:  # "Karen Blix, 47," is "the 47-year-old" later
                        titles.add(f"{age.group(1)}-year-old")
                    if titles & ROLE_WORDS or age:
                        self.titled.append((run[0].start, titles, self.people[-1][2]))
                elif kind == "person" and len(run) == 1 and titles & HONORIFICS - {"dr"}:
                    # "Ms. Doe": a person, and one whose gender the honorific tells
                    full = self.full_name(name, run[0].start, titles & HONORIFICS) or name
                    self._add_person(run[0].start, fold(full), Speaker(full, run[0].start, run[-1].end, "person", full))
                    self._learn_gender(full, titles)
                elif kind == "person" and len(run) == 1 and not titles and (full := self.full_name(name, run[0].start)):
                    # "Asif was blunt.": a later surname keeps the person recent for "he" after it
                    sp = next(sp for _, f, sp in reversed(self.people) if f == fold(full))
                    self._add_person(run[0].start, fold(full), Speaker(full, run[0].start, run[-1].end, "person",
                                                                       full, sp.role, sp.affiliation))
                elif kind == "person" and len(run) == 1 and titles & NAMING_TITLES:
                    # "President Obama": known by one name, still "the president" later
                    self.titled.append((run[0].start, titles,
                                        Speaker(name, run[0].start, run[-1].end, "person", name)))
                elif kind == "organisation":
                    # "Ministry of Information", owned by "Pakistan’s" just before it
                    first, k = j - len(run) + 1, j  # run is toks[first:j + 1], by position, not by search
                    while k + 2 < len(toks) and toks[k + 1].lower in ("of", "for") and toks[k + 2].is_cap \
                            and self.text[toks[k].end:toks[k + 2].start] == f" {toks[k + 1].text} ":
                        k += 2
                        j = max(j, k)
                    start = run[0].start
                    owner = toks[first - 1] if first > 0 else None
                    if owner is not None and possessive(owner) and place_of(owner.text) \
                            and self.text[owner.end:run[0].start] == " ":
                        start = owner.start
                    self.orgs.append((run[0].start, self.text[start:toks[k].end]))
            i = j + 1

    def entity(self, name: str, at: int) -> str:
        """entities.entity_type of a name, weighed against this article's own usage of it: the
        article within USAGE_WINDOW of `at`, where the name is first asked about, so that a 15 MB
        page of names costs each of them one window, not one pass over the page."""
        if name not in self._types:
            self._types[name] = entity_type(name, self.text[max(0, at - USAGE_WINDOW):at + USAGE_WINDOW])
        return self._types[name]

    def never_speaks(self, name: str, at: int) -> bool:
        """A place, date, event, building or page furniture, as this article uses the name ("Obama
        and Clinton": each of them)."""
        return all(self.entity(part, at) in NOT_SPEAKER_TYPES for part in re.split(r",\s*|\s+and\s+", name) if part)

    def _add_person(self, start: int, full: str, sp: Speaker) -> None:
        self.people.append((start, full, sp))
        words = [w for w in full.split() if w not in NAME_SUFFIXES]
        for w in {words[0], words[-1]} if words else ():
            self._by_word.setdefault(w, []).append((start, full, sp))

    def _appositive(self, end: int) -> tuple[str | None, str | None]:
        """'Wahidullah Mohammadi, a spokesman for the military, …' → its role and affiliation."""
        m = re.match(r",\s+((?:a|an|the)\s[^,.;:“”\"]{3,120}?),", self.text[end:end + 130])
        if not m:
            return None, None
        return _appositive_role(m.group(1)), _appositive_affiliation(m.group(1))

    def _learn_gender(self, name: str, words: set[str]) -> None:
        g = gender_of(name, words)
        if g and fold(name) not in self.genders:
            self.genders[fold(name)] = g

    def gender(self, sp: Speaker) -> str | None:
        # an anonymous speaker's own words tell it too ("a woman", "the spokesman")
        told = (sp.role or "") + (" " + sp.mention if sp.type == "anonymous" else "")
        return self.genders.get(fold(sp.name or "")) or gender_of(sp.name or "",
                                                                  set(re.findall(r"[\w-]+", fold(told))))

    def _add_candidate(self, key: tuple[int, int, int], sp: Speaker) -> None:
        g = self.gender(sp)  # fixed by now: genders are learned in __init__ only
        for want, found in self._persons.items():
            if want is None or g in (want, None):
                bisect.insort(found, (*key, sp))

    def _catch_up(self) -> None:
        """Take in the speakers the extractor has appended since the last call."""
        for n in range(self._seen, len(self.speakers)):
            sp = self.speakers[n]
            self._last_named[sp.name] = sp
            if sp.name and (sp.type == "person" or _one_someone(sp)):
                self._add_candidate((sp.start, -1, -n), sp)  # on a tie, the earlier attributed
        self._seen = len(self.speakers)

    def person_before(self, offset: int, gender: str | None = None) -> Speaker | None:
        """The most recent person before offset whose gender, where known, fits."""
        self._catch_up()
        found = self._persons[gender]
        i = bisect.bisect_left(found, (offset,))  # the first that starts at offset or later
        return found[i - 1][-1] if i else None

    def last_speaker(self, name: str | None) -> Speaker | None:
        """The last speaker attributed under `name`."""
        self._catch_up()
        return self._last_named.get(name)

    def full_name(self, partial: str, offset: int, honorifics: set[str] = frozenset()) -> str | None:
        """'Mujahid' → 'Zabihullah Mujahid' when that name came earlier.  After "Ms."/"Mr." the word
        is a surname (not "Benning" of "Benning Tools") of someone of the honorific's gender, else of
        no known gender, never of the other one; "Sir Alan" goes by his first name."""
        key = fold(partial)
        if key in PEOPLE_NOUNS or key in ORG_NOUNS or key in PLACES:
            return None
        surname = bool(honorifics - {"sir", "dame"})  # "Sir Alan" goes by his first name
        gender = gender_of("", honorifics)
        # a one-word name can only be a first or last word: look those up, not every person
        people = self.people if " " in key else self._by_word.get(key, [])
        found = [(start, sp.name) for start, full, sp in people
                 if start <= offset and full != key and (_ends_with(full, key) or not surname
                                                         and full.startswith(key + " "))]
        if gender is not None:  # "Ms. Benning": Ruth Benning, else a Benning of no known gender; never Harold
            known = {sp.name for _, full, sp in people if self.gender(sp) == gender}
            open_ = {sp.name for _, full, sp in people if self.gender(sp) is None}
            found = [f for f in found if f[1] in known] or [f for f in found if f[1] in open_]
        if not found:
            return None
        # Two people with one surname ("Ted Cruz" … "his father, Rafael Cruz"): the bare surname
        # is the one named just before, or else the one the article names most (salience).
        latest = found[-1]
        if offset - latest[0] <= NEAR_NAME:
            return latest[1]
        counts = Counter(name for _, name in found)
        return max(reversed(found), key=lambda f: counts[f[1]])[1]

    def person_titled(self, words: list[str], offset: int) -> Speaker | None:
        """'the senator' → the last person named with that title ('Sen. Ted Cruz'); every title word
        must fit ('the Democratic nominee' is not 'Republican nominee Donald Trump')."""
        for start, titles, sp in reversed(self.titled):
            full = {fold(ABBREVIATED_TITLES.get(t, t)) for t in titles}  # "Lt. Gov." is a lieutenant governor
            if start < offset and all((titles | full) & ({w} | TITLE_FORMS.get(w, set())) for w in words) \
                    and full & TITLE_QUALIFIERS <= set(words):  # "the president" is no vice president
                return sp
        return None

    def person_described(self, words: list[str], offset: int) -> Speaker | None:
        """'the veteran diplomat' → the last person named before offset with those nouns
        ('Sigrid Aalto, a veteran diplomat who …', 'Head coach Darnell Price')."""
        return next((sp for start, nouns, sp in reversed(self.described)
                     if start < offset and set(words) <= nouns), None)

    def person_aged(self, age: str, offset: int) -> Speaker | None:
        """'the 47-year-old' → the last person named before offset with that age ('Karen Blix, 47,')."""
        return next((sp for start, titles, sp in reversed(self.titled) if start < offset and age in titles), None)

    def org_like(self, head: str, offset: int) -> str | None:
        """'the ministry' → the last organisation named with that word."""
        for start, name in reversed(self.orgs):
            if start < offset and head in fold(name).split():
                return name
        return None

    def last_group(self, offset: int, plural: bool = False) -> Speaker | None:
        for sp in reversed(self.speakers):
            if sp.start < offset and sp.type in ("organisation", "anonymous", "publication") \
                    and not _unnamed_holder(sp):  # "they" is not "the FBI director"
                if plural and fold(sp.mention).startswith(("a ", "an ", "one ")):
                    continue  # "they" is not "a new report" or "one resident"
                return sp
        return None


def _split_title(toks: list[Token]) -> tuple[list[Token], list[Token]]:
    """Split 'United Nations (UN) Secretary-General António Guterres' at its last title word.

    The name is what follows the last title word; a run whose last word is a title
    ('Ministry of Information') or whose remainder is an organisation word is all name."""
    last = -1
    for n, t in enumerate(toks[:-1]):
        w = fold(t.text.rstrip("."))
        if w in ROLE_WORDS or w in DEMONYMS:
            last = n
    rest = toks[last + 1:]
    if any(t.text == ")" for t in rest):  # "Prime Minister (PM) Shehbaz Sharif"
        rest = rest[max(i for i, t in enumerate(rest) if t.text == ")") + 1:]
    while rest and (fold(rest[0].text) in ROLE_JOINERS or not rest[0].is_word):
        rest = rest[1:]
    if last < 0 or not rest or (len(rest) == 1 and fold(rest[0].text) in ORG_NOUNS):
        return [], toks
    return toks[:last + 1], rest


_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*$")


def _name_run(toks: list[Token]) -> int:
    """Index where the trailing run of capitalised words (the name) starts, or len(toks)."""
    k = len(toks)
    while k > 0:
        t = toks[k - 1]
        if t.is_cap and t.is_word or t.text in ("(", ")"):
            k -= 1
        elif fold(t.text) in NAME_PARTICLES | ROLE_JOINERS and k > 1 and k < len(toks) and toks[k - 2].is_cap:
            k -= 1
        elif t.text == "." and k > 1 and k < len(toks) and _INITIALS.match(toks[k - 2].text):
            k -= 1  # an initial: "Donald J. Trump", "G.K. Butterfield"
        else:
            break
        if k < len(toks) - 1 and possessive(toks[k]) and k != len(toks) - 1:
            k += 1  # "Pakistan's Ministry of Information": the owner is not part of the name
            break
    while k < len(toks) and (fold(toks[k].text) in ROLE_JOINERS or toks[k].text in ("(", ")")):
        k += 1
    return k


_NICKNAME = re.compile(r"""\s["“'‘][^"“”'‘’]{1,25}["”'’]\s""")


def _without_nickname(text: str, toks: list[Token]) -> list[Token]:
    """`Marcia "Cia" Price` without "Cia" (what text.is_nickname calls a nickname)."""
    for i in range(1, len(toks) - 3):
        if toks[i].text in "\"“'‘":
            j = next((j for j in range(i + 2, min(i + 4, len(toks) - 1)) if toks[j].text in "\"”'’"), None)
            if j is not None and is_nickname(text, toks[i].start, toks[j].end, toks[0].start, toks[-1].end):
                return toks[:i] + toks[j + 1:]
    return toks


def describe(text: str, start: int, end: int, discourse: Discourse,
             appositive: tuple[int, int] | None = None) -> Speaker | None:
    """Analyse the noun phrase text[start:end] (plus an appositive) as a speaker."""
    toks = tokens(text, start, end)
    opens = [i for i, t in enumerate(toks) if t.text == "("]
    if opens and toks[-1].text in (")", "(") or opens and not any(t.text == ")" for t in toks[opens[-1]:]):
        toks = toks[:opens[-1]]  # a trailing abbreviation: "Pak Institute for Peace Studies (PIPS)"
    toks = _without_nickname(text, toks)
    while toks and not toks[-1].is_word:
        toks.pop()
    while toks and not toks[0].is_word:
        toks.pop(0)
    if not toks:
        return None
    m_start, m_end = toks[0].start, toks[-1].end
    mention = text[m_start:m_end]
    low = fold(mention)
    if low in PRONOUNS or low in ("he himself", "she herself"):
        return _resolve_pronoun(low.split()[0], mention, m_start, m_end, discourse)
    if low in POSSESSIVE_PRONOUNS:
        return _resolve_pronoun(POSSESSIVE_PRONOUNS[low], mention, m_start, m_end, discourse)
    if low == "who" and (group := _plural_before(text, m_start)):
        # "regional actors who are urging …", "militants who conduct attacks": those people, not
        # whoever was named last ("the Durand Line")
        return Speaker(mention, m_start, m_end, "anonymous", group, None, None, True)
    if low in ("who", "which"):  # relative pronouns stand for the noun phrase just before them
        return _resolve_pronoun("he" if low == "who" else "it", mention, m_start, m_end, discourse)

    if m_start < discourse.headline_end and not _in_body(text, mention, discourse.headline_end) \
            and discourse.entity(mention, m_start) not in ("person", "organisation"):
        return None  # "Clinic Staff Describe Shortages": title case, not a name the article uses
    if fold(toks[-1].text) in HONORIFICS | TITLES and (surname := _SURNAME_AFTER.match(text, m_end)):
        # "Mrs." cut off at its full stop: the honorific alone is no one, "Mrs. Clinton" is
        return describe(text, m_start, surname.end(), discourse, appositive)


    if low.startswith("the ") and (len(toks) <= 4 and fold(toks[-1].text) in PARTY_WORDS
                                   or len(toks) == 2) \
            and (known := discourse.person_described([fold(t.text) for t in toks[1:]], m_start)):
        # "the Vermont Democrat" after "Sen. Ellen Marsh, D-Vt.", "the Kenyan" after "Kenya's Joseph Kiprono",
        # "the striker" after "signed striker Mateo Vargas": a noun the article wrote of that person
        return Speaker(mention, m_start, m_end, "person", known.name, known.role, known.affiliation, True)
    # "authorities in Kabul", "officials from the ministry": the head comes before the preposition.
    pp: list[Token] = []
    for n, t in enumerate(toks[1:], 1):
        before = toks[n - 1]
        common = not before.is_cap or (n == 1 and fold(before.text) in PEOPLE_OR_ORG_NOUNS
                                       and fold(before.text) not in ROLE_WORDS)
        participle = (t.lower.endswith("ing") and t.lower not in ("king", "thing", "bring")
                      or t.lower.endswith("ed") and n + 1 < len(toks) and toks[n + 1].lower == "by") \
            and not t.is_cap and fold(before.text) in PEOPLE_NOUNS | COLLECTIVE  # "protesters marching through …",
        # "economists polled by Reuters"
        if (t.lower in ("in", "from", "at", "with", "inside", "within", "close", "familiar", "who", "along",
                        "of", "on", "over", "across", "about", "between", "near", "behind", "through", "outside",
                        "around", "among") or participle) and common:
            toks, pp = toks[:n], toks[n:]
            break
    if not pp:
        # "Prof. Ruth Klein of Columbia University", "Jane Doe of Dayton": a person's two-word name, then
        # where they work or live (not "Bank of America")
        at = next((n for n in range(2, len(toks) - 1) if toks[n].lower in ("of", "at", "from")
                   and toks[n - 1].is_cap and toks[n - 2].is_cap and (toks[n + 1].is_cap or (
                       toks[n + 1].lower == "the" and n + 2 < len(toks) and toks[n + 2].is_cap))), None)
        if at is not None and classify_name(text[toks[at - 2].start:toks[at - 1].end]) == "person" \
                and fold(toks[at - 2].text) not in ROLE_WORDS:
            toks, pp = toks[:at], toks[at:]
    if fold(toks[-1].text) in MESSAGES and pp and pp[0].lower == "from" and len(pp) > 1:
        return describe(text, pp[1].start, pp[-1].end, discourse)  # "A statement from the Foreign Office said"
    own = next((n for n, t in enumerate(toks[:-1]) if possessive(t)), None)
    if own is not None and fold(toks[-1].text) in MESSAGES and len(toks) - own <= 4 \
            and not any(t.is_cap for t in toks[own + 1:]):
        # "Bornstein’s earlier letter said …", "the senator’s statement": the owner speaks
        owner = _strip_possessive(text[m_start:toks[own].end])
        return describe(text, m_start, m_start + len(owner), discourse)
    # A trailing parenthesis is an abbreviation, not part of the name: "Peace Studies (PIPS)".
    while toks and toks[-1].text == ")" and any(t.text == "(" for t in toks):
        toks = toks[:max(i for i, t in enumerate(toks) if t.text == "(")]
    if not toks:
        return None
    head = fold(_strip_possessive(toks[-1].text))
    registry = load_registry()
    appos = text[appositive[0]:appositive[1]].strip(" ,") if appositive else None
    if appositive and head in DOCUMENT_NOUNS | MESSAGES:
        by = _ISSUED_BY.match(text, appositive[0], appositive[1])
        if by:  # "The report, released by Amnesty International on Monday, accuses …": Amnesty speaks
            return describe(text, by.start(1), by.end(1), discourse)
    k = _name_run(toks)
    role_only = toks[0].lower == "the" and all(fold(t.text.rstrip(".")) in ROLE_WORDS for t in toks[1:])
    named = k < len(toks) and not role_only and not (len(toks) - k == 1 and (head in PEOPLE_NOUNS or head in ORG_NOUNS
                                                             or head in DETERMINERS) and k == 0) \
        and not (head in PEOPLE_NOUNS and head.endswith("s") and head not in ROLE_WORDS
                 and registry.get(fold(mention)) is None)  # "Black Lawmakers", "Senate Democrats": a group
    j = k  # where the name's words begin, with its titles: "an aide to Sen. Doe", "… for the Department"
    while j > 0 and (toks[j - 1].text == "." or fold(toks[j - 1].text) in TITLES):
        j -= 1
    if j >= 3 and toks[j - 1].lower == "the":
        j -= 1
    first = fold(toks[0].text)
    desc = re.sub(r"^(the|The)\s+", "", mention)
    if named and j >= 2 and toks[j - 1].lower in ("for", "to") and _someone(fold(toks[j - 2].text)) \
            and (first in INDEFINITE | {"the"} or j == 2):
        # "a spokeswoman for Doe", "advisers to Mr. Obama", "the ambassador to Kabul": someone who
        # speaks for the name, not the name
        whose = _split_title(toks[k:])[1] or toks[k:]
        role = text[toks[0 if j == 2 else 1].start:toks[j - 2].end]
        body = _strip_possessive(text[toks[k].start:toks[-1].end])  # "the Ministry of Foreign Affairs", whole
        aff = body if classify_name(body) == "organisation" else _strip_possessive(text[whose[0].start:whose[-1].end])
        if first == "the":  # one definite person, known by role
            return Speaker(mention, m_start, m_end, "person", _cap_first(desc), desc, aff)
        return Speaker(mention, m_start, m_end, "anonymous", mention, role, aff)
    if named:
        title, name_toks = _split_title(toks[k:])
        lead: list[Token] = []  # "Sir Alan", "Chef Vivian Ng": an honorific or a trade, not the name
        while len(name_toks) > 1 and (fold(name_toks[0].text.rstrip(".")) in HONORIFICS or name_toks[0].text == "."
                                      or trade_word([t.text for t in name_toks])):
            lead, name_toks = lead + name_toks[:1], name_toks[1:]
        prefix = toks[:k] + title
        if not name_toks:
            named = False
    if named:
        name = _strip_possessive(_NICKNAME.sub(" ", text[name_toks[0].start:name_toks[-1].end]))
        whole = _strip_possessive(desc)
        entry = registry.get(fold(name)) or registry.get(fold(whole))
        kind = entry.type if entry else classify_name(name)
        if kind == "person" and title and all(fold(t.text) in DEMONYMS for t in title):
            kind = classify_name(whole)  # "Saudi Arabia and Qatar" is not a person called "Arabia"
        if entry is None and kind == "person" and len(name_toks) > 1:
            seen_as = discourse.entity(name, m_start)
            if discourse.never_speaks(name, m_start):
                body = _body_before(text, toks[:k], name_toks[-1].end, discourse)
                if body:  # "the Commission on Presidential Debates": the body, not its subject
                    return Speaker(mention, m_start, m_end, "organisation", body, None, body)
                return None  # "Cedar Point", "Good Friday", "STAFF PHOTO"
            if seen_as == "organisation":
                kind = "organisation"  # "Memorial General said": the article has it speak, so a body
        if kind != "person" and not any(fold(t.text.rstrip(".")) in ROLE_WORDS - {"foreign", "defense", "defence",
                                        "interior", "state", "information", "security", "national", "home"}
                                        for t in title):
            org = entry.name if entry else _strip_possessive(desc)
            if fold(org) in SEATS:
                country = _seat_country(org)
                return Speaker(mention, m_start, m_end, "organisation", org, None,
                               f"Government of {country}" if country else org)
            aff = affiliation_from_role(text, prefix) or (entry.affiliation if entry else None)
            if kind == "organisation" and not aff and " and " not in org:
                aff = org
            return Speaker(mention, m_start, m_end, kind, org, None, aff)
        role = _role_text(text, prefix + lead) if prefix or lead else None  # a trade is a role, never a body
        aff = affiliation_from_role(text, prefix) if prefix else None
        if pp and not aff and _workplace(text[pp[1].start:pp[-1].end]):
            aff = _appositive_affiliation(text[pp[0].start:pp[-1].end])
        if appos:
            role = role or _appositive_role(appos)
            aff = aff or _appositive_affiliation(appos)
        guessed = False
        honorifics = {fold(t.text.rstrip(".")) for t in prefix + lead} & HONORIFICS
        if entry is None and len(name_toks) == 1:
            full = discourse.full_name(name, m_start, honorifics)
            if full:
                name, guessed = full, True
                entry = registry.get(fold(name))
        if entry is not None:  # the registry is curated: its affiliation beats a local guess
            return Speaker(mention, m_start, m_end, entry.type, entry.name,
                           role or entry.role, entry.affiliation or aff, guessed)
        if entry is None and not guessed and discourse.never_speaks(name, m_start):
            return None  # "Christmas", "Tuesday": no one
        prior = _prior_speaker(discourse, name)
        if prior is not None:
            role, aff = role or prior.role, aff or prior.affiliation
        return Speaker(mention, m_start, m_end, "person", name, role, aff, guessed)

    # No name at the head: a description ("one resident", "the ministry", "Afghan officials").
    at = next((n for n in range(1, len(toks) - 1) if toks[n].lower in ("for", "to")
               and _someone(fold(toks[n - 1].text))), None)
    if at is not None and first in INDEFINITE and toks[at + 1].lower in ("the", "its", "their"):
        # "a spokesman for the ministry": someone speaking for the body named earlier
        body = describe(text, toks[at + 1].start, m_end, discourse)
        return Speaker(mention, m_start, m_end, "anonymous", mention, text[toks[1].start:toks[at - 1].end],
                       body.name if body and body.type == "organisation" and body.guessed else None)
    # whoever polled them is no affiliation ("economists polled by Reuters")
    aff = affiliation_from_role(text, toks + ([] if pp and pp[0].lower.endswith("ed") else pp))
    if first == "the" and len(toks) >= 2 and head in PERSON_TITLES and head not in ORG_NOUNS \
            and not pp:
        known = discourse.person_titled([fold(t.text) for t in toks[1:] if fold(t.text) in ROLE_WORDS],
                                        m_start)  # "the senator" after "Sen. Ted Cruz"
        if known is not None:
            name = known.name if " " in known.name else discourse.full_name(known.name, m_start) or known.name
            entry = registry.get(fold(name))
            return Speaker(mention, m_start, m_end, "person", entry.name if entry else name, known.role or desc,
                           known.affiliation or (entry.affiliation if entry else None), True)
    ages = [t.lower for t in toks[1:] if re.fullmatch(r"\d{1,3}-year-old", t.lower)]
    if first == "the" and ages and not pp:
        known = discourse.person_aged(ages[0], m_start)  # "the 47-year-old" after "Karen Blix, 47,"
        if known is not None:
            return Speaker(mention, m_start, m_end, "person", known.name, known.role, known.affiliation, True)
    if head in PUBLICATION_HEADS:
        return Speaker(mention, m_start, m_end, "publication", desc, None, aff, True)
    if head in ORG_NOUNS and (head not in PEOPLE_NOUNS or head == "police"):
        if first in ("the", "its", "their"):
            org = discourse.org_like(head, m_start)
            if org:
                return Speaker(mention, m_start, m_end, "organisation", org, None, org, True)
        return Speaker(mention, m_start, m_end, "organisation", _cap_first(desc), None, aff)
    if (head in COLLECTIVE or head in NUMBER_WORDS or head.isdigit()) and pp and pp[0].lower == "of" \
            and (fold(pp[-1].text) in PEOPLE_NOUNS or people_plural(fold(pp[-1].text))):
        # "Small groups of protesters", "Nearly eight of 10 voters"
        return Speaker(mention, m_start, m_end, "anonymous", desc, None, aff)
    if head in PEOPLE_NOUNS or first in INDEFINITE or (head != singular(head) and singular(head) in BODY_NOUNS):
        # "Human rights groups", "two federal agencies": bodies not named, described
        if first == "the" and not pp and (known := discourse.person_described([fold(t.text) for t in toks[1:]],
                                                                               m_start)):
            return Speaker(mention, m_start, m_end, "person", known.name, known.role or desc, known.affiliation, True)
        if (first == "the" or possessive(toks[0])) and head in ROLE_WORDS:
            # "Pakistan's defence minister": the holder the article or the registry names.
            holder = _role_holder(toks, m_start, discourse, registry)
            if holder is not None:
                return Speaker(mention, m_start, m_end, "person", holder.name, holder.role or desc,
                               holder.affiliation or aff, True)
            # "the defence minister" whom the article never names: described, and no speaker page.
            return Speaker(mention, m_start, m_end, "anonymous", desc, desc, aff)
        return Speaker(mention, m_start, m_end, "anonymous", desc, None, aff)
    if first in DETERMINERS and len(toks) > 1 and not pp:
        return Speaker(mention, m_start, m_end, "anonymous", desc, None, aff)
    return None


_SPELLINGS = {"defense": "defence"}  # US and British spellings of one title


def _role_holder(toks: list[Token], offset: int, discourse: Discourse,
                 registry: dict[str, RegistryEntry]) -> Speaker | RegistryEntry | None:
    """The person holding the role a possessive country gives ("Pakistan's defence minister",
    "Pakistan's interior minister"): the last person the article titled so whose title names no
    other country ("Indian Defence Minister …"), else the registry's one holder of that role there."""
    country = place_of(toks[0].text) if possessive(toks[0]) else None
    words = [fold(t.text) for t in toks[1:]]
    if country is None or not words or not all(w in ROLE_WORDS for w in words):
        return None
    words = [_SPELLINGS.get(w, w) for w in words]
    for start, titles, sp in reversed(discourse.titled):
        titles = {_SPELLINGS.get(t, t) for t in titles}
        if start < offset and set(words) <= titles and titles & TITLE_QUALIFIERS <= set(words) \
                and not {DEMONYMS[t] for t in titles if t in DEMONYMS} - {country}:
            return sp
    want = set(words) | {fold(country)}
    holders = {e for e in registry.values() if e.type == "person" and e.role
               and want <= {_SPELLINGS.get(w, w) for w in re.findall(r"[\w-]+", fold(e.role))}}
    return holders.pop() if len(holders) == 1 else None


_NP_STOP = {"the", "a", "an", "of", "on", "in", "at", "to", "for", "by", "with", "from", "among", "and", "or", "than",
            "as", "like", "about", "that", "those", "these", "all", "many", "some", "most", "few", "other", "others"}


def _plural_before(text: str, start: int) -> str | None:
    """The plural noun phrase, in lower case, right before a relative "who" ("regional actors",
    "militants"); None after a comma, a name or anything else."""
    words = re.findall(r"[^\W\d_][\w’'-]*|\S", text[max(0, start - 80):start])
    np: list[str] = []
    bounded = False  # by a determiner, a preposition or punctuation, not by a verb or a name
    for n in range(len(words) - 1, -1, -1):
        w = words[n]
        low = w.lower()
        if low == "and" and np and n and words[n - 1].isalpha() and words[n - 1].islower() \
                and words[n - 1] not in _NP_STOP:
            np.insert(0, w)  # "regional and international actors"
            continue
        if not w.isalpha() or not w.islower() or low in _NP_STOP or low.endswith(("ing", "ed")) and np:
            bounded = not w.isalpha() or low in _NP_STOP
            break
        np.insert(0, w)
    if not np:
        return None
    if not bounded:
        np = np[-1:]  # "met militants who …": the noun alone, for "met" may be a verb
    head = np[-1].lower()
    if not (head.endswith("s") and not head.endswith("ss") and len(head) > 3 or head in PEOPLE_NOUNS) \
            or head in ("says", "asks", "does", "knows", "tells", "wonders", "is", "was", "has"):
        return None
    return " ".join(np)


_SURNAME_AFTER = re.compile(r"\.[ \t]+[A-Z][\w’'-]+")


def _in_body(text: str, mention: str, headline_end: int) -> bool:
    """Does the article below its headline use the mention, or its head noun ("Former White House
    Doctor Says": "her former doctor")?  Title case alone makes no name of "Clinic Staff"; a first
    name or an organisation's shape does ("Chris Christie Calls …", entities.entity_type).  A
    headline alone, with no article below it, is taken at its word."""
    body = fold(text[headline_end:])
    words = re.findall(r"[\w’'-]+", fold(mention))
    if not words or not body.strip() or fold(mention) in body or people_plural(words[-1]) \
            or words[-1] in PEOPLE_NOUNS and words[-1] != singular(words[-1]):
        return True  # "Black Lawmakers Rip …", "Residents Say …": a group, described
    return re.search(rf"\b{re.escape(words[-1])}\b", body) is not None


def _body_before(text: str, toks: list[Token], end: int, discourse: Discourse) -> str | None:
    """The body whose name a non-speaker's name ends ("Commission on Presidential Debates"):
    capitalised words, then "on", "of" or "for" right before it; None when there is none."""
    if len(toks) < 2 or toks[-1].lower not in ("on", "of", "for") or not toks[-2].is_cap:
        return None
    s = len(toks) - 2
    while s > 0 and toks[s - 1].is_cap and toks[s - 1].is_word:
        s -= 1
    body = text[toks[s].start:end]
    return body if discourse.entity(body, toks[s].start) == "organisation" or classify_name(body) != "person" else None


def singular(word: str) -> str:
    """'groups' → 'group', 'agencies' → 'agency'; other words unchanged."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def people_plural(word: str) -> bool:
    """The plural of a person or role noun ("advisers", "employees")."""
    return word.endswith("s") and word[:-1] in PERSON_WORDS


def _unnamed_holder(sp: Speaker) -> bool:
    """One person known only by a role the article gives nobody ("the FBI director")."""
    return sp.type == "anonymous" and sp.role is not None and sp.role == sp.name


def _one_someone(sp: Speaker) -> bool:
    """An anonymous speaker who is one person ("one resident", "the coach"), whom "he" or "she" can
    mean later, unlike "officials" or a pronoun nobody was found for."""
    words = fold(sp.mention).split()
    head = words[-1]
    return sp.type == "anonymous" and 2 <= len(words) <= 4 and all(w.isalpha() for w in words) \
        and words[0] in ("the", "a", "an", "one", "another") and head in PEOPLE_NOUNS \
        and head not in DETERMINERS and head not in PARTY_WORDS and not people_plural(head)


def _someone(word: str) -> bool:
    """A noun for people or a role ("aide", "advisers", "spokeswoman")."""
    return word in PERSON_WORDS or people_plural(word)


def _workplace(words: str) -> bool:
    """An organisation after "of" ("Columbia University", "Moody's Analytics"), not a home town ("Dayton")."""
    return not place_of(words) and (len(words.split()) >= 2 or classify_name(words) != "person")


def _cap_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def _seat_country(seat: str) -> str | None:
    capitals = {"islamabad": "Pakistan", "kabul": "Afghanistan", "tehran": "Iran", "moscow": "Russia",
                "beijing": "China", "new delhi": "India", "delhi": "India", "doha": "Qatar",
                "riyadh": "Saudi Arabia", "ankara": "Turkey", "washington": "the United States",
                "london": "the United Kingdom", "paris": "France", "berlin": "Germany", "kyiv": "Ukraine",
                "the kremlin": "Russia", "the white house": "the United States", "tokyo": "Japan",
                "seoul": "South Korea", "pyongyang": "North Korea", "cairo": "Egypt", "baghdad": "Iraq",
                "damascus": "Syria", "jerusalem": "Israel", "the pentagon": "the United States"}
    return capitals.get(fold(seat))


def _prior_speaker(discourse: Discourse, name: str) -> Speaker | None:
    return discourse.last_speaker(name)


def _resolve_pronoun(word: str, mention: str, start: int, end: int, discourse: Discourse) -> Speaker:
    kind = PRONOUNS[word]
    if word in ("i", "we", "you"):
        # First and second person are the writer or the quoted speaker, never the last name in the text.
        return Speaker(mention, start, end, "anonymous", mention, None, None, True)
    if kind == "person":
        sp = discourse.person_before(start, pronoun_gender(word))
        if sp is not None:
            prior = _prior_speaker(discourse, sp.name)
            src = prior or sp
            return Speaker(mention, start, end, sp.type, sp.name, src.role, src.affiliation, True)
        return Speaker(mention, start, end, "anonymous", None, None, None, True)
    sp = discourse.last_group(start, plural=word in ("they", "them"))
    if sp is not None:
        return Speaker(mention, start, end, sp.type, sp.name, sp.role, sp.affiliation, True)
    return Speaker(mention, start, end, "anonymous", None, None, None, True)


def _role_text(text: str, role_toks: list[Token]) -> str | None:
    role_toks = [t for t in role_toks if fold(t.text) not in HONORIFICS and t.text != "."]
    while role_toks and fold(role_toks[0].text) in ("the", "a", "an"):
        role_toks = role_toks[1:]  # "The Inter-Services Public Relations": an article is no role
    if not role_toks:
        return None
    role = text[role_toks[0].start:role_toks[-1].end].strip(" ,")
    role = re.sub(r"^(the|The|a|an)\s+", "", role)
    role = _ABBREVIATED_TITLE.sub(lambda m: ABBREVIATED_TITLES[m.group(1).lower()], role)  # "Sen." → "Senator"
    return role or None


_ABBREVIATED_TITLE = re.compile(r"\b(" + "|".join(ABBREVIATED_TITLES) + r")\b\.?", re.I)


def affiliation_from_role(text: str, toks: list[Token]) -> str | None:
    """'Taliban government spokesman' → 'Taliban government'; "Pakistan's" → 'Pakistan'."""
    if not toks:
        return None
    words = [t for t in toks if t.is_word]
    for t in words:
        place = place_of(t.text)
        if place and possessive(t):
            return place
    owner = next((n for n, t in enumerate(words) if possessive(t) and t.is_cap), None)
    if owner is not None:  # "the European Union’s foreign policy chief": the whole name that owns the role
        first = owner
        while first > 0 and words[first - 1].is_cap and fold(words[first - 1].text) not in DETERMINERS:
            first -= 1
        return _strip_possessive(text[words[first].start:words[owner].end])
    # An organisation named inside the role: "Afghan Defence Ministry spokesman".
    det = len(words) > 1 and fold(words[0].text) in DETERMINERS
    if det:
        words = words[1:]  # "A Quinnipiac University poll": the article is no part of the name
    pair = next((n for n in range(1, len(words)) if words[n - 1].is_cap and words[n].is_cap
                 and fold(f"{words[n - 1].text} {words[n].text}") in ORG_NOUNS), None)
    if pair is not None:  # "White House press secretary"
        return text[words[pair - 1].start:words[pair].end]
    orgs = [n for n, t in enumerate(words) if fold(t.text) in BODY_NOUNS and t.is_cap]
    if orgs:  # the capitalised run that ends in it ("a former Democratic National Committee chairman")
        first = last = orgs[-1]
        while first > 0 and words[first - 1].is_cap:
            first -= 1
        while last + 1 < len(words) and fold(words[last + 1].text) in BODY_NOUNS:
            last += 1  # "the Taliban government"
        while last + 2 < len(words) and words[last + 1].lower == "of" and words[last + 2].is_cap:
            last += 2  # "the University of Oxford"
            while last + 1 < len(words) and words[last + 1].is_cap:
                last += 1
        return _strip_possessive(text[words[first].start:words[last].end])
    # Capitalised run before the role noun, with a trailing org noun ("Taliban government").
    caps = []
    for n, t in enumerate(words):
        w = fold(t.text)
        if n == 0 and w in PEOPLE_NOUNS | DETERMINERS | SENTENCE_START_WORDS:
            continue
        if n == 0 and not det and not t.text.isupper() and not place_of(t.text) and len(words) > 1 \
                and not words[1].is_cap:
            continue  # "Local aid workers": a capital only because it starts the sentence
        if t.is_cap and w not in ROLE_WORDS and w not in DEMONYMS and w not in PEOPLE_NOUNS and w not in TITLES \
                and w not in IDENTITY_WORDS and w not in COMPASS and not (w.endswith("ed") and not caps):
            # not "Black Lawmakers" or "Frustrated Parents": who they are, not a body they belong to
            caps.append(t)
        elif caps and w in BODY_NOUNS:
            caps.append(t)
        elif caps:
            break
    if caps:
        return _strip_possessive(text[caps[0].start:caps[-1].end])
    for t in words:
        if fold(t.text) in DEMONYMS:
            return DEMONYMS[fold(t.text)]
    return None


def _appositive_role(appos: str) -> str | None:
    appos = re.sub(r"^(the|a|an)\s+", "", appos.strip(), flags=re.I)
    first = appos.split()[0].lower() if appos else ""
    if not appos or not appos[0].isalpha() or first.endswith(("ly", "ing")) \
            or first in ("who", "which", "whose", "whom", "that", "however", "though", "too", "meanwhile", "instead",
                         "for", "in", "at", "on", "by", "with", "after", "through", "via", "from", "during", "under",
                         "like", "unlike", "as", "despite", "amid", "without", "before", "among", "over"):
        # "who has led the party since 2010", "speaking to reporters", "through his spokesman …": no title
        return None
    return appos


def _appositive_affiliation(appos: str) -> str | None:
    """'the director of the South Asia Institute at the Wilson Center' → 'Wilson Center'."""
    orgs = re.findall(r"\b(?:at|of|for|with|from)\s+(?:the\s+)?((?:[A-Z][\w.&’'-]*\s*)+(?:(?:of|for|and)\s+(?:the\s+)?(?:[A-Z][\w.&’'-]*\s*)+)*)", appos)
    # "who spoke by phone with Mr. Netanyahu": whom one met, not where one works
    orgs = [o.strip() for o in orgs if o.strip() and fold(o.split()[0].rstrip(".")) not in HONORIFICS]
    return orgs[-1] if orgs else None
