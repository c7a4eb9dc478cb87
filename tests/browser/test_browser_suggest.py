"""The whole loop in a real browser: a reader suggests a fact, reads its status, a curator signs in and accepts it
(the curation file gets the fact); hostile text shows as text and nothing runs."""
from __future__ import annotations

import csv

import pytest

from helpers import start_app, stop_app

pytestmark = pytest.mark.browser
SECRET = "browser-test-secret"


@pytest.fixture
def suggest_app(tmp_path):
    proc, url = start_app(env={"MAPDATA_DB": str(tmp_path / "s.sqlite"), "MAPDATA_CURATOR_SECRET": SECRET,
                               "MAPDATA_SUGGESTIONS_TO": str(tmp_path / "package")})
    yield url, tmp_path / "package" / "curation"
    stop_app(proc)


def box(page, label: str):
    return page.get_by_role("textbox", name=label, exact=True)


def enter(page, label: str, text: str) -> None:
    """Type into a field and leave it, then wait until the app has taken the value (a click sent while the rerun of
    the field's change still runs could be answered with the field's old value)."""
    field = box(page, label)
    field.fill(text)
    field.press("Tab")
    page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60000)
    page.wait_for_function("([l, v]) => [...document.querySelectorAll('input, textarea')].some("
                           "e => e.getAttribute('aria-label') === l && e.value === v)", arg=[label, text])


def choose(page, label: str, text: str) -> None:
    box = page.locator("[data-testid='stSelectbox']").filter(has_text=label).first
    box.click()
    page.keyboard.type(text)
    page.get_by_role("option").filter(has_text=text).first.click()


def test_suggest_read_status_review_and_accept(page, suggest_app, atlas, external_requests):
    url, curation = suggest_app
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    city_id = atlas.places.index[0]
    name = atlas.places.at[city_id, "name"]
    network = atlas.networks.index[0]
    page.goto(url)
    page.get_by_role("link", name="Suggest", exact=True).click()
    page.get_by_role("heading", name="Suggest a correction or a new fact").wait_for(timeout=60000)
    choose(page, "Place", name)
    choose(page, "Network", atlas.networks.at[network, "name"])
    enter(page, "Date, at the precision the source gives", "2020-03")
    enter(page, "Source: address of the page or document (required)", "https://example.org/council")
    enter(page, "Verbatim quote from the source", "The council joined. [x](javascript:alert(1))")
    enter(page, "Note (optional)", "<script>alert(1)</script>")
    page.get_by_role("button", name="Send the suggestion").click()
    page.get_by_text("plain text only").wait_for(timeout=30000)  # the note's markup is refused, the rest kept
    assert box(page, "Verbatim quote from the source").input_value().startswith("The council joined.")
    enter(page, "Note (optional)", "seen on the council's site")
    page.get_by_role("button", name="Send the suggestion").click()
    page.get_by_text("your suggestion is stored").wait_for(timeout=30000)
    page.get_by_role("link", name="/suggestions?ref=").click()
    page.get_by_text("Received: a curator has not looked at it yet.").wait_for(timeout=30000)

    page.get_by_role("link", name="Review (curators)").click()
    enter(page, "Your name (kept with every decision)", "Ana")
    enter(page, "Curator secret", SECRET)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("Signed in as").wait_for(timeout=30000)
    page.get_by_text("The source states this fact (mark it verified)").click()
    page.get_by_role("button", name="Accept", exact=True).click()
    page.get_by_text("0 received · 1 accepted").wait_for(timeout=30000)
    with (curation / "facts_suggestions.csv").open(encoding="utf-8") as f:
        (fact,) = list(csv.DictReader(f))
    assert fact["place"] == name and fact["network_id"] == network and fact["status"] == "verified"
    assert "javascript:alert(1)" in fact["quote"]
    assert dialogs == [] and external_requests == []
