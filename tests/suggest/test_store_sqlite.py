"""The store against SQLite in a temporary file: every case of store_cases, migrations and an unreachable file."""
from __future__ import annotations

import pytest
import suggest_store_cases as store_cases
from sqlalchemy import create_engine, inspect, text
from suggest_cases import MEMBERSHIP

from mapdata.suggest.db import database_url
from mapdata.suggest.store import Store, Unavailable


@pytest.mark.parametrize("case", store_cases.ALL, ids=lambda c: c.__name__)
def test_store_on_sqlite(sqlite_store, case):
    case(sqlite_store)


def test_migrations_make_the_schema(sqlite_store):
    engine = sqlite_store.engine
    assert {"suggestions", "decisions", "rate_events", "alembic_version"} <= set(inspect(engine).get_table_names())
    with engine.connect() as c:
        assert c.execute(text("select version_num from alembic_version")).scalar() == "0001"


def test_the_database_url_comes_from_the_environment(tmp_path):
    assert database_url({"MAPDATA_DB": str(tmp_path / "x.db")}) == f"sqlite:///{tmp_path / 'x.db'}"
    assert database_url({"MAPDATA_DB_URL": "postgresql://u@h/db"}) == "postgresql+psycopg://u@h/db"
    assert database_url({}).endswith("var/suggestions.sqlite") and "/data/" not in database_url({})


def test_an_unreachable_database_stores_nothing_and_says_so(tmp_path):
    store = Store(create_engine(f"sqlite:///{tmp_path / 'missing' / 'dir' / 'x.db'}"))
    with pytest.raises(Unavailable):
        store.submit(MEMBERSHIP)


def test_every_read_and_decision_says_when_the_database_is_unreachable(tmp_path):
    store = Store(create_engine(f"sqlite:///{tmp_path / 'missing' / 'dir' / 'x.db'}"))
    for call in (lambda: store.status("abcdefghijklmnop"), store.queue, store.counts,
                 lambda: store.decide("abcdefghijklmnop", curator="Ana", action="decline", reason="x")):
        with pytest.raises(Unavailable):
            call()
