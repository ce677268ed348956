"""Names the tagger mislabels or leaves out (the actors.repair.* rules).

- a titled name swallowed by another entity: "President Obama" tagged ORG, "[Secretary of] Defense Ash
  Carter" (actors.repair.person_in_org), "[Minister for] the Middle East Tobias Ellwood" (a place, then
  the name: actors.repair.portfolio_then_name);
- an ORG-tagged name with an apposed title ("Knox Thames, the Special Advisor": actors.repair.apposed_title)
  or a courtesy title ("the Hon Imogen Sayers MP": actors.repair.honorific);
- a titled name left untagged ("Special Advisor Thames": actors.repair.untagged_titled);
- the leader a government is named for ("the Asad regime": actors.repair.leader);
- a full name, first name or surname met before and repeated under another label
  (actors.repair.full_name_relabelled, first_name_relabelled, surname_relabelled);
- an acronym defined in brackets after an organization ("... Fund (SRTF)": actors.repair.acronym).
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.actors.candidates import Cand, Context, PersonIndex, TitleInfo, chars, person_name, strip_the
from newsgraph.nlp.actors.given_names import is_given_name
from newsgraph.nlp.actors.titles import apposition_after, person_cand, title_before
from newsgraph.nlp.words import POSSESSIVE

RELABELLED = ("GPE", "ORG", "NORP", "LOC")


def _person(ctx: Context, span: Span, info: TitleInfo, rule: str) -> Cand:
    return person_cand(ctx, chars(span), person_name(span), info, (span.start, span.end), rule)


def person_hidden_in(ctx: Context, ent: Span) -> Cand | None:
    """A person inside an entity of another label: the first of these repairs that finds one (each is
    switched off by its rule)."""
    for repair in (_person_inside_org, _apposed_person, _honorific_person, _given_name_person):
        found = repair(ctx, ent)
        if found is not None:
            return found
    return None


def _given_name_person(ctx: Context, ent: Span) -> Cand | None:
    """"Helena Moritz" tagged ORG: two or three capitalised words opening with a given name, none of them a
    word of bodies, places or streets, and no place the gazetteer knows, are a person's name."""
    words = [t for t in ent if t.lower_ != "the"]
    org_words = ctx.words.body_head | ctx.words.not_name_word | ctx.words.non_person_head
    if not 2 <= len(words) <= 3 or not ctx.on("actors.repair.given_name_org") \
            or not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in words) \
            or any(t.lower_ in org_words or t.lower_ in ctx.lex.title_words for t in words) \
            or not is_given_name(words[0].text) or ctx.gaz.has(ent.text):
        return None
    span = ent.doc[words[0].i: words[-1].i + 1]
    return _person(ctx, span, title_before(ctx, span.start), "actors.repair.given_name_org")


# ------------------------------------------------------------------------------------------------
# a titled name inside another entity
# ------------------------------------------------------------------------------------------------


def _person_inside_org(ctx: Context, ent: Span) -> Cand | None:
    """A titled name the tagger swallowed into an organization: "President Obama", "[Secretary of]
    Defense Ash Carter", "[Minister for] the Middle East Tobias Ellwood". The name is the run of
    capitalised words that ends the entity, after a title or a place; it must follow a title or be
    named as a person elsewhere in the article."""
    bounds = _name_ending(ctx, ent)
    if bounds is None:
        return None
    start, end = bounds
    place_end = _place_before_name(ctx, ent, start, end) if ctx.on("actors.repair.portfolio_then_name") else None
    if place_end is None and not ctx.on("actors.repair.person_in_org"):
        return None
    if place_end is not None:
        start = place_end
    name_span = ctx.doc[start:end]
    if not _could_be_name(ctx, name_span):
        return None
    if place_end is None:
        info = _title_inside(ctx, ent, name_span)
        return None if info is None else _person(ctx, name_span, info, "actors.repair.person_in_org")
    info = _title_over_place(ctx, ent, start)
    if info is None or (name_span.text not in ctx.person_names and end - start < 2):
        return None
    return _person(ctx, name_span, info, "actors.repair.portfolio_then_name")


def _name_ending(ctx: Context, ent: Span) -> tuple[int, int] | None:
    """The run of capitalised words (no title words, no lexicon mention) that ends an entity."""
    doc, by_tok, title_words = ctx.doc, ctx.by_tok, ctx.lex.title_words
    end = ent.end - (ent[-1].text in POSSESSIVE)
    start = end
    while start > ent.start and (start - 1) not in by_tok and (
            (doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ not in title_words)
            or (doc[start - 1].text == "-" and start - 2 > ent.start and start < end)):
        start -= 1
    if start >= end or end - start > 7 or doc[end - 1].lower_ in ctx.words.non_person_head:
        return None
    return start, end


def _place_before_name(ctx: Context, ent: Span, start: int, end: int) -> int | None:
    """"the Middle East Tobias Ellwood": where the name starts after a known place opening the entity."""
    if start == strip_the(ent) and end - start > 2:
        for k in range(start + 1, end - 1):
            if ctx.gaz.is_known_place(ctx.doc[start:k].text):
                return k
    return None


def _could_be_name(ctx: Context, name_span: Span) -> bool:
    """Three words at most, no known place, no word of a street, a body or another name."""
    words, doc = ctx.words, ctx.doc
    if not len(name_span) or len([t for t in name_span if t.is_alpha]) > 3 or ctx.gaz.is_known_place(name_span.text):
        return False
    if any(t.lower_ in words.non_person_head or t.lower_ in words.body_head or t.lower_ in words.not_name_word
           for t in name_span):
        return False
    return doc[name_span.start - 1].lower_ not in words.not_name_word


def _title_inside(ctx: Context, ent: Span, name_span: Span) -> TitleInfo | None:
    """The title before a name inside the entity: one word names a person only after a title head or when
    the article names them so elsewhere; a title outside an entity that is all name names a body ("head
    of Breitbart News")."""
    doc, start, end = ctx.doc, name_span.start, name_span.end
    info = title_before(ctx, start)
    known = name_span.text in ctx.person_names
    if info.role_text is None or (end - start == 1 and not known and doc[start - 1].lower_ not in ctx.lex.title_heads):
        return None
    if not known and (doc[start - 1].lower_ == "of" or start == ent.start
                      or (start == ent.start + 1 and ent[0].lower_ == "the")):
        return None
    return info


def _title_over_place(ctx: Context, ent: Span, start: int) -> TitleInfo | None:
    """"Minister for the Middle East Tobias Ellwood": the title before the entity, with the place as its
    portfolio ("Minister for the Middle East")."""
    doc, heads = ctx.doc, ctx.lex.title_heads
    title = title_before(ctx, ent.start)
    j = ent.start - 1
    while j >= 0 and doc[j].lower_ in ("for", "of", "from", "the"):
        j -= 1
    head_before = j >= 0 and doc[j].lower_ in heads
    if head_before:
        title = title_before(ctx, j + 1)
    if title.role_text is None and not head_before:
        return None
    first = title.start_tok if title.start_tok is not None else j
    info = TitleInfo(doc[first:start].text, title.affiliation, first, explicit=title.explicit,
                     words=[w.lower_ for w in doc[first:j + 1]])
    info.fired("actors.repair.portfolio_then_name", chars(doc[first:start]), "role")
    info.steps += [s for s in title.steps if s[3] == "affiliation"]
    return info


def _apposed_person(ctx: Context, ent: Span) -> Cand | None:
    """"Knox Thames, the Special Advisor to ...": a two- or three-word name the tagger called an
    organization, with a title in apposition after it, is a person."""
    words = ctx.words
    if not ctx.on("actors.repair.apposed_title") or ent.label_ != "ORG" or not 2 <= len(ent) <= 3 or any(
            t.i in ctx.by_tok or not t.is_alpha or not t.text[:1].isupper() or t.lower_ in ctx.lex.title_words
            or t.lower_ in words.non_person_head or t.lower_ in words.body_head for t in ent):
        return None
    info = apposition_after(ctx, ent)
    if info.role_text is None:
        return None
    return _person(ctx, ent, info, "actors.repair.apposed_title")


def _honorific_person(ctx: Context, ent: Span) -> Cand | None:
    """"the Hon Imogen Sayers MP", "Dr Ahmed Kamil" tagged as an organization: a courtesy title, then one to
    three capitalised words (and post-nominal letters, "MP", "QC") name a person."""
    doc = ent.doc
    i = strip_the(ent)
    if not ctx.on("actors.repair.honorific") or i >= ent.end or not ctx.honorific(doc[i]):
        return None
    while i < ent.end and (ctx.honorific(doc[i]) or doc[i].text == "."):
        i += 1
    end = ent.end - (ent[-1].text in POSSESSIVE)
    while end > i and doc[end - 1].is_upper and len(doc[end - 1].text) <= 4:
        end -= 1  # post-nominal letters: "MP", "QC", "AO"
    name = doc[i:end]
    if not 1 <= len(name) <= 3 or any(not t.is_alpha or not t.text[:1].isupper() or t.i in ctx.by_tok
                                      or t.lower_ in ctx.lex.title_words or t.lower_ in ctx.words.not_name_word
                                      or t.lower_ in ctx.words.body_head for t in name):
        return None
    return _person(ctx, name, TitleInfo(), "actors.repair.honorific")


# ------------------------------------------------------------------------------------------------
# names left untagged
# ------------------------------------------------------------------------------------------------


def untagged_titled_names(ctx: Context, taken: set[int]) -> list[Cand]:
    """"Special Advisor Thames will deliver remarks": a capitalised title, then a name the tagger left
    untagged (one to three proper nouns followed by a lower-case word or punctuation)."""
    doc, lex, most = ctx.doc, ctx.lex, ctx.settings.max_untagged_name
    out = []
    for tok in doc:
        if tok.lower_ not in lex.title_heads or not tok.text[:1].isupper() or tok.i + 1 >= len(doc):
            continue
        start = end = tok.i + 1
        while end < len(doc) and end - start <= most and doc[end].tag_ == "NNP" and doc[end].is_alpha \
                and doc[end].text[:1].isupper() and not doc[end].ent_type_ and end not in taken \
                and doc[end].lower_ not in lex.title_words:
            end += 1
        if start == end or end - start > most or doc[end - 1].lower_ in ctx.words.non_person_head \
                or (end < len(doc) and doc[end].text[:1].isupper()):
            continue
        info = title_before(ctx, start)
        if info.role_text is not None:
            out.append(_person(ctx, doc[start:end], info, "actors.repair.untagged_titled"))
    return out


@functools.cache
def _leader_government_re(nouns: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(nouns)) + r")\b")


def leaders_named_for_governments(ctx: Context, taken: set[int]) -> list[Cand]:
    """"the Asad regime", "the Obama administration": a bare capitalised name before a word for a
    government is the leader it is named for, whatever label the tagger gave it."""
    doc = ctx.doc
    out = []
    named = {ent.text for ent in doc.ents if ent.label_ in ("PERSON", "ORG")}
    for found in _leader_government_re(ctx.words.leader_government_noun).finditer(ctx.text):
        tok_span = doc.char_span(found.start(), found.end())
        if tok_span is None or tok_span.start < 2:
            continue
        i = tok_span.start - 1
        if doc[i].text in POSSESSIVE or i in taken or not _leader_name(ctx, i):
            continue
        name = doc[i]
        if name.ent_type_ == "NORP" and name.text not in named:
            continue  # "the Soviet regime": a people's adjective, unless the article names someone so
        cand = Cand(name.idx, name.idx + len(name.text), f"person:{name.text}", "person", name.text, "leader",
                    tokens=(i, i + 1))
        out.append(cand.fired("actors.repair.leader", (name.idx, found.end())))
    return out


def _leader_name(ctx: Context, i: int) -> bool:
    """A bare capitalised name, not an adjective, a place, a date or a title, alone and not first in its
    sentence."""
    doc = ctx.doc
    name = doc[i]
    return name.is_alpha and name.text[:1].isupper() and not name.is_upper \
        and not name.lower_.endswith(ctx.words.adjective_ending) and name.ent_type_ not in ("GPE", "LOC", "DATE") \
        and name.lower_ not in ctx.lex.title_words and not ctx.gaz.has(name.text) \
        and not (doc[i - 1].text[:1].isupper() and doc[i - 1].lower_ != "the") and name.i != name.sent.start


# ------------------------------------------------------------------------------------------------
# names met before, under another label
# ------------------------------------------------------------------------------------------------


def relabelled_names(ctx: Context, taken: set[int], persons: PersonIndex) -> None:
    """Names the tagger labels a place, an organization or a people that the article gave a person before:
    the full name ("Abu Ghadiya" tagged NORP), the first name, or the surname ("Austin" tagged GPE)."""
    cands = persons.cands
    surnames = {ctx.surname_key(c.name.split()[-1]) for c in cands if " " in c.name or c.form == "leader"}
    first_names = {c.name.split()[0]: c.name for c in cands if " " in c.name}
    full_names = {c.name: c.start for c in cands if " " in c.name and c.form == "name"}
    never = len(ctx.text)
    for ent in ctx.doc.ents:
        if ent.label_ not in RELABELLED or any(t.i in taken for t in ent):
            continue
        if full_names.get(ent.text, never) < ent.start_char and ctx.on("actors.repair.full_name_relabelled"):
            # "Abu Ghadiya" named in full before, then tagged NORP: the same person
            cand = Cand(ent.start_char, ent.end_char, f"person:{ent.text}", "person", ent.text, "name",
                        tokens=(ent.start, ent.end))
            persons.add(cand.fired("actors.repair.full_name_relabelled", chars(ent)))
            continue
        owner = first_names.get(ent.text)
        if owner is not None and ctx.surname_key(ent.text) not in surnames \
                and ent.start_char > persons.first_start[owner] and ctx.on("actors.repair.first_name_relabelled"):
            cand = Cand(ent.start_char, ent.end_char, f"person:{owner}", "person", owner, "first name",
                        tokens=(ent.start, ent.end))
            persons.add(cand.fired("actors.repair.first_name_relabelled", chars(ent)))
            continue
        if ctx.surname_key(ent.text) in surnames and ent.start not in persons.covered \
                and ctx.on("actors.repair.surname_relabelled"):
            info = title_before(ctx, ent.start)
            cand = _person(ctx, ent, info, "actors.repair.surname_relabelled")
            cand.name, cand.key, cand.form, cand.explicit_cue = ent.text, f"person:{ent.text}", "surname", False
            persons.add(cand)


# ------------------------------------------------------------------------------------------------
# acronyms
# ------------------------------------------------------------------------------------------------


def acronym_mentions(ctx: Context, orgs: list[Cand], taken: set[int], lexical: list[Cand]) -> list[Cand]:
    """"the Syria Recovery Trust Fund (SRTF) ... our SRTF contribution": an acronym an article defines in
    brackets (or with "known as") after an organization's name names that organization wherever it stands
    on its own. When the lexicon already knows the acronym ("Main Directorate of Intelligence (HUR)"), the
    full name takes the lexicon's identity instead, so that one body keeps one name across articles."""
    doc = ctx.doc
    acronyms: dict[str, Cand] = {}
    after_place: set[str] = set()
    for c in orgs:
        i = _acronym_after(doc, c.tokens[1])
        if i is None and ctx.on("actors.repair.acronym_after_place"):
            end = _past_place(doc, c.tokens[1])
            i = _acronym_after(doc, end)  # "the UN Integrated Office in Haiti (BINUH)"
            if i is not None:
                after_place.add(doc[i].text)
                first = c.tokens[0] + (doc[c.tokens[0]].lower_ == "the")
                c.name = doc[first:end].text  # the name the acronym stands for runs on with its place
        if i is not None:
            acronyms.setdefault(doc[i].text, c)
    if ctx.on("actors.repair.initials_in_article"):
        _initials_in_article(orgs, acronyms)
    if not acronyms:
        return []
    _adopt_known_acronyms(doc, acronyms, orgs, lexical)
    for c in orgs:
        full = acronyms.get(c.name)
        if full is not None and c is not full:
            c.key, c.name, c.form = full.key, full.name, "acronym"  # "the SRTF is" tagged on its own
            c.code, c.country, c.affiliation = full.code, full.country, full.affiliation
            c.fired("actors.repair.acronym", (full.start, full.end))
    out = []
    for tok in doc:
        named = acronyms.get(tok.text)
        if named is not None and tok.i not in taken:
            cand = Cand(tok.idx, tok.idx + len(tok.text), named.key, named.kind, named.name, "acronym",
                        code=named.code, country=named.country, affiliation=named.affiliation,
                        tokens=(tok.i, tok.i + 1))
            cand.fired("actors.repair.acronym", (named.start, named.end))
            if tok.text in after_place:
                cand.fired("actors.repair.acronym_after_place", (named.start, named.end))
            out.append(cand)
    return out


def _acronym_after(doc: Doc, i: int) -> int | None:
    """The token of an acronym defined right after a name ending before token ``i``: "... (HUR)" or
    "..., known as HUR" / "..., also known as HUR"."""
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and _is_acronym(doc[i + 1]):
        return i + 1
    j = i + 1 if i < len(doc) and doc[i].text == "," else i
    if j < len(doc) and doc[j].lower_ == "also":
        j += 1
    if j + 2 < len(doc) and doc[j].lower_ == "known" and doc[j + 1].lower_ == "as" and _is_acronym(doc[j + 2]):
        return j + 2
    return None


def _past_place(doc: Doc, i: int) -> int:
    """The token after "in Haiti", "for South Sudan" following an organization's name ending before token
    ``i`` (names of missions and offices run on with the place they serve); ``i`` when there is none."""
    preps = ("in", "for", "to", "on")
    if i < len(doc) and doc[i].lower_ in preps:
        start = i + 1
    elif 0 < i <= len(doc) and doc[i - 1].lower_ in preps:
        start = i  # (the tagger may end the name on its preposition: "UN Assistance Mission in")
    else:
        return i
    k = start
    while k < min(len(doc), start + 4) and doc[k].pos_ == "PROPN":
        k += 1
    return k if k > start else i


def _is_acronym(tok: Token) -> bool:
    return tok.is_upper and tok.is_alpha and len(tok.text) >= 2


INITIAL_SKIPS = frozenset({"of", "the", "and", "for", "in", "on", "&"})


def _initials_in_article(orgs: list[Cand], acronyms: dict[str, Cand]) -> None:
    """"The Royal National Lifeboat Institution ... the RNLI": an acronym of three letters or more that is the
    initials of exactly one organization the article names in full, with no brackets between them."""
    by_initials: dict[str, list[Cand]] = {}
    for c in orgs:
        words = [w for w in c.name.split() if w.lower() not in INITIAL_SKIPS]
        if len(words) >= 3 and all(w[:1].isupper() for w in words):
            by_initials.setdefault("".join(w[0] for w in words), []).append(c)
    for c in orgs:
        full = by_initials.get(c.name, [])
        if c.name.isupper() and len(c.name) >= 3 and c.name not in acronyms and len({f.name for f in full}) == 1:
            acronyms[c.name] = full[0]


def _adopt_known_acronyms(doc: Doc, acronyms: dict[str, Cand], orgs: list[Cand], lexical: list[Cand]) -> None:
    """A defined acronym that the lexicon matched in this text ("HUR" -> GUR) names the organization the
    full name stands for: every mention of that full name takes the lexicon's identity, and the acronym
    needs no new mentions."""
    known: dict[str, Cand] = {}
    for c in lexical:
        if c.kind in ("organization", "body"):
            known.setdefault(doc.text[c.start:c.end], c)
    for acronym, full in list(acronyms.items()):
        lex = known.get(acronym)
        if lex is None:
            continue
        full_key, full_name = full.key, full.name
        for c in orgs:
            if c.key == full_key or c.name == full_name:
                c.key, c.name, c.kind, c.code = lex.key, lex.name, lex.kind, lex.code
                c.country, c.affiliation = lex.country or c.country, lex.affiliation or c.affiliation
                c.fired("actors.repair.acronym", (lex.start, lex.end))
        del acronyms[acronym]


# ------------------------------------------------------------------------------------------------
# names a person is known by
# ------------------------------------------------------------------------------------------------

KNOWN_AS = (("known", "as"), ("alias",), ("nicknamed",), ("dubbed",))


def known_as_mentions(ctx: Context, persons: list[Cand], taken: set[int]) -> list[Cand]:
    """"Jimmy Chérizier, known as Barbecue", "Mohamed Hamdan Dagalo, better known as Hemedti": the name after
    "known as" (or "alias", "nicknamed") is the person's wherever it stands on its own."""
    doc = ctx.doc
    names: dict[str, Cand] = {}
    for c in persons:
        if c.form != "name" or " " not in c.name:
            continue
        found = _known_as_after(doc, c.tokens[1])
        if found is not None:
            names.setdefault(doc[found[0]:found[1]].text, c)
    out = []
    for text, person in names.items():
        width = len(text.split())
        for tok in doc:
            if doc[tok.i: tok.i + width].text == text and not any(i in taken for i in range(tok.i, tok.i + width)):
                cand = Cand(tok.idx, tok.idx + len(text), person.key, "person", person.name, "alias",
                            country=person.country, affiliation=person.affiliation, tokens=(tok.i, tok.i + width))
                out.append(cand.fired("actors.repair.known_as", (person.start, person.end)))
    return out


def _known_as_after(doc: Doc, i: int) -> tuple[int, int] | None:
    """The tokens of the name after a person's name ending before token ``i``: ", known as Barbecue"."""
    j = i + 1 if i < len(doc) and doc[i].text == "," else i
    if j < len(doc) and doc[j].lower_ in ("also", "better", "widely", "popularly"):
        j += 1
    cue = next((words for words in KNOWN_AS if [t.lower_ for t in doc[j: j + len(words)]] == list(words)), None)
    if cue is None:
        return None
    j += len(cue)
    if j < len(doc) and doc[j].is_quote:
        j += 1
    end = j
    while end < len(doc) and end - j < 3 and doc[end].is_alpha and doc[end].text[:1].isupper():
        end += 1
    return (j, end) if end > j else None
