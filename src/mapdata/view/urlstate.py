"""The view's state in the URL query string: parse it forgivingly, write it back compactly.

Unknown or malformed parameters are ignored with a short notice, never an exception.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mapdata.atlas.model import Atlas
from mapdata.view.facet_list import FACETS
from mapdata.view.query import COLOR_MODES, FilterState

MAX_VALUE = 2000  # characters of one parameter value we read at most
LISTS = {f.url_key: f.field for f in FACETS}
KNOWN = {*LISTS, "verified", "date", "color", "place", "lat", "lon", "zoom"}


@dataclass
class UrlState:
    """A filter state plus the map's centre and zoom, and notices about what was ignored."""

    filters: FilterState = field(default_factory=FilterState)
    center: tuple[float, float] | None = None
    zoom: int | None = None
    notices: list[str] = field(default_factory=list)


def _allowed(atlas: Atlas) -> dict[str, set[str]]:
    return {f.field: f.known(atlas) for f in FACETS}


def _number(text: str, low: float, high: float) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if low <= value <= high else None


def parse(params: dict[str, str | list[str]], atlas: Atlas) -> UrlState:
    """Read query parameters (as `st.query_params.to_dict()` gives them) into a state."""
    out, changes, allowed = UrlState(), {}, _allowed(atlas)
    for key, raw in params.items():
        value = str((raw[-1] if raw else "") if isinstance(raw, list) else raw)[:MAX_VALUE]
        if key not in KNOWN:
            out.notices.append(f"Ignored unknown link parameter '{key[:40]}'.")
        elif key in LISTS:
            terms = [t.strip() for t in value.split(",") if t.strip()]
            good = tuple(t for t in terms if t in allowed[LISTS[key]])
            if len(good) < len(terms):
                bad = ", ".join(sorted(set(terms) - set(good)))[:120]
                out.notices.append(f"Ignored unknown {key} value(s) in the link: {bad}.")
            changes[LISTS[key]] = good
        elif key == "verified":
            changes["verified_only"] = value in ("1", "true", "yes")
            if value not in ("0", "1", "true", "false", "yes", "no"):
                out.notices.append("Ignored 'verified': use 1 or 0.")
        elif key == "date":
            try:
                changes["as_of"] = date.fromisoformat(value)
            except ValueError:
                out.notices.append(f"Ignored 'date': '{value[:40]}' is not a date like 2019-06-14.")
        elif key == "color":
            if value in COLOR_MODES:
                changes["color_by"] = value
            else:
                out.notices.append(f"Ignored 'color': use one of {', '.join(COLOR_MODES)}.")
        elif key == "place":
            if value in atlas.places.index:
                changes["place"] = value
            else:
                out.notices.append(f"Ignored 'place': no place with id '{value[:60]}'.")
    lat, lon = _number(str(params.get("lat", "")), -90, 90), _number(str(params.get("lon", "")), -180, 180)
    if lat is not None and lon is not None:
        out.center = (lat, lon)
    elif "lat" in params or "lon" in params:
        out.notices.append("Ignored the map centre: 'lat' and 'lon' must both be valid coordinates.")
    zoom = _number(str(params.get("zoom", "")), 1, 18)
    if zoom is not None:
        out.zoom = int(zoom)
    elif "zoom" in params:
        out.notices.append("Ignored 'zoom': use a whole number from 1 to 18.")
    out.filters = FilterState(**changes)
    return out


def to_params(state: UrlState) -> dict[str, str]:
    """The query parameters of a state, leaving out defaults."""
    f, params = state.filters, {}
    for key, attr in LISTS.items():
        if getattr(f, attr):
            params[key] = ",".join(getattr(f, attr))
    if f.verified_only:
        params["verified"] = "1"
    if f.as_of:
        params["date"] = f.as_of.isoformat()
    if f.color_by != "network":
        params["color"] = f.color_by
    if f.place:
        params["place"] = f.place
    if state.center:
        params["lat"], params["lon"] = f"{state.center[0]:.4f}", f"{state.center[1]:.4f}"
    if state.zoom:
        params["zoom"] = str(state.zoom)
    return params
