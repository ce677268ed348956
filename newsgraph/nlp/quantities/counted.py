"""What a count counts: the ``quantities.counted.*`` rules.

The counted noun is the head of the noun phrase right after the number, or after "of": "3,000 North
Korean troops", "hundreds of people", "two of the soldiers", "27 dead". The head is found past model
names and asides ("18 F-16 fighter jets", "hundreds of ISIS (Islamic State) fighters"), through a
partitive ("six of the country's eight capitals", "17 out of 18 districts") and through a figure noun
("set the number of justices at nine"). A bare number shares the noun of the previous count of its
sentence when that count is of people or of a known category, when it is parallel to it ("54 nations
signed, only 27 ratified"), a total of it ("for a running total of 60") or compared with it ("up from 1.2
million").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.model import Quantity
from newsgraph.nlp.quantities.config import Settings
from newsgraph.nlp.quantities.lexicon import QuantityLexicon
from newsgraph.nlp.quantities.numbers import DASHES, Step
from newsgraph.nlp.quantities.reading import NOT_RATE_TIMES, RATE_WORDS
from newsgraph.nlp.rules import RuleTable

NOUN_POS = frozenset({"NOUN", "PROPN"})
ADJ_POS = frozenset({"ADJ", "PROPN"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
CLOSING_QUOTES = frozenset({'"', "\u201d", "'", "\u2019"})
# Tokens that may sit between a number and its noun: "3,000 North Korean troops", "two tank brigades".
MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "DET", "NUM"})


@dataclass
class Counted:
    """A counted noun, the rule that found it and the rules that passed over words on the way."""

    noun: Token
    rule: str
    steps: list[Step] = field(default_factory=list)


@dataclass
class _Walk:
    """The walk over the phrase after a number, token by token."""

    j: int  # the first token of the phrase (after "of" in a partitive)
    sent_end: int
    limit: int
    partitive: bool
    steps: list[Step]
    noun: Token | None = None
    rule: str = ""
    run: list[Token] = field(default_factory=list)

    def found(self, noun: Token | None, rule: str) -> None:
        self.noun, self.rule = noun, rule if noun is not None else ""

    def passed(self, rule: str, start: int, end: int) -> None:
        self.steps.append((rule, start, end))


@dataclass(frozen=True)
class Lender:
    """The previous count of the sentence, whose noun a bare number may share."""

    quantity: Quantity
    noun: Token | None


class NounFinder:
    """The counted-noun rules of the quantities stage."""

    def __init__(self, lex: QuantityLexicon, rules: RuleTable, settings: Settings) -> None:
        self.lex = lex
        self.rules = rules
        self.settings = settings

    def counted_noun(
        self, doc: Doc, j: int, sent_end: int, anchor: Token | None = None, notes: list[Step] | None = None
    ) -> Counted | None:
        """The head noun of the noun phrase right after the number (token j), or after "of". None when
        there is none ("12,000 expected"). When the parser makes the number (``anchor``) modify a noun of
        that phrase, that noun wins (the tagger sometimes reads a verb as a noun: "two factions pushing").
        A noun turned down (``quantities.counted.not_predicate``) is noted in ``notes``."""
        steps: list[Step] = []
        if self._rate_only(doc, j, sent_end):
            if notes is not None:
                notes.append(("quantities.counted.rate_only", j, j + 2))
            return None  # "arrivals stayed at up to 1,000 a day": "day" is what the count is per, not what it counts
        if j + 1 < sent_end and doc[j].lower_ == "out" and doc[j + 1].lower_ == "of" and (
            self.rules.on("quantities.counted.out_of")
        ):
            steps.append(("quantities.counted.out_of", j, j + 2))
            j += 1  # "17 out of 18 districts"
        partitive = j < sent_end and doc[j].lower_ == "of" and self.rules.on("quantities.counted.partitive")
        if partitive:
            j += 1
        window = self.settings.partitive_window if partitive else self.settings.noun_window
        walk = _Walk(j, sent_end, j + window, partitive, steps)
        k = j
        while k < sent_end and k < walk.limit:
            nxt = self._take(doc, k, walk)
            if nxt is None:
                break
            k = nxt
        return self._settle(walk, anchor, notes if notes is not None else [])

    def _rate_only(self, doc: Doc, j: int, sent_end: int) -> bool:
        """ "1,000 a day", "600 per week": the number is followed by what it is per, and counts nothing named."""
        if j + 1 >= sent_end or doc[j].lower_ not in RATE_WORDS:
            return False
        unit = self.lex.units.get((doc[j + 1].lower_,))
        return (unit is not None and unit.kind == "time" and unit.name not in NOT_RATE_TIMES
                and self.rules.on("quantities.counted.rate_only"))

    def _take(self, doc: Doc, k: int, w: _Walk) -> int | None:
        """Read token k of the phrase; the next token to read, or None where the phrase ends."""
        jumped = self._jump(doc, k, w)
        if jumped is not None:
            return jumped
        tok = doc[k]
        if (rule := self._marker(doc, k, w)) is not None:
            w.passed(rule, k - 1 if tok.tag_ == "POS" else k, k + 1)
        elif tok.pos_ in NOUN_POS and tok.text[:1].isalpha() and self.rules.on(_head_rule(w)):  # not a symbol ("±")
            w.found(tok, _head_rule(w))
        elif self._adjective_head(tok, w):
            w.found(tok, "quantities.counted.adjective_head")  # "a toll of 27 dead", "12 wounded"
        elif (rule := self._passed_modifier(doc, k, w)) is not None:
            w.passed(rule, k, k + 1)
        elif tok.pos_ not in MODIFIER_POS or tok.pos_ == "NUM" or (tok.pos_ == "DET" and w.noun is not None):
            return None
        w.run.append(tok)
        return k + 1

    def _marker(self, doc: Doc, k: int, w: _Walk) -> str | None:
        """The rule that passes over token k as an owner, a whole's number or a model name, if any."""
        tok = doc[k]
        on = self.rules.on
        if tok.tag_ == "POS" and on("quantities.counted.possessive"):
            w.found(None, "")  # "Russia's troops": the owner is not the counted noun
            return "quantities.counted.possessive"
        if w.noun is not None:
            return None
        if w.partitive and (tok.like_num or (tok.lower_ == "of" and doc[k - 1].like_num)) and (
            on("quantities.counted.whole_number")
        ):
            return "quantities.counted.whole_number"  # "six of the country's eight district capitals"
        if tok.tag_ == "PRP$" and on("quantities.counted.possessive"):
            return "quantities.counted.possessive"  # "5,000 of its tanks"
        if _is_designation(tok.text) and on("quantities.counted.designation"):
            return "quantities.counted.designation"  # "18 F-16 fighter jets" (tagged NUM)
        return None

    def _jump(self, doc: Doc, k: int, w: _Walk) -> int | None:
        """Where the walk goes on after an aside or a hyphenated compound at token k, if there is one."""
        tok = doc[k]
        if tok.text == "(" and w.noun is not None and self.rules.on("quantities.counted.aside") and (
            close := self._closing_parenthesis(doc, k, w.sent_end)
        ):
            w.limit += close + 1 - k  # "hundreds of ISIS (Islamic State) fighters": an aside inside the phrase
            w.passed("quantities.counted.aside", k, close + 1)
            return close + 1
        hyphen = tok.text in DASHES and not tok.whitespace_ and k > w.j
        if hyphen and self.rules.on("quantities.counted.hyphen_compound"):
            # "Russia-backed troops", "war-damaged structures": the compound modifies what follows
            nxt = doc[k + 1] if k + 1 < w.sent_end else None
            w.found(nxt if nxt is not None and nxt.pos_ in NOUN_POS else None, "quantities.counted.hyphen_compound")
            if nxt is not None:
                w.run.append(nxt)
            w.passed("quantities.counted.hyphen_compound", k - 1, min(k + 2, w.sent_end))
            return k + 2
        return None

    def _adjective_head(self, tok: Token, w: _Walk) -> bool:
        return (
            tok.pos_ == "ADJ" and tok.lower_ in self.lex.cue("adjective_head") and w.noun is None
            and self.rules.on("quantities.counted.adjective_head")
        )

    def _passed_modifier(self, doc: Doc, k: int, w: _Walk) -> str | None:
        """The rule that passes over token k as a modifier of a noun still to come, if any."""
        if w.noun is not None:
            return None
        tok = doc[k]
        nxt = doc[k + 1] if k + 1 < w.sent_end else None
        candidates = (
            # "337 suspected users", "12 fighting units", "1,217 pledged delegates" (tagged VBD)
            ("quantities.counted.participle", tok.tag_ in ("VBN", "VBG", "VBD") and nxt is not None
             and nxt.pos_ == "NOUN"),
            # "two slightly different pathways", "three heavily armed men"
            ("quantities.counted.adverb", tok.pos_ == "ADV" and nxt is not None and nxt.pos_ == "ADJ"),
            # "230,000 more troops", "3 other civilians" (tagged ADV at times)
            ("quantities.counted.comparative", tok.lower_ in self.lex.cue("comparative")),
            # 'believed "about 10,000" troops were there': the figure quoted, then its noun
            ("quantities.counted.quoted_figure", k == w.j and tok.text in CLOSING_QUOTES and nxt is not None
             and nxt.pos_ in (*ADJ_POS, "NOUN")),
            # "230,000 more French and British troops", "hundreds of American and coalition members"
            ("quantities.counted.coordinated", tok.pos_ == "CCONJ" and k > w.j and nxt is not None
             and nxt.pos_ in (*ADJ_POS, "NOUN")),
        )
        return next((name for name, applies in candidates if applies and self.rules.on(name)), None)

    def _settle(self, w: _Walk, anchor: Token | None, notes: list[Step]) -> Counted | None:
        """The noun the walk found, checked against the parse."""
        noun, rule = w.noun, w.rule
        head = anchor.head if anchor is not None and anchor.dep_ == "nummod" else None
        plural_head = head is not None and head in w.run and head.pos_ in NOUN_POS and head.tag_ in PLURAL_TAGS
        singular = noun is None or noun.tag_ not in PLURAL_TAGS
        if plural_head and singular and self.rules.on("quantities.counted.parse_head"):
            noun, rule = head, "quantities.counted.parse_head"  # "two factions pushing": a plural count, a plural noun
        if noun is None or noun.like_num:
            return None
        if self.rules.on("quantities.counted.not_predicate") and (
            (anchor is not None and anchor.head == noun and anchor.dep_ in ("nsubj", "nsubjpass"))
            or (noun.dep_ == "ROOT" and noun.tag_ == "NN" and noun.i == w.j)
        ):
            # "Thousands protest in Paris": the "noun" is the number's predicate; the same, mis-tagged:
            # "Thousands march in Paris"
            notes.append(("quantities.counted.not_predicate", noun.i, noun.i + 1))
            return None
        return Counted(noun, rule, w.steps)

    def _closing_parenthesis(self, doc: Doc, k: int, sent_end: int) -> int | None:
        """The ")" that closes the "(" at k, within the aside window, if any."""
        for m in range(k + 1, min(sent_end, k + self.settings.aside_window)):
            if doc[m].text == ")":
                return m
        return None

    def of_phrase(self, doc: Doc, j: int, sent_end: int, preps: tuple[str, ...]) -> tuple[str, Counted] | None:
        """What a measure or a sum is of: "500 tonnes of grain", "$5 billion in military aid"."""
        if j >= len(doc) or doc[j].lower_ not in preps or not self.rules.on("quantities.counted.of_phrase"):
            return None
        found = self.counted_noun(doc, j + 1, sent_end)
        return (noun_phrase_text(doc, j + 1, found.noun), found) if found is not None else None

    def figure_of(self, anchor: Token) -> Token | None:
        """The noun a figure noun counts when a bare number gives its value: "set the number of justices at
        nine", "the number of refugees rose to 3 million", "reduced the number of polling stations from 180 to
        5" -> justices, refugees, stations."""
        node = anchor.head if anchor.dep_ == "quantmod" and anchor.head.like_num else anchor  # "from 180 to 5"
        if node.dep_ != "pobj" or node.head.lower_ not in ("at", "to", "from"):
            return None
        figures = self.lex.cue("figure_noun")
        for figure in node.head.head.children:
            if figure.dep_ not in ("dobj", "nsubj", "nsubjpass") or figure.lower_ not in figures:
                continue
            for prep in figure.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    counted = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ in NOUN_POS]
                    if counted:
                        return counted[0]
        return None

    # -- a bare number sharing the noun of the count before it -----------------------------------------

    def shares_noun(self, doc: Doc, anchor: Token, start: int, lender: Lender) -> str | None:
        """The rule by which a bare number (its last token ``anchor``, its first ``start``) counts what the
        lender counts, if any: "3,000 troops ..., with 12,000 expected"."""
        last = lender.quantity
        found = self.rules.first([
            ("quantities.counted.total", lambda: self._total_of(anchor)),
            ("quantities.counted.ellipsis", lambda: self._inheritable(last)),
            ("quantities.counted.parallel", lambda: _parallel(lender.noun, anchor)),
            ("quantities.counted.comparison", lambda: self._compared(doc, start)),
        ])
        if found is None or (last.unit or "").lower() in self.lex.cue("adjective_head"):
            return None
        return found[0]

    def _inheritable(self, previous: Quantity) -> bool:
        """Only a count of people or things of a known category lends its noun to a bare number
        ("3,000 troops ..., with 12,000 expected"; not "between the two blasts, 20 were killed")."""
        if previous.category != "other":
            return True
        cue = self.lex.unit_cue(previous.unit)
        return cue is not None and cue.category == "person"

    def _compared(self, doc: Doc, start: int) -> bool:
        """ "1.5 million Ukrainians ..., up from 1.2 million in June": a figure compared with the one before."""
        before = tuple(t.lower_ for t in doc[max(0, start - 2) : start])
        return before in self.lex.comparisons

    def _total_of(self, anchor: Token) -> bool:
        """ "earning 15 delegates for a running total of 60": a total counts what the figures before it count."""
        return (
            anchor.dep_ == "pobj" and anchor.head.lower_ == "of"
            and anchor.head.head.lower_ in self.lex.cue("figure_noun")
        )


def _head_rule(w: _Walk) -> str:
    return "quantities.counted.partitive" if w.partitive else "quantities.counted.head"


def _is_designation(text: str) -> bool:
    """A model or unit name of letters and digits: "F-16", "T-72", "Su-25", "MiG-29"."""
    return any(c.isalpha() for c in text) and any(c.isdigit() for c in text)


def noun_phrase_text(doc: Doc, j: int, noun: Token) -> str:
    """ "North Korean troops" from the tokens between the number and its noun (no "of", no determiner)."""
    k = j
    numbers = [t.i for t in doc[j : noun.i] if t.like_num]
    if numbers:
        k = numbers[-1] + 1  # "six of the country's eight district capitals" -> "district capitals"
    while k < noun.i and (doc[k].lower_ in ("of", "out") or doc[k].pos_ == "DET" or doc[k].tag_ in ("POS", "PRP$")
                          or doc[k].text in CLOSING_QUOTES):
        k += 1
    return doc[k : noun.i + 1].text


def _parallel(previous: Token | None, anchor: Token) -> bool:
    """ "54 nations have signed, only 27 have ratified", "Warren had 8 delegates, and Klobuchar had 7": a bare
    number in the same role (subject, object) as the previous count's noun, in another clause, counts the
    same thing."""
    if previous is None or previous.head == anchor.head:
        return False
    subjects = ("nsubj", "nsubjpass")
    return (previous.dep_ in subjects and anchor.dep_ in subjects) or previous.dep_ == anchor.dep_ == "dobj"


def from_another_group(doc: Doc, j: int, sent_end: int) -> bool:
    """ "90 civilians were wounded, as were seventeen from the Armed Forces": a bare number with its own
    "from" group does not count the previous noun."""
    if j < sent_end and doc[j].lower_ == "each":
        j += 1
    return j < sent_end and doc[j].lower_ == "from"


def standalone(anchor: Token) -> bool:
    """A number that heads its own phrase ("with more than 12,000 expected"), not one modifying a noun."""
    return anchor.dep_ not in ("nummod", "compound", "quantmod") or anchor.head.pos_ not in NOUN_POS
