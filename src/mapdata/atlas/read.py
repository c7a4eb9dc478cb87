"""Reading a package's CSV files as text tables: encoding, records, header and missing or extra columns."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from mapdata.atlas.problems import ROW, Problem
from mapdata.atlas.schema import Resource


def decode(raw: bytes, file: str, problems: list[Problem]) -> str:
    """Text of a file: UTF-8 (with or without BOM); otherwise Windows-1252, with a warning naming the line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(Problem(file, line, "", repr(raw[exc.start:exc.start + 4]), "encoding",
                                f"is not UTF-8 (byte {raw[exc.start]:#x} on line {line}); read as Windows-1252: "
                                "check accented names and save the file as UTF-8", "warning"))
        return raw.decode("cp1252", errors="replace")


def _records(text: str, file: str, problems: list[Problem]) -> list[list[str]]:
    """The file's rows as lists of cells, as a spreadsheet shows them: a cell with line breaks stays in its row.

    Malformed CSV (an unclosed quote, a cell over the csv module's size limit) is reported at its row; the rows
    before it are kept.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as exc:
        problems.append(Problem(file, len(rows) + 1, "", "", "unreadable",
                                f"cannot be read as CSV from this row on ({exc}): this row and the ones after it "
                                "are left out; check its quotes"))
    return rows


def read_csv_text(text: str, file: str, resource: Resource, problems: list[Problem]) -> pd.DataFrame:
    """Parse CSV text into strings, one column per schema field, with the row number of each record.

    A row with more cells than the header is reported and left out; a shorter row is read with its missing
    cells empty. Blank rows are skipped but counted.
    """
    empty = pd.DataFrame(columns=[*resource.columns, ROW])
    rows = _records(text, file, problems) if text.strip() else []
    top = next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), None)  # blank rows above it
    if top is None:  # nothing read above a row the csv module gave up on, or nothing at all
        unreadable = any(p.file == file and p.type == "unreadable" for p in problems)
        problems.append(Problem(file, None, "", "", "empty-file",
                                ("no header row can be read" if unreadable else "the file is empty")
                                + f": expected a header row with {', '.join(resource.columns)}"))
        return empty
    header = [c.strip() for c in rows[top]]
    records, numbers = [], []
    for number, row in enumerate(rows[top + 1:], start=top + 2):
        if not row:
            continue
        if len(row) > len(header):  # read anyway, every cell after the comma would sit in the wrong column
            problems.append(Problem(file, number, "", ", ".join(row[len(header):])[:80], "extra-cells",
                                    f"the row has {len(row)} cells, the header {len(header)}: left out; a comma "
                                    "inside a cell needs the cell in double quotes"))
            continue
        records.append(row + [""] * (len(header) - len(row)))
        numbers.append(number)
    seen: set[str] = set()
    for name in header:
        if name in seen:  # 'name' and ' name': the first is read
            problems.append(Problem(file, 1, name, "", "duplicate-column",
                                    f"column '{name}' appears twice in the header: the first one is read", "warning"))
        seen.add(name)
    first = [header.index(name) for name in dict.fromkeys(header)]
    frame = pd.DataFrame([[r[i] for i in first] for r in records], columns=[header[i] for i in first], dtype=str)
    frame[ROW] = numbers
    for field in resource.fields:
        if field.name not in frame.columns:
            if field.required:
                problems.append(Problem(file, 1, field.name, "", "missing-column",
                                        f"required column '{field.name}' is missing from the header; "
                                        f"expected columns: {', '.join(resource.columns)}"))
                return empty
            if not field.derived:
                problems.append(Problem(file, 1, field.name, "", "missing-column",
                                        f"optional column '{field.name}' is missing: read as empty", "warning"))
            frame[field.name] = ""
    extra = [c for c in frame.columns if c not in resource.columns and c != ROW]
    for name in extra:
        problems.append(Problem(file, 1, name, "", "extra-column", f"column '{name}' is not in the schema: ignored",
                                "warning"))
    return frame[[*resource.columns, ROW]].apply(lambda s: s.str.strip() if s.name != ROW else s)


def read_table(path: Path, resource: Resource, problems: list[Problem]) -> pd.DataFrame:
    """Read one package table from disk (a missing file is reported, not raised)."""
    path = Path(path)
    if not path.exists():
        problems.append(Problem(path.name, None, "", "", "missing-file", f"{path.name} is missing from {path.parent}"))
        return pd.DataFrame(columns=[*resource.columns, ROW])
    return read_csv_text(decode(path.read_bytes(), path.name, problems), path.name, resource, problems)
