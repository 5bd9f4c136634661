"""Procedure: one flow per use case that spans domains (registering a case composes its
panel, a member's illness replaces seats, ...). Every entry point (API, pages, CLI, demo)
calls these, so no caller can skip a consequence."""
