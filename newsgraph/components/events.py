"""The events stage: PLOVER events from verb and noun triggers over the dependency parse.

For each sentence the stage finds triggers (a verb or a noun whose lemma is in the PLOVER lexicons of
newsgraph/resources/plover/ and whose conditions hold), reads their participants off the parse —
subject / "by" agent / possessor or demonym of a nominal as source, object / "to", "with", "against",
"of" objects as target, the demonym of a moved or given thing ("North Korean troops") as source — and
turns the participants into actor codes through ``doc._.actors``. An event with neither a source nor a
target code is dropped: an event nobody does to anybody is noise for the user.

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
Event with every statement in ``Event.mentions`` (newsgraph/components/events_coref.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.components.events_coref import Anchor, corefer
from newsgraph.components.events_lexicon import Entry, Lexicon, load_lexicon
from newsgraph.components.extensions import doc_text
from newsgraph.model import Actor, Claim, Event, EventStatus, Place, Time

# Types whose participants act together: "X and Y met" makes each both source and target.
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
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
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
# Dependents that stay inside a noun phrase when we look for the actors it names.
NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "flat", "npadvmod", "nummod", "case"})
UNREAL = frozenset({"negated", "hypothetical"})
# Ids of the stand-in actors of places (never written out as actor ids).
PLACE_ID = "place:"
# Prepositions whose place object can stand for the state acted upon.
PLACE_PREPS = frozenset({"in", "to", "into", "at", "inside"})
# Actors named enough to carry an event without a code ("Askar Akayev", "the Fatah Party").
NAMED_KINDS = frozenset({"person", "organization", "group", "state"})
# Clauses whose dates are their own: a time inside one does not date the clause above it.
NESTED_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "csubj", "pcomp", "advcl", "parataxis"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
HYPOTHETICAL_MODALS = frozenset({"could", "might", "may", "would"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Predicates whose "to"-complement is a forecast, not a fact (intentions are a class in themes.tsv).
EXPECT_VERBS = frozenset({"expect", "likely", "set", "due"})
REPORT_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "apparently", "supposedly"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "we", "our"})
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


class EventsComponent:
    def __init__(self, lexicon: Lexicon | None = None, keep_unreal: bool = False) -> None:
        self.lex = lexicon or load_lexicon()
        # PLOVER codes what happened, is reported, planned or expected; a statement that something did
        # not or might happen stays a claim (its modality says so) unless this is set.
        self.keep_unreal = keep_unreal
        self._actor_code, self._governing_time = _optional_helpers()

    def __call__(self, doc: Doc) -> Doc:
        index = _actor_index(doc, doc._.actors or [], self._actor_code, self.lex)
        found: list[Found] = []
        for sent in doc.sents:
            found.extend(self._sentence_events(sent, index))
        events: list[Event] = []
        anchors: dict[int, Anchor] = {}
        sentence_of = {s.start: n for n, s in enumerate(doc.sents)}
        for f in found:
            ev = self._to_event(doc, f)
            if ev is not None and (self.keep_unreal or ev.status not in UNREAL):
                events.append(ev)
                anchors[id(ev)] = Anchor(f.trigger.lemma_.lower(), sentence_of[f.trigger.sent.start])
        events.sort(key=lambda e: (e.start, e.trigger or (0, 0)))
        events = corefer(events, anchors, doc._.times or [], doc._.places or [], doc._.quantities or [])
        events.sort(key=lambda e: (e.start, e.trigger or (0, 0)))
        for n, ev in enumerate(events, 1):
            ev.id = f"E{n}"
        doc._.events = events
        return doc

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
        return list(found.values())

    def _toll(self, verb: Token, entry: Entry) -> bool:
        """"600,000 soldiers have been killed in the war": a toll of a whole conflict, with nobody doing
        it, is a figure about that conflict (the quantities stage has it), not one event."""
        if entry.type != "ASSAULT" or not _is_passive(verb) or _agent(verb) is not None:
            return False
        heads = [verb, *verb.conjuncts]  # "killed or wounded in the war"
        return any(self.lex.in_class(p.lemma_, "conflict") for h in heads
                   for p in _pobjs(h, {"in", "during", "since", "throughout"}))

    def _verb_entry(self, tok: Token) -> Entry | None:
        for entry in self.lex.verbs.get(tok.lemma_.lower(), ()):
            if entry.preps and not (_prep_lemmas(tok) & entry.preps):
                continue
            if entry.needs_object and not any(c.dep_ == "dobj" for c in tok.children):
                continue
            if entry.no_clause and any(c.dep_ == "ccomp" for c in tok.children):
                continue
            if entry.no_xcomp and any(c.dep_ == "xcomp" for c in tok.children):
                continue
            if entry.commit and not _commits(tok):
                continue
            if entry.theme and not _theme_matches(self.lex, _theme_tokens(tok), entry):
                continue
            return entry
        return None

    def _noun_entry(self, tok: Token) -> Entry | None:
        for entry in self.lex.nouns.get(tok.lemma_.lower(), ()):
            if entry.mods and not ({c.lemma_.lower() for c in tok.children
                                    if c.dep_ in ("compound", "amod", "nmod")} & entry.mods):
                continue
            if entry.preps:
                preps = _prep_lemmas(tok)
                if tok.dep_ in OBJECT_DEPS:
                    preps |= _prep_lemmas(tok.head)
                if not preps & entry.preps:
                    continue
            if entry.theme and not _theme_matches(self.lex, _pobjs(tok, {"of"}), entry):
                continue
            return entry
        return None

    def _must_requests(self, sent: Span, found: dict[int, Found], index: ActorIndex) -> None:
        """"X said Y must do Z" is a demand: a REQUEST from X to Y (the PLOVER manual's reading of "must")."""
        for tok in sent:
            if tok.dep_ != "ccomp" or not self.lex.in_class(tok.head.lemma_, "speech"):
                continue
            if not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children):
                continue
            speaker, subject = _subject(tok.head), _subject(tok)
            if speaker is None or subject is None:
                continue
            for t in tok.subtree:
                found.pop(t.i, None)
            f = Found(tok, Entry("REQUEST", None), clause_verb=tok)
            f.sources, f.targets = index.np_actors(speaker), index.np_actors(subject)
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
            if entry.type == "REQUEST" and noun_objs and noun_objs[0].sources:
                # "demanded the withdrawal of Serbian forces": asked of the one who is to do it
                f.targets = list(noun_objs[0].sources)
            if noun_objs and entry.absorb:
                for n in noun_objs:
                    del found[n.trigger.i]
                    _borrow(f, n)
            elif noun_objs and (entry.light or noun_objs[0].entry.type == entry.type):
                del found[i]  # "imposed sanctions", "signed an agreement": the noun is the event
                continue
            if entry.control:
                for comp in tok.children:
                    if comp.dep_ in ("xcomp", "ccomp", "prep") or (comp.dep_ == "dobj" and entry.type != "REQUEST"):
                        for t in comp.subtree:
                            if t.i != i and t.i in found:
                                inner = found.pop(t.i)
                                _borrow(f, inner)
                                if (f.entry.type == "AGREE" and t == comp
                                        and INTENT_TYPES.get(inner.entry.type) == "THREATEN"):
                                    # "vowed to retaliate": a promise of violence is a threat
                                    f.entry = dataclasses.replace(f.entry, type="THREATEN", mode=None)
        for i in sorted(found):
            f = found.get(i)
            if f is None or f.trigger.pos_ in ("VERB", "AUX") or f.entry.type not in CONTROL_NOUN_TYPES:
                continue
            # "its demand that Israel ease restrictions": the clause is what is demanded, not an event
            for comp in f.trigger.children:
                if comp.dep_ in ("acl", "ccomp", "relcl") and comp.pos_ in ("VERB", "AUX") and any(
                        c.dep_ == "mark" for c in comp.children):
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
        passive = _is_passive(verb)
        subject = _subject(verb)
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
            if obj_actors:
                f.targets += obj_actors
                f.parts.append(obj)
        if theme is not None:
            f.parts.append(theme)
            if not f.sources:
                f.sources += index.np_actors(theme)
            for p in _pobjs(theme, _target_preps(entry.type)):
                if not f.targets:
                    f.targets += index.np_actors(p)
                    f.parts.append(p)
        if not f.targets:
            self._prep_targets(f, verb, index)
        if not f.targets and any(o.lemma_.lower() in index.group_heads for o in objects):
            # "addressed officials at NATO headquarters": the people met belong to where they are met
            for p in _pobjs(verb, {"at"}):
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
        if not f.targets and entry.type in CLAUSE_TARGET_TYPES:
            # "demanded that Hamas renounce ...", "accused Moscow of ...": the addressee is the clause's subject.
            for comp in (c for c in verb.children if c.dep_ == "ccomp"):
                comp_subject = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
                if comp_subject is not None:
                    f.targets += index.np_actors(comp_subject)
                    f.parts.append(comp_subject)
        if not f.targets and entry.type in RESPONSE_TYPES:
            self._author_target(f, verb, index)
        if not f.targets:
            # "threatened to strike unless Israel rescinded ...": the one who must act is addressed
            self._condition_target(f, verb, index)
        self._symmetric(f, subject, index)
        if not f.targets:
            xcomps = [c for c in verb.children if c.dep_ == "xcomp"]
            heads = [verb, *objects, *xcomps, *(o for x in xcomps for o in x.children if o.dep_ == "dobj")]
            self._place_target(f, heads, index)
        return f

    def _author_target(self, f: Found, verb: Token, index: ActorIndex) -> None:
        """"rejected a U.S. request", "rejected North Korea's demand", "rejected calls by Belarus's rulers",
        "is opposed to French mediation": a response is aimed at the author of what it answers."""
        said = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        said += _pobjs(verb, {"to"})
        for obj in said:
            if obj.lemma_.lower() not in self.lex.nouns and not self.lex.in_class(obj.lemma_, "statement"):
                continue
            authors = [a for c in obj.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                       for a in index.np_actors(c)]
            authors += [a for p in _pobjs(obj, {"by", "from"}) for a in index.np_actors(p)]
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
        f = Found(noun, entry, clause_verb=_governing_verb(noun))
        f.parts.append(noun)
        # "a mediation effort between X and Y": the compound's head carries the arguments.
        anchor = noun
        while anchor.dep_ == "compound" and anchor.head.pos_ in ("NOUN", "PROPN"):
            anchor = anchor.head
        for c in anchor.children:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c != noun):
                f.sources += index.np_actors(c)
        for agent in _pobjs(anchor, {"by"}):
            f.sources += index.np_actors(agent)
        of_objects = _pobjs(anchor, {"of"})
        if entry.type in THEME_TYPES:
            for theme in of_objects:
                if not f.sources:
                    f.sources += index.np_actors(theme, own_head=False)
                for p in _pobjs(theme, _target_preps(entry.type)):
                    f.targets += index.np_actors(p)
        else:
            for obj in of_objects:
                f.targets += index.np_actors(obj)
        if not f.targets:
            self._prep_targets(f, anchor, index)
        if not f.targets and entry.type in CLAUSE_TARGET_TYPES:
            # "its demand that Israel ease restrictions", "a declaration demanding that the government ...":
            # the one the clause asks to act is addressed
            for comp in (c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")):
                if any(m.dep_ == "mark" for m in comp.children):
                    subj = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
                    if subj is not None:
                        f.targets += index.np_actors(subj)
                        f.parts.append(subj)
        for between in _pobjs(anchor, {"between", "among"}):
            both = index.np_actors(between)
            f.sources += both
            f.targets += both
        head = anchor.head
        # "X launched an attack on Y", "X held talks with Y": the support verb's subject is the source.
        if anchor.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            if anchor.dep_ == "dobj" and self.lex.in_class(head.lemma_, "victim_verbs"):
                # "Tunisia is facing terrorist attacks": the subject suffers the act
                subj = _subject(head)
                if subj is not None and not f.targets:
                    f.targets += index.np_actors(subj)
                    f.parts.append(subj)
            elif not f.sources:
                subj = _subject(head) if anchor.dep_ == "dobj" else _agent(head)
                if subj is not None:
                    f.sources += index.np_actors(subj)
                    f.parts.append(subj)
            if not f.targets:
                for dative in (c for c in head.children if c.dep_ == "dative"):
                    f.targets += index.np_actors(dative)
                    f.parts.append(dative)
            if not f.targets:
                self._prep_targets(f, head, index)
            head_entry = self._verb_entry(head)
            f.support_verb = head_entry is None or head_entry.light or head_entry.type == entry.type
            if f.support_verb:
                f.clause_verb = head
        elif not f.targets and (victim := _target_of(anchor, self.lex)) is not None:
            # "the region that was the target of a Ukrainian incursion": the one targeted is the target
            f.targets += index.np_actors(victim, deep=True)
            f.parts.append(victim)
        elif (anchor.dep_ == "pobj" and head.lemma_.lower() in PARTICIPATION_PREPS
              and head.head.pos_ in ("VERB", "AUX") and self._verb_entry(head.head) is None):
            # "were engaged in ethnic cleansing", "remained on alert", "converged for a rally"
            verb = head.head
            if not f.sources:
                subj = _subject(verb)
                if subj is not None and not _is_passive(verb):
                    f.sources += index.np_actors(subj)
                    f.parts.append(subj)
            if not f.targets:
                self._prep_targets(f, verb, index)
            f.clause_verb, f.support_verb = verb, True
        self._symmetric(f, None, index)
        if not f.targets:
            heads = [anchor] + ([f.clause_verb] if f.clause_verb is not None else [])
            self._place_target(f, heads, index)
        return f

    def _place_target(self, f: Found, heads: list[Token], index: ActorIndex) -> None:
        """The state of the place where the act lands, when no actor is its target: "arrived in Amman",
        "evacuate settlements in the Gaza Strip" (not the source's own country)."""
        own = set(_codes(f.sources, self._actor_code))
        preps = PLACE_PREPS | {"from"} if f.entry.type == "RETREAT" else PLACE_PREPS  # "withdrew from X"
        for h in heads:
            for p in _pobjs(h, preps):
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
            heads += [c for c in head.children if c.dep_ == "dobj"]
        for h in heads:
            for p in _pobjs(h, preps):
                actors = index.np_actors(p, deep=True)
                if actors:
                    f.targets += actors
                    f.parts.append(p)
                    return

    def _symmetric(self, f: Found, subject: Token | None, index: ActorIndex) -> None:
        """"Putin and Kim met": each side of a joint act is both source and target."""
        if f.entry.type not in SYMMETRIC:
            if not f.targets and len({a.id for a in f.sources}) > 1 and self.lex.in_class(
                    f.trigger.lemma_, "reciprocal"):
                f.targets = list(f.sources)  # "Armenia and Azerbaijan fought"
            return
        if not f.targets and len({a.id for a in f.sources}) > 1:
            f.targets = list(f.sources)
        elif f.targets and f.entry.type == "CONSULT" and f.trigger.lemma_ in ("meet", "talk", "talks", "meeting"):
            f.sources, f.targets = f.sources + f.targets, f.targets + f.sources

    def _is_theme(self, tok: Token, entry: Entry) -> bool:
        if entry.type not in THEME_TYPES and not entry.light:
            return False
        nouns = [tok, *_pobjs(tok, {"of"})]  # "a first patch of Bangladeshi troops"
        return any(self.lex.in_class(n.lemma_.lower(), c) for n in nouns
                   for c in ("military", "weapon", "aid", "police"))

    # ---------------------------------------------------------------------------------- output
    def _to_event(self, doc: Doc, f: Found) -> Event | None:
        if f.entry.type not in SYMMETRIC and not self.lex.in_class(f.trigger.lemma_, "reciprocal"):
            own = {a.id for a in f.sources}
            f.targets = [a for a in f.targets if a.id not in own]  # an actor is not its own target
        source = _codes(f.sources, self._actor_code)
        target = _codes(f.targets, self._actor_code)
        if not source and not target and not any(_named(doc, a) for a in f.sources + f.targets):
            return None  # nobody named does it to anybody named
        start, end = _evidence(f)
        trig = f.trigger
        status, claim = _status(doc, f, self.lex)
        type_, mode = f.entry.type, _mode(self.lex, f)
        if status == "negated" and type_ in REFUSABLE and _refusal(f):
            # "will not accept more refugees", "failed to reach agreement": PLOVER codes a refusal as REJECT
            type_, mode, status = "REJECT", None, "occurred"
        condition = _condition(f) if status == "planned" else None
        if condition is not None and (condition == "unless" or type_ not in COOPERATIVE):
            # "will withdraw its force unless ...", "would attack if ...": an act held over someone
            type_, mode, status = "THREATEN", None, "occurred"
        elif condition is not None:
            type_, mode, status = "AGREE", None, "occurred"  # "would meet him if ...": a conditional offer
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
            source_actors=_ids(f.sources),
            target_actors=_ids(f.targets),
            trigger=(trig.idx, trig.idx + len(trig.text)),
            place=_place(doc, start, end),
            time=time,
            time_from=time_from,
            claim=claim.id if claim else None,
        )

    def _time(self, doc: Doc, f: Found, start: int, end: int) -> tuple[str | None, str | None]:
        t: Time | None = None
        if self._governing_time is not None:
            t = self._governing_time(doc, f.trigger.idx, f.trigger.idx + len(f.trigger.text))
            if t is not None and not _time_in_clause(doc, t, f):
                t = None  # a date of another clause ("the region that was the target of an incursion in August")
        if t is None:
            t = _clause_time(doc, f)
        if t is not None:
            return t.value, "text"
        if doc._.published is not None:
            return doc._.published.isoformat(), "published"
        return None, None


# ---------------------------------------------------------------------------------- actors
class ActorIndex:
    """Which actor each token belongs to, and pronoun resolution to the nearest fitting actor before it."""

    def __init__(self, doc: Doc, actors: list[Actor], code_of: Callable[[Actor], str | None],
                 lex: Lexicon) -> None:
        self.doc = doc
        self.code_of = code_of
        self.military = lex.themes.get("military", frozenset())
        # Heads that stand for their group: "officials of X", "groups in Zimbabwe", "a patch of troops".
        self.group_heads = lex.themes.get("group_heads", frozenset())
        self.by_token: dict[int, Actor] = {}  # the coded actor of a token where there is one
        self.uncoded: dict[int, Actor] = {}  # else the actor without a code ("Senior officials")
        self.mentions: list[tuple[int, Actor]] = []  # (token index of the mention head, actor)
        for actor in actors:
            for m in actor.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                table = self.by_token if code_of(actor) else self.uncoded
                for tok in span:
                    table.setdefault(tok.i, actor)
                self.mentions.append((span.start, actor))
        self.mentions.sort(key=lambda x: x[0])
        # Places that no actor covers, standing for their state where one is acted upon there
        # ("arrived in Amman", "lifted the curfew in Montenegro"): read only as targets.
        self.places: dict[int, Actor] = {}
        for n, place in enumerate(doc._.places or []):
            if not place.country:
                continue
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is None or any(t.i in self.by_token or t.i in self.uncoded for t in span):
                continue
            stand_in = Actor(f"{PLACE_ID}{n}", place.name, "state", code=place.country)
            for tok in span:
                self.places.setdefault(tok.i, stand_in)

    def place_actors(self, head: Token) -> list[Actor]:
        """The states of the places a phrase names (its head and conjuncts, or their "of" objects)."""
        out = []
        for tok in [head, *head.conjuncts]:
            hits = [self.places[t.i] for t in tok.subtree if t.i in self.places]
            out += hits[:1]
        return _unique(out)

    def np_actors(self, head: Token, own_head: bool = True, deep: bool = False) -> list[Actor]:
        """The actors a noun phrase names: its head, modifiers, possessor, apposition, conjuncts.

        ``deep`` also reads the "of"/"for" object of a head that names none ("positions of X" is X's):
        right for a target, too loose for a source.
        """
        out: list[Actor] = []
        for tok in [head, *head.conjuncts]:
            found = self._phrase(tok) if own_head else [a for c in tok.children if c.dep_ in NP_DEPS
                                                        for a in self._phrase(c)]
            if not any(self.code_of(a) for a in found) and (deep or tok.lemma_.lower() in self.group_heads):
                # "officials of X", "groups in Zimbabwe" (not "troops in X": troops are often foreign there)
                preps = {"of", "from", "at"} if self.lex_military(tok) else {"of", "from", "at", "in", "for"}
                for p in _pobjs(tok, preps):
                    found += self._phrase(p)
                    if not any(self.code_of(a) for a in found):
                        found += self.place_actors(p)  # "demonstrators in Baghdad" are Iraq's
            out += found
        return _unique(out)

    def lex_military(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.military

    def _phrase(self, tok: Token) -> list[Actor]:
        """Coded actors first: "Senior Hungarian and Romanian officials" (a group without a code) is read
        through its modifiers as Hungary and Romania; the uncoded actor is the answer only when none is."""
        if _opposed(tok):
            return []  # "an anti-Houthi coalition" is against the Houthis, not theirs
        if tok.i in self.by_token:
            return [self.by_token[tok.i]]
        if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
            resolved = self.resolve_pronoun(tok)
            return [resolved] if resolved else []
        out: list[Actor] = []
        for c in tok.children:
            if c.dep_ in NP_DEPS and c.dep_ != "case":
                out += self._phrase(c)
        if not any(self.code_of(a) for a in out) and tok.i in self.uncoded:
            return [self.uncoded[tok.i], *out]
        return out

    def resolve_pronoun(self, pron: Token) -> Actor | None:
        """The nearest preceding actor of a fitting kind, within the sentence and the one before."""
        word = pron.lower_
        if word not in PERSON_PRONOUNS and word not in GROUP_PRONOUNS:
            return None
        sent = pron.sent
        floor = sent.start
        if sent.start > 0:
            floor = self.doc[sent.start - 1].sent.start
        # Prefer the subject of the reporting verb governing the pronoun: "X said it would ...".
        for anc in pron.ancestors:
            if anc.dep_ in ("ccomp", "xcomp") and anc.head.pos_ in ("VERB", "AUX"):
                subj = _subject(anc.head)
                if subj is not None and subj.i != pron.i:
                    fitting = [a for a in self._phrase(subj) if _fits(word, a)]
                    if fitting:
                        return fitting[0]
                break
        for i, actor in reversed(self.mentions):
            if floor <= i < pron.i and _fits(word, actor) and _in_subject(self.doc[i]):
                return actor
        return None


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
                        and _governing_verb(t) == f.trigger):
                    _borrow(f, inner)
                    del found[t.i]
        linked = [c for c in f.trigger.children if c.dep_ in ("conj", "xcomp", "advcl")]
        for comp in linked:
            for t in comp.subtree if comp.dep_ != "conj" else [comp]:
                inner = found.get(t.i)
                if inner is not None and t.i != i and inner.entry.type == f.entry.type:
                    _borrow(f, inner)
                    del found[t.i]


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


def _opposed(tok: Token) -> bool:
    """A modifier like "anti-Houthi" (one token, or "anti" "-" "Houthi")."""
    if tok.dep_ not in ("amod", "compound", "nmod"):
        return False
    if tok.lower_.startswith("anti-"):
        return True
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("anti", "non")


def _in_subject(tok: Token) -> bool:
    """Whether a token is inside a subject: the usual antecedent of a pronoun in news prose."""
    for t in [tok, *tok.ancestors]:
        if t.dep_ in SUBJECT_DEPS:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def _named(doc: Doc, actor: Actor) -> bool:
    """An actor named in the text ("Askar Akayev", "the Fatah Party"), though without a code: an event
    it takes part in is worth keeping; "officials", "some analysts" are not enough on their own."""
    if actor.kind not in NAMED_KINDS or not actor.mentions or actor.id.startswith(PLACE_ID):
        return False
    span = doc.char_span(actor.mentions[0].start, actor.mentions[0].end, alignment_mode="expand")
    return span is not None and any(t.pos_ == "PROPN" for t in span)


def _fits(pronoun: str, actor: Actor) -> bool:
    if pronoun in PERSON_PRONOUNS:
        return actor.kind == "person"
    if pronoun in ("it", "its"):
        return actor.kind != "person"
    return True


def fallback_actor_code(actor: Actor) -> str | None:
    """The code an actor acts for: its own state/IGO code, else its affiliation, else its country."""
    return actor.code or actor.affiliation or actor.country


def _optional_helpers() -> tuple[Callable[[Actor], str | None], Callable[..., Time | None] | None]:
    """The actors stage's actor_code and the times stage's governing_time, where those stages have them."""
    code: Callable[[Actor], str | None] = fallback_actor_code
    governing: Callable[..., Time | None] | None = None
    try:
        from newsgraph.components import actors as actors_mod

        code = getattr(actors_mod, "actor_code", None) or fallback_actor_code
    except ImportError:  # pragma: no cover - the stage module always exists in the package
        pass
    try:
        from newsgraph.components import times as times_mod

        governing = getattr(times_mod, "governing_time", None)
    except ImportError:  # pragma: no cover
        pass
    return code, governing


def _codes(actors: Iterable[Actor], code_of: Callable[[Actor], str | None]) -> list[str]:
    out: list[str] = []
    for a in actors:
        code = code_of(a)
        if code and code not in out:
            out.append(code)
    return out


def _ids(actors: Iterable[Actor]) -> list[str]:
    return [a.id for a in _unique(list(actors)) if not a.id.startswith(PLACE_ID)]


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for a in actors:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


# ---------------------------------------------------------------------------------- parse helpers
def _prep_lemmas(tok: Token) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in ("prep", "prt", "agent", "dative")}


def _pobjs(tok: Token, preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "prt", "dative", "agent") and c.lemma_.lower() in wanted:
            out += [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
            # "in towards the front": a preposition chained to another one
            out += [p for pp in c.children if pp.dep_ == "prep" for p in pp.children if p.dep_ == "pobj"]
        elif c.dep_ == "prt":
            # "kidnapped up to 16 advisers" parsed as a particle with a preposition under it
            out += [p for pp in c.children if pp.dep_ == "prep" and pp.lemma_.lower() in wanted
                    for p in pp.children if p.dep_ == "pobj"]
    return out


def _target_preps(type_: str) -> frozenset[str]:
    return TARGET_PREPS.get(type_, TARGET_PREPS["default"])


def _subject(verb: Token) -> Token | None:
    """The verb's subject, inherited through xcomp/conj/advcl/relcl/acl when the verb has none of its own."""
    seen = 0
    while seen < 4:
        seen += 1
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            if subj.tag_ == "WDT" and verb.dep_ == "relcl":
                return verb.head
            return subj
        if verb.dep_ in ("acl", "relcl"):
            return verb.head
        if verb.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "acomp") or verb.head == verb:
            return None
        if verb.dep_ == "xcomp":
            # object control: "urged the EU to support" -> the EU
            obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        verb = verb.head
    return None


def _is_passive(verb: Token) -> bool:
    """Passive voice, inherited by a bare conjunct: "were killed or wounded"."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children):
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)
    return False


def _agent(verb: Token) -> Token | None:
    return next((p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)


def _theme_tokens(verb: Token) -> list[Token]:
    """What is moved or given: the object, else the passive or intransitive subject."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if objs:
        # "25,000 tons of food aid": a measure's "of" object is the thing itself
        return objs + [p for o in objs for p in _pobjs(o, {"of"})]
    subj = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
    if subj:
        return subj + [p for o in subj for p in _pobjs(o, {"of"})]  # "a first patch of troops"
    if verb.dep_ == "acl":
        return [verb.head]
    return []


def _theme_matches(lex: Lexicon, tokens: list[Token], entry: Entry) -> bool:
    """Whether the theme nouns (their conjuncts and compounds too: "mediation efforts") are of the class."""
    nouns = [t for tok in tokens for t in [tok, *tok.conjuncts]]
    nouns += [c for t in nouns for c in t.children if c.dep_ == "compound"]
    hit = any(lex.in_class(t.lemma_, entry.theme or "") for t in nouns)
    return not hit if entry.theme_negated else hit


def _governing_verb(tok: Token) -> Token | None:
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


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
    if any(s.lemma_.lower() == "fail" for s in scope[1:]):
        return "negated", claim  # "failed to reach an agreement"
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
    if any(c.lower_ in REPORT_ADVERBS for c in kids) or any(t.lower_ in REPORT_ADVERBS for t in trig.sent):
        return "reported", claim
    # An "expected" claim dates its verb, not a noun it mentions ("will discuss the deployment").
    verbal = trig.pos_ in ("VERB", "AUX") or light_noun
    if claim is not None and claim.modality in CLAIM_STATUS and (verbal or claim.modality != "expected"):
        return CLAIM_STATUS[claim.modality], claim
    if _according_to(trig.sent) or _under_report(trig, lex):
        return "reported", claim
    return "occurred", claim


def _refusal(f: Found) -> bool:
    """A negation by the actor of its own act ("will not accept", "would not meet", "failed to reach"),
    not a report that something did not happen to someone ("had not been deployed")."""
    verb = f.clause_verb if f.clause_verb is not None else f.trigger
    if _is_passive(verb):
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
        if start <= place.start and place.end <= end:
            return n
    return None


def _clause_time(doc: Doc, f: Found) -> Time | None:
    """A time expression inside the trigger's own clause (not in a clause nested in it), nearest first."""
    times: list[Time] = doc._.times or []
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
        return _subject(role.head)
    if role.dep_ == "appos":
        return role.head
    return None


def _purpose_clause(verb: Token) -> bool:
    """"visited X to hold talks ... in 2000": an infinitive of purpose shares its main clause's time."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


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
    requires=["token.dep", "doc._.actors", "doc._.places", "doc._.times", "doc._.claims"],
    assigns=["doc._.events"],
    default_config={"keep_unreal": False},
)
def make_events(nlp: Language, name: str, keep_unreal: bool) -> EventsComponent:
    return EventsComponent(keep_unreal=keep_unreal)

