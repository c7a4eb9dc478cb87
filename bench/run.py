"""The benchmark: our atlas page against a naive folium page, on the bundled atlas and on synthetic ones.

    .venv/bin/python -m bench                                  # bundled, 1,000, 5,000, 20,000 places; 5 runs
    .venv/bin/python -m bench --sizes bundled,1000 --runs 3    # fewer
    .venv/bin/python -m bench --quick                          # bundled and 1,000 places, 2 runs

Writes bench/results/latest.md (medians, targets, our/peer ratios) and bench/results/latest.json (every sample).
Never a pass/fail test: it measures and reports. See bench/README.md for what each number means.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

from . import browser as b

ROOT = b.ROOT
RESULTS = ROOT / "bench" / "results"
BUNDLED = ROOT / "data"
PEER_RUNS = {20000: 1, 5000: 2}  # the naive page takes minutes per render at these sizes: fewer runs
LOAD_SNIPPET = ("import sys, time; from mapdata import load_atlas; t, c = time.perf_counter(), time.process_time(); "
                "load_atlas(sys.argv[1]); print(time.perf_counter() - t, time.process_time() - c)")


def _median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _timed(fn, runs: int):
    """(median wall seconds, median CPU seconds, last result) of `runs` calls."""
    walls, cpus, out = [], [], None
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return _median(walls), _median(cpus), out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dataset(size: str, workdir: Path) -> Path:
    """The bundled package, or a synthetic one of `size` places (written once per work folder)."""
    if size == "bundled":
        return BUNDLED
    from mapdata.curation.synthetic import write_package
    dest = workdir / f"synthetic-{size}"
    return dest if (dest / "cities.csv").exists() else write_package(dest, int(size), seed=1)


def scenario(view) -> dict:
    """What the browser does, derived from the data: the dates stepped between and the places clicked.

    Day D is the last day on which a place first appears: the page opens there (all but a few places shown),
    the Streamlit slider steps D -> D-1 -> D, the in-map slider jumps between a third of the dated places and D.
    Two clicked places are visible throughout, far from other places (a click hits them alone).
    """
    from mapdata.render.mapview import day_number, tooltips
    places = view.places
    dated = places["first_day"].dropna().sort_values()
    dated = dated[dated <= date.today()]
    day = dated.iloc[-1]
    while len(view.visible_on(day)) == len(view.visible_on(day - timedelta(days=1))):
        day = dated[dated < day].iloc[-1]
    early = dated.iloc[len(dated) // 3]
    before = day - timedelta(days=1)
    stable = places[(places["first_day"].isna() | (places["first_day"] < before))
                    & (places["last_day"].isna() | (places["last_day"] >= day))]
    big = stable.assign(pop=stable["population"].replace("", "0").astype(float)).nlargest(300, "pop")
    lat, lon = np.radians(places["lat"].to_numpy()), np.radians(places["lon"].to_numpy())
    clat, clon = np.radians(big["lat"].to_numpy())[:, None], np.radians(big["lon"].to_numpy())[:, None]
    dist = np.hypot((lon - clon) * np.cos(clat), lat - clat)  # small-angle distance to every place
    dist[np.arange(len(big)), places.index.get_indexer(big.index)] = np.inf  # not itself; a twin counts
    order = big.assign(alone=dist.min(axis=1)).sort_values("alone", ascending=False)
    order = order[order["alone"] > np.radians(0.02)].drop_duplicates("name")
    text = tooltips(places)
    targets = [{"city_id": cid, "name": r["name"], "lat": float(r["lat"]), "lon": float(r["lon"]), "tooltip": text[cid]}
               for cid, r in order.head(2).iterrows()]
    return {"day": day.isoformat(), "before": before.isoformat(), "early": early.isoformat(),
            "day_n": day_number(day), "early_n": day_number(early),
            "count_day": len(view.visible_on(day)), "count_before": len(view.visible_on(before)),
            "count_early": len(view.visible_on(early)), "count_today": len(view.shown_places()), "targets": targets}


def _folium_cost(make_map):
    """Build a map and turn it into what st_folium sends (its own helpers): (seconds, bytes)."""
    from streamlit_folium import _get_header, _get_html, _get_map_string, generate_js_hash

    def build():
        m = make_map()
        html, header, script = _get_html(m), _get_header(m), _get_map_string(m)
        generate_js_hash(script, None, False)
        return len((html + header + script).encode())
    return build


def python_measures(data_dir: Path, runs: int, peer_runs: int) -> tuple[dict, dict]:
    """Load, filter and map-build times and payload sizes, in this process (load: a fresh process each run)."""
    from bench.peer_app import naive_map
    from mapdata import load_atlas
    from mapdata.render.mapview import build_map, payload
    from mapdata.view.query import FilterState, select
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("MAPDATA_DIR", None)
    loads = [tuple(map(float, subprocess.run([sys.executable, "-c", LOAD_SNIPPET, str(data_dir)], env=env, check=True,
                                             capture_output=True, text=True, cwd=ROOT).stdout.split()))
             for _ in range(runs)]
    atlas = load_atlas(data_dir)
    select_wall, select_cpu, view = _timed(lambda: select(atlas, FilterState()), runs)
    top = atlas.memberships["network_id"].value_counts().index[0]
    net_wall, net_cpu, _ = _timed(lambda: select(atlas, FilterState(networks=(top,))), runs)
    sc = scenario(view)
    ours_wall, ours_cpu, ours_bytes = _timed(_folium_cost(lambda: build_map(view, atlas)), runs)
    shown = view.visible_on(date.fromisoformat(sc["day"]))
    peer_wall, peer_cpu, peer_bytes = _timed(_folium_cost(lambda: naive_map(shown)), peer_runs)
    data_bytes = len(json.dumps(payload(view, atlas), ensure_ascii=False, separators=(",", ":")).encode())
    n = len(view.places)
    out = {"places": n, "facts": len(atlas.facts), "problems": len(atlas.problems),
           "load_s": _median([w for w, _ in loads]), "load_cpu_s": _median([c for _, c in loads]),
           "filter_s": select_wall, "filter_cpu_s": select_cpu, "filter_network_s": net_wall,
           "filter_network_cpu_s": net_cpu, "filter_network": top,
           "ours": {"map_build_s": ours_wall, "map_build_cpu_s": ours_cpu, "map_bytes": ours_bytes,
                    "map_bytes_per_place": ours_bytes / n, "data_bytes_per_place": data_bytes / n},
           "peer": {"map_build_s": peer_wall, "map_build_cpu_s": peer_cpu, "map_bytes": peer_bytes,
                    "map_bytes_per_place": peer_bytes / len(shown)}}
    return out, sc


async def floor_measure(data_dir: Path, runs: int, log) -> dict:
    """Markers visible on a page with nothing but our map of three places: what any map page here costs."""
    from playwright.async_api import async_playwright
    server = b.Server("bench/floor_app.py", None if data_dir == BUNDLED else data_dir, _free_port()).start()
    try:
        async with async_playwright() as pw:
            browser = await b.launch(pw)
            visible = []
            for _ in range(runs + 1):  # the first visit loads the atlas: not counted
                tab = await b.new_tab(browser)
                visible.append(await b.open_map(tab, server.url))
                await tab.close()
            await browser.close()
    finally:
        server.stop()
    log(f"    floor: visible {visible[1:]}")
    return {"visible_s": _median(visible[1:]), "samples": visible[1:]}


async def browser_measures(script: str, data_dir: Path, sc: dict, runs: int, peer: bool, log) -> dict:
    """Start a server on the package, visit it once cold, then `runs` fresh sessions of the user journey."""
    server = b.Server(script, None if data_dir == BUNDLED else data_dir, _free_port()).start()
    samples = {"visible_s": [], "ws_bytes": [], "server_step_s": [], "client_step_s": [], "click_s": [], "errors": []}
    url = f"{server.url}/?date={sc['day']}"
    steps = [("ArrowLeft", sc["before"], sc["count_before"]), ("ArrowRight", sc["day"], sc["count_day"])]
    big = sc["places"] >= 20000
    try:
        from playwright.async_api import async_playwright
        async with async_playwright() as pw:
            browser = await b.launch(pw)
            timeout = 1_800_000 if peer and big else b.TIMEOUT_MS  # the naive page takes minutes at 20,000
            tab = await b.new_tab(browser, timeout_ms=timeout)
            await b.open_map(tab, url, peer=peer)
            cold = time.monotonic() - server.started
            log(f"    first visit after start {cold:.1f} s")
            await tab.close()
            for run in range(runs):
                tab = await b.new_tab(browser, timeout_ms=timeout)
                try:
                    samples["visible_s"].append(await b.open_map(tab, url, peer=peer))
                    samples["ws_bytes"].append(await b.settle(tab))
                    for key, iso, expected in steps[:1] if peer and big else steps:
                        samples["server_step_s"].append(await b.server_step(tab, key, iso, expected, peer=peer))
                    if not peer:
                        for i in range(6):
                            day, n = ((sc["early_n"], sc["count_early"]) if i % 2 == 0
                                      else (sc["day_n"], sc["count_day"]))
                            samples["client_step_s"].append(await b.client_step(tab, day, n))
                    for target in sc["targets"][:1] if peer and big else sc["targets"]:
                        samples["click_s"].append(await b.click_place(tab, target["name"], target["lat"], target["lon"],
                                                                      None if peer else target["tooltip"]))
                    samples["errors"] += tab.errors + await b.page_errors(tab)
                except Exception as exc:  # a failed journey is a result, not a crash of the benchmark
                    samples["errors"].append(f"run {run}: {type(exc).__name__}: {str(exc)[:300]}")
                finally:
                    await tab.close()
                log(f"    run {run + 1}/{runs}: visible {samples['visible_s'][-1:]}, "
                    f"steps {samples['server_step_s'][-2:]}, "
                    f"clicks {samples['click_s'][-2:]}")
            await browser.close()
        memory = server.memory_mb()
    finally:
        server.stop()
    return {"first_visit_s": cold, **memory, "samples": samples,
            **{k: _median(v) for k, v in samples.items() if k != "errors"},
            "errors": len(samples["errors"]), "error_messages": samples["errors"][:10]}


def log(text: str) -> None:
    print(text, flush=True)


def environment() -> dict:
    chromium = subprocess.run([b.CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=ROOT).stdout.strip()
    return {"when": datetime.now().isoformat(timespec="seconds"), "cores": os.cpu_count(),
            "load_average": os.getloadavg(),
            "python": platform.python_version(), "chromium": chromium, "commit": commit}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="bundled,1000,5000,20000",
                        help="comma-separated: bundled and/or place counts")
    parser.add_argument("--runs", type=int, default=5, help="fresh browser sessions (and Python repeats) per size")
    parser.add_argument("--peer-runs", type=int, default=3,
                        help="at most this many for the naive page (fewer at 5k, 20k)")
    parser.add_argument("--quick", action="store_true", help="bundled and 1,000 places, 2 runs")
    parser.add_argument("--no-peer", action="store_true", help="measure only our page")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest", help="results path without extension")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # `finally` stops the servers started
    sizes = ["bundled", "1000"] if args.quick else [s.strip() for s in args.sizes.split(",") if s.strip()]
    runs = 2 if args.quick else args.runs
    from .report import write
    results = {"environment": environment(), "runs": runs, "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for size in sizes:
            started = time.monotonic()
            log(f"{size}: data package")
            data_dir = dataset(size, Path(tmp))
            cap = min(args.peer_runs, PEER_RUNS.get(int(size) if size.isdigit() else 0, runs), runs)
            log(f"{size}: Python side (load, filter, map build)")
            py, sc = python_measures(data_dir, runs, cap)
            entry = {"python": py, "scenario": sc}
            log(f"{size}: {py['places']} places; our page in the browser")
            sc["places"] = py["places"]
            entry["ours"] = asyncio.run(browser_measures("app.py", data_dir, sc, runs, False, log))
            if not args.no_peer:
                log(f"{size}: the naive page in the browser ({cap} runs)")
                entry["peer"] = asyncio.run(browser_measures("bench/peer_app.py", data_dir, sc, cap, True, log))
            if size == sizes[0]:
                log(f"{size}: the floor (a page with only a three-place map)")
                results["floor"] = asyncio.run(floor_measure(data_dir, runs, log))
            entry["seconds"] = time.monotonic() - started
            results["sizes"][size] = entry
            results["environment"]["load_average_end"] = os.getloadavg()
            write(results, args.out)  # after every size: a long run leaves partial results
            log(f"{size}: done in {entry['seconds']:.0f} s")
    log(f"wrote {args.out.with_suffix('.md')} and {args.out.with_suffix('.json')}")


if __name__ == "__main__":
    main()
