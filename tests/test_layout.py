"""The layout the architecture promises: real shipped folders, a wheel that carries them, one meaning table."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pydantic import BaseModel

from samenwerk.model import agreement, meaning
from samenwerk.reporters.deadlines import FORMATS as DEADLINE_FORMATS
from samenwerk.reporters.diff import FORMATS as DIFF_FORMATS
from samenwerk.reporters.lint import FORMATS as LINT_FORMATS

from .conftest import ROOT


def _model_fields() -> set[str]:
    return {
        name
        for cls in vars(agreement).values()
        if isinstance(cls, type) and issubclass(cls, BaseModel)
        for name in cls.model_fields
    }


def test_every_meaning_names_a_field_of_the_model() -> None:
    assert set(meaning.FIELDS) <= _model_fields()
    for name, entry in meaning.FIELDS.items():
        for key in entry.natural_key:
            assert key in _model_fields(), (name, key)


def test_section_headings_belong_to_top_level_parts() -> None:
    sections = {name for name, entry in meaning.FIELDS.items() if entry.section}
    assert sections <= set(agreement.Agreement.model_fields)
    assert meaning.of("duration").section == "Duur" and meaning.of("parties").section == "Partijen"


@pytest.mark.parametrize("registry", [LINT_FORMATS, DIFF_FORMATS, DEADLINE_FORMATS])
def test_every_registered_format_has_a_writer(registry) -> None:
    for name in registry:
        assert callable(registry.writer(name)), name


def test_shipped_folders_are_real_folders() -> None:
    for name in ("templates", "schemas"):
        folder = ROOT / name
        assert folder.is_dir() and not folder.is_symlink()
        assert not any(p.is_symlink() for p in folder.rglob("*"))
    assert not (ROOT / "src" / "samenwerk" / "templates").exists()


def test_the_wheel_carries_templates_schemas_and_calendars(tmp_path: Path) -> None:
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("samenwerk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in (
        "samenwerk/templates/agreement.html.j2",
        "samenwerk/templates/agreement.md.j2",
        "samenwerk/templates/redline.html.j2",
        "samenwerk/templates/style.css",
        "samenwerk/schemas/agreement.schema.json",
        "samenwerk/data/calendars.toml",
        "samenwerk/py.typed",
        "samenwerk/locale/nl/LC_MESSAGES/samenwerk.mo",  # the compiled Dutch catalog (tests/test_i18n.py)
    ):
        assert shipped in names, shipped
    # Installed from the wheel (unpacked ahead of the checkout on the path), samenwerk finds its own templates.
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    probe = (
        "from samenwerk.resources import folder; from samenwerk import document; from samenwerk.render import render_text;"
        f"doc = document.read(__import__('pathlib').Path({str(ROOT / 'agreements' / 'pact-samen-en-lokaal-voor-werk.yaml')!r}));"
        "print(folder('templates')); print(len(render_text(doc.agreement, 'md')))"
    )
    ran = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(unpacked), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr
    where, length = ran.stdout.split()
    assert Path(where) == unpacked / "samenwerk" / "templates"
    assert int(length) > 1000


def test_no_test_times_anything() -> None:
    # Speed and memory are the benchmark's (bench/, `make bench`); a test that measured time would pass or fail
    # with the load of the machine. Waiting with a deadline (polling for a file or a browser) is not timing.
    timing = ("perf_counter", "process_time", "timeit", "getrusage")
    offenders = sorted(
        f"{path.relative_to(ROOT)}: {word}"
        for path in (ROOT / "tests").rglob("*.py")
        for word in timing
        if word in path.read_text(encoding="utf-8") and path.name != "test_layout.py"
    )
    assert offenders == []
