"""The detail of one place: every declaration, membership and policy, each with date, status and source."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from mapdata.atlas.model import Atlas
from mapdata.dates import display, display_with_bound
from mapdata.render.html import render


@dataclass
class FactLine:
    """One fact as the panel shows it."""

    kind: str
    heading: str
    date: str
    status: str
    outcome: str
    detail: str
    source_title: str
    source_url: str
    quote: str
    note: str


@dataclass
class PlaceDetail:
    """A place and its facts, grouped for the panel."""

    city_id: str
    name: str
    country: str
    admin1: str
    kind: str
    population: str
    other_names: list[str] = field(default_factory=list)
    declarations: list[FactLine] = field(default_factory=list)
    memberships: list[FactLine] = field(default_factory=list)
    policies: dict[str, list[FactLine]] = field(default_factory=dict)


SOURCE_KINDS = {"list": "list", "press": "article", "document": "document", "web_page": "page",
                "legal_text": "text"}  # 'listed by 2015 (date of the list)'


def _when(atlas: Atlas, date_text: str, row: pd.Series) -> str:
    kind = atlas.sources["kind"].get(row["source_id"], "") if "kind" in atlas.sources else ""
    return display_with_bound(date_text, row.get("known_by", ""), SOURCE_KINDS.get(kind, "source"))


def _sorted(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    return frame.assign(_k=frame[column].replace("", "9999")).sort_values("_k", kind="stable")


def place_detail(atlas: Atlas, city_id: str) -> PlaceDetail | None:
    """Everything known about a place, or None for an unknown id."""
    if city_id not in atlas.places.index:
        return None
    p = atlas.places.loc[city_id]
    pop = f"{int(p['population']):,}" if str(p["population"]).isdigit() else ""
    others = [n.strip() for n in str(p.get("other_names", "") or "").split("|") if n.strip()]
    detail = PlaceDetail(city_id, p["name"], p["country"], p["admin1"], p["kind"], pop, others)
    for _, d in _sorted(atlas.declarations[atlas.declarations["city_id"] == city_id], "date").iterrows():
        named = d["label"] == "Other" and d["title"]  # a declaration no label fits goes by its own name
        detail.declarations.append(FactLine(
            "declaration", d["title"] if named else d["label"], _when(atlas, d["date"], d), d["status"], d["outcome"],
            " ".join(x for x in [d["title"] if not named else "", d["description"],
                                 f"(by the {d['body']})" if d["body"] else ""] if x),
            *atlas.source_ref(d["source_id"]), d["quote"], d["note"]))
    for _, m in _sorted(atlas.memberships[atlas.memberships["city_id"] == city_id], "start").iterrows():
        net = atlas.networks.loc[m["network_id"]] if m["network_id"] in atlas.networks.index else None
        reason = f" ({atlas.label('end_reason', m['end_reason'])})" if m["end_reason"] else ""
        ended = (f"until {display(m['end'])}{reason}" if m["end"]
                 else f"ended{reason}, date unknown" + (f" · by {m['known_by']}" if m.get("known_by") else "")
                 if m["end_reason"] else "")
        detail.memberships.append(FactLine(
            "membership", net["name"] if net is not None else m["network_id"], _when(atlas, m["start"], m), m["status"],
            "adopted", ", ".join(x for x in [atlas.label("role", m["role"]), ended] if x),
            *atlas.source_ref(m["source_id"]), m["quote"], m["note"]))
    for _, pol in _sorted(atlas.policies[atlas.policies["city_id"] == city_id], "start").iterrows():
        group = atlas.label("policy_type", pol["policy_type"])
        detail.policies.setdefault(group, []).append(FactLine(
            "policy", pol["title"], _when(atlas, pol["start"], pol), pol["status"], pol["outcome"], pol["description"],
            *atlas.source_ref(pol["source_id"]), pol["quote"], pol["note"]))
    return detail


OUTCOME_BADGES = {"absent": "documented gap", "proposed": "proposed", "rejected": "rejected", "revoked": "revoked"}


def panel_html(detail: PlaceDetail) -> str:
    """The place panel as escaped HTML."""
    meta = [x for x in [detail.country, detail.admin1, detail.kind if detail.kind != "municipality" else "",
                        f"population {detail.population}" if detail.population else ""] if x]
    return render("panel.html.j2", d=detail, meta=meta, outcomes=OUTCOME_BADGES)
