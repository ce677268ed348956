"""Step 1 of the actors stage: names the lexicons know (the actors.lexicon.* rules).

A PhraseMatcher over resources/lexicons/actors finds states and their short forms ("U.S."), demonyms
("North Korean" -> PRK), capitals and seats ("Moscow", "the Kremlin"), IGOs ("NATO"), national bodies
("the Pentagon" -> USA), armed groups ("Hamas"), bare services ("the Iraqi Army", "Coalition forces"),
and ethnic, religious and linguistic groups by noun or adjective ("the Kurds", "Yazidi women",
"Arabic-speaking"; coded GRP:<PEOPLE> and never a state, or the people of one state where a demonym
qualifies them: "Iraqi Kurds" act for Iraq). Each match is then tested: a country's name that is a
person's first name or a division of another country, a capital that is only where something happens,
a people's word inside another name, all leave the match to others. Hyphenated prefixes spaCy keeps
inside one token ("U.S.-provided") are mentions too.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.util import filter_spans

from newsgraph.nlp.actors.candidates import Cand, Context, chars, strip_possessive, strip_the, tokens_of
from newsgraph.nlp.actors.lexicon import ActorLexicon, ActorWords, Body
from newsgraph.nlp.actors.senses import division_elsewhere, locative_prep, used_as_government
from newsgraph.nlp.words import POSSESSIVE

# Entity labels of names a people's word can be part of without naming the people ("the Arab Spring").
PEOPLE_INSIDE_LABELS = frozenset({"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "GPE", "LOC", "PERSON"})


def lexicon_matcher(nlp: Language, lex: ActorLexicon, words: ActorWords) -> PhraseMatcher:
    """The PhraseMatcher of every lexicon form, labelled by what it names."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    groups: dict[str, list[str]] = {
        "STATE": list(lex.states),
        "DEMONYM": list(lex.demonyms),
        "SEAT": list(lex.seats),
        "BODY": list(lex.bodies),
        "SERVICE": list(words.service),
        "PEOPLE": list(lex.peoples),
        # "Arabic-speaking", "Kurdish speaking": the speakers of a language are its people
        "SPEAKERS": [f"{lang}{sep}speaking" for lang in lex.languages for sep in ("-", " ")],
    }
    for label, forms in groups.items():
        matcher.add(label, [nlp.make_doc(f) for f in forms])
    return matcher


class _Matches:
    """The lexicon matches of one document and what the tests of each match look at."""

    def __init__(self, ctx: Context, matcher: PhraseMatcher) -> None:
        doc = ctx.doc
        self.spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in matcher(doc)])
        self.person_toks = {i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
        self.surnames = frozenset(ent[-1].text for ent in ctx.full_person_ents)
        self.name_parts = frozenset(t.text for ent in ctx.full_person_ents if ent.text not in ctx.lex.states
                                    for t in ent)
        self.state_spans = {(s.start, s.end): _lexicon_code(ctx.lex, s) for s in self.spans
                            if s.label_ in ("STATE", "DEMONYM")}
        self.state_toks = {i: code for (a, b), code in self.state_spans.items() for i in range(a, b)}
        # "the Coalition" after "the Global Coalition to Counter ISIL" is that coalition
        self.coalition = next((ctx.lex.bodies[s.text] for s in self.spans if s.label_ == "BODY"
                               and "Coalition" in ctx.lex.bodies[s.text].name), None)
        self.people_surnames = self.surnames | _peoples_as_surnames(ctx, self.spans)
        self.lexicon_toks = {i for s in self.spans if s.label_ in ("DEMONYM", "PEOPLE") for i in range(s.start, s.end)}


def lexicon_mentions(ctx: Context, matcher: PhraseMatcher) -> list[Cand]:
    m = _Matches(ctx, matcher)
    out = []
    for span in m.spans:
        label = span.label_
        if label in ("PEOPLE", "SPEAKERS"):
            cand = _people_cand(ctx, span, m)
        elif label == "SERVICE":
            cand = _service_cand(ctx, span, m)
        else:
            kept = _kept_in_person(ctx, span, m)
            if kept == "" or _left_to_others(ctx, span, m):
                continue
            cand = _lexicon_cand(ctx, span, m)
            if cand is not None and kept:
                cand.fired(kept, chars(span))
        if cand is not None:
            out.append(cand)
    if ctx.on("actors.lexicon.hyphen_prefix"):
        out += _hyphen_prefix_mentions(ctx, tokens_of(out))
    return out


def _left_to_others(ctx: Context, span: Span, m: _Matches) -> bool:
    """A state or seat match that names something else here: a division, a first name, part of a longer
    name."""
    label, text, doc = span.label_, span.text, ctx.doc
    ent = ctx.named_ent.get(span.start)
    if label == "STATE" and ctx.on("actors.lexicon.division") and division_elsewhere(ctx, span, m.state_spans):
        return True  # "Georgia" in a story about the United States: the US state, a place
    if label == "STATE" and len(span) == 1 and ctx.on("actors.lexicon.first_name") \
            and ctx.first_named.get(text, len(doc)) <= span.start and not ctx.place_cue_before(span.start):
        return True  # the person's first name, not the country
    return label == "SEAT" and text not in ctx.lex.metonyms and ent is not None \
        and ctx.on("actors.lexicon.inside_name") and len(ent) - (ent[0].lower_ == "the") > len(span)
    # ("Real Madrid", "Air Berlin": part of another name)


def _kept_in_person(ctx: Context, span: Span, m: _Matches) -> str | None:
    """For a state, demonym or seat inside a PERSON entity ("Jordan said", "Chad ..."): the rule that keeps
    it as the state ("" when none does, and the person has it); None when no person entity is around it.
    It is the state when the whole entity is the state's name ("Sri Lanka said" tagged PERSON), a demonym
    opens it ("Syrian Ahmad Hassan"), or every word is a demonym or people's word ("Bosnian Serbs")."""
    if span.label_ not in ("STATE", "SEAT", "DEMONYM") or not any(t.i in m.person_toks for t in span) \
            or not ctx.on("actors.lexicon.person_name"):
        return None
    ent = ctx.named_ent.get(span.start)
    found = ctx.rules.first([
        ("actors.lexicon.state_tagged_person", lambda: _state_mistaken_for_person(span, ent, m.name_parts)),
        ("actors.lexicon.demonym_before_name", lambda: _demonym_before_name(span, ent)),
        ("actors.lexicon.demonyms_only", lambda: _only_lexicon_words(ent, m.lexicon_toks)),
    ])
    return found[0] if found else ""


def _lexicon_code(lex: ActorLexicon, span: Span) -> str:
    return lex.states.get(span.text) or lex.demonyms.get(span.text) or ""


def _peoples_as_surnames(ctx: Context, spans: list[Span]) -> frozenset[str]:
    """People's words the article uses as a surname: right after a capitalised given name that is no
    lexicon word ("Qandeel Baloch", untagged), so the bare "Baloch" later is her too."""
    if not ctx.on("actors.lexicon.people_as_surname"):
        return frozenset()
    doc, lex = ctx.doc, ctx.lex
    out = set()
    for span in spans:
        if span.label_ != "PEOPLE" or span.start == 0:
            continue
        prev = doc[span.start - 1]
        if prev.pos_ == "PROPN" and prev.is_alpha and prev.text[:1].isupper() and not prev.is_upper \
                and prev.lower_ not in lex.title_words and prev.lower_ not in ctx.words.honorific \
                and prev.text not in lex.peoples and prev.text not in lex.demonyms \
                and prev.text not in lex.states and prev.ent_type_ not in ("GPE", "LOC", "NORP"):
            out.add(span.text)
    return frozenset(out)


# ------------------------------------------------------------------------------------------------
# peoples and services
# ------------------------------------------------------------------------------------------------


def _people_cand(ctx: Context, span: Span, m: _Matches) -> Cand | None:
    """"the Kurds", "Yazidi women", "Arabic-speaking": an ethnic or religious group, unless the word is part
    of a person's name ("Christian Lindner", "Baloch" after "Qandeel Baloch"), of another name ("the Syrian
    Arab Army"), names a language ("in Kurdish", "the Kurdish language") or those outside it ("ex-Muslims",
    "non-Muslims")."""
    doc, lex = ctx.doc, ctx.lex
    if span.label_ == "SPEAKERS":
        if not ctx.on("actors.lexicon.speakers"):
            return None
        body, rule = lex.languages[span[0].text], "actors.lexicon.speakers"
    else:
        if not ctx.on("actors.lexicon.people") or _not_the_people(ctx, span, m):
            return None
        body, rule = lex.peoples[span.text], "actors.lexicon.people"
    iso3 = m.state_toks.get(span.start - 1)
    if iso3 and ctx.on("actors.lexicon.people_of_state"):
        # "Iraqi Kurds", "Turkish Kurd refugees": the people of one state, which acts for it in events
        # (PLOVER codes them by the state), apart from the people as a whole
        first = span.start - 1
        while first - 1 >= 0 and m.state_toks.get(first - 1) == iso3:
            first -= 1
        name = f"{doc[first:span.start].text} {body.name}"
        cand = Cand(span.start_char, span.end_char, f"people:{body.code}:{iso3}", "group", name, "demonym",
                    country=iso3, tokens=(span.start, span.end))
        cand.fired(rule, chars(span))
        return cand.fired("actors.lexicon.people_of_state", chars(doc[first:span.start]), "country")
    cand = Cand(span.start_char, span.end_char, f"people:{body.code}", "group", body.name, "demonym",
                code=body.code, country=body.country, tokens=(span.start, span.end))
    return cand.fired(rule, chars(span))


def _not_the_people(ctx: Context, span: Span, m: _Matches) -> bool:
    doc = ctx.doc
    if span.text in m.people_surnames and ctx.on("actors.lexicon.people_surname"):
        return True
    if ctx.on("actors.lexicon.people_inside_name") and _inside_other_name(ctx, span, ctx.ent_at.get(span.start)):
        return True
    if ctx.on("actors.lexicon.language") and _names_a_language(ctx, span):
        return True
    return ctx.on("actors.lexicon.people_outside") and span.start >= 2 and doc[span.start - 1].text == "-" \
        and doc[span.start - 2].lower_ in ("ex", "non")  # "ex-Muslims", "non-Muslims": people outside the group


def _service_cand(ctx: Context, span: Span, m: _Matches) -> Cand | None:
    """"the Army", "Coalition forces", "the Iraqi Army": a bare service or alliance name. Inside a
    longer name ("Royal Air Force", "Army of the Victorious Sect") the organizations pass has it."""
    doc = ctx.doc
    ent = ctx.named_ent.get(span.start)
    if ent is not None and ctx.on("actors.lexicon.service_inside_name") \
            and any(t.text[:1].isupper() and t.i not in m.state_toks and not span.start <= t.i < span.end
                    and t.lower_ != "the" for t in ent):
        return None
    if ctx.on("actors.lexicon.service_headline") and span.text == span.sent.text.split(" ", 1)[0] \
            and span.end < len(doc) and doc[span.end].text[:1].isupper():
        return None  # a headline word in capitals ("Army Chief Speaks")
    i = span.start - 1
    if i >= 1 and doc[i].text in POSSESSIVE:
        i -= 1
    coalition = m.coalition
    if span.text == "Coalition" and coalition is not None and ctx.on("actors.lexicon.coalition"):
        cand = Cand(span.start_char, span.end_char, f"body:{coalition.name}", "organization", coalition.name,
                    "name", code=coalition.code, tokens=(span.start, span.end))
        return cand.fired("actors.lexicon.coalition", chars(span))
    if not ctx.on("actors.lexicon.service"):
        return None
    country = (m.state_toks.get(i) or None) if ctx.on("actors.affiliation.service_state") else None
    first = i
    while first - 1 >= 0 and country and m.state_toks.get(first - 1) == country:
        first -= 1
    name = f"{doc[first:i + 1].text} {span.text}" if country else span.text
    cand = Cand(span.start_char, span.end_char, f"org:{name.lower()}", "organization", name, "name",
                country=country, affiliation=country, tokens=(span.start, span.end))
    cand.fired("actors.lexicon.service", chars(span))
    if country:
        cand.fired("actors.affiliation.service_state", chars(doc[first:i + 1]), "affiliation")
    return cand


# ------------------------------------------------------------------------------------------------
# states, seats, bodies
# ------------------------------------------------------------------------------------------------


def _lexicon_cand(ctx: Context, span: Span, m: _Matches) -> Cand | None:
    lex, text, label = ctx.lex, span.text, span.label_
    cand = None
    if label == "STATE" and ctx.on("actors.lexicon.state"):
        cand = state_cand(ctx, span, lex.states[text], "name").fired("actors.lexicon.state", chars(span))
    elif label == "DEMONYM" and ctx.on("actors.lexicon.demonym"):
        cand = state_cand(ctx, span, lex.demonyms[text], "demonym").fired("actors.lexicon.demonym", chars(span))
    elif label == "SEAT":
        cand = _seat_cand(ctx, span, m)
    elif label == "BODY":
        cand = _body_cand(ctx, span, lex.bodies[text])
    return cand


def _seat_cand(ctx: Context, span: Span, m: _Matches) -> Cand | None:
    text, lex = span.text, ctx.lex
    if text in m.surnames and ctx.on("actors.lexicon.seat_surname"):
        return None  # "Sudesh Amman ... Amman, who was described": a person
    if text in lex.metonyms:
        if not ctx.on("actors.lexicon.seat_building"):
            return None
        if ctx.on("actors.lexicon.building_located") and locative_prep(ctx, span.root) is not None:
            return None  # "outside the White House": the building, a place
        return state_cand(ctx, span, lex.seats[text], "seat").fired("actors.lexicon.seat_building", chars(span))
    if not ctx.on("actors.lexicon.capital"):
        return None
    acting = used_as_government(ctx, span)
    if acting is None:
        return None
    cand = state_cand(ctx, span, lex.seats[text], "seat").fired("actors.lexicon.capital", chars(span))
    rule, evidence = acting
    return cand.fired(rule, chars(evidence) if evidence is not None else None)


def _body_cand(ctx: Context, span: Span, body: Body) -> Cand | None:
    toks = (span.start, span.end)
    if body.kind == "group":
        if not ctx.on("actors.lexicon.group"):
            return None
        cand = Cand(span.start_char, span.end_char, f"body:{body.name}", "group", body.name, "name",
                    code=body.code, country=body.country, tokens=toks)
        return cand.fired("actors.lexicon.group", chars(span))
    national = _national_society(ctx, span, body) or _another_states_body(ctx, span, body)
    if national is not None:
        return national
    rule = "actors.lexicon.igo" if body.code else "actors.lexicon.national_body"
    if not ctx.on(rule):
        return None
    cand = Cand(span.start_char, span.end_char, f"body:{body.name}", "organization", body.name, "name",
                code=body.code, country=body.country, affiliation=body.country, tokens=toks)
    return cand.fired(rule, chars(span))


def _national_society(ctx: Context, span: Span, body: Body) -> Cand | None:
    """"The Turkish Red Crescent", "the Syrian Arab Red Crescent", "the American Red Cross": a movement's short
    name after a country's name or demonym is that country's own society, not the international body."""
    if not body.code or len(span) < 2 or span.text in (body.name, body.code) \
            or not ctx.on("actors.lexicon.national_society"):
        return None
    doc, lex = ctx.doc, ctx.lex

    def national(i: int) -> bool:
        return doc[i].text in lex.demonyms or doc[i].text in lex.states

    # (the country's word may be one name-word away: "the Syrian Arab Red Crescent")
    start = next((i for i in (span.start - 1, span.start - 2) if i >= 0 and national(i)
                  and all(t.is_alpha and t.text[:1].isupper() for t in doc[i:span.start])), span.start)
    if start == span.start:
        return None
    first = doc[start].text
    country = lex.demonyms.get(first) or lex.states.get(first)
    name = doc[start:span.end].text
    cand = Cand(doc[start].idx, span.end_char, f"org:{name.lower()}", "organization", name, "name",
                country=country, affiliation=country, tokens=(start, span.end))
    return cand.fired("actors.lexicon.national_society", chars(doc[start:span.end]))


def _another_states_body(ctx: Context, span: Span, body: Body) -> Cand | None:
    """"Russia's Ministry of Defence", "the Russian Ministry of Defence": a national body's name (listed as the
    United Kingdom's) after another state's name or demonym is that state's body of the same name."""
    if body.code or not body.country or span.start == 0 or not ctx.on("actors.lexicon.another_states_body"):
        return None
    doc, lex = ctx.doc, ctx.lex
    before = doc[span.start - 1]
    word = doc[span.start - 2].text if before.text in POSSESSIVE and span.start >= 2 else before.text
    country = lex.demonyms.get(word) or lex.states.get(word)
    if country is None or country == body.country:
        return None
    cand = Cand(span.start_char, span.end_char, f"body:{country}:{body.name}", "organization", body.name, "name",
                country=country, affiliation=country, tokens=(span.start, span.end))
    return cand.fired("actors.lexicon.another_states_body", chars(doc[span.start - 1: span.end]))


def state_cand(ctx: Context, span: Span, iso3: str, form: str, end_char: int | None = None) -> Cand:
    name = ctx.lex.state_names.get(iso3, iso3)
    return Cand(span.start_char, span.end_char if end_char is None else end_char, f"state:{iso3}", "state", name,
                form, code=iso3, country=iso3, tokens=(span.start, span.end))


def _hyphen_prefix_mentions(ctx: Context, taken: set[int]) -> list[Cand]:
    """"U.S.-provided", "Russian-held" kept as one token: the prefix is a mention of the state."""
    doc, lex = ctx.doc, ctx.lex
    out = []
    for tok in doc:
        if tok.i in taken or "-" not in tok.text[1:]:
            continue
        prefix = tok.text.split("-", 1)[0]
        iso3 = lex.states.get(prefix) or lex.demonyms.get(prefix)
        people = lex.peoples.get(prefix)
        evidence = (tok.idx, tok.idx + len(prefix))
        if people is not None and not iso3:
            cand = Cand(tok.idx, tok.idx + len(prefix), f"people:{people.code}", "group", people.name, "demonym",
                        code=people.code, country=people.country, tokens=(tok.i, tok.i + 1))
            out.append(cand.fired("actors.lexicon.hyphen_prefix", evidence))
        if iso3:
            form = "name" if prefix in lex.states else "demonym"
            cand = state_cand(ctx, doc[tok.i:tok.i + 1], iso3, form, end_char=tok.idx + len(prefix))
            out.append(cand.fired("actors.lexicon.hyphen_prefix", evidence))
    return out


# ------------------------------------------------------------------------------------------------
# tests of a match
# ------------------------------------------------------------------------------------------------


def _state_mistaken_for_person(span: Span, ent: Span | None, name_parts: frozenset[str]) -> bool:
    """"Sri Lanka said ..." tagged PERSON: the whole name is a state's and no one in the article bears
    it as part of a longer name (unlike "Jordan" after "Michael Jordan")."""
    if span.label_ != "STATE" or ent is None or ent.label_ != "PERSON":
        return False
    return (strip_the(ent), strip_possessive(ent)) == (span.start, span.end) \
        and not any(t.text in name_parts for t in span)


def _demonym_before_name(span: Span, ent: Span | None) -> bool:
    """"Syrian Ahmad Hassan", "Iraqi Prime Minister Haider al-Abadi" tagged PERSON as a whole: a demonym
    that opens a person entity and is followed by more capitalised words qualifies the name, it is not
    part of it."""
    if span.label_ != "DEMONYM" or ent is None or ent.label_ != "PERSON":
        return False
    return span.start == strip_the(ent) and span.end < ent.end and ent.doc[span.end].text[:1].isupper()


def _only_lexicon_words(ent: Span | None, lexicon_toks: set[int]) -> bool:
    """"Bosnian Serbs" tagged PERSON: every word is a demonym or a people's word, so no one is named
    (a state's name alone can be a first name: "Jordan said")."""
    if ent is None or ent.label_ != "PERSON":
        return False
    words = [t for t in ent if t.lower_ != "the" and t.text not in POSSESSIVE]
    return len(words) >= 2 and all(t.i in lexicon_toks for t in words)


def _inside_other_name(ctx: Context, span: Span, ent: Span | None) -> bool:
    """Whether a people's word is part of ``ent``, a longer name the tagger found around it: a person
    ("Christian Lindner") or a body, event or place with a capitalised word of its own ("the Syrian Arab
    Army", "Arab Spring"). A person entity that is the word alone ("the Yazidis" tagged PERSON) is the people."""
    lex = ctx.lex
    if ent is None or ent.label_ not in PEOPLE_INSIDE_LABELS:
        return False
    own = set(range(span.start, span.end))
    for tok in ent:
        if tok.i in own or tok.lower_ == "the" or tok.text in POSSESSIVE or not tok.text[:1].isupper():
            continue
        if tok.text in lex.peoples or tok.text in lex.demonyms or tok.text in lex.states:
            continue  # "Shia Arab", "Syrian Kurdish": peoples and demonyms side by side
        return True
    return False


def _names_a_language(ctx: Context, span: Span) -> bool:
    """"He spoke in Kurdish", "the Kurdish language", "Kurdish" tagged LANGUAGE: the language, not the people."""
    doc = span.doc
    if span[0].ent_type_ == "LANGUAGE":
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in ctx.words.language_noun:
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_ in ("in", "into", "from") and (
        nxt is None or (nxt.pos_ not in ("NOUN", "PROPN", "ADJ") and nxt.text != "-"))  # not "in Kurdish-held"

