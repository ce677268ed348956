"""The events stage: PLOVER coding of verbal and nominal statements, participants, status, spans.

The unit tests run the bare spaCy model plus our events component on tiny texts, with doc._.actors set
by hand, so they test the event logic alone (the actors stage is tested in its own file).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re

import pytest
import spacy
from spacy.language import Language

from newsgraph.model import Actor, Claim, Event, Mention
from newsgraph.nlp.events.component import EventsComponent
from newsgraph.nlp.pipeline import MODEL_NAME
from tests.conftest import needs_shared
from tests.gates import scorers

# name -> (kind, code, affiliation)
ACTORS: dict[str, tuple[str, str | None, str | None]] = {
    "North Korean": ("state", "PRK", None),
    "North Korea": ("state", "PRK", None),
    "South Korean": ("state", "KOR", None),
    "Russian": ("state", "RUS", None),
    "Russia": ("state", "RUS", None),
    "Ukrainian": ("state", "UKR", None),
    "Ukraine": ("state", "UKR", None),
    "NATO": ("organization", "NATO", None),
    "Israel": ("state", "ISR", None),
    "Hamas": ("group", None, "PSE"),
    "Putin": ("person", None, "RUS"),
    "Kim Jong Un": ("person", None, "PRK"),
    "Blinken": ("person", None, "USA"),
    "Navalny": ("person", None, "RUS"),
    "Palestinian": ("state", "PSE", None),
    "France": ("state", "FRA", None),
    "Germany": ("state", "DEU", None),
    "Mali": ("state", "MLI", None),
    "Malian": ("state", "MLI", None),
    "Serbia": ("state", "SRB", None),
    "Serbian": ("state", "SRB", None),
}


@pytest.fixture(scope="module")
def events_nlp() -> Language:
    from newsgraph.nlp.events import component  # noqa: F401  (registers the factory)

    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("newsgraph_events", config={"keep_unreal": True})  # the status logic is tested in full
    return nlp


def hand_actors(text: str) -> list[Actor]:
    """Actors for every name of ACTORS in the text, longest names first, one actor per name."""
    taken: set[int] = set()
    actors: dict[str, Actor] = {}
    for name in sorted(ACTORS, key=len, reverse=True):
        kind, code, affiliation = ACTORS[name]
        for m in re.finditer(r"\b" + re.escape(name) + r"(?!\w)", text):
            if taken & set(range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            key = code or name
            actor = actors.setdefault(
                key, Actor(f"A{len(actors) + 1}", name, kind, code=code, affiliation=affiliation))  # type: ignore[arg-type]
            actor.mentions.append(Mention(m.start(), m.end(), name))
    return list(actors.values())


def code(nlp: Language, text: str, claims: list[Claim] | None = None) -> list[Event]:
    doc = nlp.make_doc(text)
    doc._.published = dt.date(2024, 10, 28)
    for _name, proc in nlp.pipeline[:-1]:
        doc = proc(doc)
    doc._.actors = hand_actors(text)
    doc._.claims = claims or []
    doc = nlp.pipeline[-1][1](doc)
    events: list[Event] = doc._.events
    for ev in events:
        assert text[ev.start:ev.end] == ev.text
        assert ev.trigger is not None and ev.start <= ev.trigger[0] < ev.trigger[1] <= ev.end
    return events


def event_types(nlp: Language, text: str) -> list[str]:
    return [e.type for e in code(nlp, text)]


def find(events: list[Event], type_: str) -> Event:
    hits = [e for e in events if e.type == type_]
    assert hits, f"no {type_} in {[(e.type, e.source, e.target) for e in events]}"
    return hits[0]


# ---------------------------------------------------------------------------------- constructions
def test_verbal_event_with_person_resolved_to_affiliation(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Putin visited North Korea in 2000."), "CONSULT")
    assert (ev.source, ev.target, ev.mode, ev.status) == (["RUS"], ["PRK"], "visit", "occurred")
    assert ev.text.startswith("Putin visited North Korea")
    assert ev.id == "E1" and ev.source_actors and ev.target_actors


def test_demonym_on_the_theme_is_the_source(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "North Korean troops have moved to Russia’s Kursk region."), "MOBILIZE")
    assert (ev.source, ev.target, ev.mode) == (["PRK"], ["RUS"], "troops")


def test_nominal_events(events_nlp: Language) -> None:
    evs = code(events_nlp, "The war began with Russia’s full-scale invasion of Ukraine in February 2022.")
    ev = find(evs, "ASSAULT")
    assert (ev.source, ev.target) == (["RUS"], ["UKR"])
    assert ev.text.startswith("Russia’s full-scale invasion of Ukraine")
    aid = find(code(events_nlp, "Ties include North Korea’s provision of ammunition to Russia."), "AID")
    assert (aid.source, aid.target) == (["PRK"], ["RUS"])
    dep = find(code(events_nlp, "Officials will discuss the deployment of North Korean soldiers."), "MOBILIZE")
    assert dep.source == ["PRK"]


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


def test_joint_subject_is_source_and_target(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Putin and Kim Jong Un met at the Vostochny Cosmodrome."), "CONSULT")
    assert set(ev.source) == {"RUS", "PRK"} and set(ev.target) == {"RUS", "PRK"}


def test_planned(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Blinken will meet with his South Korean counterparts later this week."), "CONSULT")
    assert ev.status == "planned" and "USA" in ev.source and "KOR" in ev.target


def test_hypothetical(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "If North Korean troops move towards Ukraine, NATO will respond."), "MOBILIZE")
    assert ev.status == "hypothetical"


def test_negated(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "North Korean soldiers had not been deployed in Ukraine."), "MOBILIZE")
    assert ev.status == "negated" and ev.source == ["PRK"]
    # the negation is the deployment's, not the sending's
    evs = code(events_nlp, "The North Korean soldiers sent to Russia had not been deployed in Ukraine.")
    assert sorted((e.status, tuple(e.target)) for e in evs) == [("negated", ("UKR",)), ("occurred", ("RUS",))]


def test_unreal_statements_are_not_events_by_default() -> None:
    from newsgraph.nlp.events import component  # noqa: F401  (registers the factory)

    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("newsgraph_events")
    assert not code(nlp, "North Korean soldiers had not been deployed in Ukraine.")
    assert not code(nlp, "If North Korean troops move towards Ukraine, NATO will respond.")
    assert find(code(nlp, "North Korean troops moved to Russia."), "MOBILIZE").status == "occurred"


def test_restatements_are_one_event_with_mentions(events_nlp: Language) -> None:
    text = ("North Korean troops have moved to Russia. NATO said the North Korean soldiers sent to Russia "
            "were training. Officials discussed the deployment of North Korean soldiers.")
    evs = [e for e in code(events_nlp, text) if e.type == "MOBILIZE"]
    assert len(evs) == 1, [(e.text, e.status) for e in evs]
    assert evs[0].text.startswith("North Korean troops have moved") and len(evs[0].mentions) == 3
    assert evs[0].source == ["PRK"] and evs[0].target == ["RUS"]


def test_restatements_stay_apart_when_they_differ(events_nlp: Language, extract_text) -> None:
    # different dates stated in the text (the full pipeline, for the times)
    ext = extract_text("Putin visited North Korea in 2000. Putin visited North Korea in June 2024.")
    assert sorted(e.time or "" for e in ext.events if e.type == "CONSULT") == ["2000", "2024-06"]
    # opposite directions
    evs = code(events_nlp, "Russia attacked Ukraine. Ukraine attacked Russia.")
    assert sorted((e.source[0], e.target[0]) for e in evs) == [("RUS", "UKR"), ("UKR", "RUS")]
    # what happened and what someone reports happened
    evs = code(events_nlp, "Russia attacked Ukraine. Ukraine reportedly attacked Russia. Russia reportedly "
                           "attacked Ukraine again.")
    assert sorted(e.status for e in evs if e.source == ["RUS"]) == ["occurred", "reported"]
    # never a denial into a fact
    evs = code(events_nlp, "North Korean troops moved to Russia. North Korean troops did not move to Russia.")
    assert sorted(e.status for e in evs) == ["negated", "occurred"]


def test_one_sided_statements_link_only_when_close_or_worded_alike(events_nlp: Language) -> None:
    filler = " The weather was cold. Markets fell. Schools closed. "
    far = code(events_nlp, "Russian troops attacked." + filler + "Russia launched an offensive.")
    assert len([e for e in far if e.type == "ASSAULT"]) == 2
    near = code(events_nlp, "Russian troops attacked. Russia launched an offensive.")
    assert len([e for e in near if e.type == "ASSAULT"]) == 1
    alike = code(events_nlp, "Russian troops attacked." + filler + "Russia attacked again.")
    assert len([e for e in alike if e.type == "ASSAULT"]) == 1


def test_report_nouns_make_reported_events(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "The talks follow reports suggesting that North Korea was sending troops "
                               "to Russia."), "MOBILIZE")
    assert ev.status == "reported"


def test_target_of_a_nominal_event(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "He visited the Russian region that was the target of a Ukrainian incursion."),
              "ASSAULT")
    assert ev.source == ["UKR"] and ev.target == ["RUS"]


def test_war_toll_is_not_an_event(events_nlp: Language) -> None:
    assert not [e for e in code(events_nlp, "More than 600,000 Russian soldiers have been killed or wounded "
                                            "in the war.") if e.type == "ASSAULT"]
    assert find(code(events_nlp, "Three Russian soldiers were killed in a drone strike."), "ASSAULT")


def test_date_of_a_relative_clause_is_not_the_event_date(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "North Korean troops have been sent to Russia, he said, mentioning the region "
                               "that was the target of an incursion in August."), "MOBILIZE")
    assert ev.time_from == "published"


def test_response_is_aimed_at_the_author_of_what_it_answers(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Israel rejected a Russian request to halt the operation."), "REJECT")
    assert ev.source == ["ISR"] and ev.target == ["RUS"]
    ev = find(code(events_nlp, "Mali rejected calls by Germany for new elections."), "REJECT")
    assert ev.target == ["DEU"]


def test_condition_makes_a_threat_addressed_to_who_must_act(events_nlp: Language) -> None:
    ev = code(events_nlp, "France said it will withdraw its troops from Mali unless Germany sends aid.")[0]
    assert ev.type == "THREATEN" and ev.source == ["FRA"] and ev.target == ["MLI"]
    ev = code(events_nlp, "France said it will halt all talks unless Germany sends aid.")[0]
    assert ev.type == "THREATEN" and ev.source == ["FRA"] and ev.target == ["DEU"]
    ev = code(events_nlp, "Israel said it would meet Hamas if Germany joined the talks.")[0]
    assert ev.type == "AGREE"


def test_place_stands_for_its_state_as_target(extract_text) -> None:
    ext = extract_text("Iraqi President Saddam Hussein arrived in Amman on a previously unannounced visit.")
    ev = next(e for e in ext.events if e.type == "CONSULT")
    assert ev.target == ["JOR"] and not any(a.startswith("place:") for a in ev.target_actors)


def test_named_actor_without_code_keeps_its_event(extract_text) -> None:
    ext = extract_text("Askar Akayev has agreed to resign, the speaker said.")
    ev = next(e for e in ext.events if e.type == "AGREE")
    assert ev.source_actors and ext.actors[[a.id for a in ext.actors].index(ev.source_actors[0])].name == "Askar Akayev"


def test_requested_act_names_the_addressee(events_nlp: Language) -> None:
    evs = code(events_nlp, "Germany demanded the withdrawal of Russian forces from Ukraine.")
    assert [(e.type, e.target) for e in evs] == [("REQUEST", ["RUS"])]  # the withdrawal has not happened
    ev = find(code(events_nlp, "NATO repeated its demand that Israel ease restrictions."), "REQUEST")
    assert ev.source == ["NATO"] and ev.target == ["ISR"]


def test_victim_of_a_nominal_attack(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Mali is facing terrorist attacks."), "ASSAULT")
    assert ev.target == ["MLI"] and not ev.source


def test_agreeing_with_an_opinion_is_not_an_agreement(events_nlp: Language) -> None:
    assert not [e for e in code(events_nlp, "Putin agreed that the talks had gone well.") if e.type == "AGREE"]
    assert find(code(events_nlp, "Putin agreed that Russia should withdraw from Ukraine."), "AGREE")
    assert find(code(events_nlp, "Putin agreed to withdraw from Ukraine."), "AGREE")


def test_denying_an_allegation_rejects_it(events_nlp: Language) -> None:
    evs = code(events_nlp, "Putin denied the allegations by Ukraine.")
    assert evs and evs[0].type == "REJECT"


def test_refusal_of_a_cooperative_act_is_a_rejection(events_nlp: Language) -> None:
    ev = code(events_nlp, "Israel said it will not accept the Russian proposal.")[0]
    assert ev.type == "REJECT" and ev.status == "occurred" and ev.source == ["ISR"]
    ev = code(events_nlp, "Israel and Hamas failed to reach an agreement.")[0]
    assert ev.type == "REJECT"
    # a report that something did not happen is no refusal
    assert [e.type for e in code(events_nlp, "North Korean soldiers had not been deployed in Ukraine.")] == ["MOBILIZE"]


def test_people_in_a_place_belong_to_its_state(extract_text) -> None:
    ext = extract_text("Demonstrators in Baghdad blocked a road to protest against the United States.")
    ev = next(e for e in ext.events if e.type == "PROTEST")
    assert ev.source == ["IRQ"]


def test_reported_by_adverb_and_by_claim(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Russia reportedly attacked Ukraine."), "ASSAULT")
    assert ev.status == "reported"
    text = "Officials said that Russia attacked Ukraine."
    claim = Claim("C1", text.index("Russia"), len(text) - 1, "Russia attacked Ukraine", "reported")
    ev = find(code(events_nlp, text, [claim]), "ASSAULT")
    assert (ev.status, ev.claim) == ("reported", "C1")


def test_intention_is_a_promise_or_a_threat(events_nlp: Language) -> None:
    ev = code(events_nlp, "France said it will provide aid to Mali.")
    assert [(e.type, e.source, e.target) for e in ev] == [("AGREE", ["FRA"], ["MLI"])]
    ev = code(events_nlp, "France threatened to impose sanctions on Mali.")
    assert [(e.type, e.source, e.target) for e in ev] == [("THREATEN", ["FRA"], ["MLI"])]


def test_must_is_a_demand(events_nlp: Language) -> None:
    ev = code(events_nlp, "France said Germany must withdraw its troops.")
    assert [(e.type, e.source, e.target) for e in ev] == [("REQUEST", ["FRA"], ["DEU"])]


def test_one_event_for_verb_and_its_own_noun(events_nlp: Language) -> None:
    evs = code(events_nlp, "Ukrainian activists marched in Kyiv during a march against Russia.")
    assert [e.type for e in evs] == ["PROTEST"]


def test_should_is_a_demand_not_a_hypothesis(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "France said Germany should withdraw its troops."), "REQUEST")
    assert ev.status == "occurred" and ev.target == ["DEU"]


def test_anti_modifier_is_not_the_source(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "An anti-Russian coalition attacked Russia."), "ASSAULT")
    assert ev.source == [] and ev.target == ["RUS"]


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


# ------------------------------------------------------------------------ status (the cases)
def test_status_of_each_kind(events_nlp: Language) -> None:
    cases = {
        "Russian troops attacked Ukraine on Monday.": "occurred",
        "Putin is expected to visit North Korea next month.": "expected",
        "Russia plans to deploy troops to Mali.": "planned",
        "Russia could send troops to Mali.": "hypothetical",
        "If Russia attacks Ukraine again, NATO will respond.": "hypothetical",
        "Russia did not attack Ukraine.": "negated",
        "No North Korean troops were deployed to Ukraine.": "negated",
        "Russian troops allegedly attacked Ukraine.": "reported",
    }
    for text, status in cases.items():
        evs = [e for e in code(events_nlp, text) if e.type in ("ASSAULT", "CONSULT", "MOBILIZE")]
        assert [e.status for e in evs][:1] == [status], (text, [(e.type, e.status) for e in evs])


def test_who_reports_an_event_is_the_speaker_of_its_claim(extract_text) -> None:
    ext = extract_text("The Pentagon said on Monday that North Korean troops had moved to Russia.")
    ev = next(e for e in ext.events if e.type == "MOBILIZE")
    claim = next(c for c in ext.claims if c.id == ev.claim)
    speaker = next(a for a in ext.actors if a.id == claim.speaker)
    assert (ev.source, ev.target, speaker.name) == (["PRK"], ["RUS"], "Pentagon")


# ------------------------------------------------------------------------ actors of the events
def test_group_inside_a_state_is_apart_from_its_government(events_nlp: Language, extract_text) -> None:
    ev = find(code(events_nlp, "Serbia is prosecuting crimes by Serbian extremists against civilians."), "ACCUSE")
    assert (ev.source, ev.target) == (["SRB"], ["SRB"])
    # a state is still not its own target
    ev = find(code(events_nlp, "Serbia attacked Serbia."), "ASSAULT")
    assert ev.target == []
    # rebels act on places of their own state; the government acting there does not target itself
    ext = extract_text("Malian rebels shelled the town of Gao on Monday.")
    assert [(e.type, e.source, e.target) for e in ext.events] == [("ASSAULT", ["MLI"], ["MLI"])]


def test_purpose_names_the_target(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Thousands of Malian students marched through the capital to show their anger "
                               "at France."), "PROTEST")
    assert (ev.source, ev.target) == (["MLI"], ["FRA"])


def test_what_a_protest_demands_is_its_content(events_nlp: Language) -> None:
    evs = code(events_nlp, "Thousands of students throughout Mali staged demonstrations to demand the resignation "
                           "of Putin.")
    assert [(e.type, e.source, e.target) for e in evs] == [("PROTEST", ["MLI"], ["RUS"])]


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


def test_own_things_are_not_targets(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Russia offered its troops to Mali."), "AGREE")
    assert (ev.source, ev.target) == (["RUS"], ["MLI"])


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


def test_government_acts_at_home(extract_text) -> None:
    ext = extract_text("The government of Mali imposed a curfew in Bamako on Monday.")
    assert [(e.type, e.source, e.target) for e in ext.events] == [("COERCE", ["MLI"], ["MLI"])]
    ext = extract_text("Mali lifted the state of emergency in Bamako.")
    assert [(e.type, e.source, e.target) for e in ext.events] == [("CONCEDE", ["MLI"], ["MLI"])]
    # troops moved inside their own state are aimed at no one named
    ext = extract_text("Russia massed troops in Belgorod.")
    assert [(e.type, e.source, e.target) for e in ext.events] == [("MOBILIZE", ["RUS"], [])]


def test_named_persons_and_groups_have_codes(extract_text) -> None:
    ext = extract_text("Opposition leader Marat Bekov met Amina Saidova on Monday.")
    codes = {a.name: a.code for a in ext.actors}
    assert codes["Marat Bekov"] == "PER:MARAT_BEKOV"
    ev = next(e for e in ext.events if e.type == "CONSULT")
    assert "PER:MARAT_BEKOV" in ev.source and "PER:AMINA_SAIDOVA" in ev.target
    # a person acting for a body: the body's code first, then the person's own
    ext = extract_text("NATO Secretary General Mark Rutte visited Kyiv on Monday.")
    ev = next(e for e in ext.events if e.type == "CONSULT")
    assert ev.source == ["NATO", "PER:MARK_RUTTE"] and ev.target == ["UKR"]


# ------------------------------------------------------------------------ types from PLOVER's definitions
def test_types_from_plover_definitions(events_nlp: Language) -> None:
    types = functools.partial(event_types, events_nlp)
    # readying force is MOBILIZE; being ready to act is a threat
    assert types("The Russian army prepared to attack Ukraine.") == ["MOBILIZE"]
    assert types("Russia is prepared to attack Ukraine.") == ["THREATEN"]
    # sending people to look into something is the investigation
    assert types("NATO sent inspectors to Mali to investigate the attacks.") == ["ACCUSE"]
    assert types("France sent troops to Mali.") == ["MOBILIZE"]
    # evacuating the wounded is aid, pulling out one's troops a retreat
    assert types("France evacuated the wounded from Mali.") == ["AID"]
    assert types("France evacuated its troops from Mali.") == ["RETREAT"]
    # easing a military blockade de-escalates; lifting a curfew concedes
    assert types("Russia lifted its blockade of Ukraine.") == ["RETREAT"]
    assert types("Mali lifted the curfew imposed on Malian towns.") == ["CONCEDE"]
    # training one's own force mobilizes it; training another's is military cooperation
    assert types("North Korea trained thousands of soldiers.") == ["MOBILIZE"]
    evs = code(events_nlp, "France trained Malian soldiers.")
    assert [(e.type, e.mode, e.source, e.target) for e in evs] == [("COOPERATE", "military", ["FRA"], ["MLI"])]
    # closing a border with a neighbour cuts ties with it; closing a crossing restricts movement
    evs = code(events_nlp, "Russia closed its border with Ukraine.")
    assert [(e.type, e.source, e.target) for e in evs] == [("SANCTION", ["RUS"], ["UKR"])]
    assert types("Russia closed the border crossing.") == ["COERCE"]
    # armed groups are demobilized like troops; defying a rule rejects its author
    ev = find(code(events_nlp, "Malian rebels have been demobilized."), "RETREAT")
    assert (ev.source, ev.target) == (["MLI"], [])
    evs = code(events_nlp, "Mali violated a ban imposed by France.")
    assert [(e.type, e.source, e.target) for e in evs][:1] == [("REJECT", ["MLI"], ["FRA"])]
    # those who throw stones during demonstrations are the protesters
    ev = find(code(events_nlp, "Palestinian youths threw stones during demonstrations against Israel."), "PROTEST")
    assert (ev.source, ev.target) == (["PSE"], ["ISR"])
    # an attempt is the act, not an intention
    assert types("Russia tried to hack Ukraine's networks.") == ["COERCE"]


# ------------------------------------------------------------------------ collectives, pronouns, guards
def test_collectives_without_a_state_are_group_actors(events_nlp: Language) -> None:
    doc = events_nlp.make_doc("Unknown gunmen attacked a bus on Monday.")
    for _name, proc in events_nlp.pipeline:
        doc = proc(doc)
    ev = find(doc._.events, "ASSAULT")
    assert ev.source == ["GRP:GUNMAN"]
    group = next(a for a in doc._.actors if a.id == ev.source_actors[0])
    assert (group.kind, group.code, group.name) == ("group", "GRP:GUNMAN", "Unknown gunmen")
    assert [doc.text[m.start:m.end] for m in group.mentions] == ["Unknown gunmen"]
    # a group word qualifying another noun is no group; a collective named with its state is the state's
    assert code(events_nlp, "The rebel leaders met in a hotel.") == []
    ev = find(code(events_nlp, "Malian rebels shelled the town of Gao on Sunday."), "ASSAULT")
    assert ev.source == ["MLI"]
    ev = find(code(events_nlp, "Thousands of Kurds marched against Serbia."), "PROTEST")
    assert (ev.source, ev.target) == (["GRP:KURD"], ["SRB"])


def test_collective_named_by_the_actors_stage_takes_the_code(extract_text) -> None:
    # a reported "they" goes back to the collective; the actor the actors stage made of it is reused
    ext = extract_text("The army shelled rebel positions near Goma, and rebels said they would retaliate.")
    ev = find(ext.events, "THREATEN")
    assert ev.source == ["GRP:REBEL"]
    rebels = [a for a in ext.actors if ext.article.text[a.mentions[0].start:a.mentions[0].end] == "rebels"]
    assert len(rebels) == 1 and rebels[0].code == "GRP:REBEL" and ev.source_actors == [rebels[0].id]


def test_collective_acted_upon_in_a_place_is_of_its_state(extract_text) -> None:
    ev = find(extract_text("Police arrested twenty students in Paris on Monday.").events, "COERCE")
    assert ev.target == ["FRA", "GRP:STUDENT"]


def test_pronouns_resolve_to_the_fitting_actor(events_nlp: Language) -> None:
    # an object pronoun is not its own clause's subject
    ev = find(code(events_nlp, "Germany criticized Russia and said it would impose new sanctions on it."), "THREATEN")
    assert (ev.source, ev.target) == (["DEU"], ["RUS"])
    # a main-clause subject pronoun goes back to the main-clause subject, not to a reported one
    ev = find(code(events_nlp, "Germany said Russia had broken the deal. It accused Ukraine of lying."), "ACCUSE")
    assert ev.source == ["DEU"]
    # "they"/"them" go back to a collective
    ev = find(code(events_nlp, "Protesters gathered outside the parliament. Serbian police dispersed them."), "COERCE")
    assert ev.target == ["GRP:PROTESTER"]


def test_non_political_statements_are_not_events(events_nlp: Language, extract_text) -> None:
    types = functools.partial(event_types, events_nlp)
    assert types("Putin gave a TED talk in Germany.") == []  # a lecture, not talks
    assert types("Russian and Ukrainian negotiators returned to Geneva for talk on prisoners.") == ["CONSULT"]
    assert [e.type for e in extract_text("Qatar hosted the football championship in 2022.").events] == []
    assert types("Putin hosted Kim Jong Un in Moscow.") == ["CONSULT"]  # a party hosted is met
    assert types("Video captured Putin walking out of the courthouse.") == []
    assert types("A camera caught Malian gunmen entering the building.") == []
    assert types("Serbia walked out of the talks with France.") == ["SANCTION"]
    assert types("Putin held a campaign rally in Moscow.") == []
    assert types("Supporters of Navalny rallied in Moscow for his election campaign.") == []
    assert types("Thousands of Serbians rallied against Germany.") == ["PROTEST"]
    # a rally held by a person alone is campaigning; one by a people or against someone protests
    assert [e.type for e in extract_text("Donald Trump held a rally in Nevada on Saturday.").events] == []
    assert types("Serbian students rallied in Belgrade to protest the election results.") == ["PROTEST"]
    # one person attacking another with no weapon in sight attacks in words
    assert [(e.type, e.mode) for e in extract_text("Joe Biden attacked Donald Trump for the deaths.").events] == [
        ("ACCUSE", "disapprove")]
    assert [e.type for e in extract_text("A man attacked Salman Rushdie with a knife.").events] == ["ASSAULT"]


def test_report_adverb_covers_only_its_own_clause(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Serbian students protested on Friday and the protest has reportedly grown since."),
              "PROTEST")
    assert ev.status == "occurred"
    ev = find(code(events_nlp, "Serbian police arrested Malian students who allegedly were planning an attack."),
              "COERCE")
    assert ev.status == "occurred"
    ev = find(code(events_nlp, "Serbian police reportedly arrested Malian students."), "COERCE")
    assert ev.status == "reported"


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


def test_support_and_mobilize_from_plover_definitions(events_nlp: Language) -> None:
    types = functools.partial(event_types, events_nlp)
    assert types("Germany stood by Ukraine in the dispute.") == ["SUPPORT"]
    assert types("France threw its weight behind Germany's plan.") == ["SUPPORT"]
    assert types("Germany lent its support to the French initiative.") == ["SUPPORT"]  # not AID
    assert types("Serbia recognized the need for new elections.") == []  # a fact, not an endorsement
    assert types("Putin welcomed Kim Jong Un to Moscow.") == ["CONSULT"]  # hosting a visit
    # a state's own exercises, weapons tests and call-ups show force; joint exercises are cooperation
    assert types("Russia staged naval exercises near Ukraine.") == ["MOBILIZE"]
    assert types("Russia and Serbia held joint military exercises.") == ["COOPERATE"]
    assert types("North Korea test-fired a ballistic missile.") == ["MOBILIZE"]
    assert types("North Korea launched two missiles into the sea.") == ["MOBILIZE"]
    assert types("Russia launched missiles at Ukraine.") == ["ASSAULT"]
    assert types("Israel called up 300,000 reservists.") == ["MOBILIZE"]
    # resuming relations or opening an embassy is PLOVER SUPPORT (like establishing or restoring relations)
    assert types("Serbia resumed diplomatic relations with Mali.") == ["SUPPORT"]
    # an investigation into an attack: the investigators did not attack
    evs = code(events_nlp, "France and Germany launched a joint investigation into the attack.")
    assert [(e.type, e.source) for e in evs] == [("ACCUSE", ["FRA", "DEU"])]
    # closing one's airspace or border to another state sanctions it; closing it at home restricts
    assert types("Serbia closed its airspace to Russian flights.") == ["SANCTION"]
    assert types("Mali closed its borders to stop the virus.") == ["COERCE"]
    # an attack in words on a policy or a record is criticism, on a town it is violence
    assert types("Putin attacked Germany's record on human rights.") == ["ACCUSE"]
    assert types("Malian rebels attacked the town.") == ["ASSAULT"]


# ---------------------------------------------------------------------------------- PLOVER GSR floor
def _gsr_docs(nlp: Language, records: list[dict]) -> list[dict]:
    """Run the stage on GSR sentences with the gold actors as doc._.actors (oracle actors)."""
    component = EventsComponent()
    docs = []
    for r in records:
        doc = nlp.make_doc(r["text"])
        for _name, proc in nlp.pipeline[:-1]:
            doc = proc(doc)
        actors: dict[tuple[int, int], Actor] = {}
        for ev in r["events"]:
            for a in ev["source"] + ev["target"]:
                if "start" in a and (a["start"], a["end"]) not in actors:
                    actors[(a["start"], a["end"])] = Actor(
                        f"A{len(actors) + 1}", a["text"], "state", code=a.get("code"),
                        mentions=[Mention(a["start"], a["end"], a["text"])])
        doc._.actors = list(actors.values())
        doc = component(doc)
        docs.append({"id": r["id"], "events": [dataclasses.asdict(e) for e in doc._.events],
                     "actors": [{"id": a.id, "name": a.name, "code": a.code, "country": a.country,
                                 "mentions": [[m.start, m.end] for m in a.mentions]} for a in actors.values()]})
    return docs


@pytest.mark.slow
def test_plover_gsr_floor(events_nlp: Language) -> None:
    data = needs_shared("data/plover-gsr/plover_gsr.jsonl")
    se = scorers.shared("score_events")
    records = se.load_records(str(data))[1::2]  # every second record, with oracle actors
    m = se.evaluate(records, _gsr_docs(events_nlp, records))
    assert m["accuracy"] >= 85, m  # reached (round 3): 87.2 / 85.3 / 86.3 / 87.4 / 81.0
    assert m["macro_f1"] >= 83, m
    assert m["source"] >= 84, m
    assert m["target"] >= 85, m
    assert m["joint"] >= 78, m


# ---------------------------------------------------------------------------------- full pipeline
SEED_EVENTS = [  # (type, source, target, status, words on the evidence's line)
    ("MOBILIZE", "PRK", "RUS", "occurred", "have moved to Russia’s Kursk region"),
    ("MOBILIZE", "PRK", "RUS", "reported", "more than 3,000 North Korean troops have been sent"),
    ("AID", "PRK", "RUS", None, "the delivery of North Korean ammunition"),
    ("ASSAULT", "RUS", "UKR", "occurred", "invasion of Ukraine in February 2022"),
    ("CONSULT", "USA", "KOR", "planned", "will meet with their South Korean counterparts"),
    ("CONSULT", "RUS", "PRK", "occurred", "Putin first visited North Korea"),
    ("CONSULT", "RUS", "PRK", "occurred", "Putin and Kim Jong Un met"),
    ("CONSULT", "RUS", "PRK", "occurred", "his return to North Korea"),
]


@pytest.mark.slow
def test_seed_article_events(seed_extraction, seed_text: str) -> None:
    ext = seed_extraction
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", seed_text)]
    for type_, source, target, status, words in SEED_EVENTS:
        at = seed_text.index(words)
        line = next(span for span in lines if span[0] <= at < span[1])
        hits = [e for e in ext.events if e.type == type_ and e.start < line[1] and line[0] < e.end
                and source in e.source and target in e.target]
        assert hits, f"no {type_} {source}->{target} on the line of {words!r}"
        if status:
            assert any(e.status == status for e in hits), [(e.status, e.text) for e in hits]
    # what did not or might happen stays a claim, not an event
    assert not [e for e in ext.events if e.status in ("negated", "hypothetical")]
    assert any(c.modality == "negated" and "had not been deployed" in c.text for c in ext.claims)
    # the deployment stated five times is one event with five mentions, its first statement as evidence
    moved = next(e for e in ext.events if "have moved to Russia" in e.text)
    assert len(moved.mentions) >= 4 and [moved.start, moved.end] in moved.mentions
    assert seed_text.index("had been deployed near Russia") in range(*next(
        m for m in moved.mentions if m[0] > seed_text.index("In his remarks")))
    # the reported sending is apart from the confirmed one, its evidence the statement with the figure
    sent = [e for e in ext.events if e.type == "MOBILIZE" and e.status == "reported"]
    assert len(sent) == 1 and "3,000" in sent[0].text
    assert len(ext.events) <= 13


# ---------------------------------------------------------------------------------- roles, session 3
def sides(ext, type_: str) -> tuple[list[str], list[str]]:
    ev = next(e for e in ext.events if e.type == type_)
    return ev.source, ev.target


def test_last_resort_target_is_named_after_the_act_in_its_own_phrase(extract_text) -> None:
    ext = extract_text("Hezbollah rejected an invitation to attend a meeting of Syrian factions.")
    assert "SYR" in sides(ext, "REJECT")[1]
    # what someone adds in passing is not the target of the act before it
    ext = extract_text("Germany confirmed the deployment of Russian soldiers, adding that France will send tanks.")
    assert "FRA" not in sides(ext, "MOBILIZE")[1]


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


def test_a_formal_protest_is_an_accusation(extract_text) -> None:
    ext = extract_text("Serbia lodged an official protest with Albania.")
    assert [(e.type, e.source, e.target) for e in ext.events] == [("ACCUSE", ["SRB"], ["ALB"])]


def test_a_mediator_is_the_source_and_the_sides_the_targets(extract_text) -> None:
    ext = extract_text("Qatar launched a mediation effort between the Emirates and Saudi Arabia.")
    assert sides(ext, "CONSULT") == (["QAT"], ["ARE", "SAU"])


def test_home_forces_are_placed_where_they_act(extract_text) -> None:
    ext = extract_text("Security forces in Guinea have tortured scores of refugees.")
    assert sides(ext, "ASSAULT")[0] == ["GIN"]
    ext = extract_text("Russian troops in Syria bombed a hospital.")
    assert sides(ext, "ASSAULT")[0] == ["RUS"]  # troops are not assumed to be at home


def test_a_place_acted_on_is_a_mention_of_its_state(extract_text) -> None:
    ext = extract_text("Sudanese rebels shelled the southern regional capital Juba on Sunday.")
    ev = next(e for e in ext.events if e.type == "ASSAULT")
    assert ev.target == ["SSD"]
    state = next(a for a in ext.actors if a.id == ev.target_actors[0])
    assert [(m.text, m.form) for m in state.mentions] == [("Juba", "place")]


def test_apposed_description_gives_role_and_affiliation(extract_text) -> None:
    for text in ("A member of the Syrian parliament, Mohammed Mamoun, started a hunger strike.",
                 "Mohammed Mamoun, a member of the Syrian parliament, started a hunger strike."):
        person = next(a for a in extract_text(text).actors if a.name == "Mohammed Mamoun")
        assert (person.role, person.affiliation) == ("member", "SYR")
    # an unnamed speaker takes the state its description names
    ext = extract_text("A senior Pakistani official said the army had attacked the village.")
    assert [a.country for a in ext.actors if a.kind == "person"] == ["PAK"]


def test_signing_an_accord_is_support_and_a_promise_to_sign_agree(extract_text) -> None:
    ext = extract_text("Czechia and China signed an agreement today to increase trade.")
    ev = next(e for e in ext.events)
    assert (ev.type, ev.text) == ("SUPPORT", "Czechia and China signed an agreement")
    assert [e.type for e in extract_text("Russia and China will sign a treaty next month.").events] == ["AGREE"]


def test_withdrawing_a_mission_reduces_relations(extract_text) -> None:
    # CAMEO 166 "expel or withdraw" inspectors, observers, aid staff: PLOVER SANCTION; troops: RETREAT
    assert sides(extract_text("The UN withdrew its observers from Syria."), "SANCTION") == (["UN"], ["SYR"])
    assert [e.type for e in extract_text("Russia withdrew its troops from Kherson.").events] == ["RETREAT"]
    ev = extract_text("Kofi Annan said he will withdraw weapons inspectors from Iraq.").events[0]
    assert (ev.type, ev.target) == ("THREATEN", ["IRQ"])  # a planned sanction is a threat


def test_nouns_that_only_qualify_another_noun_are_no_events(extract_text) -> None:
    # one delivery, not an aid event for "aid groups" besides it
    assert [e.type for e in extract_text("The French aid groups delivered food to Gaza.").events] == ["AID"]
    assert extract_text("Officials said it was a big deal for Russia.").events == []  # an idiom, no accord
    ext = extract_text("Norway launched a mediation effort between Sudan and Chad.")
    assert sides(ext, "CONSULT") == (["NOR"], ["SDN", "TCD"])  # an effort carries the mediation


def test_last_resort_target_skips_phrases_that_only_date_the_act(extract_text) -> None:
    ext = extract_text("Ukrainian Prime Minister Oleksiy Honcharuk offered his resignation after an audio "
                       "recording was uploaded on a Russian YouTube channel.")
    assert [(e.source, e.target) for e in ext.events] == [(["UKR", "PER:OLEKSIY_HONCHARUK"], [])]


def test_a_persons_own_state_is_not_the_target(extract_text) -> None:
    ext = extract_text("US President Donald Trump withdrew the US from a nuclear treaty with Iran.")
    assert "USA" not in sides(ext, "RETREAT")[1]


def test_a_named_target_without_code_is_not_replaced_by_a_guess(extract_text) -> None:
    ext = extract_text("Hotak alleged the central government is hiding figures from the US-built agency.")
    assert "USA" not in sides(ext, "ACCUSE")[1]


def test_who_reports_an_attack_does_not_do_it(extract_text) -> None:
    ext = extract_text("Reuters reported Monday's attack on the base in Ghazni.")
    assert all("ORG:REUTERS" not in e.source for e in ext.events)


def test_breaching_a_wall_is_force_and_a_ceasefire_defiance(extract_text) -> None:
    assert [e.type for e in extract_text("Russian troops breached the ceasefire.").events] == ["REJECT"]
    assert [e.type for e in extract_text("Russian troops breached the defensive line near Avdiivka.").events] \
        == ["ASSAULT"]


def test_signing_a_decree_is_the_act_it_decrees(extract_text) -> None:
    ext = extract_text("Youssef Chahed, the Prime Minister of Tunisia, signed a government decree banning the niqab "
                       "in public institutions.")
    assert [(e.type, e.source[:1]) for e in ext.events] == [("COERCE", ["TUN"])]


def test_no_visit_without_a_visitor_and_no_audience_as_target(extract_text) -> None:
    assert extract_text("People living in or visiting Hong Kong were affected.").events == []
    ext = extract_text("Ricardo Rossello, Puerto Rico's governor, announced his resignation in an internet video "
                       "broadcast to the U.S.")
    assert "USA" not in sides(ext, "RETREAT")[1]


def test_showing_is_no_demonstration_and_admitting_blame_concedes(extract_text) -> None:
    assert extract_text("The statement tonight demonstrates a lack of understanding.").events == []
    assert [e.type for e in extract_text("Thousands demonstrated in Kyiv.").events] == ["PROTEST"]
    ext = extract_text("Crown Prince Mohammad bin Salman of Saudi Arabia accepted responsibility for the murder.")
    assert [e.type for e in ext.events] == ["CONCEDE"]


def test_whom_one_tells_is_no_target(extract_text) -> None:
    ext = extract_text("Mark Amodei has publicly voiced support for the inquiry, telling the Nevada Independent "
                       "it was needed.")
    assert sides(ext, "SUPPORT")[1] == []


def test_a_people_word_does_not_hide_the_state_of_the_phrase(extract_text) -> None:
    ext = extract_text("Druze inhabitants of the Syrian Golan Heights protested against Israel.")
    assert "SYR" in sides(ext, "PROTEST")[0]


def test_first_person_in_a_quotation_is_its_speaker(extract_text) -> None:
    ext = extract_text('"I strongly reject the new US blockade measure," Cuban Foreign Minister Bruno Parrilla '
                       'wrote on Twitter.')
    assert sides(ext, "REJECT") == (["CUB", "PER:BRUNO_PARRILLA"], ["USA"])


def test_orders_and_obligations_in_speech_are_requests(extract_text) -> None:
    ext = extract_text('"Withdraw your troops from Ukraine," Biden told Putin.')
    assert [(e.type, e.source, e.target) for e in ext.events] == [("REQUEST", ["PER:BIDEN"], ["PER:PUTIN"])]
    ext = extract_text('"Stop attacking each other," Carrie Lam told the legislators.')
    assert [e.type for e in ext.events] == ["REQUEST"]  # no assault: the attacks are asked to stop


def test_called_off_and_planned_acts(extract_text) -> None:
    assert extract_text("Russia stopped shelling Kharkiv.").events == []  # ended, not reported as done
    ext = extract_text("The Pentagon said Soleimani was developing plans to attack American diplomats.")
    assert [e.type for e in ext.events] == ["THREATEN"]  # a planned attack is a threat (PLOVER)
    assert [e.type for e in extract_text("Iran vowed revenge against the United States.").events] == ["THREATEN"]


def test_police_with_no_state_are_a_group(extract_text) -> None:
    assert sides(extract_text("Police arrived and shot him."), "ASSAULT")[0] == ["GRP:POLICE"]
    assert sides(extract_text("Police opened fire on protesters."), "ASSAULT") == (["GRP:POLICE"], ["GRP:PROTESTER"])


def test_what_is_asked_of_the_international_community_is_asked_of_it(extract_text) -> None:
    ext = extract_text("Ukraine urged international sanctions against Russia.")
    assert sides(ext, "REQUEST") == (["UKR"], ["IGO"])
    igo = next(a for a in ext.actors if a.code == "IGO")
    assert (igo.kind, [m.text for m in igo.mentions]) == ("organization", ["international"])
    ext = extract_text("The international community condemned the coup.")
    assert sides(ext, "ACCUSE")[0] == ["IGO"]


def test_a_span_of_time_of_an_act_carries_it_and_arson_is_coercion(extract_text) -> None:
    ext = extract_text("French and Egyptian warships on Monday launched 10 days of war games in the Mediterranean.")
    assert sides(ext, "COOPERATE")[0] == ["FRA", "EGY"]
    ext = extract_text("Settlers set fire to the offices of the Palestinian administrators.")
    assert [(e.type, e.mode) for e in ext.events] == [("COERCE", "property")]  # property, not people


def test_who_fires_a_weapon_does_what_it_targets(extract_text) -> None:
    ext = extract_text("Iran fired ballistic missiles targeting US troops in Iraqi military bases.")
    assert sides(ext, "ASSAULT") == (["IRN"], ["USA"])


def test_a_denial_answers_the_last_accusation_against_its_source(extract_text) -> None:
    ext = extract_text("US Secretary of State Mike Pompeo accused Iran of attacking the tankers. "
                       "Iran denied the accusation.")
    assert sides(ext, "REJECT") == (["IRN"], ["USA", "PER:MIKE_POMPEO"])
    # no accusation against it: no target is made up
    assert sides(extract_text("Iran denied the accusation."), "REJECT") == (["IRN"], [])


def test_whom_an_act_leaves_out_is_not_its_target(extract_text) -> None:
    ext = extract_text("Turkey invited the countries of the region to a conference, except Cyprus.")
    assert all("CYP" not in e.target for e in ext.events)


def test_protesting_that_something_is_wrong_is_a_complaint(extract_text) -> None:
    ext = extract_text("Iran protested that the US had violated its airspace.")
    assert sides(ext, "ACCUSE") == (["IRN"], ["USA"])
    assert [e.type for e in extract_text("Students protested in Belgrade.").events] == ["PROTEST"]
