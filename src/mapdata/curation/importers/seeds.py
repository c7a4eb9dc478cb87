"""The seed files: IASH members, ANVITA and Städte Sicherer Häfen founders, the DOJ list, Certified Welcoming."""
from __future__ import annotations

from pathlib import Path

from mapdata.curation.importers.cells import _also, _country, _join, _place, _status, _urls, _us_state
from mapdata.curation.importers.collector import _Collector
from mapdata.curation.importers.labels import SSH
from mapdata.curation.importers.lists import _read_csv
from mapdata.curation.importers.places import _CONSOLIDATED
from mapdata.curation.importers.sources import _SEED_TITLES


def _seed_source(out: _Collector, field_value: str, **fixed: str) -> tuple[str, list[str]]:
    """Cite the first URL of a seed row; return (source key, further URLs)."""
    first, *others = _urls(field_value)
    return out.cite(first, _SEED_TITLES[first], **fixed), others


def import_iash(path: Path, out: _Collector) -> None:
    """IASH members (role member); per-city join dates are not on the page."""
    for row in _read_csv(path).to_dict("records"):
        country = _country(row["country_iso2"])
        place, admin1, kind, rename_note = _place(country, row["city_as_listed"])
        source, also = _seed_source(out, row["source_url"])
        out.add(place=place, country_code=country, admin1=admin1, kind=kind, fact="membership", network_id="iash",
                role="member", status="verified", source_id=source,
                note=_join(row["note"], f"network founded {row['network_founded']}", rename_note, _also(also)))


def _founders(path: Path, out: _Collector, network_id: str) -> None:
    for row in _read_csv(path).to_dict("records"):
        country = _country(row["country_iso2"])
        place, admin1, kind, rename_note = _place(country, row["city"])
        source, also = _seed_source(out, row["source_url"])
        out.add(place=place, country_code=country, admin1=admin1, kind=kind, fact="membership", network_id=network_id,
                role="founder", date=row["date"], status="verified", source_id=source,
                note=_join(row["event"], rename_note, _also(also)))


def import_anvita_founders(path: Path, out: _Collector) -> None:
    """ANVITA founding towns: role founder, charter adopted 2018-09-26."""
    _founders(path, out, "anvita")


def import_staedte_sicherer_haefen_founders(path: Path, out: _Collector) -> None:
    """First signatories of the Potsdamer Erklärung: founders of the Bündnis, 2019-06-14."""
    _founders(path, out, SSH)


def import_us_doj_2025(path: Path, out: _Collector) -> None:
    """DOJ sanctuary jurisdiction list: an adversarial federal designation (role designated), not a declaration.

    A consolidated city and county the list names twice (as 'San Francisco County' and 'San Francisco City') is
    one place and one designation: the second row is noted on the first."""
    seen: dict[tuple[str, str, str], dict] = {}
    for row in _read_csv(path).to_dict("records"):
        kind = {"state": "state", "county": "county", "city": ""}[row["level"]]
        state = _us_state(row["state"]) if row["state"] else row["name"]  # a state row is its own admin1
        place, admin1, _, rename_note = _place("US", row["name"], state)
        source, also = _seed_source(out, row["source_url"], kind="list", date="2025-08-05",
                                    publisher="U.S. Department of Justice",
                                    licence="public domain (US government work)")
        if ("US", row["name"]) in _CONSOLIDATED:
            kind = ""
        if (first := seen.get((place, admin1, kind))) is not None:
            first["note"] = _join(first["note"], f"the list also names it as '{row['name']}' ({row['level']}): one "
                                  "consolidated city and county, one place and one designation")
            continue
        out.add(place=place, country_code="US", admin1=admin1, kind=kind, fact="membership",
                network_id="us-doj-sanctuary-2025", role="designated", date=row["listed_on"], status="verified",
                source_id=source, note=_join(row["note"], rename_note, _also(also, "list text via")))
        seen[(place, admin1, kind)] = out.facts[-1]


def import_certified_welcoming(path: Path, out: _Collector) -> None:
    """Certified Welcoming places (date certified_on; the two inferred years are left empty)."""
    for row in _read_csv(path).to_dict("records"):
        place, admin1, kind, rename_note = _place("US", row["name"], _us_state(row["state"]))
        status, why = _status(row["note"])
        date = "" if status == "unverified" and "inferred" in row["note"] else row["certified_on"]
        date_note = f"file gives {row['certified_on']} but says it is inferred: date left empty" \
            if date != row["certified_on"] else ""
        source, also = _seed_source(out, row["source_url"])
        out.add(place=place, country_code="US", admin1=admin1, kind=kind, fact="membership",
                network_id="certified-welcoming", role="member", date=date, status=status, source_id=source,
                note=_join(row["note"], f"level: {row['level']}", date_note, rename_note, why, _also(also)))
