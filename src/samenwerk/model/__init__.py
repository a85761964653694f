"""The agreement model. No I/O here."""

from .agreement import *  # noqa: F403
from .agreement import Agreement

__all__ = ["Agreement"]
