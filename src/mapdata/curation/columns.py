"""The curation files' columns, the one list the importers and the build share."""
from __future__ import annotations

FACT_COLUMNS = [
    "place", "country_code", "admin1", "kind", "fact", "network_id", "label", "policy_type", "role",
    "title", "description", "date", "end", "end_reason", "body", "outcome", "status", "source_id",
    "quote", "note",
]
SOURCE_COLUMNS = ["source_id", "title", "author", "publisher", "date", "url", "kind", "licence"]
PLACE_COLUMNS = [
    "place", "country_code", "admin1", "kind", "seat", "lat", "lon", "geonames_id", "population", "note",
]
NETWORK_COLUMNS = [
    "network_id", "name", "short_name", "kind", "scope", "founded", "description", "url", "source_id",
]
