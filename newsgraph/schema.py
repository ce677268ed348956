"""The JSON Schema of `newsgraph extract` output, generated from the dataclasses in newsgraph.model.

docs/schema.json is this function's output, committed; a test keeps the two in step, so a change to
the model that is not reflected in the docs (and in SCHEMA_VERSION) fails CI. Regenerate with
``python -m newsgraph.schema > docs/schema.json``.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from newsgraph import model

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
}


def _type_schema(tp: Any) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(a) for a in typing.get_args(tp)]}
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": _type_schema(item)}
    if origin is tuple:  # span pairs are written as [start, end]
        return {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no JSON schema for {tp!r}")


def _dataclass_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(model))
    props = {f.name: _type_schema(hints[f.name]) for f in dataclasses.fields(cls)}
    if cls is model.Actor:  # written as [[start, end], ...] per the contract, texts alongside
        props["mentions"] = {"type": "array", "items": _type_schema(tuple[int, int])}
        props["mention_texts"] = {"type": "array", "items": {"type": "string"}}
    return {"type": "object", "properties": props, "required": list(props)}


def json_schema() -> dict[str, Any]:
    defs = {cls.__name__: _dataclass_schema(cls) for cls in (*model.ITEM_TYPES.values(), model.SourceLink)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "newsgraph extract output",
        "description": "One JSON object per article; offsets are Python str indices into the input text.",
        "version": model.SCHEMA_VERSION,
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "schema_version": {"const": model.SCHEMA_VERSION},
            "title": {"type": ["string", "null"]},
            "url": {"type": ["string", "null"]},
            "published": {"type": ["string", "null"], "format": "date"},
            **{name: {"type": "array", "items": {"$ref": f"#/$defs/{cls.__name__}"}}
               for name, cls in model.ITEM_TYPES.items()},
        },
        "required": ["id", "schema_version", *model.ITEM_TYPES],
        "$defs": defs,
    }


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=1))
