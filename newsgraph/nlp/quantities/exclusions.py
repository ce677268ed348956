"""What is no quantity: the ``quantities.not.*`` rules run over a figure once its span and counted noun
are read. Years, dates and numbers spaCy reads as dates, identifiers ("Article 5", "Boeing 737", "No.
10", "top 10"), ages ("a man, 45,", "aged 45", "when I was two-and-a-half"), the base of a rate ("per
100,000"), list markers ("(1)"), the pronoun "one", addresses ("10 Downing Street"), names ("Six Flags")
and counts of time units ("two consecutive days": the times stage's) are dropped. The rules run in the
order of ``CHECKS``; the first one that is on and matches names why the figure was dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp.quantities.config import Settings
from newsgraph.nlp.quantities.lexicon import QuantityLexicon
from newsgraph.nlp.quantities.reading import Draft
from newsgraph.nlp.rules import RuleTable
from newsgraph.nlp.syntax import value_of_figure

NOUN_POS = frozenset({"NOUN", "PROPN"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
PERSON_PRONOUNS = frozenset({"he", "she", "i", "you"})
# Words inside a list or range of ages: "aged nine, ten, thirteen", "ranging in age from 11 to 75".
AGE_RANGE_WORDS = frozenset({"from", "to", "between", "and", "or", ",", "-", "–"})


@dataclass
class Figure:
    """A figure read, before the checks: its draft, counted noun and whether it has a unit or currency."""

    doc: Doc
    draft: Draft
    noun: Token | None
    measured: bool
    sent_start: int

    @property
    def first(self) -> Token:
        return self.doc[self.draft.core.start]

    @property
    def before(self) -> Token | None:
        """The token before the span, inside the sentence."""
        return self.doc[self.draft.start - 1] if self.draft.start > self.sent_start else None

    @property
    def unbounded(self) -> bool:
        return self.draft.bound == "=" and not self.measured

    @property
    def plain(self) -> bool:
        return self.unbounded and self.draft.high is None


class Exclusions:
    """The ``quantities.not.*`` checks over a figure."""

    def __init__(self, lex: QuantityLexicon, rules: RuleTable, settings: Settings) -> None:
        self.lex = lex
        self.rules = rules
        self.settings = settings
        self.checks: list[tuple[str, Callable[[Figure], bool]]] = [
            ("quantities.not.year", lambda f: _year(f) and not self._figure_value(f)),
            ("quantities.not.date_entity", lambda f: _date_entity(f) and not self._figure_value(f)),
            ("quantities.not.identifier", self._identifier),
            ("quantities.not.identifier_pair", self._identifier_pair),
            ("quantities.not.date_day", _date_day),
            ("quantities.not.rate_base", _rate_base),
            ("quantities.not.list_marker", _list_marker),
            ("quantities.not.pronoun_one", _pronoun_one),
            ("quantities.not.the_one", _the_one),
            ("quantities.not.address", _address),
            ("quantities.not.name", _name),
            ("quantities.not.time_noun", self._time_noun),
            ("quantities.not.date_noun", _date_noun),
            ("quantities.not.determiner", _determiner),
        ]
        self._by_name = dict(self.checks)

    def age_rule(self, figure: Figure) -> str | None:
        """The rule that reads a bare number as someone's age ("a man, 45,", "aged 45"), or None."""
        for name, check in (("quantities.age.bare", self._age), ("quantities.age.of_person", self._age_of_person)):
            if self.rules.on(name) and check(figure):
                return name
        return None

    def reason(self, figure: Figure, but: str | None = None) -> str | None:
        """The first rule that drops the figure, or None when it is a quantity; ``but``: a rule not tried."""
        for name, check in self.checks:
            if name != but and self.rules.on(name) and check(figure):
                return name
        return None

    def check(self, name: str, figure: Figure) -> bool:
        """Does the named check drop the figure (whether or not its rule is on)?"""
        return self._by_name[name](figure)

    def _identifier(self, f: Figure) -> bool:
        """ "Article 5", "Resolution 2231", "top 10"."""
        return f.unbounded and f.before is not None and names_identifier(f.before, self.lex, f.noun)

    def _identifier_pair(self, f: Figure) -> bool:
        """ "number 1 and 2", "Articles 5 and 6": the second name of a pair."""
        doc, start = f.doc, f.draft.start
        return (
            f.unbounded
            and start - 3 >= f.sent_start
            and doc[start - 1].lower_ in ("and", "or", ",", "to")
            and doc[start - 2].like_num
            and names_identifier(doc[start - 3], self.lex, f.noun)
        )

    def _age(self, f: Figure) -> bool:
        """ "a man, 45,", "aged 45", "the ages of 18 and 60": an attribute, not a count."""
        return f.noun is None and not f.measured and f.draft.high is None and self.is_age(
            f.doc[f.draft.core.end - 1], f.draft.core.value
        )

    def _age_of_person(self, f: Figure) -> bool:
        """ "when I was two-and-a-half", "when she was a little over four": a bare number a person is."""
        if f.noun is not None or f.measured or f.draft.high is not None:
            return False
        doc, value = f.doc, f.draft.core.value
        k = f.draft.start - 1
        fillers = self.lex.cue("age_filler")
        while k > f.sent_start and doc[k].lower_ in fillers:
            k -= 1
        return (
            0 < value <= self.settings.max_age
            and k > f.sent_start
            and doc[k].lower_ in ("was", "is", "am", "'m", "'s")
            and doc[k - 1].lower_ in PERSON_PRONOUNS
        )

    def is_age(self, anchor: Token, value: float) -> bool:
        """A bare number that gives someone's age (spaCy usually tags these DATE; this catches the rest)."""
        if not anchor.like_num or not 0 < value <= self.settings.max_age:
            return False
        if anchor.dep_ == "appos" and anchor.head.pos_ in NOUN_POS:
            return True  # "the suspects, both 19, were charged"
        base = anchor
        while base.dep_ == "conj" and base.head.like_num:
            base = base.head  # "the ages of 18 and 60"
        if _after_age_word(anchor) or _aged(base):
            return True
        # "when she was about 57": a bare number said of a person
        return base.dep_ in ("attr", "acomp") and base.head.lemma_ == "be" and any(
            c.dep_ == "nsubj" and (c.lower_ in PERSON_PRONOUNS or c.ent_type_ == "PERSON") for c in base.head.children
        )

    def _figure_value(self, f: Figure) -> bool:
        """ "the total number of those infected is 1501": the value of a figure noun counts, year-like or not
        (quantities.counted.figure_value keeps it)."""
        return self.rules.on("quantities.counted.figure_value") and value_of_figure(
            f.doc[f.draft.core.end - 1], self.lex.cue("figure_noun"))

    def _time_noun(self, f: Figure) -> bool:
        """ "two consecutive days", "14 August": a duration or a date, for the times stage."""
        if f.noun is None:
            return False
        unit = self.lex.units.get((f.noun.lower_.split("-", 1)[0],))
        return unit is not None and unit.kind == "time"


def _year(f: Figure) -> bool:
    core, noun = f.draft.core, f.noun
    return core.plain_year and not core.scaled and f.plain and (noun is None or noun.tag_ not in PLURAL_TAGS)


def _date_entity(f: Figure) -> bool:
    return (
        f.first.ent_type_ in ("DATE", "TIME") and f.noun is None and not f.measured
        and not numbers_only_entity(f.first)
    )


def _date_day(f: Figure) -> bool:
    """ "on March 4 and 5 respectively", "May 3-5": a day number joined to a date."""
    doc, k = f.doc, f.draft.start - 2
    return (
        f.unbounded
        and f.noun is None
        and k >= f.sent_start
        and doc[k + 1].lower_ in ("and", "or", "to", "-", "–")
        and doc[k].ent_type_ == "DATE"
        and not numbers_only_entity(doc[k])
        and f.draft.core.value <= 31
    )


def _rate_base(f: Figure) -> bool:
    """ "seven deaths per 100,000": the base of a rate, not a figure of its own."""
    return not f.measured and f.before is not None and f.before.lower_ == "per"


def _list_marker(f: Figure) -> bool:
    """ "(1)" or "1)": list numbering."""
    doc, draft = f.doc, f.draft
    if not f.unbounded or draft.end >= len(doc) or doc[draft.end].text != ")":
        return False
    before = doc[draft.start - 1].text if draft.start > 0 else ""
    return before == "(" or not before.isalnum() or before.lower() in ("and", "or")


def _lone_one(f: Figure) -> bool:
    return f.first.lower_ == "one" and f.draft.core.end - f.draft.core.start == 1


def _pronoun_one(f: Figure) -> bool:
    """ "one of them", "no one", "one another": a pronoun, unless it counts a noun it modifies."""
    return _lone_one(f) and (f.noun is None or f.first.dep_ != "nummod")


def _the_one(f: Figure) -> bool:
    """ "the one thing I try", "the only one person who can": "only", not a count."""
    if not _lone_one(f) or f.before is None:
        return False
    doc, start = f.doc, f.draft.start
    if f.before.lower_ in ("the", "this", "that", "my", "his", "her"):
        return True
    return start - 1 > f.sent_start and f.before.lower_ in ("only", "single") and doc[start - 2].lower_ == "the"


def _address(f: Figure) -> bool:
    """ "10 Downing Street", "1600 Pennsylvania Avenue": a house number, written with no thousands separator,
    before a name of two words or more (not "1,684 Rohingya", "300 Rohingya had landed": a people counted)."""
    if f.noun is None or f.noun.tag_ != "NNP" or not f.plain or not f.draft.core.digits or "," in f.first.text:
        return False
    return any(t.dep_ == "compound" and t.pos_ == "PROPN" and f.first.i < t.i < f.noun.i for t in f.noun.children)


def _name(f: Figure) -> bool:
    """ "a Six Flags park", "the Fantastic Four": a number word written with a capital inside a sentence,
    before a proper noun."""
    first = f.first
    return (
        f.noun is not None
        and f.plain
        and first.i > f.sent_start
        and first.is_alpha
        and first.text[:1].isupper()
        and first.i + 1 < len(first.doc)
        and first.nbor(1).pos_ == "PROPN"
        and first.nbor(1).text[:1].isupper()
        and first.nbor(-1).text not in ('"', "“", ":", "—", "(")
    )


def _date_noun(f: Figure) -> bool:
    """ "14 August-24 August": a date the times stage owns."""
    return f.noun is not None and f.noun.ent_type_ in ("DATE", "TIME") and not f.measured


def _determiner(f: Figure) -> bool:
    core = f.draft.core
    return f.noun is None and f.plain and not core.digits and not core.scaled and f.first.dep_ == "det"


def numbers_only_entity(tok: Token) -> bool:
    """Is the spaCy entity around tok only numbers ("from fourteen to 31", tagged DATE though no date is
    named)? Then the label is not evidence of a date; years and month names are."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    numbers = 0
    for t in doc[start:end]:
        if t.like_num and not re.fullmatch(r"1[89]\d\d|20\d\d", t.text):
            numbers += 1
        elif t.lower_ not in ("to", "and", "or", "from", "between", "-", "–"):
            return False
    return numbers >= 2


def names_identifier(prev: Token, lex: QuantityLexicon, noun: Token | None) -> bool:
    """ "Article 5", "Resolution 2231", "Boeing 737", "No. 10", "top 10": the number names something.
    A lower-case word only does so when no counted noun follows ("the top three finishers" is a count)."""
    if prev.lower_ in lex.identifiers and (noun is None or not prev.is_lower or prev.lower_ in lex.strong_identifiers):
        return True
    if prev.text == "." and prev.i > 0 and prev.doc[prev.i - 1].lower_ in lex.identifiers:
        return True  # "No. 11" split as "No" "."
    if (unit := lex.units.get((prev.lower_,))) is not None and unit.name == "weekday":
        return False  # "On Saturday 12 people were killed"
    capitalised = (prev.text[:1].isupper() and (prev.is_title or prev.pos_ == "PROPN" or len(prev) > 1)) or (
        prev.pos_ == "PROPN" and any(ch.isupper() for ch in prev.text[1:]))
    return _name_shaped(prev) and capitalised and prev.pos_ in NOUN_POS


def _name_shaped(token: Token) -> bool:
    """Letters, as a name is written: "Boeing", and also "S&P", "AT&T" (joined by '&'), "iPhone", "eBay" (a capital
    inside the word makes up for a lower-case first letter)."""
    letters = token.text.replace("&", "")
    return letters.isalpha() and (token.text[:1].isupper() or any(ch.isupper() for ch in token.text[1:]))


def _after_age_word(anchor: Token) -> bool:
    """ "ranging in age from eleven to 75", "aged between 18 and 25": "age" a few range words before."""
    doc = anchor.doc
    j = anchor.i - 1
    while j > 0 and (doc[j].lower_ in AGE_RANGE_WORDS or doc[j].like_num) and anchor.i - j < 6:
        j -= 1
    return j < anchor.i - 1 and doc[j].lemma_.lower() in ("age", "aged")


def _aged(base: Token) -> bool:
    """ "aged 45", "aged nine, ten, thirteen", "the ages of 18 and 60"."""
    doc = base.doc
    k = base.i - 1
    while k > 1 and doc[k].text in (",", "and") and doc[k - 1].like_num:
        k -= 2  # "aged nine, ten, thirteen": a list of ages
    prev = doc[k].lower_ if k >= 0 else ""
    return prev == "aged" or (base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.lemma_ == "age")
