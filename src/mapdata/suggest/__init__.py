"""Side entrance: readers' suggestions and corrections, stored in a database and reviewed by curators.

`models` (SQLAlchemy 2 tables: suggestions, decisions, rate events), `db` (the engine: SQLite in a file by default,
PostgreSQL when `MAPDATA_DB_URL` is set; Alembic migrations under `migrations/` run at start), `validate` (a
suggestion checked with the data package's own rules), `store` (submit, status, queue, decisions, export) and
`accept` (an accepted suggestion written to `data/curation/facts_suggestions.csv` and `sources_suggestions.csv`,
which the build puts in the package). Like `upload`, it may import only atlas, geo and the leaves; `ui` imports it.
"""
