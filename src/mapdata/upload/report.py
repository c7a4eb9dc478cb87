"""What an upload gives back: the rejected rows, the clean table and the data package as a zip."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pandas as pd

from mapdata.atlas.problems import problems_frame
from mapdata.atlas.schema import descriptor, resources
from mapdata.paths import DATA_DIR
from mapdata.upload.columns import TARGETS
from mapdata.upload.records import UploadResult, _plain


def report_frame(result: UploadResult, severity: str = "error") -> pd.DataFrame:
    """Rejected rows (or warnings) as row, column, value, reason."""
    frame = problems_frame([p for p in result.problems if p.severity == severity])
    frame = frame.rename(columns={"field": "column", "message": "reason", "type": "problem"})
    return frame[["row", "column", "value", "problem", "reason"]].sort_values("row", kind="stable",
                                                                              na_position="first")


def clean_frame(result: UploadResult) -> pd.DataFrame:
    """The accepted rows in the template's columns, in the atlas' terms (ISO codes and dates, coordinates)."""
    rows = [{"place": r.place, "country": r.country_code, "admin1": r.admin1, "kind": r.kind, "lat": r.lat,
             "lon": r.lon, "date": r.date, "end": r.end, "network_or_label": r.what, "policy": r.policy,
             "title": r.title if r.fact == "declaration" or r.policy else "",
             "outcome": r.outcome if r.fact == "declaration" or r.policy else "", "status": r.status,
             "source": r.source, "quote": r.quote, "note": r.note} for r in result.records]
    return pd.DataFrame(rows, columns=list(TARGETS))


def package_zip(result: UploadResult) -> bytes:
    """The accepted rows as a data package (datapackage.json and one CSV per table), zipped."""
    meta = {**descriptor(DATA_DIR), "name": "your-data", "title": f"Your data: {_plain(result.filename)}",
            "created": date.today().isoformat()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("datapackage.json", json.dumps(meta, ensure_ascii=False, indent=1))
        for name, frame in result.tables.items():
            zf.writestr(resources()[name].path, frame.to_csv(index=False))
    return buffer.getvalue()
