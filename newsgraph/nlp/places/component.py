"""The places stage: toponyms in the text, resolved against the offline gazetteer.

Every decision is a named rule (``places/rules.py``), and every place records the rule that found it and
the rules that decided its reading, with their evidence (``newsgraph explain``). The modules, in the
order the stage runs them:

- ``recognise.py``, ``finders.py``, ``lists.py`` (``places.found.*``): spaCy GPE/LOC, repaired where the
  tagger slips ("Kursk" tagged PRODUCT before "region", "Near Ar Raqqah" tagged PERSON, "Danbury" tagged
  ORG), extended over division words ("Kursk region", "Donetsk Oblast"), cleaned of "the" and possessive
  endings; a demonym before a division word ("Russian territory": somewhere in Russia); plus datelines
  ("KABUL (Reuters)"), country prefixes inside one token ("U.S.-led"), well-known places inside
  organization names ("Environment Canada", but not "Valley" of "Thames Valley Police": inside a longer
  name only a country or a big city), courts and councils named after their town ("Litchfield Superior
  Court", "Enfield Council"), names listed with a place ("Foua and Kfraya", "Hornsey, Stoke Newington and
  Walthamstow"; a comma alone links names only in a list with "and"/"or"; a small town outside the main
  index when it lies in the division of the place it is listed with: "Ingham or Townsville"), names the
  tagger cut short ("Fort St." + "John", "Little" + "Portugal"), a town and its division ("Churchill,
  Man."), names after "south of" or "the liberation of", where a person lives ("Jane Doe, 58, of
  Paris"), seats of government used as buildings ("outside the White House", placed at the capital),
  names after the "to" of a verb of going ("fled to Waukegan"), facilities named after a town ("Tabqa
  Dam") and airports, streets and numbered roads ("Hertford Road", "Highway 403"; kept without
  coordinates, as the gazetteer has none), and the same name elsewhere in the article.
- ``reject.py`` (``places.not.*``): a person's, an organization's or a group's name the actors stage
  found (unless written where only a place fits: "near Raqqah"), a body the lexicons list even then
  ("at NATO headquarters"), a building acting as its government ("the Kremlin said"), media ("news
  agency Fars"), generic words alone ("City", "Western"), heavenly bodies, words of faith and feasts
  (``lexicons/places/non_places.tsv``: "Jupiter", "God", "over Easter"); after resolution a name the
  gazetteer lacks unless the text writes it as a place (after a locative, "of" a place noun, a place's
  possessive, before or listed with a known place, as a street or a feature of land or water, in a
  dateline: the tagger calls "Zappos" and "Barca" places) or that is a person's name. A country name is
  a place even when it is also an actor; a capital acting as its government ("Moscow and Pyongyang have
  worked") is still a place, marked ``stands_for`` and left off the map.
- ``pins.py``, ``readings.py``, ``context.py``, ``score.py``, ``resolve.py`` (``places.resolve.*``):
  every gazetteer record of the name is scored (``score.py`` lists the parts) by level (a country name
  means the country; a division word asks for a division), population, and the countries the article
  already talks about (from actors and from the names that resolve unambiguously), so "Washington" next
  to the Pentagon is the US capital and "Georgia" next to Tbilisi the country. Local news names its towns
  with their state: a division named near a name favours the towns in it ("Waterloo" after "Iowa"), and
  brings in small towns the main index leaves out ("Edmonton" in a Kentucky story; a dateline's division,
  "GLASGOW, Ky. (WBKO) --", counts as near every name); "Paris, Texas" pins every later "Paris" of the
  article, and makes "Texas" the division: so do "Atlanta, Georgia" (not the country) and a governor's
  title ("New York Gov."). A place's possessive puts a name inside it ("Giza's Haram district"): a name
  with no reading there stays unresolved rather than going abroad. A name found only under a looser
  spelling must be in a country the article is about, and in a division it names there if it names any
  ("Maoxian" is not Meizhou, Guangdong, in a Sichuan story); it gives the article no country itself. A
  name the gazetteer does not know keeps no coordinates, but gets a country when the text makes it
  plain: the place written right after it as its container ("Kfraya in Idlib"), a place it is listed
  with ("Ingham or Townsville"), else the article's dominant country.

The gazetteer (``gazetteer/``) is built once from packaged GeoNames data and cached on disk. The stage's
word lists are data (``resources/lexicons/places/``, read by ``words.py``); its tunables are the factory's
``settings`` (``stage.Settings``), and any rule can be switched off with ``rules_off``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.places.recognise import find_toponyms
from newsgraph.nlp.places.reject import reject
from newsgraph.nlp.places.resolve import resolve_article
from newsgraph.nlp.places.rules import RULES
from newsgraph.nlp.places.stage import Settings, Stage


class PlacesComponent:
    """Finds the toponyms of a Doc, rejects those that are no places, resolves the rest: ``doc._.places``."""

    def __init__(self, rules_off: list[str] | None = None, settings: Settings | None = None) -> None:
        self.stage = Stage(RULES.switched_off(rules_off or []), settings or Settings())

    def __call__(self, doc: Doc) -> Doc:
        actors = doc._.actors or []
        toponyms = reject(self.stage, doc, find_toponyms(self.stage, doc), actors)
        doc._.places = resolve_article(self.stage, doc, toponyms, actors)
        return doc


@Language.factory(
    "newsgraph_places",
    requires=["doc.ents", "doc._.actors"],
    assigns=["doc._.places"],
    default_config={"rules_off": [], "settings": asdict(Settings())},
)
def make_places(nlp: Language, name: str, rules_off: list[str], settings: dict[str, Any]) -> PlacesComponent:
    """``rules_off``: names of rules to switch off (other stages' names are left to them); ``settings``:
    the tunables of ``stage.Settings``, any of them overridden by name."""
    return PlacesComponent(rules_off, Settings(**settings))
