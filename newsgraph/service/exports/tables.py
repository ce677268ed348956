"""The exported tables' columns and their types, and their rows as typed Python values, in batches.

SQLite stores dates as ISO text; an analyst wants them as dates. A column's type comes from its declared SQLite
type (by SQLite's own affinity rules: INT -> integer, CHAR/CLOB/TEXT -> text, REAL/FLOA/DOUB -> float), then,
for text, from its name: the columns named in ``DATE_COLUMNS`` hold ISO days ("2024-10-28") and become dates;
those ending in ``_at`` hold ISO timestamps with their zone ("2024-10-28T09:15:00+00:00") and become UTC
timestamps. A value in such a column that does not read as one is an error naming the table, column and
value, never a silent null. The JSON ``data`` columns (and ``series_points.chain``) stay JSON text.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.service.exports.selection import Selection

KINDS = ("int", "float", "bool", "text", "date", "timestamp", "blob")
DATE_COLUMNS = frozenset({"published", "time_start", "time_end", "first_published", "last_published"})
BATCH = 5_000  # rows read and written at a time: a large store is never held in memory whole


class ExportError(StoreError):
    """A stored value that cannot be written with its column's type."""


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # one of KINDS
    declared: str  # the SQLite type as declared ("INTEGER", "TEXT")


@dataclass(frozen=True)
class Table:
    name: str
    columns: list[Column]


def kind_of(name: str, declared: str) -> str:
    """A column's export type, from its declared SQLite type and then its name (see the module docstring)."""
    d = declared.upper()
    if "INT" in d:
        return "int"
    if "BOOL" in d:
        return "bool"
    if any(word in d for word in ("CHAR", "CLOB", "TEXT")) or not d:
        if name in DATE_COLUMNS:
            return "date"
        return "timestamp" if name.endswith("_at") else "text"
    if "BLOB" in d:
        return "blob"
    return "float"  # REAL, FLOAT, DOUBLE, NUMERIC


def table_of(conn: sqlite3.Connection, name: str) -> Table:
    columns = [Column(row[1], kind_of(row[1], row[2] or ""), row[2] or "")
               for row in conn.execute(f"PRAGMA table_info({name})")]
    return Table(name, columns)


def exported_tables(conn: sqlite3.Connection, names: list[str]) -> list[Table]:
    """The tables of ``names`` that this store has (all of them, in a store at the current migration)."""
    have = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [table_of(conn, name) for name in names if name in have]


def batches(selection: Selection, table: Table) -> Iterator[list[tuple[Any, ...]]]:
    """The selected rows of a table, each value as its column's Python type (date, datetime ...)."""
    cursor = selection.rows(table.name, ", ".join(f't."{c.name}"' for c in table.columns))
    while rows := cursor.fetchmany(BATCH):
        yield [tuple(typed(table, c, v) for c, v in zip(table.columns, row, strict=True)) for row in rows]


def typed(table: Table, column: Column, value: Any) -> Any:
    """One stored value as its column's type; ExportError when it is not one."""
    if value is None:
        return None
    try:
        return _CONVERT[column.kind](value)
    except (ValueError, TypeError, OverflowError):
        raise ExportError(f"{table.name}.{column.name}: the stored value {str(value)[:60]!r} is not a "
                          f"{column.kind}; the store may be damaged (newsgraph export writes it as a {column.kind})"
                          ) from None


def _int(value: Any) -> int:
    if isinstance(value, bool | bytes | str) or (isinstance(value, float) and not value.is_integer()):
        raise ValueError(value)
    return int(value)


def _float(value: Any) -> float:
    if isinstance(value, bytes | str):
        raise ValueError(value)
    return float(value)


def _bool(value: Any) -> bool:
    if value in (0, 1):
        return bool(value)
    raise ValueError(value)


def _date(value: Any) -> dt.date:
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError(value)
    return dt.date.fromisoformat(value)


def _timestamp(value: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError(value)
    stamp = dt.datetime.fromisoformat(value)
    return (stamp.replace(tzinfo=dt.UTC) if stamp.tzinfo is None else stamp).astimezone(dt.UTC)


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _blob(value: Any) -> bytes:
    return value if isinstance(value, bytes) else str(value).encode("utf-8")


_CONVERT = {"int": _int, "float": _float, "bool": _bool, "date": _date, "timestamp": _timestamp, "text": _text,
            "blob": _blob}
