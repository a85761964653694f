"""The rendering floor: the same templates rendered with Jinja alone, in one process.

    python bench/jinja_floor.py FOLDER [md|html]

Each agreement is loaded as the parsing floor loads it (C YAML + Pydantic), its template context is built
(``render.context``, plain data) and the template is rendered: one environment and one compiled template for
every file, no checks, nothing written. ``samenwerk render`` does the same work plus the checks that every
reference resolves, and writes each file atomically: bench/run.py reports its time over this one.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from samenwerk.model import Agreement
from samenwerk.render import context
from samenwerk.render.env import make_env


def main() -> None:
    fmt = sys.argv[2] if len(sys.argv) > 2 else "html"
    env = make_env(None, markdown=fmt == "md")
    template = env.get_template({"md": "agreement.md.j2", "html": "agreement.html.j2"}[fmt])
    size = 0
    for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
        agreement = Agreement.model_validate(yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader))
        size += len(template.render(context(agreement)))
    print(size)


if __name__ == "__main__":
    main()
