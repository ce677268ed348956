"""Which sense a name has in this article: a place or an actor, a country or a division of another
country, a capital as the city or as its government.

- A name the tagger took for a person or an organization that the article writes where a place goes
  ("fled to X", "out of Kobane", "to free Dabiq") and the gazetteer knows is a place everywhere in the
  article (one name keeps one sense): ``place_like_names``.
- A country's name that is also a first-level division of another country whose towns the article
  names ("Georgia" beside "Atlanta") is the division, left to the places stage: ``division_elsewhere``.
- A capital is its state's government only where the sentence makes it act (``used_as_government``,
  an ordered table of the actors.capital.* rules): "Moscow said", "talks with Moscow", "Ottawa's offer";
  "in Moscow", "of Paris", "marched on Moscow" leave it to the places stage.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from newsgraph.nlp.words import POSSESSIVE

if TYPE_CHECKING:
    from newsgraph.nlp.actors.candidates import Context

# A test of the capital table: (acts or not, the token it used as evidence), or None when it does not apply.
Verdict = tuple[bool, Token | None] | None


def place_like_names(ctx: Context) -> frozenset[str]:
    """Names the tagger took for a person or an organization that the article writes where a place goes
    and that the gazetteer knows, by name or as a small town ("Dabiq held symbolic importance")."""
    doc, gaz, words = ctx.doc, ctx.gaz, ctx.words
    names: set[str] = set()
    placed: set[int] = set()  # tokens of names tagged as places: "Mosul and X" makes X a place
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC"):
            placed.update(range(ent.start, ent.end))
            start = ent.start + (ent[0].lower_ == "the")
            if ent.label_ == "FAC" and start < ent.end and gaz.has(doc[start:ent.end].text):
                names.add(doc[start:ent.end].text)  # "Heathrow" tagged FAC once: the airport everywhere
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "NORP") or len(ent) > 3:
            continue
        start = ent.start + (ent[0].lower_ == "the")
        end = ent.end - (ent[-1].text in POSSESSIVE)
        if end <= start:
            continue
        prev = start - 1
        if prev >= 0 and doc[prev].lower_ == "the":
            prev -= 1
        if prev < 0:
            continue
        word = doc[prev].lower_
        cue = word in words.place_cue or word in words.locative_prep \
            or (word == "of" and prev >= 1 and doc[prev - 1].lower_ == "out") \
            or doc[prev].lemma_.lower() in words.place_verb \
            or (word in ("and", "or", ",") and prev - 1 in placed)
        text = doc[start:end].text
        if cue and (gaz.has(text) or gaz.towns(text)):
            names.add(text)
    return frozenset(names)


def division_elsewhere(ctx: Context, span: Span, state_spans: dict[tuple[int, int], str]) -> bool:
    """A country's name that is also a first-level division of another country whose towns or
    divisions the article names ("Georgia" beside "Atlanta" or "Texas"), with no sign of the country
    itself (its demonym, another of its names, its capital)."""
    lex, gaz = ctx.lex, ctx.gaz
    iso3 = lex.states[span.text]
    others = {e.country for e in gaz.lookup(span.text) if e.level == "admin1" and e.country != iso3}
    if not others:
        return False
    doc = span.doc
    if iso3 in {code for (a, b), code in state_spans.items() if doc[a:b].text != span.text}:
        return False
    capital = lex.capitals.get(iso3)
    if capital and capital in ctx.text:
        return False
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC") or ent.text == span.text or ent.text in lex.states:
            continue
        entries = gaz.lookup(ent.text)
        if any(e.country in others and e.level in ("admin1", "city")
               and e.population >= ctx.settings.division_population for e in entries) \
                and not any(e.country == iso3 for e in entries):
            return True  # "Atlanta", "Texas": the article is about the other country's division
    return False


# ------------------------------------------------------------------------------------------------
# a capital as its government: the actors.capital.* rules, in order
# ------------------------------------------------------------------------------------------------


def used_as_government(ctx: Context, span: Span) -> tuple[str, Token | None] | None:
    """The rule that makes a capital act in its sentence ("Moscow said", "ties with Moscow", "Ottawa's
    offer") and the token it used, or None when it is where something happens ("in Moscow", "of Paris",
    "leave Paris"). The first rule that is on and applies decides."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    tests: list[tuple[str, Callable[[], Verdict]]] = [
        ("actors.capital.dateline", lambda: _dateline(span)),
        ("actors.capital.city_noun", lambda: _city_noun(ctx, span)),
        ("actors.capital.verb_follows", lambda: _verb_follows_subject(ctx, span, tok)),
        ("actors.capital.subject", lambda: _subject(tok)),
        ("actors.capital.possessive", lambda: _possessive(ctx, span, tok)),
        ("actors.capital.object", lambda: _object(ctx, tok)),
        ("actors.capital.prep_object", lambda: _prep_object(ctx, tok)),
    ]
    for name, test in tests:
        if not ctx.on(name):
            continue
        verdict = test()
        if verdict is not None:
            acts, evidence = verdict
            return (name, evidence) if acts else None
    return None


def _dateline(span: Span) -> Verdict:
    """A dateline "Washington (CNN)" or "Paris, Texas": the city."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and (nxt.text in ("(", "—", "–", "_") or (nxt.text == "," and span.end + 1 < len(doc)
                                                                and doc[span.end + 1].ent_type_ == "GPE")):
        return False, None
    return None


def _city_noun(ctx: Context, span: Span) -> Verdict:
    """"the French capital Paris": the city itself."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in ctx.words.settlement_noun:
        return False, None
    return None


def _verb_follows_subject(ctx: Context, span: Span, tok: Token) -> Verdict:
    """"Moscow and Pyongyang have worked": a verb follows, even when the parser says otherwise."""
    verb = verb_follows(span)
    if verb is not None and locative_prep(ctx, tok) is None:
        return True, verb
    return None


def _subject(tok: Token) -> Verdict:
    """The subject of a verb other than "be": "Moscow said"."""
    if tok.dep_ in ("nsubj", "nsubjpass", "agent"):
        head = tok.head
        return head.pos_ in ("VERB", "AUX") and head.lemma_ != "be", head
    return None


def _possessive(ctx: Context, span: Span, tok: Token) -> Verdict:
    """"Moscow's offer": the owner of a government noun; "London's homelessness programs" stays a place."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if tok.dep_ == "poss" or (nxt is not None and nxt.text in POSSESSIVE):
        owner = tok.head
        return owner.lemma_.lower() in ctx.lex.government_nouns, owner
    return None


def _object(ctx: Context, tok: Token) -> Verdict:
    """The object of a verb that is not one of motion: "warned Moscow", not "left Moscow"."""
    if tok.dep_ in ("dobj", "dative"):
        return tok.head.lemma_.lower() not in ctx.words.motion, tok.head
    return None


def _prep_object(ctx: Context, tok: Token) -> Verdict:
    """"talks with Moscow", "sanctions on Moscow"; but "marched on Moscow" is a destination."""
    if tok.dep_ == "pobj":
        head = tok.head
        return head.lower_ in ctx.words.government_prep and head.head.lemma_.lower() not in ctx.words.motion, head
    return None


def locative_prep(ctx: Context, tok: Token) -> Token | None:
    """The locative preposition governing a name, through compounds and appositions ("in French
    capital Paris"), or None."""
    for _ in range(4):
        if tok.dep_ in ("compound", "appos", "conj", "nmod", "amod") and tok.head is not tok:
            tok = tok.head
            continue
        break
    if tok.dep_ == "pobj" and (tok.head.lower_ in ctx.words.locative_prep or tok.head.lower_ in ("to", "from")):
        return tok.head
    return None


def verb_follows(span: Span) -> Token | None:
    """The finite or -ing verb that follows a name (over "and X", adverbs), making it a subject."""
    doc = span.doc
    i = span.end
    while i < len(doc):
        t = doc[i]
        if t.lower_ == "and" and i + 1 < len(doc) and doc[i + 1].ent_type_ == "GPE":
            i += 1
            while i < len(doc) and doc[i].ent_type_ == "GPE":
                i += 1
            continue
        if t.pos_ == "ADV":
            i += 1
            continue
        return t if t.tag_ in ("VBZ", "VBD", "VBP", "MD", "VBG") else None
    return None
