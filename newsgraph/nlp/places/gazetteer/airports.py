"""Airports and air bases for the gazetteer (level "site", precise points), from ``airportsdata`` (package
MIT; data from OurAirports, public domain): those with an IATA code or named as military fields, by their
full name ("London Heathrow Airport"), without the city ("Heathrow Airport") and, for a one-word core that
is no sizeable town's name, by the core alone ("Heathrow", "Incirlik")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.nlp import lexicon
from newsgraph.nlp.places.gazetteer.shared import Builder, normalize

if TYPE_CHECKING:
    from airportsdata import Airport

_WORDS = lexicon.rows("lexicons/places/airport_words.tsv", columns=2)
# The kind words that end an airport's name, longest first where one ends another ("Air Force Base").
AIRPORT_KINDS = tuple(words for words, kind in _WORDS if kind == "kind")
# Words that make up airport names without naming one ("Chiloquin State Airport", "Columbus Municipal").
AIRPORT_GENERIC = frozenset(words for words, kind in _WORDS if kind == "generic")
MILITARY_WORDS = tuple(words for words, kind in _WORDS if kind == "military")
# An airport is known by its core name alone ("Heathrow") only if no town this big shares it.
SITE_CORE_MAX_TOWN = 10_000


def add_airports(b: Builder, iso2_to_3: dict[str, str]) -> None:
    """Airports and air bases as sites; skipped when ``airportsdata`` is not installed."""
    try:
        import airportsdata
    except ImportError:
        return
    for a in airportsdata.load("ICAO").values():
        name, iso3 = a["name"], iso2_to_3.get(a["country"])
        if iso3 is None or not (a["iata"] or _military(name)):
            continue
        b.add((None, name, iso3, round(float(a["lat"]), 5), round(float(a["lon"]), 5), 0, "site", a["subd"] or None,
               False), _names(b, a))


def _military(name: str) -> bool:
    return any(w in name for w in MILITARY_WORDS)


def _names(b: Builder, a: Airport) -> set[str]:
    """The airport's full name, the name without its city ("Heathrow Airport"), and its core alone where
    that is safe."""
    name = a["name"]
    names = {name}
    city = a["city"] or ""
    if city and name.startswith(city + " ") and len(name) > len(city) + 1:
        names.add(name[len(city) + 1:])  # "Heathrow Airport"
    core, stripped_city = _core(name, city)
    # the core alone only where the name is "<City> <Core> Airport" or a military field, so that
    # "Chiloquin State Airport" gives no "State"
    if core != name and " " not in core and core.lower() not in AIRPORT_GENERIC \
            and (stripped_city or _military(name)) and len(core) >= 4 and not _named_town(b, core):
        names.add(core)  # "Heathrow", "Incirlik": no sizeable town or division is called so
    return names


def _core(name: str, city: str) -> tuple[str, bool]:
    """The name without its kind words and its city ("London Heathrow Airport" -> "Heathrow"), and
    whether the city was stripped."""
    core = name
    for kind in AIRPORT_KINDS:
        if core.endswith(" " + kind):
            core = core[: -len(kind) - 1]
            break
    stripped_city = bool(city) and core.startswith(city + " ")
    if stripped_city:
        core = core[len(city) + 1:]
    return core, stripped_city


def _named_town(b: Builder, core: str) -> bool:
    """Whether a division or a town of some size already has this name."""
    return any(b.rows[i][6] != "city" or b.rows[i][5] >= SITE_CORE_MAX_TOWN for i in b.index.get(normalize(core), []))
