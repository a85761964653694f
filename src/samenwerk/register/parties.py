"""Who a party is across agreements, and the name of its page.

Within one agreement a party is an id (``vdab``, ``stad-ocmw-gent``); across a register the same government
appears in many files under ids and spellings its authors chose. A party is recognised by what identifies
it best: its enterprise number (KBO), else its NIS code, else its short name, else its name (NFC, case and
spacing folded): "VDAB" and "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding" with the short
name VDAB are one party. The page name (``slug``) is made from that key alone, readable words and a digest
for uniqueness: only ``[a-z0-9-]``, so no text from a repository can lead a page out of its folder.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ..i18n import N_, _
from ..model.agreement import Agreement, Party

MAX_SLUG = 60


def key(party: Party) -> str:
    """The party's identity in the register: ``kbo:0123456789``, ``nis:44021`` or ``naam:stad gent``."""
    if party.enterprise_number:
        return "kbo:" + re.sub(r"\D", "", party.enterprise_number)[-10:].rjust(10, "0")
    if party.nis_code:
        return f"nis:{party.nis_code}"
    name = party.short_name or party.name
    return "naam:" + " ".join(unicodedata.normalize("NFC", name).casefold().split())


def ascii_words(text: str, limit: int = MAX_SLUG) -> str:
    """``Stad/OCMW Gent`` -> ``stad-ocmw-gent``: lower-case ASCII letters, digits and single hyphens."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:limit].strip("-")


def slug(identity: str) -> str:
    """A page name that depends on the identity only: readable words and 8 hex digits of the key."""
    digest = hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    kind, _sep, value = identity.partition(":")
    words = ascii_words(value if kind == "naam" else identity)
    return f"{words}-{digest}" if words else digest


def short(party: Party) -> str:
    """The party as a list shows it: its short name, else its name."""
    return party.short_name or party.name


Role = tuple[str, str]
"""What a party does in an agreement: a message (English, marked for the catalog, with a ``{text}`` field or
none) and the agreement's own text that fills it ('' for none). Worded where it is shown (``role_text``), so
that the agreement's text can be told apart from samenwerk's words (the site marks its language)."""

ROLE_MESSAGES = (
    N_("role: {text}"),
    N_("has a role"),
    N_("signs"),
    N_("convenes {text}"),
    N_("member of {text}"),
    N_("contact point: {text}"),
)


def roles(agreement: Agreement, party_id: str) -> list[Role]:
    """What the party does in the agreement (``Role``): its role titles, that it signs, the bodies it sits
    in, its contact point."""
    found: list[Role] = []
    if agreement.roles:
        for role in agreement.roles.roles:
            if role.party == party_id:
                found.append(("role: {text}", role.title) if role.title else ("has a role", ""))
    if agreement.signing and any(block.party == party_id for block in agreement.signing.blocks):
        found.append(("signs", ""))
    if agreement.consultation:
        for body in agreement.consultation.bodies:
            if body.convener and body.convener.party == party_id:
                found.append(("convenes {text}", body.name))
            if any(party_id in member.parties for member in body.members):
                found.append(("member of {text}", body.name))
    if agreement.contact_points:
        for contact in agreement.contact_points.contacts:
            if contact.party == party_id:
                found.append(("contact point: {text}", contact.function))
    return list(dict.fromkeys(found))


def role_text(role: Role | list[str]) -> str:
    """A role in the run's language, the agreement's text in it as it is."""
    message, text = role
    return _(message).format(text=text) if message in ROLE_MESSAGES else text
