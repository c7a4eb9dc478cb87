"""Uploading a file in a real browser (Debian Chromium, no internet): good rows on the map, bad ones in the report."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from helpers import MAP_FRAME, ROOT, map_frame
from mapdata import upload
from mapdata.render.mapview import tooltips
from mapdata.view.query import FilterState, select

pytestmark = pytest.mark.browser
FILE = ROOT / "tests" / "fixtures" / "upload" / "good_and_bad.csv"


@pytest.fixture
def expected(atlas) -> upload.UploadResult:
    up = upload.read_upload(FILE.name, FILE.read_bytes())
    return upload.process(up, upload.Settings(upload.guess_mapping(up.columns)), atlas)


def test_upload_shows_good_rows_on_the_map_and_bad_rows_in_the_report(page, app_url, expected, external_requests):
    assert expected.accepted and expected.rejected  # the fixture has both
    page.goto(app_url)  # then the sidebar, as a visitor would (a cold server answers a deep link "page not found")
    page.get_by_role("link", name="Your data").click()
    page.get_by_role("heading", name="Your data").wait_for(timeout=60000)
    page.locator("input[type=file]").set_input_files(FILE)
    page.get_by_text(f"{len(expected.accepted)} accepted + {len(expected.rejected)} rejected = "
                     f"{expected.uploaded} rows uploaded").wait_for(timeout=60000)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download the rejected rows (CSV)").click()
    report = pd.read_csv(io.BytesIO(Path(download.value.path()).read_bytes()), dtype=str, keep_default_na=False)
    assert report["row"].astype(int).tolist() == expected.rejected
    assert set(report["value"]) >= {"31/31/2020", "Atlantis"}

    page.get_by_text("Alone", exact=True).click()
    page.get_by_text("of your places are on the atlas for this session (alone)").wait_for()
    page.get_by_role("link", name="Open the atlas").click()
    frame = map_frame(page)
    view = select(expected.atlas, FilterState())
    shown = len(view.visible_on(date.today()))
    page.wait_for_function(
        """([sel, n]) => { const f = document.querySelector(sel); const c = f && f.contentDocument
              && f.contentDocument.querySelector('.sc-count'); return c && +c.dataset.places === n; }""",
        arg=[MAP_FRAME, shown], timeout=30000)
    layer = page.locator(MAP_FRAME).element_handle().content_frame()
    for tip in tooltips(view.places).values():  # every accepted place is drawn
        assert layer.evaluate("t => window.solidarityAtlas.pointOf(t)", tip) is not None, tip
    rejected_names = {"Lyon", "Atlantis", "Bologna"}
    assert not rejected_names & set(view.places["name"])
    legend = frame.locator(".leaflet-control").all_text_contents()  # folded on small screens
    assert any(expected.atlas.networks.at[upload.LIST_ID, "short_name"] in text for text in legend), legend
    assert external_requests == []
