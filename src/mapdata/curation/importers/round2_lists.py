"""The importers of the 15 round 2 lists, and what some of their rows do to other facts.

* An exit (ICORN) ends its membership (`end`, `end_reason`); a hostile designation is a `designated` membership of
  its own designation network (`NETWORKS2`), ended when the list itself was withdrawn (`DESIGNATION_ENDS`).
* A reversal (`ended (...)`, a partial rollback) ends the same place's earlier non-cooperation policies.
* A pre-emption law (`pre-emption (...)`: Texas SB 4, North Carolina HB 318, Mississippi SB 2710 ...) is a
  documented gap on the state; from its date it ends the non-cooperation policies of that state's localities
  that started before it (their start, or the `as_of=` bound of an undated one, lies before the law). An undated
  law (Iowa SF 481) ends nothing; the local policies it forbids say so in their note.
* Known conflicts keep both dates, each with its own source: Stuttgart and Chicago come as two rows of the lists;
  Washington's second date is the stored page the list names (`_SECOND_DATES`). North Carolina's other dates are
  on pages not held here (hcpress.com, wncvotetracker.org): they stay in the row's note.
"""
from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from mapdata.curation.importers import labels2_eu as eu
from mapdata.curation.importers import labels2_na as na
from mapdata.curation.importers.cells import _join
from mapdata.curation.importers.collector import _Collector
from mapdata.curation.importers.labels2 import DESIGNATION_ENDS, NETWORKS2, NONCOOP, noncoop
from mapdata.curation.importers.round2 import _fact, import_round2
from mapdata.dates import first_day, last_day

_AS_OF = re.compile(r"as_of=(\d{4}(?:-\d{2}){0,2})")
# URLs another curation file already holds as a source: cited by that id, never a second source row.
_HELD = {
    "https://chicago.legistar.com/LegislationDetail.aspx?FullText=1&GUID=777662B3-722B-4E76-B6F3-F4FD56111553"
    "&ID=2483106": "chicago-r-2015-welcoming-city",  # data/curation/sources_unverified_north_america.csv
}
# The other date of a known conflict, from the stored copy of the page the list's row names.
_WA_ORDER = ("self-declared (governor): Executive Order 17-01 – state agencies not to use resources to enforce "
             "federal civil immigration law, no registry, no status inquiries")
_SECOND_DATES = [
    dict(name="Washington", country_iso2="US", admin_area="Washington", network_or_label=_WA_ORDER,
         date="2017-02-24", date_precision="day",
         source_url="http://www.peninsuladailynews.com/politics/governors-order-limits-state-agencies-enforcing-"
                    "immigration-laws/",
         source_title="Peninsula Daily News (WNPA Olympia News Bureau): Governor’s order limits state agencies "
                      "enforcing immigration laws",
         note='quote="With the governor’s order, which was signed Feb. 24, Washington state agencies are prohibited '
              'from demanding documents regarding a person’s immigration status or religion"; the other date of '
              "the conflict list2_us_state_laws.csv notes (the governor's office and kentreporter.com give "
              "2017-02-23); the year is the order's number, Executive Order 17-01, on the same page"),
]


def _import(path: Path, out: _Collector, table: dict) -> list:
    return import_round2(path, out, table, _HELD)


def import_belgium(path: Path, out: _Collector) -> None:
    """Belgian communes that adopted the 'Commune hospitalière' motion (signatories of the campaign)."""
    _import(path, out, eu.BELGIUM)
    out.networks.append(next(n for n in NETWORKS2 if n["network_id"] == eu.COMMUNES))


def import_us_local(path: Path, out: _Collector) -> None:
    """US city and county acts 1979–2025; a reversal ends the place's earlier policy."""
    _ends_local(out, _import(path, out, na.US_LOCAL))


def import_us_state_laws(path: Path, out: _Collector) -> None:
    """US state laws and orders on the state itself; pre-emption laws end the earlier local policies they forbid."""
    added = _import(path, out, na.US_STATE_LAWS)
    for row in _SECOND_DATES:
        fact = _fact(path.name, row, noncoop("Executive Order 17-01"), out, _HELD)
        added += [(noncoop("Executive Order 17-01"), fact)] if fact else []
    _ends_local(out, added)
    _ends_preempted(out, added)


def import_us_hostile(path: Path, out: _Collector) -> None:
    """Federal and third-party 'sanctuary' lists: memberships of their designation networks, never declarations."""
    added = _import(path, out, na.US_HOSTILE)
    for _, fact in added:
        if fact["network_id"] in DESIGNATION_ENDS:
            day, why = DESIGNATION_ENDS[fact["network_id"]]
            fact.update(end=day, end_reason="network_ended", note=_join(fact["note"], f"ended {day}: {why}"))
    used = {fact["network_id"] for _, fact in added}
    out.networks += [n for n in NETWORKS2 if n["network_id"] in used and n["kind"] == "designation"]


def import_us_welcoming(path: Path, out: _Collector) -> None:
    """Certified Welcoming, Welcoming Network joins, and the Cities for Action mayors' coalition."""
    _import(path, out, na.US_WELCOMING)
    out.networks.append(next(n for n in NETWORKS2 if n["network_id"] == na.C4A))


def _open_policy(fact: dict) -> bool:
    return fact["fact"] == "policy" and fact["policy_type"] == NONCOOP and fact["outcome"] == "adopted" \
        and not fact["end"]


def _started_before(fact: dict, day) -> bool:
    """The fact started before `day`: its start did, or (undated) its note's `as_of=` bound is on or before it."""
    if fact["date"]:
        return last_day(fact["date"]) < day
    bound = _AS_OF.search(fact["note"])
    return bool(bound) and last_day(bound.group(1)) <= day


def _end(fact: dict, date: str, why: str) -> None:
    fact.update(end=date, end_reason="revoked", note=_join(fact["note"], f"ended {date}: {why}"))


def _ends_local(out: _Collector, added: list) -> None:
    """A dated reversal ends the same place's non-cooperation policies that started before it."""
    for spec, rev in added:
        if getattr(spec, "ends", "") != "local" or not rev["date"]:
            continue
        where = (rev["place"], rev["country_code"], rev["admin1"])
        for fact in out.facts:
            if fact is not rev and (fact["place"], fact["country_code"], fact["admin1"]) == where \
                    and _open_policy(fact) and _started_before(fact, first_day(rev["date"])):
                _end(fact, rev["date"], f"{rev['title']} ({rev['source_id']})")


def _ends_preempted(out: _Collector, added: list) -> None:
    """Each dated pre-emption law ends its state's local non-cooperation policies that started before it."""
    laws = [law for spec, law in added if getattr(spec, "ends", "") == "state"]
    for law in sorted((law for law in laws if law["date"]), key=lambda law: first_day(law["date"])):
        for fact in _local_policies(out, law["place"]):
            if _started_before(fact, first_day(law["date"])):
                doubt = "; the law's row is unverified, see its note" if law["status"] == "unverified" else ""
                _end(fact, law["date"], f"pre-empted by the state law ({law['title']}; {law['source_id']}){doubt}")
    dated = {law["place"] for law in laws if law["date"]}
    for law in (law for law in laws if not law["date"] and law["place"] not in dated):
        bound = _AS_OF.search(law["note"])
        for fact in _local_policies(out, law["place"]) if bound else []:
            if fact["date"] and last_day(fact["date"]) < first_day(bound.group(1)):
                fact["note"] = _join(fact["note"], f"pre-empted by the state law ({law['title']}; "
                                                   f"{law['source_id']}), whose date is not printed: no end is set")


def _local_policies(out: _Collector, state: str) -> list[dict]:
    return [f for f in out.facts if f["country_code"] == "US" and f["admin1"] == state and f["kind"] != "state"
            and _open_policy(f)]


# The round 2 importers in the order they run (a row repeating a fact already collected adds nothing; the US
# local acts come before the state laws that end them). Most lists need only their label table.
IMPORTERS2 = {
    "list2_belgium_communes_hospitalieres.csv": import_belgium,
    # Bündnis Städte Sicherer Häfen: the Potsdamer Erklärung's first signatories (2019-06-03) and later joins.
    "list2_buendnis_staedte_sicherer_haefen_joins.csv": partial(_import, table=eu.BUENDNIS_JOINS),
    # Canadian adoptions, steps and non-adoptions; the Saskatoon 2SLGBTQQIA+ row is another meaning (left out).
    "list2_canada_sanctuary_cities.csv": partial(_import, table=na.CANADA),
    # UK council decisions on City, Borough, District and Council of Sanctuary.
    "list2_city_of_sanctuary_uk_extra.csv": partial(_import, table=eu.CITY_OF_SANCTUARY_UK),
    # ICORN joins, exits (an ended membership) and re-entries; proposals and rejections as declarations.
    "list2_icorn_cities.csv": partial(_import, table=eu.ICORN_CITIES),
    # Intercultural Cities joins (second phase 2011, 2018, 2021, UK network members).
    "list2_intercultural_cities_joins.csv": partial(_import, table=eu.INTERCULTURAL_CITIES),
    # Mayors' stances against the 'decreto sicurezza' (January 2019): advocacy, not council decisions.
    "list2_italy_decreto_sicurezza_mayors_2019.csv": partial(_import, table=eu.ITALY),
    # Poland, Portugal, Greece, Austria, ANVITA: declarations of readiness, resolutions, a mayors' declaration.
    "list2_misc_europe.csv": partial(_import, table=eu.MISC_EUROPE),
    # Dutch council motions 2014–2023: Greek camps, Kinderpardon, reception.
    "list2_netherlands_2014_2020.csv": partial(_import, table=eu.NETHERLANDS),
    # German council decisions, rejections and proposals: Safe Harbour and Willing to Admit declarations.
    "list2_safe_harbour_decisions_de.csv": partial(_import, table=eu.SAFE_HARBOUR_DE),
    # Spanish municipalities of the 2015 refuge-city wave beyond the first list.
    "list2_spain_ciudades_refugio_2015_extra.csv": partial(_import, table=eu.SPAIN),
    "list2_us_hostile_designations.csv": import_us_hostile,
    "list2_us_local_sanctuary_policies.csv": import_us_local,
    "list2_us_state_laws.csv": import_us_state_laws,
    "list2_us_welcoming_networks.csv": import_us_welcoming,
}
