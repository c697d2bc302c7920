"""The lexicon: the words the attribution rules look for."""
from __future__ import annotations

import re

from .speakers import PERSON_WORDS

_REGULAR = """
add admit affirm agree allege announce argue assert assure blast boast brief caution charge claim
comment complain concede conclude condemn confirm contend continue counter criticize criticise decry
declare demand deny describe disclose dismiss elaborate emphasize emphasise estimate explain fear
highlight hint hope indicate inform insist joke lament maintain mention note object observe pledge
point post praise predict promise propose question quip recall recount reiterate reject remark remind
repeat reply report respond reveal say signal slam state stress suggest testify threaten tout tweet urge
vow warn welcome wonder worry write accuse call ask acknowledge believe think tell brand label dub
laud characterize characterise liken encourage pound admire rate blame exhort mock deride hail denounce
lambaste reference compare champion defend term ridicule attack bemoan rip speak
yell shout scream chant sing exclaim whisper mutter plead beg muse concur interject retort snap sigh
chide scold gush marvel cite acknowledge advise assert brag claim contend declare explain forecast
guarantee imply insist maintain recommend reckon reassure suspect theorize theorise underline
underscore vouch wager opine proclaim pronounce announce show cite want plan expect refuse decline offer
express voice
""".split()
_IRREGULAR = {
    "say": ["said", "says", "saying", "say"], "tell": ["told", "tells", "telling", "tell"],
    "write": ["wrote", "writes", "writing", "written", "write"], "think": ["thought", "thinks", "think"],
    "feel": ["felt", "feels"], "find": ["found", "finds"], "know": ["knew", "knows"],
    "hold": ["held", "holds"], "rule": ["ruled", "rules"], "show": ["show", "shows", "showed", "shown"],
    "sing": ["sang", "sings", "sung", "singing", "sing"], "read": ["read", "reads"],
    "use": ["use", "uses", "used", "using"],  # only before "the phrase “…”": see _cue_frame
}
ATTITUDES = {"hope", "fear", "worry", "question"}  # as participles ("hoping …") they report nothing
# After a comma, the writer's gloss on what was said ("…,” underscoring the seriousness …"), not more of it;
# with a that-clause, the speaker's own signal ("held rates steady, signaling that cuts could come")
GLOSSES = {"underscore", "signal", "indicate"}
GO_ON = {"went", "go", "goes", "going", "gone"}  # "went on to say"
TOOK = {"took", "takes", "take", "taking"}  # "took to Twitter to accuse …"
ADDRESSED = {"tell", "warn", "assure", "reassure", "remind", "advise", "inform", "ask", "urge"}  # "was told": heard
# Subordinators that can open a sentence with a participle: "After warning that …, the envoy left".
OPENERS = {"after", "while", "before", "when", "by", "in", "since", "upon", "despite"}
# What a passive speech verb's content opens with: "was accused of …", "It was announced that …".
PASSIVE_COMPLEMENTS = {"that", "as", "of", "for", "to", "whether", "if", "how", "why", "what"}
NAMING = {"call", "brand", "label", "dub", "term"}  # "was called a charlatan": the name is the content
# Verbs of belief and feeling: "was convinced", "is worried that …" is the subject's own state, not a passive.
STATES = {"believe", "think", "suspect", "feel", "know", "reckon", "fear", "hope", "worry", "wonder", "agree",
          "concur", "expect", "want", "plan", "refuse", "decline"}
# Verbs that report only with a stance noun after them: "expressed concern that …", "voiced support for …".
STANCE_VERBS = {"express", "voice"}
STANCES = {"concern", "concerns", "hope", "hopes", "confidence", "doubt", "doubts", "fear", "fears", "optimism",
           "pessimism", "skepticism", "scepticism", "frustration", "regret", "worry", "worries", "alarm",
           "disappointment", "dismay", "outrage", "anger", "surprise", "support", "opposition", "sympathy",
           "condolences", "gratitude", "reservations", "objections", "misgivings", "satisfaction", "displeasure",
           "solidarity", "interest", "shock", "indignation", "anxiety", "unease", "appreciation", "thanks"}
TERMS = {"phrase", "term", "word", "words", "expression", "label", "slogan", "line", "nickname"}
from .speakers import PERSON_WORDS


def _forms(verb: str) -> list[str]:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if verb.endswith(("s", "sh", "ch", "x")):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    if verb in ("admit", "quip", "regret", "commit"):
        return [verb, verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


CUES: dict[str, str] = {}
for _v in _REGULAR + list(_IRREGULAR):
    for _f in _forms(_v):
        CUES.setdefault(_f, _v)
# Past forms of other ways to write ("a doctor had typed “…”"); their base forms are mostly nouns.
CUES.update(dict.fromkeys(["typed", "scrawled", "penned", "jotted", "scribbled"], "write"))
# Verbs whose next noun phrase is the person addressed, not the content.
ADDRESSEE = {"encourage", "tell", "inform", "assure", "remind", "brief", "warn", "urge", "ask", "accuse", "call"}
# What a source answers or not ("did not respond to requests for comment").
ENQUIRIES = {"request", "requests", "message", "messages", "query", "queries", "question", "questions", "email",
             "emails", "inquiry", "inquiries", "letter", "letters", "call", "calls", "comment", "criticism"}
# Verbs whose whole complement is the content ("urged both sides to …", "denied X").
WHOLE_OBJECT = {"pound", "admire", "rate", "blame", "exhort", "mock", "deride", "hail", "denounce", "lambaste",
                "reference", "compare", "champion", "defend", "term", "ridicule", "blast", "slam", "dismiss",
                "brand", "label", "dub", "laud", "characterize", "characterise", "liken", "attack",
                "encourage", "want", "plan", "offer", "expect", "refuse", "decline", "cite", "urge", "ask", "call", "deny", "reject", "confirm", "announce", "accuse", "demand",
                "propose", "promise", "pledge", "vow", "condemn", "dismiss", "welcome", "praise",
                "criticize", "criticise", "threaten", "predict", "describe", "estimate", "reveal",
                "disclose", "acknowledge", "admit", "question"}
# Verbs that stand after a quote and before the speaker: `"…," said X`.
INVERTING = {"say", "add", "ask", "write", "explain", "continue", "note", "recall", "state", "reply",
             "remark", "declare", "argue", "insist", "warn", "caution", "conclude", "observe",
             "suggest", "acknowledge", "counter", "quip", "respond", "report", "tweet", "post", "yell",
             "shout", "scream", "exclaim", "whisper", "mutter", "retort", "snap", "sigh", "gush", "marvel",
             "chant", "plead", "concur", "interject", "opine", "proclaim", "boast", "joke", "recount",
             "comment", "assert", "claim", "confirm", "announce", "emphasize", "emphasise", "stress",
             "admit", "complain", "predict", "reply", "maintain", "contend", "reiterate", "vow"}
# Forms that are more often nouns ("a report", "the call"): need a clear subject.
NOUNISH = {"report", "reports", "claim", "claims", "call", "calls", "comment", "comments", "post",
           "posts", "note", "notes", "charge", "charges", "counter", "signal", "signals", "question",
           "questions", "demand", "demands", "fear", "fears", "hope", "hopes", "promise", "promises",
           "pledge", "pledges", "vow", "vows", "warning", "tweet", "tweets", "worry", "worries",
           "estimate", "estimates", "statement", "state", "states", "point", "points", "object",
           "objects", "reply", "replies", "remark", "remarks", "welcome", "stress", "praise",
           "joke", "jokes", "mention", "continue", "find", "finds", "found", "hold", "holds", "held",
           "feel", "knew", "know", "knows", "rule", "rules", "ruled", "saying", "telling", "writing",
           "thinking", "asking", "calling", "warning", "hoping", "fearing", "post", "think",
           "believe", "say", "tell", "ask", "write", "add", "note", "state", "rate", "rates", "attack", "attacks"}
AUX = {"has", "have", "had", "is", "are", "was", "were", "also", "now", "later", "previously", "repeatedly", "once",
       "again", "then",
       "recently", "publicly", "earlier", "would", "will", "could", "can", "may", "might", "did",
       "does", "do", "reportedly", "allegedly", "further", "separately", "not", "never", "still",
       "often", "already", "himself", "herself", "themselves", "itself", "been", "being", "just",
       "even", "first", "quickly", "immediately", "privately", "openly", "frequently", "explicitly",
       "initially", "subsequently", "simply", "flatly", "bluntly", "firmly", "strongly", "angrily",
       "sharply", "vehemently", "forcefully", "loudly", "quietly", "recently", "last", "had",
       # a pronoun's contracted auxiliary ("He's claiming", "They've said"), a word of its own
       "'s", "’s", "'re", "’re", "'ve", "’ve", "'d", "’d", "'ll", "’ll", "'m", "’m"}
BOUNDARY_WORDS = {"that", "but", "while", "as", "because", "although", "though", "when", "after",
                  "before", "if", "since", "whereas", "where", "which", "who", "whom", "whose",
                  "so", "unless", "until", "than", "what", "how", "why", "whether"}
PREPOSITIONS = {"in", "on", "at", "from", "after", "during", "within", "for", "with", "by", "since",
                "as", "while", "despite", "amid", "following", "under", "over", "before", "through",
                "throughout", "without", "across", "about", "into", "to", "of", "like", "unlike",
                "among", "between", "behind", "beyond", "near", "outside", "inside", "via", "per",
                "upon", "toward", "towards", "against", "along", "around"}
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "today", "yesterday", "tonight", "week", "month", "year", "morning", "evening",
              "night", "afternoon", "weekend", "earlier", "later", "late", "last", "this", "next",
              "january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "jan", "feb", "aug", "sept", "oct", "nov", "dec"}
DAY_PARTS = {"morning", "afternoon", "evening", "night", "today", "tonight", "yesterday", "week", "month", "year"}
TIME_NOUNS = TIME_WORDS - {"earlier", "later", "late", "last", "this", "next"}
NOT_VERBS = {"united", "armed", "red", "bed", "need", "seed", "speed", "feed", "creed", "embed", "breed", "shed",
             "ahmed", "mohammed", "muhammed", "hamed", "based", "led", "detained", "wounded", "retired",
             "unnamed", "elected", "appointed", "qualified", "concerned", "interested", "disaffected"}
QUOTE_CHARS = "\"“”„«»‘’'‹›"
# Nouns that report what their owner said: "Trump’s claim that …".
NOUN_CUES = {"claim", "claims", "assertion", "assertions", "statement", "argument", "warning", "warnings", "insistence",
             "contention", "allegation", "allegations", "suggestion", "promise", "promises", "pledge", "pledges",
             "vow", "vows", "charge", "charges", "report", "reports", "accusation", "accusations", "remark", "remarks",
             "comment", "comments", "prediction", "predictions", "boast", "admission", "assurance", "assurances",
             "threat", "threats", "denial", "denials"}
# Pronouns that open a clause as its subject ("told the forum he was …").
SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i"}
CLAUSE_PRONOUNS = SUBJECT_PRONOUNS | {"it"}  # "said it was …" too, where "it" cannot be a speaker
SUBORDINATORS = {"though", "although", "while", "whereas", "when", "after", "before", "because", "since",
                 "if", "unless", "once", "as"}
ADVERBIAL_STARTS = PREPOSITIONS - SUBORDINATORS  # "On Monday," opens an adverbial; "When …," a clause
CONTRAST = ("but", "while", "whereas", "although", "though")
HEDGES = {"potentially", "possibly", "likely", "probably", "perhaps", "eventually", "ultimately", "inevitably"}
NOUN_EXTENDERS = {"including", "excluding", "regarding", "concerning", "involving", "during", "following",
                  "surrounding", "notwithstanding"}  # "-ing" words that carry on a noun phrase
BE_FORMS = {"is", "are", "was", "were", "be", "been", "am", "’s", "'s", "’re", "'re", "’m", "'m"}
PASSIVE_BE = BE_FORMS - {"’s", "'s"}  # "who’s called for …" is "who has called for …"
# Words that open a sentence without being part of its subject or of what was said.
CONNECTIVES = {"but", "and", "however", "meanwhile", "still", "yet", "so", "also", "now", "then", "instead", "indeed",
               "moreover", "separately", "similarly", "likewise", "finally", "thus", "hence", "today", "yesterday",
               "earlier", "later", "even"}
DASHES = ("—", "―", "–")  # as tokens; "--" is two "-" tokens
# Labels that precede a colon without anybody speaking.
NOT_SPEAKERS = {"correction", "update", "updated", "clarification", "editor", "editor's", "editor’s", "note",
                "source", "sources", "photo", "video", "watch", "related", "read", "listen", "transcript",
                "warning", "breaking", "exclusive", "opinion", "analysis", "live", "abstract", "summary",
                "background", "context", "disclosure", "credit", "caption", "topics", "tags"}
# Words that make a run of tokens a clause rather than a title.
VERBISH = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "can",
           "may", "might", "should", "must", "shall", "do", "does", "did"}
FINITE = VERBISH - {"be", "been"}  # a verb that makes a stretch of words a clause
PARTY_TAG = re.compile(r"[DRI]-[A-Z][a-z]*")  # "R-Ohio", "D-Mo."
NOUN_MARKERS = {"the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "our", "my",
                "your", "no", "any", "every", "each", "such"}  # a cue word after one is a noun ("a report")
MIN_QUOTE_WORDS = 4  # a shorter quoted stretch with no cue is a term in scare quotes
BROADCAST_NOUNS = {"broadcast", "episode", "edition", "segment", "airing", "clip", "installment", "instalment"}
# Adjectives that follow a people noun with their own phrase: "people familiar with the matter".
POSTMODIFIERS = {"familiar", "close", "knowledgeable", "briefed", "involved", "aware", "loyal"}
TO_HEADS = POSTMODIFIERS | PERSON_WORDS  # before "to" as a preposition: "sources close to", "an aide to"
# Lower-case words in -ly that are nouns, not adverbs before a verb ("the family said").
NOT_ADVERBS = {"family", "ally", "rally", "assembly", "supply", "reply", "bully", "anomaly", "monopoly",
               "homily", "only", "july", "italy", "daily", "weekly", "monthly", "quarterly"}


# Adverbs without -ly that stand between a subject and its verb ("has long said", "is also urging").
BARE_ADVERBS = {"also", "long", "still", "often", "already", "even", "just", "once", "again", "always", "now",
                "later", "then", "soon", "first", "ever", "since"}

# Short words a title-case headline may leave in lower case.
TITLE_SMALL = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "but", "at", "by", "with", "as",
               "from", "into", "over", "vs", "via", "nor", "if", "is", "its"}
