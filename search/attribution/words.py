"""Word lists for speakers: pronouns, people, organisations, publications, roles and titles, places.

Only data; `speakers` reads them to tell names from descriptions, and `frames` to find noun
phrases that can speak.
"""
from __future__ import annotations

PRONOUNS = {"he": "person", "she": "person", "i": "person", "we": "group", "they": "group",
            "it": "organisation", "you": "person", "him": "person", "her": "person"}
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}  # "his claim that …"
DETERMINERS = {"the", "a", "an", "one", "another", "some", "several", "many", "two", "three", "four",
               "few", "most", "other", "others", "his", "her", "their", "its", "this", "that", "these",
               "those", "all", "both", "each", "any", "no", "more", "senior", "top", "local", "unnamed",
               "anonymous", "multiple", "numerous", "various", "certain", "former", "1", "2", "3"}
# Nouns a capitalised run can modify ("the Kent County Republican headquarters").
MODIFIED_NOUNS = {"headquarters", "building", "offices", "rally", "rallies", "event", "debate", "hearing",
                  "convention", "campus", "stadium", "arena", "hotel", "airport", "station", "street", "avenue",
                  "road", "county", "district", "case", "trial", "era", "administration", "family", "foundation"}
# Capitalised words that describe people without naming a body they belong to.
IDENTITY_WORDS = {"black", "white", "hispanic", "latino", "latina", "latinx", "asian", "native", "indigenous",
                  "jewish", "muslim", "christian", "catholic", "evangelical", "gay", "lesbian", "young", "older"}
# What can count people in a partitive ("eight of 10 voters", "most of the protesters").
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens",
                "hundreds", "thousands", "half", "most", "many", "some", "all", "both", "none", "each"}
# "groups of protesters", "hundreds of residents": the people are after the "of"
COLLECTIVE = {"group", "groups", "crowd", "crowds", "dozens", "hundreds", "thousands", "scores", "number",
              "handful", "couple", "band", "bands", "busload", "delegation", "team", "members"}
INDEFINITE = {"a", "an", "one", "another", "some", "several", "many", "two", "three", "four", "few",
              "most", "other", "others", "multiple", "numerous", "various", "certain", "unnamed",
              "anonymous", "senior", "top", "local"}
# Heads that describe people without naming them: unnamed speakers are anonymous.
PEOPLE_NOUNS = {
    "official", "officials", "source", "sources", "resident", "residents", "witness", "witnesses",
    "citizen", "citizens", "individual", "individuals", "person", "people", "man", "woman", "men",
    "women", "analyst", "analysts", "expert", "experts", "diplomat", "diplomats", "aide", "aides",
    "observer", "observers", "spokesman", "spokeswoman", "spokesperson", "critic", "critics",
    "supporter", "supporters", "activist", "activists", "researcher", "researchers", "doctor",
    "doctors", "investigator", "investigators", "lawyer", "lawyers", "attorney", "attorneys",
    "lawmaker", "lawmakers", "leader", "leaders", "member", "members", "authorities", "worker",
    "workers", "voter", "voters", "student", "students", "teacher", "teachers", "victim", "victims",
    "survivor", "survivors", "farmer", "farmers", "soldier", "soldiers", "officer", "officers",
    "commander", "commanders", "minister", "ministers", "economist", "economists", "scientist",
    "scientists", "insider", "insiders", "staffer", "staffers", "adviser", "advisers", "advisor",
    "advisors", "friend", "friends", "neighbor", "neighbors", "neighbour", "neighbours", "relative",
    "relatives", "parent", "parents", "eyewitness", "eyewitnesses", "protester", "protesters",
    "organizer", "organizers", "participant", "participants", "employee", "employees", "executive",
    "executives", "owner", "owners", "father", "mother", "son", "daughter", "husband", "wife",
    "brother", "sister", "niece", "nephew", "cousin", "aunt", "uncle", "grandson", "granddaughter",
    "grandmother", "grandfather", "widow", "widower", "fiance", "fiancee", "family", "families",
    "representative", "representatives", "prosecutor",
    "prosecutors", "judge", "senator", "senators", "president", "governor", "mayor", "director",
    "chairman", "chief", "strategist", "strategists", "pollster", "pollsters", "candidate",
    "candidates", "campaign", "delegate", "delegates", "fighter", "fighters", "driver", "drivers",
    "trader", "traders", "shopkeeper", "vendor", "passenger", "passengers", "villager", "villagers",
    "elder", "elders", "cleric", "clerics", "professor", "professors", "journalist", "journalists",
    "reporter", "reporters", "correspondent", "editor", "editors", "author", "authors", "writer",
    "police", "some", "many", "others", "nominee", "host", "anchor", "moderator", "pastor", "rabbi",
    "priest", "coach", "player", "singer", "actor", "actors", "actress", "comedian", "percent", "majority", "respondents", "plurality", "americans",
    "environmentalist", "environmentalists", "historian", "historians", "politician", "politicians",
    "physician", "physicians", "nurse", "nurses", "patient", "patients", "scholar", "scholars",
    "academic", "academics", "pundit", "pundits", "commentator", "commentators", "columnist",
    "columnists", "blogger", "bloggers", "advocate", "advocates", "opponent", "opponents", "proponent",
    "proponents", "skeptic", "skeptics", "sceptics", "veteran", "veterans", "donor", "donors", "investor",
    "investors", "consumer", "consumers", "customer", "customers", "demonstrator", "demonstrators",
    "immigrant", "immigrants", "migrant", "migrants", "refugee", "refugees", "legislator", "legislators",
    "regulator", "regulators", "negotiator", "negotiators", "mediator", "mediators", "detective",
    "detectives", "firefighter", "firefighters", "banker", "bankers", "conservatives", "liberals",
    "progressives", "moderates", "democrats", "republicans", "congressman", "congresswoman", "governors",
    "mayors", "fans", "viewers", "readers", "listeners", "attendees", "locals", "youths", "teenagers",
    "commissioner", "commissioners", "administrator", "superintendent", "treasurer", "auditor", "comptroller",
    "inspector", "sheriff", "coordinator", "manager", "managers", "supervisor",
}
ORG_NOUNS = {
    "ministry", "government", "administration", "military", "army", "navy", "police", "department",
    "agency", "office", "council", "committee", "commission", "court", "party", "company", "firm",
    "group", "organization", "organisation", "institute", "center", "centre", "university", "union",
    "bank", "foundation", "association", "regime", "authority", "board", "bureau", "cabinet",
    "parliament", "congress", "senate", "embassy", "mission", "corps", "forces", "force", "command",
    "coalition", "alliance", "federation", "service", "services", "network", "campaign", "team",
    "statement", "report", "study", "survey", "poll", "document", "letter", "memo", "website",
    "movement", "nations", "taliban", "white house", "pentagon", "kremlin", "fund", "program",
    "programme", "initiative", "watch", "tribunal", "club", "league", "secretariat", "leadership",
}
# Last words of a body's name that are no one's surname ("Public Relations", "Acme Industries").
ORG_NAME_ENDS = {"relations", "affairs", "industries", "holdings", "systems", "airlines", "airways",
                 "communications", "technologies", "securities", "investments", "enterprises", "laboratories",
                 "motors", "institution", "institutions", "academy", "college", "hospital", "society", "trust",
                 "directorate", "international", "reserve", "inc", "corp", "ltd", "llc", "plc", "gmbh"}
# What a body issues rather than is: "a UN report" speaks for the UN, and is not part of its name.
DOCUMENT_NOUNS = {"statement", "report", "study", "survey", "poll", "document", "letter", "memo", "website"}
BODY_NOUNS = ORG_NOUNS - DOCUMENT_NOUNS  # what names a body ("Democratic National Committee")
PUBLICATION_WORDS = {
    "times", "post", "journal", "news", "herald", "tribune", "guardian", "telegraph", "gazette",
    "magazine", "review", "daily", "weekly", "policy", "economist", "reuters", "bloomberg", "politico",
    "axios", "breitbart", "cnn", "bbc", "npr", "msnbc", "fox", "abc", "cbs", "nbc", "afp", "ap",
    "dawn", "express", "mail", "mirror", "sun", "observer", "atlantic", "newsweek", "time",
    "insider", "hill", "independent", "chronicle", "inquirer", "globe", "star", "standard",
    "welle", "jazeera", "tolonews", "pajhwok", "wire", "newspaper", "paper", "outlet", "tabloid",
    "yorker", "slate", "vox", "salon", "politifact", "huffpost", "buzzfeed", "intercept", "media",
    "television", "tv", "radio",
}
PUBLICATION_HEADS = {"newspaper", "paper", "magazine", "outlet", "tabloid", "website", "broadcaster",
                     "network", "daily", "weekly", "publication", "media", "television", "tv", "radio"}
ROLE_WORDS = {
    "minister", "secretary", "general", "secretary-general", "director-general", "president", "vice", "prime",
    "premier", "chancellor", "spokesman", "spokeswoman", "spokesperson", "chief", "director", "ambassador",
    "envoy", "senator", "sen", "rep", "representative", "gov", "governor", "mayor", "leader",
    "chairman", "chairwoman", "chair", "commander", "officer", "head", "deputy", "former", "acting",
    "analyst", "professor", "prof", "dr", "mr", "mrs", "ms", "judge", "king", "queen", "prince",
    "princess", "sheikh", "emir", "pope", "cardinal", "bishop", "imam", "mullah", "maulvi", "col",
    "colonel", "gen", "lt", "lieutenant", "maj", "major", "capt", "captain", "sgt", "sergeant", "adm",
    "admiral", "attorney", "speaker", "ceo", "founder", "co-founder", "executive", "official",
    "economist", "expert", "researcher", "partner", "associate", "adviser", "advisor", "counsel",
    "candidate", "nominee", "lawmaker", "congressman", "congresswoman", "assemblyman", "councilman",
    "councilwoman", "commissioner", "inspector", "superintendent", "sheriff", "strategist", "fellow",
    "scholar", "author", "journalist", "editor", "correspondent", "senior", "lady", "del", "delegate",
}
# Party labels before a name ("Democrat Hillary Clinton", "GOP Sen. John Doe").
PARTY_WORDS = {"democrat", "republican", "democratic", "gop", "libertarian"}
# What a title is minister *of*: part of a title, never one by itself ("the state" is no person).
ROLE_DOMAINS = {
    "foreign", "defense", "defence", "interior", "finance", "justice", "home", "state", "affairs",
    "information", "security", "national", "health", "education", "trade", "commerce", "energy",
    "economy", "economic", "planning", "water", "agriculture", "labour", "labor", "culture",
}
TITLE_WORDS = ROLE_WORDS - ROLE_DOMAINS  # the titles proper: "senator", "minister", "spokesman"
ROLE_WORDS |= ROLE_DOMAINS | PARTY_WORDS
PERSON_WORDS = PEOPLE_NOUNS | ROLE_WORDS  # a person, or one by role ("aide", "spokeswoman")
PEOPLE_OR_ORG_NOUNS = PEOPLE_NOUNS | ORG_NOUNS
ROLE_JOINERS = {"of", "for", "and", "the"}
TITLE_QUALIFIERS = {"vice", "deputy", "former", "acting", "assistant", "lieutenant", "co"}
# The short forms a title takes before a name, for "the senator" after "Sen. Ted Cruz".
TITLE_FORMS = {"senator": {"sen"}, "representative": {"rep"}, "governor": {"gov"}, "general": {"gen"},
               "professor": {"prof"}, "congressman": {"rep"}, "congresswoman": {"rep"}, "delegate": {"del"},
               "lawmaker": {"sen", "senator", "rep", "representative", "congressman", "congresswoman"}}
DEMONYMS = {
    "afghan": "Afghanistan", "pakistani": "Pakistan", "iranian": "Iran", "indian": "India",
    "russian": "Russia", "chinese": "China", "american": "United States", "british": "United Kingdom",
    "saudi": "Saudi Arabia", "qatari": "Qatar", "turkish": "Turkey", "french": "France",
    "german": "Germany", "israeli": "Israel", "palestinian": "Palestine", "ukrainian": "Ukraine",
    "syrian": "Syria", "iraqi": "Iraq", "egyptian": "Egypt", "japanese": "Japan", "korean": "Korea",
    "north korean": "North Korea", "south korean": "South Korea", "mexican": "Mexico",
    "canadian": "Canada", "australian": "Australia", "italian": "Italy", "spanish": "Spain",
    "european": "European Union", "emirati": "United Arab Emirates", "bangladeshi": "Bangladesh",
    "uzbek": "Uzbekistan", "tajik": "Tajikistan", "cuban": "Cuba",
    "venezuelan": "Venezuela", "brazilian": "Brazil", "nigerian": "Nigeria", "kenyan": "Kenya",
}
PLACES = {
    "afghanistan", "pakistan", "india", "iran", "russia", "china", "qatar", "saudi arabia", "turkey",
    "united states", "u.s.", "us", "america", "britain", "united kingdom", "uk", "france", "germany",
    "israel", "ukraine", "syria", "iraq", "egypt", "japan", "north korea", "south korea", "mexico",
    "canada", "australia", "italy", "spain", "kabul", "islamabad", "tehran", "moscow", "beijing",
    "delhi", "new delhi", "doha", "riyadh", "ankara", "washington", "london", "paris", "berlin",
    "kyiv", "jerusalem", "tel aviv", "baghdad", "damascus", "cairo", "tokyo", "seoul", "pyongyang",
    "brussels", "geneva", "kandahar", "peshawar", "lahore", "karachi", "quetta", "rawalpindi",
    "european union", "eu", "nato", "virginia", "california", "texas", "new york", "florida", "ohio",
    "the west", "the kremlin", "the white house", "the pentagon", "downing street", "whitehall",
    # the other US states, and more countries: a place is never a person who can say "he said"
    "alabama", "alaska", "arizona", "arkansas", "colorado", "connecticut", "delaware", "georgia", "hawaii",
    "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland",
    "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
    "new hampshire", "new jersey", "new mexico", "north carolina", "north dakota", "oklahoma", "oregon",
    "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "utah", "vermont",
    "west virginia", "wisconsin", "wyoming", "puerto rico", "bangladesh", "sri lanka", "nepal", "myanmar",
    "burma", "thailand", "vietnam", "indonesia", "malaysia", "philippines", "singapore", "taiwan", "hong kong",
    "nigeria", "kenya", "ethiopia", "somalia", "sudan", "south sudan", "libya", "tunisia", "algeria", "morocco",
    "south africa", "ghana", "lebanon", "jordan", "yemen", "oman", "kuwait", "bahrain", "united arab emirates",
    "uae", "tajikistan", "uzbekistan", "turkmenistan", "kazakhstan", "kyrgyzstan", "azerbaijan", "armenia",
    "belarus", "poland", "hungary", "romania", "greece", "sweden", "norway", "finland", "denmark", "netherlands",
    "belgium", "switzerland", "austria", "portugal", "ireland", "scotland", "wales", "brazil", "argentina",
    "chile", "colombia", "venezuela", "peru", "cuba", "haiti", "new zealand", "palestine", "gaza",
    "the west bank", "west bank", "crimea", "kashmir", "balochistan", "khyber pakhtunkhwa",
}
# Capitals and seats of power speak for their governments ("Islamabad rejected …").
SEATS = {"islamabad", "kabul", "tehran", "moscow", "beijing", "new delhi", "delhi", "doha", "riyadh",
         "ankara", "washington", "london", "paris", "berlin", "kyiv", "jerusalem", "baghdad",
         "damascus", "cairo", "tokyo", "seoul", "pyongyang", "brussels", "the kremlin",
         "the white house", "the pentagon", "downing street", "whitehall"}
NAME_PARTICLES = {"de", "da", "van", "von", "bin", "al", "ul", "le", "la", "du", "del", "della",
                  "di", "ibn", "el", "ben", "abu", "der", "den", "mac", "st."}
TITLES = {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "capt", "maj",
          "sgt", "adm", "rev", "president", "senator", "governor", "mayor", "judge", "minister",
          "secretary", "ambassador", "king", "queen", "prince", "sheikh", "pope", "chancellor",
          "premier", "general", "colonel", "speaker", "justice", "sir", "lord", "lady", "dame"}
SENTENCE_START_WORDS = {"the", "a", "an", "in", "on", "at", "but", "and", "however", "meanwhile",
                        "this", "that", "these", "those", "it", "he", "she", "they", "we", "there",
                        "for", "from", "with", "after", "before", "while", "as", "when", "if",
                        "although", "though", "since", "during", "within", "yet", "so", "also",
                        "according", "earlier", "later", "now", "then", "still", "instead", "despite", "amid",
                        "unlike", "contrary", "following", "without", "throughout", "against", "upon"}
# Words that only stand capitalised inside a name when a headline is in title case.
HEADLINE_WORDS = {"is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "can", "could",
                  "says", "said", "to", "for", "with", "from", "into", "over", "after", "before", "not",
                  "merely", "just", "only", "how", "why", "what", "when", "both", "under", "about"}
# What a speaker issues: "tweets saying …" and "Doe's letter said …" are Doe's words.
MESSAGES = {"statement", "statements", "tweet", "tweets", "letter", "message", "messages", "video", "post",
            "posts", "memo", "email", "emails", "ad", "ads", "release", "op-ed", "editorial", "column", "missive"}
WORKS = {"book", "memoir", "memoirs", "autobiography", "biography", "novel", "film", "movie", "documentary",
         "album", "song", "play", "poem", "essay", "podcast", "series"}
NAME_SUFFIXES = ("jr", "sr", "ii", "iii", "iv")
HONORIFICS = {"mr", "mrs", "ms", "dr", "mx", "sir", "dame", "miss"}
PERSON_TITLES = TITLE_WORDS | PARTY_WORDS  # what "the …" can call one person ("the senator", "the Republican")
NAMING_TITLES = PERSON_TITLES - HONORIFICS  # "President Obama" is titled, "Mr. Obama" only addressed
ABBREVIATED_TITLES = {"sen": "Senator", "rep": "Representative", "gov": "Governor", "gen": "General",
                      "prof": "Professor", "lt": "Lieutenant", "col": "Colonel", "capt": "Captain", "maj": "Major",
                      "sgt": "Sergeant", "adm": "Admiral", "rev": "Reverend", "del": "Delegate", "atty": "Attorney",
                      "supt": "Superintendent"}
# AP style's state abbreviations after a party letter ("Sen. Ellen Marsh, D-Vt."); the eight states
# AP spells out need none.
STATE_ABBREVIATIONS = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california", "colo": "colorado",
    "conn": "connecticut", "del": "delaware", "fla": "florida", "ga": "georgia", "ill": "illinois",
    "ind": "indiana", "kan": "kansas", "ky": "kentucky", "la": "louisiana", "md": "maryland",
    "mass": "massachusetts", "mich": "michigan", "minn": "minnesota", "miss": "mississippi", "mo": "missouri",
    "mont": "montana", "neb": "nebraska", "nev": "nevada", "n.h": "new hampshire", "n.j": "new jersey",
    "n.m": "new mexico", "n.y": "new york", "n.c": "north carolina", "n.d": "north dakota", "okla": "oklahoma",
    "ore": "oregon", "pa": "pennsylvania", "r.i": "rhode island", "s.c": "south carolina", "s.d": "south dakota",
    "tenn": "tennessee", "vt": "vermont", "va": "virginia", "wash": "washington", "w.va": "west virginia",
    "wis": "wisconsin", "wyo": "wyoming",
}
COMPASS = {"western", "eastern", "northern", "southern"}  # "a Western diplomat" belongs to no body called Western
