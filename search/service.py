"""`QuoteService`: the one entry point the web app and the CLI use to read the index.

Nothing outside this module (and `index`/`query`) touches Whoosh.  The service keeps
one searcher, reopened when `CURRENT` names a new generation or an incremental
commit landed, so a running server picks up re-indexing without a restart.  A
Whoosh searcher is not safe to use from two threads at once (its posting readers
share a file position, so concurrent searches read each other's blocks), so every
use of it holds one lock; searches are CPU-bound and serialised by the GIL anyway.
"""
from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from whoosh import query, sorting

from .corroboration import Match, matches
from .errors import NotFound, QueryError
from .index import ANALYZER, current_generation, load_article, load_quote, open_index
from .model import Article, Quote
from .query import (QUOTE_DOCS, SORTS, Facet, Hit, SearchPage, build_query, facets_of, normalize_filters,
                    search_page)

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
    def __init__(self, index_dir):
        """Does not touch the index: a missing one makes each method raise IndexUnavailable."""
        self.index_dir = Path(index_dir)
        self._lock = threading.Lock()
        self._searcher = None
        self._generation: Path | None = None
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
        (Whoosh's spelling corrector over the `text` field), or None when there is nothing to fix."""
        q = q or ""
        with self._searching() as searcher:
            reader = searcher.reader()
            corrector = reader.corrector("text")
            out, pos, changed = [], 0, False
            for m in _QUERY_WORD.finditer(q):
                word = m.group()
                if word in _OPERATORS or q[m.end():m.end() + 1] == ":":
                    continue
                stems = [t.text for t in ANALYZER(word)]
                if len(stems) != 1 or reader.doc_frequency("text", stems[0]) or reader.doc_frequency(
                        "context", stems[0]):
                    continue
                # ReaderCorrector ranks by frequency only, so look one edit away before two.
                fixes = corrector.suggest(stems[0], limit=1, maxdist=1) or corrector.suggest(
                    stems[0], limit=1, maxdist=2)
                surface = fixes and _surface_form(searcher, fixes[0])
                if surface:
                    if word[:1].isupper():
                        surface = surface[:1].upper() + surface[1:]
                    out += [q[pos:m.start()], surface]
                    pos, changed = m.end(), True
        return "".join(out) + q[pos:] if changed else None

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
                ix = open_index(self.index_dir)
                old, self._searcher, self._generation = self._searcher, ix.searcher(), Path(ix.storage.folder)
                self._cache.clear()
                if old is not None:
                    old.close()  # safe: every use of a searcher holds the lock
            yield self._searcher


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
        from .attribute import fold, load_registry
        entry = load_registry().get(fold(name))
    except Exception:  # a broken registry file must not take the speaker page down
        return ()
    if entry is None:
        return ()
    return tuple(a for a in dict.fromkeys((entry.name, *entry.aliases)) if fold(a) != fold(name))
