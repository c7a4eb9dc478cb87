"""The accept path end to end: a suggestion accepted, the build run, the fact in the package with its source."""
from __future__ import annotations

import shutil

from suggest_cases import MEMBERSHIP

from helpers import ROOT
from mapdata.suggest.accept import write_accepted

OSNABRUECK = {**MEMBERSHIP, "place": "Osnabrück", "admin1": "Niedersachsen",
              "source_url": "https://example.org/osnabrueck-sicherer-hafen"}


def test_an_accepted_suggestion_reaches_the_package(sqlite_store, tmp_path):
    from mapdata import load_atlas
    from mapdata.curation.build import build
    (tmp_path / "curation").mkdir()
    for pattern in ("networks_*.csv", "sources_*.csv"):
        for path in (ROOT / "data" / "curation").glob(pattern):
            if path.name != "sources_suggestions.csv":
                shutil.copy(path, tmp_path / "curation" / path.name)
    for name in ("datapackage.json", "vocabularies.csv"):
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    ref = sqlite_store.submit(OSNABRUECK)
    accepted = sqlite_store.decide(ref, curator="Ana", action="accept", verified=True)
    row = write_accepted(accepted, verified=True, data_dir=tmp_path)
    counts = build(tmp_path)
    assert counts["memberships"] == 1 and counts["unplaced"] == 0
    atlas = load_atlas(tmp_path)
    (fact,) = atlas.memberships.to_dict("records")
    assert atlas.places.at[fact["city_id"], "name"] == "Osnabrück"
    assert fact["network_id"] == "seebruecke-safe-harbours" and fact["start"] == "2020-03"
    assert fact["status"] == "verified" and fact["quote"] == MEMBERSHIP["quote"]
    assert fact["source_id"] == row["source_id"]
    assert atlas.sources.at[row["source_id"], "url"] == OSNABRUECK["source_url"]
    assert ref in fact["note"]
