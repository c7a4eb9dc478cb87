"""The shown places and facts as tables for people: the Places page, the CSV and the GeoJSON read them."""
from __future__ import annotations

import pandas as pd

from mapdata.atlas.model import Atlas
from mapdata.dates import display
from mapdata.text import fold
from mapdata.view.query import View

PLACE_COLUMNS = ["city_id", "name", "country_code", "country", "admin1", "kind", "lat", "lon", "population"]
FACT_COLUMNS = ["fact", "what", "what_label", "role", "title", "description", "body", "start", "end", "end_reason",
                "outcome", "status"]
SOURCE_COLUMNS = ["source_id", "source_title", "source_publisher", "source_date", "source_url", "quote", "note"]
TABLE_COLUMNS = ["Place", "Country", "Region", "Kind", "Networks", "Declarations", "First date", "Policy types",
                 "Facts", "Status"]
VERIFIED_MARK, UNVERIFIED_MARK = "✓ verified", "unverified"


def _vocab(atlas: Atlas, vocabulary: str) -> dict[str, str]:
    terms = atlas.vocabularies[atlas.vocabularies["vocabulary"] == vocabulary]
    return dict(zip(terms["term"], terms["label"]))


def _what_labels(atlas: Atlas, facts: pd.DataFrame) -> pd.Series:
    nets = atlas.networks["name"].to_dict()
    policy = _vocab(atlas, "policy_type")
    names = {"membership": nets, "policy": policy}
    return pd.Series([names.get(f, {}).get(w, w) for f, w in zip(facts["fact"], facts["what"])], index=facts.index,
                     dtype=object)


def places_table(view: View, atlas: Atlas, search: str = "") -> pd.DataFrame:
    """The shown places for people, one row each, indexed by city_id; `search` matches name, other names, region
    or country ignoring case and diacritics ('sao paulo' finds São Paulo, 'cologne' Köln)."""
    p = view.shown_places()
    needle = fold(search)
    if needle:
        others = p["other_names"] if "other_names" in p else ""
        hay = (p["name"] + " " + others + " " + p["admin1"] + " " + p["country"]).map(fold)
        p = p[hay.str.contains(needle, regex=False)]
    nets = atlas.networks["short_name"].to_dict()
    policy, kinds = _vocab(atlas, "policy_type"), _vocab(atlas, "kind")
    return pd.DataFrame({
        "Place": p["name"], "Country": p["country"], "Region": p["admin1"],
        "Kind": p["kind"].map(lambda k: kinds.get(k, k.replace("_", " ").capitalize())),
        "Networks": p["networks"].map(lambda ns: [nets.get(n, n) for n in ns]),
        "Declarations": p["labels"].map(list),
        "First date": p["first_date"].map(display),
        "Policy types": p["policy_types"].map(lambda ts: [policy.get(t, t) for t in ts]),
        "Facts": p["n_facts"].astype(int),
        "Status": p["verified"].map({True: VERIFIED_MARK, False: UNVERIFIED_MARK}),
    }, index=p.index, columns=TABLE_COLUMNS)


def fact_rows(view: View, atlas: Atlas) -> pd.DataFrame:
    """One row per shown fact: place columns, fact columns, then its source and quote."""
    facts = view.shown_facts()
    places = view.shown_places()
    src = atlas.sources.reindex(facts["source_id"])
    rows = places[PLACE_COLUMNS].reindex(facts["city_id"]).reset_index(drop=True)
    facts = facts.assign(what_label=_what_labels(atlas, facts))
    for col in FACT_COLUMNS + ["source_id", "quote", "note"]:
        rows[col] = facts[col].values
    for col in ("title", "publisher", "date", "url"):
        rows[f"source_{col}"] = src[col].fillna("").values
    rows = rows[PLACE_COLUMNS + FACT_COLUMNS + SOURCE_COLUMNS]
    order = {"declaration": 0, "membership": 1, "policy": 2}
    return rows.assign(_o=rows["fact"].map(order)).sort_values(
        ["country", "name", "city_id", "_o", "start"], kind="stable").drop(columns="_o").reset_index(drop=True)


