"""What a figure is of (links.figure.*): owner, place, measure and plans, each rule on a sentence of its
own, and each switched off on the same sentence to show that it is what made the difference."""

from __future__ import annotations

import copy

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Quantity
from newsgraph.nlp.links.component import LinksComponent
from newsgraph.nlp.links.rules import RULES
from tests.helpers import before_stage


def described(nlp: Language, text: str, rules_off: tuple[str, ...] = ()) -> Doc:
    doc = before_stage(nlp, nlp.make_doc(text), "newsgraph_links")
    doc._.quantities = copy.deepcopy(doc._.quantities)
    LinksComponent(rules_off)(doc)
    return doc


def figure(doc: Doc, number: str) -> Quantity:
    """The figure whose words hold ``number``; "3,100#2" is the second such figure."""
    number, _, nth = number.partition("#")
    return [q for q in doc._.quantities if number in q.text][int(nth or 1) - 1]


def what(doc: Doc, q: Quantity, field: str) -> object:
    value = getattr(q, field)
    if field == "place":
        return None if value is None else doc._.places[value].name
    if field == "source":
        return next((a.name for a in doc._.actors if a.id == value), None)
    return value


# (rule, text, the figure, the field, its value with every rule on)
CASES = [
    ("links.figure.counted_from_verb", "By Sunday the virus had infected around 35,000 in 28 countries.", "35,000",
     "counted", "infected"),
    ("links.figure.counted_from_verb", "Nearly 900 people landed on the island's beaches last week.", "900",
     "counted", "arrivals"),
    ("links.figure.counted_from_antecedent", "The Pentagon confirmed that North Korean soldiers are in Russia, "
     "saying at least 3,000 had arrived.", "3,000", "counted", "North Korean soldiers"),
    ("links.figure.counted_from_antecedent", "Spain, with the most flood deaths in the region, had around 900 by "
     "Friday.", "900", "counted", "flood deaths"),
    ("links.figure.reported_by", "By Friday, the World Health Organization reported 1,051,635 cases.", "1,051,635",
     "source", "World Health Organization"),
    ("links.figure.reported_by", "The Red Cross put the number of dead in the province at 212 on Friday.",
     "212", "source", "International Committee of the Red Cross"),
    ("links.figure.owner_antecedent", "The Pentagon confirmed that North Korean soldiers are in Russia, "
     "saying at least 3,000 had arrived.", "3,000", "owner", "PRK"),
    ("links.figure.owner_holder", "Joe Biden won 22 delegates, and Senator Bernie Sanders trailed him with a total "
     "of 15.", "15", "owner", "PER:BERNIE_SANDERS"),
    ("links.figure.owner_named", "More than 3,000 North Korean troops arrived.", "3,000", "owner", "PRK"),
    ("links.figure.owner_from", "About 3,000 troops from North Korea arrived last week.", "3,000", "owner", "PRK"),
    ("links.figure.owner_subject", "North Korea sent 3,000 troops last week.", "3,000", "owner", "PRK"),
    ("links.figure.owner_pledge", "Canada has promised 40,000 tents for the camps.", "40,000", "owner", "CAN"),
    ("links.figure.owner_kind", "Officials counted 2,741 confirmed cases.", "2,741", "owner", "confirmed"),
    ("links.figure.adding_subject", "The boats that landed overnight took the total for the month to 2,400.",
     "2,400", "unit", "boats"),
    ("links.figure.people_doing", "About 40,000 people are living in tents near the border.", "40,000", "subcategory",
     "live"),
    ("links.figure.owner_kind_verb", "Malawi has confirmed 46 cholera cases so far.", "46", "owner", "confirmed"),
    ("links.figure.place_of_figure", "There are now 10,000 troops in Kursk.", "10,000", "place", "Kursk"),
    ("links.figure.place_of_verb", "North Korea sent 3,000 troops to Russia.", "3,000", "place", "Russia"),
    ("links.figure.place_of_list", "There were 2,741 cases, 80 deaths and 461 severe cases in China.", "80",
     "place", "China"),
    ("links.figure.place_unnamed", "CNBC reported there were at least 118,381 cases worldwide.", "118,381",
     "owner", "worldwide"),
    ("links.figure.flow_increment", "The ministry reported 523 new infections.", "523", "measure", "flow"),
    ("links.figure.flow_rate", "The fighting killed 40 people a day.", "40", "measure", "flow"),
    ("links.figure.flow_one_day", "Some 640 migrants landed on the island on Friday, officials said.", "640", "measure",
     "flow"),
    ("links.figure.total_period", "The rebels killed 300 civilians during the war.", "300", "measure", "total"),
    ("links.figure.planned", "Pyongyang plans to send 10,000 troops by December.", "10,000", "status", "planned"),
    ("links.figure.planned", "The minister has pledged 800 soldiers for the mission.", "800", "status", "planned"),
    ("links.figure.plan_is_to", "The ministry's aim is to resettle about 40,000 families by June.", "40,000", "status",
     "planned"),
    ("links.figure.expected_verb", "The utility now expects to restore power to 90,000 homes.", "90,000", "status",
     "expected"),
    ("links.figure.expected_by", "I would not be surprised to see the total reach 10,000 by the end of the year.",
     "10,000", "status", "expected"),
    ("links.figure.expected_future", "Analysts said the number of troops could reach 10,000 troops by December.",
     "10,000", "status", "expected"),
    ("links.figure.counted_from_subject", "The number of confirmed cases surpassed 1,000 on Friday.", "1,000",
     "counted", "confirmed cases"),
    ("links.figure.article_context", "Some 3,000 North Korean troops are in Russia. Up to 12,000 troops could "
     "follow.", "12,000", "place", "Russia"),
    ("links.figure.tally_antecedent", "The governor said the number of people missing after the floods had grown. "
     "He put it at about 260.", "260", "counted", "people"),
    ("links.figure.flow_rate_verb", "Officials said the camp receives every week about 3,000 families.", "3,000",
     "measure", "flow"),
    ("links.figure.passed_bound", "Officials said the toll from the floods would exceed 2,000.", "2,000",
     "bound", ">"),
    ("links.figure.expected_likely", "Forecasters said the number of homes flooded is likely to reach 9,000.",
     "9,000", "status", "expected"),
    ("links.figure.place_there", "In Tabriz, the governor said 60 people had been hurt there.", "60", "place",
     "Tabriz"),
    ("links.figure.pledge_made", "Japan promised $40 million for the relief effort.", "$40 million", "status", None),
    ("links.figure.asked", "Dana Holt runs the shelter.\nHow many families are staying there now?\nAbout 240 at the "
     "moment.", "240", "counted", "families"),
    ("links.figure.same_value", "The ministry put the number of dead at 3,100. Rebels dismissed the figure of "
     "3,100 as propaganda.", "3,100#2", "counted", "dead"),
    ("links.figure.elided_count", "The number of migrants held in the centres is now about 9,000. Last year the "
     "authorities held around 7,500.", "7,500", "counted", "migrants"),
]


@pytest.mark.parametrize(("rule", "text", "number", "field", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_figure_rule_makes_its_difference(nlp: Language, rule: str, text: str, number: str, field: str,
                                               expected: object) -> None:
    doc = described(nlp, text)
    q = figure(doc, number)
    assert what(doc, q, field) == expected
    assert rule in {step[0] for step in q.trace}
    off = described(nlp, text, rules_off=(rule,))
    q_off = figure(off, number)
    assert what(off, q_off, field) != expected
    assert rule not in {step[0] for step in q_off.trace}


def test_every_figure_rule_has_a_sentence() -> None:
    figure_rules = {name for name in RULES.rules if name.startswith("links.figure.")}
    assert figure_rules == {c[0] for c in CASES}


def test_a_capital_speaking_for_its_government_is_no_place(nlp: Language) -> None:
    doc = described(nlp, "Moscow said 3,000 troops had arrived.")
    assert figure(doc, "3,000").place is None


def test_a_plain_count_is_a_stock_with_no_owner(nlp: Language) -> None:
    doc = described(nlp, "There are 10,000 troops there now.")
    q = figure(doc, "10,000")
    assert (q.measure, q.owner, q.place, q.status) == ("stock", None, None, None)


def test_a_place_in_the_sentence_that_is_not_where_the_figure_is_does_not_place_it(nlp: Language) -> None:
    doc = described(nlp, "In a speech in Berlin, the minister said 3,000 North Korean troops had arrived.")
    assert figure(doc, "3,000").place is None


def test_a_dateline_owns_no_figure(nlp: Language) -> None:
    doc = described(nlp, "SEOUL, South Korea (AP) — North Korea has sent 1,500 soldiers to Russia.")
    assert figure(doc, "1,500").owner == "PRK"


def test_worldwide_said_once_holds_for_every_figure_of_a_sentence_that_names_no_place(nlp: Language) -> None:
    doc = described(nlp, "There were at least 126,000 cases worldwide, resulting in over 4,600 deaths.")
    assert figure(doc, "4,600").owner == "worldwide"
    doc = described(nlp, "There were 126,000 cases worldwide and 4,600 deaths in Italy.")
    assert figure(doc, "4,600").owner is None


@pytest.mark.parametrize(("text", "number", "field", "expected"), [
    # a count over a short window is an increment; over months it is no increment
    ("The ministry said 523 people were infected in the past 24 hours.", "523", "measure", "flow"),
    ("Monitors said 2,310 people were killed in the province in the first six months of 2023.", "2,310",
     "measure", "stock"),
    # the parser reads "37 confirmed" as a clause: the counted noun the quantities stage found still holds it
    ("There were 5794 suspected cases in China, 37 confirmed cases in other countries.", "37", "owner",
     "confirmed in other countries"),
    # a range: its first number holds the noun
    ("Budanov said North Korea now had between 11,000 and 12,000 soldiers in Russia.", "12,000", "place",
     "Russia"),
    # after a dateline the parser hangs the figure's noun on the town: the sentence's verb is still its verb
    ("SEOUL, South Korea (GB) — More than 10,000 North Korean soldiers are now in Russia, a lawmaker said.",
     "10,000", "place", "Russia"),
])
def test_figures_the_parse_hides(nlp: Language, text: str, number: str, field: str, expected: object) -> None:
    doc = described(nlp, text)
    assert what(doc, figure(doc, number), field) == expected


@pytest.mark.parametrize(("text", "number"), [
    ("The virus may have killed two foreign visitors in Wuhan.", "two"),  # a doubted past, no forecast
    ("Joe Biden has amassed 1,217 pledged delegates so far.", "1,217"),  # pledged delegates: no plan
    ("Norway has pledged 40,000 tents for the camps.", "40,000"),  # what is pledged: the pledge is made
])
def test_no_plan_nor_forecast(nlp: Language, text: str, number: str) -> None:
    assert figure(described(nlp, text), number).status is None


@pytest.mark.parametrize(("text", "number", "counted"), [
    ("He said the total number of those infected until now is 1,501 and the number of deaths is 66.", "1,501",
     "infected"),
    ("He said the total number of those infected until now is 1501 and the number of deaths is 66.", "66",
     "deaths"),
    ("Confirmed infections in Spain, totaling to around 250,000, were the next highest.", "250,000",
     "Confirmed infections"),
    ('An MP said the real number of people killed in the floods was "at least 900".', "900", "people"),
    ("The total is 60.", "60", None),  # a total of what, the sentence does not say
    ("The total population of Hong Kong is about 7.5 million.", "7.5 million", None),  # no tally
    ("Of the 2.8 million who voted, 85% were in favour.", "2.8 million", None),  # it opens the clause
    ("North Korea has sent 3,000 soldiers. The total could reach 10,000 by December.", "10,000", "soldiers"),
])
def test_what_a_bare_figure_counts(nlp: Language, text: str, number: str, counted: str | None) -> None:
    assert figure(described(nlp, text), number).counted == counted


def test_a_kind_the_article_gave_before_is_not_carried_to_a_count_of_another_kind(nlp: Language) -> None:
    doc = described(nlp, "Officials have counted 4,000 suspected cases. They put the number of "
                         "laboratory-confirmed cases at about 900.")
    assert figure(doc, "900").owner == "confirmed"  # (its own noun's kind, found away from the number)
    doc = described(nlp, "The ministry has registered 650 confirmed cases. It rejected the figure of 9,000 "
                         "suspected cases as a rumour.")
    assert figure(doc, "9,000").owner != "confirmed"
