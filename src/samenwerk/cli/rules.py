"""samenwerk rules: list the lint rules, or explain one; as text, Markdown (docs/rules.md) or JSON."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ..errors import EXIT_OK
from ..i18n import _
from . import options


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def rules(
    rule_id: Annotated[str | None, typer.Argument(help="A rule id, to explain that rule.")] = None,
    fmt: Annotated[
        Format,
        options.format_option(
            "Output format: 'markdown' is docs/rules.md (samenwerk rules -f markdown -o docs/rules.md --force)."
        ),
    ] = Format.text,
    out: options.Output = None,
    force: options.Force = False,
) -> int:
    """List the lint rules, or explain one with a failing and a passing example."""
    from ..errors import SamenwerkError
    from ..rules.docs import render_json, render_markdown, render_text, rule_docs
    from . import output

    docs = rule_docs()
    if rule_id is not None and rule_id not in docs:
        raise SamenwerkError(_("unknown rule '{rule}'; 'samenwerk rules' lists them").format(rule=rule_id))
    chosen = list(docs.values()) if rule_id is None else [docs[rule_id]]
    if fmt is Format.markdown:
        text = render_markdown(chosen) if rule_id is None else chosen[0].markdown() + "\n"
    elif fmt is Format.json:
        text = render_json(chosen)
    else:
        text = render_text(chosen) if rule_id is None else chosen[0].text() + "\n"
    with output.stream(out, force) as stream:
        stream.write(text)
    return EXIT_OK
