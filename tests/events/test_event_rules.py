"""The events stage's named rules (newsgraph/nlp/events/rules.py): every event says which rule made it and
which changed it, with the text each used as evidence; every rule can be switched off in the config, and then
it never fires; and every rule changes what the stage says on tests/events/corpus.py when it is off."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Actor, Article, Event
from newsgraph.nlp.events.component import EventsComponent, make_events
from newsgraph.nlp.events.rules import RULES
from newsgraph.nlp.pipeline import make_doc
from newsgraph.nlp.rules import UnknownRule
from tests.events.common import hand_actors
from tests.events.corpus import TEXTS, WITHOUT_CLAIMS
from tests.helpers import before_stage

TRIGGER_RULES = {name for name in RULES.rules if name.startswith("events.trigger.")}


def before_events(nlp: Language, text: str) -> Doc:
    """A text through every component that runs before the events stage."""
    return before_stage(nlp, make_doc(nlp, Article("t", text, dt.date(2024, 10, 28))), "newsgraph_events")


@pytest.fixture(scope="module")
def docs(nlp: Language, seed_text: str) -> list[tuple[Doc, list[Actor]]]:
    """The corpus up to the events stage, with the actors as the actors stage left them (the events stage
    adds the collectives and places it names, so each run starts from a copy)."""
    out = []
    for text in (seed_text, *TEXTS, *WITHOUT_CLAIMS):
        doc = before_events(nlp, text)
        if text in WITHOUT_CLAIMS:
            doc._.claims = []
        out.append((doc, copy.deepcopy(doc._.actors)))
    return out


Results = list[tuple[list[Event], list[Actor]]]  # per text: the events, and the actors after the stage


def run(docs: list[tuple[Doc, list[Actor]]], rules_off: list[str] | None = None) -> Results:
    stage = make_events(spacy.blank("en"), "newsgraph_events", keep_unreal=False, rules_off=rules_off or [])
    out = []
    for doc, actors in docs:
        doc._.actors = copy.deepcopy(actors)
        stage(doc)
        out.append((list(doc._.events), list(doc._.actors)))
    return out


def said(results: Results) -> list[tuple[list[dict], list[tuple]]]:
    """What the stage says, without the rules that say why."""
    def plain(item: Event) -> dict:
        return {k: v for k, v in dataclasses.asdict(item).items() if k not in ("rule", "trace")}

    return [([plain(e) for e in events], [(a.id, a.code, a.country, [(m.start, m.end, m.form) for m in a.mentions])
                                          for a in actors]) for events, actors in results]


@pytest.fixture(scope="module")
def everything_on(docs) -> list[tuple[list[dict], list[tuple]]]:
    return said(run(docs))


def test_every_event_names_the_trigger_rule_that_made_it_with_evidence_in_the_text(docs) -> None:
    for (doc, before), (events, actors) in zip(docs, run(docs), strict=True):
        for ev in events:
            assert ev.rule in TRIGGER_RULES, (ev.text, ev.rule)
            assert ev.trace and ev.trace[0] == [ev.rule, *ev.trigger], ev.trace  # the trigger is its evidence
            for rule, start, end in ev.trace:
                assert rule in RULES.rules
                assert (start is None) == (end is None)
                if start is not None:
                    assert 0 <= start < end <= len(doc.text), (ev.text, rule, start, end)
        # the actors the stage made (collectives, states of places) say so too
        made_before = {a.id for a in before}
        assert all(a.rule in ("events.actor.collective", "events.actor.place_state")
                   for a in actors if a.id not in made_before)
        for actor in actors:
            for rule, start, end in actor.trace:
                if rule.startswith("events."):
                    assert rule in ("events.actor.collective", "events.actor.place_state")
                    assert start is None or doc.text[start:end] in [m.text for m in actor.mentions]


def test_the_trace_of_a_seed_event_shows_each_rule_and_its_evidence(docs) -> None:
    (doc, _), (events, _) = docs[0], run(docs[:1])[0]
    text = doc.text

    def steps(words: str) -> list[tuple[str, str | None]]:
        ev = next(e for e in events if words in e.text)
        return [(rule, text[s:e] if s is not None else None) for rule, s, e in ev.trace]

    assert steps("Putin first visited North Korea") == [
        ("events.trigger.verb", "visited"), ("events.source.subject", "Putin"), ("events.target.object", "North Korea"),
        ("events.merge.linked", "talks"), ("events.filter.consult_party", "visited"), ("events.time.clause", "2000"),
        ("events.place.evidence", "North Korea")]
    assert steps("invasion of Ukraine in February 2022")[:4] == [
        ("events.trigger.noun", "invasion"), ("events.source.possessor", "Russia’s"),
        ("events.target.of_object", "Ukraine"), ("events.time.governing", "February 2022")]
    # the deployment stated several times: each restatement is in the trace, with the rule that linked it
    moved = steps("have moved to Russia")
    assert ("events.coref.same_word", "the deployment of North Korean soldiers") in moved
    assert ("events.coref.same_dyad", "the North Korean soldiers sent to Russia") in moved
    # the status rules say which words made it reported or planned
    assert ("events.status.claim", "more than 3,000 North Korean troops have been sent to Russia, with more than "
                                   "12,000 expected by December") in steps("3,000")
    assert ("events.status.future", "will") in steps("will meet with their South Korean counterparts")


@pytest.mark.slow
@pytest.mark.parametrize("rule", list(RULES.rules))
def test_a_rule_switched_off_never_fires_and_changes_what_the_stage_says(docs, everything_on, rule) -> None:
    results = run(docs, [rule])
    assert not [ev.text for events, _ in results for ev in events if any(step[0] == rule for step in ev.trace)]
    assert not [a.name for _, actors in results for a in actors if any(step[0] == rule for step in a.trace)]
    assert said(results) != everything_on, f"{rule} does nothing on tests/events/corpus.py: give it a text"


def test_the_factory_takes_rules_off_and_its_tunables_from_the_config() -> None:
    base = spacy.blank("en")
    config = base.get_factory_meta("newsgraph_events").default_config
    assert config["rules_off"] == []
    assert {"keep_unreal", "restatement_sentences", "restatement_stem", "pronoun_sentences"} <= set(config)
    base.add_pipe("newsgraph_events", config={"rules_off": ["actors.merge.surname", "events.target.place"]})
    stage = base.get_pipe("newsgraph_events")
    assert isinstance(stage, EventsComponent)
    assert not stage.rules.on("events.target.place") and stage.rules.on("events.target.object")  # others ignored
    with pytest.raises(UnknownRule, match=r"events\.target\.places"):
        make_events(base, "x", keep_unreal=False, rules_off=["events.target.places"])


def stage_alone(nlp: Language, text: str, **config) -> list[Event]:
    """The events stage alone, configured, on a text with the actors given by hand (tests/events/common.py)."""
    doc = nlp.make_doc(text)
    doc._.published = dt.date(2024, 10, 28)
    for _name, proc in nlp.pipeline[:-1]:
        doc = proc(doc)
    doc._.actors, doc._.claims = hand_actors(text), []
    return list(make_events(nlp, "x", **{"keep_unreal": True, **config})(doc)._.events)


def test_a_guard_switched_off_lets_through_what_it_kept_out(events_nlp: Language) -> None:
    text = "Video captured Putin wearing a mask."  # a recording, not a capture
    assert stage_alone(events_nlp, text) == []
    assert [e.type for e in stage_alone(events_nlp, text, rules_off=["events.trigger.recording"])] == ["ASSAULT"]


def test_the_restatement_window_is_a_tunable(events_nlp: Language) -> None:
    text = "Russian troops attacked. The weather was cold. Markets fell. Schools closed. Russia launched an offensive."
    assert len([e for e in stage_alone(events_nlp, text) if e.type == "ASSAULT"]) == 2
    assert len([e for e in stage_alone(events_nlp, text, restatement_sentences=4) if e.type == "ASSAULT"]) == 1
