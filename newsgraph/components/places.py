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
from spacy.tokens import Doc, Span, Token

from newsgraph.components.actors import load_actor_lexicon, toponym_texts
from newsgraph.components.extensions import doc_text
from newsgraph.model import Place
from newsgraph.resources.gazetteer import (
    ADMIN_SUFFIXES,
    Gazetteer,
    GeoEntry,
    admin_stem,
    distance_km,
    load,
    normalize,
)

PLACE_LABELS = frozenset({"GPE", "LOC"})
# Labels spaCy sometimes gives to a toponym; taken only when the gazetteer knows the name well.
MISLABELS = frozenset({"PRODUCT", "ORG", "FAC", "WORK_OF_ART", "EVENT", "PERSON", "NORP", "LANGUAGE", "DATE"})
# Words of the calendar, which the gazetteer also knows as towns ("March", "Sunday" ...).
CALENDAR_WORDS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "spring", "summer", "autumn", "fall", "winter", "christmas", "easter", "today", "tomorrow", "yesterday"}
)
# Labels of figures and dates: never part of a town's name.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
POSSESSIVE = ("'s", "’s", "'", "’")
# Division words that follow a name ("Kursk region"); "city" is left out ("Gaza City" is a name).
SUFFIX_WORDS = frozenset(ADMIN_SUFFIXES - {"city", "administrative", "autonomous", "state", "department"})
# A misread name must be at least this big a city to be taken without the tagger's agreement.
MIN_MISLABEL_POPULATION = 100_000
# After these a misread name that the gazetteer knows is taken at any size ("in Bantam").
LOCATIVE_PREPS = frozenset({"in", "near", "at", "outside", "from", "into", "around", "across", "inside", "within",
                            "throughout", "toward", "towards", "via"})
# Nouns of local institutions a place name modifies ("Winnipeg police", "Enfield Council", "Aleppo
# Mayor"): the name is the place the institution serves, so it is a toponym there.
INSTITUTION_WORDS = frozenset(
    {"police", "council", "mayor", "sheriff", "sheriff's", "fire", "ems", "opp", "rcmp", "airport", "hospital",
     "councillor", "councilor", "city", "transit", "courthouse", "borough", "municipality", "township", "town"}
)
# A respelt name ("Dayr Az Zayr" for "Deir ez-Zor") the tagger did not call a place needs this many people.
VARIANT_POPULATION = 50_000
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
# Local places named in the same article lie close together: a town's reading gains up to NEIGHBOUR_BONUS
# for each other name that can be a place within NEIGHBOUR_KM (see _Context.neighbour_bonus).
NEIGHBOUR_KM = 100.0
NEIGHBOUR_BONUS = 3.0
MAX_NEIGHBOUR_BONUS = 3.0
# ... only for a town at least 1/NEIGHBOUR_MAX_RATIO the size of the name's biggest namesake.
NEIGHBOUR_MAX_RATIO = 40
COUNTY_KM = 40.0
# How much an airport's reading weighs against towns of the same name (a town of 100,000 weighs 5.0).
SITE_SCORE = 5.0
# "<direction> of X" names a place X ("south of Krasnohorivka").
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts", "suburbs",
     "centre", "center", "heart"}
)
# Nouns whose "of X" names a place X ("the liberation of Sinjar", "the outskirts of Mosul").
PLACE_OF_NOUNS = frozenset(
    {"liberation", "siege", "battle", "capture", "recapture", "fall", "city", "town", "village", "province",
     "district", "region", "governorate", "suburb", "suburbs", "streets", "residents", "mayor", "governor",
     "people", "ruins", "shelling", "bombing", "bombardment", "occupation", "encirclement", "control", "outskirts"}
)
# Heads of facility names that are named after a nearby town ("Incirlik Air Base", "Tabqa Dam").
FACILITY_WORDS = frozenset({"air", "airbase", "airfield", "airport", "dam", "barrage", "cosmodrome", "port"})
HONORIFICS = frozenset({"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "sir"})


_Point = tuple[float, float, bool]  # lat, lon, whether the reading is a county (admin2)


@dataclass
class _Toponym:
    start: int  # token indices
    end: int
    text: str
    suffix: bool  # followed by an administrative word: a division is meant
    spacy_place: bool  # spaCy said GPE/LOC
    seat_of: str | None = None  # ISO3 when the name is a seat of government ("the White House")
    locative: bool = False  # written where only a place fits ("near Raqqah"): a place even if taken for a person
    division: bool = False  # stands after "Town," so means a first-level division ("Churchill, Man.")
    variant: bool = False  # found only under another spelling (set by ``_entries``)
    facility_of: str | None = None  # "Incirlik Air Base": the town the facility is named after
    dotted: bool = True  # written with a full stop after it, as abbreviations are ("Ky.")


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
        context.neighbours, context.largest = self._neighbours(toponyms)
        doc._.places = [self._resolve(doc, t, context, pins.get(i)) for i, t in enumerate(toponyms)]
        people = _person_names(actors)
        # an unknown name that is also a person's in the article ("Hagan, North Carolina's senator")
        doc._.places = [p for p in doc._.places
                        if p is not None and not (p.lat is None and p.level is None and p.text in people)]
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
            if start >= end or (label == "DATE" and not self._place_tagged_as_date(doc, start, end)):
                continue  # "in Winnipeg" tagged DATE is a slip; "May 5", "in March", "summer" are dates
            comma = next((i for i in range(start + 1, end - 1) if doc[i].text == ","), None)
            if comma is not None and label in PLACE_LABELS and self._division_after_comma(doc, comma + 1, end):
                # "Shelby, North Carolina" in one entity: the town and its division
                out.append(_Toponym(start, comma, doc[start:comma].text, False, True, locative=True))
                out.append(_Toponym(comma + 1, end, doc[comma + 1:end].text, False, True, division=True))
                used.update(range(start, end))
                continue
            suffix_end = _suffix_end(doc, end)
            text = doc[start:end].text
            if text in self.buildings:
                out.append(_Toponym(start, end, text, False, False, seat_of=self.buildings[text]))
                used.update(range(start, end))
                continue
            if label in PLACE_LABELS:
                if doc[start].lower_ in HONORIFICS or (all(t.lower_ in DIRECTION_WORDS for t in doc[start:end])
                                                        and not (end - start > 1 and self._knows(text))):
                    continue  # "Ms Raggi" tagged GPE; "South" alone (but "Far East" is a region)
            elif suffix_end > end and label != "PERSON":
                pass  # "Kursk" (PRODUCT) "region"
            elif text in self.demonyms or not (
                self._well_known(text, label) or self._after_locative(doc, start, text, label)
                or text in toponym_texts(doc)  # "Raqqah" tagged GPE elsewhere in the article
                or self._before_institution(doc, start, end, text)  # "Enfield Council"
            ):
                continue
            out.append(_Toponym(start, suffix_end, doc[start:suffix_end].text, suffix_end > end,
                                label in PLACE_LABELS,
                                locative=label not in PLACE_LABELS and self._after_locative(doc, start, text, label)))
            used.update(range(start, suffix_end))
        # Proper nouns spaCy missed, when a division word follows them: "Zaporizhzhia Oblast".
        for tok in doc:
            if tok.i in used or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ == "ORG":
                continue
            end = _suffix_end(doc, tok.i + 1)
            if end > tok.i + 1 and self.gaz.has(tok.text) and (tok.i + 1) not in used:
                out.append(_Toponym(tok.i, end, doc[tok.i:end].text, True, False))
                used.update(range(tok.i, end))
        out += self._town_comma_division(doc, used)
        out += self._relative_places(doc, used)
        out += self._facilities(doc, used)
        out += self._untagged_after_locative(doc, used)
        out += self._untagged_before_institution(doc, used)
        out += self._inside_names(doc, used)
        out += self._datelines(doc, used)
        out += self._hyphen_prefixes(doc, used)
        out += self._same_name_elsewhere(doc, out, used)
        for t in out:  # "La." and "Smithtown, Ky" are divisions; "La" in "La Silla" is not
            t.dotted = t.text.endswith(".") or (t.end < len(doc) and doc[t.end].text == "."
                                                 and doc[t.end - 1].whitespace_ == "") \
                or (t.start > 0 and doc[t.start - 1].text == ",")
        return sorted(out, key=lambda t: t.start)

    def _place_tagged_as_date(self, doc: Doc, start: int, end: int) -> bool:
        """"in Winnipeg" tagged DATE: one capitalised name, no figures, no calendar word, after a
        locative preposition, and a town of some size by its own name."""
        span = doc[start:end]
        if any(t.like_num or t.lower_ in CALENDAR_WORDS or not t.text[:1].isupper() for t in span):
            return False
        return start > 0 and doc[start - 1].lower_ in LOCATIVE_PREPS \
            and self.gaz.is_known_place(span.text, min_population=MIN_MISLABEL_POPULATION)

    def _same_name_elsewhere(self, doc: Doc, found: list[_Toponym], used: set[int]) -> list[_Toponym]:
        """One sense per name in an article: once "Churchill, Man." shows Churchill to be a place, "a
        Churchill doctor" (tagged ORG) and "in Churchill" (untagged) are that place too."""
        text = doc_text(doc)
        names = {t.text for t in found if t.seat_of is None and t.facility_of is None and t.text[:1].isupper()
                 and not (t.text.isupper() and len(t.text) <= 3)  # "EU", "UN": names of bodies too
                 and (t.locative or (t.spacy_place and self.gaz.is_known_place(t.text, MIN_MISLABEL_POPULATION)
                                     and not _common_word(text, t.text)))}
        names -= self.demonyms
        if not names:
            return []
        out = []
        for ent in doc.ents:
            start, end = _trim(ent)
            if ent.label_ in MISLABELS and start < end and doc[start:end].text in names \
                    and not any(i in used for i in range(start, end)):
                out.append(_Toponym(start, end, doc[start:end].text, False, False, locative=True))
                used.update(range(start, end))
        for tok in doc:
            if tok.text in names and tok.i not in used and not tok.ent_type_ and _capitalised_name(tok):
                out.append(_Toponym(tok.i, tok.i + 1, tok.text, False, False, locative=True))
                used.add(tok.i)
        return out

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
            if end > start and (self.gaz.is_known_place(doc[start:end].text, min_population=UNTAGGED_POPULATION)
                                or self._big_by_any_name(doc[start:end].text)):
                out.append(_Toponym(start, end, doc[start:end].text, False, True, locative=True))
                used.update(range(start, end))
        return out

    def _division_after_comma(self, doc: Doc, start: int, end: int, counties: bool = False) -> bool:
        """A first-level division by its own name ("Oklahoma") or by an abbreviation written with its
        dot ("Man.", "Ark."); with ``counties``, a second-level one by its own name too ("Clacton,
        Essex", after a town already known to be one)."""
        if not doc[start].text[:1].isupper():
            return False
        text = doc[start:end].text
        abbreviated = text.endswith(".") or (end < len(doc) and doc[end].text == "." and doc[end - 1].whitespace_ == "")
        key = normalize(text)
        return any((e.level == "admin1" and (abbreviated or normalize(e.name) == key or admin_stem(e.name) == key))
                   or (counties and e.level == "admin2" and normalize(e.name) == key)
                   for e in self.gaz.lookup(text))

    def _relative_places(self, doc: Doc, used: set[int]) -> list[_Toponym]:
        """"south of Krasnohorivka", "20 km north of Avdiivka", "the liberation of Sinjar": the name
        after "<direction> of" or "<noun that takes a place> of" is a place whenever the gazetteer knows
        it, whatever the tagger made of it."""
        out = []
        for tok in doc:
            if tok.lower_ != "of" or tok.i == 0 or doc[tok.i - 1].lower_ not in COMPASS_WORDS | PLACE_OF_NOUNS:
                continue
            start = end = tok.i + 1
            while end < len(doc) and end - start < 3 and _capitalised_name(doc[end]) and end not in used:
                end += 1
            if end > start and (self._knows(doc[start:end].text) or self._big_by_any_name(doc[start:end].text)):
                out.append(_Toponym(start, end, doc[start:end].text, False, True, locative=True))
                used.update(range(start, end))
        return out

    def _facilities(self, doc: Doc, used: set[int]) -> list[_Toponym]:
        """"Incirlik Air Base", "Tabqa Dam", "Mosul Dam": a facility named after the town it stands by.
        The gazetteer has no facilities, so the facility is placed at that town, with the town's
        precision (level "city"), and only when the town is a big one or in a country the article
        is about (checked at resolution)."""
        out = []
        for tok in doc:
            if tok.lower_ not in FACILITY_WORDS or tok.i == 0 or tok.i in used or not tok.text[:1].isupper():
                continue
            end = tok.i
            head_end = tok.i + 1
            if tok.lower_ == "air" and head_end < len(doc) and doc[head_end].lower_ in ("base", "field"):
                head_end += 1
            elif tok.lower_ == "air":
                continue
            start = end
            while start > 0 and end - start < 2 and _capitalised_name(doc[start - 1]) and (start - 1) not in used:
                start -= 1
            if start < end and any(e.level == "site" for e in self.gaz.lookup(doc[start:head_end].text)):
                out.append(_Toponym(start, head_end, doc[start:head_end].text, False, False))  # an airport we know
                used.update(range(start, head_end))
            elif start < end and self.gaz.has(doc[start:end].text):
                out.append(_Toponym(start, head_end, doc[start:head_end].text, False, False,
                                    facility_of=doc[start:end].text))
                used.update(range(start, head_end))
        return out

    def _multiword_region(self, text: str) -> bool:
        """"Middle East" inside "Minister for the Middle East": a region of several words, generic ones
        included."""
        return " " in text and any(e.level == "region" for e in self.gaz.lookup(text))

    def _knows(self, text: str) -> bool:
        """Whether the gazetteer knows a name as a town, a division or a region (an airport's core name,
        "Reed" or "Hammer", does not make a mislabelled name a place)."""
        return any(e.level != "site" for e in self.gaz.lookup(text))

    def _big_by_any_name(self, text: str) -> bool:
        """A big city or a division under one of its other names or spellings ("Dayr Az Zayr")."""
        entries = self.gaz.lookup(text) or self.gaz.lookup_variant(text)
        return any(e.level in ("country", "admin1") or (e.level == "city" and e.population >= VARIANT_POPULATION)
                   for e in entries)

    def _before_institution(self, doc: Doc, start: int, end: int, text: str) -> bool:
        """"Winnipeg police", "Enfield Council": a name the gazetteer knows, right before the noun of a
        local institution."""
        if end >= len(doc) or doc[end].lower_ not in INSTITUTION_WORDS:
            return False
        return any(e.level in ("city", "admin1", "admin2", "country") for e in self.gaz.lookup(text))

    def _untagged_before_institution(self, doc: Doc, used: set[int]) -> list[_Toponym]:
        """Capitalised names the tagger left out, before an institution noun ("Brant OPP", "Winnipeg
        police Const. ...")."""
        out = []
        for tok in doc:
            if tok.lower_ not in INSTITUTION_WORDS or tok.i == 0 or tok.i in used:
                continue
            end = start = tok.i
            while start > 0 and end - start < 3 and _capitalised_name(doc[start - 1]) \
                    and (start - 1) not in used and doc[start - 1].ent_type_ in ("", "GPE", "LOC", "ORG", "FAC"):
                start -= 1
            if start < end and self._before_institution(doc, start, end, doc[start:end].text):
                out.append(_Toponym(start, end, doc[start:end].text, False, False))
                used.update(range(start, end))
        return out

    def _town_comma_division(self, doc: Doc, used: set[int]) -> list[_Toponym]:
        """"Churchill, Man.", "Hugo, Oklahoma": capitalised words, a comma, then a division or its
        abbreviation. Local news places its towns so; both are toponyms, and the division pins the town
        (see ``_pins``)."""
        out = []
        for comma in doc:
            if comma.text != "," or comma.i == 0 or comma.i + 1 >= len(doc):
                continue
            town_taken = comma.i - 1 in used  # "Clacton" tagged GPE: only the division is left to take
            div_end = comma.i + 2
            while div_end <= len(doc) and div_end - comma.i <= 3:
                if self._division_after_comma(doc, comma.i + 1, div_end, counties=town_taken):
                    break
                div_end += 1
            else:
                continue
            division_taken = any(j in used for j in range(comma.i + 1, div_end))  # "Ark." tagged GPE
            if town_taken and division_taken:
                continue
            if not town_taken:
                end = start = comma.i
                while start > 0 and end - start < 3 and doc[start - 1].text[:1].isupper() \
                        and doc[start - 1].is_alpha and (start - 1) not in used \
                        and doc[start - 1].ent_type_ not in NUMERIC_LABELS:
                    start -= 1
                if start == end or not (self.gaz.has(doc[start:end].text) or self.gaz.towns(doc[start:end].text)):
                    continue
                out.append(_Toponym(start, end, doc[start:end].text, False, True, locative=True))
                used.update(range(start, end))
            if not division_taken:
                out.append(_Toponym(comma.i + 1, div_end, doc[comma.i + 1:div_end].text, False, True, division=True))
                used.update(range(comma.i + 1, div_end))
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
                    # "Metcalfe County" keeps its division word; "Central Bank" has no place in it
                    generic = [w for w in words if w.lower_ in GENERIC_NAME_WORDS]
                    named_division = len(words) > 1 and words[-1].lower_ in SUFFIX_WORDS | {"county"} \
                        and generic in ([], [words[-1]])
                    min_pop = 0 if j < len(doc) and doc[j].lower_ in INSTITUTION_WORDS else INSIDE_NAME_POPULATION
                    if words[0].text[:1].isupper() and words[-1].text[:1].isupper() \
                            and (not generic or named_division or self._multiword_region(words.text)) \
                            and self.gaz.is_known_place(words.text, min_population=min_pop):
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
        return self._knows(text) or self._big_by_any_name(text)

    def _well_known(self, text: str, label: str) -> bool:
        """A name tagged as something else is a place only if it is a country, a division, or a big
        city (and not a person's name)."""
        if label == "PERSON":
            return self.gaz.is_known_place(text, min_population=MIN_MISLABEL_POPULATION)
        if any(e.level == "site" for e in self.gaz.lookup(text)):
            return True  # "Gatwick", "Incirlik Air Base" tagged ORG or FAC: an airport the gazetteer knows
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
        ambiguous: set[tuple[int, int]] = set()  # char spans of names that are a state and a division elsewhere
        for t in toponyms:
            entries = self._entries(t)
            countries = {e.country for e in entries}
            if len(countries) == 1:
                ctx[next(iter(countries))] += 1
            states = {e.country for e in entries if e.level == "country"}
            if states and any(e.level == "admin1" and e.country not in states for e in entries):
                ambiguous.add((doc[t.start].idx, doc[t.end - 1].idx + len(doc[t.end - 1])))  # "Georgia"
        for a in actors:
            code = a.country or (a.code if a.kind == "state" else None)
            if code:
                # "Doug Collins of Georgia": the actors stage's reading of an ambiguous name is no evidence
                # for that same name's reading
                ctx[code] += sum(1 for m in a.mentions if (m.start, m.end) not in ambiguous)
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
        if t.facility_of is not None:
            return [e for e in self.gaz.lookup(t.facility_of) if e.level == "city"]
        entries = self.gaz.lookup(t.text)
        key = normalize(t.text)
        if not t.dotted and len(key) <= 4:
            # a division reached only through its abbreviation needs the abbreviation's full stop
            entries = [e for e in entries if e.level != "admin1" or key in (normalize(e.name), admin_stem(e.name))]
        if t.division:
            entries = [e for e in entries if e.level == "admin1"] or [e for e in entries if e.level == "admin2"] \
                or entries
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
        words = t.text.split()
        if not entries and len(words) > 1 and words[-1].lower() in FACILITY_WORDS and t.facility_of is None:
            # "the Haditha Dam": a facility we do not know, named after a town we do (see _facilities)
            t.facility_of = " ".join(words[:-1])
            return [e for e in self.gaz.lookup(t.facility_of) if e.level == "city"]
        if not entries and t.text[:1].isupper() and not t.text.isupper():  # not acronyms ("CORAC")
            # "Dayr Az Zayr": a spelling the index lacks, of a big enough place
            entries = [e for e in self.gaz.lookup_variant(admin_stem(t.text) if t.suffix else t.text)
                       if e.level != "city" or e.population >= VARIANT_POPULATION]
            t.variant = bool(entries)
        return entries

    def _neighbours(self, toponyms: list[_Toponym]) -> tuple[dict[str, list[_Point]], dict[str, int]]:
        """Name -> the points of the local places (towns, counties) it can mean: "St. Thomas" next to
        "London" makes it London, Ontario. See ``_Context.neighbour_bonus``."""
        out: dict[str, list[_Point]] = {}
        largest: dict[str, int] = {}  # name -> population of its biggest town reading
        for t in toponyms:
            key = normalize(t.text)
            if key in out or t.seat_of is not None:
                continue
            local = [e for e in self._entries(t)
                     if e.level in ("city", "admin2") and e.lat is not None and e.lon is not None]
            if local:
                out[key] = [(e.lat, e.lon, e.level == "admin2") for e in local
                            if e.lat is not None and e.lon is not None]
                largest[key] = max(e.population for e in local if e.level == "city") if any(
                    e.level == "city" for e in local) else 0
        return out, largest

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
        entries = self._entries(t)
        if t.variant:  # a respelt name: only in a country the article is about ("Dayr Az Zayr" in Syria)
            entries = [e for e in entries if context.get(e.country)]
        if t.facility_of is not None:  # a facility by a town: a big town, or one in the story's countries
            entries = [e for e in entries if context.get(e.country) or e.population >= VARIANT_POPULATION]
            if not entries:
                return None
        entries += self._local_towns(t, context)
        if not entries:
            if not t.spacy_place or not _looks_like_name(text) or len(text) <= 2:
                return None  # two letters the gazetteer does not know ("La" of "La Silla") are no place
            return Place(start, end, text, name=text, country=None, lat=None, lon=None, geonameid=None,
                         level=None)
        if t.suffix and all(e.level == "city" for e in entries):
            # "Hall County": a division we only know by a namesake town; trust it only in a known country
            entries = [e for e in entries if context.get(e.country)]
            if not entries:
                return Place(start, end, text, name=text, country=None, lat=None, lon=None, geonameid=None)
        best = max(entries, key=lambda e: _score(e, t, context, pin))
        if t.facility_of is not None:  # the facility, at its town's coordinates and precision
            return Place(start, end, text, name=text, country=best.country, lat=_round(best.lat),
                         lon=_round(best.lon), geonameid=None, level="city", admin1=best.admin1)
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
        self.neighbours: dict[str, list[_Point]] = {}  # see PlacesComponent._neighbours
        self.largest: dict[str, int] = {}  # name -> population of its biggest town reading

    def neighbour_bonus(self, e: GeoEntry, t: _Toponym) -> float:
        """How much other local places of the article lie near a town or county: each other name with
        a reading within ``NEIGHBOUR_KM`` counts by the share of its readings (a name with one reading
        fully, "Paris" with ten namesakes hardly), up to a cap."""
        if e.level not in ("city", "admin2") or e.lat is None or e.lon is None:
            return 0.0
        key = normalize(t.text)
        # A neighbour tips the balance between namesakes of some weight; only the county a town lies in
        # ("Laurel County ... London") raises a small town over a metropolis.
        small = e.level == "city" and e.population * NEIGHBOUR_MAX_RATIO < self.largest.get(key, 0)
        reach = COUNTY_KM if small else NEIGHBOUR_KM
        support = sum(1 / len(points) for name, points in self.neighbours.items()
                      if name != key and any(distance_km(e.lat, e.lon, la, lo) <= reach and (county or not small)
                                             for la, lo, county in points))
        return min(support * NEIGHBOUR_BONUS, MAX_NEIGHBOUR_BONUS)

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
    elif e.level == "site":
        # an airport: worth a middling town by its core name ("Heathrow"), all by its full one
        score += SITE_SCORE + (3.0 if normalize(t.text) in (normalize(e.name), normalize(e.name).split(" ", 1)[-1])
                               else 0.0)
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
    score += context.neighbour_bonus(e, t)
    key = normalize(t.text)
    if e.level == "city" and own_name and key not in context.division_names:
        # a town by its own name, not a division the text names ("New York", "Wyoming" the states)
        bonus = context.division_bonus(e, t)
        score += bonus / 2 if key in context.capital_names else bonus
    if e.lat is None:
        score -= 1.0
    return score


def _common_word(article: str, name: str) -> bool:
    """Whether a name also occurs in the article in lower case ("lakes", "olympic"): a word, not only
    a name."""
    return name.lower() != name and name.lower() in article


def _capitalised_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()


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


def _person_names(actors: list) -> frozenset[str]:
    """Every word of the persons' names and the text of their mentions."""
    names: set[str] = set()
    for a in actors:
        if a.kind == "person":
            names.update(a.name.split())
            names.update(m.text for m in a.mentions)
    return frozenset(names)


def _actor_only_spans(actors: list) -> list[tuple[int, int, bool, bool]]:
    """Char spans that name an actor and not a place: persons, organizations and groups, and seats of
    government used as the government; the flag says whether names inside the span are blocked too
    (a person's or an armed group's name, yes; an organization's, no: "Environment [Canada]")."""
    out = []
    for a in actors:
        for m in a.mentions:
            if a.kind != "state" or m.form == "seat":
                out.append((m.start, m.end, a.kind in ("person", "group"), m.form == "seat"))
    return out


def _blocked(doc: Doc, t: _Toponym, blocked: list[tuple[int, int, bool, bool]]) -> bool:
    """Whether an actor span rules the toponym out. A name written where only a place fits ("near
    Raqqah") stays a place even if taken for a person or an organization; a seat acting as its
    government ("Moscow said") does not."""
    s, e = doc[t.start].idx, doc[t.end - 1].idx + len(doc[t.end - 1])
    return any(((bs, be) == (s, e) or (inside and bs <= s and e <= be)) and (seat or not t.locative)
               for bs, be, inside, seat in blocked)


@Language.factory(
    "newsgraph_places",
    requires=["doc.ents", "doc._.actors"],
    assigns=["doc._.places"],
    default_config={},
)
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()
