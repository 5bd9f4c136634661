"""The JSON API under /api: thin routes that parse, call a flow or a service, return a schema."""
