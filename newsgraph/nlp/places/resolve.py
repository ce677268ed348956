"""Resolution: each toponym's reading, weighed in the context of the whole article, as a Place that
records the rules that found it and decided its reading.

The context first: the countries the article talks about, what pins a name ("Paris, Texas"), the
divisions it names, its local places (neighbours), the unknown names it writes as places, the countries
it confines names to. Then each toponym: its candidate readings (``readings.py``), narrowed where the
name is a respelling or a facility, widened by the small towns of a division named near it; a name
confined to a country none of its readings lies in stays unresolved there; a name with no reading is
kept only where the text makes it a place; else the best-scoring reading (``score.py``) wins, and the
parts that set it apart from the runner-up go into the trace. Last, a place the gazetteer does not know
gets its country from the text, and a capital acting as its government is marked ``stands_for``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from spacy.tokens import Doc

from newsgraph.model import Actor, Place, PlaceLevel
from newsgraph.nlp.extensions import doc_text
from newsgraph.nlp.places.context import Context, article_countries, neighbours, written_as_places
from newsgraph.nlp.places.cues import in_dateline, looks_like_name
from newsgraph.nlp.places.gazetteer import GeoEntry, normalize
from newsgraph.nlp.places.pins import Confine, Pin, confines, mark_divisions, pins
from newsgraph.nlp.places.readings import entries
from newsgraph.nlp.places.reject import drop_person_names
from newsgraph.nlp.places.score import deciders, score
from newsgraph.nlp.places.stage import Stage
from newsgraph.nlp.places.toponym import Span, Toponym, chars, place_span
from newsgraph.nlp.rules import fired


@dataclass
class Article:
    """What resolution knows of one Doc: its text, the context, and the pins and confines by toponym."""

    doc: Doc
    text: str
    ctx: Context
    pins: dict[int, Pin]
    confines: dict[int, Confine]


def resolve_article(st: Stage, doc: Doc, toponyms: list[Toponym], actors: list[Actor]) -> list[Place]:
    """The places of the toponyms that are places, in text order."""
    mark_divisions(st, doc, toponyms)
    art = _article(st, doc, toponyms, actors)
    places = drop_person_names(st, [resolve(st, art, t, i) for i, t in enumerate(toponyms)], actors)
    dominant = art.ctx.dominant()
    where = art.ctx.first_seen.get(dominant) if dominant is not None else None
    countries_of_unknown_places(st, art.text, places, dominant, where)
    stands_for(st, places, actors)
    return places


def _article(st: Stage, doc: Doc, toponyms: list[Toponym], actors: list[Actor]) -> Article:
    ctx = Context(st.settings)
    article_countries(st, doc, ctx, actors, toponyms)
    pinned = pins(st, doc, toponyms)
    ctx.divisions = _named_divisions(st, doc, ctx, toponyms, pinned)
    neighbours(st, doc, ctx, toponyms)
    written_as_places(st, doc, ctx, toponyms)
    return Article(doc, doc_text(doc), ctx, pinned, confines(st, doc, toponyms))


def _named_divisions(st: Stage, doc: Doc, ctx: Context, toponyms: list[Toponym],
                     pinned: dict[int, Pin]) -> dict[tuple[str, str], list[tuple[int, Span]]]:
    """The first-level divisions the article is about: those it names ("Texas", "Ky.") and those that
    pin a name ("London, Ontario"), as (ISO3, normalised name). Local news names its towns with their
    state, so a small "Paris" in a Texas story is the Texan one. Each maps to the tokens and spans where
    it is named; one named in the dateline ("GLASGOW, Ky. (WBKO) --") places the whole story and goes
    into ``ctx.dateline``. (Weighed before any division is known: ``ctx.divisions`` is still empty.)"""
    out: dict[tuple[str, str], list[tuple[int, Span]]] = {}
    for i, t in enumerate(toponyms):
        readings = entries(st, doc, t)
        if not readings:
            continue
        if any(e.capital for e in readings):
            ctx.capital_names.add(normalize(t.text))
        best = max(readings, key=lambda e: score(st, e, t, ctx, pinned.get(i)))
        if best.level == "admin1" and best.admin1:
            key = (best.country, normalize(best.admin1))
            out.setdefault(key, []).append((t.start, chars(doc, t.start, t.end)))
            ctx.division_names.add(normalize(t.text))
            if in_dateline(doc, t):
                ctx.dateline.add(key)
    return out


# ------------------------------------------------------------------------------------------------
# one toponym
# ------------------------------------------------------------------------------------------------


def resolve(st: Stage, art: Article, t: Toponym, i: int) -> Place | None:
    start, end = place_span(art.doc, t)
    text = art.text[start:end]
    if t.country_of is not None:
        return _place(t, start, end, text, country=t.country_of)
    candidates = _candidates(st, art, t)
    if candidates is None:
        return None
    confine = art.confines.get(i)
    if candidates and confine and not any(e.country in confine.countries for e in candidates):
        # "Giza's Haram district", "Smithville, Ontario": none of our readings lies where the text
        # puts the name, so it stays unresolved, in the country it is put in
        p = _place(t, start, end, text, country=next(iter(confine.countries)) if len(confine.countries) == 1 else None)
        fired(p, confine.rule, confine.evidence)
        return p
    if not candidates:
        return _unknown(st, art, t, start, end, text)
    if t.suffix and all(e.level == "city" for e in candidates) and st.on("places.resolve.division_by_town"):
        # "Hall County": a division we only know by a namesake town; trust it only in a known country
        candidates = [e for e in candidates if art.ctx.countries.get(e.country)]
        if not candidates:
            p = _place(t, start, end, text)
            fired(p, "places.resolve.division_by_town")
            return p
    return _chosen(st, art, t, i, candidates, start, end, text)


def _candidates(st: Stage, art: Article, t: Toponym) -> list[GeoEntry] | None:
    """The readings to weigh: a respelling only where the article allows it, a facility's town only if
    big or in the article's countries (None: the facility is no place), and the small towns of a
    division named near the name."""
    ctx = art.ctx
    out = entries(st, art.doc, t)
    if t.variant:
        # a respelt name: only in a country the article is about ("Dayr Az Zayr" in Syria), and a small
        # town only in a division named near it ("Qatraneh in the Karak district" is Al Qatranah)
        out = [e for e in out if ctx.countries.get(e.country) and _in_named_division(e, ctx)
               and (e.level != "city" or e.population >= st.settings.variant_population
                    or ctx.division_bonus(e, t)[0] >= st.settings.division_bonus)]
    if t.facility_of is not None:  # a facility by a town: a big town, or one in the story's countries
        out = [e for e in out if ctx.countries.get(e.country) or e.population >= st.settings.variant_population]
        if not out:
            return None
    return out + _local_towns(st, t, ctx)


def _in_named_division(e: GeoEntry, ctx: Context) -> bool:
    """Whether a record lies in one of the divisions the article names in its country, if it names any
    there: a loose spelling match ("Maoxian" for Meizhou, Guangdong) must not leave the province the
    story is about (Sichuan)."""
    named = {name for country, name in ctx.divisions if country == e.country}
    return not named or (e.admin1 is not None and normalize(e.admin1) in named) or e.level in ("country", "admin1")


def _local_towns(st: Stage, t: Toponym, ctx: Context) -> list[GeoEntry]:
    """Small towns called so in a division named near the name ("Edmonton" in a Kentucky story): the
    main index leaves towns under 5,000 people out, local news is full of them."""
    if not ctx.divisions or t.suffix or t.seat_of is not None or not st.on("places.resolve.small_towns"):
        return []
    return [e for e in st.gaz.towns(t.text) if ctx.division_bonus(e, t)[0] >= st.settings.division_bonus]


def _unknown(st: Stage, art: Article, t: Toponym, start: int, end: int, text: str) -> Place | None:
    """A name the gazetteer does not know: kept, without coordinates, where the text makes it a place."""
    if st.on("places.not.unknown_shape") and (
            not (t.spacy_place or t.suffix or t.street) or not (t.street or looks_like_name(text)) or len(text) <= 2):
        return None  # two letters the gazetteer does not know ("La" of "La Silla") are no place
    cue = art.ctx.placed_unknowns.get(normalize(t.text))
    if st.on("places.not.unwritten") and not (t.suffix or t.division or t.locative or t.street or cue):
        return None  # a name we cannot place, and nothing in the text says it is a place
    p = _place(t, start, end, text)
    if cue and not (t.suffix or t.division or t.locative or t.street) and st.on("places.not.unwritten"):
        fired(p, "places.not.unwritten", cue)  # kept: the text writes it as a place there
    return p


def _chosen(st: Stage, art: Article, t: Toponym, i: int, candidates: list[GeoEntry], start: int, end: int,
            text: str) -> Place:
    """The best-scoring reading as a Place, with the rules that set it apart from the runner-up."""
    pin = art.pins.get(i)
    scores = [score(st, e, t, art.ctx, pin) for e in candidates]
    top = max(range(len(candidates)), key=lambda k: scores[k])
    best = candidates[top]
    rivals = [k for k in range(len(candidates)) if k != top]
    runner_up = candidates[max(rivals, key=lambda k: scores[k])] if rivals else None
    if t.facility_of is not None:  # the facility, at its town's coordinates and precision
        p = _place(t, start, end, text, country=best.country, lat=_round(best.lat), lon=_round(best.lon),
                   level="city", admin1=best.admin1)
    elif t.seat_of is not None:  # the building, at its city's coordinates
        p = _place(t, start, end, text, country=best.country, lat=_round(best.lat), lon=_round(best.lon),
                   level="site", admin1=best.admin1)
    else:
        p = _place(t, start, end, text, name=best.name, country=best.country or None, lat=_round(best.lat),
                   lon=_round(best.lon), geonameid=best.geonameid, level=best.level, admin1=best.admin1)
    for rule, at in t.entries_by:
        fired(p, rule, at)
    if best not in (t.entries or []) and st.on("places.resolve.small_towns"):
        fired(p, "places.resolve.small_towns", art.ctx.division_bonus(best, t)[1])
    for rule, at in deciders(st, best, runner_up, t, art.ctx, pin):
        fired(p, rule, at)
    return p


def _place(t: Toponym, start: int, end: int, text: str, *, name: str | None = None, country: str | None = None,
           lat: float | None = None, lon: float | None = None, geonameid: int | None = None, level: str | None = None,
           admin1: str | None = None) -> Place:
    """A Place for the toponym (by default unresolved: its own text, no country, no coordinates), with
    the rules that found and marked it."""
    p = Place(start, end, text, name=text if name is None else name, country=country, lat=lat, lon=lon,
              geonameid=geonameid, level=cast(PlaceLevel | None, level), admin1=admin1)
    p.rule, p.trace = t.rule, [list(step) for step in t.trace]
    return p


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 5)


# ------------------------------------------------------------------------------------------------
# after resolution
# ------------------------------------------------------------------------------------------------

# Text between an unknown place and a known one that contains it: "Kfraya in Idlib", "Puge county of
# Sichuan province", "Qatraneh in the Karak district", "Smithville, Ontario".
_CONTAINED_IN = re.compile(r"\s*(?:,|\s(?:county|district|village|town|city|province|region))?"
                           r"\s*(?:(?:in|of|near)\s+(?:the\s+)?)?$", re.IGNORECASE)
_LISTED = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+")


def countries_of_unknown_places(st: Stage, text: str, places: list[Place], dominant: str | None,
                                dominant_at: Span | None) -> None:
    """A name the gazetteer does not know keeps no coordinates, but its country is usually plain: the
    place written right after it as its container ("Kfraya in Idlib"), a place it is listed with, else
    the country the article is mostly about (an unknown village in a story about Syria is Syrian). Sets
    ``country`` in place."""
    for i, p in enumerate(places):
        if p.country is not None or p.lat is not None:
            continue
        nxt = places[i + 1] if i + 1 < len(places) else None
        prev = places[i - 1] if i > 0 else None
        if nxt is not None and nxt.country and nxt.start - p.end <= 30 and st.on("places.resolve.container_country") \
                and _CONTAINED_IN.match(text[p.end:nxt.start]) and text[p.end:nxt.start].strip():
            _country(p, nxt.country, "places.resolve.container_country", (nxt.start, nxt.end))
        elif nxt is not None and nxt.country and _LISTED.fullmatch(text[p.end:nxt.start]) \
                and st.on("places.resolve.listed_country"):
            _country(p, nxt.country, "places.resolve.listed_country", (nxt.start, nxt.end))  # "Ingham or Townsville"
        elif prev is not None and prev.country and _LISTED.fullmatch(text[prev.end:p.start]) \
                and st.on("places.resolve.listed_country"):
            _country(p, prev.country, "places.resolve.listed_country", (prev.start, prev.end))
        elif dominant is not None and st.on("places.resolve.dominant_unknown"):
            _country(p, dominant, "places.resolve.dominant_unknown", dominant_at)


def _country(p: Place, country: str, rule: str, evidence: Span | None) -> None:
    p.country = country
    fired(p, rule, evidence)


def stands_for(st: Stage, places: list[Place], actors: list[Actor]) -> None:
    """A capital's name that stands for its state's government there ("Moscow and Pyongyang have worked
    to ..."): the place is still named, geoparsing corpora count it, and the map can tell it from a
    place where something happened."""
    if not st.on("places.resolve.stands_for"):
        return
    governments = {(m.start, m.end): a.code for a in actors for m in a.mentions
                   if m.form == "seat" and a.kind == "state" and a.code}
    for p in places:
        p.stands_for = governments.get((p.start, p.end))
        if p.stands_for is not None:
            fired(p, "places.resolve.stands_for", (p.start, p.end))
