"""Every shipped agreement's HTML in a real Chromium (Debian's, headless, over the DevTools pipe of
tests/register/chromium.py): axe-core (npm, pinned in package-lock.json, installed by `make npm`) finds no
accessibility violation, the page asks for nothing outside itself and reports no problem; a draft too. The W3C
Nu HTML checker (npm's vnu-jar, run with Java) reports no error on any of them.

Locally a test skips when Chromium, axe-core, Java or vnu.jar is missing; under CI=true that is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from samenwerk.document import load as load_valid
from samenwerk.render import render_text

from ..conftest import AGREEMENTS, FIXTURES
from ..register.chromium import Browser

REAL = sorted(AGREEMENTS.glob("*.yaml"))
VNU = Path(sys.prefix) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("html")
    out = []
    draft = yaml.safe_load((FIXTURES / "lint" / "positive" / "minimal.yaml").read_text(encoding="utf-8"))
    draft["status"] = "draft"
    (folder / "draft.yaml").write_text(yaml.safe_dump(draft), encoding="utf-8")
    for path in [*REAL, folder / "draft.yaml"]:
        agreement, diagnostics = load_valid(path)
        assert agreement is not None, diagnostics
        page = folder / f"{path.stem}.html"
        page.write_text(render_text(agreement, "html"), encoding="utf-8")
        out.append(page)
    return out


def test_axe_finds_no_violations(pages: list[Path], browser: Browser, axe: str) -> None:
    found = {}
    for page in pages:
        browser.open(page.as_uri())
        browser.js(axe)
        violations = browser.js(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v =>"
            " ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"
        )
        if violations:
            found[page.name] = violations
    assert not found, json.dumps(found, indent=1)


def test_self_contained_and_quiet(pages: list[Path], browser: Browser) -> None:
    for page in pages:
        browser.open(page.as_uri())
        assert browser.requests() == [page.as_uri()], page.name  # nothing fetched but the page itself
        assert browser.problems() == [], page.name


def test_nu_html_checker_finds_no_errors(pages: list[Path]) -> None:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        missing = "Java" if java is None else f"vnu.jar at {VNU}"
        if os.environ.get("CI"):
            pytest.fail(f"{missing} is not installed: 'make npm' installs both")
        pytest.skip(f"{missing} is not installed (make npm)")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)
    assert report["messages"] == [], json.dumps(report["messages"][:10], indent=1)
    assert result.returncode == 0
