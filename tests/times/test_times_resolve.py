"""Resolution (times/resolve.py, mode.py, values.py) through the stage: anchors, the news or story mode,
relative chains, years before Christ, values past year 9999."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from tests.times.common import tag


def test_relative_chain_follows_the_narrated_date(tnlp: Language) -> None:
    got = tag(tnlp, "Talks opened on 3 March 2023. The next day the delegation left. Two days later they returned.")
    assert got == [("3 March 2023", "DATE", "2023-03-03"), ("The next day", "DATE", "2023-03-04"),
                   ("Two days later", "DATE", "2023-03-06")]


def test_narrative_document_takes_the_narrated_year(tnlp: Language) -> None:
    text = "The offensive of 1943 stalled. In June, the army withdrew. By 1944, the front had moved."
    assert tag(tnlp, text, dt.date(2009, 12, 19))[1] == ("June", "DATE", "1943-06")


def test_years_before_christ_count_down(tnlp: Language) -> None:
    got = tag(tnlp, "The revolt began in 499 BC. The following year Sardis burned. In 490, Marathon was fought.")
    assert got == [("499 BC", "DATE", "BC0499"), ("The following year", "DATE", "BC0498"),
                   ("490", "DATE", "BC0490")]


def test_quoted_today_does_not_make_a_history_a_news_report(tnlp: Language) -> None:
    text = ("The army crossed the river on October 3, 1935. He warned: \"It is us today.\" "
            "On October 5, the town fell.")
    assert tag(tnlp, text, dt.date(2009, 12, 19))[-1] == ("October 5", "DATE", "1935-10-05")


def test_without_publication_date_values_stay_underspecified(tnlp: Language) -> None:
    assert tag(tnlp, "The convoy was attacked on June 12.", None) == [("June 12", "DATE", "XXXX-06-12")]
    assert tag(tnlp, "Troops left last week.", None) == [("last week", "DATE", "XXXX-WXX")]


def test_news_report_with_old_years_stays_news(tnlp: Language) -> None:
    text = ("The treaty of 1994 and the accords of 2014 and 2015 failed, as did talks in 2019. "
            "Officials said the army withdrew from the town. In June, troops were sent back.")
    assert tag(tnlp, text)[-1] == ("June", "DATE", "2024-06")


def test_years_beyond_four_digits_and_numbers_beyond_floats_stay_unresolved(tnlp: Language) -> None:
    """Found by bench/fuzz.py: a count past a float's range crashed the stage; relative dates past 9999 (or
    before year 0) came out as "10000" or "-009", and "the next decade" after 9990 as "1000", which reads as
    a year; a tiny count as "P1e-301Y". Each now says only what the words say."""
    huge, tiny = "1" + "0" * 330, "0." + "0" * 320 + "1"
    assert tag(tnlp, f"a {huge}-month siege and {huge} days") == []
    end_of_time = dt.date(9999, 12, 31)
    assert tag(tnlp, "Next year the war ends.", end_of_time) == [("Next year", "DATE", "XXXX")]
    assert tag(tnlp, "The next decade will tell.", end_of_time) == [("The next decade", "DATE", "XXX")]
    assert tag(tnlp, "It began ten years ago.", dt.date(5, 1, 1)) == [("ten years ago", "DATE", "XXXX")]
    assert tag(tnlp, "It began ten years ago.", end_of_time) == [("ten years ago", "DATE", "9989")]
    [(_, kind, value)] = tag(tnlp, f"The truce lasted {tiny} years.")
    assert kind == "DURATION" and value == f"P{tiny}Y"
