"""Bring your own records: reading messy files, mapping columns, validating and geocoding rows, merging."""
from __future__ import annotations

import io
import json
import re
import zipfile

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from helpers import ROOT
from mapdata import load_atlas, upload
from mapdata.atlas.merge import merge_atlases
from mapdata.geo.gazetteer import gazetteer
from mapdata.text import fold
from mapdata.upload import LIST_ID, Settings, UploadError, guess_mapping, normalise_date, process, read_upload
from mapdata.view.query import FilterState, select

FIXTURES = ROOT / "tests" / "fixtures" / "upload"


def fixture(name: str) -> upload.Upload:
    return read_upload(name, (FIXTURES / name).read_bytes())


def run(up: upload.Upload, atlas, **kwargs) -> upload.UploadResult:
    return process(up, Settings(mapping=guess_mapping(up.columns), **kwargs), atlas)


def errors(result) -> set[tuple[int, str, str]]:
    """(row, column, problem type) of every error."""
    return {(p.row, p.field, p.type) for p in result.problems if p.severity == "error"}


def assert_counts_add_up(result):
    accepted, rejected = set(result.accepted), set(result.rejected)
    assert not accepted & rejected
    assert len(accepted) + len(rejected) == result.uploaded
    if result.atlas is not None:  # every accepted row is in the atlas, and nothing else
        found = result.atlas.facts["note"].str.extract(r"rows? (\d+(?:, \d+)*) of")[0].dropna()
        rows = {int(n) for text in found for n in text.split(", ")}
        assert rows == accepted


def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


# ---- reading -------------------------------------------------------------------------------------------

def test_windows1252_semicolons_and_blank_lines_keep_file_row_numbers():
    up = fixture("semicolon_windows1252.csv")
    assert up.columns[:3] == ["Stadt", "Land", "Bundesland"]
    assert up.rows[0][0] == "Münster" and up.rows[1][0] == "Göttingen"
    assert up.row_numbers[:3] == [2, 3, 5]  # line 4 is blank
    assert any("semicolon" in n for n in up.notes) and any("blank" in n for n in up.notes)
    assert [p.type for p in up.problems] == ["encoding"]


@pytest.mark.parametrize("encoding, bom, note", [
    ("utf-8", b"", "UTF-8"), ("utf-8", b"\xef\xbb\xbf", "UTF-8 with BOM"), ("latin-1", b"", "Windows-1252"),
    ("cp1252", b"", "Windows-1252"), ("utf-16", b"", "UTF-16"),
])
def test_encodings(encoding, bom, note):
    raw = bom + "place,country\nZürich,CH\n".encode(encoding)
    up = read_upload("e.csv", raw)
    assert up.columns == ["place", "country"]
    assert up.rows[0] == ["Zürich", "CH"]
    assert note in up.notes[0]


@pytest.mark.parametrize("sep, name", [(",", "comma"), (";", "semicolon"), ("\t", "tab"), ("|", "bar")])
def test_separators(sep, name):
    text = sep.join(["place", "country", "note"]) + "\n" + sep.join(["Bern", "CH", "a, b; c"]) + "\n"
    if sep in ",;":
        text = text.replace("a, b; c", '"a, b; c"')
    up = read_upload("s.csv", text.encode())
    assert up.columns == ["place", "country", "note"] and up.rows == [["Bern", "CH", "a, b; c"]]
    assert name in up.notes[0]


def test_ragged_row_and_quoted_line_break():
    up = fixture("latin1_comma.csv")
    assert up.rows[1][-1] == "two\nlines"
    assert up.row_numbers == [2, 3, 5, 6]  # a quoted line break makes row 3 two lines long
    assert [(p.row, p.type) for p in up.problems if p.severity == "error"] == [(5, "extra-cells")]


def test_blank_and_duplicate_headers_get_names():
    up = read_upload("h.csv", b"place,,place\nBern,x,y\n")
    assert up.columns == ["place", "column 2", "place (2)"]


def test_xlsx_dates_sheets_and_rows():
    up = fixture("excel_dates.xlsx")
    assert up.sheets == ["Cities", "Notes"]
    dates = dict(zip((r[0] for r in up.rows), (r[2] for r in up.rows)))
    assert dates["Potsdam"] == "2018-11-20"  # a date cell, at day precision
    assert dates["Leipzig"] == "2019"  # a year stays a year
    assert dates["Dresden"] == "43630"  # a serial number: converted when read as a date (below)
    assert up.row_numbers == [2, 3, 4, 5, 7]  # row 6 is empty
    assert up.rows[0][5] == "52.39886"
    other = read_upload("excel_dates.xlsx", (FIXTURES / "excel_dates.xlsx").read_bytes(), sheet="Notes")
    assert other.rows == [["Bremen", "DE"]]


def test_geojson_points_and_other_geometries():
    up = fixture("places.geojson")
    assert up.columns[-2:] == ["lat", "lon"]
    frame = up.frame()
    assert frame.loc[1, "lat"] == "41.3851" and frame.loc[1, "lon"] == "2.1734"  # GeoJSON is lon, lat
    assert frame.loc[2, "lat"] == ""
    assert [(p.row, p.type, p.severity) for p in up.problems] == [(2, "geometry", "warning")]


def _xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("name, raw, message", [
    ("empty.csv", b"", r"empty\.csv is empty"),
    ("blank.csv", b" \r\n\r\n", r"is empty"),
    ("header.csv", b"place,country\n", r"has a header \(row 1\) but no rows"),
    ("header.xlsx", None, r"has a header \(row 1\) but no rows"),
    ("big.csv", b"place\n" + b"x" * upload.MAX_BYTES, r"MB; the limit is 5 MB"),
    ("long.csv", b"place\n" + b"Bern\n" * (upload.MAX_ROWS + 1), r"has 5,001 rows; the limit is 5,000 rows"),
    ("long.xlsx", "long", r"more than 5,000 rows"),
    ("report.pdf", b"%PDF-1.7 ...", r"is a PDF document, not a table"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, r"old Excel \(\.xls\)"),
    ("archive.zip", None, r"is a ZIP archive"),
    ("sheet.ods", None, r"is an OpenDocument spreadsheet"),
    ("broken.xlsx", b"place,country\nBern,CH\n", r"named \.xlsx but is not an Excel workbook"),
    ("photo.png", b"\x89PNG\r\n\x1a\n", r"is a PNG image"),
    ("notes.docx2", b"hello", r"'\.docx2' files cannot be read: upload a CSV"),
    ("bad.geojson", b'{"type": "FeatureCollection", "features": [', r"not valid JSON \(line 1"),
    ("list.json", b"[1, 2]", r"JSON but not GeoJSON"),
    ("none.geojson", b'{"type": "FeatureCollection", "features": []}', r"has no features"),
])
def test_unusable_files_give_clear_messages(name, raw, message):
    if raw is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            if name.endswith(".ods"):
                zf.writestr("content.xml", "<x/>")
            elif name.endswith(".zip"):
                zf.writestr("a.txt", "a")
            else:
                buffer = io.BytesIO(_xlsx([["place", "country"]]))
        raw = buffer.getvalue()
    elif raw == "long":
        raw = _xlsx([["place"], *[["Bern"]] * (upload.MAX_ROWS + 1)])
    with pytest.raises(UploadError, match=message):
        read_upload(name, raw)


def test_file_without_extension_is_sniffed():
    assert read_upload("towns", b"place,country\nBern,CH\n").rows == [["Bern", "CH"]]
    geo = {"type": "Feature", "properties": {"name": "Bern"}, "geometry": {"type": "Point", "coordinates": [7.4, 46.9]}}
    assert read_upload("towns", json.dumps(geo).encode()).rows == [["Bern", "46.9", "7.4"]]


# ---- mapping and normalising ---------------------------------------------------------------------------

def test_template_headers_map_to_themselves():
    columns = pd.read_csv(upload.TEMPLATE, nrows=0).columns.tolist()
    assert columns == list(upload.TARGETS)
    assert guess_mapping(columns) == {c: c for c in columns}


@pytest.mark.parametrize("columns, expected", [
    (["Stadt", "Land", "Bundesland", "Datum", "Netzwerk oder Label", "Quelle", "Bemerkung"],
     {"place": "Stadt", "country": "Land", "admin1": "Bundesland", "date": "Datum", "network_or_label":
      "Netzwerk oder Label", "source": "Quelle", "note": "Bemerkung"}),
    (["City", "Country Code", "Latitude", "Longitude", "Year", "Declaration", "URL"],
     {"place": "City", "country": "Country Code", "lat": "Latitude", "lon": "Longitude", "date": "Year",
      "network_or_label": "Declaration", "source": "URL"}),
    (["Ort", "lng", "lat"], {"place": "Ort", "lat": "lat", "lon": "lng"}),
    (["Kommune (offiziell)", "Beschluss"], {"place": "Kommune (offiziell)", "date": "Beschluss"}),  # first column
])
def test_guess_mapping(columns, expected):
    assert guess_mapping(columns) == expected


@pytest.mark.parametrize("value, iso", [
    ("", ""), ("2019", "2019"), ("2019-06", "2019-06"), ("2019-06-14", "2019-06-14"),
    ("2019-06-14 00:00:00", "2019-06-14"), ("2019-06-14T10:30", "2019-06-14"), ("43630", "2019-06-14"),
    ("43630.0", "2019-06-14"), ("14.06.2019", "2019-06-14"), ("1.5.2020", "2020-05-01"), ("14/06/2019", "2019-06-14"),
    ("06/14/2019", "2019-06-14"), ("06/06/2019", "2019-06-06"), ("2019/6/14", "2019-06-14"), ("06/2019", "2019-06"),
    ("6.2019", "2019-06"), ("June 2019", "2019-06"), ("14 June 2019", "2019-06-14"), ("Jun 14, 2019", "2019-06-14"),
])
def test_dates_become_iso_at_their_precision(value, iso):
    assert normalise_date(value) == (iso, "")


@pytest.mark.parametrize("value, reason", [
    ("04/06/2019", r"could be 4 June or 6 April: write it as 2019-06-04 or 2019-04-06"),
    ("31.02.2020", r"is not a calendar date"), ("14/13/2019", r"is not a calendar date"),
    ("14.06.19", r"two-digit year"),
    ("spring 2019", r"should look like 2019, 2019-06 or 2019-06-14, got 'spring 2019'"),
    ("2019-13", r"is not a calendar date"),
])
def test_dates_never_guessed(value, reason):
    out, why = normalise_date(value)
    assert out == value
    assert re.search(reason, why)


@pytest.mark.parametrize("value, code", [
    ("Germany", "DE"), ("Deutschland", "DE"), ("de", "DE"), ("DEU", "DE"), ("UK", "GB"), ("United Kingdom", "GB"),
    ("USA", "US"), ("United States", "US"), ("Österreich", "AT"), ("Schweiz", "CH"), ("España", "ES"),
    ("Türkiye", "TR"), ("Czechia", "CZ"), ("Germny", None), ("", None), ("XX", None),
])
def test_country_names_and_codes(value, code):
    assert upload.country_code(value) == code


# ---- validation, on messy files ------------------------------------------------------------------------

def test_german_excel_csv(atlas):
    result = run(fixture("semicolon_windows1252.csv"), atlas)
    assert_counts_add_up(result)
    assert errors(result) == {
        (5, "Land", "country"), (6, "Datum", "date"), (7, "Quelle", "required"), (8, "Stadt", "required"),
        (9, "Stadt", "ambiguous"), (10, "Stadt", "unmatched"), (11, "Datum", "date"),
        (12, "Netzwerk oder Label", "vocabulary")}
    assert result.accepted == [2, 3]
    problems = {p.row: p for p in result.problems if p.severity == "error"}
    assert "did you mean 'Germany'" in problems[5].message
    assert problems[12].value == "Sicherer Hafen Plus"
    decl = result.atlas.declarations.set_index("city_id")
    assert decl.loc["de-munster", ["label", "date"]].tolist() == ["Safe Harbour", "2019-06-14"]
    assert decl.loc["de-gottingen", "date"] == "2019-06"
    assert result.atlas.places.loc["de-munster", "name"] == "Münster"  # GeoNames' spelling


def test_package_rules_apply_to_uploads(atlas):
    result = run(fixture("utf8_bom_tab.tsv"), atlas)
    assert_counts_add_up(result)
    assert errors(result) == {(4, "Latitude", "wrong-country"), (5, "Longitude", "required"),
                              (6, "Notes", "markup"), (7, "Latitude", "out-of-range")}
    markup = next(p for p in result.problems if p.type == "markup")
    assert markup.value == "<b>bold</b> note"
    riace = result.atlas.places.loc["it-riace"]
    assert (riace["lat"], riace["lon"]) == (38.418, 16.481)  # decimal commas
    assert result.atlas.declarations.set_index("city_id").loc["fr-grenoble", "date"] == "2017-06"


def test_latin1_file_with_us_dates(atlas):
    result = run(fixture("latin1_comma.csv"), atlas)
    assert_counts_add_up(result)
    assert errors(result) == {(5, "", "extra-cells")}
    decl = result.atlas.declarations.set_index("city_id")
    assert decl.loc["ca-montreal", "date"] == "2017-02-20" and decl.loc["ch-bern", "date"] == "2020-05-01"
    assert "Montréal" in set(result.atlas.places["name"])
    assert [p.type for p in result.problems if p.severity == "warning"] == ["encoding"]


def test_excel_dates_are_converted_at_day_precision(atlas):
    result = run(fixture("excel_dates.xlsx"), atlas)
    assert_counts_add_up(result)
    assert errors(result) == {(7, "Date", "date")}
    dates = result.atlas.declarations.set_index("city_id")["date"]
    assert dates["de-potsdam"] == "2018-11-20" and dates["de-leipzig"] == "2019"
    assert dates["de-dresden"] == "2019-06-14" and dates["de-rostock"] == "2019-06"


def test_geojson_upload(atlas):
    result = run(fixture("places.geojson"), atlas)
    assert_counts_add_up(result)
    assert errors(result) == {(3, "name", "required")}
    assert set(result.atlas.places["country_code"]) == {"ES"}
    assert result.atlas.places.loc["es-barcelona", "lat"] == 41.3851


def test_every_row_is_accounted_for_in_every_fixture(atlas):
    for path in FIXTURES.iterdir():
        if path.suffix != ".md":
            assert_counts_add_up(run(fixture(path.name), atlas))


def test_no_source_is_rejected_unless_the_file_names_one(atlas):
    up = read_upload("s.csv", b"place,country,lat,lon,network_or_label\nBern,CH,46.948,7.447,Willing to Admit\n")
    assert errors(run(up, atlas)) == {(2, "source", "required")}
    named = run(up, atlas, source="Our survey of Swiss councils, 2024")
    assert named.accepted == [2]
    source_id = named.atlas.declarations["source_id"].iloc[0]
    title = named.atlas.sources.at[source_id, "title"]
    assert title == "Our survey of Swiss councils, 2024 (your data: s.csv)"


def test_rows_naming_nothing_are_on_your_list_without_a_source(atlas):
    up = read_upload("list.csv", b"place,country,date\nBern,CH,2019\nBasel,CH,\n")
    result = run(up, atlas)
    assert result.accepted == [2, 3]
    facts = result.atlas.facts
    assert set(facts["what"]) == {LIST_ID} and set(facts["role"]) == {"listed"}
    assert sorted(facts["start"]) == ["", "2019"]  # the row's date, never a guessed one


def test_whole_file_country_and_default_label(atlas):
    up = read_upload("t.csv", b"Gemeinde,Quelle\nBern,https://example.org/a\nThun,https://example.org/b\n")
    result = run(up, atlas, country="CH", default_what="Willing to Admit")
    assert result.accepted == [2, 3]
    assert set(result.atlas.declarations["label"]) == {"Willing to Admit"}
    assert set(result.atlas.places["country_code"]) == {"CH"}


def test_networks_by_name_id_or_short_name(atlas):
    labels = {fold(t) for t in atlas.vocabularies.query("vocabulary == 'label'")["term"]}
    net = next(n for _, n in atlas.networks.iterrows() if not {fold(n["name"]), fold(n["short_name"])} & labels)
    lines = [f"Bern,CH,46.948,7.447,{value},https://example.org/x" for value in
             (net["network_id"], net["name"].upper(), net["short_name"])]
    up = read_upload("n.csv", ("place,country,lat,lon,network,source\n" + "\n".join(lines)).encode())
    result = run(up, atlas)
    assert result.accepted == [2, 3, 4]
    assert set(result.atlas.memberships["network_id"]) == {net["network_id"], LIST_ID}
    assert net["network_id"] in result.atlas.networks.index  # copied, so the user atlas stands alone


def test_policy_rows(atlas):
    up = read_upload("p.csv", "place,country,lat,lon,policy,source,outcome\n"
                              "Bern,CH,46.948,7.447,Health care,https://example.org/h,Adopted\n"
                              "Thun,CH,46.758,7.628,free lunch,https://example.org/f,\n".encode())
    result = run(up, atlas)
    assert result.accepted == [2]
    assert errors(result) == {(3, "policy", "vocabulary")}
    pol = result.atlas.policies.iloc[0]
    assert (pol["policy_type"], pol["title"], pol["outcome"]) == ("health_care", "Health care", "adopted")


# ---- geocoding -----------------------------------------------------------------------------------------

def test_geocoding_offline_matched_ambiguous_unmatched(atlas):
    up = read_upload("g.csv", "place,country,admin1\nPotsdam,DE,\nFrankfurt,DE,\nFrankfurt,DE,\n"
                              "Xyzzyhausen,DE,\nBergen,NL,Noord-Holland\n".encode())
    result = run(up, atlas)
    assert_counts_add_up(result)
    assert result.accepted == [2, 6]
    [amb] = result.ambiguous
    assert (amb.name, amb.rows) == ("Frankfurt", [3, 4])
    assert {c.name for c in amb.candidates} >= {"Frankfurt am Main", "Frankfurt (Oder)"}
    assert result.unmatched == [{"place": "Xyzzyhausen", "country": "DE", "admin1": "", "rows": [5]}]
    expected = gazetteer().lookup("Bergen", "NL", "Noord-Holland").best
    assert result.atlas.places.set_index("geonames_id").loc[str(expected.geonames_id), "name"] == "Bergen"


def test_ambiguous_names_resolved_by_choice(atlas):
    up = read_upload("g.csv", b"place,country\nFrankfurt,DE\nFrankfurt,DE\n")
    first = run(up, atlas)
    oder = next(c for c in first.ambiguous[0].candidates if "Oder" in c.name)
    mapping = guess_mapping(up.columns)
    chosen = process(up, Settings(mapping, choices={first.ambiguous[0].key: oder.geonames_id}), atlas)
    assert chosen.accepted == [2, 3] and not chosen.ambiguous
    assert chosen.atlas.places["geonames_id"].tolist() == [str(oder.geonames_id)]
    left_out = process(up, Settings(mapping, choices={first.ambiguous[0].key: 0}), atlas)
    assert left_out.accepted == [] and left_out.atlas is None
    assert all("you left it out" in p.message for p in left_out.problems)


def test_gazetteer_is_loaded_only_when_a_row_lacks_coordinates(atlas):
    def no_gazetteer():
        raise AssertionError("the gazetteer was not needed")
    up = read_upload("c.csv", b"place,country,lat,lon\nBern,CH,46.948,7.447\n")
    assert process(up, Settings(guess_mapping(up.columns)), atlas, gazetteer=no_gazetteer).accepted == [2]


# ---- the atlas: alone, merged, exported -----------------------------------------------------------------

def test_user_atlas_has_the_shapes_of_the_bundled_one(atlas):
    user = run(fixture("semicolon_windows1252.csv"), atlas).atlas
    for name in ("places", "networks", "memberships", "declarations", "policies", "sources", "facts"):
        assert set(getattr(atlas, name).columns) <= set(getattr(user, name).columns) | {"geometry"}, name
    view = select(user, FilterState())
    assert set(view.places.index) == set(user.places.index)
    assert set(user.networks.loc[LIST_ID, ["name", "short_name"]]) == {
        "Your data: semicolon_windows1252.csv", "Your data: semicolon_windows1252"}
    assert user.sources.at[upload.FILE_SOURCE, "title"] == "Your data: semicolon_windows1252.csv"
    listed = user.memberships[user.memberships["network_id"] == LIST_ID]
    assert set(listed["city_id"]) == set(user.places.index)  # every uploaded place is marked as yours


def test_merge_keeps_one_record_per_place(atlas):
    known = atlas.places[(atlas.places["geonames_id"] != "") & (atlas.places["kind"] == "municipality")].iloc[0]
    text = (f"place,country,date,network_or_label,source\n{known['name']},{known['country_code']},2019,"
            "Other,https://example.org/k\nRiace,IT,2016,City of Refuge,https://example.org/r\n")
    result = run(read_upload("m.csv", text.encode()), atlas)
    assert result.accepted == [2, 3]
    merged = merge_atlases(atlas, result.atlas)
    assert merged.places.index.is_unique
    assert len(merged.facts) == len(atlas.facts) + len(result.atlas.facts)
    riace = str(gazetteer().lookup("Riace", "IT").best.geonames_id)
    assert len(merged.places) == len(atlas.places) + (riace not in set(atlas.places["geonames_id"]))
    mine = select(merged, FilterState(networks=(LIST_ID,)))
    assert known["city_id"] in mine.places.index  # the bundled place, now with your facts
    assert len(mine.places) == len(result.atlas.places)
    ids = set(merged.facts.loc[merged.facts["source_id"].str.startswith("user-"), "city_id"])
    assert known["city_id"] in ids


def test_merge_keeps_a_different_place_of_the_same_name_apart(atlas):
    known = atlas.places.iloc[0]
    text = f"place,country,lat,lon\n{known['name']},{known['country_code']},{known['lat'] + 0.3},{known['lon']}\n"
    result = run(read_upload("f.csv", text.encode()), atlas)
    merged = merge_atlases(atlas, result.atlas)
    assert len(merged.places) == len(atlas.places) + 1 and merged.places.index.is_unique
    user_id = result.atlas.places.index[0]
    assert (f"{user_id}-yours" if user_id in atlas.places.index else user_id) in merged.places.index


def test_clean_csv_round_trips(atlas):
    result = run(fixture("semicolon_windows1252.csv"), atlas)
    clean = upload.clean_frame(result)
    assert list(clean.columns) == list(upload.TARGETS)
    assert len(clean) == len(result.accepted)
    again = run(read_upload("clean.csv", clean.to_csv(index=False).encode()), atlas)
    assert len(again.accepted) == len(clean) and not again.rejected
    cols = ["city_id", "fact", "what", "start", "status"]
    pd.testing.assert_frame_equal(again.atlas.facts[cols].sort_values(cols).reset_index(drop=True),
                                  result.atlas.facts[cols].sort_values(cols).reset_index(drop=True))


def test_package_zip_loads_as_a_data_package(atlas, tmp_path):
    result = run(fixture("excel_dates.xlsx"), atlas)
    with zipfile.ZipFile(io.BytesIO(upload.package_zip(result))) as zf:
        zf.extractall(tmp_path)
    assert json.loads((tmp_path / "datapackage.json").read_text())["title"] == "Your data: excel_dates.xlsx"
    again = load_atlas(tmp_path)
    assert not again.problems
    assert len(again.facts) == len(result.atlas.facts)


def test_rejected_rows_report(atlas):
    result = run(fixture("good_and_bad.csv"), atlas)
    report = upload.report_frame(result)
    assert list(report.columns) == ["row", "column", "value", "problem", "reason"]
    assert report["row"].tolist() == result.rejected
    assert pd.read_csv(io.StringIO(report.to_csv(index=False)))["row"].tolist() == result.rejected


def test_template_is_accepted_whole(atlas):
    result = run(read_upload(upload.TEMPLATE.name, upload.TEMPLATE.read_bytes()), atlas)
    assert result.rejected == [] and result.uploaded == len(pd.read_csv(upload.TEMPLATE))


# ---- property: whatever the cells, every row is accepted or rejected, and nothing raises -----------------

CELLS = {
    "place": st.sampled_from(["Bern", "Zürich", "", "<i>x</i>", "Genève", "Frankfurt", "Nowhere-at-all"]),
    "country": st.sampled_from(["CH", "Schweiz", "", "ZZ", "DE"]),
    "lat": st.sampled_from(["", "46.95", "46,95", "abc", "91"]),
    "lon": st.sampled_from(["", "7.45", "7,45", "-200"]),
    "date": st.sampled_from(["", "2019", "14.06.2019", "04/06/2019", "43630", "soon"]),
    "network_or_label": st.sampled_from(["", "Safe Harbour", "Willing to Admit", "nonsense"]),
    "source": st.sampled_from(["", "https://example.org/s", "a report"]),
}


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.fixed_dictionaries(CELLS), min_size=1, max_size=8))
def test_counts_always_add_up(atlas, rows):
    frame = pd.DataFrame(rows, columns=list(CELLS))
    up = read_upload("h.csv", frame.to_csv(index=False).encode())
    assert up.row_numbers == list(range(2, len(rows) + 2))
    assert_counts_add_up(run(up, atlas))
