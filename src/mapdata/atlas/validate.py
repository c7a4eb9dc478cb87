"""Validation of the data package: each problem is a record naming file, row, field, value and reason.

A bad row is reported and left out; every good row is kept. Rows are numbered as a spreadsheet numbers them,
the header being row 1 (a cell with line breaks stays in its row).
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd
import pycountry

from mapdata.atlas.schema import Field, Resource
from mapdata.dates import FORMAT_HINT, is_partial_date

_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")
_PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ROW = "_row"  # column holding each record's row number in its file


@dataclass(frozen=True)
class Problem:
    """One validation finding. `severity` is "error" (the row is left out) or "warning" (kept)."""

    file: str
    row: int | None
    field: str
    value: str
    type: str
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
    if top is None:
        if not any(p.file == file and p.type == "unreadable" for p in problems):
            problems.append(Problem(file, None, "", "", "empty-file", "the file is empty: expected a header row "
                                    f"with {', '.join(resource.columns)}"))
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


def _cell_problem(field: Field, value: str) -> tuple[str, str] | None:
    """(type, message) when a non-empty cell breaks its field's constraints."""
    if _MARKUP.search(value):
        return "markup", "contains HTML markup; text must be plain"
    if field.type in ("number", "integer"):
        try:
            number = float(value) if field.type == "number" else int(value)
        except ValueError:
            return "type", f"should be {'a number' if field.type == 'number' else 'a whole number'}, got '{value}'"
        if number != number:  # 'nan' reads as a float but is no coordinate
            return "type", f"should be a number, got '{value}'"
        if field.minimum is not None and number < field.minimum or field.maximum is not None and number > field.maximum:
            return "out-of-range", f"should be between {field.minimum:g} and {field.maximum:g}, got {value}"
    if field.pattern == _PARTIAL_DATE_PATTERN and not is_partial_date(value):
        return "date", f"should look like {FORMAT_HINT}, got '{value}'"
    if field.pattern and field.pattern != _PARTIAL_DATE_PATTERN and not re.match(field.pattern, value):
        return "pattern", f"'{value}' does not match the pattern {field.pattern}"
    if field.enum and value not in field.enum:
        return "vocabulary", f"'{value}' is not an allowed term; allowed: {', '.join(field.enum)}"
    if field.name == "country_code" and not pycountry.countries.get(alpha_2=value):
        return "country", f"'{value}' is not an ISO 3166-1 alpha-2 country code"
    return None


def check_table(frame: pd.DataFrame, resource: Resource, file: str, problems: list[Problem]) -> pd.DataFrame:
    """Keep the rows whose every cell satisfies the schema; report the others."""
    bad = pd.Series(False, index=frame.index)
    for field in resource.fields:
        column = frame[field.name]
        if field.required:
            missing = column == ""
            for row in frame.loc[missing, ROW]:
                problems.append(Problem(file, int(row), field.name, "", "required", f"'{field.name}' is required"))
            bad |= missing
        for idx, value in column[column != ""].items():
            found = _cell_problem(field, value)
            if found:
                problems.append(Problem(file, int(frame.at[idx, ROW]), field.name, value, *found))
                bad[idx] = True
        if field.unique:
            dup = column.duplicated(keep="first") & (column != "")
            for idx in dup[dup & ~bad].index:
                first = int(frame.loc[column == column[idx], ROW].iloc[0])
                problems.append(Problem(file, int(frame.at[idx, ROW]), field.name, column[idx], "duplicate",
                                        f"'{column[idx]}' is already used on row {first}; ids must be unique"))
            bad |= dup
    return frame[~bad]


def check_references(tables: dict[str, pd.DataFrame], resources: dict[str, Resource],
                     problems: list[Problem]) -> dict[str, pd.DataFrame]:
    """Leave out rows whose foreign keys do not resolve (after each referenced table was checked)."""
    out = dict(tables)
    for name, resource in resources.items():
        for field, target, target_field in resource.foreign_keys:
            frame = out[name]
            known = set(out[target][target_field])
            dangling = (frame[field] != "") & ~frame[field].isin(known)
            for _, rec in frame[dangling].iterrows():
                problems.append(Problem(resource.path, int(rec[ROW]), field, rec[field], "reference",
                                        f"'{rec[field]}' is not a {target_field} in {resources[target].path}"))
            out[name] = frame[~dangling]
    return out
