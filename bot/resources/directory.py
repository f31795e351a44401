"""Load the staff-maintained directory YAML into validated Resource records.

Validation happens here, once, so ranking and formatting can trust every
field; the result is cached by file and modification time so the action
server can call load_directory() on every request.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bot.names import ANY_REGION, REGIONS, UK_WIDE, uk_nation

from .model import (
    AUDIENCES,
    CONCERNS,
    REACH_PARTS,
    SERVICE_KINDS,
    STAGES,
    URGENCIES,
    Contact,
    Resource,
    Wording,
)
from .phones import digits

DEFAULT_PATH = Path(__file__).with_name("directory.yml")
PATH_ENV_VAR = "BOT_RESOURCES_PATH"

_TOP_LEVEL_KEYS = {"short_codes", "regions", "wording", "resources"}
# Each part of `wording`, and the keys it must give words for.
_WORDING_TABLES = {
    "places": REGIONS,
    "kinds": SERVICE_KINDS,
    "people": AUDIENCES,
    "concerns": CONCERNS,
    "reach": REACH_PARTS,
}
_CONTACT_KEYS = {"phone", "text", "webchat", "url", "hours", "cost"}
_REQUIRED_KEYS = (
    "id",
    "name",
    "offers",
    "contact",
    "regions",
    "concerns",
    "audience",
    "stages",
    "urgency",
    "languages",
    "source_url",
    "last_verified",
)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")


class DirectoryError(ValueError):
    """The directory file is missing, unreadable or breaks the schema."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        listed = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"{path}: {len(problems)} problem(s) in the resource directory:\n{listed}")


@dataclass(frozen=True)
class _Loaded:
    resources: tuple[Resource, ...]
    short_codes: Mapping[str, frozenset[str]]
    wording: Wording | None  # None: the file leaves it to the shipped directory's


_cache: dict[Path, tuple[tuple[int, int], _Loaded]] = {}


def resolve_path(path: Path | str | None = None) -> Path:
    """The file to read: the argument, else $BOT_RESOURCES_PATH, else the shipped YAML."""
    if path is None:
        path = os.environ.get(PATH_ENV_VAR) or DEFAULT_PATH
    return Path(path).expanduser().resolve()


def load_directory(path: Path | str | None = None) -> list[Resource]:
    """Every resource in the directory, validated; raises DirectoryError on schema problems."""
    return list(_load(resolve_path(path)).resources)


def load_wording(path: Path | str | None = None) -> Wording:
    """The directory's words around a service, or the shipped directory's if it has none."""
    wording = _load(resolve_path(path)).wording or _load(DEFAULT_PATH.resolve()).wording
    if wording is None:
        raise DirectoryError(DEFAULT_PATH, ["the shipped directory has no 'wording'"])
    return wording


def load_short_codes(path: Path | str | None = None) -> dict[str, frozenset[str]]:
    """The YAML's allow-list of short codes per region, as digit strings."""
    return dict(_load(resolve_path(path)).short_codes)


def region_matches(resource_regions: tuple[str, ...] | list[str], user_region: str) -> bool:
    """True when a resource listed for resource_regions serves someone in user_region."""
    if ANY_REGION in resource_regions or user_region in resource_regions:
        return True
    return uk_nation(user_region) and UK_WIDE in resource_regions


def _load(path: Path) -> _Loaded:
    try:
        stat = path.stat()
    except OSError as exc:
        raise DirectoryError(path, [f"cannot read the file: {exc.strerror or exc}"]) from exc
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DirectoryError(path, [f"not readable YAML: {exc}"]) from exc
    loaded = _parse(path, raw)
    _cache[path] = (stamp, loaded)
    return loaded


def _parse(path: Path, raw: Any) -> _Loaded:
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise DirectoryError(path, ["the file must map 'short_codes' and 'resources'"])
    for key in sorted(set(raw) - _TOP_LEVEL_KEYS):
        problems.append(f"unknown top-level key {key!r}")
    short_codes = _parse_short_codes(raw.get("short_codes"), problems)
    if "regions" in raw and set(raw["regions"] or ()) != set(REGIONS):
        problems.append(f"'regions' must be the assistant's regions: {', '.join(REGIONS)}")
    wording = _parse_wording(raw["wording"], problems) if "wording" in raw else None
    entries = raw.get("resources")
    resources: list[Resource] = []
    if not isinstance(entries, list) or not entries:
        problems.append("'resources' must be a non-empty list")
        entries = []
    for index, entry in enumerate(entries):
        resource = _parse_resource(entry, index, problems)
        if resource is not None:
            resources.append(resource)
    if problems:
        raise DirectoryError(path, problems)
    return _Loaded(tuple(resources), short_codes, wording)


def _parse_wording(raw: Any, problems: list[str]) -> Wording | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("reasons"), dict):
        problems.append("'wording' must map 'places', 'reasons' and 'reach'")
        return None
    reasons = raw["reasons"]
    tables = {"places": raw.get("places"), "reach": raw.get("reach"), **{
        key: reasons.get(key) for key in ("kinds", "people", "concerns")}}
    parsed: dict[str, dict[str, str]] = {}
    for key, needed in _WORDING_TABLES.items():
        table = tables[key]
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            problems.append(f"wording: {key!r} must map names to quoted text")
            continue
        missing = [name for name in needed if name not in table]
        unknown = sorted(set(table) - set(needed))
        if missing or unknown:
            problems.append(
                f"wording.{key}: missing {missing or 'none'}, unknown {unknown or 'none'}"
            )
        parsed[key] = {str(name): text for name, text in table.items()}
    single = {key: reasons.get(key) for key in ("free", "always_open")}
    for key, value in single.items():
        if not isinstance(value, str) or not value.strip():
            problems.append(f"wording.reasons.{key} must be non-empty text")
    if len(parsed) < len(_WORDING_TABLES) or not all(isinstance(v, str) for v in single.values()):
        return None
    return Wording(free=str(single["free"]), always_open=str(single["always_open"]), **parsed)


def _parse_short_codes(raw: Any, problems: list[str]) -> dict[str, frozenset[str]]:
    if not isinstance(raw, dict):
        problems.append("'short_codes' must map regions to lists of short codes")
        return {}
    codes: dict[str, frozenset[str]] = {}
    for region, values in raw.items():
        if region not in REGIONS:
            problems.append(f"short_codes: unknown region {region!r}")
            continue
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            problems.append(f"short_codes.{region}: must be a list of quoted strings")
            continue
        codes[region] = frozenset(digits(value) for value in values)
    return codes


def _parse_resource(entry: Any, index: int, problems: list[str]) -> Resource | None:
    where = f"resources[{index}]"
    if not isinstance(entry, dict):
        problems.append(f"{where}: must be a mapping")
        return None
    if isinstance(entry.get("id"), str):
        where = f"{where} ({entry['id']})"
    before = len(problems)
    for key in _REQUIRED_KEYS:
        if key not in entry:
            problems.append(f"{where}: missing required field {key!r}")
    for key in sorted(set(entry) - set(_REQUIRED_KEYS)):
        problems.append(f"{where}: unknown field {key!r}")
    if len(problems) > before:
        return None

    resource_id = _text(entry, "id", where, problems)
    if resource_id and not _SLUG.match(resource_id):
        problems.append(f"{where}: id {resource_id!r} must be a lowercase slug like 'sands-uk'")
    name = _text(entry, "name", where, problems)
    offers = _text(entry, "offers", where, problems)
    contact = _parse_contact(entry["contact"], where, problems)
    regions = _choices(entry, "regions", REGIONS, where, problems)
    concerns = _choices(entry, "concerns", CONCERNS, where, problems)
    audience = _choices(entry, "audience", AUDIENCES, where, problems)
    stages = _choices(entry, "stages", STAGES, where, problems)
    languages = _languages(entry, where, problems)
    urgency = entry["urgency"]
    if urgency not in URGENCIES:
        problems.append(f"{where}: urgency {urgency!r} is not one of {', '.join(URGENCIES)}")
    source_url = _text(entry, "source_url", where, problems)
    verified = _date(entry["last_verified"], where, problems)
    if len(problems) > before:
        return None
    return Resource(
        id=resource_id,
        name=name,
        offers=offers,
        contact=contact,
        regions=regions,
        concerns=concerns,
        audience=audience,
        stages=stages,
        urgency=urgency,
        languages=languages,
        source_url=source_url,
        last_verified=verified,
    )


def _text(entry: dict[str, Any], key: str, where: str, problems: list[str]) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: {key!r} must be a non-empty string")
        return ""
    return value.strip()


def _choices(
    entry: dict[str, Any], key: str, allowed: tuple[str, ...], where: str, problems: list[str]
) -> tuple[str, ...]:
    values = entry.get(key)
    if not isinstance(values, list) or not values:
        problems.append(f"{where}: {key!r} must be a non-empty list")
        return ()
    for value in values:
        if value not in allowed:
            problems.append(
                f"{where}: unknown {key} value {value!r} (allowed: {', '.join(allowed)})"
            )
    if len(set(map(str, values))) != len(values):
        problems.append(f"{where}: {key!r} lists a value twice")
    return tuple(values)


def _languages(entry: dict[str, Any], where: str, problems: list[str]) -> tuple[str, ...]:
    values = entry.get("languages")
    if not isinstance(values, list) or not values:
        problems.append(f"{where}: 'languages' must be a non-empty list of ISO 639-1 codes")
        return ()
    for value in values:
        if not isinstance(value, str) or not _LANGUAGE.match(value):
            problems.append(f"{where}: language {value!r} is not a two-letter ISO 639-1 code")
    return tuple(values)


def _date(value: Any, where: str, problems: list[str]) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{where}: last_verified {value!r} must be an ISO date (YYYY-MM-DD)")
        return date.min


def _parse_contact(raw: Any, where: str, problems: list[str]) -> Contact:
    if not isinstance(raw, dict):
        problems.append(f"{where}: 'contact' must be a mapping")
        return Contact()
    for key in sorted(set(raw) - _CONTACT_KEYS):
        problems.append(f"{where}: unknown contact field {key!r}")
    phone = raw.get("phone")
    phones: tuple[str, ...] = ()
    if isinstance(phone, str):
        phones = (phone.strip(),)
    elif isinstance(phone, list) and phone and all(isinstance(p, str) for p in phone):
        phones = tuple(p.strip() for p in phone)
    elif phone is not None:
        problems.append(f"{where}: contact.phone must be a quoted string or a list of them")
    fields: dict[str, str | None] = {}
    for key in ("text", "webchat", "url", "hours", "cost"):
        value = raw.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(f"{where}: contact.{key} must be a non-empty string")
            value = None
        fields[key] = value.strip() if isinstance(value, str) else None
    contact = Contact(phones=phones, **fields)
    if not (contact.phones or contact.text or contact.webchat or contact.url):
        problems.append(f"{where}: contact needs at least one of phone, text, webchat or url")
    return contact
