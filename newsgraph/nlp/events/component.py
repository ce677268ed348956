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
answers ("rejected a U.S. request"); a demand is aimed at the party what it asks for is on or against
("called for pressure on the junta"); a condition makes a planned act a threat or a promise ("will
withdraw unless ...") addressed to whoever must act; a refusal of a cooperative act is a REJECT.

Status comes from the clause (negation, "if", "will", modals, "reportedly", "reports suggesting that")
and from the claim that contains the trigger (reported/hedged claims); time from the times stage (only
a date of the event's own clause), else the publication date. What did not or might happen (negated,
hypothetical) is not coded by default (``keep_unreal``): PLOVER codes events, and such statements stay
claims with that modality. Finally one real event stated several times in the article becomes one
Event with every statement in ``Event.mentions`` (newsgraph/nlp/events/coref.py).

Every decision is a named rule (``rules.py``: ``events.<step>.<rule>``, in the order the stage applies
them); each event records the rule that produced it (its trigger rule) and every rule that changed it, with
the words it read (``Event.rule``, ``Event.trace``: ``newsgraph explain``), and any rule can be switched
off in the config (``rules_off``). The modules, in the order of the work: ``triggers.py`` (which words
state an event), ``verbal.py`` and ``nominal.py`` (participants of a verb's clause and of a noun's phrase),
``targets.py`` (the target rules both share), ``overlaps.py`` (one event per statement), ``output.py``
(filters, type changes, time, place) with ``status.py``, ``coref.py`` (restatements); ``participants.py``
is the actor index (tokens to actors, collectives, places as states, pronouns), ``lexicon.py`` reads the
word lists (newsgraph/resources/plover/, newsgraph/resources/lexicons/events/), ``found.py`` holds the
event while it is built and the document's context. The parse helpers are newsgraph/nlp/syntax.py.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.model import Actor, Event
from newsgraph.nlp.actors.lexicon import actor_code
from newsgraph.nlp.events import rules as R
from newsgraph.nlp.events.coref import Anchor, Restatements, corefer
from newsgraph.nlp.events.found import Context, Found, Settings
from newsgraph.nlp.events.lexicon import Lexicon, load_lexicon
from newsgraph.nlp.events.nominal import nominal
from newsgraph.nlp.events.output import to_event
from newsgraph.nlp.events.overlaps import (
    answer_accusations,
    merge_linked,
    resolve_overlaps,
    sentence_targets,
    share_targets,
)
from newsgraph.nlp.events.participants import ActorIndex, register_groups, register_places
from newsgraph.nlp.events.triggers import NAME_ENTITIES, must_requests, noun_candidate, noun_entry, toll, verb_entry
from newsgraph.nlp.events.verbal import verbal
from newsgraph.nlp.rules import RuleTable

UNREAL = frozenset({"negated", "hypothetical"})


class EventsComponent:
    """The events stage: ``__call__`` finds the events of each sentence, turns them into Events, merges
    restatements and registers the stand-in actors the events name."""

    def __init__(self, lexicon: Lexicon | None = None, keep_unreal: bool = False, rules: RuleTable | None = None,
                 settings: Settings | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self.rules = rules or R.RULES
        # PLOVER codes what happened, is reported, planned or expected; a statement that something did
        # not or might happen stays a claim (its modality says so) unless keep_unreal is set.
        self.settings = settings or Settings(keep_unreal=keep_unreal)
        self.code_of: Callable[[Actor], str | None] = actor_code

    def __call__(self, doc: Doc) -> Doc:
        ctx = self.context(doc)
        found = find_events(ctx)
        doc._.events = self.set_annotations(ctx, found)
        return doc

    def context(self, doc: Doc) -> Context:
        """What the rules read while they work on this document."""
        index = ActorIndex(doc, doc._.actors or [], self.code_of, self.lex, self.rules,
                           self.settings.pronoun_sentences)
        return Context(doc, self.lex, self.rules, index, self.code_of, self.settings)

    def set_annotations(self, ctx: Context, found: list[Found]) -> list[Event]:
        """The Events of the found events, restatements merged, numbered; stand-in actors registered."""
        doc = ctx.doc
        events: list[Event] = []
        anchors: dict[int, Anchor] = {}
        sentence_of = {s.start: n for n, s in enumerate(doc.sents)}
        for f in found:
            ev = to_event(ctx, f)
            if ev is not None and (self.settings.keep_unreal or ev.status not in UNREAL):
                events.append(ev)
                anchors[id(ev)] = Anchor(f.trigger.lemma_.lower(), sentence_of[f.trigger.sent.start])
        events.sort(key=lambda e: (e.start, e.trigger or (0, 0)))
        links = Restatements(anchors, doc._.places or [], self.rules, self.settings.restatement_sentences,
                             self.settings.restatement_stem)
        events = corefer(events, links, doc._.times or [], doc._.quantities or [])
        events.sort(key=lambda e: (e.start, e.trigger or (0, 0)))
        register_groups(doc, events, ctx.index)
        register_places(doc, events)
        for n, ev in enumerate(events, 1):
            ev.id = f"E{n}"
        return events


def find_events(ctx: Context) -> list[Found]:
    """The events of every sentence, then the document-level rules over them."""
    found: list[Found] = []
    for sent in ctx.doc.sents:
        found.extend(sentence_events(ctx, sent))
    answer_accusations(ctx, found)
    return found


def sentence_events(ctx: Context, sent: Span) -> list[Found]:
    """The triggers of a sentence with their participants, one event per statement."""
    found: dict[int, Found] = {}
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX"):
            hit = verb_entry(ctx, tok)
            if hit is not None and not toll(ctx, tok, hit[1]):
                found[tok.i] = verbal(ctx, tok, hit[1], hit[0])
                continue
        if tok.ent_type_ in NAME_ENTITIES and ctx.on(R.NAME):
            continue  # "the Democratic Rally" is a party, not a rally
        if noun_candidate(ctx, tok):
            hit = noun_entry(ctx, tok)
            if hit is not None:
                found[tok.i] = nominal(ctx, tok, hit[1], hit[0])
    must_requests(ctx, sent, found)
    resolve_overlaps(ctx, found)
    merge_linked(ctx, found)
    share_targets(ctx, found)
    sentence_targets(ctx, found)
    return list(found.values())


@Language.factory(
    "newsgraph_events",
    requires=["token.dep", "doc._.actors", "doc._.places", "doc._.times", "doc._.quantities", "doc._.quotes",
              "doc._.claims"],
    assigns=["doc._.events"],
    default_config={"keep_unreal": False, "rules_off": [], "restatement_sentences": 1, "restatement_stem": 5,
                    "pronoun_sentences": 1},
)
def make_events(nlp: Language, name: str, keep_unreal: bool, rules_off: list[str] | None = None,
                restatement_sentences: int = 1, restatement_stem: int = 5,
                pronoun_sentences: int = 1) -> EventsComponent:
    """The events component. ``rules_off``: names of rules to switch off (the events stage takes its own,
    ``events.*``); ``restatement_sentences``: how far apart two one-sided statements may be and still be
    one event; ``restatement_stem``: how many letters of two trigger lemmas make them one word;
    ``pronoun_sentences``: how many sentences back a pronoun's antecedent may be named."""
    settings = Settings(keep_unreal, restatement_sentences, restatement_stem, pronoun_sentences)
    return EventsComponent(rules=R.RULES.switched_off(rules_off or []), settings=settings)
