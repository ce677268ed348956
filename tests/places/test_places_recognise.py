"""Recognition (places.found.*): what makes a name a toponym, and where its span lies."""

from __future__ import annotations

import pytest

from tests.places.helpers import near, place


def test_admin_suffix_after_a_mistagged_name(extract_text):
    ext = extract_text("North Korean troops have moved to Russia’s Kursk region, which borders Ukraine.")
    kursk = place(ext, "Kursk region")
    assert (kursk.country, kursk.level) == ("RUS", "admin1")
    assert near(kursk, 51.7, 36.3, 150)
    assert place(ext, "Russia").country == "RUS"
    assert place(ext, "Ukraine").country == "UKR"


def test_oblast_and_province(extract_text):
    ext = extract_text("Shelling hit Donetsk Oblast overnight, and a drone fell in Helmand province.")
    donetsk = place(ext, "Donetsk Oblast")
    assert (donetsk.country, donetsk.level) == ("UKR", "admin1")
    assert place(ext, "Helmand province").country == "AFG"


@pytest.mark.parametrize(("sentence", "phrase", "country"), [
    ("Ukrainian forces pushed deeper into Russian territory on Tuesday.", "Russian territory", "RUS"),
    ("Israeli jets struck a Syrian region near the border.", "Syrian region", "SYR"),
    ("The drone fell on Polish territory, officials said.", "Polish territory", "POL"),
    ("Rebels seized a Congolese province last year.", "Congolese province", "COD"),
])
def test_a_demonym_before_a_division_word_is_somewhere_in_that_country(extract_text, sentence, phrase, country):
    # never a town that merely looks like the adjective (Rason, North Korea, for "Russian")
    p = place(extract_text(sentence), phrase)
    assert (p.country, p.lat, p.geonameid) == (country, None, None)


def test_country_is_a_place_even_as_an_actor(extract_text):
    ext = extract_text("Putin first visited North Korea to hold talks with its leader.")
    assert place(ext, "North Korea").country == "PRK"


def test_capital_as_government_is_a_place_that_stands_for_it(extract_text):
    # geoparsing corpora count "Moscow" in "Moscow said" as a toponym; the place says whom it stands for
    ext = extract_text("Moscow and Pyongyang have worked to expand their military ties.")
    assert [(p.text, p.stands_for) for p in ext.places] == [("Moscow", "RUS"), ("Pyongyang", "PRK")]
    assert {a.code for a in ext.actors if a.kind == "state"} >= {"RUS", "PRK"}


def test_capital_as_location_is_a_place(extract_text):
    ext = extract_text("The delegation arrived in Moscow on Monday.")
    moscow = place(ext, "Moscow")
    assert moscow.country == "RUS" and near(moscow, 55.75, 37.62) and moscow.stands_for is None


def test_capital_described_as_a_city_is_a_place(extract_text):
    ext = extract_text("The roof of the cathedral in the French capital Paris caught fire yesterday.")
    assert place(ext, "Paris").country == "FRA"


def test_toponym_inside_an_organization_name(extract_text):
    ext = extract_text("Snow is expected on Saturday night, Environment Canada warns.")
    assert place(ext, "Canada").country == "CAN"


def test_hyphenated_country_prefix(extract_text):
    text = "The U.S.-led coalition struck targets."
    ext = extract_text(text)
    us = place(ext, "U.S.")
    assert text[us.start:us.end] == "U.S." and us.country == "USA"


def test_dateline_in_capitals(extract_text):
    ext = extract_text("KABUL (Reuters) — A bomb exploded near a checkpoint on Monday.")
    kabul = place(ext, "KABUL")
    assert kabul.country == "AFG" and near(kabul, 34.53, 69.17)


def test_place_after_locative_preposition_mistagged_by_spacy(extract_text):
    ext = extract_text("Near Ar Raqqah, two strikes destroyed a fighting position.")
    assert place(ext, "Ar Raqqah").country == "SYR"


def test_place_after_near_stays_a_place_when_taken_for_a_person(extract_text):
    """The tagger reads "Near Dayr Az Zayr" as a person; after "near" only a place fits, and the
    gazetteer knows the name under another spelling ("Deir ez-Zor")."""
    ext = extract_text("Near Dayr Az Zayr, five strikes destroyed three oil well heads in Syria.")
    deir = place(ext, "Dayr Az Zayr")
    assert deir.country == "SYR" and near(deir, 35.33, 40.14, 60)


def test_town_comma_abbreviated_division(extract_text):
    ext = extract_text("When Lucy was born in Churchill, Man. her parents did not know if she would live.")
    churchill = place(ext, "Churchill")
    assert (churchill.country, churchill.admin1) == ("CAN", "Manitoba")
    assert near(churchill, 58.77, -94.17, 60)


def test_town_and_division_in_one_entity_are_split(extract_text):
    ext = extract_text("She was born on May 26, 1953 in Shelby, North Carolina.")
    shelby = place(ext, "Shelby")
    assert (shelby.country, shelby.admin1) == ("USA", "North Carolina")
    assert place(ext, "North Carolina").level == "admin1"


def test_place_before_a_local_institution(extract_text):
    ext = extract_text("Winnipeg police Const. Jason Michalyshen said police made the arrest.")
    assert place(ext, "Winnipeg").country == "CAN"
    ext = extract_text("Deputies from the Metcalfe County Sheriff's Office responded to the scene in Kentucky.")
    metcalfe = place(ext, "Metcalfe County")
    assert (metcalfe.country, metcalfe.level) == ("USA", "admin2")


def test_direction_of_a_place(extract_text):
    ext = extract_text("Fighting raged 20 km north of Avdiivka on Tuesday.")
    assert place(ext, "Avdiivka").country == "UKR"


def test_facility_named_after_its_town(extract_text):
    """No facilities in the gazetteer: a dam named after a town is placed at the town, with the
    town's precision (level "city"), never as a precise site."""
    ext = extract_text("Coalition jets struck near the Haditha Dam in western Iraq.")
    dam = place(ext, "Haditha Dam")
    assert dam.country == "IRQ" and dam.level == "city" and dam.geonameid is None
    assert near(dam, 34.21, 42.36, 161)


def test_listed_facility_is_a_site(extract_text):
    ext = extract_text("The rocket lifted off from the Baikonur Cosmodrome in Kazakhstan on Friday.")
    baikonur = place(ext, "Baikonur Cosmodrome")
    assert (baikonur.country, baikonur.level) == ("KAZ", "site") and near(baikonur, 45.96, 63.31, 20)


def test_names_listed_with_a_place_are_places(extract_text):
    ext = extract_text("Road works will close lanes between Walthamstow, Hornsey and Tottenham next week.")
    for name in ("Walthamstow", "Hornsey", "Tottenham"):
        assert place(ext, name).country == "GBR"


def test_a_name_the_tagger_cut_short_is_taken_whole(extract_text):
    ext = extract_text("Twenty homes near Fort St. John were evacuated.")
    assert place(ext, "Fort St. John").country == "CAN"
    ext = extract_text("A fire broke out in the Little Portugal home of the family.")
    assert place(ext, "Little Portugal").country == "CAN"
    assert not [p for p in ext.places if p.text == "Portugal"]


def test_a_country_the_tagger_cut_short_is_taken_whole_and_its_dr_is_no_doctor(extract_text):
    ext = extract_text("Aid workers in DR Congo said the roads to the east were closed.")
    assert place(ext, "DR Congo").country == "COD"
    assert not [p for p in ext.places if p.text == "Congo"]


def test_where_a_person_lives_is_a_place(extract_text):
    """"Jane Doe, 58, of Paris" names her home town, even where the actors stage reads "of Paris" as
    the French government."""
    ext = extract_text("Jane Marie Doe, 58, of Paris died on Friday after a short illness.")
    assert place(ext, "Paris").country is not None


def test_borough_is_a_division_word(extract_text):
    ext = extract_text("Officers from Enfield Borough arrested him after a fight near Edmonton Green.")
    assert place(ext, "Enfield Borough").country == "GBR"


def test_airport_known_by_its_name_is_a_precise_site(extract_text):
    ext = extract_text("Jets took off from Incirlik Air Base in southern Turkey on Monday.")
    incirlik = place(ext, "Incirlik Air Base")
    assert (incirlik.country, incirlik.level) == ("TUR", "site") and near(incirlik, 37.0, 35.43, 10)


def test_one_sense_per_name_in_an_article(extract_text):
    """The tagger labels "Raqqah" a place once and a person elsewhere: a name shown as a place in
    the article ("the city of X", "X, Syria") is a place everywhere in it."""
    ext = extract_text("Forces encircled the city of Raqqah on Monday. The isolation of Raqqah will take weeks.")
    assert [p.country for p in ext.places if p.text == "Raqqah"] == ["SYR", "SYR"]
    assert not [a for a in ext.actors if a.name == "Raqqah"]


def test_to_after_a_verb_of_going_leads_to_a_place(extract_text):
    # spaCy tags "Waukegan" a person here; "fled to" leaves only a place
    ext = extract_text("The Lake County Sheriff's Office said the suspect fled to Waukegan, then into Wisconsin.")
    assert place(ext, "Waukegan").admin1 == "Illinois"


def test_streets_and_numbered_roads_are_places_without_coordinates(extract_text):
    # spaCy calls the ring road and the highway organizations
    ext = extract_text("Police closed Raynor Avenue and the North Circular Road in Enfield after a crash; "
                       "traffic was diverted to Highway 7. The Liberal Road Map was published later.")
    streets = {p.text: p for p in ext.places if p.lat is None}
    assert set(streets) == {"Raynor Avenue", "North Circular Road", "Highway 7"}
    assert not [a for a in ext.actors if a.name in ("North Circular Road", "Highway 7")]


def test_place_spans_match_the_text(extract_text):
    text = "North Korean troops moved to Russia’s Kursk region; NATO met in Brussels and Washington."
    ext = extract_text(text)
    assert ext.places
    for p in ext.places:
        assert text[p.start:p.end] == p.text


@pytest.mark.parametrize(("sentence", "phrase", "country"), [
    ("Kurdish fighters entered Iraqi territory on Monday.", "Iraqi territory", "IRQ"),
    ("The refugees crossed into Turkish territory overnight.", "Turkish territory", "TUR"),
    ("Troops were deployed to a Nigerian province near the border.", "Nigerian province", "NGA"),
    ("Militants seized a Malian region last year.", "Malian region", "MLI"),
    ("Shells landed on Lebanese territory near the border.", "Lebanese territory", "LBN"),
])
def test_a_demonym_and_a_division_word_in_sentences_it_was_not_written_for(extract_text, sentence, phrase, country):
    # places.found.demonym_division: five sentences besides "Russian territory", which it was written for
    p = place(extract_text(sentence), phrase)
    assert (p.country, p.lat, p.rule) == (country, None, "places.found.demonym_division")
