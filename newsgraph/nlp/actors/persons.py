"""Step 2 of the actors stage: persons (the actors.person.* rules, with actors.title.*, actors.affiliation.*
and actors.role.* for what each holds and whom they act for).

spaCy's PERSON entities, cleaned of possessive endings and titles, take their role and affiliation from
the title phrase before the name ("Russian President Vladimir Putin"), an apposition ("Kim Jong Un, North
Korea's leader" / "its leader, Kim Jong Un"), a state after the name ("President X of Sudan"), a
coordinated title sharing its country ("U.S. Defense Secretary X and Secretary of State Y") or the
counterparts someone meets (counterparts.py). A name with no title that is a street, a known place or
a name the article writes where a place goes is no person. Entities of other labels that hide a person
are the repairs' (repair.py), and so are names the tagger mislabels or leaves out, which this step runs
after the entities, in order; then the title phrases written out beside a name and the titles alone that
refer back to a named person (title_mentions.py).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.actors import repair, title_mentions
from newsgraph.nlp.actors.candidates import (
    Cand,
    Context,
    PersonIndex,
    TitleInfo,
    chars,
    person_name,
    person_name_words,
)
from newsgraph.nlp.actors.counterparts import Counterparts
from newsgraph.nlp.actors.titles import (
    apposition,
    coordinated_affiliation,
    of_state_after,
    person_cand,
    title_before,
)
from newsgraph.nlp.words import POSSESSIVE

# Entity labels that can hide a person the tagger took for something else ("President Obama" tagged ORG).
HIDING_LABELS = ("LOC", "GPE", "FAC", "NORP")


def person_mentions(ctx: Context, taken: set[int]) -> list[Cand]:
    """Every person mention: the entities, then the repairs, the relabelled names and the title mentions."""
    persons = PersonIndex(ctx.sent_starts)
    counterparts = Counterparts(ctx, persons)
    for ent in ctx.doc.ents:
        if ent.label_ == "ORG" or (ent.label_ in HIDING_LABELS and len(ent) > 2):
            if not all(t.i in taken for t in ent):
                found = repair.person_hidden_in(ctx, ent)
                if found is not None:
                    persons.add(found)
            continue
        if ent.label_ == "PERSON":
            if all(t.i in persons.covered for t in ent):
                continue  # ("Broeck" after "Luc van" + "den": already the end of that name)
            cand = _person_entity(ctx, ent, taken, persons, counterparts)
            if cand is not None:
                persons.add(cand)
    if ctx.on("actors.repair.untagged_titled"):
        persons.extend(repair.untagged_titled_names(ctx, taken | persons.covered))
    if ctx.on("actors.repair.leader"):
        persons.extend(repair.leaders_named_for_governments(ctx, taken | persons.covered))
    repair.relabelled_names(ctx, taken, persons)
    apposed = title_mentions.apposed_title_mentions(ctx, taken | persons.covered, persons.cands)
    persons.extend(apposed)
    persons.extend(title_mentions.role_mentions(ctx, taken | persons.covered, persons.cands + apposed))
    return persons.cands


def _person_entity(ctx: Context, ent: Span, taken: set[int], persons: PersonIndex,
                   counterparts: Counterparts) -> Cand | None:
    """A PERSON entity: the name cleaned, its title and affiliation, unless it is no person here."""
    doc = ctx.doc
    if all(t.i in taken for t in ent):
        return None
    if ctx.on("actors.person.transcript_label") and _transcript_label(ent):
        return None  # "((WN))": the interviewer's label in a Wikinews transcript
    if ctx.on("actors.person.non_actor") and ent.text in ctx.lex.non_actors:
        return None  # ("Twitter" is never a person)
    span = _clean_person(ctx, ent, taken)
    if span is None:
        return None
    tagged_end = span.end
    span = _with_particle_surname(ctx, span)
    owner = persons.first_word_owner.get(span.text)
    if len(span) == 1 and owner is not None and ctx.on("actors.person.first_name") \
            and ctx.first_named.get(span.text, len(doc)) <= span.start and not ctx.place_cue_before(span.start):
        # "Jordan Mills ... Jordan studied": the first name alone, even if "Jordan" is a country elsewhere
        cand = Cand(span.start_char, span.end_char, f"person:{owner}", "person", owner, "first name",
                    tokens=(span.start, span.end))
        return cand.fired("actors.person.first_name", chars(span))
    if not ctx.on("actors.person.entity"):
        return None
    info = _title_of(ctx, span)
    if info.role_text is None and _no_person(ctx, span, persons):
        return None
    _affiliation_of(ctx, span, info, persons, counterparts)
    cut = _name_before_glued_bracket(span) if ctx.on("actors.person.glued_bracket") else None
    name, end_char = cut if cut is not None else (person_name(span), span.end_char)
    if not name:
        return None
    cand = person_cand(ctx, (span.start_char, end_char), name, info, (span.start, span.end), "actors.person.entity")
    if cut is not None:
        cand.fired("actors.person.glued_bracket", (span.start_char, end_char))
    if span.end > tagged_end:
        cand.fired("actors.person.name_particle", chars(span[tagged_end - span.start - 1:]))
    return cand


# Particles inside surnames: "Ursula von der Leyen", "Jean de la Fontaine", "Hamad bin Jassim".
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "la", "le", "da", "di", "du", "dos",
                            "bin", "ibn", "ben", "al", "el", "ter", "zu"})


def _with_particle_surname(ctx: Context, span: Span) -> Span:
    """ "Ursula von der" tagged PERSON and "Leyen" tagged apart: a name that ends on a particle goes on
    to the capitalised word after it."""
    doc = span.doc
    if span[-1].lower_ not in NAME_PARTICLES or not ctx.on("actors.person.name_particle"):
        return span
    end = span.end
    while end < min(len(doc), span.end + 2) and doc[end].lower_ in NAME_PARTICLES:
        end += 1  # "Luc van" + "den" + "Broeck"
    if end >= len(doc) or not (doc[end].is_alpha and doc[end].text[:1].isupper()) or doc[end].is_sent_start:
        return span
    return doc[span.start : end + 1]


def _title_of(ctx: Context, span: Span) -> TitleInfo:
    """The title before the name, else an apposition; a title with no country takes the apposition's
    ("Gen. Joseph Votel, commander of U.S. Central Command": actors.affiliation.title_then_apposition)."""
    info = title_before(ctx, span.start)
    if info.role_text is None:
        return apposition(ctx, span)
    if info.affiliation is None and ctx.on("actors.affiliation.title_then_apposition"):
        after = apposition(ctx, span)
        info.affiliation = after.affiliation
        info.explicit = info.affiliation is not None
        if after.affiliation is not None:
            info.fired("actors.affiliation.title_then_apposition", after.evidence_of("affiliation"), "affiliation")
    return info


def _no_person(ctx: Context, span: Span, persons: PersonIndex) -> bool:
    """An untitled name that is no person: a street or a known place (unless someone named before bears
    it), a name the article shows as a place elsewhere, or one it writes where a place goes."""
    if ctx.on("actors.person.non_person_head") and span[-1].lower_ in ctx.words.non_person_head:
        return True  # "Karl Marx Avenue"
    if ctx.on("actors.person.known_place") and _known_place(ctx, span, persons):
        return True
    if ctx.on("actors.person.place_elsewhere") and span.text in ctx.toponyms \
            and span.text not in persons.last_words:
        return True  # tagged a place elsewhere, unless the surname of someone named in full ("Austin")
    return ctx.on("actors.person.place_like") and span.text in ctx.place_like \
        and span.text not in ctx.person_names and span.text not in ctx.name_words


def _known_place(ctx: Context, span: Span, persons: PersonIndex) -> bool:
    """A well-known place, unless it is the surname or first name of someone named before ("Austin" after
    "Lloyd Austin", "Jordan" after "Jordan Peterson")."""
    if len(span) == 1 and (span.text in persons.last_words or span.text in persons.first_word_owner):
        return False
    return ctx.gaz.is_known_place(span.text, min_population=ctx.settings.known_place_population)


def _affiliation_of(ctx: Context, span: Span, info: TitleInfo, persons: PersonIndex,
                    counterparts: Counterparts) -> None:
    """A titled person with no country yet: the state after the name, a coordinated title's country, or the
    counterparts they are (the first rule that finds one)."""
    if info.affiliation is not None:
        return
    table: list[tuple[str, Callable[[], tuple[str, tuple[int, int]] | None]]] = []
    if info.role_text is not None:
        table += [("actors.affiliation.of_state", lambda: of_state_after(ctx, span)),
                  ("actors.affiliation.coordinated", lambda: coordinated_affiliation(ctx, info, persons))]
    table.append(("actors.affiliation.counterpart", lambda: counterparts.of(span, info)))
    found = ctx.rules.first(table)
    if found is not None and found[1] is not None:
        rule, (code, evidence) = found[0], found[1]
        info.affiliation = code
        info.fired(rule, evidence, "affiliation")


def _clean_person(ctx: Context, ent: Span, taken: set[int]) -> Span | None:
    """The name itself: no possessive ending, no leading title words or demonym spaCy took in ("Syrian
    Foreign Minister Walid Muallem" tagged PERSON as a whole). "Near Ar Raqqah" tagged PERSON is a place
    (actors.person.place_after_prep)."""
    start, end = ent.start, ent.end
    doc, lex, locative = ent.doc, ctx.lex, ctx.words.locative_prep
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    after_prep = start > 0 and doc[start - 1].lower_ in locative
    while start < end and (doc[start].lower_ in lex.title_words or doc[start].is_punct
                           or doc[start].lower_ in locative or doc[start].i in taken
                           or (ctx.honorific(doc[start]) and start + 1 < end)
                           or (_question_word(doc[start]) and ctx.on("actors.person.question_word"))):
        after_prep = after_prep or doc[start].lower_ in locative
        start += 1
    if start >= end or not any(t.is_alpha and t.text[:1].isupper() for t in doc[start:end]):
        return None
    if after_prep and ctx.on("actors.person.place_after_prep") and ctx.gaz.has(doc[start:end].text):
        return None
    if start == ent.start and ctx.on("actors.person.given_name_left_out") and _given_name_before(ctx, doc, start):
        start -= 1  # "Its deputy commander, Abdelrahim Hamdan Dagalo" with "Hamdan Dagalo" tagged
    return doc[start:end]


def _question_word(tok: Token) -> bool:
    """ "Why Aceh?", "How Kherson fell": a question word the tagger took into a name is no part of it."""
    return tok.tag_ in ("WRB", "WP", "WDT") or tok.lower_ in ("why", "how", "what", "where", "when", "which")


def _given_name_before(ctx: Context, doc: Doc, start: int) -> bool:
    """The word before a person's name is a given name the tagger left out: a capitalised proper noun in no
    entity, no title and no lexicon word, after a comma, a bracket or a lower-case word."""
    if start < 2:
        return False
    tok, before = doc[start - 1], doc[start - 2]
    return tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and not tok.ent_type_ \
        and tok.lower_ not in ctx.lex.title_words and tok.i not in ctx.by_tok and not ctx.honorific(tok) \
        and (before.text in (",", "(") or before.is_lower)


def _transcript_label(ent: Span) -> bool:
    """"((WN))": the interviewer's label in a Wikinews transcript, not an actor."""
    doc = ent.doc
    return ent.start >= 2 and ent.end + 2 <= len(doc) \
        and doc[ent.start - 2].text == doc[ent.start - 1].text == "(" \
        and doc[ent.end].text == doc[ent.end + 1].text == ")"


def _name_before_glued_bracket(span: Span) -> tuple[str, int] | None:
    """A name and its end, cut before a bracket the tokenizer left glued to it: "Abboud Qanbar(Arabic: ...)"
    and "Abu Haidar,[1]" (text pasted from web pages, footnote marks) name "Abboud Qanbar" and "Abu Haidar";
    None when there is no such bracket."""
    for tok in span:
        found = _glued_bracket(tok.text)
        if found < 0:
            continue
        head = tok.text[:found].rstrip(",.;:")
        words = [t.text for t in span.doc[span.start:tok.i]] + ([head] if head else [])
        name = person_name_words(words)
        end = tok.idx + len(head) if head else (span.doc[tok.i - 1].idx + len(span.doc[tok.i - 1].text)
                                                if tok.i > span.start else span.start_char)
        return name, end
    return None


def _glued_bracket(text: str) -> int:
    """Where a bracket opens inside a token, after its first character (-1: none)."""
    found = [i for i in (text.find("(", 1), text.find("[", 1)) if i > 0]
    return min(found) if found else -1
