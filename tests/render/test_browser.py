"""The rendered HTML in a real browser: Debian's Chromium, headless.

Chromium prints the page to PDF (the text a person sees, as laid out by the browser) and takes a
screenshot. Locally the test skips when Chromium is missing; under CI a missing browser is a failure.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from samenwerk.document import load as load_valid
from samenwerk.render import render_text

from ..conftest import AGREEMENTS

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


@pytest.fixture(scope="module")
def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed: 'make browser' installs Debian's chromium")
        pytest.skip("Chromium is not installed (make browser)")
    return path


def _run(chromium: str, profile: Path, *args: str) -> None:
    subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *args],
        check=True,
        capture_output=True,
        timeout=120,
    )


def test_visible_text_and_screenshot(chromium: str, tmp_path: Path) -> None:
    agreement, _ = load_valid(
        AGREEMENTS / "kalmthout-ranst-schelle-schilde-wijnegem-zandhoven-zoersel-vdab-2020-2025.yaml"
    )
    assert agreement is not None
    page = tmp_path / "agreement.html"
    page.write_text(render_text(agreement, "html"), encoding="utf-8")
    printed = tmp_path / "printed.pdf"
    _run(chromium, tmp_path / "profile1", "--no-pdf-header-footer", f"--print-to-pdf={printed}", page.as_uri())
    reader = PdfReader(io.BytesIO(printed.read_bytes()))
    visible = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))
    for text in (
        agreement.title.split(",")[0],
        "Tussen",
        "wordt een samenwerkingsovereenkomst gesloten",
        "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding",
        "het lokaal bestuur Zandhoven",
        "Paula Henderickx",
        "minstens 2 keer per jaar",
        "uiterste einddatum 31 december 2025",
        "Voor het lokaal bestuur Zoersel",
    ):
        assert text in visible, text
    assert "{{" not in visible and "{%" not in visible and "None" not in visible
    # Chromium honours the A4 page size from the print CSS.
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)

    shot = tmp_path / "screenshot.png"
    _run(chromium, tmp_path / "profile2", f"--screenshot={shot}", "--window-size=1024,1400", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    out = Path(os.environ.get("SAMENWERK_SCREENSHOT_DIR", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    (out / "kalmthout.png").write_bytes(data)
