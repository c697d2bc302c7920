"""Role descriptions (issue 17): "Pakistan's defence minister" is the person the article or the
speaker registry names in that role; a role nobody fills stays an anonymous description."""
import pytest

from search.attribution import extract

ROLE_CASES = [
    # the registry's one holder of the role in that country, before the article names him
    ("Pakistan's defense minister declared on Sunday that the talks were over.",
     "that the talks were over", ("Khawaja Asif", "person")),
    # the article's holder, British or US spelling alike
    ("Interior Minister Mohsin Naqvi visited the border on Monday.\n\n"
     "Pakistan's interior minister said the crossing would reopen.",
     "the crossing would reopen", ("Mohsin Naqvi", "person")),
    # a titled person from another country is not that country's minister
    ("Indian Defence Minister Rajnath Singh spoke first.\n\n"
     "Pakistan's defence minister said the army was ready.",
     "the army was ready", ("Khawaja Asif", "person")),
    # nobody in the article or the registry holds it: described, no speaker page
    ("India's defence minister said the army was ready.", "the army was ready",
     ("India's defence minister", "anonymous")),
    ("The foreign minister said the claims were baseless.", "the claims were baseless",
     ("foreign minister", "anonymous")),
    # a headline ending in a work's noun ("Memoir") does not make the next paragraph's name a title
    ("Former Leader Launches Memoir\n\nFormer Prime Minister Agnes Tolland spoke on Saturday.\n\n"
     "“I made mistakes,” the former prime minister said.",
     "I made mistakes", ("Agnes Tolland", "person")),
]


@pytest.mark.parametrize("text,fragment,expected", ROLE_CASES)
def test_role_descriptions(text, fragment, expected):
    hits = [q for q in extract(text) if fragment in q.text]
    assert hits, [q.text for q in extract(text)]
    assert (hits[0].speaker, hits[0].speaker_type) == expected
