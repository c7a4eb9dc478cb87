"""Exports of a view (CSV, GeoJSON, standalone HTML map), the places table and 'cite this view'."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from datetime import date

import geopandas as gpd
import pandas as pd
import pytest

from mapdata.export.registry import VIEW_FORMATS, export, filename
from mapdata.render.tables import TABLE_COLUMNS, fact_rows, places_table
from mapdata.view.cite import cite_view, describe_filters, view_sources
from mapdata.view.query import FilterState, select


@pytest.fixture(scope="module")
def italy(atlas):
    return select(atlas, FilterState(countries=("IT",)))


@pytest.fixture(scope="module")
def everything(atlas):
    return select(atlas, FilterState())


def _csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _dated_day(view) -> date:
    """A day in the middle of the view's dated places, so that some are shown and some not yet."""
    days = view.places["first_day"].dropna().sort_values()
    return days.iloc[len(days) // 2]


def test_the_registry_names_every_format_with_its_mime_and_extension():
    assert set(VIEW_FORMATS) == {"csv", "geojson", "html"}
    assert {e.ext for e in VIEW_FORMATS.values()} == {"csv", "geojson", "html"}
    with pytest.raises(ValueError, match="unknown export format 'xlsx': use one of csv, geojson, html"):
        export("xlsx", None, None)


@pytest.mark.parametrize("state", [FilterState(), FilterState(countries=("IT",)), FilterState(verified_only=True)])
def test_the_csv_holds_exactly_the_shown_places_one_row_per_fact(atlas, state):
    view = select(atlas, state)
    data, mime, name = export("csv", view, atlas)
    rows = _csv(data)
    assert mime == "text/csv" and name.endswith(".csv")
    assert set(rows["city_id"]) == set(view.shown_places().index)
    assert len(rows) == len(view.shown_facts())
    assert rows.columns[:3].tolist() == ["city_id", "name", "country_code"]
    assert {"fact", "what", "start", "status", "source_title", "source_url", "quote"} <= set(rows.columns)
    if state.verified_only:
        assert set(rows["status"]) == {"verified"}


def test_csv_rows_carry_each_fact_source_and_quote(atlas, italy):
    rows = _csv(export("csv", italy, atlas).data)
    facts = italy.shown_facts()
    quoted = facts[facts["quote"] != ""].iloc[0]
    hit = rows[(rows["city_id"] == quoted["city_id"]) & (rows["quote"] == quoted["quote"])]
    assert len(hit) >= 1
    source = atlas.sources.loc[quoted["source_id"]]
    assert hit["source_title"].iloc[0] == source["title"] and hit["source_url"].iloc[0] == source["url"]
    assert set(rows["country_code"]) == {"IT"}
    assert (rows["name"] == rows["city_id"].map(atlas.places["name"])).all()


def test_the_csv_opens_in_spreadsheets_with_diacritics_intact(atlas, everything):
    data = export("csv", everything, atlas).data
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark
    accented = [n for n in everything.shown_places()["name"] if n != n.encode("ascii", "ignore").decode()]
    assert accented and set(accented) <= set(_csv(data)["name"])


def test_an_as_of_date_leaves_out_later_places_and_facts(atlas, everything):
    day = _dated_day(everything)
    view = select(atlas, FilterState(as_of=day))
    rows = _csv(export("csv", view, atlas).data)
    assert set(rows["city_id"]) == set(view.visible_on(day).index)
    assert len(set(rows["city_id"])) < len(everything.shown_places())
    starts = rows["start"].map(lambda s: s[:10]).replace("", "0000")
    assert (starts <= day.isoformat()).all()  # partial dates ('2019', '2019-06') sort before their days


def test_an_empty_view_exports_headers_and_no_rows(atlas):
    view = select(atlas, FilterState(countries=("IT",), networks=("no-such-network",)))
    assert view.places.empty
    assert _csv(export("csv", view, atlas).data).empty
    assert json.loads(export("geojson", view, atlas).data)["features"] == []
    assert places_table(view, atlas).empty


def test_the_geojson_is_valid_with_one_point_per_shown_place(atlas, italy):
    data, mime, name = export("geojson", italy, atlas)
    assert mime == "application/geo+json" and name.endswith(".geojson")
    doc = json.loads(data)
    assert doc["type"] == "FeatureCollection"
    frame = gpd.read_file(io.BytesIO(data))
    shown = italy.shown_places()
    assert len(frame) == len(doc["features"]) == len(shown)
    assert set(frame.geom_type) == {"Point"}
    for feature in doc["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        place = shown.loc[feature["id"]]
        assert (lat, lon) == pytest.approx((place["lat"], place["lon"]), abs=1e-4)


def test_geojson_features_carry_their_facts_sources_and_quotes(atlas, italy):
    features = {f["id"]: f["properties"] for f in json.loads(export("geojson", italy, atlas).data)["features"]}
    facts = italy.shown_facts()
    for city_id, group in facts.groupby("city_id"):
        props = features[city_id]
        assert len(props["facts"]) == len(group)
        assert {f["source_id"] for f in props["facts"]} == set(group["source_id"])
        assert {f["quote"] for f in props["facts"]} == set(group["quote"])
        assert all(f["source_title"] for f in props["facts"])
        assert props["name"] == atlas.places.at[city_id, "name"]


def test_the_html_map_is_one_file_with_no_remote_or_app_asset(atlas, italy):
    data, mime, name = export("html", italy, atlas, link="http://localhost:8501/atlas?country=IT")
    html = data.decode("utf-8")
    assert mime == "text/html" and name.endswith(".html")
    assert not re.search(r"<script\b[^>]*\bsrc=", html, re.I)
    assert not re.search(r"<link\b[^>]*\bhref=", html, re.I)
    assert "/app/static" not in html
    assert not re.search(r"""url\(\s*['"]?(https?:)?//""", html, re.I)
    assert "SolidarityAtlas.create" in html and '"basemap_inline"' in html and '"basemap_url"' not in html
    assert "http://localhost:8501/atlas?country=IT" in html


def test_the_html_map_escapes_text_from_data(atlas, italy):
    city = italy.shown_places().index[0]
    hostile = "<script>alert(1)</script>"
    facts = italy.shown_facts()
    sources = atlas.sources.copy()
    sources.loc[facts.loc[facts["city_id"] == city, "source_id"].iloc[0], "title"] = hostile
    html = export("html", italy, replace(atlas, sources=sources)).data.decode("utf-8")
    assert hostile not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_places_table_has_one_row_per_shown_place_in_people_terms(atlas, italy):
    table = places_table(italy, atlas)
    shown = italy.shown_places()
    assert table.columns.tolist() == TABLE_COLUMNS
    assert list(table.index) == list(shown.index)
    undated = shown[shown["first_day"].isna()].index
    assert (table.loc[undated, "First date"] == "date unknown").all()
    dated = shown[shown["first_day"].notna()].index
    assert (table.loc[dated, "First date"] == shown.loc[dated, "first_date"]).all()
    city = shown[shown["networks"].map(len) > 0].index[0]
    assert table.at[city, "Networks"] == [atlas.networks.at[n, "short_name"] for n in shown.at[city, "networks"]]
    assert set(table["Status"]) <= {"✓ verified", "unverified"}
    assert (table["Status"] == "✓ verified").sum() == shown["verified"].sum()


@pytest.mark.parametrize("text", ["zurich", "ZÜRICH", "Zürich", "zur"])
def test_the_table_search_ignores_case_and_diacritics(atlas, everything, text):
    table = places_table(everything, atlas, text)
    assert "Zürich" in set(table["Place"])
    assert all("zur" in f"{r.Place} {r.Region} {r.Country}".lower().replace("ü", "u") for r in table.itertuples())


def test_the_table_search_matches_region_and_country(atlas, everything):
    shown = everything.shown_places()
    region = shown.loc[shown["admin1"] != "", "admin1"].value_counts().index[0]
    assert set(places_table(everything, atlas, region).index) >= set(shown[shown["admin1"] == region].index)
    assert set(places_table(everything, atlas, "italy").index) == set(shown[shown["country_code"] == "IT"].index)
    assert places_table(everything, atlas, "no place is called this").empty


def test_cite_names_the_view_link_and_every_source_it_uses(atlas, italy):
    text = cite_view(italy, atlas, "http://example.org/places?country=IT", accessed=date(2026, 1, 2))
    assert "View: Italy: " in text and "Accessed 2026-01-02." in text
    assert "http://example.org/places?country=IT" in text.splitlines()
    used = set(italy.shown_facts()["source_id"])
    sources = view_sources(italy, atlas)
    assert set(sources["source_id"]) == used and sources["facts"].sum() == len(italy.shown_facts())
    for source_id in used:
        assert atlas.sources.at[source_id, "title"] in text
    assert f"Sources used by this view ({len(used)}):" in text


def test_filters_in_words(atlas):
    net = atlas.networks.index[0]
    state = FilterState(countries=("IT", "DE"), networks=(net,), verified_only=True, as_of=date(2019, 6, 14))
    words = describe_filters(state, atlas)
    assert words == (f"Italy, Germany · network: {atlas.networks.at[net, 'short_name']} · verified facts only · "
                     "as of 2019-06-14")
    assert describe_filters(FilterState(), atlas) == "all places"


def test_file_names_say_what_the_view_is():
    assert filename(FilterState(), "csv", today=date(2026, 1, 2)) == "solidarity-cities-2026-01-02.csv"
    assert filename(FilterState(countries=("IT", "DE"), as_of=date(2019, 6, 14)), "html") == \
        "solidarity-cities-it-de-2019-06-14.html"


def test_fact_rows_are_grouped_by_place(atlas, italy):
    rows = fact_rows(italy, atlas)
    runs = rows["city_id"].ne(rows["city_id"].shift()).sum()
    assert runs == rows["city_id"].nunique()  # each place's facts are together


def test_csv_cells_that_look_like_formulas_stay_text():
    import pandas as pd

    from mapdata.export.formats import _inert_in_spreadsheets
    frame = pd.DataFrame({"name": ["=HYPERLINK(\"x\")", "+1", "Zürich", "-cmd", "@SUM(A1)", "", "\tx"],
                          "n": [1, 2, 3, 4, 5, 6, 7]})
    out = _inert_in_spreadsheets(frame)
    assert out["name"].tolist() == ["'=HYPERLINK(\"x\")", "'+1", "Zürich", "'-cmd", "'@SUM(A1)", "", "'\tx"]
    assert out["n"].tolist() == [1, 2, 3, 4, 5, 6, 7]


def test_empty_csv_cells_stay_empty(atlas):
    rows = list(csv.DictReader(io.StringIO(
        export("csv", select(atlas, FilterState()), atlas).data.decode("utf-8-sig"))))
    assert rows and not any(v == "'" for row in rows for v in row.values())
    assert any(row["start"] == "" for row in rows) and any(row["admin1"] == "" for row in rows)


@pytest.mark.parametrize("text,place", [("Cologne", "Köln"), ("münchen", "Munich"), ("Praha", "Prague")])
def test_the_table_search_matches_other_names(atlas, everything, text, place):
    assert place in set(places_table(everything, atlas, text)["Place"])
