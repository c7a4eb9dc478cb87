"""Source dates the importers give: stated by a file held here (a list's note, its README, the page's URL or title),
at the precision stated, never the date of the fact the page reports."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import ROOT
from mapdata.curation.importers.cells import _stated_date, _title_date, _url_date
from mapdata.curation.importers.collector import _Collector
from mapdata.curation.importers.github import _kevinnbass_note
from mapdata.curation.importers.sources import _STATED_DATES
from mapdata.dates import is_partial_date

CANDIDATE_SOURCES = ROOT / "data" / "curation" / "sources_candidates.csv"
CANDIDATE_FACTS = ROOT / "data" / "curation" / "facts_candidates.csv"


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    return pd.read_csv(CANDIDATE_SOURCES, dtype=str, keep_default_na=False)


@pytest.mark.parametrize("url,date", [
    ("https://www.theguardian.com/leeds/2010/nov/12/leeds-unites-in-bid-to-become-a-city-of-sanctuary", "2010-11-12"),
    ("https://www.svenskapen.se/senaste-nytt/2018/3/26/fristder-faller-utanfr", "2018-03-26"),
    ("https://jusos-mainz.de/aktuelles/2019-04-17_mainz-wird-zum-sicheren-hafen-fuer-gefluechtete/", "2019-04-17"),
    ("https://www.rp-online.de/2019/06/14/x", "2019-06-14"),
    ("https://legislature.vermont.gov/bill/status/2018/S.79", ""),  # a session year, not a publication date
    ("https://www.cga.ct.gov/2013/ACT/pa/pdf/2013PA-00155-R00HB-06659-PA.pdf", ""),
    ("https://example.org/2019/foo/12/", ""),
])
def test_a_url_dates_a_page_only_by_a_clear_date_path(url, date):
    assert _url_date(url) == date


def test_every_stated_date_is_a_partial_iso_date_with_a_reason():
    assert _STATED_DATES
    for url, (date, where) in _STATED_DATES.items():
        assert is_partial_date(date) and len(where) > 10, url


def test_every_stated_date_is_the_date_of_a_candidate_source(sources):
    """Each entry is used (its URL is a source of the candidate lists) and gives that source its date."""
    by_url = sources.set_index("url")["date"]
    unused = sorted(set(_STATED_DATES) - set(by_url.index))
    assert unused == []
    wrong = {url: (by_url[url], date) for url, (date, _) in _STATED_DATES.items() if by_url[url] != date}
    assert wrong == {}


def test_a_stated_date_never_contradicts_the_url_or_the_title(sources):
    """Where the page's URL or title carries a date too, the stated date is the same date (or a finer one)."""
    titles = sources.set_index("url")["title"]
    for url, (date, _) in _STATED_DATES.items():
        for other in (_url_date(url), _title_date(titles[url])):
            assert not other or date.startswith(other) or other.startswith(date), (url, date, other)


def test_a_stated_date_comes_first_then_the_url_then_the_title():
    url = next(iter(_STATED_DATES))
    assert _stated_date(url, "A title (2001)") == _STATED_DATES[url][0]
    assert _stated_date("https://example.org/2019/06/14/x", "A title (2001)") == "2019-06-14"
    assert _stated_date("https://example.org/x", "A title (2001)") == "2001"
    assert _stated_date("https://example.org/x", "A title") == ""


def test_the_sources_dated_here_are_the_ones_the_held_files_date(sources):
    """A few by hand: a list's 'Stand', an article date stamp, an as_of, a self-dated document; and pages whose
    held rows give no date of their own (or only a guess) stay undated."""
    date = sources.set_index("source_id")["date"]
    assert date["nds-fluerat-sichere-haefen-niedersachsen"] == "2020-06-15"  # 'Stand: 15. Juni 2020'
    assert date["diepresse-fluechtlinge-spoe-ortschefs"] == "2020-03"  # as_of=2020-03 (article date stamp)
    assert date["assets-documentcloud-city-seattle-protocol"] == "2018-02-06"  # 'Date: February 6, 2018'
    assert date["icorn-is-it-illegal"] == "2014-07-07"  # its title: 'news item dated 07 July 2014'
    assert date["theguardian-leeds-unites-bid-2010"] == "2010-11-12"  # the URL path /2010/nov/12/
    for undated in ("filiz-polat-niedersachsen-nrw-bieten",  # README's 'c. July 2019' is an estimate
                    "bloiscapitale-l-anvita-attractive",  # 'likely 2024' is a guess
                    "ak-asyl-vaihingen-sicherer-hafen",  # 'page undated'
                    "acorianooriental-dezenas-municipios-ja",  # its as_of is another site's copy's date
                    "github-pgourdongeo-etmun-members"):
        assert date[undated] == "", undated


def test_a_fact_read_from_another_dated_version_of_a_page_is_bounded_by_that_version():
    out = _Collector()
    url = "http://icorn.org/"
    for title in ("ICORN homepage: news item dated 07 July 2014", "ICORN homepage: news item dated 07 July 2014",
                  "ICORN homepage: news of 08 August 2014"):
        out.add(row_title=title, place="Molde", country_code="NO", fact="membership", network_id="icorn",
                source_id=out.cite(url, title), note="")
    frames = out.frames()
    assert frames["sources"]["date"].tolist() == ["2014-07-07"]
    notes = frames["facts"]["note"].tolist()
    assert "as_of" not in notes[0] and "as_of" not in notes[1]
    assert notes[2].startswith("as_of=2014-08-08 ") and "page version: ICORN homepage: news of 08 August 2014" in \
        notes[2]


def test_an_undated_kevinnbass_entry_is_bounded_by_its_last_verified_day_unless_its_page_is_dated():
    entry = dict(source_url="https://www.boston.gov/departments/mayors-office/trust-act",
                 source_name="City of Boston - TRUST Act Policy", last_verified="2026-01-25",
                 local_status="sanctuary_strong", detainer_policy="decline_all")
    assert "as_of=2026-01-25 " in _kevinnbass_note(entry, "local_status")
    assert "as_of=" not in _kevinnbass_note(entry, "local_status", date="2014-08-20")
    dated_page = dict(entry, source_url="https://www.kut.org/crime-justice/2026-01-14/ice-apd-austin")
    assert "as_of=" not in _kevinnbass_note(dated_page, "local_status")
    titled = dict(entry, source_name="State-level: Texas Legislature - SB 4 (2017)")
    assert "as_of=" not in _kevinnbass_note(titled, "local_status")


def test_the_candidate_facts_carry_the_bounds(sources):
    facts = pd.read_csv(CANDIDATE_FACTS, dtype=str, keep_default_na=False)
    molde = facts[(facts["place"] == "Molde") & (facts["source_id"] == "icorn-is-it-illegal")]
    assert molde["note"].str.contains("as_of=2014-08-08 ").all() and len(molde) == 1
    via = facts[facts["note"].str.startswith("via kevinnbass dataset") & (facts["date"] == "")]
    dated = set(sources.loc[sources["date"] != "", "source_id"])
    bounded = via["note"].str.contains("as_of=2026-01-25 ")
    assert len(via) and (bounded | via["source_id"].isin(dated)).all()
