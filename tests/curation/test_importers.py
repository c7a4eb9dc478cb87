"""Tests for src/mapdata/curation/importers against the real candidate files in sources/lists/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pycountry
import pytest

from helpers import ROOT
from mapdata.curation import columns, importers
from mapdata.paths import LISTS_DIR

CANDIDATES = LISTS_DIR
CURATION = ROOT / "data" / "curation"


ETMUN_HEADER = ('"Full_Name";"Locality_Siege";"CountryCode";"Continent";"Region";"Y";"X";"Pop_collect";"Statut";'
                '"Entity";"Year_of_Joining";"Note";"Network_Name";"Code_Network";"EntitySimplified";"CountryName";'
                '"MembershipCode";"Adress";"lon";"lat"')


def _etmun_row(name: str, code: str, country: str, lon: str, lat: str, year: str = "NA") -> str:
    return (f'"{name}";"{name}";"{code}";"Europe";"Southern Europe";NA;NA;NA;"Member";"City";{year};NA;'
            f'"ECCAR";"10538";"City";"{country}";"A1";"{name}, {country}";{lon};{lat}')


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return importers.import_candidates(CANDIDATES)


@pytest.fixture(scope="module")
def facts(data) -> pd.DataFrame:
    return data["facts"]


def _rows(facts: pd.DataFrame, place: str, **where: str) -> pd.DataFrame:
    rows = facts[facts["place"] == place]
    for column, value in where.items():
        rows = rows[rows[column] == value]
    return rows


# --- geocoding check and decimal comma (small ETMUN fixtures) ---------------------------------------------


def _import_etmun(tmp_path: Path, *rows: str) -> dict[str, pd.DataFrame]:
    (tmp_path / importers.ETMUN_FILE).write_text("\n".join([ETMUN_HEADER, *rows]) + "\n", encoding="utf-8")
    return importers.import_candidates(tmp_path)


def test_osijek_coded_costa_rica_with_croatian_coordinates_is_placed_in_hr(tmp_path):
    out = _import_etmun(tmp_path, _etmun_row("Osijek", "CR", "Costa Rica", "18,6942", "45,55066"))
    fact = out["facts"].iloc[0]
    assert (fact["place"], fact["country_code"], fact["network_id"]) == ("Osijek", "HR", "eccar")
    assert "CountryCode CR" in fact["note"]
    place = out["places"].iloc[0]
    assert place["country_code"] == "HR"
    assert float(place["lat"]) == pytest.approx(45.55066) and float(place["lon"]) == pytest.approx(18.6942)


def test_osijek_coded_and_geocoded_in_costa_rica_goes_to_hr_without_coordinates(tmp_path):
    out = _import_etmun(tmp_path, _etmun_row("Osijek", "CR", "Costa Rica", "-84,0907", "9,9281"))
    assert out["facts"].iloc[0]["country_code"] == "HR"
    place = out["places"].iloc[0]
    assert (place["country_code"], place["lat"], place["lon"]) == ("HR", "", "")


def test_coordinates_outside_the_coded_country_are_dropped(tmp_path):
    # a name unknown to GeoNames, coded ES but with coordinates in Poland
    out = _import_etmun(tmp_path, _etmun_row("Qwxzville", "ES", "Spain", "21,0122", "52,2297"))
    place = out["places"].iloc[0]
    assert (place["country_code"], place["lat"], place["lon"]) == ("ES", "", "")
    assert "do not lie in ES" in place["note"]


def test_decimal_comma_is_parsed(tmp_path):
    # a name GeoNames does not know, coded PL with coordinates in Warsaw: the file's point is kept
    out = _import_etmun(tmp_path, _etmun_row("Qwxzville", "PL", "Poland", "21,0122287", "52,2296756"))
    place = out["places"].iloc[0]
    assert float(place["lon"]) == pytest.approx(21.0122287, abs=1e-6)
    assert float(place["lat"]) == pytest.approx(52.2296756, abs=1e-6)


def test_places_the_gazetteer_finds_get_no_override_and_join_year_is_kept(tmp_path):
    out = _import_etmun(tmp_path, _etmun_row("Zagreb", "HR", "Croatia", "15,9819189", "45,8150108", "2009"))
    assert out["places"].empty
    assert out["facts"].iloc[0]["date"] == "2009"


def test_real_etmun_rows_parse_decimal_comma(data):
    places = data["places"].set_index(["place", "country_code"])
    # the Y/X columns put 'Munster' in France; lon/lat (used) are Münster, Germany: "7,6261347";"51,9606649"
    munster = places.loc[("Munster", "DE")]
    assert float(munster["lat"]) == pytest.approx(51.9606649, abs=1e-6)
    assert float(munster["lon"]) == pytest.approx(7.6261347, abs=1e-6)
    assert munster["geonames_id"] != ""  # same GeoNames place as 'Münster' elsewhere: one city
    # GeoNames (cities500) lacks Istanbul's Kadıköy: the file's point is needed
    assert float(places.loc[("Kadiköy", "TR"), "lon"]) == pytest.approx(29.0576302, abs=1e-6)
    assert ("Antwerp", "BE") not in places.index  # the gazetteer finds Antwerp by itself


def test_etmun_memberships(facts):
    etmun = facts[facts["source_id"] == "github-pgourdongeo-etmun-members"]
    assert set(etmun["network_id"]) == {"eurocities", "eccar", "clip"}
    assert (etmun["fact"] == "membership").all() and (etmun["role"] == "member").all()
    assert (etmun["date"] == "").all()  # Year_of_Joining is NA in every row
    assert _rows(etmun, "Lower Galilee Regional Council")["kind"].iloc[0] == "region"


# --- DOJ designation -------------------------------------------------------------------------------------


def test_doj_list_is_a_designation_not_a_declaration(facts):
    doj = facts[facts["network_id"] == "us-doj-sanctuary-2025"]
    assert len(doj) == 34  # 35 rows: 'San Francisco County' and 'San Francisco City' are one City and County
    assert set(doj["fact"]) == {"membership"} and set(doj["role"]) == {"designated"}
    assert set(doj["date"]) == {"2025-08-05"}
    assert doj["kind"].value_counts().to_dict() == {"": 18, "state": 13, "county": 3}
    assert doj["note"].str.contains("the list also names it as 'San Francisco City'").sum() == 1
    doj_sources = set(doj["source_id"])
    assert facts[facts["source_id"].isin(doj_sources) & (facts["fact"] != "membership")].empty
    assert "dallasexpress.com" in doj["note"].iloc[0]


# --- dates -----------------------------------------------------------------------------------------------


def test_article_dates_go_to_note_not_date(facts):
    for place, as_of in [("Kevelaer", "2020-11-14"), ("Leeuwarden", "2020-03"), ("Mauthausen", "2020-07"),
                         ("Weimar", "2019-12"), ("Sunderland", "2022-06"), ("Ramonville-Saint-Agne", "2024-12")]:
        row = facts[(facts["place"] == place) & facts["note"].str.contains(f"as_of={as_of}", regex=False)]
        assert len(row) >= 1, place
        assert (row["date"] == "").all(), place


def test_dates_stated_on_the_page_are_kept(facts):
    assert _rows(facts, "Schwanewede", fact="declaration")["date"].tolist() == ["2020-06"]  # 'Mitte Juni'
    assert _rows(facts, "Flensburg", label="Safe Harbour")["date"].tolist() == ["2018-09"]
    assert _rows(facts, "Hamilton", label="Sanctuary City")["date"].tolist() == ["2014-02-12"]


def test_no_date_is_invented(facts):
    given: set[str] = set()
    for path in CANDIDATES.glob("*.csv"):
        if path.name.startswith("seeds_extracted"):
            continue
        sep = ";" if path.name == importers.ETMUN_FILE else ","
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, sep=sep)
        for value in frame.to_numpy().ravel():
            given.update(re.findall(r"\b\d{4}(?:-\d{2}){0,2}\b", value))
    given.update(re.findall(r'"(\d{4}-\d{2}-\d{2})"', (CANDIDATES / importers.KEVINNBASS_FILE).read_text()))
    dates = set(facts["date"]) - {""}
    assert dates <= given
    assert all(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d) for d in dates)


def test_inferred_dates_are_left_empty_and_unverified(facts):
    for place in ("Baltimore", "Montgomery County"):
        row = _rows(facts, place, network_id="certified-welcoming").iloc[0]
        assert row["date"] == "" and row["status"] == "unverified" and "inferred" in row["note"]
    assert _rows(facts, "Dayton", network_id="certified-welcoming")["date"].tolist() == ["2017-09-13"]
    assert _rows(facts, "Detroit", network_id="certified-welcoming")["date"].tolist() == ["2022-04"]


def test_iash_members_have_no_join_date(facts):
    iash = facts[facts["network_id"] == "iash"]
    assert len(iash) == 36 and (iash["date"] == "").all()
    assert iash["note"].str.contains("network founded 2021-06-25").all()
    assert "Athens" in set(iash["place"]) and "Athen" not in set(iash["place"])
    # homonyms get an admin1 so the gazetteer can tell them apart
    assert _rows(iash, "Münster")["admin1"].tolist() == ["Nordrhein-Westfalen"]
    assert _rows(iash, "Rottenburg")["admin1"].tolist() == ["Baden-Württemberg"]


def test_founders(facts):
    ssh = facts[(facts["network_id"] == "staedte-sicherer-haefen") & (facts["role"] == "founder")]
    assert set(ssh[ssh["date"] != ""]["date"]) == {"2019-06-14"} and len(ssh[ssh["date"] != ""]) == 12
    anvita = facts[(facts["network_id"] == "anvita") & (facts["role"] == "founder")]
    assert len(anvita) == 9 and set(anvita["date"]) == {"2018-09-26"}


# --- outcomes, labels ------------------------------------------------------------------------------------


def test_rejections_and_revocations_are_kept(facts):
    assert _rows(facts, "Gronau", label="Safe Harbour")["outcome"].tolist() == ["rejected"]
    assert _rows(facts, "Wolkersdorf im Weinviertel")["outcome"].tolist() == ["rejected"]
    assert _rows(facts, "Paderborn", label="Willing to Admit")["outcome"].tolist() == ["rejected"]
    dresden = _rows(facts, "Dresden", label="Safe Harbour").set_index("date")["outcome"].to_dict()
    assert dresden == {"2022-03-03": "adopted", "2024-03-29": "revoked"}
    assert _rows(facts, "Braunschweig", fact="policy")["outcome"].tolist() == ["rejected"]


def test_sichere_haefen_lists_are_listed_memberships(facts):
    nds = facts[facts["description"].str.startswith("Sicherer Hafen (Seebrücke)")
                & (facts["admin1"] == "Niedersachsen")]
    assert len(nds) == 100 and set(nds["network_id"]) == {"seebruecke-safe-harbours"} and set(nds["role"]) == {"listed"}
    assert (nds["date"] == "").all()
    assert _rows(facts, "Landkreis Cuxhaven")["kind"].iloc[0] == "county"
    assert _rows(facts, "Samtgemeinde Bruchhausen-Vilsen")["kind"].iloc[0] == "collective"
    assert _rows(facts, "Ganderkesee")["kind"].iloc[0] == ""  # 'Gemeinde Ganderkesee'


def test_willingness_to_admit_and_canada(facts):
    assert (set(_rows(facts, "Steyr")["label"]) == {"Willing to Admit"}
            and set(_rows(facts, "Steyr")["body"]) == {"mayor"})
    assert set(_rows(facts, "Luzern", label="Willing to Admit")["body"]) == {"executive"}
    toronto = _rows(facts, "Toronto", label="Sanctuary City")
    assert sorted(toronto["date"]) == ["2013-02-20", "2013-02-21"] and toronto["source_id"].nunique() == 2
    assert "Canada's first Sanctuary city" in toronto.set_index("date").loc["2013-02-21", "quote"]
    considering = facts[facts["description"] == "considering sanctuary city status (not declared)"]
    assert len(considering) == 4 and set(considering["outcome"]) == {"proposed"}


def test_city_of_sanctuary_motions_and_awards(facts):
    sheffield = _rows(facts, "Sheffield", country_code="GB")
    sheffield = sheffield[sheffield["network_id"].isin(["", "city-of-sanctuary-uk"])]
    assert sorted(sheffield["fact"]) == ["declaration", "declaration", "declaration", "membership"]
    assert set(_rows(facts, "Camden")["network_id"]) == {"city-of-sanctuary-uk"}


def test_quote_from_page_excerpt(facts):
    row = _rows(facts, "La Seyne-sur-Mer").iloc[0]
    assert row["quote"] == "(Voir adhésion de La Seyne sur Mer)"
    assert (facts["quote"] == "").sum() > 0 and not facts["quote"].str.contains("^'", regex=True).any()


# --- kevinnbass JSON -------------------------------------------------------------------------------------


def test_kevinnbass_policies(facts):
    california = _rows(facts, "California", fact="policy").iloc[0]
    assert (california["kind"], california["policy_type"], california["date"]) == (
        "state", "non_cooperation_with_enforcement", "2018-01-01")
    assert california["title"] == "SB 54 California Values Act (2017)"
    assert "via kevinnbass dataset" in california["note"]
    assert _rows(facts, "Texas").empty and _rows(facts, "Houston").empty  # anti-sanctuary / cooperative
    assert _rows(facts, "Minnesota", fact="policy").empty  # 'sanctuary' with 'No statewide policy'
    assert _rows(facts, "Austin").empty  # policy_conflict
    la = _rows(facts, "Los Angeles", fact="policy").iloc[0]
    assert la["title"] == "Limits on cooperation with ICE (strong)" and la["status"] == "verified"
    assert _rows(facts, "Fremont", fact="policy")["status"].tolist() == ["unverified"]  # state-level source only
    assert _rows(facts, "Connecticut", fact="policy")["status"].tolist() == ["unverified"]  # 2013-01-01 placeholder
    assert _rows(facts, "Cook County", fact="policy")["kind"].tolist() == ["county"]


# --- integrity -------------------------------------------------------------------------------------------


def test_columns_and_vocabularies(data):
    facts = data["facts"]
    assert list(facts.columns) == columns.FACT_COLUMNS
    assert list(data["sources"].columns) == columns.SOURCE_COLUMNS
    assert list(data["places"].columns) == columns.PLACE_COLUMNS
    assert list(data["networks"].columns) == columns.NETWORK_COLUMNS
    assert set(facts["fact"]) <= {"membership", "declaration", "policy"}
    assert set(facts["status"]) == {"verified", "unverified"}
    members = facts[facts["fact"] == "membership"]
    assert set(members["role"]) <= {"founder", "member", "signatory", "pilot", "board", "associate", "observer",
                                    "listed", "designated"}
    declarations = facts[facts["fact"] == "declaration"]
    assert set(declarations["label"]) <= {"Safe Harbour", "Sanctuary City", "City of Sanctuary", "City of Refuge",
                                          "Solidarity City", "Welcoming City", "Willing to Admit", "Open Port", "Other"}
    assert set(declarations["outcome"]) <= {"adopted", "rejected", "revoked", "proposed"}
    assert set(declarations["body"]) <= {"", "council", "mayor", "executive", "assembly", "legislature",
                                         "federal_government", "other"}
    assert set(facts["kind"]) <= {"", "municipality", "district", "county", "region", "state", "metropolitan_area",
                                  "island", "collective"}
    assert "UK" not in set(facts["country_code"])
    assert all(pycountry.countries.get(alpha_2=code) for code in set(facts["country_code"]))
    assert data["sources"]["source_id"].is_unique


def test_every_source_and_network_resolves(data):
    sources = set(data["sources"]["source_id"])
    assert set(data["facts"]["source_id"]) <= sources
    assert set(data["networks"]["source_id"]) - {""} <= sources
    core = pd.read_csv(CURATION / "networks_core.csv", dtype=str, keep_default_na=False)
    networks = set(core["network_id"]) | set(data["networks"]["network_id"])
    assert set(data["facts"]["network_id"]) - {""} <= networks
    assert not set(data["networks"]["network_id"]) & set(core["network_id"])


def test_non_municipal_places_have_a_seat_or_coordinates(data):
    places = data["places"].set_index(["place", "country_code", "admin1"])
    for fact in data["facts"][data["facts"]["kind"] != ""].itertuples():
        row = places.loc[(fact.place, fact.country_code, fact.admin1)]
        if fact.place == "Lower Galilee Regional Council":
            assert "Upper Galilee" in row["note"]  # geocoding slip: left for a seat
            continue
        assert row["seat"] or (row["lat"] and row["lon"]), fact.place


def test_ambiguous_places_are_unverified(facts):
    for place in ("Feldkirchen", "Neuhofen", "Biberach"):
        assert set(_rows(facts, place)["status"]) == {"unverified"}, place
    assert set(_rows(facts, "Spital am Pyhrn")["status"]) == {"verified"}


def test_unknown_label_is_refused(tmp_path):
    source = CANDIDATES / "list_icorn_cities.csv"
    header = "name,country_iso2,admin_area,network_or_label,date,date_precision,source_url,source_title,note\n"
    (tmp_path / "list_icorn_cities.csv").write_text(
        header + "Bergen,NO,,ICORN – honorary friend,,none,https://icorn.org/x,ICORN: x,\n", encoding="utf-8")
    with pytest.raises(KeyError):
        importers.import_candidates(tmp_path)
    assert source.name in importers.IMPORTERS


def test_write_candidates(tmp_path):
    candidates = tmp_path / "candidates"
    shutil.copytree(CANDIDATES, candidates)
    counts = importers.write_candidates(candidates, tmp_path)
    for key in ("facts", "sources", "places", "networks"):
        written = pd.read_csv(tmp_path / f"{key}_candidates.csv", dtype=str, keep_default_na=False)
        assert len(written) == counts[key] > 0
