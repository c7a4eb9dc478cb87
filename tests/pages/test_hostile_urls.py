"""Hostile links (unknown keys, huge values, wrong types, repeated keys, unicode, path traversal): every page
renders with the default state where a value was bad, says so in a notice, and writes a clean link back."""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlencode, urlparse

import pytest
from streamlit.testing.v1 import AppTest

from helpers import ROOT, map_frame
from mapdata.text import markdown_literal
from mapdata.view.query import FilterState, select
from mapdata.view.urlstate import KNOWN

PAGES = re.findall(r'st\.Page\("([\w/-]+\.py)"', (ROOT / "app.py").read_text(encoding="utf-8"))
HUGE = 100_000  # the server answers 400 past about 128 kB of request line: longer links cannot reach the app


def _country(atlas) -> str:
    return sorted(atlas.places["country_code"].unique())[0]


def _hostile(atlas) -> dict[str, str]:
    """One bad value for every parameter, and keys the app does not know; the country keeps one good term."""
    return {
        "utm_source": "newsletter", "ключ": "значение", "../../etc/passwd": "1", "k" * 300: "v",  # unknown
        "country": f"{_country(atlas)},{'X' * HUGE}",  # huge, one good term first
        "network": "../../etc/passwd", "label": "Sanctuary City\x00", "policy": "🏳️‍🌈,health care",
        "verified": "maybe", "date": "2019-02-30", "color": "3", "place": "..%2F..%2Fetc%2Fpasswd",
        "lat": "north", "lon": "1e999", "zoom": "9" * 1000,
    }


def _open(page: str, params: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()  # st.navigation registers the pages on the first run, which reads the link and shows its notices
    at.first_toasts = [t.value for t in at.toast]
    return at.switch_page(page).run()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_a_hostile_link_with_defaults_and_notices(atlas, page):
    at = _open(page, _hostile(atlas))
    assert not at.exception
    assert at.title and at.title[0].value
    if "url_state" not in at.session_state:  # a page that does not read the link (Your data)
        return
    state = at.session_state["url_state"]
    assert state.filters == FilterState(countries=(_country(atlas),))
    assert state.center is None and state.zoom is None
    assert len(state.notices) == len(_hostile(atlas)) - 1  # one for each bad parameter; lat and lon share one
    assert max(map(len, state.notices)) < 200  # huge values are cut in the notice
    assert at.first_toasts == [markdown_literal(n) for n in state.notices[:5]]
    written = dict(at.query_params)
    assert set(written) <= KNOWN and written.get("country") in (_country(atlas), [_country(atlas)])


@pytest.mark.parametrize("values, countries, notices", [
    (["ZZ", "{c}"], ("{c}",), 0),  # repeated: the last value counts, as in Streamlit's own query parameters
    (["{c}", "ZZ"], (), 1),
    ([" {c} ,"], ("{c}",), 0),
    (["Ωμέγα,{c}"], ("{c}",), 1),
])
def test_repeated_and_unicode_country_values(atlas, values, countries, notices):
    c = _country(atlas)
    at = _open(PAGES[0], {"country": [v.format(c=c) for v in values]})
    assert not at.exception
    state = at.session_state["url_state"]
    assert state.filters.countries == tuple(x.format(c=c) for x in countries)
    assert len(state.notices) == notices


@pytest.mark.parametrize("params", [
    {"date": "2019-06-14T00:00:00"}, {"date": "+002019-06-14"}, {"date": "20190614"}, {"date": "0000-01-01"},
    {"zoom": "9.9"}, {"zoom": "inf"}, {"lat": "45", "lon": "nan"}, {"lat": "-0", "lon": "-0"},
    {"verified": "TRUE"}, {"verified": ""}, {"color": "Network"}, {"place": ""}, {"country": ""}, {"": "x"},
])
def test_odd_but_harmless_values_never_raise(atlas, params):
    at = _open(PAGES[0], params)
    assert not at.exception
    state = at.session_state["url_state"]
    assert state.filters.place is None and state.filters.countries == ()
    assert state.zoom in (None, 9) and (state.center is None or state.center == (0.0, 0.0))


@pytest.mark.browser
def test_a_hostile_link_in_the_browser_shows_the_atlas_notices_and_a_clean_link(page, app_url, atlas,
                                                                                  external_requests):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{app_url}/?{urlencode(_hostile(atlas))}&country=ZZ")  # repeated: this last value counts
    page.locator("h1").first.wait_for(timeout=60000)
    page.locator("[data-testid='stToast']").filter(has_text="Ignored unknown link parameter").first.wait_for()
    frame = map_frame(page)
    expected = len(select(atlas, FilterState()).visible_on(date.today()))
    page.wait_for_function("n => { const f = document.querySelector(\"iframe[title='streamlit_folium.st_folium']\");"
                           " const c = f && f.contentDocument && f.contentDocument.querySelector('.sc-count');"
                           " return c && +c.dataset.places === n; }", arg=expected, timeout=30000)
    assert int(frame.locator(".sc-count").get_attribute("data-places")) == expected
    page.wait_for_function("() => location.search === ''", timeout=30000)  # the link now holds the defaults
    assert urlparse(page.url).query == ""
    assert dialogs == [] and external_requests == []
