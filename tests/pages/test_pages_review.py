"""The Review page: closed without the secret (no counts leak), wrong tries slowed, Accept writes the curation
files, Decline keeps its reason, every decision kept, and hostile text in every field shown escaped."""
from __future__ import annotations

import csv

import pytest
from streamlit.testing.v1 import AppTest

from helpers import ROOT

SECRET = "correct horse battery staple"
MEMBERSHIP = {"place": "Weyhe", "country_code": "DE", "admin1": "Niedersachsen", "fact": "membership",
              "network_id": "seebruecke-safe-harbours", "date": "2020-03", "source_url": "https://example.org/weyhe",
              "quote": "Weyhe ist Sicherer Hafen", "contact": "reader@example.org"}
# Text that passes validation (no tags) but would do harm if rendered as Markdown or HTML.
HOSTILE = {"place": "[click](javascript:alert(1))", "admin1": "**bold** _x_", "description": "![img](http://x/y.png)",
           "quote": "javascript:alert(document.cookie)", "note": ":red[alarm] $x^2$ `code`",
           "source_title": "[t](http://evil.example)", "contact": "a@b.co"}


@pytest.fixture
def review_env(tmp_path, monkeypatch):
    from mapdata.suggest.db import make_engine
    from mapdata.suggest.store import Store
    from mapdata.ui import review
    from mapdata.ui.suggest import _cached_store
    monkeypatch.setenv("MAPDATA_DB", str(tmp_path / "suggestions.sqlite"))
    monkeypatch.delenv("MAPDATA_DB_URL", raising=False)
    monkeypatch.setenv("MAPDATA_CURATOR_SECRET", SECRET)
    monkeypatch.setenv("MAPDATA_SUGGESTIONS_TO", str(tmp_path / "package"))
    monkeypatch.setattr(review, "SLOW", 0.05)
    review._failures.update(count=0, last=0.0)
    _cached_store.clear()
    yield Store(make_engine(f"sqlite:///{tmp_path / 'suggestions.sqlite'}")), tmp_path / "package" / "curation"
    _cached_store.clear()


def open_review() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    return at.switch_page("app_pages/review.py").run()


def everything(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "info", "error", "success", "warning", "subheader", "dataframe", "expander"):
        for element in getattr(at, kind):
            value = getattr(element, "value", None)
            parts.append(value.to_csv() if hasattr(value, "to_csv") else str(getattr(element, "label", "") or value))
    return " ".join(parts)


def sign_in(at, secret: str = SECRET, name: str = "Ana") -> AppTest:
    at.text_input[0].set_value(name)
    at.text_input[1].set_value(secret)
    at.button[0].click()
    return at.run()


def test_closed_without_the_secret_and_no_counts_leak(review_env, monkeypatch):
    store, _ = review_env
    for _ in range(3):
        store.submit(MEMBERSHIP)
    monkeypatch.delenv("MAPDATA_CURATOR_SECRET")
    at = open_review()
    assert not at.exception and "closed" in everything(at)
    assert "Weyhe" not in everything(at) and "received" not in everything(at) and "accepted" not in everything(at)
    monkeypatch.setenv("MAPDATA_CURATOR_SECRET", SECRET)
    at = open_review()
    assert "Weyhe" not in everything(at) and "received" not in everything(at)
    at = sign_in(at, secret="wrong")
    assert not at.exception and "Wrong secret" in everything(at)
    assert "Weyhe" not in everything(at) and "received" not in everything(at)


def test_wrong_tries_are_slowed():
    import time

    from mapdata.ui import review
    review._failures.update(count=0, last=0.0)
    old = review.SLOW
    review.SLOW = 0.1
    try:
        assert not review.check_secret("a", "b") and not review.check_secret("a", "b")
        start = time.monotonic()
        review.check_secret("a", "b")  # third wrong try waits 2 x 0.1 s
        assert time.monotonic() - start >= 0.19
        assert review.check_secret("b", "b") and review._failures["count"] == 0
        assert not review.check_secret("", "")  # no secret configured: never open
    finally:
        review.SLOW = old
        review._failures.update(count=0, last=0.0)


def test_accept_writes_the_curation_files_and_decline_keeps_its_reason(review_env):
    store, curation = review_env
    a = store.submit(MEMBERSHIP)
    b = store.submit({**MEMBERSHIP, "place": "Stuhr", "source_url": "https://example.org/stuhr"})
    at = sign_in(open_review())
    assert not at.exception
    assert "Weyhe" in everything(at) and "Stuhr" in everything(at) and "2 received" in everything(at)
    assert "reader@example.org" in everything(at)  # curators see the contact
    next(c for c in at.checkbox if c.key == f"rv_verified_{a}").check()
    next(w for w in at.text_input if w.key == f"rv_edit_date_{a}").set_value("2020-03-12")
    next(w for w in at.button if w.key == f"rv_accept_{a}").click()
    at.run()
    assert not at.exception
    with (curation / "facts_suggestions.csv").open(encoding="utf-8") as f:
        (fact,) = list(csv.DictReader(f))
    assert fact["place"] == "Weyhe" and fact["status"] == "verified" and fact["date"] == "2020-03-12"
    assert (curation / "sources_suggestions.csv").exists()
    assert "holds 0 of the 1 accepted suggestions" in everything(at)  # joins the package at the next build
    next(w for w in at.selectbox if w.key == "rv_status").set_value("received")
    at.run()
    next(w for w in at.button if w.key == f"rv_decline_{b}").click()
    at.run()
    assert any("reason" in e.value for e in at.error)  # a decline needs its reason
    next(w for w in at.text_input if w.key == f"rv_reason_{b}").set_value("The page does not name Stuhr.")
    next(w for w in at.button if w.key == f"rv_decline_{b}").click()
    at.run()
    assert store.status(b).status == "declined" and store.status(b).reason == "The page does not name Stuhr."
    (accepted,) = store.get(a).decisions
    assert accepted.curator == "Ana" and accepted.verified and "2020-03-12" in accepted.changes
    assert store.get(b).decisions[0].curator == "Ana"
    at.run()
    export = next(d for d in at.get("download_button"))
    assert export is not None


def test_hostile_text_in_every_field_is_shown_escaped(review_env):
    store, _ = review_env
    ref = store.submit({**MEMBERSHIP, **HOSTILE})
    at = sign_in(open_review())
    assert not at.exception
    for element in [*at.markdown, *at.caption, *at.expander]:
        text = str(getattr(element, "label", None) or element.value)
        assert "](javascript:" not in text and "](http://evil" not in text and ":red[" not in text
        assert "**bold**" not in text
    store.decide(ref, curator="Ana", action="decline", reason="[x](javascript:alert(1)) **no**")
    status = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    status.switch_page("app_pages/suggestions.py")
    status.query_params["ref"] = ref
    status.run()
    shown = [str(m.value) for m in [*status.markdown, *status.subheader, *status.caption]]
    assert any("javascript" in s for s in shown)
    assert all("](javascript:" not in s and "**no**" not in s and "](http" not in s for s in shown)
    assert all("a@b.co" not in s for s in shown)
