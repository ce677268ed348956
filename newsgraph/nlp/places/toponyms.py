"""Names the article itself shows to be places: shared by the actors stage (a name written as a place is
no person) and the places stage (one name, one sense in an article)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.actors.lexicon import load_actor_lexicon
from newsgraph.nlp.places.gazetteer import load as load_gazetteer
from newsgraph.nlp.places.words import SETTLEMENT_NOUNS  # "the city of Raqqah", "the town of Dabiq"
from newsgraph.nlp.words import POSSESSIVE


def toponym_texts(doc: Doc) -> frozenset[str]:
    """Names the gazetteer knows that the article itself shows to be places: tagged GPE/LOC
    somewhere, or written "the city of X" or "X, Syria". The tagger often labels the same name a
    place once and a person or an organization elsewhere ("Raqqah", "Sinjar"); one name keeps one
    sense in an article. Cached on the doc, since the actors and places stages both ask."""
    cached = doc.user_data.get("newsgraph_toponym_texts")
    if cached is not None:
        return cached
    names: set[str] = set()
    gaz = load_gazetteer()
    for ent in doc.ents:
        start, end = ent.start + (ent[0].lower_ == "the"), ent.end
        while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        if end <= start:
            continue
        text = doc[start:end].text
        if not gaz.has(text):
            continue  # only names the gazetteer knows ("Yazidi" tagged GPE is not one)
        if ent.label_ in ("GPE", "LOC"):
            names.add(text)
        elif start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in SETTLEMENT_NOUNS:
            names.add(text)  # "the city of Raqqah"
        elif end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "GPE" \
                and doc[end + 1].text in load_actor_lexicon().states:
            names.add(text)  # "Raqqah, Syria"
    out = frozenset(names)
    doc.user_data["newsgraph_toponym_texts"] = out
    return out
