"""The Timeline, Countries and Networks pages headless (AppTest): default, from a filtered link, a chart selection."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from helpers import ROOT
from mapdata.view import facets
from mapdata.view.query import FilterState, select


def _open(page: str, **params) -> AppTest:
    """A page opened from a link with these parameters."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()  # st.navigation registers the pages on the first run
    return at.switch_page(f"app_pages/{page}.py").run()


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _table(at: AppTest):
    return next(d.value for d in at.dataframe if "Place" in d.value.columns)


def _top(values) -> str:
    return values[0].value


@pytest.fixture(scope="module")
def everything(atlas):
    return select(atlas, FilterState())


# --- Timeline ---------------------------------------------------------------------------------------------------

def test_timeline_counts_dated_and_undated_facts(atlas, everything):
    at = _open("timeline")
    assert not at.exception
    assert [t.value for t in at.title] == ["Timeline"]
    dated = int(everything.facts["start_day"].notna().sum())
    bases = everything.date_bases()
    assert _metrics(at) == {"Places": f"{len(everything.places):,}", "Dated facts": f"{dated:,}",
                            "Facts without a date": f"{len(everything.facts) - dated:,}",
                            "On exact dates": f"{bases['exact']:,}",
                            "Listed by a source's date": f"{bases['listed']:,}", "With no date": f"{bases['none']:,}"}
    assert sum(bases.values()) == len(everything.places)
    assert ({"Networks: places that joined", "Declarations per year, by country", "Places"}
            <= {h.value for h in at.subheader})
    assert len(_table(at)) == len(everything.places)
    undated = facets.undated_text(everything.facts)
    assert not undated or any(e.label == f"Date unknown: {undated}" for e in at.expander)


def test_timeline_from_a_country_link(atlas):
    country = _top(facets.facet_values(select(atlas, FilterState()), atlas, "country"))
    at = _open("timeline", country=country)
    assert not at.exception
    view = select(atlas, FilterState(countries=(country,)))
    assert _metrics(at)["Places"] == f"{len(view.places):,}"
    assert set(_table(at)["Country"]) == {atlas.places.loc[atlas.places["country_code"] == country, "country"].iloc[0]}
    assert at.query_params["country"] in (country, [country])


def test_a_chart_selection_narrows_the_list(atlas, everything):
    series = facets.declaration_series(everything, atlas)
    if series.empty:
        pytest.skip("no dated declaration in the bundled data")
    row = series.iloc[0]
    at = _open("timeline")
    at.session_state["declarations_0"] = {"selection": {"points": [{"customdata": [row["key"], ""]}],
                                                        "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert not at.exception
    assert "Places in your selection" in [h.value for h in at.subheader]
    assert sorted(_table(at)["Place"]) == sorted(atlas.places.loc[row["city_ids"], "name"])
    n = len(row["city_ids"])
    assert any(m.value.startswith(f"**{n:,} place{'s' if n != 1 else ''}** in your selection") for m in at.markdown)
    at.button(key="timeline_clear").click().run()
    assert "Places in your selection" not in [h.value for h in at.subheader]
    assert len(_table(at)) == len(everything.places)


# --- Countries --------------------------------------------------------------------------------------------------

def test_countries_defaults_to_the_country_with_most_places(atlas, everything):
    at = _open("countries")
    assert not at.exception
    assert [t.value for t in at.title] == ["Countries"]
    top = facets.facet_values(everything, atlas, "country")[0]
    assert at.selectbox(key="country_pick").value == top.value
    assert [h.value for h in at.main.header] == [top.label]
    view = select(atlas, FilterState(countries=(top.value,)))
    kinds = view.facts["fact"].value_counts()
    metrics = _metrics(at)
    assert metrics["Places"] == f"{len(view.places):,}"
    assert metrics["Declarations"] == f"{kinds.get('declaration', 0):,}"
    assert metrics["Network memberships"] == f"{kinds.get('membership', 0):,}"
    assert metrics["Policies"] == f"{kinds.get('policy', 0):,}"
    assert len(_table(at)) == len(view.places)
    assert {"Networks present", "Policy types", "Places"} <= {h.value for h in at.subheader}


def test_countries_follows_a_single_country_filter_and_a_pick(atlas, everything):
    counts = facets.facet_values(everything, atlas, "country")
    small = counts[-1]
    at = _open("countries", country=small.value)
    assert not at.exception
    assert [h.value for h in at.main.header] == [small.label] and _metrics(at)["Places"] == f"{small.count:,}"
    at = _open("countries")
    at.selectbox(key="country_pick").select(counts[1].value).run()
    assert not at.exception
    assert [h.value for h in at.main.header] == [counts[1].label] and len(_table(at)) == counts[1].count


def test_countries_a_linked_place_opens_its_panel_beside_the_map(atlas, everything):
    top = facets.facet_values(everything, atlas, "country")[0].value
    place = select(atlas, FilterState(countries=(top,))).places.index[-1]
    at = _open("countries", place=place)
    assert not at.exception
    panels = [e.proto.body for e in at.get("html") if "sc-panel" in e.proto.body]
    assert len(panels) == 1 and f'data-place="{place}"' in panels[0]
    assert at.query_params["place"] in (place, [place])


def test_countries_first_and_latest_declarations(atlas, everything):
    top = facets.facet_values(everything, atlas, "country")[0].value
    first, latest = facets.milestones(select(atlas, FilterState(countries=(top,))), atlas)
    at = _open("countries")
    cards = [e.proto.body for e in at.get("html") if "sc-card" in e.proto.body]
    assert len(cards) == 2
    if first:
        assert f'data-place="{first.city_id}"' in cards[0]
    if latest and latest != first:
        assert f'data-place="{latest.city_id}"' in cards[1]


def test_countries_with_no_matching_place_says_so(atlas):
    label = select(atlas, FilterState()).facts.query("fact == 'declaration'")["what"].iloc[0]
    net = next(n for n in atlas.networks.index
               if select(atlas, FilterState(networks=(n,), labels=(label,))).places.empty)
    at = _open("countries", network=net, label=label)
    assert not at.exception
    assert any("No place matches" in i.value for i in at.info)


# --- Networks ---------------------------------------------------------------------------------------------------

def test_networks_defaults_to_the_largest_network(atlas, everything):
    at = _open("networks")
    assert not at.exception
    assert [t.value for t in at.title] == ["Networks"]
    top = facets.facet_values(everything, atlas, "network")[0]
    assert at.selectbox(key="network_pick").value == top.value
    assert [h.value for h in at.main.header] == [atlas.networks.at[top.value, "name"]]
    view = select(atlas, FilterState(networks=(top.value,)))
    undated = facets.undated_members(view, atlas, [top.value]).get(top.value, 0)
    assert _metrics(at) == {"Members": f"{top.count:,}", "Countries": f"{view.places['country_code'].nunique():,}",
                            "Joining date known": f"{top.count - undated:,}", "Date unknown": f"{undated:,}"}
    assert len(_table(at)) == top.count
    shared = facets.overlap(view, atlas, top.value)
    labels = [e.label for e in at.expander if "shared place" in e.label]
    assert len(labels) == len(shared)
    if shared:
        assert labels[0].startswith(f"**{shared[0].label}** · {shared[0].count:,} shared place")


def test_networks_from_a_network_link_shows_its_record(atlas):
    founded = atlas.networks[atlas.networks["founded"] != ""]
    net = founded.index[0] if len(founded) else atlas.networks.index[0]
    at = _open("networks", network=net)
    assert not at.exception
    assert at.selectbox(key="network_pick").value == net and at.selectbox(key="network_pick").options == [
        f"{atlas.networks.at[net, 'short_name']} · {len(select(atlas, FilterState(networks=(net,))).places):,} place"
        + ("s" if len(select(atlas, FilterState(networks=(net,))).places) != 1 else "")]
    card = next(e.proto.body for e in at.get("html") if "sc-facts" in e.proto.body)
    assert f"Founded: <b>{atlas.networks.at[net, 'founded'] or 'date unknown'}</b>" in card
    assert at.query_params["network"] in (net, [net])


def test_a_network_without_members_in_the_view_keeps_its_record(atlas):
    view = select(atlas, FilterState())
    counts = {v.value: v.count for v in facets.facet_values(view, atlas, "network")}
    empty = [n for n in atlas.networks.index if not counts.get(n)]
    if not empty:
        pytest.skip("every network has members")
    at = _open("networks")
    at.selectbox(key="network_pick").select(empty[0]).run()
    assert not at.exception
    assert [h.value for h in at.main.header] == [atlas.networks.at[empty[0], "name"]]
    assert any("No member of this network matches" in i.value for i in at.info)


def test_about_says_why_the_map_shows_fewer_places_than_the_data_holds(atlas):
    at = _open("about")
    assert not at.exception
    on_map = len(select(atlas, FilterState()).places)
    assert any(f"The map shows {on_map:,} of the {len(atlas.places):,} places" in c.value for c in at.caption)
