"""Facets, growth series, milestones, network cards and overlaps: on a small atlas written here, then on the
bundled one."""
from __future__ import annotations

import pandas as pd
import pytest

from mapdata import words
from mapdata.dates import first_day
from mapdata.render.tables import places_table
from mapdata.view import facets
from mapdata.view.query import FilterState, select


def _view(atlas, **filters):
    return select(atlas, FilterState(**filters))


def _records(values):
    return [(v.value, v.count, v.selected) for v in values]


# --- facets -------------------------------------------------------------------------------------------------------

def test_facets_count_places_most_first(small):
    found = facets.facets(_view(small), small)
    assert _records(found["country"]) == [("DE", 3, False), ("IT", 1, False), ("ES", 1, False), ("US", 1, False)]
    assert [v.label for v in found["country"]] == ["Germany", "Italy", "Spain", "United States"]
    assert _records(found["network"]) == [("iash", 3, False), ("seebruecke", 3, False), ("eccar", 2, False)]
    assert [v.label for v in found["network"]] == ["IASH", "Seebrücke", "ECCAR"]
    # a rejected declaration is not a declaration: Berlin is no Sanctuary City
    assert _records(found["label"]) == [("City of Refuge", 2, False), ("Safe Harbour", 2, False),
                                        ("Other", 1, False), ("Sanctuary City", 1, False)]
    assert [v.label for v in found["policy_type"]] == [small.label("policy_type", "housing"),
                                                       small.label("policy_type", "non_cooperation_with_enforcement")]


def test_facets_mark_what_the_filters_pick_and_count_within_the_view(small):
    found = facets.facets(_view(small, networks=("iash",)), small)
    # within the IASH places, the other networks still count (datasette's facets): the overlap is visible
    assert _records(found["network"]) == [("iash", 3, True), ("seebruecke", 2, False), ("eccar", 1, False)]
    assert _records(found["country"]) == [("DE", 2, False), ("IT", 1, False)]


def test_a_picked_value_with_no_place_still_appears(small):
    found = facets.facets(_view(small, countries=("US",), networks=("eccar",)), small)
    assert ("US", 0, True) in _records(found["country"])
    assert ("eccar", 0, True) in _records(found["network"])


def test_verified_only_leaves_out_unverified_facts(small):
    all_nets = {v.value: v.count for v in facets.facet_values(_view(small), small, "network")}
    verified = {v.value: v.count for v in facets.facet_values(_view(small, verified_only=True), small, "network")}
    assert all_nets == verified  # Berlin keeps Seebrücke through its verified 2019 membership
    growth = facets.network_growth(_view(small, verified_only=True), small, ["seebruecke"])
    assert growth.loc[growth["year"] == 2018].empty  # its unverified 2018 membership is left out


# --- growth series ------------------------------------------------------------------------------------------------

def test_network_growth_counts_each_place_from_its_first_dated_membership(small):
    growth = facets.network_growth(_view(small), small)
    see = growth[growth["network"] == "seebruecke"].set_index("year")
    assert list(see.index) == [2018, 2019, 2020, 2021]  # to the last year of any network
    assert list(see["joined"]) == [1, 2, 0, 0] and list(see["members"]) == [1, 3, 3, 3]
    assert see.at[2018, "city_ids"] == ["de-berlin"]  # 2018-07, not again in 2019
    assert see.at[2019, "names"] == ["Kiel", "Potsdam"]  # by first possible day: 2019 (Jan 1) before 2019-03
    iash = growth[growth["network"] == "iash"]
    assert iash[["year", "joined", "members"]].values.tolist() == [[2021, 2, 2]]
    assert iash["network_label"].iloc[0] == "IASH" and iash["key"].iloc[0] == "net|iash|2021"
    assert growth["key"].is_unique


def test_undated_members_are_counted_apart(small):
    view = _view(small)
    assert facets.undated_members(view, small) == {"iash": 1, "eccar": 1}
    growth = facets.network_growth(view, small)
    for net, n in facets.undated_members(view, small).items():
        members = growth.loc[growth["network"] == net, "members"].max()
        assert members + n == sum(net in nets for nets in view.places["networks"])


def test_growth_only_draws_the_networks_the_filter_picks(small):
    growth = facets.network_growth(_view(small, networks=("iash",)), small)
    assert set(growth["network"]) == {"iash"}
    assert facets.network_growth(_view(small, countries=("US",)), small).empty


def test_declarations_per_year_split_by_country(small):
    series = facets.declaration_series(_view(small), small)
    rows = series[["label", "year", "country_code", "count"]].values.tolist()
    assert rows == [["City of Refuge", 2015, "ES", 1], ["Other", 2015, "IT", 1], ["Safe Harbour", 2018, "DE", 2],
                    ["Sanctuary City", 1986, "US", 1]]
    harbour = series[series["label"] == "Safe Harbour"].iloc[0]
    assert harbour["city_ids"] == ["de-potsdam", "de-berlin"] and harbour["key"] == "decl|Safe Harbour|2018|DE"
    assert harbour["country"] == "Germany"


def test_countries_beyond_the_top_are_grouped(small):
    series = facets.declaration_series(_view(small), small, top=1)
    assert set(series["country"]) == {"Germany", facets.OTHER_COUNTRIES}
    assert set(series.loc[series["country_code"] == "", "label"]) == {"City of Refuge", "Other", "Sanctuary City"}


def test_facts_without_a_date_are_counted_never_dated(small):
    view = _view(small)
    assert facets.undated_text(view.facts) == "4 facts without a date (2 memberships, 1 declaration, 1 policy)"
    table = facets.undated_facts(view, small)
    assert len(table) == 4 and set(table["Place"]) == {"Berlin", "Palermo", "Oakland & Piedmont", "Barcelona"}
    assert facets.undated_text(view.facts[view.facts["start_day"].notna()]) == ""
    series = facets.declaration_series(view, small)
    assert "City of Refuge" not in set(series.loc[series["country_code"] == "US", "label"])


def test_a_chart_selection_maps_back_to_its_places(small):
    view = _view(small)
    growth, series = facets.network_growth(view, small), facets.declaration_series(view, small)
    points = [{"customdata": ["decl|Safe Harbour|2018|DE", "hover"], "x": 2018},
              {"customdata": ["net|iash|2021", "hover"]}, {"x": 1}, {"customdata": ["gone|key", ""]}]
    assert facets.places_in_selection([growth, series], points) == ["de-potsdam", "it-palermo", "de-berlin"]
    assert facets.places_in_selection([growth, series], []) == []
    assert facets.places_in_selection([pd.DataFrame(columns=["key", "city_ids"])], points) == []


def test_all_time_keeps_places_whose_facts_ended(small):
    view = _view(small)
    assert "de-kiel" not in places_table(view, small).index  # left Seebrücke in 2020: not on today's map
    assert "de-kiel" in places_table(facets.all_time(view), small).index
    assert len(places_table(facets.all_time(view), small)) == len(view.places)


# --- milestones, network card, overlap --------------------------------------------------------------------------

def test_first_and_latest_declarations(small):
    first, latest = facets.milestones(_view(small), small)
    assert (first.name, first.what, first.date) == ("Oakland & Piedmont", "Sanctuary City", "1986")
    assert (latest.city_id, latest.date, latest.source_url) == ("de-berlin", "2018-11", "https://example.org/source")
    assert facets.milestones(_view(small, countries=("IT",)), small, "policy") == (None, None)


def test_network_card(small):
    card = facets.network_card(small, "iash")
    assert (card.founded, card.kind, card.scope, card.founders) == ("2021-06", "Network", "Transnational",
                                                                    ("Palermo", "Potsdam"))
    assert card.source_title == "A test source"
    eccar = facets.network_card(small, "eccar")
    assert eccar.founded == "date unknown" and eccar.founders == () and eccar.source_title == ""
    assert facets.network_card(small, "no-such-network") is None


def test_overlap_names_the_shared_places(small):
    found = facets.overlap(_view(small, networks=("iash",)), small, "iash")
    assert [(o.value, o.count, o.names) for o in found] == [("seebruecke", 2, ("Berlin", "Potsdam")),
                                                            ("eccar", 1, ("Palermo",))]
    assert facets.overlap(_view(small, networks=("eccar",), countries=("ES",)), small, "eccar") == []


@pytest.mark.parametrize("names,text", [
    ([], ""), (["A"], "A"), (list("ABCDE"), "A, B, C, D, E"), (list("ABCDEFG"), "A, B, C, D, E and 2 more"),
])
def test_name_list(names, text):
    assert words.name_list(names) == text


def test_counted():
    assert [words.counted(1, "place"), words.counted(1234, "place"), words.counted(2, "policy", "policies")] == [
        "1 place", "1,234 places", "2 policies"]


# --- the bundled atlas -----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def everything(atlas):
    return select(atlas, FilterState())


def test_bundled_facets_agree_with_the_view(atlas, everything):
    view = everything
    countries = facets.facet_values(view, atlas, "country")
    assert sum(v.count for v in countries) == len(view.places)
    assert {v.value: v.count for v in countries} == view.places["country_code"].value_counts().to_dict()
    nets = {v.value: v.count for v in facets.facet_values(view, atlas, "network")}
    assert nets == view.places["networks"].explode().dropna().value_counts().to_dict()
    counts = [v.count for v in countries]
    assert counts == sorted(counts, reverse=True)


def test_bundled_growth_plus_undated_is_every_member(atlas, everything):
    view = everything
    growth, undated = facets.network_growth(view, atlas), facets.undated_members(view, atlas)
    members = view.places["networks"].explode().dropna().value_counts()
    for net, total in members.items():
        rows = growth[growth["network"] == net]
        assert (rows["members"].max() if len(rows) else 0) + undated.get(net, 0) == total
        assert rows["members"].tolist() == rows["joined"].cumsum().tolist()


def test_bundled_declarations_dated_plus_undated_is_every_declaration(atlas, everything):
    view = everything
    series = facets.declaration_series(view, atlas)
    declarations = view.facts[view.facts["fact"] == "declaration"]
    assert series["count"].sum() + declarations["start_day"].isna().sum() == len(declarations)
    assert series["key"].is_unique
    assert series["country"].nunique() <= facets.TOP_GROUPS + 1


def test_bundled_milestones_are_the_earliest_and_latest_dated_declarations(atlas, everything):
    view = everything
    first, latest = facets.milestones(view, atlas)
    days = view.facts.loc[(view.facts["fact"] == "declaration"), "start_day"].dropna()
    if days.empty:
        assert first is None and latest is None
    else:
        assert (first_day(first.date), first_day(latest.date)) == (min(days), max(days))
