"""Names a toponym vouches for: those listed with it ("Foua and Kfraya", "Ingham or Townsville") and the
same name elsewhere in the article (one sense per name)."""

from __future__ import annotations

import itertools

from spacy.tokens import Doc

from newsgraph.nlp.extensions import doc_text
from newsgraph.nlp.places.cues import capitalised_name, common_word, trim
from newsgraph.nlp.places.gazetteer import normalize
from newsgraph.nlp.places.stage import Stage
from newsgraph.nlp.places.toponym import Toponym, chars
from newsgraph.nlp.places.words import CALENDAR_WORDS, MISLABELS, NUMERIC_LABELS

LIST_WORDS = ("and", "or", ",")
# Labels of a conjunct the tagger took for something else: then a town must have some size.
OTHER_LABELS = ("PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "DATE")


def coordinated(st: Stage, doc: Doc, found: list[Toponym], used: set[int]) -> list[Toponym]:
    """"Foua and Kfraya", "Hornsey, Stoke Newington and Walthamstow", "Ingham or Townsville": a
    name listed with a toponym is of the same kind. Taken when the gazetteer knows it by its own
    name as a town of some size, a division or a country, whatever the tagger made of it; or as a small
    town in the division of the place it is listed with (``places.resolve.listed_town``)."""
    out: list[Toponym] = []
    if not st.on("places.found.listed"):
        return out
    # (start, end, whether reached through "and"/"or"): a comma alone links names only in a list that
    # has a conjunction ("Hornsey, Stoke Newington and Walthamstow"), not in "in Sichuan, Xinhua said"
    todo = [(t.start, t.end, False) for t in found if t.seat_of is None]
    seen = {(s, e) for s, e, _ in todo}
    while todo:  # a name found so is listed with others in turn: "Hornsey, Stoke Newington and ..."
        t_start, t_end, in_list = todo.pop()
        for step in (-1, 1):  # the conjunct before the toponym, then the one after it
            link = t_start - 1 if step < 0 else t_end
            span = _conjunct(doc, link, step, used)
            if span is None or span in seen:
                continue
            start, end = span
            far = start - 1 if step < 0 else end
            listed = in_list or doc[link].lower_ in ("and", "or") \
                or (0 <= far < len(doc) and doc[far].lower_ in LIST_WORDS)
            if not listed:
                continue
            seen.add(span)
            conjunct = _listed(st, doc, start, end, t_start, t_end)
            if conjunct is not None:
                out.append(conjunct)
                used.update(range(start, end))
            if conjunct is not None or doc[start].ent_type_ != "PERSON":
                todo.append((start, end, True))  # a name we do not know ("Stoke Newington") links the list too
    return out


def _listed(st: Stage, doc: Doc, start: int, end: int, t_start: int, t_end: int) -> Toponym | None:
    """The conjunct ``start:end`` listed with the toponym ``t_start:t_end`` as a toponym, if it is one."""
    text = doc[start:end].text
    tagged_else = doc[start].ent_type_ in OTHER_LABELS
    sibling = doc[t_start:t_end].text
    if _listed_place(st, text, st.settings.untagged_population if tagged_else else 0):
        t = Toponym(start, end, text, False, True, locative=True)
        t.fired("places.found.listed", chars(doc, t_start, t_end))
        return t
    if doc[start].ent_type_ != "PERSON" and st.on("places.resolve.listed_town") and st.listed_towns(text, sibling):
        t = Toponym(start, end, text, False, True, locative=True, listed_with=sibling)
        t.fired("places.found.listed", chars(doc, t_start, t_end))
        t.fired("places.resolve.listed_town", chars(doc, t_start, t_end))
        return t
    return None


def _listed_place(st: Stage, text: str, min_population: int) -> bool:
    """A conjunct is a place when the gazetteer has it by its own name (``Stage.listed_place``), unless
    it is a demonym or a word of the calendar."""
    if (text in st.demonyms and st.on("places.not.demonym")) or normalize(text) in CALENDAR_WORDS:
        return False
    return st.listed_place(text, min_population)


def _conjunct(doc: Doc, i: int, step: int, used: set[int]) -> tuple[int, int] | None:
    """The capitalised name (up to three words) on the far side of the list word at ``i`` ("and",
    "or", a comma), going left (``step`` -1) or right (+1)."""
    if not 0 <= i < len(doc) or doc[i].lower_ not in LIST_WORDS:
        return None
    j = i + step
    if step > 0 and 0 <= j < len(doc) and doc[i].text == "," and doc[j].lower_ in ("and", "or"):
        j += 1  # "Hornsey, Stoke Newington, and Walthamstow"
    words: list[int] = []
    while 0 <= j < len(doc) and len(words) < 3 and j not in used and capitalised_name(doc[j]) \
            and doc[j].ent_type_ not in NUMERIC_LABELS - {"DATE"} and not doc[j].like_num \
            and doc[j].lower_ not in CALENDAR_WORDS:  # "Limpopo" tagged DATE
        words.append(j)
        j += step
    if not words or (0 <= j < len(doc) and capitalised_name(doc[j])):
        return None  # no name, or a longer one we only see part of
    return min(words), max(words) + 1


def list_unknown_towns(st: Stage, doc: Doc, found: list[Toponym]) -> None:
    """A toponym found on its own ("heading to Ingham") that the main index lacks, listed with a known
    place ("Ingham or Townsville"): a small town of that place's division, as in ``coordinated``."""
    if not st.on("places.resolve.listed_town"):
        return
    ordered = sorted(found, key=lambda t: t.start)
    for a, b in itertools.pairwise(ordered):
        if doc[a.end:b.start].text.strip().lower() not in ("and", "or", ",", ", and", ", or"):
            continue
        for unknown, sibling in ((a, b), (b, a)):
            if unknown.listed_with is None and not st.gaz.lookup(unknown.text) \
                    and st.listed_towns(unknown.text, sibling.text):
                unknown.listed_with = sibling.text
                unknown.fired("places.resolve.listed_town", chars(doc, sibling.start, sibling.end))


def same_name_elsewhere(st: Stage, doc: Doc, found: list[Toponym], used: set[int]) -> list[Toponym]:
    """One sense per name in an article: once "Churchill, Man." shows Churchill to be a place, "a
    Churchill doctor" (tagged ORG) and "in Churchill" (untagged) are that place too."""
    if not st.on("places.found.same_name"):
        return []
    first = _shown_places(st, doc, found)
    if not first:
        return []
    out = []
    for ent in doc.ents:
        start, end = trim(ent)
        if ent.label_ in MISLABELS and start < end and doc[start:end].text in first \
                and not any(i in used for i in range(start, end)):
            out.append(_again(doc, start, end, first))
            used.update(range(start, end))
    for tok in doc:
        if tok.text in first and tok.i not in used and not tok.ent_type_ and capitalised_name(tok):
            out.append(_again(doc, tok.i, tok.i + 1, first))
            used.add(tok.i)
    return out


def _shown_places(st: Stage, doc: Doc, found: list[Toponym]) -> dict[str, tuple[int, int]]:
    """The names the article shows to be places (written where only a place fits, or tagged a place and
    known as a big one, not a common word): name -> where first shown so."""
    text = doc_text(doc)
    first: dict[str, tuple[int, int]] = {}
    for t in found:
        if t.seat_of is None and t.facility_of is None and t.text[:1].isupper() \
                and not (t.text.isupper() and len(t.text) <= 3) \
                and (t.locative or (t.spacy_place and st.gaz.is_known_place(t.text, st.settings.min_mislabel_population)
                                    and not common_word(text, t.text))):
            first.setdefault(t.text, chars(doc, t.start, t.end))  # "EU", "UN" above: names of bodies too
    if st.on("places.not.demonym"):
        first = {name: at for name, at in first.items() if name not in st.demonyms}
    return first


def _again(doc: Doc, start: int, end: int, first: dict[str, tuple[int, int]]) -> Toponym:
    t = Toponym(start, end, doc[start:end].text, False, False, locative=True)
    t.fired("places.found.same_name", first[t.text])
    return t
