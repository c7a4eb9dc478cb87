"""Facts found with the search tool (`data/curation/facts_search.csv`): each cites a source in
`sources_search.csv` whose stored page `sources/pages/<source_id>.txt` exists, carries the source's URL on its
`url:` line, and holds the fact's verbatim quote (whitespace folded)."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CURATION = ROOT / "data" / "curation"
PAGES = ROOT / "sources" / "pages"
HEADER = ("url:", "title:", "retrieved:", "publisher:", "published:")


def _rows(name: str) -> list[dict[str, str]]:
    with open(CURATION / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


FACTS = _rows("facts_search.csv")
SOURCES = {row["source_id"]: row for row in _rows("sources_search.csv")}


def _page(source_id: str) -> tuple[dict[str, str], str]:
    lines = (PAGES / f"{source_id}.txt").read_text(encoding="utf-8").split("\n")
    head = {}
    for line, key in zip(lines, HEADER):
        assert line.startswith(key), f"{source_id}: line {line!r} should start with {key!r}"
        head[key[:-1]] = line[len(key):].strip()
    assert lines[len(HEADER)] == "", f"{source_id}: a blank line follows the header"
    return head, "\n".join(lines[len(HEADER) + 1:])


def test_there_are_search_facts():
    assert FACTS


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f"{f['place']}-{f['fact']}-{f['source_id']}")
def test_fact_cites_a_stored_page_holding_its_quote(fact):
    assert fact["status"] == "verified"
    source = SOURCES.get(fact["source_id"])
    assert source is not None, f"{fact['source_id']} is not in sources_search.csv"
    assert (PAGES / f"{fact['source_id']}.txt").is_file()
    head, text = _page(fact["source_id"])
    assert head["url"] == source["url"]
    assert fact["quote"].strip(), "a search fact carries a quote"
    assert _fold(fact["quote"]) in _fold(text)


@pytest.mark.parametrize("source_id", sorted(SOURCES))
def test_every_search_source_has_its_page(source_id):
    head, text = _page(source_id)
    assert head["url"] == SOURCES[source_id]["url"]
    assert head["retrieved"]
    assert text.strip()
