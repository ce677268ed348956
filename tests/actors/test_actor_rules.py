"""The actors stage's named rules (newsgraph/nlp/actors/rules.py): every actor says which rule made it and
which changed it, with the text each used as evidence; every rule can be switched off in the config, and then
it never fires; and every rule changes what the stage says on tests/actors/corpus.py when it is off."""

from __future__ import annotations

import time

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Actor
from newsgraph.nlp.actors.component import ActorsComponent
from newsgraph.nlp.actors.rules import RULES
from newsgraph.nlp.rules import UnknownRule
from tests.actors.corpus import TEXTS
from tests.helpers import before_stage


def before_actors(nlp: Language, text: str) -> Doc:
    """A text through every component that runs before the actors stage."""
    return before_stage(nlp, nlp.make_doc(text), "newsgraph_actors")


@pytest.fixture(scope="module")
def docs(nlp: Language, seed_text: str) -> list[Doc]:
    return [before_actors(nlp, text) for text in (seed_text, *TEXTS)]


def actors_of(nlp: Language, docs: list[Doc], rules_off: list[str] | None = None) -> list[list[Actor]]:
    stage = ActorsComponent(nlp, rules_off or [])
    return [list(stage(doc)._.actors) for doc in docs]


def said(actors: list[list[Actor]]) -> list[list[tuple]]:
    """What the stage says, without the rules that say why."""
    return [[(a.name, a.kind, a.code, a.country, a.affiliation, a.role, a.role_text,
              [(m.start, m.end, m.form) for m in a.mentions]) for a in found] for found in actors]


@pytest.fixture(scope="module")
def everything_on(nlp: Language, docs: list[Doc]) -> list[list[tuple]]:
    return said(actors_of(nlp, docs))


def test_every_actor_names_the_rule_that_made_it_with_evidence_in_the_text(nlp, docs) -> None:
    for doc, found in zip(docs, actors_of(nlp, docs), strict=True):
        for actor in found:
            assert actor.rule in RULES.rules, (actor.name, actor.rule)
            assert actor.trace and actor.trace[0][0] == actor.rule
            for rule, start, end in actor.trace:
                assert rule in RULES.rules
                assert (start is None) == (end is None)
                if start is not None:
                    assert 0 <= start < end <= len(doc.text), (actor.name, rule, start, end)


def test_the_trace_of_a_titled_person_shows_each_rule_and_its_evidence(nlp, docs) -> None:
    seed, text = actors_of(nlp, docs[:1])[0], docs[0].text
    austin = next(a for a in seed if a.name == "Lloyd Austin")
    steps = [(rule, text[s:e]) for rule, s, e in austin.trace]
    assert steps[:4] == [("actors.person.entity", "Lloyd Austin"), ("actors.title.before", "Defense Secretary"),
                         ("actors.affiliation.title", "U.S."), ("actors.role.canonical", "Defense Secretary")]
    assert ("actors.merge.surname", "Austin") in steps
    assert steps[-1] == ("actors.code.stable", "Lloyd Austin")
    blinken = next(a for a in seed if a.name == "Antony Blinken")
    assert [(rule, text[s:e]) for rule, s, e in blinken.trace][:3] == [
        ("actors.person.entity", "Antony Blinken"), ("actors.title.before", "Secretary of State"),
        ("actors.affiliation.coordinated", "Lloyd Austin")]
    moscow = next(a for a in seed if a.name == "Russia")
    capital = [i for i, (rule, _, _) in enumerate(moscow.trace) if rule == "actors.lexicon.capital"]
    assert capital and moscow.trace[capital[0] + 1][0].startswith("actors.capital.")  # why Moscow acts


@pytest.mark.parametrize("rule", list(RULES.rules))
def test_a_rule_switched_off_never_fires_and_changes_what_the_stage_says(nlp, docs, everything_on, rule) -> None:
    found = actors_of(nlp, docs, [rule])
    assert not [a.name for actors in found for a in actors if any(step[0] == rule for step in a.trace)]
    assert said(found) != everything_on, f"{rule} does nothing on tests/actors/corpus.py: give it a text"


def test_the_factory_takes_rules_off_and_its_tunables_from_the_config(nlp) -> None:
    config = nlp.get_factory_meta("newsgraph_actors").default_config
    assert config["rules_off"] == []
    assert {"max_title_phrase", "known_place_population", "division_population", "max_untagged_name",
            "counterpart_sentences"} <= set(config)
    base = spacy.blank("en")
    base.add_pipe("newsgraph_actors", config={"rules_off": ["events.target.place_object", "actors.merge.surname"]})
    assert not base.get_pipe("newsgraph_actors").res.rules.on("actors.merge.surname")  # other stages' names ignored
    with pytest.raises(UnknownRule, match=r"actors\.merge\.surnames"):
        ActorsComponent(nlp, ["actors.merge.surnames"])


def test_persons_cost_linear_time_in_their_mentions() -> None:
    # the fuzz harness found 3,000 person mentions cost 4 s: each was looked up among all the others
    blank = spacy.blank("en")
    stage = ActorsComponent(blank)

    def letters(i: int) -> str:  # 0 -> "a", 27 -> "bb": names are words
        return "".join(chr(ord("a") + int(d)) for d in str(i))

    def doc(n: int) -> Doc:
        words: list[str] = []
        ents: list[str] = []
        for i in range(n):
            surname = f"Lee{letters(i)}"
            words += ["Ann", surname, "met", "Bo", f"Ray{letters(i)}", "and", surname, "said", "so", "."]
            ents += ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "O", "O"]
        return Doc(blank.vocab, words=words, ents=ents, sent_starts=[i % 10 == 0 for i in range(len(words))])

    def cost(d: Doc) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            stage(d)
            best = min(best, time.perf_counter() - start)
        return best

    small, large = doc(300), doc(1200)  # 900 and 3,600 mentions
    assert len(stage(large)._.actors) == 2400
    assert cost(large) / cost(small) < 8  # linear: about 4; quadratic: 16


def test_explain_shows_why_an_actor_has_its_affiliation(tmp_path, extract_text) -> None:
    from dataclasses import replace

    from newsgraph.store import Store
    from tests.helpers import cli_run

    ext = extract_text("U.S. Defense Secretary Lloyd Austin will meet his South Korean counterparts in Washington. A "
                       "spokeswoman said that Austin and Defense Minister Kim Yong-hyun will discuss the deployment.")
    kim = next(a for a in ext.actors if a.name == "Kim Yong-hyun")
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        store.write(replace(ext, article=replace(ext.article, id="a1")))
    code, out, _ = cli_run("explain", "a1", kim.id, "--db", str(db))
    assert code == 0
    lines = out.splitlines()
    assert "  made by   actors.person.entity" in lines
    assert "    actors.affiliation.counterpart  “South Korean counterparts” [50:75]" in lines
