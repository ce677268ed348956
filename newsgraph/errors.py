"""Named errors. Library code raises these; only the CLI prints them, as one line each."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: the message is one sentence that tells the user what to do."""


class InputNotFound(NewsgraphError):
    pass


class StoreError(NewsgraphError):
    pass


class NotAStore(StoreError):
    """The file exists but is not a newsgraph store; it is left untouched."""


class ModelNotInstalled(NewsgraphError):
    pass


class IdConflict(StoreError):
    """An article id that the store already holds with another text."""
