"""Argon2id password hashing for staff accounts (argon2-cffi's tuned defaults)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 12

_hasher = PasswordHasher()
# Verified against when the account does not exist, so a wrong name costs as long as a
# wrong password and response times do not reveal which staff names exist.
_DUMMY_HASH = _hasher.hash("not-a-real-password-nurture")


def check_strength(password: str) -> str | None:
    """Why a new password is refused, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"Passwords need at least {MIN_LENGTH} characters."
    if password.strip() != password:
        return "Passwords cannot start or end with spaces."
    return None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Constant-work check; a missing hash still runs one verification."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when argon2-cffi's parameters have been raised since the hash was made."""
    return _hasher.check_needs_rehash(password_hash)
