"""Zaken: intake, status, deadlines and the case file."""
