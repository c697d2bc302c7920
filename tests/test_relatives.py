"""A relative clause speaks for its antecedent, or for nobody (issue 17): never for a name nearby."""
import pytest

from search.attribution import extract


@pytest.mark.parametrize("text, fragment, speaker", [
    # restrictive `who` clause between the subject and the cue: the subject speaks
    ("Dairy farmers who blocked the motorway near Carrow Bridge said the deal would bankrupt small herds.",
     "bankrupt small herds", "Dairy farmers"),
    ("Farmers who live near the river said the water was rising.", "the water was rising", "Farmers"),
    # the antecedent is the object of a verb or preposition
    ("The plan angered regional diplomats who said the shelling must stop.", "shelling must stop",
     "regional diplomats"),
    ("It was a blow to the farmers who said the deal would bankrupt them.", "bankrupt them", "farmers"),
    ("They turned to the Chicago Police Department which reported a rise in shootings last year.",
     "a rise in shootings", "Chicago Police Department"),
    ("The ministry disclosed the payments to the Ledger, which first reported that they were illegal.",
     "they were illegal", "Ledger"),
    # an object relative: the subject inside the clause speaks
    ("The state funding system, which advocates say disadvantages needy schools, was cut.",
     "disadvantages needy schools", "advocates"),
    # the object of a place preposition is no antecedent: nobody
    ("Mayor Jane Doe praised nervous residents along Harbour Road, who argued that the wall was too low.",
     "the wall was too low", None),
    ("Protesters marched through Ferguson, which cautions that the riots will spread.",
     "riots will spread", None),
])
def test_a_relative_clause_speaks_for_its_antecedent(text, fragment, speaker):
    found = [q for q in extract(text) if fragment in q.text]
    assert [q.speaker for q in found] == ([speaker] if speaker else [])


def test_a_participle_after_a_relative_clause_is_the_main_clause_s():
    text = ("Trump was defensive about not paying an architect who said he was stiffed after he designed a "
            "clubhouse, saying, “Maybe he didn’t do a good job, and I wasn’t satisfied with his work.”")
    assert [(q.speaker, q.cue) for q in extract(text)] == [("an architect", "said"), ("Trump", "saying")]
