"""What kind of measure a figure is (links.figure.flow_* and total_period): an increment or a rate is a
flow ("another 1,500", "92 a day", "receives every day 500"), a count over a period a total ("killed 300
during the war"); anything else is a stock."""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsgraph.nlp.links.wording import Phrase, pobj_subtrees, words


def increment(p: Phrase) -> Token | None:
    inc = words()["increment"]
    for tok in [*p.noun.children, *p.number.children]:
        if tok.lower_ in inc and tok.i < p.noun.i:
            return tok
    before = p.number.nbor(-1) if p.number.i > 0 else None
    if before is not None and before.lower_ in inc:
        return before
    after = p.number.nbor(1) if p.number.i + 1 < len(p.number.doc) else None
    if after is not None and after.lower_ in words()["increment_after"] and after.i <= p.noun.i:
        return after
    return None


def rate(p: Phrase) -> Token | None:
    return _rate_after(p) or _window(p)


# A TIMEX3 value that names one day: "2022-10-09", or "XXXX-WXX-5" for a Friday with no date to anchor it.
ONE_DAY = re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}|[\dX]{4}-W[\dX]{2}-\d")


def one_day(p: Phrase) -> Token | None:
    """"1,295 people crossed the Channel on Monday", "1,065 crossed yesterday": what a verb of moving did on one
    day is that day's number, an increment (not "have crossed so far this year", the running total). The day is
    one the times stage resolved ("Monday", "yesterday", "14 November"), or "overnight"."""
    verb = p.verb
    if verb is None or verb.lemma_.lower() not in words()["movement_verbs"] or verb.tag_ not in ("VBD", "VBN") \
            or any(c.dep_ == "aux" for c in verb.children):
        return None
    days = [(t.start, t.end) for t in verb.doc._.times or [] if t.value and ONE_DAY.fullmatch(t.value)]

    def a_day(tok: Token) -> bool:
        return tok.lower_ in words()["day_adverbs"] or any(s <= tok.idx < e for s, e in days)

    for child in verb.children:
        if child.dep_ in ("npadvmod", "advmod") and a_day(child):
            return child
        if child.dep_ == "prep" and child.lower_ == "on":
            day = next((c for c in child.children if c.dep_ == "pobj" and a_day(c)), None)
            if day is not None:
                return day
    return None


def rate_on_verb(p: Phrase) -> Token | None:
    """"the country receives every day between 500 and 700", "they arrive daily": the verb that moves the
    counted things says how often, wherever it stands."""
    w = words()

    def every(t: Token) -> bool:
        return t.lower_ in w["rate_unit"] and any(d.dep_ == "det" and d.lower_ in w["rate_det"] for d in t.children)

    # (the parser may hang the figure on the time noun: "receive [every day [between 500 and 700 persons]]")
    for up in p.noun.ancestors:
        if up.pos_ in ("VERB", "AUX"):
            break
        if every(up):
            return up
    if p.verb is None:
        return None
    return next((c for c in p.verb.children if c.dep_ in ("npadvmod", "advmod", "tmod")
                 and (c.lower_ in w["rate_adverb"] or every(c))), None)


def _window(p: Phrase) -> Token | None:
    """"79,332 cases in the 24 hours preceding", "killed 40 over the past week": a count over a short
    window of time (hours, days, a week) is an increment; over months it is a total over a period."""
    w = words()
    for tok in [p.noun, p.number, *([p.verb] if p.verb is not None else [])]:
        for pobj in pobj_subtrees(tok, w["window_preps"], whole=False):
            unit = next((t for t in pobj.subtree if t.lower_ in w["window_unit"]), None)
            if unit is not None and (pobj.ent_type_ in ("DATE", "TIME") or unit.ent_type_ in ("DATE", "TIME")):
                return unit
    return None


def _rate_after(p: Phrase) -> Token | None:
    w = words()
    doc, end = p.noun.doc, min(len(p.noun.doc), p.noun.i + 6)
    for i in range(p.noun.i + 1, end):
        tok = doc[i]
        if tok.is_sent_start or tok.is_punct:
            return None
        if tok.lower_ in w["rate_adverb"]:
            return tok
        if tok.lower_ in w["rate_det"] and i + 1 < len(doc) and doc[i + 1].lower_ in w["rate_unit"]:
            return doc[i + 1]
    return None


def period(p: Phrase) -> Token | None:
    for tok in [p.noun, *([p.verb] if p.verb is not None else [])]:
        for pobj in pobj_subtrees(tok, words()["period"], whole=False):
            if pobj.ent_type_ in ("DATE", "EVENT") or pobj.lower_ in words()["period_nouns"]:
                return pobj
    return None
