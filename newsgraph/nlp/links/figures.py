"""What a figure is of, so that reports of one measured thing can be followed across articles: the
``links.figure.*`` rules set ``Quantity.owner``, ``place``, ``measure`` and (for plans) ``status``.

- owner: whose, or of what kind. An actor named inside the figure's phrase ("3,000 North Korean troops",
  "Pyongyang's troops", "troops from North Korea") gives its code; for what an actor can send or hold
  (troops, police, weapons, money) the subject of the verb that moves them does too ("North Korea sent
  3,000 troops"). Failing an actor, a modifier that says what kind of thing is counted ("confirmed cases",
  "civilian deaths") is the owner.
- place: where the counted things are: a place joined to the counted noun, the number or the verb that
  moves or holds them by "in", "to", "inside" ... ("10,000 troops in Kursk", "sent 3,000 troops to Russia").
  A capital standing for its government ("Moscow said") is no place.
- measure: "flow" for an increment or a rate ("another 1,500", "523 new cases", "92 a day"), "total" for a
  count over a period ("killed 300 during the war"), else "stock" (how many there are: "10,000 are there").
- a figure under a verb of planning is a plan ("plans to send 10,000 more"): status "planned".
- a figure whose sentence gives no owner or place takes those of the article's previous figure of the same
  counted thing (one article follows one story: "12,000 troops" after "3,000 North Korean troops in Russia").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.model import Actor, Place, Quantity
from newsgraph.nlp.links.counting import (
    ANAPHORS,
    asked_about,
    category_of_noun,
    counted_modifier,
    elided_count,
    participle_of,
    reaching_subject,
    same_value,
)
from newsgraph.nlp.links.holders import holder
from newsgraph.nlp.links.measures import increment, one_day, period, rate, rate_on_verb
from newsgraph.nlp.links.rules import changed
from newsgraph.nlp.links.where import conjuncts, place_on, says_where, sentence_where, where_words
from newsgraph.nlp.links.wording import Phrase, counting_verbs, phrase_of, pobj_subtrees, verb_table, words
from newsgraph.nlp.quantities.lexicon import load_lexicon
from newsgraph.nlp.rules import RuleTable
from newsgraph.nlp.syntax import dateline_end, subject_of

# Categories of things an actor sends, deploys, holds or gives: the subject of the verb is their owner.
OWNED_CATEGORIES = frozenset({"troops", "security", "weapons", "money"})
# How a counted noun can hang on the verb that moves or holds it: "sent 3,000 troops to Russia".
ARGUMENT_DEPS = ("dobj", "nsubjpass", "nsubj", "attr")


class Figures:
    """The figure rules of the links stage."""

    def __init__(self, rules: RuleTable) -> None:
        self.rules = rules

    def describe(self, doc: Doc) -> None:
        quantities: list[Quantity] = doc._.quantities or []
        if not quantities:
            return
        starts = [t.idx for t in doc]
        actors: list[Actor] = doc._.actors or []
        places: list[Place] = doc._.places or []
        # (a dateline, "SEOUL, South Korea (AP) —", is where the report was filed: it owns no figure)
        opening = dateline_end(doc, [(p.start, p.end) for p in places])
        after = doc[opening].idx if opening is not None and opening < len(doc) else 0
        by_char = {ch: str(a.code) for ch, a in _mentions_by_char(actors, coded=True).items() if ch >= after}
        by_actor = {ch: a.id for ch, a in _mentions_by_char(actors, coded=False).items() if ch >= after}
        phrases: dict[int, Phrase] = {}  # by id() of the quantity
        tallies: set[int] = set()  # figures given to "the total" of nothing named: see _article_context
        for q in quantities:
            phrase = phrase_of(doc, starts, q, after)
            if phrase is None:
                continue
            phrases[id(q)] = phrase
            if self._counted_from_subject(q, phrase):
                tallies.add(id(q))
            self._counted_from_verb(q, phrase)
            self._counted_from_question(q, phrase)
            antecedent = self._counted_from_antecedent(q, phrase)
            self._owner(q, phrase, by_char, antecedent)
            self._reporter(q, phrase, by_actor)
            self._place(q, phrase, places)
            self._measure(q, phrase)
            self._plan(q, phrase)
            self._future(q, phrase)
            self._passed_bound(q, phrase)
        self._article_context(quantities, phrases, tallies)

    # ------------------------------------------------------------ what is counted

    def _counted_from_subject(self, q: Quantity, p: Phrase) -> bool:
        """"The number of confirmed cases surpassed one million", "the number of deaths is 66": a bare
        figure that a verb of reaching (or "to be") gives to a subject counts what the subject counts
        (through "the number/toll of"); "infections totaling 250,000": the noun the verb modifies. "The
        total reached 10,000" counts what the article last counted: True for such a figure (see
        ``_article_context``)."""
        if q.counted or q.unit or p.noun != p.number or not self.rules.on("links.figure.counted_from_subject"):
            return False
        subject = reaching_subject(p)
        if subject is not None and subject.lower_ in ANAPHORS:
            subject = self._tally_antecedent(subject)
            if subject is None:
                return False
            changed(q, "links.figure.tally_antecedent", (subject.idx, subject.idx + len(subject.text)))
        if subject is None:
            return False
        tally = subject if subject.lower_ in words()["tally_nouns"] else None
        if tally is not None:
            of = [c for pr in tally.children if pr.dep_ == "prep" and pr.lower_ == "of" for c in pr.children
                  if c.dep_ == "pobj"]
            kind = counted_modifier(tally)  # ("the death toll": deaths)
            adder = _adding_subject(tally)
            if of:
                subject = participle_of(of[0]) or of[0]
            elif kind is not None:
                subject = kind
            elif adder is not None and self.rules.on("links.figure.adding_subject"):
                subject = adder  # ("the latest arrivals took the total for the year to 22,000": arrivals)
                changed(q, "links.figure.adding_subject", (adder.idx, adder.idx + len(adder.text)))
            else:
                return True  # "the total reached 10,000": a total of what the article counts
        if subject.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ"):
            return False
        first = min([t for t in subject.subtree if t.i <= subject.i and t.dep_ in ("amod", "compound")]
                    + [subject], key=lambda t: t.i)
        span = subject.doc[first.i: subject.i + 1]
        q.counted, q.unit = span.text, subject.lower_
        category_of_noun(q, subject, tally)
        changed(q, "links.figure.counted_from_subject", (span.start_char, span.end_char))
        return False

    def _tally_antecedent(self, pronoun: Token) -> Token | None:
        """"… said the number of civilians killed was far higher. He put it at more than 1,300.": the tally
        noun ("number", "toll" ...) of the sentence before the pronoun's, which "it" stands for."""
        if not self.rules.on("links.figure.tally_antecedent"):
            return None
        sent = pronoun.sent
        if sent.start == 0:
            return None
        before = pronoun.doc[sent.start - 1].sent
        tallies = [t for t in before if t.lower_ in words()["tally_nouns"] and t.dep_ in ARGUMENT_DEPS]
        if len(tallies) != 1:
            return None  # none, or two the pronoun could stand for
        return tallies[0]

    def _counted_from_antecedent(self, q: Quantity, p: Phrase) -> Token | None:
        """"North Korean soldiers are in Russia, saying at least 3,000 had arrived": a bare figure that is a
        verb's subject, or what a verb of having or recording holds ("Italy, with the next highest number of
        deaths, had around 27,000"), counts the people or troops its sentence named just before it (that noun
        returned)."""
        held = p.role == "dobj" and p.verb is not None and p.verb.lemma_.lower() in words()["record_verbs"]
        if q.counted or q.unit or p.noun != p.number or (p.role not in ("nsubj", "nsubjpass") and not held):
            return None
        if not self.rules.on("links.figure.counted_from_antecedent"):
            return None
        lex = load_lexicon()
        for tok in reversed(list(p.number.sent[: p.number.i - p.number.sent.start])):
            cue = lex.unit_cue(tok.lemma_) or lex.unit_cue(tok.lower_)
            if tok.tag_ in ("NNS", "NNPS") and cue is not None and cue.category not in ("status", "person"):
                first = min([t for t in tok.subtree if t.i <= tok.i and t.dep_ in ("amod", "compound")
                             and t.tag_ not in ("JJS", "RBS")] + [tok], key=lambda t: t.i)  # (not "most")
                span = tok.doc[first.i: tok.i + 1]
                q.counted, q.unit, q.category = span.text, tok.lower_, cue.category
                changed(q, "links.figure.counted_from_antecedent", (span.start_char, span.end_char))
                return tok
        return None

    def _counted_from_verb(self, q: Quantity, p: Phrase) -> None:
        """"infected around 35,000", "14 have recovered", "rescued 9,215 citizens": a bare figure, or a count
        of people named by no more than that (people, citizens ...), that is what a verb of counting people
        does or undergoes counts them by that verb (infected, recovered, rescued)."""
        generic = p.noun != p.number and (q.unit or "").lower() in words()["generic_people"]
        if not generic and (q.counted or q.unit or p.noun != p.number):
            return
        if p.verb is None or q.category not in (None, "other"):
            return
        if not self.rules.on("links.figure.counted_from_verb"):
            return
        counted = counting_verbs().get(p.verb.lemma_.lower())
        if p.role not in ("dobj", "nsubj", "nsubjpass"):
            return
        if counted is None and generic and p.verb.lemma_.lower() in words()["arrival_verbs"]:
            counted = "arrivals"
        if counted is None:
            # ("1.9 million people are living in tents", "8,000 people have been pulled alive": people
            # counted by what they do or undergo, which sets them apart from other people counted)
            doing = p.verb.lemma_.lower()
            if generic and doing not in words()["no_doing"] and self.rules.on("links.figure.people_doing"):
                q.subcategory = doing
                changed(q, "links.figure.people_doing", (p.verb.idx, p.verb.idx + len(p.verb.text)))
            return
        q.counted = q.unit = counted
        changed(q, "links.figure.counted_from_verb", (p.verb.idx, p.verb.idx + len(p.verb.text)))

    def _counted_from_question(self, q: Quantity, p: Phrase) -> None:
        """"How many people have died in the north-west? — Our count today is 1,136.": a bare figure right
        after a question of "how many" counts what the question asks about (in an interview, the answer)."""
        if q.counted or q.unit or q.category not in (None, "other") or not self.rules.on("links.figure.asked"):
            return
        noun = asked_about(p.number)
        if noun is not None:
            q.counted, q.unit = noun.text, noun.lower_
            category_of_noun(q, noun, noun)  # ("how many people have died": what befell them, from the verb)
            changed(q, "links.figure.asked", (noun.idx, noun.idx + len(noun.text)))

    # ------------------------------------------------------------ who reports it

    def _reporter(self, q: Quantity, p: Phrase, by_actor: dict[int, str]) -> None:
        """"The WHO reported 1,051,635 cases", "Bangladesh recorded five new deaths": the subject of a verb
        of reporting whose object is the figure gives it (a sharper source than the claim's speaker)."""
        verb = _reporting_verb(p)
        if verb is None or not self.rules.on("links.figure.reported_by"):
            return
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return
        # (its own words, not a place deep in a phrase after it: "monitors at the crossings of Ouanaminthe")
        own = [t for t in subject.subtree if t.i <= subject.i or (t.head == subject and t.dep_ == "appos")]
        found = next(((by_actor[t.idx], t) for t in own if t.idx in by_actor), None)
        if found is not None:
            q.source = found[0]
            changed(q, "links.figure.reported_by", (found[1].idx, found[1].idx + len(found[1].text)))

    # ------------------------------------------------------------ owner

    def _owner(self, q: Quantity, p: Phrase, by_char: dict[int, str], antecedent: Token | None = None) -> None:
        inside = [t for t in p.noun.subtree if t.i < p.noun.i or t.i == p.noun.i] if p.noun != p.number else []
        named_before = [t for t in antecedent.subtree if t.i <= antecedent.i] if antecedent is not None else []
        candidates = [
            ("links.figure.owner_antecedent", lambda: _coded(named_before, by_char)),
            ("links.figure.owner_named", lambda: _coded(inside, by_char)),
            ("links.figure.owner_from", lambda: _coded(pobj_subtrees(p.noun, ("from",)), by_char)),
            ("links.figure.owner_subject", lambda: self._subject_owner(q, p, by_char)),
            ("links.figure.owner_pledge", lambda: self._pledger(q, p, by_char)),
            ("links.figure.owner_holder", lambda: None if q.category in OWNED_CATEGORIES else holder(
                p.noun, by_char, words()["holder_verbs"])),
            ("links.figure.owner_kind", lambda: _kind_modifier(p)),
            ("links.figure.owner_kind_verb", lambda: _kind_verb(p)),
        ]
        for rule, find in candidates:
            if not self.rules.on(rule):
                continue
            found = find()
            if found is not None:
                q.owner = found[0]
                changed(q, rule, (found[1].idx, found[1].idx + len(found[1].text)))
                return

    def _subject_owner(self, q: Quantity, p: Phrase, by_char: dict[int, str]) -> tuple[str, Token] | None:
        if q.category not in OWNED_CATEGORIES:
            return None
        verbs = [c for c in p.noun.children if c.dep_ == "relcl"]  # "the 10,000 troops Pyongyang has sent"
        if p.verb is not None and p.role in ("dobj", "nsubjpass"):
            verbs.insert(0, p.verb)
        for verb in verbs:
            # (every subject: a dateline is parsed as one too, "SEOUL ... — North Korea has sent")
            inherited = subject_of(verb)
            subjects = [c for c in verb.children if c.dep_ == "nsubj"] or ([inherited] if inherited else [])
            for subject in subjects:
                if subject.dep_ != "nsubjpass" and subject != p.noun:
                    found = _coded(list(subject.subtree), by_char)
                    if found is not None:
                        return found
        return None

    def _pledger(self, q: Quantity, p: Phrase, by_char: dict[int, str]) -> tuple[str, Token] | None:
        """"Japan has promised 3.05 million doses", "the EU pledged 566,000 doses": who pledges things (of no
        owned kind) is theirs to give, and each giver's pledge is followed apart."""
        if q.category in OWNED_CATEGORIES or p.verb is None or p.role != "dobj" \
                or p.verb.lemma_.lower() not in words()["pledge_verbs"]:
            return None
        subject = next((c for c in p.verb.children if c.dep_ == "nsubj"), None)
        return _coded(list(subject.subtree), by_char) if subject is not None else None

    # ------------------------------------------------------------ place

    def _place(self, q: Quantity, p: Phrase, places: list[Place]) -> None:
        heads = [("links.figure.place_of_figure", p.anchors)]
        verbs = [c for c in p.noun.children if c.dep_ == "relcl"]  # "the troops it has sent to Russia"
        if p.verb is not None and p.role in ARGUMENT_DEPS:
            verbs.insert(0, p.verb)
        if verbs:
            heads.append(("links.figure.place_of_verb", verbs))
        if p.noun.dep_ == "conj" or any(c.dep_ == "conj" for c in p.noun.children):
            heads.append(("links.figure.place_of_list", [t for t in conjuncts(p.noun) if t != p.noun]))
        for rule, tokens in heads:
            if not self.rules.on(rule) or (rule == "links.figure.place_of_list" and says_where(p.anchors)):
                continue
            for tok in tokens:
                hit = place_on(tok, places)
                if hit is not None:
                    q.place = hit
                    changed(q, rule, (places[hit].start, places[hit].end))
                    return
        if self._place_there(q, p, places):
            return
        self._unnamed_place(q, p, places)

    def _place_there(self, q: Quantity, p: Phrase, places: list[Place]) -> bool:
        """"In Malatya, the governor said 388 people had been killed there": "there" is the place named last
        before it, in its sentence or the one before."""
        there = next((c for t in [*p.anchors, *([p.verb] if p.verb is not None else [])] for c in t.children
                      if c.lower_ == "there" and c.dep_ == "advmod"), None)
        if there is None or not self.rules.on("links.figure.place_there"):
            return False
        doc = there.doc
        floor = doc[there.sent.start - 1].sent.start_char if there.sent.start > 0 else 0
        before = [i for i, pl in enumerate(places) if floor <= pl.start < there.idx]
        if not before:
            return False
        q.place = before[-1]
        changed(q, "links.figure.place_there", (places[q.place].start, places[q.place].end))
        return True

    def _unnamed_place(self, q: Quantity, p: Phrase, places: list[Place]) -> None:
        """"118,381 cases worldwide", "37 cases in other countries": words that say where without naming
        a place make a kind of count of their own (the owner slot, as "confirmed" does: "37 confirmed
        cases in other countries" are "confirmed in other countries")."""
        if (q.owner is not None and not q.owner.islower()) or not self.rules.on("links.figure.place_unnamed"):
            return
        words_said = where_words(p.anchors, p.verb) or sentence_where(p.number, places)
        if words_said is not None:
            said = words_said.text.lower()
            if q.owner:
                said = f"{q.owner} {said}" if words_said[0].pos_ == "ADV" else f"{q.owner} in {said}"
            q.owner = said
            changed(q, "links.figure.place_unnamed", (words_said.start_char, words_said.end_char))

    # ------------------------------------------------------------ measure and plans

    def _measure(self, q: Quantity, p: Phrase) -> None:
        found = self.rules.first([
            ("links.figure.flow_increment", lambda: increment(p)),
            ("links.figure.flow_rate", lambda: rate(p)),
            ("links.figure.flow_rate_verb", lambda: rate_on_verb(p)),
            ("links.figure.flow_one_day", lambda: one_day(p)),
            ("links.figure.total_period", lambda: period(p)),
        ])
        tok = found[1] if found is not None else None
        if found is None or tok is None:
            q.measure = "stock"
            return
        q.measure = "total" if found[0] == "links.figure.total_period" else "flow"
        changed(q, found[0], (tok.idx, tok.idx + len(tok.text)))

    def _future(self, q: Quantity, p: Phrase) -> None:
        """"The total could reach 10,000 by December", "3,000 more will be sent": a figure its verb puts in
        the future is expected."""
        if q.status is not None or p.verb is None or not self.rules.on("links.figure.expected_future"):
            return
        likely = p.verb.head if p.verb.dep_ == "xcomp" and p.verb.head.lower_ in words()["likely"] else None
        if likely is not None and self.rules.on("links.figure.expected_likely"):
            q.status = "expected"  # "the toll is likely to exceed 10,000", "expected to reach"
            changed(q, "links.figure.expected_likely", (likely.idx, likely.idx + len(likely.text)))
            return
        for verb in [p.verb, *([p.verb.head] if p.verb.dep_ in ("xcomp", "ccomp") else [])]:
            modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in words()["future_aux"]), None)
            # "may have killed two": a modal before "have" doubts the past, it does not foretell
            if modal is not None and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
                q.status = "expected"
                changed(q, "links.figure.expected_future", (modal.idx, modal.idx + len(modal.text)))
                return
        foretelling = words()["forecast_verbs"]
        forecast = next((v for v in [p.verb, *list(p.verb.ancestors)[:3]] if v.lemma_.lower() in foretelling
                         and not any(c.dep_ == "auxpass" for c in v.children)), None)
        if forecast is not None and self.rules.on("links.figure.expected_verb"):
            q.status = "expected"  # ("now expects to be able to make 13 million doses by the end of 2025")
            changed(q, "links.figure.expected_verb", (forecast.idx, forecast.idx + len(forecast.text)))
            return
        deadline = _deadline(p.verb)
        if deadline is not None and self.rules.on("links.figure.expected_by"):
            q.status = "expected"
            changed(q, "links.figure.expected_by", (deadline.idx, deadline.right_edge.idx + len(deadline.right_edge)))

    def _passed_bound(self, q: Quantity, p: Phrase) -> None:
        """"The toll exceeded 10,000", "cases surpassed one million": a bare figure a verb of passing takes as
        its object is a milestone passed, more than the figure ("likely to exceed 10,000": > 10,000)."""
        if q.bound != "=" or q.high is not None or p.noun != p.number or p.verb is None or p.role != "dobj":
            return
        if p.verb.lemma_.lower() in words()["passing_verbs"] and self.rules.on("links.figure.passed_bound"):
            q.bound = ">"
            changed(q, "links.figure.passed_bound", (p.verb.idx, p.verb.idx + len(p.verb.text)))

    def _plan(self, q: Quantity, p: Phrase) -> None:
        if not self.rules.on("links.figure.planned") or p.verb is None:
            return
        plan = words()["plan"]
        for verb in [p.verb, *list(p.verb.ancestors)[:2]]:
            # (what is pledged, its object: "the EU has pledged 566,000 vaccine doses"; but troops or police
            # pledged are yet to be sent: "Ruto has pledged 1,000 police officers" plans them)
            given = q.category == "money" or (verb is p.verb and p.role == "dobj"
                                              and q.category not in ("troops", "security"))
            if given and verb.lemma_.lower() in words()["pledge_verbs"] and self.rules.on("links.figure.pledge_made"):
                changed(q, "links.figure.pledge_made", (verb.idx, verb.idx + len(verb.text)))
                return  # "Canada promised C$80.5 million": the pledge is made, it is what is counted
            # (a participle modifying the noun plans nothing: "1,217 pledged delegates" are delegates)
            if verb.lemma_.lower() in plan and verb.pos_ in ("VERB", "NOUN", "ADJ") and verb.dep_ != "amod":
                q.status = "planned"
                changed(q, "links.figure.planned", (verb.idx, verb.idx + len(verb.text)))
                return
            # ("the government's plan is to vaccinate about 3 million": a plan that "is to" do it)
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb.lemma_ == "be" else None
            if subject is not None and subject.lemma_.lower() in words()["plan_nouns"] \
                    and self.rules.on("links.figure.plan_is_to"):
                q.status = "planned"
                changed(q, "links.figure.plan_is_to", (subject.idx, subject.idx + len(subject.text)))
                return
            if verb.dep_ not in ("xcomp", "ccomp", "acl", "relcl", "advcl", "ROOT", "conj"):
                return

    # ------------------------------------------------------------ the article's story

    def _article_context(self, quantities: list[Quantity], phrases: dict[int, Phrase], tallies: set[int]) -> None:
        if not self.rules.on("links.figure.article_context"):
            return
        last: dict[tuple[str, str | None], Quantity] = {}
        counted: Quantity | None = None
        counts: list[Quantity] = []  # the counts read so far, in text order
        for q in quantities:
            if id(q) in tallies and counted is not None and not q.counted:
                q.counted, q.unit, q.category, q.subcategory = (counted.counted, counted.unit, counted.category,
                                                                counted.subcategory)
                changed(q, "links.figure.article_context", (counted.start, counted.end))
            for rule, find in (("links.figure.same_value", self._same_value),
                               ("links.figure.elided_count", self._elided_count)):
                elided = find(q, phrases.get(id(q)), counts)
                if elided is not None:
                    q.counted, q.unit, q.category, q.subcategory = (elided.counted, elided.unit, elided.category,
                                                                    elided.subcategory)
                    changed(q, rule, (elided.start, elided.end))
                    break
            counted = q if q.counted else counted
            counts += [q] if q.counted and q.unit else []
            key = ((q.unit or q.counted or "").lower(), q.category)
            if not key[0]:
                continue
            before, phrase = last.get(key), phrases.get(id(q))
            if before is None or phrase is None:
                last[key] = q
                continue
            noun_kind = _noun_kind(q, phrase) if q.owner is None and self.rules.on("links.figure.owner_kind") else None
            if noun_kind is not None:  # ("the number of laboratory-confirmed cases ... at about 2,600")
                q.owner = noun_kind[0]
                changed(q, "links.figure.owner_kind", (noun_kind[1].idx, noun_kind[1].idx + len(noun_kind[1])))
            owner = before.owner if q.owner is None and _takes_owner_of(q, before, phrase) else q.owner
            place = before.place if q.place is None and not says_where(phrase.anchors, phrase.verb) else q.place
            if (owner, place) != (q.owner, q.place):
                q.owner, q.place = owner, place
                changed(q, "links.figure.article_context", (before.start, before.end))
            last[key] = q


    def _elided_count(self, q: Quantity, phrase: Phrase | None, counts: list[Quantity]) -> Quantity | None:
        """A large bare figure counts what the article's latest count of the same order counted
        (``counting.elided_count``)."""
        if phrase is None or not self.rules.on("links.figure.elided_count"):
            return None
        return elided_count(q, phrase, counts)

    def _same_value(self, q: Quantity, phrase: Phrase | None, counts: list[Quantity]) -> Quantity | None:
        """A figure that names no counted thing and repeats an earlier count's value is that count
        (``counting.same_value``)."""
        if phrase is None or not self.rules.on("links.figure.same_value"):
            return None
        return same_value(q, phrase, counts)


def _mentions_by_char(actors: list[Actor], coded: bool) -> dict[int, Actor]:
    """Character -> the actor mentioned there (the first listed), of the coded actors only when ``coded``
    (states, bodies, coded groups)."""
    out: dict[int, Actor] = {}
    for actor in actors:
        if coded and not actor.code:
            continue
        for m in actor.mentions:
            for ch in range(m.start, m.end):
                out.setdefault(ch, actor)
    return out


def _deadline(verb: Token) -> Token | None:
    """The "by" of a date a verb of reaching in its bare form is to meet: "(to see the total) reach 10,000 by
    the end of the year"; not "had reached 10,000 by October"."""
    if verb.tag_ != "VB" or verb.lemma_.lower() not in words()["reach_verbs"]:
        return None
    return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
                 and any(t.ent_type_ == "DATE" for t in c.subtree)), None)


def _coded(tokens: list[Token], by_char: dict[int, str]) -> tuple[str, Token] | None:
    for tok in tokens:
        code = by_char.get(tok.idx)
        if code is not None:
            return code, tok
    return None


def _reporting_verb(p: Phrase) -> Token | None:
    """The verb whose subject gives the figure: one of reporting with the figure as its object ("the WHO
    reported 1,051,635 cases"), or one that sets a tally to it ("AFAD put the number of dead at 14,120",
    "the Commission raised the total to €7bn")."""
    w = words()
    if p.verb is not None and p.role == "dobj" and p.verb.lemma_.lower() in w["report_verbs"]:
        return p.verb
    via = p.number.head if p.number.dep_ == "pobj" and p.number.head.lower_ in ("at", "to") else None
    setter = via.head if via is not None else None
    if setter is not None and setter.pos_ == "VERB" and setter.lemma_.lower() in w["put_verbs"]:
        return setter
    return None


def _bare(p: Phrase) -> bool:
    """A counted noun with no modifier of its own: "12,000 troops", not "12,000 Russian troops"."""
    return not any(c.dep_ in ("amod", "compound", "poss") for c in p.noun.children)


def _takes_owner_of(q: Quantity, before: Quantity, p: Phrase) -> bool:
    """A bare count takes the owner of the article's count of that thing before it; a kind is not carried to
    a counted phrase with a word of its own ("3,000 suspected cases" after "572 confirmed cases")."""
    kind = before.owner is not None and before.owner.islower()
    return _bare(p) and not (kind and len((q.counted or "").split()) > 1)


def _adding_subject(tally: Token) -> Token | None:
    """What is added to a total by a verb that takes it somewhere ("the latest arrivals took the total to
    22,000"): the verb's subject, a noun of things (not "officials put the total at 40")."""
    verb = tally.head
    if tally.dep_ != "dobj" or verb.lemma_.lower() not in words()["adding_verbs"]:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ == "NOUN" else None


def _noun_kind(q: Quantity, p: Phrase) -> tuple[str, Token] | None:
    """The kind a counted noun found away from the number gives it ("the number of laboratory-confirmed
    cases ... at about 2,600": confirmed), its last word when hyphenated."""
    found = next((step for step in q.trace if step[0] == "quantities.counted.figure_noun"), None)
    if found is None or not isinstance(found[1], int) or not isinstance(found[2], int):
        return None
    span = p.number.doc.char_span(found[1], found[2], alignment_mode="expand")
    if span is None:
        return None
    skip = words()["no_kind"]
    for child in span.root.children:
        word = child.lower_.rsplit("-", 1)[-1]
        if child.dep_ == "amod" and child.i < span.root.i and word.isalpha() and word not in skip:
            return word, child
    return None


def _kind_verb(p: Phrase) -> tuple[str, Token] | None:
    """"Burundi has confirmed 170 cases": the verb whose object the counted things are gives their kind."""
    if p.verb is None or p.role != "dobj":
        return None
    kind = verb_table("kind_verbs").get(p.verb.lemma_.lower())
    return (kind, p.verb) if kind is not None else None


def _kind_modifier(p: Phrase) -> tuple[str, Token] | None:
    if p.noun == p.number:
        return None
    skip = words()["no_kind"]
    for child in p.noun.children:
        if child.dep_ == "amod" and child.i < p.noun.i and child.pos_ in ("ADJ", "VERB") \
                and child.lower_ not in skip and child.lemma_.lower() not in skip and child.is_alpha:
            return child.lower_, child
    return None


