"""Reading a visitor's file: size, type, encoding, separator, Excel cells and GeoJSON features become text rows."""
from __future__ import annotations

import csv
import io
import json
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable

import pandas as pd

from mapdata.atlas.problems import Problem
from mapdata.atlas.read import decode

MAX_MB = 5
MAX_BYTES = MAX_MB * 1024 * 1024
MAX_ROWS = 5_000
_EXCEL_EPOCH = date(1899, 12, 30)


class UploadError(ValueError):
    """The file as a whole cannot be used (too big, empty, wrong type...); the message says what to do."""


@dataclass
class Upload:
    """A file read as text: column names, rows of cells, and each row's number in the file."""

    filename: str
    columns: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)

    def frame(self) -> pd.DataFrame:
        """The rows as a table of strings, indexed by row number (for a preview)."""
        return pd.DataFrame(self.rows, columns=self.columns, index=pd.Index(self.row_numbers, name="row"))



def _decode(raw: bytes, filename: str, problems: list[Problem]) -> tuple[str, str]:
    """Text and the encoding's name: UTF-16 (BOM), UTF-8 with or without BOM, else Windows-1252/Latin-1."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise UploadError(f"{filename} starts like UTF-16 but cannot be read as UTF-16 ({exc.reason}): "
                              "save it as CSV UTF-8") from exc
    before = len(problems)
    text = decode(raw, filename, problems)
    if len(problems) > before:
        return text, "Windows-1252 (Latin-1)"
    return text, "UTF-8 with BOM" if raw.startswith(b"\xef\xbb\xbf") else "UTF-8"


def _separator(text: str) -> str:
    """The most consistent of comma, semicolon, tab and bar over the first lines (header first)."""
    lines = [line for line in text.splitlines() if line.strip()][:20]
    if not lines:
        return ","

    def score(sep: str):
        counts = [line.count(sep) for line in lines]
        return counts[0] > 0, sum(c == counts[0] for c in counts), counts[0]
    return max(",;\t|", key=score)


def _table(filename: str, records: list[tuple[int, list[str]]], problems: list[Problem], notes: list[str],
           sheets: list[str] | None = None) -> Upload:
    """Header and rows from (row number, cells) records; blank rows are skipped (and counted in the notes)."""
    filled = [(n, [c.strip() for c in cells]) for n, cells in records if any(c.strip() for c in cells)]
    if len(records) > len(filled):
        notes.append(f"{len(records) - len(filled)} blank row(s) skipped")
    if not filled:
        raise UploadError(f"{filename} is empty: it needs a header row and one row per fact (see the template)")
    header_row, header = filled[0]
    columns, seen = [], {}
    for i, name in enumerate(header, start=1):
        name = name or f"column {i}"
        seen[name] = seen.get(name, 0) + 1
        columns.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    data = filled[1:]
    if not data:
        raise UploadError(f"{filename} has a header (row {header_row}) but no rows below it: add one row per fact")
    if len(data) > MAX_ROWS:
        raise UploadError(f"{filename} has {len(data):,} rows; the limit is {MAX_ROWS:,} rows: split it into "
                          "smaller files")
    rows = []
    for n, cells in data:
        extra = [c for c in cells[len(columns):] if c]
        if extra:
            problems.append(Problem(filename, n, "", extra[0], "extra-cells",
                                    f"has {len(cells)} cells but the header has {len(columns)}: check the separator "
                                    "and the quotes on this row"))
        rows.append((cells + [""] * len(columns))[:len(columns)])
    return Upload(filename, columns, rows, [n for n, _ in data], problems, notes, sheets or [])


def _read_csv(filename: str, raw: bytes, sheet: str | None) -> Upload:
    problems: list[Problem] = []
    text, encoding = _decode(raw, filename, problems)
    sep = _separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    records, line = [], 0
    try:
        for cells in reader:
            records.append((line + 1, cells))
            line = reader.line_num
    except csv.Error as exc:
        raise UploadError(f"{filename} cannot be read as CSV near line {reader.line_num}: {exc}") from exc
    names = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}
    return _table(filename, records, problems, [f"read as {encoding}, separated by {names[sep]}"])


def _cell(value) -> str:
    """An Excel cell as text: dates at day precision, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(filename: str, raw: bytes, sheet: str | None) -> Upload:
    import openpyxl
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise UploadError(f"{filename} cannot be read as an Excel workbook ({type(exc).__name__}: {exc}): "
                          "save it again as .xlsx or as CSV") from exc
    try:
        sheets = list(book.sheetnames)
        ws = book[sheet if sheet in sheets else sheets[0]]
        records, filled = [], 0
        for n, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [_cell(v) for v in values]
            filled += any(c.strip() for c in cells)
            if filled > MAX_ROWS + 1:
                raise UploadError(f"{filename} has more than {MAX_ROWS:,} rows; the limit is {MAX_ROWS:,} rows: "
                                  "split it into smaller files")
            records.append((n, cells))
    finally:
        book.close()
    return _table(filename, records, [], [f"sheet '{ws.title}' of {len(sheets)}"], sheets)


def _read_geojson(filename: str, raw: bytes, sheet: str | None) -> Upload:
    problems: list[Problem] = []
    text, _ = _decode(raw, filename, problems)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UploadError(f"{filename} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = {"type": "FeatureCollection", "features": [data]}
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" \
            or not isinstance(data.get("features"), list):
        raise UploadError(f"{filename} is JSON but not GeoJSON: expected a FeatureCollection of Point features")
    if not data["features"]:
        raise UploadError(f"{filename} has no features: add one Point feature per fact")
    props = [f["properties"] if isinstance(f, dict) and isinstance(f.get("properties"), dict) else {}
             for f in data["features"]]
    keys = list(dict.fromkeys(k for p in props for k in p))
    lat, lon = ("lat", "lon") if not {"lat", "lon"} & set(keys) else ("geometry lat", "geometry lon")
    columns = [*keys, lat, lon]
    records = [(0, columns)]
    for n, (feature, prop) in enumerate(zip(data["features"], props), start=1):
        geom = feature.get("geometry") if isinstance(feature, dict) else None
        point = ["", ""]
        if isinstance(geom, dict) and geom.get("type") == "Point" and isinstance(geom.get("coordinates"), list) \
                and len(geom["coordinates"]) >= 2:
            point = [str(geom["coordinates"][1]), str(geom["coordinates"][0])]
        elif geom:
            kind = str(geom.get("type", "")) if isinstance(geom, dict) else ""
            problems.append(Problem(filename, n, "geometry", kind, "geometry",
                                    "is not a Point: the place is found by its name instead", "warning"))
        cells = [v if isinstance(v, str) else "" if v is None else json.dumps(v, ensure_ascii=False)
                 for v in (prop.get(k) for k in keys)]
        records.append((n, [*cells, *point]))
    return _table(filename, records, problems, [f"{len(data['features'])} features; row = feature number"])


READERS: dict[str, Callable[[str, bytes, str | None], Upload]] = {
    "csv": _read_csv, "tsv": _read_csv, "txt": _read_csv, "xlsx": _read_xlsx, "xlsm": _read_xlsx,
    "geojson": _read_geojson, "json": _read_geojson,
}
_BINARY = {b"%PDF": "a PDF document", b"\xd0\xcf\x11\xe0": "an old Excel (.xls) or Word file",
           b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image"}
_ACCEPTED = "a CSV (.csv, .tsv, .txt), an Excel workbook (.xlsx) or a GeoJSON file (.geojson)"


def _format(filename: str, raw: bytes) -> str:
    """The reader to use, by the file's content first and its extension second."""
    ext = Path(filename).suffix.lower().lstrip(".")
    for magic, what in _BINARY.items():
        if raw.startswith(magic):
            raise UploadError(f"{filename} is {what}, not a table: upload {_ACCEPTED}. From Excel or LibreOffice, "
                              "use Save as .xlsx or CSV")
    if raw.startswith(b"PK\x03\x04"):
        names = zipfile.ZipFile(io.BytesIO(raw)).namelist() if zipfile.is_zipfile(io.BytesIO(raw)) else []
        if "xl/workbook.xml" in names:
            return "xlsx"
        kind = "an OpenDocument spreadsheet" if "content.xml" in names else "a ZIP archive"
        raise UploadError(f"{filename} is {kind}: upload {_ACCEPTED}")
    if ext in ("xlsx", "xlsm"):
        raise UploadError(f"{filename} is named .{ext} but is not an Excel workbook: save it again as .xlsx")
    if ext in READERS:
        return ext
    if ext in ("", "text") and b"\x00" not in raw[:1024]:
        return "json" if raw.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{") else "csv"
    raise UploadError(f"'.{ext}' files cannot be read: upload {_ACCEPTED}")


def read_upload(filename: str, raw: bytes, sheet: str | None = None) -> Upload:
    """Read an uploaded file; raises UploadError with a message for people when the file cannot be used."""
    if not raw.strip():
        raise UploadError(f"{filename} is empty: it needs a header row and one row per fact (see the template)")
    if len(raw) > MAX_BYTES:
        raise UploadError(f"{filename} is {len(raw) / 1024 / 1024:.1f} MB; the limit is {MAX_MB} MB: split it, "
                          "or remove columns you do not need")
    return READERS[_format(filename, raw)](filename, raw, sheet)
