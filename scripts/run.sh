#!/usr/bin/env bash
# Starts the action server and the Rasa server; Ctrl-C stops both cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/load_env.sh
export TF_CPP_MIN_LOG_LEVEL=2 SANIC_HOST=127.0.0.1 RASA_TELEMETRY_ENABLED=false
mkdir -p var/log
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "Stopping Nurture..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

.venv/bin/rasa run actions --actions actions -p 5055 > var/log/actions.log 2>&1 &
pids+=($!)
.venv/bin/rasa run --enable-api --auth-token "$BOT_API_TOKEN" -i 127.0.0.1 -p 5005 \
  --model models/nurture.tar.gz --endpoints endpoints.yml --credentials credentials.yml \
  --cors "http://127.0.0.1:8080" ${BOT_WIDGET_ORIGINS:-} > var/log/rasa.log 2>&1 &
pids+=($!)
# Chat page with the website widget (bot/web, docs/widget.md); BOT_WEB_* settings, port 8080.
.venv/bin/python -m bot.web.server > var/log/web.log 2>&1 &
pids+=($!)

echo "Starting Nurture (logs in var/log/)..."
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:5005/status?token=$BOT_API_TOKEN" >/dev/null 2>&1; then break; fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "A server exited; see var/log/"; tail -20 var/log/*.log; exit 1; }
  done
  sleep 1
done
cat <<MSG

Nurture is running:
  Chat (REST):   curl -s -X POST http://127.0.0.1:5005/webhooks/rest/webhook \\
                   -H 'Content-Type: application/json' -d '{"sender":"me","message":"hi"}'
  Chat page:     http://127.0.0.1:8080/  (website widget; embed snippet in docs/widget.md)
  Socket.IO:     http://127.0.0.1:5005/socket.io (website widget channel)
  Parse API:     http://127.0.0.1:5005/model/parse?token=\$BOT_API_TOKEN  (token in .env)
  Actions:       http://127.0.0.1:5055/health
Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}"
