"""Reading the number itself: digits ("3,000", "1.2 million", "5bn"), number words ("two million",
"a dozen", "twenty-five"), approximate plurals ("hundreds", "tens of thousands", "several hundred") and
ranges ("10,000-12,000", "between 10,000 and 12,000").

The functions take a Doc and a token index and return a ``Core`` (token span + value) or None. They
only look at the few tokens around the index, so the stage costs a dict lookup per token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.nlp.quantities.lexicon import QuantityLexicon, Unit

# "3,000", "600,000", "1.2", "12", optionally glued to a scale or unit: "5bn", "300km", "20%".
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
DIGITS = re.compile(rf"^({NUMBER})([^\W\d_]+|%)?$")
# One token holding a range or an approximate figure: "60–80", "95–130", "~295", "≈40" (the tokenizer
# keeps these whole).
GLUED = re.compile(rf"^([~≈]|[A-Za-z]{{1,3}}\$)?({NUMBER})(?:[-–—]({NUMBER}))?([^\W\d_]+|%)?$")
DASHES = frozenset({"-", "–", "—"})
HALF_TOKENS = ["-", "and", "-", "a", "-", "half"]
APPROX_SIGNS = frozenset({"~", "≈"})
RANGE_WORDS = frozenset({"-", "–", "—", "to"})


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


def is_number_start(doc: Doc, i: int, lex: QuantityLexicon) -> bool:
    """A cheap test run on every token: could a number start here?"""
    tok = doc[i]
    first = tok.text[:1]
    if first.isdigit():
        return True  # "3,000", "5bn", "60–80"; parse_core turns down "3rd", "9/11", "10:30"
    if first in APPROX_SIGNS:
        return tok.text[1:2].isdigit()  # "~295"
    if "$" in tok.text[1:4] and tok.text[-1:].isdigit():
        return GLUED.match(tok.text) is not None  # "CDN$11,000"
    low = tok.lower_
    if low in lex.numbers:
        return lex.numbers[low].kind != "abbr"
    return low in ("a", "an", "half") or ("-" in low and low.split("-", 1)[0] in lex.numbers)


def parse_core(doc: Doc, i: int, lex: QuantityLexicon) -> Core | None:
    tok = doc[i]
    if (fraction := parse_fraction(doc, i, lex)) is not None:
        return fraction
    if tok.text[:1].isdigit() or tok.text[:1] in APPROX_SIGNS or "$" in tok.text[1:4]:
        return _parse_digits(doc, i, lex)
    low = tok.lower_
    if low in ("a", "an"):
        return _parse_a_scale(doc, i, lex)
    if low == "half":
        return _parse_half(doc, i, lex)
    word = lex.numbers.get(low)
    if word is None:
        return _parse_words(doc, i, lex) if "-" in low else None
    if word.kind == "vague":
        return _parse_vague(doc, i, lex)
    if word.kind == "few":
        return _parse_few(doc, i, i, lex)
    if word.kind == "unit":
        return _parse_words(doc, i, lex)
    return None  # a bare scale word: "million" alone is not a number ("a million" is)


FRACTION = Unit("fraction", "percent")
# Words after which "half" is a part of something else: "the first half of 2024", "one and a half".
NOT_HALF_BEFORE = frozenset({"the", "a", "an", "first", "second", "last", "latter", "other", "and"})
# What may follow "half" for it to be a share: "half of", "half the soldiers", "half their forces".
HALF_NEXT = frozenset({"of", "the", "its", "their", "his", "her", "our", "all", "these", "those"})


def parse_fraction(doc: Doc, i: int, lex: QuantityLexicon) -> Core | None:
    """ "two-thirds", "one third of", "a quarter of", "half of the soldiers": value the proportion (2/3),
    unit "fraction". A fraction must be followed by "of" or, written with a hyphen, by the noun it
    modifies ("a two-thirds majority"); "a third attack" and "a quarter century" are not shares."""
    low = doc[i].lower_
    if low == "half":
        if i > 0 and (doc[i - 1].lower_ in NOT_HALF_BEFORE or doc[i - 1].ent_type_ == "ORDINAL"):
            return None
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if nxt not in HALF_NEXT or (i + 2 < len(doc) and _is_time_unit(doc[i + 2].lower_, lex)):
            return None  # "half the time", "half an hour": durations
        return Core(i, i + 1, 0.5, unit=FRACTION)
    if low in ("a", "an"):
        numerator = 1.0
    elif (word := lex.numbers.get(low)) is not None and word.kind == "unit" and 1 <= word.value <= 10:
        numerator = word.value
    else:
        return None
    j = i + 1
    hyphen = j < len(doc) and doc[j].text in DASHES and not doc[i].whitespace_
    if hyphen:
        j += 1
    if j >= len(doc) or (denominator := lex.fractions.get(doc[j].lower_)) is None:
        return None
    if low in ("a", "an") and hyphen:
        return None
    if (scaled := _fraction_of_scale(doc, j + 1, lex)) is not None:
        scale, end = scaled
        return Core(i, end, numerator / denominator * scale, scaled=True)
    after = doc[j + 1] if j + 1 < len(doc) else None
    if after is None or not (after.lower_ == "of" or (hyphen and after.pos_ in ("NOUN", "PROPN"))):
        return None
    return Core(i, j + 1, numerator / denominator, unit=FRACTION)


def _fraction_of_scale(doc: Doc, j: int, lex: QuantityLexicon) -> tuple[float, int] | None:
    """The scale a fraction is of, and where it ends: "[a quarter] million", "[a quarter] of a million"."""
    words = [t.lower_ for t in doc[j : j + 3]]
    k = j + 2 if words[:2] in (["of", "a"], ["of", "an"]) else j
    word = lex.numbers.get(doc[k].lower_) if k < len(doc) else None
    if word is None or word.kind != "scale" or word.value < 1000:
        return None
    return word.value, k + 1


def _is_time_unit(word: str, lex: QuantityLexicon) -> bool:
    unit = lex.units.get((word,))
    return unit is not None and unit.kind == "time"


def _parse_digits(doc: Doc, i: int, lex: QuantityLexicon) -> Core | None:
    tok = doc[i]
    m = DIGITS.match(tok.text)
    if m is None:
        return _parse_glued(doc, i, lex)  # "60–80", "~295"; None for "3rd", "9/11", "10:30", "F-16"
    number, suffix = m.groups()
    core = Core(i, i + 1, float(number.replace(",", "")), digits=True)
    core.plain_year = _reads_like_year(number)
    if suffix:
        word = lex.numbers.get(suffix.lower())
        if word is not None and word.kind in ("abbr", "scale"):
            core.value *= word.value
            core.scaled = True
        elif (unit := lex.units.get((suffix.lower(),))) is not None:
            core.unit = unit
        else:
            return None  # "1st", "2nd", "17th", "5am" is handled by the time units
    _consume_scales(doc, core, lex)
    return core


def _reads_like_year(number: str) -> bool:
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d", number))


def _parse_glued(doc: Doc, i: int, lex: QuantityLexicon) -> Core | None:
    """ "60–80" (a range), "~295" (about 295), "95–130km": one token that DIGITS does not read."""
    m = GLUED.match(doc[i].text)
    if m is None or (m.group(1) is None and m.group(3) is None):
        return None
    sign, low, high, suffix = m.groups()
    currency = lex.currency_pre.get(sign) if sign and sign.endswith("$") else None
    if sign and sign.endswith("$") and currency is None:
        return None
    core = Core(i, i + 1, float(low.replace(",", "")), digits=True, vague=sign in APPROX_SIGNS, currency=currency)
    if high is not None:
        core.high = float(high.replace(",", ""))
        if _reads_like_year(low) and _reads_like_year(high):
            return None  # "2014–2022": a time span, for the times stage
        if core.high <= core.value:
            return None  # "3-1" scores, "24-7", "737-800" models
    if suffix:
        unit = lex.units.get((suffix.lower(),))
        if unit is None:
            return None
        core.unit = unit
    _consume_scales(doc, core, lex)
    if core.high is not None and core.scaled:
        core.high *= core.value / float(low.replace(",", ""))  # "1–2 million": the scale is on both ends
    return core


def _consume_scales(doc: Doc, core: Core, lex: QuantityLexicon) -> None:
    """Scale words after a number: "1.2 million", "3 m" (an abbreviation must be glued: "£3m")."""
    while core.end < len(doc) and core.unit is None:
        nxt = doc[core.end]
        word = lex.numbers.get(nxt.lower_)
        if word is None or word.kind not in ("scale", "abbr"):
            return
        if word.kind == "abbr" and (doc[core.end - 1].whitespace_ or not core.digits):
            return
        core.value *= word.value
        core.scaled = True
        core.end += 1


def _parse_a_scale(doc: Doc, i: int, lex: QuantityLexicon) -> Core | None:
    """ "a dozen", "a hundred", "a million", "a few hundred"."""
    if i + 1 >= len(doc):
        return None
    word = lex.numbers.get(doc[i + 1].lower_)
    if word is None:
        return None
    if word.kind == "few":
        return _parse_few(doc, i, i + 1, lex)
    if word.kind != "scale":
        return None
    core = _parse_words(doc, i + 1, lex)
    if core is not None:
        core.start = i
    return core


def _parse_half(doc: Doc, i: int, lex: QuantityLexicon) -> Core | None:
    """ "half a million" = 500,000."""
    if i + 2 < len(doc) and doc[i + 1].lower_ in ("a", "an"):
        word = lex.numbers.get(doc[i + 2].lower_)
        if word is not None and word.kind == "scale" and word.value >= 1000:
            return Core(i, i + 3, 0.5 * word.value, scaled=True)
    return None


def _parse_few(doc: Doc, start: int, i: int, lex: QuantityLexicon) -> Core | None:
    """ "several hundred", "a few thousand": about three times the scale."""
    if i + 1 >= len(doc):
        return None
    word = lex.numbers.get(doc[i + 1].lower_)
    if word is None or word.kind != "scale":
        return None
    few = lex.numbers[doc[i].lower_].value
    return Core(start, i + 2, few * word.value, scaled=True, vague=True)


def _parse_vague(doc: Doc, i: int, lex: QuantityLexicon) -> Core | None:
    """ "dozens", "hundreds", "tens of thousands", "hundreds of millions": twice the scale, approximate."""
    base = lex.numbers[doc[i].lower_].value
    end = i + 1
    value = 2 * base
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        inner = lex.numbers.get(doc[end + 1].lower_)
        if inner is not None and inner.kind == "vague" and inner.value >= 1000 and inner.value > base:
            value = 2 * base * inner.value
            end += 2
    nxt = doc[end].lower_ if end < len(doc) else ""
    # "tens" and "scores" are numbers only in "tens of ..." / "scores of ...".
    if base in (10, 20) and end == i + 1 and nxt != "of":
        return None
    # "their hundreds", "the thousands who": not a figure; but "in the hundreds", "by the thousands" is
    determined = i > 0 and doc[i - 1].pos_ in ("DET", "PRON") and doc[i - 1].lower_ not in ("some", "many")
    if determined and not (i > 1 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ in ("in", "by", "into")):
        return None
    return Core(i, end, value, scaled=True, vague=True)


def _word_values(doc: Doc, i: int, lex: QuantityLexicon) -> list[tuple[float, str]] | None:
    """The number words of one token: "two" -> [(2, unit)], "twenty-five" -> [(20, unit), (5, unit)]."""
    low = doc[i].lower_
    half = low.endswith("-and-a-half")  # "three-and-a-half million"
    parts = low.removesuffix("-and-a-half").split("-")
    out = []
    for part in parts:
        word = lex.numbers.get(part)
        if word is None or word.kind not in ("unit", "scale"):
            return None
        out.append((word.value, word.kind))
    if half:
        out.append((0.5, "unit"))
    return out


def _parse_words(doc: Doc, i: int, lex: QuantityLexicon) -> Core | None:
    """Number words: "two", "twenty-five", "two hundred and fifty", "1.2 million", "a dozen"."""
    total = current = 0.0
    prev_kind, prev_value = "", 0.0
    scaled = False
    j = i
    while j < len(doc):
        low = doc[j].lower_
        if prev_kind == "unit" and [t.lower_ for t in doc[j : j + 6]] == HALF_TOKENS:
            current += 0.5  # "three-and-a-half million", split by the tokenizer
            j += 6
            continue
        if low == "-" and not doc[j - 1].whitespace_ and prev_kind == "unit" and j + 1 < len(doc):
            j += 1  # "twenty - five" split by the tokenizer
            continue
        if low == "and" and prev_kind == "scale" and j + 1 < len(doc):
            nxt = lex.numbers.get(doc[j + 1].lower_)
            if nxt is not None and nxt.kind == "unit":
                j += 1
                continue
            break
        values = _word_values(doc, j, lex)
        if values is None:
            break
        ok = True
        for value, kind in values:
            if kind == "unit":
                # "twenty five" goes on; "two three" does not.
                compound = prev_value >= 20 and prev_value % 10 == 0 and value < 10
                if value != 0.5 and prev_kind == "unit" and not compound:
                    ok = False
                    break
                current += value
            else:
                scaled = True
                if value < 1000:
                    current = (current or 1) * value
                else:
                    total += (current or 1) * value
                    current = 0
            prev_kind, prev_value = kind, value
        if not ok:
            break
        j += 1
    if j == i:
        return None
    if doc[j - 1].lower_ in ("-", "and"):
        j -= 1
    return Core(i, j, total + current, scaled=scaled)


def parse_range_high(doc: Doc, core: Core, lex: QuantityLexicon, between: bool) -> tuple[Core, int] | None:
    """The upper end of a range after ``core``: "-12,000", "to 12,000", "and 12,000" (after "between")."""
    j = core.end
    if j >= len(doc):
        return None
    joiner = doc[j].lower_
    if not (joiner == "and" if between else joiner in RANGE_WORDS):
        return None
    if j + 1 < len(doc) and doc[j + 1].text in lex.currency_pre:
        j += 1  # "between $5 and $7 billion"
    if j + 1 >= len(doc) or not is_number_start(doc, j + 1, lex):
        return None
    high = parse_core(doc, j + 1, lex)
    if high is None or high.vague or high.digits != core.digits:
        return None
    if core.unit is not None and high.unit != core.unit:
        return None  # "6% to 11%": a unit on the low end must be on the high end too
    if not high.scaled and high.plain_year and core.plain_year:
        return None  # "2014-2022" is a time span
    if high.scaled and not core.scaled:
        # "1-2 million", "between 10 and 12 million": the scale belongs to both ends
        scale = next(s for s in (1e12, 1e9, 1e6, 1e3, 1e2, 1.0) if high.value >= s)
        if core.value * scale <= high.value:
            core.value *= scale
    if high.value <= core.value:
        return None  # "3-1" scores, "24-7"
    return high, high.end
