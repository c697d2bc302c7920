"""The pipeline as a library: paths → articles → quotes, one generator, no printing.

Callers (the CLI, `quotes serve` on first start, the tests) decide what to do with the
`IngestError`s it yields for files it had to skip.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .errors import IngestError
from .attribution import extract
from .ingest import escape_name, iter_files, read_file
from .model import Article, Quote


def quotes_of(article: Article) -> list[Quote]:
    """Extract and attribute every quote of one article (pure)."""
    quotes = extract(article.body, source=article.source, title=article.title)
    if article.publisher:
        quotes = [replace(q, publisher=article.publisher) for q in quotes]
    return quotes


def extract_files(files: Iterable[tuple[Path, str]], on_note: Callable[[str], None] | None = None,
                  ) -> Iterator[tuple[Path, Article, list[Quote]] | IngestError]:
    """For each (path, source name), as `ingest.iter_files` lists them: (path, article,
    quotes), or the IngestError that skipped the file.

    `on_note` hears about files read with a fallback (e.g. not UTF-8)."""
    for path, source in files:
        try:
            article, note = read_file(path, source)
        except IngestError as exc:
            yield exc
            continue
        if note and on_note:
            on_note(f"{escape_name(str(path))}: {note}")
        yield path, article, quotes_of(article)


def extract_paths(paths: Iterable[str | Path], on_note: Callable[[str], None] | None = None,
                  ) -> Iterator[tuple[Article, list[Quote]] | IngestError]:
    """For each article file under `paths`: (article, quotes), or the IngestError that skipped it."""
    for result in extract_files(iter_files(paths), on_note):
        yield result if isinstance(result, IngestError) else result[1:]
