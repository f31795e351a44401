"""Addresses with no house number are found from the postcode after them (addresses.py)."""

from __future__ import annotations

import pytest

from bot.privacy.redactor import redact


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Rose Cottage, Mill Lane, Great Bardfield, Essex CM7 4QX is on the letter",
         "[ADDRESS] [POSTCODE] is on the letter"),
        ("full address is Knocknagree, Rathmore, Co. Kerry P51 X2F3 but use the eircode",
         "full address is [ADDRESS] [POSTCODE] but use the eircode"),
        ("we're stopping at my in laws for the birth, The Old Rectory, Church Lane, Kent CT4 5AB",
         "we're stopping at my in laws for the birth, [ADDRESS] [POSTCODE]"),
        ("we live in 27 cluain ard, tuam, co galway h54 ak12 and theres nothing for new mams",
         "we live in [ADDRESS] [POSTCODE] and theres nothing for new mams"),
    ],
)
def test_the_lines_before_a_postcode_are_the_address(text: str, kept: str) -> None:
    assert redact(text) == kept


def test_an_address_stops_at_other_personal_data() -> None:
    redacted = redact("contact: Priya, priya.s@example.com, 29 Ffordd y Parc, Aberystwyth SY23 3AB")
    assert redacted == "contact: [NAME], [EMAIL], [ADDRESS] [POSTCODE]"


def test_a_message_without_a_postcode_keeps_its_places() -> None:
    text = "moved from Lagos to Leeds last year, the Church Road surgery is lovely"
    assert redact(text) == text



@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # no postcode: the county closes an Irish address, a house name leads into its street
        ("we rent out in Drumkeen, Ballinamore, Co. Leitrim and the bus is twice a day",
         "we rent out in [ADDRESS] and the bus is twice a day"),
        ("send the form to Ivy Cottage, Station Road, Bala - that's us",
         "send the form to [ADDRESS] - that's us"),
        # a number and "the" before a street word, said to be where someone lives
        ("we live at 14 the avenue now, the one by the school",
         "we live at [ADDRESS] now, the one by the school"),
        ("new place is 6 Heol Terr, Neath", "new place is [ADDRESS], Neath"),
    ],
)
def test_addresses_without_a_postcode_are_found_by_their_lines(text: str, kept: str) -> None:
    assert redact(text) == kept


@pytest.mark.parametrize("text", [
    "going 2 the park later if the rain holds off",
    "we spent a week in Kinsale, Co. Cork last summer with the baby",
    "Boots on the High Street had none left",
    "Route 66 road trip with a toddler, are we mad?",
])
def test_places_that_are_not_a_home_stay(text: str) -> None:
    assert redact(text) == text


def test_a_house_number_before_the_street_after_to_or_from() -> None:
    assert "14 the grove" not in redact("can you post the leaflet to 14 the grove, kinsale")


def test_an_irish_estate_address_in_lower_case_before_its_county() -> None:
    out = redact("11 the green, ratoath, co meath - thats us, beside the creche")
    assert "11 the green" not in out
