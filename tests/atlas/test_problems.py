"""Every problem type the loader and the upload write is in the catalogue, so a reader can look each one up."""
from __future__ import annotations

import ast

from helpers import ROOT
from mapdata.atlas.problems import TYPES


def _types() -> set[str]:
    """The type of every `Problem(file, row, field, value, type, ...)` written, and every `return type, message`
    of a cell check."""
    found = set()
    for folder in ("atlas", "upload"):
        for path in (ROOT / "src" / "mapdata" / folder).glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Problem" and len(node.args) > 4
                        and isinstance(node.args[4], ast.Constant)):
                    found.add(node.args[4].value)
                elif (isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple)
                      and len(node.value.elts) == 2 and isinstance(node.value.elts[0], ast.Constant)
                      and isinstance(node.value.elts[1], ast.JoinedStr)):
                    found.add(node.value.elts[0].value)
    return found


def test_every_problem_type_is_in_the_catalogue():
    found = _types()
    assert {"missing-column", "date", "reference", "wrong-country", "ambiguous", "vocabulary"} <= found  # it reads them
    assert found - set(TYPES) == set()
