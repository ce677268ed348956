"""Merging mentions into actors, stable codes, and the helpers later stages use (newsgraph/nlp/actors/merge.py,
component.actor_at, lexicon.actor_code)."""

from __future__ import annotations

from newsgraph.nlp.actors.component import actor_at
from newsgraph.nlp.actors.lexicon import actor_code
from tests.actors.common import by_name, mention_texts


def test_surname_joins_the_full_name(extract_text):
    ext = extract_text("NATO chief Mark Rutte spoke in Brussels. Rutte’s comments follow weeks of reports. "
                       "In his remarks, Rutte said more was needed.")
    rutte = by_name(ext, "Mark Rutte")
    assert mention_texts(rutte) == ["Mark Rutte", "Rutte", "Rutte"]
    assert len([a for a in ext.actors if a.kind == "person"]) == 1


def test_bare_surname_stays_with_the_first_full_name(extract_text):
    # a relative named later is named in full; the bare surname is still the article's first bearer
    ext = extract_text("Joe Biden visited Ohio on Monday. His son Hunter Biden joined him there. "
                       "Later, Biden criticized the plan.")
    assert mention_texts(by_name(ext, "Joe Biden")) == ["Joe Biden", "Biden"]
    assert mention_texts(by_name(ext, "Hunter Biden")) == ["Hunter Biden"]


def test_arabic_article_in_surnames(extract_text):
    ext = extract_text("Prime Minister Haider al-Abadi met the envoy. Abadi said talks went well.")
    assert mention_texts(by_name(ext, "Haider al-Abadi")) == ["Haider al-Abadi", "Abadi"]


def test_ids_are_sequential_and_mentions_have_spans(extract_text):
    text = "Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow."
    ext = extract_text(text)
    assert [a.id for a in ext.actors] == [f"A{i}" for i in range(1, len(ext.actors) + 1)]
    for a in ext.actors:
        for m in a.mentions:
            assert text[m.start:m.end] == m.text


def test_actor_at_and_actor_code(nlp):
    text = "NATO chief Mark Rutte said North Korean troops were sent to Russia."
    doc = nlp(text)
    start = text.index("Mark Rutte")
    rutte = actor_at(doc, start, start + 4)
    assert rutte is not None and rutte.name == "Mark Rutte"
    assert actor_code(rutte) == "NATO"
    start = text.index("North Korean")
    assert actor_code(actor_at(doc, start, start + len("North Korean"))) == "PRK"
    assert actor_at(doc, text.index("troops"), text.index("troops") + 6) is None
    assert actor_code(None) is None


def test_named_actors_without_a_state_get_a_stable_code(extract_text):
    from newsgraph.nlp.actors.merge import stable_code

    ext = extract_text("Askar Tulegenov met leaders of the Azadliq Party in Baku, officials said.")
    person = by_name(ext, "Askar Tulegenov")
    assert person.code == stable_code("person", "Askar Tulegenov") == "PER:ASKAR_TULEGENOV"
    assert actor_code(person) == "PER:ASKAR_TULEGENOV"
    assert not [a for a in ext.actors if a.name.lower() == "officials" and a.code]  # described, not named
    # a person acting for a state keeps that state as the code events use
    ext = extract_text("Russian President Vladimir Putin met Kim Jong Un.")
    putin = by_name(ext, "Vladimir Putin")
    assert (putin.code, actor_code(putin)) == ("PER:VLADIMIR_PUTIN", "RUS")
    assert stable_code("state", "Russia") is None
