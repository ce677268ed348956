"""Titles that are mentions of a named person (the actors.title.* rules that make mentions).

- A title written out beside the name with a comma ("Minister for the Middle East, Tobias Ellwood, said",
  "Tobias Ellwood, Minister for the Middle East, welcomes") is a mention of that person
  (actors.title.apposed), and the fuller role he holds (actors.role.written_out).
- A capitalised title alone ("the Foreign Secretary said") refers to the person the article gave that
  title (actors.title.alone), also in a headline before the name (actors.title.headline), unless two
  people hold it (actors.title.shared).
- A place in a title ("Minister [for the Middle East]") stays the places stage's: the mention ends before
  it (actors.title.portfolio_place).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.nlp.actors.candidates import Cand, Context, TitleInfo, chars
from newsgraph.nlp.actors.titles import canonical_role

JOINING = ("of", "for", "the", "and")


def apposed_title_mentions(ctx: Context, taken: set[int], persons: list[Cand]) -> list[Cand]:
    """"Minister for the Middle East, Tobias Ellwood, said" and "Tobias Ellwood, Minister for the Middle
    East, welcomes": a capitalised title phrase set off by a comma right next to a name is a mention of
    that person (and the role he holds when no other is known)."""
    if not ctx.on("actors.title.apposed"):
        return []
    doc = ctx.doc
    taken = set(taken)
    out = []
    for c in persons:
        if c.kind != "person" or c.form != "name":
            continue
        found = (_title_phrase_before(ctx, c.tokens[0], taken), _title_phrase_after(ctx, c.tokens[1], taken))
        for bounds in found:
            if bounds is None:
                continue
            a, b = bounds
            phrase = doc[a:b]
            if ctx.on("actors.role.written_out") and (c.role_text is None or (
                    phrase.text.startswith(c.role_text) and len(phrase.text) > len(c.role_text))):
                _written_out_role(ctx, c, phrase)
            cand = Cand(phrase.start_char, phrase.end_char, c.key, "person", c.name, "role",
                        role_text=phrase.text, tokens=(a, b))
            out.append(_portfolio_cut(ctx, cand.fired("actors.title.apposed", chars(phrase)), a, b))
            taken.update(range(a, b))
    return out


def _written_out_role(ctx: Context, c: Cand, phrase: Span) -> None:
    """The title written out is the fuller role: "Minister for the Middle East", not "Minister"."""
    info = TitleInfo(phrase.text, c.affiliation, phrase.start, words=[t.lower_ for t in phrase])
    info.fired("actors.role.written_out", chars(phrase), "role")
    c.role_text = phrase.text
    c.role = canonical_role(ctx, info)
    c.trace += info.steps


def _portfolio_cut(ctx: Context, cand: Cand, a: int, b: int) -> Cand:
    """A role mention ends before "for/of [the] <place>" ("Minister [for the Middle East]"), so the place
    keeps its own span for the places stage."""
    cut = _before_place_portfolio(ctx, a, b)
    if cut < b:
        last = ctx.doc[cut - 1]
        cand.end = last.idx + len(last.text)
        cand.fired("actors.title.portfolio_place", chars(ctx.doc[cut:b]))
    return cand


def _title_phrase_before(ctx: Context, name_start: int, taken: set[int]) -> tuple[int, int] | None:
    """The title phrase ending at the comma before a name (an honorific may stand between them)."""
    doc = ctx.doc
    i = name_start - 1
    while i >= 0 and (ctx.honorific(doc[i]) or (doc[i].lower_ == "the" and i + 1 < name_start)):
        i -= 1  # "the Hon Julie Bishop"
    if i < 1 or doc[i].text != ",":
        return None
    end = i
    start = end
    sent_start = doc[name_start].sent.start
    while start - 1 >= sent_start and end - start < ctx.settings.max_title_phrase and start - 1 not in taken \
            and _title_phrase_word(ctx, doc[start - 1]):
        start -= 1
    while start < end and not (doc[start].lower_ in ctx.lex.title_words and doc[start].text[:1].isupper()):
        start += 1  # the phrase opens with a capitalised title word: "[the] Foreign Secretary"
    return (start, end) if _is_title_phrase(ctx, doc[start:end]) else None


def _title_phrase_after(ctx: Context, name_end: int, taken: set[int]) -> tuple[int, int] | None:
    """The title phrase right after the comma that follows a name ("X, Minister for the Middle East")."""
    doc = ctx.doc
    if name_end + 1 >= len(doc) or doc[name_end].text != ",":
        return None
    start = name_end + 1 + (doc[name_end + 1].lower_ == "the")
    end = start
    sent_end = doc[name_end].sent.end
    while end < sent_end and end - start < ctx.settings.max_title_phrase and end not in taken \
            and _title_phrase_word(ctx, doc[end]):
        end += 1
    while end > start and doc[end - 1].lower_ in JOINING:
        end -= 1
    if start >= end or not (doc[start].lower_ in ctx.lex.title_words and doc[start].text[:1].isupper()):
        return None
    return (start, end) if _is_title_phrase(ctx, doc[start:end]) else None


def _before_place_portfolio(ctx: Context, start: int, end: int) -> int:
    """Where a role mention ends: before "for/of [the] <place>" ("Minister [for the Middle East]")."""
    doc = ctx.doc
    for k in range(start + 1, end - 1):
        if doc[k].lower_ in ("for", "of"):
            rest = doc[k + 1 + (doc[k + 1].lower_ == "the"):end]
            if rest.text and ctx.gaz.has(rest.text):
                return k if ctx.on("actors.title.portfolio_place") else end
    return end


def _title_phrase_word(ctx: Context, tok: Token) -> bool:
    """A word a written-out title is made of: title words, capitalised portfolio words ("the Middle
    East", "Central Asia") and the small words that join them."""
    return tok.lower_ in ctx.lex.title_words or tok.lower_ in JOINING \
        or (tok.is_alpha and tok.text[:1].isupper() and tok.ent_type_ != "PERSON")


def _is_title_phrase(ctx: Context, phrase: Span) -> bool:
    """Capitalised, with an office among the words before any "of"/"for" ("Minister for ...")."""
    if not phrase.text or not phrase[0].text[:1].isupper():
        return False
    for tok in phrase:
        if tok.lower_ in ("of", "for"):
            return False
        if tok.lower_ in ctx.lex.title_heads:
            return True
    return False


def role_mentions(ctx: Context, taken: set[int], persons: list[Cand]) -> list[Cand]:
    """"The Foreign Secretary said": a capitalised title alone, with no name after it, refers to the
    person the article gave that title ("Foreign Secretary Boris Johnson"), also in a headline before
    the name ("Foreign Secretary welcomes ...")."""
    if not ctx.on("actors.title.alone"):
        return []
    roles = _titles_held(ctx, persons)
    if not roles:
        return []
    doc = ctx.doc
    starts: dict[str, list[int]] = {}
    for tok in doc:
        if tok.text[:1].isupper():
            starts.setdefault(tok.lower_, []).append(tok.i)
    out = []
    for words, person in roles.items():
        n = len(words)
        for i in starts.get(words[0], []):
            if i + n > len(doc) or any(j in taken for j in range(i, i + n)) \
                    or tuple(t.lower_ for t in doc[i:i + n]) != words:
                continue
            headline = i < person.tokens[0]
            if headline and (doc[i].sent.start != 0 or not ctx.on("actors.title.headline")):
                continue  # before the name only in the headline
            if i + n < len(doc) and doc[i + n].text[:1].isupper():
                continue  # "Foreign Secretary Boris Johnson": the name follows
            cand = Cand(doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1].text), person.key, "person",
                        person.name, "role", tokens=(i, i + n))
            rule = "actors.title.headline" if headline else "actors.title.alone"
            out.append(_portfolio_cut(ctx, cand.fired(rule, chars(doc[i:i + n])), i, i + n))
    return out


def _titles_held(ctx: Context, persons: list[Cand]) -> dict[tuple[str, ...], Cand]:
    """The titles of two words or more the named persons hold, each with the first who holds it; a title
    two people hold is nobody's (actors.title.shared: "the Prime Minister" after two prime ministers)."""
    roles: dict[tuple[str, ...], Cand] = {}
    shared: set[tuple[str, ...]] = set()
    for c in persons:
        if c.role_text and " " in c.role_text and c.role_text[:1].isupper():
            words = tuple(c.role_text.lower().split())
            if words in roles and roles[words].key != c.key:
                shared.add(words)
            roles.setdefault(words, c)
    if ctx.on("actors.title.shared"):
        for words in shared:
            del roles[words]
    return roles
