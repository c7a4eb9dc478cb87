"""Concurrency: N browser sessions doing the user journeys for a while against one server on 127.0.0.1.

    .venv/bin/python -m bench.load                      # 25 sessions, 3 minutes, bundled atlas
    .venv/bin/python -m bench.load --sessions 5 --seconds 60 --size 5000

One headless Chromium with one context per session; each session loops: open the atlas, step the "As of"
slider back and forth (server round trip), move the in-map timeline, click two places, switch to another page.
Counts errors (page errors, Streamlit exceptions, lost connections, failed actions) and, apart, actions slower
than 300 s; reports p50/p95 per action and the server's memory and CPU. Writes bench/results/load.md and load.json.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import time
from pathlib import Path

import numpy as np
from playwright.async_api import TimeoutError as PlaywrightTimeout

from . import browser as b
from .run import BUNDLED, RESULTS, _free_port, dataset, environment, scenario

ACTION_TIMEOUT_MS = 300_000  # slower than this is counted as a timeout, not as an error
OTHER_PAGES = ["Places", "Countries", "Timeline"]  # link text = page heading


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def session(i: int, browser, url: str, sc: dict, deadline: float, samples: dict, errors: list, counts: dict):
    """One visitor: journeys until the deadline (the last one is finished, not cut)."""
    await asyncio.sleep(i * 0.6)  # arrivals spread over the first quarter minute
    doing = None

    async def act(name: str, coro):
        nonlocal doing
        doing, t = name, time.perf_counter()
        value = await coro  # the in-page time when the action measures one, else None
        samples.setdefault(name, []).append(value if isinstance(value, float) else time.perf_counter() - t)

    while time.monotonic() < deadline:
        tab = await b.new_tab(browser, timeout_ms=ACTION_TIMEOUT_MS)
        page = tab.page
        try:
            await act("page load → markers visible", b.open_map(tab, f"{url}/?date={sc['day']}"))
            for key, iso, n in [("ArrowLeft", sc["before"], sc["count_before"]), ("ArrowRight", sc["day"], sc["count_day"])]:
                await act("“As of” step (server)", b.server_step(tab, key, iso, n))
            for day, n in [(sc["early_n"], sc["count_early"]), (sc["day_n"], sc["count_day"])]:
                await act("timeline step in the map", b.client_step(tab, day, n))
            for t in sc["targets"]:
                await act("click → panel", b.click_place(tab, t["name"], t["lat"], t["lon"], t["tooltip"]))
            link = OTHER_PAGES[counts["journeys"] % len(OTHER_PAGES)]
            await act("switch page → heading, idle", _switch(page, link))
            errors += [f"session {i}: {p}" for p in tab.errors + await b.page_errors(tab)]
            counts["journeys"] += 1
        except PlaywrightTimeout as exc:  # too slow: counted apart from errors
            counts["timeouts"] += 1
            counts.setdefault("timeout_messages", []).append(f"session {i}, {doing}: {str(exc).splitlines()[0][:160]}")
        except Exception as exc:  # counted, and the session starts a new journey
            errors.append(f"session {i}, {doing}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
        finally:
            await tab.close()


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


async def run(sessions: int, seconds: float, data_dir: Path, sc: dict, nice: int = 0) -> dict:
    from playwright.async_api import async_playwright
    server = b.Server("app.py", None if data_dir == BUNDLED else data_dir, _free_port()).start()
    samples, errors, memory, counts = {}, [], [], {"journeys": 0, "timeouts": 0}
    try:
        async with async_playwright() as pw:
            browser = await b.launch(pw, nice)
            warm = await b.new_tab(browser)  # the atlas is loaded once per server: not part of the load test
            await b.open_map(warm, server.url)
            await warm.close()
            rss_before, cpu_before, started = server.memory_mb()["rss_mb"], _cpu_seconds(server.proc.pid), time.monotonic()
            deadline = started + seconds
            await asyncio.gather(monitor(server.proc.pid, deadline, memory),
                                 *(session(i, browser, server.url, sc, deadline, samples, errors, counts)
                                   for i in range(sessions)))
            elapsed = time.monotonic() - started
            await browser.close()
        cpu = (_cpu_seconds(server.proc.pid) - cpu_before) / elapsed
        peak = server.memory_mb()["peak_rss_mb"]
    finally:
        server.stop()
    stats = {name: {"n": len(v), "p50_s": float(np.percentile(v, 50)), "p95_s": float(np.percentile(v, 95)),
                    "max_s": float(max(v))} for name, v in samples.items()}
    return {"sessions": sessions, "seconds": seconds, "browser_nice": nice, "elapsed_s": elapsed,
            "journeys": counts["journeys"], "errors": len(errors), "error_messages": errors[:30],
            "timeouts": counts["timeouts"], "timeout_messages": counts.get("timeout_messages", [])[:10], "actions": stats,
            "server_rss_mb": {"before": rss_before, "max_sampled": round(max(memory, default=0)), "peak": peak},
            "server_cpu_cores": round(cpu, 2)}


def markdown(result: dict, env: dict, size: str) -> str:
    lines = ["# Load test", "",
             f"{env['when']} · commit {env['commit']} · {env['cores']} cores · load average at start "
             f"{', '.join(f'{x:.1f}' for x in env['load_average'])} · {env['chromium']}", "",
             f"{result['sessions']} browser sessions (one headless Chromium) for {result['seconds']:.0f} s against one "
             f"server on 127.0.0.1, {'the bundled atlas' if size == 'bundled' else f'{int(size):,} synthetic places'}"
             + (f"; browsers at nice {result['browser_nice']} (they yield the CPU to the server)." if result["browser_nice"]
                else "; browsers and server share the CPU."),
             "",
             f"- journeys completed: {result['journeys']}",
             f"- errors: **{result['errors']}** (goal 0): Streamlit exceptions, page errors, lost connections, failures",
             f"- timeouts: {result['timeouts']} actions took over {ACTION_TIMEOUT_MS // 1000} s (the journey restarts)",
             f"- server memory: {result['server_rss_mb']['before']} MB before, {result['server_rss_mb']['max_sampled']} MB "
             f"at most while loaded (peak RSS {result['server_rss_mb']['peak']} MB)",
             f"- server CPU: {result['server_cpu_cores']} cores on average (of {env['cores']})", "",
             "| action | count | p50 | p95 | max |", "|---|---|---|---|---|"]
    for name, s in result["actions"].items():
        lines.append(f"| {name} | {s['n']} | {s['p50_s']:.2f} s | {s['p95_s']:.2f} s | {s['max_s']:.1f} s |")
    if result["error_messages"]:
        lines += ["", "Errors (first 30):", *[f"- {e}" for e in result["error_messages"]]]
    if result["timeout_messages"]:
        lines += ["", "Timeouts (first 10):", *[f"- {e}" for e in result["timeout_messages"]]]
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=25)
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--size", default="bundled", help="bundled or a number of synthetic places")
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
    from mapdata.query import FilterState, select
    env = environment()
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        data_dir = dataset(args.size, Path(tmp))
        sc = scenario(select(load_atlas(data_dir), FilterState()))
        print(f"{args.sessions} sessions for {args.seconds:.0f} s against {args.size} …", flush=True)
        result = asyncio.run(run(args.sessions, args.seconds, data_dir, sc, args.nice))
    env["load_average_end"] = os.getloadavg()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps({"environment": env, "size": args.size, **result}, indent=1))
    args.out.with_suffix(".md").write_text(markdown(result, env, args.size))
    print(markdown(result, env, args.size))


if __name__ == "__main__":
    main()
