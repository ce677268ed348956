"""Triggers (newsgraph/nlp/events/triggers.py and the PLOVER lexicons): which words state which PLOVER type,
and the guards against what only looks like an event.
"""

from __future__ import annotations

import functools

from spacy.language import Language

from tests.events.common import code, event_types, find, sides


def test_war_toll_is_not_an_event(events_nlp: Language) -> None:
    assert not [e for e in code(events_nlp, "More than 600,000 Russian soldiers have been killed or wounded "
                                            "in the war.") if e.type == "ASSAULT"]
    assert find(code(events_nlp, "Three Russian soldiers were killed in a drone strike."), "ASSAULT")


def test_agreeing_with_an_opinion_is_not_an_agreement(events_nlp: Language) -> None:
    assert not [e for e in code(events_nlp, "Putin agreed that the talks had gone well.") if e.type == "AGREE"]
    assert find(code(events_nlp, "Putin agreed that Russia should withdraw from Ukraine."), "AGREE")
    assert find(code(events_nlp, "Putin agreed to withdraw from Ukraine."), "AGREE")


def test_denying_an_allegation_rejects_it(events_nlp: Language) -> None:
    evs = code(events_nlp, "Putin denied the allegations by Ukraine.")
    assert evs and evs[0].type == "REJECT"


def test_must_is_a_demand(events_nlp: Language) -> None:
    ev = code(events_nlp, "France said Germany must withdraw its troops.")
    assert [(e.type, e.source, e.target) for e in ev] == [("REQUEST", ["FRA"], ["DEU"])]


def test_should_is_a_demand_not_a_hypothesis(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "France said Germany should withdraw its troops."), "REQUEST")
    assert ev.status == "occurred" and ev.target == ["DEU"]


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


def test_a_formal_protest_is_an_accusation(extract_text) -> None:
    ext = extract_text("Serbia lodged an official protest with Albania.")
    assert [(e.type, e.source, e.target) for e in ext.events] == [("ACCUSE", ["SRB"], ["ALB"])]


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


def test_breaching_a_wall_is_force_and_a_ceasefire_defiance(extract_text) -> None:
    assert [e.type for e in extract_text("Russian troops breached the ceasefire.").events] == ["REJECT"]
    assert [e.type for e in extract_text("Russian troops breached the defensive line near Avdiivka.").events] \
        == ["ASSAULT"]


def test_showing_is_no_demonstration_and_admitting_blame_concedes(extract_text) -> None:
    assert extract_text("The statement tonight demonstrates a lack of understanding.").events == []
    assert [e.type for e in extract_text("Thousands demonstrated in Kyiv.").events] == ["PROTEST"]
    ext = extract_text("Crown Prince Mohammad bin Salman of Saudi Arabia accepted responsibility for the murder.")
    assert [e.type for e in ext.events] == ["CONCEDE"]


def test_orders_and_obligations_in_speech_are_requests(extract_text) -> None:
    ext = extract_text('"Withdraw your troops from Ukraine," Biden told Putin.')
    assert [(e.type, e.source, e.target) for e in ext.events] == [("REQUEST", ["PER:BIDEN"], ["PER:PUTIN"])]
    ext = extract_text('"Stop attacking each other," Carrie Lam told the legislators.')
    assert [e.type for e in ext.events] == ["REQUEST"]  # no assault: the attacks are asked to stop


def test_protesting_that_something_is_wrong_is_a_complaint(extract_text) -> None:
    ext = extract_text("Iran protested that the US had violated its airspace.")
    assert sides(ext, "ACCUSE") == (["IRN"], ["USA"])
    assert [e.type for e in extract_text("Students protested in Belgrade.").events] == ["PROTEST"]
