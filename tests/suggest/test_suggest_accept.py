"""An accepted suggestion in the curation files: the fact with its source and quote, verified only when ticked."""
from __future__ import annotations

import csv

from suggest_cases import DECLARATION, MEMBERSHIP

from mapdata.suggest.accept import FACT_COLUMNS, SOURCE_COLUMNS, write_accepted


def _read(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_accepting_writes_the_fact_and_its_source(sqlite_store, tmp_path):
    ref = sqlite_store.submit(MEMBERSHIP)
    s = sqlite_store.decide(ref, curator="Ana", action="accept", verified=False)
    write_accepted(s, verified=False, data_dir=tmp_path)
    write_accepted(s, verified=False, data_dir=tmp_path)  # once per ref
    facts = _read(tmp_path / "curation" / "facts_suggestions.csv")
    sources = _read(tmp_path / "curation" / "sources_suggestions.csv")
    assert list(facts[0]) == FACT_COLUMNS and list(sources[0]) == SOURCE_COLUMNS
    (fact,) = facts
    (source,) = sources
    assert fact["place"] == "Weyhe" and fact["network_id"] == "seebruecke-safe-harbours" and fact["date"] == "2020-03"
    assert fact["status"] == "unverified" and fact["quote"] == "Weyhe ist Sicherer Hafen"
    assert fact["source_id"] == source["source_id"] and source["url"] == MEMBERSHIP["source_url"]
    assert fact["note"].startswith(f"suggestion={ref} ") and "reader@example.org" not in str(facts + sources)


def test_verified_only_when_ticked_and_a_held_source_is_cited(sqlite_store, tmp_path):
    curation = tmp_path / "curation"
    curation.mkdir()
    (curation / "sources_held.csv").write_text(",".join(SOURCE_COLUMNS) + "\n"
                                               "palermo-page,Palermo,,,,https://example.org/palermo/,web_page,\n")
    ref = sqlite_store.submit(DECLARATION)
    s = sqlite_store.decide(ref, curator="Ana", action="accept", verified=True)
    row = write_accepted(s, verified=True, data_dir=tmp_path)
    assert row["status"] == "verified" and row["source_id"] == "palermo-page" and row["label"] == "City of Refuge"
    assert not (curation / "sources_suggestions.csv").exists()


def test_the_refs_a_package_holds_are_read_from_its_notes():
    import pandas as pd

    from mapdata.suggest.accept import refs_in_package
    facts = pd.DataFrame({"note": ["suggestion=AbC-d_efgh1234 (sent by a reader, accepted by a curator); x",
                                   "as_of=2020", "suggestion=short "]})
    assert refs_in_package(facts) == {"AbC-d_efgh1234"}
