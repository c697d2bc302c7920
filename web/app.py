"""Flask front end: HTML pages, a JSON API, citations and exports over `QuoteService`.

Routes stay thin: parse the request, make one or a few service calls, render. The web
layer never reads the corpus or the index itself (and never imports whoosh), so an
article page can only show what the index holds, whatever path is asked for.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import os
import unicodedata
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from flask import Blueprint, Flask, Response, current_app, g, jsonify, redirect, render_template, request, url_for
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

from search.citations import (STYLE_NAMES, bibtex_file, citations, credentials, csl_file, para_number, ris_file,
                              speaker_label)
from search.errors import IndexUnavailable, NotFound, QueryError, QuotesError
from search.model import UNCERTAIN_BELOW, Quote, slug
from search.query import normalize_filters, normalize_text
from search.service import QuoteService

from .openapi import spec as openapi_spec

ROOT = Path(__file__).resolve().parent.parent
FACETS = ("speaker", "affiliation", "kind", "speaker_type", "source")
FACET_LABELS = {"speaker": "Speaker", "affiliation": "Affiliation", "kind": "Kind",
                "speaker_type": "Speaker type", "source": "Source", "speaker_id": "Speaker ID"}
KIND_LABELS = {"direct": "direct", "partial": "partial", "indirect": "reported"}
KIND_HELP = {"direct": "Direct quote: the speaker's words, in quotation marks",
             "partial": "Partial quote: some of the speaker's words, quoted inside the writer's sentence",
             "indirect": "Reported speech: the writer's paraphrase, not the speaker's exact words"}
STYLE_LABELS = STYLE_NAMES
MATCH_LABELS = {"same words": "same words", "shared quoted words": "shares the quoted words",
                "similar wording": "similar wording, same speaker"}
FILTERS = FACETS + ("speaker_id",)
SORTS = {"relevance": "Relevance", "source": "Source order"}  # the service validates; this labels the menu
SPEAKER_SORTS = {"count": "Most quoted", "name": "Name"}
MAX_PER_PAGE = 100
MAX_PAGE = 10_000  # deeper pages are never useful and only cost the index work
MAX_NUMBER_LENGTH = 20  # characters of a numeric parameter: int() of 4,300+ digits raises, and none is needed
EXPORT_LIMIT = 1000  # rows in one export; `limit` may ask for fewer
EXPORT_TYPES = {  # format -> (file extension, MIME type)
    "csv": ("csv", "text/csv; charset=utf-8"),
    "json": ("json", "application/json"),
    "bibtex": ("bib", "application/x-bibtex; charset=utf-8"),
    "ris": ("ris", "application/x-research-info-systems; charset=utf-8"),
    "csljson": ("csl.json", "application/vnd.citationstyles.csl+json"),
}
EXPORT_LABELS = {"csv": "CSV", "json": "JSON", "bibtex": "BibTeX", "ris": "RIS", "csljson": "CSL-JSON"}
CSV_FIELDS = ["id", "text", "kind", "speaker", "speaker_id", "speaker_mention", "speaker_type", "role",
              "affiliation", "cue", "source", "title", "paragraph", "start", "end", "confidence", "context",
              "permalink"]
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
STATUS_FOR = ((QueryError, 400), (NotFound, 404), (IndexUnavailable, 503))

log = logging.getLogger(__name__)
ui = Blueprint("ui", __name__)
api = Blueprint("api", __name__, url_prefix="/api")


class _Flask(Flask):
    def raise_routing_exception(self, request):
        # Werkzeug's routing redirects ("//x" -> "/x") name the request's Host header in
        # their Location and body; Flask passes them by the error handlers, so make them
        # relative here.
        err = request.routing_exception
        if isinstance(err, RequestRedirect):
            target = urlsplit(err.new_url)
            raise RequestRedirect(urlunsplit(("", "", target.path, target.query, ""))) from None
        super().raise_routing_exception(request)


def create_app(config: dict | None = None) -> Flask:
    """The app.  Config: INDEX_DIR; BASE_URL, the public URL of the site root that every
    absolute link names (else QUOTES_BASE_URL, else http://SERVER_HOST:SERVER_PORT, the
    address `quotes serve` binds); TESTING."""
    app = _Flask(__name__)
    app.config.from_mapping(
        INDEX_DIR=os.environ.get("QUOTES_INDEX") or str(ROOT / "index"),
        TESTING=False,
        BASE_URL=os.environ.get("QUOTES_BASE_URL") or None,
        SERVER_HOST="127.0.0.1",
        SERVER_PORT=5000,
    )
    app.config.update(config or {})
    app.config["BASE_URL"] = _base_url(app.config)
    app.json.sort_keys = False  # keep citation styles and result fields in their documented order
    app.register_blueprint(ui)
    app.register_blueprint(api)
    app.after_request(_security_headers)
    app.register_error_handler(QuotesError, _library_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)
    app.jinja_env.globals.update(
        FACETS=FACETS, FACET_LABELS=FACET_LABELS, STYLE_LABELS=STYLE_LABELS, SORTS=SORTS,
        SPEAKER_SORTS=SPEAKER_SORTS, EXPORT_LABELS=EXPORT_LABELS, EXPORT_LIMIT=EXPORT_LIMIT,
        KIND_HELP=KIND_HELP, MATCH_LABELS=MATCH_LABELS, UNCERTAIN_BELOW=UNCERTAIN_BELOW,
        cite=_cite, credentials=credentials, speaker_label=speaker_label, para_number=para_number,
        kind_label=lambda k: KIND_LABELS.get(k, k), facet_label=_facet_value_label,
        search_url=_search_url, export_url=_export_url, page_numbers=page_numbers,
    )
    return app


def _base_url(config) -> str:
    """The configured base URL without its trailing slash; QuotesError when it is not an http(s) URL.

    Absolute links never come from the request's Host header: any client can set it, and
    permalinks, citations and exports carry the URL on (a cache or a copied citation would
    then point readers at the client's host)."""
    base = config.get("BASE_URL")
    if not base:
        host = str(config["SERVER_HOST"])
        base = f"http://{f'[{host}]' if ':' in host else host}:{config['SERVER_PORT']}"
    try:
        parts = urlsplit(base)
        ok = (parts.scheme in ("http", "https") and parts.hostname and not parts.query and not parts.fragment
              and (parts.port or 0) >= 0)  # .port raises ValueError for a port that is not a number
    except ValueError:
        ok = False
    if not ok:
        raise QuotesError(f"the base URL must be an http(s) URL such as https://quotes.example.org, not {base!r}")
    return base.rstrip("/")


def _absolute(endpoint: str, **values) -> str:
    """`url_for(endpoint)` on BASE_URL (which includes any path the app is mounted under)."""
    return current_app.config["BASE_URL"] + url_for(endpoint, **values)[len(request.script_root):]


def service():
    """The app's one QuoteService; it follows rebuilds of the index and reports a missing one per call."""
    svc = current_app.extensions.get("quote_service")
    if svc is None:
        svc = current_app.extensions["quote_service"] = QuoteService(current_app.config["INDEX_DIR"])
    return svc


# -- request parsing ---------------------------------------------------------------------

def _int_arg(name: str, default: int, hi: int) -> int:
    raw = request.args.get(name, "").strip()
    if not raw:
        return default
    # ASCII digits only (isdecimal() also takes "٣" and "１"), and few enough for int().
    if len(raw) > MAX_NUMBER_LENGTH or not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= hi:
        raise QueryError(f"{name} must be a whole number from 1 to {hi}, not {raw[:40]!r}")
    return int(raw)


def _filters() -> dict[str, list[str]]:
    """The request's filter values as the service reads them (NFC, without blanks or repeats,
    within the limits), in FILTERS order; links carry these, so a repeated value costs nothing."""
    if "filters" not in g:
        found = normalize_filters({f: request.args.getlist(f) for f in FILTERS})
        g.filters = {f: found[f] for f in FILTERS if f in found}
    return g.filters


def _search_kwargs() -> dict:
    """The one search call both the HTML page and the API make, built from the query string."""
    raw_conf = request.args.get("min_confidence", "").strip()
    try:
        if len(raw_conf) > MAX_NUMBER_LENGTH or not raw_conf.isascii():  # as _int_arg: ASCII, short
            raise ValueError
        min_conf = float(raw_conf or 0)  # the service checks the range
    except ValueError:
        raise QueryError(f"min_confidence must be a number from 0 to 1, not {raw_conf[:40]!r}") from None
    sort = request.args.get("sort", "").strip() or "relevance"
    return dict(q=request.args.get("q", "").strip(), filters=_filters(),
                page=_int_arg("page", 1, MAX_PAGE), per_page=_int_arg("per_page", 10, MAX_PER_PAGE),
                min_confidence=min_conf, sort=sort)


def _search_url(add: tuple[str, str] | None = None, remove: tuple[str, str] | None = None,
                page: int | None = None, clear: bool = False, q: str | None = None,
                min_confidence: float | None = None, endpoint: str = "ui.search", **view_args) -> str:
    """The current search URL with one filter added/removed, another query, another page or
    another confidence floor (0 removes it); filters, a new query and a new floor reset paging.

    Only the known parameters are carried over (and encoded here, not passed to url_for,
    whose own keywords such as `_anchor` a crafted query string could otherwise set), each
    once: every link on the page carries them, so repeats would make the page grow with
    the square of the request."""
    single = {k: request.args.get(k, "") for k in ("q", "sort", "per_page", "min_confidence")}
    args = {k: [v] if v.strip() else [] for k, v in single.items()}
    args.update({f: [] if clear else list(_filters().get(f, [])) for f in FILTERS})
    if q is not None:
        args["q"] = [q] if q.strip() else []
    if min_confidence is not None:
        args["min_confidence"] = [f"{min_confidence:g}"] if min_confidence else []
    if add and add[1] not in args[add[0]]:
        args[add[0]].append(add[1])
    if remove:
        args[remove[0]] = [v for v in args[remove[0]] if v != remove[1]]
    if page and page > 1:
        args["page"] = [str(page)]
    query = urlencode([(k, v) for k, vs in args.items() for v in vs])
    return url_for(endpoint, **view_args) + (f"?{query}" if query else "")


def _export_url(fmt: str, **extra) -> str:
    """The current search (query, filters, sort, confidence; not the page) as an export."""
    pairs = [(k, request.args[k]) for k in ("q", "sort", "min_confidence") if request.args.get(k, "").strip()]
    pairs += [(k, v) for k, vs in _filters().items() for v in vs]
    pairs += [(k, str(v)) for k, vs in extra.items() for v in (vs if isinstance(vs, list) else [vs])]
    return url_for("api.export", format=fmt) + "&" + urlencode(pairs) if pairs else url_for("api.export", format=fmt)


def page_numbers(page: int, pages: int) -> list[int | None]:
    """The page links to show: the first, the last and two either side of `page`; None
    stands for a gap.  Computed, not looped over every page: per_page=1 on a large index
    has 10^5 pages."""
    shown = sorted({1, pages, *range(max(page - 2, 1), min(page + 2, pages) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - out[-1] > 1:
            out.append(None)
        out.append(n)
    return out


def _facet_value_label(field: str, value: str) -> str:
    return KIND_LABELS.get(value, value) if field == "kind" else value


# -- presentation ------------------------------------------------------------------------

def _permalink(q: Quote) -> str:
    return _absolute("ui.permalink", quote_id=q.id)


def _cite(q: Quote) -> dict[str, str]:
    """Every citation style for `q`, linking to its permalink on this server."""
    return citations(q, url=_permalink(q))


def _record(q: Quote) -> dict:
    """A quote as the API and the exports show it (without highlight and citations)."""
    return {
        "id": q.id, "text": q.text, "kind": q.kind, "cue": q.cue, "speaker": q.speaker,
        "speaker_id": q.speaker_id, "speaker_mention": q.speaker_mention,
        "speaker_type": q.speaker_type, "role": q.role, "affiliation": q.affiliation,
        "context": q.context, "source": q.source, "title": q.title, "start": q.start,
        "end": q.end, "paragraph": q.paragraph, "confidence": q.confidence, "uncertain": q.uncertain,
        "rule": q.rule,
        "permalink": _permalink(q),
    }


def _result(q: Quote, highlight: str) -> dict:
    return {**_record(q), "citations": _cite(q), "highlight": str(highlight)}


def _match(m) -> dict:
    q = m.quote
    return {"id": q.id, "text": q.text, "kind": q.kind, "speaker": q.speaker, "speaker_id": q.speaker_id,
            "source": q.source, "title": q.title, "paragraph": q.paragraph, "reason": m.reason,
            "phrase": m.phrase or None, "permalink": _permalink(q)}


def _also_reported(quotes) -> dict[str, list]:
    """quote id -> the other articles' reports of it, for the cards on one page."""
    svc = service()
    return {q.id: svc.also_reported(q) for q in quotes}


def _open_mark(q: Quote, anchored: set[str], selected: str | None = None) -> Markup:
    # A quote cut by a paragraph break or an overlap is marked in pieces; only the first
    # piece carries the id (so the permalink lands on the quote's start) and a tab stop.
    first = q.id not in anchored
    anchor = Markup(' id="q-{}" tabindex="0"').format(q.id) if first else Markup("")
    anchored.add(q.id)
    who = speaker_label(q)
    extra = " selected" if q.id == selected else ""
    label = f"{who} \u00b7 {KIND_LABELS.get(q.kind, q.kind)}"
    return Markup('<mark{} class="quote kind-{}{}" title="{}" data-speaker="{}">').format(
        anchor, q.kind, extra, f"{label} \u00b7 rule: {q.rule}" if q.rule else who, label)


def _marked(text: str, lo: int, hi: int, quotes: list[Quote], anchored: set[str],
            selected: str | None = None) -> list[Markup]:
    """text[lo:hi] escaped, each quote wrapped in a mark; contained quotes nest, crossing ones are clipped."""
    out, pos = [], lo
    rest = sorted(quotes, key=lambda q: (q.start, -q.end))
    while rest:
        q, rest = rest[0], rest[1:]
        s = max(q.start, pos)
        e = max(min(q.end, hi), s)
        inner = [x for x in rest if x.start < e and x.end <= e]
        rest = [x for x in rest if not (x.start < e and x.end <= e)]
        out += [escape(text[pos:s]), _open_mark(q, anchored, selected),
                *_marked(text, s, e, inner, anchored, selected), Markup("</mark>")]
        pos = e
    out.append(escape(text[pos:hi]))
    return out


def _article_paragraphs(view, selected: str | None = None) -> tuple[list[Markup], list[Quote]]:
    """The article's paragraphs with its quotes marked, and any quote that fell outside them."""
    text, anchored, paras = view.article.text, set(), []
    for ps, pe in view.article.paragraphs:
        inside = [q for q in view.quotes if q.start < pe and q.end > ps]
        paras.append(Markup("").join(_marked(text, ps, pe, inside, anchored, selected)))
    return paras, [q for q in view.quotes if q.id not in anchored]


# -- HTML pages --------------------------------------------------------------------------

@ui.get("/")
def search():
    kwargs = _search_kwargs()
    svc = service()
    result = svc.search(**kwargs)
    active = [(f, v) for f, vs in kwargs["filters"].items() for v in vs]
    suggestion = unfiltered = None
    if not result.total:
        # Explain an empty result: a likely misspelling, and whether the filters are to blame.
        suggestion = svc.suggest(kwargs["q"]) if kwargs["q"] else None
        if active:
            unfiltered = svc.search(q=kwargs["q"], per_page=1, min_confidence=kwargs["min_confidence"]).total
    return render_template("search.html", result=result, filters=kwargs["filters"], active=active,
                           hiding_uncertain=kwargs["min_confidence"] >= UNCERTAIN_BELOW,
                           suggestion=suggestion, unfiltered=unfiltered,
                           also=_also_reported(h.quote for h in result.hits),
                           page_url=lambda n: _search_url(page=n))


@ui.get("/speakers")
def speakers():
    sort = request.args.get("sort", "").strip() or "count"
    if sort not in SPEAKER_SORTS:
        raise QueryError(f"sort must be one of {', '.join(SPEAKER_SORTS)}, not {sort[:40]!r}")
    people = service().speaker_index()
    if sort == "name":
        people = sorted(people, key=lambda s: (s.name.casefold(), s.id))
    return render_template("speakers.html", speakers=people, sort=sort)


@ui.get("/speakers/<speaker_id>")
def speaker(speaker_id: str):
    svc = service()
    profile = svc.speaker(speaker_id)
    kwargs = _search_kwargs()
    kwargs["filters"] = {"speaker_id": [profile.id]}  # this page searches one speaker only
    result = svc.search(**kwargs)
    return render_template("speaker.html", profile=profile, result=result,
                           suggestion=svc.suggest(kwargs["q"]) if kwargs["q"] and not result.total else None,
                           also=_also_reported(h.quote for h in result.hits),
                           page_url=lambda n: _speaker_url(profile.id, page=n))


def _speaker_url(speaker_id: str, page: int | None = None, q: str | None = None) -> str:
    args = [(k, request.args[k]) for k in ("q", "sort", "per_page") if request.args.get(k, "").strip()]
    if q is not None:
        args = [(k, v) for k, v in args if k != "q"] + ([("q", q)] if q.strip() else [])
    if page and page > 1:
        args.append(("page", str(page)))
    base = url_for("ui.speaker", speaker_id=speaker_id)
    return base + ("?" + urlencode(args) if args else "")


@ui.get("/sources/<path:source>")
def article(source: str):
    svc = service()
    view = svc.article(source)
    wanted = request.args.get("quote", "").strip()
    selected = next((q for q in view.quotes if q.id == wanted), None)
    paragraphs, orphans = _article_paragraphs(view, selected.id if selected else None)
    return render_template("article.html", view=view, article=view.article, paragraphs=paragraphs,
                           orphans=orphans, selected=selected,
                           also=_also_reported([selected]) if selected else {})


@ui.get("/quotes/<quote_id>")
def permalink(quote_id: str):
    q = service().quote(quote_id)
    return redirect(url_for("ui.article", source=q.source, quote=q.id, _anchor=f"q-{q.id}"), 302)


@ui.get("/export.<fmt>")
def export_alias(fmt: str):
    """`/export.csv?…` (and .json, .bib, .ris): the same as `/api/export?format=…`."""
    by_ext = {"csv": "csv", "json": "json", "bib": "bibtex", "ris": "ris"}
    if fmt not in by_ext:
        raise NotFound(f"no export format {fmt[:20]!r}; use csv, json, bib or ris")
    return _export(by_ext[fmt])


# -- JSON API ----------------------------------------------------------------------------

@api.get("/search")
def api_search():
    kwargs = _search_kwargs()
    svc = service()
    page = svc.search(**kwargs)
    return jsonify({
        "total": page.total, "page": page.page, "per_page": page.per_page, "pages": page.pages,
        "query": page.query, "sort": page.sort,
        "suggestion": svc.suggest(page.query) if page.query and not page.total else None,
        "results": [_result(h.quote, h.text_html) for h in page.hits],
        "facets": {f: [{"value": x.value, "count": x.count} for x in page.facets.get(f, [])]
                   for f in FACETS},
    })


@api.get("/quotes/<quote_id>")
def api_quote(quote_id: str):
    svc = service()
    q = svc.quote(quote_id)
    return jsonify({**_result(q, escape(q.text)), "also_reported": [_match(m) for m in svc.also_reported(q)]})


@api.get("/speakers")
def api_speakers():
    return jsonify({"speakers": [
        {"id": s.id, "name": s.name, "speaker_type": s.speaker_type, "count": s.count,
         "url": _absolute("ui.speaker", speaker_id=s.id)}
        for s in service().speaker_index()]})


@api.get("/speakers/<speaker_id>")
def api_speaker(speaker_id: str):
    p = service().speaker(speaker_id)

    def facets(xs):
        return [{"value": x.value, "count": x.count} for x in xs]

    return jsonify({
        "id": p.id, "name": p.name, "speaker_type": p.speaker_type, "total": p.total,
        "aliases": list(p.aliases), "names_as_written": facets(p.names_as_written),
        "pronouns": facets(p.pronouns), "roles": facets(p.roles), "affiliations": facets(p.affiliations),
        "sources": [{"source": s.source, "title": s.title, "count": s.count} for s in p.sources],
        "url": _absolute("ui.speaker", speaker_id=p.id),
    })


@api.get("/export")
def export():
    fmt = request.args.get("format", "").strip() or "csv"
    if fmt not in EXPORT_TYPES:
        raise QueryError(f"format must be one of {', '.join(EXPORT_TYPES)}, not {fmt[:40]!r}")
    return _export(fmt)


@api.get("/openapi.json")
def openapi():
    return jsonify(openapi_spec(current_app.config["BASE_URL"]))


def _export(fmt: str) -> Response:
    """The current result set (not just one page), capped at EXPORT_LIMIT rows, as a download."""
    kwargs = _search_kwargs()
    limit = _int_arg("limit", EXPORT_LIMIT, EXPORT_LIMIT)
    sel = service().select(q=kwargs["q"], filters=kwargs["filters"], min_confidence=kwargs["min_confidence"],
                           sort=kwargs["sort"], limit=limit)
    if fmt == "csv":
        buf = io.StringIO()
        buf.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
        writer = csv.DictWriter(buf, CSV_FIELDS, lineterminator="\r\n")
        writer.writeheader()
        for q in sel.quotes:
            writer.writerow({k: _csv_cell(v) for k, v in _record(q).items() if k in CSV_FIELDS})
        body = buf.getvalue()
    elif fmt == "json":
        body = json.dumps({
            "query": kwargs["q"], "filters": kwargs["filters"], "sort": kwargs["sort"],
            "total": sel.total, "exported": len(sel.quotes), "truncated": sel.truncated, "limit": limit,
            "results": [_record(q) for q in sel.quotes],
        }, ensure_ascii=False, indent=1) + "\n"
    elif fmt == "bibtex":
        body = bibtex_file(sel.quotes, _permalink)
    elif fmt == "ris":
        body = ris_file(sel.quotes, _permalink)
    else:
        body = csl_file(sel.quotes, _permalink)
    ext, mimetype = EXPORT_TYPES[fmt]
    resp = Response(body, mimetype=mimetype)
    resp.headers["Content-Disposition"] = _attachment(kwargs["q"], ext)
    resp.headers["X-Total-Count"] = str(sel.total)
    resp.headers["X-Exported-Count"] = str(len(sel.quotes))
    return resp


def _attachment(q: str, ext: str) -> str:
    """Content-Disposition for an export of `q`: `quotes-<the query's words>.<ext>`.

    Header values travel as Latin-1, so a name outside ASCII goes in RFC 6266's
    `filename*` (UTF-8, percent-encoded), after an ASCII `filename` for older clients."""
    words = slug(normalize_text(q))[:40]
    name = "-".join(["quotes"] + ([words] if words else []))
    # "İstanbul" -> "istanbul", "٣٤" -> "34"; scripts without an ASCII form drop out
    folded = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in unicodedata.normalize("NFKD", name))
    fallback = slug(folded.encode("ascii", "ignore").decode("ascii"))
    header = f'attachment; filename="{fallback}.{ext}"'
    if fallback != name:
        header += f"; filename*=UTF-8''{quote(f'{name}.{ext}', safe='')}"
    return header


def _csv_cell(value):
    """Spreadsheets run a cell that starts with = + - @ (or a tab/CR) as a formula: an
    apostrophe in front keeps such article text inert (OWASP's advice for CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


# -- edges -------------------------------------------------------------------------------

def _security_headers(resp):
    resp.headers["Content-Security-Policy"] = CSP
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["Referrer-Policy"] = "no-referrer"
    return resp


def _error(status: int, message: str, headers=None):
    if request.path == "/api" or request.path.startswith("/api/"):
        resp = jsonify(error=message)
    else:
        resp = current_app.make_response(render_template("error.html", status=status, message=message))
    resp.status_code = status
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return resp


def _library_error(err: QuotesError):
    status = next((code for cls, code in STATUS_FOR if isinstance(err, cls)), 500)
    if status == 500:
        log.exception("library error")
    return _error(status, str(err) or type(err).__name__)


def _http_error(err: HTTPException):
    if err.code is None or err.code < 400:  # routing redirects travel as exceptions too
        return err
    allow = err.get_response().headers.get("Allow")
    return _error(err.code, err.description or err.name, {"Allow": allow} if allow else None)


def _unexpected_error(err: Exception):
    log.exception("unhandled error on %s", request.path)
    return _error(500, "Something went wrong on our side. The error has been logged.")
