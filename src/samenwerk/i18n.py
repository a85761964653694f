"""The user's language: English (the source language of the code) or Dutch (nl-BE), for every message, help
text and report of the command line.

Chosen once per run: ``--lang nl|en``, else ``SAMENWERK_LANG``, else the locale (the first of ``LC_ALL``,
``LC_MESSAGES`` and ``LANG`` that is set, as POSIX reads them), else English. Messages go through the standard
library's gettext, with catalogs in ``locale/<lang>/LC_MESSAGES/samenwerk.mo`` (made with Babel from the
``.po`` next to them: ``make messages``). Dates, numbers and lists follow the language through Babel, imported
only when one is formatted: importing this module costs no more than ``gettext`` itself.

Rendered documents never use this: they follow the agreement's own ``language`` (see ``nl``).

In code: ``_("...")`` for a message, ``ngettext(singular, plural, n)`` for one that counts, ``N_("...")`` to
mark a text that is translated later, where it is shown (a rule's summary, a help text).
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import os
from collections.abc import Iterable, Mapping
from functools import lru_cache

LANGUAGES = ("en", "nl")
"""What ``--lang`` accepts. English is the source; Dutch (nl-BE) the translation."""
DEFAULT = "en"
DOMAIN = "samenwerk"
ENV = "SAMENWERK_LANG"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
BABEL_LOCALES = {"en": "en", "nl": "nl_BE"}
"""The Babel (CLDR) locale of each language, for dates, numbers and lists."""


GROUPING = {"en": ",", "nl": "."}
"""The digit group separator of each language's Babel locale (``babel.numbers.get_group_symbol``)."""


class _State:
    language: str | None = None
    translation: _gettext.NullTranslations | None = None


_STATE = _State()


def normalise(value: str | None) -> str | None:
    """'nl', 'nl-BE', 'nl_BE.UTF-8', 'en_GB@euro' -> 'nl' or 'en'; None for anything else (C, POSIX, fr_BE)."""
    if not value:
        return None
    code = value.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0].lower()
    return code if code in LANGUAGES else None


def detect(environ: Mapping[str, str] | None = None) -> str:
    """The language when ``--lang`` does not say: ``SAMENWERK_LANG``, else the locale, else English.

    Of the locale variables the first one set decides (``LC_ALL`` overrides ``LC_MESSAGES`` overrides
    ``LANG``), as for every other program: ``LC_ALL=C`` means English even when ``LANG`` is Dutch.
    """
    env = os.environ if environ is None else environ
    chosen = normalise(env.get(ENV))
    if chosen:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return normalise(value) or DEFAULT
    return DEFAULT


def use(language: str | None) -> None:
    """Speak ``language`` from now on ('nl' or 'en'); None goes back to what ``detect`` says."""
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: one of {', '.join(LANGUAGES)}")
    _STATE.language = language
    _STATE.translation = None


def language() -> str:
    """The language of this run: 'nl' or 'en'."""
    if _STATE.language is None:
        _STATE.language = detect()
    return _STATE.language


def _translation() -> _gettext.NullTranslations:
    found = _STATE.translation
    if found is None:
        lang = language()
        if lang == DEFAULT:  # the source language: the messages are the text
            found = _gettext.NullTranslations()
        else:
            found = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
        _STATE.translation = found
    return found


def gettext(message: str) -> str:
    """``message`` in the run's language."""
    return _translation().gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or the plural of a message that counts ``n`` things, in the run's language."""
    return _translation().ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the name gettext's tools look for
    """Marks ``message`` for the catalog; it is translated later, where it is shown, with ``_``."""
    return message


def babel_locale() -> str:
    """The run's language as a Babel locale: 'nl_BE' or 'en'."""
    return BABEL_LOCALES[language()]


@lru_cache(maxsize=4096)
def _date(day: dt.date, locale: str) -> str:
    from babel.dates import format_date

    return str(format_date(day, "long", locale=locale))


def date(day: dt.date | None) -> str:
    """A date as the run's language writes it in a sentence: 31 december 2025, December 31, 2025."""
    if day is None:
        return ""
    return _date(day, babel_locale())


SHORT_DATES = {"nl": "dd-MM-y", "en": "MMM d, y"}
"""A date in a table's column, as each language writes it briefly: 31-12-2025, Dec 31, 2025."""


def short_date(day: dt.date | None) -> str:
    """A date as the run's language writes it in a table: 31-12-2025, Dec 31, 2025; '' for None."""
    if day is None:
        return ""
    return _short_date(day, language())


@lru_cache(maxsize=4096)
def _short_date(day: dt.date, lang: str) -> str:
    from babel.dates import format_date

    return str(format_date(day, SHORT_DATES[lang], locale=BABEL_LOCALES[lang]))


def number(value: float) -> str:
    """A number as the run's language writes it: 12.000 / 8,5 in Dutch, 12,000 / 8.5 in English."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        # Whole numbers group by threes in both languages (CLDR, as Babel writes them; tests/test_i18n.py
        # compares): no need to load Babel and its locale data for the counts of a summary line.
        return f"{value:,}".replace(",", GROUPING[language()])
    from babel.numbers import format_decimal

    try:
        return str(format_decimal(value, locale=babel_locale(), decimal_quantization=False))
    except (ArithmeticError, ValueError):
        return str(value)


def join(items: Iterable[str], style: str = "standard") -> str:
    """A list in a sentence: 'a, b en c' in Dutch, 'a, b, and c' in English; style 'or' for alternatives."""
    from babel.lists import format_list

    values = list(items)
    if not values:
        return ""
    return str(format_list(values, style=style, locale=babel_locale()))  # type: ignore[arg-type]


def period(value: int, unit: str, group: bool = True) -> str:
    """A period in the run's language: '3 months' / '3 maanden', '1 year' / '1 jaar' (``group``: 1.200 or 1200)."""
    n = number(value) if group else str(value)
    if unit == "days":
        return ngettext("{n} day", "{n} days", value).format(n=n)
    if unit == "weeks":
        return ngettext("{n} week", "{n} weeks", value).format(n=n)
    if unit == "months":
        return ngettext("{n} month", "{n} months", value).format(n=n)
    if unit == "years":
        return ngettext("{n} year", "{n} years", value).format(n=n)
    return f"{n} {unit}"


def level(name: str) -> str:
    """A finding's level ('error', 'warning') as a word in the run's language; machine formats keep the level
    itself, which is English and stable."""
    if name == "error":
        return gettext("error")
    if name == "warning":
        return gettext("warning")
    return name
