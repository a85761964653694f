"""iCalendar (RFC 5545): one all-day event per deadline ahead, each with a display alarm.

UIDs are derived from the agreement id and the deadline's key, so a subscribed calendar updates its events
on the next run instead of adding duplicates.

The calendar is written line by line here, not built through the icalendar library: for the 8,400 events of
3,000 agreements, icalendar's object model and line folding took 4.6 s, more than loading the agreements
(docs/performance.md). What RFC 5545 asks of the few properties written is small and done below: TEXT
escaping (section 3.3.11), DATE and UTC DATE-TIME values (3.3.4, 3.3.5), a DURATION in days (3.3.6), and
content lines folded at 75 octets without splitting a character (3.1). The tests hold the output to
icalendar, byte for byte against what icalendar writes for the same events and read back by its parser.

RFC 5545 text may hold no control characters, and a calendar shows what it is given, so agreement text and
file names also go through ``neutral.terminal`` (controls and bidi shown escaped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from ...deadlines import Deadline, Report
from ...diagnostics import Diagnostic
from ...i18n import _
from ...neutral import diagnostic, quote_path, terminal
from . import Options

LIMIT = 74
"""Octets on a content line before it is folded: icalendar's choice (RFC 5545 allows 75), kept so that the
output is the one icalendar writes."""


def text(value: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma escaped, line breaks as ``\\n``."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """A content line folded (RFC 5545, 3.1): at most ``LIMIT`` octets a line, continued after CRLF and a space.

    A fold never splits a UTF-8 sequence, and never falls just after a backslash or a caret, so that no
    escape is split across lines (some clients misread that; icalendar avoids it the same way).
    """
    data = line.encode("utf-8")
    if len(data) <= LIMIT:
        return line
    parts: list[bytes] = []
    start = 0
    while len(data) - start > LIMIT:
        end = start + LIMIT
        while data[end] & 0xC0 == 0x80:  # inside a character: fold before it
            end -= 1
        if data[end - 1] in b"\\^" and end - 1 > start:
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8")


def _date(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def description(rep: Report, d: Deadline) -> str:
    """An event's description: the agreement, the kind of deadline, its detail, a non-working day, the file."""
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
    return "\n".join(lines)


def _event_lines(rep: Report, options: Options) -> Iterator[str]:
    as_of = options.as_of
    # DTSTAMP must be a UTC date-time; tying it to --as-of keeps the output reproducible.
    stamp = f"DTSTAMP:{_date(as_of)}T000000Z"
    trigger = f"TRIGGER:-P{options.alarm_days}D" if options.alarm_days else "TRIGGER:P0D"
    for d in rep.deadlines:
        if d.date is None or d.date < as_of:
            continue
        end = d.date + dt.timedelta(days=1) if d.date < dt.date.max else d.date
        yield "BEGIN:VEVENT"
        yield "SUMMARY:" + text(terminal(f"{d.title} — {rep.title}"))
        yield f"DTSTART;VALUE=DATE:{_date(d.date)}"
        yield f"DTEND;VALUE=DATE:{_date(end)}"
        yield stamp
        yield "UID:" + text(terminal(f"{rep.agreement_id}/{d.key}@samenwerk"))
        yield "CATEGORIES:" + text(str(d.kind))
        yield "DESCRIPTION:" + text(description(rep, d))
        yield "TRANSP:TRANSPARENT"
        yield "BEGIN:VALARM"
        yield "ACTION:DISPLAY"
        yield "DESCRIPTION:" + text(terminal(d.title))
        yield trigger
        yield "END:VALARM"
        yield "END:VEVENT"


def _content(lines: Iterable[str]) -> str:
    return "".join(fold(line) + "\r\n" for line in lines)


def events(rep: Report, options: Options) -> str:
    """One agreement's deadlines ahead as VEVENT blocks (folded content lines), as the calendar holds them."""
    return _content(_event_lines(rep, options))


def header() -> str:
    """The calendar's lines before its events."""
    return _content(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//samenwerk//deadlines//NL",
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:" + text(_("Cooperation agreements: deadlines")),
        ]
    )


FOOTER = "END:VCALENDAR\r\n"
"""The calendar's line after its events."""


def report(reports: Sequence[Report], errors: Sequence[Diagnostic], out: TextIO, options: Options) -> None:
    out.write(header())
    out.writelines(events(rep, options) for rep in reports)  # streamed, an agreement at a time
    out.write(FOOTER)
    for e in errors:  # a calendar has no place for them
        options.problems.write(f"{diagnostic(e)}\n")
