"""The tunables of the quantities stage: the factory's ``default_config`` gives each its default, so a
pipeline config can change them (``[components.newsgraph_quantities] ellipsis_window = 12``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # A bare number takes the noun of the previous count only this many words after it (same clause,
    # roughly): "3,000 troops have been sent, with 12,000 expected".
    ellipsis_window: int = 12
    # How many tokens after the number (after its "of" in a partitive) the counted noun may be.
    noun_window: int = 6
    partitive_window: int = 8
    # How far (in tokens) a ")" may close an aside inside the counted phrase: "hundreds of ISIS (Islamic
    # State) fighters".
    aside_window: int = 10
    # The oldest age a bare number said of a person is read as ("a man, 45,": no quantity).
    max_age: int = 120
