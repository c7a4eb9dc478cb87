"""The curators' Review page: closed (nothing shown, no counts) until the curator's secret is given; then the
queue with filters, each suggestion beside the place's current facts, Accept (optionally edited, verified only when
ticked) / Decline with a reason, every decision kept, and the queue as CSV."""
from __future__ import annotations

import hmac
import os
import threading
import time
from pathlib import Path

import pandas as pd
import streamlit as st

from mapdata.atlas.model import Atlas
from mapdata.atlas.package import package_zip
from mapdata.paths import DATA_DIR
from mapdata.suggest.accept import refs_in_package, write_accepted
from mapdata.suggest.models import Suggestion
from mapdata.suggest.store import Invalid, Unavailable
from mapdata.text import markdown_literal
from mapdata.ui.suggest import FACT_LABELS, get_store

R = "rv_"
SLOW = 1.0  # seconds of delay per recent wrong try (doubling, at most MAX_SLOW)
MAX_SLOW = 30.0
_failures = {"count": 0, "last": 0.0}  # over every session of this server: guessing from new sessions pays too
_failures_lock = threading.Lock()
EDITABLE = ("date", "end", "title", "description", "quote", "note")


def curator_secret() -> str:
    """`MAPDATA_CURATOR_SECRET`, else `curator_secret` in st.secrets; empty when neither is set."""
    secret = os.environ.get("MAPDATA_CURATOR_SECRET", "")
    if not secret:
        try:
            secret = str(st.secrets.get("curator_secret", ""))
        except Exception:  # noqa: BLE001 - no secrets file
            secret = ""
    return secret


def curation_data_dir() -> Path:
    """The package whose curation folder accepted suggestions go to (`MAPDATA_SUGGESTIONS_TO`, else data/)."""
    return Path(os.environ.get("MAPDATA_SUGGESTIONS_TO") or DATA_DIR)


def _delay() -> float:
    with _failures_lock:
        if time.monotonic() - _failures["last"] > 600:
            _failures["count"] = 0
        count = _failures["count"]
    return 0.0 if count == 0 else min(SLOW * 2 ** (count - 1), MAX_SLOW)


def check_secret(typed: str, secret: str) -> bool:
    """Constant-time comparison; every wrong try makes the next answer slower."""
    time.sleep(_delay())
    ok = bool(secret) and hmac.compare_digest(typed.encode("utf-8"), secret.encode("utf-8"))
    with _failures_lock:
        if ok:
            _failures["count"] = 0
        else:
            _failures["count"] += 1
            _failures["last"] = time.monotonic()
    return ok


def sign_in() -> str | None:
    """The signed-in curator's name, or None after drawing the sign-in form (and nothing else)."""
    if st.session_state.get(f"{R}curator"):
        return st.session_state[f"{R}curator"]
    secret = curator_secret()
    if not secret:
        st.info("Review is closed: no curator secret is configured on this server.", icon=":material/lock:")
        return None
    with st.form(f"{R}signin"):
        name = st.text_input("Your name (kept with every decision)", max_chars=80)
        typed = st.text_input("Curator secret", type="password", max_chars=200)
        sent = st.form_submit_button("Sign in", icon=":material/login:")
    if sent:
        if not name.strip():
            st.error("Type your name: every decision records who took it.")
        elif check_secret(typed, secret):
            st.session_state[f"{R}curator"] = name.strip()[:80]
            st.rerun()
        else:
            st.error("Wrong secret.")
    return None


def review_page(atlas: Atlas) -> None:
    curator = sign_in()
    if not curator:
        return
    try:
        store = get_store()
        counts = store.counts()
    except Unavailable:
        st.error("The suggestions database cannot be reached just now.")
        return
    top, out = st.columns([5, 1], vertical_alignment="bottom")
    top.markdown(f"Signed in as **{markdown_literal(curator)}** · " +
                 " · ".join(f"{n:,} {s}" for s, n in counts.items()))
    if out.button("Sign out", key=f"{R}signout"):
        st.session_state.pop(f"{R}curator")
        st.rerun()
    a, b, c = st.columns(3)
    status = a.selectbox("Status", ["received", "accepted", "declined", ""], key=f"{R}status",
                         format_func=lambda s: {"received": "new"}.get(s, s) or "all")
    place = b.text_input("Place", key=f"{R}place", max_chars=120)
    network = c.selectbox("Network", ["", *sorted(atlas.networks.index)], key=f"{R}network",
                          format_func=lambda n: atlas.networks.at[n, "name"] if n else "any")
    try:
        queue = store.queue(status=status or None, place=place.strip(), network=network)
    except Unavailable:
        st.error("The suggestions database cannot be reached just now.")
        return
    st.download_button("Export the queue as CSV", store.export_csv(queue), file_name="suggestions.csv",
                       mime="text/csv", key=f"{R}export", icon=":material/download:")
    _package_box(atlas, store)
    if not queue:
        st.info("Nothing in the queue with these filters.")
    for s in queue:
        with st.expander(f"{markdown_literal(s.place)} · {FACT_LABELS.get(s.fact, s.fact)} · {s.status} · "
                         f"{s.created_at:%Y-%m-%d}", expanded=len(queue) == 1):
            _suggestion(atlas, store, s, curator)


def _package_box(atlas: Atlas, store) -> None:
    """Which accepted suggestions the built package holds, which wait for the next build; the package itself."""
    accepted = {s.ref for s in store.queue(status="accepted")}
    held = accepted & refs_in_package(atlas.facts)
    st.caption(f"The data package holds {len(held):,} of the {len(accepted):,} accepted suggestions; the others are "
               "in data/curation and join it at the next build (`python -m mapdata build`).")
    st.download_button("Download the data package (zip)", package_zip(), "solidarity-cities-atlas.zip",
                       "application/zip", key=f"{R}package", icon=":material/download:")


def _suggestion(atlas: Atlas, store, s: Suggestion, curator: str) -> None:
    left, right = st.columns(2)
    with left:
        st.caption(f"Reference {s.ref}")
        shown = {k: v for k, v in s.values().items() if v and k not in ("source_url",)}
        st.dataframe(pd.DataFrame({"field": list(shown), "value": list(shown.values())}), hide_index=True,
                     width="stretch")
        st.link_button("Open the source", s.source_url, icon=":material/open_in_new:")
        for d in s.decisions:
            st.caption(f"{d.at:%Y-%m-%d %H:%M} · {markdown_literal(d.curator)} · {d.action}"
                       + (f" · {markdown_literal(d.reason)}" if d.reason else "")
                       + (f" · changed {markdown_literal(d.changes)}" if d.changes != "{}" else ""))
    with right:
        st.markdown("**What the atlas holds for this place**")
        facts = atlas.facts[atlas.facts["city_id"] == s.city_id] if s.city_id else atlas.facts.iloc[:0]
        if facts.empty:
            st.caption("Nothing: a new place, or a place not yet in the atlas.")
        else:
            st.dataframe(facts[["fact", "what", "date", "outcome", "status", "source_id"]], hide_index=True,
                         width="stretch")
    if s.status == "accepted":
        held = s.ref in refs_in_package(atlas.facts)
        st.caption("In the data package." if held else "Accepted: joins the data package at the next build.")
    if s.status != "received":
        return
    edits = {}
    with st.popover("Edit, then accept", icon=":material/edit:"):
        for name in EDITABLE:
            edits[name] = st.text_input(name, value=getattr(s, name), key=f"{R}edit_{name}_{s.ref}")
    verified = st.checkbox("The source states this fact (mark it verified)", key=f"{R}verified_{s.ref}")
    reason = st.text_input("Reason to decline", key=f"{R}reason_{s.ref}", max_chars=1000)
    a, b = st.columns(2)
    try:
        if a.button("Accept", key=f"{R}accept_{s.ref}", type="primary", icon=":material/check:"):
            changed = {k: v for k, v in edits.items() if v != getattr(s, k)}
            done = store.decide(s.ref, curator=curator, action="accept", verified=verified,
                                networks=set(atlas.networks.index), edits=changed)
            write_accepted(done, verified=verified, data_dir=curation_data_dir())
            st.rerun()
        if b.button("Decline", key=f"{R}decline_{s.ref}", icon=":material/close:"):
            store.decide(s.ref, curator=curator, action="decline", reason=reason)
            st.rerun()
    except Invalid as exc:
        for field, error in exc.errors.items():
            st.error(f"{field}: {markdown_literal(error)}")
    except Unavailable:
        st.error("The suggestions database cannot be reached just now.")

