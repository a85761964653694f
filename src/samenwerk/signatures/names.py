"""Whether a certificate names the person a signature field is for.

A Belgian eID signing certificate names its holder three times: the common name ("An Peeters
(Signature)"), the surname ("Peeters") and the given names, all of them ("An Maria Josée"). An agreement
writes a signatory's name as the source does: "An Peeters", "Mevrouw An Peeters", "Jean-Marie Van den
Bossche". Names are compared as words, after Unicode compatibility normalisation, without accents and case,
with hyphens and punctuation as spaces:

- the common name, without a trailing note in brackets, has the same words as the signatory's name (in
  any order), or
- every word of the surname is in the signatory's name, and the signatory's other words are given names
  of the certificate (so "An Peeters" matches given names "An Maria", surname "Peeters").

Forms of address in the agreement ("de heer", "mevrouw") are left out before comparing. Nothing else is
guessed: a nickname, an initial or a typo is a mismatch, which the report shows with both names for a person
to judge.
"""

from __future__ import annotations

import re
import unicodedata

SALUTATIONS = (("de", "heer"), ("mevrouw",), ("mijnheer",), ("meneer",), ("dhr",), ("mevr",), ("mr",), ("mw",))
"""Forms of address, left out of the agreement's name where it starts with one ("De Smet" stays)."""

_NOTE = re.compile(r"\s*\([^()]*\)\s*$")  # "(Signature)", "(Authentication)"


def words(name: str) -> list[str]:
    """A name as comparable words: NFKD without combining marks, case-folded, split at anything that is not
    a letter or a digit."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return [w for w in re.split(r"[^\w]+|_", plain.casefold()) if w]


def _without_salutation(name: list[str]) -> list[str]:
    for salutation in SALUTATIONS:
        if tuple(name[: len(salutation)]) == salutation and len(name) > len(salutation):
            return name[len(salutation) :]
    return name


def common_name(value: str) -> str:
    """A certificate's common name without its trailing note: 'An Peeters (Signature)' -> 'An Peeters'."""
    return _NOTE.sub("", value).strip()


def matches(signatory: str, common: str | None, given_names: str | None, surname: str | None) -> bool:
    """Whether a certificate with this common name, given names and surname names the signatory."""
    expected = _without_salutation(words(signatory))
    if not expected:
        return False
    if common and sorted(words(common_name(common))) == sorted(expected):
        return True
    last = words(surname or "")
    if not last or not all(w in expected for w in last):
        return False
    rest = list(expected)
    for w in last:
        rest.remove(w)
    given = words(given_names or "")
    return bool(rest) and all(w in given for w in rest)
