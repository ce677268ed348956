"""The places stage: toponyms in the text, resolved against the offline gazetteer.

Recognition: spaCy GPE/LOC, repaired where the tagger slips ("Kursk" tagged PRODUCT before "region",
"Near Ar Raqqah" tagged PERSON, "Danbury" tagged ORG), extended over administrative suffixes ("Kursk
region", "Donetsk Oblast"), cleaned of "the" and possessive endings; plus datelines ("KABUL (Reuters)"),
country prefixes inside one token ("U.S.-led"), well-known places inside organization names
("Environment Canada", but not "Valley" of "Thames Valley Police": inside a longer name only a country
or a big city), courts named after their town ("Litchfield Superior Court"), names listed with a place
("Foua and Kfraya", "Hornsey, Stoke Newington and Walthamstow"; a comma alone links names only in a list
with "and"/"or"; a small town outside the main index when it lies in the division of the place it is
listed with: "Ingham or Townsville"), names the tagger cut short ("Fort St." + "John", "Little" +
"Portugal"), where a person lives ("Jane Doe, 58, of Paris") and seats of government used as buildings
("outside the White House", placed at the capital), names after the "to" of a verb of going
("fled to Waukegan"), and streets and numbered roads ("Hertford Road", "Highway 403"; kept without
coordinates, as the gazetteer has none). A capital acting as its government ("Moscow and Pyongyang
have worked") is still a place, marked ``stands_for`` and left off the map; a building acting so ("the
Kremlin said") is not.
Not places: demonyms, media ("news agency Fars"), heavenly bodies, words of faith and feasts
(``lexicons/non_places.tsv``: "Jupiter", "God", "over Easter"), generic words alone ("City",
"Western"), a person's first name ("Georgia Stevens ... Georgia began"); and a name the gazetteer
lacks unless the text writes it as a place (after a locative, "of" a place noun, a place's possessive,
before or listed with a known place, as a street or a feature of land or water, in a dateline): the
tagger calls "Zappos" and "Barca" places. A country name is a place even when it is also an actor.

Resolution: every gazetteer record of the name is scored by level (a country name means the country;
a suffix asks for a division), population, and the countries the article already talks about (from
actors and from the names that resolve unambiguously), so "Washington" next to the Pentagon is the US
capital and "Georgia" next to Tbilisi the country. Local news names its towns with their state:
a division named near a name favours the towns in it ("Waterloo" after "Iowa"), and brings in small
towns the main index leaves out ("Edmonton" in a Kentucky story; a dateline's division, "GLASGOW, Ky.
(WBKO) --", counts as near every name); "Paris, Texas" pins every later "Paris" of the article, and
makes "Texas" the division: so do "Atlanta, Georgia" (not the country) and a governor's title ("New
York Gov."). A place's possessive puts a name inside it ("Giza's Haram district"): a name with no
reading there stays unresolved rather than going abroad. "Laurel County" resolves to the county
(level admin2).

How the readings of one name are weighed (``_score``), in order of strength:
1. an explicit pin ("Paris, Texas") and the kind of feature the text asks for: a division word after
   the name ("Karak district") asks for a division, "the city of Omsk" for the town, "Shelby, North
   Carolina" for a first-level division;
2. feature level: a country name means the country, then regions, then first-level divisions over
   towns by the same name, unless the town is far bigger (a town scores log10 of its population);
3. the countries the article talks about (+2 a town, +3 a division) and its dominant country (+1);
4. proximity: a town or county gains for every other name of the article with a reading nearby: fully
   when that reading lies within ``CLOSE_KM`` (two namesakes so close by chance are rare: "Edmonton"
   and "Enfield" in London), by the share of its readings within ``NEIGHBOUR_KM`` otherwise; a town far
   smaller than the name's biggest namesake is lifted only by the county it lies in;
5. population, and the record's own name or its short form ("Newcastle" for Newcastle upon Tyne) over
   an alternate name (+1.5), as tie-breakers.
A name found only under a looser spelling must be in a country the article is about, and in a division
it names there if it names any ("Maoxian" is not Meizhou, Guangdong, in a Sichuan story); it gives the
article no country itself.

A name the gazetteer does not know keeps no coordinates, but gets a country when the text makes it
plain: the place written right after it as its container ("Kfraya in Idlib"), a place it is listed
with ("Ingham or Townsville"), else the article's dominant country.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.model import Actor, Place
from newsgraph.nlp import lexicon
from newsgraph.nlp.actors.lexicon import load_actor_lexicon
from newsgraph.nlp.extensions import doc_text
from newsgraph.nlp.places.gazetteer import (
    ADMIN_SUFFIXES,
    ROAD_KINDS,
    STREET_NAME_ENDS,
    Gazetteer,
    GeoEntry,
    admin_stem,
    distance_km,
    load,
    normalize,
)
from newsgraph.nlp.places.toponyms import toponym_texts
from newsgraph.nlp.words import POSSESSIVE

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
# Division words that follow a name ("Kursk region"); "city" is left out ("Gaza City" is a name).
SUFFIX_WORDS = frozenset(ADMIN_SUFFIXES - {"city", "administrative", "autonomous", "state", "department"})
# A misread name must be at least this big a city to be taken without the tagger's agreement.
MIN_MISLABEL_POPULATION = 100_000
# After these a misread name that the gazetteer knows is taken at any size ("in Bantam").
LOCATIVE_PREPS = frozenset({"in", "near", "at", "outside", "from", "into", "around", "across", "inside", "within",
                            "throughout", "toward", "towards", "via"})
# Verbs of going and sending: after them "to" leads to a place ("fled to Waukegan", "was flown to Tikrit").
MOTION_VERBS = frozenset({"go", "come", "flee", "move", "travel", "fly", "return", "drive", "head", "sail", "march",
                          "deport", "send", "transfer", "relocate", "evacuate", "escape", "walk", "ride", "commute",
                          "extradite", "airlift", "ship", "take", "bring", "rush", "emigrate",
                          "migrate", "redeploy", "deploy", "dispatch", "expel", "repatriate", "retreat", "withdraw"})
# Nouns of local institutions a place name modifies ("Winnipeg police", "Enfield Council", "Aleppo
# Mayor"): the name is the place the institution serves, so it is a toponym there.
INSTITUTION_WORDS = frozenset(
    {"police", "council", "mayor", "sheriff", "sheriff's", "fire", "ems", "opp", "rcmp", "airport", "hospital",
     "mla", "mpp", "mp", "alderman",
     "councillor", "councilor", "city", "transit", "courthouse", "borough", "municipality", "township", "town"}
)
# "Litchfield Superior Court", "Wood Green Crown Court": courts are named after the town they sit in.
COURT_KINDS = frozenset({"superior", "district", "county", "crown", "magistrates", "magistrates'", "circuit",
                         "municipal", "provincial", "city", "justice", "sheriff", "family", "juvenile"})
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
# Another name with a reading this close supports a reading fully, however many namesakes it has:
# "Enfield" and "Edmonton" both have readings in four countries, but only the London pair lies within a
# few km of each other; two namesakes that close by chance are rare ("London" and "Paris" in Ontario lie
# 60 km apart).
CLOSE_KM = 30.0
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
     "district", "region", "governorate", "suburb", "suburbs", "cities", "towns", "villages", "provinces",
     "districts", "regions", "governorates", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods",
     "streets", "residents", "mayor", "governor",
     "people", "ruins", "shelling", "bombing", "bombardment", "occupation", "encirclement", "control", "outskirts"}
)
# "the city of Omsk", "the town of Karak": the town, where a division shares its name.
TOWN_NOUNS = frozenset({"city", "town", "village", "suburb", "port", "hamlet"})
# Heads of facility names that are named after a nearby town ("Incirlik Air Base", "Tabqa Dam").
FACILITY_WORDS = frozenset({"air", "airbase", "airfield", "airport", "dam", "barrage", "cosmodrome", "port"})
# Titles of a division's head that follow its name: "New York Gov. Mario Cuomo", "Kabul governor".
GOVERNOR_TITLES = frozenset({"gov.", "gov", "governor"})
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
    town: bool = False  # named as a town ("the city of Omsk"): the town, not the division named like it
    listed_with: str | None = None  # a small town listed with this place ("Ingham or Townsville")
    street: bool = False  # a street or road ("Hertford Road"): no gazetteer has it; kept without coordinates
    country_of: str | None = None  # ISO3 of a demonym before a division word ("Russian territory"): somewhere there


class PlacesComponent:
    def __init__(self) -> None:
        self.gaz: Gazetteer = load()
        lex = load_actor_lexicon()
        self.demonyms = dict(lex.demonyms)  # form -> ISO3
        # Buildings that stand for a government: a place (at the capital) when used as one.
        self.buildings = {form: lex.seats[form] for form in lex.metonyms}
        self.capitals = lex.capitals
        self.non_places = frozenset(normalize(row[0]) for row in lexicon.rows("lexicons/places/non_places.tsv"))

    def __call__(self, doc: Doc) -> Doc:
        actors = doc._.actors or []
        blocked = _actor_only_spans(actors, self.buildings)
        toponyms = [t for t in self._toponyms(doc) if not _blocked(doc, t, blocked) and not _named_medium(doc, t)]
        toponyms = [t for t in toponyms if not self._no_place(doc, t, toponyms)]
        self._mark_divisions(doc, toponyms)
        context = self._context(actors, toponyms, doc)
        pins = _spread_pins(toponyms, self._pins(doc, toponyms))
        context.divisions = self._divisions(doc, toponyms, context, pins)
        context.neighbours, context.largest = self._neighbours(toponyms)
        context.placed_unknowns = _written_as_places(doc, toponyms)
        confines = self._confines(doc, toponyms)
        doc._.places = [self._resolve(doc, t, context, pins.get(i), confines.get(i)) for i, t in enumerate(toponyms)]
        people = _person_names(actors)
        # an unknown name that is also a person's in the article ("Hagan, North Carolina's senator")
        doc._.places = [p for p in doc._.places
                        if p is not None and not (p.lat is None and p.level is None and p.text in people)]
        _country_of_unknown_places(doc_text(doc), doc._.places, context.dominant())
        governments = _governments(actors)
        for p in doc._.places:
            p.stands_for = governments.get((p.start, p.end))
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
            if any(i in used for i in range(start, end)):
                continue  # "John" of "Fort St. John", taken with the name before it
            if label in PLACE_LABELS:
                start, end = self._whole_name(doc, start, end)
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
            if suffix_end == end and all(t.lower_ in DIRECTION_WORDS for t in doc[start:end]) \
                    and not (end - start > 1 and self._knows(text)):
                continue  # "South", "the Western press" alone (but "Far East" is a region)
            if text in self.demonyms and suffix_end > end and doc[end].is_lower:
                # "Russian territory", "a Syrian region": somewhere in that country, never a town whose
                # name merely looks like the adjective (Rason for "Russian"); "Indian Territory" is a name
                out.append(_Toponym(start, suffix_end, doc[start:suffix_end].text, True, False,
                                    country_of=self.demonyms[text]))
                used.update(range(start, suffix_end))
                continue
            if label in PLACE_LABELS:
                if doc[start].lower_ in HONORIFICS:
                    continue  # "Ms Raggi" tagged GPE
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
        out += self._streets(doc, used)
        out += self._facilities(doc, used)
        out += self._untagged_after_locative(doc, used)
        out += self._untagged_before_institution(doc, used)
        out += self._inside_names(doc, used)
        out += self._datelines(doc, used)
        out += self._hyphen_prefixes(doc, used)
        out += self._coordinated(doc, out, used)
        self._list_unknown_towns(doc, out)
        out += self._same_name_elsewhere(doc, out, used)
        towns = {normalize(t.text) for t in out
                 if t.start >= 2 and doc[t.start - 1].lower_ == "of" and doc[t.start - 2].lower_ in TOWN_NOUNS
                 and not (t.end < len(doc) and doc[t.end].text in POSSESSIVE)}  # "a town of Jordan's Karak"
        for t in out:  # once "the city of Omsk", every "Omsk" of the article is the town
            t.town = not t.suffix and normalize(t.text) in towns
        for t in out:  # "La." and "Smithtown, Ky" are divisions; "La" in "La Silla" is not
            t.dotted = t.text.endswith(".") or (t.end < len(doc) and doc[t.end].text == "."
                                                 and doc[t.end - 1].whitespace_ == "") \
                or (t.start > 0 and doc[t.start - 1].text == ",")
        return sorted(out, key=lambda t: t.start)

    def _whole_name(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """A place name the tagger cut short: "Fort St." of "Fort St. John", "Portugal" of "the Little
        Portugal home". Extended over a capitalised word next to it while the gazetteer knows the longer
        name as a town or a division by its own name."""
        while end < len(doc) and end - start < 5 and _capitalised_name(doc[end]) \
                and self._own_name(doc[start:end + 1].text):
            end += 1
        while start > 0 and end - start < 5 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha \
                and not doc[start - 1].is_sent_start and doc[start - 1].lower_ not in DIRECTION_WORDS \
                and self._own_name(doc[start - 1:end].text):
            start -= 1
        return start, end

    def _own_name(self, text: str) -> bool:
        """Whether the gazetteer has a town, division or region under this very name, not only as one
        of its other names."""
        key = normalize(text)
        return any(normalize(e.name) == key and e.level in ("city", "admin1", "admin2", "region")
                   for e in self.gaz.lookup(text))

    @staticmethod
    def _name_fragment(doc: Doc, i: int) -> bool:
        """Whether token ``i`` continues a name inside an entity ("Valley" of "Thames Valley Police")."""
        return i > 0 and doc[i].ent_iob_ == "I" and doc[i - 1].text[:1].isupper() \
            and doc[i - 1].lower_ not in GENERIC_NAME_WORDS

    def _country_or_city(self, text: str) -> bool:
        """A country, or a big city by its own name: what stands out inside another name ("Environment
        Canada"); a division or a small town there is more likely a word of the name ("[The] Valley")."""
        key = normalize(text)
        return any(e.level == "country" or (e.level == "city" and e.population >= INSIDE_NAME_POPULATION
                                            and normalize(e.name) == key) for e in self.gaz.lookup(text))

    def _place_tagged_as_date(self, doc: Doc, start: int, end: int) -> bool:
        """"in Winnipeg" tagged DATE: one capitalised name, no figures, no calendar word, after a
        locative preposition, and a town of some size by its own name."""
        span = doc[start:end]
        if any(t.like_num or t.lower_ in CALENDAR_WORDS or not t.text[:1].isupper() for t in span):
            return False
        return start > 0 and _locative(doc, start - 1) \
            and self.gaz.is_known_place(span.text, min_population=MIN_MISLABEL_POPULATION)

    def _same_name_elsewhere(self, doc: Doc, found: list[_Toponym], used: set[int]) -> list[_Toponym]:
        """One sense per name in an article: once "Churchill, Man." shows Churchill to be a place, "a
        Churchill doctor" (tagged ORG) and "in Churchill" (untagged) are that place too."""
        text = doc_text(doc)
        names = {t.text for t in found if t.seat_of is None and t.facility_of is None and t.text[:1].isupper()
                 and not (t.text.isupper() and len(t.text) <= 3)  # "EU", "UN": names of bodies too
                 and (t.locative or (t.spacy_place and self.gaz.is_known_place(t.text, MIN_MISLABEL_POPULATION)
                                     and not _common_word(text, t.text)))}
        names -= self.demonyms.keys()
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
            if not _locative(doc, tok.i) or tok.i + 1 >= len(doc):
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
            if not _of_a_place(doc, tok.i, COMPASS_WORDS | PLACE_OF_NOUNS):
                continue
            start = end = tok.i + 1
            while end < len(doc) and end - start < 3 and _capitalised_name(doc[end]) and end not in used:
                end += 1
            if end > start and (self._knows(doc[start:end].text) or self._big_by_any_name(doc[start:end].text)):
                out.append(_Toponym(start, end, doc[start:end].text, False, True, locative=True))
                used.update(range(start, end))
        return out

    def _streets(self, doc: Doc, used: set[int]) -> list[_Toponym]:
        """"Seaton Street", "Hertford Road", "Highway 403": streets and roads, known by their last word
        after a name, or by a number after the road's kind. Local news places its events on them; the
        gazetteer has none, so they stay without coordinates, in the country the text puts them."""
        out = []
        for tok in doc:
            if tok.i in used or not tok.text[:1].isupper():
                continue
            start, end = tok.i, tok.i + 1
            if tok.lower_ in ROAD_KINDS and end < len(doc) and doc[end].like_num and end not in used:
                end += 1  # "Highway 403", "Interstate 94"
            elif tok.lower_ in STREET_NAME_ENDS and not (end < len(doc) and _street_word(doc[end])):
                # the street word ends the name ("Hertford Road"; not "the Liberal Road Map")
                while start > 0 and tok.i - start < 3 and _street_word(doc[start - 1]) \
                        and (start - 1) not in used and doc[start - 1].lower_ not in STREET_NAME_ENDS:
                    start -= 1
            if end - start < 2:
                continue
            out.append(_Toponym(start, end, doc[start:end].text, False, False, street=True))
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
        if not _institution_at(doc, end):
            return False
        return any(e.level in ("city", "admin1", "admin2", "country") for e in self.gaz.lookup(text))

    def _untagged_before_institution(self, doc: Doc, used: set[int]) -> list[_Toponym]:
        """Capitalised names the tagger left out, before an institution noun ("Brant OPP", "Winnipeg
        police Const. ...")."""
        out = []
        for tok in doc:
            if not _institution_at(doc, tok.i) or tok.i == 0 or tok.i in used:
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
                    # "Winnipeg Police": any town; but not "Valley" of "Thames Valley Police", a part of a name
                    min_pop = 0 if _institution_at(doc, j) and i == ent.start \
                        else INSIDE_NAME_POPULATION
                    if words[0].text[:1].isupper() and words[-1].text[:1].isupper() \
                            and (not generic or named_division or self._multiword_region(words.text)) \
                            and self.gaz.is_known_place(words.text, min_population=min_pop) \
                            and not (self._name_fragment(doc, i) and not self._country_or_city(words.text)):
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

    def _coordinated(self, doc: Doc, found: list[_Toponym], used: set[int]) -> list[_Toponym]:
        """"Foua and Kfraya", "Hornsey, Stoke Newington and Walthamstow", "Ingham or Townsville": a
        name listed with a toponym is of the same kind. Taken when the gazetteer knows it by its own
        name as a town of some size, a division or a country, whatever the tagger made of it."""
        out: list[_Toponym] = []
        # (start, end, whether reached through "and"/"or"): a comma alone links names only in a list that
        # has a conjunction ("Hornsey, Stoke Newington and Walthamstow"), not in "in Sichuan, Xinhua said"
        todo = [(t.start, t.end, False) for t in found if t.seat_of is None]
        seen = {(s, e) for s, e, _ in todo}
        while todo:  # a name found so is listed with others in turn: "Hornsey, Stoke Newington and ..."
            t_start, t_end, in_list = todo.pop()
            for step in (-1, 1):  # the conjunct before the toponym, then the one after it
                link = t_start - 1 if step < 0 else t_end
                span = self._conjunct(doc, link, step, used)
                if span is None or span in seen:
                    continue
                start, end = span
                far = start - 1 if step < 0 else end
                listed = in_list or doc[link].lower_ in ("and", "or") \
                    or (0 <= far < len(doc) and doc[far].lower_ in ("and", "or", ","))
                if not listed:
                    continue
                seen.add(span)
                text = doc[start:end].text
                tagged_else = doc[start].ent_type_ in ("PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "DATE")
                sibling = doc[t_start:t_end].text
                if self._listed_place(text, UNTAGGED_POPULATION if tagged_else else 0):
                    out.append(_Toponym(start, end, text, False, True, locative=True))
                    used.update(range(start, end))
                    todo.append((start, end, True))
                elif doc[start].ent_type_ != "PERSON" and self._listed_towns(text, sibling):
                    out.append(_Toponym(start, end, text, False, True, locative=True, listed_with=sibling))
                    used.update(range(start, end))
                    todo.append((start, end, True))
                elif doc[start].ent_type_ != "PERSON":
                    todo.append((start, end, True))  # a name we do not know ("Stoke Newington") links the list
        return out

    def _list_unknown_towns(self, doc: Doc, found: list[_Toponym]) -> None:
        """A toponym found on its own ("heading to Ingham") that the main index lacks, listed with a known
        place ("Ingham or Townsville"): a small town of that place's division, as in ``_coordinated``."""
        ordered = sorted(found, key=lambda t: t.start)
        for a, b in itertools.pairwise(ordered):
            if doc[a.end:b.start].text.strip().lower() not in ("and", "or", ",", ", and", ", or"):
                continue
            for unknown, sibling in ((a, b), (b, a)):
                if unknown.listed_with is None and not self.gaz.lookup(unknown.text) \
                        and self._listed_towns(unknown.text, sibling.text):
                    unknown.listed_with = sibling.text

    @staticmethod
    def _conjunct(doc: Doc, i: int, step: int, used: set[int]) -> tuple[int, int] | None:
        """The capitalised name (up to three words) on the far side of the list word at ``i`` ("and",
        "or", a comma), going left (``step`` -1) or right (+1)."""
        if not 0 <= i < len(doc) or doc[i].lower_ not in ("and", "or", ","):
            return None
        j = i + step
        if step > 0 and 0 <= j < len(doc) and doc[i].text == "," and doc[j].lower_ in ("and", "or"):
            j += 1  # "Hornsey, Stoke Newington, and Walthamstow"
        words: list[int] = []
        while 0 <= j < len(doc) and len(words) < 3 and j not in used and _capitalised_name(doc[j]) \
                and doc[j].ent_type_ not in NUMERIC_LABELS - {"DATE"} and not doc[j].like_num \
                and doc[j].lower_ not in CALENDAR_WORDS:  # "Limpopo" tagged DATE
            words.append(j)
            j += step
        if not words or (0 <= j < len(doc) and _capitalised_name(doc[j])):
            return None  # no name, or a longer one we only see part of
        return min(words), max(words) + 1

    def _listed_towns(self, text: str, sibling: str) -> list[GeoEntry]:
        """Small towns (under 5,000 people, outside the main index) called ``text`` in the division of a
        place it is listed with: "Ingham or Townsville" is Ingham, Queensland."""
        divisions = {(e.country, normalize(e.admin1 or e.name)) for e in self.gaz.lookup(sibling)
                     if e.level in ("city", "admin1")}
        return [e for e in self.gaz.towns(text) if (e.country, normalize(e.admin1 or "")) in divisions]

    def _listed_place(self, text: str, min_population: int) -> bool:
        """A conjunct is a place when the gazetteer has it by its own name: a country, a division, or a
        town (of ``min_population`` when the tagger took the name for a person or a body)."""
        if text in self.demonyms or normalize(text) in CALENDAR_WORDS:
            return False
        key = normalize(text)
        return any(normalize(e.name) == key and (e.level in ("country", "admin1", "region")
                                                 or (e.level == "city" and e.population >= min_population))
                   for e in self.gaz.lookup(text))

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
        if label == "NORP" or start == 0 or not _locative(doc, start - 1):
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
            if len(countries) == 1 and not t.variant:  # a respelt name needs the context, it gives none
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

    def _divisions(self, doc: Doc, toponyms: list[_Toponym], context: _Context,
                   pins: dict[int, set[str]]) -> dict[tuple[str, str], list[int]]:
        """The first-level divisions the article is about: those it names ("Texas", "Ky.") and those
        that pin a name ("London, Ontario"), as (ISO3, normalised name). Local news names its towns
        with their state, so a small "Paris" in a Texas story is the Texan one. Each maps to the token
        positions where it is named; one named in the dateline ("GLASGOW, Ky. (WBKO) --") places the
        whole story and goes into ``context.dateline``."""
        out: dict[tuple[str, str], list[int]] = {}
        for i, t in enumerate(toponyms):
            entries = self._entries(t)
            if not entries:
                continue
            if any(e.capital for e in entries):
                context.capital_names.add(normalize(t.text))
            best = max(entries, key=lambda e: _score(e, t, context, pins.get(i)))
            if best.level == "admin1" and best.admin1:
                key = (best.country, normalize(best.admin1))
                out.setdefault(key, []).append(t.start)
                context.division_names.add(normalize(t.text))
                if _in_dateline(doc, t):
                    context.dateline.add(key)
        return out

    def _no_place(self, doc: Doc, t: _Toponym, toponyms: list[_Toponym]) -> bool:
        """A heavenly body, a word of faith or a feast ("Jupiter", "God", "over Easter"), unless a
        division pins it right after a comma ("Jupiter, Fla."); or generic words alone ("a former City
        councillor", "Central")."""
        words = t.text.split()
        if not t.suffix and all(w.lower() in GENERIC_NAME_WORDS for w in words) \
                and not (len(words) > 1 and self._knows(t.text)):
            return True
        if normalize(t.text) not in self.non_places:
            return False
        return not (t.end < len(doc) and doc[t.end].text == "," and any(u.start == t.end + 1 for u in toponyms))

    def _mark_divisions(self, doc: Doc, toponyms: list[_Toponym]) -> None:
        """Names that can only mean a first-level division where they stand: after a town it lies in
        ("Atlanta, Georgia", "Bronx, New York": the state, not the country or the city), before a
        governor's title ("New York Gov. Mario Cuomo") and after "University of" or "State of". Sets
        ``division``, which ``_entries`` obeys."""
        ending = {u.end: u for u in toponyms}
        for t in toponyms:
            if t.division or not any(e.level == "admin1" for e in self.gaz.lookup(t.text)):
                continue
            if t.end < len(doc) and doc[t.end].lower_ in GOVERNOR_TITLES:
                t.division = True
                continue
            if t.start >= 2 and doc[t.start - 1].lower_ == "of" and doc[t.start - 2].lower_ in ("university", "state"):
                t.division = True  # "the University of Washington", "the State of New York": the state's
                continue
            town = ending.get(t.start - 1)
            if town is None or doc[t.start - 1].text != ",":
                continue
            readings = self.gaz.lookup(town.text) + self.gaz.towns(town.text)
            seats = {(e.country, normalize(e.admin1)) for e in readings if e.level == "city" and e.admin1}
            t.division = any((e.country, normalize(e.name)) in seats
                             for e in self.gaz.lookup(t.text) if e.level == "admin1")
            if not t.division and not any(e.level in ("country", "admin1") for e in readings):
                # "Smithville, Ontario.": a town we do not know there, then its division, ending the phrase
                # (in "Paris, London, New York and Tokyo" the names are a list of towns)
                t.division = t.end >= len(doc) or doc[t.end].lower_ not in ("and", "or", ",")

    def _pins(self, doc: Doc, toponyms: list[_Toponym]) -> dict[int, set[str]]:
        """"Paris, Texas", "London, Ontario": a division or country right after a comma pins the name
        before it, and a place's possessive the name after it ("Giza's Haram district"); returns toponym
        number -> the pinning names (normalised) and countries."""
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
        # "Giza's Haram district", "Russia's Kursk region": the possessor contains what it owns
        ending = {u.end: u for u in toponyms}
        for j, owned in enumerate(toponyms):
            owner = _possessor(doc, owned, ending)
            if owner is None:
                continue
            keys = set()
            for e in self._entries(owner):
                keys.add(e.country)
                if e.level in ("admin1", "city") and e.admin1:
                    keys.add(normalize(e.admin1))
            if keys:
                pins.setdefault(j, set()).update(keys)
        return pins

    def _confines(self, doc: Doc, toponyms: list[_Toponym]) -> dict[int, set[str]]:
        """Toponym number -> the countries the text puts a town-like name in, beyond doubt: a place's
        possessive before it ("Giza's Haram district") or a division or country after its comma that
        ends the phrase ("Smithville, Ontario."; not "Aleppo, Turkey and Iran", a list). A name none of
        whose readings lies there is left unresolved rather than sent abroad."""
        out: dict[int, set[str]] = {}
        at = {t.start: i for i, t in enumerate(toponyms)}
        ending = {u.end: u for u in toponyms}
        for i, t in enumerate(toponyms):
            if any(e.level in ("country", "admin1", "region") for e in self._entries(t)):
                continue  # "Russia, Turkey": a list of states, not a town and its state
            if t.start >= 2 and doc[t.start - 1].tag_ == "POS":
                owner = _possessor(doc, t, ending)
                if owner is not None:
                    out[i] = {e.country for e in self._entries(owner) if e.country}
                continue
            j = at.get(t.end + 1)
            if j is None or doc[t.end].text != ",":
                continue
            after = toponyms[j].end
            if after < len(doc) and doc[after].lower_ in ("and", "or", ","):
                continue
            states = {e.country for e in self._entries(toponyms[j]) if e.level in ("admin1", "country")}
            if states:
                out[i] = states
        return {i: states for i, states in out.items() if states}

    def _entries(self, t: _Toponym) -> list[GeoEntry]:
        """Gazetteer records for a toponym: its full text, then without the division word."""
        if t.country_of is not None:
            return []  # no one record: the text says only which country
        if t.seat_of is not None:
            capital = self.capitals.get(t.seat_of, "")
            cities = [e for e in self.gaz.lookup(capital) if e.country == t.seat_of and e.level == "city"]
            return sorted(cities, key=lambda e: -e.population)[:1]
        if t.facility_of is not None:
            return [e for e in self.gaz.lookup(t.facility_of) if e.level == "city"]
        if t.listed_with is not None:
            return self._listed_towns(t.text, t.listed_with)
        entries = self.gaz.lookup(t.text)
        key = normalize(t.text)
        if not t.dotted and len(key) <= 4:
            # a division reached only through its abbreviation needs the abbreviation's full stop
            entries = [e for e in entries if e.level != "admin1" or key in (normalize(e.name), admin_stem(e.name))]
        if t.town:  # "the city of Omsk", "the city of Turkey" (Texas): a town, not a division or a country
            entries = [e for e in entries if e.level == "city"] or entries
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
            entries = self.gaz.lookup_variant(admin_stem(t.text) if t.suffix else t.text)
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

    @staticmethod
    def _in_named_division(e: GeoEntry, context: _Context) -> bool:
        """Whether a record lies in one of the divisions the article names in its country, if it names
        any there: a loose spelling match ("Maoxian" for Meizhou, Guangdong) must not leave the province
        the story is about (Sichuan)."""
        named = {name for country, name in context.divisions if country == e.country}
        return not named or (e.admin1 is not None and normalize(e.admin1) in named) \
            or e.level in ("country", "admin1")

    def _local_towns(self, t: _Toponym, context: _Context) -> list[GeoEntry]:
        """Small towns called so in a division named near the name ("Edmonton" in a Kentucky story):
        the main index leaves towns under 5,000 people out, local news is full of them."""
        if not context.divisions or t.suffix or t.seat_of is not None:
            return []
        return [e for e in self.gaz.towns(t.text)
                if context.division_bonus(e, t) >= DIVISION_BONUS]

    def _resolve(self, doc: Doc, t: _Toponym, context: _Context, pin: set[str] | None,
                 confine: set[str] | None = None) -> Place | None:
        start = doc[t.start].idx
        end = start + len(t.text) if t.end == t.start + 1 else doc[t.end - 1].idx + len(doc[t.end - 1])
        text = doc_text(doc)[start:end]
        if t.country_of is not None:
            return Place(start, end, text, name=text, country=t.country_of, lat=None, lon=None, geonameid=None)
        entries = self._entries(t)
        if t.variant:
            # a respelt name: only in a country the article is about ("Dayr Az Zayr" in Syria), and a small
            # town only in a division named near it ("Qatraneh in the Karak district" is Al Qatranah)
            entries = [e for e in entries if context.get(e.country) and self._in_named_division(e, context)
                       and (e.level != "city" or e.population >= VARIANT_POPULATION
                            or context.division_bonus(e, t) >= DIVISION_BONUS)]
        if t.facility_of is not None:  # a facility by a town: a big town, or one in the story's countries
            entries = [e for e in entries if context.get(e.country) or e.population >= VARIANT_POPULATION]
            if not entries:
                return None
        entries += self._local_towns(t, context)
        if entries and confine and not any(e.country in confine for e in entries):
            # "Giza's Haram district", "Smithville, Ontario": none of our readings lies where the text
            # puts the name, so it stays unresolved, in the country it is put in
            return Place(start, end, text, name=text, country=next(iter(confine)) if len(confine) == 1 else None,
                         lat=None, lon=None, geonameid=None)
        if not entries:
            if not (t.spacy_place or t.suffix or t.street) or not (t.street or _looks_like_name(text)) \
                    or len(text) <= 2:
                return None  # two letters the gazetteer does not know ("La" of "La Silla") are no place
            if not (t.suffix or t.division or t.locative or t.street or normalize(t.text) in context.placed_unknowns):
                return None  # a name we cannot place, and nothing in the text says it is a place
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
        self.dateline: set[tuple[str, str]] = set()  # divisions named in the dateline: near every name
        self.placed_unknowns: set[str] = set()  # names the index lacks, written where only a place fits
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
        support = 0.0
        stem = admin_stem(key)
        for name, points in self.neighbours.items():
            if name == key or admin_stem(name) == stem:
                continue  # "Karak" is no neighbour of "Karak district": the same name
            near = [distance_km(e.lat, e.lon, la, lo) for la, lo, county in points if county or not small]
            if any(d <= CLOSE_KM for d in near) and not small:
                support += 1.0  # two names whose readings almost touch: a coincidence is unlikely
            elif any(d <= reach for d in near):
                support += 1 / len(points)
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
        key = (e.country, normalize(e.admin1))
        where = self.divisions.get(key)
        if not where:
            return 0.0
        if key in self.dateline or any(abs(i - t.start) <= DIVISION_WINDOW for i in where):
            return DIVISION_BONUS
        return DIVISION_BONUS / 3


# Text between an unknown place and a known one that contains it: "Kfraya in Idlib", "Puge county of
# Sichuan province", "Qatraneh in the Karak district", "Smithville, Ontario".
_CONTAINED_IN = re.compile(r"\s*(?:,|\s(?:county|district|village|town|city|province|region))?"
                           r"\s*(?:(?:in|of|near)\s+(?:the\s+)?)?$", re.IGNORECASE)


_LISTED = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+")


def _country_of_unknown_places(text: str, places: list[Place], dominant: str | None) -> None:
    """A name the gazetteer does not know keeps no coordinates, but its country is usually plain: the
    place written right after it as its container ("Kfraya in Idlib"), else the country the article
    is mostly about (an unknown village in a story about Syria is Syrian). Sets ``country`` in place."""
    for i, p in enumerate(places):
        if p.country is not None or p.lat is not None:
            continue
        nxt = places[i + 1] if i + 1 < len(places) else None
        prev = places[i - 1] if i > 0 else None
        if nxt is not None and nxt.country and nxt.start - p.end <= 30 \
                and _CONTAINED_IN.match(text[p.end:nxt.start]) and text[p.end:nxt.start].strip():
            p.country = nxt.country
        elif nxt is not None and nxt.country and _LISTED.fullmatch(text[p.end:nxt.start]):
            p.country = nxt.country  # "Ingham or Townsville": listed with a known place, in its country
        elif prev is not None and prev.country and _LISTED.fullmatch(text[prev.end:p.start]):
            p.country = prev.country
        elif dominant is not None:
            p.country = dominant


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
    own_name = _own_name_of(e, t)
    if own_name:
        score += 1.5  # the record's own name, not one of its alternate names
    if pin and (e.country in pin or (e.admin1 and normalize(e.admin1) in pin)):
        score += 5.0 if e.admin1 and normalize(e.admin1) in pin else 4.0
    if context.get(e.country):
        score += 2.0 if e.level == "city" else 3.0
    if not isinstance(context, _Context):
        return score - (1.0 if e.lat is None else 0.0)
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


# Words that open the qualifier of a town's full name: "Newcastle upon Tyne", "Frankfurt am Main",
# "Southend-on-Sea", "Boulogne-sur-Mer", "Halle (Saale)". News writes the town without it.
QUALIFIER_WORDS = frozenset({"upon", "on", "am", "an", "im", "in", "ob", "sur", "en", "under"})


def _own_name_of(e: GeoEntry, t: _Toponym) -> bool:
    """Whether the toponym is the record's own name or its short form ("Newcastle" for Newcastle upon
    Tyne), rather than one of its alternate names ("Turkey", an old name of New Providence)."""
    name, key = normalize(e.name), normalize(t.text)
    if name == key:
        return True
    rest = name[len(key):].split() if name.startswith(key + " ") else []
    return bool(rest) and e.level == "city" and ((rest[0] in QUALIFIER_WORDS and len(rest) >= 2)
                                                 or (rest[0].startswith("(") and len(rest) == 1))


def _possessor(doc: Doc, t: _Toponym, ending: dict[int, _Toponym]) -> _Toponym | None:
    """The toponym whose possessive stands right before ``t`` ("Giza" of "Giza's Haram district");
    ``ending`` maps each toponym's end token to it."""
    if t.start < 2 or doc[t.start - 1].tag_ != "POS":
        return None
    return ending.get(t.start - 1)


def _of_a_place(doc: Doc, i: int, nouns: frozenset[str]) -> bool:
    """Whether token ``i`` is an "of" that leads to a place: after one of ``nouns`` ("south of",
    "the villages of") or after a person's name ("Jane Doe, 58, of Paris")."""
    return doc[i].lower_ == "of" and i > 0 and (doc[i - 1].lower_ in nouns or _person_of(doc, i))


def _written_as_places(doc: Doc, toponyms: list[_Toponym]) -> set[str]:
    """The names (normalised) written somewhere where only a place fits: after a locative preposition
    ("in Puge"), after "of" and a place noun ("villages of Foua"), after a place's possessive ("Cairo's
    Abbasiya"), before a known place it lies in ("Kfraya in Idlib", "Holliday, Missouri"), listed with a
    place ("Foua and Kfraya"), named as a street ("on Blackwater Road"), or in a dateline. The tagger
    calls many names places that are not ("Zappos", "Barca"): a name the index lacks needs this."""
    at = {u.start for u in toponyms}
    ends = {u.end for u in toponyms}
    out = set()
    for t in toponyms:
        i = t.start - 1
        while i >= 0 and doc[i].lower_ in ("the", "former"):  # "in former Yugoslavia"
            i -= 1
        before = i >= 0 and (_locative(doc, i) or (doc[i].tag_ == "POS" and i in ends)
                             or _of_a_place(doc, i, OF_A_PLACE))
        nxt = t.end
        after = nxt + 1 < len(doc) and doc[nxt].lower_ in (",", "in", "near", "of", "and", "or") and nxt + 1 in at
        listed = t.start > 1 and doc[t.start - 1].lower_ in (",", "and", "or") and t.start - 1 in ends
        street = any(w.lower_ in STREET_WORDS | FEATURE_WORDS for w in doc[t.start:t.end]) \
            or (nxt < len(doc) and doc[nxt].lower_ in AREA_WORDS)
        dateline = t.start == 0 and nxt < len(doc) and doc[nxt].text in DATELINE_ENDS
        if before or after or listed or street or dateline or _in_dateline(doc, t):
            out.add(normalize(t.text))
    return out


# Last words of street names, as evidence for a name the index lacks ("Colton Way": here "Way" may count),
# and nouns of a town's parts ("the Abbasiya neighbourhood").
STREET_WORDS = STREET_NAME_ENDS | {"way"}
AREA_WORDS = frozenset({"neighbourhood", "neighborhood", "quarter", "area", "district", "suburb", "village",
                        "township", "county", "valley"})
# "Parts of Abaco", "the rest of Easter Island": the part of a place.
PART_WORDS = frozenset({"part", "parts", "rest", "edge", "tip", "side", "corner", "coast", "shores", "interior"})
# Words of the land and the water, in a name or before its "of": "Easter Island", "the Gulf of Oman",
# "the island of Grand Bahama", "the Cotabato Trench".
FEATURE_WORDS = frozenset({"island", "islands", "isle", "isles", "gulf", "sea", "ocean", "river", "lake", "mount",
                           "mountain", "mountains", "valley", "bay", "strait", "straits", "peninsula", "desert",
                           "coast", "cape", "trench", "canal", "channel", "basin", "plateau", "forest", "archipelago",
                           "township", "territory", "territories", "kingdom", "republic", "union", "empire"})
# Nouns before an "of" that leads to a place a name the index lacks may be ("the villages of Foua").
OF_A_PLACE = PLACE_OF_NOUNS | COMPASS_WORDS | DIRECTION_WORDS | AREA_WORDS | FEATURE_WORDS | PART_WORDS


DATELINE_ENDS = frozenset({"(", "—", "–", "-", "--", "_", ":"})


def _in_dateline(doc: Doc, t: _Toponym) -> bool:
    """Whether the toponym ends a dateline: "GLASGOW, Ky. (WBKO) --", "SPRINGFIELD, Ill. -": at the
    start of the text, after the town in capitals and a comma, before the agency or the dash."""
    if t.start == 0 or t.start > 6 or t.end >= len(doc) or doc[t.end].text not in DATELINE_ENDS:
        return False
    lead = doc[:t.start]
    return lead[-1].text == "," and all(tok.is_upper or tok.is_punct for tok in lead[:-1])


def _locative(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a preposition after which only a place fits: "in", "near", ... and the
    "to" of a verb of going or sending or of a "from" ("fled to Waukegan", "from Jakarta to Pangkal
    Pinang"; not "talked to Waukegan")."""
    tok = doc[i]
    if tok.lower_ in LOCATIVE_PREPS:
        return True
    if tok.lower_ != "to":
        return False
    if tok.head.lemma_.lower() not in MOTION_VERBS and not any(c.lower_ == "from" for c in tok.head.children):
        return False  # "talked to X"; but "a journey from Jakarta to X" goes to a place
    # "came to Rittenhouse's defense": "to" leads to the defense, and the name only owns it
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    return pobj is not None and not any(t.tag_ == "POS" for t in doc[i + 1:pobj.i])


def _common_word(article: str, name: str) -> bool:
    """Whether a name also occurs in the article in lower case ("lakes", "olympic"): a word, not only
    a name."""
    return name.lower() != name and name.lower() in article


# Nouns a medium's name stands in apposition to: "news agency Fars", "the newspaper Kommersant".
MEDIUM_NOUNS = frozenset({"agency", "newspaper", "broadcaster", "tabloid", "daily", "weekly", "channel", "outlet"})


def _named_medium(doc: Doc, t: _Toponym) -> bool:
    """Whether the name is that of a news medium: "state-owned Iranian news agency Fars reported"."""
    return t.start > 0 and doc[t.start - 1].lower_ in MEDIUM_NOUNS and t.seat_of is None


def _institution_at(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens the noun of a local institution: "police", "Council", "Superior Court"."""
    if i >= len(doc):
        return False
    word = doc[i].lower_
    return word in INSTITUTION_WORDS or (word in COURT_KINDS and i + 1 < len(doc) and doc[i + 1].lower_ == "court")


def _person_of(doc: Doc, of: int) -> bool:
    """"Riley Smith, 70, of Paris", "Linda Battle of Toco": "of" after a person's name (and age) gives
    where the person lives."""
    before = doc[of - 1]
    if before.ent_type_ == "PERSON" and before.text[:1].isupper():
        return True
    return of >= 4 and before.text == "," and doc[of - 2].like_num and doc[of - 3].text == "," \
        and doc[of - 4].ent_type_ == "PERSON"


def _street_word(tok: Token) -> bool:
    """A word of a street's name: capitalised, not a function word ("North Circular Road", "King Edward
    Street"; not "The" or "In")."""
    return tok.text[:1].isupper() and tok.is_alpha and not tok.is_stop and tok.pos_ in ("PROPN", "ADJ", "NOUN")


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


def _actor_only_spans(actors: list, buildings: dict[str, str]) -> list[tuple[int, int, bool, bool]]:
    """Char spans that name an actor and not a place: persons, organizations and groups, and buildings
    that stand for a government ("the Kremlin said"); the first flag says whether names inside the span
    are blocked too (a person's or an armed group's name, yes; an organization's, no: "Environment
    [Canada]"), the second whether no locative can make the span a place: such a building, or a body
    the lexicons list. A capital standing for its government
    ("Ottawa intends to ...") stays a place as well: see ``_governments``."""
    out = []
    for a in actors:
        for m in a.mentions:
            seat = m.form == "seat"
            if a.kind != "state" or (seat and _bare(m.text) in buildings):
                out.append((m.start, m.end, a.kind in ("person", "group"), seat or _listed_body(a)))
    return out


def _listed_body(actor: Actor) -> bool:
    """An organization or armed group the actor lexicons list by code (NATO, UN, Hamas): its name is no
    place even after a locative ("at NATO headquarters"), whatever town shares it (Nato, Philippines).
    Stable codes made up for unlisted names ("ORG:...") carry no such knowledge."""
    return actor.kind in ("organization", "group") and bool(actor.code) and ":" not in (actor.code or "")


def _governments(actors: list) -> dict[tuple[int, int], str]:
    """Char span -> ISO3 of the state whose government a capital's name stands for there ("Moscow and
    Pyongyang have worked to ..."): the place is still named, geoparsing corpora count it, and the map
    can tell it from a place where something happened."""
    return {(m.start, m.end): a.code for a in actors for m in a.mentions
            if m.form == "seat" and a.kind == "state" and a.code}


def _bare(text: str) -> str:
    """A name without its article: "the Kremlin" -> "Kremlin"."""
    return text[4:] if text.lower().startswith("the ") else text


def _blocked(doc: Doc, t: _Toponym, blocked: list[tuple[int, int, bool, bool]]) -> bool:
    """Whether an actor span rules the toponym out. A name written where only a place fits ("near
    Raqqah") stays a place even if taken for a person or an organization; a seat acting as its
    government ("Moscow said") does not."""
    s, e = doc[t.start].idx, doc[t.end - 1].idx + len(doc[t.end - 1])
    # "Riley Smith, 70, of Paris": where a person lives, not the French government
    residence = t.start > 0 and doc[t.start - 1].lower_ == "of" and _person_of(doc, t.start - 1)
    return any(((bs, be) == (s, e) or (inside and bs <= s and e <= be)) and ((seat and not residence)
                                                                           or not (t.locative or residence))
               for bs, be, inside, seat in blocked)


@Language.factory(
    "newsgraph_places",
    requires=["doc.ents", "doc._.actors"],
    assigns=["doc._.places"],
    default_config={},
)
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()
