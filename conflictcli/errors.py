"""The one exception type a user sees: its message is the whole one-line explanation."""


class SourceError(Exception):
    """A source could not be read, fetched, decoded or analyzed; str(error) says why in one line."""
