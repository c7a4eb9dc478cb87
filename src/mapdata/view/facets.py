"""Facets and growth series of a view, as plain records that pages draw and tests check (no Streamlit).

A facet counts the view's places per country, network, declaration label or policy type (datasette's
`facets.py`). Growth series count places per year; a fact without a date is counted apart ("date
unknown"), never put on a guessed year.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from mapdata.atlas.model import Atlas
from mapdata.dates import display
from mapdata.geo.countries import country_name
from mapdata.view.query import View
from mapdata.words import counted

FACETS = ("country", "network", "label", "policy_type")
KIND_OF = {"network": "membership", "label": "declaration", "policy_type": "policy"}
TOP_GROUPS = 8  # countries drawn in their own colour; the rest are "Other countries"
OTHER_COUNTRIES = "Other countries"
_FILTER_OF = {"country": "countries", "network": "networks", "label": "labels", "policy_type": "policy_types"}
_FACET_OF = {kind: facet for facet, kind in KIND_OF.items()}
_PLURAL = {"policy": "policies"}


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet: how many of the view's places have it, and whether the filters pick it."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Overlap:
    """Places of one network that also belong to another."""

    value: str
    label: str
    count: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class Milestone:
    """A dated fact picked out for people (a country's first or latest declaration)."""

    city_id: str
    name: str
    what: str
    date: str
    source_title: str
    source_url: str


@dataclass(frozen=True)
class NetworkCard:
    """What the atlas says about a network itself, with its founders."""

    network_id: str
    name: str
    short_name: str
    kind: str
    scope: str
    founded: str
    description: str
    url: str
    source_title: str
    source_url: str
    founders: tuple[str, ...]


def term_label(atlas: Atlas, facet: str, value: str) -> str:
    """A facet value for people: country name, network short name, label, policy type label."""
    if facet == "country":
        return country_name(value)
    if facet == "network":
        return atlas.networks.at[value, "short_name"] if value in atlas.networks.index else value
    if facet == "policy_type":
        return atlas.label("policy_type", value)
    return value


def facts_of(view: View, atlas: Atlas, kind: str, *, restrict: bool = True) -> pd.DataFrame:
    """The positive facts of one kind held by the view's places.

    With `restrict`, only the terms the filters pick (the growth charts); without, every term (facets
    and overlaps: 'of these places, how many are also in...').
    """
    f = atlas.facts
    f = f[(f["fact"] == kind) & f["positive"] & f["city_id"].isin(view.places.index)]
    if view.state.verified_only:
        f = f[f["status"] == "verified"]
    terms = getattr(view.state, _FILTER_OF[_FACET_OF[kind]])
    return f[f["what"].isin(terms)] if restrict and terms else f


def facet_values(view: View, atlas: Atlas, facet: str) -> list[FacetValue]:
    """Counts of places per value of one facet, most first; values the filters pick always appear."""
    if facet == "country":
        counts = view.places["country_code"].value_counts()
    else:
        counts = facts_of(view, atlas, KIND_OF[facet], restrict=False).groupby("what")["city_id"].nunique()
    chosen = set(getattr(view.state, _FILTER_OF[facet]))
    values = [FacetValue(v, term_label(atlas, facet, v), int(n), v in chosen) for v, n in counts.items() if n]
    values += [FacetValue(v, term_label(atlas, facet, v), 0, True) for v in chosen - set(counts[counts > 0].index)]
    return sorted(values, key=lambda x: (-x.count, x.label.casefold()))


def facets(view: View, atlas: Atlas) -> dict[str, list[FacetValue]]:
    """Every facet of a view."""
    return {facet: facet_values(view, atlas, facet) for facet in FACETS}


def _first_joins(view: View, atlas: Atlas, networks: Iterable[str] | None) -> pd.DataFrame:
    """One row per (place, network): the first dated membership's day, or NaT when no membership is dated."""
    f = facts_of(view, atlas, "membership")
    if networks is not None:
        f = f[f["what"].isin(list(networks))]
    f = f.assign(day=f["start_day"].map(lambda d: pd.Timestamp(d) if d is not None else pd.NaT))
    joins = f.groupby(["what", "city_id"], as_index=False)["day"].min()
    return joins.rename(columns={"what": "network"})


def network_growth(view: View, atlas: Atlas, networks: Iterable[str] | None = None) -> pd.DataFrame:
    """Cumulative places per network by year, from each place's first dated membership of that network.

    One row per network and year, from its first dated join to the last year of any network, with
    columns network, network_label, year, joined (places that joined that year), members (places that
    had joined by then), city_ids and names (of those that joined that year) and key (for selections).
    Places whose membership has no date are left out here: see `undated_members`.
    """
    cols = ["network", "network_label", "year", "joined", "members", "city_ids", "names", "key"]
    joins = _first_joins(view, atlas, networks).dropna(subset=["day"])
    if joins.empty:
        return pd.DataFrame(columns=cols)
    joins["year"] = joins["day"].dt.year
    joins = joins.sort_values(["day", "city_id"])
    last = int(joins["year"].max())
    names = view.places["name"]
    rows = []
    for net, group in joins.groupby("network", sort=False):
        by_year = group.groupby("year")["city_id"].agg(list)
        total = 0
        for year in range(int(group["year"].min()), last + 1):
            ids = by_year.get(year, [])
            total += len(ids)
            rows.append([net, term_label(atlas, "network", net), year, len(ids), total, ids,
                         [names[c] for c in ids], f"net|{net}|{year}"])
    frame = pd.DataFrame(rows, columns=cols)
    order = frame.groupby("network")["members"].max().sort_values(ascending=False, kind="stable")
    return frame.set_index("network").loc[order.index].reset_index()


def undated_members(view: View, atlas: Atlas, networks: Iterable[str] | None = None) -> dict[str, int]:
    """Per network, the places whose membership of it has no date (counted apart, never on a year)."""
    joins = _first_joins(view, atlas, networks)
    counts = joins[joins["day"].isna()].groupby("network").size()
    return {net: int(n) for net, n in counts.sort_values(ascending=False).items()}


def declaration_series(view: View, atlas: Atlas, top: int = TOP_GROUPS) -> pd.DataFrame:
    """Dated declarations per label and year, split by country (the `top` countries with most declarations,
    the rest together as 'Other countries').

    Columns: label, year, country_code ('' for other countries), country, count (declarations),
    city_ids, names and key (for selections). Undated declarations are counted in `undated_facts`.
    """
    cols = ["label", "year", "country_code", "country", "count", "city_ids", "names", "key"]
    f = facts_of(view, atlas, "declaration")
    f = f[f["start_day"].notna()]
    if f.empty:
        return pd.DataFrame(columns=cols)
    places = view.places
    f = f.assign(year=f["start_day"].map(lambda d: d.year), country_code=f["city_id"].map(places["country_code"]))
    leaders = list(f["country_code"].value_counts().index[:top])
    f["group"] = f["country_code"].where(f["country_code"].isin(leaders), "")
    f = f.sort_values(["start_day", "city_id"])
    rows = []
    for (label, year, group), part in f.groupby(["what", "year", "group"]):
        ids = list(dict.fromkeys(part["city_id"]))
        rows.append([label, int(year), group, term_label(atlas, "country", group) if group else OTHER_COUNTRIES,
                     len(part), ids, [places.at[c, "name"] for c in ids], f"decl|{label}|{year}|{group}"])
    frame = pd.DataFrame(rows, columns=cols)
    rank = {c: i for i, c in enumerate(leaders + [""])}
    return frame.sort_values(["label", "year", "country_code"], key=lambda s: s.map(rank) if s.name == "country_code"
                             else s).reset_index(drop=True)


def places_in_selection(series: Iterable[pd.DataFrame], points: Iterable[dict]) -> list[str]:
    """The places behind the points a chart selection returns (their `customdata` starts with the row key)."""
    keys = {p["customdata"][0] for p in points if isinstance(p, dict) and p.get("customdata")}
    ids: list[str] = []
    for frame in series:
        if len(frame):
            for row_ids in frame.loc[frame["key"].isin(keys), "city_ids"]:
                ids.extend(row_ids)
    return list(dict.fromkeys(ids))


def all_time(view: View) -> View:
    """The view with every place kept whatever its end date, for pages about history (tables through
    `export.places_table`, which otherwise keeps the places shown at the view's date)."""
    return View(view.state.with_(as_of=None), view.places.assign(last_day=None), view.facts)


def undated_facts(view: View, atlas: Atlas) -> pd.DataFrame:
    """The view's facts that have no date, for people: place, country, kind, what, status, source."""
    f = view.facts[view.facts["start_day"].isna()]
    labels = {(k, w): term_label(atlas, _FACET_OF[k], w) for k, w in set(zip(f["fact"], f["what"]))}
    return pd.DataFrame({
        "Place": f["city_id"].map(atlas.places["name"]),
        "Country": f["city_id"].map(atlas.places["country"]),
        "Fact": f["fact"],
        "What": [labels[kw] for kw in zip(f["fact"], f["what"])],
        "Status": f["status"],
        "Source": f["source_id"].map(lambda s: atlas.sources.at[s, "title"] if s in atlas.sources.index else s),
    }).sort_values(["Country", "Place"]).reset_index(drop=True)


def undated_text(facts: pd.DataFrame) -> str:
    """'12 facts without a date (8 memberships, 4 policies)', or '' when every fact is dated."""
    undated = facts[facts["start_day"].isna()]
    if undated.empty:
        return ""
    counts = sorted(undated["fact"].value_counts().items(), key=lambda kv: (-kv[1], kv[0]))
    parts = ", ".join(counted(n, k, _PLURAL.get(k)) for k, n in counts)
    return f"{counted(len(undated), 'fact')} without a date ({parts})"


def milestones(view: View, atlas: Atlas, kind: str = "declaration") -> tuple[Milestone | None, Milestone | None]:
    """The first and the latest dated fact of a kind in the view (None when there is none)."""
    f = view.facts[(view.facts["fact"] == kind) & view.facts["start_day"].notna()]
    if f.empty:
        return None, None
    f = f.assign(_day=f["start_day"].map(pd.Timestamp)).sort_values(["_day", "city_id"], kind="stable")

    def record(row) -> Milestone:
        return Milestone(row["city_id"], atlas.places.at[row["city_id"], "name"],
                         term_label(atlas, _FACET_OF[kind], row["what"]), row["start"],
                         *atlas.source_ref(row["source_id"]))

    return record(f.iloc[0]), record(f.iloc[-1])


def network_card(atlas: Atlas, network_id: str) -> NetworkCard | None:
    """A network's own record (founding date at the source's precision, 'date unknown' when none)."""
    if network_id not in atlas.networks.index:
        return None
    n = atlas.networks.loc[network_id]
    m = atlas.memberships
    founders = m.loc[(m["network_id"] == network_id) & (m["role"] == "founder"), "city_id"]
    ids = [c for c in dict.fromkeys(founders) if c in atlas.places.index]
    names = tuple(sorted(atlas.places.loc[ids, "name"], key=str.casefold))
    return NetworkCard(network_id, n["name"], n["short_name"], atlas.label("network_kind", n["kind"]),
                       n["scope"].capitalize(), display(n["founded"]), n["description"], n["url"],
                       *(atlas.source_ref(n["source_id"]) if n["source_id"] else ("", "")), names)


def overlap(view: View, atlas: Atlas, network_id: str) -> list[Overlap]:
    """For the view's members of a network: the other networks they belong to, with the shared places."""
    members = facts_of(view, atlas, "membership", restrict=False)
    inside = set(members.loc[members["what"] == network_id, "city_id"])
    others = members[members["city_id"].isin(inside) & (members["what"] != network_id)]
    names = view.places["name"]
    out = [Overlap(net, term_label(atlas, "network", net), len(ids), tuple(sorted(names[ids], key=str.casefold)))
           for net, ids in others.groupby("what")["city_id"].agg(lambda s: sorted(set(s))).items()]
    return sorted(out, key=lambda o: (-o.count, o.label.casefold()))
