#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter (Rasa 3.6 needs it), or explains how to get one.
set -u
is310() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; }
candidates=()
[[ -n "${PYTHON:-}" ]] && candidates+=("$PYTHON")
candidates+=("$(command -v python3.10 2>/dev/null)")
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root 2>/dev/null)
  for v in "$root"/versions/3.10*/bin/python3.10; do candidates+=("$v"); done
fi
for v in "$HOME"/.pyenv/versions/3.10*/bin/python3.10; do candidates+=("$v"); done
if command -v uv >/dev/null 2>&1; then candidates+=("$(uv python find 3.10 2>/dev/null)"); fi
candidates+=(/usr/bin/python3.10 /usr/local/bin/python3.10 "$(command -v python3 2>/dev/null)")
for c in "${candidates[@]}"; do
  [[ -n "$c" && -x "$c" ]] && is310 "$c" && { echo "$c"; exit 0; }
done
echo "Python 3.10 not found (Rasa 3.6 needs it). Fix: 'pyenv install 3.10' or 'uv python install 3.10', or set PYTHON=/path/to/python3.10." >&2
exit 1
