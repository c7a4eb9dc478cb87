"""Dates, gazetteer, query and map payload of the core package."""
from __future__ import annotations

import json
from datetime import date

import pytest

from mapdata import dates
from mapdata.geo.gazetteer import gazetteer
from mapdata.render.mapview import build_map, payload, tooltips
from mapdata.text import fold, slug
from mapdata.view.query import FilterState, search_places, select


@pytest.mark.parametrize("text,first,last", [
    ("2019", date(2019, 1, 1), date(2019, 12, 31)),
    ("2019-06", date(2019, 6, 1), date(2019, 6, 30)),
    ("2020-02", date(2020, 2, 1), date(2020, 2, 29)),
    ("2019-06-14", date(2019, 6, 14), date(2019, 6, 14)),
])
def test_a_partial_date_keeps_its_precision(text, first, last):
    assert dates.parse_partial(text) == (first, last)
    assert dates.display(text) == text


@pytest.mark.parametrize("text", ["", "14/06/2019", "2019-13", "2019-02-30", "19", "2019-6", None])
def test_a_bad_or_missing_date_is_unknown(text):
    assert dates.parse_partial(text) is None
    assert dates.display(text) == "date unknown"


def test_names_fold_without_diacritics():
    assert fold("Zürich") == fold("zurich") == "zurich"
    assert slug("Frankfurt (Oder)") == "frankfurt-oder"
    assert fold("Gießen") == "giessen"


@pytest.mark.parametrize("name,country,admin1,found", [
    ("Zurich", "CH", "", "Zürich"),
    ("Danzig", "PL", "", "Gdańsk"),
    ("Bergen", "NL", "Noord-Holland", "Bergen"),
    ("Riace", "IT", "", "Riace"),
    ("Portland", "US", "Oregon", "Portland"),
])
def test_the_gazetteer_matches_names_alternate_names_and_homonyms(name, country, admin1, found):
    match = gazetteer().lookup(name, country, admin1)
    assert match.status == "matched" and match.best.name == found


def test_the_gazetteer_does_not_guess_between_homonyms():
    match = gazetteer().lookup("Neustadt", "DE")
    assert match.status == "ambiguous" and len(match.candidates) > 1
    assert gazetteer().lookup("Nowhereville", "DE").status == "unmatched"


def test_filters_combine_or_within_and_across_facets(atlas):
    all_places = select(atlas, FilterState()).places
    nets = all_places["networks"].explode().value_counts().index[:2].tolist()
    either = select(atlas, FilterState(networks=tuple(nets))).places
    assert set(either.index) == {cid for cid, n in all_places["networks"].items() if set(n) & set(nets)}
    country = either["country_code"].value_counts().index[0]
    narrowed = select(atlas, FilterState(networks=tuple(nets), countries=(country,))).places
    assert len(narrowed) and set(narrowed["country_code"]) == {country}


def test_verified_only_leaves_out_unverified_facts(atlas):
    view = select(atlas, FilterState(verified_only=True))
    assert set(view.facts["status"]) <= {"verified"}
    assert view.places["verified"].all()


def test_the_timeline_shows_a_place_from_its_first_fact(atlas):
    view = select(atlas, FilterState())
    dated = view.places[view.places["first_day"].notna()]
    place = dated.sort_values("first_day").iloc[len(dated) // 2]
    before = view.visible_on(date.fromordinal(place["first_day"].toordinal() - 1))
    after = view.visible_on(place["first_day"])
    assert place["city_id"] in after.index and place["city_id"] not in before.index
    basis = view.places["date_basis"]
    undated = view.places[basis == "none"].index
    assert set(undated) <= set(view.visible_on(date(1900, 1, 1)).index)  # no date at all: always shown, marked
    listed = view.places[basis == "listed"].sort_values("listed_day").iloc[0]
    assert listed["city_id"] in view.visible_on(listed["listed_day"]).index  # shown from its "listed by" day
    assert listed["city_id"] not in view.visible_on(date.fromordinal(listed["listed_day"].toordinal() - 1)).index


def test_search_is_diacritics_insensitive(atlas):
    if "ch-zurich" not in atlas.places.index:
        pytest.skip("Zürich is not in the data")
    assert search_places(atlas, "Zurich").index[0] == "ch-zurich"


def test_tooltips_are_unique(atlas):
    texts = tooltips(select(atlas, FilterState()).places)
    assert len(set(texts.values())) == len(texts)


@pytest.mark.parametrize("color_by", ["network", "year", "policy"])
def test_the_payload_is_compact_and_its_legend_matches_the_colours(atlas, color_by):
    view = select(atlas, FilterState(color_by=color_by))
    data = payload(view, atlas)
    assert len(data["places"]) == len(view.places)
    used = {p[2] for p in data["places"] if p[5] >= 0}  # undated places are drawn hollow, dashed
    legend_colors = {item["color"] for item in data["legend"]}
    assert {data["colors"][i] for i in used} <= legend_colors
    assert any(item.get("hollow") for item in data["legend"]) == any(p[5] < 0 for p in data["places"])
    size = len(json.dumps(data["places"], ensure_ascii=False, separators=(",", ":")).encode())
    assert size / len(view.places) < 150


def test_the_map_loads_nothing_from_a_cdn(atlas):
    html = build_map(select(atlas, FilterState()), atlas).get_root().render()
    assert "cdn." not in html and "unpkg.com" not in html and "code.jquery" not in html
    assert "/app/static/js/atlas-layer.js" in html


def test_the_gazetteer_gives_a_places_alternate_names_as_written():
    munich = gazetteer().lookup("München", "DE").best
    assert munich.name == "Munich"
    assert {"München", "Monaco di Baviera", "Мюнхен"} <= set(gazetteer().alternate_names(munich.geonames_id))
    assert gazetteer().alternate_names(1) == ()


def test_a_membership_that_ended_at_an_unknown_date_is_over_by_its_source_date(atlas):
    """The 2015 refuge-cities network failed (a 2022 document says so, with no date): its founders are not current."""
    members = atlas.facts[(atlas.facts["fact"] == "membership") & (atlas.facts["end"] == "")
                          & (atlas.facts["end_reason"] != "") & atlas.facts["known_day"].notna()]
    assert len(members) and (members["end_day"] == members["known_day"]).all()
    view = select(atlas, FilterState(networks=("refuge-cities-2015",)))
    assert len(view.places) and view.visible_on(date.today()).empty
