"""Step 2, persons: PERSON entities with their titles, roles and affiliations, and the names the tagger mislabels
or leaves out (newsgraph/nlp/actors/persons.py, titles.py, repair.py)."""

from __future__ import annotations

from tests.actors.common import by_name, mention_texts


def test_igo_title_gives_affiliation_and_canonical_role(extract_text):
    ext = extract_text("NATO chief Mark Rutte said the move was a significant escalation.")
    rutte = by_name(ext, "Mark Rutte")
    assert rutte.kind == "person"
    assert rutte.affiliation == "NATO"
    assert rutte.role == "Secretary General"
    assert rutte.role_text == "chief"


def test_national_adjective_title_and_possessive_name(extract_text):
    ext = extract_text("It shows Russian President Vladimir Putin’s desperation, analysts said.")
    putin = by_name(ext, "Vladimir Putin")
    assert (putin.affiliation, putin.country, putin.role) == ("RUS", "RUS", "President")
    assert mention_texts(putin) == ["Vladimir Putin"]  # no ’s


def test_body_title_affiliation(extract_text):
    ext = extract_text("Pentagon spokeswoman Sabrina Singh said on Monday that talks would go on.")
    singh = by_name(ext, "Sabrina Singh")
    assert singh.affiliation == "USA"
    assert singh.role == "spokeswoman"
    pentagon = by_name(ext, "Pentagon")
    assert (pentagon.kind, pentagon.affiliation) == ("organization", "USA")


def test_coordinated_titles_share_the_country_and_no_fake_orgs(extract_text):
    ext = extract_text("U.S. Defense Secretary Lloyd Austin and Secretary of State Antony Blinken will meet "
                       "their counterparts later this week.")
    austin, blinken = by_name(ext, "Lloyd Austin"), by_name(ext, "Antony Blinken")
    assert austin.affiliation == "USA" and "Secretary" in (austin.role or "")
    assert blinken.affiliation == "USA" and blinken.role == "Secretary of State"
    assert not [a for a in ext.actors if a.name in ("Defense", "State")]


def test_bare_name_does_not_lend_its_country_to_a_coordinated_title(extract_text):
    ext = extract_text("U.S. Defense Secretary Lloyd Austin will meet his South Korean counterparts in "
                       "Washington. A spokeswoman said that Austin and Defense Minister Kim Yong-hyun will "
                       "discuss the deployment.")
    kim = by_name(ext, "Kim Yong-hyun")
    assert kim.affiliation == "KOR"
    assert kim.role == "Defense Minister"


def test_apposition_after_name(extract_text):
    ext = extract_text("Kim Jong Un, North Korea's leader, inspected a missile launch on Sunday.")
    kim = by_name(ext, "Kim Jong Un")
    assert (kim.affiliation, kim.role) == ("PRK", "leader")


def test_apposition_before_name_with_its(extract_text):
    ext = extract_text("Putin first visited North Korea to hold talks with its leader, Kim Jong Un, in 2000.")
    kim = by_name(ext, "Kim Jong Un")
    assert (kim.affiliation, kim.role) == ("PRK", "leader")


def test_place_names_tagged_as_persons_are_not_persons(extract_text):
    ext = extract_text("Near Ar Raqqah, two strikes destroyed a fighting position. Residents of Sanaa fled.")
    assert not [a for a in ext.actors if a.kind == "person"]


def test_apposition_after_a_rank_gives_the_affiliation(extract_text):
    ext = extract_text('Gen. Joseph Votel, commander of U.S. Central Command said, "We have been clear."')
    votel = by_name(ext, "Joseph Votel")
    assert votel.affiliation == "USA"


def test_body_in_a_title_before_an_apposed_name(extract_text):
    ext = extract_text("Foreign Office Minister, Tobias Ellwood, said the attack was horrific.")
    ellwood = by_name(ext, "Tobias Ellwood")
    assert (ellwood.affiliation, ellwood.role) == ("GBR", "Minister")


def test_group_and_foreign_ministry_titles(extract_text):
    ext = extract_text("Chinese Foreign Ministry spokesman Wang Wenbin spoke. Wagner chief Yevgeny Prigozhin "
                       "marched on Moscow.")
    wang = by_name(ext, "Wang Wenbin")
    assert (wang.affiliation, wang.role) == ("CHN", "Foreign Ministry spokesman")
    assert by_name(ext, "Yevgeny Prigozhin").affiliation == "WAGNER"
    # Moscow is where he marched: not the government acting; as the place an event lands on it stands
    # for its state only in a mention marked "place"
    assert [m.form for a in ext.actors if a.code == "RUS" for m in a.mentions] in ([], ["place"])
    assert [p.country for p in ext.places if p.text == "Moscow"] == ["RUS"]


def test_wikinews_interviewer_label_is_not_an_actor(extract_text):
    ext = extract_text("((WN)) What happened on the day?\n((Jane Doe)) The soldiers came at dawn.")
    assert not [a for a in ext.actors if a.name == "WN"]


def test_state_named_after_a_titled_name(extract_text):
    ext = extract_text("President Omar El Bashir of Sudan spoke on Monday.")
    bashir = by_name(ext, "Omar El Bashir")
    assert (bashir.affiliation, bashir.role) == ("SDN", "President")


def test_leader_named_for_a_regime_is_a_person(extract_text):
    ext = extract_text("Opposition leaders accused the Maduro regime of fraud on Sunday.")
    maduro = by_name(ext, "Maduro")
    assert maduro.kind == "person" and mention_texts(maduro) == ["Maduro"]
    assert not [a for a in ext.actors if a.kind == "organization" and a.name == "Maduro"]


def test_titled_name_swallowed_by_another_entity(extract_text):
    ext = extract_text("Minister for Asia Anne-Marie Trevelyan visited Jakarta on Tuesday.")
    minister = by_name(ext, "Anne-Marie Trevelyan")
    assert (minister.kind, minister.role_text) == ("person", "Minister for Asia")
    assert not [a for a in ext.actors if a.kind == "organization"]


def test_name_written_where_a_place_goes_is_not_an_actor(extract_text):
    # "Sinjar" is a town the gazetteer knows; written after "of" and "to free" it is a place everywhere
    ext = extract_text("Kurdish fighters moved to free Sinjar on Friday. Sinjar had been held for a year. "
                       "Residents of Sinjar returned.")
    assert not [a for a in ext.actors if a.name == "Sinjar"]


def test_name_coordinated_with_a_place_is_not_a_person(extract_text):
    ext = extract_text("Flights from Heathrow and Gatwick were cancelled on Monday.")
    assert not [a for a in ext.actors if a.name in ("Heathrow", "Gatwick")]


def test_name_tagged_as_an_organization_with_an_apposed_title_is_a_person(extract_text):
    ext = extract_text("Wendell Harrow, the Special Envoy to the region, arrived on Monday.")
    harrow = by_name(ext, "Wendell Harrow")
    assert harrow.kind == "person" and harrow.role_text == "Special Envoy"


def test_bracket_glued_to_a_name_is_cut_off(extract_text):
    ext = extract_text("Harun Dalawi(Arabic: هارون), also called Abu Sami, is an Iraqi officer. Dalawi was "
                       "promoted in 2010.")
    dalawi = by_name(ext, "Harun Dalawi")
    assert mention_texts(dalawi) == ["Harun Dalawi", "Dalawi"]


def test_courtesy_title_before_a_name_tagged_as_an_organization(extract_text):
    ext = extract_text("Minister for Foreign Affairs, the Hon Imogen Sayers MP, announced new sanctions today. "
                       "Ms Sayers said the measures were targeted.")
    sayers = by_name(ext, "Imogen Sayers")
    assert mention_texts(sayers) == ["Minister for Foreign Affairs", "Imogen Sayers", "Sayers"]
    assert sayers.role_text == "Minister for Foreign Affairs"
    assert not [a for a in ext.actors if a.kind == "organization"]


def test_a_name_tagged_as_an_organisation_with_an_apposed_person_role_is_a_person(extract_text):
    ext = extract_text("On Thursday, Sviatlana Tsikhanouskaya, an opposition candidate for the Belarusian "
                       "presidential election, held a rally in Minsk.")
    person = by_name(ext, "Sviatlana Tsikhanouskaya")
    assert (person.kind, person.role) == ("person", "opposition candidate")
