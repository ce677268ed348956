"""The rules of the links stage, in the order it tries them (``newsgraph.nlp.rules``).

Steps: ``size`` (which event a figure sizes: what kind of figure it is, the dependency path or evidence
span that ties it to an event, and the choice among several) and ``time`` (quotes take the time of their
claim). The links stage changes items other stages made: each rule that fires is appended to the trace
of the quantity, event or quote it changed (their ``rule`` stays that of the stage that made them).
"""

from __future__ import annotations

from newsgraph.nlp.rules import Rule, RuleTable, Traced, fired

RULES = RuleTable("links", [
    # -- what kind of figure it is (event_links.tsv) ---------------------------------------------------
    Rule("links.size.people", "an uncategorised count of people sizes what people do: '300 civilians' (people)"),
    Rule("links.size.crowd", "a bare number with no noun sizes only a protest: 'thousands protested' (crowd)"),
    Rule("links.size.goods", "goods by measure may size an aid: '500 tonnes of grain' (other)"),
    Rule("links.size.type_fit", "a figure sizes only the event types its kind fits: troops a MOBILIZE, "
         "casualties an ASSAULT, money an AID (event_links.tsv)"),
    # -- what ties it to an event ------------------------------------------------------------------------
    Rule("links.size.counted_noun", "the path may start at the counted noun as well as at the number: "
         "'3,000 troops were sent', 'hundreds of soldiers died'"),
    Rule("links.size.path", "a figure joined to the trigger by a short dependency path sizes it: 'sent 3,000 "
         "troops', 'the deployment of 5,000 soldiers', 'an attack that killed 12'"),
    Rule("links.size.clause_break", "a path that leaves the clause relates nothing: 'officials said 12 were "
         "killed' does not size the saying"),
    Rule("links.size.separate_clauses", "conjoined predicates with their own subjects are separate events: "
         "'Russia sent 3,000 troops and Ukraine shot down 40 drones'"),
    Rule("links.size.same_toll", "casualties may size an attack across conjoined clauses: 'six were killed in "
         "the attack, and seven more were injured'"),
    Rule("links.size.contained", "failing any path, a figure inside an event's evidence span sizes it"),
    Rule("links.size.nearest", "of several events a figure could size, the nearest trigger by path wins, then "
         "the smallest evidence span"),
    # -- times -----------------------------------------------------------------------------------------
    # -- what a figure is of (figures.py): owner, place, measure, plans ---------------------------------
    Rule("links.figure.counted_from_subject", "a bare figure a verb of reaching gives to its subject counts what "
         "the subject counts: 'the number of confirmed cases surpassed one million' (confirmed cases)"),
    Rule("links.figure.adding_subject", "a total a verb takes to a figure counts that verb's subject: 'the latest "
         "arrivals took the total for the year to more than 22,000' (arrivals)"),
    Rule("links.figure.tally_antecedent", "'it' given a figure by a verb of reaching or putting stands for the one "
         "tally noun of the sentence before: '... the number of civilians killed was far higher. He put it at more "
         "than 1,300' (civilians killed)"),
    Rule("links.figure.flow_rate_verb", "the verb that moves the counted things says how often: 'receives every "
         "day between 500 and 700', 'arrive daily' (a flow)"),
    Rule("links.figure.pledge_made", "money pledged or promised is a pledge made, not a plan: 'Canada promised "
         "C$80.5 million' (occurred)"),
    Rule("links.figure.asked", "a bare figure right after a 'how many' question counts what it asks about: 'How "
         "many people have died in the north-west? Our count today is 1,136.' (people, killed)"),
    Rule("links.figure.same_value", "a figure naming no counted thing that repeats the value of an earlier count "
         "of the article is that count: 'put the number of dead at 14,120 ... rejected the figure of 14,120'"),
    Rule("links.figure.elided_count", "a bare figure of 100 or more within a factor of two of the article's last "
         "count counts what that counted: 'the number of refugees is now around 700,000 ... \"Chad had taken in "
         "around 600,000\"' (refugees)"),
    Rule("links.figure.passed_bound", "a bare figure a verb of passing takes as its object is more than the figure: "
         "'cases surpassed one million' (>)"),
    Rule("links.figure.expected_likely", "a figure under 'likely to', 'expected to', 'set to' is expected: 'the "
         "combined toll was likely to exceed 10,000'"),
    Rule("links.figure.place_there", "'there' is the place named last before it, in its sentence or the one before: "
         "'In Malatya, the governor said 388 people had been killed there' (Malatya)"),
    Rule("links.figure.people_doing", "people counted by no more than that are told apart by what they do or undergo: "
         "'1.9 million people are living in tents', '8,000 people have been pulled alive' (two counts)"),
    Rule("links.figure.counted_from_verb", "a bare figure that a verb of counting people does or undergoes counts "
         "them by it: 'the virus infected 35,000' (infected), '14 have recovered' (recovered); people named by no more "
         "than that who cross, arrive, land or enter are arrivals: '1,295 people crossed'"),
    Rule("links.figure.counted_from_antecedent", "a bare figure that is a verb's subject (or what 'had', "
         "'recorded' ... hold) counts the troops (or "
         "police, refugees ...) its sentence named just before: 'soldiers are in Russia, saying at least 3,000 had "
         "arrived' (soldiers)"),
    Rule("links.figure.reported_by", "the subject of a verb of reporting gives the figure that is its object: "
         "'the WHO reported 1,051,635 cases' (WHO)"),
    Rule("links.figure.owner_antecedent", "the figure's antecedent names its owner: 'North Korean soldiers are in "
         "Russia, saying at least 3,000 had arrived' (PRK)"),
    Rule("links.figure.owner_pledge", "things of no owned kind an actor pledges are that actor's to give: 'Japan "
         "has promised 3.05 million doses'"),
    Rule("links.figure.owner_holder", "a person who holds, wins or trails with a count owns it: 'Sanders has "
         "914 delegates' (PER:BERNIE_SANDERS)"),
    Rule("links.figure.owner_named", "an actor named in the figure's phrase owns it: '3,000 North Korean troops', "
         "\"Pyongyang's troops\" (PRK)"),
    Rule("links.figure.owner_from", "an actor after 'from' owns it: 'troops from North Korea' (PRK)"),
    Rule("links.figure.owner_subject", "what an actor sends or holds (troops, police, weapons, money) is owned by the "
         "subject of the verb: 'North Korea sent 3,000 troops' (PRK)"),
    Rule("links.figure.owner_kind", "failing an actor, a modifier saying what kind is counted: '2,741 confirmed cases' "
         "(confirmed)"),
    Rule("links.figure.owner_kind_verb", "failing that, the verb whose object the counted things are gives their kind: "
         "'the ministry has confirmed 170 cases' (confirmed)"),
    Rule("links.figure.place_of_figure", "a place after 'in', 'inside', 'at' ... on the counted noun or number: "
         "'10,000 troops in Kursk'"),
    Rule("links.figure.place_of_verb", "a place after 'in', 'to', 'into' ... on the verb that moves or holds the "
         "figure: 'sent 3,000 troops to Russia'"),
    Rule("links.figure.place_of_list", "a figure in a list shares the place the list is given: '2,741 cases, 80 "
         "deaths and 461 severe cases in China'"),
    Rule("links.figure.place_unnamed", "words that say where without naming a place make a kind of count: "
         "'118,381 cases worldwide' (worldwide), '37 cases in other countries' (other countries); in a sentence "
         "that names no place, said once for all its figures: '126,000 cases worldwide and 4,600 deaths'"),
    Rule("links.figure.flow_increment", "an increment is a flow: 'another 1,500 troops', '523 new cases', "
         "'1,500 more'"),
    Rule("links.figure.flow_rate", "a rate, or a count over a short window, is a flow: '92 deaths a day', 'killed 40 "
         "daily', '523 cases in the past 24 hours'"),
    Rule("links.figure.flow_one_day", "what a verb of moving did on one day is an increment: '1,295 people crossed "
         "the Channel on Monday', '1,065 crossed yesterday' (not 'have crossed so far this year')"),
    Rule("links.figure.total_period", "a count over a period is a total: 'killed 300 during the war'"),
    Rule("links.figure.plan_is_to", "a figure under a plan that 'is to' do it is a plan: 'the government's plan is to "
         "vaccinate about 3 million people'"),
    Rule("links.figure.expected_verb", "a figure under a verb of foretelling is expected: 'now expects to make 13 "
         "million doses', 'projects 30,000 cases'"),
    Rule("links.figure.planned", "a figure under a verb of planning is a plan: 'plans to send 10,000 troops'"),
    Rule("links.figure.expected_by", "a figure a verb of reaching in its bare form is to meet by a date is "
         "expected: 'to see the total reach 10,000 by the end of the year'"),
    Rule("links.figure.expected_future", "a figure its verb puts in the future is expected: 'the total could "
         "reach 10,000 by December'"),
    Rule("links.figure.article_context", "a figure whose sentence names no owner or place takes those of the "
         "article's previous figure of the same thing: '3,000 North Korean troops in Russia ... 12,000 troops'"),
    Rule("links.time.claim_to_quote", "a quote takes the time of the claim it states: the claim already holds "
         "the time governing the quoted content"),
])


def changed(item: Traced, rule: str, evidence: tuple[int, int] | None) -> None:
    """Record that a links rule changed an item another stage made: the rule goes on its trace, and its
    ``rule`` stays the maker's (even when the maker named none)."""
    maker = item.rule
    fired(item, rule, evidence)
    item.rule = maker
