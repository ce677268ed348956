"""The rules of the times stage, in the order they are tried (``newsgraph.nlp.rules``).

Five steps:

- ``times.mode.*``: is the document a news report (dates count from its publication date) or a story
  told in the past (a history: dates count from the last date it narrated)?
- ``times.found.*``: the constructions of the grammar that find a time expression, and those that
  extend one ("Monday" + "morning", "June" + "1940"). A time's ``rule`` is the construction that found it.
- ``times.not.*``: the tests that keep a word or a number from being read as a time ("2000 troops",
  "May" the verb). Switching one off lets its false positives through.
- ``times.tense.*``: the tense of the clause that governs a time (the verb is the evidence), which decides
  whether a yearless "in June" or a bare "on Friday" lies before or after the date it counts from.
- ``times.resolve.*``: the choices that turn a candidate's fields into a TIMEX3 value: which date it counts
  from (publication or narrated date), which year a yearless date takes, which way a weekday goes. Each
  time records them, with their evidence, after the rule that found it.

A resolution rule switched off lets the next rule of its table decide; when none can, the value keeps
only what the words say (``times.resolve.underspecified``: "XXXX-06"), and with that rule off too the
time is dropped.
"""

from __future__ import annotations

from newsgraph.nlp.rules import Rule, RuleTable

_MODE = [
    Rule("times.mode.undated", "a text with no publication date is read as a story: 'the next day' counts "
         "from the last date it narrated"),
    Rule("times.mode.quoted_cues_ignored", "a deictic cue inside a quotation ('\"It is us today,\" he warned') "
         "says nothing about the writer's time: it does not count against reading the text as a history"),
    Rule("times.mode.history", "a history, not a report: 8 or more years far from publication, at most one "
         "recent year and not one deictic cue ('last week', 'yesterday', 'on Monday')"),
    Rule("times.mode.long_history", "a long history of a recent war ('in 2007 ... in 2008'): 30 or more far "
         "years and at most one deictic cue per 16 of them"),
]

_FOUND = [
    Rule("times.found.deictic_phrase", "'the past', 'the near future', 'at present': PAST_REF, FUTURE_REF, "
         "PRESENT_REF; 'the day before yesterday': two days before publication"),
    Rule("times.found.fiscal_year", "'fiscal 2024', 'fiscal year 2025', 'FY2025': FY2025"),
    Rule("times.found.early_late", "'early 1941', 'mid-May', 'late in 1957', 'the late 1990s', 'mid-March': "
         "the date with its mod (START, MID, END)"),
    Rule("times.found.end_of", "'the end of April', 'the beginning of the year': the date with its mod"),
    Rule("times.found.rate", "'averaging 30 a day', '20 miles a day', '$1 billion a year': 'a' and a unit after a "
         "count or a measure is how often, a SET (P1D)"),
    Rule("times.found.set_frequency", "'twice a week', 'three times a year': a SET, P1W"),
    Rule("times.found.set_adverb", "'daily', 'weekly', 'annually' (an adverb or adjective): a SET, P1D"),
    Rule("times.found.set_every", "'every week', 'each Monday', 'every other month', 'per year': a SET"),
    Rule("times.found.approximator", "'about three years', 'more than a week', 'up to two days': the mod "
         "APPROX, MORE_THAN, EQUAL_OR_LESS ..."),
    Rule("times.found.duration", "'three years', 'the next two weeks', 'for a week', 'two and a half "
         "months', 'an eight-hour shift': a DURATION, P3Y"),
    Rule("times.found.duration_coordinated", "a count whose unit is the next count's is a DURATION of its own: "
         "'12 and 18 months' (P12M and P18M), 'two or three years'"),
    Rule("times.found.duration_long", "'month-long', 'week - long': a DURATION, P1M"),
    Rule("times.found.duration_plural", "'for years', 'weeks of talks', 'over months': an unknown count, PXY"),
    Rule("times.found.duration_plural_signal", "'minutes before the vote', 'hours after the blast': a bare plural "
         "before 'before' or 'after' is a DURATION (PTXM), the signal word outside it; before 'later', 'earlier' "
         "or 'ago' it is read whatever precedes it ('The war ended years later')"),
    Rule("times.found.vague_shift", "'years later', 'weeks ago': FUTURE_REF, PAST_REF"),
    Rule("times.found.ago", "'five years ago', 'a week ago': counted back from the publication date"),
    Rule("times.found.later", "'two weeks later', 'three days after the attack', 'a year earlier': counted "
         "from the narrated date"),
    Rule("times.found.weekend", "'over the weekend': the weekend next to publication, in the direction of "
         "the tense"),
    Rule("times.found.relative_unit", "'last week', 'this year', 'the next day', 'that same day', 'the "
         "year' after a modifier"),
    Rule("times.found.past_span", "'the past week', 'the last month': a span that ends now, a DURATION P1W"),
    Rule("times.found.next_span", "'over the next decade', 'for the coming year', 'within the next week': a span "
         "ahead, a DURATION (P1DE), as 'the past week' is one back"),
    Rule("times.found.relative_span", "'the following days', 'the coming years': a DURATION PXD, PXY"),
    Rule("times.found.relative_weekday", "'next Monday', 'last Friday', 'this Sunday'"),
    Rule("times.found.relative_month", "'the previous April', 'last summer', 'next March'"),
    Rule("times.found.relative_part_of_day", "'this morning', 'last night' (the night before publication)"),
    Rule("times.found.year_pair", "'1914-18' (three tokens): the years 1914 and 1918"),
    Rule("times.found.day_list", "'14 and 24 August', '5–9 September 1914': the first day shares the month "
         "and year of the second"),
    Rule("times.found.month_list", "'May and June 1940', 'summer and autumn 1918': the first shares the year "
         "of the second"),
    Rule("times.found.part_of_date", "'the night of 20 June 1791', 'the morning of 31 January': a TIME on "
         "that date"),
    Rule("times.found.holiday", "'Christmas', 'New Year's Eve 2023': a day of the calendar"),
    Rule("times.found.weekday_date", "'Monday, 6 January 1975', 'Friday the 13th of May': the weekday joins "
         "the date"),
    Rule("times.found.weekday", "'on Monday', 'Friday' (capitalised)"),
    Rule("times.found.part_of_day_after", "'Monday morning', 'June 6 evening', 'yesterday afternoon': the "
         "date becomes a TIME"),
    Rule("times.found.day_month", "'6 January 1975', 'the 19th of October 1950', '9 Nov'"),
    Rule("times.found.month_day", "'November 20, 1953', 'Sept. 5', 'April 24'"),
    Rule("times.found.month", "'June 1940', 'September of 1793', 'January of last year' (a month with a year)"),
    Rule("times.found.month_alone", "'in June': a month named alone, where it cannot be the verb, the modal "
         "or part of a name"),
    Rule("times.found.year_after_date", "', 1975', '1975', 'of 1975', ''75' after a month, a day or a "
         "holiday: the date's year"),
    Rule("times.found.of_last_year", "'January of last year', 'August last year': the year counted from "
         "publication"),
    Rule("times.found.of_that_year", "'August of that year', 'May of the same year': the narrated year"),
    Rule("times.found.season", "'summer 1918', 'in the spring', 'last winter'"),
    Rule("times.found.half", "'the first half of 2008': 2008-H1"),
    Rule("times.found.quarter", "'the third quarter', 'third-quarter earnings', 'Q3 2024': 2024-Q3"),
    Rule("times.found.decade", "'the 1990s', 'the '90s', '’80s': 199"),
    Rule("times.found.century", "'the 19th century', 'the 1800s', 'the fifth century BC': 18"),
    Rule("times.found.year_range", "'1914–1918' (one token): two years"),
    Rule("times.found.mid_year", "'mid-2023', 'mid-1990s' (one token): the year or decade with mod MID"),
    Rule("times.found.year", "'2000', '480 BC', 'AD 79': a number from 1000 to 2200 (or one marked BC/AD) "
         "that counts nothing"),
    Rule("times.found.year_opening_clause", "'By 2030 emissions will fall', 'Since 2014 troops have ...': "
         "a temporal preposition opening a clause makes the number a year, even before a plural noun"),
    Rule("times.found.year_after_determiner", "'the 1777 campaigns', 'its 2006 highs': a determiner or possessor "
         "before a 4-digit number without a thousands separator makes it a year, plural noun or not"),
    Rule("times.found.short_year_bc", "'in 480', 'from 490 to 479' (2-3 digits after a preposition): a year, "
         "kept only in a story told in years before Christ"),
    Rule("times.found.noon", "'at noon', 'by midnight', 'around midday': T12:00, T24:00"),
    Rule("times.found.clock", "'3:30 p.m.', '2am', '5 o'clock', '15.30 GMT', '11:00hrs': a TIME"),
    Rule("times.found.military_time", "'1922 UTC', '0600 GMT': four digits before a zone are a clock time"),
    Rule("times.found.clock_with_day", "'1922 UTC yesterday', '8.10am today': one TIME on that day"),
    Rule("times.found.clock_with_date", "'5:03 AM, February 10, 2019': one TIME on that date"),
    Rule("times.found.bare_day", "'on the 20th', 'until the 3rd': a day of the month named alone"),
    Rule("times.found.deictic_day", "'today', 'yesterday', 'tomorrow', 'tonight': a day counted from "
         "publication"),
    Rule("times.found.deictic_ref", "'now', 'currently', 'recently', 'recent': PRESENT_REF, PAST_REF"),
    Rule("times.found.recent_units", "'in recent years', 'recent months': PXY"),
]

_NOT = [
    Rule("times.not.past_as_adjective", "'the past two centuries' (a duration, read as one), 'the past tense': "
         "not the PAST_REF 'the past'"),
    Rule("times.not.approximator_as_preposition", "'over the past two years', 'about the next week': the word "
         "before 'the' is a preposition, not 'more than' or 'about'"),
    Rule("times.not.ordinal_second", "'for a second time', 'a second attack': the ordinal, not the unit"),
    Rule("times.not.article_unit", "'a day of mourning', 'a year of war': 'a' + unit is a duration only after "
         "a word that takes one ('for a week', 'lasted a day', 'more than a year')"),
    Rule("times.not.age", "an age is no time: '44 years old', 'a 50-year-old man', 'a six-month-old', '5 years of "
         "age'; nor is 'years old', 'months' time' (a bare plural unit before 'old' or a possessive mark)"),
    Rule("times.not.rate", "'km per hour', 'rounds per minute': a rate, not a recurring time"),
    Rule("times.not.now_that", "'now that' is a conjunction, not PRESENT_REF"),
    Rule("times.not.recent_not_adjective", "'recent' that the tagger does not read as an adjective"),
    Rule("times.not.lowercase_month", "'august' (the adjective), 'may', 'march': a month is capitalised"),
    Rule("times.not.month_verb", "'May' the modal, 'March' the verb: not a month named alone"),
    Rule("times.not.month_in_name", "'April Smith', 'June Carter': a month before another capitalised name"),
    Rule("times.not.may_march_without_cue", "'May' and 'March' alone are months only after a preposition, "
         "a conjunction or a determiner ('in May', 'last March')"),
    Rule("times.not.season_without_cue", "'spring' alone is a season only after a preposition or a "
         "determiner ('in spring', 'the summer')"),
    Rule("times.not.season_phrase", "'the spring of discontent', 'spring-loaded', 'the summer season'"),
    Rule("times.not.bare_q", "'Q3' with no year is too often something else (a model, a grade)"),
    Rule("times.not.holiday_in_name", "'the Christmas Charity', 'Christmas Island': a holiday before a "
         "capitalised name"),
    Rule("times.not.ordinal_before_noun", "'the 20th anniversary', 'the 2nd battalion': an ordinal before a "
         "word is no day of the month"),
    Rule("times.not.count_after_cue", "'$2000', 'more than 2000', 'about 2000', 'number 2000': a number after "
         "a currency or a counting word"),
    Rule("times.not.unit_after", "'2000 km', 'a 2000-km border', '1500 hryvnias', '2100 UTC': a number "
         "before a unit, a currency or a time zone"),
    Rule("times.not.figure_value", "'the number of cases is 1501', 'the toll rose to 1501': the value a figure "
         "noun's clause gives is a count"),
    Rule("times.not.count_of", "'2000 of them', '1500 of the troops': a number before 'of' + determiner"),
    Rule("times.not.count_before_plural", "'2000 troops', '1999 percent': a number before a plural noun or "
         "'percent' counts it"),
    Rule("times.not.broken_number", "'1,2000': digits after a short number and a comma"),
    Rule("times.not.decimal_number", "'3.50', '12.45': a number, not a clock time (a clock time needs a colon, "
         "am/pm, 'o'clock' or a zone)"),
    Rule("times.not.modified_clock", "'late 21:30': a modifier before a clock time is left out (TimeML gives "
         "clock times no START or END)"),
]

_TENSE = [
    Rule("times.tense.delayed_until", "'postponed until Friday', 'extended to March', 'adjourned till Monday': "
         "what a delay moves a thing to is ahead, though the verb is past (lexicon delay_verbs)"),
    Rule("times.tense.future_auxiliary", "'will attack on Friday', 'is going to', 'shall': future"),
    Rule("times.tense.past", "'attacked on Friday', 'had met in June', 'was held': past"),
    Rule("times.tense.future_verb", "'(troops) expected by December', 'is due in May', 'plans ... in June': "
         "future"),
    Rule("times.tense.present", "'talks are held on Friday', 'leaders are meeting': present (a timetable: "
         "ahead); with 'by' before the time, a deadline"),
    Rule("times.tense.infinitive", "'began to withdraw on Monday', 'will try to meet in June': the tense of "
         "the verb the infinitive depends on"),
    Rule("times.tense.deadline", "'by December', 'until May', 'before Friday' (no tense to read): forward"),
]

_RESOLVE = [
    Rule("times.resolve.bc_short_year", "'in 490' after '499 BC': the year 490 BC (elsewhere a 2-3 digit "
         "number after a preposition is dropped)"),
    Rule("times.resolve.weekend_by_tense", "'over the weekend': the last weekend in a past clause, the next "
         "in a future one"),
    Rule("times.resolve.from_publication", "'yesterday', 'last week', 'two years ago', 'on Monday' in a news "
         "report: counted from the publication date"),
    Rule("times.resolve.from_narrated", "'the next day', 'two weeks later', any relative date in a story, a "
         "weekday after a narrated day: counted from the last narrated date"),
    Rule("times.resolve.publication_default", "'the following Monday', 'the next day' with no narrated date "
         "to count from, 'June' in a report: the publication date (its year, by tense)"),
    Rule("times.resolve.coarse_anchor", "'the next day' after 'in June 1943': 1943-06-XX (a count of days or "
         "weeks from a month or a year keeps only what is known)"),
    Rule("times.resolve.weekday.next", "'next Monday': the first Monday after the anchor"),
    Rule("times.resolve.weekday.last", "'last Monday': the last Monday before the anchor"),
    Rule("times.resolve.weekday.ahead_by_tense", "'will meet on Friday', 'talks are held on Friday', a "
         "weekday in a story not told in the past: the next such day (or the day itself)"),
    Rule("times.resolve.weekday.back", "'met on Friday': the last such day up to the anchor"),
    Rule("times.resolve.day.narrated_month", "'on the 20th' in a story: the 20th of the narrated month"),
    Rule("times.resolve.day.publication_month", "'on the 20th' in a report: of the publication month, or of "
         "the month before (past) or after (future) when the day has not come (has passed)"),
    Rule("times.resolve.clock.near_narrated_day", "'on August 2 ... at 5 p.m.': a clock time within 150 "
         "characters after a narrated day is on that day"),
    Rule("times.resolve.year.shifted", "'January of last year': the publication year minus one"),
    Rule("times.resolve.year.that_year", "'August of that year': the year of the narrated date"),
    Rule("times.resolve.year.old_story", "'The offensive of 1943 stalled. In June, the army withdrew.': in a "
         "report, a yearless past date right after an old year (a full date, or a year in the same or last "
         "sentence) is in that year"),
    Rule("times.resolve.year.by_tense", "'in June' in a report, or in a story's future clause: the latest "
         "June up to publication in a past clause, the next in a future one, else the nearest"),
    Rule("times.resolve.year.near_publication", "'effective July 31' published July 28: a day within 31 days "
         "of publication is in its year, whatever the tense"),
    Rule("times.resolve.clock.story_day", "'At 5 p.m. they fought.' in a story, far from the narrated day (and a "
         "quarter with no year): on the narrated day"),
    Rule("times.resolve.year.narrated", "'In June, the army withdrew.' in a history: the year of the narrated "
         "date"),
    Rule("times.resolve.clock.base_day", "'at 5 p.m.' with no date: on the publication day in a report, on "
         "the narrated day in a story"),
    Rule("times.resolve.bc_narrated", "'In June' after '480 BC': a yearless date in a story told in years "
         "before Christ is BC too"),
    Rule("times.resolve.story_ignores_publication", "'today' quoted in a history: a date resolved against "
         "the publication date does not move the story's narrated date"),
    Rule("times.resolve.clock.following_day", "'at 3:30 p.m. on Friday', 'at 2am local time on Friday': a "
         "clock time takes the day named right after it in the clause"),
    Rule("times.resolve.underspecified", "no date to count from (no publication date, nothing narrated) or "
         "no whole count ('1.5 years ago'): the value keeps what the words say, 'June 12' -> XXXX-06-12; "
         "off: such a time is dropped"),
    Rule("times.resolve.out_of_range", "'next year' said on 9999-12-31, 'ten years ago' in year 5: past year "
         "1 or 9999 the value keeps what the words say, XXXX; off: such a time is dropped"),
]

RULES = RuleTable("times", [*_MODE, *_FOUND, *_NOT, *_TENSE, *_RESOLVE])
