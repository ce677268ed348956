"""The tense of the clause that governs a time (times/tense.py): which rule decided, and the word it read."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.nlp.times.grammar import TimexGrammar
from newsgraph.nlp.times.rules import RULES
from newsgraph.nlp.times.tense import NO_TENSE, tense_of
from newsgraph.nlp.times.vocabulary import Vocabulary

WORDS = Vocabulary.load()


@pytest.mark.parametrize(
    ("text", "name", "rule", "word"),
    [
        ("Talks will resume in June.", "future", "times.tense.future_auxiliary", "resume"),
        ("They shall meet on Friday.", "future", "times.tense.future_auxiliary", "meet"),
        ("Russia attacked the town on Friday.", "past", "times.tense.past", "attacked"),
        ("They had met in June.", "past", "times.tense.past", "met"),
        ("Talks are scheduled on the 5th.", "future", "times.tense.future_verb", "scheduled"),
        ("The vote is expected in June.", "future", "times.tense.future_verb", "expected"),
        # a verb of planning that acts on an object plans nothing (WikiWars: "set their eye")
        ("On 14 July, the insurgents set their eye on the prison.", "present", "times.tense.present", "set"),
        ("Talks are held on Friday.", "present", "times.tense.present", "held"),
        ("The deadline is by December.", "by", "times.tense.present", "by"),
        ("He began to withdraw on Monday.", "past", "times.tense.infinitive", "withdraw"),
        ("He will try to meet on Friday.", "future", "times.tense.infinitive", "meet"),
        ("Withdrawal by August.", "by", "times.tense.deadline", "by"),
    ],
)
def test_the_tense_of_the_governing_clause(tnlp: Language, text: str, name: str, rule: str, word: str) -> None:
    doc = tnlp(text)
    [c] = TimexGrammar(WORDS).find(doc)
    tense = tense_of(doc, c, WORDS, RULES)
    assert (tense.name, tense.rule) == (name, rule)
    assert tense.evidence is not None and text[tense.evidence[0] : tense.evidence[1]] == word
    assert tense.steps() == [(rule, tense.evidence)]


def test_no_tense_without_a_verb_or_a_deadline(tnlp: Language) -> None:
    doc = tnlp("Christmas in June.")
    cands = TimexGrammar(WORDS).find(doc)
    assert tense_of(doc, cands[-1], WORDS, RULES) == NO_TENSE and NO_TENSE.steps() == []


def test_a_tense_rule_switched_off_lets_the_next_decide(tnlp: Language) -> None:
    doc = tnlp("Talks are scheduled on the 5th.")
    [c] = TimexGrammar(WORDS).find(doc)
    tense = tense_of(doc, c, WORDS, RULES.switched_off(["times.tense.future_verb"]))
    assert (tense.name, tense.rule) == ("present", "times.tense.present")
