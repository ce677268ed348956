"""The rules of the actors stage, in the order it applies them (newsgraph.nlp.rules).

Steps: ``lexicon`` (names the lexicons know, and the tests that leave a match to others), ``capital`` (when
a capital stands for its government), ``person`` (PERSON entities), ``title`` (titles beside a name, and
titles that are mentions), ``affiliation`` (whom a person or body acts for), ``role`` (the office a title
stands for), ``repair`` (names the tagger mislabels or leaves out), ``org`` (ORG entities), ``merge``
(mentions joined into one actor) and ``code`` (stable codes). A rule switched off in the component's config
(``rules_off``) simply does not fire.
"""

from __future__ import annotations

from newsgraph.nlp.rules import Rule, RuleTable

RULES = RuleTable("actors", [
    # step 1: lexicon names ---------------------------------------------------------------------
    Rule("actors.lexicon.people", 'an ethnic, religious or linguistic group by noun or adjective: "the Kurds", '
                                  '"Yazidi women" -> GRP:KURD, GRP:YAZIDI'),
    Rule("actors.lexicon.people_surname", 'a people\'s word that is someone\'s surname is not the people: '
                                          '"Rukhsana Baloch ... Baloch said"'),
    Rule("actors.lexicon.people_as_surname", 'a people\'s word right after an untagged given name is a surname: '
                                             '"Qandeel Baloch"'),
    Rule("actors.lexicon.people_inside_name", 'a people\'s word inside a longer name is not the people: '
                                              '"Christian Lindner", "the Syrian Arab Army"'),
    Rule("actors.lexicon.language", 'a people\'s word that names a language is no actor: "in Kurdish", '
                                    '"the Kurdish language"'),
    Rule("actors.lexicon.people_outside", 'those outside a group are not the group: "ex-Muslims", "non-Hindus"'),
    Rule("actors.lexicon.speakers", 'the speakers of a language are its people: "Arabic-speaking" -> GRP:ARAB'),
    Rule("actors.lexicon.people_of_state", 'a demonym before a people makes the people of that state: '
                                           '"Iraqi Kurds" act for IRQ'),
    Rule("actors.lexicon.service_inside_name", 'a service word inside a longer name is left to the ORG entity: '
                                               '"Royal Air Force"'),
    Rule("actors.lexicon.service_headline", 'a service word opening a headline in capitals is no mention: '
                                            '"Army Chief Speaks"'),
    Rule("actors.lexicon.coalition", '"the Coalition" after a named coalition is that coalition: '
                                     '"Global Coalition Against Daesh ... the Coalition said"'),
    Rule("actors.lexicon.service", 'a bare service or alliance is an organization: "the Army", "Coalition forces"'),
    Rule("actors.affiliation.service_state", 'a service takes the state or demonym written before it: '
                                             '"the Nigerian Army" -> NGA'),
    Rule("actors.lexicon.person_name", 'a state, demonym or seat inside a PERSON entity is the person\'s: '
                                       '"Jordan said" (Jordan Peterson), "Chad ..."'),
    Rule("actors.lexicon.state_tagged_person", 'a PERSON entity that is a state\'s whole name is the state: '
                                               '"Sri Lanka said" tagged PERSON'),
    Rule("actors.lexicon.demonym_before_name", 'a demonym opening a PERSON entity qualifies the name: '
                                               '"Syrian Ahmad Hassan" -> SYR'),
    Rule("actors.lexicon.demonyms_only", 'a PERSON entity of demonyms and people\'s words names no one: '
                                         '"Bosnian Serbs"'),
    Rule("actors.lexicon.division", 'a country\'s name that is a division of the country the article is about is '
                                    'the division: "Georgia" beside "Atlanta"'),
    Rule("actors.lexicon.first_name", 'a state\'s name used as the first name of someone named before is theirs: '
                                      '"Jordan Mills ... Jordan studied"'),
    Rule("actors.lexicon.inside_name", 'a capital inside a longer name is no government: "Real Madrid", '
                                       '"Air Berlin"'),
    Rule("actors.lexicon.state", 'a state\'s name or short form is the state: "U.S." -> USA'),
    Rule("actors.lexicon.demonym", 'a demonym is a mention of its state: "North Korean" -> PRK'),
    Rule("actors.lexicon.seat_surname", 'a capital that is the surname of someone named before is the person: '
                                        '"Sudesh Amman ... Amman, who"'),
    Rule("actors.lexicon.seat_building", 'a seat building stands for its government: "the Kremlin said" -> RUS'),
    Rule("actors.lexicon.building_located", 'a seat building where something happens is a place: '
                                            '"outside the White House"'),
    Rule("actors.lexicon.capital", 'a capital the sentence makes act is its government: "Moscow said" -> RUS '
                                   '(the actors.capital.* rules decide)'),
    Rule("actors.lexicon.group", 'an armed group the lexicon knows: "Hamas" -> HAMAS'),
    Rule("actors.lexicon.national_society", "a movement's short name after a country's name or demonym is that "
                                            "country's own society: 'the Turkish Red Crescent' (not the IFRC)"),
    Rule("actors.lexicon.another_states_body", "a national body's name after another state's name or demonym is "
                                               "that state's body: \"Russia's Ministry of Defence\" (not the UK's)"),
    Rule("actors.lexicon.igo", 'an intergovernmental organization: "NATO", "the UN"'),
    Rule("actors.lexicon.national_body", 'a national body that stands for its state: "the Pentagon" -> USA'),
    Rule("actors.lexicon.hyphen_prefix", 'a state or people before a hyphen inside one token: "U.S.-provided", '
                                         '"Kurdish-held"'),
    # when a capital acts ------------------------------------------------------------------------
    Rule("actors.capital.dateline", 'a dateline or a city with its state is the city: "Washington (CNN)", '
                                    '"Paris, Texas"'),
    Rule("actors.capital.city_noun", 'a capital after "capital", "city" or "town" is the city: '
                                     '"the French capital Paris"'),
    Rule("actors.capital.verb_follows", 'a capital a verb follows acts: "Moscow and Pyongyang have worked"'),
    Rule("actors.capital.subject", 'the subject of a verb other than "be" acts: "Moscow said"'),
    Rule("actors.capital.possessive", 'the owner of a government noun acts: "Moscow\'s offer" (not "London\'s '
                                      'homelessness programs")'),
    Rule("actors.capital.object", 'the object of a verb not of motion acts: "warned Moscow" (not "left Moscow")'),
    Rule("actors.capital.prep_object", 'after "with", "against", "on" ... it acts: "talks with Moscow" (not '
                                       '"marched on Moscow")'),
    # step 2: persons --------------------------------------------------------------------------------
    Rule("actors.repair.person_in_org", 'a titled name the tagger swallowed into another entity: '
                                        '"President Obama" tagged ORG'),
    Rule("actors.repair.portfolio_then_name", 'a place, then a name, after a title: "Minister for the Middle East '
                                              'Tobias Ellwood"'),
    Rule("actors.repair.apposed_title", 'an ORG-tagged name with a title apposed after it is a person: '
                                        '"Knox Thames, the Special Advisor"'),
    Rule("actors.repair.honorific", 'an ORG-tagged name after a courtesy title is a person: '
                                    '"the Hon Imogen Sayers MP"'),
    Rule("actors.person.transcript_label", 'an interviewer\'s label in a transcript is no person: "((WN))"'),
    Rule("actors.person.non_actor", 'a name non_actors.tsv lists is never a person: "Twitter", "UTC"'),
    Rule("actors.person.given_name_left_out", 'a capitalised proper noun right before a person the tagger found is '
                                             'their given name: "its deputy commander, Abdelrahim Hamdan Dagalo"'),
    Rule("actors.person.question_word", 'a question word the tagger took into a name is no part of it: "Why Aceh?" '
                                        '(Aceh, the place named elsewhere; no person "Why Aceh")'),
    Rule("actors.person.place_after_prep", 'a PERSON entity after a locative preposition that the gazetteer knows '
                                           'is a place: "Near Ar Raqqah"'),
    Rule("actors.person.first_name", 'a first name alone after the full name is that person: '
                                     '"Jordan Mills ... Jordan studied"'),
    Rule("actors.title.before", 'the title phrase before a name gives the role: "Russian President Vladimir '
                                'Putin" -> President'),
    Rule("actors.affiliation.title", 'the state or body opening the title phrase: "U.S. Defense Secretary" -> '
                                     'USA, "NATO chief" -> NATO'),
    Rule("actors.affiliation.title_possessive", 'the owner before the title phrase: "South Korea\'s Defense '
                                                'Minister" -> KOR'),
    Rule("actors.title.apposition_after", 'a title apposed after the name: "Kim Jong Un, North Korea\'s '
                                          'leader" -> leader'),
    Rule("actors.title.apposition_before", 'a title apposed before the name: "its leader, Kim Jong Un" -> '
                                           'leader'),
    Rule("actors.title.description", 'a described role the name is apposed to: "A member of the Syrian '
                                     'parliament, Mohammed Mamoun" -> member'),
    Rule("actors.affiliation.apposition", 'a state or body inside an apposed title: "Kim Jong Un, North '
                                          'Korea\'s leader" -> PRK'),
    Rule("actors.affiliation.pronoun", 'what "its"/"their" in an apposed title points back to: "North Korea ... '
                                       'its leader, Kim Jong Un" -> PRK'),
    Rule("actors.affiliation.title_then_apposition", 'a title with no country takes its apposition\'s: '
                                                     '"Gen. Joseph Votel, commander of U.S. Central Command" -> USA'),
    Rule("actors.person.non_person_head", 'an untitled name ending like a street or a party is no person: '
                                          '"Karl Marx Avenue"'),
    Rule("actors.person.known_place", 'an untitled name of a well-known place is no person, unless someone named '
                                      'before bears it: "Sanaa"; "Austin" after "Lloyd Austin" is'),
    Rule("actors.person.place_elsewhere", 'an untitled name the article tags a place elsewhere is no person: '
                                          '"Raqqah"'),
    Rule("actors.person.place_like", 'an untitled name the article writes where a place goes is no person: '
                                     '"fled to Dabiq ... Dabiq held"'),
    Rule("actors.affiliation.of_state", 'the state named after a titled name: "President Omar El Bashir of '
                                        'Sudan" -> SDN'),
    Rule("actors.affiliation.coordinated", 'a title coordinated with one that has its own country shares it: '
                                           '"U.S. Defense Secretary X and Secretary of State Y" -> USA'),
    Rule("actors.affiliation.counterpart", 'the counterparts someone meets are of the country named: "Blinken '
                                           'met his Chinese counterpart, Wang Yi" -> CHN; never those who meet them'),
    Rule("actors.person.name_particle", 'a name that ends on a particle goes on to the capitalised word after it: '
                                        '"Ursula von der" + "Leyen" -> Ursula von der Leyen'),
    Rule("actors.person.glued_bracket", 'a name ends before a bracket glued to it: "Harun Dalawi(Arabic: ...)"'),
    Rule("actors.person.entity", 'a PERSON entity, cleaned of titles and possessive endings, is a person: '
                                 '"Vladimir Putin\'s" -> Vladimir Putin'),
    Rule("actors.role.canonical", 'the office a title stands for (titles.tsv): "NATO chief" -> Secretary '
                                  'General'),
    Rule("actors.repair.untagged_titled", 'a titled name the tagger left untagged: "Special Advisor Thames will '
                                          'deliver"'),
    Rule("actors.repair.leader", 'the leader a government is named for: "the Asad regime" -> Asad'),
    Rule("actors.repair.full_name_relabelled", 'a full name met before, tagged as something else later, is the '
                                               'person: "Abu Ghadiya" tagged NORP'),
    Rule("actors.repair.first_name_relabelled", 'a first name tagged as a place after the full name is the '
                                                'person: "Georgia Stevens ... Georgia began"'),
    Rule("actors.repair.surname_relabelled", 'a surname tagged as a place after the full name is the person: '
                                             '"Lloyd Austin ... Austin" tagged GPE'),
    Rule("actors.title.apposed", 'a title written out beside the name with a comma is a mention of the person: '
                                 '"Minister for the Middle East, Tobias Ellwood"'),
    Rule("actors.role.written_out", 'the title written out is the fuller role: "Minister for the Middle East", '
                                    'not "Minister"'),
    Rule("actors.title.portfolio_place", 'a role mention ends before a place in it: "Minister [for the Middle '
                                         'East]"'),
    Rule("actors.title.alone", 'a title alone refers to the person given it: "Home Secretary Priti Patel ... the '
                                'Home Secretary said"'),
    Rule("actors.title.headline", 'also in a headline before the name: "Home Secretary condemns the attack"'),
    Rule("actors.title.shared", 'a title two people hold refers to neither: "Prime Minister Starmer met Prime '
                                'Minister Modi. The Prime Minister said"'),
    # step 3: organizations -------------------------------------------------------------------------
    Rule("actors.org.transcript_label", 'an interviewer\'s label in a transcript is no organization: "((WN))"'),
    Rule("actors.org.non_actor", 'a time zone or clock label is no organization: "1500 UTC"'),
    Rule("actors.org.platform", 'a platform where something is said is no actor: "wrote on Twitter"'),
    Rule("actors.org.street", 'a street or road is no organization: "the North Circular Road", "Highway 403"'),
    Rule("actors.org.person_inside", 'an ORG entity a person was found in is the person\'s: "President Obama"'),
    Rule("actors.org.body_of", "a body noun before its 'of' heads a body's name of title words: 'the Syrian "
                               "Ministry of Health', 'Ministry of Foreign Affairs'"),
    Rule("actors.org.body_phrase", 'title words ending in a body noun name a body: "Interior Ministry"'),
    Rule("actors.org.building", 'a seat building is a place, not a body: "in the Kremlin"'),
    Rule("actors.org.place_elsewhere", 'a name the article shows as a place is no organization: "Sinjar is free"'),
    Rule("actors.org.known_place", 'a known place the tagger took for an organization: "Danbury", "near Sinjar"'),
    Rule("actors.org.entity", 'an ORG entity is an organization: "Ministry of Digital Transformation"'),
    Rule("actors.org.named_by_noun", "a name in apposition to a noun of organizations, or after it, is an "
                                     "organization: 'the Danish company Bavarian Nordic', 'drugmaker Moderna'"),
    Rule("actors.affiliation.org_inner", 'the state inside an organization\'s name: "U.S. Central Command" -> USA'),
    Rule("actors.affiliation.org_possessive", 'the owner before it: "Ukraine\'s Ministry of Digital '
                                              'Transformation" -> UKR'),
    Rule("actors.affiliation.org_premodifier", 'the state or demonym right before it: "Chinese Foreign '
                                               'Ministry" -> CHN'),
    Rule("actors.repair.acronym_after_place", 'an acronym defined after the place an organization\'s name runs on '
         'with names it: "the UN Integrated Office in Haiti (BINUH) ... BINUH said"'),
    Rule("actors.repair.given_name_org", 'two or three capitalised words opening with a given name, with no word of '
                                         'a body or place, are a person though tagged ORG: "Helena Moritz"'),
    Rule("actors.repair.initials_in_article", 'an acronym that is the initials of the one organization its article '
                                              'names in full is that organization: "the Royal National Lifeboat '
                                              'Institution ... the RNLI"'),
    Rule("actors.repair.known_as", 'the name after "known as", "alias" or "nicknamed" following a person\'s name is '
                                   'theirs wherever it stands: "Jimmy Chérizier, known as Barbecue ... Barbecue said"'),
    Rule("actors.repair.acronym", 'an acronym defined in brackets or with "known as" names the organization: '
                                  '"the Lake Chad Recovery Fund (LCRF) ... The LCRF"; one the lexicon knows gives '
                                  'the full name its identity: "Main Directorate of Intelligence (HUR)"'),
    # the last step: merging ---------------------------------------------------------------------------
    Rule("actors.merge.surname", 'a surname alone joins the first full name with it: "Rutte" = "Mark Rutte", '
                                 '"Abadi" = "Haider al-Abadi"'),
    Rule("actors.merge.short_given_name", 'a full name with the surname of one met before and a short form of its '
                                          'given name is that person: "Daniel Whitlock ... Dan Whitlock"'),
    Rule("actors.merge.first_name", 'a first name alone joins the first full name it opens: "Jordan" = '
                                    '"Jordan Peterson"'),
    Rule("actors.code.stable", 'a named actor with no state or IGO code gets its own: "Askar Akayev" -> '
                               'PER:ASKAR_AKAYEV'),
])
