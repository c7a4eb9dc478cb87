"""Seed facts: table-driven checks that curated facts quote their seed document and reach the data package.

Each case is (city name, country_code, fact kind, network_id | label | policy_type, date or "", source_id, quote).
For every case we check
  (a) that the quote occurs in the seed document (whitespace folded), and
  (b) that the built data package (``load_atlas(ROOT / "data")``) holds the fact: a row of the kind's table for a
      place of that name and country, with that key, start/date, source_id and quote.
A further test checks every quote in ``data/curation/facts_seeds.csv`` against its seed document.
"""
from __future__ import annotations

import csv
import math
import re
import sys
import unicodedata

import pytest

from helpers import ROOT
from mapdata.paths import DOCUMENTS_DIR

SEEDS = DOCUMENTS_DIR
FACTS_SEEDS = ROOT / "data" / "curation" / "facts_seeds.csv"

# source_id -> file-name prefix of the seed document in sources/documents/
SEED_PREFIX = {
    "lacroix-2022": "000",
    "christoph-kron-2019": "001",
    "kurz-2026": "002",
    "dreher-2024": "003",
}  # document 004 (the RLS publication page) repeats the book's introduction: cited as christoph-kron-2019

# kind -> (atlas table, key column, date column)
TABLES = {
    "membership": ("memberships", "network_id", "start"),
    "declaration": ("declarations", "label", "date"),
    "policy": ("policies", "policy_type", "start"),
}

CASES = [
    ('San Francisco', 'US', 'declaration', 'Sanctuary City', '1985', 'christoph-kron-2019', 'San Francisco was the first city to pass a ‘City of Sanctuary’ resolution in 1985'),
    ('San Francisco', 'US', 'policy', 'non_cooperation_with_enforcement', '1989', 'christoph-kron-2019', 'followed by a decree in 1989 which prohibited municipal'),
    ('San Francisco', 'US', 'policy', 'non_cooperation_with_enforcement', '1985', 'lacroix-2022', 'San Francisco, in 1985, became the first “sanctuary city” by refusing to support immigration enforcement'),
    ('Palermo', 'IT', 'declaration', 'Other', '2015', 'christoph-kron-2019', 'In 2015, Orlando published the ‘Charter of Palermo’'),
    ('Palermo', 'IT', 'declaration', 'Other', '2015', 'kurz-2026', 'a bold document declaring international human mobility an inalienable right and calling for the abolition of the residence permit'),
    ('Palermo', 'IT', 'membership', 'iash', '', 'kurz-2026', 'when FS2C, together with the cities of Palermo and Potsdam, convened the conference'),
    ('Potsdam', 'DE', 'membership', 'iash', '', 'kurz-2026', 'when FS2C, together with the cities of Palermo and Potsdam, convened the conference'),
    ('Palermo', 'IT', 'membership', 'eccar', '', 'lacroix-2022', 'EUROCITIES, ECCAR (European Coalition of Cities against Racism), the UNICEF programme UPSHIFT, Solidarity Cities, amongst others'),
    ('Riace', 'IT', 'policy', 'reception_relocation', '1998-06-01', 'christoph-kron-2019', 'entered the harbour of Riace, where then mayor Domenico Lucano welcomed them'),
    ('Berlin', 'DE', 'membership', 'solidarity-cities', '2019-01', 'christoph-kron-2019', 'joined the European Solidarity Cities network, coordinated by the EUROCITIES Initiative, in January 2019'),
    ('Zürich', 'CH', 'membership', 'solidarity-cities', '', 'christoph-kron-2019', 'Zurich is an official member of the Solidarity Cities network coordinated by the EUROCITIES Initiative'),
    ('Naples', 'IT', 'membership', 'solidarity-cities', '', 'christoph-kron-2019', 'Thessaloniki, Amsterdam, Barcelona, Ljubljana, Naples'),
    ('Bern', 'CH', 'membership', 'solidarity-city-network', '', 'christoph-kron-2019', 'In major cities such as Berlin, Bern, Cologne and Zurich as well as several smaller cities'),
    ('Naples', 'IT', 'declaration', 'Open Port', '', 'christoph-kron-2019', 'and vehemently demand that Italian ports remain open for civil sea rescue operations'),
    ('Palermo', 'IT', 'declaration', 'Willing to Admit', '2018-12', 'christoph-kron-2019', 'In late December 2018, Palermo’s mayor Leoluca Orlando and Luigi de Magistris generated considerable media attention by publicly'),
    ('Barcelona', 'ES', 'declaration', 'City of Refuge', '2015', 'christoph-kron-2019', 'As early as 2015, the city declared itself a Ciutat'),
    ('Paris', 'FR', 'declaration', 'City of Refuge', '2015-09-15', 'christoph-kron-2019', 'on 15 September Ada Colau published a letter together with the mayors of Lesbos and Paris'),
    ('Barcelona', 'ES', 'policy', 'residence_status', '2017', 'christoph-kron-2019', 'Since 2017, the documento de vecindad'),
    ('Barcelona', 'ES', 'policy', 'sea_rescue_support', '2017', 'christoph-kron-2019', '‘ProActiva Open Arms’ and ‘Stop Mare Mortum’ by offering funding of € 100,000 and € 60,000'),
    ('Berlin', 'DE', 'declaration', 'Safe Harbour', '2018-09', 'christoph-kron-2019', 'in a joint statement it issued together with Germany’s other two city-states, Hamburg and Bremen'),
    ('Hamburg', 'DE', 'declaration', 'Safe Harbour', '2018-09', 'christoph-kron-2019', 'in a joint statement it issued together with Germany’s other two city-states, Hamburg and Bremen'),
    ('Berlin', 'DE', 'policy', 'health_care', '2018', 'christoph-kron-2019', 'set aside 1.5 million euros to provide health care services to'),
    ('Berlin', 'DE', 'policy', 'non_cooperation_with_enforcement', '', 'christoph-kron-2019', 'There are no signs that the government'),
    ('Zürich', 'CH', 'policy', 'municipal_id', '2018-10-31', 'christoph-kron-2019', 'of the Zurich city council to introduce a City Card in October 2018'),
    ('Zürich', 'CH', 'policy', 'non_cooperation_with_enforcement', '', 'christoph-kron-2019', 'In Zurich, which is not a Sanctuary City – and cannot act as one due to the current legal situation'),
    ('Toronto', 'CA', 'declaration', 'Sanctuary City', '2013-02-21', 'christoph-kron-2019', 'the City Council of Toronto passed the motion CD 18.5 in an almost unanimous vote'),
    ('Toronto', 'CA', 'declaration', 'Sanctuary City', '2017-01-31', 'christoph-kron-2019', 'On 31 January 2017, Toronto mayor John Tory issued an urgent motion to the city council declaring'),
    ('Toronto', 'CA', 'policy', 'education', '2007-05', 'christoph-kron-2019', 'which was issued by the Toronto District School Board (TDSB) in May 2007 by unanimous vote'),
    ('Montréal', 'CA', 'declaration', 'Sanctuary City', '2017', 'christoph-kron-2019', 'In 2014 Hamilton adopted similar measures, followed by Vancouver in 2016, and London (Ontario) and Montreal in 2017.'),
    ('New York City', 'US', 'policy', 'municipal_id', '2014-11', 'christoph-kron-2019', 'in November 2014 to introduce its municipal ID card, IDNYC, and chose to further narrow cooperation with federal immigration authorities'),
    ('Barcelona', 'ES', 'membership', 'eurocities', '', 'lacroix-2022', 'It is also a founding member of Eurocities'),
    ('Grande-Synthe', 'FR', 'membership', 'anvita', '2018-09', 'lacroix-2022', 'Grande-Synthe, the founding city, was excluded after the new mayor reoriented the local policy'),
    ('Briançon', 'FR', 'membership', 'anvita', '2018-09', 'lacroix-2022', 'the founding members include Grenoble (green), the 1st arrondissement of Lyon (PS), Ivry s/Seine (communist), Montreuil (communist), Briançon (socialist), Nantes (socialist)'),
    ('Saint-Denis', 'FR', 'membership', 'anvita', '2018-09', 'lacroix-2022', 'Strasbourg (socialist), Saint-Denis (communist)'),
    ('Grande-Synthe', 'FR', 'policy', 'reception_relocation', '2016-03', 'lacroix-2022', 'In March 2016, taking an opposite stance to Calais, the mayor of Grande-Synthe chose to open a reception camp for transit migrants'),
    ('Lille', 'FR', 'policy', 'advocacy', '2017-12-16', 'lacroix-2022', 'signed by mayors of several large cities in France (including Bordeaux, Lille and Strasbourg'),
    ('Madrid', 'ES', 'membership', 'ciudades-refugio', '', 'lacroix-2022', 'Two years later, the network counted at least 25 cities, including Madrid, Valencia, Pamplona, Zaragoza, Cordoba and Màlaga.'),
    ('Málaga', 'ES', 'membership', 'ciudades-refugio', '', 'lacroix-2022', 'Two years later, the network counted at least 25 cities, including Madrid, Valencia, Pamplona, Zaragoza, Cordoba and Màlaga.'),
    ('Lampedusa', 'IT', 'membership', 'refuge-cities-2015', '2015', 'lacroix-2022', 'Nicolini took part in 2015 with Ada Colau (Barcelona), Anne Hidalgo (Paris) and the mayor of the island of Lesbos, Spyros Galinos, in the creation of a network of refuge cities'),
    ('Siracusa', 'IT', 'membership', 'palermo-charter-platform', '', 'lacroix-2022', 'The discussions gradually widened to include Berlin, Valencia, Zaragoza, Syracuse, Milan, Barcelona or Bologna.'),
    ('Valencia', 'ES', 'policy', 'sea_rescue_support', '2018', 'lacroix-2022', 'the “Red Valenciana de ciudades de acogida” and the city of Valencia mobilized to welcome the boat'),
    ('Madrid', 'ES', 'policy', 'reception_relocation', '2016', 'lacroix-2022', 'Madrid City Council allocated around €4.5 million to refugee aid programmes between 2016 and 2017'),
    ('Barcelona', 'ES', 'membership', 'fearless-cities', '', 'lacroix-2022', 'the new municipalism which the city of Barcelona has since developed, through initiatives such as Fearless Cities'),
    ('Gdańsk', 'PL', 'policy', 'integration_strategy', '2016', 'dreher-2024', 'adopted the Immigration Integration Model (IIM) in 2016'),
    ('Amsterdam', 'NL', 'membership', 'iash', '', 'dreher-2024', 'Amsterdam is also a member of the International Alliance of Safe Harbours (IASH).'),
    ('Amsterdam', 'NL', 'membership', 'dutch-coalition-of-the-willing', '', 'dreher-2024', 'including the Dutch Association of Municipalities (VNG) and Dutch Coalition of the Willing'),
    ('Berlin', 'DE', 'membership', 'seebruecke-safe-harbours', '2018', 'dreher-2024', 'Berlin has been a leader in the Seebrücke movement since 2018'),
    ('Rottenburg', 'DE', 'membership', 'staedte-sicherer-haefen', '', 'dreher-2024', 'has also been a leader within the Cities of Safe Harbour Alliance'),
    ('Bremen', 'DE', 'policy', 'non_cooperation_with_enforcement', '2010', 'dreher-2024', 'efforts that led to the closure of the department of deportation in 2010'),
    ('Cádiz', 'ES', 'policy', 'advocacy', '2022-11', 'dreher-2024', 'These cities drafted a letter in November 2022 that urged the government to reinstate the Reception and Integration Fund.'),
    ('Livadeiá', 'GR', 'policy', 'housing', '2016-11', 'dreher-2024', 'launched the Emergency Support to Integration and Accommodation (ESTIA) program in November 2016'),
    ('Warsaw', 'PL', 'policy', 'integration_strategy', '', 'dreher-2024', 'the absence of a formal local migration strategy'),
    ('Halle (Saale)', 'DE', 'policy', 'community_hub', '', 'dreher-2024', 'The programme was not implemented due to the mayor’s refusal to comply.'),
    ('Swansea', 'GB', 'membership', 'city-of-sanctuary-uk', '', 'dreher-2024', 'to facilitate collaboration with civil society in the Swansea City of Sanctuary group'),
]


def _fold(text: str) -> str:
    """Fold every run of whitespace (line breaks of the PDF extraction included) to one space."""
    return re.sub(r"\s+", " ", text).strip()


def _name_key(name: str) -> str:
    """Compare place names without case or diacritics (GeoNames 'Cadiz' vs 'Cádiz')."""
    decomposed = unicodedata.normalize("NFKD", str(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _cell(value) -> str:
    """A table cell as the text written in the curation CSV ('' for missing, 1985.0 -> '1985')."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
    text = str(value).strip()
    return "" if text in {"nan", "NaN", "None", "<NA>", "NaT"} else text


_SEED_TEXT: dict[str, str] = {}


def _seed_text(source_id: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    if source_id not in _SEED_TEXT:
        prefix = SEED_PREFIX[source_id]
        matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
        assert matches, f"no seed document {prefix}_*.txt for source '{source_id}' in {SEEDS}"
        _SEED_TEXT[source_id] = _fold(matches[0].read_text(encoding="utf-8"))
    return _SEED_TEXT[source_id]


def _case_id(case) -> str:
    city, country, kind, key, date, source_id, _ = case
    return f"{city}-{country}-{kind}-{key}-{date or 'nodate'}-{source_id}"


def test_enough_cases():
    assert len(CASES) >= 40
    assert len({_case_id(c) for c in CASES}) == len(CASES), "duplicate cases"
    assert {c[5] for c in CASES} == set(SEED_PREFIX), "every seed document should be covered"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_quote_occurs_in_seed(case):
    city, country, kind, key, date, source_id, quote = case
    assert _fold(quote) in _seed_text(source_id), (
        f"quote for {city} ({kind} {key}) not found in the {source_id} seed document: {quote!r}"
    )


def _facts_seed_rows():
    if not FACTS_SEEDS.exists():
        return []
    with FACTS_SEEDS.open(encoding="utf-8", newline="") as fh:
        return [(line, row) for line, row in enumerate(csv.DictReader(fh), start=2) if row["source_id"] in SEED_PREFIX]


@pytest.mark.skipif(not FACTS_SEEDS.exists(), reason="data/curation/facts_seeds.csv not present")
def test_every_curated_seed_quote_occurs_in_its_document():
    missing = [
        f"line {line}: {row['place']} ({row['fact']}, {row['source_id']}): {row['quote']!r}"
        for line, row in _facts_seed_rows()
        if not row["quote"].strip() or _fold(row["quote"]) not in _seed_text(row["source_id"])
    ]
    assert not missing, "quotes not found verbatim (whitespace folded) in their seed document:\n" + "\n".join(missing)


@pytest.fixture(scope="module")
def atlas():
    if not (ROOT / "src" / "mapdata" / "__init__.py").exists():
        pytest.skip("src/mapdata is not written yet")
    if not any((ROOT / "data").glob("*.csv")):
        pytest.skip("data package not built yet: run `python -m mapdata build`")
    src = str(ROOT / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    from mapdata import load_atlas

    return load_atlas(ROOT / "data")


def _city_ids(atlas, city: str, country: str) -> set:
    places = atlas.places
    hits = places[(places["country_code"] == country) & (places["name"].map(_name_key) == _name_key(city))]
    assert len(hits), f"{city} ({country}) is not in atlas.places"
    return set(hits.index)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_fact_in_data_package(atlas, case):
    city, country, kind, key, date, source_id, quote = case
    table_name, key_column, date_column = TABLES[kind]
    table = getattr(atlas, table_name)
    ids = _city_ids(atlas, city, country)
    rows = table[table["city_id"].isin(ids) & (table[key_column] == key) & (table["source_id"] == source_id)]
    assert len(rows), f"no {kind} {key!r} from {source_id} for {city} ({country}) in atlas.{table_name}"
    found = [
        (_cell(row[date_column]), _fold(_cell(row["quote"])))
        for _, row in rows.iterrows()
    ]
    assert (date, _fold(quote)) in found, (
        f"{city} ({country}) {kind} {key!r} from {source_id}: expected {date_column}={date!r} with quote {quote!r}, "
        f"found {found}"
    )
