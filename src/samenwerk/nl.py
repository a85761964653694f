"""Dutch for people: dates, weekdays and period units, in one place for rules, reports and templates.

Dates go through Babel (locale nl_BE), so month names and patterns are CLDR's, not ours.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

LOCALE = "nl_BE"
DATE_FORMAT = "d MMMM y"

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

_UNITS = {
    "days": ("dag", "dagen"),
    "weeks": ("week", "weken"),
    "months": ("maand", "maanden"),
    "years": ("jaar", "jaar"),
}


@lru_cache(maxsize=8192)
def _date(day: dt.date, fmt: str) -> str:
    from babel.dates import format_date

    return format_date(day, fmt, locale=LOCALE)


def date(day: dt.date | None, fmt: str = DATE_FORMAT) -> str:
    """A date in Dutch: 22 november 2023 (empty for no date). Also the templates' ``datum`` filter."""
    if day is None:
        return ""
    return _date(day, fmt)


def unit(value: int, name: str) -> str:
    """The Dutch word for a period unit ('days', 'months', ...), singular or plural: 1 maand, 3 maanden."""
    singular, plural = _UNITS[name]
    return singular if value == 1 else plural


def number(value: float) -> str:
    """A number as Dutch writes it: 80 (never 80.0), 8,5, 12.000 (Babel, nl_BE)."""
    from babel.numbers import format_decimal

    if isinstance(value, float) and value.is_integer():
        value = int(value)
    try:
        return str(format_decimal(value, locale=LOCALE, decimal_quantization=False))
    except (ArithmeticError, ValueError):  # beyond what Babel formats (a number of 40 digits in a broken file)
        return str(value)


def count(n: int, singular: str, plural: str) -> str:
    """'1 wijziging', '3 wijzigingen', '0 wijzigingen'."""
    return f"{n} {singular if n == 1 else plural}"
