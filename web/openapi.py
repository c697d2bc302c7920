"""The OpenAPI 3.1 description of the JSON API, written by hand and served at /api/openapi.json.

tests/test_web.py validates real responses against these schemas, so a field added to
or dropped from a response without changing this file fails the suite.
"""
from __future__ import annotations

from copy import deepcopy

from search.model import UNCERTAIN_BELOW
from search.query import MAX_FILTER_VALUE_LENGTH, MAX_FILTER_VALUES, MAX_FILTER_VALUES_PER_FIELD

STR = {"type": "string"}
INT = {"type": "integer"}
NSTR = {"type": ["string", "null"]}
FACET_VALUE = {"$ref": "#/components/schemas/FacetValue"}
FILTER_PARAMS = [
    {"name": name, "in": "query", "required": False,
     "schema": {"type": "array", "items": {"type": "string", "maxLength": MAX_FILTER_VALUE_LENGTH},
                "maxItems": MAX_FILTER_VALUES_PER_FIELD},
     "style": "form", "explode": True,
     "description": f"Only quotes whose {label} is one of these values. Repeat the parameter for "
                    "either value (`{0}=A&{0}=B`); different filters must all hold. At most "
                    f"{MAX_FILTER_VALUES_PER_FIELD} values per filter and {MAX_FILTER_VALUES} in all, "
                    f"each at most {MAX_FILTER_VALUE_LENGTH} characters (repeats count once); more is "
                    "a 400.".replace("{0}", name)}
    for name, label in (("speaker", "speaker's canonical name"), ("speaker_id", "speaker id"),
                        ("affiliation", "speaker's affiliation"), ("kind", "kind (direct, partial, indirect)"),
                        ("speaker_type", "speaker type"), ("source", "source file"))
]
SEARCH_PARAMS = [
    {"name": "q", "in": "query", "required": False, "schema": STR,
     "description": "Whoosh query: words are ANDed and stemmed, `\"a phrase\"`, `OR`, `NOT`, parentheses. "
                    "Empty lists every quote. At most 500 characters; no wildcards."},
    *FILTER_PARAMS,
    {"name": "min_confidence", "in": "query", "required": False,
     "schema": {"type": "number", "minimum": 0, "maximum": 1, "default": 0},
     "description": "Only quotes whose attribution confidence is at least this."},
    {"name": "sort", "in": "query", "required": False,
     "schema": {"type": "string", "enum": ["relevance", "source"], "default": "relevance"},
     "description": "`source` orders by file, then position in the file."},
]
PAGE_PARAMS = [
    {"name": "page", "in": "query", "required": False,
     "schema": {"type": "integer", "minimum": 1, "maximum": 10000, "default": 1}},
    {"name": "per_page", "in": "query", "required": False,
     "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}},
]
ERRORS = {
    "400": {"$ref": "#/components/responses/BadRequest"},
    "503": {"$ref": "#/components/responses/Unavailable"},
}

SPEC = {
    "openapi": "3.1.0",
    "info": {
        "title": "Who said what: quote search API",
        "version": "1.0.0",
        "description": "Search quotations extracted from news articles, with their speakers, the "
                       "context and the exact place in the source file. Read-only; every endpoint is a GET. "
                       "Errors are `{\"error\": \"…\"}` with status 400, 404, 405 or 503.",
    },
    "paths": {
        "/api/search": {"get": {
            "operationId": "search",
            "summary": "One page of quotes matching a query and filters, with facet counts",
            "parameters": SEARCH_PARAMS + PAGE_PARAMS,
            "responses": {
                "200": {"description": "A page of results",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}}},
                **ERRORS,
            },
        }},
        "/api/quotes/{id}": {"get": {
            "operationId": "getQuote",
            "summary": "One quote, with the other articles that report it",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": STR,
                            "description": "The 16-hex-digit quote id of a result."}],
            "responses": {
                "200": {"description": "The quote",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/QuoteDetail"}}}},
                "404": {"$ref": "#/components/responses/NotFound"},
                "503": {"$ref": "#/components/responses/Unavailable"},
            },
        }},
        "/api/speakers": {"get": {
            "operationId": "listSpeakers",
            "summary": "Every speaker that has a page, most quoted first",
            "responses": {
                "200": {"description": "The speakers",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SpeakerList"}}}},
                "503": {"$ref": "#/components/responses/Unavailable"},
            },
        }},
        "/api/speakers/{id}": {"get": {
            "operationId": "getSpeaker",
            "summary": "A speaker's names, roles, affiliations and quotes per source",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": STR,
                            "description": "A `speaker_id` from a result."}],
            "responses": {
                "200": {"description": "The speaker",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Speaker"}}}},
                "404": {"$ref": "#/components/responses/NotFound"},
                "503": {"$ref": "#/components/responses/Unavailable"},
            },
        }},
        "/api/export": {"get": {
            "operationId": "export",
            "summary": "The whole result set of a search as a file (at most 1,000 quotes)",
            "description": "Takes the search parameters of `/api/search` (not `page`/`per_page`). "
                           "The headers `X-Total-Count` (quotes matched) and `X-Exported-Count` (quotes in "
                           "the file) tell whether the cap cut the selection. CSV cells that begin with "
                           "= + - or @ get an apostrophe in front so that spreadsheets do not run them.",
            "parameters": [
                {"name": "format", "in": "query", "required": False,
                 "schema": {"type": "string", "enum": ["csv", "json", "bibtex", "ris", "csljson"],
                            "default": "csv"}},
                *SEARCH_PARAMS,
                {"name": "limit", "in": "query", "required": False,
                 "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 1000}},
            ],
            "responses": {
                "200": {
                    "description": "The file, as an attachment",
                    "headers": {
                        "X-Total-Count": {"schema": INT, "description": "quotes matching the search"},
                        "X-Exported-Count": {"schema": INT, "description": "quotes in this file"},
                    },
                    "content": {
                        "text/csv": {"schema": STR},
                        "application/json": {"schema": {"$ref": "#/components/schemas/Export"}},
                        "application/x-bibtex": {"schema": STR},
                        "application/x-research-info-systems": {"schema": STR},
                        "application/vnd.citationstyles.csl+json": {"schema": {"type": "array",
                                                                               "items": {"type": "object"}}},
                    },
                },
                **ERRORS,
            },
        }},
        "/api/openapi.json": {"get": {
            "operationId": "openapi",
            "summary": "This description",
            "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {
                "schema": {"type": "object"}}}}},
        }},
    },
    "components": {
        "schemas": {
            "FacetValue": {"type": "object", "required": ["value", "count"],
                           "properties": {"value": STR, "count": INT}},
            "Record": {
                "type": "object",
                "description": "One quote. `text` is the quote as written; `source[start:end]` is its "
                               "place in the file (code points); `paragraph` counts from 1.",
                "required": ["id", "text", "kind", "cue", "speaker", "speaker_id", "speaker_mention",
                             "speaker_type", "role", "affiliation", "context", "source", "title", "start",
                             "end", "paragraph", "confidence", "uncertain", "rule", "permalink"],
                "properties": {
                    "id": STR, "text": STR,
                    "kind": {"type": "string", "enum": ["direct", "partial", "indirect"]},
                    "cue": NSTR, "speaker": NSTR, "speaker_id": NSTR, "speaker_mention": NSTR,
                    "speaker_type": {"type": "string",
                                     "enum": ["person", "organisation", "publication", "anonymous", "unattributed"]},
                    "role": NSTR, "affiliation": NSTR, "context": STR, "source": STR, "title": STR,
                    "start": INT, "end": INT, "paragraph": INT, "confidence": {"type": "number"},
                    "uncertain": {"type": "boolean", "description": f"confidence is below {UNCERTAIN_BELOW}: "
                                                                   "the UI labels the quote uncertain"},
                    "rule": {"type": "string", "description": "The frame rule or sieve that decided the "
                                                            "attribution (docs/extraction.md)."},
                    "permalink": {"type": "string", "format": "uri"},
                },
            },
            "Citations": {
                "type": "object",
                "description": "Ready-to-paste citations, each linking to the permalink. `ris` is one "
                               "`TY  - NEWS` record, `csljson` a JSON array holding one `article-newspaper` item.",
                "required": ["plain", "apa", "mla", "chicago", "bibtex", "ris", "csljson"],
                "properties": {k: STR for k in ("plain", "apa", "mla", "chicago", "bibtex", "ris", "csljson")},
            },
            "Result": {"allOf": [
                {"$ref": "#/components/schemas/Record"},
                {"type": "object", "required": ["citations", "highlight"],
                 "properties": {"citations": {"$ref": "#/components/schemas/Citations"},
                                "highlight": {"type": "string",
                                              "description": "`text` as escaped HTML, matched words in <mark>"}}},
            ]},
            "Match": {
                "type": "object",
                "description": "The same quote in another article and why it counts as the same: "
                               "`same words`, `shared quoted words` (`phrase` holds them) or `similar wording` "
                               "(same speaker).",
                "required": ["id", "text", "kind", "speaker", "speaker_id", "source", "title", "paragraph",
                             "reason", "phrase", "permalink"],
                "properties": {
                    "id": STR, "text": STR, "kind": STR, "speaker": NSTR, "speaker_id": NSTR, "source": STR,
                    "title": STR, "paragraph": INT, "phrase": NSTR,
                    "reason": {"type": "string", "enum": ["same words", "shared quoted words", "similar wording"]},
                    "permalink": {"type": "string", "format": "uri"},
                },
            },
            "QuoteDetail": {"allOf": [
                {"$ref": "#/components/schemas/Result"},
                {"type": "object", "required": ["also_reported"],
                 "properties": {"also_reported": {"type": "array", "items": {"$ref": "#/components/schemas/Match"}}}},
            ]},
            "SearchResponse": {
                "type": "object",
                "required": ["total", "page", "per_page", "pages", "query", "sort", "suggestion", "results",
                             "facets"],
                "properties": {
                    "total": INT, "page": INT, "per_page": INT, "pages": INT, "query": STR,
                    "sort": {"type": "string", "enum": ["relevance", "source"]},
                    "suggestion": {"type": ["string", "null"],
                                   "description": "When nothing matched: the query with misspelt words "
                                                  "corrected from the index's vocabulary, if any."},
                    "results": {"type": "array", "items": {"$ref": "#/components/schemas/Result"}},
                    "facets": {
                        "type": "object",
                        "required": ["speaker", "affiliation", "kind", "speaker_type", "source"],
                        "properties": {k: {"type": "array", "items": FACET_VALUE}
                                       for k in ("speaker", "affiliation", "kind", "speaker_type", "source")},
                    },
                },
            },
            "SpeakerList": {
                "type": "object", "required": ["speakers"],
                "properties": {"speakers": {"type": "array", "items": {
                    "type": "object", "required": ["id", "name", "speaker_type", "count", "url"],
                    "properties": {"id": STR, "name": STR, "speaker_type": STR, "count": INT,
                                   "url": {"type": "string", "format": "uri"}}}}},
            },
            "Speaker": {
                "type": "object",
                "required": ["id", "name", "speaker_type", "total", "aliases", "names_as_written", "pronouns",
                             "roles", "affiliations", "sources", "url"],
                "properties": {
                    "id": STR, "name": STR, "speaker_type": STR, "total": INT,
                    "aliases": {"type": "array", "items": STR,
                                "description": "Other names from the speaker registry"},
                    "names_as_written": {"type": "array", "items": FACET_VALUE},
                    "pronouns": {"type": "array", "items": FACET_VALUE},
                    "roles": {"type": "array", "items": FACET_VALUE},
                    "affiliations": {"type": "array", "items": FACET_VALUE},
                    "sources": {"type": "array", "items": {
                        "type": "object", "required": ["source", "title", "count"],
                        "properties": {"source": STR, "title": STR, "count": INT}}},
                    "url": {"type": "string", "format": "uri"},
                },
            },
            "Export": {
                "type": "object",
                "required": ["query", "filters", "sort", "total", "exported", "truncated", "limit", "results"],
                "properties": {
                    "query": STR, "filters": {"type": "object", "additionalProperties": {"type": "array", "items": STR}},
                    "sort": STR, "total": INT, "exported": INT, "truncated": {"type": "boolean"}, "limit": INT,
                    "results": {"type": "array", "items": {"$ref": "#/components/schemas/Record"}},
                },
            },
            "Error": {"type": "object", "required": ["error"], "properties": {"error": STR}},
        },
        "responses": {
            name: {"description": text, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Error"}}}}
            for name, text in (("BadRequest", "A malformed query or parameter"),
                               ("NotFound", "No such quote or speaker"),
                               ("Unavailable", "There is no index to search yet"))
        },
    },
}


def spec(server: str | None = None) -> dict:
    """The description, naming `server` (this server's root URL) when given."""
    out = deepcopy(SPEC)
    if server:
        out["servers"] = [{"url": server}]
    return out
