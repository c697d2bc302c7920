"""Ingest and extraction work grows near-linearly with the input, even on inputs built
to be slow (issue 20, item 7).  Nothing here is timed: each test counts work (Python
lines executed, plus what C code is given to walk over: lists scanned, strings searched
by a regex, characters normalised) at size n and 4n; the count may grow about 4x, not 16x.

The inputs are the ones `bench/ingest_scaling.py` times.
"""
from __future__ import annotations

import importlib.util
import re
import sys
import types
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import ingest
from search.attribution.speakers import Discourse, Speaker, _one_someone
from search.attribution.frames import _mid_sentence
from search.text import Spans

_spec = importlib.util.spec_from_file_location(
    "ingest_scaling", Path(__file__).resolve().parent.parent / "bench" / "ingest_scaling.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

SCANS = {"index", "count", "remove"}  # list methods that compare element after element
REGEX_CALLS = {"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


class Work:
    """Counts work with sys.settrace (lines) and sys.setprofile (C calls): no clock.

    A line counts 1; a list scan (`list.index`) counts the list's length; a module-level
    regex call (`re.search(pattern, text)`) counts the length of the string it is given."""

    def __init__(self):
        self.units = 0

    def _line(self, frame, event, arg):
        self.units += 1
        return self._line

    def _call(self, frame, event, arg):
        code = frame.f_code
        if code.co_name in REGEX_CALLS and code.co_filename.endswith(("re/__init__.py", "re.py")):
            self.units += len(frame.f_locals.get("string") or "")
        return self._line

    def _profile(self, frame, event, arg):
        if event == "c_call" and getattr(arg, "__name__", "") in SCANS and isinstance(
                getattr(arg, "__self__", None), list):
            self.units += len(arg.__self__)

    def run(self, fn, *args):
        trace, profile = sys.gettrace(), sys.getprofile()
        sys.settrace(self._call)
        sys.setprofile(self._profile)
        try:
            return fn(*args)
        finally:
            sys.setprofile(profile)
            sys.settrace(trace)


@pytest.fixture
def counted_unicodedata(monkeypatch):
    """`ingest.unicodedata`, counting the characters each call is given (normalising is
    C code that settrace can't see, and its cost grows with its argument)."""
    work = Work()
    longest = [0]

    def counted(fn):
        def call(form, s):
            work.units += len(s)
            if fn is unicodedata.normalize:
                longest[0] = max(longest[0], len(s))
            return fn(form, s)
        return call

    monkeypatch.setattr(ingest, "unicodedata", types.SimpleNamespace(
        normalize=counted(unicodedata.normalize), is_normalized=counted(unicodedata.is_normalized),
        combining=unicodedata.combining))
    return work, longest


def growth(name: str, kb: float, work: Work | None = None) -> float:
    """The work for the input `name` at 4 x kb over the work at kb."""
    counts = []
    for size in (kb, 4 * kb):
        w = work or Work()
        before = w.units
        w.run(bench.ingest_and_extract, *bench.PATHOLOGICAL[name](size))
        counts.append(w.units - before)
    return counts[1] / counts[0]


@pytest.mark.parametrize("name,kb", [
    ("headings", 1),  # was cubic: a pass over every repeat for each link of the chain
    ("short_lines", 2),  # was quadratic: content.index() for every repeated line
    ("pronoun_quotes", 4),  # was quadratic: "he" looked through every earlier speaker
    ("blockquotes", 40),  # was quadratic: block.find() walked the whole nesting for every block
    ("capitalised_claims", 2),  # was quadratic: a regex search of the whole text for every sentence
])
def test_work_grows_near_linearly(name, kb):
    ratio = growth(name, kb)
    assert ratio < 5, f"{name}: 4x the input took {ratio:.1f}x the work"


@pytest.mark.parametrize("name", ["accents", "mixed_accents"])
def test_nfc_work_grows_near_linearly(name, counted_unicodedata):
    work, longest = counted_unicodedata
    ratio = growth(name, 1, work)
    assert ratio < 5, f"{name}: 4x the input took {ratio:.1f}x the characters normalised"
    # unicodedata sorts a run of marks in quadratic time: it is given short runs only
    assert longest[0] <= 64, longest[0]


def test_the_baseline_grows_linearly_too():
    for suffix in (".txt", ".html"):
        counts = []
        for kb in (2, 8):
            w = Work()
            w.run(bench.ingest_and_extract, *bench.baseline(kb, suffix))
            counts.append(w.units)
        assert counts[1] / counts[0] < 5


# -- the indexes that replaced whole-text scans answer as the scans did -------------------

CHARS = st.sampled_from(list("aAbB ,;.\n\t'’-&/s\u00e9\u00c9\u00a0X1_") + ["U.S.", "O'Neil"])


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(CHARS, max_size=30).map("".join), st.lists(CHARS, min_size=1, max_size=6).map("".join))
def test_mid_sentence_is_the_search_it_replaces(text, word):
    assert _mid_sentence(text, word) == bool(re.search(r"[a-z,;]\s+" + re.escape(word) + r"\b", text))


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 40), st.sampled_from(["Jane Doe", "John Smith", "Mary Jones", None]),
                          st.sampled_from(["person", "anonymous", "organisation"]),
                          st.sampled_from(["she", "a resident", "the senator", "officials"])), max_size=12),
       st.integers(0, 45), st.sampled_from([None, "f", "m"]))
def test_person_before_is_the_scan_it_replaces(added, offset, gender):
    d = Discourse("Ms. Jane Doe met Mr. John Smith and Mary Jones, a mother. " * 2, Spans([]))
    for start, name, kind, mention in added:
        d.speakers.append(Speaker(mention, start, start + 3, kind, name))
        found = [sp for start_, _, sp in d.people if start_ < offset]
        found += [sp for sp in d.speakers if sp.start < offset and sp.name and (
            sp.type == "person" or _one_someone(sp))]
        expected = next((sp for sp in sorted(found, key=lambda sp: sp.start, reverse=True)
                         if gender is None or d.gender(sp) in (gender, None)), None)
        assert d.person_before(offset, gender) == expected
        assert d.last_speaker(name) == next((sp for sp in reversed(d.speakers) if sp.name == name), None)
