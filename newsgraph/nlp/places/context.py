"""What the whole article says that weighs on each name's reading (one ``Context`` per Doc): the countries
it talks about, the first-level divisions it names, the local places it names (neighbours), and the names
the gazetteer lacks that it writes as places."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsgraph.model import Actor
from newsgraph.nlp.places.cues import in_dateline, locative, of_a_place
from newsgraph.nlp.places.gazetteer import GeoEntry, admin_stem, distance_km, normalize
from newsgraph.nlp.places.readings import entries
from newsgraph.nlp.places.stage import Settings, Stage
from newsgraph.nlp.places.toponym import Span, Toponym, chars, token_span
from newsgraph.nlp.places.words import AREA_WORDS, DATELINE_ENDS, FEATURE_WORDS, OF_A_PLACE, STREET_WORDS

Point = tuple[float, float, bool]  # lat, lon, whether the reading is a county (admin2)


@dataclass
class Neighbour:
    """A local place of the article: the points its name can mean (towns, counties), where it stands."""

    points: list[Point]
    at: Span


@dataclass
class Context:
    """Country -> how often the article names or implies it; the divisions and the places it names."""

    settings: Settings
    countries: Counter[str] = field(default_factory=Counter)
    first_seen: dict[str, Span] = field(default_factory=dict)  # country -> where the article first names it
    divisions: dict[tuple[str, str], list[tuple[int, Span]]] = field(default_factory=dict)  # -> (token, span)
    division_names: set[str] = field(default_factory=set)  # names in the text that mean a division ("Wyoming")
    capital_names: set[str] = field(default_factory=set)  # names that can mean a national capital ("Washington")
    dateline: set[tuple[str, str]] = field(default_factory=set)  # divisions named in the dateline: near every name
    placed_unknowns: dict[str, Span] = field(default_factory=dict)  # names the index lacks, written as places
    neighbours: dict[str, Neighbour] = field(default_factory=dict)  # see ``neighbours``
    largest: dict[str, int] = field(default_factory=dict)  # name -> population of its biggest town reading

    def count(self, country: str, n: int, at: Span | None) -> None:
        self.countries[country] += n
        if at is not None and n and (country not in self.first_seen or at < self.first_seen[country]):
            self.first_seen[country] = at

    def dominant(self) -> str | None:
        """The country the article is mostly about, if one stands out (named at least twice)."""
        top = self.countries.most_common(2)
        if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
            return None
        return top[0][0]

    def division_bonus(self, e: GeoEntry, t: Toponym) -> tuple[float, Span | None]:
        """How much the divisions the article names favour a record in one of them, and where the division
        is named: fully when named near the name ("Flooding hit Iowa ... In Waterloo"), a little otherwise
        (a long story that names Michigan once does not move "Charlotte" there)."""
        if not e.admin1:
            return 0.0, None
        key = (e.country, normalize(e.admin1))
        where = self.divisions.get(key)
        if not where:
            return 0.0, None
        near = [at for i, at in where if abs(i - t.start) <= self.settings.division_window]
        if key in self.dateline or near:
            return self.settings.division_bonus, (near or [at for _, at in where])[0]
        return self.settings.division_bonus / 3, where[0][1]

    def neighbour_bonus(self, e: GeoEntry, t: Toponym) -> tuple[float, Span | None]:
        """How much other local places of the article lie near a town or county, and the one nearest in
        support: each other name with a reading within ``neighbour_km`` counts by the share of its
        readings (a name with one reading fully, "Paris" with ten namesakes hardly), up to a cap."""
        if e.level not in ("city", "admin2") or e.lat is None or e.lon is None:
            return 0.0, None
        s = self.settings
        key = normalize(t.text)
        # A neighbour tips the balance between namesakes of some weight; only the county a town lies in
        # ("Laurel County ... London") raises a small town over a metropolis.
        small = e.level == "city" and e.population * s.neighbour_max_ratio < self.largest.get(key, 0)
        reach = s.county_km if small else s.neighbour_km
        support, best, evidence = 0.0, 0.0, None
        stem = admin_stem(key)
        for name, n in self.neighbours.items():
            if name == key or admin_stem(name) == stem:
                continue  # "Karak" is no neighbour of "Karak district": the same name
            near = [distance_km(e.lat, e.lon, la, lo) for la, lo, county in n.points if county or not small]
            gain = 0.0
            if any(d <= s.close_km for d in near) and not small:
                gain = 1.0  # two names whose readings almost touch: a coincidence is unlikely
            elif any(d <= reach for d in near):
                gain = 1 / len(n.points)
            support += gain
            if gain > best:
                best, evidence = gain, n.at
        return min(support * s.neighbour_bonus, s.max_neighbour_bonus), evidence


def article_countries(st: Stage, doc: Doc, ctx: Context, actors: list[Actor], toponyms: list[Toponym]) -> None:
    """How often each country is named or implied in the article: states and affiliations from the
    actors, and names with only one reading in the gazetteer."""
    ambiguous: set[tuple[int, int]] = set()  # char spans of names that are a state and a division elsewhere
    for t in toponyms:
        readings = entries(st, doc, t)
        countries = {e.country for e in readings}
        if len(countries) == 1 and not t.variant:  # a respelt name needs the context, it gives none
            ctx.count(next(iter(countries)), 1, chars(doc, t.start, t.end))
        states = {e.country for e in readings if e.level == "country"}
        if states and any(e.level == "admin1" and e.country not in states for e in readings):
            ambiguous.add(chars(doc, t.start, t.end))  # "Georgia"
    for a in actors:
        code = a.country or (a.code if a.kind == "state" else None)
        if code:
            # "Doug Collins of Georgia": the actors stage's reading of an ambiguous name is no evidence
            # for that same name's reading
            mentions = [(m.start, m.end) for m in a.mentions if (m.start, m.end) not in ambiguous]
            ctx.count(code, len(mentions), min(mentions) if mentions else None)


def neighbours(st: Stage, doc: Doc, ctx: Context, toponyms: list[Toponym]) -> None:
    """Name -> the points of the local places (towns, counties) it can mean: "St. Thomas" next to
    "London" makes it London, Ontario. See ``Context.neighbour_bonus``."""
    for t in toponyms:
        key = normalize(t.text)
        if key in ctx.neighbours or t.seat_of is not None:
            continue
        local = [e for e in entries(st, doc, t)
                 if e.level in ("city", "admin2") and e.lat is not None and e.lon is not None]
        if local:
            points = [(e.lat, e.lon, e.level == "admin2") for e in local if e.lat is not None and e.lon is not None]
            ctx.neighbours[key] = Neighbour(points, chars(doc, t.start, t.end))
            ctx.largest[key] = max(e.population for e in local if e.level == "city") if any(
                e.level == "city" for e in local) else 0


def written_as_places(st: Stage, doc: Doc, ctx: Context, toponyms: list[Toponym]) -> None:
    """The names (normalised) written somewhere where only a place fits, with the words that write them
    so: after a locative preposition ("in Puge"), after "of" and a place noun ("villages of Foua"), after
    a place's possessive ("Cairo's Abbasiya"), before a known place it lies in ("Kfraya in Idlib",
    "Holliday, Missouri"), listed with a place ("Foua and Kfraya"), named as a street ("on Blackwater
    Road"), or in a dateline. The tagger calls many names places that are not ("Zappos", "Barca"): a
    name the index lacks needs this (``places.not.unwritten``)."""
    at = {u.start for u in toponyms}
    ends = {u.end for u in toponyms}
    for t in toponyms:
        cue = _before(st, doc, t, ends) or _after(doc, t, at, ends) or _in_name(doc, t)
        if cue is not None:
            ctx.placed_unknowns.setdefault(normalize(t.text), cue)


def _before(st: Stage, doc: Doc, t: Toponym, ends: set[int]) -> Span | None:
    """A locative, a place's possessive or an "of" that leads to a place, before the name."""
    i = t.start - 1
    while i >= 0 and doc[i].lower_ in ("the", "former"):  # "in former Yugoslavia"
        i -= 1
    if i < 0:
        return None
    if locative(st, doc, i) or (doc[i].tag_ == "POS" and i in ends):
        return token_span(doc, i)
    if of_a_place(st, doc, i, OF_A_PLACE):
        return chars(doc, i - 1, i + 1)
    return None


def _after(doc: Doc, t: Toponym, at: set[int], ends: set[int]) -> Span | None:
    """A place right after the name that contains it, or one it is listed with."""
    nxt = t.end
    if nxt + 1 < len(doc) and doc[nxt].lower_ in (",", "in", "near", "of", "and", "or") and nxt + 1 in at:
        return chars(doc, nxt, nxt + 2)
    if t.start > 1 and doc[t.start - 1].lower_ in (",", "and", "or") and t.start - 1 in ends:
        return token_span(doc, t.start - 1)
    return None


def _in_name(doc: Doc, t: Toponym) -> Span | None:
    """A word of streets, land or water in the name or of a town's parts after it; a dateline."""
    nxt = t.end
    word = next((w for w in doc[t.start:t.end] if w.lower_ in STREET_WORDS | FEATURE_WORDS), None)
    if word is not None:
        return token_span(doc, word.i)
    if nxt < len(doc) and doc[nxt].lower_ in AREA_WORDS:
        return token_span(doc, nxt)
    if (t.start == 0 and nxt < len(doc) and doc[nxt].text in DATELINE_ENDS) or in_dateline(doc, t):
        return token_span(doc, nxt)
    return None
