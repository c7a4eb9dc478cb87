"""Other names of places: chosen from GeoNames' alternate names by the build, found by search, shown in the panel."""
from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest

from helpers import ROOT
from mapdata import load_atlas
from mapdata.curation.build import OTHER_NAMES_SEPARATOR, _other_names, other_names
from mapdata.geo.gazetteer import Candidate
from mapdata.render.panel import panel_html, place_detail
from mapdata.ui import search_label
from mapdata.view.query import search_places
from payloads import MARKUP, TEXT, detail_of, safe

# ---- the build: which alternate names a place keeps -------------------------------------------------------

MUNICH = ["Lungsod ng München", "MUC", "Minga", "Monaco di Baviera", "Muenchen", "Munchen", "Munich", "München",
          "Múnich", "mi wnik", "mwnkh", "Мюнхен", "ميونخ", "慕尼黑", "Munich 1158", "Monachium2",
          "Monacum Bavariae et aliarum terrarum superioris", "M.U.C.", "Mnichov"]


def test_the_build_keeps_latin_names_and_drops_codes_scripts_and_its_own_name():
    kept = other_names("Munich", MUNICH)
    assert kept == ["Minga", "Monaco di Baviera", "Muenchen", "Munchen", "Mnichov"]
    assert "Munich" not in kept and "Múnich" not in kept  # its own name, with or without diacritics
    assert "MUC" not in kept and "M.U.C." not in kept  # codes (and punctuation) go
    assert not [n for n in kept if not n.isascii() and n != "München"]  # no other script


def test_the_curation_spelling_comes_first_and_counts_once():
    kept = other_names("Munich", MUNICH, prefer=["München"])
    assert kept[0] == "München" and "Munchen" not in kept  # 'Munchen' folds like 'München': one name
    assert "Lungsod ng München" not in kept  # a longer form of a kept name ('City of München' in Tagalog)


def test_the_build_keeps_at_most_sixty_in_geonames_order():
    names = [f"Name{chr(65 + i)}{chr(65 + j)}" for i in range(8) for j in range(10)]  # NameAA ... NameHJ
    assert other_names("Town", names) == names[:60]
    assert other_names("Town", names, limit=3) == names[:3]
    assert other_names("Town", list(reversed(names)))[:2] == ["NameHJ", "NameHI"]  # the order given, not sorted


@pytest.mark.parametrize("name,kept", [
    ("Kölle", True), ("Kolín nad Rýnem", True), ("K'oln", True), ("Łódź", True), ("Sankt Pölten", True),
    ("Frankfort-on-Main", True), ("CGN", False), ("KÖLN", False), ("Koeln 2", False), ("kalana", False),
    ("Кёльн", False), ("Colonia (Agrippina)", False), ("St. Gallen", False), ("x" * 41, False),
    ("A" + "b" * 40, False),
    ("Köln", False), ("KOLN", False), ("Cologne", True), ("UNESCO City", True),
])
def test_one_alternate_name_is_kept_or_dropped(name, kept):
    assert (other_names("Köln", [name]) == [name]) is kept


class _Gazetteer:
    """The two look-ups the build makes, over a handful of places."""

    PLACES = {2867714: ("Munich", MUNICH), 4887398: ("Chicago", ["Chi-Town", "Chicagu", "Shikago"])}

    def by_id(self, geonames_id):
        name = self.PLACES.get(int(geonames_id), (None,))[0]
        return Candidate(int(geonames_id), name, "DE", "02", 0, 0, 1) if name else None

    def alternate_names(self, geonames_id):
        return tuple(self.PLACES[int(geonames_id)][1])


def test_a_place_drawn_at_its_seat_does_not_take_the_seats_names():
    cities = pd.DataFrame({"city_id": ["de-munich", "us-cook-county", "us-chicago-area", "de-nowhere", "de-dorf"],
                           "name": ["Munich", "Cook County", "Chicago", "Nowhere", "Dorf"],
                           "kind": ["municipality", "county", "metropolitan_area", "municipality", "municipality"],
                           "geonames_id": ["2867714", "4887398", "4887398", "", "123"]})
    curated = pd.Series({"de-munich": ["München", "Munich"], "us-cook-county": ["Cook County"]})
    out = _other_names(cities, curated, _Gazetteer())
    assert out[0].split(OTHER_NAMES_SEPARATOR)[0] == "München"
    assert out[1:] == ["", "", "", ""]  # at a seat (even one named like it), no id, an id not in the gazetteer


# ---- search -------------------------------------------------------------------------------------------------

CITIES = """city_id,name,country_code,admin1,kind,lat,lon,geonames_id,population,other_names
de-munich,Munich,DE,Bayern,municipality,48.13743,11.57549,2867714,1260391,München | Minga | Monaco di Baviera
de-koln,Köln,DE,,municipality,50.93333,6.95,2886242,963395,Cologne | Colonia | Keulen
us-cologne,Cologne,US,Minnesota,municipality,44.77163,-93.78636,5021626,2012,
de-potsdam,Potsdam,DE,Brandenburg,municipality,52.39886,13.06566,2852458,182112,
de-monchengladbach,Mönchengladbach,DE,,municipality,51.18539,6.44172,2869894,261742,
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> pd.DataFrame:
    folder = tmp_path_factory.mktemp("search")
    for name in ("networks", "memberships", "declarations", "policies", "sources"):
        columns = pd.read_csv(ROOT / "data" / f"{name}.csv", nrows=0).columns
        (folder / f"{name}.csv").write_text(",".join(columns) + "\n", encoding="utf-8")
    (folder / "cities.csv").write_text(CITIES, encoding="utf-8")
    shutil.copy(ROOT / "data" / "vocabularies.csv", folder)
    atlas = load_atlas(folder)
    assert atlas.problems == [] and len(atlas.places) == 5
    return atlas


@pytest.mark.parametrize("text,first,matched", [
    ("München", "de-munich", "München"), ("munchen", "de-munich", "München"), ("MUNCHEN", "de-munich", "München"),
    ("Cologne", "us-cologne", ""), ("Köln", "de-koln", ""), ("Koln", "de-koln", ""), ("Colonia", "de-koln", "Colonia"),
    ("Potsdam", "de-potsdam", ""), ("pots", "de-potsdam", ""), ("Monaco", "de-munich", "Monaco di Baviera"),
])
def test_search_finds_a_place_by_its_name_or_another_name(small, text, first, matched):
    hits = search_places(small, text)
    assert hits.index[0] == first
    assert hits["matched"].iloc[0] == matched


def test_the_exact_name_comes_before_an_exact_other_name(small):
    assert list(search_places(small, "Cologne").index) == ["us-cologne", "de-koln"]  # Cologne MN, then Köln


def test_an_other_name_does_not_hide_names_that_start_with_the_text(small):
    assert list(search_places(small, "Mon").index) == ["de-monchengladbach", "de-munich"]  # name before other name
    assert list(search_places(small, "minga").index) == ["de-munich"]
    assert search_places(small, "Bavaria").empty and search_places(small, " ").empty


def test_a_hit_by_another_name_says_which_name_matched(small):
    hits = search_places(small, "Munchen")
    assert search_label(hits.iloc[0]) == "Munich (München) · Germany (Bayern)"
    assert search_label(search_places(small, "Potsdam").iloc[0]) == "Potsdam · Germany (Brandenburg)"


def test_a_package_without_other_names_loads_with_a_warning_and_searches_by_name(tmp_path):
    for name in ("networks", "memberships", "declarations", "policies", "sources", "vocabularies"):
        shutil.copy(ROOT / "data" / f"{name}.csv", tmp_path)
    cities = pd.read_csv(ROOT / "data" / "cities.csv", dtype=str, keep_default_na=False)
    cities.drop(columns="other_names").to_csv(tmp_path / "cities.csv", index=False)
    atlas = load_atlas(tmp_path)
    assert [(p.field, p.severity) for p in atlas.problems] == [("other_names", "warning")]
    assert search_places(atlas, "Munich")["name"].iloc[0] == "Munich"
    assert "Munich" not in set(search_places(atlas, "München")["name"])  # only 'Grafing bei München'


@pytest.mark.parametrize("text,name", [("München", "Munich"), ("Munchen", "Munich"), ("Cologne", "Köln"),
                                       ("Praha", "Prague"), ("Warszawa", "Warsaw"), ("Lisboa", "Lisbon")])
def test_the_bundled_atlas_finds_places_by_their_other_names(atlas, text, name):
    if name not in set(atlas.places["name"]):
        pytest.skip(f"{name} is not in the data")
    assert search_places(atlas, text)["name"].iloc[0] == name


# ---- the panel ----------------------------------------------------------------------------------------------

def test_the_panel_lists_other_names(small):
    html = panel_html(place_detail(small, "de-munich"))
    assert re.search(r"<summary>Other names \(\d+, from GeoNames\)</summary>München, Minga, Monaco di Baviera", html)
    assert "Other names" not in panel_html(place_detail(small, "de-potsdam"))


@pytest.mark.parametrize("payload", TEXT + MARKUP)
def test_the_panel_shows_other_names_as_text(payload):
    detail = detail_of("Place", "https://example.org/source")
    detail.other_names = [payload, "Safe"]
    parsed = safe(panel_html(detail))
    assert f"Other names (2, from GeoNames){payload}, Safe" in "".join(parsed.text)
