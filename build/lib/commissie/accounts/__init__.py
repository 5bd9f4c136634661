"""Accounts: users with roles, browser sessions and bearer tokens."""
