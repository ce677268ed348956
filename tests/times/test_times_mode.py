"""News or history (times/mode.py): the rule that makes a document a story told in the past, or None."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from newsgraph.nlp.times.grammar import TimexGrammar
from newsgraph.nlp.times.mode import ModeSettings, narrative_rule
from newsgraph.nlp.times.rules import RULES
from newsgraph.nlp.times.vocabulary import Vocabulary

OLD = dt.date(2009, 12, 19)
HISTORY = ("The war began in 1940. In 1941 it spread. In 1942 it turned. 1943 saw defeat. In 1944 it ended. "
           "By 1945 it was over. In 1946 peace came. In 1947 the treaty was signed.")


def mode(tnlp: Language, text: str, published: dt.date | None, off: tuple[str, ...] = (),
         settings: ModeSettings | None = None) -> str | None:
    cands = TimexGrammar(Vocabulary.load()).find(tnlp(text))
    return narrative_rule(cands, published, text, RULES.switched_off(off), settings or ModeSettings())


def test_a_text_without_a_date_is_a_story(tnlp: Language) -> None:
    assert mode(tnlp, "Troops left last week.", None) == "times.mode.undated"
    assert mode(tnlp, "Troops left last week.", None, ("times.mode.undated",)) is None


def test_many_old_years_and_no_deictic_cue_make_a_history(tnlp: Language) -> None:
    assert mode(tnlp, HISTORY, OLD) == "times.mode.history"
    assert mode(tnlp, HISTORY, OLD, settings=ModeSettings(min_far=9)) is None  # (8 far years here)
    assert mode(tnlp, HISTORY + " Talks resumed last week.", OLD) is None  # one "last week" makes it news


def test_a_quoted_cue_does_not_make_a_history_news(tnlp: Language) -> None:
    quoted = HISTORY + ' "It is us today," he said.'
    assert mode(tnlp, quoted, OLD) == "times.mode.history"
    assert mode(tnlp, quoted, OLD, ("times.mode.quoted_cues_ignored",)) is None


def test_a_long_history_of_a_recent_war(tnlp: Language) -> None:
    text = ("The battle was fought in 1700. In " + ", ".join(str(y) for y in range(1701, 1731))
            + " and 2019, the town grew. It rained yesterday.")
    assert mode(tnlp, text, dt.date(2020, 6, 15)) == "times.mode.long_history"


def test_old_years_alone_do_not_make_a_report_a_history(tnlp: Language) -> None:
    text = ("The treaty of 1994 and the accords of 2014 and 2015 failed, as did talks in 2019. "
            "Officials said the army withdrew from the town. In June, troops were sent back.")
    assert mode(tnlp, text, dt.date(2024, 10, 28)) is None
