"""The actors stage: persons, states, organizations and armed groups, with their mentions.

What it recognises, in order:

1. lexicon names (PhraseMatcher over resources/lexicons): states and their short forms ("U.S."),
   demonyms ("North Korean" -> PRK), capitals and seats used as governments ("Moscow and Pyongyang
   have worked", "the Kremlin said"), IGOs ("NATO"), national bodies ("the Pentagon" -> USA) and
   armed groups ("Hamas"); plus hyphenated prefixes spaCy keeps inside one token ("U.S.-provided");
2. spaCy PERSON entities, cleaned of possessive endings and titles, with role and affiliation from the
   title phrase before the name ("Russian President Vladimir Putin"), an apposition ("Kim Jong Un,
   North Korea's leader" / "its leader, Kim Jong Un"), a coordinated title sharing its country
   ("U.S. Defense Secretary X and Secretary of State Y") or a "counterparts" cue in the text before;
3. spaCy ORG entities that are not title words split off by the tagger ("Defense", "State"), with
   the country of a possessive or adjective before them ("South Korea's National Intelligence Service").

Mentions of one actor are merged: a surname alone joins the earlier full name ("Rutte" = "Mark Rutte").
``actor_at`` and ``actor_code`` help later stages map a span to an actor and an actor to a code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsgraph.components import extensions  # noqa: F401
from newsgraph.model import Actor, ActorKind, Mention
from newsgraph.resources.actor_lexicon import ActorLexicon, load_actor_lexicon
from newsgraph.resources.gazetteer import load as load_gazetteer

POSSESSIVE = ("'s", "’s", "'", "’")
# Verbs and nouns of motion: "to/from Moscow" after them is a destination, not an addressee.
MOTION_WORDS = frozenset(
    "go come travel fly arrive return move send deploy visit flee head drive transfer evacuate relocate "
    "trip flight visit journey route road train bus border withdraw retreat march advance push "
    "airlift ship transport leave reach enter capture take seize liberate besiege surround hit strike "
    "bomb shell evacuate".split()
)
# Prepositions after which a capital is a party, not a location ("talks with Moscow", "sanctions on").
GOVERNMENT_PREPS = frozenset("with against between by toward towards on".split())
# Prepositions after which a capital names where something happens ("officials in Moscow said").
LOCATIVE_PREPS = frozenset("in at near outside inside into around across throughout within via".split())
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
        }
        for label, forms in groups.items():
            self.matcher.add(label, [nlp.make_doc(f) for f in forms])

    # ------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        lexical = self._lexicon_mentions(doc)
        taken = {i for c in lexical for i in range(*c.tokens)}
        persons = self._person_mentions(doc, taken, lexical)
        taken |= {i for c in persons for i in range(*c.tokens)}
        orgs = self._org_mentions(doc, taken, lexical)
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
        out = []
        for span in filter_spans(spans):
            label = span.label_
            text = span.text
            ent = named_ent.get(span.start)
            if label == "SEAT" and ent is not None and len(ent) > len(span):
                continue  # "Real Madrid", "Air Berlin": part of another name
            if label in ("STATE", "SEAT", "DEMONYM") and any(t.i in person_toks for t in span) \
                    and not _has_titled_person_inside(doc, span):
                continue  # "Jordan" as a person, "Chad" ...
            cand = self._lexicon_cand(doc, span, label, text)
            if cand is not None:
                out.append(cand)
        out += self._hyphen_prefix_mentions(doc, {i for c in out for i in range(*c.tokens)})
        return out

    def _lexicon_cand(self, doc: Doc, span: Span, label: str, text: str) -> _Cand | None:
        lex = self.lex
        toks = (span.start, span.end)
        if label == "STATE":
            iso3 = lex.states[text]
            return self._state(span.start_char, span.end_char, iso3, "name", toks)
        if label == "DEMONYM":
            iso3 = lex.demonyms[text]
            return self._state(span.start_char, span.end_char, iso3, "demonym", toks)
        if label == "SEAT":
            if text not in lex.metonyms and not _used_as_government(span, lex):
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
        for ent in doc.ents:
            if ent.label_ != "PERSON" or all(t.i in taken for t in ent):
                continue
            span = self._clean_person(ent)
            if span is None:
                continue
            info = self._title_before(doc, span.start, by_tok, cands)
            if info.role_text is None:
                info = self._apposition(doc, span, by_tok, cands, lexical)
            if info.affiliation is None and info.role_text is not None:
                info.affiliation = self._coordinated_affiliation(doc, info, cands)
            if info.affiliation is None and info.role_text is not None:
                info.affiliation = _pending_counterpart(counterparts, span)
            name = _person_name(span)
            cands.append(_Cand(span.start_char, span.end_char, f"person:{name}", "person", name, "name",
                               affiliation=info.affiliation, country=_country_of(info.affiliation, self.lex),
                               role_text=info.role_text, role=self._canonical_role(info),
                               tokens=(span.start, span.end), explicit_cue=info.explicit))
        # Single names spaCy labels as places or organizations ("Austin") that are an earlier surname.
        surnames = {c.name.split()[-1] for c in cands if " " in c.name}
        for ent in doc.ents:
            if ent.label_ in ("GPE", "ORG", "NORP", "LOC") and ent.text in surnames \
                    and not any(t.i in taken for t in ent):
                info = self._title_before(doc, ent.start, by_tok, cands)
                cands.append(_Cand(ent.start_char, ent.end_char, f"person:{ent.text}", "person", ent.text,
                                   "surname", affiliation=info.affiliation,
                                   country=_country_of(info.affiliation, self.lex), role_text=info.role_text,
                                   role=self._canonical_role(info), tokens=(ent.start, ent.end)))
        return cands

    def _clean_person(self, ent: Span) -> Span | None:
        """The name itself: no possessive ending, no leading title words spaCy took in."""
        start, end = ent.start, ent.end
        doc = ent.doc
        while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        while start < end and (doc[start].lower_ in self.lex.title_words or doc[start].is_punct):
            start += 1
        if start >= end or not any(t.is_alpha and t.text[:1].isupper() for t in doc[start:end]):
            return None
        return doc[start:end]

    def _title_before(self, doc: Doc, start: int, by_tok: dict[int, _Cand], persons: list[_Cand]) -> _TitleInfo:
        """Title phrase right before a name: "U.S. Defense Secretary", "NATO chief", "Secretary of State"."""
        i = start - 1
        words: list[Token] = []
        affiliation = None
        sent_start = doc[start].sent.start
        while i >= sent_start:
            tok = doc[i]
            low = tok.lower_
            if low in self.lex.title_words or (low == "of" and words):
                words.append(tok)
                i -= 1
                continue
            if tok.text in POSSESSIVE and i - 1 >= sent_start and (i - 1) in by_tok:
                cue = by_tok[i - 1]
                affiliation = affiliation or _code_of_cand(cue)
                i = cue.tokens[0] - 1
                break
            if i in by_tok:
                cue = by_tok[i]
                affiliation = affiliation or _code_of_cand(cue)
                i = cue.tokens[0] - 1
                # a cue may stand between title words: "Russian Foreign Minister" (cue first) only
                break
            if tok.ent_type_ == "ORG" and tok.text[:1].isupper():
                # an organization not in the lexicon: "Hamas-run health ministry spokesman" etc.
                break
            break
        if not words:
            return _TitleInfo()
        words.reverse()
        # "of" cannot end or start a role; trim leading modifiers that are not part of an office
        while words and words[0].lower_ == "of":
            words.pop(0)
        if not words or not any(w.lower_ in self.lex.title_heads for w in words):
            return _TitleInfo()
        # "Secretary of State": the words after "of" that are title words belong to the role
        role = " ".join(w.text for w in words)
        return _TitleInfo(role, affiliation, words[0].i, explicit=affiliation is not None,
                          words=[w.lower_ for w in words])

    def _apposition(self, doc: Doc, span: Span, by_tok: dict[int, _Cand], persons: list[_Cand],
                    lexical: list[_Cand]) -> _TitleInfo:
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
            if low in ("the", "a", "an") and not words:
                i += 1
                continue
            if low in POSSESSIVE_PRONOUNS or tok.text in POSSESSIVE:
                if low in POSSESSIVE_PRONOUNS:
                    affiliation = affiliation or _antecedent_code(lexical, tok.idx, doc)
                i += 1
                continue
            if low in self.lex.title_words or (low == "of" and words):
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
            if low in self.lex.title_words or (low == "of" and words):
                words.append(tok)
                i -= 1
                continue
            break
        if not words:
            return _TitleInfo()
        if i >= sent_start:
            tok = doc[i]
            if tok.lower_ in POSSESSIVE_PRONOUNS:
                affiliation = _antecedent_code(lexical, tok.idx, doc)
            elif tok.text in POSSESSIVE and i - 1 in by_tok:
                affiliation = _code_of_cand(by_tok[i - 1])
            elif i in by_tok:
                affiliation = _code_of_cand(by_tok[i])
            elif tok.lower_ not in ("the", "a", "an", "with", "and", "by", "to", "of", "from", "for"):
                return _TitleInfo()  # not the start of a noun phrase: probably not an apposition
        words.reverse()
        return self._title_from_words(words, affiliation)

    def _title_from_words(self, words: list[Token], affiliation: str | None) -> _TitleInfo:
        while words and words[-1].lower_ == "of":
            words.pop()
        if not words or not any(w.lower_ in self.lex.title_heads for w in words):
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
    def _org_mentions(self, doc: Doc, taken: set[int], lexical: list[_Cand]) -> list[_Cand]:
        by_tok = {i: c for c in lexical for i in range(*c.tokens)}
        out = []
        for ent in doc.ents:
            if ent.label_ != "ORG":
                continue
            free = [t for t in ent if t.i not in taken and t.text[:1].isupper()
                    and t.lower_ not in self.lex.title_words]
            if not free:
                continue  # the lexicon or a person has it all ("NATO", "Defense" of "Defense Secretary")
            start, end = ent.start, ent.end
            while start < end and doc[start].lower_ == "the":
                start += 1
            while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
                end -= 1
            span = doc[start:end]
            if not span.text or all(t.lower_ in self.lex.title_words for t in span):
                continue  # "Defense" split off "Defense Secretary"
            if self.gaz.is_known_place(span.text):
                continue  # a place the tagger took for an organization ("Danbury"); the places stage has it
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
        actors: dict[str, Actor] = {}
        for c in cands:
            key = c.key
            if c.kind == "person":
                parts = c.name.split()
                if len(parts) == 1 and parts[0] in full_names:
                    key = full_names[parts[0]]
                elif len(parts) > 1:
                    full_names[parts[-1]] = key
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
            actor.mentions.append(Mention(c.start, c.end, doc.text[c.start:c.end], form=c.form))
        out = list(actors.values())
        for n, a in enumerate(out, 1):
            a.id = f"A{n}"
        return out


# ----------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------


def _has_titled_person_inside(doc: Doc, span: Span) -> bool:
    return False


def _person_name(span: Span) -> str:
    return " ".join(t.text for t in span).replace(" - ", "-").replace(" -", "-").replace("- ", "-")


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
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    head = tok.head
    if _verb_follows(span) and not (tok.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS):
        return True  # "Moscow and Pyongyang have worked" even when the parser says otherwise
    if tok.dep_ in ("nsubj", "nsubjpass", "agent"):
        return head.pos_ in ("VERB", "AUX") and head.lemma_ != "be"
    if tok.dep_ == "poss" or (nxt is not None and nxt.text in POSSESSIVE):
        owner = head if tok.dep_ == "poss" else tok.head
        return owner.lemma_.lower() in lex.government_nouns
    if tok.dep_ in ("dobj", "dative"):
        return head.lemma_.lower() not in MOTION_WORDS
    if tok.dep_ == "pobj":
        return head.lower_ in GOVERNMENT_PREPS
    return False


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


def actor_code(actor: Actor | None) -> str | None:
    """The code an event uses for an actor: its own code (states, IGOs, groups), else its affiliation,
    else its country."""
    if actor is None:
        return None
    return actor.code or actor.affiliation or actor.country


@Language.factory(
    "newsgraph_actors",
    requires=["doc.ents", "token.dep", "doc._.times"],
    assigns=["doc._.actors"],
    default_config={},
)
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp)
