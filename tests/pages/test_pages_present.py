"""The Present page headless (AppTest): the timeline view, story steps, settings, a broken story, an export."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from helpers import ROOT
from mapdata.render import presenter
from mapdata.view import story
from mapdata.view.query import FilterState, select


def _app() -> AppTest:
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run().switch_page("app_pages/present.py").run()


def _html(at: AppTest) -> str:
    return "".join(e.proto.body for e in at.get("html"))


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


@pytest.fixture(scope="module")
def milestones(atlas):
    return story.read_story(story.STORIES_DIR / "milestones.yaml", atlas)


def test_the_timeline_view_runs_full_screen(atlas):
    at = _app()
    assert not at.exception
    assert [t.value for t in at.title] == ["Present the atlas"]
    assert at.segmented_control(key="present_mode").value == "Timeline"
    assert 'data-testid="stSidebar"' in _html(at) and "display: none" in _html(at)
    caption = " ".join(c.value for c in at.caption)
    assert presenter.export_title(select(atlas, FilterState()), atlas) in caption
    first, last = presenter.year_span(atlas)
    assert f"{first}–{last}" in caption
    assert at.select_slider(key="present_years").value == (first, last)


def test_showing_the_chrome_drops_the_hiding_styles():
    at = _app()
    at.toggle(key="present_chrome").set_value(False).run()
    assert not at.exception
    assert 'data-testid="stSidebar"' not in _html(at)
    assert "change the filters in the sidebar" in " ".join(c.value for c in at.caption)


def test_story_steps_show_caption_sources_and_counts_in_order(atlas, milestones):
    at = _app()
    at.segmented_control(key="present_mode").set_value("Story").run()
    assert not at.exception
    assert _button(at, "◀ Back").disabled
    for index in range(3):
        step = milestones.steps[index]
        counts = presenter.counts_at(select(atlas, step.filters), step.day, step.dates)
        html = _html(at)
        assert f'data-step="{index + 1}"' in html and step.title in html and f"step {index + 1} of" in html
        assert counts.text() in html
        assert all(c.quote.replace("'", "&#x27;") in html for c in step.citations)
        _button(at, "Next ▶").click().run()
        assert not at.exception
    _button(at, "◀ Back").click().run()
    assert 'data-step="3"' in _html(at)


def test_the_last_step_cannot_go_further(milestones):
    at = _app()
    at.segmented_control(key="present_mode").set_value("Story").run()
    at.session_state["present_step"] = len(milestones.steps) + 5
    at.run()
    assert not at.exception
    assert f'data-step="{len(milestones.steps)}"' in _html(at)
    assert _button(at, "Next ▶").disabled


def test_a_broken_story_shows_its_problems_instead_of_crashing(monkeypatch):
    problems = [story.StoryProblem("mine.yaml", 2, "date", "someday", "'date' should look like 2019")]
    monkeypatch.setattr(story, "bundled_stories", lambda atlas: {"mine.yaml": story.StoryError(problems)})
    at = _app()
    at.segmented_control(key="present_mode").set_value("Story").run()
    assert not at.exception
    assert "mine\\.yaml cannot be shown" in at.error[0].value
    table = at.dataframe[0].value
    assert table.iloc[0]["step"] == 2 and table.iloc[0]["field"] == "date"


def test_the_html_export_is_made_on_request():
    at = _app()
    assert not at.get("download_button")
    at.radio(key="present_format").set_value("html").run()
    _button(at, "Make the file").click().run()
    assert not at.exception
    (wanted, data), = [at.session_state["present_export"]]
    assert wanted[0] == "html" and data.startswith(b"<!DOCTYPE html>")
    assert at.get("download_button")
