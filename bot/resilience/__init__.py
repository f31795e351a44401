"""Keeping the parent answered when a part of the service fails."""
