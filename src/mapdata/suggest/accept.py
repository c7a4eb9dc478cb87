"""An accepted suggestion written where the build reads it: the fact to `facts_suggestions.csv`, its source to
`sources_suggestions.csv` (an existing source with the same address is cited instead), in the formats of
`data/curation/README.md`. Status `verified` only when the curator ticked that the source states the fact."""
from __future__ import annotations

import csv
import re
import threading
from pathlib import Path

from mapdata.paths import CURATION, DATA_DIR
from mapdata.suggest.models import Suggestion

FACT_COLUMNS = ["place", "country_code", "admin1", "kind", "fact", "network_id", "label", "policy_type", "role",
                "title", "description", "date", "end", "end_reason", "body", "outcome", "status", "source_id",
                "quote", "note"]
SOURCE_COLUMNS = ["source_id", "title", "author", "publisher", "date", "url", "kind", "licence"]
FACTS_FILE = "facts_suggestions.csv"
SOURCES_FILE = "sources_suggestions.csv"
_lock = threading.Lock()


def _rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _append(path: Path, columns: list[str], row: dict) -> None:
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        if new:
            writer.writeheader()
        writer.writerow({c: row.get(c, "") for c in columns})


def source_for(s: Suggestion, curation: Path) -> tuple[str, dict | None]:
    """(source_id, the new source row or None when a held source has the same address)."""
    url = s.source_url.strip()
    for path in sorted(curation.glob("sources_*.csv")):
        for row in _rows(path):
            if row.get("url", "").strip().rstrip("/") == url.rstrip("/"):
                return row["source_id"], None
    source_id = "suggestion-" + re.sub(r"[^a-z0-9]+", "-", s.ref.lower()).strip("-")
    return source_id, {"source_id": source_id, "title": s.source_title or url, "url": url, "kind": "web_page"}


def fact_row(s: Suggestion, source_id: str, verified: bool) -> dict:
    note = f"suggestion={s.ref} (sent by a reader, accepted by a curator)"
    return {"place": s.place, "country_code": s.country_code, "admin1": s.admin1, "fact": s.fact,
            "network_id": s.network_id, "label": s.label, "policy_type": s.policy_type,
            "role": s.role or ("member" if s.fact == "membership" else ""), "title": s.title,
            "description": s.description, "date": s.date, "end": s.end, "body": s.body,
            "outcome": s.outcome or ("adopted" if s.fact != "membership" else ""),
            "status": "verified" if verified else "unverified", "source_id": source_id, "quote": s.quote,
            "note": f"{note}; {s.note}" if s.note else note}


def write_accepted(s: Suggestion, *, verified: bool, data_dir: Path = DATA_DIR) -> dict:
    """Append the fact (and its source when new) to the curation files; the fact row. Idempotent per ref."""
    curation = Path(data_dir) / CURATION
    curation.mkdir(parents=True, exist_ok=True)
    with _lock:
        facts = curation / FACTS_FILE
        for row in _rows(facts):
            if row.get("note", "").startswith(f"suggestion={s.ref} "):
                return row
        source_id, source = source_for(s, curation)
        if source is not None:
            _append(curation / SOURCES_FILE, SOURCE_COLUMNS, source)
        row = fact_row(s, source_id, verified)
        _append(facts, FACT_COLUMNS, row)
        return row


_NOTE_REF = re.compile(r"suggestion=([A-Za-z0-9_-]{8,32}) ")


def refs_in_package(facts) -> set[str]:
    """The refs of the accepted suggestions a built package holds (read from its facts' notes)."""
    return {m for note in facts["note"].astype(str) for m in _NOTE_REF.findall(note)}
