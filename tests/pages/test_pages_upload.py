"""The "Your data" page, headless (AppTest): upload, report, choices, and the records on the other pages."""
from __future__ import annotations

import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from helpers import ROOT
from mapdata import upload
from mapdata.atlas.merge import merge_atlases
from mapdata.upload import Settings, guess_mapping, read_upload
from mapdata.view.query import FilterState, select

FIXTURES = ROOT / "tests" / "fixtures" / "upload"
GOOD_AND_BAD = "good_and_bad.csv"


def open_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    at.switch_page("app_pages/upload.py").run()
    assert not at.exception, at.exception
    return at


def send(at: AppTest, name: str, raw: bytes) -> AppTest:
    at.file_uploader[0].set_value((name, raw, "application/octet-stream")).run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, int]:
    return {m.label: int(m.value.replace(",", "")) for m in at.metric}


def expected(atlas, name: str, **kwargs) -> upload.UploadResult:
    up = read_upload(name, (FIXTURES / name).read_bytes())
    return upload.process(up, Settings(guess_mapping(up.columns), **kwargs), atlas)


def shown(markdown: str) -> str:
    """Markdown as it reads on screen (the page escapes text from files)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def summary(at: AppTest) -> str:
    return next(m.value for m in at.markdown if " places in " in m.value or " place in " in m.value)


def test_page_title_heading_and_credits():
    at = open_page()
    assert [t.value for t in at.title] == ["Your data"]
    assert any(e.label.startswith("Sources, licence") for e in at.expander)
    assert any(b.label == "Download the template (CSV)" for b in at.get("download_button"))


def test_upload_reports_good_and_bad_rows(atlas):
    at = send(open_page(), GOOD_AND_BAD, (FIXTURES / GOOD_AND_BAD).read_bytes())
    want = expected(atlas, GOOD_AND_BAD)
    assert metrics(at) == {"Rows in the file": want.uploaded, "Accepted": len(want.accepted),
                           "Rejected": len(want.rejected), "Places": want.places}
    sums = f"{len(want.accepted)} accepted + {len(want.rejected)} rejected = {want.uploaded} rows uploaded"
    assert any(sums in shown(c.value) for c in at.caption)
    columns = ["row", "column", "value", "problem", "reason"]
    report = next(d.value for d in at.dataframe if list(d.value.columns) == columns)
    assert report["row"].tolist() == want.rejected
    assert at.session_state["user_mode"] == "beside"
    assert set(at.session_state["user_atlas"].places.index) == set(want.atlas.places.index)


def test_records_shown_beside_then_alone_on_the_atlas(atlas):
    at = send(open_page(), GOOD_AND_BAD, (FIXTURES / GOOD_AND_BAD).read_bytes())
    want = expected(atlas, GOOD_AND_BAD)
    merged = merge_atlases(atlas, want.atlas)
    at.switch_page("app_pages/atlas.py").run()
    assert not at.exception, at.exception
    n = len(select(merged, FilterState()).visible_on(date.today()))
    assert f"**{n:,}** place" in summary(at)
    assert want.atlas.networks.at[upload.LIST_ID, "short_name"] in at.sidebar.multiselect(key="w_networks").options

    at.switch_page("app_pages/upload.py").run()
    at.radio(key="w_user_mode").set_value("alone").run()
    at.switch_page("app_pages/atlas.py").run()
    assert not at.exception, at.exception
    n = len(select(want.atlas, FilterState()).visible_on(date.today()))
    assert f"**{n:,}** place" in summary(at)

    at.switch_page("app_pages/upload.py").run()
    assert metrics(at)["Accepted"] == len(want.accepted)  # the report stays for the session
    at.radio(key="w_user_mode").set_value("off").run()
    assert at.session_state["user_atlas"] is None


@pytest.mark.parametrize("page", ["app_pages/timeline.py", "app_pages/places.py", "app_pages/countries.py",
                                  "app_pages/networks.py", "app_pages/present.py", "app_pages/about.py"])
def test_other_pages_show_uploaded_records_alone(page):
    at = send(open_page(), GOOD_AND_BAD, (FIXTURES / GOOD_AND_BAD).read_bytes())
    at.radio(key="w_user_mode").set_value("alone").run()
    at.switch_page(page).run()
    assert not at.exception, at.exception


@pytest.mark.parametrize("name, raw, message", [
    ("notes.pdf", b"%PDF-1.7 x", "is a PDF document"),
    ("empty.csv", b"", "is empty"),
    ("header.csv", b"place,country\n", "no rows below it"),
])
def test_unusable_files_show_a_message(name, raw, message):
    at = send(open_page(), name, raw)
    assert any(message in shown(e.value) for e in at.error)
    assert not at.metric


def test_ambiguous_place_chosen_on_the_page(atlas):
    raw = b"place,country,network_or_label,source\nFrankfurt,DE,Safe Harbour,https://example.org/f\n"
    at = send(open_page(), "f.csv", raw)
    assert metrics(at)["Rejected"] == 1
    [box] = [s for s in at.selectbox if s.placeholder == "Choose the place"]
    candidate = next(c for c in expected_ambiguous(atlas, raw).candidates if "Oder" in c.name)
    box.set_value(candidate.geonames_id)
    at.button[[b.label for b in at.button].index("Use these places")].click().run()
    assert not at.exception, at.exception
    assert metrics(at)["Accepted"] == 1 and metrics(at)["Rejected"] == 0
    assert at.session_state["user_atlas"].places["geonames_id"].tolist() == [str(candidate.geonames_id)]


def expected_ambiguous(atlas, raw: bytes) -> upload.Ambiguity:
    up = read_upload("f.csv", raw)
    return upload.process(up, Settings(guess_mapping(up.columns)), atlas).ambiguous[0]


def test_mapping_and_whole_file_settings_apply(atlas):
    raw = b"Gemeinde,Link\nBern,https://example.org/b\nThun,https://example.org/t\n"
    at = send(open_page(), "ch.csv", raw)
    assert metrics(at)["Rejected"] == 2  # no country yet
    key = next(s.key for s in at.selectbox if s.label == "Country of rows without one")
    at.selectbox(key=key).set_value("CH").run()
    assert metrics(at) == {"Rows in the file": 2, "Accepted": 2, "Rejected": 0, "Places": 2}


def test_template_sample_and_remove(atlas):
    at = open_page()
    at.button[[b.label for b in at.button].index("Try it with the template")].click().run()
    up = read_upload(upload.TEMPLATE.name, upload.TEMPLATE.read_bytes())
    want = upload.process(up, Settings(guess_mapping(up.columns)), atlas)
    assert metrics(at) == {"Rows in the file": len(up.rows), "Accepted": len(up.rows), "Rejected": 0,
                           "Places": want.places}
    at.button[[b.label for b in at.button].index("Remove your data")].click().run()
    assert not at.exception, at.exception
    assert not at.metric and "user_atlas" not in at.session_state


@pytest.mark.parametrize("page", ["app_pages/atlas.py", "app_pages/timeline.py", "app_pages/places.py"])
def test_an_undated_list_shown_alone(page):
    at = send(open_page(), "undated.csv", b"place,country,lat,lon\nBern,CH,46.948,7.447\nThun,CH,46.758,7.628\n")
    at.radio(key="w_user_mode").set_value("alone").run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    if page == "app_pages/atlas.py":
        assert summary(at).startswith("**2** places in **1** country (2 with no date)")


def test_text_from_the_file_is_shown_literally():
    name = "![x](http:evil) *b* :red[c].csv"
    at = send(open_page(), name, b"place,country,lat,lon\nBern,CH,46.948,7.447\n")
    captions = [c.value for c in at.caption if "rows uploaded" in shown(c.value)]
    assert captions and shown(captions[0]).startswith(name)
    assert "![x](" not in captions[0] and "*b*" not in captions[0] and ":red[" not in captions[0]
