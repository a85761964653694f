"""The parsing floor: a C-backed YAML load plus Pydantic validation, in one process. No rules, no reports.

    python bench/floor.py FOLDER | FILE...

PyYAML's own C loader (``yaml.load(..., Loader=yaml.CSafeLoader)``), as a program that only needs the data
would read the files: it builds the data in Python with YAML 1.1's resolvers, without positions. For many
small files it is the floor of lint's reading; for one very large file samenwerk's loader (which builds the
data in one pass, with the garbage collector paused) is faster, so beside the diff of two large files it is
a reference, not a floor.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from samenwerk.model import Agreement


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="a folder of agreements, or agreement files")
    given = parser.parse_args().paths
    paths = sorted(given[0].glob("*.yaml")) if len(given) == 1 and given[0].is_dir() else given
    for path in paths:
        Agreement.model_validate(yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader))
    print(len(paths))


if __name__ == "__main__":
    main()
