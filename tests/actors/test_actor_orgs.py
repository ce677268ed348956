"""Step 3, organizations spaCy finds that the lexicons do not know, and acronyms (newsgraph/nlp/actors/orgs.py,
repair.acronym_mentions)."""

from __future__ import annotations

from tests.actors.common import by_name


def test_unknown_organization_takes_country_from_possessive(extract_text):
    ext = extract_text("Ukraine's Ministry of Digital Transformation said it had restored service.")
    org = [a for a in ext.actors if a.kind == "organization"]
    assert org and org[0].affiliation == "UKR"


def test_acronym_defined_in_brackets_names_the_organization(extract_text):
    ext = extract_text("Donors gave $20 million to the Lake Chad Recovery Fund (LCRF) on Monday. The LCRF will "
                       "fund clinics, and further LCRF grants are planned.")
    funds = [a for a in ext.actors if a.kind == "organization"]
    assert len(funds) == 1 and funds[0].name == "Lake Chad Recovery Fund"
    assert [m.text for m in funds[0].mentions].count("LCRF") == 3


def test_a_bracket_the_tagger_took_into_a_name_is_its_acronym(extract_text):
    ext = extract_text("By the count of the WHO Regional Office for Africa (AFRO), 15 countries have reported cases.")
    office = by_name(ext, "WHO Regional Office for Africa")
    assert office is not None and "AFRO" in [m.text for m in office.mentions]


def test_body_named_only_by_title_words_is_kept(extract_text):
    ext = extract_text("Iraq's Interior Ministry said the attack had failed. Chinese Foreign Ministry "
                       "spokesman Wang Wenbin spoke.")
    assert by_name(ext, "Interior Ministry").affiliation == "IRQ"
    assert by_name(ext, "Wang Wenbin").affiliation == "CHN"
    ext = extract_text("U.S. Defense Secretary Lloyd Austin spoke.")
    assert not [a for a in ext.actors if a.kind == "organization"]  # "Defense" of the title is no body


def test_an_acronym_the_lexicon_knows_gives_the_full_name_its_identity(extract_text):
    ext = extract_text("Ukraine's Main Directorate of Intelligence, known as HUR, said 18 soldiers deserted. "
                       "Budanov, who heads the Main Directorate of Intelligence (HUR), said more would follow.")
    bodies = [a for a in ext.actors if a.kind == "organization"]
    assert len(bodies) == 1
    assert {m.text for m in bodies[0].mentions} == {"Main Directorate of Intelligence", "HUR"}
