"""What the places tests share: a place by its text, and whether it lies near a point."""

from __future__ import annotations

from newsgraph.model import Extraction, Place
from newsgraph.nlp.places import gazetteer


def place(ext: Extraction, text: str, n: int = 1) -> Place:
    found = [p for p in ext.places if p.text == text]
    assert len(found) >= n, f"{text!r} not among {[p.text for p in ext.places]}"
    return found[n - 1]


def near(p: Place, lat: float, lon: float, km: float = 60) -> bool:
    return p.lat is not None and p.lon is not None and gazetteer.distance_km(p.lat, p.lon, lat, lon) <= km
