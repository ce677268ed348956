"""The actors stage: persons, states, organizations and armed groups, with their mentions.

What it recognises, in order:

1. lexicon names (PhraseMatcher over resources/lexicons): states and their short forms ("U.S."),
   demonyms ("North Korean" -> PRK), capitals and seats used as governments ("Moscow and Pyongyang
   have worked", "the Kremlin said"), IGOs ("NATO"), national bodies ("the Pentagon" -> USA) and
   armed groups ("Hamas"); ethnic, religious and linguistic groups by noun or adjective ("the Kurds",
   "Yazidi women", "Sunni tribes", "Arabic-speaking"; peoples.tsv), coded GRP:<PEOPLE> and never a state,
   or the people of one state where a demonym qualifies them ("Iraqi Kurds" act for Iraq); plus
   hyphenated prefixes spaCy keeps inside one token ("U.S.-provided");
2. spaCy PERSON entities, cleaned of possessive endings and titles, with role and affiliation from the
   title phrase before the name ("Russian President Vladimir Putin"), an apposition ("Kim Jong Un,
   North Korea's leader" / "its leader, Kim Jong Un"), a coordinated title sharing its country
   ("U.S. Defense Secretary X and Secretary of State Y") or a "counterparts" cue in the text before;
3. spaCy ORG entities that are not title words split off by the tagger ("Defense", "State") nor places
   it mislabelled ("Danbury", "near Sinjar"), with the country of a possessive, an adjective or a state
   inside them ("South Korea's National Intelligence Service").

4. names the tagger mislabels or leaves out: a titled name swallowed by another entity ("[Minister for]
   the Middle East Tobias Ellwood", "President Obama" tagged ORG), an ORG-tagged name with an apposed
   title ("Knox Thames, the Special Advisor"), a titled name left untagged ("Special Advisor Thames"), the
   leader a government is named for ("the Asad regime"), a full name or first name repeated under
   another label; bare services and coalitions ("the Iraqi Army", "Coalition forces"), bodies named by
   title words ("Interior Ministry") and acronyms defined in brackets ("... Fund (SRTF)");
5. a title alone that the article gave a named person ("the Foreign Secretary said", also in a headline
   before the name) joins that person, and so does a title written out beside the name with a comma
   ("Minister for the Middle East, Tobias Ellwood, said"; a place in it stays the places stage's).

A name the article writes where a place goes ("fled from X", "out of Kobane", "Mosul and Raqqah") and the
gazetteer knows is a place everywhere in the article, not a person or an organization; a country's name
that is also a division of another country the article is about ("Georgia" beside "Atlanta") is left
to the places stage.
A capital is a state mention only where the sentence makes it act (subject of a verb, "talks with",
"Ottawa's offer"); "in Moscow", "of Paris", "marched on Moscow" leave it to the places stage. A seat
building ("the Kremlin") acts unless it is where something happens ("outside the White House").
Mentions of one actor are merged: a surname alone joins the first full name ("Rutte" = "Mark Rutte",
"Abadi" = "Haider al-Abadi"), and so does a first name the tagger took for a place.
``actor_at`` and ``actor_code`` help later stages map a span to an actor and an actor to a code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsgraph.model import Actor, ActorKind, Mention
from newsgraph.nlp.actors.lexicon import ActorLexicon, Body, load_actor_lexicon
from newsgraph.nlp.extensions import doc_text
from newsgraph.nlp.places.gazetteer import ROAD_KINDS, STREET_NAME_ENDS
from newsgraph.nlp.places.gazetteer import load as load_gazetteer
from newsgraph.nlp.places.toponyms import toponym_texts
from newsgraph.nlp.words import POSSESSIVE

# Roles that describe a person in apposition ("X, a member of the Syrian parliament") but are no title
# before a name ("committee member Doug Collins of Georgia" does not make Georgia his state).
APPOSED_ROLES = frozenset({"member", "legislator", "deputy", "representative", "aide", "adviser", "advisor",
                           "candidate", "activist", "journalist", "photojournalist", "videojournalist",
                           "reporter", "lawyer", "founder", "businessman", "businesswoman", "blogger",
                           "dissident", "cleric", "researcher", "analyst", "professor", "politician"})

# ------------------------------------------------------------------------------------------------
# the component
# ------------------------------------------------------------------------------------------------

# Verbs and nouns of motion: "to/from Moscow" after them is a destination, not an addressee.
MOTION_WORDS = frozenset(
    {
        "go", "come", "travel", "fly", "arrive", "return", "move", "send", "deploy", "visit", "flee",
        "head", "drive", "transfer", "evacuate", "relocate", "trip", "flight", "journey", "route", "road",
        "train", "bus", "border", "withdraw", "retreat", "march", "advance", "push", "airlift", "ship",
        "transport", "leave", "reach", "enter", "capture", "take", "seize", "liberate", "besiege",
        "surround", "hit", "strike", "bomb", "shell"
    }
)
# Prepositions after which a capital is a party, not a location ("talks with Moscow", "sanctions on").
GOVERNMENT_PREPS = frozenset({"with", "against", "between", "by", "toward", "towards", "on"})
# Prepositions after which a capital names where something happens ("officials in Moscow said").
LOCATIVE_PREPS = frozenset(
    {
        "in", "at", "near", "outside", "inside", "into", "around", "across", "throughout", "within", "via"
    }
)
# Last words that make a "person" the tagger found a street, a party or a place ("Karl Marx Avenue").
NON_PERSON_HEADS = frozenset(
    {"avenue", "street", "road", "square", "boulevard", "bridge", "platform", "party", "front", "movement",
     "alliance", "coalition", "province", "region", "district", "city", "airport", "base", "agency",
     "barrage", "dam", "river", "lake", "mountain", "mountains", "camp", "hospital", "university", "college",
     "school", "museum", "mosque", "church", "airfield", "hotel", "stadium", "palace", "canal", "valley"}
)
# Armed services and alliances named bare, capitalised ("the Army", "Marines", "Coalition forces"): bodies
# whose country, if any, is the state or demonym written right before them ("the Iraqi Army").
SERVICE_NAMES = ("Army", "Navy", "Air Force", "Marines", "Marine Corps", "Fleet", "Coast Guard", "National Guard",
                 "Special Forces", "Coalition")
# Courtesy titles that can stand between an apposed title and the name ("Minister for Asia, Mr Ellwood").
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "hon", "honourable", "honorable",
                        "rt"})
# The most words a title phrase written out in apposition runs to ("Special Advisor for Religious Minorities").
MAX_TITLE_PHRASE = 8
# Nouns after a bare name that make it the leader a government is named for ("the Asad regime").
LEADER_GOVERNMENT_NOUNS = frozenset({"regime", "dictatorship", "administration", "junta"})
LEADER_GOVERNMENT_RE = re.compile(r"\b(?:" + "|".join(sorted(LEADER_GOVERNMENT_NOUNS)) + r")\b")
# Adjective endings of parties and creeds, not leaders' names ("the Baathist regime").
ADJECTIVE_ENDINGS = ("ist", "ite", "ian", "ese", "ish")
# Words before a name that make it a place when the gazetteer knows it ("fled to X", "out of X", "in X").
PLACE_CUES = frozenset({"from", "toward", "towards"})
# Words that make a capitalised run a body or a place, never a person's name ("Highway Patrol").
NOT_NAME_WORDS = frozenset(
    {"association", "union", "patrol", "troopers", "trooper", "county", "company", "corporation", "corp", "inc",
     "group", "institute", "foundation", "society", "bank", "club", "league", "network", "news", "times", "post",
     "press", "fund", "trust", "partnership", "officers", "guard", "board", "authority", "bureau", "centre",
     "center", "clinic", "station", "house", "hall", "court", "state", "federal", "national", "international"}
)
PLACE_VERBS = frozenset({"free", "liberate", "recapture", "retake", "flee", "capture", "seize", "besiege"})
# Entity labels of names a capital can be part of without standing for a government.
NAME_LABELS = frozenset({"ORG", "FAC", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
COUNTRY_ANAPHORS = ("the country", "the nation")


@dataclass
class _Cand:
    """One mention of one actor, before the mentions are merged into actors."""

    start: int
    end: int
    key: str  # merge key: "state:RUS", "body:NATO", "person:Mark Rutte", "org:..."
    kind: ActorKind
    name: str
    form: str  # "name", "demonym", "seat", "surname" ...
    code: str | None = None
    country: str | None = None
    affiliation: str | None = None
    role: str | None = None
    role_text: str | None = None
    tokens: tuple[int, int] = (0, 0)
    explicit_cue: bool = False  # the affiliation came from the person's own title phrase


@dataclass
class _TitleInfo:
    role_text: str | None = None
    affiliation: str | None = None
    start_tok: int | None = None
    explicit: bool = False
    words: list[str] = field(default_factory=list)


class ActorsComponent:
    def __init__(self, nlp: Language) -> None:
        self.lex: ActorLexicon = load_actor_lexicon()
        self.gaz = load_gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        groups: dict[str, list[str]] = {
            "STATE": list(self.lex.states),
            "DEMONYM": list(self.lex.demonyms),
            "SEAT": list(self.lex.seats),
            "BODY": list(self.lex.bodies),
            "SERVICE": list(SERVICE_NAMES),
            "PEOPLE": list(self.lex.peoples),
            # "Arabic-speaking", "Kurdish speaking": the speakers of a language are its people
            "SPEAKERS": [f"{lang}{sep}speaking" for lang in self.lex.languages for sep in ("-", " ")],
        }
        for label, forms in groups.items():
            self.matcher.add(label, [nlp.make_doc(f) for f in forms])

    # ------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        lexical = self._lexicon_mentions(doc)
        taken = {i for c in lexical for i in range(*c.tokens)}
        persons = self._person_mentions(doc, taken, lexical)
        taken |= {i for c in persons for i in range(*c.tokens)}
        orgs = self._org_mentions(doc, taken, lexical, persons)
        orgs += _acronym_mentions(doc, orgs, taken | {i for c in orgs for i in range(*c.tokens)})
        cands = sorted(lexical + persons + orgs, key=lambda c: (c.start, -c.end))
        doc._.actors = self._merge(doc, cands)
        return doc

    # ------------------------------------------------------------------------------------------
    # lexicon mentions
    # ------------------------------------------------------------------------------------------
    def _lexicon_mentions(self, doc: Doc) -> list[_Cand]:
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        person_toks = {i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
        named_ent = {i: ent for ent in doc.ents if ent.label_ in NAME_LABELS for i in range(ent.start, ent.end)}
        surnames = frozenset(ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1)
        name_parts = frozenset(t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                               and ent.text not in self.lex.states for t in ent)
        spans = filter_spans(spans)
        state_spans = {(s.start, s.end): self._lexicon_code(s) for s in spans if s.label_ in ("STATE", "DEMONYM")}
        state_toks = {i: code for (a, b), code in state_spans.items() for i in range(a, b)}
        # "the Coalition" after "the Global Coalition to Counter ISIL" is that coalition
        coalition = next((self.lex.bodies[s.text] for s in spans if s.label_ == "BODY"
                          and "Coalition" in self.lex.bodies[s.text].name), None)
        people_surnames = surnames | self._peoples_as_surnames(doc, spans)
        lexicon_toks = {i for s in spans if s.label_ in ("DEMONYM", "PEOPLE") for i in range(s.start, s.end)}
        ent_at = {i: e for e in doc.ents for i in range(e.start, e.end)}
        first_named = _first_names(doc)  # "Georgia Stevens ... Georgia began skating" (see _person_mentions)
        out = []
        for span in spans:
            label = span.label_
            text = span.text
            ent = named_ent.get(span.start)
            if label in ("PEOPLE", "SPEAKERS"):
                people = self._people_cand(span, label, people_surnames, ent_at.get(span.start), state_toks)
                if people is not None:
                    out.append(people)
                continue
            if label == "SERVICE":
                cand = self._service_cand(doc, span, ent, state_toks, coalition)
                if cand is not None:
                    out.append(cand)
                continue
            if label == "STATE" and self._division_elsewhere(span, state_spans):
                continue  # "Georgia" in a story about the United States: the US state, a place
            if label == "STATE" and len(span) == 1 and first_named.get(text, len(doc)) <= span.start \
                    and not _place_cue_before(doc, span.start):
                continue  # the person's first name, not the country
            if label == "SEAT" and text not in self.lex.metonyms and ent is not None \
                    and len(ent) - (ent[0].lower_ == "the") > len(span):
                continue  # "Real Madrid", "Air Berlin": part of another name
            if label in ("STATE", "SEAT", "DEMONYM") and any(t.i in person_toks for t in span) \
                    and not _state_mistaken_for_person(span, ent, name_parts) and not _demonym_before_name(span, ent) \
                    and not _only_lexicon_words(ent, lexicon_toks):
                continue  # "Jordan" as a person, "Chad" ...
            cand = self._lexicon_cand(doc, span, label, text, surnames)
            if cand is not None:
                out.append(cand)
        out += self._hyphen_prefix_mentions(doc, {i for c in out for i in range(*c.tokens)})
        return out

    def _peoples_as_surnames(self, doc: Doc, spans: list[Span]) -> frozenset[str]:
        """People's words the article uses as a surname: right after a capitalised given name that is no
        lexicon word ("Qandeel Baloch", untagged), so the bare "Baloch" later is her too."""
        out = set()
        for span in spans:
            if span.label_ != "PEOPLE" or span.start == 0:
                continue
            prev = doc[span.start - 1]
            if prev.pos_ == "PROPN" and prev.is_alpha and prev.text[:1].isupper() and not prev.is_upper \
                    and prev.lower_ not in self.lex.title_words and prev.lower_ not in HONORIFICS \
                    and prev.text not in self.lex.peoples and prev.text not in self.lex.demonyms \
                    and prev.text not in self.lex.states and prev.ent_type_ not in ("GPE", "LOC", "NORP"):
                out.add(span.text)
        return frozenset(out)

    def _people_cand(self, span: Span, label: str, surnames: frozenset[str], ent: Span | None,
                     state_toks: dict[int, str]) -> _Cand | None:
        """"the Kurds", "Yazidi women", "Arabic-speaking": an ethnic or religious group, unless the word is part
        of a person's name ("Christian Lindner", "Baloch" after "Qandeel Baloch"), of another name ("the Syrian
        Arab Army"), names a language ("in Kurdish", "the Kurdish language") or those outside it ("ex-Muslims",
        "non-Muslims")."""
        doc = span.doc
        if label == "SPEAKERS":
            body = self.lex.languages[span[0].text]
        else:
            body = self.lex.peoples[span.text]
            if span.text in surnames or _inside_other_name(span, ent, self.lex) or _names_a_language(span):
                return None
            if span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in ("ex", "non"):
                return None  # "ex-Muslims", "non-Muslims": people outside the group
        iso3 = state_toks.get(span.start - 1)
        if iso3:
            # "Iraqi Kurds", "Turkish Kurd refugees": the people of one state, which acts for it in events
            # (PLOVER codes them by the state), apart from the people as a whole
            first = span.start - 1
            while first - 1 >= 0 and state_toks.get(first - 1) == iso3:
                first -= 1
            name = f"{doc[first:span.start].text} {body.name}"
            return _Cand(span.start_char, span.end_char, f"people:{body.code}:{iso3}", "group", name, "demonym",
                         country=iso3, tokens=(span.start, span.end))
        return _Cand(span.start_char, span.end_char, f"people:{body.code}", "group", body.name, "demonym",
                     code=body.code, country=body.country, tokens=(span.start, span.end))

    def _lexicon_code(self, span: Span) -> str:
        return self.lex.states.get(span.text) or self.lex.demonyms.get(span.text) or ""

    def _service_cand(self, doc: Doc, span: Span, ent: Span | None, state_toks: dict[int, str],
                      coalition: Body | None = None) -> _Cand | None:
        """"the Army", "Coalition forces", "the Iraqi Army": a bare service or alliance name. Inside a
        longer name ("Royal Air Force", "Army of the Victorious Sect") the organizations pass has it."""
        if ent is not None and any(t.text[:1].isupper() and t.i not in state_toks and not span.start <= t.i < span.end
                                   and t.lower_ != "the" for t in ent):
            return None
        if span.text == span.sent.text.split(" ", 1)[0] and span.end < len(doc) and doc[span.end].text[:1].isupper():
            return None  # a headline word in capitals ("Army Chief Speaks")
        i = span.start - 1
        if i >= 1 and doc[i].text in POSSESSIVE:
            i -= 1
        if span.text == "Coalition" and coalition is not None:
            return _Cand(span.start_char, span.end_char, f"body:{coalition.name}", "organization", coalition.name,
                         "name", code=coalition.code, tokens=(span.start, span.end))
        country = state_toks.get(i) or None
        first = i
        while first - 1 >= 0 and country and state_toks.get(first - 1) == country:
            first -= 1
        name = f"{doc[first:i + 1].text} {span.text}" if country else span.text
        return _Cand(span.start_char, span.end_char, f"org:{name.lower()}", "organization", name, "name",
                     country=country, affiliation=country, tokens=(span.start, span.end))

    def _division_elsewhere(self, span: Span, state_spans: dict[tuple[int, int], str]) -> bool:
        """A country's name that is also a first-level division of another country whose towns or
        divisions the article names ("Georgia" beside "Atlanta" or "Texas"), with no sign of the country
        itself (its demonym, another of its names, its capital)."""
        iso3 = self.lex.states[span.text]
        others = {e.country for e in self.gaz.lookup(span.text) if e.level == "admin1" and e.country != iso3}
        if not others:
            return False
        doc = span.doc
        if iso3 in {code for (a, b), code in state_spans.items() if doc[a:b].text != span.text}:
            return False
        capital = self.lex.capitals.get(iso3)
        if capital and capital in doc_text(doc):
            return False
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "LOC") or ent.text == span.text or ent.text in self.lex.states:
                continue
            entries = self.gaz.lookup(ent.text)
            if any(e.country in others and e.level in ("admin1", "city") and e.population >= 100_000
                   for e in entries) and not any(e.country == iso3 for e in entries):
                return True  # "Atlanta", "Texas": the article is about the other country's division
        return False

    def _lexicon_cand(self, doc: Doc, span: Span, label: str, text: str,
                      surnames: frozenset[str] = frozenset()) -> _Cand | None:
        lex = self.lex
        toks = (span.start, span.end)
        if label == "STATE":
            iso3 = lex.states[text]
            return self._state(span.start_char, span.end_char, iso3, "name", toks)
        if label == "DEMONYM":
            iso3 = lex.demonyms[text]
            return self._state(span.start_char, span.end_char, iso3, "demonym", toks)
        if label == "SEAT":
            if text in surnames:
                return None  # "Sudesh Amman ... Amman, who was described": a person
            if text in lex.metonyms:
                if _locative_prep(span.root) is not None:
                    return None  # "outside the White House": the building, a place
            elif not _used_as_government(span, lex):
                return None
            return self._state(span.start_char, span.end_char, lex.seats[text], "seat", toks)
        body = lex.bodies[text]
        if body.kind == "group":
            return _Cand(span.start_char, span.end_char, f"body:{body.name}", "group", body.name, "name",
                         code=body.code, country=body.country, tokens=toks)
        return _Cand(span.start_char, span.end_char, f"body:{body.name}", "organization", body.name, "name",
                     code=body.code, country=body.country, affiliation=body.country, tokens=toks)

    def _state(self, start: int, end: int, iso3: str, form: str, toks: tuple[int, int]) -> _Cand:
        name = self.lex.state_names.get(iso3, iso3)
        return _Cand(start, end, f"state:{iso3}", "state", name, form, code=iso3, country=iso3, tokens=toks)

    def _hyphen_prefix_mentions(self, doc: Doc, taken: set[int]) -> list[_Cand]:
        """"U.S.-provided", "Russian-held" kept as one token: the prefix is a mention of the state."""
        out = []
        for tok in doc:
            if tok.i in taken or "-" not in tok.text[1:]:
                continue
            prefix = tok.text.split("-", 1)[0]
            iso3 = self.lex.states.get(prefix) or self.lex.demonyms.get(prefix)
            people = self.lex.peoples.get(prefix)
            if people is not None and not iso3:
                out.append(_Cand(tok.idx, tok.idx + len(prefix), f"people:{people.code}", "group", people.name,
                                 "demonym", code=people.code, country=people.country, tokens=(tok.i, tok.i + 1)))
            if iso3:
                form = "name" if prefix in self.lex.states else "demonym"
                out.append(self._state(tok.idx, tok.idx + len(prefix), iso3, form, (tok.i, tok.i + 1)))
        return out

    # ------------------------------------------------------------------------------------------
    # persons
    # ------------------------------------------------------------------------------------------
    def _person_mentions(self, doc: Doc, taken: set[int], lexical: list[_Cand]) -> list[_Cand]:
        by_tok = {i: c for c in lexical for i in range(*c.tokens)}
        cands: list[_Cand] = []
        counterparts = self._counterpart_cues(doc, by_tok)
        places = toponym_texts(doc)
        place_like = self._place_like_names(doc)
        person_names = frozenset(ent.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1)
        first_named = _first_names(doc)
        name_words = frozenset(t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent)
        for ent in doc.ents:
            if (ent.label_ == "ORG" or (ent.label_ in ("LOC", "GPE", "FAC", "NORP") and len(ent) > 2)) \
                    and not all(t.i in taken for t in ent):
                inside = self._person_inside_org(doc, ent, by_tok, person_names) \
                    or self._apposed_person(doc, ent, by_tok, lexical) or self._honorific_person(ent, by_tok)
                if inside is not None:
                    cands.append(inside)
                continue
            if ent.label_ != "PERSON" or all(t.i in taken for t in ent) or _transcript_label(ent) \
                    or ent.text in self.lex.non_actors:
                continue  # ("Twitter" is never a person)
            span = self._clean_person(ent, taken)
            if span is None:
                continue
            owner = next((c.name for c in cands if " " in c.name and c.name.split()[0] == span.text), None)
            if len(span) == 1 and owner is not None and first_named.get(span.text, len(doc)) <= span.start \
                    and not _place_cue_before(doc, span.start):
                # "Jordan Mills ... Jordan studied": the first name alone, even if "Jordan" is a country elsewhere
                cands.append(_Cand(span.start_char, span.end_char, f"person:{owner}", "person", owner,
                                   "first name", tokens=(span.start, span.end)))
                continue
            info = self._title_before(doc, span.start, by_tok)
            if info.role_text is None:
                info = self._apposition(doc, span, by_tok, lexical)
            elif info.affiliation is None:
                # "Gen. Joseph Votel, commander of U.S. Central Command": the apposition says for whom
                info.affiliation = self._apposition(doc, span, by_tok, lexical).affiliation
                info.explicit = info.affiliation is not None
            if info.role_text is None and (not self._can_be_person(span, cands)
                                           or _named_as_place_elsewhere(span, places, cands)
                                           or (span.text in place_like and span.text not in person_names
                                               and span.text not in name_words)):
                continue
            if info.affiliation is None and info.role_text is not None:
                info.affiliation = _of_state_after(doc, span, by_tok)  # "President X of Sudan"
            if info.affiliation is None and info.role_text is not None:
                info.affiliation = self._coordinated_affiliation(doc, info, cands)
            if info.affiliation is None and info.role_text is not None:
                info.affiliation = _pending_counterpart(counterparts, span)
            name, end_char = _name_before_glued_bracket(span)
            if not name:
                continue
            cands.append(_Cand(span.start_char, end_char, f"person:{name}", "person", name, "name",
                               affiliation=info.affiliation, country=_country_of(info.affiliation, self.lex),
                               role_text=info.role_text, role=self._canonical_role(info),
                               tokens=(span.start, span.end), explicit_cue=info.explicit))
        # Single names spaCy labels as places or organizations ("Austin") that are an earlier surname,
        # or first name ("Georgia Stevens ... Georgia began skating").
        cands += self._untagged_titled_names(doc, taken | {i for c in cands for i in range(*c.tokens)}, by_tok)
        cands += self._leaders_named_for_governments(doc, taken | {i for c in cands for i in range(*c.tokens)})
        surnames = {_surname_key(c.name.split()[-1]) for c in cands if " " in c.name or c.form == "leader"}
        first_names = {c.name.split()[0]: c.name for c in cands if " " in c.name}
        full_names = {c.name: c.start for c in cands if " " in c.name and c.form == "name"}
        never = len(doc_text(doc))
        for ent in doc.ents:
            if ent.label_ in ("GPE", "ORG", "NORP", "LOC") and full_names.get(ent.text, never) < ent.start_char \
                    and not any(t.i in taken for t in ent):
                # "Abu Ghadiya" named in full before, then tagged NORP: the same person
                cands.append(_Cand(ent.start_char, ent.end_char, f"person:{ent.text}", "person", ent.text, "name",
                                   tokens=(ent.start, ent.end)))
                continue
            if ent.label_ in ("GPE", "ORG", "NORP", "LOC") and ent.text in first_names \
                    and not any(t.i in taken for t in ent) and _surname_key(ent.text) not in surnames \
                    and ent.start_char > min(c.start for c in cands if c.name == first_names[ent.text]):
                cands.append(_Cand(ent.start_char, ent.end_char, f"person:{first_names[ent.text]}", "person",
                                   first_names[ent.text], "first name", tokens=(ent.start, ent.end)))
                continue
            if ent.label_ in ("GPE", "ORG", "NORP", "LOC") and _surname_key(ent.text) in surnames \
                    and not any(t.i in taken for t in ent) \
                    and not any(c.tokens[0] <= ent.start < c.tokens[1] for c in cands):
                info = self._title_before(doc, ent.start, by_tok)
                cands.append(_Cand(ent.start_char, ent.end_char, f"person:{ent.text}", "person", ent.text,
                                   "surname", affiliation=info.affiliation,
                                   country=_country_of(info.affiliation, self.lex), role_text=info.role_text,
                                   role=self._canonical_role(info), tokens=(ent.start, ent.end)))
        apposed = self._apposed_title_mentions(doc, taken | {i for c in cands for i in range(*c.tokens)}, cands)
        cands += apposed
        cands += self._role_mentions(doc, taken | {i for c in cands for i in range(*c.tokens)}, cands + apposed)
        return cands

    def _untagged_titled_names(self, doc: Doc, taken: set[int], by_tok: dict[int, _Cand]) -> list[_Cand]:
        """"Special Advisor Thames will deliver remarks": a capitalised title, then a name the tagger left
        untagged (one to three proper nouns followed by a lower-case word or punctuation)."""
        out = []
        for tok in doc:
            if tok.lower_ not in self.lex.title_heads or not tok.text[:1].isupper() or tok.i + 1 >= len(doc):
                continue
            start = end = tok.i + 1
            while end < len(doc) and end - start < 4 and doc[end].tag_ == "NNP" and doc[end].is_alpha \
                    and doc[end].text[:1].isupper() and not doc[end].ent_type_ and end not in taken \
                    and doc[end].lower_ not in self.lex.title_words:
                end += 1
            if start == end or end - start > 3 or doc[end - 1].lower_ in NON_PERSON_HEADS \
                    or (end < len(doc) and doc[end].text[:1].isupper()):
                continue
            info = self._title_before(doc, start, by_tok)
            if info.role_text is None:
                continue
            name = _person_name(doc[start:end])
            out.append(_Cand(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), f"person:{name}", "person",
                             name, "name", affiliation=info.affiliation,
                             country=_country_of(info.affiliation, self.lex), role_text=info.role_text,
                             role=self._canonical_role(info), tokens=(start, end), explicit_cue=info.explicit))
        return out

    def _apposed_title_mentions(self, doc: Doc, taken: set[int], persons: list[_Cand]) -> list[_Cand]:
        """"Minister for the Middle East, Tobias Ellwood, said" and "Tobias Ellwood, Minister for the Middle
        East, welcomes": a capitalised title phrase set off by a comma right next to a name is a mention of
        that person (and the role he holds when no other is known)."""
        out = []
        for c in persons:
            if c.kind != "person" or c.form != "name":
                continue
            for bounds in (self._title_phrase_before(doc, c.tokens[0], taken),
                           self._title_phrase_after(doc, c.tokens[1], taken)):
                if bounds is None:
                    continue
                a, b = bounds
                phrase = doc[a:b]
                if c.role_text is None or (phrase.text.startswith(c.role_text) and len(phrase.text) > len(c.role_text)):
                    # the title written out is the fuller role: "Minister for the Middle East", not "Minister"
                    c.role_text = phrase.text
                    c.role = self._canonical_role(_TitleInfo(phrase.text, c.affiliation, a,
                                                             words=[t.lower_ for t in phrase]))
                cut = self._before_place_portfolio(doc, a, b)
                out.append(_Cand(phrase.start_char, doc[cut - 1].idx + len(doc[cut - 1].text), c.key, "person",
                                 c.name, "role", role_text=phrase.text, tokens=(a, b)))
                taken = taken | set(range(a, b))
        return out

    def _title_phrase_before(self, doc: Doc, name_start: int, taken: set[int]) -> tuple[int, int] | None:
        """The title phrase ending at the comma before a name (an honorific may stand between them)."""
        i = name_start - 1
        while i >= 0 and (doc[i].lower_.rstrip(".") in HONORIFICS
                          or (doc[i].lower_ == "the" and i + 1 < name_start)):  # "the Hon Julie Bishop"
            i -= 1
        if i < 1 or doc[i].text != ",":
            return None
        end = i
        start = end
        sent_start = doc[name_start].sent.start
        while start - 1 >= sent_start and end - start < MAX_TITLE_PHRASE and start - 1 not in taken \
                and self._title_phrase_word(doc[start - 1]):
            start -= 1
        while start < end and not (doc[start].lower_ in self.lex.title_words and doc[start].text[:1].isupper()):
            start += 1  # the phrase opens with a capitalised title word: "[the] Foreign Secretary"
        return (start, end) if self._is_title_phrase(doc[start:end]) else None

    def _title_phrase_after(self, doc: Doc, name_end: int, taken: set[int]) -> tuple[int, int] | None:
        """The title phrase right after the comma that follows a name ("X, Minister for the Middle East")."""
        if name_end + 1 >= len(doc) or doc[name_end].text != ",":
            return None
        start = name_end + 1 + (doc[name_end + 1].lower_ == "the")
        end = start
        sent_end = doc[name_end].sent.end
        while end < sent_end and end - start < MAX_TITLE_PHRASE and end not in taken \
                and self._title_phrase_word(doc[end]):
            end += 1
        while end > start and doc[end - 1].lower_ in ("of", "for", "the", "and"):
            end -= 1
        if start >= end or not (doc[start].lower_ in self.lex.title_words and doc[start].text[:1].isupper()):
            return None
        return (start, end) if self._is_title_phrase(doc[start:end]) else None

    def _before_place_portfolio(self, doc: Doc, start: int, end: int) -> int:
        """Where a role mention ends: before "for/of [the] <place>" ("Minister [for the Middle East]"), so
        the place keeps its own span for the places stage."""
        for k in range(start + 1, end - 1):
            if doc[k].lower_ in ("for", "of"):
                rest = doc[k + 1 + (doc[k + 1].lower_ == "the"):end]
                if rest.text and self.gaz.has(rest.text):
                    return k
        return end

    def _title_phrase_word(self, tok: Token) -> bool:
        """A word a written-out title is made of: title words, capitalised portfolio words ("the Middle
        East", "Central Asia") and the small words that join them."""
        return tok.lower_ in self.lex.title_words or tok.lower_ in ("of", "for", "the", "and") \
            or (tok.is_alpha and tok.text[:1].isupper() and tok.ent_type_ != "PERSON")

    def _is_title_phrase(self, phrase: Span) -> bool:
        """Capitalised, with an office among the words before any "of"/"for" ("Minister for ...")."""
        if not phrase.text or not phrase[0].text[:1].isupper():
            return False
        for tok in phrase:
            if tok.lower_ in ("of", "for"):
                return False
            if tok.lower_ in self.lex.title_heads:
                return True
        return False

    def _role_mentions(self, doc: Doc, taken: set[int], persons: list[_Cand]) -> list[_Cand]:
        """"The Foreign Secretary said": a capitalised title alone, with no name after it, refers to the
        person the article gave that title ("Foreign Secretary Boris Johnson"), also in a headline before
        the name ("Foreign Secretary welcomes ...")."""
        roles: dict[tuple[str, ...], _Cand] = {}
        shared: set[tuple[str, ...]] = set()
        for c in persons:
            if c.role_text and " " in c.role_text and c.role_text[:1].isupper():
                words = tuple(c.role_text.lower().split())
                if words in roles and roles[words].key != c.key:
                    shared.add(words)  # two prime ministers: "the Prime Minister" is ambiguous
                roles.setdefault(words, c)
        for words in shared:
            del roles[words]
        if not roles:
            return []
        out = []
        for words, person in roles.items():
            n = len(words)
            for i in range(len(doc) - n + 1):
                if doc[i].lower_ != words[0] or not doc[i].text[:1].isupper() \
                        or any(j in taken for j in range(i, i + n)):
                    continue
                if tuple(t.lower_ for t in doc[i:i + n]) != words \
                        or (i < person.tokens[0] and doc[i].sent.start != 0):
                    continue  # before the name only in the headline
                if i + n < len(doc) and doc[i + n].text[:1].isupper():
                    continue  # "Foreign Secretary Boris Johnson": the name follows
                last = self._before_place_portfolio(doc, i, i + n) - 1
                out.append(_Cand(doc[i].idx, doc[last].idx + len(doc[last].text), person.key, "person",
                                 person.name, "role", tokens=(i, i + n)))
        return out

    def _place_like_names(self, doc: Doc) -> frozenset[str]:
        """Names the tagger took for a person or an organization that the article writes where a place
        goes ("fled to X", "out of Kobane", "to free Dabiq") and that the gazetteer knows, by name or as a
        small town: one name keeps one sense in an article ("Dabiq held symbolic importance"). Cached
        on the doc, since the persons and organizations passes both ask."""
        cached = doc.user_data.get("newsgraph_place_like_names")
        if cached is not None:
            return cached
        names: set[str] = set()
        placed: set[int] = set()  # tokens of names tagged as places: "Mosul and X" makes X a place
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                placed.update(range(ent.start, ent.end))
                start = ent.start + (ent[0].lower_ == "the")
                if ent.label_ == "FAC" and start < ent.end and self.gaz.has(doc[start:ent.end].text):
                    names.add(doc[start:ent.end].text)  # "Heathrow" tagged FAC once: the airport everywhere
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "NORP") or len(ent) > 3:
                continue
            start = ent.start + (ent[0].lower_ == "the")
            end = ent.end - (ent[-1].text in POSSESSIVE)
            if end <= start:
                continue
            prev = start - 1
            if prev >= 0 and doc[prev].lower_ == "the":
                prev -= 1
            if prev < 0:
                continue
            cue = doc[prev].lower_ in PLACE_CUES or doc[prev].lower_ in LOCATIVE_PREPS \
                or (doc[prev].lower_ == "of" and prev >= 1 and doc[prev - 1].lower_ == "out") \
                or doc[prev].lemma_.lower() in PLACE_VERBS \
                or (doc[prev].lower_ in ("and", "or", ",") and prev - 1 in placed)
            text = doc[start:end].text
            if cue and (self.gaz.has(text) or self.gaz.towns(text)):
                names.add(text)
        out = frozenset(names)
        doc.user_data["newsgraph_place_like_names"] = out
        return out

    def _person_inside_org(self, doc: Doc, ent: Span, by_tok: dict[int, _Cand],
                           person_names: frozenset[str]) -> _Cand | None:
        """A titled name the tagger swallowed into an organization: "President Obama", "[Secretary of]
        Defense Ash Carter", "[Minister for] the Middle East Tobias Ellwood". The name is the run of
        capitalised words that ends the entity, after a title or a place; it must follow a title or be
        named as a person elsewhere in the article."""
        end = ent.end - (ent[-1].text in POSSESSIVE)
        start = end
        while start > ent.start and (start - 1) not in by_tok and (
                (doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper()
                 and doc[start - 1].lower_ not in self.lex.title_words)
                or (doc[start - 1].text == "-" and start - 2 > ent.start and start < end)):
            start -= 1
        if start >= end or end - start > 7 or doc[end - 1].lower_ in NON_PERSON_HEADS:
            return None
        role_start: int | None = None
        if start == ent.start + (ent[0].lower_ == "the") and end - start > 2:
            # "the Middle East Tobias Ellwood": a place, then the name
            for k in range(start + 1, end - 1):
                if self.gaz.is_known_place(doc[start:k].text):
                    role_start, start = start, k
                    break
        name_span = doc[start:end]
        if start == end or len([t for t in name_span if t.is_alpha]) > 3 or self.gaz.is_known_place(name_span.text) \
                or any(t.lower_ in NON_PERSON_HEADS or t.lower_ in BODY_HEADS or t.lower_ in NOT_NAME_WORDS
                       for t in name_span) or doc[start - 1].lower_ in NOT_NAME_WORDS:
            return None
        info = self._title_before(doc, start if role_start is None else ent.start, by_tok)
        if role_start is not None:
            title = self._title_before(doc, ent.start, by_tok)
            j = ent.start - 1
            while j >= 0 and doc[j].lower_ in ("for", "of", "the"):
                j -= 1
            title = self._title_before(doc, j + 1, by_tok) if j >= 0 and doc[j].lower_ in self.lex.title_heads \
                else title
            if title.role_text is None and not (j >= 0 and doc[j].lower_ in self.lex.title_heads):
                return None
            first = title.start_tok if title.start_tok is not None else j
            info = _TitleInfo(doc[first:start].text, title.affiliation, first, explicit=title.explicit,
                              words=[w.lower_ for w in doc[first:j + 1]])
        elif info.role_text is None or (end - start == 1 and name_span.text not in person_names
                                        and doc[start - 1].lower_ not in self.lex.title_heads):
            return None
        elif name_span.text not in person_names and (doc[start - 1].lower_ == "of" or start == ent.start
                                                     or (start == ent.start + 1 and ent[0].lower_ == "the")):
            return None  # "head of Breitbart News": the title is outside the entity, which names a body
        if role_start is None and info.role_text is None:
            return None
        if role_start is not None and name_span.text not in person_names and end - start < 2:
            return None
        name = _person_name(name_span)
        return _Cand(name_span.start_char, name_span.end_char, f"person:{name}", "person", name, "name",
                     affiliation=info.affiliation, country=_country_of(info.affiliation, self.lex),
                     role_text=info.role_text, role=self._canonical_role(info), tokens=(start, end),
                     explicit_cue=info.explicit)

    def _apposed_person(self, doc: Doc, ent: Span, by_tok: dict[int, _Cand], lexical: list[_Cand]) -> _Cand | None:
        """"Knox Thames, the Special Advisor to ...": a two- or three-word name the tagger called an
        organization, with a title in apposition after it, is a person."""
        if ent.label_ != "ORG" or not 2 <= len(ent) <= 3 or any(t.i in by_tok or not t.is_alpha
                                                                or not t.text[:1].isupper()
                                                                or t.lower_ in self.lex.title_words
                                                                or t.lower_ in NON_PERSON_HEADS
                                                                or t.lower_ in BODY_HEADS for t in ent):
            return None
        info = self._apposition_after(doc, ent, by_tok, lexical)
        if info.role_text is None:
            return None
        name = _person_name(ent)
        return _Cand(ent.start_char, ent.end_char, f"person:{name}", "person", name, "name",
                     affiliation=info.affiliation, country=_country_of(info.affiliation, self.lex),
                     role_text=info.role_text, role=self._canonical_role(info), tokens=(ent.start, ent.end),
                     explicit_cue=info.explicit)

    def _honorific_person(self, ent: Span, by_tok: dict[int, _Cand]) -> _Cand | None:
        """"the Hon Imogen Sayers MP", "Dr Ahmed Kamil" tagged as an organization: a courtesy title, then one to
        three capitalised words (and post-nominal letters, "MP", "QC") name a person."""
        doc = ent.doc
        i = ent.start + (ent[0].lower_ == "the")
        if i >= ent.end or doc[i].lower_.rstrip(".") not in HONORIFICS:
            return None
        while i < ent.end and (doc[i].lower_.rstrip(".") in HONORIFICS or doc[i].text == "."):
            i += 1
        end = ent.end - (ent[-1].text in POSSESSIVE)
        while end > i and doc[end - 1].is_upper and len(doc[end - 1].text) <= 4:
            end -= 1  # post-nominal letters: "MP", "QC", "AO"
        name = doc[i:end]
        if not 1 <= len(name) <= 3 or any(not t.is_alpha or not t.text[:1].isupper() or t.i in by_tok
                                          or t.lower_ in self.lex.title_words or t.lower_ in NOT_NAME_WORDS
                                          or t.lower_ in BODY_HEADS for t in name):
            return None
        text = _person_name(name)
        return _Cand(name.start_char, name.end_char, f"person:{text}", "person", text, "name",
                     tokens=(name.start, name.end))

    def _leaders_named_for_governments(self, doc: Doc, taken: set[int]) -> list[_Cand]:
        """"the Asad regime", "the Obama administration": a bare capitalised name before a word for a
        government is the leader it is named for, whatever label the tagger gave it."""
        out = []
        named = {ent.text for ent in doc.ents if ent.label_ in ("PERSON", "ORG")}
        for found in LEADER_GOVERNMENT_RE.finditer(doc_text(doc)):
            tok_span = doc.char_span(found.start(), found.end())
            if tok_span is None or tok_span.start < 2:
                continue
            i = tok_span.start - 1
            if doc[i].text in POSSESSIVE:
                continue
            name = doc[i]
            if i in taken or not name.is_alpha or not name.text[:1].isupper() or name.is_upper \
                    or name.lower_.endswith(ADJECTIVE_ENDINGS) or name.ent_type_ in ("GPE", "LOC", "DATE") \
                    or name.lower_ in self.lex.title_words or self.gaz.has(name.text) \
                    or (doc[i - 1].text[:1].isupper() and doc[i - 1].lower_ != "the") or name.i == name.sent.start:
                continue
            if name.ent_type_ == "NORP" and name.text not in named:
                continue  # "the Soviet regime": a people's adjective, unless the article names someone so
            out.append(_Cand(name.idx, name.idx + len(name.text), f"person:{name.text}", "person", name.text,
                             "leader", tokens=(i, i + 1)))
        return out

    def _can_be_person(self, span: Span, persons: list[_Cand]) -> bool:
        """A name the tagger called a person but that ends like a street or a party, or is a well-known
        place, is not one, unless it is the surname of someone named before ("Austin")."""
        if span[-1].lower_ in NON_PERSON_HEADS:
            return False
        if len(span) == 1 and any(c.name.split()[-1] == span.text or (" " in c.name and c.name.split()[0] == span.text)
                                  for c in persons):
            return True  # "Austin" after "Lloyd Austin", "Jordan" after "Jordan Peterson"
        return not self.gaz.is_known_place(span.text, min_population=100_000)

    def _clean_person(self, ent: Span, taken: set[int] | frozenset[int] = frozenset()) -> Span | None:
        """The name itself: no possessive ending, no leading title words or demonym spaCy took in ("Syrian
        Foreign Minister Walid Muallem" tagged PERSON as a whole)."""
        start, end = ent.start, ent.end
        doc = ent.doc
        while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        after_prep = start > 0 and doc[start - 1].lower_ in LOCATIVE_PREPS
        while start < end and (doc[start].lower_ in self.lex.title_words or doc[start].is_punct
                               or doc[start].lower_ in LOCATIVE_PREPS or doc[start].i in taken
                               or (doc[start].lower_.rstrip(".") in HONORIFICS and start + 1 < end)):
            after_prep = after_prep or doc[start].lower_ in LOCATIVE_PREPS
            start += 1
        if start >= end or not any(t.is_alpha and t.text[:1].isupper() for t in doc[start:end]):
            return None
        if after_prep and self.gaz.has(doc[start:end].text):
            return None  # "Near Ar Raqqah" tagged PERSON: a place
        return doc[start:end]

    def _title_before(self, doc: Doc, start: int, by_tok: dict[int, _Cand]) -> _TitleInfo:
        """Title phrase right before a name: "U.S. Defense Secretary", "NATO chief", "Secretary of State"."""
        i = start - 1
        words: list[Token] = []
        affiliation = None
        sent_start = doc[start].sent.start
        while i >= sent_start:
            tok = doc[i]
            low = tok.lower_
            if i in by_tok and by_tok[i].kind != "person":
                # the title's country or body ends the phrase: "U.S. Defense Secretary", "Foreign Office
                # Minister", "NATO chief"
                affiliation = _code_of_cand(by_tok[i])
                break
            if low in self.lex.title_words or (low == "of" and words):
                words.append(tok)
                i -= 1
                continue
            if tok.text in POSSESSIVE and i - 1 >= sent_start and (i - 1) in by_tok:
                affiliation = _code_of_cand(by_tok[i - 1])  # "South Korea's Defense Minister"
            break
        if not words:
            return _TitleInfo()
        words.reverse()
        # "of" cannot end or start a role; trim leading modifiers that are not part of an office
        while words and words[0].lower_ == "of":
            words.pop(0)
        if not words or not any(w.lower_ in self.lex.title_heads or w.lower_ in APPOSED_ROLES for w in words):
            return _TitleInfo()
        # "Secretary of State": the words after "of" that are title words belong to the role
        role = " ".join(w.text for w in words)
        return _TitleInfo(role, affiliation, words[0].i, explicit=affiliation is not None,
                          words=[w.lower_ for w in words])

    def _apposition(self, doc: Doc, span: Span, by_tok: dict[int, _Cand], lexical: list[_Cand]) -> _TitleInfo:
        """"Kim Jong Un, North Korea's leader" and "its leader, Kim Jong Un"."""
        after = self._apposition_after(doc, span, by_tok, lexical)
        if after.role_text:
            return after
        return self._apposition_before(doc, span, by_tok, lexical)

    def _apposition_after(self, doc: Doc, span: Span, by_tok: dict[int, _Cand], lexical: list[_Cand]) -> _TitleInfo:
        i = span.end
        if i >= len(doc) or doc[i].text != ",":
            return _TitleInfo()
        i += 1
        sent_end = span.sent.end
        words: list[Token] = []
        affiliation = None
        while i < sent_end:
            tok = doc[i]
            low = tok.lower_
            if i in by_tok:
                affiliation = affiliation or _code_of_cand(by_tok[i])
                i = by_tok[i].tokens[1]
                continue
            if low in ("the", "a", "an") and (not words or words[-1].lower_ == "of"):
                i += 1  # "a member of the Syrian parliament"
                continue
            if low in POSSESSIVE_PRONOUNS or tok.text in POSSESSIVE:
                if low in POSSESSIVE_PRONOUNS:
                    affiliation = affiliation or _antecedent_code(lexical, tok.idx, doc)
                i += 1
                continue
            if low in self.lex.title_words or low in APPOSED_ROLES or (low == "of" and words):
                words.append(tok)
                i += 1
                continue
            break
        return self._title_from_words(words, affiliation)

    def _apposition_before(self, doc: Doc, span: Span, by_tok: dict[int, _Cand],
                           lexical: list[_Cand]) -> _TitleInfo:
        i = span.start - 1
        if i < 1 or doc[i].text != ",":
            return _TitleInfo()
        i -= 1
        sent_start = span.sent.start
        words: list[Token] = []
        affiliation = None
        while i >= sent_start:
            tok = doc[i]
            low = tok.lower_
            if i not in by_tok and (low in self.lex.title_words or (low == "of" and words)):
                words.append(tok)
                i -= 1
                continue
            break
        if not words:
            return self._apposed_description(span, by_tok)
        if i >= sent_start:
            tok = doc[i]
            if tok.lower_ in POSSESSIVE_PRONOUNS:
                affiliation = _antecedent_code(lexical, tok.idx, doc)
            elif tok.text in POSSESSIVE and i - 1 in by_tok:
                affiliation = _code_of_cand(by_tok[i - 1])
            elif i in by_tok:
                affiliation = _code_of_cand(by_tok[i])
            elif tok.lower_ not in ("the", "a", "an", "with", "and", "by", "to", "of", "from", "for"):
                return self._apposed_description(span, by_tok)  # not a title phrase's start: maybe a description
        words.reverse()
        info = self._title_from_words(words, affiliation)
        return info if info.role_text is not None else self._apposed_description(span, by_tok)

    def _no_actor_here(self, ent: Span) -> bool:
        """A time zone ("1500 UTC"), a platform where something is said ("on Twitter"), or a street or
        road the tagger took for a body ("the North Circular Road", "Highway 403")."""
        kind = self.lex.non_actors.get(ent.text)
        street = ent[-1].lower_ in STREET_NAME_ENDS or (len(ent) >= 2 and ent[-2].lower_ in ROAD_KINDS
                                                         and ent[-1].like_num)
        return kind == "never" or (kind == "platform" and _medium_prep(ent)) or street

    def _apposed_description(self, span: Span, by_tok: dict[int, _Cand]) -> _TitleInfo:
        """A described role the name is apposed to ("A member of the Syrian parliament, Mohammed Mamoun,
        started ..."): the head noun is the role, a state named inside the description the affiliation."""
        head = span.root.head
        if span.root.dep_ != "appos" or head.i >= span.start or (
                head.lower_ not in self.lex.title_heads and head.lower_ not in APPOSED_ROLES):
            return _TitleInfo()
        states = [by_tok[t.i] for t in head.subtree if t.i < span.start and t.i in by_tok]
        affiliation = next((_code_of_cand(c) for c in states if c.kind in ("state", "organization")), None)
        return self._title_from_words([head], affiliation)

    def _title_from_words(self, words: list[Token], affiliation: str | None) -> _TitleInfo:
        while words and words[-1].lower_ == "of":
            words.pop()
        if not words or not any(w.lower_ in self.lex.title_heads or w.lower_ in APPOSED_ROLES for w in words):
            return _TitleInfo()
        return _TitleInfo(" ".join(w.text for w in words), affiliation, words[0].i, explicit=affiliation is not None,
                          words=[w.lower_ for w in words])

    def _coordinated_affiliation(self, doc: Doc, info: _TitleInfo, persons: list[_Cand]) -> str | None:
        """"U.S. Defense Secretary X and Secretary of State Y": Y shares X's explicit country."""
        if info.start_tok is None or info.start_tok < 2 or doc[info.start_tok - 1].lower_ != "and":
            return None
        prev_end = info.start_tok - 1
        for c in reversed(persons):
            if c.tokens[1] == prev_end:
                return c.affiliation if c.explicit_cue else None
        return None

    def _counterpart_cues(self, doc: Doc, by_tok: dict[int, _Cand]) -> list[tuple[int, str]]:
        """"their South Korean counterparts": titled people named after it act for that country."""
        out = []
        for tok in doc:
            if tok.lemma_.lower() != "counterpart":
                continue
            for j in range(max(tok.sent.start, tok.i - 4), tok.i):
                if j in by_tok and by_tok[j].kind == "state":
                    out.append((tok.idx, by_tok[j].code or ""))
        return out

    def _canonical_role(self, info: _TitleInfo) -> str | None:
        if info.role_text is None:
            return None
        title = " ".join(info.words)
        options = self.lex.titles.get(title) or self.lex.titles.get(info.words[-1], [])
        for canonical, org in options:
            if org is None or org == info.affiliation:
                return canonical
        return info.role_text

    # ------------------------------------------------------------------------------------------
    # organizations spaCy finds that the lexicon does not know
    # ------------------------------------------------------------------------------------------
    def _org_mentions(self, doc: Doc, taken: set[int], lexical: list[_Cand],
                      persons: list[_Cand]) -> list[_Cand]:
        by_tok = {i: c for c in lexical for i in range(*c.tokens)}
        places = toponym_texts(doc)
        out = []
        place_like = self._place_like_names(doc)
        for ent in doc.ents:
            if ent.label_ != "ORG" or _transcript_label(ent) or self._no_actor_here(ent):
                continue
            if any(c.kind == "person" and ent.start <= c.tokens[0] < ent.end for c in persons):
                continue  # "President Obama" tagged ORG: the person has it
            free = [t for t in ent if t.i not in taken and t.text[:1].isupper()
                    and t.lower_ not in self.lex.title_words and t.lower_ != "the"]
            body_phrase = _body_phrase(ent, taken)
            if not free and not body_phrase:
                continue  # the lexicon or a person has it all ("NATO", "Defense" of "Defense Secretary")
            start, end = ent.start, ent.end
            while start < end and doc[start].lower_ == "the":
                start += 1
            while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
                end -= 1
            span = doc[start:end]
            if not span.text or (all(t.lower_ in self.lex.title_words for t in span) and not body_phrase):
                continue  # "Defense" split off "Defense Secretary"
            if span.text in self.lex.metonyms:
                continue  # "in the Kremlin": the building as a place, not a body
            if span.text in places or span.text in place_like:
                continue  # "Sinjar is free": tagged a place elsewhere in the article
            if self.gaz.is_known_place(span.text) or (
                start > 0 and doc[start - 1].lower_ in LOCATIVE_PREPS and self.gaz.has(span.text)
            ):
                continue  # a place the tagger took for an organization ("Danbury", "near Sinjar")
            if not any(t.text[:1].isupper() for t in span):
                continue
            inner = [by_tok[t.i] for t in span if t.i in by_tok and by_tok[t.i].kind == "state"]
            affiliation = _code_of_cand(inner[0]) if inner else None
            j = start - 1
            if affiliation is not None:
                pass
            elif j >= 1 and doc[j].text in POSSESSIVE and j - 1 in by_tok:
                affiliation = _code_of_cand(by_tok[j - 1])
            elif j >= 0 and j in by_tok:
                affiliation = _code_of_cand(by_tok[j])
            name = span.text
            out.append(_Cand(span.start_char, span.end_char, f"org:{name.lower()}", "organization", name, "name",
                             country=_country_of(affiliation, self.lex), affiliation=affiliation,
                             tokens=(start, end)))
        return out

    # ------------------------------------------------------------------------------------------
    # merging mentions into actors
    # ------------------------------------------------------------------------------------------
    def _merge(self, doc: Doc, cands: list[_Cand]) -> list[Actor]:
        full_names: dict[str, str] = {}  # surname -> key of the latest full name with it
        first_names: dict[str, str] = {}  # first name -> key of the first full name with it
        actors: dict[str, Actor] = {}
        for c in cands:
            key = c.key
            if c.kind == "person":
                parts = c.name.split()
                if len(parts) == 1 and _surname_key(parts[0]) in full_names:
                    key = full_names[_surname_key(parts[0])]
                elif len(parts) == 1 and parts[0] in first_names and c.form == "name":
                    key = first_names[parts[0]]  # "Jordan Peterson ... Jordan said": the first name alone
                elif len(parts) > 1:
                    first_names.setdefault(parts[0], key)
                    # the first full name keeps the bare surname: a relative named later ("Hunter Biden"
                    # after "Joe Biden") is named in full or by first name, "Biden" stays the first one
                    full_names.setdefault(_surname_key(parts[-1]), key)
            actor = actors.get(key)
            if actor is None:
                actor = Actor(id="", name=c.name, kind=c.kind, code=c.code, country=c.country,
                              affiliation=c.affiliation, role=c.role, role_text=c.role_text)
                actors[key] = actor
            else:
                actor.country = actor.country or c.country
                actor.affiliation = actor.affiliation or c.affiliation
                if actor.role is None and c.role is not None:
                    actor.role, actor.role_text = c.role, c.role_text
            actor.mentions.append(Mention(c.start, c.end, doc_text(doc)[c.start:c.end], form=c.form))
        out = list(actors.values())
        for n, a in enumerate(out, 1):
            a.id = f"A{n}"
            if a.code is None and (a.kind == "person" or (a.country is None and a.affiliation is None)) \
                    and _is_named(doc, a):
                # a person keeps a code of their own beside the state or body they act for
                a.code = stable_code(a.kind, a.name)
        return out


# ----------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------


# Prefixes of the stable codes of named actors that have no state or IGO code, by kind: they keep
# such codes apart from ISO3 and IGO codes, and from each other.
STABLE_CODE_PREFIX = {"person": "PER", "organization": "ORG", "group": "GRP"}


def stable_code(kind: str, name: str) -> str | None:
    """The code of a named person, party or group with no state to stand for ("Askar Akayev" ->
    "PER:ASKAR_AKAYEV", "Fatah Party" -> "ORG:FATAH_PARTY"): the same in every article that names it
    the same way, so events, the store and its queries can name the actor. None for a state."""
    prefix = STABLE_CODE_PREFIX.get(kind)
    slug = "_".join(re.findall(r"[^\W_]+", name.upper()))
    return f"{prefix}:{slug}" if prefix and slug else None


def _is_named(doc: Doc, actor: Actor) -> bool:
    """Whether an actor is named by a proper name ("Askar Akayev", "La Prensa"), not described
    ("senior officials", "the group")."""
    if actor.kind not in STABLE_CODE_PREFIX:
        return False
    for m in actor.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and any(t.pos_ == "PROPN" or (t.is_upper and len(t) > 1) for t in span):
            return True
    return False


# Last words of a name made of title words that is still a body: "Interior Ministry", "Foreign Office".
BODY_HEADS = frozenset({"ministry", "department", "office", "council", "committee", "commission", "agency",
                        "army", "navy", "police", "parliament", "senate", "court", "cabinet", "command", "service",
                        "services", "forces"})


def _body_phrase(ent: Span, taken: set[int]) -> bool:
    """Whether an organization made only of title words names a body ("Interior Ministry", "the Foreign
    Office"): two words or more, capitalised, ending in a body noun, none of them taken by another mention."""
    words = [t for t in ent if t.lower_ != "the" and t.text not in POSSESSIVE]
    while words and words[0].i in taken:
        words.pop(0)  # "Chinese Foreign Ministry": the state before the body is its own mention
    return len(words) >= 2 and words[-1].lower_ in BODY_HEADS and all(
        t.text[:1].isupper() and t.i not in taken for t in words)


def _acronym_mentions(doc: Doc, orgs: list[_Cand], taken: set[int]) -> list[_Cand]:
    """"the Syria Recovery Trust Fund (SRTF) ... our SRTF contribution": an acronym an article defines in
    brackets after an organization's name names that organization wherever it stands on its own."""
    acronyms: dict[str, _Cand] = {}
    for c in orgs:
        i = c.tokens[1]
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].is_upper \
                and doc[i + 1].is_alpha and len(doc[i + 1].text) >= 2:
            acronyms.setdefault(doc[i + 1].text, c)
    if not acronyms:
        return []
    for c in orgs:
        full = acronyms.get(c.name)
        if full is not None and c is not full:
            c.key, c.name, c.form = full.key, full.name, "acronym"  # "the SRTF is" tagged on its own
            c.code, c.country, c.affiliation = full.code, full.country, full.affiliation
    out = []
    for tok in doc:
        named = acronyms.get(tok.text)
        if named is not None and tok.i not in taken:
            out.append(_Cand(tok.idx, tok.idx + len(tok.text), named.key, named.kind, named.name, "acronym",
                             code=named.code, country=named.country, affiliation=named.affiliation,
                             tokens=(tok.i, tok.i + 1)))
    return out


def _surname_key(word: str) -> str:
    """A surname as it is matched: "al-Abadi" and "Abadi" are the same man."""
    low = word.lower()
    for prefix in ("al-", "el-", "ad-", "as-", "ash-", "an-", "ar-"):
        if low.startswith(prefix) and len(low) > len(prefix) + 2:
            return low[len(prefix):]
    return low


def _named_as_place_elsewhere(span: Span, places: frozenset[str], persons: list[_Cand]) -> bool:
    """A name with no title that the article shows as a place elsewhere, unless it is the surname of
    someone named in full before ("Austin" after "Lloyd Austin")."""
    if span.text not in places:
        return False
    return not any(c.name.split()[-1] == span.text for c in persons)


def _first_names(doc: Doc) -> dict[str, int]:
    """First name -> the token after the first full name with it ("Georgia Stevens")."""
    out: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[0].text[:1].isupper():
            out.setdefault(ent[0].text, ent.end)
    return out


def _place_cue_before(doc: Doc, i: int) -> bool:
    """Whether the word before token ``i`` puts a place there: "in Georgia", "from Jordan", "of Chad";
    not before a possessive, where the preposition governs the thing owned ("to Georgia's credit")."""
    prev = doc[i - 1].lower_ if i > 0 else ""
    owner = i + 1 < len(doc) and doc[i + 1].tag_ == "POS"
    return not owner and (prev in LOCATIVE_PREPS or prev in PLACE_CUES or prev in ("of", "to"))


def _state_mistaken_for_person(span: Span, ent: Span | None, name_parts: frozenset[str]) -> bool:
    """"Sri Lanka said ..." tagged PERSON: the whole name is a state's and no one in the article bears
    it as part of a longer name (unlike "Jordan" after "Michael Jordan")."""
    if span.label_ != "STATE" or ent is None or ent.label_ != "PERSON":
        return False
    start = ent.start + (ent[0].lower_ == "the")
    end = ent.end - (ent[-1].text in POSSESSIVE)
    return (start, end) == (span.start, span.end) and not any(t.text in name_parts for t in span)


def _demonym_before_name(span: Span, ent: Span | None) -> bool:
    """"Syrian Ahmad Hassan", "Iraqi Prime Minister Haider al-Abadi" tagged PERSON as a whole: a demonym
    that opens a person entity and is followed by more capitalised words qualifies the name, it is not
    part of it."""
    if span.label_ != "DEMONYM" or ent is None or ent.label_ != "PERSON":
        return False
    start = ent.start + (ent[0].lower_ == "the")
    return span.start == start and span.end < ent.end and ent.doc[span.end].text[:1].isupper()


def _only_lexicon_words(ent: Span | None, lexicon_toks: set[int]) -> bool:
    """"Bosnian Serbs" tagged PERSON: every word is a demonym or a people's word, so no one is named
    (a state's name alone can be a first name: "Jordan said")."""
    if ent is None or ent.label_ != "PERSON":
        return False
    words = [t for t in ent if t.lower_ != "the" and t.text not in POSSESSIVE]
    return len(words) >= 2 and all(t.i in lexicon_toks for t in words)


# Entity labels of names a people's word can be part of without naming the people ("the Arab Spring").
PEOPLE_INSIDE_LABELS = frozenset({"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "GPE", "LOC", "PERSON"})
# Words after a people's word that make it a language ("the Kurdish language").
LANGUAGE_NOUNS = frozenset({"language", "languages", "dialect", "dialects", "script", "alphabet", "translation"})


def _inside_other_name(span: Span, ent: Span | None, lex: ActorLexicon) -> bool:
    """Whether a people's word is part of ``ent``, a longer name the tagger found around it: a person
    ("Christian Lindner") or a body, event or place with a capitalised word of its own ("the Syrian Arab
    Army", "Arab Spring"). A person entity that is the word alone ("the Yazidis" tagged PERSON) is the people."""
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


def _names_a_language(span: Span) -> bool:
    """"He spoke in Kurdish", "the Kurdish language", "Kurdish" tagged LANGUAGE: the language, not the people."""
    doc = span.doc
    if span[0].ent_type_ == "LANGUAGE":
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in LANGUAGE_NOUNS:
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_ in ("in", "into", "from") and (
        nxt is None or (nxt.pos_ not in ("NOUN", "PROPN", "ADJ") and nxt.text != "-"))  # not "in Kurdish-held"


def _of_state_after(doc: Doc, span: Span, by_tok: dict[int, _Cand]) -> str | None:
    """"President Omar El Bashir of Sudan": the state named right after the titled name."""
    i = span.end
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        j = i + 1 + (doc[i + 1].lower_ == "the")
        c = by_tok.get(j)
        if c is not None and c.kind == "state" and c.form == "name":
            return c.code
    return None


def _medium_prep(ent: Span) -> bool:
    """Whether a name is where something is said or shown ("wrote on Twitter", "via Telegram")."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("on", "via", "through", "across")


def _transcript_label(ent: Span) -> bool:
    """"((WN))": the interviewer's label in a Wikinews transcript, not an actor."""
    doc = ent.doc
    return ent.start >= 2 and ent.end + 2 <= len(doc) \
        and doc[ent.start - 2].text == doc[ent.start - 1].text == "(" \
        and doc[ent.end].text == doc[ent.end + 1].text == ")"


def _person_name(span: Span) -> str:
    return _person_name_words([t.text for t in span])


def _person_name_words(words: list[str]) -> str:
    return " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")


GLUED_BRACKET_RE = re.compile(r"[(\[]")


def _name_before_glued_bracket(span: Span) -> tuple[str, int]:
    """A name and its end, cut before a bracket the tokenizer left glued to it: "Abboud Qanbar(Arabic: ...)"
    and "Abu Haidar,[1]" (text pasted from web pages, footnote marks) name "Abboud Qanbar" and "Abu Haidar"."""
    for tok in span:
        found = GLUED_BRACKET_RE.search(tok.text, 1)
        if found is None:
            continue
        head = tok.text[:found.start()].rstrip(",.;:")
        words = [t.text for t in span.doc[span.start:tok.i]] + ([head] if head else [])
        name = _person_name_words(words)
        end = tok.idx + len(head) if head else (span.doc[tok.i - 1].idx + len(span.doc[tok.i - 1].text)
                                                if tok.i > span.start else span.start_char)
        return name, end
    return _person_name(span), span.end_char


def _code_of_cand(c: _Cand) -> str | None:
    return c.code or c.affiliation or c.country


def _country_of(code: str | None, lex: ActorLexicon) -> str | None:
    """The country of an affiliation code: itself for a state, None for an IGO."""
    return code if code in lex.state_names else None


def _antecedent_code(lexical: list[_Cand], before: int, doc: Doc) -> str | None:
    """What "its"/"their" points back to: the nearest state or organization mentioned before it,
    in the same sentence or the one before."""
    sent = doc.char_span(before, before + 1, alignment_mode="expand")
    floor = 0
    if sent is not None:
        s = sent.sent
        prev = s.start - 1
        floor = doc[prev].sent.start_char if prev >= 0 else s.start_char
    best = None
    for c in lexical:
        if floor <= c.start and c.end <= before and c.kind in ("state", "organization", "group"):
            best = c
    return _code_of_cand(best) if best else None


def _pending_counterpart(cues: list[tuple[int, str]], span: Span) -> str | None:
    """The country of the latest "counterparts" cue before a titled name, within two sentences."""
    doc = span.doc
    sent = span.sent
    for _ in range(2):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    limit = sent.start_char
    best = None
    for pos, code in cues:
        if limit <= pos < span.start_char and code:
            best = code
    return best


def _used_as_government(span: Span, lex: ActorLexicon) -> bool:
    """Whether a capital acts in the sentence ("Moscow said", "ties with Moscow", "Ottawa's offer")
    rather than being where something happens ("in Moscow", "of Paris", "leave Paris")."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and (nxt.text in ("(", "—", "–", "_") or (nxt.text == "," and span.end + 1 < len(doc)
                                                                and doc[span.end + 1].ent_type_ == "GPE")):
        return False  # a dateline "Washington (CNN)" or "Paris, Texas"
    if span.start > 0 and doc[span.start - 1].lower_ in ("capital", "city", "town"):
        return False  # "the French capital Paris": the city itself
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    head = tok.head
    if _verb_follows(span) and _locative_prep(tok) is None:
        return True  # "Moscow and Pyongyang have worked" even when the parser says otherwise
    if tok.dep_ in ("nsubj", "nsubjpass", "agent"):
        return head.pos_ in ("VERB", "AUX") and head.lemma_ != "be"
    if tok.dep_ == "poss" or (nxt is not None and nxt.text in POSSESSIVE):
        owner = head if tok.dep_ == "poss" else tok.head
        return owner.lemma_.lower() in lex.government_nouns
    if tok.dep_ in ("dobj", "dative"):
        return head.lemma_.lower() not in MOTION_WORDS
    if tok.dep_ == "pobj":
        # "talks with Moscow", "sanctions on Moscow"; but "marched on Moscow" is a destination
        return head.lower_ in GOVERNMENT_PREPS and head.head.lemma_.lower() not in MOTION_WORDS
    return False


def _locative_prep(tok: Token) -> Token | None:
    """The locative preposition governing a name, through compounds and appositions ("in French
    capital Paris"), or None."""
    for _ in range(4):
        if tok.dep_ in ("compound", "appos", "conj", "nmod", "amod") and tok.head is not tok:
            tok = tok.head
            continue
        break
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS | {"to", "from"}:
        return tok.head
    return None


def _verb_follows(span: Span) -> bool:
    """Whether a finite or -ing verb follows the name (over "and X", adverbs): it is a subject."""
    doc = span.doc
    i = span.end
    while i < len(doc):
        t = doc[i]
        if t.lower_ == "and" and i + 1 < len(doc) and doc[i + 1].ent_type_ == "GPE":
            i += 1
            while i < len(doc) and doc[i].ent_type_ == "GPE":
                i += 1
            continue
        if t.pos_ == "ADV":
            i += 1
            continue
        return t.tag_ in ("VBZ", "VBD", "VBP", "MD", "VBG")
    return False


def actor_at(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping the char span [start, end), the tightest mention first."""
    best, best_len = None, None
    for actor in doc._.actors or []:
        for m in actor.mentions:
            if m.start < end and start < m.end:
                size = m.end - m.start
                if best_len is None or size < best_len:
                    best, best_len = actor, size
    return best


@Language.factory(
    "newsgraph_actors",
    requires=["doc.ents", "token.dep", "doc._.times"],
    assigns=["doc._.actors"],
    default_config={},
)
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp)
