"""Make folium maps load their JavaScript and CSS from the app, never from a CDN.

folium elements list their assets as `(name, url)` pairs in the class attributes
`default_js` / `default_css`. `use_local_assets` points them, per instance, at the
copies vendored under `static/vendor/` (see `static/vendor/README.md`), which Streamlit
serves at `/app/static/vendor/`. `inline_assets` turns a rendered standalone page
into a single self-contained file that works from a `file://` URL.
"""

from __future__ import annotations

import base64
import json
import mimetypes
import re
from pathlib import Path

import folium
from branca.colormap import ColorMap
from branca.element import Element, MacroElement
from folium.template import Template

from mapdata.paths import STATIC_DIR

STATIC_ROUTE = "/app/static/"
STATIC_URL = STATIC_ROUTE + "vendor"
LEAFLET_IMAGES = "leaflet@1.9.3/dist/images"

# The CDN URL of every asset folium 0.20 asks for -> the path of its vendored copy under static/vendor/.
CDN_ASSETS: dict[str, str] = json.loads((STATIC_DIR / "vendor" / "cdn-map.json").read_text(encoding="utf-8"))


class UnmappedAssetError(ValueError):
    """A map element wants a remote asset that has no vendored copy."""


class _DefaultIconUrls(MacroElement):
    """Point Leaflet's default marker icon at the served images; must run before any marker.

    Full icon URLs (with an empty imagePath) rather than a folder, so that
    `inline_assets` can turn each into a data: URI.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            L.Icon.Default.imagePath = "";
            L.Icon.Default.mergeOptions({{ this.urls|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, images_url: str):
        super().__init__()
        self._name = "DefaultIconUrls"
        self.urls = {
            "iconUrl": f"{images_url}/marker-icon.png",
            "iconRetinaUrl": f"{images_url}/marker-icon-2x.png",
            "shadowUrl": f"{images_url}/marker-shadow.png",
        }


def _walk(element: Element):
    yield element
    for child in element._children.values():
        yield from _walk(child)


_REMOTE = re.compile(r"^([a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def _local_url(url: str, base_url: str) -> str:
    if url in CDN_ASSETS:
        return f"{base_url}/{CDN_ASSETS[url]}"
    if _REMOTE.match(url):
        raise UnmappedAssetError(
            f"{url} has no vendored copy: add it under static/vendor/ and to CDN_ASSETS"
        )
    return url  # already local


def use_local_assets(m: folium.Map, base_url: str = STATIC_URL) -> folium.Map:
    """Rewrite the assets of `m` and all its children to the served copies.

    Raises UnmappedAssetError for any remote asset without a vendored copy. Call it
    after the last element is added; calling it again is harmless.
    """
    base_url = base_url.rstrip("/")
    for element in _walk(m):
        if isinstance(element, ColorMap):
            raise UnmappedAssetError(
                "a branca colormap makes folium and st_folium load d3 from a CDN:"
                " vendor d3 or keep the colormap off the map"
            )
        for attr in ("default_js", "default_css"):  # Timeline has them without JSCSSMixin
            if hasattr(element, attr):
                links = [(name, _local_url(url, base_url)) for name, url in getattr(element, attr)]
                setattr(element, attr, links)
    icons = _DefaultIconUrls(f"{base_url}/{LEAFLET_IMAGES}")
    m.add_child(icons, name=icons._name)
    m._children.move_to_end(icons._name, last=False)
    return m


def _static_file(root: Path, base: Path, url: str) -> Path:
    path = (base / re.split(r"[?#]", url)[0]).resolve()
    if root not in path.parents or not path.is_file():
        raise FileNotFoundError(f"{url} (relative to {base}) is not a file under {root}")
    return path


def _data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_ABSOLUTE = re.compile(r"^(data:|#|[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def _inline_css(path: Path, root: Path) -> str:
    def replace(match: re.Match) -> str:
        url = match.group(2)
        if _ABSOLUTE.match(url):
            return match.group(0)
        return f'url("{_data_uri(_static_file(root, path.parent, url))}")'

    return _CSS_URL.sub(replace, path.read_text(encoding="utf-8"))


_STATIC_REF = re.compile(
    rf'<script\b[^>]*\bsrc="{re.escape(STATIC_ROUTE)}([^"]+)"[^>]*>\s*</script>'
    rf'|<link\b[^>]*\bhref="{re.escape(STATIC_ROUTE)}([^"]+)"[^>]*>'
    rf"""|(["']){re.escape(STATIC_ROUTE)}([^"']+)\3"""
)


def inline_assets(html: str, static_dir: Path = STATIC_DIR) -> str:
    """Inline every `/app/static/` script, stylesheet and file URL of a rendered page.

    Scripts and stylesheets become inline `<script>` / `<style>` blocks; the files
    their CSS `url()` points at, and any other quoted `/app/static/` URL, become data:
    URIs. The result needs no server and no network.
    """
    root = Path(static_dir).resolve()

    def replace(match: re.Match) -> str:
        script, stylesheet, quote, other = match.groups()
        if script:
            code = _static_file(root, root, script).read_text(encoding="utf-8")
            return "<script>" + re.sub(r"</(script)", r"<\\/\1", code, flags=re.I) + "</script>"
        if stylesheet:
            return "<style>" + _inline_css(_static_file(root, root, stylesheet), root) + "</style>"
        return quote + _data_uri(_static_file(root, root, other)) + quote

    return _STATIC_REF.sub(replace, html)
