"""Every project path, defined once."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("MAPDATA_DIR") or PROJECT_ROOT / "data")  # MAPDATA_DIR: another package (bench/)
STORIES_DIR = DATA_DIR / "stories"
STATIC_DIR = PROJECT_ROOT / "static"
BASEMAP = STATIC_DIR / "basemap" / "countries.geojson"
REGIONS = STATIC_DIR / "basemap" / "regions.geojson"  # admin-1 regions drawn under the places (geo/regions.py)
SOURCES_DIR = PROJECT_ROOT / "sources"  # the documents and candidate lists the build reads (sources/README.md)
DOCUMENTS_DIR = SOURCES_DIR / "documents"
LISTS_DIR = SOURCES_DIR / "lists"
CURATION = "curation"  # a data package's curation folder
GEOCODE_REVIEW = "geocode_review.csv"  # in it: the places a person must decide
