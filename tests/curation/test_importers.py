"""Tests for src/mapdata/curation/importers against the real candidate files in sources/lists/."""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pycountry
import pytest

from helpers import ROOT
from mapdata.curation import columns, importers
from mapdata.curation.importers import round2, round2_lists
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
    given.update(row["date"] for row in round2_lists._SECOND_DATES)  # quoted from the stored page a list names
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
    iash = facts[(facts["network_id"] == "iash") & facts["note"].str.contains("network founded")]  # the seed file
    assert len(iash) == 36 and (iash["date"] == "").all()
    assert iash["note"].str.contains("network founded 2021-06-25").all()
    assert "Athens" in set(iash["place"]) and "Athen" not in set(iash["place"])
    # homonyms get an admin1 so the gazetteer can tell them apart
    assert _rows(iash, "Münster")["admin1"].tolist() == ["Nordrhein-Westfalen"]
    assert _rows(iash, "Rottenburg")["admin1"].tolist() == ["Baden-Württemberg"]


def test_founders(facts):
    ssh = facts[(facts["network_id"] == "staedte-sicherer-haefen") & (facts["role"] == "founder")]
    seed, signed = ssh[ssh["description"] == ""], ssh[ssh["description"].str.startswith("Potsdamer Erklärung")]
    assert set(seed[seed["date"] != ""]["date"]) == {"2019-06-14"} and len(seed[seed["date"] != ""]) == 12
    # the Potsdamer Erklärung's first signatories (list2): published 2019-06-03, not the founding of 2019-06-14
    assert set(signed["date"]) == {"2019-06-03"} and len(signed) == 8
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
    facts = facts[facts["note"].str.contains("via kevinnbass dataset", regex=False)]  # the round 2 lists add others
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
    held = set(pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in CURATION.glob("sources_*.csv")
                          if p.name != "sources_candidates.csv"])["source_id"])  # cited by id, not repeated
    assert set(data["facts"]["source_id"]) <= sources | held
    assert set(data["networks"]["source_id"]) - {""} <= sources
    core = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in CURATION.glob("networks_*.csv")
                      if p.name != "networks_candidates.csv"])  # networks_core.csv, networks_seeds.csv
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


# --- round 2 lists (list2_*.csv) -------------------------------------------------------------------------


ROUND2 = sorted(p.name for p in CANDIDATES.glob("list2_*.csv"))


def _list2(name: str) -> pd.DataFrame:
    return pd.read_csv(CANDIDATES / name, dtype=str, keep_default_na=False)


def _cited(data, name: str) -> pd.DataFrame:
    """The facts of the list `name`: citing one of its URLs, described by one of its labels."""
    rows = _list2(name)
    urls = set(rows["source_url"].str.strip())
    ids = set(data["sources"].loc[data["sources"]["url"].isin(urls), "source_id"])
    facts = data["facts"]
    return facts[facts["source_id"].isin(ids | {round2_lists._HELD.get(u) for u in urls} - {None})
                 & facts["description"].isin(rows["network_or_label"])]


def test_every_round2_list_has_an_importer_and_imports_without_warning():
    assert len(ROUND2) == 15 and set(ROUND2) <= set(importers.IMPORTERS)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        importers.import_candidates(CANDIDATES)


def test_every_round2_row_is_cited_by_a_fact_of_its_url(data):
    cited = set(data["sources"].loc[data["sources"]["source_id"].isin(data["facts"]["source_id"]), "url"])
    for name in ROUND2:
        rows = _list2(name)
        rows = rows[~rows["network_or_label"].str.startswith("NOT immigration")]
        missing = set(rows["source_url"].str.strip()) - cited - set(round2_lists._HELD)
        assert not missing, (name, missing)


def test_a_quote_is_carried_and_a_missing_quote_says_so(facts):
    braunschweig = _rows(facts, "Braunschweig", label="Safe Harbour", date="2018-12-18").iloc[0]
    assert braunschweig["quote"] == "Mit einem Ratsbeschluss vom 18.12.2018 hat sich die Stadt Braunschweig zum " \
                                    "'Sicheren Hafen' erklärt."
    assert "quote=" not in braunschweig["note"]
    gevelsberg = _rows(facts, "Gevelsberg").iloc[0]  # quote_unavailable
    assert gevelsberg["quote"] == "" and "not a verified quote" in gevelsberg["note"]
    valdez = _rows(facts, "Dallas County", network_id="tx-governor-letter-2015").iloc[0]  # double quotes inside
    assert valdez["quote"].endswith('into a "sanctuary city."')


def test_an_as_of_stays_in_the_note_never_the_date(facts):
    neumuenster = _rows(facts, "Neumünster", label="Safe Harbour").iloc[0]
    assert neumuenster["date"] == "" and "as_of=2020-11-11" in neumuenster["note"]
    letters = facts[facts["description"].str.startswith("Willing to Admit – mayors' joint letter")]
    assert len(letters) == 3 and (letters["date"] == "").all() and letters["note"].str.contains("as_of=2018-07").all()


def test_a_derived_date_is_kept_only_with_the_quotes_pinning_words(facts):
    rostock = _rows(facts, "Rostock", label="Willing to Admit", date="2018-09-05").iloc[0]  # 'am Mittwochabend'
    assert "date derived from the article's date (am Mittwochabend)" in rostock["note"]
    fuerth = _rows(facts, "Fürth", label="Safe Harbour").iloc[0]  # derived_date=2019 from 'im letzten Jahr'
    assert fuerth["date"] == "" and "as_of=2019 (the file's derived date" in fuerth["note"]
    boulder = _rows(facts, "Boulder", label="Sanctuary City").iloc[0]  # DATE DERIVED, 'Tuesday night'
    assert boulder["date"] == "2017-01-03" and "(Tuesday night)" in boulder["note"]
    winnipeg = _rows(facts, "Winnipeg", outcome="rejected").iloc[0]  # DATE DERIVED; 'on Thursday' not in the quote
    assert winnipeg["date"] == "" and "as_of=2017-02-02" in winnipeg["note"]
    lingen = _rows(facts, "Lingen (Ems)", outcome="adopted").iloc[0]  # reckoned from another page's date
    assert lingen["date"] == ""


def test_every_pinned_date_is_a_rows_and_its_words_are_in_its_quote():
    for (name, place, date), words in round2._PINNED.items():
        rows = _list2(name)
        rows = rows[(rows["name"] == place) | (place == "*")]
        rows = rows[(rows["date"] == date) | rows["note"].str.contains(f"derived_date={date}", regex=False)]
        quotes = rows["note"].str.extract(r'quote="(.*?)"(?=\s*(?:;|$))')[0].fillna("")
        assert quotes.str.contains(words, regex=False).any(), (name, place, date, words)


def test_rejections_proposals_and_exits_are_never_adopted(facts):
    for name in ROUND2:
        for row in _list2(name).itertuples():
            label, rows = row.network_or_label, facts[facts["description"] == row.network_or_label]
            if re.search(r"\((?:rejected|not adopted)\)|^not adopted|^declined|join rejected", label):
                assert set(rows["outcome"]) == {"rejected"}, label
            if "(proposed)" in label:
                assert set(rows["outcome"]) == {"proposed"}, label
    assert _rows(facts, "Drensteinfurt")["outcome"].tolist() == ["rejected"]
    assert _rows(facts, "Enköping")[["label", "outcome"]].values.tolist() == [["City of Refuge", "rejected"]]
    jena = _rows(facts, "Jena", fact="declaration", label="Other").iloc[0]  # join ruled unlawful
    assert jena["outcome"] == "revoked" and jena["status"] == "unverified"


def test_an_icorn_exit_ends_the_membership(facts):
    sigtuna = _rows(facts, "Sigtuna", network_id="icorn").iloc[0]
    assert (sigtuna["date"], sigtuna["end"], sigtuna["end_reason"]) == ("", "2021-09-06", "left")
    copenhagen = _rows(facts, "København", network_id="icorn")
    assert sorted(copenhagen["end"]) == ["", "2014-12"]  # left in December 2014, rejoined later
    assert _rows(facts, "Odense", network_id="icorn")["end_reason"].tolist() == ["left"]  # left, date not given


def test_a_hostile_designation_is_a_designation_membership(data, facts):
    hostile = _cited(data, "list2_us_hostile_designations.csv")
    assert len(hostile) == 58 and set(hostile["fact"]) == {"membership"} and set(hostile["role"]) == {"designated"}
    kinds = data["networks"].set_index("network_id")["kind"]
    assert set(kinds[sorted(set(hostile["network_id"]))]) == {"designation"}
    albany = _rows(facts, "Albany", network_id="us-doj-1373-letters-2017").iloc[0]
    assert albany["date"] == "2017-11-15" and "(Wednesday)" in albany["note"]
    boston = _rows(facts, "Boston", network_id="us-ice-ddor-2017").iloc[0]  # the reports were suspended
    assert (boston["end"], boston["end_reason"]) == ("2017-04-13", "network_ended")
    assert not ((facts["network_id"] == "us-doj-sanctuary-2025") & facts["source_id"].isin(hostile["source_id"])).any()


def test_a_pre_emption_law_ends_the_texas_local_fact_and_is_a_gap_on_the_state(facts):
    travis = _rows(facts, "Travis County", fact="policy").iloc[0]
    assert (travis["date"], travis["end"], travis["end_reason"]) == ("2017-02-01", "2017-09-01", "revoked")
    assert "SB 4" in travis["note"] and "radio.foxnews.com" in travis["note"]
    texas = _rows(facts, "Texas")
    assert set(texas["kind"]) == {"state"} and set(texas["outcome"]) == {"absent"}
    assert "2017-09-01" in set(texas["date"])
    austin = _rows(facts, "Austin", fact="policy", date="2018-06-14").iloc[0]  # adopted after SB 4: not ended
    assert austin["end"] == ""
    durham = _rows(facts, "Durham", fact="policy", end="2015-10-28")  # undated, in place when HB 318 passed
    assert len(durham) == 1 and "HB 318" in durham.iloc[0]["note"]
    assert _rows(facts, "Philadelphia", fact="policy", date="2014-04")["end"].tolist() == ["2015-12"]  # own reversal


def test_a_state_law_is_a_fact_on_the_state(data, facts):
    laws = _cited(data, "list2_us_state_laws.csv")
    assert len(laws) == 28 and set(laws["kind"]) == {"state"} and (laws["place"] == laws["admin1"]).all()
    california = _rows(facts, "California", date="2017-10-05").iloc[0]
    assert (california["kind"], california["title"]) == ("state", "SB 54 California Values Act")


def test_a_homonymous_sanctuary_city_is_left_out(facts):
    assert _rows(facts, "Saskatoon", date="2025-03-26").empty
    assert _rows(facts, "Saskatoon")["description"].str.startswith("NOT immigration").sum() == 0


def test_known_conflicts_keep_both_dates_with_their_sources(facts):
    for place, where, dates in [
        ("Stuttgart", dict(network_id="staedte-sicherer-haefen"), {"2020-04", "2021-10"}),
        ("Chicago", dict(title="Welcoming City Ordinance amendment barring cooperation with ICE detainers",
                         outcome="adopted"), {"2012", "2013-07"}),
        ("Washington", dict(title="Executive Order 17-01"), {"2017-02-23", "2017-02-24"}),
    ]:
        rows = _rows(facts, place, **where)
        rows = rows[rows["date"].isin(dates)]
        assert set(rows["date"]) == dates and rows["source_id"].nunique() == 2, place
    assert _rows(facts, "Chicago", date="2013-07")["status"].tolist() == ["unverified"]  # LOW CONFIDENCE


def test_a_repeated_fact_adds_no_row_and_a_held_source_is_cited_by_its_id(data, facts):
    hagen = _rows(facts, "Hagen", network_id="staedte-sicherer-haefen", date="2020-02-13")
    assert len(hagen) == 1  # in both the decisions list and the Bündnis list, one frnrw page
    chicago = _rows(facts, "Chicago", date="2012")
    assert chicago["source_id"].tolist() == ["chicago-r-2015-welcoming-city"]
    assert not data["sources"]["url"].isin(round2_lists._HELD).any()
