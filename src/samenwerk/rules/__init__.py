"""The explicit registry of lint rules: one module per rule, listed here by id, in documentation order."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from . import (
    agreement_links,
    annex_file,
    approval_after_signing,
    body_member_party,
    contact_point,
    duplicate_ids,
    duplicate_signature,
    end_before_start,
    follow_up_after_end,
    kbo_branch_number,
    meeting_frequency,
    missing_end_date,
    national_register_number,
    nis_code,
    party_signatory,
    planning_period,
    references,
    representative_function,
    schema_line,
    signatory_representative,
    signed_after_end,
    signing_authority,
    status_dates,
    steering_group,
    steering_group_party,
    title_years,
    todo,
    trailing_whitespace,
)
from .fixing import SCHEMA_FIX_SUMMARY, schema_dates

_MODULES = (
    references,
    duplicate_ids,
    agreement_links,
    end_before_start,
    signed_after_end,
    approval_after_signing,
    title_years,
    planning_period,
    missing_end_date,
    follow_up_after_end,
    status_dates,
    kbo_branch_number,
    nis_code,
    signatory_representative,
    party_signatory,
    duplicate_signature,
    signing_authority,
    representative_function,
    steering_group,
    meeting_frequency,
    steering_group_party,
    body_member_party,
    contact_point,
    annex_file,
    national_register_number,
    todo,
    schema_line,
    trailing_whitespace,
)

REGISTRY: dict[str, ModuleType] = {module.id: module for module in _MODULES}

# Findings that are not rules: what the loader and the model report. Not selectable, never suppressible
# by configuration (a file that does not parse cannot be checked at all).
BUILTIN = {
    "syntax": "The file is UTF-8 YAML with one document and no duplicate keys.",
    "schema": "The data fits the agreement model: known keys, required keys, types, dates, KBO numbers.",
    "io": "The file can be read.",
    "internal": "samenwerk met a bug while checking the file; the other files are still checked. Please report it.",
}

FIXES: dict[str, tuple[Callable[..., list[str]], str]] = {
    "schema": (schema_dates, SCHEMA_FIX_SUMMARY),
    **{rid: (m.fix, m.fix_summary) for rid, m in REGISTRY.items() if getattr(m, "fixable", False)},
}
"""The checks that can repair what they find (``samenwerk fix``), in the order fixes run, each with its fix
(``fix(data, ctx)``, see ``rules.fixing``) and what the fix does."""


def fix_of(rule_id: str) -> Any:
    """What the fix of ``rule_id`` does, or None when it has none."""
    entry = FIXES.get(rule_id)
    return entry[1] if entry else None
