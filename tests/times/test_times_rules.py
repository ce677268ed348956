"""The times stage's named rules: every time says which rule found it and which rules changed it or decided its
value, with the words each used; any rule can be switched off from the config, and then it never fires (the
stage still runs), and each rule, switched off, changes what the stage says about its own example."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Time
from newsgraph.nlp.pipeline import MODEL_NAME
from newsgraph.nlp.rules import REGISTRY, UnknownRule
from newsgraph.nlp.times.component import TimesComponent
from newsgraph.nlp.times.rules import RULES
from tests.times.common import PUB, times

OLD = dt.date(2009, 12, 19)
END_OF_TIME = dt.date(9999, 12, 31)
# A history: many years far from publication and no deictic cue (times.mode.history).
HISTORY = ("The war began in 1940. In 1941 it spread. In 1942 it turned. 1943 saw defeat. In 1944 it ended. "
           "By 1945 it was over. In 1946 peace came. In 1947 the treaty was signed. ")
# A history with "today" inside a quotation (which does not count as the writer's cue).
QUOTED_HISTORY = ("In 1930 talks began. In 1931, 1932, 1933, 1934, 1935, 1936, 1937 talks went on. In 1938 the war "
                  "came. \"It is us today,\" he said. In June, the army withdrew.")
# A long history of a recent war: 30 far years, one recent year and one deictic cue (times.mode.long_history).
LONG_HISTORY = ("The battle was fought in 1700. In " + ", ".join(str(y) for y in range(1701, 1731))
                + " and 2019, the town grew. It rained yesterday. In June, the town burned.")
THAT_YEAR = "The war began in 1940. It was long. It was hard. They returned in August of that year."
BC = "The revolt began in 499 BC. The following year Sardis burned. In 490, Marathon was fought."

# Each rule with a text whose times change when the rule is switched off (most are the examples of its `what`).
EFFECTS: dict[str, tuple[str, dt.date | None]] = {
    "times.mode.quoted_cues_ignored": (QUOTED_HISTORY, OLD),
    "times.mode.history": (QUOTED_HISTORY, OLD),
    "times.mode.long_history": (LONG_HISTORY, dt.date(2020, 6, 15)),
    "times.found.deictic_phrase": ("He was born in the past.", PUB),
    "times.found.fiscal_year": ("The budget for fiscal 2024 and FY2025 was approved.", PUB),
    "times.found.early_late": ("Growth slowed in mid-May.", PUB),
    "times.found.end_of": ("Talks ended by the end of April.", PUB),
    "times.found.set_frequency": ("Talks are held twice a week.", PUB),
    "times.found.rate": ("Attacks were averaging 30 a day.", PUB),
    "times.found.set_adverb": ("Troops patrol the border daily.", PUB),
    "times.found.set_every": ("Inspectors come every week.", PUB),
    "times.found.approximator": ("The fighting lasted about three years.", PUB),
    "times.found.duration": ("It was an eight-hour meeting.", PUB),
    "times.found.duration_long": ("A month-long siege ended.", PUB),
    "times.found.duration_plural": ("The siege lasted for years.", PUB),
    "times.found.vague_shift": ("It began over years ago.", PUB),
    "times.found.ago": ("The base closed five years ago.", PUB),
    "times.found.later": ("Talks opened on 3 March 2023. Two days later they returned.", PUB),
    "times.found.weekend": ("Over the weekend, troops left.", PUB),
    "times.found.relative_unit": ("Russia attacked last week.", PUB),
    "times.found.past_span": ("Over the past week, prices rose.", PUB),
    "times.found.relative_span": ("The previous weeks were calm.", PUB),
    "times.found.relative_weekday": ("Russia attacked last Monday.", PUB),
    "times.found.relative_month": ("They met the previous April.", PUB),
    "times.found.relative_part_of_day": ("They met this morning.", PUB),
    "times.found.year_pair": ("The war of 1914-18 ended.", PUB),
    "times.found.day_list": ("It happened on 14 and 24 August 1914.", PUB),
    "times.found.month_list": ("In May and June 1940 the army moved.", PUB),
    "times.found.part_of_date": ("The rebels attacked on the night of 20 June 1791.", PUB),
    "times.found.holiday": ("They met at Christmas.", PUB),
    "times.found.weekday_date": ("It happened on Monday, 6 January 1975.", PUB),
    "times.found.weekday": ("They met on Monday.", PUB),
    "times.found.part_of_day_after": ("They met on Monday morning.", PUB),
    "times.found.day_month": ("It happened on 6 January 1975.", PUB),
    "times.found.month_day": ("It happened on November 20, 1953.", PUB),
    "times.found.month": ("The war began in February 2022.", PUB),
    "times.found.month_alone": ("The town was shelled in August.", PUB),
    "times.found.year_after_date": ("They met at Christmas 2023.", PUB),
    "times.found.of_last_year": ("The car burned in August last year.", PUB),
    "times.found.of_that_year": (THAT_YEAR, PUB),
    "times.found.season": ("He came in Spring.", PUB),
    "times.found.half": ("Prices fell in the first half of 2008.", PUB),
    "times.found.quarter": ("Prices rose in the third quarter.", PUB),
    "times.found.decade": ("Sanctions were imposed in the 1990s.", PUB),
    "times.found.century": ("It happened in the 19th century.", PUB),
    "times.found.year_range": ("The Battle of the Frontiers (1914–1918) ended.", PUB),
    "times.found.mid_year": ("Growth slowed in mid-2023.", PUB),
    "times.found.year": ("Putin visited in 2000.", PUB),
    "times.found.year_opening_clause": ("By 2030 emissions will fall.", PUB),
    "times.found.year_after_determiner": ("The first of the 1777 campaigns failed.", PUB),
    "times.found.short_year_bc": (BC, PUB),
    "times.found.noon": ("The curfew starts tonight at midnight.", PUB),
    "times.found.clock": ("The blast came at 3:30 p.m. on Friday.", PUB),
    "times.found.military_time": ("He launched at 1922 UTC.", PUB),
    "times.found.clock_with_day": ("He launched at 1922 UTC yesterday.", PUB),
    "times.found.clock_with_date": ("He died 5:03 AM, February 10, 2019.", PUB),
    "times.found.bare_day": ("They met on the 20th.", PUB),
    "times.found.deictic_day": ("The town was shelled yesterday.", PUB),
    "times.found.deictic_ref": ("Reserves are needed now.", PUB),
    "times.found.recent_units": ("Exports grew in recent years.", PUB),
    "times.not.past_as_adjective": ("It was in the past tense.", PUB),
    "times.not.approximator_as_preposition": ("Prices rose over the past two years.", PUB),
    "times.not.ordinal_second": ("He was there for a second time.", PUB),
    "times.not.article_unit": ("He observed a day of mourning.", PUB),
    "times.found.duration_plural_signal": ("Minutes before the vote he resigned.", PUB),
    "times.found.next_span": ("Spending will rise over the next decade.", PUB),
    "times.tense.delayed_until": ("The vote was postponed until Friday.", PUB),
    "times.found.duration_coordinated": ("They will serve 12 and 18 months.", PUB),
    "times.not.age": ("It was a tree of years' growth, felled by a 50-year-old man.", PUB),
    "times.not.rate": ("The gun fires 600 rounds per minute.", PUB),
    "times.not.now_that": ("Now that the war is over, he left.", PUB),
    "times.not.recent_not_adjective": ("A Recent Study Group said so.", PUB),
    "times.not.lowercase_month": ("He was born in august.", PUB),
    "times.not.month_verb": ("He may or May not attend.", PUB),
    "times.not.month_in_name": ("April Smith and June Carter spoke.", PUB),
    "times.not.may_march_without_cue": ("May was a warm month.", PUB),
    "times.not.season_without_cue": ("Spring came early.", PUB),
    "times.not.season_phrase": ("The spring of discontent came.", PUB),
    "times.not.bare_q": ("The Q3 model sold well.", PUB),
    "times.not.holiday_in_name": ("The Christmas Charity gave money.", PUB),
    "times.not.ordinal_before_noun": ("They met on the 20th anniversary.", PUB),
    "times.not.count_after_cue": ("It cost $2000 to fix.", PUB),
    "times.not.unit_after": ("They built a 2000-km border fence.", PUB),
    "times.not.count_of": ("2000 of them died.", PUB),
    "times.not.figure_value": ("The total number of infections is 1501.", PUB),
    "times.not.count_before_plural": ("Officials said 1999 tanks rolled in.", PUB),
    "times.not.broken_number": ("They scored 12, 2000 and 3.", PUB),
    "times.not.decimal_number": ("The rate rose to 3.50 in the end.", PUB),
    "times.not.modified_clock": ("The train left late 21:30.", PUB),
    "times.tense.future_auxiliary": ("Talks will resume in June.", PUB),
    "times.tense.past": ("He came in Spring.", PUB),
    "times.tense.future_verb": ("Talks are scheduled on the 5th.", PUB),
    "times.tense.present": ("Talks are held on Friday.", PUB),
    "times.tense.infinitive": ("He will try to meet on Friday.", PUB),
    "times.tense.deadline": ("Withdrawal by August.", PUB),
    "times.resolve.bc_short_year": (BC, PUB),
    "times.resolve.weekend_by_tense": ("Over the weekend, troops left.", PUB),
    "times.resolve.from_publication": (QUOTED_HISTORY, OLD),
    "times.resolve.from_narrated": ("The attack in June 1943 failed. The next day they returned.", PUB),
    "times.resolve.publication_default": ("The next day the war ended.", PUB),
    "times.resolve.coarse_anchor": ("The attack in June 1943 failed. The next day they returned.", PUB),
    "times.resolve.weekday.next": ("The talks will resume next Monday.", PUB),
    "times.resolve.weekday.last": ("Russia attacked last Monday.", PUB),
    "times.resolve.weekday.ahead_by_tense": ("Talks are held on Friday.", PUB),
    "times.resolve.weekday.back": ("They met on Monday.", PUB),
    "times.resolve.day.narrated_month": (HISTORY + "The army landed on 6 June 1944. They met on the 20th.", OLD),
    "times.resolve.day.publication_month": ("They met on the 20th.", PUB),
    "times.resolve.clock.near_narrated_day": ("The curfew starts tonight at midnight.", PUB),
    "times.resolve.year.shifted": ("The car burned in August last year.", PUB),
    "times.resolve.year.that_year": (THAT_YEAR, PUB),
    "times.resolve.year.old_story": ("The offensive of 1943 stalled. In June, the army withdrew.", PUB),
    "times.resolve.year.by_tense": ("The revolt began in 480 BC. In June, Sardis burned.", PUB),
    "times.resolve.year.near_publication": ("He announced his resignation effective November 2.", PUB),
    "times.resolve.year.narrated": (HISTORY + "In June, the army withdrew.", OLD),
    "times.resolve.clock.base_day": ("He launched at 1922 UTC.", PUB),
    "times.resolve.bc_narrated": ("The revolt began in 480 BC. In June, Sardis burned.", PUB),
    "times.resolve.story_ignores_publication": (QUOTED_HISTORY, OLD),
    "times.resolve.clock.following_day": ("The blast came at 3:30 p.m. on Friday.", PUB),
    "times.resolve.underspecified": ("The convoy was attacked on June 12.", None),
    "times.resolve.out_of_range": ("Next year the war ends.", END_OF_TIME),
}
# Two rules that never change a value, only what the trace says: a text with no publication date is read as a
# story (but with no publication date nothing could count from it anyway), and a clock time in a story takes
# the narrated day (which, switched off, the next rule, times.resolve.clock.base_day, gives too).
TRACE_ONLY: dict[str, tuple[str, dt.date | None]] = {
    "times.mode.undated": ("The convoy was attacked on June 12. The next day it burned.", None),
    "times.resolve.clock.story_day": (
        HISTORY + "The army landed on 6 June 1944. The weather was bad and the sea was rough and the men were tired "
        "and wet, and the boats were late, and the beaches were mined, and the guns were loud, and nobody slept. "
        "At 5 p.m. they fought.", OLD),
}


@pytest.fixture(scope="module")
def base_nlp() -> Language:
    return spacy.load(MODEL_NAME)


def _doc(base_nlp: Language, text: str, published: dt.date | None) -> Doc:
    doc = base_nlp.make_doc(text)
    doc._.published = published
    return base_nlp(doc)


@pytest.fixture(scope="module")
def docs(base_nlp: Language) -> dict[str, Doc]:
    """Every example text, parsed once (the times component is then run on them with rules switched off)."""
    examples = {**EFFECTS, **TRACE_ONLY}
    return {text: _doc(base_nlp, text, published) for text, published in {v: v for v in examples.values()}}


def _times(component: TimesComponent, doc: Doc) -> list[Time]:
    component(doc)
    return list(doc._.times)


def _said(found: list[Time]) -> list[tuple]:
    return [(t.start, t.end, t.type, t.value, t.mod, t.anchor) for t in found]


def test_every_rule_has_an_example() -> None:
    assert set(EFFECTS) | set(TRACE_ONLY) == set(RULES.rules)
    assert 30 <= len(RULES.rules) <= 140  # a sanity bound on the table, not a target
    for rule in RULES.rules.values():  # one line, with an example in quotes
        assert rule.what and "\n" not in rule.what and "'" in rule.what, rule.name


@pytest.mark.parametrize("rule", sorted(EFFECTS))
def test_a_rule_switched_off_changes_what_it_decides(docs: dict[str, Doc], rule: str) -> None:
    text, _ = EFFECTS[rule]
    on = _times(TimesComponent(), docs[text])
    off = _times(TimesComponent([rule]), docs[text])
    assert _said(on) != _said(off), rule
    assert any(step[0] == rule for t in on for step in t.trace) or rule.startswith(("times.not.", "times.mode."))


@pytest.mark.parametrize("rule", sorted(TRACE_ONLY))
def test_a_rule_that_only_explains_leaves_the_trace_when_off(docs: dict[str, Doc], rule: str) -> None:
    text, _ = TRACE_ONLY[rule]
    on = _times(TimesComponent(), docs[text])
    off = _times(TimesComponent([rule]), docs[text])
    assert _said(on) == _said(off)
    assert any(step[0] == rule for t in on for step in t.trace)


def test_a_rule_switched_off_never_fires_and_the_stage_still_runs(docs: dict[str, Doc]) -> None:
    for rule in RULES.rules:
        component = TimesComponent([rule])
        for doc in docs.values():
            for t in _times(component, doc):
                assert t.rule is not None and t.rule != rule
                assert all(step[0] != rule for step in t.trace), (rule, t)


def test_every_time_names_the_rule_that_found_it_with_evidence_in_the_text(docs: dict[str, Doc]) -> None:
    fired = set()
    count = 0
    for doc in docs.values():
        text = doc.text
        found = _times(TimesComponent(), doc)
        spans = {(t.start, t.end) for t in found}
        for t in found:
            count += 1
            assert t.rule is not None and t.rule.startswith("times.found."), (t.text, t.rule)
            assert t.trace and t.trace[0][0] == t.rule
            rule, start, end = t.trace[0]
            assert start is not None and end is not None and t.start <= start < end <= t.end, t  # inside the time
            for rule, start, end in t.trace:
                assert rule in RULES.rules and rule in REGISTRY, rule
                assert (start is None) == (end is None)
                if start is None:
                    continue
                assert 0 <= start < end <= len(text) and text[start:end].strip(), (t.text, rule)
                if rule.startswith("times.tense."):  # the verb (or "by") whose tense decided: one token
                    assert doc.char_span(start, end) is not None and len(doc.char_span(start, end)) == 1
                if rule in ("times.resolve.from_narrated", "times.resolve.year.narrated"):
                    assert (start, end) in spans and start < t.start  # an earlier time: the narrated date
                fired.add(rule)
    assert count > 150
    assert len(fired) >= 0.6 * len(RULES.rules), sorted(set(RULES.rules) - fired)


def test_a_trace_tells_why(tnlp: Language) -> None:
    """The rules that decided a value, with their evidence: the verb whose tense decided, the date it counted
    from."""
    text = "Russia attacked the town on Friday."
    [t] = times(tnlp, text)
    assert t.value == "2024-10-25"
    assert [(rule, text[s:e] if s is not None else None) for rule, s, e in t.trace] == [
        ("times.found.weekday", "Friday"),
        ("times.resolve.from_publication", None),
        ("times.resolve.weekday.back", "attacked"),
        ("times.tense.past", "attacked"),
    ]
    text = "Talks opened on 3 March 2023. The next day the delegation left."
    _, t = times(tnlp, text)
    assert t.value == "2023-03-04"
    assert [(rule, text[s:e] if s is not None else None) for rule, s, e in t.trace] == [
        ("times.found.relative_unit", "The next day"), ("times.resolve.from_narrated", "3 March 2023")]
    text = HISTORY + "In June, the army withdrew."
    t = times(tnlp, text, OLD)[-1]
    assert t.value == "1947-06"
    assert [(rule, text[s:e] if s is not None else None) for rule, s, e in t.trace] == [
        ("times.found.month", "June"), ("times.found.month_alone", "June"), ("times.mode.history", None),
        ("times.resolve.year.narrated", "1947")]


def test_seed_times_have_their_rules(seed_extraction) -> None:
    text = seed_extraction.article.text
    assert seed_extraction.times
    for t in seed_extraction.times:
        assert t.rule is not None and t.rule.startswith("times.found.") and t.trace[0][0] == t.rule
        assert all(text[s:e].strip() for _, s, e in t.trace if s is not None)


def test_the_config_switches_rules_off_and_sets_the_tunables() -> None:
    import newsgraph.nlp.times.component  # noqa: F401  (registers the factory)

    nlp = spacy.load(MODEL_NAME)
    # names of other stages' rules are theirs to read
    nlp.add_pipe("newsgraph_times", config={"rules_off": ["times.found.year", "events.target.place_object"],
                                            "clock_day_reach": 2})
    doc = nlp.make_doc("Putin visited in 2000. The blast came at 3:30 p.m. on Friday.")
    doc._.published = PUB
    assert [(t.text, t.value) for t in nlp(doc)._.times] == [
        ("3:30 p.m.", "2024-10-28T15:30"), ("Friday", "2024-10-25")]  # (" on " is more than 2 characters)
    typo = spacy.load(MODEL_NAME)
    with pytest.raises(UnknownRule, match=r"times\.found\.yaer"):
        typo.add_pipe("newsgraph_times", config={"rules_off": ["times.found.yaer"]})


def test_the_component_keeps_nothing_of_a_document(base_nlp: Language) -> None:
    component = TimesComponent()
    first = _doc(base_nlp, "Russia attacked on Friday. The next day it left.", PUB)
    second = _doc(base_nlp, "The offensive of 1943 stalled. In June, the army withdrew.", PUB)
    once = _said(_times(component, first))
    _times(component, second)
    assert _said(_times(component, first)) == once
    assert not any(isinstance(v, Doc) for v in vars(component).values())
    assert set(vars(component.grammar)) == {"vocab", "rules"}
