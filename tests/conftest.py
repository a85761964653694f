from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AGREEMENTS = ROOT / "agreements"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCES = ROOT.parent / "shared" / "sources"


# Every test runs in English, whatever the developer's locale (a Dutch LANG would change every message);
# the tests of the Dutch output ask for it with --lang nl or SAMENWERK_LANG=nl.
os.environ["SAMENWERK_LANG"] = "en"

# The user's cache directory (the lint cache and its secret) of every command the tests run: a folder of
# this test run, never the real home directory.
CACHE_HOME = Path(tempfile.mkdtemp(prefix="samenwerk-tests-cache-"))
atexit.register(shutil.rmtree, CACHE_HOME, True)


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed command as a user would, in a subprocess."""
    full_env = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": str(CACHE_HOME), **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None) if "GITHUB_ACTIONS" not in (env or {}) else None
    return subprocess.run(
        [sys.executable, "-m", "samenwerk", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=120,
    )


GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": "/nonexistent",
}
"""A git that reads no user or system configuration: tests make real repositories in temporary folders."""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env={**os.environ, **GIT_ENV})
    return done.stdout.decode("utf-8", "surrogateescape")


@pytest.fixture
def cli():
    return run_cli


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files under tests/render/golden/")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


# --- a real browser, for the pages samenwerk writes (render, diff's redline, the register site) -----------

AXE = Path(sys.prefix) / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    """Debian's Chromium, headless, over the DevTools pipe (tests/register/chromium.py); skips locally when
    it is missing, fails under CI=true."""
    from .register.chromium import Browser, chromium_or_skip

    chrome = Browser(chromium_or_skip(), tmp_path_factory.mktemp("profile"))
    try:
        yield chrome
    finally:
        chrome.close()


@pytest.fixture(scope="module")
def axe() -> str:
    """axe-core's script (npm, pinned in package-lock.json, installed by `make npm`)."""
    if not AXE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"axe-core is not installed at {AXE}: 'make npm' installs it from package-lock.json")
        pytest.skip("axe-core is not installed (make npm)")
    return AXE.read_text(encoding="utf-8")
