"""A deterministic, news-like synthetic corpus for the benchmark.

Articles are plain-text files written the way wire copy is, so the real extractor has
to find and attribute the quotes:

* ``“…,” Name said.`` / ``“…,” said Name, the role of Org.`` (direct, inverted),
* ``Role Name said that …`` (reported speech), ``According to Name, …``,
* ``“…,” he said.`` pronoun and bare-surname follow-ups,
* ``Name described it as “a few words”`` (partial), plus narrative filler.

Speakers follow a Zipf-like law (s≈0.95) over a pool that grows with the corpus: a few
very prolific speakers (those also in the generated speaker registry, with roles and
affiliations), a long tail quoted once or twice.  Affiliations are Zipf-distributed
too.  Quote lengths are log-normal around ~18 words (news quotes: 6–60).  Words come
from a Zipf-weighted vocabulary of real news words plus a synthetic long tail, so
posting lists have realistic lengths.  Two marker words make query shapes with known
selectivity: the most frequent vocabulary words (``people``, ``time``, ``year``,
``government``) are each in >10% of quotes (the broad queries) and the phrase
``open war`` is planted in ~0.5%.
"""
from __future__ import annotations

import bisect
import itertools
import json
import math
import random
from pathlib import Path

FIRST = """James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard
Susan Joseph Jessica Thomas Sarah Charles Karen Ahmed Fatima Mohammed Aisha Ali Zainab Hassan Maryam
Omar Layla Wei Li Hiroshi Yuki Raj Priya Arjun Ananya Carlos Sofia Juan Lucia Pierre Camille Hans
Greta Ivan Olga Kwame Amara Chinedu Ngozi Mehmet Elif Dmitri Natalia Tariq Sana Imran Ayesha Jorge
Valentina Luca Giulia Sven Ingrid Kofi Abena Nikolai Anya Rahul Deepa Samir Nadia Yusuf Leila Daniel
Emma Noah Olivia Liam Ava Ethan Mia Lucas Amelia Mateo Isabella Kenji Sakura Min-jun Seo-yeon""".split()
LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Khan Ahmed Hussain
Rahman Chen Wang Zhang Liu Tanaka Suzuki Sato Patel Sharma Singh Gupta Silva Santos Oliveira Dubois
Martin Bernard Muller Schmidt Schneider Ivanov Petrov Smirnova Mensah Okafor Adeyemi Yilmaz Kaya
Demir Popescu Novak Kowalski Nowak Rossi Russo Ferrari Larsen Hansen Nielsen Osei Boateng Volkov
Qureshi Malik Siddiqui Chaudhry Haddad Nasser Farouk Kim Lee Park Choi Nguyen Tran Pham Lopez Gonzalez
Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz Morales Ortiz Cruz Reyes Baker Carter Mitchell
Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers""".split()
ROLES = """spokesman spokeswoman minister adviser director analyst professor researcher commander senator
governor mayor ambassador chairman economist lawyer official envoy negotiator secretary""".split()
ORG_HEADS = """Ministry Department Institute Council Agency Commission Bureau Centre Foundation Office
Authority Committee Federation Alliance Union Board Forum Network""".split()
ORG_TOPICS = """Defence Finance Health Energy Trade Foreign Affairs Education Interior Justice Transport
Agriculture Labour Security Development Climate Water Housing Peace Migration Technology Culture Research
Policy Strategic Studies Economic Reform Human Rights Public Affairs Statistics""".split()
PLACES = """Pakistan Afghanistan India China Japan Germany France Brazil Kenya Nigeria Egypt Turkey Iran
Canada Mexico Spain Italy Poland Ukraine Russia Indonesia Vietnam Ghana Chile Peru Norway Sweden""".split()

# Real news vocabulary, roughly in descending frequency; a synthetic tail follows.
WORDS = """people time year government country war security police court economy border talks
minister president officials week forces attack troops peace deal plan report support policy market
prices workers families children city region crisis election vote law rights health water energy trade
budget tax growth jobs companies investors banks oil gas power fuel schools hospitals patients doctors
farmers food aid refugees camps village town streets protest protesters rally strike union wages
ceasefire violence fighting soldiers army military weapons missiles drones airstrikes casualties
civilians victims survivors rescue damage flood drought storm earthquake fire climate emissions
pollution forests rivers coast islands sea ports shipping exports imports tariffs sanctions diplomats
embassy summit agreement treaty negotiations mediation dialogue cooperation partnership alliance
investment infrastructure roads bridges railways airports housing rents loans debt inflation interest
currency reserves deficit spending reform corruption justice judges lawyers trial verdict prison
sentence appeal investigation evidence witnesses allegations charges arrest suspects crime gangs
drugs smuggling migration migrants asylum visas tourism culture music film artists sport football
players coach match season league championship team fans stadium technology internet phones data
privacy hackers software chips factories production supply demand consumers shops sales customers
research scientists universities students teachers exams vaccines disease virus outbreak cases
deaths hospital beds nurses medicine treatment insurance pensions retirement benefits welfare poverty
hunger inequality income salaries bonus shareholders profits losses shares stocks bonds currency
responsibility accountability transparency stability sovereignty independence unity dignity future
history generations promise commitment pressure challenge threat risk danger opportunity progress
decision process system framework strategy approach measures steps action response solution
situation conditions circumstances problems questions concerns fears hopes expectations demands
priority interests values principles standards rules regulations limits targets goals results""".split()
VERBS = """will must should can could would may might need want expect hope plan continue begin stop
protect defend build support oppose reject accept approve demand seek bring keep make take give find
change improve reduce increase cut raise restore ensure prevent end start respond act work fight""".split()
ADJ = """serious important difficult clear strong weak new old long short major minor real fair
better worse dangerous safe open free public private national local international regional economic
political military social critical urgent necessary possible impossible unacceptable historic""".split()
FILLER = ["the", "a", "our", "this", "their", "every", "no", "all", "these", "its"]
CUE_AFTER = ["said", "said", "said", "said", "told reporters", "added", "warned", "insisted", "explained"]
CUE_BEFORE = ["said", "said", "told reporters", "warned", "argued", "insisted", "noted", "added", "stressed"]


class Zipf:
    """Sample ranks 0..n-1 with P(r) ∝ 1/(r+1)^s (precomputed CDF)."""

    def __init__(self, n: int, s: float, rng: random.Random):
        weights = [1.0 / (r + 1) ** s for r in range(n)]
        self.cdf = list(itertools.accumulate(weights))
        self.total = self.cdf[-1]
        self.rng = rng

    def __call__(self) -> int:
        return min(bisect.bisect_left(self.cdf, self.rng.random() * self.total), len(self.cdf) - 1)


class Corpus:
    QUOTES_PER_ARTICLE = 10  # on average; the real count is what the extractor finds

    def __init__(self, quotes: int, seed: int = 5):
        self.rng = rng = random.Random(seed)
        self.n_articles = max(1, round(quotes / self.QUOTES_PER_ARTICLE))
        # Speakers: the pool grows sub-linearly with the corpus (a long tail of new names).
        n_speakers = max(50, int(40 * quotes ** 0.5))
        n_orgs = max(20, int(n_speakers ** 0.6))
        self.orgs = self._orgs(n_orgs)
        names, seen = [], set()
        while len(names) < n_speakers:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            middle = rng.choice(FIRST)[0] + ". " if len(seen) > 4 * len(FIRST) and rng.random() < 0.7 else ""
            name = f"{first} {middle}{last}"
            if name not in seen:
                seen.add(name)
                names.append(name)
        org_pick = Zipf(n_orgs, 1.0, rng)
        self.speakers = [(n, rng.choice(ROLES), self.orgs[org_pick()]) for n in names]
        self.speaker_pick = Zipf(n_speakers, 0.95, rng)
        tail = [self._coin() for _ in range(20000)]
        self.vocab = WORDS + tail
        self.word_pick = Zipf(len(self.vocab), 1.0, rng)
        self.registry_size = min(200, n_speakers)

    def _orgs(self, n: int) -> list[str]:
        out, seen = [], set()
        while len(out) < n:
            r = self.rng.random()
            if r < 0.5:
                org = f"{self.rng.choice(ORG_HEADS)} of {self.rng.choice(ORG_TOPICS)}"
            elif r < 0.8:
                org = f"{self.rng.choice(ORG_TOPICS)} {self.rng.choice(ORG_HEADS)} of {self.rng.choice(PLACES)}"
            else:
                org = f"Government of {self.rng.choice(PLACES)}"
            if org not in seen:
                seen.add(org)
                out.append(org)
        return out

    def _coin(self) -> str:
        syll = ["ka", "lo", "mi", "ren", "tor", "vas", "ul", "bri", "den", "sha", "po", "zin", "gar", "thu", "el"]
        return "".join(self.rng.choice(syll) for _ in range(self.rng.randint(2, 4)))

    def registry(self) -> dict:
        """The prolific speakers as a speaker registry (QUOTES_SPEAKERS) with role and affiliation."""
        return {"speakers": [{"name": n, "aliases": [], "type": "person", "role": f"{r} of the {o}".capitalize(),
                              "affiliation": o} for n, r, o in self.speakers[: self.registry_size]]}

    # -- text ------------------------------------------------------------------------

    def _words(self, n: int) -> list[str]:
        rng, out = self.rng, []
        while len(out) < n:
            r = rng.random()
            if r < 0.55:
                out.append(self.vocab[self.word_pick()])
            elif r < 0.75:
                out.append(rng.choice(FILLER))
            elif r < 0.87:
                out.append(rng.choice(VERBS))
            else:
                out.append(rng.choice(ADJ))
        return out

    def _quote_words(self) -> str:
        rng = self.rng
        n = max(4, min(60, int(rng.lognormvariate(math.log(16), 0.5))))
        words = self._words(n)
        if rng.random() < 0.005:
            i = rng.randrange(len(words) + 1)
            words[i:i] = ["open", "war"]
        text = " ".join(words)
        return text[0].upper() + text[1:]

    def _clause(self) -> str:
        words = self._quote_words().split()
        return " ".join([words[0].lower()] + words[1:])

    def _narrative(self) -> str:
        words = " ".join(self._words(self.rng.randint(12, 30)))
        return f"In {self.rng.choice(PLACES)}, {words}."

    def article(self, i: int) -> tuple[str, str]:
        """(file name, text) of article i.  Deterministic given the seed and the call order."""
        rng = self.rng
        title = " ".join(self._words(rng.randint(5, 9))).capitalize()
        paras = [title, self._narrative()]
        n_quotes = max(1, int(rng.gauss(self.QUOTES_PER_ARTICLE, 3)))
        current = None  # (name, role, org) last quoted, for pronoun and surname follow-ups
        for _ in range(n_quotes):
            follow = current is not None and rng.random() < 0.3
            if not follow:
                current = self.speakers[self.speaker_pick()]
            name, role, org = current
            surname = name.split()[-1]
            pron = rng.choice(["he", "she"])
            q, cl = self._quote_words(), self._clause()
            shape = rng.random()
            if follow:
                if shape < 0.5:
                    paras.append(f"“{q},” {pron} {rng.choice(CUE_AFTER)}.")
                elif shape < 0.8:
                    paras.append(f"“{q},” {surname} {rng.choice(CUE_AFTER)}.")
                else:
                    paras.append(f"{surname} {rng.choice(CUE_BEFORE)} that {cl}.")
            elif shape < 0.35:
                paras.append(f"“{q},” {name} {rng.choice(CUE_AFTER)}.")
            elif shape < 0.55:
                paras.append(f"“{q},” said {name}, the {role} of the {org}.")
            elif shape < 0.75:
                paras.append(f"{role.capitalize()} {name} {rng.choice(CUE_BEFORE)} that {cl}.")
            elif shape < 0.85:
                paras.append(f"According to {name}, {cl}.")
            else:
                few = " ".join(self._words(rng.randint(2, 4)))
                paras.append(f"{name} described the situation as “{few}” and {rng.choice(CUE_BEFORE)} "
                             f"that {cl}.")
            if rng.random() < 0.35:
                paras.append(self._narrative())
        return f"{i // 1000:04d}/article-{i:07d}.txt", "\n".join(paras) + "\n"

    def write(self, root: Path, first: int = 0, count: int | None = None) -> tuple[int, int]:
        """Write articles first..first+count-1 under root; (files, bytes)."""
        count = self.n_articles if count is None else count
        size = 0
        for i in range(first, first + count):
            name, text = self.article(i)
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            size += len(data)
        return count, size


def write_registry(corpus: Corpus, path: Path) -> None:
    path.write_text(json.dumps(corpus.registry(), ensure_ascii=False, indent=1), encoding="utf-8")
