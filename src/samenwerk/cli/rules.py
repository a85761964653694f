"""samenwerk rules: list the lint rules, or explain one."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import EXIT_OK


def rules(rule_id: Annotated[str | None, typer.Argument(help="A rule id, to explain that rule.")] = None) -> int:
    """List the lint rules, or explain one with a failing and a passing example."""
    from ..errors import SamenwerkError
    from ..rules import BUILTIN, REGISTRY

    if rule_id is None:
        width = max(map(len, [*REGISTRY, *BUILTIN]))
        for rid, text in BUILTIN.items():
            typer.echo(f"{rid:<{width}}  error    {text}")
        for rid, listed in REGISTRY.items():
            typer.echo(f"{rid:<{width}}  {listed.level:<7}  {listed.summary}")
        return EXIT_OK
    if rule_id in BUILTIN:
        typer.echo(f"{rule_id} (always on, error)\n\n{BUILTIN[rule_id]}")
        return EXIT_OK
    module = REGISTRY.get(rule_id)
    if module is None:
        raise SamenwerkError(f"unknown rule '{rule_id}'; 'samenwerk rules' lists them")
    rule_options = getattr(module, "Options", None)
    typer.echo(f"{rule_id} (default level: {module.level})\n")
    typer.echo((module.__doc__ or module.summary).strip())
    if rule_options is not None:
        typer.echo(
            "\nOptions: " + ", ".join(f"{k} (default {f.default!r})" for k, f in rule_options.model_fields.items())
        )
    return EXIT_OK
