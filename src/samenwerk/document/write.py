"""Writing agreements back as YAML without losing what people wrote: comments, order, quoting, spacing.

ruamel.yaml's round-trip mode keeps comments and layout through a load and dump, which PyYAML cannot.
This is the home of every write of an agreement (the coming ``fmt``, ``fix``, ``new`` and ``extend``):
load the text, change the data in place, dump it, and write it with ``fsutil.write_atomic``.
Reading for checks stays on the fast C loader in ``document.yaml``.
"""

from __future__ import annotations

import io
from typing import Any


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.version = None  # YAML 1.2 without a %YAML directive
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a sentence someone wrote on one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(text: str) -> Any:
    """Round-trip data: mappings and lists that remember their comments and layout."""
    return _yaml().load(text)


def dump(data: Any) -> str:
    """Round-trip data back to YAML text."""
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()
