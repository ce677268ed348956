"""The actor lexicons: states and their forms, demonyms, seats of government, IGOs, national bodies, armed
groups, peoples and titles (resources/lexicons/*.tsv and GeoNames' countryInfo), parsed once per process;
and the code an event uses for an actor. Read by the actors stage, and by later stages that need to know
a country's forms (places, events) without importing the actors component."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from newsgraph.model import Actor
from newsgraph.nlp import lexicon
from newsgraph.nlp.places.gazetteer import GEONAMES_DIR

# ------------------------------------------------------------------------------------------------

# Capitals of small territories are also common words or names ("Victoria", "Kingston"); only the
# capitals of states this populous stand for their government.
MIN_CAPITAL_STATE_POPULATION = 1_000_000


@dataclass(frozen=True)
class Body:
    """An organization or group from a lexicon."""

    kind: str  # "organization" or "group"
    name: str
    code: str | None
    country: str | None


@dataclass
class ActorLexicon:
    state_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> canonical name
    states: dict[str, str] = field(default_factory=dict)  # form -> ISO3 (names and short forms)
    demonyms: dict[str, str] = field(default_factory=dict)  # form -> ISO3
    seats: dict[str, str] = field(default_factory=dict)  # capital or seat -> ISO3
    capitals: dict[str, str] = field(default_factory=dict)  # ISO3 -> capital (GeoNames countryInfo)
    metonyms: frozenset[str] = frozenset()  # seats that never name a place in news ("Kremlin")
    bodies: dict[str, Body] = field(default_factory=dict)  # form -> organization / group
    titles: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)  # title -> (canonical, org)
    title_words: frozenset[str] = frozenset()  # every word that can be part of a title phrase
    title_heads: frozenset[str] = frozenset()  # words a title phrase can end with ("minister")
    government_nouns: frozenset[str] = frozenset()  # "Moscow's offer": the capital acts
    peoples: dict[str, Body] = field(default_factory=dict)  # form -> ethnic or religious group ("Kurdish")
    languages: dict[str, Body] = field(default_factory=dict)  # language -> its group ("Arabic" -> Arabs)
    non_actors: dict[str, str] = field(default_factory=dict)  # name -> "never" | "platform" (non_actors.tsv)


# Words that qualify an office without being one ("Defense" in "Defense Secretary").
TITLE_MODIFIERS = frozenset(
    {
        "defense", "defence", "foreign", "interior", "finance", "justice", "deputy", "vice", "prime",
        "state", "army", "military", "intelligence", "police", "security", "national", "top", "former",
        "acting", "senior", "junior", "chief", "general", "supreme", "crown", "first", "health", "economy",
        "economic", "trade", "energy", "education", "agriculture", "culture", "emergency", "emergencies",
        "affairs", "home", "opposition", "party", "rebel", "militant", "navy", "naval", "air", "force",
        "forces", "spy", "regional", "local", "separatist", "assistant", "associate", "executive",
        "principal", "lead", "high", "special", "permanent", "presidential", "federal", "provincial",
        "district", "press", "public", "information", "communications", "staff", "joint", "fleet",
        "ministry", "office", "department", "commission", "council", "committee", "european", "interim",
        "caretaker", "outgoing", "incoming", "new", "longtime", "veteran", "retired"
    }
)


@functools.cache
def load_actor_lexicon() -> ActorLexicon:
    lex = ActorLexicon()
    populations: dict[str, int] = {}
    for line in (GEONAMES_DIR / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if line.startswith("#") or len(f) < 8 or not f[7].isdigit():
            continue
        iso3, name, capital = f[1], f[4], f[5].strip()
        lex.state_names[iso3] = name
        lex.states[name] = iso3
        populations[iso3] = int(f[7])
        if capital:
            lex.capitals[iso3] = capital
        if capital and int(f[7]) >= MIN_CAPITAL_STATE_POPULATION:
            lex.seats[capital] = iso3
    for iso3, form in lexicon.rows("lexicons/actors/states.tsv"):
        lex.states[form] = iso3
    for iso3, form in lexicon.rows("lexicons/actors/demonyms.tsv"):
        lex.demonyms[form] = iso3
    for form, iso3 in list(lex.demonyms.items()):
        # the plural of a people named by an "-an"/"-i" adjective: "Liberians", "Iraqis", "Ghanaians"
        if form.endswith(("an", "i")) and form + "s" not in lex.demonyms and form + "s" not in lex.states:
            lex.demonyms[form + "s"] = iso3
    metonyms = set()
    for iso3, form, what in lexicon.rows("lexicons/actors/seats.tsv"):
        lex.seats[form] = iso3
        if what == "building":
            metonyms.add(form)
    lex.metonyms = frozenset(metonyms)
    for row in lexicon.rows("lexicons/actors/igos.tsv"):
        code, name = row[0], row[1]
        body = Body("organization", name, code, None)
        for form in [name, *(row[2].split("|") if len(row) > 2 and row[2] else [])]:
            lex.bodies[form] = body
    for row in lexicon.rows("lexicons/actors/bodies.tsv"):
        iso3, name = row[0], row[1]
        body = Body("organization", name, None, iso3)
        for form in [name, *(row[2].split("|") if len(row) > 2 and row[2] else [])]:
            lex.bodies[form] = body
    for row in lexicon.rows("lexicons/actors/groups.tsv"):
        code, name = row[0], row[1]
        country = row[3] if len(row) > 3 and row[3] else None
        body = Body("group", name, code, country)
        for form in [name, *(row[2].split("|") if len(row) > 2 and row[2] else [])]:
            lex.bodies[form] = body
    lex.non_actors = {row[0]: row[1] for row in lexicon.rows("lexicons/actors/non_actors.tsv")}
    for row in lexicon.rows("lexicons/actors/peoples.tsv"):
        body = Body("group", row[1], row[0], row[3] if len(row) > 3 and row[3] else None)
        for form in row[2].split("|"):
            lex.peoples[form] = body
        for language in (row[5].split("|") if len(row) > 5 and row[5] else []):
            lex.languages[language] = body
    titles: dict[str, list[tuple[str, str | None]]] = {}
    words: set[str] = set(TITLE_MODIFIERS)
    heads: set[str] = set()
    for row in lexicon.rows("lexicons/actors/titles.tsv"):
        title = row[0].strip().lower()
        canonical = row[1].strip() if len(row) > 1 and row[1].strip() else ""
        org = row[2].strip() if len(row) > 2 and row[2].strip() else None
        titles.setdefault(title, [])
        if canonical:
            titles[title].append((canonical, org))
        parts = title.split()
        words.update(parts)
        heads.add(parts[-1])
    lex.government_nouns = frozenset(lexicon.entries("lexicons/actors/government_nouns.txt"))
    lex.titles = titles
    lex.title_words = frozenset(words)
    lex.title_heads = frozenset(heads)
    return lex


def actor_code(actor: Actor | None) -> str | None:
    """The code an event uses for an actor: its own code (states, IGOs, groups), else its affiliation,
    else its country; for a person, the state or body they act for first, else their own stable code."""
    if actor is None:
        return None
    if actor.kind == "person":
        return actor.affiliation or actor.country or actor.code
    return actor.code or actor.affiliation or actor.country
