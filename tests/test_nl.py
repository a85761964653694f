"""Dutch for people: dates through Babel and period units."""

from __future__ import annotations

import datetime as dt

from samenwerk import nl


def test_dates_are_dutch() -> None:
    assert nl.date(dt.date(2025, 12, 31)) == "31 december 2025"
    assert nl.date(dt.date(2023, 3, 1), "d MMMM") == "1 maart"
    assert nl.date(None) == ""


def test_units() -> None:
    assert nl.unit(1, "months") == "maand" and nl.unit(3, "months") == "maanden"
    assert nl.unit(1, "days") == "dag" and nl.unit(2, "weeks") == "weken"
    assert nl.unit(2, "years") == "jaar"


def test_numbers_in_dutch_and_beyond_what_babel_formats() -> None:
    from samenwerk import nl

    assert (nl.number(80.0), nl.number(8.5), nl.number(2500)) == ("80", "8,5", "2.500")
    huge = 10**40
    assert nl.number(huge) == str(huge)  # a broken file's number is shown, never a crash
