"""The played timeline: counts as the map shows them, presenter settings in the map, and the exports for slides."""
from __future__ import annotations

import io
import json
import re
from datetime import date, timedelta

import folium
import pandas as pd
import pytest
from PIL import Image

from mapdata.export import frames, registry, timeline
from mapdata.render import presenter
from mapdata.render.mapview import day_number
from mapdata.view.query import FilterState, select


@pytest.fixture(scope="module")
def view(atlas):
    return select(atlas, FilterState())


def _expected(view, day: date, dates: str) -> tuple[int, int, int]:
    """Counts straight from the view: places by View.visible_on, networks from running memberships."""
    places = view.visible_on(day)
    keep = {"exact": ("exact",), "listed": ("exact", "listed"), "all": ("exact", "listed", "none")}[dates]
    places = places[places["date_basis"].isin(keep)]
    m = view.facts[view.facts["fact"] == "membership"]

    def started_by(start, known):
        if start is not None:
            return start <= day
        if known is not None:
            return dates != "exact" and known <= day
        return dates == "all"
    started = pd.Series([started_by(s, k) for s, k in zip(m["start_day"], m["known_day"])], index=m.index,
                        dtype=bool)
    running = started & ~m["end_day"].map(lambda d: d is not None and d < day).astype(bool)
    return len(places), m.loc[running, "what"].nunique(), places["country_code"].nunique()


def test_counts_follow_the_view_on_every_kind_of_day(view):
    dated = view.places["first_day"].dropna().sort_values()
    days = [dated.iloc[0] - timedelta(days=1), dated.iloc[0], dated.iloc[len(dated) // 2], date.today()]
    for day in days:
        for dates in presenter.DATE_MODES:
            c = presenter.counts_at(view, day, dates)
            assert (c.places, c.networks, c.countries) == _expected(view, day, dates)
            assert c.undated == int((view.places["date_basis"] == "none").sum())
            assert c.listed == int((view.places["date_basis"] == "listed").sum())
    assert presenter.counts_at(view, days[0], "exact").places == 0
    assert presenter.counts_at(view, date.today(), "exact").places == len(dated) - int(
        (view.places.loc[dated.index, "last_day"].dropna() < date.today()).sum())


def test_counts_read_like_the_map_counter():
    assert presenter.Counts(1, 1, 1, 0).text() == "1 place · 1 network · 1 country"
    assert presenter.Counts(1312, 14, 9, 3).text() == "1,312 places · 14 networks · 9 countries"
    assert presenter.Counts(1, 1, 1, 0, 3).undated_note("listed") == "3 with no date: not shown"
    assert presenter.Counts(1, 1, 1, 0, 3).undated_note("all") == "3 with no date: dashed outline"
    assert presenter.Counts(1, 1, 1, 2, 0).undated_note("listed") == "2 listed by a source's date (pale)"
    assert presenter.Counts(1, 1, 1, 2, 0).undated_note("exact") == "2 listed by a source's date: not shown"
    assert presenter.Counts(1, 1, 1, 0, 0).undated_note("all") == ""


def test_network_spans_hold_every_membership_in_day_numbers(view):
    spans = presenter.network_spans(view)
    members = view.facts[view.facts["fact"] == "membership"]
    assert len(spans) == members["what"].nunique()
    assert sum(len(s) for s in spans) == len(members)
    first = members["start_day"].dropna().min()
    assert min(s for net in spans for s, _, _ in net if s >= 0) == day_number(first)
    assert all(e == -1 or e >= s for net in spans for s, e, _ in net if s >= 0)


def test_playback_ends_today_at_the_latest_and_years_span_the_data(atlas):
    first, last = presenter.year_span(atlas)
    assert first == atlas.facts["start_day"].dropna().min().year and last == date.today().year
    assert presenter.Playback(2000, 2999).end_day == date.today()
    assert presenter.Playback(2000, 2001).end_day == date(2001, 12, 31)


def test_frame_days_keep_the_maps_pace_and_end_on_the_last_day():
    pb = presenter.Playback(2010, 2019, speed=2)
    days = frames.frame_days(pb, fps=10)
    assert days[0] == date(2010, 1, 1) and days[-1] == date(2019, 12, 31)
    assert abs((days[11] - days[1]).days - 730) <= 1  # ten frames: one second, two years
    assert days == sorted(days) and len(days) == len(set(days))


def _config(html: str) -> dict:
    return json.loads(re.search(r"solidarityAtlas\.configure\((\{.*?\})\);", html).group(1))


def test_the_presenter_map_carries_its_settings(view, atlas):
    pb = presenter.Playback(1990, 2020, speed=2, loop=True)
    html = presenter.presenter_map(view, atlas, pb).get_root().render()
    config = _config(html)
    assert (config["start_day"], config["end_day"]) == (day_number(date(1990, 1, 1)), day_number(date(2020, 12, 31)))
    assert (config["speed"], config["loop"], config["autoplay"], config["dates"]) == (2, True, True, "listed")
    assert config["network_spans"] == presenter.network_spans(view) and config["page_keys"] is True
    assert '"presenter": true' in html
    assert "autoplay" not in _config(presenter.presenter_map(view, atlas).get_root().render())


def test_a_step_with_a_view_opens_there_instead_of_fitting_its_places(view, atlas):
    fitted = presenter.presenter_map(view, atlas).get_root().render()
    fixed = presenter.presenter_map(view, atlas, center=(46.5, 5.0), zoom=5).get_root().render()
    assert "fitBounds" in fitted and "fitBounds" not in fixed
    assert re.search(r'center: \[46\.5, 5\.0\],\s*crs: L\.CRS\.EPSG3857,.*?"zoom": 5,', fixed, re.S)


def test_a_story_step_layer_sets_date_label_and_undated(view):
    place = view.places.index[3]
    m = folium.Map(tiles=None)
    presenter.step_layer(view, date(2018, 12, 31), place, precision="year", dates="all").add_to(m)
    html = m.get_root().render()
    day = day_number(date(2018, 12, 31))
    assert f"setDate({day})" in html and f"select({list(view.places['city_id']).index(place)})" in html
    assert _config(html) == {"label": "year", "dates": "all", "day": day}


def test_the_standalone_page_needs_no_server_and_no_network(view, atlas):
    page = timeline.standalone_html(view, atlas, presenter.Playback(2000, 2010), title="<Talk> & map")
    assert "/app/static/" not in page
    assert not re.search(r'<(script|link)\b[^>]*(src|href)="(https?:)?//', page)
    assert "<title>&lt;Talk&gt; &amp; map</title>" in page
    assert '"basemap_inline"' in page and "SolidarityAtlas.create" in page and "configure" in page
    assert "bootstrap" not in page.lower()


def _short(view):
    """A few years of the view, quickly drawn: from just before its first dated place."""
    first = view.places["first_day"].dropna().min()
    return presenter.Playback(first.year - 1, first.year + 2, speed=4)


def test_frames_show_the_date_and_places_appear_over_time(atlas):
    view = select(atlas, FilterState(
        networks=(atlas.facts.query("fact == 'membership'")["what"].value_counts().index[0],)))
    pb = _short(view)
    shots = list(frames.frames(view, atlas, pb, size=(480, 270), fps=4))
    assert len(shots) == len(frames.frame_days(pb, 4))
    assert all(s.size == (480, 270) and s.mode == "RGB" for s in shots)
    assert presenter.counts_at(view, pb.start_day).places == 0 < presenter.counts_at(view, pb.end_day).places
    before, after = shots[0].tobytes(), shots[-1].tobytes()
    assert before != after


def test_the_gif_loops_and_holds_its_last_frame(view, atlas):
    pb = _short(view)
    data = frames.gif(view, atlas, pb, size=(320, 180), fps=4)
    img = Image.open(io.BytesIO(data))
    assert data[:6] == b"GIF89a" and img.size == (320, 180) and img.info.get("loop") == 0
    durations = []
    for i in range(img.n_frames):
        img.seek(i)
        durations.append(img.info["duration"])
    n_frames = len(frames.frame_days(pb, 4))
    assert sum(durations) == (n_frames - 1) * 250 + frames.HOLD_SECONDS * 1000
    assert durations[-1] >= frames.HOLD_SECONDS * 1000


def test_a_long_timeline_gets_fewer_frames_a_second():
    long = presenter.Playback(1970, 2025, speed=0.5)
    fps = frames.capped_fps(long, 10, frames.MAX_FRAMES["gif"])
    assert fps < 10 and len(frames.frame_days(long, fps)) <= frames.MAX_FRAMES["gif"] + 2
    assert frames.capped_fps(presenter.Playback(2010, 2012, speed=4), 10, 300) == 10


@pytest.mark.skipif(not frames.mp4_available(), reason="imageio-ffmpeg is not installed")
def test_the_mp4_is_an_h264_video_of_every_frame(view, atlas, tmp_path):
    import imageio_ffmpeg
    pb = _short(view)
    path = tmp_path / "t.mp4"
    path.write_bytes(frames.mp4(view, atlas, pb, size=(320, 180), fps=8))
    n_frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(path))
    assert n_frames == len(frames.frame_days(pb, 8)) + round(frames.HOLD_SECONDS * 8)
    assert b"avc1" in path.read_bytes()[:4096]


def test_the_export_registry_names_its_files(view, atlas):
    formats = registry.available(registry.TIMELINE_FORMATS)
    assert {"gif", "html"} <= set(formats) and formats["gif"].mime == "image/gif"
    assert (registry.timeline_filename(presenter.Playback(1985, 2026), "gif")
            == "solidarity-cities-timeline-1985-2026.gif")
    page = formats["html"].render(view, atlas, presenter.Playback(2000, 2001), size=(1, 1))
    assert page.startswith(b"<!DOCTYPE html>") and b'"autoplay":true' in page and b'"loop":true' in page
