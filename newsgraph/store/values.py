"""Values as SQLite can hold them."""

from __future__ import annotations


def sql_number(value: float | None) -> float | None:
    """SQLite's INTEGER holds 64 bits: a larger whole number (10**20) is stored as REAL, not refused."""
    return float(value) if isinstance(value, int) and not -(2**63) <= value < 2**63 else value
