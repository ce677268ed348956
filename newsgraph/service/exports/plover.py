"""PLOVER JSON lines (``events.plover.jsonl``): one event a line, under the field names of POLECAT, the
PLOVER-coded event data set, so its users can load ours beside theirs (docs/formats.md; the JSON Schema is
docs/plover_export.schema.json).

What newsgraph knows fills its field; what it does not is null, never a default that looks like knowledge:
COW codes, sectors, Wikipedia ids, GeoNames feature codes, the language (the pipeline reads every text as
English and detects none), and "Intensity" and "Quad Code", which POLECAT assigns and newsgraph does not (no
type-to-quad table is shipped with the PLOVER lexicons here to derive them from). Where an event has more than
one source or target actor, the actor fields list them in order, separated by "; ". newsgraph's provenance
follows under ``newsgraph_`` names: the article, the character span and its text, the rule, the status, the
cluster, the event's own dates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.service.exports.files import json_line, text_file
from newsgraph.service.exports.records import ArticleContext, EventRecord, events
from newsgraph.service.exports.selection import Selection

POLECAT_FIELDS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)
NEWSGRAPH_FIELDS = (
    "newsgraph_article_id", "newsgraph_event_id", "newsgraph_start", "newsgraph_end", "newsgraph_text",
    "newsgraph_trigger", "newsgraph_rule", "newsgraph_status", "newsgraph_cluster_id", "newsgraph_time",
    "newsgraph_date_start", "newsgraph_date_end", "newsgraph_date_from", "newsgraph_source_codes",
    "newsgraph_target_codes", "newsgraph_place_level",
)


def _listed(values: list[Any]) -> str | None:
    """Distinct non-empty values in order, "; " between them; None for none."""
    kept = list(dict.fromkeys(str(v) for v in values if v not in (None, "")))
    return "; ".join(kept) or None


def _raw_name(actor: dict[str, Any], start: int, end: int) -> str | None:
    """The actor as written: its mention inside the event's evidence, else its first mention."""
    spans, texts = actor.get("mentions") or [], actor.get("mention_texts") or []
    inside = [t for (s, e), t in zip(spans, texts, strict=False) if start <= s and e <= end]
    return (inside or texts or [None])[0]


def _country(actor: dict[str, Any]) -> str | None:
    return actor.get("country") or (actor.get("code") if actor.get("kind") == "state" else None)


def actor_fields(record: EventRecord, role: str, prefix: str) -> dict[str, Any]:
    actors, e = record.actors(role), record.event
    return {
        f"{prefix} Name": _listed([a.get("name") for a in actors]),
        f"{prefix} Country": _listed([_country(a) for a in actors]),
        f"{prefix} COW": None,
        f"Primary {prefix} Sector": None,
        f"{prefix} Sectors": None,
        f"{prefix} Title": _listed([a.get("role") for a in actors]),
        f"{prefix} Name Raw": _listed([_raw_name(a, e["start"], e["end"]) for a in actors]),
        f"Wikipedia {prefix} ID": None,
    }


def place_fields(place: dict[str, Any] | None) -> dict[str, Any]:
    """The event's place; City, District and Province by the precision of its point (a city's province is
    the first-order division it lies in)."""
    p = place or {}
    level, name, admin1 = p.get("level"), p.get("name"), p.get("admin1")
    return {
        "Placename": name,
        "City": name if level == "city" else None,
        "District": name if level == "admin2" else None,
        "Province": name if level == "admin1" else (admin1 if level in ("city", "admin2", "site") else None),
        "Country": p.get("country"), "Latitude": p.get("lat"), "Longitude": p.get("lon"),
        "GeoNames ID": p.get("geonameid"), "Raw Placename": p.get("text"), "Feature Type": None,
    }


def story_fields(article: ArticleContext) -> dict[str, Any]:
    """The people, organizations and places the whole article names (not the descriptions: "officials")."""
    named = [a for a in article.actors.values()
             if not a.get("anonymous") and not (a.get("code") is None and str(a.get("name", "")).islower())]
    return {
        "Story People": _listed([a.get("name") for a in named if a.get("kind") == "person"]),
        "Story Organizations": _listed([a.get("name") for a in named if a.get("kind") in ("organization", "group")]),
        "Story Locations": _listed([p.get("name") for p in article.places.values() if not p.get("stands_for")]),
    }


def plover_record(record: EventRecord) -> dict[str, Any]:
    e, article = record.event, record.article
    first, last, date_from = record.days()
    out: dict[str, Any] = {
        "Event ID": record.event_id, "Event Date": first if first == last else None, "Event Type": e["type"],
        "Event Mode": e["mode"], "Intensity": None, "Quad Code": None, "Contexts": e.get("context"),
        **actor_fields(record, "source", "Actor"), **actor_fields(record, "target", "Recipient"),
        **place_fields(record.place),
        "Source": article.outlet, "Publication Date": article.published, **story_fields(article),
        "Language": None, "Version": f"newsgraph {article.schema_version}",
        "newsgraph_article_id": article.id, "newsgraph_event_id": e["local_id"], "newsgraph_start": e["start"],
        "newsgraph_end": e["end"], "newsgraph_text": e["text"], "newsgraph_trigger": e.get("trigger"),
        "newsgraph_rule": e.get("rule"), "newsgraph_status": e["status"], "newsgraph_cluster_id": e["cluster_id"],
        "newsgraph_time": e["time"], "newsgraph_date_start": first, "newsgraph_date_end": last,
        "newsgraph_date_from": date_from, "newsgraph_source_codes": e.get("source") or [],
        "newsgraph_target_codes": e.get("target") or [], "newsgraph_place_level": (record.place or {}).get("level"),
    }
    return {name: out[name] for name in (*POLECAT_FIELDS, *NEWSGRAPH_FIELDS)}


def write(selection: Selection, out: Path) -> int:
    count = 0
    with text_file(out / "events.plover.jsonl") as stream:
        for record in events(selection):
            stream.write(json_line(plover_record(record)))
            count += 1
    return count
