"""Leden: the committee's members (name, home corps, unit, can chair)."""
