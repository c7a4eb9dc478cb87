"""What users feel, timed inside headless Chromium (Playwright, async): page load, timeline steps, clicks.

Each measure starts and stops in page JavaScript (performance.now(), polled with requestAnimationFrame) so
that Playwright's own round trips are not counted; times across the page and the map iframe use
`performance.timeOrigin + performance.now()`. "Updated" always includes the next two painted frames.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
FRAME = "iframe[title='streamlit_folium.st_folium']"
TIMEOUT_MS = 300_000  # per wait

_PAINTED = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
_IN_LAYER = ("(A => A.group._topClusterLevel ? A.group._topClusterLevel._childCount"
             " : A.group.getLayers().length)(window.solidarityAtlas)")

_EXCEPTION = "if (document.querySelector('[data-testid=\"stException\"]')) return -1;"
OURS_READY = f"""sel => {{ {_EXCEPTION} const f = document.querySelector(sel); const d = f && f.contentDocument;
  const c = d && d.querySelector('.sc-count');
  if (!c || !(+c.dataset.places > 0) || f.getBoundingClientRect().height < 50) return false;
  const drawn = d.querySelector('.marker-cluster')
    || [...d.querySelectorAll('.leaflet-overlay-pane canvas')].some(x => x.width > 0);
  return drawn ? performance.now() : false; }}"""
PEER_READY = (f"""sel => {{ {_EXCEPTION} for (const f of document.querySelectorAll(sel)) {{ const d = f.contentDocument;
  if (d && f.getBoundingClientRect().height > 50 && d.querySelector('.leaflet-marker-icon')) """
              f"""return performance.now(); }}
  return false; }}""")
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"]')"

CLIENT_STEP = f"""async ([day, expected]) => {{
  const s = document.querySelector('.sc-slider'), c = document.querySelector('.sc-count');
  const t0 = performance.now();
  s.value = String(day); s.dispatchEvent(new Event('input', {{bubbles: true}}));
  await new Promise(res => {{ const tick = () => (+c.dataset.places === expected && {_IN_LAYER} === expected)
    ? res() : requestAnimationFrame(tick); tick(); }});
  await {_PAINTED};
  return performance.now() - t0; }}"""
ARM_KEY = """() => { window.__scStart = null; document.addEventListener('keydown',
  () => { if (window.__scStart === null) window.__scStart = performance.timeOrigin + performance.now(); },
  {capture: true, once: true}); }"""
ARM_MOUSE = """() => { window.__scStart = null; document.addEventListener('mousedown',
  () => { window.__scStart = performance.timeOrigin + performance.now(); }, {capture: true, once: true}); }"""
_DONE = f"{_PAINTED}.then(() => {{ window.__scDone = performance.timeOrigin + performance.now(); }})"
WATCH_OURS_DATE = f"""([iso, expected]) => {{ window.__scDone = null;
  const d = document.querySelector('.sc-date'), c = document.querySelector('.sc-count');
  const tick = () => (d.textContent === iso && +c.dataset.places === expected && {_IN_LAYER} === expected)
    ? {_DONE} : requestAnimationFrame(tick);
  requestAnimationFrame(tick); }}"""
WATCH_PEER_MARKERS = f"""([sel, expected]) => {{ window.__scDone = null;
  const tick = () => {{ for (const f of document.querySelectorAll(sel)) {{ const d = f.contentDocument;
      if (d && f.getBoundingClientRect().height > 50 && d.querySelectorAll('.leaflet-marker-icon').length === expected)
        return {_DONE}; }}
    requestAnimationFrame(tick); }};
  requestAnimationFrame(tick); }}"""
WATCH_PANEL = f"""name => {{ window.__scDone = null;
  const tick = () => {{ const h = document.querySelector('.sc-panel h3');
    return h && h.textContent === name ? {_DONE} : requestAnimationFrame(tick); }};
  requestAnimationFrame(tick); }}"""
WATCH_POPUP = f"""name => {{ window.__scDone = null;
  const tick = () => {{ const p = document.querySelector('.leaflet-popup-content h4');
    return p && p.textContent === name ? {_DONE} : requestAnimationFrame(tick); }};
  requestAnimationFrame(tick); }}"""
ZOOM_TO = f"""async ([lat, lon]) => {{ const map = window.solidarityAtlas ? window.solidarityAtlas.map : window.map;
  map.setView([lat, lon], 11, {{animate: false}}); await {_PAINTED}; }}"""
PEER_MARKER_AT = """([lat, lon]) => { let hit = null;
  window.map.eachLayer(l => { if (l instanceof L.Marker && l._icon) { const p = l.getLatLng();
    if (Math.abs(p.lat - lat) < 1e-5 && Math.abs(p.lng - lon) < 1e-5) hit = l; } });
  if (!hit) return null; const r = hit._icon.getBoundingClientRect();
  return {x: r.left + r.width / 2, y: r.top + r.height / 3, shown: true}; }"""


@dataclass
class Server:
    """A `streamlit run` on a loopback port, with the data package it serves."""

    script: str
    data_dir: Path | None
    port: int
    proc: subprocess.Popen | None = None
    started: float = 0.0
    log: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120) -> "Server":
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        if self.data_dir is not None:
            env["MAPDATA_DIR"] = str(self.data_dir)
        self.log = Path(f"/tmp/bench-streamlit-{self.port}.log")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", self.script, "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none", "--server.enableStaticServing", "true"],
            cwd=ROOT, env=env, stdout=self.log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.script} exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as resp:
                    if resp.status == 200 and self.proc.poll() is None:  # ours, not another server on the port
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.script} did not answer its health check in {timeout} s")

    def memory_mb(self) -> dict[str, float]:
        """Resident memory now and at its peak (VmRSS, VmHWM) of the server process."""
        text = Path(f"/proc/{self.proc.pid}/status").read_text()
        value = {k: int(re.search(rf"^{k}:\s+(\d+)", text, re.M).group(1)) / 1024 for k in ("VmRSS", "VmHWM")}
        return {"rss_mb": round(value["VmRSS"]), "peak_rss_mb": round(value["VmHWM"])}

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


@dataclass
class Tab:
    """One browser context and page, with the websocket bytes it received and the errors it showed."""

    context: object
    page: object
    ws_bytes: int = 0
    errors: list[str] = field(default_factory=list)
    last_click: dict = field(default_factory=dict)  # where the last click went: to tell a lost click's cause
    shared: bool = False  # the context belongs to several tabs

    async def close(self) -> None:
        await (self.page.close() if self.shared else self.context.close())


def _where(exc) -> str:
    """The first frame of a page error's stack: the script and line it came from."""
    frames = [line.strip() for line in (getattr(exc, "stack", "") or "").splitlines() if line.strip().startswith("at ")]
    return frames[0][3:] if frames else "unknown"


async def launch(playwright, nice: int = 0):
    """Debian's Chromium; with `nice`, at that lower CPU priority (clients that yield to the server)."""
    executable = CHROMIUM
    if nice:
        wrapper = Path(f"/tmp/bench-chromium-nice{nice}.sh")
        wrapper.write_text(f'#!/bin/sh\nexec nice -n {int(nice)} {CHROMIUM} "$@"\n')
        wrapper.chmod(0o755)
        executable = str(wrapper)
    return await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


async def new_tab(browser, width: int = 1440, height: int = 1000, timeout_ms: int = TIMEOUT_MS, context=None) -> Tab:
    """A fresh browser context with one page; or, given a `context`, a new page in it (its cache shared)."""
    shared = context is not None
    context = context or await browser.new_context(viewport={"width": width, "height": height})
    page = await context.new_page()
    page.set_default_timeout(timeout_ms)
    tab = Tab(context, page, shared=shared)

    def on_ws(ws):
        def count(payload):
            tab.ws_bytes += len(payload) if isinstance(payload, bytes) else len(payload.encode())
        ws.on("framereceived", count)
        ws.on("close", lambda _: tab.errors.append("websocket closed"))
    page.on("websocket", on_ws)
    page.on("pageerror", lambda exc: tab.errors.append(f"page error: {exc} at {_where(exc)}"[:400]))
    return tab


async def _frame(page):
    handle = await page.wait_for_selector(FRAME, state="attached")
    return await handle.content_frame()


async def wait_idle(page) -> None:
    """Until Streamlit runs no script for this session."""
    await page.wait_for_function(IDLE, polling=100)


async def open_map(tab: Tab, url: str, peer: bool = False) -> float:
    """Seconds from navigation start until the map shows its first markers (ours: counter set and drawn)."""
    await tab.page.goto(url, wait_until="commit")
    handle = await tab.page.wait_for_function(PEER_READY if peer else OURS_READY, arg=FRAME, polling="raf")
    value = await handle.json_value()
    if value < 0:
        raise RuntimeError("the page shows an exception: "
                           + (await tab.page.locator("[data-testid='stException']").first.inner_text())[:300])
    return value / 1000


async def settle(tab: Tab, quiet_ms: int = 1500) -> int:
    """Websocket bytes received once the page is idle and nothing came for `quiet_ms`."""
    while True:
        await wait_idle(tab.page)
        before = tab.ws_bytes
        await tab.page.wait_for_timeout(quiet_ms)
        if tab.ws_bytes == before and await tab.page.evaluate(IDLE):
            return tab.ws_bytes


async def client_step(tab: Tab, day: int, expected: int) -> float:
    """Seconds from moving the in-map slider until the counter and the layer hold `expected` places, painted."""
    frame = await _frame(tab.page)
    return await frame.evaluate(CLIENT_STEP, [day, expected]) / 1000


async def _slider(page):
    thumb = page.locator("[data-testid='stSlider'] input[type='range']").first
    await thumb.focus()
    return thumb


async def server_step(tab: Tab, key: str, iso: str, expected: int, peer: bool = False) -> float:
    """Seconds from a key press on the Streamlit "As of" slider until the map shows that day's places."""
    page = tab.page
    await wait_idle(page)
    await _slider(page)
    if peer:
        await page.evaluate(WATCH_PEER_MARKERS, [FRAME, expected])
        done = page
    else:
        done = await _frame(page)
        await done.evaluate(WATCH_OURS_DATE, [iso, expected])
    await page.evaluate(ARM_KEY)
    await page.keyboard.press(key)
    await done.wait_for_function("() => window.__scDone", polling=50)
    seconds = (await done.evaluate("window.__scDone") - await page.evaluate("window.__scStart")) / 1000
    await wait_idle(page)
    return seconds


async def click_place(tab: Tab, name: str, lat: float, lon: float, tooltip: str | None = None) -> float:
    """Seconds from a click on a place's marker until its panel (ours) or popup (peer) shows its name.

    The map is first zoomed to the place (no animation), as a user would before clicking a town.
    """
    page = tab.page
    await wait_idle(page)
    iframe = page.locator(FRAME).first
    await iframe.scroll_into_view_if_needed()
    frame = await _frame(page)
    await frame.evaluate(ZOOM_TO, [lat, lon])
    await wait_idle(page)
    point = await (frame.evaluate("t => window.solidarityAtlas.pointOf(t)", tooltip) if tooltip
                   else frame.evaluate(PEER_MARKER_AT, [lat, lon]))
    if not point or not point["shown"]:
        raise RuntimeError(f"{name} is not on the map at {lat}, {lon}")
    done = page if tooltip else frame
    await done.evaluate(WATCH_PANEL if tooltip else WATCH_POPUP, name)
    await frame.evaluate(ARM_MOUSE)
    box = await iframe.bounding_box()
    tab.last_click = {"tooltip": tooltip, "box": box, "point": point}
    await page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    await done.wait_for_function("() => window.__scDone", polling=50)
    return (await done.evaluate("window.__scDone") - await frame.evaluate("window.__scStart")) / 1000


async def page_errors(tab: Tab) -> list[str]:
    """Errors the page shows: Streamlit exceptions and connection-lost notices."""
    found = []
    if await tab.page.locator("[data-testid='stException']").count():
        found.append("streamlit exception shown")
    if await tab.page.get_by_text("Connection error").count():
        found.append("connection error shown")
    return found
