"""Role descriptions and honorifics (issue 17): "Pakistan's defence minister" is the person the
article or the speaker registry names in that role, a role nobody fills stays an anonymous
description, and "Ms. Benning" is the woman the article named Benning."""
import pytest

from search.attribution import extract
from search.attribution.speakers import Discourse
from search.text import Spans

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
    # "Lt. Gov." is a lieutenant governor, not "the governor"
    ("Bill Signed\n\nGov. Leon Amsel signed the bill with Lt. Gov. Pat Dunne at his side.\n\n"
     "“It is historic,” the governor said.", "It is historic", ("Leon Amsel", "person")),
    ("Bill Signed\n\nGov. Leon Amsel signed the bill with Lt. Gov. Pat Dunne at his side.\n\n"
     "“It is overdue,” the lieutenant governor said.", "It is overdue", ("Pat Dunne", "person")),
    # an age given after the name, then used as the description
    ("Climbers Return\n\nKaren Holt, 47, and Tom Reyes, 52, reached the summit on Friday.\n\n"
     "“My lungs were screaming,” the 47-year-old said.", "My lungs were screaming", ("Karen Holt", "person")),
    ("Climbers Return\n\nKaren Holt, 47, and Tom Reyes, 52, reached the summit on Friday.\n\n"
     "“I never doubted it,” the 52-year-old said.", "I never doubted it", ("Tom Reyes", "person")),
    # a trade the word lists do not hold, written right before the name, then "the <trade>"
    ("Deal Signed\n\nCorbin Athletic signed winger Tomas Reid from Porthaven on Friday.\n\n"
     "“I came to win,” the winger said.", "I came to win", ("Tomas Reid", "person")),
    # a noun nobody was described with stays a description, and a verb before a name is no noun
    ("Deal Signed\n\nCorbin Athletic signed winger Tomas Reid from Porthaven on Friday.\n\n"
     "“He came to win,” the goalkeeper said.", "He came to win", ("goalkeeper", "anonymous")),
    # nobody was given that age: a description
    ("Climbers Return\n\nKaren Holt, 47, reached the summit on Friday.\n\n"
     "“It was cold,” the 30-year-old said.", "It was cold", ("30-year-old", "anonymous")),
    # the nouns the article described the person with, before the name or in an appositive
    ("Team Fires Coordinator\n\nHead coach Dana Pryce dismissed her coordinator on Monday.\n\n"
     "“We needed a change,” the coach said.", "We needed a change", ("Dana Pryce", "person")),
    ("Envoy Named\n\nThe bloc named Ines Corvo, a veteran diplomat who served in Rome, to lead the talks.\n\n"
     "“Both sides want peace,” the veteran diplomat said.", "Both sides want peace", ("Ines Corvo", "person")),
    # a noun inside the appositive's modifiers describes someone else
    ("Case Closed\n\nThe court heard Omar Field, a lawyer for the victim, on Monday.\n\n"
     "“I forgive him,” the victim said.", "I forgive him", ("victim", "anonymous")),
    # a nationality given before the name, as a possessive or a demonym
    ("Marathon Won\n\nKenya’s Joseph Kip won on Sunday, ahead of Tom Hadley.\n\n"
     "“It was hard,” the Kenyan said.", "It was hard", ("Joseph Kip", "person")),
    ("Marathon Won\n\nNigerian Ada Obi won on Sunday, ahead of Tom Hadley.\n\n"
     "“It was hard,” the Nigerian said.", "It was hard", ("Ada Obi", "person")),
    ("Marathon Won\n\nKenya’s Joseph Kip won on Sunday, ahead of Tom Hadley.\n\n"
     "“It was hard,” the Nigerian said.", "It was hard", ("Nigerian", "person")),
    # a headline ending in a work's noun ("Memoir") does not make the next paragraph's name a title
    ("Former Leader Launches Memoir\n\nFormer Prime Minister Agnes Tolland spoke on Saturday.\n\n"
     "“I made mistakes,” the former prime minister said.",
     "I made mistakes", ("Agnes Tolland", "person")),
]


def _said(text: str, fragment: str):
    """The first record of `text` that contains `fragment`."""
    quotes = extract(text)
    return next((q for q in quotes if fragment in q.text), None) or pytest.fail(str([q.text for q in quotes]))


@pytest.mark.parametrize("text,fragment,expected", ROLE_CASES)
def test_role_descriptions(text, fragment, expected):
    q = _said(text, fragment)
    assert (q.speaker, q.speaker_type) == expected


HONORIFIC_CASES = [
    # the honorific tells which of two people with one surname
    ("Harold Benning and his sister, Ruth Benning, took over Benning Tools.\n\n"
     "“Dad built this on trust,” Ms. Benning said.", "Dad built this", "Ruth Benning"),
    ("Harold Benning and his sister, Ruth Benning, took over Benning Tools.\n\n"
     "“We will not sell,” Mr. Benning said.", "We will not sell", "Harold Benning"),
    # after "Mr." the word is a surname: not the firm that begins with it
    ("Toolmaker Changes Hands\n\nBenning Tools was sold to Harold Benning on Monday.\n\n"
     "“We will grow,” Mr. Benning said.",
     "We will grow", "Harold Benning"),
    # nobody of that gender has the surname: the surname alone, not the man
    ("Harold Benning retired on Monday.\n\n“He earned it,” Ms. Benning said.", "He earned it", "Benning"),
    # a nickname is no part of the name, and a double-barrelled surname is one word
    ("Boxer Returns\n\nRobert “Bobby” Tran will fight again in June.\n\n“I am ready,” Mr. Tran said.",
     "I am ready", "Robert Tran"),
    ("Villa Found\n\nThe dig was led by Margaret Hale-Dunmore of Westmarch University.\n\n"
     "“It is intact,” Hale-Dunmore said.", "It is intact", "Margaret Hale-Dunmore"),
    # "Sir" and "Dame" go with the first name
    ("Sir Alan Pembury stepped down as chairman.\n\n“It has been an honour,” Sir Alan said.",
     "It has been an honour", "Alan Pembury"),
]


@pytest.mark.parametrize("text,fragment,speaker", HONORIFIC_CASES)
def test_honorific_surnames(text, fragment, speaker):
    assert _said(text, fragment).speaker == speaker


@pytest.mark.parametrize("text, people", [
    ("Villa Found\n\nThe dig was led by Margaret Hale-Dunmore on Friday.", ["margaret hale-dunmore"]),
    ("Villa Found\n\nThe dig was led by Gareth Lloyd-Morgan on Friday.", ["gareth lloyd-morgan"]),
    # no first name before it, or not two capitalised halves: no person
    ("Villa Found\n\nThey met Pro-Trump Republicans on Friday.", []),
    ("Villa Found\n\nThey met Omar Al-QAEDA on Friday.", []),
])
def test_double_barrelled_surnames(text, people):
    assert [full for _, full, _ in Discourse(text, Spans([])).people if "-" in full] == people


@pytest.mark.parametrize("label, speaker", [
    ("the Vermont Democrat", "Ellen Marsh"),
    ("the Democrat", "Ellen Marsh"),
    ("the Ohio Democrat", None),  # another state
    ("the Vermont Republican", None),  # another party
])
def test_party_and_state_labels(label, speaker):
    text = ("Hold Placed\n\nSen. Ellen Marsh, D-Vt., placed a hold on the bill on Tuesday.\n\n"
            f"“We will not fund this,” {label} said.")
    got = _said(text, "We will not fund this").speaker
    assert got == speaker if speaker else got != "Ellen Marsh"


@pytest.mark.parametrize("word,noun", [("winger", True), ("striker", True), ("star", True), ("club", True), ("signed", False),
                                       ("visiting", False), ("recently", False), ("with", False), ("said", False),
                                       ("Coach", False), ("were", False)])
def test_a_bare_noun_before_a_name(word, noun):
    """Only a lower-case word of four letters or more that is no verb form, adverb or function
    word describes the person named after it ("signed winger Tomas Reid")."""
    from search.attribution.speakers import _bare_noun
    from search.text import Token

    assert _bare_noun(Token(word, 0, len(word))) is noun
