"""The named steps of resolution (times/values.py), each on its own: a candidate's fields and a Scene (the
publication date, the mode, the narrated date, the tense) in, a value, its anchor and the rules that decided
it out."""

from __future__ import annotations

import datetime as dt

from newsgraph.nlp.times.reader import Cand
from newsgraph.nlp.times.rules import RULES
from newsgraph.nlp.times.tense import NO_TENSE, Tense
from newsgraph.nlp.times.values import (
    Anchor,
    Scene,
    Settings,
    Value,
    as_written,
    calendar_value,
    day_value,
    kind_of,
    named_value,
    relative_value,
    underspecified,
    value_of,
    weekday_value,
    year_by_tense,
)

PUB = dt.date(2024, 10, 28)  # a Monday
OLD = dt.date(2009, 12, 19)
PAST = Tense("past", "times.tense.past", (100, 108))
FUTURE = Tense("future", "times.tense.future_auxiliary", (100, 104))
PRESENT = Tense("present", "times.tense.present", (100, 103))


def scene(pub: dt.date | None = PUB, *, narrative: bool = False, last: Anchor | None = None,
          stated: Anchor | None = None, tense: Tense = NO_TENSE, text: str = "", off: tuple[str, ...] = ()) -> Scene:
    return Scene(pub, narrative, last, stated, tense, text, RULES.switched_off(off), Settings())


def told(date: dt.date, grain: str = "D", pos: int = 0, end: int = 10, bc: bool = False) -> Anchor:
    """A narrated date, stated at text[pos:end]."""
    return Anchor(date, grain, bc, pos, end)


def cand(start: int = 200, **fields) -> Cand:
    return Cand(start, start + 5, fields.pop("type", "DATE"), 0, **fields)


def rules_of(v: Value | None) -> list[str]:
    assert v is not None
    return [rule for rule, _ in v.steps]


# ------------------------------------------------------------------------------------------ dispatch


def test_values_the_words_state_need_no_context() -> None:
    assert as_written(cand(literal="P3Y")) == "P3Y"
    assert as_written(cand(decade="199")) == "199"
    assert as_written(cand(century="04", bc=True)) == "BC04"
    assert as_written(cand(month=6)) is None
    assert value_of(cand(literal="PAST_REF"), scene()) == Value("PAST_REF")


def test_the_kind_of_an_expression_picks_its_resolver() -> None:
    assert kind_of(cand(unit="W", offset=-1, anchor="published")) == "relative"
    assert kind_of(cand(weekday=4)) == "weekday"
    assert kind_of(cand(season="SU", offset=-1, anchor="published")) == "named"
    assert kind_of(cand(day=20)) == "day"
    assert kind_of(cand(month=6)) == "calendar"


def test_underspecified_keeps_what_the_words_say() -> None:
    assert underspecified(cand(unit="W", offset=-1)) == "XXXX-WXX"
    assert underspecified(cand(weekday=0, tod="MO")) == "XXXX-WXX-1TMO"
    assert underspecified(cand(day=20)) == "XXXX-XX-20"
    assert underspecified(cand(month=6, day=12)) == "XXXX-06-12"
    assert underspecified(cand(season="SU", offset=-1, anchor="published")) == "XXXX-SU"


# ---------------------------------------------------------------------------------- relative dates


def test_relative_from_publication() -> None:
    v = relative_value(cand(unit="D", offset=-1, anchor="published", pub_only=True), scene(narrative=True))
    assert v == Value("2024-10-27", "published", [("times.resolve.from_publication", None)])


def test_relative_from_the_narrated_date() -> None:
    march = told(dt.date(2023, 3, 3), pos=5, end=17)
    v = relative_value(cand(unit="D", offset=1, anchor="narrative"), scene(last=march))
    assert v == Value("2023-03-04", "narrative", [("times.resolve.from_narrated", (5, 17))])
    # in a story every relative date follows the narrated date, "next week" too
    v = relative_value(cand(unit="W", offset=1, anchor="published"),
                       scene(narrative=True, last=told(dt.date(1944, 6, 6))))
    assert v is not None and (v.value, v.anchor) == ("1944-W24", "narrative")


def test_relative_from_publication_by_default() -> None:
    v = relative_value(cand(unit="D", offset=1, anchor="narrative"), scene())
    assert v == Value("2024-10-29", "published", [("times.resolve.publication_default", None)])
    assert relative_value(cand(unit="D", offset=1, anchor="narrative"), scene(None)) is None  # nothing to count from


def test_a_count_from_a_coarse_date_keeps_only_what_is_known() -> None:
    june = told(dt.date(1943, 6, 1), "M")
    v = relative_value(cand(unit="D", offset=1, anchor="narrative"), scene(last=june))
    assert v is not None and v.value == "1943-06-XX" and rules_of(v)[-1] == "times.resolve.coarse_anchor"
    v = relative_value(cand(unit="D", offset=1, anchor="narrative"),
                       scene(last=june, off=("times.resolve.coarse_anchor",)))
    assert v is not None and v.value == "1943-06-02"
    v = relative_value(cand(unit="M", offset=1, anchor="narrative"), scene(last=told(dt.date(1943, 1, 1), "Y")))
    assert v is not None and v.value == "1943-XX"


def test_the_weekend_goes_the_way_of_the_tense() -> None:
    def weekend(tense: Tense) -> Value | None:
        return relative_value(cand(unit="WE", offset=0, anchor="published", by_tense=True), scene(tense=tense))

    past = weekend(PAST)
    assert past is not None and past.value == "2024-W43-WE"
    assert past.steps[:2] == [("times.resolve.weekend_by_tense", (100, 108)), ("times.tense.past", (100, 108))]
    assert weekend(FUTURE) == Value("2024-W44-WE", "published", [
        ("times.resolve.weekend_by_tense", (100, 104)), ("times.tense.future_auxiliary", (100, 104)),
        ("times.resolve.from_publication", None)])


def test_relative_units_of_the_clock_have_no_date() -> None:
    assert relative_value(cand(unit="H", offset=2, anchor="narrative"), scene()) is None


def test_relative_years_before_christ_count_down() -> None:
    v = relative_value(cand(unit="Y", offset=1, anchor="narrative"), scene(last=told(dt.date(499, 1, 1), "Y", bc=True)))
    assert v is not None and v.value == "BC0498"


# ---------------------------------------------------------------------------------------- weekdays


def test_weekday_back_in_a_past_clause_ahead_in_a_future_one() -> None:
    friday = cand(weekday=4)
    v = weekday_value(friday, scene(tense=PAST))
    assert v is not None and (v.value, rules_of(v)) == (
        "2024-10-25", ["times.resolve.from_publication", "times.resolve.weekday.back", "times.tense.past"])
    v = weekday_value(friday, scene(tense=FUTURE))
    assert v is not None and (v.value, rules_of(v)[1]) == ("2024-11-01", "times.resolve.weekday.ahead_by_tense")
    v = weekday_value(friday, scene(tense=PRESENT))  # "talks are held on Friday": a timetable
    assert v is not None and v.value == "2024-11-01"
    v = weekday_value(cand(weekday=0), scene(tense=PAST))  # the day itself
    assert v is not None and v.value == "2024-10-28"


def test_next_and_last_weekday() -> None:
    v = weekday_value(cand(weekday=0, offset=1, anchor="published"), scene())
    assert v is not None and (v.value, rules_of(v)[1]) == ("2024-11-04", "times.resolve.weekday.next")
    v = weekday_value(cand(weekday=0, offset=-1, anchor="published"), scene())
    assert v is not None and (v.value, rules_of(v)[1]) == ("2024-10-21", "times.resolve.weekday.last")


def test_weekday_from_a_narrated_day() -> None:
    day = told(dt.date(1944, 6, 6), pos=3, end=14)  # a Tuesday
    v = weekday_value(cand(weekday=4), scene(narrative=True, last=day))
    assert v == Value("1944-06-09", "narrative", [("times.resolve.from_narrated", (3, 14)),
                                                  ("times.resolve.weekday.ahead_by_tense", None)])
    v = weekday_value(cand(weekday=4), scene(narrative=True, last=day, tense=PAST))
    assert v is not None and v.value == "1944-06-02"
    assert weekday_value(cand(weekday=4), scene(narrative=True, last=told(dt.date(1944, 1, 1), "Y"))) is None


# ---------------------------------------------------------------------------- named months and days


def test_named_month_or_season_from_its_anchor() -> None:
    v = named_value(cand(season="SU", offset=-1, anchor="published"), scene())
    assert v == Value("2024-SU", "published", [("times.resolve.from_publication", None)])
    v = named_value(cand(month=3, offset=1, anchor="published"), scene())
    assert v is not None and v.value == "2025-03"
    v = named_value(cand(month=11, offset=-1, anchor="narrative"), scene(last=told(dt.date(1944, 6, 6))))
    assert v is not None and (v.value, v.anchor) == ("1943-11", "narrative")


def test_a_day_of_the_month_in_a_story_is_in_the_narrated_month() -> None:
    v = day_value(cand(day=20), scene(narrative=True, last=told(dt.date(1944, 6, 6), pos=1, end=9)))
    assert v == Value("1944-06-20", "narrative", [("times.resolve.day.narrated_month", (1, 9))])
    assert day_value(cand(day=20), scene(narrative=True, last=told(dt.date(1944, 1, 1), "Y"))) is None


def test_a_day_of_the_month_in_a_report_is_moved_by_tense() -> None:
    assert day_value(cand(day=20), scene(tense=PAST)) == Value("2024-10-20", "published", [
        ("times.resolve.day.publication_month", (100, 108)), ("times.tense.past", (100, 108))])
    v = day_value(cand(day=30), scene(tense=PAST))  # the 30th has not come yet: last month's
    assert v is not None and v.value == "2024-09-30"
    v = day_value(cand(day=5), scene(tense=FUTURE))  # the 5th has passed: next month's
    assert v is not None and v.value == "2024-11-05"


# ----------------------------------------------------------------------------------- calendar dates


def test_a_clock_time_soon_after_a_narrated_day_is_on_it() -> None:
    day = told(dt.date(1944, 6, 6), pos=100, end=111)
    v = calendar_value(cand(150, type="TIME", tod="17:00"), scene(last=day))
    assert v == Value("1944-06-06T17:00", "narrative", [("times.resolve.clock.near_narrated_day", (100, 111))])
    v = calendar_value(cand(400, type="TIME", tod="17:00"), scene(last=day))  # too far: the publication day
    assert v is not None and v.value == "2024-10-28T17:00" and rules_of(v)[-1] == "times.resolve.clock.base_day"


def test_year_of_last_year_and_of_that_year() -> None:
    v = calendar_value(cand(month=1, year_shift=-1), scene())
    assert v == Value("2023-01", "published", [("times.resolve.year.shifted", None)])
    v = calendar_value(cand(month=8, that_year=True), scene(last=told(dt.date(1940, 1, 1), "Y", pos=2, end=6)))
    assert v == Value("1940-08", "narrative", [("times.resolve.year.that_year", (2, 6))])


def test_a_report_recalling_an_old_story_keeps_its_year() -> None:
    text = "The offensive of 1943 stalled. In June, the army withdrew."
    y1943 = told(dt.date(1943, 1, 1), "Y", pos=17, end=21)
    v = calendar_value(cand(34, month=6), scene(last=y1943, stated=y1943, tense=PAST, text=text))
    assert v is not None and (v.value, v.anchor, rules_of(v)) == (
        "1943-06", "narrative", ["times.resolve.year.old_story", "times.tense.past"])
    far = "The offensive of 1943 stalled. It was cold. Supplies ran out. In June, the army withdrew."
    v = calendar_value(cand(66, month=6), scene(last=y1943, stated=y1943, tense=PAST, text=far))
    assert v is not None and v.value == "2024-06"  # a year named in passing reaches only the next sentence


def test_a_yearless_date_in_a_report_takes_the_publication_year_by_tense() -> None:
    v = calendar_value(cand(month=6), scene(tense=PAST))
    assert v is not None and (v.value, rules_of(v)) == ("2024-06", ["times.resolve.year.by_tense", "times.tense.past"])
    v = calendar_value(cand(month=6), scene(tense=FUTURE))
    assert v is not None and v.value == "2025-06"
    v = calendar_value(cand(month=11, day=2), scene(tense=PAST))  # effective November 2, published October 28
    assert v is not None and (v.value, rules_of(v)) == (
        "2024-11-02", ["times.resolve.year.by_tense", "times.resolve.year.near_publication"])


def test_a_yearless_date_in_a_history_takes_the_narrated_year() -> None:
    y1943 = told(dt.date(1943, 1, 1), "Y", pos=17, end=21)
    v = calendar_value(cand(month=6), scene(OLD, narrative=True, last=y1943, tense=PAST))
    assert v == Value("1943-06", "narrative", [("times.resolve.year.narrated", (17, 21))])
    # unless its clause speaks of the future
    v = calendar_value(cand(month=6), scene(OLD, narrative=True, last=y1943, tense=FUTURE))
    assert v is not None and (v.value, v.anchor) == ("2010-06", "published")


def test_a_time_of_day_in_a_story_is_on_the_narrated_day() -> None:
    day = told(dt.date(1944, 6, 6), pos=0, end=11)
    v = calendar_value(cand(900, type="TIME", tod="17:00"), scene(narrative=True, last=day))
    assert v == Value("1944-06-06T17:00", "narrative", [("times.resolve.clock.story_day", (0, 11))])


def test_with_no_narrated_date_the_publication_year() -> None:
    v = calendar_value(cand(month=6), scene(narrative=True, tense=PAST))
    assert v is not None and (v.value, rules_of(v)[0]) == ("2024-06", "times.resolve.publication_default")
    assert calendar_value(cand(month=6), scene(None)) is None  # nothing to tell the year: underspecified


def test_a_yearless_date_in_a_story_told_before_christ_is_bc() -> None:
    bc = told(dt.date(480, 1, 1), "Y", pos=0, end=6, bc=True)
    v = calendar_value(cand(month=6), scene(narrative=True, last=bc))
    assert v is not None and v.value == "BC0480-06" and rules_of(v)[-1] == "times.resolve.bc_narrated"


def test_year_by_tense() -> None:
    s = scene()
    assert year_by_tense(cand(month=6), PUB, PAST, s) == (2024, [("times.tense.past", (100, 108))])
    assert year_by_tense(cand(month=12), PUB, PAST, s)[0] == 2023
    assert year_by_tense(cand(month=3), PUB, FUTURE, s)[0] == 2025
    assert year_by_tense(cand(month=12), PUB, NO_TENSE, s) == (2024, [])  # the nearest December
    assert year_by_tense(cand(month=2), PUB, NO_TENSE, s)[0] == 2025
    near = (2024, [("times.resolve.year.near_publication", None)])
    assert year_by_tense(cand(month=11, day=20), PUB, PAST, s) == near
    assert year_by_tense(cand(season="SU"), PUB, PAST, s)[0] == 2024
