"""The benchmark's table: medians per size, our page against the naive peer, targets met or missed."""
from __future__ import annotations

import json
from pathlib import Path

PASS, MISS = "✅ met", "❌ missed"


def _s(v):
    return "—" if v is None else f"{v:.2f} s" if v < 10 else f"{v:.1f} s"


def _b(v):
    return "—" if v is None else f"{v:,.0f} B"


def _ratio(peer, ours):
    return "—" if not peer or not ours else f"{peer / ours:,.1f}×"


def _mark(value, limit, *, at_least=False):
    if value is None:
        return "not measured"
    ok = value >= limit if at_least else value <= limit
    return PASS if ok else MISS


def _seconds(name: str, value, limit: float):
    return name, _s(value), _mark(value, limit)


def targets(size: str, entry: dict) -> list[tuple[str, str, str]]:
    """(target, measured, mark) for the issue's targets that apply to this size."""
    py, ours, peer = entry["python"], entry.get("ours", {}), entry.get("peer", {})
    step, server_step = ours.get("client_step_s"), ours.get("server_step_s")
    per_place = py["ours"]["map_bytes_per_place"]
    if size == "bundled":
        return [_seconds("markers visible ≤ 2.5 s", ours.get("visible_s"), 2.5),
                _seconds("timeline step (in the map) ≤ 0.3 s", step, 0.3),
                _seconds("“As of” slider step (server) ≤ 0.3 s", server_step, 0.3),
                _seconds("click → panel ≤ 0.4 s", ours.get("click_s"), 0.4),
                ("map payload ≤ 150 B per place", _b(per_place), _mark(per_place, 150))]
    if size.isdigit() and int(size) >= 20000:
        step_ratio = peer["server_step_s"] / step if peer.get("server_step_s") and step else None
        bytes_ratio = py["peer"]["map_bytes_per_place"] / per_place
        return [_seconds("timeline step (in the map) ≤ 1 s", step, 1),
                _seconds("“As of” slider step (server) ≤ 1 s", server_step, 1),
                ("step ≥ 10× faster than the peer", "—" if step_ratio is None else f"{step_ratio:,.0f}×",
                 _mark(step_ratio, 10, at_least=True)),
                ("payload ≥ 5× smaller than the peer", f"{bytes_ratio:,.1f}×", _mark(bytes_ratio, 5, at_least=True))]
    return []


def size_table(size: str, entry: dict) -> list[str]:
    """One size: every measure, ours against the peer."""
    py, ours, peer = entry["python"], entry.get("ours", {}), entry.get("peer", {})
    po, pp = py["ours"], py["peer"]
    title = "Bundled atlas" if size == "bundled" else f"Synthetic atlas of {int(size):,} places"
    lines = [f"### {title}: {py['places']:,} places on the map, {py['facts']:,} facts", "",
             "| measure | ours | naive peer | peer ÷ ours |", "|---|---|---|---|"]

    def row(label, a, b="", ratio=""):
        lines.append(f"| {label} | {a} | {b} | {ratio} |")
    row("load and validate (fresh process; CPU)", f"{_s(py['load_s'])} ({_s(py['load_cpu_s'])})", "same loader")
    row("filter: every place (CPU)", f"{_s(py['filter_s'])} ({_s(py['filter_cpu_s'])})", "same query")
    row(f"filter: one network, {py['filter_network']} (CPU)",
        f"{_s(py['filter_network_s'])} ({_s(py['filter_network_cpu_s'])})", "same query")
    row("map build, as st_folium does it (CPU)", f"{_s(po['map_build_s'])} ({_s(po['map_build_cpu_s'])})",
        f"{_s(pp['map_build_s'])} ({_s(pp['map_build_cpu_s'])})", _ratio(pp["map_build_s"], po["map_build_s"]))
    row("map payload per place (script st_folium sends)", _b(po["map_bytes_per_place"]), _b(pp["map_bytes_per_place"]),
        _ratio(pp["map_bytes_per_place"], po["map_bytes_per_place"]))
    row("… of which the places' data (our JSON)", _b(po["data_bytes_per_place"]))
    n = py["places"]
    row("websocket bytes per place, first load until idle", _b(ours.get("ws_bytes") and ours["ws_bytes"] / n),
        _b(peer.get("ws_bytes") and peer["ws_bytes"] / n), _ratio(peer.get("ws_bytes"), ours.get("ws_bytes")))
    row("page load → markers visible", _s(ours.get("visible_s")), _s(peer.get("visible_s")),
        _ratio(peer.get("visible_s"), ours.get("visible_s")))
    row("first visit after server start (loads the atlas)", _s(ours.get("first_visit_s")),
        _s(peer.get("first_visit_s")))
    row("timeline step in the map (browser only) vs the peer's slider step", _s(ours.get("client_step_s")),
        _s(peer.get("server_step_s")), _ratio(peer.get("server_step_s"), ours.get("client_step_s")))
    row("“As of” slider step → map updated (server round trip)", _s(ours.get("server_step_s")),
        _s(peer.get("server_step_s")), _ratio(peer.get("server_step_s"), ours.get("server_step_s")))
    row("click → panel (ours) / popup (peer)", _s(ours.get("click_s")), _s(peer.get("click_s")),
        _ratio(peer.get("click_s"), ours.get("click_s")))
    row("server memory, peak RSS", f"{ours.get('peak_rss_mb', '—')} MB", f"{peer.get('peak_rss_mb', '—')} MB")
    def sessions(app):
        return f"{len(app.get('samples', {}).get('visible_s', []))} / {app.get('errors', '—')}"
    row("browser sessions measured / errors", sessions(ours), sessions(peer))
    return lines + [""]


def markdown(results: dict) -> str:
    env = results["environment"]
    load = ", ".join(f"{x:.1f}" for x in env["load_average"])
    lines = ["# Benchmark results", "",
             f"{env['when']} · commit {env['commit']} · {env['cores']} cores · load average at start {load}"
             + (f", at end {', '.join(f'{x:.1f}' for x in env['load_average_end'])}"
                if "load_average_end" in env else "")
             + f" · Python {env['python']} · {env['chromium']} · medians of {results['runs']} runs (fewer for the "
             "naive page at 5,000 and 20,000 places)", "",
             "Times are wall-clock on a shared machine; CPU seconds in brackets where Python measures them.", ""]
    if "floor" in results:
        lines += [f"Floor: a page with nothing but our map of three places shows its markers in "
                  f"{_s(results['floor']['visible_s'])} (median): no map page here loads faster.", ""]
    lines += ["## Targets", "", "| size | target | measured | |", "|---|---|---|---|"]
    for size, entry in results["sizes"].items():
        for target, measured, mark in targets(size, entry):
            lines.append(f"| {size} | {target} | {measured} | {mark} |")
    lines += ["", "## Per size", ""]
    for size, entry in results["sizes"].items():
        lines += size_table(size, entry)
        errors = entry.get("ours", {}).get("error_messages", []) + entry.get("peer", {}).get("error_messages", [])
        if errors:
            lines += ["Errors seen:", *[f"- {e}" for e in errors], ""]
    return "\n".join(lines)


def write(results: dict, out: Path) -> None:
    """latest.md and latest.json next to each other."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    out.with_suffix(".md").write_text(markdown(results), encoding="utf-8")
