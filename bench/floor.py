"""The parsing floor: a C-backed YAML load plus Pydantic validation, in one process. No rules, no reports.

python bench/floor.py FOLDER | FILE...
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from samenwerk.model import Agreement


def main() -> None:
    ok = 0
    given = [Path(a) for a in sys.argv[1:]]
    paths = sorted(given[0].glob("*.yaml")) if len(given) == 1 and given[0].is_dir() else given
    for path in paths:
        Agreement.model_validate(yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader))
        ok += 1
    print(ok)


if __name__ == "__main__":
    main()
