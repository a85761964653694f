"""GitHub Actions workflow commands: an error annotation per problem, on the PDF, and one notice with the
count of signatures and what was and was not checked.

Escaped as lint's GitHub format escapes: one command per line whatever a name
holds, a ``,`` or ``:`` in the file name cannot end its property; messages also neutralised for a terminal. The title stays ``samenwerk signatures`` in every language (a
check's name, which a CI may match on); the messages follow the run's language.
"""

from __future__ import annotations

from typing import TextIO

from ...i18n import _
from ...neutral import json_safe, terminal
from ...signatures import Report
from . import Options, checks, message, summary

TITLE = "samenwerk signatures"
"""The annotations' title, the same in every language: a check a CI consumer may match on by name."""


def _escape(value: str, prop: bool = False) -> str:
    """As the Actions toolkit escapes: ``%``, CR and LF in a value; also ``:`` and ``,`` in a property."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def report(report: Report, out: TextIO, options: Options) -> None:
    path = _escape(json_safe(report.pdf), True)
    title = _escape(TITLE, True)
    for problem in report.problems:
        out.write(f"::error file={path},title={title}::{_escape(terminal(message(report, problem)))}\n")
    unchecked = [f"{_(what)} ({how})" for what, done, how in checks(report) if not done]
    notice = summary(report) + ("; " + _("not checked: {what}").format(what="; ".join(unchecked)) if unchecked else "")
    out.write(f"::notice file={path},title={title}::{_escape(terminal(notice))}\n")
