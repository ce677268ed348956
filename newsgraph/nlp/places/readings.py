"""The candidate readings of a toponym: the gazetteer records it may refer to, and the rules that shaped
the list (``places.resolve.*``). A building of government reads as its capital, a facility as its town,
a small town listed with a place as a town of that place's division; any other name by its own text,
narrowed by the marks the text put on it ("La" without its full stop, "the city of Omsk", "Atlanta,
Georgia"), widened by the division its division word names ("Karak district"); a name not found so is
looked up without its division words, without its direction words, as a facility's town, and last under
another spelling. Computed once per toponym (``Toponym.entries``)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.places.gazetteer import GeoEntry, admin_stem, normalize
from newsgraph.nlp.places.stage import Stage
from newsgraph.nlp.places.toponym import Span, Toponym, place_span, token_span
from newsgraph.nlp.places.words import DIRECTION_WORDS, FACILITY_WORDS


def entries(st: Stage, doc: Doc, t: Toponym) -> list[GeoEntry]:
    """The toponym's candidate readings (a fresh list each time; computed once)."""
    if t.entries is None:
        t.entries = _readings(st, doc, t)
    return list(t.entries)


def _readings(st: Stage, doc: Doc, t: Toponym) -> list[GeoEntry]:
    if t.country_of is not None:
        return []  # no one record: the text says only which country
    for special in (_seat, _facility, _listed):
        found = special(st, doc, t)
        if found is not None:
            return found
    out = _by_name(st, doc, t)
    for fallback in (_stem, _direction_stripped, _named_facility, _variant):
        if out:
            return out
        found = fallback(st, doc, t)
        if found is not None:  # the fallback applies: its answer, even none, is the answer
            return found
    return out


def _step(t: Toponym, rule: str, evidence: Span | None = None) -> None:
    t.entries_by.append((rule, evidence))


# ------------------------------------------------------------------------------------------------
# names that stand for another place
# ------------------------------------------------------------------------------------------------


def _seat(st: Stage, doc: Doc, t: Toponym) -> list[GeoEntry] | None:
    """A building of government: the biggest city of the capital's name in its state."""
    if t.seat_of is None:
        return None
    if not st.on("places.resolve.seat_capital"):
        return []
    capital = st.capitals.get(t.seat_of, "")
    cities = [e for e in st.gaz.lookup(capital) if e.country == t.seat_of and e.level == "city"]
    _step(t, "places.resolve.seat_capital")
    return sorted(cities, key=lambda e: -e.population)[:1]


def _facility(st: Stage, doc: Doc, t: Toponym) -> list[GeoEntry] | None:
    """A facility: the towns it may be named after ("Tabqa Dam")."""
    if t.facility_of is None:
        return None
    return _facility_towns(st, doc, t)


def _facility_towns(st: Stage, doc: Doc, t: Toponym) -> list[GeoEntry]:
    if not st.on("places.resolve.facility_town") or t.facility_of is None:
        return []
    start = place_span(doc, t)[0]
    _step(t, "places.resolve.facility_town", (start, start + len(t.facility_of)))
    return [e for e in st.gaz.lookup(t.facility_of) if e.level == "city"]


def _listed(st: Stage, doc: Doc, t: Toponym) -> list[GeoEntry] | None:
    """A small town listed with a place: the towns of that name in the place's division."""
    if t.listed_with is None:
        return None
    return st.listed_towns(t.text, t.listed_with)


# ------------------------------------------------------------------------------------------------
# the name itself, and what the text says of it
# ------------------------------------------------------------------------------------------------


def _by_name(st: Stage, doc: Doc, t: Toponym) -> list[GeoEntry]:
    """The records of the name, narrowed by its marks and widened by its division word."""
    out = _abbreviation_dot(st, t, st.gaz.lookup(t.text))
    if t.town:  # "the city of Omsk", "the city of Turkey" (Texas): a town, not a division or a country
        out = [e for e in out if e.level == "city"] or out
    if t.division:
        out = [e for e in out if e.level == "admin1"] or [e for e in out if e.level == "admin2"] or out
    if t.suffix and st.on("places.resolve.division_stem"):
        # "Karak district": the Jordanian governorate as well as any district called so in full
        divisions = [e for e in st.gaz.lookup(admin_stem(t.text)) if e.level == "admin1"]
        added = [e for e in divisions if e not in out]
        if added:
            _step(t, "places.resolve.division_stem", token_span(doc, t.end - 1))
        out = out + added
    return out


def _abbreviation_dot(st: Stage, t: Toponym, out: list[GeoEntry]) -> list[GeoEntry]:
    """A division reached only through its abbreviation needs the abbreviation's full stop ("La." is
    Louisiana, "La" of "La Silla" is not)."""
    key = normalize(t.text)
    if t.dotted or len(key) > 4 or not st.on("places.resolve.abbreviation_dot"):
        return out
    kept = [e for e in out if e.level != "admin1" or key in (normalize(e.name), admin_stem(e.name))]
    if len(kept) < len(out):
        _step(t, "places.resolve.abbreviation_dot")
    return kept


def _stem(st: Stage, doc: Doc, t: Toponym) -> list[GeoEntry] | None:
    """The name without its division words: a division or town called by the stem ("Hall County")."""
    if not st.on("places.resolve.stem"):
        return None
    out = []
    if t.suffix:
        out = [e for e in st.gaz.lookup(admin_stem(t.text)) if e.level in ("admin1", "city")]
    if not out:
        stem = admin_stem(t.text)
        if stem and stem != normalize(t.text):
            out = st.gaz.lookup(stem)
    if not out:
        return None
    _step(t, "places.resolve.stem")
    return out


def _direction_stripped(st: Stage, doc: Doc, t: Toponym) -> list[GeoEntry] | None:
    """"Western Canada" is part of the country; "Montreal East" part of the city."""
    if not st.on("places.resolve.direction_stripped"):
        return None
    words = normalize(t.text).split()
    lead = 0
    while lead < len(words) and words[lead] in DIRECTION_WORDS:
        lead += 1
    tail = len(words)
    while tail > lead and words[tail - 1] in DIRECTION_WORDS:
        tail -= 1
    if not (lead < tail and (lead, tail) != (0, len(words))):
        return None
    out = [e for e in st.gaz.lookup(" ".join(words[lead:tail])) if not lead or e.level != "city"]
    if not out:
        return None
    _step(t, "places.resolve.direction_stripped")
    return out


def _named_facility(st: Stage, doc: Doc, t: Toponym) -> list[GeoEntry] | None:
    """"the Haditha Dam": a facility we do not know, named after a town we do (see finders.facilities)."""
    words = t.text.split()
    if len(words) > 1 and words[-1].lower() in FACILITY_WORDS and t.facility_of is None \
            and st.on("places.resolve.facility_town"):
        t.facility_of = " ".join(words[:-1])
        return _facility_towns(st, doc, t)
    return None


def _variant(st: Stage, doc: Doc, t: Toponym) -> list[GeoEntry] | None:
    """"Dayr Az Zayr": a spelling the index lacks, of a big enough place (not an acronym: "CORAC")."""
    if not (t.text[:1].isupper() and not t.text.isupper()) or not st.on("places.resolve.variant"):
        return []
    out = st.gaz.lookup_variant(admin_stem(t.text) if t.suffix else t.text)
    t.variant = bool(out)
    if out:
        _step(t, "places.resolve.variant")
    return out
