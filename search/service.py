"""`QuoteService`: the one entry point the web app and the CLI use to read the index.

Nothing outside this module (and `index`/`query`) touches Whoosh.  The service keeps
one searcher, reopened when `CURRENT` names a new generation or an incremental
commit landed, so a running server picks up re-indexing without a restart.  A
Whoosh searcher is not safe to use from two threads at once (its posting readers
share a file position, so concurrent searches read each other's blocks), so every
use of it holds one lock; searches are CPU-bound and serialised by the GIL anyway.
"""
from __future__ import annotations

import logging
import re
import threading
from collections import Counter, OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from whoosh import query, sorting

from .corroboration import Match, matches
from .errors import IndexUnavailable, NotFound, QueryError
from .index import ANALYZER, READ_DAMAGE, current_generation, index_damaged, load_article, load_quote, open_searcher
from .model import Article, Quote
from .query import (MAX_QUERY_LENGTH, QUOTE_DOCS, SORTS, Facet, Hit, SearchPage, build_query, facets_of,
                    normalize_filters, normalize_text, search_page)
from .spelling import MAX_WORD_LENGTH, MAX_WORDS, Budget, VocabularyReader

__all__ = ["QuoteService", "ArticleView", "SearchPage", "Hit", "Facet", "Match", "SpeakerSummary",
           "SpeakerProfile", "SourceCount", "Selection"]


@dataclass(frozen=True)
class ArticleView:
    article: Article
    quotes: list[Quote]  # in source order


@dataclass(frozen=True)
class SpeakerSummary:
    """One line of the speakers index: a speaker with an id (a page) and their quote count."""

    id: str
    name: str
    speaker_type: str
    count: int


@dataclass(frozen=True)
class SourceCount:
    source: str
    title: str
    count: int


@dataclass(frozen=True)
class SpeakerProfile:
    """Everything the index knows about one `speaker_id`, gathered from its quotes."""

    id: str
    name: str  # the canonical name (the most common one if the index holds several)
    speaker_type: str
    total: int
    aliases: tuple[str, ...]  # from the speaker registry, when the speaker is in it
    names_as_written: list[Facet]  # speaker_mention values that are names, most frequent first
    pronouns: list[Facet]  # speaker_mention values that are pronouns ("he", "they")
    roles: list[Facet]
    affiliations: list[Facet]
    sources: list[SourceCount]  # quotes per article, most first


@dataclass(frozen=True)
class Selection:
    """A whole result set (up to a cap) for export: `total` matched, `quotes` in order."""

    total: int
    quotes: list[Quote]

    @property
    def truncated(self) -> bool:
        return self.total > len(self.quotes)


_PRONOUNS = frozenset("he she they it we i you him her them who which this that".split())
_QUERY_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
ALSO_REPORTED_CANDIDATES = 200  # per kind of candidate: same speaker, similar words


class QuoteService:
    _vocabulary: VocabularyReader | None = None  # for suggest(): see _vocabulary_read

    def __init__(self, index_dir):
        """Does not touch the index: a missing one makes each method raise IndexUnavailable."""
        self.index_dir = Path(index_dir)
        self._lock = threading.Lock()
        self._searcher = None
        self._generation: Path | None = None
        self._damage_logged: str | None = None  # the last damage logged: once, not on every request
        # Search results and facet counts of the current searcher; emptied when it is replaced.
        self._cache = _LRU(SEARCH_CACHE_SIZE)

    def search(
        self,
        q: str = "",
        filters: dict[str, str | list[str]] | None = None,
        page: int = 1,
        per_page: int = 10,
        min_confidence: float = 0.0,
        sort: str = "relevance",
    ) -> SearchPage:
        with self._searching() as searcher:
            try:
                key = ("page", q, _frozen(filters), page, per_page, min_confidence, sort)
                hash(key)
            except TypeError:  # an odd argument: let search_page validate it, uncached
                key = None
            found = self._cache.get(key) if key is not None else None
            if found is None:
                found = search_page(searcher, q, filters, page, per_page, min_confidence, sort, cache=self._cache)
                if key is not None:
                    self._cache[key] = found
            return found

    def quote(self, quote_id: str) -> Quote:
        with self._searching() as searcher:
            docnum = searcher.document_number(id=quote_id) if quote_id else None
            if docnum is None:
                raise NotFound(f"no quote with id {quote_id!r}")
            return load_quote(searcher.stored_fields(docnum))

    def article(self, source: str) -> ArticleView:
        with self._searching() as searcher:
            docnum = searcher.document_number(doctype="article", source=source) if source else None
            if docnum is None:
                raise NotFound(f"no article {source!r}")
            article = load_article(searcher.stored_fields(docnum))
            return ArticleView(article, self._quotes(searcher, query.Term("source", source)))

    def same_quote(self, quote: Quote) -> list[Quote]:
        """The same words quoted elsewhere (same `key`), in source order, without `quote` itself."""
        with self._searching() as searcher:
            found = self._quotes(searcher, query.Term("key", quote.key))
        return [q for q in found if q.id != quote.id]

    def speakers(self) -> list[Facet]:
        with self._searching() as searcher:
            results = searcher.search(
                QUOTE_DOCS, groupedby={"speaker": sorting.FieldFacet("speaker")}, maptype=sorting.Count
            )
            return facets_of(results, "speaker")

    def stats(self) -> dict:
        with self._searching() as searcher:
            # Counted from live documents: doc_frequency would still count deleted ones.
            counts = searcher.search(
                query.Every(), groupedby={"doctype": sorting.FieldFacet("doctype")}, maptype=sorting.Count
            ).groups("doctype")
            generation = self._generation.name
        return {"articles": counts.get("article", 0), "quotes": counts.get("quote", 0), "generation": generation}

    # -- browsing helpers for the web pages: speakers, corroboration, spelling, export ----

    def speaker_index(self) -> list[SpeakerSummary]:
        """Every speaker with an id (anonymous and unattributed quotes have none), most quoted first."""
        facet = sorting.MultiFacet([sorting.FieldFacet("speaker_id"), sorting.FieldFacet("speaker"),
                                    sorting.FieldFacet("speaker_type")])
        with self._searching() as searcher:
            groups = searcher.search(QUOTE_DOCS, limit=1, groupedby={"who": facet},
                                     maptype=sorting.Count).groups("who")
        counts: dict[str, Counter] = {}
        for (sid, name, stype), n in groups.items():
            if sid:
                counts.setdefault(sid, Counter())[(name or sid, stype or "person")] += n
        out = []
        for sid, by_name in counts.items():
            (name, stype), _ = by_name.most_common(1)[0]
            out.append(SpeakerSummary(sid, name, stype, sum(by_name.values())))
        return sorted(out, key=lambda s: (-s.count, s.name.casefold(), s.id))

    def speaker(self, speaker_id: str) -> SpeakerProfile:
        """The profile of one speaker; NotFound when no quote carries this id."""
        with self._searching() as searcher:
            found = self._quotes(searcher, query.Term("speaker_id", speaker_id)) if speaker_id else []
        if not found:
            raise NotFound(f"no speaker with id {speaker_id!r}")

        def ranked(counter: Counter) -> list[Facet]:
            return sorted((Facet(v, n) for v, n in counter.items() if v), key=lambda f: (-f.count, f.value))

        name = Counter(q.speaker for q in found if q.speaker).most_common(1)[0][0]
        mentions = Counter(" ".join(q.speaker_mention.split()) for q in found if q.speaker_mention)
        pronouns = Counter({m: n for m, n in mentions.items() if m.casefold() in _PRONOUNS})
        titles = {q.source: q.title or q.source for q in found}
        per_source = Counter(q.source for q in found)
        return SpeakerProfile(
            id=speaker_id, name=name,
            speaker_type=Counter(q.speaker_type for q in found).most_common(1)[0][0],
            total=len(found), aliases=_registry_aliases(name),
            names_as_written=ranked(mentions - pronouns), pronouns=ranked(pronouns),
            roles=ranked(Counter(q.role for q in found)),
            affiliations=ranked(Counter(q.affiliation for q in found)),
            sources=sorted((SourceCount(s, titles[s], n) for s, n in per_source.items()),
                           key=lambda c: (-c.count, c.source)),
        )

    def also_reported(self, quote: Quote) -> list[Match]:
        """The same quote as other articles carry it, in source order (rules: `search.corroboration`).

        Candidates come from three small searches (same normalised words, same speaker,
        the quote's rarest words); the rules then decide."""
        with self._searching() as searcher:
            # Every card of every results page asks this; the answer only changes with the index.
            cached = self._cache.get(("also_reported", quote.id))
            if cached is not None:
                return cached
            candidates = self._quotes(searcher, query.Term("key", quote.key))
            # Only quote documents have `speaker_id` and `text`, so no doctype filter is needed:
            # filtering made more-like-this collect every match (a quarter second per card at 10k).
            if quote.speaker_id:
                candidates += [load_quote(h.fields()) for h in searcher.search(
                    query.Term("speaker_id", quote.speaker_id), limit=ALSO_REPORTED_CANDIDATES)]
            similar = _rare_words_query(searcher, quote.text)
            if similar is not None:
                candidates += [load_quote(h.fields()) for h in searcher.search(
                    similar, limit=ALSO_REPORTED_CANDIDATES)]
            found = sorted(matches(quote, candidates), key=lambda m: (m.quote.source, m.quote.start))
            self._cache[("also_reported", quote.id)] = found
            return found

    def suggest(self, q: str) -> str | None:
        """`q` with each word that occurs in no quote replaced by the closest word that does
        (over the `text` field), or None when there is nothing to fix.

        One client must not stall the others through it: only the first MAX_WORDS unknown
        words of at most MAX_WORD_LENGTH characters are corrected, within one lookup budget
        per query; the fuzzy matching runs outside the searcher lock, over the searcher's
        word list (read once, in chunks); and the answer is cached with the searcher."""
        q = normalize_text(q or "")
        if len(q) > MAX_QUERY_LENGTH:  # search() refuses it anyway
            return None
        with self._searching():
            cached = self._cache.get(("suggest", q))
        if cached is not None:
            return cached[0]
        vocabulary = self._vocabulary_read()
        if vocabulary is None:
            return None
        words = vocabulary.words
        with self._searching() as searcher:
            reader = searcher.reader()
            unknown = []  # (match, stem) of the words to correct
            for m in _QUERY_WORD.finditer(q):
                word = m.group()
                if word in _OPERATORS or q[m.end():m.end() + 1] == ":" or len(word) > MAX_WORD_LENGTH:
                    continue
                stems = [t.text for t in ANALYZER(word)]
                if len(stems) != 1 or stems[0] in words or reader.doc_frequency("context", stems[0]):
                    continue
                unknown.append((m, stems[0]))
                if len(unknown) == MAX_WORDS:
                    break
        budget = Budget()
        found = [(m, words.candidates(stem, budget)) for m, stem in unknown]  # no lock: `words` is read-only
        with self._searching() as searcher:
            reader, out, pos = searcher.reader(), [], 0
            for m, candidates in found:
                # the most frequent candidate, as Whoosh's corrector ranked them
                fix = min(candidates, key=lambda w: (-reader.frequency("text", w), w)) if candidates else None
                surface = fix and _surface_form(searcher, fix)
                if surface:
                    if m.group()[:1].isupper():
                        surface = surface[:1].upper() + surface[1:]
                    out += [q[pos:m.start()], surface]
                    pos = m.end()
            answer = "".join(out) + q[pos:] if out else None
            if vocabulary.is_for(searcher):  # the cache is this searcher's: not if the index changed meanwhile
                self._cache[("suggest", q)] = (answer,)
        return answer

    def _vocabulary_read(self) -> VocabularyReader | None:
        """The current searcher's `text` terms, read a chunk per hold of the lock; callers at
        the same time share the one reading.  None when the index changed under the reading
        three times (commits faster than a read: no suggestion rather than no end)."""
        restarts = 0
        while True:
            with self._searching() as searcher:
                vocabulary = self._vocabulary
                if vocabulary is None or not vocabulary.is_for(searcher):
                    if vocabulary is not None and vocabulary.words is None:
                        restarts += 1
                        if restarts >= 3:
                            return None
                    vocabulary = self._vocabulary = VocabularyReader(searcher, "text")
                if vocabulary.words is None:
                    vocabulary.read(searcher)
                if vocabulary.words is not None:
                    return vocabulary

    def select(self, q: str = "", filters: dict[str, str | list[str]] | None = None,
               min_confidence: float = 0.0, sort: str = "relevance", limit: int = 1000) -> Selection:
        """The first `limit` quotes of a whole result set, in relevance or source order (for export)."""
        if sort not in SORTS:
            raise QueryError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}.")
        whole = build_query(q, normalize_filters(filters), min_confidence)
        with self._searching() as searcher:
            results = searcher.search(
                whole, limit=max(int(limit), 1),
                sortedby=[sorting.FieldFacet("source"), sorting.FieldFacet("start")] if sort == "source" else None)
            return Selection(len(results), [load_quote(hit.fields()) for hit in results][:max(int(limit), 0)])

    @staticmethod
    def _quotes(searcher, restriction: query.Query) -> list[Quote]:
        results = searcher.search(
            query.And([QUOTE_DOCS, restriction]),
            limit=None,
            sortedby=[sorting.FieldFacet("source"), sorting.FieldFacet("start")],
        )
        return [load_quote(hit.fields()) for hit in results]

    @contextmanager
    def _searching(self):
        with self._lock:
            generation = current_generation(self.index_dir)
            if generation != self._generation or not self._searcher.up_to_date():
                # A fresh searcher rather than Searcher.refresh(): in whoosh-reloaded
                # 2.7.5 refresh() reuses old segment readers and resurrects deleted docs.
                try:
                    ix, searcher = open_searcher(self.index_dir)
                except IndexUnavailable as exc:
                    self._log_damage(exc, exc.__cause__)
                    raise
                old, self._searcher, self._generation = self._searcher, searcher, Path(ix.storage.folder)
                self._cache.clear()
                if old is not None:
                    old.close()  # safe: every use of a searcher holds the lock
            try:
                yield self._searcher
            except READ_DAMAGE as exc:  # a damaged segment read lazily: a 503 naming the fix, not a 500
                err = index_damaged(self._generation, exc)
                self._log_damage(err, exc)
                raise err from exc

    def _log_damage(self, err: IndexUnavailable, cause: BaseException | None) -> None:
        """Log a damaged index once until it changes (a missing one has no cause); with the
        traceback when Whoosh raised something other than the usual READ_DAMAGE, as a bug might."""
        if cause is not None and str(err) != self._damage_logged:
            self._damage_logged = str(err)
            log.error("%s", err, exc_info=None if isinstance(cause, READ_DAMAGE) else cause)


log = logging.getLogger(__name__)
SEARCH_CACHE_SIZE = 1024  # pages and facet counts; a page is ~10 quotes, so a few MB at most


def _rare_words_query(searcher, text: str, terms: int = 6):
    """Any of the quote's rarest words: Whoosh's more-like-this also picks words common to
    a tenth of the corpus, and scoring all their matches cost a quarter second per card."""
    reader = searcher.reader()
    ceiling = max(50, reader.doc_count() // 50)
    freq = {}
    for token in ANALYZER(text or ""):
        if token.text not in freq:
            freq[token.text] = reader.doc_frequency("text", token.text)
    rare = sorted((n, t) for t, n in freq.items() if 0 < n <= ceiling)[:terms]
    return query.Or([query.Term("text", t) for _, t in rare]) if rare else None


class _LRU(OrderedDict):
    """A dict that forgets its least recently used entries beyond `size` (callers hold the service lock)."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def get(self, key, default=None):
        if key in self:
            self.move_to_end(key)
            return self[key]
        return default

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


def _frozen(filters) -> tuple:
    """Filters as a hashable cache key (values may be a string or a list)."""
    if not filters:
        return ()
    return tuple(sorted((k, v if isinstance(v, str) else tuple(v)) for k, v in filters.items()))


def _surface_form(searcher, stem: str) -> str | None:
    """A word as written in some quote whose analyzed form is `stem` ("ceasefir" -> "ceasefire")."""
    for hit in searcher.search(query.And([QUOTE_DOCS, query.Term("text", stem)]), limit=3):
        text = load_quote(hit.fields()).text
        for token in ANALYZER(text, chars=True):
            if token.text == stem:
                return text[token.startchar:token.endchar].lower()
    return None


def _registry_aliases(name: str) -> tuple[str, ...]:
    """The speaker registry's other names for `name` (empty when it is not registered)."""
    try:
        from .attribution.speakers import fold, load_registry
        entry = load_registry().get(fold(name))
    except Exception:  # a broken registry file must not take the speaker page down
        return ()
    if entry is None:
        return ()
    return tuple(a for a in dict.fromkeys((entry.name, *entry.aliases)) if fold(a) != fold(name))
