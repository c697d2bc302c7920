"""Each frame rule and each sieve alone, on tables of text → expected records (textacy's
test_triples style), rows that expect nothing included.  A record is (rule, speaker, kind);
a sieve row also names the sieve that must decide.  `test_every_rule_has_a_row` fails when a
rule or sieve is added without a row that expects it.
"""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from search.attribution import extract
from search.attribution.frames import FRAME_RULES
from search.attribution.sieves import SIEVES

FRAME_CASES = [
    ("The plan will fail, according to Jane Doe.", [("frame_according_to", "Jane Doe", "indirect")]),
    ("They seized on Donald Trump’s claim that the war was lost.", [("frame_noun_cue", "Donald Trump", "indirect")]),
    ("There were warnings from his attorney that the deal was illegal.",
     [("frame_noun_from", "his attorney", "indirect")]),
    ("The deal is dead, as one senator put it.", [("frame_as_put_it", "one senator", "indirect")]),
    ("Doe put it bluntly: “We lost the vote.”", [("frame_put_it", "Doe", "direct")]),
    ("Jane Doe went on to say that the plan would fail.", [("frame_went_on", "Jane Doe", "indirect")]),
    ("The ministry released a statement that said the talks had failed.",
     [("frame_message_that", "Ministry", "indirect")]),
    ("The plan was described by one diplomat as “a betrayal of trust.”",
     [("frame_agent_first", "one diplomat", "direct")]),
    ("Jane Doe was criticised for her claim that the vote was rigged.",
     [("frame_passive_own_words", "Jane Doe", "indirect")]),
    ("It was announced that the border would close.", [("frame_passive", None, "indirect")]),
    ("The deal was described as “a betrayal” by opposition leaders.",
     [("frame_passive_agent", "opposition leaders", "direct")]),
    ("The video shows Hillary Clinton asking, “Why aren’t I ahead?”",
     [("frame_name_participle", "Hillary Clinton", "direct")]),
    ("Calling the deal “a disaster,” Trump left the room.", [("frame_opening_participle", "Trump", "partial")]),
    ("The Times quoted Jane Doe as saying the plan would fail.", [("frame_quoted_as", "Jane Doe", "indirect")]),
    ("Jane Doe criticised the plan, adding that it would fail.", [("frame_participle", "Jane Doe", "indirect")]),
    ("Trump bemoaned the unrest and said he thought the police were right.",
     [("frame_subject", "Trump", "indirect"), ("frame_coordinated", "Trump", "indirect")]),
    ("“The plan will fail,” said Jane Doe, the mayor.", [("frame_inverted", "Jane Doe", "direct")]),
    ("The museum, Mr. Obama said on Tuesday, would open next year.", [("frame_parenthetical", "Obama", "indirect")]),
    ("Jane Doe said that the plan would fail.", [("frame_subject", "Jane Doe", "indirect")]),
    ("“The plan will fail,” Jane Doe said.", [("frame_subject", "Jane Doe", "direct")]),
    ("Sanders: Clinton needs to ‘get away from all of this personality stuff’",
     [("frame_colon_headline", "Sanders", "partial")]),
    # no frame at all
    ("Having said that, the plan is fine.", []),
    ("Doe is expected to announce her run on Monday.", []),
    ("One woman, who asked not to be named, was there.", []),
    ("He was told that the plan had failed.", []),
    ("The tax plan drew fire from both parties.", []),
    ("They offered a reward for the dog.", []),
    ("He was welcomed in Kabul by the minister.", []),
    ("Speaking to reporters, Jane Doe left the building.", []),
    ("The Apple Music show was a hit.", []),
    ("Calling for calm, the mayor left.", []),
]

SIEVE_CASES = [
    ("The so-called “peace deal” was signed on Monday.", "scare_quote", []),
    ("Jane Doe arrived.\n“Peace Now”\nShe left.", "heading", []),
    ("\"WALLACE: Let’s start with the economy, Senator.", "transcript_line",
     [("transcript_line", "Wallace", "direct")]),
    ("“We will rebuild this town together.” ― Krystal Correa", "dash_byline",
     [("dash_byline", "Krystal Correa", "direct")]),
    ("Sanders made the following comment: “We need to do far better than this.”", "colon_intro",
     [("colon_intro", "Sanders", "direct")]),
    ("Here is the list: “Apples, pears, plums and cherries, all of them fresh.”", "unattributed",
     [("unattributed", None, "direct")]),
    ("The plan failed. “Not again.” Nobody came.", "short_quote", []),
    ("“I would,” Melanie said. “I would, Donald.”", "continues_quote", [("frame_subject", "Melanie", "direct")]),
    ("Jane Doe said: “We will win this race.”\n“Nobody can stop us now, not the courts and not the governor.”",
     "follow_on", [("frame_subject", "Jane Doe", "direct"), ("follow_on", "Jane Doe", "direct")]),
    ("It was a policy of “maximum pressure and more” on Iran.", "fragment", []),
    ("“It was the worst day of our lives, and we will never forget it.”", "unattributed",
     [("unattributed", None, "direct")]),
]


def _records(text: str, trace: list | None = None) -> list[tuple]:
    return [(q.rule, q.speaker, q.kind) for q in extract(text, trace=trace)]


@pytest.mark.parametrize("text,expected", FRAME_CASES)
def test_frame_rule(text, expected):
    assert _records(text) == expected


@pytest.mark.parametrize("text,sieve,expected", SIEVE_CASES)
def test_sieve(text, sieve, expected):
    trace: list[tuple[int, str]] = []
    assert _records(text, trace) == expected
    assert sieve in [name for _, name in trace]


@pytest.mark.parametrize("rule", FRAME_RULES, ids=lambda r: r.name)
def test_frame_rule_example(rule):
    """The example the docs show gives a record by that rule."""
    assert rule.name in [r for r, _, _ in _records(rule.example)]


@pytest.mark.parametrize("sieve", SIEVES, ids=lambda s: s.name)
def test_sieve_example(sieve):
    trace: list[tuple[int, str]] = []
    _records(sieve.example, trace)
    assert sieve.name in [name for _, name in trace]


def test_every_rule_has_a_row():
    expected_rules = {rule for _, rows in FRAME_CASES for rule, _, _ in rows}
    assert {r.name for r in FRAME_RULES} <= expected_rules
    assert {s.name for s in SIEVES} <= {sieve for _, sieve, _ in SIEVE_CASES}
    # every rule name frames.py stamps is a documented FRAME_RULE, and names are unique
    source = (Path(__file__).parents[1] / "search" / "attribution" / "frames.py").read_text(encoding="utf-8")
    names = [r.name for r in FRAME_RULES]
    assert set(re.findall(r'"(frame_\w+)"', source)) == set(names)
    assert len(set(names)) == len(names) and len({s.name for s in SIEVES}) == len(SIEVES)


def test_rules_doc_is_current():
    """docs/extraction.md lists the rules and sieves as the code has them."""
    root = Path(__file__).parents[1]
    proc = subprocess.run([sys.executable, "scripts/rules_doc.py", "--check"], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
