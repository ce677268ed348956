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

An opening dateline ("SEOUL, South Korea (AP) —") ends where its lead sentence starts: parsed as one
sentence with it, the lead's report ("..., the agency said") is often missed.

A title's abbreviation is not a sentence end: the parser sometimes starts a sentence after "Maj." or "Gen."
("... press secretary Maj. Gen. Pat Ryder told reporters"), which cuts a quote from its speaker; the token
after such an abbreviation is marked as no sentence start when it begins a name.

It makes no items and has no rules to switch: a line break always ends a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from newsgraph.nlp.syntax import dateline_shape_end

MAX_RUN = 400  # tokens with no line break and no sentence-final mark before a sentence is ended there
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
# Titles abbreviated with a full stop before a name: military ranks, offices and forms of address.
TITLE_ABBREVIATIONS = frozenset({
    "Adm", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Gen", "Gov", "Lt", "Maj", "Sgt", "Sen", "Rep", "Dr", "Mr", "Mrs",
    "Ms", "Prof", "Rev", "Hon", "Pres", "Amb", "Supt", "Insp", "Det", "Pvt", "Gens", "Sens", "Reps"})


class ParagraphBreaks:
    def __init__(self, max_run: int = MAX_RUN) -> None:
        self.max_run = max_run

    def __call__(self, doc: Doc) -> Doc:
        lead = dateline_shape_end(doc)
        if lead is not None and lead < len(doc):
            doc[lead].is_sent_start = True  # "ADRE, Chad (TW) — About 20,000 refugees ...": the lead is a sentence
        run = 0  # tokens since the last line break or sentence-final mark
        for tok in doc[:-1]:
            run += 1
            # (spaCy keeps a newline as a space token; a newline in trailing whitespace is the other form)
            if "\n" in (tok.text if tok.is_space else tok.whitespace_) or run >= self.max_run:
                doc[tok.i + 1].is_sent_start = True
                run = 0
            elif _ends_title(doc, tok.i) and doc[tok.i + 1].is_title:
                doc[tok.i + 1].is_sent_start = False
            elif tok.text in SENTENCE_ENDS:
                run = 0
        return doc


def keep_title_abbreviations(nlp: Language) -> None:
    """Make "Maj." one token, as the tokenizer already makes "Gen." and "Adm.": split into "Maj" and ".", the
    parser reads the full stop as a sentence end and hangs the speaker's verb on the quote before it."""
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        for abbr in TITLE_ABBREVIATIONS:
            tokenizer.add_special_case(f"{abbr}.", [{ORTH: f"{abbr}."}])


def _ends_title(doc: Doc, i: int) -> bool:
    """Token ``i`` ends an abbreviated title: "Gen." as one token, or "Maj" then "."."""
    text = doc[i].text
    if text.endswith(".") and len(text) > 1:
        return text[:-1] in TITLE_ABBREVIATIONS
    return text == "." and i > 0 and doc[i - 1].text in TITLE_ABBREVIATIONS and not doc[i - 1].whitespace_


@Language.factory("newsgraph_paragraphs", requires=[], assigns=["token.is_sent_start"],
                  default_config={"max_run": MAX_RUN})
def make_paragraphs(nlp: Language, name: str, max_run: int) -> ParagraphBreaks:
    """``max_run``: tokens with no line break and no sentence-final mark before a sentence is ended there."""
    return ParagraphBreaks(max_run)
