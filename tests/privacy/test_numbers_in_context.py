"""Bank details, cards and national ids written the way parents type them (data/patterns.yml)."""

from __future__ import annotations

import pytest

from bot.privacy.patterns import luhn_ok
from bot.privacy.redactor import redact


@pytest.mark.parametrize(("text", "value"), [
    ("account no 31926819, sort 20 45 77", "20 45 77"),
    ("my checking acct # 004512398765 for the refund", "004512398765"),
    ("20-45-77 31926819 is where the grant goes", "20-45-77"),
    ("i wrote JK  44 21  90 B on the form, is that right", "JK  44 21  90 B"),
    ("please take 4111111111 111111 for the class", "4111111111 111111"),
    # a ZIP code closing a US street address, after a town written any way
    ("send it to 77 Waialae Ave honolulu hi 96816 pls", "96816"),
    ("we're at 9 Pine St, Hoboken 07030", "07030"),
    # driving licences and passports: the UK licence's own shape, others with what they are
    ("nursery took a copy of my licence MORGA753116SM9IJ", "MORGA753116SM9IJ"),
    ("my illinois DL is S530-4219-8873", "S530-4219-8873"),
    ("passport number 512345678 expires next year", "512345678"),
])
def test_numbers_typed_oddly_are_kept_out(text: str, value: str) -> None:
    assert value not in redact(text)


@pytest.mark.parametrize("text", [
    "ISBN 978-0-241-43612-8 is the book the health visitor lent me",
    "she's 4 months and weighs 14 lb 2 oz",
    "walked 3 miles down Elm St today and did 12000 steps",
    "my driving licence photo is 10 years old",
    # helplines and switchboards: 03, 0845 and Irish 1850 numbers are organisations' lines
    "the breastfeeding helpline is 0300 100 0212 and they were lovely",
    "Cry-sis told me to ring 08451 228 669 when it gets bad",
])
def test_dashed_reference_numbers_and_measurements_stay(text: str) -> None:
    assert redact(text) == text


def test_the_card_check_digit() -> None:
    assert luhn_ok("4111111111111111")
    assert not luhn_ok("4111111111111112")


def test_digits_glued_to_a_code_are_a_tracking_number_not_a_phone() -> None:
    text = "the courier says 1Z999AA10123456784 is out for delivery"
    assert redact(text) == text
    assert "07700" not in redact("tel07700900123 if the buggy arrives broken")
    assert "(from 07700" not in redact("text me (from 07700900123)")


@pytest.mark.parametrize(("text", "value"), [
    ("her MRN is 00831245, the clinic wants it on the form", "00831245"),
    ("hospital number RX7731240 for the scan", "RX7731240"),
    ("my temporary NI number was TN 14 03 92 F", "TN 14 03 92 F"),
    ("the account is 31926819 sort code 60-16-13", "31926819"),
    ("we're at D08 BK21 in the city", "D08 BK21"),
])
def test_hospital_numbers_temporary_ni_and_mistyped_eircodes_are_kept_out(
    text: str, value: str
) -> None:
    assert value not in redact(text)


@pytest.mark.parametrize("text", [
    "parcel JJD0002249911345678 still not here, it's the steriliser",
    "ticket number 4417-2290 for the cot repair",
    "Y10 sats are next week for my eldest",
])
def test_codes_tickets_and_school_years_stay(text: str) -> None:
    assert redact(text) == text


def test_an_iban_typed_in_lower_case_is_redacted() -> None:
    # A phone keyboard's lower case: the checksum still proves it is an account number.
    out = redact("ie70bofi90001712345678 is my iban for the payment")
    assert "90001712345678" not in out and "[BANK]" in out


# Numbers read out in words (fifth stop): the digits they spell decide what they are.
@pytest.mark.parametrize(("text", "value"), [
    ("my number's oh seven seven double oh, nine double oh, three one two",
     "oh seven seven double oh, nine double oh, three one two"),
    ("I read out six three five, four six one, nine nine seven two",
     "six three five, four six one, nine nine seven two"),
    ("card five five one six, eight seven three three, zero eight zero three, two three six two",
     "two three six two"),
    ("we're on bay 6, Clonmoyle Halting Site, Co. Cork", "Clonmoyle"),
])
def test_numbers_in_words_and_site_pitches_go(text: str, value: str) -> None:
    assert value not in redact(text)


@pytest.mark.parametrize("text", [
    "we sang one two three four five six seven eight nine ten at group",
    "she had two bottles, one at three and one at five",
    "call one one six one two three if you need to talk",
])
def test_counting_and_times_in_words_stay(text: str) -> None:
    assert redact(text) == text


def test_an_ssns_last_four_after_ending_goes() -> None:
    assert "6789" not in redact("the form only wants my ssn ending 6789")


@pytest.mark.parametrize(("text", "value"), [
    # named in the parent's own language, with words between the name and the number
    ("PESEL syna 23270812345 - do i need it for the GP?", "23270812345"),
    ("codice fiscale della bambina VRDLCU24M41F205X", "VRDLCU24M41F205X"),
    ("steuer-id vom kind: 12 345 678 901", "12 345 678 901"),
    ("the nursery wants her nhi, it's XYZ9876", "XYZ9876"),
    ("my share code is K4T 9PX 2WB for the right to work check", "K4T 9PX 2WB"),
    # shapes that belong to one country's id alone
    ("cnic 61101-7654321-3 and we're in leeds now", "61101-7654321-3"),
    ("brazilian cpf 987.654.321-00 for the form", "987.654.321-00"),
    ("CURP: LOPM240315MDFPRR08", "LOPM240315MDFPRR08"),
    # a family's numbers one after another; a long run of digits that is not a phone
    ("my bvn is 22334455667 and my wife's is 22998877665", "22998877665"),
    ("the id on her cert is 9001015800085", "9001015800085"),
    # an NHS number in pieces, and its last four
    ("her NHS number starts 401 023 and ends 2137 i think", "401 023"),
    ("her NHS number starts 401 023 and ends 2137 i think", "2137"),
    ("my nhs number is 401 023 and then 2137, and the gp can't find me", "2137"),
    ("nhs number ending 5521 is all i have", "5521"),
    ("the clinic wanted the last four of my social, it's 4418", "4418"),
])
def test_ids_of_every_country_and_in_pieces_go(text: str, value: str) -> None:
    assert value not in redact(text)


@pytest.mark.parametrize("text", [
    "the formula tin says batch 2025-118, is that the use-by?",
    "she's on 250ml bottles now and the pan is always on the hob",
    "I don't know her NHS number, where do I find it?",
    "the registration is at 10:30 on Tuesday",
    "tracking number 1Z999AA10123456784 for the steriliser",
])
def test_batch_numbers_measures_and_questions_about_ids_stay(text: str) -> None:
    assert redact(text) == text
