"""Flask front end: HTML pages, a JSON API and the citation menu over `QuoteService`.

Routes stay thin: parse the request, make one service call, render. The web layer
never reads the corpus or the index itself (and never imports whoosh), so an article
page can only show what the index holds, whatever path is asked for.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urlencode

from flask import Blueprint, Flask, current_app, jsonify, redirect, render_template, request, url_for
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException

from search.citations import citations, credentials, para_number, speaker_label
from search.errors import IndexUnavailable, NotFound, QueryError, QuotesError
from search.model import Quote
from search.service import QuoteService

ROOT = Path(__file__).resolve().parent.parent
FACETS = ("speaker", "affiliation", "kind", "speaker_type", "source")
FACET_LABELS = {"speaker": "Speaker", "affiliation": "Affiliation", "kind": "Kind",
                "speaker_type": "Speaker type", "source": "Source", "speaker_id": "Speaker ID"}
KIND_LABELS = {"direct": "direct", "partial": "partial", "indirect": "reported"}
STYLE_LABELS = {"plain": "Plain", "apa": "APA", "mla": "MLA", "chicago": "Chicago", "bibtex": "BibTeX"}
FILTERS = FACETS + ("speaker_id",)
SORTS = {"relevance": "Relevance", "source": "Source order"}  # the service validates; this labels the menu
MAX_PER_PAGE = 100
MAX_PAGE = 10_000  # deeper pages are never useful and only cost the index work
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
STATUS_FOR = ((QueryError, 400), (NotFound, 404), (IndexUnavailable, 503))

log = logging.getLogger(__name__)
ui = Blueprint("ui", __name__)
api = Blueprint("api", __name__, url_prefix="/api")


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(
        INDEX_DIR=os.environ.get("QUOTES_INDEX") or str(ROOT / "index"),
        TESTING=False,
    )
    app.config.update(config or {})
    app.json.sort_keys = False  # keep citation styles and result fields in their documented order
    app.register_blueprint(ui)
    app.register_blueprint(api)
    app.after_request(_security_headers)
    app.register_error_handler(QuotesError, _library_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)
    app.jinja_env.globals.update(
        FACETS=FACETS, FACET_LABELS=FACET_LABELS, STYLE_LABELS=STYLE_LABELS, SORTS=SORTS,
        citations=citations, credentials=credentials, speaker_label=speaker_label, para_number=para_number,
        kind_label=lambda k: KIND_LABELS.get(k, k), facet_label=_facet_value_label,
        search_url=_search_url,
    )
    return app


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
    if not raw.isdecimal() or not 1 <= int(raw) <= hi:
        raise QueryError(f"{name} must be a whole number from 1 to {hi}, not {raw[:40]!r}")
    return int(raw)


def _search_kwargs() -> dict:
    """The one search call both the HTML page and the API make, built from the query string."""
    filters = {f: vs for f in FILTERS if (vs := [v for v in request.args.getlist(f) if v.strip()])}
    raw_conf = request.args.get("min_confidence", "").strip()
    try:
        min_conf = float(raw_conf or 0)  # the service checks the range
    except ValueError:
        raise QueryError(f"min_confidence must be a number from 0 to 1, not {raw_conf[:40]!r}") from None
    sort = request.args.get("sort", "").strip() or "relevance"
    return dict(q=request.args.get("q", "").strip(), filters=filters,
                page=_int_arg("page", 1, MAX_PAGE), per_page=_int_arg("per_page", 10, MAX_PER_PAGE),
                min_confidence=min_conf, sort=sort)


def _search_url(add: tuple[str, str] | None = None, remove: tuple[str, str] | None = None,
                page: int | None = None, clear: bool = False) -> str:
    """The current search URL with one filter added/removed or another page; filters reset paging.

    Only the known parameters are carried over (and encoded here, not passed to url_for,
    whose own keywords such as `_anchor` a crafted query string could otherwise set)."""
    keep = ("q", "sort", "per_page", "min_confidence") + (() if clear else FILTERS)
    args = {k: [v for v in request.args.getlist(k) if v.strip()] for k in keep}
    if add and add[1] not in args[add[0]]:
        args[add[0]].append(add[1])
    if remove:
        args[remove[0]] = [v for v in args[remove[0]] if v != remove[1]]
    if page and page > 1:
        args["page"] = [str(page)]
    query = urlencode([(k, v) for k, vs in args.items() for v in vs])
    return url_for("ui.search") + (f"?{query}" if query else "")


def _facet_value_label(field: str, value: str) -> str:
    return KIND_LABELS.get(value, value) if field == "kind" else value


# -- presentation ------------------------------------------------------------------------

def _result(q: Quote, highlight: str) -> dict:
    return {
        "id": q.id, "text": q.text, "kind": q.kind, "cue": q.cue, "speaker": q.speaker,
        "speaker_id": q.speaker_id, "speaker_mention": q.speaker_mention,
        "speaker_type": q.speaker_type, "role": q.role, "affiliation": q.affiliation,
        "context": q.context, "source": q.source, "title": q.title, "start": q.start,
        "end": q.end, "paragraph": q.paragraph, "confidence": q.confidence,
        "permalink": url_for("ui.permalink", quote_id=q.id, _external=True),
        "citations": citations(q), "highlight": str(highlight),
    }


def _open_mark(q: Quote, anchored: set[str]) -> Markup:
    # A quote cut by a paragraph break or an overlap is marked in pieces; only the first
    # piece carries the id (so the permalink lands on the quote's start) and a tab stop.
    first = q.id not in anchored
    anchor = Markup(' id="q-{}" tabindex="0"').format(q.id) if first else Markup("")
    anchored.add(q.id)
    who = speaker_label(q)
    return Markup('<mark{} class="quote kind-{}" title="{}" data-speaker="{}">').format(
        anchor, q.kind, who, f"{who} \u00b7 {KIND_LABELS.get(q.kind, q.kind)}")


def _marked(text: str, lo: int, hi: int, quotes: list[Quote], anchored: set[str]) -> list[Markup]:
    """text[lo:hi] escaped, each quote wrapped in a mark; contained quotes nest, crossing ones are clipped."""
    out, pos = [], lo
    rest = sorted(quotes, key=lambda q: (q.start, -q.end))
    while rest:
        q, rest = rest[0], rest[1:]
        s = max(q.start, pos)
        e = max(min(q.end, hi), s)
        inner = [x for x in rest if x.start < e and x.end <= e]
        rest = [x for x in rest if not (x.start < e and x.end <= e)]
        out += [escape(text[pos:s]), _open_mark(q, anchored), *_marked(text, s, e, inner, anchored),
                Markup("</mark>")]
        pos = e
    out.append(escape(text[pos:hi]))
    return out


def _article_paragraphs(view) -> tuple[list[Markup], list[Quote]]:
    """The article's paragraphs with its quotes marked, and any quote that fell outside them."""
    text, anchored, paras = view.article.text, set(), []
    for ps, pe in view.article.paragraphs:
        inside = [q for q in view.quotes if q.start < pe and q.end > ps]
        paras.append(Markup("").join(_marked(text, ps, pe, inside, anchored)))
    return paras, [q for q in view.quotes if q.id not in anchored]


# -- HTML pages --------------------------------------------------------------------------

@ui.get("/")
def search():
    kwargs = _search_kwargs()
    result = service().search(**kwargs)
    active = [(f, v) for f, vs in kwargs["filters"].items() for v in vs]
    return render_template("search.html", result=result, filters=kwargs["filters"], active=active)


@ui.get("/sources/<path:source>")
def article(source: str):
    view = service().article(source)
    paragraphs, orphans = _article_paragraphs(view)
    return render_template("article.html", view=view, article=view.article, paragraphs=paragraphs,
                           orphans=orphans)


@ui.get("/quotes/<quote_id>")
def permalink(quote_id: str):
    q = service().quote(quote_id)
    return redirect(url_for("ui.article", source=q.source, _anchor=f"q-{q.id}"), 302)


# -- JSON API ----------------------------------------------------------------------------

@api.get("/search")
def api_search():
    kwargs = _search_kwargs()
    page = service().search(**kwargs)
    return jsonify({
        "total": page.total, "page": page.page, "per_page": page.per_page, "pages": page.pages,
        "query": page.query,
        "results": [_result(h.quote, h.text_html) for h in page.hits],
        "facets": {f: [{"value": x.value, "count": x.count} for x in page.facets.get(f, [])]
                   for f in FACETS},
    })


@api.get("/quotes/<quote_id>")
def api_quote(quote_id: str):
    q = service().quote(quote_id)
    return jsonify(_result(q, escape(q.text)))


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
