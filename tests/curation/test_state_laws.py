"""A state law is a fact about the state, not one generated row per county: no curation row says it only follows
from a state law (or was generated from one), and each state whose law the county rows repeated holds the law
itself as a policy on the place of kind `state`, citing the law's source."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers import ROOT

DATA = ROOT / "data"
CURATION = DATA / "curation"

# what the 216 generated county rows said in their note ("the county row follows from the law, not from a county act")
GENERATED = re.compile(r"follows from (?:the|a|this|that) (?:state )?(?:law|directive|statute|act)\b"
                       r"|\bgenerated (?:from|by)\b", re.IGNORECASE)
STATES = ["California", "Colorado", "Washington", "Oregon", "New Jersey"]


def _csv(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def facts() -> pd.DataFrame:
    return pd.concat([_csv(p).assign(source_file=p.name) for p in sorted(CURATION.glob("facts_*.csv"))],
                     ignore_index=True)


def test_the_pattern_finds_what_the_generated_rows_said():
    assert GENERATED.search("statewide law applies in every county; the county row follows from the law, "
                            "not from a county act")
    assert GENERATED.search("the county row follows from the directive, not from a county act")
    assert not GENERATED.search("from the public list; no copy in this project; as_of=2017-03-27")


def test_no_curation_row_follows_only_from_a_state_law(facts):
    generated = facts[facts["note"].str.contains(GENERATED) | facts["description"].str.contains(GENERATED)]
    assert generated.empty, generated[["source_file", "place", "admin1", "note"]].to_string()


@pytest.mark.parametrize("state", STATES)
def test_the_state_holds_its_own_law(facts, state):
    own = facts[(facts["place"] == state) & (facts["country_code"] == "US") & (facts["kind"] == "state")
                & (facts["fact"] == "policy") & (facts["outcome"] == "adopted")]
    assert not own.empty, f"{state}: no adopted state-level policy fact"
    assert (own["source_id"] != "").all()


@pytest.mark.parametrize("state", STATES)
def test_the_built_package_draws_the_state_with_its_law(state):
    cities, policies = _csv(DATA / "cities.csv"), _csv(DATA / "policies.csv")
    place = cities[(cities["name"] == state) & (cities["country_code"] == "US") & (cities["kind"] == "state")]
    assert len(place) == 1, f"{state}: {len(place)} state places"
    sources = set(_csv(DATA / "sources.csv")["source_id"])
    laws = policies[policies["city_id"] == place["city_id"].iloc[0]]
    assert len(laws) and set(laws["source_id"]) <= sources


def test_a_county_with_its_own_act_stays():
    cities = _csv(DATA / "cities.csv")
    ids = set(cities["city_id"])
    # each has a row of its own: a county ordinance, a sheriff's detainer policy, a DOJ list naming the county
    assert {"us-king-county", "us-santa-clara-county", "us-multnomah-county", "us-middlesex-county"} <= ids
    # a county that rested only on the state's law is no place of its own
    assert not {"us-alameda-county", "us-alpine-county", "us-adams-county", "us-atlantic-county"} & ids
