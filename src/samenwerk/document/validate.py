"""Plain data -> Agreement, with every validation error turned into a finding at its data path.

``findings(exc, root)`` words Pydantic's errors for people; the configuration uses it too, so a typo in
samenwerk.toml reads like a typo in an agreement.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from .. import i18n
from ..diagnostics import Finding
from ..i18n import N_, _, ngettext
from ..model import Agreement
from ..model.types import FORMS


def validate(data: Any) -> tuple[Agreement | None, list[Finding]]:
    if not isinstance(data, dict):
        what = (
            _("empty")
            if data is None
            else {
                "list": _("a list"),
                "str": _("a single text"),
                "int": _("a number"),
                "float": _("a number"),
                "bool": _("a true/false value"),
            }.get(type(data).__name__, f"a {type(data).__name__}")
        )
        return None, [
            Finding((), _("an agreement must be a mapping of keys to values, but the file is {what}").format(what=what))
        ]
    try:
        return Agreement.model_validate(data), []
    except ValidationError as exc:
        return None, findings(exc, Agreement, data)


_NO_DATA = object()


def findings(exc: ValidationError, root: type[BaseModel], data: Any = _NO_DATA) -> list[Finding]:
    """Pydantic's errors as findings at their data paths, one per path, worded for people.

    With the validated ``data``, each path is followed through it, so that the tags Pydantic puts in a path
    (the branch of a union that failed) are told apart from keys and list positions by what the data holds.
    """
    return _drop_union_noise([(err["type"], _finding(err, root, data)) for err in exc.errors(include_url=False)])


_LISTS = frozenset({"literal_error", "enum"})


def _drop_union_noise(findings: list[tuple[str, Finding]]) -> list[Finding]:
    """A value that fails every branch of a union (a date or 'on-signing') gets one message, not one per branch."""
    kept: dict[tuple[object, ...], Finding] = {}
    kinds: dict[tuple[object, ...], str] = {}
    for kind, f in findings:
        first = kept.get(f.loc)
        if first is None:
            kept[f.loc], kinds[f.loc] = f, kind
        elif kinds[f.loc] in _LISTS:
            kept[f.loc], kinds[f.loc] = f, kind  # prefer the specific message (a bad date) over the list of literals
    return list(kept.values())


def _data_path(loc: tuple[Any, ...], kind: str, data: Any) -> tuple[Any, ...]:
    """The parts of Pydantic's ``loc`` that are keys and positions in ``data``; the rest are union tags.

    A missing key is the one part that is not in the data: it is kept when it comes last.
    """
    path: list[Any] = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif isinstance(node, dict) and kind == "missing" and i == len(loc) - 1:
            pass
        else:
            continue  # a tag: the branch of a union, the check of a validator
        path.append(part)
    return tuple(path)


_TAG = re.compile(r"^[a-z-]+\[.*\]$")  # function-before[parse_date(), date], literal['on-signing']


def _finding(err: Any, root: type[BaseModel], data: Any = _NO_DATA) -> Finding:
    kind = err["type"]
    if data is _NO_DATA:
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and _TAG.match(p)))
    else:
        loc = _data_path(tuple(err["loc"]), kind, data)
    if kind == "extra_forbidden" and loc[-1] == "<<":
        return Finding(
            loc, _("merge keys (<<) are not part of YAML 1.2 and are not supported; write the keys out"), at_key=True
        )
    if kind == "invalid_key":  # a number, true or null as a key: no field is named so
        key = err.get("input")
        shown = "null" if key is None else str(key).lower() if isinstance(key, bool) else _number(key)
        return Finding(loc, _("unknown key '{key}'").format(key=shown), at_key=True)
    if kind == "extra_forbidden":
        key = loc[-1]
        hint = _suggest(loc, root)
        return Finding(loc, _("unknown key '{key}'").format(key=key) + hint, at_key=True)
    if kind == "missing":
        parent = dotted(loc[:-1]) or _("the top level")
        return Finding(
            loc, _("missing required key '{key}' in {parent}").format(key=loc[-1], parent=parent), at_parent=True
        )
    message = err["msg"]
    if kind == "float_type" and isinstance(err.get("input"), int) and not isinstance(err.get("input"), bool):
        return Finding(loc, _("the number is too large"))
    if kind in _BOUNDS:
        return Finding(loc, _bound(kind, err))
    if kind in _EXPECTED:
        got = _describe(err.get("input"))
        message = _("expected {expected}, got {got}").format(expected=_(_EXPECTED[kind]), got=got)
        if kind == "string_type" and isinstance(err.get("input"), (int, float, bool)):
            message += "; " + _("put it in quotes to keep it as written")
        return Finding(loc, message)
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
    elif kind in ("too_short", "too_long", "string_too_short", "string_too_long"):
        message = _length(kind, err)
    elif kind in ("enum", "literal_error"):
        message = _("'{value}' is not allowed: {expected}").format(
            value=err["input"], expected=_choices(err["ctx"]["expected"])
        )
    elif kind == "string_pattern_mismatch":
        message = _("'{value}' does not have the expected form").format(value=err["input"])
        form = FORMS.get(err.get("ctx", {}).get("pattern", ""))
        if form:  # how the type is written; the field's description says what it means, not its form
            message += ": " + _(form)
    return Finding(loc, message)


def _model_at(loc: tuple[Any, ...], root: type[BaseModel]) -> type[BaseModel] | None:
    """The model class that holds the last key of ``loc``."""
    import typing

    model: Any = root
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if isinstance(model, type) and issubclass(model, BaseModel) else None
        if field is None:
            return None
        model = _inner_model(field.annotation, typing)
        if model is None:
            return None
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any, typing: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg, typing)
        if found is not None:
            return found
    return None


def _suggest(loc: tuple[Any, ...], root: type[BaseModel]) -> str:
    model = _model_at(loc, root)
    if model is None:
        return ""
    known = [f.alias or name for name, f in model.model_fields.items()]
    close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    return "; " + _("did you mean '{id}'?").format(id=close[0]) if close else ""


def dotted(loc: tuple[Any, ...]) -> str:
    """``('parties', 1, 'name')`` -> ``parties[1].name``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_EXPECTED = {
    "string_type": N_("text"),
    "int_type": N_("a whole number"),
    "int_parsing": N_("a whole number"),
    "int_from_float": N_("a whole number"),
    "float_type": N_("a number"),
    "float_parsing": N_("a number"),
    "bool_type": N_("true or false"),
    "bool_parsing": N_("true or false"),
    "list_type": N_("a list (lines starting with '- ', or [a, b])"),
    "model_type": N_("a mapping of keys to values"),
    "dict_type": N_("a mapping of keys to values"),
    "model_attributes_type": N_("a mapping of keys to values"),
}


def _choices(expected: str) -> str:
    """Pydantic's "'a', 'b' or 'c'" in the run's language (the values themselves are keys: never translated)."""
    parts = expected.rsplit(" or ", 1)
    if len(parts) == 2:
        return _("{some} or {last}").format(some=parts[0], last=parts[1])
    return expected


_BOUNDS = {"greater_than_equal", "greater_than", "less_than_equal", "less_than", "finite_number"}


def _bound(kind: str, err: Any) -> str:
    ctx = err.get("ctx") or {}
    got = _number(err.get("input"))
    if kind == "finite_number":
        return _("{value} is not a finite number: write a number").format(value=got)
    limit = next(iter(ctx.values()), None)
    limit = int(limit) if isinstance(limit, float) and limit.is_integer() else limit
    limit = i18n.number(limit) if isinstance(limit, int) else limit
    if kind == "greater_than_equal":
        return _("{value} is too small: the smallest allowed is {limit}").format(value=got, limit=limit)
    if kind == "greater_than":
        return _("{value} is too small: it must be more than {limit}").format(value=got, limit=limit)
    if kind == "less_than_equal":
        return _("{value} is too large: the largest allowed is {limit}").format(value=got, limit=limit)
    return _("{value} is too large: it must be less than {limit}").format(value=got, limit=limit)


def _length(kind: str, err: Any) -> str:
    ctx = err.get("ctx") or {}
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        items = ngettext("{n} item", "{n} items", n).format(n=n)
        if not ctx.get("actual_length"):
            return _("the list is empty: give at least {items}").format(items=items)
        return _("at least {items}").format(items=items)
    if kind == "too_long":
        return _("the list is too long: at most {n} items").format(n=ctx.get("max_length"))
    if kind == "string_too_short":
        return _("the text is empty: write it, or leave the key out")
    return _("the text is too long: at most {n} characters").format(n=ctx.get("max_length"))


def _number(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:20] + "…" + text[-5:]


def _describe(value: Any) -> str:
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, bool):
        return _("the boolean {value}").format(value=str(value).lower())
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=_number(value))
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:40] + "…"
        return _("the text '{value}'").format(value=short)
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    return type(value).__name__
