"""The documentation works as written: every command and example in README.md and docs/ is run or loaded.

Each fenced block of README.md and docs/*.md is taken by its language tag:

- ``sh``, ``bash``, ``shell``, ``console``: every command line runs, in order, in one bash per block, in a
  temporary copy of the repository (a git repository with two commits) with the venv's bin first on PATH. It
  must exit 0, or with the code its comment names ("# ... exit code 1: ..."). A command that cannot run
  here is in ``NOT_RUN`` with the reason; install lines are checked by their own tests. Any other command
  runs, so a new command in the docs is covered without touching this file.
- ``toml``: a configuration file, written as the file its first comment names (``# samenwerk.toml`` or
  ``# pyproject.toml``; otherwise by its tables); ``samenwerk lint`` must accept it (not exit 2).
- ``yaml``: an agreement (``id``, ``title``, ``kind``, ``parties``) must lint clean; a pre-commit
  configuration must pass ``pre-commit validate-config`` and name the repository; anything else must parse.
- ``json`` must parse; ``text`` is output or a synopsis and is not run. A block with no tag or another tag
  fails, so nothing is left unchecked by accident.

The CI examples docs/*.yml are validated with check-jsonschema's vendored schemas and their commands run as
the runner would. The repository's address is the one in pyproject.toml's [project.urls]; where the docs
name it, a test checks that it is exactly that one, and the uv install line is run for real against a clone
of HEAD at that address's place.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from .conftest import GIT_ENV, ROOT

BIN = Path(sys.executable).parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
URL = PROJECT["urls"]["Repository"]
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
CI_SCHEMAS = {"github-actions.yml": "vendor.github-workflows", "gitlab-ci.yml": "vendor.gitlab-ci"}
"""Each CI example in docs/ and check-jsonschema's vendored schema for it."""

SHELL = {"sh", "bash", "shell", "console"}
LANGUAGES = SHELL | {"toml", "yaml", "json", "text"}

NOT_RUN = {
    "make test": "runs the whole test suite, this file among it (.ci/run runs it)",
    "make run": "builds .venv from the package index and renders every agreement to PDF and HTML: minutes; "
    "the samenwerk commands it runs are each run here from the README",
}
"""Commands in the docs that this file does not run, and why. Every other command is run."""

INSTALLERS = {
    ("uv", "tool", "install"): "run for real from a clone of HEAD: test_uv_tool_install_from_the_repository_url",
    ("pipx", "install"): "parsed only (test_install_lines_name_the_repository): pipx installs through pip, "
    "a minute of resolving; uv installs the same address for real",
    ("pip", "install"): "in the CI examples; parsed only, the address uv installs for real",
}
"""Install lines: checked by the tests named, not run with the other commands."""

FOREIGN_OPTIONS = {
    "--end-of-options": "git's: samenwerk diff passes revisions to git after it",
    "--strict": "mypy's, in the table of libraries",
}
"""Options named in the prose, with no program before them, that belong to another program."""


# --- reading the docs ---------------------------------------------------------------------------------

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


@dataclass(frozen=True)
class Block:
    path: Path
    line: int
    """Line of the opening fence, from 1."""
    lang: str
    text: str

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


@dataclass(frozen=True)
class Command:
    block: Block
    line: int
    text: str
    """The command as written, continuation lines joined, with its comment."""
    code: str
    """Without the comment."""
    expected: int

    @property
    def where(self) -> str:
        return f"{self.block.path.relative_to(ROOT)}:{self.line}"


def _split(path: Path) -> tuple[list[Block], str]:
    """The fenced blocks of a Markdown file, and its prose (blocks blanked out, lines kept)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks, prose, i = [], [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            prose.append(lines[i])
            i += 1
            continue
        indent, fence = m["indent"], m["fence"]
        body, j = [], i + 1
        while j < len(lines) and not re.fullmatch(rf"[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*", lines[j]):
            body.append(lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j].lstrip())
            j += 1
        info = m["info"].strip()
        blocks.append(Block(path, i + 1, info.split()[0] if info else "", "\n".join(body) + "\n"))
        prose.extend([""] * (j + 1 - i))
        i = j + 1
    return blocks, "\n".join(prose)


@functools.cache
def blocks() -> list[Block]:
    return [block for path in DOC_FILES for block in _split(path)[0]]


def blocks_of(*langs: str) -> list[Block]:
    return [block for block in blocks() if block.lang in langs]


def split_comment(line: str) -> tuple[str, str]:
    """A shell line and its comment: a '#' outside quotes, at the start or after a blank."""
    quote = None
    for i, ch in enumerate(line):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i], line[i + 1 :]
    return line, ""


def commands(block: Block) -> Iterator[Command]:
    """The command lines of a shell block: comments skipped, '\\' continuations joined; in a console block
    only the lines after '$ '."""
    raw = block.text.splitlines()
    k = 0
    while k < len(raw):
        line, lineno = raw[k], block.line + 1 + k
        k += 1
        if block.lang == "console":
            if not line.startswith("$ "):
                continue
            line = line[2:]
        if not line.strip() or line.strip().startswith("#"):
            continue
        while line.rstrip().endswith("\\") and k < len(raw):
            line = line.rstrip()[:-1] + " " + raw[k].strip()
            k += 1
        code, comment = split_comment(line)
        code_said = re.search(r"\bexit code (\d+)\b", comment)
        yield Command(block, lineno, line.strip(), code.strip(), int(code_said[1]) if code_said else 0)


def all_commands() -> list[Command]:
    return [command for block in blocks_of(*SHELL) for command in commands(block)]


def installer(code: str) -> tuple[str, ...] | None:
    words = code.split()
    if words[:3] == ["python", "-m", "pip"]:
        words = words[2:]
    return next((key for key in INSTALLERS if tuple(words[: len(key)]) == key), None)


def install_target(code: str) -> str:
    """What an install line installs: its one argument that is not an option."""
    key = installer(code)
    assert key is not None
    targets = [word for word in shlex.split(code)[len(key) :] if not word.startswith("-")]
    assert len(targets) == 1, f"{code!r}: expected one thing to install"
    return targets[0]


def names_the_repository(target: str) -> bool:
    return target == f"git+{URL}" or target.startswith(f"git+{URL}@")


def ci_files() -> list[Path]:
    return sorted((ROOT / "docs").glob("*.yml")) + sorted((ROOT / "docs").glob("*.yaml"))


def ci_lines(path: Path) -> list[str]:
    """The shell lines of a CI example: GitHub steps' ``run``, GitLab jobs' ``script``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "jobs" in data:
        return [step["run"] for job in data["jobs"].values() for step in job.get("steps", []) if "run" in step]
    return [line for job in data.values() if isinstance(job, dict) for line in job.get("script", [])]


# --- where the docs run -------------------------------------------------------------------------------

COPIED = ("agreements", "examples", "schemas", "templates", "docs", "README.md", "SECURITY.md", "pyproject.toml")


def make_repo(where: Path) -> Path:
    """A copy of what the docs' commands work on, as a git repository with two commits."""
    repo = where / "repo"
    repo.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, repo / name)
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["commit", "-q", "-m", "the documentation's repository"],
        ["commit", "-q", "--allow-empty", "-m", "a second commit"],
    ):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env_for(where))
    return repo


def env_for(where: Path, **extra: str) -> dict[str, str]:
    """A user's environment inside ``where``: its own home and caches, no CI variables, the venv first."""
    home = where / "home"
    home.mkdir(exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GITHUB_", "GITLAB_", "SAMENWERK_", "UV_", "PIPX_")) and key not in ("CI", "COLUMNS")
    }
    env.update(GIT_ENV)
    env.update(
        HOME=str(home),
        XDG_CACHE_HOME=str(where / "cache"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        NO_COLOR="1",
        SHELL="/bin/bash",
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def head_clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone of HEAD named like the repository, standing in for its address."""
    clone = tmp_path_factory.mktemp("published") / URL.rstrip("/").rsplit("/", 1)[-1]
    subprocess.run(["git", "clone", "-q", "--no-local", str(ROOT), str(clone)], check=True, capture_output=True)
    return clone


def local(text: str, clone: Path) -> str:
    """A line with the repository's address replaced by the clone's."""
    return text.replace(URL, clone.as_uri())


def samenwerk(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "samenwerk"), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def shown(done: subprocess.CompletedProcess[str]) -> str:
    return f"exit {done.returncode}\n--- stdout\n{done.stdout[-4000:]}\n--- stderr\n{done.stderr[-4000:]}"


# --- the docs as a whole ------------------------------------------------------------------------------


def test_every_block_says_what_it_is() -> None:
    untagged = [f"{b.where}: '{b.lang}'" for b in blocks() if b.lang not in LANGUAGES]
    assert not untagged, (
        f"fenced blocks need one of {sorted(LANGUAGES)} ('text' for output and synopses), so that this file "
        f"knows how to check them: {untagged}"
    )


def test_the_skip_table_names_commands_the_docs_have() -> None:
    written = {command.code for command in all_commands()}
    assert set(NOT_RUN) <= written, f"not in the docs any more: {sorted(set(NOT_RUN) - written)}"


def test_the_repository_is_named_by_one_address() -> None:
    """Every address of samenwerk's repository in the docs is pyproject.toml's, or a ref or anchor in it."""
    wrong = []
    for path in [*DOC_FILES, *ci_files(), ROOT / ".pre-commit-hooks.yaml"]:
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"(?:git\+)?[a-z][a-z0-9+.-]*://[^\s)\]>\"'`]+", text):
            address = m[0].removeprefix("git+").rstrip(".,;:")
            if "samenwerk" in address.lower() and not (
                address == URL or (address.startswith(URL) and address[len(URL)] in "#/@")
            ):
                wrong.append(f"{path.relative_to(ROOT)}: {m[0]}")
    assert not wrong, f"the repository is {URL} (pyproject.toml [project.urls]): {wrong}"
    assert URL in (ROOT / "README.md").read_text(encoding="utf-8")


# --- shell blocks -------------------------------------------------------------------------------------


@pytest.mark.parametrize("block", blocks_of(*SHELL), ids=lambda b: b.where)
def test_shell_block_runs(block: Block, tmp_path: Path, head_clone: Path) -> None:
    repo = make_repo(tmp_path)
    runnable = [c for c in commands(block) if c.code not in NOT_RUN and installer(c.code) is None]
    if not runnable:
        pytest.skip("every command in this block is in NOT_RUN or an install line, with its reason")
    rc_file = tmp_path / "codes"
    script = ["set -o pipefail"]
    for command in runnable:
        script += [
            f"printf '\\n$ %s\\n' {shlex.quote(command.text)}",
            "{ " + local(command.text, head_clone) + "\n}",
            f'echo "$?" >> {shlex.quote(str(rc_file))}',
        ]
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", "\n".join(script)],
        cwd=repo,
        env=env_for(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )
    codes = [int(line) for line in rc_file.read_text().split()] if rc_file.exists() else []
    failed = [
        f"{c.where}: `{c.text}` exited {code}, the docs say {c.expected}"
        for c, code in zip(runnable, codes + [None] * (len(runnable) - len(codes)))
        if code != c.expected
    ]
    assert not failed, "\n".join(failed) + "\n\n" + done.stdout[-8000:]


def test_uv_tool_install_from_the_repository_url(tmp_path: Path, head_clone: Path) -> None:
    """The README's uv line, for real: the address replaced by a clone of HEAD, every folder in tmp_path."""
    lines = [c for c in all_commands() if installer(c.code) == ("uv", "tool", "install")]
    assert lines, "the README shows how to install with uv"
    for number, command in enumerate(lines):
        tools, bin_dir = tmp_path / f"tools{number}", tmp_path / f"bin{number}"
        env = env_for(
            tmp_path,
            UV_TOOL_DIR=str(tools),
            UV_TOOL_BIN_DIR=str(bin_dir),
            UV_CACHE_DIR=str(tmp_path / "uv-cache"),
            UV_PYTHON_DOWNLOADS="never",
            UV_NO_CONFIG="1",
        )
        done = subprocess.run(
            shlex.split(local(command.code, head_clone)), env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, f"{command.where}: {shown(done)}"
        version = subprocess.run([str(bin_dir / "samenwerk"), "--version"], capture_output=True, text=True, env=env)
        assert version.stdout.strip() == f"samenwerk {PROJECT['version']}", shown(version)


def test_install_lines_name_the_repository() -> None:
    """pipx, uv and pip lines in the docs and the CI examples install the repository's address (pipx is
    checked here only: INSTALLERS says why)."""
    found = [(c.where, c.code) for c in all_commands() if installer(c.code)]
    found += [(str(p.relative_to(ROOT)), line) for p in ci_files() for line in ci_lines(p) if installer(line)]
    kinds = {installer(code) for _, code in found}
    assert {("pipx", "install"), ("uv", "tool", "install"), ("pip", "install")} <= kinds, found
    wrong = [f"{where}: {code}" for where, code in found if not names_the_repository(install_target(code))]
    assert not wrong, f"install git+{URL} (samenwerk is not on PyPI): {wrong}"


# --- configuration and data examples ------------------------------------------------------------------


@pytest.mark.parametrize("block", blocks_of("toml"), ids=lambda b: b.where)
def test_configuration_example_loads(block: Block, tmp_path: Path) -> None:
    data = tomllib.loads(block.text)
    named = re.match(r"#\s*(samenwerk\.toml|pyproject\.toml)\b", block.text)
    name = named[1] if named else ("pyproject.toml" if "tool" in data else "samenwerk.toml")
    if name == "pyproject.toml":
        assert "samenwerk" in data.get("tool", {}), f"{block.where}: a pyproject.toml holds [tool.samenwerk]"
    repo = make_repo(tmp_path)
    (repo / "pyproject.toml").unlink()
    (repo / name).write_text(block.text, encoding="utf-8")
    for args in ([], ["--config", name]):
        done = samenwerk("lint", *args, cwd=repo, env=env_for(tmp_path))
        assert done.returncode in (0, 1), f"{block.where} as {name}, lint {args}: {shown(done)}"


def _is_agreement(data: object) -> bool:
    return isinstance(data, dict) and {"id", "title", "kind", "parties"} <= data.keys()


@pytest.mark.parametrize("block", blocks_of("yaml"), ids=lambda b: b.where)
def test_yaml_example(block: Block, tmp_path: Path) -> None:
    data = yaml.safe_load(block.text)
    if _is_agreement(data):
        repo = make_repo(tmp_path)
        example = repo / "agreements" / "docs-example.yaml"
        example.write_text(block.text, encoding="utf-8")
        done = samenwerk("lint", str(example.relative_to(repo)), cwd=repo, env=env_for(tmp_path))
        assert done.returncode == 0, f"{block.where}: the example agreement does not lint clean: {shown(done)}"
    elif isinstance(data, dict) and "repos" in data:
        repo = make_repo(tmp_path)
        (repo / ".pre-commit-config.yaml").write_text(block.text, encoding="utf-8")
        done = subprocess.run(
            [str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml"],
            cwd=repo,
            env=env_for(tmp_path),
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, f"{block.where}: {shown(done)}"
        hooks = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
        ours = [entry for entry in data["repos"] if {h["id"] for h in entry.get("hooks", [])} & hooks]
        assert ours, f"{block.where}: no hook of .pre-commit-hooks.yaml ({sorted(hooks)}) is used"
        assert all(entry["repo"] == URL for entry in ours), f"{block.where}: the hooks come from {URL}"
        unknown = {h["id"] for entry in ours for h in entry["hooks"]} - hooks
        assert not unknown, f"{block.where}: no such hook in .pre-commit-hooks.yaml: {unknown}"
    else:
        assert data is not None, f"{block.where}: an empty YAML example"


@pytest.mark.parametrize("block", blocks_of("json"), ids=lambda b: b.where)
def test_json_example_parses(block: Block) -> None:
    json.loads(block.text)


def test_pre_commit_hook_manifest(tmp_path: Path) -> None:
    """.pre-commit-hooks.yaml is valid, and its entry passes on the shipped agreements as pre-commit runs it:
    the entry, then the matching files."""
    done = subprocess.run(
        [str(BIN / "pre-commit"), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
        env=env_for(tmp_path),
    )
    assert done.returncode == 0, shown(done)
    repo = make_repo(tmp_path)
    for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")):
        files = sorted(
            str(p.relative_to(repo))
            for p in repo.rglob("*.y*ml")
            if re.search(hook.get("files", ""), str(p.relative_to(repo)))
        )
        assert files, hook
        entry = shlex.split(hook["entry"])
        assert entry[0] == "samenwerk"
        ran = samenwerk(*entry[1:], *files, cwd=repo, env=env_for(tmp_path))
        assert ran.returncode == 0, f"{hook['id']}: {shown(ran)}"


# --- the CI examples ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ci_files(), ids=lambda p: p.name)
def test_ci_example_is_valid(path: Path, tmp_path: Path) -> None:
    assert path.name in CI_SCHEMAS, f"{path.name}: which CI is this? Add its schema to CI_SCHEMAS"
    done = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", CI_SCHEMAS[path.name], str(path)],
        capture_output=True,
        text=True,
        env=env_for(tmp_path),
    )
    assert done.returncode == 0, shown(done)


def test_github_actions_example_runs(tmp_path: Path) -> None:
    """Each ``run`` step as the runner runs it (bash -eo pipefail, GITHUB_ACTIONS=true, a step summary file);
    the SARIF the upload step takes exists, and the summary got the deadlines."""
    path = ROOT / "docs" / "github-actions.yml"
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    repo = make_repo(tmp_path)
    summary = tmp_path / "step-summary.md"
    summary.touch()
    env = env_for(tmp_path, CI="true", GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    env["GITHUB_WORKSPACE"] = str(repo)
    uploads = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "run" in step:
                if installer(step["run"].strip()):
                    continue  # test_install_lines_name_the_repository
                done = subprocess.run(
                    ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                    cwd=repo,
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=300,
                )
                assert done.returncode == 0, f"step {step.get('name', step['run'])!r}: {shown(done)}"
            elif "sarif_file" in step.get("with", {}):
                uploads.append(repo / step["with"]["sarif_file"])
    assert uploads, "the example uploads SARIF to code scanning"
    for sarif in uploads:
        assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert summary.read_text(encoding="utf-8").strip(), "the deadlines go to the job summary"


def test_gitlab_ci_example_runs(tmp_path: Path) -> None:
    """The script as GitLab's shell runs it (set -eo pipefail, CI=true); the reports it declares exist."""
    path = ROOT / "docs" / "gitlab-ci.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    repo = make_repo(tmp_path)
    env = env_for(tmp_path, CI="true", GITLAB_CI="true")
    jobs = {name: job for name, job in config.items() if isinstance(job, dict) and "script" in job}
    assert jobs
    for name, job in jobs.items():
        lines = [line for line in job["script"] if not installer(line)]  # install: see test_install_lines_...
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-c", "set -eo pipefail\n" + "\n".join(lines)],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, f"job {name}: {shown(done)}"
        reports = job.get("artifacts", {}).get("reports", {})
        if "codequality" in reports:
            assert isinstance(json.loads((repo / reports["codequality"]).read_text(encoding="utf-8")), list)
        if "junit" in reports:
            assert ET.parse(repo / reports["junit"]).getroot().tag in ("testsuites", "testsuite")


# --- options named in the prose -----------------------------------------------------------------------

COMMANDS = (
    "lint",
    "rules",
    "diff",
    "git-diff-driver",
    "expiring",
    "render",
    "schema",
    "signatures",
    "init",
    "new",
    "fmt",
    "fix",
    "extend",
    "amend",
)
OPTION = re.compile(r"--?[A-Za-z][\w-]*")


@functools.cache
def help_of(command: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The options in ``samenwerk [COMMAND] --help``'s options panel, and the values of its choices."""
    args = [command, "--help"] if command else ["--help"]
    done = subprocess.run(
        [str(BIN / "samenwerk"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "300", "NO_COLOR": "1", "TERM": "dumb"},
    )
    assert done.returncode == 0, shown(done)
    panels, inside = [], False
    for line in done.stdout.splitlines():
        if re.match(r"\s*╭─ Options", line) or line.strip() == "Options:":
            inside = True
        elif inside and (line.strip().startswith("╰") or re.match(r"\s*╭─", line)):
            inside = False
        elif inside:
            panels.append(line)
    text = "\n".join(panels)
    options = frozenset(m[0] for m in re.finditer(rf"(?<![\w-]){OPTION.pattern}", text))
    values = frozenset(v for group in re.findall(r"\[([\w|-]+)\]", text) if "|" in group for v in group.split("|"))
    return options, values


def prose_spans() -> Iterator[tuple[str, str, str | None]]:
    """Each inline code span in the docs' prose, with the command its section is about (a heading that
    names `samenwerk COMMAND` and everything below it)."""
    for path in DOC_FILES:
        prose = _split(path)[1]
        stack: list[tuple[int, str | None]] = []
        for section in re.split(r"(?m)^(?=#{1,6} )", prose):
            heading = re.match(r"(#{1,6}) (.*)", section)
            if heading:
                level = len(heading[1])
                stack = [entry for entry in stack if entry[0] < level]
                named = re.search(r"`samenwerk ([\w-]+)", heading[2])
                stack.append((level, named[1] if named and named[1] in COMMANDS else None))
            context = next((cmd for _, cmd in reversed(stack) if cmd), None)
            for span in re.findall(r"`([^`]+)`", section):
                yield f"{path.relative_to(ROOT)}", " ".join(span.split()), context


def test_options_in_the_prose_exist() -> None:
    """Every option the prose names for a samenwerk command is in that command's --help, with the values
    it lists (`-f/--format a|b`): docs that drift from the command line fail here."""
    wrong = []
    for where, span, context in prose_spans():
        words = span.split()
        if words[0] == "samenwerk":
            command = next((w for w in words[1:] if w in COMMANDS), None)
        elif words[0] in COMMANDS:
            command = words[0]
        elif words[0].startswith("-"):
            command = context
        else:
            continue  # another program's command line (git, mypy, pip, pre-commit...) or not a command
        if command:
            options, values = help_of(command)
            options, values = options | help_of(None)[0], values
        else:
            everything = [help_of(c) for c in (None, *COMMANDS)]
            options = frozenset().union(*(o for o, _ in everything))
            values = frozenset().union(*(v for _, v in everything))
        for i, word in enumerate(words):
            named = [part for part in word.split("/") if OPTION.fullmatch(part)]
            for option in named:
                if option not in options and option not in FOREIGN_OPTIONS:
                    wrong.append(f"{where}: `{span}`: {option} is not an option of samenwerk {command or ''}")
            following = words[i + 1] if i + 1 < len(words) else ""
            if named and re.fullmatch(r"[\w-]+(\|[\w-]+)+", following):
                unknown = [v for v in following.split("|") if v not in values]
                if unknown:
                    wrong.append(f"{where}: `{span}`: {unknown} not among the values --help lists")
    assert not wrong, "\n".join(wrong)


# --- the Makefile and the package metadata ------------------------------------------------------------

GENERATED = {
    ".venv": "bin/python",
    "build": "gent-vdab-2020-2025.pdf",
    "dist": "samenwerk-0.1.0-py3-none-any.whl",
    "bench/out": "corpus-300/agreement-000000.yaml",
    "samenwerk.egg-info": "PKG-INFO",
    "src/samenwerk.egg-info": "PKG-INFO",
    "src/samenwerk/__pycache__": "cli.cpython-311.pyc",
    "tests/lint/__pycache__": "test_lint.cpython-311.pyc",
    "bench/__pycache__": "run.cpython-311.pyc",
    ".pytest_cache": "README.md",
    ".ruff_cache": "CACHEDIR.TAG",
    ".mypy_cache": "CACHEDIR.TAG",
    ".import_linter_cache": "x.data.json",
    ".hypothesis": "examples/x",
    ".samenwerk_cache": "x",
}
"""Folders that only hold generated files (and one file in each), all of which ``make clean`` removes."""
KEPT = ["src/samenwerk/__init__.py", "tests/lint/test_lint.py", "bench/run.py", "agreements/a.yaml", "docs/rules.md"]


def test_make_clean_removes_everything_generated(tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("no make here")
    shutil.copy2(ROOT / "Makefile", tmp_path / "Makefile")
    for name in [*(f"{folder}/{inside}" for folder, inside in GENERATED.items()), *KEPT]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    done = subprocess.run(["make", "clean"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert done.returncode == 0, shown(done)
    left = [folder for folder in GENERATED if (tmp_path / folder).exists()]
    assert not left, f"make clean left {left}"
    assert all((tmp_path / name).is_file() for name in ["Makefile", *KEPT]), "make clean removed a source file"


def test_wheel_metadata_names_the_license_in_spdx_form(tmp_path: Path) -> None:
    """PEP 639: License-Expression, the licence file, and no legacy License classifier."""
    from zipfile import ZipFile

    from hatchling.builders.wheel import WheelBuilder

    wheel = next(iter(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])))
    with ZipFile(wheel) as archive:
        metadata = next(archive.read(n).decode() for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        names = archive.namelist()
    assert f"License-Expression: {PROJECT['license']}" in metadata.splitlines()
    assert not [line for line in metadata.splitlines() if line.startswith(("License:", "Classifier: License"))]
    assert "License-File: LICENSE" in metadata.splitlines()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
