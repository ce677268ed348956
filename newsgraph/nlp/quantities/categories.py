"""A count's category, subcategory and status: the ``quantities.context.*``, ``quantities.category.*`` and
``quantities.status.*`` rules.

The category comes from the counted noun and from the predicate it is the subject or object of ("600,000
soldiers have been killed or wounded" -> casualties / killed-or-wounded). Categories: troops, security
(police, gendarmes: law enforcement is not troops; "security forces" is troops), casualties (killed,
wounded, killed-or-wounded, missing, captured), displaced, arrests, weapons, money, other. A subset
("five people, including two children, were killed") shares what happened to its set. ``status`` is
"expected" for figures stated as expected or future. The cue words are in categories.tsv.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.model import Quantity
from newsgraph.nlp.quantities.lexicon import Cue, QuantityLexicon
from newsgraph.nlp.rules import RuleTable, fired
from newsgraph.nlp.words import FUTURE_AUX

NOUN_POS = frozenset({"NOUN", "PROPN"})
# Predicate cue categories that recategorise a count of people ("12 soldiers were killed").
EVENT_CATEGORIES = ("casualties", "arrests", "displaced")
PEOPLE_CATEGORIES = frozenset({"person", "troops", "security", "casualties", "displaced", "arrests"})
# Counted-noun categories that a count keeps when nothing happens to it ("3,000 troops", "40 drones").
NOUN_CATEGORIES = ("displaced", "arrests", "troops", "security")
SUBJECT_LIKE = ("nsubj", "nsubjpass", "attr", "appos", "npadvmod")


@dataclass(frozen=True)
class NounCue:
    """The cue of a counted noun, the token it was read from and the rule that chose it."""

    cue: Cue
    token: Token | None  # None when the noun is shared from an earlier count
    rule: str | None = None  # quantities.category.force_modifier when a modifier gave it


@dataclass
class Context:
    """The words that say what happened to a count: each with the rule that brought it in (None: the
    count itself), and the rules that climbed from the count to the word whose predicate is read."""

    words: list[tuple[Token, str | None]] = field(default_factory=list)
    climbs: list[tuple[str, Token]] = field(default_factory=list)

    def add(self, tokens: list[Token] | tuple[Token, ...], rule: str | None) -> None:
        self.words.extend((t, rule) for t in tokens)


@dataclass(frozen=True)
class PredicateCue:
    """A predicate word that signals a category, with the context rule that brought the word in."""

    cue: Cue
    token: Token
    rule: str | None  # None: the count itself


# A category, its subcategory and the predicate cues it was read from.
_Category = tuple[str, "str | None", list[PredicateCue]]


class Categoriser:
    """The context, category and status rules of the quantities stage."""

    def __init__(self, lex: QuantityLexicon, rules: RuleTable) -> None:
        self.lex = lex
        self.rules = rules

    def noun_cue(self, noun: Token) -> NounCue | None:
        """The cue of the counted noun; for a plain person noun, that of a modifier naming a force
        ("police officers" security, "army officers" troops)."""
        cue = _lookup(self.lex.nouns, noun)
        if cue is not None and cue.category != "person":
            return NounCue(cue, noun)
        if self.rules.on("quantities.category.force_modifier"):
            for child in noun.children:
                if child.dep_ in ("compound", "amod") and child.i < noun.i:
                    mod = _lookup(self.lex.nouns, child)
                    if mod is not None and mod.category in ("troops", "security"):
                        return NounCue(mod, child, "quantities.category.force_modifier")
        return NounCue(cue, noun) if cue is not None else None

    def categorise(self, q: Quantity, focus: Token, noun: Token | None, noun_cue: NounCue | None) -> None:
        """Set the category, subcategory and status of a count (its noun, or its number when it has none)."""
        context = self.context(focus)
        self._verb_before(q, focus, context)
        cues = [PredicateCue(c, t, rule) for t, rule in context.words if (c := _lookup(self.lex.predicates, t))]
        self._status(q, context, cues)
        event_cues = [c for c in cues if c.cue.category in EVENT_CATEGORIES]
        if not _people(noun, noun_cue) and self.rules.on("quantities.category.things_guard"):
            # Towns are captured and evacuated too: for nouns not known to be people only killing, wounding
            # and arrests recategorise ("337 suspected users were arrested", not "5 towns captured").
            kept = [c for c in event_cues if noun_cue is None and _unambiguous(c.cue)]
            for dropped in (c for c in event_cues if c not in kept):
                _fire(q, "quantities.category.things_guard", dropped.token)
            event_cues = kept
        found = self.rules.first(_category_table(noun_cue, event_cues))
        if found is None or found[1] is None:
            return
        name, (q.category, subcategory, used) = found[0], found[1]
        if subcategory is not None:
            q.subcategory = subcategory
        self._explain_category(q, name, noun_cue, used, context)

    def _explain_category(
        self, q: Quantity, name: str, noun_cue: NounCue | None, used: list[PredicateCue], context: Context
    ) -> None:
        if used:  # a predicate: the words it was read from, and how they were reached
            for climb, tok in context.climbs:
                _fire(q, climb, tok)
            for c in used:
                if c.rule is not None:
                    _fire(q, c.rule, c.token)
                _fire(q, name, c.token)
            return
        if noun_cue is not None and noun_cue.rule is not None and name == "quantities.category.noun":
            _fire(q, noun_cue.rule, noun_cue.token)
        _fire(q, name, noun_cue.token if noun_cue is not None and name != "quantities.category.other" else None)

    def _status(self, q: Quantity, context: Context, cues: list[PredicateCue]) -> None:
        """ "with more than 12,000 expected", "will send 5,000 troops": an expected figure."""
        done_first = self.rules.on("quantities.status.done_first")
        skipped = [c.token for c in cues if c.cue.category == "status" and done_first and _after_a_deed(c.token)]
        if skipped:
            _fire(q, "quantities.status.done_first", skipped[0])
        found = self.rules.first([
            ("quantities.status.expected_cue", lambda: next(
                (c.token for c in cues if c.cue.category == "status" and c.token not in skipped), None)),
            ("quantities.status.future_aux", lambda: next(
                (t for t, _ in context.words if t.dep_ == "aux" and t.lower_ in FUTURE_AUX), None)),
        ])
        if found is not None:
            q.status = "expected"
            _fire(q, found[0], found[1])

    # -- what happened to the counted things ----------------------------------------------------------

    def context(self, focus: Token) -> Context:
        """The words that say what happened to the counted things: the counted noun (or bare number), its
        modifiers ("wounded soldiers", "12,000 expected"), and the predicate it is subject or object of, with
        that predicate's conjuncts and complements ("have been killed or wounded", "are confirmed dead")."""
        out = Context()
        out.add([focus], None)
        base = self._climb(focus, out)
        if self.rules.on("quantities.context.modifier"):
            for tok in (focus, base):
                for child in tok.children:
                    if child.dep_ == "relcl" and _own_subject(child):
                        continue  # "142 cases, of which three patients have died": the clause is the patients'
                    if child.dep_ in ("acl", "relcl", "amod"):
                        out.add([child], "quantities.context.modifier")
                        out.add([c for c in child.children if c.dep_ in ("conj", "xcomp", "acomp", "oprd")],
                                "quantities.context.modifier")
        self._predicate(base, out)
        return out

    def _verb_before(self, q: Quantity, focus: Token, out: Context) -> None:
        """ "…, killing at least 1,240 people in the country, the authority said": when the words the parse
        gives say nothing of what happened, the verb right before the figure takes it as its object (a
        trailing "X said" often sends the parser astray and makes the count the subject of "said")."""
        if not self.rules.on("quantities.context.verb_before"):
            return
        if any(_lookup(self.lex.predicates, t) for t, _ in out.words):
            return
        doc = focus.doc
        first = doc.char_span(q.start, q.end, alignment_mode="expand")
        if first is None or first.start == 0:
            return
        verb = doc[first.start - 1]
        if verb.pos_ == "VERB" and verb.tag_ in ("VBG", "VBD", "VBN", "VBZ", "VBP") and verb not in (
                t for t, _ in out.words):
            out.add([verb], "quantities.context.verb_before")

    def _climb(self, focus: Token, out: Context) -> Token:
        """From the count to the word whose predicate says what happened to it."""
        on = self.rules.on
        base = focus
        if base.dep_ in ("nummod", "quantmod") and base.head.pos_ in ("ADJ", "PRON") and on(
            "quantities.context.adjective_head"
        ):
            base = self._climbed(out, "quantities.context.adjective_head", base.head)  # "injured thirty more"
        base = self._up_conjuncts(base, out)  # "12 soldiers and 3 civilians were killed"
        if in_subset(base) and base.head.lower_ != "of" and on("quantities.context.subset"):
            # "five people, including two children, were killed"
            base = self._up_conjuncts(self._climbed(out, "quantities.context.subset", base.head.head), out)
        if base.dep_ == "pobj" and base.head.lower_ == "of" and self._is_number_word(base.head.head) and on(
            "quantities.context.number_of"
        ):
            base = self._climbed(out, "quantities.context.number_of", base.head.head)  # "hundreds of soldiers died"
        figures = self.lex.cue("figure_noun")
        if base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.lower_ in figures and on(
            "quantities.context.figure_noun"
        ):
            base = base.head.head  # "a total of 39 are dead", "the death toll of 39"
            out.add([base], "quantities.context.figure_noun")
            out.add([c for c in base.children if c.dep_ == "compound"], "quantities.context.figure_noun")
        return base

    @staticmethod
    def _climbed(out: Context, rule: str, to: Token) -> Token:
        out.climbs.append((rule, to))
        return to

    def _up_conjuncts(self, base: Token, out: Context) -> Token:
        while base.dep_ == "conj" and base.head.pos_ in (*NOUN_POS, "NUM") and self.rules.on(
            "quantities.context.conjunct"
        ):
            base = self._climbed(out, "quantities.context.conjunct", base.head)
        return base

    def _predicate(self, base: Token, out: Context) -> None:
        """The predicate of the word reached: the verb it is subject or object of, the noun it is the "of"
        object of, the verb of "rose to" it."""
        on = self.rules.on
        if base.dep_ in SUBJECT_LIKE:
            if on("quantities.context.predicate"):
                # (a subject the parser hung on an auxiliary, "12 people were missing", is its verb's)
                head = base.head.head if base.head.dep_ in ("aux", "auxpass") else base.head
                out.add(_predicate_words(head), "quantities.context.predicate")
                if base.dep_ == "attr":  # "the confirmed deaths are fourteen civilians"
                    out.add([c for c in base.head.children if c.dep_ == "nsubj"], "quantities.context.predicate")
        elif base.dep_ == "dobj":
            if on("quantities.context.object_verb"):
                out.add([base.head], "quantities.context.object_verb")  # "killed 12 and wounded 30"
                # "left 6 dead"; "will send 5,000 troops"
                out.add([c for c in base.head.children if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "aux")],
                        "quantities.context.object_verb")
        elif base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.pos_ == "NOUN":
            if on("quantities.context.of_noun"):
                out.add([base.head.head], "quantities.context.of_noun")  # "the death of at least 50 people"
        elif base.dep_ == "pobj" and base.head.lower_ in ("to", "at") and on("quantities.context.rose_to"):
            verb = base.head.head  # "the death toll rose to 39", "stands at 39"
            out.add([verb], "quantities.context.rose_to")
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    out.add([child], "quantities.context.rose_to")
                    out.add([c for c in child.children if c.dep_ == "compound"], "quantities.context.rose_to")

    def _is_number_word(self, tok: Token) -> bool:
        return tok.like_num or tok.lower_ in self.lex.numbers


def _people(noun: Token | None, noun_cue: NounCue | None) -> bool:
    """Is the count one of people (or a bare number, which counts people as often as not)?"""
    return (
        noun is None
        or (noun_cue is not None and noun_cue.cue.category in PEOPLE_CATEGORIES)
        or noun.ent_type_ == "NORP"
        or noun.tag_ == "NNPS"
    )


def _category_table(
    noun_cue: NounCue | None, event_cues: list[PredicateCue]
) -> list[tuple[str, Callable[[], _Category | None]]]:
    """The category rules in order, each with what it finds: a category, subcategory and the cues used."""
    noun_category = noun_cue.cue.category if noun_cue is not None else None
    noun_subcategory = noun_cue.cue.subcategory if noun_cue is not None else None
    casualties = [c for c in event_cues if c.cue.category == "casualties"]
    return [
        ("quantities.category.weapons_noun", lambda: ("weapons", None, []) if noun_category == "weapons" else None),
        ("quantities.category.casualty_noun", lambda: (
            ("casualties", noun_subcategory, []) if noun_category == "casualties" else None
        )),
        ("quantities.category.casualty_predicate", lambda: (
            ("casualties", _casualty_subcategory([c.cue for c in event_cues]), casualties) if casualties else None
        )),
        ("quantities.category.event_predicate", lambda: (
            (event_cues[0].cue.category, None, event_cues[:1]) if event_cues else None
        )),
        ("quantities.category.noun", lambda: (
            (noun_category, None, []) if noun_category in NOUN_CATEGORIES else None
        )),
        ("quantities.category.other", lambda: ("other", None, [])),
    ]


def in_subset(tok: Token) -> bool:
    """Is the count (its number or its noun) the object of "including" / "among" a noun phrase?"""
    node = tok.head if tok.dep_ in ("nummod", "quantmod") else tok
    return (
        node.dep_ == "pobj"
        and node.head.lower_ in ("including", "among")
        and node.head.head.pos_ in (*NOUN_POS, "NUM")
    )


def _predicate_words(head: Token) -> list[Token]:
    out = [head]
    for child in head.children:
        if child.dep_ in ("conj", "xcomp", "acomp", "oprd", "attr", "aux"):
            out.append(child)
            if child.dep_ in ("xcomp", "conj"):
                out.extend(c for c in child.children if c.dep_ in ("conj", "acomp", "oprd"))
    # conjoined predicates with their own subject are about something else: "12 died and 30 were hurt"
    return [t for t in out if t is head or t.dep_ != "conj" or not _has_subject(t)]


def _after_a_deed(cue: Token) -> bool:
    """An expectation on a predicate conjoined to one in the past: "had moved in and were expected to join"."""
    head = cue.head if cue.dep_ == "conj" else None
    return head is not None and head.pos_ == "VERB" and (
        head.tag_ == "VBD" or (head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have"
                                                            for c in head.children)))


def _has_subject(tok: Token) -> bool:
    """A subject of its own, or on its auxiliary ("and 12 people were missing": the parser hangs "people" on
    "were")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ in ("aux", "auxpass") and _has_subject(c))
               for c in tok.children)


def _own_subject(clause: Token) -> bool:
    """A relative clause with a subject of its own, not its pronoun ("of which three patients have died")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in clause.children)


def _unambiguous(cue: Cue) -> bool:
    """Cues that recategorise any counted noun: only people are killed, wounded or arrested."""
    return cue.category == "arrests" or cue.subcategory in ("killed", "wounded", "killed-or-wounded")


def _lookup(table: dict[str, Cue], tok: Token) -> Cue | None:
    return table.get(tok.lower_) or table.get(tok.lemma_.lower())


def _casualty_subcategory(cues: list[Cue]) -> str | None:
    kinds = {c.subcategory for c in cues if c.category == "casualties" and c.subcategory}
    if "killed-or-wounded" in kinds or {"killed", "wounded"} <= kinds:
        return "killed-or-wounded"
    for kind in ("killed", "wounded", "missing", "captured"):
        if kind in kinds:
            return kind
    return None


def _fire(q: Quantity, rule: str, tok: Token | None) -> None:
    fired(q, rule, (tok.idx, tok.idx + len(tok)) if tok is not None else None)
