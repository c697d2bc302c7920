"""Turning a user's search into a Whoosh query, running it, and highlighting the hits.

Query language (the text box):

* words are AND-ed and stemmed ("wars" finds "war"); they match the quote text
  (weighted higher) and its surrounding context;
* "double quotes" search a phrase; typographic quotes (“…”) work too;
* AND, OR, NOT, ANDNOT and parentheses work as usual; `text:` / `context:` limit a
  word to one field (other `name:` prefixes are read as plain words: filter on
  speaker, source, ... with the filters instead);
* an empty query matches every quote.

Limits, which give a `QueryError` with a message for the user:

* at most `MAX_QUERY_LENGTH` characters;
* at most `MAX_FILTER_VALUES_PER_FIELD` values per filter, `MAX_FILTER_VALUES` in all,
  each at most `MAX_FILTER_VALUE_LENGTH` characters (every page of results links to
  itself with each filter value added or removed, so its size grows with their number);
* double quotes and parentheses must be balanced;
* no wildcards (`*`): a leading or inner wildcard scans the whole vocabulary, and
  stemming already covers word endings.  Fuzzy (`war~2`), range (`[a TO b]`) and
  match-all (`*:*`) syntax is not enabled; `~N` after a word is ignored;
* a non-empty query must contain a searchable word (stop words such as "the" and
  punctuation are dropped by the analyzer).

Filters (speaker, affiliation, ...) and the confidence threshold are built as query
objects in code, never spliced into query strings.

The query and the filter values are normalised to NFC here, as the index text is at
ingest, so "António" typed with a combining accent finds the same quotes.
"""
from __future__ import annotations

import math
import unicodedata
from collections import Counter
from operator import itemgetter
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from html import escape

from whoosh import collectors, qparser, query, sorting
from whoosh.fields import Schema

from .errors import QueryError
from .index import ANALYZER, SCHEMA, load_quote
from .matchset import ordinals, scored_matches, top_by_key, top_by_score
from .model import Quote

MAX_QUERY_LENGTH = 500
MAX_FILTER_VALUES_PER_FIELD = 20
MAX_FILTER_VALUES = 50
MAX_FILTER_VALUE_LENGTH = 500
MAX_PER_PAGE = 100
RANKED_KEEP = 100  # docnums ranked (and cached) per search at least: pages 1-10 of 10
FACET_LIMIT = 100  # values per facet in a SearchPage, most frequent first (a broad search has 10^5 sources)
SORTS = ("relevance", "source")
FILTER_FIELDS = ("speaker", "speaker_id", "affiliation", "kind", "speaker_type", "source")
FACET_FIELDS = ("speaker", "affiliation", "kind", "speaker_type", "source")
SEARCH_FIELDS = ("text", "context")
SOURCE_ORDER = ("source", "start")  # sort=source: by article, then position in it
QUOTE_DOCS = query.Term("doctype", "quote")

# The parser only knows the searchable fields, so "speaker:x" or "data:x" are plain
# words rather than queries on ID, numeric or stored fields.
_PARSER = qparser.MultifieldParser(
    list(SEARCH_FIELDS),
    Schema(**{name: SCHEMA[name] for name in SEARCH_FIELDS}),
    fieldboosts={"text": 2.0, "context": 1.0},
    group=qparser.AndGroup,
)
for _plugin in (qparser.WildcardPlugin, qparser.RangePlugin, qparser.EveryPlugin, qparser.SingleQuotePlugin):
    # SingleQuotePlugin would turn apostrophes in names into literal terms.
    _PARSER.remove_plugin_class(_plugin)
_TYPOGRAPHIC = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


@dataclass(frozen=True)
class Facet:
    value: str
    count: int


@dataclass(frozen=True)
class Hit:
    quote: Quote
    text_html: str
    context_html: str


@dataclass(frozen=True)
class SearchPage:
    query: str
    filters: dict[str, list[str]]
    total: int
    page: int
    per_page: int
    pages: int
    hits: list[Hit]
    facets: dict[str, list[Facet]]  # FACET_FIELDS -> by count desc, then value
    sort: str = "relevance"


def normalize_text(text: str) -> str:
    """NFC, the form the index holds (ingest normalises articles the same way)."""
    return unicodedata.normalize("NFC", text)


def parse_user_query(q: str) -> query.Query:
    """The text-box part of a search; `Every()` for an empty query."""
    q = normalize_text(q or "").translate(_TYPOGRAPHIC).strip()
    if len(q) > MAX_QUERY_LENGTH:
        raise QueryError(f"The query is too long ({len(q)} characters; at most {MAX_QUERY_LENGTH}).")
    if not q:
        return query.Every()
    _check_syntax(q)
    try:
        parsed = _PARSER.parse(q)
    except (IndexError, AssertionError, ValueError, RecursionError):
        # Whoosh's parser trips over operator runs such as "NOT NOT war" or "NOT OR war".
        raise QueryError("The query could not be understood: check its AND, OR, NOT and parentheses.") from None
    if parsed is query.NullQuery:
        raise QueryError("The query has no searchable words (common words such as 'the' and punctuation are ignored).")
    return parsed


def filter_query(filters: Mapping[str, list[str]]) -> query.Query | None:
    """Values of one field OR-ed, fields AND-ed; None when nothing is filtered."""
    parts = _filter_parts(filters)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else query.And(parts)


def confidence_query(min_confidence: float) -> query.Query | None:
    try:
        value = float(min_confidence)
    except (TypeError, ValueError):
        raise QueryError(f"min_confidence must be a number, not {min_confidence!r}.") from None
    if not 0.0 <= value <= 1.0:  # also rejects NaN
        raise QueryError(f"min_confidence must be between 0 and 1, not {min_confidence!r}.")
    return query.NumericRange("confidence", value, None) if value > 0 else None


def build_query(q: str, filters: Mapping[str, list[str]] | None = None, min_confidence: float = 0.0) -> query.And:
    """The whole search, restricted to quote documents."""
    user = parse_user_query(q)
    parts = [] if isinstance(user, query.Every) else [user]
    parts.append(QUOTE_DOCS)
    parts.extend(_filter_parts(filters or {}))
    confidence = confidence_query(min_confidence)
    if confidence is not None:
        parts.append(confidence)
    return query.And(parts)


def normalize_filters(filters: Mapping[str, str | list[str]] | None) -> dict[str, list[str]]:
    """Values as NFC lists without blanks or repeats, fields in FILTER_FIELDS order.

    QueryError for an unknown field, or for more values (after removing repeats) or
    longer ones than the limits allow."""
    filters = filters or {}
    unknown = sorted(set(filters) - set(FILTER_FIELDS))
    if unknown:
        raise QueryError(f"Unknown filter {', '.join(unknown)}; filters are {', '.join(FILTER_FIELDS)}.")
    out, total = {}, 0
    for name in FILTER_FIELDS:
        values = filters.get(name) or []
        if isinstance(values, str):
            values = [values]
        values = list(dict.fromkeys(normalize_text(v).strip() for v in values if isinstance(v, str) and v.strip()))
        if len(values) > MAX_FILTER_VALUES_PER_FIELD:
            raise QueryError(f"Too many {name} filter values ({len(values)}; "
                             f"at most {MAX_FILTER_VALUES_PER_FIELD} per filter).")
        for v in values:
            if len(v) > MAX_FILTER_VALUE_LENGTH:
                raise QueryError(f"A {name} filter value is too long ({len(v)} characters; "
                                 f"at most {MAX_FILTER_VALUE_LENGTH}).")
        total += len(values)
        if values:
            out[name] = values
    if total > MAX_FILTER_VALUES:
        raise QueryError(f"Too many filter values ({total}; at most {MAX_FILTER_VALUES} in all).")
    return out


def search_page(
    searcher,
    q: str = "",
    filters: Mapping[str, str | list[str]] | None = None,
    page: int = 1,
    per_page: int = 10,
    min_confidence: float = 0.0,
    sort: str = "relevance",
    cache: MutableMapping | None = None,
) -> SearchPage:
    """One page of hits plus facet counts over every match (not just this page).

    `matchset.scored_matches` gives every match with the score Whoosh would give it,
    read a posting list at a time; the total and facet counts come from those document
    numbers (`_match_counts`), the page from the best of them.  A query it cannot read
    that way (a weighting with a per-document `final`) or a sort on a missing column
    goes through Whoosh's collector instead.  `cache` (owned by the caller and emptied
    when the index changes) keeps the counts per (query, filters, confidence) and the
    first `RANKED_KEEP` (or more) document numbers per sort order too, so paging or
    re-sorting a search does not search again."""
    page, per_page = _page_number(page, "page"), _page_number(per_page, "per_page")
    if per_page > MAX_PER_PAGE:
        raise QueryError(f"per_page must be between 1 and {MAX_PER_PAGE}, not {per_page}.")
    if sort not in SORTS:
        raise QueryError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}.")
    filters = normalize_filters(filters)
    whole = build_query(q, filters, min_confidence)
    terms = highlight_terms(whole)
    run = _executed(whole)
    base = (q or "", tuple((k, tuple(v)) for k, v in filters.items()), float(min_confidence))
    counted = cache.get(("counts", *base)) if cache is not None else None
    ranked = cache.get(("ranked", sort, *base)) if cache is not None else None
    if counted is None or ranked is None or len(ranked) < min(page * per_page, counted[0]):
        # Rank at least RANKED_KEEP: the next pages of a search are then served from the cache.
        counted, ranked = _run(searcher, run, max(page * per_page, RANKED_KEEP), sort, counted)
        if cache is not None:
            cache[("counts", *base)] = counted
            cache[("ranked", sort, *base)] = ranked
    total, facets = counted
    hits = []
    if total > (page - 1) * per_page:
        for docnum in ranked[(page - 1) * per_page : page * per_page]:
            quote = load_quote(searcher.stored_fields(docnum))
            hits.append(Hit(quote, mark_text(quote.text, terms), mark_context(quote, terms)))
    return SearchPage(
        query=q or "",
        filters=filters,
        total=total,
        page=page,
        per_page=per_page,
        pages=math.ceil(total / per_page),
        hits=hits,
        facets=facets,
        sort=sort,
    )


def _run(searcher, run: query.Query, k: int, sort: str, counted):
    """((total, facets), the first k docnums) of a search; `counted` when already known."""
    order = [sorting.FieldFacet(name) for name in SOURCE_ORDER] if sort == "source" else None
    scored = scored_matches(searcher, run)
    docnums = None
    if scored is not None:
        # Every match with its score, a posting list at a time: counting and ranking
        # then cost no per-hit matcher steps.
        if counted is None:
            counted = _match_counts([(sub, offset, found.keys()) for sub, offset, found in scored])
        if order is None:
            docnums = [d for _, d in top_by_score(scored, k)]
        else:
            docnums = top_by_key(scored, k, SOURCE_ORDER)
    if docnums is None:
        # Whoosh's own collector.  Counting needs one that sees every match: a top-k one
        # skips whole segments (and blocks) that cannot make the top k.
        collector = searcher.collector(limit=k if counted is not None else None, sortedby=order)
        if counted is None:
            # One pass: the collector sees every match, and the recorder keeps their numbers.
            recorder = _MatchRecorder(collector)
            searcher.search_with_collector(run, recorder)
            results = recorder.results()
            counted = _match_counts(recorder.segments)
        else:
            searcher.search_with_collector(run, collector)
            results = collector.results()
        docnums = [hit.docnum for hit in results[:k]]
    return counted, docnums


def facets_of(results, name: str) -> list[Facet]:
    """Counts of a `groupedby` facet, most frequent first; documents without the field are left out."""
    counts = results.groups(name)
    return sorted((Facet(v, n) for v, n in counts.items() if v), key=lambda f: (-f.count, f.value))


def _executed(whole: query.And) -> query.Query:
    """`whole` without the doctype term when the words alone can only match quotes.

    Article documents have no text or context field, so a query that needs a word in
    one of them never matches an article; intersecting with `doctype:quote` (every
    quote's posting) would only cost time."""
    user = whole.subqueries[0]
    if user is not QUOTE_DOCS and user != QUOTE_DOCS and _needs_words(user):
        rest = [p for p in whole.subqueries if p != QUOTE_DOCS]
        return rest[0] if len(rest) == 1 else query.And(rest)
    return whole


def _needs_words(q: query.Query) -> bool:
    """True when every document `q` matches has a term in a SEARCH_FIELDS field."""
    if isinstance(q, query.Not):
        return False
    if isinstance(q, (query.AndNot, query.AndMaybe)):
        return _needs_words(q.a)
    if isinstance(q, query.And):
        return any(_needs_words(c) for c in q.subqueries)
    if isinstance(q, query.Or):
        return bool(q.subqueries) and all(_needs_words(c) for c in q.subqueries)
    if isinstance(q, (query.Term, query.Phrase)):
        return q.field() in SEARCH_FIELDS
    return False


class _MatchRecorder(collectors.WrappingCollector):
    """Passes every match to the wrapped (top-k) collector and keeps the document numbers per segment."""

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        self.segments = []  # (subsearcher, offset, segment document numbers)

    def set_subsearcher(self, subsearcher, offset):
        super().set_subsearcher(subsearcher, offset)
        self.docs = []
        self.segments.append((subsearcher, offset, self.docs))

    def collect_matches(self):
        collect, keep = self.child.collect, self.docs.append
        for sub_docnum in self.child.matches():
            keep(sub_docnum)
            collect(sub_docnum)


def _match_counts(segments) -> tuple[int, dict[str, list[Facet]]]:
    """(number of matching documents, facet counts) from the matches of each segment."""
    total = 0
    counts = {name: Counter() for name in FACET_FIELDS}
    for sub, offset, docs in segments:
        if not docs:
            continue
        total += len(docs)
        reader = sub.reader()
        pick = itemgetter(*docs) if len(docs) > 1 else (lambda seq, d=next(iter(docs)): (seq[d],))
        for name in FACET_FIELDS:
            column = ordinals(reader, name)
            if column is None:  # no column (an old index): categorise document by document
                cat = sorting.FieldFacet(name).categorizer(sub)
                cat.set_searcher(sub, 0)
                counts[name].update(cat.key_to_name(cat.key_for(None, d)) for d in docs)
                continue
            ords, values = column
            picked = pick(ords)  # one C-level pass: the value number of every match
            if len(values) < 256:  # few values (kind, speaker_type): count bytes in C
                picked = bytes(picked)
                found = ((number, picked.count(number)) for number in range(len(values)))
            else:
                found = Counter(picked).items()
            target = counts[name]
            for number, n in found:
                if n:
                    target[values[number]] += n
    return total, {name: _top_facets(c) for name, c in counts.items()}


def _top_facets(counts: Counter) -> list[Facet]:
    """The FACET_LIMIT most frequent values (then by value), without the empty one.

    A broad search has ~10^4 sources: only the values that can make the list are sorted."""
    counts.pop("", None)
    counts.pop(None, None)
    items = counts.items()
    if len(counts) > FACET_LIMIT:
        floor = sorted(counts.values(), reverse=True)[FACET_LIMIT - 1]
        items = [(v, n) for v, n in items if n >= floor]
    return [Facet(v, n) for v, n in sorted(items, key=lambda vn: (-vn[1], vn[0]))[:FACET_LIMIT]]


def highlight_terms(q: query.Query) -> frozenset[str]:
    """The analyzed words a hit is highlighted on: positive text/context terms, phrases included."""
    if isinstance(q, query.Not):
        return frozenset()
    if isinstance(q, query.AndNot):
        return highlight_terms(q.a)
    if q.is_leaf():
        return frozenset(
            t.decode("utf-8") if isinstance(t, bytes) else t
            for name, t in q.iter_all_terms(phrases=True)
            if name in SEARCH_FIELDS
        )
    return frozenset().union(*(highlight_terms(c) for c in q.children()))


def mark_text(text: str, terms: frozenset[str]) -> str:
    """`text` HTML-escaped, with words whose analyzed form is in `terms` wrapped in <mark>."""
    return _render(text, _term_spans(text, terms), 0, len(text))


def mark_context(quote: Quote, terms: frozenset[str]) -> str:
    """The quote's context HTML-escaped, the quote itself in <mark class="quote">, matched words in <mark>."""
    context = quote.context
    spans = _term_spans(context, terms)
    start = min(max(quote.start - quote.context_start, 0), len(context))
    end = min(max(quote.end - quote.context_start, start), len(context))
    if start == end:
        return _render(context, spans, 0, len(context))
    return (
        _render(context, spans, 0, start)
        + '<mark class="quote">'
        + _render(context, spans, start, end)
        + "</mark>"
        + _render(context, spans, end, len(context))
    )


def _term_spans(text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
    if not terms or not text:
        return []
    return [(t.startchar, t.endchar) for t in ANALYZER(text, chars=True) if t.text in terms]


def _render(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> str:
    out, pos = [], lo
    for start, end in spans:
        start, end = max(start, lo), min(end, hi)
        if start < end:
            out += [escape(text[pos:start]), "<mark>", escape(text[start:end]), "</mark>"]
            pos = end
    out.append(escape(text[pos:hi]))
    return "".join(out)


def _filter_parts(filters: Mapping[str, list[str]]) -> list[query.Query]:
    parts = []
    for name, values in normalize_filters(filters).items():
        if name == "source":
            # Source names are file paths, kept as the file system spelt them (macOS's are
            # NFD): match the NFD form of a value too.
            values = list(dict.fromkeys(f for v in values for f in (v, unicodedata.normalize("NFD", v))))
        terms = [query.Term(name, v) for v in values]
        parts.append(terms[0] if len(terms) == 1 else query.Or(terms))
    return parts


def _check_syntax(q: str) -> None:
    if "*" in q:
        raise QueryError("Wildcards (*) are not supported; words are stemmed, so 'war' also finds 'wars'.")
    depth, in_phrase = 0, False
    for ch in q:
        if ch == '"':
            in_phrase = not in_phrase
        elif not in_phrase and ch in "()":
            depth += 1 if ch == "(" else -1
            if depth < 0:
                raise QueryError("The query has a ')' without a matching '('.")
    if in_phrase:
        raise QueryError('The query has an unclosed double quote (").')
    if depth:
        raise QueryError("The query has a '(' without a matching ')'.")


def _page_number(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except ValueError:
            raise QueryError(f"{name} must be a whole number, not {value!r}.") from None
    if value < 1:
        raise QueryError(f"{name} must be at least 1, not {value}.")
    return value
