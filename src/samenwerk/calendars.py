"""Calendars of Flemish local government as typed data: planning periods, legislatures and holidays.

The planning periods (meerjarenplannen) and legislatures ship in ``data/calendars.toml`` and can be
replaced in the configuration (``[tool.samenwerk.calendars]``). Belgian public holidays come from the
holidays library, with their Dutch names.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .nl import WEEKDAYS


@dataclass(frozen=True, slots=True)
class Period:
    """A named period, both ends inclusive."""

    name: str
    start: dt.date
    end: dt.date

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return self.start <= end and start <= self.end


@dataclass(frozen=True, slots=True)
class Calendars:
    planning_periods: tuple[Period, ...]
    legislatures: tuple[Period, ...]

    def named(self, name: str) -> tuple[Period, ...]:
        """One calendar by its configuration name: 'planning_periods' or 'legislatures'."""
        calendar: tuple[Period, ...] = getattr(self, name)
        return calendar


def calendars_from(data: Mapping[str, Any]) -> Calendars:
    """Calendars from TOML-shaped data: ``{"planning_periods": [{name, start, end}, ...], ...}``."""

    def periods(key: str) -> tuple[Period, ...]:
        return tuple(Period(str(row["name"]), row["start"], row["end"]) for row in data.get(key, []))

    return Calendars(periods("planning_periods"), periods("legislatures"))


@lru_cache(maxsize=1)
def default_calendars() -> Calendars:
    text = resources.files("samenwerk.data").joinpath("calendars.toml").read_text(encoding="utf-8")
    return calendars_from(tomllib.loads(text))


_HOLIDAY_LANGUAGES = {"nl": "nl", "en": "en_US"}
"""The holidays library's language for each of ours (it names Belgian holidays in both)."""


@lru_cache(maxsize=64)
def _holidays(year: int, language: str = "nl") -> dict[dt.date, str]:
    import holidays

    return dict(holidays.country_holidays("BE", years=year, language=_HOLIDAY_LANGUAGES.get(language, "nl")))


def non_working(day: dt.date, language: str = "nl") -> str | None:
    """Why ``day`` is not a working day in Belgium ('zaterdag', 'zondag', a holiday's name), or None; in
    ``language`` ('nl', the documents' language, or 'en')."""
    if day.weekday() >= 5:
        return WEEKDAYS[day.weekday()] if language == "nl" else ("Saturday", "Sunday")[day.weekday() - 5]
    return _holidays(day.year, language).get(day)


def previous_working_day(day: dt.date) -> dt.date:
    day -= dt.timedelta(days=1)
    while non_working(day):
        day -= dt.timedelta(days=1)
    return day
