"""Golden citations for one fixed quote, plus the properties every style must keep."""
from __future__ import annotations

import re
from datetime import date

import pytest

import fixtures
from search.citations import STYLES, bibtex_escape, bibtex_key, citations, speaker_label

CUP = "Our cup of patience has overflowed. Now it is open war between us and you."


@pytest.fixture
def asif():
    return fixtures.find(CUP)


def test_golden_without_access_date(asif):
    assert asif.id == "914b0c043689e657"
    assert citations(asif) == {
        "plain": "\u201cOur cup of patience has overflowed. Now it is open war between us and you.\u201d "
                 "\u2014 Khawaja Asif (Defence Minister, Pakistan). In \u201cPakistan strikes Kabul as "
                 "defence minister declares \u2018open war\u2019\u201d, wire/strikes-kabul.txt, "
                 "para. 2, chars 119\u2013193.",
        "apa": "Khawaja Asif (Defence Minister, Pakistan). (n.d.). \u201cOur cup of patience has "
               "overflowed. Now it is open war between us and you.\u201d [Quotation]. In Pakistan "
               "strikes Kabul as defence minister declares \u201copen war\u201d. Example Wire. "
               "wire/strikes-kabul.txt, para. 2, chars 119\u2013193.",
        "mla": "Asif, Khawaja. \u201cOur cup of patience has overflowed. Now it is open war between us "
               "and you.\u201d Quoted in \u201cPakistan strikes Kabul as defence minister declares "
               "\u2018open war\u2019.\u201d Example Wire. wire/strikes-kabul.txt, para. 2, chars 119\u2013193.",
        "chicago": "Khawaja Asif (Defence Minister, Pakistan), quoted in \u201cPakistan strikes Kabul as "
                   "defence minister declares \u2018open war\u2019,\u201d Example Wire, "
                   "wire/strikes-kabul.txt, para. 2, chars 119\u2013193: \u201cOur cup of patience has "
                   "overflowed. Now it is open war between us and you.\u201d",
        "bibtex": "@misc{asif_914b0c043689e657,\n"
                  "  author = {Khawaja Asif},\n"
                  "  title = {{Our cup of patience has overflowed. Now it is open war between us and you.}},\n"
                  "  howpublished = {Quoted in Pakistan strikes Kabul as defence minister declares "
                  "\u201copen war\u201d},\n"
                  "  organization = {Example Wire},\n"
                  "  note = {wire/strikes-kabul.txt, para. 2, chars 119--193; quote id 914b0c043689e657}\n"
                  "}",
    }


def test_golden_with_access_date(asif):
    c = citations(asif, accessed=date(2025, 9, 30))
    assert list(c) == list(STYLES)
    assert c["plain"].endswith("chars 119\u2013193. Accessed 2025-09-30.")
    assert c["apa"].endswith("chars 119\u2013193. Retrieved September 30, 2025.")
    assert c["mla"].endswith("chars 119\u2013193. Accessed 30 Sept. 2025.")
    assert c["chicago"].endswith("between us and you.\u201d Accessed September 30, 2025.")
    assert "  urldate = {2025-09-30}\n}" in c["bibtex"]


@pytest.mark.parametrize("quote", fixtures.quotes(), ids=lambda q: q.id)
def test_every_style_names_who_what_where(quote):
    for style, text in citations(quote).items():
        who = speaker_label(quote)
        if style == "mla" and quote.speaker_type == "person":
            who = who.split()[-1]  # surname first
        assert who.lower() in text.lower(), style
        assert quote.source in text and f"para. {quote.paragraph}" in text
        assert str(quote.start) in text and str(quote.end) in text
        if style != "bibtex":
            assert re.sub(r"[\"'\u2018\u2019\u201c\u201d,.]", "", quote.text)[:20] in re.sub(
                r"[\"'\u2018\u2019\u201c\u201d,.]", "", text)


def test_speaker_labels():
    assert speaker_label(fixtures.find("No war, no borders.")) == "Unattributed"
    resident = fixtures.find("Around midnight the windows shook and the children would not stop crying.")
    assert speaker_label(resident) == "one resident (anonymous)"
    assert citations(resident)["apa"].startswith("One resident (anonymous). (n.d.).")
    assert bibtex_key(resident) == f"anonymous_{resident.id}"
    assert bibtex_key(fixtures.find("No war, no borders.")) == "unattributed_67c0afd9bb02c542"


def _balanced(s: str) -> bool:
    depth = 0
    for ch in s:  # BibTeX counts braces even when backslash-escaped
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


@pytest.mark.parametrize("quote", fixtures.quotes(), ids=lambda q: q.id)
def test_bibtex_is_well_formed(quote):
    entry = citations(quote)["bibtex"]
    assert re.fullmatch(r"@misc\{[a-z]+_[0-9a-f]{16},\n(  [a-z]+ = \{.*\},?\n)+\}", entry, re.S)
    assert _balanced(entry)
    for line in entry.splitlines()[1:-1]:
        assert _balanced(line.split(" = ", 1)[1].rstrip(","))


def test_bibtex_escapes_specials():
    assert bibtex_escape("50% of {x} & $y #1 a_b ^ ~ \\") == (
        r"50\% of \textbraceleft{}x\textbraceright{} \& \$y \#1 a\_b \^{} \~{} \textbackslash{}")
    entry = citations(fixtures.find(fixtures.SCRIPT_TEXT))["bibtex"]
    assert r"wrong \& loud" in entry and _balanced(entry)
    assert bibtex_key(fixtures.find(fixtures.SCRIPT_TEXT)).startswith("rahman_")


def test_reported_speech_is_never_put_in_quotation_marks():
    reported = fixtures.find("Afghan forces had captured 15 Pakistani outposts")
    assert reported.kind == "indirect"
    for style, text in citations(reported).items():
        assert "paraphrase" in text.lower(), style
        assert "\u201cAfghan forces" not in text, style
    assert citations(reported)["mla"] == (
        "Mujahid, Zabihullah. Afghan forces had captured 15 Pakistani outposts. Paraphrased in "
        "\u201cAfghanistan-Pakistan drift into open war.\u201d Frontier Ledger. pk/open-war.txt, "
        "para. 4, chars 438\u2013486.")


def test_quote_marks_kept_around_the_whole_quote_are_not_doubled():
    from dataclasses import replace

    wrapped = replace(fixtures.find("open war", "pk/open-war.txt"), text='"open war."')
    c = citations(wrapped)
    assert c["plain"].startswith("\u201copen war.\u201d \u2014 Khawaja Asif")
    assert "\u201copen war.\u201d" in c["mla"]


def test_credentials_skip_repeats():
    from dataclasses import replace

    from search.citations import credentials

    mujahid = fixtures.find("response to repeated provocations and violations by Pakistani military circles.")
    assert credentials(mujahid) == "Taliban government spokesman"  # affiliation "Taliban" is in the role
    minister = replace(mujahid, speaker="Pakistan's defense minister", role="Pakistan's defense minister",
                       affiliation="Pakistan", speaker_type="organisation")
    assert credentials(minister) == ""
    assert citations(minister)["apa"].startswith("Pakistan's defense minister. (n.d.).")
