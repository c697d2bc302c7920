"""Ready-to-paste citations for one quote, in a few house styles.

Hand-written on purpose: a quote is cited *as reported in* an article (the speaker is
not the article's author), which the usual libraries have no type for. Articles carry
no date, so the author-date styles say "n.d.". Every style names the speaker, the
words, the article and the exact place in the file, so a reader can check it.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from .model import Quote

STYLES = ("plain", "apa", "mla", "chicago", "bibtex")

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


def _bibtex(q: Quote, accessed: date | None) -> str:
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
    if accessed:
        fields.append(("urldate", accessed.isoformat()))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{bibtex_key(q)},\n{body}\n}}"


def citations(quote: Quote, accessed: date | None = None) -> dict[str, str]:
    """Style name -> citation text, in the order of `STYLES`. `accessed` adds a retrieval date.

    Reported speech (kind "indirect") is the writer's paraphrase, so it is never put
    in quotation marks and is labelled as a paraphrase.
    """
    q = quote
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
           f"\u201c{_end(quoted_title)}\u201d{pub} {q.source}, {loc}.")
    chicago = f"{_who(q)}, {verb} in \u201c{quoted_title},\u201d{pub_c} {q.source}, {loc}: {said_end}"
    if accessed:
        apa += f" Retrieved {long_date}."
        mla += f" Accessed {accessed.day} {_MLA_MONTHS[accessed.month - 1]} {accessed.year}."
        chicago += f" Accessed {long_date}."
        plain += f" Accessed {accessed.isoformat()}."
    return {"plain": plain, "apa": apa, "mla": mla, "chicago": chicago, "bibtex": _bibtex(q, accessed)}


__all__ = ["STYLES", "citations", "speaker_label", "credentials", "para_number", "locator", "bibtex_key", "bibtex_escape"]
