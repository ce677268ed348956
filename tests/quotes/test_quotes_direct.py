"""Direct quotes: which quoted passages are quoted sentences, their cue next to the marks, a colon or a
block quote as the cue, and a quoted sentence carrying on an attributed one (direct.py, cues.py, colon.py).
"""

from __future__ import annotations

from tests.quotes.common import actor, content, only, span_text, speaker_name


def test_direct_quote_with_cue_after(run):
    text = "“We will not allow this to happen again,” Singh said on Monday."
    doc = run(text, [actor(text, "Singh")])
    q = only(doc)
    assert q.kind == "direct"
    assert content(doc, q) == "We will not allow this to happen again"
    assert speaker_name(doc, q) == "Singh"
    assert q.cue is not None and doc.text[q.cue[0] : q.cue[1]] == "said"
    assert q.source is not None and doc.text[q.source[0] : q.source[1]] == "Singh"

def test_direct_quote_straight_marks_over_sentences_and_paragraphs(run):
    text = (
        'Mayor Anna Kowalska said: "The water is back in every district. Crews worked all night.\n'
        '"We expect the last repairs to be finished by Friday."\n'
        "The city has 40,000 residents."
    )
    doc = run(text, [actor(text, "Anna Kowalska")])
    q = only(doc)
    assert content(doc, q).startswith("The water is back")
    assert content(doc, q).endswith("finished by Friday")
    assert speaker_name(doc, q) == "Anna Kowalska"

def test_split_quote_he_said_both_parts(run):
    text = (
        "Defense Minister Lars Berg visited the base. "
        "“The situation is stable,” he said, “but we remain ready to respond to any attack.”"
    )
    doc = run(text, [actor(text, "Lars Berg")])
    assert [q.kind for q in doc._.quotes] == ["direct", "direct"]
    assert [speaker_name(doc, q) for q in doc._.quotes] == ["Lars Berg", "Lars Berg"]
    assert content(doc, doc._.quotes[1]).startswith("but we remain ready")

def test_quoted_sentence_after_attributed_one_continues_it(run):
    text = "“They are co-belligerents in the war,” Singh said. “This is a calculation they have to make.”"
    doc = run(text, [actor(text, "Singh")])
    assert len(doc._.quotes) == 2
    assert all(speaker_name(doc, q) == "Singh" for q in doc._.quotes)

def test_scare_quotes_without_cue_are_not_quotes(run):
    doc = run("The so-called “peace train” left the capital on Monday with 200 passengers.")
    assert doc._.quotes == []

def test_source_never_taken_from_inside_the_quote(run):
    text = "“I have the unfortunate reputation of being Miss Goody Two-Shoes, and all that,” Day said in 1976."
    doc = run(text, [actor(text, "Day")])
    q = only(doc)
    assert q.source is not None and doc.text[q.source[0] : q.source[1]] == "Day"
    assert q.speaker == "A1"

def test_direct_quote_a_few_words_after_its_cue(run):
    text = 'Nancy Pelosi said on Friday "We are committed to keeping our border safe."'
    doc = run(text, [actor(text, "Nancy Pelosi")])
    q = only(doc)
    assert q.kind == "direct" and q.speaker == "A1"

def test_participle_after_a_quote_is_not_its_cue(run):
    text = 'Sanders said in his live stream, "I do not make this decision lightly", calling it a "painful decision".'
    doc = run(text, [actor(text, "Sanders")])
    direct = [q for q in doc._.quotes if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].cue is not None
    assert doc.text[direct[0].cue[0] : direct[0].cue[1]] == "said" and direct[0].speaker == "A1"

def test_direct_quote_over_sentences_and_paragraphs_is_one_speaker(run):
    text = (
        'Harbour master Ines Duarte said: "The storm wall held. Two boats sank at their moorings.\n'
        '"We will reopen the port on Thursday if the swell drops."\n'
        "Fishermen waited on the quay."
    )
    doc = run(text, [actor(text, "Ines Duarte")])
    q = only(doc)
    assert q.kind == "direct"
    assert content(doc, q).startswith("The storm wall held") and content(doc, q).endswith("if the swell drops")
    assert speaker_name(doc, q) == "Ines Duarte"

def test_colon_cue_after_a_clause(run):
    text = 'The coach disagreed with the referee: "That goal was clearly offside and everyone saw it."'
    doc = run(text)
    q = only(doc)
    assert span_text(doc, q.cue) == ":" and span_text(doc, q.source) == "The coach"

def test_block_quote_after_a_colon_line(run):
    text = ("The judge rejected this argument:\n"
            "The claim that the company may ignore a lawful order because it disagrees with it has no basis "
            "in our law, and the motion is denied.\n"
            "The company said it would appeal.")
    doc = run(text)
    block = [q for q in doc._.quotes if q.kind == "direct"]
    assert len(block) == 1 and content(doc, block[0]).startswith("The claim that the company")
    assert span_text(doc, block[0].source) == "The judge"

def test_quote_after_an_attributed_sentence_carries_its_source(run):
    text = ('The pilot said the engine had failed twice, adding that the crew stayed calm. '
            '"We trained for exactly this kind of day."')
    doc = run(text)
    direct = [q for q in doc._.quotes if q.kind == "direct"]
    assert len(direct) == 1 and span_text(doc, direct[0].source) == "The pilot"

def test_quote_tag_after_a_closed_sentence(run):
    text = '"The bill protects every tenant in the state." Harper said.'
    doc = run(text, [actor(text, "Harper")])
    q = only(doc)
    assert speaker_name(doc, q) == "Harper" and span_text(doc, q.cue) == "said"

def test_description_after_the_cue_is_the_source(run):
    doc = run('"The river will crest tonight," read the flood warning.')
    assert span_text(doc, only(doc).source) == "the flood warning"

def test_quote_tag_after_a_misparsed_title(run):
    text = '"We were happy with that", Riverside coach Dan Ellis said. "The pack held firm all day."'
    doc = run(text, [actor(text, "Dan Ellis")])
    assert [speaker_name(doc, q) for q in doc._.quotes] == ["Dan Ellis", "Dan Ellis"]

def test_participle_cue_tagged_as_a_noun_before_a_quote(run):
    text = ('In a post on her account, the secretary affirmed her willingness to accept the role, writing, '
            '"The island needs certainty and stability."')
    doc = run(text)
    got = {(span_text(doc, q.source), span_text(doc, q.cue), content(doc, q)) for q in doc._.quotes}
    assert ("the secretary", "writing", "The island needs certainty and stability") in got
    assert ("the secretary", "affirmed", "her willingness to accept the role") in got
