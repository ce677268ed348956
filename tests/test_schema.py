"""docs/schema.json is generated from newsgraph.model; this keeps the documented schema in step."""

from __future__ import annotations

import json

from newsgraph.model import SCHEMA_VERSION, Extraction
from newsgraph.schema import json_schema
from tests.conftest import ROOT


def test_documented_schema_matches_the_model() -> None:
    documented = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert documented == json_schema(), (
        "docs/schema.json is out of date: run `python -m newsgraph.schema > docs/schema.json`, "
        "bump SCHEMA_VERSION if a field changed meaning, and describe it in docs/schema.md")


def test_schema_doc_names_the_version() -> None:
    assert f"Schema version {SCHEMA_VERSION}" in (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")


def test_output_round_trips_and_has_every_declared_field(extract_text) -> None:  # type: ignore[no-untyped-def]
    ext = extract_text("NATO chief Mark Rutte said on Monday that 3,000 troops had moved to Kursk.")
    record = ext.to_json()
    schema = json_schema()
    assert set(schema["required"]) <= set(record)
    for part, spec in schema["properties"].items():
        if spec.get("type") != "array":
            continue
        fields = schema["$defs"][spec["items"]["$ref"].split("/")[-1]]["properties"]
        for item in record[part]:
            assert set(item) == set(fields), part
    again = Extraction.from_json(json.loads(json.dumps(record)), ext.article.text).to_json()
    assert again == record
