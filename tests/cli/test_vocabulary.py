"""One vocabulary on every command: the same option has the same names and help wherever it appears.

The app is walked as click runs it (``samenwerk.cli.command()``), so a new command or option is checked
without editing this file.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from samenwerk.cli import command
from tests.conftest import AGREEMENTS
from tests.robustness.invoke import invoke

GROUP = command()
COMMANDS = dict(GROUP.commands)
PLUMBING = {"git-diff-driver"}
"""Called by git with its seven fixed arguments, never by a person: no output options to choose."""
EDITORS = {"fmt", "fix", "init", "new", "extend", "amend"}
"""Commands that write the user's own files (agreements, a repository's set-up), not a report: nothing to
choose a format for. Those that make one new file name it with -o/--output."""
WRITERS = sorted(set(COMMANDS) - PLUMBING - EDITORS)
GENT = AGREEMENTS / "gent-vdab-2020-2025.yaml"


def _options(cmd: click.Command) -> dict[str, click.Option]:
    return {name: p for p in cmd.params if isinstance(p, click.Option) for name in p.opts}


def test_the_commands_are_the_documented_ones() -> None:
    assert set(COMMANDS) == {
        "lint",
        "rules",
        "expiring",
        "list",
        "diff",
        "git-diff-driver",
        "render",
        "signatures",
        "schema",
        "site",
        "fmt",
        "fix",
        "init",
        "new",
        "extend",
        "amend",
    }


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_takes_help_and_the_verbosity_options(name: str) -> None:
    options = _options(COMMANDS[name])
    for short, long in (("-q", "--quiet"), ("-v", "--verbose")):
        assert options[short] is options[long], f"{name}: {short} and {long} must be one option"
    assert "--debug" in options
    code, text = invoke(name, "-h")
    assert code == 0 and f"Usage: samenwerk {name}" in text


@pytest.mark.parametrize("name", WRITERS)
def test_every_command_that_writes_takes_format_output_and_force(name: str) -> None:
    options = _options(COMMANDS[name])
    assert options["-f"] is options["--format"], name
    assert options["-o"] is options["--output"], name
    assert "--force" in options, name
    assert "'-' is standard output" in (options["--output"].help or ""), name


def test_an_option_means_the_same_on_every_command() -> None:
    """Same long name -> same short name, same help (the format's choices differ, its name does not)."""
    seen: dict[str, tuple[str, tuple[str, ...], str]] = {}
    for name, cmd in sorted(COMMANDS.items()):
        for param in cmd.params:
            if not isinstance(param, click.Option) or param.hidden:  # hidden: kept for a release, deprecated
                continue
            long = max(param.opts, key=len)
            # The same idea with each command's own values: the names must agree, the help names the values.
            # --check: exit 1 and write nothing, said of each command's own files; --party: the party to
            # look for (list), the party to write (new); --force of fmt and fix, which rewrite files in place:
            # overwrite a read-only one (the others' --force overwrites an output file that exists).
            if long == "--force" and name in ("fmt", "fix"):
                assert param.opts == ["--force"] and "read-only" in (param.help or ""), name
                continue
            help_text = "" if long in ("--format", "--fail-on", "--check", "--party") else (param.help or "")
            shape = (tuple(sorted(param.opts)), help_text)
            if long in seen:
                first, *rest = seen[long]
                assert tuple(rest) == shape, f"{long} differs between {first} and {name}"
            else:
                seen[long] = (name, *shape)
    assert {"--format", "--output", "--force", "--as-of", "--quiet", "--verbose", "--debug"} <= set(seen)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_shows_readable_value_names(name: str) -> None:
    code, text = invoke(name, "--help")
    assert code == 0
    assert not re.search(r"<(bool|str|int|list|path|Path)", text), text
    assert "Usage: samenwerk " + name in text


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbosity_and_debug_stand_anywhere(tmp_path: Path, where: str) -> None:
    out = tmp_path / "gent.md"
    tail = [str(GENT), "-f", "md", "-o", str(out)]
    code, text = invoke(*(["-q", "render", *tail] if where == "before" else ["render", *tail, "-q"]))
    assert code == 0 and out.is_file()
    assert "written" not in text  # --quiet: the report only
    out.unlink()
    code, text = invoke(*(["--debug", "render", *tail] if where == "before" else ["render", *tail, "--debug"]))
    assert code == 0 and "written" in text
    code, text = invoke("lint", str(GENT), "-f", "concise", "-v")
    assert code == 0 and "1 file; cache:" in text and "checked in" in text


def test_deprecated_spellings_work_with_a_warning(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    code, text = invoke("lint", str(GENT), "--output-format", "json", f"--output-file={out}")
    assert code == 0
    assert out.read_text(encoding="utf-8").lstrip().startswith("{")
    assert "--output-format is deprecated" in text and "use --format" in text
    assert "--output-file is deprecated" in text and "use --output" in text
    # After '--' everything is a path: nothing there is rewritten.
    from samenwerk.cli.options import modernise

    assert modernise(["diff", "HEAD", "--", "--output-format"], lambda m: None)[-1] == "--output-format"


def test_render_takes_folders_as_lint_does(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.yaml").write_bytes(GENT.read_bytes())
    (folder / "notes.txt").write_text("not an agreement", encoding="utf-8")
    code, text = invoke("render", str(folder), "-f", "md", "--output-dir", str(tmp_path / "out"))
    assert code == 0, text
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.md"]


def test_schema_overwrites_only_its_own_file_without_force(tmp_path: Path) -> None:
    mine = tmp_path / "notes.json"
    mine.write_text('{"mine": true}\n', encoding="utf-8")
    code, text = invoke("schema", "-o", str(mine))
    assert code == 2 and "--force" in text
    assert mine.read_text(encoding="utf-8") == '{"mine": true}\n'
    assert invoke("schema", "-o", str(mine), "--force")[0] == 0
    schema = mine.read_text(encoding="utf-8")
    mine.write_text(schema.replace('"title"', '"title_old"', 1), encoding="utf-8")  # an older schema of ours
    assert invoke("schema", "-o", str(mine))[0] == 0
    assert mine.read_text(encoding="utf-8") == schema


def test_shell_completion_is_available() -> None:
    code, text = invoke("--show-completion", "bash")
    assert code == 0
    assert "_SAMENWERK_COMPLETE" in text and "complete " in text
