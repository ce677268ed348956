"""Paragraph breaks are sentence breaks: a line break in an article ends its sentence.

en_core_web_sm's parser splits sentences on its own and sometimes runs one across a paragraph break,
mostly after a closing quote ('... a big mistake."\\nBrett McGurk, ...'). Every later stage works per
sentence (a quote's speaker, an event's evidence, a time's clause), so such a sentence mixes two
paragraphs. The parser keeps sentence starts set before it runs; this component, placed before the
parser, marks the first token after each line break.

It also ends a run of ``max_run`` tokens (a tunable of the config, ``MAX_RUN`` by default) with no line break
and no sentence-final mark: no prose sentence comes near that (the longest of the snapshot's 20,000 has about
150), while one unbroken run ('Russia said Russia said ...' 10,000 times, a table flattened to one line) costs
the stages that walk a sentence's tree quadratic time: half a minute for 56,000 characters, hours for a million.

It makes no items and has no rules to switch: a line break always ends a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

MAX_RUN = 400  # tokens with no line break and no sentence-final mark before a sentence is ended there
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})


class ParagraphBreaks:
    def __init__(self, max_run: int = MAX_RUN) -> None:
        self.max_run = max_run

    def __call__(self, doc: Doc) -> Doc:
        run = 0  # tokens since the last line break or sentence-final mark
        for tok in doc[:-1]:
            run += 1
            # (spaCy keeps a newline as a space token; a newline in trailing whitespace is the other form)
            if "\n" in (tok.text if tok.is_space else tok.whitespace_) or run >= self.max_run:
                doc[tok.i + 1].is_sent_start = True
                run = 0
            elif tok.text in SENTENCE_ENDS:
                run = 0
        return doc


@Language.factory("newsgraph_paragraphs", requires=[], assigns=["token.is_sent_start"],
                  default_config={"max_run": MAX_RUN})
def make_paragraphs(nlp: Language, name: str, max_run: int) -> ParagraphBreaks:
    """``max_run``: tokens with no line break and no sentence-final mark before a sentence is ended there."""
    return ParagraphBreaks(max_run)
