"""The atlas map: one compact payload drawn by our own Leaflet layer (static/js/atlas-layer.js).

Thousands of places cost one JSON array, not thousands of folium objects; the timeline plays in the
browser. Colours are colour-blind safe (Okabe-Ito for categories, viridis for years).
"""
from __future__ import annotations

import json
import re
from datetime import date

import folium
from branca.element import CssLink, Element, JavascriptLink, MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from mapdata.atlas.model import Atlas
from mapdata.geo.countries import BASEMAP_URL
from mapdata.geo.regions import KINDS as REGION_KINDS
from mapdata.geo.regions import REGIONS_URL, region_of
from mapdata.paths import BASEMAP, REGIONS
from mapdata.render.offline import use_local_assets
from mapdata.render.palette import CATEGORICAL, NONE, OTHER, VIRIDIS
from mapdata.view.query import View

EPOCH = date(1970, 1, 1)
YEAR_BINS = [(None, 1999, "before 2000"), (2000, 2009, "2000–2009"), (2010, 2014, "2010–2014"),
             (2015, 2016, "2015–2016"), (2017, 2018, "2017–2018"), (2019, 2020, "2019–2020"),
             (2021, None, "2021 and later")]
YOUR_DATA = "user-list"  # the network id every upload gets (mapdata.upload.LIST_ID)
MAX_LAYERS = 30  # network switches fit in one 32-bit mask
TILES = ("https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
         '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors &copy; '
         '<a href="https://carto.com/attributions">CARTO</a>')
_VENDOR = "/app/static/vendor/leaflet.markercluster@1.1.0/dist/"


def day_number(day: date | None) -> int:
    """Days since 1970-01-01 (the payload's time unit), -1 for none."""
    return (day - EPOCH).days if isinstance(day, date) else -1


def tooltips(places) -> dict[str, str]:
    """A unique hover text per place ('Bergen, Noord-Holland · Netherlands'), which clicks send back."""
    base = places["name"] + " · " + places["country"]
    clash = base.duplicated(keep=False)
    full = (places["name"] + ", " + places["admin1"].where(places["admin1"] != "", places["kind"])
            + " · " + places["country"])
    text = base.where(~clash, full)
    text = text.where(~text.duplicated(keep=False), text + " (" + places["city_id"] + ")")
    return dict(zip(places["city_id"], text))


def _legend_network(view: View, atlas: Atlas):
    counts = view.places["networks"].explode().dropna().value_counts()
    yours = [n for n in counts.index if n == YOUR_DATA]  # a visitor's own upload always gets its own colour
    top = (yours + [n for n in counts.index if n != YOUR_DATA])[:len(CATEGORICAL)]
    colors = CATEGORICAL[:len(top)] + [OTHER, NONE]
    index = {n: i for i, n in enumerate(top)}

    weight = counts.to_dict()  # Series.get per network took most of the payload's time at 20,000 places

    def color_of(row):
        nets = sorted(row["networks"], key=lambda n: -weight.get(n, 0))
        fill = index.get(nets[0], len(top)) if nets else len(top) + 1
        ring = index.get(nets[1], len(top)) if len(nets) > 1 else -1
        return fill, ring

    legend = [{"label": atlas.networks.at[n, "short_name"] if n in atlas.networks.index else n,
               "color": c} for n, c in zip(top, colors)]
    if len(counts) > len(top):
        legend.append({"label": "Other networks", "color": OTHER})
    legend.append({"label": "No network: declaration or policy only", "color": NONE})
    legend.append({"label": "Ring: also in a second network", "color": "#fff", "ring": "#333"})
    return "Colour: network", colors, legend, color_of


def _legend_year(view: View, atlas: Atlas):
    def color_of(row):
        year = row["first_year"]
        if year is None or year != year:
            return len(YEAR_BINS), -1
        return next(i for i, (lo, hi, _) in enumerate(YEAR_BINS)
                    if (lo is None or year >= lo) and (hi is None or year <= hi)), -1

    legend = [{"label": label, "color": c} for (_, _, label), c in zip(YEAR_BINS, VIRIDIS)]
    return "Colour: year of first declaration or membership", VIRIDIS + [NONE], legend, color_of


def _legend_policy(view: View, atlas: Atlas):
    counts = view.places["policy_types"].explode().dropna().value_counts()
    wanted = [t for t in view.state.policy_types if t in counts.index] or list(counts.index)
    top = wanted[:len(CATEGORICAL)]
    index = {t: i for i, t in enumerate(top)}

    def color_of(row):
        kinds = [t for t in row["policy_types"] if t in index]
        others = [t for t in row["policy_types"] if t not in index]
        return (index[kinds[0]] if kinds else len(top) if others else len(top) + 1), -1

    legend = [{"label": atlas.label("policy_type", t), "color": c} for t, c in zip(top, CATEGORICAL)]
    if len(counts) > len(top):
        legend.append({"label": "Other policy types", "color": OTHER})
    legend.append({"label": "No recorded policy", "color": NONE})
    return "Colour: policy type", CATEGORICAL[:len(top)] + [OTHER, NONE], legend, color_of


LEGENDS = {"network": _legend_network, "year": _legend_year, "policy": _legend_policy}


def payload(view: View, atlas: Atlas, as_of: date | None = None) -> dict:
    """Everything the browser needs, compactly: one array per place, colours, legend and layer names."""
    places = view.places
    title, colors, legend, color_of = LEGENDS[view.state.color_by if view.state.color_by in LEGENDS
                                              else "network"](view, atlas)
    counts = places["networks"].explode().dropna().value_counts()
    layer_nets = list(counts.index[:MAX_LAYERS])
    bit = {n: 1 << i for i, n in enumerate(layer_nets)}
    layers = [atlas.networks.at[n, "short_name"] if n in atlas.networks.index else n for n in layer_nets]
    layers.append("No network (declarations, policies)")
    countries = sorted(places["country_code"].unique())
    country_index = {c: i for i, c in enumerate(countries)}
    text = tooltips(places)
    columns = list(places.columns)  # rows from column lists: to_dict("records") took 3 times as long
    records = (dict(zip(columns, values)) for values in zip(*(places[c].tolist() for c in columns)))
    rows = []
    for rec in records:
        fill, ring = color_of(rec)
        mask = 0
        for n in rec["networks"]:
            mask |= bit.get(n, 1 << (len(layer_nets) - 1) if layer_nets else 0)
        row = [round(rec["lat"], 4), round(rec["lon"], 4), fill, ring, text[rec["city_id"]],
               day_number(rec["first_day"]), max(day_number(rec["last_day"]), 0), mask,
               country_index[rec["country_code"]],
               day_number(rec["listed_day"]) if rec["date_basis"] == "listed" else -1]
        region = region_of(rec["name"], rec["country_code"], rec["kind"]) if rec["kind"] in REGION_KINDS else None
        if region:
            row.append(region)  # a state, province or region is also drawn as its area, in the same colour
        rows.append(row)
    listed = sum(r[5] < 0 <= r[9] for r in rows)
    undated = sum(r[5] < 0 and r[9] < 0 for r in rows)
    if listed:
        legend.append({"label": "Pale: date unknown, listed by a source's date (shown from then)", "color": "#bbb",
                       "pale": True})
    if undated:
        legend.append({"label": "Dashed outline: no date at all", "color": "#fff", "hollow": True})
    first = atlas.facts["start_day"].dropna()
    min_day = day_number(date(first.min().year, 1, 1)) if len(first) else day_number(date(1980, 1, 1))
    today = date.today()
    data = {"places": rows, "colors": colors, "legend": legend, "legend_title": title, "layers": layers,
            "countries": countries, "undated": undated, "listed": listed, "min_day": min_day,
            "max_day": day_number(today),
            "as_of": day_number(as_of or today), "basemap_url": BASEMAP_URL, "ids": list(places["city_id"])}
    if any(len(r) > 10 for r in rows):
        data["regions_url"] = REGIONS_URL
    return data


def region_shapes(data: dict) -> dict:
    """The bundled regions a payload's places are drawn as (a GeoJSON FeatureCollection), for a map that carries
    them inline (an exported HTML file has no server to fetch them from)."""
    wanted = {r[10] for r in data["places"] if len(r) > 10}
    shapes = json.loads(REGIONS.read_text(encoding="utf-8")) if wanted else {"features": []}
    return {"type": "FeatureCollection", "features": [f for f in shapes["features"] if f["id"] in wanted]}


def payload_json(data: dict) -> str:
    """The payload as a JS literal, safe inside a <script> and inert for Jinja."""
    return jinja_literal(json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/"), js=True)


class _Rendered(Element):
    """Output kept as it was rendered: branca would compile it as a Jinja template once more, which at
    20,000 places took a quarter of a second per rerun."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class AtlasLayer(JSCSSMixin, MacroElement):
    """Our Leaflet layer, created from the payload (JSON text, see `payload_json`) once the map exists."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = SolidarityAtlas.create({{ this._parent.get_name() }}, """
                         """{{ this.data }}, {{ this.options }});
        {% endmacro %}
    """)
    default_js = [("markercluster", _VENDOR + "leaflet.markercluster.js"),
                  ("atlas_layer", "/app/static/js/atlas-layer.js")]
    default_css = [("markercluster_css", _VENDOR + "MarkerCluster.css"),
                   ("markercluster_default_css", _VENDOR + "MarkerCluster.Default.css"),
                   ("atlas_css", "/app/static/css/atlas.css")]

    def __init__(self, data: str, options: dict):
        super().__init__()
        self._name = "AtlasLayer"
        self.data = data
        self.options = json.dumps(options)

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        figure.script.add_child(_Rendered(self._template.module.script(self, kwargs)), name=self.get_name())


class AtlasState(MacroElement):
    """Pushes the date and the selected place into a drawn map, without drawing it again."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        if (window.solidarityAtlas) { window.solidarityAtlas.setDate({{ this.day }}); """
                         """window.solidarityAtlas.select({{ this.index }}); }
        {% endmacro %}
    """)

    def __init__(self, day: int, index: int):
        super().__init__()
        self._name = "AtlasState"
        self.day, self.index = day, index


def build_map(view: View, atlas: Atlas, *, as_of: date | None = None, cluster: bool = True, tiles: bool = False,
              presenter: bool = False, inline_basemap: bool = False, data: str | None = None) -> folium.Map:
    """The folium map of a view: offline basemap, optional web tiles, our places layer.

    `data`: the view's `payload_json`, when the caller keeps it (it is most of the work at 20,000 places).
    """
    m = folium.Map(location=[48, 10], zoom_start=4, tiles=None, minZoom=2, maxZoom=18, world_copy_jump=True,
                   control_scale=True)
    m.default_js, m.default_css = m.default_js[:1], m.default_css[:1]  # Leaflet only: no jQuery, Bootstrap, icon fonts
    if tiles:
        folium.TileLayer(TILES[0], attr=TILES[1], name="Web map (OpenStreetMap, CARTO)").add_to(m)
    if data is None:
        fields = payload(view, atlas, as_of)
        if inline_basemap:
            fields["basemap_inline"] = json.loads(BASEMAP.read_text(encoding="utf-8"))
            fields.pop("basemap_url")
            if fields.pop("regions_url", None):
                fields["regions_inline"] = region_shapes(fields)
        data = payload_json(fields)
    AtlasLayer(data, {"cluster": cluster, "radius": 9 if presenter else 6, "presenter": presenter}).add_to(m)
    if len(view.places):
        south, north = view.places["lat"].quantile([0.02, 0.98])
        west, east = view.places["lon"].quantile([0.02, 0.98])
        m.fit_bounds([[south, west], [north, east]], padding=(20, 20))
    use_local_assets(m)
    return m


def state_layer(view: View, as_of: date | None, selected: str | None) -> folium.FeatureGroup:
    """A tiny layer for `st_folium(feature_group_to_add=...)`: date and selection, no redraw."""
    group = folium.FeatureGroup(name="state", control=False)
    ids = list(view.places["city_id"])
    AtlasState(day_number(as_of or date.today()), ids.index(selected) if selected in ids else -1).add_to(group)
    return group


_JINJA_OPEN = re.compile(r"\{(?=[{%#])")


def jinja_literal(text: str, *, js: bool = False) -> str:
    """Text made inert for branca, which renders every element's output again as a Jinja template: a '{{', '{%'
    or '{#' from data would otherwise run as template code on the server. `js`: text inside JSON or JS strings."""
    return _JINJA_OPEN.sub(r"\\u007b" if js else "&#123;", text)
