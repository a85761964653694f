"""From an empty folder to a commit: init, new, lint, fmt --check and render in a fresh git repository, and
pre-commit running the repository's hooks there (as .pre-commit-hooks.yaml defines them, run from this
checkout: no network)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from ..conftest import GIT_ENV, ROOT, git

BIN = Path(sys.executable).parent


def _run(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def _ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, f"{done.args}: exit {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def test_init_new_lint_fmt_render_and_pre_commit(tmp_path: Path) -> None:
    repo = tmp_path / "overeenkomsten"
    env = {
        **os.environ,
        **GIT_ENV,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"),
        "NO_COLOR": "1",
    }
    env.pop("GITHUB_ACTIONS", None)
    samenwerk = str(BIN / "samenwerk")
    _ok(_run(samenwerk, "init", str(repo), cwd=tmp_path, env=env))
    git(repo, "init", "-q", "-b", "main")
    _ok(
        _run(
            samenwerk, "new", "samenwerkingsovereenkomst", "--id", "voorbeeldegem-2026-2031",
            "--title", "Samenwerkingsovereenkomst Voorbeeldegem en partner 2026-2031",
            "--party", "voorbeeldegem:Lokaal bestuur Voorbeeldegem:lokaal-bestuur", "--party", "partner:Partner:andere",
            "--start", "01-01-2026", "--end", "31-12-2031",
            cwd=repo, env=env,
        )
    )  # fmt: skip
    lint = _ok(_run(samenwerk, "lint", "-f", "concise", cwd=repo, env=env))
    assert "error" not in lint.replace("0 errors", "") and "[todo]" in lint
    _ok(_run(samenwerk, "fmt", "--check", cwd=repo, env=env))
    _ok(_run(samenwerk, "render", "agreements", "-f", "html", "--output-dir", "build", cwd=repo, env=env))
    html = (repo / "build" / "voorbeeldegem-2026-2031.html").read_text(encoding="utf-8")
    assert "Lokaal bestuur Voorbeeldegem" in html and "ONTWERP" in html
    _ok(_run(samenwerk, "expiring", "agreements", "--as-of", "01-01-2027", "--fail-on", "expired", cwd=repo, env=env))

    # The configuration init wrote names the hooks of the repository; here they run from this checkout's
    # .pre-commit-hooks.yaml as local hooks (no clone, no network), with the command on PATH.
    written = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in written["repos"][0]["hooks"]] == [h["id"] for h in manifest]
    local = {"repos": [{"repo": "local", "hooks": [{**hook, "language": "system"} for hook in manifest]}]}
    config = tmp_path / "local-hooks.yaml"
    config.write_text(yaml.safe_dump(local, sort_keys=False), encoding="utf-8")
    git(repo, "add", "-A")
    ran = _ok(_run(str(BIN / "pre-commit"), "run", "--all-files", "-c", str(config), cwd=repo, env=env))
    assert "samenwerk lint" in ran and "samenwerk fmt --check" in ran and "Passed" in ran
    git(repo, "commit", "-qm", "Een eerste overeenkomst")

    # A change that is not in canonical form is stopped before the commit.
    path = repo / "agreements" / "voorbeeldegem-2026-2031.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: draft\n", "status: 'draft'\n"), "utf-8")
    git(repo, "add", "-A")
    stopped = _run(str(BIN / "pre-commit"), "run", "--all-files", "-c", str(config), cwd=repo, env=env)
    assert stopped.returncode == 1 and "not in canonical form" in stopped.stdout
