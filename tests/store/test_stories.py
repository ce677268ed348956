"""Stories: reports of many outlets on one matter are one story, found through the places and actors they
name most; a figure whose report leaves its place unsaid is followed in its story, not alone in its report."""

from __future__ import annotations

import datetime as dt
import zlib
from pathlib import Path

import pytest

from newsgraph.model import Actor, Article, Extraction, Mention, Place
from newsgraph.store.sqlite import Store
from newsgraph.store.stories import MIN_SHARED, SALIENT, story_terms

# (fictional reports on two matters, a flood on the Rhine and a trade dispute; written for this test)
FLOOD = [
    ("flood1", "2023-03-02", "The Red Cross said 120 people had been evacuated after the Rhine burst its banks. "
     "Rescuers in Kehl and Strasbourg searched the river banks."),
    ("flood2", "2023-03-04", "Rescuers in Strasbourg and Kehl were still searching on Saturday. The Red Cross "
     "said 300 people had been evacuated. Twelve people were missing."),
]
TRADE = ("trade", "2023-03-05", "Officials in Ottawa and Washington said 300 people had been evacuated from the "
         "building, which the Red Cross did not enter.")
LATER = ("flood_later", "2023-11-20", "Rescuers in Kehl and Strasbourg went back on Monday. The Red Cross said "
         "40 people had been evacuated again.")


def place(name: str, geonameid: int, country: str, level: str = "city") -> Place:
    return Place(0, len(name), name, name, country, 1.0, 1.0, geonameid, level)  # type: ignore[arg-type]


def test_an_article_s_terms_are_the_places_and_named_actors_it_names_most() -> None:
    ext = Extraction(Article("a", "x"))
    ext.places = [place("Tessaly", 1, "XXA"), place("Tessaly", 1, "XXA"), place("Xland", 2, "XXA", "country"),
                  place("Marrow", 3, "XXB")]
    ext.actors = [Actor("A1", "Red Cross", "organization", code="ORG:RED_CROSS", mentions=[Mention(0, 1, "x")] * 2),
                  Actor("A2", "officials", "person", mentions=[Mention(0, 1, "x")] * 5),
                  Actor("A3", "Xland", "state", code="XXA")]
    terms = story_terms(ext)
    # the country named as a place, as the state and as the country of its towns is one term, named most
    assert terms[0] == "c:XXA" and set(terms) == {"c:XXA", "p:1", "a:ORG:RED_CROSS", "p:3", "c:XXB"}
    assert "a:officials" not in terms  # nobody in particular
    assert len(story_terms(Extraction(Article("b", "y"), places=[place(f"P{i}", i, "XXA") for i in
                                                                     range(2 * SALIENT)]))) == SALIENT


def write(store: Store, extract_text, article_id: str, published: str, text: str) -> None:
    ext = extract_text(text, published)
    ext.article = Article(article_id, text, dt.date.fromisoformat(published))
    store.write(ext)


@pytest.fixture(scope="module")
def store(extract_text, tmp_path_factory: pytest.TempPathFactory) -> Store:
    path: Path = tmp_path_factory.mktemp("stories") / "s.db"
    with Store.open(path) as s:
        for report in (*FLOOD, TRADE, LATER):  # (the last eight months on)
            write(s, extract_text, *report)
    return Store.open_existing(path)


def story_of(store: Store, article_id: str) -> int:
    return int(next(store.rows("SELECT story_id FROM articles WHERE id = ?", (article_id,)))["story_id"])


def test_reports_naming_the_same_towns_and_bodies_are_one_story(store: Store) -> None:
    assert story_of(store, "flood1") == story_of(store, "flood2")
    assert MIN_SHARED >= 2  # one shared name is never enough


def test_a_report_sharing_one_body_or_only_countries_is_another_story(store: Store) -> None:
    assert story_of(store, "trade") != story_of(store, "flood1")


def test_the_same_words_months_later_are_another_story(store: Store) -> None:
    assert story_of(store, "flood_later") != story_of(store, "flood1")
    story = next(store.rows("SELECT * FROM stories WHERE id = ?", (story_of(store, "flood1"),)))
    assert (story["articles"], story["first_published"], story["last_published"]) == (2, "2023-03-02",
                                                                                       "2023-03-04")


def test_a_figure_whose_report_leaves_its_place_unsaid_is_followed_in_its_story(store: Store) -> None:
    rows = {(r["article_id"], r["value"]): r["key"] for r in store.rows(
        "SELECT p.article_id, p.value, s.key FROM series_points p JOIN series s ON s.id = p.series_id")}
    assert rows[("flood1", 120)] == rows[("flood2", 300)]  # "120 evacuated" -> "300 evacuated": one series
    assert rows[("trade", 300)] != rows[("flood1", 120)]  # another story's count is not its next point
    assert rows[("flood_later", 40)] != rows[("flood1", 120)]
    # a toll is of one event, which the story's other reports need not share: it stays in its report
    assert rows[("flood2", 12)].startswith("missing") and rows[("flood2", 12)].endswith("@flood2")


def _named(article_id: str, published: str, *names: str) -> Extraction:
    """An article that names these places (a name "XX" of two capitals is a country, any other a town of QA)."""
    places = [place(n, 0, n, "country") if len(n) == 2 and n.isupper() else place(n, zlib.crc32(n.encode()), "QA")
              for n in names]
    text = f"{article_id}: {' '.join(names)}"
    return Extraction(Article(article_id, text, dt.date.fromisoformat(published)), places=places)


def stories(tmp_path: Path, *extractions: Extraction) -> list[int]:
    with Store.open(tmp_path / "s.db") as s:
        for ext in extractions:
            s.write(ext)
        return [int(r["story_id"]) for r in s.rows("SELECT story_id FROM articles ORDER BY rowid")]


def test_an_article_is_matched_with_single_articles_not_with_a_story_s_union(tmp_path: Path) -> None:
    # (C shares one town with A and another with B: with the union of the story's terms it would join)
    a, b = _named("a", "2023-03-01", "Alby", "Brem", "Cosk"), _named("b", "2023-03-02", "Alby", "Brem", "Dunn")
    c = _named("c", "2023-03-03", "Cosk", "Dunn", "Erwy")
    first, second, third = stories(tmp_path, a, b, c)
    assert first == second != third


def test_a_country_shared_weighs_half_a_town(tmp_path: Path) -> None:
    a = _named("a", "2023-03-01", "Alby", "QA", "QB")
    b = _named("b", "2023-03-02", "Alby", "QA", "QB")  # a town and two countries: one story
    c = _named("c", "2023-03-03", "Alby", "QA", "Zell")  # a town and one country: not enough
    first, second, third = stories(tmp_path, a, b, c)
    assert first == second != third


def test_a_term_in_every_article_says_nothing(tmp_path: Path) -> None:
    from newsgraph.store.stories import PER_TERM
    many = [_named(f"x{i}", "2023-03-01", "Alby", f"Town{i}", f"Other{i}") for i in range(PER_TERM)]
    # "pair" shares Alby and Town3 with x3, but Alby is in PER_TERM articles by then: common, it counts nothing
    found = stories(tmp_path, *many, _named("pair", "2023-03-02", "Alby", "Town3"))
    assert len(set(found[:PER_TERM])) == PER_TERM and found[-1] not in found[:PER_TERM]
