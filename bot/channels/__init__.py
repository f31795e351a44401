"""Hardened messaging-app connectors (Telegram, Twilio SMS/WhatsApp, Facebook Messenger).

Rasa 3.6's own connectors need the network at start-up, skip or weaken request
verification and lose the parent's message when a reply cannot be sent. These
verify every request, store the message first and deliver replies in the
background with bounded retries. Each one is configured from environment
variables only and is off unless its variables are set (see docs/channels.md).
"""
