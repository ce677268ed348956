"""The time of a clause, for later stages: ``governing_time(doc, start_char, end_char)``.

Quotes, claims and events ask which time expression dates the clause that holds their text. Only times
attached (through the dependency tree) to the clause's main verb, or to a verb coordinated with it or
controlling it, count; the nearest of those wins.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from newsgraph.model import Time

_SAME_TIME_DEPS = {"conj", "xcomp"}


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


def _clause_group(verb: Token) -> set[int]:
    """Token indices of the verbs that share one clause's time: the head itself and the verbs joined
    to it by coordination or control ("crossed the border and shelled the town on Monday", "began to
    withdraw on Monday"). Relative clauses, participial adjuncts and reported speech are other clauses."""
    top = verb
    for _ in range(8):
        if top.dep_ in _SAME_TIME_DEPS and top.head is not top and top.head.pos_ in ("VERB", "AUX"):
            top = top.head
        else:
            break
    group: set[int] = set()
    todo = [top]
    while todo and len(group) < 32:
        v = todo.pop()
        group.add(v.i)
        todo.extend(c for c in v.children if c.dep_ in _SAME_TIME_DEPS and c.pos_ in ("VERB", "AUX"))
    return group


def _is_participial_adjunct(verb: Token) -> bool:
    """ "..., killing five people": a non-finite adjunct clause with no subject of its own."""
    return (verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and verb.head is not verb
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def is_datable(t: Time) -> bool:
    """A time that says when (a date or a clock time), not how long, how often or a vague "in the past"."""
    return t.type in ("DATE", "TIME") and not t.value.endswith("_REF") and not t.value.startswith("P")


def governing_time(doc: Doc, start_char: int, end_char: int) -> Time | None:
    """The time expression governing the clause that holds ``doc.text[start_char:end_char]``.

    Only times attached (through the dependency tree) to the clause's main verb, or to a verb
    coordinated with it or controlling it, count; the nearest of those wins. A time of another clause
    of the sentence (a relative clause, a participial adjunct, the reporting frame of a quotation) is
    not taken: None then, and callers fall back on the publication date, saying so.
    """
    # Only times that say when: a duration ("for three months"), a frequency or a vague reference ("in the
    # past") does not date an event or a claim.
    times: list[Time] = [t for t in doc._.times or [] if is_datable(t)]
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
    pool = _clause_times(doc, _clause_head(root), in_sent, starts)
    if not pool:
        return None
    centre = (start_char + end_char) / 2
    return min(pool, key=lambda t: abs((t.start + t.end) / 2 - centre))


def _clause_times(doc: Doc, verb: Token, in_sent: list[Time], starts: list[int]) -> list[Time]:
    """The times of the sentence attached to the clause of ``verb`` (or, for a participial adjunct with no
    time of its own, to its main clause)."""
    heads = [_clause_head(doc[max(0, bisect_right(starts, t.start) - 1)]).i for t in in_sent]
    pool: list[Time] = []
    for _ in range(3):
        group = _clause_group(verb)
        pool = [t for t, h in zip(in_sent, heads, strict=True) if h in group]
        if pool or not _is_participial_adjunct(verb):
            break
        # "shelled the town on Monday, killing five": an adjunct without a time of its own shares its
        # main clause's (the other way round, the adjunct's time does not reach the main clause)
        verb = _clause_head(verb.head)
    return pool
