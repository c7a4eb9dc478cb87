"""Synthetic data packages (for the benchmark): valid, of the asked size, with the bundled mix."""
from __future__ import annotations

import pytest

from mapdata import load_atlas
from mapdata.curation.synthetic import FIRST_YEAR, LAST_YEAR, write_package
from mapdata.geo.countries import is_near_country
from mapdata.view.query import FilterState, select


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    path = write_package(tmp_path_factory.mktemp("synthetic"), 300, seed=7)
    return path, load_atlas(path)


def test_the_package_loads_without_a_problem_and_has_the_asked_size(synthetic):
    _, atlas = synthetic
    assert atlas.problems == []
    assert len(atlas.places) == 300
    assert len(select(atlas, FilterState()).places) == 300  # every place has a fact the map shows


def test_places_are_real_towns_in_their_countries(synthetic, atlas):
    _, synth = synthetic
    assert all(is_near_country(c, la, lo) for c, la, lo in zip(synth.places["country_code"], synth.places["lat"],
                                                               synth.places["lon"]))
    assert set(synth.places["country_code"]) <= set(atlas.places["country_code"])
    assert synth.places["geonames_id"].ne("").all()


def test_the_mix_has_networks_labels_policies_and_undated_facts(synthetic, atlas):
    _, synth = synthetic
    facts = synth.facts
    assert set(facts["fact"]) == {"membership", "declaration", "policy"}
    assert set(synth.memberships["network_id"]) <= set(atlas.networks.index)
    undated = (facts["start"] == "").mean()
    assert 0.2 < undated < 0.5
    years = facts["start_day"].dropna().map(lambda d: d.year)
    assert years.between(FIRST_YEAR, LAST_YEAR).all() and years.nunique() > 10


def test_the_same_seed_writes_the_same_package(synthetic, tmp_path):
    path, _ = synthetic
    again = write_package(tmp_path, 300, seed=7)
    for name in ("cities.csv", "memberships.csv", "policies.csv"):
        assert (again / name).read_bytes() == (path / name).read_bytes()


def test_select_summarises_every_place_as_its_facts_say(synthetic):
    """The vectorised summary of `select` against a plain per-place reading of the facts, on 300 random places."""
    _, atlas = synthetic
    view = select(atlas, FilterState())
    facts = atlas.facts[atlas.facts["positive"]]
    for city_id, place in view.places.iterrows():
        mine = facts[facts["city_id"] == city_id]
        for column, kind in [("networks", "membership"), ("labels", "declaration"), ("policy_types", "policy")]:
            assert place[column] == sorted(set(mine.loc[mine["fact"] == kind, "what"]))
        assert place["verified"] == (mine["status"] == "verified").any()
        assert place["n_facts"] == len(mine)
        ends = list(mine["end_day"])
        assert place["last_day"] == (max(ends) if all(e is not None for e in ends) else None)
