"""The places stage and the gazetteer: recognition, resolution by context, seed and TR-News floors."""

from __future__ import annotations

import pytest

from newsgraph.model import Extraction, Place
from newsgraph.nlp.places import gazetteer


def place(ext: Extraction, text: str, n: int = 1) -> Place:
    found = [p for p in ext.places if p.text == text]
    assert len(found) >= n, f"{text!r} not among {[p.text for p in ext.places]}"
    return found[n - 1]


def near(p: Place, lat: float, lon: float, km: float = 60) -> bool:
    return p.lat is not None and p.lon is not None and gazetteer.distance_km(p.lat, p.lon, lat, lon) <= km


# ------------------------------------------------------------------------------------------------
# recognition
# ------------------------------------------------------------------------------------------------


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


def test_demonyms_are_not_places(extract_text):
    ext = extract_text("Russian forces and Ukrainian drones clashed overnight.")
    assert not [p for p in ext.places if p.text in ("Russian", "Ukrainian")]


def test_a_body_the_lexicons_list_is_no_place_even_after_a_locative(extract_text):
    # Nato (Philippines), Un (India) and Who are towns, but a listed body's name never reads as them
    ext = extract_text("Ministers met at NATO headquarters in Brussels. The UN said aid reached Gaza. "
                       "Talks at WHO offices in Geneva ended. NATO chief Mark Rutte spoke later.")
    assert [p.text for p in ext.places] == ["Brussels", "Gaza", "Geneva"]


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


def test_a_capitalised_division_word_after_a_demonym_is_a_name(extract_text):
    ext = extract_text("Settlers moved into Indian Territory in the 1830s.")
    assert all(p.country != "IND" for p in ext.places)


def test_country_is_a_place_even_as_an_actor(extract_text):
    ext = extract_text("Putin first visited North Korea to hold talks with its leader.")
    assert place(ext, "North Korea").country == "PRK"


def test_capital_as_government_is_a_place_that_stands_for_it(extract_text):
    # geoparsing corpora count "Moscow" in "Moscow said" as a toponym; the place says whom it stands for
    ext = extract_text("Moscow and Pyongyang have worked to expand their military ties.")
    assert [(p.text, p.stands_for) for p in ext.places] == [("Moscow", "RUS"), ("Pyongyang", "PRK")]
    assert {a.code for a in ext.actors if a.kind == "state"} >= {"RUS", "PRK"}


def test_government_building_is_not_a_place(extract_text):
    ext = extract_text("The Kremlin said the talks had failed.")
    assert not [p for p in ext.places if "Kremlin" in p.text]


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


def test_transliteration_variants_share_a_skeleton():
    assert gazetteer.skeleton("Dayr Az Zayr") == gazetteer.skeleton("Deir ez-Zor")
    assert gazetteer.skeleton("Ayn Isa") == gazetteer.skeleton("Ain Issa")
    assert gazetteer.skeleton("Karabilah") != gazetteer.skeleton("Karbala")
    assert gazetteer.skeleton("Kyiv") == ""  # too short to tell apart


def test_respelt_name_needs_the_article_country(extract_text):
    """A skeleton match is taken only in a country the article is about: a lowercase word or a
    name in a story about elsewhere does not become a far-away city."""
    ext = extract_text("Tests found no trace of keratin in the samples from the lab.")
    assert not ext.places


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


def test_a_word_inside_a_body_s_name_is_no_place(extract_text):
    """"Valley" of "Thames Valley Police" is not The Valley, Anguilla; "Canada" of "Environment Canada"
    stays a place."""
    assert not extract_text("A man was arrested by Thames Valley Police on suspicion of murder.").places
    assert place(extract_text("Environment Canada issued a warning."), "Canada").country == "CAN"


def test_a_medium_named_like_a_province_is_no_place(extract_text):
    ext = extract_text("The state-owned news agency Fars reported that Iran had issued warrants.")
    assert not [p for p in ext.places if p.text == "Fars"]
    assert place(ext, "Iran").country == "IRN"


def test_where_a_person_lives_is_a_place(extract_text):
    """"Jane Doe, 58, of Paris" names her home town, even where the actors stage reads "of Paris" as
    the French government."""
    ext = extract_text("Jane Marie Doe, 58, of Paris died on Friday after a short illness.")
    assert place(ext, "Paris").country is not None


def test_borough_is_a_division_word(extract_text):
    ext = extract_text("Officers from Enfield Borough arrested him after a fight near Edmonton Green.")
    assert place(ext, "Enfield Borough").country == "GBR"


def test_region_of_a_country_after_its_possessive(extract_text):
    ext = extract_text("The leaders met in Russia's Far East last year.")
    far_east = place(ext, "Far East")
    assert (far_east.country, far_east.level) == ("RUS", "region")


def test_airport_known_by_its_name_is_a_precise_site(extract_text):
    ext = extract_text("Jets took off from Incirlik Air Base in southern Turkey on Monday.")
    incirlik = place(ext, "Incirlik Air Base")
    assert (incirlik.country, incirlik.level) == ("TUR", "site") and near(incirlik, 37.0, 35.43, 10)


def test_airport_core_name_is_not_taken_from_generic_words():
    gaz = gazetteer.load()
    assert not [e for e in gaz.lookup("State") if e.level == "site"]
    assert [e.country for e in gaz.lookup("Gatwick") if e.level == "site"] == ["GBR"]


def test_division_placed_at_its_largest_city_is_moved_to_its_middle():
    """A source gives New York State the point of New York City; the index places the state at the
    mean point of its towns, in the middle of the state, not on the coast."""
    state = next(e for e in gazetteer.load().lookup("New York") if e.level == "admin1")
    assert state.lat is not None and state.lon is not None
    assert gazetteer.distance_km(state.lat, state.lon, 40.71, -74.0) > 150


# ------------------------------------------------------------------------------------------------
# resolution
# ------------------------------------------------------------------------------------------------


def test_nearby_local_places_decide_between_namesakes(extract_text):
    """"Kitchener" next to "Waterloo" makes it Waterloo, Ontario, not the Belgian or the Iowan one."""
    ext = extract_text("Crews from Kitchener and Waterloo fought the fire.")
    waterloo = place(ext, "Waterloo")
    assert waterloo.country == "CAN" and near(waterloo, 43.47, -80.52)


def test_washington_with_us_context_is_the_capital(extract_text):
    ext = extract_text("Pentagon officials will meet their South Korean counterparts in Washington.")
    washington = place(ext, "Washington")
    assert washington.country == "USA" and near(washington, 38.9, -77.04)
    assert washington.level == "city"


def test_georgia_next_to_tbilisi_is_the_country(extract_text):
    ext = extract_text("Protesters gathered in Tbilisi as Georgia's parliament voted on the law.")
    assert place(ext, "Georgia").country == "GEO"
    assert place(ext, "Tbilisi").country == "GEO"


def test_georgia_in_a_us_story_is_the_state(extract_text):
    """The actors stage may read "Georgia" as the country; that reading of the name is no evidence
    for itself, and the US story around it makes it the state."""
    ext = extract_text("United States President Donald Trump faced an inquiry. Republican committee member "
                       "Doug Collins of Georgia said on Twitter that the House had not voted.")
    georgia = place(ext, "Georgia")
    assert (georgia.country, georgia.level) == ("USA", "admin1")


def test_namesakes_lying_side_by_side_pick_each_other(extract_text):
    """"Edmonton" and "Enfield" each have readings in several countries; only the two London ones lie a
    few km apart, which is no coincidence."""
    ext = extract_text("Residents of Edmonton packed the meeting on Tuesday, and Enfield Council promised "
                       "new bins for the street.")
    assert place(ext, "Edmonton").country == "GBR" and near(place(ext, "Edmonton"), 51.62, -0.06, 20)
    assert place(ext, "Enfield").country == "GBR"


def test_a_division_is_no_neighbour_of_its_own_name(extract_text):
    """"Karak" (a town in Pakistan too) must not pull "Karak district" to Pakistan: the same name."""
    ext = extract_text("Gunmen attacked a patrol in Karak. Police came under fire in the Karak district, "
                       "Jordan's security directorate said.")
    assert place(ext, "Karak district").country == "JOR"


def test_unknown_place_takes_the_country_of_its_container(extract_text):
    ext = extract_text("Shelling hit Xqzabad in Idlib province overnight.")
    village = place(ext, "Xqzabad")
    assert village.country == "SYR" and village.lat is None and village.level is None


def test_unknown_place_listed_with_a_known_one_shares_its_country(extract_text):
    ext = extract_text("The storm flooded the towns of Qwertyville and Townsville.")
    assert place(ext, "Townsville").country == "AUS"
    assert place(ext, "Qwertyville").country == "AUS" and place(ext, "Qwertyville").lat is None


def test_unknown_place_in_a_story_about_one_country(extract_text):
    ext = extract_text("Kenya's police said the raid in Xqzabad was over. Kenya will send more officers, "
                       "the minister said.")
    assert place(ext, "Xqzabad").country == "KEN" and place(ext, "Xqzabad").lat is None


def test_a_respelt_name_gives_the_article_no_country(extract_text):
    """A name found only under another spelling needs the story's countries; it must not supply one
    itself ("Ingham" is no spelling of Yeongam, South Korea, in an Australian story)."""
    ext = extract_text("The storm flooded the towns of Ingham and Townsville.")
    assert place(ext, "Ingham").country != "KOR"


def test_a_small_town_listed_with_a_place_in_its_division(extract_text):
    """Ingham (Queensland, under 5,000 people) is outside the main index; listed with Townsville it is
    found among the small towns of Townsville's state."""
    ext = extract_text("The convoy was last seen heading north to Ingham or Townsville on Sunday.")
    assert place(ext, "Ingham").country == "AUS" and near(place(ext, "Ingham"), -18.65, 146.16, 20)


def test_the_city_of_a_name_is_the_town_not_the_division(extract_text):
    ext = extract_text("He was flown from the city of Omsk to a clinic abroad. Doctors in Omsk said he was "
                       "stable, and the Omsk region governor agreed.")
    assert (place(ext, "Omsk").country, place(ext, "Omsk").level) == ("RUS", "city")
    assert place(ext, "Omsk", 2).level == "city"  # the same name later in the article
    assert place(ext, "Omsk region").level == "admin1"


def test_a_respelt_small_town_in_the_division_named_next_to_it(extract_text):
    """"Qatraneh" is a spelling of Al Qatranah (7,000 people) the index lacks: taken because the text
    names its governorate right there; "a town of Jordan's ..." leaves Jordan the country."""
    ext = extract_text("Two people were hurt on Monday near Qatraneh, a town of Jordan's Karak governorate.")
    town = place(ext, "Qatraneh")
    assert town.country == "JOR" and near(town, 31.25, 36.05, 20)
    assert (place(ext, "Jordan").country, place(ext, "Jordan").level) == ("JOR", "country")
    ext = extract_text("Two people were hurt on Monday near Qatraneh, officials said.")
    assert place(ext, "Qatraneh").lat is None  # no division named: a loose spelling of a village is no match


def test_name_pinned_by_the_following_state(extract_text):
    ext = extract_text("Jeffrey Haskins, of Paris, Texas, died on Friday.")
    paris = place(ext, "Paris")
    assert paris.country == "USA" and near(paris, 33.66, -95.56)


def test_region_without_country(extract_text):
    ext = extract_text("Tensions rose across the Middle East after the strike.")
    me = place(ext, "Middle East")
    assert me.country is None and me.level == "region" and me.lat is not None


def test_unresolvable_place_has_no_coordinates(extract_text):
    ext = extract_text("Fighting was reported in Xqzabad, a village in northern Iraq.")
    for p in ext.places:
        if p.country is None and p.level is None:
            assert p.lat is None and p.lon is None and p.geonameid is None
    assert place(ext, "Iraq").country == "IRQ"


def test_place_spans_match_the_text(extract_text):
    text = "North Korean troops moved to Russia’s Kursk region; NATO met in Brussels and Washington."
    ext = extract_text(text)
    assert ext.places
    for p in ext.places:
        assert text[p.start:p.end] == p.text


# ------------------------------------------------------------------------------------------------
# the gazetteer
# ------------------------------------------------------------------------------------------------


def test_country_point_is_the_published_centre_where_there_is_one():
    """The United States at the geographic centre of the contiguous states (near Lebanon, Kansas),
    not a rounded atlas point; still level "country", a point standing for the whole country."""
    us = gazetteer.load().country("USA")
    assert us is not None and us.lat is not None and us.lon is not None and us.level == "country"
    assert gazetteer.distance_km(us.lat, us.lon, 39.83, -98.58) < 5


def test_gazetteer_lookup_and_load_figures():
    gaz = gazetteer.load()
    kursk = [e for e in gaz.lookup("Kursk") if e.level == "admin1"]
    assert kursk and kursk[0].country == "RUS"
    assert gaz.country("UKR") is not None and gaz.country("UKR").lat is not None
    stats = gazetteer.load_stats()
    assert stats["entries"] > 50_000 and stats["names"] > 100_000
    # a fresh process reads the cached index (how fast is measured by bench/throughput.py, not asserted here)
    rows, index, *_ = gazetteer.read_cache(gazetteer.cache_path())
    assert len(rows) == stats["entries"] and len(index) == stats["names"]


# ------------------------------------------------------------------------------------------------
# floors
# ------------------------------------------------------------------------------------------------


def test_county_is_a_second_level_division(extract_text):
    ext = extract_text("Police in Laurel County, Kentucky, arrested two men on Monday.")
    laurel = place(ext, "Laurel County")
    assert (laurel.country, laurel.level, laurel.admin1) == ("USA", "admin2", "Kentucky")
    assert near(laurel, 37.1, -84.1, 60)


def test_a_pinned_name_keeps_its_reading_through_the_article(extract_text):
    ext = extract_text("PARIS, Texas (AP) — A fire destroyed a church. Paris police said nobody was hurt.")
    assert [p.country for p in ext.places if p.text in ("PARIS", "Paris")] == ["USA", "USA"]
    assert near(place(ext, "Paris"), 33.66, -95.56)


def test_a_town_in_the_division_the_story_names(extract_text):
    ext = extract_text("Flooding hit Iowa on Monday. In Waterloo, crews worked through the night.")
    waterloo = place(ext, "Waterloo")
    assert (waterloo.country, waterloo.admin1) == ("USA", "Iowa")


def test_small_town_in_the_division_named_nearby(extract_text):
    """Edmonton, Kentucky (1,500 people) is not in the main index; the Kentucky story finds it."""
    ext = extract_text("COLUMBIA, Ky. (WBKO) - Kentucky State Police say William Goble, 26, of Edmonton, "
                       "was arrested Thursday.")
    edmonton = place(ext, "Edmonton")
    assert (edmonton.country, edmonton.admin1) == ("USA", "Kentucky")
    assert near(edmonton, 36.98, -85.61)


def test_big_city_without_a_division_nearby(extract_text):
    ext = extract_text("The mayor of Edmonton said the oil price hurt the province.")
    assert place(ext, "Edmonton").country == "CAN"


def test_a_named_division_is_not_its_namesake_town(extract_text):
    ext = extract_text("Storms moved from Ohio into Wyoming and Montana on Tuesday.")
    assert place(ext, "Wyoming").level == "admin1"


def test_division_word_keeps_the_first_level_reading(extract_text):
    ext = extract_text("The ruins lie in the Karak district of Jordan.")
    karak = place(ext, "Karak district")
    assert (karak.country, karak.level) == ("JOR", "admin1")


def test_county_names_alone_are_not_taken_from_other_labels(extract_text):
    ext = extract_text("They sell their Angus cattle to customers. The BA cabin crew went on strike.")
    assert not [p for p in ext.places if p.text in ("Angus", "BA")]


def test_one_sense_per_name_in_an_article(extract_text):
    """The tagger labels "Raqqah" a place once and a person elsewhere: a name shown as a place in
    the article ("the city of X", "X, Syria") is a place everywhere in it."""
    ext = extract_text("Forces encircled the city of Raqqah on Monday. The isolation of Raqqah will take weeks.")
    assert [p.country for p in ext.places if p.text == "Raqqah"] == ["SYR", "SYR"]
    assert not [a for a in ext.actors if a.name == "Raqqah"]


def test_news_agency_named_like_a_town_is_not_a_place(extract_text):
    ext = extract_text("Xinhua reported that ten people died in Sichuan, Xinhua said.")
    assert not [p for p in ext.places if p.text == "Xinhua"]
    assert [a.affiliation for a in ext.actors if a.name == "Xinhua"] == ["CHN"]


def test_the_gazetteer_cache_key_covers_every_lexicon_it_reads() -> None:
    """A lexicon read by the build but missing from the cache key would leave a stale index in use."""
    import re
    from pathlib import Path

    from newsgraph.nlp.places import gazetteer

    source = Path(gazetteer.__file__).read_text(encoding="utf-8")
    read = set(re.findall(r'lexicon\.rows\("([^"]+)"\)', source))
    assert read and read <= set(gazetteer.GAZETTEER_LEXICONS)
    assert re.fullmatch(r"[0-9a-f]{12}", gazetteer.build_key())
    assert gazetteer.build_key() in gazetteer.cache_path().name


# ------------------------------------------------------------------------------------------------
# divisions read from where a name stands
# ------------------------------------------------------------------------------------------------
def test_name_after_a_town_in_it_is_the_division(extract_text):
    # the article is about the country Georgia too, but "Atlanta, Georgia" is the state
    ext = extract_text("The Georgian envoy flew from Tbilisi to a summit held in Atlanta, Georgia, last spring.")
    georgia = place(ext, "Georgia")
    assert (georgia.country, georgia.level) == ("USA", "admin1")


def test_city_and_state_of_the_same_name_after_a_town(extract_text):
    ext = extract_text("She grew up in Buffalo, New York, and now teaches in Ohio.")
    assert place(ext, "New York").level == "admin1"


def test_name_before_a_governors_title_is_the_division(extract_text):
    ext = extract_text("Washington Gov. Jay Inslee signed the bill on Friday.")
    washington = place(ext, "Washington")
    assert (washington.country, washington.level) == ("USA", "admin1") and near(washington, 47.3, -120.3, 300)


def test_a_datelines_division_places_small_towns_far_below_it(extract_text):
    filler = " ".join(["Deputies said the investigation is continuing and asked witnesses to call them."] * 8)
    ext = extract_text(f"CEDAR RAPIDS, Iowa (KCRG) -- A barn fire hurt two people on Monday. {filler} "
                       "One of the injured, a farmer from Sheffield, was treated and released.")
    sheffield = place(ext, "Sheffield")
    assert (sheffield.country, sheffield.admin1) == ("USA", "Iowa")


def test_short_form_of_a_town_with_a_qualifier(extract_text):
    # the story is about the UK, where a small Newcastle also lies; the big one is still meant
    ext = extract_text("Researchers in Newcastle said the UK trial would start next year, the British regulator said.")
    assert near(place(ext, "Newcastle"), 54.97, -1.61)


def test_to_after_a_verb_of_going_leads_to_a_place(extract_text):
    # spaCy tags "Waukegan" a person here; "fled to" leaves only a place
    ext = extract_text("The Lake County Sheriff's Office said the suspect fled to Waukegan, then into Wisconsin.")
    assert place(ext, "Waukegan").admin1 == "Illinois"


def test_heavenly_bodies_words_of_faith_and_feasts_are_no_places(extract_text):
    ext = extract_text("The probe passed Jupiter and will reach Earth by Easter, believers thanked God, "
                       "and retirees in Jupiter, Fla., watched the launch.")
    assert [(p.text, p.admin1) for p in ext.places if p.text in ("Jupiter", "Earth", "Easter", "God")] == [
        ("Jupiter", "Florida")]


def test_a_lone_direction_word_is_no_place(extract_text):
    ext = extract_text("Western diplomats met in the Western Province capital, and the Western press stayed away.")
    assert [p.text for p in ext.places] == ["Western Province"]


def test_washington_dc_is_the_district(extract_text):
    ext = extract_text("Protesters gathered near the White House in Washington, D.C., on Sunday.")
    dc = place(ext, "D.C.")
    assert (dc.country, dc.level) == ("USA", "admin1") and near(dc, 38.9, -77.04)


def test_a_name_the_index_lacks_is_a_place_only_where_written_as_one(extract_text):
    # spaCy calls the shop a place twice; nothing around it says so
    ext = extract_text("Shoppers turned to Zappos this year, and a European clone of Zappos is growing fast, Reuters "
                       "reported.")
    assert ext.places == []
    ext = extract_text("Residents of Abbasiya fled east as shelling hit the Cairo suburb on Friday.")
    abbasiya = place(ext, "Abbasiya")
    assert abbasiya.lat is None and abbasiya.geonameid is None


def test_to_that_only_owns_the_next_noun_is_no_locative(extract_text):
    ext = extract_text("Supporters have come to Rittenhouse's defense. Kyle Rittenhouse, 17, denies the charges.")
    assert ext.places == []


def test_a_name_put_inside_a_place_is_not_sent_abroad(extract_text):
    # the index knows Haram only in Norway; "Giza's" puts this one in Egypt
    ext = extract_text("Two bombs killed six police officers in Giza's Haram district, near the pyramids.")
    haram = place(ext, "Haram district")
    assert (haram.country, haram.lat) == ("EGY", None)


def test_a_list_of_states_pins_nothing(extract_text):
    ext = extract_text("The talks, which Russia, Turkey and Iran back, resume on Monday.")
    assert [(p.text, p.country) for p in ext.places] == [("Russia", "RUS"), ("Turkey", "TUR"), ("Iran", "IRN")]
    assert all(p.lat is not None for p in ext.places)


def test_an_unknown_town_then_a_division_ends_the_phrase(extract_text):
    ext = extract_text("The retired teacher lives in Smithville, Ontario.")
    ontario = place(ext, "Ontario")
    assert (ontario.country, ontario.level) == ("CAN", "admin1")
    assert place(ext, "Smithville").country == "CAN"


def test_generic_words_alone_are_no_place(extract_text):
    ext = extract_text("A former City Councillor said the State would pay for the Americas tour.")
    assert [(p.text, p.level) for p in ext.places] == [("Americas", "region")]


def test_streets_and_numbered_roads_are_places_without_coordinates(extract_text):
    # spaCy calls the ring road and the highway organizations
    ext = extract_text("Police closed Raynor Avenue and the North Circular Road in Enfield after a crash; "
                       "traffic was diverted to Highway 7. The Liberal Road Map was published later.")
    streets = {p.text: p for p in ext.places if p.lat is None}
    assert set(streets) == {"Raynor Avenue", "North Circular Road", "Highway 7"}
    assert not [a for a in ext.actors if a.name in ("North Circular Road", "Highway 7")]


def test_university_of_a_state_names_the_state(extract_text):
    ext = extract_text("Researchers at the University of Washington said the trial would start in May.")
    assert place(ext, "Washington").level == "admin1"
