"""``newsgraph export``: the store in the formats analysts load (docs/formats.md).

- ``parquet``: every exported table as ``<table>.parquet``, typed columns (parquet.py);
- ``csv``: the same tables and columns as ``<table>.csv``, RFC 4180 (csvfiles.py);
- ``geojson``: ``places.geojson`` and ``events.geojson``, RFC 7946 points (geojson.py);
- ``plover``: ``events.plover.jsonl``, one event a line under POLECAT's field names (plover.py);
- ``jsonl``: ``extract.jsonl``, each article as ``newsgraph extract`` outputs it (jsonl.py).

The filters (selection.py) narrow every format alike, over one snapshot of the store. Each file is written
whole under a hidden name, then renamed (files.py). This package prints nothing: the counts come back in the
``ExportReport``, and the CLI makes its one line of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.service.exports import csvfiles, geojson, jsonl, parquet, plover
from newsgraph.service.exports.files import folder
from newsgraph.service.exports.selection import TABLES, ExportFilters, selected
from newsgraph.service.exports.tables import ExportError, exported_tables
from newsgraph.store.sqlite import Store

FORMATS = ("parquet", "csv", "geojson", "plover", "jsonl")
DEFAULT_FORMATS = ("parquet",)

__all__ = ["DEFAULT_FORMATS", "FORMATS", "ExportError", "ExportFilters", "ExportReport", "UnknownFormat", "export",
           "export_parquet", "parse_formats"]


class UnknownFormat(NewsgraphError):
    pass


@dataclass
class ExportReport:
    formats: list[str]
    tables: dict[str, int] = field(default_factory=dict)  # table -> rows written (Parquet and CSV alike)
    files: dict[str, int] = field(default_factory=dict)  # file name -> rows, features or lines written
    left_out: dict[str, int] = field(default_factory=dict)  # GeoJSON file -> places or events with no point

    def empty(self) -> bool:
        """Nothing written but empty files (with their schemas)."""
        return not any(self.files.values())

    def line(self, out_dir: str | Path, filters: ExportFilters | None = None) -> str:
        """What was written, in one line: formats, folder, files, then the counts (tables with no row left out)."""
        selected_by = filters.describe() if filters and filters.given() else ""
        files = len(self.files)
        head = f"wrote {', '.join(self.formats)} to {out_dir} ({files} file{'s' if files != 1 else ''}"
        if self.empty() and selected_by:
            return f"nothing matches {selected_by}: {head}), each empty with its schema"
        counts = [f"{table} {n}" for table, n in self.tables.items() if n]
        what = {"places.geojson": "places", "events.geojson": "events", "events.plover.jsonl": "events",
                "extract.jsonl": "articles"}
        for file, noun in what.items():
            if file in self.files:
                left = self.left_out.get(file)
                n = self.files[file]
                counts.append(f"{file} {n} {noun if n != 1 else noun[:-1]}"
                              + (f" ({left} without a point left out)" if left else ""))
        return head + (f", {selected_by}" if selected_by else "") + "): " + (", ".join(counts) or "no rows")


def parse_formats(value: str) -> tuple[str, ...]:
    """"parquet,csv" -> ("parquet", "csv"); "all" -> every format. UnknownFormat names the bad one."""
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    if names == ["all"]:
        return FORMATS
    bad = [n for n in names if n not in FORMATS]
    if bad or not names:
        raise UnknownFormat(f"{(bad or [value])[0]!r} is not an export format; formats: {', '.join(FORMATS)} "
                            "(comma-separated), or all")
    return tuple(dict.fromkeys(names))


def export(store: Store, out_dir: str | Path, formats: tuple[str, ...] = DEFAULT_FORMATS,
           filters: ExportFilters | None = None) -> ExportReport:
    """Write the chosen formats of the rows the filters select to ``out_dir`` (created if needed)."""
    out, report = folder(out_dir), ExportReport(list(formats))
    with selected(store.conn, filters or ExportFilters()) as selection:
        tables = exported_tables(store.conn, list(TABLES))
        for name, writer in (("parquet", parquet.write_table), ("csv", csvfiles.write_table)):
            if name in formats:
                for table in tables:
                    report.tables[table.name] = writer(selection, table, out)
                    report.files[f"{table.name}.{name}"] = report.tables[table.name]
        if "geojson" in formats:
            for file, write in (("places.geojson", geojson.write_places), ("events.geojson", geojson.write_events)):
                written = write(selection, out)
                report.files[file], report.left_out[file] = written.features, written.left_out
        if "plover" in formats:
            report.files["events.plover.jsonl"] = plover.write(selection, out)
        if "jsonl" in formats:
            report.files["extract.jsonl"] = jsonl.write(selection, out)
    return report


def export_parquet(store: Store, out_dir: str | Path) -> dict[str, int]:
    """Every exported table, unfiltered, as <out_dir>/<table>.parquet; returns the row count of each."""
    return export(store, out_dir, ("parquet",)).tables
