"""The Present page and its standalone export in a real browser (Debian Chromium, no internet)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from helpers import MAP_FRAME, map_frame
from mapdata.export import timeline
from mapdata.render import presenter
from mapdata.view import story
from mapdata.view.query import FilterState, select

pytestmark = pytest.mark.browser
EPOCH = date(1970, 1, 1)


def _counter(frame) -> dict[str, int]:
    c = frame.locator(".sc-count")
    return {k: int(c.get_attribute(f"data-{k}")) for k in ("places", "networks", "countries")}


def _atlas_js(page):
    """The map iframe's window, to read the layer's state (window.solidarityAtlas)."""
    return page.locator(MAP_FRAME).element_handle().content_frame()


def test_autoplay_advances_the_date_and_the_counts_as_the_data_says(page, app_url, atlas, external_requests):
    page.goto(app_url + "/present")
    frame = map_frame(page)
    label, counter = frame.locator(".sc-date"), frame.locator(".sc-count")
    expect(frame.locator(".sc-play")).to_have_attribute("aria-label", "Pause")  # playing by itself
    first_label, first_places = label.inner_text(), counter.get_attribute("data-places")
    expect(label).not_to_have_text(first_label, timeout=15000)
    expect(counter).not_to_have_attribute("data-places", first_places, timeout=60000)
    assert label.inner_text() > first_label
    js = _atlas_js(page)
    day = js.evaluate("() => { window.solidarityAtlas.pause(); return window.solidarityAtlas.day; }")
    shown = presenter.counts_at(select(atlas, FilterState()), EPOCH + timedelta(days=day))
    assert _counter(frame) == {"places": shown.places, "networks": shown.networks, "countries": shown.countries}
    assert external_requests == []


def test_keys_in_the_page_play_pause_and_step_the_map(page, app_url):
    page.goto(app_url + "/present")
    frame = map_frame(page)
    play = frame.locator(".sc-play")
    expect(play).to_have_attribute("aria-label", "Pause")
    page.get_by_text("Space plays or pauses").click()  # the focus is in the page, not in the map
    page.keyboard.press(" ")
    expect(play).to_have_attribute("aria-label", "Play")
    year = int(frame.locator(".sc-date").inner_text()[:4])
    page.keyboard.press("ArrowRight")
    expect(frame.locator(".sc-date")).to_contain_text(str(year + 1))


def _wait_settled_map(page, box: str, date_text: str, places: int):
    """Wait until the box holds one map (Streamlit drops the previous one when its run ends) showing these values."""
    page.wait_for_function(
        """([sel, date, n]) => { const fs = document.querySelectorAll(sel); if (fs.length !== 1) return false;
              const d = fs[0].contentDocument; const c = d && d.querySelector('.sc-count');
              return c && +c.dataset.places === n && d.querySelector('.sc-date').textContent === date; }""",
        arg=[f"{box} {MAP_FRAME}", date_text, places], timeout=60000)
    return page.frame_locator(f"{box} {MAP_FRAME}")


def test_a_story_step_applies_its_caption_filters_and_date(page, app_url, atlas):
    steps = story.read_story(story.STORIES_DIR / "milestones.yaml", atlas).steps
    page.goto(app_url + "/present")
    map_frame(page)
    page.get_by_role("radio", name="Story").click()
    page.get_by_text(steps[0].title, exact=True).wait_for()
    page.get_by_role("button", name="Next").click()
    for index in (1, 2):
        step = steps[index]
        page.get_by_text(step.title, exact=True).wait_for()
        expect(page.locator(f'.sc-story[data-step="{index + 1}"] .sc-story-caption')).to_have_text(step.caption)
        expected = presenter.counts_at(select(atlas, step.filters), step.day, step.dates)
        frame = _wait_settled_map(page, ".st-key-present_story_box", step.date, expected.places)
        assert _counter(frame) == {"places": expected.places, "networks": expected.networks,
                                   "countries": expected.countries}
        page.keyboard.press("PageDown")  # a presentation clicker's forward button


def test_the_standalone_html_plays_from_a_file_with_no_network(page, atlas, tmp_path):
    view = select(atlas, FilterState())
    first, last = presenter.year_span(atlas)
    path = tmp_path / "timeline.html"
    path.write_text(timeline.standalone_html(view, atlas, presenter.Playback(first, last, speed=4)), encoding="utf-8")
    refused: list[str] = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
               else (refused.append(route.request.url), route.abort()))
    page.goto(path.as_uri())
    label, counter = page.locator(".sc-date"), page.locator(".sc-count")
    label.wait_for()
    start_label, start_places = label.inner_text(), counter.get_attribute("data-places")
    expect(label).not_to_have_text(start_label, timeout=15000)
    expect(counter).not_to_have_attribute("data-places", start_places, timeout=30000)
    assert page.locator(".leaflet-basemap-pane path").count() > 100  # the basemap
    assert refused == []
