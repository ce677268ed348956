"""Who is named as saying it: the source phrase of a cue (``source_of``), the noun phrase a reader would
name (``np``), and the cue's verb group (``cue_span``).

``source_of`` walks from the cue up the parse: at each node it tries, in order, the named rules of
``SOURCE_STEPS`` (the cue's subject, its 'by' agent, an inverted name, the noun a participle modifies
...); a rule either finds the source, or climbs to the verb the cue hangs from and the walk goes on
from there ('vowed to retaliate and said ...': the subject of 'vowed').
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsgraph.nlp.quotes.context import SUBJECT_DEPS, QuoteContext, Trail, is_infinitive

CLAUSE_DEPS = ("conj", "advcl", "xcomp", "ccomp")
# Modifiers set off by a comma that describe a source rather than pick it out ('Smith, who heads the
# committee,' / 'Hurley and Behnken, when they depart,'): PARC's source is the NP as a reader names it.
DESCRIPTIVE_DEPS = frozenset({"relcl", "advcl", "acl"})
CLIMB_LIMIT = 4  # verbs the walk may climb from the cue


# -- the walk ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    span: Span | None  # None: the walk ends without a source


@dataclass(frozen=True)
class _Climb:
    node: Token


Outcome = _Found | _Climb


def source_of(ctx: QuoteContext, verb: Token, trail: Trail) -> Span | None:
    """The phrase naming who speaks: the cue's subject, or the subject of the verb it hangs from. The
    rules that led to it go on ``trail`` (nothing when no source is found)."""
    steps = Trail()
    node = _speaking_node(ctx, verb, steps)
    for _ in range(CLIMB_LIMIT):
        outcome = _next(ctx, node, verb, steps)
        if isinstance(outcome, _Found):
            if outcome.span is not None:
                trail.extend(steps)
            return outcome.span
        node = outcome.node
    return None


def _speaking_node(ctx: QuoteContext, verb: Token, trail: Trail) -> Token:
    """Where the walk starts: the cue, or the verb whose subject speaks for it."""
    node = verb
    if verb.pos_ == "NOUN" and ctx.on("quotes.source.participle_noun_clause"):
        node = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), verb)
        if node is not verb:
            trail.add("quotes.source.participle_noun_clause", node)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and ctx.on("quotes.source.added_report"):
        speaking = _speaking_ancestor(verb)
        if speaking is not None:
            node = speaking
            trail.add("quotes.source.added_report", speaking)
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.lemma_ in ctx.lex.verbs \
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and ctx.on("quotes.source.joined_report"):
        node = verb.head.head  # 'agreed A but ruled that B', parsed with 'ruled' inside A: the judge rules
        trail.add("quotes.source.joined_report", node)
    return node


def _speaking_ancestor(verb: Token) -> Token | None:
    """For 'adding that ...' hanging inside another report: the cue verb of that report."""
    for anc in verb.ancestors:
        if anc.dep_ == "ccomp" and anc.head.pos_ in ("VERB", "AUX"):
            return anc.head
    return None


def _found(trail: Trail, rule: str, make: Callable[[Trail], Span | None]) -> _Found:
    """The walk ends on this rule's phrase (recorded with what shaped it, when there is one)."""
    shaped = Trail()
    span = make(shaped)
    if span is not None:
        trail.add(rule, span)
        trail.extend(shaped)
    return _Found(span)


def _next(ctx: QuoteContext, node: Token, verb: Token, trail: Trail) -> Outcome:
    for step in SOURCE_STEPS:
        outcome = step(ctx, node, verb, trail)
        if outcome is not None:
            return outcome
    return _Found(None)


def _from_children(ctx: QuoteContext, node: Token, verb: Token, trail: Trail) -> Outcome | None:
    """The node's own subject, passive subject or agent, whichever comes first."""
    for child in node.children:
        outcome = _child_source(ctx, node, verb, child, trail)
        if outcome is not None:
            return outcome
    return None


def _child_source(ctx: QuoteContext, node: Token, verb: Token, child: Token, trail: Trail) -> Outcome | None:
    if child.dep_ == "nsubj":
        if child.tag_ in ("WP", "WDT") and node.dep_ == "relcl" and ctx.on("quotes.source.relative_who"):
            return _found(trail, "quotes.source.relative_who", lambda t: np_core(node.head))
        if ctx.on("quotes.source.subject"):
            return _found(trail, "quotes.source.subject", lambda t: subject_np(ctx, node, child, t))
    elif child.dep_ == "nsubjpass":
        if node == verb:
            if ctx.on("quotes.source.passive_topic"):
                return _found(trail, "quotes.source.passive_topic", lambda t: agent(ctx, node, t))
        elif ctx.on("quotes.source.raised_subject"):
            return _found(trail, "quotes.source.raised_subject", lambda t: np(ctx, child, t))
    elif child.dep_ == "agent" and ctx.on("quotes.source.agent"):
        obj = next((o for o in child.children if o.dep_ == "pobj"), None)
        if obj is not None:
            return _found(trail, "quotes.source.agent", lambda t: np(ctx, obj, t))
    return None


def _inverted_object(ctx: QuoteContext, node: Token, verb: Token, trail: Trail) -> Outcome | None:
    """'"...," said Singh' parsed with Singh as an object."""
    if not ctx.on("quotes.source.inverted_name"):
        return None
    inverted = [c for c in node.rights if c.dep_ in ("dobj", "attr", "npadvmod") and c.pos_ == "PROPN"]
    if inverted and any(c.dep_ == "ccomp" and c.i < node.i for c in node.children):
        return _found(trail, "quotes.source.inverted_name", lambda t: np(ctx, inverted[0], t))
    return None


def _event_noun(ctx: QuoteContext, node: Token, verb: Token, trail: Trail) -> Outcome | None:
    """'Bobulinski held a press conference claiming ...': past a noun that cannot speak to its verb."""
    if node.dep_ == "acl" and node.head.dep_ in ("dobj", "pobj") and node.head.pos_ == "NOUN" \
            and not names_a_source(ctx, node.head) and ctx.on("quotes.source.event_noun"):
        trail.add("quotes.source.event_noun", node.head)
        return _Climb(node.head.head)
    return None


def _modified_noun(ctx: QuoteContext, node: Token, verb: Token, trail: Trail) -> Outcome | None:
    """'officials saying ...', 'a statement which said ...': the noun the clause modifies."""
    if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN", "PRON") \
            and ctx.on("quotes.source.modified_noun"):
        return _found(trail, "quotes.source.modified_noun", lambda t: np_core(node.head))
    return None


def _name_before(ctx: QuoteContext, node: Token, verb: Token, trail: Trail) -> Outcome | None:
    if node == verb and node.dep_ == "ROOT" and ctx.on("quotes.source.name_before_verb"):
        return _found(trail, "quotes.source.name_before_verb", lambda t: names_before(ctx, verb, t))
    return None


def _prep_clause(ctx: QuoteContext, node: Token, verb: Token, trail: Trail) -> Outcome | None:
    """'In finding X, the court also found ...', 'continued by announcing ...': the verb of the phrase."""
    if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX") \
            and ctx.on("quotes.source.prep_clause"):
        trail.add("quotes.source.prep_clause", node.head.head)
        return _Climb(node.head.head)
    return None


def _governing(ctx: QuoteContext, node: Token, verb: Token, trail: Trail) -> Outcome:
    """A clause hung on another verb: its object when it controls an infinitive, else that verb."""
    if node.dep_ not in CLAUSE_DEPS or node.head == node:
        return _Found(None)
    if ctx.on("quotes.source.object_controller"):
        controller = _object_controller(ctx, node)
        if controller is not None:
            return _found(trail, "quotes.source.object_controller", lambda t: controller)
    if not ctx.on("quotes.source.governing_clause"):
        return _Found(None)
    trail.add("quotes.source.governing_clause", node.head)
    return _Climb(node.head)


Step = Callable[[QuoteContext, Token, Token, Trail], Outcome | None]
SOURCE_STEPS: tuple[Step, ...] = (
    _from_children, _inverted_object, _event_noun, _modified_noun, _name_before, _prep_clause, _governing,
)


def _object_controller(ctx: QuoteContext, clause: Token) -> Span | None:
    """'The backlash led Biden to express ...', 'pressed him to admit ...': in an infinitive hung on a verb
    with an object, the object (not the verb's subject) is who does the saying."""
    if clause.dep_ != "xcomp" or not is_infinitive(clause):
        return None
    obj = next((c for c in clause.head.children if c.dep_ == "dobj" and c.i < clause.i), None)
    if obj is None or obj.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    return np(ctx, obj)


def names_before(ctx: QuoteContext, verb: Token, trail: Trail | None = None) -> Span | None:
    """'On Friday Ford Motor Company announced ...', parsed with the company inside the date phrase: a
    main verb with no subject takes the name right before it (and its acronym in brackets: 'In Seoul, the
    National Intelligence Service (NIS) said ...')."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    last = verb.i - 1
    if doc[last].text == ")":  # "the National Intelligence Service (NIS) said": past its acronym
        last = next((k - 1 for k in range(last - 1, max(-1, last - 5), -1) if doc[k].text == "("), last)
    if last > 0 and doc[last].text == "," and doc[last - 1].pos_ == "PROPN" \
            and ctx.on("quotes.source.name_before_comma"):
        last -= 1  # ("In Malatya, the province's governor, Osman Yilmaz, told reporters ...": the appositive name)
        if trail is not None:
            trail.add("quotes.source.name_before_comma", doc[last])
    if last < 0 or doc[last].pos_ != "PROPN":
        return None
    start = last
    while start > 0 and doc[start - 1].pos_ == "PROPN" and not _is_date_word(ctx, doc[start - 1]):
        start -= 1
    if _is_date_word(ctx, doc[start]):
        return None
    return doc[start : last + 1] if doc[last + 1].text == "," else doc[start : verb.i]


def _is_date_word(ctx: QuoteContext, tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or ctx.lex.listed(tok.lower_, "date_word")


# -- phrases ----------------------------------------------------------------------------------------


def subject_np(ctx: QuoteContext, verb: Token, first: Token, trail: Trail | None = None) -> Span:
    """The subject phrase; 'said study co-author Ted Scambos', which the parser splits into three subjects
    side by side, is one."""
    doc = verb.doc
    named = _trailing_name(ctx, verb, first)
    if named is not None:
        span = np(ctx, named, trail)
        if trail is not None:
            trail.add("quotes.source.trailing_name", span)
        return span
    speaking = _speaking_apposition(ctx, first)
    if speaking is not None:  # ("..., the largest wave in years, a spokesperson for the agency told reporters")
        span = np(ctx, speaking, trail)
        if trail is not None:
            trail.add("quotes.source.speaking_apposition", span)
        return span
    same_side = [c for c in verb.children if c.dep_ == "nsubj" and (c.i > verb.i) == (first.i > verb.i)]
    last = same_side[-1]
    if last != first and ctx.on("quotes.source.after_label") and any(
            t.text == ":" for t in doc[first.i : last.left_edge.i]):
        span = np(ctx, last, trail)  # ("Correction, 4 May: An earlier version of this article said": a label)
        if trail is not None:
            trail.add("quotes.source.after_label", span)
        return span
    if last == first or not ctx.on("quotes.source.split_subject") or any(
            (t.is_punct and t.text not in ("-", "–")) or t.dep_ == "cc"
            for t in doc[first.right_edge.i + 1 : last.left_edge.i]):
        return np(ctx, first, trail)
    tail = np(ctx, last, trail)
    joined = doc[first.left_edge.i : tail.end]
    if trail is not None:
        trail.add("quotes.source.split_subject", joined)
    return joined


def _speaking_apposition(ctx: QuoteContext, subject: Token) -> Token | None:
    """A subject that cannot speak with one in apposition after it that can: the parser took a phrase the
    content ends with for the subject ("the largest wave in years, a spokesperson ... told")."""
    if not ctx.on("quotes.source.speaking_apposition") or can_speak(ctx, np_core(subject)):
        return None
    appos = next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i), None)
    # (a name in apposition is the speaker's resolver's to read: "Another eyewitness, Nicole Towarek, said")
    return appos if appos is not None and appos.pos_ == "NOUN" and can_speak(ctx, np_core(appos)) else None


def _trailing_name(ctx: QuoteContext, verb: Token, first: Token) -> Token | None:
    """"…, killing at least 1,240 people in the country, Türkiye's Disaster and Emergency Management Authority
    (AFAD) said": the parser makes the count the subject of "said" and the name its conjunct. A named body or
    person joined by a comma right before the cue is the source; the count belongs to what is said."""
    if first.i > verb.i or not any(c.dep_ in ("nummod", "quantmod") or c.like_num for c in first.children):
        return None
    if not ctx.on("quotes.source.trailing_name"):
        return None
    for conj in (c for c in first.children if c.dep_ == "conj" and c.i < verb.i):
        before = verb.doc[conj.left_edge.i - 1] if conj.left_edge.i > 0 else None
        between = verb.doc[conj.right_edge.i + 1 : verb.i]
        named = any(t.pos_ == "PROPN" and t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") for t in conj.subtree)
        if before is not None and before.text == "," and named and all(t.is_punct for t in between):
            return conj
    return None


def agent(ctx: QuoteContext, verb: Token, trail: Trail | None = None) -> Span | None:
    """The object of a passive verb's 'by' phrase."""
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return np(ctx, obj, trail)
    return None


def np(ctx: QuoteContext, tok: Token, trail: Trail | None = None) -> Span:
    """The noun phrase of a source, without non-restrictive clauses, and with its parentheses closed."""
    doc = tok.doc
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    if ctx.on("quotes.phrase.cut_descriptive_clause"):
        cut = _descriptive_cut(tok, end)
        if cut < end and trail is not None:
            trail.add("quotes.phrase.cut_descriptive_clause", doc[cut:end])
        end = cut
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        if doc[end - 1].text == ")" and _open_parens(doc[start : end - 1]) > 0:
            break
        end -= 1
    if _open_parens(doc[start:end]) > 0 and end < len(doc) and doc[end].text == ")":
        end += 1  # 'Notes from Poland (NFP)': the parser hung the closing bracket elsewhere
    for i in range(tok.i - 1, start - 1, -1):  # a name stays in its paragraph
        if "\n" in doc[i].text:
            start = i + 1
            break
    for i in range(tok.i + 1, end):
        if "\n" in doc[i].text:
            end = i
            break
    return doc[start:end]


def _descriptive_cut(tok: Token, end: int) -> int:
    """Where the phrase ends before a clause set off by a comma that describes it ('Smith, who heads the
    committee,')."""
    doc = tok.doc
    for node in [tok, *(c for c in tok.children if c.dep_ == "conj")]:
        for child in node.children:
            if child.dep_ in DESCRIPTIVE_DEPS and child.i > node.i and doc[child.left_edge.i - 1].text == ",":
                end = min(end, child.left_edge.i - 1)
    return end


def _open_parens(span: Span) -> int:
    return sum(t.text == "(" for t in span) - sum(t.text == ")" for t in span)


def np_core(tok: Token) -> Span:
    start = min([tok.i] + [c.left_edge.i for c in tok.lefts])
    return tok.doc[start : tok.i + 1]


def names_a_source(ctx: QuoteContext, noun: Token) -> bool:
    """A document ('a statement saying') or a person/group noun ('officials saying') can speak."""
    return any(ctx.lex.is_class(noun.lemma_, c) for c in ("document", "person", "institution")) or bool(
        noun.ent_type_
    )


def can_speak(ctx: QuoteContext, source: Span) -> bool:
    """A named or pronominal source ('Marrero', 'she', 'the court'), not 'The list' or 'Results'."""
    root = source.root
    if root.pos_ == "PRON":
        return root.lower_ in ("he", "she", "they", "it")  # not 'I' / 'we': a transcript's speaker
    return root.pos_ == "PROPN" or bool(root.ent_type_) or ctx.lex.is_class(
        root.lemma_, "person") or ctx.lex.is_class(root.lemma_, "institution")


# -- the cue ----------------------------------------------------------------------------------------


def cue_span(ctx: QuoteContext, verb: Token) -> tuple[int, int]:
    """The verb group: auxiliaries, negation and particles next to the verb ('has confirmed', 'called for')."""
    doc = verb.doc
    start = verb.i
    while start > 0 and doc[start - 1].head == verb and (
        doc[start - 1].dep_ in ("aux", "auxpass", "neg") or _adverb_inside_group(doc[start - 1])
    ):
        start -= 1
    while start < verb.i and doc[start].dep_ == "advmod":  # 'reportedly said': the group starts at a verb
        start += 1
    end = verb.i + 1
    if end < len(doc) and doc[end].head == verb and (
        doc[end].dep_ == "prt" or (doc[end].dep_ == "prep" and (verb.lemma_, doc[end].lower_) in ctx.lex.phrasal)
    ):
        end += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _adverb_inside_group(tok: Token) -> bool:
    """'has repeatedly said', 'would later tell': an adverb between the auxiliary and its verb belongs to
    the verb group (one contiguous cue); an adverb with no auxiliary before it does not."""
    doc = tok.doc
    if tok.dep_ != "advmod" or tok.pos_ != "ADV":
        return False
    i = tok.i - 1
    while i >= 0 and doc[i].dep_ == "advmod" and doc[i].head == tok.head:
        i -= 1
    return i >= 0 and doc[i].dep_ in ("aux", "auxpass") and doc[i].head == tok.head
