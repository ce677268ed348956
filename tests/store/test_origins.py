"""Outlets, claim origins, corroboration and cluster origin counts, through the real pipeline and store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.model import Actor, Article, Claim, Event, Extraction, Mention, SourceLink
from newsgraph.nlp.pipeline import extract_one
from newsgraph.store import Store
from newsgraph.store.corroboration import corroboration, independent_origins
from newsgraph.store.origins import Origin, claim_origin, dateline_outlet, normalised_name, outlet_name, outlet_of
from tests.store.test_copies import COPY_1, COPY_2, WIRE

# Another outlet on the same figure, from another agency, with a figure of its own reporting.
OTHER = ("KYIV (Reuters) - About 1,500 North Korean soldiers have arrived in Russia's far east for training, "
         "Ukraine's military intelligence agency said on Saturday, citing its own sources near the border. "
         "Dozens of homes were damaged by shelling in the Kharkiv region overnight, and power was cut to "
         "thousands of people.")
URLS = {"wire": "https://apnews.com/article/1", "copy1": "https://www.example-times.com/world/2",
        "copy2": "https://example-post.org/4", "other": "https://www.reuters.com/world/5"}
TEXTS = {"wire": WIRE, "copy1": COPY_1, "copy2": COPY_2, "other": OTHER}
REPORT = Origin("example.com", "report:a1")


@pytest.fixture(scope="module")
def extractions(nlp: Language) -> dict[str, Extraction]:
    return {key: extract_one(Article(key, text, dt.date(2024, 10, 18), None, URLS[key], "test"), nlp)
            for key, text in TEXTS.items()}


@pytest.fixture()
def store(tmp_path: Path, extractions: dict[str, Extraction]) -> Store:
    store = Store.open(tmp_path / "s.db")
    for key in ("wire", "copy1", "copy2", "other"):
        assert store.write(extractions[key])
    return store


def figures(store: Store, words: str) -> list[tuple[str, int]]:
    return [(r[0], r[1]) for r in store.conn.execute(
        "SELECT article_id, idx FROM quantities WHERE lower(text) = ? ORDER BY article_id", (words,))]


@pytest.mark.parametrize(("url", "text", "expected"), [
    ("https://www.apnews.com/article/x", "SEOUL (Reuters) - text", "apnews.com"),
    ("https://News.Example.org:8080/a", "", "news.example.org"),
    (None, "SEOUL, South Korea (AP) — North Korea has sent troops.", "AP"),
    (None, "KABUL (Reuters) - The Taliban said.", "Reuters"),
    (None, "NEW DELHI, Oct 28 (Reuters) - India said.", "Reuters"),
    (None, "GLASGOW, Ky. (WBKO) -- A fire broke out.", "WBKO"),
    (None, "HOUSTON, TX--(Marketwire - December 23, 2010) - The company said.", "Marketwire"),
    (None, "US (and China) - talks went on.", None),
    (None, "The ministry (MoD) - said nothing.", None),
    (None, "No dateline here at all.", None),
])
def test_outlet_of(url: str | None, text: str, expected: str | None) -> None:
    assert outlet_of(Article("a", text, url=url)) == expected


@pytest.mark.parametrize(
    ("host", "text", "expected"),
    [
        # the text names the outlet: by its words, or by initials the host spells
        ("harbourside-times.example.co", "a coordinator told The Harbourside Times.", "The Harbourside Times"),
        ("example-gdi.org", "Analysts at the Global Displacement Institute said", "Global Displacement Institute"),
        ("aljazeera.com", "Al Jazeera reported the strike.", "Al Jazeera"),
        ("example-crsa.org", "The Centre for Refugee Studies in Asia is a research group.",
         "The Centre for Refugee Studies in Asia"),
        # the host's own first word, then words that name an outlet or a body
        ("news.lakeside-broadcasting.example", "as Lakeside News reported", "Lakeside News"),
        # it does not: the host's own name in words, an acronym in capitals
        ("news.channel-eleven.example", "Nothing here names it.", "Channel Eleven"),
        ("bbc.co.uk", "The strike was reported.", "BBC"),
        ("en.wikinews.org", "", "Wikinews"),
        # (a name that only shares a word with the host is not its name)
        ("daily-star.example", "The Daily Mail said", "Daily Star"),
        ("127.0.0.1", "", "127.0.0.1"),
        (None, "The Harbourside Times", None),
    ],
)
def test_outlet_name(host: str | None, text: str, expected: str | None) -> None:
    assert outlet_name(host, text) == expected


def test_dateline_outlet_reads_only_the_opening() -> None:
    assert dateline_outlet("Officials said. SEOUL (AP) — more text") is None


def test_normalised_name() -> None:
    assert normalised_name("the Interior Ministry's") == normalised_name("Interior  Ministry") == "interior ministry"


def test_claim_origin_is_the_last_link_resolved_to_the_registry() -> None:
    chain = [SourceLink(0, 5, "a spokesman", "A2", "said"), SourceLink(10, 20, "the ministry", "A1", "origin")]
    claim = Claim("C1", 0, 50, "text", "asserted", chain, speaker="A2")
    registry = {"A1": (7, "Ministry of Defence"), "A2": (9, "spokesman")}
    assert claim_origin(claim, registry, REPORT) == Origin("Ministry of Defence", "actor:7")


def test_claim_origin_unresolved_link_is_named_by_its_text() -> None:
    chain = [SourceLink(0, 5, "Western officials", None, "said")]
    claim = Claim("C1", 0, 50, "text", "asserted", chain)
    assert claim_origin(claim, {}, REPORT) == Origin("Western officials", "name:western officials")


def test_claim_origin_speaker_without_chain_and_the_outlet_s_own_voice() -> None:
    registry = {"A3": (4, "Jane Doe")}
    assert claim_origin(Claim("C1", 0, 5, "t", "asserted", speaker="A3"), registry, REPORT) == Origin("Jane Doe",
                                                                                                       "actor:4")
    assert claim_origin(Claim("C2", 0, 5, "t", "asserted"), registry, REPORT) == REPORT


def test_independent_origins_counts_distinct_keys() -> None:
    assert independent_origins(["actor:1", "actor:1", "name:x", None, "report:a"]) == 3
    assert independent_origins([]) == 0


def test_store_writes_outlets_copies_and_claim_origins(store: Store) -> None:
    rows = {r[0]: (r[1], r[2]) for r in store.conn.execute("SELECT id, outlet, copy_of FROM articles")}
    assert rows == {"wire": ("apnews.com", None), "copy1": ("example-times.com", "wire"),
                    "copy2": ("example-post.org", "wire"), "other": ("reuters.com", None)}
    missing = store.conn.execute("SELECT count(*) FROM claims WHERE origin_key IS NULL").fetchone()[0]
    assert missing == 0
    keys = {r[0] for r in store.conn.execute("SELECT origin_key FROM claims")}
    assert all(k.split(":", 1)[0] in ("actor", "name", "report") for k in keys)


def test_figure_carried_by_three_copies_and_an_independent_outlet_has_two_origins(store: Store) -> None:
    sourced = figures(store, "about 1,500")
    assert [a for a, _ in sourced] == ["copy1", "copy2", "other", "wire"]
    assert corroboration(store.conn, figures=sourced) == 2
    # the three copies alone quote one agency: one origin
    assert corroboration(store.conn, figures=[f for f in sourced if f[0] != "other"]) == 1


def test_unsourced_figure_counts_a_wire_text_once(store: Store) -> None:
    own = figures(store, "dozens")
    assert [a for a, _ in own] == ["copy1", "copy2", "other", "wire"]
    # the wire text's own reporting in three outlets is one report; the other outlet's is another
    assert corroboration(store.conn, figures=own) == 2


def test_claims_by_local_id_are_counted_like_figures(store: Store) -> None:
    claims = [(r[0], r[1]) for r in store.conn.execute(
        "SELECT c.article_id, c.local_id FROM claims c JOIN quantities q "
        "ON q.article_id = c.article_id AND q.claim_id = c.local_id WHERE lower(q.text) = 'about 1,500'")]
    assert len(claims) == 4
    assert corroboration(store.conn, claims=claims) == 2


def test_cluster_of_a_wire_text_counts_one_outlet_and_one_origin(store: Store) -> None:
    row = store.conn.execute(
        "SELECT c.reports, c.sources, c.origins, group_concat(DISTINCT e.article_id) FROM event_clusters c "
        "JOIN events e ON e.cluster_id = c.id WHERE c.id = (SELECT cluster_id FROM events "
        "WHERE article_id = 'wire' AND type = 'ASSAULT') GROUP BY c.id").fetchone()
    assert set(row[3].split(",")) == {"wire", "copy1", "copy2"}  # the same shelling, as three outlets ran it
    assert row[:3] == (3, 1, 1)


def handmade(article_id: str, text: str, url: str, source: str) -> Extraction:
    """An article reporting one deployment on the word of ``source`` (its claim's chain resolves to it)."""
    article = Article(article_id, text, dt.date(2024, 10, 18), None, url, "test")
    actors = [Actor("A1", source, "organization", mentions=[Mention(0, 5, text[:5])]),
              Actor("A2", "North Korea", "state", code="PRK", country="PRK", mentions=[Mention(6, 11, text[6:11])])]
    claim = Claim("C1", 0, 60, text[:60], "asserted", [SourceLink(0, 5, source, "A1", "said")], speaker="A1")
    event = Event("E1", "MOBILIZE", 0, 60, text[:60], "occurred", source=["PRK"], target=["PRK"],
                  source_actors=["A2"], target_actors=["A2"], time="2024-10-18", time_from="text", claim="C1")
    return Extraction(article, actors=actors, claims=[claim], events=[event])


def test_cluster_reads_n_outlets_from_m_independent_origins(tmp_path: Path) -> None:
    other = " ".join(reversed(WIRE.split()))  # another text: not a copy
    with Store.open(tmp_path / "s.db") as store:
        store.write(handmade("wire", WIRE, URLS["wire"], "National Intelligence Service"))
        store.write(handmade("copy1", COPY_1, URLS["copy1"], "National Intelligence Service"))
        store.write(handmade("copy2", COPY_2, URLS["copy2"], "National Intelligence Service"))
        store.write(handmade("same-agency", other, "https://example-daily.net/6", "National Intelligence Service"))
        counts = store.conn.execute("SELECT reports, sources, origins FROM event_clusters").fetchall()
        assert [tuple(r) for r in counts] == [(4, 2, 1)]  # two outlets, one agency behind both
        store.write(handmade("other", OTHER, URLS["other"], "Ukraine's military intelligence agency"))
        counts = store.conn.execute("SELECT reports, sources, origins FROM event_clusters").fetchall()
        assert [tuple(r) for r in counts] == [(5, 3, 2)]
