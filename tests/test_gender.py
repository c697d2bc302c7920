"""Gender from first names (issue 17): the hand lists, then the US names that 95% or more of
their bearers share one sex (data/first_name_genders.tsv); a name shared more evenly, or on no
list, tells nothing, so that person stays a candidate for either pronoun."""
import pytest

from search.attribution import extract
from search.gender import gender_of


@pytest.mark.parametrize("name, gender", [
    ("Gareth Pryce", "m"), ("Leela Mehta", "f"), ("Viktor Lasko", "m"), ("Joanna Reyes", "f"),
    ("Jacinda Ardern", "f"),  # the hand list
    ("Jordan Ellis", None), ("Taylor Brooks", None), ("Robin Achebe", None),  # given to both sexes
    ("Zero Hedge", None), ("Kettle", None), ("", None),
])
def test_first_names(name, gender):
    assert gender_of(name) == gender


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Court Frees Reporter\n\nJudge Miriam Holt freed the reporter after finding that the "
     "prosecutor, Gareth Lyle, had hidden evidence.\n\n“Justice was delayed,” she wrote.",
     "Justice was delayed", "Miriam Holt"),
    ("Teen Wins Title\n\nDev Rao, 15, won the title. His mother, Leela Rao, watched.\n\n"
     "“I was nervous,” he said.", "I was nervous", "Dev Rao"),
    # a name that tells nothing: still a candidate for "she"
    ("Runner Sets Record\n\nCasey Ellis broke the record on Sunday.\n\n“I felt strong,” she said.",
     "I felt strong", "Casey Ellis"),
])
def test_pronoun_skips_the_other_gender(text, fragment, speaker):
    hits = [q for q in extract(text) if fragment in q.text]
    assert hits and hits[0].speaker == speaker, [(q.speaker, q.text) for q in extract(text)]
