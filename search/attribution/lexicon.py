"""The lexicon: the words the attribution rules look for, each list in one place.

`CUE_TABLE` is the one table of cue verbs, a row a verb with its grammatical properties and
the nouns that report like it; the sets the rules test (`INVERTING`, `WHOLE_OBJECT`, …) are
derived from it.  The other lists are the function words, times and labels the frame rules
read; people, organisations, places and roles are in `words`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .words import PERSON_WORDS


@dataclass(frozen=True)
class Cue:
    """A speech or cognition verb and what its grammar does to a frame."""
    lemma: str
    forms: tuple[str, ...]
    plain: bool = False  # a plain verb of saying: its complement is what was said, not the writer's gloss
    inverting: bool = False  # stands after a quote and before the speaker: `"…," said X`
    whole_object: bool = False  # its whole complement is the content ("urged both sides to …", "denied X")
    addressee: bool = False  # its next noun phrase is the person addressed, not the content
    addressed: bool = False  # its passive names the listener ("was told"): heard, not said
    attitude: bool = False  # as a participle ("hoping …") it reports nothing
    state: bool = False  # belief or feeling: "is worried that …" is the subject's own state, not a passive
    naming: bool = False  # "was called a charlatan": the name is the content
    # after a comma, the writer's gloss on what was said ("…,” underscoring the seriousness …"), not
    # more of it; with a that-clause, the speaker's own signal ("held rates steady, signaling that …")
    gloss: bool = False
    clausal: bool = False  # reports only with a clause: "maintained that …", not "maintained working ties"
    # its subject may be a fact rather than a source ("the figures suggest …", "the response
    # indicates …"): only a person, a body or a document reports with it
    evidential: bool = False
    stance: bool = False  # reports only with a stance noun after it: "expressed concern that …"
    nounish: tuple[str, ...] = ()  # forms more often nouns ("a report", "the call"): need a clear subject
    nouns: tuple[str, ...] = ()  # nouns that report what their owner said: "Trump’s claim that …"


FLAGS = ("plain", "inverting", "whole_object", "addressee", "addressed", "attitude", "state", "naming", "gloss",
         "clausal", "evidential", "stance")

# lemma, then its properties; `forms=` where they are not regular (see _forms)
_TABLE = """
add          plain inverting clausal nounish=add
admit        inverting whole_object nouns=admission
affirm
agree        state
allege       nouns=allegation,allegations
announce     plain inverting whole_object
argue        plain inverting nouns=argument
assert       inverting nouns=assertion,assertions
assure       addressee addressed nouns=assurance,assurances
blast        whole_object
boast        inverting nouns=boast
brief        addressee
caution      inverting
charge       nounish=charge,charges nouns=charge,charges
claim        inverting nounish=claim,claims nouns=claim,claims
comment      inverting nounish=comment,comments nouns=comment,comments
complain     inverting
concede
conclude     inverting clausal
condemn      whole_object
confirm      inverting whole_object
contend      inverting nouns=contention
continue     inverting nounish=continue
counter      inverting nounish=counter
criticize    whole_object
criticise    whole_object
decry
declare      plain inverting
demand       whole_object nounish=demand,demands
deny         whole_object nouns=denial,denials
describe     whole_object
disclose     whole_object
dismiss      whole_object
elaborate
emphasize    inverting
emphasise    inverting
estimate     whole_object nounish=estimate,estimates
explain      plain inverting
fear         attitude state nounish=fear,fears,fearing
highlight    evidential
hint
hope         attitude state nounish=hope,hopes,hoping
indicate     gloss evidential
inform       addressee addressed
insist       plain inverting nouns=insistence
joke         inverting nounish=joke,jokes
lament
maintain     inverting clausal
mention      nounish=mention
note         plain inverting nounish=note,notes
object       nounish=object,objects
observe      inverting clausal
pledge       whole_object nounish=pledge,pledges nouns=pledge,pledges
point        nounish=point,points
post         inverting nounish=post,posts
praise       whole_object nounish=praise
predict      inverting whole_object nouns=prediction,predictions
promise      whole_object nounish=promise,promises nouns=promise,promises
propose      whole_object
question     whole_object attitude nounish=question,questions
quip         inverting
recall       inverting clausal
recount      inverting
reiterate    inverting
reject       whole_object
remark       inverting nounish=remark,remarks nouns=remark,remarks
remind       addressee addressed
repeat
reply        plain inverting nounish=reply,replies
report       plain inverting nounish=report,reports nouns=report,reports
respond      inverting
reveal       whole_object evidential
say          plain inverting forms=said,says,saying,say nounish=saying,say
signal       gloss evidential nounish=signal,signals
slam         whole_object
state        plain inverting nounish=state,states nouns=statement
stress       inverting nounish=stress
suggest      inverting evidential nouns=suggestion
testify
threaten     whole_object nouns=threat,threats
tout
tweet        inverting nounish=tweet,tweets
urge         whole_object addressee addressed
vow          inverting whole_object nounish=vow,vows nouns=vow,vows
warn         inverting addressee addressed nounish=warning nouns=warning,warnings
welcome      whole_object nounish=welcome
wonder       state
worry        attitude state nounish=worry,worries
write        plain inverting forms=wrote,writes,writing,written,write,typed,scrawled,penned,jotted,scribbled nounish=writing,write
accuse       whole_object addressee nouns=accusation,accusations
call         whole_object addressee naming nounish=call,calls,calling
ask          inverting whole_object addressee addressed nounish=ask,asking
acknowledge  inverting whole_object
believe      state nounish=believe
think        state forms=thought,thinks,think nounish=think
tell         plain addressee addressed forms=told,tells,telling,tell nounish=telling,tell
brand        whole_object naming
label        whole_object naming
dub          whole_object naming
laud         whole_object
characterize whole_object
characterise whole_object
liken        whole_object
encourage    whole_object addressee
pound        whole_object
admire       whole_object
rate         whole_object nounish=rate,rates
blame        whole_object
exhort       whole_object
mock         whole_object
deride       whole_object
hail         whole_object
denounce     whole_object
lambaste     whole_object
reference    whole_object
compare      whole_object
champion     whole_object nounish=champion,champions
defend       whole_object
term         whole_object naming
ridicule     whole_object
attack       whole_object nounish=attack,attacks
bemoan
rip
speak
yell         inverting
shout        inverting
scream       inverting
chant        inverting
sing         forms=sang,sings,sung,singing,sing
exclaim      inverting
whisper      inverting
mutter       inverting
plead        inverting
beg
muse
concur       inverting state
interject    inverting
retort       inverting
snap         inverting clausal
sigh         inverting
chide
scold
gush         inverting
marvel       inverting
cite         whole_object
advise       addressed clausal
brag
forecast
guarantee
imply        evidential
recommend
reckon       state
reassure     addressed
suspect      state
theorize
theorise
underline
underscore   gloss evidential
vouch
wager
opine        inverting
proclaim     inverting
pronounce
show         evidential forms=show,shows,showed,shown
want         whole_object state
plan         whole_object state
expect       whole_object state
refuse       whole_object state
decline      whole_object state
offer        whole_object
express      stance
voice        stance
feel         state forms=felt,feels
find         evidential forms=found,finds nounish=found,finds
know         state forms=knew,knows nounish=knew,knows
hold         clausal forms=held,holds nounish=held,holds
rule         clausal forms=ruled,rules nounish=ruled,rules
read         forms=read,reads
use          forms=use,uses,used,using  # only before “the phrase …”: see _cue_frame
"""


def _forms(verb: str) -> tuple[str, ...]:
    if verb.endswith("e"):
        return verb, verb + "s", verb + "d", verb[:-1] + "ing"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"
    if verb.endswith(("s", "sh", "ch", "x")):
        return verb, verb + "es", verb + "ed", verb + "ing"
    if verb in ("admit", "quip", "regret", "commit"):
        return verb, verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    return verb, verb + "s", verb + "ed", verb + "ing"


def _row(line: str) -> Cue:
    lemma, *props = line.split("#")[0].split()
    lists = dict(p.split("=") for p in props if "=" in p)
    flags = {p: True for p in props if "=" not in p}
    unknown = set(flags) - set(FLAGS) or set(lists) - {"forms", "nounish", "nouns"}
    assert not unknown, f"{lemma}: {unknown}"
    forms = tuple(lists["forms"].split(",")) if "forms" in lists else _forms(lemma)
    return Cue(lemma, forms, nounish=tuple(lists.get("nounish", "").split(",")) if "nounish" in lists else (),
               nouns=tuple(lists["nouns"].split(",")) if "nouns" in lists else (), **flags)


CUE_TABLE: dict[str, Cue] = {cue.lemma: cue for cue in map(_row, filter(None, _TABLE.split("\n")))}
CUES: dict[str, str] = {form: cue.lemma for cue in CUE_TABLE.values() for form in cue.forms}  # form → lemma


def _having(flag: str) -> set[str]:
    return {lemma for lemma, cue in CUE_TABLE.items() if getattr(cue, flag)}


PLAIN = _having("plain")
INVERTING = _having("inverting")
WHOLE_OBJECT = _having("whole_object")
ADDRESSEE = _having("addressee")
ADDRESSED = _having("addressed")
ATTITUDES = _having("attitude")
STATES = _having("state")
NAMING = _having("naming")
GLOSSES = _having("gloss")
STANCE_VERBS = _having("stance")
CLAUSAL = _having("clausal")
EVIDENTIAL = _having("evidential")
# what, besides people, bodies and documents, may report with an evidential verb ("the figures show …")
EVIDENCE_NOUNS = {"data", "figures", "numbers", "statistics", "results", "findings", "research", "analysis",
                  "records", "story", "slide", "chart", "graphic", "map", "table", "count", "tally", "census"}
NOUNISH = {form for cue in CUE_TABLE.values() for form in cue.nounish}
NOUN_CUES = {noun for cue in CUE_TABLE.values() for noun in cue.nouns}

GO_ON = {"went", "go", "goes", "going", "gone"}  # "went on to say"
TOOK = {"took", "takes", "take", "taking"}  # "took to Twitter to accuse …"
# Subordinators that can open a sentence with a participle: "After warning that …, the envoy left".
OPENERS = {"after", "while", "before", "when", "by", "in", "since", "upon", "despite"}
# What a passive speech verb's content opens with: "was accused of …", "It was announced that …".
PASSIVE_COMPLEMENTS = {"that", "as", "of", "for", "to", "whether", "if", "how", "why", "what"}
# The stance nouns after "express", "voice": "expressed concern that …", "voiced support for …".
STANCES = {"concern", "concerns", "hope", "hopes", "confidence", "doubt", "doubts", "fear", "fears", "optimism",
           "pessimism", "skepticism", "scepticism", "frustration", "regret", "worry", "worries", "alarm",
           "disappointment", "dismay", "outrage", "anger", "surprise", "support", "opposition", "sympathy",
           "condolences", "gratitude", "reservations", "objections", "misgivings", "satisfaction", "displeasure",
           "solidarity", "interest", "shock", "indignation", "anxiety", "unease", "appreciation", "thanks"}
TERMS = {"phrase", "term", "word", "words", "expression", "label", "slogan", "line", "nickname"}
# What a source answers or not ("did not respond to requests for comment").
ENQUIRIES = {"request", "requests", "message", "messages", "query", "queries", "question", "questions", "email",
             "emails", "inquiry", "inquiries", "letter", "letters", "call", "calls", "comment", "criticism"}
AUX = {"has", "have", "had", "is", "are", "was", "were", "also", "now", "later", "previously", "repeatedly", "once",
       "again", "then",
       "recently", "publicly", "earlier", "would", "will", "could", "can", "may", "might", "did",
       "does", "do", "reportedly", "allegedly", "further", "separately", "not", "never", "still",
       "often", "already", "himself", "herself", "themselves", "itself", "been", "being", "just",
       "even", "first", "quickly", "immediately", "privately", "openly", "frequently", "explicitly",
       "initially", "subsequently", "simply", "flatly", "bluntly", "firmly", "strongly", "angrily",
       "sharply", "vehemently", "forcefully", "loudly", "quietly", "last",
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
