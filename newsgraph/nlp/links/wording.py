"""The words and shapes the figure rules of the links stage read: their lexicon (links/figures.tsv), a
figure in its sentence (``Phrase``, found by ``phrase_of``) and the prepositional objects hung on a token."""

from __future__ import annotations

import functools
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.model import Quantity
from newsgraph.nlp import lexicon


@functools.cache
def words() -> dict[str, frozenset[str]]:
    return {kind: frozenset(ws.split()) for kind, ws in lexicon.rows("lexicons/links/figures.tsv", columns=2)}


@functools.cache
def verb_table(kind: str) -> dict[str, str]:
    """A lexicon row of verb:word pairs as a table: counting_verbs ("infect" -> "infected", what a bare figure
    the verb governs counts), kind_verbs ("confirm" -> "confirmed", the kind it gives)."""
    return dict(row.split(":") for row in words()[kind])


def counting_verbs() -> dict[str, str]:
    return verb_table("counting_verbs")


@dataclass
class Phrase:
    """A figure in its sentence: its number's token, what it counts and the verb it depends on."""

    number: Token
    noun: Token  # the counted noun, or the number itself when it counts nothing named
    verb: Token | None
    role: str = ""  # the noun's relation to the verb (nsubj, dobj ...), as the parser gives it or mended

    @property
    def anchors(self) -> list[Token]:
        return list(dict.fromkeys([self.noun, self.number]))


def pobj_subtrees(tok: Token, preps: frozenset[str] | tuple[str, ...], whole: bool = True) -> list[Token]:
    """The objects of ``tok``'s prepositions among ``preps`` (with their subtrees when ``whole``)."""
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend(pobj.subtree if whole else [pobj])
    return out


def phrase_of(doc: Doc, starts: list[int], q: Quantity, dateline: int = 0) -> Phrase | None:
    """The figure's number, counted noun and verb. ``dateline``: where the text after an opening dateline
    starts (its first character), since the parser takes "SEOUL, South Korea (AP) — 3,000 troops are ..."
    for a noun phrase the troops are in apposition to."""
    if not len(doc) or q.end <= q.start:
        return None
    number = doc[max(0, bisect_right(starts, max(q.start, q.end - 1)) - 1)]
    while number.dep_ == "conj" and number.head.like_num and number.head != number:
        number = number.head  # "between 11,000 and 12,000 soldiers": the range's first number holds the noun
    noun = _noun_of(doc, starts, q, number)
    verb, role = _verb_of(noun, number, dateline)
    if role == "pobj" and noun == number and noun.head.idx >= q.start:
        role = "dobj"  # "infected around 35,000": the figure's own bound word is parsed as a preposition
    return Phrase(number, noun, verb, role)


def _noun_of(doc: Doc, starts: list[int], q: Quantity, number: Token) -> Token:
    if number.dep_ in ("nummod", "quantmod", "compound", "amod") and number.head.pos_ in ("NOUN", "PROPN"):
        noun = number.head
    else:
        of = [c for p in number.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
              if c.dep_ == "pobj"]
        noun = of[0] if of else _counted_noun(doc, starts, q, number)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in words()["tally_nouns"]:
        noun = noun.head.head  # "send a total of 12,000 soldiers": the total is what is sent
    return noun


def _verb_of(noun: Token, number: Token, dateline: int) -> tuple[Token | None, str]:
    """The verb the counted noun depends on, and how (nsubj, dobj ...)."""
    role = noun.dep_
    if noun.head.is_quote and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head, "attr"  # ('the number killed was "at least 30,000"': hung on the quote mark)
    verb = noun.head if noun.head.pos_ in ("VERB", "AUX") and noun.head != noun else None
    if verb is None and noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"):
        verb = noun.head.head  # "sent with 3,000 troops"
    if number.i < noun.head.i < noun.i:  # "1,217 pledged delegates" parsed as a clause: pledged is no verb
        head = noun.head.head
        verb, role = (head, "dobj") if head.pos_ in ("VERB", "AUX") and head != noun.head else (None, role)
    if verb is None and noun.idx >= dateline > noun.head.idx:
        verb, role = _past_dateline(noun.head, dateline), "nsubj"
    return verb, role


def _counted_noun(doc: Doc, starts: list[int], q: Quantity, number: Token) -> Token:
    """The noun the quantities stage read as counted right after the number when the parse does not join
    them ("37 confirmed cases" parsed as "37 confirmed"), else the number."""
    for step in q.trace:
        rule, start = step[0], step[1]
        if str(rule).startswith("quantities.counted.") and isinstance(start, int) and q.end < start <= q.end + 40:
            tok = doc[max(0, bisect_right(starts, start) - 1)]
            if tok.sent == number.sent and tok.pos_ in ("NOUN", "PROPN"):
                return tok
    return number


def _past_dateline(tok: Token, dateline: int) -> Token | None:
    """The verb a dateline's town hangs from: the verb of the sentence the dateline opens."""
    while tok.idx < dateline and tok.head != tok:
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None
