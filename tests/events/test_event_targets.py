"""The target rules verbal and nominal events share (newsgraph/nlp/events/targets.py and the target table
of verbal.py): places, purposes, authors, conditions, the protesters' own government, the last resorts.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.common import code, find, sides


def test_joint_subject_is_source_and_target(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Putin and Kim Jong Un met at the Vostochny Cosmodrome."), "CONSULT")
    assert set(ev.source) == {"RUS", "PRK"} and set(ev.target) == {"RUS", "PRK"}


def test_response_is_aimed_at_the_author_of_what_it_answers(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Israel rejected a Russian request to halt the operation."), "REJECT")
    assert ev.source == ["ISR"] and ev.target == ["RUS"]
    ev = find(code(events_nlp, "Mali rejected calls by Germany for new elections."), "REJECT")
    assert ev.target == ["DEU"]


def test_place_stands_for_its_state_as_target(extract_text) -> None:
    ext = extract_text("Iraqi President Saddam Hussein arrived in Amman on a previously unannounced visit.")
    ev = next(e for e in ext.events if e.type == "CONSULT")
    assert ev.target == ["JOR"] and not any(a.startswith("place:") for a in ev.target_actors)


def test_purpose_names_the_target(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Thousands of Malian students marched through the capital to show their anger "
                               "at France."), "PROTEST")
    assert (ev.source, ev.target) == (["MLI"], ["FRA"])


def test_protest_by_a_people_is_aimed_at_its_government(extract_text) -> None:
    ext = extract_text("Serbians protested on Friday for the fourth night in a row.")
    assert [(e.type, e.source, e.target) for e in ext.events] == [("PROTEST", ["SRB"], ["SRB"])]
    ext = extract_text("Serbia protested on Friday.")
    assert [(e.type, e.source, e.target) for e in ext.events] == [("PROTEST", ["SRB"], [])]


def test_protest_without_target_is_aimed_at_its_own_government(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Hundreds of Ukrainian farmers demonstrated outside the parliament."), "PROTEST")
    # the target is the state's actor, named by the demonym the code was read from
    assert (ev.source, ev.target, ev.target_actors) == (["UKR"], ["UKR"], ["A1"])
    ev = find(code(events_nlp, "Russia protested."), "PROTEST")
    assert ev.target == []  # the government itself protests: against whom is not said


def test_police_act_on_their_own_people(events_nlp: Language) -> None:
    # the collective keeps its own code and takes its state's
    evs = code(events_nlp, "Malian police arrested dozens of protesters.")
    assert [(e.type, e.source, e.target) for e in evs] == [("COERCE", ["MLI"], ["MLI", "GRP:PROTESTER"])]
    # the means is not who acts: the police disperse the students
    evs = code(events_nlp, "Malian police used tear gas to disperse students.")
    assert [(e.type, e.source, e.target) for e in evs] == [("COERCE", ["MLI"], ["MLI", "GRP:STUDENT"])]
    # troops are not assumed to act at home
    assert find(code(events_nlp, "Russian troops shelled civilians."), "ASSAULT").target == ["GRP:CIVILIAN"]


def test_other_party_named_in_the_clause_is_the_target(events_nlp: Language) -> None:
    evs = code(events_nlp, "Russia halted gas supplies through Ukraine.")
    assert [(e.type, e.source, e.target) for e in evs] == [("SANCTION", ["RUS"], ["UKR"])]
    # not a comparison, an origin or a nested clause
    assert find(code(events_nlp, "Germany, like France, criticised the decision."), "ACCUSE").target == []
    assert find(code(events_nlp, "Russia moved troops from North Korea."), "MOBILIZE").target == []
    assert find(code(events_nlp, "Russia attacked, officials in Ukraine said."), "ASSAULT").target == []


def test_government_acts_at_home(extract_text) -> None:
    ext = extract_text("The government of Mali imposed a curfew in Bamako on Monday.")
    assert [(e.type, e.source, e.target) for e in ext.events] == [("COERCE", ["MLI"], ["MLI"])]
    ext = extract_text("Mali lifted the state of emergency in Bamako.")
    assert [(e.type, e.source, e.target) for e in ext.events] == [("CONCEDE", ["MLI"], ["MLI"])]
    # troops moved inside their own state are aimed at no one named
    ext = extract_text("Russia massed troops in Belgorod.")
    assert [(e.type, e.source, e.target) for e in ext.events] == [("MOBILIZE", ["RUS"], [])]


def test_last_resort_target_is_named_after_the_act_in_its_own_phrase(extract_text) -> None:
    ext = extract_text("Hezbollah rejected an invitation to attend a meeting of Syrian factions.")
    assert "SYR" in sides(ext, "REJECT")[1]
    # what someone adds in passing is not the target of the act before it
    ext = extract_text("Germany confirmed the deployment of Russian soldiers, adding that France will send tanks.")
    assert "FRA" not in sides(ext, "MOBILIZE")[1]


def test_last_resort_target_skips_phrases_that_only_date_the_act(extract_text) -> None:
    ext = extract_text("Ukrainian Prime Minister Oleksiy Honcharuk offered his resignation after an audio "
                       "recording was uploaded on a Russian YouTube channel.")
    assert [(e.source, e.target) for e in ext.events] == [(["UKR", "PER:OLEKSIY_HONCHARUK"], [])]


def test_a_named_target_without_code_is_not_replaced_by_a_guess(extract_text) -> None:
    ext = extract_text("Hotak alleged the central government is hiding figures from the US-built agency.")
    assert "USA" not in sides(ext, "ACCUSE")[1]


def test_whom_one_tells_is_no_target(extract_text) -> None:
    ext = extract_text("Mark Amodei has publicly voiced support for the inquiry, telling the Nevada Independent "
                       "it was needed.")
    assert sides(ext, "SUPPORT")[1] == []


def test_whom_an_act_leaves_out_is_not_its_target(extract_text) -> None:
    ext = extract_text("Turkey invited the countries of the region to a conference, except Cyprus.")
    assert all("CYP" not in e.target for e in ext.events)


def test_what_a_demand_asks_for_is_aimed_at_the_party_it_is_on(extract_text) -> None:
    # (issue 14) "international" modifying what is asked for named an invented IGO; the one the demanded act is
    # on or against is the target, and the international community only where the text names it
    ext = extract_text("Ukraine urged international sanctions against Russia.")
    assert sides(ext, "REQUEST") == (["UKR"], ["RUS"])
    assert not [a for a in ext.actors if a.code == "IGO"]  # the adjective names no one
    ext = extract_text("The international community condemned the coup.")
    assert sides(ext, "ACCUSE")[0] == ["IGO"]


@pytest.mark.parametrize(("text", "target"), [
    # five sentences the rule was not written for
    ("Protesters called for international pressure on the junta.", []),  # the junta: no code, no IGO either
    ("Kenya called for international pressure on Ethiopia.", ["ETH"]),
    ("Poland called for sanctions against Belarus.", ["BLR"]),
    ("Zelenskiy called for international pressure on Russia and North Korea.", ["RUS", "PRK"]),
    ("Serbia called on the international community to impose sanctions on Kosovo.", ["IGO"]),  # named: asked
])
def test_the_party_a_demand_is_on_is_its_target(extract_text, text: str, target: list[str]) -> None:
    ext = extract_text(text)
    assert sides(ext, "REQUEST")[1] == target
    assert all(m.text != "international" for a in ext.actors for m in a.mentions)


def test_people_a_demand_is_on_without_a_code_are_not_replaced_by_a_guess(extract_text) -> None:
    ext = extract_text("Zelenskiy called for tangible international pressure on the two countries to get them to "
                       "respect UN legislation.")
    ev = next(e for e in ext.events if e.type == "REQUEST")
    assert ev.target == [] and ev.text.endswith("on the two countries")  # not the UN named after them
    steps = [(rule, ext.article.text[s:e]) for rule, s, e in ev.trace if s is not None]
    assert ("events.target.asked_of", "the two countries") in steps
    # a thing the demanded act is on is no party: "a ruling on the deployment" is asked of no one named
    ext = extract_text("Germany called for a ruling on the deployment of Russian troops.")
    assert all("events.target.asked_of" not in [step[0] for step in e.trace] for e in ext.events)


@pytest.mark.parametrize(("text", "target"), [
    ("India and Pakistan exchanged fire on Monday. The United Nations urged both countries to show restraint.",
     ["IND", "PAK"]),
    ("Russia intended to deploy troops from North Korea. He called for tangible international pressure on the two "
     "countries.", ["RUS", "PRK"]),
    # not the one asking:
    ("Armenia and Azerbaijan fought a war. Russia urged the two countries to talk.", ["ARM", "AZE"]),
    ("Russia urged the three countries to talk.", []),  # three counted, fewer named: no guess
])
def test_the_counted_countries_are_the_states_named_last_before_them(extract_text, text: str,
                                                                     target: list[str]) -> None:
    ext = extract_text(text)
    ev = next(e for e in ext.events if e.type == "REQUEST")
    assert ev.target == target
    if target:  # one step, though it named two actors
        assert [t[0] for t in ev.trace].count("events.actor.counted_states") == 1
