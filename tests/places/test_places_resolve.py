"""Resolution (places.resolve.*): the reading of a name, weighed in the context of the article."""

from __future__ import annotations

from tests.places.helpers import near, place


def test_respelt_name_needs_the_article_country(extract_text):
    """A skeleton match is taken only in a country the article is about: a lowercase word or a
    name in a story about elsewhere does not become a far-away city."""
    ext = extract_text("Tests found no trace of keratin in the samples from the lab.")
    assert not ext.places


def test_region_of_a_country_after_its_possessive(extract_text):
    ext = extract_text("The leaders met in Russia's Far East last year.")
    far_east = place(ext, "Far East")
    assert (far_east.country, far_east.level) == ("RUS", "region")


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


def test_washington_dc_is_the_district(extract_text):
    ext = extract_text("Protesters gathered near the White House in Washington, D.C., on Sunday.")
    dc = place(ext, "D.C.")
    assert (dc.country, dc.level) == ("USA", "admin1") and near(dc, 38.9, -77.04)


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


def test_university_of_a_state_names_the_state(extract_text):
    ext = extract_text("Researchers at the University of Washington said the trial would start in May.")
    assert place(ext, "Washington").level == "admin1"


def test_a_city_is_not_its_airport_named_like_it(extract_text):
    # the gazetteer names some airports like their city ("Kalaburagi", "Ganzhou"): the text names the city
    for city in ("Kalaburagi", "Ganzhou"):
        p = place(extract_text(f"Heavy rain flooded {city} on Monday."), city)
        assert p is not None and p.level == "city", (city, p)
    # named in full, the airport: "Incirlik Air Base", "Heathrow Airport"
    assert place(extract_text("Flights left Heathrow Airport on Monday."), "Heathrow Airport").level == "site"
