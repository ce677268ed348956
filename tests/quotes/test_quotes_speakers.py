"""Who says it: the source phrase, the actor it is (mentions, pronouns, titles, new actors) and the source
chain (sources.py, speakers.py, pronouns.py, chains.py).
"""

from __future__ import annotations

import pytest

from newsgraph.model import Actor, Mention
from tests.quotes.common import actor, only, span_text, speaker_name


def test_report_defers_to_its_origin(run):
    text = (
        "The latest reports, which originated from the National Intelligence Service, have suggested that "
        "more than 3,000 troops have been sent to Russia."
    )
    nis = actor(text, "National Intelligence Service", "organization", "A1")
    doc = run(text, [nis])
    q = only(doc)
    assert q.speaker == "A1"
    claim = next(c for c in doc._.claims if c.id == q.claim)
    assert [link.relation for link in claim.chain] == ["said", "origin"]
    assert claim.chain[0].text.startswith("The latest reports")
    assert claim.chain[1].actor == "A1"
    assert claim.modality == "hedged"

def test_briefed_speaker_stays_speaker_with_chain(run):
    text = (
        "South Korean politicians who had been briefed by the country’s spy agency said that the soldiers "
        "had not been deployed in combat zones."
    )
    doc = run(text)
    q = only(doc)
    assert speaker_name(doc, q) == "South Korean politicians"
    speaker = next(a for a in doc._.actors if a.id == q.speaker)
    assert speaker.kind == "group"
    claim = next(c for c in doc._.claims if c.id == q.claim)
    assert [link.relation for link in claim.chain] == ["said", "briefed_by"]
    assert claim.modality == "negated"

def test_pronoun_speaker_is_the_recent_person_speaker(run):
    text = (
        "Ukrainian President Volodymyr Zelenskiy warned that Russia intended to attack. Putin was in Moscow. "
        "He called for “tangible” pressure on the two countries.\n"
        "“The world can clearly see Russia’s true intentions,” he said."
    )
    actors = [actor(text, "Volodymyr Zelenskiy", aid="A1"), actor(text, "Putin", aid="A2")]
    doc = run(text, actors)
    assert [q.kind for q in doc._.quotes] == ["indirect", "mixed", "direct"]
    assert [q.speaker for q in doc._.quotes] == ["A1", "A1", "A1"]

def test_description_resolves_to_actor_with_that_role(run):
    text = "Mark Rutte met ministers in Brussels. The NATO chief said that the alliance would respond."
    rutte = actor(text, "Mark Rutte", role="Secretary General", affiliation="NATO")
    doc = run(text, [rutte])
    assert only(doc).speaker == "A1"

def test_unnamed_group_becomes_an_actor_with_a_fresh_id(run):
    text = "Some analysts have suggested that the troops may be intended to defend Russian territory."
    doc = run(text, [Actor("A7", "Russia", "state")])
    q = only(doc)
    created = next(a for a in doc._.actors if a.id == q.speaker)
    assert created.id == "A8" and created.kind == "group" and created.name == "Some analysts"
    assert created.mentions and created.mentions[0].text == "Some analysts"

def test_anonymous_officials(run):
    text = "Officials who spoke on condition of anonymity said the strike killed 12 people."
    doc = run(text)
    q = only(doc)
    speaker = next(a for a in doc._.actors if a.id == q.speaker)
    assert speaker.anonymous

def test_no_speaker_gives_none(run):
    doc = run("It was reported that the bridge had collapsed.\n“We will fight until the very end of this war.”")
    assert len(doc._.quotes) == 2
    assert all(q.speaker is None for q in doc._.quotes)

def test_event_noun_is_not_the_speaker(run):
    text = "Tony Bobulinski held a press conference claiming that Biden knew about the deals."
    doc = run(text, [actor(text, "Tony Bobulinski")])
    assert only(doc).speaker == "A1"

def test_she_skips_a_speaker_called_he(run):
    text = (
        "Senator Ann Price spoke first. Governor Tom Reyes said that he would sign the bill. "
        "“It is a good day for the state,” she said."
    )
    price = actor(text, "Ann Price", aid="A1")
    reyes = actor(text, "Tom Reyes", aid="A2")
    he_at = text.index(" he ") + 1
    reyes.mentions.append(Mention(he_at, he_at + 2, "he"))
    doc = run(text, [price, reyes])
    assert [q.speaker for q in doc._.quotes] == ["A2", "A1"]

@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Smith, who heads the committee, said the vote would be delayed.", "Smith"),
        ("Hurley and Behnken, when they depart, plan to return this flag to Earth.", "Hurley and Behnken"),
        ("Officials who spoke on condition of anonymity said the talks had stalled.",
         "Officials who spoke on condition of anonymity"),
        ("According to Notes from Poland (NFP), some discount stores offer postal services.",
         "Notes from Poland (NFP)"),
    ],
)
def test_source_is_the_np_a_reader_names(run, text, source):
    doc = run(text)
    q = only(doc)
    assert q.source is not None and doc.text[q.source[0] : q.source[1]] == source

def test_pronoun_follows_the_person_a_new_paragraph_introduces(run):
    text = (
        "Luk had suffered a prolonged illness, his brother Tom Deng said.\n"
        "Michael Makuei, the information minister, paid tribute to Luk. “It is a great loss to the people,” he said."
    )
    deng = actor(text, "Tom Deng", aid="A1")
    makuei = actor(text, "Michael Makuei", aid="A2")
    doc = run(text, [deng, makuei])
    assert [q.speaker for q in doc._.quotes] == ["A1", "A2"]

def test_a_named_speaker_has_no_origin_in_its_own_name(extract_text) -> None:  # type: ignore[no-untyped-def]
    """'Mark' in 'Mark Rutte' or 'United' in 'The United States' is not where the speaker got it from."""
    ext = extract_text("NATO chief Mark Rutte said the troops had moved. The United States said it was worried.")
    chains = [[link.text for link in c.chain] for c in ext.claims if c.chain]
    assert chains == [["NATO chief Mark Rutte"], ["The United States"]]

def test_document_as_source(run):
    text = "A leaked memo suggested that the factory would close by spring."
    doc = run(text)
    q = only(doc)
    assert span_text(doc, q.source) == "A leaked memo"
    assert q.speaker is None  # a document is not an actor, and no origin is named
    claim = next(c for c in doc._.claims if c.id == q.claim)
    assert claim.modality == "hedged" and claim.chain[0].text == "A leaked memo"

def test_he_said_is_the_nearest_compatible_person(run):
    text = (
        "Coach Maria Lind praised the defence. Striker Tomas Berg scored twice. "
        "“We were patient and it paid off,” he said."
    )
    actors = [actor(text, "Maria Lind", aid="A1"), actor(text, "Tomas Berg", aid="A2")]
    doc = run(text, actors)
    assert only(doc).speaker == "A2"

def test_she_said_skips_a_man_and_prefers_a_woman_by_title(run):
    text = ("Mrs Ana Silva met Tomas Berg. “We will sign the lease today,” he said. "
            "Spokeswoman Ines Duarte opened the briefing. Minister Paulo Reis arrived later. "
            "“The port will reopen on Monday,” she said.")
    actors = [actor(text, "Ana Silva", aid="A1"), actor(text, "Tomas Berg", aid="A2"),
              actor(text, "Ines Duarte", aid="A3"), actor(text, "Paulo Reis", aid="A4")]
    doc = run(text, actors)
    assert [q.speaker for q in doc._.quotes] == ["A2", "A3"]

def test_title_alone_resolves_to_the_person_named_with_it(run):
    text = ("German Chancellor Olaf Scholz met Emmanuel Macron in Paris. "
            "The chancellor said that Europe must buy more gas together.")
    # the tagger takes Scholz for an organization and the actors stage gives no role: the title decides
    actors = [actor(text, "Olaf Scholz", "organization", "A1"), actor(text, "Emmanuel Macron", aid="A2")]
    doc = run(text, actors)
    assert only(doc).speaker == "A1"
    assert len(doc._.actors) == 2  # no new actor "chancellor"

def test_organisation_speaker(run):
    text = "The Foreign Ministry said the ambassador had been summoned."
    doc = run(text, [actor(text, "Foreign Ministry", "organization")])
    q = only(doc)
    assert speaker_name(doc, q) == "Foreign Ministry"
    assert next(a for a in doc._.actors if a.id == q.speaker).kind == "organization"

def test_unnamed_group_speaker(run):
    doc = run("Several residents said the water had been brown for a week.")
    q = only(doc)
    group = next(a for a in doc._.actors if a.id == q.speaker)
    assert group.kind == "group" and not group.anonymous

def test_anonymous_source_is_marked(run):
    doc = run("A senior official, speaking on condition of anonymity, said the talks had collapsed.")
    q = only(doc)
    assert next(a for a in doc._.actors if a.id == q.speaker).anonymous

def test_unresolved_speaker_is_null_not_guessed(run):
    text = "Mayor Jon Eide opened the bridge. They said it would carry 9,000 cars a day."
    doc = run(text, [actor(text, "Jon Eide", aid="A1")])
    q = only(doc)
    assert span_text(doc, q.source) == "They" and q.speaker is None  # not the mayor, not a made-up group
    assert [a.id for a in doc._.actors] == ["A1"]

def test_source_chain_of_two(run):
    text = ("Diplomats who had been briefed by the Swiss mediators said that a ceasefire draft was ready.")
    doc = run(text)
    q = only(doc)
    claim = next(c for c in doc._.claims if c.id == q.claim)
    assert [link.relation for link in claim.chain] == ["said", "briefed_by"]
    assert claim.chain[0].text.startswith("Diplomats") and claim.chain[1].text == "the Swiss mediators"

def test_report_with_origin_is_a_chain_of_two(run):
    text = "The reports, which came from the coast guard, suggested that the ferry had turned back."
    cg = actor(text, "coast guard", "organization", "A1")
    doc = run(text, [cg])
    q = only(doc)
    claim = next(c for c in doc._.claims if c.id == q.claim)
    assert [link.relation for link in claim.chain] == ["said", "origin"]
    assert q.speaker == "A1"

def test_named_person_inside_a_long_source_phrase(run):
    text = '"The ice is thinning from below," said lead author Ravi Menon of the polar institute.'
    doc = run(text, [actor(text, "Ravi Menon")])
    q = only(doc)
    assert speaker_name(doc, q) == "Ravi Menon"
    assert span_text(doc, q.source) is not None and "Ravi Menon" in span_text(doc, q.source)  # type: ignore[operator]

def test_person_named_by_a_body_is_the_speaker_not_the_body(run):
    text = "Harbour Development Bank chairman Tomas Lind said the loan would be repaid."
    bank = actor(text, "Harbour Development Bank", "organization", "A1")
    doc = run(text, [bank, actor(text, "Tomas Lind", aid="A2")])
    assert only(doc).speaker == "A2"

def test_a_released_statement_speaks_for_whoever_released_it(run):
    text = 'The party released a statement which said, "We will not take part in the vote."'
    doc = run(text, [actor(text, "party", "organization")])
    q = only(doc)
    assert span_text(doc, q.source) == "a statement" and q.speaker == "A1"
    claim = next(c for c in doc._.claims if c.id == q.claim)
    assert [link.relation for link in claim.chain] == ["said", "origin"] and claim.modality == "negated"


@pytest.mark.parametrize(("text", "source", "content_start"), [
    ("SEOUL (Reuters) - South Korea's spy agency said on Friday that North Korea had sent troops to Russia.",
     "South Korea's spy agency", "North Korea had sent"),
    ("SEOUL, South Korea (AP) — North Korea has sent about 1,500 troops to Russia, South Korea's spy agency said "
     "Friday.", "South Korea's spy agency", "North Korea has sent"),
])
def test_a_dateline_is_neither_the_source_nor_what_was_said(extract_text, text: str, source: str,
                                                            content_start: str) -> None:
    # (issue 15: "the dateline 'SEOUL' became a speaker")
    ext = extract_text(text)
    [quote] = ext.quotes
    assert quote.source is not None and text[quote.source[0] : quote.source[1]] == source
    assert quote.text.startswith(content_start)
    assert all(a.name != "SEOUL" for a in ext.actors)


def test_a_description_news_keeps_unnamed_is_the_person_a_later_quote_names_beside_the_noun(run):
    text = ("Some 900 people were held at the depot over the weekend, a union official has told the paper. "
            '"Nobody sleeps. Nobody eats," said the official, Rosa Lind of the dockers\' union.\n'
            "Twelve ships waited offshore, a port official said. Ivan Petrov runs the canteen.")
    lind, petrov = actor(text, "Rosa Lind", aid="A1"), actor(text, "Ivan Petrov", aid="A2")
    doc = run(text, [lind, petrov])
    first, *_, last = doc._.quotes
    assert first.speaker == "A1"  # named two sentences on, beside "official"
    assert speaker_name(doc, last) == "port official"  # not the person the next sentence opens with


def test_a_body_set_in_apposition_to_its_noun_speaks(run):
    text = "The aid group Helping Hands International said 40 trucks had crossed on Monday."
    doc = run(text, [actor(text, "Helping Hands International", "organization", "A1")])
    assert only(doc).speaker == "A1"


def test_a_reckoning_vouches_only_when_someone_made_it(run):
    text = ("By the count of the regional office, 15 countries have reported cases. The road was cut by the count "
            "of sheep.")
    doc = run(text, [actor(text, "regional office", "organization", "A1")])
    assert [(q.text, q.speaker) for q in doc._.quotes] == [("15 countries have reported cases", "A1")]


def test_a_source_after_its_verb_and_the_content_s_comma_speaks(run):
    text = ("The customs service has seized 300 kilos of cocaine this year, declared the director of the port on "
            "Monday. He was arrested in May, accused the police of lying.")
    doc = run(text)
    first, *rest = doc._.quotes
    assert (first.text, speaker_name(doc, first)) == ("The customs service has seized 300 kilos of cocaine this "
                                                      "year", "director")
    assert not [q for q in rest if q.text == "He was arrested in May"]  # 'accused' has whom it accuses as object


def test_the_name_in_apposition_to_an_apposed_title_speaks(run):
    text = "The port will reopen on Monday, said the spokesman of the ministry, the inspector John Miller."
    doc = run(text, [actor(text, "John Miller", aid="A1")])
    assert only(doc).speaker == "A1"


def test_a_title_is_the_person_named_in_apposition_to_it_before(run):
    text = ("The port will reopen on Monday, said the spokesman of the ministry, the inspector John Miller. "
            "The spokesman added that the ferries would wait.")
    doc = run(text, [actor(text, "John Miller", aid="A1")])
    assert [q.speaker for q in doc._.quotes] == ["A1", "A1"]


def test_it_is_no_group_of_people_that_spoke_last(run):
    text = ("Volunteers said the shelling had not stopped. The Harbour Relief Agency issued an update. The toll rose "
            "to 15, it said.")
    doc = run(text, [actor(text, "Harbour Relief Agency", "organization", "A1")])
    assert [speaker_name(doc, q) for q in doc._.quotes] == ["Volunteers", "Harbour Relief Agency"]
