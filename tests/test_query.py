"""Query building, compared as Whoosh query objects, and highlighting; no index needed."""
import re

import pytest
from whoosh.query import And, Every, NumericRange, Or, Phrase, Term

from search.errors import QueryError
from search.model import Quote
from search.query import (
    MAX_QUERY_LENGTH,
    QUOTE_DOCS,
    build_query,
    filter_query,
    highlight_terms,
    mark_context,
    mark_text,
    normalize_filters,
    parse_user_query,
)


def both(word):
    return Or([Term("text", word, boost=2.0), Term("context", word)])


def test_words_search_text_and_context_text_weighted_higher():
    assert parse_user_query("war") == both("war")


def test_words_are_anded_and_stemmed():
    assert parse_user_query("open Wars") == And([both("open"), both("war")])
    assert parse_user_query("wars") == parse_user_query("war")


def test_phrase_including_typographic_quotes():
    expected = Or([Phrase("text", ["open", "war"], boost=2.0), Phrase("context", ["open", "war"])])
    assert parse_user_query('"open wars"') == expected
    assert parse_user_query("“open war”") == expected


def test_empty_query_matches_every_quote():
    assert parse_user_query("  ") == Every()
    assert build_query("") == And([QUOTE_DOCS])


def test_field_prefixes_other_than_text_and_context_are_plain_words():
    assert parse_user_query("text:war") == Term("text", "war")
    assert parse_user_query("speaker:asif") == Or(
        [And([Term("text", "speaker", boost=2.0), Term("text", "asif", boost=2.0)]),
         And([Term("context", "speaker"), Term("context", "asif")])]
    )


def test_fuzzy_suffix_is_ignored():
    assert parse_user_query("war~5") == both("war")


def test_build_query_with_a_speaker_filter():
    assert build_query("war", {"speaker": ["Khawaja Asif"]}) == And(
        [both("war"), Term("doctype", "quote"), Term("speaker", "Khawaja Asif")]
    )


def test_filter_values_ored_fields_anded_in_fixed_order():
    filters = {"kind": ["partial"], "speaker": ["Khawaja Asif", "Zabihullah Mujahid"]}
    expected = And([
        Or([Term("speaker", "Khawaja Asif"), Term("speaker", "Zabihullah Mujahid")]),
        Term("kind", "partial"),
    ])
    assert filter_query(filters) == expected
    assert build_query("", filters, min_confidence=0.5) == And(
        [QUOTE_DOCS, *expected.subqueries, NumericRange("confidence", 0.5, None)]
    )


def test_filter_query_single_and_none():
    assert filter_query({"source": "a.txt"}) == Term("source", "a.txt")
    assert filter_query({"speaker": ["", "  "]}) is None


def test_normalize_filters():
    assert normalize_filters({"speaker": " Asif ", "kind": ["direct", "direct", ""], "source": []}) == {
        "speaker": ["Asif"],
        "kind": ["direct"],
    }
    assert normalize_filters(None) == {}


@pytest.mark.parametrize(
    "q, message",
    [
        ("x" * (MAX_QUERY_LENGTH + 1), "too long"),
        ("*", "Wildcards"),
        ("*a*", "Wildcards"),
        ("ope*", "Wildcards"),
        ('"open war', "double quote"),
        ("(war OR peace", "'('"),
        ("war)", "')'"),
        ("the", "no searchable words"),
        ("((", "'('"),
        ("AND OR", "no searchable words"),
    ],
)
def test_bad_queries_raise_query_error(q, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        build_query(q)


def test_parentheses_inside_a_phrase_are_text():
    assert parse_user_query('"open (war"') == parse_user_query('"open war"')


@pytest.mark.parametrize("filters", [{"title": ["x"]}, {"doctype": ["article"]}])
def test_unknown_filter_field_is_a_query_error(filters):
    with pytest.raises(QueryError, match="Unknown filter"):
        build_query("war", filters)


@pytest.mark.parametrize("value", [-0.1, 1.5, "high", float("nan")])
def test_bad_min_confidence(value):
    with pytest.raises(QueryError, match="min_confidence"):
        build_query("war", min_confidence=value)


def test_highlight_terms_skip_negated_words_and_filters():
    q = build_query('"open wars" peace NOT fight ANDNOT truce', {"speaker": ["war"]})
    assert highlight_terms(q) == {"open", "war", "peac"}


def test_mark_text_escapes_everything_and_marks_stemmed_matches():
    text = "Wars & <script>alert('war')</script>"
    assert mark_text(text, frozenset({"war", "script"})) == (
        "<mark>Wars</mark> &amp; &lt;<mark>script</mark>&gt;alert(&#x27;<mark>war</mark>&#x27;)"
        "&lt;/<mark>script</mark>&gt;"
    )
    assert mark_text("a <b>", frozenset()) == "a &lt;b&gt;"


def test_mark_context_wraps_the_quote_span():
    context = 'He said it was an "open war" <now>.'
    start = context.index("open war")
    quote = Quote(text="open war", kind="partial", start=100 + start, end=100 + start + 8,
                  context=context, context_start=100)
    assert mark_context(quote, frozenset({"war"})) == (
        'He said it was an &quot;<mark class="quote">open <mark>war</mark></mark>&quot; &lt;now&gt;.'
    )
    assert mark_context(quote, frozenset()) == (
        'He said it was an &quot;<mark class="quote">open war</mark>&quot; &lt;now&gt;.'
    )
