"""``extract.jsonl``: each selected article as ``newsgraph extract`` outputs it (the evaluation contract,
docs/schema.md), rebuilt from the store, one JSON object a line, in the order the articles were stored.

The store keeps every item as extract wrote it (the ``data`` column of each item table, and of
``article_actors``), in its list's order (``idx``; actors in the order they were written), and the sentences'
spans and texts; the record's head is the article's row. So the line is extract's line, byte for byte, with
two differences that follow from the store keeping one article per text: ``schema_version`` is the version the
article was extracted with when stored (an older store: an older version), and a text given twice, under two
ids, is one article under the first id (the second is an alias: ``article_aliases``).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from newsgraph.model import ITEM_LISTS
from newsgraph.service.exports.files import json_line, text_file
from newsgraph.service.exports.selection import Selection

# The table of each list of extract's output, and the order of its items there.
_SOURCES = {name: (name, "idx") for name in ITEM_LISTS if name not in ("sentences", "actors")}
_SOURCES["actors"] = ("article_actors", "rowid")


def extract_record(conn: sqlite3.Connection, article: tuple[Any, ...]) -> dict[str, Any]:
    """One stored article as extract's JSON record (``Extraction.to_json``)."""
    article_id, version, title, url, published = article
    out: dict[str, Any] = {"id": article_id, "schema_version": version, "title": title, "url": url,
                           "published": published}
    for name in ITEM_LISTS:
        if name == "sentences":
            out[name] = [{"start": s, "end": e, "text": t} for s, e, t in conn.execute(
                'SELECT start, "end", text FROM sentences WHERE article_id = ? ORDER BY idx', (article_id,))]
            continue
        table, order = _SOURCES[name]
        out[name] = [json.loads(data) for (data,) in conn.execute(
            f"SELECT data FROM {table} WHERE article_id = ? ORDER BY {order}", (article_id,))]
    return out


def write(selection: Selection, out: Path) -> int:
    count, c = 0, selection.conn
    rows = c.execute("SELECT t.id, t.schema_version, t.title, t.url, t.published FROM articles t "
                     f"WHERE {selection.where('articles')} ORDER BY t.rowid")
    with text_file(out / "extract.jsonl") as stream:
        while batch := rows.fetchmany(500):
            for article in batch:
                stream.write(json_line(extract_record(c, tuple(article))))
                count += 1
    return count
