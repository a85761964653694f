"""The Pydantic model of a cooperation agreement.

Every part of the real agreements has a place here: parties with their representatives and the body on
whose authority they act, the council decisions that approved the agreement, objectives and targets,
principles, themes with action domains, actions and commitments, roles, the consultation structure,
monitoring, communication, contact points, the duration, annexes and the signature blocks.

Keys are English; content is Dutch. Unknown keys are errors (``extra="forbid"``). References between
parts (a signatory, a body member, a lead party) are plain ids; they are checked by lint rules, not here,
so that every broken reference is reported at its own line rather than failing the whole model.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from .types import Date, EnterpriseNumber, Id, NisCode, PostalCode, RelativePath, Sha256, Text, Title, field_error


class Base(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        validate_default=False,
    )


class AgreementKind(StrEnum):
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
    STEERING_GROUP = "steering-group"
    OPERATIONAL_MEETING = "operational-meeting"
    WORKING_GROUP = "working-group"
    STRATEGIC_POLICY_MEETING = "strategic-policy-meeting"
    DATA_WORKING_GROUP = "data-working-group"
    OTHER = "other"


class Outcome(StrEnum):
    APPROVED = "approved"
    """Approved ('goedgekeurd'), where the source gives no vote counts."""
    UNANIMOUS = "unanimous"
    MAJORITY = "majority"
    REJECTED = "rejected"
    POSTPONED = "postponed"


# --- generic text -----------------------------------------------------------------------------------


class Section(Base):
    """A titled piece of text with optional bullet items and sub-sections, as the source words it."""

    id: Id | None = None
    """Identifier, so that diff can follow the section when it moves."""
    number: str | None = None
    """Number or letter as printed in the source, such as '3', 'A' or 'Doelstelling 1'."""
    title: str | None = None
    """Heading as printed in the source."""
    text: str | None = None
    """Body text. Paragraphs are separated by an empty line; **bold** as in the source."""
    items: list[Text] = []
    """Bullet items, in order."""
    sections: list[Section] = []
    """Sub-sections, in order."""


# --- parties ----------------------------------------------------------------------------------------


class Address(Base):
    street: Text
    """Street name, such as 'Keizerslaan'."""
    number: str | None = None
    """House number, such as '11' or '13A'."""
    postal_code: PostalCode
    municipality: Text
    """Municipality (gemeente) of the address."""
    building: str | None = None
    """Building, where the source names one, such as 'stadhuis'."""


class Person(Base):
    """A person who acts for a party: a representative or an office holder named in the source."""

    id: Id
    """Identifier of the person within the agreement, such as 'wim-adriaens'."""
    name: Text
    """Full name as written in the source."""
    salutation: str | None = None
    """Form of address used in the source: 'de heer', 'mevrouw', 'Mijnheer'."""
    function: str | None = None
    """Function or mandate, such as 'burgemeester' or 'algemeen directeur'."""
    offices: list[Text] = []
    """Offices held that matter for signing rules, such as 'voorzitter gemeenteraad'."""


class Affiliate(Base):
    """A member of an association or cluster, linked to its own party entry where it has one."""

    name: Text
    party: Id | None = None
    """Id of the member's party entry in this agreement."""


class Authority(Base):
    """On whose authority the representatives act ('vertegenwoordigd door haar gemeenteraad')."""

    body: Text
    """The body, as the source names it: 'haar gemeenteraad', 'de OCMW- en gemeenteraad'."""
    decision: Id | None = None
    """Id of the approval (under 'approvals') in execution of which they act."""
    text: str | None = None
    """The wording of the source, where it says more than the body."""


class Party(Base):
    id: Id
    """Identifier used for references from signatures, bodies, commitments and contact points."""
    name: Text
    """Official name, such as 'Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding'."""
    short_name: str | None = None
    """Short name, such as 'VDAB'."""
    kind: PartyKind
    """What kind of party this is."""
    designation: str | None = None
    """How the source introduces the party, such as 'het lokaal bestuur Kalmthout'."""
    enterprise_number: EnterpriseNumber | None = None
    nis_code: NisCode | None = None
    address: Address | None = None
    """Registered office (zetel)."""
    division: str | None = None
    """The part of the organisation that takes part, such as 'VDAB Antwerpen'."""
    members: list[Text | Affiliate] = []
    """Member municipalities, for a projectvereniging, cluster or other consortium: a name, or a name with
    the id of the member's own party entry (``{name: Gemeente Kalmthout, party: kalmthout}``)."""
    managing_party: Id | None = None
    """For an association: the id of the party that manages it ('beherende gemeente'), where it is a party."""
    legal_personality: bool | None = None
    """Whether the party is a legal person; an association without legal personality (a feitelijke
    vereniging, a cluster) is not, and signs through its members."""
    authority: Authority | None = None
    representatives: list[Person] = []
    """Who represents the party in this agreement ('vertegenwoordigd door ...')."""
    officials: list[Person] = []
    """Other office holders of the party that the source names, who do not represent it here."""
    role: str | None = None
    """The party's role in the agreement, such as 'regisseur van het lokale werkgelegenheidsbeleid'."""


# --- approvals --------------------------------------------------------------------------------------


class Attendee(Base):
    name: Text
    function: str | None = None


class LegalBasis(Base):
    competence: list[Text] = []
    """Provisions on which the body's competence rests."""
    grounds: list[Text] = []
    """Provisions on which the decision is taken."""


class Approval(Base):
    """A decision of a party's body that approved the agreement."""

    id: Id
    party: Id
    """Id of the party whose body decided."""
    body: Text
    """The deciding body, such as 'gemeenteraad'."""
    decision_number: str | None = None
    """Number of the decision, such as '2020_GRMW_00300'."""
    title: str | None = None
    date: Date | None = None
    """Date of the meeting that decided; where the source does not give it, say so in ``date_unknown``."""
    date_unknown: str | None = None
    """Why the date is not recorded, such as 'de bron vermeldt geen datum van de beslissing'."""
    meeting: str | None = None
    """Kind of meeting, such as 'openbare vergadering'."""
    outcome: Outcome | None = None
    present: list[Attendee] = []
    """Members present at the decision."""
    excused: list[Attendee] = []
    """Members excused ('verontschuldigd')."""
    absent: list[Attendee] = []
    """Members absent ('afwezig')."""
    responsible: list[Text] = []
    """Competent member(s) of the executive ('Bevoegd')."""
    involved: list[Text] = []
    """Other members involved ('Betrokken')."""
    legal_basis: LegalBasis | None = None
    motivation: str | None = None
    attachments: list[Text] = []
    articles: list[Section] = []
    """The articles of the decision."""

    @model_validator(mode="after")
    def _dated_or_said_why(self) -> Approval:
        if self.date is None and not self.date_unknown:
            raise field_error(
                "Approval", "date", None, "give the date of the decision, or say in 'date_unknown' why it is not known"
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
    """A quantified target, such as an employment rate of 80 %."""

    model_config = ConfigDict(json_schema_extra=_bounded_by_unit(TARGET_MAX))

    id: Id
    text: Text
    """The target as the source words it."""
    indicator: Text
    """What is measured, such as 'werkzaamheidsgraad'."""
    value: float = Field(ge=0, allow_inf_nan=False, json_schema_extra={"maximum": max(TARGET_MAX.values())})
    """The number, in the unit: at most 100 for '%', 100 000 000 for 'personen'."""
    unit: Literal["%", "personen"]
    scope: str | None = None
    """Where the target applies, such as 'Vlaanderen' or 'Gent'."""
    source: str | None = None
    """Where the target comes from, such as 'Vlaams Regeerakkoord 2019-2024'."""

    @model_validator(mode="after")
    def _value_fits_unit(self) -> Target:
        limit = TARGET_MAX[self.unit]
        if self.value > limit:
            shown = _shown(self.value)
            unit = "%" if self.unit == "%" else f" {self.unit}"
            raise field_error("Target", "value", self.value, f"{shown}{unit} is too large: at most {limit:,}{unit}")
        return self


class Ambition(Base):
    id: Id
    number: str | None = None
    title: Text


class Principle(Base):
    id: Id
    text: Text
    """The principle as worded in the source."""


class PrincipleGroup(Base):
    id: Id
    number: str | None = None
    title: str | None = None
    intro: str | None = None
    principles: list[Principle] = Field(min_length=1)


class Commitment(Base):
    """Something one or more parties commit to ('De partners engageren zich om ...')."""

    id: Id
    text: Text
    lead: Id | None = None
    """Id of the party that leads, where the source names one."""
    parties: list[Id] = []
    """Ids of the committed parties, where not all parties commit."""
    action_domain: Id | None = None
    """Id of the action domain this commitment belongs to, where it is listed outside that domain."""


class Action(Base):
    """A concrete action or line of work within an action domain."""

    id: Id
    title: Text
    text: str | None = None
    items: list[Text] = []
    lead: Id | None = None
    """Id of the party that leads, where the source names one."""


class ActionDomain(Base):
    id: Id
    number: str | None = None
    title: Text
    text: str | None = None
    actions: list[Action] = []
    commitments_intro: str | None = None
    """The sentence that opens the commitments, such as 'De partners engageren zich om:'."""
    commitments: list[Commitment] = []
    closing: str | None = None
    """Text after the actions, where the source has any."""


class Theme(Base):
    """A theme or policy priority, broken into action domains and commitments."""

    id: Id
    number: str | None = None
    title: Text
    ambition: Id | None = None
    """Id of the ambition this theme serves."""
    text: str | None = None
    commitments_intro: str | None = None
    commitments: list[Commitment] = []
    action_domains: list[ActionDomain] = []


class Themes(Base):
    title: str | None = None
    intro: str | None = None
    themes: list[Theme] = Field(min_length=1)
    closing: str | None = None
    """Text after the themes, such as how the action plan is evaluated."""


class Role(Base):
    party: Id
    title: str | None = None
    text: str | None = None
    responsibilities: list[Text] = []


class Roles(Base):
    intro: str | None = None
    roles: list[Role] = []
    closing: str | None = None


class Member(Base):
    """A member of a consultation body."""

    parties: list[Id] = []
    """Ids of the parties the member sits for; empty for an organisation that is not a party."""
    organisation: str | None = None
    """Organisation that is not a party, such as 'KINA'."""
    function: str | None = None
    name: str | None = None


class Convener(Base):
    party: Id | None = None
    organisation: str | None = None
    text: str | None = None


class Body(Base):
    """A consultation body: steering group, operational meeting, working group, ..."""

    id: Id
    kind: BodyKind
    name: Text
    """Name as in the source, such as 'Stuurgroep'."""
    text: str | None = None
    min_meetings_per_year: int | None = Field(default=None, ge=1, le=366)
    """Minimum number of meetings a year ('minstens 2 keer per jaar')."""
    convener: Convener | None = None
    """Who convenes the meetings ('nodigt uit')."""
    members: list[Member] = []
    tasks: list[Text] = []
    examples: list[Text] = []
    """Examples the source gives, such as the working groups it names."""


class Consultation(Base):
    title: str | None = None
    intro: str | None = None
    bodies: list[Body] = Field(min_length=1)


class Monitoring(Base):
    title: str | None = None
    text: str | None = None
    body: Id | None = None
    """Id of the body that monitors, such as a data working group."""
    dashboard: Id | None = None
    """Id of the annex that holds the dashboard."""


class ContactPoint(Base):
    party: Id
    function: Text
    name: str | None = None
    email: str | None = None


class ContactPoints(Base):
    title: str | None = None
    intro: str | None = None
    contacts: list[ContactPoint] = Field(min_length=1)


# At most a hundred years in any unit: longer is a typo, and a period added to a date of 2200 (the last year a
# date may have) stays far from the end of the calendar (9999), as does one taken off a date of 1900.
PERIOD_MAX: dict[str, int | float] = {"days": 36_500, "weeks": 5_200, "months": 1_200, "years": 100}


class Period(Base):
    model_config = ConfigDict(json_schema_extra=_bounded_by_unit(PERIOD_MAX))

    value: int = Field(ge=1, json_schema_extra={"maximum": max(PERIOD_MAX.values())})
    """How many units: at most 100 years (1200 months, 5200 weeks, 36500 days)."""
    unit: Literal["days", "weeks", "months", "years"]

    @model_validator(mode="after")
    def _at_most_a_century(self) -> Period:
        limit = PERIOD_MAX[self.unit]
        if self.value > limit:
            century = "" if self.unit == "years" else " (100 years)"
            message = f"{_shown(self.value, group=False)} {self.unit} is too long: at most {limit} {self.unit}{century}"
            raise field_error("Period", "value", self.value, message)
        return self


class Termination(Base):
    allowed: bool
    """Whether each party may terminate the agreement."""
    notice: Period | None = None
    """Notice period, where one is set."""
    text: str | None = None


class FollowUp(Base):
    """A deadline derived from the agreement, such as the first action plans."""

    id: Id
    text: Text
    after_signing: Period | None = None
    due: Date | None = None


class Renewal(Base):
    """How the agreement renews itself at its end, where the source says so."""

    tacit: bool = True
    """Renewed unless notice is given ('stilzwijgend verlengd')."""
    period: Period | None = None
    """By how much each time ('telkens met een jaar')."""
    text: str | None = None
    """As the source words it."""


class Duration(Base):
    start: Date | Literal["on-signing", "on-approval"] | None = None
    """Start: a date, 'on-signing' ('vanaf datum van ondertekening') or 'on-approval' (from the last approving
    decision)."""
    end: Date | None = None
    """Hard end date, inclusive ('tot en met'), such as 31-12-2025."""
    term: Period | None = None
    """A term given as a period ('voor een periode van vijf jaar'): with a known start, it ends the day before
    the same date that many units later; an explicit ``end`` wins."""
    renewal: Renewal | None = None
    basis: str | None = None
    """What the duration follows, such as 'de legislatuur'."""
    text: str | None = None
    termination: Termination | None = None
    disputes: str | None = None
    """How disputes are settled."""
    review: str | None = None
    """How the agreement is updated or renewed."""
    follow_ups: list[FollowUp] = []


class ActionPlan(Base):
    """An action plan or other part with a period of its own, inside the agreement's term."""

    id: Id
    title: Text
    start: Date | None = None
    end: Date | None = None
    """Inclusive, such as 31-12-2022 for a plan for 2020-2022."""
    text: str | None = None


class Obligation(Base):
    """A recurring obligation, such as the yearly evaluation of the action plan."""

    id: Id
    text: Text
    """As the source words it: 'Het actieplan wordt jaarlijks geëvalueerd op de stuurgroep.'"""
    every: Period
    """How often it recurs."""
    body: Id | None = None
    """Id of the body that carries it out, where the source names one."""


class Annex(Base):
    id: Id
    number: str | None = None
    title: Text
    file: RelativePath | None = None
    """Path of the annex, relative to the agreement file."""
    sha256: Sha256 | None = None


class Delegation(Base):
    text: Text
    """As in the source: 'Voor de voorzitter van de gemeenteraad/OCMW-raad bij delegatiebesluit van ...'."""
    date: Date | None = None


class Signatory(Base):
    person: Id
    """Id of a representative of the party of this block."""
    capacity: str | None = None
    """Capacity in which they sign, where it differs from their function."""
    delegation: Delegation | None = None


class SignatureBlock(Base):
    party: Id
    heading: str | None = None
    """As in the source: 'Voor het lokaal bestuur Kalmthout'."""
    signatories: list[Signatory] = []


class Signing(Base):
    place: str | None = None
    date: Date | None = None
    blocks: list[SignatureBlock] = []


class Source(Base):
    file: Text
    """File name of the source text."""
    description: str | None = None


class Agreement(Base):
    """A cooperation agreement (samenwerkingsovereenkomst) and everything in it."""

    id: Id
    title: Title
    subtitle: Title | None = None
    kind: AgreementKind
    language: Literal["nl"] = "nl"
    status: Status | None = None
    version: str | None = None
    edition: str | None = None
    """Which edition of the agreement this is, as the text says: 'derde versie'."""
    amends: Id | None = None
    """Id of the agreement this file changes (an addendum or an extension, 'verlenging'): it states only what
    it changes, in ``changes``, and ``samenwerk`` consolidates the two."""
    supersedes: list[Id] = []
    """Ids of earlier agreements this one replaces (a third version replacing the second)."""
    effective: Date | None = None
    """For an amendment: the day its changes take effect (by default its signing date, else its start)."""
    changes: dict[str, Any] | None = None
    """For an amendment: the parts of the amended agreement it changes, written as in an agreement file
    (for example ``duration: {end: 31-12-2026}``). A mapping replaces the keys it names; a list of entries
    with ids changes the entries it names by id and adds the others; ``null`` removes a key."""
    region: str | None = None
    sources: list[Source] = []
    """The source texts this file transcribes."""
    parties: list[Party] = Field(default=[], validate_default=True)
    """At least one, except in an amendment (``amends``), which names only what it changes."""
    approvals: list[Approval] = []
    preamble: list[Section] = []
    """Context before the agreement proper."""
    objective: Section | None = None
    """General objective (algemene doelstelling)."""
    ambitions: list[Ambition] = []
    targets: list[Target] = []
    policy_framework: list[Section] = []
    """Policy and governance framework the agreement sits in."""
    principles: list[PrincipleGroup] = []
    themes: Themes | None = None
    roles: Roles | None = None
    consultation: Consultation | None = None
    monitoring: Monitoring | None = None
    communication: list[Section] = []
    contact_points: ContactPoints | None = None
    duration: Duration | None = None
    obligations: list[Obligation] = []
    """Recurring obligations: evaluations, reports, reviews."""
    action_plans: list[ActionPlan] = []
    """Action plans and other parts with a period of their own (a plan for 2020-2022 in an agreement until 2025)."""
    annexes: list[Annex] = []
    signing: Signing | None = None
    notes: list[Text] = []
    """Notes of the transcriber, not part of the agreement."""

    @field_validator("parties")
    @classmethod
    def _some_parties(cls, parties: list[Party], info: ValidationInfo) -> list[Party]:
        # A field validator (not a model one), so that this is reported beside the file's other errors.
        if not parties and info.data.get("amends") is None:
            raise ValueError("an agreement names at least one party (unless it amends another)")
        return parties

    @model_validator(mode="after")
    def _changes_of_an_amendment(self) -> Agreement:
        if self.changes is not None and self.amends is None:
            raise field_error("Agreement", "changes", "…", "'changes' belongs to an amendment: say what it amends")
        return self
