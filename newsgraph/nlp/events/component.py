"""The events stage: PLOVER events from verb and noun triggers over the dependency parse.

For each sentence the stage finds triggers (a verb or a noun whose lemma is in the PLOVER lexicons of
newsgraph/resources/plover/ and whose conditions hold), reads their participants off the parse —
subject / "by" agent / possessor or demonym of a nominal as source, object / "to", "with", "against",
"of" objects as target, the demonym of a moved or given thing ("North Korean troops") as source — and
turns the participants into actor codes through ``doc._.actors``. An event with neither a source nor a
target code is dropped: an event nobody does to anybody is noise for the user.

Collectives with no code of their own ("Rebels attacked the town", "police arrested students", "Kurds
marched") are participants too: a head noun of themes.tsv ``generic_groups``/``peoples`` with no state,
IGO or named actor in its phrase becomes a group coded GRP:<HEAD> (GRP:REBEL), registered as an actor of
the article when an event names it; with a demonym or a place in its phrase it is that state's group
("Sudanese rebels": SDN), and acted upon by a state's police or in a place of a state it takes that
state's code as well ("IDN", "GRP:STUDENT"). "Someone", "two men" stay nobody. Pronouns resolve to the
nearest fitting actor (collectives included): a subject pronoun in a reported clause to the reporter, a
main-clause subject pronoun to the previous main-clause subject, an object pronoun never to its own
clause's subject. Guards keep non-political text out: a CONSULT needs a party met (a place only for a
visit), "a TED talk" is a lecture, a camera or a video "captures" nothing, a campaign rally is no
PROTEST, walking out of a building is no walkout, an attack on a policy is criticism.

An actor without a code still carries its event when it is named ("Askar Akayev agreed to resign":
the event keeps the actor's id in ``source_actors`` and an empty code list). A place no actor covers
stands for its state as a target ("arrived in Amman", "lifted the curfew in Montenegro") and for the
state of a group in it ("demonstrators in Baghdad"); a response is aimed at the author of what it
answers ("rejected a U.S. request"); a condition makes a planned act a threat or a promise ("will
withdraw unless ...") addressed to whoever must act; a refusal of a cooperative act is a REJECT.

Status comes from the clause (negation, "if", "will", modals, "reportedly", "reports suggesting that")
and from the claim that contains the trigger (reported/hedged claims); time from the times stage (only
a date of the event's own clause), else the publication date. What did not or might happen (negated,
hypothetical) is not coded by default (``keep_unreal``): PLOVER codes events, and such statements stay
claims with that modality. Finally one real event stated several times in the article becomes one
Event with every statement in ``Event.mentions`` (newsgraph/nlp/events/coref.py).

Beside this module: ``events_lexicon.py`` reads the PLOVER trigger tables, ``events_syntax.py`` holds the
parse helpers (subjects, agents, prepositional objects, clauses), ``events_actors.py`` the actor index
(tokens to actors, collectives, places as states, pronouns) and ``events_coref.py`` the restatements.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.model import Actor, Claim, Event, EventStatus, Place, Time
from newsgraph.nlp.actors.lexicon import actor_code
from newsgraph.nlp.events.coref import Anchor, corefer
from newsgraph.nlp.events.lexicon import Entry, Lexicon, load_lexicon
from newsgraph.nlp.events.participants import (
    GOVERNMENT_ID,
    GRP_ID,
    PLACE_ID,
    SUB_ID,
    ActorIndex,
    codes_of,
    ids_of,
    named_in_text,
    real_id,
    register_groups,
    register_places,
    unique_actors,
)
from newsgraph.nlp.extensions import doc_text
from newsgraph.nlp.syntax import (
    NESTED_CLAUSE_DEPS,
    SUMMON_VERBS,
    agent_of,
    governing_verb,
    in_nested_clause,
    is_imperative,
    is_passive,
    obliged,
    pobjs,
    prep_lemmas,
    subject_of,
    to_infinitive,
)
from newsgraph.nlp.times.component import governing_time, is_datable
from newsgraph.nlp.words import FUTURE_AUX, SUBJECT_DEPS, SYMMETRIC_TYPES

# Types whose participants act together: "X and Y met" makes each both source and target.
# Types whose object is a thing moved or given: its demonym or possessor names the source.
THEME_TYPES = frozenset({"MOBILIZE", "AID", "RETREAT", "COOPERATE"})
# Prepositions whose object is the target, per type (default for the rest).
TARGET_PREPS: dict[str, frozenset[str]] = {
    "default": frozenset({"to", "with", "against", "on", "into", "toward", "towards", "at", "upon", "for"}),
    "RETREAT": frozenset({"from", "to", "with"}),
    "MOBILIZE": frozenset({"to", "into", "toward", "towards", "near", "against", "in", "along"}),
    "AID": frozenset({"to", "for"}),
    "CONSULT": frozenset({"with", "to"}),
    "REQUEST": frozenset({"on", "to", "from"}),
    "ACCUSE": frozenset({"against", "of", "on", "for"}),
    # "stood by South Korea", "threw its weight behind Argentina"
    "SUPPORT": frozenset({"to", "with", "against", "on", "into", "toward", "towards", "at", "upon", "for", "by",
                          "behind"}),
    # "confiscated weapons from armed groups", "seized land from farmers": taken from whom
    "COERCE": frozenset({"to", "with", "against", "on", "into", "toward", "towards", "at", "upon", "for", "from"}),
}
# Intentions to act that PLOVER codes as a promise (AGREE) or a threat (THREATEN).
INTENT_TYPES = {"SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "CONCEDE": "AGREE", "RETREAT": "AGREE",
                "COERCE": "THREATEN", "SANCTION": "THREATEN", "ASSAULT": "THREATEN", "PROTEST": "THREATEN"}
# Responses: aimed at the author of what they answer ("rejected a U.S. request").
RESPONSE_TYPES = frozenset({"REJECT", "SUPPORT", "CONCEDE", "ACCUSE"})
# Cooperative acts whose refusal ("would not meet their demands") is a REJECT.
REFUSABLE = frozenset({"AGREE", "CONCEDE", "SUPPORT", "COOPERATE", "AID", "RETREAT"})
# Verbs that deny their "to"-complement happened: "failed to reach an agreement".
FAILURE_VERBS = frozenset({"fail", "refuse", "decline"})
# Acts offered, not held over someone: on a condition they are a promise (AGREE), the rest a threat.
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
# What a protest's purpose clause can say without being another event: "marched to demand reforms".
CONTENT_OF_PROTEST = frozenset({"REQUEST", "ACCUSE", "REJECT", "PROTEST"})
# Acts a government does to its own population, at home (PLOVER COERCE: curfews, arrests, bans; CONCEDE:
# easing them), so a place of its own state can be their target.
HOME_TYPES = frozenset({"COERCE", "CONCEDE"})
# Types whose addressee can be the subject of their "that"-clause.
CLAUSE_TARGET_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"})
# Where a gerund acts as a noun ("the shelling of X"), not as a verb or a preposition ("according to").
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "compound"})
# Named entities whose words are names, not event nouns.
NAME_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "LAW", "NORP", "PRODUCT", "LOC"})
# Nominal statements whose "that"-clause is their content ("the demand that X withdraw").
CONTROL_NOUN_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE"})
# "engaged in", "remained on alert", "gathered for a rally": the subject takes part in the noun's event
# (not "during the fighting", "after the attack": those only date the clause).
PARTICIPATION_PREPS = frozenset({"in", "on", "for", "into"})
# Passives of taking part: "were engaged in ethnic cleansing" (the subject does it, unlike "were killed in").
PARTICIPATION_PASSIVES = frozenset({"engage", "involve", "embroil"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
UNREAL = frozenset({"negated", "hypothetical"})
# Words that open a phrase or clause dating or explaining an act, not naming its parties.
CIRCUMSTANCE_WORDS = frozenset({"after", "before", "when", "while", "since", "as", "because", "following",
                                "during", "amid", "despite", "once", "whenever"})
# Theme classes of people an act moves rather than acts upon ("withdrew its observers from X": X is the target).
MOVED_THEMES = frozenset({"mission_staff"})
# Prepositions whose place object can stand for the state acted upon.
PLACE_PREPS = frozenset({"in", "to", "into", "at", "inside"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
# Nouns of a stretch of time or a series that carry the act they are "of" ("10 days of war games").
SPAN_NOUNS = frozenset({"day", "week", "month", "year", "hour", "night", "round", "series", "wave", "spate"})
# Verbs whose -ing complement is an act called off or asked to end ("stop attacking each other").
CESSATION_VERBS = frozenset({"stop", "cease", "quit", "halt", "end"})
HYPOTHETICAL_MODALS = frozenset({"could", "might", "may", "would"})
# Predicates whose "to"-complement is a forecast, not a fact (intentions are a class in themes.tsv).
EXPECT_VERBS = frozenset({"expect", "likely", "set", "due"})
REPORT_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "apparently", "supposedly"})
# A claim's modality carries over to the events inside it; negation and conditions are read off the
# event's own clause instead (a negated claim can hold an event that happened: "the soldiers sent to
# Russia had not been deployed").
CLAIM_STATUS: dict[str, EventStatus] = {"reported": "reported", "hedged": "reported", "expected": "expected"}


@dataclass
class Found:
    """An event while it is being built: the trigger and what was read off the parse."""

    trigger: Token
    entry: Entry
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    parts: list[Token] = field(default_factory=list)  # tokens whose subtrees make the evidence
    clause_verb: Token | None = None  # the verb whose clause gives status and time
    support_verb: bool = False  # a nominal whose governing verb only carries it ("held talks")
    target_named: bool = False  # the parse names a target that no actor codes: no guessing by position

    def own_ids(self) -> set[str]:
        """The sources' ids, and those of the actors their stand-ins stand for: never the act's target."""
        return {a.id for a in self.sources} | {real_id(a) for a in self.sources}


class EventsComponent:
    def __init__(self, lexicon: Lexicon | None = None, keep_unreal: bool = False) -> None:
        self.lex = lexicon or load_lexicon()
        # PLOVER codes what happened, is reported, planned or expected; a statement that something did
        # not or might happen stays a claim (its modality says so) unless this is set.
        self.keep_unreal = keep_unreal
        self._actor_code: Callable[[Actor], str | None] = actor_code

    def __call__(self, doc: Doc) -> Doc:
        index = _actor_index(doc, doc._.actors or [], self._actor_code, self.lex)
        found: list[Found] = []
        for sent in doc.sents:
            found.extend(self._sentence_events(sent, index))
        self._answer_accusations(found)
        events: list[Event] = []
        anchors: dict[int, Anchor] = {}
        sentence_of = {s.start: n for n, s in enumerate(doc.sents)}
        for f in found:
            ev = self._to_event(doc, f, index)
            if ev is not None and (self.keep_unreal or ev.status not in UNREAL):
                events.append(ev)
                anchors[id(ev)] = Anchor(f.trigger.lemma_.lower(), sentence_of[f.trigger.sent.start])
        events.sort(key=lambda e: (e.start, e.trigger or (0, 0)))
        events = corefer(events, anchors, doc._.times or [], doc._.places or [], doc._.quantities or [])
        events.sort(key=lambda e: (e.start, e.trigger or (0, 0)))
        register_groups(doc, events, index)
        register_places(doc, events)
        for n, ev in enumerate(events, 1):
            ev.id = f"E{n}"
        doc._.events = events
        return doc

    def _answer_accusations(self, found: list[Found]) -> None:
        """"Iran denied the accusation", "rejected the claims": a denial with no target named answers the
        last accusation made against its source, so it is aimed at the accuser."""
        for n, f in enumerate(found):
            if f.entry.type != "REJECT" or f.targets or not f.sources:
                continue
            if not any(c.dep_ in ("dobj", "nsubjpass") and self.lex.in_class(c.lemma_, "accusations")
                       for c in f.trigger.children):
                continue
            codes = set(codes_of(f.sources, self._actor_code))
            accusation = next((a for a in reversed(found[:n]) if a.entry.type == "ACCUSE" and a.sources
                               and codes & set(codes_of(a.targets, self._actor_code))), None)
            if accusation is not None:
                f.targets = list(accusation.sources)

    # ---------------------------------------------------------------------------------- triggers
    def _sentence_events(self, sent: Span, index: ActorIndex) -> list[Found]:
        found: dict[int, Found] = {}
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX"):
                entry = self._verb_entry(tok)
                if entry is not None and not self._toll(tok, entry):
                    found[tok.i] = self._verbal(tok, entry, index)
                    continue
            if tok.ent_type_ in NAME_ENTITIES:
                continue  # "the Democratic Rally" is a party, not a rally
            if tok.pos_ == "NOUN" or (tok.tag_ == "VBG" and tok.dep_ in NOMINAL_DEPS):
                entry = self._noun_entry(tok)
                if entry is not None:
                    found[tok.i] = self._nominal(tok, entry, index)
        self._must_requests(sent, found, index)
        self._resolve_overlaps(sent.doc, found)
        _merge_linked(found)
        _share_targets(found)
        for f in found.values():
            if not f.targets:
                self._sentence_target(f, index)
        return list(found.values())

    def _sentence_target(self, f: Found, index: ActorIndex) -> None:
        """Last resort, after every reading of the parse: the first other actor named after the trigger in
        the act's own phrase, at any depth ("rejected an invitation to a meeting of Palestinian factions",
        "trained hackers capable of launching cyber warfare against the United States"). News sentences
        name the party an act is aimed at after the act, even where the parse hangs it in a clause of its
        own; the sentence's reporter, what someone says in passing ("adding that ...") and the agents of
        other acts ("a ban by X") are not it. Only for an act with a known source: an act with nobody
        doing it is too loose to be aimed by position alone."""
        if not f.sources or f.target_named:
            return
        scope = f.clause_verb if f.support_verb and f.clause_verb is not None else f.trigger
        own = f.own_ids()
        own_codes = set(codes_of(f.sources, self._actor_code))
        for tok in scope.subtree:
            if tok.i <= f.trigger.i:
                continue
            actor = index.by_token.get(tok.i) or index.generic.get(tok.i) or index.places.get(tok.i)
            if actor is None or actor.id in own or real_id(actor) in own:
                continue
            if actor.id.startswith(PLACE_ID) and self._actor_code(actor) in own_codes:
                continue
            if _attribution(tok) or _origin(tok, f.entry.type) or self._reporter(tok) or self._said_aside(tok, scope):
                continue
            f.targets.append(actor)
            f.parts.append(tok)
            return

    def _said_aside(self, tok: Token, scope: Token) -> bool:
        """Whether a token sits in what a verb of speech below ``scope`` reports ("..., adding that ..."),
        or in a clause or phrase that only dates or explains the act ("after the recording was uploaded on
        YouTube", "because of ...", "during the war"): another event's participants, not this one's."""
        for anc in [tok, *tok.ancestors]:
            if anc == scope:
                return False
            if anc.pos_ in ("VERB", "AUX") and self.lex.in_class(anc.lemma_, "speech"):
                return True
            if anc.pos_ == "NOUN" and anc != tok and self.lex.in_class(anc.lemma_, "statement") and any(
                    c.dep_ == "prep" and c.lower_ == "to" for c in anc.children):
                return True  # "in a video broadcast to the U.S.": the audience of a statement
            if anc.dep_ == "prep" and anc.lower_ in CIRCUMSTANCE_WORDS:
                return True
            if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_WORDS for c in anc.children):
                return True
        return False

    def _toll(self, verb: Token, entry: Entry) -> bool:
        """"600,000 soldiers have been killed in the war": a toll of a whole conflict, with nobody doing
        it, is a figure about that conflict (the quantities stage has it), not one event."""
        if entry.type != "ASSAULT" or not is_passive(verb) or agent_of(verb) is not None:
            return False
        heads = [verb, *verb.conjuncts]  # "killed or wounded in the war"
        return any(self.lex.in_class(p.lemma_, "conflict") for h in heads
                   for p in pobjs(h, {"in", "during", "since", "throughout"}))

    def _verb_entry(self, tok: Token) -> Entry | None:
        entries = self.lex.verbs.get(tok.lemma_.lower(), ())
        if entries and self._recorded(tok):
            return None  # "Video captured Trump leaving": a recording, not a capture
        if entries and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "test":
            return Entry("MOBILIZE", "weapons")  # "test-fired a missile": a weapons test (PLOVER MOBILIZE)
        for entry in entries:
            if entry.preps and not (prep_lemmas(tok) & entry.preps) and not (
                    entry.theme and any(prep_lemmas(o) & entry.preps for o in _theme_tokens(tok))):
                continue  # (a theme's own preposition counts: "closed its border with Iran")
            if entry.needs_object and not any(c.dep_ == "dobj" for c in tok.children):
                continue
            if entry.no_clause and any(c.dep_ == "ccomp" for c in tok.children):
                continue
            if entry.no_object and any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
                continue
            if entry.no_xcomp and any(c.dep_ == "xcomp" for c in tok.children):
                continue
            if entry.commit and not _commits(tok):
                continue
            if entry.theme and not _theme_matches(self.lex, _theme_tokens(tok), entry):
                continue
            if "out" in entry.preps and any(not self.lex.in_class(p.lemma_, "walkout_from")
                                            for p in pobjs(tok, {"out", "of"})):
                continue  # "walked out of the courthouse" leaves a building, not talks
            if entry.type == "PROTEST" and self._campaigning(tok):
                continue
            return entry
        return None

    def _rally_protests(self, f: Found) -> bool:
        """A rally is PLOVER's PROTEST when a collective holds it (a group, a people, a state's people) or it
        is against someone or to protest something; one held by a person alone, or by nobody named, is a
        campaign or a celebration ("Trump held a rally", "at one Biden rally")."""
        if any(a.kind != "person" for a in f.sources):
            return True
        carriers = [f.trigger] + ([f.clause_verb] if f.clause_verb is not None else [])
        if any(pobjs(c, {"against"}) for c in carriers):
            return True
        for c in (c for carrier in carriers for c in carrier.children if c.dep_ in ("advcl", "acl", "relcl")):
            if any(e.type in CONTENT_OF_PROTEST for e in self.lex.verbs.get(c.lemma_.lower(), ())):
                return True  # "rallied ... to protest the results"
        return False

    def _verbal_attack(self, f: Found) -> bool:
        """"Biden attacked Trump for the deaths": one named person attacking another, with no weapon or
        force in sight, attacks in words (PLOVER ACCUSE), as politicians do."""
        if f.trigger.lemma_.lower() != "attack" or f.trigger.pos_ != "VERB" or not f.sources or not f.targets:
            return False
        if any(a.kind != "person" for a in f.sources + f.targets):
            return False
        near = [t for t in f.trigger.subtree]
        return not any(self.lex.in_class(t.lemma_, c) for t in near for c in ("weapon", "military", "police"))

    def _into_open_water(self, f: Found) -> bool:
        return any(self.lex.in_class(p.lemma_, "open_water")
                   for p in pobjs(f.trigger, {"into", "in", "toward", "towards", "over", "off"}))

    def _recorded(self, verb: Token) -> bool:
        """Whether a camera, a video or footage does the act, or it happens "on camera": the verb records
        ("Video captured Trump walking out", "caught on camera")."""
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "agent")), None)
        heads = [subj] if subj is not None else []
        heads += pobjs(verb, {"on", "by"})
        return any(self.lex.in_class(h.lemma_, "recorders") for h in heads)

    def _campaigning(self, tok: Token) -> bool:
        """A rally of an electoral campaign ("a campaign rally", "rallied for his re-election campaign",
        "an election rally"): support for a candidate, not PLOVER's PROTEST against a target."""
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
        mods += [t for p in pobjs(tok, {"for", "of", "ahead"}) for t in p.subtree]
        return any(self.lex.in_class(m.lemma_, "campaigning") for m in mods)

    def _noun_entry(self, tok: Token) -> Entry | None:
        if self._names_another_thing(tok):
            return None
        for entry in self.lex.nouns.get(tok.lemma_.lower(), ()):
            if entry.mods and not ({c.lemma_.lower() for c in tok.children
                                    if c.dep_ in ("compound", "amod", "nmod")} & entry.mods):
                continue
            if entry.preps:
                preps = prep_lemmas(tok)
                if tok.dep_ in OBJECT_DEPS:
                    preps |= prep_lemmas(tok.head)
                if not preps & entry.preps:
                    continue
            if entry.theme and not _theme_matches(self.lex, pobjs(tok, {"of"}), entry):
                continue
            if entry.plural_or_mass and _counted_one(tok):
                continue
            if entry.type == "PROTEST" and self._campaigning(tok):
                continue
            if entry.type == "PROTEST" and tok.dep_ == "dobj" and self.lex.in_class(tok.head.lemma_,
                                                                                  "formal_protest_verbs"):
                return Entry("ACCUSE", "disapprove")  # "lodged an official protest with Albania"
            return entry
        return None

    def _names_another_thing(self, tok: Token) -> bool:
        """An event noun that only qualifies another noun ("deal breakers", "attack helicopters", "aid
        workers") names that thing, not an event; "a big deal", "a great deal of" are idioms, not accords."""
        head = tok.head
        if tok.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() not in self.lex.nouns \
                and not self.lex.in_class(head.lemma_, "carrier_nouns"):  # ("mediation efforts": the event)
            return True
        return self.lex.in_class(tok.lemma_, "idiom_nouns") and any(
            c.dep_ == "amod" and self.lex.in_class(c.lemma_, "idiom_degrees") for c in tok.children)

    def _must_requests(self, sent: Span, found: dict[int, Found], index: ActorIndex) -> None:
        """"X said Y must do Z" is a demand: a REQUEST from X to Y (the PLOVER manual's reading of "must")."""
        for tok in sent:
            if tok.dep_ not in ("ccomp", "advcl", "parataxis") or not self.lex.in_class(tok.head.lemma_, "speech"):
                continue
            imperative = is_imperative(tok)
            if not (imperative or obliged(tok)) or (tok.dep_ != "ccomp" and not imperative):
                continue
            speaker = subject_of(tok.head)
            # "'Withdraw your troops,' Biden told Putin": an order is addressed to whom it is told
            subject = next((c for c in tok.head.children if c.dep_ in ("dobj", "dative")), None) \
                if imperative else subject_of(tok)
            if speaker is None or (subject is None and not imperative):
                continue
            for t in tok.subtree:
                found.pop(t.i, None)
            f = Found(tok, Entry("REQUEST", None), clause_verb=tok.head if imperative else tok)
            f.sources = index.np_actors(speaker)
            f.targets = index.np_actors(subject) if subject is not None else []
            f.parts += [speaker, tok]
            f.parts += [c for c in tok.children if c.dep_ in ("dobj", "prep")]
            found[tok.i] = f

    def _resolve_overlaps(self, doc: Doc, found: dict[int, Found]) -> None:
        """One event per statement: support verbs give way to their noun, control verbs absorb their complement."""
        for i in sorted(found):
            f = found.get(i)
            if f is None or f.trigger.pos_ not in ("VERB", "AUX"):
                continue
            tok, entry = f.trigger, f.entry
            objects = [c for c in tok.children if c.dep_ in OBJECT_DEPS or c.dep_ == "nsubjpass"]
            noun_objs = [found[c.i] for c in objects if c.i in found and c.pos_ != "VERB"]
            # "halted mediation efforts": the noun trigger can be the compound of the object
            noun_objs += [found[m.i] for c in objects if c.i not in found for m in c.children
                          if m.dep_ == "compound" and m.i in found and m.pos_ == "NOUN"]
            own = {a.id for a in f.sources}
            if entry.type == "ACCUSE":
                # "condemned the attack by Hamas on Israel", "complained to the UN over Israeli air raids":
                # the one accused is who did the act complained of, not its victim or the one told
                acts = noun_objs + [found[p.i] for p in pobjs(tok, {"over", "about", "for", "against"})
                                    if p.i in found and p.pos_ != "VERB"]
                doers = [a for n in acts for a in n.sources if a.id not in own]
                if doers:
                    f.targets = unique_actors(doers)
            if entry.type == "REQUEST" and noun_objs and any(a.id not in own for a in noun_objs[0].sources):
                # "demanded the withdrawal of Serbian forces": asked of the one who is to do it
                f.targets = [a for a in noun_objs[0].sources if a.id not in own]
            if noun_objs and entry.absorb:
                for n in noun_objs:
                    del found[n.trigger.i]
                    _absorb(f, n)
            elif noun_objs and (entry.light or noun_objs[0].entry.type == entry.type):
                del found[i]  # "imposed sanctions", "signed an agreement": the noun is the event
                continue
            if entry.control:
                for comp in tok.children:
                    # (a demanded act, "demanded the withdrawal of X", has not happened: the demand absorbs it)
                    # ("have sworn to fight": the parser may hang the "to"-complement as an adverbial clause)
                    if comp.dep_ in ("xcomp", "ccomp", "prep", "dobj") or (
                            comp.dep_ == "advcl" and comp.i > i and to_infinitive(comp)):
                        for t in comp.subtree:
                            if t.i != i and t.i in found:
                                inner = found.pop(t.i)
                                if comp.dep_ == "ccomp":
                                    # "demanding that the Turkish government provide ...": the one who is to
                                    # act in a that-clause is the one addressed, never the one who demands
                                    f.targets = f.targets or [a for a in inner.sources if a.id not in f.own_ids()]
                                    continue
                                _absorb(f, inner)
                                if (f.entry.type == "AGREE" and t == comp
                                        and INTENT_TYPES.get(inner.entry.type) == "THREATEN"):
                                    # "vowed to retaliate": a promise of violence is a threat
                                    f.entry = dataclasses.replace(f.entry, type="THREATEN", mode=None)
        for i in sorted(found):
            f = found.get(i)
            if f is None or f.trigger.pos_ in ("VERB", "AUX") or f.entry.type not in CONTROL_NOUN_TYPES:
                continue
            # "its demand that Israel ease restrictions": the clause is what is demanded, not an event
            for comp in _content_clauses(f.trigger):
                    for t in comp.subtree:
                        if t.i in found and t.i != i:
                            _borrow(f, found.pop(t.i))
        for i in list(found):
            f = found[i]
            # A support verb with no object is too vague to be an event ("the aid they provide").
            if f.trigger.pos_ in ("VERB", "AUX") and f.entry.light and not any(
                    c.dep_ in OBJECT_DEPS for c in f.trigger.children):
                del found[i]

    # ---------------------------------------------------------------------------------- arguments
    def _verbal(self, verb: Token, entry: Entry, index: ActorIndex) -> Found:
        f = Found(verb, entry, clause_verb=verb)
        passive = is_passive(verb)
        subject = subject_of(verb)
        if subject is not None and verb.dep_ == "acl" and subject == verb.head and any(
                self.lex.in_class(subject.lemma_, c) for c in ("statement", "weapon")):
            # "issued a declaration demanding ...", "in a statement accusing ...": the text's author acts;
            # "fired missiles targeting US troops": the one who fires them
            carrier = subject.head.head if subject.dep_ == "pobj" else subject.head
            if carrier.pos_ in ("VERB", "AUX") and subject.dep_ in ("dobj", "pobj"):
                subject = subject_of(carrier) or subject
        agent = next((p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
        # Objects that are events themselves ("discuss the deployment of X") are not participants.
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP"
                   and c.lemma_.lower() not in self.lex.nouns]
        theme: Token | None = None
        if passive:
            if subject is not None and self._is_theme(subject, entry):
                theme = subject
            elif subject is not None:
                f.targets += index.np_actors(subject, deep=True)
                f.parts.append(subject)
            if agent is not None:
                f.sources += index.np_actors(agent)
                f.parts.append(agent)
        else:
            if subject is not None:
                subject_actors = index.np_actors(subject)
                if subject_actors or not self._is_theme(subject, entry):
                    f.sources += subject_actors
                else:
                    theme = subject
                f.parts.append(subject)
        for obj in objects:
            if self._is_theme(obj, entry) or (entry.light and obj.pos_ == "NOUN" and obj.dep_ == "dobj"):
                theme = theme or obj
                f.parts.append(obj)
                continue
            obj_actors = index.np_actors(obj, deep=True)
            # "offered its troops to X", "closed its borders with Iran": the subject's own is not a target
            # (a group inside the source's state is not the source: "Serbia prosecutes Serbian extremists")
            own = f.own_ids()
            obj_actors = [a for a in obj_actors if a.id not in own]
            if not obj_actors:
                # "shelled Juba", "visited Amman": a place acted upon stands for its state
                own_codes = set(codes_of([a for a in f.sources if not a.id.startswith(SUB_ID)], self._actor_code))
                obj_actors = [a for a in index.place_actors(obj) if self._actor_code(a) not in own_codes][:1]
            if obj_actors:
                f.targets += obj_actors
                f.parts.append(obj)
        if theme is not None:
            f.parts.append(theme)
            if not f.sources:
                f.sources += index.np_actors(theme)
            if not f.sources:  # "one third of ethnic Albanian guerrillas", "a patch of Bangladeshi troops"
                f.sources += [a for p in pobjs(theme, {"of"}) for a in index.np_actors(p)]
            for p in pobjs(theme, _target_preps(entry.type)):
                if not f.targets:
                    f.targets += index.np_actors(p)
                    f.parts.append(p)
            if not f.targets and entry.type == "RETREAT":
                # "guerrillas operating in Macedonia have been demobilized": they stand down where they were
                where = [t for t in theme.subtree if t.dep_ == "acl" and t.pos_ == "VERB"]
                self._place_target(f, where, index)
        if not f.targets:
            self._prep_targets(f, verb, index)
        if not f.targets and any(o.lemma_.lower() in index.group_heads for o in objects):
            # "addressed officials at NATO headquarters": the people met belong to where they are met
            for p in pobjs(verb, {"at"}):
                f.targets += index.np_actors(p)
                f.parts += [p, *objects]
        if not f.targets and entry.control:
            comp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            if comp is not None:
                for obj in (c for c in comp.children if c.dep_ in ("dobj", "dative")):
                    if obj.lemma_.lower() not in self.lex.nouns:
                        f.targets += index.np_actors(obj)
                        f.parts.append(obj)
                if not f.targets:
                    self._prep_targets(f, comp, index)
        if not f.targets and verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in SUMMON_VERBS:
            for obj in (c for c in verb.head.children if c.dep_ == "dobj"):
                f.targets += index.np_actors(obj)
                f.parts.append(obj)
        if not f.targets and entry.type == "REQUEST":
            # "called for tangible international pressure": what is asked of the international community
            # is asked of it
            asked = [c for c in verb.children if c.dep_ == "dobj"] + pobjs(verb, {"for"})
            mods = [m for a in asked for m in a.children if m.dep_ == "amod" and m.lower_ == "international"]
            if mods:
                f.targets.append(index.international(mods[0]))
                f.parts.append(mods[0])
        if not f.targets and entry.type in CLAUSE_TARGET_TYPES:
            # "demanded that Hamas renounce ...", "accused Moscow of ...": the addressee is the clause's subject.
            for comp in (c for c in verb.children if c.dep_ == "ccomp"):
                comp_subject = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
                if comp_subject is not None:
                    f.targets += index.np_actors(comp_subject)
                    f.parts.append(comp_subject)
                    # ("alleged the central government is hiding ...": the target is named, with no code)
                    f.target_named = comp_subject.pos_ == "PROPN" or index.names_people(comp_subject)
        if not f.targets and entry.type in RESPONSE_TYPES:
            self._author_target(f, verb, index)
        if not f.targets:
            # "threatened to strike unless Israel rescinded ...": the one who must act is addressed
            self._condition_target(f, verb, index)
        if not f.targets:
            self._purpose_target(f, verb, index)
        self._symmetric(f, subject, index)
        if not f.targets:
            xcomps = [c for c in verb.children if c.dep_ == "xcomp"]
            heads = [verb, *objects, *xcomps, *(o for x in xcomps for o in x.children if o.dep_ == "dobj")]
            self._place_target(f, heads, index)
        if not f.targets:
            self._domestic_target(f, agent if passive else subject, index)
        if not passive and all(a.id.startswith(GRP_ID) and a.country is None for a in f.targets):
            self._home_front_target(f, verb, subject, index)  # (a collective with no state may be placed)
        if not f.targets:
            self._clause_target(f, verb, index)
        if entry.type == "MOBILIZE" and verb.lemma_.lower() in self.lex.themes.get("training_verbs", frozenset()):
            # "the US trained Ukrainian soldiers": building up another's force is military cooperation
            # (PLOVER COOPERATE, mode military); "North Korea trained hackers" builds up its own (MOBILIZE)
            own = {a.id for a in f.sources}
            others = [a for o in objects for a in index.np_actors(o) if a.id not in own and self._actor_code(a)
                      and not a.id.startswith(GRP_ID)]  # (its own hackers are not another's force)
            if f.sources and others:
                f.entry = dataclasses.replace(entry, type="COOPERATE", mode="military")
                f.targets = others
        return f

    def _clause_target(self, f: Found, verb: Token, index: ActorIndex) -> None:
        """Last resort: the first other coded actor named after the trigger in its own clause, outside any
        clause nested in it ("Russia closed its southern borders with Iran", "X reneged on his commitment
        to the Zambian people"): in a news sentence the other party of an act is named in its clause."""
        if not f.sources:
            return
        own = f.own_ids()
        for tok in verb.subtree:
            if tok.i <= f.trigger.i or tok.i not in index.by_token:
                continue
            actor = index.by_token[tok.i]
            if actor.id in own or in_nested_clause(tok, verb) or _attribution(tok) or _origin(tok, f.entry.type) \
                    or self._reporter(tok):
                continue
            f.targets.append(actor)
            f.parts.append(tok)
            return

    def _reporter(self, tok: Token) -> bool:
        """Whether a token names who reports ("..., Dutch Foreign Minister X said", "reported by The
        Guardian"): the subject or agent of a verb of speech, not a party to the act reported."""
        for anc in [tok, *tok.ancestors]:
            if anc.dep_ in SUBJECT_DEPS:
                return self.lex.in_class(anc.head.lemma_, "speech")
            if anc.dep_ == "pobj" and anc.head.dep_ == "agent":
                return self.lex.in_class(anc.head.head.lemma_, "speech")
            if anc.pos_ in ("VERB", "AUX"):
                return False
        return False

    def _home_front_target(self, f: Found, verb: Token, subject: Token | None, index: ActorIndex) -> None:
        """The police or the authorities of a state acting on people the text does not place elsewhere
        ("Egyptian police opened fire to disperse demonstrators", "Turkish police prevented the
        demonstration staged by students") act on their own state's people, as CAMEO codes domestic
        repression. Not for armies: troops often act abroad."""
        if subject is None or subject.lemma_.lower() not in self.lex.themes.get("domestic_forces", frozenset()):
            return
        states = [a for a in f.sources if a.kind == "state" and (self._actor_code(a) or "").isupper()
                  and len(self._actor_code(a) or "") == 3]
        if not states:
            return
        comps = [verb] + [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ in ("VERB", "AUX")]
        for comp in comps:
            for obj in [c for c in comp.children if c.dep_ in ("dobj", "dative")] + pobjs(comp, {"against", "on"}):
                people = [t for t in obj.subtree if t.lemma_.lower() in index.non_state] if obj.pos_ == "NOUN" else []
                actors = index.np_actors(obj, deep=True)
                if not people or any(not a.id.startswith(GRP_ID) for a in actors):
                    continue
                code = self._actor_code(states[0]) or ""
                loose = [a for a in actors if a.country is None]
                if loose:  # a collective with no state of its own is this state's: keep it, place it
                    ids = {a.id for a in loose}
                    f.targets = [a for a in f.targets if a.id not in ids]
                    f.targets += [dataclasses.replace(a, country=code) for a in loose]
                    for a in loose:
                        index.group_country.setdefault(a.id, code)
                else:
                    f.targets.append(index.sub_state(people[0], states[0]))
                f.parts.append(obj)
                return

    def _domestic_target(self, f: Found, source_head: Token | None, index: ActorIndex) -> None:
        """A protest that names no target is aimed at the government of the protesters' own state
        ("Thousands of Iraqi Kurds demonstrated ...": Iraq). PLOVER's PROTEST is collective action
        against a target actor, and CAMEO codes a domestic protest as aimed at its government. Not when the
        government itself is the subject ("Iraq protested")."""
        if f.entry.type != "PROTEST" or (source_head is not None and source_head.i in index.by_token
                                          and index.form_by_token.get(source_head.i) != "demonym"):
            return  # "Serbians protested" are its people; "Serbia protested" is its government
        for a in f.sources:
            code = self._actor_code(a)
            if code is not None and (a.kind == "state" or a.id.startswith(SUB_ID)) and len(code) == 3:
                f.targets.append(Actor(f"{GOVERNMENT_ID}{code}", code, "state", code=code))
                return

    def _purpose_target(self, f: Found, verb: Token, index: ActorIndex) -> None:
        """"staged a hunger strike to protest President Assad's failure", "demonstrated ... calling for
        independence from Iraq": an act with no target of its own is aimed at whom its purpose names."""
        own = f.own_ids()
        for comp in verb.children:
            if comp.dep_ not in ("advcl", "acl") or comp.pos_ not in ("VERB", "AUX"):
                continue  # (a noun's own purpose: "demonstrations to demand reforms")
            if self.lex.in_class(comp.lemma_, "speech"):
                continue  # "voiced support for X, telling the Nevada Independent": whom one tells is no purpose
            if not (comp.tag_ == "VBG" or to_infinitive(comp)):
                continue  # "when", "after" clauses are other events, not the purpose
            heads = [c for c in comp.children if c.dep_ in ("dobj", "dative")]
            heads += pobjs(comp, _target_preps(f.entry.type) | {"for"})
            for h in heads:
                actors = [a for a in index.np_actors(h, deep=True) if a.id not in own]
                if not actors:  # "to show their anger at France": past the protesters' own "their"
                    actors = [a for p in pobjs(h, _target_preps(f.entry.type)) for a in index.np_actors(p)
                              if a.id not in own]
                if actors:
                    f.targets += actors
                    f.parts.append(h)
                    return

    def _author_target(self, f: Found, verb: Token, index: ActorIndex) -> None:
        """"rejected a U.S. request", "rejected North Korea's demand", "rejected calls by Belarus's rulers",
        "is opposed to French mediation": a response is aimed at the author of what it answers."""
        said = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        said += pobjs(verb, {"to"})
        for obj in said:
            if obj.lemma_.lower() not in self.lex.nouns and not self.lex.in_class(obj.lemma_, "statement"):
                continue
            authors = [a for c in obj.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                       for a in index.np_actors(c)]
            authors += [a for p in pobjs(obj, {"by", "from"}) for a in index.np_actors(p)]
            # "violated a ban imposed by X", "rejected the plan put forward by X"
            authors += [a for acl in obj.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
                        for ag in [agent_of(acl)] if ag is not None for a in index.np_actors(ag)]
            if authors:
                f.targets += authors
                f.parts.append(obj)
                return

    def _condition_target(self, f: Found, verb: Token, index: ActorIndex) -> None:
        if f.entry.type not in ("THREATEN", "AGREE") and _condition(f) is None:
            return
        for c in verb.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                subj = next((s for s in c.children if s.dep_ in SUBJECT_DEPS), None)
                if subj is not None:
                    f.targets += index.np_actors(subj)
                    if f.targets:
                        f.parts.append(subj)
                        return

    def _nominal(self, noun: Token, entry: Entry, index: ActorIndex) -> Found:
        f = Found(noun, entry, clause_verb=governing_verb(noun))
        f.parts.append(noun)
        # "a mediation effort between X and Y": the compound's head carries the arguments.
        anchor = noun
        while anchor.dep_ == "compound" and anchor.head.pos_ in ("NOUN", "PROPN"):
            anchor = anchor.head
        # "launched 10 days of war games": a span of time of the act stands in its place in the clause
        while anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lemma_.lower() in SPAN_NOUNS:
            anchor = anchor.head.head
        of_objects = pobjs(anchor, {"of"})
        for c in anchor.children:
            if c.dep_ == "poss" and not of_objects and self.lex.in_class(noun.lemma_, "patient_nouns") and any(
                    a.kind == "person" for a in index.np_actors(c)):
                # "Khashoggi's killing", "Navalny's arrest": a person's act undergone, not done
                f.targets += index.np_actors(c)
            elif c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c != noun):
                f.sources += index.np_actors(c)
        for agent in pobjs(anchor, {"by"}):
            f.sources += index.np_actors(agent)
        if entry.type in THEME_TYPES:
            for theme in of_objects:
                if not f.sources:
                    f.sources += index.np_actors(theme, own_head=False)
                for p in pobjs(theme, _target_preps(entry.type)):
                    f.targets += index.np_actors(p)
        else:
            for obj in of_objects:
                f.targets += index.np_actors(obj)
        if not f.targets:
            self._prep_targets(f, anchor, index)
        if not f.targets and entry.type in CLAUSE_TARGET_TYPES:
            # "its demand that Israel ease restrictions", "a declaration demanding that the government ...":
            # the one the clause asks to act is addressed
            for comp in _content_clauses(noun):
                subj = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
                if subj is not None:
                    f.targets += index.np_actors(subj)
                    f.parts.append(subj)
        for between in pobjs(anchor, {"between", "among"}):
            both = index.np_actors(between)
            if entry.mode != "third-party":  # a mediator is not one of the sides it mediates between
                f.sources += both
            f.targets += both
        head = anchor.head
        # "X launched an attack on Y", "X held talks with Y": the support verb's subject is the source.
        if anchor.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            if anchor.dep_ == "dobj" and self.lex.in_class(head.lemma_, "victim_verbs"):
                # "Tunisia is facing terrorist attacks": the subject suffers the act
                subj = subject_of(head)
                if subj is not None and not f.targets:
                    f.targets += index.np_actors(subj)
                    f.parts.append(subj)
            elif not f.sources and not self._other_act(head, entry):
                # (not "France condemned the attack": the subject of another act did not do this one)
                subj = subject_of(head) if anchor.dep_ == "dobj" else agent_of(head)
                if subj is not None:
                    f.sources += index.np_actors(subj)
                    f.parts.append(subj)
            if not f.targets:
                for dative in (c for c in head.children if c.dep_ == "dative"):
                    f.targets += index.np_actors(dative)
                    f.parts.append(dative)
            if not f.targets:
                self._prep_targets(f, head, index)
            if not f.targets:
                self._purpose_target(f, head, index)  # "staged demonstrations to demand reforms by X"
            if not f.targets:
                self._purpose_target(f, anchor, index)
            head_entry = self._verb_entry(head)
            f.support_verb = head_entry is None or head_entry.light or head_entry.type == entry.type
            if f.support_verb:
                f.clause_verb = head
        elif not f.targets and (victim := _target_of(anchor, self.lex)) is not None:
            # "the region that was the target of a Ukrainian incursion": the one targeted is the target
            f.targets += index.np_actors(victim, deep=True)
            f.parts.append(victim)
        elif (anchor.dep_ == "pobj" and entry.type == "PROTEST" and head.lemma_.lower() == "during"
              and head.head.pos_ in ("VERB", "AUX") and not f.sources):
            # "Palestinian youths threw stones during demonstrations against X": the protesters
            subj = subject_of(head.head)
            if subj is not None and not is_passive(head.head):
                f.sources += index.np_actors(subj)
                f.parts.append(subj)
        elif (anchor.dep_ == "pobj" and head.lemma_.lower() in PARTICIPATION_PREPS
              and head.head.pos_ in ("VERB", "AUX") and self._verb_entry(head.head) is None
              # (not "launched an investigation into the attack": the verb carries an event of another type;
              # "staged a hunger strike in protest against X" is one protest)
              and not any(c.dep_ == "dobj" and (e := self._noun_entry(c)) is not None and e.type != entry.type
                          for c in head.head.children)):
            # "were engaged in ethnic cleansing", "remained on alert", "converged for a rally"
            verb = head.head
            if self.lex.in_class(verb.lemma_, "victim_verbs"):
                # "eight Mexicans died in the attack": the subject suffered it
                subj = subject_of(verb)
                if subj is not None and not f.targets:
                    f.targets += index.np_actors(subj)
                    f.parts.append(subj)
            elif not f.sources:
                subj = subject_of(verb)
                if subj is not None and (not is_passive(verb) or verb.lemma_.lower() in PARTICIPATION_PASSIVES):
                    f.sources += index.np_actors(subj)
                    f.parts.append(subj)
            if not f.targets:
                self._prep_targets(f, verb, index)
            f.clause_verb, f.support_verb = verb, True
        self._symmetric(f, None, index)
        if not f.targets:
            heads = [anchor] + ([f.clause_verb] if f.clause_verb is not None else [])
            self._place_target(f, heads, index)
        if not f.targets:
            # "Russia's protest" is the government's own; "Egyptian demonstrations" are its people's
            self._domestic_target(f, next((c for c in anchor.children if c.dep_ == "poss"), None), index)
        return f

    def _other_act(self, verb: Token, entry: Entry) -> bool:
        """Whether a verb is an event of another type than a noun it governs ("condemned the attack",
        "investigate the killings") or a verb of speech about it ("characterized the attack as ..."), rather
        than a support verb that carries the noun ("launched an attack")."""
        if self.lex.in_class(verb.lemma_, "support_verbs"):
            return False  # "declared a ceasefire", "announced sanctions"
        if self.lex.in_class(verb.lemma_, "speech") or self.lex.in_class(verb.lemma_, "describe_verbs"):
            return True
        head_entry = self._verb_entry(verb)
        return head_entry is not None and not head_entry.light and head_entry.type != entry.type \
            and not head_entry.control

    def _place_target(self, f: Found, heads: list[Token], index: ActorIndex) -> None:
        """The state of the place where the act lands, when no actor is its target: "arrived in Amman",
        "evacuate settlements in the Gaza Strip" (not the source's own country)."""
        # a group inside a state acts on places of its own state ("Sudanese rebels shelled Juba"); so does a
        # government restricting or easing life at home ("lifted the state of emergency in West Darfur")
        own = set() if f.entry.type in HOME_TYPES else set(
            codes_of([a for a in f.sources if not a.id.startswith(SUB_ID)], self._actor_code))
        # "withdrew from X", "withdrew its observers from X"
        preps = PLACE_PREPS | {"from"} if f.entry.type in ("RETREAT", "SANCTION") else PLACE_PREPS
        for h in heads:
            for p in pobjs(h, preps):
                states = index.place_actors(p) or [a for a in index.np_actors(p) if a.kind == "state"]
                states = [a for a in states if self._actor_code(a) not in own]
                if states:
                    f.targets += states[:1]
                    f.parts.append(p)
                    return

    def _prep_targets(self, f: Found, head: Token, index: ActorIndex) -> None:
        """The first actor named by a target preposition of the head, else of its object
        ("shared evidence with the U.S.", "closed its borders with Iran")."""
        preps = _target_preps(f.entry.type)
        heads = [head]
        if head.pos_ in ("VERB", "AUX"):
            # "launched artillery, mortar and rocket fire against X": the objects' conjuncts too
            heads += [o for c in head.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
        own = f.own_ids()
        for h in heads:
            for p in pobjs(h, preps):
                actors = [a for a in index.np_actors(p, deep=True) if a.id not in own]
                if not actors and index.np_actors(p, deep=True):
                    # "reneged on his commitment to the Zambian people": past the source's own "his"
                    actors = [a for q in pobjs(p, preps | {"to"}) for a in index.np_actors(q, deep=True)
                              if a.id not in own]
                if actors:
                    f.targets += actors
                    f.parts.append(p)
                    return

    def _symmetric(self, f: Found, subject: Token | None, index: ActorIndex) -> None:
        """"Putin and Kim met": each side of a joint act is both source and target."""
        if f.entry.type not in SYMMETRIC_TYPES:
            if not f.targets and len({a.id for a in f.sources}) > 1 and self.lex.in_class(
                    f.trigger.lemma_, "reciprocal"):
                f.targets = list(f.sources)  # "Armenia and Azerbaijan fought"
            return
        if not f.targets and len({a.id for a in f.sources}) > 1:
            f.targets = list(f.sources)
        elif f.targets and f.entry.type == "CONSULT" and f.trigger.lemma_ in ("meet", "talk", "talks", "meeting"):
            f.sources, f.targets = f.sources + f.targets, f.targets + f.sources

    def _is_theme(self, tok: Token, entry: Entry) -> bool:
        if entry.type not in THEME_TYPES and not entry.light and entry.theme not in MOVED_THEMES:
            return False
        nouns = [tok, *pobjs(tok, {"of"})]  # "a first patch of Bangladeshi troops"
        return any(self.lex.in_class(n.lemma_.lower(), c) for n in nouns
                   for c in ("military", "weapon", "aid", "police", "armed_groups", "mission_staff"))

    # ---------------------------------------------------------------------------------- output
    def _locate_groups(self, f: Found, index: ActorIndex) -> None:
        """A collective with no state of its own acted upon in a place ("police arrested students in
        Jakarta", "troops fired on protesters in Cairo") is that state's: it keeps its GRP code and takes the
        state's code too, as CAMEO codes domestic groups by their country. Its own sources stay as named."""
        loose = [n for n, a in enumerate(f.targets) if a.id.startswith(GRP_ID) and a.country is None]
        if not loose:
            return
        heads = [f.trigger] + ([f.clause_verb] if f.clause_verb is not None and f.clause_verb != f.trigger else [])
        probe = Found(f.trigger, dataclasses.replace(f.entry, type="COERCE"))  # (a group is at home there)
        self._place_target(probe, heads, index)
        code = next((self._actor_code(a) for a in probe.targets), None)
        if code is not None and len(code) == 3:
            for n in loose:
                index.group_country.setdefault(f.targets[n].id, code)
                f.targets[n] = dataclasses.replace(f.targets[n], country=code)

    def _to_event(self, doc: Doc, f: Found, index: ActorIndex) -> Event | None:
        if f.entry.type not in SYMMETRIC_TYPES and not self.lex.in_class(f.trigger.lemma_, "reciprocal"):
            own = {a.id for a in f.sources}
            # an actor is not its own target, nor is a person's own state ("Trump withdrew the US from ...")
            own_states = {self._actor_code(a) for a in f.sources if a.kind == "person"}
            f.targets = [a for a in f.targets if a.id not in own
                         and not (a.kind == "state" and self._actor_code(a) in own_states)]
        elif len({a.id for a in f.sources}) == 1 and {a.id for a in f.sources} == {a.id for a in f.targets}:
            f.targets = []  # "X and Y met" names each side as the other's target; X alone meets no one
        self._locate_groups(f, index)
        source = codes_of(f.sources, self._actor_code)
        target = codes_of(f.targets, self._actor_code)
        if not source and not target and not any(named_in_text(doc, a) for a in f.sources + f.targets):
            return None  # nobody named does it to anybody named
        if f.entry.type == "CONSULT" and (not _consults(f) or not f.sources):
            # "hosted the championship", "gave a talk": nobody met or talked to; "people visiting Hong Kong":
            # nobody named visits
            return None
        if f.entry.type == "PROTEST" and f.trigger.lemma_.lower() == "rally" and not self._rally_protests(f):
            return None  # "Trump held a rally in Nevada", "at a Biden rally": campaigning, not protest
        start, end = _evidence(f)
        trig = f.trigger
        status, claim = _status(doc, f, self.lex)
        type_, mode = f.entry.type, _mode(self.lex, f)
        if status == "negated" and type_ in REFUSABLE and _refusal(f):
            # "will not accept more refugees", "failed to reach agreement": PLOVER codes a refusal as REJECT
            type_, mode, status = "REJECT", None, "occurred"
        # "will withdraw unless ...", "may halt mediation if ...": a conditional act is held over someone
        condition = _condition(f) if status in ("planned", "hypothetical") else None
        if condition is not None and (condition == "unless" or type_ not in COOPERATIVE):
            # "will withdraw its force unless ...", "would attack if ...": an act held over someone
            type_, mode, status = "THREATEN", None, "occurred"
        elif condition is not None:
            type_, mode, status = "AGREE", None, "occurred"  # "would meet him if ...": a conditional offer
        elif type_ == "ASSAULT" and self._verbal_attack(f):
            type_, mode = "ACCUSE", "disapprove"  # "Biden attacked Trump for ...": criticism (CAMEO 111)
        elif type_ == "ASSAULT" and not target and self._into_open_water(f):
            type_, mode = "MOBILIZE", "weapons"  # "launched a missile into the sea": a show of force
        elif status == "planned" and type_ == "ASSAULT" and _preparing(f):
            # "the army prepared to resume shelling": readying force is PLOVER's MOBILIZE, not yet an attack
            type_, mode, status = "MOBILIZE", None, "occurred"
        elif status == "planned" and f.trigger.pos_ in ("VERB", "AUX", "NOUN") and type_ in INTENT_TYPES:
            # PLOVER codes a stated intention as the promise or threat it is, not as the act itself.
            type_, mode, status = INTENT_TYPES[type_], None, "occurred"
        time, time_from = self._time(doc, f, start, end)
        if status == "occurred" and time_from == "text" and _after(time, doc._.published):
            status = "planned"  # "talks next month": the clause is dated after publication
        return Event(
            id="",
            type=type_,
            start=start,
            end=end,
            text=doc_text(doc)[start:end],
            status=status,
            mode=mode,
            source=source,
            target=target,
            source_actors=ids_of(f.sources),
            target_actors=ids_of(f.targets),
            trigger=(trig.idx, trig.idx + len(trig.text)),
            place=_place(doc, start, end),
            time=time,
            time_from=time_from,
            claim=claim.id if claim else None,
        )

    def _time(self, doc: Doc, f: Found, start: int, end: int) -> tuple[str | None, str | None]:
        t = governing_time(doc, f.trigger.idx, f.trigger.idx + len(f.trigger.text))
        if t is not None and not _time_in_clause(doc, t, f):
            t = None  # a date of another clause ("the region that was the target of an incursion in August")
        if t is None:
            t = _clause_time(doc, f)
        if t is not None:
            return t.value, "text"
        if doc._.published is not None:
            return doc._.published.isoformat(), "published"
        return None, None


def _share_targets(found: dict[int, Found]) -> None:
    """A material act with no stated target takes the target of its source's other act in the sentence
    ("X was sending troops to Y in a sign of ties that include the delivery of X's weapons")."""
    for f in found.values():
        if f.targets or not f.sources or f.entry.type not in THEME_TYPES:
            continue
        ids = {a.id for a in f.sources}
        for other in found.values():
            if other is not f and other.targets and ids & {a.id for a in other.sources} and not (
                    ids & {a.id for a in other.targets}):
                f.targets = list(other.targets)
                break


def _merge_linked(found: dict[int, Found]) -> None:
    """Same-type triggers that state one event: "killed or wounded", "visited X to hold talks with Y"."""
    for i in sorted(found):
        f = found.get(i)
        if f is None:
            continue
        if f.trigger.pos_ in ("VERB", "AUX"):
            # "marched in London during an anti-Brexit march": the noun names the verb's event
            for t in f.trigger.subtree:
                inner = found.get(t.i)
                if (inner is not None and t.i != i and t.pos_ == "NOUN" and inner.entry.type == f.entry.type
                        and governing_verb(t) == f.trigger):
                    _borrow(f, inner)
                    del found[t.i]
        if f.entry.type in ("MOBILIZE", "AID") and f.trigger.pos_ in ("VERB", "AUX"):
            # "sent 21 personnel to Bosnia to investigate ...": sending people to look into something is the
            # investigation (PLOVER ACCUSE, mode investigate), which takes the sending's participants
            purpose = next((found[c.i] for c in f.trigger.children if c.dep_ == "advcl" and c.i in found
                            and found[c.i].entry.mode == "investigate"), None)
            if purpose is not None:
                purpose.sources = purpose.sources or f.sources
                purpose.targets = purpose.targets or f.targets
                purpose.parts += f.parts
                del found[i]
                continue
        if f.entry.type == "PROTEST":
            # "marched to demand reforms", "staged demonstrations to protest X": what a protest asks or
            # denounces is its content, not another event (PLOVER PROTEST)
            carriers = [f.trigger] + ([f.clause_verb] if f.clause_verb is not None and f.support_verb else [])
            for c in [c for carrier in carriers for c in carrier.children]:
                inner = found.get(c.i)
                if inner is not None and c.dep_ in ("advcl", "acl") and inner.entry.type in CONTENT_OF_PROTEST and (
                        c.tag_ == "VBG" or to_infinitive(c)):
                    _borrow(f, inner)
                    del found[c.i]
        linked = [c for c in f.trigger.children if c.dep_ in ("conj", "xcomp", "advcl")]
        for comp in linked:
            for t in comp.subtree if comp.dep_ != "conj" else [comp]:
                inner = found.get(t.i)
                if inner is not None and t.i != i and inner.entry.type == f.entry.type:
                    _borrow(f, inner)
                    del found[t.i]


def _absorb(f: Found, inner: Found) -> None:
    """A control verb takes in the act it governs. A demand is addressed to the one who is to act
    ("demanded the resignation of X", "the withdrawal of Serbian forces"): the demanded act's doer is the
    demand's target, never its source."""
    f.parts.append(inner.trigger)  # ("signed an agreement": the evidence keeps what was signed)
    if f.entry.type != "REQUEST":
        _borrow(f, inner)
    elif not f.targets:
        own = {a.id for a in f.sources}
        f.targets = [a for a in inner.sources if a.id not in own] or [a for a in inner.targets if a.id not in own]
        f.parts += inner.parts


def _borrow(f: Found, inner: Found) -> None:
    """A control verb with no target of its own takes the target of the event it absorbs."""
    if not f.targets and inner.targets:
        f.targets = list(inner.targets)
        f.parts += inner.parts
    if not f.sources and inner.sources:
        f.sources = list(inner.sources)


def _actor_index(doc: Doc, actors: list[Actor], code_of: Callable[[Actor], str | None],
                 lex: Lexicon) -> ActorIndex:
    return ActorIndex(doc, actors, code_of, lex)


def _origin(tok: Token, type_: str) -> bool:
    """Whether a token's phrase hangs from a preposition of agency or comparison ("a ban by X", "like most
    members"), or of origin for an act that moves or gives something ("deploy troops from North Korea"):
    not the one an act is aimed at (unlike "demanded support from X", "withdrew from X")."""
    origin = {"from"} if type_ in ("MOBILIZE", "AID", "CONSULT") else set()
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "pobj":
            return anc.head.lower_ in origin | {"by", "like", "than", "including", "as", "unlike", "despite", "except",
                                                "excluding", "besides", "without", "barring"}
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def _attribution(tok: Token) -> bool:
    """Whether a token names a source ("according to X", "X said") rather than a participant."""
    for anc in [tok, *tok.ancestors]:
        if anc.lower_ == "according" or (anc.dep_ == "pobj" and anc.head.lower_ == "to"
                                          and anc.head.head.lower_ == "according"):
            return True
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def _counted_one(noun: Token) -> bool:
    """A singular noun counted as one: "a talk", "an address", "a TED talk", "Obama's talk"."""
    if noun.tag_ != "NN":
        return False
    return any((c.dep_ == "det" and c.lower_ in ("a", "an")) or (c.dep_ in ("compound", "poss") and c.pos_ == "PROPN")
               for c in noun.children)


def _consults(f: Found) -> bool:
    """PLOVER CONSULT is parties meeting or talking: it needs someone met (a target actor, or two sides
    that meet each other); a place alone will do only for a visit ("visited Amman"), not for a talk or
    a hosting whose object is no party ("hosted the championship")."""
    if len({a.id for a in f.sources}) > 1:
        return True
    real = [a for a in f.targets if not a.id.startswith(PLACE_ID)]
    return bool(real) or (bool(f.targets) and f.entry.mode == "visit" and f.trigger.lemma_.lower() != "host")


def _target_preps(type_: str) -> frozenset[str]:
    return TARGET_PREPS.get(type_, TARGET_PREPS["default"])


def _theme_tokens(verb: Token) -> list[Token]:
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


def _theme_matches(lex: Lexicon, tokens: list[Token], entry: Entry) -> bool:
    """Whether the theme nouns (their conjuncts and compounds too: "mediation efforts") are of the class."""
    nouns = [t for tok in tokens for t in [tok, *tok.conjuncts]]
    nouns += [c for t in nouns for c in t.children if c.dep_ == "compound"]
    hit = any(lex.in_class(t.lemma_, entry.theme or "") for t in nouns)
    return not hit if entry.theme_negated else hit


def _evidence(f: Found) -> tuple[int, int]:
    sent = f.trigger.sent
    toks = [f.trigger]
    for p in f.parts:
        toks += [p.left_edge, p.right_edge] if p.i != f.trigger.i or p.pos_ != "VERB" else [p]
    if f.trigger.pos_ not in ("VERB", "AUX"):
        toks += [f.trigger.left_edge, f.trigger.right_edge]
    lo = max(min(t.i for t in toks), sent.start)
    hi = min(max(t.i for t in toks), sent.end - 1)
    doc = f.trigger.doc
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _mode(lex: Lexicon, f: Found) -> str | None:
    """The lexicon's mode, refined by what the text shows (aerial attacks, troops vs weapons moved)."""
    mode = f.entry.mode
    near = {c.lemma_.lower() for c in f.trigger.children} | {t.lemma_.lower() for p in f.parts for t in p.subtree}
    if f.entry.type == "ASSAULT" and near & lex.themes.get("aerial", frozenset()):
        return "aerial"
    if f.entry.type == "MOBILIZE":
        if any(lex.in_class(t, "weapon") for t in near) and not any(lex.in_class(t, "military") for t in near):
            return "weapons"
        if any(lex.in_class(t, "police") for t in near):
            return "police"
    return mode


def _status(doc: Doc, f: Found, lex: Lexicon) -> tuple[EventStatus, Claim | None]:
    trig = f.trigger
    verb = f.clause_verb if f.clause_verb is not None else trig
    light_noun = f.support_verb
    scope = [trig] if trig.pos_ not in ("VERB", "AUX") and not light_noun else [verb]
    if trig.pos_ in ("VERB", "AUX") or light_noun:
        # The verb and the "to"-complement chain above it ("plans to deploy", "agreed to withdraw").
        v = verb
        while v.dep_ in ("xcomp", "conj") and v.head != v:
            v = v.head
            scope.append(v)
    claim = _claim_at(doc, trig.idx)
    kids = [c for s in scope for c in s.children]
    if trig not in scope:
        kids += list(trig.children)  # "indicated no support"
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in kids):
        return "negated", claim
    if any(d.dep_ == "det" and d.lower_ == "no" for c in kids if c.dep_ in SUBJECT_DEPS | {"dobj"}
           for d in c.children):
        return "negated", claim  # "no troops were deployed", "deployed no troops"
    if any(s.lemma_.lower() == "fail" for s in scope[1:]):
        return "negated", claim  # "failed to reach an agreement"
    if any(s.tag_ == "VBG" and s.dep_ in ("xcomp", "pcomp", "dobj") and s.head.lemma_.lower() in CESSATION_VERBS
           for s in scope):
        return "negated", claim  # "stop attacking each other", "ceased shelling": the act is called off
    top = scope[-1]
    if is_imperative(top):
        return "hypothetical", claim  # an imperative ("Stop the war", "Withdraw your troops"): asked for
    if top.dep_ == "acl" and lex.in_class(top.head.lemma_, "intention") and to_infinitive(top):
        return "planned", claim  # "was developing plans to attack", "a plot to kill"
    for s in scope:
        for anc in [s, *s.ancestors]:
            if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in anc.children):
                return "hypothetical", claim
            if anc.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl"):
                break
    if trig.pos_ in ("VERB", "AUX") or light_noun:
        aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
        if aux & FUTURE_AUX:
            return "planned", claim
        if aux & HYPOTHETICAL_MODALS - {"would"}:
            return "hypothetical", claim
        heads = {s.lemma_.lower() for s in scope[1:]} | {c.lemma_.lower() for c in kids if c.dep_ == "acomp"}
        if heads & EXPECT_VERBS:
            return "expected", claim
        if any(lex.in_class(h, "intention") for h in heads):
            return "planned", claim
        if "would" in aux and _reported_clause(verb, lex):
            return "planned", claim  # future in the past: "said it would withdraw"
    # "reportedly" on a verb above the trigger covers it ("X reportedly said Y attacked"); one in another
    # clause does not ("Serbians protested; the protest has reportedly expanded", "who allegedly were ...")
    above = {trig.i, *(a.i for a in trig.ancestors)}
    if any(c.lower_ in REPORT_ADVERBS for c in kids) or any(
            t.lower_ in REPORT_ADVERBS and t.head.i in above for t in trig.sent):
        return "reported", claim
    # An "expected" claim dates its verb, not a noun it mentions ("will discuss the deployment").
    verbal = trig.pos_ in ("VERB", "AUX") or light_noun
    if claim is not None and claim.modality in CLAIM_STATUS and (verbal or claim.modality != "expected"):
        return CLAIM_STATUS[claim.modality], claim
    if _according_to(trig.sent) or _under_report(trig, lex):
        return "reported", claim
    return "occurred", claim


def _content_clauses(noun: Token) -> list[Token]:
    """The "that"-clauses stating what a statement noun says: its own ("the demand that X leave"), or,
    for the object of a verb with no clause of its own, the verb's ("reiterated its demand today that X
    leave", where the parser hangs the clause on the verb)."""
    def content(c: Token, marks: frozenset[str] | None = None) -> bool:
        return c.pos_ in ("VERB", "AUX") and any(m.dep_ == "mark" and (marks is None or m.lower_ in marks)
                                                 for m in c.children)

    own = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and content(c)]
    if own or noun.dep_ != "dobj":
        return own
    return [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i and content(c, frozenset({"that"}))]


def _preparing(f: Found) -> bool:
    """Whether the act is the "to"-complement of the verb "prepare" ("prepared to attack"), not of the
    adjective of readiness ("is prepared to impose martial law", a threat)."""
    verb = f.clause_verb if f.clause_verb is not None else f.trigger
    while verb.dep_ == "xcomp" and verb.head.lemma_.lower() != "prepare" and verb.head != verb:
        verb = verb.head  # "prepared to resume shelling"
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() == "prepare" and head.pos_ == "VERB" and not any(
        c.dep_ in ("auxpass", "acomp") or (c.dep_ == "aux" and c.lemma_ == "be") for c in head.children)


def _refusal(f: Found) -> bool:
    """A negation by the actor of its own act ("will not accept", "would not meet", "failed to reach"),
    not a report that something did not happen to someone ("had not been deployed")."""
    verb = f.clause_verb if f.clause_verb is not None else f.trigger
    if is_passive(verb):
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FAILURE_VERBS:
        return True
    return any(c.lower_ in ("will", "would", "wo", "can", "could", "ca") for c in verb.children if c.dep_ == "aux")


def _commits(verb: Token) -> bool:
    """Whether the verb commits to something: "agreed to withdraw", "agreed a deal", "agreed on a plan",
    "agreed that they should cooperate" (not "agreed that vaccines work": an opinion)."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lemma_.lower() in ("to", "on", "upon")):
            return True
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children):
            return True
    return False


def _condition(f: Found) -> str | None:
    """"if" or "unless" when the event's clause has a condition clause of its own ("will withdraw unless
    the president arranges a ceasefire")."""
    verb = f.clause_verb if f.clause_verb is not None else f.trigger
    for c in verb.children:
        if c.dep_ == "advcl":
            mark = next((m.lower_ for m in c.children if m.dep_ == "mark" and m.lower_ in ("if", "unless")), None)
            if mark is not None:
                return mark
    return None


def _under_report(trig: Token, lex: Lexicon) -> bool:
    """Whether the trigger sits in what reports say: "reports suggesting that X ...", "rumours that X ...",
    "Reports say X ..." (the clause of a report noun, or of a verb whose subject is one)."""
    for anc in trig.ancestors:
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        if anc.dep_ in ("acl", "relcl") and lex.in_class(anc.head.lemma_, "report_nouns"):
            return True
        subj = next((c for c in anc.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and lex.in_class(subj.lemma_, "report_nouns") and lex.in_class(anc.lemma_, "speech"):
            return True
    # "the report that X attacked Y": a report noun's own clause
    return any(anc.dep_ in ("acl", "ccomp") and lex.in_class(anc.head.lemma_, "report_nouns")
               for anc in [trig, *trig.ancestors] if anc.pos_ in ("VERB", "AUX"))


def _reported_clause(verb: Token, lex: Lexicon) -> bool:
    """Whether the clause is the complement of a reporting verb ("X said that ...")."""
    for anc in [verb, *verb.ancestors]:
        if anc.dep_ == "ccomp":
            return lex.in_class(anc.head.lemma_, "speech")
        if anc.dep_ not in ("xcomp", "conj"):
            return False
    return False


def _after(value: str | None, published: dt.date | None) -> bool:
    """Whether a TIMEX3 value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www) starts after the publication date."""
    if not value or published is None:
        return False
    try:
        if re.fullmatch(r"\d{4}-W\d{2}", value):
            start = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            start = dt.date.fromisoformat(value)
        elif re.fullmatch(r"\d{4}-\d{2}", value):
            start = dt.date(int(value[:4]), int(value[5:7]), 1)
        elif re.fullmatch(r"\d{4}", value):
            start = dt.date(int(value), 1, 1)
        else:
            return False
    except ValueError:
        return False
    return start > published


def _according_to(sent: Span) -> bool:
    return any(t.lower_ == "according" and t.i + 1 < sent.end and sent.doc[t.i + 1].lower_ == "to"
               for t in sent)


def _claim_at(doc: Doc, char: int) -> Claim | None:
    best: Claim | None = None
    for claim in doc._.claims or []:
        if claim.start <= char < claim.end and (best is None or claim.end - claim.start < best.end - best.start):
            best = claim
    return best


def _place(doc: Doc, start: int, end: int) -> int | None:
    places: list[Place] = doc._.places or []
    for n, place in enumerate(places):
        if start <= place.start and place.end <= end and place.stands_for is None:  # not "Moscow" said
            return n
    return None


def _clause_time(doc: Doc, f: Found) -> Time | None:
    """A time expression inside the trigger's own clause (not in a clause nested in it), nearest first."""
    times: list[Time] = [t for t in doc._.times or [] if is_datable(t)]  # "for three months" dates nothing
    sent = f.trigger.sent
    mine = [t for t in times if sent.start_char <= t.start < sent.end_char and _time_in_clause(doc, t, f)]
    return min(mine, key=lambda t: abs(t.start - f.trigger.idx), default=None)


def _target_of(noun: Token, lex: Lexicon) -> Token | None:
    """X in "X was the target of <noun>" / "<noun> targeted X": the phrase the event's "target" noun
    is predicated of (through a copula, a relative clause or an apposition)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lemma_.lower() != "of" or not lex.in_class(prep.head.lemma_, "target_nouns"):
        return None
    role = prep.head
    if role.dep_ == "attr":
        return subject_of(role.head)
    if role.dep_ == "appos":
        return role.head
    return None


def _purpose_clause(verb: Token) -> bool:
    """"visited X to hold talks ... in 2000": an infinitive of purpose shares its main clause's time."""
    return verb.dep_ == "advcl" and to_infinitive(verb)


def _time_in_clause(doc: Doc, t: Time, f: Found) -> bool:
    """Whether a time expression hangs (through the parse) from the trigger or its clause's verb without
    crossing into a clause of its own (a relative clause, a reported clause, a participle)."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    anchors = {f.trigger.i} | ({f.clause_verb.i} if f.clause_verb is not None else set())
    node = span.root
    while True:
        if node.i in anchors:
            return True
        if node.pos_ in ("VERB", "AUX") and node.dep_ in NESTED_CLAUSE_DEPS and not _purpose_clause(node):
            return False
        if node.head == node:
            return False
        node = node.head


@Language.factory(
    "newsgraph_events",
    requires=["token.dep", "doc._.actors", "doc._.places", "doc._.times", "doc._.quantities", "doc._.quotes",
              "doc._.claims"],
    assigns=["doc._.events"],
    default_config={"keep_unreal": False},
)
def make_events(nlp: Language, name: str, keep_unreal: bool) -> EventsComponent:
    return EventsComponent(keep_unreal=keep_unreal)

