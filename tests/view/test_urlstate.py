"""The view's state in the link: every state round-trips, and hostile links give defaults and notices."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapdata.view.query import COLOR_MODES, FilterState
from mapdata.view.urlstate import MAX_VALUE, UrlState, parse, to_params


def _terms(atlas) -> dict[str, list[str]]:
    return {"countries": sorted(set(atlas.places["country_code"])), "networks": sorted(atlas.networks.index),
            "labels": sorted(set(atlas.declarations["label"])),
            "policy_types": sorted(atlas.vocabularies.query("vocabulary == 'policy_type'")["term"])}


@st.composite
def states(draw, atlas):
    terms = _terms(atlas)
    picks = {k: tuple(draw(st.lists(st.sampled_from(v), max_size=3, unique=True))) for k, v in terms.items()}
    filters = FilterState(**picks, verified_only=draw(st.booleans()),
                          as_of=draw(st.none() | st.dates(date(1980, 1, 1), date(2030, 12, 31))),
                          color_by=draw(st.sampled_from(COLOR_MODES)),
                          place=draw(st.none() | st.sampled_from(sorted(atlas.places.index))))
    center = draw(st.none() | st.tuples(st.floats(-90, 90), st.floats(-180, 180)).map(
        lambda c: (round(c[0], 4), round(c[1], 4))))
    return UrlState(filters, center, draw(st.none() | st.integers(1, 18)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_state_survives_the_link(atlas, data):
    state = data.draw(states(atlas))
    params = to_params(state)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in params.items())
    back = parse(params, atlas)
    assert back.notices == []
    assert back.filters == state.filters
    assert back.zoom == state.zoom
    assert back.center == (pytest.approx(state.center, abs=1e-4) if state.center else None)


def test_the_default_state_is_an_empty_link(atlas):
    assert to_params(UrlState()) == {}
    assert parse({}, atlas).filters == FilterState()


def test_a_palermo_link_restores_country_and_place(atlas):
    city = atlas.places[(atlas.places["name"] == "Palermo") & (atlas.places["country_code"] == "IT")].index[0]
    state = parse({"country": "IT", "place": city, "lat": "38.1", "lon": "13.4", "zoom": "9"}, atlas)
    assert state.filters == FilterState(countries=("IT",), place=city)
    assert state.center == (38.1, 13.4) and state.zoom == 9 and state.notices == []


@pytest.mark.parametrize("params,notice", [
    ({"utm_source": "x"}, "Ignored unknown link parameter 'utm_source'"),
    ({"country": "IT,ZZ"}, "Ignored unknown country value(s) in the link: ZZ"),
    ({"network": "<script>alert(1)</script>"}, "Ignored unknown network value(s)"),
    ({"verified": "maybe"}, "Ignored 'verified': use 1 or 0"),
    ({"date": "14/06/2019"}, "Ignored 'date': '14/06/2019' is not a date like 2019-06-14"),
    ({"date": "2019-02-30"}, "Ignored 'date'"),
    ({"color": "rainbow"}, "Ignored 'color': use one of network, year, policy"),
    ({"place": "../../etc/passwd"}, "Ignored 'place': no place with id '../../etc/passwd'"),
    ({"lat": "91", "lon": "0"}, "Ignored the map centre"),
    ({"lat": "nan", "lon": "0"}, "Ignored the map centre"),
    ({"lat": "45"}, "Ignored the map centre"),
    ({"zoom": "1e400"}, "Ignored 'zoom': use a whole number from 1 to 18"),
    ({"zoom": "-3"}, "Ignored 'zoom'"),
])
def test_a_hostile_value_is_ignored_with_a_notice(atlas, params, notice):
    state = parse(params, atlas)
    assert any(n.startswith(notice) for n in state.notices), state.notices
    assert state.filters.place is None and state.center is None and state.zoom is None


def test_huge_values_and_many_keys_stay_bounded(atlas):
    state = parse({"country": "IT," + "X" * 5_000_000, **{f"k{i}": "v" for i in range(5000)}}, atlas)
    assert state.filters.countries == ("IT",)
    assert len(state.notices) == 5001
    assert max(len(n) for n in state.notices) < 200
    assert MAX_VALUE < 5_000_000


@pytest.mark.parametrize("params", [{"zoom": 5}, {"country": 3}, {"place": None}, {"verified": True},
                                    {"lat": 45.0, "lon": 9}, {"country": ["DE", "IT"]}])
def test_values_of_the_wrong_type_never_raise(atlas, params):
    parse(params, atlas)


@pytest.mark.parametrize("params", [{"country": []}, {"country": [3]}])
def test_empty_or_non_text_lists_never_raise(atlas, params):
    parse(params, atlas)
