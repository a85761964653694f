"""The Pydantic model of a cooperation agreement.

Every part of the real agreements has a place here: parties with their representatives and the body on
whose authority they act, the council decisions that approved the agreement, objectives and targets,
principles, themes with action domains, actions and commitments, roles, the consultation structure,
monitoring, communication, contact points, the duration, annexes and the signature blocks.

Keys are English; content is Dutch. Unknown keys are errors (``extra="forbid"``). References between
parts (a signatory, a body member, a lead party) are plain ids; they are checked by lint rules, not here,
so that every broken reference is reported at its own line rather than failing the whole model.

Every field, model and enumeration has a docstring, which becomes its description in the JSON Schema that
editors show while typing: first Dutch, in the agreement's own words; then a line starting with ``EN: `` in
English; then, where the form is not obvious (dates, ids, periods, quoted numbers), a line starting with
``Voorbeeld: `` with a value as it is written in YAML. tests/model/test_descriptions.py checks the form.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from .. import i18n
from ..i18n import _
from .types import (
    Date,
    EnterpriseNumber,
    Id,
    NisCode,
    PostalCode,
    RelativePath,
    Sha256,
    Text,
    Title,
    field_error,
    many,
)


class Base(BaseModel):
    """The configuration every model shares: unknown keys are errors, values are frozen, and each field's
    attribute docstring is its description in the JSON Schema."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        validate_default=False,
    )


class AgreementKind(StrEnum):
    """Soort overeenkomst, zoals de titel ze noemt: samenwerkingsovereenkomst, partnerschapsovereenkomst,
    engagementsverklaring, pact, protocol of convenant; een addendum of een verlenging wijzigt een andere
    overeenkomst.
    EN: Kind of agreement, as its title names it; an addendum or a verlenging (extension) changes another
    agreement."""

    SAMENWERKINGSOVEREENKOMST = "samenwerkingsovereenkomst"
    PARTNERSCHAPSOVEREENKOMST = "partnerschapsovereenkomst"
    ENGAGEMENTSVERKLARING = "engagementsverklaring"
    PACT = "pact"
    PROTOCOL = "protocol"
    CONVENANT = "convenant"
    ADDENDUM = "addendum"
    VERLENGING = "verlenging"


AMENDING_KINDS = frozenset({AgreementKind.ADDENDUM, AgreementKind.VERLENGING})
"""Kinds of a file that changes another agreement (``amends``) and states only what it changes."""


class Status(StrEnum):
    """Stand van de overeenkomst: draft (ontwerp), proposed (voorgelegd), approved (goedgekeurd), signed
    (ondertekend), active (lopend), terminated (opgezegd), expired (afgelopen) of superseded (vervangen door een
    nieuwe versie).
    EN: Where the agreement stands: draft, proposed, approved, signed, active, terminated, expired or
    superseded."""

    DRAFT = "draft"
    PROPOSED = "proposed"
    APPROVED = "approved"
    SIGNED = "signed"
    ACTIVE = "active"
    TERMINATED = "terminated"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"


FINAL_STATUSES = frozenset(
    {Status.APPROVED, Status.SIGNED, Status.ACTIVE, Status.TERMINATED, Status.EXPIRED, Status.SUPERSEDED}
)


class PartyKind(StrEnum):
    """Soort partij: vdab, gemeente, ocmw, lokaal-bestuur (gemeente en OCMW samen), projectvereniging,
    interlokale-vereniging, dienstverlenende-vereniging, sociale-partner, koepelorganisatie, minister, overheid
    of andere.
    EN: Kind of party; lokaal-bestuur is a municipality and its OCMW together, koepelorganisatie an umbrella
    organisation such as VVSG."""

    VDAB = "vdab"
    GEMEENTE = "gemeente"
    OCMW = "ocmw"
    LOKAAL_BESTUUR = "lokaal-bestuur"
    PROJECTVERENIGING = "projectvereniging"
    INTERLOKALE_VERENIGING = "interlokale-vereniging"
    DIENSTVERLENENDE_VERENIGING = "dienstverlenende-vereniging"
    SOCIALE_PARTNER = "sociale-partner"
    KOEPELORGANISATIE = "koepelorganisatie"
    MINISTER = "minister"
    OVERHEID = "overheid"
    ANDERE = "andere"


class BodyKind(StrEnum):
    """Soort overlegorgaan: steering-group (stuurgroep), operational-meeting (operationeel overleg),
    working-group (werkgroep), strategic-policy-meeting (strategisch beleidsoverleg), data-working-group
    (werkgroep datamonitoring) of other (ander orgaan).
    EN: Kind of consultation body: steering group, operational meeting, working group, strategic policy
    meeting, data working group or another."""

    STEERING_GROUP = "steering-group"
    OPERATIONAL_MEETING = "operational-meeting"
    WORKING_GROUP = "working-group"
    STRATEGIC_POLICY_MEETING = "strategic-policy-meeting"
    DATA_WORKING_GROUP = "data-working-group"
    OTHER = "other"


class Outcome(StrEnum):
    """Uitslag van de beslissing: approved ('goedgekeurd', zonder stemmenaantallen), unanimous ('met
    unanimiteit'), majority (bij meerderheid), rejected (verworpen) of postponed (uitgesteld).
    EN: Outcome of the decision: approved (no vote counts given), unanimous, by majority, rejected or
    postponed."""

    APPROVED = "approved"
    """Approved ('goedgekeurd'), where the source gives no vote counts."""
    UNANIMOUS = "unanimous"
    MAJORITY = "majority"
    REJECTED = "rejected"
    POSTPONED = "postponed"


# --- generic text -----------------------------------------------------------------------------------


class Section(Base):
    """Een onderdeel van de tekst met titel, tekst, opsomming en subonderdelen, zoals de bron het verwoordt.
    EN: A titled piece of text with optional bullet items and sub-sections, as the source words it."""

    id: Id | None = None
    """Id van het onderdeel, zodat diff het kan volgen wanneer het verschuift.
    EN: Identifier, so that diff can follow the section when it moves.
    Voorbeeld: bestuurlijk-kader"""
    number: str | None = None
    """Nummer of letter zoals in de bron gedrukt; een getal tussen aanhalingstekens.
    EN: Number or letter as printed in the source, such as '3', 'A' or 'Doelstelling 1'; quote a number.
    Voorbeeld: '3'"""
    title: str | None = None
    """Titel zoals in de bron gedrukt.
    EN: Heading as printed in the source."""
    text: str | None = None
    """Lopende tekst. Alinea's worden gescheiden door een lege regel; **vet** zoals in de bron.
    EN: Body text. Paragraphs are separated by an empty line; **bold** as in the source."""
    items: list[Text] = many()
    """Opsommingstekens, in volgorde.
    EN: Bullet items, in order."""
    sections: list[Section] = many()
    """Subonderdelen, in volgorde.
    EN: Sub-sections, in order."""


# --- parties ----------------------------------------------------------------------------------------


class Address(Base):
    """Adres van een partij, zoals de bron het geeft ('met zetel te ...').
    EN: Address of a party, as the source gives it."""

    street: Text
    """Straatnaam, zoals 'Keizerslaan'.
    EN: Street name, such as 'Keizerslaan'."""
    number: str | None = None
    """Huisnummer, tussen aanhalingstekens.
    EN: House number, in quotes, such as '11' or '13A'.
    Voorbeeld: '11'"""
    postal_code: PostalCode
    """Postcode: vier cijfers, tussen aanhalingstekens.
    EN: Belgian postal code: four digits, in quotes.
    Voorbeeld: '9000'"""
    municipality: Text
    """Gemeente van het adres.
    EN: Municipality (gemeente) of the address."""
    building: str | None = None
    """Gebouw, waar de bron er een noemt, zoals 'stadhuis'.
    EN: Building, where the source names one, such as 'stadhuis'."""


class Person(Base):
    """Een persoon die optreedt voor een partij: een vertegenwoordiger of een ambtsdrager die de bron noemt.
    EN: A person who acts for a party: a representative or an office holder named in the source."""

    id: Id
    """Id van de persoon binnen de overeenkomst; ondertekenaars verwijzen ernaar.
    EN: Identifier of the person within the agreement, referred to by signatories.
    Voorbeeld: wim-adriaens"""
    name: Text
    """Volledige naam zoals in de bron, zonder aanspreking.
    EN: Full name as written in the source, without the form of address."""
    salutation: str | None = None
    """Aanspreking zoals in de bron: 'de heer', 'mevrouw', 'Mijnheer'.
    EN: Form of address used in the source."""
    function: str | None = None
    """Functie of mandaat, zoals 'burgemeester' of 'algemeen directeur'.
    EN: Function or mandate, such as 'burgemeester' or 'algemeen directeur'."""
    offices: list[Text] = many()
    """Ambten die tellen voor de regels van ondertekening (DLB art. 279), zoals 'voorzitter gemeenteraad'.
    EN: Offices held that matter for the signing rules, such as 'voorzitter gemeenteraad'.
    Voorbeeld: [voorzitter gemeenteraad, voorzitter OCMW-raad]"""


class Affiliate(Base):
    """Een lid van een vereniging of cluster, met een verwijzing naar zijn eigen partij waar het er een is.
    EN: A member of an association or cluster, linked to its own party entry where it has one."""

    name: Text
    """Naam van het lid, zoals de bron het noemt.
    EN: Name of the member, as the source names it."""
    party: Id | None = None
    """Id van de partij van dit lid in deze overeenkomst.
    EN: Id of the member's party entry in this agreement.
    Voorbeeld: kalmthout"""


class Authority(Base):
    """Op wiens gezag de vertegenwoordigers optreden ('vertegenwoordigd door haar gemeenteraad').
    EN: On whose authority the representatives act."""

    body: Text
    """Het orgaan, zoals de bron het noemt: 'haar gemeenteraad', 'de OCMW- en gemeenteraad'.
    EN: The body, as the source names it."""
    decision: Id | None = None
    """Id van de goedkeuring (onder 'approvals') in uitvoering waarvan ze handelen ('handelend in uitvoering
    van het besluit van ...').
    EN: Id of the approval (under 'approvals') in execution of which they act.
    Voorbeeld: gemeenteraad-2020-grmw-00300"""
    text: str | None = None
    """De woorden van de bron, waar die meer zegt dan het orgaan.
    EN: The wording of the source, where it says more than the body."""


class Party(Base):
    """Een partij bij de overeenkomst ('Tussen ... en ...').
    EN: A party to the agreement."""

    id: Id
    """Id van de partij; handtekeningblokken, overlegorganen, engagementen en aanspreekpunten verwijzen ernaar.
    EN: Identifier used for references from signatures, bodies, commitments and contact points.
    Voorbeeld: stad-ocmw-gent"""
    name: Text
    """Officiële naam, zoals 'Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding'.
    EN: Official name."""
    short_name: str | None = None
    """Korte naam zoals de tekst ze gebruikt ('hierna genoemd ...'), zoals 'VDAB'.
    EN: Short name as the text uses it ('hierna genoemd': hereafter called), such as 'VDAB'."""
    kind: PartyKind
    """Soort partij.
    EN: What kind of party this is.
    Voorbeeld: lokaal-bestuur"""
    designation: str | None = None
    """Hoe de bron de partij aanduidt, zoals 'het lokaal bestuur Kalmthout'.
    EN: How the source introduces the party."""
    enterprise_number: EnterpriseNumber | None = None
    """Ondernemingsnummer (KBO), waar de bron het vermeldt; de controlecijfers worden nagekeken (modulo 97).
    EN: KBO enterprise number, where the source gives it; its check digits are checked (mod 97).
    Voorbeeld: 0887.010.362"""
    nis_code: NisCode | None = None
    """NIS-code (Statbel) van de gemeente: vijf cijfers, tussen aanhalingstekens; alleen als de bron ze geeft.
    EN: NIS code (Statbel) of the municipality: five digits, in quotes; only where the source gives it.
    Voorbeeld: '44021'"""
    address: Address | None = None
    """Adres van de zetel ('met zetel te ...').
    EN: Registered office (zetel).
    Voorbeeld: {street: Keizerslaan, number: "11", postal_code: "1000", municipality: Brussel}"""
    division: str | None = None
    """Het deel van de organisatie dat deelneemt, zoals 'VDAB Antwerpen'.
    EN: The part of the organisation that takes part."""
    members: list[Text | Affiliate] = many()
    """Leden van een projectvereniging, cluster of ander samenwerkingsverband: een naam, of een naam met het id
    van de eigen partij van het lid.
    EN: Member municipalities of a projectvereniging, cluster or other consortium: a name, or a name with the
    id of the member's own party entry.
    Voorbeeld: [Oostende, {name: Gemeente Kalmthout, party: kalmthout}]"""
    managing_party: Id | None = None
    """Voor een vereniging: het id van de partij die ze beheert ('beherende gemeente'), als die een partij is.
    EN: For an association: the id of the party that manages it, where it is a party.
    Voorbeeld: kalmthout"""
    legal_personality: bool | None = None
    """Of de partij rechtspersoonlijkheid heeft; een vereniging zonder rechtspersoonlijkheid (een feitelijke
    vereniging, een cluster) heeft die niet, en tekent via haar leden.
    EN: Whether the party is a legal person; an association without legal personality (a feitelijke
    vereniging, a cluster) is not, and signs through its members.
    Voorbeeld: false"""
    authority: Authority | None = None
    """Op wiens gezag de vertegenwoordigers optreden ('vertegenwoordigd door haar gemeenteraad, waarvoor
    optreden ...').
    EN: On whose authority the representatives act.
    Voorbeeld: {body: haar gemeenteraad, decision: gemeenteraad-2020-05-25}"""
    representatives: list[Person] = many()
    """Wie de partij in deze overeenkomst vertegenwoordigt ('vertegenwoordigd door ...', 'waarvoor optreedt
    ...').
    EN: Who represents the party in this agreement.
    Voorbeeld: [{id: wim-adriaens, name: Wim Adriaens, function: gedelegeerd bestuurder}]"""
    officials: list[Person] = many()
    """Andere ambtsdragers van de partij die de bron noemt, maar die haar hier niet vertegenwoordigen.
    EN: Other office holders of the party that the source names, who do not represent it here."""
    role: str | None = None
    """De rol van de partij in de overeenkomst, zoals 'regisseur van het lokale werkgelegenheidsbeleid'.
    EN: The party's role in the agreement."""


# --- approvals --------------------------------------------------------------------------------------


class Attendee(Base):
    """Een lid van het beslissende orgaan, aanwezig, verontschuldigd of afwezig bij de beslissing.
    EN: A member of the deciding body, present, excused or absent at the decision."""

    name: Text
    """Naam zoals in de bron, met de aanspreking.
    EN: Name as in the source, with the form of address.
    Voorbeeld: mevrouw Zeneb Bensafia"""
    function: str | None = None
    """Functie, zoals 'voorzitter' of 'schepen'.
    EN: Function, such as 'voorzitter' (chair) or 'schepen'."""


class LegalBasis(Base):
    """Het juridisch kader van de beslissing ('Juridisch kader').
    EN: The legal framework of the decision."""

    competence: list[Text] = many()
    """Bepalingen waarop de bevoegdheid van het orgaan steunt ('De volgende bepalingen zijn van toepassing
    inzake de bevoegdheid').
    EN: Provisions on which the body's competence rests."""
    grounds: list[Text] = many()
    """Bepalingen op grond waarvan de beslissing genomen wordt ('De beslissing wordt genomen op grond van').
    EN: Provisions on which the decision is taken."""


class Approval(Base):
    """Een beslissing van een orgaan van een partij die de overeenkomst goedkeurde, zoals een
    gemeenteraadsbesluit.
    EN: A decision of a party's body that approved the agreement, such as a council decision."""

    id: Id
    """Id van de goedkeuring; 'authority.decision' van een partij verwijst ernaar.
    EN: Identifier of the approval, referred to by a party's 'authority.decision'.
    Voorbeeld: gemeenteraad-2020-grmw-00300"""
    party: Id
    """Id van de partij waarvan het orgaan besliste.
    EN: Id of the party whose body decided.
    Voorbeeld: stad-ocmw-gent"""
    body: Text
    """Het beslissende orgaan: gemeenteraad, raad voor maatschappelijk welzijn, college van burgemeester en
    schepenen, raad van bestuur, algemene vergadering, ...
    EN: The deciding body, such as 'gemeenteraad' (municipal council)."""
    decision_number: str | None = None
    """Nummer van het besluit.
    EN: Number of the decision.
    Voorbeeld: 2020_GRMW_00300"""
    title: str | None = None
    """Titel van het besluit, zoals in de bron.
    EN: Title of the decision, as in the source."""
    date: Date | None = None
    """Datum van de vergadering die besliste; als de bron ze niet geeft, zeg dat in 'date_unknown'.
    EN: Date of the meeting that decided; where the source does not give it, say so in 'date_unknown'.
    Voorbeeld: 25-05-2020"""
    date_unknown: str | None = None
    """Waarom de datum van de beslissing niet opgenomen is.
    EN: Why the date is not recorded.
    Voorbeeld: de bron vermeldt geen datum van de beslissing"""
    meeting: str | None = None
    """Soort vergadering, zoals 'openbare vergadering'.
    EN: Kind of meeting."""
    outcome: Outcome | None = None
    """Uitslag: approved ('goedgekeurd', zonder stemmenaantallen), unanimous ('met unanimiteit'), majority,
    rejected of postponed.
    EN: Outcome of the decision.
    Voorbeeld: unanimous"""
    present: list[Attendee] = many()
    """Leden aanwezig bij de beslissing ('Zijn aanwezig bij de beslissing van dit punt').
    EN: Members present at the decision.
    Voorbeeld: [{name: mevrouw Zeneb Bensafia, function: voorzitter}]"""
    excused: list[Attendee] = many()
    """Verontschuldigde leden.
    EN: Members excused ('verontschuldigd')."""
    absent: list[Attendee] = many()
    """Afwezige leden.
    EN: Members absent ('afwezig')."""
    responsible: list[Text] = many()
    """Bevoegd lid of bevoegde leden van het bestuur ('Bevoegd').
    EN: Competent member(s) of the executive ('Bevoegd')."""
    involved: list[Text] = many()
    """Andere betrokken leden ('Betrokken').
    EN: Other members involved ('Betrokken')."""
    legal_basis: LegalBasis | None = None
    """Juridisch kader: de bepalingen over de bevoegdheid en de rechtsgrond van de beslissing.
    EN: Legal framework: the provisions on competence and the grounds of the decision."""
    motivation: str | None = None
    """Motivering van het besluit ('Motivering').
    EN: The decision's motivation."""
    attachments: list[Text] = many()
    """Bijlagen van het besluit, zoals de bron ze noemt ('Bijgevoegde bijlage(n)').
    EN: Attachments of the decision, as the source names them."""
    articles: list[Section] = many()
    """De artikels van het besluit, elk met zijn nummer.
    EN: The articles of the decision, each with its number.
    Voorbeeld: [{number: Artikel 1, text: Keurt goed de samenwerkingsovereenkomst met VDAB.}]"""

    @model_validator(mode="after")
    def _dated_or_said_why(self) -> Approval:
        if self.date is None and not self.date_unknown:
            raise field_error(
                "Approval",
                "date",
                None,
                _("give the date of the decision, or say in 'date_unknown' why it is not known"),
            )
        return self


# --- content ----------------------------------------------------------------------------------------


def _bounded_by_unit(bounds: dict[str, int | float]) -> dict[str, Any]:
    """The JSON Schema form of a per-unit maximum: if unit is U, then value is at most bounds[U]."""
    return {
        "allOf": [
            {
                "if": {"properties": {"unit": {"const": unit}}, "required": ["unit"]},
                "then": {"properties": {"value": {"maximum": limit}}},
            }
            for unit, limit in bounds.items()
        ]
    }


def _shown(value: float, group: bool = True) -> str:
    """A number as a message shows it: grouped by thousands, and a very long one cut short."""
    if isinstance(value, int):
        digits = str(value)
        if len(digits) > 15:
            return f"{digits[:6]}… (a number of {len(digits)} digits)"
        return f"{value:,}" if group else digits
    return f"{value:,.0f}" if value.is_integer() and abs(value) < 1e15 else f"{value:,}"


# A percentage is a share (an employment rate, a share of job seekers reached): at most 100. A number of people
# at most 100 million: more than ten times Belgium, so any larger number is a typo.
TARGET_MAX: dict[str, int | float] = {"%": 100, "personen": 100_000_000}


class Target(Base):
    """Een streefcijfer, zoals een werkzaamheidsgraad van 80 %.
    EN: A quantified target, such as an employment rate of 80 %."""

    model_config = ConfigDict(json_schema_extra=_bounded_by_unit(TARGET_MAX))

    id: Id
    """Id van het streefcijfer.
    EN: Identifier of the target.
    Voorbeeld: werkzaamheidsgraad-80"""
    text: Text
    """Het streefcijfer zoals de bron het verwoordt.
    EN: The target as the source words it."""
    indicator: Text
    """Wat gemeten wordt, zoals 'werkzaamheidsgraad'.
    EN: What is measured, such as 'werkzaamheidsgraad' (employment rate)."""
    value: float = Field(ge=0, allow_inf_nan=False, json_schema_extra={"maximum": max(TARGET_MAX.values())})
    """Het getal, in de eenheid: hoogstens 100 voor '%', 100 000 000 voor 'personen'. Zonder scheidingsteken
    voor duizendtallen: '2.500' leest YAML als 2,5.
    EN: The number, in the unit: at most 100 for '%', 100 000 000 for 'personen'. Without a thousands
    separator: YAML reads '2.500' as 2.5.
    Voorbeeld: 2500"""
    unit: Literal["%", "personen"]
    """Eenheid: '%' (tussen aanhalingstekens) of 'personen'.
    EN: Unit: '%' (in quotes) or 'personen' (persons).
    Voorbeeld: '%'"""
    scope: str | None = None
    """Waar het streefcijfer geldt, zoals 'Vlaanderen' of 'Gent'.
    EN: Where the target applies."""
    source: str | None = None
    """Waar het streefcijfer vandaan komt, zoals 'Vlaams Regeerakkoord 2019-2024'.
    EN: Where the target comes from."""

    @model_validator(mode="after")
    def _value_fits_unit(self) -> Target:
        limit = TARGET_MAX[self.unit]
        if self.value > limit:
            shown = _shown(self.value)
            unit = "%" if self.unit == "%" else f" {self.unit}"
            raise field_error(
                "Target",
                "value",
                self.value,
                _("{value} is too large: at most {limit}").format(value=f"{shown}{unit}", limit=f"{limit:,}{unit}"),
            )
        return self


class Ambition(Base):
    """Een ambitie die de overeenkomst nastreeft ('drie centrale ambities').
    EN: An ambition the agreement pursues."""

    id: Id
    """Id van de ambitie; een thema verwijst ernaar met 'ambition'.
    EN: Identifier of the ambition, referred to by a theme's 'ambition'.
    Voorbeeld: meer-mensen-aan-de-slag"""
    number: str | None = None
    """Nummer zoals in de bron, tussen aanhalingstekens.
    EN: Number as printed in the source, in quotes.
    Voorbeeld: '1'"""
    title: Text
    """De ambitie zoals de bron ze formuleert, zoals 'Meer mensen aan de slag'.
    EN: The ambition as the source words it."""


class Principle(Base):
    """Een principe van de samenwerking.
    EN: A principle of the cooperation."""

    id: Id
    """Id van het principe.
    EN: Identifier of the principle.
    Voorbeeld: klant-centraal"""
    text: Text
    """Het principe zoals de bron het verwoordt; **vet** zoals in de bron.
    EN: The principle as worded in the source."""


class PrincipleGroup(Base):
    """Een groep principes onder één titel, zoals 'Principes m.b.t. de samenwerking'.
    EN: A group of principles under one heading."""

    id: Id
    """Id van de groep.
    EN: Identifier of the group.
    Voorbeeld: principes-samenwerking"""
    number: str | None = None
    """Nummer of letter zoals in de bron, zoals 'A'; een getal tussen aanhalingstekens.
    EN: Number or letter as printed in the source; quote a number."""
    title: str | None = None
    """Titel zoals in de bron.
    EN: Heading as in the source."""
    intro: str | None = None
    """De tekst vóór de principes, zoals 'Bij de uitvoering ... hanteren de ondertekenende partners volgende
    leidraad:'.
    EN: The text before the principles."""
    principles: list[Principle] = Field(min_length=1)
    """De principes, in volgorde; minstens één.
    EN: The principles, in order; at least one."""


class Commitment(Base):
    """Een engagement van een of meer partijen ('De partners engageren zich om ...').
    EN: Something one or more parties commit to."""

    id: Id
    """Id van het engagement.
    EN: Identifier of the commitment.
    Voorbeeld: vacatures-snel-ontsluiten"""
    text: Text
    """Het engagement zoals de bron het verwoordt, vaak het vervolg van de inleidende zin.
    EN: The commitment as the source words it, often the rest of the sentence that opens the list."""
    lead: Id | None = None
    """Id van de trekkende partij ('trekker'), waar de bron er een noemt.
    EN: Id of the party that leads, where the source names one.
    Voorbeeld: vdab"""
    parties: list[Id] = many()
    """Ids van de partijen die zich engageren, als niet alle partijen dat doen.
    EN: Ids of the committed parties, where not all parties commit.
    Voorbeeld: [vdab]"""
    action_domain: Id | None = None
    """Id van het actiedomein waartoe dit engagement hoort, als het buiten dat domein opgesomd staat.
    EN: Id of the action domain this commitment belongs to, where it is listed outside that domain.
    Voorbeeld: ad1-activeren-en-bemiddelen"""


class Action(Base):
    """Een concrete actie of werklijn binnen een actiedomein.
    EN: A concrete action or line of work within an action domain."""

    id: Id
    """Id van de actie.
    EN: Identifier of the action.
    Voorbeeld: mobiliteit"""
    title: Text
    """Titel van de actie zoals in de bron, zoals 'Mobiliteit'.
    EN: Title of the action as in the source."""
    text: str | None = None
    """Beschrijving van de actie zoals in de bron.
    EN: Description of the action as in the source."""
    items: list[Text] = many()
    """Opsomming binnen de actie, in volgorde.
    EN: Bullet items within the action, in order."""
    lead: Id | None = None
    """Id van de trekkende partij ('trekker'), waar de bron er een noemt.
    EN: Id of the party that leads, where the source names one.
    Voorbeeld: vdab"""


class ActionDomain(Base):
    """Een actiedomein binnen een thema, met zijn acties en engagementen.
    EN: An action domain within a theme, with its actions and commitments."""

    id: Id
    """Id van het actiedomein; een engagement elders verwijst ernaar met 'action_domain'.
    EN: Identifier of the action domain, referred to by a commitment's 'action_domain'.
    Voorbeeld: ad1-activeren-en-bemiddelen"""
    number: str | None = None
    """Nummer of letter zoals in de bron ('Actiedomein 1'); een getal tussen aanhalingstekens.
    EN: Number or letter as printed in the source; quote a number.
    Voorbeeld: '1'"""
    title: Text
    """Titel van het actiedomein zoals in de bron.
    EN: Title of the action domain as in the source."""
    text: str | None = None
    """Tekst van het actiedomein vóór de acties.
    EN: Text of the action domain, before its actions."""
    actions: list[Action] = many()
    """De acties van het actiedomein, in volgorde.
    EN: The action domain's actions, in order."""
    commitments_intro: str | None = None
    """De zin die de engagementen inleidt, zoals 'De partners engageren zich om:'.
    EN: The sentence that opens the commitments."""
    commitments: list[Commitment] = many()
    """De engagementen binnen dit actiedomein, in volgorde.
    EN: The commitments within this action domain, in order."""
    closing: str | None = None
    """Tekst na de acties, waar de bron die heeft.
    EN: Text after the actions, where the source has any."""


class Theme(Base):
    """Een thema of beleidsprioriteit, opgedeeld in actiedomeinen en engagementen.
    EN: A theme or policy priority, broken into action domains and commitments."""

    id: Id
    """Id van het thema.
    EN: Identifier of the theme.
    Voorbeeld: vacatures-sneller-invullen"""
    number: str | None = None
    """Nummer zoals in de bron, tussen aanhalingstekens.
    EN: Number as printed in the source, in quotes.
    Voorbeeld: '5.1'"""
    title: Text
    """Titel van het thema zoals in de bron.
    EN: Title of the theme as in the source."""
    ambition: Id | None = None
    """Id van de ambitie (onder 'ambitions') die dit thema dient.
    EN: Id of the ambition (under 'ambitions') this theme serves.
    Voorbeeld: meer-mensen-aan-de-slag"""
    text: str | None = None
    """Tekst van het thema vóór de engagementen en actiedomeinen.
    EN: Text of the theme, before its commitments and action domains."""
    commitments_intro: str | None = None
    """De zin die de engagementen inleidt, zoals 'Stad Gent en VDAB engageren zich om:'.
    EN: The sentence that opens the commitments."""
    commitments: list[Commitment] = many()
    """De engagementen van het thema, in volgorde.
    EN: The theme's commitments, in order."""
    action_domains: list[ActionDomain] = many()
    """De actiedomeinen van het thema, in volgorde.
    EN: The theme's action domains, in order."""


class Themes(Base):
    """Het deel met de thema's of beleidsprioriteiten ('Streven naar zichtbare resultaten').
    EN: The part with the themes or policy priorities."""

    title: str | None = None
    """Titel van het deel zoals in de bron.
    EN: Heading of the part as in the source."""
    intro: str | None = None
    """Tekst vóór de thema's.
    EN: Text before the themes."""
    themes: list[Theme] = Field(min_length=1)
    """De thema's, in volgorde; minstens één.
    EN: The themes, in order; at least one."""
    closing: str | None = None
    """Tekst na de thema's, zoals hoe het actieplan geëvalueerd wordt.
    EN: Text after the themes, such as how the action plan is evaluated."""


class Role(Base):
    """De rol van één partij ('Rollen').
    EN: The role of one party."""

    party: Id
    """Id van de partij.
    EN: Id of the party.
    Voorbeeld: vdab"""
    title: str | None = None
    """Titel zoals in de bron, zoals 'VDAB' of 'STAD/OCMW GENT'.
    EN: Heading as in the source."""
    text: str | None = None
    """De rol zoals de bron ze beschrijft.
    EN: The role as the source describes it."""
    responsibilities: list[Text] = many()
    """Verantwoordelijkheden of taken van de partij, in volgorde ('De regierol van Stad/OCMW Gent omvat: ...').
    EN: The party's responsibilities or tasks, in order."""


class Roles(Base):
    """Het deel over de rollen van de partijen.
    EN: The part on the parties' roles."""

    intro: str | None = None
    """Tekst vóór de rollen.
    EN: Text before the roles."""
    roles: list[Role] = many()
    """De rol van elke partij, in volgorde.
    EN: Each party's role, in order."""
    closing: str | None = None
    """Tekst na de rollen.
    EN: Text after the roles."""


class Member(Base):
    """Een lid van een overlegorgaan ('Voor VDAB: ...').
    EN: A member of a consultation body."""

    parties: list[Id] = many()
    """Ids van de partijen waarvoor het lid zetelt; leeg voor een organisatie die geen partij is.
    EN: Ids of the parties the member sits for; empty for an organisation that is not a party.
    Voorbeeld: [vdab]"""
    organisation: str | None = None
    """Organisatie die geen partij is, zoals 'KINA'.
    EN: Organisation that is not a party."""
    function: str | None = None
    """Functie van het lid, zoals 'teamleider intensieve dienstverlening'.
    EN: The member's function."""
    name: str | None = None
    """Naam van het lid, waar de bron die geeft.
    EN: The member's name, where the source gives it."""


class Convener(Base):
    """Wie de vergaderingen van een orgaan bijeenroept ('nodigt uit').
    EN: Who convenes a body's meetings."""

    party: Id | None = None
    """Id van de partij die uitnodigt.
    EN: Id of the party that convenes.
    Voorbeeld: vdab"""
    organisation: str | None = None
    """Organisatie die uitnodigt en geen partij is, zoals 'KINA'.
    EN: Organisation that convenes and is not a party."""
    text: str | None = None
    """Zoals de bron het zegt: 'De regisseur sociale economie - KINA - nodigt uit.'
    EN: As the source says it."""


class Body(Base):
    """Een overlegorgaan: stuurgroep, operationeel overleg, werkgroep, ...
    EN: A consultation body: steering group, operational meeting, working group, ..."""

    id: Id
    """Id van het orgaan; 'monitoring.body' en verplichtingen verwijzen ernaar.
    EN: Identifier of the body, referred to by 'monitoring.body' and obligations.
    Voorbeeld: stuurgroep"""
    kind: BodyKind
    """Soort orgaan: steering-group (stuurgroep), operational-meeting (operationeel overleg), working-group
    (werkgroep), strategic-policy-meeting, data-working-group of other.
    EN: Kind of body.
    Voorbeeld: steering-group"""
    name: Text
    """Naam zoals in de bron, zoals 'Stuurgroep'.
    EN: Name as in the source."""
    text: str | None = None
    """Wat de bron over het orgaan zegt.
    EN: What the source says about the body."""
    min_meetings_per_year: int | None = Field(default=None, ge=1, le=366)
    """Minimum aantal vergaderingen per jaar ('minstens 2 keer per jaar', 'jaarlijks' is 1); alleen als de bron
    een frequentie geeft.
    EN: Minimum number of meetings a year; only where the source gives a frequency.
    Voorbeeld: 2"""
    convener: Convener | None = None
    """Wie de vergaderingen bijeenroept ('nodigt uit').
    EN: Who convenes the meetings.
    Voorbeeld: {organisation: KINA, text: De regisseur sociale economie - KINA - nodigt uit.}"""
    members: list[Member] = many()
    """Leden van het orgaan, per partij zoals de bron ze opsomt.
    EN: Members of the body, per party as the source lists them.
    Voorbeeld: [{parties: [vdab], function: netwerkmanager lokale besturen}]"""
    tasks: list[Text] = many()
    """Taken van het orgaan, zoals 'opvolging van de samenwerkingsovereenkomst'.
    EN: Tasks of the body."""
    examples: list[Text] = many()
    """Voorbeelden die de bron geeft, zoals de werkgroepen die ze noemt.
    EN: Examples the source gives, such as the working groups it names."""


class Consultation(Base):
    """De overlegstructuur: de overlegorganen van de samenwerking.
    EN: The consultation structure: the bodies of the cooperation."""

    title: str | None = None
    """Titel zoals in de bron, zoals 'Overlegstructuur'.
    EN: Heading as in the source."""
    intro: str | None = None
    """Tekst vóór de organen.
    EN: Text before the bodies."""
    bodies: list[Body] = Field(min_length=1)
    """De overlegorganen, in volgorde; minstens één.
    EN: The consultation bodies, in order; at least one."""


class Monitoring(Base):
    """Hoe de uitvoering van de overeenkomst opgevolgd wordt ('Datamonitoring').
    EN: How the agreement's implementation is monitored."""

    title: str | None = None
    """Titel zoals in de bron.
    EN: Heading as in the source."""
    text: str | None = None
    """De tekst van de bron over de opvolging.
    EN: The source's text on monitoring."""
    body: Id | None = None
    """Id van het orgaan dat opvolgt, zoals een werkgroep datamonitoring.
    EN: Id of the body that monitors, such as a data working group.
    Voorbeeld: werkgroep-datamonitoring"""
    dashboard: Id | None = None
    """Id van de bijlage met het dashboard.
    EN: Id of the annex that holds the dashboard.
    Voorbeeld: bijlage-2-dashboard-gent"""


class ContactPoint(Base):
    """Het aanspreekpunt van een partij.
    EN: A party's contact point."""

    party: Id
    """Id van de partij.
    EN: Id of the party.
    Voorbeeld: vdab"""
    function: Text
    """Functie van het aanspreekpunt zoals in de bron, zoals 'de stadsmanager'.
    EN: Function of the contact point as in the source."""
    name: str | None = None
    """Naam, waar de bron die geeft.
    EN: Name, where the source gives it."""
    email: str | None = None
    """E-mailadres, waar de bron het geeft.
    EN: E-mail address, where the source gives it."""


class ContactPoints(Base):
    """Het deel over de aanspreekpunten ('Aanspreekpunt').
    EN: The part on contact points."""

    title: str | None = None
    """Titel zoals in de bron.
    EN: Heading as in the source."""
    intro: str | None = None
    """Tekst vóór de aanspreekpunten, zoals 'Elke partner heeft een aanspreekpunt ...'.
    EN: Text before the contact points."""
    contacts: list[ContactPoint] = Field(min_length=1)
    """De aanspreekpunten, in volgorde; minstens één.
    EN: The contact points, in order; at least one.
    Voorbeeld: [{party: vdab, function: de stadsmanager}]"""


# At most a hundred years in any unit: longer is a typo, and a period added to a date of 2200 (the last year a
# date may have) stays far from the end of the calendar (9999), as does one taken off a date of 1900.
PERIOD_MAX: dict[str, int | float] = {"days": 36_500, "weeks": 5_200, "months": 1_200, "years": 100}


class Period(Base):
    """Een termijn: een aantal dagen, weken, maanden of jaren, zoals 'zes maanden'.
    EN: A period: a number of days, weeks, months or years."""

    model_config = ConfigDict(json_schema_extra=_bounded_by_unit(PERIOD_MAX))

    value: int = Field(ge=1, json_schema_extra={"maximum": max(PERIOD_MAX.values())})
    """Hoeveel eenheden: hoogstens 100 jaar (1200 maanden, 5200 weken, 36500 dagen).
    EN: How many units: at most 100 years (1200 months, 5200 weeks, 36500 days).
    Voorbeeld: 6"""
    unit: Literal["days", "weeks", "months", "years"]
    """Eenheid, in het Engels: days, weeks, months of years.
    EN: Unit: days, weeks, months or years.
    Voorbeeld: months"""

    @model_validator(mode="after")
    def _at_most_a_century(self) -> Period:
        limit = PERIOD_MAX[self.unit]
        if self.value > limit:
            century = "" if self.unit == "years" else " " + _("(100 years)")
            message = _("{value} is too long: at most {limit}").format(
                value=i18n.period(int(self.value), self.unit, group=False)
                if len(str(self.value)) <= 15
                else f"{_shown(self.value)} {self.unit}",
                limit=i18n.period(int(limit), self.unit, group=False) + century,
            )
            raise field_error("Period", "value", self.value, message)
        return self


class Termination(Base):
    """Opzegging van de overeenkomst.
    EN: Termination of the agreement."""

    allowed: bool
    """Of elke partij de overeenkomst mag opzeggen ('Elk van de partijen heeft het recht de overeenkomst op te
    zeggen').
    EN: Whether each party may terminate the agreement.
    Voorbeeld: true"""
    notice: Period | None = None
    """Opzegtermijn, als de bron er een bepaalt.
    EN: Notice period, where one is set.
    Voorbeeld: {value: 3, unit: months}"""
    text: str | None = None
    """De opzeggingsclausule zoals de bron ze verwoordt.
    EN: The termination clause as the source words it."""


class FollowUp(Base):
    """Een termijn die uit de overeenkomst volgt, zoals de eerste actieplannen.
    EN: A deadline derived from the agreement, such as the first action plans."""

    id: Id
    """Id van de termijn.
    EN: Identifier of the deadline.
    Voorbeeld: eerste-actieplannen"""
    text: Text
    """De bepaling zoals de bron ze verwoordt.
    EN: The provision as the source words it."""
    after_signing: Period | None = None
    """Termijn na de ondertekening ('tijdens de zes maanden die volgen op ondertekening').
    EN: Period after signing.
    Voorbeeld: {value: 6, unit: months}"""
    due: Date | None = None
    """Vaste vervaldatum, als de bron er een geeft.
    EN: Fixed due date, where the source gives one.
    Voorbeeld: 30-06-2021"""


class Renewal(Base):
    """Hoe de overeenkomst op haar einde verlengd wordt, als de bron dat zegt.
    EN: How the agreement renews itself at its end, where the source says so."""

    tacit: bool = True
    """Stilzwijgend verlengd, tenzij een partij opzegt ('stilzwijgend verlengd').
    EN: Renewed unless notice is given.
    Voorbeeld: true"""
    period: Period | None = None
    """Met hoeveel telkens ('telkens met een jaar').
    EN: By how much each time.
    Voorbeeld: {value: 1, unit: years}"""
    text: str | None = None
    """Zoals de bron het verwoordt.
    EN: As the source words it."""


class Duration(Base):
    """De duur van de overeenkomst: begin, einde of looptijd, verlenging, opzegging en geschillen ('Duur').
    EN: The agreement's duration: start, end or term, renewal, termination and disputes."""

    start: Date | Literal["on-signing", "on-approval"] | None = None
    """Begin: een datum, on-signing ('vanaf datum van ondertekening') of on-approval (vanaf de laatste
    goedkeurende beslissing).
    EN: Start: a date, 'on-signing' or 'on-approval' (from the last approving decision).
    Voorbeeld: 01-01-2024"""
    end: Date | None = None
    """Einddatum, inbegrepen ('tot en met', 'uiterste einddatum').
    EN: Hard end date, inclusive ('tot en met').
    Voorbeeld: 31-12-2025"""
    term: Period | None = None
    """Looptijd als termijn ('voor een periode van vijf jaar'): met een gekend begin eindigt ze de dag vóór
    dezelfde datum zoveel eenheden later; een uitdrukkelijke 'end' gaat voor.
    EN: A term given as a period: with a known start, it ends the day before the same date that many units
    later; an explicit 'end' wins.
    Voorbeeld: {value: 5, unit: years}"""
    renewal: Renewal | None = None
    """Verlenging op het einde, als de bron die regelt ('wordt stilzwijgend verlengd').
    EN: Renewal at the end, where the source provides for it.
    Voorbeeld: {tacit: true, period: {value: 1, unit: years}}"""
    basis: str | None = None
    """Waarop de duur gebaseerd is, zoals 'de legislatuur'.
    EN: What the duration follows, such as 'de legislatuur' (the council's term of office)."""
    text: str | None = None
    """De duurclausule zoals de bron ze verwoordt.
    EN: The duration clause as the source words it."""
    termination: Termination | None = None
    """Opzegging: of de partijen mogen opzeggen, en met welke opzegtermijn.
    EN: Termination: whether the parties may terminate, and with what notice.
    Voorbeeld: {allowed: true, notice: {value: 3, unit: months}}"""
    disputes: str | None = None
    """Hoe geschillen beslecht worden ('Betwistingen die voortvloeien uit deze overeenkomst ...').
    EN: How disputes are settled."""
    review: str | None = None
    """Hoe de overeenkomst geactualiseerd of herzien wordt ('De overeenkomst wordt geactualiseerd in functie van
    de noodwendigheden').
    EN: How the agreement is updated or reviewed."""
    follow_ups: list[FollowUp] = many()
    """Termijnen die uit de overeenkomst volgen, zoals de eerste actieplannen binnen zes maanden na de
    ondertekening.
    EN: Deadlines derived from the agreement, such as the first action plans within six months of signing."""


class ActionPlan(Base):
    """Een actieplan of ander onderdeel met een eigen periode, binnen de looptijd van de overeenkomst.
    EN: An action plan or other part with a period of its own, inside the agreement's term."""

    id: Id
    """Id van het actieplan.
    EN: Identifier of the action plan.
    Voorbeeld: actieplan-2020-2022"""
    title: Text
    """Titel, zoals 'Actieplan 2020-2022'.
    EN: Title."""
    start: Date | None = None
    """Begindatum van het actieplan.
    EN: Start date of the action plan.
    Voorbeeld: 01-01-2020"""
    end: Date | None = None
    """Einddatum van het actieplan, inbegrepen ('tot en met').
    EN: End date of the action plan, inclusive.
    Voorbeeld: 31-12-2022"""
    text: str | None = None
    """Wat de bron over het actieplan zegt.
    EN: What the source says about the action plan."""


class Obligation(Base):
    """Een terugkerende verplichting, zoals de jaarlijkse evaluatie van het actieplan.
    EN: A recurring obligation, such as the yearly evaluation of the action plan."""

    id: Id
    """Id van de verplichting.
    EN: Identifier of the obligation.
    Voorbeeld: evaluatie-actieplan"""
    text: Text
    """Zoals de bron het verwoordt: 'Het actieplan wordt jaarlijks geëvalueerd op de stuurgroep.'
    EN: As the source words it."""
    every: Period
    """Hoe vaak ze terugkeert; jaarlijks is één jaar.
    EN: How often it recurs; yearly is one year.
    Voorbeeld: {value: 1, unit: years}"""
    body: Id | None = None
    """Id van het orgaan dat ze uitvoert, waar de bron er een noemt.
    EN: Id of the body that carries it out, where the source names one.
    Voorbeeld: stuurgroep"""


class Annex(Base):
    """Een bijlage bij de overeenkomst.
    EN: An annex to the agreement."""

    id: Id
    """Id van de bijlage; 'monitoring.dashboard' verwijst ernaar.
    EN: Identifier of the annex, referred to by 'monitoring.dashboard'.
    Voorbeeld: bijlage-2-dashboard-gent"""
    number: str | None = None
    """Nummer zoals in de bron, tussen aanhalingstekens.
    EN: Number as printed in the source, in quotes.
    Voorbeeld: '2'"""
    title: Text
    """Titel van de bijlage zoals in de bron, zoals 'Dashboard Gent'.
    EN: Title of the annex as in the source."""
    file: RelativePath | None = None
    """Pad van het bestand van de bijlage, relatief tegenover het bestand van de overeenkomst, zonder '..'.
    EN: Path of the annex, relative to the agreement file, without '..'.
    Voorbeeld: bijlagen/dashboard.pdf"""
    sha256: Sha256 | None = None
    """SHA-256 van het bestand van de bijlage (wat sha256sum geeft), 64 hexadecimale tekens; lint controleert
    dat het bestand klopt.
    EN: SHA-256 of the annex file (as sha256sum prints it), 64 hex digits; lint checks that the file matches.
    Voorbeeld: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"""


class Delegation(Base):
    """Een delegatie waarmee iemand tekent voor de bevoegde ondertekenaar (DLB art. 281, 283).
    EN: A delegation under which someone signs for the competent signatory."""

    text: Text
    """Zoals in de bron: 'Voor de voorzitter van de gemeenteraad/OCMW-raad bij delegatiebesluit van ...'.
    EN: As in the source."""
    date: Date | None = None
    """Datum van het delegatiebesluit.
    EN: Date of the delegation decision.
    Voorbeeld: 26-11-2019"""


class Signatory(Base):
    """Een ondertekenaar in een handtekeningblok.
    EN: A signatory in a signature block."""

    person: Id
    """Id van een vertegenwoordiger van de partij van dit blok.
    EN: Id of a representative of the party of this block.
    Voorbeeld: wim-adriaens"""
    capacity: str | None = None
    """Hoedanigheid waarin de persoon tekent, als die verschilt van de functie.
    EN: Capacity in which they sign, where it differs from their function.
    Voorbeeld: voorzitter van de gemeenteraad"""
    delegation: Delegation | None = None
    """Delegatie waaronder de persoon tekent ('bij delegatiebesluit van ...').
    EN: Delegation under which they sign.
    Voorbeeld: {text: Voor de voorzitter van de gemeenteraad bij delegatiebesluit van ..., date: 26-11-2019}"""


class SignatureBlock(Base):
    """Een handtekeningblok: wie tekent voor één partij ('Voor het lokaal bestuur ...'); een partij kan er
    meer dan één hebben.
    EN: A signature block: who signs for one party; a party may have more than one."""

    party: Id
    """Id van de partij waarvoor getekend wordt.
    EN: Id of the party signed for.
    Voorbeeld: vdab"""
    heading: str | None = None
    """Zoals in de bron: 'Voor het lokaal bestuur Kalmthout'.
    EN: As in the source."""
    signatories: list[Signatory] = many()
    """De ondertekenaars, in de volgorde van de bron.
    EN: The signatories, in the source's order.
    Voorbeeld: [{person: vincent-gabriels}, {person: maarten-de-bock}]"""


class Signing(Base):
    """De ondertekening: plaats, datum en handtekeningblokken ('Opgemaakt te ... op ...').
    EN: The signing: place, date and signature blocks."""

    place: str | None = None
    """Plaats van ondertekening ('Opgemaakt te ...').
    EN: Place of signing."""
    date: Date | None = None
    """Datum van ondertekening; weglaten als de bron ze niet vermeldt.
    EN: Date of signing; leave it out when the source does not state it.
    Voorbeeld: 22-11-2023"""
    blocks: list[SignatureBlock] = many()
    """Handtekeningblokken, één of meer per partij, in de volgorde van de bron.
    EN: Signature blocks, one or more per party, in the source's order."""


class Source(Base):
    """Een brontekst die dit bestand transcribeert.
    EN: A source text this file transcribes."""

    file: Text
    """Bestandsnaam van de brontekst.
    EN: File name of the source text.
    Voorbeeld: gent-vdab-2020-2025-gemeenteraadsbesluit.txt"""
    description: str | None = None
    """Wat de bron is, zoals 'Persbericht van VDAB, november 2023.'
    EN: What the source is."""


class Agreement(Base):
    """Een samenwerkingsovereenkomst (of engagementsverklaring, pact, addendum, ...) en alles wat erin staat.
    EN: A cooperation agreement (samenwerkingsovereenkomst) and everything in it."""

    id: Id
    """Id van de overeenkomst, uniek in de repository; gewoonlijk de bestandsnaam zonder '.yaml'.
    EN: Identifier of the agreement, unique in the repository; usually the file name without '.yaml'.
    Voorbeeld: gent-vdab-2020-2025"""
    title: Title
    """Titel zoals op het titelblad, op één regel; jaartallen erin moeten met de data kloppen.
    EN: Title as on the title page, on one line; a year range in it must match the dates."""
    subtitle: Title | None = None
    """Ondertitel zoals op het titelblad.
    EN: Subtitle as on the title page."""
    kind: AgreementKind
    """Soort overeenkomst, zoals de titel ze noemt.
    EN: Kind of agreement, as its title names it.
    Voorbeeld: samenwerkingsovereenkomst"""
    language: Literal["nl"] = "nl"
    """Taal van de tekst: altijd nl.
    EN: Language of the text: always 'nl'."""
    status: Status | None = None
    """Stand van de overeenkomst; laat weg wat de bron niet zegt.
    EN: Where the agreement stands; leave it out when the source does not say.
    Voorbeeld: signed"""
    version: str | None = None
    """Versienummer van de tekst, zoals de bron het vermeldt; tussen aanhalingstekens.
    EN: Version number of the text, as the source states it; in quotes.
    Voorbeeld: '1.2'"""
    edition: str | None = None
    """Welke uitgave van de overeenkomst dit is, zoals de tekst het zegt: 'derde versie'.
    EN: Which edition of the agreement this is, as the text says."""
    amends: Id | None = None
    """Id van de overeenkomst die dit bestand wijzigt (een addendum of een verlenging): het bestand vermeldt
    alleen wat het wijzigt, in 'changes', en samenwerk voegt beide samen.
    EN: Id of the agreement this file changes (an addendum or an extension): it states only what it changes,
    in 'changes', and samenwerk consolidates the two.
    Voorbeeld: voorbeeldegem-vdab-2024-2025"""
    supersedes: list[Id] = many()
    """Ids van eerdere overeenkomsten die deze vervangt (een derde versie die de tweede vervangt).
    EN: Ids of earlier agreements this one replaces (a third version replacing the second).
    Voorbeeld: [gent-vdab-2014-2018]"""
    effective: Date | None = None
    """Voor een wijziging: de dag waarop ze ingaat (anders de datum van ondertekening, anders het begin).
    EN: For an amendment: the day its changes take effect (by default its signing date, else its start).
    Voorbeeld: 01-07-2025"""
    changes: dict[str, Any] | None = None
    """Voor een wijziging: de delen van de gewijzigde overeenkomst die ze verandert, geschreven zoals in een
    overeenkomst. Een mapping vervangt de sleutels die ze noemt; een lijst van items met een id wijzigt de
    items met dat id en voegt de andere toe; null verwijdert een sleutel.
    EN: For an amendment: the parts of the amended agreement it changes, written as in an agreement file. A
    mapping replaces the keys it names; a list of entries with ids changes the entries it names by id and adds
    the others; null removes a key.
    Voorbeeld: {duration: {end: 31-12-2026}}"""
    region: str | None = None
    """Regio van de overeenkomst, zoals 'Gent' of 'provincie Antwerpen'; het register filtert erop.
    EN: Region of the agreement; the register filters on it."""
    sources: list[Source] = many()
    """De bronteksten die dit bestand transcribeert.
    EN: The source texts this file transcribes.
    Voorbeeld: [{file: gent-vdab-2020-2025-gemeenteraadsbesluit.txt}]"""
    parties: list[Party] = Field(default_factory=list, validate_default=True, json_schema_extra={"default": []})
    """De partijen ('Tussen ... en ...'): minstens één, behalve in een wijziging ('amends'), die alleen noemt
    wat ze verandert.
    EN: The parties: at least one, except in an amendment ('amends'), which names only what it changes."""
    approvals: list[Approval] = many()
    """Beslissingen die de overeenkomst goedkeurden, zoals het gemeenteraadsbesluit.
    EN: Decisions that approved the agreement, such as the council decision."""
    preamble: list[Section] = many()
    """Context vóór de eigenlijke overeenkomst: overwegingen, aanleiding.
    EN: Context before the agreement proper: considerations, background."""
    objective: Section | None = None
    """Algemene doelstelling.
    EN: General objective."""
    ambitions: list[Ambition] = many()
    """Ambities van de overeenkomst ('drie centrale ambities'); thema's verwijzen ernaar.
    EN: Ambitions of the agreement; themes refer to them."""
    targets: list[Target] = many()
    """Streefcijfers, zoals een werkzaamheidsgraad van 80 %.
    EN: Quantified targets, such as an employment rate of 80 %."""
    policy_framework: list[Section] = many()
    """Beleidskader en bestuurlijk kader waarin de overeenkomst past.
    EN: Policy and governance framework the agreement sits in."""
    principles: list[PrincipleGroup] = many()
    """Principes van de samenwerking, in groepen.
    EN: Principles of the cooperation, in groups."""
    themes: Themes | None = None
    """Thema's of beleidsprioriteiten, met actiedomeinen, acties en engagementen.
    EN: Themes or policy priorities, with action domains, actions and commitments."""
    roles: Roles | None = None
    """Rollen van de partijen.
    EN: The parties' roles."""
    consultation: Consultation | None = None
    """Overlegstructuur: stuurgroep, operationeel overleg, werkgroepen, met hoe vaak ze samenkomen.
    EN: Consultation structure: steering group, operational meeting, working groups, with how often they meet."""
    monitoring: Monitoring | None = None
    """Opvolging en monitoring.
    EN: Monitoring."""
    communication: list[Section] = many()
    """Afspraken over communicatie, intern en extern.
    EN: Arrangements on communication, internal and external."""
    contact_points: ContactPoints | None = None
    """Aanspreekpunten van de partijen.
    EN: The parties' contact points."""
    duration: Duration | None = None
    """Duur: begin, einde of looptijd, verlenging, opzegging en geschillen.
    EN: Duration: start, end or term, renewal, termination and disputes.
    Voorbeeld: {start: on-signing, end: 31-12-2025}"""
    obligations: list[Obligation] = many()
    """Terugkerende verplichtingen: evaluaties, rapporten, herzieningen.
    EN: Recurring obligations: evaluations, reports, reviews."""
    action_plans: list[ActionPlan] = many()
    """Actieplannen en andere onderdelen met een eigen periode (een plan voor 2020-2022 in een overeenkomst tot
    2025).
    EN: Action plans and other parts with a period of their own."""
    annexes: list[Annex] = many()
    """Bijlagen.
    EN: Annexes."""
    signing: Signing | None = None
    """Ondertekening: plaats, datum en handtekeningblokken.
    EN: Signing: place, date and signature blocks."""
    notes: list[Text] = many()
    """Opmerkingen van wie transcribeert, geen deel van de overeenkomst: wat de bron tegenspreekt of weglaat.
    EN: Notes of the transcriber, not part of the agreement: where the source contradicts itself or is silent."""

    @field_validator("parties")
    @classmethod
    def _some_parties(cls, parties: list[Party], info: ValidationInfo) -> list[Party]:
        # A field validator (not a model one), so that this is reported beside the file's other errors.
        if not parties and info.data.get("amends") is None:
            raise ValueError(_("an agreement names at least one party (unless it amends another)"))
        return parties

    @model_validator(mode="after")
    def _changes_of_an_amendment(self) -> Agreement:
        if self.changes is not None and self.amends is None:
            raise field_error("Agreement", "changes", "…", _("'changes' belongs to an amendment: say what it amends"))
        return self
