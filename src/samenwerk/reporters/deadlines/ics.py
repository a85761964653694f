"""iCalendar (RFC 5545) through the icalendar library: one all-day event per deadline.

UIDs are derived from the agreement id and the deadline's key, so a subscribed calendar updates its events
on the next run instead of adding duplicates. Every event has a display alarm ahead of the deadline.

The library escapes what iCalendar needs (``,``, ``;``, ``\\``, line breaks); RFC 5545 text may hold no
control characters, and a calendar shows what it is given, so agreement text and file names also go through
``neutral.terminal`` (controls and bidi shown escaped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TextIO

from ...deadlines import Report
from ...diagnostics import Diagnostic
from ...i18n import _
from ...neutral import diagnostic, quote_path, terminal
from . import Options


def report(reports: Sequence[Report], errors: Sequence[Diagnostic], out: TextIO, options: Options) -> None:
    as_of, alarm_days = options.as_of, options.alarm_days
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//samenwerk//deadlines//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("Cooperation agreements: deadlines"))
    # DTSTAMP must be a UTC date-time; tying it to --as-of keeps the output reproducible.
    stamp = dt.datetime.combine(as_of, dt.time(0, 0), tzinfo=dt.UTC)
    for rep in reports:
        for d in rep.deadlines:
            if d.date is None or d.date < as_of:
                continue
            event = Event()
            event.add("uid", terminal(f"{rep.agreement_id}/{d.key}@samenwerk"))
            event.add("dtstamp", stamp)
            event.add("dtstart", d.date)
            event.add("dtend", d.date + dt.timedelta(days=1) if d.date < dt.date.max else d.date)
            event.add("summary", terminal(f"{d.title} — {rep.title}"))
            lines = [terminal(rep.title), _("Kind: {kind}").format(kind=d.kind)]
            if d.detail:
                lines.append(terminal(d.detail))
            if d.non_working and d.working_day:
                lines.append(
                    _("Falls on a {day}; previous working day: {date}").format(
                        day=d.non_working, date=d.working_day.isoformat()
                    )
                )
            if rep.path:
                lines.append(_("File: {path}").format(path=quote_path(rep.path)))
            event.add("description", "\n".join(lines))
            event.add("categories", [str(d.kind)])
            event.add("transp", "TRANSPARENT")
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", terminal(d.title))
            alarm.add("trigger", dt.timedelta(days=-alarm_days))
            event.add_component(alarm)
            cal.add_component(event)
    out.write(cal.to_ical().decode("utf-8"))
    for e in errors:  # a calendar has no place for them
        options.problems.write(f"{diagnostic(e)}\n")
