"""The links stage's named rules: each link is recorded on the figure and on the event it ties, each
copied quote time on the quote, with the other item's span as evidence; any rule can be switched off."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Claim, Event, Quantity, Quote
from newsgraph.nlp.links.component import LinksComponent, copy_claim_times_to_quotes
from newsgraph.nlp.links.rules import RULES
from newsgraph.nlp.pipeline import MODEL_NAME


def event(text: str, type_: str, trigger: str, evidence: str | None = None, eid: str = "E1") -> Event:
    t = text.index(trigger)
    evidence = evidence or trigger
    s = text.index(evidence)
    return Event(eid, type_, s, s + len(evidence), evidence, "occurred", trigger=(t, t + len(trigger)))


def linked(qnlp: Language, text: str, *events: Event, rules_off: tuple[str, ...] = ()) -> Doc:
    doc: Doc = qnlp(text)
    doc._.events = list(events)
    LinksComponent(rules_off)(doc)
    return doc


def _steps(item: Quantity | Event, text: str) -> list[tuple[str, str | None]]:
    """The links rules in an item's trace, each with the text of its evidence."""
    return [(r, text[s:e] if s is not None else None) for r, s, e in item.trace if str(r).startswith("links.")]


def test_a_link_is_recorded_on_the_figure_and_on_the_event(qnlp: Language) -> None:
    text = "Russia deployed 3,000 troops to the border."
    doc = linked(qnlp, text, event(text, "MOBILIZE", "deployed"))
    q, ev = doc._.quantities[0], doc._.events[0]
    assert q.event == "E1" and ev.size == [0]
    assert q.rule == "quantities.number.digits"  # the figure's maker stays its maker
    assert ev.rule is None  # (a hand-made event names no maker, and links does not become it)
    assert _steps(q, text) == [("links.size.type_fit", "deployed"), ("links.size.path", "deployed")]
    assert _steps(ev, text) == [("links.size.path", "3,000")]


def test_kind_containment_same_toll_and_nearest_are_recorded(qnlp: Language) -> None:
    text = "Thousands protested in the capital."
    q = linked(qnlp, text, event(text, "PROTEST", "protested"))._.quantities[0]
    assert _steps(q, text)[0] == ("links.size.crowd", "Thousands")
    text = "Russia invaded; 300 soldiers died."
    q = linked(qnlp, text, event(text, "ASSAULT", "invaded", text[:-1]))._.quantities[0]
    assert ("links.size.contained", text[:-1]) in _steps(q, text)
    text = "Six nationals were killed in the attack, and seven more were injured."
    seven = linked(qnlp, text, event(text, "ASSAULT", "killed"))._.quantities[1]
    assert ("links.size.same_toll", "killed") in _steps(seven, text)
    text = "During the invasion the shelling killed 30 soldiers."
    doc = linked(qnlp, text, event(text, "ASSAULT", "invasion", text[:-1], "E1"),
                 event(text, "ASSAULT", "killed", "the shelling killed 30 soldiers", "E2"))
    assert ("links.size.nearest", "killed") in _steps(doc._.quantities[0], text)


@pytest.mark.parametrize(
    ("rule", "text", "type_", "trigger", "evidence", "sized"),
    [
        # no path: the evidence span still holds it; nor that: nothing
        ("links.size.path", "Russia deployed 3,000 troops to the border.", "MOBILIZE", "deployed", None, []),
        ("links.size.contained", "Russia invaded; 300 soldiers died.", "ASSAULT", "invaded",
         "Russia invaded; 300 soldiers died", []),
        # through a ccomp the saying is sized once the clause break is off
        ("links.size.clause_break", "Officials accused Russia and said 40 people had been killed.", "COERCE",
         "said", None, ["40"]),
        ("links.size.type_fit", "The strike killed 12 civilians.", "MOBILIZE", "strike", None, ["12"]),
        ("links.size.crowd", "Thousands protested in the capital.", "PROTEST", "protested", None, []),
        ("links.size.same_toll", "Six nationals were killed in the attack, and seven more were injured.",
         "ASSAULT", "killed", None, ["Six"]),
    ],
)
def test_a_rule_switched_off_stops_linking(
    qnlp: Language, rule: str, text: str, type_: str, trigger: str, evidence: str | None, sized: list[str]
) -> None:
    doc = linked(qnlp, text, event(text, type_, trigger, evidence), rules_off=(rule,))
    quantities = doc._.quantities
    assert [quantities[i].text for i in doc._.events[0].size] == sized
    assert all(rule not in {s[0] for s in q.trace} for q in quantities)


@pytest.mark.parametrize("rule", sorted(RULES.rules))
def test_every_rule_can_be_switched_off(qnlp: Language, rule: str) -> None:
    text = "Russia sent 3,000 troops and 500 tonnes of grain; thousands protested, and six were killed in the attack."
    events = [event(text, "MOBILIZE", "sent", eid="E1"), event(text, "PROTEST", "protested", eid="E2"),
              event(text, "ASSAULT", "attack", text, eid="E3"), event(text, "AID", "sent", eid="E4")]
    doc = linked(qnlp, text, *events, rules_off=(rule,))
    for i, q in enumerate(doc._.quantities):
        assert rule not in {s[0] for s in q.trace}
        assert (q.event is not None) == any(i in ev.size for ev in events)


def _quote_and_claim(time: str | None) -> tuple[Quote, Claim]:
    claim = Claim("C1", 0, 20, "Russia sent troops.", "asserted", time=time, time_from="text" if time else None)
    quote = Quote("Q1", 0, 20, "Russia sent troops.", "indirect", None, None, None, claim="C1")
    return quote, claim


def test_a_copied_quote_time_is_recorded_on_the_quote() -> None:
    doc = spacy.blank("en")("Russia sent troops.")
    quote, claim = _quote_and_claim("2024-10-28")
    doc._.quotes, doc._.claims = [quote], [claim]
    copy_claim_times_to_quotes(doc)
    assert (quote.time, quote.time_from) == ("2024-10-28", "text")
    assert quote.trace == [["links.time.claim_to_quote", 0, 20]] and quote.rule is None
    quote, claim = _quote_and_claim("2024-10-28")
    doc._.quotes, doc._.claims = [quote], [claim]
    copy_claim_times_to_quotes(doc, RULES.switched_off(["links.time.claim_to_quote"]))
    assert quote.time is None and quote.trace == []
    quote, claim = _quote_and_claim(None)  # nothing to copy: nothing recorded
    doc._.quotes, doc._.claims = [quote], [claim]
    copy_claim_times_to_quotes(doc)
    assert quote.trace == []


def test_the_factory_takes_rules_off_and_the_longest_path() -> None:
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("newsgraph_quantities")
    nlp.add_pipe("newsgraph_links", config={"rules_off": ["links.size.nearest", "quantities.bound.pre"],
                                            "max_path": 0})
    links = nlp.get_pipe("newsgraph_links")
    assert links.sizer.paths.max_path == 0 and not links.rules.on("links.size.nearest")
    text = "Russia deployed 3,000 troops to the border."
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "newsgraph_links":
            doc._.events = [event(text, "MOBILIZE", "deployed")]
        doc = proc(doc)
    assert doc._.events[0].size == []  # no path of 0 arcs joins "troops" to "deployed"


def test_seed_links_are_traced(seed_extraction) -> None:
    x = seed_extraction
    for ev in x.events:
        for i in ev.size:
            q = x.quantities[i]
            assert any(step[0] in ("links.size.path", "links.size.contained") for step in ev.trace)
            assert any(step[0] in ("links.size.path", "links.size.contained") for step in q.trace)
