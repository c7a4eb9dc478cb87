"""Concurrency: N browser sessions doing the user journeys for a while against one server on 127.0.0.1.

    .venv/bin/python -m bench.load                      # 25 sessions, 3 minutes, bundled atlas
    .venv/bin/python -m bench.load --sessions 5 --seconds 60 --size 5000

One headless Chromium, one tab per session, the sessions arriving over the first minute; each loops, pausing between
actions as a reader does: open the atlas, step the "As of" slider back and forth (server round trip), move the
in-map timeline, click two places, switch to another page. The tabs share one browser context, so that the app's
scripts are fetched and compiled once, as each visitor's own browser would after a first visit: the test loads the
server rather than this machine's cores with 25 copies of Streamlit's frontend.
Counts errors (page errors, Streamlit exceptions, lost connections, failed actions) and, apart, actions slower
than 300 s; reports p50/p95 per action and the server's memory and CPU. Writes bench/results/load.md and load.json.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import sys
import time
from pathlib import Path

import numpy as np
from playwright.async_api import TimeoutError as PlaywrightTimeout

from . import browser as b
from .run import BUNDLED, RESULTS, _free_port, dataset, environment, scenario

ACTION_TIMEOUT_MS = int(os.environ.get("BENCH_ACTION_TIMEOUT_S", 300)) * 1000  # slower: a timeout, not an error
OTHER_PAGES = ["Places", "Countries", "Timeline"]  # link text = page heading


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def session(i: int, browser, context, url: str, sc: dict, deadline: float, think: float, gap: float,
                  samples: dict, errors: list, counts: dict):
    """One visitor with one browser tab: journeys until the deadline (the last one is finished, not cut).

    Between actions the visitor reads for `think` seconds on average (0.5 to 1.5 times, seeded per session);
    a journey starts by loading the atlas again in the same tab (its browser cache warm, as for a returning user).
    """
    rng = random.Random(i)
    await asyncio.sleep(i * gap)  # one arrival every `gap` seconds
    doing, tab = None, None

    async def act(name: str, coro):
        nonlocal doing
        doing, t = name, time.perf_counter()
        value = await coro  # the in-page time when the action measures one, else None
        samples.setdefault(name, []).append(value if isinstance(value, float) else time.perf_counter() - t)
        await asyncio.sleep(think * rng.uniform(0.5, 1.5))

    while time.monotonic() < deadline:
        tab = tab or await b.new_tab(browser, timeout_ms=ACTION_TIMEOUT_MS, context=context)
        try:
            await act("page load → markers visible", b.open_map(tab, f"{url}/?date={sc['day']}"))
            for key, iso, n in [("ArrowLeft", sc["before"], sc["count_before"]),
                                ("ArrowRight", sc["day"], sc["count_day"])]:
                await act("“As of” step (server)", b.server_step(tab, key, iso, n))
            for day, n in [(sc["early_n"], sc["count_early"]), (sc["day_n"], sc["count_day"])]:
                await act("timeline step in the map", b.client_step(tab, day, n))
            for t in sc["targets"]:
                await act("click → panel", b.click_place(tab, t["name"], t["lat"], t["lon"], t["tooltip"]))
            link = OTHER_PAGES[counts["journeys"] % len(OTHER_PAGES)]
            await act("switch page → heading, idle", _switch(tab.page, link))
            errors += [f"session {i}: {p}" for p in tab.errors + await b.page_errors(tab)]
            tab.errors.clear()
            counts["journeys"] += 1
            continue
        except PlaywrightTimeout as exc:  # too slow: counted apart from errors
            counts["timeouts"] += 1
            counts.setdefault("timeout_messages", []).append(
                f"session {i}, {doing}: {str(exc).splitlines()[0][:160]} (the page then: {await _state(tab)})")
        except Exception as exc:  # counted, and the session starts a new journey in a new tab
            errors.append(f"session {i}, {doing}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
        await tab.close()
        tab = None
    if tab:
        await tab.close()


async def _state(tab) -> str:
    """What the page shows, for a timeout's message; after a click, where the place is now."""
    page = tab.page
    try:
        state = await page.evaluate("""() => [document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')
          ? 'running' : 'idle', 'panel: ' + ((document.querySelector('.sc-panel h3') || {}).textContent || 'none'),
          'date: ' + ((document.querySelector('iframe[title="streamlit_folium.st_folium"]')?.contentDocument
          ?.querySelector('.sc-date') || {}).textContent || 'none')].join(', ')""")
        if tab.last_click.get("tooltip"):
            frame = await b._frame(page)
            now = await frame.evaluate("t => window.solidarityAtlas.pointOf(t)", tab.last_click["tooltip"])
            box = await page.locator(b.FRAME).first.bounding_box()
            state += f"; clicked at {tab.last_click}, the place now at {now} in {box}"
        if os.environ.get("BENCH_SHOTS"):
            await page.screenshot(path=f"{os.environ['BENCH_SHOTS']}/timeout-{time.time():.0f}.png")
        return state
    except Exception as exc:  # the page is gone
        return type(exc).__name__


async def _switch(page, name: str) -> None:
    """Open another page from the sidebar and wait until it is drawn."""
    await page.get_by_role("link", name=name, exact=True).first.click()
    await page.get_by_role("heading", name=name, exact=True).first.wait_for()
    await b.wait_idle(page)


async def monitor(pid: int, deadline: float, memory: list):
    while time.monotonic() < deadline:
        status = Path(f"/proc/{pid}/status").read_text()
        memory.append(int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))) / 1024)
        await asyncio.sleep(2)


async def run(sessions: int, seconds: float, data_dir: Path, sc: dict, think: float, ramp: float,
              nice: int = 0) -> dict:
    from playwright.async_api import async_playwright
    server = b.Server("app.py", None if data_dir == BUNDLED else data_dir, _free_port()).start()
    samples, errors, memory, counts = {}, [], [], {"journeys": 0, "timeouts": 0}
    try:
        async with async_playwright() as pw:
            browser = await b.launch(pw, nice)
            context = await browser.new_context(viewport={"width": 1440, "height": 1000})
            warm = await b.new_tab(browser, context=context)  # the server loads the atlas, the context the scripts
            await b.open_map(warm, server.url)
            await warm.close()
            rss_before, cpu_before, started = (server.memory_mb()["rss_mb"], _cpu_seconds(server.proc.pid),
                                               time.monotonic())
            deadline = started + seconds
            await asyncio.gather(monitor(server.proc.pid, deadline, memory),
                                 *(session(i, browser, context, server.url, sc, deadline, think, ramp / sessions,
                                           samples, errors, counts)
                                   for i in range(sessions)))
            elapsed = time.monotonic() - started
            await browser.close()
        cpu = (_cpu_seconds(server.proc.pid) - cpu_before) / elapsed
        peak = server.memory_mb()["peak_rss_mb"]
    finally:
        server.stop()
    stats = {name: {"n": len(v), "p50_s": float(np.percentile(v, 50)), "p95_s": float(np.percentile(v, 95)),
                    "max_s": float(max(v))} for name, v in samples.items()}
    return {"sessions": sessions, "seconds": seconds, "think_s": think, "ramp_s": ramp, "browser_nice": nice,
            "elapsed_s": elapsed,
            "journeys": counts["journeys"], "errors": len(errors), "error_messages": errors[:30],
            "timeouts": counts["timeouts"], "timeout_messages": counts.get("timeout_messages", [])[:30],
            "actions": stats,
            "server_rss_mb": {"before": rss_before, "max_sampled": round(max(memory, default=0)), "peak": peak},
            "server_cpu_cores": round(cpu, 2)}


def markdown(result: dict, env: dict, size: str) -> str:
    lines = ["# Load test", "",
             f"{env['when']} · commit {env['commit']} · {env['cores']} cores · load average at start "
             f"{', '.join(f'{x:.1f}' for x in env['load_average'])} · {env['chromium']}", "",
             f"{result['sessions']} browser sessions (one headless Chromium, a tab each, one shared browser cache) for "
             f"{result['seconds']:.0f} s against one server on 127.0.0.1, "
             f"{'the bundled atlas' if size == 'bundled' else f'{int(size):,} synthetic places'}; visitors arrive over "
             f"{result['ramp_s']:g} s and pause {result['think_s']:g} s on average between actions"
             + (f"; browsers at nice {result['browser_nice']} (they yield the CPU to the server)."
                if result["browser_nice"] else "; browsers and server share the CPU."),
             "",
             f"- journeys completed: {result['journeys']}",
             f"- errors: **{result['errors']}** (goal 0): Streamlit exceptions, page errors, lost connections, "
             "failures",
             f"- timeouts: {result['timeouts']} actions took over {ACTION_TIMEOUT_MS // 1000} s (the journey restarts)",
             f"- server memory: {result['server_rss_mb']['before']} MB before, "
             f"{result['server_rss_mb']['max_sampled']} MB "
             f"at most while loaded (peak RSS {result['server_rss_mb']['peak']} MB)",
             f"- server CPU: {result['server_cpu_cores']} cores on average (of {env['cores']})", "",
             "| action | count | p50 | p95 | max |", "|---|---|---|---|---|"]
    for name, s in result["actions"].items():
        lines.append(f"| {name} | {s['n']} | {s['p50_s']:.2f} s | {s['p95_s']:.2f} s | {s['max_s']:.1f} s |")
    if result["error_messages"]:
        lines += ["", "Errors (first 30):", *[f"- {e}" for e in result["error_messages"]]]
    if result["timeout_messages"]:
        lines += ["", "Timeouts (first 30):", *[f"- {e}" for e in result["timeout_messages"]]]
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=25)
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--size", default="bundled", help="bundled or a number of synthetic places")
    parser.add_argument("--think", type=float, default=2.0,
                        help="seconds a visitor pauses between actions, on average (0 for none)")
    parser.add_argument("--ramp", type=float, default=60.0, help="seconds over which the sessions arrive")
    parser.add_argument("--nice", type=int, default=0, choices=range(0, 20), metavar="0..19",
                        help="run the browsers at this lower CPU priority, so that they do not starve the server "
                             "they share the machine with (as clients elsewhere would not)")
    parser.add_argument("--out", type=Path, default=RESULTS / "load")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # `finally` stops the servers started
    if not 1 <= args.sessions <= 50 or not 10 <= args.seconds <= 900:
        parser.error("--sessions must be 1..50 and --seconds 10..900")
    import tempfile

    from mapdata import load_atlas
    from mapdata.view.query import FilterState, select
    env = environment()
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        data_dir = dataset(args.size, Path(tmp))
        sc = scenario(select(load_atlas(data_dir), FilterState()))
        print(f"{args.sessions} sessions for {args.seconds:.0f} s against {args.size} …", flush=True)
        result = asyncio.run(run(args.sessions, args.seconds, data_dir, sc, args.think,
                                 args.ramp, args.nice))
    env["load_average_end"] = os.getloadavg()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps({"environment": env, "size": args.size, **result}, indent=1))
    args.out.with_suffix(".md").write_text(markdown(result, env, args.size))
    print(markdown(result, env, args.size))


if __name__ == "__main__":
    main()
