"""Where a figure of a series is (newsgraph/store/series.py): the place its own words give it; else, for
things nobody owns, the place its sentence names ("22 were killed at a store in El Paso, Texas"), the
country "the country" or "the province" refers to, the state whose body gives the figure, or the article's
own country. Where the reporter files from (a dateline), where the source spoke ("said in Geneva"), where
the counted things came from ("from eastern Congo") and where only some of them are ("mostly in Wuhan") are
not where the figure is.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from newsgraph.model import Claim, Extraction, Place, Quantity, Sentence
from newsgraph.nlp.actors.lexicon import load_actor_lexicon
from newsgraph.nlp.links.where import PARTLY

COUNTRY_ANAPHOR = re.compile(r"\b(?:the|this|that) country\b", re.I)
PROVINCE_ANAPHOR = re.compile(r"\b(?:the|this|that) (?:province|region|state)\b", re.I)
# "in the two countries", "in both countries": the last countries the text named, together.
COUNTRIES_ANAPHOR = re.compile(r"\b(?:the\s+(?P<n>two|three|four)|both)\s+(?:countries|nations)\b", re.I)
HOW_MANY = {"two": 2, "three": 3, "four": 4}
# Words before a place that make it where only part of the counted things are.
# ("mostly in Wuhan", "most of them in and around Bujumbura")
PARTLY_IN = re.compile(r"\b(?:" + "|".join(sorted(PARTLY - {"some"})) + r"|most of them|most of whom)\s+"
                       r"(?:in|at|around)(?:\s+and\s+around)?\s+$", re.I)

Where = tuple[str | None, str | None]  # a place's key (a country code or a name) and its name


def own_place(q: Quantity, ext: Extraction) -> Where:
    """The place the figure's own words give it, as a country when it is one (or a loose region of one:
    "Russia's Far East", "eastern Ukraine" are followed as the country)."""
    if q.place is None or not 0 <= q.place < len(ext.places):
        return None, None
    p = ext.places[q.place]
    if p.level == "region" and p.country:
        return p.country, None
    return (p.country if p.level == "country" and p.country else p.name), p.name


def where_unowned(q: Quantity, ext: Extraction, counted: str, owner: str | None, own: Where,
                  main_country: str | None) -> Where:
    """Where a figure of things nobody owns is: its own place; else its owner state ("US deaths" are deaths
    in the United States), but not the state refugees or nationals are from ("Sudanese refugees", "1.2
    million Sudanese"); else the one country its sentence names, the country "the country" refers to, or the
    article's own."""
    if own[0] is not None or says_where_unnamed(q):
        return own
    together = _countries_referred_to(q, ext)
    if together is not None:
        return together
    nationals = counted == "refugees" or (q.unit or "")[:1].isupper()
    if owner and re.fullmatch(r"[A-Z]{3}", owner) and not nationals:
        return owner, None
    # ("the country had confirmed 572 cases since the virus came from DR Congo": what it counts is in "the
    # country", whatever other country its sentence names after it)
    ahead = _country_referred_to(q, ext, before_figure=True) or _province_referred_to(q, ext)
    if ahead is not None:
        return ahead
    named, place, place_name = _sentence_place(q, ext)
    if named:
        return place, place_name
    return _country_referred_to(q, ext) or _speakers_state(q, ext) or (main_country, None)


def sentence_of(q: Quantity, ext: Extraction) -> Sentence | None:
    """The sentence a figure is in (sentences are in text order)."""
    i = bisect.bisect_right([s.start for s in ext.sentences], q.start) - 1
    return ext.sentences[i] if i >= 0 and q.start < ext.sentences[i].end else None


def _sentence_place(q: Quantity, ext: Extraction) -> tuple[bool, str | None, str | None]:
    """Whether the figure's sentence names any place, and where the figure is when they are all of one
    country: the one town or province among them ("22 were killed at a store in El Paso, Texas"), else the
    country (key and name)."""
    sentence = sentence_of(q, ext)
    if sentence is None:
        return False, None, None
    text = ext.article.text
    # (the words of a report that are not what it says tell where the source spoke: "..., UNHCR said in a
    # statement from Geneva")
    start, end = _said_within(q, ext, sentence)
    # ("travelled from eastern Congo": where they came from is not where they are)
    named = [p for p in ext.places if (start <= p.start < end or _framing(text, sentence, p)) and p.country
             and not p.stands_for and not in_dateline(text, p.start, p.end) and not FROM_BEFORE.search(
                 text[max(0, p.start - 24): p.start])]
    countries = {p.country for p in named}
    if len(countries) != 1:
        return bool(named), None, None
    # ("infected over 200 people, mostly in Wuhan": where most of them are; the figure is the country's)
    # (a province, when the sentence names it and not its country: "Aceh's shelters now hold 1,084 who have
    # landed in the province"; beside its country it may only say where some are: "China ..., Hubei ...")
    levels = ("city", "admin2", "site") if any(p.level == "country" for p in named) else (
        "city", "admin2", "site", "admin1")
    local = {p.name for p in named if p.level in levels
             and not PARTLY_IN.search(ext.article.text[max(0, p.start - 32): p.start])}
    if len(local) == 1:
        name = local.pop()
        return True, name, name
    return True, countries.pop(), None


# What follows a dateline's place: the rest of the dateline ("KINSHASA, Aug 9 (MWS) —", "UVIRA, Congo —").
DATELINE_TAIL = re.compile(r"(?:,[^—–\n.]{0,30})?\s*(?:\([^)\n]{0,24}\)\s*)?(?:—|–|-{1,2}\s)")


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether a place is in the dateline opening a line: where the reporter files from, not where what the
    sentence counts is."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    return len(head) <= 40 and not any(c.islower() for c in head) and DATELINE_TAIL.match(text, end) is not None


# A place written after "from" ("from eastern Congo", "from the north"): an origin.
FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:[a-z-]+\s+)?$")
# A sentence opening with where it happens ("In north-west Syria, ...").
FRAME = re.compile(r"\s*(?:In|Across|Inside|Throughout|Within|Near)\s+(?:[\w'’-]+\s+){0,3}$")


def _framing(text: str, sentence: Sentence, p: Place) -> bool:
    """Whether a place opens its sentence as the frame of all it says: "In north-west Syria, X said ..."."""
    return FRAME.fullmatch(text[sentence.start: p.start]) is not None


def _province_referred_to(q: Quantity, ext: Extraction) -> Where | None:
    """"South Kivu has become the centre. The province has confirmed around 1,400 cases": "the province" before
    the figure is the last province the text named before those words."""
    sentence = sentence_of(q, ext)
    match = PROVINCE_ANAPHOR.search(ext.article.text, sentence.start, q.start) if sentence is not None else None
    if match is None:
        return None
    before = [p for p in ext.places if p.start < match.start() and p.level == "admin1" and not p.stands_for]
    return (before[-1].name, before[-1].name) if before else None


def claim_of(q: Quantity, ext: Extraction) -> Claim | None:
    """The claim a figure is stated in (None: the outlet's own words)."""
    return next((c for c in ext.claims if c.id == q.claim), None) if q.claim else None


def _speakers_state(q: Quantity, ext: Extraction) -> tuple[str, None] | None:
    """"Uganda's Ministry of Health said it had confirmed two cases": a count its sentence places nowhere, given
    by a state's own body, is of that state."""
    claim = claim_of(q, ext)
    if claim is None or not claim.chain:
        return None
    link = claim.chain[0]
    states = {p.country for p in ext.places if link.start <= p.start < link.end and p.country and p.level == "country"}
    return (states.pop(), None) if len(states) == 1 else None


def _said_within(q: Quantity, ext: Extraction, sentence: Sentence) -> tuple[int, int]:
    """Where in its sentence a figure's places may be: what its claim says, when the figure is in a claim
    its sentence holds; else the whole sentence."""
    claim = claim_of(q, ext)
    if claim is not None and sentence.start <= claim.start and claim.end <= sentence.end and claim.chain:
        return claim.start, claim.end
    return sentence.start, sentence.end


def _countries_referred_to(q: Quantity, ext: Extraction) -> Where | None:
    """"the combined death toll in the two countries": the two (three ...) countries the text has named most
    before the figure, followed as one place ("SYR+TUR", shown "Syria and Turkey")."""
    sentence = sentence_of(q, ext)
    match = COUNTRIES_ANAPHOR.search(sentence.text) if sentence is not None else None
    if match is None:
        return None
    n = HOW_MANY.get((match.group("n") or "two").lower(), 2)
    seen = [p.country for p in ext.places if p.start < q.start and p.country and not p.stands_for]
    counts = Counter(seen)
    last = {c: i for i, c in enumerate(seen)}
    # the countries the text has named most, the latest first among equals
    ranked = sorted(counts, key=lambda c: (-counts[c], -last[c]))
    if len(ranked) < n or (len(ranked) > n and counts[ranked[n - 1]] == counts[ranked[n]]):
        return None  # fewer countries than it says, or no telling which
    names = load_actor_lexicon().state_names
    named = {c: names.get(c, c) for c in ranked[:n]}
    codes = sorted(named)
    return "+".join(codes), " and ".join(named[c] for c in codes)


def _country_referred_to(q: Quantity, ext: Extraction, before_figure: bool = False) -> tuple[str, None] | None:
    """"In Chad, the pressure grows. Nearly 750,000 refugees are now in the country": a sentence that says
    "the country" (``before_figure``: before the figure) means the last country the text named before it."""
    sentence = sentence_of(q, ext)
    if sentence is None:
        return None
    said = ext.article.text[sentence.start: q.start] if before_figure else sentence.text
    match = COUNTRY_ANAPHOR.search(said)
    if match is None:
        return None
    # (before the words themselves: "Congo's health minister said the country has registered ...")
    upto = sentence.start + match.start() if before_figure else sentence.start
    before = [p for p in ext.places if p.start < upto and p.country and (not p.stands_for or p.level == "country")]
    return (before[-1].country, None) if before else None  # type: ignore[return-value]


def says_where_unnamed(q: Quantity) -> bool:
    """"118,381 cases worldwide", "37 cases in other countries": the figure's kind says where it is."""
    return any(step[0] == "links.figure.place_unnamed" for step in q.trace)


def main_country(ext: Extraction) -> str | None:
    """The country an article is about, when one is named more than all others together; else None."""
    counts: dict[str, int] = {}
    for p in ext.places:
        if p.country and not p.stands_for:
            counts[p.country] = counts.get(p.country, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] * 2 > sum(counts.values()) else None
