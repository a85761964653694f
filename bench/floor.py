"""The parsing floor: a C-backed YAML load plus Pydantic validation, in one process. No rules, no reports."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from samenwerk.model import Agreement


def main() -> None:
    ok = 0
    for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
        Agreement.model_validate(yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader))
        ok += 1
    print(ok)


if __name__ == "__main__":
    main()
