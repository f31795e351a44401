"""Keeping `make run`'s processes running: the supervisor that restarts a part that exits."""
