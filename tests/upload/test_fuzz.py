"""The loader and the upload, fuzzed: random bytes, random CSVs, extreme values. Nothing raises; every row is
either accepted (and read as written) or reported by its row."""
from __future__ import annotations

import io
import json
import shutil
import tempfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from helpers import ROOT
from mapdata import load_atlas, upload
from mapdata.atlas.problems import ROW
from mapdata.atlas.read import decode, read_csv_text
from mapdata.atlas.schema import resources


def fuzz(examples: int) -> settings:
    """Bounded, so CI stays fast; no deadline (the first load of the gazetteer takes seconds); derandomized, so a
    run finds what the last one found (a new case is found by raising `examples` here, not by chance in CI)."""
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


RES = resources()
TABLES = ["cities", "networks", "memberships", "declarations", "policies", "sources"]
ATTRIBUTE = {"cities": "places"}  # Atlas attribute of each table, where it differs from the table's name

# A small valid package: every fuzzed file replaces one of these tables, the others stay good.
BASE = {
    "cities": [
        dict(city_id="de-potsdam", name="Potsdam", country_code="DE", admin1="Brandenburg", kind="municipality",
             lat="52.39886", lon="13.06566", geonames_id="2852458", population="182112"),
        dict(city_id="it-palermo", name="Palermo", country_code="IT", admin1="Sicily", kind="municipality",
             lat="38.1166", lon="13.3636", geonames_id="2523920", population="648260"),
        dict(city_id="mt-valletta", name="Valletta", country_code="MT", admin1="", kind="municipality",  # no shape
             lat="35.89968", lon="14.5148", geonames_id="2562305", population="6794"),
    ],
    "networks": [dict(network_id="iash", name="International Alliance of Safe Harbours", short_name="IASH",
                      kind="network", scope="transnational", founded="2021-06", description="",
                      url="https://iash-eu.org", source_id="kurz-2026")],
    "memberships": [
        dict(city_id="it-palermo", network_id="iash", role="founder", start="2021-06", end="", end_reason="",
             status="verified", source_id="kurz-2026", quote="a quote", note=""),
        dict(city_id="mt-valletta", network_id="iash", role="member", start="", end="", end_reason="",
             status="unverified", source_id="kurz-2026", quote="", note="as of 2024"),
    ],
    "declarations": [dict(city_id="de-potsdam", label="Safe Harbour", date="2019-06-14", body="council",
                          outcome="adopted", title="Sicherer Hafen", status="verified", source_id="kurz-2026",
                          quote="", note="")],
    "policies": [dict(city_id="it-palermo", policy_type="health_care", title="Health care for all", description="",
                      start="2018", end="", outcome="adopted", status="verified", source_id="kurz-2026", quote="",
                      note="")],
    "sources": [dict(source_id="kurz-2026", title="The International Alliance of Safe Harbours", author="Kurz",
                     publisher="Moving Cities", date="2026-04", url="https://moving-cities.eu", kind="document",
                     licence="")],
}
UNIQUE = {"cities": "city_id", "networks": "network_id", "sources": "source_id"}

HOSTILE = ["", " ", "  padded  ", "<b>bold</b>", "< script>", "&lt;script&gt;", "javascript:alert(1)", "nan", "NaN",
           "-nan", "inf", "-Infinity", "1e309", "-1e309", "1e-400", "9" * 400, "-0", "0x1F", "1_000", "٣", "+5",
           "Ⅻ", "2019-02-30", "2019-13", "14/06/2019", "0000", "99999", "de-", "zz", "DE", "\u202eevil", "\ufeffbom",
           "a\nb", "a\r\nb", 'quote"d', "semi;colon", "tab\tbed", "x" * 3000, "nul\x00byte", "=HYPERLINK(\"x\")"]


def _pool(table: str, name: str) -> list[str]:
    """Plausible and extreme values of one column."""
    field = next(f for f in RES[table].fields if f.name == name)
    values = [*HOSTILE, *field.enum, *(row.get(name, "") for rows in BASE.values() for row in rows)]
    if field.type in ("number", "integer"):
        values += ["0", "90", "-90.0", "180", "-180.0001", "52.5", "13", "1e2", "00012", " 7 ", "999999999999999999999"]
    if field.pattern and "\\d{4}" in field.pattern:
        values += ["2019", "2019-06", "2019-06-14", "1800", "9999-12-31", "2019-6", "2019-06-14T10:00"]
    if name.endswith("_id") or name == "city_id":
        values += ["de-potsdam", "it-palermo", "iash", "kurz-2026", "de-new", "xx-", "DE-potsdam", "de_potsdam"]
    if name == "country_code":
        values += ["DE", "IT", "MT", "XK", "de", "EU", "UK", "GB"]
    return list(dict.fromkeys(values))


def _cell(table: str, name: str):
    return st.one_of(st.sampled_from(_pool(table, name)), st.text(max_size=12))


@st.composite
def fuzzed_tables(draw, table: str | None = None):
    """(table, header, rows): a CSV of one table with shuffled, missing and extra columns, and rows built from
    good rows with some cells replaced by extreme values. Every row has as many cells as the header."""
    table = table or draw(st.sampled_from(TABLES))
    columns = RES[table].columns
    header = draw(st.permutations(columns))
    header = [c for c in header if c not in draw(st.sets(st.sampled_from(columns), max_size=1))]
    header += draw(st.sampled_from([[], ["remark"], [" " + columns[1]], [ROW], [columns[0] + " "]]))
    rows = []
    for i in range(draw(st.integers(0, 6))):
        row = dict(draw(st.sampled_from(BASE[table])))
        if table in UNIQUE and draw(st.booleans()):
            row[UNIQUE[table]] = f"{row[UNIQUE[table]]}-{i}"
        for name in draw(st.lists(st.sampled_from(columns), max_size=3)):
            row[name] = draw(_cell(table, name))
        rows.append([row.get(h, "") if h in columns else draw(st.text(max_size=8)) for h in header])
    return table, header, rows


def _quoted(cell: str) -> str:
    """A CSV field (csv.writer leaves a lone CR unquoted when lines end with LF, and no reader reads that back)."""
    return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\r\n') else cell


def _csv(header: list[str], rows: list[list[str]], newline: str = "\n") -> bytes:
    return "".join(",".join(map(_quoted, r)) + newline for r in [header, *rows]).encode("utf-8")


def _load(table: str, raw: bytes):
    """Load the base package with one table's file replaced by `raw`."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, rows in BASE.items():
            columns = RES[name].columns
            data = raw if name == table else _csv(columns, [[r.get(c, "") for c in columns] for r in rows])
            (Path(tmp) / RES[name].path).write_bytes(data)
        shutil.copy(ROOT / "data" / "vocabularies.csv", tmp)
        return load_atlas(tmp)


def _outcome(atlas, table: str) -> tuple[bool, set[int]]:
    """(a file-level error left the whole table out, the rows of the file reported as errors)."""
    file = RES[table].path
    errors = [p for p in atlas.problems if p.file == file and p.severity == "error"]
    return any(p.row in (None, 1) for p in errors), {p.row for p in errors if p.row not in (None, 1)}


def _cells(header: list[str], row: list[str]) -> dict[str, str]:
    """A row by column name as the loader reads it: names stripped, the first of two equal names wins."""
    cells: dict[str, str] = {}
    for name, value in zip(header, row):
        cells.setdefault(name.strip(), value)
    return cells


def _loaded(atlas, table: str):
    return getattr(atlas, ATTRIBUTE.get(table, table))


@fuzz(40)
@given(fuzzed_tables(), st.sampled_from(["\n", "\r\n"]))
def test_every_row_of_a_fuzzed_table_is_loaded_as_written_or_reported(case, newline):
    table, header, rows = case
    atlas = _load(table, _csv(header, rows, newline))
    whole, rejected = _outcome(atlas, table)
    loaded = _loaded(atlas, table)
    if whole:
        assert len(loaded) == 0
        return
    assert rejected <= set(range(2, len(rows) + 2)), "a problem names a row the file does not have"
    assert len(loaded) + len(rejected) == len(rows)
    expected = [[_cells(header, r).get(c, "").strip() for c in RES[table].columns]
                for n, r in enumerate(rows, start=2) if n not in rejected]
    if table == "cities":  # coordinates become numbers; every other cell stays the text written
        got = loaded[RES[table].columns].assign(lat=lambda f: f["lat"].map(repr), lon=lambda f: f["lon"].map(repr))
        expected = [[repr(float(v)) if c in ("lat", "lon") else v for c, v in zip(RES[table].columns, r)]
                    for r in expected]
    else:
        got = loaded[RES[table].columns]
    assert got.values.tolist() == expected


@fuzz(150)
@given(fuzzed_tables())
def test_extreme_values_never_load_a_place_off_the_earth(case):
    """Read and checked alone (fast, so many more cases): no exception, and every accepted coordinate is finite
    and on the globe."""
    from mapdata.atlas.checks import check_table
    table, header, rows = case
    problems = []
    frame = read_csv_text(decode(_csv(header, rows), RES[table].path, problems), RES[table].path, RES[table], problems)
    kept = check_table(frame, RES[table], RES[table].path, problems)
    reported = {p.row for p in problems if p.severity == "error"}
    if reported & {None, 1}:
        assert kept.empty
        return
    assert set(frame[ROW]) == set(kept[ROW]) | reported and not set(kept[ROW]) & reported
    for field in RES[table].fields:
        if field.type == "number":
            values = kept[field.name][kept[field.name] != ""].astype(float)
            assert values.between(field.minimum, field.maximum).all(), values.tolist()


CSV_ALPHABET = st.sampled_from([",", ";", "\t", '"', "\n", "\r", " ", "a", "é", "<", "1", "-", ".", "\x00", "\ufeff"])


@fuzz(15)
@given(st.sampled_from(TABLES),
       st.one_of(st.binary(max_size=600),
                 st.text(CSV_ALPHABET, max_size=300).map(lambda t: t.encode("utf-8")),
                 st.text(CSV_ALPHABET, max_size=300).map(lambda t: t.encode("cp1252", errors="replace")),
                 fuzzed_tables().map(lambda c: _csv(c[1], c[2])[: len(_csv(c[1], c[2])) // 2])))  # cut mid-row
def test_random_bytes_in_any_table_are_reported_not_raised(table, raw):
    atlas = _load(table, raw)
    whole, rejected = _outcome(atlas, table)
    parsed = read_csv_text(decode(raw, "f", []), "f", RES[table], [])
    if whole:
        assert len(_loaded(atlas, table)) == 0
    else:
        assert len(_loaded(atlas, table)) + len(rejected) == len(parsed)


@fuzz(200)
@given(st.binary(max_size=400))
def test_decode_always_gives_text_and_keeps_utf8(raw):
    problems = []
    text = decode(raw, "f.csv", problems)
    assert isinstance(text, str)
    try:
        assert text == raw.decode("utf-8-sig") and problems == []
    except UnicodeDecodeError:
        assert [p.type for p in problems] == ["encoding"] and problems[0].row >= 1


# ---- the upload ----------------------------------------------------------------------------------------

NAMES = ["f.csv", "f.tsv", "f.txt", "f.xlsx", "f.geojson", "f.json", "f", "F.CSV", "f.pdf", "f.xls", "f.csv.exe"]
MAGIC = [b"", b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"{", b"\x89PNG"]


@fuzz(200)
@given(st.sampled_from(NAMES), st.sampled_from(MAGIC), st.binary(max_size=500))
def test_any_file_is_read_or_refused_with_a_message(name, magic, raw):
    try:
        up = upload.read_upload(name, magic + raw)
    except upload.UploadError as exc:
        assert str(exc)
        return
    assert up.columns and len(up.rows) == len(up.row_numbers) >= 1
    assert all(len(r) == len(up.columns) for r in up.rows)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=8)
GEOMETRY = st.one_of(JSON, st.fixed_dictionaries({"type": st.sampled_from(["Point", "LineString", 5, None]),
                                                  "coordinates": JSON}))
FEATURE = st.one_of(JSON, st.fixed_dictionaries({"type": st.just("Feature"), "geometry": GEOMETRY,
                                                 "properties": st.one_of(JSON, st.dictionaries(
                                                     st.sampled_from(["name", "place", "country", "lat", "", "date"]),
                                                     JSON, max_size=4))}))


@fuzz(200)
@given(st.one_of(JSON, st.fixed_dictionaries({"type": st.just("FeatureCollection"),
                                               "features": st.one_of(JSON, st.lists(FEATURE, max_size=4))}),
                 FEATURE))
def test_any_json_is_read_or_refused_with_a_message(data):
    try:
        up = upload.read_upload("f.geojson", json.dumps(data).encode())
    except upload.UploadError as exc:
        assert str(exc)
        return
    assert all(len(r) == len(up.columns) for r in up.rows)


UPLOAD_COLUMNS = ["place", "Stadt", "country", "Land", "admin1", "lat", "lon", "Breite", "date", "Datum", "end",
                  "network_or_label", "policy", "title", "outcome", "status", "source", "quote", "note", "kind", "x",
                  ""]
UPLOAD_CELLS = st.one_of(
    st.sampled_from(["Bern", "Zürich", "Palermo", "Frankfurt", "Springfield", "Nowhere-at-all", "Valletta", "CH", "DE",
                     "Deutschland", "US", "IT", "MT", "ZZ", "46.95", "7,45", "52,52", "91", "-200", "nan", "inf",
                     "1e309",
                     "2019", "14.06.2019", "04/06/2019", "06/2019", "43630", "43630.0", "June 2019", "soon",
                     "Safe Harbour", "Sicherer Hafen", "iash", "ICORN", "health_care", "Municipal ID", "nonsense",
                     "https://example.org/s", "javascript:alert(1)", "a report", "adopted", "revoked", "absent",
                     "verified", "region", "collective", "island", *HOSTILE]),
    st.text(max_size=10))


@st.composite
def uploads(draw):
    columns = draw(st.lists(st.sampled_from(UPLOAD_COLUMNS), min_size=1, max_size=8))
    row = st.lists(UPLOAD_CELLS, min_size=len(columns), max_size=len(columns) + 1)  # one cell too many, at times
    rows = draw(st.lists(row, min_size=1, max_size=6))
    return columns, rows


def _assert_every_row_accounted_for(result):
    accepted, rejected = set(result.accepted), set(result.rejected)
    assert not accepted & rejected
    assert len(accepted) + len(rejected) == result.uploaded
    assert (result.atlas is None) == (not accepted)


@fuzz(25)
@given(uploads(), st.sampled_from(["", "CH", "DE", "MT"]), st.sampled_from(["", "Safe Harbour", "iash"]),
       st.sampled_from(["", "https://example.org/list", "javascript:alert(1)"]))
def test_a_random_csv_upload_accounts_for_every_row(atlas, case, country, what, source):
    columns, rows = case
    raw = _csv(columns, rows)
    try:
        up = upload.read_upload("fuzz.csv", raw)
    except upload.UploadError:
        return
    settings_ = upload.Settings(upload.guess_mapping(up.columns), country=country, default_what=what, source=source)
    result = upload.process(up, settings_, atlas)
    _assert_every_row_accounted_for(result)
    assert {p.row for p in result.problems} <= set(up.row_numbers)
    if result.atlas is not None:  # what the map gets is finite and on the globe
        assert result.atlas.places["lat"].between(-90, 90).all() and result.atlas.places["lon"].between(-180, 180).all()


XLSX_CELLS = st.one_of(UPLOAD_CELLS.filter(lambda v: not any(ord(c) < 32 and c not in "\t\n\r" for c in v)),
                       st.none(), st.booleans(), st.integers(-10**15, 10**15),
                       st.floats(allow_nan=False, allow_infinity=False), st.dates(date(1900, 3, 1), date(2100, 1, 1)),
                       st.datetimes(datetime(1900, 3, 1), datetime(2100, 1, 1)))


@fuzz(10)
@given(st.lists(st.sampled_from(UPLOAD_COLUMNS[:-1]), min_size=1, max_size=6, unique=True),
       st.lists(st.lists(XLSX_CELLS, min_size=1, max_size=7), min_size=1, max_size=5))
def test_a_random_workbook_upload_accounts_for_every_row(atlas, columns, rows):
    book = openpyxl.Workbook()
    book.active.append(columns)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    try:
        up = upload.read_upload("fuzz.xlsx", buffer.getvalue())
    except upload.UploadError:
        return
    assume(up.rows)
    result = upload.process(up, upload.Settings(upload.guess_mapping(up.columns), country="DE"), atlas)
    _assert_every_row_accounted_for(result)


@pytest.mark.parametrize("coordinates", [5, {"x": 1, "y": 2}, "ab", [None, None], [[1, 2], [3, 4]], [1]])
def test_a_point_with_odd_coordinates_is_read_by_name(coordinates):
    data = {"type": "Feature", "geometry": {"type": "Point", "coordinates": coordinates},
            "properties": {"name": "Bern"}}
    up = upload.read_upload("f.geojson", json.dumps(data).encode())
    assert up.rows[0][0] == "Bern"


def test_an_extreme_population_neither_breaks_the_search_nor_the_panel():
    from mapdata.render.panel import place_detail
    from mapdata.view.query import search_places
    huge = {**BASE["cities"][0], "city_id": "de-potsdam-2", "population": "9" * 40}
    with tempfile.TemporaryDirectory() as tmp:
        for name, rows in {**BASE, "cities": [*BASE["cities"], huge]}.items():
            (Path(tmp) / RES[name].path).write_bytes(_csv(RES[name].columns, [[r.get(c, "") for c in RES[name].columns]
                                                                              for r in rows]))
        shutil.copy(ROOT / "data" / "vocabularies.csv", tmp)
        atlas = load_atlas(tmp)
    assert list(search_places(atlas, "potsdam").index) == ["de-potsdam-2", "de-potsdam"]
    assert place_detail(atlas, "de-potsdam-2").population == f"{int('9' * 40):,}"


def test_a_file_whose_header_cannot_be_read_is_left_out_as_a_whole():
    """Found by the fuzzer: b'\\r"' (a blank row, then an unclosed quote) has no header to read rows by."""
    atlas = _load("cities", b'\r"')
    whole, _ = _outcome(atlas, "cities")
    assert whole and len(_loaded(atlas, "cities")) == 0
    assert any(p.type == "empty-file" and "no header row can be read" in p.message for p in atlas.problems)
