"""Interviews: who answers. A question-and-answer article gives its answers to the person interviewed,
though no verb of saying stands next to them.

- ``quotes.interview.label``: a paragraph opening with a speaker's label ("Alessandra Conti: Nearly
  580,000.", "AC: No.") is that person's, when the label is a person's name, surname or initials;
- ``quotes.interview.answer``: in an article whose paragraphs alternate between short questions and
  answers (two questions or more), the paragraphs after a question are the answers of the person its
  opening paragraph names ("Ahmad Khalil has volunteered ... He spoke to The Civic Review by phone.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.model import Actor

# A speaker's label opening a paragraph: one to four capitalised words, or initials, then a colon.
LABEL = re.compile(r"(?P<label>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]")
MAX_QUESTION_CHARS = 200  # a question paragraph is short: one or two sentences
MIN_QUESTIONS = 2
FIRST_PERSON = frozenset({"i", "we"})  # an answer's own sources: the one answering


@dataclass(frozen=True)
class Answer:
    """A paragraph of answers: its span, who gives it, the words that say so and the rule that found it."""

    start: int
    end: int
    actor: Actor
    evidence: tuple[int, int]
    rule: str


def interview_answers(text: str, actors: list[Actor], labels_on: bool = True, answers_on: bool = True
                      ) -> list[Answer]:
    """The answer paragraphs of an interview, in text order (none for other articles)."""
    persons = [a for a in actors if a.kind == "person" and a.mentions]
    if not persons:
        return []
    paragraphs = _paragraphs(text)
    labelled = _labelled(text, paragraphs, persons) if labels_on else []
    if labelled:
        return labelled
    return _after_questions(text, paragraphs, persons) if answers_on else []


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append((start, end))
        start = end + 1
    return out


def _labelled(text: str, paragraphs: list[tuple[int, int]], persons: list[Actor]) -> list[Answer]:
    found = []
    for start, end in paragraphs:
        match = LABEL.match(text, start, end)
        if match is None:
            continue
        person = _person_labelled(match.group("label"), persons)
        if person is not None:
            found.append(Answer(start, end, person, match.span("label"), "quotes.interview.label"))
    return found if len(found) >= MIN_QUESTIONS else []


def _person_labelled(label: str, persons: list[Actor]) -> Actor | None:
    """The one person a label names: by full name, surname or initials ("AC" for Alessandra Conti)."""
    def fits(a: Actor) -> bool:
        words = a.name.split()
        return label in (a.name, words[-1]) or (label.isupper() and 2 <= len(label) <= 4
                                                  and label == "".join(w[0] for w in words if w[:1].isupper()))
    matching = [a for a in persons if fits(a)]
    return matching[0] if len(matching) == 1 else None


def _after_questions(text: str, paragraphs: list[tuple[int, int]], persons: list[Actor]) -> list[Answer]:
    questions = [i for i, (s, e) in enumerate(paragraphs)
                 if text[s:e].rstrip().endswith("?") and e - s <= MAX_QUESTION_CHARS]
    if len(questions) < MIN_QUESTIONS or not paragraphs or questions[0] == 0:
        return []
    lead_start, lead_end = paragraphs[0]
    named = sorted(((m.start, m.end, a) for a in persons for m in a.mentions if lead_start <= m.start < lead_end),
                   key=lambda x: x[0])
    if not named:
        return []
    start, end, person = named[0]
    asked = set(questions)
    return [Answer(s, e, person, (start, end), "quotes.interview.answer")
            for i, (s, e) in enumerate(paragraphs) if i > questions[0] and i not in asked]
