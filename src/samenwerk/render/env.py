"""The Jinja environment: strict, sandboxed, autoescaped for HTML; Dutch filters.

Templates come from ``--template-dir`` first (a single file there overrides the default of that name)
and then from the defaults shipped inside the package. Every template runs in a sandbox, since a
template directory may come from any repository. Undefined names are errors that name the template and
line (``StrictUndefined``), never blank text. Values from YAML are data: ``{{ ... }}`` inside them is
printed literally, because Jinja never evaluates data.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    select_autoescape,
)
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from .. import nl
from ..errors import SamenwerkError
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


@lru_cache(maxsize=8)
def make_env(template_dir: Path | None = None) -> SandboxedEnvironment:
    """One environment per template directory, so compiled templates are reused across documents."""
    loaders: list[Any] = []
    if template_dir is not None:
        if not template_dir.is_dir():
            raise SamenwerkError(f"{template_dir}: no such template directory")
        loaders.append(FileSystemLoader(str(template_dir)))
    loaders.append(FileSystemLoader(str(folder("templates"))))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "htm", "xml", "html.j2"), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(datum=nl.date, html_text=html_text, inline_html=inline_html, md_text=md_text)
    return env


def template_error(exc: TemplateError) -> SamenwerkError:
    """A template problem as a user error naming the template file and line."""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:  # Jinja rewrites frames so that template lines show as the template's own
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".j2", ".html", ".md")) or "<template>" in filename:
            name, line = filename, tb.tb_lineno
        tb = tb.tb_next
    where = f"{name}:{line}" if name and line else (name or "template")
    return SamenwerkError(f"{where}: {type(exc).__name__}: {exc}")
