"""Alembic environment: run by `mapdata.suggest.db.migrate` on the connection it passes (online mode only)."""
from alembic import context

from mapdata.suggest.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
