"""'According to X', reporting nouns, 'citing X' and the attributions whose source is left unsaid
(according.py, nouns.py, phrases.py).
"""

from __future__ import annotations

from tests.quotes.common import actor, content, only, span_text, speaker_name


def test_according_to(run):
    text = "Fighter pilots are also among the personnel being sent to Russia, according to the defense ministry."
    doc = run(text)
    q = only(doc)
    assert content(doc, q) == "Fighter pilots are also among the personnel being sent to Russia"
    assert doc.text[q.cue[0] : q.cue[1]] == "according to"  # type: ignore[index]
    assert speaker_name(doc, q) == "defense ministry"

def test_reporting_noun_with_named_source(run):
    text = "Trump's claim that the election was stolen has been rejected by courts."
    doc = run(text, [actor(text, "Trump")])
    q = only(doc)
    assert content(doc, q) == "the election was stolen" and q.speaker == "A1"
    assert run("There are rising concerns that the troops could boost Russian forces.")._.quotes == []

def test_citing_names_the_source_of_the_clause(run):
    doc = run("The deal has collapsed, citing two people familiar with the matter.")
    q = only(doc)
    assert content(doc, q) == "The deal has collapsed"
    assert doc.text[q.source[0] : q.source[1]] == "two people familiar with the matter"  # type: ignore[index]
    assert run("The company cut 500 jobs, citing weak demand.")._.quotes == []  # a reason, not a source

def test_according_to_mid_sentence_vouches_only_for_its_clause(run):
    text = ("The contractor has admitted to overbilling the city, according to auditors, but the council "
            "keeps paying it.")
    doc = run(text)
    q = only(doc)
    assert content(doc, q) == "The contractor has admitted to overbilling the city"
    assert span_text(doc, q.source) == "auditors" and span_text(doc, q.cue) == "according to"

def test_according_to_before_a_direct_quote(run):
    text = 'According to fire chief Dana Holt, "the blaze started in the kitchen and spread in minutes."'
    doc = run(text, [actor(text, "Dana Holt")])
    q = only(doc)
    assert q.kind == "direct" and span_text(doc, q.cue) == "According to"
    assert speaker_name(doc, q) == "Dana Holt"

def test_implicit_source_is_null(run):
    doc = run("The senator is widely believed to be planning a run for governor.")
    q = only(doc)
    assert q.source is None and q.speaker is None
    assert content(doc, q) == "to be planning a run for governor"
    assert span_text(doc, q.cue) is not None and "believed" in span_text(doc, q.cue)  # type: ignore[operator]

def test_passive_cue_with_a_by_phrase_names_the_source(run):
    doc = run("The challenger was projected by two networks to win the district.")
    q = only(doc)
    assert span_text(doc, q.source) == "two networks" and content(doc, q) == "to win the district"

def test_reporting_noun_without_a_holder_has_a_null_source(run):
    doc = run("The shares fell amid a report that the bank had lost thousands of files.")
    q = only(doc)
    assert content(doc, q) == "the bank had lost thousands of files" and q.source is None

def test_there_are_concerns_is_no_attribution(run):
    doc = run("There are rising concerns that the river could flood the town.")
    assert doc._.quotes == []

def test_reporting_noun_with_a_compound_name_and_a_light_verb(run):
    doc = run("He raised the Daily Courier report that the mayor had lied.")
    q = only(doc)
    assert span_text(doc, q.source) == "Daily Courier" and content(doc, q) == "the mayor had lied"
    doc = run("The singer made a surprise announcement that she was leaving the band.")
    q = only(doc)
    assert span_text(doc, q.source) == "The singer" and content(doc, q) == "she was leaving the band"

def test_according_to_after_a_semicolon_leaves_the_first_clause_its_own(run):
    text = "The regulator suggested the bank was insolvent; according to auditors, it owed $3 million."
    doc = run(text)
    got = {(span_text(doc, q.cue), content(doc, q)) for q in doc._.quotes}
    assert got == {("suggested", "the bank was insolvent"), ("according to", "it owed $3 million")}

def test_passive_accusation_keeps_both_charges(run):
    doc = run("He was accused of hiding the funds, and of lying to the auditors.")
    q = only(doc)
    assert q.source is None and content(doc, q) == "hiding the funds, and of lying to the auditors"

def test_according_to_at_the_end_is_the_outer_attribution(run):
    doc = run("The spokesman said the firm would repay its clients, according to the Daily Courier.")
    q = only(doc)
    assert span_text(doc, q.cue) == "according to" and span_text(doc, q.source) == "the Daily Courier"
    assert content(doc, q) == "The spokesman said the firm would repay its clients"
