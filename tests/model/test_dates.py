from __future__ import annotations

import datetime as dt

import pytest

from samenwerk.model.types import parse_date


@pytest.mark.parametrize("text", ["31-12-2025", "2025-12-31", "31-12-2025 ", "2025-12-31"])
def test_both_date_forms_are_accepted(text: str) -> None:
    assert parse_date(text) == dt.date(2025, 12, 31)


def test_single_digit_day_and_month() -> None:
    assert parse_date("1-2-2024") == dt.date(2024, 2, 1)


def test_leap_day() -> None:
    assert parse_date("29-02-2024") == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31-13-2025", "there is no month 13"),
        ("31-04-2025", "month 4 of 2025 has no day 31"),
        ("29-02-2023", "month 2 of 2023 has no day 29"),
        ("2025/12/31", "is not a date"),
        ("eind 2025", "is not a date"),
    ],
)
def test_impossible_dates_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date(text)


def test_a_number_is_not_a_date() -> None:
    with pytest.raises(ValueError, match="expected a date"):
        parse_date(20251231)
