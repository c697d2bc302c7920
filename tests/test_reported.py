"""Reported speech is held to a higher bar (issue 17): who reports what, and in what form."""
import pytest

from search.attribution import extract


def records(text):
    return [(q.kind, q.speaker, q.text) for q in extract(text)]


@pytest.mark.parametrize("text, expected", [
    # a that-clause is a report complete in itself: the full quote after its colon is a direct record
    ("Jane Doe arrived. She warned that the city would act if provoked: “We want peace, but we have other "
     "options.”",
     [("indirect", "Jane Doe", "that the city would act if provoked"),
      ("direct", "Jane Doe", "“We want peace, but we have other options.”")]),
    # a clause announcing the quote stays one record with it
    ("Jane Doe said the message was clear: “We want peace, but we have other options.”",
     [("partial", "Jane Doe", "the message was clear: “We want peace, but we have other options.”")]),
    # a leadership is a body that speaks
    ("Pakistan’s defence leadership characterized the situation as having crossed into “open war.”",
     [("partial", "Pakistan’s defence leadership", "the situation as having crossed into “open war.”")]),
])
def test_reported_speech(text, expected):
    assert records(text) == expected
