"""The places stage's word lists, read once from ``resources/lexicons/places/`` (``cue_words.tsv``: words
whose presence next to a name says something about it; ``street_words.tsv``; ``division_words.tsv``), and
the few grammar constants it uses as syntax (entity labels, dateline punctuation)."""

from __future__ import annotations

from collections import defaultdict

from newsgraph.nlp import lexicon
from newsgraph.nlp.words import DATELINE_DASHES


def _classes(name: str) -> dict[str, frozenset[str]]:
    """word<TAB>class rows -> class -> its words."""
    out: dict[str, set[str]] = defaultdict(set)
    for word, cls in lexicon.rows(name, columns=2):
        out[cls].add(word)
    return {cls: frozenset(words) for cls, words in out.items()}


_CUES = _classes("lexicons/places/cue_words.tsv")
_STREETS = _classes("lexicons/places/street_words.tsv")

CALENDAR_WORDS = _CUES["calendar"]
LOCATIVE_PREPS = _CUES["locative"]
MOTION_VERBS = _CUES["motion_verb"]
INSTITUTION_WORDS = _CUES["institution"]
COURT_KINDS = _CUES["court_kind"]
DIRECTION_WORDS = _CUES["direction"]
GENERIC_NAME_WORDS = _CUES["generic"] | DIRECTION_WORDS
COMPASS_WORDS = _CUES["compass"]
PLACE_OF_NOUNS = _CUES["place_of"]
TOWN_NOUNS = _CUES["town_noun"]
SETTLEMENT_NOUNS = _CUES["settlement"]
FACILITY_WORDS = _CUES["facility"]
GOVERNOR_TITLES = _CUES["governor_title"]
HONORIFICS = _CUES["honorific"]
QUALIFIER_WORDS = _CUES["qualifier"]
AREA_WORDS = _CUES["area"]
PART_WORDS = _CUES["part"]
FEATURE_WORDS = _CUES["feature"]
MEDIUM_NOUNS = _CUES["medium"]
# Nouns before an "of" that leads to a place a name the index lacks may be ("the villages of Foua").
OF_A_PLACE = PLACE_OF_NOUNS | COMPASS_WORDS | DIRECTION_WORDS | AREA_WORDS | FEATURE_WORDS | PART_WORDS

# The last words of a street's name ("Hertford Road") and road kinds before a number ("Highway 403").
STREET_NAME_ENDS = _STREETS["end"]
ROAD_KINDS = _STREETS["road"]
# Street words as evidence for a name the index lacks ("Colton Way": here "Way" may count).
STREET_WORDS = STREET_NAME_ENDS | _STREETS["loose"]

# Division words that follow a name ("Kursk region"); "city" is not one ("Gaza City" is a name).
SUFFIX_WORDS = frozenset(word for word, use in lexicon.rows("lexicons/places/division_words.tsv", columns=2)
                         if use == "suffix")

# spaCy's labels of places, and those it sometimes gives a toponym (taken only when the gazetteer knows
# the name well); labels of figures and dates, never part of a town's name.
PLACE_LABELS = frozenset({"GPE", "LOC"})
MISLABELS = frozenset({"PRODUCT", "ORG", "FAC", "WORK_OF_ART", "EVENT", "PERSON", "NORP", "LANGUAGE", "DATE"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# What follows the town of a dateline: "KABUL (Reuters) —", "SPRINGFIELD, Ill. -".
DATELINE_ENDS = DATELINE_DASHES | {"(", ":"}
