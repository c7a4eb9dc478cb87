"""What several test modules share: project paths, Debian's Chromium, a Streamlit server on a free port, the map."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from mapdata.paths import PROJECT_ROOT as ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(script: str = "app.py", env: dict | None = None):
    """Start `streamlit run` on a free loopback port; returns (process, base URL) once healthy."""
    port = _free_port()
    log = (open(ROOT / f".pytest_cache/streamlit-{port}.log", "w") if (ROOT / ".pytest_cache").exists()
           else subprocess.DEVNULL)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, stdout=log, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}: {proc.stderr.read().decode()[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("streamlit did not answer its health check within 60 s")


def stop_app(proc) -> None:
    """Stop a server started by start_app (killed if it does not stop in time)."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def map_frame(page):
    """The atlas map's iframe, once its places layer has drawn."""
    page.wait_for_selector(MAP_FRAME, state="attached", timeout=60000)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".sc-count").wait_for(timeout=60000)
    return frame


def click_place(page, tooltip: str, lat: float, lon: float) -> None:
    """Zoom to a place as a user would, then click its marker (drawn on a canvas) where it is on screen.

    The map is settled first (the app idle, the zoom still where it was set); when Streamlit mounts the map
    again meanwhile (a rerun can replace the component's frame), the same steps are taken on the new map.
    """
    from playwright.sync_api import Error
    for attempt in range(3):
        try:
            page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60000)
            iframe = page.locator(MAP_FRAME)
            frame = iframe.element_handle().content_frame()
            frame.wait_for_function("() => window.solidarityAtlas", timeout=30000)
            frame.evaluate(f"window.solidarityAtlas.map.setView([{lat}, {lon}], 11, {{animate: false}}); 0")
            frame.wait_for_function("t => { const a = window.solidarityAtlas; const p = a.pointOf(t);"
                                    " return a.map.getZoom() === 11 && p && p.shown; }", arg=tooltip, timeout=30000)
            iframe.scroll_into_view_if_needed()
            point = frame.evaluate("tip => window.solidarityAtlas.pointOf(tip)", tooltip)
            box = iframe.bounding_box()
            page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
            page.locator(".sc-panel").wait_for(timeout=15000)
            return
        except Error:
            if attempt == 2:
                raise
