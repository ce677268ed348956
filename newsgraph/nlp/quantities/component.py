"""The quantities stage: numbers with their bound, unit, what they count and its category.

``doc._.quantities`` gets a list of ``model.Quantity``:

- the span covers the bound words, a currency sign, the number and a unit of measure
  ("more than 3,000", "$5 billion", "12 km", "between 10,000 and 12,000"); the counted noun is not in it;
- ``value`` is the number (a range's low end, with ``high`` its high end); money is in units of the
  currency ("$5 billion" -> 5e9, unit "USD");
- ``bound``: "more than"/"over" ">", "at least" ">=", "up to"/"as many as" "<=", "fewer than" "<",
  "about"/"some"/"an estimated" "~". Convention: "nearly"/"almost" are "<" (a figure just short of the
  number). Approximate plurals ("dozens", "hundreds of", "tens of thousands") are "~" with value twice the
  scale (24, 200, 20,000), "several hundred" / "a few thousand" three times it. See the lexicon files.
- ranges: "10,000-12,000", "60–80 mph" (one token), "between 10,000 and 12,000", "6% to 11%", "10 km to
  20 km" (the unit on both ends), "ranged from 200 to 300"; "from 6% to 11%" is a change, two figures;
  "voted 70 to 20" is a tally, two figures. A margin of error ("1010 ± 195 km") makes one figure, "~";
  so does a sign glued to it ("~295 km/h").
- rates: a unit followed by "per"/"a"/"each" and a time unit, "per capita" or "per" a unit of measure is
  that rate ("mile per hour", "percent per year", "USD per capita", "milligram per litre"); the span
  stops before the rate words.
- fractions: "two-thirds of", "a quarter of", "half the soldiers", "a two-thirds majority": value the
  proportion (0.666667), unit "fraction", ``counted`` what it is a share of.
- ``unit``: ISO 4217 code for money, the canonical unit name for measures ("kilometre", "percent"), and
  for a count the head of the counted noun ("troops"); ``counted`` is the counted noun phrase (counted.py).
  A bare "$" is US dollars unless the article names another dollar, or its places are all in one dollar
  country other than the US (currencies.tsv).
- ``category`` / ``subcategory`` / ``status``: categories.py.

Years, dates, clock times and durations belong to the times stage: a number inside ``doc._.times``, in a
spaCy DATE/TIME entity without a counted noun (unless the entity is numbers only: "from fourteen to 31"),
or followed by a time unit is not a quantity; nor are ordinals, identifiers, names, ages and the base of
a rate (exclusions.py).

Every decision is a named rule (rules.py); each Quantity's ``rule`` is the number rule that read it and
its ``trace`` every rule that set its range, bound, unit, counted noun, category and status, with the
words each used. The stage is built from its parts: ``NumberReader`` (numbers.py), ``SpanReader``
(reading.py), ``Exclusions`` (exclusions.py), ``NounFinder`` (counted.py), ``Categoriser``
(categories.py); it keeps no state between documents (``_Sentence`` holds what one sentence lends the next
figure).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token

from newsgraph.model import Quantity, Time
from newsgraph.nlp.extensions import doc_text
from newsgraph.nlp.quantities.categories import Categoriser, NounCue, in_subset
from newsgraph.nlp.quantities.config import Settings
from newsgraph.nlp.quantities.counted import (
    Counted,
    Lender,
    NounFinder,
    from_another_group,
    noun_phrase_text,
    standalone,
)
from newsgraph.nlp.quantities.exclusions import Exclusions, Figure
from newsgraph.nlp.quantities.lexicon import Unit, load_lexicon
from newsgraph.nlp.quantities.numbers import NumberReader, Step
from newsgraph.nlp.quantities.reading import Dollar, Draft, SpanReader
from newsgraph.nlp.quantities.rules import RULES
from newsgraph.nlp.rules import fired
from newsgraph.nlp.syntax import value_of_figure

# An article that names the US dollar means it by a bare "$".
# A bare number that is someone's age ("a man, 45,") is a quantity with this unit (quantities.age.*).
AGE = Unit("year of age", "measure")
DATE_ENTITY = "quantities.not.date_entity"
US_DOLLAR = re.compile(r"\b(?:US|U\.S\.|American)\s*(?:\$|dollars?\b)|\bUSD\b", re.IGNORECASE)


@dataclass
class _Sentence:
    """What a sentence's figures lend the next: the last count with a noun of its own (or shared)."""

    span: Span
    lender: Lender | None = None


class QuantitiesComponent:
    def __init__(self, rules_off: Iterable[str] = (), settings: Settings | None = None) -> None:
        self.rules = RULES.switched_off(rules_off)
        self.settings = settings or Settings()
        self.lex = load_lexicon()
        self.numbers = NumberReader(self.lex, self.rules)
        self.reader = SpanReader(self.lex, self.rules, self.numbers)
        self.exclusions = Exclusions(self.lex, self.rules, self.settings)
        self.nouns = NounFinder(self.lex, self.rules, self.settings)
        self.categories = Categoriser(self.lex, self.rules)
        # "$" is US dollars unless the article says otherwise (see currencies.tsv)
        other_signs = [re.escape(s) for s, c in self.lex.currency_pre.items() if s.endswith("$") and c != "USD"]
        self.other_dollar_signs = re.compile(r"(?<![\w.$])(?:" + "|".join(other_signs) + ")")
        self.other_dollar_names = [
            (" ".join(p), c) for p, c in self.lex.currency_post.items() if "dollar" in p[-1] and c != "USD"
        ]

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        dollar = self.dollar(doc, text) if "$" in text else Dollar()
        times = list(doc._.times or [])
        quantities: list[Quantity] = []
        for sent in doc.sents:
            quantities.extend(self.sentence_quantities(doc, _Sentence(sent), dollar, times))
        doc._.quantities = quantities
        return doc

    # -- what a bare "$" means in this article -------------------------------------------------------

    def dollar(self, doc: Doc, text: str) -> Dollar:
        """The US dollar if the article names it, else the one other dollar it names ("Canadian dollars",
        "C$"), else the dollar of the one country its places are in if none is in the United States, else
        US dollars."""
        found = self.rules.first([
            ("quantities.unit.dollar_us_named", lambda: _us_dollar(text)),
            ("quantities.unit.dollar_other_named", lambda: self._other_dollar(text)),
            ("quantities.unit.dollar_country", lambda: self._dollar_country(doc)),
        ])
        if found is None or found[1] is None:
            return Dollar()
        rule, (code, evidence) = found[0], found[1]
        return Dollar(code, rule, evidence)

    def _other_dollar(self, text: str) -> tuple[str, tuple[int, int]] | None:
        matches = {m.span(): self.lex.currency_pre[m.group()] for m in self.other_dollar_signs.finditer(text)}
        if "ollar" in text:
            lowered = text.lower()
            for name, code in self.other_dollar_names:
                if (at := lowered.find(name)) >= 0:
                    matches[(at, at + len(name))] = code
        others = set(matches.values())
        if not others:
            return None
        return (others.pop() if len(others) == 1 else "USD"), min(matches)

    def _dollar_country(self, doc: Doc) -> tuple[str, tuple[int, int] | None] | None:
        places = [p for p in doc._.places or [] if p.country]
        countries = {p.country for p in places}
        dollars = {self.lex.dollar_countries.get(c) for c in countries}
        if "USA" not in countries and len(dollars - {None}) == 1 and len(countries) <= 2:
            code = next(d for d in dollars if d is not None)
            place = next(p for p in places if self.lex.dollar_countries.get(p.country) == code)
            return code, (place.start, place.end)
        return None

    # -- a sentence's figures ------------------------------------------------------------------------

    def sentence_quantities(
        self, doc: Doc, sentence: _Sentence, dollar: Dollar, times: list[Time]
    ) -> list[Quantity]:
        out: list[Quantity] = []
        sent = sentence.span
        i = sent.start
        while i < sent.end:
            if (doc[i].ent_type_ == "ORDINAL" and self.rules.on("quantities.not.ordinal")) or (
                not self.numbers.is_number_start(doc, i)
            ):
                i += 1
                continue
            draft = self.reader.read(doc, i, sent, dollar)
            if draft is None:
                i += 1
                continue
            i = max(draft.end, i + 1)
            if draft.rejected:
                continue  # read and rejected (a duration, an age, a compound adjective)
            timed = self._under_times(doc, draft, times)
            if timed is None:
                continue
            described = self.describe(doc, draft, sentence, dollar)
            if described is None:
                continue
            quantity, noun = described
            lasts, duration = timed
            if lasts and (draft.unit is None or draft.unit.kind != "duration"):
                continue  # under a DURATION, yet not read as one: the times stage's, not a count
            if duration is not None:
                quantity.time = duration
                fired(quantity, "quantities.duration.time", (times[duration].start, times[duration].end))
            out.append(quantity)
            subset = in_subset(doc[draft.core.end - 1])
            if quantity.category != "money" and draft.unit is None and quantity.counted and not subset:
                # the noun a later bare number may count ("..., with 12,000 expected")
                sentence.lender = Lender(quantity, noun)
        return out

    def _under_times(self, doc: Doc, draft: Draft, times: list[Time]) -> tuple[bool, int | None] | None:
        """What the times stage read on a draft's words: (whether it is a duration, the DURATION it is linked to),
        or None when a time expression there makes it no quantity ("at 6 pm", "on 14 August")."""
        start, end = doc[draft.start].idx, doc[draft.end - 1].idx + len(doc[draft.end - 1])
        under = [k for k, t in enumerate(times) if t.start < end and start < t.end]
        # "15 years": a time and a quantity ("12" of "12 and 18 months" gets its unit when described)
        lasts = (draft.unit is not None and draft.unit.kind == "duration") or (
            draft.unit is None and bool(under) and all(times[k].type == "DURATION" for k in under))
        if under and not lasts and self.rules.on("quantities.not.time_expression"):
            return None
        return lasts, self._duration_time(under, times) if lasts else None

    def _duration_time(self, under: list[int], times: list[Time]) -> int | None:
        """The DURATION among the times under a duration's words ("15 years": P15Y), which the figure is linked
        to; None when the time there is no duration ("two years ago" is a date counted back)."""
        if not self.rules.on("quantities.duration.time"):
            return None
        return next((k for k in under if times[k].type == "DURATION"), None)

    # -- what it counts ------------------------------------------------------------------------------

    def describe(
        self, doc: Doc, draft: Draft, sentence: _Sentence, dollar: Dollar
    ) -> tuple[Quantity, Token | None] | None:
        """The quantity a draft makes, with its counted noun; None when it is none."""
        core = draft.core
        if not math.isfinite(core.value) or (draft.high is not None and not math.isfinite(draft.high)):
            return None  # a number of 300+ digits: no float holds it, and no report gives it as a figure
        sent = sentence.span
        anchor = doc[core.end - 1]
        counted = self._counted_noun(doc, draft, sent, anchor)
        measured = draft.currency is not None or draft.unit is not None
        figure = Figure(doc, draft, counted.noun if counted else None, measured, sent.start)
        # Ages first, but after what is no age either ("1) a list", "phase three"); spaCy tags most ages DATE,
        # so that check waits until the figure is known to be no age.
        if self.exclusions.reason(figure, but=DATE_ENTITY):
            return None
        if not measured and (age := self.exclusions.age_rule(figure)):
            draft.unit, measured = AGE, True  # "a man, 45,": a quantity with the unit of an age, not a count
            draft.note(age, core.start, core.end)
        elif self.rules.on(DATE_ENTITY) and self.exclusions.check(DATE_ENTITY, figure):
            return None
        if counted is None and not measured and self.rules.on("quantities.counted.figure_noun"):
            noun = self.nouns.figure_of(anchor)  # "set the number of justices at nine": nine justices
            counted = Counted(noun, "quantities.counted.figure_noun") if noun is not None else None
        q = self._quantity(doc, draft, dollar)
        if draft.currency is not None:
            self._money(doc, q, draft, sent.end)
            return q, None
        if draft.unit is not None:
            self._measure(doc, q, draft, sent.end)
            return q, None
        self._count(doc, q, draft, counted, sentence, anchor)
        return q, counted.noun if counted is not None else None

    def _counted_noun(self, doc: Doc, draft: Draft, sent: Span, anchor: Token) -> Counted | None:
        """The counted noun of a draft without unit or currency, once a currency noun ("millions of
        dollars") and a shared unit ("2 or 3 percent") are read."""
        measured = draft.currency is not None or draft.unit is not None
        if draft.head is not None:
            counted: Counted | None = Counted(draft.head, "quantities.counted.compound_adjective")
        else:
            counted = None if measured else self.nouns.counted_noun(doc, draft.end, sent.end, anchor, draft.steps)
        if counted is not None and (code := self.lex.currency_post.get((counted.noun.lower_,))) is not None and (
            self.rules.on("quantities.unit.currency_noun")
        ):
            draft.currency = code  # "millions of dollars"
            draft.note("quantities.unit.currency_noun", counted.noun.i, counted.noun.i + 1)
            counted = None
        if counted is None and not measured and self.rules.on("quantities.unit.shared"):
            shared = self.reader.shared_unit(doc, draft.end, sent.end)  # "the 1.52 and 2.2 m telescopes"
            if shared is not None:
                draft.unit = shared[0]
                draft.note("quantities.unit.shared", draft.end, shared[1])
        return counted

    def _quantity(self, doc: Doc, draft: Draft, dollar: Dollar) -> Quantity:
        """The Quantity of a draft with its span, value, bound and range, and the rules that read them."""
        core = draft.core
        start, end = doc[draft.start].idx, doc[draft.end - 1].idx + len(doc[draft.end - 1])
        vague = core.vague and draft.bound == "=" and self.rules.on("quantities.bound.vague")
        q = Quantity(
            start=start,
            end=end,
            text=doc_text(doc)[start:end],
            value=_number(core.value),
            bound="~" if vague else draft.bound,  # type: ignore[arg-type]
            unit=None,
            high=_number(draft.high) if draft.high is not None else None,
        )
        self._fire(doc, q, core.rule, core.start, core.rule_end)
        for rule, s, e in (*core.steps, *draft.steps):
            self._fire(doc, q, rule, s, e)
        if vague:
            self._fire(doc, q, "quantities.bound.vague", core.start, core.end)
        if draft.bare_dollar and dollar.rule is not None:
            fired(q, dollar.rule, dollar.evidence)
        return q

    def _money(self, doc: Doc, q: Quantity, draft: Draft, sent_end: int) -> None:
        rate = self.reader.rate_after(doc, draft.end, sent_end)
        q.unit = (draft.currency or "") + (f" per {rate[0]}" if rate else "")
        self._fire_steps(doc, q, rate[1] if rate else [])
        self._set_category(q, [("quantities.category.money", "money"), ("quantities.category.other", "other")])
        self._of_phrase(doc, q, draft.end, sent_end, ("in", "of", "worth"))

    def _measure(self, doc: Doc, q: Quantity, draft: Draft, sent_end: int) -> None:
        assert draft.unit is not None
        q.unit = draft.unit.name
        self._set_category(q, [("quantities.category.measure", "other")])
        self._of_phrase(doc, q, draft.end, sent_end, ("of",))
        if q.counted is None and draft.unit.name == "fraction" and self.rules.on("quantities.counted.fraction_whole"):
            part = self.nouns.counted_noun(doc, draft.end, sent_end)  # "half the soldiers", "a two-thirds majority"
            if part is not None:
                q.counted = noun_phrase_text(doc, draft.end, part.noun)
                self._fire_counted(doc, q, part, "quantities.counted.fraction_whole")

    def _of_phrase(self, doc: Doc, q: Quantity, j: int, sent_end: int, preps: tuple[str, ...]) -> None:
        found = self.nouns.of_phrase(doc, j, sent_end, preps)
        if found is not None:
            q.counted = found[0]
            self._fire_counted(doc, q, found[1], "quantities.counted.of_phrase")

    def _count(
        self, doc: Doc, q: Quantity, draft: Draft, counted: Counted | None, sentence: _Sentence, anchor: Token
    ) -> None:
        """A count: its unit is the head of its counted noun, or that of the count before it."""
        noun = counted.noun if counted is not None else None
        noun_cue = self.categories.noun_cue(noun) if noun is not None else None
        if counted is not None and noun is not None:
            self._post_noun_bound(doc, q, draft, noun)
            q.unit = noun.text if noun.pos_ == "PROPN" else noun.lower_
            q.counted = noun_phrase_text(doc, draft.end, noun) if noun.i >= draft.end else noun.lower_
            self._fire_counted(doc, q, counted, counted.rule)
        elif (lender := self._lender(doc, q, draft, sentence, anchor)) is not None:
            # "3,000 troops have been sent, with 12,000 expected": the bare number counts the same noun
            # (and takes the category that noun gives, not what happened to the earlier figure)
            rule, last = lender
            q.unit, q.counted = last.unit, last.counted
            fired(q, rule, (last.start, last.end))
            cue = self.lex.unit_cue(last.unit)
            noun_cue = NounCue(cue, None) if cue is not None else None
        self.categories.categorise(q, noun if noun is not None else anchor, noun, noun_cue)

    def _post_noun_bound(self, doc: Doc, q: Quantity, draft: Draft, noun: Token) -> None:
        """ "66 people or more": a post bound after the counted noun (the span stays on the number)."""
        if q.bound != "=" or noun.i < draft.end or not self.rules.on("quantities.bound.post_noun"):
            return
        bound = self.lex.post_bounds.get(tuple(t.lower_ for t in doc[noun.i + 1 : noun.i + 3]))
        if bound is not None:
            q.bound = bound  # type: ignore[assignment]
            self._fire(doc, q, "quantities.bound.post_noun", noun.i + 1, min(noun.i + 3, len(doc)))

    def _lender(
        self, doc: Doc, q: Quantity, draft: Draft, sentence: _Sentence, anchor: Token
    ) -> tuple[str, Quantity] | None:
        """The earlier count of the sentence the bare number q shares its noun with, and the rule that says so."""
        lender = sentence.lender
        if lender is None or not standalone(anchor):
            return None
        if self.rules.on("quantities.counted.figure_value") and value_of_figure(anchor, self.lex.cue("figure_noun")):
            return None  # "... 12 new deaths, so the number of those infected is 1501": its own figure noun says
        last = lender.quantity
        rule = self.nouns.shares_noun(doc, anchor, draft.start, lender)
        if rule is None:
            return None
        if rule != "quantities.counted.total" and \
                len(doc_text(doc)[last.end : q.start].split()) > self.settings.ellipsis_window:
            return None  # (a total says it counts the same thing however far its sentence runs on)
        if from_another_group(doc, draft.end, sentence.span.end) and self.rules.on("quantities.counted.own_group"):
            group = draft.end + (doc[draft.end].lower_ == "each")  # the "from" of "each from"
            self._fire(doc, q, "quantities.counted.own_group", draft.end, group + 1)
            return None
        return rule, last

    # -- recording the rules -------------------------------------------------------------------------

    def _set_category(self, q: Quantity, table: list[tuple[str, str]]) -> None:
        found = self.rules.first([(name, functools.partial(str, category)) for name, category in table])
        if found is not None:
            q.category = found[1]
            fired(q, found[0], None)

    def _fire_counted(self, doc: Doc, q: Quantity, counted: Counted, rule: str) -> None:
        self._fire_steps(doc, q, counted.steps)
        if rule != counted.rule:
            self._fire(doc, q, counted.rule, counted.noun.i, counted.noun.i + 1)
        self._fire(doc, q, rule, counted.noun.i, counted.noun.i + 1)

    def _fire_steps(self, doc: Doc, q: Quantity, steps: Iterable[Step]) -> None:
        for rule, s, e in steps:
            self._fire(doc, q, rule, s, e)

    @staticmethod
    def _fire(doc: Doc, q: Quantity, rule: str, start: int, end: int) -> None:
        """Record a rule on q with the tokens [start, end) as its evidence (char offsets)."""
        last = doc[max(start, end - 1)]
        fired(q, rule, (doc[start].idx, last.idx + len(last)))


def _us_dollar(text: str) -> tuple[str, tuple[int, int]] | None:
    m = US_DOLLAR.search(text)
    return ("USD", m.span()) if m else None


def _number(value: float) -> float:
    """Whole numbers as ints in the JSON ("3000", not "3000.0") where a float holds them exactly: past 2**53
    int() invents digits (10**30 - 1 read as 1000000000000000019884624838656) and no SQL integer holds them.
    Others to 6 decimals, but a tiny figure is never rounded to nothing ("0.0000001 mm" is not 0)."""
    if float(value).is_integer():
        return int(value) if abs(value) < 2**53 else float(value)
    return round(value, 6) or value


@Language.factory(
    "newsgraph_quantities",
    requires=["doc.ents", "doc._.times", "doc._.places"],
    assigns=["doc._.quantities"],
    default_config={
        "rules_off": [],
        "ellipsis_window": Settings.ellipsis_window,
        "noun_window": Settings.noun_window,
        "partitive_window": Settings.partitive_window,
        "aside_window": Settings.aside_window,
        "max_age": Settings.max_age,
    },
)
def make_quantities(
    nlp: Language,
    name: str,
    rules_off: list[str],
    ellipsis_window: int,
    noun_window: int,
    partitive_window: int,
    aside_window: int,
    max_age: int,
) -> QuantitiesComponent:
    settings = Settings(ellipsis_window, noun_window, partitive_window, aside_window, max_age)
    return QuantitiesComponent(rules_off, settings)


# Scale abbreviations the tokenizer keeps with a sentence's full stop ("£120m." as "£", "120", "m."), where the
# glued scale would be lost: split, "m" then ".", so "£120m" reads 120,000,000.
SCALE_ABBREVIATIONS = ("k.", "m.", "b.")


def split_scale_abbreviations(nlp: Language) -> None:
    """Make "m." at a sentence's end "m" and "." (lower case only: "M. Smith" keeps its initial)."""
    if isinstance(nlp.tokenizer, Tokenizer):
        for abbr in SCALE_ABBREVIATIONS:
            nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr[:-1]}, {ORTH: "."}])
