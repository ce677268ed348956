"""One event per statement (newsgraph/nlp/events/overlaps.py): control verbs, support verbs, demands,
accusations, protests' content.
"""

from __future__ import annotations

import functools

from spacy.language import Language

from tests.events.common import code, event_types, find, sides


def test_requested_act_names_the_addressee(events_nlp: Language) -> None:
    evs = code(events_nlp, "Germany demanded the withdrawal of Russian forces from Ukraine.")
    assert [(e.type, e.target) for e in evs] == [("REQUEST", ["RUS"])]  # the withdrawal has not happened
    ev = find(code(events_nlp, "NATO repeated its demand that Israel ease restrictions."), "REQUEST")
    assert ev.source == ["NATO"] and ev.target == ["ISR"]


def test_one_event_for_verb_and_its_own_noun(events_nlp: Language) -> None:
    evs = code(events_nlp, "Ukrainian activists marched in Kyiv during a march against Russia.")
    assert [e.type for e in evs] == ["PROTEST"]


def test_what_a_protest_demands_is_its_content(events_nlp: Language) -> None:
    evs = code(events_nlp, "Thousands of students throughout Mali staged demonstrations to demand the resignation "
                           "of Putin.")
    assert [(e.type, e.source, e.target) for e in evs] == [("PROTEST", ["MLI"], ["RUS"])]


def test_conditions_oaths_and_training(events_nlp: Language) -> None:
    types = functools.partial(event_types, events_nlp)
    # a modal act on a condition is held over someone (PLOVER THREATEN)
    evs = code(events_nlp, "NATO may halt mediation efforts with Serbia if Serbia refuses to cooperate.")
    assert [(e.type, e.status) for e in evs][:1] == [("THREATEN", "occurred")]
    assert "CONSULT" not in [e.type for e in evs]  # the mediation halted is not an event of its own
    # "sworn to fight" with the complement parsed as an adverbial clause
    assert types("Malian rebels have sworn to fight until they control the north of Mali.") == ["THREATEN"]
    # building up one's own hackers is MOBILIZE, not cooperation with them
    assert types("North Korea has trained hackers capable of attacking Ukraine.")[:1] == ["MOBILIZE"]
    ev = find(code(events_nlp, "Palestinian youths resorted to throwing stones during demonstrations against Israel."),
              "PROTEST")
    assert (ev.source, ev.target) == (["PSE"], ["ISR"])


def test_a_demand_is_aimed_at_the_one_who_is_to_act(extract_text) -> None:
    ext = extract_text("Protesters demanded the resignation of Serbian President Aleksandar Vucic.")
    source, target = sides(ext, "REQUEST")
    assert "SRB" in target and "SRB" not in source
    ext = extract_text("The Kurdistan Workers' Party issued a declaration demanding that the Turkish government "
                       "release prisoners.")
    assert sides(ext, "REQUEST") == (["PKK"], ["TUR"])


def test_accused_is_the_doer_of_the_act_complained_of(extract_text) -> None:
    ext = extract_text("France condemned the attack by Hamas on Israel.")
    assert sides(ext, "ACCUSE") == (["FRA"], ["HAMAS"])  # not Israel, the victim
    ext = extract_text("Lebanon complained to the United Nations over two Israeli air raids.")
    assert sides(ext, "ACCUSE") == (["LBN"], ["ISR"])
    assert sides(ext, "ASSAULT")[0] == ["ISR"]  # an air raid is an aerial assault


def test_signing_a_decree_is_the_act_it_decrees(extract_text) -> None:
    ext = extract_text("Youssef Chahed, the Prime Minister of Tunisia, signed a government decree banning the niqab "
                       "in public institutions.")
    assert [(e.type, e.source[:1]) for e in ext.events] == [("COERCE", ["TUN"])]


def test_a_denial_answers_the_last_accusation_against_its_source(extract_text) -> None:
    ext = extract_text("US Secretary of State Mike Pompeo accused Iran of attacking the tankers. "
                       "Iran denied the accusation.")
    assert sides(ext, "REJECT") == (["IRN"], ["USA", "PER:MIKE_POMPEO"])
    # no accusation against it: no target is made up
    assert sides(extract_text("Iran denied the accusation."), "REJECT") == (["IRN"], [])
