"""Paragraph breaks are sentence breaks: a line break in an article ends its sentence.

en_core_web_sm's parser splits sentences on its own and sometimes runs one across a paragraph break,
mostly after a closing quote ('... a big mistake."\\nBrett McGurk, ...'). Every later stage works per
sentence (a quote's speaker, an event's evidence, a time's clause), so such a sentence mixes two
paragraphs. The parser keeps sentence starts set before it runs; this component, placed before the
parser, marks the first token after each line break.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphBreaks:
    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            # (spaCy keeps a newline as a space token; a newline in trailing whitespace is the other form)
            if "\n" in (tok.text if tok.is_space else tok.whitespace_):
                doc[tok.i + 1].is_sent_start = True
        return doc


@Language.factory("newsgraph_paragraphs", requires=["token.text"], assigns=["token.is_sent_start"],
                  default_config={})
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()
