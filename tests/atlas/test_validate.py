"""Malformed data packages: each problem gives a clear message naming file, row and column; good rows stay."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import ROOT
from mapdata import load_atlas

CITIES = """city_id,name,country_code,admin1,kind,lat,lon,geonames_id,population,other_names
de-potsdam,Potsdam,DE,Brandenburg,municipality,52.39886,13.06566,2852458,182112,
it-palermo,Palermo,IT,,municipality,38.1166,13.3636,2523920,648260,Palerme | Panormus
ch-zurich,Zürich,CH,,municipality,47.36667,8.55,2657896,415367,Zurigo | Zurych
"""
NETWORKS = """network_id,name,short_name,kind,scope,founded,description,url,source_id
iash,International Alliance of Safe Harbours,IASH,network,transnational,2021-06,,https://iash-eu.org,kurz-2026
"""
MEMBERSHIPS = """city_id,network_id,role,start,end,end_reason,status,source_id,quote,note
it-palermo,iash,founder,2021-06,,,verified,kurz-2026,a quote,
de-potsdam,iash,member,,,,verified,kurz-2026,,
"""
DECLARATIONS = """city_id,label,date,body,outcome,title,description,status,source_id,quote,note
de-potsdam,Safe Harbour,2019-06-14,council,adopted,,,verified,kurz-2026,,
"""
POLICIES = """city_id,policy_type,title,description,start,end,outcome,status,source_id,quote,note
ch-zurich,municipal_id,Züri City Card,,2018,,adopted,verified,kurz-2026,,
"""
SOURCES = """source_id,title,author,publisher,date,url,kind,licence
kurz-2026,The International Alliance of Safe Harbours,Kurz,Moving Cities,2026-04,https://moving-cities.eu,document,
"""
GOOD = {"cities.csv": CITIES, "networks.csv": NETWORKS, "memberships.csv": MEMBERSHIPS,
        "declarations.csv": DECLARATIONS, "policies.csv": POLICIES, "sources.csv": SOURCES}


@pytest.fixture
def package(tmp_path: Path) -> Path:
    for name, text in GOOD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "data" / "vocabularies.csv", tmp_path)
    return tmp_path


def test_the_bundled_package_validates_clean():
    atlas = load_atlas(ROOT / "data")
    assert [p for p in atlas.problems if p.severity == "error"] == []
    assert len(atlas.places) > 0


def test_the_small_package_validates_clean(package):
    atlas = load_atlas(package)
    assert atlas.problems == []
    assert set(atlas.places.index) == {"de-potsdam", "it-palermo", "ch-zurich"}
    assert len(atlas.facts) == 4


def _append(package: Path, file: str, line: str) -> None:
    with open(package / file, "a", encoding="utf-8") as f:
        f.write(line + "\n")


CASES = [  # (file, bad line appended, expected type, field, message fragment)
    ("memberships.csv", "ch-zurich,iash,member,14/06/2019,,,verified,kurz-2026,,", "date", "start",
     "should look like 2019, 2019-06 or 2019-06-14, got '14/06/2019'"),
    ("memberships.csv", "xx-nowhere,iash,member,2020,,,verified,kurz-2026,,", "reference", "city_id",
     "'xx-nowhere' is not a city_id in cities.csv"),
    ("cities.csv", "de-potsdam,Potsdam again,DE,,municipality,52.4,13.07,,", "duplicate", "city_id",
     "'de-potsdam' is already used on row 2"),
    ("cities.csv", "de-north,Nowhere,DE,,municipality,95.0,13.0,,", "out-of-range", "lat",
     "between -90 and 90, got 95.0"),
    ("cities.csv", "cr-osijek,Osijek,CR,,municipality,45.55,18.69,,", "wrong-country", "lat",
     "not in or near Costa Rica"),
    ("cities.csv", "de-evil,<script>alert(1)</script>,DE,,municipality,52.5,13.4,,", "markup", "name", "HTML markup"),
    ("declarations.csv", "ch-zurich,Super City,2019,council,adopted,,,verified,kurz-2026,,", "vocabulary", "label",
     "'Super City' is not an allowed term"),
    ("policies.csv", "ch-zurich,health_care,Care,,2019,,adopted,maybe,kurz-2026,,", "vocabulary", "status",
     "'maybe' is not an allowed term"),
    ("memberships.csv", "ch-zurich,iash,member,2019,,,verified,no-such-source,,", "reference", "source_id",
     "'no-such-source' is not a source_id in sources.csv"),
    ("cities.csv", "zz-x,X,ZZ,,municipality,10,10,,", "country", "country_code", "not an ISO 3166-1 alpha-2"),
]


@pytest.mark.parametrize("file,line,kind,field,message", CASES, ids=[c[2] + "-" + c[3] for c in CASES])
def test_a_bad_row_is_reported_and_the_good_rows_kept(package, file, line, kind, field, message):
    good = load_atlas(package)
    _append(package, file, line)
    atlas = load_atlas(package)
    errors = [p for p in atlas.problems if p.severity == "error"]
    assert [(p.file, p.type, p.field) for p in errors] == [(file, kind, field)]
    assert errors[0].row == len((package / file).read_text(encoding="utf-8").splitlines())  # the appended line
    assert message in errors[0].message
    assert f"{file}, row {errors[0].row}, column '{field}'" in str(errors[0])
    assert len(atlas.places) == len(good.places) and len(atlas.facts) == len(good.facts)


def test_an_empty_file_is_reported(package):
    (package / "policies.csv").write_text("", encoding="utf-8")
    atlas = load_atlas(package)
    assert [(p.file, p.type) for p in atlas.problems] == [("policies.csv", "empty-file")]
    assert "the file is empty" in atlas.problems[0].message
    assert len(atlas.places) == 3 and len(atlas.memberships) == 2


def test_a_missing_required_column_is_named(package):
    text = MEMBERSHIPS.replace("city_id,network_id,role", "city,network_id,role")
    (package / "memberships.csv").write_text(text, encoding="utf-8")
    atlas = load_atlas(package)
    kinds = {(p.file, p.type, p.field) for p in atlas.problems}
    assert ("memberships.csv", "missing-column", "city_id") in kinds
    assert len(atlas.declarations) == 1 and len(atlas.places) == 3


def test_a_wrong_encoding_is_reported_and_the_rows_read(package):
    (package / "cities.csv").write_bytes(CITIES.encode("cp1252"))
    atlas = load_atlas(package)
    warning = next(p for p in atlas.problems if p.type == "encoding")
    assert warning.severity == "warning" and warning.row == 4 and "is not UTF-8" in warning.message
    assert atlas.places.at["ch-zurich", "name"] == "Zürich"
    assert not [p for p in atlas.problems if p.severity == "error"]


def test_a_revocation_ends_the_declaration(package):
    _append(package, "declarations.csv", "de-potsdam,Safe Harbour,2024-03,council,revoked,,,verified,kurz-2026,,")
    facts = load_atlas(package).facts
    adopted = facts[(facts["city_id"] == "de-potsdam") & (facts["fact"] == "declaration") & facts["positive"]]
    assert str(adopted["end_day"].iloc[0]) == "2024-03-01"


def _write_sources(package: Path, *rows: str) -> None:
    (package / "sources.csv").write_text(SOURCES + "".join(r + "\n" for r in rows), encoding="utf-8")


@pytest.mark.parametrize("where", ["first", "middle"])
def test_a_row_with_an_extra_cell_is_left_out_and_the_others_read_as_written(package, where):
    """An unquoted comma in a cell: that row is reported; the others are neither lost nor shifted."""
    bad = "extra-src,Title, with a comma,,Pub,2019,https://example.org,document,"
    good = "good-src,Good title,,Pub,2019,https://example.org,document,"
    _write_sources(package, *([bad, good] if where == "first" else [good, bad]))
    atlas = load_atlas(package)
    [problem] = [p for p in atlas.problems if p.severity == "error"]
    assert (problem.file, problem.row, problem.type) == ("sources.csv", 3 if where == "first" else 4, "extra-cells")
    assert "9 cells, the header 8" in problem.message
    assert atlas.sources.loc["good-src", "title"] == "Good title"
    assert "extra-src" not in atlas.sources.index and "kurz-2026" in atlas.sources.index


def test_a_cell_with_a_line_break_keeps_its_row_numbers_as_a_spreadsheet_shows_them(package):
    _write_sources(package, 'two-lines,"Title on\ntwo lines",,Pub,2019,,document,',
                   "bad-date,T,,Pub,2019-13,,document,")
    atlas = load_atlas(package)
    assert [(p.row, p.field) for p in atlas.problems if p.severity == "error"] == [(4, "date")]
    assert atlas.sources.loc["two-lines", "title"] == "Title on\ntwo lines"


def test_an_unclosed_quote_is_reported_at_its_row_and_the_rows_above_kept(package):
    _write_sources(package, "above,Above,,Pub,2019,,document,", 'open,"Unclosed,,Pub,2019,,document,',
                   "below,B,,P,2019,,list,")
    atlas = load_atlas(package)
    [problem] = [p for p in atlas.problems if p.severity == "error"]
    assert (problem.row, problem.type) == (4, "unreadable") and "quotes" in problem.message
    assert {"kurz-2026", "above"} <= set(atlas.sources.index) and "open" not in atlas.sources.index
