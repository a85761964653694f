"""JUnit XML: a test case per finding, and a passing one per clean file, so a CI shows findings as tests.

- ``classname`` (and ``file``) is the file's path from the repository root; ``name`` is ``<rule> at
  <line>:<col>``, made unique within the file (``#2`` after a repeat): GitLab keeps one test case per suite,
  class and name, and would drop a finding whose case had the same name as another. A clean file is one
  case named ``no problems``, so the suite's count of tests counts every file.
- A finding at or above ``--fail-on`` is a ``<failure>``; ``internal`` (a bug in samenwerk, not in the file)
  is an ``<error>``.
- A warning below ``--fail-on`` is ``<skipped type="warning" message="...">`` with the whole finding as its
  text. It must not count as a failure, since the run passes, yet people should see it. The other way to keep
  it from failing, a passing case with the finding in ``<system-out>``, hides it: GitLab shows no output for
  a passing case and lists it with the passes. A skipped case is shown apart from the passes by GitLab (with
  the element's text), Jenkins (with the message, and without making the build unstable) and junit2html
  (with message and text). A failure's text is shown by GitLab, Jenkins (as the stack trace) and junit2html.
- Counts (``tests``, ``failures``, ``errors``, ``skipped``) on both ``testsuites`` and ``testsuite`` are the
  counts of the cases written.

GitLab reads the report with ActiveSupport's ``Hash.from_xml``, which gives a ``type`` attribute a meaning
when it names a type ("integer", "date", "yaml"): the ``type`` written is a rule id or "warning", never one.
Jenkins splits a class name at its last dot into package and class: a file ``a/b.yaml`` shows as package
``a/b``, class ``yaml``.

File names and messages go through ``neutral.xml``: a character XML 1.0 forbids (``\\x01``, ``\\x1b``, a byte of
a file name that was not UTF-8) is shown escaped, so the report stays well-formed for a strict parser.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO
from xml.etree import ElementTree as ET

from ...diagnostics import Diagnostic, Level
from ...lint import FileResult
from ...neutral import xml
from . import Options
from .fingerprint import locate

NAME = "samenwerk lint"
CLEAN = "no problems"


def _outcome(d: Diagnostic, fail_on: Level) -> str:
    if d.rule == "internal":
        return "error"
    if d.level == Level.ERROR or fail_on == Level.WARNING:
        return "failure"
    return "skipped"


def report(results: Sequence[FileResult], out: TextIO, options: Options) -> None:
    from ...rules.docs import rule_docs

    docs = rule_docs()
    suite = ET.Element("testsuite", name=NAME)
    counts: Counter[str] = Counter()
    for r in results:
        _, path = locate(r.path)
        classname = xml(path)
        if not r.diagnostics:
            ET.SubElement(suite, "testcase", classname=classname, name=CLEAN, file=classname, time="0")
            counts["tests"] += 1
            continue
        names: Counter[str] = Counter()
        for d in r.diagnostics:
            name = f"{d.rule} at {d.line}:{d.col}"
            names[name] += 1
            if names[name] > 1:
                name += f" #{names[name]}"
            case = ET.SubElement(suite, "testcase", classname=classname, name=xml(name), file=classname, time="0")
            outcome = _outcome(d, options.fail_on)
            element = ET.SubElement(
                case, outcome, type=xml("warning" if outcome == "skipped" else d.rule), message=xml(d.message)
            )
            text = f"{path}:{d.line}:{d.col}: {d.level}: {d.message} [{d.rule}]"
            doc = docs.get(d.rule)
            element.text = xml(text + (f"\n{doc.summary}\nSee {doc.url}" if doc is not None else ""))
            counts["tests"] += 1
            counts[outcome] += 1
    totals = {
        "tests": str(counts["tests"]),
        "failures": str(counts["failure"]),
        "errors": str(counts["error"]),
        "skipped": str(counts["skipped"]),
    }
    totals["time"] = "0"
    suites = ET.Element("testsuites", {"name": NAME, **totals})
    suite.attrib.update(totals)
    suites.append(suite)
    ET.indent(suites)
    out.write(ET.tostring(suites, encoding="unicode", xml_declaration=True))
    out.write("\n")
