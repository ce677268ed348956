"""Step 3 of the actors stage: organizations spaCy finds that the lexicons do not know (actors.org.*).

An ORG entity is an organization unless it is no actor here (a time zone, a platform where something is
said, a street), a person has it ("President Obama" tagged ORG), it has no word of its own (the lexicon
or a person has "NATO"; "Defense" of "Defense Secretary" is title words the tagger split off), a seat
building, or a place the tagger mislabelled ("Danbury", "near Sinjar"). Title words can still name a body
("Interior Ministry": actors.org.body_phrase). Its
country is that of a state inside it, an owner before it ("South Korea's National Intelligence Service")
or a state or demonym right before it ("Chinese Foreign Ministry").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.nlp.actors.candidates import Cand, Context, chars, code_of_cand
from newsgraph.nlp.places.gazetteer import ROAD_KINDS, STREET_NAME_ENDS
from newsgraph.nlp.words import POSSESSIVE


def org_mentions(ctx: Context, taken: set[int], persons: list[Cand]) -> list[Cand]:
    person_starts = {c.tokens[0] for c in persons if c.kind == "person"}
    out = []
    for ent in ctx.doc.ents:
        if ent.label_ != "ORG" or _not_here(ctx, ent):
            continue
        if ctx.on("actors.org.person_inside") and any(i in person_starts for i in range(ent.start, ent.end)):
            continue  # "President Obama" tagged ORG: the person has it
        cand = _org(ctx, ent, taken)
        if cand is not None:
            out.append(cand)
    claimed = taken | {i for c in out for i in range(*c.tokens)}
    return out + [c for c in _named_by_noun(ctx, claimed) if c is not None]


def _named_by_noun(ctx: Context, taken: set[int]) -> list[Cand | None]:
    """'the Danish company Bavarian Nordic', 'the charity Freedom from Torture', 'drugmaker Moderna': a name set
    in apposition to a noun of organizations (org_noun), or that noun before it, names an organization,
    whatever the tagger called it (Bavarian NORP, Moderna PERSON). Not a name another mention has."""
    if not ctx.on("actors.org.named_by_noun"):
        return []
    out: list[Cand | None] = []
    for tok in ctx.doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ctx.words.org_noun:
            continue
        name: Token | None = next((c for c in tok.rights if c.dep_ == "appos" and c.tag_ == "NNP"), None)
        if tok.dep_ == "compound" and tok.head.tag_ == "NNP" and tok.head.i > tok.i:
            name = tok.head  # "drugmaker Moderna"
        if name is not None:
            out.append(_name_after(ctx, tok, name, taken))
    return out


def _name_after(ctx: Context, noun: Token, name: Token, taken: set[int]) -> Cand | None:
    """The organization named by the words of ``name``'s phrase right after ``noun``: capitalised, or the
    small words of a name between capitalised ones ("Freedom from Torture")."""
    doc, start = ctx.doc, noun.i + 1
    end = start
    while end <= name.right_edge.i and (doc[end].text[:1].isupper() or doc[end].lower_ in NAME_SMALL_WORDS):
        end += 1
    while end > start and not doc[end - 1].text[:1].isupper():
        end -= 1
    if not start <= name.i < end or any(i in taken for i in range(start, end)):
        return None
    span = doc[start:end]
    if _place_or_building(ctx, span):
        return None
    cand = Cand(span.start_char, span.end_char, f"org:{span.text.lower()}", "organization", span.text, "name",
                tokens=(span.start, span.end))
    cand.fired("actors.org.named_by_noun", chars(span))
    _set_country(ctx, cand, doc[noun.left_edge.i:noun.i + 1])
    return cand


def _not_here(ctx: Context, ent: Span) -> bool:
    """A transcript label, a time zone ("1500 UTC"), a platform where something is said ("on Twitter"),
    or a street or road the tagger took for a body ("the North Circular Road", "Highway 403")."""
    doc = ent.doc
    if ctx.on("actors.org.transcript_label") and ent.start >= 2 and ent.end + 2 <= len(doc) \
            and doc[ent.start - 2].text == doc[ent.start - 1].text == "(" \
            and doc[ent.end].text == doc[ent.end + 1].text == ")":
        return True  # "((WN))"
    kind = ctx.lex.non_actors.get(ent.text)
    if kind == "never" and ctx.on("actors.org.non_actor"):
        return True
    if kind == "platform" and ctx.on("actors.org.platform") and ent.start > 0 \
            and doc[ent.start - 1].lower_ in ctx.words.medium_prep:
        return True
    street = ent[-1].lower_ in STREET_NAME_ENDS or (len(ent) >= 2 and ent[-2].lower_ in ROAD_KINDS
                                                     and ent[-1].like_num)
    return street and ctx.on("actors.org.street")


def _org(ctx: Context, ent: Span, taken: set[int]) -> Cand | None:
    lex = ctx.lex
    free = [t for t in ent if t.i not in taken and t.text[:1].isupper()
            and t.lower_ not in lex.title_words and t.lower_ != "the"]
    body_phrase = ctx.on("actors.org.body_phrase") and _body_phrase(ctx, ent, taken)
    if not free and not body_phrase:
        return None  # the lexicon or a person has it all ("NATO", "Defense" of "Defense Secretary")
    span = _trimmed(ent)
    if not span.text or _place_or_building(ctx, span) or not any(t.text[:1].isupper() for t in span):
        return None
    # title words alone ("Defense" split off "Defense Secretary") have no free word: only a body phrase keeps them
    rule = "actors.org.entity" if free else "actors.org.body_phrase"
    if not ctx.on(rule):
        return None
    cand = Cand(span.start_char, span.end_char, f"org:{span.text.lower()}", "organization", span.text, "name",
                tokens=(span.start, span.end))
    cand.fired(rule, chars(span))
    _set_country(ctx, cand, span)
    return cand


def _trimmed(ent: Span) -> Span:
    """An entity without a leading "the", a bracket the tagger took in ("WHO Regional Office for Africa (AFRO":
    the acronym after it is read as one, actors.repair.acronym), or a trailing possessive or punctuation."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start < end and doc[start].lower_ == "the":
        start += 1
    end = next((t.i for t in doc[start + 1:end] if t.text == "("), end)
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def _place_or_building(ctx: Context, span: Span) -> bool:
    """A seat building ("in the Kremlin"), a name the article shows as a place, or a known place the
    tagger took for an organization ("Danbury", "near Sinjar")."""
    text, doc, start = span.text, ctx.doc, span.start
    if ctx.on("actors.org.building") and text in ctx.lex.metonyms:
        return True
    if ctx.on("actors.org.place_elsewhere") and (text in ctx.toponyms or text in ctx.place_like):
        return True  # "Sinjar is free": tagged a place elsewhere in the article
    return ctx.on("actors.org.known_place") and (ctx.gaz.is_known_place(text) or (
        start > 0 and doc[start - 1].lower_ in ctx.words.locative_prep and ctx.gaz.has(text)))


def _set_country(ctx: Context, cand: Cand, span: Span) -> None:
    """The state inside the name, the owner before it, or the state or demonym right before it."""
    doc, by_tok = ctx.doc, ctx.by_tok
    j = span.start - 1
    found: tuple[str, Cand | None] | None = ctx.rules.first([
        ("actors.affiliation.org_inner",
         lambda: next((by_tok[t.i] for t in span if t.i in by_tok and by_tok[t.i].kind == "state"), None)),
        ("actors.affiliation.org_possessive",
         lambda: by_tok[j - 1] if j >= 1 and doc[j].text in POSSESSIVE and j - 1 in by_tok else None),
        ("actors.affiliation.org_premodifier", lambda: by_tok.get(j) if j >= 0 else None),
    ])
    if found is None or found[1] is None:
        return
    rule, owner = found[0], found[1]
    cand.affiliation = code_of_cand(owner)
    cand.country = ctx.country_of(cand.affiliation)
    if cand.affiliation is not None:
        cand.fired(rule, (owner.start, owner.end), "affiliation")


NAME_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on"})  # ("Ministry of Public Health and Fight against AIDS")


def _body_phrase(ctx: Context, ent: Span, taken: set[int]) -> bool:
    """Whether an organization made only of title words names a body ("Interior Ministry", "the Foreign
    Office", "Ministry of Health"): two words or more, capitalised but for the small words of a name, a body
    noun at its end or before its "of", none of them taken by another mention."""
    words = [t for t in ent if t.lower_ != "the" and t.text not in POSSESSIVE]
    while words and words[0].i in taken:
        words.pop(0)  # "Chinese Foreign Ministry": the state before the body is its own mention
    if len(words) < 2:
        return False
    of = next((i for i, t in enumerate(words) if t.lower_ == "of"), None)
    head = words[-1] if of is None or of == 0 or not ctx.on("actors.org.body_of") else words[of - 1]
    return head.lower_ in ctx.words.body_head and all(
        (t.text[:1].isupper() or t.lower_ in NAME_SMALL_WORDS) and t.i not in taken for t in words)
