"""The Places page headless (AppTest): default, filtered, searched, a picked row, a linked place, share box."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from helpers import ROOT
from mapdata.view.query import FilterState, select

BASE = "http://localhost:8501/places"


def _places(**params) -> AppTest:
    """The Places page opened from a link with these parameters."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.context = {"url": BASE}
    for key, value in params.items():
        at.query_params[key] = value
    at.run()  # st.navigation registers the pages on the first run
    return at.switch_page("app_pages/places.py").run()


def _table(at: AppTest):
    return next((d.value for d in at.dataframe if "Place" in d.value.columns), None)


def _panel_place(at: AppTest) -> str | None:
    bodies = [e.proto.body for e in at.get("html") if "sc-panel" in e.proto.body]
    return bodies[0].split('data-place="')[1].split('"')[0] if bodies else None


def _palermo(atlas) -> str:
    return atlas.places[(atlas.places["name"] == "Palermo") & (atlas.places["country_code"] == "IT")].index[0]


def test_the_page_lists_every_shown_place(atlas):
    at = _places()
    assert not at.exception
    assert [t.value for t in at.title] == ["Places"]
    shown = select(atlas, FilterState()).shown_places()
    table = _table(at)
    assert len(table) == len(shown)
    assert set(table["Place"]) == set(shown["name"])
    assert any(m.value.startswith(f"**{len(shown):,}** place") for m in at.markdown)
    assert _panel_place(at) is None


def test_a_country_filter_narrows_the_table_and_the_link(atlas):
    at = _places()
    at.multiselect(key="w_countries").set_value(["IT"]).run()
    assert not at.exception
    shown = select(atlas, FilterState(countries=("IT",))).shown_places()
    assert len(_table(at)) == len(shown) and set(_table(at)["Country"]) == {"Italy"}
    assert at.query_params["country"] in ("IT", ["IT"])
    link = at.code[0].value
    assert link.startswith(BASE + "?") and "country=IT" in link


def test_search_ignores_diacritics(atlas):
    at = _places()
    at.text_input(key="places_search").set_value("zurich").run()
    assert not at.exception
    assert "Zürich" in set(_table(at)["Place"])
    assert any("matching “zurich”" in m.value for m in at.markdown)
    at.text_input(key="places_search").set_value("no place is called this").run()
    assert not at.exception and _table(at) is None
    assert "No place matches" in at.info[0].value


def test_picking_a_row_opens_the_panel_and_keeps_the_place_in_the_link(atlas):
    at = _places(country="IT")
    palermo = _palermo(atlas)
    row = list(_table(at)["Place"]).index("Palermo")
    key = at.session_state["_places_table_seen"][0]
    at.session_state[key] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    assert at.session_state["url_state"].filters.place == palermo
    assert _panel_place(at) == palermo
    assert at.query_params["place"] in (palermo, [palermo])


def test_filters_and_place_survive_switching_pages(atlas):
    palermo = _palermo(atlas)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["country"] = "IT"
    at.query_params["place"] = palermo
    at.run()  # the atlas page reads the link
    at.switch_page("app_pages/places.py").run()
    assert not at.exception
    assert at.session_state["url_state"].filters == FilterState(countries=("IT",), place=palermo)
    assert _panel_place(at) == palermo and set(_table(at)["Country"]) == {"Italy"}
    at.switch_page("app_pages/atlas.py").run()
    assert at.session_state["url_state"].filters == FilterState(countries=("IT",), place=palermo)


def test_a_linked_place_opens_its_panel_and_closing_clears_it(atlas):
    palermo = _palermo(atlas)
    at = _places(country="IT", place=palermo)
    assert not at.exception
    assert _panel_place(at) == palermo
    key, rows = at.session_state["_places_table_seen"]
    assert rows == [list(_table(at).index).index(palermo)]  # the linked place is the picked row
    at.button(key="places_close").click().run()
    assert not at.exception
    assert _panel_place(at) is None and at.session_state["url_state"].filters.place is None
    assert at.session_state["_places_table_seen"][1] == []


def test_the_share_box_offers_the_link_three_downloads_and_a_citation(atlas):
    palermo = _palermo(atlas)
    at = _places(country="IT", place=palermo)
    assert at.code[0].value == f"{BASE}?country=IT&place={palermo}"
    assert [b.proto.label for b in at.get("download_button")] == ["CSV", "GeoJSON", "HTML map"]
    citation = at.code[1].value
    assert "View: Italy:" in citation and f"{BASE}?country=IT&place={palermo}" in citation


def test_a_hostile_link_still_renders_the_page(atlas):
    at = _places(place="<script>", country="IT,ZZ", zoom="x" * 3000)
    assert not at.exception
    assert at.session_state["url_state"].filters.countries == ("IT",)
    assert len(_table(at)) == len(select(atlas, FilterState(countries=("IT",))).shown_places())
