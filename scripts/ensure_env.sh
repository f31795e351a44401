#!/usr/bin/env bash
# Creates .env once with generated secrets; existing values are never overwritten.
set -eu
touch .env && chmod 600 .env
add() { grep -q "^$1=" .env || echo "$1=$2" >> .env; }
# Hex, so the token never starts with "-" (a command line would read it as an option).
add BOT_API_TOKEN "$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
add BOT_PSEUDONYM_KEY "$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
add BOT_REVIEW_SECRET "$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
