"""The same store cases against a real PostgreSQL server that the fixture starts (postgres_server.py)."""
from __future__ import annotations

import pytest
import suggest_store_cases as store_cases
from sqlalchemy import inspect, text


@pytest.mark.parametrize("case", store_cases.ALL, ids=lambda c: c.__name__)
def test_store_on_postgresql(postgres_store, case):
    assert postgres_store.engine.dialect.name == "postgresql"
    case(postgres_store)


def test_migrations_make_the_schema_on_postgresql(postgres_store):
    engine = postgres_store.engine
    assert {"suggestions", "decisions", "rate_events", "alembic_version"} <= set(inspect(engine).get_table_names())
    with engine.connect() as c:
        assert c.execute(text("select version_num from alembic_version")).scalar() == "0001"
