"""A certificate names the field's signatory: as words, without accents and case, eID given names allowed."""

from __future__ import annotations

import pytest

from samenwerk.signatures.names import common_name, matches


@pytest.mark.parametrize(
    ("signatory", "common", "given", "surname"),
    [
        ("An Peeters", "An Peeters (Signature)", "An Mieke", "Peeters"),
        ("An Peeters", "Peeters An", None, None),  # the same words in another order
        ("Josée Van den Bossche", "Josee Van Den Bossche (Signature)", None, None),  # accents and case
        ("Jean-Marie Van den Bossche", None, "Jean-Marie Paul", "Van den Bossche"),
        ("de heer Wim Adriaens", "Wim Adriaens (Signature)", "Wim", "Adriaens"),
        ("Mevrouw An Peeters", None, "An", "Peeters"),
        ("Bram Van Braeckevelt", "Bram VAN BRAECKEVELT (Signature)", "Bram", "Van Braeckevelt"),
    ],
)
def test_the_same_person(signatory: str, common: str | None, given: str | None, surname: str | None) -> None:
    assert matches(signatory, common, given, surname)


@pytest.mark.parametrize(
    ("signatory", "common", "given", "surname"),
    [
        ("An Peeters", "Rob Mennes (Signature)", "Rob", "Mennes"),
        ("An Peeters", "Anna Peeters (Signature)", "Anna", "Peeters"),  # no guessing at short forms
        ("An Peeters", "A. Peeters (Signature)", "A.", "Peeters"),  # nor at initials
        ("An Peeters", "Peeters (Signature)", None, "Peeters"),  # a surname alone names nobody in particular
        ("De Smet", "Jan De Smet (Signature)", "Jan", "De Smet"),  # 'De' is part of a name, not a salutation
        ("", "An Peeters (Signature)", "An", "Peeters"),
        ("An Peeters", None, None, None),
    ],
)
def test_another_person(signatory: str, common: str | None, given: str | None, surname: str | None) -> None:
    assert not matches(signatory, common, given, surname)


def test_common_name_without_its_note() -> None:
    assert common_name("An Peeters (Signature)") == "An Peeters"
    assert common_name("An Peeters (Authentication)") == "An Peeters"
    assert common_name("An (Peeters)") == "An"
    assert common_name("VDAB") == "VDAB"
