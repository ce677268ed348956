"""The actors stage: persons, states, organizations and armed groups, with their mentions.

What it recognises, in order (each step a module, each decision a named rule of rules.py, recorded on the
actor it made or changed with the text it used as evidence; `newsgraph explain` prints them):

1. lexicon names (lexical.py, actors.lexicon.*): states and their short forms ("U.S."), demonyms ("North
   Korean" -> PRK), capitals and seats used as governments ("Moscow and Pyongyang have worked", "the
   Kremlin said"; senses.py, actors.capital.*), IGOs ("NATO"), national bodies ("the Pentagon" -> USA),
   armed groups ("Hamas"), bare services ("the Iraqi Army"), and ethnic, religious and linguistic groups
   ("the Kurds", "Yazidi women", "Arabic-speaking"), coded GRP:<PEOPLE> and never a state, or the people of
   one state where a demonym qualifies them ("Iraqi Kurds" act for Iraq);
2. persons (persons.py, actors.person.*): spaCy PERSON entities, cleaned of possessive endings and
   titles, with role and affiliation (titles.py, actors.title.*, actors.affiliation.*, actors.role.*) from
   the title phrase before the name ("Russian President Vladimir Putin"), an apposition ("Kim Jong Un,
   North Korea's leader" / "its leader, Kim Jong Un"), a state after it ("President X of Sudan"), a
   coordinated title sharing its country ("U.S. Defense Secretary X and Secretary of State Y"), or the
   counterparts someone meets ("Blinken met his Chinese counterpart, Wang Yi");
   and names the tagger mislabels or leaves out (repair.py, actors.repair.*): a titled name swallowed by
   another entity ("President Obama" tagged ORG), an ORG-tagged name with an apposed or courtesy title, a
   titled name left untagged ("Special Advisor Thames"), the leader a government is named for ("the Asad
   regime"), a full name, first name or surname repeated under another label;
   then titles that are mentions of a named person (title_mentions.py): a title written out beside the
   name ("Minister for the Middle East, Tobias Ellwood, said") and a title alone ("the Foreign Secretary
   said", also in a headline before the name);
3. organizations (orgs.py, actors.org.*): spaCy ORG entities that are not title words split off by the
   tagger ("Defense", "State") nor places it mislabelled ("Danbury", "near Sinjar"), with the country of a
   possessive, an adjective or a state inside them ("South Korea's National Intelligence Service"), and
   acronyms defined in brackets ("... Fund (SRTF)");
4. merging (merge.py, actors.merge.*): mentions of one actor are one actor; a surname alone joins the first
   full name ("Rutte" = "Mark Rutte", "Abadi" = "Haider al-Abadi"), and so does a first name.

A name the article writes where a place goes ("fled from X", "out of Kobane", "Mosul and Raqqah") and the
gazetteer knows is a place everywhere in the article, not a person or an organization; a country's name
that is also a division of another country the article is about ("Georgia" beside "Atlanta") is left to
the places stage (senses.py).
``actor_at`` helps later stages map a span to an actor (and lexicon.actor_code an actor to a code).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Actor
from newsgraph.nlp.actors.candidates import Cand, Context, Resources, Settings, tokens_of
from newsgraph.nlp.actors.lexical import lexicon_matcher, lexicon_mentions
from newsgraph.nlp.actors.lexicon import load_actor_lexicon, load_actor_words
from newsgraph.nlp.actors.merge import merge
from newsgraph.nlp.actors.orgs import org_mentions
from newsgraph.nlp.actors.persons import person_mentions
from newsgraph.nlp.actors.repair import acronym_mentions, known_as_mentions
from newsgraph.nlp.actors.rules import RULES
from newsgraph.nlp.places.gazetteer import load as load_gazetteer


class ActorsComponent:
    """Finds the mentions of actors in a Doc (``match``) and merges them into ``doc._.actors``
    (``set_annotations``). It keeps nothing of one Doc: what it learns of a document lives in a Context."""

    def __init__(self, nlp: Language, rules_off: list[str] | tuple[str, ...] = (),
                 settings: Settings | None = None) -> None:
        lex, words = load_actor_lexicon(), load_actor_words()
        self.res = Resources(lex, words, load_gazetteer(), RULES.switched_off(rules_off), settings or Settings())
        self.matcher = lexicon_matcher(nlp, lex, words)

    def __call__(self, doc: Doc) -> Doc:
        ctx = Context(doc, self.res)
        doc._.actors = self.set_annotations(ctx, self.match(ctx))
        return doc

    def match(self, ctx: Context) -> list[Cand]:
        """Every candidate mention, in text order: lexicon names, persons, organizations."""
        lexical = lexicon_mentions(ctx, self.matcher)
        ctx.set_lexical(lexical)
        taken = tokens_of(lexical)
        persons = person_mentions(ctx, taken)
        taken |= tokens_of(persons)
        orgs = org_mentions(ctx, taken, persons)
        if ctx.on("actors.repair.acronym"):
            orgs += acronym_mentions(ctx, orgs, taken | tokens_of(orgs), lexical)
        if ctx.on("actors.repair.known_as"):
            aliases = known_as_mentions(ctx, persons, tokens_of(lexical))
            held = tokens_of(aliases)  # (the tagger's "Barbecue", an organization or a person, is the other name)
            orgs = [c for c in orgs if not any(i in held for i in range(*c.tokens))]
            persons = [c for c in persons if not any(i in held for i in range(*c.tokens))] + aliases
        return sorted(lexical + persons + orgs, key=lambda c: (c.start, -c.end))

    def set_annotations(self, ctx: Context, cands: list[Cand]) -> list[Actor]:
        """The actors the candidates make, each with the rules that made and changed it."""
        return merge(ctx, cands)


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


DEFAULT_SETTINGS = Settings()


@Language.factory(
    "newsgraph_actors",
    requires=["doc.ents", "token.dep", "doc._.times"],
    assigns=["doc._.actors"],
    default_config={
        "rules_off": [],
        "max_title_phrase": DEFAULT_SETTINGS.max_title_phrase,
        "known_place_population": DEFAULT_SETTINGS.known_place_population,
        "division_population": DEFAULT_SETTINGS.division_population,
        "max_untagged_name": DEFAULT_SETTINGS.max_untagged_name,
        "counterpart_sentences": DEFAULT_SETTINGS.counterpart_sentences,
    },
)
def make_actors(nlp: Language, name: str, rules_off: list[str], max_title_phrase: int, known_place_population: int,
                division_population: int, max_untagged_name: int, counterpart_sentences: int) -> ActorsComponent:
    settings = Settings(max_title_phrase=max_title_phrase, known_place_population=known_place_population,
                        division_population=division_population, max_untagged_name=max_untagged_name,
                        counterpart_sentences=counterpart_sentences)
    return ActorsComponent(nlp, rules_off, settings)
