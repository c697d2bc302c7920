"""Identity battery (issue 17): does each quote name the right speaker?

The cases live in `identity_cases.py`, grouped by failure class. Each runs through the real
pipeline (`parse_text` → `quotes_of`). A case that fails today is a strict xfail, so the suite
stays green while it measures the work ahead, and a fix that makes one pass turns XPASS into
a failure: then delete that case's `fails=` note.

    python tests/test_identity.py        per-class counts of cases passing today
    python tests/test_identity.py -v     … and what the extractor says for each failing case
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # identity_cases, when run as a script

from identity_cases import GROUPS, Case  # noqa: E402

from search.ingest import parse_text  # noqa: E402
from search.pipeline import quotes_of  # noqa: E402


def _said(q) -> str:
    return f"{q.speaker!r} ({q.speaker_type}, mention {q.speaker_mention!r}) for {q.text[:60]!r}"


def _description(s: str) -> list[str]:
    words = s.casefold().split()
    return words[1:] if len(words) > 1 and words[0] in ("a", "an", "the") else words


def _same_description(got: str, want: str) -> bool:
    """An anonymous source's description: case and a leading article aside ("A senior
    official" at a sentence start, "night watchman" for "the night watchman"), the words
    must agree as far as the shorter one goes ("two people" for "two people briefed on the
    plan"), so the head of the description is right even if its tail was cut."""
    g, w = _description(got), _description(want)
    n = min(len(g), len(w))
    return n > 0 and g[:n] == w[:n]


def problem(case: Case) -> str | None:
    """What is wrong with the pipeline's output for `case`, or None when it is right."""
    quotes = quotes_of(parse_text(case.text, "case.txt"))
    wrong = [q for q in quotes if q.speaker is not None and q.speaker in case.never]
    if wrong:
        return "never a speaker: " + _said(wrong[0])
    hits = [q for q in quotes if case.fragment in q.text]
    if not case.record:
        return ("a record for what is not speech: " + _said(hits[0])) if hits else None
    if not hits:
        found = "; ".join(_said(q) for q in quotes) or "no quotes at all"
        return f"no record contains {case.fragment!r} (found: {found})"
    q = hits[0]
    if case.type == "anonymous" and case.speaker is not None and q.speaker is not None:
        same = _same_description(q.speaker, case.speaker)
    else:
        same = q.speaker == case.speaker
    if not same:
        return f"expected {case.speaker!r}, got " + _said(q)
    if case.type and q.speaker_type != case.type:
        return f"expected type {case.type}, got " + _said(q)
    return None


def _params() -> list:
    params = []
    for group, cases in GROUPS:
        for case in cases:
            marks = ([pytest.mark.xfail(strict=True, reason=f"issue 17: {group}: {case.fails}")]
                     if case.fails else [])
            params.append(pytest.param(case, id=f"{group}/{case.id}", marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_identity(case: Case):
    trouble = problem(case)
    assert trouble is None, trouble


def test_battery_shape():
    """At least 150 cases, unique ids, each group in the proportions the battery was built for."""
    ids = [(g, c.id) for g, cases in GROUPS for c in cases]
    assert len(ids) == len(set(ids)) >= 150
    sizes = {g: len(cases) for g, cases in GROUPS}
    assert sizes["pronouns"] >= 40 and sizes["roles"] >= 30 and sizes["honorifics"] >= 25
    assert sizes["never-speakers"] >= 30 and sizes["anonymous"] >= 15
    for _, cases in GROUPS:
        for c in cases:
            assert c.record or c.speaker is None, c.id
            if c.record:
                assert c.fragment in c.text, c.id  # the fragment is the article's own words


def summary(verbose: bool = False) -> str:
    lines, total, passed = [], 0, 0
    for group, cases in GROUPS:
        ok = 0
        for case in cases:
            trouble = problem(case)
            ok += trouble is None
            if verbose and trouble:
                lines.append(f"  FAIL {group}/{case.id}: {trouble}")
            if (trouble is None) == bool(case.fails):
                stale = "passes but still has a fails= note" if case.fails else "fails but has no fails= note"
                lines.append(f"  MARKER STALE {group}/{case.id}: {stale}")
        lines.append(f"{group} {ok}/{len(cases)}")
        total += len(cases)
        passed += ok
    lines.append(f"total {passed}/{total} ({passed / total:.0%} identified correctly)")
    return "\n".join(lines)


if __name__ == "__main__":
    print(summary(verbose="-v" in sys.argv[1:]))
