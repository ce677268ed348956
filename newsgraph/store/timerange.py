"""The calendar days a TIMEX3 DATE value covers, so events can be filtered by date range in SQL."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def timex_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of a TIMEX3 value; None when it is not a calendar period we can place.

    "2024-10-28" -> that day; "2024-W43" -> Mon..Sun; "2024-12" -> the month; "2024-Q3"; "2024-SU";
    "2024"; "199" -> the 1990s; "20" -> the 2000s (century-style values are decades here only if 3 digits).
    """
    if not value:
        return None
    v = value.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", v):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            year, q = int(m[1]), int(m[2])
            first = 3 * (q - 1) + 1
            return dt.date(year, first, 1), dt.date(year, first + 2, calendar.monthrange(year, first + 2)[1])
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            year, half = int(m[1]), int(m[2])
            return (dt.date(year, 1, 1), dt.date(year, 6, 30)) if half == 1 else (
                dt.date(year, 7, 1), dt.date(year, 12, 31))
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            year = int(m[1])
            first, last = _SEASONS[m[2]]
            end_year = year + 1 if m[2] == "WI" else year
            return dt.date(year, first, 1), dt.date(end_year, last, calendar.monthrange(end_year, last)[1])
        if re.fullmatch(r"\d{4}", v):
            return dt.date(int(v), 1, 1), dt.date(int(v), 12, 31)
        if re.fullmatch(r"\d{3}", v):
            return dt.date(int(v) * 10, 1, 1), dt.date(int(v) * 10 + 9, 12, 31)
    except (ValueError, OverflowError):  # week 53 of a 52-week year, year 0, a week running past 9999
        return None
    return None
