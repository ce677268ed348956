"""Reading the number itself: digits ("3,000", "1.2 million", "5bn"), number words ("two million",
"a dozen", "twenty-five"), approximate plurals ("hundreds", "tens of thousands", "several hundred"),
fractions ("two-thirds of", "half the soldiers") and the high end of a range ("10,000-12,000",
"between 10,000 and 12,000").

A ``NumberReader`` takes a Doc and a token index and returns a ``Core`` (token span + value, the
``quantities.number.*`` rule that read it and the rules that changed it on the way) or None. It only
looks at the few tokens around the index, so the stage costs a dict lookup per token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsgraph.nlp.quantities.lexicon import QuantityLexicon, Unit
from newsgraph.nlp.rules import RuleTable

# "3,000", "600,000", "1.2", "12", optionally glued to a scale or unit: "5bn", "300km", "20%".
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
DIGITS = re.compile(rf"^({NUMBER})([^\W\d_]+|%)?$")
# One token holding a range or an approximate figure: "60–80", "95–130", "~295", "≈40" (the tokenizer
# keeps these whole).
GLUED = re.compile(rf"^([~≈]|[A-Za-z]{{1,3}}\$)?({NUMBER})(?:[-–—]({NUMBER}))?([^\W\d_]+|%)?$")
DASHES = frozenset({"-", "–", "—"})
# A currency written in letters glued before the digits: "RM20", "USD10", "Rs500", "EUR5bn".
LETTER_CURRENCY = re.compile(rf"^([A-Z][A-Za-z]{{1,2}})({NUMBER})([^\W\d_]+)?$")
# A sign written before the digits: "-1.3%", "+0.2%", "−4" (U+2212, the minus sign of typeset text).
SIGNS = {"+": 1.0, "-": -1.0, "−": -1.0}
# A share in digits: "1/16", "3/4" (numerator below the denominator, so "24/7" and "9/11" never are).
DIGIT_FRACTION = re.compile(r"^(\d{1,2})/(\d{1,3})$")
HALF_TOKENS = ["-", "and", "-", "a", "-", "half"]
APPROX_SIGNS = frozenset({"~", "≈"})
RANGE_WORDS = frozenset({"-", "–", "—", "to"})
FRACTION = Unit("fraction", "percent")
FOLD = Unit("fold", "multiplier")
METRE = Unit("metre", "measure")

# (rule name, first token, end token): a rule that fired while a figure was read, with the tokens it used
Step = tuple[str, int, int]


@dataclass
class Core:
    """A number's tokens [start, end) and what it says."""

    start: int
    end: int
    value: float
    digits: bool = False  # written with digits (not words)
    scaled: bool = False  # carries a scale word or abbreviation ("million", "bn")
    vague: bool = False  # "hundreds", "tens of thousands", "several hundred": bound "~"
    unit: Unit | None = None  # a unit glued to the digits: "300km", "20%"
    plain_year: bool = False  # four bare digits that read like a year: "2000"
    high: float | None = None  # the upper end of a range written as one token: "60–80"
    currency: str | None = None  # a currency sign glued before the digits: "CDN$11,000"
    rule: str = ""  # the quantities.number.* rule that read it
    steps: list[Step] = field(default_factory=list)  # the rules that changed it while it was read
    rule_end: int = 0  # where the tokens that rule read end (scale words read after it are a step)

    def __post_init__(self) -> None:
        self.rule_end = self.rule_end or self.end


def _currency_glued(text: str) -> bool:
    """A cheap test before LETTER_CURRENCY, run on every capitalised token: a capital, then digits from the second
    or third letter on ("RM20", "USD10"; not "Russia")."""
    return text[:1].isupper() and (text[2:3].isdigit() or text[3:4].isdigit())


def reads_like_year(number: str) -> bool:
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d", number))


class NumberReader:
    """The number rules of the quantities stage over one lexicon and one rule table."""

    def __init__(self, lex: QuantityLexicon, rules: RuleTable) -> None:
        self.lex = lex
        self.rules = rules

    def is_number_start(self, doc: Doc, i: int) -> bool:
        """A cheap test run on every token: could a number start here?"""
        tok = doc[i]
        first = tok.text[:1]
        if first.isdigit():
            return True  # "3,000", "5bn", "60–80"; parse_core turns down "3rd", "9/11", "10:30"
        if first in APPROX_SIGNS:
            return tok.text[1:2].isdigit()  # "~295"
        if first in SIGNS or first == ".":
            rest = tok.text[1:].removeprefix(".") if first in SIGNS else tok.text[1:]
            return rest[:1].isdigit()  # "-1.3", "+0.2", ".001", "-.5"
        if "$" in tok.text[1:4] and tok.text[-1:].isdigit():
            return GLUED.match(tok.text) is not None  # "CDN$11,000"
        if _currency_glued(tok.text) and (m := LETTER_CURRENCY.match(tok.text)) is not None:
            return m.group(1) in self.lex.currency_pre  # "RM20", "USD10"
        low = tok.lower_
        if low in self.lex.numbers:
            return self.lex.numbers[low].kind != "abbr"
        if low.endswith("fold") and low[:-4] in self.lex.numbers:
            return True  # "sixfold"
        return low in ("a", "an", "half") or ("-" in low and low.split("-", 1)[0] in self.lex.numbers)

    def parse_core(self, doc: Doc, i: int) -> Core | None:
        """The number starting at token i, by the form of its first token."""
        tok = doc[i]
        if (fraction := self.parse_fraction(doc, i)) is not None:
            return fraction
        if tok.text[:1].isdigit() or tok.text[:1] in APPROX_SIGNS or "$" in tok.text[1:4]:
            return self._parse_digits(doc, i)
        if tok.text[:1] in SIGNS or tok.text[:1] == ".":
            return self._parse_digits(doc, i)
        if _currency_glued(tok.text) and (m := LETTER_CURRENCY.match(tok.text)) is not None:
            return self._letter_currency(doc, i, m)
        low = tok.lower_
        if low in ("a", "an"):
            return self._parse_a_scale(doc, i)
        if low == "half":
            return self._parse_half(doc, i)
        word = self.lex.numbers.get(low)
        if word is None and low.endswith("fold"):
            return self._parse_fold(doc, i)
        if word is None:
            return self._parse_words(doc, i) if "-" in low else None
        if word.kind == "vague":
            return self._parse_vague(doc, i)
        if word.kind == "few":
            return self._parse_few(doc, i, i)
        if word.kind == "unit":
            return self._parse_words(doc, i)
        return None  # a bare scale word: "million" alone is not a number ("a million" is)

    def _letter_currency(self, doc: Doc, i: int, m: re.Match[str]) -> Core | None:
        """ "RM20", "USD10", "Rs500", "EUR5bn": a currency in letters glued before the digits."""
        code = self.lex.currency_pre.get(m.group(1))
        if code is None or not self.rules.on("quantities.number.glued_currency"):
            return None
        core = Core(i, i + 1, float(m.group(2).replace(",", "")), digits=True, currency=code,
                    rule="quantities.number.glued_currency")
        if m.group(3) and not self._glued_suffix(core, m.group(3)):
            return None
        self._consume_scales(doc, core)
        return core

    def _parse_fold(self, doc: Doc, i: int) -> Core | None:
        """ "sixfold", "tenfold", "hundredfold": a number word joined to "fold", a multiplier."""
        word = self.lex.numbers.get(doc[i].lower_[:-4])
        if word is None or word.kind not in ("unit", "scale") or not self.rules.on("quantities.number.fold"):
            return None
        return Core(i, i + 1, word.value, unit=FOLD, rule="quantities.number.fold")

    # -- fractions ----------------------------------------------------------------------------------

    def parse_fraction(self, doc: Doc, i: int) -> Core | None:
        """ "two-thirds", "one third of", "a quarter of", "half of the soldiers": value the proportion (2/3),
        unit "fraction". A fraction must be followed by "of" or, written with a hyphen, by the noun it
        modifies ("a two-thirds majority"); "a third attack" and "a quarter century" are not shares."""
        if doc[i].lower_ == "half":
            return self._half_share(doc, i)
        if doc[i].text[:1].isdigit():
            return self._digit_fraction(doc, i)
        numerator = self._numerator(doc[i].lower_)
        if numerator is None:
            return None
        j = i + 1
        hyphen = j < len(doc) and doc[j].text in DASHES and not doc[i].whitespace_
        if hyphen:
            j += 1
        if j >= len(doc) or (denominator := self.lex.fractions.get(doc[j].lower_)) is None:
            return None
        if doc[i].lower_ in ("a", "an") and hyphen:
            return None
        if self.rules.on("quantities.number.fraction_scale") and (scaled := self._fraction_of_scale(doc, j + 1)):
            scale, end = scaled
            core = Core(i, end, numerator / denominator * scale, scaled=True)
            core.rule = "quantities.number.fraction_scale"
            return core
        after = doc[j + 1] if j + 1 < len(doc) else None
        if after is None or not (after.lower_ == "of" or (hyphen and after.pos_ in ("NOUN", "PROPN"))):
            return None
        if not self.rules.on("quantities.number.fraction"):
            return None
        return Core(i, j + 1, numerator / denominator, unit=FRACTION, rule="quantities.number.fraction")

    def _digit_fraction(self, doc: Doc, i: int) -> Core | None:
        """ "1/16 of the land", "3/4 of voters": a share only before "of", so dates ("3/4") stay dates."""
        m = DIGIT_FRACTION.match(doc[i].text)
        if m is None or i + 1 >= len(doc) or doc[i + 1].lower_ != "of":
            return None
        numerator, denominator = float(m.group(1)), float(m.group(2))
        if not 0 < numerator < denominator or not self.rules.on("quantities.number.digit_fraction"):
            return None
        return Core(i, i + 1, numerator / denominator, digits=True, unit=FRACTION,
                    rule="quantities.number.digit_fraction")

    def _numerator(self, low: str) -> float | None:
        """The numerator word of a fraction: "a" (1) or a number word from one to ten."""
        if low in ("a", "an"):
            return 1.0
        word = self.lex.numbers.get(low)
        if word is not None and word.kind == "unit" and 1 <= word.value <= 10:
            return word.value
        return None

    def _half_share(self, doc: Doc, i: int) -> Core | None:
        """ "half of", "half the soldiers": a share; not "the first half", "half the time", "half an hour"."""
        if not self.rules.on("quantities.number.half"):
            return None
        if i > 0 and (doc[i - 1].lower_ in self.lex.cue("not_half_before") or doc[i - 1].ent_type_ == "ORDINAL"):
            return None
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if nxt not in self.lex.cue("half_next") or (i + 2 < len(doc) and self._is_time_unit(doc[i + 2].lower_)):
            return None  # "half the time", "half an hour": durations
        return Core(i, i + 1, 0.5, unit=FRACTION, rule="quantities.number.half")

    def _fraction_of_scale(self, doc: Doc, j: int) -> tuple[float, int] | None:
        """The scale a fraction is of, and where it ends: "[a quarter] million", "[a quarter] of a million"."""
        words = [t.lower_ for t in doc[j : j + 3]]
        k = j + 2 if words[:2] in (["of", "a"], ["of", "an"]) else j
        word = self.lex.numbers.get(doc[k].lower_) if k < len(doc) else None
        if word is None or word.kind != "scale" or word.value < 1000:
            return None
        return word.value, k + 1

    def _is_time_unit(self, word: str) -> bool:
        unit = self.lex.units.get((word,))
        return unit is not None and unit.kind == "time"

    # -- digits -------------------------------------------------------------------------------------

    def _parse_digits(self, doc: Doc, i: int) -> Core | None:
        written = self._unsigned(doc, i)
        if written is None:
            return None
        text, sign, step = written
        m = DIGITS.match(text)
        if m is None:
            # "60–80", "~295"; None for "3rd", "9/11", "10:30", "F-16"
            return self._parse_glued(doc, i) if step is None else None
        if not self.rules.on("quantities.number.digits"):
            return None
        number, suffix = m.groups()
        core = Core(i, i + 1, sign * float(number.replace(",", "")), digits=True, rule="quantities.number.digits")
        if step is not None:
            core.steps.append((step, i, i + 1))
        core.plain_year = reads_like_year(number) and step is None
        if suffix and not self._glued_suffix(core, suffix):
            return None  # "1st", "2nd", "17th"; "5am" is handled by the time units
        if not suffix:
            self._space_grouped(doc, core, number)
        self._consume_scales(doc, core)
        return core

    def _metres(self, doc: Doc, start: int, m: int) -> bool:
        """Is the "m" at token m, glued to the digits that start at token start, metres? Never after a currency
        sign ("£37m", "US$20m": millions). Metres before a singular noun it measures ("a 37m yacht"), a word of
        dimension ("300m tall", "50m away"), or under a verb of moving a distance ("ran 400m"); else millions, as
        news mostly means ("37m people", "raised 5m")."""
        if not self.rules.on("quantities.unit.metre_m") or doc[m].text != "m":  # "m." ends a sentence: "£37m."
            return False
        prev = doc[start - 1] if start > 0 else None
        if "$" in doc[start].text or (prev is not None and (
                prev.is_currency or prev.text.endswith("$") or prev.text in self.lex.currency_pre)):
            return False
        context = self.lex.cue("metre_context")
        nxt = doc[m + 1] if m + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ in context or (nxt.tag_ == "NN" and nxt.is_alpha
                                                           and nxt.lower_ not in self.lex.numbers)):
            return True
        return any(t.lemma_.lower() in context for t in (doc[start].head, doc[m].head) if t.pos_ == "VERB")

    def _unsigned(self, doc: Doc, i: int) -> tuple[str, float, str | None] | None:
        """The digits of token i without a sign or a bare leading point, the sign, and the rule that read them
        off: "-1.3" -> ("1.3", -1, signed), ".001" -> ("0.001", 1, leading_point). A sign counts only at the
        start of a word ("fell -1.3%"), not after a figure ("3 -1", a score); None when the rule is off."""
        text = doc[i].text
        if text[-1:] in DASHES and i + 1 < len(doc) and doc[i + 1].lower_ in ("or", "and", "to") and (
                self.rules.on("quantities.number.suspended_hyphen")):
            return text[:-1], 1.0, "quantities.number.suspended_hyphen"  # "7- or 8-inch": the unit comes after
        if text[:1] not in SIGNS and text[:1] != ".":
            return text, 1.0, None
        sign, step = 1.0, "quantities.number.leading_point"
        if text[:1] in SIGNS:
            prev = doc[i - 1] if i > 0 else None
            glued = prev is not None and not prev.whitespace_ and prev.text not in "(["
            if glued or (prev is not None and prev.like_num):
                return None
            sign, text, step = SIGNS[text[0]], text[1:], "quantities.number.signed"
        if text[:1] == ".":
            text = "0" + text
        return (text, sign, step) if self.rules.on(step) else None

    def _space_grouped(self, doc: Doc, core: Core, number: str) -> None:
        """"28 000", "1 130": thousands set apart by a space, as French and other styles write them."""
        i = core.end
        while i < len(doc) and len(number) <= 3 and number.isdigit() and doc[i - 1].whitespace_ == " " \
                and re.fullmatch(r"\d{3}", doc[i].text) and self.rules.on("quantities.number.space_grouped"):
            core.value = core.value * 1000 + float(doc[i].text)
            number = doc[i].text
            i += 1
        if i > core.end:
            core.steps.append(("quantities.number.space_grouped", core.start, i))
            core.end = i

    def _glued_suffix(self, core: Core, suffix: str) -> bool:
        """A scale ("5bn") or a unit ("300km", "20%") glued to the digits; False for anything else."""
        word = self.lex.numbers.get(suffix.lower())
        if word is not None and word.kind in ("abbr", "scale") and self.rules.on("quantities.number.glued_scale"):
            core.value *= word.value
            core.scaled = True
            core.steps.append(("quantities.number.glued_scale", core.start, core.end))
            return True
        symbol = self.lex.symbol(suffix)
        if symbol is not None and self.rules.on("quantities.unit.symbol"):
            core.unit = symbol  # "5kWh", "12GB", "3.5GHz", "1mW": a symbol, as written
            core.steps.append(("quantities.unit.symbol", core.start, core.end))
            return True
        unit = self.lex.units.get((suffix.lower(),))
        if unit is not None and self.rules.on("quantities.unit.glued"):
            core.unit = unit
            core.steps.append(("quantities.unit.glued", core.start, core.end))
            return True
        return False

    def _parse_glued(self, doc: Doc, i: int) -> Core | None:
        """ "60–80" (a range), "~295" (about 295), "95–130km", "CDN$11,000": one token that DIGITS does not read."""
        m = GLUED.match(doc[i].text)
        if m is None or (m.group(1) is None and m.group(3) is None):
            return None
        sign, low, high, suffix = m.groups()
        currency = self.lex.currency_pre.get(sign) if sign and sign.endswith("$") else None
        if sign and sign.endswith("$") and (currency is None or not self.rules.on("quantities.number.glued_currency")):
            return None
        approx = sign in APPROX_SIGNS and self.rules.on("quantities.number.approximate_sign")
        core = Core(i, i + 1, float(low.replace(",", "")), digits=True, vague=approx, currency=currency)
        if high is not None and not self._glued_high(core, low, high):
            return None
        named = [name for name, fired in (("quantities.number.glued_range", high is not None),
                                          ("quantities.number.approximate_sign", approx),
                                          ("quantities.number.glued_currency", currency is not None)) if fired]
        if not named:
            return None  # "~295" with its sign's rule off
        core.rule = named[0]
        core.steps.extend((name, i, i + 1) for name in named[1:])
        if suffix:
            unit = self.lex.units.get((suffix.lower(),))
            if unit is None or not self.rules.on("quantities.unit.glued"):
                return None
            core.unit = unit
            core.steps.append(("quantities.unit.glued", i, i + 1))
        self._consume_scales(doc, core)
        if core.high is not None and core.scaled:
            core.high *= core.value / float(low.replace(",", ""))  # "1–2 million": the scale is on both ends
        return core

    def _glued_high(self, core: Core, low: str, high: str) -> bool:
        """The high end of a glued range ("60–80"); False when the token is no range of figures."""
        if not self.rules.on("quantities.number.glued_range"):
            return False
        core.high = float(high.replace(",", ""))
        if reads_like_year(low) and reads_like_year(high) and self.rules.on("quantities.not.year_range"):
            return False  # "2014–2022": a time span, for the times stage
        return not (core.high <= core.value and self.rules.on("quantities.not.score"))  # "3-1", "24-7", "737-800"

    def _consume_scales(self, doc: Doc, core: Core) -> None:
        """Scale words after a number: "1.2 million", "3 m" (an abbreviation must be glued: "£3m")."""
        if not self.rules.on("quantities.number.scale"):
            return
        start = core.end
        while core.end < len(doc) and core.unit is None:
            nxt = doc[core.end]
            word = self.lex.numbers.get(nxt.lower_)
            if word is None or word.kind not in ("scale", "abbr"):
                break
            if word.kind == "abbr" and (doc[core.end - 1].whitespace_ or not core.digits):
                break
            if nxt.lower_ == "m" and self._metres(doc, core.start, core.end):
                core.unit = METRE  # "a 37m yacht", "ran 400m": metres, not millions
                core.steps.append(("quantities.unit.metre_m", core.end, core.end + 1))
                core.end += 1
                break
            core.value *= word.value
            core.scaled = True
            core.end += 1
        if core.end > start:
            core.steps.append(("quantities.number.scale", start, core.end))

    # -- words --------------------------------------------------------------------------------------

    def _parse_a_scale(self, doc: Doc, i: int) -> Core | None:
        """ "a dozen", "a hundred", "a million", "a few hundred"."""
        if i + 1 >= len(doc):
            return None
        word = self.lex.numbers.get(doc[i + 1].lower_)
        if word is None:
            return None
        if word.kind == "few":
            return self._parse_few(doc, i, i + 1)
        if word.kind != "scale" or not self.rules.on("quantities.number.a_scale"):
            return None
        core = self._parse_words(doc, i + 1)
        if core is not None:
            core.start = i
            core.steps.insert(0, (core.rule, i + 1, core.end))
            core.rule = "quantities.number.a_scale"
        return core

    def _parse_half(self, doc: Doc, i: int) -> Core | None:
        """ "half a million" = 500,000."""
        if i + 2 < len(doc) and doc[i + 1].lower_ in ("a", "an") and self.rules.on("quantities.number.half_scale"):
            word = self.lex.numbers.get(doc[i + 2].lower_)
            if word is not None and word.kind == "scale" and word.value >= 1000:
                return Core(i, i + 3, 0.5 * word.value, scaled=True, rule="quantities.number.half_scale")
        return None

    def _parse_few(self, doc: Doc, start: int, i: int) -> Core | None:
        """ "several hundred", "a few thousand": about three times the scale."""
        if i + 1 >= len(doc) or not self.rules.on("quantities.number.few_scale"):
            return None
        word = self.lex.numbers.get(doc[i + 1].lower_)
        if word is None or word.kind != "scale":
            return None
        few = self.lex.numbers[doc[i].lower_].value
        return Core(start, i + 2, few * word.value, scaled=True, vague=True, rule="quantities.number.few_scale")

    def _parse_vague(self, doc: Doc, i: int) -> Core | None:
        """ "dozens", "hundreds", "tens of thousands", "hundreds of millions": twice the scale, approximate."""
        if not self.rules.on("quantities.number.vague_plural"):
            return None
        base = self.lex.numbers[doc[i].lower_].value
        end = i + 1
        value = 2 * base
        if end + 1 < len(doc) and doc[end].lower_ == "of":
            inner = self.lex.numbers.get(doc[end + 1].lower_)
            if inner is not None and inner.kind == "vague" and inner.value >= 1000 and inner.value > base:
                value = 2 * base * inner.value
                end += 2
        nxt = doc[end].lower_ if end < len(doc) else ""
        # "tens" and "scores" are numbers only in "tens of ..." / "scores of ...".
        if base in (10, 20) and end == i + 1 and nxt != "of":
            return None
        if self._determined(doc, i) and self.rules.on("quantities.not.determined_plural"):
            return None
        return Core(i, end, value, scaled=True, vague=True, rule="quantities.number.vague_plural")

    @staticmethod
    def _determined(doc: Doc, i: int) -> bool:
        """ "their hundreds", "the thousands who": not a figure; but "in the hundreds", "by the thousands" is."""
        determined = i > 0 and doc[i - 1].pos_ in ("DET", "PRON") and doc[i - 1].lower_ not in ("some", "many")
        return determined and not (i > 1 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ in ("in", "by", "into"))

    def _word_values(self, doc: Doc, i: int) -> list[tuple[float, str]] | None:
        """The number words of one token: "two" -> [(2, unit)], "twenty-five" -> [(20, unit), (5, unit)]."""
        low = doc[i].lower_
        half = low.endswith("-and-a-half") and self.rules.on("quantities.number.and_a_half")
        parts = (low.removesuffix("-and-a-half") if half else low).split("-")
        out = []
        for part in parts:
            word = self.lex.numbers.get(part)
            if word is None or word.kind not in ("unit", "scale"):
                return None
            out.append((word.value, word.kind))
        if half:
            out.append((0.5, "unit"))
        return out

    def _parse_words(self, doc: Doc, i: int) -> Core | None:
        """Number words: "two", "twenty-five", "two hundred and fifty", "a dozen"."""
        if not self.rules.on("quantities.number.words"):
            return None
        words = _Words(self.rules.on("quantities.number.scale"))
        j = i
        while j < len(doc):
            step = self._word_step(doc, j, words)
            if step == 0:
                break
            j += step
        if j == i:
            return None
        if doc[j - 1].lower_ in ("-", "and"):
            j -= 1
        core = Core(i, j, words.total + words.current, scaled=words.scaled, rule="quantities.number.words")
        core.steps.extend((name, i, j) for name in words.fired)
        return core

    def _word_step(self, doc: Doc, j: int, words: _Words) -> int:
        """How many tokens the number words take at j (0: the number ends before j)."""
        low = doc[j].lower_
        if words.prev_kind == "unit" and [t.lower_ for t in doc[j : j + 6]] == HALF_TOKENS:
            if not self.rules.on("quantities.number.and_a_half"):
                return 0
            words.current += 0.5  # "three-and-a-half million", split by the tokenizer
            words.fired.append("quantities.number.and_a_half")
            return 6
        if low == "-" and not doc[j - 1].whitespace_ and words.prev_kind == "unit" and j + 1 < len(doc):
            return 1  # "twenty - five" split by the tokenizer
        if low == "and" and words.prev_kind == "scale" and j + 1 < len(doc):
            nxt = self.lex.numbers.get(doc[j + 1].lower_)
            return 1 if nxt is not None and nxt.kind == "unit" else 0
        values = self._word_values(doc, j)
        if values is None or not all(words.add(value, kind) for value, kind in values):
            return 0
        if low.endswith("-and-a-half") and "quantities.number.and_a_half" not in words.fired:
            words.fired.append("quantities.number.and_a_half")  # (read only when the rule is on)
        return 1

    # -- ranges -------------------------------------------------------------------------------------

    def range_high(self, doc: Doc, core: Core, between: bool) -> tuple[Core, int] | None:
        """The upper end of a range after ``core``: "-12,000", "to 12,000", "and 12,000" (after "between"),
        and where it ends."""
        j = core.end
        if j >= len(doc):
            return None
        joiner = doc[j].lower_
        if not (joiner == "and" if between else joiner in RANGE_WORDS):
            return None
        if j + 1 < len(doc) and doc[j + 1].text in self.lex.currency_pre:
            j += 1  # "between $5 and $7 billion"
        if j + 1 >= len(doc) or not self.is_number_start(doc, j + 1):
            return None
        high = self.parse_core(doc, j + 1)
        if high is None or high.vague or high.digits != core.digits:
            return None
        if core.unit is not None and high.unit != core.unit:
            return None  # "6% to 11%": a unit on the low end must be on the high end too
        if not high.scaled and high.plain_year and core.plain_year and self.rules.on("quantities.not.year_range"):
            return None  # "2014-2022" is a time span
        if high.scaled and not core.scaled and self.rules.on("quantities.range.shared_scale"):
            _share_scale(core, high)
        if high.value <= core.value and self.rules.on("quantities.not.score"):
            return None  # "3-1" scores, "24-7"
        return high, high.end


def _share_scale(core: Core, high: Core) -> None:
    """ "1-2 million", "between 10 and 12 million": the scale of the high end belongs to both ends."""
    scale = next(s for s in (1e12, 1e9, 1e6, 1e3, 1e2, 1.0) if high.value >= s)
    if core.value * scale <= high.value and scale != 1.0:
        core.value *= scale
        core.steps.append(("quantities.range.shared_scale", high.start, high.end))


@dataclass
class _Words:
    """The running sum of number words ("two hundred and fifty"), as _parse_words reads them."""

    scales: bool  # may a scale word multiply ("two hundred")? (quantities.number.scale)
    total: float = 0.0
    current: float = 0.0
    prev_kind: str = ""
    prev_value: float = 0.0
    scaled: bool = False
    fired: list[str] = field(default_factory=list)

    def add(self, value: float, kind: str) -> bool:
        """Add one number word; False when it cannot follow the words before ("two three")."""
        if kind == "unit":
            # "twenty five" goes on; "two three" does not.
            compound = self.prev_value >= 20 and self.prev_value % 10 == 0 and value < 10
            if value != 0.5 and self.prev_kind == "unit" and not compound:
                return False
            self.current += value
        else:
            if not self.scales:
                return False
            self.scaled = True
            if "quantities.number.scale" not in self.fired:
                self.fired.append("quantities.number.scale")
            if value < 1000:
                self.current = (self.current or 1) * value
            else:
                self.total += (self.current or 1) * value
                self.current = 0
        self.prev_kind, self.prev_value = kind, value
        return True
