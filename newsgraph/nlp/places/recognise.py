"""Recognition: the toponyms of a Doc, each with the rule that found it (``places.found.*``).

First spaCy's entities: GPE/LOC, and names it gave another label that the text or the gazetteer shows to
be places (``_from_entity``); then, in order, the finders of names the tagger missed (``finders.py``,
``lists.py``); last the marks every toponym carries into resolution ("the city of Omsk", "La.").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from newsgraph.nlp.extensions import doc_text
from newsgraph.nlp.places import finders, lists
from newsgraph.nlp.places.cues import capitalised_name, division_after_comma, locative, suffix_end, trim
from newsgraph.nlp.places.gazetteer import normalize
from newsgraph.nlp.places.stage import Stage
from newsgraph.nlp.places.toponym import Span as Chars
from newsgraph.nlp.places.toponym import Toponym, chars, token_span
from newsgraph.nlp.places.toponyms import toponym_texts
from newsgraph.nlp.places.words import (
    CALENDAR_WORDS,
    DIRECTION_WORDS,
    HONORIFICS,
    MISLABELS,
    PLACE_LABELS,
    TOWN_NOUNS,
)
from newsgraph.nlp.words import POSSESSIVE

Finder = Callable[[Stage, Doc, list[Toponym], set[int]], list[Toponym]]

# The finders of names the tagger missed, in the order they run (each takes only tokens no toponym has).
FINDERS: tuple[Finder, ...] = (
    lambda st, doc, found, used: _untagged_before_division_word(st, doc, used),
    lambda st, doc, found, used: finders.town_comma_division(st, doc, used),
    lambda st, doc, found, used: finders.relative_places(st, doc, used),
    lambda st, doc, found, used: finders.streets(st, doc, used),
    lambda st, doc, found, used: finders.facilities(st, doc, used),
    lambda st, doc, found, used: finders.untagged_after_locative(st, doc, used),
    lambda st, doc, found, used: finders.untagged_before_institution(st, doc, used),
    lambda st, doc, found, used: finders.inside_names(st, doc, used),
    lambda st, doc, found, used: finders.datelines(st, doc, used),
    lambda st, doc, found, used: finders.hyphen_prefixes(st, doc, used),
    lambda st, doc, found, used: lists.coordinated(st, doc, found, used),
)


def find_toponyms(st: Stage, doc: Doc) -> list[Toponym]:
    """Every toponym of the Doc, in text order."""
    out: list[Toponym] = []
    used: set[int] = set()
    for ent in doc.ents:
        out += _from_entity(st, doc, ent, used)
    for finder in FINDERS:
        out += finder(st, doc, out, used)
    lists.list_unknown_towns(st, doc, out)
    out += lists.same_name_elsewhere(st, doc, out, used)
    _mark_towns(st, doc, out)
    _mark_dotted(doc, out)
    return sorted(out, key=lambda t: t.start)


# ------------------------------------------------------------------------------------------------
# spaCy's entities
# ------------------------------------------------------------------------------------------------


def _from_entity(st: Stage, doc: Doc, ent: Span, used: set[int]) -> list[Toponym]:
    """The toponyms of one entity (none, one, or a town and its division), taking their tokens."""
    label = ent.label_
    if label not in PLACE_LABELS and label not in MISLABELS:
        return []
    start, end = trim(ent)
    if start >= end or any(i in used for i in range(start, end)):
        return []  # "John" of "Fort St. John", taken with the name before it
    steps: list[tuple[str, Chars | None]] = []
    if label == "DATE":  # "in Winnipeg" tagged DATE is a slip; "May 5", "in March", "summer" are dates
        slip = _place_tagged_as_date(st, doc, start, end)
        if slip is None:
            return []
        steps.append(("places.found.date_slip", slip))
    if label in PLACE_LABELS:
        start, end = _whole_name(st, doc, start, end, steps)
    found = _town_and_division(st, doc, label, start, end)
    if found is not None:
        used.update(range(start, end))
        return found
    found = _special_entity(st, doc, label, start, end)
    if found is None:
        found = _entity_toponym(st, doc, label, start, end, steps)
    for t in found:
        used.update(range(t.start, t.end))
    return found


def _town_and_division(st: Stage, doc: Doc, label: str, start: int, end: int) -> list[Toponym] | None:
    """"Shelby, North Carolina" in one entity: the town and its division."""
    comma = next((i for i in range(start + 1, end - 1) if doc[i].text == ","), None)
    if comma is None or label not in PLACE_LABELS or not st.on("places.found.town_and_division") \
            or not division_after_comma(st, doc, comma + 1, end):
        return None
    town = Toponym(start, comma, doc[start:comma].text, False, True, locative=True)
    town.fired("places.found.town_and_division", chars(doc, comma + 1, end))
    division = Toponym(comma + 1, end, doc[comma + 1:end].text, False, True, division=True)
    division.fired("places.found.town_and_division", chars(doc, start, comma))
    return [town, division]


def _special_entity(st: Stage, doc: Doc, label: str, start: int, end: int) -> list[Toponym] | None:
    """A building of government, direction words alone, a demonym before a division word, a person's
    name after an honorific: an entity these rules decide ([] for no toponym), or None."""
    text = doc[start:end].text
    to = suffix_end(st, doc, end)
    if text in st.buildings and st.on("places.found.seat_building"):
        t = Toponym(start, end, text, False, False, seat_of=st.buildings[text])
        t.fired("places.found.seat_building", chars(doc, start, end))
        return [t]
    if to == end and all(t.lower_ in DIRECTION_WORDS for t in doc[start:end]) \
            and not (end - start > 1 and st.knows(text)) and st.on("places.not.direction_word"):
        return []  # "South", "the Western press" alone (but "Far East" is a region)
    if text in st.demonyms and to > end and doc[end].is_lower and st.on("places.found.demonym_division"):
        # "Russian territory", "a Syrian region": somewhere in that country, never a town whose
        # name merely looks like the adjective (Rason for "Russian"); "Indian Territory" is a name
        t = Toponym(start, to, doc[start:to].text, True, False, country_of=st.demonyms[text])
        t.fired("places.found.demonym_division", token_span(doc, end))
        return [t]
    if label in PLACE_LABELS and doc[start].lower_ in HONORIFICS and not st.country_name(text) \
            and st.on("places.not.honorific"):
        return []  # "Ms Raggi" tagged GPE (not "DR Congo")
    return None


def _entity_toponym(st: Stage, doc: Doc, label: str, start: int, end: int,
                    steps: list[tuple[str, Chars | None]]) -> list[Toponym]:
    """A GPE/LOC entity, or a name tagged otherwise that a rule shows to be a place."""
    to = suffix_end(st, doc, end)
    text = doc[start:end].text
    if label in PLACE_LABELS:
        if not st.on("places.found.entity"):
            return []
        found: tuple[str, Chars | None] = ("places.found.entity", chars(doc, start, end))
    else:
        why = _mislabelled_place(st, doc, label, start, end, to)
        if why is None:
            return []
        found = why
    loc = _after_locative(st, doc, start, text, label) if label not in PLACE_LABELS else None
    t = Toponym(start, to, doc[start:to].text, to > end, label in PLACE_LABELS, locative=loc is not None)
    t.fired(*found)
    for step in steps:
        t.fired(*step)
    if to > end:
        t.fired("places.found.suffix", token_span(doc, end))
    return [t]


def _mislabelled_place(st: Stage, doc: Doc, label: str, start: int, end: int,
                       to: int) -> tuple[str, Chars | None] | None:
    """The rule (and its evidence) by which a name spaCy tagged as something else is a place, if any."""
    text = doc[start:end].text
    if to > end and label != "PERSON" and st.on("places.found.division_word"):
        return "places.found.division_word", token_span(doc, end)  # "Kursk" (PRODUCT) "region"
    if text in st.demonyms and st.on("places.not.demonym"):
        return None
    here = chars(doc, start, end)
    attempts: list[tuple[str, Callable[[], Chars | None]]] = [
        ("places.found.well_known", lambda: here if st.well_known(text, label) else None),
        (_after_locative(st, doc, start, text, label) or "places.found.after_locative",
         lambda: token_span(doc, start - 1) if _after_locative(st, doc, start, text, label) else None),
        ("places.found.shown_elsewhere",
         lambda: _elsewhere(doc, text, here) if text in toponym_texts(doc) else None),  # "Raqqah" tagged GPE there
        ("places.found.before_institution",
         lambda: token_span(doc, end) if finders.before_institution(st, doc, end, text) else None),  # "Enfield Council"
    ]
    return st.rules.first(attempts)


def _after_locative(st: Stage, doc: Doc, start: int, text: str, label: str) -> str | None:
    """"in Bantam": the rule by which a name after a locative preposition that the gazetteer knows is a
    place (``cues.locative``)."""
    if label == "NORP" or start == 0:
        return None
    rule = locative(st, doc, start - 1)
    return rule if rule and (st.knows(text) or st.big_by_any_name(text)) else None


def _elsewhere(doc: Doc, text: str, here: Chars) -> Chars:
    """Another place in the article where the same name stands (the evidence that it is a place)."""
    article = doc_text(doc)
    at = article.find(text)
    if at == here[0]:
        at = article.find(text, here[1])
    return (at, at + len(text)) if at >= 0 else here


def _place_tagged_as_date(st: Stage, doc: Doc, start: int, end: int) -> Chars | None:
    """"in Winnipeg" tagged DATE: one capitalised name, no figures, no calendar word, after a locative
    preposition, and a town of some size by its own name; the preposition's span."""
    if not st.on("places.found.date_slip"):
        return None
    span = doc[start:end]
    if any(t.like_num or t.lower_ in CALENDAR_WORDS or not t.text[:1].isupper() for t in span):
        return None
    if start > 0 and locative(st, doc, start - 1) \
            and st.gaz.is_known_place(span.text, min_population=st.settings.min_mislabel_population):
        return token_span(doc, start - 1)
    return None


def _whole_name(st: Stage, doc: Doc, start: int, end: int, steps: list[tuple[str, Chars | None]]) -> tuple[int, int]:
    """A place name the tagger cut short: "Fort St." of "Fort St. John", "Portugal" of "the Little
    Portugal home". Extended over a capitalised word next to it while the gazetteer knows the longer
    name as a town or a division by its own name."""
    if not st.on("places.found.whole_name"):
        return start, end
    first, last = start, end

    def known(text: str) -> bool:  # ("DR" + "Congo": a country's name the tagger cut, kept whole)
        return st.own_name(text) or st.country_name(text)

    while end < len(doc) and end - start < 5 and capitalised_name(doc[end]) and known(doc[start:end + 1].text):
        end += 1
    while start > 0 and end - start < 5 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha \
            and not doc[start - 1].is_sent_start and doc[start - 1].lower_ not in DIRECTION_WORDS \
            and known(doc[start - 1:end].text):
        start -= 1
    if start < first:
        steps.append(("places.found.whole_name", chars(doc, start, first)))
    if end > last:
        steps.append(("places.found.whole_name", chars(doc, last, end)))
    return start, end


def _untagged_before_division_word(st: Stage, doc: Doc, used: set[int]) -> list[Toponym]:
    """Proper nouns spaCy missed, when a division word follows them: "Zaporizhzhia Oblast"."""
    out: list[Toponym] = []
    if not st.on("places.found.division_word"):
        return out
    for tok in doc:
        if tok.i in used or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ == "ORG":
            continue
        end = suffix_end(st, doc, tok.i + 1)
        if end > tok.i + 1 and st.gaz.has(tok.text) and (tok.i + 1) not in used:
            t = Toponym(tok.i, end, doc[tok.i:end].text, True, False)
            t.fired("places.found.division_word", token_span(doc, tok.i + 1))
            t.fired("places.found.suffix", token_span(doc, tok.i + 1))
            out.append(t)
            used.update(range(tok.i, end))
    return out


# ------------------------------------------------------------------------------------------------
# marks every toponym carries into resolution
# ------------------------------------------------------------------------------------------------


def _mark_towns(st: Stage, doc: Doc, found: list[Toponym]) -> None:
    """Once "the city of Omsk", every "Omsk" of the article is the town (not "a town of Jordan's Karak")."""
    if not st.on("places.resolve.town_noun"):
        return
    towns: dict[str, Chars] = {}
    for t in found:
        if t.start >= 2 and doc[t.start - 1].lower_ == "of" and doc[t.start - 2].lower_ in TOWN_NOUNS \
                and not (t.end < len(doc) and doc[t.end].text in POSSESSIVE):
            towns.setdefault(normalize(t.text), chars(doc, t.start - 2, t.start))
    for t in found:
        t.town = not t.suffix and normalize(t.text) in towns
        if t.town:
            t.fired("places.resolve.town_noun", towns[normalize(t.text)])


def _mark_dotted(doc: Doc, found: list[Toponym]) -> None:
    """"La." and "Smithtown, Ky" are divisions; "La" in "La Silla" is not (``readings`` obeys it)."""
    for t in found:
        t.dotted = t.text.endswith(".") or (t.end < len(doc) and doc[t.end].text == "."
                                             and doc[t.end - 1].whitespace_ == "") \
            or (t.start > 0 and doc[t.start - 1].text == ",")
