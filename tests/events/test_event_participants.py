"""The events stage's actors (newsgraph/nlp/events/participants.py): collectives, groups of a state, places
as states, pronouns, and the actors stage's codes as events use them.
"""

from __future__ import annotations

from spacy.language import Language

from tests.events.common import code, find, sides


def test_people_in_a_place_belong_to_its_state(extract_text) -> None:
    ext = extract_text("Demonstrators in Baghdad blocked a road to protest against the United States.")
    ev = next(e for e in ext.events if e.type == "PROTEST")
    assert ev.source == ["IRQ"]


def test_anti_modifier_is_not_the_source(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "An anti-Russian coalition attacked Russia."), "ASSAULT")
    assert ev.source == [] and ev.target == ["RUS"]


def test_group_inside_a_state_is_apart_from_its_government(events_nlp: Language, extract_text) -> None:
    ev = find(code(events_nlp, "Serbia is prosecuting crimes by Serbian extremists against civilians."), "ACCUSE")
    assert (ev.source, ev.target) == (["SRB"], ["SRB"])
    # a state is still not its own target
    ev = find(code(events_nlp, "Serbia attacked Serbia."), "ASSAULT")
    assert ev.target == []
    # rebels act on places of their own state; the government acting there does not target itself
    ext = extract_text("Malian rebels shelled the town of Gao on Monday.")
    assert [(e.type, e.source, e.target) for e in ext.events] == [("ASSAULT", ["MLI"], ["MLI"])]


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


def test_a_people_word_does_not_hide_the_state_of_the_phrase(extract_text) -> None:
    ext = extract_text("Druze inhabitants of the Syrian Golan Heights protested against Israel.")
    assert "SYR" in sides(ext, "PROTEST")[0]


def test_first_person_in_a_quotation_is_its_speaker(extract_text) -> None:
    ext = extract_text('"I strongly reject the new US blockade measure," Cuban Foreign Minister Bruno Parrilla '
                       'wrote on Twitter.')
    assert sides(ext, "REJECT") == (["CUB", "PER:BRUNO_PARRILLA"], ["USA"])


def test_police_with_no_state_are_a_group(extract_text) -> None:
    assert sides(extract_text("Police arrived and shot him."), "ASSAULT")[0] == ["GRP:POLICE"]
    assert sides(extract_text("Police opened fire on protesters."), "ASSAULT") == (["GRP:POLICE"], ["GRP:PROTESTER"])
