"""Links from a diff report to the lines it names, on the repository's web site (GitHub, GitLab, Gitea...).

The web address is the configured ``repository-url``, else derived from the remote 'origin' (``git@host:o/r``,
``ssh://git@host/o/r``, ``https://host/o/r.git``). Only ``https`` addresses are used; credentials in a remote
are dropped; the file's path is percent-encoded, so no name can break out of the link. A side read from the
working tree has no commit to link to and gets no link.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urlsplit

_SCP = re.compile(r"^(?:[\w.-]+@)?(?P<host>[A-Za-z0-9.-]+):(?P<path>(?!/)[^\s]+?)(?:\.git)?/?$")
_HOST = re.compile(r"^[A-Za-z0-9.-]+(:[0-9]+)?$")
_PATH = re.compile(r"^(/[A-Za-z0-9._~-]+)+$")


def from_remote(remote: str) -> str | None:
    """``https://host/owner/name`` for a remote's URL, or None when it is not one of a web host."""
    remote = remote.strip()
    if "://" in remote:
        parts = urlsplit(remote)
        if parts.scheme not in ("https", "http", "ssh", "git"):
            return None
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port and parts.scheme in ("https", "http") else ""
        path = re.sub(r"\.git/?$", "", parts.path).rstrip("/")
    else:
        m = _SCP.match(remote)
        if m is None:
            return None
        host, port, path = m["host"], "", "/" + m["path"]
    if not _HOST.match(host + port) or not _PATH.match(path):
        return None
    return f"https://{host}{port}{path}"


def web_address(top: Path, configured: str | None = None) -> str | None:
    """The repository's web address: configured, else from the remote 'origin', else None."""
    if configured:
        return configured
    from .git import remote_url

    remote = remote_url(top)
    return from_remote(remote) if remote else None


def line(base: str, commit: str, path: str, number: int) -> str:
    """The address of one line of a file at a commit: GitLab's form for a GitLab host, else GitHub's."""
    where = "/-/blob/" if "gitlab" in (urlsplit(base).hostname or "") else "/blob/"
    return f"{base}{where}{commit}/{quote(path, safe='/')}#L{number}"
