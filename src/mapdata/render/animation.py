"""The timeline played for a room: presenter settings for the map, and exports for slides that need no app and
no network (a standalone HTML page that plays, an animated GIF or MP4 drawn here from the bundled basemap).

Counting follows the map layer (static/js/atlas-layer.js): a place shows from its first dated fact until its last
fact ended; places whose date is unknown are never put on a guessed year: hidden, or shown apart as such.
"""
from __future__ import annotations

import io
import json
import math
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Callable, Iterator

import folium
import numpy as np
from branca.element import MacroElement
from folium.map import FitBounds
from folium.template import Template
from PIL import Image, ImageDraw, ImageFont

from mapdata.atlas.model import Atlas
from mapdata.view.cite import describe_filters
from mapdata.render.mapview import build_map, day_number, jinja_literal, payload, state_layer
from mapdata.render.offline import inline_assets
from mapdata.view.query import View
from mapdata.atlas.schema import descriptor
from mapdata.paths import BASEMAP, DATA_DIR

SPEEDS = (0.5, 1.0, 2.0, 4.0)  # years per second, as the map's own speed menu
SIZES = {"960 × 540": (960, 540), "1280 × 720": (1280, 720), "1920 × 1080": (1920, 1080)}
HOLD_SECONDS = 2.0  # the last frame stays this long
MAX_FRAMES = {"gif": 300, "mp4": 1200}  # longer timelines get fewer frames a second (memory, waiting time)
_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_OCEAN, _LAND, _BORDER, _INK = (201, 220, 235), (228, 231, 234), (255, 255, 255), (17, 17, 17)


@dataclass(frozen=True)
class Playback:
    """What the timeline plays: from the start of one year to the end of another, at a speed in years a second."""

    start_year: int
    end_year: int
    speed: float = 1.0
    autoplay: bool = True
    loop: bool = False
    show_undated: bool = False

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
    """What the map's counter says on a day."""

    places: int
    networks: int
    countries: int
    undated: int  # places whose date is unknown (shown dashed, or left out)

    def text(self) -> str:
        def n(k: int, one: str, many: str) -> str:
            return f"{k:,} {one if k == 1 else many}"
        return " · ".join([n(self.places, "place", "places"), n(self.networks, "network", "networks"),
                           n(self.countries, "country", "countries")])

    def undated_note(self, shown: bool) -> str:
        """'829 with date unknown: not shown' (empty when every place is dated)."""
        return f"{self.undated:,} with date unknown: {'dashed outline' if shown else 'not shown'}" if self.undated else ""


_UNKNOWN = np.iinfo(np.int64).min


def _ordinals(days) -> np.ndarray:
    return np.array([d.toordinal() if isinstance(d, date) else _UNKNOWN for d in days], dtype=np.int64)


def _running(start: np.ndarray, end: np.ndarray, day: date, show_undated: bool) -> np.ndarray:
    """Which rows run on a day: started by then (or undated, when shown) and not ended before."""
    n = day.toordinal()
    started = np.where(start == _UNKNOWN, show_undated, start <= n)
    return started & ~((end != _UNKNOWN) & (end < n))


class _Clock:
    """A view's places and memberships as day arrays, to count them on many days."""

    def __init__(self, view: View):
        p, members = view.places, view.facts[view.facts["fact"] == "membership"]
        self.first, self.last = _ordinals(p["first_day"]), _ordinals(p["last_day"])
        self.start, self.end = _ordinals(members["start_day"]), _ordinals(members["end_day"])
        self.country, self.network = p["country_code"].to_numpy(), members["what"].to_numpy()

    def shown(self, day: date, show_undated: bool) -> np.ndarray:
        return _running(self.first, self.last, day, show_undated)

    def counts(self, day: date, show_undated: bool) -> Counts:
        shown = self.shown(day, show_undated)
        running = _running(self.start, self.end, day, show_undated)
        return Counts(int(shown.sum()), len(set(self.network[running])), len(set(self.country[shown])),
                      int((self.first == _UNKNOWN).sum()))


def counts_at(view: View, day: date, show_undated: bool = False) -> Counts:
    """Places, networks and countries on the map on a day (the browser counter's numbers)."""
    return _Clock(view).counts(day, show_undated)


def network_spans(view: View) -> list[list[list[int]]]:
    """Per network, the [start, end] day numbers of its memberships in the view (-1: unknown or open)."""
    members = view.facts[view.facts["fact"] == "membership"]
    return [[[day_number(s), day_number(e)] for s, e in zip(g["start_day"], g["end_day"])]
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
            "show_undated": playback.show_undated}


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
               show_undated: bool = False) -> folium.FeatureGroup:
    """The date, selection and label of a story step, pushed into a drawn map (`st_folium(feature_group_to_add=)`)."""
    group = state_layer(view, day, place)
    PresenterSettings({"label": precision, "show_undated": show_undated, "day": day_number(day)}).add_to(group)
    return group


def credit() -> str:
    """One line of credit for exports: data title, version date, licence."""
    pkg = descriptor(DATA_DIR)
    return f"{pkg['title']} · data of {pkg['created'][:10]} · {pkg['licenses'][0]['name']} · every fact cites its source"


def export_title(view: View, atlas: Atlas) -> str:
    """'Solidarity Cities Map · Italy · network: Safe Harbours'."""
    return f"Solidarity Cities Map · {describe_filters(view.state.with_(as_of=None), atlas)}"


_HTML_CSS = """<style>
.sc-standalone-title { position: absolute; z-index: 1000; left: 56px; top: 10px; right: 340px; background: rgba(255,255,255,.94);
  padding: 6px 12px; border-radius: 6px; font: 700 22px/1.3 system-ui, sans-serif; color: #111; }
.sc-standalone-title small { display: block; font-weight: 400; font-size: 13px; color: #333; }
</style>"""


def standalone_html(view: View, atlas: Atlas, playback: Playback, *, title: str = "") -> str:
    """One HTML file that plays the timeline from file:// with no server and no network (assets inlined)."""
    m = presenter_map(view, atlas, playback, inline_basemap=True, page_keys=False)
    m.default_js = [(n, u) for n, u in m.default_js if n in ("leaflet", "jquery")]  # no Bootstrap or icon fonts
    m.default_css = [(n, u) for n, u in m.default_css if n == "leaflet_css"]
    title = title or export_title(view, atlas)
    root = m.get_root()
    root.title = escape(title)
    root.html.add_child(folium.Element(jinja_literal(f'{_HTML_CSS}<div class="sc-standalone-title">{escape(title)}'
                                                     f"<small>{escape(credit())}</small></div>")), name="sc_title")
    return inline_assets(root.render())


# --- frames drawn in Python: GIF and MP4 ---------------------------------------------------------------------

def _font(size: int, bold: bool = True) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(str(_FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)
    except OSError:
        return ImageFont.load_default(size)


def _mercator(lat, lon):
    lat = np.clip(np.asarray(lat, dtype=float), -85, 85)
    x = (np.asarray(lon, dtype=float) + 180) / 360
    y = (1 - np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)) / np.pi) / 2
    return x, y


class _Frame:
    """Web Mercator window fitting the places (2nd to 98th percentile, padded) into the image minus its insets."""

    def __init__(self, view: View, size: tuple[int, int], insets: tuple[int, int, int, int] = (0, 0, 0, 0)):
        self.w, self.h = size
        left, top, right, bottom = insets
        inner_w, inner_h = max(self.w - left - right, self.w // 3), max(self.h - top - bottom, self.h // 3)
        p = view.places
        if len(p):
            x, y = _mercator(p["lat"].quantile([0.02, 0.98]).values, p["lon"].quantile([0.02, 0.98]).values)
            x0, x1, y0, y1 = x.min(), x.max(), y.min(), y.max()
        else:
            x0, x1, y0, y1 = 0.0, 1.0, 0.2, 0.8
        span_x = max((x1 - x0) * 1.15, (y1 - y0) * 1.15 * inner_w / inner_h, 0.02)
        self.scale = inner_w / span_x
        self.x0 = (x0 + x1) / 2 - (left + inner_w / 2) / self.scale
        self.y0 = (y0 + y1) / 2 - (top + inner_h / 2) / self.scale

    def points(self, lat, lon, k: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
        x, y = _mercator(lat, lon)
        return (x - self.x0) * self.scale * k, (y - self.y0) * self.scale * k


def _basemap(frame: _Frame, k: int = 2) -> Image.Image:
    img = Image.new("RGB", (frame.w * k, frame.h * k), _OCEAN)
    draw = ImageDraw.Draw(img)
    for feat in json.loads(BASEMAP.read_text(encoding="utf-8"))["features"]:
        geom = feat["geometry"]
        polygons = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        for poly in polygons:
            ring = np.asarray(poly[0], dtype=float)
            xs, ys = frame.points(ring[:, 1], ring[:, 0], k)
            if xs.max() < 0 or xs.min() > img.width or ys.max() < 0 or ys.min() > img.height:
                continue
            draw.polygon(list(zip(xs.tolist(), ys.tolist())), fill=_LAND, outline=_BORDER, width=k)
    return img.resize((frame.w, frame.h), Image.LANCZOS)


def _sprite(fill: str, ring: str | None, radius: int, dashed: bool = False) -> Image.Image:
    """An antialiased dot like the map's circle markers (drawn 4x and reduced)."""
    k, r = 4, radius
    size = (2 * r + 4) * k
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    box = (2 * k, 2 * k, size - 2 * k, size - 2 * k)
    draw.ellipse(box, fill="#ffffff" if dashed else fill, outline=ring or "#333333", width=(3 if ring else 1) * k)
    if dashed:  # white gaps on the outline stand for the dashes
        for a in range(0, 360, 45):
            draw.arc(box, a, a + 20, fill="#ffffff", width=2 * k)
    return img.resize((size // k, size // k), Image.LANCZOS)


def _fit(text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """The text, cut with an ellipsis where it would be wider than `width` pixels."""
    probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    if probe.textlength(text, font=font) <= width:
        return text
    while text and probe.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _tile(lines: list[tuple[str, ImageFont.FreeTypeFont]], pad: int, dots: list[str] | None = None) -> Image.Image:
    """A white box of text lines (with a coloured dot before each line when `dots` is given)."""
    probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    heights = [probe.textbbox((0, 0), "Hg" + t, font=f)[3] for t, f in lines]
    dot = heights[0] if dots else 0
    width = max(probe.textlength(t, font=f) for t, f in lines) + (dot + pad if dots else 0)
    img = Image.new("RGB", (int(width + 2 * pad), sum(heights) + pad * (len(lines) + 1)), "#ffffff")
    draw = ImageDraw.Draw(img)
    y = pad
    for j, ((text, font), height) in enumerate(zip(lines, heights)):
        if dots:
            draw.ellipse((pad, y + 2, pad + dot - 4, y + dot - 2), fill=dots[j], outline="#333333")
        draw.text((pad + (dot + pad if dots else 0), y), text, font=font, fill=_INK)
        y += height + pad
    return img


def capped_fps(playback: Playback, fps: float, max_frames: int) -> float:
    """The frame rate, lowered so that the whole timeline fits in `max_frames` frames."""
    seconds = ((playback.end_day - playback.start_day).days / 365) / playback.speed
    return min(fps, max_frames / max(seconds, 1e-9))


def frame_days(playback: Playback, fps: float) -> list[date]:
    """The day each frame shows: the map's own pace (speed years a second), ending on the last day."""
    step = 365 * playback.speed / fps
    total = (playback.end_day - playback.start_day).days
    days = [playback.start_day + timedelta(days=round(i * step)) for i in range(int(total / step) + 1)]
    return days + [playback.end_day] if days[-1] != playback.end_day else days


def frames(view: View, atlas: Atlas, playback: Playback, *, size: tuple[int, int] = (960, 540), fps: float = 10,
           title: str = "", days: list[date] | None = None) -> Iterator[Image.Image]:
    """RGB frames of the timeline (`frame_days`, or the days given): basemap, dots coloured as on the map, a large
    date label and the counter."""
    w, h = size
    unit = h / 540
    pad, radius = round(8 * unit), max(3, round(5 * unit))
    big, mid, small = _font(round(46 * unit)), _font(round(22 * unit)), _font(round(13 * unit), bold=False)
    data = payload(view, atlas)
    legend = [item for item in data["legend"] if not item.get("hollow") and not item.get("ring")][:9]
    legend_tile = _tile([(i["label"], small) for i in legend], pad, [i["color"] for i in legend]) if legend else None
    room = w - 4 * pad - (legend_tile.width if legend_tile else 0)
    title_tile = _tile([(_fit(title or export_title(view, atlas), mid, room), mid),
                        (_fit(credit(), small, room), small)], pad // 2)
    frame = _Frame(view, size, (pad, title_tile.height + 3 * pad, (legend_tile.width + 2 * pad) if legend_tile else pad,
                                round(130 * unit)))
    base = _basemap(frame)
    base.paste(title_tile, (pad, pad))
    if legend_tile:
        base.paste(legend_tile, (w - legend_tile.width - pad, pad))
    rows = data["places"]
    xs, ys = frame.points([r[0] for r in rows], [r[1] for r in rows])
    order = [i for i in sorted(range(len(rows)), key=lambda i: rows[i][5]) if 0 <= xs[i] < w and 0 <= ys[i] < h]
    sprites: dict[tuple, Image.Image] = {}
    clock = _Clock(view)
    for day in days or frame_days(playback, fps):
        counts, shown = clock.counts(day, playback.show_undated), clock.shown(day, playback.show_undated)
        img = base.copy()
        for i in order:
            if shown[i]:
                fill, ring, dashed = data["colors"][rows[i][2]], rows[i][3], rows[i][5] < 0
                key = (fill, ring, dashed)
                if key not in sprites:
                    sprites[key] = _sprite(fill, data["colors"][ring] if ring >= 0 else None, radius, dashed)
                s = sprites[key]
                img.paste(s, (int(xs[i]) - s.width // 2, int(ys[i]) - s.height // 2), s)
        label = day.isoformat() if day == playback.end_day else day.isoformat()[:7]
        lines = [(label, big), (counts.text(), mid)]
        if counts.undated:
            lines.append((counts.undated_note(playback.show_undated), small))
        tile = _tile(lines, pad)
        img.paste(tile, (pad, h - tile.height - pad))
        yield img


def gif(view: View, atlas: Atlas, playback: Playback, *, size=(960, 540), fps: float = 10, title: str = "") -> bytes:
    """An animated GIF of the timeline (loops, holds the last frame); one shared palette keeps colours steady."""
    fps = capped_fps(playback, fps, MAX_FRAMES["gif"])
    days = frame_days(playback, fps)
    last = next(frames(view, atlas, playback, size=size, title=title, days=days[-1:]))
    palette = last.quantize(colors=96, method=Image.Quantize.MEDIANCUT)
    paletted = (shot.quantize(palette=palette, dither=Image.Dither.NONE)
                for shot in frames(view, atlas, playback, size=size, title=title, days=days))
    durations = [round(1000 / fps)] * (len(days) - 1) + [round(HOLD_SECONDS * 1000)]
    buf = io.BytesIO()
    next(paletted).save(buf, format="GIF", save_all=True, append_images=paletted, duration=durations, loop=0)
    return buf.getvalue()


def mp4_available() -> bool:
    """True when imageio-ffmpeg (which ships its own ffmpeg) is installed."""
    try:
        import imageio_ffmpeg
        return bool(imageio_ffmpeg.get_ffmpeg_exe())
    except (ImportError, RuntimeError):
        return False


def mp4(view: View, atlas: Atlas, playback: Playback, *, size=(1280, 720), fps: float = 20, title: str = "") -> bytes:
    """An H.264 MP4 of the timeline (plays in slide software), ending on a held last frame."""
    import imageio_ffmpeg
    fps = capped_fps(playback, fps, MAX_FRAMES["mp4"])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "timeline.mp4"
        writer = imageio_ffmpeg.write_frames(str(path), size, fps=fps, codec="libx264", pix_fmt_out="yuv420p",
                                             macro_block_size=2, quality=7, ffmpeg_log_level="error",
                                             output_params=["-preset", "veryfast"])
        writer.send(None)
        last = None
        for shot in frames(view, atlas, playback, size=size, fps=fps, title=title):
            writer.send(shot.tobytes())
            last = shot
        for _ in range(math.ceil(HOLD_SECONDS * fps)):
            writer.send(last.tobytes())
        writer.close()
        return path.read_bytes()


def html_page(view: View, atlas: Atlas, playback: Playback, *, title: str = "", **_) -> bytes:
    """The standalone HTML page, as bytes (plays by itself, loops)."""
    return standalone_html(view, atlas, Playback(**{**playback.__dict__, "autoplay": True, "loop": True}),
                           title=title).encode("utf-8")


@dataclass(frozen=True)
class Format:
    """An export for slides, and the frame sizes it offers (none: it scales with the window)."""

    label: str
    mime: str
    ext: str
    render: Callable[..., bytes]
    sizes: tuple[str, ...] = ()


FORMATS = {"gif": Format("Animated GIF", "image/gif", "gif", gif, ("960 × 540", "1280 × 720")),
           "mp4": Format("MP4 video", "video/mp4", "mp4", mp4, tuple(SIZES)),
           "html": Format("HTML page (plays offline in a browser)", "text/html", "html", html_page)}


def available_formats() -> dict[str, Format]:
    """The formats this machine can make (MP4 needs imageio-ffmpeg)."""
    return {k: f for k, f in FORMATS.items() if k != "mp4" or mp4_available()}


def filename(playback: Playback, ext: str) -> str:
    """'solidarity-cities-timeline-1985-2026.gif'."""
    return f"solidarity-cities-timeline-{playback.start_year}-{playback.end_year}.{ext}"
