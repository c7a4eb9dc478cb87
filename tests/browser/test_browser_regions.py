"""A state drawn as its area in a real browser (Debian Chromium, no internet): drawn in its marker's colour, shown
and hidden with it by the timeline, and a click inside it (away from every marker) opens the state's panel."""
from __future__ import annotations

import json
import math

import pytest
from shapely.geometry import Point, shape

from helpers import MAP_FRAME, map_frame
from mapdata.geo.regions import region_of
from mapdata.paths import REGIONS
from mapdata.render.mapview import tooltips
from mapdata.view.query import FilterState, select

pytestmark = pytest.mark.browser
STATE = "us-oregon"


def _far_point(geom, places) -> tuple[float, float]:
    """A point inside the area as far as can be from every place (so that a click there hits no marker)."""
    west, south, east, north = geom.bounds
    best, best_gap = None, -1.0
    for i in range(41):
        for j in range(41):
            lon, lat = west + (east - west) * i / 40, south + (north - south) * j / 40
            if not geom.contains(Point(lon, lat)):
                continue
            scale = math.cos(math.radians(lat))
            gap = min(math.hypot((lon - x) * scale, lat - y) for x, y in places)
            if gap > best_gap:
                best, best_gap = (lat, lon), gap
    assert best_gap > 0.3, "no spot in the area far enough from its markers"
    return best


def _atlas_frame(page):
    page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60000)
    frame = page.locator(MAP_FRAME).element_handle().content_frame()
    frame.wait_for_function("() => window.solidarityAtlas && +window.solidarityAtlas.map.getContainer().dataset.regions"
                            " > 0", timeout=30000)
    return frame


def test_a_state_is_drawn_as_its_area_and_a_click_inside_opens_its_panel(page, app_url, atlas):
    view = select(atlas, FilterState(countries=("US",)))
    tooltip = tooltips(view.places)[STATE]
    rid = region_of(atlas.places.at[STATE, "name"], "US", "state")
    feature = next(f for f in json.loads(REGIONS.read_text(encoding="utf-8"))["features"] if f["id"] == rid)
    lat, lon = _far_point(shape(feature["geometry"]), list(zip(view.places["lon"], view.places["lat"])))

    page.goto(app_url + "/?country=US")
    frame = map_frame(page)
    atlas_frame = _atlas_frame(page)
    area = atlas_frame.evaluate("t => window.solidarityAtlas.regionOf(t)", tooltip)
    assert area["id"] == rid and area["drawn"] and area["shown"]
    assert area["fill"] == area["color"] == area["markerFill"]  # the area takes its marker's colour

    assert view.places.set_index("city_id").at[STATE, "first_day"] is not None  # dated: hidden before that day
    frame.locator(".sc-slider").fill(str(int(atlas_frame.evaluate("() => window.solidarityAtlas.data.min_day"))))
    atlas_frame.wait_for_function("t => { const r = window.solidarityAtlas.regionOf(t); return !r.drawn && !r.shown; }",
                                  arg=tooltip, timeout=30000)
    frame.locator(".sc-slider").fill(str(int(atlas_frame.evaluate("() => window.solidarityAtlas.data.max_day"))))
    atlas_frame.wait_for_function("t => window.solidarityAtlas.regionOf(t).drawn", arg=tooltip, timeout=30000)

    from playwright.sync_api import Error
    for attempt in range(3):  # as helpers.click_place: a rerun may mount the map again meanwhile
        try:
            atlas_frame = _atlas_frame(page)
            atlas_frame.evaluate(f"window.solidarityAtlas.map.setView([{lat}, {lon}], 7, {{animate: false}}); 0")
            atlas_frame.wait_for_function(
                "([t, lat, lon]) => { const a = window.solidarityAtlas, m = a.regionAt([lat, lon]);"
                " return a.map.getZoom() === 7 && m && m._sc.text === t; }", arg=[tooltip, lat, lon], timeout=30000)
            point = atlas_frame.evaluate(f"() => window.solidarityAtlas.map.latLngToContainerPoint([{lat}, {lon}])")
            page.locator(MAP_FRAME).scroll_into_view_if_needed()
            box = page.locator(MAP_FRAME).bounding_box()
            page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
            page.locator(".sc-panel").wait_for(timeout=15000)
            break
        except Error:
            if attempt == 2:
                raise
    assert page.locator(".sc-panel h3").inner_text() == atlas.places.at[STATE, "name"]
    assert "state" in page.locator(".sc-panel").inner_text()
