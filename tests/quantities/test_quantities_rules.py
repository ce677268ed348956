"""The quantities stage's named rules: every figure says which rule read it and which rules changed it,
with the words each used; any rule can be switched off from the config, and then it never fires; and every rule
changes what the stage says on tests/quantities/corpus.py when it is off (but those in NO_CHANGE)."""

from __future__ import annotations

from dataclasses import asdict

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Quantity
from newsgraph.nlp.pipeline import MODEL_NAME
from newsgraph.nlp.quantities.component import QuantitiesComponent
from newsgraph.nlp.quantities.config import Settings
from newsgraph.nlp.quantities.rules import RULES
from newsgraph.nlp.rules import REGISTRY
from tests.helpers import before_stage
from tests.quantities.common import only, quantities
from tests.quantities.corpus import AFTER_STAGES, TEXTS

# Quantities rules that change nothing on any sentence found: each is a test that fails once it matters.
NO_CHANGE = {
    # spaCy tags ORDINAL only "3rd", "110th", "1au" among the tokens that could start a number (none in the
    # Wikinews sample and conflict sets, nor in "the first dozen", "the second hundred"), and the digit
    # reader turns those down anyway: a suffix that is neither a scale nor a unit
    "quantities.not.ordinal": "no ORDINAL token is read as a number: the digit reader turns down '3rd' too",
    # the parser never makes a number word a determiner (none in the Wikinews sets or the development sets);
    # the rule's own `what` calls it a guard that drops nothing
    "quantities.not.determiner": "the parser makes no number word a determiner",
    # "more", "other", "further", "extra" are tagged ADJ, which the walk to the noun passes over anyway, or ADV
    # before an adjective, which quantities.counted.adverb passes over first ("3 more Iranian tankers")
    "quantities.counted.comparative": "a comparative is an ADJ, or an ADV before an ADJ: passed over by other means",
}


def _rule_params() -> list:
    return [pytest.param(rule, marks=pytest.mark.xfail(strict=True, reason=NO_CHANGE[rule])) if rule in NO_CHANGE
            else rule for rule in sorted(RULES.rules)]


def _before_quantities(nlp: Language, text: str) -> Doc:
    """A text through every component that runs before the quantities stage."""
    return before_stage(nlp, nlp.make_doc(text), "newsgraph_quantities")


@pytest.fixture(scope="module")
def docs(qnlp: Language) -> list[Doc]:
    return [qnlp(text) for text in TEXTS]


@pytest.fixture(scope="module")
def corpus(docs: list[Doc], nlp: Language) -> list[Doc]:
    """Every text of tests/quantities/corpus.py, parsed once."""
    return [*docs, *(_before_quantities(nlp, text) for text in AFTER_STAGES)]


def _found(component: QuantitiesComponent, docs: list[Doc]) -> list[tuple[str, Quantity]]:
    out: list[tuple[str, Quantity]] = []
    for doc in docs:
        doc._.quantities = None
        component(doc)
        out.extend((doc.text, q) for q in doc._.quantities)
    return out


def test_every_figure_names_the_rule_that_read_it_and_every_rule_that_fired(docs: list[Doc]) -> None:
    found = _found(QuantitiesComponent(), docs)
    assert len(found) > 45
    fired = set()
    for text, q in found:
        assert q.rule is not None and q.rule.startswith("quantities.number."), (q.text, q.rule)
        assert q.trace and q.trace[0][0] == q.rule
        for rule, start, end in q.trace:
            assert rule in RULES.rules, rule
            assert (start is None) == (end is None)
            if start is not None:  # the evidence is words of the text
                assert isinstance(start, int) and isinstance(end, int)
                assert 0 <= start < end <= len(text) and text[start:end].strip(), (q.text, rule, start, end)
            fired.add(rule)
    # most rules of the table fire on these sentences (the rest: in the tests of their modules)
    assert len(fired) >= 0.5 * len(RULES.rules), sorted(set(RULES.rules) - fired)


def test_seed_figures_have_their_rules(seed_extraction) -> None:
    text = seed_extraction.article.text
    for q in seed_extraction.quantities:
        assert q.rule in RULES.rules and q.trace
        assert all(text[s:e] for _, s, e in q.trace if s is not None)
    troops = next(q for q in seed_extraction.quantities if q.text == "more than 12,000")
    # (later stages append their own rules: quotes link it to its claim, links to the event it sizes)
    assert [step[0] for step in troops.trace if step[0].startswith("quantities.")] == [
        "quantities.number.digits", "quantities.bound.pre", "quantities.counted.ellipsis",
        "quantities.status.expected_cue", "quantities.category.noun",
    ]


def _steps(q: Quantity, text: str) -> list[tuple[str, str | None]]:
    return [(str(rule), text[int(s) : int(e or 0)] if s is not None else None) for rule, s, e in q.trace]


@pytest.mark.parametrize(
    ("text", "figure", "steps"),
    [
        ("Reports say more than 3,000 North Korean troops have been sent.", "more than 3,000", [
            ("quantities.number.digits", "3,000"), ("quantities.bound.pre", "more than"),
            ("quantities.counted.head", "troops"), ("quantities.category.noun", "troops")]),
        ("More than 600,000 soldiers have been killed or wounded.", "More than 600,000", [
            ("quantities.number.digits", "600,000"), ("quantities.bound.pre", "More than"),
            ("quantities.counted.head", "soldiers"),
            ("quantities.context.predicate", "killed"), ("quantities.category.casualty_predicate", "killed"),
            ("quantities.context.predicate", "wounded"), ("quantities.category.casualty_predicate", "wounded")]),
        ("The plan costs $40 billion.", "$40 billion", [
            ("quantities.number.digits", "40"), ("quantities.number.scale", "billion"),
            ("quantities.unit.currency_sign", "$"), ("quantities.category.money", None)]),
        ("The Canadian dollar fell; the plan costs $40 billion.", "$40 billion", [
            ("quantities.number.digits", "40"), ("quantities.number.scale", "billion"),
            ("quantities.unit.currency_sign", "$"), ("quantities.unit.dollar_other_named", "Canadian dollar"),
            ("quantities.category.money", None)]),
        ("Winds reached 195 kilometers per hour.", "195 kilometers", [
            ("quantities.number.digits", "195"), ("quantities.unit.after", "kilometers"),
            ("quantities.unit.rate", "per hour"), ("quantities.category.measure", None)]),
        ("Officials said 1-2 million refugees crossed.", "1-2 million", [
            ("quantities.number.digits", "1"), ("quantities.range.shared_scale", "2 million"),
            ("quantities.range.joined", "1-2 million"), ("quantities.counted.head", "refugees"),
            ("quantities.category.noun", "refugees")]),
        ("About 2,000 police officers were deployed.", "About 2,000", [
            ("quantities.number.digits", "2,000"), ("quantities.bound.pre", "About"),
            ("quantities.counted.head", "officers"), ("quantities.category.force_modifier", "police"),
            ("quantities.category.noun", "police")]),
        ("Five civilians, including two children, were killed.", "two", [
            ("quantities.number.words", "two"), ("quantities.counted.head", "children"),
            ("quantities.context.subset", "civilians"), ("quantities.context.predicate", "killed"),
            ("quantities.category.casualty_predicate", "killed")]),
        ("Hundreds of soldiers died in the assault.", "Hundreds", [
            ("quantities.number.vague_plural", "Hundreds"), ("quantities.bound.vague", "Hundreds"),
            ("quantities.counted.partitive", "soldiers"), ("quantities.context.number_of", "Hundreds"),
            ("quantities.context.predicate", "died"), ("quantities.category.casualty_predicate", "died")]),
        # rules that turned a noun down are on the trace too
        ("Thousands march in Paris.", "Thousands", [
            ("quantities.number.vague_plural", "Thousands"), ("quantities.counted.not_predicate", "march"),
            ("quantities.bound.vague", "Thousands"), ("quantities.category.other", None)]),
        ("90 civilians were wounded, as were seventeen from the Armed Forces.", "seventeen", [
            ("quantities.number.words", "seventeen"), ("quantities.counted.own_group", "from"),
            ("quantities.category.other", None)]),
    ],
)
def test_trace_steps_and_their_evidence(qnlp: Language, text: str, figure: str, steps: list) -> None:
    q = next(q for q in quantities(qnlp, text) if q.text == figure)
    assert _steps(q, text) == steps


@pytest.mark.parametrize("rule", sorted(RULES.rules))
def test_a_rule_switched_off_never_fires_and_the_stage_still_runs(rule: str, docs: list[Doc]) -> None:
    for text, q in _found(QuantitiesComponent([rule]), docs):
        assert q.rule is not None and q.rule != rule
        assert rule not in {step[0] for step in q.trace}
        assert text[q.start : q.end] == q.text


def said(found: list[tuple[str, Quantity]]) -> list[tuple[str, dict]]:
    """What the stage says: each figure without the rules that say why."""
    return [(text, {k: v for k, v in asdict(q).items() if k not in ("rule", "trace")}) for text, q in found]


@pytest.fixture(scope="module")
def everything_on(corpus: list[Doc]) -> list[tuple[str, dict]]:
    return said(_found(QuantitiesComponent(), corpus))


@pytest.mark.parametrize("rule", _rule_params())
def test_a_rule_switched_off_changes_what_the_stage_says(rule: str, corpus: list[Doc], everything_on) -> None:
    # a category or context rule that only sets a field changes what the stage says too
    off = said(_found(QuantitiesComponent([rule]), corpus))
    assert off != everything_on, f"{rule} does nothing on tests/quantities/corpus.py: give it a text"


@pytest.mark.parametrize(
    ("rule", "text", "on", "off"),
    [
        ("quantities.bound.pre", "More than 3,000 troops came.", ("More than 3,000", ">"), ("3,000", "=")),
        ("quantities.not.identifier", "NATO invoked Article 5 after the attack.", None, ("5", "=")),
        ("quantities.number.words", "Two soldiers came.", ("Two", "="), None),
        ("quantities.bound.vague", "Hundreds of soldiers came.", ("Hundreds", "~"), ("Hundreds", "=")),
        ("quantities.range.change", "Unemployment rose from 6% to 11%.", ("6%", "="), ("6% to 11%", "=")),
        ("quantities.counted.rate_only", "About 800 a day crossed the border.", ("About 800", "~"), None),
        ("quantities.not.address", "A spokesman for 10 Downing Street spoke.", None, ("10", "=")),
        # (a people counted by its name is no address, with a separator or without one)
        ("quantities.not.address", "By Sunday, 2,140 Rohingya had reached Malaysia.", ("2,140", "="), ("2,140", "=")),
        ("quantities.not.address", "Some 300 Hazara fled to the hills.", ("Some 300", "~"), ("Some 300", "~")),
    ],
)
def test_switching_a_rule_off_changes_what_it_decides(
    qnlp: Language, rule: str, text: str, on: tuple | None, off: tuple | None
) -> None:
    doc = qnlp.make_doc(text)
    for _name, proc in qnlp.pipeline[:-1]:
        doc = proc(doc)
    for component, wanted in ((QuantitiesComponent(), on), (QuantitiesComponent([rule]), off)):
        component(doc)
        first = doc._.quantities[0] if doc._.quantities else None
        assert ((first.text, first.bound) if first else None) == wanted


def test_the_ellipsis_rule_switched_off_leaves_the_bare_number_bare(qnlp: Language) -> None:
    text = "Some 3,000 troops have been sent, with 12,000 expected by December."
    doc = qnlp(text)
    assert doc._.quantities[1].unit == "troops"
    QuantitiesComponent(["quantities.counted.ellipsis"])(doc)
    assert doc._.quantities[1].unit is None


def test_the_factory_takes_rules_off_and_tunables_and_ignores_other_stages_rules() -> None:
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("newsgraph_quantities", config={
        "rules_off": ["quantities.bound.pre", "events.target.place_object"], "ellipsis_window": 0,
    })
    doc = nlp("More than 3,000 troops have been sent, with 12,000 expected by December.")
    first, second = doc._.quantities
    assert (first.text, first.bound, second.unit) == ("3,000", "=", None)  # no bound; no noun lent 4 words on
    component = nlp.get_pipe("newsgraph_quantities")
    assert isinstance(component, QuantitiesComponent)
    assert component.settings == Settings(ellipsis_window=0)
    assert not component.rules.on("quantities.bound.pre") and component.rules.on("quantities.bound.post")
    with pytest.raises(KeyError, match=r"quantities\.bound\.typo"):
        QuantitiesComponent(["quantities.bound.typo"])


def test_no_state_is_kept_between_documents(qnlp: Language) -> None:
    component = QuantitiesComponent()
    before = dict(vars(component))
    docs = [qnlp(text) for text in ("Some 3,000 troops were sent.", "The Canadian dollar fell; it costs $5.")]
    for doc in docs:
        component(doc)
    assert vars(component) == before
    # the second document does not lend its dollar to the first, nor the first its noun to the second
    assert only(qnlp, "With 12,000 expected by December.").unit is None
    assert only(qnlp, "It costs $5.").unit == "USD"


def test_every_rule_is_declared_with_an_example() -> None:
    for name, rule in RULES.rules.items():
        assert REGISTRY[name] is rule and name.count(".") == 2
        assert "'" in rule.what or "(" in rule.what, name  # an example or a pointer to its table


# -- rules tested on sentences they were not written for ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "unit", "rule"),
    [
        # a total counts what the figures before it count
        ("Sanders won 22 delegates in Nevada for a total of 45.", "45", "delegates", "quantities.counted.total"),
        # a count of people or of a known category lends its noun
        ("Rescuers found 12 bodies on Monday, and 40 more on Tuesday.", "40", "bodies",
         "quantities.counted.ellipsis"),
        ("The agency counted 4 million refugees in June, up from 3.5 million in May.", "3.5 million", "refugees",
         "quantities.counted.ellipsis"),
        # a figure compared with the one before counts the same
        ("Exports reached 300 tankers, down from 350 in May.", "350", "tankers", "quantities.counted.comparison"),
        # a bare number in the same role as the previous count's noun
        ("Forty countries voted for the text; 12 abstained.", "12", "countries", "quantities.counted.parallel"),
    ],
)
def test_shared_nouns_on_new_sentences(qnlp: Language, text: str, figure: str, unit: str, rule: str) -> None:
    found = {q.text: q for q in quantities(qnlp, text)}
    assert found[figure].unit == unit, [(q.text, q.unit, q.trace) for q in found.values()]
    assert rule in {step[0] for step in found[figure].trace}
