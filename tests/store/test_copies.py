"""Near-verbatim wire copies on a real store: MinHash signatures, LSH bands in SQL, ``copy_of`` to the root."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from newsgraph.model import Article, Extraction
from newsgraph.store import Store
from newsgraph.store.copies import (
    BANDS,
    MIN_WORDS,
    NUM_PERM,
    THRESHOLD,
    band_hashes,
    decode,
    one_report,
    shingles,
    signature,
    similarity,
)

WIRE = ("SEOUL, South Korea (AP) — North Korea has sent about 1,500 special forces soldiers to Russia to support "
        "its war in Ukraine, South Korea's National Intelligence Service said on Friday. The agency said the troops "
        "were moved on Russian navy ships from ports near the border and were given Russian uniforms and "
        "weapons. Officials in Seoul called it a grave security threat and summoned the Russian ambassador. "
        "Shelling killed 12 civilians in the eastern region on Thursday, local officials said, and damaged "
        "dozens of homes as the fighting went on for a third week.")
# the same wire text as another outlet runs it: its own dateline, and a line of its own at the end
COPY_1 = WIRE.replace("SEOUL, South Korea (AP) —", "SEOUL —", 1)
COPY_2 = WIRE + " Copyright 2024 The Associated Press."
UNRELATED = ("The city council voted on Tuesday to expand the bus network to the northern suburbs, adding four "
             "new routes and thirty electric buses by the end of next year. The plan, which had been debated "
             "for months, passed by seven votes to two after a long session in which residents spoke for and "
             "against it. Supporters said the routes would cut commuting times by a third, while opponents "
             "warned that fares would have to rise to pay for the new depot and its staff.")


def plain(article_id: str, text: str, url: str | None, day: int = 18) -> Extraction:
    """An article without items: copies are found from the text alone."""
    return Extraction(Article(article_id, text, dt.date(2024, 10, day), None, url, "test"))


def copy_of(store: Store, article_id: str) -> str | None:
    return store.conn.execute("SELECT copy_of FROM articles WHERE id = ?", (article_id,)).fetchone()[0]


def test_short_texts_have_no_shingles_and_no_signature() -> None:
    short = " ".join(["word"] * (MIN_WORDS - 1))
    assert shingles(short) == []
    assert signature(short) is None
    assert signature(WIRE) is not None


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles(WIRE) == shingles(WIRE.upper().replace(",", " ").replace(".", " ; "))


def test_signature_similarity_separates_copies_from_other_texts() -> None:
    wire, copy, other = signature(WIRE), signature(COPY_1), signature(UNRELATED)
    assert wire is not None and copy is not None and other is not None
    assert len(wire) == NUM_PERM
    assert similarity(wire, wire) == 1.0
    assert similarity(wire, copy) >= THRESHOLD
    assert similarity(wire, other) < 0.2


def test_band_hashes_fit_sqlite_integers_and_match_for_equal_bands() -> None:
    values = signature(WIRE)
    assert values is not None
    bands = band_hashes(values)
    assert len(bands) == BANDS
    assert all(-(2**63) <= h < 2**63 for h in bands)
    changed = values.copy()
    changed[0] += 1  # only the first band differs
    other = band_hashes(changed)
    assert other[0] != bands[0] and other[1:] == bands[1:]


def test_wire_copies_point_at_the_first_stored(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.write(plain("wire", WIRE, "https://apnews.com/article/1"))
        store.write(plain("copy1", COPY_1, "https://www.example-times.com/world/2"))
        store.write(plain("other", UNRELATED, "https://www.example-times.com/local/3"))
        store.write(plain("copy2", COPY_2, "https://example-post.org/4"))
        assert copy_of(store, "wire") is None
        assert copy_of(store, "copy1") == "wire"
        assert copy_of(store, "copy2") == "wire"
        assert copy_of(store, "other") is None
        assert store.conn.execute("SELECT count(*) FROM article_bands").fetchone()[0] == 4 * BANDS
        blob = store.conn.execute("SELECT minhash FROM article_signatures WHERE article_id = 'copy1'").fetchone()[0]
        assert np.array_equal(decode(blob), signature(COPY_1))


def test_a_copy_of_a_copy_points_at_the_root(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.write(plain("wire", WIRE, "https://apnews.com/article/1"))
        store.write(plain("copy1", COPY_1, "https://example-times.com/2"))
        # the root no longer found by its bands: only the copy leads to it
        with store.conn:
            store.conn.execute("DELETE FROM article_bands WHERE article_id = 'wire'")
        store.write(plain("copy2", COPY_2, "https://example-post.org/3"))
        assert copy_of(store, "copy2") == "wire"


def test_the_root_is_the_earliest_stored_not_the_earliest_published(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.write(plain("later", COPY_1, None, day=20))
        store.write(plain("earlier", WIRE, None, day=1))
        assert copy_of(store, "later") is None
        assert copy_of(store, "earlier") == "later"


def test_short_texts_are_never_copies(tmp_path: Path) -> None:
    brief = "Two people were hurt when a car hit a wall in the town centre on Monday, police said."
    with Store.open(tmp_path / "s.db") as store:
        store.write(plain("b1", brief, "https://one.example/1"))
        store.write(plain("b2", brief.replace("Monday", "Tuesday"), "https://two.example/2"))
        assert copy_of(store, "b2") is None
        assert store.conn.execute("SELECT count(*) FROM article_signatures").fetchone()[0] == 0


@pytest.mark.parametrize("text", [WIRE, COPY_2])
def test_an_article_is_never_a_copy_of_itself(tmp_path: Path, text: str) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.write(plain("only", text, None))
        assert copy_of(store, "only") is None



THIRD = ("Heavy rain flooded the river valley overnight, closing two bridges and the main railway line to the "
         "coast. Emergency crews moved more than two hundred families to schools on higher ground, and the "
         "weather office warned that another storm could arrive before the weekend. Farmers said the water had "
         "ruined most of the winter crop, and the regional government promised to pay for the repairs.")


def test_a_copy_cut_short_is_one_report_with_the_whole(tmp_path: Path) -> None:
    """An outlet that runs the first paragraphs of a wire text carries the same report: their Jaccard is
    low, but nearly all of the shorter text is in the longer."""
    longer = WIRE + " " + UNRELATED
    a, b = set(shingles(longer)), set(shingles(WIRE))
    assert len(a & b) / len(a | b) < THRESHOLD  # not near-verbatim
    with Store.open(tmp_path / "s.db") as store:
        store.write(plain("whole", longer, "https://apnews.example/a"))
        store.write(plain("cut", WIRE, "https://other.example/b"))
        store.write(plain("third", THIRD, "https://third.example/c"))
        assert copy_of(store, "cut") == "whole"
        assert copy_of(store, "third") is None


@pytest.mark.parametrize(("jaccard", "size_a", "size_b", "expected"), [
    (0.85, 100, 100, True),  # near-verbatim
    (0.65, 190, 140, True),  # the shorter cut from the longer: about 130 of its 140 shingles shared
    (0.40, 100, 100, False),  # two texts of one size sharing under three fifths
    (0.20, 200, 100, False),  # 50 of the shorter's 100 shared: half of it is not a copy
    (0.50, 10, 0, False),  # nothing to contain
])
def test_one_report_by_jaccard_or_containment(jaccard: float, size_a: int, size_b: int, expected: bool) -> None:
    assert one_report(jaccard, size_a, size_b) is expected


def test_a_text_copied_many_times_is_found_by_its_first_copies_at_a_bounded_cost(tmp_path: Path) -> None:
    from newsgraph.store.copies import PER_BAND, candidates
    with Store.open(tmp_path / "s.db") as store:
        for i in range(PER_BAND + 6):
            store.write(plain(f"w{i:02d}", COPY_2 if i else WIRE, f"https://outlet{i}.example/a"))
        values = signature(COPY_1)
        assert values is not None
        found = candidates(store.conn, "new", band_hashes(values))
        assert 0 < len(found) <= PER_BAND and "w00" in {f[0] for f in found}  # the root is among them
        store.write(plain("new", COPY_1, "https://late.example/a"))
        copy_of = store.conn.execute("SELECT copy_of FROM articles WHERE id = 'new'").fetchone()[0]
        assert copy_of == "w00"
