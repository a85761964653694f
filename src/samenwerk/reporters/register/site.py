"""samenwerk site: the register as a static website, built incrementally.

What a build writes into the output folder (every name made by samenwerk from ``[a-z0-9._-]``):

==============================  =====================================================================
``index.html``                  every agreement: search, sort and filters (plain JavaScript; the full
                                table works without it)
``tijdlijn.html``               each agreement's term on one axis, with the planning periods, the
                                legislatures and today (SVG)
``partijen.html``               every party, with the number of its agreements
``partij/<slug>.html``          a party: its agreements, its roles in each, the deadlines ahead
``overeenkomst/<id>.html``      an agreement: facts, parties, deadlines, its history from git with the
                                substantive changes of each commit, links to the document and the PDF
``document/<id>.html``          the document people sign, as ``samenwerk render -f html`` makes it
``pdf/<id>.pdf``                the same as PDF/A with signature fields (with ``--pdf``)
``deadlines.ics``               every deadline ahead (the ``expiring -f ics`` calendar), stable UIDs
``wijzigingen.xml``             an Atom feed of the commits that changed agreements, substantive first,
                                with ids derived from the commit and the file (stable across builds)
``site.css``, ``site.js``       the style and the script
==============================  =====================================================================

Incremental: each page's key is a digest of everything it shows (the agreement file's SHA-256, its row as
of the build date, its history, samenwerk's code and templates). The manifest (``register.folder``) keeps
the keys and each file's row, so a rebuild after one changed file parses and renders that file alone, and
rewrites only the pages whose content changed: its own, its parties', the index, the timeline and the feeds.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from ... import __version__
from ...diagnostics import Diagnostic, Level
from ...errors import SamenwerkError
from ...i18n import N_, _
from ...register import folder as site_folder
from ...register.entries import Change, Entry, from_plain, group, to_plain
from ...register.history import Log, Step
from . import pages

ATOM_ENTRIES = 500
"""The feed holds the most recent changes, as feeds do; every change stays on its agreement's page."""
STATUS_WORDS = {"added": N_("added"), "modified": N_("modified"), "renamed": N_("renamed")}
"""What a commit did to a file, in the run's language (translated where shown)."""


def _status(status: str) -> str:
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status


STATIC = ("site.css", "site.js")


@dataclass(frozen=True)
class SiteOptions:
    as_of: dt.date
    pdf: bool = False
    """Also lay out every agreement as PDF/A with signature fields (seconds per agreement, done once)."""
    base_url: str | None = None
    """Where the site will be published: makes the feed's links absolute."""
    jobs: int = 1


@dataclass
class Summary:
    folder: str
    agreements: int = 0
    parties: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0


# --- keys ----------------------------------------------------------------------------------------------


def _templates_digest() -> str:
    from ...resources import folder

    root = folder("templates")
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def fingerprint(options: SiteOptions) -> str:
    """What every page depends on besides its data: samenwerk's version, code and templates, the options
    that change every page, and the language of its words (the kept rows and changes are worded in it)."""
    from ...cache import code_digest
    from ...i18n import language

    return site_folder.digest(
        __version__, code_digest(), _templates_digest(), options.pdf, options.base_url, language()
    )


def _sha(path: Path) -> str | None:
    """The file's SHA-256, when it can be read as an agreement (else the worker reports why)."""
    from ...document.yaml import MAX_FILE_BYTES
    from ...fsutil import escapes

    try:
        if escapes(path) is not None or path.stat().st_size > MAX_FILE_BYTES:
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _rels(slug: str) -> tuple[str, str, str]:
    return f"overeenkomst/{slug}.html", f"document/{slug}.html", f"pdf/{slug}.pdf"


def _file_keys(fp: str, sha: str) -> tuple[str, str]:
    """Keys of an agreement's document and PDF: they depend on the file's content alone."""
    return site_folder.digest(fp, "document", sha), site_folder.digest(fp, "pdf", sha)


def _page_key(fp: str, plain: dict[str, Any], history: list[dict[str, Any]], pdf: bool, problem: str | None) -> str:
    """Key of an agreement's page: its row as of the build date (consolidated), its history, whether it links
    to a PDF, why its document could not be made."""
    return site_folder.digest(fp, "page", plain, history, pdf, problem)


# --- one agreement, in a worker ------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    path: str
    sha: str | None
    as_of: dt.date
    old: dict[str, str | None]
    """Keys the previous build recorded for the outputs this file had then."""
    failed: dict[str, str]
    """Outputs whose making failed in the previous build (key -> why)."""
    fp: str
    pdf: bool


@dataclass(frozen=True)
class Made:
    path: str
    plain: dict[str, Any] | None
    errors: tuple[Diagnostic, ...] = ()
    outputs: dict[str, tuple[str, str | bytes | None]] = field(default_factory=dict)
    """Relative path -> (key, content); content None: the file as the previous build wrote it is current."""
    failed: dict[str, str] = field(default_factory=dict)
    events: str = ""
    """The agreement's deadlines as calendar events (``events``)."""


def make(job: Job) -> Made:
    """Load one agreement: its row and calendar events, and whichever of its document and PDF changed."""
    from ... import document
    from ...register.entries import entry
    from ...render import render_pdf, render_text

    doc = document.read(Path(job.path))
    if doc.agreement is None:
        return Made(job.path, None, doc.diagnostics())
    agreement = doc.agreement
    sha = job.sha or hashlib.sha256(doc.text.encode("utf-8", "surrogateescape")).hexdigest()
    e = entry(agreement, path=job.path, as_of=job.as_of)
    plain = to_plain(e)
    _page_rel, doc_rel, pdf_rel = _rels(e.id)
    doc_key, pdf_key = _file_keys(job.fp, sha)
    outputs: dict[str, tuple[str, str | bytes | None]] = {}
    failed: dict[str, str] = {}

    def attempt(rel: str, key: str, fn: Callable[[], str | bytes]) -> None:
        if job.old.get(rel) == key:
            outputs[rel] = (key, None)
            if key in job.failed:
                failed[key] = job.failed[key]
            return
        try:
            outputs[rel] = (key, fn())
        except (SamenwerkError, LookupError) as exc:
            failed[key] = str(exc)
            outputs[rel] = (key, _failed_document(e, str(exc), job.as_of)) if rel == doc_rel else (key, None)

    attempt(doc_rel, doc_key, lambda: render_text(agreement, "html"))
    if job.pdf and doc_key not in failed:
        attempt(pdf_rel, pdf_key, lambda: render_pdf(agreement))
    if pdf_rel in outputs and pdf_key in failed:
        del outputs[pdf_rel]
    errors = tuple(Diagnostic(job.path, 1, 1, Level.ERROR, "render", why) for why in failed.values())
    return Made(job.path, plain, errors, outputs, failed, events(e, job.as_of))


def _failed_document(e: Entry, why: str, as_of: dt.date) -> str:
    return pages.render(
        "document-fout.html.j2",
        {
            **pages.site_context(as_of, "../", "overeenkomst", e.title),
            "title": e.title,
            "why": why,
            "content_lang": pages.content_lang(e.language),
        },
    )


# --- history ---------------------------------------------------------------------------------------------


def _history(steps: list[Step], diffs: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "sha": s.commit.sha,
            "short": s.commit.sha[:10],
            "anchor": f"commit-{s.commit.sha[:12]}",
            "date": s.commit.time.date(),
            "when": s.commit.time.isoformat(),
            "author": s.commit.author,
            "subject": s.commit.subject,
            "status": _status(s.status),
            "path": s.path,
            "old_path": s.old_path if s.old_path != s.path else None,
            "changes": diffs.get(s.pair) if s.pair else None,
        }
        for s in steps
    ]


def _diffs(log: Log, old: dict[str, Any]) -> dict[str, Any]:
    """What each commit changed in each file: from the previous build where it was worked out, else now."""
    from ...register.history import changes

    found: dict[str, Any] = {}
    wanted: dict[Path, list[tuple[str, str, str]]] = {}
    for given, steps in log.steps.items():
        for s in steps:
            pair = s.pair
            if pair is None or pair in found:
                continue
            if pair in old:
                found[pair] = old[pair]
            else:
                short = s.commit.sha[:10]
                wanted.setdefault(log.tops[given], []).append((pair, f"{short}^:{s.old_path}", f"{short}:{s.path}"))
    for top, pairs in wanted.items():
        found.update(changes(dict.fromkeys(pairs), top))
    return found


# --- the build -------------------------------------------------------------------------------------------


def _has_pdf(options: SiteOptions, keys: tuple[str, str], failed: dict[str, str]) -> bool:
    """Whether the page links to a PDF: PDFs are asked for, and neither the document nor the PDF failed."""
    return options.pdf and keys[0] not in failed and keys[1] not in failed


def build(
    files: list[Path],
    out: Path,
    options: SiteOptions,
    force: bool = False,
    advance: Callable[[], None] | None = None,
) -> Summary:
    """Build (or bring up to date) the site of ``files`` in ``out``."""
    from ...register.history import log as git_log

    start = time.perf_counter()
    fp = fingerprint(options)
    folder = site_folder.SiteFolder(out, fp, force)
    summary = Summary(str(out))
    if folder.note:
        summary.notes.append(folder.note)
    as_of = options.as_of
    history = git_log(files)
    summary.notes.extend(history.notes)
    diffs = _diffs(history, folder.data("diffs"))
    old_entries, old_slugs = folder.data("entries"), folder.data("slugs")
    old_failed: dict[str, str] = folder.data("failed")

    # Plan: a file whose content and build date are those of the previous build has its row from the
    # manifest; when its page, document and PDF are current too, nothing about it is made again.
    plans: list[_Plan] = []
    jobs: list[Job] = []
    for f in files:
        path = str(f)
        sha = _sha(f)
        entry_key = site_folder.digest(path, sha, as_of.isoformat()) if sha else None
        plain = old_entries.get(entry_key) if entry_key else None
        steps = _history(history.steps.get(path, []), diffs)
        slug = plain["id"] if plain else old_slugs.get(path)
        old = {rel: folder.key(rel) for rel in _rels(slug)} if isinstance(slug, str) else {}
        plan = _Plan(path, sha, entry_key, plain, steps)
        if plain is not None and sha is not None:
            keys = _file_keys(fp, sha)
            wanted = list(zip(_rels(plain["id"])[1:], keys))[: 2 if options.pdf else 1]
            if all(old.get(rel) == key for rel, key in wanted):
                plan.kept = wanted
                plan.failed = {k: old_failed[k] for k in keys if k in old_failed}
                plans.append(plan)
                continue
        plan.job = True
        plans.append(plan)
        jobs.append(Job(path, sha, as_of, old, old_failed, fp, options.pdf))

    entries: list[Entry] = []
    chunks: list[str] = []
    old_events = folder.data("events")
    plans_of: dict[str, _Plan] = {}
    keep: dict[str, dict[str, Any]] = {"entries": {}, "slugs": {}, "failed": {}, "diffs": {}, "events": {}}
    seen: dict[str, str] = {}
    # The history, the manifest and the plans live until the build ends, as do the rows gathered below: out of
    # the cyclic collector's sight, it does not walk them again and again while pages come and go (nor do the
    # workers forked from here: their collections would also copy every page of memory they share).
    gc.freeze()
    try:
        results = _run(jobs, options.jobs, advance)
        for plan in plans:
            result = next(results) if plan.job else None
            if result is not None:
                summary.errors.extend(result.errors)
                plan.plain, plan.failed = result.plain, result.failed
            if plan.plain is None:
                continue
            e = from_plain(plan.plain)
            last = history.last(plan.path)
            if last is not None:
                e = replace(e, last_change=Change(last.commit.sha, last.commit.time.date(), last.commit.author))
            if e.id in seen:
                message = _("agreement id '{id}' is also the id of {path}: left out of the site").format(
                    id=e.id, path=seen[e.id]
                )
                summary.errors.append(Diagnostic(plan.path, 1, 1, Level.ERROR, "duplicate-ids", message))
                continue
            seen[e.id] = plan.path
            if result is not None:
                for rel, (key, content) in result.outputs.items():
                    if content is None:
                        folder.fresh(rel, key)
                    else:
                        folder.write(rel, content, key)
            else:
                for rel, key in plan.kept:
                    folder.fresh(rel, key)
                summary.errors.extend(
                    Diagnostic(plan.path, 1, 1, Level.ERROR, "render", why) for why in plan.failed.values()
                )
            keep["failed"].update(plan.failed)
            chunk = result.events if result is not None else old_events.get(plan.entry_key or "")
            if not isinstance(chunk, str):
                chunk = events(e, as_of)
            chunks.append(chunk)
            if plan.entry_key is not None:
                keep["entries"][plan.entry_key] = site_folder.Encoded.of(plan.plain)
                keep["events"][plan.entry_key] = chunk
            keep["slugs"][plan.path] = e.id
            plans_of[e.id] = plan
            for s in history.steps.get(plan.path, []):
                if s.pair and s.pair in diffs:
                    keep["diffs"][s.pair] = diffs[s.pair]
            entries.append(e)
            plan.plain = None  # the entry and the manifest's text hold it now
        gc.freeze()
        shown, chunks = _agreements(folder, plans_of, entries, chunks, options, summary)
        _pages(folder, shown, chunks, history, diffs, options)
        summary.removed = folder.finish(keep)
    except BaseException:
        folder.finish(keep, remove=False)  # what was written is recorded as samenwerk's own
        raise
    finally:
        gc.unfreeze()  # what the build held is the collector's again (a process may build more than once)
    summary.agreements = len(entries)
    summary.parties = len(group(entries))
    summary.written = folder.written
    summary.unchanged = folder.unchanged
    summary.seconds = round(time.perf_counter() - start, 3)
    return summary


@dataclass
class _Plan:
    path: str
    sha: str | None
    entry_key: str | None
    plain: dict[str, Any] | None
    steps: list[dict[str, Any]]
    job: bool = False
    kept: list[tuple[str, str]] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def _agreements(
    folder: site_folder.SiteFolder,
    plans: dict[str, _Plan],
    entries: list[Entry],
    chunks: list[str],
    options: SiteOptions,
    summary: Summary,
) -> tuple[list[Entry], list[str]]:
    """Each agreement's page, with its row as in force on the build date (``entries.consolidated``); returns
    the entries the register lists (amendments folded into their agreement) and their calendar events."""
    from ...register.entries import consolidated

    listed, problems = consolidated(entries, options.as_of)
    summary.errors.extend(problems)
    now = {e.id: e for e in listed}
    chunk_of = dict(zip((e.id for e in entries), chunks))
    for e in entries:
        plan = plans[e.id]
        current = now.get(e.id, e)
        if current.report is not e.report:
            chunk_of[e.id] = events(current, options.as_of)
        doc_key, pdf_key = _file_keys(folder.fingerprint, plan.sha or "")
        problem = plan.failed.get(doc_key)
        has_pdf = options.pdf and problem is None and pdf_key not in plan.failed
        plain = to_plain(current)
        key = _page_key(folder.fingerprint, plain, plan.steps, has_pdf, problem)

        def context(
            current: Entry = current, plan: _Plan = plan, pdf: bool = has_pdf, why: str | None = problem
        ) -> dict[str, Any]:
            made = pages.agreement_context(current, plan.steps, options.as_of, pdf)
            return {**made, "document_problem": why}

        _rendered(folder, _rels(e.id)[0], "overeenkomst.html.j2", key, context)
    return listed, [chunk_of[e.id] for e in listed]


def _run(jobs: list[Job], n: int, advance: Callable[[], None] | None) -> Iterator[Made]:
    """The jobs' results in order, as they come (worker processes when there are many)."""
    from ...parallel import pmap

    for result in pmap(make, jobs, n):
        if advance is not None:
            advance()
        yield result


def _put(folder: site_folder.SiteFolder, rel: str, content: bytes | list[str]) -> None:
    """A page whose key is its content (bytes, or text in pieces, never joined): written when that changed."""
    pieces = [content] if isinstance(content, bytes) else content

    def encoded() -> Iterator[bytes]:
        return (p if isinstance(p, bytes) else p.encode("utf-8") for p in pieces)

    sha = hashlib.sha256()
    for piece in encoded():
        sha.update(piece)
    key = sha.hexdigest()
    if not folder.fresh(rel, key):
        folder.write(rel, encoded(), key)


def _rendered(
    folder: site_folder.SiteFolder, rel: str, template: str, key: str, context: Callable[[], dict[str, Any]]
) -> None:
    """A page rendered only when its key changed; ``context`` is made only then."""
    if not folder.fresh(rel, key):
        folder.write(rel, pages.render(template, context()), key)


def _pages(
    folder: site_folder.SiteFolder,
    entries: list[Entry],
    chunks: list[str],
    history: Log,
    diffs: dict[str, Any],
    options: SiteOptions,
) -> None:
    """The pages that depend on more than one agreement: parties, index, timeline, feeds; and the assets.

    Each page's key is made from the digests of the rows it shows (one per agreement, made once), so a
    rebuild decides what is current without building the pages' data."""
    from ...resources import folder as shipped

    as_of, fp = options.as_of, folder.fingerprint
    rows = {e.id: site_folder.digest(to_plain(e), e.last_change) for e in entries}
    parties = group(entries)
    for p in parties.values():
        key = site_folder.digest(
            fp, "partij", as_of, p.name, p.kind, sorted(p.names), [(rows[e.id], ref.roles) for e, ref in p.memberships]
        )
        _rendered(folder, f"partij/{p.slug}.html", "partij.html.j2", key, partial(pages.party_context, p, as_of))
    by_end = sorted(entries, key=lambda e: (e.report.end is None, e.report.end or dt.date.max, e.id))
    key = site_folder.digest(fp, "index", as_of, [rows[e.id] for e in by_end])
    _rendered(folder, "index.html", "index.html.j2", key, lambda: pages.index_context(by_end, as_of))
    key = site_folder.digest(fp, "tijdlijn", as_of, [rows[e.id] for e in entries])
    _rendered(folder, "tijdlijn.html", "tijdlijn.html.j2", key, lambda: pages.timeline_context(entries, as_of))
    listed = list(parties.values())
    key = site_folder.digest(fp, "partijen", as_of, [(p.name, p.slug, p.kind, len(p.memberships)) for p in listed])
    _rendered(folder, "partijen.html", "partijen.html.j2", key, lambda: pages.parties_context(listed, as_of))
    _put(folder, "deadlines.ics", calendar(chunks))
    _put(folder, "wijzigingen.xml", atom(entries, history, diffs, options))
    for name in STATIC:
        _put(folder, name, (shipped("templates") / "site" / name).read_bytes())


def events(e: Entry, as_of: dt.date) -> str:
    """One agreement's deadlines ahead as the VEVENT blocks ``samenwerk expiring -f ics`` writes for them.

    Each agreement's are made with its row (in the worker) and kept in the manifest, so that a rebuild makes
    only the changed agreements' again; the calendar is their concatenation (``calendar``)."""
    from ..deadlines import Options
    from ..deadlines.ics import events

    return events(e.report, Options(as_of=as_of, until=as_of))


def calendar(chunks: list[str]) -> list[str]:
    """The calendar of every deadline ahead, in pieces: what ``samenwerk expiring -f ics`` writes for the same
    agreements, the same UIDs in the same order, from each agreement's events."""
    from ..deadlines.ics import FOOTER, header

    return [header(), *chunks, FOOTER]


# --- the Atom feed -------------------------------------------------------------------------------------

ATOM = "http://www.w3.org/2005/Atom"
CATEGORIES = ("inhoudelijk", "nieuw", "redactioneel")
"""Each entry's category term (substantive, new, editorial): a key feed readers filter on, the same in every
language (Dutch, as the register's first feeds had it)."""


def entry_id(commit: str, path: str) -> str:
    """A change's id in the feed: the same commit and file give the same id in every build."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'samenwerk:{commit}:{path}')}"


def atom(entries: list[Entry], history: Log, diffs: dict[str, Any], options: SiteOptions) -> bytes:
    """The commits that changed the agreements, newest first, substantive changes before editorial ones
    within a commit and within each entry (Atom, RFC 4287, written with the standard library)."""
    import xml.etree.ElementTree as ET

    from markupsafe import escape

    from ...neutral import xml

    base = options.base_url.rstrip("/") + "/" if options.base_url else ""
    items = []
    for e in entries:
        for s in history.steps.get(e.path, []):
            found = diffs.get(s.pair) if s.pair else None
            changes = found["changes"] if found else []
            weight = 0 if any(c["substantive"] for c in changes) else 1 if s.status == "added" else 2
            items.append((s.commit.time, weight, e, s, found))
    items.sort(key=lambda i: (-i[0].timestamp(), history.order.get(i[3].commit.sha, 0), i[1], i[2].id))
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            node.text = xml(text)
        return node

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": pages.page_lang()})
    sub(feed, "id", entry_id("register", options.base_url or ""))
    sub(feed, "title", _("Changes to the cooperation agreements"))
    sub(feed, "subtitle", _("Every commit that changed an agreement; substantive changes first."))
    newest = items[0][0] if items else dt.datetime.combine(options.as_of, dt.time(), dt.UTC)
    sub(feed, "updated", newest.isoformat().replace("+00:00", "Z"))
    sub(feed, "link", rel="self", type="application/atom+xml", href=base + "wijzigingen.xml")
    sub(feed, "link", rel="alternate", type="text/html", href=base + "index.html")
    author = sub(feed, "author")
    sub(author, "name", "samenwerk")
    sub(feed, "generator", "samenwerk", version=__version__)
    for when, weight, e, s, found in items[:ATOM_ENTRIES]:
        item = sub(feed, "entry")
        sub(item, "id", entry_id(s.commit.sha, s.path))
        what = found["summary"] if found else _status(s.status)
        sub(item, "title", f"{e.title}: {what}")
        stamp = when.isoformat().replace("+00:00", "Z")
        sub(item, "updated", stamp)
        sub(item, "published", stamp)
        writer = sub(item, "author")
        sub(writer, "name", s.commit.author or _("unknown"))
        sub(
            item,
            "link",
            rel="alternate",
            type="text/html",
            href=f"{base}overeenkomst/{e.id}.html#commit-{s.commit.sha[:12]}",
        )
        sub(item, "category", term=CATEGORIES[weight])
        if s.commit.subject:
            sub(item, "summary", s.commit.subject)
        html = [f"<p>{escape(_status(s.status))}: {escape(s.path)} (commit {escape(s.commit.sha[:10])})</p>"]
        if found and found["changes"]:
            html.append("<ul>")
            for c in found["changes"]:
                label = _("substantive") if c["substantive"] else _("editorial")
                html.append(f"<li>[{label}] {_change_html(c, escape)}</li>")
            html.append("</ul>")
        sub(item, "content", "".join(html), type="html")
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body


def _change_html(c: dict[str, Any], escape: Callable[[str], Any]) -> str:
    head = str(escape(c["head"]))
    if c["words"]:
        marks = {"-": ("<del>", "</del>"), "+": ("<ins>", "</ins>")}
        body = "".join(
            f"{marks[op][0]}{escape(text)}{marks[op][1]}" if op in marks else str(escape(text))
            for op, text in c["words"]
        )
        return f"{head}: {body}"
    if c["old"] is not None and c["new"] is not None:
        return f"{head} " + str(escape(_("from {old} to {new}"))).format(
            old=f"<del>{escape(c['old'])}</del>", new=f"<ins>{escape(c['new'])}</ins>"
        )
    return head
