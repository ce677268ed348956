"""The quotes stage: attributions (source, cue, content) and the claims they carry.

Attributions found, each as content + cue + source:
- direct quotes: a quoted passage with a cue next to it ("...," Singh said / He said: "..."), carried over
  sentences and paragraphs, and "A," he said, "B." (both parts); a quoted sentence right after an
  attributed one continues it;
- mixed quotes: quoted fragments inside what a cue verb governs (called the move a "significant escalation");
- indirect speech: a reporting verb's clausal complement (said that ..., warned ..., vowed to ...);
- "according to X": the clause it attaches to;
- parenthetical cues ("The economy, he said, is strong" / "X was planned, officials said");
- reporting nouns with a named holder ("Trump's claim that ...", "the allegation by X that ...");
- a colon after a clause or a name ('Biden released a statement: "..."').
Only the outermost attribution counts: a cue inside another attribution's content is not one.
Each content becomes a Claim with a modality; sentences the outlet states on its own with a figure or a
hedge become claims with an empty chain.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.model import Claim, Quote, QuoteKind, SourceLink
from newsgraph.nlp.extensions import doc_text
from newsgraph.nlp.quotes.claims import claim_time, combine_modality, content_modality
from newsgraph.nlp.quotes.lexicon import QuoteLexicon, VerbCue, load_lexicon
from newsgraph.nlp.quotes.marks import MARKS, QuotedPassage, find_quoted_passages
from newsgraph.nlp.quotes.speakers import SpeakerResolver

WORD = re.compile(r"\w+")
SENTENCE_END = frozenset({".", "!", "?", ";"})
DASHES = frozenset({"—", "–"})
# A quoted passage that follows one of these (or opens a paragraph) stands as a direct quote.
DIRECT_LEAD = frozenset(".:,!?;—–-(")
MIN_DIRECT_WORDS = 4
TAG_WINDOW = 6  # tokens after a quote closing its own sentence in which a bare tag may stand ('Pelosi said.')
AFTER_WINDOW = 14  # tokens after a quote in which its cue may stand ("..., Pentagon spokeswoman X said")
BEFORE_WINDOW = 12
# Quoted words / content words: from MIXED_COVERAGE (two pieces or more) or MIXED_SINGLE (one piece) a
# clause is reported as its quoted pieces; from MIXED_CLAUSE it is a mixed quote, below an indirect one.
# Both thresholds stay above 1/3, so the pieces still match a whole-clause annotation (PARC: the content is
# the attributed clause) at word-token F1 >= 0.5; measured on tests/data/attributions_tuning.jsonl, any
# value from 0.34 up scores the same there, while reporting every mixed quote as its whole clause loses the
# founding article's one-word pieces ("desperation").
MIXED_COVERAGE = 0.4
MIXED_SINGLE = 0.75
MIXED_CLAUSE = 0.25
SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLAUSE_DEPS = ("conj", "advcl", "xcomp", "ccomp")
# Cues whose preposition belongs to them ('called for', 'insisted on'), unlike 'said on Monday'.
PHRASAL_CUES = frozenset({("call", "for"), ("call", "on"), ("appeal", "for"), ("insist", "on"), ("comment", "on"),
                          ("warn", "of"), ("warn", "against"), ("push", "for")})


@dataclass
class Attribution:
    start: int  # content
    end: int
    kind: QuoteKind
    cue: tuple[int, int] | None
    cue_modality: str | None
    source: Span | None
    clause: tuple[int, int]  # the claim's span (the whole clause for a quoted fragment)
    cue_pos: int = -1  # char index of the cue, to keep only outermost attributions
    continues: Attribution | None = None  # a direct quote carrying on an earlier one's attribution
    according: bool = False
    speaker: str | None = None
    chain: list[SourceLink] = field(default_factory=list)
    second_hand: bool = False


class QuotesComponent:
    def __init__(self) -> None:
        self.lex: QuoteLexicon = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        attributions = find_attributions(doc, self.lex)
        resolver = SpeakerResolver(doc, self.lex)
        for att in attributions:
            resolve_speaker(att, resolver)
        doc._.quotes, doc._.claims = build_items(doc, attributions, self.lex)
        return doc


# -- finding attributions ---------------------------------------------------------------------------


def find_attributions(doc: Doc, lex: QuoteLexicon) -> list[Attribution]:
    text = doc_text(doc)
    passages = find_quoted_passages(text)
    direct = [p for p in passages if is_direct(doc, p, lex)]
    fragments = [p for p in passages if p not in direct]
    direct_spans = [(p.open, p.close + 1) for p in direct]
    found = direct_quotes(doc, direct, lex)
    direct_cues = {a.cue_pos for a in found if a.cue_pos >= 0}
    cues = cue_candidates(doc, lex)
    found += clause_attributions(doc, fragments, direct_spans, direct_cues, lex, cues)
    found += according_to(doc, lex, cues)
    found += noun_cues(doc, direct_spans, lex, cues)
    found += citing(doc, lex, cues)
    found += made_clear(doc, direct_spans, cues)
    found += implicit_sources(doc, direct_spans, lex, cues)
    found += block_quotes(doc, passages, lex)
    kept = outermost(found)
    _carry_over_sources(doc_text(doc), kept)
    return kept


ORPHAN_GAP_WORDS = 25  # words between an attribution and a following quote that still carries its source


def _carry_over_sources(text: str, found: list[Attribution]) -> None:
    """A quoted sentence standing on its own right after an attributed sentence is the same source going
    on ('Zapata said, adding it required endurance. "It's an isometric exercise ..."')."""
    attributed = sorted((a for a in found if a.source is not None), key=lambda a: a.end)
    for att in found:
        if att.kind != "direct" or att.cue is not None or att.source is not None or att.continues is not None:
            continue
        before = [a for a in attributed if a.end <= att.start and (a.cue_pos < 0 or a.cue_pos < att.start)]
        if not before:
            continue
        prev = before[-1]
        source_end = prev.source.end_char if prev.source is not None else prev.end
        gap = text[max(prev.end, prev.cue[1] if prev.cue else prev.end, source_end) : att.start]
        if gap.count("\n") > 1 or len(WORD.findall(gap)) > ORPHAN_GAP_WORDS:
            continue
        if "\n" in gap and not _is_quote_paragraph(text, QuotedPassage(att.start - 1, att.end)):
            continue
        att.cue, att.cue_modality, att.source, att.continues = prev.cue, prev.cue_modality, prev.source, prev


def cue_candidates(doc: Doc, lex: QuoteLexicon) -> dict[str, list[Token]]:
    """The tokens each finder looks at, gathered in one pass over the doc (the finders used to walk all
    tokens each, which made them the stage's main cost)."""
    out: dict[str, list[Token]] = {"verb": [], "according": [], "citing": [], "noun": [], "implicit": [],
                                   "clear": []}
    verbs, classes = lex.verbs, lex.classes
    for tok in doc:
        lemma, low = tok.lemma_, tok.lower_
        if lemma in verbs:
            out["verb"].append(tok)
        if low == "according":
            out["according"].append(tok)
        elif low == "clear":
            out["clear"].append(tok)
        elif low == "citing":
            out["citing"].append(tok)
        word_classes = classes.get(low)
        if word_classes and ("noun_cue" in word_classes or "hearsay" in word_classes):
            out["noun" if "noun_cue" in word_classes else "implicit"].append(tok)
        if tok.tag_ == "VBN" and "impersonal" in classes.get(lemma.lower(), ()):
            out["implicit"].append(tok)
    return out


def is_direct(doc: Doc, p: QuotedPassage, lex: QuoteLexicon) -> bool:
    """A quoted sentence (or more), as opposed to a quoted word or phrase inside the writer's sentence."""
    text = doc_text(doc)
    start, end = p.content
    if len(WORD.findall(text[start:end])) < MIN_DIRECT_WORDS:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    i = p.open - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] == "\n" or text[i] in DIRECT_LEAD:
        return True
    mark = doc.char_span(p.open, p.open + 1, alignment_mode="expand")
    if mark is None or mark.start == 0:
        return False
    if _is_cue_verb(doc[mark.start - 1], lex):
        return True
    # 'Pelosi said on Friday "We are ..."': a capitalised sentence a few words after a cue verb.
    if not text[start : start + 1].isupper():
        return False
    return _cue_near_before(doc, p, lex) is not None


def direct_quotes(doc: Doc, passages: list[QuotedPassage], lex: QuoteLexicon) -> list[Attribution]:
    found: list[Attribution] = []
    previous: Attribution | None = None
    for p in passages:
        start, end = p.content
        start, end = _trim(doc_text(doc), start, end)
        cue_tok = (
            _cue_right_before(doc, p, lex) or _cue_after(doc, p, lex) or _cue_before(doc, p, lex)
            or _cue_near_before(doc, p, lex)
        )
        if cue_tok is not None:
            att = Attribution(
                start, end, "direct", cue_span(cue_tok), _cue_of(cue_tok, lex).modality,
                _source_outside(doc, p, cue_tok), (start, end), cue_pos=cue_tok.idx,
            )
        else:
            colon = _colon_source(doc, p)
            according = _according_after(doc, p) or _according_before(doc, p)
            if according is not None:
                cue_at, source = according
                att = Attribution(start, end, "direct", cue_at, "reported", source, (start, end),
                                  cue_pos=cue_at[0], according=True)
            elif colon is not None:
                att = Attribution(start, end, "direct", (p.open - 1, p.open), None, colon, (start, end))
                att.cue = _colon_span(doc_text(doc), p.open)
            elif previous is not None and _continues(doc_text(doc), previous, p):
                att = Attribution(start, end, "direct", previous.cue, previous.cue_modality,
                                  previous.source, (start, end), continues=previous)
            else:
                att = Attribution(start, end, "direct", None, None, None, (start, end))
        found.append(att)
        previous = att
    return found


def _source_outside(doc: Doc, p: QuotedPassage, cue: Token) -> Span | None:
    """The cue's subject, unless the parser took it from inside the quote: then the words between the
    quote and the cue ('"...," Day said'), or the name right after the cue ('"...," said Bash')."""
    source = source_of(cue)
    if source is not None and (source.end_char <= p.open or source.start_char > p.close):
        return source
    if cue.dep_ == "advcl" and cue.idx < p.open:  # 'X has yet to concede, saying "I WON ..."', the quote as root
        subject = next((c for c in cue.head.children if c.dep_ == "nsubj" and c.idx < p.open), None)
        if subject is not None:
            return _np(subject)
    if cue.idx > p.close:
        after = doc.char_span(p.close, p.close + 1, alignment_mode="expand")
        if after is not None:
            words = [t for t in doc[after.end : cue.i] if not t.is_punct and not t.is_space]
            if words:
                return doc[words[0].i : words[-1].i + 1]
    names: list[Token] = []
    # '"...," tweeted Mayor of London Sadiq Khan' / '"...," said study co-author Ted Scambos'
    for tok in doc[cue.i + 1 : cue.i + 10]:
        title_word = tok.pos_ in ("NOUN", "ADJ") or tok.text in ("-", "–") or tok.lower_ in ("of", "the")
        opening = not names and tok.pos_ == "DET"  # '"...", reads an AEW press release'
        if tok.text in MARKS or not (
            tok.pos_ in ("PROPN", "PRON") or opening or (title_word and (tok.dep_ != "dobj" or names))
        ):
            break
        names.append(tok)
        if tok.pos_ == "PRON":
            break
    # a name ends on a name; a description ('the warning', 'a spokesman') on its noun
    ends = ("PROPN", "PRON", "NOUN") if names and names[0].pos_ == "DET" else ("PROPN", "PRON")
    while names and names[-1].pos_ not in ends:
        names.pop()
    if not names or (len(names) == 1 and names[0].pos_ == "DET"):
        return None
    return doc[names[0].i : names[-1].i + 1]


def _cue_right_before(doc: Doc, p: QuotedPassage, lex: QuoteLexicon) -> Token | None:
    """'they said "..."': a cue verb touching the opening mark."""
    mark = doc.char_span(p.open, p.open + 1, alignment_mode="expand")
    if mark is None or mark.start == 0:
        return None
    lead = doc[mark.start - 1]
    if lead.text == "," and mark.start > 1:
        lead = doc[mark.start - 2]
    return lead if _is_cue_verb(lead, lex) or _participle_cue(lead, lex) is not None else None


def _participle_cue(tok: Token, lex: QuoteLexicon) -> VerbCue | None:
    """'..., writing, "..."' with 'writing' tagged as a noun: the participle of a cue verb all the same."""
    low = tok.lower_
    if tok.pos_ != "NOUN" or not low.endswith("ing") or len(low) < 6:
        return None
    if tok.i == 0 or tok.doc[tok.i - 1].text != "," or any(c.dep_ in ("det", "poss", "amod") for c in tok.children):
        return None  # 'issued a warning, "..."', 'the hearing, "..."': a real noun
    stem = low[:-3]
    for lemma in (stem, stem + "e", stem[:-1]):
        cue = lex.verbs.get(lemma)
        if cue is not None and not cue.needs_that:
            return cue
    return None


def _cue_of(tok: Token, lex: QuoteLexicon) -> VerbCue:
    return lex.verbs.get(tok.lemma_) or _participle_cue(tok, lex) or lex.verbs["say"]


def _cue_near_before(doc: Doc, p: QuotedPassage, lex: QuoteLexicon) -> Token | None:
    """'said on Friday "We are ..."': a cue verb a few words before the mark, no punctuation between."""
    mark = doc.char_span(p.open, p.open + 1, alignment_mode="expand")
    if mark is None:
        return None
    for tok in reversed(doc[max(0, mark.start - 5) : mark.start]):
        if tok.is_punct or "\n" in tok.text:
            return None
        if _is_cue_verb(tok, lex):
            return tok
    return None


def _cue_after(doc: Doc, p: QuotedPassage, lex: QuoteLexicon) -> Token | None:
    """'"...," Singh said' / '"...?" asked the minister': a cue verb just after a quote not ending a sentence."""
    last = doc_text(doc)[p.open + 1 : p.close].rstrip()
    closed = last.endswith(".")  # '"... trial." Pelosi said.': only a bare tag may follow a closed sentence
    after = doc.char_span(p.close, p.close + 1, alignment_mode="expand")
    if after is None:
        return None
    for tok in doc[after.end : after.end + (TAG_WINDOW if closed else AFTER_WINDOW)]:
        if tok.text in MARKS or tok.text in SENTENCE_END or "\n" in tok.text or tok.dep_ == "cc":
            return None
        if tok.tag_ == "VBG" and tok.head.idx < p.close:
            return None  # 'X said, "...", calling it ...': the participle adds to the cue before the quote
        if _is_cue_verb(tok, lex) or _is_tag_verb(tok, lex):
            if closed and not _ends_sentence(tok):
                return None
            return tok
    return None


def _is_tag_verb(tok: Token, lex: QuoteLexicon) -> bool:
    """'"...," she recalls': a that-verb used as a quote's tag, with no object or clause of its own."""
    return tok.lemma_ in lex.verbs and tok.pos_ == "VERB" and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > tok.i for c in tok.children
    )


def _ends_sentence(verb: Token) -> bool:
    """The verb (with its particle) is the last word before the sentence's full stop: 'Pelosi said.'"""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and doc[i].dep_ == "prt":
        i += 1
    return i >= len(doc) or doc[i].text in SENTENCE_END or "\n" in doc[i].text


def _cue_before(doc: Doc, p: QuotedPassage, lex: QuoteLexicon) -> Token | None:
    """'He said: "..."' / ', he said, "..."': the nearest cue verb before a quote led by a colon or comma."""
    mark = doc.char_span(p.open, p.open + 1, alignment_mode="expand")
    if mark is None or mark.start == 0:
        return None
    lead = doc[mark.start - 1]
    if lead.text not in (":", ",", *DASHES) and not _is_cue_verb(lead, lex):
        return None
    i = mark.start - 1
    floor = max(0, mark.start - BEFORE_WINDOW)
    if lead.text in DASHES:  # 'commented on the matter — which the BBC noted as unusual — "..."'
        opening = next((t.i for t in reversed(doc[lead.sent.start : lead.i]) if t.text in DASHES), None)
        if opening is None:
            return None
        i, floor = opening, max(0, opening - BEFORE_WINDOW)
    for tok in reversed(doc[floor:i]):
        if tok.i != mark.start - 1 and (tok.text in MARKS or tok.text in SENTENCE_END or "\n" in tok.text):
            return None
        if _is_cue_verb(tok, lex) or (_is_report_root(tok, lex, mark.start) and lead.text in (",", ":")):
            return tok
    return None


def _is_report_root(tok: Token, lex: QuoteLexicon, quote_at: int) -> bool:
    """'The court decided, according to the summary, "..."' / 'posting on Twitter, "..."': a that-verb
    set off from the quote it introduces, with no object or clause of its own before the quote."""
    return tok.lemma_ in lex.verbs and tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "advcl", "conj") and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp") and tok.i < c.i < quote_at for c in tok.children
    )


def _according_after(doc: Doc, p: QuotedPassage) -> tuple[tuple[int, int], Span] | None:
    """'"...," according to a tweet by X'."""
    after = doc.char_span(p.close, p.close + 1, alignment_mode="expand")
    if after is None or after.end + 2 >= len(doc):
        return None
    i = after.end
    if doc[i].is_punct:
        i += 1
    if i + 1 >= len(doc) or doc[i].lower_ != "according" or doc[i + 1].lower_ != "to":
        return None
    objs = [c for c in doc[i + 1].children if c.dep_ == "pobj"]
    if not objs:
        return None
    return (doc[i].idx, doc[i + 1].idx + 2), _np(objs[0])


BLOCK_MIN_WORDS = 15  # a paragraph after 'X rejected this argument:' shorter than this is a list item


def block_quotes(doc: Doc, passages: list[QuotedPassage], lex: QuoteLexicon) -> list[Attribution]:
    """'Marrero rejected this argument:' and then the quoted text set as its own paragraph, without marks
    (how block quotes come out of HTML): a direct quote of that paragraph, with the colon as its cue."""
    text = doc_text(doc)
    found = []
    for line_end in (m.start() for m in re.finditer(r":[ \t]*\n", text)):
        start = _next_paragraph(text, line_end)
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        start, end = _trim(text, start, end)
        if end <= start or text[start] in MARKS or len(WORD.findall(text[start:end])) < BLOCK_MIN_WORDS:
            continue
        if any(p.open < end and start <= p.close for p in passages):
            continue  # a paragraph with quotes in it is the writer's, or a quote found already
        colon = doc.char_span(line_end, line_end + 1, alignment_mode="expand")
        if colon is None:
            continue
        source = _source_before_colon(doc[colon.start])
        if source is None or not _can_speak(source) or text[start] == "(":
            continue  # ('((WN)) How would you ...': an interview transcript's next turn)
        if not any(t.lemma_ in lex.verbs and t.pos_ == "VERB" for t in doc[source.end : colon.start]):
            continue  # 'X rejected this argument:' / 'as reported by CNN:' -- but not 'Some considerations include:'
        found.append(Attribution(start, end, "direct", (line_end, line_end + 1), None, source, (start, end)))
    return found


def _next_paragraph(text: str, i: int) -> int:
    j = text.find("\n", i)
    while j >= 0 and j < len(text) and text[j].isspace():
        j += 1
    return j if j >= 0 else len(text)


def _can_speak(source: Span) -> bool:
    """A named or pronominal source ('Marrero', 'she', 'the court'), not 'The list' or 'Results'."""
    root = source.root
    if root.pos_ == "PRON":
        return root.lower_ in ("he", "she", "they", "it")  # not 'I' / 'we': a transcript's speaker
    return root.pos_ == "PROPN" or bool(root.ent_type_) or load_lexicon().is_class(
        root.lemma_, "person") or load_lexicon().is_class(root.lemma_, "institution")


def _according_before(doc: Doc, p: QuotedPassage) -> tuple[tuple[int, int], Span] | None:
    """'According to eyewitness Vinnie DeVita, "..."'."""
    mark = doc.char_span(p.open, p.open + 1, alignment_mode="expand")
    if mark is None or mark.start < 4 or doc[mark.start - 1].text not in (",", ":"):
        return None
    for tok in reversed(doc[max(0, mark.start - BEFORE_WINDOW) : mark.start - 1]):
        if tok.text in MARKS or tok.text in SENTENCE_END or "\n" in tok.text:
            return None
        if tok.lower_ == "according" and tok.i + 1 < mark.start and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
            if not objs or not _can_be_cited(objs[0]):
                return None
            return (tok.idx, to.idx + len(to.text)), _np(objs[0])
    return None


def _colon_source(doc: Doc, p: QuotedPassage) -> Span | None:
    """A colon as the cue: 'Rutte: "We ..."' (a bare name), or 'Biden released a statement: "..."' (the
    subject of the clause the colon closes)."""
    mark = doc.char_span(p.open, p.open + 1, alignment_mode="expand")
    if mark is None or mark.start < 2:
        return None
    lead = mark.start - 1
    while lead > 0 and doc[lead].is_space:  # 'denied any allegation:\n"..."'
        lead -= 1
    if doc[lead].text != ":":
        return None
    return _source_before_colon(doc[lead])


def _source_before_colon(colon: Token) -> Span | None:
    doc = colon.doc
    sent = colon.sent
    phrase = doc[max(sent.start, _line_start(doc, colon.i)) : colon.i]
    if not phrase or any(t.text in MARKS for t in phrase):
        return None
    # The clause's own verbs: those whose head lies outside the phrase (the parser often makes the
    # quoted sentence the root and hangs 'X disagreed with these findings:' under it).
    verbs = [t for t in phrase if t.pos_ in ("VERB", "AUX") and (
        t.dep_ in ("ROOT", "conj", "advcl") or not phrase.start <= t.head.i < phrase.end)]
    if not verbs:
        if len(phrase) <= 6 and any(t.pos_ == "PROPN" for t in phrase):
            return phrase
        return None
    return source_of(verbs[-1]) if verbs[-1].dep_ == "ROOT" else source_of(verbs[0])


def _line_start(doc: Doc, i: int) -> int:
    while i > 0 and "\n" not in doc[i - 1].text:
        i -= 1
    return i


def _colon_span(text: str, open_at: int) -> tuple[int, int]:
    i = text.rindex(":", 0, open_at)
    return i, i + 1


def _continues(text: str, previous: Attribution, p: QuotedPassage) -> bool:
    """A quoted sentence right after an attributed direct quote, in the same or the next paragraph."""
    if previous.source is None and previous.continues is None:
        return False
    between = text[previous.end : p.open]
    if between.count("\n") > 1 or len(WORD.findall(between)) > 12:
        return False
    if "\n" in between:  # a new paragraph must open with the quote to carry the speaker on
        return _is_quote_paragraph(text, p)
    return True


def _is_quote_paragraph(text: str, p: QuotedPassage) -> bool:
    line_start = text.rfind("\n", 0, p.open) + 1
    return not text[line_start : p.open].strip()


def _is_verb(tok: Token) -> bool:
    """A verb, or a reporting verb the tagger took for a noun ('Estimates by X state [that] ...'): a root
    with a subject and a clause of its own."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return tok.dep_ == "ROOT" and tok.tag_ in ("NN", "NNS") and any(c.dep_ == "nsubj" for c in tok.children) \
        and any(c.dep_ == "ccomp" for c in tok.children)


def _is_cue_verb(tok: Token, lex: QuoteLexicon) -> bool:
    cue = lex.verbs.get(tok.lemma_)
    return cue is not None and tok.pos_ in ("VERB", "AUX") and not cue.needs_that


def clause_attributions(
    doc: Doc,
    fragments: list[QuotedPassage],
    direct_spans: list[tuple[int, int]],
    direct_cues: set[int],
    lex: QuoteLexicon,
    cues: dict[str, list[Token]] | None = None,
) -> list[Attribution]:
    """Indirect speech and mixed quotes: what a reporting verb governs."""
    frag_by_cue = _fragments_by_cue(doc, fragments, direct_spans, lex)
    found: list[Attribution] = []
    quoted = sorted(direct_spans + [(f.open, f.close + 1) for f in fragments])
    starts = [s for s, _ in quoted]
    for tok in (cues or cue_candidates(doc, lex))["verb"]:
        cue = lex.verbs.get(tok.lemma_)
        if cue is None or cue.direct_only or not _is_verb(tok):
            continue
        if tok.idx in direct_cues or _inside(tok.idx, quoted, starts):
            continue  # a direct quote's cue reports that quote, not a clause the parser hung on it
        if _is_infinitive_adjunct(tok) or _in_question(tok) or _is_conditional(tok) or _not_a_report(tok) \
                or _in_embedded_question(tok):
            continue
        frags = frag_by_cue.get(tok.i, [])
        comp = complement(tok, cue)
        content = _cut_added_report(_content_span(tok, comp), lex) if comp is not None else None
        if content is None:
            content = _object_clause(tok)
        if content is None and not frags:  # with quoted words in it, the words are the content
            content = object_content(tok, cue)
        if content is None:
            content = noun_object(tok, cue, lex, allow_plain=not frags)
        if content is None and tok.dep_ == "parataxis" and not cue.needs_that:
            content = _parenthetical_content(tok)
        if content is not None and _overlaps_any(content, direct_spans):
            content = None
        if content is None and not frags:
            continue
        if not _has_source_slot(tok, lex):
            continue
        source = source_of(tok)
        cue_at = cue_span(tok)
        if content is not None and frags:
            content = _over_adjacent_fragments(content, frags)
        inside = [f for f in frags if content is not None and content.start_char <= f.open < content.end_char]
        outside = [f for f in frags if f not in inside]
        if content is not None and not _mostly_quoted(doc_text(doc), content, inside):
            s, e = _trim(doc_text(doc), content.start_char, content.end_char)
            kind: QuoteKind = "mixed" if _quoted_share(doc_text(doc), content, inside) >= MIXED_CLAUSE else "indirect"
            found.append(Attribution(s, e, kind, cue_at, cue.modality, source, (s, e), cue_pos=tok.idx))
            inside = []
        clause = (content.start_char, content.end_char) if content is not None else None
        for f in sorted(inside + outside, key=lambda f: f.open):
            s, e = _trim(doc_text(doc), *f.content)
            claim_span = clause if clause is not None and f in inside else (s, e)
            found.append(Attribution(s, e, "mixed", cue_at, cue.modality, source, claim_span, cue_pos=tok.idx))
    return found


FRAGMENT_JOINERS = re.compile(r"^[\s,]*(?:(?:and|or|but)\s*)?$")


def _over_adjacent_fragments(content: Span, frags: list[QuotedPassage]) -> Span:
    """'arguing Trump was "sow[ing] chaos" and "mak[ing] matters worse"': the parser hangs the quoted
    pieces apart from the clause they finish; pieces that follow it, joined only by 'and' or a comma,
    are part of it."""
    doc, text = content.doc, doc_text(content.doc)
    end = content.end_char
    for f in sorted(frags, key=lambda f: f.open):
        if f.open >= end and FRAGMENT_JOINERS.match(text[end : f.open]):
            end = f.close + 1
    if end == content.end_char:
        return content
    span = doc.char_span(content.start_char, end, alignment_mode="expand")
    return span if span is not None else content


def _fragments_by_cue(
    doc: Doc, fragments: list[QuotedPassage], direct_spans: list[tuple[int, int]], lex: QuoteLexicon
) -> dict[int, list[QuotedPassage]]:
    """Each quoted fragment under the nearest cue verb that governs it (not through the cue's subject)."""
    out: dict[int, list[QuotedPassage]] = {}
    starts = [s for s, _ in direct_spans]
    for f in fragments:
        if _inside(f.open, direct_spans, starts):
            continue
        span = doc.char_span(*f.content, alignment_mode="expand")
        if span is None or len(span) == 0 or _is_quoted_name(span):
            continue
        node = span.root
        while node.head != node:
            arrived_by = node.dep_
            node = node.head
            cue = lex.verbs.get(node.lemma_)
            if cue is not None and not cue.direct_only and node.pos_ in ("VERB", "AUX") \
                    and arrived_by not in (*SUBJECT_DEPS, "csubj"):
                if _is_passive_naming(node):
                    break  # 'This phase is called "the development phase"': a name, nobody says it
                if cue.takes_fragment or (arrived_by in ("ccomp", "xcomp") and complement(node, cue) is not None):
                    out.setdefault(node.i, []).append(f)
                    break
            if node.pos_ == "VERB" and node.dep_ in ("advcl", "acl", "relcl") and arrived_by not in SUBJECT_DEPS:
                break  # 'criticized X, pointing to the "ballot box"': the words belong to the adjunct
    return out


def _is_quoted_name(span: Span) -> bool:
    """'Anna Franowska of "Have no fear", a charity': a capitalised name in marks hung on a name by 'of'
    names something (a group, a book); nobody says it."""
    doc = span.doc
    if not span[0].text[:1].isupper():
        return False
    before = doc[span.start - 2] if span.start >= 2 else None  # the word before the opening mark
    # (by position: the parser often hangs such an 'of' on some other noun)
    return before is not None and before.lower_ == "of" and before.i > 0 and doc[before.i - 1].pos_ == "PROPN"


def complement(verb: Token, cue: VerbCue) -> Token | None:
    """The clause a reporting verb reports: its ccomp ('said (that) ...'), or 'vowed to ...' for some verbs."""
    # A clause after the verb before one in front of it ('minutes before X voted, Trump claimed Y').
    ccomps = sorted((c for c in verb.children if c.dep_ == "ccomp"), key=lambda c: (c.i < verb.i, c.i))
    for child in ccomps:
        if child.pos_ in ("VERB", "AUX", "NOUN", "ADJ", "PROPN", "PRON"):
            if child.i < verb.i and any(c.dep_ == "dobj" and c.lower_ in OWN_OBJECTS for c in verb.children):
                continue  # '..., I mentioned them earlier': the pronoun, not the clause, is what was said
            if child.i < verb.i and any(t.text == ";" for t in verb.doc[child.right_edge.i : verb.i]):
                continue  # 'The war has gone on for years; the Taliban wants ...': a clause of its own
            if any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in child.children):
                continue  # 'before the committee voted', 'because X': a circumstance the parser hung here
            if cue.needs_that and not _has_that(child) and not (cue.takes_xcomp and _is_infinitive(child)) \
                    and not _has_own_subject(child):
                continue  # 'show the way' has no clause; 'ruled the draft violated ...' has one
            if _is_open_question(child) and verb.lemma_ not in ("ask", "wonder", "question"):
                continue  # 'did not announce whom they would support': an open question, not a claim
            return child
    if cue.takes_xcomp and not any(c.dep_ == "auxpass" for c in verb.children):  # not 'is intended to'
        has_object = any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)
        for child in verb.children:
            # 'mandating priests to report', parsed with the infinitive as an adverbial clause
            infinitive_deps = ("xcomp", "advcl") if has_object else ("xcomp",)
            if child.dep_ in infinitive_deps and child.i > verb.i and _is_infinitive(child):
                return child
    return None


# Subordinators that make a clause a circumstance of the verb, not what it reports.
ADVERBIAL_MARKS = frozenset({"before", "after", "when", "while", "because", "since", "until", "although",
                             "though", "once", "as", "whereas", "unless"})


def _has_own_subject(clause: Token) -> bool:
    """'ruled [the draft violated the law]', 'found [it to be unlawful]': a clause with its own subject,
    finite or a to-infinitive, as opposed to a bare object ('showed the way')."""
    if not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in clause.children):
        return False
    return _is_infinitive(clause) or clause.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in clause.children
    )


def _content_span(verb: Token, comp: Token) -> Span:
    """The complement's words; 'urged residents to stay indoors', 'ordered the army to withdraw': the
    object that the infinitive is about belongs to the content."""
    span = _cut_main_clause(verb, _cut_joined_report(comp, _span_without_mark(comp)))
    if span.start < verb.i:
        span = _relative_report(verb, comp, span)
    if comp.dep_ == "ccomp" and comp.i > verb.i:
        span = _with_subject_taken_for_object(verb, comp, span)
        return _with_stranded_object(verb, span)
    if comp.dep_ not in ("xcomp", "advcl"):
        return span
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < comp.i), None)
    if obj is None:  # 'called on Congress to pass the bill': the one called on belongs to it too
        on = next((c for c in verb.children if c.dep_ == "prep" and (verb.lemma_, c.lower_) in PHRASAL_CUES
                   and c.i < comp.i), None)
        obj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
    if obj is None:
        return span
    return verb.doc[obj.left_edge.i : span.end]


# Dependents that complete a clause's verb; without any, a transitive verb's object was hung elsewhere.
COMPLETE_DEPS = frozenset({"dobj", "attr", "acomp", "prep", "ccomp", "xcomp", "oprd", "dative", "prt", "agent"})
# Verbs of winning and taking whose object news reports never leave out ('he won', 'they secured').
TRANSITIVE_HEADS = frozenset({"win", "secure", "take", "carry", "gain", "lose", "capture", "claim", "get"})


def _relative_report(verb: Token, comp: Token, span: Span) -> Span:
    """'The bill, which Republicans say will cut taxes, passed': the relative pronoun is the claim's
    subject, so the content runs from it over the source and cue (PARC's content is split around them;
    one span keeps both parts) and ends with the relative clause, at its comma."""
    doc = verb.doc
    if verb.dep_ != "relcl" or doc[span.start].tag_ not in ("WDT", "WP"):
        return span
    end = next((t.i for t in doc[comp.i : span.end] if t.text == ","), span.end)
    return doc[span.start : end]


def _cut_main_clause(verb: Token, span: Span) -> Span:
    """'After the governor suggested that A, [the debate centered on B]': a report in an opening
    subordinate clause cannot run to the end of the sentence, where its main clause stands; the parser
    sometimes hangs that main clause inside the report, so the content ends at its last comma."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS), None)
    sent = verb.sent
    if mark is None or mark.i != sent.start or span.end < sent.end - 1:
        return span
    comma = next((t.i for t in reversed(span) if t.text == ","), None)
    return _cut_at(span, comma) if comma is not None and comma > span.start + 1 else span


def _with_subject_taken_for_object(verb: Token, comp: Token, span: Span) -> Span:
    """'announced [the recorder] [has been recovered]': the parser made the clause's subject the cue's
    object; a finite clause with no subject of its own right after it takes it back."""
    if any(c.dep_ in (*SUBJECT_DEPS, "expl", "csubj", "mark") for c in comp.children):
        return span
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < comp.i), None)
    if obj is None:
        return span
    # (its modifiers may have been hung on the cue: 'the recorder [from Flight 610] has been recovered')
    between = verb.doc[obj.right_edge.i + 1 : span.start]
    hung_on_cue = [t for t in between if t.head == verb and t.dep_ == "prep"]
    if any(t.is_punct or not (t in hung_on_cue or between.start <= t.head.i < span.start) for t in between):
        return span
    return verb.doc[obj.left_edge.i : span.end]


def _cut_joined_report(comp: Token, span: Span) -> Span:
    """'agreed [the book may have contained classified materials] but ruled that ...': a reporting verb
    with its own clause, joined to the complement with no subject of its own, is the source's next report
    (the parser hangs it inside the first one); the content ends before it."""
    lex = load_lexicon()
    for conj in comp.children:
        if conj.dep_ != "conj" or conj.lemma_ not in lex.verbs or not span.start < conj.i < span.end:
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in conj.children) or not any(c.dep_ == "ccomp" for c in conj.children):
            continue
        end = conj.left_edge.i
        while end > span.start and (span.doc[end - 1].dep_ == "cc" or span.doc[end - 1].is_punct):
            end -= 1
        return span.doc[span.start : end]
    return span


def _with_stranded_object(verb: Token, span: Span) -> Span:
    """'indicated [he won], in addition to Vermont, [also the primaries in Colorado]': a verb that has a
    clause cannot also take an object after it, so an object the parser hung on the cue after the clause
    is the clause's own, cut off; the content runs on to it."""
    doc = verb.doc
    if any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in verb.children):
        return span  # 'After X suggested A, [the debate centered on B]': the main clause, misparsed
    stranded = [c for c in verb.children if c.dep_ == "dobj" and c.i >= span.end
                and not any(t.is_punct for t in doc[span.end : c.left_edge.i])]
    comp = span.root
    if not stranded and not any(c.dep_ in COMPLETE_DEPS for c in comp.children) and comp.lemma_ in TRANSITIVE_HEADS:
        # 'indicated [he won], in addition to Vermont, also the primaries': 'won' is missing its object
        stranded = [c for c in verb.children if c.i >= span.end and c.dep_ in ("prep", "npadvmod", "appos")]
    if not stranded:
        return span
    end = stranded[-1].right_edge.i + 1
    if any(t.text in SENTENCE_END or "\n" in t.text for t in doc[span.end : end]):
        return span
    return doc[span.start : end]


def _object_clause(verb: Token) -> Span | None:
    """'ruled the male-only draft violated the Constitution', parsed as 'ruled [dobj] ... violated [advcl]':
    a that-less clause whose subject the parser took for the cue's object. The finite verb after the
    object, with no subject, conjunction or subordinator of its own, shows the clause."""
    doc = verb.doc
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    for child in verb.children:
        if child.dep_ not in ("advcl", "conj") or child.i <= obj.right_edge.i:
            continue
        if child.tag_ not in ("VBD", "VBZ", "VBP", "MD") and not any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in child.children
        ):
            continue
        if any(c.dep_ in (*SUBJECT_DEPS, "mark", "cc", "expl") for c in child.children):
            continue
        if any(t.dep_ == "cc" or t.text in (";", ":") for t in doc[obj.right_edge.i + 1 : child.left_edge.i]):
            continue  # 'accused the minister and resigned': two actions
        return doc[obj.left_edge.i : child.right_edge.i + 1]
    return None


# Prepositions that carry the reason of an accusation or a praise ('accused X of Y', 'credited X with Y').
OBJECT_PREPS = frozenset({"of", "for", "with", "over", "as"})


def object_content(verb: Token, cue: VerbCue) -> Span | None:
    """What a cue reports through its object: 'accused Democrats of lying', 'blamed X for the shutdown',
    'called for a ceasefire'. Bare objects ('praised the troops') report no proposition."""
    doc = verb.doc
    preps = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i]
    phrasal = next((p for p in preps if (verb.lemma_, p.lower_) in PHRASAL_CUES and p.i == verb.i + 1
                    and p.lower_ != "on"), None)  # ('called on X to Y': the infinitive is the content)
    if phrasal is not None:
        obj = next((c for c in phrasal.children if c.dep_ in ("pobj", "pcomp")), None)
        return _np(obj) if obj is not None else None
    if not cue.takes_object:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    prep = next((p for p in preps if p.lower_ in OBJECT_PREPS and any(
        c.dep_ in ("pobj", "pcomp") for c in p.children)), None)
    if prep is None and obj is not None:  # 'accused the governor of abusing ...', the 'of' hung on the object
        prep = next((p for p in obj.children if p.dep_ == "prep" and p.lower_ in OBJECT_PREPS and p.i > obj.i
                     and any(c.dep_ in ("pobj", "pcomp") for c in p.children)), None)
    if obj is None or prep is None or prep.i < obj.i:
        return None
    end = prep.right_edge.i + 1
    while end > obj.left_edge.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    return doc[obj.left_edge.i : end]


# Pronoun objects point back to a statement made elsewhere ('announced it on Monday'): nothing new is said.
PRONOUN_OBJECTS = frozenset({"it", "them", "this", "that", "these", "those", "him", "her", "us", "me", "you"})
# Prepositional phrases after the object that still belong to what is held or announced ('expressed
# opposition to the plan', 'announced Harris as his choice'), whichever word the parser hung them on.
OBJECT_TAIL_PREPS = frozenset({"to", "for", "about", "over", "in", "of", "as", "toward", "towards", "against"})


def noun_object(verb: Token, cue: VerbCue, lex: QuoteLexicon, allow_plain: bool = True) -> Span | None:
    """A noun-phrase object that is itself what the source holds or makes known: an attitude noun
    ('expressed a desire to work with X', 'signaled an intent to run', 'voiced opposition to the plan'),
    or, for the few cues whose object is an announcement ('announced his resignation', 'pledged a
    review'), any noun phrase that is not a pronoun pointing elsewhere."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.lower_ in PRONOUN_OBJECTS or obj.pos_ == "PRON":
        return None
    if any(c.dep_ == "det" and c.lower_ in PRONOUN_OBJECTS for c in obj.children):
        return None  # 'rejected this argument:' points to words given elsewhere (there, the content)
    # ('gathered eight million views', 'repeated his commitment': a that-verb reports nothing without 'that')
    # (not for verbs that judge their object, 'criticized the support': the object is what is judged)
    attitude = not cue.needs_that and not cue.takes_object and (
        lex.is_class(obj.lower_, "attitude") or lex.is_class(obj.lemma_, "attitude"))
    if cue.modality in ("negated", "confirmed") and any(lex.is_class(obj.lower_, c) for c in ("stance", "noun_cue")):
        attitude = True  # 'denied any wrongdoing', 'rejected the allegations', 'admitted responsibility'
    if not attitude and not (cue.takes_np and allow_plain):
        return None
    doc = verb.doc
    end = obj.right_edge.i + 1
    if end < len(doc) and doc[end].tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return None  # 'announced the recorder has been recovered': a clause's subject, not an object
    for prep in verb.children:  # the tail the parser hung on the verb
        if prep.dep_ == "prep" and prep.i == end and prep.lower_ in OBJECT_TAIL_PREPS and (
            attitude or prep.lower_ == "as"
        ):
            end = prep.right_edge.i + 1
    # ('her willingness to accept the role, writing, "..."': a participle after a comma is the source's)
    cut = next((t.i - 1 for t in doc[obj.i + 1 : end] if t.dep_ == "acl" and t.lower_.endswith("ing")
                and doc[t.i - 1].text == ","), None)
    if cut is not None:
        end = cut
    # 'signaled an intent to run but decided against it': the parser often hangs the subject's next
    # action on the infinitive; after a contrasting 'but' the verb is the source's, not the intent's.
    cut = next((t.i for t in doc[obj.i : end] if t.lower_ == "but" and t.dep_ == "cc" and any(
        c.dep_ == "conj" and c.pos_ == "VERB" and c.i > t.i for c in t.head.children)), None)
    if cut is not None:
        end = cut
    while end > obj.left_edge.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    span = doc[obj.left_edge.i : end]
    return span if len(_words(span)) >= 2 else None


def _not_a_report(verb: Token) -> bool:
    """Cue verbs that report nothing: an order to the reader ('Imagine that ...'), the linker 'That said,',
    and a question with its auxiliary before the subject ('Can we expect X to ...')."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if verb.dep_ == "ROOT" and verb.tag_ == "VB" and not subjects and not any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ != "do" for c in verb.children
    ):
        return True  # ('Just don't tell anyone', a title or an order, is no report either)
    doc = verb.doc
    if verb.i + 1 < len(doc) and doc[verb.i + 1].text == "," and any(
        c.lower_ in ("that", "this") and c.i == verb.i - 1 for c in subjects
    ):
        return True
    return bool(subjects) and any(c.dep_ == "aux" and c.i < subjects[0].i for c in verb.children)


def _is_passive_naming(verb: Token) -> bool:
    """'is called X', 'was dubbed X' with no one doing the calling."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def _is_conditional(verb: Token) -> bool:
    """'if we confirm that ...', 'unless they announce ...': a report that may not happen is none."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


# Parenthetical verbs with their own pronoun object refer back to something else ('I mentioned them earlier').
OWN_OBJECTS = frozenset({"it", "them", "this", "that", "these", "those"})


def _parenthetical_content(cue: Token) -> Span | None:
    """'The economy, he said, is strong' / 'X was planned, officials said': the clause around the cue."""
    head = cue.head
    if head.pos_ not in ("VERB", "AUX") or head == cue or any(c.dep_ in ("ccomp", "xcomp") for c in cue.children):
        return None
    if any(c.dep_ == "dobj" and c.lower_ in OWN_OBJECTS for c in cue.children):
        return None
    doc = cue.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    if cue.right_edge.i + 1 >= end - 1:  # the cue closes the clause: cut it off
        end = cue.left_edge.i
    elif cue.left_edge.i <= start:  # the cue opens it
        start = cue.right_edge.i + 1
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end] if end - start >= 2 else None


# What a reporting noun says of its content (the rest assert it).
NOUN_MODALITY = {
    # what the writer calls false ("the misstatement that 120 million people had died") is not asserted
    "misstatement": "negated", "falsehood": "negated", "lie": "negated", "myth": "negated", "hoax": "negated",
    "misconception": "negated", "fabrication": "negated", "rumor": "hedged", "rumour": "hedged",
    "denial": "negated", "claim": "hedged", "allegation": "hedged", "accusation": "hedged", "belief": "hedged",
    "fear": "hedged", "concern": "hedged", "suggestion": "hedged", "estimate": "hedged", "hope": "expected",
    "expectation": "expected", "vow": "expected", "threat": "expected", "promise": "expected",
    "pledge": "expected", "prediction": "expected", "confirmation": "confirmed", "admission": "confirmed",
    "report": "reported", "plan": "expected", "intent": "expected", "intention": "expected", "order": "expected",
    "demand": "expected", "call": "expected", "proposal": "expected", "wish": "expected", "goal": "expected",
}


def noun_cues(
    doc: Doc, direct_spans: list[tuple[int, int]], lex: QuoteLexicon, cues: dict[str, list[Token]] | None = None
) -> list[Attribution]:
    """"Trump's claim that the election was stolen": a reporting noun with a source and a 'that' clause;
    "the governor's plan to close the schools": an intention noun with a holder and an infinitive."""
    found = []
    for tok in (cues or cue_candidates(doc, lex))["noun"]:
        if tok.pos_ != "NOUN" or not lex.is_class(tok.lower_, "noun_cue"):
            continue
        # ('relcl': the parser's reading of 'the report that Russians were paying ...' with 'that' as a mark)
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and _has_that(c)
                       and c.i > tok.i), None)
        if clause is None and lex.is_class(tok.lower_, "intention"):
            clause = next((c for c in tok.children if c.dep_ == "acl" and c.i > tok.i and _is_infinitive(c)), None)
        if clause is None:
            continue
        source = None
        for child in tok.children:
            if child.dep_ == "poss" and child.tag_ != "EX":  # not a misparsed 'There are concerns that'
                source = doc[child.left_edge.i : child.i + 1]  # without the "'s"
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                source = next((_np(o) for o in child.children if o.dep_ == "pobj"), None)
        names = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        # 'the New York Times report that ...', 'a Pentagon statement that ...'
        if source is None and names and not tok.lower_.endswith("ing"):
            source = doc[names[0].left_edge.i : names[-1].i + 1]
        if source is None and (tok.lower_.endswith("ing") or (
                tok.dep_ == "dobj" and tok.head.lemma_ in LIGHT_VERBS)):
            # 'X issued a ruling finding that ...' (a participle the tagger took for a noun), 'X made an
            # announcement that ...', 'X issued a statement that ...': the subject of the verb speaks
            verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
            source = source_of(verb) if verb is not None else None
        if source is None and (not _has_that(clause) or _is_existential(tok)):
            # 'the plan to close schools': with no holder and no 'that', maybe no one's claim; 'There are
            # rising concerns that ...': the outlet's own summary of a mood, no attribution
            continue
        # ('amid reports that ...', 'the claim that ... was false': PARC's implicit source, left null)
        content = _span_without_mark(clause)
        if _overlaps_any(content, direct_spans):
            continue
        text = doc_text(doc)
        s, e = _trim(text, content.start_char, content.end_char)
        modality = NOUN_MODALITY.get(tok.lemma_, "asserted")
        cue = (tok.idx, tok.idx + len(tok.text))
        found.append(Attribution(s, e, "indirect", cue, modality, source, (s, e), cue_pos=tok.idx))
    return found


# Verbs that only carry a reporting noun: 'made an announcement that', 'issued a statement that'.
LIGHT_VERBS = frozenset({"make", "issue", "release", "publish", "deliver", "give", "post", "put", "send", "file"})


def _is_existential(noun: Token) -> bool:
    """'There are concerns that ...', 'There have been reports that ...'."""
    head = noun.head
    if noun.dep_ in ("attr", "nsubj") and any(c.dep_ == "expl" for c in head.children):
        return True
    # (the parser also reads 'There are rising concerns' as a noun phrase with 'There' hung on it)
    return any(t.tag_ == "EX" for t in noun.doc[max(noun.sent.start, noun.i - 4) : noun.i])


def implicit_sources(
    doc: Doc, direct_spans: list[tuple[int, int]], lex: QuoteLexicon, cues: dict[str, list[Token]] | None = None
) -> list[Attribution]:
    """Attributions whose source is left unsaid (or comes last, in a 'by' phrase): 'X is projected to win',
    'he is widely suspected of
    asking ...' (an impersonal passive with no 'by' phrase) and 'Reportedly, X ...' (a hearsay adverb
    framing the sentence).
    PARC's convention: the source is null, the cue and content are there. ('It is said that ...' is a
    reporting verb's clause and is found with the others.)"""
    found = []
    for tok in (cues or cue_candidates(doc, lex))["implicit"]:
        content: Span | None = None
        source: Span | None = None
        if tok.tag_ == "VBN" and lex.is_class(tok.lemma_, "impersonal") \
                and any(c.dep_ == "auxpass" for c in tok.children):
            content = _raised_content(tok)
            source = _agent(tok)  # 'was projected by multiple media outlets to have won': a named source
            cue, modality = cue_span(tok), lex.verbs[tok.lemma_].modality if tok.lemma_ in lex.verbs else "reported"
        elif lex.is_class(tok.lower_, "hearsay") and _frames_sentence(tok):
            content = _clause_without(tok.head, tok)
            cue, modality = (tok.idx, tok.idx + len(tok.text)), "reported"
        if content is None or len(_words(content)) < 2 or _overlaps_any(content, direct_spans):
            continue
        s, e = _trim(doc_text(doc), content.start_char, content.end_char)
        found.append(Attribution(s, e, "indirect", cue, modality, source, (s, e), cue_pos=tok.idx))
    return found


def _frames_sentence(adverb: Token) -> bool:
    """'Reportedly, most residents vote by mail': the adverb opens the sentence, set off by a comma, and so
    frames all of it as hearsay. Inside the clause ('their dealings reportedly include ...') it only hedges
    the outlet's own statement, which becomes a claim with the modality 'reported'."""
    doc = adverb.doc
    return adverb.dep_ == "advmod" and adverb.i == adverb.sent.start and adverb.i + 1 < len(doc) \
        and doc[adverb.i + 1].text == "," and adverb.head.pos_ in ("VERB", "AUX") and adverb.head.dep_ == "ROOT"


def _raised_content(verb: Token) -> Span | None:
    """'is projected [to win the college]', 'is suspected [of asking for ...]'."""
    for child in verb.children:
        # ('was projected by two networks to win': after a 'by' phrase the parser makes it an adverbial)
        if child.dep_ in ("xcomp", "advcl") and child.i > verb.i and _is_infinitive(child):
            return verb.doc[child.left_edge.i : child.right_edge.i + 1]
        if child.dep_ == "prep" and child.lower_ == "of":
            comp = next((c for c in child.children if c.dep_ == "pcomp"), None)
            if comp is not None:  # ('of A, and of B': the second charge hangs on the first 'of')
                more = [c for c in (*child.children, *verb.children) if c.dep_ == "conj" and c.lower_ == "of"]
                end = max([comp.right_edge.i] + [c.right_edge.i for c in more])
                return verb.doc[comp.left_edge.i : end + 1]
    return None


def _clause_without(head: Token, adverb: Token) -> Span | None:
    """The clause 'Reportedly, most residents vote by mail' reports, without the adverb and its comma."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    if adverb.i == start:
        start += 1
        while start < end and doc[start].is_punct:
            start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end] if end > start else None


def citing(doc: Doc, lex: QuoteLexicon, cues: dict[str, list[Token]] | None = None) -> list[Attribution]:
    """'The deal has collapsed, citing two people familiar with the matter': the clause, with the cited
    person or document as its source. A cited reason ('cut jobs, citing weak demand') is not a source, and
    under a reporting verb ('X reported ..., citing Y') the citing only says where X's report came from."""
    found = []
    for tok in (cues or cue_candidates(doc, lex))["citing"]:
        if tok.lower_ != "citing" or tok.dep_ != "advcl" or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        head = tok.head
        if head.lemma_ in lex.verbs or any(a.lemma_ in lex.verbs for a in head.ancestors):
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None or not _names_a_source(obj):
            continue
        start, end = head.left_edge.i, tok.left_edge.i
        if end <= start + 1:
            continue
        s, e = _trim(doc_text(doc), doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        cue = (tok.idx, tok.idx + len(tok.text))
        found.append(Attribution(s, e, "indirect", cue, "reported", _np(obj), (s, e), cue_pos=tok.idx))
    return found


def made_clear(doc: Doc, direct_spans: list[tuple[int, int]], cues: dict[str, list[Token]]) -> list[Attribution]:
    """'The senator made (it) clear that she would oppose the nominee': a light verb and an adjective that
    together report; the cue is the group 'made (it) clear'."""
    found = []
    for clear in cues["clear"]:
        make = clear.head
        if make.lemma_ != "make" or make.pos_ not in ("VERB", "AUX") or clear.i < make.i:
            continue
        clause = next((c for node in (clear, make) for c in node.children
                       if c.i > clear.i and _has_that(c)), None)
        if clause is None:
            continue
        content = _span_without_mark(clause)
        if _overlaps_any(content, direct_spans):
            continue
        s, e = _trim(doc_text(doc), content.start_char, content.end_char)
        start = cue_span(make)[0]
        found.append(Attribution(s, e, "indirect", (start, clear.idx + len(clear.text)), "asserted",
                                 source_of(make), (s, e), cue_pos=make.idx))
    return found


def _is_infinitive_adjunct(verb: Token) -> bool:
    """'(examined) to determine if ...', 'something to say': purposes and modifiers, not reports.
    ('is expected to announce that ...', an xcomp, stays a report.)"""
    return verb.dep_ in ("advcl", "acl", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _in_embedded_question(verb: Token) -> bool:
    """'discussed why he decided to join the party', 'asked how she planned to pay': a report inside an
    indirect question is asked about, not made."""
    return verb.dep_ in ("ccomp", "xcomp", "advcl", "pcomp") and any(
        c.tag_ in ("WRB", "WP", "WP$") and c.i < verb.i for c in verb.children)


def _in_question(verb: Token) -> bool:
    """'What do you think might account for them?' asks; it does not report."""
    sent = verb.sent
    last = sent[-1]
    while last.i > sent.start and (last.is_space or last.text in MARKS):
        last = verb.doc[last.i - 1]
    return last.text == "?"


def _is_infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _is_open_question(clause: Token) -> bool:
    """'whom they would support', 'whether they would support it': a question, not a claim."""
    first = clause.left_edge  # ('that' tagged WDT but attached as the clause's mark is no question word)
    if first.i < clause.head.i:
        return False  # 'which Republicans say [will cut taxes]': a relative pronoun moved out, no question
    return (first.tag_ in ("WP", "WDT", "WRB", "WP$") and first.lower_ != "that") or any(
        c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children
    )


def _span_without_mark(clause: Token) -> Span:
    doc = clause.doc
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    while start < end and ((doc[start].dep_ == "mark" and doc[start].head == clause) or (
            doc[start].is_punct and doc[start].text not in MARKS)):  # an opening quote mark stays
        start += 1
    return doc[start:end]


# Participles that say where or how the source spoke ('said X, speaking at a rally'): the cue's adjunct.
SPEAKING_SETTINGS = frozenset({"speak", "talk", "appear", "address", "testify", "respond", "answer", "campaign",
                               "write", "post", "visit", "stand", "sit", "leave"})
# Subordinators of a subject-less adjunct that belongs to the cue ('said X, before leaving for Texas').
CUE_ADJUNCT_MARKS = frozenset({"before", "after", "while", "upon", "when"})


def _cut_added_report(content: Span, lex: QuoteLexicon) -> Span:
    """'... will discuss X, adding that Y': the participle's report is an attribution of its own; 'said X,
    speaking at a rally' / 'said X, before leaving for Texas': the trailing participle tells where or when
    the source spoke, and 'X, according to AP' names the outer source: none of them is content."""
    doc = content.doc
    for tok in content:
        if tok.lower_ == "according" and tok.i > content.start + 2 and tok.i + 1 < content.end \
                and doc[tok.i + 1].lower_ == "to" and doc[tok.i - 1].text == ",":
            return _cut_at(content, tok.i)
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > content.start + 2 \
                and doc[tok.left_edge.i - 1].text == "," and tok.right_edge.i >= content.end - 1 \
                and not any(c.dep_ in SUBJECT_DEPS for c in tok.children) and (
                    tok.lemma_ in SPEAKING_SETTINGS
                    or any(c.dep_ == "mark" and c.lower_ in CUE_ADJUNCT_MARKS for c in tok.children)):
            return _cut_at(content, tok.left_edge.i)
        if tok.dep_ == "prep" and tok.lower_ in CUE_ADJUNCT_MARKS and doc[tok.i - 1].text == "," \
                and tok.i > content.start + 2 and tok.right_edge.i >= content.end - 1 \
                and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in tok.children):
            return _cut_at(content, tok.i)  # (the same, parsed as a preposition with a gerund)
    for tok in content:
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > content.start + 2 and tok.lemma_ in lex.verbs:
            cue = lex.verbs[tok.lemma_]
            if complement(tok, cue) is not None and tok.right_edge.i >= content.end - 1:
                end = tok.left_edge.i
                while end > content.start and content.doc[end - 1].is_punct:
                    end -= 1
                return content.doc[content.start : end]
    return content


def _cut_at(content: Span, i: int) -> Span:
    end = i
    while end > content.start and content.doc[end - 1].is_punct:
        end -= 1
    return content.doc[content.start : end]


def _speaking_ancestor(verb: Token) -> Token | None:
    """For 'adding that ...' hanging inside another report: the cue verb of that report."""
    for anc in verb.ancestors:
        if anc.dep_ == "ccomp" and anc.head.pos_ in ("VERB", "AUX"):
            return anc.head
    return None


def _has_source_slot(verb: Token, lex: QuoteLexicon) -> bool:
    """Participles on a bare noun ('weeks of reports suggesting that') do not name a source."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return False  # 'a program called "Learning Together"', 'the weapons described as ...'
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        head = verb.head
        return any(c.dep_ == "det" for c in head.children) and head.tag_ == "NN"
    return True


def source_of(verb: Token) -> Span | None:
    """The phrase naming who speaks: the cue's subject, or the subject of the verb it hangs from."""
    node = verb
    if verb.pos_ == "NOUN":  # a participle tagged as a noun ('the role, writing, "..."'): its clause's subject
        node = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), verb)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        speaking = _speaking_ancestor(verb)
        if speaking is not None:
            node = speaking
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.lemma_ in load_lexicon().verbs \
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        node = verb.head.head  # 'agreed A but ruled that B', parsed with 'ruled' inside A: the judge rules
    for _ in range(4):
        for child in node.children:
            if child.dep_ == "nsubj" and child.tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                return _np_core(node.head)  # '..., who said': the noun the relative clause hangs on
            if child.dep_ == "nsubj":
                return _subject_np(node, child)
            if child.dep_ == "nsubjpass":
                if node == verb:  # 'It was reported that ...': the subject is the topic, not the source
                    return _agent(node)
                return _np(child)  # 'X is expected to announce that ...': X announces
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return _np(obj)
        inverted = [c for c in node.rights if c.dep_ in ("dobj", "attr", "npadvmod") and c.pos_ == "PROPN"]
        if inverted and any(c.dep_ == "ccomp" and c.i < node.i for c in node.children):
            return _np(inverted[0])  # '"...," said Singh' parsed with Singh as an object
        if node.dep_ == "acl" and node.head.dep_ in ("dobj", "pobj") and node.head.pos_ == "NOUN" \
                and not _names_a_source(node.head):
            node = node.head.head  # 'Bobulinski held a press conference claiming ...'
            continue
        if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return _np_core(node.head)
        if node == verb and node.dep_ == "ROOT":
            return _names_before(verb)
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
            node = node.head.head  # 'In finding X, the court also found ...', 'continued by announcing'
            continue
        if node.dep_ not in CLAUSE_DEPS or node.head == node:
            return None
        controller = _object_controller(node)
        if controller is not None:
            return controller
        node = node.head
    return None


def _object_controller(clause: Token) -> Span | None:
    """'The backlash led Biden to express ...', 'pressed him to admit ...': in an infinitive hung on a verb
    with an object, the object (not the verb's subject) is who does the saying."""
    if clause.dep_ != "xcomp" or not _is_infinitive(clause):
        return None
    obj = next((c for c in clause.head.children if c.dep_ == "dobj" and c.i < clause.i), None)
    if obj is None or obj.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    return _np(obj)


def _names_before(verb: Token) -> Span | None:
    """'On Friday Ford Motor Company announced ...', parsed with the company inside the date phrase: a
    main verb with no subject takes the name right before it."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0 or doc[verb.i - 1].pos_ != "PROPN":
        return None
    start = verb.i - 1
    while start > 0 and doc[start - 1].pos_ == "PROPN" and not _is_date_word(doc[start - 1]):
        start -= 1
    if _is_date_word(doc[start]):
        return None
    return doc[start : verb.i]


DATE_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                        "february", "march", "april", "may", "june", "july", "august", "september", "october",
                        "november", "december", "today", "yesterday"})


def _is_date_word(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in DATE_WORDS


def _subject_np(verb: Token, first: Token) -> Span:
    """The subject phrase; 'said study co-author Ted Scambos', which the parser splits into three subjects
    side by side, is one."""
    doc = verb.doc
    same_side = [c for c in verb.children if c.dep_ == "nsubj" and (c.i > verb.i) == (first.i > verb.i)]
    last = same_side[-1]
    if last is first or any((t.is_punct and t.text not in ("-", "–")) or t.dep_ == "cc"
                            for t in doc[first.right_edge.i + 1 : last.left_edge.i]):
        return _np(first)
    tail = _np(last)
    return doc[first.left_edge.i : tail.end]


def _names_a_source(noun: Token) -> bool:
    """A document ('a statement saying') or a person/group noun ('officials saying') can speak."""
    lex = load_lexicon()
    return any(lex.is_class(noun.lemma_, c) for c in ("document", "person", "institution")) or bool(
        noun.ent_type_
    )


def _can_be_cited(noun: Token) -> bool:
    """'according to plan', 'each according to their choice' cite no one (the 'not_source' words)."""
    return not load_lexicon().is_class(noun.lemma_, "not_source")


def _agent(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return _np(obj)
    return None


# Modifiers set off by a comma that describe a source rather than pick it out ('Smith, who heads the
# committee,' / 'Hurley and Behnken, when they depart,'): PARC's source is the NP as a reader names it.
DESCRIPTIVE_DEPS = frozenset({"relcl", "advcl", "acl"})


def _np(tok: Token) -> Span:
    """The noun phrase of a source, without non-restrictive clauses, and with its parentheses closed."""
    doc = tok.doc
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    for node in [tok, *(c for c in tok.children if c.dep_ == "conj")]:
        for child in node.children:
            if child.dep_ in DESCRIPTIVE_DEPS and child.i > node.i and doc[child.left_edge.i - 1].text == ",":
                end = min(end, child.left_edge.i - 1)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        if doc[end - 1].text == ")" and _open_parens(doc[start : end - 1]) > 0:
            break
        end -= 1
    if _open_parens(doc[start:end]) > 0 and end < len(doc) and doc[end].text == ")":
        end += 1  # 'Notes from Poland (NFP)': the parser hung the closing bracket elsewhere
    for i in range(tok.i - 1, start - 1, -1):  # a name stays in its paragraph
        if "\n" in doc[i].text:
            start = i + 1
            break
    for i in range(tok.i + 1, end):
        if "\n" in doc[i].text:
            end = i
            break
    return doc[start:end]


def _open_parens(span: Span) -> int:
    return sum(t.text == "(" for t in span) - sum(t.text == ")" for t in span)


def _np_core(tok: Token) -> Span:
    start = min([tok.i] + [c.left_edge.i for c in tok.lefts])
    return tok.doc[start : tok.i + 1]


def cue_span(verb: Token) -> tuple[int, int]:
    """The verb group: auxiliaries, negation and particles next to the verb ('has confirmed', 'called for')."""
    doc = verb.doc
    start = verb.i
    while start > 0 and doc[start - 1].head == verb and (
        doc[start - 1].dep_ in ("aux", "auxpass", "neg") or _adverb_inside_group(doc[start - 1])
    ):
        start -= 1
    while start < verb.i and doc[start].dep_ == "advmod":  # 'reportedly said': the group starts at a verb
        start += 1
    end = verb.i + 1
    if end < len(doc) and doc[end].head == verb and (
        doc[end].dep_ == "prt" or (doc[end].dep_ == "prep" and (verb.lemma_, doc[end].lower_) in PHRASAL_CUES)
    ):
        end += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _adverb_inside_group(tok: Token) -> bool:
    """'has repeatedly said', 'would later tell': an adverb between the auxiliary and its verb belongs to
    the verb group (one contiguous cue); an adverb with no auxiliary before it does not."""
    doc = tok.doc
    if tok.dep_ != "advmod" or tok.pos_ != "ADV":
        return False
    i = tok.i - 1
    while i >= 0 and doc[i].dep_ == "advmod" and doc[i].head == tok.head:
        i -= 1
    return i >= 0 and doc[i].dep_ in ("aux", "auxpass") and doc[i].head == tok.head


def according_to(doc: Doc, lex: QuoteLexicon, cues: dict[str, list[Token]] | None = None) -> list[Attribution]:
    found = []
    for tok in (cues or cue_candidates(doc, lex))["according"]:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
        if not objs:
            continue
        if not _can_be_cited(objs[0]):
            continue  # 'according to plan', 'each according to their choice'
        source = _np(objs[0])
        phrase_start, phrase_end = tok.i, max(source.end, to.i + 1)
        sent = _clause_of_according(tok, phrase_end)
        before = doc[sent.start : phrase_start] if phrase_start > sent.start else doc[sent.start : sent.start]
        after = doc[phrase_end : sent.end] if phrase_end < sent.end else doc[sent.end : sent.end]
        if len(_words(after)) <= 1:
            content = before
        elif len(_words(before)) <= 1:
            content = after
        else:
            content = sent
        s, e = _trim(doc_text(doc), content.start_char, content.end_char)
        if e - s < 3:
            continue
        cue = (tok.idx, to.idx + len(to.text))
        found.append(Attribution(s, e, "indirect", cue, "reported", source, (s, e), cue_pos=tok.idx,
                                 according=True))
    return found


def _clause_of_according(according: Token, phrase_end: int) -> Span:
    """The stretch 'according to X' vouches for: its sentence, but not a clause joined after the phrase
    ('Trump has admitted it, according to prosecutors, but the department maintains ...')."""
    sent = _semicolon_part(according.sent, according.i)
    head = according.head
    if head.pos_ not in ("VERB", "AUX") or not sent.start <= head.i < sent.end or according.i < head.i:
        return sent  # ('According to X, A and B': X vouches for both)
    end = sent.end
    for child in head.children:
        if child.dep_ == "conj" and child.i >= phrase_end and any(
            c.dep_ in SUBJECT_DEPS for c in child.children
        ):
            cut = child.left_edge.i
            while cut > phrase_end and (according.doc[cut - 1].dep_ == "cc" or according.doc[cut - 1].is_punct):
                cut -= 1
            end = min(end, cut)
    return according.doc[sent.start : end]


def _semicolon_part(sent: Span, i: int) -> Span:
    """The part of a sentence between semicolons that holds token i: 'X suggested A; according to Y, B'
    vouches for B only (the clause before it has its own attribution)."""
    doc = sent.doc
    start, end = sent.start, sent.end
    for tok in sent:
        if tok.text == ";":
            if tok.i < i:
                start = tok.i + 1
            elif tok.i > i:
                end = tok.i
                break
    return doc[start:end]


def outermost(found: list[Attribution]) -> list[Attribution]:
    """Drop attributions whose cue sits inside another's content, and duplicates of one content."""
    keep = []
    for att in found:
        # (two that hold each other's cue, a parse gone round in a circle, do not knock each other out)
        if att.cue_pos >= 0 and any(
            o is not att and o.start <= att.cue_pos < o.end and o.cue_pos != att.cue_pos
            and not (o.cue_pos >= 0 and att.start <= o.cue_pos < att.end)
            for o in found
        ):
            continue
        keep.append(att)
    # One cue read twice ('According to X, "..."' as a direct quote and as an according-to clause):
    # keep the direct quote, else the longer content.
    keep.sort(key=lambda a: (a.kind != "direct", -(a.end - a.start)))
    unique: list[Attribution] = []
    for att in keep:
        if att.cue_pos >= 0 and any(
            o.cue_pos == att.cue_pos and o.start < att.end and att.start < o.end for o in unique
        ):
            continue
        unique.append(att)
    unique.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Attribution] = []
    for att in unique:
        if out and out[-1].start == att.start and out[-1].end == att.end:
            continue
        out.append(att)
    return out


# -- speakers ----------------------------------------------------------------------------------------


def resolve_speaker(att: Attribution, resolver: SpeakerResolver) -> None:
    if att.continues is not None:
        att.speaker, att.chain, att.second_hand = att.continues.speaker, att.continues.chain, \
            att.continues.second_hand
        resolver.remember(att.start, att.speaker)
        return
    position = att.source.start_char if att.source is not None else att.start
    res = resolver.resolve(att.source, position)
    att.speaker, att.chain = res.speaker, res.chain
    att.second_hand = att.according or res.is_document or res.anonymous


# -- items -------------------------------------------------------------------------------------------


def build_items(doc: Doc, attributions: list[Attribution], lex: QuoteLexicon) -> tuple[list[Quote], list[Claim]]:
    quotes: list[Quote] = []
    claims: list[Claim] = []
    claim_ids: dict[tuple[int, int], str] = {}
    for att in attributions:
        cid = claim_ids.get(att.clause)
        if cid is None:
            cid = f"C{len(claims) + 1}"
            claim_ids[att.clause] = cid
            claims.append(_claim(doc, cid, att.clause, att, lex))
        source = _clean_span(doc_text(doc), att.source.start_char, att.source.end_char) \
            if att.source is not None else None
        quotes.append(Quote(
            id=f"Q{len(quotes) + 1}", start=att.start, end=att.end, text=doc_text(doc)[att.start : att.end],
            kind=att.kind, speaker=att.speaker, source=source, cue=att.cue, claim=cid,
        ))
    claims += outlet_claims(doc, attributions, lex, len(claims))
    _link_quantities(doc, claims)
    return quotes, claims


def _claim(doc: Doc, cid: str, clause: tuple[int, int], att: Attribution | None, lex: QuoteLexicon) -> Claim:
    start, end = clause
    span = doc.char_span(start, end, alignment_mode="expand")
    content = content_modality(span, lex) if span is not None and len(span) else None
    if att is None:
        modality = combine_modality(None, content, second_hand=False)
        if modality == "reported" or content is None:
            modality = "reported" if content == "reported" else modality
        chain: list[SourceLink] = []
        speaker = None
    else:
        modality = combine_modality(att.cue_modality, content, att.second_hand)
        chain = list(att.chain)
        speaker = att.speaker
    time, time_from = claim_time(doc, start, end)
    return Claim(cid, start, end, doc_text(doc)[start:end], modality, chain, speaker, time, time_from)


def outlet_claims(doc: Doc, attributions: list[Attribution], lex: QuoteLexicon, n: int) -> list[Claim]:
    """Sentences the outlet states itself that carry a figure or a hedge: claims with no source."""
    covered = sorted((a.start, a.end) for a in attributions)
    covered += sorted(a.cue for a in attributions if a.cue)
    quantities = sorted((q.start, q.end) for q in (doc._.quantities or []))
    q_starts = [s for s, _ in quantities]
    out: list[Claim] = []
    for sent in doc.sents:
        s, e = _trim(doc_text(doc), sent.start_char, sent.end_char)
        if e <= s or any(a < e and s < b for a, b in covered):
            continue
        i = bisect.bisect_left(q_starts, s)
        has_quantity = i < len(quantities) and quantities[i][0] < e
        has_hedge = any(lex.hedges.get(t.lower_) in ("hedged", "reported") for t in sent)
        if not (has_quantity or has_hedge):
            continue
        out.append(_claim(doc, f"C{n + len(out) + 1}", (s, e), None, lex))
    return out


def _link_quantities(doc: Doc, claims: list[Claim]) -> None:
    """A figure stated inside a claim points to it (the innermost claim when they nest)."""
    for q in doc._.quantities or []:
        inner = [c for c in claims if c.start <= q.start and q.end <= c.end]
        if inner and getattr(q, "claim", None) is None:
            q.claim = min(inner, key=lambda c: c.end - c.start).id


# -- small helpers -------------------------------------------------------------------------------


def _clean_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A source span without stray quote marks or line breaks at its edges, and within one paragraph (the
    name next to the cue; a parse run across a paragraph break takes in the paragraph before)."""
    if "\n" in text[start:end]:
        start = text.rindex("\n", start, end) + 1
    while start < end and (text[start].isspace() or text[start] in MARKS or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in MARKS or text[end - 1] in ",;:—–-"):
        end -= 1
    return (start, end) if end > start else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, quote marks and sentence punctuation that is not part of the content."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
        end -= 1
    return start, end


def _words(span: Span) -> list[str]:
    return WORD.findall(span.text)


def _quoted_share(text: str, content: Span, frags: list[QuotedPassage]) -> float:
    total = len(WORD.findall(content.text)) or 1
    quoted = sum(len(WORD.findall(text[slice(*f.content)])) for f in frags)
    return quoted / total


def _mostly_quoted(text: str, content: Span, frags: list[QuotedPassage]) -> bool:
    """A clause made mostly of quoted pieces is reported as those pieces (mixed quotes), else as a whole."""
    share = _quoted_share(text, content, frags)
    return (len(frags) >= 2 and share >= MIXED_COVERAGE) or share >= MIXED_SINGLE


def _inside(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _overlaps_any(span: Span, spans: list[tuple[int, int]]) -> bool:
    return any(s < span.end_char and span.start_char < e for s, e in spans)


@Language.factory(
    "newsgraph_quotes",
    requires=["token.dep", "doc._.actors", "doc._.times", "doc._.quantities"],
    assigns=["doc._.quotes", "doc._.claims"],
    default_config={},
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()
