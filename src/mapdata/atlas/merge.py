"""A visitor's atlas beside the bundled one: the same place (same name within about 10 km) is merged."""
from __future__ import annotations

import pandas as pd

from mapdata.atlas.model import Atlas, atlas_from_tables
from mapdata.text import fold

NEAR_DEGREES = 0.1  # an uploaded place this close (about 10 km) to a bundled one of the same name is the same place
def _tables(atlas: Atlas) -> dict[str, pd.DataFrame]:
    cities = pd.DataFrame(atlas.places.drop(columns=["geometry", "country"])).reset_index(drop=True)
    return {"cities": cities, "networks": atlas.networks.reset_index(drop=True),
            "memberships": atlas.memberships, "declarations": atlas.declarations, "policies": atlas.policies,
            "sources": atlas.sources.reset_index(drop=True), "vocabularies": atlas.vocabularies}


def _same_places(base: Atlas, user: Atlas) -> dict[str, str]:
    """User city id -> id in the merged atlas: the bundled id for the same place, a fresh id for a clash."""
    by_geonames = {(r["country_code"], r["kind"], r["geonames_id"]): cid
                   for cid, r in base.places.iterrows() if r["geonames_id"]}
    by_name = base.places.assign(_key=base.places["name"].map(fold))
    out = {}
    for cid, p in user.places.iterrows():
        same = by_geonames.get((p["country_code"], p["kind"], p["geonames_id"])) if p["geonames_id"] else None
        if same is None:
            near = by_name[(by_name["_key"] == fold(p["name"])) & (by_name["country_code"] == p["country_code"])]
            near = near[((near["lat"] - p["lat"]).abs() <= NEAR_DEGREES)
                        & ((near["lon"] - p["lon"]).abs() <= NEAR_DEGREES)]
            same = near.index[0] if len(near) else None
        out[cid] = same or (cid if cid not in base.places.index else f"{cid}-yours")
    return out


def merge_atlases(base: Atlas, user: Atlas) -> Atlas:
    """The bundled atlas with the user's records beside it. The same place (same GeoNames id, or same name about
    10 km apart) is one place carrying both its bundled and its uploaded facts."""
    ids = _same_places(base, user)
    b, u = _tables(base), _tables(user)
    for name in ("cities", "memberships", "declarations", "policies"):
        u[name] = u[name].assign(city_id=u[name]["city_id"].map(ids))
    u["cities"] = u["cities"][~u["cities"]["city_id"].isin(base.places.index)]
    tables = {name: pd.concat([b[name], u[name]], ignore_index=True) for name in b if name != "vocabularies"}
    tables["networks"] = tables["networks"].drop_duplicates("network_id")
    tables["sources"] = tables["sources"].drop_duplicates("source_id")
    tables["vocabularies"] = base.vocabularies
    return atlas_from_tables(tables, [*base.problems, *user.problems])
