"""The house rules of `src/mapdata`, read from the import statements (an AST walk, nothing imported).

Data flows one way: ui → export → render → view → atlas → geo; the side entrances upload (→ atlas, geo),
suggest (readers' suggestions: the store and its validation, → atlas, geo; ui imports it) and curation
(→ geo, atlas); the leaves (dates, text, paths, words) import no other part. Only `ui/` imports Streamlit, and the app
(app.py, app_pages/) never reaches the curation toolchain.
"""
from __future__ import annotations

import ast

import pytest

from helpers import ROOT

SRC = ROOT / "src" / "mapdata"
LEAVES = {"dates", "text", "paths", "words"}
MAY_IMPORT = {
    "geo": set(),
    "atlas": {"geo"},
    "view": {"atlas", "geo"},
    "render": {"view", "atlas", "geo"},
    "export": {"render", "view", "atlas", "geo"},
    "upload": {"atlas", "geo"},
    "curation": {"atlas", "geo"},
    "suggest": {"atlas", "geo"},
    "ui": {"export", "render", "view", "atlas", "geo", "upload", "suggest"},
}


def imports(source: str) -> list[tuple[int, str]]:
    """Every module a source imports (absolute names), with its line."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.lineno, node.module))
            out += [(node.lineno, f"{node.module}.{a.name}") for a in node.names if node.module == "mapdata"]
    return out


def part(module: str) -> str | None:
    """'mapdata.render.mapview' -> 'render'; None outside mapdata."""
    bits = module.split(".")
    return bits[1] if bits[0] == "mapdata" and len(bits) > 1 else None


def violations(files: dict[str, str]) -> list[str]:
    """The broken rules in {path relative to src/mapdata: source}."""
    found = []
    for rel, source in files.items():
        here = rel.split("/")[0].removesuffix(".py")
        for line, module in imports(source):
            where = f"{rel}:{line} imports {module}"
            if module.split(".")[0] == "streamlit" and here != "ui":
                found.append(f"{where}: only ui/ imports Streamlit")
            there = part(module)
            if there is None or there == here or here in ("__init__", "__main__") or there in LEAVES:
                continue
            if here in LEAVES:
                found.append(f"{where}: a leaf imports no other part of mapdata")
            elif there not in MAY_IMPORT.get(here, set()):
                found.append(f"{where}: {here} may import only {sorted(MAY_IMPORT.get(here, set()))} and the leaves")
    return found


def package_files() -> dict[str, str]:
    return {p.relative_to(SRC).as_posix(): p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")}


def test_every_import_follows_the_flow():
    assert violations(package_files()) == []


@pytest.mark.parametrize("rel,source,rule", [
    ("view/query.py", "import streamlit as st\n", "only ui/ imports Streamlit"),
    ("atlas/model.py", "from mapdata.view.query import View\n", "atlas may import only ['geo']"),
    ("geo/countries.py", "from mapdata.render import mapview\n", "geo may import only []"),
    ("upload/read.py", "from mapdata.ui import data\n", "upload may import only"),
    ("text.py", "from mapdata.atlas.model import Atlas\n", "a leaf imports no other part"),
    ("render/charts.py", "from mapdata import ui\n", "render may import only"),
])
def test_a_forbidden_import_is_caught(rel, source, rule):
    assert any(rule in v for v in violations({rel: source}))


def _reach(module: str, files: dict[str, str], seen: set[str]) -> set[str]:
    """Every mapdata module `module` imports, directly or not."""
    for candidate in (module.replace(".", "/") + ".py", module.replace(".", "/") + "/__init__.py"):
        rel = candidate.removeprefix("mapdata/")
        if rel in files and module not in seen:
            seen.add(module)
            for _, imported in imports(files[rel]):
                if imported.startswith("mapdata"):
                    _reach(imported, files, seen)
                    _reach(imported.rsplit(".", 1)[0], files, seen)
    return seen


def test_the_app_never_reaches_the_curation_toolchain():
    files = package_files()
    app = [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py"))]
    reached = set()
    for page in app:
        for _, module in imports(page.read_text(encoding="utf-8")):
            if module.startswith("mapdata"):
                reached |= _reach(module, files, set())
    assert "mapdata.ui.data" in reached  # the walk follows the app's imports
    assert sorted(m for m in reached if part(m) == "curation") == []


def test_no_module_is_longer_than_400_lines():
    long = {rel: n for rel, source in package_files().items() if (n := source.count("\n")) > 400}
    assert long == {}


def test_tests_import_no_other_test_module():
    for path in sorted((ROOT / "tests").rglob("*.py")):
        bad = [m for _, m in imports(path.read_text(encoding="utf-8")) if m.split(".")[0] in ("conftest",)
               or m.split(".")[0].startswith("test_")]
        assert bad == [], path.name
