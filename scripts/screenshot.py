"""Screenshot a page of the running app in Debian's Chromium: `python scripts/screenshot.py URL OUT.png [WxH]`.

Prints console errors and every request that leaves the machine.
"""
import sys
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def main(url: str, out: str, size: str = "1440x900", wait_map: bool = True) -> None:
    width, height = map(int, size.split("x"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.on("console", lambda m: m.type in ("error", "warning") and print("console:", m.type, m.text[:300]))
        page.on("request", lambda r: urlparse(r.url).hostname not in ("localhost", "127.0.0.1", None)
                and not r.url.startswith("data:") and print("EXTERNAL:", r.url[:200]))
        page.goto(url)
        page.wait_for_selector("[data-testid='stAppViewContainer']", timeout=30000)
        if wait_map:
            try:
                page.wait_for_selector("iframe[title='streamlit_folium.st_folium']", state="attached", timeout=30000)
                frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
                frame.locator(".sc-count").wait_for(timeout=30000)
                print("map counter:", frame.locator(".sc-count").inner_text())
            except Exception as exc:  # a screenshot is still useful
                print("map not ready:", exc)
        page.wait_for_timeout(1500)
        page.screenshot(path=out)
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
