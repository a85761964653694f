"""The site's pages: what each template gets (plain data only) and the environment that renders them.

Templates live in ``templates/site/`` (shipped, found through ``resources.folder``). They run in the same
tightened sandbox as the document templates (``render.env.DataSandbox``: attribute access on data is key
lookup only), with autoescaping on for every template and ``StrictUndefined``: text from the agreements,
commit subjects, author and file names are data and cannot inject markup. Every page links to the others
by relative paths, so the site works from the file system and from any static host.

The site's own words are in the run's language (``i18n``): the templates mark them with ``_()`` and
``ngettext()`` (Jinja's i18n extension, new-style: ``%(name)s`` fields, escaped), and ``make messages``
extracts them (babel.cfg). What comes from an agreement stays in the agreement's language, and an element
that holds it carries ``lang`` when that is not the page's (``content_lang``). The file names of the pages
(``tijdlijn.html``, ``partij/...``) are the same in every language: they are addresses people link to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ... import i18n
from ...calendars import default_calendars
from ...i18n import _
from ...neutral import quote_path
from ...register.entries import Entry, Party
from ..deadlines.table import KIND_WORDS
from . import state_words, status_words

if TYPE_CHECKING:
    from markupsafe import Markup

HTML_LANG = {"nl": "nl", "en": "en"}
"""The ``<html lang>`` of the site in each language of the command line."""


def page_lang() -> str:
    return HTML_LANG[i18n.language()]


def content_lang(language: str) -> str:
    """The ``lang`` to put on an element holding an agreement's text: its language when that is not the
    page's (compared by primary subtag: nl-BE text on a Dutch page needs none), else ''."""
    same = language.split("-")[0].lower() == page_lang().split("-")[0].lower()
    return "" if same else language


@lru_cache(maxsize=1)
def environment() -> Any:
    from jinja2 import StrictUndefined

    from ...render.env import DataSandbox, InsideLoader
    from ...resources import folder

    env = DataSandbox(
        loader=InsideLoader(folder("templates") / "site"),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # samenwerk's own templates: they do not change while it runs
    )
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(datum=i18n.date, kort=i18n.short_date)
    return env


def render(name: str, context: dict[str, Any]) -> str:
    return str(environment().get_template(name).render(context))


def site_context(as_of: dt.date, root: str, current: str, title: str) -> dict[str, Any]:
    """What every page shares: the date the site was built for, the way back to its root, the menu."""
    return {
        "as_of": as_of,
        "root": root,
        "current": current,
        "page_title": title,
        "lang": page_lang(),
        "kind_lang": content_lang(KIND_LANGUAGE),
    }


KIND_LANGUAGE = "nl"
"""The language of the model's kinds of agreement and party (samenwerkingsovereenkomst, gemeente): Dutch
words, shown as they are (they are what ``--kind`` takes), marked as Dutch on an English page."""


QUOTED_KINDS = frozenset({"obligation", "follow-up"})
"""Deadlines whose title is the agreement's own sentence (the obligation, the follow-up), not samenwerk's."""


def _deadline(d: Any, as_of: dt.date, language: str) -> dict[str, Any]:
    return {
        "lang": content_lang(language) if str(d.kind) in QUOTED_KINDS else "",
        "key": d.key,
        "kind": _(KIND_WORDS.get(str(d.kind), str(d.kind))),
        "date": d.date,
        "title": d.title,
        "detail": d.detail,
        "non_working": d.non_working,
        "working_day": d.working_day,
        "past": d.date is not None and d.date < as_of,
    }


def _short(day: dt.date | None) -> str:
    return i18n.short_date(day)


def role_html(role: Any, lang: str) -> Markup:
    """A role as the site shows it: samenwerk's words in the page's language, the agreement's text in a
    ``<span lang>`` when its language is another."""
    from markupsafe import Markup, escape

    from ...register.parties import ROLE_MESSAGES

    message, text = role
    piece = Markup('<span lang="{}">{}</span>').format(lang, text) if lang and text else escape(text)
    if message not in ROLE_MESSAGES:
        return Markup(piece)
    return Markup(escape(_(message))).format(text=piece)


def _roles(roles: Any, language: str) -> list[Markup]:
    lang = content_lang(language)
    return [role_html(r, lang) for r in roles]


def row(e: Entry) -> dict[str, Any]:
    """An agreement as the index, a party page and the timeline show it. Dates come with their short form
    ready, so that a table of thousands of rows needs no macro per cell; ``lang`` is the agreement's language
    where its texts need one (``content_lang``)."""
    r = e.report
    return {
        "start_short": _short(r.start),
        "end_short": _short(r.end),
        "changed_short": _short(e.last_change.date if e.last_change else None),
        "id": e.id,
        "slug": e.id,
        "title": e.title,
        "kind": e.kind,
        "status": str(r.status) if r.status else "",
        "status_words": status_words(r.status),
        "state": str(r.state),
        "state_words": state_words(r.state),
        "lang": content_lang(e.language),
        "closed": r.closed,
        "start": r.start,
        "end": r.end,
        "days_left": r.days_left,
        "region": e.region or "",
        "parties": [{"name": p.name, "short": p.short, "slug": p.slug} for p in e.parties],
        "last_change": e.last_change.date if e.last_change else None,
    }


def agreement_context(e: Entry, history: list[dict[str, Any]], as_of: dt.date, pdf: bool) -> dict[str, Any]:
    return {
        **site_context(as_of, "../", "overeenkomst", e.title),
        "a": row(e),
        "path": quote_path(e.path),
        "signed": e.signed,
        "parties": [
            {"name": p.name, "short": p.short, "slug": p.slug, "kind": p.kind, "roles": _roles(p.roles, e.language)}
            for p in e.parties
        ],
        "deadlines": [_deadline(d, as_of, e.language) for d in e.report.deadlines],
        "amends": e.report.amends,
        "amended_by": list(e.report.amended_by),
        "supersedes": list(e.report.supersedes),
        "superseded_by": e.report.superseded_by,
        "history": history,
        "pdf": pdf,
    }


UPCOMING = 366
"""Days ahead a party page lists deadlines for."""


def party_context(party: Party, as_of: dt.date) -> dict[str, Any]:
    until = as_of + dt.timedelta(days=UPCOMING)
    agreements = []
    deadlines = []
    for e, ref in party.memberships:
        agreements.append({**row(e), "roles": _roles(ref.roles, e.language)})
        for d in e.report.deadlines:
            if d.date is not None and as_of <= d.date <= until:
                deadlines.append(
                    {
                        **_deadline(d, as_of, e.language),
                        "title_lang": content_lang(e.language),
                        "agreement": e.title,
                        "slug": e.id,
                    }
                )
    deadlines.sort(key=lambda d: (d["date"], d["slug"], d["key"]))
    return {
        **site_context(as_of, "../", "partijen", party.name),
        "party": {
            "lang": content_lang(party.memberships[0][0].language) if party.memberships else "",
            "name": party.name,
            "kind": party.kind,
            "key": party.key,
            "other_names": sorted(party.names - {party.name}),
        },
        "agreements": agreements,
        "deadlines": deadlines,
        "until": until,
    }


def index_context(entries: Sequence[Entry], as_of: dt.date) -> dict[str, Any]:
    rows = [row(e) for e in entries]
    return {
        **site_context(as_of, "", "index", _("Agreements")),
        "rows": rows,
        "kinds": sorted({r["kind"] for r in rows}),
        "statuses": sorted({(r["status"], r["status_words"]) for r in rows}),
        "states": sorted({(r["state"], r["state_words"]) for r in rows}),
        "regions": sorted({r["region"] for r in rows if r["region"]}),
    }


def parties_context(parties: Sequence[Party], as_of: dt.date) -> dict[str, Any]:
    return {
        **site_context(as_of, "", "partijen", _("Parties")),
        "parties": [
            {
                "name": p.name,
                "slug": p.slug,
                "kind": p.kind,
                "count": len(p.memberships),
                "lang": content_lang(p.memberships[0][0].language) if p.memberships else "",
            }
            for p in sorted(parties, key=lambda p: (p.name.casefold(), p.slug))
        ],
    }


def timeline_context(entries: Sequence[Entry], as_of: dt.date) -> dict[str, Any]:
    from ...register.timeline import layout

    ordered = sorted(
        entries, key=lambda e: (e.report.start or e.report.end or dt.date.max, e.report.end or dt.date.max, e.id)
    )
    drawn = layout(ordered, as_of, default_calendars())
    drawn["rows"] = [
        {**row(r["entry"]), "label": _label(r["entry"].title), "y": r["y"], "bar": r["bar"]} for r in drawn["rows"]
    ]
    from ...deadlines import State
    from ..deadlines.table import STATE_WORDS

    order = (State.ACTIVE, State.EXPIRING, State.EXPIRED, State.NOT_STARTED, State.OPEN_ENDED)
    legend = [(str(s), _(STATE_WORDS[s])) for s in order]
    return {**site_context(as_of, "", "tijdlijn", _("Timeline")), "t": drawn, "legend": legend}


def _label(title: str, limit: int = 44) -> str:
    """A title short enough for the timeline's label column."""
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
