"""Running several Rasa servers side by side: the shared lock store."""
