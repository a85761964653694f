from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta

from samenwerk.calendars import non_working, previous_working_day
from samenwerk.deadlines import Kind, State, compute, parse_within
from samenwerk.document import load as load_valid
from samenwerk.errors import SamenwerkError

from ..conftest import AGREEMENTS, FIXTURES

GENT = AGREEMENTS / "gent-vdab-2020-2025.yaml"
LEAP = FIXTURES / "deadlines" / "leap-notice.yaml"


def _model(path: Path):
    agreement, diagnostics = load_valid(path)
    assert agreement is not None, diagnostics
    return agreement


@pytest.mark.parametrize(
    ("as_of", "state", "days_left"),
    [
        (dt.date(2025, 12, 30), State.EXPIRING, 1),
        (dt.date(2025, 12, 31), State.EXPIRING, 0),  # "tot en met": still running on the end date
        (dt.date(2026, 1, 1), State.EXPIRED, -1),
        (dt.date(2025, 9, 1), State.ACTIVE, 121),
    ],
)
def test_state_around_the_real_end_date(as_of: dt.date, state: State, days_left: int) -> None:
    report = compute(_model(GENT), as_of, parse_within("90d"))
    assert (report.state, report.days_left) == (state, days_left)


def test_open_ended_and_not_started() -> None:
    pact = compute(_model(AGREEMENTS / "pact-samen-en-lokaal-voor-werk.yaml"), dt.date(2025, 1, 1), parse_within("90d"))
    assert pact.state is State.OPEN_ENDED and pact.end is None
    leap = compute(_model(LEAP), dt.date(2026, 2, 28), parse_within("90d"))
    assert leap.state is State.NOT_STARTED


def test_leap_year_window_and_notice() -> None:
    report = compute(_model(LEAP), dt.date(2028, 1, 31), parse_within("1m"))
    assert report.state is State.EXPIRING  # 31-01-2028 + 1 month = 29-02-2028
    by_key = {d.key: d for d in report.deadlines}
    assert by_key["end"].date == dt.date(2028, 2, 29)
    assert by_key["notice"].date == dt.date(2027, 11, 29)
    assert by_key["notice"].detail == "notice period 3 months"  # in the run's language: English in the tests
    assert compute(_model(LEAP), dt.date(2028, 1, 28), parse_within("1m")).state is State.ACTIVE


def test_follow_up_after_signing_on_a_holiday_is_flagged() -> None:
    report = compute(_model(LEAP), dt.date(2026, 1, 1), parse_within("90d"))
    (plan,) = [d for d in report.deadlines if d.kind is Kind.FOLLOW_UP]
    # Signed on Christmas 2025; six months later is Thursday 25 June 2026, a working day.
    assert plan.date == dt.date(2026, 6, 25) and plan.non_working is None


def test_follow_up_without_signing_date_is_reported_as_unknown() -> None:
    report = compute(_model(GENT), dt.date(2025, 1, 1), parse_within("90d"))
    (plan,) = [d for d in report.deadlines if d.kind is Kind.FOLLOW_UP]
    assert plan.date is None and "signing date is missing" in plan.detail


def test_recurring_meetings_follow_the_frequency() -> None:
    report = compute(_model(LEAP), dt.date(2026, 1, 1), parse_within("90d"))
    meetings = [d.date for d in report.deadlines if d.kind is Kind.MEETING]
    # Twice a year: end of June and end of December, from the start (March 2026) to the end (Feb 2028).
    assert meetings == [dt.date(2026, 6, 30), dt.date(2026, 12, 31), dt.date(2027, 6, 30), dt.date(2027, 12, 31)]
    kalmthout = compute(
        _model(AGREEMENTS / "kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025.yaml"),
        dt.date(2025, 1, 1),
        parse_within("90d"),
    )
    ops = [d for d in kalmthout.deadlines if d.key.startswith("meeting/operationeel-overleg/2025")]
    assert [d.date for d in ops] == [
        dt.date(2025, 3, 31),
        dt.date(2025, 6, 30),
        dt.date(2025, 9, 30),
        dt.date(2025, 12, 31),
    ]


@pytest.mark.parametrize(
    ("day", "why", "previous"),
    [
        (dt.date(2022, 12, 31), "zaterdag", dt.date(2022, 12, 30)),
        (dt.date(2025, 12, 25), "Kerstmis", dt.date(2025, 12, 24)),
        (dt.date(2026, 4, 6), "Paasmaandag", dt.date(2026, 4, 3)),  # back over the Easter weekend
        (dt.date(2025, 12, 31), None, None),
    ],
)
def test_weekends_and_belgian_holidays(day: dt.date, why: str | None, previous: dt.date | None) -> None:
    assert non_working(day) == why
    if previous:
        assert previous_working_day(day) == previous


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("90d", relativedelta(days=90)),
        ("12w", relativedelta(weeks=12)),
        ("6m", relativedelta(months=6)),
        ("3 months", relativedelta(months=3)),
    ],
)
def test_within(text: str, delta: relativedelta) -> None:
    assert parse_within(text) == delta


def test_bad_within_is_a_user_error() -> None:
    with pytest.raises(SamenwerkError, match="90d"):
        parse_within("soon")


@pytest.mark.parametrize(
    ("as_of", "fail_on", "code"),
    [
        ("30-12-2025", "expired", 0),
        ("31-12-2025", "expired", 0),
        ("2026-01-01", "expired", 1),
        ("30-12-2025", "expiring", 1),
        ("2026-01-01", "never", 0),
    ],
)
def test_exit_codes(cli, tmp_path: Path, as_of: str, fail_on: str, code: int) -> None:
    signed = tmp_path / "gent.yaml"  # as the agreement stood while it ran: status signed
    signed.write_text(re.sub(r"(?m)^status: .*$", "status: signed", GENT.read_text(encoding="utf-8")), "utf-8")
    result = cli("expiring", str(signed), "--as-of", as_of, "--fail-on", fail_on, "--format", "json")
    assert result.returncode == code, result.stderr


@pytest.mark.parametrize("status", ["expired", "terminated", "superseded"])
def test_an_agreement_recorded_as_over_never_fails(cli, tmp_path: Path, status: str) -> None:
    path = tmp_path / "gent.yaml"
    path.write_text(re.sub(r"(?m)^status: .*$", f"status: {status}", GENT.read_text(encoding="utf-8")), "utf-8")
    for fail_on in ("expired", "expiring"):
        result = cli("expiring", str(path), "--as-of", "2027-06-01", "--fail-on", fail_on, "--format", "json")
        assert result.returncode == 0, result.stderr
        (agreement,) = json.loads(result.stdout)["agreements"]
        assert (agreement["state"], agreement["status"], agreement["closed"]) == ("expired", status, True)


def test_the_shipped_agreements_pass_the_ci_deadline_step(cli) -> None:
    """docs/github-actions.yml runs this on every push: it must not fail forever once an agreement ended."""
    result = cli("expiring", "agreements/", "--within", "90d", "--fail-on", "expired")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 of them closed by their status" in result.stdout


def test_json_output(cli) -> None:
    result = cli("expiring", "--as-of", "2025-12-30", "--format", "json")
    doc = json.loads(result.stdout)
    states = {a["id"]: a["state"] for a in doc["agreements"]}
    assert states == {
        "engagementsverklaring-werkgelegenheidsconferentie-limburg": "open-ended",
        "gent-vdab-2020-2025": "expiring",
        "kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025": "expiring",
        "pact-samen-en-lokaal-voor-werk": "open-ended",
        "perspectief-middenkust-vdab-2023-2025": "expiring",
    }
    gent = next(a for a in doc["agreements"] if a["id"] == "gent-vdab-2020-2025")
    end = next(d for d in gent["deadlines"] if d["key"] == "end")
    assert end == {
        "key": "end",
        "kind": "end",
        "date": "2025-12-31",
        "title": "End of the agreement (up to and including December 31, 2025)",
        "detail": None,
        "in_window": True,
        "non_working": None,
        "previous_working_day": None,
    }


def test_markdown_in_dutch(cli) -> None:
    result = cli("expiring", str(GENT), "--as-of", "2025-12-30", "--format", "markdown", "--lang", "nl")
    assert "## Looptijd en deadlines op 30 december 2025" in result.stdout
    assert "| loopt binnenkort af (afgesloten) | 31 december 2025 | 1 |" in result.stdout  # status: expired


def test_ics_parses_back_with_stable_uids(cli, tmp_path: Path) -> None:
    from icalendar import Calendar

    runs = []
    for _ in range(2):
        result = cli("expiring", str(LEAP), "--as-of", "2026-01-01", "--format", "ics")
        assert result.returncode == 0
        runs.append(result.stdout)
    assert runs[0] == runs[1]
    cal = Calendar.from_ical(runs[0])
    events = list(cal.walk("VEVENT"))
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    assert "leap-notice/end@samenwerk" in uids
    end = next(e for e in events if str(e["UID"]) == "leap-notice/end@samenwerk")
    assert end.decoded("DTSTART") == dt.date(2028, 2, 29)
    (alarm,) = list(end.walk("VALARM"))
    assert alarm.decoded("TRIGGER") == -dt.timedelta(days=14)
    # Follow-up (June 2026), 4 meetings, notice, end, and the end of the 2026-2031 planning period.
    assert len(events) == 8


def test_a_broken_file_is_reported_and_the_rest_goes_on(cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\ntitle: y\nkind: pact\nparties: []\nduration: {end: 31-02-2025}\n", encoding="utf-8")
    result = cli("expiring", str(broken), str(GENT), "--as-of", "2025-06-01", "--format", "json")
    assert result.returncode == 2
    doc = json.loads(result.stdout)
    assert [a["id"] for a in doc["agreements"]] == ["gent-vdab-2020-2025"]
    errors = {(e["line"], e["col"]) for e in doc["errors"]}
    assert (5, 17) in errors and (4, 10) in errors


def test_table_respects_no_color(cli) -> None:
    result = cli("expiring", str(GENT), "--as-of", "2025-12-30")
    assert "\x1b[" not in result.stdout
    assert "gent-vdab-2020-2025" in result.stdout and "expiring" in result.stdout
