"""House style: ruff finds nothing (pyproject.toml: lines within 120 characters, E, F, W, I), and the docstrings
of `src/mapdata` mark code with Markdown backticks, not reStructuredText's double ones."""
from __future__ import annotations

import ast
import subprocess
import sys

from helpers import ROOT

SRC = ROOT / "src" / "mapdata"
DOCUMENTED = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def test_ruff_finds_nothing():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", str(ROOT)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_docstrings_use_markdown_backticks():
    rst = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            doc = ast.get_docstring(node, clean=False) if isinstance(node, DOCUMENTED) else None
            if doc and "``" in doc:
                rst.append(f"{path.relative_to(ROOT)}: {getattr(node, 'name', 'module docstring')}")
    assert not rst, "``x`` in docstrings (write `x`):\n" + "\n".join(rst)
