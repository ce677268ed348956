"""The words and shapes the figure rules of the links stage read: their lexicon (links/figures.tsv), a
figure in its sentence (``Phrase``) and the prepositional objects hung on a token."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.nlp import lexicon


@functools.cache
def words() -> dict[str, frozenset[str]]:
    return {kind: frozenset(ws.split()) for kind, ws in lexicon.rows("lexicons/links/figures.tsv", columns=2)}


@functools.cache
def counting_verbs() -> dict[str, str]:
    """Verb lemma -> what a bare figure it governs counts: "infect" -> "infected"."""
    return dict(row.split(":") for row in words()["counting_verbs"])


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
