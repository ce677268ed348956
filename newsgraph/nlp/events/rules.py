"""The rules of the events stage, in the order the stage applies them: one name and one line each.

Every event records the rule that produced it (its trigger rule) and every rule that changed it after
(``Event.rule``, ``Event.trace``; ``newsgraph explain`` prints them), and any rule can be switched off in
the component's config (``rules_off``), for ablation (``bench/ablate.py``). The steps: ``trigger`` (which
words state an event), ``overlap`` and ``merge`` (one event per statement), ``actor`` (who a phrase
names: collectives, places as states, pronouns), ``source`` and ``target`` (the participants, target
rules in the order they are tried), ``nominal`` and ``clause`` (where a noun's arguments and clause are),
``filter`` (events dropped or kept), ``status``, ``type`` and ``mode`` (changes PLOVER asks for), ``time``,
``place``, ``claim``, ``coref`` (restatements of one event).
"""

from __future__ import annotations

from newsgraph.nlp.rules import Rule, RuleTable

_RULES: list[Rule] = []


def _rule(name: str, what: str) -> str:
    _RULES.append(Rule(name, what))
    return name


# ---------------------------------------------------------------------------------- triggers
VERB = _rule("events.trigger.verb", "a verb that verbs.tsv lists, the conditions of its row met: "
             "'Russia attacked Ukraine' (ASSAULT)")
NOUN = _rule("events.trigger.noun", "a noun (or a gerund in a noun's place) that nouns.tsv lists, the conditions "
             "of its row met: 'the invasion of Ukraine' (ASSAULT)")
NAME = _rule("events.trigger.name", "a word inside a named entity is a name, no event: 'the Democratic Rally'")
RECORDING = _rule("events.trigger.recording", "a camera, video or footage records, it does not act: "
                  "'Video captured Trump leaving' (no COERCE)")
WEAPONS_TEST = _rule("events.trigger.weapons_test", "'test-fired a missile' is a weapons test (MOBILIZE, weapons)")
COMMITMENT = _rule("events.trigger.commitment", "an agreeing verb needs something committed to: "
                   "'agreed that the talks went well' is an opinion (no AGREE)")
WALKOUT_BUILDING = _rule("events.trigger.walkout_building", "one walks out of talks or assemblies only: "
                         "'walked out of the courthouse' (no protest)")
CAMPAIGN_RALLY = _rule("events.trigger.campaign_rally", "a rally of an electoral campaign is no protest: "
                       "'a campaign rally', 'rallied for his re-election'")
WAR_TOLL = _rule("events.trigger.war_toll", "the toll of a whole conflict, nobody doing it, is a figure: "
                 "'600,000 soldiers have been killed in the war'")
QUALIFIER_NOUN = _rule("events.trigger.qualifier_noun", "an event noun that only qualifies another noun names "
                       "that thing: 'aid workers', 'attack helicopters' (not 'mediation efforts')")
IDIOM = _rule("events.trigger.idiom", "'a big deal', 'a great deal of' are idioms, no accord")
COUNTED_ONE = _rule("events.trigger.counted_one", "a plural-or-mass noun counted as one is no event: "
                    "'a TED talk' (lecture), unlike 'talks'")
FORMAL_PROTEST = _rule("events.trigger.formal_protest", "a protest lodged or filed is a formal complaint: "
                       "'lodged an official protest with Albania' (ACCUSE)")
OBLIGATION = _rule("events.trigger.obligation", "'X said Y must/should/needs to do Z' is a demand: REQUEST X->Y")
ORDER = _rule("events.trigger.order", "an imperative in speech is an order to whom it is told: "
              "''Withdraw your troops,' Biden told Putin' (REQUEST)")

# ---------------------------------------------------------------------------------- participants of verbs
TEXT_AUTHOR = _rule("events.source.text_author", "who issues a text or fires a weapon does what it does: "
                    "'issued a declaration demanding ...', 'fired missiles targeting US troops'")
SUBJECT = _rule("events.source.subject", "the subject of an active verb does it: 'Russia attacked Ukraine' (RUS)")
PASSIVE_SUBJECT = _rule("events.target.passive_subject", "the subject of a passive undergoes it: "
                        "'Ukraine was attacked' (UKR)")
AGENT = _rule("events.source.agent", "the 'by' agent of a passive does it: 'was attacked by Russia' (RUS)")
OBJECT = _rule("events.target.object", "the object is the target, not the source's own: 'Russia attacked Ukraine' "
               "(UKR); 'offered its troops to Mali' (not its own troops)")
PLACE_OBJECT = _rule("events.target.place_object", "a place acted upon stands for its state: 'shelled Juba' (SSD)")
THEME_SOURCE = _rule("events.source.theme", "the demonym or possessor of what is moved or given names who moves it: "
                     "'North Korean troops moved' (PRK)")
THEME_OF = _rule("events.source.theme_of", "... or that of its 'of' object: 'a patch of Bangladeshi troops' (BGD)")
THEME_PREP = _rule("events.target.theme_prep", "what is moved or given goes where its preposition says: "
                   "'sent troops to Russia', 'provision of ammunition to Russia'")
STAND_DOWN_PLACE = _rule("events.target.stand_down_place", "forces stand down where they operate: "
                         "'guerrillas operating in Macedonia have been demobilized' (MKD)")
PREP_OBJECT = _rule("events.target.prep_object", "the first actor named by a target preposition of the type: "
                    "'shared evidence with the U.S.', 'launched an attack on Ukraine'")
MET_AT = _rule("events.target.met_at", "people met belong to where they are met: "
               "'addressed officials at NATO headquarters' (NATO)")
CONTROL_OBJECT = _rule("events.target.control_object", "a control verb's complement names the target: "
                       "'agreed to help Ukraine', 'vowed to cooperate with Serbia'")
SUMMONED = _rule("events.target.summoned", "who is summoned is complained to: "
                 "'summoned the Russian ambassador to complain' (RUS)")
ASKED_OF = _rule("events.target.asked_of", "what a demand asks for is aimed at the party its act is on or against: "
                 "'called for international pressure on the junta' (the junta, no IGO)")
CLAUSE_SUBJECT = _rule("events.target.clause_subject", "the subject of a demanded or alleged clause is addressed: "
                       "'demanded that Hamas renounce ...', 'its demand that Israel ease ...'")
AUTHOR = _rule("events.target.author", "a response is aimed at the author of what it answers: "
               "'rejected a U.S. request' (USA), 'violated a ban imposed by France'")
CONDITION = _rule("events.target.condition", "a conditional act is addressed to who must act: "
                  "'will withdraw unless Germany sends aid' (DEU)")
PURPOSE = _rule("events.target.purpose", "an act with no target is aimed at what its purpose names: "
                "'marched to show their anger at France' (FRA)")
MET_BOTH_WAYS = _rule("events.target.met_both_ways", "a meeting is mutual: 'Putin met Kim' makes each both "
                      "source and target")
JOINT = _rule("events.target.joint", "each side of a joint act (CONSULT, AGREE, COOPERATE) is the other's target: "
              "'Putin and Kim met'")
RECIPROCAL = _rule("events.target.reciprocal", "the sides of a reciprocal verb act on each other: "
                   "'Armenia and Azerbaijan fought'")
PLACE = _rule("events.target.place", "the state of the place where the act lands: 'arrived in Amman' (JOR), "
              "'imposed a curfew in Bamako' (MLI)")
DOMESTIC = _rule("events.target.domestic", "a protest naming no target is aimed at the protesters' own government: "
                 "'Iraqi Kurds demonstrated' (IRQ)")
HOME_FRONT = _rule("events.target.home_front", "a state's police act on its own people: "
                   "'Egyptian police dispersed demonstrators' (EGY, GRP:DEMONSTRATOR)")
CLAUSE_ACTOR = _rule("events.target.clause_actor", "last resort: the first other coded actor after the trigger in "
                     "its own clause: 'Russia closed its southern borders with Iran'")
TRAINING = _rule("events.type.training", "training another's forces is military cooperation: "
                 "'France trained Malian soldiers' (COOPERATE, military)")

# ---------------------------------------------------------------------------------- participants of nouns
COMPOUND_HEAD = _rule("events.nominal.compound_head", "the head of a compound carries the arguments: "
                      "'a mediation effort between X and Y'")
SPAN_OF_TIME = _rule("events.nominal.span_of_time", "a span of time of an act stands for it in the clause: "
                     "'launched 10 days of war games'")
PATIENT_POSSESSOR = _rule("events.target.patient_possessor", "a person's killing or arrest is undergone: "
                          "'Navalny's arrest' (the target)")
POSSESSOR = _rule("events.source.possessor", "the possessor or an actor modifier of an event noun does it: "
                  "'Russia's invasion', 'a Ukrainian incursion'")
BY_AGENT = _rule("events.source.by_agent", "the 'by' phrase of an event noun does it: 'the attack by Hamas'")
NOUN_THEME = _rule("events.source.noun_theme", "the demonym of what a noun moves or gives names who does: "
                   "'the deployment of North Korean soldiers' (PRK)")
OF_OBJECT = _rule("events.target.of_object", "the 'of' object of an event noun is the target: "
                  "'the invasion of Ukraine' (UKR)")
BETWEEN = _rule("events.target.between", "the sides of 'between' are targets, and sources unless mediated: "
                "'talks between X and Y', 'a mediation between X and Y'")
VICTIM_SUBJECT = _rule("events.target.victim_subject", "the subject of a verb of suffering suffers the act: "
                       "'Tunisia is facing terrorist attacks', 'eight soldiers died in the attack'")
SUPPORT_SUBJECT = _rule("events.source.support_subject", "the subject of a support verb does its noun: "
                        "'Russia launched an attack' (not 'France condemned the attack')")
DATIVE = _rule("events.target.dative", "the dative of a support verb is the target: 'gave Ukraine aid'")
SUPPORT_CLAUSE = _rule("events.clause.support_verb", "a support verb's clause gives the noun's status and time: "
                       "'will hold talks' (planned)")
TARGET_NOUN = _rule("events.target.target_noun", "what is 'the target of' an act is its target: "
                    "'the region that was the target of a Ukrainian incursion'")
DURING_PROTEST = _rule("events.source.during_protest", "who acts during a protest protests: "
                       "'youths threw stones during demonstrations against Israel'")
PARTICIPATION = _rule("events.nominal.participation", "the subject of a verb one takes part by takes part, its clause "
                      "gives status and time: 'were engaged in ethnic cleansing', 'remained on alert'")

# ---------------------------------------------------------------------------------- one event per statement
ACCUSED_DOER = _rule("events.overlap.accused_doer", "the one accused is who did the act complained of: "
                     "'condemned the attack by Hamas on Israel' (HAMAS, not ISR)")
REQUEST_DOER = _rule("events.overlap.request_doer", "a demanded act's doer is the one asked: "
                     "'demanded the withdrawal of Serbian forces' (SRB)")
ABSORB_NOUN = _rule("events.overlap.absorb_noun", "a verb marked absorb keeps its type over its event-noun object: "
                    "'lifted the blockade' (one RETREAT)")
NOUN_EVENT = _rule("events.overlap.noun_event", "a support verb, or one of the same type, gives way to its "
                   "event-noun object: 'imposed sanctions', 'signed an agreement'")
CONTROL = _rule("events.overlap.control", "a control verb takes in the acts of its complement: "
                "'agreed to withdraw' (one AGREE)")
CLAUSE_ADDRESSEE = _rule("events.overlap.clause_addressee", "who is to act in a demanded that-clause is addressed: "
                         "'demanding that the Turkish government provide ...' (TUR)")
VOW_THREAT = _rule("events.overlap.vow_threat", "a promise of violence is a threat: 'vowed to retaliate' (THREATEN)")
CONTENT_CLAUSE = _rule("events.overlap.content_clause", "a statement noun's that-clause is its content, no event: "
                       "'its demand that Israel ease restrictions'")
BARE_SUPPORT_VERB = _rule("events.overlap.bare_support_verb", "a support verb with no object is no event: "
                          "'the aid they provide'")
OWN_NOUN = _rule("events.merge.own_noun", "a verb and a same-type noun under it are one event: "
                 "'marched in London during an anti-Brexit march'")
INVESTIGATION = _rule("events.merge.investigation", "sending people to investigate is the investigation: "
                      "'sent inspectors to Mali to investigate' (ACCUSE)")
PROTEST_CONTENT = _rule("events.merge.protest_content", "what a protest demands or denounces is its content: "
                        "'marched to demand reforms' (one PROTEST)")
LINKED = _rule("events.merge.linked", "same-type triggers in a coordination or complement are one event: "
               "'killed or wounded', 'visited X to hold talks'")
SHARED = _rule("events.target.shared", "a material act takes the target of its source's other act in the sentence: "
               "'sending troops to Y ... the delivery of X's weapons' (Y)")
SENTENCE_ACTOR = _rule("events.target.sentence_actor", "last resort: the first other actor after the trigger in the "
                       "act's phrase, at any depth: 'rejected an invitation to a meeting of Syrian factions' (SYR)")
ANSWERED_ACCUSATION = _rule("events.target.answered_accusation", "a denial answers the last accusation against "
                            "its source: 'Pompeo accused Iran ... Iran denied the accusation' (USA)")

# ---------------------------------------------------------------------------------- actors of the events
COLLECTIVE = _rule("events.actor.collective", "a collective with no code is a group GRP:<HEAD>: "
                   "'Rebels attacked the town' (GRP:REBEL)")
GROUP_OF_STATE = _rule("events.actor.group_of_state", "a group whose phrase names a state is that state's, apart "
                       "from its government: 'Sudanese rebels' (SDN)")
NAMED_AFTER_PLACE = _rule("events.actor.named_after_place", "a group named after a place is that place's state's: "
                          "'Darfur rebels' (SDN)")
PLACE_STATE = _rule("events.actor.place_state", "a place no actor covers stands for its state: 'shelled Juba' (SSD)")
MEMBERS_OF = _rule("events.actor.members_of", "a head naming no actor stands for the one its of/from/at/in phrase "
                   "names: 'officials of X', 'positions of X', 'crimes by Croatian extremists'")
PEOPLE_IN_PLACE = _rule("events.actor.people_in_place", "people in a place belong to its state: "
                        "'demonstrators in Baghdad' (IRQ)")
DOMESTIC_FORCE = _rule("events.actor.domestic_force", "police and security forces are a state's forces where they "
                       "act: 'police in Kenya' (KEN), unlike 'troops in Syria'")
ANTI = _rule("events.actor.anti", "an 'anti-X' modifier names X's opponents, not X: 'an anti-Houthi coalition'")
COUNTED_STATES = _rule("events.actor.counted_states", "'the two countries', 'both nations' are the states named "
                        "last before them, as many as the phrase counts: 'Russia intended to deploy troops from North "
                        "Korea ... pressure on the two countries' (RUS, PRK)")
FIRST_PERSON = _rule("events.actor.first_person", "'I' or 'we' in a quotation is its speaker: "
                     "''I reject the blockade,' Parrilla wrote'")
WE_BODY = _rule("events.actor.we_body", "'we' of a speaker who acts for a state or body is that state or body")
PRONOUN_REPORTER = _rule("events.actor.pronoun_reporter", "a subject pronoun in a reported clause is the reporter: "
                         "'Germany said it would impose sanctions' (DEU)")
PRONOUN_MAIN_SUBJECT = _rule("events.actor.pronoun_main_subject", "a main-clause subject pronoun is the previous "
                             "main-clause subject: 'Germany said Russia lied. It accused ...' (DEU)")
PRONOUN_SUBJECT = _rule("events.actor.pronoun_subject", "else a pronoun is the nearest fitting actor inside a subject "
                        "(this sentence or the one before)")
PRONOUN_OBJECT = _rule("events.actor.pronoun_object", "an object pronoun may go back to any fitting actor: "
                       "'detained Ali Khan and later released him'")
NOT_OWN_SUBJECT = _rule("events.actor.not_own_subject", "an object pronoun is never its own clause's subject: "
                        "'Germany said it would impose sanctions on it' (not DEU)")

# ---------------------------------------------------------------------------------- events kept or dropped
OWN_TARGET = _rule("events.filter.own_target", "an actor is not its own target, nor a person's own state: "
                   "'Trump withdrew the US from ...' (not USA)")
LONE_SIDE = _rule("events.filter.lone_side", "one side alone meets no one: its own target is dropped")
LOCATE_GROUP = _rule("events.target.locate_group", "a collective acted upon in a place of a state is that state's: "
                     "'police arrested students in Jakarta' (IDN, GRP:STUDENT)")
NOBODY = _rule("events.filter.nobody", "an event nobody named does to anybody named is dropped; one named actor "
               "without a code keeps it: 'Askar Akayev agreed to resign'")
CONSULT_PARTY = _rule("events.filter.consult_party", "a CONSULT needs a side that meets and one met (a place only "
                      "for a visit): 'hosted the championship', 'gave a talk' (none)")
RALLY = _rule("events.filter.rally", "a rally is a PROTEST only held by a collective, against someone or to protest: "
              "'Trump held a rally in Nevada' (none)")

# ---------------------------------------------------------------------------------- status
NEGATION = _rule("events.status.negation", "negated by 'not' or 'no' on the clause: 'Russia did not attack'")
NO_PARTICIPANT = _rule("events.status.no_participant", "negated by 'no' on a participant: 'no troops were deployed'")
FAILED = _rule("events.status.failed", "negated by a verb of failure above it: 'failed to reach an agreement'")
CALLED_OFF = _rule("events.status.called_off", "negated when called off: 'stop attacking', 'ceased shelling'")
IMPERATIVE = _rule("events.status.imperative", "hypothetical in an imperative: 'Stop the war'")
PLOT = _rule("events.status.plot", "planned in a plan or plot: 'was developing plans to attack'")
HYPOTHETICAL_CONDITION = _rule("events.status.condition", "hypothetical under 'if', 'unless', 'whether': "
                               "'If Russia attacks ...'")
FUTURE = _rule("events.status.future", "planned under 'will' or 'shall': 'Blinken will meet ...'")
MODAL = _rule("events.status.modal", "hypothetical under 'could', 'might', 'may': 'Russia could send troops'")
EXPECTED = _rule("events.status.expected", "expected under a forecast: 'is expected to visit', 'likely to'")
INTENTION_STATUS = _rule("events.status.intention", "planned under an intention: 'plans to deploy', 'is willing to'")
FUTURE_IN_PAST = _rule("events.status.future_in_past", "planned under a reported 'would': 'said it would withdraw'")
REPORT_ADVERB = _rule("events.status.report_adverb", "reported under 'reportedly', 'allegedly' on its clause")
CLAIM_MODALITY = _rule("events.status.claim", "the modality of the claim that contains it: 'officials said that "
                       "Russia attacked' (reported)")
ACCORDING_TO = _rule("events.status.according_to", "reported in a sentence 'according to' someone")
UNDER_REPORT = _rule("events.status.under_report", "reported in what reports say: 'reports suggesting that ...'")

# ---------------------------------------------------------------------------------- types and modes
REFUSAL = _rule("events.type.refusal", "a cooperative act the actor will not do is a REJECT: "
                "'will not accept the proposal', 'failed to reach an agreement'")
CONDITIONAL_THREAT = _rule("events.type.conditional_threat", "an act held over someone on a condition is a THREATEN: "
                           "'will withdraw unless ...', 'would attack if ...'")
CONDITIONAL_OFFER = _rule("events.type.conditional_offer", "a cooperative act on an 'if' is an offer (AGREE): "
                          "'would meet him if ...'")
VERBAL_ATTACK = _rule("events.type.verbal_attack", "one person attacking another with no weapon in sight is "
                      "criticism: 'Biden attacked Trump for the deaths' (ACCUSE)")
SHOW_OF_FORCE = _rule("events.type.show_of_force", "a missile launched into the sea is a show of force: "
                      "'launched two missiles into the sea' (MOBILIZE, weapons)")
READYING = _rule("events.type.readying", "readying force is MOBILIZE: 'the army prepared to attack'")
INTENTION = _rule("events.type.intention", "a stated intention is the promise or threat it is: "
                  "'will provide aid' (AGREE), 'threatened to impose sanctions' (THREATEN)")
MODE_AERIAL = _rule("events.mode.aerial", "an assault from the air: 'launched air strikes on Ukraine' (aerial)")
MODE_WEAPONS = _rule("events.mode.weapons", "weapons moved, no troops: 'moved missiles to the border' (weapons)")
MODE_POLICE = _rule("events.mode.police", "police moved: 'deployed riot police' (police)")
FUTURE_DATE = _rule("events.status.future_date", "an act dated after publication is planned: 'talks next month'")

# ---------------------------------------------------------------------------------- time, place, claim
TIME_GOVERNING = _rule("events.time.governing", "the date the times stage gives the trigger, if of its own clause")
TIME_CLAUSE = _rule("events.time.clause", "else the date nearest the trigger inside its own clause")
TIME_PUBLISHED = _rule("events.time.published", "else the publication date")
PLACE_IN_EVIDENCE = _rule("events.place.evidence", "the first place inside the evidence that stands for no actor")
CLAIM_LINK = _rule("events.claim.containing", "the smallest claim that contains the trigger")

# ---------------------------------------------------------------------------------- restatements
SAME_DYAD = _rule("events.coref.same_dyad", "two fitting statements of the same dyad, anywhere in the article, "
                  "are one event")
NEAR = _rule("events.coref.near", "two fitting statements in the same or the next sentence are one event")
SAME_WORD = _rule("events.coref.same_word", "two fitting one-sided statements with the same word are one event: "
                  "'the deployment' ... 'were deployed'")
TIMES_APART = _rule("events.coref.times_apart", "dates in the text that cannot hold together keep statements apart")
PLACES_APART = _rule("events.coref.places_apart", "two places below country level, neither inside the other, keep "
                     "statements apart")
DATED_RESTATEMENT = _rule("events.coref.dated_restatement", "an event dated by publication takes the date a "
                          "restatement states")

RULES = RuleTable("events", _RULES)
