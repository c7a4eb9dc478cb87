"""A view as a table and as files: CSV, GeoJSON and a standalone HTML map, in one registry keyed by format.

Every output comes from the same rows (`cite.shown_places`, `cite.shown_facts`): what the view shows.
A new format is one function plus one `EXPORTERS` entry.
"""
from __future__ import annotations

import json

import pandas as pd

from mapdata.atlas.model import Atlas
from mapdata.atlas.schema import descriptor
from mapdata.export.standalone import standalone_page
from mapdata.paths import DATA_DIR
from mapdata.render.html import render
from mapdata.render.mapview import build_map
from mapdata.render.tables import PLACE_COLUMNS, fact_rows, places_table
from mapdata.view.cite import describe_filters, view_sources
from mapdata.view.query import View

FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _inert_in_spreadsheets(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) get a leading
    apostrophe; every other cell, an empty one too, stays as it is."""
    return frame.apply(lambda col: col.map(lambda v: f"'{v}" if isinstance(v, str) and v.startswith(FORMULA) else v)
                       if col.dtype == object or pd.api.types.is_string_dtype(col) else col)


def to_csv(view: View, atlas: Atlas, **_) -> bytes:
    """CSV, UTF-8 with a byte-order mark (so spreadsheet programs read diacritics right)."""
    return _inert_in_spreadsheets(fact_rows(view, atlas)).to_csv(index=False).encode("utf-8-sig")


def _int(value) -> int | None:
    return int(value) if str(value).isdigit() else None


def to_geojson(view: View, atlas: Atlas, **_) -> bytes:
    """GeoJSON (RFC 7946): one Point per shown place, its facts with sources and quotes as properties."""
    by_place: dict[str, list[dict]] = {}
    for rec in fact_rows(view, atlas).drop(columns=PLACE_COLUMNS[1:]).to_dict("records"):
        by_place.setdefault(rec.pop("city_id"), []).append(rec)
    table = places_table(view, atlas)
    features = []
    for p in view.shown_places().to_dict("records"):
        cid, row = p["city_id"], table.loc[p["city_id"]]
        features.append({"type": "Feature", "id": cid,
                         "geometry": {"type": "Point", "coordinates": [round(p["lon"], 5), round(p["lat"], 5)]},
                         "properties": {
                             "city_id": cid, "name": p["name"], "country_code": p["country_code"],
                             "country": p["country"], "admin1": p["admin1"], "kind": p["kind"],
                             "population": _int(p["population"]), "networks": row["Networks"],
                             "declarations": row["Declarations"], "policy_types": row["Policy types"],
                             "first_date": p["first_date"] or None, "verified": bool(p["verified"]),
                             "facts": by_place.get(cid, [])}})
    pkg = descriptor(DATA_DIR)
    out = {"type": "FeatureCollection", "name": "solidarity-cities-map",
           "description": f"{pkg['title']} (version {pkg['version']}): {describe_filters(view.state, atlas)}",
           "license": pkg["licenses"][0]["name"], "features": features}
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _credit_html(view: View, atlas: Atlas, link: str) -> str:
    """Title, what the view shows, data date and licence; the disclaimer and sources one click away."""
    return render("export_credit.html.j2", pkg=descriptor(DATA_DIR), filters=describe_filters(view.state, atlas),
                  link=link, sources=list(view_sources(view, atlas).itertuples()))


def to_html(view: View, atlas: Atlas, *, cluster: bool = True, link: str = "", **_) -> bytes:
    """The map as one standalone HTML file: every script, style and the basemap inlined; works from file://."""
    m = build_map(view, atlas, as_of=view.state.as_of, cluster=cluster, inline_basemap=True)
    title = f"Solidarity Cities Map: {describe_filters(view.state, atlas)}"
    return standalone_page(m, title, _credit_html(view, atlas, link), "sc_credit").encode("utf-8")
