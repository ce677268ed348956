"""The quotes stage: attributions (content, cue, source), speakers, source chains and claim modality.

Unit tests run the bare spaCy model plus the quotes component on tiny texts, with the actors set here,
so they do not depend on the other stages; the seed test runs the whole pipeline.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from spacy.tokens import Doc

from newsgraph.model import Actor, Mention, Quote
from newsgraph.nlp.quotes.component import QuotesComponent


@pytest.fixture(scope="module")
def run():
    from newsgraph.nlp.pipeline import build_base_nlp

    base = build_base_nlp()
    component = QuotesComponent()

    def _run(text: str, actors: list[Actor] | None = None) -> Doc:
        doc = base(text)
        doc._.published = dt.date(2024, 10, 28)
        doc._.actors = actors if actors is not None else []
        doc._.times = []
        doc._.quantities = []
        return component(doc)

    return _run


def actor(text: str, name: str, kind: str = "person", aid: str = "A1", **kw) -> Actor:
    """An actor with a mention on every whole-word occurrence of its name's words in ``text``."""
    mentions = [Mention(m.start(), m.end(), m.group()) for m in re.finditer(re.escape(name), text)]
    return Actor(aid, name, kind, mentions=mentions, **kw)  # type: ignore[arg-type]


def content(doc: Doc, q: Quote) -> str:
    return doc.text[q.start : q.end]


def speaker_name(doc: Doc, q: Quote) -> str | None:
    return next((a.name for a in doc._.actors if a.id == q.speaker), None)


def only(doc: Doc) -> Quote:
    assert len(doc._.quotes) == 1, [content(doc, q) for q in doc._.quotes]
    return doc._.quotes[0]


# -- constructions -----------------------------------------------------------------------------------


def test_direct_quote_with_cue_after(run):
    text = "“We will not allow this to happen again,” Singh said on Monday."
    doc = run(text, [actor(text, "Singh")])
    q = only(doc)
    assert q.kind == "direct"
    assert content(doc, q) == "We will not allow this to happen again"
    assert speaker_name(doc, q) == "Singh"
    assert q.cue is not None and doc.text[q.cue[0] : q.cue[1]] == "said"
    assert q.source is not None and doc.text[q.source[0] : q.source[1]] == "Singh"


def test_direct_quote_straight_marks_over_sentences_and_paragraphs(run):
    text = (
        'Mayor Anna Kowalska said: "The water is back in every district. Crews worked all night.\n'
        '"We expect the last repairs to be finished by Friday."\n'
        "The city has 40,000 residents."
    )
    doc = run(text, [actor(text, "Anna Kowalska")])
    q = only(doc)
    assert content(doc, q).startswith("The water is back")
    assert content(doc, q).endswith("finished by Friday")
    assert speaker_name(doc, q) == "Anna Kowalska"


def test_split_quote_he_said_both_parts(run):
    text = (
        "Defense Minister Lars Berg visited the base. "
        "“The situation is stable,” he said, “but we remain ready to respond to any attack.”"
    )
    doc = run(text, [actor(text, "Lars Berg")])
    assert [q.kind for q in doc._.quotes] == ["direct", "direct"]
    assert [speaker_name(doc, q) for q in doc._.quotes] == ["Lars Berg", "Lars Berg"]
    assert content(doc, doc._.quotes[1]).startswith("but we remain ready")


def test_quoted_sentence_after_attributed_one_continues_it(run):
    text = "“They are co-belligerents in the war,” Singh said. “This is a calculation they have to make.”"
    doc = run(text, [actor(text, "Singh")])
    assert len(doc._.quotes) == 2
    assert all(speaker_name(doc, q) == "Singh" for q in doc._.quotes)


def test_mixed_quote_fragment(run):
    text = "NATO chief Mark Rutte called the move a “significant escalation” of the war."
    doc = run(text, [actor(text, "Mark Rutte")])
    q = only(doc)
    assert q.kind == "mixed"
    assert content(doc, q) == "significant escalation"
    assert speaker_name(doc, q) == "Mark Rutte"


def test_scare_quotes_without_cue_are_not_quotes(run):
    doc = run("The so-called “peace train” left the capital on Monday with 200 passengers.")
    assert doc._.quotes == []


def test_indirect_speech(run):
    text = "NATO chief Rutte said that North Korean troops had been deployed near the border."
    doc = run(text, [actor(text, "Rutte")])
    q = only(doc)
    assert q.kind == "indirect"
    assert content(doc, q) == "North Korean troops had been deployed near the border"
    assert speaker_name(doc, q) == "Rutte"


def test_indirect_speech_with_a_broad_cue_verb(run):
    text = "Ukrainian President Volodymyr Zelenskiy warned last week that Russia intended to deploy the troops."
    doc = run(text, [actor(text, "Volodymyr Zelenskiy")])
    q = only(doc)
    assert content(doc, q) == "Russia intended to deploy the troops"
    assert doc.text[q.cue[0] : q.cue[1]] == "warned"  # type: ignore[index]


def test_plain_actions_are_not_attributions(run):
    doc = run("The army shelled the town and the mayor left the city.")
    assert doc._.quotes == []


def test_according_to(run):
    text = "Fighter pilots are also among the personnel being sent to Russia, according to the defense ministry."
    doc = run(text)
    q = only(doc)
    assert content(doc, q) == "Fighter pilots are also among the personnel being sent to Russia"
    assert doc.text[q.cue[0] : q.cue[1]] == "according to"  # type: ignore[index]
    assert speaker_name(doc, q) == "defense ministry"


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


def test_only_outermost_attribution(run):
    text = "Singh said that Austin believes the talks could fail."
    doc = run(text, [actor(text, "Singh")])
    assert speaker_name(doc, only(doc)) == "Singh"


def test_participle_on_bare_plural_is_not_a_source(run):
    doc = run("The comments follow weeks of reports suggesting that North Korea was sending troops.")
    assert doc._.quotes == []


# -- modality ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The alliance has confirmed that troops have moved to the region.", "confirmed"),
        ("Analysts suggested that the troops may defend the border.", "hedged"),
        ("The ministry denied that its forces shelled the village.", "negated"),
        ("“If we see troops moving to the front, they are co-belligerents,” Singh said.", "hypothetical"),
        ("Singh said that the ministers will discuss the deployment.", "expected"),
        ("Singh said that the ministers discussed the deployment.", "asserted"),
    ],
)
def test_claim_modality(run, text, modality):
    doc = run(text)
    q = only(doc)
    claim = next(c for c in doc._.claims if c.id == q.claim)
    assert claim.modality == modality
    assert claim.time == "2024-10-28" and claim.time_from == "published"


def test_unattributed_hedged_sentence_is_an_outlet_claim(run):
    doc = run("Their dealings reportedly include the provision of ammunition. The talks ended.")
    assert doc._.quotes == []
    assert len(doc._.claims) == 1
    claim = doc._.claims[0]
    assert claim.modality == "reported" and claim.chain == [] and claim.speaker is None


# -- the founding article ----------------------------------------------------------------------------


# -- regressions from hand-checked news -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "What do you think might account for the decline in numbers?",
        "The party did not immediately announce whom they would support in the election.",
        "The guardrail would be examined to determine if it had performed as designed.",
        "Bobulinski recalled someone who went to fight in the war and returned changed.",
        "Biden and Harris both refused to answer whether they would support Court packing.",
    ],
)
def test_not_attributions(run, text):
    assert run(text)._.quotes == []


def test_source_never_taken_from_inside_the_quote(run):
    text = "“I have the unfortunate reputation of being Miss Goody Two-Shoes, and all that,” Day said in 1976."
    doc = run(text, [actor(text, "Day")])
    q = only(doc)
    assert q.source is not None and doc.text[q.source[0] : q.source[1]] == "Day"
    assert q.speaker == "A1"


def test_event_noun_is_not_the_speaker(run):
    text = "Tony Bobulinski held a press conference claiming that Biden knew about the deals."
    doc = run(text, [actor(text, "Tony Bobulinski")])
    assert only(doc).speaker == "A1"


def test_parenthetical_cue(run):
    doc = run("The attack was planned for months, officials said on Monday.")
    q = only(doc)
    assert content(doc, q) == "The attack was planned for months"
    assert doc.text[q.source[0] : q.source[1]] == "officials"  # type: ignore[index]


def test_reporting_noun_with_named_source(run):
    text = "Trump's claim that the election was stolen has been rejected by courts."
    doc = run(text, [actor(text, "Trump")])
    q = only(doc)
    assert content(doc, q) == "the election was stolen" and q.speaker == "A1"
    assert run("There are rising concerns that the troops could boost Russian forces.")._.quotes == []


def test_controlled_subject_of_an_infinitive_cue(run):
    text = "Biden is expected to announce that he will run again."
    doc = run(text, [actor(text, "Biden")])
    q = only(doc)
    assert content(doc, q) == "he will run again" and q.speaker == "A1"


def test_direct_quote_a_few_words_after_its_cue(run):
    text = 'Nancy Pelosi said on Friday "We are committed to keeping our border safe."'
    doc = run(text, [actor(text, "Nancy Pelosi")])
    q = only(doc)
    assert q.kind == "direct" and q.speaker == "A1"


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


# -- non-say cues, nominal cues and 'citing' (PARC: beliefs, desires, decrees, findings) -----------------


@pytest.mark.parametrize(
    ("text", "cue", "want"),
    [
        ("Republicans want to repeal the law before the election.", "want", "to repeal the law before the election"),
        ("Democrats hope to win back the Senate in November.", "hope", "to win back the Senate in November"),
        ("Economists expect the Federal Reserve to raise rates.", "expect", "the Federal Reserve to raise rates"),
        ("The judge ordered the administration to restore the program.", "ordered",
         "the administration to restore the program"),
        ("The mayor urged residents to stay indoors.", "urged", "residents to stay indoors"),
        ("Activists called for the resignation of the police chief.", "called for",
         "the resignation of the police chief"),
        ("Trump has accused Democrats of trying to steal the election.", "has accused",
         "Democrats of trying to steal the election"),
        ("Biden blamed Republicans for the shutdown.", "blamed", "Republicans for the shutdown"),
        ("The agency's finding that the water was safe was disputed.", "finding", "the water was safe"),
        ("A federal judge ruled that the policy was unlawful.", "ruled", "the policy was unlawful"),
        ("The war has been going on for years; the Taliban wants foreign forces to leave.", "wants",
         "foreign forces to leave"),
    ],
)
def test_non_say_cues(run, text, cue, want):
    doc = run(text)
    q = only(doc)
    assert content(doc, q) == want
    assert q.cue is not None and doc.text[q.cue[0] : q.cue[1]] == cue


def test_citing_names_the_source_of_the_clause(run):
    doc = run("The deal has collapsed, citing two people familiar with the matter.")
    q = only(doc)
    assert content(doc, q) == "The deal has collapsed"
    assert doc.text[q.source[0] : q.source[1]] == "two people familiar with the matter"  # type: ignore[index]
    assert run("The company cut 500 jobs, citing weak demand.")._.quotes == []  # a reason, not a source


@pytest.mark.parametrize(
    "text",
    [
        "Biden praised the troops.",  # a plain action: no proposition
        "If we confirm that it is a planet, it becomes very important to follow it.",
        "And so, the two leaders were; I mentioned them earlier; Smith is the leader.",
        "That said, Red Hat is working on some programs for users.",
        "Imagine that we put all the attributes of an institution in a bottle.",
        "Can we expect Rocky Linux to be released before the end of the year?",
        'This moment of integration is called "the development phase" in the process.',
        "Whether, you know, you select individuals that are prosocial matters.",
        "See, the idea is: each according to their choice.",
        "The launch went according to plan.",
    ],
)
def test_not_attributions_on_unseen_news(run, text):
    assert run(text)._.quotes == []


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


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Officials said the state had extended its order until May 1.", "asserted"),  # a month, not a modal
        ("Aides said West may not even be aware of the nomination.", "hedged"),  # a modal over the negation
        ("“We are ready. If they attack, we will respond,” the general said.", "asserted"),  # first sentence
        ("Analysts said that, in the event of a default, the bank could fail.", "hypothetical"),
    ],
)
def test_claim_modality_on_unseen_news(run, text, modality):
    doc = run(text)
    q = only(doc)
    claim = next(c for c in doc._.claims if c.id == q.claim)
    assert claim.modality == modality


def test_participle_after_a_quote_is_not_its_cue(run):
    text = 'Sanders said in his live stream, "I do not make this decision lightly", calling it a "painful decision".'
    doc = run(text, [actor(text, "Sanders")])
    direct = [q for q in doc._.quotes if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].cue is not None
    assert doc.text[direct[0].cue[0] : direct[0].cue[1]] == "said" and direct[0].speaker == "A1"


def test_a_named_speaker_has_no_origin_in_its_own_name(extract_text) -> None:  # type: ignore[no-untyped-def]
    """'Mark' in 'Mark Rutte' or 'United' in 'The United States' is not where the speaker got it from."""
    ext = extract_text("NATO chief Mark Rutte said the troops had moved. The United States said it was worried.")
    chains = [[link.text for link in c.chain] for c in ext.claims if c.chain]
    assert chains == [["NATO chief Mark Rutte"], ["The United States"]]


# -- issue 4: each construction, on sentences written for these tests ------------------------------------


def span_text(doc: Doc, pair: tuple[int, int] | list[int] | None) -> str | None:
    return doc.text[pair[0] : pair[1]] if pair else None


def test_direct_quote_over_sentences_and_paragraphs_is_one_speaker(run):
    text = (
        'Harbour master Ines Duarte said: "The storm wall held. Two boats sank at their moorings.\n'
        '"We will reopen the port on Thursday if the swell drops."\n'
        "Fishermen waited on the quay."
    )
    doc = run(text, [actor(text, "Ines Duarte")])
    q = only(doc)
    assert q.kind == "direct"
    assert content(doc, q).startswith("The storm wall held") and content(doc, q).endswith("if the swell drops")
    assert speaker_name(doc, q) == "Ines Duarte"


def test_mixed_quote_keeps_the_quoted_words_and_its_speaker(run):
    text = "Senator Paula Reyes called the budget deal “a gift to the lobbyists” on Tuesday."
    doc = run(text, [actor(text, "Paula Reyes")])
    q = only(doc)
    assert q.kind == "mixed" and "gift to the lobbyists" in content(doc, q)
    assert span_text(doc, q.cue) == "called" and speaker_name(doc, q) == "Paula Reyes"


@pytest.mark.parametrize(
    ("text", "cue", "want"),
    [
        ("The judge ruled the county's voting map violated the state constitution.", "ruled",
         "the county's voting map violated the state constitution"),
        ("The inspectors found the dam to be unsafe.", "found", "the dam to be unsafe"),
        ("Most voters think the tax will hurt small farms.", "think", "the tax will hurt small farms"),
        ("The governor plans to veto the water bill.", "plans", "to veto the water bill"),
        ("The union urged its members to reject the offer.", "urged", "its members to reject the offer"),
        ("The audit showed that the agency had overpaid contractors.", "showed",
         "the agency had overpaid contractors"),
        ("Minutes before the vote was held, the mayor claimed the count was rigged.", "claimed",
         "the count was rigged"),
    ],
)
def test_indirect_speech_beliefs_intentions_rulings_findings(run, text, cue, want):
    doc = run(text)
    q = only(doc)
    assert q.kind == "indirect"
    assert content(doc, q) == want
    assert span_text(doc, q.cue) is not None and cue in span_text(doc, q.cue)  # type: ignore[operator]


def test_according_to_mid_sentence_vouches_only_for_its_clause(run):
    text = ("The contractor has admitted to overbilling the city, according to auditors, but the council "
            "keeps paying it.")
    doc = run(text)
    q = only(doc)
    assert content(doc, q) == "The contractor has admitted to overbilling the city"
    assert span_text(doc, q.source) == "auditors" and span_text(doc, q.cue) == "according to"


def test_according_to_before_a_direct_quote(run):
    text = 'According to fire chief Dana Holt, "the blaze started in the kitchen and spread in minutes."'
    doc = run(text, [actor(text, "Dana Holt")])
    q = only(doc)
    assert q.kind == "direct" and span_text(doc, q.cue) == "According to"
    assert speaker_name(doc, q) == "Dana Holt"


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


def test_implicit_source_is_null(run):
    doc = run("The senator is widely believed to be planning a run for governor.")
    q = only(doc)
    assert q.source is None and q.speaker is None
    assert content(doc, q) == "to be planning a run for governor"
    assert span_text(doc, q.cue) is not None and "believed" in span_text(doc, q.cue)  # type: ignore[operator]


def test_passive_cue_with_a_by_phrase_names_the_source(run):
    doc = run("The challenger was projected by two networks to win the district.")
    q = only(doc)
    assert span_text(doc, q.source) == "two networks" and content(doc, q) == "to win the district"


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


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The port authority confirmed that the tanker had run aground.", "confirmed"),
        ("The port authority said that the tanker had run aground.", "asserted"),
        ("Local media reported that the tanker had run aground.", "reported"),
        ("Divers suggested that the hull might be cracked.", "hedged"),
        ("The owners said that salvage crews will arrive on Monday.", "expected"),
        ("The captain denied that the crew had been drinking.", "negated"),
        ("The captain said that the crew had not been drinking.", "negated"),
        ("“If the weather turns, we will lose the ship,” the captain said.", "hypothetical"),
    ],
)
def test_each_modality(run, text, modality):
    doc = run(text)
    q = only(doc)
    assert next(c for c in doc._.claims if c.id == q.claim).modality == modality


def test_claims_link_to_quantities_and_events(extract_text):
    text = "The defence ministry said that 40 soldiers were killed in an attack on the base in Mali on Tuesday."
    ext = extract_text(text)
    q = only_of(ext.quotes)
    claim = next(c for c in ext.claims if c.id == q.claim)
    assert [quantity.claim for quantity in ext.quantities if quantity.value == 40] == [claim.id]
    assert any(e.claim == claim.id for e in ext.events)


def only_of(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


def test_colon_cue_after_a_clause(run):
    text = 'The coach disagreed with the referee: "That goal was clearly offside and everyone saw it."'
    doc = run(text)
    q = only(doc)
    assert span_text(doc, q.cue) == ":" and span_text(doc, q.source) == "The coach"


def test_block_quote_after_a_colon_line(run):
    text = ("The judge rejected this argument:\n"
            "The claim that the company may ignore a lawful order because it disagrees with it has no basis "
            "in our law, and the motion is denied.\n"
            "The company said it would appeal.")
    doc = run(text)
    block = [q for q in doc._.quotes if q.kind == "direct"]
    assert len(block) == 1 and content(doc, block[0]).startswith("The claim that the company")
    assert span_text(doc, block[0].source) == "The judge"


def test_quote_after_an_attributed_sentence_carries_its_source(run):
    text = ('The pilot said the engine had failed twice, adding that the crew stayed calm. '
            '"We trained for exactly this kind of day."')
    doc = run(text)
    direct = [q for q in doc._.quotes if q.kind == "direct"]
    assert len(direct) == 1 and span_text(doc, direct[0].source) == "The pilot"


def test_quote_tag_after_a_closed_sentence(run):
    text = '"The bill protects every tenant in the state." Harper said.'
    doc = run(text, [actor(text, "Harper")])
    q = only(doc)
    assert speaker_name(doc, q) == "Harper" and span_text(doc, q.cue) == "said"


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


def test_description_after_the_cue_is_the_source(run):
    doc = run('"The river will crest tonight," read the flood warning.')
    assert span_text(doc, only(doc).source) == "the flood warning"


def test_quote_tag_after_a_misparsed_title(run):
    text = '"We were happy with that", Riverside coach Dan Ellis said. "The pack held firm all day."'
    doc = run(text, [actor(text, "Dan Ellis")])
    assert [speaker_name(doc, q) for q in doc._.quotes] == ["Dan Ellis", "Dan Ellis"]


def test_a_released_statement_speaks_for_whoever_released_it(run):
    text = 'The party released a statement which said, "We will not take part in the vote."'
    doc = run(text, [actor(text, "party", "organization")])
    q = only(doc)
    assert span_text(doc, q.source) == "a statement" and q.speaker == "A1"
    claim = next(c for c in doc._.claims if c.id == q.claim)
    assert [link.relation for link in claim.chain] == ["said", "origin"] and claim.modality == "negated"


# -- round 2: non-say cues, noun objects, cue groups, content extent ----------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "want"),
    [
        ("The school board decided to delay the new timetable.", "decided", "to delay the new timetable"),
        ("Parents demanded the dismissal of the head teacher.", "demanded", "the dismissal of the head teacher"),
        ("The ferry operator denied any wrongdoing.", "denied", "any wrongdoing"),
        ("The union rejected claims that the strike was illegal.", "rejected", "claims that the strike was illegal"),
        ("Farmers accused the ministry of ignoring the drought.", "accused", "the ministry of ignoring the drought"),
        ("The columnist described the budget as a gamble.", "described", "the budget as a gamble"),
        ("The lawsuit alleges, among other things, that the firm hid its losses.", "alleges",
         "the firm hid its losses"),
    ],
)
def test_non_say_cues_round_two(run, text, cue, want):
    doc = run(text)
    q = only(doc)
    assert content(doc, q) == want
    assert span_text(doc, q.cue) is not None and cue in span_text(doc, q.cue)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "source", "cue", "want"),
    [
        ("The mayor expressed concern about the rising cost of bus fares.", "The mayor", "expressed",
         "concern about the rising cost of bus fares"),
        ("Last spring the actor had signaled an intent to run but decided against it.", "the actor",
         "had signaled", "an intent to run"),
        ("The council announced the closure of two libraries.", "The council", "announced",
         "the closure of two libraries"),
    ],
)
def test_noun_phrase_object_is_the_content(run, text, source, cue, want):
    """'expressed concern about X', 'signaled an intent to run': an attitude noun as the cue's object is
    what the source holds; 'announced the closure of X': an announcement's object is what it says."""
    doc = run(text)
    q = only(doc)
    assert content(doc, q) == want
    assert span_text(doc, q.source) == source and span_text(doc, q.cue) == cue


@pytest.mark.parametrize(
    "text",
    [
        "The stadium gathered two million views in a week.",  # a that-verb with a plain object
        "The committee rejected this argument: the fee was never paid.",  # a demonstrative points elsewhere
        "She announced it on Monday.",  # a pronoun object refers back
        "The reporter asked why the minister had decided to resign.",  # a decision inside a question
    ],
)
def test_noun_objects_that_report_nothing(run, text):
    doc = run(text)
    assert not [q for q in doc._.quotes if content(doc, q) in ("two million views in a week", "this argument",
                                                               "it", "to resign")]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The senator has repeatedly said the bill is dead.", "has repeatedly said"),
        ("The coach would later tell reporters that he had no regrets.", "would later tell"),
        ("The agency reportedly said the site would close.", "said"),
    ],
)
def test_cue_is_one_contiguous_verb_group(run, text, cue):
    doc = run(text)
    assert span_text(doc, only(doc).cue) == cue


def test_reporting_noun_without_a_holder_has_a_null_source(run):
    doc = run("The shares fell amid a report that the bank had lost thousands of files.")
    q = only(doc)
    assert content(doc, q) == "the bank had lost thousands of files" and q.source is None


def test_there_are_concerns_is_no_attribution(run):
    doc = run("There are rising concerns that the river could flood the town.")
    assert doc._.quotes == []


def test_reporting_noun_with_a_compound_name_and_a_light_verb(run):
    doc = run("He raised the Daily Courier report that the mayor had lied.")
    q = only(doc)
    assert span_text(doc, q.source) == "Daily Courier" and content(doc, q) == "the mayor had lied"
    doc = run("The singer made a surprise announcement that she was leaving the band.")
    q = only(doc)
    assert span_text(doc, q.source) == "The singer" and content(doc, q) == "she was leaving the band"


def test_according_to_after_a_semicolon_leaves_the_first_clause_its_own(run):
    text = "The regulator suggested the bank was insolvent; according to auditors, it owed $3 million."
    doc = run(text)
    got = {(span_text(doc, q.cue), content(doc, q)) for q in doc._.quotes}
    assert got == {("suggested", "the bank was insolvent"), ("according to", "it owed $3 million")}


def test_object_of_the_governing_verb_is_the_source_of_an_infinitive_cue(run):
    doc = run('The backlash led the candidate to admit that the remark was careless.')
    q = only(doc)
    assert span_text(doc, q.source) == "the candidate" and content(doc, q) == "the remark was careless"


def test_second_report_joined_to_the_clause_is_its_own(run):
    text = "A judge agreed the memo may have been leaked but ruled that the damage was done."
    doc = run(text)
    got = {(span_text(doc, q.source), span_text(doc, q.cue), content(doc, q)) for q in doc._.quotes}
    assert got == {("A judge", "agreed", "the memo may have been leaked"),
                   ("A judge", "ruled", "the damage was done")}


def test_stranded_object_of_a_won_clause_stays_in_the_content(run):
    doc = run("Projections by two networks indicated he won, in addition to Ohio, also the primaries in Utah.")
    assert content(doc, only(doc)) == "he won, in addition to Ohio, also the primaries in Utah"


def test_fragment_in_a_participle_adjunct_is_not_the_main_cue_content(run):
    text = 'The campaign criticized the pardon as an abuse of power, pointing to the "ballot box" instead.'
    doc = run(text)
    q = only(doc)
    assert span_text(doc, q.cue) == "criticized" and content(doc, q) == "the pardon as an abuse of power"


def test_passive_accusation_keeps_both_charges(run):
    doc = run("He was accused of hiding the funds, and of lying to the auditors.")
    q = only(doc)
    assert q.source is None and content(doc, q) == "hiding the funds, and of lying to the auditors"


def test_participle_mistagged_as_a_noun_speaks_for_the_subject(run):
    doc = run("On Monday, Judge Ann Ford issued a ruling against the city finding that the tax was illegal.")
    q = only(doc)
    assert span_text(doc, q.source) is not None and "Ann Ford" in span_text(doc, q.source)  # type: ignore[operator]
    assert content(doc, q) == "the tax was illegal"


def test_clause_subject_taken_for_the_cue_object_is_given_back(run):
    doc = run("The safety board on Monday announced the flight recorder from the jet has been recovered from the bay.")
    assert content(doc, only(doc)) == "the flight recorder from the jet has been recovered from the bay"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The mayor said the tunnel would open in May, speaking at a town hall on Friday.",
         "the tunnel would open in May"),
        ("The senator told reporters that the vote would fail, before leaving for Boston.", "the vote would fail"),
    ],
)
def test_content_stops_before_the_cues_own_adjuncts(run, text, want):
    assert content(run(text), only(run(text))) == want


def test_according_to_at_the_end_is_the_outer_attribution(run):
    doc = run("The spokesman said the firm would repay its clients, according to the Daily Courier.")
    q = only(doc)
    assert span_text(doc, q.cue) == "according to" and span_text(doc, q.source) == "the Daily Courier"
    assert content(doc, q) == "The spokesman said the firm would repay its clients"


def test_report_in_a_subordinate_clause_does_not_take_the_main_clause(run):
    text = ("After the governor suggested in a radio interview that the levy could raise prices, early spring "
            "debate centered around the harbour.")
    doc = run(text)
    assert content(doc, only(doc)) == "the levy could raise prices"


def test_quoted_pieces_right_after_a_clause_finish_it(run):
    text = 'The mayor criticized the plan, arguing the council was "wast[ing] money" and "ignor[ing] residents."'
    doc = run(text)
    got = [(span_text(doc, q.source), span_text(doc, q.cue), content(doc, q)) for q in doc._.quotes]
    assert ("The mayor", "arguing", "the council was") not in got  # not a clause cut before its pieces
    assert {c for _, cue, c in got if cue == "arguing"} in (
        {"wast[ing] money", "ignor[ing] residents"},  # as its quoted pieces
        {'the council was "wast[ing] money" and "ignor[ing] residents'},  # or as one clause
    ), got
    assert all(source == "The mayor" for source, _, _ in got)


def test_quoted_title_as_subject_is_not_a_fragment_of_the_cue(run):
    doc = run('"Fair Start" calls for free school meals, its authors say.')
    assert not any(content(doc, q) == "Fair Start" for q in doc._.quotes)


@pytest.mark.parametrize(
    ("text", "cue", "want"),
    [
        ("The mayor has called on the state to fund the bridge.", "has called on", "the state to fund the bridge"),
        ("The senator made clear that she would oppose the treaty.", "made clear", "she would oppose the treaty"),
        ("The governor made it clear that he would not resign.", "made it clear", "he would not resign"),
        ("The campaign dismissed the survey as an outlier.", "dismissed", "the survey as an outlier"),
        ("The lawmakers questioned whether the board had the authority to act.", "questioned",
         "the board had the authority to act"),
        ("The charter requires cities to publish their budgets.", "requires", "cities to publish their budgets"),
        ("The group is seeking to overturn the verdict.", "is seeking", "to overturn the verdict"),
        ("Unions are pushing for a shorter week.", "are pushing for", "a shorter week"),
        ("The minister warned of severe shortages of fuel.", "warned of", "severe shortages of fuel"),
    ],
)
def test_demands_decrees_doubts_and_light_verb_cues(run, text, cue, want):
    doc = run(text)
    q = only(doc)
    assert span_text(doc, q.cue) == cue and content(doc, q) == want


def test_report_in_a_relative_clause_runs_from_its_pronoun(run):
    doc = run("The levy, which farmers say will ruin them, passed the assembly.")
    q = only(doc)
    assert span_text(doc, q.source) == "farmers" and span_text(doc, q.cue) == "say"
    assert content(doc, q) == "which farmers say will ruin them"


def test_participle_cue_tagged_as_a_noun_before_a_quote(run):
    text = ('In a post on her account, the secretary affirmed her willingness to accept the role, writing, '
            '"The island needs certainty and stability."')
    doc = run(text)
    got = {(span_text(doc, q.source), span_text(doc, q.cue), content(doc, q)) for q in doc._.quotes}
    assert ("the secretary", "writing", "The island needs certainty and stability") in got
    assert ("the secretary", "affirmed", "her willingness to accept the role") in got
