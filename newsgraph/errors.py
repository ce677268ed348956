"""Named errors. Library code raises these; only the CLI prints them, as one line each."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: the message is one sentence that tells the user what to do."""


class RejectedRecord(NewsgraphError):
    """One input record cannot be used; the others go on."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class InputNotFound(NewsgraphError):
    pass


class StoreError(NewsgraphError):
    pass


class ModelNotInstalled(NewsgraphError):
    pass
