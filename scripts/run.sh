#!/usr/bin/env bash
# Starts the action server, the Rasa server and the chat page, each under a supervisor that
# restarts it with backoff if it exits (bot/ops/supervisor.py); Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/load_env.sh
export TF_CPP_MIN_LOG_LEVEL=2 SANIC_HOST=127.0.0.1 RASA_TELEMETRY_ENABLED=false
mkdir -p var/log
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "Stopping Nurture..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

# One part under its supervisor: NAME then the command. The part's output goes to
# var/log/NAME.log; the supervisor's restart lines to the terminal and var/log/supervisor.log.
supervise() {
  local name=$1; shift
  .venv/bin/python -m bot.ops.supervisor --name "$name" --log "var/log/$name.log" -- "$@" \
    2> >(tee -a var/log/supervisor.log >&2) &
  pids+=($!)
}

supervise actions .venv/bin/rasa run actions --actions actions -p 5055
# "--auth-token=...": a generated token may start with "-", which argparse would read as an option.
supervise rasa .venv/bin/rasa run --enable-api --auth-token="$BOT_API_TOKEN" -i 127.0.0.1 -p 5005 \
  --model models/nurture.tar.gz --endpoints endpoints.yml --credentials credentials.yml \
  --cors "http://127.0.0.1:8080" ${BOT_WIDGET_ORIGINS:-}
# Chat page with the website widget (bot/web, docs/widget.md); BOT_WEB_* settings, port 8080.
supervise web .venv/bin/python -m bot.web.server

echo "Starting Nurture (logs in var/log/)..."
up=no
for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:5005/status?token=$BOT_API_TOKEN" >/dev/null 2>&1; then up=yes; break; fi
  sleep 1
done
if [ "$up" = no ]; then
  echo "The Rasa server has not answered within 3 minutes: see var/log/rasa.log and any" \
       "supervisor lines above. It keeps being retried; Ctrl-C stops everything."
fi
cat <<MSG

Nurture is running:
  Chat (REST):   curl -s -X POST http://127.0.0.1:5005/webhooks/rest/webhook \\
                   -H 'Content-Type: application/json' -d '{"sender":"me","message":"hi"}'
  Chat page:     http://127.0.0.1:8080/  (website widget; embed snippet in docs/widget.md)
  Socket.IO:     http://127.0.0.1:5005/socket.io (website widget channel)
  Parse API:     http://127.0.0.1:5005/model/parse?token=\$BOT_API_TOKEN  (token in .env)
  Actions:       http://127.0.0.1:5055/health
A part that exits is restarted (lines from "supervisor:" say so). Press Ctrl-C to stop.
MSG
wait "${pids[@]}"
