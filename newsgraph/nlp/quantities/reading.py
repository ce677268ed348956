"""Reading a figure's span around its number: the bound and currency before it, a range, a margin of
error, and the unit, currency or post bound after it ("more than $5 billion", "between 10,000 and
12,000", "1010 ± 195 km", "195 kilometers per hour", "300 or more").

``SpanReader.read`` returns a ``Draft``: the token span, the number's ``Core`` and what is known of its
unit, with the rules that fired on the way (``Draft.steps``). A Draft whose core is emptied (end <=
start) means "consumed, not a quantity": the caller skips its tokens so that "25-year-old" does not yield
"25" again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.quantities.lexicon import QuantityLexicon, Unit
from newsgraph.nlp.quantities.numbers import DASHES, Core, NumberReader, Step
from newsgraph.nlp.rules import RuleTable

PLUS_MINUS = frozenset({"±", "+/-", "+-"})
# Words that make a unit a rate: "per hour", "a year", "each day".
RATE_WORDS = frozenset({"per", "a", "an", "each", "every"})
# Time units no rate is "per": "a month" is, "per January", "per weekday" and "per GMT" are not.
# The time units a duration is counted in ("15 years", "three months", "48 hours"): such a figure is a quantity
# with that unit and, as the times stage reads it, a TIMEX3 DURATION (quantities.duration.*). Not "8 pm", not
# "14 August" (a month's name), not a weekday.
DURATION_UNITS = frozenset({"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year", "decade",
                            "century", "millennium"})
# The time units an age is counted in: "a 50-year-old", "a six-month-old", "a 10-day-old baby".
AGE_UNITS = frozenset({"year", "month", "week", "day"})
NOT_RATE_TIMES = frozenset({"month name", "weekday", "am", "pm", "gmt", "utc"})


@dataclass(frozen=True)
class Dollar:
    """What a bare "$" means in one article, the rule that decided it and its evidence (char offsets)."""

    code: str = "USD"
    rule: str | None = None  # None: the default, US dollars
    evidence: tuple[int, int] | None = None


@dataclass
class Draft:
    """A quantity being read: token span, value, and what is known of the unit so far."""

    start: int  # token index (bound words included)
    end: int
    core: Core
    bound: str = "="
    high: float | None = None
    unit: Unit | None = None
    currency: str | None = None
    head: Token | None = None  # the counted noun of a compound adjective: "a five-storey block" -> storey
    bare_dollar: bool = False  # the currency is a bare "$", read as the article's dollar
    steps: list[Step] = field(default_factory=list)  # the rules that fired while the span was read

    def note(self, rule: str, start: int, end: int) -> None:
        self.steps.append((rule, start, end))

    @property
    def rejected(self) -> bool:
        return self.core.end <= self.core.start


def consumed(core: Core) -> Draft:
    """A Draft that says "these tokens are no quantity" ("8PM", "25-year-old")."""
    return Draft(core.start, core.end, Core(core.start, core.start, core.value))


class SpanReader:
    """The range, bound and unit rules of the quantities stage."""

    def __init__(self, lex: QuantityLexicon, rules: RuleTable, numbers: NumberReader) -> None:
        self.lex = lex
        self.rules = rules
        self.numbers = numbers
        self.max_pre = lex.max_pre_bound
        self.max_post = lex.max_post_phrase

    def read(self, doc: Doc, i: int, sent: Span, dollar: Dollar) -> Draft | None:
        """The number at token i with its bound, currency, range and unit, or None if it is none."""
        core = self.numbers.parse_core(doc, i)
        if core is None:
            return None
        if core.unit is not None and self._refused(core.unit):
            return consumed(core)  # "8PM"
        if core.unit is not None and core.unit.kind == "time":  # "10yrs": a duration (the check above let it be)
            core.unit = Unit(core.unit.name, "duration")
            core.steps.append(("quantities.duration.unit", core.start, core.end))
        draft = Draft(core.start, core.end, core, unit=core.unit, high=core.high, currency=core.currency)
        self._read_before(doc, draft, sent, dollar)
        if core.high is None and not self._read_error_margin(doc, draft, sent):
            self._read_range(doc, draft, sent)
        # (a glued range "60–80 mph" or a margin "1010 ± 195 astronomical units": no further range to read)
        if not self._read_after(doc, draft, sent):
            draft.core = Core(core.start, core.start, core.value)
        return draft

    # -- before the number ---------------------------------------------------------------------------

    def _read_before(self, doc: Doc, draft: Draft, sent: Span, dollar: Dollar) -> None:
        """Currency sign, unit, "minus" and bound words before the number: "more than $5 billion"."""
        j = draft.start
        if j > sent.start and (code := self.lex.currency_pre.get(doc[j - 1].text)) and self.rules.on(
            "quantities.unit.currency_sign"
        ):
            draft.bare_dollar = doc[j - 1].text == "$"
            draft.currency, j = (dollar.code if draft.bare_dollar else code), j - 1
            draft.note("quantities.unit.currency_sign", j, j + 1)
        elif j > sent.start and draft.unit is None and (unit := self.lex.pre_units.get(doc[j - 1].lower_)) and (
            self.rules.on("quantities.unit.before")
        ):
            draft.unit, j = unit, j - 1  # "magnitude 5.2"
            draft.note("quantities.unit.before", j, j + 1)
        if j > sent.start and doc[j - 1].lower_ in ("minus", "negative") and draft.currency is None and (
            self.rules.on("quantities.number.negative")
        ):
            draft.core.value, j = -draft.core.value, j - 1  # "minus 20 degrees Celsius"
            draft.note("quantities.number.negative", j, j + 1)
        draft.start = self._bound_before(doc, draft, j, sent.start)

    def _bound_before(self, doc: Doc, draft: Draft, j: int, sent_start: int) -> int:
        """Where the span starts once the bound words before token j are read ("more than", "about")."""
        # "about another 250": the bound is before "another"
        another = j - 1 > sent_start and doc[j - 1].lower_ == "another"
        skip = 1 if another and self.rules.on("quantities.bound.before_another") else 0
        if not self.rules.on("quantities.bound.pre"):
            return j
        for n in range(min(self.max_pre, j - skip - sent_start), 0, -1):
            words = tuple(t.lower_ for t in doc[j - skip - n : j - skip])
            bound = self.lex.pre_bounds.get(words)
            if bound is None:
                continue
            if n == 1 and j - skip - 1 > sent_start and self._blocked(doc[j - skip - 2], words[0]):
                draft.note("quantities.bound.blocked_preposition", j - skip - 2, j - skip)
                return j
            draft.bound = bound
            draft.note("quantities.bound.pre", j - skip - n, j - skip)
            if skip:
                draft.note("quantities.bound.before_another", j - 1, j)
            return j - skip - n
        return j

    def _blocked(self, prev: Token, word: str) -> bool:
        """ "talked about 3 issues": the bound word is the verb's preposition."""
        if not self.rules.on("quantities.bound.blocked_preposition"):
            return False
        blocked = self.lex.blocked_bounds
        return (prev.lemma_.lower(), word) in blocked or (prev.lower_, word) in blocked

    # -- ranges and margins --------------------------------------------------------------------------

    def _read_error_margin(self, doc: Doc, draft: Draft, sent: Span) -> bool:
        """ "1010 ± 195": a measurement with its margin of error, one approximate figure (the margin is
        not a quantity of its own)."""
        j = draft.end
        if j + 1 >= sent.end or doc[j].text not in PLUS_MINUS or not self.numbers.is_number_start(doc, j + 1):
            return False
        if not self.rules.on("quantities.range.error_margin"):
            return False
        margin = self.numbers.parse_core(doc, j + 1)
        if margin is None:
            return False
        draft.end = margin.end
        if margin.unit is not None and draft.unit is None:
            draft.unit = margin.unit
        if draft.bound == "=":
            draft.bound = "~"
        draft.note("quantities.range.error_margin", j, margin.end)
        return True

    def _read_range(self, doc: Doc, draft: Draft, sent: Span) -> None:
        """ "10,000-12,000", "between 10,000 and 12,000", "10 km to 20 km", "ranged from 200 to 300";
        "from 6% to 11%" is a change, two figures."""
        core = draft.core
        before = doc[draft.start - 1].lower_ if draft.start > sent.start else ""
        between = before == "between" and self.rules.on("quantities.range.between")
        after_from = before == "from"
        ranging = (
            after_from
            and draft.start - 1 > sent.start
            and doc[draft.start - 2].lemma_.lower() in self.lex.cue("range_verb")
            and self.rules.on("quantities.range.ranged_from")
        )
        if after_from and not ranging and self._range_word_after(doc, core.end) and self.rules.on(
            "quantities.range.change"
        ):
            draft.note("quantities.range.change", draft.start - 1, draft.start)
            return
        glued = draft.unit is not None and draft.unit is core.unit
        if draft.unit is not None and not glued:
            return
        found = self._range_high(doc, core, between, sent, draft.unit is None)
        if found is None:
            return
        rule, high, draft.end = found
        draft.high, draft.unit = high.value, high.unit
        if between or ranging:
            draft.start -= 1
        draft.note(rule, draft.start, draft.end)
        if ranging:
            draft.note("quantities.range.ranged_from", draft.start, draft.start + 1)

    def _range_high(
        self, doc: Doc, core: Core, between: bool, sent: Span, bare: bool
    ) -> tuple[str, Core, int] | None:
        """The high end of the range after core, where it ends, and the rule that read it."""
        rule = "quantities.range.between" if between else "quantities.range.joined"
        if self.rules.on(rule) and (rng := self.numbers.range_high(doc, core, between)) is not None:
            return rule, *rng
        if bare and self.rules.on("quantities.range.with_units"):
            rng = self._range_with_units(doc, core, between, sent)
            if rng is not None:
                return "quantities.range.with_units", *rng
        return None

    def _range_word_after(self, doc: Doc, j: int) -> bool:
        """ "to" right after the number, or after its unit: "from 6 to 11", "from 6% to 11%"."""
        if j < len(doc) and (doc[j].lower_,) in self.lex.units:
            j += 1
        return j < len(doc) and doc[j].lower_ == "to"

    def _range_with_units(self, doc: Doc, core: Core, between: bool, sent: Span) -> tuple[Core, int] | None:
        """ "6 % to 11 %", "10 km to 20 km": a range whose ends both carry the unit (as separate tokens)."""
        unit, n = self.unit_at(doc, core.end, sent.end)
        if unit is None or unit.kind not in ("measure", "percent"):
            return None
        low = replace(core, end=core.end + n, steps=[])  # read the joiner after the unit
        rng = self.numbers.range_high(doc, low, between)
        if rng is None:
            return None
        high, end = rng
        high_unit, m = self.unit_at(doc, end, sent.end)
        if high_unit != unit:
            return None
        core.value = low.value  # a scale on the high end applies to both ("1 to 2 million")
        core.steps.extend(low.steps)
        return replace(high, unit=unit), end + m

    # -- after the number ----------------------------------------------------------------------------

    def unit_at(self, doc: Doc, j: int, limit: int) -> tuple[Unit | None, int]:
        """The unit written at token j and its length in tokens."""
        for n in range(min(self.max_post, limit - j), 0, -1):
            unit = self.lex.units.get(tuple(t.lower_ for t in doc[j : j + n]))
            if unit is not None:
                return unit, n
        return None, 0

    def shared_unit(self, doc: Doc, j: int, limit: int) -> tuple[Unit, int] | None:
        """The measure unit of the next number when the two are joined by "and", "or" or "to": "2 or 3 percent",
        "1.52 and 2.2m", "from 13.5 to 14.0 mm", "7- or 8-inch" (the span stays on the first number); with the
        token where that unit ends."""
        if j + 1 >= limit or doc[j].lower_ not in ("and", "or", "to") or not self.numbers.is_number_start(doc, j + 1):
            return None
        other = self.numbers.parse_core(doc, j + 1)
        if other is None or other.vague:
            return None
        after = other.end + 1 if other.end < limit and doc[other.end].text in DASHES else other.end  # "8-inch"
        unit, n = (other.unit, 0) if other.unit is not None else self.unit_at(doc, after, limit)
        if unit is not None and unit.name in DURATION_UNITS and self.rules.on("quantities.duration.unit"):
            unit = Unit(unit.name, "duration")  # "12 and 18 months"
        if unit is None or unit.kind not in ("measure", "percent", "duration"):
            return None
        return unit, after + n

    def _read_after(self, doc: Doc, draft: Draft, sent: Span) -> bool:
        """Unit, currency or post bound after the number; False if the number is not a quantity."""
        j = draft.end
        if j < sent.end and doc[j].text in DASHES and not doc[j - 1].whitespace_:
            hyphenated = self._read_hyphenated(doc, draft, sent)
            if hyphenated is not None:
                return hyphenated
        symbol = self.lex.symbol(doc[j].text) if j < sent.end and draft.unit is None else None
        if symbol is not None and self.rules.on("quantities.unit.symbol"):  # "12 GB", "1 mW", "300 MW"
            draft.end = j + 1
            return self._take_unit(doc, draft, symbol, ("quantities.unit.symbol", j, j + 1))
        for n in range(min(self.max_post, sent.end - j), 0, -1):
            words = tuple(t.lower_ for t in doc[j : j + n])
            if (unit := self.lex.units.get(words)) is not None and draft.unit is None and (
                self.rules.on("quantities.unit.after")
            ):
                draft.end = j + n
                return self._take_unit(doc, draft, unit, ("quantities.unit.after", j, j + n))
            if (code := self.lex.currency_post.get(words)) is not None and draft.currency is None:
                if words[-1].startswith("pound") and self._weighs(doc, sent, j + n):
                    draft.unit, draft.end = Unit("pound", "measure"), j + n  # "500 pounds of explosives"
                    draft.note("quantities.unit.pound_weight", j, j + n)
                    return True
                if self.rules.on("quantities.unit.currency_word"):
                    draft.currency, draft.end = code, j + n
                    draft.note("quantities.unit.currency_word", j, j + n)
                    return True
            if (bound := self.lex.post_bounds.get(words)) is not None and draft.bound == "=" and (
                self.rules.on("quantities.bound.post")
            ):
                draft.bound, draft.end = bound, j + n
                draft.note("quantities.bound.post", j, j + n)
                return True
        return True

    def _read_hyphenated(self, doc: Doc, draft: Draft, sent: Span) -> bool | None:
        """ "10-kilometre", "3,000-strong", "25-year-old", "two-day", "three-storey": what a word glued by a
        hyphen makes of the number (None: read on, as for "300-odd", "300-plus")."""
        j = draft.end
        nxt = doc[j + 1] if j + 1 < sent.end else None
        if nxt is not None and nxt.lower_ == "strong" and self.rules.on("quantities.counted.strong"):
            draft.end = j + 2
            draft.note("quantities.counted.strong", j, j + 2)
            return True
        if nxt is not None and (unit := self.lex.units.get((nxt.lower_,))) is not None and (
            self.rules.on("quantities.unit.hyphen")
        ):
            draft.end = j + 2
            return self._take_unit(doc, draft, unit, ("quantities.unit.hyphen", j, j + 2))
        if self.lex.post_bounds.get(tuple(t.lower_ for t in doc[j : j + 2])):
            return None  # "300-odd", "300-plus": a post bound, read after
        if nxt is not None and self.rules.on("quantities.unit.shared") and (
                shared := self.shared_unit(doc, j + 1, sent.end)):
            draft.end, draft.unit = j + 1, shared[0]  # "7- or 8-inch": the span keeps "7-"
            draft.note("quantities.unit.shared", j + 1, shared[1])
            return True
        draft.end = j + 2
        if nxt is not None and self._counts_compound(draft.core, nxt) and (
            self.rules.on("quantities.counted.compound_adjective")
        ):
            draft.head = nxt  # "a five-storey block", "a 25-room home": a count of storeys
            return True
        return not self.rules.on("quantities.not.compound_adjective")

    def _counts_compound(self, core: Core, head: Token) -> bool:
        """Is "<number>-<word>" a count of that word? "a five-storey block", "a 25-room home", "a 11-member
        panel"; not "one-time", "a two-state solution" (and time units are durations, read before)."""
        return (
            core.value >= 2
            and core.value.is_integer()
            and head.is_alpha
            and head.is_lower
            and len(head) > 2
            and head.tag_ == "NN"  # a noun in the singular, as compounds have it ("three-dimensional" is an ADJ)
            and head.lower_ not in self.lex.cue("not_counted_compound")
            and not (head.i + 1 < len(head.doc) and head.nbor(1).text in DASHES and not head.whitespace_)
        )

    def _weighs(self, doc: Doc, sent: Span, after: int) -> bool:
        """Is "pounds" a weight here? "500 pounds of explosives", "weighed 82 pounds (37 kg)"."""
        if not self.rules.on("quantities.unit.pound_weight"):
            return False
        if after < len(doc) and doc[after].lower_ == "of":
            return True
        weight_words = self.lex.cue("weight_word")
        return any(t.lemma_.lower() in weight_words for t in sent)

    def _refused(self, unit: Unit) -> bool:
        """Does a unit glued to the digits make the number no quantity? "8PM" does; "10yrs" (a duration) and
        "sixfold" (a multiplier) do not while their rules are on."""
        if unit.kind == "multiplier" and self.rules.on("quantities.unit.multiplier"):
            return False
        if unit.name in DURATION_UNITS and self.rules.on("quantities.duration.unit"):
            return False
        return unit.kind in ("time", "skip", "multiplier") and self.rules.on(_unit_rejection(unit))

    def _take_unit(self, doc: Doc, draft: Draft, unit: Unit, step: Step) -> bool:
        if unit.name in AGE_UNITS and (old := _old_after(doc, draft.end)) and self.rules.on("quantities.age.unit"):
            draft.note(*step)
            draft.note("quantities.age.unit", step[1], old)
            draft.unit, draft.end = Unit(f"{unit.name} of age", "measure"), old  # "a 50-year-old", "44 years old"
            return True
        if unit.name in DURATION_UNITS and self.rules.on("quantities.duration.unit"):
            draft.note(*step)
            draft.note("quantities.duration.unit", step[1], step[2])
            draft.unit = Unit(unit.name, "duration")  # "15 years", "a two-day visit": also the times stage's DURATION
            return True
        if unit.kind == "multiplier" and self.rules.on("quantities.unit.multiplier"):
            draft.note(*step)
            draft.note("quantities.unit.multiplier", step[1], step[2])
            draft.unit = unit  # "six times", "2.4 times as many", "a 10-fold rise"
            return True
        if unit.kind in ("time", "skip", "multiplier") and self.rules.on(_unit_rejection(unit)):
            return False
        draft.note(*step)
        if unit.kind in ("measure", "percent") and " per " not in unit.name:
            rate = self.rate_after(doc, draft.end, doc[draft.end - 1].sent.end)
            if rate is not None:
                # "195 kilometers per hour", "3 per cent a year", "10 billion cubic meters of gas per year":
                # a rate. The span stops before "per hour", which the times stage may read as a SET.
                unit = Unit(f"{unit.name} per {rate[0]}", unit.kind)
                draft.steps.extend(rate[1])
        draft.unit = unit
        return True

    def rate_after(self, doc: Doc, j: int, limit: int) -> tuple[str, list[Step]] | None:
        """What a unit is per, written after it: "per hour", "a year", "each day", "per capita"; also
        after a short "of" phrase ("cubic meters of gas per year"); with the rules that read it."""
        steps: list[Step] = []
        if j < limit and doc[j].lower_ == "of":
            k = j + 1
            while k < min(limit, j + 4) and doc[k].pos_ in ("NOUN", "ADJ", "PROPN"):
                k += 1
            if k == j + 1 or not self.rules.on("quantities.unit.rate_after_of"):
                return None
            steps.append(("quantities.unit.rate_after_of", j, k))
            j = k
        if j + 1 >= limit or doc[j].lower_ not in RATE_WORDS:
            return None
        per = doc[j].lower_ == "per"
        if per and doc[j + 1].lower_ in self.lex.cue("per_person") and self.rules.on("quantities.unit.rate_per_capita"):
            return "capita", [*steps, ("quantities.unit.rate_per_capita", j, j + 2)]
        if doc[j].lower_ != "every" and self.rules.on("quantities.unit.rate_per_measure"):
            measure, n = self.unit_at(doc, j + 1, limit)
            if measure is not None and measure.kind == "measure":
                # "0.064 mg per liter", "0.2 moles per cubic meter", "$85 a barrel"
                return measure.name, [*steps, ("quantities.unit.rate_per_measure", j, j + 1 + n)]
        rate = self.lex.units.get((doc[j + 1].lower_,))
        if per and rate is None and (noun := self._per_noun(doc, j + 1, limit)):
            return noun, [*steps, ("quantities.unit.rate_per_noun", j, j + 2)]
        if rate is None or rate.kind != "time" or rate.name in NOT_RATE_TIMES or not self.rules.on(
            "quantities.unit.rate"
        ):
            return None
        return rate.name, [*steps, ("quantities.unit.rate", j, j + 2)]


    def _per_noun(self, doc: Doc, k: int, limit: int) -> str | None:
        """ "per share", "per vehicle": the one thing a figure is for, a singular common noun right after "per"
        that no modifier or object continues ("per share of the company" is still per share)."""
        tok = doc[k]
        if tok.tag_ != "NN" or not tok.is_alpha or tok.lower_ in self.lex.cue("per_person") or not self.rules.on(
                "quantities.unit.rate_per_noun"):  # "per capita" is its own rule's
            return None
        if k + 1 < limit and doc[k + 1].tag_ in ("NN", "NNS"):
            return None  # "per share price": the noun is a modifier
        return tok.lemma_.lower()


def _old_after(doc: Doc, j: int) -> int | None:
    """Where "old" or "of age" ends when it follows the unit at j: "years old", "year-old", "5 years of age"; None
    when neither does."""
    if j < len(doc) and doc[j].lower_ == "old":
        return j + 1
    if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ == "age":
        return j + 2
    if j + 1 < len(doc) and doc[j].text in DASHES and doc[j + 1].lower_ == "old":
        return j + 2
    return None


def _unit_rejection(unit: Unit) -> str:
    """The rule that makes a number with this unit no quantity: a duration or an age/multiplier."""
    return "quantities.not.duration" if unit.kind == "time" else "quantities.not.skip_unit"
