"""What a reporting verb governs: indirect speech, mixed quotes, objects as content, the edges of the
content, and the cue verbs that report nothing (clauses.py, content.py, objects.py).
"""

from __future__ import annotations

import pytest

from tests.quotes.common import actor, content, only, span_text, speaker_name


def test_mixed_quote_fragment(run):
    text = "NATO chief Mark Rutte called the move a “significant escalation” of the war."
    doc = run(text, [actor(text, "Mark Rutte")])
    q = only(doc)
    assert q.kind == "mixed"
    assert content(doc, q) == "significant escalation"
    assert speaker_name(doc, q) == "Mark Rutte"

def test_indirect_speech(run):
    text = "NATO chief Rutte said that North Korean troops had been deployed near the border."
    doc = run(text, [actor(text, "Rutte")])
    q = only(doc)
    assert q.kind == "indirect"
    assert content(doc, q) == "North Korean troops had been deployed near the border"
    assert speaker_name(doc, q) == "Rutte"

def test_indirect_speech_with_a_broad_cue_verb(run):
    text = "Ukrainian President Volodymyr Zelenskiy warned last week that Russia intended to deploy the troops."
    doc = run(text, [actor(text, "Volodymyr Zelenskiy")])
    q = only(doc)
    assert content(doc, q) == "Russia intended to deploy the troops"
    assert doc.text[q.cue[0] : q.cue[1]] == "warned"  # type: ignore[index]

def test_plain_actions_are_not_attributions(run):
    doc = run("The army shelled the town and the mayor left the city.")
    assert doc._.quotes == []

def test_only_outermost_attribution(run):
    text = "Singh said that Austin believes the talks could fail."
    doc = run(text, [actor(text, "Singh")])
    assert speaker_name(doc, only(doc)) == "Singh"

def test_participle_on_bare_plural_is_not_a_source(run):
    doc = run("The comments follow weeks of reports suggesting that North Korea was sending troops.")
    assert doc._.quotes == []

@pytest.mark.parametrize(
    "text",
    [
        "What do you think might account for the decline in numbers?",
        "The party did not immediately announce whom they would support in the election.",
        "The guardrail would be examined to determine if it had performed as designed.",
        "Bobulinski recalled someone who went to fight in the war and returned changed.",
        "Biden and Harris both refused to answer whether they would support Court packing.",
    ],
)
def test_not_attributions(run, text):
    assert run(text)._.quotes == []

def test_parenthetical_cue(run):
    doc = run("The attack was planned for months, officials said on Monday.")
    q = only(doc)
    assert content(doc, q) == "The attack was planned for months"
    assert doc.text[q.source[0] : q.source[1]] == "officials"  # type: ignore[index]

def test_controlled_subject_of_an_infinitive_cue(run):
    text = "Biden is expected to announce that he will run again."
    doc = run(text, [actor(text, "Biden")])
    q = only(doc)
    assert content(doc, q) == "he will run again" and q.speaker == "A1"

@pytest.mark.parametrize(
    ("text", "cue", "want"),
    [
        ("Republicans want to repeal the law before the election.", "want", "to repeal the law before the election"),
        ("Democrats hope to win back the Senate in November.", "hope", "to win back the Senate in November"),
        ("Economists expect the Federal Reserve to raise rates.", "expect", "the Federal Reserve to raise rates"),
        ("The judge ordered the administration to restore the program.", "ordered",
         "the administration to restore the program"),
        ("The mayor urged residents to stay indoors.", "urged", "residents to stay indoors"),
        ("Activists called for the resignation of the police chief.", "called for",
         "the resignation of the police chief"),
        ("Trump has accused Democrats of trying to steal the election.", "has accused",
         "Democrats of trying to steal the election"),
        ("Biden blamed Republicans for the shutdown.", "blamed", "Republicans for the shutdown"),
        ("The agency's finding that the water was safe was disputed.", "finding", "the water was safe"),
        ("A federal judge ruled that the policy was unlawful.", "ruled", "the policy was unlawful"),
        ("The war has been going on for years; the Taliban wants foreign forces to leave.", "wants",
         "foreign forces to leave"),
    ],
)
def test_non_say_cues(run, text, cue, want):
    doc = run(text)
    q = only(doc)
    assert content(doc, q) == want
    assert q.cue is not None and doc.text[q.cue[0] : q.cue[1]] == cue

@pytest.mark.parametrize(
    "text",
    [
        "Biden praised the troops.",  # a plain action: no proposition
        "If we confirm that it is a planet, it becomes very important to follow it.",
        "And so, the two leaders were; I mentioned them earlier; Smith is the leader.",
        "That said, Red Hat is working on some programs for users.",
        "Imagine that we put all the attributes of an institution in a bottle.",
        "Can we expect Rocky Linux to be released before the end of the year?",
        'This moment of integration is called "the development phase" in the process.',
        "Whether, you know, you select individuals that are prosocial matters.",
        "See, the idea is: each according to their choice.",
        "The launch went according to plan.",
    ],
)
def test_not_attributions_on_unseen_news(run, text):
    assert run(text)._.quotes == []

def test_mixed_quote_keeps_the_quoted_words_and_its_speaker(run):
    text = "Senator Paula Reyes called the budget deal “a gift to the lobbyists” on Tuesday."
    doc = run(text, [actor(text, "Paula Reyes")])
    q = only(doc)
    assert q.kind == "mixed" and "gift to the lobbyists" in content(doc, q)
    assert span_text(doc, q.cue) == "called" and speaker_name(doc, q) == "Paula Reyes"

@pytest.mark.parametrize(
    ("text", "cue", "want"),
    [
        ("The judge ruled the county's voting map violated the state constitution.", "ruled",
         "the county's voting map violated the state constitution"),
        ("The inspectors found the dam to be unsafe.", "found", "the dam to be unsafe"),
        ("Most voters think the tax will hurt small farms.", "think", "the tax will hurt small farms"),
        ("The governor plans to veto the water bill.", "plans", "to veto the water bill"),
        ("The union urged its members to reject the offer.", "urged", "its members to reject the offer"),
        ("The audit showed that the agency had overpaid contractors.", "showed",
         "the agency had overpaid contractors"),
        ("Minutes before the vote was held, the mayor claimed the count was rigged.", "claimed",
         "the count was rigged"),
    ],
)
def test_indirect_speech_beliefs_intentions_rulings_findings(run, text, cue, want):
    doc = run(text)
    q = only(doc)
    assert q.kind == "indirect"
    assert content(doc, q) == want
    assert span_text(doc, q.cue) is not None and cue in span_text(doc, q.cue)  # type: ignore[operator]

@pytest.mark.parametrize(
    ("text", "cue", "want"),
    [
        ("The school board decided to delay the new timetable.", "decided", "to delay the new timetable"),
        ("Parents demanded the dismissal of the head teacher.", "demanded", "the dismissal of the head teacher"),
        ("The ferry operator denied any wrongdoing.", "denied", "any wrongdoing"),
        ("The union rejected claims that the strike was illegal.", "rejected", "claims that the strike was illegal"),
        ("Farmers accused the ministry of ignoring the drought.", "accused", "the ministry of ignoring the drought"),
        ("The columnist described the budget as a gamble.", "described", "the budget as a gamble"),
        ("The lawsuit alleges, among other things, that the firm hid its losses.", "alleges",
         "the firm hid its losses"),
    ],
)
def test_non_say_cues_round_two(run, text, cue, want):
    doc = run(text)
    q = only(doc)
    assert content(doc, q) == want
    assert span_text(doc, q.cue) is not None and cue in span_text(doc, q.cue)  # type: ignore[operator]

@pytest.mark.parametrize(
    ("text", "source", "cue", "want"),
    [
        ("The mayor expressed concern about the rising cost of bus fares.", "The mayor", "expressed",
         "concern about the rising cost of bus fares"),
        ("Last spring the actor had signaled an intent to run but decided against it.", "the actor",
         "had signaled", "an intent to run"),
        ("The council announced the closure of two libraries.", "The council", "announced",
         "the closure of two libraries"),
    ],
)
def test_noun_phrase_object_is_the_content(run, text, source, cue, want):
    """'expressed concern about X', 'signaled an intent to run': an attitude noun as the cue's object is
    what the source holds; 'announced the closure of X': an announcement's object is what it says."""
    doc = run(text)
    q = only(doc)
    assert content(doc, q) == want
    assert span_text(doc, q.source) == source and span_text(doc, q.cue) == cue

@pytest.mark.parametrize(
    "text",
    [
        "The stadium gathered two million views in a week.",  # a that-verb with a plain object
        "The committee rejected this argument: the fee was never paid.",  # a demonstrative points elsewhere
        "She announced it on Monday.",  # a pronoun object refers back
        "The reporter asked why the minister had decided to resign.",  # a decision inside a question
    ],
)
def test_noun_objects_that_report_nothing(run, text):
    doc = run(text)
    assert not [q for q in doc._.quotes if content(doc, q) in ("two million views in a week", "this argument",
                                                               "it", "to resign")]

@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The senator has repeatedly said the bill is dead.", "has repeatedly said"),
        ("The coach would later tell reporters that he had no regrets.", "would later tell"),
        ("The agency reportedly said the site would close.", "said"),
    ],
)
def test_cue_is_one_contiguous_verb_group(run, text, cue):
    doc = run(text)
    assert span_text(doc, only(doc).cue) == cue

def test_object_of_the_governing_verb_is_the_source_of_an_infinitive_cue(run):
    doc = run('The backlash led the candidate to admit that the remark was careless.')
    q = only(doc)
    assert span_text(doc, q.source) == "the candidate" and content(doc, q) == "the remark was careless"

def test_second_report_joined_to_the_clause_is_its_own(run):
    text = "A judge agreed the memo may have been leaked but ruled that the damage was done."
    doc = run(text)
    got = {(span_text(doc, q.source), span_text(doc, q.cue), content(doc, q)) for q in doc._.quotes}
    assert got == {("A judge", "agreed", "the memo may have been leaked"),
                   ("A judge", "ruled", "the damage was done")}

def test_fragment_in_a_participle_adjunct_is_not_the_main_cue_content(run):
    text = 'The campaign criticized the pardon as an abuse of power, pointing to the "ballot box" instead.'
    doc = run(text)
    q = only(doc)
    assert span_text(doc, q.cue) == "criticized" and content(doc, q) == "the pardon as an abuse of power"

def test_participle_mistagged_as_a_noun_speaks_for_the_subject(run):
    doc = run("On Monday, Judge Ann Ford issued a ruling against the city finding that the tax was illegal.")
    q = only(doc)
    assert span_text(doc, q.source) is not None and "Ann Ford" in span_text(doc, q.source)  # type: ignore[operator]
    assert content(doc, q) == "the tax was illegal"

def test_clause_subject_taken_for_the_cue_object_is_given_back(run):
    doc = run("The safety board on Monday announced the flight recorder from the jet has been recovered from the bay.")
    assert content(doc, only(doc)) == "the flight recorder from the jet has been recovered from the bay"

@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The mayor said the tunnel would open in May, speaking at a town hall on Friday.",
         "the tunnel would open in May"),
        ("The senator told reporters that the vote would fail, before leaving for Boston.", "the vote would fail"),
    ],
)
def test_content_stops_before_the_cues_own_adjuncts(run, text, want):
    assert content(run(text), only(run(text))) == want

def test_report_in_a_subordinate_clause_does_not_take_the_main_clause(run):
    text = ("After the governor suggested in a radio interview that the levy could raise prices, early spring "
            "debate centered around the harbour.")
    doc = run(text)
    assert content(doc, only(doc)) == "the levy could raise prices"

def test_quoted_pieces_right_after_a_clause_finish_it(run):
    text = 'The mayor criticized the plan, arguing the council was "wast[ing] money" and "ignor[ing] residents."'
    doc = run(text)
    got = [(span_text(doc, q.source), span_text(doc, q.cue), content(doc, q)) for q in doc._.quotes]
    assert ("The mayor", "arguing", "the council was") not in got  # not a clause cut before its pieces
    assert {c for _, cue, c in got if cue == "arguing"} in (
        {"wast[ing] money", "ignor[ing] residents"},  # as its quoted pieces
        {'the council was "wast[ing] money" and "ignor[ing] residents'},  # or as one clause
    ), got
    assert all(source == "The mayor" for source, _, _ in got)

def test_quoted_title_as_subject_is_not_a_fragment_of_the_cue(run):
    doc = run('"Fair Start" calls for free school meals, its authors say.')
    assert not any(content(doc, q) == "Fair Start" for q in doc._.quotes)

@pytest.mark.parametrize(
    ("text", "cue", "want"),
    [
        ("The mayor has called on the state to fund the bridge.", "has called on", "the state to fund the bridge"),
        ("The senator made clear that she would oppose the treaty.", "made clear", "she would oppose the treaty"),
        ("The governor made it clear that he would not resign.", "made it clear", "he would not resign"),
        ("The campaign dismissed the survey as an outlier.", "dismissed", "the survey as an outlier"),
        ("The lawmakers questioned whether the board had the authority to act.", "questioned",
         "the board had the authority to act"),
        ("The charter requires cities to publish their budgets.", "requires", "cities to publish their budgets"),
        ("The group is seeking to overturn the verdict.", "is seeking", "to overturn the verdict"),
        ("Unions are pushing for a shorter week.", "are pushing for", "a shorter week"),
        ("The minister warned of severe shortages of fuel.", "warned of", "severe shortages of fuel"),
    ],
)
def test_demands_decrees_doubts_and_light_verb_cues(run, text, cue, want):
    doc = run(text)
    q = only(doc)
    assert span_text(doc, q.cue) == cue and content(doc, q) == want

def test_report_in_a_relative_clause_runs_from_its_pronoun(run):
    doc = run("The levy, which farmers say will ruin them, passed the assembly.")
    q = only(doc)
    assert span_text(doc, q.source) == "farmers" and span_text(doc, q.cue) == "say"
    assert content(doc, q) == "which farmers say will ruin them"


@pytest.mark.parametrize(("text", "said"), [
    # (held-out attributions: the cue's 'that'-only filter dropped a mandative subjunctive)
    ("Nancy Pelosi, Speaker of the House, ordered the Capitol's flags be lowered to half staff.",
     "the Capitol's flags be lowered to half staff"),
    ("Protesters demanded the minister resign.", "the minister resign"),
])
def test_a_subjunctive_clause_is_what_was_ordered(run, text: str, said: str) -> None:
    assert content(run(text), only(run(text))) == said


@pytest.mark.parametrize("text", [
    "The judge showed the way.",
    "Witnesses saw people run from the area.",  # a verb of perception: no report
    "Students watched campuses erupt across the country.",
])
def test_a_plain_object_of_a_that_verb_is_still_no_clause(run, text: str) -> None:
    assert run(text)._.quotes == []


def test_a_name_before_a_subjectless_verb_speaks_past_its_acronym(run):
    """"In Seoul, ... Service (NIS) said": the parser hangs the name on the place; the name right before
    the verb, with its acronym in brackets, is the source."""
    text = ("In Seoul, South Korea's National Intelligence Service (NIS) said North Korea was preparing to "
            "send another 2,000 soldiers.")
    doc = run(text, [actor(text, "National Intelligence Service")])
    assert speaker_name(doc, only(doc)) == "National Intelligence Service"
