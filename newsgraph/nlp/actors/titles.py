"""Titles beside a name: the role a person holds and the state or body they act for.

- ``title_before``: the title phrase right before a name ("U.S. Defense Secretary", "NATO chief",
  "South Korea's Defense Minister"): actors.title.before, with the affiliation the phrase starts with
  (actors.affiliation.title) or the owner before it (actors.affiliation.title_possessive).
- ``apposition``: "Kim Jong Un, North Korea's leader" (actors.title.apposition_after), "its leader,
  Kim Jong Un" (actors.title.apposition_before), "A member of the Syrian parliament, Mohammed Mamoun"
  (actors.title.description); a state or body inside gives the affiliation (actors.affiliation.apposition),
  and so does what "its"/"their" points back to (actors.affiliation.pronoun).
- ``canonical_role``: the office a title stands for, from titles.tsv ("NATO chief" -> "Secretary
  General"; actors.role.canonical).
- ``coordinated_affiliation``: "U.S. Defense Secretary X and Secretary of State Y": Y shares the country
  X's own title gives (actors.affiliation.coordinated).
- the counterparts someone meets are counterparts.py's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.nlp.actors.candidates import Cand, Context, PersonIndex, TitleInfo, chars, code_of_cand
from newsgraph.nlp.words import POSSESSIVE

POSSESSIVE_PRONOUNS = frozenset({"its", "their"})


def person_cand(ctx: Context, bounds: tuple[int, int], name: str, info: TitleInfo, tokens: tuple[int, int],
                rule: str, form: str = "name") -> Cand:
    """A person's candidate from its name, where it stands and the title found beside it; its trace is the
    producing rule, then the rules that gave its role and affiliation."""
    role = canonical_role(ctx, info)
    cand = Cand(bounds[0], bounds[1], f"person:{name}", "person", name, form, affiliation=info.affiliation,
                country=ctx.country_of(info.affiliation), role_text=info.role_text, role=role, tokens=tokens,
                explicit_cue=info.explicit)
    cand.fired(rule, bounds)
    for step in info.steps:
        cand.trace.append(step)
    return cand


def title_before(ctx: Context, start: int) -> TitleInfo:
    """Title phrase right before a name: "U.S. Defense Secretary", "NATO chief", "Secretary of State"."""
    if not ctx.on("actors.title.before"):
        return TitleInfo()
    doc, lex, by_tok = ctx.doc, ctx.lex, ctx.by_tok
    i = start - 1
    words: list[Token] = []
    owner: tuple[str, Cand] | None = None
    sent_start = doc[start].sent.start
    while i >= sent_start:
        tok = doc[i]
        low = tok.lower_
        if i in by_tok and by_tok[i].kind != "person":
            # the title's country or body ends the phrase: "U.S. Defense Secretary", "Foreign Office
            # Minister", "NATO chief"
            owner = ("actors.affiliation.title", by_tok[i])
            break
        if low in lex.title_words or (low == "of" and words):
            words.append(tok)
            i -= 1
            continue
        if tok.text in POSSESSIVE and i - 1 >= sent_start and (i - 1) in by_tok:
            owner = ("actors.affiliation.title_possessive", by_tok[i - 1])  # "South Korea's Defense Minister"
        break
    if not words:
        return TitleInfo()
    words.reverse()
    # "of" cannot start a role ("Secretary of State": the words after "of" that are title words belong to it)
    while words and words[0].lower_ == "of":
        words.pop(0)
    return _title_from_words(ctx, words, owner, "actors.title.before")


def apposition(ctx: Context, span: Span) -> TitleInfo:
    """"Kim Jong Un, North Korea's leader" and "its leader, Kim Jong Un"."""
    after = apposition_after(ctx, span)
    if after.role_text:
        return after
    return _apposition_before(ctx, span)


def apposition_after(ctx: Context, span: Span) -> TitleInfo:
    doc, by_tok = ctx.doc, ctx.by_tok
    i = span.end
    if i >= len(doc) or doc[i].text != "," or not ctx.on("actors.title.apposition_after"):
        return TitleInfo()
    i += 1
    sent_end = span.sent.end
    words: list[Token] = []
    owner: tuple[str, Cand] | None = None
    while i < sent_end:
        tok = doc[i]
        low = tok.lower_
        if i in by_tok:
            if owner is None and code_of_cand(by_tok[i]) and ctx.on("actors.affiliation.apposition"):
                owner = ("actors.affiliation.apposition", by_tok[i])
            i = by_tok[i].tokens[1]
            continue
        if low in ("the", "a", "an") and (not words or words[-1].lower_ == "of"):
            i += 1  # "a member of the Syrian parliament"
            continue
        if low in POSSESSIVE_PRONOUNS or tok.text in POSSESSIVE:
            if low in POSSESSIVE_PRONOUNS and owner is None:
                owner = _antecedent(ctx, tok.idx)
            i += 1
            continue
        if low in ctx.lex.title_words or low in ctx.words.apposed_role or (low == "of" and words):
            words.append(tok)
            i += 1
            continue
        break
    return _title_from_words(ctx, words, owner, "actors.title.apposition_after")


def _apposition_before(ctx: Context, span: Span) -> TitleInfo:
    doc, by_tok = ctx.doc, ctx.by_tok
    i = span.start - 1
    if i < 1 or doc[i].text != ",":
        return TitleInfo()
    i -= 1
    sent_start = span.sent.start
    words: list[Token] = []
    while i >= sent_start:
        tok = doc[i]
        low = tok.lower_
        if i not in by_tok and (low in ctx.lex.title_words or (low == "of" and words)):
            words.append(tok)
            i -= 1
            continue
        break
    if not words or not ctx.on("actors.title.apposition_before"):
        return _apposed_description(ctx, span)
    owner: tuple[str, Cand] | None = None
    if i >= sent_start:
        tok = doc[i]
        if tok.lower_ in POSSESSIVE_PRONOUNS:
            owner = _antecedent(ctx, tok.idx)
        elif tok.text in POSSESSIVE and i - 1 in by_tok:
            owner = ("actors.affiliation.apposition", by_tok[i - 1])
        elif i in by_tok:
            owner = ("actors.affiliation.apposition", by_tok[i])
        elif tok.lower_ not in ("the", "a", "an", "with", "and", "by", "to", "of", "from", "for"):
            return _apposed_description(ctx, span)  # not a title phrase's start: maybe a description
    words.reverse()
    info = _title_from_words(ctx, words, owner, "actors.title.apposition_before")
    return info if info.role_text is not None else _apposed_description(ctx, span)


def _apposed_description(ctx: Context, span: Span) -> TitleInfo:
    """A described role the name is apposed to ("A member of the Syrian parliament, Mohammed Mamoun,
    started ..."): the head noun is the role, a state named inside the description the affiliation."""
    head = span.root.head
    if not ctx.on("actors.title.description") or span.root.dep_ != "appos" or head.i >= span.start or (
            head.lower_ not in ctx.lex.title_heads and head.lower_ not in ctx.words.apposed_role):
        return TitleInfo()
    states = [ctx.by_tok[t.i] for t in head.subtree if t.i < span.start and t.i in ctx.by_tok]
    owner = next((("actors.affiliation.apposition", c) for c in states if c.kind in ("state", "organization")),
                 None)
    return _title_from_words(ctx, [head], owner, "actors.title.description")


def _title_from_words(ctx: Context, words: list[Token], owner: tuple[str, Cand] | None, rule: str) -> TitleInfo:
    while words and words[-1].lower_ == "of":
        words.pop()
    if not words or not any(w.lower_ in ctx.lex.title_heads or w.lower_ in ctx.words.apposed_role for w in words):
        return TitleInfo()
    if owner is not None and not ctx.on(owner[0]):
        owner = None
    affiliation = code_of_cand(owner[1]) if owner else None
    info = TitleInfo(" ".join(w.text for w in words), affiliation, words[0].i, explicit=affiliation is not None,
                     words=[w.lower_ for w in words])
    first, last = min(w.i for w in words), max(w.i for w in words)
    info.fired(rule, chars(ctx.doc[first:last + 1]), "role")
    if owner is not None and affiliation is not None:
        info.fired(owner[0], (owner[1].start, owner[1].end), "affiliation")
    return info


def _antecedent(ctx: Context, before: int) -> tuple[str, Cand] | None:
    """What "its"/"their" points back to: the nearest state or organization mentioned before it,
    in the same sentence or the one before."""
    if not ctx.on("actors.affiliation.pronoun"):
        return None
    doc = ctx.doc
    sent = doc.char_span(before, before + 1, alignment_mode="expand")
    floor = 0
    if sent is not None:
        s = sent.sent
        prev = s.start - 1
        floor = doc[prev].sent.start_char if prev >= 0 else s.start_char
    best = None
    for c in ctx.lexical:
        if floor <= c.start and c.end <= before and c.kind in ("state", "organization", "group"):
            best = c
    return ("actors.affiliation.pronoun", best) if best is not None and code_of_cand(best) else None


def canonical_role(ctx: Context, info: TitleInfo) -> str | None:
    """The office a title stands for (titles.tsv: "NATO chief" -> "Secretary General"), else the title."""
    if info.role_text is None:
        return None
    if ctx.on("actors.role.canonical"):
        title = " ".join(info.words)
        options = ctx.lex.titles.get(title) or ctx.lex.titles.get(info.words[-1], [])
        for canonical, org in options:
            if org is None or org == info.affiliation:
                info.fired("actors.role.canonical", info.evidence_of("role"), "role")
                return canonical
    return info.role_text


def of_state_after(ctx: Context, span: Span) -> tuple[str, tuple[int, int]] | None:
    """"President Omar El Bashir of Sudan": the state named right after the titled name."""
    doc = ctx.doc
    i = span.end
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        j = i + 1 + (doc[i + 1].lower_ == "the")
        c = ctx.by_tok.get(j)
        if c is not None and c.kind == "state" and c.form == "name" and c.code:
            return c.code, (c.start, c.end)
    return None


def coordinated_affiliation(ctx: Context, info: TitleInfo, persons: PersonIndex) -> tuple[str, tuple[int, int]] | None:
    """"U.S. Defense Secretary X and Secretary of State Y": Y shares X's explicit country."""
    doc = ctx.doc
    if info.start_tok is None or info.start_tok < 2 or doc[info.start_tok - 1].lower_ != "and":
        return None
    c = persons.by_end.get(info.start_tok - 1)
    if c is not None and c.explicit_cue and c.affiliation:
        return c.affiliation, (c.start, c.end)
    return None
