"""Constrained scalar types shared by the agreement model.

Dates are parsed here, not by YAML: the loader hands over plain strings so that both the Flemish
``31-12-2025`` and ISO ``2025-12-31`` are accepted and an impossible date gets a message that says why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, GetJsonSchemaHandler, ValidationError, WithJsonSchema
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, InitErrorDetails, PydanticCustomError

from ..i18n import N_, _

_DMY = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY = r"(0?[1-9]|[12][0-9]|3[01])"
_MONTH = r"(0?[1-9]|1[0-2])"
# Agreements are dated within a few decades of now: a year outside these bounds is a typo (2205 for 2025,
# 1025), and the bounds keep every date a period is added to far from the end of the calendar (9999).
MIN_YEAR = 1900
MAX_YEAR = 2200
_YEAR = r"(19[0-9]{2}|2[01][0-9]{2}|2200)"
# Editors check the form and the ranges; the model also checks that the day exists in that month.
DATE_PATTERN = rf"^\s*({_DAY}-{_MONTH}-{_YEAR}|{_YEAR}-{_MONTH}-{_DAY})\s*$"


def parse_date(value: Any) -> dt.date:
    """Parse ``DD-MM-YYYY`` or ``YYYY-MM-DD`` into a date, with a message naming the bad part."""
    if isinstance(value, dt.datetime):
        raise ValueError(_("expected a date without a time, such as 31-12-2025 or 2025-12-31"))
    if isinstance(value, dt.date):
        _check_year(value.year, value.isoformat())
        return value
    if not isinstance(value, str):
        raise ValueError(_("expected a date such as 31-12-2025 or 2025-12-31, got {got}").format(got=_kind(value)))
    text = value.strip()
    if m := _DMY.match(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _YMD.match(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        raise ValueError(_("'{value}' is not a date; {how}").format(value=value, how=_how_to_write(text)))
    if not 1 <= month <= 12:
        raise ValueError(_("'{value}' is not a valid date: there is no month {month}").format(value=value, month=month))
    _check_year(year, value)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(
            _("'{value}' is not a valid date: month {month} of {year} has no day {day}").format(
                value=value, month=month, year=year, day=day
            )
        ) from None


MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "jan", "january"),
            ("februari", "feb", "february"),
            ("maart", "mrt", "maa", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("augustus", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
DATE_IN_WORDS = re.compile(r"^(\d{1,2})\.?\s+([A-Za-z]+)\.?\s+(\d{4})$")
"""A date in words ('1 januari 2025', '1 jan. 2025'), its month one of ``MONTHS``."""
_OTHER_SEPARATOR = re.compile(r"^(\d{1,4})[/.\s](\d{1,2})[/.\s](\d{1,4})$")
_SHORT_YEAR = re.compile(r"^\d{1,2}-\d{1,2}-\d{2}$")


def _how_to_write(text: str) -> str:
    """The fix for a common way of writing a date that is not one of the two forms."""
    if (m := DATE_IN_WORDS.match(text)) and m[2].lower() in MONTHS:
        fixed = f"{int(m[1]):02d}-{MONTHS[m[2].lower()]:02d}-{m[3]}"
        if _is_date(fixed):
            return _("write the month as a number: {fixed}").format(fixed=fixed)
    if (m := _OTHER_SEPARATOR.match(text)) and _is_date(fixed := f"{m[1]}-{m[2]}-{m[3]}"):
        return _("write it with '-' between the parts: {fixed}").format(fixed=fixed)
    if _SHORT_YEAR.match(text):
        return _("write the year in four digits, such as 31-12-2025")
    return _("write it as 31-12-2025 or 2025-12-31")


def _is_date(text: str) -> bool:
    try:
        parse_date(text)
    except ValueError:
        return False
    return True


def _check_year(year: int, shown: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(
            _("'{value}' is out of range: the year must lie between {first} and {last}").format(
                value=shown, first=MIN_YEAR, last=MAX_YEAR
            )
        )


def _kind(value: object) -> str:
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, bool):
        return _("the boolean {value}").format(value=str(value).lower())
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=value) if len(str(value)) <= 40 else _("a number")
    return {"list": _("a list"), "dict": _("a mapping")}.get(type(value).__name__, f"a {type(value).__name__}")


Date = Annotated[
    dt.date,
    BeforeValidator(parse_date),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": "A date, written as 31-12-2025 or 2025-12-31.",
            "examples": ["31-12-2025"],
        }
    ),
]


@dataclass(frozen=True)
class Form:
    """How a value of a type is written, as the type's description in the JSON Schema.

    ``Field(description=...)`` in an ``Annotated`` type would become the description of every field of that type
    and hide the field's own (its attribute docstring); a ``Form`` describes the type only, and a field's docstring
    takes its place in the field's schema."""

    text: str

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["description"] = self.text
        return json_schema


ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_KBO_PATTERN = r"^(BE ?)?[0-8][0-9]{3}\.?[0-9]{3}\.?[0-9]{3}$"
_NIS_PATTERN = r"^[1-9][0-9]{4}$"
_POSTAL_PATTERN = r"^[1-9][0-9]{3}$"
_SHA256_PATTERN = r"^[0-9a-f]{64}$"

FORMS: dict[str, str] = {
    ID_PATTERN: N_("An identifier: lower-case letters, digits and hyphens, such as 'vdab' or 'stad-gent'."),
    _KBO_PATTERN: N_("KBO enterprise number (ondernemingsnummer), such as 0887.010.362; checked with mod 97."),
    _NIS_PATTERN: N_("NIS code (Statbel) of a municipality: five digits, such as 44021 for Gent."),
    _POSTAL_PATTERN: N_("Belgian postal code: four digits, such as 9000."),
    _SHA256_PATTERN: N_("SHA-256 of the file, 64 hex digits."),
}
"""Each pattern of a type here, and how a value that matches it is written: for the schema, and for the message
about a value that does not match."""

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=80), Form(FORMS[ID_PATTERN])]


def _check_kbo(value: str) -> str:
    # python-stdnum knows the KBO/BCE number (the Belgian VAT number without "BE"). Its mod-97 check is
    # applied to every number here, branch-unit numbers (first digit 2-8) included: whether a branch
    # number may stand where an enterprise number belongs is the lint rule kbo-branch-number's call.
    from stdnum.be import vat

    compact = vat.compact(value)
    if len(compact) != 10 or not compact.isdigit():
        raise ValueError(_("'{value}' is not a valid KBO number: write it as 0123.456.749").format(value=value))
    if vat.checksum(compact) != 0:
        raise ValueError(
            _("'{value}' is not a valid KBO number: the check digits do not match (mod 97); check for a typo").format(
                value=value
            )
        )
    return f"{compact[0:4]}.{compact[4:7]}.{compact[7:10]}"


EnterpriseNumber = Annotated[str, Field(pattern=_KBO_PATTERN), Form(FORMS[_KBO_PATTERN]), AfterValidator(_check_kbo)]

NisCode = Annotated[str, Field(pattern=_NIS_PATTERN), Form(FORMS[_NIS_PATTERN])]

PostalCode = Annotated[str, Field(pattern=_POSTAL_PATTERN), Form(FORMS[_POSTAL_PATTERN])]


def _check_relative(value: str) -> str:
    # Backslashes count as separators too: a path written on Windows climbs out just the same.
    parts = value.replace("\\", "/").split("/")
    if not value.strip():
        raise ValueError(_("the path is empty; give the file's path relative to the agreement, or leave the key out"))
    if value.startswith(("/", "\\")) or (len(value) > 1 and value[1] == ":"):
        raise ValueError(
            _("'{value}' is an absolute path; give the path relative to the agreement file").format(value=value)
        )
    if ".." in parts:
        raise ValueError(
            _("'{value}' climbs out with '..'; annexes live beside the agreement or below it").format(value=value)
        )
    if any(ord(ch) < 32 for ch in value):
        raise ValueError(_("the path contains a control character"))
    return value


RelativePath = Annotated[
    str,
    AfterValidator(_check_relative),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^(?![/\\])(?![A-Za-z]:)(?!(.*[/\\])?\.\.([/\\]|$))[^\x00-\x1f]+$",
            "description": "A path relative to the agreement file, without '..', such as bijlagen/dashboard.pdf.",
        }
    ),
]

Sha256 = Annotated[str, Field(pattern=_SHA256_PATTERN), Form(FORMS[_SHA256_PATTERN])]

Text = Annotated[str, Field(min_length=1)]

Title = Annotated[
    str,
    Field(min_length=1, max_length=1000),
    Form("A title: one line of at most 1,000 characters."),
]
"""A title or subtitle: longer is a pasting accident, and would take minutes to lay out as a PDF heading."""


def field_error(model: str, field: str, value: object, message: str) -> ValidationError:
    """An error of a model-level check (one that needs two fields) reported at one field's value, so that it is
    placed at that value's line rather than at the start of the mapping."""
    error = PydanticCustomError("out_of_bounds", message)  # the message has no {placeholders}
    return ValidationError.from_exception_data(model, [InitErrorDetails(type=error, loc=(field,), input=value)])


def many() -> Any:
    """The default of a list field: an empty list made anew for each model, published as ``"default": []``.

    Written ``= []``, Pydantic deep-copies the default for every model built (about 1 µs each: 192,000 copies
    for an agreement with 32,000 parties); a factory only calls ``list()``."""
    return Field(default_factory=list, json_schema_extra={"default": []})
