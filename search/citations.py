"""Ready-to-paste citations for one quote, in a few house styles.

Hand-written on purpose: a quote is cited *as reported in* an article (the speaker is
not the article's author), which the usual libraries have no type for. Articles carry
no date, so the author-date styles say "n.d.". Every style names the speaker, the
words, the article and the exact place in the file, so a reader can check it.

The reference-manager formats cite the *article* (RIS `TY  - NEWS`, CSL-JSON
`article-newspaper`), since that is what the managers know how to store; the speaker and
the quote go in the note (RIS `N1`, CSL `note`) and the file and paragraph in the archive
location (RIS `AV`, CSL `archive_location`). BibTeX keeps the older `@misc` entry with
the speaker as author and the words as title. Given the quote's permalink, every style
links back to it (RIS `UR`, CSL `URL`, BibTeX `url`).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date

from .model import Quote

STYLES = ("plain", "apa", "mla", "chicago", "bibtex", "ris", "csljson")
STYLE_NAMES = {"plain": "Plain text", "apa": "APA 7", "mla": "MLA 9", "chicago": "Chicago (notes)",
               "bibtex": "BibTeX", "ris": "RIS", "csljson": "CSL-JSON"}

_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")
# MLA 9 abbreviates months longer than four letters (June/July stay whole).
_MLA_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July",
               "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


def speaker_label(q: Quote) -> str:
    """How the speaker is shown everywhere: name, "<description> (anonymous)" or "Unattributed"."""
    if q.speaker_type == "anonymous":
        return f"{q.speaker or q.speaker_mention or 'unnamed source'} (anonymous)"
    return q.speaker or "Unattributed"


def para_number(q: Quote) -> int:
    """`Quote.paragraph` already counts from 1 over `Article.paragraphs` (the extractor's numbering)."""
    return q.paragraph


def locator(q: Quote, dash: str = "\u2013") -> str:
    return f"para. {para_number(q)}, chars {q.start}{dash}{q.end}"


def credentials(q: Quote) -> str:
    """Role and affiliation, leaving out what the name or the role already says
    ("Taliban spokesman, Taliban"; a speaker named by their role)."""
    parts: list[str] = []
    for part in (q.role, q.affiliation):
        if part and part.lower() not in (q.speaker or "").lower() and not any(
                part.lower() in p.lower() for p in parts):
            parts.append(part)
    return ", ".join(parts)


def _who(q: Quote) -> str:
    """Speaker with credentials, capitalised because every style opens a sentence with it."""
    cred, label = credentials(q), speaker_label(q)
    label = label[:1].upper() + label[1:]
    if cred and label.endswith(")"):  # "Afghan officials (anonymous; Afghanistan)"
        return f"{label[:-1]}; {cred})"
    return f"{label} ({cred})" if cred else label


_DOUBLE_QUOTES = "\"\u201c\u201d\u201e\u00ab\u00bb"


def _words(q: Quote) -> str:
    """The quote on one line, without quote marks the extractor kept around the whole of it."""
    words = " ".join(q.text.split())
    if len(words) > 2 and words[0] in _DOUBLE_QUOTES and words[-1] in _DOUBLE_QUOTES:
        words = words[1:-1].strip()
    return words


def _inner(s: str) -> str:
    """Double quotes inside a quoted passage become single ones, as style guides ask."""
    return s.replace("\u201c", "\u2018").replace("\u201d", "\u2019").replace('"', "'")


def _end(s: str) -> str:
    """Terminate a sentence without doubling its own punctuation."""
    s = s.rstrip(",;: ")
    return s if s.endswith((".", "?", "!", "\u2026")) else s + "."


def _inverted(q: Quote) -> str:
    """MLA lists a person surname-first; organisations and descriptions stay as they are."""
    label = speaker_label(q)
    names = label.split()
    if q.speaker_type == "person" and q.speaker and len(names) > 1:
        return f"{names[-1]}, {' '.join(names[:-1])}"
    return label[:1].upper() + label[1:]


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", s.lower())


def bibtex_key(q: Quote) -> str:
    if q.speaker and q.speaker_type != "anonymous":
        stem = _ascii(q.speaker.split()[-1]) or "speaker"
    else:
        stem = "anonymous" if q.speaker_type == "anonymous" else "unattributed"
    return f"{stem}_{q.id}"


_BIB_ESCAPES = {
    # Classic BibTeX counts braces even after a backslash, so "\{" would unbalance the entry.
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "&": r"\&", "%": r"\%",
    "$": r"\$", "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}",
}


def bibtex_escape(s: str) -> str:
    return "".join(_BIB_ESCAPES.get(ch, ch) for ch in " ".join(s.split()))


def _one_line(s: str) -> str:
    return " ".join((s or "").split())


def _url(url: str | None) -> str | None:
    """A URL fit for every format: one token, no braces or quotes to break BibTeX or RIS."""
    url = "".join((url or "").split())
    return url if url and not any(ch in url for ch in '{}"\\<>') else None


def _bibtex(q: Quote, accessed: date | None, url: str | None = None) -> str:
    # Double braces keep BibTeX from splitting a non-person "author" into first/last names.
    author = bibtex_escape(speaker_label(q))
    if q.speaker_type != "person" or not q.speaker:
        author = "{" + author + "}"
    fields = [
        ("author", author),
        ("title", "{" + bibtex_escape(_words(q)) + "}"),
        ("howpublished", ("Paraphrased" if q.kind == "indirect" else "Quoted") + " in "
         + bibtex_escape(q.title or q.source)),
    ]
    if q.publisher:
        fields.append(("organization", bibtex_escape(q.publisher)))
    fields.append(("note", f"{bibtex_escape(q.source)}, {locator(q, '--')}; quote id {q.id}"))
    if url:
        fields.append(("url", url))  # verbatim in biblatex and the url package: never escaped
    if accessed:
        fields.append(("urldate", accessed.isoformat()))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{bibtex_key(q)},\n{body}\n}}"


def note(q: Quote) -> str:
    """Who said what, and where in the file: the note of the formats that cite the article
    itself (RIS, CSL-JSON), which have no field for a speaker or a quotation."""
    words = _inner(_words(q))
    said = f"paraphrased: {_end(words)}" if q.kind == "indirect" else f"quoted: \u201c{_end(words)}\u201d"
    return f"{_who(q)}, {said} Source file {q.source}, {locator(q)}; quote id {q.id}."


def _ris(q: Quote, accessed: date | None, url: str | None = None) -> str:
    """One RIS record (`TY  - NEWS`): the article is the item; speaker and quote are in N1."""
    tags = [("TY", "NEWS"), ("TI", q.title or q.source)]
    if q.publisher:
        tags.append(("T2", q.publisher))
    tags += [("AV", f"{q.source}, {locator(q)}"), ("N1", note(q))]
    if url:
        tags.append(("UR", url))
    if accessed:
        tags.append(("Y2", accessed.strftime("%Y/%m/%d")))
    tags += [("ID", bibtex_key(q)), ("ER", "")]
    return "\n".join(f"{tag}  - {_one_line(value)}" for tag, value in tags)


def csl_item(q: Quote, accessed: date | None = None, url: str | None = None) -> dict:
    """One CSL-JSON item (`article-newspaper`): the article is the item; speaker and quote are in `note`."""
    item = {"id": bibtex_key(q), "type": "article-newspaper", "title": _one_line(q.title or q.source)}
    if q.publisher:
        item["container-title"] = _one_line(q.publisher)
    item["archive_location"] = f"{q.source}, {locator(q)}"
    item["note"] = note(q)
    url = _url(url)
    if url:
        item["URL"] = url
    if accessed:
        item["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    return item


def citations(quote: Quote, accessed: date | None = None, url: str | None = None) -> dict[str, str]:
    """Style name -> citation text, in the order of `STYLES`.

    `accessed` adds a retrieval date and `url` (the quote's permalink) a link back.
    Reported speech (kind "indirect") is the writer's paraphrase, so it is never put
    in quotation marks and is labelled as a paraphrase.
    """
    q, url = quote, _url(url)
    words, title, loc = _inner(_words(q)), q.title or q.source, locator(q)
    quoted_title = _inner(title)
    pub = f" {_end(q.publisher)}" if q.publisher else ""
    pub_c = f" {q.publisher}," if q.publisher else ""
    long_date = f"{_MONTHS[accessed.month - 1]} {accessed.day}, {accessed.year}" if accessed else ""
    if q.kind == "indirect":
        said, said_end, label, verb = f"{words} (paraphrase)", _end(words), "Paraphrase", "paraphrased"
        said_apa = words
    else:
        said, said_end, label, verb = f"\u201c{words}\u201d", f"\u201c{_end(words)}\u201d", "Quotation", "quoted"
        said_apa = said

    plain = f"{said} \u2014 {_who(q)}. In \u201c{quoted_title}\u201d, {q.source}, {loc}."
    apa = f"{_who(q)}. (n.d.). {said_apa} [{label}]. In {_end(title)}{pub} {q.source}, {loc}."
    mla = (f"{_end(_inverted(q))} {said_end} {verb.capitalize()} in "
           f"\u201c{_end(quoted_title)}\u201d{pub} {q.source}, {loc}{', ' + url if url else ''}.")
    chicago = f"{_who(q)}, {verb} in \u201c{quoted_title},\u201d{pub_c} {q.source}, {loc}: {said_end}"
    if accessed:
        plain += f" Accessed {accessed.isoformat()}."
        apa += f" Retrieved {long_date}, from {url}" if url else f" Retrieved {long_date}."
        mla += f" Accessed {accessed.day} {_MLA_MONTHS[accessed.month - 1]} {accessed.year}."
        chicago += f" Accessed {long_date}" + (f", {url}." if url else ".")
    elif url:
        apa += f" {url}"
        chicago += f" {url}."
    if url:
        plain += f" {url}"
    return {"plain": plain, "apa": apa, "mla": mla, "chicago": chicago,
            "bibtex": _bibtex(q, accessed, url), "ris": _ris(q, accessed, url),
            "csljson": json.dumps([csl_item(q, accessed, url)], ensure_ascii=False, indent=2)}


# -- whole selections, for export ----------------------------------------------------------

def bibtex_file(quotes: Iterable[Quote], url: Callable[[Quote], str] | None = None) -> str:
    return "".join(_bibtex(q, None, _url(url(q)) if url else None) + "\n\n" for q in quotes)


def ris_file(quotes: Iterable[Quote], url: Callable[[Quote], str] | None = None) -> str:
    return "".join(_ris(q, None, _url(url(q)) if url else None) + "\n\n" for q in quotes)


def csl_file(quotes: Iterable[Quote], url: Callable[[Quote], str] | None = None) -> str:
    return json.dumps([csl_item(q, None, url(q) if url else None) for q in quotes], ensure_ascii=False,
                      indent=2) + "\n"


__all__ = ["STYLES", "STYLE_NAMES", "citations", "speaker_label", "credentials", "para_number", "locator",
           "bibtex_key", "bibtex_escape", "note", "csl_item", "bibtex_file", "ris_file", "csl_file"]
