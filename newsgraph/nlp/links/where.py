"""Where a figure's counted things are, as its words say: a place joined to the counted noun, the number or
the verb by "in", "to" ... (``place_on``); words that say where without naming a place ("worldwide", "in
other countries": ``where_words``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.model import Place
from newsgraph.nlp.links.wording import pobj_subtrees, words

PLACE_ENTS = ("GPE", "LOC", "FAC", "NORP")
# Words that make a place where part of the counted things are: "mostly in Wuhan".
PARTLY = frozenset({"mostly", "mainly", "largely", "chiefly", "primarily", "partly", "some"})


def place_on(tok: Token, places: list[Place]) -> int | None:
    for pobj in pobj_subtrees(tok, words()["place_preps"], whole=False):
        if any(c.lower_ in PARTLY for c in pobj.head.children):
            continue  # "infected over 200 people, mostly in Wuhan": where most are, not where all are
        hit = place_at(places, pobj)
        if hit is not None:
            return hit
    return None


def conjuncts(noun: Token) -> list[Token]:
    """The nouns of the list a counted noun is in: "2,741 cases, 80 deaths and 461 severe cases in China"."""
    root = noun
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    return [root, *[t for t in root.subtree if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN", "NUM")]]


def says_where(anchors: list[Token], verb: Token | None = None) -> bool:
    """Whether the figure's own words say where ("in other countries", "worldwide"), resolved or not."""
    w = words()
    for tok in [*anchors, *([verb] if verb is not None else [])]:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in w["place_preps"] and any(
                    c.dep_ == "pobj" and not c.like_num and c not in anchors for c in child.children):
                return True
            if child.dep_ in ("advmod", "npadvmod") and child.lower_ in w["where_adverbs"]:
                return True
    return False


def where_words(anchors: list[Token], verb: Token | None) -> Span | None:
    """The words saying where that name no place: "worldwide", "in other countries" (without the preposition)."""
    w = words()
    for tok in [*anchors, *([verb] if verb is not None else [])]:
        for child in tok.children:
            if child.dep_ in ("advmod", "npadvmod") and child.lower_ in w["where_adverbs"]:
                return child.doc[child.i: child.i + 1]
            if child.dep_ == "prep" and child.lower_ in w["place_preps"]:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ not in PLACE_ENTS and pobj.lower_ in w["where_nouns"] \
                            and not _definite(pobj):
                        return pobj.doc[pobj.left_edge.i: pobj.i + 1]
    return None


def _definite(noun: Token) -> bool:
    """"in the provinces of Aleppo and Idlib", "in the two countries", "in the areas where its teams work":
    places the text has named or is naming, not a kind of place ("in other countries"; "the world" is one)."""
    return noun.lower_ not in ("world", "globe") and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "these", "those", "its", "their", "both")
        for c in noun.children)


def sentence_where(number: Token, places: list[Place]) -> Span | None:
    """"126,000 cases worldwide, resulting in over 4,600 deaths": a sentence that names no place but says
    where (worldwide, globally) says it of all its figures."""
    sent = number.sent
    if any(sent.start_char <= p.start < sent.end_char for p in places):
        return None
    hit = next((t for t in sent if t.lower_ in words()["where_adverbs"]), None)
    return None if hit is None else sent.doc[hit.i: hit.i + 1]


def place_at(places: list[Place], pobj: Token) -> int | None:
    """The place named by a prepositional object: the place item in its phrase before any clause or
    further preposition ("the Kursk region", "Russia's Kursk region" -> Kursk, the last one named)."""
    lo = pobj.left_edge.idx
    hi = pobj.idx + len(pobj.text)
    found = None
    for i, place in enumerate(places):
        if place.stands_for:
            continue
        if lo <= place.start and place.end <= hi:
            found = i
    return found
