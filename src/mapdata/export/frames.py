"""The timeline drawn frame by frame in Python, from the bundled basemap: an animated GIF or an MP4 for slides."""
from __future__ import annotations

import io
import json
import math
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from mapdata.atlas.model import Atlas
from mapdata.paths import BASEMAP
from mapdata.render.mapview import payload
from mapdata.render.palette import BORDER, INK, LAND, OCEAN
from mapdata.render.presenter import Playback, _Clock, credit, export_title
from mapdata.view.query import View

SIZES = {"960 × 540": (960, 540), "1280 × 720": (1280, 720), "1920 × 1080": (1920, 1080)}
HOLD_SECONDS = 2.0  # the last frame stays this long
MAX_FRAMES = {"gif": 300, "mp4": 1200}  # longer timelines get fewer frames a second (memory, waiting time)
_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
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
    img = Image.new("RGB", (frame.w * k, frame.h * k), OCEAN)
    draw = ImageDraw.Draw(img)
    for feat in json.loads(BASEMAP.read_text(encoding="utf-8"))["features"]:
        geom = feat["geometry"]
        polygons = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        for poly in polygons:
            ring = np.asarray(poly[0], dtype=float)
            xs, ys = frame.points(ring[:, 1], ring[:, 0], k)
            if xs.max() < 0 or xs.min() > img.width or ys.max() < 0 or ys.min() > img.height:
                continue
            draw.polygon(list(zip(xs.tolist(), ys.tolist())), fill=LAND, outline=BORDER, width=k)
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
        draw.text((pad + (dot + pad if dots else 0), y), text, font=font, fill=INK)
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
        counts, shown = clock.counts(day, playback.dates), clock.shown(day, playback.dates)
        img = base.copy()
        for i in order:
            if shown[i]:
                fill, ring, dashed = data["colors"][rows[i][2]], rows[i][3], rows[i][5] < 0 and rows[i][9] < 0
                key = (fill, ring, dashed)
                if key not in sprites:
                    sprites[key] = _sprite(fill, data["colors"][ring] if ring >= 0 else None, radius, dashed)
                s = sprites[key]
                img.paste(s, (int(xs[i]) - s.width // 2, int(ys[i]) - s.height // 2), s)
        label = day.isoformat() if day == playback.end_day else day.isoformat()[:7]
        lines = [(label, big), (counts.text(), mid)]
        if counts.undated or counts.listed:
            lines.append((counts.undated_note(playback.dates), small))
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
