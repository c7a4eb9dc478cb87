"""TopoJSON to GeoJSON: the arc decoder `topojson-client`'s `feature` is, in a few lines of Python.

A TopoJSON topology stores each shared border once, as an arc; a polygon's ring lists the arcs it follows (`~i`,
i.e. `-i - 1`, is arc `i` walked backwards). A quantized topology stores each arc's points as integer steps from
the previous point, to be scaled and translated by its `transform`. Spec: github.com/topojson/topojson-specification.
"""
from __future__ import annotations

from typing import Any

from shapely.geometry import LineString

Position = list[float]


def decode_arcs(topology: dict) -> list[list[Position]]:
    """Every arc of the topology as absolute positions (quantized arcs undone with the `transform`)."""
    transform = topology.get("transform")
    if not transform:
        return [[list(map(float, p)) for p in arc] for arc in topology["arcs"]]
    (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for p in arc:
            x, y = x + p[0], y + p[1]
            points.append([x * kx + dx, y * ky + dy, *p[2:]])
        arcs.append(points)
    return arcs


def _point(topology: dict, p: list) -> Position:
    transform = topology.get("transform")
    if not transform:
        return list(map(float, p))
    (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
    return [p[0] * kx + dx, p[1] * ky + dy, *p[2:]]


def _line(arcs: list[list[Position]], indices: list[int]) -> list[Position]:
    """The positions along a list of arc indices, each shared end point once."""
    points: list[Position] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _ring(arcs: list[list[Position]], indices: list[int]) -> list[Position]:
    ring = _line(arcs, indices)
    while len(ring) < 4:  # a ring of one degenerate arc: GeoJSON wants at least four positions
        ring.append(ring[0])
    return ring


def geometry(topology: dict, geom: dict, arcs: list[list[Position]] | None = None) -> dict | None:
    """A TopoJSON geometry object as a GeoJSON geometry (None for a null geometry)."""
    arcs = decode_arcs(topology) if arcs is None else arcs
    kind = geom.get("type")
    if kind is None:
        return None
    if kind == "GeometryCollection":
        return {"type": kind, "geometries": [g for g in (geometry(topology, g, arcs) for g in geom["geometries"])
                                             if g is not None]}
    if kind == "Point":
        return {"type": kind, "coordinates": _point(topology, geom["coordinates"])}
    if kind == "MultiPoint":
        return {"type": kind, "coordinates": [_point(topology, p) for p in geom["coordinates"]]}
    if kind == "LineString":
        return {"type": kind, "coordinates": _line(arcs, geom["arcs"])}
    if kind == "MultiLineString":
        return {"type": kind, "coordinates": [_line(arcs, line) for line in geom["arcs"]]}
    if kind == "Polygon":
        return {"type": kind, "coordinates": [_ring(arcs, ring) for ring in geom["arcs"]]}
    if kind == "MultiPolygon":
        return {"type": kind, "coordinates": [[_ring(arcs, ring) for ring in polygon] for polygon in geom["arcs"]]}
    raise ValueError(f"unknown TopoJSON geometry type {kind!r}")


def simplify_arcs(arcs: list[list[Position]], tolerance: float) -> list[list[Position]]:
    """Each arc simplified (Douglas-Peucker, its end points kept): a border two regions share stays one line.
    A closed arc (an island, a lake) that would fall below a ring's four positions is kept as it was."""
    out = []
    for arc in arcs:
        if len(arc) <= 2:
            out.append(arc)
            continue
        simple = [list(p) for p in LineString([p[:2] for p in arc]).simplify(tolerance, preserve_topology=False).coords]
        closed = arc[0][:2] == arc[-1][:2]
        out.append(arc if closed and len(simple) < 4 else simple)
    return out


def features(topology: dict, name: str, tolerance: float = 0) -> dict[str, Any]:
    """The object `name` of a topology as a GeoJSON FeatureCollection (id and properties kept); `tolerance`
    (in the topology's units, degrees for an unprojected one): its arcs simplified first (`simplify_arcs`)."""
    arcs = decode_arcs(topology)
    if tolerance:
        arcs = simplify_arcs(arcs, tolerance)
    obj = topology["objects"][name]
    members = obj["geometries"] if obj.get("type") == "GeometryCollection" else [obj]
    out = []
    for geom in members:
        feature: dict[str, Any] = {"type": "Feature", "properties": dict(geom.get("properties") or {}),
                                   "geometry": geometry(topology, geom, arcs)}
        if "id" in geom:
            feature["id"] = geom["id"]
        out.append(feature)
    return {"type": "FeatureCollection", "features": out}
