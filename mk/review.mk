# Staff review app (bot/review, docs/review.md).
# - the browser test (tests/review/test_review_browser.py, marked slow) runs once, in the
#   `safety` step (`pytest -m slow`); `safety` gets Chromium and playwright-core first.
REVIEW_BROWSER := tests/review/browser

.PHONY: review-browser-deps review-test

# playwright-core from npm drives Debian's Chromium (installed in CI by `web-chromium`,
# mk/web.mk) and never downloads a browser.
review-browser-deps: web-chromium
	cd $(REVIEW_BROWSER) && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent

safety: review-browser-deps

# Every review test, browser included (not part of `make test`, which already runs them).
review-test: setup review-browser-deps
	$(BIN)/python -m pytest -q tests/review
