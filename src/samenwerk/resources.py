"""Where the shipped folders are (``templates/`` and ``schemas/``), and the project's repository URL.

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


@lru_cache(maxsize=1)
def repository_url() -> str:
    """The project's repository, as ``[project.urls] Repository`` in pyproject.toml names it: read from the
    installed package's metadata, so that the URL is written in one place only."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata("samenwerk").get_all("Project-URL") or []
    except PackageNotFoundError:
        entries = []
    for entry in entries:
        label, _, url = str(entry).partition(",")
        if label.strip() == "Repository" and url.strip():
            return url.strip().rstrip("/")
    raise RuntimeError("samenwerk's package metadata names no Repository URL: reinstall samenwerk")
