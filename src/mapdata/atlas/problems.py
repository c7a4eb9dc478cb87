"""What validation finds: each problem a record naming file, row, field, value and reason, and the catalogue of
its types. A bad row is reported and left out; every good row is kept. Rows are numbered as a spreadsheet numbers
them, the header being row 1 (a cell with line breaks stays in its row).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

ROW = "_row"  # column holding each record's row number in its file
TYPES = {  # every problem type, and what it means
    "missing-file": "a table of the package is not there",
    "empty-file": "a file holds no header",
    "unreadable": "a file cannot be read as CSV, XLSX or GeoJSON",
    "encoding": "a file is not UTF-8 (read as Windows-1252)",
    "missing-column": "a column of the schema is not in the header",
    "duplicate-column": "a column appears twice in the header",
    "extra-column": "a column the schema does not know (ignored)",
    "extra-cells": "a row has more cells than the header",
    "required": "a required cell is empty",
    "type": "a cell is not of its column's type",
    "out-of-range": "a number outside its column's range",
    "pattern": "a cell does not match its column's pattern",
    "date": "not a date at a source's precision (2019, 2019-06 or 2019-06-14)",
    "vocabulary": "a term that is not in the column's vocabulary",
    "country": "not an ISO 3166 country code",
    "markup": "text with HTML markup (left out, never shown as markup)",
    "duplicate": "an id used twice",
    "reference": "an id that points at no row of another table",
    "wrong-country": "a point that is not in or near its country",
    "geometry": "an uploaded feature with no usable point",
    "ambiguous": "a name several places share: the row says which it is",
    "unmatched": "a name the gazetteer does not know",
}


@dataclass(frozen=True)
class Problem:
    """One validation finding. `severity` is "error" (the row is left out) or "warning" (kept)."""

    file: str
    row: int | None
    field: str
    value: str
    type: str  # a key of TYPES
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = (f"{self.file}" + (f", row {self.row}" if self.row else "")
                 + (f", column '{self.field}'" if self.field else ""))
        return f"{where}: {self.message}"


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """Problems as a table (for the UI and for CSV export)."""
    cols = list(Problem.__dataclass_fields__)
    return pd.DataFrame([asdict(p) for p in problems], columns=cols)
