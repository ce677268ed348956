"""The words of the times stage, read once from ``resources/lexicons/times/times.json``.

``Vocabulary.load()`` turns the JSON tables into the look-up structures the grammar (``grammar.py`` and the
construction modules) and the tense reader (``tense.py``) use: names of months and weekdays with their
numbers, TIMEX3 codes of seasons, parts of day and units, number and ordinal words, multi-word phrases as
tuples of lowercase tokens, and the cue words each rule tests ("in May", "at noon", "for years"). The
order of the phrase tables is the file's order: where two phrases share a first word, the first listed
is tried first ("christmas" before "christmas eve").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsgraph.nlp import lexicon

LEXICON = "lexicons/times/times.json"


def load_count_units() -> set[str]:
    """First words of the units of measure and post-posed currencies the quantities stage knows
    ("2000 km", "1000 megawatt", "2000 GB", "1500 hryvnias"): after them a 4-digit number counts, it is no year."""
    out: set[str] = set()
    for name, kinds in (("units.tsv", {"measure", "percent"}), ("units_pint.tsv", {"measure"}),
                        ("currencies.tsv", {"post"})):
        for row in lexicon.rows(f"lexicons/quantities/{name}"):
            if len(row) >= 3 and row[2].strip() in kinds:
                out.add(row[0].split()[0].lower())
    return out


def _phrases(words: Any) -> dict[tuple[str, ...], Any]:
    return {tuple(k.split()): v for k, v in words.items()}


@dataclass(frozen=True)
class Vocabulary:
    """Every word table of the stage (see times.json for what each holds)."""

    months: dict[str, int]
    month_abbr: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    pods: dict[str, str]  # parts of day: "morning" -> "MO", "noon" -> "T12:00"
    holidays: dict[tuple[str, ...], tuple[int, int]]
    numbers: dict[str, float]
    vague: set[tuple[str, ...]]  # counts of unknown size: "a few", "several"
    ordinals: dict[str, int]
    units: dict[str, str]
    mods_before: dict[str, str]  # "early" -> START
    approx: dict[tuple[str, ...], str]  # "more than" -> MORE_THAN
    rel: dict[str, int]  # "last" -> -1
    shift_after: dict[str, int]  # "ago" -> -1
    deictic: dict[str, str]
    deictic_phrases: dict[tuple[str, ...], str]
    set_adverbs: dict[str, str]
    not_year_before: frozenset[str]
    not_year_after: frozenset[str]
    before_month_alone: frozenset[str]
    before_season_alone: frozenset[str]
    before_noon: frozenset[str]
    before_short_year: frozenset[str]
    before_bare_day: frozenset[str]
    before_bare_plural: frozenset[str]
    before_a_unit: frozenset[str]
    relative_before_count: frozenset[str]
    story_relative_words: frozenset[str]
    counted_after_of: frozenset[str]
    figure_subjects: frozenset[str]  # "the total number ... is 1501": its value is a count
    year_prepositions: frozenset[str]
    quantifier_determiners: frozenset[str]  # "some 2000 troops" counts; "the 1777 campaigns" is a year
    frequency_words: frozenset[str]
    military_time_zones: frozenset[str]
    clock_zones: frozenset[str]
    am_pm: dict[str, int]
    before_christ: frozenset[str]
    anno_domini: frozenset[str]
    future_auxiliaries: frozenset[str]
    present_auxiliaries: frozenset[str]
    past_auxiliaries: frozenset[str]
    future_verbs: frozenset[str]
    deadline_prepositions: frozenset[str]
    delay_verbs: frozenset[str]  # "postponed until Friday": the time is ahead, whatever the verb's tense
    triggers: frozenset[str]  # first words of every construction (the walk tries a token only if it is one)

    @classmethod
    def load(cls) -> Vocabulary:
        lex: dict[str, Any] = lexicon.data(LEXICON)
        words = {k: frozenset(v) for k, v in lex.items() if isinstance(v, list) and k not in (
            "vague_numbers", "not_year_after")}
        tables = dict(
            months=lex["months"], month_abbr=lex["month_abbreviations"], weekdays=lex["weekdays"],
            seasons=lex["seasons"], pods=lex["parts_of_day"],
            holidays={tuple(k.replace("'s", " 's").split()): (v[0], v[1]) for k, v in lex["holidays"].items()},
            numbers=lex["number_words"], vague={tuple(v.split()) for v in lex["vague_numbers"]},
            ordinals=lex["ordinal_words"], units=lex["units"], mods_before=lex["modifiers_before"],
            approx=_phrases(lex["approximators"]), rel=lex["relative_words"],
            shift_after={k: v for k, v in lex["shift_after"].items() if " " not in k},
            deictic=lex["deictic"], deictic_phrases=_phrases(lex["deictic_phrases"]),
            set_adverbs=lex["set_adverbs"], am_pm=lex["am_pm"],
            not_year_after=frozenset(lex["not_year_after"]) | load_count_units(),
        )
        firsts: set[str] = set()
        for key in ("months", "month_abbr", "weekdays", "seasons", "pods", "numbers", "ordinals", "units",
                    "mods_before", "rel", "deictic", "set_adverbs"):
            firsts.update(tables[key])
        for key in ("holidays", "approx", "deictic_phrases", "vague"):
            firsts.update(p[0] for p in tables[key])
        # (the words that open a construction without being in a table: "the 1990s", "every week", "mid-May")
        firsts.update({"the", "every", "each", "per", "mid", "early", "late", "that", "'", "’", "fiscal", "fy"})
        firsts.update(words["frequency_words"])
        return cls(**tables, **words, triggers=frozenset(firsts))  # type: ignore[arg-type]
