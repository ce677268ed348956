"""The events stage's view of the actors: which actor each token names, pronouns resolved, stand-ins.

``ActorIndex`` maps tokens to the actors stage's actors (coded first, else uncoded), finds collectives
with no code ("rebels": GRP:REBEL), lets places stand for their states, resolves pronouns ("I" and "we"
in quotations to the speaker), and reads the actors a noun phrase names. The ``register_*`` functions
turn the stand-ins events used into actors of the article, so every event's actor ids point at text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

from newsgraph.model import Actor, Event, Mention, Place
from newsgraph.nlp.actors.lexicon import load_actor_lexicon
from newsgraph.nlp.events import rules as R
from newsgraph.nlp.events.lexicon import Lexicon
from newsgraph.nlp.extensions import doc_text
from newsgraph.nlp.rules import RuleTable, changed, fired
from newsgraph.nlp.syntax import (
    NP_DEPS,
    SUBJECT_DEPS,
    governing_verb,
    inside_subject,
    main_clause_subject,
    opposed,
    pobjs,
    subject_of,
)

# Actors named enough to carry an event without a code ("Askar Akayev", "the Fatah Party").
NAMED_KINDS = frozenset({"person", "organization", "group", "state"})

# Ids of the stand-in actors of places (never written out as actor ids).
PLACE_ID = "place:"
# Id of the stand-in for a state's government that the text implies ("Iraqi Kurds demonstrated": Iraq's).
GOVERNMENT_ID = f"{PLACE_ID}gov:"
# Ids of the stand-ins of groups inside a state ("Sudanese rebels"): "sub:<token>:<actor id>", written
# out as the actor's own id.
SUB_ID = "sub:"
# Ids of the stand-ins of collectives with no code ("rebels"): "grp:<code>"; an event that names one
# registers it as an actor of the article (``register_groups``).
GRP_ID = "grp:"
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PERSON = FIRST_SINGULAR | {"we", "us", "our", "ours", "ourselves"}
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "we", "our"})


# Prepositions of the phrase a head that names no actor stands for ("officials of X", "students in Mali");
# a military head is read only through "of", "from" and "at" (troops "in" a place are often foreign there).
MEMBER_PREPS = frozenset({"of", "from", "at", "in", "for", "throughout", "across"})
MILITARY_MEMBER_PREPS = frozenset({"of", "from", "at"})
# ... and, for a target ("deep"), agency and direction: "crimes by Croatian extremists", "commitment to X".
DEEP_PREPS = frozenset({"by", "to"})

Span = tuple[int, int]


class ActorIndex:
    """Which actor each token belongs to, and pronoun resolution to the nearest fitting actor before it.

    ``notes`` keeps, per token, the actor rules that named an actor there (rule, evidence, actor id), so an
    event that takes the actor can record them."""

    def __init__(self, doc: Doc, actors: list[Actor], code_of: Callable[[Actor], str | None],
                 lex: Lexicon, rules: RuleTable = R.RULES, pronoun_sentences: int = 1) -> None:
        self.doc = doc
        self.code_of = code_of
        self.rules = rules
        self.pronoun_sentences = pronoun_sentences  # how many sentences back a pronoun's antecedent may be
        self.notes: dict[int, list[tuple[str, Span, str]]] = {}
        self.military = lex.themes.get("military", frozenset())
        self.domestic_forces = lex.themes.get("domestic_forces", frozenset())
        self.force_modifiers = lex.words("domestic_force_modifiers")  # "security forces", "riot forces"
        # Heads that stand for their group: "officials of X", "groups in Zimbabwe", "a patch of troops".
        self.group_heads = lex.themes.get("group_heads", frozenset())
        self.non_state = lex.themes.get("non_state", frozenset())
        self.counted_state_nouns = lex.words("counted_state_nouns")  # "the two countries"
        self.by_token: dict[int, Actor] = {}  # the coded actor of a token where there is one
        self.by_id: dict[str, Actor] = {a.id: a for a in actors}
        self.quotes = [q for q in doc._.quotes or [] if q.speaker]  # for "I" and "we" in quotations
        self.uncoded: dict[int, Actor] = {}  # else the actor without a code ("Senior officials")
        self.form_by_token: dict[int, str] = {}  # how the mention names it: "name", "demonym", "seat" ...
        self.mentions: list[tuple[int, Actor]] = []  # (token index of the mention head, actor)
        self._resolved: dict[int, Actor | None] = {}  # pronoun token -> its antecedent (cached per doc)
        for actor in actors:
            for m in actor.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                table = self.by_token if code_of(actor) else self.uncoded
                for tok in span:
                    table.setdefault(tok.i, actor)
                    self.form_by_token.setdefault(tok.i, m.form or "")
                self.mentions.append((span.start, actor))
        # Collectives with no code ("rebels", "Kurds", "students"): group actors of their own (GRP:REBEL).
        self.generic: dict[int, Actor] = {}
        self.generic_spans: dict[str, list[tuple[int, int]]] = {}  # stand-in id -> mention char spans
        self.group_country: dict[str, str] = {}  # stand-in id -> the state it was first placed in
        self.generic_owner: dict[str, Actor] = {}  # stand-in id -> the uncoded actor of the same mention
        if rules.on(R.COLLECTIVE):
            self._find_generic_groups(lex)
        self.mentions.sort(key=lambda x: x[0])
        # Places that no actor covers, standing for their state where one is acted upon there
        # ("arrived in Amman", "lifted the curfew in Montenegro"): read only as targets.
        self.places: dict[int, Actor] = {}
        for n, place in enumerate(doc._.places or []):
            if not place.country or not rules.on(R.PLACE_STATE):
                continue
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is None or any(t.i in self.by_token or t.i in self.uncoded for t in span):
                continue
            stand_in = Actor(f"{PLACE_ID}{n}", place.name, "state", code=place.country)
            for tok in span:
                self.places.setdefault(tok.i, stand_in)

    def _find_generic_groups(self, lex: Lexicon) -> None:
        """Heads of collectives that no actor covers ("Rebels attacked", "police arrested students",
        "Moslem fundamentalist demonstrators"): each becomes a group coded GRP:<HEAD>, one per head word in
        the article, so an event done by or to them names them. A head whose phrase names a state or a
        place ("Sudanese rebels", "Darfur rebels") is that state's group instead (``sub_state``); a group
        word that only qualifies another noun ("rebel leaders", "student protests") is not a group."""
        words = lex.themes.get("generic_groups", frozenset()) | lex.themes.get("peoples", frozenset())
        for tok in self.doc:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in self.by_token or tok.dep_ in ("compound", "amod"):
                continue
            word = group_word(tok, words)
            if word is None or (tok.i in self.uncoded and self.uncoded[tok.i].kind == "person"):
                continue
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
            if any(t.i in self.by_token for m in mods for t in m.subtree):
                continue  # "Sudanese rebels": a group of the state (sub_state)
            lo = min([m.left_edge.i for m in mods if m.left_edge.i >= tok.i - 4] + [tok.i])
            span = self.doc[lo:tok.i + 1]
            code = f"GRP:{word.upper()}"
            actor = next((a for a in self.generic.values() if a.code == code), None)
            if actor is None:
                actor = Actor(f"{GRP_ID}{code}", span.text, "group", code=code)
            self.generic[tok.i] = actor
            if tok.i in self.uncoded:  # the actors stage has it without a code ("rebels"): that actor it is
                self.generic_owner.setdefault(actor.id, self.uncoded[tok.i])
            self.generic_spans.setdefault(actor.id, []).append((span.start_char, span.end_char))
            self.mentions.append((tok.i, actor))

    def place_actors(self, head: Token) -> list[Actor]:
        """The states of the places a phrase names (its head and conjuncts, or their "of" objects)."""
        out = []
        for tok in [head, *head.conjuncts]:
            hits = [self.places[t.i] for t in tok.subtree if t.i in self.places]
            out += hits[:1]
        return unique_actors(out)

    def note(self, tok: Token, rule: str, actors: list[Actor], evidence: Token | None = None) -> None:
        """Keep that an actor rule named these actors at this token (its phrase, or ``evidence``, the span)."""
        where = evidence if evidence is not None else tok
        span = (where.left_edge.idx, where.right_edge.idx + len(where.right_edge.text))
        for a in actors:
            entry = (rule, span, a.id)
            if entry not in self.notes.setdefault(tok.i, []):
                self.notes[tok.i].append(entry)

    def np_actors(self, head: Token, own_head: bool = True, deep: bool = False) -> list[Actor]:
        """The actors a noun phrase names: its head, modifiers, possessor, apposition, conjuncts.

        ``deep`` also reads the "of"/"for" object of a head that names none ("positions of X" is X's):
        right for a target, too loose for a source.
        """
        out: list[Actor] = []
        for tok in [head, *head.conjuncts]:
            out += self._head_actors(tok, own_head, deep)
        return unique_actors(out)

    def _head_actors(self, tok: Token, own_head: bool, deep: bool) -> list[Actor]:
        found = self._phrase(tok) if own_head else [a for c in tok.children if c.dep_ in NP_DEPS
                                                    for a in self._phrase(c)]
        own = self.generic.get(tok.i)
        found = [a for a in found if a is not own]  # (the collective itself is the last resort)
        non_state = own_head and tok.lemma_.lower() in self.non_state
        if non_state and not any(self.state_code(a) for a in found):
            found += self._named_after_place(tok)
        if not any(self.state_code(a) for a in found) and self.rules.on(R.MEMBERS_OF):
            found += self._members_of(tok, found, deep)
        if non_state and self.rules.on(R.GROUP_OF_STATE):
            found = [self.sub_state(tok, a) for a in found]
            self.note(tok, R.GROUP_OF_STATE, [a for a in found if a.id.startswith(SUB_ID)])
        if own_head and own is not None and not any(self.state_code(a) for a in found):
            found = [a for a in found if not a.id.startswith(GRP_ID)]
            found.append(own)  # "Rebels attacked the town": the group itself
        return found

    def _named_after_place(self, tok: Token) -> list[Actor]:
        """"Darfur rebels": the place a group is named after gives its state."""
        if not self.rules.on(R.NAMED_AFTER_PLACE):
            return []
        named_after = self.place_actors_in_modifiers(tok)
        self.note(tok, R.NAMED_AFTER_PLACE, named_after)
        return named_after

    def _members_of(self, tok: Token, found: list[Actor], deep: bool) -> list[Actor]:
        """A head that names no state stands for the actor of its phrase: "officials of X", "groups in
        Zimbabwe", "police in Kenya", "security forces in Guinea" (a state's own), not "troops in X" (troops
        are often foreign there); for a target also "crimes by Croatian extremists", "his commitment to
        the Zambian people"."""
        domestic = self.rules.on(R.DOMESTIC_FORCE) and self._domestic_force(tok)
        if not (deep or domestic or tok.lemma_.lower() in self.group_heads):
            return []
        preps = MILITARY_MEMBER_PREPS if self.lex_military(tok) and not domestic else MEMBER_PREPS
        if deep and tok.lemma_.lower() not in self.group_heads:
            preps = preps | DEEP_PREPS
        out: list[Actor] = []
        for p in pobjs(tok, preps):
            # "crimes by Croatian extremists", "thousands of students throughout Mali"
            members = self.np_actors(p)
            out += members
            self.note(tok, R.DOMESTIC_FORCE if domestic else R.MEMBERS_OF, members, p)
            if not any(self.state_code(a) for a in found + out) and self.rules.on(R.PEOPLE_IN_PLACE):
                places = self.place_actors(p)  # "demonstrators in Baghdad" are Iraq's
                self.note(tok, R.PEOPLE_IN_PLACE, places, p)
                out += places
        return out

    def state_code(self, actor: Actor) -> str | None:
        """The code of an actor that names a state, a body or a person, not a collective with no state
        (our own stand-ins, or a people or creed the actors stage codes GRP:, "Druze", "Kurdish")."""
        if actor.id.startswith(GRP_ID) or (actor.country is None and (actor.code or "").startswith("GRP:")):
            return None
        return self.code_of(actor)

    def place_actors_in_modifiers(self, tok: Token) -> list[Actor]:
        """The state of a place named in a noun's own modifiers ("Darfur rebels")."""
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i in self.places:
                return [self.places[c.i]]
        return []

    def sub_state(self, head: Token, actor: Actor) -> Actor:
        """A group inside a state ("Croatian extremists", "Sudanese rebels") stands apart from the state's
        government: the same code, its own identity, so "Croatia investigates Croatian extremists" keeps
        its target and "Sudanese rebels shelled Juba" can target a place of their own state."""
        code = self.code_of(actor)
        if actor.kind != "state" or code is None or actor.id.startswith(SUB_ID):
            return actor
        real = actor.id if not actor.id.startswith(PLACE_ID) else ""
        return Actor(f"{SUB_ID}{head.i}:{real}", f"{actor.name} {head.lower_}", "group", code=code)

    def names_people(self, tok: Token) -> bool:
        """Whether a noun names people or a body of them ("the central government", "officials")."""
        lemma = tok.lemma_.lower()
        return lemma in self.group_heads or lemma in self.non_state or tok.i in self.generic

    def lex_military(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.military

    def _domestic_force(self, tok: Token) -> bool:
        """Police, courts, "security forces": a state's forces at home, placed where they act."""
        if tok.lemma_.lower() in self.domestic_forces:
            return True
        return tok.lemma_.lower() == "force" and any(
            c.lemma_.lower() in self.force_modifiers for c in tok.children if c.dep_ in ("compound", "amod"))

    def _phrase(self, tok: Token) -> list[Actor]:
        """Coded actors first: "Senior Hungarian and Romanian officials" (a group without a code) is read
        through its modifiers as Hungary and Romania; the uncoded actor is the answer only when none is."""
        if opposed(tok) and self.rules.on(R.ANTI):
            return []  # "an anti-Houthi coalition" is against the Houthis, not theirs
        if tok.i in self.by_token:
            return [self.by_token[tok.i]]
        if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
            resolved = self.resolve_pronoun(tok)
            return [resolved] if resolved else []
        counted = self._counted_states(tok)
        if counted:
            return counted
        out: list[Actor] = []
        for c in tok.children:
            if c.dep_ in NP_DEPS and c.dep_ != "case":
                out += self._phrase(c)
                if tok.dep_ != "conj":  # "U.S. and Russian negotiators": both modifiers
                    out += [a for conj in c.conjuncts if conj.i < tok.i for a in self._phrase(conj)]
        if not any(self.code_of(a) for a in out) and tok.i in self.generic:
            return [self.generic[tok.i], *out]  # "rebels" (the actors stage may have it without a code)
        if not any(self.code_of(a) for a in out) and tok.i in self.uncoded:
            return [self.uncoded[tok.i], *out]
        return out

    def _counted_states(self, tok: Token) -> list[Actor]:
        """"The two countries", "both nations": the last states named before them (within the sentences a
        pronoun may reach back), as many as the phrase counts; none when fewer are named."""
        count = counted(tok) if tok.lemma_.lower() in self.counted_state_nouns and tok.tag_ == "NNS" else 0
        if count < 2 or not self.rules.on(R.COUNTED_STATES):
            return []
        named = sorted([(i, a) for i, a in self.mentions if a.kind == "state"] + list(self.places.items()),
                       key=lambda x: x[0])
        # who says or does something to them is not one of them: "Russia said the two countries would ..."
        outside = {t.i for anc in tok.ancestors for s in [subject_of(anc)] if s is not None for t in s.subtree}
        floor, states = self.window_start(tok), dict[str, Actor]()
        for i, actor in reversed(named):
            code = self.code_of(actor)
            if floor <= i < tok.i and i not in outside and code and code not in states:
                states[code] = actor
            if len(states) == count:
                found = list(reversed(states.values()))
                self.note(tok, R.COUNTED_STATES, found)
                return found
        return []

    def window_start(self, tok: Token) -> int:
        """The first token of the sentences a reference may reach back to: its own and ``pronoun_sentences``
        before it."""
        floor = tok.sent.start
        for _ in range(self.pronoun_sentences):
            if floor > 0:
                floor = self.doc[floor - 1].sent.start
        return floor

    def resolve_pronoun(self, pron: Token) -> Actor | None:
        """The nearest preceding actor of a fitting kind, within the sentence and the one before.

        A subject or possessive pronoun in a reported clause is the reporter ("X said it would ..."); a
        main-clause subject pronoun prefers the main-clause subject before it ("Iran said the U.S. had
        cheated. It accused ..." is Iran); an object pronoun is never its own clause's subject ("X said it
        would impose sanctions on it": the second "it" is someone else) and may go back to an object."""
        word = pron.lower_
        if word in FIRST_PERSON:
            return self._speaker_of(pron, word) if self.rules.on(R.FIRST_PERSON) else None
        if word not in PERSON_PRONOUNS and word not in GROUP_PRONOUNS:
            return None
        if pron.i in self._resolved:
            return self._resolved[pron.i]
        self._resolved[pron.i] = None  # (no cycles through a pronoun subject)
        found = self._resolve(pron, word)
        actor = found[1] if found is not None else None
        self._resolved[pron.i] = actor
        if found is not None and actor is not None:
            self.note(pron, found[0], [actor])
        return actor

    def _speaker_of(self, pron: Token, word: str) -> Actor | None:
        """"I" or "we" inside a quotation is its speaker ("'I strongly reject the blockade,' Parrilla
        wrote"); "we" of a speaker who acts for a state or a body is that state or body."""
        quote = next((q for q in self.quotes if q.start <= pron.idx < q.end and q.speaker), None)
        speaker = self.by_id.get(quote.speaker or "") if quote is not None else None
        if speaker is None or word in FIRST_SINGULAR or speaker.kind != "person" or not self.rules.on(R.WE_BODY):
            if speaker is not None:
                self.note(pron, R.FIRST_PERSON, [speaker])
            return speaker
        body = speaker.affiliation or speaker.country
        actor = next((a for a in self.by_id.values() if body and a.code == body and a.kind != "person"), speaker)
        self.note(pron, R.WE_BODY if actor is not speaker else R.FIRST_PERSON, [actor])
        return actor

    def _resolve(self, pron: Token, word: str) -> tuple[str, Actor] | None:
        """The antecedent of a third-person pronoun, and the rule that chose it."""
        as_subject = pron.dep_ in SUBJECT_DEPS or pron.dep_ == "poss"
        verb = governing_verb(pron)
        if as_subject and self.rules.on(R.PRONOUN_REPORTER):
            reporter = self._reporter_of(pron, word)
            if reporter is not None:
                return R.PRONOUN_REPORTER, reporter
        candidates = self._candidates(pron, word, as_subject, verb)
        in_subject = [(i, a) for i, a in candidates if inside_subject(self.doc[i])]
        if as_subject and verb is not None and verb.dep_ == "ROOT" and self.rules.on(R.PRONOUN_MAIN_SUBJECT):
            main = [a for i, a in in_subject if main_clause_subject(self.doc[i])]
            if main:
                return R.PRONOUN_MAIN_SUBJECT, main[0]
        if in_subject and self.rules.on(R.PRONOUN_SUBJECT):
            return R.PRONOUN_SUBJECT, in_subject[0][1]
        if not as_subject and candidates and self.rules.on(R.PRONOUN_OBJECT):
            return R.PRONOUN_OBJECT, candidates[0][1]  # "detained Ali Khan and later released him"
        return None

    def _reporter_of(self, pron: Token, word: str) -> Actor | None:
        """The subject of the reporting verb governing a subject pronoun: "X said it would ..." is X."""
        for anc in pron.ancestors:
            if anc.dep_ in ("ccomp", "xcomp") and anc.head.pos_ in ("VERB", "AUX"):
                subj = subject_of(anc.head)
                if subj is not None and subj.i != pron.i:
                    fitting = [a for a in self._phrase(subj) if fits(word, a)]
                    if fitting:
                        return fitting[0]
                return None
        return None

    def _candidates(self, pron: Token, word: str, as_subject: bool, verb: Token | None) -> list[tuple[int, Actor]]:
        """The fitting actors named before the pronoun, nearest first, in its sentence and the ones before
        (``pronoun_sentences``); for an object pronoun, not its own clause's subject."""
        floor = self.window_start(pron)
        excluded: set[str] = set()
        if not as_subject and verb is not None and self.rules.on(R.NOT_OWN_SUBJECT):
            subj = subject_of(verb)
            if subj is not None and subj.i != pron.i:
                excluded = {a.id for a in self._phrase(subj)}
        return [(i, actor) for i, actor in reversed(self.mentions)
                if floor <= i < pron.i and fits(word, actor) and actor.id not in excluded]


COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5}


def counted(tok: Token) -> int:
    """How many a plural noun counts: "the two countries" 2, "both nations" 2, "the 3 states" 3; else 0."""
    for c in tok.children:
        if c.dep_ == "nummod":
            return COUNT_WORDS.get(c.lower_, int(c.text) if c.text.isdigit() and len(c.text) == 1 else 0)
        if c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj"):
            return 2
    return 0


def named_in_text(doc: Doc, actor: Actor) -> bool:
    """An actor named in the text ("Askar Akayev", "the Fatah Party"), though without a code: an event
    it takes part in is worth keeping; "officials", "some analysts" are not enough on their own."""
    if actor.kind not in NAMED_KINDS or not actor.mentions or actor.id.startswith(PLACE_ID):
        return False
    span = doc.char_span(actor.mentions[0].start, actor.mentions[0].end, alignment_mode="expand")
    return span is not None and any(t.pos_ == "PROPN" for t in span)


def fits(pronoun: str, actor: Actor) -> bool:
    if actor.id.startswith(GRP_ID):
        return pronoun in ("they", "them", "their")  # "rebels ... they", not "it"
    if pronoun in PERSON_PRONOUNS:
        return actor.kind == "person"
    if pronoun in ("it", "its"):
        return actor.kind != "person"
    return True


def codes_of(actors: Iterable[Actor], code_of: Callable[[Actor], str | None]) -> list[str]:
    """The actors' codes, in order; a person acting for a state or body is coded by it and also by the
    person's own stable code ("UN", "PER:KOFI_ANNAN"), so the event can be found under either."""
    out: list[str] = []
    for a in actors:
        # (a collective located in a state: "IDN", "GRP:STUDENT")
        first = a.country if a.id.startswith(GRP_ID) else code_of(a)
        for code in (first, a.code if a.kind == "person" or a.id.startswith(GRP_ID) else None):
            if code and code not in out:
                out.append(code)
    return out


def real_id(actor: Actor) -> str:
    """The id of the actor a stand-in stands for ("sub:3:A2" -> "A2")."""
    return actor.id.rsplit(":", 1)[1] if actor.id.startswith(SUB_ID) else actor.id


def ids_of(actors: Iterable[Actor]) -> list[str]:
    """The actor ids of an event side; a place standing for its state keeps its stand-in id until
    ``register_places`` gives it the state's."""
    out: list[str] = []
    for a in actors:
        real = real_id(a) or (a.id if a.id.startswith(PLACE_ID) else "")
        if real and real not in out:
            out.append(real)
    return out


def group_word(tok: Token, words: frozenset[str]) -> str | None:
    """The collective a noun names, singular ("Kurds" -> "kurd", "gunmen" -> "gunman"), if it is one."""
    for w in (tok.lemma_.lower(), tok.lower_, tok.lower_.rstrip("s")):
        if w in words:
            return w
    return None


def register_groups(doc: Doc, events: list[Event], index: ActorIndex) -> None:
    """Collectives that events name become actors of the article (kind group, code GRP:<HEAD>), with every
    mention of their head word, so the events' actor ids point at something real."""
    actors: list[Actor] = doc._.actors if doc._.actors is not None else []
    new_ids: dict[str, str] = {}
    text = doc_text(doc)
    by_id = {a.id: a for a in index.generic.values()}
    for ev in events:
        for ids in (ev.source_actors, ev.target_actors):
            for n, aid in enumerate(ids):
                if not aid.startswith(GRP_ID) or aid not in by_id:
                    continue
                owner = index.generic_owner.get(aid)
                spans = index.generic_spans.get(aid, [])
                if aid not in new_ids and owner is not None:
                    # the actors stage named it without a code: it takes the collective's code
                    owner.code = owner.code or by_id[aid].code
                    owner.country = owner.country or index.group_country.get(aid)
                    new_ids[aid] = owner.id
                    changed(owner, R.COLLECTIVE, spans[0] if spans else None)  # (the actors stage made it)
                if aid not in new_ids:
                    stand_in = by_id[aid]
                    new_ids[aid] = f"A{len(actors) + 1}"
                    country = index.group_country.get(aid)
                    group = Actor(new_ids[aid], stand_in.name, stand_in.kind, code=stand_in.code, country=country,
                                  mentions=[Mention(s, e, text[s:e], form="description") for s, e in spans])
                    fired(group, R.COLLECTIVE, spans[0] if spans else None)
                    actors.append(group)
                ids[n] = new_ids[aid]
    doc._.actors = actors


def register_places(doc: Doc, events: list[Event]) -> None:
    """A place an event lands on stands for its state ("shelled Juba", "arrived in Amman"): the place's
    words become a mention of that state's actor (form "place"), made if the article names the state
    nowhere else, so the event's state code points back at the characters it was read from."""
    actors: list[Actor] = doc._.actors if doc._.actors is not None else []
    places: list[Place] = doc._.places or []
    text = doc_text(doc)
    for ev in events:
        for ids in (ev.source_actors, ev.target_actors):
            for n, aid in enumerate(ids):
                if not aid.startswith(PLACE_ID):
                    continue
                if aid.startswith(GOVERNMENT_ID):  # the government of a state named elsewhere in the text
                    state = state_actor(actors, aid[len(GOVERNMENT_ID):])
                    ids[n] = state.id if state is not None else ""
                    continue
                place = places[int(aid[len(PLACE_ID):])]
                state = state_actor(actors, place.country or "")
                record = fired if state is None else changed  # (a state made before keeps its maker)
                if state is None:
                    name = load_actor_lexicon().state_names.get(place.country or "", place.country or "")
                    state = Actor(f"A{len(actors) + 1}", name, "state", code=place.country, country=place.country)
                    actors.append(state)
                if not any(m.start == place.start and m.end == place.end for m in state.mentions):
                    state.mentions.append(Mention(place.start, place.end, text[place.start:place.end], form="place"))
                    state.mentions.sort(key=lambda m: m.start)
                    record(state, R.PLACE_STATE, (place.start, place.end))
                ids[n] = state.id
        ev.source_actors[:] = [a for a in dict.fromkeys(ev.source_actors) if a]
        ev.target_actors[:] = [a for a in dict.fromkeys(ev.target_actors) if a]
    doc._.actors = actors


def state_actor(actors: list[Actor], code: str) -> Actor | None:
    return next((a for a in actors if a.kind == "state" and a.code == code), None)


def unique_actors(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for a in actors:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out
