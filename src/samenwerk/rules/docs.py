"""What each rule is, from one source, for every output that documents rules.

``rule_docs()`` gives per rule id (the built-in findings first, then the rules in documentation order) its
level, summary, explanation, examples, options and the URL of its section in docs/rules.md. ``samenwerk rules``
(text, Markdown, JSON), docs/rules.md (written by ``samenwerk rules -f markdown``) and SARIF's rule metadata
are all made from it.

A rule's documentation is its module docstring: ``<id>: <headline>``, paragraphs, then a ``Failing::`` and a
``Passing::`` example (indented YAML). A built-in finding (syntax, schema, io, internal) is documented by its
line in ``BUILTIN``.

A rule marked ``sensitive`` finds personal data, and its docstring shows what it finds: national register
numbers with valid check digits. No output may show one, so in a sensitive rule's documentation every run of
eleven or more digits (groups joined by up to three separators, or wrapped onto the next line) is shown with
letters for its digits (``mask_numbers``), and a note says so.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType, ModuleType

from ..i18n import N_, _
from ..i18n import level as level_word

DOCS_PATH = "docs/rules.md"
"""Where the generated documentation lives in the repository (helpUri points into it)."""

MAX_DESCRIPTION = 1024
"""GitHub code scanning cuts a rule's SARIF fullDescription after 1,024 characters."""

REGENERATE = f"samenwerk rules --lang en --format markdown --output {DOCS_PATH} --force"

SENSITIVE_NOTE = N_(
    "The example numbers are shown with letters for their digits (YYMMDDNNNCC): samenwerk shows no national\n"
    "register number, not even in its own documentation."
)

# Digits joined by up to three separators (anything but a letter, a digit, a line break or punctuation that
# ends a number in a list: ',;:' brackets, quotes), or by a line break and indentation.
_NUMBER_RUN = re.compile(r"\d(?:[^\w\n,;:()\[\]{}\"']{0,3}(?:\r?\n[ \t]*)?\d)+")
_DIGIT = re.compile(r"\d")
_SHAPE = "YYMMDDNNNCC"
_LITERAL = re.compile(r"``(.+?)``")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class RuleDoc:
    id: str
    level: str
    """The default level: "error" or "warning"."""
    builtin: bool
    """A finding of the loader or the model (syntax, schema, io, internal): always on, always an error."""
    sensitive: bool
    summary: str
    """One line: what the rule checks."""
    paragraphs: tuple[str, ...]
    """The explanation, as the docstring writes it (``literals``, line breaks), headline first."""
    failing: str | None
    passing: str | None
    options: tuple[tuple[str, str], ...]
    """Each setting of [tool.samenwerk.rules.ID] with the repr of its default."""
    url: str
    """The rule's section in docs/rules.md."""
    source: str
    """The documentation as written (masked when sensitive): what ``samenwerk rules ID`` prints."""
    fix: str | None = None
    """What ``samenwerk fix`` does about what the rule finds; None when it has no safe fix."""

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    @property
    def explanation(self) -> str:
        """The explanation as plain text: paragraphs reflowed, list items on their own lines."""
        return "\n\n".join(_plain(p) for p in self.paragraphs)

    @property
    def description(self) -> str:
        """The explanation in at most ``MAX_DESCRIPTION`` characters (SARIF's fullDescription): whole
        paragraphs, and where some had to be left out, where to read the rest."""
        return _fit([_plain(p) for p in self.paragraphs], self.url)

    @property
    def help_text(self) -> str:
        """Everything, as plain text: summary, explanation, examples, options and the documentation URL."""
        parts = [self.summary] + ([self.explanation] if self.explanation != self.summary else [])
        for label, example in ((_("Failing"), self.failing), (_("Passing"), self.passing)):
            if example is not None:
                parts.append(f"{label}:\n\n" + textwrap.indent(example, "    "))
        if self.options:
            parts.append(_("Options: {options}").format(options=_options(self.options)))
        if self.fix:
            parts.append(_("Fix: samenwerk fix {fix}.").format(fix=self.fix))
        parts.append(_("Documentation: {url}").format(url=self.url))
        return "\n\n".join(parts)

    def markdown(self, heading: bool = True) -> str:
        """The rule as Markdown: its section of docs/rules.md, or (``heading=False``) SARIF's help.markdown,
        which ends with a link to that section instead."""
        level = (
            _("{level}, always on").format(level=level_word(self.level))
            if self.builtin
            else _("{level} (the default; configurable)").format(level=level_word(self.level))
        )
        parts = [f"## {self.id}"] if heading else []
        parts += [_("**Level:** {level}").format(level=level), _("**Checks:** {summary}").format(summary=self.summary)]
        if self.fix:
            parts.append(_("**Fix:** `samenwerk fix` {fix}.").format(fix=self.fix))
        parts += [_markdown(p) for p in self.paragraphs if p != self.summary]
        for label, example in ((_("Failing"), self.failing), (_("Passing"), self.passing)):
            if example is not None:
                parts.append(f"**{label}:**\n\n```yaml\n{example}\n```")
        if self.options:
            parts.append(
                _("**Options:** {options}").format(
                    options=", ".join(_("`{key}` (default `{value}`)").format(key=k, value=v) for k, v in self.options)
                )
            )
        if not heading:
            parts.append(_("[Documentation of {rule}]({url})").format(rule=self.id, url=self.url))
        return "\n\n".join(parts)

    def text(self) -> str:
        """What ``samenwerk rules ID`` prints."""
        fix = "\n\n" + _("Fix: samenwerk fix {fix}.").format(fix=self.fix) if self.fix else ""
        if self.builtin:
            head = _("{rule} (always on, {level})").format(rule=self.id, level=level_word(self.level))
            return f"{head}\n\n{self.source}{fix}"
        out = _("{rule} (default level: {level})").format(rule=self.id, level=level_word(self.level))
        out += f"\n\n{self.source}"
        if self.options:
            out += "\n\n" + _("Options: {options}").format(options=_options(self.options))
        return out + fix

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "level": self.level,
            "always_on": self.builtin,
            "summary": self.summary,
            "explanation": self.explanation,
            "failing": self.failing,
            "passing": self.passing,
            "options": dict(self.options),
            "fixable": self.fixable,
            "fix": self.fix,
            "url": self.url,
        }


def mask_numbers(text: str) -> str:
    """Every run of eleven or more digits in ``text`` with its digits shown as letters: the last eleven as
    ``YYMMDDNNNCC`` (birth date, serial number, check digits), any before them as ``X``. Separators stay:
    ``85.07.30-033.28`` shows as ``YY.MM.DD-NNN.CC``. Letters, unlike ``#``, mean nothing in Markdown."""

    def mask(match: re.Match[str]) -> str:
        run = match.group()
        count = len(_DIGIT.findall(run))
        if count < 11:
            return run
        letters = iter("X" * (count - 11) + _SHAPE)
        return _DIGIT.sub(lambda _: next(letters), run)

    return _NUMBER_RUN.sub(mask, text)


def doc_url(rule_id: str) -> str:
    from ..resources import repository_url

    return f"{repository_url()}/blob/main/{DOCS_PATH}#{rule_id}"


def rule_docs() -> Mapping[str, RuleDoc]:
    """Every rule's documentation by id, in the run's language (``i18n``): the built-in findings, then the
    rules in documentation order."""
    from ..i18n import language

    return _rule_docs(language())


def english_source(module: ModuleType) -> str:
    """A rule's documentation as written in its module: the English the catalog translates."""
    return (module.__doc__ or f"{module.id}: {module.summary}").strip()


@lru_cache(maxsize=2)
def _rule_docs(language: str) -> Mapping[str, RuleDoc]:
    from . import BUILTIN, REGISTRY

    docs = {rid: _builtin(rid, _(text)) for rid, text in BUILTIN.items()}
    docs.update((rid, _rule(module)) for rid, module in REGISTRY.items())
    return MappingProxyType(docs)


def _builtin(rule_id: str, text: str) -> RuleDoc:
    return RuleDoc(
        id=rule_id,
        level="error",
        builtin=True,
        sensitive=False,
        summary=text,
        paragraphs=(text,),
        failing=None,
        passing=None,
        options=(),
        url=doc_url(rule_id),
        source=text,
        fix=_fix(rule_id),
    )


def _fix(rule_id: str) -> str | None:
    from . import fix_of

    fix: str | None = fix_of(rule_id)
    return _(fix) if fix else None


def _rule(module: ModuleType) -> RuleDoc:
    rule_id: str = module.id
    sensitive = bool(getattr(module, "sensitive", False))
    source = _translated(english_source(module))
    if sensitive:
        source = mask_numbers(source) + "\n\n" + _(SENSITIVE_NOTE)
    head, has_failing, rest = _partition(source, (f"\n{_('Failing')}::\n", "\nFailing::\n"))
    failing_block, has_passing, passing_block = _partition(rest, (f"\n{_('Passing')}::\n", "\nPassing::\n"))
    failing, after_failing = _example(failing_block) if has_failing else (None, "")
    passing, after_passing = _example(passing_block) if has_passing else (None, "")
    paragraphs = [p.strip("\n") for p in _PARAGRAPH_BREAK.split(head.strip())]
    paragraphs += [p.strip("\n") for p in _PARAGRAPH_BREAK.split(f"{after_failing}\n\n{after_passing}") if p.strip()]
    first = paragraphs[0]
    if first.startswith(f"{rule_id}:"):
        first = first[len(rule_id) + 1 :].strip()
    paragraphs[0] = first[:1].upper() + first[1:]
    rule_options = getattr(module, "Options", None)
    settings: tuple[tuple[str, str], ...] = ()
    if rule_options is not None:
        settings = tuple((k, repr(f.default)) for k, f in rule_options.model_fields.items())
    return RuleDoc(
        id=rule_id,
        level=str(module.level),
        builtin=False,
        sensitive=sensitive,
        summary=_(module.summary),
        paragraphs=tuple(paragraphs),
        failing=failing,
        passing=passing,
        options=settings,
        url=doc_url(rule_id),
        source=source,
        fix=_fix(rule_id),
    )


def prose(source: str) -> list[str]:
    """The parts of a rule's documentation that are text, not examples: what is translated (the examples'
    YAML is the same in every language)."""
    head, has_failing, rest = source.partition("\nFailing::\n")
    blocks = [head.strip()]
    if has_failing:
        failing_block, has_passing, passing_block = rest.partition("\nPassing::\n")
        after = [_example(failing_block)[1]] + ([_example(passing_block)[1]] if has_passing else [])
        blocks += [a.strip() for a in after if a.strip()]
    return blocks


def _translated(source: str) -> str:
    """A rule's documentation in the run's language: its text translated, its examples as they are."""
    from ..i18n import DEFAULT, language

    if language() == DEFAULT:
        return source
    for block in prose(source):
        source = source.replace(block, _(block), 1)
    failing, passing = f"\n{_('Failing')}::\n", f"\n{_('Passing')}::\n"
    return source.replace("\nFailing::\n", failing, 1).replace("\nPassing::\n", passing, 1)


def _partition(text: str, separators: tuple[str, ...]) -> tuple[str, str, str]:
    for separator in separators:
        head, found, rest = text.partition(separator)
        if found:
            return head, found, rest
    return text, "", ""


def _example(block: str) -> tuple[str, str]:
    """An indented example block, dedented, and the unindented text that follows it (if any)."""
    lines = block.split("\n")
    end = next((i for i, line in enumerate(lines) if line.strip() and not line[0].isspace()), len(lines))
    return textwrap.dedent("\n".join(lines[:end])).strip("\n"), "\n".join(lines[end:])


def _plain(paragraph: str) -> str:
    """A docstring paragraph as plain text: ``literals`` unquoted, lines joined, list items kept apart."""
    items: list[str] = []
    for line in _LITERAL.sub(r"\1", paragraph).split("\n"):
        if not items or line.startswith("- "):
            items.append(line.strip())
        else:
            items[-1] += " " + line.strip()
    return "\n".join(items)


def _markdown(paragraph: str) -> str:
    return _LITERAL.sub(r"`\1`", paragraph)


def _options(options: Iterable[tuple[str, str]]) -> str:
    return ", ".join(_("{key} (default {value})").format(key=k, value=v) for k, v in options)


def _fit(paragraphs: list[str], url: str, limit: int = MAX_DESCRIPTION) -> str:
    """The paragraphs, or as many of their lines (a list item is a line) as fit in ``limit`` characters with
    a last line that says where the rest is."""
    whole = "\n\n".join(paragraphs)
    if len(whole) <= limit:
        return whole
    more = "\n\n" + _("More: {url}").format(url=url)
    kept = ""
    for i, p in enumerate(paragraphs):
        for j, line in enumerate(p.split("\n")):
            candidate = kept + ("\n\n" if i and j == 0 else "\n" if j else "") + line
            if len(candidate) + len(more) > limit:
                if not kept:  # even the first line is too long: cut it after a word
                    cut = line[: limit - len(more) - 1]
                    kept = (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"
                return kept + more
            kept = candidate
    return kept + more


def render_text(docs: Iterable[RuleDoc]) -> str:
    """The listing of ``samenwerk rules``: id, level, 'fix' where ``samenwerk fix`` repairs what the rule
    finds, and summary, one rule a line."""
    docs = list(docs)
    width = max((len(d.id) for d in docs), default=0)
    levels = max((len(level_word(d.level)) for d in docs), default=0)
    return "".join(
        f"{d.id:<{width}}  {level_word(d.level):<{levels}}  {'fix' if d.fixable else '   '}  {d.summary}\n"
        for d in docs
    )


def render_markdown(docs: Iterable[RuleDoc]) -> str:
    """docs/rules.md: a table of every rule, then a section per rule (its anchor is the rule id)."""
    docs = list(docs)
    lines = [
        "# Lint rules",
        "",
        f"Generated from each rule's documentation by `{REGENERATE}`; do not edit it by hand.",
        "The built-in checks are always on; every other rule can be selected, ignored or given another level",
        "in the configuration (see the README).",
        "",
        "`samenwerk fix` repairs what the rules marked *fix* find (see each rule's section).",
        "",
        "| id | level | fix | checks |",
        "| --- | --- | --- | --- |",
        *(f"| [{d.id}](#{d.id}) | {d.level} | {'fix' if d.fixable else ''} | {d.summary} |" for d in docs),
    ]
    return "\n".join(lines) + "\n\n" + "\n\n".join(d.markdown() for d in docs) + "\n"


def render_json(docs: Iterable[RuleDoc]) -> str:
    return json.dumps([d.as_json() for d in docs], ensure_ascii=False, indent=2) + "\n"
