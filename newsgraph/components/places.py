"""The places stage: toponyms in the text, resolved against the offline gazetteer.

Recognition: spaCy GPE/LOC, repaired where the tagger slips ("Kursk" tagged PRODUCT before "region",
"Near Ar Raqqah" tagged PERSON, "Danbury" tagged ORG), extended over administrative suffixes ("Kursk
region", "Donetsk Oblast"), cleaned of "the" and possessive endings; plus datelines ("KABUL (Reuters)"),
country prefixes inside one token ("U.S.-led"), well-known places inside organization names
("Environment Canada") and seats of government used as buildings ("outside the White House", placed at
the capital). Not places: demonyms, and capitals or seats the actors stage found acting as a government
("Moscow and Pyongyang have worked"); a country name is a place even when it is also an actor.

Resolution: every gazetteer record of the name is scored by level (a country name means the country;
a suffix asks for a division), population, and the countries the article already talks about (from
actors and from the names that resolve unambiguously), so "Washington" next to the Pentagon is the US
capital and "Georgia" next to Tbilisi the country. Local news names its towns with their state:
a division named near a name favours the towns in it ("Waterloo" after "Iowa"), and brings in small
towns the main index leaves out ("Edmonton" in a Kentucky story); "Paris, Texas" pins every later
"Paris" of the article. "Laurel County" resolves to the county (level admin2). A name the gazetteer
does not know keeps no coordinates.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.components.actors import load_actor_lexicon, toponym_texts
from newsgraph.components.extensions import doc_text
from newsgraph.model import Place
from newsgraph.resources.gazetteer import ADMIN_SUFFIXES, Gazetteer, GeoEntry, admin_stem, load, normalize

PLACE_LABELS = frozenset({"GPE", "LOC"})
# Labels spaCy sometimes gives to a toponym; taken only when the gazetteer knows the name well.
MISLABELS = frozenset({"PRODUCT", "ORG", "FAC", "WORK_OF_ART", "EVENT", "PERSON", "NORP"})
POSSESSIVE = ("'s", "’s", "'", "’")
# Division words that follow a name ("Kursk region"); "city" is left out ("Gaza City" is a name).
SUFFIX_WORDS = frozenset(ADMIN_SUFFIXES - {"city", "administrative", "autonomous", "state", "department"})
# A misread name must be at least this big a city to be taken without the tagger's agreement.
MIN_MISLABEL_POPULATION = 100_000
# After these a misread name that the gazetteer knows is taken at any size ("in Bantam").
LOCATIVE_PREPS = frozenset({"in", "near", "at", "outside", "from", "into"})
# Words that point into a part of a place ("Western Canada", "northern Iraq"): looked up without them.
DIRECTION_WORDS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
        "southwestern", "upper", "lower", "greater", "far"
    }
)
# Words that are division names somewhere but mean something else inside an organization's name.
GENERIC_NAME_WORDS = frozenset(
    {"the", "centre", "center", "union", "federal", "central", "capital", "national", "state", "city", "county",
     "international", "general", "royal", "united", "republic", "new", "saint", "st.", "st"}
) | DIRECTION_WORDS
# A city the tagger missed must be this big to be taken after "near", "in" ...
UNTAGGED_POPULATION = 10_000
# A city named inside an organization's name must be this big ("Toronto General Hospital").
INSIDE_NAME_POPULATION = 200_000
# A town in a division the article names gains this much ("Paris" in a story about Texas).
DIVISION_BONUS = 3.0
# ... when the division is named within this many tokens of the town (a paragraph or so).
DIVISION_WINDOW = 80
HONORIFICS = frozenset({"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "sir"})


@dataclass
class _Toponym:
    start: int  # token indices
    end: int
    text: str
    suffix: bool  # followed by an administrative word: a division is meant
    spacy_place: bool  # spaCy said GPE/LOC
    seat_of: str | None = None  # ISO3 when the name is a seat of government ("the White House")


class PlacesComponent:
    def __init__(self) -> None:
        self.gaz: Gazetteer = load()
        lex = load_actor_lexicon()
        self.demonyms = frozenset(lex.demonyms)
        # Buildings that stand for a government: a place (at the capital) when used as one.
        self.buildings = {form: lex.seats[form] for form in lex.metonyms}
        self.capitals = lex.capitals

    def __call__(self, doc: Doc) -> Doc:
        actors = doc._.actors or []
        blocked = _actor_only_spans(actors)
        toponyms = [t for t in self._toponyms(doc) if not _blocked(doc, t, blocked)]
        context = self._context(actors, toponyms, doc)
        pins = _spread_pins(toponyms, self._pins(doc, toponyms))
        context.divisions = self._divisions(toponyms, context, pins)
        doc._.places = [self._resolve(doc, t, context, pins.get(i)) for i, t in enumerate(toponyms)]
        doc._.places = [p for p in doc._.places if p is not None]
        return doc

    # ------------------------------------------------------------------------------------------
    # recognition
    # ------------------------------------------------------------------------------------------
    def _toponyms(self, doc: Doc) -> list[_Toponym]:
        out: list[_Toponym] = []
        used: set[int] = set()
        for ent in doc.ents:
            label = ent.label_
            if label not in PLACE_LABELS and label not in MISLABELS:
                continue
            start, end = _trim(ent)
            if start >= end:
                continue
            suffix_end = _suffix_end(doc, end)
            text = doc[start:end].text
            if text in self.buildings:
                out.append(_Toponym(start, end, text, False, False, seat_of=self.buildings[text]))
                used.update(range(start, end))
                continue
            if label in PLACE_LABELS:
                if doc[start].lower_ in HONORIFICS or all(t.lower_ in DIRECTION_WORDS for t in doc[start:end]):
                    continue  # "Ms Raggi" tagged GPE; "South" alone
            elif suffix_end > end and label != "PERSON":
                pass  # "Kursk" (PRODUCT) "region"
            elif text in self.demonyms or not (
                self._well_known(text, label) or self._after_locative(doc, start, text, label)
                or text in toponym_texts(doc)  # "Raqqah" tagged GPE elsewhere in the article
            ):
                continue
            out.append(_Toponym(start, suffix_end, doc[start:suffix_end].text, suffix_end > end,
                                label in PLACE_LABELS))
            used.update(range(start, suffix_end))
        # Proper nouns spaCy missed, when a division word follows them: "Zaporizhzhia Oblast".
        for tok in doc:
            if tok.i in used or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ == "ORG":
                continue
            end = _suffix_end(doc, tok.i + 1)
            if end > tok.i + 1 and self.gaz.has(tok.text) and (tok.i + 1) not in used:
                out.append(_Toponym(tok.i, end, doc[tok.i:end].text, True, False))
                used.update(range(tok.i, end))
        out += self._untagged_after_locative(doc, used)
        out += self._inside_names(doc, used)
        out += self._datelines(doc, used)
        out += self._hyphen_prefixes(doc, used)
        return sorted(out, key=lambda t: t.start)

    def _untagged_after_locative(self, doc: Doc, used: set[int]) -> list[_Toponym]:
        """"Near Raqqah, two strikes ...": proper nouns the tagger left out, after a locative preposition,
        that the gazetteer knows by their own name."""
        out = []
        for tok in doc:
            if tok.lower_ not in LOCATIVE_PREPS or tok.i + 1 >= len(doc):
                continue
            start = end = tok.i + 1
            while end < len(doc) and end - start < 3 and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ \
                    and end not in used:
                end += 1
            if end > start and self.gaz.is_known_place(doc[start:end].text, min_population=UNTAGGED_POPULATION):
                out.append(_Toponym(start, end, doc[start:end].text, False, True))
                used.update(range(start, end))
        return out

    def _inside_names(self, doc: Doc, used: set[int]) -> list[_Toponym]:
        """Toponyms inside an organization's or a building's name ("Environment Canada", "Texas A&M
        University", "Toronto General Hospital"): well-known places only, longest first."""
        out = []
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "FAC") or any(t.i in used for t in ent):
                continue
            i = ent.start
            while i < ent.end:
                found = 0
                for n in (3, 2, 1):
                    j = i + n
                    if j > ent.end or (i, j) == (ent.start, ent.end):
                        continue
                    words = doc[i:j]
                    if words[0].text[:1].isupper() and words[-1].text[:1].isupper() \
                            and not any(w.lower_ in GENERIC_NAME_WORDS for w in words) \
                            and self.gaz.is_known_place(words.text, min_population=INSIDE_NAME_POPULATION):
                        found = n
                        break
                if found:
                    out.append(_Toponym(i, i + found, doc[i:i + found].text, False, True))
                    used.update(range(i, i + found))
                    i += found
                else:
                    i += 1
        return out

    def _datelines(self, doc: Doc, used: set[int]) -> list[_Toponym]:
        """"DETROIT (AP) —": capitalised words opening the text or a line, before a dash or "("."""
        out = []
        for i in range(len(doc)):
            if i and "\n" not in doc[i - 1].text_with_ws and not doc[i - 1].is_space:
                continue
            end = i
            while end < len(doc) and end - i < 4 and doc[end].is_upper and doc[end].is_alpha:
                end += 1
            if end == i or end >= len(doc) or any(j in used for j in range(i, end)):
                continue
            if doc[end].text not in ("(", "—", "–", "-", ",", "_"):
                continue
            text = doc[i:end].text
            if self.gaz.has(text):
                out.append(_Toponym(i, end, text, False, True))
                used.update(range(i, end))
        return out

    def _hyphen_prefixes(self, doc: Doc, used: set[int]) -> list[_Toponym]:
        """"U.S.-led", "Syria-based": a country name kept inside one token by the tokenizer."""
        out = []
        for tok in doc:
            if tok.i in used or "-" not in tok.text[1:]:
                continue
            prefix = tok.text.split("-", 1)[0]
            if prefix[:1].isupper() and any(e.level == "country" for e in self.gaz.lookup(prefix)):
                out.append(_Toponym(tok.i, tok.i + 1, prefix, False, True))
        return out

    def _after_locative(self, doc: Doc, start: int, text: str, label: str) -> bool:
        """"in Bantam": a name after a locative preposition that the gazetteer knows as a place."""
        if label == "NORP" or start == 0 or doc[start - 1].lower_ not in LOCATIVE_PREPS:
            return False
        return bool(self.gaz.lookup(text))

    def _well_known(self, text: str, label: str) -> bool:
        """A name tagged as something else is a place only if it is a country, a division, or a big
        city (and not a person's name)."""
        if label == "PERSON":
            return self.gaz.is_known_place(text, min_population=MIN_MISLABEL_POPULATION)
        if label == "ORG":
            return self.gaz.is_known_place(text)
        for e in self.gaz.lookup(text):
            if e.level in ("country", "admin1") or (e.level == "city" and e.population >= MIN_MISLABEL_POPULATION):
                return label != "FAC" or e.level != "country"
        return False

    # ------------------------------------------------------------------------------------------
    # resolution
    # ------------------------------------------------------------------------------------------
    def _context(self, actors: list, toponyms: list[_Toponym], doc: Doc) -> _Context:
        """How often each country is named or implied in the article: states and affiliations from
        the actors, and names with only one reading in the gazetteer."""
        ctx = _Context()
        for a in actors:
            code = a.country or (a.code if a.kind == "state" else None)
            if code:
                ctx[code] += len(a.mentions)
        for t in toponyms:
            entries = self._entries(t)
            countries = {e.country for e in entries}
            if len(countries) == 1:
                ctx[next(iter(countries))] += 1
        return ctx

    def _divisions(self, toponyms: list[_Toponym], context: _Context,
                   pins: dict[int, set[str]]) -> dict[tuple[str, str], list[int]]:
        """The first-level divisions the article is about: those it names ("Texas", "Ky.") and those
        that pin a name ("London, Ontario"), as (ISO3, normalised name). Local news names its towns
        with their state, so a small "Paris" in a Texas story is the Texan one. Each maps to the token
        positions where it is named."""
        out: dict[tuple[str, str], list[int]] = {}
        for i, t in enumerate(toponyms):
            entries = self._entries(t)
            if not entries:
                continue
            if any(e.capital for e in entries):
                context.capital_names.add(normalize(t.text))
            best = max(entries, key=lambda e: _score(e, t, context, pins.get(i)))
            if best.level == "admin1" and best.admin1:
                out.setdefault((best.country, normalize(best.admin1)), []).append(t.start)
                context.division_names.add(normalize(t.text))
        return out

    def _pins(self, doc: Doc, toponyms: list[_Toponym]) -> dict[int, set[str]]:
        """"Paris, Texas", "London, Ontario": a division or country right after a comma pins the name
        before it; returns toponym number -> the pinning names (normalised) and countries."""
        pins: dict[int, set[str]] = {}
        for i in range(len(toponyms) - 1):
            a, b = toponyms[i], toponyms[i + 1]
            if b.start != a.end + 1 or doc[a.end].text != ",":
                continue
            keys = set()
            for e in self._entries(b):
                if e.level in ("admin1", "country"):
                    keys.add(e.country)
                    if e.level == "admin1":
                        keys.add(normalize(e.name))
            if keys:
                pins[i] = keys
        return pins

    def _entries(self, t: _Toponym) -> list[GeoEntry]:
        """Gazetteer records for a toponym: its full text, then without the division word."""
        if t.seat_of is not None:
            capital = self.capitals.get(t.seat_of, "")
            cities = [e for e in self.gaz.lookup(capital) if e.country == t.seat_of and e.level == "city"]
            return sorted(cities, key=lambda e: -e.population)[:1]
        entries = self.gaz.lookup(t.text)
        if t.suffix:
            # "Karak district": the Jordanian governorate as well as any district called so in full
            divisions = [e for e in self.gaz.lookup(admin_stem(t.text)) if e.level == "admin1"]
            entries = entries + [e for e in divisions if e not in entries]
        if not entries and t.suffix:
            entries = [e for e in self.gaz.lookup(admin_stem(t.text)) if e.level in ("admin1", "city")]
        if not entries:
            stem = admin_stem(t.text)
            if stem and stem != normalize(t.text):
                entries = self.gaz.lookup(stem)
        if not entries:
            # "Western Canada" is part of the country; "Montreal East" part of the city.
            words = normalize(t.text).split()
            lead = 0
            while lead < len(words) and words[lead] in DIRECTION_WORDS:
                lead += 1
            tail = len(words)
            while tail > lead and words[tail - 1] in DIRECTION_WORDS:
                tail -= 1
            if lead < tail and (lead, tail) != (0, len(words)):
                entries = [e for e in self.gaz.lookup(" ".join(words[lead:tail])) if not lead or e.level != "city"]
        return entries

    def _local_towns(self, t: _Toponym, context: _Context) -> list[GeoEntry]:
        """Small towns called so in a division named near the name ("Edmonton" in a Kentucky story):
        the main index leaves towns under 5,000 people out, local news is full of them."""
        if not context.divisions or t.suffix or t.seat_of is not None:
            return []
        return [e for e in self.gaz.towns(t.text)
                if context.division_bonus(e, t) >= DIVISION_BONUS]

    def _resolve(self, doc: Doc, t: _Toponym, context: _Context, pin: set[str] | None) -> Place | None:
        start = doc[t.start].idx
        end = start + len(t.text) if t.end == t.start + 1 else doc[t.end - 1].idx + len(doc[t.end - 1])
        text = doc_text(doc)[start:end]
        entries = self._entries(t) + self._local_towns(t, context)
        if not entries:
            if not t.spacy_place or not _looks_like_name(text):
                return None
            return Place(start, end, text, name=text, country=None, lat=None, lon=None, geonameid=None,
                         level=None)
        if t.suffix and all(e.level == "city" for e in entries):
            # "Hall County": a division we only know by a namesake town; trust it only in a known country
            entries = [e for e in entries if context.get(e.country)]
            if not entries:
                return Place(start, end, text, name=text, country=None, lat=None, lon=None, geonameid=None)
        best = max(entries, key=lambda e: _score(e, t, context, pin))
        if t.seat_of is not None:  # the building, at its city's coordinates
            return Place(start, end, text, name=text, country=best.country, lat=_round(best.lat),
                         lon=_round(best.lon), geonameid=None, level="site", admin1=best.admin1)
        return Place(start, end, text, name=best.name, country=best.country or None,
                     lat=_round(best.lat), lon=_round(best.lon), geonameid=best.geonameid,
                     level=best.level,  # type: ignore[arg-type]
                     admin1=best.admin1)


class _Context(Counter[str]):
    """Country -> how often the article names or implies it; plus the divisions it names."""

    def __init__(self) -> None:
        super().__init__()
        self.divisions: dict[tuple[str, str], list[int]] = {}  # division -> token positions it is named at
        self.division_names: set[str] = set()  # names in the text that mean a division ("Wyoming")
        self.capital_names: set[str] = set()  # names that can mean a national capital ("Washington")

    def dominant(self) -> str | None:
        """The country the article is mostly about, if one stands out (named at least twice)."""
        top = self.most_common(2)
        if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
            return None
        return top[0][0]

    def division_bonus(self, e: GeoEntry, t: _Toponym) -> float:
        """How much the divisions the article names favour a record in one of them: fully when the
        division is named near the name ("Flooding hit Iowa ... In Waterloo"), a little otherwise
        (a long story that names Michigan once does not move "Charlotte" there)."""
        if not e.admin1:
            return 0.0
        where = self.divisions.get((e.country, normalize(e.admin1)))
        if not where:
            return 0.0
        if any(abs(i - t.start) <= DIVISION_WINDOW for i in where):
            return DIVISION_BONUS
        return DIVISION_BONUS / 3


def _spread_pins(toponyms: list[_Toponym], pins: dict[int, set[str]]) -> dict[int, set[str]]:
    """One reading per name and article: "LONDON, Ky. ... London Police" pins every "London"."""
    by_name: dict[str, set[str]] = {}
    for i, keys in pins.items():
        by_name.setdefault(normalize(toponyms[i].text), set()).update(keys)
    if not by_name:
        return pins
    out = dict(pins)
    for i, t in enumerate(toponyms):
        found = by_name.get(normalize(t.text))
        if found and i not in out:
            out[i] = found
    return out


def _score(e: GeoEntry, t: _Toponym, context: Counter[str], pin: set[str] | None = None) -> float:
    """How likely a record is the place meant. Countries first, then divisions when a division word
    follows, then cities by size; a country the article talks about counts a lot."""
    score = 0.0
    if e.level == "country":
        score += 8.5
    elif e.level == "region":
        score += 8.0
    elif e.level == "admin1":
        score += 8.0 if t.suffix else 5.0
        score += 0.1 * math.log10(e.population + 1)  # Florida (USA) over Florida (Uruguay)
    elif e.level == "admin2":
        # "Laurel County" names a county; a bare "Laurel" rather the town
        score += 7.5 if t.suffix else 1.0
        score += 0.1 * math.log10(e.population + 1)
    else:
        score += math.log10(e.population + 10)
        if e.capital:
            score += 1.5
        if t.suffix:
            score -= 2.0
    if normalize(e.name) == normalize(t.text):
        score += 1.5  # the record's own name, not one of its alternate names
    if pin and (e.country in pin or (e.admin1 and normalize(e.admin1) in pin)):
        score += 5.0 if e.admin1 and normalize(e.admin1) in pin else 4.0
    if context.get(e.country):
        score += 2.0 if e.level == "city" else 3.0
    if not isinstance(context, _Context):
        return score - (1.0 if e.lat is None else 0.0)
    own_name = normalize(e.name) == normalize(t.text)
    if e.level != "country" and own_name and e.country == context.dominant():
        score += 1.0  # the country the story is about, over a namesake abroad
    if e.level == "admin2":
        score += context.division_bonus(e, t)  # "Washington County" in a story about Oregon
    key = normalize(t.text)
    if e.level == "city" and own_name and key not in context.division_names:
        # a town by its own name, not a division the text names ("New York", "Wyoming" the states)
        bonus = context.division_bonus(e, t)
        score += bonus / 2 if key in context.capital_names else bonus
    if e.lat is None:
        score -= 1.0
    return score


def _looks_like_name(text: str) -> bool:
    """An unknown toponym is kept only if it looks like an English-language name ("Xqzabad"), not a
    stray foreign word the tagger took for one ("очень", "hoy")."""
    return text[:1].isupper() and text[:1].isascii()


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 5)


def _trim(ent: Span) -> tuple[int, int]:
    """Token bounds without a leading "the" or a trailing possessive."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and (doc[start].lower_ == "the" or doc[start].lower_ in LOCATIVE_PREPS):
        start += 1  # "the", and "Near" that the tagger took into "Near Ar Raqqah"
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _suffix_end(doc: Doc, end: int) -> int:
    """The end of a name extended over a division word right after it ("Kursk" + "region")."""
    if end < len(doc) and doc[end].lower_ in SUFFIX_WORDS:
        return end + 1
    return end


def _actor_only_spans(actors: list) -> list[tuple[int, int, bool]]:
    """Char spans that name an actor and not a place: persons, organizations and groups, and seats of
    government used as the government; the flag says whether names inside the span are blocked too
    (a person's or an armed group's name, yes; an organization's, no: "Environment [Canada]")."""
    out = []
    for a in actors:
        for m in a.mentions:
            if a.kind != "state" or m.form == "seat":
                out.append((m.start, m.end, a.kind in ("person", "group")))
    return out


def _blocked(doc: Doc, t: _Toponym, blocked: list[tuple[int, int, bool]]) -> bool:
    s, e = doc[t.start].idx, doc[t.end - 1].idx + len(doc[t.end - 1])
    return any((bs, be) == (s, e) or (inside and bs <= s and e <= be) for bs, be, inside in blocked)


@Language.factory(
    "newsgraph_places",
    requires=["doc.ents", "doc._.actors"],
    assigns=["doc._.places"],
    default_config={},
)
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()
