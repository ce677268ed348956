"""The places stage's named rules: every place says which rule found it and which rules decided its
reading, with evidence that is text of the article; every rule can be switched off; the tunables are
the factory's config; and every rule changes what the stage says on tests/places/corpus.py when it is
off, but those of NO_CHANGE."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Place
from newsgraph.nlp.places.component import PlacesComponent
from newsgraph.nlp.places.rules import RULES
from newsgraph.nlp.places.stage import Settings
from newsgraph.nlp.rules import UnknownRule
from tests.places.corpus import TEXTS


@pytest.fixture(scope="module")
def docs(nlp: Language, seed_text: str) -> list[Doc]:
    """The founding article, then the texts of tests/places/corpus.py, through the pipeline up to the
    places stage (the later stages add to the actors, which the places stage reads)."""
    later = nlp.pipe_names[nlp.pipe_names.index("newsgraph_places") + 1:]
    with nlp.select_pipes(disable=later):
        return [nlp(text) for text in [seed_text, *TEXTS]]


def _places(doc: Doc, rules_off: list[str] | None = None) -> list[Place]:
    """The places of a parsed Doc, found again with these rules off."""
    PlacesComponent(rules_off)(doc)
    return list(doc._.places)


def _steps(places: list[Place]) -> set[str]:
    return {str(step[0]) for p in places for step in p.trace}


def test_every_place_names_the_rule_that_found_it(docs):
    for doc in docs:
        for p in _places(doc):
            assert p.rule is not None and p.rule.startswith("places.found."), p
            assert p.trace and p.trace[0][0] == p.rule
            assert all(step[0] in RULES.rules for step in p.trace), p.trace


def test_the_founding_article_places_have_rules(seed_extraction):
    assert seed_extraction.places
    assert all(p.rule is not None and p.rule in RULES.rules for p in seed_extraction.places)


def test_trace_evidence_is_text_of_the_article(docs):
    for doc in docs:
        for p in _places(doc):
            for rule, start, end in p.trace:
                if start is None:
                    assert end is None
                    continue
                assert isinstance(start, int) and isinstance(end, int), (rule, start, end)
                assert 0 <= start < end <= len(doc.text) and doc.text[start:end].strip(), (rule, start, end)


def _evidence(doc: Doc, text: str, rule: str, n: int = 1) -> list[str]:
    """The evidence texts of ``rule`` on the ``n``-th place called ``text``."""
    place = [p for p in doc._.places if p.text == text][n - 1]
    return [doc.text[s:e] for r, s, e in place.trace if r == rule and s is not None]


@pytest.mark.parametrize(("n", "place", "rule", "evidence"), [
    (1, "Kursk region", "places.found.division_word", "region"),
    (2, "Paris", "places.resolve.pin_comma", "Texas"),
    (2, "Texas", "places.resolve.division_after_town", "Paris"),
    (3, "Waterloo", "places.resolve.neighbours", "Kitchener"),
    (4, "Waukegan", "places.found.motion_to", "to"),
    (5, "Russian territory", "places.found.demonym_division", "territory"),
    (5, "Moscow", "places.resolve.stands_for", "Moscow"),
    (6, "Edmonton", "places.resolve.small_towns", "Ky."),
    (7, "Xqzabad", "places.resolve.container_country", "Idlib province"),
    (7, "Qwertyville", "places.resolve.listed_country", "Townsville"),
    (8, "Raynor Avenue", "places.found.street", "Avenue"),
    (9, "Haram district", "places.resolve.confine_possessive", "Giza"),
])
def test_evidence_of_a_rule(docs, n, place, rule, evidence):
    _places(docs[n])
    assert evidence in _evidence(docs[n], place, rule)


def test_the_second_paris_is_pinned_by_the_first(docs):
    _places(docs[2])
    assert _evidence(docs[2], "Paris", "places.resolve.pin_spread", 2) == ["Paris"]


def test_the_parts_that_decided_a_reading_are_traced(docs):
    """Only the parts of the score that set the reading apart from the runner-up: "Washington" the
    capital wins by population and by being a capital, not by the article's country (both readings
    are in the USA)."""
    doc = docs[3]
    _places(doc)
    waterloo = next(p for p in doc._.places if p.text == "Waterloo")
    decided = [step[0] for step in waterloo.trace if step[0].startswith("places.resolve.")]
    assert "places.resolve.neighbours" in decided
    assert "places.resolve.level" not in decided  # both readings are towns


@pytest.mark.parametrize("rule", sorted(RULES.rules))
def test_a_switched_off_rule_does_not_fire(docs, rule):
    """Every rule can be switched off: the stage still runs, and the rule is in no trace (on the founding
    article and the texts read above; the test below checks the rest of the corpus)."""
    for doc in docs[:10]:
        places = _places(doc, [rule])
        assert rule not in _steps(places)
        assert all(p.rule is not None and p.rule.startswith("places.found.") for p in places)
    for doc in docs[:10]:
        _places(doc)  # as the pipeline left it, for the other tests


@pytest.mark.parametrize(("n", "rule", "text", "on", "off"), [
    # NATO is a town in the Philippines; only the rule keeps the body's name off the map
    (4, "places.not.listed_body", "NATO", None, "PHL"),
    # "Russian territory" somewhere in Russia; without the rule the adjective is no division of its own
    (5, "places.found.demonym_division", "Russian territory", "RUS", "PRK"),
    # "fled to Waukegan": spaCy calls Waukegan a person
    (4, "places.found.motion_to", "Waukegan", "USA", None),
    (9, "places.resolve.confine_possessive", "Haram district", "EGY", "NOR"),
])
def test_switching_a_rule_off_changes_what_it_decides(docs, n, rule, text, on, off):
    def country(places: list[Place]) -> str | None:
        return next((p.country for p in places if p.text == text), None)

    assert country(_places(docs[n])) == on
    assert country(_places(docs[n], [rule])) == off
    _places(docs[n])


# The rules for which no text was found on which switching the rule off changes what the stage says:
# rule -> why. Each is an expected failure of the test below, so a rule that starts to matter fails it.
NO_CHANGE = {
    "places.not.seat_building": "switched off, a seat's mention falls to places.not.actor, which blocks it the "
                                "same way unless the name is written where only a place fits; a seat is found "
                                "by places.found.seat_building, which never marks it so",
    "places.not.person_name": "the person's own mentions reach the name first ('Kay Hagan ... Hagan, North "
                              "Carolina's senator': 'Hagan' is a surname mention, and places.not.actor drops it)",
    "places.not.unwritten": "the unknown names it would drop were each dropped first by places.not.actor (spaCy's "
                            "GPE that the actors stage reads as an organization: 'Zappos', 'Barca') or kept by a "
                            "cue it accepts",
    "places.resolve.division_after_town": "'Atlanta, Georgia', 'Paris, Texas': the town's comma pin, the named "
                                          "division and the article's countries already make the name the US "
                                          "state, even with Tbilisi in the article",
    "places.resolve.division_by_town": "a name with a division word known only as a town gets its readings from "
                                       "places.resolve.stem, and a name with one reading puts its country among "
                                       "the article's, so the filter keeps it ('the Waukegan district')",
    "places.resolve.dominant_country": "+1 for the dominant country's reading: the article's countries (+2/+3) "
                                       "and the named division already favour that same reading",
    "places.resolve.has_point": "only 142 records lack coordinates (old countries, unpeopled divisions): none was "
                                "found within one point of a rival that has them",
    "places.resolve.airport_name": "an airport named in full with its kind word ('Heathrow Airport') has no town "
                                   "rival of that name, so the bonus decides nothing; it used to make a city the "
                                   "airport named like it ('Kalaburagi'), which the kind word now prevents",
}


def _said(places: list[Place]) -> list[dict[str, Any]]:
    """What the stage says, without the rules that say why."""
    return [{k: v for k, v in asdict(p).items() if k not in ("rule", "trace")} for p in places]


@pytest.fixture(scope="module")
def everything_on(docs) -> list[list[dict[str, Any]]]:
    return [_said(_places(doc)) for doc in docs[1:]]


@pytest.mark.slow
@pytest.mark.parametrize("rule", [
    pytest.param(rule, marks=pytest.mark.xfail(strict=True, reason=NO_CHANGE[rule])) if rule in NO_CHANGE else rule
    for rule in sorted(RULES.rules)])
def test_a_rule_switched_off_never_fires_and_changes_what_the_stage_says(docs, everything_on, rule):
    try:
        found = [_places(doc, [rule]) for doc in docs[1:]]
        assert not [p.text for places in found for p in places if rule in _steps([p])]
        off = [_said(places) for places in found]
    finally:
        for doc in docs[1:]:
            _places(doc)  # as the pipeline left it, for the other tests
    assert off != everything_on, f"{rule} does nothing on tests/places/corpus.py: give it a text"


def test_no_change_names_rules():
    assert set(NO_CHANGE) <= set(RULES.rules)


def test_the_factory_takes_rules_off_and_settings():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_places", config={"rules_off": ["places.found.entity", "events.target.place_object"],
                                             "settings": {"close_km": 20.0}})
    component = nlp.get_pipe("newsgraph_places")
    assert isinstance(component, PlacesComponent)
    assert not component.stage.on("places.found.entity") and component.stage.on("places.found.dateline")
    assert component.stage.settings == Settings(close_km=20.0)
    assert nlp("KABUL (Reuters) — A bomb exploded.")._.places[0].rule == "places.found.dateline"


def test_a_misspelt_rule_or_setting_is_refused():
    with pytest.raises(UnknownRule):
        PlacesComponent(["places.found.entiti"])
    nlp = spacy.blank("en")
    with pytest.raises(TypeError):
        nlp.add_pipe("newsgraph_places", config={"settings": {"close_kms": 20.0}})


def test_the_default_settings_are_the_config_defaults():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_places")
    component = nlp.get_pipe("newsgraph_places")
    assert isinstance(component, PlacesComponent) and component.stage.settings == Settings()
    assert nlp.config["components"]["newsgraph_places"]["settings"]["division_window"] == 80


def test_a_setting_changes_the_reading(nlp):
    """How close two namesakes must lie to support each other is a setting: at 1 km, the London pair
    "Edmonton" and "Enfield" no longer find each other, and the bigger namesakes abroad win."""
    text = "Residents of Edmonton packed the meeting on Tuesday, and Enfield Council promised new bins for the street."
    with nlp.select_pipes(disable=nlp.pipe_names[nlp.pipe_names.index("newsgraph_places") + 1:]):
        doc = nlp(text)
    PlacesComponent()(doc)
    assert [p.country for p in doc._.places] == ["GBR", "GBR"]
    PlacesComponent(settings=Settings(close_km=1.0, neighbour_km=1.0))(doc)
    assert [p.country for p in doc._.places] == ["CAN", "USA"]
