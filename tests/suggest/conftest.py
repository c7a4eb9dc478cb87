"""Store fixtures: a fresh SQLite file per test, and (in test_store_postgres) a real PostgreSQL server."""
from __future__ import annotations

import pytest


@pytest.fixture
def sqlite_store(tmp_path):
    from mapdata.suggest.db import make_engine
    from mapdata.suggest.store import Store
    engine = make_engine(f"sqlite:///{tmp_path / 'suggestions.sqlite'}")
    yield Store(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server started for the session (skipped where Debian's postgresql is not installed)."""
    from postgres_server import PostgresServer, binaries
    bindir = binaries()
    if bindir is None:
        pytest.skip("Debian's postgresql is not installed (scripts/setup.sh installs it)")
    server = PostgresServer(bindir).start()
    yield server
    server.stop()


@pytest.fixture
def postgres_store(postgres_server, request):
    """A store on a fresh database of the session's PostgreSQL server."""
    import re

    from mapdata.suggest.db import make_engine
    from mapdata.suggest.store import Store
    name = "t_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:50]
    engine = make_engine(postgres_server.create_database(name))
    yield Store(engine)
    engine.dispose()
