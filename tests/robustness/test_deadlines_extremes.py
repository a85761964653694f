"""Deadline arithmetic cannot overflow: extreme dates and periods give deadlines or none, never a crash."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from samenwerk import document
from samenwerk.deadlines import compute, parse_within, window_end
from samenwerk.errors import SamenwerkError
from samenwerk.model.agreement import Duration, FollowUp, Obligation, Period, Termination
from samenwerk.reporters.deadlines import FORMATS, Options

from ..conftest import FIXTURES

BASE = document.read(FIXTURES / "lint" / "positive" / "minimal.yaml").agreement


def _extreme(end: dt.date, value: int, unit: str):
    duration = Duration.model_construct(
        start=dt.date(2020, 1, 1),
        end=end,
        termination=Termination.model_construct(allowed=True, notice=Period.model_construct(value=value, unit=unit)),
        follow_ups=[
            FollowUp.model_construct(
                id="plan", text="Plan", after_signing=Period.model_construct(value=value, unit=unit)
            )
        ],
    )
    obligation = Obligation.model_construct(
        id="rapport", text="Rapport", every=Period.model_construct(value=value, unit=unit)
    )
    signing = BASE.signing.model_copy(update={"date": dt.date(2020, 1, 1)})
    # model_copy does not validate: this is what a model with today's bounds, or none, could hold.
    return BASE.model_copy(update={"duration": duration, "obligations": [obligation], "signing": signing})


@pytest.mark.parametrize("end", [dt.date(9999, 12, 31), dt.date(2200, 12, 31), dt.date(1, 1, 1) + dt.timedelta(400)])
@pytest.mark.parametrize(("value", "unit"), [(10**9, "years"), (10**12, "days"), (1, "days"), (9999, "months")])
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_extreme_dates_and_periods_do_not_crash(end: dt.date, value: int, unit: str, fmt: str) -> None:
    agreement = _extreme(end, value, unit)
    as_of = dt.date(2025, 1, 1)
    report = compute(agreement, as_of, parse_within("90d"))
    assert report.end == end
    out = io.StringIO()
    problems = io.StringIO()
    options = Options(as_of=as_of, until=window_end(as_of, parse_within("90d")), problems=problems)
    FORMATS.writer(fmt)([report], [], out, options)
    assert out.getvalue()


@pytest.mark.parametrize("within", ["999999999y", "99999999999999999999d", "1201m"])
def test_an_absurd_window_is_a_usage_error(within: str) -> None:
    with pytest.raises(SamenwerkError, match="100 years"):
        parse_within(within)


def test_the_window_ends_at_the_calendars_end() -> None:
    assert window_end(dt.date(9999, 12, 1), parse_within("90d")) == dt.date.max
