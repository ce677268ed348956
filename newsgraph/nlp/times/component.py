"""The times stage: a rule-based TIMEX3 tagger over spaCy tokens.

Recognition is a small hand-written grammar (``grammar.py``, with the constructions of ``calendar.py``,
``clock.py``, ``relative.py`` and ``durations.py``) over the token stream, driven by the closed word lists
in ``resources/lexicons/times/times.json`` (``vocabulary.py``); spaCy's DATE entities are not used to find
times. Each candidate carries the calendar fields it states (year, month, day, season, a shift of N units,
a weekday ...); ``resolve.py`` then turns the fields into a TIMEX3 value in text order (``values.py``),
against the publication date (news mode) or the last narrated date (narrative mode, chosen per document
when its explicit dates lie far from the publication date and it has no deictic cue: ``mode.py``), with
the tense of the governing clause (``tense.py``) deciding which way a yearless date or a weekday goes.

Every decision is a named rule (``rules.py``); each ``Time`` records the rule that found it and the rules
that changed it or decided its value, with their evidence (``newsgraph explain``). A config switches rules
off with ``rules_off``; the distances and thresholds of resolution are the config's other keys.

``governing_time(doc, start_char, end_char)`` (``clauses.py``) gives later stages the time of a clause.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp import extensions  # noqa: F401  (registers the Doc._ extensions)
from newsgraph.nlp.times.clauses import governing_time, is_datable
from newsgraph.nlp.times.grammar import TimexGrammar
from newsgraph.nlp.times.mode import ModeSettings
from newsgraph.nlp.times.resolve import resolve_all
from newsgraph.nlp.times.rules import RULES
from newsgraph.nlp.times.values import Settings
from newsgraph.nlp.times.vocabulary import Vocabulary

__all__ = ["TimesComponent", "governing_time", "is_datable", "make_times"]


class TimesComponent:
    """Finds TIMEX3 expressions and writes them to ``doc._.times`` (in text order)."""

    def __init__(self, rules_off: list[str] | None = None, settings: Settings | None = None) -> None:
        self.rules = RULES.switched_off(rules_off or [])
        self.words = Vocabulary.load()
        self.grammar = TimexGrammar(self.words, self.rules)
        self.settings = settings or Settings()

    def __call__(self, doc: Doc) -> Doc:
        cands = self.grammar.find(doc)
        doc._.times = resolve_all(doc, cands, doc._.published, rules=self.rules, settings=self.settings,
                                  words=self.words)
        return doc


_DEFAULTS = Settings()


@Language.factory(
    "newsgraph_times",
    requires=["token.tag", "token.dep"],  # (token.pos comes from the tagger's tags, by the attribute ruler)
    assigns=["doc._.times"],
    default_config={
        "rules_off": [],
        "clock_reach": _DEFAULTS.clock_reach,
        "clock_day_reach": _DEFAULTS.clock_day_reach,
        "story_reach": _DEFAULTS.story_reach,
        "near_publication_days": _DEFAULTS.near_publication_days,
        "narrative_min_far": _DEFAULTS.mode.min_far,
        "narrative_long_far": _DEFAULTS.mode.long_far,
        "narrative_far_per_deictic": _DEFAULTS.mode.far_per_deictic,
    },
)
def make_times(nlp: Language, name: str, rules_off: list[str], clock_reach: int, clock_day_reach: int,
               story_reach: int, near_publication_days: int, narrative_min_far: int, narrative_long_far: int,
               narrative_far_per_deictic: int) -> TimesComponent:
    """``rules_off``: names of rules to switch off (other stages' names are ignored); the rest: the distances
    (in characters) and thresholds of resolution (see ``values.Settings`` and ``mode.ModeSettings``)."""
    mode = ModeSettings(narrative_min_far, narrative_long_far, narrative_far_per_deictic)
    return TimesComponent(rules_off, Settings(clock_reach, clock_day_reach, story_reach, near_publication_days, mode))
