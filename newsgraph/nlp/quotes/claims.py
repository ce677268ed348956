"""Claims: how sure the text is of a proposition (modality), and when it holds (its governing time)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from newsgraph.model import Modality
from newsgraph.nlp.quotes.lexicon import QuoteLexicon
from newsgraph.nlp.times.component import governing_time

CONDITIONAL_MARKS = frozenset({"if", "unless"})


def content_modality(span: Span, lex: QuoteLexicon) -> str | None:
    """What the words of the content say about its certainty; None when they say nothing.

    Only the content's first sentence counts (a long quote is not hypothetical for an "if" in its fifth
    sentence). Conditionals beat a modal on the main verb ("may not be aware" is hedged), which beats
    negation, which beats other hedges, which beat the future.
    """
    found: set[str] = set()
    tokens = _first_sentence(span)
    for i, tok in enumerate(tokens):
        low = tok.lower_
        if low in CONDITIONAL_MARKS and (tok.dep_ == "mark" or i == 0):
            found.add("hypothetical")
        elif tok.dep_ == "neg" and _is_main_predicate(tok.head, span):
            found.add("negated")
        elif i + 1 < len(tokens) and (low, tokens[i + 1].lower_) in lex.hedge_phrases:
            found.add(lex.hedge_phrases[(low, tokens[i + 1].lower_)])
        elif low in lex.hedges and lex.hedges[low] != "hypothetical" and tok.pos_ != "PROPN":  # not 'May 1'
            label = lex.hedges[low]
            if label == "hedged" and tok.dep_ == "aux" and _is_main_predicate(tok.head, span):
                label = "hedged_main"
            found.add(label)
    if "hedged_main" in found:
        found.add("hedged")
    for label in ("hypothetical", "hedged_main", "negated", "reported", "hedged", "expected"):
        if label in found:
            return "hedged" if label == "hedged_main" else label
    return None


def _first_sentence(span: Span) -> list[Any]:
    tokens = list(span)
    if not tokens:
        return tokens
    first = tokens[0].sent
    return [t for t in tokens if t.sent == first] if first.end < span.end else tokens


def _is_main_predicate(tok: Any, span: Span) -> bool:
    """The content's own predicate (or one conjoined with it), not a verb in a clause inside it."""
    root = span.root
    return bool(tok == root or (tok.dep_ == "conj" and tok.head == root))


def combine_modality(cue: str | None, content: str | None, second_hand: bool) -> Modality:
    """The claim's modality from its cue's and its content's; second-hand sources make it "reported"."""
    if cue == "negated":
        return "negated"
    if content in ("hypothetical", "negated", "hedged", "reported"):
        return content  # type: ignore[return-value]
    if cue == "hedged":
        return "hedged"
    if content == "expected" or cue == "expected":
        return "expected"
    if cue == "confirmed":
        return "confirmed"
    if second_hand or cue == "reported":
        return "reported"
    return "asserted"


def claim_time(doc: Doc, start: int, end: int) -> tuple[str | None, str | None]:
    """The TIMEX3 value governing a claim and where it came from ("text" / "published")."""
    time = governing_time(doc, start, end)
    if time is not None and time.value:
        return time.value, "text"
    published = doc._.published
    if published is not None:
        return published.isoformat(), "published"
    return None, None
