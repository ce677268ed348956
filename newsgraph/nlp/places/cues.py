"""What the words around a name say about it, as pure functions over a Doc: a preposition after which
only a place fits, an "of" that leads to a place, a dateline, a local institution, a possessive, a
division word. The rules they stand for are checked where they decide (``stage.on``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.places.stage import Stage
from newsgraph.nlp.places.toponym import Toponym
from newsgraph.nlp.places.words import (
    COURT_KINDS,
    DATELINE_ENDS,
    GENERIC_NAME_WORDS,
    INSTITUTION_WORDS,
    LOCATIVE_PREPS,
    MOTION_VERBS,
    SUFFIX_WORDS,
)
from newsgraph.nlp.words import POSSESSIVE


def locative(st: Stage, doc: Doc, i: int) -> str | None:
    """The rule by which token ``i`` is a preposition after which only a place fits: "in", "near", ...
    (``places.found.after_locative``), or the "to" of a verb of going or sending or of a "from" ("fled to
    Waukegan", "from Jakarta to Pangkal Pinang"; not "talked to Waukegan": ``places.found.motion_to``)."""
    tok = doc[i]
    if tok.lower_ in LOCATIVE_PREPS:
        return "places.found.after_locative" if st.on("places.found.after_locative") else None
    if tok.lower_ != "to" or not st.on("places.found.motion_to"):
        return None
    if tok.head.lemma_.lower() not in MOTION_VERBS and not any(c.lower_ == "from" for c in tok.head.children):
        return None  # "talked to X"; but "a journey from Jakarta to X" goes to a place
    # "came to Rittenhouse's defense": "to" leads to the defense, and the name only owns it
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or any(t.tag_ == "POS" for t in doc[i + 1:pobj.i]):
        return None
    return "places.found.motion_to"


def person_of(st: Stage, doc: Doc, of: int) -> bool:
    """"Riley Smith, 70, of Paris", "Linda Battle of Toco": "of" after a person's name (and age) gives
    where the person lives (``places.found.residence``)."""
    if not st.on("places.found.residence"):
        return False
    before = doc[of - 1]
    if before.ent_type_ == "PERSON" and before.text[:1].isupper():
        return True
    return of >= 4 and before.text == "," and doc[of - 2].like_num and doc[of - 3].text == "," \
        and doc[of - 4].ent_type_ == "PERSON"


def of_a_place(st: Stage, doc: Doc, i: int, nouns: frozenset[str]) -> bool:
    """Whether token ``i`` is an "of" that leads to a place: after one of ``nouns`` ("south of",
    "the villages of") or after a person's name ("Jane Doe, 58, of Paris")."""
    return doc[i].lower_ == "of" and i > 0 and (doc[i - 1].lower_ in nouns or person_of(st, doc, i))


def residence_span(doc: Doc, of: int) -> tuple[int, int]:
    """The person's name (and age) and the "of" that say where the person lives: "Doe, 58, of"."""
    first = of - 1 if doc[of - 1].ent_type_ == "PERSON" else of - 4
    return doc[first].idx, doc[of].idx + len(doc[of])


def residence(st: Stage, doc: Doc, t: Toponym) -> bool:
    """Whether the toponym is where a person lives: "Riley Smith, 70, of Paris"."""
    return t.start > 0 and doc[t.start - 1].lower_ == "of" and person_of(st, doc, t.start - 1)


def in_dateline(doc: Doc, t: Toponym) -> bool:
    """Whether the toponym ends a dateline: "GLASGOW, Ky. (WBKO) --", "SPRINGFIELD, Ill. -": at the
    start of the text, after the town in capitals and a comma, before the agency or the dash."""
    if t.start == 0 or t.start > 6 or t.end >= len(doc) or doc[t.end].text not in DATELINE_ENDS:
        return False
    lead = doc[:t.start]
    return lead[-1].text == "," and all(tok.is_upper or tok.is_punct for tok in lead[:-1])


def institution_at(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens the noun of a local institution: "police", "Council", "Superior Court"."""
    if i >= len(doc):
        return False
    word = doc[i].lower_
    return word in INSTITUTION_WORDS or (word in COURT_KINDS and i + 1 < len(doc) and doc[i + 1].lower_ == "court")


def possessor(doc: Doc, t: Toponym, ending: dict[int, Toponym]) -> Toponym | None:
    """The toponym whose possessive stands right before ``t`` ("Giza" of "Giza's Haram district");
    ``ending`` maps each toponym's end token to it."""
    if t.start < 2 or doc[t.start - 1].tag_ != "POS":
        return None
    return ending.get(t.start - 1)


def division_after_comma(st: Stage, doc: Doc, start: int, end: int, counties: bool = False) -> bool:
    """Whether tokens ``start:end`` name a first-level division by its own name ("Oklahoma") or by an
    abbreviation written with its dot ("Man.", "Ark."); with ``counties``, a second-level one by its own
    name too ("Clacton, Essex", after a town already known to be one)."""
    if not doc[start].text[:1].isupper():
        return False
    text = doc[start:end].text
    abbreviated = text.endswith(".") or (end < len(doc) and doc[end].text == "." and doc[end - 1].whitespace_ == "")
    return st.division_by_name(text, abbreviated, counties)


def suffix_end(st: Stage, doc: Doc, end: int) -> int:
    """The end of a name extended over a division word right after it ("Kursk" + "region")."""
    if end < len(doc) and doc[end].lower_ in SUFFIX_WORDS and st.on("places.found.suffix"):
        return end + 1
    return end


def trim(ent: Span) -> tuple[int, int]:
    """Token bounds without a leading "the" or a trailing possessive."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and (doc[start].lower_ == "the" or doc[start].lower_ in LOCATIVE_PREPS):
        start += 1  # "the", and "Near" that the tagger took into "Near Ar Raqqah"
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return start, end


def name_fragment(doc: Doc, i: int) -> bool:
    """Whether token ``i`` continues a name inside an entity ("Valley" of "Thames Valley Police")."""
    return i > 0 and doc[i].ent_iob_ == "I" and doc[i - 1].text[:1].isupper() \
        and doc[i - 1].lower_ not in GENERIC_NAME_WORDS


def street_word(tok: Token) -> bool:
    """A word of a street's name: capitalised, not a function word ("North Circular Road", "King Edward
    Street"; not "The" or "In")."""
    return tok.text[:1].isupper() and tok.is_alpha and not tok.is_stop and tok.pos_ in ("PROPN", "ADJ", "NOUN")


def capitalised_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()


def looks_like_name(text: str) -> bool:
    """An unknown toponym is kept only if it looks like an English-language name ("Xqzabad"), not a
    stray foreign word the tagger took for one ("очень", "hoy")."""
    return text[:1].isupper() and text[:1].isascii()


def common_word(article: str, name: str) -> bool:
    """Whether a name also occurs in the article in lower case ("lakes", "olympic"): a word, not only
    a name."""
    return name.lower() != name and name.lower() in article
