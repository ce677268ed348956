"""A line break ends a sentence, even where the parser would run one on (after a closing quote)."""

from __future__ import annotations

from newsgraph.nlp.pipeline import build_nlp


def test_a_paragraph_break_ends_the_sentence() -> None:
    doc = build_nlp()('He wrote, "Leaving them is a big mistake."\nBrett McGurk also criticized the decision.')
    assert [s.text.strip() for s in doc.sents] == ['He wrote, "Leaving them is a big mistake."',
                                                  "Brett McGurk also criticized the decision."]


def test_no_break_inside_a_paragraph() -> None:
    doc = build_nlp()("Russia said the talks failed. Ukraine agreed.")
    assert len(list(doc.sents)) == 2


def test_events_keep_to_their_paragraph(extract_text) -> None:
    ext = extract_text('Haley wrote, "Leaving them to die is a big mistake."\nBrett McGurk criticized the decision.')
    assert all("\n" not in e.text for e in ext.events)


def test_an_unbroken_run_is_cut_into_sentences_of_bounded_length() -> None:
    """Found by bench/fuzz.py's slowest batches: 'Russia said ' 6,000 times as one sentence took 36 s (quotes and
    events walk a sentence's tree per cue); a run with no line break and no sentence-final mark now ends every
    MAX_RUN tokens, so the cost grows with the text, not its square. Prose keeps its sentences."""
    from newsgraph.nlp.paragraphs.component import MAX_RUN

    doc = build_nlp()("Russia said " * 3000)
    assert len(doc) == 6000 and max(len(s) for s in doc.sents) <= MAX_RUN
    prose = " ".join(["Russia said the talks failed, and Ukraine agreed."] * 60)  # 600 tokens, 60 sentences
    assert len(list(build_nlp()(prose).sents)) == 60


def test_the_longest_run_is_a_tunable_of_the_config() -> None:
    import spacy

    from newsgraph.nlp.pipeline import MODEL_NAME

    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("newsgraph_paragraphs", before="parser", config={"max_run": 10})
    doc = nlp("Russia said " * 20)
    assert len(doc) == 40 and max(len(s) for s in doc.sents) <= 10


def test_an_abbreviated_title_ends_no_sentence_and_keeps_the_quote_with_its_speaker(extract_text) -> None:
    text = ('WASHINGTON — The Pentagon confirmed it on Monday.\n"The DPRK moved at least 3,000 soldiers into eastern '
            'Russia," Pentagon press secretary Maj. Gen. Pat Ryder told reporters. He said more would come.')
    doc = build_nlp()(text)
    assert any(s.text.startswith('"The DPRK') and s.text.endswith("told reporters.") for s in doc.sents)
    ext = extract_text(text)
    quote = next(q for q in ext.quotes if "3,000" in q.text)
    assert next(a for a in ext.actors if a.id == quote.speaker).name == "Pat Ryder"
