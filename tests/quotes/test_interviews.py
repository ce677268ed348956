"""Who answers in an interview (newsgraph/nlp/quotes/interviews.py), and which articles are none."""

from __future__ import annotations

import re

from newsgraph.model import Actor, Mention
from newsgraph.nlp.quotes.interviews import interview_answers


def persons(text: str, *names: str) -> list[Actor]:
    return [Actor(f"A{i}", name, "person", mentions=[Mention(m.start(), m.end(), name)
                                                     for m in re.finditer(re.escape(name), text)])
            for i, name in enumerate(names, 1)]


def answered(text: str, *names: str) -> list[tuple[str, str, str]]:
    return [(text[a.start:a.end], a.actor.name, a.rule) for a in interview_answers(text, persons(text, *names))]


def test_labelled_paragraphs_are_their_speakers_by_name_or_initials() -> None:
    text = "Lena Ruiz heads the clinic.\nRadio: How many patients?\nLena Ruiz: About 90.\nRadio: Why?\nLR: The war."
    assert answered(text, "Lena Ruiz") == [("Lena Ruiz: About 90.", "Lena Ruiz", "quotes.interview.label"),
                                           ("LR: The war.", "Lena Ruiz", "quotes.interview.label")]


def test_answers_after_questions_are_the_person_the_opening_names() -> None:
    text = "Sami Aziz drives an ambulance in the city.\nWhat did you see?\nFires everywhere.\nAnd now?\nIt is calm."
    assert answered(text, "Sami Aziz") == [("Fires everywhere.", "Sami Aziz", "quotes.interview.answer"),
                                           ("It is calm.", "Sami Aziz", "quotes.interview.answer")]


def test_a_news_report_with_one_question_or_labels_of_no_one_is_no_interview() -> None:
    report = "Sami Aziz said the city was calm.\nWhat comes next?\nThe council meets on Monday.\nUpdate: roads closed."
    assert answered(report, "Sami Aziz") == []
    labels = "Sami Aziz said it.\nUpdate: roads closed.\nCorrection: the toll was 12."
    assert answered(labels, "Sami Aziz") == []
