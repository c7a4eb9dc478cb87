"""The timeline played for a room: playback settings, the presenter map and its counts.

Counting follows the map layer (static/js/atlas-layer.js): a place shows from its first dated fact until its last
fact ended; places whose date is unknown are never put on a guessed year: hidden, or shown apart as such.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import folium
import numpy as np
from branca.element import MacroElement
from folium.map import FitBounds
from folium.template import Template

from mapdata.atlas.model import Atlas
from mapdata.atlas.schema import descriptor
from mapdata.paths import DATA_DIR
from mapdata.render.mapview import build_map, day_number, state_layer
from mapdata.view.cite import describe_filters
from mapdata.view.query import DATE_BASES, View
from mapdata.words import counted

SPEEDS = (0.5, 1.0, 2.0, 4.0)  # years per second, as the map's own speed menu
# which places the timeline plays: on exact dates; also from the date of a source that lists them; also those
# with no date at all (dashed, at every date)
DATE_MODES = {"exact": "Exact dates only", "listed": "Exact dates and “listed by” dates",
              "all": "Everything (no date: dashed, at every date)"}
@dataclass(frozen=True)
class Playback:
    """What the timeline plays: from the start of one year to the end of another, at a speed in years a second."""

    start_year: int
    end_year: int
    speed: float = 1.0
    autoplay: bool = True
    loop: bool = False
    dates: str = "listed"  # a key of DATE_MODES: which places play

    @property
    def start_day(self) -> date:
        return date(self.start_year, 1, 1)

    @property
    def end_day(self) -> date:
        return min(date(self.end_year, 12, 31), date.today())


def year_span(atlas: Atlas) -> tuple[int, int]:
    """The first year with a dated fact, and this year."""
    first = atlas.facts["start_day"].dropna()
    return (first.min().year if len(first) else 1980), date.today().year


@dataclass(frozen=True)
class Counts:
    """What the map's counter says on a day, and what the view's places stand on."""

    places: int
    networks: int
    countries: int
    listed: int = 0  # places with no exact date, listed by a source's date (shown from then, pale)
    undated: int = 0  # places with no date at all (shown dashed, or left out)

    def text(self) -> str:
        return " · ".join([counted(self.places, "place"), counted(self.networks, "network"),
                           counted(self.countries, "country", "countries")])

    def undated_note(self, dates: str) -> str:
        """'120 listed by a source's date (pale) · 600 with no date: not shown' (empty when all are dated)."""
        parts = []
        if self.listed:
            parts.append(f"{self.listed:,} {DATE_BASES['listed']}" + (": not shown" if dates == "exact" else " (pale)"))
        if self.undated:
            parts.append(f"{self.undated:,} {DATE_BASES['none']}" + (": dashed outline" if dates == "all"
                                                                       else ": not shown"))
        return " · ".join(parts)


_UNKNOWN = np.iinfo(np.int64).min


def _ordinals(days) -> np.ndarray:
    return np.array([d.toordinal() if isinstance(d, date) else _UNKNOWN for d in days], dtype=np.int64)


def _running(start: np.ndarray, listed: np.ndarray, end: np.ndarray, day: date, dates: str) -> np.ndarray:
    """Which rows run on a day: started by then (exact date), or listed by then (unless exact dates only), or
    with no date at all (with everything); and not ended before."""
    n = day.toordinal()
    started = np.where(start != _UNKNOWN, start <= n,
                       np.where(listed != _UNKNOWN, (dates != "exact") & (listed <= n), dates == "all"))
    return started & ~((end != _UNKNOWN) & (end < n))


class _Clock:
    """A view's places and memberships as day arrays, to count them on many days."""

    def __init__(self, view: View):
        p, members = view.places, view.facts[view.facts["fact"] == "membership"]
        self.first, self.listed, self.last = (_ordinals(p[c]) for c in ("first_day", "listed_day", "last_day"))
        self.start, self.known, self.end = (_ordinals(members[c]) for c in ("start_day", "known_day", "end_day"))
        self.country, self.network = p["country_code"].to_numpy(), members["what"].to_numpy()
        self.bases = view.date_bases()

    def shown(self, day: date, dates: str) -> np.ndarray:
        return _running(self.first, self.listed, self.last, day, dates)

    def counts(self, day: date, dates: str) -> Counts:
        shown = self.shown(day, dates)
        running = _running(self.start, self.known, self.end, day, dates)
        return Counts(int(shown.sum()), len(set(self.network[running])), len(set(self.country[shown])),
                      self.bases["listed"], self.bases["none"])


def counts_at(view: View, day: date, dates: str = "listed") -> Counts:
    """Places, networks and countries on the map on a day (the browser counter's numbers)."""
    return _Clock(view).counts(day, dates)


def network_spans(view: View) -> list[list[list[int]]]:
    """Per network, the [start, end, listed by] day numbers of its memberships in the view (-1: unknown or open)."""
    members = view.facts[view.facts["fact"] == "membership"]
    return [[[day_number(s), day_number(e), day_number(k)] for s, e, k in zip(g["start_day"], g["end_day"],
                                                                              g["known_day"])]
            for _, g in members.groupby("what")]


class PresenterSettings(MacroElement):
    """Configures the drawn map layer: play range, speed, loop, undated places, networks counter, autoplay."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        if (window.solidarityAtlas) { window.solidarityAtlas.configure({{ this.options }}); }
        {% endmacro %}
    """)

    def __init__(self, options: dict):
        super().__init__()
        self._name = "PresenterSettings"
        self.options = json.dumps(options, separators=(",", ":"))


def _playback_options(playback: Playback) -> dict:
    return {"start_day": day_number(playback.start_day), "end_day": day_number(playback.end_day),
            "speed": playback.speed, "loop": playback.loop, "autoplay": playback.autoplay,
            "dates": playback.dates}


def presenter_map(view: View, atlas: Atlas, playback: Playback | None = None, *, cluster: bool = False,
                  inline_basemap: bool = False, page_keys: bool = True, legend_closed: bool = False,
                  center: tuple[float, float] | None = None, zoom: int | None = None) -> folium.Map:
    """The map in presenter style with the networks counter; with a playback it plays that range by itself.
    With a centre and zoom it opens there instead of fitting its places."""
    m = build_map(view, atlas, cluster=cluster, presenter=True, inline_basemap=inline_basemap)
    if center and zoom:
        for name in [n for n, child in m._children.items() if isinstance(child, FitBounds)]:
            del m._children[name]
        m.location, m.options["zoom"] = list(center), zoom
    options = {"network_spans": network_spans(view), "page_keys": page_keys, "legend_closed": legend_closed}
    PresenterSettings({**options, **(_playback_options(playback) if playback else {})}).add_to(m)
    return m


def step_layer(view: View, day: date, place: str | None, *, precision: str = "day",
               dates: str = "listed") -> folium.FeatureGroup:
    """The date, selection and label of a story step, pushed into a drawn map (`st_folium(feature_group_to_add=)`)."""
    group = state_layer(view, day, place)
    PresenterSettings({"label": precision, "dates": dates, "day": day_number(day)}).add_to(group)
    return group


def credit() -> str:
    """One line of credit for exports: data title, version date, licence."""
    pkg = descriptor(DATA_DIR)
    return (f"{pkg['title']} · data of {pkg['created'][:10]} · {pkg['licenses'][0]['name']} · "
            "every fact cites its source")


def export_title(view: View, atlas: Atlas) -> str:
    """'Solidarity Cities Map · Italy · network: Safe Harbours'."""
    return f"Solidarity Cities Map · {describe_filters(view.state.with_(as_of=None), atlas)}"
