# Website chat page (bot/web, web/, docs/widget.md).
# - web/node_modules from the committed package-lock.json: `npm ci --ignore-scripts` (no install
#   scripts run; none of the packages needs one), redone only when the lock file changes.
# - `make run` gets it first (scripts/run.sh starts the page server on 8080).
# - browser-test: Debian's Chromium driven by playwright-core (tests/browser/chat.test.mjs) against
#   the real stack; CI installs Chromium, elsewhere the tests skip and print why.
WEB_STAMP := web/node_modules/.nurture-installed

.PHONY: web-deps web-chromium browser-test

$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

web-deps: $(WEB_STAMP)

run: web-deps

web-chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$${CI:-}" = "true" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "web: /usr/bin/chromium missing, browser tests will skip (apt-get install -y chromium)"; \
	  fi; \
	fi

browser-test: train web-deps web-chromium
	node --test --test-concurrency=1 tests/browser/

EXTRA_TESTS += browser-test
