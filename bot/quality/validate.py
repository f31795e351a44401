"""`rasa data validate`, failing on every warning but one that Rasa raises wrongly.

Rasa warns that a response "is not used in any story or rule" when only a custom action
sends it (``utter_ideas_<concern>``, actions/ideas.py), the crisis action opens with it
(``utter_<crisis intent>``, actions/crisis.py), the Rasa server's action guard sends it while
the action server is away (bot/resilience), a connector sends it on its own
(bot/channels/notices.py), or a form asks with it (``utter_ask_<slot>``). Those warnings
are allowed only when that use is real: the name appears in that code or is the question of a
form slot. The same holds for an intent with no training examples that only the safety net sets
(``risk_check``): allowed when bot/names.py names it. Every other warning fails the
check, like ``--fail-on-warnings``.
"""

from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path

from rasa.cli.utils import validate_files
from rasa.shared.importers.importer import TrainingDataImporter

UNUSED = re.compile(r"The utterance '(utter_\w+)' is not used in any story or rule\.")
UNTRAINED = re.compile(r"The intent '(\w+)' is listed in the domain file, but is not found")
# The names only the safety net sets are kept in bot/names.py.
NET_NAMES = Path(__file__).resolve().parents[1] / "names.py"


def used_outside_stories(name: str, actions_source: str, form_slots: set[str]) -> bool:
    from actions.crisis import OPENINGS  # named after each crisis intent, not spelled out
    from actions.ideas import IDEAS  # named after each concern intent

    return (
        f'"{name}"' in actions_source
        or name.removeprefix("utter_ask_") in form_slots
        or name in OPENINGS.values()
        or name in IDEAS.values()
    )


def main(data_paths: list[str] | None = None) -> int:
    """0 when the data (`data/`, plus any extra files such as a review export) is clean."""
    importer = TrainingDataImporter.load_from_config(
        "config.yml", "domain.yml", data_paths or ["data"]
    )
    domain = importer.get_domain()
    form_slots = {slot for form in domain.forms.values() for slot in form["required_slots"]}
    senders = [*Path("actions").glob("*.py"), *Path("bot/resilience").glob("*.py"),
               Path("bot/channels/notices.py")]
    source = "\n".join(p.read_text(encoding="utf-8") for p in senders)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            validate_files(fail_on_warnings=False, max_history=None, importer=importer)
        except SystemExit as exit_:
            if exit_.code:
                return int(exit_.code)
    problems = []
    for warning in caught:
        if not issubclass(warning.category, UserWarning):
            continue  # library deprecation notices are not about our data
        message = str(warning.message)
        match = UNUSED.search(message)
        if match and used_outside_stories(match.group(1), source, form_slots):
            continue
        untrained = UNTRAINED.search(message)
        if untrained and f'"{untrained.group(1)}"' in NET_NAMES.read_text(encoding="utf-8"):
            continue
        problems.append(message)
    for problem in problems:
        print(f"WARNING: {problem}", file=sys.stderr)
    print(f"Data validation: {len(problems)} warning(s).")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
