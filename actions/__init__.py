"""Custom actions for Nurture (run by the rasa_sdk action server)."""
