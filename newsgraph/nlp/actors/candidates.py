"""What the actors stage works with while it reads one document: the candidate mentions (``Cand``), a
title phrase found beside a name (``TitleInfo``), the per-document context every step is passed
(``Context``: the Doc, the lexicons, the rule table, the settings, and what the steps learn of the
article), and the index of person candidates (``PersonIndex``) that keeps the persons step linear.

A candidate carries its trace: the rule that produced it first, then every rule that kept it after a
test or set its role, affiliation or country, each with the char span it used as evidence. Merging
turns candidates into actors and carries their traces over (merge.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from newsgraph.model import ActorKind
from newsgraph.nlp.actors.lexicon import ActorLexicon, ActorWords
from newsgraph.nlp.actors.senses import place_like_names
from newsgraph.nlp.extensions import doc_text
from newsgraph.nlp.places.gazetteer import Gazetteer
from newsgraph.nlp.places.toponyms import toponym_texts
from newsgraph.nlp.rules import RuleTable
from newsgraph.nlp.words import POSSESSIVE

# One step of a candidate's trace: rule, evidence start and end (chars), and the field it set ("role",
# "affiliation", "country") or None when it produced, kept or changed the mention itself.
Step = tuple[str, int | None, int | None, str | None]
# Entity labels of names a capital can be part of without standing for a government.
NAME_LABELS = frozenset({"ORG", "FAC", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT"})


def chars(span: Span | Token) -> tuple[int, int]:
    """The char offsets of a span or a token: a rule's evidence."""
    if isinstance(span, Token):
        return span.idx, span.idx + len(span.text)
    return span.start_char, span.end_char


@dataclass
class Cand:
    """One mention of one actor, before the mentions are merged into actors."""

    start: int
    end: int
    key: str  # merge key: "state:RUS", "body:NATO", "person:Mark Rutte", "org:..."
    kind: ActorKind
    name: str
    form: str  # "name", "demonym", "seat", "surname" ...
    code: str | None = None
    country: str | None = None
    affiliation: str | None = None
    role: str | None = None
    role_text: str | None = None
    tokens: tuple[int, int] = (0, 0)
    explicit_cue: bool = False  # the affiliation came from the person's own title phrase
    trace: list[Step] = field(default_factory=list)

    def fired(self, rule: str, evidence: tuple[int, int] | None = None, sets: str | None = None) -> Cand:
        """Record that ``rule`` produced (the first step), kept or changed this mention."""
        start, end = evidence or (None, None)
        self.trace.append((rule, start, end, sets))
        return self


@dataclass
class TitleInfo:
    """A title phrase beside a name: the role as written, the code it gives, and the rules that found them."""

    role_text: str | None = None
    affiliation: str | None = None
    start_tok: int | None = None
    explicit: bool = False
    words: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    def fired(self, rule: str, evidence: tuple[int, int] | None, sets: str) -> None:
        start, end = evidence or (None, None)
        self.steps.append((rule, start, end, sets))

    def evidence_of(self, what: str) -> tuple[int, int] | None:
        """The evidence of the first step that set ``what`` ("role", "affiliation")."""
        for _, start, end, sets in self.steps:
            if sets == what and start is not None and end is not None:
                return start, end
        return None


@dataclass(frozen=True)
class Settings:
    """The stage's tunables (the factory's config)."""

    max_title_phrase: int = 8  # the most words a title written out in apposition runs to
    known_place_population: int = 100_000  # a bare "person" named like a city this big is the city
    division_population: int = 100_000  # "Georgia" beside a US city this big is the US state
    max_untagged_name: int = 3  # the most words of a name the tagger left untagged ("Special Advisor X Y")
    counterpart_sentences: int = 2  # how far after "their Chinese counterparts" the counterparts are named


@dataclass(frozen=True)
class Resources:
    """What every document is read with: the lexicons, the gazetteer, the rules and the settings."""

    lex: ActorLexicon
    words: ActorWords
    gaz: Gazetteer
    rules: RuleTable
    settings: Settings


class Context:
    """One document while the stage reads it: the Doc, the shared resources, the lexicon mentions once found,
    and facts about the article several steps ask for, each computed once."""

    def __init__(self, doc: Doc, res: Resources) -> None:
        self.doc = doc
        self.lex, self.words, self.gaz = res.lex, res.words, res.gaz
        self.rules, self.settings = res.rules, res.settings
        self.lexical: list[Cand] = []
        self.by_tok: dict[int, Cand] = {}

    def on(self, rule: str) -> bool:
        return self.rules.on(rule)

    def set_lexical(self, lexical: list[Cand]) -> None:
        self.lexical = lexical
        self.by_tok = {i: c for c in lexical for i in range(*c.tokens)}

    @cached_property
    def text(self) -> str:
        return doc_text(self.doc)

    @cached_property
    def sent_starts(self) -> list[int]:
        """Token -> the first token of its sentence."""
        out = [0] * len(self.doc)
        for sent in self.doc.sents:
            out[sent.start:sent.end] = [sent.start] * len(sent)
        return out

    @cached_property
    def toponyms(self) -> frozenset[str]:
        """Names the article itself shows to be places (places/toponyms.py)."""
        return toponym_texts(self.doc)

    @cached_property
    def full_person_ents(self) -> list[Span]:
        """PERSON entities of two words or more."""
        return [ent for ent in self.doc.ents if ent.label_ == "PERSON" and len(ent) > 1]

    @cached_property
    def person_names(self) -> frozenset[str]:
        return frozenset(ent.text for ent in self.full_person_ents)

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Every word of a full PERSON name."""
        return frozenset(t.text for ent in self.full_person_ents for t in ent)

    @cached_property
    def first_named(self) -> dict[str, int]:
        """First name -> the token after the first full name with it ("Georgia Stevens")."""
        out: dict[str, int] = {}
        for ent in self.full_person_ents:
            if ent[0].text[:1].isupper():
                out.setdefault(ent[0].text, ent.end)
        return out

    @cached_property
    def ent_at(self) -> dict[int, Span]:
        return {i: e for e in self.doc.ents for i in range(e.start, e.end)}

    @cached_property
    def named_ent(self) -> dict[int, Span]:
        """Token -> the entity of a name (NAME_LABELS) it is part of."""
        return {i: ent for ent in self.doc.ents if ent.label_ in NAME_LABELS for i in range(ent.start, ent.end)}

    @cached_property
    def place_like(self) -> frozenset[str]:
        """Names the tagger took for a person or an organization that the article writes where a place goes
        (senses.place_like_names)."""
        return place_like_names(self)

    # the small tests several steps share ------------------------------------------------------
    def place_cue_before(self, i: int) -> bool:
        """Whether the word before token ``i`` puts a place there: "in Georgia", "from Jordan", "of Chad";
        not before a possessive, where the preposition governs the thing owned ("to Georgia's credit")."""
        doc = self.doc
        prev = doc[i - 1].lower_ if i > 0 else ""
        owner = i + 1 < len(doc) and doc[i + 1].tag_ == "POS"
        return not owner and (prev in self.words.locative_prep or prev in self.words.place_cue
                              or prev in ("of", "to"))

    def honorific(self, tok: Token) -> bool:
        return tok.lower_.rstrip(".") in self.words.honorific

    def surname_key(self, word: str) -> str:
        """A surname as it is matched: "al-Abadi" and "Abadi" are the same man."""
        return surname_key(word, self.words.surname_prefix)

    def country_of(self, code: str | None) -> str | None:
        """The country of an affiliation code: itself for a state, None for an IGO."""
        return code if code in self.lex.state_names else None


class PersonIndex:
    """The person candidates found so far, in order, indexed as they are added: looking a name up costs
    the same with 3 persons as with 3,000."""

    def __init__(self, sent_starts: list[int]) -> None:
        self.sent_starts = sent_starts
        self.cands: list[Cand] = []
        self.by_sentence: dict[int, list[Cand]] = {}  # first token of a sentence -> its candidates
        self.first_word_owner: dict[str, str] = {}  # first word -> the first full name with it
        self.last_words: set[str] = set()  # the last word of every name
        self.by_end: dict[int, Cand] = {}  # end token -> the latest candidate ending there
        self.first_start: dict[str, int] = {}  # name -> the earliest start of a candidate with it
        self.covered: set[int] = set()  # tokens of every candidate

    def add(self, c: Cand) -> None:
        self.cands.append(c)
        parts = c.name.split()
        if " " in c.name:
            self.first_word_owner.setdefault(parts[0], c.name)
        self.last_words.add(parts[-1])
        self.by_end[c.tokens[1]] = c
        self.first_start[c.name] = min(c.start, self.first_start.get(c.name, c.start))
        self.covered.update(range(*c.tokens))
        if c.tokens[0] < len(self.sent_starts):
            self.by_sentence.setdefault(self.sent_starts[c.tokens[0]], []).append(c)

    def in_sentence(self, sent_start: int) -> list[Cand]:
        return self.by_sentence.get(sent_start, [])

    def extend(self, cands: list[Cand]) -> None:
        for c in cands:
            self.add(c)


def code_of_cand(c: Cand | None) -> str | None:
    return (c.code or c.affiliation or c.country) if c is not None else None


def surname_key(word: str, prefixes: tuple[str, ...]) -> str:
    low = word.lower()
    for prefix in prefixes:
        if low.startswith(prefix) and len(low) > len(prefix) + 2:
            return low[len(prefix):]
    return low


def person_name(span: Span) -> str:
    return person_name_words([t.text for t in span])


def person_name_words(words: list[str]) -> str:
    return " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")


def tokens_of(cands: list[Cand]) -> set[int]:
    return {i for c in cands for i in range(*c.tokens)}


def strip_the(ent: Span) -> int:
    """The first token of an entity after a leading "the"."""
    return ent.start + (ent[0].lower_ == "the")


def strip_possessive(ent: Span) -> int:
    """The end of an entity before a possessive ending."""
    return ent.end - (ent[-1].text in POSSESSIVE)
