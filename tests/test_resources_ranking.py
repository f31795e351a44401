"""What a parent would notice about which services the bot suggests."""

from __future__ import annotations

from datetime import date

import pytest

from bot.names import USER_REGIONS
from bot.resources.directory import PATH_ENV_VAR, load_directory, region_matches
from bot.resources.model import CONCERNS, Contact, Resource
from bot.resources.phones import tel_href
from bot.resources.ranking import MAX_RESULTS, crisis_contacts, rank_resources

CRISIS_TYPES = ("self_harm", "harm_baby", "abuse", "medical_emergency")


@pytest.fixture(scope="module")
def resources() -> list[Resource]:
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(PATH_ENV_VAR, raising=False)
        return load_directory()


def _resource(resource_id: str, **overrides: object) -> Resource:
    fields: dict[str, object] = {
        "id": resource_id,
        "name": resource_id,
        "offers": "Helps.",
        "contact": Contact(url="https://example.org/"),
        "regions": ("uk",),
        "concerns": ("concern_low_mood",),
        "audience": ("any_parent",),
        "stages": ("pregnancy", "0-12m", "1-3y"),
        "urgency": "routine",
        "languages": ("en",),
        "source_url": "https://example.org/",
        "last_verified": date(2026, 11, 25),
    }
    fields.update(overrides)
    return Resource(**fields)  # type: ignore[arg-type]


def test_low_mood_in_scotland_gives_a_few_scottish_options_with_reasons(
    resources: list[Resource],
) -> None:
    ranked = rank_resources(resources, "concern_low_mood", "uk-sct")
    assert 2 <= len(ranked) <= 3
    for item in ranked:
        assert region_matches(item.resource.regions, "uk-sct")
        assert "concern_low_mood" in item.resource.concerns
        assert item.reason.endswith(".") and len(item.reason.split()) <= 25
    assert "uk-sct" in ranked[0].resource.regions
    scottish = [i for i, item in enumerate(ranked) if "uk-sct" in item.resource.regions]
    uk_wide = [i for i, item in enumerate(ranked) if "uk-sct" not in item.resource.regions]
    assert not uk_wide or max(scottish) < min(uk_wide)
    assert "Scotland" in ranked[0].reason


def test_region_specific_beats_uk_wide_beats_any() -> None:
    pool = [
        _resource("a-anywhere", regions=("any",)),
        _resource("b-uk", regions=("uk",)),
        _resource("c-scotland", regions=("uk-sct",)),
        _resource("d-wales", regions=("uk-wls",)),
    ]
    ranked = rank_resources(pool, "concern_low_mood", "uk-sct")
    assert [item.resource.id for item in ranked] == ["c-scotland", "b-uk", "a-anywhere"]


def test_ties_are_broken_by_id_so_results_are_stable() -> None:
    pool = [_resource(name) for name in ("zeta", "alpha", "mid")]
    first = rank_resources(pool, "concern_low_mood", "uk-eng", limit=3)
    assert [item.resource.id for item in first] == ["alpha", "mid", "zeta"]
    assert rank_resources(list(reversed(pool)), "concern_low_mood", "uk-eng", limit=3) == first


def _top(pool: list[Resource], **criteria: str) -> str:
    return rank_resources(pool, "concern_low_mood", "uk-eng", **criteria)[0].resource.id


def test_stage_audience_and_urgency_change_the_order() -> None:
    general = _resource("general")
    pregnancy = _resource("for-pregnancy", stages=("pregnancy",))
    assert _top([general, pregnancy], stage="pregnancy") == "for-pregnancy"
    dads = _resource("for-dads", audience=("dads_partners",))
    assert _top([general, dads], audience="dads_partners") == "for-dads"
    open_now = _resource(
        "open-now", urgency="same_day", contact=Contact(phones=("116 123",), hours="24/7")
    )
    assert _top([general, open_now], urgency="same_day") == "open-now"


def test_services_for_someone_else_are_left_out() -> None:
    pool = [_resource("general"), _resource("for-dads", audience=("dads_partners",))]
    mums = rank_resources(pool, "concern_low_mood", "uk-eng", audience="mums")
    assert [item.resource.id for item in mums] == ["general"]
    professionals_only = _resource("for-staff", audience=("professionals",))
    assert rank_resources([professionals_only], "concern_low_mood", "uk-eng") == []


def test_never_a_wall_of_resources(resources: list[Resource]) -> None:
    ranked = rank_resources(resources, "concern_overwhelm", "uk-eng", limit=10)
    assert len(ranked) == MAX_RESULTS
    assert len(rank_resources(resources, "concern_overwhelm", "uk-eng", limit=2)) == 2
    with pytest.raises(ValueError):
        rank_resources(resources, "concern_overwhelm", "uk-eng", limit=0)


def test_unknown_region_or_concern_is_refused(resources: list[Resource]) -> None:
    with pytest.raises(ValueError):
        rank_resources(resources, "concern_low_mood", "fr")
    with pytest.raises(ValueError):
        rank_resources(resources, "concern_teething", "uk-eng")


def test_info_intents_map_to_imh_information(resources: list[Resource]) -> None:
    ranked = rank_resources(resources, "info_attachment", "us")
    assert ranked and all("info" in item.resource.concerns for item in ranked)


def test_us_parents_never_get_uk_or_irish_numbers(resources: list[Resource]) -> None:
    suggestions = [item.resource for c in CONCERNS for item in rank_resources(resources, c, "us")]
    suggestions += [r for t in CRISIS_TYPES for r in crisis_contacts(resources, t, "us")]
    assert suggestions
    for resource in suggestions:
        assert not any(region.startswith("uk") or region == "ie" for region in resource.regions)
        for number in resource.contact.phones:
            href = tel_href(number, resource.regions)
            assert href.startswith("tel:+1") or href in ("tel:911", "tel:988"), (resource.id, href)


def test_baby_loss_only_suggests_bereavement_support(resources: list[Resource]) -> None:
    for region in USER_REGIONS:
        ranked = rank_resources(resources, "concern_baby_loss", region)
        assert ranked, region
        for item in ranked:
            assert "concern_baby_loss" in item.resource.concerns
            assert item.resource.concerns[0] not in ("crisis_harm_baby", "concern_overwhelm")


@pytest.mark.parametrize("region", USER_REGIONS)
@pytest.mark.parametrize("crisis_type", CRISIS_TYPES)
def test_crisis_contacts_put_the_emergency_number_first(
    resources: list[Resource], region: str, crisis_type: str
) -> None:
    contacts = crisis_contacts(resources, crisis_type, region)
    assert contacts[0].is_emergency
    assert region_matches(contacts[0].regions, region)
    # Beside the emergency number, a line to talk to for every crisis but a medical emergency
    # (in Ireland that is 112 alone).
    lines = contacts[1:]
    assert len(lines) <= 2
    assert lines or crisis_type == "medical_emergency", "no line to talk to for this crisis"
    assert not any(r.is_emergency for r in contacts[1:])
    assert all(region_matches(r.regions, region) for r in contacts)
    concern = "crisis_" + crisis_type
    assert all(concern in r.concerns for r in contacts)


@pytest.mark.parametrize("region", USER_REGIONS)
def test_self_harm_includes_a_line_open_all_night(resources: list[Resource], region: str) -> None:
    contacts = crisis_contacts(resources, "crisis_self_harm", region)
    assert any(r.contact.is_24_7 and r.contact.can_talk_now for r in contacts[1:])


def test_harm_to_baby_gives_a_crisis_line_and_a_crying_baby_line(resources: list[Resource]) -> None:
    contacts = crisis_contacts(resources, "harm_baby", "uk-eng")
    assert len(contacts) == 3
    assert contacts[1].contact.is_24_7
    assert "concern_overwhelm" in contacts[2].concerns


def test_medical_emergency_adds_the_non_emergency_medical_line(resources: list[Resource]) -> None:
    assert [r.id for r in crisis_contacts(resources, "medical_emergency", "uk-sct")][:2] == [
        "uk-emergency-999",
        "nhs-24-111",
    ]
    assert "poison-control" in [r.id for r in crisis_contacts(resources, "medical_emergency", "us")]
