"""Step 1, lexicon names: states, demonyms, capitals and seats, IGOs, bodies, services, groups and peoples
(newsgraph/nlp/actors/lexical.py, senses.py)."""

from __future__ import annotations

from newsgraph.nlp.actors.lexicon import actor_code
from tests.actors.common import by_name, mention_texts, people


def test_state_names_short_forms_and_demonyms(extract_text):
    ext = extract_text("The United States said North Korean troops used U.S.-provided maps, and the U.S. "
                       "and North Korea traded threats.")
    usa, prk = by_name(ext, "United States"), by_name(ext, "North Korea")
    assert (usa.kind, usa.code) == ("state", "USA")
    assert "U.S." in mention_texts(usa) and mention_texts(usa).count("U.S.") == 2  # one inside "U.S.-provided"
    assert (prk.code, sorted(set(mention_texts(prk)))) == ("PRK", ["North Korea", "North Korean"])
    forms = {m.text: m.form for m in prk.mentions}
    assert forms["North Korean"] == "demonym"


def test_capital_as_government_is_a_state_mention(extract_text):
    ext = extract_text("Moscow and Pyongyang have worked to expand their military ties. The Kremlin said "
                       "nothing.")
    rus, prk = by_name(ext, "Russia"), by_name(ext, "North Korea")
    assert mention_texts(rus) == ["Moscow", "Kremlin"]
    assert mention_texts(prk) == ["Pyongyang"]


def test_capital_as_location_is_not_an_actor(extract_text):
    ext = extract_text("The delegation arrived in Moscow on Monday and later flew from Moscow to Minsk.")
    assert not [a for a in ext.actors if a.code == "RUS"]


def test_igo_group_and_national_body(extract_text):
    ext = extract_text("Hamas fighters attacked, the UN said, citing South Korea's National Intelligence "
                       "Service and the Taliban.")
    hamas, un = by_name(ext, "Hamas"), by_name(ext, "United Nations")
    assert (hamas.kind, hamas.code) == ("group", "HAMAS")
    assert (un.kind, un.code) == ("organization", "UN")
    nis = by_name(ext, "National Intelligence Service")
    assert nis.affiliation == "KOR"
    assert by_name(ext, "Taliban").kind == "group"


def test_seat_building_acts_but_is_a_place_when_located(extract_text):
    ext = extract_text("The White House said it would respond. Protesters gathered outside the White House.")
    usa = by_name(ext, "United States")
    assert mention_texts(usa) == ["White House"]  # only the first, acting one
    assert not [a for a in ext.actors if a.kind == "organization"]
    site = [p for p in ext.places if p.text == "White House"]
    assert len(site) == 1 and site[0].level == "site" and site[0].country == "USA"


def test_capital_that_is_a_surname_is_the_person(extract_text):
    ext = extract_text("Sudesh Amman was shot by police. Amman, who was described as dangerous, had served "
                       "half his sentence.")
    assert mention_texts(by_name(ext, "Sudesh Amman")) == ["Sudesh Amman", "Amman"]
    assert not [a for a in ext.actors if a.code == "JOR"]


def test_state_tagged_as_a_person_is_a_state(extract_text):
    ext = extract_text("Sri Lanka said the talks had failed.")
    state = [a for a in ext.actors if a.kind == "state" and a.code == "LKA"]
    assert state and state[0].mentions[0].text == "Sri Lanka"


def test_demonyms_of_small_states(extract_text):
    ext = extract_text("Fijian soldiers and Bahamian officials met on Monday.")
    assert {a.code for a in ext.actors if a.kind == "state"} >= {"FJI", "BHS"}


def test_more_igos_and_plural_demonyms(extract_text):
    ext = extract_text("The European Community and APEC criticised Ghana for deporting 168 Liberians.")
    codes = {a.code for a in ext.actors}
    assert {"EEC", "APEC", "GHA", "LBR"} <= codes


def test_bare_services_take_the_country_written_before_them(extract_text):
    ext = extract_text("The Nigerian Army and the Navy launched a joint operation, the Army said.")
    army = by_name(ext, "Nigerian Army")
    assert (army.kind, army.country, mention_texts(army)) == ("organization", "NGA", ["Army"])
    navy = by_name(ext, "Navy")
    assert navy.kind == "organization" and navy.country is None
    assert by_name(ext, "Nigeria").mentions[0].form == "demonym"


def test_coalition_joins_the_named_coalition_and_daesh_spellings(extract_text):
    ext = extract_text("Ministers of the Global Coalition Against Daesh met in Rome. The Coalition said "
                       "Da’esh and DAESH had lost ground.")
    coalition = by_name(ext, "Global Coalition against Daesh")
    assert coalition.code == "GCDI" and mention_texts(coalition) == ["Global Coalition Against Daesh", "Coalition"]
    assert mention_texts(by_name(ext, "Islamic State")) == ["Da’esh", "DAESH"]


def test_country_name_that_is_a_us_state_in_a_us_story(extract_text):
    ext = extract_text("Senator Raphael Warnock of Georgia said the United States Senate would vote. "
                       "Georgia voters went to the polls in Atlanta.")
    assert not [a for a in ext.actors if a.code == "GEO"]
    assert {p.country for p in ext.places if p.text == "Georgia"} == {"USA"}
    ext = extract_text("Georgia and Russia fought a war in 2008, and the United States sent aid.")
    assert [a for a in ext.actors if a.code == "GEO"]


def test_state_name_as_a_first_name_joins_the_person(extract_text):
    ext = extract_text("Jordan Peterson spoke in Toronto. Jordan said he was tired.")
    assert mention_texts(by_name(ext, "Jordan Peterson")) == ["Jordan Peterson", "Jordan"]
    assert not [a for a in ext.actors if a.code == "JOR"]


def test_peoples_are_group_actors_by_noun_and_adjective(extract_text):
    ext = extract_text("Pashtun elders met Hazara leaders in Kabul while the Uyghurs in exile protested and "
                       "Druze villagers stayed home.")
    found = people(ext)
    assert set(found) >= {"GRP:PASHTUN", "GRP:HAZARA", "GRP:UIGHUR", "GRP:DRUZE"}
    assert found["GRP:PASHTUN"].country is None  # on both sides of a border: no single state
    assert found["GRP:HAZARA"].country == "AFG" and found["GRP:UIGHUR"].country == "CHN"
    assert mention_texts(found["GRP:UIGHUR"]) == ["Uyghurs"]
    assert not [a for a in ext.actors if a.kind == "state" and a.code in ("PAK", "IRQ")]


def test_religions_are_groups_never_states(extract_text):
    ext = extract_text("Sunni tribes and Shiite militias clashed, and Christian and Muslim clerics called for "
                       "calm.")
    found = people(ext)
    assert set(found) >= {"GRP:SUNNI", "GRP:SHIA", "GRP:CHRISTIAN", "GRP:MUSLIM"}
    assert all(a.kind == "group" and a.country is None for a in found.values())
    assert not [a for a in ext.actors if a.kind == "state"]


def test_a_language_is_not_an_actor_but_its_speakers_are(extract_text):
    ext = extract_text("The leaflets were printed in Kurdish and in Arabic for the Arabic-speaking towns.")
    found = people(ext)
    assert list(found) == ["GRP:ARAB"]
    assert mention_texts(found["GRP:ARAB"]) == ["Arabic-speaking"]
    assert not [a for a in ext.actors if a.kind == "state"]


def test_people_word_inside_a_name_is_not_the_people(extract_text):
    ext = extract_text("Christian Lindner met officers of the Syrian Arab Army on Monday.")
    assert not people(ext)
    assert by_name(ext, "Christian Lindner").kind == "person"
    ext = extract_text("Rukhsana Baloch was threatened in Quetta. Baloch said she would not leave.")
    assert "GRP:BALOCH" not in people(ext)
    ext = extract_text("Several ex-Muslims and non-Hindus signed the letter.")
    assert not people(ext)


def test_demonym_opening_a_person_entity_is_a_state_mention(extract_text):
    ext = extract_text("Syrian Ahmad Hassan was killed in the strike.")
    assert by_name(ext, "Ahmad Hassan").kind == "person"
    assert [a.code for a in ext.actors if a.kind == "state"] == ["SYR"]


def test_people_of_a_named_state_act_for_that_state(extract_text):
    ext = extract_text("Thousands of Iraqi Kurds marched in Erbil, and the Kurds of Syria held a vigil.")
    iraqi_kurds = by_name(ext, "Iraqi Kurds")
    assert (iraqi_kurds.kind, iraqi_kurds.code, iraqi_kurds.country) == ("group", None, "IRQ")
    assert actor_code(iraqi_kurds) == "IRQ"  # PLOVER codes a state's people by the state
    assert mention_texts(iraqi_kurds) == ["Kurds"]
    assert mention_texts(people(ext)["GRP:KURD"]) == ["Kurds"]  # the people as a whole stays apart


def test_a_person_entity_made_only_of_demonyms_names_no_one(extract_text):
    ext = extract_text("Bosnian Serbs said on Tuesday that the talks had failed.")
    assert not [a for a in ext.actors if a.kind == "person" and a.code and a.code.startswith("PER:")]
    assert {a.code for a in ext.actors if a.kind == "state"} >= {"BIH"}


def test_a_first_name_that_is_a_country_stays_the_person(extract_text):
    ext = extract_text("Eleven-year-old Jordan Mills won the regional spelling bee. Jordan studied every night, "
                       "and to Jordan's surprise the final word was easy. Her family moved here from Jordan in 2019.")
    jordan = by_name(ext, "Jordan Mills")
    assert mention_texts(jordan) == ["Jordan Mills", "Jordan", "Jordan"]
    assert [p.text for p in ext.places] == ["Jordan"]  # only "from Jordan" is the country


def test_more_armed_groups_are_known(extract_text):
    ext = extract_text("Peshmerga fighters and the Nusra Front clashed near Mosul, and ISIS-K claimed the attack.")
    assert {a.code for a in ext.actors if a.kind == "group"} == {"PESHMERGA", "NUSRA", "ISKP"}
