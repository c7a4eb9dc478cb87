"""The data package descriptor (`data/datapackage.json`): fields, vocabularies and credits in one place."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mapdata.paths import DATA_DIR

DESCRIPTOR = "datapackage.json"


@dataclass(frozen=True)
class Field:
    """One column of a table, with its Table Schema constraints."""

    name: str
    type: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    derived: bool = False  # written by the build from other columns (`known_by`): a package may leave it out


@dataclass(frozen=True)
class Resource:
    """One table of the package."""

    name: str
    path: str
    fields: tuple[Field, ...]
    foreign_keys: tuple[tuple[str, str, str], ...]  # (field, resource, field)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


@cache
def descriptor(data_dir: Path = DATA_DIR) -> dict:
    """The parsed datapackage.json."""
    return json.loads((Path(data_dir) / DESCRIPTOR).read_text(encoding="utf-8"))


def _field(spec: dict) -> Field:
    c = spec.get("constraints", {})
    return Field(spec["name"], spec.get("type", "string"), c.get("required", False), c.get("unique", False),
                 tuple(c.get("enum", ())), c.get("pattern"), c.get("minimum"), c.get("maximum"),
                 spec.get("derived", False))


@cache
def resources(data_dir: Path = DATA_DIR) -> dict[str, Resource]:
    """Every table of the package by name."""
    out = {}
    for res in descriptor(Path(data_dir))["resources"]:
        schema = res["schema"]
        fks = tuple((fk["fields"][0], fk["reference"]["resource"], fk["reference"]["fields"][0])
                    for fk in schema.get("foreignKeys", ()))
        out[res["name"]] = Resource(res["name"], res["path"], tuple(map(_field, schema["fields"])), fks)
    return out


def vocabulary(resource: str, field: str, data_dir: Path = DATA_DIR) -> tuple[str, ...]:
    """The allowed terms of a field."""
    return next(f.enum for f in resources(Path(data_dir))[resource].fields if f.name == field)
