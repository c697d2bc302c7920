"""What an article lets us know of a person's gender, so that "she said" never resolves to a man.

Evidence, strongest first: an honorific or a gendered role next to the name ("Ms. Doe",
"the spokeswoman"), then the first name: the short hand lists below (names in the news the US
counts miss or mislead on), then `data/first_name_genders.tsv`, the US first names that 95% or
more of their bearers share one sex (built from Social Security counts by
scripts/build_entity_lexicons.py; no Jordan, Leslie or Robin). A name on no list leaves the
gender unknown, and an unknown person is still a candidate for either pronoun.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

FEMALE_WORDS = {
    "ms", "mrs", "miss", "madam", "dame", "lady", "spokeswoman", "chairwoman", "congresswoman", "businesswoman",
    "councilwoman", "assemblywoman", "stateswoman", "anchorwoman", "policewoman", "wife", "mother", "daughter",
    "sister", "grandmother", "aunt", "niece", "widow", "actress", "queen", "princess", "woman", "girl", "mom",
    "girlfriend", "fiancee", "duchess", "empress", "heiress", "hostess", "waitress",
}
MALE_WORDS = {
    "mr", "sir", "lord", "spokesman", "chairman", "congressman", "businessman", "councilman", "assemblyman",
    "statesman", "anchorman", "policeman", "husband", "father", "son", "brother", "grandfather", "uncle",
    "nephew", "widower", "actor", "king", "prince", "man", "boy", "dad", "boyfriend", "fiance", "duke", "emperor",
}

FEMALE_NAMES = {
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "nancy",
    "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "dorothy", "carol",
    "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy",
    "angela", "shirley", "anna", "brenda", "pamela", "emma", "nicole", "helen", "samantha", "katherine",
    "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather", "diane",
    "virginia", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan", "evelyn", "judith",
    "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "anne", "teresa",
    "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia", "judy", "grace", "denise",
    "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie", "diana", "natalie", "brittany",
    "charlotte", "rose", "alexis", "kayla", "jane", "hillary", "melania", "ivanka", "chelsea", "kamala", "claire",
    "dianne", "kirsten", "tammy", "maxine", "condoleezza", "madeleine", "nikki", "kellyanne", "huma", "debbie",
    "oprah", "beyonce", "malala", "benazir", "maryam", "fatima", "aisha", "ayesha", "zainab", "malalai", "roza",
    "fawzia", "sima", "amina", "leila", "layla", "yasmin", "priya", "sonia", "indira", "mei", "ming", "olga",
    "natalia", "svetlana", "irina", "ursula", "christiane", "marine", "ségolène", "giorgia", "jacinda", "liz",
    "kate", "katie", "susanna", "melanie", "marcia", "connie", "gennifer", "alicia", "ava", "angelina",
}
MALE_NAMES = {
    "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
    "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
    "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob",
    "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel",
    "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry", "tyler", "aaron", "jose",
    "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle", "walter", "ethan", "jeremy", "harold",
    "keith", "christian", "roger", "noah", "gerald", "carl", "terry", "sean", "austin", "arthur", "lawrence",
    "jesse", "dylan", "bryan", "joe", "billy", "bruce", "albert", "willie", "gabriel", "logan", "alan", "juan",
    "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell", "elijah", "louis", "bobby", "philip",
    "johnny", "barack", "bill", "bernie", "mike", "mitch", "ted", "marco", "rand", "chris", "jeb", "newt", "rudy",
    "vladimir", "xi", "narendra", "imran", "nawaz", "shehbaz", "asif", "khawaja", "ashraf", "hamid", "amir",
    "zabihullah", "mullah", "abdul", "mohammad", "muhammad", "mohammed", "ahmad", "ahmed", "ali", "hassan",
    "hussein", "omar", "osama", "recep", "emmanuel", "boris", "rishi", "keir", "olaf", "bibi", "antónio", "antonio",
    "ban", "kofi", "sergei", "dmitry", "volodymyr", "shinzo", "fumio", "jair", "luiz", "andrés", "nicolás", "hugo",
    "fidel", "raúl", "pope", "elon", "jeff", "warren", "tim", "sundar", "satya", "reince", "rex", "jim", "tom",
    "bob", "dick", "al", "jared", "hunter", "beau", "rahm", "chuck", "harry",
}


def gender_of(name: str, words: set[str] = frozenset()) -> str | None:
    """'f', 'm' or None for a name, given the folded words next to it (titles, role)."""
    if words & FEMALE_WORDS and not words & MALE_WORDS:
        return "f"
    if words & MALE_WORDS and not words & FEMALE_WORDS:
        return "m"
    first = name.split()[0].lower().strip(".,") if name.split() else ""
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return name_genders().get(_fold(first))


@lru_cache(maxsize=1)
def name_genders() -> dict[str, str]:
    """Folded first name → 'f' | 'm', read once, on first use."""
    with open(Path(__file__).parent / "data" / "first_name_genders.tsv", encoding="utf-8") as f:
        return dict(ln.rstrip("\n").split("\t") for ln in f if not ln.startswith("#"))


def _fold(word: str) -> str:
    if word.isascii():
        return word
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


PRONOUN_GENDERS = {"she": "f", "her": "f", "he": "m", "him": "m"}


def pronoun_gender(word: str) -> str | None:
    return PRONOUN_GENDERS.get(word)
