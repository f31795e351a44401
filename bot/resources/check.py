"""Check the directory before it reaches parents: `bot resources check`.

A wrong or missing number in a crisis is worse than none, so this refuses
invalid numbers, insecure links and regions without an emergency entry or a
24/7 crisis line, and lists entries whose details are due for re-checking.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.names import ANY_REGION, REGION_COUNTRY, UK_WIDE, USER_REGIONS, uk_nation

from .directory import (
    DirectoryError,
    load_directory,
    load_short_codes,
    region_matches,
    resolve_path,
)
from .model import CONCERNS, Resource
from .phones import countries_for, digits, is_valid_in, numbers_in_text

STALE_AFTER = timedelta(days=365)
_MAX_OFFER_WORDS = 30


@dataclass
class CheckReport:
    """What is wrong (errors) and what needs attention soon (warnings)."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def render(self, source: str = "") -> str:
        """A readable report for staff running the check by hand or in CI."""
        lines = [f"Resource directory check{': ' + source if source else ''}"]
        lines.append(f"{self.checked} resource(s) checked")
        for title, items in (("Errors", self.errors), ("Warnings", self.warnings)):
            if items:
                lines.append(f"{title} ({len(items)}):")
                lines.extend(f"  - {item}" for item in items)
        lines.append("Result: OK" if self.ok else "Result: FAILED")
        return "\n".join(lines)


def check_directory(
    resources: Iterable[Resource],
    today: date,
    short_codes: Mapping[str, frozenset[str]] | None = None,
) -> CheckReport:
    """Check loaded resources; short_codes defaults to the allow-list in the default YAML."""
    resources = list(resources)
    if short_codes is None:
        short_codes = load_short_codes()
    report = CheckReport(checked=len(resources))
    for resource_id, count in sorted(Counter(r.id for r in resources).items()):
        if count > 1:
            report.errors.append(f"id {resource_id!r} is used by {count} entries")
    for resource in resources:
        _check_links(resource, report)
        _check_dates(resource, today, report)
        _check_numbers(resource, short_codes, report)
        _check_wording(resource, report)
    _check_coverage(resources, report)
    return report


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; exit status 1 when the directory has errors."""
    parser = argparse.ArgumentParser(
        prog="bot resources check",
        description="Check the signposting resource directory.",
    )
    parser.add_argument(
        "--path", help="directory YAML (default: $BOT_RESOURCES_PATH, else the shipped file)"
    )
    parser.add_argument(
        "--today", type=date.fromisoformat, help="date to check against (YYYY-MM-DD)"
    )
    args = parser.parse_args(argv)
    path = resolve_path(args.path)
    today = args.today or date.today()
    try:
        resources = load_directory(path)
        short_codes = load_short_codes(path)
    except DirectoryError as exc:
        report = CheckReport(errors=list(exc.problems))
    else:
        report = check_directory(resources, today, short_codes)
    print(report.render(str(path)))
    return 0 if report.ok else 1


def _check_links(resource: Resource, report: CheckReport) -> None:
    links = {
        "source_url": resource.source_url,
        "contact.url": resource.contact.url,
        "contact.webchat": resource.contact.webchat,
    }
    for name, link in links.items():
        if link is not None and not link.startswith("https://"):
            report.errors.append(f"{resource.id}: {name} must be an https:// address, got {link!r}")


def _check_dates(resource: Resource, today: date, report: CheckReport) -> None:
    verified = resource.last_verified
    if verified > today:
        report.errors.append(f"{resource.id}: last_verified {verified} is in the future")
    elif today - verified > STALE_AFTER:
        report.warnings.append(
            f"{resource.id}: last verified {verified}, over 12 months ago; "
            f"re-check it at {resource.source_url}"
        )


def _check_numbers(
    resource: Resource, short_codes: Mapping[str, frozenset[str]], report: CheckReport
) -> None:
    numbers = [("phone", number) for number in resource.contact.phones]
    if resource.contact.text:
        found = numbers_in_text(resource.contact.text)
        if not found:
            report.errors.append(
                f"{resource.id}: contact.text {resource.contact.text!r} has no number"
            )
        numbers.extend(("text", number) for number in found)
    if resource.is_emergency and not resource.contact.phones:
        report.errors.append(f"{resource.id}: an emergency entry needs a phone number")
    for kind, number in numbers:
        for region in resource.regions:
            if not _dialable(number, region, short_codes):
                report.errors.append(
                    f"{resource.id}: {kind} {number!r} is not a valid number "
                    f"or listed short code for {region}"
                )


def _dialable(number: str, region: str, short_codes: Mapping[str, frozenset[str]]) -> bool:
    allowed = set(short_codes.get(region, ()))
    if uk_nation(region):
        allowed |= short_codes.get(UK_WIDE, frozenset())
    if digits(number) in allowed:
        return True
    if region == ANY_REGION:
        return number.startswith("+") and any(
            is_valid_in(number, country) for country in set(REGION_COUNTRY.values())
        )
    return all(is_valid_in(number, country) for country in countries_for([region]))


def _check_wording(resource: Resource, report: CheckReport) -> None:
    offers = resource.offers
    sentences = [part for part in offers.replace("!", ".").replace("?", ".").split(". ") if part]
    if len(sentences) > 1 or len(offers.split()) > _MAX_OFFER_WORDS:
        report.warnings.append(f"{resource.id}: 'offers' should be one short sentence")


def _check_coverage(resources: list[Resource], report: CheckReport) -> None:
    for region in USER_REGIONS:
        local = [r for r in resources if region_matches(r.regions, region)]
        if not any(r.is_emergency for r in local):
            report.errors.append(f"{region}: no emergency-number entry (urgency: emergency)")
        if not any(r.is_24_7_crisis_line for r in local):
            report.errors.append(f"{region}: no 24/7 crisis line (hours '24/7', crisis_self_harm)")
        for concern in CONCERNS:
            if not any(concern in r.concerns for r in local):
                report.errors.append(f"{region}: no resource for {concern}")


if __name__ == "__main__":
    sys.exit(main())
