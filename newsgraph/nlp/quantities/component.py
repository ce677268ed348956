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
  for a count the head of the counted noun ("troops"); ``counted`` is the counted noun phrase. The head is
  found past model names and asides ("18 F-16 fighter jets", "hundreds of ISIS (Islamic State) fighters"),
  through a partitive ("six of the country's eight capitals", "17 out of 18 districts"), in a compound
  adjective ("a five-storey block": 5 storey) and through a figure noun ("set the number of justices at
  nine"). A bare number also shares the noun of a parallel count ("54 nations signed, only 27 ratified"),
  of a total ("for a running total of 60") or of a comparison ("up from 1.2 million"). A bare
  "$" is US dollars unless the article names another dollar, or its places are all in one dollar
  country other than the US (quantities_currencies.tsv).
- ``category`` / ``subcategory`` come from the counted noun and the predicate it is the subject or
  object of ("600,000 soldiers have been killed or wounded" -> casualties / killed-or-wounded). A number
  with no noun of its own ("with more than 12,000 expected by December") counts what the previous count
  of its sentence counted. Categories: troops, security (police, gendarmes: law enforcement is not
  troops; "security forces" is troops), casualties (killed, wounded, killed-or-wounded, missing,
  captured), displaced, arrests, weapons, money, other. A subset ("five people, including two
  children, were killed") shares what happened to its set.
- ``status`` is "expected" for figures stated as expected or future.

Years, dates, clock times and durations belong to the times stage: a number inside ``doc._.times``, in a
spaCy DATE/TIME entity without a counted noun (unless the entity is numbers only: "from fourteen to 31"),
or followed by a time unit is not a quantity. Ordinals,
identifiers ("Article 5", "F-16", "a category 3 hurricane", "number 1 and 2"), names ("Six Flags"), bare
years, ages ("a man, 45,", "aged 45", "when I was two-and-a-half", "ranging in age from 11 to 75") and the
base of a rate ("per 100,000") are not quantities either.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.model import Quantity
from newsgraph.nlp.extensions import doc_text
from newsgraph.nlp.quantities.lexicon import Cue, QuantityLexicon, Unit, load_lexicon
from newsgraph.nlp.quantities.numbers import (
    DASHES,
    Core,
    is_number_start,
    parse_core,
    parse_range_high,
)
from newsgraph.nlp.words import FUTURE_AUX

# An article that names the US dollar means it by a bare "$".
US_DOLLAR = re.compile(r"\b(?:US|U\.S\.|American)\s*(?:\$|dollars?\b)|\bUSD\b", re.IGNORECASE)
# Nouns that stand for the figure in "a total of 39", "the death toll of 39", "the number of".
FIGURE_NOUNS = frozenset({"total", "toll", "number", "figure", "tally", "count", "estimate"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
COMPARATIVES = frozenset({"more", "other", "additional", "extra", "fewer", "further"})
ADJ_POS = frozenset({"ADJ", "PROPN"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Adjectives that head a count on their own: "27 dead", "12 wounded".
ADJECTIVE_HEADS = frozenset({"dead", "wounded", "injured", "missing", "displaced", "homeless"})
# Tokens that may sit between a number and its noun: "3,000 North Korean troops", "two tank brigades".
MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "DET", "NUM"})
WEIGHT_WORDS = frozenset({"weigh", "weight", "kg", "kilogram", "lb", "heavy", "payload"})
PLUS_MINUS = frozenset({"±", "+/-", "+-"})
COMPARISONS = frozenset({
    ("up", "from"), ("down", "from"), ("compared", "with"), ("compared", "to"), ("rising", "from"),
    ("falling", "from"),
})
AGE_FILLERS = frozenset({
    "a", "little", "just", "only", "barely", "about", "around", "almost", "nearly", "over", "under", "roughly",
})
AGE_RANGE_WORDS = frozenset({"from", "to", "between", "and", "or", ",", "-", "–"})
RANGE_VERBS = frozenset({"range", "vary"})  # "ranged from 200 to 300": one range, not a change
PERSON_PRONOUNS = frozenset({"he", "she", "i", "you"})
# Words that make a unit a rate: "per hour", "a year", "each day"; and the per-person bases of a rate.
RATE_WORDS = frozenset({"per", "a", "an", "each", "every"})
PER_PERSON = frozenset({"capita", "person", "head", "inhabitant", "resident"})
# Nouns after a hyphenated number that do not make it a count: "a two-state solution", "a two-way race".
NOT_COUNTED_COMPOUNDS = frozenset({
    "way", "state", "party", "sided", "fold", "pronged", "star", "point", "nil", "all", "tier", "track",
    "time", "thirds", "odd", "plus", "strong", "old",
})
# A bare number takes the noun of the previous count only this many words after it (same clause, roughly).
ELLIPSIS_WINDOW = 12
# Predicate cue categories that recategorise a count of people ("12 soldiers were killed").
EVENT_CATEGORIES = ("casualties", "arrests", "displaced")
PEOPLE_CATEGORIES = frozenset({"person", "troops", "security", "casualties", "displaced", "arrests"})
# Counted-noun categories that a count keeps when nothing happens to it ("3,000 troops", "40 drones").
NOUN_CATEGORIES = ("displaced", "arrests", "troops", "security")


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


class QuantitiesComponent:
    def __init__(self) -> None:
        self.lex: QuantityLexicon = load_lexicon()
        self.max_pre = self.lex.max_pre_bound
        self.max_post = self.lex.max_post_phrase
        # "$" is US dollars unless the article says otherwise (see quantities_currencies.tsv)
        other_signs = [re.escape(s) for s, c in self.lex.currency_pre.items() if s.endswith("$") and c != "USD"]
        self.other_dollar_signs = re.compile(r"(?<![\w.$])(?:" + "|".join(other_signs) + ")")
        self.other_dollar_names = [
            (" ".join(p), c) for p, c in self.lex.currency_post.items() if "dollar" in p[-1] and c != "USD"
        ]
        self.dollar = "USD"
        # the counted noun of the quantity being described, and of the last count a bare number may share
        self.noun: Token | None = None
        self.last_noun: Token | None = None

    def __call__(self, doc: Doc) -> Doc:
        time_spans = [(t.start, t.end) for t in (doc._.times or [])]
        quantities: list[Quantity] = []
        text = doc_text(doc)
        self.dollar = self._dollar_code(doc, text) if "$" in text else "USD"
        for sent in doc.sents:
            quantities.extend(self.sentence_quantities(doc, text, sent, time_spans))
        doc._.quantities = quantities
        return doc

    def _dollar_code(self, doc: Doc, text: str) -> str:
        """What a bare "$" means in this article: the one other dollar it names ("Canadian dollars",
        "C$") if it never names the US dollar, else the dollar of the one country its places are in if
        none is in the United States, else US dollars."""
        if US_DOLLAR.search(text):
            return "USD"
        others = {self.lex.currency_pre[m.group()] for m in self.other_dollar_signs.finditer(text)}
        if "ollar" in text:
            lowered = text.lower()
            others |= {code for name, code in self.other_dollar_names if name in lowered}
        if others:
            return others.pop() if len(others) == 1 else "USD"
        countries = {p.country for p in doc._.places or [] if p.country}
        dollars = {self.lex.dollar_countries.get(c) for c in countries}
        if "USA" not in countries and len(dollars - {None}) == 1 and len(countries) <= 2:
            return next(d for d in dollars if d is not None)
        return "USD"

    def sentence_quantities(
        self, doc: Doc, text: str, sent: Span, time_spans: list[tuple[int, int]]
    ) -> list[Quantity]:
        out: list[Quantity] = []
        last_count: Quantity | None = None
        i = sent.start
        while i < sent.end:
            if doc[i].ent_type_ == "ORDINAL" or not is_number_start(doc, i, self.lex):
                i += 1
                continue
            draft = self.read(doc, i, sent)
            if draft is None:
                i += 1
                continue
            i = max(draft.end, i + 1)
            if draft.core.end <= draft.core.start:
                continue  # read and rejected (a duration, an age, a compound adjective)
            start, end = doc[draft.start].idx, doc[draft.end - 1].idx + len(doc[draft.end - 1])
            if any(s < end and start < e for s, e in time_spans):
                continue
            quantity = self.describe(doc, text, draft, (start, end), sent, last_count)
            if quantity is None:
                continue
            out.append(quantity)
            subset = _in_subset(doc[draft.core.end - 1])
            if quantity.category not in ("money",) and draft.unit is None and quantity.counted and not subset:
                last_count = quantity  # the noun a later bare number may count ("..., with 12,000 expected")
                self.last_noun = self.noun
        return out

    # -- reading the span -------------------------------------------------------------------------

    def read(self, doc: Doc, i: int, sent: Span) -> Draft | None:
        """The number at token i with its bound, currency, range and unit, or None if it is none.

        A Draft whose core is emptied (end <= start) means "consumed, not a quantity": the caller skips
        its tokens so that "25-year-old" does not yield "25" again.
        """
        core = parse_core(doc, i, self.lex)
        if core is None:
            return None
        if core.unit is not None and core.unit.kind in ("time", "skip"):
            return Draft(core.start, core.end, Core(core.start, core.start, core.value))  # "8PM", "3rd"
        draft = Draft(core.start, core.end, core, unit=core.unit, high=core.high, currency=core.currency)
        self._read_before(doc, draft, sent)
        if core.high is not None or self._read_error_margin(doc, draft, sent):
            # "60–80 mph", "1010 ± 195 astronomical units": no further range to read
            if not self._read_after(doc, draft, sent):
                draft.core = Core(core.start, core.start, core.value)
            return draft
        between = draft.start > sent.start and doc[draft.start - 1].lower_ == "between"
        after_from = draft.start > sent.start and doc[draft.start - 1].lower_ == "from"
        # "from 6% to 11%" is a change (two figures); "6% to 11%", "6%-11%", "ranged from 6% to 11%" a range
        ranging = after_from and draft.start - 1 > sent.start and doc[draft.start - 2].lemma_.lower() in RANGE_VERBS
        change = after_from and not ranging and _range_word_after(doc, core.end, self.lex)
        glued = draft.unit is not None and draft.unit is core.unit
        if (draft.unit is None or glued) and not change:
            rng = parse_range_high(doc, core, self.lex, between)
            if rng is None and draft.unit is None:
                rng = self._range_with_units(doc, core, between, sent)
            if rng is not None:
                high, draft.end = rng
                draft.high, draft.unit = high.value, high.unit
                if between or ranging:
                    draft.start -= 1
        if not self._read_after(doc, draft, sent):
            draft.core = Core(core.start, core.start, core.value)
        return draft

    def _read_error_margin(self, doc: Doc, draft: Draft, sent: Span) -> bool:
        """ "1010 ± 195": a measurement with its margin of error, one approximate figure (the margin is
        not a quantity of its own)."""
        j = draft.end
        if j + 1 >= sent.end or doc[j].text not in PLUS_MINUS or not is_number_start(doc, j + 1, self.lex):
            return False
        margin = parse_core(doc, j + 1, self.lex)
        if margin is None:
            return False
        draft.end = margin.end
        if margin.unit is not None and draft.unit is None:
            draft.unit = margin.unit
        if draft.bound == "=":
            draft.bound = "~"
        return True

    def _range_with_units(self, doc: Doc, core: Core, between: bool, sent: Span) -> tuple[Core, int] | None:
        """ "6 % to 11 %", "10 km to 20 km": a range whose ends both carry the unit (as separate tokens)."""
        unit, n = self._unit_at(doc, core.end, sent.end)
        if unit is None or unit.kind not in ("measure", "percent"):
            return None
        low = replace(core, end=core.end + n)  # read the joiner after the unit
        rng = parse_range_high(doc, low, self.lex, between)
        if rng is None:
            return None
        high, end = rng
        high_unit, m = self._unit_at(doc, end, sent.end)
        if high_unit != unit:
            return None
        core.value = low.value  # a scale on the high end applies to both ("1 to 2 million")
        return replace(high, unit=unit), end + m

    def _shared_unit(self, doc: Doc, j: int, limit: int) -> Unit | None:
        """The measure unit of the next number when the two are joined by "and" / "or": "2 or 3 percent",
        "1.52 and 2.2m" (the span stays on the first number)."""
        if j + 1 >= limit or doc[j].lower_ not in ("and", "or") or not is_number_start(doc, j + 1, self.lex):
            return None
        other = parse_core(doc, j + 1, self.lex)
        if other is None or other.vague:
            return None
        unit = other.unit or self._unit_at(doc, other.end, limit)[0]
        return unit if unit is not None and unit.kind in ("measure", "percent") else None

    def _unit_at(self, doc: Doc, j: int, limit: int) -> tuple[Unit | None, int]:
        """The unit written at token j and its length in tokens."""
        for n in range(min(self.max_post, limit - j), 0, -1):
            unit = self.lex.units.get(tuple(t.lower_ for t in doc[j : j + n]))
            if unit is not None:
                return unit, n
        return None, 0

    def _read_before(self, doc: Doc, draft: Draft, sent: Span) -> None:
        """Currency sign and bound words before the number: "more than $5 billion"."""
        j = draft.start
        if j > sent.start and (code := self.lex.currency_pre.get(doc[j - 1].text)):
            draft.currency, j = (self.dollar if doc[j - 1].text == "$" else code), j - 1
        elif j > sent.start and draft.unit is None and (unit := self.lex.pre_units.get(doc[j - 1].lower_)):
            draft.unit, j = unit, j - 1
        if j > sent.start and doc[j - 1].lower_ in ("minus", "negative") and draft.currency is None:
            draft.core.value, j = -draft.core.value, j - 1  # "minus 20 degrees Celsius"
        # "about another 250": the bound is before "another"
        skip = 1 if j - 1 > sent.start and doc[j - 1].lower_ == "another" else 0
        for n in range(min(self.max_pre, j - skip - sent.start), 0, -1):
            words = tuple(t.lower_ for t in doc[j - skip - n : j - skip])
            bound = self.lex.pre_bounds.get(words)
            if bound is None:
                continue
            if n == 1 and j - skip - 1 > sent.start and self._blocked(doc[j - skip - 2], words[0]):
                break
            draft.bound, j = bound, j - skip - n
            break
        draft.start = j

    def _blocked(self, prev: Token, word: str) -> bool:
        """ "talked about 3 issues": the bound word is the verb's preposition."""
        blocked = self.lex.blocked_bounds
        return (prev.lemma_.lower(), word) in blocked or (prev.lower_, word) in blocked

    def _read_after(self, doc: Doc, draft: Draft, sent: Span) -> bool:
        """Unit, currency or post bound after the number; False if the number is not a quantity."""
        j = draft.end
        if j < sent.end and doc[j].text in DASHES and not doc[j - 1].whitespace_:
            # "10-kilometre", "3,000-strong", "25-year-old", "two-day", "three-storey"
            if j + 1 < sent.end and doc[j + 1].lower_ == "strong":
                draft.end = j + 2
                return True
            if j + 1 < sent.end and (unit := self.lex.units.get((doc[j + 1].lower_,))) is not None:
                draft.end = j + 2
                return self._take_unit(doc, draft, unit)
            if self.lex.post_bounds.get(tuple(t.lower_ for t in doc[j : j + 2])):
                pass  # "300-odd", "300-plus": read below
            else:
                draft.end = j + 2
                if j + 1 < sent.end and _counts_compound(draft.core, doc[j + 1]):
                    draft.head = doc[j + 1]  # "a five-storey block", "a 25-room home": a count of storeys
                    return True
                return False
        for n in range(min(self.max_post, sent.end - j), 0, -1):
            words = tuple(t.lower_ for t in doc[j : j + n])
            if (unit := self.lex.units.get(words)) is not None and draft.unit is None:
                draft.end = j + n
                return self._take_unit(doc, draft, unit)
            if (code := self.lex.currency_post.get(words)) is not None and draft.currency is None:
                if words[-1].startswith("pound") and _weighs(doc, sent, j + n):
                    draft.unit, draft.end = Unit("pound", "measure"), j + n  # "500 pounds of explosives"
                    return True
                draft.currency, draft.end = code, j + n
                return True
            if (bound := self.lex.post_bounds.get(words)) is not None and draft.bound == "=":
                draft.bound, draft.end = bound, j + n
                return True
        return True

    def _take_unit(self, doc: Doc, draft: Draft, unit: Unit) -> bool:
        if unit.kind in ("time", "skip"):
            return False
        if unit.kind in ("measure", "percent") and " per " not in unit.name:
            rate = self._rate_after(doc, draft.end, doc[draft.end - 1].sent.end)
            if rate is not None:
                # "195 kilometers per hour", "3 per cent a year", "10 billion cubic meters of gas per year":
                # a rate. The span stops before "per hour", which the times stage may read as a SET.
                unit = Unit(f"{unit.name} per {rate}", unit.kind)
        draft.unit = unit
        return True

    def _rate_after(self, doc: Doc, j: int, limit: int) -> str | None:
        """What a unit is per, written after it: "per hour", "a year", "each day", "per capita"; also
        after a short "of" phrase ("cubic meters of gas per year")."""
        if j < limit and doc[j].lower_ == "of":
            k = j + 1
            while k < min(limit, j + 4) and doc[k].pos_ in ("NOUN", "ADJ", "PROPN"):
                k += 1
            if k == j + 1:
                return None
            j = k
        if j + 1 >= limit or doc[j].lower_ not in RATE_WORDS:
            return None
        base = doc[j + 1].lower_
        if base in PER_PERSON and doc[j].lower_ == "per":
            return "capita"
        if doc[j].lower_ == "per":
            measure, _ = self._unit_at(doc, j + 1, limit)
            if measure is not None and measure.kind == "measure":
                return measure.name  # "0.064 mg per liter", "0.2 moles per cubic meter"
        rate = self.lex.units.get((base,))
        if rate is None or rate.kind != "time" or rate.name in ("month", "weekday", "am", "pm", "gmt", "utc"):
            return None
        return rate.name

    # -- what it counts ---------------------------------------------------------------------------

    def describe(
        self, doc: Doc, text: str, draft: Draft, span: tuple[int, int], sent: Span,
        last_count: Quantity | None,
    ) -> Quantity | None:
        start, end = span
        sent_end = sent.end
        core = draft.core
        if not math.isfinite(core.value) or (draft.high is not None and not math.isfinite(draft.high)):
            return None  # a number of 300+ digits: no float holds it, and no report gives it as a figure
        anchor = doc[core.end - 1]
        measured = draft.currency is not None or draft.unit is not None
        noun = draft.head if draft.head is not None else None if measured else counted_noun(
            doc, draft.end, sent_end, anchor)
        if noun is not None and (code := self.lex.currency_post.get((noun.lower_,))) is not None:
            draft.currency, noun = code, None  # "millions of dollars"
        if noun is None and not measured:
            draft.unit = self._shared_unit(doc, draft.end, sent_end)  # "the 1.52 and 2.2 m telescopes"
        measured = draft.currency is not None or draft.unit is not None
        if not self._is_quantity(doc, draft, noun, measured, sent.start):
            return None
        if noun is None and not measured:
            noun = _figure_of(anchor)  # "set the number of justices at nine": nine justices
        q = Quantity(
            start=start,
            end=end,
            text=text[start:end],
            value=_number(core.value),
            bound="~" if core.vague and draft.bound == "=" else draft.bound,  # type: ignore[arg-type]
            unit=None,
            high=_number(draft.high) if draft.high is not None else None,
        )
        if draft.currency is not None:
            rate = self._rate_after(doc, draft.end, sent_end)
            q.unit, q.category = draft.currency + (f" per {rate}" if rate else ""), "money"
            q.counted = _of_phrase(doc, draft.end, sent_end, ("in", "of", "worth"))
            return q
        if draft.unit is not None:
            q.unit, q.category = draft.unit.name, "other"
            q.counted = _of_phrase(doc, draft.end, sent_end, ("of",))
            if q.counted is None and draft.unit.name == "fraction":
                part = counted_noun(doc, draft.end, sent_end)  # "half the soldiers", "a two-thirds majority"
                q.counted = _noun_phrase_text(doc, draft.end, part) if part is not None else None
            return q
        noun_cue = self._noun_cue(noun) if noun is not None else None
        self.noun = noun
        if noun is not None and q.bound == "=" and noun.i >= draft.end:
            # "66 people or more": a post bound after the counted noun (the span stays on the number)
            q.bound = self.lex.post_bounds.get(tuple(t.lower_ for t in doc[noun.i + 1 : noun.i + 3]), "=")  # type: ignore[assignment]
        if noun is not None:
            q.unit = noun.text if noun.pos_ == "PROPN" else noun.lower_
            q.counted = _noun_phrase_text(doc, draft.end, noun) if noun.i >= draft.end else noun.lower_
        elif (
            last_count is not None
            and _standalone(anchor)
            and not _from_another_group(doc, draft.end, sent_end)
            and len(text[last_count.end : start].split()) <= ELLIPSIS_WINDOW
            and (
                self._inheritable(last_count)
                or _parallel(self.last_noun, anchor)
                or _total_of(anchor)
                or _compared(doc, draft.start)
            )
            and (last_count.unit or "").lower() not in ADJECTIVE_HEADS
        ):
            # "3,000 troops have been sent, with 12,000 expected": the bare number counts the same noun
            # (and takes the category that noun gives, not what happened to the earlier figure)
            q.unit, q.counted = last_count.unit, last_count.counted
            noun_cue = self._unit_cue(last_count.unit)
        self._categorise(q, noun if noun is not None else anchor, noun, noun_cue)
        return q

    def _noun_cue(self, noun: Token) -> Cue | None:
        """The cue of the counted noun; for a plain person noun, that of a modifier naming a force
        ("police officers" security, "army officers" troops)."""
        cue = _lookup(self.lex.nouns, noun)
        if cue is not None and cue.category != "person":
            return cue
        for child in noun.children:
            if child.dep_ in ("compound", "amod") and child.i < noun.i:
                mod = _lookup(self.lex.nouns, child)
                if mod is not None and mod.category in ("troops", "security"):
                    return mod
        return cue

    def _unit_cue(self, unit: str | None) -> Cue | None:
        word = (unit or "").lower()
        return self.lex.nouns.get(word) or self.lex.nouns.get(word.removesuffix("s"))

    def _inheritable(self, previous: Quantity) -> bool:
        """Only a count of people or things of a known category lends its noun to a bare number
        ("3,000 troops ..., with 12,000 expected"; not "between the two blasts, 20 were killed")."""
        if previous.category != "other":
            return True
        cue = self._unit_cue(previous.unit)
        return cue is not None and cue.category == "person"

    def _is_quantity(
        self, doc: Doc, draft: Draft, noun: Token | None, measured: bool, sent_start: int
    ) -> bool:
        """Reject years, identifiers, pronoun "one", addresses and numbers spaCy reads as dates."""
        core = draft.core
        first = doc[core.start]
        plain = draft.bound == "=" and not measured and draft.high is None
        if core.plain_year and not core.scaled and plain and (noun is None or noun.tag_ not in PLURAL_TAGS):
            return False
        if first.ent_type_ in ("DATE", "TIME") and noun is None and not measured and not _numbers_only_entity(first):
            return False
        unbounded = draft.bound == "=" and not measured
        if unbounded and draft.start > sent_start and _names_identifier(doc[draft.start - 1], self.lex, noun):
            return False
        if (
            unbounded
            and draft.start - 3 >= sent_start
            and doc[draft.start - 1].lower_ in ("and", "or", ",", "to")
            and doc[draft.start - 2].like_num
            and _names_identifier(doc[draft.start - 3], self.lex, noun)
        ):
            return False  # "number 1 and 2", "Articles 5 and 6": the second name of a pair
        if unbounded and noun is None and _continues_a_date(doc, draft, sent_start):
            return False  # "on March 4 and 5 respectively"
        if noun is None and not measured and draft.high is None and (
            _is_age(doc[core.end - 1], core.value) or _said_of_a_person(doc, draft.start, sent_start, core.value)
        ):
            return False  # "a man, 45,", "aged 45", "the ages of 18 and 60": an attribute, not a count
        if not measured and draft.start > sent_start and doc[draft.start - 1].lower_ == "per":
            return False  # "seven deaths per 100,000": the base of a rate, not a figure of its own
        if unbounded and _in_parentheses(doc, draft):
            return False  # list numbering: "(1) a two-thirds vote"
        # "one of them", "no one", "one another": a pronoun, unless it counts a noun it modifies;
        # "the one thing I try": "only", not a count
        if first.lower_ == "one" and core.end - core.start == 1:
            if noun is None or first.dep_ != "nummod":
                return False
            if draft.start > sent_start and doc[draft.start - 1].lower_ in ("the", "this", "that", "my", "his", "her"):
                return False
            if draft.start - 1 > sent_start and doc[draft.start - 1].lower_ in ("only", "single") and (
                doc[draft.start - 2].lower_ == "the"
            ):
                return False  # "the only one person who can": "only", not a count
        if noun is not None and noun.tag_ == "NNP" and plain and core.digits:
            return False  # "10 Downing Street"
        if noun is not None and plain and _capitalised_name(first, noun, sent_start):
            return False  # "a Six Flags park", "the Fantastic Four": a name
        if noun is not None and self._is_time_word(noun):
            return False  # "two consecutive days", "14 August": a duration or a date, for the times stage
        if noun is not None and noun.ent_type_ in ("DATE", "TIME") and not measured:
            return False  # "14 August-24 August": a date the times stage owns
        return not (noun is None and plain and not core.digits and not core.scaled and first.dep_ == "det")

    def _is_time_word(self, tok: Token) -> bool:
        unit = self.lex.units.get((tok.lower_.split("-", 1)[0],))
        return unit is not None and unit.kind == "time"

    def _categorise(self, q: Quantity, focus: Token, noun: Token | None, noun_cue: Cue | None) -> None:
        lex = self.lex
        context = predicate_context(focus)
        cues = [c for t in context if (c := _lookup(lex.predicates, t)) is not None]
        if any(c.category == "status" for c in cues) or _is_future(context):
            q.status = "expected"
        people = (
            noun is None
            or (noun_cue is not None and noun_cue.category in PEOPLE_CATEGORIES)
            or noun.ent_type_ == "NORP"
            or noun.tag_ == "NNPS"
        )
        # Towns are captured and evacuated too: for nouns not known to be people only killing, wounding
        # and arrests recategorise ("337 suspected users were arrested", not "5 towns captured").
        event_cues = [
            c for c in cues
            if c.category in EVENT_CATEGORIES
            and (people or (noun_cue is None and _unambiguous(c)))
        ]
        if noun_cue is not None and noun_cue.category == "weapons":
            q.category = "weapons"
        elif noun_cue is not None and noun_cue.category == "casualties":
            q.category, q.subcategory = "casualties", noun_cue.subcategory  # "deaths", "casualties"
        elif any(c.category == "casualties" for c in event_cues):
            q.category = "casualties"
            q.subcategory = _casualty_subcategory(event_cues)
        elif event_cues:
            q.category = event_cues[0].category
        elif noun_cue is not None and noun_cue.category in NOUN_CATEGORIES:
            q.category = noun_cue.category
        else:
            q.category = "other"


def _capitalised_name(first: Token, noun: Token, sent_start: int) -> bool:
    """A number word written with a capital inside a sentence, before a proper noun: part of a name."""
    return (
        first.i > sent_start
        and first.is_alpha
        and first.text[:1].isupper()
        and first.i + 1 < len(first.doc)
        and first.nbor(1).pos_ == "PROPN"
        and first.nbor(1).text[:1].isupper()
        and first.nbor(-1).text not in ('"', "“", ":", "—", "(")
    )


def _counts_compound(core: Core, head: Token) -> bool:
    """Is "<number>-<word>" a count of that word? "a five-storey block", "a 25-room home", "a 11-member
    panel"; not "one-time", "a two-state solution" (and time units are durations, read before)."""
    return (
        core.value >= 2
        and core.value.is_integer()
        and head.is_alpha
        and head.is_lower
        and len(head) > 2
        and head.tag_ == "NN"  # a noun in the singular, as compounds have it ("three-dimensional" is an ADJ)
        and head.lower_ not in NOT_COUNTED_COMPOUNDS
        and not (head.i + 1 < len(head.doc) and head.nbor(1).text in DASHES and not head.whitespace_)
    )


def _numbers_only_entity(tok: Token) -> bool:
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


def _range_word_after(doc: Doc, j: int, lex: QuantityLexicon) -> bool:
    """ "to" right after the number, or after its unit: "from 6 to 11", "from 6% to 11%"."""
    if j < len(doc) and (doc[j].lower_,) in lex.units:
        j += 1
    return j < len(doc) and doc[j].lower_ == "to"


def _number(value: float) -> float:
    """Whole numbers as ints in the JSON ("3000", not "3000.0") where a float holds them exactly: past 2**53
    int() invents digits (10**30 - 1 read as 1000000000000000019884624838656) and no SQL integer holds them.
    Others to 6 decimals, but a tiny figure is never rounded to nothing ("0.0000001 mm" is not 0)."""
    if float(value).is_integer():
        return int(value) if abs(value) < 2**53 else float(value)
    return round(value, 6) or value


def _weighs(doc: Doc, sent: Span, after: int) -> bool:
    """Is "pounds" a weight here? "500 pounds of explosives", "weighed 82 pounds (37 kg)"."""
    if after < len(doc) and doc[after].lower_ == "of":
        return True
    return any(t.lemma_.lower() in WEIGHT_WORDS for t in sent)


def _continues_a_date(doc: Doc, draft: Draft, sent_start: int) -> bool:
    """ "March 4 and 5", "May 3-5": a day number joined to a date."""
    k = draft.start - 2
    return (
        k >= sent_start
        and doc[k + 1].lower_ in ("and", "or", "to", "-", "–")
        and doc[k].ent_type_ == "DATE"
        and not _numbers_only_entity(doc[k])
        and draft.core.value <= 31
    )


def _said_of_a_person(doc: Doc, start: int, sent_start: int, value: float) -> bool:
    """ "when I was two-and-a-half", "when she was a little over four": a bare number a person is (an age)."""
    k = start - 1
    while k > sent_start and doc[k].lower_ in AGE_FILLERS:
        k -= 1
    return (
        0 < value <= 120
        and k > sent_start
        and doc[k].lower_ in ("was", "is", "am", "'m", "'s")
        and doc[k - 1].lower_ in PERSON_PRONOUNS
    )


def _figure_of(anchor: Token) -> Token | None:
    """The noun a figure noun counts when a bare number gives its value: "set the number of justices at
    nine", "the number of refugees rose to 3 million", "reduced the number of polling stations from 180 to
    5" -> justices, refugees, stations."""
    node = anchor.head if anchor.dep_ == "quantmod" and anchor.head.like_num else anchor  # "from 180 to 5"
    if node.dep_ != "pobj" or node.head.lower_ not in ("at", "to", "from"):
        return None
    for figure in node.head.head.children:
        if figure.dep_ not in ("dobj", "nsubj", "nsubjpass") or figure.lower_ not in FIGURE_NOUNS:
            continue
        for prep in figure.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                counted = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ in NOUN_POS]
                if counted:
                    return counted[0]
    return None


def _is_age(anchor: Token, value: float) -> bool:
    """A bare number that gives someone's age (spaCy usually tags these DATE; this catches the rest)."""
    if not anchor.like_num or not 0 < value <= 120:
        return False
    if anchor.dep_ == "appos" and anchor.head.pos_ in NOUN_POS:
        return True  # "the suspects, both 19, were charged"
    base = anchor
    while base.dep_ == "conj" and base.head.like_num:
        base = base.head  # "the ages of 18 and 60"
    k = base.i - 1
    doc = anchor.doc
    while k > 1 and doc[k].text in (",", "and") and doc[k - 1].like_num:
        k -= 2  # "aged nine, ten, thirteen": a list of ages
    prev = doc[k].lower_ if k >= 0 else ""
    j = anchor.i - 1
    while j > 0 and (doc[j].lower_ in AGE_RANGE_WORDS or doc[j].like_num) and anchor.i - j < 6:
        j -= 1  # "ranging in age from eleven to 75", "aged between 18 and 25"
    if j < anchor.i - 1 and doc[j].lemma_.lower() in ("age", "aged"):
        return True
    if prev == "aged" or (base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.lemma_ == "age"):
        return True
    # "when she was about 57": a bare number said of a person
    return base.dep_ in ("attr", "acomp") and base.head.lemma_ == "be" and any(
        c.dep_ == "nsubj" and (c.lower_ in PERSON_PRONOUNS or c.ent_type_ == "PERSON") for c in base.head.children
    )


def _float(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return 0.0


def _in_parentheses(doc: Doc, draft: Draft) -> bool:
    """ "(1)" or "1)": a list marker."""
    if draft.end >= len(doc) or doc[draft.end].text != ")":
        return False
    before = doc[draft.start - 1].text if draft.start > 0 else ""
    return before == "(" or not before.isalnum() or before.lower() in ("and", "or")


def _names_identifier(prev: Token, lex: QuantityLexicon, noun: Token | None) -> bool:
    """ "Article 5", "Resolution 2231", "Boeing 737", "No. 10", "top 10": the number names something.
    A lower-case word only does so when no counted noun follows ("the top three finishers" is a count)."""
    if prev.lower_ in lex.identifiers and (noun is None or not prev.is_lower or prev.lower_ in lex.strong_identifiers):
        return True
    if prev.text == "." and prev.i > 0 and prev.doc[prev.i - 1].lower_ in lex.identifiers:
        return True  # "No. 11" split as "No" "."
    if (unit := lex.units.get((prev.lower_,))) is not None and unit.name == "weekday":
        return False  # "On Saturday 12 people were killed"
    capitalised = prev.text[:1].isupper() and (prev.is_title or prev.pos_ == "PROPN" or len(prev) > 1)
    return prev.is_alpha and capitalised and prev.pos_ in NOUN_POS


def counted_noun(doc: Doc, j: int, sent_end: int, anchor: Token | None = None) -> Token | None:
    """The head noun of the noun phrase right after the number, or after "of": "3,000 North Korean
    troops", "hundreds of people", "two of the soldiers", "27 dead". None when there is none
    ("12,000 expected"). When the parser makes the number modify a noun of that phrase, that noun wins
    (the tagger sometimes reads a verb as a noun: "two factions pushing")."""
    if j + 1 < sent_end and doc[j].lower_ == "out" and doc[j + 1].lower_ == "of":
        j += 1  # "17 out of 18 districts"
    partitive = j < sent_end and doc[j].lower_ == "of"
    if partitive:
        j += 1
    noun = None
    run: list[Token] = []
    k = j
    limit = j + (8 if partitive else 6)
    while k < sent_end and k < limit:
        tok = doc[k]
        if tok.tag_ == "POS":  # "Russia's troops": the owner is not the counted noun
            noun = None
        elif partitive and noun is None and (tok.like_num or (tok.lower_ == "of" and doc[k - 1].like_num)):
            pass  # "six of the country's eight district capitals": the whole's noun counts the part too
        elif noun is None and (tok.tag_ == "PRP$" or _is_designation(tok.text)):
            pass  # "5,000 of its tanks", "18 F-16 fighter jets" (a model name tagged NUM)
        elif tok.text == "(" and noun is not None and (close := _closing_parenthesis(doc, k, sent_end)):
            limit += close + 1 - k  # "hundreds of ISIS (Islamic State) fighters": an aside inside the phrase
            k = close + 1
            continue
        elif tok.text in DASHES and not tok.whitespace_ and k > j:
            # "Russia-backed troops", "war-damaged structures": the compound modifies what follows
            nxt = doc[k + 1] if k + 1 < sent_end else None
            noun = nxt if nxt is not None and nxt.pos_ in NOUN_POS else None
            if nxt is not None:
                run.append(nxt)
            k += 2
            continue
        elif tok.pos_ in NOUN_POS and tok.text[:1].isalpha():  # not a symbol tagged NOUN ("±")
            noun = tok
        elif tok.pos_ == "ADJ" and tok.lower_ in ADJECTIVE_HEADS and noun is None:
            noun = tok  # "a toll of 27 dead", "12 wounded"
        elif tok.tag_ in ("VBN", "VBG", "VBD") and k + 1 < sent_end and doc[k + 1].pos_ == "NOUN" and noun is None:
            pass  # "337 suspected users", "12 fighting units", "1,217 pledged delegates" (tagged VBD)
        elif tok.pos_ == "ADV" and noun is None and k + 1 < sent_end and doc[k + 1].pos_ == "ADJ":
            pass  # "two slightly different pathways", "three heavily armed men"
        elif tok.lower_ in COMPARATIVES and noun is None:
            pass  # "230,000 more troops", "3 other civilians" (tagged ADV at times)
        elif tok.pos_ == "CCONJ" and noun is None and k > j and k + 1 < sent_end and doc[k + 1].pos_ in (
            *ADJ_POS, "NOUN"
        ):
            pass  # "230,000 more French and British troops", "hundreds of American and coalition members"
        elif tok.pos_ not in MODIFIER_POS or tok.pos_ == "NUM" or (tok.pos_ == "DET" and noun is not None):
            break
        run.append(tok)
        k += 1
    head = anchor.head if anchor is not None and anchor.dep_ == "nummod" else None
    plural_head = head is not None and head in run and head.pos_ in NOUN_POS and head.tag_ in PLURAL_TAGS
    if plural_head and (noun is None or noun.tag_ not in PLURAL_TAGS):
        noun = head  # "two factions pushing": a plural count wants a plural noun
    if noun is not None and noun.like_num:
        return None
    if noun is not None and anchor is not None and anchor.head == noun and anchor.dep_ in ("nsubj", "nsubjpass"):
        return None  # "Thousands protest in Paris": the "noun" is the number's predicate
    if noun is not None and noun.dep_ == "ROOT" and noun.tag_ == "NN" and noun.i == j:
        return None  # the same, mis-tagged: "Thousands march in Paris"
    return noun


def _is_designation(text: str) -> bool:
    """A model or unit name of letters and digits: "F-16", "T-72", "Su-25", "MiG-29"."""
    return any(c.isalpha() for c in text) and any(c.isdigit() for c in text)


def _closing_parenthesis(doc: Doc, k: int, sent_end: int) -> int | None:
    """The ")" that closes the "(" at k within eight tokens, if any."""
    for m in range(k + 1, min(sent_end, k + 10)):
        if doc[m].text == ")":
            return m
    return None


def _noun_phrase_text(doc: Doc, j: int, noun: Token) -> str:
    """ "North Korean troops" from the tokens between the number and its noun (no "of", no determiner)."""
    k = j
    numbers = [t.i for t in doc[j : noun.i] if t.like_num]
    if numbers:
        k = numbers[-1] + 1  # "six of the country's eight district capitals" -> "district capitals"
    while k < noun.i and (doc[k].lower_ in ("of", "out") or doc[k].pos_ == "DET" or doc[k].tag_ in ("POS", "PRP$")):
        k += 1
    return doc[k : noun.i + 1].text


def _of_phrase(doc: Doc, j: int, sent_end: int, preps: tuple[str, ...]) -> str | None:
    """What a measure or a sum is of: "500 tonnes of grain", "$5 billion in military aid"."""
    if j >= len(doc) or doc[j].lower_ not in preps:
        return None
    noun = counted_noun(doc, j + 1, sent_end)
    return _noun_phrase_text(doc, j + 1, noun) if noun is not None else None


def _parallel(previous: Token | None, anchor: Token) -> bool:
    """ "54 nations have signed, only 27 have ratified", "Warren had 8 delegates, and Klobuchar had 7": a bare
    number in the same role (subject, object) as the previous count's noun, in another clause, counts the
    same thing."""
    if previous is None or previous.head == anchor.head:
        return False
    subjects = ("nsubj", "nsubjpass")
    return (previous.dep_ in subjects and anchor.dep_ in subjects) or previous.dep_ == anchor.dep_ == "dobj"


def _compared(doc: Doc, start: int) -> bool:
    """ "1.5 million Ukrainians ..., up from 1.2 million in June": a figure compared with the one before."""
    before = tuple(t.lower_ for t in doc[max(0, start - 2) : start])
    return before in COMPARISONS


def _total_of(anchor: Token) -> bool:
    """ "earning 15 delegates for a running total of 60": a total counts what the figures before it count."""
    return anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lower_ in FIGURE_NOUNS


def _from_another_group(doc: Doc, j: int, sent_end: int) -> bool:
    """ "90 civilians were wounded, as were seventeen from the Armed Forces": a bare number with its own
    "from" group does not count the previous noun."""
    if j < sent_end and doc[j].lower_ == "each":
        j += 1
    return j < sent_end and doc[j].lower_ == "from"


def _standalone(anchor: Token) -> bool:
    """A number that heads its own phrase ("with more than 12,000 expected"), not one modifying a noun."""
    return anchor.dep_ not in ("nummod", "compound", "quantmod") or anchor.head.pos_ not in NOUN_POS


def predicate_context(focus: Token) -> list[Token]:
    """The words that say what happened to the counted things: the counted noun (or bare number), its
    modifiers ("wounded soldiers", "12,000 expected"), and the predicate it is subject or object of, with
    that predicate's conjuncts and complements ("have been killed or wounded", "are confirmed dead")."""
    out = [focus]
    base = focus
    if base.dep_ in ("nummod", "quantmod") and base.head.pos_ in ("ADJ", "PRON"):
        base = base.head  # "injured thirty more", "thirty others"
    while base.dep_ == "conj" and base.head.pos_ in (*NOUN_POS, "NUM"):
        base = base.head  # "12 soldiers and 3 civilians were killed"
    if _in_subset(base) and base.head.lower_ != "of":
        base = base.head.head  # "five people, including two children, were killed"
        while base.dep_ == "conj" and base.head.pos_ in (*NOUN_POS, "NUM"):
            base = base.head
    if base.dep_ == "pobj" and base.head.lower_ == "of" and _is_number_word(base.head.head):
        base = base.head.head  # "hundreds of soldiers died": the number is the subject
    if base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.lower_ in FIGURE_NOUNS:
        base = base.head.head  # "a total of 39 are dead", "the death toll of 39"
        out.append(base)
        out.extend(c for c in base.children if c.dep_ == "compound")
    for tok in (focus, base):
        for child in tok.children:
            if child.dep_ in ("acl", "relcl", "amod"):
                out.append(child)
                out.extend(c for c in child.children if c.dep_ in ("conj", "xcomp", "acomp", "oprd"))
    if base.dep_ in ("nsubj", "nsubjpass", "attr", "appos", "npadvmod"):
        out.extend(_predicate_words(base.head))
        if base.dep_ == "attr":  # "the confirmed deaths are fourteen civilians"
            out.extend(c for c in base.head.children if c.dep_ == "nsubj")
    elif base.dep_ == "dobj":
        out.append(base.head)  # "killed 12 and wounded 30": each verb has its own object
        # "left 6 dead"; "will send 5,000 troops"
        out.extend(c for c in base.head.children if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "aux"))
    elif base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.pos_ == "NOUN":
        out.append(base.head.head)  # "the death of at least 50 people", "the capture of 12 soldiers"
    elif base.dep_ == "pobj" and base.head.lower_ in ("to", "at"):
        verb = base.head.head  # "the death toll rose to 39", "stands at 39"
        out.append(verb)
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                out.append(child)
                out.extend(c for c in child.children if c.dep_ == "compound")
    return out


def _in_subset(tok: Token) -> bool:
    """Is the count (its number or its noun) the object of "including" / "among" a noun phrase?"""
    node = tok.head if tok.dep_ in ("nummod", "quantmod") else tok
    return (
        node.dep_ == "pobj"
        and node.head.lower_ in ("including", "among")
        and node.head.head.pos_ in (*NOUN_POS, "NUM")
    )


def _predicate_words(head: Token) -> list[Token]:
    out = [head]
    for child in head.children:
        if child.dep_ in ("conj", "xcomp", "acomp", "oprd", "attr", "aux"):
            out.append(child)
            if child.dep_ in ("xcomp", "conj"):
                out.extend(c for c in child.children if c.dep_ in ("conj", "acomp", "oprd"))
    # conjoined predicates with their own subject are about something else: "12 died and 30 were hurt"
    return [t for t in out if t is head or t.dep_ != "conj" or not _has_subject(t)]


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _is_number_word(tok: Token) -> bool:
    return tok.like_num or tok.lower_ in load_lexicon().numbers


def _unambiguous(cue: Cue) -> bool:
    """Cues that recategorise any counted noun: only people are killed, wounded or arrested."""
    return cue.category == "arrests" or cue.subcategory in ("killed", "wounded", "killed-or-wounded")


def _lookup(table: dict[str, Cue], tok: Token) -> Cue | None:
    return table.get(tok.lower_) or table.get(tok.lemma_.lower())


def _is_future(context: list[Token]) -> bool:
    return any(t.dep_ == "aux" and t.lower_ in FUTURE_AUX for t in context)


def _casualty_subcategory(cues: list[Cue]) -> str | None:
    kinds = {c.subcategory for c in cues if c.category == "casualties" and c.subcategory}
    if "killed-or-wounded" in kinds or {"killed", "wounded"} <= kinds:
        return "killed-or-wounded"
    for kind in ("killed", "wounded", "missing", "captured"):
        if kind in kinds:
            return kind
    return None


@Language.factory(
    "newsgraph_quantities",
    requires=["doc.ents", "doc._.times", "doc._.places"],
    assigns=["doc._.quantities"],
    default_config={},
)
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    return QuantitiesComponent()
