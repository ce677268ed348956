"""The word lists of the events stage, read once: the PLOVER trigger lexicons and the stage's cue words.

From newsgraph/resources/plover/: ``verbs.tsv`` and ``nouns.tsv`` map a lemma to one or more
:class:`Entry` (type, mode, conditions); ``themes.tsv`` holds the noun classes the conditions name
("military", "weapon" ...). From newsgraph/resources/lexicons/events/: ``cue_words.tsv``, more word
classes the rules look up ("report_adverbs", "span_nouns" ...), in the same table of classes, and
``target_preps.tsv``, the prepositions whose object is the target, per PLOVER type. The files say where
their words come from (PLOVER manual's CAMEO-to-PLOVER table, CC BY-SA 4.0; the cue words are ours).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from newsgraph.nlp import lexicon
from newsgraph.nlp.lexicon import LexiconError

CUE_WORDS = "lexicons/events/cue_words.tsv"
TARGET_PREPS = "lexicons/events/target_preps.tsv"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# Intentions to act that PLOVER codes as a promise (AGREE) or a threat (THREATEN).
INTENT_TYPES = {"SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "CONCEDE": "AGREE", "RETREAT": "AGREE",
                "COERCE": "THREATEN", "SANCTION": "THREATEN", "ASSAULT": "THREATEN", "PROTEST": "THREATEN"}


@dataclass(frozen=True)
class Entry:
    """One way a lemma can trigger a PLOVER event, and what must hold around it."""

    type: str
    mode: str | None
    preps: frozenset[str] = frozenset()  # required preposition/particle child lemmas (any of)
    mods: frozenset[str] = frozenset()  # required modifier lemmas (any of), for nouns
    theme: str | None = None  # required theme class of the object ...
    theme_negated: bool = False  # ... or the class it must NOT be
    light: bool = False  # support verb: a noun trigger as its object decides the type
    control: bool = False  # wins over the triggers of its complement ("agreed to withdraw")
    absorb: bool = False  # wins over a noun trigger as its object ("lifted the blockade")
    needs_object: bool = False  # only with a direct object
    no_clause: bool = False  # only without a "that"-clause
    no_object: bool = False  # only without an object or a clause ("demonstrated"; not "demonstrates that")
    no_xcomp: bool = False  # only without a "to"-complement
    commit: bool = False  # only with something committed to (see verbs.tsv)
    plural_or_mass: bool = False  # a noun not counted as one ("talks", "for talk on X"; "a TED talk" lectures)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Entry, ...]]
    nouns: dict[str, tuple[Entry, ...]]
    themes: dict[str, frozenset[str]]  # class -> lemmas (themes.tsv and cue_words.tsv)
    target_preps: dict[str, frozenset[str]] = field(default_factory=dict)  # type -> prepositions

    def in_class(self, lemma: str, name: str) -> bool:
        """Whether a lemma belongs to a word class of themes.tsv or cue_words.tsv."""
        return lemma.lower() in self.themes.get(name, frozenset())

    def words(self, name: str) -> frozenset[str]:
        """The lemmas of a word class."""
        return self.themes.get(name, frozenset())

    def preps_for(self, type_: str) -> frozenset[str]:
        """The prepositions whose object is the target of an event of this type."""
        return self.target_preps.get(type_, self.target_preps.get("default", frozenset()))


def _rows(name: str) -> list[list[str]]:
    return lexicon.rows(f"plover/{name}")


def _entry(row: list[str]) -> Entry:
    _lemma, type_, mode, conds = [*row, "-", "-"][:4]
    if type_ not in PLOVER_TYPES:
        raise ValueError(f"unknown PLOVER type {type_!r} in lexicon row {row!r}")
    fields: dict[str, object] = {}
    for cond in conds.split(";"):
        key, _, value = cond.strip().partition("=")
        if key == "prep":
            fields["preps"] = frozenset(value.split("|"))
        elif key == "mod":
            fields["mods"] = frozenset(value.split("|"))
        elif key == "theme":
            fields["theme_negated"] = value.startswith("-")
            fields["theme"] = value.lstrip("-")
        elif key in ("light", "control", "absorb"):
            fields[key] = True
        elif key == "obj":
            fields["needs_object"] = True
        elif key == "noclause":
            fields["no_clause"] = True
        elif key == "noobj":
            fields["no_object"] = True
        elif key == "noxcomp":
            fields["no_xcomp"] = True
        elif key == "commit":
            fields["commit"] = True
        elif key == "plural_or_mass":
            fields["plural_or_mass"] = True
    return Entry(type_, None if mode == "-" else mode, **fields)  # type: ignore[arg-type]


def _table(name: str) -> dict[str, tuple[Entry, ...]]:
    table: dict[str, list[Entry]] = {}
    for row in _rows(name):
        table.setdefault(row[0].strip().lower(), []).append(_entry(row))
    return {k: tuple(v) for k, v in table.items()}


def _classes(name: str) -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(row[1].split()) for row in lexicon.rows(name, columns=2)}


@functools.cache
def load_lexicon() -> Lexicon:
    themes = _classes("plover/themes.tsv")
    cues = _classes(CUE_WORDS)
    twice = sorted(set(themes) & set(cues))
    if twice:
        raise LexiconError(f"{CUE_WORDS}: class {twice[0]!r} is also in plover/themes.tsv")
    preps = {type_: frozenset(words) for type_, words in _classes(TARGET_PREPS).items()}
    unknown = sorted(set(preps) - {"default", *PLOVER_TYPES})
    if unknown:
        raise LexiconError(f"{TARGET_PREPS}: {unknown[0]!r} is no PLOVER type")
    return Lexicon(_table("verbs.tsv"), _table("nouns.tsv"), {**themes, **cues}, preps)
