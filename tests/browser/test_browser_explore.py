"""Timeline, Countries and Networks in a real browser (Debian Chromium, no internet): a chart selection narrows
the list; the country and network maps show their places; a click on the map opens the place panel."""
from __future__ import annotations

import re

import pytest

from helpers import click_place, map_frame
from mapdata.render.mapview import tooltips
from mapdata.view import facets
from mapdata.view.query import FilterState, select

pytestmark = pytest.mark.browser


def _open(page, app_url: str, title: str) -> None:
    """Open the app, then a page by its title in the navigation, as a visitor would."""
    page.goto(app_url)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    page.get_by_role("heading", name=title, level=1).wait_for(timeout=60000)


def _places_on_map(frame) -> tuple[int, int]:
    count = frame.locator(".sc-count")
    return int(count.get_attribute("data-places")), int(count.get_attribute("data-countries"))


def test_clicking_a_bar_lists_its_places_and_clearing_lists_all(page, app_url, atlas, external_requests):
    everything = select(atlas, FilterState())
    series = facets.declaration_series(everything, atlas)
    if series.empty:
        pytest.skip("no dated declaration in the bundled data")
    _open(page, app_url, "Timeline")
    page.get_by_text(f"All {len(everything.places):,} places of the view").wait_for(timeout=60000)
    chart = page.locator(".js-plotly-plot").last  # the declarations chart
    bar = chart.locator(".trace.bars .point path").first
    bar.wait_for(timeout=60000)
    key = bar.evaluate("p => p.closest('.trace').__data__[0].trace.customdata[p.__data__.i][0]")
    expected = len(series.set_index("key").at[key, "city_ids"])
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.up()
    page.get_by_role("heading", name="Places in your selection").wait_for(timeout=60000)
    line = page.get_by_text(re.compile(r"places? in your selection\.")).inner_text()
    assert line.startswith(f"{expected:,} place")
    page.get_by_role("button", name="Clear selection").click()
    page.get_by_text(f"All {len(everything.places):,} places of the view").wait_for(timeout=60000)
    assert external_requests == []


def test_the_country_map_shows_that_country_and_a_click_opens_the_panel(page, app_url, atlas, external_requests):
    everything = select(atlas, FilterState())
    top = facets.facet_values(everything, atlas, "country")[0]
    _open(page, app_url, "Countries")
    frame = map_frame(page)
    view = select(atlas, FilterState(countries=(top.value,)))
    assert _places_on_map(frame) == (len(view.shown_places()), 1)  # today: places whose facts all ended are not on it
    place = view.places.sort_values("population", key=lambda s: -s.replace("", "0").astype(int)).iloc[0]
    tip = tooltips(view.places)[place["city_id"]]
    click_place(page, tip, place["lat"], place["lon"])  # settles the map first, as a user would wait for it
    page.locator(f'.sc-panel[data-place="{place["city_id"]}"]').wait_for(timeout=60000)
    assert external_requests == []


def test_the_network_map_shows_its_members(page, app_url, atlas):
    top = facets.facet_values(select(atlas, FilterState()), atlas, "network")[0]
    view = select(atlas, FilterState(networks=(top.value,)))
    _open(page, app_url, "Networks")
    page.get_by_role("heading", name=atlas.networks.at[top.value, "name"]).wait_for(timeout=60000)
    assert _places_on_map(map_frame(page)) == (top.count, view.places["country_code"].nunique())
