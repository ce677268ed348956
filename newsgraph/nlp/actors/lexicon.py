"""The actor lexicons: states and their forms, demonyms, seats of government, IGOs, national bodies, armed
groups, peoples and titles (resources/lexicons/actors/*.tsv and GeoNames' countryInfo), parsed once per
process; the cue words the stage's rules look up (cue_words.tsv); and the code an event uses for an actor.
Read by the actors stage, and by later stages that need to know a country's forms (places, events)
without importing the actors component."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Any

from newsgraph.model import Actor
from newsgraph.nlp import lexicon
from newsgraph.nlp.places.gazetteer import GEONAMES_DIR

# ------------------------------------------------------------------------------------------------

# Capitals of small territories are also common words or names ("Victoria", "Kingston"); only the
# capitals of states this populous stand for their government. (A property of the lexicon every stage
# shares, read once per process: not a setting of one component.)
MIN_CAPITAL_STATE_POPULATION = 1_000_000
CUE_WORDS = "lexicons/actors/cue_words.tsv"


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


@dataclass(frozen=True)
class ActorWords:
    """The cue-word lists of cue_words.tsv, one field a list (its header says what each is for)."""

    title_modifier: frozenset[str]
    apposed_role: frozenset[str]
    motion: frozenset[str]
    locative_prep: frozenset[str]
    government_prep: frozenset[str]
    place_cue: frozenset[str]
    medium_prep: frozenset[str]
    place_verb: frozenset[str]
    settlement_noun: frozenset[str]
    org_noun: frozenset[str]
    non_person_head: frozenset[str]
    body_head: frozenset[str]
    not_name_word: frozenset[str]
    service: tuple[str, ...]  # as written, in the file's order (PhraseMatcher patterns)
    honorific: frozenset[str]
    leader_government_noun: frozenset[str]
    adjective_ending: tuple[str, ...]  # for str.endswith
    language_noun: frozenset[str]
    surname_prefix: tuple[str, ...]  # for str.startswith, in the file's order
    portfolios: dict[str, str] = field(default_factory=dict)  # title word -> portfolio (portfolios.tsv)


@functools.cache
def load_actor_words() -> ActorWords:
    """cue_words.tsv (and portfolios.tsv) as ActorWords: a list the dataclass does not name, or a field no
    line fills, is a LexiconError naming the file."""
    lists: dict[str, list[str]] = {}
    for name, word in lexicon.rows(CUE_WORDS, columns=2):
        lists.setdefault(name, []).append(word)
    fields = {f.name: f for f in dataclasses.fields(ActorWords) if f.name != "portfolios"}
    unknown = sorted(set(lists) - set(fields))
    missing = sorted(set(fields) - set(lists))
    if unknown or missing:
        raise lexicon.LexiconError(f"{CUE_WORDS}: lists {unknown} are unknown, {missing} have no words")
    portfolios = dict(lexicon.rows("lexicons/actors/portfolios.tsv", columns=2))
    kwargs: dict[str, Any] = {name: tuple(words) if str(fields[name].type).startswith("tuple") else frozenset(words)
                              for name, words in lists.items()}
    return ActorWords(**kwargs, portfolios=portfolios)


@functools.cache
def load_actor_lexicon() -> ActorLexicon:
    lex = ActorLexicon()
    _read_country_info(lex)
    for iso3, form in lexicon.rows("lexicons/actors/states.tsv"):
        lex.states[form] = iso3
    _read_demonyms(lex)
    _read_seats(lex)
    for row in lexicon.rows("lexicons/actors/igos.tsv"):
        _add_body(lex, row, Body("organization", row[1], row[0], None))
    for row in lexicon.rows("lexicons/actors/bodies.tsv"):
        _add_body(lex, row, Body("organization", row[1], None, row[0]))
    for row in lexicon.rows("lexicons/actors/groups.tsv"):
        _add_body(lex, row, Body("group", row[1], row[0], _field(row, 3)))
    lex.non_actors = {row[0]: row[1] for row in lexicon.rows("lexicons/actors/non_actors.tsv")}
    _read_peoples(lex)
    _read_titles(lex)
    lex.government_nouns = frozenset(lexicon.entries("lexicons/actors/government_nouns.txt"))
    return lex


def _field(row: list[str], i: int) -> str | None:
    """The ``i``-th field of a row, None when it is missing or empty."""
    return row[i] if len(row) > i and row[i] else None


def _read_country_info(lex: ActorLexicon) -> None:
    """GeoNames countryInfo: each state's ISO3, name and capital (a seat when the state is populous)."""
    for line in (GEONAMES_DIR / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if line.startswith("#") or len(f) < 8 or not f[7].isdigit():
            continue
        iso3, name, capital = f[1], f[4], f[5].strip()
        lex.state_names[iso3] = name
        lex.states[name] = iso3
        if capital:
            lex.capitals[iso3] = capital
        if capital and int(f[7]) >= MIN_CAPITAL_STATE_POPULATION:
            lex.seats[capital] = iso3


def _read_demonyms(lex: ActorLexicon) -> None:
    for iso3, form in lexicon.rows("lexicons/actors/demonyms.tsv"):
        lex.demonyms[form] = iso3
    for form, iso3 in list(lex.demonyms.items()):
        # the plural of a people named by an "-an"/"-i" adjective: "Liberians", "Iraqis", "Ghanaians"
        if form.endswith(("an", "i")) and form + "s" not in lex.demonyms and form + "s" not in lex.states:
            lex.demonyms[form + "s"] = iso3


def _read_seats(lex: ActorLexicon) -> None:
    metonyms = set()
    for iso3, form, what in lexicon.rows("lexicons/actors/seats.tsv"):
        lex.seats[form] = iso3
        if what == "building":
            metonyms.add(form)
    lex.metonyms = frozenset(metonyms)


def _add_body(lex: ActorLexicon, row: list[str], body: Body) -> None:
    """A body under its name and the other forms of the row's third field ("|"-separated)."""
    for form in [body.name, *(row[2].split("|") if _field(row, 2) else [])]:
        lex.bodies[form] = body


def _read_peoples(lex: ActorLexicon) -> None:
    for row in lexicon.rows("lexicons/actors/peoples.tsv"):
        body = Body("group", row[1], row[0], _field(row, 3))
        for form in row[2].split("|"):
            lex.peoples[form] = body
        for language in (row[5].split("|") if _field(row, 5) else []):
            lex.languages[language] = body


def _read_titles(lex: ActorLexicon) -> None:
    """titles.tsv: each title's canonical offices, and the words title phrases are made of."""
    titles: dict[str, list[tuple[str, str | None]]] = {}
    words: set[str] = set(load_actor_words().title_modifier)
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
    lex.titles = titles
    lex.title_words = frozenset(words)
    lex.title_heads = frozenset(heads)


def actor_code(actor: Actor | None) -> str | None:
    """The code an event uses for an actor: its own code (states, IGOs, groups), else its affiliation,
    else its country; for a person, the state or body they act for first, else their own stable code."""
    if actor is None:
        return None
    if actor.kind == "person":
        return actor.affiliation or actor.country or actor.code
    return actor.code or actor.affiliation or actor.country
