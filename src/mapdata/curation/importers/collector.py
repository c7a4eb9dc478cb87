"""The collector: facts, sources, places and networks gathered from every list, one source row per URL."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from mapdata.curation.columns import FACT_COLUMNS, NETWORK_COLUMNS, PLACE_COLUMNS, SOURCE_COLUMNS
from mapdata.curation.importers.cells import (
    _join,
    _publisher,
    _source_kind,
    _source_slug,
    _title_date,
    _unique,
    _url_date,
)
from mapdata.curation.importers.places import _PLACES, _US_CAPITALS
from mapdata.curation.importers.sources import _STATED_DATES


@dataclass
class _Source:
    kind: str
    titles: list[str] = field(default_factory=list)
    fixed: dict = field(default_factory=dict)


class _Collector:
    """Accumulates facts, sources, places and networks; sources are keyed by URL until the end."""

    def __init__(self) -> None:
        self.facts: list[dict] = []
        self.networks: list[dict] = []
        self._sources: dict[str, _Source] = {}
        self._places: dict[tuple, dict] = {}
        self._row_titles: list[str] = []
        self._held: dict[str, str] = {}  # URL -> source_id of a source another curation file already holds

    def cite(self, url: str, title: str, kind: str = "", **fixed: str) -> str:
        """Register a source by URL and return the URL (replaced by the slug at the end)."""
        source = self._sources.setdefault(url, _Source(kind or _source_kind(url)))
        source.titles.append(title)
        source.fixed.update(fixed)
        return url

    def refer(self, url: str, source_id: str) -> str:
        """Cite a source another curation file already holds (by its `source_id`): no second row for its URL."""
        self._held[url] = source_id
        return url

    def add(self, row_title: str = "", **values: str) -> None:
        """Add one fact row; `row_title` is the page title the row was read from (noted if it differs
        from the title chosen for its source). Unknown columns are an error."""
        unknown = set(values) - set(FACT_COLUMNS)
        if unknown:
            raise KeyError(f"not fact columns: {sorted(unknown)}")
        self.facts.append({column: values.get(column, "") or "" for column in FACT_COLUMNS})
        self._row_titles.append(row_title)

    def place(self, **values) -> None:
        """Add a places row; later rows only fill empty cells of an existing key."""
        key = (values["place"], values["country_code"], values.get("admin1", ""))
        row = self._places.setdefault(key, {column: "" for column in PLACE_COLUMNS})
        for column, value in values.items():
            if value not in ("", None) and row[column] == "":
                row[column] = str(value)

    def frames(self) -> dict[str, pd.DataFrame]:
        """Resolve source slugs, add places rows for non-municipal places, return DataFrames."""
        slugs = self._source_rows()
        facts = pd.DataFrame(self.facts, columns=FACT_COLUMNS)
        for i, (url, row_title) in enumerate(zip(facts["source_id"], self._row_titles)):
            if row_title and url in slugs and row_title != slugs[url]["title"]:
                facts.loc[i, "note"] = _join(facts.loc[i, "note"], f"page version: {row_title}")
        facts["source_id"] = facts["source_id"].map(lambda url: slugs[url]["source_id"] if url in slugs
                                                    else self._held[url])
        for fact in facts.itertuples():
            self._seat_row(fact.place, fact.country_code, fact.admin1, fact.kind)
        networks = pd.DataFrame(self.networks, columns=NETWORK_COLUMNS)
        networks["source_id"] = networks["source_id"].map(lambda url: slugs[url]["source_id"] if url else "")
        return {
            "facts": facts,
            "sources": pd.DataFrame(list(slugs.values()), columns=SOURCE_COLUMNS),
            "places": pd.DataFrame(list(self._places.values()), columns=PLACE_COLUMNS),
            "networks": networks,
        }

    def _seat_row(self, place: str, country: str, admin1: str, kind: str) -> None:
        known = _PLACES.get((country, place))
        if kind == "state" and country == "US":
            known = ("state", _US_CAPITALS.get(place, ""))
        if known is None:
            if kind:
                self.place(place=place, country_code=country, admin1=admin1, kind=kind)
            return
        seat = known[1]
        where = dict(lat=seat[0], lon=seat[1], note="approximate coordinates (general knowledge)") \
            if isinstance(seat, tuple) else dict(seat=seat)
        self.place(place=place, country_code=country, admin1=admin1, kind=known[0], **where)

    def _source_rows(self) -> dict[str, dict]:
        """One row per URL: the commonest title, and the date the page's URL, that title or a held file states
        for it (`_STATED_DATES`). The id keeps the year it was first made with (from the URL or titles only)."""
        rows: dict[str, dict] = {}
        taken: set[str] = set()
        for url, source in self._sources.items():
            title = Counter(source.titles).most_common(1)[0][0]
            dates = {_title_date(t) for t in source.titles} - {""}
            row = dict(
                title=title, author="", publisher=_publisher(title),
                date=_url_date(url) or (dates.pop() if len(dates) == 1 else ""),
                url=url, kind=source.kind, licence="",
            )
            row.update(source.fixed)
            row["source_id"] = _unique(row.get("source_id") or _source_slug(url, title, row["date"]), url, taken)
            row["date"] = source.fixed.get("date") or _STATED_DATES.get(url, ("",))[0] or row["date"] \
                or _title_date(title)
            rows[url] = row
        self._bound_versions(rows)
        return rows

    def _bound_versions(self, rows: dict[str, dict]) -> None:
        """A fact read from a stored version of a page whose title carries another date than the page's row (the
        ICORN homepage's 'news of 08 August 2014') is bounded by its version's date: `as_of=` in its note."""
        for fact, row_title in zip(self.facts, self._row_titles):
            row = rows.get(fact["source_id"])
            version = _title_date(row_title) if row and row_title != row["title"] else ""
            if version and not row["date"].startswith(version) and "as_of=" not in fact["note"]:
                fact["note"] = _join(fact["note"], f"as_of={version} (the date of the stored version the row was "
                                                   "read from, in its title)")
