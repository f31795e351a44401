"""Staff roles. Reviewers read conversations and the dashboard; admins can also export,
read the audit log and manage staff accounts. Kept free of heavy imports so the `bot`
command can list the choices without loading argon2 or the web stack.
"""

ROLES = ("reviewer", "admin")
