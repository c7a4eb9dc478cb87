"""Share and export in a real browser: deep links, picking a table row, and the exported map from file://."""
from __future__ import annotations

import io
from datetime import date
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
from playwright.sync_api import expect

from helpers import map_frame
from mapdata.view.query import FilterState, select

pytestmark = pytest.mark.browser

ROW_MARKER_X, ROW_HEIGHT = 15, 35  # Streamlit's glide grid: row-marker column and row height in px


def _palermo(atlas) -> str:
    return atlas.places[(atlas.places["name"] == "Palermo") & (atlas.places["country_code"] == "IT")].index[0]


def _italy_count(atlas) -> int:
    return len(select(atlas, FilterState(countries=("IT",))).visible_on(date.today()))


def _query(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlparse(url).query).items()}


def _goto_places(page, url: str) -> None:
    """Open a Places link; the first page a fresh server shows also loads the atlas, hence the long wait."""
    page.goto(url)
    expect(page.get_by_role("heading", name="Places")).to_be_visible(timeout=120000)


def _open_share(page):
    """Open the share popover; returns it once its two code blocks (the link, the citation) are drawn."""
    page.get_by_role("button", name="Share and export").click()
    box = page.get_by_test_id("stPopoverBody")
    expect(box.get_by_test_id("stCode")).to_have_count(2, timeout=30000)
    return box


def test_a_deep_link_restores_the_filtered_map_with_the_place_panel_open(page, app_url, atlas, external_requests):
    palermo = _palermo(atlas)
    page.goto(f"{app_url}/?country=IT&place={palermo}")
    page.get_by_role("heading", name="Solidarity Cities Map").wait_for(timeout=120000)
    frame = map_frame(page)
    expect(frame.locator(".sc-count")).to_have_attribute("data-places", str(_italy_count(atlas)), timeout=30000)
    expect(frame.locator(".sc-count")).to_have_attribute("data-countries", "1")
    expect(page.locator(".sc-panel h3")).to_have_text("Palermo", timeout=30000)
    expect(page.get_by_test_id("stSidebar").get_by_text("Italy", exact=True)).to_be_visible()
    assert _query(page.url)["country"] == "IT" and _query(page.url)["place"] == palermo
    assert external_requests == []


def test_a_deep_link_to_places_restores_the_table_and_panel(page, app_url, atlas):
    palermo = _palermo(atlas)
    _goto_places(page, f"{app_url}/places?country=IT&place={palermo}")
    shown = select(atlas, FilterState(countries=("IT",))).shown_places()
    expect(page.get_by_text(f"{len(shown):,} places in 1 country")).to_be_visible(timeout=30000)
    expect(page.locator(".sc-panel h3")).to_have_text("Palermo")
    codes = _open_share(page).get_by_test_id("stCode")
    link = codes.first.inner_text().strip()
    assert link.startswith(f"{app_url}/places?") and _query(link) == {"country": "IT", "place": palermo}
    assert link in codes.nth(1).inner_text() and "View: Italy:" in codes.nth(1).inner_text()


def test_picking_a_table_row_opens_its_panel_and_puts_it_in_the_link(page, app_url, atlas):
    palermo = _palermo(atlas)
    _goto_places(page, f"{app_url}/places?country=IT")
    search = page.get_by_placeholder("Name, region or country", exact=False)
    search.fill("palermo")
    search.press("Enter")
    expect(page.get_by_text("1 matching “palermo”", exact=False)).to_be_visible(timeout=30000)
    page.wait_for_function(  # the one-row table has replaced the full one (its height fits one row)
        "() => { const g = document.querySelector('[data-testid=stDataFrame]');"
        " return g && g.getBoundingClientRect().height < 2.5 * 35; }", timeout=30000)
    grid = page.get_by_test_id("stDataFrame").first
    expect(grid.locator("canvas").first).to_be_visible()
    expect(page.locator(".sc-panel")).to_have_count(0)
    grid.click(position={"x": ROW_MARKER_X, "y": ROW_HEIGHT * 1.5})  # the first data row's checkbox
    expect(page.locator(".sc-panel h3")).to_have_text("Palermo", timeout=30000)
    expect(page.locator(f'.sc-panel[data-place="{palermo}"]')).to_have_count(1)
    page.wait_for_function("id => new URLSearchParams(location.search).get('place') === id", arg=palermo)
    page.get_by_role("button", name="✕ Close").click()
    expect(page.locator(".sc-panel")).to_have_count(0, timeout=30000)
    page.wait_for_function("() => !new URLSearchParams(location.search).has('place')")


def test_the_csv_download_holds_the_filtered_places(page, app_url, atlas):
    _goto_places(page, f"{app_url}/places?country=IT")
    box = _open_share(page)
    with page.expect_download(timeout=60000) as info:
        box.get_by_role("button", name="CSV").click()
    download = info.value
    assert (download.suggested_filename.startswith("solidarity-cities-it-")
            and download.suggested_filename.endswith(".csv"))
    rows = pd.read_csv(io.BytesIO(open(download.path(), "rb").read()), dtype=str, keep_default_na=False,
                       encoding="utf-8-sig")
    assert set(rows["city_id"]) == set(select(atlas, FilterState(countries=("IT",))).shown_places().index)


def test_the_exported_map_shows_its_markers_from_file_with_no_network(page, app_url, atlas, context, tmp_path):
    _goto_places(page, f"{app_url}/places?country=IT")
    box = _open_share(page)
    with page.expect_download(timeout=60000) as info:
        box.get_by_role("button", name="HTML map").click()
    path = tmp_path / info.value.suggested_filename
    assert path.suffix == ".html"
    info.value.save_as(path)
    offline = context.new_page()
    refused: list[str] = []
    offline.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else (refused.append(route.request.url), route.abort()))
    offline.goto(f"file://{path}")
    count = offline.locator(".sc-count")
    expect(count).to_have_attribute("data-places", str(_italy_count(atlas)), timeout=30000)
    expect(count).to_have_attribute("data-countries", "1")
    expect(offline.locator(".leaflet-overlay-pane canvas, .marker-cluster").first).to_be_visible()
    expect(offline.locator(".sc-export-credit")).to_contain_text("Italy")
    assert refused == []
