"""Who says it: a source phrase resolved to an actor (found, inferred from context, or created).

The rules, in order (``SpeakerResolver.STEPS``): a person named inside a body's mention ('African
Export-Import Bank president Okey Oramah'); an actor mention on the source's head word; for "he"/"she"/
"they" the antecedent (pronouns.py); a name in apposition ('His opponent, Biden,'); for "the NATO military
alliance" the body named inside the phrase; a person named inside it ('study co-author Ted Scambos of the
University'); for "the NATO chief" a person actor with that role, affiliation or title; for "South Korean
intelligence" an organization already named with that word. Otherwise the phrase becomes a new actor
("some analysts", "officials who spoke on condition of anonymity"), so every speaker is an actor id.
Reports and documents are not actors: they defer to their stated origin ("reports, which originated
from X"; chains.py).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsgraph.model import Actor, ActorKind, Mention, SourceLink
from newsgraph.nlp.quotes.cast import Cast
from newsgraph.nlp.quotes.chains import origin
from newsgraph.nlp.quotes.context import QuoteContext, Trail
from newsgraph.nlp.quotes.pronouns import PERSONAL_PRONOUNS, SPEAKER_PRONOUNS, Decided, Pronouns
from newsgraph.nlp.rules import changed, fired

CORE_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "case", "nmod", "quantmod", "advmod"})
LEADING_ARTICLES = frozenset({"the", "a", "an"})
LATER_SENTENCES = 3  # how far on a description met first ("the director told ...") may be named


@dataclass
class Resolution:
    speaker: str | None  # the actor the quote is credited to (the origin for a report)
    chain: list[SourceLink] = field(default_factory=list)
    second_hand: tuple[int, int] | None = None  # the words that make the source second-hand (a document...)


class SpeakerResolver:
    """Resolves source phrases of one Doc, in text order (earlier speakers inform later pronouns)."""

    def __init__(self, ctx: QuoteContext) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.lex = ctx.lex
        self.cast = Cast(ctx.doc)
        self.pronouns = Pronouns(ctx, self.cast, lambda span: self._create(span, anonymous=False)[1])

    # -- public -------------------------------------------------------------------------------------

    def resolve(self, source: Span | None, position: int, trail: Trail) -> Resolution:
        if source is None:
            return Resolution(None)
        head = source.root
        chain = [SourceLink(source.start_char, source.end_char, source.text, None, "said")]
        if self.ctx.on("quotes.speaker.document") and (
                self.lex.is_class(head.lower_, "document") or self.lex.is_class(head.lemma_, "document")):
            trail.add("quotes.speaker.document", source)
            up = self._origin(head, position, True, trail)
            if up is not None:
                chain.append(up)
            return Resolution(up.actor if up is not None else None, chain, (source.start_char, source.end_char))
        anonymous = self._anonymous(source)
        if anonymous is not None:
            trail.add("quotes.speaker.anonymous", anonymous)
        actor = self._actor_for(source, position, anonymous is not None, trail)
        if actor is not None and head.lower_ in PERSONAL_PRONOUNS:
            self.pronouns.note(actor.id, head.lower_)
        chain[0].actor = actor.id if actor else None
        up = self._origin(head, position, False, trail)
        if up is not None:
            chain.append(up)
        if actor is not None:
            self.pronouns.remember(position, actor)
        second_hand = (source.start_char, source.end_char) if anonymous is not None else None
        return Resolution(actor.id if actor else None, chain, second_hand)

    def remember(self, position: int, actor_id: str | None) -> None:
        """Record a speaker credited without a source phrase (a quote continuing an earlier one)."""
        if actor_id and actor_id in self.cast.by_id:
            self.pronouns.remember(position, self.cast.by_id[actor_id])

    def _origin(self, head: Token, position: int, document: bool, trail: Trail) -> SourceLink | None:
        found = origin(self.ctx, head, document)
        if found is None:
            return None
        rule, relation, span = found
        trail.add(rule, span)
        actor = self._actor_for(span, position, False, trail)
        return SourceLink(span.start_char, span.end_char, span.text, actor.id if actor else None, relation)

    def _anonymous(self, span: Span) -> Span | Token | None:
        """The word that marks the source as unnamed ('unnamed officials', '... on condition of anonymity')."""
        if not self.ctx.on("quotes.speaker.anonymous"):
            return None
        return next((t for t in span if self.lex.is_class(t.lower_, "anonymous")), None) or next(
            (t for t in span.sent if self.lex.listed(t.lower_, "anonymity")), None)

    # -- the source phrase to an actor --------------------------------------------------------------

    def _actor_for(self, span: Span, position: int, anonymous: bool, trail: Trail) -> Actor | None:
        for step in self.STEPS:
            decided = step(self, span, position, anonymous)
            if decided is not None:
                rule, actor, evidence = decided
                if rule is not None and actor is not None:
                    trail.add(rule, evidence)
                return actor
        return None

    def _person_in_body(self, span: Span, position: int, anonymous: bool) -> Decided | None:
        """'African Export-Import Bank president Okey Oramah', parsed with the bank as the head: the person
        the phrase names speaks, not the body it names them by."""
        covering = self.cast.covering(span.root)
        if covering is None or covering[2].kind == "person" or not self.ctx.on("quotes.speaker.person_in_body"):
            return None
        return self._person_inside(span, "quotes.speaker.person_in_body")

    def _mention(self, span: Span, position: int, anonymous: bool) -> Decided | None:
        """An actor mention on the source's head word (a person's name inside an organization's mention
        is the person, so a person's word does not take the body)."""
        head = span.root
        covering = self.cast.covering(head)
        if covering is None or not self.ctx.on("quotes.speaker.mention"):
            return None
        start, end, actor = covering
        names_person = head.lower_ in PERSONAL_PRONOUNS or head.ent_type_ == "PERSON"
        if names_person and actor.kind != "person":
            return None
        return "quotes.speaker.mention", actor, (start, end)

    def _pronoun(self, span: Span, position: int, anonymous: bool) -> Decided | None:
        head = span.root
        if head.lower_ in SPEAKER_PRONOUNS:
            return self.pronouns.antecedent(head.lower_, position)
        if head.pos_ == "PRON":
            return None, None, None  # "I", "we", "you", "someone": not resolvable here
        return None

    def _apposed_name(self, span: Span, position: int, anonymous: bool) -> Decided | None:
        """'His opponent, Biden, ...', 'the spokesman, the divisional inspector Lionel Joseph': the name in
        apposition, or in apposition to the one in apposition."""
        if not self.ctx.on("quotes.speaker.apposed_name"):
            return None
        apposed = [c for c in span.root.children if c.dep_ == "appos"]
        for child in apposed + [g for c in apposed for g in c.children if g.dep_ == "appos"]:
            if child.ent_type_ == "PERSON":
                covering = self.cast.covering(child)
                if covering is not None:
                    return "quotes.speaker.apposed_name", covering[2], covering[:2]
        return None

    def _body_in_phrase(self, span: Span, position: int, anonymous: bool) -> Decided | None:
        """'The NATO military alliance' -> NATO: a body named by a modifier of an institution noun; 'The group
        Human Rights Watch', 'the Danish company Bavarian Nordic' -> the body named in apposition to the noun."""
        head = span.root
        if not self.ctx.on("quotes.speaker.body_in_phrase"):
            return None
        for child in head.rights:
            covering = self.cast.covering(child) if child.dep_ == "appos" and child.i < span.end else None
            if covering is not None and covering[2].kind == "organization":
                return "quotes.speaker.body_in_phrase", covering[2], covering[:2]
        if not self.lex.is_class(head.lemma_, "institution"):
            return None
        for child in head.lefts:
            if child.dep_ in ("compound", "amod", "poss", "nmod"):
                covering = self.cast.covering(child)
                if covering is not None and covering[2].kind in ("organization", "state"):
                    return "quotes.speaker.body_in_phrase", covering[2], covering[:2]
        return None

    def _person_in_phrase(self, span: Span, position: int, anonymous: bool) -> Decided | None:
        if not self.ctx.on("quotes.speaker.person_in_phrase"):
            return None
        return self._person_inside(span, "quotes.speaker.person_in_phrase")

    def _person_inside(self, span: Span, rule: str) -> Decided | None:
        """'study co-author Ted Scambos of the University' -> Ted Scambos: a person named in the phrase
        itself, not as its complement ('a spokesman for Biden') or possessor ('Biden's aide')."""
        for m_start, m_end, actor in self.cast.from_(span.start_char):
            if m_start >= span.end_char:
                break
            if m_end > span.end_char or not self.cast.is_person(actor, m_start, m_end):
                continue
            words = self.doc.char_span(m_start, m_end, alignment_mode="expand")
            if words is not None and words.root.dep_ not in ("pobj", "poss") and not any(
                t.dep_ == "prep" for t in self.doc[span.start : words.start]
            ):
                return rule, actor, (m_start, m_end)
        return None

    def _by_role(self, span: Span, position: int, anonymous: bool) -> Decided | None:
        """'the NATO chief' -> the person actor whose role or affiliation the phrase names, or who was
        introduced with that title ('Chancellor Olaf Scholz ... The chancellor said')."""
        head = span.root
        if not self.ctx.on("quotes.speaker.role") or not self.lex.is_class(head.lemma_, "person") \
                or head.tag_ not in ("NN", "NNP") or has_name(head) or span[0].lower_ in ("a", "an"):
            return None  # ('a port official': someone new, not the official named before)
        words = {t.lower_ for t in span}
        title = head.lemma_.lower()
        best: tuple[Mention, Actor] | None = None
        for actor in self.cast.actors:
            titled = actor.kind in ("person", "organization") and self._titled(actor, title, position)
            if not titled and not any(self.cast.is_person(actor, m.start, m.end) for m in actor.mentions):
                continue  # (a person's title on a name shows a person, whatever the tagger thought)
            role_words = set(re.findall(r"\w+", (actor.role or "").lower()))
            affiliation = (actor.affiliation or "").lower()
            if title in role_words or (affiliation and affiliation in words) or titled:
                last = Cast.last_mention_before(actor, position)
                if last is not None and (best is None or last.start > best[0].start):
                    best = (last, actor)
        return ("quotes.speaker.role", best[1], (best[0].start, best[0].end)) if best else None

    def _titled(self, actor: Actor, title: str, position: int) -> bool:
        """The actor was named with this title before: 'Mayor John Carter', 'John Carter, the mayor,'."""
        window = self.ctx.settings.title_window
        for m in actor.mentions:
            if m.start >= position:
                continue
            words = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if words is None:
                continue
            near = self.doc[max(0, words.start - window) : words.end + window]
            inside = range(words.start, words.end)
            # the title right before the name, or hung on it (compound 'Chancellor', apposition 'the chancellor'),
            # or the name set in apposition to it, maybe through another ('the spokesman, the inspector X')
            if any(t.lemma_.lower() == title and (t.i == words.start - 1 or t.head.i in inside) for t in near) \
                    or any(self.doc[i].lemma_.lower() == title for i in _apposed_to(words.root)):
                return True
        return False

    def _org_by_word(self, span: Span, position: int, anonymous: bool) -> Decided | None:
        """'South Korean intelligence' -> an organization named earlier with that word in its name, or with that
        word set before or on its name ('the Danish company Bavarian Nordic ... The company said')."""
        head = span.root
        if not self.ctx.on("quotes.speaker.organization_word") or head.pos_ not in ("NOUN", "PROPN") \
                or head.tag_ in ("NNS", "NNPS"):
            return None
        word = head.lower_
        best: tuple[Mention, Actor] | None = None
        for actor in self.cast.actors:
            if actor.kind != "organization" or (word not in re.findall(r"\w+", actor.name.lower())
                                                 and not self._titled(actor, head.lemma_.lower(), position)):
                continue
            last = Cast.last_mention_before(actor, position)
            if last is not None and (best is None or last.start > best[0].start):
                best = (last, actor)
        return ("quotes.speaker.organization_word", best[1], (best[0].start, best[0].end)) if best else None

    def _named_next(self, span: Span, position: int, anonymous: bool) -> Decided | None:
        """'... bringing the total to 3,000, a South Korean lawmaker said. Park Sun-won, a member of the
        committee, told reporters ...' / '..., a UNHCR field coordinator said. "...," said the coordinator,
        Amadou Sy': a person described with "a" in one sentence and named in the next, first as the subject
        of its reporting verb at its start, or beside the same noun, is that person (a lead's delayed naming).
        The descriptions news keeps unnamed ('a senior official') only by the same noun: '"...," said the
        official, Mark Dunstan'."""
        head = span.root
        if anonymous or not self.ctx.on("quotes.speaker.named_next") or span[0].lower_ not in ("a", "an") \
                or head.pos_ != "NOUN" or has_name(head) or head.sent.end >= len(self.doc):
            return None
        found = self._introduced_in(self.doc[head.sent.end].sent, head)
        if found is None:
            found = self._named_beside_later(head)  # ('"...," said the official, Mark Dunstan', a quote later)
        if found is None:
            return None
        start, end, actor, beside = found
        if not beside and self.lex.is_class(head.lemma_, "stays_unnamed"):
            return None
        state = self._state_named_in(span)
        if state and actor.country and state[0] != actor.country:
            return None
        return "quotes.speaker.named_next", actor, (start, end)

    def _named_later(self, span: Span, position: int, anonymous: bool) -> Decided | None:
        """'Nineteen people were killed, the director of a rights group told The Courier. ... "They came at
        night," said the director, Marie-Ange Joseph': a person described with "the" whom a later sentence (of
        the next ``LATER_SENTENCES``) names right after the same noun, and not before, is that person."""
        head = span.root
        if anonymous or not self.ctx.on("quotes.speaker.named_later") or span[0].lower_ != "the" \
                or head.pos_ != "NOUN" or not self.lex.is_class(head.lemma_, "person") or has_name(head):
            return None
        sents = list(self.doc.sents)
        here = next((i for i, s in enumerate(sents) if s.start <= head.i < s.end), None)
        if here is None:
            return None
        end = sents[min(len(sents) - 1, here + LATER_SENTENCES)].end
        for start, stop, actor in self.cast.between(span.end_char, self.doc[end - 1].idx + 1):
            name = self.doc.char_span(start, stop, alignment_mode="expand")
            if actor.kind != "person" or name is None or min(m.start for m in actor.mentions) < span.start_char:
                continue
            if any(t.lemma_ == head.lemma_ for t in self.doc[max(0, name.start - 3) : name.start]):
                return "quotes.speaker.named_later", actor, (start, stop)
        return None

    def _named_beside_later(self, head: Token) -> tuple[int, int, Actor, bool] | None:
        """The person that one of the ``LATER_SENTENCES`` after ``head``'s names right after the same noun."""
        sents = itertools.dropwhile(lambda s: s.end <= head.sent.end, self.doc.sents)
        for sent in list(itertools.islice(sents, LATER_SENTENCES))[1:]:
            found = self._introduced_in(sent, head)
            if found is not None and found[3]:
                return found
        return None

    def _introduced_in(self, sent: Span, head: Token) -> tuple[int, int, Actor, bool] | None:
        """The person first named in ``sent``, at its start as its reporting verb's subject (when ``head`` is a
        noun of persons), or right after the noun ``head`` ('the coordinator, Amadou Sy'; then True)."""
        for tok in sent:
            covering = self.cast.covering(tok)
            if covering is None or covering[2].kind != "person":
                continue
            start, end, actor = covering
            if min(m.start for m in actor.mentions) < start:
                return None  # named before: the description is someone else
            name = self.doc.char_span(start, end, alignment_mode="expand")
            if name is None:
                return None
            opens = tok.i == sent.start and name.root.dep_ == "nsubj" and name.root.head.lemma_ in self.lex.verbs \
                and self.lex.is_class(head.lemma_, "person")
            beside = any(t.lemma_ == head.lemma_ for t in self.doc[max(sent.start, name.start - 3) : name.start])
            return (start, end, actor, beside) if opens or beside else None
        return None

    def _new_actor(self, span: Span, position: int, anonymous: bool) -> Decided:
        rule, actor = self._create(span, anonymous)
        return rule, actor, (span.start_char, span.end_char)

    STEPS: tuple[Callable[[SpeakerResolver, Span, int, bool], Decided | None], ...] = (
        _person_in_body, _mention, _pronoun, _apposed_name, _body_in_phrase, _person_in_phrase, _by_role,
        _org_by_word, _named_next, _named_later, _new_actor,
    )

    # -- new actors ---------------------------------------------------------------------------------

    def _create(self, span: Span, anonymous: bool) -> tuple[str | None, Actor | None]:
        """The actor an unnamed source phrase becomes (or the same name met again), recorded on it."""
        core = core_phrase(self.ctx, span)
        head = core.root
        if self.lex.is_class(head.lemma_, "document") or not self.ctx.on("quotes.speaker.new_actor"):
            return None, None
        name = self._person_name(head) or _strip_articles(core)
        if not name:
            return None, None
        mention = Mention(core.start_char, core.end_char, core.text)
        if self.ctx.on("quotes.speaker.named_again"):
            found = self._named_again(name, head)
            if found is not None:
                again, rule = found
                again.mentions.append(mention)
                changed(again, rule, (core.start_char, core.end_char))
                return rule, again
        if self.ctx.on("quotes.speaker.anonymous") and head.lemma_ == "source" and not has_name(head):
            anonymous = True
        actor = Actor(id=self.cast.fresh_id(), name=name, kind=self._kind(head), mentions=[mention],
                      anonymous=anonymous)
        fired(actor, "quotes.speaker.new_actor", (core.start_char, core.end_char))
        if anonymous:
            fired(actor, "quotes.speaker.anonymous", (span.start_char, span.end_char))
        actor.country = self._state_inside(core, actor)
        self.cast.add(actor)
        return "quotes.speaker.new_actor", actor

    def _named_again(self, name: str, head: Token) -> tuple[Actor, str] | None:
        """The same person or unnamed group named again ('Some analysts', or a surname alone); a single name
        that opens or ends exactly one person's full name, however the tagger labelled it ('Tedros Adhanom
        Ghebreyesus ... Tedros declares', 'Jimmy Chérizier ... Chérizier said')."""
        surname = name.split()[-1]
        for actor in self.cast.actors:
            same = actor.name.lower() == name.lower() and actor.kind in ("group", "person", "organization")
            if same or (self._a_persons_name(head) and actor.kind == "person" and actor.name.split()[-1] == surname):
                return actor, "quotes.speaker.named_again"
        if " " in name or not name[:1].isupper() or not self.ctx.on("quotes.speaker.first_name_again"):
            return None
        opened = [a for a in self.cast.actors if a.kind == "person" and len(a.name.split()) > 1
                  and name in (a.name.split()[0], a.name.split()[-1])]
        return (opened[0], "quotes.speaker.first_name_again") if len(opened) == 1 else None

    def _a_persons_name(self, head: Token) -> bool:
        """Tagged a person's, or after an honorific the tagger missed: 'Mr Haque'."""
        if head.ent_type_ == "PERSON":
            return True
        return self.ctx.on("quotes.speaker.honorific") and any(self.lex.is_class(t.lower_, "honorific")
                                                               for t in head.lefts)

    def _state_inside(self, core: Span, created: Actor) -> str | None:
        """The state a descriptor names in its own words ("an Argentine judge", "a Pakistani official",
        "officials of Japan's foreign ministry"): whom the unnamed speaker belongs to."""
        if not self.ctx.on("quotes.speaker.state_in_description"):
            return None
        found = self._state_named_in(core)
        if found is None:
            return None
        code, mention = found
        fired(created, "quotes.speaker.state_in_description", (mention.start, mention.end))
        return code

    def _state_named_in(self, core: Span) -> tuple[str, Mention] | None:
        for actor in self.cast.actors:
            mention = next((m for m in actor.mentions if core.start_char <= m.start and m.end <= core.end_char), None)
            if actor.kind == "state" and actor.code and mention is not None:
                return actor.code, mention
        return None

    def _person_name(self, head: Token) -> str | None:
        """'NATO chief Mark Rutte' -> 'Mark Rutte': the run of name words ending at the head."""
        if head.ent_type_ != "PERSON":
            return None
        start = head.i
        while start > 0 and self.doc[start - 1].ent_type_ == "PERSON" and self.doc[start - 1].pos_ == "PROPN" \
                and not self.lex.is_class(self.doc[start - 1].lower_, "person"):
            start -= 1
        return self.doc[start : head.i + 1].text

    def _kind(self, head: Token) -> ActorKind:
        ent = head.ent_type_
        if ent != "PERSON" and head.pos_ == "PROPN" and self.lex.is_class(head.lemma_.lower(), "institution"):
            return "organization"  # 'the General Staff of Ukraine's Armed Forces': a title word, then a body
        if self._a_persons_name(head) or (head.pos_ == "PROPN" and any(
            self.lex.is_class(t.lower_, "person") for t in head.lefts
        )):
            return "person"  # 'Detective Constable Daniel Dubé'
        if ent == "ORG":
            return "organization"
        if ent == "GPE":
            return "state"
        if head.tag_ in ("NNS", "NNPS") or ent == "NORP":
            return "group"
        if self.lex.is_class(head.lemma_, "institution"):
            return "organization"
        if head.pos_ == "PROPN":
            return "organization"
        return "person"


def core_phrase(ctx: QuoteContext, span: Span) -> Span:
    """The noun phrase without its relative clauses, appositions and trailing modifiers ('a number of
    senators', 'some of the protesters': the group is named by what follows 'of')."""
    head = span.root
    if ctx.lex.listed(head.lower_, "quantity_head"):
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and obj.i < span.end:
            return core_phrase(ctx, span.doc[obj.left_edge.i : obj.right_edge.i + 1])
    start = head.i
    for child in head.lefts:
        if child.dep_ in CORE_DEPS and child.left_edge.i >= span.start:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    return span.doc[start:end]


def _strip_articles(span: Span) -> str:
    tokens = list(span)
    while tokens and tokens[0].lower_ in LEADING_ARTICLES:
        tokens = tokens[1:]
    if not tokens:
        return ""
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


def has_name(head: Token) -> bool:
    """'spokeswoman Sabrina Singh' names someone; 'the NATO chief' only describes them."""
    if head.pos_ == "PROPN":
        return True
    return any(
        c.pos_ == "PROPN" and (c.dep_ == "appos" or (c.dep_ == "compound" and c.ent_type_ == "PERSON"))
        for c in head.children
    )


def _apposed_to(name: Token) -> set[int]:
    """The tokens a name is set in apposition to, up to two steps ('the spokesman, the inspector Lionel Joseph':
    inspector, spokesman)."""
    out, tok = set(), name
    for _ in range(2):
        if tok.dep_ != "appos":
            break
        tok = tok.head
        out.add(tok.i)
    return out
