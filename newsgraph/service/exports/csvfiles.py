"""CSV: one file per exported table, the same tables and columns as Parquet (docs/formats.md).

UTF-8 without a byte-order mark, a header line, RFC 4180: fields separated by commas, records ended by CRLF,
a field holding a comma, a quote or a line break enclosed in double quotes, a quote inside doubled. Null is
an empty field; dates and timestamps are ISO 8601 ("2024-10-28", "2024-10-28T09:15:00+00:00"); a float is
written in full (Python's shortest round-tripping form), a boolean as true/false.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from newsgraph.service.exports.files import text_file
from newsgraph.service.exports.selection import Selection
from newsgraph.service.exports.tables import Table, batches


def cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def write_table(selection: Selection, table: Table, out: Path) -> int:
    """Write <out>/<table>.csv; returns its row count."""
    count = 0
    with text_file(out / f"{table.name}.csv", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow([c.name for c in table.columns])
        for rows in batches(selection, table):
            writer.writerows([cell(v) for v in row] for row in rows)
            count += len(rows)
    return count
