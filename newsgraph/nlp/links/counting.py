"""What a bare figure counts when its own phrase names nothing: the subject a verb of reaching gives it
("the number of confirmed cases surpassed one million"), the tally a verb of putting sets ("officials put the
toll at 40"), the category the counted words give ("civilians killed")."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.model import Quantity
from newsgraph.nlp.links.wording import Phrase, words
from newsgraph.nlp.quantities.lexicon import load_lexicon

# Pronouns that stand for a tally named in the sentence before: "He put it at more than 1,300."
ANAPHORS = frozenset({"it"})
# How far (in tokens) after a "how many" question its answer's figure may stand.
QUESTION_REACH = 40
# The least bare figure read as the article's last count with its noun left out (links.figure.elided_count).
ELIDED_MIN = 100


def reaching_subject(p: Phrase) -> Token | None:
    """The subject a verb of reaching gives a bare figure to: "cases surpassed one million" -> cases. The
    figure must complete the verb ("rose to 80", "is 66"), not open the clause ("Of the 2.8 million who
    voted, 85% were ..."); "to be" gives it only to a tally ("the number of deaths is 66", not "the
    population is 7.5 million")."""
    w = words()
    via = p.number.head if p.number.dep_ == "pobj" else None
    if via is not None and via.lower_ not in w["reach_preps"]:
        return None
    verb = _reaching_verb(p, via)
    if verb is None:
        return None
    if verb.lemma_.lower() in w["put_verbs"]:
        # "estimates put the toll as high as 150,000", "officials put the number of dead at 40": its object
        return next((c for c in verb.children if c.dep_ == "dobj" and (c.lower_ in w["tally_nouns"]
                                                                        or c.lower_ in ANAPHORS)), None)
    if verb.lemma_.lower() not in w["reach_verbs"]:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "acl":
        subject = verb.head
    if subject is None:
        subject = _stranded_tally(verb)
    if subject is not None and subject.lower_ in ANAPHORS:
        return subject  # "it rose to 1,300": its antecedent says what (see _tally_antecedent)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    # ("the number is now around 700,000": the parser may take the approximator for a preposition)
    if verb.lemma_ == "be" and ((p.role != "attr" and via is None) or subject.lower_ not in w["tally_nouns"]):
        return None
    return subject


def counted_modifier(tally: Token) -> Token | None:
    """"the death toll", "the casualty figure": the modifier of a tally that says what it counts; "the toll"
    alone, a word that counts the dead itself."""
    lex = load_lexicon()
    modifier = next((c for c in tally.children if c.dep_ in ("compound", "amod")
                     and (lex.unit_cue(c.lemma_) or lex.unit_cue(c.lower_))), None)
    return modifier or (tally if lex.unit_cue(tally.lower_) is not None else None)


def _stranded_tally(verb: Token) -> Token | None:
    """"as the number of people confirmed dead rose above 3,400", parsed with "rose" joined to the main verb
    and "number" the subject of "confirmed": the nearest tally noun before a subjectless verb of reaching,
    when it is some verb's subject."""
    for tok in reversed(verb.doc[verb.sent.start : verb.i]):
        if tok.lower_ in words()["tally_nouns"] and tok.dep_ in ("nsubj", "nsubjpass"):
            return tok
    return None


def _reaching_verb(p: Phrase, via: Token | None) -> Token | None:
    """The verb a figure completes, directly or through the preposition ``via`` ("put the toll as high as
    150,000": through the adjective the bound hangs on)."""
    if p.verb is not None or via is None:
        return p.verb
    return next((a for a in via.ancestors if a.pos_ in ("VERB", "AUX")), None)


def category_of_noun(q: Quantity, noun: Token, tally: Token | None = None) -> None:
    """The category a counted noun found here gives a figure that has none yet: "the number of Sudanese
    refugees is now around 700,000" counts the displaced (the quantities stage saw no noun to read it from)."""
    if q.category not in (None, "other"):
        return
    lex = load_lexicon()
    cue = lex.unit_cue(noun.lemma_) or lex.unit_cue(noun.lower_)
    if cue is None or cue.category in ("status", "person", "other"):
        # "civilians killed", "people displaced": the participle that says what befell them; "the number of
        # people confirmed dead", parsed with the number as the participle's subject: its complement
        said = [c for c in noun.children if c.dep_ in ("acl", "amod") and c.tag_ == "VBN"]
        if tally is not None and tally.dep_ in ("nsubj", "nsubjpass") and tally.head.pos_ == "VERB":
            said += [tally.head, *(c for c in tally.head.children if c.dep_ in ("oprd", "acomp"))]
        cues = [lex.predicates.get(t.lower_) or lex.predicates.get(t.lemma_.lower()) for t in said]
        cue = next((c for c in reversed(cues) if c is not None), None)
    if cue is not None and cue.category not in ("status", "person", "other"):
        q.category = cue.category
        if cue.subcategory and not q.subcategory:
            q.subcategory = cue.subcategory


def participle_of(tok: Token) -> Token | None:
    """"those infected": the participle that says who the pronoun counts."""
    if tok.pos_ != "PRON":
        return None
    return next((c for c in tok.children if c.dep_ in ("acl", "amod") and c.tag_ == "VBN"), None)


def asked_about(number: Token) -> Token | None:
    """The noun a "how many" question asks about, when the sentence before the figure's is that question
    and the figure stands close after it."""
    if number.sent.start == 0:
        return None
    doc = number.doc
    asked = doc[number.sent.start - 1].sent
    if not asked.text.rstrip().endswith("?") or number.i - asked.end > QUESTION_REACH:
        return None
    many = next((t for t in asked if t.lower_ == "many" and t.i > 0 and doc[t.i - 1].lower_ == "how"), None)
    return many.head if many is not None and many.head.pos_ == "NOUN" else None


def elided_count(q: Quantity, phrase: Phrase, counts: list[Quantity]) -> Quantity | None:
    """"… the number of refugees is now around 700,000. 'Chad had taken in around 600,000 at the start
    of the summer'": a large bare figure counts what the article's latest count of the same order (within
    a factor of two) counted; the writer left the noun out because the reader has it. Small numbers
    ("nine in ten") and figures with no such count before them are left alone."""
    if q.counted or q.unit or q.category not in (None, "other") or phrase.noun != phrase.number:
        return None
    if q.value < ELIDED_MIN:
        return None
    return next((c for c in reversed(counts) if c.value > 0 and 0.5 <= q.value / c.value <= 2), None)


def same_value(q: Quantity, phrase: Phrase, counts: list[Quantity]) -> Quantity | None:
    """"AFAD put the number of dead at 14,120. Yilmaz rejected the figure of 14,120": a figure that names
    no counted thing and repeats the value of an earlier count of the article is that count."""
    if q.counted or q.unit or q.category not in (None, "other") or q.value <= 1:
        return None
    if phrase.noun != phrase.number and phrase.noun.lower_ not in words()["tally_nouns"]:
        return None
    return next((c for c in reversed(counts) if c.value == q.value and c.high == q.high), None)
