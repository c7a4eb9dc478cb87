"""Country names, the bundled Natural Earth basemap, and the check that a point lies in or near its country."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pycountry
import shapely
from shapely.geometry import shape

from mapdata.paths import BASEMAP

BASEMAP_URL = "/app/static/basemap/countries.geojson"
NEAR_DEGREES = 1.5  # tolerance: Natural Earth 1:110m misses small islands (Lampedusa, Canaries) and coastlines


def country_name(code: str) -> str:
    """Common English name of an ISO alpha-2 code (the code itself when unknown)."""
    country = pycountry.countries.get(alpha_2=code) if code else None
    return getattr(country, "common_name", None) or getattr(country, "name", None) or code


def _alpha2(properties: dict) -> str | None:
    """ISO alpha-2 of a Natural Earth feature, joined on ADM0_A3 (ISO_A3 is -99 for France and Norway)."""
    country = pycountry.countries.get(alpha_3=properties.get("ADM0_A3", ""))
    return country.alpha_2 if country else {"KOS": "XK"}.get(properties.get("ADM0_A3"))


def write_basemap(natural_earth: Path, dest: Path = BASEMAP) -> int:
    """Write the basemap with minimal properties (name, ISO alpha-2); returns the number of countries."""
    features = []
    for feat in json.loads(Path(natural_earth).read_text(encoding="utf-8"))["features"]:
        geom = shapely.set_precision(shape(feat["geometry"]), 0.01)
        features.append({"type": "Feature", "properties": {"name": feat["properties"]["NAME"],
                                                           "iso2": _alpha2(feat["properties"])},
                         "geometry": shapely.geometry.mapping(geom)})
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")),
                    encoding="utf-8")
    return len(features)


@cache
def _shapes(path: Path = BASEMAP) -> dict[str, shapely.Geometry]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {f["properties"]["iso2"]: shape(f["geometry"]) for f in data["features"] if f["properties"]["iso2"]}


def distance_to_country(code: str, lat: float, lon: float) -> float | None:
    """Degrees from the point to its country's shape; None when the basemap lacks the country (Malta...)."""
    geom = _shapes().get(code)
    return None if geom is None else geom.distance(shapely.Point(lon, lat))


def is_near_country(code: str, lat: float, lon: float) -> bool:
    """True when the point lies in its country or within the tolerance (or the country is not on the basemap)."""
    distance = distance_to_country(code, lat, lon)
    return distance is None or distance <= NEAR_DEGREES
