"""Facts derived once from an agreement: start, end, notice and follow-up dates."""

from __future__ import annotations

import datetime as dt

import yaml

from samenwerk import facts
from samenwerk.model import Agreement

from .conftest import FIXTURES

BASE = yaml.safe_load((FIXTURES / "lint" / "positive" / "minimal.yaml").read_text(encoding="utf-8"))


def _agreement(**changes: object) -> Agreement:
    data = {**BASE, "duration": dict(BASE["duration"]), **changes}
    return Agreement.model_validate(data)


def test_start_is_the_start_date_or_the_signing_date() -> None:
    assert facts.start(_agreement()) == dt.date(2020, 1, 1)
    on_signing = _agreement(duration={"start": "on-signing", "end": "31-12-2025"}, signing={"date": "15-03-2021"})
    assert facts.start(on_signing) == dt.date(2021, 3, 15)
    assert facts.start(_agreement(duration={"start": "on-signing", "end": "31-12-2025"}, signing=None)) is None


def test_first_known_date_falls_back_on_the_earliest_approval() -> None:
    approvals = [
        {"id": "b", "party": "gemeente", "body": "gemeenteraad", "date": "20-05-2020"},
        {"id": "a", "party": "gemeente", "body": "college", "date": "02-04-2020"},
    ]
    agreement = _agreement(duration={"end": "31-12-2025"}, signing=None, approvals=approvals)
    assert facts.start(agreement) is None
    assert facts.first_known_date(agreement) == dt.date(2020, 4, 2)


def test_notice_date_is_the_end_less_the_notice_period() -> None:
    duration = {"end": "31-12-2025", "termination": {"allowed": True, "notice": {"value": 3, "unit": "months"}}}
    agreement = _agreement(duration=duration)
    assert facts.end(agreement) == dt.date(2025, 12, 31)
    assert facts.notice_date(agreement) == dt.date(2025, 9, 30)
    assert facts.notice_date(_agreement()) is None


def test_follow_up_due_dates() -> None:
    follow_ups = [
        {"id": "plan", "text": "Actieplan", "after_signing": {"value": 6, "unit": "months"}},
        {"id": "rapport", "text": "Rapport", "due": "30-06-2024"},
    ]
    signed = _agreement(duration={"end": "31-12-2025", "follow_ups": follow_ups}, signing={"date": "31-08-2020"})
    plan, report = signed.duration.follow_ups
    assert facts.follow_up_due(signed, plan) == dt.date(2021, 2, 28)  # month arithmetic clamps to the month's end
    assert facts.follow_up_due(signed, report) == dt.date(2024, 6, 30)
    unsigned = _agreement(duration={"end": "31-12-2025", "follow_ups": follow_ups}, signing=None)
    assert facts.follow_up_due(unsigned, unsigned.duration.follow_ups[0]) is None
