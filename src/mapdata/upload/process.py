"""Bring your own records: a CSV, XLSX or GeoJSON file becomes an Atlas shown alone or beside the bundled one.

Steps: `read_upload` (size, type, encoding, separator, Excel cells -> text rows), `guess_mapping` (which
column is the place, the country, the date...), `process` (normalise, geocode offline, write the accepted
rows as a temporary data package and load it with `load_atlas`, so the package's own rules apply), and
`merge_atlases`. Every rejected row is reported with row, column, value and reason; accepted + rejected =
uploaded. Uploaded places are "your data": each is listed in a network of its own, "Your data: <file>"
(legend, layer switch and network filter show it), and each fact cites a source marked as yours.
"""
from __future__ import annotations

import csv
import difflib
import io
import json
import tempfile
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable

import pandas as pd
import pycountry

from mapdata.atlas.model import Atlas, atlas_from_tables, load_atlas
from mapdata.dates import FORMAT_HINT, first_day, is_partial_date, last_day
from mapdata.geo.gazetteer import Gazetteer, gazetteer
from mapdata.atlas.schema import descriptor, resources, vocabulary
from mapdata.text import fold, slug
from mapdata.atlas.validate import Problem, decode, problems_frame
from mapdata.paths import DATA_DIR

MAX_MB = 5
MAX_BYTES = MAX_MB * 1024 * 1024
MAX_ROWS = 5_000
NEAR_DEGREES = 0.1  # an uploaded place this close (about 10 km) to a bundled one of the same name is the same place
LIST_ID, FILE_SOURCE = "user-list", "user-file"  # the network and source every upload gets

# target -> (label, help); the template's columns, in order
TARGETS = {
    "place": ("Place name", "Required: the town, city or region, in local spelling if you can"),
    "country": ("Country", "Name or ISO code: Germany, Deutschland, DE, DEU"),
    "admin1": ("State or region", "Tells homonyms apart: two Bergens, four Springfields"),
    "kind": ("Kind of place",
             "municipality (default), district, county, region, state, metropolitan_area, island, collective"),
    "lat": ("Latitude", "Decimal degrees (52.52 or 52,52); empty: the place is found by name"),
    "lon": ("Longitude", "Decimal degrees; give both or neither"),
    "date": ("Date", f"Of the decision or start, at the precision you know: {FORMAT_HINT}; Excel dates work"),
    "end": ("End date", "When a membership or policy ended"),
    "network_or_label": ("Network or declaration label",
                         "A network (its name or id: ICORN, Eurocities) or a label (Safe Harbour, Sanctuary City...)"),
    "policy": ("Policy type", "health_care, housing, Municipal ID... (see the atlas' policy types)"),
    "title": ("Title", "Of the policy or declaration; a policy without one is titled by its type"),
    "outcome": ("Outcome", "adopted (default), proposed, rejected, revoked; absent for a documented gap"),
    "status": ("Status", "verified or unverified (default): verified means you hold a document stating it"),
    "source": ("Source", "A URL, a title or a source id of the atlas; required for every network, label or policy"),
    "quote": ("Quote", "A short verbatim quote from the source"),
    "note": ("Note", "Anything else"),
}
TEMPLATE = DATA_DIR / "templates" / "your_data_template.csv"
_SYNONYMS = {  # folded column names, comma-separated
    "place": "place, city, town, name, municipality, jurisdiction, locality, place name, city name, gemeinde, "
             "stadt, ort, kommune, ville, commune, ciudad, municipio, comune, citta, gemeente, miasto",
    "country": "country, country code, countrycode, iso, iso2, land, staat, pays, pais, paese, nation",
    "admin1": "admin1, state, region, province, bundesland, provinz, provincia, canton, kanton, state province",
    "kind": "kind, place kind, place type, type of place",
    "lat": "lat, latitude, y, breite, breitengrad, geometry lat",
    "lon": "lon, lng, long, longitude, x, laenge, lange, laengengrad, geometry lon",
    "date": "date, start, start date, since, year, datum, jahr, decision date, date adopted, adopted, declared, "
            "fecha, data, beschluss, beschlussdatum",
    "end": "end, end date, until, bis, ende",
    "network_or_label": "network or label, network, label, declaration, netzwerk oder label, netzwerk, bundnis, "
                        "erklarung, list, liste, membership, campaign",
    "policy": "policy, policy type, massnahme, politik",
    "title": "title, titel",
    "outcome": "outcome, result, ergebnis",
    "status": "status, verified",
    "source": "source, sources, source url, url, link, quelle, fuente, fonte, reference, ref, evidence",
    "quote": "quote, zitat",
    "note": "note, notes, comment, comments, remark, remarks, bemerkung, anmerkung, notiz",
}
_LABEL_SYNONYMS = {"safe harbor": "Safe Harbour", "sicherer hafen": "Safe Harbour", "sichere hafen": "Safe Harbour",
                   "solidarische stadt": "Solidarity City", "ciudad refugio": "City of Refuge",
                   "ville refuge": "City of Refuge", "welcoming": "Welcoming City"}
_COUNTRY_ALIASES = {"uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
                    "wales": "GB", "northern ireland": "GB", "usa": "US", "u s a": "US", "america": "US",
                    "deutschland": "DE", "germany": "DE", "osterreich": "AT", "oesterreich": "AT", "schweiz": "CH",
                    "suisse": "CH", "svizzera": "CH", "nederland": "NL", "holland": "NL", "belgie": "BE",
                    "belgique": "BE", "espana": "ES", "italia": "IT", "polska": "PL", "cesko": "CZ",
                    "czech republic": "CZ", "danmark": "DK", "sverige": "SE", "norge": "NO", "suomi": "FI",
                    "eire": "IE", "hellas": "GR", "brasil": "BR", "turkey": "TR", "russia": "RU", "portugal": "PT"}
_KIND_SYNONYMS = {"city": "municipality", "town": "municipality", "village": "municipality",
                  "gemeinde": "municipality", "stadt": "municipality", "metropolitan area": "metropolitan_area"}
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


# ---- reading -------------------------------------------------------------------------------------------

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


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """target -> column, guessed from the column names (in several languages); each column used once."""
    mapping: dict[str, str] = {}
    for target, words in _SYNONYMS.items():
        names = {fold(target), *(w.strip() for w in words.split(","))}
        hit = next((c for c in columns if fold(c) in names and c not in mapping.values()), None)
        if hit:
            mapping[target] = hit
    if "place" not in mapping and columns:
        mapping["place"] = next((c for c in columns if c not in mapping.values()), columns[0])
    return mapping


# ---- normalising cells ---------------------------------------------------------------------------------

def normalise_date(value: str) -> tuple[str, str]:
    """(ISO partial date, "") or (value, reason). Day and month are never swapped by guess."""
    v = value.strip()
    if not v or is_partial_date(v):
        return v, ""
    if len(v) > 10 and is_partial_date(v[:10]) and v[10] in " T":
        return v[:10], ""  # a datetime: its day
    number = v[:-2] if v.endswith(".0") else v
    if number.isdigit() and len(number) == 5:  # an Excel serial day (10000 = 1927, 80000 = 2119)
        return (_EXCEL_EPOCH + timedelta(days=int(number))).isoformat(), ""
    parts = v.replace("/", ".").replace("-", ".").split(".")
    if all(p.isdigit() for p in parts) and len(parts) in (2, 3):
        if len(parts[0]) == 4:  # 2019/06/14, 2019.06
            iso = "-".join([parts[0], *(p.zfill(2) for p in parts[1:])])
        elif len(parts[-1]) != 4:
            return v, f"'{value}' has a two-digit year or an unknown order: write it as {FORMAT_HINT}"
        elif len(parts) == 2:  # 06/2019
            iso = f"{parts[1]}-{parts[0].zfill(2)}"
        else:
            a, b, year = int(parts[0]), int(parts[1]), parts[2]
            if "." in v or a > 12 or a == b:  # dots are day-first; a day over 12 cannot be a month
                day, month = a, b
            elif b > 12:
                day, month = b, a
            else:
                return v, (f"'{value}' could be {a} {_month(b)} or {b} {_month(a)}: write it as "
                           f"{year}-{b:02d}-{a:02d} or {year}-{a:02d}-{b:02d}")
            iso = f"{year}-{month:02d}-{day:02d}"
        return (iso, "") if is_partial_date(iso) else (v, f"'{value}' is not a calendar date")
    for fmt, out in (("%B %Y", "%Y-%m"), ("%b %Y", "%Y-%m"), ("%d %B %Y", "%Y-%m-%d"), ("%d %b %Y", "%Y-%m-%d"),
                     ("%B %d, %Y", "%Y-%m-%d"), ("%b %d, %Y", "%Y-%m-%d")):
        try:
            return datetime.strptime(v, fmt).strftime(out), ""
        except ValueError:
            continue
    return v, f"should look like {FORMAT_HINT}, got '{value}'"


def _month(n: int) -> str:
    return date(2000, n, 1).strftime("%B") if 1 <= n <= 12 else str(n)


def _country_index() -> dict[str, str]:
    index = dict(_COUNTRY_ALIASES)
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""), c.alpha_3):
            if name:
                index.setdefault(fold(name), c.alpha_2)
    return index


def _country_names() -> list[str]:
    """Country names for suggestions ('Germny' -> 'Germany')."""
    return sorted({getattr(c, "common_name", c.name) for c in pycountry.countries})


def country_code(value: str) -> str | None:
    """ISO alpha-2 of a country name or code ('Deutschland', 'DEU', 'de' -> 'DE'), None when unknown."""
    key = fold(value)
    if len(key) == 2 and pycountry.countries.get(alpha_2=key.upper()):
        return key.upper()
    return _COUNTRIES.get(key)


_COUNTRIES = _country_index()


def _number(value: str) -> str:
    """A coordinate as written, with a decimal comma read as a point ('52,52' -> '52.52')."""
    v = value.strip().replace("\u2212", "-")
    return v.replace(",", ".") if v.count(",") == 1 and "." not in v else v


def _suggest(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(fold(value), [fold(k) for k in known], n=1, cutoff=0.75)
    return next((f" (did you mean '{k}'?)" for k in known if close and fold(k) == close[0]), "")


# ---- processing ----------------------------------------------------------------------------------------

@dataclass
class Settings:
    """How to read the rows: the column mapping and what applies to the whole file."""

    mapping: dict[str, str] = field(default_factory=dict)  # target -> column
    country: str = ""  # ISO code for rows without a country
    default_what: str = ""  # network id or label for rows naming none ("" = only your own list)
    source: str = ""  # one source (URL or title) for the whole file
    choices: dict[tuple[str, str, str], int] = field(default_factory=dict)  # ambiguous place -> GeoNames id, 0 = none


@dataclass
class Ambiguity:
    """A place name the gazetteer finds several times: a person chooses."""

    name: str
    country_code: str
    admin1: str
    rows: list[int]
    candidates: list

    @property
    def key(self) -> tuple[str, str, str]:
        return fold(self.name), self.country_code, fold(self.admin1)


@dataclass
class _Record:
    """One accepted-so-far row, normalised to the atlas' terms."""

    row: int
    place: str
    country_code: str
    admin1: str = ""
    kind: str = "municipality"
    lat: str = ""
    lon: str = ""
    geonames_id: str = ""
    population: str = ""
    date: str = ""
    end: str = ""
    fact: str = ""  # membership, declaration or "" (your list only)
    what: str = ""  # network id or label
    policy: str = ""
    title: str = ""
    outcome: str = ""
    status: str = "unverified"
    source: str = ""
    quote: str = ""
    note: str = ""


@dataclass
class UploadResult:
    """What became of every row: accepted rows (in `atlas`), problems, places to choose or not found."""

    filename: str
    uploaded: int
    accepted: list[int]
    problems: list[Problem]
    ambiguous: list[Ambiguity]
    unmatched: list[dict]
    records: list[_Record]
    tables: dict[str, pd.DataFrame]
    atlas: Atlas | None

    @property
    def rejected(self) -> list[int]:
        return sorted({p.row for p in self.problems if p.severity == "error"})

    @property
    def places(self) -> int:
        return 0 if self.atlas is None else len(self.atlas.places)


def _what_index(base: Atlas) -> dict[str, tuple[str, str]]:
    """Folded name -> (fact, term): declaration labels first, then networks by id, name and short name."""
    index = {fold(label): ("declaration", label) for label in vocabulary("declarations", "label")}
    index.update({k: ("declaration", v) for k, v in _LABEL_SYNONYMS.items()})
    for nid, net in base.networks.iterrows():
        for name in (nid, net["name"], net["short_name"]):
            index.setdefault(fold(name), ("membership", nid))
    return index


def _policy_index(base: Atlas) -> dict[str, str]:
    terms = vocabulary("policies", "policy_type")
    return {**{fold(t): t for t in terms}, **{fold(base.label("policy_type", t)): t for t in terms}}


def _prepare(upload: Upload, settings: Settings, base: Atlas) -> tuple[list[_Record], list[Problem]]:
    """Normalise each row; rows with a problem are reported and left out."""
    cols = {t: upload.columns.index(c) for t, c in settings.mapping.items() if c in upload.columns}
    whats, policies = _what_index(base), _policy_index(base)
    known_whats = [*vocabulary("declarations", "label"), *base.networks["short_name"]]
    records, problems = [], [p for p in upload.problems]
    for n, cells in zip(upload.row_numbers, upload.rows):
        get = {t: cells[i].strip() for t, i in cols.items()}.get
        found: list[Problem] = []

        def bad(target: str, value: str, kind: str, message: str) -> None:
            found.append(Problem(upload.filename, n, settings.mapping.get(target, target), value, kind, message))

        rec = _Record(n, get("place", ""), "")
        if not rec.place:
            bad("place", "", "required", "the place name is empty")
        raw_country = get("country", "") or settings.country
        rec.country_code = country_code(raw_country) or ""
        if not raw_country:
            bad("country", "", "required", "no country: map a country column or choose one for the whole file")
        elif not rec.country_code:
            bad("country", raw_country, "country", f"'{raw_country}' is not a country name or ISO code"
                + _suggest(raw_country, _country_names()))
        rec.admin1 = get("admin1", "")
        kind = fold(get("kind", ""))
        rec.kind = _KIND_SYNONYMS.get(kind, kind.replace(" ", "_")) or "municipality"
        rec.lat, rec.lon = _number(get("lat", "")), _number(get("lon", ""))
        if bool(rec.lat) != bool(rec.lon):
            bad("lat" if not rec.lat else "lon", "", "required", "give both latitude and longitude, or neither "
                "(the place is then found by its name)")
        for target in ("date", "end"):
            value, reason = normalise_date(get(target, ""))
            setattr(rec, target, value)
            if reason:
                bad(target, get(target, ""), "date", reason)
        what = get("network_or_label", "") or settings.default_what
        if what:
            hit = whats.get(fold(what))
            if hit:
                rec.fact, rec.what = hit
            else:
                bad("network_or_label", what, "vocabulary", f"'{what}' is not a network or a declaration label of "
                    "the atlas" + _suggest(what, known_whats) + "; see the Networks page for names")
        policy = get("policy", "")
        rec.policy = policies.get(fold(policy), policy)
        rec.title = get("title", "") or (base.label("policy_type", rec.policy) if rec.policy else "")
        outcome = get("outcome", "").lower()
        rec.outcome = outcome or "adopted"
        if rec.fact == "membership" and not rec.policy and outcome not in ("", "adopted"):
            bad("outcome", outcome, "vocabulary", f"a membership has no outcome, got '{outcome}': leave it empty")
        rec.status = get("status", "").lower() or "unverified"
        rec.source, rec.quote, rec.note = get("source", "") or settings.source, get("quote", ""), get("note", "")
        if (rec.fact or rec.policy) and not rec.source:
            bad("source", "", "required", "a network, label or policy needs a source: map a source column or name "
                "one source for the whole file")
        problems.extend(found)
        if not found and not any(p.row == n and p.severity == "error" for p in upload.problems):
            records.append(rec)
    return records, problems


def _geocode(records: list[_Record], settings: Settings, gaz: Gazetteer, filename: str
             ) -> tuple[list[_Record], list[Problem], list[Ambiguity], list[dict]]:
    """Place rows without coordinates by name; ambiguous and unknown names are reported, never guessed."""
    kept, problems, ambiguous, unmatched = [], [], {}, {}
    column = settings.mapping.get("place", "place")
    for rec in records:
        if rec.lat:
            kept.append(rec)
            continue
        match = gaz.lookup(rec.place, rec.country_code, rec.admin1)
        key = (fold(rec.place), rec.country_code, fold(rec.admin1))
        chosen = settings.choices.get(key)
        best = match.best or next((c for c in match.candidates if chosen and c.geonames_id == chosen), None)
        if best:
            if rec.kind == "municipality":
                rec.place, rec.population = best.name, str(best.population)
            rec.lat, rec.lon, rec.geonames_id = str(best.lat), str(best.lon), str(best.geonames_id)
            kept.append(rec)
        elif match.status == "ambiguous":
            amb = ambiguous.setdefault(key, Ambiguity(rec.place, rec.country_code, rec.admin1, [], match.candidates))
            amb.rows.append(rec.row)
            names = ", ".join(dict.fromkeys(c.name for c in match.candidates))
            why = "you left it out" if chosen == 0 else "choose one under 'Places with several matches'"
            problems.append(Problem(filename, rec.row, column, rec.place, "ambiguous",
                                    f"'{rec.place}' matches {len(match.candidates)} places in {rec.country_code} "
                                    f"({names}): {why}, or add a state/region or lat and lon columns"))
        else:
            unmatched.setdefault(key, {"place": rec.place, "country": rec.country_code, "admin1": rec.admin1,
                                       "rows": []})["rows"].append(rec.row)
            problems.append(Problem(filename, rec.row, column, rec.place, "unmatched",
                                    f"'{rec.place}' is not in the GeoNames gazetteer for {rec.country_code} (places "
                                    "of 500 or more people): check the spelling or add lat and lon columns"))
    return kept, problems, list(ambiguous.values()), list(unmatched.values())


def _plain(text: str) -> str:
    return text.replace("<", "").replace(">", "")


def _package(records: list[_Record], filename: str, base: Atlas) -> tuple[dict[str, pd.DataFrame], dict]:
    """The accepted rows as data package tables, and each table row's upload rows (file, row) -> [rows]."""
    name = _plain(filename)
    origins: dict[tuple[str, int], list[int]] = {}
    tables: dict[str, list[dict]] = {k: [] for k in ("cities", "memberships", "declarations", "policies", "sources")}

    def add(table: str, rows: list[int], **values) -> None:
        tables[table].append(values)
        origins[(resources()[table].path, len(tables[table]) + 1)] = rows

    ids, place_rows = {}, {}
    for rec in records:  # one place per GeoNames place and kind (or per name and point); homonyms told apart
        identity = (rec.country_code, rec.kind, rec.geonames_id or f"{fold(rec.place)} {rec.lat} {rec.lon}")
        if identity not in ids:
            cid = f"{rec.country_code.lower()}-{slug(rec.place) or 'place'}"
            for suffix in (slug(rec.admin1), rec.geonames_id, str(rec.row)):
                if cid in ids.values() and suffix:
                    cid = f"{cid}-{suffix}"
            ids[identity] = cid
        place_rows.setdefault(ids[identity], []).append(rec)
    for cid, recs in place_rows.items():
        r = recs[0]
        add("cities", [x.row for x in recs], city_id=cid, name=r.place, country_code=r.country_code, admin1=r.admin1,
            kind=r.kind, lat=r.lat, lon=r.lon, geonames_id=r.geonames_id, population=r.population)
    sources = {s: f"user-source-{i}" for i, s in enumerate(dict.fromkeys(r.source for r in records if r.source), 1)}
    bundled = {**{s: s for s in base.sources.index}, **dict(zip(base.sources["url"], base.sources.index))}
    bundled.pop("", None)
    add("sources", [], source_id=FILE_SOURCE, title=f"Your data: {name}", publisher="uploaded in this session",
        kind="dataset")
    for text, sid in sources.items():
        if text in bundled:
            sources[text] = bundled[text]
            continue
        is_url = text.startswith(("http://", "https://"))
        add("sources", [r.row for r in records if r.source == text], source_id=sid,
            title=f"{_plain(text)} (your data: {name})", url=text if is_url else "",
            kind="web_page" if is_url else "document")
    for cid, recs in place_rows.items():
        for r in recs:
            note = "; ".join(x for x in (r.note, f"row {r.row} of {name}") if x)
            common = dict(city_id=cid, status=r.status, quote=r.quote, note=note)
            src = sources.get(r.source, FILE_SOURCE)
            if r.fact == "membership":
                add("memberships", [r.row], **common, network_id=r.what, role="member", start=r.date, end=r.end,
                    source_id=src)
            elif r.fact == "declaration":
                add("declarations", [r.row], **common, label=r.what, date=r.date, outcome=r.outcome,
                    title=r.title if not r.policy else "", source_id=src)
            if r.policy:
                add("policies", [r.row], **common, policy_type=r.policy, title=r.title, start=r.date, end=r.end,
                    outcome=r.outcome, source_id=src)
            if not r.fact and not r.policy:
                add("memberships", [r.row], **common, network_id=LIST_ID, role="listed", start=r.date, end=r.end,
                    source_id=src)
        if all(r.fact or r.policy for r in recs):
            _mark(add, cid, recs, name)
    countries = {r.country_code for r in records}
    used = {r.what for r in records if r.fact == "membership"}
    networks = pd.concat([pd.DataFrame([dict(
        network_id=LIST_ID, name=f"Your data: {name}", short_name=f"Your data: {Path(name).stem[:30]}",
        kind="designation", scope="national" if len(countries) == 1 else "transnational",
        description=f"The places in {name}, the file you uploaded in this session", source_id=FILE_SOURCE)]),
        base.networks[base.networks["network_id"].isin(used)]], ignore_index=True)
    cited = set(networks["source_id"]) | set(sources.values())
    out = {k: pd.DataFrame(v, columns=resources()[k].columns, dtype=object).fillna("") for k, v in tables.items()}
    out["sources"] = pd.concat([out["sources"], base.sources[base.sources["source_id"].isin(cited)]], ignore_index=True)
    out["networks"] = networks.reindex(columns=resources()["networks"].columns).fillna("")
    out["vocabularies"] = base.vocabularies
    return out, origins


def _mark(add, cid: str, recs: list[_Record], name: str) -> None:
    """List a place whose rows all name a fact in 'Your data' too, over the span of those rows' dates."""
    starts = [r.date for r in recs if first_day(r.date)]
    ends = [r.end for r in recs if last_day(r.end)]
    rows = [r.row for r in recs]
    add("memberships", rows, city_id=cid, network_id=LIST_ID, role="listed",
        start=min(starts, key=first_day) if starts else "",
        end=max(ends, key=last_day) if len(ends) == len(recs) else "",
        status="verified" if all(r.status == "verified" for r in recs) else "unverified", source_id=FILE_SOURCE,
        note=f"row {rows[0]} of {name}" if len(rows) == 1 else f"rows {', '.join(map(str, rows))} of {name}; "
                                                                  "dates: the span of those rows")


_FIELD_TARGET = {"name": "place", "country_code": "country", "geonames_id": "place", "population": "place",
                 "network_id": "network_or_label", "label": "network_or_label", "role": "network_or_label",
                 "start": "date", "policy_type": "policy", "source_id": "source", "description": "title"}


def _load(tables: dict[str, pd.DataFrame], origins: dict, settings: Settings, filename: str
          ) -> tuple[Atlas, list[Problem]]:
    """Load the tables with `load_atlas`; its problems, named by upload row and column."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, frame in tables.items():
            frame.to_csv(Path(tmp) / resources()[name].path, index=False)
        atlas = load_atlas(tmp)
    found = []
    for p in atlas.problems:
        if p.type == "reference" and p.field == "city_id":
            continue  # the place itself was left out: its own problem names the reason
        target = _FIELD_TARGET.get(p.field, p.field)
        if target in ("lat", "lon") and "lat" not in settings.mapping:
            target = "place"
        for row in origins.get((p.file, p.row), []):
            value = p.value.removesuffix(f"; row {row} of {_plain(filename)}")  # the note as written
            found.append(Problem(filename, row, settings.mapping.get(target, target), value, p.type, p.message,
                                 p.severity))
    return atlas, found


def process(upload: Upload, settings: Settings, base: Atlas,
            gazetteer: Callable[[], Gazetteer] = gazetteer) -> UploadResult:
    """Validate, geocode and load the rows; `gazetteer` is called only when a row lacks coordinates."""
    records, problems = _prepare(upload, settings, base)
    ambiguous, unmatched = [], []
    if any(not r.lat for r in records):
        records, geo, ambiguous, unmatched = _geocode(records, settings, gazetteer(), upload.filename)
        problems += geo
    rejected = {p.row for p in problems if p.severity == "error"}
    while True:  # a row the package rejects is left out whole, and the rest loaded again
        records = [r for r in records if r.row not in rejected]
        tables, origins = _package(records, upload.filename, base)
        atlas, found = _load(tables, origins, settings, upload.filename)
        errors = [p for p in found if p.severity == "error"]
        newly = {p.row for p in errors} - rejected
        problems += errors if newly else found
        if not newly:
            break
        rejected |= newly
    atlas.problems = problems
    accepted = [r.row for r in records]
    return UploadResult(upload.filename, len(upload.rows), accepted, problems, ambiguous, unmatched, records, tables,
                        atlas if accepted else None)


# ---- outputs -------------------------------------------------------------------------------------------

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


def _tables(atlas: Atlas) -> dict[str, pd.DataFrame]:
    cities = pd.DataFrame(atlas.places.drop(columns=["geometry", "country"])).reset_index(drop=True)
    return {"cities": cities, "networks": atlas.networks.reset_index(drop=True),
            "memberships": atlas.memberships, "declarations": atlas.declarations, "policies": atlas.policies,
            "sources": atlas.sources.reset_index(drop=True), "vocabularies": atlas.vocabularies}


def _same_places(base: Atlas, user: Atlas) -> dict[str, str]:
    """User city id -> id in the merged atlas: the bundled id for the same place, a fresh id for a clash."""
    by_geonames = {(r["country_code"], r["kind"], r["geonames_id"]): cid
                   for cid, r in base.places.iterrows() if r["geonames_id"]}
    by_name = base.places.assign(_key=base.places["name"].map(fold))
    out = {}
    for cid, p in user.places.iterrows():
        same = by_geonames.get((p["country_code"], p["kind"], p["geonames_id"])) if p["geonames_id"] else None
        if same is None:
            near = by_name[(by_name["_key"] == fold(p["name"])) & (by_name["country_code"] == p["country_code"])]
            near = near[((near["lat"] - p["lat"]).abs() <= NEAR_DEGREES)
                        & ((near["lon"] - p["lon"]).abs() <= NEAR_DEGREES)]
            same = near.index[0] if len(near) else None
        out[cid] = same or (cid if cid not in base.places.index else f"{cid}-yours")
    return out


def merge_atlases(base: Atlas, user: Atlas) -> Atlas:
    """The bundled atlas with the user's records beside it. The same place (same GeoNames id, or same name about
    10 km apart) is one place carrying both its bundled and its uploaded facts."""
    ids = _same_places(base, user)
    b, u = _tables(base), _tables(user)
    for name in ("cities", "memberships", "declarations", "policies"):
        u[name] = u[name].assign(city_id=u[name]["city_id"].map(ids))
    u["cities"] = u["cities"][~u["cities"]["city_id"].isin(base.places.index)]
    tables = {name: pd.concat([b[name], u[name]], ignore_index=True) for name in b if name != "vocabularies"}
    tables["networks"] = tables["networks"].drop_duplicates("network_id")
    tables["sources"] = tables["sources"].drop_duplicates("source_id")
    tables["vocabularies"] = base.vocabularies
    return atlas_from_tables(tables, [*base.problems, *user.problems])
