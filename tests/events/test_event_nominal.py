"""Participants of nominal events (newsgraph/nlp/events/nominal.py): the noun's own phrase and the clause
that carries it.
"""

from __future__ import annotations

from spacy.language import Language

from tests.events.common import code, find, sides


def test_nominal_events(events_nlp: Language) -> None:
    evs = code(events_nlp, "The war began with Russia’s full-scale invasion of Ukraine in February 2022.")
    ev = find(evs, "ASSAULT")
    assert (ev.source, ev.target) == (["RUS"], ["UKR"])
    assert ev.text.startswith("Russia’s full-scale invasion of Ukraine")
    aid = find(code(events_nlp, "Ties include North Korea’s provision of ammunition to Russia."), "AID")
    assert (aid.source, aid.target) == (["PRK"], ["RUS"])
    dep = find(code(events_nlp, "Officials will discuss the deployment of North Korean soldiers."), "MOBILIZE")
    assert dep.source == ["PRK"]


def test_target_of_a_nominal_event(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "He visited the Russian region that was the target of a Ukrainian incursion."),
              "ASSAULT")
    assert ev.source == ["UKR"] and ev.target == ["RUS"]


def test_victim_of_a_nominal_attack(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Mali is facing terrorist attacks."), "ASSAULT")
    assert ev.target == ["MLI"] and not ev.source


def test_subject_of_another_act_did_not_do_the_noun(events_nlp: Language) -> None:
    evs = code(events_nlp, "France condemned the attack on Mali.")
    assert find(evs, "ACCUSE").source == ["FRA"]
    assert find(evs, "ASSAULT").source == []  # France condemned it; who attacked is not said
    assert find(code(events_nlp, "Russia launched an attack on Ukraine."), "ASSAULT").source == ["RUS"]
    assert not [e for e in code(events_nlp, "France characterized the attack as a crime.") if e.type == "ASSAULT"]
    assert find(code(events_nlp, "Russia declared a ceasefire."), "RETREAT").source == ["RUS"]
    # a person's killing or arrest is undergone; a state's invasion is done
    ev = find(code(events_nlp, "Russia condemned Navalny's arrest in Moscow."), "COERCE")
    assert (ev.source, ev.target) == ([], ["RUS"])
    # those who died in an attack suffered it
    ev = find(code(events_nlp, "Eight Ukrainian soldiers died in the attack."), "ASSAULT")
    assert (ev.source, ev.target) == ([], ["UKR"])


def test_a_mediator_is_the_source_and_the_sides_the_targets(extract_text) -> None:
    ext = extract_text("Qatar launched a mediation effort between the Emirates and Saudi Arabia.")
    assert sides(ext, "CONSULT") == (["QAT"], ["ARE", "SAU"])


def test_who_reports_an_attack_does_not_do_it(extract_text) -> None:
    ext = extract_text("Reuters reported Monday's attack on the base in Ghazni.")
    assert all("ORG:REUTERS" not in e.source for e in ext.events)


def test_a_span_of_time_of_an_act_carries_it_and_arson_is_coercion(extract_text) -> None:
    ext = extract_text("French and Egyptian warships on Monday launched 10 days of war games in the Mediterranean.")
    assert sides(ext, "COOPERATE")[0] == ["FRA", "EGY"]
    ext = extract_text("Settlers set fire to the offices of the Palestinian administrators.")
    assert [(e.type, e.mode) for e in ext.events] == [("COERCE", "property")]  # property, not people
