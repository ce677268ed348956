"""The word lists of the quantities stage, read once from newsgraph/resources/lexicons/quantities/.

Every table is keyed by lower-case token tuples (or single lower-case words), so the component looks
words up in dicts instead of scanning lists.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from newsgraph.nlp import lexicon

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class NumberWord:
    value: float
    kind: str  # unit, scale, abbr, vague, few (fractions are kept apart: QuantityLexicon.fractions)


@dataclass(frozen=True)
class Unit:
    name: str  # canonical name: "kilometre", "percent"
    kind: str  # measure, percent, time, skip


@dataclass(frozen=True)
class Cue:
    category: str  # troops, casualties, displaced, arrests, weapons, person, status
    subcategory: str | None


@dataclass
class QuantityLexicon:
    numbers: dict[str, NumberWord] = field(default_factory=dict)
    fractions: dict[str, float] = field(default_factory=dict)  # denominator words: "thirds" -> 3
    pre_bounds: dict[Phrase, str] = field(default_factory=dict)
    post_bounds: dict[Phrase, str] = field(default_factory=dict)
    blocked_bounds: frozenset[Phrase] = frozenset()  # ("talk", "about"): a preposition, not a bound
    units: dict[Phrase, Unit] = field(default_factory=dict)
    symbols: dict[str, Unit] = field(default_factory=dict)  # case-sensitive unit symbols: "kW", "MW", "mW", "GB"
    pre_units: dict[str, Unit] = field(default_factory=dict)  # "magnitude 5.2"
    currency_pre: dict[str, str] = field(default_factory=dict)  # case-sensitive surface -> ISO 4217
    currency_post: dict[Phrase, str] = field(default_factory=dict)
    dollar_countries: dict[str, str] = field(default_factory=dict)  # ISO3 -> ISO 4217 of its "$"
    nouns: dict[str, Cue] = field(default_factory=dict)
    predicates: dict[str, Cue] = field(default_factory=dict)
    identifiers: frozenset[str] = frozenset()
    strong_identifiers: frozenset[str] = frozenset()  # name the number even before a noun: "category 3"
    # the short cue-word lists of cue_words.tsv, by list name ("figure_noun": {"total", "toll", ...})
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    comparisons: frozenset[Phrase] = frozenset()  # ("up", "from"): a figure compared with the one before

    def unit_cue(self, unit: str | None) -> Cue | None:
        """The cue of a count's unit (the head of its counted noun), singular or plural: "troops", "civilian"."""
        word = (unit or "").lower()
        return self.nouns.get(word) or self.nouns.get(word.removesuffix("s"))

    def symbol(self, text: str) -> Unit | None:
        """The unit a symbol written so names ("kW", "mW", "GB"), when it outranks the units named in words: a
        symbol with a capital is read as written ("mW" milliwatt, "MW" megawatt); one in lower case only when
        units.tsv does not know it ("ml", "hp"; but "mw", as news writes megawatts, is units.tsv's)."""
        unit = self.symbols.get(text)
        if unit is None or (text.islower() and (text,) in self.units):
            return None
        return unit

    def cue(self, name: str) -> frozenset[str]:
        """A list of cue_words.tsv; a name that no line uses is an error, not an empty list."""
        try:
            return self.cues[name]
        except KeyError:
            raise KeyError(f"no list {name!r} in lexicons/quantities/cue_words.tsv") from None

    @property
    def max_pre_bound(self) -> int:
        return max((len(p) for p in self.pre_bounds), default=0)

    @property
    def max_post_phrase(self) -> int:
        lengths = [len(p) for p in (*self.units, *self.currency_post, *self.post_bounds)]
        return max(lengths, default=0)


def _rows(name: str, columns: int | tuple[int, int] | None = None) -> list[list[str]]:
    return lexicon.rows(f"lexicons/quantities/{name}", columns=columns)


def _phrase(text: str) -> Phrase:
    return tuple(text.split(" "))


@functools.cache
def load_lexicon() -> QuantityLexicon:
    lex = QuantityLexicon()
    for word, value, kind in _rows("numbers.tsv"):
        if kind == "fraction":
            lex.fractions[word] = float(value)
        else:
            lex.numbers[word] = NumberWord(float(value), kind)
    blocked = set()
    for phrase, bound, position in _rows("bounds.tsv"):
        if position == "block":
            blocked.add(_phrase(phrase))
            continue
        table = lex.pre_bounds if position == "pre" else lex.post_bounds
        table[_phrase(phrase)] = bound
    lex.blocked_bounds = frozenset(blocked)
    for surface, name, kind in _rows("units.tsv"):
        if kind == "pre":
            lex.pre_units[surface] = Unit(name, "measure")
        else:
            lex.units[_phrase(surface)] = Unit(name, kind)
    for surface, name, kind, case in _rows("units_pint.tsv"):  # pint's symbols and names; units.tsv wins
        if case == "cased":
            lex.symbols[surface] = Unit(name, kind)
        else:
            lex.units.setdefault(_phrase(surface), Unit(name, kind))
    for surface, code, position in _rows("currencies.tsv"):
        if position == "pre":
            lex.currency_pre[surface] = code
        elif position == "country":
            lex.dollar_countries[surface] = code
        else:
            lex.currency_post[_phrase(surface)] = code
    for lemma, category, subcategory, role in _rows("categories.tsv"):
        cue = Cue(category, None if subcategory == "-" else subcategory)
        (lex.nouns if role == "noun" else lex.predicates)[lemma] = cue
    cues: dict[str, set[str]] = {}
    for name, word in _rows("cue_words.tsv", columns=2):
        cues.setdefault(name, set()).add(word)
    lex.cues = {name: frozenset(words) for name, words in cues.items()}
    lex.comparisons = frozenset(_phrase(p) for p in lex.cues.get("comparison", ()))
    rows = _rows("identifiers.txt")
    lex.identifiers = frozenset(row[0] for row in rows)
    lex.strong_identifiers = frozenset(row[0] for row in rows if row[1:] == ["always"])
    return lex
