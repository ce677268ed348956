"""Titles that are mentions of a named person: written out beside the name, or alone
(newsgraph/nlp/actors/title_mentions.py)."""

from __future__ import annotations

from tests.actors.common import by_name, mention_texts


def test_title_alone_refers_to_the_person_given_it(extract_text):
    ext = extract_text("Home Secretary Priti Patel spoke on Monday. Later the Home Secretary said the plan "
                       "would go ahead.")
    patel = by_name(ext, "Priti Patel")
    assert mention_texts(patel) == ["Priti Patel", "Home Secretary"]
    assert [m.form for m in patel.mentions] == ["name", "role"]


def test_title_phrase_apposed_to_a_name_is_a_mention_of_the_person(extract_text):
    ext = extract_text("Minister for Veterans Affairs, Harriet Vane, said the aid would arrive. Later Harriet "
                       "Vane, Minister for Veterans Affairs, visited Suva.")
    vane = by_name(ext, "Harriet Vane")
    assert mention_texts(vane).count("Minister for Veterans Affairs") == 2
    assert [m.form for m in vane.mentions].count("role") == 2
    assert vane.role_text == "Minister for Veterans Affairs"


def test_place_in_an_apposed_title_stays_out_of_the_person_mention(extract_text):
    ext = extract_text("Minister for the Pacific, Harriet Vane, said the aid would arrive.")
    vane = by_name(ext, "Harriet Vane")
    assert mention_texts(vane) == ["Minister", "Harriet Vane"]  # "the Pacific" is left to the places stage
    assert vane.role_text == "Minister for the Pacific"
    assert [p.name for p in ext.places if "Pacific" in p.name]


def test_title_in_a_headline_before_the_name_joins_the_person(extract_text):
    ext = extract_text("Home Secretary condemns the attack\n\nThe Home Secretary, Peter Wimsey, said the "
                       "attack was cowardly.")
    wimsey = by_name(ext, "Peter Wimsey")
    assert mention_texts(wimsey)[0] == "Home Secretary"
    assert mention_texts(wimsey).count("Home Secretary") == 2


def test_regime_named_for_a_people_or_a_shared_title_makes_no_person(extract_text):
    ext = extract_text("Dissidents fled the Soviet regime in 1970. The Military regime held power.")
    assert not [a for a in ext.actors if a.kind == "person"]
    ext = extract_text("Prime Minister Keir Starmer met Prime Minister Narendra Modi. The Prime Minister said "
                       "trade would grow.")
    assert mention_texts(by_name(ext, "Keir Starmer")) == ["Keir Starmer"]  # which one is ambiguous
