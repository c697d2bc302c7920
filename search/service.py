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
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from whoosh import query, sorting

from .corroboration import Match, matches
from .errors import NotFound, QueryError
from .index import ANALYZER, current_generation, load_article, load_quote, open_index
from .model import Article, Quote
from .query import QUOTE_DOCS, Facet, Hit, SearchPage, facets_of, search_page

__all__ = ["QuoteService", "ArticleView", "SearchPage", "Hit", "Facet", "Match", "SpeakerSummary",
           "SpeakerProfile", "SourceCount", "Selection"]


@dataclass(frozen=True)
class ArticleView:
    article: Article
    quotes: list[Quote]  # in source order


class QuoteService:
    def __init__(self, index_dir):
        """Does not touch the index: a missing one makes each method raise IndexUnavailable."""
        self.index_dir = Path(index_dir)
        self._lock = threading.Lock()
        self._searcher = None
        self._generation: Path | None = None

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
            return search_page(searcher, q, filters, page, per_page, min_confidence, sort)

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
                if old is not None:
                    old.close()  # safe: every use of a searcher holds the lock
            yield self._searcher
