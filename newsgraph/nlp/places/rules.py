"""The places stage's rules, in the order it applies them (``newsgraph.nlp.rules``).

Three steps: ``found`` (a rule that makes a name a toponym; the first rule of every place), ``not``
(a rule that rejects a name; in a place's trace, a ``not`` rule means it tested the name and the
evidence shown kept it), and ``resolve`` (the rules that decide a toponym's reading: the marks the text
puts on it, where its candidate readings come from, the parts of the score that set the chosen reading
apart from the runner-up, and what is said of a place the gazetteer does not know).
"""

from __future__ import annotations

from newsgraph.nlp.rules import Rule, RuleTable

RULES = RuleTable("places", [
    # recognition: what makes a name a toponym
    Rule("places.found.entity", "spaCy's GPE or LOC entity is a toponym: 'in Kyiv'"),
    Rule("places.found.whole_name", "a place name the tagger cut short is taken whole while the gazetteer knows "
                                    "the longer name: 'Fort St.' + 'John', 'Little' + 'Portugal'"),
    Rule("places.found.suffix", "a division word after a name belongs to it and asks for a division: "
                                "'Kursk region', 'Donetsk Oblast'"),
    Rule("places.found.town_and_division", "one entity 'Shelby, North Carolina' is the town and its division"),
    Rule("places.found.seat_building", "a building that stands for a government, named as a place, is placed at "
                                       "the capital: 'outside the White House'"),
    Rule("places.found.demonym_division", "a demonym before a division word is somewhere in that country: "
                                          "'Russian territory' (never Rason, North Korea)"),
    Rule("places.found.date_slip", "a name tagged DATE after a locative is a town of some size: 'in Winnipeg'"),
    Rule("places.found.division_word", "a name the tagger took for something else, or missed, is a place before "
                                       "a division word: 'Kursk' (PRODUCT) 'region', 'Zaporizhzhia Oblast'"),
    Rule("places.found.well_known", "a name tagged as something else is a place when the gazetteer knows it well: "
                                    "a country, a division, a big city, an airport ('Gatwick' tagged ORG)"),
    Rule("places.found.after_locative", "a name after a locative preposition that the gazetteer knows is a place, "
                                        "whatever the tagger made of it: 'in Bantam', 'Near Ar Raqqah'"),
    Rule("places.found.motion_to", "the 'to' of a verb of going or of a 'from' leads to a place: 'fled to "
                                   "Waukegan', 'from Jakarta to Pangkal Pinang' (not 'talked to Waukegan')"),
    Rule("places.found.shown_elsewhere", "a name the article shows to be a place elsewhere (tagged GPE, 'the city "
                                         "of Raqqah', 'Raqqah, Syria') is a place where tagged otherwise"),
    Rule("places.found.before_institution", "a name the gazetteer knows before a local institution's noun: "
                                            "'Enfield Council', 'Winnipeg police', 'Litchfield Superior Court'"),
    Rule("places.found.town_comma_division", "capitalised words, a comma, then a division or its abbreviation: "
                                             "the town and its division, 'Churchill, Man.', 'Hugo, Oklahoma'"),
    Rule("places.found.relative", "the name after '<direction> of' or a noun that takes a place: 'south of "
                                  "Krasnohorivka', 'the liberation of Sinjar'"),
    Rule("places.found.residence", "'of' after a person's name (and age) gives where the person lives: 'Jane Doe, "
                                   "58, of Paris', even where an actor reads 'Paris' as the government"),
    Rule("places.found.street", "a street or a numbered road, kept without coordinates: 'Hertford Road', "
                                "'Highway 403' (not 'the Liberal Road Map')"),
    Rule("places.found.airport", "an airport or air base the gazetteer knows by its name: 'Incirlik Air Base'"),
    Rule("places.found.facility", "a facility named after the town it stands by, placed at that town: "
                                  "'Tabqa Dam', 'the Haditha Dam'"),
    Rule("places.found.inside_name", "a well-known place inside an organization's or a building's name: "
                                     "'Environment Canada', 'Texas A&M University' (not 'Valley' of 'Thames Valley "
                                     "Police')"),
    Rule("places.found.dateline", "capitalised words opening the text or a line before a dash or '(': "
                                  "'DETROIT (AP) —'"),
    Rule("places.found.hyphen_prefix", "a country name kept inside one token: 'U.S.-led', 'Syria-based'"),
    Rule("places.found.listed", "a name listed with a toponym is of the same kind: 'Foua and Kfraya', 'Hornsey, "
                                "Stoke Newington and Walthamstow' (a comma alone links names only in a list with "
                                "'and'/'or')"),
    Rule("places.found.same_name", "one sense per name in an article: once 'Churchill, Man.' shows Churchill a "
                                   "place, 'a Churchill doctor' (ORG) and 'in Churchill' (untagged) are too"),
    # rejection
    Rule("places.not.honorific", "a name after an honorific is a person's: 'Ms Raggi' tagged GPE"),
    Rule("places.not.direction_word", "direction words alone are no place: 'South', 'the Western press' (but "
                                      "'Far East' is a region)"),
    Rule("places.not.demonym", "a demonym tagged otherwise is no place: 'Russian', 'Syrian'"),
    Rule("places.not.actor", "a person's, an organization's or a group's name is no place ('Georgia Stevens', "
                             "'Zappos'), unless written where only a place fits ('near Raqqah')"),
    Rule("places.not.listed_body", "a body the actor lexicons list is no place even after a locative: 'at NATO "
                                   "headquarters' (not Nato, Philippines)"),
    Rule("places.not.seat_building", "a building acting as its government is no place: 'the Kremlin said'"),
    Rule("places.not.medium", "a news medium's name is no place: 'news agency Fars'"),
    Rule("places.not.generic_words", "generic words alone are no place: 'a former City councillor', 'Central'"),
    Rule("places.not.non_place", "heavenly bodies, words of faith and feasts (lexicons/places/non_places.tsv) are "
                                 "no place: 'Jupiter', 'God', 'over Easter'; unless a division pins them ('Jupiter, "
                                 "Fla.')"),
    Rule("places.not.unknown_shape", "a name the gazetteer lacks is kept only if spaCy tagged it a place (or it has a "
                                     "division word, or is a street), it looks like a name and has three letters or "
                                     "more: not 'La' of 'La Silla', 'hoy'"),
    Rule("places.not.unwritten", "a name the gazetteer lacks is no place unless the text writes it as one: after a "
                                 "locative, 'of' a place noun, a place's possessive, before or listed with a place, as "
                                 "a street or a feature, in a dateline ('Zappos' is not; 'Residents of Abbasiya' is)"),
    Rule("places.not.person_name", "a name the gazetteer lacks that is also a person's in the article is no place: "
                                   "'Hagan, North Carolina's senator'"),
    # resolution: marks the text puts on a name
    Rule("places.resolve.town_noun", "'the city of Omsk': every 'Omsk' of the article is the town, not the division"),
    Rule("places.resolve.abbreviation_dot", "a division reached only by a short abbreviation needs its full stop (or "
                                            "a comma before it): 'La.' is Louisiana, 'La' of 'La Silla' is not"),
    Rule("places.resolve.division_after_town", "a name after a town it contains and a comma is the division: "
                                               "'Atlanta, Georgia' (not the country), 'Bronx, New York'"),
    Rule("places.resolve.governor_title", "a name before a governor's title is the division: 'New York Gov. Mario "
                                          "Cuomo', 'Washington Gov. Jay Inslee'"),
    Rule("places.resolve.university_of", "'the University of Washington', 'the State of New York': the division"),
    Rule("places.resolve.division_ends_phrase", "after a town the gazetteer lacks, a division ending the phrase is "
                                                "the division: 'lives in Smithville, Ontario.'"),
    # resolution: where the candidate readings come from
    Rule("places.resolve.seat_capital", "a building of government is at its state's capital: 'the White House' at "
                                        "Washington"),
    Rule("places.resolve.facility_town", "a facility is at the town it is named after, when that town is big or in "
                                         "a country the article is about: 'the Haditha Dam' at Haditha"),
    Rule("places.resolve.listed_town", "a small town (outside the main index) in the division of the place it is "
                                       "listed with: 'Ingham or Townsville' is Ingham, Queensland"),
    Rule("places.resolve.division_stem", "a name with a division word also reads as the division called by its "
                                         "stem: 'Karak district' the Jordanian governorate"),
    Rule("places.resolve.stem", "a name not found whole is looked up without its division words: 'Hall County' as "
                                "Hall"),
    Rule("places.resolve.direction_stripped", "a name not found whole is looked up without its direction words: "
                                              "'Western Canada' is part of Canada, 'Montreal East' of Montreal"),
    Rule("places.resolve.variant", "a name found only under another spelling ('Dayr Az Zayr' for Deir ez-Zor): "
                                   "only in a country the article is about, in a division it names there, a small "
                                   "town only with its division named near"),
    Rule("places.resolve.small_towns", "small towns of a division named near the name, which the main index leaves "
                                       "out: 'Edmonton' in a Kentucky story"),
    Rule("places.resolve.confine_possessive", "a place's possessive puts the name inside it; with no reading there it "
                                              "stays unresolved in that country: 'Giza's Haram district'"),
    Rule("places.resolve.confine_comma", "a division after the name's comma that ends the phrase puts it there; with "
                                         "no reading there it stays unresolved: 'Smithville, Ontario.'"),
    Rule("places.resolve.division_by_town", "a division known only by a namesake town is trusted only in a country "
                                            "the article is about: 'Hall County'"),
    # resolution: the parts of the score (those that set the chosen reading apart from the runner-up are traced)
    Rule("places.resolve.level", "level preference: a country name means the country, then regions, then "
                                 "first-level divisions, airports, counties, over towns by the same name"),
    Rule("places.resolve.division_word", "a division word after the name asks for a division: 'Karak district', "
                                         "'Laurel County' (and a town loses)"),
    Rule("places.resolve.population", "the bigger namesake: a town by its population (log10), a division a little "
                                      "('Florida' the US state over the Uruguayan department)"),
    Rule("places.resolve.capital", "a national capital over a namesake town: 'Washington'"),
    Rule("places.resolve.airport_name", "an airport named in full over a town by its core name: 'Heathrow Airport'"),
    Rule("places.resolve.own_name", "a record's own name or short form ('Newcastle' for Newcastle upon Tyne) over one "
                                    "of its alternate names ('Turkey', an old name of New Providence)"),
    Rule("places.resolve.pin_comma", "a division or country after the name's comma pins it: 'Paris, Texas', "
                                     "'London, Ontario'"),
    Rule("places.resolve.pin_possessive", "a place's possessive pins the name after it: 'Russia's Kursk region'"),
    Rule("places.resolve.pin_spread", "one reading per name: 'PARIS, Texas (AP) ... Paris police' pins every 'Paris'"),
    Rule("places.resolve.article_countries", "a reading in a country the article talks about (its actors, its names "
                                             "with one reading): 'Georgia' next to Tbilisi is the country"),
    Rule("places.resolve.dominant_country", "a reading by its own name in the country the article is mostly about, "
                                            "over a namesake abroad"),
    Rule("places.resolve.named_division", "a town or county in a division the article names, fully when named near "
                                          "(or in the dateline): 'Flooding hit Iowa ... In Waterloo'"),
    Rule("places.resolve.neighbours", "a town or county near the other places of the article: 'Kitchener and "
                                      "Waterloo' is Waterloo, Ontario; 'Edmonton' and 'Enfield' the London pair"),
    Rule("places.resolve.has_point", "a reading with coordinates over one without"),
    # resolution: a place the gazetteer does not know, and a place that stands for a government
    Rule("places.resolve.container_country", "a name the gazetteer lacks is in the country of the place written "
                                             "right after it as its container: 'Kfraya in Idlib'"),
    Rule("places.resolve.listed_country", "a name the gazetteer lacks is in the country of a place it is listed "
                                          "with: 'Qwertyville and Townsville'"),
    Rule("places.resolve.dominant_unknown", "else a name the gazetteer lacks is in the country the article is "
                                            "mostly about"),
    Rule("places.resolve.stands_for", "a capital acting as its government is a place marked with that state: "
                                      "'Moscow and Pyongyang have worked'"),
])
