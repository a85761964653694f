"""No user-facing text reaches the user unmarked for translation (issue 21).

An AST scan of src/samenwerk: where a text is handed to the user (the message of an error the command line
prints, of a finding or a diagnostic, what ``typer.echo``, ``output.warning/error/notice/detail`` and a
console's ``print`` write, a progress bar's label), a literal string, an f-string or ``"...".format()``
that holds words is a text the catalog never sees: it must go through ``_()``, ``ngettext()`` or ``N_()``.
Only literals are judged, so the scan raises no false alarm on a variable or a call whose text was
translated where it was made; quoted code ('samenwerk rules'), options (--force), key paths (rules.x) and
the names samenwerk and git are not words to translate.
"""

from __future__ import annotations

import ast
import re

from .conftest import ROOT

SOURCE = ROOT / "src" / "samenwerk"

ERRORS = frozenset(
    {
        "SamenwerkError",
        "FormatError",
        "TemplateLimit",
        "ConsolidationError",
        "BadParameter",
        "UsageError",
        "ClickException",
    }
)
"""Exceptions whose message the command line shows (``errors.SamenwerkError`` and its kind, click's)."""
OUTPUT = frozenset({"echo", "secho", "warning", "error", "notice", "detail", "_warn"})
"""Functions that write a message for the user: ``typer.echo``/``click.echo``, ``cli.output``'s, and the
lint cache's ``_warn`` (a warning the command line prints)."""


_WORD = re.compile(r"[A-Za-z]{2,}")
_NOT_WORDS = re.compile(
    r"'[^']*'"  # quoted code, commands, values
    r"|--?[A-Za-z][\w-]*"  # options
    r"|[\w-]+(?:\.(?:[\w-]+|\{\}))+"  # key paths: rules.{}.{}, duration.end
    r"|\{\}|\{[^{}]*\}"  # fields
    r"|\b(?:samenwerk|git)\b"  # names
)


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def literal_text(node: ast.expr) -> str | None:
    """The text of an expression that is a literal message, not marked for translation; None when it is
    marked (``_()``, ``ngettext()``), or not a literal (a variable, another call: not judged here)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{}" for v in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = [literal_text(node.left), literal_text(node.right)]
        return " ".join(p for p in parts if p) or None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return literal_text(node.left)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return literal_text(node.func.value)
    if isinstance(node, ast.IfExp):
        parts = [literal_text(node.body), literal_text(node.orelse)]
        return " ".join(p for p in parts if p) or None
    return None


def _messages(call: ast.Call) -> list[ast.expr]:
    """The arguments of ``call`` that the user reads as a message."""
    name = _name(call.func)
    owner = _name(call.func.value) if isinstance(call.func, ast.Attribute) else None
    found: list[ast.expr] = []

    def positional(i: int) -> None:
        if len(call.args) > i and not any(isinstance(a, ast.Starred) for a in call.args[: i + 1]):
            found.append(call.args[i])

    found += [k.value for k in call.keywords if k.arg == "message"]
    if name in ERRORS:
        positional(0)
    elif name in OUTPUT and (isinstance(call.func, ast.Name) or owner in ("typer", "click", "output", "self")):
        positional(0)
    elif name == "print" and isinstance(call.func, ast.Attribute):  # a Rich console's print
        positional(0)
    elif name == "progress" and owner == "output":
        positional(1)
    elif name == "Finding":
        positional(1)
    elif name == "finding":
        positional(3)
    elif name == "Diagnostic":
        positional(5)
    return found


def unmarked(source: str, filename: str = "<text>") -> list[tuple[int, str]]:
    """``(line, text)`` of every unmarked message in a module's source."""
    out = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Call):
            for arg in _messages(node):
                text = literal_text(arg)
                if text is not None and _WORD.search(_NOT_WORDS.sub(" ", text)):
                    out.append((getattr(arg, "lineno", node.lineno), text))
    return sorted(out)


def test_every_message_is_marked_for_translation() -> None:
    problems = []
    for path in sorted(SOURCE.rglob("*.py")):
        rel = path.relative_to(SOURCE).as_posix()
        found = unmarked(path.read_text(encoding="utf-8"), rel)
        problems += [f"src/samenwerk/{rel}:{line}: {text!r}" for line, text in found]
    assert not problems, "mark these with _() (and run `make messages`):\n" + "\n".join(problems)


def test_the_scan_finds_what_it_should_and_nothing_else() -> None:
    sample = """
from .errors import SamenwerkError
from .i18n import _

def f(path, n, note, message):
    raise SamenwerkError(f"{path}: no such file")                      # 6: unmarked f-string
    raise SamenwerkError("the file is too large")                      # 7: unmarked literal
    raise SamenwerkError("{path}: gone".format(path=path))             # 8: unmarked .format()
    raise typer.BadParameter("choose " + ", ".join(note))              # 9: unmarked concatenation
    yield Finding((), f"{n} is not a date", rule="syntax")             # 10
    yield finding(ID, level, loc, "no end date")                       # 11
    Diagnostic(path, 1, 1, Level.ERROR, "render", "failed")            # 12
    typer.echo("Ready. Next: run lint")                                # 13
    console.print(f"{n} agreements")                                   # 14
    output.notice(f"{path}: written" if n else "skipped")              # 15
    output.progress(n, "rendering")                                    # 16
    raise SamenwerkError(message=f"{path}: broken")                    # 17
    raise SamenwerkError(_("{path}: no such file").format(path=path))  # marked
    raise SamenwerkError(message)                                      # a variable: not judged
    raise SamenwerkError(f"{path}: {note}")                            # no words of its own
    output.notice(f"samenwerk: {note}")                                # a name, no words
    raise SamenwerkError(f"{path}: rules.{n}.{note}: {message}")       # a key path
    raise SamenwerkError(f"{path} --force '{note}'")                   # an option, a quoted value
    typer.echo(f"samenwerk {n}")                                       # the version line
    print(f"{n} agreements")                                           # builtins.print: the core never prints
    log.write(f"{path}: unexpected")                                   # a stream: reporters write to one
"""
    assert [line for line, _ in unmarked(sample)] == list(range(6, 18))


def gettext_hidden(source: str, filename: str = "<text>") -> list[int]:
    """Lines of functions that call ``_()`` and also bind ``_`` (``a, _ = ...``, ``for _ in``): there the name
    is local to the whole function, so the call fails (or calls the wrong thing). Comprehensions have a
    scope of their own and are left alone."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        binds, calls = False, False
        stack: list[ast.AST] = list(node.body)
        while stack:
            child = stack.pop()
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
                continue  # a scope of its own
            if isinstance(child, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
                continue
            if isinstance(child, ast.Assign) and _name(child.value) == "gettext":
                continue  # `_ = i18n.gettext`: bound to gettext itself
            if isinstance(child, ast.Name) and child.id == "_":
                binds = binds or isinstance(child.ctx, ast.Store)
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Name) and child.func.id == "_":
                calls = True
            stack.extend(ast.iter_child_nodes(child))
        if binds and calls:
            found.append(node.lineno)
    return found


def test_no_function_hides_gettext() -> None:
    hidden = [
        f"src/samenwerk/{p.relative_to(SOURCE).as_posix()}:{line}"
        for p in sorted(SOURCE.rglob("*.py"))
        for line in gettext_hidden(p.read_text(encoding="utf-8"), str(p))
    ]
    assert not hidden, f"these functions bind _ and call _(): rename the unused name ({hidden})"
    sample = (
        "def f(x):\n    a, _ = x\n    return _('text')\n\n"
        "def g(x):\n    return [a for a, _ in x], _('text')\n\n"
        "def h(x):\n    _ = i18n.gettext\n    return _('text')\n"
    )
    assert gettext_hidden(sample) == [1]
