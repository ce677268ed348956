"""The times stage: a rule-based TIMEX3 tagger over spaCy tokens.

Recognition is a small hand-written grammar (``timex_grammar``) over the token stream, driven by the
closed word lists in ``resources/lexicons/times.json``; spaCy's DATE entities are not used to find
times. Each candidate carries the calendar fields it states (year, month, day, season, a shift of
N units, a weekday ...); ``timex_resolve`` then turns the fields into a TIMEX3 value in text order,
against the publication date (news mode) or the last narrated date (narrative mode, chosen per
document when its explicit dates lie far from the publication date and it has no deictic cue).

``governing_time(doc, start_char, end_char)`` gives later stages the time of a clause.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.components import extensions  # noqa: F401
from newsgraph.components.timex_grammar import TimexGrammar
from newsgraph.components.timex_resolve import resolve_all
from newsgraph.model import Time


class TimesComponent:
    """Finds TIMEX3 expressions and writes them to ``doc._.times`` (in text order)."""

    def __init__(self) -> None:
        self.grammar = TimexGrammar()

    def __call__(self, doc: Doc) -> Doc:
        cands = self.grammar.find(doc)
        doc._.times = resolve_all(doc, cands, doc._.published)
        return doc


@Language.factory(
    "newsgraph_times",
    requires=["token.pos", "token.dep", "token.tag"],
    assigns=["doc._.times"],
    default_config={},
)
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent()


# ------------------------------------------------------------------------------------- for other stages


def _clause_head(tok: Token) -> Token:
    """The nearest verb at or above ``tok`` (the head of its clause), or the sentence root."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            return t
        t = t.head
    return t


def _token_starts(doc: Doc) -> list[int]:
    """Token start offsets, computed once per Doc (governing_time is called once per quote/event)."""
    key = "newsgraph_times_token_starts"
    starts = doc.user_data.get(key)
    if starts is None or len(starts) != len(doc):
        starts = [t.idx for t in doc]
        doc.user_data[key] = starts
    return starts


def governing_time(doc: Doc, start_char: int, end_char: int) -> Time | None:
    """The time expression governing the clause that holds ``doc.text[start_char:end_char]``.

    Only times of the same sentence are considered. One attached (through the dependency tree) to
    the clause's main verb wins; else the nearest time of the sentence; None when it has none.
    """
    times: list[Time] = doc._.times or []
    if not times or not len(doc):
        return None
    starts = _token_starts(doc)
    ti = max(0, bisect_right(starts, max(0, start_char)) - 1)
    sent = doc[ti].sent
    in_sent = [t for t in times if sent.start_char <= t.start < sent.end_char]
    if not in_sent:
        return None
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    root = span.root if span is not None and len(span) else doc[ti]
    verb = _clause_head(root)
    attached = []
    for t in in_sent:
        k = max(0, bisect_right(starts, t.start) - 1)
        if _clause_head(doc[k]) is verb:
            attached.append(t)
    pool = attached or in_sent
    centre = (start_char + end_char) / 2
    return min(pool, key=lambda t: abs((t.start + t.end) / 2 - centre))
