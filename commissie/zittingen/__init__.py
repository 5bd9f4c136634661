"""Hearings: wederhoor steps, planned and held hearings, calendar invites, the mail outbox."""
