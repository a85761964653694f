"""JUnit XML: one test case per file, failing with one failure per problem; CI systems show it as tests.

File names and messages go through ``neutral.xml``: a character XML 1.0 forbids (``\\x01``, ``\\x1b``, a byte of
a file name that was not UTF-8) is shown escaped, so the report stays well-formed for a strict parser.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO
from xml.etree import ElementTree as ET

from ...lint import FileResult
from ...neutral import xml
from . import Options


def report(results: Sequence[FileResult], out: TextIO, options: Options) -> None:
    failures = sum(1 for r in results if r.diagnostics)
    suites = ET.Element("testsuites", name="samenwerk lint", tests=str(len(results)), failures=str(failures))
    suite = ET.SubElement(
        suites, "testsuite", name="samenwerk lint", tests=str(len(results)), failures=str(failures), errors="0"
    )
    for r in results:
        case = ET.SubElement(suite, "testcase", classname="samenwerk.lint", name=xml(r.path))
        for d in r.diagnostics:
            message = xml(f"{d.line}:{d.col}: {d.message}")
            failure = ET.SubElement(case, "failure", type=xml(d.rule), message=message)
            failure.text = xml(d.format())
    ET.indent(suites)
    out.write(ET.tostring(suites, encoding="unicode", xml_declaration=True))
    out.write("\n")
