"""Redaction on the helper-written development corpora (tests/privacy/dev_*.yml).

Two helpers who never saw the redactor wrote them: 220 messages full of personal data of every
kind and origin with 250 clean ones (dev_pii_corpus.yml), and 250 clean messages written to
trip a redactor up: helplines, places, brands, TV characters, words that are also names
(dev_clean_hard.yml). A third wrote a second round (dev_pii_round2.yml: 260 messages heavy on
addresses without house numbers, bare ZIP codes and names of every origin, with 200 clean ones
full of brands, characters and hospitals). Unlike the blind corpus they *were* tuned on, so their
figures are an upper bound. The first holds the issue's targets (95% of each kind, every card,
bank and national id, at most 2% of clean messages changed); the hard set is held at 2%, and the
second round at its measured figures (names 0.942, the rest 0.95). A fourth wrote a names round
(dev_names_round3.yml: 180 messages, many with no word before the name, and 120 clean ones), held
at its measured 0.848. A fifth wrote a numbers round (dev_pii_round4.yml: cards, bank details,
national ids, US addresses and ZIP codes, phones; 80 clean messages full of numbers): every kind
at 0.93 or more, clean changes at most 4% (3/80: two appointment dates, which go as every
complete date does, and a parcel's tracking number). A sixth wrote round five
(dev_pii_round5.yml: 343 messages, names of every origin in every position, addresses, numbers;
150 clean), scored before any change and then tuned on: held at names 0.91, bank details 0.86,
cards 0.94, national ids 0.96, the rest 0.95, clean changes at most 4% (6/150). A seventh wrote
250 clean messages dense with towns, shops, products, shows and services (dev_clean_round6.yml):
held at 3% changed (3/250 today; 12 before the 2026-12-06 work on names), so a rule for names no
list holds cannot creep into places. An eighth wrote round eight (dev_pii_round8.yml: 300 messages
heavy on lower-case names after kinship words, names that are also words, sign-offs, titles and
addresses with no number or postcode; 120 clean): scored before any change (names 0.937,
addresses 0.927, 5/120 clean changed), then tuned on: held at names 0.97, the rest 0.95, clean
changes at most 2%. A ninth wrote round nine (dev_pii_round9.yml: 220 messages heavy on
national ids, hospital numbers, phones, bank details, cards, Irish and US addresses and postcodes;
110 clean ones full of numbers that are not personal: weights, doses, tracking and ticket numbers,
helplines): scored before any change (names 0.953, addresses 0.986, bank details 0.968, national
ids 0.967, postcodes 0.988, 3/110 clean changed), then tuned on (every kind 1.0, 0/110): held at
the issue's targets, every card, bank detail and id, the rest 0.95 (names 0.97). A tenth wrote a
names round (dev_pii_round10.yml: 260 messages, names in every position, lower case, names that
are also words or places, every origin; 140 clean ones dense with brands, places, shows and words
that look like names): scored first (names 0.893, 1/140 clean changed), then tuned on (0.959,
0/140): held at the issue's 0.95 and 2%. An eleventh wrote round eleven (dev_pii_round11.yml: 260
messages heavy on addresses of the three countries, with house names, flats and ZIP+4, national ids
of many countries and formats, names of every origin; 150 clean ones with numbers, brands, places
and words that are also names): scored first (names 0.954, addresses 0.967, national ids 0.986,
postcodes 0.988, 5/150 clean changed), then tuned on: held at the issue's targets. A twelfth wrote
a names round (dev_pii_round12.yml: 220 messages with 256 names of every origin in every position,
nicknames, initials, names that are words or places; 120 clean ones full of brands, characters,
shops, hospitals and words that are names): scored first (names 0.906, 4/120 clean changed), then
tuned on (0.934, 2/120): held at 0.93 and 2%. A thirteenth wrote round thirteen
(dev_pii_round13.yml: 260 messages, names of every origin in every position, UK, Irish and US
addresses written formally and casually, every other kind; 160 clean ones): scored first (names
0.948, addresses 0.987, bank 0.889 (an IBAN typed in lower case), 5/160 clean changed), then tuned
on (names 0.972, addresses 0.987, every other kind 1.0, 3/160): held at the issue's targets. A
fourteenth wrote round fourteen (dev_pii_round14.yml: 240 messages heavy on UK, Irish and US
addresses of every form and on names in hard positions; 140 clean ones with places, numbers and
words that look like addresses or names): scored first (names 0.920, addresses 0.993, 1/140 clean
changed), then tuned on (names 0.982, addresses 1.0, 0/140): held at the issue's targets. A
fifteenth wrote round fifteen (dev_pii_round15.yml: 260 messages, 175 names of every origin in hard
positions, 51 national ids in every format, the other kinds mixed; 140 clean ones with helplines,
dates, doses, brands, places and words that are names): scored first (names 0.943, every other kind
1.0, 4/140 clean changed), then tuned on (names 0.977, 1/140): held at the issue's targets. A
sixteenth wrote round sixteen (dev_pii_round16.yml: 260 messages, 271 names of every origin in
lower case, greetings, sign-offs, brackets and with particles, 52 national ids; 140 clean ones):
scored first (names 0.930, every other kind 1.0, 2/140 clean changed), then tuned on (names
0.952, 1/140, a due date): held at the issue's targets. A seventeenth wrote round seventeen
(dev_pii_round17.yml: 240 messages, 279 names in every position, 53 national and insurance ids,
forms pasted in; 120 clean ones): scored first (names 0.932, national ids 0.981, 3/120 clean
changed), then tuned on (names 0.964, ids 1.0, 2/120): held at the issue's targets. An
eighteenth wrote round eighteen (dev_pii_round18.yml: 270 messages, 272 names of every origin in
hard positions (after "for", "to" and "with", before a phone number or an email, lone initials
signing off, families as "the Kowalczyks"), 61 national and health ids; 130 clean ones): scored
first (names 0.901, addresses 0.950, national ids 0.984, 2/130 clean changed), then tuned on
(names 0.956, ids 1.0, 1/130): held at the issue's targets (addresses just at 0.95: a rural
townland and a bare "no. 14" are missed). A nineteenth wrote round nineteen (dev_pii_round19.yml:
300 messages, 201 names, many of them words ("summer", "sky", "bill", "Precious") in lower case as
a child's subject or after a kinship word, 49 national and health ids, US, UK and Irish addresses;
120 clean ones): scored first (names 0.871, phones 0.975, every other kind 1.0, 3/120 clean
changed), then tuned on (names 0.945, 1/120): held at names 0.94 and phones 0.97 (a number typed
"07700 ... 900 ... 561"), every other kind at the issue's targets. A twentieth wrote a names round
(dev_pii_round20.yml: 200 messages with 279 names in long rambling messages, as objects, in
reported speech, nicknames, every origin; 60 clean ones with characters, authors and brands):
scored first (names 0.918, 2/60 clean changed), then tuned on (0.943, 1/60): held at 0.94. A
twenty-first wrote round twenty-one (dev_pii_round21.yml: 301 messages, 170 national, health,
tax and benefit ids in every form (split over lines, "last 4 of my ssn which is", "unique
taxpayer ref", a DWP reference number), 136 names (surnames alone, families as "the Mahmouds",
"Soo-ah's", nicknames, sign-offs with an aside in brackets); 64 clean ones): scored first (names
0.926, national ids 0.959, 0/64 clean changed), then tuned on (names 0.985, ids 0.988, 0/64): held
at names 0.97 and ids 0.98 (an NHS number read out in pieces around words is missed). A
twenty-second wrote round twenty-two (dev_pii_round22.yml, fifth stop: 300 messages, 222 names of
every origin in hard places (initials as a child's name, "uncle bill", "Gogo Nyasha", surnames
typed in capitals, "our Simran's"), ids, cards and phones read out in words; 100 clean ones):
scored first (names 0.887, ids 0.945, cards 0.909, phones 0.958, 1/100 clean changed), then tuned
on (names 0.964, ids 0.964, cards, phones and addresses 1.0, 1/100): held at names 0.95 and ids
0.96 (an NHS number given in two halves around words is still missed). A twenty-third wrote
round twenty-three (dev_pii_round23.yml, fifth stop: 260 messages, 429 names of some forty
origins in pasted forms, long messages, lists of children with ages and weights, nicknames
"to everyone" or in brackets, titles such as Khun and Dna.; 60 addresses; 80 clean ones):
scored first (names 0.890, addresses 0.950, dates of birth 0.889, postcodes 0.983, 2/80 clean
changed), then tuned on (names 0.972, dates of birth 0.944, postcodes 1.0, 0/80): held at names
0.96 and dates of birth 0.94. A twenty-fourth wrote round twenty-four (dev_pii_round24.yml, sixth
stop: 200 messages, 230 identity, health, tax, benefit and immigration numbers of some sixty
countries, in their own languages' order ("PESEL dziecka ...", "CURP del bebé ..."), several
to a message, NHS numbers in pieces; 80 clean ones with batch, ward and helpline numbers):
scored first (national ids 0.822, 1/80 clean changed), then tuned on (ids 0.987, 0/80): held
at ids 0.98 (an NHS number in two halves with no word saying it is one is still missed).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.quality.redaction_report import Report, score

CORPUS = Path(__file__).with_name("dev_pii_corpus.yml")
HARD_CLEAN = Path(__file__).with_name("dev_clean_hard.yml")
ROUND_TWO = Path(__file__).with_name("dev_pii_round2.yml")
MAX_HARD_ALTERED = 0.02
ROUND_TWO_NAME_FLOOR = 0.94
NAMES_ROUND = Path(__file__).with_name("dev_names_round3.yml")
NAMES_ROUND_FLOOR = 0.84
NUMBERS_ROUND = Path(__file__).with_name("dev_pii_round4.yml")
NUMBERS_ROUND_FLOOR = 0.93
NUMBERS_ROUND_MAX_ALTERED = 0.04
ROUND_FIVE = Path(__file__).with_name("dev_pii_round5.yml")
ROUND_FIVE_FLOORS = {"NAME": 0.91, "BANK": 0.86, "CARD": 0.94, "NATIONAL_ID": 0.96}
ROUND_FIVE_MAX_ALTERED = 0.04
PLACES_AND_BRANDS = Path(__file__).with_name("dev_clean_round6.yml")
PLACES_AND_BRANDS_MAX_ALTERED = 0.03
ROUND_EIGHT = Path(__file__).with_name("dev_pii_round8.yml")
ROUND_EIGHT_FLOORS = {"NAME": 0.97}
ROUND_NINE = Path(__file__).with_name("dev_pii_round9.yml")
ROUND_TEN = Path(__file__).with_name("dev_pii_round10.yml")
ROUND_ELEVEN = Path(__file__).with_name("dev_pii_round11.yml")
ROUND_TWELVE = Path(__file__).with_name("dev_pii_round12.yml")
ROUND_TWELVE_FLOOR = 0.93
ROUND_THIRTEEN = Path(__file__).with_name("dev_pii_round13.yml")
ROUND_FOURTEEN = Path(__file__).with_name("dev_pii_round14.yml")
ROUND_FIFTEEN = Path(__file__).with_name("dev_pii_round15.yml")
ROUND_SIXTEEN = Path(__file__).with_name("dev_pii_round16.yml")
ROUND_SEVENTEEN = Path(__file__).with_name("dev_pii_round17.yml")
ROUND_EIGHTEEN = Path(__file__).with_name("dev_pii_round18.yml")
ROUND_NINETEEN = Path(__file__).with_name("dev_pii_round19.yml")
ALL_OF = ("CARD", "BANK", "NATIONAL_ID")
ROUND_NINETEEN_FLOORS = {"NAME": 0.94, "PHONE": 0.97, **dict.fromkeys(ALL_OF, 1.0)}
ROUND_TWENTY = Path(__file__).with_name("dev_pii_round20.yml")
ROUND_TWENTY_ONE = Path(__file__).with_name("dev_pii_round21.yml")
ROUND_TWENTY_ONE_FLOORS = {"NAME": 0.97, "NATIONAL_ID": 0.98}
ROUND_TWENTY_TWO = Path(__file__).with_name("dev_pii_round22.yml")
ROUND_TWENTY_TWO_FLOORS = {"NAME": 0.95, "NATIONAL_ID": 0.96}
ROUND_TWENTY_THREE = Path(__file__).with_name("dev_pii_round23.yml")
ROUND_TWENTY_THREE_FLOORS = {"NAME": 0.96, "DOB": 0.94}
ROUND_TWENTY_FOUR = Path(__file__).with_name("dev_pii_round24.yml")
ROUND_TWENTY_FOUR_FLOORS = {"NATIONAL_ID": 0.98}
MIN_RATE = 0.95
MAX_CLEAN_ALTERED = 0.02


@pytest.fixture(scope="module")
def report() -> Report:
    return score([CORPUS])


def test_every_kind_reaches_the_target(report: Report) -> None:
    low = {kind: round(report.rate(kind), 3) for kind in report.totals
           if report.rate(kind) < (1.0 if kind in ALL_OF else MIN_RATE)}
    assert not low, f"below target: {low}\n" + "\n".join(report.missed)


def test_clean_messages_stay_as_written(report: Report) -> None:
    assert report.clean_total >= 250
    altered = "\n".join(f"{a!r} -> {b!r}" for a, b in report.altered)
    assert len(report.altered) / report.clean_total <= MAX_CLEAN_ALTERED, altered


def test_hard_clean_messages_mostly_stay_as_written() -> None:
    hard = score([HARD_CLEAN])
    assert hard.clean_total == 250
    altered = "\n".join(f"{a!r} -> {b!r}" for a, b in hard.altered)
    assert len(hard.altered) / hard.clean_total <= MAX_HARD_ALTERED, altered


def assert_holds(report: Report, floors: dict[str, float], default: float,
                 max_altered: float) -> None:
    """Every kind at its floor (or the default), and clean messages changed at most so often."""
    low = {kind: round(report.rate(kind), 3) for kind in report.totals
           if report.rate(kind) < floors.get(kind, default)}
    assert not low, f"below the floor: {low}\n" + "\n".join(report.missed)
    altered = "\n".join(f"{a!r} -> {b!r}" for a, b in report.altered)
    assert len(report.altered) / report.clean_total <= max_altered, altered


def test_the_second_round_holds_its_figures() -> None:
    assert_holds(score([ROUND_TWO]), {"NAME": ROUND_TWO_NAME_FLOOR}, MIN_RATE, MAX_CLEAN_ALTERED)


def test_the_names_round_holds_its_figure() -> None:
    assert_holds(score([NAMES_ROUND]), {}, NAMES_ROUND_FLOOR, MAX_CLEAN_ALTERED)


def test_the_numbers_round_holds_its_figures() -> None:
    assert_holds(score([NUMBERS_ROUND]), {}, NUMBERS_ROUND_FLOOR, NUMBERS_ROUND_MAX_ALTERED)


def test_round_five_holds_its_figures() -> None:
    assert_holds(score([ROUND_FIVE]), ROUND_FIVE_FLOORS, MIN_RATE, ROUND_FIVE_MAX_ALTERED)


def test_places_shops_and_products_are_left_alone() -> None:
    places = score([PLACES_AND_BRANDS])
    assert places.clean_total == 250
    altered = "\n".join(f"{a!r} -> {b!r}" for a, b in places.altered)
    assert len(places.altered) / places.clean_total <= PLACES_AND_BRANDS_MAX_ALTERED, altered


def test_round_eight_holds_its_figures() -> None:
    assert_holds(score([ROUND_EIGHT]), ROUND_EIGHT_FLOORS, MIN_RATE, MAX_CLEAN_ALTERED)


def test_round_nine_holds_the_targets() -> None:
    floors = {"NAME": 0.97, **dict.fromkeys(ALL_OF, 1.0)}
    assert_holds(score([ROUND_NINE]), floors, MIN_RATE, MAX_CLEAN_ALTERED)


def test_the_names_round_ten_holds_the_target() -> None:
    assert_holds(score([ROUND_TEN]), {}, MIN_RATE, MAX_CLEAN_ALTERED)


def test_round_eleven_holds_the_targets() -> None:
    assert_holds(score([ROUND_ELEVEN]), dict.fromkeys(ALL_OF, 1.0), MIN_RATE, MAX_CLEAN_ALTERED)


def test_the_names_round_twelve_holds_its_figure() -> None:
    assert_holds(score([ROUND_TWELVE]), {}, ROUND_TWELVE_FLOOR, MAX_CLEAN_ALTERED)


@pytest.mark.parametrize(
    "path",
    [ROUND_THIRTEEN, ROUND_FOURTEEN, ROUND_FIFTEEN, ROUND_SIXTEEN, ROUND_SEVENTEEN, ROUND_EIGHTEEN],
    ids=["13", "14", "15", "16", "17", "18"])
def test_rounds_thirteen_to_eighteen_hold_the_targets(path: Path) -> None:
    assert_holds(score([path]), dict.fromkeys(ALL_OF, 1.0), MIN_RATE, MAX_CLEAN_ALTERED)


def test_round_nineteen_holds_its_figures() -> None:
    assert_holds(score([ROUND_NINETEEN]), ROUND_NINETEEN_FLOORS, MIN_RATE, MAX_CLEAN_ALTERED)


def test_the_names_round_twenty_holds_its_figure() -> None:
    assert_holds(score([ROUND_TWENTY]), {"NAME": 0.94}, MIN_RATE, MAX_CLEAN_ALTERED)


def test_round_twenty_one_holds_its_figures() -> None:
    assert_holds(score([ROUND_TWENTY_ONE]), ROUND_TWENTY_ONE_FLOORS, MIN_RATE, MAX_CLEAN_ALTERED)


def test_round_twenty_two_holds_its_figures() -> None:
    assert_holds(score([ROUND_TWENTY_TWO]), ROUND_TWENTY_TWO_FLOORS, MIN_RATE, MAX_CLEAN_ALTERED)


def test_round_twenty_three_holds_its_figures() -> None:
    assert_holds(score([ROUND_TWENTY_THREE]), ROUND_TWENTY_THREE_FLOORS, MIN_RATE,
                 MAX_CLEAN_ALTERED)


def test_round_twenty_four_holds_its_figures() -> None:
    assert_holds(score([ROUND_TWENTY_FOUR]), ROUND_TWENTY_FOUR_FLOORS, MIN_RATE, MAX_CLEAN_ALTERED)
