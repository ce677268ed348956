"""Status (newsgraph/nlp/events/status.py): negated, hypothetical, planned, expected, reported, occurred.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from newsgraph.model import Claim
from newsgraph.nlp.pipeline import MODEL_NAME
from tests.events.common import code, find


def test_planned(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Blinken will meet with his South Korean counterparts later this week."), "CONSULT")
    assert ev.status == "planned" and "USA" in ev.source and "KOR" in ev.target


def test_hypothetical(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "If North Korean troops move towards Ukraine, NATO will respond."), "MOBILIZE")
    assert ev.status == "hypothetical"


def test_negated(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "North Korean soldiers had not been deployed in Ukraine."), "MOBILIZE")
    assert ev.status == "negated" and ev.source == ["PRK"]
    # the negation is the deployment's, not the sending's
    evs = code(events_nlp, "The North Korean soldiers sent to Russia had not been deployed in Ukraine.")
    assert sorted((e.status, tuple(e.target)) for e in evs) == [("negated", ("UKR",)), ("occurred", ("RUS",))]


def test_unreal_statements_are_not_events_by_default() -> None:
    from newsgraph.nlp.events import component  # noqa: F401  (registers the factory)

    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("newsgraph_events")
    assert not code(nlp, "North Korean soldiers had not been deployed in Ukraine.")
    assert not code(nlp, "If North Korean troops move towards Ukraine, NATO will respond.")
    assert find(code(nlp, "North Korean troops moved to Russia."), "MOBILIZE").status == "occurred"


def test_report_nouns_make_reported_events(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "The talks follow reports suggesting that North Korea was sending troops "
                               "to Russia."), "MOBILIZE")
    assert ev.status == "reported"


def test_reported_by_adverb_and_by_claim(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Russia reportedly attacked Ukraine."), "ASSAULT")
    assert ev.status == "reported"
    text = "Officials said that Russia attacked Ukraine."
    claim = Claim("C1", text.index("Russia"), len(text) - 1, "Russia attacked Ukraine", "reported")
    ev = find(code(events_nlp, text, [claim]), "ASSAULT")
    assert (ev.status, ev.claim) == ("reported", "C1")


def test_status_of_each_kind(events_nlp: Language) -> None:
    cases = {
        "Russian troops attacked Ukraine on Monday.": "occurred",
        "Putin is expected to visit North Korea next month.": "expected",
        "Russia plans to deploy troops to Mali.": "planned",
        "Russia could send troops to Mali.": "hypothetical",
        "If Russia attacks Ukraine again, NATO will respond.": "hypothetical",
        "Russia did not attack Ukraine.": "negated",
        "No North Korean troops were deployed to Ukraine.": "negated",
        "Russian troops allegedly attacked Ukraine.": "reported",
    }
    for text, status in cases.items():
        evs = [e for e in code(events_nlp, text) if e.type in ("ASSAULT", "CONSULT", "MOBILIZE")]
        assert [e.status for e in evs][:1] == [status], (text, [(e.type, e.status) for e in evs])


def test_who_reports_an_event_is_the_speaker_of_its_claim(extract_text) -> None:
    ext = extract_text("The Pentagon said on Monday that North Korean troops had moved to Russia.")
    ev = next(e for e in ext.events if e.type == "MOBILIZE")
    claim = next(c for c in ext.claims if c.id == ev.claim)
    speaker = next(a for a in ext.actors if a.id == claim.speaker)
    assert (ev.source, ev.target, speaker.name) == (["PRK"], ["RUS"], "Pentagon")


def test_report_adverb_covers_only_its_own_clause(events_nlp: Language) -> None:
    ev = find(code(events_nlp, "Serbian students protested on Friday and the protest has reportedly grown since."),
              "PROTEST")
    assert ev.status == "occurred"
    ev = find(code(events_nlp, "Serbian police arrested Malian students who allegedly were planning an attack."),
              "COERCE")
    assert ev.status == "occurred"
    ev = find(code(events_nlp, "Serbian police reportedly arrested Malian students."), "COERCE")
    assert ev.status == "reported"


def test_called_off_and_planned_acts(extract_text) -> None:
    assert extract_text("Russia stopped shelling Kharkiv.").events == []  # ended, not reported as done
    ext = extract_text("The Pentagon said Soleimani was developing plans to attack American diplomats.")
    assert [e.type for e in ext.events] == ["THREATEN"]  # a planned attack is a threat (PLOVER)
    assert [e.type for e in extract_text("Iran vowed revenge against the United States.").events] == ["THREATEN"]
