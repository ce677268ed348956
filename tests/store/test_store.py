"""The store on real SQLite files: migrations, one transaction per article, registry, queries, FTS."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from newsgraph.errors import NotAStore, StoreError
from newsgraph.model import Actor, Article, Event, Extraction, Mention, Place, Quote, Sentence
from newsgraph.store import Store
from newsgraph.store.migrations import MIGRATIONS
from newsgraph.store.timerange import timex_range

TEXT = "Russia sent troops to Kursk. “We will win,” Putin said."


def make_extraction(article_id: str = "a1", text: str = TEXT) -> Extraction:
    article = Article(article_id, text, dt.date(2024, 10, 28), "Title", None, "test")
    putin = Actor("A2", "Vladimir Putin", "person", affiliation="RUS", role="President",
                  mentions=[Mention(text.index("Putin"), text.index("Putin") + 5, "Putin")])
    russia = Actor("A1", "Russia", "state", code="RUS", country="RUS", mentions=[Mention(0, 6, "Russia")])
    kursk = text.index("Kursk")
    quote_start = text.index("“")
    return Extraction(
        article=article,
        sentences=[Sentence(0, 28, text[0:28]), Sentence(29, len(text), text[29:])],
        times=[],
        places=[Place(kursk, kursk + 5, "Kursk", "Kursk Oblast", "RUS", 51.7, 36.2, 538555, "admin1")],
        actors=[russia, putin],
        quotes=[Quote("Q1", quote_start, quote_start + 14, text[quote_start:quote_start + 14], "direct", "A2",
                      (text.index("Putin"), text.index("Putin") + 5), None)],
        events=[Event("E1", "MOBILIZE", 0, 27, text[0:27], "occurred", source=["RUS"], target=["RUS"],
                      time="2024-W43", time_from="text", place=0)],
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "t.db")
    yield s
    s.close()


def test_migrations_are_named_and_applied_once(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    Store.open(db).close()
    Store.open(db).close()
    names = [r[0] for r in sqlite3.connect(db).execute("SELECT name FROM _migrations")]
    assert names == [name for name, _ in MIGRATIONS]


def test_pragmas(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_write_is_idempotent_by_text(store: Store) -> None:
    assert store.write(make_extraction("a1")) is True
    assert store.write(make_extraction("other-id")) is False  # same text, another id: stored once
    assert store.count("articles") == 1
    assert store.count("mentions") == 2


def test_a_failing_write_leaves_nothing_behind(store: Store) -> None:
    ext = make_extraction()
    ext.events[0].text = None  # type: ignore[assignment]  # violates NOT NULL mid-transaction
    with pytest.raises(sqlite3.IntegrityError):
        store.write(ext)
    for table in ("articles", "sentences", "actors", "places", "quotes", "events"):
        assert store.count(table) == 0, table


def test_actor_registry_merges_across_articles(store: Store) -> None:
    store.write(make_extraction("a1"))
    store.write(make_extraction("a2", TEXT + " More."))
    actors = store.query("actors", limit=10)
    assert [(a["name"], a["articles"], a["mentions"]) for a in actors] == [
        ("Russia", 2, 2), ("Vladimir Putin", 2, 2)]


def test_a_place_standing_for_its_state_is_no_alias_of_it_but_a_seat_speaking_for_it_is(store: Store) -> None:
    # (issue 15's case: "arrived in Vladivostok" made Vladivostok an alias of Russia)
    text = TEXT + " Moscow said so."
    ext = make_extraction("a9", text)
    kursk, moscow = text.index("Kursk"), text.index("Moscow")
    ext.actors[0].mentions = [Mention(kursk, kursk + 5, "Kursk", "place"),
                              Mention(moscow, moscow + 6, "Moscow", "seat")]
    store.write(ext)
    russia = next(a for a in store.query("actors", limit=10) if a["name"] == "Russia")
    assert russia["aliases"].split("; ") == ["Moscow", "Russia"]


def test_show_returns_items_with_spans(store: Store) -> None:
    store.write(make_extraction())
    record = store.article_record("a1")
    text = record["text"]
    for table in ("places", "quotes", "events"):
        for item in record[table]:
            assert text[item["start"]:item["end"]] == item["text"]
    assert record["actors"][1]["mentions"] == [[TEXT.index("Putin"), TEXT.index("Putin") + 5]]


def test_show_unknown_id_names_the_fix(store: Store) -> None:
    store.write(make_extraction())
    with pytest.raises(StoreError, match=r"no article with id 'a' .*did you mean a1\?"):
        store.article_record("a")


def test_query_events_by_actor_type_and_dates(store: Store) -> None:
    store.write(make_extraction())
    assert len(store.query("events", actor="rus")) == 1
    assert store.query("events", actor="UKR") == []
    assert len(store.query("events", event_type="MOBILIZE")) == 1
    assert store.query("events", event_type="ASSAULT") == []
    assert len(store.query("events", since=dt.date(2024, 10, 27), until=dt.date(2024, 10, 27))) == 1
    assert store.query("events", since=dt.date(2024, 10, 28)) == []
    row = store.query("events")[0]
    assert row["sentence"] == TEXT[0:28]
    assert row["source"] == ["RUS"]


def test_query_quotes_by_speaker_and_places_by_name(store: Store) -> None:
    store.write(make_extraction())
    quotes = store.query("quotes", speaker="Putin")
    assert [q["speaker_name"] for q in quotes] == ["Vladimir Putin"]
    assert store.query("quotes", speaker="Biden") == []
    assert [p["name"] for p in store.query("places", name="Kursk")] == ["Kursk Oblast"]


def test_map_leaves_out_capitals_named_for_their_government(store: Store) -> None:
    text = "Moscow said troops reached Kursk, “a win”, Putin said."
    ext = make_extraction("m1", text)
    moscow = Place(0, 6, "Moscow", "Moscow", "RUS", 55.75, 37.62, 524901, "city", stands_for="RUS")
    kursk = Place(26, 31, "Kursk", "Kursk Oblast", "RUS", 51.7, 36.2, 538555, "admin1")
    store.write(dataclasses.replace(ext, places=[moscow, kursk], quotes=[], events=[],
                                    sentences=[Sentence(0, len(text), text)]))
    assert [p["name"] for p in store.query("map")] == ["Kursk Oblast"]
    assert [p["name"] for p in store.query("places")] == ["Moscow", "Kursk Oblast"]


def test_full_text_search_over_sentences(store: Store) -> None:
    store.write(make_extraction())
    hits = store.query("search", text="troops")
    assert [h["sentence"] for h in hits] == [TEXT[0:28]]
    with pytest.raises(StoreError, match="not valid FTS5 syntax"):
        store.query("search", text='"unbalanced')


def test_open_existing_refuses_a_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        Store.open_existing(tmp_path / "missing.db")


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    before = junk.read_bytes()
    with pytest.raises(NotAStore, match="is not a newsgraph store"):
        Store.open(junk)
    with pytest.raises(NotAStore, match=r"is not a newsgraph store \(not an SQLite database\)"):
        Store.open_existing(junk)
    assert junk.read_bytes() == before


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2024-10-28", "2024-10-28", "2024-10-28"),
    ("2024-W43", "2024-10-21", "2024-10-27"),
    ("2024-12", "2024-12-01", "2024-12-31"),
    ("2024-Q3", "2024-07-01", "2024-09-30"),
    ("2024-SU", "2024-06-01", "2024-08-31"),
    ("2000", "2000-01-01", "2000-12-31"),
    ("199", "1990-01-01", "1999-12-31"),
])
def test_timex_range(value: str, first: str, last: str) -> None:
    assert timex_range(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("value", [None, "", "PAST_REF", "P3W", "XXXX-10-28", "2023-W54"])
def test_timex_range_unknown(value: str | None) -> None:
    assert timex_range(value) is None


def test_parquet_export_has_every_row(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from newsgraph.service.exports import export_parquet

    store.write(make_extraction())
    written = export_parquet(store, tmp_path / "pq")
    assert written["articles"] == 1 and written["mentions"] == 2
    events = pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()
    assert [(e["type"], e["time_start"]) for e in events] == [("MOBILIZE", dt.date(2024, 10, 21))]
    assert pq.read_table(tmp_path / "pq" / "times.parquet").num_rows == 0


def clustered(store: Store) -> list[tuple[str, int, int]]:
    return [(c["type"], c["reports"], c["sources"]) for c in store.query("clusters", limit=20)]


def event_article(article_id: str, url: str, sentence: str, published: dt.date, time: str | None,
                  status: str = "occurred", etype: str = "MOBILIZE") -> Extraction:
    article = Article(article_id, sentence, published, None, url)
    return Extraction(article, sentences=[Sentence(0, len(sentence), sentence)], events=[
        Event("E1", etype, 0, len(sentence), sentence, status, source=["PRK"], target=["RUS"], time=time,
              time_from="text" if time else "published")])


def test_reports_of_one_event_merge_across_outlets(store: Store) -> None:
    day = dt.date(2024, 10, 28)
    store.write(event_article("a", "https://www.rferl.org/x", "North Korean troops moved to Kursk.", day, "2024-10-27"))
    store.write(event_article("b", "https://apnews.com/y", "North Korea sent troops to Kursk.", day, None))
    store.write(event_article("c", "https://apnews.com/z", "Troops from North Korea reached Kursk.", day, "2024-10"))
    assert clustered(store) == [("MOBILIZE", 3, 2)]


def test_clusters_keep_apart_what_differs(store: Store) -> None:
    day = dt.date(2024, 10, 28)
    store.write(event_article("a", "https://a.org/1", "Troops moved to Kursk.", day, "2024-10-27"))
    store.write(event_article("b", "https://b.org/1", "Troops had not moved to Kursk.", day, "2024-10-27", "negated"))
    store.write(event_article("c", "https://c.org/1", "Troops moved to Kursk again.", day, "2023-01-05"))
    store.write(event_article("d", "https://d.org/1", "Troops shelled Kursk.", day, "2024-10-27", etype="ASSAULT"))
    assert sorted(clustered(store)) == [("ASSAULT", 1, 1), ("MOBILIZE", 1, 1), ("MOBILIZE", 1, 1),
                                        ("MOBILIZE", 1, 1)]


def one_sided_event(article_id: str, sentence: str, day: dt.date, etype: str = "ASSAULT") -> Extraction:
    """A report that names only its target (nobody named as the one who did it)."""
    article = Article(article_id, sentence, day, None, f"https://{article_id}.org/1")
    return Extraction(article, sentences=[Sentence(0, len(sentence), sentence)], events=[
        Event("E1", etype, 0, len(sentence), sentence, "occurred", target=["SAU"], time=day.isoformat(),
              time_from="text")])


def test_one_sided_reports_merge_only_on_shared_words(store: Store) -> None:
    day = dt.date(2019, 9, 14)
    store.write(one_sided_event("a", "Drones struck the Abqaiq oil processing plant.", day))
    store.write(one_sided_event("b", "A drone attack hit the oil processing plant at Abqaiq.", day))
    store.write(one_sided_event("c", "Gunmen shot two border guards.", day))
    assert sorted(clustered(store)) == [("ASSAULT", 1, 1), ("ASSAULT", 2, 2)]


def test_statements_one_article_kept_apart_stay_apart(store: Store) -> None:
    day = dt.date(2019, 9, 14)
    text = "A drone attack hit the oil plant at Abqaiq. Another drone attack hit the oil plant at Khurais."
    cut = text.index("Another")
    store.write(Extraction(Article("a", text, day, None, "https://a.org/1"),
                           sentences=[Sentence(0, cut - 1, text[:cut - 1]), Sentence(cut, len(text), text[cut:])],
                           events=[Event("E1", "ASSAULT", 0, cut - 1, text[:cut - 1], "occurred", target=["SAU"]),
                                   Event("E2", "ASSAULT", cut, len(text), text[cut:], "occurred", target=["SAU"])]))
    assert sorted(clustered(store)) == [("ASSAULT", 1, 1), ("ASSAULT", 1, 1)]


def test_a_surname_joins_the_one_registered_person_with_that_name(store: Store) -> None:
    store.write(make_extraction("a1"))
    text = "Putin spoke."
    ext = Extraction(Article("a2", text, None), sentences=[Sentence(0, len(text), text)],
                     actors=[Actor("A1", "Putin", "person", mentions=[Mention(0, 5, "Putin")])])
    store.write(ext)
    people = [(a["name"], a["articles"]) for a in store.query("actors", name="Putin")]
    assert people == [("Vladimir Putin", 2)]


def test_summary_ranks_actors_by_breadth_and_skips_figures_called_false(store: Store, extract_text) -> None:
    from newsgraph import report

    texts = ["Ukraine said 30 soldiers were killed. The United States agreed.",
             "Biden repeated the misstatement that 120 million people had died. The United States agreed.",
             "Trump spoke with Trump, Trump and Trump on Monday at 1500 UTC."]
    for n, text in enumerate(texts):
        ext = extract_text(text)
        store.write(dataclasses.replace(ext, article=dataclasses.replace(ext.article, id=f"s{n}")))
    out = report.summary(store)
    actors = out.split("Top actors")[1].split("\n\n")[0]
    assert actors.index("United States") < actors.index("Trump")  # two articles beat four mentions in one
    assert "UTC" not in actors  # a time zone is no actor
    assert "120 million" not in out.split("Figures by what they count")[1]


def test_actor_registry_keeps_roles_over_time(store: Store, extract_text) -> None:
    texts = [("r1", "2022-05-01", "Prime Minister Boris Johnson visited Kyiv."),
             ("r2", "2023-02-01", "Former prime minister Boris Johnson visited Kyiv again."),
             ("r3", "2023-06-01", "Boris Johnson, a former prime minister, spoke.")]
    for article_id, published, text in texts:
        ext = extract_text(text, published)
        store.write(dataclasses.replace(ext, article=dataclasses.replace(ext.article, id=article_id)))
    johnson = next(a for a in store.query("actors", limit=10) if a["name"] == "Boris Johnson")
    assert johnson["articles"] == 3
    assert johnson["roles"] == "Prime Minister (2022-05-01); Former prime minister (2023-02-01 … 2023-06-01)"


def test_a_whole_number_past_64_bits_is_stored_as_real() -> None:
    from newsgraph.model import Article, Extraction, Quantity

    ext = Extraction(Article("big", "99999999999999999999 drones"),
                     quantities=[Quantity(0, 20, "99999999999999999999", 10**20, "=", "drones")])
    with Store.open(":memory:") as store:
        assert store.write(ext)
        assert store.conn.execute("SELECT value FROM quantities").fetchone()[0] == 1e20
