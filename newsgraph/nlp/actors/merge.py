"""The last step of the actors stage: mentions merged into actors (actors.merge.*, actors.code.*).

Candidates with the same key are one actor; a surname alone joins the first full name with it ("Rutte" =
"Mark Rutte", "Abadi" = "Haider al-Abadi": actors.merge.surname), and a first name alone joins the first
full name it opens ("Jordan" = "Jordan Peterson": actors.merge.first_name). A later mention fills what the
first left empty (country, affiliation, role), and the rules that gave those come into the actor's trace
with the mention's own. A named actor with no state or IGO code gets a stable code of its own
(actors.code.stable: "PER:ASKAR_AKAYEV").
"""

from __future__ import annotations

import re

from newsgraph.model import Actor, Mention
from newsgraph.nlp.actors.candidates import Cand, Context
from newsgraph.nlp.actors.given_names import short_form_of
from newsgraph.nlp.rules import fired

# Prefixes of the stable codes of named actors that have no state or IGO code, by kind: they keep
# such codes apart from ISO3 and IGO codes, and from each other.
STABLE_CODE_PREFIX = {"person": "PER", "organization": "ORG", "group": "GRP"}


def stable_code(kind: str, name: str) -> str | None:
    """The code of a named person, party or group with no state to stand for ("Askar Akayev" ->
    "PER:ASKAR_AKAYEV", "Fatah Party" -> "ORG:FATAH_PARTY"): the same in every article that names it
    the same way, so events, the store and its queries can name the actor. None for a state."""
    prefix = STABLE_CODE_PREFIX.get(kind)
    slug = "_".join(re.findall(r"[^\W_]+", name.upper()))
    return f"{prefix}:{slug}" if prefix and slug else None


class _Keys:
    """The first full names met, by surname and by first name: where a bare name joins."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.full_names: dict[str, str] = {}  # surname -> key of the first full name with it
        self.first_names: dict[str, str] = {}  # first name -> key of the first full name with it
        self.given: dict[str, str] = {}  # key of a full name -> its given name

    def key_of(self, c: Cand) -> tuple[str, str | None]:
        """The key a candidate merges under, and the rule that joined it to another name (if one did)."""
        if c.kind != "person":
            return c.key, None
        parts = c.name.split()
        surname = self.ctx.surname_key(parts[0])
        if len(parts) == 1 and surname in self.full_names and self.ctx.on("actors.merge.surname"):
            return self.full_names[surname], "actors.merge.surname"
        if len(parts) == 1 and parts[0] in self.first_names and c.form == "name" \
                and self.ctx.on("actors.merge.first_name"):
            return self.first_names[parts[0]], "actors.merge.first_name"  # "Jordan Peterson ... Jordan said"
        if len(parts) > 1:
            same = self.full_names.get(self.ctx.surname_key(parts[-1]))
            if same is not None and same != c.key and self.ctx.on("actors.merge.short_given_name") \
                    and short_form_of(parts[0], self.given.get(same, "")):
                return same, "actors.merge.short_given_name"  # ("Daniel Whitlock ... Dan Whitlock")
            self.given.setdefault(c.key, parts[0])
            self.first_names.setdefault(parts[0], c.key)
            # the first full name keeps the bare surname: a relative named later ("Hunter Biden" after
            # "Joe Biden") is named in full or by first name, "Biden" stays the first one
            self.full_names.setdefault(self.ctx.surname_key(parts[-1]), c.key)
        return c.key, None


def merge(ctx: Context, cands: list[Cand]) -> list[Actor]:
    keys = _Keys(ctx)
    actors: dict[str, Actor] = {}
    for c in cands:
        key, joined = keys.key_of(c)
        actor = actors.get(key)
        if actor is None:
            actor = Actor(id="", name=c.name, kind=c.kind, code=c.code, country=c.country,
                          affiliation=c.affiliation, role=c.role, role_text=c.role_text)
            actors[key] = actor
            _trace(actor, c, {"role", "affiliation", "country"})
        else:
            _trace(actor, c, _fill(actor, c))
            if joined is not None:
                fired(actor, joined, (c.start, c.end))
        actor.mentions.append(Mention(c.start, c.end, ctx.text[c.start:c.end], form=c.form))
    out = list(actors.values())
    for n, a in enumerate(out, 1):
        a.id = f"A{n}"
        if a.code is None and (a.kind == "person" or (a.country is None and a.affiliation is None)) \
                and ctx.on("actors.code.stable"):
            named = _named_mention(ctx, a)
            if named is not None:
                # a person keeps a code of their own beside the state or body they act for
                a.code = stable_code(a.kind, a.name)
                fired(a, "actors.code.stable", named)
    return out


def _fill(actor: Actor, c: Cand) -> set[str]:
    """Fill what the actor still lacks from a later mention; the fields it filled."""
    filled = set()
    if actor.country is None and c.country is not None:
        actor.country = c.country
        filled.add("country")
    if actor.affiliation is None and c.affiliation is not None:
        actor.affiliation = c.affiliation
        filled.add("affiliation")
    if actor.role is None and c.role is not None:
        actor.role, actor.role_text = c.role, c.role_text
        filled.add("role")
    return filled


def _trace(actor: Actor, c: Cand, filled: set[str]) -> None:
    """The mention's steps on the actor: the rule that found it and those that kept it, and the rules that
    gave a field the actor took from it (a state's country is its affiliation's)."""
    if "country" in filled:
        filled = filled | {"affiliation"}
    for rule, start, end, sets in c.trace:
        if sets is None or sets in filled:
            fired(actor, rule, (start, end) if start is not None and end is not None else None)


def _named_mention(ctx: Context, actor: Actor) -> tuple[int, int] | None:
    """The first mention naming an actor by a proper name ("Askar Akayev", "La Prensa"), not a
    description ("senior officials", "the group"); None when there is none."""
    if actor.kind not in STABLE_CODE_PREFIX:
        return None
    for m in actor.mentions:
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and any(t.pos_ == "PROPN" or (t.is_upper and len(t) > 1) for t in span):
            return m.start, m.end
    return None
