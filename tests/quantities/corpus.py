"""Texts on which every rule of the quantities stage fires and matters (tests/quantities/test_quantities_rules.py):
switched off, each rule changes what the stage says on at least one of them. The first are the sentences the
stage's rule tests began with; the rest are short news-like sentences written for this corpus, each showing a
rule (the rule's `what` in newsgraph/nlp/quantities/rules.py) on words it was not written for. ``TEXTS`` go
through the base model alone (the ``qnlp`` fixture); ``AFTER_STAGES`` through the pipeline's stages before the
quantities stage, for the rules that read the times and places those stages find."""

from __future__ import annotations

TEXTS = (
    "About 8,000 soldiers had moved into the region and were expected to join the fighting soon.",
    "Reports suggest that more than 3,000 North Korean troops have been sent to Russia, with more than 12,000 "
    "expected by December.",
    "More than 600,000 Russian soldiers have been killed or wounded.",
    "It costs between $5 and $7 billion, or about another 250 million euros; the club paid £3m for him.",
    "Winds reached 195 kilometers per hour and the zone is 10 km to 20 km wide, with 1010 ± 195 km of error.",
    "Five civilians, including two children, were killed and 12 injured; the blast left 5 dead and 20 injured.",
    "About 2,000 police officers and some 300 army officers were deployed; Russia launched 40 drones.",
    "Half the soldiers were killed and two-thirds of the residents fled, a quarter million in all.",
    "Police said 300 or more people gathered, and 66 people or more were arrested in a 3,000-strong crowd.",
    "Officials said 1-2 million refugees crossed; hundreds of ISIS (Islamic State) fighters and 18 F-16 fighter "
    "jets moved, as did six of the country's eight district capitals and 17 out of 18 districts.",
    "NATO invoked Article 5 in 2000, a man, 45, was arrested, and one of them said the third attack lasted three "
    "days.",
    "Unemployment rose from 6% to 11% last year; prices ranged from 200 to 300 dollars, minus 20 degrees Celsius.",
    "They set the number of justices at nine; 54 nations signed, only 27 ratified, for a running total of 60.",
    "The 1.5 million Ukrainians counted, up from 1.2 million, and 230,000 more French and British troops came.",
    "Thousands march in Paris; a five-storey block, a two-state solution and 337 suspected users were arrested.",
    "Tens of thousands of people fled; several hundred and a dozen more stayed, two hundred and fifty in all.",
    "Turkey hosted over three-and-a-half million refugees, half a million of them in camps, and ~295 km/h winds.",
    # -- written for this corpus: numbers, ranges and units
    "The fund raised 5bn over the year, and 20k people signed the petition.",
    "Troops were seen 60–80 km from the border.",
    "The donor gave CDN$11,000 to the village school.",
    "The engine makes 300 lb-ft of torque at 20 deg C; a stamp costs 85 pence.",
    "Fares rose to RM20 and USD10, and the bank lent EUR5bn; a ticket costs KSh 300.",
    "The temperature fell to minus 15 degrees overnight.",
    "The earthquake measured magnitude 6.1 near the coast.",
    "Prices rose 2 or 3 percent in the quarter.",
    "Aid worth millions of dollars was stolen from the depot.",
    "Police seized 500 pounds of explosives in the raid.",
    "Crews cleared a 10-kilometre stretch of the highway.",
    "Crews laid 12kms of new pipe near the border.",
    "The U.S. dollar rose against the Canadian dollar, and the deal is now worth $40 million.",
    "Australian dollars were in demand; the mine was sold for $90 million.",
    "Officials in Auckland said the new bridge would cost $30 million.",
    "Health spending reached $500 per capita in the region.",
    "Tests found 0.5 mg per litre of arsenic in the wells.",
    "The line will carry 5 billion cubic metres of oil per year.",
    "The minister talked about 3 issues with the governors on Friday.",
    'The ministry believed "about 10,000" soldiers were now in the region.',
    "Officials counted 523 new infections, so the total number of those infected is 1501.",
    "The index fell -1.3% in the week while bonds gained +0.2%.",
    "The error rate was .001 percent in the trial.",
    "Rebels hold about 1/16 of the land and one fourth of the water.",
    "The talks began at 8PM and lasted three hours; he had served 10yrs.",
    "The party won 3 quarters of the seats.",
    "The battery stores 5kWh, the plant makes 300 MW and the laser 1 mW; the car has 150 hp and 12 GB of memory.",
    "Rainfall rose from 13.5 to 14.0 mm, and crews laid 7- or 8-inch pipes.",
    "The 37m yacht sank near a 300m tall tower, and 37m people watched.",
    "Exports grew sixfold, six times the level of 2010, and a 10-fold rise followed.",
    "Traders paid $85 a barrel for crude and $2 per share for the stock, and renters $400 per month.",
    # -- what is no quantity
    "Shares of the iPhone 11 maker and the S&P 500 index were watched.",
    "The lawyer lives at 22 Baker Street in London.",
    "Visitors to Six Flags were evacuated.",
    "The victims were aged 19 and 23.",
    "When he was four-and-a-half, his family fled the war.",
    "The rate reached seven deaths per 100,000 residents.",
    "The plan has two parts: (1) a two-thirds vote and (2) a referendum.",
    "One of them was released on Monday.",
    "It was the one thing the rebels wanted.",
    "The war lasted from 2014–2022 in the east.",
    "The home side won 3-1 on Sunday.",
    "The airline ordered 20 Boeing 737-800 jets.",
    "Some refugees returned, but their hundreds of neighbours stayed away.",
    "Officials counted 12 500 displaced families in the camps.",
    "The council voted on Articles 5 and 6 of the charter.",
    "The sergeant, 25-year-old Ali Hassan, was promoted three times.",
    "The 1998 bombing killed 200 people.",
    "Farmers lost crops over 3 winters of drought.",
    "Veterans of the 1991 campaigns marched in Baghdad.",
    "Shelling was heaviest between Jan. 2 and 5.",
    "The strikes took place on 3 and 4 March.",
    "One good harvest year will not save the farms.",
    # -- what a count counts
    "The site lost two of its three reactors.",
    "Officials said the strike killed 45 Russia-backed fighters.",
    "The explosion left 6 dead near the mosque.",
    "Three heavily armed men stormed the bank.",
    "The group recruited 300 more Wagner veterans last year.",
    "Thousands rally in Berlin against the war.",
    "Ninety villagers were wounded, while seventeen from the police were injured.",
    "Sales reached 80 tankers, up from 65 in June.",
    "Border guards said crossings held at about 800 a day.",
    "A storm hit the coast on Monday, killing at least 40 people in the region, the country's National Emergency "
    "Management Agency (NEMA) said, as crews searched.",
    # -- what happened to the counted things, their category and status
    "The blast killed six people and injured at least 40 more.",
    "The blast killed six people and injured, officials said, 40 more.",
    "Eight soldiers and four civilians were killed in the ambush.",
    "The death toll of 26 is expected to rise.",
    "Gunmen killed 12 in the village.",
    "The attack caused the death of at least 50 people.",
    "The death toll rose to 39 on Sunday.",
    "Officials counted 40 fatalities and 90 injuries after the crash.",
    "Rebels said 5 towns were captured in the offensive.",
    "The government will send 5,000 troops to the border.",
)

# The rules that read what other stages found: a year the times stage read in "the 1991 campaigns"
# (quantities.not.time_expression), the country of the places named (quantities.unit.dollar_country).
AFTER_STAGES = (
    "Veterans of the 1991 campaigns marched in Baghdad.",
    "Officials in Auckland said the new bridge would cost $30 million.",
    "The siege lasted three days, and the rebels had left two years ago.",
)
