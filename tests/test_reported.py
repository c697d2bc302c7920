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
    # an evidential verb reports only with a person, a body, a document or data as its subject
    ("The tit-for-tat military actions suggest a hardening of positions on both sides.", []),
    ("The Taliban's assertive response indicates that Kabul is ready to fight.", []),
    ("Analysts suggest that the economy is slowing.",
     [("indirect", "Analysts", "that the economy is slowing")]),
    ("The figures suggest that the economy is slowing.",
     [("indirect", "figures", "that the economy is slowing")]),
    ("A new poll shows that the race is tight.", [("indirect", "A new poll", "that the race is tight")]),
    # a verb with a non-speech sense reports only with a clause
    ("Islamabad maintained working ties with the Taliban government for years.", []),
    ("Islamabad maintained that the Taliban government sheltered militants.",
     [("indirect", "Islamabad", "that the Taliban government sheltered militants")]),
    ("Carmaker recalls 200,000 vehicles over brake fault", []),
    ("Jane Doe held talks with the minister on Monday.", []),
    # a cue form that is more often a noun needs a clear subject: "the former lightweight champion"
    ("Robert Tran, the former lightweight champion, returned to the ring on Saturday after three years away.", []),
    ("Jane Doe has long championed the rights of tenants in the city.",
     [("indirect", "Jane Doe", "the rights of tenants in the city")]),
    # words named, not given
    ("Officials in Kabul have rejected those assertions.", []),
    ("Jane Doe defended the remark on Monday.", []),
    ("Jane Doe rejected the claim that the vote was rigged.",
     [("indirect", "Jane Doe", "the claim that the vote was rigged")]),
])
def test_reported_speech(text, expected):
    assert records(text) == expected
