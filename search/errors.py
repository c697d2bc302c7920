"""Named errors of the library; the CLI and the web app translate them at the edges."""


class QuotesError(Exception):
    """Base class: anything the library refuses, with a message meant for a person."""


class IngestError(QuotesError):
    """A file could not be read as an article; it is skipped and the rest go on."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class QueryError(QuotesError):
    """The query or a parameter is malformed (HTTP 400)."""


class IndexUnavailable(QuotesError):
    """There is no usable index at the configured path (HTTP 503)."""


class DiskFull(QuotesError):
    """The index could not be written for want of space; nothing this write created is left behind."""


class NotFound(QuotesError):
    """No quote, article or speaker with that id (HTTP 404)."""
