"""Filter state and the one query every view runs: atlas + filter state -> the places and facts to show."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import numpy as np
import pandas as pd

from mapdata.atlas.model import Atlas
from mapdata.text import fold

COLOR_MODES = ("network", "year", "policy")
# what a place's place on the timeline stands on: its earliest exact date, the date of a source that lists it
# (a bound: it held no later than then), or nothing
DATE_BASES = {"exact": "on exact dates", "listed": "listed by a source's date", "none": "with no date"}


@dataclass(frozen=True)
class FilterState:
    """Everything that selects and draws a view; round-trips through the URL (see `urlstate`)."""

    countries: tuple[str, ...] = ()
    networks: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    policy_types: tuple[str, ...] = ()
    verified_only: bool = False
    as_of: date | None = None
    color_by: str = "network"
    place: str | None = None

    def with_(self, **changes) -> "FilterState":
        return replace(self, **changes)


@dataclass
class View:
    """The result of a query: one row per matching place (with its summary) and the facts behind it."""

    state: FilterState
    places: pd.DataFrame
    facts: pd.DataFrame

    def visible_on(self, day: date | None) -> pd.DataFrame:
        """Places on the map at a date: first dated fact on or before it, else listed by then (the date of the
        source that lists it), else always (date unknown, counted apart); not ended before it."""
        if day is None:
            return self.places
        p = self.places
        exact, listed = p["first_day"].notna(), p["listed_day"].notna()
        started = ((exact & (p["first_day"] <= day)) | (~exact & listed & (p["listed_day"] <= day))
                   | (~exact & ~listed))
        ended = p["last_day"].notna() & (p["last_day"] < day)
        return p[started & ~ended]

    def date_bases(self, places: pd.DataFrame | None = None) -> dict[str, int]:
        """How many of the places (the view's, by default) stand on exact dates, on list dates, on nothing."""
        basis = (self.places if places is None else places)["date_basis"].value_counts()
        return {b: int(basis.get(b, 0)) for b in DATE_BASES}

    def shown_places(self) -> pd.DataFrame:
        """What the view shows: the places on the map at its 'as of' date (today when none)."""
        return self.visible_on(self.state.as_of or date.today())

    def shown_facts(self) -> pd.DataFrame:
        """The facts behind the shown places, leaving out facts that start after the view's date.

        Every shown place keeps at least one fact: it is shown because one started by then or is undated.
        """
        day = self.state.as_of or date.today()
        shown = self.shown_places().index.get_indexer(self.facts["city_id"]) >= 0  # Series.isin on Arrow: 10× slower
        start = self.facts["start_day"]
        started = start.isna().to_numpy() | (start.fillna(day) <= day).to_numpy()
        return self.facts[shown & started]


def _matching_facts(atlas: Atlas, state: FilterState) -> pd.DataFrame:
    facts = atlas.facts[atlas.facts["positive"]]
    if state.verified_only:
        facts = facts[facts["status"] == "verified"]
    if state.countries:
        facts = facts[facts["city_id"].map(atlas.places["country_code"]).isin(state.countries)]
    facets = [("membership", state.networks), ("declaration", state.labels), ("policy", state.policy_types)]
    active = [(kind, terms) for kind, terms in facets if terms]
    if not active:
        return facts
    hits = [facts[(facts["fact"] == kind) & facts["what"].isin(terms)] for kind, terms in active]
    both = set.intersection(*(set(h["city_id"]) for h in hits))  # AND across facets, OR within one
    return pd.concat(hits)[lambda f: f["city_id"].isin(both)].drop_duplicates()


def _terms(facts: pd.DataFrame, kind: str, index: pd.Index) -> pd.Series:
    """Per place, the sorted distinct terms (network ids, labels, policy types) of one kind of fact."""
    hits = facts.loc[facts["fact"] == kind, ["city_id", "what"]].drop_duplicates().sort_values(["city_id", "what"])
    cities, terms = hits["city_id"].to_numpy(), hits["what"].to_numpy()
    starts = np.flatnonzero(np.r_[True, cities[1:] != cities[:-1]]) if len(cities) else np.array([], dtype=int)
    lists = dict(zip(cities[starts], map(list, np.split(terms, starts[1:]))))  # no Python call per group
    return pd.Series([lists.get(city, []) for city in index], index=index, dtype=object)


def _last_end(facts: pd.DataFrame) -> pd.Series:
    """Per place, its latest end day among facts that have one (object dates: a sort, not a max per group)."""
    ended = facts[facts["end_day"].notna()].sort_values("end_day")
    return ended.drop_duplicates("city_id", keep="last").set_index("city_id")["end_day"]


def select(atlas: Atlas, state: FilterState) -> View:
    """Run the filters: the places that have at least one matching fact, each with a summary."""
    facts = _matching_facts(atlas, state)
    grouped = facts.groupby("city_id")
    dated = facts[facts["start_day"].notna()].sort_values("start_day")
    first = dated.drop_duplicates("city_id").set_index("city_id")
    open_ended = facts[facts["end_day"].isna()]["city_id"].unique()
    n_facts = grouped.size()
    summary = pd.DataFrame({
        "networks": _terms(facts, "membership", n_facts.index),
        "labels": _terms(facts, "declaration", n_facts.index),
        "policy_types": _terms(facts, "policy", n_facts.index),
        "verified": (facts["status"] == "verified").groupby(facts["city_id"]).any(),
        "n_facts": n_facts,
        "last_day": _last_end(facts).reindex(n_facts.index),
    }) if len(facts) else pd.DataFrame(columns=["networks", "labels", "policy_types", "verified", "n_facts",
                                                "last_day"])
    summary["last_day"] = summary["last_day"].where(~summary.index.isin(open_ended), None)
    summary["first_day"] = first["start_day"].reindex(summary.index)
    summary["first_date"] = first["start"].reindex(summary.index).fillna("")
    bounded = facts[facts["known_day"].notna()].sort_values("known_day").drop_duplicates("city_id")
    summary["listed_day"] = bounded.set_index("city_id")["known_day"].reindex(summary.index)
    summary["listed_by"] = bounded.set_index("city_id")["known_by"].reindex(summary.index).fillna("")
    summary["date_basis"] = np.where(summary["first_day"].notna(), "exact",
                                     np.where(summary["listed_day"].notna(), "listed", "none"))
    places = atlas.places.drop(columns="geometry").join(summary, how="inner")
    places["first_year"] = places["first_day"].map(lambda d: d.year if isinstance(d, date) else None)
    return View(state, places.sort_values(["country_code", "name"]), facts)


def search_places(atlas: Atlas, text: str, limit: int = 20) -> pd.DataFrame:
    """Places whose name or one of whose other names matches, diacritics- and case-insensitive ('Zurich' finds
    Zürich, 'Cologne' and 'Koln' find Köln, 'München' finds Munich).

    Exact matches of the name first, then of another name (each the most populous first). When a name matches
    exactly, that is all; else, after the exact matches of other names, names then other names that start with
    the text, then those that contain it (another name of one place does not hide a place whose own name starts
    with the text). Column `matched` holds the other name a place was found by ('' when found by its name).
    """
    needle = fold(text)
    if not needle:
        return atlas.places.iloc[0:0].assign(matched="")
    keys = atlas.search_keys
    name, other = keys["name"], keys["other"]
    exact_name = (name == needle).to_numpy()
    exact_other = other.str.contains(f"|{needle}|", regex=False).to_numpy() & ~exact_name
    population = -pd.to_numeric(atlas.places["population"], errors="coerce").fillna(0).to_numpy()
    tiers = [(np.flatnonzero(hit)[np.argsort(population[hit], kind="stable")], by_other)  # most populous first
             for hit, by_other in ((exact_name, False), (exact_other, True))]
    if not exact_name.any():
        start_name = name.str.startswith(needle).to_numpy() & ~exact_other
        start_other = other.str.contains(f"|{needle}", regex=False).to_numpy() & ~exact_other & ~start_name
        seen = exact_other | start_name | start_other
        inside_name = name.str.contains(needle, regex=False).to_numpy() & ~seen
        inside_other = other.str.contains(needle, regex=False).to_numpy() & ~seen & ~inside_name
        tiers += [(np.flatnonzero(hit), by_other) for hit, by_other in
                  ((start_name, False), (start_other, True), (inside_name, False), (inside_other, True))]
    rows = np.concatenate([tier for tier, _ in tiers])[:limit]
    by_other = np.concatenate([np.full(len(tier), flag) for tier, flag in tiers])[:limit]
    hits = atlas.places.iloc[rows]
    matched = [_matched(atlas, city_id, needle) if flag else "" for city_id, flag in zip(hits.index, by_other)]
    return hits.assign(matched=matched)


def _matched(atlas: Atlas, city_id: str, needle: str) -> str:
    """The other name of a place that the folded text matches best (exact, then start, then inside)."""
    names = [n.strip() for n in str(atlas.places.at[city_id, "other_names"]).split("|") if fold(n)]
    for test in (str.__eq__, str.startswith, str.__contains__):
        found = next((n for n in names if test(fold(n), needle)), None)
        if found:
            return found
    return ""
