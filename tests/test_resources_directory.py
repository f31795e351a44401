"""The shipped directory loads, passes its own check, and the loader guards the schema."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.names import USER_REGIONS
from bot.resources.check import check_directory, main
from bot.resources.directory import (
    DEFAULT_PATH,
    PATH_ENV_VAR,
    DirectoryError,
    load_directory,
    load_short_codes,
    region_matches,
)


@pytest.fixture(autouse=True)
def _no_path_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PATH_ENV_VAR, raising=False)


def test_shipped_directory_passes_the_check() -> None:
    resources = load_directory()
    report = check_directory(resources, date.today(), load_short_codes())
    assert report.ok, report.render()
    assert len(resources) >= 30


def test_cli_accepts_the_shipped_directory(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert "Result: OK" in capsys.readouterr().out


def test_every_user_region_has_emergency_and_24_7_crisis_line() -> None:
    resources = load_directory()
    for region in USER_REGIONS:
        local = [r for r in resources if region_matches(r.regions, region)]
        assert any(r.is_emergency for r in local), region
        assert any(r.is_24_7_crisis_line for r in local), region


def test_uk_and_ireland_emergency_entries_mention_112() -> None:
    resources = {r.id: r for r in load_directory()}
    for resource_id in ("uk-emergency-999", "ie-emergency-112"):
        resource = resources[resource_id]
        assert "112" in resource.contact.phones
        assert "112" in resource.offers


@pytest.mark.parametrize(
    ("resource_regions", "user_region", "expected"),
    [
        (("uk",), "uk-sct", True),
        (("uk",), "uk-nir", True),
        (("uk-eng",), "uk-sct", False),
        (("any",), "us", True),
        (("uk", "ie"), "ie", True),
        (("uk",), "ie", False),
        (("uk",), "us", False),
        (("us",), "us", True),
    ],
)
def test_region_matches(
    resource_regions: tuple[str, ...], user_region: str, expected: bool
) -> None:
    assert region_matches(resource_regions, user_region) is expected


def test_env_var_points_the_loader_at_another_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["resources"] = [r for r in data["resources"] if r["id"] == "samaritans"]
    other = tmp_path / "other.yml"
    other.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv(PATH_ENV_VAR, str(other))
    assert [r.id for r in load_directory()] == ["samaritans"]


def test_edits_are_picked_up_without_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "directory.yml"
    shutil.copy(DEFAULT_PATH, path)
    before = load_directory(path)
    assert load_directory(path) == before  # cached read gives the same answer

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["resources"][0]["name"] = "Renamed by staff"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_directory(path)[0].name == "Renamed by staff"


def test_schema_problems_are_all_reported_with_the_entry_id(tmp_path: Path) -> None:
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["resources"][0]["concerns"] = ["concern_sleep"]
    data["resources"][1]["urgency"] = "whenever"
    del data["resources"][2]["source_url"]
    path = tmp_path / "broken.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DirectoryError) as caught:
        load_directory(path)
    message = str(caught.value)
    assert "concern_sleep" in message
    assert "whenever" in message
    assert "source_url" in message
    assert len(caught.value.problems) == 3
    assert data["resources"][0]["id"] in message


def test_unquoted_phone_number_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["resources"][0]["contact"]["phone"] = 999
    path = tmp_path / "unquoted.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DirectoryError, match="quoted"):
        load_directory(path)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DirectoryError, match="cannot read"):
        load_directory(tmp_path / "nope.yml")
