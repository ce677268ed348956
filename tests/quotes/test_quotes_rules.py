"""The stage's named rules (quotes/rules.py): every Quote and Claim names the rule that found it and the
rules that shaped it, each with evidence from the text; every rule can be switched off, and then it no
longer fires (a rule that records itself is gone from every item; a filter no longer drops what it
drops). Each rule has a sentence here on which it fires; a new rule needs one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.model import Actor, Mention, Place, Quantity, Time
from newsgraph.nlp.quotes.attributions import outermost
from newsgraph.nlp.quotes.component import QuotesComponent
from newsgraph.nlp.quotes.context import Attribution, QuoteContext, Settings
from newsgraph.nlp.quotes.lexicon import load_lexicon
from newsgraph.nlp.quotes.rules import RULES
from newsgraph.nlp.rules import REGISTRY, UnknownRule


@dataclass(frozen=True)
class Case:
    """A text, and what the earlier stages found in it: actors (name, kind, attributes), times (words,
    TIMEX3 value) and figures (words)."""

    text: str
    actors: tuple[tuple[str, str, dict[str, str]], ...] = ()
    times: tuple[tuple[str, str], ...] = ()
    figures: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


def person(name: str, **kw: str) -> tuple[str, str, dict[str, str]]:
    return name, "person", kw


def body(name: str, kind: str = "organization", **kw: str) -> tuple[str, str, dict[str, str]]:
    return name, kind, kw


def given(run, case: Case, rules_off: tuple[str, ...] = ()) -> Doc:
    """The Doc after the quotes stage, with fresh actors, times and figures (the stage adds to them)."""
    def at(words: str) -> tuple[int, int]:
        i = case.text.index(words)
        return i, i + len(words)

    actors = [Actor(f"A{n}", name, kind, mentions=[Mention(m.start(), m.end(), m.group())  # type: ignore[arg-type]
                                                   for m in re.finditer(re.escape(name), case.text)], **kw)
              for n, (name, kind, kw) in enumerate(case.actors, 1)]
    times = [Time(*at(words), words, "DATE", value) for words, value in case.times]
    figures = [Quantity(*at(words), words, 1.0, "exact", None) for words in case.figures]
    places = [Place(*at(words), words, words, None, None, None, None, None) for words in case.places]
    return run(case.text, actors, rules_off, times, figures, places)


def rules_in(doc: Doc) -> set[str]:
    """Every rule named on an item of the Doc (quotes, claims, actors, figures)."""
    names: set[str] = set()
    for item in [*doc._.quotes, *doc._.claims, *doc._.actors, *doc._.quantities]:
        names |= {item.rule} if item.rule else set()
        names |= {step[0] for step in item.trace}
    return names


def output(doc: Doc) -> tuple:
    return ([(q.kind, q.start, q.end, q.speaker, q.source, q.cue) for q in doc._.quotes],
            [(c.start, c.end, c.modality, c.speaker, [(link.text, link.relation) for link in c.chain])
             for c in doc._.claims],
            [(a.id, a.name, a.anonymous, a.country) for a in doc._.actors])


SINGH = '“They are co-belligerents in the war,” Singh said. “This is a calculation they have to make.”'
SECRETARY = ('In a post on her account, the secretary affirmed her willingness to accept the role, writing, '
             '"The island needs certainty and stability."')
JUDGE = "A judge agreed the memo may have been leaked but ruled that the damage was done."
MAKUEI = ("Luk had suffered a prolonged illness, his brother Tom Deng said.\nMichael Makuei, the information "
          "minister, paid tribute to Luk. “It is a great loss to the people,” he said.")
LIND = ("Coach Maria Lind praised the defence. Striker Tomas Berg scored twice. “We were patient and it paid off,” "
        "he said.")
REPORTS = ("The latest reports, which originated from the National Intelligence Service, have suggested that "
           "more than 3,000 troops have been sent to Russia.")
ACCORDING = "Fighter pilots are also among the personnel being sent to Russia, according to the defense ministry."

# A rule -> a text on which it fires (it is named on an item), and stops firing when switched off.
FIRES: dict[str, Case] = {
    "quotes.passage.sentence_lead": Case('Mayor Anna Kowalska said: "The water is back in every district."'),
    "quotes.passage.after_cue_verb": Case('They said "we will stay in the city until the end."'),
    "quotes.passage.capital_after_cue": Case('Nancy Pelosi said on Friday "We are committed to keeping our border '
                                             'safe."'),
    "quotes.direct.cue_touching": Case('They said "we will stay in the city until the end."'),
    "quotes.direct.cue_after": Case("“We will not allow this to happen again,” Singh said on Monday."),
    "quotes.direct.cue_before": Case('Mayor Anna Kowalska said on Monday: "The water is back in every district."'),
    "quotes.direct.cue_near_before": Case('Nancy Pelosi said on Friday "We are committed to keeping our border '
                                          'safe."'),
    "quotes.direct.participle_noun_cue": Case(SECRETARY),
    "quotes.direct.closed_sentence_tag": Case('"The bill protects every tenant in the state." Harper said.'),
    "quotes.direct.tag_verb": Case('"The bill is dead and everyone knows it," she recalls.'),
    "quotes.direct.dash_aside": Case('The minister commented on the matter — which the BBC noted as unusual — "We '
                                     'will not resign over this."'),
    "quotes.direct.report_root_before": Case('The court ruled, in a short summary, "The law is void from today."'),
    "quotes.direct.continues": Case(SINGH),
    "quotes.direct.carry_over": Case('The pilot said the engine had failed twice, adding that the crew stayed calm. '
                                     '"We trained for exactly this kind of day."'),
    "quotes.direct.unattributed": Case("“We will fight until the very end of this war.”"),
    "quotes.according_to.after_quote": Case('"We will rebuild the school by spring," according to a statement by '
                                            'the mayor.'),
    "quotes.according_to.before_quote": Case('According to fire chief Dana Holt, "the blaze started in the kitchen '
                                             'and spread in minutes."'),
    "quotes.clause.inverted_object": Case("The customs service has seized 300 kilos of cocaine this year, declared "
                                          "the director of the port on Monday."),
    "quotes.according_to.clause": Case(ACCORDING),
    "quotes.according_to.reckoning": Case("By the coast guard's tally, 41 boats reached the island in May.",
                                          (body("coast guard"),)),
    "quotes.according_to.trailing": Case(ACCORDING),
    "quotes.according_to.leading": Case("According to Notes from Poland (NFP), some discount stores offer postal "
                                        "services."),
    "quotes.according_to.semicolon_part": Case("The regulator suggested the bank was insolvent; according to "
                                               "auditors, it owed $3 million."),
    "quotes.according_to.cut_joined_clause": Case("The contractor has admitted to overbilling the city, according "
                                                  "to auditors, but the council keeps paying it."),
    "quotes.colon.name": Case('Rutte: "We will defend every inch of allied territory."'),
    "quotes.colon.clause": Case('The coach disagreed with the referee: "That goal was clearly offside and everyone '
                                'saw it."'),
    "quotes.block.paragraph_after_colon": Case(
        "The judge rejected this argument:\nThe claim that the company may ignore a lawful order because it "
        "disagrees with it has no basis in our law, and the motion is denied.\nThe company said it would appeal."),
    "quotes.clause.noun_tagged_verb": Case("Estimates by the Argentinian government state about 350 thousand illegal "
                                           "abortions are carried out in the country each year."),
    "quotes.clause.complement": Case("NATO chief Rutte said that North Korean troops had been deployed near the "
                                     "border."),
    "quotes.clause.infinitive": Case("The governor plans to veto the water bill."),
    "quotes.clause.cut_joined_report": Case(JUDGE),
    "quotes.clause.cut_main_clause": Case("After the governor suggested in a radio interview that the levy could "
                                          "raise prices, early spring debate centered around the harbour."),
    "quotes.clause.relative_report": Case("The levy, which farmers say will ruin them, passed the assembly."),
    "quotes.clause.subject_taken_for_object": Case("Chelyabinsk's governor has promised each victim will be "
                                                   "subject to a payout of one million rubles."),
    "quotes.clause.infinitive_subject": Case("The mayor urged residents to stay indoors."),
    "quotes.clause.cut_according_to": Case("He said the launch would go ahead, according to plan."),
    "quotes.clause.cut_speaking_setting": Case("The mayor said the tunnel would open in May, speaking at a town hall "
                                               "on Friday."),
    "quotes.clause.cut_added_report": Case(
        "Pentagon spokeswoman Sabrina Singh said on October 28 that Austin and Defense Minister Kim Yong-hyun will "
        "discuss the deployment of North Korean soldiers, adding that there will be no limitations on the use of "
        "U.S. weapons."),
    "quotes.clause.object_clause": Case("Democratic committee chairman Jerrold Nadler of New York has repeatedly "
                                        "maintained an impeachment inquiry is what the committee is already doing."),
    "quotes.clause.phrasal_object": Case("Activists called for the resignation of the police chief."),
    "quotes.clause.object_with_reason": Case("Biden blamed Republicans for the shutdown."),
    "quotes.clause.attitude_object": Case("The mayor expressed concern about the rising cost of bus fares."),
    "quotes.clause.stance_object": Case("The ferry operator denied any wrongdoing."),
    "quotes.clause.announced_object": Case("The council announced the closure of two libraries."),
    "quotes.clause.object_tail": Case("The union voiced opposition to the plan."),
    "quotes.clause.cut_object_participle": Case(SECRETARY),
    "quotes.clause.cut_object_but": Case("Last spring the actor had signaled an intent to run but decided against "
                                         "it."),
    "quotes.clause.parenthetical": Case("The economy, he said, is strong."),
    "quotes.clause.tally_setter": Case("The Red Crescent put the number of missing at 61.", (body("Red Crescent"),),
                                       figures=("61",)),
    "quotes.clause.tally_disputed": Case("The mayor rejected the figure of 2,000 evictions as invented.",
                                         figures=("2,000",)),
    "quotes.clause.unmarked_clause": Case("The mayor said after the storm the crews have cleared 400 roads."),
    "quotes.clause.trailing_conjunct": Case("A measles outbreak has also killed at least 120 children across Chad "
                                            "since April, WHO chief Tedros Adhanom Ghebreyesus told reporters.",
                                            (person("Tedros Adhanom Ghebreyesus"),)),
    "quotes.clause.adjacent_fragments": Case('She said she did this to show victims "there is nothing to be ashamed '
                                             'of".'),
    "quotes.fragment.under_cue": Case("NATO chief Mark Rutte called the move a “significant escalation” of the "
                                      "war."),
    "quotes.kind.quoted_pieces": Case('Critics argued the plan was "reckless", "costly" and "unfair".'),
    "quotes.kind.mixed_clause": Case('The governor warned the council was "wasting money" and "ignoring residents" '
                                     'in the vote.'),
    "quotes.noun_cue.that_clause": Case("Trump's claim that the election was stolen has been rejected by courts."),
    "quotes.noun_cue.intention": Case("The governor's plan to close the schools angered parents."),
    "quotes.citing.clause": Case("The deal has collapsed, citing two people familiar with the matter."),
    "quotes.made_clear.clause": Case("The senator made clear that she would oppose the treaty."),
    "quotes.implicit.impersonal_passive": Case("The senator is widely believed to be planning a run for governor."),
    "quotes.implicit.hearsay_adverb": Case("Reportedly, most residents vote by mail."),
    "quotes.filter.same_cue": Case('According to eyewitness Vinnie DeVita, "within probably 15 to 20 seconds of it '
                                   'all, it exploded. I mean, just a ball of flames."'),
    "quotes.source.participle_noun_clause": Case(SECRETARY),
    "quotes.source.added_report": Case("The pilot said the engine had failed twice, adding that the crew stayed "
                                       "calm."),
    "quotes.source.joined_report": Case(JUDGE),
    "quotes.source.relative_who": Case("The paper also spoke to the Navy, who told it this was as-yet unconfirmed."),
    "quotes.source.past_dateline": Case("SEOUL (Reuters) - South Korea's spy agency said on Friday that troops had "
                                        "moved.", (body("South Korea", "state", code="KOR"),), places=("SEOUL",)),
    "quotes.source.subject": Case("NATO chief Rutte said that North Korean troops had been deployed near the "
                                  "border."),
    "quotes.source.after_label": Case("Update, 9 March: An earlier version of this report said that the bridge "
                                      "had closed."),
    "quotes.source.split_subject": Case('"The ice is thinning from below," said study co-author Ted Scambos.'),
    "quotes.source.passive_topic": Case("It was reported by local media that the bridge had collapsed."),
    "quotes.source.raised_subject": Case("Biden is expected to announce that he will run again."),
    "quotes.source.agent": Case("The challenger was projected by two networks to win the district."),
    "quotes.source.inverted_name": Case("Israel is opposed to French mediation in peace negotiations with Syria, a "
                                        "close aide to Prime Minister Ehud Barak said Wednesday."),
    "quotes.source.event_noun": Case("Tony Bobulinski held a press conference claiming that Biden knew about the "
                                     "deals."),
    "quotes.source.modified_noun": Case("US Secretary of State Mike Pompeo sent a letter requesting the new rules to "
                                        "Elaine Chao."),
    "quotes.source.speaking_apposition": Case("More than 800 Rohingya refugees have arrived in Malaysia's Penang state "
                                              "in the past week, the largest wave in years, a spokesperson for the UN "
                                              "migration agency told reporters in Geneva on Tuesday."),
    "quotes.source.name_before_comma": Case("In Lviv, the city's mayor, Andriy Sadovyi, told reporters that the "
                                            "water supply was restored.", (person("Andriy Sadovyi"),)),
    "quotes.source.name_before_verb": Case("On Friday Ford Motor Company announced that it would cut jobs."),
    "quotes.source.prep_clause": Case("In finding that the law was void, the court also found that the fines were "
                                      "illegal."),
    "quotes.source.object_controller": Case("The backlash led the candidate to admit that the remark was careless."),
    "quotes.source.governing_clause": Case("He vowed to retaliate and said the strikes would continue."),
    "quotes.source.saying_subject": Case("Since then, a Republican, Mark Amodei, has publicly voiced support for the "
                                         "inquiry, telling the Nevada Independent: \"I'm a big fan of oversight, so "
                                         "let's let the committees get to work.\""),
    "quotes.source.between_quote_and_cue": Case("“I have the unfortunate reputation of being Miss Goody Two-Shoes, "
                                                "and all that,” Day said in 1976."),
    "quotes.source.name_after_cue": Case('"The river will crest tonight," read the flood warning.'),
    "quotes.source.possessor": Case("Trump's claim that the election was stolen has been rejected by courts."),
    "quotes.source.by_phrase": Case("The committee has completed its investigation into an allegation by the "
                                    "Liberian Peace Council that the rebels had taken over the city."),
    "quotes.source.compound_name": Case("He raised the Daily Courier report that the mayor had lied."),
    "quotes.source.light_verb_subject": Case("The singer made a surprise announcement that she was leaving the "
                                             "band."),
    "quotes.phrase.cut_descriptive_clause": Case("Smith, who heads the committee, said the vote would be delayed."),
    "quotes.speaker.continued": Case(SINGH, (person("Singh"),)),
    "quotes.speaker.document": Case("A leaked memo suggested that the factory would close by spring."),
    "quotes.speaker.anonymous": Case("Officials who spoke on condition of anonymity said the strike killed 12 "
                                     "people."),
    "quotes.speaker.person_in_body": Case("Yesterday, Roscosmos, the Russian space agency, announced the death of "
                                          "cosmonaut Alexei Leonov.",
                                          (body("Roscosmos, the Russian space agency"), person("Alexei Leonov"))),
    "quotes.speaker.mention": Case("“We will not allow this to happen again,” Singh said on Monday.",
                                   (person("Singh"),)),
    "quotes.speaker.pronoun_last_speaker": Case("“We will win,” Singh said. Later on Monday, “We are ready,” he "
                                                "said.", (person("Singh"),)),
    "quotes.speaker.pronoun_new_subject": Case(MAKUEI, (person("Tom Deng"), person("Michael Makuei"))),
    "quotes.speaker.pronoun_person_subject": Case(LIND, (person("Maria Lind"), person("Tomas Berg"))),
    "quotes.speaker.pronoun_person_named": Case("The prize went to Tomas Berg. “It is a great honour for the club,” "
                                                "he said.", (person("Tomas Berg"),)),
    "quotes.source.trailing_name": Case("A storm hit the coast on Monday, killing at least 40 people in the region, "
                                        "the country's National Emergency Management Agency (NEMA) said, as crews "
                                        "searched.", (body("National Emergency Management Agency"),),
                                        figures=("at least 40",)),
    "quotes.interview.label": Case("Nadia Berg runs the port authority. She spoke to us on Friday.\n"
                                   "Us: How many ships are waiting?\nNadia Berg: About 40 ships.\n"
                                   "Us: And tomorrow?\nNB: Another 12 ships.",
                                   (person("Nadia Berg"),), figures=("40", "12")),
    "quotes.interview.answer": Case("Omar Haddad leads the rescue team in the valley. He spoke to us by phone.\n"
                                    "How bad is it?\nWe have found 30 bodies so far.\nWhat do you need?\n"
                                    "Fuel, and 20 more trucks.", (person("Omar Haddad"),), figures=("30", "20")),
    "quotes.speaker.pronoun_recent_body": Case("A statement came late on Friday from the Red Cross. Its teams have "
                                               "reached the valley, it said.", (body("Red Cross"),)),
    "quotes.speaker.pronoun_unlisted_person": Case("After a three day stay, Trump was released from the hospital. He "
                                                   "tweeted, \"Don't be afraid of Covid. Don't let it dominate your "
                                                   "life.\""),
    "quotes.speaker.apposed_name": Case('Another eyewitness, Nicole Towarek, described extensive tire marks and '
                                        '"insane" heat.', (person("Nicole Towarek"),)),
    "quotes.speaker.body_in_phrase": Case("The NATO military alliance has confirmed that troops have moved to the "
                                          "border.", (body("NATO"),)),
    "quotes.speaker.person_in_phrase": Case('"It demonstrates the statue locations are not a weird ritual place," said '
                                            'study co-author Professor Carl Lipo of Binghamton University.',
                                            (person("Carl Lipo"),)),
    "quotes.speaker.role": Case("Mark Rutte met ministers in Brussels. The NATO chief said that the alliance would "
                                "respond.", (person("Mark Rutte", role="Secretary General", affiliation="NATO"),)),
    "quotes.speaker.organization_word": Case("South Korea's National Intelligence Service briefed lawmakers on "
                                             "Monday. Fighter pilots are among them, according to South Korean "
                                             "intelligence.", (body("National Intelligence Service"),)),
    "quotes.speaker.new_actor": Case("Some analysts have suggested that the troops may be intended to defend Russian "
                                     "territory."),
    "quotes.speaker.named_next": Case("The army has sent 1,500 more soldiers to the front, a lawmaker said on "
                                      "Wednesday. Park Sun-won, a member of the intelligence committee, told "
                                      "reporters that the group had arrived.", (person("Park Sun-won"),)),
    "quotes.speaker.named_later": Case('Six people were hurt, the director of a local clinic told the newspaper. '
                                       '"We treated them all night," said the director, Marta Kowalczyk.',
                                       (person("Marta Kowalczyk"),)),
    "quotes.speaker.first_name_again": Case("Envoy Lakhdar Ahmed Brahimi met both sides. Lakhdar declared that the "
                                            "talks had failed.", (person("Lakhdar Ahmed Brahimi",
                                                                         rule="actors.person.entity"),)),
    "quotes.speaker.named_again": Case("Some analysts said the plan would fail. Some analysts said it would work."),
    "quotes.speaker.state_in_description": Case("An Argentine judge said the law was void.",
                                                (body("Argentine", "state", code="ARG"),)),
    "quotes.chain.relative_clause": Case(REPORTS, (body("National Intelligence Service"),)),
    "quotes.chain.publisher": Case('The party released a statement which said, "We will not take part in the '
                                   'vote."'),
    "quotes.chain.from_by": Case("According to a report on Wednesday by UpGuard, a cybersecurity firm, two databases "
                                 "were found on public servers."),
    "quotes.chain.possessor": Case("The ministry's report said that the dam was safe."),
    "quotes.chain.compound_name": Case("A Pentagon statement said that the drills would continue."),
    "quotes.modality.conditional": Case("“If the weather turns, we will lose the ship,” the captain said."),
    "quotes.modality.negation": Case("Officials said the crew had not been drinking."),
    "quotes.modality.hedge_phrase": Case("Analysts said that, in the event of a default, the bank could fail."),
    "quotes.modality.hedge_word": Case("Officials said the hull was probably cracked."),
    "quotes.modality.modal_main": Case("Aides said West may not even be aware of the nomination."),
    "quotes.modality.noun_cue": Case("Trump's claim that the election was stolen has been rejected by courts."),
    "quotes.modality.cue_negated": Case("The captain denied that the crew had been drinking."),
    "quotes.modality.cue": Case("The alliance has confirmed that troops have moved to the region."),
    "quotes.modality.second_hand": Case(ACCORDING),
    "quotes.claim.time_in_text": Case("The ministry said the bridge reopened on Tuesday.",
                                      times=(("Tuesday", "2024-10-22"),)),
    "quotes.claim.time_published": Case("The ministry said the bridge reopened."),
    "quotes.claim.quantity_link": Case("The ministry said that 40 soldiers were killed.", figures=("40",)),
    "quotes.claim.quantity_object": Case('Its spokesman called the figure of 10,000 soldiers "another '
                                         'fabrication".', figures=("10,000",)),
    "quotes.outlet.figure": Case("A total of 39 people died in the collapse.", figures=("39",)),
    "quotes.outlet.hedge": Case("Their dealings reportedly include the provision of ammunition."),
}

HE_AND_SHE = ("Senator Ann Price spoke first. Governor Tom Reyes said that he would sign the bill. “It is a good "
              "day for the state,” she said.")
SILVA = ("Mrs Ana Silva met Tomas Berg. “We will sign the lease today,” he said. Spokeswoman Ines Duarte opened "
         "the briefing. Minister Paulo Reis arrived later. “The port will reopen on Monday,” she said.")

# A filter (or a preference) -> a text on which switching it off changes what the stage says.
CHANGES: dict[str, Case] = {
    "quotes.speaker.pronoun_number": Case("Volunteers said the shelling had not stopped. The Harbour Relief Agency "
                                          "issued an update. The toll rose to 15, it said.",
                                          (body("Harbour Relief Agency"),)),
    "quotes.speaker.honorific": Case("Port commissioner Kamal Haque has said that the port was closed. Mr Haque "
                                     "informed that 40 ships were waiting.",
                                     (person("Kamal Haque", rule="actors.person.entity"),)),
    "quotes.direct.skip_added_participle": Case('Sanders said in his live stream, "I do not make this decision '
                                                'lightly", calling it a "painful decision".'),
    "quotes.direct.source_outside_quote": Case("“I have the unfortunate reputation of being Miss Goody Two-Shoes, "
                                               "and all that,” Day said in 1976."),
    "quotes.according_to.skip_not_source": Case("The launch went according to plan."),
    "quotes.clause.skip_direct_cue": Case('"We are ready to meet them anywhere," Singh said the talks would resume.'),
    "quotes.clause.skip_quoted_cue": Case("The spokesperson added regarding Iran's request, they \"would not "
                                          "consider requests of this nature\"; Interpol didn't disclose at the time "
                                          "whether it received any arrest warrants from Iran."),
    "quotes.clause.skip_infinitive_adjunct": Case("The board met to announce that the plant would close."),
    "quotes.clause.skip_question": Case("After deciding you won't play for Iran, what did you do?"),
    "quotes.clause.skip_conditional": Case("If we confirm that it is a planet, it becomes very important to follow "
                                           "it."),
    "quotes.clause.skip_imperative": Case("Imagine that we put all the attributes of an institution in a bottle."),
    "quotes.clause.skip_that_said": Case("That said, Red Hat is working on some programs for users."),
    "quotes.clause.skip_inverted_question": Case("Can we expect Rocky Linux to be released before the end of the "
                                                 "year."),
    "quotes.clause.skip_pronoun_object": Case("The two leaders were rivals, I mentioned them earlier."),
    "quotes.clause.skip_past_semicolon": Case("The war has gone on for years; analysts believe."),
    "quotes.clause.skip_circumstance": Case("Kovalchuk also said that, after the first Olympiad, a community of "
                                            "young neurosurgeons emerged on social networks."),
    "quotes.clause.that_only": Case("Judge Paul Kellar ordered the accused remain in custody until his next court "
                                    "appearance on April 5."),
    "quotes.clause.skip_open_question": Case("The party did not immediately announce whom they would support in the "
                                             "election."),
    "quotes.clause.skip_sourceless_participle": Case("The comments follow weeks of reports suggesting that North "
                                                     "Korea was sending troops."),
    "quotes.fragment.skip_passive_naming": Case('This moment of integration is called "the development phase" in the '
                                                'process.'),
    "quotes.fragment.stop_at_adjunct": Case('The campaign criticized the pardon as an abuse of power, pointing to the '
                                            '"ballot box" instead.'),
    "quotes.noun_cue.skip_holderless": Case("Parents protested the plan to close the schools."),
    "quotes.noun_cue.skip_existential": Case("There are rising concerns that the river could flood the town."),
    "quotes.citing.skip_under_report": Case("Reuters, citing anonymous sources, reported both production and export "
                                            "of oil had been disrupted."),
    "quotes.filter.over_direct_quote": Case('Blankenship concurred: "We need to stop policing the world and allow '
                                            'other countries to manage their own affairs", he argued.'),
    "quotes.filter.outermost": Case("Singh said that Austin believes the talks could fail."),
    "quotes.speaker.pronoun_gender": Case(SILVA, (person("Ana Silva"), person("Tomas Berg"), person("Ines Duarte"),
                                                  person("Paulo Reis"))),
    "quotes.modality.first_sentence": Case("“We are ready. If they attack, we will respond,” the general said."),
}
# Checked below on their own: a rule that needs a mention the tests add by hand, and one whose input (one
# content read by two cues) no text of the development sets gives.
BY_HAND = {"quotes.speaker.gender_clash", "quotes.filter.same_content"}


def test_every_rule_has_a_sentence_here():
    assert not set(FIRES) & set(CHANGES) and not (set(FIRES) | set(CHANGES)) & BY_HAND
    assert set(FIRES) | set(CHANGES) | BY_HAND == set(RULES.rules)


@pytest.mark.parametrize("rule", list(FIRES))
def test_rule_fires_and_stops_when_switched_off(run, rule):
    case = FIRES[rule]
    assert rule in rules_in(given(run, case)), sorted(rules_in(given(run, case)))
    assert rule not in rules_in(given(run, case, (rule,)))


@pytest.mark.parametrize("rule", list(CHANGES))
def test_filter_switched_off_changes_the_output(run, rule):
    case = CHANGES[rule]
    assert output(given(run, case)) != output(given(run, case, (rule,)))


def test_gender_clash_switched_off_lets_she_be_a_man(run):
    def actors() -> list[Actor]:
        price, reyes, he_at = HE_AND_SHE.index("Ann Price"), HE_AND_SHE.index("Tom Reyes"), HE_AND_SHE.index(" he ") + 1
        return [Actor("A1", "Ann Price", "person", mentions=[Mention(price, price + 9, "Ann Price")]),
                Actor("A2", "Tom Reyes", "person", mentions=[Mention(reyes, reyes + 9, "Tom Reyes"),
                                                             Mention(he_at, he_at + 2, "he")])]

    assert [q.speaker for q in run(HE_AND_SHE, actors())._.quotes] == ["A2", "A1"]
    assert [q.speaker for q in run(HE_AND_SHE, actors(), ("quotes.speaker.gender_clash",))._.quotes] == ["A2", "A2"]


def _context(parse, text: str, rules_off: tuple[str, ...] = ()) -> QuoteContext:
    return QuoteContext(parse(text), load_lexicon(), RULES.switched_off(rules_off), Settings())


def test_same_content_found_twice_is_one_attribution(parse):
    """Two finders that read the same words with different cues: the first is kept and says so."""
    def found() -> list[Attribution]:
        return [Attribution(0, 9, "indirect", (10, 14), None, None, (0, 9), "quotes.clause.complement", cue_pos=10),
                Attribution(0, 9, "indirect", (20, 32), "reported", None, (0, 9), "quotes.according_to.clause",
                            cue_pos=20)]

    text = "It closed said they, according to AP."
    kept = outermost(_context(parse, text), found())
    assert len(kept) == 1 and [s[0] for s in kept[0].trail.steps] == ["quotes.filter.same_content"]
    assert len(outermost(_context(parse, text, ("quotes.filter.same_content",)), found())) == 2


# -- every item names its rules, with evidence from the text ----------------------------------------------


def assert_traced(text: str, items: list, stage: str = "quotes.") -> None:
    for item in items:
        assert item.rule is not None and item.rule.startswith(stage), item
        assert item.trace and item.trace[0][0] == item.rule, item
        for name, start, end in item.trace:
            assert name in REGISTRY, name
            if start is not None or end is not None:
                assert start is not None and end is not None and 0 <= start < end <= len(text), (name, start, end)
                assert text[start:end].strip(), (name, start, end)


def test_every_quote_and_claim_names_its_rules_on_every_text_here(run):
    for case in [*FIRES.values(), *CHANGES.values()]:
        doc = given(run, case)
        assert_traced(case.text, [*doc._.quotes, *doc._.claims])
        created = [a for a in doc._.actors if any(step[0].startswith("quotes.") for step in a.trace)]
        assert all(a.rule is not None for a in created)


def test_every_quote_and_claim_of_the_founding_article_names_its_rules(seed_extraction, seed_text):
    ext = seed_extraction
    assert ext.quotes and ext.claims
    assert_traced(seed_text, [*ext.quotes, *ext.claims])
    assert all(q.rule is not None for q in ext.quantities if q.claim is not None)
    linked = [q for q in ext.quantities if q.claim is not None]
    assert linked and all(any(s[0] == "quotes.claim.quantity_link" for s in q.trace) for q in linked)


def test_a_quote_and_its_claim_show_the_rules_that_made_them(run):
    case = FIRES["quotes.chain.relative_clause"]
    doc = given(run, case)
    quote, claim = doc._.quotes[0], doc._.claims[0]
    steps = [(name, case.text[s:e] if s is not None else None) for name, s, e in claim.trace]
    assert quote.rule == claim.rule == "quotes.clause.complement"
    assert steps == [
        ("quotes.clause.complement", "have suggested"),
        ("quotes.source.subject", "The latest reports"),
        ("quotes.phrase.cut_descriptive_clause", ", which originated from the National Intelligence Service,"),
        ("quotes.speaker.document", "The latest reports"),
        ("quotes.chain.relative_clause", "the National Intelligence Service"),
        ("quotes.speaker.mention", "National Intelligence Service"),
        ("quotes.modality.cue", "have suggested"),
        ("quotes.claim.time_published", None),
    ]
    assert [step[0] for step in quote.trace] == [name for name, _ in steps[:6]]


# -- the factory ------------------------------------------------------------------------------------------


def test_factory_takes_rules_off_and_tunables_from_the_config():
    from newsgraph.nlp.pipeline import MODEL_NAME

    nlp = spacy.load(MODEL_NAME, exclude=["ner", "lemmatizer"])
    component = nlp.add_pipe("newsgraph_quotes", config={
        "rules_off": ["quotes.direct.cue_after", "events.target.place_object"], "tag_window": 3,
    })
    assert not component.rules.on("quotes.direct.cue_after") and component.rules.on("quotes.direct.cue_before")
    assert component.settings.tag_window == 3 and component.settings.after_window == Settings().after_window
    with pytest.raises(UnknownRule):
        QuotesComponent(["quotes.direct.no_such_rule"])


def test_the_component_keeps_no_state_between_documents(parse):
    component = QuotesComponent()
    before = dict(vars(component))
    doc = parse("“We will win,” Singh said.")
    doc._.actors = []
    assert component(doc)._.quotes
    assert vars(component) == before and set(vars(component)) == {"rules", "settings", "lex"}
