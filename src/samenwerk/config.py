"""Settings from ``[tool.samenwerk]`` in pyproject.toml or from samenwerk.toml; the closest file wins.

[tool.samenwerk]
select = ["ALL"]                 # rule ids, or "ALL" (default)
ignore = ["contact-point"]
fail-on = "error"                # or "warning"

[tool.samenwerk.rules.planning-period]
level = "error"
calendar = "legislatures"        # options are rule-specific

[[tool.samenwerk.overrides]]
paths = ["agreements/archief/*"]
ignore = ["expired-status"]

[tool.samenwerk.calendars]       # replaces the default planning calendars
planning_periods = [{name = "meerjarenplan 2026-2031", start = 2026-01-01, end = 2031-12-31}]
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from .diagnostics import Level
from .errors import SamenwerkError
from .fsutil import MAX_FILE_BYTES, escapes
from .i18n import _

if TYPE_CHECKING:
    from .calendars import Calendars

CONFIG_FILES = ("samenwerk.toml", "pyproject.toml")


@dataclass(frozen=True)
class RuleSettings:
    level: Level
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Override:
    paths: tuple[str, ...]
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    levels: dict[str, Level]


@dataclass(frozen=True)
class Config:
    source: Path | None = None
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    fail_on: Level = Level.ERROR
    calendars: Calendars | None = None
    """Replaces the default planning calendars when set."""
    max_file_size: int = MAX_FILE_BYTES
    """Files larger than this many bytes are refused."""
    repository_url: str | None = None
    """The repository's web address (https://host/owner/name), for links to lines in diff reports; by default
    derived from the git remote 'origin'."""
    root: Path = field(default_factory=Path.cwd)
    _memo: dict[str, dict[str, RuleSettings]] = field(default_factory=dict, compare=False, repr=False, init=False)

    def selecting(self, select: tuple[str, ...] | None, ignore: tuple[str, ...] | None) -> Config:
        """This configuration with rules chosen on the command line: --select replaces, --ignore adds."""
        if not select and not ignore:
            return self
        table = {"select": list(select or self.select), "ignore": [*self.ignore, *(ignore or ())]}
        checked = parse_config(table)
        return replace(self, select=checked.select, ignore=checked.ignore)

    def rules_for(self, path: Path) -> dict[str, RuleSettings]:
        """The enabled rules for one file, with their level and options (worked out once without overrides)."""
        if not self.overrides:
            if "" not in self._memo:
                self._memo[""] = self._rules_for(path)
            return self._memo[""]
        return self._rules_for(path)

    def _rules_for(self, path: Path) -> dict[str, RuleSettings]:
        from .rules import REGISTRY

        enabled = _pick(self.select, self.ignore)
        levels: dict[str, Level] = {}
        rel = _relative(path, self.root)
        for ov in self.overrides:
            if any(fnmatch.fnmatch(rel, pattern) for pattern in ov.paths):
                if ov.select is not None:
                    enabled = _pick(ov.select, ())
                enabled -= set(ov.ignore)
                levels.update(ov.levels)
        out = {}
        for rule_id in REGISTRY:
            if rule_id not in enabled:
                continue
            conf = dict(self.rules.get(rule_id, {}))
            level = Level(levels.get(rule_id) or conf.pop("level", None) or REGISTRY[rule_id].level)
            conf.pop("level", None)
            out[rule_id] = RuleSettings(level, conf)
        return out


def _relative(path: Path, root: Path) -> str:
    try:
        return str(PurePosixPath(path.resolve().relative_to(root.resolve())))
    except ValueError:
        return str(PurePosixPath(path))


def _pick(select: tuple[str, ...], ignore: tuple[str, ...]) -> set[str]:
    from .rules import REGISTRY

    chosen = set(REGISTRY) if "ALL" in select else set(select)
    return chosen - set(ignore)


def find_config(start: Path) -> Path | None:
    """The closest samenwerk.toml, or pyproject.toml with a [tool.samenwerk] table, from ``start`` upwards."""
    for directory in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            refused = escapes(candidate)
            if refused is not None:  # said before anything of it is read
                raise SamenwerkError(f"{candidate}: {refused}")
            if name == "pyproject.toml":
                try:
                    if "samenwerk" not in tomllib.loads(candidate.read_text(encoding="utf-8")).get("tool", {}):
                        continue
                except tomllib.TOMLDecodeError as exc:
                    raise SamenwerkError(
                        _("{path}: invalid TOML: {problem}").format(path=candidate, problem=exc)
                    ) from None
            return candidate
    return None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    path = path or find_config(start or Path.cwd())
    if path is None:
        return Config()
    refused = escapes(path)
    if refused is not None:
        raise SamenwerkError(f"{path}: {refused}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SamenwerkError(
            _("{path}: cannot read the configuration: {problem}").format(path=path, problem=exc)
        ) from None
    table = data.get("tool", {}).get("samenwerk", {}) if path.name == "pyproject.toml" else data
    return parse_config(table, path)


@lru_cache(maxsize=1)
def _file_model() -> Any:
    """The configuration file's schema, built on first use (Pydantic is not imported for a run without one)."""
    import datetime as dt
    from typing import Literal

    from pydantic import BaseModel, ByteSize, ConfigDict, Field

    class Strict(BaseModel):
        model_config = ConfigDict(extra="forbid", populate_by_name=True)

    class Period(Strict):
        name: str
        start: dt.date
        end: dt.date

    class CalendarsTable(Strict):
        planning_periods: list[Period] = []
        legislatures: list[Period] = []

    class OverrideTable(Strict):
        paths: list[str] = Field(min_length=1)
        select: list[str] | None = None
        ignore: list[str] = []
        levels: dict[str, Literal["error", "warning"]] = {}

    class ConfigFile(Strict):
        select: list[str] = ["ALL"]
        ignore: list[str] = []
        rules: dict[str, dict[str, Any]] = {}
        overrides: list[OverrideTable] = []
        fail_on: Literal["error", "warning"] = Field("error", alias="fail-on")
        calendars: CalendarsTable | None = None
        max_file_size: ByteSize = Field(ByteSize(MAX_FILE_BYTES), alias="max-file-size", gt=0, le=1024**3)
        repository_url: str | None = Field(
            None, alias="repository-url", pattern=r"^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%/-]*)?$"
        )

    return ConfigFile


def parse_config(table: dict[str, Any], path: Path | None = None) -> Config:
    """A configuration table (from TOML) -> Config. Every problem is a SamenwerkError naming the setting."""
    from pydantic import ValidationError

    from .calendars import Calendars, Period
    from .document.validate import dotted, findings
    from .rules import BUILTIN, REGISTRY

    where = str(path) if path else "configuration"
    model = _file_model()
    try:
        conf = model.model_validate(table)
    except ValidationError as exc:
        first = findings(exc, model)[0]
        at = "" if first.at_parent else dotted(first.loc[:-1] if first.at_key else first.loc)
        raise SamenwerkError(f"{where}: {at + ': ' if at else ''}{first.message}") from None

    def ids(value: list[str], key: str) -> tuple[str, ...]:
        bad = [v for v in value if v != "ALL" and v not in REGISTRY and v not in BUILTIN]
        if bad:
            raise SamenwerkError(
                _("{where}: unknown rule id(s) in '{key}': {ids}; 'samenwerk rules' lists them").format(
                    where=where, key=key, ids=", ".join(bad)
                )
            )
        if key.endswith("ignore"):
            if "ALL" in value:
                raise SamenwerkError(
                    _("{where}: '{key}' cannot hold ALL; to check nothing, do not run lint").format(
                        where=where, key=key
                    )
                )
            always = [v for v in value if v in BUILTIN]
            if always:
                raise SamenwerkError(
                    _("{where}: '{key}': {rules} is always checked and cannot be ignored").format(
                        where=where, key=key, rules=", ".join(always)
                    )
                )
        # The loader's own checks (syntax, schema, io) always run: selecting them is allowed and changes nothing.
        return tuple(v for v in value if v not in BUILTIN)

    rules: dict[str, dict[str, Any]] = {}
    for rule_id, settings in conf.rules.items():
        if rule_id not in REGISTRY:
            raise SamenwerkError(
                _("{where}: unknown rule id '{rule}' in [rules]; 'samenwerk rules' lists them").format(
                    where=where, rule=rule_id
                )
            )
        if "level" in settings and settings["level"] not in ("error", "warning"):
            raise SamenwerkError(
                _("{where}: rules.{rule}.level must be 'error' or 'warning'").format(where=where, rule=rule_id)
            )
        options = getattr(REGISTRY[rule_id], "Options", None)
        extra = {k: v for k, v in settings.items() if k != "level"}
        if extra:
            if options is None:
                raise SamenwerkError(_("{where}: rule '{rule}' takes no options").format(where=where, rule=rule_id))
            try:
                options.model_validate(extra)
            except ValidationError as exc:
                first = findings(exc, options)[0]
                raise SamenwerkError(f"{where}: rules.{rule_id}.{dotted(first.loc)}: {first.message}") from None
        rules[rule_id] = dict(settings)
    overrides = []
    for i, ov in enumerate(conf.overrides):
        ids(list(ov.levels), f"overrides[{i}].levels")
        overrides.append(
            Override(
                paths=tuple(ov.paths),
                select=ids(ov.select, f"overrides[{i}].select") if ov.select is not None else None,
                ignore=ids(ov.ignore, f"overrides[{i}].ignore"),
                levels={rule_id: Level(level) for rule_id, level in ov.levels.items()},
            )
        )
    calendars = None
    if conf.calendars is not None:
        calendars = Calendars(
            tuple(Period(p.name, p.start, p.end) for p in conf.calendars.planning_periods),
            tuple(Period(p.name, p.start, p.end) for p in conf.calendars.legislatures),
        )
    return Config(
        source=path,
        select=ids(conf.select, "select"),
        ignore=ids(conf.ignore, "ignore"),
        rules=rules,
        overrides=tuple(overrides),
        fail_on=Level(conf.fail_on),
        max_file_size=int(conf.max_file_size),
        repository_url=conf.repository_url.rstrip("/") if conf.repository_url else None,
        calendars=calendars,
        root=path.parent if path else Path.cwd(),
    )
