"""Who says it: a source phrase resolved to an actor (found, inferred from context, or created).

Order of evidence: an actor mention on the source's head word; for "he"/"she" the most recent person
speaker or subject nearby; for "the NATO chief" a person actor with that role or affiliation; for "the
NATO military alliance" the body named inside the phrase; for "South Korean intelligence" an
organization already named with that word. Otherwise the phrase becomes a new actor ("some analysts",
"officials who spoke on condition of anonymity"), so every speaker is an actor id. Reports and
documents are not actors: they defer to their stated origin ("reports, which originated from X").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Actor, ActorKind, Mention, SourceLink
from newsgraph.nlp.extensions import doc_text
from newsgraph.nlp.quotes.lexicon import QuoteLexicon

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})  # ('his plan to ...': a possessive source)
COLLECTIVE_PRONOUNS = frozenset({"they", "it", "them", "their", "its"})
SPEAKER_PRONOUNS = PERSONAL_PRONOUNS | COLLECTIVE_PRONOUNS
CORE_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "case", "nmod", "quantmod", "advmod"})
LEADING_ARTICLES = frozenset({"the", "a", "an"})
SENTENCE_WINDOW = 3  # how many sentences back a pronoun may reach
TITLE_WINDOW = 4  # tokens around a name in which its title may stand ('German Chancellor Olaf Scholz')


@dataclass
class Resolution:
    speaker: str | None  # the actor the quote is credited to (the origin for a report)
    immediate: str | None  # the actor of the source phrase itself
    chain: list[SourceLink] = field(default_factory=list)
    is_document: bool = False
    anonymous: bool = False


class SpeakerResolver:
    """Resolves source phrases of one Doc, in text order (earlier speakers inform later pronouns)."""

    def __init__(self, doc: Doc, lex: QuoteLexicon) -> None:
        self.doc = doc
        self.lex = lex
        if doc._.actors is None:
            doc._.actors = []
        self.actors: list[Actor] = doc._.actors
        self.by_id = {a.id: a for a in self.actors}
        self.mentions: list[tuple[int, int, Actor]] = sorted(
            ((m.start, m.end, a) for a in self.actors for m in a.mentions), key=lambda m: (m[0], m[1])
        )
        self.mention_starts = [m[0] for m in self.mentions]
        self.sent_starts = [s.start_char for s in doc.sents]
        self.lex_gender = {w: g for g in ("m", "f") for w in lex.classes_of(f"gender_{g}")}
        self.history: list[tuple[int, Actor]] = []  # (char position, speaker) of resolved quotes
        self.gender: dict[str, str] = {}  # actor id -> "m" / "f", from its titles and the pronouns used for it

    # -- public -------------------------------------------------------------------------------------

    def resolve(self, source: Span | None, position: int) -> Resolution:
        if source is None:
            return Resolution(None, None)
        head = source.root
        anonymous = self._is_anonymous(source)
        chain = [SourceLink(source.start_char, source.end_char, source.text, None, "said")]
        if self.lex.is_class(head.lower_, "document") or self.lex.is_class(head.lemma_, "document"):
            origin = self._origin(head)
            if origin is None:
                return Resolution(None, None, chain, is_document=True)
            relation, origin_span = origin
            actor = self._actor_for(origin_span, position, anonymous=False)
            chain.append(self._link(origin_span, actor, relation))
            return Resolution(actor.id if actor else None, None, chain, is_document=True)
        actor = self._actor_for(source, position, anonymous)
        if actor is not None and head.lower_ in PERSONAL_PRONOUNS:
            self.note_pronoun(actor.id, head.lower_)
        chain[0].actor = actor.id if actor else None
        origin = self._origin(head, document=False)
        if origin is not None:
            relation, origin_span = origin
            up = self._actor_for(origin_span, position, anonymous=False)
            chain.append(self._link(origin_span, up, relation))
        if actor is not None:
            self.history.append((position, actor))
        return Resolution(actor.id if actor else None, actor.id if actor else None, chain, anonymous=anonymous)

    def remember(self, position: int, actor_id: str | None) -> None:
        """Record a speaker credited without a source phrase (a quote continuing an earlier one)."""
        if actor_id and actor_id in self.by_id:
            self.history.append((position, self.by_id[actor_id]))

    # -- the source phrase to an actor --------------------------------------------------------------

    def _actor_for(self, span: Span, position: int, anonymous: bool) -> Actor | None:
        head = span.root
        low = head.lower_
        covering = self._mention_covering(head)
        names_person = low in PERSONAL_PRONOUNS or head.ent_type_ == "PERSON"
        if covering is not None and covering.kind != "person":
            # 'African Export-Import Bank president Okey Oramah', parsed with the bank as the head: the
            # person the phrase names speaks, not the body it names them by
            person = self._person_inside(span)
            if person is not None:
                return person
        if covering is not None and not (names_person and covering.kind != "person"):
            return covering  # (a person's name inside an organization's mention is the person)
        if low in SPEAKER_PRONOUNS:
            return self._antecedent(low, position)
        if head.pos_ == "PRON":
            return None  # "I", "we", "you", "someone": not resolvable here
        for child in head.children:  # 'His opponent, Biden, ...': the apposed name
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                named_actor = self._mention_covering(child)
                if named_actor is not None:
                    return named_actor
        named = self._named_inside(head) or self._person_inside(span)
        if named is not None:
            return named
        if self.lex.is_class(head.lemma_, "person") and head.tag_ in ("NN", "NNP") and not _has_name(head):
            by_role = self._by_role(span, position)
            if by_role is not None:
                return by_role
        by_name = self._org_by_word(head, position)
        if by_name is not None:
            return by_name
        return self._create(span, anonymous)

    def _mention_covering(self, tok: Token) -> Actor | None:
        start, end = tok.idx, tok.idx + len(tok.text)
        i = bisect.bisect_right(self.mention_starts, start)
        for m_start, m_end, actor in reversed(self.mentions[max(0, i - 20) : i]):
            if m_start <= start and end <= m_end:
                return actor
        return None

    def _named_inside(self, head: Token) -> Actor | None:
        """'The NATO military alliance' -> NATO: a body named by a modifier of an institution noun."""
        if not self.lex.is_class(head.lemma_, "institution"):
            return None
        for child in head.lefts:
            if child.dep_ in ("compound", "amod", "poss", "nmod"):
                actor = self._mention_covering(child)
                if actor is not None and actor.kind in ("organization", "state"):
                    return actor
        return None

    def _person_inside(self, span: Span) -> Actor | None:
        """'study co-author Ted Scambos of the University' -> Ted Scambos: a person named in the phrase
        itself, not as its complement ('a spokesman for Biden') or possessor ('Biden's aide')."""
        i = bisect.bisect_left(self.mention_starts, span.start_char)
        for m_start, m_end, actor in self.mentions[i:]:
            if m_start >= span.end_char:
                break
            if m_end > span.end_char or not self._is_person(actor, m_start, m_end):
                continue
            words = self.doc.char_span(m_start, m_end, alignment_mode="expand")
            if words is not None and words.root.dep_ not in ("pobj", "poss") and not any(
                t.dep_ == "prep" for t in self.doc[span.start : words.start]
            ):
                return actor
        return None

    def _is_person(self, actor: Actor, start: int, end: int) -> bool:
        """A person actor, or a name the parser's entity tagger calls a person (the actors stage can take a
        person for a body: trust the words at the mention as well)."""
        if actor.kind == "person":
            return True
        words = self.doc.char_span(start, end, alignment_mode="expand")
        return words is not None and actor.kind == "organization" and words.root.ent_type_ == "PERSON"

    def _by_role(self, span: Span, position: int) -> Actor | None:
        """'the NATO chief' -> the person actor whose role or affiliation the phrase names, or who was
        introduced with that title ('Chancellor Olaf Scholz ... The chancellor said')."""
        words = {t.lower_ for t in span}
        head = span.root.lemma_.lower()
        best: tuple[int, Actor] | None = None
        for actor in self.actors:
            titled = actor.kind in ("person", "organization") and self._titled(actor, head, position)
            if not titled and not any(self._is_person(actor, m.start, m.end) for m in actor.mentions):
                continue  # (a person's title on a name shows a person, whatever the tagger thought)
            role_words = set(re.findall(r"\w+", (actor.role or "").lower()))
            affiliation = (actor.affiliation or "").lower()
            if head in role_words or (affiliation and affiliation in words) or titled:
                last = self._last_mention_before(actor, position)
                if last is not None and (best is None or last > best[0]):
                    best = (last, actor)
        return best[1] if best else None

    def _titled(self, actor: Actor, title: str, position: int) -> bool:
        """The actor was named with this title before: 'Mayor John Carter', 'John Carter, the mayor,'."""
        for m in actor.mentions:
            if m.start >= position:
                continue
            words = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if words is None:
                continue
            near = self.doc[max(0, words.start - TITLE_WINDOW) : words.end + TITLE_WINDOW]
            inside = range(words.start, words.end)
            # the title right before the name, or hung on it (compound 'Chancellor', apposition 'the chancellor')
            if any(t.lemma_.lower() == title and (t.i == words.start - 1 or t.head.i in inside) for t in near):
                return True
        return False

    def _org_by_word(self, head: Token, position: int) -> Actor | None:
        """'South Korean intelligence' -> an organization named earlier with that word in its name."""
        if head.pos_ not in ("NOUN", "PROPN") or head.tag_ in ("NNS", "NNPS"):
            return None
        word = head.lower_
        best: tuple[int, Actor] | None = None
        for actor in self.actors:
            if actor.kind != "organization" or word not in re.findall(r"\w+", actor.name.lower()):
                continue
            last = self._last_mention_before(actor, position)
            if last is not None and (best is None or last > best[0]):
                best = (last, actor)
        return best[1] if best else None

    def _last_mention_before(self, actor: Actor, position: int) -> int | None:
        starts = [m.start for m in actor.mentions if m.start < position]
        return max(starts) if starts else None

    # -- pronouns -----------------------------------------------------------------------------------

    def _window_start(self, position: int) -> int:
        i = bisect.bisect_right(self.sent_starts, position) - 1
        return self.sent_starts[max(0, i - SENTENCE_WINDOW)] if self.sent_starts else 0

    def _antecedent(self, pronoun: str, position: int) -> Actor | None:
        floor = self._window_start(position)
        want_person = pronoun in PERSONAL_PRONOUNS
        for pos, actor in reversed(self.history):
            if pos < floor:
                break
            if (actor.kind == "person") == want_person and not self._clash(actor, pronoun):
                # 'X said ... / Michael Makuei paid tribute to Luk. "...," he said': a person made the
                # subject of a main clause since the last speaker is whom the writer now talks about.
                return self._main_subject_between(pos + 1, position, pronoun) or actor
            if want_person:
                continue
            return None  # "they"/"it" after a person speaker: not that person
        if not want_person:
            return None
        # No recent speaker: the most recent person subject, else the most recent person named.
        i = bisect.bisect_left(self.mention_starts, position)
        candidates = [
            (start, end, actor)
            for start, end, actor in self.mentions[:i]
            if start >= floor and actor.kind == "person" and not self._clash(actor, pronoun)
        ]
        # Someone the text shows to be a woman (a man) beats someone it says nothing about, for 'she' ('he').
        matching = [c for c in candidates if self._known_gender(c[2]) == ("f" if pronoun in FEMININE else "m")]
        if matching and pronoun in FEMININE | MASCULINE:
            candidates = matching
        for start, end, actor in reversed(candidates):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                return actor
        if candidates:
            return candidates[-1][2]
        return self._person_subject(floor, position)

    def _known_gender(self, actor: Actor) -> str | None:
        return self.gender.get(actor.id) or self._gender_from_titles(actor)

    def _clash(self, actor: Actor, pronoun: str) -> bool:
        """'he' cannot be someone the text calls 'she', 'Mrs', 'spokeswoman', or resolved 'she' for."""
        if _gender_clash(actor, pronoun):
            return True
        want = "f" if pronoun in FEMININE else "m" if pronoun in MASCULINE else None
        known = self._known_gender(actor)
        return want is not None and known is not None and known != want

    def _gender_from_titles(self, actor: Actor) -> str | None:
        words = set(re.findall(r"\w+", f"{actor.role or ''} {actor.role_text or ''}".lower()))
        for m in actor.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                inside = range(span.start, span.end)
                near = self.doc[max(0, span.start - TITLE_WINDOW) : span.end + TITLE_WINDOW]
                words.update(t.lower_ for t in near if t.i in inside or t.i == span.start - 1 or t.head.i in inside)
        genders = {self.lex_gender[w] for w in words if w in self.lex_gender}
        gender = genders.pop() if len(genders) == 1 else None
        if gender is not None:
            self.gender[actor.id] = gender
        return gender

    def note_pronoun(self, actor_id: str | None, pronoun: str) -> None:
        """Remember that the text called this speaker 'he' or 'she'."""
        if actor_id is not None and (pronoun in FEMININE or pronoun in MASCULINE):
            self.gender.setdefault(actor_id, "f" if pronoun in FEMININE else "m")

    def _main_subject_between(self, start: int, position: int, pronoun: str) -> Actor | None:
        """The last person actor made the subject of a main verb between two points, in the pronoun's own
        sentence or in the first sentence of its paragraph (where news introduces whom it quotes next)."""
        text = doc_text(self.doc)
        paragraph = text.rfind("\n", 0, position) + 1
        k = bisect.bisect_right(self.sent_starts, position) - 1
        own_sentence = self.sent_starts[k] if k >= 0 else 0
        start = max(start, paragraph)
        i, j = bisect.bisect_left(self.mention_starts, start), bisect.bisect_left(self.mention_starts, position)
        for m_start, m_end, actor in reversed(self.mentions[i:j]):
            if actor.kind != "person" or self._clash(actor, pronoun):
                continue
            span = self.doc.char_span(m_start, m_end, alignment_mode="expand")
            if span is None or not _is_main_subject(span.root):
                continue
            if span.sent.start_char >= own_sentence or span.sent.start_char <= paragraph:
                return actor
        return None

    def _person_subject(self, floor: int, position: int) -> Actor | None:
        """A person named as a subject nearby that the actors stage did not list: make it an actor."""
        span = self.doc.char_span(floor, position, alignment_mode="contract")
        if span is None:
            return None
        for tok in reversed(span):
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
                return self._create(self.doc[tok.i : tok.i + 1], anonymous=False)
        return None

    # -- new actors ---------------------------------------------------------------------------------

    def _create(self, span: Span, anonymous: bool) -> Actor | None:
        core = core_phrase(span)
        head = core.root
        if self.lex.is_class(head.lemma_, "document"):
            return None
        name = self._person_name(head) or _strip_articles(core)
        if not name:
            return None
        surname = name.split()[-1]
        for actor in self.actors:  # the same person or unnamed group named again
            same = actor.name.lower() == name.lower() and actor.kind in ("group", "person", "organization")
            if same or (head.ent_type_ == "PERSON" and actor.kind == "person" and actor.name.split()[-1] == surname):
                actor.mentions.append(Mention(core.start_char, core.end_char, core.text))
                return actor
        actor = Actor(
            id=self._fresh_id(),
            name=name,
            kind=self._kind(head),
            mentions=[Mention(core.start_char, core.end_char, core.text)],
            anonymous=anonymous or (head.lemma_ == "source" and not _has_name(head)),
            country=self._state_inside(core),
        )
        self.actors.append(actor)
        self.by_id[actor.id] = actor
        return actor

    def _state_inside(self, core: Span) -> str | None:
        """The state a descriptor names in its own words ("an Argentine judge", "a Pakistani official",
        "officials of Japan's foreign ministry"): whom the unnamed speaker belongs to."""
        for actor in self.actors:
            if actor.kind == "state" and actor.code and any(
                    core.start_char <= m.start and m.end <= core.end_char for m in actor.mentions):
                return actor.code
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
        if ent == "PERSON" or (head.pos_ == "PROPN" and any(
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

    def _fresh_id(self) -> str:
        numbers = [int(a.id[1:]) for a in self.actors if a.id[:1] == "A" and a.id[1:].isdigit()]
        return f"A{max(numbers, default=0) + 1}"

    def _is_anonymous(self, span: Span) -> bool:
        return any(self.lex.is_class(t.lower_, "anonymous") for t in span) or any(
            t.lower_ in ("anonymity", "anonymous", "anonymously") for t in span.sent
        )

    # -- chains -------------------------------------------------------------------------------------

    def _origin(self, head: Token, document: bool = True) -> tuple[str, Span] | None:
        """Where a source got it: 'which originated from X', 'who had been briefed by X', 'reports from X'.

        Only a document's own modifiers name its origin ('a Pentagon statement', 'the ministry's report');
        on a person or body they are part of the name or an affiliation ('Mark Rutte', 'Russia's army').
        """
        for tok in head.subtree:
            if tok.dep_ in ("relcl", "acl") and tok.head == head:
                for cls in ("briefed_by", "origin"):
                    if self.lex.is_class(tok.lemma_, cls):
                        target = _agent_of(tok)
                        if target is not None:
                            return ("briefed_by" if cls == "briefed_by" else "origin"), target
        if not document:
            return None
        verb = head.head
        if head.dep_ == "dobj" and self.lex.is_class(verb.lemma_, "origin"):
            # 'The party released a statement which said ...': who released, issued or published it
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and (subject.pos_ != "PRON" or subject.lower_ in SPEAKER_PRONOUNS):
                return "origin", self.doc[subject.left_edge.i : subject.i + 1]
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return "origin", _subtree_span(obj)
            if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
                return "origin", self.doc[child.left_edge.i : child.i + 1]
            if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i < head.i:
                return "origin", self.doc[child.left_edge.i : child.i + 1]  # 'a Pentagon statement'

        return None

    def _link(self, span: Span, actor: Actor | None, relation: str) -> SourceLink:
        return SourceLink(span.start_char, span.end_char, span.text, actor.id if actor else None, relation)


MASCULINE = frozenset({"he", "him", "his", "himself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})


def _gender_clash(actor: Actor, pronoun: str) -> bool:
    """'she' cannot be someone the text already calls 'he' (as far as the actor's mentions tell)."""
    words = {m.text.lower() for m in actor.mentions}
    if pronoun in FEMININE:
        return bool(words & MASCULINE)
    if pronoun in MASCULINE:
        return bool(words & FEMININE)
    return False


def _is_main_subject(tok: Token) -> bool:
    """The subject of a sentence's main verb, or a name in apposition to it ('One of the vice presidents,
    Rebecca Nyandeng, ...')."""
    if tok.dep_ == "appos":
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"


def _agent_of(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return _subtree_span(obj)
        if child.dep_ == "dobj" and child.lemma_ not in ("it", "that"):
            return _subtree_span(child)
    return None


def _subtree_span(tok: Token) -> Span:
    doc = tok.doc
    return doc[tok.left_edge.i : tok.right_edge.i + 1]


# 'A number of senators', 'some of the protesters': the group is named by what follows 'of'.
QUANTITY_HEADS = frozenset({"number", "group", "majority", "minority", "handful", "dozen", "dozens", "some",
                            "many", "most", "several", "all", "one", "two", "three", "few", "none", "each"})


def core_phrase(span: Span) -> Span:
    """The noun phrase without its relative clauses, appositions and trailing modifiers."""
    head = span.root
    if head.lower_ in QUANTITY_HEADS:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and obj.i < span.end:
            return core_phrase(span.doc[obj.left_edge.i : obj.right_edge.i + 1])
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


def _has_name(head: Token) -> bool:
    """'spokeswoman Sabrina Singh' names someone; 'the NATO chief' only describes them."""
    if head.pos_ == "PROPN":
        return True
    return any(
        c.pos_ == "PROPN" and (c.dep_ == "appos" or (c.dep_ == "compound" and c.ent_type_ == "PERSON"))
        for c in head.children
    )
