"""The database: SQLite in a file by default, PostgreSQL (psycopg 3) when `MAPDATA_DB_URL` is set.

The SQLite file is `MAPDATA_DB` when set, else `var/suggestions.sqlite` in the project (outside `data/`, ignored by
git). Alembic migrations (`migrations/`) bring the schema to its head when an engine is first opened.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from mapdata.paths import PROJECT_ROOT

MIGRATIONS = Path(__file__).with_name("migrations")
DEFAULT_DB = PROJECT_ROOT / "var" / "suggestions.sqlite"
_lock = threading.Lock()
_migrated: set[str] = set()


def database_url(env: dict | None = None) -> str:
    """`MAPDATA_DB_URL` (a `postgresql://` one is driven by psycopg 3), else the SQLite file."""
    env = os.environ if env is None else env
    url = (env.get("MAPDATA_DB_URL") or "").strip()
    if url:
        if url.startswith(("postgresql://", "postgres://")):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        return url
    path = Path(env.get("MAPDATA_DB") or DEFAULT_DB)
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    """An engine for `url` (default: `database_url()`), its schema migrated to the head."""
    url = url or database_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20,
                               connect_args={"connect_timeout": 5})
    migrate(engine)
    return engine


def migrate(engine: Engine) -> None:
    """Alembic `upgrade head` on this engine (once per process and database)."""
    from alembic import command
    from alembic.config import Config

    key = engine.url.render_as_string(hide_password=False)
    with _lock:
        if key in _migrated:
            return
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        _migrated.add(key)
