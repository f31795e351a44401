# Sourced: exports .env values that the environment does not already set (the environment wins;
# an empty value counts as not set, as in bot/privacy/settings.py).
if [[ -f .env ]]; then
  while IFS='=' read -r key value; do
    [[ -z "$key" || "$key" == \#* ]] && continue
    [[ -z "${!key:-}" ]] && export "$key=$value"
  done < .env
fi
