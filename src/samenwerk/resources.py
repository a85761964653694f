"""Where the shipped folders are: ``templates/`` and ``schemas/``.

They are real folders at the top of the repository. A wheel carries them inside the package
(``samenwerk/templates``, ``samenwerk/schemas``, see pyproject.toml); an editable install of a checkout
reads them where they are.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path


@lru_cache(maxsize=4)
def folder(name: str) -> Path:
    """The shipped folder ``name`` ('templates' or 'schemas')."""
    packaged = Path(str(resources.files("samenwerk"))) / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / name  # src/samenwerk/ -> the checkout's top
