"""From a found event to the Event (newsgraph/nlp/events/output.py): filters, PLOVER type changes, time,
mode, the JSON.
"""

from __future__ import annotations

import dataclasses
import json

from spacy.language import Language

from tests.events.common import code, find, sides


def test_date_of_a_relative_clause_is_not_the_event_date(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "North Korean troops have been sent to Russia, he said, mentioning the region "
                               "that was the target of an incursion in August."), "MOBILIZE")
    assert ev.time_from == "published"


def test_condition_makes_a_threat_addressed_to_who_must_act(events_nlp: Language) -> None:
    ev = code(events_nlp, "France said it will withdraw its troops from Mali unless Germany sends aid.")[0]
    assert ev.type == "THREATEN" and ev.source == ["FRA"] and ev.target == ["MLI"]
    ev = code(events_nlp, "France said it will halt all talks unless Germany sends aid.")[0]
    assert ev.type == "THREATEN" and ev.source == ["FRA"] and ev.target == ["DEU"]
    ev = code(events_nlp, "Israel said it would meet Hamas if Germany joined the talks.")[0]
    assert ev.type == "AGREE"


def test_named_actor_without_code_keeps_its_event(extract_text) -> None:
    ext = extract_text("Askar Akayev has agreed to resign, the speaker said.")
    ev = next(e for e in ext.events if e.type == "AGREE")
    assert ev.source_actors and ext.actors[[a.id for a in ext.actors].index(ev.source_actors[0])].name == "Askar Akayev"


def test_refusal_of_a_cooperative_act_is_a_rejection(events_nlp: Language) -> None:
    ev = code(events_nlp, "Israel said it will not accept the Russian proposal.")[0]
    assert ev.type == "REJECT" and ev.status == "occurred" and ev.source == ["ISR"]
    ev = code(events_nlp, "Israel and Hamas failed to reach an agreement.")[0]
    assert ev.type == "REJECT"
    # a report that something did not happen is no refusal
    assert [e.type for e in code(events_nlp, "North Korean soldiers had not been deployed in Ukraine.")] == ["MOBILIZE"]


def test_intention_is_a_promise_or_a_threat(events_nlp: Language) -> None:
    ev = code(events_nlp, "France said it will provide aid to Mali.")
    assert [(e.type, e.source, e.target) for e in ev] == [("AGREE", ["FRA"], ["MLI"])]
    ev = code(events_nlp, "France threatened to impose sanctions on Mali.")
    assert [(e.type, e.source, e.target) for e in ev] == [("THREATEN", ["FRA"], ["MLI"])]


def test_events_without_codes_are_dropped(events_nlp: Language) -> None:
    # nobody named and no collective: "two men", "someone" are nobody an event can be about
    assert code(events_nlp, "Someone attacked a bus and two men were arrested.") == []
    assert code(events_nlp, "The report was released according to the agency.") == []


def test_time_falls_back_to_publication(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Russia attacked Ukraine."), "ASSAULT")
    assert (ev.time, ev.time_from) == ("2024-10-28", "published")


def test_mode_aerial(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Russia launched air strikes on Ukraine."), "ASSAULT")
    assert (ev.mode, ev.source, ev.target) == ("aerial", ["RUS"], ["UKR"])


def test_event_json_round_trip(events_nlp: Language) -> None:
    ev = code(events_nlp, "Putin visited North Korea.")[0]
    assert json.loads(json.dumps(dataclasses.asdict(ev)))["trigger"] == list(ev.trigger or ())


def test_a_persons_own_state_is_not_the_target(extract_text) -> None:
    ext = extract_text("US President Donald Trump withdrew the US from a nuclear treaty with Iran.")
    assert "USA" not in sides(ext, "RETREAT")[1]


def test_no_visit_without_a_visitor_and_no_audience_as_target(extract_text) -> None:
    assert extract_text("People living in or visiting Hong Kong were affected.").events == []
    ext = extract_text("Ricardo Rossello, Puerto Rico's governor, announced his resignation in an internet video "
                       "broadcast to the U.S.")
    assert "USA" not in sides(ext, "RETREAT")[1]
