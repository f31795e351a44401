"""Staff review app: login-protected, audited reading of pseudonymised, redacted conversations
from Rasa's `events` table (see docs/review.md)."""
