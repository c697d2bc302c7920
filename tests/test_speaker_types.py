"""Entity types before speakers (issue 17): each rule that keeps a capitalised non-person out of
the speakers, on a table of text → the (speaker, speaker_type, role) of every record, rows
where no one named speaks included.  The texts are written for these rules, not taken from the
identity battery.
"""
import pytest

from search.attribution import extract
from search.attribution.speakers import Discourse, describe, trade_word
from search.entities import entity_type
from search.text import Spans

CASES = [
    # A place, a holiday, a building or page furniture between a person and "he"/"she" is no antecedent.
    ("Ferry captain Ruth Calloway sailed past Gull Harbor at dawn.\n\n“The sea was glass,” she said.",
     [("Ruth Calloway", "person", None)]),
    ("Councilman Pedro Ibarra spoke before Memorial Day.\n\n“We owe them everything,” he said.",
     [("Pedro Ibarra", "person", None)]),
    ("Olga Brandt toured the wards at Lakeview General on Friday.\n\n“Morale is low,” she said.",
     [("Olga Brandt", "person", None)]),
    ("Nadia Farouk ran the bakery for a decade.\n\nGETTY IMAGES\n\n“Bread is patience,” she said.",
     [("Nadia Farouk", "person", None)]),
    # ... and with no one else before it, the pronoun names no one.
    ("Snow fell across Pine Ridge County on Monday.\n\n“It will not stop,” he said.",
     [(None, "anonymous", None)]),
    # An institution the article has speak stays an organisation.
    ("Lakeview General said in a statement that two patients had died.",
     [("Lakeview General", "organisation", None)]),
    # A heading on a line of its own names no one.
    ("Mayor Ines Kovac opened the bridge.\n\nA New Crossing\n\n“It took ten years,” she said.",
     [("Ines Kovac", "person", None)]),
    # A trade before a first name and a surname is the role, not the name.
    ("Carpenter Mateo Ruiz fixed the roof.\n\n“The beams were rotten,” Mr. Ruiz said.",
     [("Mateo Ruiz", "person", None)]),
    ("Chef Anya Petrova said the menu would change every week.",
     [("Anya Petrova", "person", "Chef")]),
    ("Night Nurse Jonas Berg said the ward was calm.",
     [("Jonas Berg", "person", "Night Nurse")]),
    # A photo credit is page furniture.
    ("Coach Ray Dunn built the program.\n\nPlayers train on Monday. (Daily Ledger Photo/Ana Cruz)\n\n"
     "“We start at six,” he said.", [("Ray Dunn", "person", "Coach")]),
    # An honorific alone is no one: "Mrs." cut at its full stop reads on to the surname, and the
    # honorific chooses between two people of that surname.
    ("Clara Voss and her husband, Tom Voss, bought the farm.\n\n“We will keep the cows,” Mrs. Voss said.",
     [("Clara Voss", "person", None)]),
    ("Family Firm Stays Put\n\nIvan Roth and his sister, Mira Roth, run Roth Mills.\n\n“We will not move,” Ms. Roth said.",
     [("Mira Roth", "person", None)]),  # the woman named, not the nearer name of no known gender
    ("Dr. Lena Carr-Whitby led the study.\n\n“The effect is small,” Dr. Carr-Whitby said.",
     [("Lena Carr-Whitby", "person", None)]),  # a hyphen in a surname after a first name
    ("Sir Geoffrey Hale opened the library.\n\n“Books are for everyone,” Sir Geoffrey said.",
     [("Geoffrey Hale", "person", None)]),
    # Title-case headline words are no speaker unless the article below backs them.
    ("Port Staff Say Delays Will Grow\n\nShipping agent Omar Haddad said cargo was piling up.",
     [("Omar Haddad", "person", "Shipping agent")]),
    ("Retired Admiral Says Navy Is Too Small\n\nThe retired admiral, who served for 30 years, spoke on radio.",
     [("Retired Admiral", "person", None)]),
    ("Nurses Say Wards Are Unsafe\n\nStaffing fell by a third this year.",
     [("Nurses", "anonymous", None)]),
    # A non-speaker at the end of a body's name: the body speaks.
    ("The nonpartisan Commission on Presidential Debates says the microphone was faulty.",
     [("Commission on Presidential Debates", "organisation", None)]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_speakers_are_people_or_bodies(text, expected):
    assert [(q.speaker, q.speaker_type, q.role) for q in extract(text)] == expected


@pytest.mark.parametrize("text, name, kind", [
    # "who" right after a plural noun stands for that noun, not for the last name before it
    ("Fighting along the Vell Pass raised alarm among regional and foreign investors who are urging talks.",
     "regional and foreign investors", "anonymous"),
    ("Mayor Hal Brandt met militants who say they want talks.", "militants", "anonymous"),
    ("Mayor Hal Brandt, who is 60, spoke.", "Hal Brandt", "person"),  # after a comma: the name
])
def test_who_after_a_plural_noun(text, name, kind):
    start = text.index("who")
    sp = describe(text, start, start + 3, Discourse(text, Spans([])))
    assert (sp.name, sp.type) == (name, kind)


@pytest.mark.parametrize("words, trade", [
    (["Painter", "Lena", "Ortiz"], True),
    (["Epidemiologist", "Omar", "Haddad"], True),
    (["Nurse", "Grace", "Obi"], True),
    (["Fire", "Marshal", "Owen", "Pryce"], True),  # a trade of two words
    (["Harper", "Lee"], False),  # two words: the first is the given name
    (["Tucker", "Carlson", "Jr"], False),  # a first name, not a trade
    (["Abu", "Mohammed", "Julani"], False),  # no trade by its shape
])
def test_trade_word(words, trade):
    assert trade_word(words) is trade


@pytest.mark.parametrize("name, article, kind", [
    ("Marc H. Morial", "In a panel in Washington, Marc H. Morial, the chief executive, spoke.", "person"),
    ("Retired General", None, "unknown"),  # an officer, not a hospital like "Memorial General"
    ("Memorial General", "She was taken to Memorial General.", "building"),
])
def test_entity_type_cases_the_wiring_relies_on(name, article, kind):
    assert entity_type(name, article) == kind
