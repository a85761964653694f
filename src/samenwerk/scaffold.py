"""New files: a repository for agreements (``init``), an agreement from its kind (``new``), an extension or an
addendum of an agreement (``extend``, ``amend``).

Every file comes from a template in ``templates/init/`` or ``templates/new/`` (shipped in the wheel). The
YAML files are written through ruamel.yaml's round trip: a template is read, its placeholders (``{{id}}``,
``{{party.name}}``, ``REPOSITORY_URL``) are filled in as data, never pasted into text, and the result is
written in canonical form (``format.rewrite``). What the user does not give stays a ``TODO`` that says what
to write there, for the ``todo`` rule to point at: nothing about a real person or organisation is made up.

The core writes nothing itself: it returns the planned files (``Planned``); the command line writes them,
never over an existing file without ``--force``.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import i18n
from .errors import SamenwerkError
from .i18n import _

if TYPE_CHECKING:
    from .model import Agreement

TOKEN = re.compile(r"\{\{([a-z.]+)\}\}")
URL_TOKEN = "REPOSITORY_URL"
CI = ("github", "gitlab", "none")


@dataclass(frozen=True)
class Planned:
    path: Path
    """Where the file goes, relative to the folder the command works in (or absolute)."""
    text: str


def template(*parts: str) -> str:
    from .resources import folder

    return (folder("templates").joinpath(*parts)).read_text(encoding="utf-8")


def _fill_url(data: Any, url: str) -> None:
    """``REPOSITORY_URL`` in every text of round-trip data, replaced in place (quotes kept)."""
    from .document import write

    for node, key, value in write.texts(data):
        if URL_TOKEN in value:
            write.put(node, key, type(value)(value.replace(URL_TOKEN, url)))


def _yaml_template(name: str, url: str) -> str:
    from .document import write

    data = write.load(template("init", name))
    _fill_url(data, url)
    return write.dump(data)


# --- init --------------------------------------------------------------------------------------------------


def init_files(ci: str = "github") -> list[Planned]:
    """The files of a repository for agreements, relative to its top."""
    from .resources import repository_url
    from .schema import render_schema

    if ci not in CI:
        raise SamenwerkError(_("--ci: '{ci}' is not one of {choices}").format(ci=ci, choices=", ".join(CI)))
    url = repository_url()
    files = [
        Planned(Path("samenwerk.toml"), template("init", "samenwerk.toml")),
        Planned(Path(".pre-commit-config.yaml"), _yaml_template("pre-commit-config.yaml", url)),
        Planned(Path(".gitattributes"), template("init", "gitattributes")),
        Planned(Path(".vscode") / "settings.json", template("init", "vscode-settings.json")),
        Planned(Path("schemas") / "agreement.schema.json", render_schema()),
        Planned(Path("README.md"), template("init", "README.md").replace(URL_TOKEN, url)),
    ]
    if ci == "github":
        files.append(Planned(Path(".github") / "workflows" / "agreements.yml", ci_pipeline("github")))
    elif ci == "gitlab":
        files.append(Planned(Path(".gitlab-ci.yml"), ci_pipeline("gitlab")))
    return files


def ci_pipeline(ci: str) -> str:
    """The CI pipeline ``init`` writes: the one docs/github-actions.yml and docs/gitlab-ci.yml show."""
    from .resources import repository_url

    return _yaml_template("github-actions.yml" if ci == "github" else "gitlab-ci.yml", repository_url())


# --- new ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    kind: str

    @classmethod
    def parse(cls, spec: str) -> Party:
        """``ID:NAME:KIND`` from the command line (the name may hold ':'), checked as the model checks it."""
        from .model.agreement import PartyKind
        from .model.types import ID_PATTERN

        pid, sep, rest = spec.partition(":")
        name, sep2, kind = rest.rpartition(":")
        if not (sep and sep2 and pid and name.strip() and kind):
            raise SamenwerkError(
                _("--party '{spec}': write it as ID:NAME:KIND, such as stad-gent:Stad Gent:lokaal-bestuur").format(
                    spec=spec
                )
            )
        if not re.fullmatch(ID_PATTERN, pid):
            raise SamenwerkError(
                _("--party '{spec}': the id '{id}' must be lower-case letters, digits and hyphens").format(
                    spec=spec, id=pid
                )
            )
        kinds = [k.value for k in PartyKind]
        if kind not in kinds:
            raise SamenwerkError(
                _("--party '{spec}': the kind '{kind}' is not one of {kinds}").format(
                    spec=spec, kind=kind, kinds=", ".join(kinds)
                )
            )
        return cls(pid, name.strip(), kind)


PLACEHOLDER_PARTY = Party("partij-1", "TODO: de naam van de partij", "andere")
PER_PARTY: tuple[tuple[Any, ...], ...] = (
    ("parties",),
    ("consultation", "bodies", 0, "members"),
    ("contact_points", "contacts"),
    ("signing", "blocks"),
)
"""The lists of a template with one entry per party: written once in the template, repeated for each."""
SKELETONS = {
    "samenwerkingsovereenkomst": "samenwerkingsovereenkomst",
    "partnerschapsovereenkomst": "samenwerkingsovereenkomst",
}
"""The template of each kind of agreement (templates/new/KIND.yaml); any other: overeenkomst.yaml."""


def check_id(agreement_id: str) -> str:
    from .model.types import ID_PATTERN

    if not re.fullmatch(ID_PATTERN, agreement_id) or len(agreement_id) > 80:
        raise SamenwerkError(
            _(
                "the id '{id}' must be lower-case letters, digits and hyphens (at most 80), such as "
                "stad-gent-vdab-2026-2031"
            ).format(id=agreement_id)
        )
    return agreement_id


def new_agreement(
    kind: str,
    agreement_id: str,
    path: Path,
    *,
    title: str | None = None,
    parties: Sequence[Party] = (),
    start: dt.date | str | None = None,
    end: dt.date | None = None,
) -> str:
    """A new agreement of ``kind`` (not an amendment: ``extension`` and ``addendum`` make those) to be
    written at ``path``, in canonical form with its schema line, a TODO wherever something is not given."""
    from .model.agreement import AMENDING_KINDS, AgreementKind

    kinds = [k.value for k in AgreementKind]
    if kind not in kinds:
        raise SamenwerkError(
            _("'{kind}' is not a kind of agreement; one of {kinds}").format(kind=kind, kinds=", ".join(kinds))
        )
    if kind in {k.value for k in AMENDING_KINDS}:
        if kind == "verlenging":
            raise SamenwerkError(
                _("a verlenging changes an agreement: make it with 'samenwerk extend ID --until DATE'")
            )
        raise SamenwerkError(_("an addendum changes an agreement: make it with 'samenwerk amend ID'"))
    check_id(agreement_id)
    ids = [p.id for p in parties]
    if len(set(ids)) != len(ids):
        twice = ", ".join(sorted({i for i in ids if ids.count(i) > 1}))
        raise SamenwerkError(_("two parties have the same id: {ids}").format(ids=twice))
    if isinstance(start, dt.date) and end is not None and end < start:
        raise SamenwerkError(
            _("the end ({end}) comes before the start ({start})").format(end=_dmy(end), start=_dmy(start))
        )
    values: dict[str, str | None] = {
        "id": agreement_id,
        "kind": kind,
        "title": title or "TODO: de titel van de overeenkomst, zoals de tekst ze geeft",
        "start": _dmy(start) if isinstance(start, dt.date) else start,
        "end": _dmy(end) if end is not None else None,
    }
    skeleton = template("new", f"{SKELETONS.get(kind, 'overeenkomst')}.yaml")

    def edit(data: Any, header: list[str]) -> None:
        # The agreement's values first, then each party's: a text the user gave is filled in once and
        # never read for placeholders again (a party named '{{end}}' keeps its name).
        _fill(data, values)
        for where in PER_PARTY:
            _repeat(data, where, list(parties) or [PLACEHOLDER_PARTY])
        duration = data.get("duration")
        if isinstance(duration, dict) and "start" in duration and "end" in duration:
            duration.pop("text", None)  # the TODO about the term is answered
        _add_schema_line(header, path)

    return _written(skeleton, edit, path)


def _dmy(day: dt.date) -> str:
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def _at(data: Any, where: Sequence[Any]) -> Any:
    for part in where:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _repeat(data: Any, where: Sequence[Any], parties: Sequence[Party]) -> None:
    """The list at ``where`` (one entry with {{party.*}} in the template): that entry once for each party."""
    entries = _at(data, where)
    if not isinstance(entries, list) or not entries:
        return
    model = entries[0]
    copies = []
    for party in parties:
        entry = copy.deepcopy(model)
        _fill(entry, {"party.id": party.id, "party.name": party.name, "party.kind": party.kind})
        copies.append(entry)
    entries[:] = copies


def _fill(data: Any, values: dict[str, str | None]) -> None:
    """Each {{name}} in the texts of ``data`` replaced by its value, in place; a key whose whole value is a
    placeholder without a value is left out."""
    from .document import write

    for node, key, value in write.texts(data):
        if "{{" not in value:
            continue
        whole = TOKEN.fullmatch(value)
        if whole and whole[1] in values and values[whole[1]] is None and isinstance(node, dict):
            del node[key]
            continue
        filled = TOKEN.sub(lambda m: str(values.get(m[1]) or m[0]), value)
        if filled != value:
            write.put(node, key, filled)


def _add_schema_line(header: list[str], path: Path) -> None:
    from .rules.schema_line import MODELINE, schema_line

    if not any(MODELINE.match(line) for line in header):
        header.insert(0, schema_line(path))


def _written(skeleton: str, edit: Any, path: Path) -> str:
    from .format import rewrite

    return rewrite(skeleton, str(path), edit).text


# --- extend and amend ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    path: Path
    agreement: Agreement
    others: tuple[Agreement, ...]
    """Every other agreement found (its amendments among them)."""


def find(agreement_id: str, paths: Iterable[Path]) -> Found:
    """The agreement with ``agreement_id`` among the agreement files below ``paths``, and the others."""
    from . import document
    from .document.files import expand

    found: list[tuple[Path, Agreement]] = []
    for path in expand(paths):
        doc = document.read(path)
        if doc.agreement is not None:
            found.append((path, doc.agreement))
    matches = [(p, a) for p, a in found if a.id == agreement_id]
    if not matches:
        where = ", ".join(str(p) for p in paths)
        raise SamenwerkError(
            _("no agreement with the id '{id}' below {where} (among the files that load)").format(
                id=agreement_id, where=where
            )
        )
    if len(matches) > 1:
        files = [str(p) for p, _a in matches]
        raise SamenwerkError(_("the id '{id}' is the id of {files}").format(id=agreement_id, files=i18n.join(files)))
    path, agreement = matches[0]
    if agreement.amends is not None:
        raise SamenwerkError(
            _("{path}: '{id}' is itself an amendment of '{amends}': name that one").format(
                path=path, id=agreement_id, amends=agreement.amends
            )
        )
    return Found(path, agreement, tuple(a for p, a in found if p != path))


def _free_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def _stem(agreement_id: str, room: int = 60) -> str:
    """The start of an id for the id of its amendment: whole words (between hyphens) up to ``room``
    characters, never a word cut in two."""
    if len(agreement_id) <= room:
        return agreement_id
    cut = agreement_id[: room + 1].rpartition("-")[0]
    return cut or agreement_id[:room]


def _amendment_id(wanted: str | None, default: str, taken: set[str]) -> str:
    """The id the user asked for (which must be free), else ``default`` made free."""
    if wanted is None:
        return _free_id(check_id(default), taken)
    check_id(wanted)
    if wanted in taken:
        raise SamenwerkError(_("--id: '{id}' is the id of an agreement that is there already").format(id=wanted))
    return wanted


KIND_WORDS = (
    "samenwerkingsovereenkomst",
    "partnerschapsovereenkomst",
    "overeenkomst",
    "engagementsverklaring",
)
"""Words a title may start with that are common nouns, written mid-sentence in lower case: 'Verlenging van
de samenwerkingsovereenkomst ...'. Any other first word may be a name and keeps its case."""


def of_title(title: str) -> str:
    """``title`` as it reads after 'van' or 'bij' in a new title: 'de samenwerkingsovereenkomst tussen ...'
    for a title that starts with such a noun, else the title in quotes; without a closing full stop."""
    text = " ".join(title.split()).rstrip(". ")
    first = text.split(" ", 1)[0]
    if first.casefold() in KIND_WORDS:
        return "de " + first.lower() + text[len(first) :]
    return f"‘{text}’"


def extension(found: Found, until: dt.date, path: Path | None = None, wanted_id: str | None = None) -> Planned:
    """A 'verlenging' of the agreement until ``until`` (inclusive), taking effect the day after its present
    end (with its amendments), beside it; its title's year range moves with it."""
    from . import facts, nl
    from .rules.title_years import _RANGE
    from .versions import consolidate

    base = found.agreement
    current = consolidate(base, found.others).agreement
    end = facts.end(current)
    if end is None:
        raise SamenwerkError(
            _("{path}: '{id}' has no end date to extend (it runs without one)").format(path=found.path, id=base.id)
        )
    if until <= end:
        raise SamenwerkError(
            _("--until {until} is not after the present end of '{id}' ({end})").format(
                until=_dmy(until), id=base.id, end=_dmy(end)
            )
        )
    taken = {a.id for a in found.others} | {base.id}
    new_id = _amendment_id(wanted_id, f"{_stem(base.id)}-verlenging-{until.year}", taken)
    target = path or found.path.parent / f"{new_id}.yaml"
    values: dict[str, str | None] = {
        "id": new_id,
        "title": f"Verlenging van {of_title(current.title)} tot en met {nl.date(until)}",
        "amends": base.id,
        "effective": _dmy(end + dt.timedelta(days=1)),
        "end": _dmy(until),
    }
    # The title's year range ends with the old end's year: in the agreement as extended, with the new one.
    ranges = [m for m in _RANGE.finditer(current.title) if int(m[2]) == end.year]
    moved = current.title
    if ranges:
        last = ranges[-1]
        moved = f"{current.title[: last.start(2)]}{until.year}{current.title[last.end(2) :]}"

    def edit(data: Any, header: list[str]) -> None:
        _fill(data, values)
        if moved != current.title:
            data["changes"]["title"] = moved
        _add_schema_line(header, target)

    return Planned(target, _written(template("new", "verlenging.yaml"), edit, target))


def addendum(
    found: Found,
    effective: dt.date | None = None,
    title: str | None = None,
    path: Path | None = None,
    wanted_id: str | None = None,
) -> Planned:
    """An addendum of the agreement, beside it: what it changes is for the user to write under 'changes'."""
    from . import facts

    base = found.agreement
    start = facts.start(base)
    if effective is not None and start is not None and effective < start:
        raise SamenwerkError(
            _("--effective {effective} comes before '{id}' starts ({start})").format(
                effective=_dmy(effective), id=base.id, start=_dmy(start)
            )
        )
    taken = {a.id for a in found.others} | {base.id}
    number = 1 + sum(1 for a in found.others if a.amends == base.id and a.kind == "addendum")
    new_id = _amendment_id(wanted_id, f"{_stem(base.id)}-addendum-{number}", taken)
    target = path or found.path.parent / f"{new_id}.yaml"
    values: dict[str, str | None] = {
        "id": new_id,
        "title": title or f"Addendum {number} bij {of_title(base.title)}",
        "amends": base.id,
        "effective": _dmy(effective) if effective is not None else None,
    }

    def edit(data: Any, header: list[str]) -> None:
        _fill(data, values)
        _add_schema_line(header, target)

    return Planned(target, _written(template("new", "addendum.yaml"), edit, target))
