"""JUnit XML: a test case per signature field, and one for the agreement the PDF carries, so a CI lists the
signatures as tests.

- ``classname`` is the PDF's path; ``name`` is the field's name (unique in a PDF), or ``embedded agreement``.
- A field with a problem (a required signature missing, a signature that is not intact, a signer who is not
  the signatory...) is a ``<failure>`` with every problem of the field in its text; an empty field that is
  not required is ``<skipped>`` ("not signed"), so it shows apart from the passes without failing the run.
- What was and was not checked is in the suite's ``<system-out>``.

The suite's and the test cases' names (``samenwerk signatures``, ``embedded agreement``, the fields' names) are
the same in every language: a CI tracks a test's history by its name. Messages follow the run's language.

Names go through ``neutral.xml``: the report stays well-formed for a strict parser whatever a name holds.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO
from xml.etree import ElementTree as ET

from ...i18n import _
from ...neutral import xml
from ...signatures import Report
from . import Options, checks, message, summary, who

NAME = "samenwerk signatures"
AGREEMENT = "embedded agreement"
"""The test case of the agreement the PDF carries: a name, the same in every language."""


def report(report: Report, out: TextIO, options: Options) -> None:
    suite = ET.Element("testsuite", name=NAME)
    classname = xml(report.pdf)
    counts: Counter[str] = Counter()

    def case(name: str, messages: list[str], skipped: str | None = None) -> None:
        element = ET.SubElement(suite, "testcase", classname=classname, name=xml(name), file=classname, time="0")
        counts["tests"] += 1
        if messages:
            failure = ET.SubElement(element, "failure", type="signature", message=xml(messages[0]))
            failure.text = xml("\n".join(messages))
            counts["failures"] += 1
        elif skipped:
            ET.SubElement(element, "skipped", type="unsigned", message=xml(skipped))
            counts["skipped"] += 1

    case(AGREEMENT, [message(report, p) for p in report.problems if p.field is None])
    for field in report.fields:
        problems = [message(report, p) for p in report.problems if p.field == field.name]
        case(field.name, problems, None if field.signature else _("not signed: {who}").format(who=who(field)))
    lines = [summary(report)] + [
        f"{_(what)}: {_('checked') if done else _('not checked')} ({how})" for what, done, how in checks(report)
    ]
    ET.SubElement(suite, "system-out").text = xml("\n".join(lines))
    totals = {
        "tests": str(counts["tests"]),
        "failures": str(counts["failures"]),
        "errors": "0",
        "skipped": str(counts["skipped"]),
        "time": "0",
    }
    suites = ET.Element("testsuites", {"name": NAME, **totals})
    suite.attrib.update(totals)
    suites.append(suite)
    ET.indent(suites)
    out.write(ET.tostring(suites, encoding="unicode", xml_declaration=True))
    out.write("\n")
