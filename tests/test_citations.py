"""Citations: golden files for every style, real parsers for the machine-readable ones.

The golden files live in tests/golden/citations/<quote>/<variant>.<style>.<ext>:
`linked` is what the web app serves (the permalink, no access date), `bare` has
neither, `accessed` both. Regenerate them after a deliberate change with
`UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_citations.py` and review the diff.
"""
from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import bibtexparser
import pytest
import rispy

import fixtures
from search.citations import (STYLE_NAMES, STYLES, bibtex_escape, bibtex_file, bibtex_key, citations, csl_file,
                              ris_file, speaker_label)

CUP = "Our cup of patience has overflowed. Now it is open war between us and you."
GOLDEN = Path(__file__).resolve().parent / "golden" / "citations"
BASE = "https://quotes.example"  # stands in for the server's address in the golden files
EXT = {"plain": "txt", "apa": "txt", "mla": "txt", "chicago": "txt", "bibtex": "bib", "ris": "ris",
       "csljson": "json"}
ACCESSED = date(2025, 9, 30)
NAMED = {  # golden name -> fixture quote
    "asif-cup": fixtures.find(CUP),
    "mujahid-reported": fixtures.find("Afghan forces had captured 15 Pakistani outposts"),
    "resident-anonymous": fixtures.find("Around midnight the windows shook and the children would not stop crying."),
    "unattributed": fixtures.find("No war, no borders."),
    "rahman-hostile": fixtures.find(fixtures.SCRIPT_TEXT),
}
VARIANTS = {"linked": {"url": True}, "bare": {}, "accessed": {"url": True, "accessed": ACCESSED}}
CASES = [(name, variant) for name in NAMED for variant in VARIANTS
         if variant == "linked" or name in ("asif-cup", "mujahid-reported")]


def permalink(quote) -> str:
    return f"{BASE}/quotes/{quote.id}"


def rendered(name: str, variant: str) -> dict[str, str]:
    q, kw = NAMED[name], VARIANTS[variant]
    return citations(q, accessed=kw.get("accessed"), url=permalink(q) if kw.get("url") else None)


def golden_path(name: str, variant: str, style: str) -> Path:
    return GOLDEN / name / f"{variant}.{style}.{EXT[style]}"


def golden(name: str, variant: str, style: str) -> str:
    """The golden text (files end with one newline that is not part of the citation)."""
    return golden_path(name, variant, style).read_text(encoding="utf-8").removesuffix("\n")


@pytest.mark.parametrize("name, variant", CASES)
def test_golden_files(name, variant):
    got = rendered(name, variant)
    assert list(got) == list(STYLES)
    for style, text in got.items():
        path = golden_path(name, variant, style)
        if os.environ.get("UPDATE_GOLDEN"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text + "\n", encoding="utf-8")
        assert text == golden(name, variant, style), f"{path} differs; UPDATE_GOLDEN=1 rewrites it"


def test_golden_files_have_no_strays():
    expected = {golden_path(n, v, s) for n, v in CASES for s in STYLES}
    assert set(GOLDEN.rglob("*.*")) == expected


def test_fixed_quote_keeps_its_id_and_the_labels():
    assert NAMED["asif-cup"].id == "914b0c043689e657"
    assert list(STYLE_NAMES) == list(STYLES)
    assert STYLE_NAMES["apa"] == "APA 7" and STYLE_NAMES["mla"] == "MLA 9"
    assert STYLE_NAMES["chicago"] == "Chicago (notes)"


def test_access_date_and_link_endings():
    c = rendered("asif-cup", "accessed")
    url = permalink(NAMED["asif-cup"])
    assert c["plain"].endswith(f"chars 119\u2013193. Accessed 2025-09-30. {url}")
    assert c["apa"].endswith(f"chars 119\u2013193. Retrieved September 30, 2025, from {url}")
    assert c["mla"].endswith(f"chars 119\u2013193, {url}. Accessed 30 Sept. 2025.")
    assert c["chicago"].endswith(f"between us and you.\u201d Accessed September 30, 2025, {url}.")
    assert f"  url = {{{url}}},\n  urldate = {{2025-09-30}}\n}}" in c["bibtex"]
    bare = citations(NAMED["asif-cup"], accessed=ACCESSED)
    assert bare["apa"].endswith("Retrieved September 30, 2025.") and "http" not in "".join(bare.values())


@pytest.mark.parametrize("quote", fixtures.quotes(), ids=lambda q: q.id)
def test_every_style_names_who_what_where(quote):
    for style, text in citations(quote, url=permalink(quote)).items():
        who = speaker_label(quote)
        if style == "mla" and quote.speaker_type == "person":
            who = who.split()[-1]  # surname first
        assert who.lower() in text.lower(), style
        assert quote.source in text and f"para. {quote.paragraph}" in text, style
        assert str(quote.start) in text and str(quote.end) in text, style
        assert (quote.title or quote.source).split()[0] in text, style
        if style != "bibtex":
            flat = re.sub(r"[\"'\u2018\u2019\u201c\u201d,.\\]", "", text)
            assert re.sub(r"[\"'\u2018\u2019\u201c\u201d,.]", "", quote.text)[:20] in flat, style
        assert permalink(quote) in text, style


def test_speaker_labels():
    assert speaker_label(NAMED["unattributed"]) == "Unattributed"
    resident = NAMED["resident-anonymous"]
    assert speaker_label(resident) == "one resident (anonymous)"
    assert citations(resident)["apa"].startswith("One resident (anonymous). (n.d.).")
    assert bibtex_key(resident) == f"anonymous_{resident.id}"
    assert bibtex_key(NAMED["unattributed"]) == "unattributed_67c0afd9bb02c542"


# -- BibTeX --------------------------------------------------------------------------------

def _balanced(s: str) -> bool:
    depth = 0
    for ch in s:  # BibTeX counts braces even when backslash-escaped
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def parse_bibtex(text: str) -> list[dict]:
    parser = bibtexparser.bparser.BibTexParser(common_strings=False, ignore_nonstandard_types=False)
    return bibtexparser.loads(text, parser=parser).entries


@pytest.mark.parametrize("quote", fixtures.quotes(), ids=lambda q: q.id)
def test_bibtex_is_well_formed_and_parses(quote):
    entry = citations(quote, url=permalink(quote))["bibtex"]
    assert re.fullmatch(r"@misc\{[a-z]+_[0-9a-f]{16},\n(  [a-z]+ = \{.*\},?\n)+\}", entry, re.S)
    assert _balanced(entry)
    for line in entry.splitlines()[1:-1]:
        assert _balanced(line.split(" = ", 1)[1].rstrip(","))
    [parsed] = parse_bibtex(entry)
    assert parsed["ENTRYTYPE"] == "misc" and parsed["ID"] == bibtex_key(quote)
    assert parsed["url"] == permalink(quote)
    assert quote.source.replace("_", r"\_") in parsed["note"] and f"para. {quote.paragraph}" in parsed["note"]
    assert speaker_label(quote).split()[-1].strip("()") in parsed["author"]


def test_bibtex_escapes_specials():
    assert bibtex_escape("50% of {x} & $y #1 a_b ^ ~ \\") == (
        r"50\% of \textbraceleft{}x\textbraceright{} \& \$y \#1 a\_b \^{} \~{} \textbackslash{}")
    entry = citations(NAMED["rahman-hostile"])["bibtex"]
    assert r"wrong \& loud" in entry and _balanced(entry)
    assert bibtex_key(NAMED["rahman-hostile"]).startswith("rahman_")
    [parsed] = parse_bibtex(entry)
    assert r"<script>alert(1)</script>" in parsed["title"]


# -- RIS -----------------------------------------------------------------------------------

RIS_LINE = re.compile(r"([A-Z][A-Z0-9])  - (.*)")


def parse_ris_strictly(text: str) -> list[list[tuple[str, str]]]:
    """RIS as the spec has it: `TAG  - value` lines, a record opens with TY and closes with `ER  - `."""
    records, current = [], None
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip() and current is None:
            continue  # blank lines between records
        m = RIS_LINE.fullmatch(line)
        assert m, f"line {n} is not a RIS line: {line!r}"
        tag, value = m.groups()
        if tag == "TY":
            assert current is None, f"line {n}: TY inside a record"
            current = []
        assert current is not None, f"line {n}: {tag} outside a record"
        if tag == "ER":
            assert value == "", f"line {n}: ER takes no value"
            records.append(current)
            current = None
        else:
            assert value == value.strip() and value, f"line {n}: empty or padded value"
            current.append((tag, value))
    assert current is None, "the last record has no ER"
    return records


@pytest.mark.parametrize("quote", fixtures.quotes(), ids=lambda q: q.id)
def test_ris_parses_strictly_and_with_rispy(quote):
    text = citations(quote, url=permalink(quote), accessed=ACCESSED)["ris"]
    [record] = parse_ris_strictly(text)
    tags = dict(record)
    assert record[0] == ("TY", "NEWS") and len(tags) == len(record)  # no repeated tags
    assert tags["TI"] == " ".join((quote.title or quote.source).split())
    assert tags["AV"].startswith(f"{quote.source}, para. {quote.paragraph}, chars {quote.start}")
    assert speaker_label(quote).lower() in tags["N1"].lower() and quote.id in tags["N1"]
    assert tags["UR"] == permalink(quote) and tags["Y2"] == "2025/09/30"
    [parsed] = rispy.loads(text)
    assert parsed["type_of_reference"] == "NEWS"
    assert parsed["title"] == tags["TI"] and parsed["urls"] == [permalink(quote)]
    assert any(quote.id in n for n in parsed["notes"])
    if quote.publisher:
        assert parsed["secondary_title"] == quote.publisher


# -- CSL-JSON ------------------------------------------------------------------------------

# The variables of the CSL 1.0.2 schema (csl-data.json) this module may emit.
CSL_TYPES = {"article-newspaper"}
CSL_KEYS = {"id", "type", "title", "container-title", "archive_location", "note", "URL", "accessed"}


def check_csl(items: list) -> None:
    assert isinstance(items, list) and items
    for item in items:
        assert isinstance(item, dict) and {"id", "type"} <= set(item), item  # required by the schema
        assert set(item) <= CSL_KEYS, set(item) - CSL_KEYS
        assert item["type"] in CSL_TYPES and isinstance(item["id"], str) and item["title"]
        assert all(isinstance(item[k], str) for k in item if k != "accessed")
        if "accessed" in item:
            [[y, m, d]] = item["accessed"]["date-parts"]
            assert all(isinstance(x, int) for x in (y, m, d))
    assert len({item["id"] for item in items}) == len(items)


@pytest.mark.parametrize("quote", fixtures.quotes(), ids=lambda q: q.id)
def test_csl_json_parses_and_has_the_required_fields(quote):
    items = json.loads(citations(quote, url=permalink(quote), accessed=ACCESSED)["csljson"])
    check_csl(items)
    [item] = items
    assert item["type"] == "article-newspaper" and item["URL"] == permalink(quote)
    assert item["archive_location"].startswith(f"{quote.source}, para. {quote.paragraph}")
    assert speaker_label(quote).lower() in item["note"].lower()
    assert item["accessed"] == {"date-parts": [[2025, 9, 30]]}


# -- whole selections ----------------------------------------------------------------------

def test_export_files_parse_with_one_record_per_quote():
    quotes = fixtures.quotes()
    bib = parse_bibtex(bibtex_file(quotes, permalink))
    assert [e["ID"] for e in bib] == [bibtex_key(q) for q in quotes]
    ris = rispy.loads(ris_file(quotes, permalink))
    assert len(parse_ris_strictly(ris_file(quotes, permalink))) == len(ris) == len(quotes)
    assert [r["urls"] for r in ris] == [[permalink(q)] for q in quotes]
    csl = json.loads(csl_file(quotes, permalink))
    check_csl(csl)
    assert [i["id"] for i in csl] == [bibtex_key(q) for q in quotes]
    assert bibtex_file([]) == ris_file([]) == "" and json.loads(csl_file([])) == []


# -- wording rules -------------------------------------------------------------------------

def test_reported_speech_is_never_put_in_quotation_marks():
    reported = NAMED["mujahid-reported"]
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
    assert "\u201copen war.\u201d" in c["mla"] and "quoted: \u201copen war.\u201d" in c["ris"]


def test_urls_that_would_break_a_format_are_left_out():
    q = NAMED["asif-cup"]
    for bad in ("http://x/{y}", 'http://x/"y', "", None):
        c = citations(q, url=bad)
        assert "http" not in c["bibtex"] + c["ris"] + c["csljson"], bad
    assert "UR  - http://x/a%20b" in citations(q, url="http://x/a%20b")["ris"]


def test_credentials_skip_repeats():
    from dataclasses import replace

    from search.citations import credentials

    mujahid = fixtures.find("response to repeated provocations and violations by Pakistani military circles.")
    assert credentials(mujahid) == "Taliban government spokesman"  # affiliation "Taliban" is in the role
    minister = replace(mujahid, speaker="Pakistan's defense minister", role="Pakistan's defense minister",
                       affiliation="Pakistan", speaker_type="organisation")
    assert credentials(minister) == ""
    assert citations(minister)["apa"].startswith("Pakistan's defense minister. (n.d.).")
