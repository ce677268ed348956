"""How likely a gazetteer record is the place a name means: a weighted sum of named parts, each a rule
(``places.resolve.*``), in order of strength:

1. an explicit pin ("Paris, Texas": +5 a record in the pinning division, +4 in the pinning country; also a
   place's possessive and the same name pinned elsewhere) and the kind of feature the text asks for: a
   division word after the name ("Karak district") asks for a division (+3 a division, +6.5 a county,
   -2 a town);
2. feature level: a country name means the country (8.5), then regions (8), first-level divisions (5),
   airports (5, +3 by their own name) and counties (1), over towns by the same name, unless the town is
   far bigger (a town scores log10 of its population, +1.5 a national capital);
3. the countries the article talks about (+2 a town, +3 anything else) and its dominant country (+1);
4. proximity: a town or county gains for every other name of the article with a reading nearby (see
   ``Context.neighbour_bonus``), and for lying in a division the article names near it (``Context.
   division_bonus``; half for a name that can be a national capital);
5. population (a tenth of log10 for a division), and the record's own name or its short form
   ("Newcastle" for Newcastle upon Tyne) over an alternate name (+1.5), as tie-breakers; a reading
   without coordinates loses 1.

The parts are summed in that fixed order. A place's trace names the parts that set the chosen reading
apart from the runner-up (``deciders``), not every term.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from newsgraph.nlp.places.context import Context
from newsgraph.nlp.places.gazetteer import GeoEntry, normalize
from newsgraph.nlp.places.gazetteer.airports import AIRPORT_KINDS
from newsgraph.nlp.places.pins import Pin
from newsgraph.nlp.places.stage import Stage
from newsgraph.nlp.places.toponym import Span, Toponym
from newsgraph.nlp.places.words import QUALIFIER_WORDS

AIRPORT_KIND_ENDINGS = tuple(" " + normalize(kind) for kind in AIRPORT_KINDS)  # " airport", " air base" ...

Part = tuple[str, float, Span | None]  # rule, value, evidence
Weigher = Callable[[Stage, GeoEntry, Toponym, Context, Pin | None], list[Part]]


def score(st: Stage, e: GeoEntry, t: Toponym, ctx: Context, pin: Pin | None) -> float:
    return total(parts(st, e, t, ctx, pin))


def total(ps: list[Part]) -> float:
    value = 0.0
    for _, v, _ in ps:
        value += v
    return value


def parts(st: Stage, e: GeoEntry, t: Toponym, ctx: Context, pin: Pin | None) -> list[Part]:
    """The parts of a record's score, in the order they are summed, each a rule that is on."""
    out: list[Part] = []
    for weigh in WEIGHERS:
        out += weigh(st, e, t, ctx, pin)
    return [p for p in out if st.on(p[0])]


def deciders(st: Stage, best: GeoEntry, runner_up: GeoEntry | None, t: Toponym, ctx: Context,
             pin: Pin | None) -> list[tuple[str, Span | None]]:
    """The rules whose parts set the chosen reading apart from the runner-up, with their evidence, in the
    order they are summed (none when the reading had no rival)."""
    if runner_up is None:
        return []
    won = parts(st, best, t, ctx, pin)
    lost: dict[str, float] = {}
    for rule, value, _ in parts(st, runner_up, t, ctx, pin):
        lost[rule] = lost.get(rule, 0.0) + value
    mine: dict[str, float] = {}
    evidence: dict[str, Span | None] = {}
    for rule, value, at in won:
        mine[rule] = mine.get(rule, 0.0) + value
        evidence.setdefault(rule, at)
    return [(rule, evidence[rule]) for rule in mine if mine[rule] > lost.get(rule, 0.0)]


# ------------------------------------------------------------------------------------------------
# the parts
# ------------------------------------------------------------------------------------------------


def _level(st: Stage, e: GeoEntry, t: Toponym, ctx: Context, pin: Pin | None) -> list[Part]:
    """Level, the division word, population, capital and airport name, in the order they are summed."""
    division_word = "places.resolve.division_word"
    population = "places.resolve.population"
    if e.level == "country":
        return [("places.resolve.level", 8.5, None)]
    if e.level == "region":
        return [("places.resolve.level", 8.0, None)]
    if e.level in ("admin1", "admin2"):
        level, word = (5.0, 3.0) if e.level == "admin1" else (1.0, 6.5)  # "Laurel County" names a county
        out: list[Part] = [("places.resolve.level", level, None)]
        if t.suffix:
            out.append((division_word, word, _suffix(t)))
        return [*out, (population, 0.1 * math.log10(e.population + 1), None)]  # Florida (USA) over Uruguay's
    if e.level == "site":
        # an airport: worth a middling town by its core name ("Heathrow"), all by its full one; a name with
        # no kind word ("Kalaburagi", an airport the gazetteer names like its city) is the city's
        key, name = normalize(t.text), normalize(e.name)
        out = [("places.resolve.level", st.settings.site_score, None)]
        full = key in (name, name.split(" ", 1)[-1]) and key.endswith(AIRPORT_KIND_ENDINGS)
        return [*out, ("places.resolve.airport_name", 3.0, None)] if full else out
    out = [(population, math.log10(e.population + 10), None)]
    if e.capital:
        out.append(("places.resolve.capital", 1.5, None))
    if t.suffix:
        out.append((division_word, -2.0, _suffix(t)))
    return out


def _suffix(t: Toponym) -> Span | None:
    """The division word's span (the evidence of ``places.found.suffix``)."""
    step = next((s for s in t.trace if s[0] == "places.found.suffix"), None)
    return (step[1], step[2]) if step else None


def _own_name(st: Stage, e: GeoEntry, t: Toponym, ctx: Context, pin: Pin | None) -> list[Part]:
    return [("places.resolve.own_name", 1.5, None)] if own_name(e, t) else []


def _pin(st: Stage, e: GeoEntry, t: Toponym, ctx: Context, pin: Pin | None) -> list[Part]:
    if not pin:
        return []
    division = normalize(e.admin1) if e.admin1 else None
    if division is not None and division in pin.keys:
        rule, at = pin.reason(division)
        return [(rule, 5.0, at)]
    if e.country in pin.keys:
        rule, at = pin.reason(e.country)
        return [(rule, 4.0, at)]
    return []


def _article_countries(st: Stage, e: GeoEntry, t: Toponym, ctx: Context, pin: Pin | None) -> list[Part]:
    if not ctx.countries.get(e.country):
        return []
    # (a point, a town or an airport, less than an area: "Kalaburagi" is the city, not its airport)
    return [("places.resolve.article_countries", 2.0 if e.level in ("city", "site") else 3.0,
             ctx.first_seen.get(e.country))]


def _dominant(st: Stage, e: GeoEntry, t: Toponym, ctx: Context, pin: Pin | None) -> list[Part]:
    """The country the story is about, over a namesake abroad."""
    if e.level != "country" and own_name(e, t) and e.country == ctx.dominant():
        return [("places.resolve.dominant_country", 1.0, ctx.first_seen.get(e.country))]
    return []


def _county_in_division(st: Stage, e: GeoEntry, t: Toponym, ctx: Context, pin: Pin | None) -> list[Part]:
    """"Washington County" in a story about Oregon."""
    if e.level != "admin2":
        return []
    bonus, at = ctx.division_bonus(e, t)
    return [("places.resolve.named_division", bonus, at)] if bonus else []


def _neighbours(st: Stage, e: GeoEntry, t: Toponym, ctx: Context, pin: Pin | None) -> list[Part]:
    bonus, at = ctx.neighbour_bonus(e, t)
    return [("places.resolve.neighbours", bonus, at)] if bonus else []


def _town_in_division(st: Stage, e: GeoEntry, t: Toponym, ctx: Context, pin: Pin | None) -> list[Part]:
    """A town by its own name, not a division the text names ("New York", "Wyoming" the states)."""
    key = normalize(t.text)
    if e.level != "city" or not own_name(e, t) or key in ctx.division_names:
        return []
    bonus, at = ctx.division_bonus(e, t)
    if not bonus:
        return []
    return [("places.resolve.named_division", bonus / 2 if key in ctx.capital_names else bonus, at)]


def _no_point(st: Stage, e: GeoEntry, t: Toponym, ctx: Context, pin: Pin | None) -> list[Part]:
    return [("places.resolve.has_point", -1.0, None)] if e.lat is None else []


WEIGHERS: tuple[Weigher, ...] = (_level, _own_name, _pin, _article_countries, _dominant, _county_in_division,
                                 _neighbours, _town_in_division, _no_point)


def own_name(e: GeoEntry, t: Toponym) -> bool:
    """Whether the toponym is the record's own name or its short form ("Newcastle" for Newcastle upon
    Tyne), rather than one of its alternate names ("Turkey", an old name of New Providence)."""
    name, key = normalize(e.name), normalize(t.text)
    if name == key:
        return True
    rest = name[len(key):].split() if name.startswith(key + " ") else []
    return bool(rest) and e.level == "city" and ((rest[0] in QUALIFIER_WORDS and len(rest) >= 2)
                                                 or (rest[0].startswith("(") and len(rest) == 1))
