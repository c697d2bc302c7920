"""Confidence comes from the evidence of each record (issue 17, "Confidence is calibrated"):
the kind, whether the cue is a plain verb of saying, whether reported content is a clause,
and how the speaker was reached.  Values are measured in docs/extraction.md (Calibration)."""
import pytest

from search.attribution import extract


@pytest.mark.parametrize("text, mention, kind, confidence", [
    ("“We will fight on, whatever it takes,” Jane Doe said.", "Jane Doe", "direct", 0.9),
    ("Jane Doe called the plan “a total disaster for all of us.”", "Jane Doe", "partial", 0.85),
    ("Jane Doe said the plan would fail.", "Jane Doe", "indirect", 0.8),
    ("Jane Doe told reporters the plan would fail.", "Jane Doe", "indirect", 0.8),
    # a cue that is not a plain verb of saying
    ("Jane Doe suggested the plan would fail.", "Jane Doe", "indirect", 0.7),
    ("Jane Doe urged both sides to talk.", "Jane Doe", "indirect", 0.7),  # an infinitive is a clause
    # a bare object is no clause
    ("Jane Doe criticised the government's handling of the crisis.", "Jane Doe", "indirect", 0.65),
    # a speaker reached through a pronoun
    ("Jane Doe arrived. She said the plan would fail.", "She", "indirect", 0.75),
    # a pronoun that names no person
    ("The ministry said on Monday that talks had failed. They added that new talks would start.", "They",
     "indirect", 0.55),
    # nobody to say it
    ("“We will fight on, whatever it takes to win this.”", None, "direct", 0.3),
])
def test_confidence_follows_the_evidence(text, mention, kind, confidence):
    q = next(q for q in extract(text) if q.speaker_mention == mention)
    assert (q.kind, q.confidence) == (kind, confidence)
