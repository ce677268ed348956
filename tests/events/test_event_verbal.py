"""Participants of verbal events (newsgraph/nlp/events/verbal.py): subject, agent, object, theme, and the
clause's detours through the parse.
"""

from __future__ import annotations

from spacy.language import Language

from tests.events.common import code, find, sides


def test_verbal_event_with_person_resolved_to_affiliation(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Putin visited North Korea in 2000."), "CONSULT")
    assert (ev.source, ev.target, ev.mode, ev.status) == (["RUS"], ["PRK"], "visit", "occurred")
    assert ev.text.startswith("Putin visited North Korea")
    assert ev.id == "E1" and ev.source_actors and ev.target_actors


def test_demonym_on_the_theme_is_the_source(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "North Korean troops have moved to Russia’s Kursk region."), "MOBILIZE")
    assert (ev.source, ev.target, ev.mode) == (["PRK"], ["RUS"], "troops")


def test_passive_with_agent_and_passive_theme(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Ukraine was attacked by Russia on Monday."), "ASSAULT")
    assert (ev.source, ev.target) == (["RUS"], ["UKR"])
    sent = find(code(events_nlp, "More than 3,000 North Korean troops have been sent to Russia."), "MOBILIZE")
    assert (sent.source, sent.target) == (["PRK"], ["RUS"])


def test_several_events_in_one_sentence(events_nlp: Language) -> None:
    evs = code(events_nlp, "Israel attacked Hamas on Monday, while Putin met Kim Jong Un in Moscow.")
    types = sorted(e.type for e in evs)
    assert types == ["ASSAULT", "CONSULT"]
    meet = find(evs, "CONSULT")
    assert "RUS" in meet.source and "PRK" in meet.target
    assert find(evs, "ASSAULT").target == ["PSE"]


def test_own_things_are_not_targets(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Russia offered its troops to Mali."), "AGREE")
    assert (ev.source, ev.target) == (["RUS"], ["MLI"])


def test_participants_through_parser_detours(events_nlp: Language) -> None:
    def triple(text: str, type_: str) -> tuple[list[str], list[str]]:
        ev = find(code(events_nlp, text), type_)
        return ev.source, ev.target

    # the one who summons complains, to the one summoned
    assert triple("Germany summoned the Russian ambassador to complain about the attacks.", "ACCUSE") == (
        ["DEU"], ["RUS"])
    # past the source's own "his" to whom the commitment was made
    assert triple("Putin reneged on his commitment to the Ukrainian people.", "REJECT") == (["RUS"], ["UKR"])
    # "were engaged in" takes part, unlike "were killed in"
    assert triple("Serbian forces were engaged in ethnic cleansing against Malian civilians.", "ASSAULT")[0] == ["SRB"]
    # a participle after its noun is passive: the noun undergoes it, the "by" agent does it
    assert triple("The rebels, backed by Russia, seized the town.", "SUPPORT") == (["RUS"], ["GRP:REBEL"])
    # the reporter of a statement is not a party to it
    ev = find(code(events_nlp, "France may halt its aid if the fighting goes on, the German minister said."),
              "THREATEN")
    assert ev.target == []
    # partitives: "one third of X" is X; forces standing down where they operate
    assert triple("One third of Malian rebels operating in Mali have been demobilized.", "RETREAT") == (
        ["MLI"], ["MLI"])


def test_who_fires_a_weapon_does_what_it_targets(extract_text) -> None:
    ext = extract_text("Iran fired ballistic missiles targeting US troops in Iraqi military bases.")
    assert sides(ext, "ASSAULT") == (["IRN"], ["USA"])
