"""Any text at all: the full pipeline never crashes, and every item's span is valid and says what it holds."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.model import Article, Extraction
from newsgraph.nlp.pipeline import extract_one

# Words that wake up every stage, mixed with arbitrary characters, quote marks and numbers.
NEWSY = st.sampled_from([
    "said", "“", "”", '"', "'s", "’s", "according to", "Russia", "Russian", "NATO", "Putin", "he", "He", "troops",
    "more than", "3,000", "12,000", "1.2 million", "last week", "by December", "in June", "2022", "Kursk region",
    "Washington", "Pentagon", "spokeswoman", "invaded", "met", "will", "not", "If", "reportedly", "may", ".", ",",
    ":", "\n", "—", "-", "(", ")", "%", "$", "km", "North Korean", "the", "a", "of", "Kim Jong Un", "U.S.",
])
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(NEWSY, st.text(max_size=6)), max_size=60).map(" ".join),
)


def check_spans(ext: Extraction) -> None:
    text = ext.article.text
    for name in ("sentences", "times", "places", "quantities", "quotes", "claims", "events"):
        for item in getattr(ext, name):
            assert 0 <= item.start <= item.end <= len(text), (name, item)
            assert text[item.start:item.end] == item.text, (name, item)
    for actor in ext.actors:
        for m in actor.mentions:
            assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text, actor
    ids = {a.id for a in ext.actors}
    for q in ext.quotes:
        assert q.speaker is None or q.speaker in ids
        for pair in (q.source, q.cue):
            assert pair is None or 0 <= pair[0] <= pair[1] <= len(text)
    for e in ext.events:
        assert e.place is None or 0 <= e.place < len(ext.places)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))))
def test_any_text_gives_valid_spans(nlp, text: str, published: dt.date | None) -> None:  # type: ignore[no-untyped-def]
    check_spans(extract_one(Article("h", text, published), nlp))
