"""The atlas page headless (AppTest): default, filtered, a selected place, a hostile link."""
from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from helpers import ROOT
from mapdata.view.query import FilterState, select


def _app(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _summary(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "places in" in m.value or "place in" in m.value)


def test_the_atlas_runs_with_the_default_state(atlas):
    at = _app()
    assert not at.exception
    assert at.title[0].value == "Solidarity Cities Map"
    expected = len(select(atlas, FilterState()).visible_on(date.today()))
    assert _summary(at).startswith(f"**{expected:,}** place")


def test_a_country_filter_narrows_the_summary_and_the_link(atlas):
    at = _app()
    at.multiselect(key="w_countries").set_value(["IT"]).run()
    assert not at.exception
    expected = select(atlas, FilterState(countries=("IT",)))
    assert _summary(at).startswith(f"**{len(expected.visible_on(date.today())):,}** place")
    assert at.query_params["country"] in ("IT", ["IT"])


def test_a_link_with_a_place_opens_its_panel(atlas):
    at = _app(place="it-palermo", country="IT")
    assert not at.exception
    assert any("Palermo" in getattr(e, "proto", None).body for e in at.get("html")) if at.get("html") else True
    assert at.session_state["url_state"].filters.place == "it-palermo"


def test_a_hostile_link_renders_with_defaults_and_a_notice(atlas):
    at = _app(color="<script>", date="yesterday", zoom="999", place="../../etc/passwd", whatever="1" * 5000)
    assert not at.exception
    state = at.session_state["url_state"]
    assert state.filters == FilterState()
    assert len(state.notices) == 5
    assert at.title[0].value == "Solidarity Cities Map"


def test_finding_a_place_by_another_name_opens_it_and_says_which(atlas):
    if not {"de-koln", "de-munich"} <= set(atlas.places.index):
        pytest.skip("Köln or Munich is not in the data")
    at = _app()
    at.text_input(key="place_search").set_value("Cologne").run()
    assert not at.exception
    assert at.query_params["place"] in ("de-koln", ["de-koln"])
    assert any("Köln \\(Cologne\\) · Germany" in c.value for c in at.caption)
    at.text_input(key="place_search").set_value("München").run()
    pick = next(s for s in at.selectbox if s.key == "place_search_pick")
    assert pick.options[0] == "Munich (München) · Germany (Bayern)"
    assert at.query_params["place"] in ("de-munich", ["de-munich"])


def test_the_citation_follows_the_as_of_slider_at_once(atlas):
    at = _app(date="2019-06-14")
    day = date(2018, 10, 2)
    at.slider(key="w_as_of").set_value(day).run()
    assert not at.exception
    citation = next(c.value for c in at.code if "Sources used by this view" in c.value)
    n = len(select(atlas, FilterState(as_of=day)).visible_on(day))
    assert f"as of {day.isoformat()}: {n:,} places" in citation
    assert _summary(at).startswith(f"**{n:,}** place")
