"""A tiny hand-made corpus: two articles and the quotes an ideal extractor would find.

Offsets are computed from the text, so the records stay consistent if the prose is edited.
It covers a named speaker quoted in two articles (the same partial quote "open war"),
an organisation's spokesman, an anonymous source, an unattributed quote, and a quote
full of HTML/JS metacharacters to prove the pages escape it.
"""
from __future__ import annotations

from search.model import Article, Quote

OPEN_WAR = "Afghanistan-Pakistan drift into open war"
STRIKES = "Pakistan strikes Kabul as defence minister declares \u201copen war\u201d"
SCRIPT_TEXT = "Attackers tried <script>alert(1)</script> on our site, and the \"it's fine\" crowd was wrong & loud."


def _article(source, title, publisher, lines, skip=()):
    """Build an Article from lines; lines listed in `skip` are blanked as boilerplate."""
    text = "\n".join(lines)
    body, skipped, pos = text, [], 0
    for line in lines:
        if line in skip:
            body = body[:pos] + " " * len(line) + body[pos + len(line):]
            skipped.append((pos, pos + len(line), skip[line]))
        pos += len(line) + 1
    return Article(source=source, title=title, text=text, body=body, publisher=publisher,
                   skipped=tuple(skipped))


def _quote(article: Article, words: str, kind: str, *, after: str = "", **kw) -> Quote:
    """The quote `words` (first occurrence after `after`), with its paragraph as context."""
    start = article.body.index(words, article.body.index(after) if after else 0)
    end = start + len(words)
    para = next(i for i, (s, e) in enumerate(article.paragraphs) if s <= start < e)
    ps, pe = article.paragraphs[para]  # Quote.paragraph counts from 1, as the extractor does
    return Quote(text=words, kind=kind, start=start, end=end, source=article.source,
                 title=article.title, spans=((start, end),), context=article.text[ps:pe],
                 context_start=ps, paragraph=para + 1, publisher=article.publisher, **kw)


ASIF = dict(speaker="Khawaja Asif", speaker_id="khawaja-asif", speaker_type="person",
            role="Defence Minister", affiliation="Pakistan")
MUJAHID = dict(speaker="Zabihullah Mujahid", speaker_id="zabihullah-mujahid", speaker_type="person",
               role="Taliban government spokesman", affiliation="Taliban")


def articles() -> list[Article]:
    a = _article("pk/open-war.txt", OPEN_WAR, "Frontier Ledger", [
        OPEN_WAR,
        "A fragile ceasefire between Afghanistan and Pakistan appeared close to collapse on Friday.",
        "Minister of Defence Khawaja Asif declared that Pakistan was in \u201copen war\u201d with Afghanistan, "
        "stating that Islamabad\u2019s patience had run out.",
        "Taliban government spokesman Zabihullah Mujahid said the strikes were a \u201cresponse to repeated "
        "provocations and violations by Pakistani military circles.\u201d",
        "Mujahid said Afghan forces had captured 15 Pakistani outposts.",
        "One resident recounted, \u201cAround midnight the windows shook and the children would not stop crying.\u201d",
        "A banner at the Torkham crossing read \u201cNo war, no borders.\u201d",
        "Source: Example Wire",
    ], skip={OPEN_WAR: "repeated title", "Source: Example Wire": "source line"})
    b = _article("wire/strikes-kabul.txt", STRIKES, "Example Wire", [
        "Pakistan launched airstrikes on Kabul overnight, officials said.",
        "Pakistan\u2019s Defence Minister Khawaja Asif wrote on X: \u201cOur cup of patience has overflowed. "
        "Now it is open war between us and you.\u201d",
        "Earlier, Asif had warned that Pakistan was in \u201copen war\u201d with the Taliban.",
        "\u201cAn open war helps no one,\u201d said Farah Qureshi, a security analyst at the Islamabad Policy Forum.",
        "\u201c" + SCRIPT_TEXT + "\u201d said Nadia Rahman, who runs the Kabul Policy Institute website.",
    ])
    return [a, b]


def corpus() -> list[tuple[Article, list[Quote]]]:
    a, b = articles()
    qa = [
        _quote(a, "open war", "partial", cue="declared", speaker_mention="Khawaja Asif",
               confidence=0.91, **ASIF),
        _quote(a, "response to repeated provocations and violations by Pakistani military circles.",
               "partial", cue="said", speaker_mention="Zabihullah Mujahid", confidence=0.88, **MUJAHID),
        _quote(a, "Afghan forces had captured 15 Pakistani outposts", "indirect", cue="said",
               speaker_mention="Mujahid", confidence=0.74, **MUJAHID),
        _quote(a, "Around midnight the windows shook and the children would not stop crying.", "direct",
               cue="recounted", speaker="one resident", speaker_mention="One resident",
               speaker_type="anonymous", confidence=0.66),
        _quote(a, "No war, no borders.", "direct", confidence=0.4),
    ]
    qb = [
        _quote(b, "Our cup of patience has overflowed. Now it is open war between us and you.", "direct",
               cue="wrote", speaker_mention="Khawaja Asif", confidence=0.95, **ASIF),
        _quote(b, "open war", "partial", after="Earlier", cue="warned", speaker_mention="Asif",
               confidence=0.83, **ASIF),
        _quote(b, "An open war helps no one,", "direct", cue="said", speaker="Farah Qureshi",
               speaker_id="farah-qureshi", speaker_mention="Farah Qureshi", speaker_type="person",
               role="security analyst", affiliation="Islamabad Policy Forum", confidence=0.9),
        _quote(b, SCRIPT_TEXT, "direct", cue="said", speaker="Nadia Rahman", speaker_id="nadia-rahman",
               speaker_mention="Nadia Rahman", speaker_type="person", role="website editor",
               affiliation="Kabul Policy Institute", confidence=0.8),
    ]
    return [(a, qa), (b, qb)]


def quotes() -> list[Quote]:
    return [q for _, qs in corpus() for q in qs]


def find(text: str, source: str | None = None) -> Quote:
    """The fixture quote with exactly this text (and source, when the text repeats)."""
    return next(q for q in quotes() if q.text == text and (source is None or q.source == source))
