"""The data package as a download, and its validation report, for the 'Data and sources' page."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd

from mapdata.atlas.model import Atlas
from mapdata.atlas.problems import problems_frame
from mapdata.atlas.schema import descriptor, resources
from mapdata.paths import CURATION, DATA_DIR, GEOCODE_REVIEW


def package_zip(data_dir: Path = DATA_DIR) -> bytes:
    """datapackage.json and every table of the package in one zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(Path(data_dir) / "datapackage.json", "solidarity-cities-atlas/datapackage.json")
        for res in resources(DATA_DIR).values():
            path = Path(data_dir) / res.path
            if path.exists():
                archive.write(path, f"solidarity-cities-atlas/{res.path}")
    return buffer.getvalue()


def validation_report(atlas: Atlas) -> pd.DataFrame:
    """Every problem found while loading, one row each (file, row, field, value, type, message, severity)."""
    return problems_frame(atlas.problems)


def geocode_review(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Places the build could not place without a person's decision."""
    path = Path(data_dir) / CURATION / GEOCODE_REVIEW
    return pd.read_csv(path, dtype=str, keep_default_na=False) if path.exists() else pd.DataFrame()


def tables_overview(atlas: Atlas, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Each table of the package: title, rows loaded, description."""
    rows = {"cities": len(atlas.places), "networks": len(atlas.networks), "memberships": len(atlas.memberships),
            "declarations": len(atlas.declarations), "policies": len(atlas.policies), "sources": len(atlas.sources),
            "vocabularies": len(atlas.vocabularies)}
    return pd.DataFrame([{"file": r["path"], "title": r.get("title", r["name"]), "rows": rows.get(r["name"], 0),
                          "description": r.get("description", "")} for r in descriptor(DATA_DIR)["resources"]])


def source_usage(atlas: Atlas) -> pd.DataFrame:
    """Sources with how many facts cite each, most cited first."""
    counts = atlas.facts["source_id"].value_counts()
    out = atlas.sources.assign(facts=atlas.sources.index.map(counts).fillna(0).astype(int))
    return out.sort_values("facts", ascending=False)
