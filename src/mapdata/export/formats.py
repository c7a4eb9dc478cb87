"""A view as a table and as files: CSV, GeoJSON and a standalone HTML map, in one registry keyed by format.

Every output comes from the same rows (`cite.shown_places`, `cite.shown_facts`): what the view shows.
A new format is one function plus one `EXPORTERS` entry.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import NamedTuple

import folium
import pandas as pd

from mapdata.atlas.model import Atlas
from mapdata.view.cite import describe_filters, shown_facts, shown_places, view_sources
from mapdata.dates import display
from mapdata.render.mapview import build_map, jinja_literal
from mapdata.render.offline import inline_assets
from mapdata.view.query import FilterState, View
from mapdata.atlas.schema import descriptor
from mapdata.text import fold, slug
from mapdata.paths import DATA_DIR

PLACE_COLUMNS = ["city_id", "name", "country_code", "country", "admin1", "kind", "lat", "lon", "population"]
FACT_COLUMNS = ["fact", "what", "what_label", "role", "title", "description", "body", "start", "end", "end_reason",
                "outcome", "status"]
SOURCE_COLUMNS = ["source_id", "source_title", "source_publisher", "source_date", "source_url", "quote", "note"]
TABLE_COLUMNS = ["Place", "Country", "Region", "Kind", "Networks", "Declarations", "First date", "Policy types",
                 "Facts", "Status"]
VERIFIED_MARK, UNVERIFIED_MARK = "✓ verified", "unverified"


class Export(NamedTuple):
    """A file to download."""

    data: bytes
    mime: str
    filename: str


@dataclass(frozen=True)
class Exporter:
    """One format: how to render a view, its MIME type and file extension."""

    render: Callable[..., bytes]
    mime: str
    ext: str
    label: str
    help: str


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
    p = shown_places(view)
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
    facts = shown_facts(view)
    places = shown_places(view)
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
    for p in shown_places(view).to_dict("records"):
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


_LEAN_JS, _LEAN_CSS = {"leaflet", "jquery"}, {"leaflet_css"}
CREDIT_CSS = """
.sc-export-credit { position: absolute; z-index: 1000; left: 10px; top: 84px; max-width: min(360px, 60vw);
  max-height: calc(100% - 260px); overflow: auto; background: rgba(255,255,255,.95); border-radius: 6px;
  padding: 6px 10px; font: 12px/1.4 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.sc-export-credit summary { cursor: pointer; }
.sc-export-credit ul { margin: 4px 0 0 16px; padding: 0; }
.sc-export-credit a { word-break: break-all; }
"""


def _credit_html(view: View, atlas: Atlas, link: str) -> str:
    """Title, what the view shows, data date and licence; the disclaimer and sources one click away."""
    pkg = descriptor(DATA_DIR)
    sources = view_sources(view, atlas)
    items = "".join(f"<li>{escape(s.title)}" + (f' <a href="{escape(s.url, quote=True)}">{escape(s.url)}</a>'
                                                if s.url.startswith(("http://", "https://")) else "") + "</li>"
                    for s in sources.itertuples())
    back = (f' · <a href="{escape(link, quote=True)}">open in the app</a>'
            if link.startswith(("http://", "https://")) else "")
    return (f"<style>{CREDIT_CSS}</style><div class=\"sc-export-credit\"><details><summary><b>"
            f"{escape(pkg['title'])}</b>: {escape(describe_filters(view.state, atlas))} · "
            f"{escape(pkg['licenses'][0]['name'])}</summary>Data of {escape(str(pkg['created'])[:10])}{back}"
            f"<p>{escape(pkg['disclaimer'])}</p><b>Sources ({len(sources)})</b><ul>{items}</ul></details></div>")


def to_html(view: View, atlas: Atlas, *, cluster: bool = True, link: str = "", **_) -> bytes:
    """The map as one standalone HTML file: every script, style and the basemap inlined; works from file://."""
    state = view.state
    m = build_map(view, atlas, as_of=state.as_of, cluster=cluster, inline_basemap=True)
    m.default_js = [(n, u) for n, u in m.default_js if n in _LEAN_JS]  # our layer needs no Bootstrap or icon fonts
    m.default_css = [(n, u) for n, u in m.default_css if n in _LEAN_CSS]
    root = m.get_root()
    root.title = escape(f"Solidarity Cities Map: {describe_filters(state, atlas)}")
    root.html.add_child(folium.Element(jinja_literal(_credit_html(view, atlas, link))), name="sc_credit")
    return inline_assets(root.render()).encode("utf-8")


EXPORTERS: dict[str, Exporter] = {
    "csv": Exporter(to_csv, "text/csv", "csv", "CSV", "One row per fact: place, fact, date, status, source, quote"),
    "geojson": Exporter(to_geojson, "application/geo+json", "geojson", "GeoJSON",
                        "One point per place with its facts, sources and quotes, for GIS tools"),
    "html": Exporter(to_html, "text/html", "html", "HTML map",
                     "The map as one file that opens in any browser, offline, with its timeline and sources"),
}


def filename(state: FilterState, ext: str, today: date | None = None) -> str:
    """'solidarity-cities-it-de-2026-11-26.csv': the countries filtered on and the view's date."""
    countries = slug("-".join(state.countries[:4]))
    day = state.as_of or today or date.today()
    return "-".join(x for x in ["solidarity-cities", countries, day.isoformat()] if x) + f".{ext}"


def export(fmt: str, view: View, atlas: Atlas, **options) -> Export:
    """Render a view in a registered format: (bytes, mime, filename). Options go to the exporter."""
    if fmt not in EXPORTERS:
        raise ValueError(f"unknown export format '{fmt}': use one of {', '.join(EXPORTERS)}")
    exporter = EXPORTERS[fmt]
    return Export(exporter.render(view, atlas, **options), exporter.mime, filename(view.state, exporter.ext))
