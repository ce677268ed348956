"""The gazetteer: its index (skeletons, airports, division points, country centres), its cache, and the
cache key that must cover everything the build reads."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from newsgraph.nlp.places import gazetteer


def test_transliteration_variants_share_a_skeleton():
    assert gazetteer.skeleton("Dayr Az Zayr") == gazetteer.skeleton("Deir ez-Zor")
    assert gazetteer.skeleton("Ayn Isa") == gazetteer.skeleton("Ain Issa")
    assert gazetteer.skeleton("Karabilah") != gazetteer.skeleton("Karbala")
    assert gazetteer.skeleton("Kyiv") == ""  # too short to tell apart


def test_airport_core_name_is_not_taken_from_generic_words():
    gaz = gazetteer.load()
    assert not [e for e in gaz.lookup("State") if e.level == "site"]
    assert [e.country for e in gaz.lookup("Gatwick") if e.level == "site"] == ["GBR"]


def test_division_placed_at_its_largest_city_is_moved_to_its_middle():
    """A source gives New York State the point of New York City; the index places the state at the
    mean point of its towns, in the middle of the state, not on the coast."""
    state = next(e for e in gazetteer.load().lookup("New York") if e.level == "admin1")
    assert state.lat is not None and state.lon is not None
    assert gazetteer.distance_km(state.lat, state.lon, 40.71, -74.0) > 150


def test_country_point_is_the_published_centre_where_there_is_one():
    """The United States at the geographic centre of the contiguous states (near Lebanon, Kansas),
    not a rounded atlas point; still level "country", a point standing for the whole country."""
    us = gazetteer.load().country("USA")
    assert us is not None and us.lat is not None and us.lon is not None and us.level == "country"
    assert gazetteer.distance_km(us.lat, us.lon, 39.83, -98.58) < 5


def test_gazetteer_lookup_and_load_figures():
    gaz = gazetteer.load()
    kursk = [e for e in gaz.lookup("Kursk") if e.level == "admin1"]
    assert kursk and kursk[0].country == "RUS"
    assert gaz.country("UKR") is not None and gaz.country("UKR").lat is not None
    stats = gazetteer.load_stats()
    assert stats["entries"] > 50_000 and stats["names"] > 100_000
    # a fresh process reads the cached index (how fast is measured by bench/throughput.py, not asserted here)
    rows, index, *_ = gazetteer.read_cache(gazetteer.cache_path())
    assert len(rows) == stats["entries"] and len(index) == stats["names"]

BUILD_DIR = Path(gazetteer.__file__).parent


def _build_sources() -> dict[str, str]:
    return {m: (BUILD_DIR / m).read_text(encoding="utf-8") for m in gazetteer.BUILD_MODULES}


def test_the_gazetteer_cache_key_covers_every_lexicon_it_reads() -> None:
    """A lexicon read by the build but missing from the cache key would leave a stale index in use."""
    read = {name for source in _build_sources().values()
            for name in re.findall(r'lexicon\.(?:rows|entries|data)\("([^"]+)"', source)}
    assert read and read <= set(gazetteer.GAZETTEER_LEXICONS)
    assert re.fullmatch(r"[0-9a-f]{12}", gazetteer.build_key())
    assert gazetteer.build_key() in gazetteer.cache_path().name


def test_the_gazetteer_cache_key_covers_every_module_the_build_runs() -> None:
    """The key hashes the build's modules (BUILD_MODULES): every module of the package but the loader,
    and the build imports no other module of newsgraph but the lexicon reader (whose change cannot
    change the index without a change to a hashed file)."""
    modules = {p.name for p in BUILD_DIR.glob("*.py")} - {"__init__.py"}
    assert modules == set(gazetteer.BUILD_MODULES)
    package = "newsgraph.nlp.places.gazetteer"
    for name, source in _build_sources().items():
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsgraph"):
                inside = node.module.startswith(package + ".") and f"{node.module.rsplit('.', 1)[1]}.py" in modules
                reader = node.module == "newsgraph.nlp" and [a.name for a in node.names] == ["lexicon"]
                assert inside or reader, f"{name} imports {node.module}"
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("newsgraph") for a in node.names), name


def test_the_key_changes_with_a_build_module(monkeypatch, tmp_path) -> None:
    """A change to any build module makes another key (and so another index)."""
    before = gazetteer.build_key()
    copy = tmp_path / "gazetteer"
    copy.mkdir()
    for m in gazetteer.BUILD_MODULES:
        text = (BUILD_DIR / m).read_text(encoding="utf-8")
        (copy / m).write_text(text + ("\n# changed\n" if m == "airports.py" else ""), encoding="utf-8")
    monkeypatch.setattr(gazetteer, "__file__", str(copy / "__init__.py"))
    gazetteer.build_key.cache_clear()
    try:
        assert gazetteer.build_key() != before
    finally:
        monkeypatch.undo()
        gazetteer.build_key.cache_clear()
    assert gazetteer.build_key() == before


def test_respellings_are_listed_in_row_order() -> None:
    """The build is reproducible: the readings of a respelt name come in the order of the index's rows,
    not in the order Python happens to hash the names in (which changes from one process to the next)."""
    variants = gazetteer.read_cache(gazetteer.cache_path())[3]
    assert all(rows == sorted(rows) for rows in variants.values())
