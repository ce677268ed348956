"""Parquet, the exchange format: every store table as one Parquet file, columns typed from SQLite.

The JSON ``data`` columns stay JSON strings, so a reader gets each item exactly as ``extract`` wrote it.
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.errors import StoreError
from newsgraph.store.sqlite import Store

EXPORTED = ("articles", "sentences", "actors", "actor_aliases", "article_actors", "mentions", "times", "places",
            "quantities", "claims", "quotes", "events", "event_actors")


def export_parquet(store: Store, out_dir: str | Path) -> dict[str, int]:
    """Write <out_dir>/<table>.parquet for every table; returns the row count of each."""
    import pyarrow as pa  # imported here: only export needs it
    import pyarrow.parquet as pq

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"{out}: cannot create the export folder ({e.strerror})") from e
    written: dict[str, int] = {}
    for table in EXPORTED:
        cursor = store.conn.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        columns = {name: [row[i] for row in rows] for i, name in enumerate(names)}
        arrow = pa.table(columns) if rows else pa.table({name: pa.array([], pa.null()) for name in names})
        tmp = out / f".{table}.parquet.partial"
        pq.write_table(arrow, tmp)
        tmp.replace(out / f"{table}.parquet")  # a reader never sees half a file
        written[table] = len(rows)
    return written
