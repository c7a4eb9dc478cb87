"""The Suggest page and the status page: prefilled from a panel's link, errors per field with nothing typed lost,
a receipt with a ref, and a status that never shows a contact."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from helpers import ROOT


@pytest.fixture
def suggestions_db(tmp_path, monkeypatch):
    """A fresh SQLite file for the app's store (the cached store is dropped before and after)."""
    from mapdata.suggest.db import make_engine
    from mapdata.suggest.store import Store
    from mapdata.ui.suggest import _cached_store
    monkeypatch.setenv("MAPDATA_DB", str(tmp_path / "suggestions.sqlite"))
    monkeypatch.delenv("MAPDATA_DB_URL", raising=False)
    _cached_store.clear()
    yield Store(make_engine(f"sqlite:///{tmp_path / 'suggestions.sqlite'}"))
    _cached_store.clear()


def open_page(page: str = "app_pages/suggest.py", **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.switch_page(page)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def widget(at, kind: str, key: str):
    return next(w for w in getattr(at, kind) if w.key == key)


def errors(at) -> list[str]:
    return [e.value for e in at.error]


def test_a_panel_link_prefills_the_place_and_the_fact(atlas, suggestions_db):
    city_id = "de-hamburg" if "de-hamburg" in atlas.places.index else atlas.places.index[0]
    at = open_page(place=city_id, fact="declaration")
    assert not at.exception
    assert widget(at, "selectbox", "sg_city_id").value == city_id
    assert widget(at, "radio", "sg_fact").value == "declaration"
    assert any(s.key == "sg_label" for s in at.selectbox)


def test_errors_are_named_per_field_and_nothing_typed_is_lost(atlas, suggestions_db):
    at = open_page()
    widget(at, "text_area", "sg_quote").set_value("Weyhe ist Sicherer Hafen")
    widget(at, "text_input", "sg_date").set_value("2020-13")
    widget(at, "text_input", "sg_source_url").set_value("javascript:alert(1)")
    widget(at, "text_input", "sg_contact").set_value("reader@example.org")
    widget(at, "button", "sg_btn_send").click()
    at.run()
    assert not at.exception
    shown = " ".join(errors(at))
    for field in ("Place", "Network id", "Date", "Source url"):
        assert field in shown
    assert widget(at, "text_area", "sg_quote").value == "Weyhe ist Sicherer Hafen"
    assert widget(at, "text_input", "sg_date").value == "2020-13"
    assert widget(at, "text_input", "sg_contact").value == "reader@example.org"
    assert suggestions_db.queue() == []


def _fill_valid(at, atlas, city_id: str) -> None:
    widget(at, "selectbox", "sg_city_id").set_value(city_id)
    widget(at, "selectbox", "sg_network_id").set_value(atlas.networks.index[0])
    widget(at, "text_input", "sg_date").set_value("2020-03")
    widget(at, "text_input", "sg_source_url").set_value("https://example.org/council/2020-03")
    widget(at, "text_area", "sg_quote").set_value("The council joined the network.")
    widget(at, "text_input", "sg_contact").set_value("reader@example.org")


def test_a_sent_suggestion_gives_a_receipt_and_a_status_without_the_contact(atlas, suggestions_db):
    city_id = atlas.places.index[0]
    at = open_page()
    _fill_valid(at, atlas, city_id)
    widget(at, "button", "sg_btn_send").click()
    at.run()
    assert not at.exception and errors(at) == []
    (stored,) = suggestions_db.queue()
    assert stored.city_id == city_id and stored.place == atlas.places.at[city_id, "name"]
    assert stored.contact == "reader@example.org"
    assert any("stored" in s.value for s in at.success)
    assert any(stored.ref in m.value.replace("\\", "") for m in at.markdown)
    status = open_page("app_pages/suggestions.py", ref=stored.ref)
    assert not status.exception
    text = " ".join(str(e.value) for e in [*status.markdown, *status.caption, *status.subheader])
    assert "Received" in text and "reader@example.org" not in text and "example.org" not in text


def test_an_unknown_ref_says_so(suggestions_db):
    at = open_page("app_pages/suggestions.py", ref="nope")
    assert not at.exception and at.warning


def test_an_unreachable_database_keeps_what_was_typed(atlas, suggestions_db, monkeypatch, tmp_path):
    from mapdata.ui.suggest import _cached_store
    monkeypatch.setenv("MAPDATA_DB_URL", "postgresql://nobody@127.0.0.1:1/none")
    _cached_store.clear()
    at = open_page()
    _fill_valid(at, atlas, atlas.places.index[0])
    widget(at, "button", "sg_btn_send").click()
    at.run()
    assert not at.exception
    assert any("cannot be reached" in e for e in errors(at))
    assert widget(at, "text_area", "sg_quote").value == "The council joined the network."


def test_the_panel_and_the_places_page_link_to_the_form(atlas):
    city_id = atlas.places.index[0]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["place"] = city_id
    at.run()
    links = [p.proto for p in at.get("page_link")]
    assert any(p.label == "Suggest a correction" and p.query_string == f"place={city_id}" for p in links)
    places = at.switch_page("app_pages/places.py").run()
    assert any(p.proto.label == "Add a place or a fact" for p in places.get("page_link"))
