"""GeoJSON (RFC 7946): ``places.geojson``, one Feature per distinct resolved place, and ``events.geojson``, one
Feature per event that has a point (docs/formats.md).

Each file is a FeatureCollection; each Feature a Point, ``coordinates`` [longitude, latitude] in that order
(RFC 7946 §3.1.1), WGS 84 as GeoNames gives them. A place or event with no point (an unresolved name, an event
whose text names no place) is left out and counted. A place is one per GeoNames id (or, with none, per name,
country and point); a capital named for its government ("Moscow said") is no mention of the place there, as
on the web view's map.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from newsgraph.service.exports.files import text_file
from newsgraph.service.exports.records import EventRecord, events, merged_rows
from newsgraph.service.exports.selection import Selection


@dataclass
class Written:
    features: int = 0
    left_out: int = 0  # without a point


@dataclass
class PlaceFeature:
    point: tuple[float, float]  # (lon, lat)
    properties: dict[str, Any]
    articles: dict[str, None] = field(default_factory=dict)  # ids in order first named
    events: list[dict[str, Any]] = field(default_factory=list)


def point(lat: Any, lon: Any) -> tuple[float, float] | None:
    """(lon, lat) when both are numbers on the globe, else None."""
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in (lat, lon)):
        return None
    return (float(lon), float(lat)) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


def place_key(place: dict[str, Any]) -> str:
    if place.get("geonameid") is not None:
        return f"geonames:{place['geonameid']}"
    return json.dumps([place.get("name"), place.get("country"), place.get("lat"), place.get("lon")])


def feature(at: tuple[float, float], properties: dict[str, Any], feature_id: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "Feature"}
    if feature_id is not None:
        out["id"] = feature_id
    out["geometry"] = {"type": "Point", "coordinates": [at[0], at[1]]}
    out["properties"] = properties
    return out


class _Collection:
    """A FeatureCollection written one Feature at a time."""

    def __init__(self, stream: TextIO) -> None:
        self.stream, self.count = stream, 0
        stream.write('{"type": "FeatureCollection", "features": [')

    def add(self, item: dict[str, Any]) -> None:
        self.stream.write(("," if self.count else "") + "\n" + json.dumps(item, ensure_ascii=False, allow_nan=False))
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n]}\n")


def resolved_places(selection: Selection) -> tuple[dict[str, PlaceFeature], int]:
    """The selected places with a point, one per place, and how many distinct places have none."""
    places: dict[str, PlaceFeature] = {}
    unplaced: set[str] = set()
    cursor = selection.conn.execute(
        'SELECT t.article_id, t.idx, t.name, t.country, t.lat, t.lon, t.geonameid, t.level, t.data FROM places t '
        f"WHERE {selection.where('places')} ORDER BY t.rowid")
    for row in merged_rows(cursor):
        if row.get("stands_for"):
            continue
        at, key = point(row["lat"], row["lon"]), place_key(row)
        if at is None:
            unplaced.add(json.dumps([row["name"], row["country"]]))
            continue
        if key not in places:
            places[key] = PlaceFeature(at, {"name": row["name"], "geonameid": row["geonameid"],
                                            "country": row["country"], "level": row["level"],
                                            "admin1": row.get("admin1"), "mentions": 0})
        places[key].properties["mentions"] += 1
        places[key].articles[row["article_id"]] = None
    return places, len(unplaced)


def write_places(selection: Selection, out: Path) -> Written:
    places, unplaced = resolved_places(selection)
    for record in events(selection):  # each place's events: the selected events that happened there
        where = record.place
        found = places.get(place_key(where)) if where is not None else None
        if where is not None and found is not None and selection.has_place_row(record.article.id, where["idx"]):
            first, last, _ = record.days()
            found.events.append({"id": record.event_id, "type": record.event["type"], "mode": record.event["mode"],
                                 "date": first, "date_end": last})
    with text_file(out / "places.geojson") as stream:
        collection = _Collection(stream)
        for key, place in places.items():
            properties = {**place.properties, "articles": len(place.articles), "article_ids": list(place.articles),
                          "events": place.events}
            collection.add(feature(place.point, properties, key if key.startswith("geonames:") else None))
        collection.close()
    return Written(len(places), unplaced)


def event_properties(record: EventRecord, place: dict[str, Any]) -> dict[str, Any]:
    e, (first, last, date_from) = record.event, record.days()
    return {
        "id": record.event_id, "article_id": record.article.id, "event": e["local_id"], "type": e["type"],
        "mode": e["mode"], "status": e["status"], "date": first, "date_end": last, "date_from": date_from,
        "time": e["time"],
        "source": e.get("source") or [], "source_actors": [_actor(a) for a in record.actors("source")],
        "target": e.get("target") or [], "target_actors": [_actor(a) for a in record.actors("target")],
        "place": place["name"], "place_text": place["text"], "geonameid": place["geonameid"],
        "country": place["country"], "level": place["level"],
        "start": e["start"], "end": e["end"], "text": e["text"], "rule": e.get("rule"),
        "cluster_id": e["cluster_id"], "published": record.article.published, "outlet": record.article.outlet,
    }


def _actor(actor: dict[str, Any]) -> dict[str, Any]:
    return {"id": actor.get("id"), "name": actor.get("name"), "code": actor.get("code")}


def write_events(selection: Selection, out: Path) -> Written:
    written = Written()
    with text_file(out / "events.geojson") as stream:
        collection = _Collection(stream)
        for record in events(selection):
            place = record.place
            at = point(place["lat"], place["lon"]) if place is not None else None
            if place is None or at is None:
                written.left_out += 1
                continue
            collection.add(feature(at, event_properties(record, place), record.event_id))
        collection.close()
    written.features = collection.count
    return written
