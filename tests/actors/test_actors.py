"""The actors stage: persons with roles and affiliations, states, organizations, groups, helpers."""

from __future__ import annotations

from newsgraph.model import Actor, Extraction
from newsgraph.nlp.actors.component import actor_at
from newsgraph.nlp.actors.lexicon import actor_code


def by_name(ext: Extraction, name: str) -> Actor:
    found = [a for a in ext.actors if a.name == name]
    assert found, f"{name!r} not among {[a.name for a in ext.actors]}"
    return found[0]


def mention_texts(actor: Actor) -> list[str]:
    return [m.text for m in actor.mentions]


# ------------------------------------------------------------------------------------------------
# persons
# ------------------------------------------------------------------------------------------------


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


def test_surname_joins_the_full_name(extract_text):
    ext = extract_text("NATO chief Mark Rutte spoke in Brussels. Rutte’s comments follow weeks of reports. "
                       "In his remarks, Rutte said more was needed.")
    rutte = by_name(ext, "Mark Rutte")
    assert mention_texts(rutte) == ["Mark Rutte", "Rutte", "Rutte"]
    assert len([a for a in ext.actors if a.kind == "person"]) == 1


def test_bare_surname_stays_with_the_first_full_name(extract_text):
    # a relative named later is named in full; the bare surname is still the article's first bearer
    ext = extract_text("Joe Biden visited Ohio on Monday. His son Hunter Biden joined him there. "
                       "Later, Biden criticized the plan.")
    assert mention_texts(by_name(ext, "Joe Biden")) == ["Joe Biden", "Biden"]
    assert mention_texts(by_name(ext, "Hunter Biden")) == ["Hunter Biden"]


def test_place_names_tagged_as_persons_are_not_persons(extract_text):
    ext = extract_text("Near Ar Raqqah, two strikes destroyed a fighting position. Residents of Sanaa fled.")
    assert not [a for a in ext.actors if a.kind == "person"]


# ------------------------------------------------------------------------------------------------
# states, organizations, groups
# ------------------------------------------------------------------------------------------------


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


def test_unknown_organization_takes_country_from_possessive(extract_text):
    ext = extract_text("Ukraine's Ministry of Digital Transformation said it had restored service.")
    org = [a for a in ext.actors if a.kind == "organization"]
    assert org and org[0].affiliation == "UKR"


def test_ids_are_sequential_and_mentions_have_spans(extract_text):
    text = "Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow."
    ext = extract_text(text)
    assert [a.id for a in ext.actors] == [f"A{i}" for i in range(1, len(ext.actors) + 1)]
    for a in ext.actors:
        for m in a.mentions:
            assert text[m.start:m.end] == m.text


# ------------------------------------------------------------------------------------------------
# helpers for later stages
# ------------------------------------------------------------------------------------------------


def test_actor_at_and_actor_code(nlp):
    text = "NATO chief Mark Rutte said North Korean troops were sent to Russia."
    doc = nlp(text)
    start = text.index("Mark Rutte")
    rutte = actor_at(doc, start, start + 4)
    assert rutte is not None and rutte.name == "Mark Rutte"
    assert actor_code(rutte) == "NATO"
    start = text.index("North Korean")
    assert actor_code(actor_at(doc, start, start + len("North Korean"))) == "PRK"
    assert actor_at(doc, text.index("troops"), text.index("troops") + 6) is None
    assert actor_code(None) is None


# ------------------------------------------------------------------------------------------------
# the founding article
# ------------------------------------------------------------------------------------------------


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


def test_apposition_after_a_rank_gives_the_affiliation(extract_text):
    ext = extract_text('Gen. Joseph Votel, commander of U.S. Central Command said, "We have been clear."')
    votel = by_name(ext, "Joseph Votel")
    assert votel.affiliation == "USA"


def test_body_in_a_title_before_an_apposed_name(extract_text):
    ext = extract_text("Foreign Office Minister, Tobias Ellwood, said the attack was horrific.")
    ellwood = by_name(ext, "Tobias Ellwood")
    assert (ellwood.affiliation, ellwood.role) == ("GBR", "Minister")


def test_arabic_article_in_surnames(extract_text):
    ext = extract_text("Prime Minister Haider al-Abadi met the envoy. Abadi said talks went well.")
    assert mention_texts(by_name(ext, "Haider al-Abadi")) == ["Haider al-Abadi", "Abadi"]


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


def test_state_tagged_as_a_person_is_a_state(extract_text):
    ext = extract_text("Sri Lanka said the talks had failed.")
    state = [a for a in ext.actors if a.kind == "state" and a.code == "LKA"]
    assert state and state[0].mentions[0].text == "Sri Lanka"


def test_state_named_after_a_titled_name(extract_text):
    ext = extract_text("President Omar El Bashir of Sudan spoke on Monday.")
    bashir = by_name(ext, "Omar El Bashir")
    assert (bashir.affiliation, bashir.role) == ("SDN", "President")


def test_demonyms_of_small_states(extract_text):
    ext = extract_text("Fijian soldiers and Bahamian officials met on Monday.")
    assert {a.code for a in ext.actors if a.kind == "state"} >= {"FJI", "BHS"}


# ------------------------------------------------------------------------------------------------
# codes for events: stable codes of named actors, more IGOs, plural demonyms
# ------------------------------------------------------------------------------------------------


def test_named_actors_without_a_state_get_a_stable_code(extract_text):
    from newsgraph.nlp.actors.component import stable_code

    ext = extract_text("Askar Tulegenov met leaders of the Azadliq Party in Baku, officials said.")
    person = by_name(ext, "Askar Tulegenov")
    assert person.code == stable_code("person", "Askar Tulegenov") == "PER:ASKAR_TULEGENOV"
    assert actor_code(person) == "PER:ASKAR_TULEGENOV"
    assert not [a for a in ext.actors if a.name.lower() == "officials" and a.code]  # described, not named
    # a person acting for a state keeps that state as the code events use
    ext = extract_text("Russian President Vladimir Putin met Kim Jong Un.")
    putin = by_name(ext, "Vladimir Putin")
    assert (putin.code, actor_code(putin)) == ("PER:VLADIMIR_PUTIN", "RUS")
    assert stable_code("state", "Russia") is None


def test_more_igos_and_plural_demonyms(extract_text):
    ext = extract_text("The European Community and APEC criticised Ghana for deporting 168 Liberians.")
    codes = {a.code for a in ext.actors}
    assert {"EEC", "APEC", "GHA", "LBR"} <= codes


# ------------------------------------------------------------------------------------------------
# issue 5: names the tagger mislabels, bare services and coalitions, context for ambiguous states
# ------------------------------------------------------------------------------------------------


def test_leader_named_for_a_regime_is_a_person(extract_text):
    ext = extract_text("Opposition leaders accused the Maduro regime of fraud on Sunday.")
    maduro = by_name(ext, "Maduro")
    assert maduro.kind == "person" and mention_texts(maduro) == ["Maduro"]
    assert not [a for a in ext.actors if a.kind == "organization" and a.name == "Maduro"]


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


def test_titled_name_swallowed_by_another_entity(extract_text):
    ext = extract_text("Minister for Asia Anne-Marie Trevelyan visited Jakarta on Tuesday.")
    minister = by_name(ext, "Anne-Marie Trevelyan")
    assert (minister.kind, minister.role_text) == ("person", "Minister for Asia")
    assert not [a for a in ext.actors if a.kind == "organization"]


def test_title_alone_refers_to_the_person_given_it(extract_text):
    ext = extract_text("Home Secretary Priti Patel spoke on Monday. Later the Home Secretary said the plan "
                       "would go ahead.")
    patel = by_name(ext, "Priti Patel")
    assert mention_texts(patel) == ["Priti Patel", "Home Secretary"]
    assert [m.form for m in patel.mentions] == ["name", "role"]


def test_name_written_where_a_place_goes_is_not_an_actor(extract_text):
    # "Sinjar" is a town the gazetteer knows; written after "of" and "to free" it is a place everywhere
    ext = extract_text("Kurdish fighters moved to free Sinjar on Friday. Sinjar had been held for a year. "
                       "Residents of Sinjar returned.")
    assert not [a for a in ext.actors if a.name == "Sinjar"]


def test_name_coordinated_with_a_place_is_not_a_person(extract_text):
    ext = extract_text("Flights from Heathrow and Gatwick were cancelled on Monday.")
    assert not [a for a in ext.actors if a.name in ("Heathrow", "Gatwick")]


def test_state_name_as_a_first_name_joins_the_person(extract_text):
    ext = extract_text("Jordan Peterson spoke in Toronto. Jordan said he was tired.")
    assert mention_texts(by_name(ext, "Jordan Peterson")) == ["Jordan Peterson", "Jordan"]
    assert not [a for a in ext.actors if a.code == "JOR"]


def test_acronym_defined_in_brackets_names_the_organization(extract_text):
    ext = extract_text("Donors gave $20 million to the Lake Chad Recovery Fund (LCRF) on Monday. The LCRF will "
                       "fund clinics, and further LCRF grants are planned.")
    funds = [a for a in ext.actors if a.kind == "organization"]
    assert len(funds) == 1 and funds[0].name == "Lake Chad Recovery Fund"
    assert [m.text for m in funds[0].mentions].count("LCRF") == 3


def test_name_tagged_as_an_organization_with_an_apposed_title_is_a_person(extract_text):
    ext = extract_text("Wendell Harrow, the Special Envoy to the region, arrived on Monday.")
    harrow = by_name(ext, "Wendell Harrow")
    assert harrow.kind == "person" and harrow.role_text == "Special Envoy"


def test_body_named_only_by_title_words_is_kept(extract_text):
    ext = extract_text("Iraq's Interior Ministry said the attack had failed. Chinese Foreign Ministry "
                       "spokesman Wang Wenbin spoke.")
    assert by_name(ext, "Interior Ministry").affiliation == "IRQ"
    assert by_name(ext, "Wang Wenbin").affiliation == "CHN"
    ext = extract_text("U.S. Defense Secretary Lloyd Austin spoke.")
    assert not [a for a in ext.actors if a.kind == "organization"]  # "Defense" of the title is no body


def test_regime_named_for_a_people_or_a_shared_title_makes_no_person(extract_text):
    ext = extract_text("Dissidents fled the Soviet regime in 1970. The Military regime held power.")
    assert not [a for a in ext.actors if a.kind == "person"]
    ext = extract_text("Prime Minister Keir Starmer met Prime Minister Narendra Modi. The Prime Minister said "
                       "trade would grow.")
    assert mention_texts(by_name(ext, "Keir Starmer")) == ["Keir Starmer"]  # which one is ambiguous


# ------------------------------------------------------------------------------------------------
# ethnic, religious and linguistic groups (resources/lexicons/peoples.tsv)
# ------------------------------------------------------------------------------------------------


def people(ext: Extraction) -> dict[str, Actor]:
    """The group actors the actors stage found from the peoples lexicon, by code."""
    return {a.code: a for a in ext.actors if a.kind == "group" and a.code and a.code.startswith("GRP:")
            and any(m.form == "demonym" for m in a.mentions)}


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


# ------------------------------------------------------------------------------------------------
# titles written out next to a name
# ------------------------------------------------------------------------------------------------


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


def test_bracket_glued_to_a_name_is_cut_off(extract_text):
    ext = extract_text("Harun Dalawi(Arabic: هارون), also called Abu Sami, is an Iraqi officer. Dalawi was "
                       "promoted in 2010.")
    dalawi = by_name(ext, "Harun Dalawi")
    assert mention_texts(dalawi) == ["Harun Dalawi", "Dalawi"]


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


def test_a_first_name_that_is_a_country_stays_the_person(extract_text):
    ext = extract_text("Eleven-year-old Jordan Mills won the regional spelling bee. Jordan studied every night, "
                       "and to Jordan's surprise the final word was easy. Her family moved here from Jordan in 2019.")
    jordan = by_name(ext, "Jordan Mills")
    assert mention_texts(jordan) == ["Jordan Mills", "Jordan", "Jordan"]
    assert [p.text for p in ext.places] == ["Jordan"]  # only "from Jordan" is the country


def test_more_armed_groups_are_known(extract_text):
    ext = extract_text("Peshmerga fighters and the Nusra Front clashed near Mosul, and ISIS-K claimed the attack.")
    assert {a.code for a in ext.actors if a.kind == "group"} == {"PESHMERGA", "NUSRA", "ISKP"}
