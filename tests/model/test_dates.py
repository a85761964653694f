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


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("31/12/2025", "write it with '-' between the parts: 31-12-2025"),
        ("2025.12.31", "write it with '-' between the parts: 2025-12-31"),
        ("31 december 2025", "write the month as a number: 31-12-2025"),
        ("1 mrt. 2024", "write the month as a number: 01-03-2024"),
        ("31-12-25", "write the year in four digits"),
        ("12/31/2025", "write it as 31-12-2025 or 2025-12-31"),  # no such date either way: no guess
    ],
)
def test_a_date_in_another_form_says_how_to_write_it(text: str, hint: str) -> None:
    with pytest.raises(ValueError, match="is not a date") as caught:
        parse_date(text)
    assert hint in str(caught.value)


@pytest.mark.parametrize("value", ["31-12-1899", "2201-01-01", "01-01-0000", dt.date(1850, 1, 1), dt.date(9999, 1, 1)])
def test_years_outside_1900_to_2200_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="the year must lie between 1900 and 2200"):
        parse_date(value)


@pytest.mark.parametrize("value", ["01-01-1900", "2200-12-31", dt.date(2200, 12, 31)])
def test_years_at_the_bounds_are_accepted(value: object) -> None:
    assert parse_date(value).year in (1900, 2200)


@pytest.mark.parametrize(
    ("value", "got"), [(2022, "the number 2022"), (None, "nothing"), ([1], "a list"), (True, "the boolean true")]
)
def test_a_value_that_is_no_text_says_what_it_is(value: object, got: str) -> None:
    with pytest.raises(ValueError, match=f"expected a date such as 31-12-2025 or 2025-12-31, got {got}"):
        parse_date(value)
