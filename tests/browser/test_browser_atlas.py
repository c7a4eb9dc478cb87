"""The atlas page in a real browser (Debian Chromium, no internet): markers, timeline, panel, search, legend."""
from __future__ import annotations

from datetime import date

import pytest

from helpers import MAP_FRAME, click_place, map_frame
from mapdata.render.mapview import day_number, tooltips
from mapdata.view.query import FilterState, select

pytestmark = pytest.mark.browser


def _count(frame) -> int:
    return int(frame.locator(".sc-count").get_attribute("data-places"))


def _wait_count(page, frame, expected: int) -> None:
    page.wait_for_function(
        """([sel, n]) => { const f = document.querySelector(sel); const c = f && f.contentDocument
              && f.contentDocument.querySelector('.sc-count'); return c && +c.dataset.places === n; }""",
        arg=[MAP_FRAME, expected], timeout=30000)
    assert _count(frame) == expected


def test_markers_render_with_no_request_leaving_the_machine(page, app_url, atlas, external_requests):
    page.goto(app_url)
    frame = map_frame(page)
    view = select(atlas, FilterState())
    _wait_count(page, frame, len(view.visible_on(date.today())))
    page.get_by_text("places in").first.wait_for()
    assert external_requests == []


def test_moving_the_timeline_changes_the_places_shown_as_the_data_says(page, app_url, atlas):
    page.goto(app_url)
    frame = map_frame(page)
    view = select(atlas, FilterState())
    dated = view.places["first_day"].dropna().sort_values()
    for day in [dated.iloc[len(dated) // 3], dated.iloc[2 * len(dated) // 3]]:
        frame.locator(".sc-slider").fill(str(day_number(day)))
        _wait_count(page, frame, len(view.visible_on(day)))
        assert frame.locator(".sc-date").inner_text() == day.isoformat()


def test_clicking_a_place_opens_its_panel_with_facts_and_sources(page, app_url, atlas):
    city = "it-palermo"
    tooltip = tooltips(select(atlas, FilterState()).places)[city]
    page.goto(app_url)
    map_frame(page)
    lat, lon = atlas.places.at[city, "lat"], atlas.places.at[city, "lon"]
    click_place(page, tooltip, lat, lon)
    panel = page.locator(".sc-panel")
    panel.wait_for(timeout=30000)
    assert panel.locator("h3").inner_text() == "Palermo"
    assert "International Alliance of Safe Harbours" in panel.inner_text()
    iash = atlas.memberships[(atlas.memberships["city_id"] == city) & (atlas.memberships["network_id"] == "iash")]
    source = atlas.sources.at[iash["source_id"].iloc[0], "title"]
    assert source in panel.inner_text()
    click_place(page, tooltip, lat, lon)  # the same marker again: the panel stays open
    assert page.locator(".sc-panel h3").inner_text() == "Palermo"
    page.get_by_role("button", name="✕ Close").click()
    panel.wait_for(state="detached")
    click_place(page, tooltip, lat, lon)  # closed, the same marker opens it again
    assert page.locator(".sc-panel h3").inner_text() == "Palermo"


def test_searching_zurich_opens_zurich(page, app_url):
    page.goto(app_url)
    map_frame(page)
    box = page.get_by_label("Find a place")
    box.fill("Zurich")
    box.press("Enter")
    heading = page.locator(".sc-panel h3")
    heading.wait_for(timeout=30000)
    assert heading.inner_text() == "Zürich"
    page.get_by_role("button", name="✕ Close").click()  # closing empties the box: the same name opens it again
    heading.wait_for(state="detached")
    assert box.input_value() == ""
    box.fill("Zurich")
    box.press("Enter")
    heading.wait_for(timeout=30000)
    assert heading.inner_text() == "Zürich"


def test_switching_the_colouring_changes_the_legend(page, app_url):
    page.goto(app_url)
    frame = map_frame(page)
    assert frame.locator(".sc-legend summary").first.inner_text() == "Colour: network"
    page.get_by_text("Declaration date").click()
    page.wait_for_function(
        """sel => { const f = document.querySelector(sel); const s = f && f.contentDocument
              && f.contentDocument.querySelector('.sc-legend summary');
              return s && s.textContent.startsWith('Colour: year'); }""", arg=MAP_FRAME, timeout=30000)
    legend = page.frame_locator(MAP_FRAME).locator(".sc-legend")
    assert "2015–2016" in legend.text_content()
