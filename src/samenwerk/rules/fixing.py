"""What a fix gets, and the fix of the schema's date errors.

A rule that can repair what it finds safely says so with ``fixable = True``, a ``fix_summary`` (what the fix
does, for ``samenwerk rules``) and ``fix(data, ctx)``: it changes ``data``, the file's round-trip data
(ruamel.yaml, comments kept), in place, and returns one line per thing it changed. ``samenwerk fix`` runs the
fixes of the rules that found something, writes the result in canonical form (``format``) and checks that
it reads back as the changed data with every comment kept.

The loader's ``schema`` check has one fix of its own: a date written in another way than the model reads
(31/12/2025, 31.12.2025, 31 december 2025, 2025/12/31) is rewritten as 31-12-2025, when it can be read one
way only and is a real date. Day and month in that order, as Belgium writes them: 01/02/2025 is 1 February.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import N_
from ..model.types import DATE_IN_WORDS, MONTHS

if TYPE_CHECKING:
    from ..model import Agreement

SCHEMA_FIX_SUMMARY = N_("rewrites a date written another way (31/12/2025, 31 december 2025) as 31-12-2025")


@dataclass
class FixContext:
    """What a fix may know besides the data: where the file is, its text as read, and its top comments."""

    path: Path
    text: str
    data: Any
    header: list[str] = field(default_factory=list)
    """The whole-line comments at the top of the file, each from its '#': a fix may add one."""

    def agreement(self) -> Agreement | None:
        """The data as it stands now, validated; None when it does not validate."""
        from pydantic import ValidationError

        from ..format import plain
        from ..model import Agreement

        try:
            return Agreement.model_validate(plain(self.data))
        except (ValidationError, ValueError, TypeError):
            return None


# --- the schema's dates -----------------------------------------------------------------------------------

_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4})$|^(\d{1,2}) (\d{1,2}) (\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{1,2})$")


def read_date(text: str) -> str | None:
    """A date written in another way than the model reads, as 31-12-2025; None when it is not one."""
    from ..format import canonical_date

    text = text.strip()
    day = month = year = 0
    if m := _DAY_FIRST.match(text):
        day, month, year = (int(g) for g in (m.groups()[:3] if m[1] else m.groups()[3:]))
    elif m := _YEAR_FIRST.match(text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif (m := DATE_IN_WORDS.match(text)) and m[2].lower() in MONTHS:
        day, month, year = int(m[1]), MONTHS[m[2].lower()], int(m[3])
    else:
        return None
    return canonical_date(f"{day:02d}-{month:02d}-{year:04d}")


def schema_dates(data: Any, ctx: FixContext) -> list[str]:
    """The fix of the schema's date errors: each date field's value that is not a date the model reads but
    can be read one way, rewritten as 31-12-2025."""
    from ..document import write
    from ..format import ANY, Shape, agreement_shape, canonical_date

    changed: list[str] = []

    def visit(value: Any, shape: Shape, where: str) -> None:
        if isinstance(value, dict):
            fields = shape.fields or {}
            for key in list(value):
                inner = fields.get(key, ANY) if isinstance(key, str) else ANY
                child = value[key]
                if inner.date and isinstance(child, str) and canonical_date(child) is None:
                    fixed = read_date(child)
                    if fixed is not None:
                        write.put(value, key, fixed)
                        changed.append(f"{where}{key}: '{child}' -> {fixed}")
                        continue
                visit(child, inner, f"{where}{key}.")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                visit(item, shape.item or ANY, f"{where}{i}.")

    visit(data, agreement_shape(), "")
    return changed
