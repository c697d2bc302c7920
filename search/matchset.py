"""Every match of a Whoosh query with its score, without walking the matcher per hit.

Whoosh finds matches by stepping a tree of matchers one document at a time, in Python
(~20 µs a hit for our queries).  Counting totals and facets needs every match, and a
top-k search finds no block to skip here (quote-sized documents have near-equal
scores), so every search paid that per-hit cost.

`scored_matches` builds the same matcher tree Whoosh's collector builds, then
evaluates it bottom-up a posting list at a time: a term's posting blocks are decoded
whole and scored with the term's own scorer (memoised per weight and length), and
the inner nodes combine {docnum: score} dicts with C-level set operations.  Scores
are added in the order the matcher tree adds them, so they are equal to the floats
Whoosh computes, and so is the ranking (score descending, then docnum).  A matcher
this module does not know is walked the ordinary way, so any query is answered
exactly, only more slowly.
"""
from __future__ import annotations

import struct
import threading
import weakref
from array import array
from collections import OrderedDict
from bisect import bisect_left
from itertools import accumulate, islice
from pickle import loads

from whoosh import columns, formats, query
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.matching import binary, mcore, wrappers
from whoosh.scoring import WeightLengthScorer, WeightScorer
from whoosh.system import _INT_SIZE
from whoosh.util import make_binary_tree
from whoosh.util.numeric import byte_to_length

# Per-segment arrays (field lengths, sort orders) are derived from immutable segment
# files, so an entry stays valid for the segment's lifetime; the LRU bounds memory.
_SEGMENT_ARRAYS: OrderedDict = OrderedDict()
_SEGMENT_ARRAYS_MAX = 256  # (segment, field) entries of 1-4 bytes per document
_LOCK = threading.Lock()

# Scored posting lists of frequent terms, per top-level searcher (scores depend on its
# idf and average lengths, so they live and die with it).  A broad search reads ~10^5
# postings, and decoding their blocks (pickled, with positions) is most of its time;
# the same few frequent words and filter values come back search after search.
LEAF_CACHE_MIN = 2000  # postings: shorter lists are cheap to read again
LEAF_CACHE_POSTINGS = 2_000_000  # in all, per searcher (~100 bytes each)
_LEAF_CACHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def scored_matches(searcher, q) -> list[tuple[object, int, dict[int, float]]] | None:
    """[(segment searcher, docnum offset, {segment docnum: score})] for every segment;
    None when the weighting rescales scores per document (`use_final`)."""
    if searcher.weighting.use_final:
        return None
    context = searcher.context()  # what search_with_collector gives the collector
    cache = _leaf_cache(searcher)
    q = q.accept(_lazy_phrase)
    out = []
    for sub, offset in searcher.leaf_searchers():
        m = q.matcher(sub, context)
        out.append((sub, offset, _walk(m) if _has(m, binary.AndMaybeMatcher) else _Segment(sub, cache).scores(m)))
    return out


def _leaf_cache(searcher) -> "_LeafCache":
    with _LOCK:
        cache = _LEAF_CACHES.get(searcher)
        if cache is None:
            cache = _LEAF_CACHES[searcher] = _LeafCache()
        return cache


def top_by_score(segments, k: int) -> list[tuple[float, int]]:
    """The k best (score, global docnum): score descending, then docnum ascending, as Whoosh ranks."""
    scores = [s for _, _, found in segments for s in found.values()]
    if not scores or k <= 0:
        return []
    if len(scores) > k:
        scores.sort(reverse=True)
        floor = scores[k - 1]
    else:
        floor = min(scores)
    items = [(-s, offset + d) for _, offset, found in segments for d, s in found.items() if s >= floor]
    items.sort()
    return [(-s, d) for s, d in items[:k]]


def top_by_key(segments, k: int, fields: tuple[str, ...]) -> list[int] | None:
    """The first k global docnums in the order of the column `fields` (ascending), ties by
    docnum: the order of Whoosh's SortingCollector with `FieldFacet`s on those fields.
    None when a segment lacks one of the columns."""
    picked = []
    for sub, offset, found in segments:
        if not found:
            continue
        reader = sub.reader()
        if not all(reader.has_column(name) for name in fields):
            return None
        keys, order, rank = _sort_order(reader, fields)
        if len(found) * 16 > len(order):  # dense: walk the order until k are found
            first = list(islice((d for d in order if d in found), k))
        else:
            first = sorted(found, key=rank.__getitem__)[:k]
        picked += [(keys(d), offset + d) for d in first]
    picked.sort()
    return [d for _, d in picked[:k]]


def ordinals(reader, name: str) -> tuple[array, list[str]] | None:
    """(value number per document, values as text) of the column `name` in one segment;
    None without a column.  Counting a facet over matches is then one C-level
    Counter(map(ords.__getitem__, docs)) instead of a Python call per document."""
    try:
        key = ("ordinals", reader.segment().segment_id(), name)
    except AttributeError:
        return None
    if not reader.has_column(name):
        return None

    def build():
        raw = reader.column_reader(name, translate=False)
        if type(raw) is columns.VarBytesColumn.Reader and reader.schema[name].from_column_value(b"x") == "x":
            # A text column read in one piece (its own __iter__ reads the file per document).
            lengths, offsets = raw._lengths, raw._offsets
            data = raw._dbfile.get(raw._basepos, offsets[-1] + lengths[-1]) if len(lengths) else b""
            column = [data[o:o + n] for o, n in zip(offsets, lengths)]
        else:
            column = reader.column_reader(name)
        numbers: dict = {}
        ords = array("i", [numbers.setdefault(v, len(numbers)) for v in column])
        values = [v.decode("utf-8") if isinstance(v, bytes) else ("" if v is None else str(v)) for v in numbers]
        return ords, values
    return _segment_array(key, build)


# -- evaluation ---------------------------------------------------------------------------------


class _Segment:
    """Evaluates matcher trees of one segment searcher (the one their scorers were made with)."""

    def __init__(self, sub, cache: "_LeafCache"):
        self.sub = sub
        self.cache = cache
        self.read: dict = {}  # id(leaf matcher) -> scores already read (a phrase's words)

    def scores(self, m) -> dict[int, float]:
        kind = type(m)
        if kind is W3LeafMatcher:
            found = self._leaf(m)
            if found is not None:
                return found
        elif kind is wrappers.FilterMatcher and m.boost == 1.0:
            child = self.scores(m.child)
            ids = m._ids
            if m._exclude:
                for d in child.keys() & ids:
                    del child[d]
                return child
            return {d: child[d] for d in child.keys() & ids}
        elif kind is wrappers.WrappingMatcher:
            boost = m.boost
            child = self.scores(m.child)
            if boost == 1.0:
                return child
            return {d: s * boost for d, s in child.items()}
        elif kind is binary.UnionMatcher:
            a, b = self.scores(m.a), self.scores(m.b)
            summed = {d: a[d] + b[d] for d in a.keys() & b.keys()}
            b.update(a)
            b.update(summed)
            return b
        elif kind is binary.IntersectionMatcher:
            a, b = self.scores(m.a), self.scores(m.b)
            return {d: a[d] + b[d] for d in a.keys() & b.keys()}
        elif kind is binary.AndNotMatcher:
            a, b = self.scores(m.a), self.scores(m.b)
            for d in a.keys() & b.keys():
                del a[d]
            return a
        elif kind is _Scored:
            return dict(zip(m.ids, m.scores))
        elif kind is _Sum:
            a, b = self.scores(m.a), self.scores(m.b)
            return {d: a[d] + b[d] for d in a.keys() & b.keys()}
        elif kind is wrappers.InverseMatcher and _bulk(m.child):
            # NOT: the documents from the current one on that the child does not match
            # (its matcher is unscored: only its ids count).
            child = self.scores(m.child)
            missing = m.missing if self.sub.reader().has_deletions() else None
            return {d: m._weight for d in range(m._id, m.limit)
                    if d not in child and not (missing and missing(d))}
        elif kind is mcore.NullMatcherClass:
            return {}
        return _walk(m)

    def _leaf(self, m: W3LeafMatcher) -> dict[int, float] | None:
        """{docnum: score} of a term's whole posting list; None for a scorer it does not know."""
        found = self.read.pop(id(m), None)
        if found is not None:
            return found
        ok, lengths = self._how(m)
        if not ok:
            return None
        key = (self.sub.reader().segment().segment_id(), m._term, type(m.scorer)) if m._term else None
        cached = self.cache.get(key)
        if cached is not None:
            return dict(cached)  # callers combine dicts in place
        ids, weights, _ = _postings(m)
        out = _score(m.scorer, lengths, ids, weights)
        if key is not None and len(out) >= LEAF_CACHE_MIN:
            self.cache.put(key, dict(out), len(out))
        return out

    def _how(self, m: W3LeafMatcher) -> tuple[bool, bytes | None]:
        """(whether `_score` computes m's scorer, the field length bytes it needs)."""
        scorer = m.scorer
        if scorer is None or type(scorer) is WeightScorer:  # unscored (under NOT), or score = weight
            return True, None
        if isinstance(scorer, WeightLengthScorer) and type(scorer).score is WeightLengthScorer.score and m._term:
            # BM25F's score(): _score(weight, dfl(docnum)), dfl decoding this segment's length byte
            lengths = self._lengths(m._term[0])
            return lengths is not None, lengths
        return False, None

    def _lengths(self, fieldname: str) -> bytes | None:
        """The segment's length bytes of `fieldname`, as `doc_field_length` reads them."""
        reader = self.sub.reader()
        try:
            column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        except AttributeError:
            return None
        if column is None:
            return None
        key = ("lengths", reader.segment().segment_id(), fieldname)
        return _segment_array(key, lambda: bytes(_numbers(column, reader.doc_count_all())))

    def phrase(self, ms: list) -> dict[int, float] | None:
        """The phrase of the words whose term matchers are `ms` (slop 1, in order), scored
        as Whoosh's SpanNear2 matcher scores it: the intersection of the words' matchers.

        The documents with every word (deleted ones left out), then their positions
        checked for the words in a row; only those matches are scored.  None when a
        word's matcher is not one this module reads."""
        leaves = []
        for sub in ms:
            if type(sub) is wrappers.FilterMatcher and sub._exclude:
                sub = sub.child  # deletions: left out below
            if type(sub) is not W3LeafMatcher or not _bulk(sub) or type(sub.format) is not formats.Positions:
                return None
            leaves.append(sub)
        deleted = set().union(*(sub._ids for sub in ms if type(sub) is wrappers.FilterMatcher))
        read = []
        for leaf in leaves:
            ok, lengths = self._how(leaf)
            if not ok:
                return None
            read.append((leaf, lengths, *self._with_positions(leaf)))
        common = set(read[0][2]).intersection(*(r[2] for r in read[1:])) - deleted
        matched = []
        first, rest = read[0][3], [(i, r[3]) for i, r in enumerate(read[1:], 1)]
        for d in common:
            # the starts s with word i at position s + i, for every word i
            starts = set(_positions(first[d]))
            for i, values in rest:
                starts.intersection_update([p - i for p in _positions(values[d])])
            if starts:
                matched.append(d)
        # Score only the matches, then add them up in the intersection tree's order.
        for leaf, lengths, weight, _ in read:
            self.read[id(leaf)] = _score(leaf.scorer, lengths, matched, [weight[d] for d in matched])
        return self.scores(make_binary_tree(_Sum, ms))

    def _with_positions(self, leaf: W3LeafMatcher) -> tuple[dict, dict]:
        """({docnum: weight}, {docnum: encoded positions}) of a phrase word (read-only: cached)."""
        key = ("positions", self.sub.reader().segment().segment_id(), leaf._term)
        found = self.cache.get(key)
        if found is None:
            ids, weights, values = _postings(leaf, values=True)
            found = dict(zip(ids, weights)), dict(zip(ids, values))
            if len(ids) >= LEAF_CACHE_MIN:
                self.cache.put(key, found, len(ids))
        return found


def _positions(value: bytes):
    """`formats.Positions.decode_positions` without its per-call indirections."""
    if not value.endswith(b"."):
        value += b"."
    return accumulate(loads(value[_INT_SIZE:]))


class _Sum:
    """The shape of an IntersectionMatcher (a + b) without its stepping constructor."""

    def __init__(self, a, b):
        self.a, self.b = a, b


class _Scored(mcore.Matcher):
    """A matcher over documents already found and scored (ascending docnums)."""

    def __init__(self, found: dict[int, float]):
        self.ids = sorted(found)
        self.scores = [found[d] for d in self.ids]
        self._i = 0

    def is_active(self):
        return self._i < len(self.ids)

    def id(self):
        return self.ids[self._i]

    def next(self):
        if self._i >= len(self.ids):
            raise mcore.ReadTooFar
        self._i += 1

    def skip_to(self, id):
        if self._i >= len(self.ids):
            raise mcore.ReadTooFar
        self._i = max(self._i, bisect_left(self.ids, id))

    def reset(self):
        self._i = 0

    def copy(self):
        other = _Scored({})
        other.ids, other.scores, other._i = self.ids, self.scores, self._i
        return other

    def replace(self, minquality=0):
        return self if self.is_active() else mcore.NullMatcher()

    def all_ids(self):
        return iter(self.ids[self._i:])

    def supports_block_quality(self):
        return False

    def max_quality(self):
        return max(self.scores, default=0.0)

    def score(self):
        return self.scores[self._i]

    weight = score


class _LazyPhrase(query.Phrase):
    """`query.Phrase` found from posting lists when its matcher is built.

    Whoosh's SpanNear2 matcher steps to its first match when built, and a parent's
    constructor (an intersection with a filter) steps it further: reading positions
    document by document, most of a rare phrase's lists, before any evaluation could
    start.  This one reads the words' lists whole (`_Segment.phrase`) and gives a
    matcher over the matches with the scores Whoosh's would give; the same checks and
    NullMatchers as `Phrase.matcher` come first."""

    def matcher(self, searcher, context=None):
        fieldname = self.fieldname
        if fieldname not in searcher.schema or self.slop != 1:
            return query.Phrase.matcher(self, searcher, context)
        field = searcher.schema[fieldname]
        if not field.format or not field.format.supports("positions"):
            return query.Phrase.matcher(self, searcher, context)  # raises Whoosh's error
        reader, terms = searcher.reader(), []
        for word in self.words:
            try:
                word = field.to_bytes(word)
            except ValueError:
                return mcore.NullMatcher()
            if (fieldname, word) not in reader:
                return mcore.NullMatcher()
            terms.append(query.Term(fieldname, word))
        # The matches of a phrase in a segment only change with the searcher: cached, as
        # the same phrase comes back with other filters, sorts and pages.
        cache = _leaf_cache(searcher.get_parent())
        key = ("phrase", searcher.reader().segment().segment_id(), fieldname, tuple(t.text for t in terms),
               context is not None and context.weighting is not None)
        found = cache.get(key)
        if found is None:
            found = _Segment(searcher, cache).phrase([t.matcher(searcher, context) for t in terms])
            if found is None:
                return query.Phrase.matcher(self, searcher, context)
            cache.put(key, found, len(found) + 1)
        # SpanNear2's matcher wraps its intersection with boost 1; the phrase's boost wraps that.
        m = _Scored(found)
        return wrappers.WrappingMatcher(m, boost=self.boost) if self.boost != 1.0 else m


def _lazy_phrase(q):
    if type(q) is query.Phrase:
        return _LazyPhrase(q.fieldname, q.words, slop=q.slop, boost=q.boost, char_ranges=q.char_ranges)
    return q


class _LeafCache:
    """An LRU of decoded posting lists, bounded by their total number of postings."""

    def __init__(self, limit: int = LEAF_CACHE_POSTINGS):
        self.limit, self.size = limit, 0
        self.entries: OrderedDict = OrderedDict()

    def get(self, key):
        with _LOCK:
            found = self.entries.get(key)
            if found is None:
                return None
            self.entries.move_to_end(key)
            return found[0]

    def put(self, key, value, size: int) -> None:
        with _LOCK:
            if key in self.entries or size > self.limit:
                return
            self.entries[key] = (value, size)
            self.size += size
            while self.size > self.limit:
                _, (_, old) = self.entries.popitem(last=False)
                self.size -= old


_COMBINING = (wrappers.WrappingMatcher, binary.UnionMatcher, binary.IntersectionMatcher, binary.AndNotMatcher)


def _bulk(m) -> bool:
    """Whether `scores` evaluates all of `m` from posting lists (without stepping a matcher)."""
    kind = type(m)
    if kind is W3LeafMatcher:
        return m.scorer is None or type(m.scorer) is WeightScorer or (
            isinstance(m.scorer, WeightLengthScorer) and type(m.scorer).score is WeightLengthScorer.score
            and bool(m._term))
    if kind is wrappers.FilterMatcher:
        return m.boost == 1.0 and _bulk(m.child)
    if kind in _COMBINING:
        return all(_bulk(c) for c in m.children())
    return kind is mcore.NullMatcherClass


def _has(m, kind) -> bool:
    """Whether the matcher tree holds a `kind` matcher.

    A tree with ANDMAYBE is walked whole: Whoosh's AndMaybeMatcher.skip_to moves the
    optional side to the target, not to where the required side landed, so whether
    the optional score is added depends on how the tree above steps it; the answer
    must still be the one Whoosh gives."""
    return type(m) is kind or any(_has(c, kind) for c in m.children())


def _walk(m) -> dict[int, float]:
    """The ordinary way: one document at a time (exact for any matcher)."""
    out = {}
    while m.is_active():
        out[m.id()] = m.score()
        m.next()
    return out


def _postings(m: W3LeafMatcher, values: bool = False):
    """(ids, weights, values or []) of a whole posting list, decoded a block at a time."""
    m.reset()  # a FilterMatcher above it may already have stepped it
    ids, weights, vals = [], [], []
    while True:
        if m._data is None:
            m._read_data()
        # _read_ids() without its Python generator: ids are stored as deltas from 0
        ids += m._data[0] if m._byteids else accumulate(m._data[0])
        m._read_weights()
        weights += m._weights
        if values:
            m._read_values()
            vals += m._values
        if m._lastblock:
            break
        m._goto(m._nextoffset)
    return ids, weights, vals


def _score(scorer, lengths: bytes | None, ids, weights) -> dict[int, float]:
    """{docnum: score} as the scorer's score() gives it for these postings (see `_how`)."""
    if scorer is None:
        return dict.fromkeys(ids, 0.0)
    if lengths is None:  # WeightScorer
        return dict(zip(ids, weights))
    score, memo, out = scorer._score, {}, {}
    for d, w in zip(ids, weights):
        lb = lengths[d]
        s = memo.get((w, lb))
        if s is None:  # doc_field_length: None for a zero length byte
            s = memo[(w, lb)] = score(w, byte_to_length(lb) if lb else None)
        out[d] = s
    return out


def _numbers(creader, n: int):
    """The n values of a numeric column; one read instead of one per document."""
    if type(creader) is columns.NumericColumn.Reader and not creader._reverse:
        count = min(creader._count, n)
        raw = creader._dbfile.get(creader._basepos, count * creader._fixedlen)
        found = list(struct.unpack(f"!{count}{creader._typecode}", raw))
        return found + [creader._default] * (n - count)
    return [creader[d] for d in range(n)]


def _sort_order(reader, fields: tuple[str, ...]):
    """(key of a docnum, segment docnums in key order, rank of each docnum) for one segment.

    The keys are the column values Whoosh's `ColumnCategorizer.sort_key` compares: text
    columns as text (UTF-8 bytes and their text sort alike), numeric ones as numbers."""
    key = ("order", reader.segment().segment_id(), fields)

    def build():
        n = reader.doc_count_all()
        per_field = []
        for name in fields:
            creader = reader.column_reader(name, translate=False)
            if isinstance(creader, columns.NumericColumn.Reader):
                per_field.append(_numbers(creader, n))
            else:
                ords, values = ordinals(reader, name)
                per_field.append([values[o] for o in ords])
        keys = list(zip(*per_field))
        order = array("i", sorted(range(n), key=keys.__getitem__))  # stable: ties by docnum
        rank = array("i", bytes(4 * n))
        for i, d in enumerate(order):
            rank[d] = i
        return keys.__getitem__, order, rank
    return _segment_array(key, build)


def _segment_array(key, build):
    with _LOCK:
        found = _SEGMENT_ARRAYS.get(key)
        if found is not None:
            _SEGMENT_ARRAYS.move_to_end(key)
            return found
    found = build()
    with _LOCK:
        _SEGMENT_ARRAYS[key] = found
        while len(_SEGMENT_ARRAYS) > _SEGMENT_ARRAYS_MAX:
            _SEGMENT_ARRAYS.popitem(last=False)
    return found
