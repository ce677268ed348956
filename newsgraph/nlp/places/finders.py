"""Finders of toponyms the tagger missed or mislabelled, each one named rule (``places.found.*``): a town
and its division after a comma, a name after "south of", streets, facilities, names after a locative or
before a local institution, places inside an organization's name, datelines, country prefixes inside
one token. Each takes only tokens no toponym has yet (``used``) and marks the ones it takes."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.places.cues import (
    capitalised_name,
    division_after_comma,
    institution_at,
    locative,
    name_fragment,
    of_a_place,
    residence_span,
    street_word,
)
from newsgraph.nlp.places.stage import Stage
from newsgraph.nlp.places.toponym import Toponym, chars, token_span
from newsgraph.nlp.places.words import (
    COMPASS_WORDS,
    FACILITY_WORDS,
    GENERIC_NAME_WORDS,
    NUMERIC_LABELS,
    PLACE_OF_NOUNS,
    ROAD_KINDS,
    STREET_NAME_ENDS,
    SUFFIX_WORDS,
)


def _take(used: set[int], t: Toponym, rule: str, evidence: tuple[int, int] | None) -> Toponym:
    """The toponym, found by ``rule`` with this evidence; its tokens are taken."""
    t.fired(rule, evidence)
    used.update(range(t.start, t.end))
    return t


def town_comma_division(st: Stage, doc: Doc, used: set[int]) -> list[Toponym]:
    """"Churchill, Man.", "Hugo, Oklahoma": capitalised words, a comma, then a division or its
    abbreviation. Local news places its towns so; both are toponyms, and the division pins the town
    (see ``pins.pins``)."""
    rule = "places.found.town_comma_division"
    out: list[Toponym] = []
    if not st.on(rule):
        return out
    for comma in doc:
        if comma.text != "," or comma.i == 0 or comma.i + 1 >= len(doc):
            continue
        town_taken = comma.i - 1 in used  # "Clacton" tagged GPE: only the division is left to take
        div_end = _division_end(st, doc, comma.i, town_taken)
        if div_end is None:
            continue
        division_taken = any(j in used for j in range(comma.i + 1, div_end))  # "Ark." tagged GPE
        if town_taken and division_taken:
            continue
        if not town_taken:
            start = _town_start(st, doc, comma.i, used)
            if start is None:
                continue
            town = Toponym(start, comma.i, doc[start:comma.i].text, False, True, locative=True)
            out.append(_take(used, town, rule, chars(doc, comma.i + 1, div_end)))
        if not division_taken:
            division = Toponym(comma.i + 1, div_end, doc[comma.i + 1:div_end].text, False, True, division=True)
            out.append(_take(used, division, rule, chars(doc, comma.i - 1, comma.i)))
    return out


def _division_end(st: Stage, doc: Doc, comma: int, counties: bool) -> int | None:
    """The end of a division named in the (up to) three words after the comma."""
    div_end = comma + 2
    while div_end <= len(doc) and div_end - comma <= 3:
        if division_after_comma(st, doc, comma + 1, div_end, counties=counties):
            return div_end
        div_end += 1
    return None


def _town_start(st: Stage, doc: Doc, comma: int, used: set[int]) -> int | None:
    """The start of the town's name (up to three capitalised words) before the comma, if the gazetteer
    knows it (in the main index or among the small towns)."""
    end = start = comma
    while start > 0 and end - start < 3 and doc[start - 1].text[:1].isupper() \
            and doc[start - 1].is_alpha and (start - 1) not in used \
            and doc[start - 1].ent_type_ not in NUMERIC_LABELS:
        start -= 1
    if start == end or not (st.gaz.has(doc[start:end].text) or st.gaz.towns(doc[start:end].text)):
        return None
    return start


def relative_places(st: Stage, doc: Doc, used: set[int]) -> list[Toponym]:
    """"south of Krasnohorivka", "20 km north of Avdiivka", "the liberation of Sinjar": the name
    after "<direction> of" or "<noun that takes a place> of" is a place whenever the gazetteer knows
    it, whatever the tagger made of it; so is the name after a person's "of" ("Linda Battle of Toco")."""
    nouns = COMPASS_WORDS | PLACE_OF_NOUNS if st.on("places.found.relative") else frozenset()
    out = []
    for tok in doc:
        if not of_a_place(st, doc, tok.i, nouns):
            continue
        start = end = tok.i + 1
        while end < len(doc) and end - start < 3 and capitalised_name(doc[end]) and end not in used:
            end += 1
        if end > start and (st.knows(doc[start:end].text) or st.big_by_any_name(doc[start:end].text)):
            rule = "places.found.relative" if doc[tok.i - 1].lower_ in nouns else "places.found.residence"
            out.append(_take(used, Toponym(start, end, doc[start:end].text, False, True, locative=True), rule,
                             chars(doc, tok.i - 1, tok.i + 1) if rule == "places.found.relative"
                             else residence_span(doc, tok.i)))
    return out


def streets(st: Stage, doc: Doc, used: set[int]) -> list[Toponym]:
    """"Seaton Street", "Hertford Road", "Highway 403": streets and roads, known by their last word
    after a name, or by a number after the road's kind. Local news places its events on them; the
    gazetteer has none, so they stay without coordinates, in the country the text puts them."""
    out: list[Toponym] = []
    if not st.on("places.found.street"):
        return out
    for tok in doc:
        if tok.i in used or not tok.text[:1].isupper():
            continue
        start, end = tok.i, tok.i + 1
        if tok.lower_ in ROAD_KINDS and end < len(doc) and doc[end].like_num and end not in used:
            end += 1  # "Highway 403", "Interstate 94"
        elif tok.lower_ in STREET_NAME_ENDS and not (end < len(doc) and street_word(doc[end])):
            # the street word ends the name ("Hertford Road"; not "the Liberal Road Map")
            while start > 0 and tok.i - start < 3 and street_word(doc[start - 1]) \
                    and (start - 1) not in used and doc[start - 1].lower_ not in STREET_NAME_ENDS:
                start -= 1
        if end - start < 2:
            continue
        street = Toponym(start, end, doc[start:end].text, False, False, street=True)
        out.append(_take(used, street, "places.found.street", token_span(doc, tok.i)))
    return out


def facilities(st: Stage, doc: Doc, used: set[int]) -> list[Toponym]:
    """"Incirlik Air Base", "Tabqa Dam", "Mosul Dam": an airport the gazetteer knows, or a facility named
    after the town it stands by. The gazetteer has no other facilities, so the facility is placed at that
    town, with the town's precision (level "city"), and only when the town is a big one or in a country
    the article is about (checked at resolution)."""
    out = []
    for tok in doc:
        if tok.lower_ not in FACILITY_WORDS or tok.i == 0 or tok.i in used or not tok.text[:1].isupper():
            continue
        end = tok.i
        head_end = tok.i + 1
        if tok.lower_ == "air" and head_end < len(doc) and doc[head_end].lower_ in ("base", "field"):
            head_end += 1
        elif tok.lower_ == "air":
            continue
        start = end
        while start > 0 and end - start < 2 and capitalised_name(doc[start - 1]) and (start - 1) not in used:
            start -= 1
        if start == end:
            continue
        head = chars(doc, end, head_end)
        if st.on("places.found.airport") and any(e.level == "site" for e in st.gaz.lookup(doc[start:head_end].text)):
            airport = Toponym(start, head_end, doc[start:head_end].text, False, False)  # an airport we know
            out.append(_take(used, airport, "places.found.airport", head))
        elif st.on("places.found.facility") and st.gaz.has(doc[start:end].text):
            facility = Toponym(start, head_end, doc[start:head_end].text, False, False, facility_of=doc[start:end].text)
            out.append(_take(used, facility, "places.found.facility", head))
    return out


def untagged_after_locative(st: Stage, doc: Doc, used: set[int]) -> list[Toponym]:
    """"Near Raqqah, two strikes ...": proper nouns the tagger left out, after a locative preposition,
    that the gazetteer knows by their own name."""
    out = []
    for tok in doc:
        rule = locative(st, doc, tok.i) if tok.i + 1 < len(doc) else None
        if rule is None:
            continue
        start = end = tok.i + 1
        while end < len(doc) and end - start < 3 and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ \
                and end not in used:
            end += 1
        text = doc[start:end].text
        if end > start and (st.gaz.is_known_place(text, min_population=st.settings.untagged_population)
                            or st.big_by_any_name(text)):
            out.append(_take(used, Toponym(start, end, text, False, True, locative=True), rule, token_span(doc, tok.i)))
    return out


def before_institution(st: Stage, doc: Doc, end: int, text: str) -> bool:
    """"Winnipeg police", "Enfield Council": a name the gazetteer knows, right before the noun of a
    local institution."""
    return institution_at(doc, end) and st.local_place(text)


def untagged_before_institution(st: Stage, doc: Doc, used: set[int]) -> list[Toponym]:
    """Capitalised names the tagger left out, before an institution noun ("Brant OPP", "Winnipeg
    police Const. ...")."""
    out: list[Toponym] = []
    if not st.on("places.found.before_institution"):
        return out
    for tok in doc:
        if not institution_at(doc, tok.i) or tok.i == 0 or tok.i in used:
            continue
        end = start = tok.i
        while start > 0 and end - start < 3 and capitalised_name(doc[start - 1]) \
                and (start - 1) not in used and doc[start - 1].ent_type_ in ("", "GPE", "LOC", "ORG", "FAC"):
            start -= 1
        if start < end and before_institution(st, doc, end, doc[start:end].text):
            named = Toponym(start, end, doc[start:end].text, False, False)
            out.append(_take(used, named, "places.found.before_institution", token_span(doc, tok.i)))
    return out


def inside_names(st: Stage, doc: Doc, used: set[int]) -> list[Toponym]:
    """Toponyms inside an organization's or a building's name ("Environment Canada", "Texas A&M
    University", "Toronto General Hospital"): well-known places only, longest first."""
    out: list[Toponym] = []
    if not st.on("places.found.inside_name"):
        return out
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "FAC") or any(t.i in used for t in ent):
            continue
        i = ent.start
        while i < ent.end:
            found = next((n for n in (3, 2, 1) if _inside_name(st, doc, ent.start, ent.end, i, i + n)), 0)
            if found:
                inside = Toponym(i, i + found, doc[i:i + found].text, False, True)
                out.append(_take(used, inside, "places.found.inside_name", chars(doc, ent.start, ent.end)))
                i += found
            else:
                i += 1
    return out


def _inside_name(st: Stage, doc: Doc, ent_start: int, ent_end: int, i: int, j: int) -> bool:
    """Whether words ``i:j`` of the organization's name ``ent_start:ent_end`` are a well-known place."""
    if j > ent_end or (i, j) == (ent_start, ent_end):
        return False
    words = doc[i:j]
    # "Metcalfe County" keeps its division word; "Central Bank" has no place in it
    generic = [w for w in words if w.lower_ in GENERIC_NAME_WORDS]
    named_division = len(words) > 1 and words[-1].lower_ in SUFFIX_WORDS | {"county"} \
        and generic in ([], [words[-1]])
    # "Winnipeg Police": any town; but not "Valley" of "Thames Valley Police", a part of a name
    min_pop = 0 if institution_at(doc, j) and i == ent_start else st.settings.inside_name_population
    return words[0].text[:1].isupper() and words[-1].text[:1].isupper() \
        and (not generic or named_division or st.multiword_region(words.text)) \
        and st.gaz.is_known_place(words.text, min_population=min_pop) \
        and not (name_fragment(doc, i) and not st.country_or_city(words.text))


def datelines(st: Stage, doc: Doc, used: set[int]) -> list[Toponym]:
    """"DETROIT (AP) —": capitalised words opening the text or a line, before a dash or "("."""
    out: list[Toponym] = []
    if not st.on("places.found.dateline"):
        return out
    for i in range(len(doc)):
        if i and "\n" not in doc[i - 1].text_with_ws and not doc[i - 1].is_space:
            continue
        end = i
        while end < len(doc) and end - i < 4 and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if end == i or end >= len(doc) or any(j in used for j in range(i, end)):
            continue
        if doc[end].text not in ("(", "—", "–", "-", ",", "_"):
            continue
        if st.gaz.has(doc[i:end].text):
            out.append(_take(used, Toponym(i, end, doc[i:end].text, False, True), "places.found.dateline",
                             token_span(doc, end)))
    return out


def hyphen_prefixes(st: Stage, doc: Doc, used: set[int]) -> list[Toponym]:
    """"U.S.-led", "Syria-based": a country name kept inside one token by the tokenizer."""
    out: list[Toponym] = []
    if not st.on("places.found.hyphen_prefix"):
        return out
    for tok in doc:
        if tok.i in used or "-" not in tok.text[1:]:
            continue
        prefix = tok.text.split("-", 1)[0]
        if prefix[:1].isupper() and any(e.level == "country" for e in st.gaz.lookup(prefix)):
            t = Toponym(tok.i, tok.i + 1, prefix, False, True)
            t.fired("places.found.hyphen_prefix", token_span(doc, tok.i))
            out.append(t)
    return out
