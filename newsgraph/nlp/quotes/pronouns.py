"""'He said', 'they said': the actor a pronoun source stands for.

In order (each a named rule): the most recent speaker of the pronoun's kind within a few sentences,
unless a person was made the subject of a main clause since ('X said ... / Michael Makuei paid tribute
to Luk. "...," he said'); with no recent speaker, the most recent person subject, else the most recent
person named, else a person named as a subject whom the actors stage did not list. 'They' and 'it' are
only ever a recent group or body speaker. A 'she' never stands for someone the text calls 'he', 'Mr' or
'spokesman' (and the other way round); someone the text shows to be a woman is preferred for 'she'.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from newsgraph.model import Actor
from newsgraph.nlp.quotes.cast import Cast
from newsgraph.nlp.quotes.context import QuoteContext

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})  # ('his plan to ...': a possessive source)
COLLECTIVE_PRONOUNS = frozenset({"they", "it", "them", "their", "its"})
SPEAKER_PRONOUNS = PERSONAL_PRONOUNS | COLLECTIVE_PRONOUNS
MASCULINE = frozenset({"he", "him", "his", "himself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})

# (the rule that decided, or None; the actor, or None; the evidence: where that actor was named)
Decided = tuple[str | None, Actor | None, tuple[int, int] | None]
NOBODY: Decided = (None, None, None)


class Pronouns:
    """The speakers met so far in one document (for later pronouns), and what the text says of genders."""

    def __init__(self, ctx: QuoteContext, cast: Cast, create: Callable[[Span], Actor | None]) -> None:
        self.ctx = ctx
        self.cast = cast
        self.create = create  # makes an actor of a name the actors stage did not list
        self.sent_starts = [s.start_char for s in ctx.doc.sents]
        self.lex_gender = {w: g for g in ("m", "f") for w in ctx.lex.classes_of(f"gender_{g}")}
        self.history: list[tuple[int, Actor]] = []  # (char position, speaker) of resolved quotes
        self.gender: dict[str, str] = {}  # actor id -> "m" / "f", from its titles and the pronouns used for it

    def remember(self, position: int, actor: Actor) -> None:
        self.history.append((position, actor))

    def note(self, actor_id: str | None, pronoun: str) -> None:
        """Remember that the text called this speaker 'he' or 'she'."""
        if actor_id is not None and (pronoun in FEMININE or pronoun in MASCULINE):
            self.gender.setdefault(actor_id, "f" if pronoun in FEMININE else "m")

    # -- the antecedent -----------------------------------------------------------------------------

    def antecedent(self, pronoun: str, position: int) -> Decided:
        floor = self._window_start(position)
        want_person = pronoun in PERSONAL_PRONOUNS
        if self.ctx.on("quotes.speaker.pronoun_last_speaker"):
            recent = self._last_speaker(pronoun, position, floor, want_person)
            if recent is not None and (recent[1] is not None or want_person):
                return recent
        if not want_person:
            return self._recent_body(pronoun, position)
        return self._recent_person(pronoun, position, floor)

    def _recent_body(self, pronoun: str, position: int) -> Decided:
        """ "A new update from AFAD, Türkiye's disaster agency. The toll has risen to 5,104, it said.": with no
        recent speaker, "it" is the body named last in its own sentence or the one before (not "they", which
        is as often people never named)."""
        if pronoun not in ("it", "its") or not self.ctx.on("quotes.speaker.pronoun_recent_body"):
            return NOBODY
        k = bisect.bisect_right(self.sent_starts, position) - 1
        floor = self.sent_starts[max(0, k - 1)] if self.sent_starts else 0
        i = bisect.bisect_left(self.cast.starts, position)
        for start, end, actor in reversed(self.cast.mentions[:i]):
            if start < floor:
                break
            if actor.kind == "organization":
                return "quotes.speaker.pronoun_recent_body", actor, (start, end)
        return NOBODY

    def _window_start(self, position: int) -> int:
        i = bisect.bisect_right(self.sent_starts, position) - 1
        return self.sent_starts[max(0, i - self.ctx.settings.pronoun_sentences)] if self.sent_starts else 0

    def _last_speaker(self, pronoun: str, position: int, floor: int, want_person: bool) -> Decided | None:
        for pos, actor in reversed(self.history):
            if pos < floor:
                break
            if pronoun in ("it", "its") and actor.kind == "group" and self.ctx.on("quotes.speaker.pronoun_number"):
                continue  # ("volunteers said ... The toll rose to 15, it said": 'it' is no group of people)
            if (actor.kind == "person") == want_person and not self._clash(actor, pronoun):
                if self.ctx.on("quotes.speaker.pronoun_new_subject"):
                    newer = self._main_subject_between(pos + 1, position, pronoun)
                    if newer is not None:
                        return "quotes.speaker.pronoun_new_subject", newer[2], newer[:2]
                return "quotes.speaker.pronoun_last_speaker", actor, _named(actor, position)
            if want_person:
                continue
            return NOBODY  # "they"/"it" after a person speaker: not that person
        return None

    def _main_subject_between(self, start: int, position: int, pronoun: str) -> tuple[int, int, Actor] | None:
        """The last person actor made the subject of a main verb between two points, in the pronoun's own
        sentence or in the first sentence of its paragraph (where news introduces whom it quotes next)."""
        paragraph = self.ctx.text.rfind("\n", 0, position) + 1
        k = bisect.bisect_right(self.sent_starts, position) - 1
        own_sentence = self.sent_starts[k] if k >= 0 else 0
        for m_start, m_end, actor in reversed(self.cast.between(max(start, paragraph), position)):
            if actor.kind != "person" or self._clash(actor, pronoun):
                continue
            span = self.ctx.doc.char_span(m_start, m_end, alignment_mode="expand")
            if span is None or not _is_main_subject(span.root):
                continue
            if span.sent.start_char >= own_sentence or span.sent.start_char <= paragraph:
                return m_start, m_end, actor
        return None

    def _recent_person(self, pronoun: str, position: int, floor: int) -> Decided:
        """No recent speaker: the most recent person subject, else the most recent person named."""
        i = bisect.bisect_left(self.cast.starts, position)
        candidates = [
            (start, end, actor)
            for start, end, actor in self.cast.mentions[:i]
            if start >= floor and actor.kind == "person" and not self._clash(actor, pronoun)
        ]
        # Someone the text shows to be a woman (a man) beats someone it says nothing about, for 'she' ('he').
        if self.ctx.on("quotes.speaker.pronoun_gender"):
            want = "f" if pronoun in FEMININE else "m"
            matching = [c for c in candidates if self._known_gender(c[2]) == want]
            if matching and pronoun in FEMININE | MASCULINE:
                candidates = matching
        if self.ctx.on("quotes.speaker.pronoun_person_subject"):
            for start, end, actor in reversed(candidates):
                span = self.ctx.doc.char_span(start, end, alignment_mode="expand")
                if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                    return "quotes.speaker.pronoun_person_subject", actor, (start, end)
        if candidates and self.ctx.on("quotes.speaker.pronoun_person_named"):
            start, end, actor = candidates[-1]
            return "quotes.speaker.pronoun_person_named", actor, (start, end)
        if self.ctx.on("quotes.speaker.pronoun_unlisted_person"):
            return self._person_subject(floor, position)
        return NOBODY

    def _person_subject(self, floor: int, position: int) -> Decided:
        """A person named as a subject nearby that the actors stage did not list: make it an actor."""
        doc = self.ctx.doc
        span = doc.char_span(floor, position, alignment_mode="contract")
        if span is None:
            return NOBODY
        for tok in reversed(span):
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
                actor = self.create(doc[tok.i : tok.i + 1])
                return "quotes.speaker.pronoun_unlisted_person", actor, (tok.idx, tok.idx + len(tok.text))
        return NOBODY

    # -- genders ------------------------------------------------------------------------------------

    def _known_gender(self, actor: Actor) -> str | None:
        return self.gender.get(actor.id) or self._gender_from_titles(actor)

    def _clash(self, actor: Actor, pronoun: str) -> bool:
        """'he' cannot be someone the text calls 'she', 'Mrs', 'spokeswoman', or resolved 'she' for."""
        if not self.ctx.on("quotes.speaker.gender_clash"):
            return False
        if _gender_clash(actor, pronoun):
            return True
        want = "f" if pronoun in FEMININE else "m" if pronoun in MASCULINE else None
        known = self._known_gender(actor)
        return want is not None and known is not None and known != want

    def _gender_from_titles(self, actor: Actor) -> str | None:
        doc, window = self.ctx.doc, self.ctx.settings.title_window
        words = set(re.findall(r"\w+", f"{actor.role or ''} {actor.role_text or ''}".lower()))
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                inside = range(span.start, span.end)
                near = doc[max(0, span.start - window) : span.end + window]
                words.update(t.lower_ for t in near if t.i in inside or t.i == span.start - 1 or t.head.i in inside)
        genders = {self.lex_gender[w] for w in words if w in self.lex_gender}
        gender = genders.pop() if len(genders) == 1 else None
        if gender is not None:
            self.gender[actor.id] = gender
        return gender


def _named(actor: Actor, position: int) -> tuple[int, int] | None:
    last = Cast.last_mention_before(actor, position)
    return (last.start, last.end) if last is not None else None


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
