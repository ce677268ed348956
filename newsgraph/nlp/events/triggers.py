"""Triggers: which words state a PLOVER event, and of which type.

A verb or a noun whose lemma the PLOVER lexicons list is a trigger when the conditions of one of its
lexicon rows hold (the first row that fits decides: ``events.trigger.verb``, ``events.trigger.noun``).
Named rules guard against what only looks like an event: a recording ("Video captured Trump leaving"), a
walk out of a building, a campaign rally, the toll of a whole war, a noun that only qualifies another
("aid workers"), an idiom ("a big deal"), a noun counted as one ("a TED talk"); others read a special
case ("test-fired a missile": MOBILIZE; "lodged a protest with": ACCUSE). Speech that orders or obliges
("X said Y must ...", "'Withdraw your troops,' Biden told Putin") is a REQUEST (``must_requests``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.nlp.events import rules as R
from newsgraph.nlp.events.found import Context, Found, note
from newsgraph.nlp.events.lexicon import Entry, Lexicon
from newsgraph.nlp.syntax import agent_of, is_imperative, is_passive, obliged, pobjs, prep_lemmas, subject_of

# Dependency labels where a gerund acts as a noun ("the shelling of X"), not as a verb or a preposition.
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "compound"})
# Named entities whose words are names, not event nouns.
NAME_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "LAW", "NORP", "PRODUCT", "LOC"})
# Dependency labels of an object ("attr", "oprd": "was the target", "named him envoy").
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
MODIFIER_DEPS = ("compound", "amod", "nmod")

Trigger = tuple[str, Entry]  # the rule that found the trigger, and the lexicon row it reads


def verb_entry(ctx: Context, tok: Token) -> Trigger | None:
    """The first row of verbs.tsv for the verb's lemma whose conditions hold, with the rule that read it."""
    entries = ctx.lex.verbs.get(tok.lemma_.lower(), ())
    if not entries:
        return None
    if ctx.on(R.RECORDING) and _recorded(ctx.lex, tok):
        return None  # "Video captured Trump leaving": a recording, not a capture
    if ctx.on(R.WEAPONS_TEST) and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and ctx.lex.in_class(
            tok.doc[tok.i - 2].lower_, "weapons_test_prefixes"):
        return R.WEAPONS_TEST, Entry("MOBILIZE", "weapons")  # "test-fired a missile": a weapons test
    if not ctx.on(R.VERB):
        return None
    for entry in entries:
        if _verb_fits(ctx, tok, entry):
            return R.VERB, entry
    return None


def _row_conditions(tok: Token, entry: Entry) -> bool:
    """Whether the syntactic conditions a verbs.tsv row states hold (prep=, obj, noclause, noobj, noxcomp)."""
    if entry.preps and not (prep_lemmas(tok) & entry.preps) and not (
            entry.theme and any(prep_lemmas(o) & entry.preps for o in theme_tokens(tok))):
        return False  # (a theme's own preposition counts: "closed its border with Iran")
    deps = {c.dep_ for c in tok.children}
    if (entry.needs_object and "dobj" not in deps) or (entry.no_clause and "ccomp" in deps):
        return False
    return not ((entry.no_object and deps & {"dobj", "ccomp"}) or (entry.no_xcomp and "xcomp" in deps))


def _verb_fits(ctx: Context, tok: Token, entry: Entry) -> bool:
    """Whether the conditions of a verbs.tsv row hold (and no guard rule says the verb is something else)."""
    lex = ctx.lex
    if not _row_conditions(tok, entry):
        return False
    if entry.commit and ctx.on(R.COMMITMENT) and not _commits(tok):
        return False
    if entry.theme and not theme_matches(lex, theme_tokens(tok), entry):
        return False
    if "out" in entry.preps and ctx.on(R.WALKOUT_BUILDING) and any(
            not lex.in_class(p.lemma_, "walkout_from") for p in pobjs(tok, {"out", "of"})):
        return False  # "walked out of the courthouse" leaves a building, not talks
    return not (entry.type == "PROTEST" and ctx.on(R.CAMPAIGN_RALLY) and campaigning(lex, tok))


def noun_entry(ctx: Context, tok: Token) -> Trigger | None:
    """The first row of nouns.tsv for the noun's lemma whose conditions hold, with the rule that read it."""
    if _names_another_thing(ctx, tok):
        return None
    for entry in ctx.lex.nouns.get(tok.lemma_.lower(), ()):
        if not _noun_fits(ctx, tok, entry):
            continue
        if entry.type == "PROTEST" and ctx.on(R.FORMAL_PROTEST) and tok.dep_ == "dobj" and ctx.lex.in_class(
                tok.head.lemma_, "formal_protest_verbs"):
            return R.FORMAL_PROTEST, Entry("ACCUSE", "disapprove")  # "lodged an official protest with Albania"
        return (R.NOUN, entry) if ctx.on(R.NOUN) else None
    return None


def _noun_fits(ctx: Context, tok: Token, entry: Entry) -> bool:
    if entry.mods and not ({c.lemma_.lower() for c in tok.children if c.dep_ in MODIFIER_DEPS} & entry.mods):
        return False
    if entry.preps:
        preps = prep_lemmas(tok)
        if tok.dep_ in OBJECT_DEPS:
            preps |= prep_lemmas(tok.head)
        if not preps & entry.preps:
            return False
    if entry.theme and not theme_matches(ctx.lex, pobjs(tok, {"of"}), entry):
        return False
    if entry.plural_or_mass and ctx.on(R.COUNTED_ONE) and _counted_one(tok):
        return False
    return not (entry.type == "PROTEST" and ctx.on(R.CAMPAIGN_RALLY) and campaigning(ctx.lex, tok))


def noun_candidate(ctx: Context, tok: Token) -> bool:
    """Whether a token may be an event noun: a noun, or a gerund in a noun's place ("the shelling of X")."""
    return tok.pos_ == "NOUN" or (tok.tag_ == "VBG" and tok.dep_ in NOMINAL_DEPS)


def toll(ctx: Context, verb: Token, entry: Entry) -> bool:
    """"600,000 soldiers have been killed in the war": a toll of a whole conflict, with nobody doing it, is a
    figure about that conflict (the quantities stage has it), not one event."""
    if not ctx.on(R.WAR_TOLL) or entry.type != "ASSAULT" or not _passive_without_agent(verb):
        return False
    heads = [verb, *verb.conjuncts]  # "killed or wounded in the war"
    return any(ctx.lex.in_class(p.lemma_, "conflict") for h in heads
               for p in pobjs(h, {"in", "during", "since", "throughout"}))


def _passive_without_agent(verb: Token) -> bool:
    return is_passive(verb) and agent_of(verb) is None


def _recorded(lex: Lexicon, verb: Token) -> bool:
    """Whether a camera, a video or footage does the act, or it happens "on camera": the verb records
    ("Video captured Trump walking out", "caught on camera")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "agent")), None)
    heads = [subj] if subj is not None else []
    heads += pobjs(verb, {"on", "by"})
    return any(lex.in_class(h.lemma_, "recorders") for h in heads)


def campaigning(lex: Lexicon, tok: Token) -> bool:
    """A rally of an electoral campaign ("a campaign rally", "rallied for his re-election campaign",
    "an election rally"): support for a candidate, not PLOVER's PROTEST against a target."""
    mods = [c for c in tok.children if c.dep_ in MODIFIER_DEPS]
    mods += [t for p in pobjs(tok, {"for", "of", "ahead"}) for t in p.subtree]
    return any(lex.in_class(m.lemma_, "campaigning") for m in mods)


def _names_another_thing(ctx: Context, tok: Token) -> bool:
    """An event noun that only qualifies another noun ("deal breakers", "attack helicopters", "aid
    workers") names that thing, not an event; "a big deal", "a great deal of" are idioms, not accords."""
    head, lex = tok.head, ctx.lex
    if ctx.on(R.QUALIFIER_NOUN) and tok.dep_ == "compound" and head.pos_ == "NOUN" \
            and head.lemma_.lower() not in lex.nouns \
            and not lex.in_class(head.lemma_, "carrier_nouns"):  # ("mediation efforts": the event)
        return True
    return ctx.on(R.IDIOM) and lex.in_class(tok.lemma_, "idiom_nouns") and any(
        c.dep_ == "amod" and lex.in_class(c.lemma_, "idiom_degrees") for c in tok.children)


def _counted_one(noun: Token) -> bool:
    """A singular noun counted as one: "a talk", "an address", "a TED talk", "Obama's talk"."""
    if noun.tag_ != "NN":
        return False
    return any((c.dep_ == "det" and c.lower_ in ("a", "an")) or (c.dep_ in ("compound", "poss") and c.pos_ == "PROPN")
               for c in noun.children)


def _commits(verb: Token) -> bool:
    """Whether the verb commits to something: "agreed to withdraw", "agreed a deal", "agreed on a plan",
    "agreed that they should cooperate" (not "agreed that vaccines work": an opinion)."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lemma_.lower() in ("to", "on", "upon")):
            return True
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children):
            return True
    return False


def theme_tokens(verb: Token) -> list[Token]:
    """What is moved or given: the object, else the passive or intransitive subject."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if objs:
        # "25,000 tons of food aid": a measure's "of" object is the thing itself
        return objs + [p for o in objs for p in pobjs(o, {"of"})]
    subj = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
    if subj:
        return subj + [p for o in subj for p in pobjs(o, {"of"})]  # "a first patch of troops"
    if verb.dep_ == "acl":
        return [verb.head]
    return []


def theme_matches(lex: Lexicon, tokens: list[Token], entry: Entry) -> bool:
    """Whether the theme nouns (their conjuncts and compounds too: "mediation efforts") are of the class."""
    nouns = [t for tok in tokens for t in [tok, *tok.conjuncts]]
    nouns += [c for t in nouns for c in t.children if c.dep_ == "compound"]
    hit = any(lex.in_class(t.lemma_, entry.theme or "") for t in nouns)
    return not hit if entry.theme_negated else hit


def must_requests(ctx: Context, sent: Span, found: dict[int, Found]) -> None:
    """"X said Y must do Z" is a demand: a REQUEST from X to Y (the PLOVER manual's reading of "must");
    "'Withdraw your troops,' Biden told Putin": an order is addressed to whom it is told. The request
    replaces the triggers inside what is demanded."""
    for tok in sent:
        if tok.dep_ not in ("ccomp", "advcl", "parataxis") or not ctx.lex.in_class(tok.head.lemma_, "speech"):
            continue
        imperative = ctx.on(R.ORDER) and is_imperative(tok)
        if imperative:
            rule = R.ORDER
        elif obliged(tok) and tok.dep_ == "ccomp" and ctx.on(R.OBLIGATION):
            rule = R.OBLIGATION
        else:
            continue
        speaker = subject_of(tok.head)
        subject = next((c for c in tok.head.children if c.dep_ in ("dobj", "dative")), None) \
            if imperative else subject_of(tok)
        if speaker is None or (subject is None and not imperative):
            continue
        for t in tok.subtree:
            found.pop(t.i, None)
        f = Found(tok, Entry("REQUEST", None), clause_verb=tok.head if imperative else tok)
        note(f, rule, tok)
        f.sources = ctx.index.np_actors(speaker)
        f.targets = ctx.index.np_actors(subject) if subject is not None else []
        f.parts += [speaker, tok]
        f.parts += [c for c in tok.children if c.dep_ in ("dobj", "prep")]
        found[tok.i] = f
