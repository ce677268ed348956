"""Named errors. Library code raises these; only the CLI prints them, as one line each."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: the message is one sentence that tells the user what to do."""


class InputNotFound(NewsgraphError):
    pass


class StoreError(NewsgraphError):
    pass


class ModelNotInstalled(NewsgraphError):
    pass
