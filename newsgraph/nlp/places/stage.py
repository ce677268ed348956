"""What the places stage holds for every document: the gazetteer, the lexicons it reads, its settings (the
tunables of ``default_config``) and its rule table with the rules a config switched off; and the questions
it asks the gazetteer about a name."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.nlp import lexicon
from newsgraph.nlp.actors.lexicon import load_actor_lexicon
from newsgraph.nlp.places.gazetteer import Gazetteer, GeoEntry, admin_stem, load, normalize
from newsgraph.nlp.rules import RuleTable


@dataclass(frozen=True)
class Settings:
    """The tunables (``default_config["settings"]``): thresholds, windows, populations."""

    # A misread name must be at least this big a city to be taken without the tagger's agreement.
    min_mislabel_population: int = 100_000
    # A city the tagger missed must be this big to be taken after "near", "in" ...
    untagged_population: int = 10_000
    # A city named inside an organization's name must be this big ("Toronto General Hospital").
    inside_name_population: int = 200_000
    # A respelt name ("Dayr Az Zayr" for "Deir ez-Zor") needs this many people to be taken on its own.
    variant_population: int = 50_000
    # A town in a division the article names gains this much ("Paris" in a story about Texas) ...
    division_bonus: float = 3.0
    # ... when the division is named within this many tokens of the town (a paragraph or so).
    division_window: int = 80
    # Local places named in one article lie close together: a town's reading gains up to neighbour_bonus
    # for each other name that can be a place within neighbour_km, at most max_neighbour_bonus in all ...
    neighbour_km: float = 100.0
    neighbour_bonus: float = 3.0
    max_neighbour_bonus: float = 3.0
    # ... only for a town at least 1/neighbour_max_ratio the size of the name's biggest namesake (a smaller
    # one only by a county within county_km).
    neighbour_max_ratio: int = 40
    county_km: float = 40.0
    # Another name with a reading this close supports a reading fully, however many namesakes it has:
    # "Enfield" and "Edmonton" both have readings in four countries, but only the London pair lies within a
    # few km of each other ("London" and "Paris" in Ontario lie 60 km apart).
    close_km: float = 30.0
    # How much an airport's reading weighs against towns of the same name (a town of 100,000 weighs 5.0).
    site_score: float = 5.0


class Stage:
    """The gazetteer, the lexicons, the settings and the rules of one places component."""

    def __init__(self, rules: RuleTable, settings: Settings) -> None:
        self.rules = rules
        self.settings = settings
        self.gaz: Gazetteer = load()
        lex = load_actor_lexicon()
        self.demonyms = dict(lex.demonyms)  # form -> ISO3
        # Buildings that stand for a government: a place (at the capital) when used as one.
        self.buildings = {form: lex.seats[form] for form in lex.metonyms}
        self.capitals = lex.capitals
        self.non_places = frozenset(normalize(row[0]) for row in lexicon.rows("lexicons/places/non_places.tsv"))

    def on(self, rule: str) -> bool:
        return self.rules.on(rule)

    # ------------------------------------------------------------------------------------------
    # what the gazetteer knows of a name
    # ------------------------------------------------------------------------------------------
    def knows(self, text: str) -> bool:
        """Whether the gazetteer knows a name as a town, a division or a region (an airport's core name,
        "Reed" or "Hammer", does not make a mislabelled name a place)."""
        return any(e.level != "site" for e in self.gaz.lookup(text))

    def own_name(self, text: str) -> bool:
        """Whether the gazetteer has a town, division or region under this very name, not only as one
        of its other names."""
        key = normalize(text)
        return any(normalize(e.name) == key and e.level in ("city", "admin1", "admin2", "region")
                   for e in self.gaz.lookup(text))

    def country_name(self, text: str) -> bool:
        """Whether the gazetteer has a country under this name, its own or a curated other one ("DR Congo")."""
        return any(e.level == "country" for e in self.gaz.lookup(text))

    def big_by_any_name(self, text: str) -> bool:
        """A big city or a division under one of its other names or spellings ("Dayr Az Zayr")."""
        entries = self.gaz.lookup(text) or self.gaz.lookup_variant(text)
        return any(e.level in ("country", "admin1")
                   or (e.level == "city" and e.population >= self.settings.variant_population) for e in entries)

    def country_or_city(self, text: str) -> bool:
        """A country, or a big city by its own name: what stands out inside another name ("Environment
        Canada"); a division or a small town there is more likely a word of the name ("[The] Valley")."""
        key = normalize(text)
        return any(e.level == "country" or (e.level == "city" and e.population >= self.settings.inside_name_population
                                            and normalize(e.name) == key) for e in self.gaz.lookup(text))

    def multiword_region(self, text: str) -> bool:
        """"Middle East" inside "Minister for the Middle East": a region of several words, generic ones
        included."""
        return " " in text and any(e.level == "region" for e in self.gaz.lookup(text))

    def well_known(self, text: str, label: str) -> bool:
        """A name tagged as something else is a place only if it is a country, a division, or a big
        city (and not a person's name)."""
        big = self.settings.min_mislabel_population
        if label == "PERSON":
            return self.gaz.is_known_place(text, min_population=big)
        if any(e.level == "site" for e in self.gaz.lookup(text)):
            return True  # "Gatwick", "Incirlik Air Base" tagged ORG or FAC: an airport the gazetteer knows
        if label == "ORG":
            return self.gaz.is_known_place(text)
        for e in self.gaz.lookup(text):
            if e.level in ("country", "admin1") or (e.level == "city" and e.population >= big):
                return label != "FAC" or e.level != "country"
        return False

    def local_place(self, text: str) -> bool:
        """A town, a division or a country by this name: what a local institution serves ("Enfield
        Council")."""
        return any(e.level in ("city", "admin1", "admin2", "country") for e in self.gaz.lookup(text))

    def division_by_name(self, text: str, abbreviated: bool, counties: bool = False) -> bool:
        """A first-level division by its own name ("Oklahoma") or, ``abbreviated``, by an abbreviation
        written with its dot ("Man.", "Ark."); with ``counties``, a second-level one by its own name too
        ("Clacton, Essex")."""
        key = normalize(text)
        return any((e.level == "admin1" and (abbreviated or normalize(e.name) == key or admin_stem(e.name) == key))
                   or (counties and e.level == "admin2" and normalize(e.name) == key)
                   for e in self.gaz.lookup(text))

    def listed_towns(self, text: str, sibling: str) -> list[GeoEntry]:
        """Small towns (under 5,000 people, outside the main index) called ``text`` in the division of a
        place it is listed with: "Ingham or Townsville" is Ingham, Queensland."""
        divisions = {(e.country, normalize(e.admin1 or e.name)) for e in self.gaz.lookup(sibling)
                     if e.level in ("city", "admin1")}
        return [e for e in self.gaz.towns(text) if (e.country, normalize(e.admin1 or "")) in divisions]

    def listed_place(self, text: str, min_population: int) -> bool:
        """A conjunct is a place when the gazetteer has it by its own name: a country, a division, or a
        town (of ``min_population`` when the tagger took the name for a person or a body)."""
        key = normalize(text)
        return any(normalize(e.name) == key and (e.level in ("country", "admin1", "region")
                                                 or (e.level == "city" and e.population >= min_population))
                   for e in self.gaz.lookup(text))
