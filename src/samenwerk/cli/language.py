"""The command line in the user's language.

Typer reads help texts when the commands are defined, at import, before any option is parsed. So the language
is chosen first, from the raw arguments (``early``), and the click commands Typer builds are then translated
in place (``localise``): every help text, epilog and shown default goes through the catalog, and so do the
few words of click and Typer themselves (Usage, Options, Error ...), which they look up with the standard
library's gettext in a domain we do not own. The help texts stay plain English strings in the code, where
Typer wants them; ``samenwerk.babel_extract.help_texts`` puts them in the catalog.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .. import i18n
from ..i18n import N_

if TYPE_CHECKING:
    import click


def early(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` on the command line (before ``--``), when it names a language we speak.
    A wrong value is left to click, which says what is wrong in the usual way."""
    value: str | None = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
    return value if value in i18n.LANGUAGES else None


def commands(group: click.Command) -> Iterator[click.Command]:
    """``group`` and every command below it."""
    yield group
    for sub in getattr(group, "commands", {}).values():
        yield from commands(sub)


def help_texts(group: click.Command) -> Iterator[str]:
    """Every text of the command line that a user reads in ``--help``: what the catalog must hold."""
    for cmd in commands(group):
        for text in (cmd.help, cmd.short_help, cmd.epilog):
            if text:
                yield text
        for param in cmd.params:
            for text in (getattr(param, "help", None), getattr(param, "show_default", None)):
                if isinstance(text, str) and text:
                    yield text


def localise(group: click.Command, wants_help: bool = False) -> None:
    """Translate the help of ``group`` and its commands into the run's language, in place. ``wants_help``:
    the run shows help, so Typer's help module (and Rich) is loaded now, to have its words translated."""
    if wants_help:
        import typer.rich_utils  # noqa: F401 - loaded here so that its titles are translated below
    _library_words()
    if i18n.language() == i18n.DEFAULT:
        return
    _ = i18n.gettext
    for cmd in commands(group):
        cmd.help = cmd.help and _(cmd.help)
        cmd.short_help = cmd.short_help and _(cmd.short_help)
        cmd.epilog = cmd.epilog and _(cmd.epilog)
        for param in cmd.params:
            text = getattr(param, "help", None)
            if text:
                param.help = _(text)  # type: ignore[attr-defined]
            shown = getattr(param, "show_default", None)
            if isinstance(shown, str) and shown:
                param.show_default = _(shown)  # type: ignore[attr-defined]


# The words of click and Typer that samenwerk's users meet, marked here so that the catalog holds them.
LIBRARY_WORDS = (
    N_("Usage:"),
    N_("Options"),
    N_("Arguments"),
    N_("Commands"),
    N_("Error"),
    N_("Aborted."),
    N_("[default: {}]"),
    N_("[required]"),
    N_("[env var: {}]"),
    N_("(deprecated) "),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
    N_("Try {command!r} for help."),
    N_("Try [blue]'{command_path} {help_option}'[/] for help."),
    N_("Error: {message}"),
    N_("No such option: {name}"),
    N_("No such command {name!r}."),
    N_("Missing argument {param_hint}."),
    N_("Missing option {param_hint}."),
    N_("Missing parameter {param_hint}."),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("Option {name!r} requires an argument."),
    N_("Got unexpected extra argument ({args})"),
    N_("{value!r} is not {choice}."),
    N_("{value!r} is not one of {choices}."),
    N_("{value!r} is not a valid integer."),
    N_("{value!r} is not a valid boolean."),
    N_("{value} is not in the range {range}."),
    N_("Did you mean {possibility}?"),
)

_TYPER_CONSTANTS = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}


def _library_words() -> None:
    """click and Typer look their words up with ``gettext.gettext`` (bound at their import as ``_``) in the
    default domain, which holds no catalog of ours: point that name at ours. Typer's panel titles are
    computed at its import, so they are set here too (only when its help module is already loaded: loading
    it costs Rich)."""
    modules: list[Any] = []
    for name in (
        "click.core",
        "click.exceptions",
        "click.decorators",
        "click.formatting",
        "click.parser",
        "click.types",
        "click.termui",
        "typer.core",
        "typer.main",
        "typer.rich_utils",
    ):
        module = sys.modules.get(name)
        if module is not None:
            modules.append(module)
    for module in modules:
        if getattr(module, "_", None) is not None and callable(module._):
            module._ = i18n.gettext
        if hasattr(module, "ngettext") and module.__name__.startswith("click"):
            module.ngettext = i18n.ngettext
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is not None:
        for name, english in _TYPER_CONSTANTS.items():
            if hasattr(rich_utils, name):
                setattr(rich_utils, name, i18n.gettext(english))
