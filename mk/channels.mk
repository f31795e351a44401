# Messaging-app connectors (bot/channels/, docs/channels.md).
# Their tests live in tests/channels/ and are already collected by `make unit` (fast ones)
# and `make safety` (the ones marked slow, which need the trained model), so nothing is
# added to EXTRA_TESTS here.

.PHONY: test-channels

test-channels: setup
	$(BIN)/python -m pytest -q tests/channels
