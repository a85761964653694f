"""The Jinja environment: strict, sandboxed, autoescaped for HTML; Dutch filters; limits.

Templates come from ``--template-dir`` first (a single file there overrides the default of that name)
and then from the defaults shipped with samenwerk. A template folder may come from any repository, so:

- templates get plain data only (``render.plain``), and the sandbox is tightened so that attribute access
  reaches nothing but that data: on a mapping it is key lookup, never a method; on anything else only a
  date's year, month and day and Jinja's own loop helpers;
- a template file is read only when its real path (symbolic links resolved) lies inside its folder;
- rendering stops with an error naming the template and line after ``TIME_LIMIT`` seconds, beyond
  ``OUTPUT_LIMIT`` characters, or when a template recurses without end.

Undefined names are errors that name the template and line (``StrictUndefined``), never blank text. Values
from YAML are data: ``{{ ... }}`` inside them is printed literally, because Jinja never evaluates data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import signal
import threading
from collections.abc import Callable, Generator, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    Template,
    select_autoescape,
)
from jinja2.loaders import split_template_path
from jinja2.runtime import LoopContext
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace
from markupsafe import Markup

from .. import i18n, nl
from ..errors import SamenwerkError
from ..fsutil import escapes
from ..i18n import N_, _
from ..neutral import markdown_document
from ..resources import folder


@lru_cache(maxsize=1)
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    # CommonMark with raw HTML off: text from YAML can format (bold, lists) but never inject markup.
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).disable("image")


def html_text(value: str | None) -> Markup:
    """Agreement text (paragraphs, **bold**, bullet lists) as safe HTML."""
    if not value:
        return Markup("")
    return Markup(_markdown().render(value))


def inline_html(value: str | None) -> Markup:
    """One line of agreement text as safe inline HTML (no paragraph around it)."""
    if not value:
        return Markup("")
    return Markup(_markdown().renderInline(value))


def md_text(value: str | None) -> str:
    """Agreement text for Markdown output: already Markdown, but a line that would start a heading is escaped."""
    if not value:
        return ""
    return re.sub(r"(?m)^(\s*)#", r"\1\\#", value)


TIME_LIMIT = 20.0
"""Seconds a template may take to render (the real agreements take milliseconds)."""
OUTPUT_LIMIT = 50_000_000
"""Characters a template may produce."""


class TemplateLimit(Exception):
    """A template ran past a limit: too long, too much output."""


class InsideLoader(FileSystemLoader):
    """A folder of templates from which nothing outside the folder can be read, through links or otherwise."""

    def __init__(self, folder: Path) -> None:
        self.root = os.path.realpath(folder)
        super().__init__(self.root, followlinks=False)

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for searchpath in self.searchpath:
            candidate = os.path.join(searchpath, *pieces)
            real = os.path.realpath(candidate)
            if os.path.lexists(candidate) and os.path.commonpath([real, self.root]) != self.root:
                # Said, not skipped: a silent fallback to another template would hide the attempt.
                raise SamenwerkError(
                    _("{candidate}: a link out of the template folder {root} is not followed").format(
                        candidate=candidate, root=self.root
                    )
                )
        return super().get_source(environment, template)


class DataSandbox(SandboxedEnvironment):
    """A sandbox in which attribute access reaches plain data and nothing else, and arithmetic stays small."""

    _helpers = (LoopContext, Namespace, Cycler, Joiner)
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        # A signal cannot interrupt one huge multiplication in C: refuse it before it starts.
        if operator == "**" and isinstance(left, int | float) and isinstance(right, int | float):
            if abs(right) > 64 and abs(left) > 1:
                raise TemplateLimit(
                    _("{left} ** {right} is too large a number for a template").format(left=left, right=right)
                )
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) and len(seq) * times > OUTPUT_LIMIT:
                    raise TemplateLimit(
                        _("repeating a text or list {times} times is beyond the output limit").format(
                            times=i18n.number(times)
                        )
                    )
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > 4096:
                raise TemplateLimit(_("too large a number for a template"))
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, dict):  # plain data: `party.items` is the key 'items', never dict.items
            try:
                return obj[attribute]
            except (KeyError, TypeError):
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, self._helpers):
            return super().is_safe_attribute(obj, attr, value)
        return isinstance(obj, dt.date) and attr in ("year", "month", "day")


class Overtime(BaseException):
    """Time ran out in code that catches every Exception (WeasyPrint logs and goes on): it must not be caught."""


@contextlib.contextmanager
def deadline(seconds: float, what: str = N_("rendering"), error: type[BaseException] = TemplateLimit) -> Iterator[None]:
    """Raise ``error`` in the running code after ``seconds`` (main thread, where signals work). Jinja needs an
    Exception to name the template line; library code that swallows every Exception needs ``Overtime``."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    fired: list[bool] = []

    def expire(signum: int, frame: object) -> None:
        fired.append(True)
        raise error(_("{what} took longer than {seconds:g} seconds").format(what=_(what), seconds=seconds))

    previous = signal.signal(signal.SIGALRM, expire)
    # Again every half second until cancelled: a library's bare 'except' may swallow one delivery.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:  # the limit passed while the work ran, and the code it ran swallowed every interruption
        raise error(_("{what} took longer than {seconds:g} seconds").format(what=_(what), seconds=seconds))


def render_limited(template: Template, context: dict[str, Any]) -> str:
    """Render within TIME_LIMIT and OUTPUT_LIMIT."""
    parts: list[str] = []
    size = 0
    with deadline(TIME_LIMIT):
        chunks = cast(Generator[str, None, None], template.generate(context))
        for chunk in chunks:
            size += len(chunk)
            if size > OUTPUT_LIMIT:
                # Raised inside the template's own code, so that Jinja names the template line it was at.
                chunks.throw(
                    TemplateLimit(
                        _("the output grew beyond {limit} characters").format(limit=i18n.number(OUTPUT_LIMIT))
                    )
                )
            parts.append(chunk)
    return "".join(parts)


@lru_cache(maxsize=8)
def make_env(template_dir: Path | None = None, markdown: bool = False) -> SandboxedEnvironment:
    """One environment per template directory and kind, so compiled templates are reused across documents.
    In Markdown (``markdown=True``) every value a template prints passes ``neutral.markdown_document``."""
    loaders: list[BaseLoader] = []
    if template_dir is not None:
        if not template_dir.is_dir():
            raise SamenwerkError(_("{template_dir}: no such template directory").format(template_dir=template_dir))
        refused = escapes(template_dir)
        if refused is not None:
            raise SamenwerkError(f"{template_dir}: {refused}")
        loaders.append(InsideLoader(template_dir))
    loaders.append(InsideLoader(folder("templates")))
    env = DataSandbox(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "htm", "xml", "html.j2"), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_markdown_value if markdown else None,
        # samenwerk's own templates cannot change while it runs: no stat of every template file per render.
        auto_reload=template_dir is not None,
    )
    env.filters.update(datum=nl.date, html_text=html_text, inline_html=inline_html, md_text=md_text)
    return env


def _markdown_value(value: Any) -> Any:
    # Markup is text a template already made safe (a macro's output marked `| safe`): not escaped twice.
    return markdown_document(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def template_folders(template_dir: Path | None) -> list[Path]:
    """The folders templates (and what they link to) may come from: the user's, then samenwerk's own."""
    folders = [Path(os.path.realpath(template_dir))] if template_dir is not None else []
    return [*folders, Path(os.path.realpath(folder("templates")))]


def template_error(exc: BaseException) -> SamenwerkError:
    """A template problem (an error, a limit, endless recursion) as a user error naming the template and line."""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:  # Jinja rewrites frames so that template lines show as the template's own
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".j2", ".html", ".md")) or "<template>" in filename:
            name, line = filename, tb.tb_lineno
        tb = tb.tb_next
    where = f"{name}:{line}" if name and line else (name or "template")
    if isinstance(exc, RecursionError):
        return SamenwerkError(_("{where}: the template recurses without end").format(where=where))
    return SamenwerkError(f"{where}: {type(exc).__name__}: {exc}")
