"""The map loads every asset from the app's static files, never from a CDN."""

import re

import folium
import pytest
from branca.colormap import LinearColormap
from folium import plugins

from mapdata.render.offline import (
    CDN_ASSETS,
    STATIC_DIR,
    STATIC_ROUTE,
    UnmappedAssetError,
    inline_assets,
    use_local_assets,
)

CDN_URL = re.compile(r"//[\w.-]*(cdn\.jsdelivr|unpkg|cdnjs|code\.jquery|bootstrapcdn|maxcdn)")
LISTED = (
    folium.Map,
    plugins.MarkerCluster,
    plugins.FastMarkerCluster,
    plugins.Timeline,
    plugins.TimelineSlider,
    plugins.Fullscreen,
    plugins.MiniMap,
)

TIMELINE_DATA = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"name": name, "start": start, "end": "2030-01-01"},
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
        }
        for name, lat, lon, start in [
            ("Palermo", 38.12, 13.36, "2015-01-01"),
            ("Barcelona", 41.39, 2.17, "2015-06-01"),
        ]
    ],
}
SQUARE = {
    "type": "Feature",
    "properties": {"name": "square"},
    "geometry": {
        "type": "Polygon",
        "coordinates": [[[0, 40], [10, 40], [10, 50], [0, 50], [0, 40]]],
    },
}


def build_map() -> folium.Map:
    m = folium.Map(location=[45, 10], zoom_start=4, tiles=None)
    folium.GeoJson(SQUARE, name="countries").add_to(m)
    folium.Marker([52.52, 13.40], tooltip="Berlin").add_to(m)
    folium.Marker([48.86, 2.35], icon=folium.Icon(color="red", icon="info-sign")).add_to(m)
    folium.Marker([50.85, 4.35], icon=folium.Icon(prefix="fa", icon="house", angle=30)).add_to(m)
    cluster = plugins.MarkerCluster().add_to(m)
    for lat, lon in [(41.9, 12.5), (41.95, 12.45), (40.4, -3.7)]:
        folium.Marker([lat, lon]).add_to(cluster)
    plugins.FastMarkerCluster([[59.33, 18.07], [60.17, 24.94]]).add_to(m)
    timeline = plugins.Timeline(TIMELINE_DATA).add_to(m)
    plugins.TimelineSlider(auto_play=False).add_timelines(timeline).add_to(m)
    plugins.Fullscreen().add_to(m)
    return m


@pytest.fixture(scope="module")
def rendered() -> str:
    return use_local_assets(build_map()).get_root().render()


def tag_urls(html: str) -> list[str]:
    scripts = re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', html)
    links = re.findall(r'<link\b[^>]*\bhref="([^"]+)"', html)
    return scripts + links


def test_page_loads_no_remote_script_or_stylesheet(rendered):
    urls = tag_urls(rendered)
    assert len(urls) >= 15
    assert [u for u in urls if not u.startswith(STATIC_ROUTE)] == []
    assert CDN_URL.findall(rendered) == []


def test_every_served_file_the_page_refers_to_exists(rendered):
    refs = set(re.findall(rf'["\']{re.escape(STATIC_ROUTE)}([^"\']+)["\']', rendered))
    assert any(ref.endswith("marker-icon.png") for ref in refs)
    assert [ref for ref in refs if not (STATIC_DIR / ref).is_file()] == []


def test_icon_urls_are_set_before_any_marker(rendered):
    script = rendered[rendered.index("L.Icon.Default.mergeOptions") :]
    assert "L.marker(" in script
    assert "L.marker(" not in rendered[: rendered.index("L.Icon.Default.mergeOptions")]


@pytest.mark.parametrize("cls", LISTED, ids=lambda c: c.__name__)
def test_every_asset_folium_asks_for_is_vendored(cls):
    for _, url in cls.default_js + getattr(cls, "default_css", []):
        assert url in CDN_ASSETS
        assert (STATIC_DIR / "vendor" / CDN_ASSETS[url]).is_file()


def test_rewrite_is_per_instance_and_repeatable():
    m = build_map()
    first = use_local_assets(m).get_root().render()
    assert tag_urls(use_local_assets(m).get_root().render()) == tag_urls(first)
    assert first.count("L.Icon.Default.mergeOptions") == 1
    assert folium.Map.default_js[0][1].startswith("https://")
    assert plugins.MarkerCluster.default_js[0][1].startswith("https://")


def test_unvendored_plugin_is_refused():
    m = folium.Map(tiles=None)
    plugins.Draw().add_to(m)
    with pytest.raises(UnmappedAssetError, match="leaflet.draw"):
        use_local_assets(m)


def test_colormap_is_refused():
    m = folium.Map(tiles=None)
    LinearColormap(["white", "red"], vmin=0, vmax=1).add_to(m)
    with pytest.raises(UnmappedAssetError, match="d3"):
        use_local_assets(m)


def test_inlined_page_needs_no_server_and_no_network(rendered):
    html = inline_assets(rendered, STATIC_DIR)
    assert STATIC_ROUTE not in html
    assert tag_urls(html) == []
    assert not re.search(r"""src=["']?(https?:)?//""", html)
    assert CDN_URL.findall(html) == []
    assert "data:font/woff2;base64," in html  # Font Awesome's webfonts
    assert '"iconUrl": "data:image/png;base64,' in html
    assert html.count("<script>") >= 8


def test_inlining_a_missing_file_fails_loudly(tmp_path):
    with pytest.raises(FileNotFoundError):
        inline_assets(f'<script src="{STATIC_ROUTE}vendor/nope.js"></script>', tmp_path)
