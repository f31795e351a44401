"""Builds bot/privacy/data/first_names_world.txt (first names of many origins, Latin script) and,
with --surnames, bot/privacy/data/surnames_world.txt (their surnames).

The names come from the locale name lists of Faker (MIT licence, https://github.com/joke2k/faker),
release 40.63.0, so the list can ship with the project. Run it by hand when updating:

    python -m venv /tmp/fk && /tmp/fk/bin/pip install faker==40.63.0
    /tmp/fk/bin/python scripts/build_world_names.py > bot/privacy/data/first_names_world.txt
    /tmp/fk/bin/python scripts/build_world_names.py --surnames > bot/privacy/data/surnames_world.txt

Only names written in Latin letters (accents allowed) and at least three letters long are kept;
bot/privacy/names.py leaves out everyday English words when it loads the file.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys

from faker.providers import person

LATIN = re.compile(r"^[a-zà-öø-ÿāăąćčďđēėęěğīįıķļľłńňōőœŕřśşšţťūůűųźżžș-ț'-]{3,}$")
SURNAME_ATTRIBUTES = ("last_names", "last_names_male", "last_names_female",
                      "last_names_romanized", "last_romanized_names", "last_name_romanized")
ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
              "first_names_romanized", "first_romanized_names", "first_name_romanized")


def names(attributes: tuple[str, ...] = ATTRIBUTES) -> dict[str, set[str]]:
    """Lower-case name -> the locales that list it."""
    found: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        for attribute in attributes:
            values = provider.__dict__.get(attribute) or getattr(provider, attribute, ())
            if not isinstance(values, (dict, list, tuple, set, frozenset)):
                continue  # a property computed per instance, not a list
            for value in values.keys() if isinstance(values, dict) else values:
                for part in str(value).lower().split():
                    if LATIN.match(part):
                        found.setdefault(part, set()).add(module.name)
    return found


def main() -> None:
    surnames = "--surnames" in sys.argv[1:]
    kind = "Surnames" if surnames else "First names"
    print(f"# {kind} of many origins, from Faker 40.63.0's locale lists (MIT licence),")
    print("# built by scripts/build_world_names.py. One name a line.")
    for name in sorted(names(SURNAME_ATTRIBUTES if surnames else ATTRIBUTES)):
        print(name)


if __name__ == "__main__":
    main()
