"""The bench scripts read the corpus the way ingest does: a folder's other files are named and left out."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from bench import crossdoc_cost, scale, throughput
from newsgraph.model import Actor, Article, Claim, Event, Extraction, Mention, Place, Quantity, Quote, Sentence, Time


def test_throughput_reads_only_the_articles_of_the_bundled_corpus() -> None:
    articles = throughput.load(throughput.DEFAULT_CORPUS, None)
    assert len(articles) > 250 and all(isinstance(a, Article) for a in articles)  # (the folder's .md, .tsv: no)
    assert len(throughput.load(throughput.DEFAULT_CORPUS, 5)) == 5


def _hand_made(n_words: int = 80) -> Extraction:
    """An extraction made by hand (no NLP): one actor named twice and long enough to be a wire copy."""
    text = "Maria Lopez said the harbour was closed. " + " ".join(f"word{i}" for i in range(n_words)) + " said Lopez."
    mentions = [Mention(0, 11, "Maria Lopez", "name"), Mention(len(text) - 6, len(text) - 1, "Lopez", "surname")]
    article = Article("hand-1", text, dt.date(2024, 3, 1), "Harbour", "https://example.org/a", "bench")
    return Extraction(article, actors=[Actor("A1", "Maria Lopez", "person", mentions=mentions)])


def test_crossdoc_rewrites_keep_every_span_and_differ() -> None:
    ext, rng = _hand_made(), random.Random(3)
    for variant in ("suffix", "distinct"):
        texts = [crossdoc_cost.make_text(ext, k, variant, rng) for k in range(3)]
        assert len(set(texts)) == 3
        for text in texts:
            assert all(text[m.start:m.end] == m.text for m in ext.actors[0].mentions)
    assert crossdoc_cost.make_text(ext, 0, "suffix", rng).startswith(ext.article.text)
    assert "word1 " not in crossdoc_cost.make_text(ext, 0, "distinct", rng)  # (outside the spans: rewritten)


def test_crossdoc_fill_times_every_part_and_finds_the_suffix_copies() -> None:
    copies = {}
    for variant in ("suffix", "distinct"):
        rows, counts = crossdoc_cost.fill([_hand_made()], 30, variant)
        assert len(rows) == 30 and all(r["Store.write"] >= r["copies+outlet"] + r["registry"] > 0 for r in rows)
        assert counts["registry rows"] == 1
        copies[variant] = counts["copies"]
    assert copies == {"suffix": 29, "distinct": 0}  # every suffixed re-write contains the first; scrambled: none
    table = crossdoc_cost.table(rows, [10, 30], 10, [0.1, 0.2])
    assert table.count("\n") == 2 + len(crossdoc_cost.PARTS) + 1 and "cross / extract" in table


def _reported() -> Extraction:
    """A hand-made extraction with one item of every kind the store keeps (no NLP), long enough to be a copy."""
    said = "Maria Lopez said that 12 people died in Paris on Monday."
    text = said + " " + " ".join(f"word{i}" for i in range(70)) + "."
    at = {w: (text.index(w), text.index(w) + len(w)) for w in ("Maria Lopez", "12 people", "Paris", "Monday")}
    died = (text.index("12 people died"), text.index(" in Paris"))
    claim = (text.index("12 people"), len(said) - 1)
    article = Article("rep-1", text, dt.date(2024, 3, 5), "Report", "https://example.org/r", "bench")
    return Extraction(
        article, sentences=[Sentence(0, len(said), said), Sentence(len(said) + 1, len(text), text[len(said) + 1:])],
        times=[Time(*at["Monday"], "Monday", "DATE", "2024-03-04")],
        places=[Place(*at["Paris"], "Paris", "Paris", "FRA", 48.85, 2.35, 2988507, "city")],
        quantities=[Quantity(*at["12 people"], "12 people", 12.0, "=", "people", counted="people",
                             category="casualties", subcategory="killed", claim="C1", place=0)],
        actors=[Actor("A1", "Maria Lopez", "person", "PER:MARIA_LOPEZ", mentions=[Mention(*at["Maria Lopez"],
                                                                                         "Maria Lopez", "name")])],
        quotes=[Quote("Q1", *claim, text[claim[0]:claim[1]], "indirect", "A1", None, None, claim="C1")],
        claims=[Claim("C1", *claim, text[claim[0]:claim[1]], "asserted", speaker="A1", time="2024-03-04",
                      time_from="text")],
        events=[Event("E1", "ASSAULT", *died, text[died[0]:died[1]], "occurred", source=["PER:MARIA_LOPEZ"],
                      target=["FRA"], place=0, time="2024-03-04", time_from="text", claim="C1")])


def test_scale_rewrites_keep_every_span_shift_times_and_differ() -> None:
    base = _reported()
    synth = scale.Synth([base])
    made = [synth.make(k) for k in range(6)]  # (from k = 2, the third round, names are respelt)
    assert all(scale.span_errors(e) == 0 for e in made)
    assert len({e.article.text for e in made}) == 6 and len({e.article.id for e in made}) == 6
    assert made[0].article.text[:11] == "Maria Lopez" and made[2].actors[0].name != "Maria Lopez"
    assert made[2].events[0].source == [made[2].actors[0].code]  # (the events carry the respelt code)
    for e in made:  # every time moves with the publication date
        shift = (e.article.published - base.article.published).days
        assert e.times[0].value == (dt.date(2024, 3, 4) + dt.timedelta(days=shift)).isoformat() == e.events[0].time
    assert scale.shift_timex("2024-03", 31) == "2024-04" and scale.shift_timex("2024", 400) == "2025"
    assert scale.shift_timex("P3D", 40) == "P3D" and scale.shift_timex("2024-W01", 7) == "2024-W02"


def test_scale_grows_a_store_and_times_every_call(tmp_path: Path) -> None:
    from newsgraph.serve.app import QUERIES

    marks = scale.measure([_reported()], [20, 60], tmp_path / "s.db", batch=10, nlp_batch=0, calls=2,
                          log=lambda s: None, snapshots=tmp_path)
    assert [m.size for m in marks] == [20, 60] and (tmp_path / "scale-60.db").is_file()
    last = marks[-1]
    assert last.census["articles"] == 70 and last.census["copies %"] == 0  # (every re-write its own text)
    assert last.write_rate > 0 and last.bytes_per_article > 0
    expected = {f"GET /api/{q}" for q in QUERIES} | {"GET /api/summary", "GET /api/articles/ID", "GET /api/series/ID",
                                                     "summary", "article_record", "series_record"}
    assert expected | {f"query {q}" for q in QUERIES} <= set(last.calls)
    assert all(len(v) >= 2 for v in last.calls.values())
    table = scale.render(marks, "# header")
    assert "| GET /api/events |" in table and "| Store.write, articles/s | " in table
    again = scale.measure_store(tmp_path / "scale-60.db", 1, scale.Synth([_reported()]), batch=5)
    assert again.size == 70 and again.census["articles"] == 75 and again.write_rate > 0


def test_scale_store_keeps_its_counts_and_finds_every_cluster_candidate(tmp_path: Path) -> None:
    """What the scale fixes must keep: the registry's counts equal a recount, and the tiered cluster lookup finds
    exactly the clusters one query over every cluster of the type finds (store/clusters.candidates)."""
    from newsgraph.store import Store, clusters

    synth = scale.Synth([_reported()])
    with Store.open(tmp_path / "s.db") as store:
        for k in range(80):
            store.write(synth.make(k))
        c = store.conn
        c.execute("UPDATE event_clusters SET time_start = '1990-01-01' WHERE id % 7 = 0")  # (some long clusters)
        c.execute("UPDATE event_clusters SET time_start = NULL, time_end = NULL WHERE id % 11 = 0")  # (undated)
        recount = ("SELECT count(*) FROM actors r WHERE mention_count != (SELECT count(*) FROM mentions m JOIN "
                   "article_actors aa ON aa.article_id = m.article_id AND aa.local_id = m.local_id WHERE "
                   "aa.actor_id = r.id) OR article_count != (SELECT count(DISTINCT article_id) FROM article_actors "
                   "WHERE actor_id = r.id)")
        assert c.execute(recount).fetchone()[0] == 0 and store.count("actors") > 20
        for k in range(80, 120):
            ext = synth.make(k)
            e = ext.events[0]
            report = clusters.EventReport(e.type, e.status, frozenset(e.source), frozenset(e.target), e.time,
                                          e.time_from, ext.article.published, None, e.text)
            days = clusters.report_days(report)
            every = c.execute("SELECT id FROM event_clusters WHERE type = ? AND polarity = 'positive' AND "
                              "(time_start IS NULL OR (time_start <= ? AND time_end >= ?)) ORDER BY id DESC LIMIT ?",
                              (e.type, days[1].isoformat(), days[0].isoformat(), clusters.CANDIDATES)).fetchall()
            assert [r[0] for r in clusters.candidates(c, report, days)] == [r[0] for r in every] != []


def test_an_article_counts_once_for_an_actor_it_names_twice(tmp_path: Path) -> None:
    """"The spy agency" after the National Intelligence Service is filed under it: two of the article's actors
    are one registered actor, named in one article (article_count 1) by two mentions."""
    from newsgraph.store import Store

    text = "The National Intelligence Service said on Monday that it had seen troops. The spy agency said more."
    nis, spy = (text.index("National Intelligence Service"), text.index("spy agency"))
    article = Article("nis-1", text, dt.date(2024, 3, 5), None, None, "bench")
    first = text.index(" The spy")
    named = Actor("A1", "National Intelligence Service", "organization",
                  mentions=[Mention(nis, nis + 29, "National Intelligence Service", "name")])
    described = Actor("A2", "spy agency", "organization", mentions=[Mention(spy, spy + 10, "spy agency")])
    ext = Extraction(article, sentences=[Sentence(0, first, text[:first]), Sentence(first + 1, len(text),
                                                                                    text[first + 1:])],
                     actors=[named, described])
    with Store.open(tmp_path / "s.db") as store:
        store.write(ext)
        rows = store.conn.execute("SELECT name, article_count, mention_count FROM actors").fetchall()
        assert [tuple(r) for r in rows] == [("National Intelligence Service", 1, 2)]
