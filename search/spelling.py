"""Did-you-mean over one index generation, with bounded work and short holds of the lock.

Whoosh's `reader.corrector()` walks the on-disk term list with a Levenshtein automaton
for every word, and needs the searcher (so the service's one lock) the whole time: a
few hundred misspelt characters held every other search for seconds.  Here a field's
terms are read once per searcher into a sorted, read-only `WordList`, a chunk per hold
of the lock (`VocabularyReader`), and the automata run over that list outside the lock,
within one `Budget` per query.
"""
from __future__ import annotations

import weakref
from bisect import bisect_left
from itertools import islice

from whoosh.automata import lev

MAX_WORDS = 5  # unknown words corrected per query; the rest are left as typed
MAX_WORD_LENGTH = 20  # longer "words" are not corrected: no real word needs it, and automata grow with length
MAX_CANDIDATES = 50  # words kept per correction for ranking by frequency (a short word has hundreds)
LOOKUP_BUDGET = 12_000  # candidate words visited per query, all its words together (< 0.1 s at 10^5 terms)
VOCABULARY_CHUNK = 2_000  # terms read per hold of the searcher lock (~15 ms)


class Budget:
    """How many more candidate words one query may visit; shared by all its words."""

    def __init__(self, lookups: int = LOOKUP_BUDGET):
        self.left = lookups


class WordList:
    """A field's terms, sorted; never changed once built, so `candidates` needs no lock."""

    def __init__(self, words: list[str]):
        self.words = words

    def __contains__(self, word: str) -> bool:
        i = bisect_left(self.words, word)
        return i < len(self.words) and self.words[i] == word

    def candidates(self, word: str, budget: Budget) -> list[str]:
        """The words one edit away from `word`, else those two edits away that share its first
        letter (misspellings rarely start wrong, and it cuts the work by three); the first
        MAX_CANDIDATES of them in sorted order.  Empty when there are none, or when the budget ran out first
        (a partial scan could offer a worse word than a complete one)."""
        for distance, prefix in ((1, 0), (2, 1)):
            found = self._within(word, distance, prefix, budget)
            if found is None:
                return []
            found = [w for w in found if w != word]
            if found:
                return found[:MAX_CANDIDATES]
        return []

    def _within(self, word: str, distance: int, prefix: int, budget: Budget) -> list[str] | None:
        # whoosh.automata.fsa.find_all_matches over the sorted list, each step paid from the budget.
        if budget.left <= 0:
            return None
        dfa = lev.levenshtein_automaton(word, distance, prefix).to_dfa()
        words, found, lo, key = self.words, [], 0, ""
        while True:
            if budget.left <= 0:
                return None
            budget.left -= 1
            match = dfa.next_valid_string(key)
            if match is None:
                return found
            lo = bisect_left(words, match, lo)  # matches only grow, so the search can start at lo
            if lo == len(words):
                return found
            key = words[lo]
            if key == match:
                found.append(key)
                key += "\0"


class VocabularyReader:
    """Reads the terms of `field` in one searcher, `VOCABULARY_CHUNK` at a time: 10^5 terms
    take most of a second to read, and searches go on between chunks.  Callers hold the
    searcher lock for each `read`; concurrent callers share one reader, so the terms are
    read once whoever asks."""

    def __init__(self, searcher, field: str):
        self._searcher = weakref.ref(searcher)  # not kept alive once the service replaces it
        self.field = field
        self._terms: list[str] = []
        self.words: WordList | None = None  # set once every term has been read

    def is_for(self, searcher) -> bool:
        return self._searcher() is searcher

    def read(self, searcher) -> None:
        after = self._terms[-1] + "\0" if self._terms else ""  # the least string after the last term read
        pairs = searcher.reader().terms_from(self.field, after)
        chunk = [text.decode("utf-8") for name, text in islice(pairs, VOCABULARY_CHUNK) if name == self.field]
        self._terms += chunk
        if len(chunk) < VOCABULARY_CHUNK:  # the field's terms ran out
            self.words = WordList(self._terms)
