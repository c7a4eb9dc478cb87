"""The hand-transcribed lists (common columns: place, country, network_or_label, date, url, note)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from mapdata.curation.importers.cells import (
    _admin1,
    _also,
    _country,
    _german_place,
    _join,
    _place,
    _quote,
    _status,
    _urls,
)
from mapdata.curation.importers.collector import _Collector
from mapdata.curation.importers.labels import (
    _ANVITA_LABELS,
    _ARTICLE,
    _AT_LABELS,
    _BW_LABELS,
    _CA_LABELS,
    _CH_LABELS,
    _DATE_TO_NOTE,
    _DE_LABELS,
    _ES_LABELS,
    _ICC_LABELS,
    _ICORN_LABELS,
    _MMC_LABELS,
    _NDS_LABELS,
    _NL_LABELS,
    _SOLIDARITY_LABELS,
    _UK_LABELS,
    _WA_LABELS,
    ICC_ITALY,
    ICC_STRAND2,
    Spec,
)
from mapdata.curation.importers.places import _AMBIGUOUS


def _read_csv(path: Path, **kwargs) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, **kwargs)


def _list_file(path: Path, out: _Collector, labels: dict, *, name=lambda n: n, extra_note=lambda row: "") -> None:
    """Map every row of a hand-transcribed list through `labels` (label -> tuple of Spec)."""
    for row in _read_csv(path).to_dict("records"):
        specs = labels[row["network_or_label"]]
        for spec in specs:
            _list_fact(path.name, row, spec, out, name(row["name"]), extra_note(row))


def _list_fact(file: str, row: dict, spec: Spec, out: _Collector, name: str, extra_note: str) -> None:
    country = _country(row["country_iso2"])
    place, admin1, kind, rename_note = _place(country, name, _admin1(country, row["admin_area"]))
    date, date_note = row["date"], ""
    if (reason := _DATE_TO_NOTE.get((file, row["name"], date))) is not None:
        date, date_note = "", f"as_of={row['date']} ({reason})" if reason == _ARTICLE else f"{row['date']}: {reason}"
    status, why = _status(row["note"], _AMBIGUOUS.get((country, place), ""))
    first, *others = _urls(row["source_url"])
    out.add(
        row_title=row["source_title"],
        place=place, country_code=country, admin1=admin1, kind=kind, fact=spec.fact,
        network_id=spec.network_id, role=spec.role, label=spec.label, policy_type=spec.policy_type,
        title=spec.title, description=row["network_or_label"],
        date=date, body=spec.body, outcome=spec.outcome, status=status,
        source_id=out.cite(first, row["source_title"]), quote=_quote(row["note"]),
        note=_join(row["note"], extra_note, date_note, rename_note, why, _also(others)),
    )


def _nds_snapshot(row: dict) -> str:
    """as_of of the Flüchtlingsrat Niedersachsen snapshot a row was read from."""
    text = row["source_title"] + " " + row["note"]
    for marker, as_of in (("[März 2022]", "2022-03"), ("Stand: 15. Juni 2020", "2020-06-15"),
                          ("Stand: Februar 2021", "2021-02")):
        if marker in text:
            return f"as_of={as_of}"
    return ""


def import_sichere_haefen_niedersachsen(path: Path, out: _Collector) -> None:
    """Flüchtlingsrat/Filiz Polat lists of Sichere Häfen (listed) and Bündnis members (member)."""
    _list_file(path, out, _NDS_LABELS, name=_german_place, extra_note=_nds_snapshot)


def import_sichere_haefen_baden_wuerttemberg(path: Path, out: _Collector) -> None:
    """AK Asyl Vaihingen list of BW Sichere Häfen (listed) plus three dated BW rows."""
    _list_file(path, out, _BW_LABELS, name=_german_place)


def import_safe_harbour_decisions_de(path: Path, out: _Collector) -> None:
    """German council decisions: declarations (incl. rejections, a revocation), Bündnis joins, policies."""
    _list_file(path, out, _DE_LABELS)


def import_switzerland(path: Path, out: _Collector) -> None:
    """Swiss municipalities declaring readiness to admit refugees (2020): 'Willing to Admit'."""
    _list_file(path, out, _CH_LABELS)


def import_austria(path: Path, out: _Collector) -> None:
    """Austrian mayors' pledges and council resolutions (2020/21): 'Willing to Admit'."""
    _list_file(path, out, _AT_LABELS)


def import_netherlands(path: Path, out: _Collector) -> None:
    """Dutch municipalities willing to take children from Greek camps (2020): 'Willing to Admit'."""
    _list_file(path, out, _NL_LABELS)


def import_canada(path: Path, out: _Collector) -> None:
    """Canadian Sanctuary City declarations; 'considering' rows are proposed declarations."""
    _list_file(path, out, _CA_LABELS)


def import_city_of_sanctuary_uk(path: Path, out: _Collector) -> None:
    """UK council motions (declarations) and City/Council of Sanctuary recognitions (memberships)."""
    _list_file(path, out, _UK_LABELS)


def import_anvita_extra(path: Path, out: _Collector) -> None:
    """ANVITA adhesions beyond the founders; Vitry's undecided adhesion is a proposed declaration."""
    _list_file(path, out, _ANVITA_LABELS)


def import_icorn(path: Path, out: _Collector) -> None:
    """ICORN cities of refuge."""
    _list_file(path, out, _ICORN_LABELS)


def import_intercultural_cities(path: Path, out: _Collector) -> None:
    """ICC pilot cities and members; EUROCITIES strand 2 (2008) and the Italian ICC network are their own networks."""
    _list_file(path, out, _ICC_LABELS)
    strand2 = "http://www.culturelink.org/news/publics/2009/publication2009-008.html"
    italy = "http://www.coe.int/t/dg4/cultureheritage/culture/cities/Newsletter/newsletter11/newsletter11_en.asp"
    out.networks += [
        dict(network_id=ICC_STRAND2, name="Intercultural Cities programme – EUROCITIES strand 2 "
             "'awareness and exchange' (2008)", short_name="ICC EUROCITIES strand 2008", kind="campaign",
             scope="transnational", founded="2008",
             description="Exchange strand run by EUROCITIES for 23 cities in the European Year of Intercultural "
             "Dialogue 2008, part of the joint Council of Europe/EU Intercultural Cities programme; "
             "participation, not membership of the Intercultural Cities network", url=strand2, source_id=strand2),
        dict(network_id=ICC_ITALY, name="Italian national network of Intercultural Cities", short_name="ICC Italy",
             kind="network", scope="national", founded="",
             description="First national network of Council of Europe Intercultural Cities; its foundations were "
             "laid at a meeting in Reggio Emilia on 22 May 2010 (ICC Newsletter 11, July 2010)",
             url=italy, source_id=italy),
    ]


def import_solidarity_cities(path: Path, out: _Collector) -> None:
    """Solidarity Cities (EUROCITIES) members with mayors' testimonials; Athens as initiator."""
    _list_file(path, out, _SOLIDARITY_LABELS)


def import_spain_ciudades_refugio(path: Path, out: _Collector) -> None:
    """Red de Ciudades Refugio 2015: mayors at the coordination meeting are founders, the rest members."""
    _list_file(path, out, _ES_LABELS)


def import_mayors_migration_council(path: Path, out: _Collector) -> None:
    """MMC Leadership Board cities (role board); the former mayor of Athens is skipped."""
    _list_file(path, out, _MMC_LABELS)


def import_welcoming_america(path: Path, out: _Collector) -> None:
    """Welcoming America network joins, listings and 2015 campaign early acceptors."""
    _list_file(path, out, _WA_LABELS)
