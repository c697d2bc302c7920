""""Also reported in N sources": the rules on their own, then through the service over
the fixture corpus and over the real seed articles.

What the grouping does, honestly: exact same words (`Quote.key`); a run of quoted words
from one quote found word for word in the other (two words suffice for the same
speaker_id, four otherwise); or, for the same speaker, mostly the same content words.
What it does not do: merge speakers the extractor did not resolve to one id, or link
paraphrases that share no quoted words.
"""
from __future__ import annotations

from dataclasses import replace


import fixtures
from search.corroboration import match, matches, quoted_phrases, shared_phrase
from search.model import Quote
from search.service import QuoteService

ASIF = fixtures.ASIF


def q(text, source="a.txt", kind="partial", start=0, **kw) -> Quote:
    return Quote(text=text, kind=kind, start=start, end=start + len(text), source=source, **kw)


# -- the rules ----------------------------------------------------------------------------

def test_quoted_phrases():
    assert quoted_phrases(q("that Pakistan was in \u201copen war\u201d with Afghanistan")) == [["open", "war"]]
    assert quoted_phrases(q('"open war."', kind="direct")) == [["open", "war"]]
    assert quoted_phrases(q("Our cup of patience", kind="direct")) == [["our", "cup", "of", "patience"]]
    assert quoted_phrases(q("the talks had failed", kind="indirect")) == []
    assert quoted_phrases(q("it said \u2018heavy clashes\u2019 began", kind="indirect")) == [["heavy", "clashes"]]
    assert quoted_phrases(q("Pakistan\u2019s patience", kind="indirect")) == []  # an apostrophe is no quote


def test_same_words_in_another_article():
    a, b = q("Open war!", **ASIF), q("open war", source="b.txt", speaker="Someone else")
    assert match(a, b).reason == "same words"
    assert match(a, replace(b, source="a.txt", start=50)) is None  # the same article is not another source


def test_shared_quoted_words_same_speaker_two_words_enough():
    partial = q("that Pakistan was in \u201copen war\u201d with Afghanistan", **ASIF)
    direct = q("\u201cOur cup of patience has overflowed. Now it is open war between us and you,\u201d signaling",
               source="b.txt", **ASIF)
    m = match(partial, direct)
    assert (m.reason, m.phrase) == ("shared quoted words", "open war")
    assert match(direct, partial).phrase == "open war"  # symmetric


def test_two_shared_words_are_not_enough_across_speakers():
    partial = q("Pakistan was in \u201copen war\u201d", **ASIF)
    other = q("An open war helps no one,", source="b.txt", kind="direct", speaker="Farah Qureshi",
              speaker_id="farah-qureshi")
    assert match(partial, other) is None
    # ... nor when the other report names the minister by title only (a different speaker_id).
    by_title = q('"open war."', source="b.txt", kind="direct", speaker="Pakistan's defense minister",
                 speaker_id="pakistan-s-defense-minister")
    assert match(partial, by_title) is None


def test_four_quoted_words_link_different_speakers():
    gov = q("it had launched \u201clarge-scale offensive operations\u201d against Pakistani posts",
            speaker="Afghanistan\u2019s Taliban-led government", speaker_id="taliban-government")
    spokesman = q('"large-scale offensive operations have been launched against Pakistani military positions"',
                  source="b.txt", kind="direct", speaker="Zabihullah Mujahid", speaker_id="zabihullah-mujahid")
    m = match(gov, spokesman)
    assert (m.reason, m.phrase) == ("shared quoted words", "large scale offensive operations")


def test_similar_wording_needs_the_same_speaker():
    a = q("the strikes targeted militant infrastructure and security installations", kind="indirect", **ASIF)
    b = q("strikes targeted militant infrastructure and installations", source="b.txt", kind="indirect", **ASIF)
    assert match(a, b).reason == "similar wording"
    assert match(a, replace(b, speaker_id="someone-else")) is None
    assert match(a, replace(b, text="the talks on infrastructure failed")) is None


def test_matches_dedupes_and_keeps_order():
    a = q("open war", **ASIF)
    b = q("open war", source="b.txt", **ASIF)
    c = q("open war", source="c.txt", **ASIF)
    assert [m.quote.source for m in matches(a, [c, b, c, a])] == ["c.txt", "b.txt"]
    assert shared_phrase(a, q("war", source="b.txt", **ASIF)) is None


# -- through the service ------------------------------------------------------------------

def test_service_groups_the_fixture_corpus(index_dir):
    svc = QuoteService(index_dir)
    pk_open_war = fixtures.find("open war", "pk/open-war.txt")
    found = {(m.quote.text, m.reason) for m in svc.also_reported(pk_open_war)}
    assert found == {
        ("open war", "same words"),  # "Earlier, Asif had warned ... “open war”"
        ("Our cup of patience has overflowed. Now it is open war between us and you.", "shared quoted words"),
    }
    # Farah Qureshi's "An open war helps no one," is another speaker with only two shared words.
    qureshi = fixtures.find("An open war helps no one,")
    assert svc.also_reported(qureshi) == []
    assert svc.also_reported(fixtures.find("No war, no borders.")) == []


def test_seeds_khawaja_asif_open_war_is_grouped_across_articles(seeds_index_dir):
    """Article 000 has Asif's “open war” inside a paraphrase, 003 his full post: one quote, two sources."""
    svc = QuoteService(seeds_index_dir)
    everything = svc.select(limit=1000).quotes
    asif = [x for x in everything if x.speaker_id == "khawaja-asif" and "open war" in x.text.lower()]
    in_000 = [x for x in asif if x.source.startswith("000_")]
    in_003 = [x for x in asif if x.source.startswith("003_")]
    assert in_000 and in_003, "the extractor attributes 'open war' to Khawaja Asif in both 000 and 003"
    assert in_000[0].key != in_003[0].key  # the spans differ, so exact grouping alone would miss it
    grouped = svc.also_reported(in_000[0])
    assert any(m.quote.id == in_003[0].id and m.phrase == "open war" for m in grouped)
    assert any(m.quote.id == in_000[0].id for m in svc.also_reported(in_003[0]))


def test_seeds_grouping_never_links_an_article_to_itself_and_is_symmetric(seeds_index_dir):
    svc = QuoteService(seeds_index_dir)
    everything = {x.id: x for x in svc.select(limit=1000).quotes}
    links = {(a.id, m.quote.id) for a in everything.values() for m in svc.also_reported(a)}
    assert links, "the seeds carry at least one quote in two articles"
    for a, b in links:
        assert everything[a].source != everything[b].source
        assert (b, a) in links


def test_a_described_source_on_the_named_speakers_side_shares_two_quoted_words():
    asif = q("that Pakistan was in \u201copen war\u201d with Afghanistan", speaker="Khawaja Asif",
             speaker_id="khawaja-asif", speaker_type="person", role="Defence Minister of Pakistan",
             affiliation="Government of Pakistan")
    leadership = q("the situation as having crossed into \u201copen war,\u201d", source="b.txt",
                   speaker="Pakistan\u2019s defence leadership", speaker_id="pakistan-s-defence-leadership",
                   speaker_type="organisation", affiliation="Pakistan")
    assert match(asif, leadership).phrase == "open war"
    assert match(leadership, asif).phrase == "open war"
    # The other side, or another named person, needs four quoted words as before.
    kabul = replace(leadership, speaker="Afghan officials", speaker_type="anonymous", affiliation="Afghanistan")
    assert match(asif, kabul) is None
    other = replace(leadership, speaker="Omar Farooq", speaker_id="omar-farooq", speaker_type="person")
    assert match(asif, other) is None
    assert match(asif, replace(leadership, affiliation=None)) is None
