"""What the words around a name say about its reading: a division it must be ("Atlanta, Georgia", "New
York Gov."), a division or country that pins it ("Paris, Texas", "Russia's Kursk region", and every
later "Paris"), a country it must lie in ("Giza's Haram district", "Smithville, Ontario.")."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsgraph.nlp.places.cues import possessor
from newsgraph.nlp.places.gazetteer import GeoEntry, normalize
from newsgraph.nlp.places.readings import entries
from newsgraph.nlp.places.stage import Stage
from newsgraph.nlp.places.toponym import Span, Toponym, chars, token_span
from newsgraph.nlp.places.words import GOVERNOR_TITLES


@dataclass
class Pin:
    """The division names (normalised) and countries that pin a name, and the rules that gave them."""

    keys: set[str] = field(default_factory=set)
    why: list[tuple[str, set[str], Span]] = field(default_factory=list)  # rule, the keys it gave, evidence

    def add(self, rule: str, keys: set[str], evidence: Span) -> None:
        self.keys |= keys
        self.why.append((rule, keys, evidence))

    def reason(self, key: str) -> tuple[str, Span]:
        """The rule that gave this key, and its evidence."""
        return next((rule, at) for rule, keys, at in self.why if key in keys)


@dataclass(frozen=True)
class Confine:
    """The countries the text puts a name in, beyond doubt."""

    countries: set[str]
    rule: str
    evidence: Span


def mark_divisions(st: Stage, doc: Doc, toponyms: list[Toponym]) -> None:
    """Names that can only mean a first-level division where they stand: after a town it lies in
    ("Atlanta, Georgia", "Bronx, New York": the state, not the country or the city), before a
    governor's title ("New York Gov. Mario Cuomo") and after "University of" or "State of". Sets
    ``division``, which ``readings`` obeys."""
    ending = {u.end: u for u in toponyms}
    for t in toponyms:
        if t.division or not any(e.level == "admin1" for e in st.gaz.lookup(t.text)):
            continue
        if t.end < len(doc) and doc[t.end].lower_ in GOVERNOR_TITLES and st.on("places.resolve.governor_title"):
            _division(t, "places.resolve.governor_title", token_span(doc, t.end))
            continue
        if t.start >= 2 and doc[t.start - 1].lower_ == "of" and doc[t.start - 2].lower_ in ("university", "state") \
                and st.on("places.resolve.university_of"):
            _division(t, "places.resolve.university_of", chars(doc, t.start - 2, t.start))
            continue
        town = ending.get(t.start - 1)
        if town is not None and doc[t.start - 1].text == ",":
            _after_town(st, doc, t, town)


def _after_town(st: Stage, doc: Doc, t: Toponym, town: Toponym) -> None:
    """"Atlanta, Georgia": the division the town before the comma lies in; "Smithville, Ontario.": a town
    we do not know there, then its division, ending the phrase (in "Paris, London, New York and Tokyo"
    the names are a list of towns)."""
    readings = st.gaz.lookup(town.text) + st.gaz.towns(town.text)
    seats = {(e.country, normalize(e.admin1)) for e in readings if e.level == "city" and e.admin1}
    if st.on("places.resolve.division_after_town") and any(
            (e.country, normalize(e.name)) in seats for e in st.gaz.lookup(t.text) if e.level == "admin1"):
        _division(t, "places.resolve.division_after_town", chars(doc, town.start, town.end))
    elif not any(e.level in ("country", "admin1") for e in readings) \
            and (t.end >= len(doc) or doc[t.end].lower_ not in ("and", "or", ",")) \
            and st.on("places.resolve.division_ends_phrase"):
        _division(t, "places.resolve.division_ends_phrase", chars(doc, town.start, town.end))


def _division(t: Toponym, rule: str, evidence: Span) -> None:
    t.division = True
    t.fired(rule, evidence)


def pins(st: Stage, doc: Doc, toponyms: list[Toponym]) -> dict[int, Pin]:
    """Toponym number -> what pins it: a division or country right after its comma ("Paris, Texas",
    "London, Ontario"), a place's possessive before it ("Giza's Haram district"), and the same name
    pinned elsewhere in the article."""
    out: dict[int, Pin] = {}
    if st.on("places.resolve.pin_comma"):
        for i in range(len(toponyms) - 1):
            a, b = toponyms[i], toponyms[i + 1]
            if b.start != a.end + 1 or doc[a.end].text != ",":
                continue
            keys = _division_keys(entries(st, doc, b))
            if keys:
                out.setdefault(i, Pin()).add("places.resolve.pin_comma", keys, chars(doc, b.start, b.end))
    if st.on("places.resolve.pin_possessive"):
        # "Giza's Haram district", "Russia's Kursk region": the possessor contains what it owns
        ending = {u.end: u for u in toponyms}
        for j, owned in enumerate(toponyms):
            owner = possessor(doc, owned, ending)
            if owner is None:
                continue
            keys = _container_keys(entries(st, doc, owner))
            if keys:
                out.setdefault(j, Pin()).add("places.resolve.pin_possessive", keys, chars(doc, owner.start, owner.end))
    return _spread(st, doc, toponyms, out) if st.on("places.resolve.pin_spread") else out


def _division_keys(readings: list[GeoEntry]) -> set[str]:
    keys = set()
    for e in readings:
        if e.level in ("admin1", "country"):
            keys.add(e.country)
            if e.level == "admin1":
                keys.add(normalize(e.name))
    return keys


def _container_keys(readings: list[GeoEntry]) -> set[str]:
    keys = set()
    for e in readings:
        keys.add(e.country)
        if e.level in ("admin1", "city") and e.admin1:
            keys.add(normalize(e.admin1))
    return keys


def _spread(st: Stage, doc: Doc, toponyms: list[Toponym], pinned: dict[int, Pin]) -> dict[int, Pin]:
    """One reading per name and article: "LONDON, Ky. ... London Police" pins every "London"."""
    by_name: dict[str, tuple[set[str], Span]] = {}
    for i, pin in pinned.items():
        name = normalize(toponyms[i].text)
        keys, at = by_name.get(name, (set(), chars(doc, toponyms[i].start, toponyms[i].end)))
        by_name[name] = (keys | pin.keys, at)
    out = dict(pinned)
    for i, t in enumerate(toponyms):
        found = by_name.get(normalize(t.text))
        if found and found[0] and i not in out:
            out[i] = Pin()
            out[i].add("places.resolve.pin_spread", found[0], found[1])
    return out


def confines(st: Stage, doc: Doc, toponyms: list[Toponym]) -> dict[int, Confine]:
    """Toponym number -> the countries the text puts a town-like name in, beyond doubt: a place's
    possessive before it ("Giza's Haram district") or a division or country after its comma that
    ends the phrase ("Smithville, Ontario."; not "Aleppo, Turkey and Iran", a list). A name none of
    whose readings lies there is left unresolved rather than sent abroad."""
    out: dict[int, Confine] = {}
    at = {t.start: i for i, t in enumerate(toponyms)}
    ending = {u.end: u for u in toponyms}
    for i, t in enumerate(toponyms):
        if any(e.level in ("country", "admin1", "region") for e in entries(st, doc, t)):
            continue  # "Russia, Turkey": a list of states, not a town and its state
        if t.start >= 2 and doc[t.start - 1].tag_ == "POS":
            owner = possessor(doc, t, ending)
            if owner is not None and st.on("places.resolve.confine_possessive"):
                countries = {e.country for e in entries(st, doc, owner) if e.country}
                if countries:
                    out[i] = Confine(countries, "places.resolve.confine_possessive", chars(doc, owner.start, owner.end))
            continue
        j = at.get(t.end + 1)
        if j is None or doc[t.end].text != "," or not st.on("places.resolve.confine_comma"):
            continue
        after = toponyms[j].end
        if after < len(doc) and doc[after].lower_ in ("and", "or", ","):
            continue
        states = {e.country for e in entries(st, doc, toponyms[j]) if e.level in ("admin1", "country")}
        if states:
            out[i] = Confine(states, "places.resolve.confine_comma", chars(doc, toponyms[j].start, toponyms[j].end))
    return out
