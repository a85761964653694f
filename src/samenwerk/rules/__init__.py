"""The explicit registry of lint rules: one module per rule, listed here by id."""

from __future__ import annotations

from types import ModuleType

from . import duplicate_ids, references

REGISTRY: dict[str, ModuleType] = {module.id: module for module in (references, duplicate_ids)}
