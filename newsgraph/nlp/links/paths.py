"""Dependency paths between a figure and an event trigger, for the links stage.

A path runs from a token up to the lowest head it shares with the other token and down again; it
relates the two when it is short (``max_path`` arcs), stays inside one clause (no ``ccomp``,
``parataxis``... on the way: ``links.size.clause_break``) and does not join two predicates that have
their own subjects (``links.size.separate_clauses``), unless the caller lets it cross conjuncts.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.rules import RuleTable

# Longest dependency path (in arcs) between a counted noun and a trigger that still sizes it (the default
# of the factory's ``max_path``).
MAX_PATH = 3
# A path that leaves the clause (reported speech, a separate sentence glued by the parser) relates
# nothing: "officials said 12 were killed" does not size the saying.
CLAUSE_BREAKS = frozenset({"ccomp", "parataxis", "csubj", "punct", "meta", "dep"})


class Paths:
    """Path lengths under a rule table and a longest path."""

    def __init__(self, rules: RuleTable, max_path: int = MAX_PATH) -> None:
        self.rules = rules
        self.max_path = max_path

    def length(self, a: Token, b: Token, across_conjuncts: bool = False) -> int | None:
        """Arcs between two tokens through their lowest common head, or None when the path is longer than
        ``max_path`` or crosses a clause break (or, unless ``across_conjuncts``, joins two predicates that
        have their own subjects)."""
        up_a = self._ancestors(a)
        up_b = self._ancestors(b)
        depth_b = {tok.i: n for n, tok in enumerate(up_b)}
        for n, tok in enumerate(up_a):
            if tok.i in depth_b:
                m = depth_b[tok.i]
                if n + m > self.max_path:
                    return None
                if self.rules.on("links.size.clause_break") and any(
                    t.dep_ in CLAUSE_BREAKS for t in (*up_a[:n], *up_b[:m])
                ):
                    return None
                if not across_conjuncts and self.rules.on("links.size.separate_clauses") and _separate_clauses(
                    up_a[:n], up_b[:m]
                ):
                    return None
                return n + m
        return None

    def _ancestors(self, tok: Token) -> list[Token]:
        """The token and its heads up to max_path arcs."""
        out = [tok]
        while len(out) <= self.max_path and out[-1].head.i != out[-1].i:
            out.append(out[-1].head)
        return out


def _separate_clauses(side_a: list[Token], side_b: list[Token]) -> bool:
    """Conjoined predicates with their own subjects are separate events: "Russia sent 3,000 troops
    and Ukraine shot down 40 drones"."""
    for tok in (*side_a, *side_b):
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
        ):
            return True
    return False
