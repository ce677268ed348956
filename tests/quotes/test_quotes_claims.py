"""Claims: their modality and time, the outlet's own claims, and the figures and events that point to them
(claims.py, modality.py).
"""

from __future__ import annotations

import pytest

from tests.quotes.common import only, only_of


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The alliance has confirmed that troops have moved to the region.", "confirmed"),
        ("Analysts suggested that the troops may defend the border.", "hedged"),
        ("The ministry denied that its forces shelled the village.", "negated"),
        ("“If we see troops moving to the front, they are co-belligerents,” Singh said.", "hypothetical"),
        ("Singh said that the ministers will discuss the deployment.", "expected"),
        ("Singh said that the ministers discussed the deployment.", "asserted"),
    ],
)
def test_claim_modality(run, text, modality):
    doc = run(text)
    q = only(doc)
    claim = next(c for c in doc._.claims if c.id == q.claim)
    assert claim.modality == modality
    assert claim.time == "2024-10-28" and claim.time_from == "published"

def test_unattributed_hedged_sentence_is_an_outlet_claim(run):
    doc = run("Their dealings reportedly include the provision of ammunition. The talks ended.")
    assert doc._.quotes == []
    assert len(doc._.claims) == 1
    claim = doc._.claims[0]
    assert claim.modality == "reported" and claim.chain == [] and claim.speaker is None

@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Officials said the state had extended its order until May 1.", "asserted"),  # a month, not a modal
        ("Aides said West may not even be aware of the nomination.", "hedged"),  # a modal over the negation
        ("“We are ready. If they attack, we will respond,” the general said.", "asserted"),  # first sentence
        ("Analysts said that, in the event of a default, the bank could fail.", "hypothetical"),
    ],
)
def test_claim_modality_on_unseen_news(run, text, modality):
    doc = run(text)
    q = only(doc)
    claim = next(c for c in doc._.claims if c.id == q.claim)
    assert claim.modality == modality

@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The port authority confirmed that the tanker had run aground.", "confirmed"),
        ("The port authority said that the tanker had run aground.", "asserted"),
        ("Local media reported that the tanker had run aground.", "reported"),
        ("Divers suggested that the hull might be cracked.", "hedged"),
        ("The owners said that salvage crews will arrive on Monday.", "expected"),
        ("The captain denied that the crew had been drinking.", "negated"),
        ("The captain said that the crew had not been drinking.", "negated"),
        ("“If the weather turns, we will lose the ship,” the captain said.", "hypothetical"),
    ],
)
def test_each_modality(run, text, modality):
    doc = run(text)
    q = only(doc)
    assert next(c for c in doc._.claims if c.id == q.claim).modality == modality

def test_claims_link_to_quantities_and_events(extract_text):
    text = "The defence ministry said that 40 soldiers were killed in an attack on the base in Mali on Tuesday."
    ext = extract_text(text)
    q = only_of(ext.quotes)
    claim = next(c for c in ext.claims if c.id == q.claim)
    assert [quantity.claim for quantity in ext.quantities if quantity.value == 40] == [claim.id]
    assert any(e.claim == claim.id for e in ext.events)
