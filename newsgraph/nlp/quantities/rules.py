"""The rules of the quantities stage, in the order the stage tries them (``newsgraph.nlp.rules``).

Steps: ``number`` (reading the number itself), ``range``, ``bound``, ``unit`` (measures, currencies,
rates), ``not`` (what is no quantity: a rule of this step that is on drops the figure), ``counted`` (what
a count counts), ``context`` (the words around a count that say what happened to it), ``category`` and
``status``. A Quantity's ``rule`` is the number rule that read it; its ``trace`` adds every rule that set
its range, bound, unit, counted noun, category and status, each with the words it used.
"""

from __future__ import annotations

from newsgraph.nlp.rules import Rule, RuleTable

RULES = RuleTable("quantities", [
    # -- reading the number --------------------------------------------------------------------------------
    Rule("quantities.number.digits", "digits, with a thousands comma or a decimal point: '3,000', '1.2', '12'"),
    Rule("quantities.number.space_grouped", "thousands set apart by a space are one number: '28 000', '1 130' (a "
         "group of one to three digits, then groups of three)"),
    Rule("quantities.number.glued_scale", "a scale glued to the digits: '5bn', '20k', '£3m' (3 million)"),
    Rule("quantities.number.glued_range", "a range written as one token: '60–80', '10,000-12,000km'"),
    Rule("quantities.number.approximate_sign", "a sign glued before the digits makes the figure about: '~295', '≈40'"),
    Rule("quantities.number.glued_currency", "a currency sign or code glued to the digits: 'CDN$11,000', 'US$20m', "
         "'RM20', 'USD10m'"),
    Rule("quantities.number.scale", "scale words after a number multiply it: '1.2 million', 'two hundred'"),
    Rule("quantities.number.words", "number words: 'two', 'twenty-five', 'two hundred and fifty'"),
    Rule("quantities.number.and_a_half", "'-and-a-half' adds a half: 'three-and-a-half million' (3.5 million)"),
    Rule("quantities.number.a_scale", "'a' or 'an' before a scale word is one of it: 'a dozen', 'a million'"),
    Rule("quantities.number.half_scale", "'half a' before a scale of a thousand or more: 'half a million' (500,000)"),
    Rule("quantities.number.few_scale", "'several' or 'a few' before a scale: about three of it ('several hundred': "
         "~300)"),
    Rule("quantities.number.vague_plural", "a plural scale is about twice it: 'dozens' ~24, 'hundreds' ~200, 'tens of "
         "thousands' ~20,000"),
    Rule("quantities.number.fraction", "a share: 'two-thirds of', 'a quarter of', 'a two-thirds majority' (value the "
         "proportion, unit 'fraction')"),
    Rule("quantities.number.fraction_scale", "a fraction of a scale is a number: 'a quarter million', 'a quarter of a "
         "million' (250,000)"),
    Rule("quantities.number.half", "'half' before 'of' or a determiner is a share: 'half of them', 'half the "
         "soldiers'"),
    Rule("quantities.number.signed", "a sign written before the digits gives the figure its sign: '-1.3%' (-1.3), "
         "'+0.2%', '−4'"),
    Rule("quantities.number.suspended_hyphen", "a number left hanging by a hyphen before 'or', 'and' or 'to' is read, "
         "and takes the unit of the next: '7- or 8-inch' (7 inch)"),
    Rule("quantities.number.leading_point", "a decimal written without its leading zero: '.001 percent' (0.001)"),
    Rule("quantities.number.digit_fraction", "a share written in digits before 'of': '1/16 of the land' (value the "
         "proportion, unit 'fraction'; not '9/11', '24/7' or a date)"),
    Rule("quantities.number.fold", "a number word joined to 'fold' is a multiplier: 'sixfold' (6, unit 'fold'), "
         "'tenfold', 'twofold'"),
    Rule("quantities.number.negative", "'minus' or 'negative' before a number: 'minus 20 degrees' (-20)"),
    # -- ages: a quantity with the unit "year of age" (or month, week, day), never a time ----------------------
    Rule("quantities.age.unit", "a number of years, months, weeks or days before 'old' or 'of age' is an age: "
         "'a 50-year-old man', '44 years old', 'a six-month-old', 'under 5 years of age' (unit 'year of age')"),
    Rule("quantities.age.bare", "a bare number that is someone's age: 'a man, 45,', 'aged 45', 'the ages of 18 and "
         "60' (unit 'year of age')"),
    Rule("quantities.age.of_person", "a bare number a person is: 'when I was two-and-a-half' (unit 'year of age')"),
    # -- durations: a quantity with a time unit, linked to the times stage's DURATION ------------------------
    Rule("quantities.duration.unit", "a number of time units is a duration, a quantity with that unit: '15 years', "
         "'three months', 'a two-day visit' (unit 'year', 'month', 'day'; not '8 pm' or '14 August')"),
    Rule("quantities.duration.time", "a duration is linked to the TIMEX3 DURATION the times stage read on its words "
         "('15 years': P15Y); under a date counted from it ('two years ago') it stays a quantity, unlinked"),
    # -- ranges --------------------------------------------------------------------------------------------
    Rule("quantities.range.joined", "two numbers joined by a dash or 'to' are a range: '10,000-12,000', '1 to 2 "
         "million'"),
    Rule("quantities.range.between", "'between X and Y' is a range, its span with 'between'"),
    Rule("quantities.range.ranged_from", "after 'range' or 'vary', 'from X to Y' is one range: 'ranged from 200 to "
         "300'"),
    Rule("quantities.range.change", "'from X to Y' is a change, two figures: 'rose from 6% to 11%'"),
    Rule("quantities.range.with_units", "a range whose two ends carry the unit: '10 km to 20 km', '6 % to 11 %'"),
    Rule("quantities.range.shared_scale", "a scale on the high end applies to the low end too: '1-2 million'"),
    Rule("quantities.range.error_margin", "a margin of error makes one approximate figure: '1010 ± 195 km' (~1010)"),
    # -- bounds --------------------------------------------------------------------------------------------
    Rule("quantities.bound.pre", "bound words before the number: 'more than 3,000' (>), 'up to' (<=), 'about' (~), "
         "'nearly' (<) (bounds.tsv)"),
    Rule("quantities.bound.before_another", "a bound before 'another' bounds the number after it: 'about another 250'"),
    Rule("quantities.bound.blocked_preposition", "a bound word that is a verb's preposition is no bound: 'talked "
         "about 3 issues' (bounds.tsv, 'block')"),
    Rule("quantities.bound.post", "bound words after the number: '300 or more' (>=), '300-odd' (~)"),
    Rule("quantities.bound.post_noun", "bound words after the counted noun: '66 people or more' (>=)"),
    Rule("quantities.bound.vague", "a vague number is about: 'hundreds', '~295', 'several hundred' (~)"),
    # -- units, currencies, rates --------------------------------------------------------------------------
    Rule("quantities.unit.glued", "a unit glued to the digits: '300km', '20%'"),
    Rule("quantities.unit.after", "a unit of measure after the number: '12 km', '52 percent', '40,000 tonnes'"),
    Rule("quantities.unit.hyphen", "a unit after a hyphen: 'a 10-kilometre stretch'"),
    Rule("quantities.unit.before", "a unit written before the number: 'magnitude 5.2'"),
    Rule("quantities.unit.shared", "coordinated numbers share the unit of the second: '2 or 3 percent', 'the 1.52 and "
         "2.2 m telescopes', 'from 13.5 to 14.0 mm', '7- or 8-inch'"),
    Rule("quantities.unit.currency_sign", "a currency sign before the number: '$5 billion' (USD), '£3m' (GBP)"),
    Rule("quantities.unit.currency_word", "a currency word after the number: '5 billion euros' (EUR)"),
    Rule("quantities.unit.currency_noun", "a currency as the counted noun: 'millions of dollars' (USD)"),
    Rule("quantities.unit.pound_weight", "'pounds' is a weight after 'of' or near a word of weight: '500 pounds of "
         "explosives', 'weighed 82 pounds'"),
    Rule("quantities.unit.dollar_us_named", "an article that names the US dollar means it by '$'"),
    Rule("quantities.unit.dollar_other_named", "an article that names one other dollar ('Canadian dollars', 'C$') and "
         "not the US dollar means that one by '$'"),
    Rule("quantities.unit.dollar_country", "an article whose places are all in one dollar country other than the US "
         "means its dollar by '$' ('Toronto ... $5 million': CAD)"),
    Rule("quantities.unit.rate", "a unit followed by 'per', 'a' or 'each' and a time unit is a rate: '195 kilometers "
         "per hour', '3 percent a year'"),
    Rule("quantities.unit.symbol", "a unit symbol of pint's registry, matched as written, glued to the number or "
         "after it: '5kWh', '12 GB', '3.5GHz', '300 hp', '1 mW' (milliwatt; 'MW' megawatt)"),
    Rule("quantities.unit.metre_m", "'m' glued to a number is metres unless a currency goes before it or a plural "
         "noun after it: 'a 37m yacht', 'ran 400m', '300m tall' (but '£37m', '37m people': millions)"),
    Rule("quantities.unit.multiplier", "'times' or 'fold' after a number says how many times: 'six times', "
         "'2.4 times as many', 'a 10-fold rise' (unit 'times' or 'fold')"),
    Rule("quantities.unit.rate_per_capita", "'per capita' or 'per person' after a unit: '$500 per capita'"),
    Rule("quantities.unit.rate_per_measure", "'per', 'a' or 'each' and a unit of measure after a unit: '0.064 mg per "
         "liter', '$85 a barrel', '$1,900 an ounce'"),
    Rule("quantities.unit.rate_per_noun", "'per' and a singular noun after a unit: '$2 per share', '40 litres per "
         "vehicle'"),
    Rule("quantities.unit.rate_after_of", "a rate after a short 'of' phrase: '10 billion cubic meters of gas per "
         "year'"),
    # -- what is no quantity -------------------------------------------------------------------------------
    Rule("quantities.not.ordinal", "an ordinal (spaCy ORDINAL) is no quantity: 'the third attack'"),
    Rule("quantities.not.duration", "a number with a time unit is for the times stage: 'three days', '8PM', 'two-day'"),
    Rule("quantities.not.skip_unit", "a number with a unit the lexicon marks 'skip', or a multiplier whose rule is "
         "off, is no quantity"),
    Rule("quantities.not.compound_adjective", "a hyphenated number with a word that is no count is no quantity: 'a "
         "two-state solution', 'a one-time payment'"),
    Rule("quantities.not.time_expression", "a number inside a time expression of the times stage: 'at 6 pm', 'on "
         "October 28'"),
    Rule("quantities.not.year_range", "two years joined by a dash are a time span: '2014–2022'"),
    Rule("quantities.not.score", "a pair whose second number is not larger is no range: '3-1', '24-7', '737-800'"),
    Rule("quantities.not.determined_plural", "a plural scale after a determiner is no figure: 'their hundreds', 'the "
         "thousands who' (but 'in the hundreds' is)"),
    Rule("quantities.not.year", "four bare digits that read like a year, with no plural noun: 'in 2000'"),
    Rule("quantities.not.date_entity", "a bare number spaCy reads as a DATE or TIME, unless the entity is numbers "
         "only: 'on the 28th', not 'from fourteen to 31'"),
    Rule("quantities.not.identifier", "a number after a word that names things: 'Article 5', 'Boeing 737', 'No. 10', "
         "'top 10' (identifiers.txt, or a capitalised noun)"),
    Rule("quantities.not.identifier_pair", "the second number of a named pair: 'Articles 5 and 6', 'number 1 and 2'"),
    Rule("quantities.not.date_day", "a day number joined to a date: 'March 4 and 5', 'May 3-5'"),
    Rule("quantities.not.rate_base", "the base of a rate: 'seven deaths per 100,000'"),
    Rule("quantities.not.list_marker", "list numbering: '(1) a two-thirds vote', '1) the ratio'"),
    Rule("quantities.not.pronoun_one", "'one' that counts no noun is a pronoun: 'one of them', 'no one'"),
    Rule("quantities.not.the_one", "'the one thing', 'the only one person': 'only', not a count"),
    Rule("quantities.not.address", "digits before a proper noun: '10 Downing Street'"),
    Rule("quantities.not.name", "a capitalised number word before a proper noun is part of a name: 'Six Flags'"),
    Rule("quantities.not.time_noun", "a number counting a time unit is a duration or a date: 'two consecutive days', "
         "'14 August'"),
    Rule("quantities.not.date_noun", "a number before a noun spaCy reads as a date: '14 August-24 August'"),
    Rule("quantities.not.determiner", "a number word parsed as a determiner, with no noun, bound or unit, is no count "
         "(a guard: it drops nothing in the Wikinews sets)"),
    # -- what a count counts -------------------------------------------------------------------------------
    Rule("quantities.counted.head", "the head noun of the noun phrase after the number: '3,000 North Korean troops'"),
    Rule("quantities.counted.partitive", "the noun after 'of': 'hundreds of people', 'two of the soldiers'"),
    Rule("quantities.counted.rate_only", "a number followed by what it is per counts nothing named: 'up to 1,000 "
         "a day' (the day is no counted noun, and the figure no duration)"),
    Rule("quantities.counted.out_of", "'out of' before the whole: '17 out of 18 districts'"),
    Rule("quantities.counted.whole_number", "the whole's number inside a partitive is passed over: 'six of the "
         "country's eight capitals'"),
    Rule("quantities.counted.possessive", "an owner is not the counted noun: 'Russia's troops', '5,000 of its tanks'"),
    Rule("quantities.counted.designation", "a model name of letters and digits is passed over: '18 F-16 fighter jets'"),
    Rule("quantities.counted.aside", "an aside in parentheses is passed over: 'hundreds of ISIS (Islamic State) "
         "fighters'"),
    Rule("quantities.counted.hyphen_compound", "a hyphenated compound modifies the noun after it: 'Russia-backed "
         "troops', 'war-damaged structures'"),
    Rule("quantities.counted.adjective_head", "an adjective can head a count: '27 dead', '12 wounded'"),
    Rule("quantities.counted.participle", "a participle before a noun modifies it: '337 suspected users'"),
    Rule("quantities.counted.adverb", "an adverb before an adjective is passed over: 'three heavily armed men'"),
    Rule("quantities.counted.comparative", "a comparative is passed over: '230,000 more troops', '3 other civilians'"),
    Rule("quantities.counted.figure_value", "the value a figure noun's clause gives is a count, not a year or a "
         "date, and takes no noun from the count before it: 'the number of cases is 1501'"),
    Rule("quantities.counted.quoted_figure", "a closing quote mark after the figure is passed over: 'believed \"about "
         "10,000\" troops'"),
    Rule("quantities.counted.coordinated", "coordinated modifiers are passed over: '230,000 more French and British "
         "troops'"),
    Rule("quantities.counted.parse_head", "a plural count takes the plural noun the parser makes it modify: 'two "
         "factions pushing'"),
    Rule("quantities.counted.not_predicate", "the number's own predicate is not its noun: 'Thousands protest in "
         "Paris'"),
    Rule("quantities.counted.compound_adjective", "a hyphenated number counts the noun it is glued to: 'a five-storey "
         "block' (5 storey)"),
    Rule("quantities.counted.strong", "'-strong' after a number keeps it a count: 'a 3,000-strong force'"),
    Rule("quantities.counted.figure_noun", "a bare number gives the value of a figure noun: 'set the number of "
         "justices at nine' (nine justices)"),
    Rule("quantities.counted.of_phrase", "what a measure or a sum is of: '500 tonnes of grain', '$5 billion in "
         "military aid'"),
    Rule("quantities.counted.fraction_whole", "a share counts the noun after it: 'half the soldiers', 'a two-thirds "
         "majority'"),
    Rule("quantities.counted.ellipsis", "a bare number counts the noun of the previous count of its sentence when "
         "that count is of people or of a known category: '3,000 troops ..., with 12,000 expected'"),
    Rule("quantities.counted.parallel", "a bare number in the same role as the previous count's noun counts it: '54 "
         "nations signed, only 27 ratified'"),
    Rule("quantities.counted.total", "a total counts what the figures before it count: 'for a running total of 60'"),
    Rule("quantities.counted.comparison", "a figure compared with the one before counts the same: '1.5 million "
         "Ukrainians, up from 1.2 million'"),
    Rule("quantities.counted.own_group", "a bare number with its own 'from' group takes no earlier noun: 'as were "
         "seventeen from the Armed Forces'"),
    # -- what happened to the counted things ---------------------------------------------------------------
    Rule("quantities.context.adjective_head", "a count of an adjective or pronoun is read from it: 'injured thirty "
         "more', 'thirty others'"),
    Rule("quantities.context.conjunct", "a conjoined count shares the first one's predicate: '12 soldiers and 3 "
         "civilians were killed'"),
    Rule("quantities.context.subset", "a subset shares what happened to its set: 'five people, including two "
         "children, were killed'"),
    Rule("quantities.context.number_of", "the noun after a number word's 'of' is read from the number: 'hundreds of "
         "soldiers died'"),
    Rule("quantities.context.figure_noun", "a figure noun stands for the count: 'a total of 39 are dead', 'the death "
         "toll of 39'"),
    Rule("quantities.context.modifier", "the count's own modifiers: 'wounded soldiers', '12,000 expected'"),
    Rule("quantities.context.predicate", "the predicate the count is the subject of, with its conjuncts and "
         "complements: 'have been killed or wounded', 'are confirmed dead'"),
    Rule("quantities.context.object_verb", "the verb the count is the object of: 'killed 12', 'left 6 dead', 'will "
         "send 5,000 troops'"),
    Rule("quantities.context.verb_before", "the verb right before the figure, whatever the parse: 'struck, killing at "
         "least 1,240 people in the country, the authority said' (the parser made the people the subject of 'said')"),
    Rule("quantities.context.of_noun", "the noun the count is the 'of' object of: 'the death of at least 50 people'"),
    Rule("quantities.context.rose_to", "the verb and subject of 'to'/'at' a count: 'the death toll rose to 39'"),
    # -- category and status -------------------------------------------------------------------------------
    Rule("quantities.category.money", "a sum of money is money: '$5 billion'"),
    Rule("quantities.category.measure", "a measure or a share is other: '12 km', '52%'"),
    Rule("quantities.category.weapons_noun", "a count of weapons is weapons: '40 drones' (categories.tsv)"),
    Rule("quantities.category.casualty_noun", "a count of casualties is casualties: 'deaths', 'casualties'"),
    Rule("quantities.category.casualty_predicate", "a count that was killed, wounded, missing or captured is "
         "casualties of that kind: '600,000 soldiers have been killed or wounded' (killed-or-wounded)"),
    Rule("quantities.category.event_predicate", "a count that was arrested or displaced is arrests or displaced: '337 "
         "users were arrested'"),
    Rule("quantities.category.things_guard", "for nouns not known to be people only killing, wounding and arrests "
         "recategorise: '5 towns captured' stays other"),
    Rule("quantities.category.noun", "a count of troops, police, displaced people or detainees takes that category: "
         "'3,000 troops', '2,000 police officers'"),
    Rule("quantities.category.force_modifier", "a person noun takes the force its modifier names: 'police officers' "
         "security, 'army officers' troops"),
    Rule("quantities.category.other", "a count of anything else is other: '48 apartments'"),
    Rule("quantities.status.expected_cue", "a figure stated as expected is expected: 'with 12,000 expected'"),
    Rule("quantities.status.future_aux", "a figure under a future auxiliary is expected: 'will send 5,000 troops'"),
    Rule("quantities.status.done_first", "what a figure already did comes first: an expectation on a further "
         "predicate is not its status: '8,000 soldiers had moved in and were expected to join the fighting'"),
])
