"""Alembic environment: always given a connection by commissie.migraties."""

from __future__ import annotations

from alembic import context

from commissie.db import Base
from commissie.procedure.opstart import importeer_modellen

importeer_modellen()
target_metadata = Base.metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `commissie db upgrade`")

context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
