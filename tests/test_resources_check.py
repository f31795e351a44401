"""`bot resources check` catches the mistakes that would hurt a parent in crisis."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.resources.check import check_directory, main
from bot.resources.directory import load_directory, load_short_codes
from bot.resources.model import CONCERNS

TODAY = date(2026, 11, 25)


def _entry(resource_id: str, regions: list[str], urgency: str, **contact: Any) -> dict[str, Any]:
    return {
        "id": resource_id,
        "name": resource_id.replace("-", " ").title(),
        "offers": "Helps parents who are struggling.",
        "contact": contact,
        "regions": regions,
        "concerns": list(CONCERNS),
        "audience": ["any_parent"],
        "stages": ["pregnancy", "0-12m", "1-3y"],
        "urgency": urgency,
        "languages": ["en"],
        "source_url": f"https://example.org/{resource_id}",
        "last_verified": "2026-11-01",
    }


def _valid_directory() -> dict[str, Any]:
    """The smallest directory that passes: each country's emergency number and crisis line."""
    return {
        "short_codes": {"uk": ["999", "116 123"], "ie": ["112", "116 123"], "us": ["911", "988"]},
        "resources": [
            _entry("uk-emergency", ["uk"], "emergency", phone="999", hours="24/7"),
            _entry("ie-emergency", ["ie"], "emergency", phone="112", hours="24/7"),
            _entry("us-emergency", ["us"], "emergency", phone="911", hours="24/7"),
            _entry("listening-line", ["uk", "ie"], "same_day", phone="116 123", hours="24/7"),
            _entry("us-crisis-line", ["us"], "same_day", phone="988", hours="24/7"),
        ],
    }


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "directory.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _check(tmp_path: Path, data: dict[str, Any]):
    path = _write(tmp_path, data)
    return check_directory(load_directory(path), TODAY, load_short_codes(path))


def test_minimal_valid_directory_passes(tmp_path: Path) -> None:
    report = _check(tmp_path, _valid_directory())
    assert report.ok, report.render()
    assert report.warnings == []


def test_bad_phone_number_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _valid_directory()
    data["resources"].append(
        _entry(
            "made-up-helpline", ["uk-eng"], "routine", phone="0808 123", url="https://example.org/"
        )
    )
    path = _write(tmp_path, data)
    assert main(["--path", str(path), "--today", "2026-11-25"]) == 1
    out = capsys.readouterr().out
    assert "made-up-helpline" in out
    assert "0808 123" in out
    assert "Result: FAILED" in out


def test_number_from_the_wrong_country_is_an_error(tmp_path: Path) -> None:
    data = _valid_directory()
    data["resources"].append(_entry("uk-line-in-ireland", ["ie"], "routine", phone="0808 2000 247"))
    report = _check(tmp_path, data)
    assert any("uk-line-in-ireland" in error and "for ie" in error for error in report.errors)


def test_short_code_must_be_in_the_yaml_allow_list(tmp_path: Path) -> None:
    data = _valid_directory()
    data["resources"].append(_entry("text-line", ["uk"], "same_day", text="Text HELLO to 12345"))
    report = _check(tmp_path, data)
    assert any("text-line" in error and "12345" in error for error in report.errors)

    data["short_codes"]["uk"].append("12345")
    assert _check(tmp_path, data).ok


def test_region_without_emergency_entry_is_an_error(tmp_path: Path) -> None:
    data = _valid_directory()
    data["resources"][0]["regions"] = ["uk-eng", "uk-sct", "uk-wls"]
    report = _check(tmp_path, data)
    assert not report.ok
    assert any(error.startswith("uk-nir: no emergency") for error in report.errors)
    assert not any(error.startswith("uk-eng: no emergency") for error in report.errors)


def test_region_without_24_7_crisis_line_is_an_error(tmp_path: Path) -> None:
    data = _valid_directory()
    data["resources"][4]["contact"]["hours"] = "Mon–Fri 9am–5pm"
    report = _check(tmp_path, data)
    assert any(error.startswith("us: no 24/7 crisis line") for error in report.errors)


def test_region_missing_a_concern_is_an_error(tmp_path: Path) -> None:
    data = _valid_directory()
    for entry in data["resources"]:
        if "us" in entry["regions"]:
            entry["concerns"] = [c for c in CONCERNS if c != "concern_baby_loss"]
    report = _check(tmp_path, data)
    assert "us: no resource for concern_baby_loss" in report.errors


def test_stale_entry_is_a_warning_not_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _valid_directory()
    data["resources"][3]["last_verified"] = "2025-06-30"
    path = _write(tmp_path, data)
    assert main(["--path", str(path), "--today", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "Warnings (1)" in out
    assert "listening-line" in out
    assert "over 12 months" in out


def test_future_verification_date_is_an_error(tmp_path: Path) -> None:
    data = _valid_directory()
    data["resources"][3]["last_verified"] = "2027-01-01"
    report = _check(tmp_path, data)
    assert any("listening-line" in e and "future" in e for e in report.errors)


def test_unknown_concern_fails_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _valid_directory()
    data["resources"][3]["concerns"] = ["concern_teething"]
    path = _write(tmp_path, data)
    assert main(["--path", str(path), "--today", "2026-11-25"]) == 1
    out = capsys.readouterr().out
    assert "concern_teething" in out
    assert "listening-line" in out


def test_insecure_links_and_duplicate_ids_are_errors(tmp_path: Path) -> None:
    data = _valid_directory()
    data["resources"][3]["source_url"] = "http://example.org/listening-line"
    data["resources"].append(dict(data["resources"][4]))
    report = _check(tmp_path, data)
    assert any("source_url must be an https://" in e for e in report.errors)
    assert "id 'us-crisis-line' is used by 2 entries" in report.errors


def test_a_copy_of_the_directory_can_reword_what_is_said_around_a_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.resources.directory import DEFAULT_PATH, DirectoryError, load_wording
    from bot.resources.formatting import format_resources
    from bot.resources.ranking import rank_resources

    data = _valid_directory()
    shipped = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))["wording"]
    assert load_wording(_write(tmp_path, data)).places["uk-wls"] == "in Wales"  # the shipped words
    data["wording"] = shipped
    data["wording"]["places"]["uk"] = "ledled y DU"
    data["wording"]["reach"]["call"] = "ffoniwch {numbers}"
    monkeypatch.setenv("BOT_RESOURCES_PATH", str(_write(tmp_path, data)))
    ranked = rank_resources(load_directory(), concern="concern_low_mood", region="uk-wls")
    (line,) = format_resources(ranked[:1], "twilio", with_reason=True)
    assert "ffoniwch 116 123" in line and "helpline ledled y DU for parents" in line

    del data["wording"]["reasons"]["concerns"]["concern_bonding"]
    with pytest.raises(DirectoryError, match="concern_bonding"):
        load_directory(_write(tmp_path, data))
