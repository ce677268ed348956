"""Dependency-parse helpers the stages share: subjects, agents, prepositional objects, clauses.

Small functions over spaCy tokens (first written for the events stage's trigger rules, participants
and status rules); they know nothing of PLOVER or of actors.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsgraph.nlp.words import DATELINE_DASHES, SUBJECT_DEPS

# Verbs whose object is a means, not who acts next: "used tear gas to disperse students".
# "summoned the ambassador to complain": the one who summons complains, to the one summoned.
SUMMON_VERBS = frozenset({"summon", "convene"})
INSTRUMENT_VERBS = frozenset({"use", "employ", "utilize", "utilise", "exploit", "spend"}) | SUMMON_VERBS
# Dependents that stay inside a noun phrase when we look for the actors it names.
NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "flat", "npadvmod", "nummod", "case"})
# Clauses whose dates are their own: a time inside one does not date the clause above it.
NESTED_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "csubj", "pcomp", "advcl", "parataxis"})


def value_of_figure(tok: Token, figure_nouns: Iterable[str]) -> bool:
    """The number ``tok`` is what a figure noun's clause gives as its value: the complement or object of a
    verb whose subject is "number", "total", "toll" ... ("the number of deaths is 1501", "the toll reached
    1501", "the total rose to 1501"). Such a number counts, whatever it looks like (a year) or is tagged."""
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ in ("to", "at"):
        verb = verb.head
    elif tok.dep_ not in ("attr", "dobj"):
        return False
    nouns = set(figure_nouns)
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in nouns for c in verb.children)


def opposed(tok: Token) -> bool:
    """A modifier like "anti-Houthi" (one token, or "anti" "-" "Houthi")."""
    if tok.dep_ not in ("amod", "compound", "nmod"):
        return False
    if tok.lower_.startswith("anti-"):
        return True
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("anti", "non")


def inside_subject(tok: Token) -> bool:
    """Whether a token is inside a subject: the usual antecedent of a pronoun in news prose."""
    for t in [tok, *tok.ancestors]:
        if t.dep_ in SUBJECT_DEPS:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def main_clause_subject(tok: Token) -> bool:
    """Whether a token is inside the subject of its sentence's main verb."""
    for t in [tok, *tok.ancestors]:
        if t.dep_ in SUBJECT_DEPS:
            return t.head.dep_ == "ROOT"
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def in_nested_clause(tok: Token, root: Token) -> bool:
    """Whether a token sits in a clause of its own below ``root`` (a relative, reported or adverbial
    clause, a coordinated verb), not in root's own clause."""
    for anc in tok.ancestors:
        if anc == root:
            return False
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ in NESTED_CLAUSE_DEPS | {"conj"}:
            return True
    return False


def prep_lemmas(tok: Token) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in ("prep", "prt", "agent", "dative")}


def pobjs(tok: Token, preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "prt", "dative", "agent") and c.lemma_.lower() in wanted:
            out += [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
            # "in towards the front": a preposition chained to another one
            out += [p for pp in c.children if pp.dep_ == "prep" for p in pp.children if p.dep_ == "pobj"]
        elif c.dep_ == "prt":
            # "kidnapped up to 16 advisers" parsed as a particle with a preposition under it
            out += [p for pp in c.children if pp.dep_ == "prep" and pp.lemma_.lower() in wanted
                    for p in pp.children if p.dep_ == "pobj"]
    return out


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, inherited through xcomp/conj/advcl/relcl/acl when the verb has none of its own."""
    seen = 0
    while seen < 6:
        seen += 1
        subj = own_subject(verb)
        if subj is not None:
            if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head  # "the protesters who have demonstrated", "the group that attacked"
            return subj
        if verb.dep_ in ("acl", "relcl") or (verb.dep_ == "amod" and verb.tag_ == "VBG"):
            return verb.head  # (and "protesting legislators": the ones protesting)
        if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" and verb.head.head.pos_ in ("VERB", "AUX"):
            obj = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj  # "praised Iraq for expelling US troops": Iraq expelled them
            verb = verb.head.head  # "resorted to throwing stones": the subject of "resorted"
            continue
        if verb.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "acomp") or verb.head == verb:
            return None
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in INSTRUMENT_VERBS:
            # object control: "urged the EU to support" -> the EU (not "used tear gas to disperse")
            obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        verb = verb.head
    return None


def own_subject(verb: Token) -> Token | None:
    """The verb's own subject: of two the parser gives it with a dash between them, the one after the dash
    ("SEOUL (AP) — North Korea has sent" takes the dateline's town for a subject too)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) >= 2 and subjects[1].i < verb.i and any(
            t.text in DATELINE_DASHES for t in verb.doc[subjects[0].i: subjects[1].left_edge.i]):
        return subjects[1]
    return subjects[0] if subjects else None


def is_passive(verb: Token) -> bool:
    """Passive voice, inherited by a bare conjunct: "were killed or wounded"."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True  # "the rebels, backed by Rwanda": the noun undergoes it
    if verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children):
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)
    return False


def agent_of(verb: Token) -> Token | None:
    return next((p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)


def governing_verb(tok: Token) -> Token | None:
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def to_infinitive(verb: Token) -> bool:
    """A verb with its "to" ("to deploy", "plans to attack")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def obliged(verb: Token) -> bool:
    """"Y must / should / needs to / has to do Z": the clause states an obligation."""
    if any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children):
        return True
    return verb.lemma_.lower() in ("need", "have") and any(
        c.dep_ == "xcomp" and to_infinitive(c) for c in verb.children)


def is_imperative(verb: Token) -> bool:
    """A bare verb opening its clause with no subject, auxiliary or marker ("Stop the war," she said)."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "ccomp", "advcl", "parataxis"):
        return False
    if any(c.dep_ in SUBJECT_DEPS | {"aux", "auxpass", "mark"} for c in verb.children):
        return False
    first = next((t for t in verb.subtree if not t.is_punct), verb)
    return first == verb



def dateline_end(doc: Doc, places: Iterable[tuple[int, int]]) -> int | None:
    """The token after the dateline that opens a text, or None: the town in capitals, which the places
    stage found ("SEOUL", "NEW DELHI"), maybe a comma and its region ("SEOUL, South Korea", "GLASGOW,
    Ky."), maybe the outlet in brackets ("(AP)", "(WBKO)"), then a dash. ``places`` are the character spans
    of the places found; a dateline's town must be one of them ("US - China talks" opens no dateline)."""
    j = _town_in_capitals(doc)
    town_end = doc[j - 1].idx + len(doc[j - 1].text) if j else 0
    # (one place the whole town, or the last of towns joined by "/": "CHATTOGRAM / BANGKOK")
    if j == 0 or not any((start == 0 and end >= town_end) or (end == town_end and "/" in doc[:j].text)
                         for start, end in places):
        return None
    return _dateline_tail(doc, _dateline_region(doc, j))


def dateline_shape_end(doc: Doc) -> int | None:
    """The token after an opening dateline, read from its shape alone (before any stage has run): a town
    in capitals of three letters or more, maybe its region, maybe the outlet in brackets, then a dash
    ("ADRE, Chad (TW) —", "KYIV —"). "US - China talks" opens none."""
    j = _town_in_capitals(doc)
    if j == 0 or len(doc[:j].text.replace(" ", "").replace(".", "")) < 3:
        return None
    return _dateline_tail(doc, _dateline_region(doc, j))


def _town_in_capitals(doc: Doc) -> int:
    """The token after the town in capitals that opens a text ("NEW DELHI"), or after two joined by a slash
    ("CHATTOGRAM / BANGKOK", an agency reporting from both)."""
    j = 0
    while j < len(doc) and j < 6 and ((doc[j].is_upper and (doc[j].is_alpha or doc[j].text.endswith(".")))
                                      or (doc[j].text == "/" and j > 0 and j + 1 < len(doc) and doc[j + 1].is_upper)):
        j += 1
    return j


def _dateline_region(doc: Doc, j: int) -> int:
    """After the town: ", South Korea", ", Ky.", ", 28 November 2023" (capitalised words or a date, up to a
    bracket)."""
    if j >= len(doc) or doc[j].text != ",":
        return j
    k = j + 1
    while k < len(doc) and k - j <= 4 and (doc[k].text[:1].isupper() or doc[k].text == "." or doc[k].like_num) \
            and "(" not in doc[k].text:
        k += 1
    return k


def _dateline_tail(doc: Doc, j: int) -> int | None:
    """Brackets and dashes after the town: the token after the last dash ("(Marketwire - December 23, 2010)
    - (NYSE Amex: NLP) --" is all dateline), or None without a dash."""
    n, end = len(doc), None
    for _ in range(8):
        if j >= n:
            break
        tok = doc[j]
        if tok.is_space:
            j += 1
        elif "(" in tok.text and ")" not in tok.text:  # (also glued: "KY--(Marketwire")
            close = next((k for k in range(j + 1, min(n, j + 13)) if doc[k].text == ")"), None)
            if close is None:
                break
            j = close + 1
        elif tok.text in DATELINE_DASHES:
            j = end = j + 1
        else:
            break
    return end
