"""The links stage: figures tied to the events they size.

The unit tests parse with the base model plus the quantities component and give the link function
hand-made events (a trigger and an evidence span), so they test the linking whatever the events stage
finds; the seed and end-to-end tests go through the full pipeline.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Event, Quantity
from newsgraph.nlp.links.component import link_quantities, path_length, size_kind


def event(text: str, type_: str, trigger: str, evidence: str | None = None, eid: str = "E1") -> Event:
    t = text.index(trigger)
    evidence = evidence or trigger
    s = text.index(evidence)
    return Event(eid, type_, s, s + len(evidence), evidence, "occurred", trigger=(t, t + len(trigger)))


def linked(qnlp: Language, text: str, *events: Event) -> dict[str, list[str]]:
    """Event id -> the texts of the quantities that size it."""
    doc: Doc = qnlp(text)
    doc._.events = list(events)
    link_quantities(doc)
    quantities = doc._.quantities
    for i, q in enumerate(quantities):
        assert (q.event is not None) == any(i in ev.size for ev in events)
    return {ev.id: [quantities[i].text for i in ev.size] for ev in events}


@pytest.mark.parametrize(
    ("text", "type_", "trigger", "sized"),
    [
        # the counted noun is the object, the passive subject, the "of" object of a nominal trigger
        ("Russia deployed 3,000 troops to the border.", "MOBILIZE", "deployed", ["3,000"]),
        ("More than 3,000 troops have been sent to Russia.", "MOBILIZE", "sent", ["More than 3,000"]),
        ("The deployment of 5,000 soldiers began on Sunday.", "MOBILIZE", "deployment", ["5,000"]),
        # casualties size the attack: object of the verb, or subject of the predicate the attack is in
        ("The strike killed 12 civilians and wounded 30 others.", "ASSAULT", "killed", ["12", "30"]),
        ("Hundreds of soldiers died in the assault on the town.", "ASSAULT", "assault", ["Hundreds"]),
        # weapons and goods given; arrests
        ("Germany delivered 40 tanks to Ukraine.", "AID", "delivered", ["40"]),
        ("The UN sent 500 tonnes of grain to Somalia.", "AID", "sent", ["500 tonnes"]),
        ("Police arrested 25 protesters in Tehran.", "COERCE", "arrested", ["25"]),
        # a bare number takes the noun of the count before it, and sizes the same event
        ("Some 3,000 troops have been sent, with 12,000 expected by December.", "MOBILIZE", "sent",
         ["Some 3,000", "12,000"]),
    ],
)
def test_figure_sizes_its_event(qnlp: Language, text: str, type_: str, trigger: str, sized: list[str]) -> None:
    assert linked(qnlp, text, event(text, type_, trigger)) == {"E1": sized}


@pytest.mark.parametrize(
    ("text", "type_", "trigger"),
    [
        # the wrong kind of figure for the type: casualties do not size a deployment, troops no aid money
        ("Russia sent troops after 12 soldiers were killed.", "MOBILIZE", "sent"),
        ("The strike killed 12 civilians.", "MOBILIZE", "strike"),
        # a share or a measure describes; it sizes nothing
        ("Russia launched drones, and 52% of them were shot down.", "ASSAULT", "launched"),
        ("The troops advanced 12 km into the region.", "MOBILIZE", "advanced"),
        # a count of places is not the size of a deployment
        ("Russia deployed troops to two regions.", "MOBILIZE", "deployed"),
        # reported speech: the saying is not sized by what is said
        ("Officials accused Russia and said 40 people had been killed.", "ACCUSE", "accused"),
    ],
)
def test_figure_does_not_size_event(qnlp: Language, text: str, type_: str, trigger: str) -> None:
    assert linked(qnlp, text, event(text, type_, trigger)) == {"E1": []}


def test_separate_clauses_size_their_own_events(qnlp: Language) -> None:
    text = "Russia sent 3,000 troops to Syria and Turkey shot down 40 drones."
    sent = event(text, "MOBILIZE", "sent", "Russia sent 3,000 troops to Syria", "E1")
    shot = event(text, "ASSAULT", "shot", "Turkey shot down 40 drones", "E2")
    assert linked(qnlp, text, sent, shot) == {"E1": ["3,000"], "E2": ["40"]}


def test_nearest_trigger_wins(qnlp: Language) -> None:
    # both are ASSAULTs the casualties could size; the verb they are the object of is nearer
    text = "During the invasion the shelling killed 30 soldiers."
    invasion = event(text, "ASSAULT", "invasion", text[:-1], "E1")
    killed = event(text, "ASSAULT", "killed", "the shelling killed 30 soldiers", "E2")
    assert linked(qnlp, text, invasion, killed) == {"E1": [], "E2": ["30"]}


def test_containment_is_the_fallback(qnlp: Language) -> None:
    # no dependency path (the trigger is in another clause of the evidence), yet the evidence holds it
    text = "Russia invaded; 300 soldiers died."
    ev = event(text, "ASSAULT", "invaded", text[:-1])
    assert linked(qnlp, text, ev) == {"E1": ["300"]}


def test_path_length_and_clause_breaks(qnlp: Language) -> None:
    doc = qnlp("Police said 40 people were arrested.")
    people, said, arrested = doc[3], doc[1], doc[5]
    assert path_length(people, arrested) == 1
    assert path_length(people, said) is None  # through a ccomp: another clause


@pytest.mark.parametrize(
    ("quantity", "kind"),
    [
        (Quantity(0, 1, "5", 5, "=", "troops", counted="troops", category="troops"), "troops"),
        (Quantity(0, 1, "5", 5, "=", "people", counted="people", category="other"), "people"),
        (Quantity(0, 1, "5", 5, "=", None, category="other"), "crowd"),
        (Quantity(0, 1, "5", 5, "=", "percent", category="other"), None),
        (Quantity(0, 1, "5", 5, "=", "tonne", counted="grain", category="other"), "other"),
        (Quantity(0, 1, "5", 5, "=", "kilometre", category="other"), None),
        (Quantity(0, 1, "5", 5, "=", "towns", counted="towns", category="other"), None),
    ],
)
def test_size_kinds(quantity: Quantity, kind: str | None) -> None:
    assert size_kind(quantity) == kind


# -- through the full pipeline ----------------------------------------------------------------------


def test_seed_mobilize_sized_by_troops(seed_extraction) -> None:
    x = seed_extraction
    by_text = {q.text: q for q in x.quantities}
    events = {ev.id: ev for ev in x.events}
    for figure in ("more than 3,000", "more than 12,000"):
        q = by_text[figure]
        assert q.event is not None and events[q.event].type == "MOBILIZE", (figure, q.event)
        assert x.quantities.index(q) in events[q.event].size
    # the casualties size an ASSAULT if the events stage finds one there, never a deployment
    casualties = by_text["more than 600,000"]
    assert casualties.event is None or events[casualties.event].type == "ASSAULT"
    # the "two countries" size nothing
    assert all(q.event is None for q in x.quantities if q.text == "two")
    # links agree both ways
    for ev in x.events:
        assert all(x.quantities[i].event == ev.id for i in ev.size)


def test_casualties_of_conjoined_clauses_size_one_attack(qnlp: Language) -> None:
    text = "Six nationals were killed in the attack, and seven more were injured."
    assert linked(qnlp, text, event(text, "ASSAULT", "killed")) == {"E1": ["Six", "seven"]}


def test_bare_number_sizes_only_a_protest(qnlp: Language) -> None:
    text = "Thousands protested in the capital."
    assert linked(qnlp, text, event(text, "PROTEST", "protested")) == {"E1": ["Thousands"]}
    text = "Stores lowered their purchase limits to two per customer."
    assert linked(qnlp, text, event(text, "CONCEDE", "lowered")) == {"E1": []}
