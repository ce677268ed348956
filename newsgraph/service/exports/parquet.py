"""Parquet, the exchange format: one file per exported table, with typed columns (docs/formats.md).

Dates are Parquet dates (date32), timestamps UTC timestamps in seconds, integers int64, floats float64, booleans
bool, text UTF-8 strings; the JSON ``data`` columns stay JSON strings, so a reader gets each item exactly as
``extract`` wrote it. An empty table still has its typed schema.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.service.exports.files import atomic
from newsgraph.service.exports.selection import Selection
from newsgraph.service.exports.tables import Table, batches


def arrow_type(kind: str) -> Any:
    import pyarrow as pa  # imported here: only export needs it

    return {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "text": pa.string(),
            "date": pa.date32(), "timestamp": pa.timestamp("ms", tz="UTC"), "blob": pa.binary()}[kind]


def schema_of(table: Table) -> Any:
    import pyarrow as pa

    return pa.schema([pa.field(c.name, arrow_type(c.kind)) for c in table.columns])


def write_table(selection: Selection, table: Table, out: Path) -> int:
    """Write <out>/<table>.parquet; returns its row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema, count = schema_of(table), 0
    with atomic(out / f"{table.name}.parquet") as tmp, pq.ParquetWriter(tmp, schema) as writer:
        for rows in batches(selection, table):
            arrays = [pa.array([row[i] for row in rows], type=field.type) for i, field in enumerate(schema)]
            writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=schema))
            count += len(rows)
    return count
